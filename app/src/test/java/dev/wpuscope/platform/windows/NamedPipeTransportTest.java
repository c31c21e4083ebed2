package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.live.Disconnect;
import dev.wpuscope.trace.live.PipeClient;
import dev.wpuscope.trace.live.PipeClientLimits;
import dev.wpuscope.trace.live.PipeServerListener;
import dev.wpuscope.trace.live.TracerPipeServer;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The real named pipe: a client in this process writes a capture, the server decodes it. */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class NamedPipeTransportTest {

    private static String uniqueName() {
        return "\\\\.\\pipe\\wpuscope-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    private static byte[] capture() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(bytes)) {
            writer.writeHeader(10_000_000L, 0, 0, 0);
            writer.write(new TraceRecord.ProcessHello(0, 7, 1, 64, 0x100, 10_000_000L, 0, 0, "a.exe", "a", null));
            writer.write(new TraceRecord.ProcessGoodbye(0, 7, 0, 0, 0, null));
        }
        return bytes.toByteArray();
    }

    @Test
    void serverReceivesWhatAClientWritesAndSeesItLeave() throws Exception {
        String name = uniqueName();
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        PipeServerListener listener = new PipeServerListener() {
            @Override
            public void onRecords(PipeClient client, List<TraceRecord> records) {
                events.addAll(records);
            }

            @Override
            public void onDisconnected(PipeClient client, Disconnect disconnect) {
                events.add(disconnect);
            }
        };
        try (TracerPipeServer server = new TracerPipeServer(new NamedPipeTransport(name), PipeClientLimits.defaults(),
                listener)) {
            server.start();
            try (OutputStream client = new FileOutputStream(name)) {
                client.write(capture());
            }
            assertTrue(events.poll(10, TimeUnit.SECONDS) instanceof TraceRecord.ProcessHello);
            assertTrue(events.poll(10, TimeUnit.SECONDS) instanceof TraceRecord.ProcessGoodbye);
            Object end = events.poll(10, TimeUnit.SECONDS);
            assertEquals(Disconnect.Kind.CLIENT_CLOSED, ((Disconnect) end).kind());
        }
    }

    @Test
    void aSecondServerForTheSameNameFails() throws Exception {
        String name = uniqueName();
        try (NamedPipeTransport first = new NamedPipeTransport(name)) {
            IOException e = assertThrows(IOException.class, () -> new NamedPipeTransport(name));
            assertTrue(e.getMessage().contains("already served"), e.getMessage());
        }
    }
}
