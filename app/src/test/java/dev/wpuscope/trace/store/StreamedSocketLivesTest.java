package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.bench.ConversationCapture;
import dev.wpuscope.trace.io.TeeListener;
import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.LoadSession;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket lives told by the records as they stream by are the ones {@link SocketLives} reads from a store. */
class StreamedSocketLivesTest {

    @Test
    void goldenConversationHasTheStoresSockets() throws Exception {
        Lives both = new Lives();
        TraceReader.read(StoreFixtures.GOLDEN.resolve("spi.wputrace"), both.listener());
        assertEquals(new SocketLives.Socket(0, 0, 4242, 1, 0x2C8, "sample_nonifs.dll", "WSPSocket", 2, 11,
                SocketLives.State.CLOSED, 8, 4, 3, 1), both.streamed().get(0));
        assertEquals(both.fromStore(), both.streamed());
    }

    @Test
    void aLongConversationHasTheStoresSockets(@TempDir Path dir) throws Exception {
        Path capture = dir.resolve("conversation.wputrace");
        ConversationCapture.write(capture, 2_000);
        Lives both = new Lives();
        TraceReader.read(capture, both.listener());
        assertEquals(166, both.streamed().size());
        assertEquals(both.fromStore(), both.streamed());
    }

    /**
     * A pid without a hello, two load sessions of one process (1.1 hellos with its start time), a pid reused by a
     * process of a 1.0 tracer, a value created again after its close, upcall and downcall providers from MODULE and
     * PROVIDER_LOADED records.
     */
    @Test
    void processesLoadSessionsAndProvidersAreToldApartAsTheStoreDoes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter w = new TraceWriter(bytes)) {
            w.writeHeader(10_000_000L, 0, 0, 0);
            w.write(upcall(7, Upcall.WPU_CREATE_SOCKET_HANDLE, 0x30, 0));
            w.write(hello(9, new LoadSession(5, 1)));
            w.write(new TraceRecord.Module(0, 9, 1, 0x1000, 0x100, "C:\\lsp\\layer.dll"));
            w.write(new TraceRecord.Module(0, 9, 2, 0x2000, 0x100, "C:\\base\\base.dll"));
            w.write(new TraceRecord.ProviderLoaded(0, 9, 1, 2001, new UUID(1, 1), 0, 1001, new UUID(2, 2), 2, 0, 0,
                    "wputrace", "C:\\base\\base.dll"));
            w.write(upcall(9, Upcall.WPU_CREATE_SOCKET_HANDLE, 0x10, 1));
            w.write(downcall(Downcall.WSP_SOCKET, 1, 0x10, 0x10));
            w.write(downcall(Downcall.WSP_CLOSE_SOCKET, 2, 0x10, 0));
            w.write(downcall(Downcall.WSP_SOCKET, 3, 0x10, 0x10));
            w.write(new TraceRecord.ProcessGoodbye(0, 9, 0, 4, 0, EndReason.CLEANUP.code()));
            w.write(hello(9, new LoadSession(5, 2)));
            w.write(downcall(Downcall.WSP_SEND, 1, 0x10, 0));
            w.write(upcall(9, Upcall.WPU_CLOSE_SOCKET_HANDLE, 0x10, 0));
            w.write(hello(9, null));
            w.write(downcall(Downcall.WSP_SEND, 1, 0x10, 0));
        }
        Lives both = new Lives();
        TraceDecoder decoder = new TraceDecoder("test", both.listener());
        decoder.feed(bytes.toByteArray(), 0, bytes.size());
        decoder.finish();
        assertEquals(List.of("7/0 0 0x30 WPUCreateSocketHandle open ", "9/1 1 0x10 WSPSocket closed base.dll",
                        "9/1 1 0x10 WSPSocket open base.dll", "9/1 2 0x10  closed base.dll", "9/2 0 0x10  open "),
                both.streamed().stream().map(s -> s.pid() + "/" + s.process() + " " + s.loadSession() + " 0x"
                        + Long.toHexString(s.socket()) + " " + s.createdBy() + " " + s.state().label() + " "
                        + s.provider()).toList());
        assertEquals(both.fromStore(), both.streamed());
    }

    @Test
    void anyPidIsAProcessEvenOneNoWindowsGives() {
        StreamedSocketLives lives = new StreamedSocketLives();
        lives.onRecord(upcall(-1, Upcall.WPU_CREATE_SOCKET_HANDLE, 0x10, 0), 100);
        lives.onRecord(upcall(0, Upcall.WPU_CREATE_SOCKET_HANDLE, 0x10, 0), 100);
        assertEquals(List.of("-1/0", "0/1"), lives.sockets().stream().map(s -> s.pid() + "/" + s.process()).toList());
    }

    private static TraceRecord.ProcessHello hello(int pid, LoadSession session) {
        return new TraceRecord.ProcessHello(0, pid, 1, 64, 0x100, 10_000_000L, 0, 0, "a.exe", "a", session);
    }

    private static TraceRecord.UpcallEvent upcall(int pid, Upcall upcall, long socket, int parentCallId) {
        boolean creates = upcall == Upcall.WPU_CREATE_SOCKET_HANDLE;
        return new TraceRecord.UpcallEvent(0, pid, 0, upcall.number(), 1, 1, 0x1010, 5, 1, creates ? socket : 0, 0,
                0, creates ? new long[] {1001, 0} : new long[] {socket}, "", parentCallId);
    }

    private static TraceRecord.DowncallEvent downcall(Downcall function, int callId, long socket, long result) {
        return new TraceRecord.DowncallEvent(0, 9, callId, function.number(), 1, callId, 0, 2001, 10, 1, socket,
                result, 0, 0, new long[0], "", new byte[0]);
    }

    /** One read into a store and into the streamed lives. */
    private static final class Lives {
        private final EventStore store = new EventStore();
        private final StreamedSocketLives streamed = new StreamedSocketLives();

        TeeListener listener() {
            return new TeeListener(new StoreFeed(store, "test"), streamed);
        }

        List<SocketLives.Socket> fromStore() {
            SocketLives lives = new SocketLives(store);
            lives.update();
            return lives.sockets();
        }

        List<SocketLives.Socket> streamed() {
            return streamed.sockets();
        }
    }
}
