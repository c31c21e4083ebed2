package dev.wpuscope.platform.windows;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Finds the security catalog (.cat) that signs a file without an embedded signature, as Windows' own DLLs
 * are signed: hashes the file the way the catalog database does (SHA-256, CryptCATAdmin*2, Windows 8 and
 * later), looks the hash up, and has WinVerifyTrust judge the file as a member of that catalog. Every handle
 * is released before it returns.
 */
final class SecurityCatalogCheck {
    private static final WString SHA256 = new WString("SHA256");

    /** A catalog that lists the file, and WinVerifyTrust's result for it as a member. */
    record Verdict(String catalogFile, int result) {
    }

    private SecurityCatalogCheck() {
    }

    /**
     * @param verify runs WinVerifyTrust on prepared data and returns its result
     * @return empty when no catalog lists the file (or the catalog database cannot be asked)
     */
    static Optional<Verdict> verify(WinTrust wintrust, String path, ToIntFunction<WinTrustData> verify) {
        PointerByReference adminRef = new PointerByReference();
        try {
            if (!wintrust.CryptCATAdminAcquireContext2(adminRef, null, SHA256, null, 0)) {
                return Optional.empty();
            }
        } catch (UnsatisfiedLinkError beforeWindows8) {
            // CryptCATAdminAcquireContext2 exists from Windows 8 on; older systems get the embedded verdict only
            return Optional.empty();
        }
        Pointer admin = adminRef.getValue();
        try {
            Optional<byte[]> hash = hash(wintrust, admin, path);
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            Pointer catalog = wintrust.CryptCATAdminEnumCatalogFromHash(admin, hash.get(), hash.get().length, 0,
                    null);
            if (catalog == null) {
                return Optional.empty();
            }
            try {
                CatalogInfo info = new CatalogInfo();
                if (!wintrust.CryptCATCatalogInfoFromContext(catalog, info, 0)) {
                    return Optional.empty();
                }
                info.read();
                String catalogFile = info.catalogFile();
                return Optional.of(new Verdict(catalogFile, verify.applyAsInt(
                        WinTrustData.forCatalogMember(catalogFile, path, hash.get(), admin))));
            } finally {
                wintrust.CryptCATAdminReleaseCatalogContext(admin, catalog, 0);
            }
        } finally {
            wintrust.CryptCATAdminReleaseContext(admin, 0);
        }
    }

    /** The file's hash as the catalog database computes it. */
    private static Optional<byte[]> hash(WinTrust wintrust, Pointer admin, String path) {
        WinNT.HANDLE file = Kernel32.INSTANCE.CreateFile(path, WinNT.GENERIC_READ, WinNT.FILE_SHARE_READ, null,
                WinNT.OPEN_EXISTING, 0, null);
        if (WinBase.INVALID_HANDLE_VALUE.equals(file)) {
            return Optional.empty();
        }
        try {
            IntByReference size = new IntByReference(0);
            wintrust.CryptCATAdminCalcHashFromFileHandle2(admin, file, size, null, 0);
            if (size.getValue() <= 0) {
                return Optional.empty();
            }
            byte[] hash = new byte[size.getValue()];
            return wintrust.CryptCATAdminCalcHashFromFileHandle2(admin, file, size, hash, 0)
                    ? Optional.of(hash) : Optional.empty();
        } finally {
            Kernel32.INSTANCE.CloseHandle(file);
        }
    }
}
