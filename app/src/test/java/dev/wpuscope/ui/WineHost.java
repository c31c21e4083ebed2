package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the native build's x64 wpuhost.exe under Wine with the tracer's file sink, for the tests that check the real
 * tracer end to end. Skips the test, saying why, without Wine or the native build.
 */
final class WineHost {

    static final Path ROOT = Path.of(System.getProperty("wpuscope.root", ".")).toAbsolutePath();
    static final Path BUILD = ROOT.resolve("native-hook/build/x64");

    private WineHost() {
    }

    /** Skips the test unless Wine and the built {@code files} (in the x64 build) are there. */
    static String wineOrSkip(String... files) {
        Optional<String> wine = DemoTraffic.wine(System.getenv());
        Assumptions.assumeTrue(wine.isPresent(), "Wine is not installed (./setup.sh installs it)");
        for (String file : files) {
            Assumptions.assumeTrue(Files.isRegularFile(BUILD.resolve(file)), "native-hook is not built in " + BUILD);
        }
        return wine.get();
    }

    /**
     * Runs wpuhost with {@code arguments} and {@code environment}, the tracer writing {@code capture}; asserts that it
     * ended with exit code 0 in {@code seconds}; returns its output.
     */
    static String run(List<String> arguments, Map<String, String> environment, Path capture, Path dir, int seconds)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(wineOrSkip("wpuhost.exe"),
                BUILD.resolve("wpuhost.exe").toString()));
        command.addAll(arguments);
        Path log = dir.resolve("wpuhost.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(BUILD.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("WINEDEBUG", "-all");
        builder.environment().put("WINEPREFIX", ROOT.resolve("native-hook/build/wineprefix").toString());
        builder.environment().put("WPUSCOPE_TRACE_SINK", "file");
        builder.environment().put("WPUSCOPE_TRACE_FILE", DemoTraffic.winePath(capture));
        builder.environment().putAll(environment);
        Process host = builder.start();
        assertTrue(host.waitFor(seconds, TimeUnit.SECONDS), "wpuhost did not end");
        String output = Files.readString(log);
        assertEquals(0, host.exitValue(), output);
        return output;
    }
}
