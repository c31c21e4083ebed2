package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The Winsock SPI functions of ws2_32.dll that change the catalog (ws2spi.h, sporder.h), WSAAPI (stdcall on x86);
 * reading is {@link Ws2_32}'s. WSAPROTOCOL_INFOW arrays are raw memory encoded by the catalog codec (628 bytes
 * each), GUIDs 16 bytes in Windows layout. The {@code 32} variants exist only in 64-bit ws2_32 and reach the
 * WOW64 catalog. Each function returns 0 on success, else SOCKET_ERROR (-1) with the error in {@code errno}; the
 * WSCWriteProviderOrder functions return the error code itself.
 */
interface Ws2Spi extends StdCallLibrary {

    /** Loaded on first use, so that merely referring to this interface never touches ws2_32.dll. */
    static Ws2Spi load() {
        return Native.load("ws2_32", Ws2Spi.class);
    }

    /** int WSCInstallProvider(LPGUID lpProviderId, const WCHAR *lpszProviderDllPath,
     * const LPWSAPROTOCOL_INFOW lpProtocolInfoList, DWORD dwNumberOfEntries, LPINT lpErrno) */
    int WSCInstallProvider(byte[] providerId, WString dllPath, Pointer protocolInfoList, int count,
                           IntByReference errno);

    /** The same signature; installs into both catalogs with one path. */
    int WSCInstallProvider64_32(byte[] providerId, WString dllPath, Pointer protocolInfoList, int count,
                                IntByReference errno);

    /** int WSCWriteProviderOrder(LPDWORD lpwdCatalogEntryId, DWORD dwNumberOfEntries) */
    int WSCWriteProviderOrder(int[] catalogEntryIds, int count);

    int WSCWriteProviderOrder32(int[] catalogEntryIds, int count);

    /** int WSCDeinstallProvider(LPGUID lpProviderId, LPINT lpErrno) */
    int WSCDeinstallProvider(byte[] providerId, IntByReference errno);

    int WSCDeinstallProvider32(byte[] providerId, IntByReference errno);
}
