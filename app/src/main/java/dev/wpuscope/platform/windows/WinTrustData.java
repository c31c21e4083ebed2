package dev.wpuscope.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import java.util.List;

/**
 * WINTRUST_DATA (wintrust.h) set up to verify one file without any UI: its embedded signature
 * (WINTRUST_FILE_INFO) or its entry in a security catalog (WINTRUST_CATALOG_INFO). Revocation is not checked
 * (that may need the network). The layout is the one before Windows 8 added pSignatureSettings; cbStruct tells
 * WinVerifyTrust which one it gets.
 */
public final class WinTrustData extends Structure {
    static final int WTD_UI_NONE = 2;
    static final int WTD_REVOKE_NONE = 0;
    static final int WTD_CHOICE_FILE = 1;
    static final int WTD_CHOICE_CATALOG = 2;
    static final int WTD_STATEACTION_VERIFY = 1;
    static final int WTD_STATEACTION_CLOSE = 2;
    static final int WTD_REVOCATION_CHECK_NONE = 0x10;
    static final int WTD_CACHE_ONLY_URL_RETRIEVAL = 0x1000;

    /** The member names in declaration order, as in the C header ({@code pFile} is the union). */
    static final List<String> FIELDS = List.of("cbStruct", "pPolicyCallbackData", "pSIPClientData", "dwUIChoice",
            "fdwRevocationChecks", "dwUnionChoice", "pFile", "dwStateAction", "hWVTStateData", "pwszURLReference",
            "dwProvFlags", "dwUIContext");

    public int cbStruct;
    public Pointer pPolicyCallbackData;
    public Pointer pSIPClientData;
    public int dwUIChoice = WTD_UI_NONE;
    public int fdwRevocationChecks = WTD_REVOKE_NONE;
    public int dwUnionChoice;
    public Pointer pFile;
    public int dwStateAction = WTD_STATEACTION_VERIFY;
    public Pointer hWVTStateData;
    public WString pwszURLReference;
    public int dwProvFlags = WTD_REVOCATION_CHECK_NONE | WTD_CACHE_ONLY_URL_RETRIEVAL;
    public int dwUIContext;

    /** What the union points to, kept reachable while WinVerifyTrust may read it. */
    private Structure subject;

    public WinTrustData() {
    }

    /** The data that verifies {@code path}'s embedded signature. */
    static WinTrustData forFile(String path) {
        FileInfo file = new FileInfo();
        file.pcwszFilePath = new WString(path);
        file.cbStruct = file.size();
        return pointingTo(WTD_CHOICE_FILE, file);
    }

    /**
     * The data that verifies {@code path} as member {@code hash} (hex, the member tag) of the security catalog
     * {@code catalogFile}, with the catalog administrator context that computed the hash.
     */
    static WinTrustData forCatalogMember(String catalogFile, String path, byte[] hash, Pointer admin) {
        CatalogMemberInfo member = new CatalogMemberInfo();
        member.pcwszCatalogFilePath = new WString(catalogFile);
        member.pcwszMemberTag = new WString(hex(hash));
        member.pcwszMemberFilePath = new WString(path);
        Memory bytes = new Memory(hash.length);
        bytes.write(0, hash, 0, hash.length);
        member.pbCalculatedFileHash = bytes;
        member.cbCalculatedFileHash = hash.length;
        member.hCatAdmin = admin;
        member.cbStruct = member.size();
        return pointingTo(WTD_CHOICE_CATALOG, member);
    }

    private static WinTrustData pointingTo(int choice, Structure subject) {
        subject.write();
        WinTrustData data = new WinTrustData();
        data.dwUnionChoice = choice;
        data.pFile = subject.getPointer();
        data.subject = subject;
        data.cbStruct = data.size();
        return data;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b));
        }
        return text.toString();
    }

    @Override
    protected List<String> getFieldOrder() {
        return FIELDS;
    }

    /** The offset JNA lays a member out at, for the layout test against the headers. */
    int offsetOf(String field) {
        return fieldOffset(field);
    }

    /** WINTRUST_FILE_INFO: cbStruct, pcwszFilePath, hFile, pgKnownSubject. */
    public static final class FileInfo extends Structure {
        static final List<String> FIELDS = List.of("cbStruct", "pcwszFilePath", "hFile", "pgKnownSubject");

        public int cbStruct;
        public WString pcwszFilePath;
        public Pointer hFile;
        public Pointer pgKnownSubject;

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    /** WINTRUST_CATALOG_INFO with the Windows 8 member hCatAdmin (so the catalog's SHA-256 hash is used). */
    public static final class CatalogMemberInfo extends Structure {
        static final List<String> FIELDS = List.of("cbStruct", "dwCatalogVersion", "pcwszCatalogFilePath",
                "pcwszMemberTag", "pcwszMemberFilePath", "hMemberFile", "pbCalculatedFileHash",
                "cbCalculatedFileHash", "pcCatalogContext", "hCatAdmin");

        public int cbStruct;
        public int dwCatalogVersion;
        public WString pcwszCatalogFilePath;
        public WString pcwszMemberTag;
        public WString pcwszMemberFilePath;
        public Pointer hMemberFile;
        public Pointer pbCalculatedFileHash;
        public int cbCalculatedFileHash;
        public Pointer pcCatalogContext;
        public Pointer hCatAdmin;

        @Override
        protected List<String> getFieldOrder() {
            return FIELDS;
        }

        int offsetOf(String field) {
            return fieldOffset(field);
        }
    }
}
