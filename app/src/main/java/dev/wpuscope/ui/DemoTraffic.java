package dev.wpuscope.ui;

import dev.wpuscope.ui.UserMessages.UserFacingException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * "Demo traffic" on Linux: runs the project's test host {@code wpuhost.exe} under Wine with the tracer
 * {@code wputrace.dll} on top of the layered sample LSP over the sample non-IFS provider (so the capture shows two
 * providers' upcalls, each under its own module), the tracer writing a capture file that the
 * Live Traffic view follows. Every scenario runs once, then the stress scenario keeps traffic flowing.
 * Captures go to a per-user temporary directory; starting a demo deletes the captures of earlier demos.
 * When the host fails (non-zero exit, or no capture within {@link #CAPTURE_TIMEOUT}) the user is told,
 * with the last lines of the host's output.
 */
final class DemoTraffic {
    /**
     * Every scenario of the non-IFS sample (the SPI conversations first: every WSP* call with the upcalls it
     * causes, then their misuse), then the stress scenario that keeps traffic flowing.
     */
    static final List<String> SCENARIOS = List.of("spi", "spi-misuse", "lifecycle", "asyncselect", "blocking",
            "events", "apc", "overlapped", "fdisset", "providerpath", "misuse", "crossthread", "stress");
    static final String STRESS_THREADS = "2";
    /** The layered sample LSP between the tracer and the base sample, and the GUID it finds itself by. */
    private static final String SAMPLE_LSP = "sample_lsp.dll";
    private static final String SAMPLE_LSP_GUID = "{5a3c1e70-2b4d-4e8f-9a1b-6c7d8e9f0a01}";
    static final String STRESS_ITERATIONS = "20000";
    static final Duration CAPTURE_TIMEOUT = Duration.ofSeconds(30);
    /** Lines of the host's output a failure message quotes. */
    static final int OUTPUT_LINES = 12;
    private static final String LOG = "wpuhost.log";

    private final Path repositoryRoot;
    private final Map<String, String> environment;
    private final Path demoRoot;
    /** Runs instead of wpuhost.exe under Wine when set (tests point it at a host that fails). */
    private final List<String> hostOverride;
    private Process host;
    private Path demoDir;

    DemoTraffic(Path repositoryRoot, Map<String, String> environment) {
        this(repositoryRoot, environment, userDemoRoot(), null);
    }

    DemoTraffic(Path repositoryRoot, Map<String, String> environment, Path demoRoot, List<String> hostOverride) {
        this.repositoryRoot = repositoryRoot;
        this.environment = environment;
        this.demoRoot = demoRoot;
        this.hostOverride = hostOverride;
    }

    /** {@code <tmp>/wpuscope-demo-<user>}: one per user, so users on one machine do not share captures. */
    static Path userDemoRoot() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "wpuscope-demo-" + user);
    }

    private Path buildDir() {
        return repositoryRoot.resolve("native-hook").resolve("build").resolve("x64");
    }

    private List<Path> nativeFiles() {
        return List.of(buildDir().resolve("wpuhost.exe"), buildDir().resolve("wputrace.dll"),
                buildDir().resolve(SAMPLE_LSP), buildDir().resolve("sample_nonifs.dll"));
    }

    /** What is missing to run the demo, each with how to get it; empty when it can run. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (hostOverride != null) {
            return missing;
        }
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
        Files.createDirectories(demoRoot);
        deleteEarlierDemos();
        demoDir = Files.createTempDirectory(demoRoot, "demo-");
        Path capture = demoDir.resolve("demo.wputrace");
        ProcessBuilder builder = new ProcessBuilder(hostOverride != null ? hostOverride : wineCommand())
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(demoDir.resolve(LOG).toFile());
        builder.environment().put("WPUSCOPE_TRACE_SINK", "file");
        builder.environment().put("WPUSCOPE_TRACE_FILE", hostOverride != null ? capture.toString() : winePath(capture));
        builder.environment().put("WINEDEBUG", "-all");
        host = builder.start();
        return capture;
    }

    private List<String> wineCommand() {
        List<String> command = new ArrayList<>(List.of(wine().orElseThrow(),
                buildDir().resolve("wpuhost.exe").toString(), "--tracer", winePath(buildDir().resolve("wputrace.dll")),
                "--threads", STRESS_THREADS, "--iterations", STRESS_ITERATIONS));
        for (String scenario : SCENARIOS) {
            command.add("--scenario");
            command.add(scenario);
        }
        command.addAll(List.of("--layer-guid", winePath(buildDir().resolve(SAMPLE_LSP)) + "=" + SAMPLE_LSP_GUID,
                winePath(buildDir().resolve(SAMPLE_LSP)), winePath(buildDir().resolve("sample_nonifs.dll"))));
        return command;
    }

    /** Deletes the directories of earlier demos (this one's host is stopped before a new demo starts). */
    private void deleteEarlierDemos() throws IOException {
        try (Stream<Path> earlier = Files.list(demoRoot)) {
            for (Path dir : earlier.filter(p -> p.getFileName().toString().startsWith("demo-")).toList()) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException walking) {
            throw walking.getCause();
        }
    }

    /**
     * Tells {@code failure} (on some thread, at most once) what went wrong when the host just started exits
     * with a non-zero code, or when {@code capture} still has no data after {@code timeout} (then the host is
     * stopped); the message ends with the last lines of the host's output.
     */
    void watchForFailure(Path capture, Duration timeout, Consumer<String> failure) {
        Process watched = host;
        Path log = demoDir.resolve(LOG);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        watched.onExit().thenAccept(p -> {
            if (p.exitValue() != 0) {
                outcome.complete("The test host exited with code " + p.exitValue() + hadCapture(capture) + ".");
            } else if (!hasData(capture)) {
                outcome.complete("The test host exited without writing a capture.");
            }
        });
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (watched.isAlive() && !hasData(capture)) {
                outcome.complete("The test host wrote no capture within " + timeout.toSeconds()
                        + " s, so it was stopped (the tracer may not have loaded under Wine).");
                watched.descendants().forEach(ProcessHandle::destroy);
                watched.destroy();
            }
        });
        outcome.thenAccept(what -> failure.accept(what + "\n\nLast lines of its output (" + log + "):\n"
                + lastLines(log, OUTPUT_LINES)));
    }

    private static String hadCapture(Path capture) {
        return hasData(capture) ? "" : " before writing a capture";
    }

    private static boolean hasData(Path capture) {
        try {
            return Files.size(capture) > 0;
        } catch (IOException absent) {
            return false;
        }
    }

    /** The last {@code count} lines of {@code log}, or a note that it printed nothing. */
    static String lastLines(Path log, int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "(no output)"
                    : String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException unreadable) {
            return "(its output could not be read: " + unreadable.getMessage() + ")";
        }
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

    /**
     * Wine's 64-bit loader for the x64 test host: {@code wine64} on the PATH, or Debian's, beside a PATH directory
     * in {@code ../lib/wine/wine64} (it runs x64 programs directly, also where the {@code wine} launcher fails
     * because the kernel cannot run its 32-bit loader); else {@code wine} on the PATH.
     */
    private Optional<String> wine() {
        return wine(environment);
    }

    /** Wine's loader for x64 programs, found from {@code environment}'s PATH (see {@link #wine()}). */
    static Optional<String> wine(Map<String, String> environment) {
        List<Path> dirs = Arrays.stream(environment.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(Path::of).toList();
        Stream<Path> loaders = Stream.concat(
                dirs.stream().flatMap(dir -> Stream.of(dir.resolve("wine64"),
                        dir.resolveSibling("lib").resolve("wine").resolve("wine64"))),
                dirs.stream().map(dir -> dir.resolve("wine")));
        return loaders.filter(Files::isExecutable).findFirst().map(Path::toString);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
