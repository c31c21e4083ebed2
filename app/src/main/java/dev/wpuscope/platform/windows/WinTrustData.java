package dev.wpuscope.platform.windows;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import java.util.List;

/**
 * WINTRUST_DATA (wintrust.h) set up to verify one file's embedded signature without any UI, and
 * WINTRUST_FILE_INFO, the file it names. Revocation is not checked (that may need the network). The layout
 * is the one before Windows 8 added pSignatureSettings; cbStruct tells WinVerifyTrust which one it gets.
 */
public final class WinTrustData extends Structure {
    static final int WTD_UI_NONE = 2;
    static final int WTD_REVOKE_NONE = 0;
    static final int WTD_CHOICE_FILE = 1;
    static final int WTD_STATEACTION_VERIFY = 1;
    static final int WTD_STATEACTION_CLOSE = 2;
    static final int WTD_REVOCATION_CHECK_NONE = 0x10;
    static final int WTD_CACHE_ONLY_URL_RETRIEVAL = 0x1000;

    /** The member names in declaration order, as in the C header. */
    static final List<String> FIELDS = List.of("cbStruct", "pPolicyCallbackData", "pSIPClientData", "dwUIChoice",
            "fdwRevocationChecks", "dwUnionChoice", "pFile", "dwStateAction", "hWVTStateData", "pwszURLReference",
            "dwProvFlags", "dwUIContext");

    public int cbStruct;
    public Pointer pPolicyCallbackData;
    public Pointer pSIPClientData;
    public int dwUIChoice = WTD_UI_NONE;
    public int fdwRevocationChecks = WTD_REVOKE_NONE;
    public int dwUnionChoice = WTD_CHOICE_FILE;
    public FileInfo.ByReference pFile;
    public int dwStateAction = WTD_STATEACTION_VERIFY;
    public Pointer hWVTStateData;
    public WString pwszURLReference;
    public int dwProvFlags = WTD_REVOCATION_CHECK_NONE | WTD_CACHE_ONLY_URL_RETRIEVAL;
    public int dwUIContext;

    public WinTrustData() {
    }

    /** The data that verifies {@code path}. */
    static WinTrustData forFile(String path) {
        WinTrustData data = new WinTrustData();
        data.pFile = new FileInfo.ByReference();
        data.pFile.pcwszFilePath = new WString(path);
        data.pFile.cbStruct = data.pFile.size();
        data.cbStruct = data.size();
        return data;
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
    public static class FileInfo extends Structure {
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

        /** A pointer to a WINTRUST_FILE_INFO. */
        public static final class ByReference extends FileInfo implements Structure.ByReference {
        }
    }
}
