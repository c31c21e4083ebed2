package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The Win32 calls of the named-pipe transport that jna-platform does not declare in a form fit for
 * overlapped I/O: the OVERLAPPED and the read buffer are raw native memory that stays put while an operation
 * is pending (a JNA Structure or byte[] would be copied around each call).
 */
interface PipeApi extends StdCallLibrary {

    PipeApi KERNEL32 = Native.load("kernel32", PipeApi.class);
    Advapi ADVAPI32 = Native.load("advapi32", Advapi.class);

    int PIPE_ACCESS_INBOUND = 0x1;
    int FILE_FLAG_FIRST_PIPE_INSTANCE = 0x80000;
    int FILE_FLAG_OVERLAPPED = 0x40000000;
    int PIPE_TYPE_BYTE_READMODE_BYTE_WAIT = 0;
    int PIPE_REJECT_REMOTE_CLIENTS = 0x8;
    int PIPE_UNLIMITED_INSTANCES = 255;
    int SDDL_REVISION_1 = 1;

    int ERROR_ACCESS_DENIED = 5;
    int ERROR_BROKEN_PIPE = 109;
    int ERROR_NO_DATA = 232;
    int ERROR_PIPE_NOT_CONNECTED = 233;
    int ERROR_PIPE_CONNECTED = 535;
    int ERROR_OPERATION_ABORTED = 995;
    int ERROR_IO_PENDING = 997;

    boolean ConnectNamedPipe(HANDLE pipe, Pointer overlapped);

    boolean ReadFile(HANDLE file, Pointer buffer, int length, IntByReference read, Pointer overlapped);

    boolean GetOverlappedResult(HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait);

    boolean CancelIoEx(HANDLE file, Pointer overlapped);

    /** advapi32 */
    interface Advapi extends StdCallLibrary {
        boolean ConvertStringSecurityDescriptorToSecurityDescriptorW(WString sddl, int revision,
                                                                     PointerByReference descriptor,
                                                                     IntByReference size);
    }
}
