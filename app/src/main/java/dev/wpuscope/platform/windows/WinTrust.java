package dev.wpuscope.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * WinVerifyTrust and the security-catalog functions of wintrust.dll (wintrust.h, mscat.h), WINAPI (stdcall on
 * x86). jna-platform has no mapping, so this is ours. BOOL results map to Java boolean (a 32-bit int).
 */
interface WinTrust extends StdCallLibrary {

    /** WINTRUST_ACTION_GENERIC_VERIFY_V2 {00AAC56B-CD44-11d0-8CC2-00C04FC295EE}, in Windows GUID layout. */
    byte[] GENERIC_VERIFY_V2 = {(byte) 0x6B, (byte) 0xC5, (byte) 0xAA, 0x00, 0x44, (byte) 0xCD, (byte) 0xD0, 0x11,
        (byte) 0x8C, (byte) 0xC2, 0x00, (byte) 0xC0, 0x4F, (byte) 0xC2, (byte) 0x95, (byte) 0xEE};

    /** Loaded on first use, so that merely referring to this interface never touches wintrust.dll. */
    static WinTrust load() {
        return Native.load("wintrust", WinTrust.class);
    }

    /** LONG WinVerifyTrust(HWND hwnd, GUID *pgActionID, LPVOID pWVTData) */
    int WinVerifyTrust(Pointer hwnd, byte[] actionId, WinTrustData data);

    /** BOOL CryptCATAdminAcquireContext2(HCATADMIN*, const GUID*, PCWSTR pwszHashAlgorithm,
     * PCCERT_STRONG_SIGN_PARA, DWORD) (Windows 8 and later) */
    boolean CryptCATAdminAcquireContext2(PointerByReference admin, Pointer subsystem, WString hashAlgorithm,
                                         Pointer strongSignPara, int flags);

    /** BOOL CryptCATAdminCalcHashFromFileHandle2(HCATADMIN, HANDLE, DWORD *pcbHash, BYTE *pbHash, DWORD) */
    boolean CryptCATAdminCalcHashFromFileHandle2(Pointer admin, WinNT.HANDLE file, IntByReference hashSize,
                                                 byte[] hash, int flags);

    /** HCATINFO CryptCATAdminEnumCatalogFromHash(HCATADMIN, BYTE*, DWORD, DWORD, HCATINFO *phPrevCatInfo) */
    Pointer CryptCATAdminEnumCatalogFromHash(Pointer admin, byte[] hash, int hashSize, int flags, Pointer previous);

    /** BOOL CryptCATCatalogInfoFromContext(HCATINFO, CATALOG_INFO*, DWORD) */
    boolean CryptCATCatalogInfoFromContext(Pointer catalog, CatalogInfo info, int flags);

    /** BOOL CryptCATAdminReleaseCatalogContext(HCATADMIN, HCATINFO, DWORD) */
    boolean CryptCATAdminReleaseCatalogContext(Pointer admin, Pointer catalog, int flags);

    /** BOOL CryptCATAdminReleaseContext(HCATADMIN, DWORD) */
    boolean CryptCATAdminReleaseContext(Pointer admin, int flags);
}
