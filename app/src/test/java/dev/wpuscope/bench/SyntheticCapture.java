package dev.wpuscope.bench;

import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A capture of a busy non-IFS provider: sockets created, queried, posted to, completed and closed. */
final class SyntheticCapture {

    static final int PID = 4242;

    private SyntheticCapture() {
    }

    /** The i-th upcall of the synthetic traffic (a cycle of 10 calls about one socket). */
    static TraceRecord.UpcallEvent upcall(int i) {
        long socket = 0x200 + (i / 10 % 5000) * 4L;
        int tid = 7000 + i % 8;
        long t = 5_000_000_000L + i * 30L;
        return switch (i % 10) {
            case 0 -> event(i, Upcall.WPU_CREATE_SOCKET_HANDLE, tid, t, socket, 0, 1001, 0xDEAD_0000L + socket);
            case 1, 2, 3 -> event(i, Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT, tid, t, 0, 0, socket, 0xDEAD_0000L + socket);
            case 4 -> event(i, Upcall.WPU_FD_IS_SET, tid, t, 1, 0, socket, 0xE1_2345_6780L);
            case 5 -> event(i, Upcall.WPU_POST_MESSAGE, tid, t, 1, 0, 0x1_0A2E, 0x401, socket, 0x20);
            case 6 -> event(i, Upcall.WPU_SET_EVENT, tid, t, 1, 0, 0x1A4);
            case 7 -> event(i, Upcall.WPU_COMPLETE_OVERLAPPED_REQUEST, tid, t, 0, 0, socket, 0xE1_2345_9000L, 0, 512);
            case 8 -> event(i, Upcall.WPU_CLOSE_SOCKET_HANDLE, tid, t, 0, 0, socket);
            default -> event(i, Upcall.WPU_CLOSE_SOCKET_HANDLE, tid, t, -1, 10038, socket);
        };
    }

    private static TraceRecord.UpcallEvent event(int i, Upcall upcall, int tid, long ticks, long result, int error,
                                                 long... args) {
        return new TraceRecord.UpcallEvent(0, PID, i, upcall.number(), tid, 1, 0x7FF8_1000_1234L + i % 16, ticks,
                7 + i % 5, result, error, 0, args, "");
    }

    /** Header, hello, module, then {@code upcalls} upcalls. */
    static byte[] bytes(int upcalls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(upcalls * 96);
        try (TraceWriter writer = new TraceWriter(out)) {
            writer.writeHeader(10_000_000L, 133_800_000_000_000_000L, 5_000_000_000L, 0);
            writer.write(new TraceRecord.ProcessHello(0, PID, 100, 64, 0x100, 10_000_000L,
                    133_800_000_000_000_000L, 5_000_000_000L, "C:\\bench\\app.exe", "app.exe --busy", null));
            writer.write(new TraceRecord.Module(0, PID, 1, 0x7FF8_1000_0000L, 0x24000, "C:\\bench\\provider.dll"));
            for (int i = 0; i < upcalls; i++) {
                writer.write(upcall(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
