package dev.wpuscope.ui.sockets;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.ui.traffic.CaptureSession;
import java.nio.file.Files;
import java.nio.file.Path;

/** The golden SPI conversation (trace format 1.2) decoded into a session, whole or in slices. */
final class SpiSession {
    static final Path FILE = Path.of(System.getProperty("wpuscope.root", "."), "resources", "trace-format", "golden",
            "spi.wputrace");

    private SpiSession() {
    }

    static CaptureSession whole() throws Exception {
        CaptureSession session = new CaptureSession("spi");
        TraceDecoder decoder = new TraceDecoder("spi", session);
        byte[] bytes = Files.readAllBytes(FILE);
        decoder.feed(bytes, 0, bytes.length);
        decoder.finish();
        return session;
    }
}
