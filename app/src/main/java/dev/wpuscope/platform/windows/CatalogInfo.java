package dev.wpuscope.platform.windows;

import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CATALOG_INFO (mscat.h): {DWORD cbStruct; WCHAR wszCatalogFile[MAX_PATH];}. The name is kept as bytes so the
 * layout is the same on every JVM (a Java char field would be wchar_t, 4 bytes off Windows).
 */
public final class CatalogInfo extends Structure {
    static final List<String> FIELDS = List.of("cbStruct", "wszCatalogFile");
    private static final int MAX_PATH = 260;

    public int cbStruct;
    public byte[] wszCatalogFile = new byte[2 * MAX_PATH];

    public CatalogInfo() {
        cbStruct = size();
    }

    /** The catalog file's path. */
    String catalogFile() {
        String text = new String(wszCatalogFile, StandardCharsets.UTF_16LE);
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    protected List<String> getFieldOrder() {
        return FIELDS;
    }

    int offsetOf(String field) {
        return fieldOffset(field);
    }
}
