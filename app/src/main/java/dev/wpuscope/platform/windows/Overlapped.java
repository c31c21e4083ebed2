package dev.wpuscope.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.time.Duration;

/** An OVERLAPPED in native memory with its manual-reset event, reused for one operation at a time. */
final class Overlapped implements AutoCloseable {

    /** Internal, InternalHigh (ULONG_PTR), Offset, OffsetHigh (DWORD), hEvent (HANDLE). */
    private static final long EVENT_OFFSET = 2L * Native.POINTER_SIZE + 8;

    /** A failed Win32 call, with its error code. */
    static final class Win32Exception extends IOException {
        final int code;

        Win32Exception(String what, int code) {
            super(what + " failed: Win32 error " + code + " (" + Kernel32Util.formatMessage(code).trim() + ")");
            this.code = code;
        }
    }

    private final Memory memory = new Memory(EVENT_OFFSET + Native.POINTER_SIZE);
    private final HANDLE event;

    Overlapped() throws IOException {
        event = Kernel32.INSTANCE.CreateEvent(null, true, false, null);
        if (event == null) {
            throw lastError("CreateEvent");
        }
        reset();
    }

    static Win32Exception lastError(String what) {
        return new Win32Exception(what, Native.getLastError());
    }

    /** Prepares it for the next operation. */
    void reset() {
        memory.clear();
        memory.setPointer(EVENT_OFFSET, event.getPointer());
        Kernel32.INSTANCE.ResetEvent(event);
    }

    Pointer pointer() {
        return memory;
    }

    /** Whether the pending operation completed within {@code timeout}. */
    boolean await(Duration timeout) throws IOException {
        int waited = Kernel32.INSTANCE.WaitForSingleObject(event, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        if (waited == WinBase.WAIT_FAILED) {
            throw lastError("WaitForSingleObject");
        }
        return waited != WinError.WAIT_TIMEOUT;
    }

    /** Bytes transferred by the completed operation on {@code handle}; waits for it when {@code wait}. */
    int result(HANDLE handle, boolean wait) throws Win32Exception {
        IntByReference transferred = new IntByReference();
        if (!PipeApi.KERNEL32.GetOverlappedResult(handle, memory, transferred, wait)) {
            throw lastError("GetOverlappedResult");
        }
        return transferred.getValue();
    }

    /** Cancels the operation pending on {@code handle} and waits until it has let go of this memory. */
    void cancel(HANDLE handle) {
        PipeApi.KERNEL32.CancelIoEx(handle, memory);
        try {
            result(handle, true);
        } catch (Win32Exception expected) {
            // ERROR_OPERATION_ABORTED: the operation is over either way
        }
    }

    @Override
    public void close() {
        Kernel32.INSTANCE.CloseHandle(event);
    }
}
