package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes captures in the real trace format with {@link TraceWriter}: one process whose non-IFS provider
 * repeats a socket lifecycle with a posted FD_READ message and an event, and every tenth round a failed
 * context query (WSAENOTSOCK). 6 upcalls per round.
 */
public final class SyntheticCapture {
    public static final int PID = 4242;
    public static final int UPCALLS_PER_ROUND = 6;
    static final long FREQUENCY = 10_000_000L;
    static final long START_FILETIME = 133_800_000_000_000_000L;
    static final long START_TICKS = 5_000_000_000L;

    private SyntheticCapture() {
    }

    public static byte[] rounds(int rounds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(bytes)) {
            writer.writeHeader(FREQUENCY, START_FILETIME, START_TICKS, 0);
            writer.write(new TraceRecord.ProcessHello(0, PID, 100, 64, 0x000100, FREQUENCY, START_FILETIME,
                    START_TICKS, "C:\\demo\\wpuhost.exe", "wpuhost.exe sample_nonifs.dll", null));
            writer.write(new TraceRecord.Module(0, PID, 1, 0x7FF6_0000_0000L, 0x24000, "Z:\\build\\x64\\sample_nonifs.dll"));
            int sequence = 0;
            for (int round = 0; round < rounds; round++) {
                long socket = 0x100 + 4L * round;
                long ticks = START_TICKS + 1000L * round;
                int tid = 7000 + round % 3;
                writer.write(upcall(sequence++, Upcall.WPU_CREATE_SOCKET_HANDLE, tid, ticks, socket, 0,
                        1001, 0xC0DE_0000L + round));
                boolean fail = round % 10 == 9;
                writer.write(upcall(sequence++, Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT, tid, ticks + 10,
                        fail ? -1 : 0, fail ? 10038 : 0, fail ? 0xDEAD : socket, fail ? 0 : 0xC0DE_0000L + round));
                writer.write(upcall(sequence++, Upcall.WPU_POST_MESSAGE, tid, ticks + 20, 1, 0,
                        0x10_0042, 0x401, socket, 0x1));
                writer.write(upcall(sequence++, Upcall.WPU_CREATE_EVENT, tid, ticks + 30, 0x2000 + round, 0));
                writer.write(upcall(sequence++, Upcall.WPU_CLOSE_EVENT, tid, ticks + 40, 1, 0, 0x2000 + round));
                writer.write(upcall(sequence++, Upcall.WPU_CLOSE_SOCKET_HANDLE, tid, ticks + 50, 0, 0, socket));
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static TraceRecord.UpcallEvent upcall(int sequence, Upcall upcall, int tid, long ticks, long result,
                                                  int error, long... args) {
        return new TraceRecord.UpcallEvent(0, PID, sequence, upcall.number(), tid, 1, 0x7FF6_0000_1234L, ticks, 25,
                result, error, 0, args, "");
    }
}
