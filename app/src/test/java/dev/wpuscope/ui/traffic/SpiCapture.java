package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.io.TraceReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The golden SPI conversation (trace format 1.2) for the GUI's tests: downcalls with the upcalls nested in them. */
public final class SpiCapture {
    public static final Path FILE = Path.of(System.getProperty("wpuscope.root", "."), "resources", "trace-format", "golden",
            "spi.wputrace");
    /** Byte offset where the record of WSPSocket (call 2) starts: WPUCreateSocketHandle, nested in it, is before. */
    static final int WSP_SOCKET_OFFSET = 583;

    /** The calls in nesting order, each indented two spaces per level. */
    static final List<String> NESTED = List.of(
            "WSPStartup",
            "WSPSocket",
            "  WPUCreateSocketHandle",
            "WSPConnect",
            "WSPAsyncSelect",
            "WPUPostMessage",
            "WSPSend",
            "WSPRecv",
            "WPUCompleteOverlappedRequest",
            "WSPIoctl",
            "WSPCloseSocket",
            "  WPUCloseSocketHandle",
            "WSPCloseSocket",
            "WSPGetSockName",
            "WSPSelect",
            "  WSPEnumNetworkEvents",
            "WSPCleanup");

    private SpiCapture() {
    }

    public static byte[] bytes() throws IOException {
        return Files.readAllBytes(FILE);
    }

    /** The whole conversation decoded into a session (its store and analysis filled). */
    public static CaptureSession session() throws IOException, TraceReadException {
        return Sessions.of(bytes());
    }
}
