package dev.wpuscope.platform.windows;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.util.List;

/** WSANAMESPACE_INFOEXW (winsock2.h): one namespace provider as WSAEnumNameSpaceProvidersExW returns it. */
public final class WsaNamespaceInfoExW extends Structure {

    /** The member names in declaration order, as in the C header. */
    static final List<String> FIELDS = List.of("NSProviderId", "dwNameSpace", "fActive", "dwVersion",
            "lpszIdentifier", "ProviderSpecific");

    public byte[] NSProviderId = new byte[16];
    public int dwNameSpace;
    public int fActive;
    public int dwVersion;
    public Pointer lpszIdentifier;
    public Blob ProviderSpecific;

    public WsaNamespaceInfoExW() {
    }

    WsaNamespaceInfoExW(Pointer at) {
        super(at);
        read();
    }

    /** BLOB: ULONG cbSize; BYTE *pBlobData. */
    public static final class Blob extends Structure {
        public int cbSize;
        public Pointer pBlobData;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("cbSize", "pBlobData");
        }
    }

    @Override
    protected List<String> getFieldOrder() {
        return FIELDS;
    }

    /** The offset JNA lays a member out at, for the layout test against the headers. */
    int offsetOf(String field) {
        return fieldOffset(field);
    }
}
