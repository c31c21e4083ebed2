package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.store.EventText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.Upcall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter bar selects through the store's indexes; this checks it against a brute-force scan of every
 * row, on the golden capture and on the real captures the tracer recorded under Wine, for every upcall,
 * thread, process, provider and socket present, errors only, and free text; and that following a capture in
 * slices with the filter set gives the same rows as reading it at once. The free-text reference is the text
 * the table shows in the row, column by column, built with the table's own cell texts.
 */
class FilterThroughStoreTest {
    private static final Path ROOT = Path.of(System.getProperty("wpuscope.root", "."));

    static Stream<Path> captures() {
        return Stream.of(ROOT.resolve("resources/trace-format/golden/basic.wputrace"),
                ROOT.resolve("resources/captures/scenario-all-x64.wputrace"),
                ROOT.resolve("resources/captures/scenario-all-ifs-x64.wputrace"));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyFilterSelectsWhatABruteForceScanSelects(Path capture) throws Exception {
        CaptureSession session = Sessions.of(Files.readAllBytes(capture));
        EventFormat format = new EventFormat(session, ZoneOffset.UTC);
        assertTrue(session.size() > 0, capture + " has events");
        Set<TrafficFilter> seen = new LinkedHashSet<>();
        int checked = 0;
        for (int row = 0; row < session.size(); row++) {
            int r = row;
            Upcall upcall = session.upcall(r);
            if (upcall != null) {
                checked += check(seen, session, capture, TrafficFilter.NONE.withUpcall(upcall), i -> session.upcall(i) == upcall);
                checked += checkText(seen, session, format, capture, upcall.apiName().substring(3));
            }
            int tid = session.tid(r);
            checked += check(seen, session, capture, TrafficFilter.NONE.withThread(tid).withErrorsOnly(true),
                    i -> session.tid(i) == tid && format.failed(i));
            String pid = Integer.toString(session.pid(r));
            checked += check(seen, session, capture, TrafficFilter.NONE.withProcess(pid), i -> session.pid(i) == session.pid(r));
            String provider = session.providerName(r);
            if (!provider.isEmpty()) {
                String part = provider.substring(0, provider.length() - 4).toUpperCase(Locale.ROOT);
                checked += check(seen, session, capture, TrafficFilter.NONE.withProvider(part),
                        i -> session.providerName(i).toUpperCase(Locale.ROOT).contains(part));
            }
            long socket = format.socket(r);
            if (socket != -1) {
                checked += check(seen, session, capture, TrafficFilter.NONE.withSocket(socket),
                        i -> format.socket(i) == socket && !(createsHandle(session.upcall(i)) && format.failed(i)));
            }
            if (checked > 400) {
                break;
            }
        }
        assertTrue(checked > 5, "checked " + checked + " filters");
    }

    /**
     * Free text against what each row shows: fixed words, then pieces of every row's columns: each argument,
     * each value, windows across argument boundaries, the result, the error, the process.
     */
    @ParameterizedTest
    @MethodSource("captures")
    void freeTextSelectsTheRowsWhoseShownTextContainsIt(Path capture) throws Exception {
        CaptureSession session = Sessions.of(Files.readAllBytes(capture));
        EventFormat format = new EventFormat(session, ZoneOffset.UTC);
        Set<TrafficFilter> seen = new LinkedHashSet<>();
        int checked = 0;
        for (String word : List.of("FD_READ", "FD_CLOSE", "lparam=0x", "msg=0x401", "wparam=0x", "socket_error",
                "invalid_socket", "TRUE", "false", "NULL", "wsaenotsock", "dwError=0", "context=0x", "→", "path=",
                "provider={", "0x", "=", ", ", "1", "(unknown module)", ".exe", "unknown upcall")) {
            checked += checkText(seen, session, format, capture, word);
        }
        for (int row = 0; row < session.size(); row++) {
            String arguments = format.arguments(row);
            for (String part : arguments.split(", ")) {
                checked += checkText(seen, session, format, capture, part);
                checked += checkText(seen, session, format, capture, part.substring(part.indexOf('=') + 1));
            }
            for (int at = 0; at + 9 <= arguments.length(); at += 7) {
                checked += checkText(seen, session, format, capture, arguments.substring(at, at + 9));
            }
            checked += checkText(seen, session, format, capture, format.result(row));
            checked += checkText(seen, session, format, capture, format.error(row));
            checked += checkText(seen, session, format, capture, session.processName(row));
        }
        assertTrue(checked > 60, "checked " + checked + " queries");
    }

    /** The columns the row shows, as the table writes them, except the row number, the time and the duration. */
    private static String shownText(CaptureSession session, EventFormat format, int row) {
        return String.join("\n", session.processName(row), Integer.toString(session.pid(row)),
                Integer.toString(session.tid(row)), EventText.providerLabel(session.providerName(row)),
                format.call(row), format.arguments(row), format.result(row), format.error(row))
                .toLowerCase(Locale.ROOT);
    }

    private static int checkText(Set<TrafficFilter> seen, CaptureSession session, EventFormat format, Path capture,
                                 String query) {
        if (query.isBlank()) {
            return 0;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return check(seen, session, capture, TrafficFilter.NONE.withText(query),
                i -> shownText(session, format, i).contains(q));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void followingInSlicesWithAFilterGivesTheSameRowsAsReadingAtOnce(Path capture) throws Exception {
        byte[] bytes = Files.readAllBytes(capture);
        TrafficFilter filter = TrafficFilter.NONE.withText("socket");
        TrafficViewModel whole = modelOf(Sessions.of(bytes), filter);
        whole.pull(0);

        CaptureSession growing = new CaptureSession("slices");
        TrafficViewModel following = modelOf(growing, filter);
        Sessions.follow(bytes, 97, growing, following);
        assertFalse(whole.rows().isEmpty());
        assertEquals(List.of(whole.rows().toArray()), List.of(following.rows().toArray()));
    }

    private static TrafficViewModel modelOf(CaptureSession session, TrafficFilter filter) {
        TrafficViewModel model = new TrafficViewModel(ZoneOffset.UTC);
        model.setSource(session, session.analysis(), "test", false);
        model.filterProperty().set(filter);
        return model;
    }

    private static boolean createsHandle(Upcall upcall) {
        return upcall == Upcall.WPU_CREATE_SOCKET_HANDLE || upcall == Upcall.WPU_MODIFY_IFS_HANDLE;
    }

    /** Compares the model's rows for {@code filter} with {@code expected} over every row; 1 if checked now. */
    private static int check(Set<TrafficFilter> seen, CaptureSession session, Path capture, TrafficFilter filter, IntPredicate expected) {
        if (!seen.add(filter)) {
            return 0;
        }
        TrafficViewModel model = modelOf(session, filter);
        model.pull(0);
        List<Integer> brute = new ArrayList<>();
        for (int row = 0; row < session.size(); row++) {
            if (expected.test(row)) {
                brute.add(row);
            }
        }
        assertEquals(brute, List.of(model.rows().toArray()), capture.getFileName() + ": " + filter);
        return 1;
    }
}
