package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The Winsock SPI catalog functions of ws2_32.dll (ws2spi.h, sporder.h), WSAAPI (stdcall on x86). Buffers are
 * raw memory: WSAPROTOCOL_INFOW arrays are encoded and decoded by the catalog codec (628 bytes each), GUIDs are
 * 16 bytes in Windows layout. The {@code 32} variants exist only in 64-bit ws2_32 and reach the WOW64 catalog.
 * Each function returns 0 on success, else SOCKET_ERROR (-1) with the error in {@code errno}; the
 * WSCWriteProviderOrder functions return the error code itself.
 */
interface Ws2Spi extends StdCallLibrary {

    /** Loaded on first use, so that merely referring to this interface never touches ws2_32.dll. */
    static Ws2Spi load() {
        return Native.load("ws2_32", Ws2Spi.class);
    }

    int WSCEnumProtocols(Pointer protocols, Pointer buffer, IntByReference bufferLength, IntByReference errno);

    int WSCEnumProtocols32(Pointer protocols, Pointer buffer, IntByReference bufferLength, IntByReference errno);

    int WSCGetProviderPath(Pointer providerId, char[] path, IntByReference pathLength, IntByReference errno);

    int WSCGetProviderPath32(Pointer providerId, char[] path, IntByReference pathLength, IntByReference errno);

    int WSCInstallProvider(Pointer providerId, WString dllPath, Pointer protocolInfoList, int count,
                           IntByReference errno);

    int WSCInstallProvider64_32(Pointer providerId, WString dllPath, Pointer protocolInfoList, int count,
                                IntByReference errno);

    int WSCWriteProviderOrder(int[] catalogEntryIds, int count);

    int WSCWriteProviderOrder32(int[] catalogEntryIds, int count);

    int WSCDeinstallProvider(Pointer providerId, IntByReference errno);

    int WSCDeinstallProvider32(Pointer providerId, IntByReference errno);
}
