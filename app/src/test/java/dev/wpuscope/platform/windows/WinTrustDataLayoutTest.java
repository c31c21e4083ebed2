package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.binary.WsaProtocolInfoLayoutHeaderTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our JNA layouts of WINTRUST_DATA, WINTRUST_FILE_INFO, WINTRUST_CATALOG_INFO and CATALOG_INFO, as this 64-bit JVM computes it, against mingw-w64's wintrust.h. */
class WinTrustDataLayoutTest {

    @TempDir
    Path dir;

    @Test
    void jnaOffsetsMatchTheHeader() throws Exception {
        X64Layouts.assumeAvailable("layout");
        WinTrustData data = new WinTrustData();
        WinTrustData.FileInfo file = new WinTrustData.FileInfo();
        WinTrustData.CatalogMemberInfo member = new WinTrustData.CatalogMemberInfo();
        CatalogInfo catalog = new CatalogInfo();
        String c = "#define NTDDI_VERSION 0x06020000\n#define _WIN32_WINNT 0x0602\n#include <windows.h>\n"
                + "#include <wintrust.h>\n#include <mscat.h>\n#include <stddef.h>\n"
                + X64Layouts.assertions("WINTRUST_DATA", WinTrustData.FIELDS, data::offsetOf, data.size())
                + X64Layouts.assertions("WINTRUST_FILE_INFO", WinTrustData.FileInfo.FIELDS, file::offsetOf, file.size())
                + X64Layouts.assertions("WINTRUST_CATALOG_INFO", WinTrustData.CatalogMemberInfo.FIELDS,
                        member::offsetOf, member.size())
                + X64Layouts.assertions("CATALOG_INFO", CatalogInfo.FIELDS, catalog::offsetOf, catalog.size());
        String output = WsaProtocolInfoLayoutHeaderTest.compile(X64Layouts.COMPILER, c, dir);
        assertEquals("", output, "our WINTRUST_DATA layout disagrees with wintrust.h:\n" + output);
    }

    /** Our WINTRUST_ACTION_GENERIC_VERIFY_V2 bytes are softpub.h's GUID in Windows memory layout. */
    @Test
    void actionGuidMatchesTheHeader() throws Exception {
        X64Layouts.assumeAvailable("GUID");
        Path source = Files.writeString(dir.resolve("guid.c"),
                "#include <windows.h>\n#include <softpub.h>\nGUID_IS WINTRUST_ACTION_GENERIC_VERIFY_V2\n");
        Process cpp = new ProcessBuilder(X64Layouts.COMPILER, "-E", "-P", source.toString()).redirectErrorStream(true).start();
        String output = new String(cpp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cpp.waitFor(120, TimeUnit.SECONDS), "the preprocessor did not finish");
        String line = output.lines().filter(l -> l.startsWith("GUID_IS")).findFirst().orElseThrow(
                () -> new AssertionError("no GUID in:\n" + output));
        long[] parts = Pattern.compile("0x\\p{XDigit}+").matcher(line).results()
                .mapToLong(m -> Long.decode(m.group())).toArray();
        ByteBuffer expected = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) parts[0]).putShort((short) parts[1]).putShort((short) parts[2]);
        for (int i = 3; i < 11; i++) {
            expected.put((byte) parts[i]);
        }
        assertArrayEquals(expected.array(), WinTrust.GENERIC_VERIFY_V2, line);
    }

    @Test
    void verdictsAreWords() {
        assertEquals("not trusted by Windows: TRUST_E_NOSIGNATURE: no embedded signature and no security catalog"
                + " lists the file", WindowsTrustCheck.describe(WindowsTrustCheck.TRUST_E_NOSIGNATURE));
        assertEquals("not trusted by Windows: TRUST_E_BAD_DIGEST: the file was changed after it was signed",
                WindowsTrustCheck.describe(0x80096010));
        assertEquals("not trusted by Windows: WinVerifyTrust 0x80001234", WindowsTrustCheck.describe(0x80001234));
    }
}
