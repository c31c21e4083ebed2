package dev.wpuscope.ui.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.wpuscope.bench.ConversationCapture;
import dev.wpuscope.ui.ExampleData;
import dev.wpuscope.ui.OpenRecentEntries;
import dev.wpuscope.ui.RecentFiles;
import dev.wpuscope.ui.UserPreferences;
import dev.wpuscope.ui.WpuscopeApp;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Opening a capture in the real main window as a user does, headless (Monocle, software renderer): the capture
 * (written by {@link ConversationCapture}, 1,000,000 calls unless an argument says otherwise) is an entry of
 * File › Open Recent, which opens it exactly as File › Open does; the benchmark fires that entry and watches every
 * pulse for the first rows of that file shown in the Live Traffic table (the status bar names it), then for the
 * capture's last call shown with the loading progress gone (complete). The first open runs in a fresh JVM (what a user gets), later opens of the same file
 * run warm; the figures are the wall clock of each open and the median of the warm ones, with the CPU time the
 * process used meanwhile (steadier than the wall clock on a loaded machine).
 * Run: {@code mvn -pl app -Popen-bench test-compile exec:exec [-Devents=1000000] [-Dopens=4]}
 */
public final class CaptureOpenBenchmark {
    private static final long TIMEOUT_SECONDS = 300;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CaptureOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int opens = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("wpuscope-open-bench");
        Path capture = dir.resolve("conversation.wputrace");
        ConversationCapture.write(capture, events);
        // one name per open (links to the capture), so that the rows of the open before do not count as shown
        List<Path> names = new ArrayList<>();
        for (int i = 1; i <= opens; i++) {
            names.add(Files.createLink(dir.resolve("open-" + i + ".wputrace"), capture).toAbsolutePath());
        }
        Preferences node = Preferences.userRoot().node("dev/wpuscope/bench/open-" + System.nanoTime());
        UserPreferences preferences = new UserPreferences(node);
        preferences.setRecentFiles(new RecentFiles(names.stream().map(Path::toString).toList()));
        HeadlessFx.start();
        Stage stage = HeadlessFx.onFxThread(() -> {
            Stage window = new Stage();
            new WpuscopeApp(preferences, new ExampleData(dir.resolve("no-examples"))).start(window);
            return window;
        });
        System.out.printf("opening %s: %,d calls, %,d bytes, %d times%n", capture, events, Files.size(capture), opens);
        long[] firstRows = new long[opens];
        long[] complete = new long[opens];
        long[] cpu = new long[opens];
        try {
            for (int i = 0; i < opens; i++) {
                System.gc();
                long cpuBefore = PROCESS.getProcessCpuTime();
                Map<String, Long> threadsBefore = threadCpu();
                Map<String, Long> threadsAfter = new TreeMap<>(threadsBefore);
                long gcBefore = gcMillis();
                long[] times = open(stage, names.get(i), events - 1, threadsAfter);
                firstRows[i] = times[0];
                complete[i] = times[1];
                cpu[i] = TimeUnit.NANOSECONDS.toMillis(PROCESS.getProcessCpuTime() - cpuBefore);
                System.out.printf("open %d%s: first rows shown after %,d ms, complete after %,d ms (CPU time of all"
                        + " threads meanwhile: %,d ms)%n", i + 1, i == 0 ? " (cold JVM)" : "", firstRows[i],
                        complete[i], cpu[i]);
                System.out.printf("  CPU by thread: %s; garbage collections took %,d ms%n",
                        threadShares(threadsBefore, threadsAfter, cpu[i]), gcMillis() - gcBefore);
            }
        } finally {
            HeadlessFx.onFxThread(() -> {
                stage.hide();
                return null;
            });
            Platform.exit();
            node.removeNode();
            for (Path name : names) {
                Files.delete(name);
            }
            Files.delete(capture);
            Files.delete(dir);
        }
        if (opens > 1) {
            System.out.printf("warm opens, median: first rows shown after %,d ms, complete after %,d ms (CPU %,d ms)%n",
                    median(firstRows), median(complete), median(cpu));
        }
    }

    /**
     * Opens {@code file} from Open Recent; returns the ms to its first rows shown and to complete. {@code threadCpu}
     * gets each thread's CPU time at every frame (the reading thread ends with the reading).
     */
    private static long[] open(Stage stage, Path file, int lastRow, Map<String, Long> threadCpu) throws Exception {
        CompletableFuture<long[]> times = new CompletableFuture<>();
        HeadlessFx.onFxThread(() -> {
            Scene scene = stage.getScene();
            TableView<?> table = (TableView<?>) scene.lookup("#eventTable");
            Node progress = scene.lookup("#progressBox");
            Label source = (Label) scene.lookup("#sourceStatus");
            MenuItem openRecent = OpenRecentEntries.of(scene, file);
            long start = System.nanoTime();
            openRecent.fire();
            new AnimationTimer() {
                private long firstRows = -1;

                @Override
                public void handle(long now) {
                    threadCpu.putAll(threadCpu());
                    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (firstRows < 0 && source.getText().equals(file.toString()) && rowsShown(table)) {
                        firstRows = elapsed;
                    }
                    if (firstRows >= 0 && !progress.isVisible() && table.getItems().contains(lastRow)) {
                        stop();
                        times.complete(new long[] {firstRows, elapsed});
                    }
                }
            }.start();
            return null;
        });
        return times.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Whether the table shows a row of events (a row cell with an event in it, laid out on screen). */
    private static boolean rowsShown(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream()
                .anyMatch(cell -> cell.isVisible() && !((TableRow<?>) cell).isEmpty());
    }

    /** CPU nanoseconds of each live thread, by name (threads of one name added up). */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null) {
                cpu.merge(thread.getThreadName(), Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId())),
                        Long::sum);
            }
        }
        return cpu;
    }

    /** "wpuscope-background 3,100 ms, JavaFX Application Thread 900 ms, ..., JVM (GC, compiler) 1,200 ms". */
    private static String threadShares(Map<String, Long> before, Map<String, Long> after, long processMillis) {
        StringBuilder out = new StringBuilder();
        long javaThreads = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            long millis = TimeUnit.NANOSECONDS.toMillis(thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
            javaThreads += millis;
            if (millis >= 50) {
                out.append(String.format("%s %,d ms, ", thread.getKey(), millis));
            }
        }
        return out.append(String.format("JVM (GC, compiler) %,d ms", processMillis - javaThreads)).toString();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long median(long[] values) {
        long[] warm = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(warm);
        int middle = warm.length / 2;
        return warm.length % 2 == 1 ? warm[middle] : (warm[middle - 1] + warm[middle]) / 2;
    }
}
