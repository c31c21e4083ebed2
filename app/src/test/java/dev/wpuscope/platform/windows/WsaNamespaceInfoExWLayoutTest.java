package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.catalog.binary.WsaProtocolInfoLayoutHeaderTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JNA layout of WSANAMESPACE_INFOEXW, as this 64-bit JVM computes it, against the x64 mingw-w64 header. */
class WsaNamespaceInfoExWLayoutTest {

    @TempDir
    Path dir;

    @Test
    void jnaOffsetsMatchTheHeader() throws Exception {
        X64Layouts.assumeAvailable("layout");
        WsaNamespaceInfoExW struct = new WsaNamespaceInfoExW();
        String c = WsaProtocolInfoLayoutHeaderTest.INCLUDES + X64Layouts.assertions("WSANAMESPACE_INFOEXW",
                WsaNamespaceInfoExW.FIELDS, struct::offsetOf, struct.size());
        String output = WsaProtocolInfoLayoutHeaderTest.compile(X64Layouts.COMPILER, c, dir);
        assertEquals("", output, "JNA's WSANAMESPACE_INFOEXW layout disagrees with winsock2.h:\n" + output);
    }
}
