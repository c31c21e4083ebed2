package dev.wpuscope.catalog.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiles the Java offset table as static assertions against the mingw-w64 winsock2.h/ws2spi.h. */
public class WsaProtocolInfoLayoutHeaderTest {

    public static final String INCLUDES = "#include <winsock2.h>\n#include <ws2spi.h>\n#include <stddef.h>\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-w64-mingw32-gcc", "i686-w64-mingw32-gcc"})
    void offsetsMatchTheMingwHeaders(String compiler) throws Exception {
        assumeTrue(onPath(compiler), compiler + " is not installed: layout not checked against the headers");
        String output = compile(compiler, staticAssertions(), dir);
        assertEquals("", output, "the headers disagree with WsaProtocolInfoLayout:\n" + output);
    }

    /** Compiles C source with -fsyntax-only; returns "" when it compiles, else the compiler's messages. */
    public static String compile(String compiler, String c, Path dir) throws Exception {
        Path source = dir.resolve("layout.c");
        Files.writeString(source, c, StandardCharsets.US_ASCII);
        Process gcc = new ProcessBuilder(compiler, "-fsyntax-only", "-std=c11", source.toString())
                .redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, gcc.waitFor(120, TimeUnit.SECONDS), "compiler did not finish");
        return gcc.exitValue() == 0 ? "" : output;
    }

    /** The WSAPROTOCOL_INFOW table as C static assertions. */
    static String staticAssertions() {
        StringBuilder c = new StringBuilder(INCLUDES);
        for (WsaProtocolInfoLayout field : WsaProtocolInfoLayout.values()) {
            c.append(assertion("offsetof(WSAPROTOCOL_INFOW, " + field.cName() + ")", field.offset()));
            c.append(assertion("sizeof(((WSAPROTOCOL_INFOW *) 0)->" + field.cName() + ")", field.size()));
        }
        c.append(assertion("sizeof(WSAPROTOCOL_INFOW)", WsaProtocolInfoLayout.SIZE));
        c.append(assertion("MAX_PROTOCOL_CHAIN", WsaProtocolInfoLayout.MAX_PROTOCOL_CHAIN));
        c.append(assertion("WSAPROTOCOL_LEN + 1", WsaProtocolInfoLayout.WSAPROTOCOL_LEN_CHARS));
        c.append(assertion("MAX_PATH", PackedCatalogItem.PATH_SIZE));
        return c.toString();
    }

    public static String assertion(String expression, int expected) {
        return "_Static_assert((" + expression + ") == " + expected + ", \"" + expression + " == " + expected
                + "\");\n";
    }

    public static boolean onPath(String program) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
