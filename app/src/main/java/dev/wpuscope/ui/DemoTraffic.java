package dev.wpuscope.ui;

import dev.wpuscope.ui.UserMessages.UserFacingException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Demo traffic" on Linux: runs the project's test host {@code wpuhost.exe} under Wine with the tracer
 * {@code wputrace.dll} on top of the sample non-IFS provider, the tracer writing a capture file that the
 * Live Traffic view follows. Every scenario runs once, then the stress scenario keeps traffic flowing.
 */
final class DemoTraffic {
    /** Every scenario of the non-IFS sample, then the stress scenario that keeps traffic flowing. */
    static final List<String> SCENARIOS = List.of("lifecycle", "asyncselect", "blocking", "events", "apc",
            "overlapped", "fdisset", "providerpath", "misuse", "stress");
    static final String STRESS_THREADS = "2";
    static final String STRESS_ITERATIONS = "20000";

    private final Path repositoryRoot;
    private final Map<String, String> environment;
    private Process host;

    DemoTraffic(Path repositoryRoot, Map<String, String> environment) {
        this.repositoryRoot = repositoryRoot;
        this.environment = environment;
    }

    private Path buildDir() {
        return repositoryRoot.resolve("native-hook").resolve("build").resolve("x64");
    }

    private List<Path> nativeFiles() {
        return List.of(buildDir().resolve("wpuhost.exe"), buildDir().resolve("wputrace.dll"),
                buildDir().resolve("sample_nonifs.dll"));
    }

    /** What is missing to run the demo, each with how to get it; empty when it can run. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (isWindows()) {
            missing.add("Demo traffic runs the test host under Wine, on Linux. On Windows, run wpuhost.exe from "
                    + "native-hook\\build\\x64 yourself with WPUSCOPE_TRACE_SINK=file and open or follow its "
                    + "capture (File › Follow Capture File).");
            return missing;
        }
        if (wine().isEmpty()) {
            missing.add("Wine is not installed (no wine64 or wine on the PATH). Install it with ./setup.sh, "
                    + "or: sudo apt-get install wine wine64");
        }
        List<String> absent = nativeFiles().stream().filter(p -> !Files.isRegularFile(p))
                .map(p -> p.getFileName().toString()).toList();
        if (!absent.isEmpty()) {
            missing.add("The native test host and tracer are not built: " + String.join(", ", absent)
                    + " missing in " + buildDir() + ". Build them with ./setup.sh (it cross-compiles native-hook "
                    + "with mingw-w64), or: mvn -B -o -pl native-hook package");
        }
        return missing;
    }

    boolean isRunning() {
        return host != null && host.isAlive();
    }

    /** Starts the host under Wine; returns the capture file the tracer writes (it may not exist yet). */
    Path start() throws IOException, UserFacingException {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new UserFacingException(String.join("\n", missing));
        }
        Path dir = Files.createTempDirectory("wpuscope-demo-");
        Path capture = dir.resolve("demo.wputrace");
        List<String> command = new ArrayList<>(List.of(wine().get(), buildDir().resolve("wpuhost.exe").toString(),
                "--tracer", winePath(buildDir().resolve("wputrace.dll")), "--threads", STRESS_THREADS,
                "--iterations", STRESS_ITERATIONS));
        for (String scenario : SCENARIOS) {
            command.add("--scenario");
            command.add(scenario);
        }
        command.add(winePath(buildDir().resolve("sample_nonifs.dll")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("wpuhost.log").toFile());
        builder.environment().put("WPUSCOPE_TRACE_SINK", "file");
        builder.environment().put("WPUSCOPE_TRACE_FILE", winePath(capture));
        builder.environment().put("WINEDEBUG", "-all");
        host = builder.start();
        return capture;
    }

    /** Runs {@code action} (on some thread) when the host exits by itself or is stopped. */
    void onExit(Runnable action) {
        if (host != null) {
            host.onExit().thenRun(action);
        }
    }

    void stop() {
        if (host != null) {
            host.descendants().forEach(ProcessHandle::destroy);
            host.destroy();
            host = null;
        }
    }

    /** A Linux path as Wine's Z: drive shows it. */
    static String winePath(Path path) {
        return "Z:" + path.toAbsolutePath().toString().replace('/', '\\');
    }

    private Optional<String> wine() {
        String path = environment.getOrDefault("PATH", "");
        for (String name : List.of("wine64", "wine")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
