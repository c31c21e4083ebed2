package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.PointerByReference;
import dev.wpuscope.platform.PipeConnection;
import dev.wpuscope.platform.PipeTransport;
import java.io.IOException;
import java.time.Duration;

/**
 * The trace pipe on Windows: byte-mode, inbound-only instances of one name, the first created with
 * {@code FILE_FLAG_FIRST_PIPE_INSTANCE}, all with the DACL of {@link PipeSecurity} and
 * {@code PIPE_REJECT_REMOTE_CLIENTS}. One instance always waits for the next client (an overlapped
 * ConnectNamedPipe that survives accept timeouts), so the name stays ours while wpuscope serves it.
 */
public final class NamedPipeTransport implements PipeTransport {

    /** The tracer's default pipe (native-hook/dll/wputrace.h, WPUTRACE_DEFAULT_PIPE). */
    public static final String DEFAULT_NAME = "\\\\.\\pipe\\wpuscope-trace";

    private static final int IN_BUFFER = 256 * 1024;

    private final String name;
    private final Pointer securityDescriptor;
    private final WinBase.SECURITY_ATTRIBUTES attributes = new WinBase.SECURITY_ATTRIBUTES();
    private final Overlapped connect = new Overlapped();
    private HANDLE waiting;
    private boolean connectPending;
    private boolean closed;

    /** Creates the first instance; fails when another process already serves (or squats) the name. */
    public NamedPipeTransport(String name) throws IOException {
        this.name = name;
        PointerByReference descriptor = new PointerByReference();
        String sddl = PipeSecurity.sddl(currentUserSid());
        if (!PipeApi.ADVAPI32.ConvertStringSecurityDescriptorToSecurityDescriptorW(new WString(sddl),
                PipeApi.SDDL_REVISION_1, descriptor, null)) {
            connect.close();
            throw Overlapped.lastError("ConvertStringSecurityDescriptorToSecurityDescriptor(" + sddl + ")");
        }
        securityDescriptor = descriptor.getValue();
        attributes.dwLength = new DWORD(attributes.size());
        attributes.lpSecurityDescriptor = securityDescriptor;
        attributes.bInheritHandle = false;
        try {
            waiting = createInstance(true);
        } catch (IOException e) {
            release();
            throw e;
        }
    }

    private static String currentUserSid() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), WinNT.TOKEN_QUERY, token)) {
            throw new IllegalStateException("OpenProcessToken failed: Win32 error " + Native.getLastError());
        }
        try {
            return Advapi32Util.getTokenAccount(token.getValue()).sidString;
        } finally {
            Kernel32.INSTANCE.CloseHandle(token.getValue());
        }
    }

    private HANDLE createInstance(boolean first) throws IOException {
        int openMode = PipeApi.PIPE_ACCESS_INBOUND | PipeApi.FILE_FLAG_OVERLAPPED
                | (first ? PipeApi.FILE_FLAG_FIRST_PIPE_INSTANCE : 0);
        HANDLE pipe = Kernel32.INSTANCE.CreateNamedPipe(name, openMode,
                PipeApi.PIPE_TYPE_BYTE_READMODE_BYTE_WAIT | PipeApi.PIPE_REJECT_REMOTE_CLIENTS,
                PipeApi.PIPE_UNLIMITED_INSTANCES, 0, IN_BUFFER, 0, attributes);
        if (pipe == null || WinBase.INVALID_HANDLE_VALUE.equals(pipe)) {
            int error = Native.getLastError();
            if (first && error == PipeApi.ERROR_ACCESS_DENIED) {
                throw new IOException(name + " is already served by another process (another wpuscope, or a"
                        + " program squatting on the tracer's pipe name)");
            }
            throw new Overlapped.Win32Exception("CreateNamedPipe " + name, error);
        }
        return pipe;
    }

    @Override
    public synchronized PipeConnection accept(Duration timeout) throws IOException {
        if (closed || waiting == null) {
            throw new IOException(name + " is closed");
        }
        if (!connectPending) {
            connect.reset();
            if (!PipeApi.KERNEL32.ConnectNamedPipe(waiting, connect.pointer())) {
                int error = Native.getLastError();
                if (error == PipeApi.ERROR_IO_PENDING) {
                    connectPending = true;
                } else if (error != PipeApi.ERROR_PIPE_CONNECTED) {
                    throw new Overlapped.Win32Exception("ConnectNamedPipe " + name, error);
                }
            }
        }
        if (connectPending) {
            if (!connect.await(timeout)) {
                return null;
            }
            connectPending = false;
            connect.result(waiting, false);
        }
        NamedPipeConnection client = new NamedPipeConnection(waiting);
        try {
            waiting = createInstance(false);
        } catch (IOException e) {
            waiting = null;
            client.close();
            throw e;
        }
        return client;
    }

    /** Stops waiting for clients; connections already handed out stay open. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    private void release() {
        if (waiting != null) {
            if (connectPending) {
                connect.cancel(waiting);
            }
            Kernel32.INSTANCE.CloseHandle(waiting);
            waiting = null;
        }
        connect.close();
        Kernel32.INSTANCE.LocalFree(securityDescriptor);
    }
}
