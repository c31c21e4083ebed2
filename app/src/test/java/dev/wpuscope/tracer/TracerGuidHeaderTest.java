package dev.wpuscope.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The installer's layered GUID is the one wputrace.dll looks for (native-hook/dll/wputrace.h). */
class TracerGuidHeaderTest {

    private static final Pattern GUID_INIT = Pattern.compile("WPUTRACE_PROVIDER_GUID_INIT\\s*\\\\\\s*\\{\\s*"
            + "0x(\\p{XDigit}+),\\s*0x(\\p{XDigit}+),\\s*0x(\\p{XDigit}+),\\s*\\{([^}]*)\\}");

    @Test
    void layeredGuidMatchesTheDllHeader() throws Exception {
        Path header = Path.of("..", "native-hook", "dll", "wputrace.h");
        assumeTrue(Files.isRegularFile(header), header + " is absent on this branch: test skipped");
        Matcher m = GUID_INIT.matcher(Files.readString(header));
        assertTrue(m.find(), "WPUTRACE_PROVIDER_GUID_INIT in " + header);
        StringBuilder data4 = new StringBuilder();
        for (String b : m.group(4).split(",")) {
            data4.append(String.format("%02x", Integer.parseInt(b.trim().substring(2), 16)));
        }
        String text = String.format("%08x-%04x-%04x-%s-%s", Long.parseLong(m.group(1), 16),
                Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16), data4.substring(0, 4),
                data4.substring(4));
        assertEquals(UUID.fromString(text), TracerIds.LAYERED_PROVIDER);
    }
}
