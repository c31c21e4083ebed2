package dev.wpuscope.platform.windows;

import static dev.wpuscope.catalog.binary.WsaProtocolInfoLayoutHeaderTest.assertion;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import dev.wpuscope.catalog.binary.WsaProtocolInfoLayoutHeaderTest;
import java.io.IOException;
import java.util.List;
import java.util.function.ToIntFunction;

/** Checks JNA structure layouts, as this 64-bit JVM computes them, against the x64 mingw-w64 headers. */
final class X64Layouts {
    static final String COMPILER = "x86_64-w64-mingw32-gcc";

    private X64Layouts() {
    }

    /** Skips the test with a message unless the JVM is 64-bit and the x64 cross compiler is installed. */
    static void assumeAvailable(String what) throws IOException {
        assumeTrue(Platform.is64Bit(), "32-bit JVM: the x64 layout is not computed here");
        assumeTrue(WsaProtocolInfoLayoutHeaderTest.onPath(COMPILER), COMPILER + " is not installed: " + what
                + " not checked");
    }

    /** C static assertions that each member of {@code type} is at JNA's offset and the size is JNA's. */
    static String assertions(String type, List<String> fields, ToIntFunction<String> offset, int size) {
        StringBuilder c = new StringBuilder();
        for (String field : fields) {
            c.append(assertion("offsetof(" + type + ", " + field + ")", offset.applyAsInt(field)));
        }
        return c.append(assertion("sizeof(" + type + ")", size)).toString();
    }
}
