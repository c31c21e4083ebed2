package dev.wpuscope.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinDef.ULONGByReference;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import dev.wpuscope.platform.PipeConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** One connected instance of the trace pipe, read with overlapped ReadFile and a timeout. */
final class NamedPipeConnection implements PipeConnection {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final HANDLE pipe;
    private final Overlapped overlapped;
    private final Memory buffer = new Memory(BUFFER_SIZE);
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    NamedPipeConnection(HANDLE pipe) throws IOException {
        this.pipe = pipe;
        this.overlapped = new Overlapped();
        ULONGByReference pid = new ULONGByReference();
        description = Kernel32.INSTANCE.GetNamedPipeClientProcessId(pipe, pid)
                ? "pipe client pid " + pid.getValue().longValue() : "pipe client (pid unknown)";
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length, Duration timeout) throws IOException {
        if (closed.get()) {
            return -1;
        }
        overlapped.reset();
        int n;
        try {
            if (PipeApi.KERNEL32.ReadFile(pipe, buffer, Math.min(length, BUFFER_SIZE), null, overlapped.pointer())) {
                n = overlapped.result(pipe, false);
            } else {
                int error = Native.getLastError();
                if (error != PipeApi.ERROR_IO_PENDING) {
                    throw new Overlapped.Win32Exception("ReadFile", error);
                }
                if (!overlapped.await(timeout)) {
                    PipeApi.KERNEL32.CancelIoEx(pipe, overlapped.pointer());
                }
                n = overlapped.result(pipe, true);
            }
        } catch (Overlapped.Win32Exception e) {
            if (e.code == PipeApi.ERROR_OPERATION_ABORTED) {
                return closed.get() ? -1 : 0;
            }
            if (e.code == PipeApi.ERROR_BROKEN_PIPE || e.code == PipeApi.ERROR_PIPE_NOT_CONNECTED
                    || e.code == PipeApi.ERROR_NO_DATA) {
                return -1;
            }
            throw e;
        }
        buffer.read(0, target, offset, n);
        return n;
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Cancels a pending read at once (from any thread), then releases the pipe instance once the read has
     * let go of it. Only the first call does anything, so the handle value is never used after its release.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        PipeApi.KERNEL32.CancelIoEx(pipe, null);
        synchronized (this) {
            Kernel32.INSTANCE.DisconnectNamedPipe(pipe);
            Kernel32.INSTANCE.CloseHandle(pipe);
            overlapped.close();
        }
    }
}
