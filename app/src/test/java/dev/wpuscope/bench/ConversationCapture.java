package dev.wpuscope.bench;

import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.LoadSession;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A capture of the size a user opens, as a 1.2 tracer writes it: one process whose application threads hold SPI
 * conversations with a non-IFS provider (WSPSocket with the WPUCreateSocketHandle inside it, a connect that would
 * block, WSPAsyncSelect and the message the provider's thread posts, a send, an overlapped receive completed by the
 * provider's thread, WSPIoctl with a context query inside, WSPCloseSocket with WPUCloseSocketHandle inside), 12
 * calls per socket, between a WSPStartup and a WSPCleanup. The capture benchmarks (GUI open, {@code trace summary}
 * beside tshark) read it.
 *
 * <p>Run: {@code java -cp <test class path> dev.wpuscope.bench.ConversationCapture <file> <calls>}
 */
public final class ConversationCapture {
    private static final int PID = 4242;
    private static final long FREQUENCY = 10_000_000L;
    private static final long START_FILETIME = 133_800_000_000_000_000L;
    private static final long START_TICKS = 5_000_000_000L;
    private static final int SERVED_ENTRY = 2001;
    private static final int WORKER_TID = 7100;
    private static final long CALLER = 0x7FF8_1000_1234L;
    private static final int CALLS_PER_SOCKET = 12;
    private static final int WSAEWOULDBLOCK = 10035;

    private final TraceWriter writer;
    private int sequence;
    private int callId;
    private long ticks = START_TICKS;

    private ConversationCapture(TraceWriter writer) {
        this.writer = writer;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ConversationCapture <file> <calls>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        write(file, Integer.parseInt(args[1]));
        System.out.printf("%s: %,d calls, %,d bytes%n", file, Integer.parseInt(args[1]), Files.size(file));
    }

    /** Writes a capture of {@code calls} downcall and upcall records (at least 2: the startup and the cleanup). */
    public static void write(Path file, int calls) throws IOException {
        if (calls < 2) {
            throw new IllegalArgumentException("a conversation has at least 2 calls (WSPStartup, WSPCleanup): " + calls);
        }
        try (OutputStream out = Files.newOutputStream(file); TraceWriter writer = new TraceWriter(out)) {
            new ConversationCapture(writer).conversation(calls);
        }
    }

    private void conversation(int calls) throws IOException {
        writer.writeHeader(FREQUENCY, START_FILETIME, START_TICKS, 0);
        writer.write(new TraceRecord.ProcessHello(0, PID, 100, 64, 0x000102, FREQUENCY, START_FILETIME, START_TICKS,
                "C:\\bench\\server.exe", "server.exe --busy", new LoadSession(START_FILETIME - 5_000_000, 1)));
        writer.write(new TraceRecord.Module(0, PID, 1, 0x7FF8_1000_0000L, 0x2_4000, "C:\\bench\\sample_nonifs.dll"));
        writer.write(new TraceRecord.ProviderLoaded(0, PID, ticks, SERVED_ENTRY, new UUID(1, 2), 0, 1001,
                new UUID(3, 4), 1, 0, 0, "wputrace over [Sample non-IFS TCP]", "C:\\bench\\sample_nonifs.dll"));
        downcall(Downcall.WSP_STARTUP, 7000, 0, 0, 0, 0x0202, 0x0202);
        int sockets = (calls - 2) / CALLS_PER_SOCKET;
        for (int s = 0; s < sockets; s++) {
            socketLife(0x200 + 4L * (s % 50_000), 7000 + s % 4, s % 10 == 9);
        }
        for (int rest = (calls - 2) % CALLS_PER_SOCKET; rest > 0; rest--) {
            upcall(Upcall.WPU_QUERY_BLOCKING_CALLBACK, 7000, 0, 1, 0, 0x7FF8_1000_2000L, 0, 0);
        }
        downcall(Downcall.WSP_CLEANUP, 7000, 0, 0, 0);
        writer.write(new TraceRecord.ProcessGoodbye(0, PID, ticks, sequence, 0, EndReason.CLEANUP.code()));
    }

    /** One socket's 12 calls; the connect fails with WSAEWOULDBLOCK on every tenth. */
    private void socketLife(long socket, int tid, boolean connectBlocks) throws IOException {
        upcall(Upcall.WPU_CREATE_SOCKET_HANDLE, tid, callId + 1, socket, 0, SERVED_ENTRY, 0xC0DE_0000L + socket);
        downcall(Downcall.WSP_SOCKET, tid, socket, socket, 0, 2, 1, 6, SERVED_ENTRY, 0, 1);
        downcall(Downcall.WSP_CONNECT, tid, socket, connectBlocks ? -1 : 0, connectBlocks ? WSAEWOULDBLOCK : 0,
                16, 0, 0, 0, 0, 0x0100_007F_901F_0002L, 0, 0, 0);
        downcall(Downcall.WSP_ASYNC_SELECT, tid, socket, 0, 0, 0x1_0A2E, 0x401, 0x23);
        upcall(Upcall.WPU_POST_MESSAGE, WORKER_TID, 0, 1, 0, 0x1_0A2E, 0x401, socket, 0x2);
        downcall(Downcall.WSP_SEND, tid, socket, 0, 0, 1, 512, 512, 0, 0, 0);
        downcall(Downcall.WSP_RECV, tid, socket, -1, Downcall.WSA_IO_PENDING, 1, 4096, 0, 0, 0, 0xE1_2345_9000L, 0);
        upcall(Upcall.WPU_COMPLETE_OVERLAPPED_REQUEST, WORKER_TID, 0, 0, 0, socket, 0xE1_2345_9000L, 0, 1024);
        upcall(Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT, tid, callId + 1, 0, 0, socket, 0xC0DE_0000L + socket);
        downcall(Downcall.WSP_IOCTL, tid, socket, 0, 0, 0x4800_0022L, 0, 8, 8, 0, 0, 0, socket);
        upcall(Upcall.WPU_CLOSE_SOCKET_HANDLE, tid, callId + 1, 0, 0, socket);
        downcall(Downcall.WSP_CLOSE_SOCKET, tid, socket, 0, 0);
    }

    private void upcall(Upcall upcall, int tid, int parentCallId, long result, int error, long... args)
            throws IOException {
        ticks += 10;
        writer.write(new TraceRecord.UpcallEvent(0, PID, sequence++, upcall.number(), tid, 1, CALLER, ticks, 3,
                result, error, 0, args, "", parentCallId));
    }

    /** A downcall with the next call id; the upcalls written before it with that id as parent ran inside it. */
    private void downcall(Downcall function, int tid, long socket, long result, int error, long... args)
            throws IOException {
        ticks += 10;
        int flags = error == Downcall.WSA_IO_PENDING ? TraceRecord.DowncallEvent.FLAG_PENDING : 0;
        writer.write(new TraceRecord.DowncallEvent(0, PID, sequence++, function.number(), tid, ++callId, 0,
                SERVED_ENTRY, ticks - 5, 20, socket, result, error, flags, args, "", new byte[0]));
    }
}
