package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The ws2_32.dll functions wpuscope reads the catalog with, declared as in ws2spi.h / winsock2.h (WSPAPI and
 * WSAAPI are __stdcall). The *32 variants exist only in 64-bit ws2_32 and read the WOW64 catalog.
 */
interface Ws2_32 extends StdCallLibrary {

    int SOCKET_ERROR = -1;
    int WSAEFAULT = 10014;
    int WSAENOBUFS = 10055;
    /** WSC_PROVIDER_INFO_TYPE.ProviderInfoLspCategories */
    int PROVIDER_INFO_LSP_CATEGORIES = 0;

    /** Loaded on first use, so that merely naming this interface never loads a DLL. */
    final class Holder {
        static final Ws2_32 INSTANCE = Native.load("ws2_32", Ws2_32.class);

        private Holder() {
        }
    }

    /** int WSCEnumProtocols(LPINT lpiProtocols, LPWSAPROTOCOL_INFOW lpProtocolBuffer, LPDWORD lpdwBufferLength,
     * LPINT lpErrno) */
    int WSCEnumProtocols(int[] protocols, Pointer buffer, IntByReference bufferLength, IntByReference errno);

    int WSCEnumProtocols32(int[] protocols, Pointer buffer, IntByReference bufferLength, IntByReference errno);

    /** int WSCGetProviderPath(LPGUID lpProviderId, WCHAR *lpszProviderDllPath, LPINT lpProviderDllPathLen,
     * LPINT lpErrno) */
    int WSCGetProviderPath(byte[] providerId, char[] path, IntByReference pathLength, IntByReference errno);

    int WSCGetProviderPath32(byte[] providerId, char[] path, IntByReference pathLength, IntByReference errno);

    /** int WSCGetProviderInfo(LPGUID lpProviderId, WSC_PROVIDER_INFO_TYPE InfoType, PBYTE Info, size_t *InfoSize,
     * DWORD Flags, LPINT lpErrno) */
    int WSCGetProviderInfo(byte[] providerId, int infoType, Pointer info, Pointer infoSize, int flags,
            IntByReference errno);

    int WSCGetProviderInfo32(byte[] providerId, int infoType, Pointer info, Pointer infoSize, int flags,
            IntByReference errno);

    /** INT WSAEnumNameSpaceProvidersExW(LPDWORD lpdwBufferLength, LPWSANAMESPACE_INFOEXW lpnspBuffer) */
    int WSAEnumNameSpaceProvidersExW(IntByReference bufferLength, Pointer buffer);

    /** INT WSCEnumNameSpaceProvidersEx32(LPDWORD lpdwBufferLength, LPWSANAMESPACE_INFOEXW lpnspBuffer) */
    int WSCEnumNameSpaceProvidersEx32(IntByReference bufferLength, Pointer buffer);

    /** int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData) */
    int WSAStartup(short version, Pointer data);

    int WSACleanup();
}
