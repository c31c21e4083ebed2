package dev.wpuscope.catalog.source.netsh;

import dev.wpuscope.catalog.source.SourceText;
import java.util.List;

/**
 * The lines of a saved netsh dump. PowerShell 5 saves UTF-16LE with a BOM, PowerShell 7 and editors UTF-8,
 * {@code cmd > file} the console's OEM code page (which the file does not name).
 */
final class NetshTextDecoder {

    private NetshTextDecoder() {
    }

    /** The dump's lines; any run of CRs before a LF counts as one line break. */
    static List<String> lines(byte[] bytes, NetshWarnings warnings) {
        SourceText source = SourceText.decode(bytes);
        if (source.codePageGuess()) {
            warnings.add(1, "the file is neither UTF-8 nor UTF-16 (probably a console code page); read as Windows-1252,"
                    + " so non-ASCII labels, descriptions and paths may be garbled");
        }
        return List.of(source.text().split("\\r*\\n|\\r", -1));
    }
}
