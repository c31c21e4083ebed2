package dev.wpuscope.platform.windows;

import static dev.wpuscope.catalog.binary.WsaProtocolInfoLayoutHeaderTest.assertion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import dev.wpuscope.catalog.binary.WsaProtocolInfoLayoutHeaderTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JNA layout of WSANAMESPACE_INFOEXW, as this 64-bit JVM computes it, against the x64 mingw-w64 header. */
class WsaNamespaceInfoExWLayoutTest {

    private static final String COMPILER = "x86_64-w64-mingw32-gcc";

    @TempDir
    Path dir;

    @Test
    void jnaOffsetsMatchTheHeader() throws Exception {
        assumeTrue(Platform.is64Bit(), "32-bit JVM: the x64 layout is not computed here");
        assumeTrue(WsaProtocolInfoLayoutHeaderTest.onPath(COMPILER), COMPILER + " is not installed: layout not checked");
        WsaNamespaceInfoExW struct = new WsaNamespaceInfoExW();
        StringBuilder c = new StringBuilder(WsaProtocolInfoLayoutHeaderTest.INCLUDES);
        for (String field : WsaNamespaceInfoExW.FIELDS) {
            c.append(assertion("offsetof(WSANAMESPACE_INFOEXW, " + field + ")", struct.offsetOf(field)));
        }
        c.append(assertion("sizeof(WSANAMESPACE_INFOEXW)", struct.size()));
        String output = WsaProtocolInfoLayoutHeaderTest.compile(COMPILER, c.toString(), dir);
        assertEquals("", output, "JNA's WSANAMESPACE_INFOEXW layout disagrees with winsock2.h:\n" + output);
    }
}
