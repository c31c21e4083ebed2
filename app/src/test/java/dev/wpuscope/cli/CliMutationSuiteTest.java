package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation suite (issue 12): the project's own recorded captures, example catalog and a snapshot made
 * from it, mutated deterministically (bit flips, byte runs, truncation at every offset of the small
 * captures, length fields set huge, records duplicated and swapped), run through the real CLI commands in
 * process (each command object as the command line runs it, with its error handling and output). Every run
 * must end with a documented exit code and no uncaught exception; every error is one line naming the file;
 * nothing printed holds a control character; for captures, every intact upcall is exported, and
 * {@code trace follow} prints the upcalls and reading problems that {@code trace export} does.
 * The counts of cases and outcomes are printed at the end.
 */
class CliMutationSuiteTest {

    private static final Path EXAMPLE_CATALOG = Path.of(System.getProperty("wpuscope.root", "."), "resources",
            "examples", "example-catalog.reg");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One-line error of a command: "wpuscope: <file>..." */
    private static final Pattern LOCATION = Pattern.compile(":\\d+:|byte offset \\d+|line \\d+");
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void clearCounts() {
        OUTCOMES.clear();
    }

    @AfterAll
    static void printCounts() {
        int total = OUTCOMES.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("Mutation suite: " + total + " mutated cases: " + OUTCOMES);
    }

    @Test
    void everyTruncationOfTheSmallCapturesKeepsEveryCompleteUpcall() throws Exception {
        for (String name : List.of("crossthread-x64", "scenario-all-ifs-x64")) {
            CaptureMutations capture = CaptureMutations.of(name);
            for (int cut = 0; cut < capture.bytes().length; cut++) {
                check(capture.truncatedAt(cut), cut % 4 == 0);
            }
        }
    }

    @Test
    void bitFlipsAndByteRunsLoseOnlyTheRecordsTheyTouch() throws Exception {
        for (String name : List.of("crossthread-x64", "scenario-all-ifs-x64", "scenario-all-x64")) {
            CaptureMutations capture = CaptureMutations.of(name);
            java.util.Random random = new java.util.Random(name.hashCode());
            for (int i = 0; i < 200; i++) {
                check(capture.bitFlip(random.nextInt(capture.bytes().length), random.nextInt(8)), true);
            }
            for (int i = 0; i < 100; i++) {
                check(capture.byteRun(random.nextInt(capture.bytes().length), 1 + random.nextInt(64),
                        random.nextInt(3), random), true);
            }
        }
        CaptureMutations stress = CaptureMutations.of("stress-8-threads-x64");
        java.util.Random random = new java.util.Random(8);
        for (int i = 0; i < 6; i++) {
            check(stress.byteRun(random.nextInt(stress.bytes().length), 1 + random.nextInt(64), i % 3, random), true);
        }
    }

    @Test
    void hugeLengthsDuplicatesAndSwapsOfEveryRecord() throws Exception {
        for (String name : List.of("crossthread-x64", "scenario-all-x64")) {
            CaptureMutations capture = CaptureMutations.of(name);
            for (int k = 0; k < capture.records().size(); k++) {
                for (long length : new long[] {0xFFFF_FFFFL, 1 << 20, (1 << 20) + 1, 0}) {
                    check(capture.lengthSetTo(k, length), true);
                }
                check(capture.duplicated(k), true);
                if (k + 1 < capture.records().size()) {
                    check(capture.swapped(k), true);
                }
            }
        }
    }

    @Test
    void catalogsAndSnapshotsFailWithOneLineNamingTheFile() throws Exception {
        byte[] reg = Files.readAllBytes(EXAMPLE_CATALOG);
        CliRun made = CliRun.of(new WpuscopeCommand(), "catalog", "--json", EXAMPLE_CATALOG.toString());
        assertEquals(0, made.exitCode(), made.err());
        byte[] snapshot = made.out().getBytes(StandardCharsets.UTF_8);
        java.util.Random random = new java.util.Random(12);
        for (Map.Entry<String, byte[]> source : List.of(Map.entry("reg", reg), Map.entry("json", snapshot))) {
            byte[] original = source.getValue();
            for (int i = 0; i < 150; i++) {
                byte[] bytes = original.clone();
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                checkCatalog(source.getKey(), "bit flip at " + at, bytes, i % 5 == 0);
            }
            for (int i = 0; i < 100; i++) {
                byte[] bytes = original.clone();
                int at = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
                for (int j = at; j < at + length; j++) {
                    bytes[j] = (byte) (i % 2 == 0 ? random.nextInt(32) : random.nextInt(256));
                }
                checkCatalog(source.getKey(), "control or random bytes at " + at, bytes, i % 5 == 0);
            }
            for (int cut = 0; cut < original.length; cut += 1 + original.length / 150) {
                checkCatalog(source.getKey(), "cut at " + cut, java.util.Arrays.copyOf(original, cut), false);
            }
        }
    }

    // ---- captures ----

    /** Runs export (and follow, when asked) on the mutated capture and checks them against what it must keep. */
    private static void check(CaptureMutations.Mutated mutated, boolean alsoFollow) throws IOException {
        Path file = dir.resolve("mutated.wputrace");
        Files.write(file, mutated.bytes());
        Path jsonl = dir.resolve("mutated.jsonl");
        Files.deleteIfExists(jsonl);
        CliRun export = CliRun.of(new TraceExportCommand(), "--jsonl", "-o", jsonl.toString(), file.toString());
        String what = mutated.description();
        assertCleanOutput(what, export);
        if (export.exitCode() == UserErrorHandler.EXIT_BAD_INPUT) {
            assertTrue(mutated.touchesMagicOrVersion(), what + ": refused although the header's start is intact: "
                    + export.err());
            assertOneLineNaming(what, export.err(), file);
            count("capture refused (exit 2, one line)");
            return;
        }
        assertEquals(0, export.exitCode(), what + ": " + export.err());
        List<String> exported = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertNoControlCharacters(what, String.join("\n", exported));
        assertEquals(mutated.expectedUpcalls(), keys(exported), what + ": the intact upcalls, in order");
        List<String> problems = export.err().lines().map(l -> l.replaceFirst("^wpuscope: warning: ", "")).toList();
        count(problems.isEmpty() ? "capture exported, nothing to report" : "capture exported with its damage reported");
        if (alsoFollow) {
            CliRun follow = CliRun.of(new TraceFollowCommand(), "--interval", "1", "--stop-after-idle", "1",
                    file.toString());
            assertCleanOutput(what, follow);
            assertEquals(0, follow.exitCode(), what + ": " + follow.err());
            assertFollowPrintsWhatExportDoes(what, follow.out(), exported, problems);
            count("follow compared with export");
        }
    }

    private static void assertFollowPrintsWhatExportDoes(String what, String followed, List<String> exported,
            List<String> problems) throws IOException {
        List<String> upcalls = followed.lines().filter(l -> !l.startsWith("!! ")).toList();
        assertEquals(exported.size(), upcalls.size(), what + ": upcalls followed\n" + followed);
        for (int i = 0; i < exported.size(); i++) {
            JsonNode e = JSON.readTree(exported.get(i));
            String expected = "  pid " + e.get("pid").asInt() + "  tid " + e.get("tid").asInt() + "  "
                    + e.get("call").asText() + "(";
            assertTrue(upcalls.get(i).startsWith(e.get("time").asText() + expected), what + ": upcall " + i
                    + " followed as " + upcalls.get(i) + ", exported as " + exported.get(i));
        }
        List<String> followedProblems = followed.lines().filter(l -> l.startsWith("!! ") && problems.contains(
                l.substring(3))).map(l -> l.substring(3)).toList();
        assertEquals(problems, followedProblems, what + ": reading problems followed\n" + followed);
    }

    /** What identifies an exported upcall whatever the context (clock, process name) around it. */
    private static List<String> keys(List<String> jsonLines) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : jsonLines) {
            keys.add(CaptureMutations.key(JSON.readTree(line)));
        }
        return keys;
    }

    // ---- catalogs ----

    private static void checkCatalog(String kind, String mutation, byte[] bytes, boolean alsoDiagnose)
            throws IOException {
        Path file = dir.resolve("mutated." + kind);
        Files.write(file, bytes);
        String what = kind + " " + mutation;
        CliRun catalog = CliRun.of(new CatalogCommand(), file.toString());
        assertCleanOutput(what, catalog);
        assertTrue(catalog.exitCode() == 0 || catalog.exitCode() == UserErrorHandler.EXIT_BAD_INPUT,
                what + ": exit code " + catalog.exitCode() + ": " + catalog.err());
        if (catalog.exitCode() == 0) {
            count(kind + " read");
        } else {
            assertOneLineNaming(what, catalog.err(), file);
            count(LOCATION.matcher(catalog.err()).find() ? kind + " refused, line or offset named"
                    : kind + " refused as a whole (not a catalog, no catalog in it)");
        }
        if (alsoDiagnose) {
            CliRun diagnose = CliRun.of(new DiagnoseCommand(), file.toString());
            assertCleanOutput(what, diagnose);
            assertTrue(List.of(0, 2, 3, 4).contains(diagnose.exitCode()), what + ": diagnose exit code "
                    + diagnose.exitCode() + ": " + diagnose.err());
            assertEquals(catalog.exitCode() == 2, diagnose.exitCode() == 2, what + ": " + diagnose.err());
            count(kind + " diagnosed");
        }
    }

    // ---- every run ----

    private static void assertCleanOutput(String what, CliRun run) {
        assertTrue(run.exitCode() != UserErrorHandler.EXIT_INTERNAL, what + ": internal error: " + run.err());
        assertTrue(!run.err().contains("\tat ") && !run.err().contains("Exception in"), what + ": " + run.err());
        assertNoControlCharacters(what, run.out() + run.err());
    }

    private static void assertOneLineNaming(String what, String err, Path file) {
        assertEquals(1, err.lines().count(), what + ": " + err);
        assertTrue(err.startsWith("wpuscope: " + file), what + ": " + err);
    }

    private static void assertNoControlCharacters(String what, String output) {
        try {
            ControlBytesInInputTest.assertNoControlCharacters(output);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    private static synchronized void count(String outcome) {
        OUTCOMES.merge(outcome, 1, Integer::sum);
    }
}
