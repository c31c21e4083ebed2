package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;

/**
 * WinVerifyTrust of wintrust.dll (wintrust.h), WINAPI (stdcall on x86). jna-platform has no mapping, so
 * this is ours: {@code LONG WinVerifyTrust(HWND hwnd, GUID *pgActionID, LPVOID pWVTData)}.
 */
interface WinTrust extends StdCallLibrary {

    /** WINTRUST_ACTION_GENERIC_VERIFY_V2 {00AAC56B-CD44-11d0-8CC2-00C04FC295EE}, in Windows GUID layout. */
    byte[] GENERIC_VERIFY_V2 = {(byte) 0x6B, (byte) 0xC5, (byte) 0xAA, 0x00, 0x44, (byte) 0xCD, (byte) 0xD0, 0x11,
        (byte) 0x8C, (byte) 0xC2, 0x00, (byte) 0xC0, 0x4F, (byte) 0xC2, (byte) 0x95, (byte) 0xEE};

    /** Loaded on first use, so that merely referring to this interface never touches wintrust.dll. */
    static WinTrust load() {
        return Native.load("wintrust", WinTrust.class);
    }

    int WinVerifyTrust(Pointer hwnd, byte[] actionId, WinTrustData data);
}
