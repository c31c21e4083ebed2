package dev.wpuscope.ui.traffic;

import dev.wpuscope.text.Printable;
import dev.wpuscope.trace.store.CaptureProblem;
import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.store.EventQuery;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.ui.Daemons;
import dev.wpuscope.ui.DetailRow;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntToLongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Live Traffic view. A background reader appends to the event store; once per frame the
 * view calls {@link #pull(long)}, which selects the new rows matching the filter through the store's
 * indexes ({@link EventQuery}) and appends the matching
 * row numbers to {@link #rows()} as one ranged change, and refreshes counts and rate. In capture order each call
 * comes before what ran inside it ({@link CallNesting}), and a call can be collapsed; a sorted table is flat.
 */
public final class TrafficViewModel {
    /** Rows checked per frame at most, so a new filter over millions of rows never stalls a frame. */
    static final int MAX_SCAN_PER_PULL = 250_000;
    /** A sorted table with more rows than this is sorted off the FX thread. */
    static final int BACKGROUND_SORT_ROWS = 100_000;
    /** New rows per frame up to which a sorted table merges them in on the frame (else: re-sort). */
    static final int MERGE_ON_FRAME_ROWS = 20_000;

    private final ZoneId zone;
    private final RowIndexList rows = new RowIndexList();
    private final ObjectProperty<TrafficFilter> filter = new SimpleObjectProperty<>(TrafficFilter.NONE);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(true);
    private final LongProperty received = new SimpleLongProperty();
    private final LongProperty drops = new SimpleLongProperty();
    private final DoubleProperty rate = new SimpleDoubleProperty();
    private static final int MAX_PROBLEMS_SHOWN = 5;
    private final ReadOnlyStringWrapper sourceLabel = new ReadOnlyStringWrapper("no capture");
    /** What reading the source found besides records (damage, a cut, a followed file replaced); "" if nothing. */
    private final ReadOnlyStringWrapper readingProblems = new ReadOnlyStringWrapper("");
    private int problemsShown;
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<CountRow> upcallCounts = FXCollections.observableArrayList();
    private final ObservableList<CountRow> providerCounts = FXCollections.observableArrayList();
    private final ObservableList<Double> rateHistory = FXCollections.observableArrayList();
    private final ObservableList<DetailRow> details = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> selectedRow = new SimpleObjectProperty<>();
    private final ObjectProperty<RowOrder> order = new SimpleObjectProperty<>();
    private final Executor sorting;
    private final AtomicReference<SortedRows> finishedSort = new AtomicReference<>();
    /** Counts order changes and rescans, so a background sort of an older list is dropped. */
    private int sortGeneration;
    private boolean sortRunning;
    private final EventCounts counts = new EventCounts();
    private final RateMeter rateMeter = new RateMeter();
    private final int[] batch = new int[MAX_SCAN_PER_PULL];
    private TrafficEvents events;
    private TraceAnalysis analysis;
    private EventFormat format;
    private CallNesting nesting;
    private long lastPullNanos;
    private boolean example;
    private int clearedBefore;
    private int scannedUpTo;
    private int countedUpTo;

    /** The first {@code count} rows of the list sorted in background for {@code generation}. */
    private record SortedRows(int generation, int count, int[] rows) {
    }

    public TrafficViewModel(ZoneId zone) {
        this(zone, Daemons.singleThread("wpuscope-sort"));
    }

    /** {@code sorting} runs the sorts of large tables (tests pass a direct executor). */
    TrafficViewModel(ZoneId zone, Executor sorting) {
        this.zone = zone;
        this.sorting = sorting;
        filter.addListener((obs, old, now) -> rescan());
        order.addListener((obs, old, now) -> reorder(old));
        selectedRow.addListener((obs, old, row) -> showDetails(row));
    }

    /** Starts showing {@code source} (replacing the previous one); {@code example} labels project-made data. */
    public void setSource(TrafficEvents source, TraceAnalysis traceAnalysis, String label, boolean isExample) {
        events = source;
        analysis = traceAnalysis;
        format = new EventFormat(source, zone);
        nesting = new CallNesting(source.store());
        example = isExample;
        sourceLabel.set((isExample ? "Example: " : "") + label);
        readingProblems.set("");
        problemsShown = 0;
        clearedBefore = 0;
        counts.clear();
        countedUpTo = 0;
        upcallCounts.clear();
        providerCounts.clear();
        filter.set(TrafficFilter.NONE);
        rateMeter.reset();
        rateHistory.clear();
        rescan();
    }

    /**
     * Takes in what the store gained since the last call: one ranged change to {@link #rows()} at most.
     * Returns how many rows were appended to the table.
     */
    public int pull(long nowNanos) {
        if (events == null) {
            return 0;
        }
        int available = events.size();
        countNew(available);
        showNewProblems();
        received.set(available - clearedBefore);
        drops.set(events.drops());
        if (rateMeter.update(nowNanos, available)) {
            rate.set(rateMeter.rate());
            rateHistory.setAll(rateMeter.history());
        }
        lastPullNanos = nowNanos;
        if (paused.get()) {
            return 0;
        }
        RowOrder sorted = order.get();
        if (sorted == null) {
            return scanNested(Math.min(available, scannedUpTo + MAX_SCAN_PER_PULL), nowNanos);
        }
        takeFinishedSort();
        int end = Math.min(available, scannedUpTo + MAX_SCAN_PER_PULL);
        int matched = select(scannedUpTo, end);
        scannedUpTo = end;
        if (sortRunning) {
            rows.appendAll(batch, matched);
        } else if (matched > MERGE_ON_FRAME_ROWS) {
            rows.appendAll(batch, matched);
            startSort();
        } else {
            IntToLongFunction key = sorted.key().of(events.store());
            rows.mergeIn(RowSorter.sorted(batch, matched, key, sorted.descending()), matched,
                    (a, b) -> RowSorter.before(a, b, key, sorted.descending()));
        }
        return matched;
    }

    /** Scans up to row {@code end} (at most {@link #MAX_SCAN_PER_PULL} rows) in nesting order; returns rows added. */
    private int scanNested(int end, long nowNanos) {
        int from = scannedUpTo;
        int matched = select(from, end);
        scannedUpTo = end;
        IntList lines = new IntList(matched);
        nesting.place(from, end, batch, matched, nowNanos, lines);
        rows.appendAll(lines.toArray(), lines.size());
        return lines.size();
    }

    /**
     * Sorts the table by the new order (a nested table first gets the rows it held back or hid under collapsed
     * calls: a sorted table is flat), or puts it back in capture order with the nesting.
     */
    private void reorder(RowOrder old) {
        sortGeneration++;
        sortRunning = false;
        if (events == null) {
            return;
        }
        if (order.get() == null) {
            int scanned = scannedUpTo;
            rescan();
            while (scannedUpTo < scanned) {
                scanNested(Math.min(scanned, scannedUpTo + MAX_SCAN_PER_PULL), lastPullNanos);
            }
            return;
        }
        if (old == null) {
            IntList unshown = nesting.unshown();
            rows.appendAll(unshown.toArray(), unshown.size());
        }
        startSort();
    }

    /** How deep the table indents {@code row}: the calls it ran inside that the table has; 0 when sorted. */
    public int depth(int row) {
        return order.get() == null && nesting != null ? nesting.depth(row) : 0;
    }

    /** Whether {@code row} is a call the table shows things nested in (it can be collapsed); false when sorted. */
    public boolean hasNested(int row) {
        return order.get() == null && nesting != null && nesting.hasNested(row);
    }

    public boolean isCollapsed(int row) {
        return nesting != null && nesting.isCollapsed(row);
    }

    /** Collapses the call at {@code index} of {@link #rows()} (hides what ran inside it), or expands it again. */
    public void toggleCollapsed(int index) {
        if (hasNested(rows.rowAt(index))) {
            nesting.toggle(rows, index);
        }
    }

    /** Sorts every row: on this thread when few, else in background (picked up by a later pull). */
    private void startSort() {
        RowOrder sorted = order.get();
        int[] snapshot = rows.rowNumbers();
        IntToLongFunction key = sorted.key().of(events.store());
        if (snapshot.length <= BACKGROUND_SORT_ROWS) {
            rows.replaceAll(RowSorter.sorted(snapshot, snapshot.length, key, sorted.descending()));
            return;
        }
        int generation = sortGeneration;
        sortRunning = true;
        sorting.execute(() -> finishedSort.set(new SortedRows(generation, snapshot.length,
                RowSorter.sorted(snapshot, snapshot.length, key, sorted.descending()))));
    }

    /** Shows a finished background sort, with the rows that arrived meanwhile merged in (or sorted again). */
    private void takeFinishedSort() {
        SortedRows done = finishedSort.getAndSet(null);
        if (done == null || done.generation() != sortGeneration || !sortRunning) {
            return;
        }
        sortRunning = false;
        int[] all = rows.rowNumbers();
        int[] arrived = Arrays.copyOfRange(all, done.count(), all.length);
        rows.replaceAll(done.rows());
        if (arrived.length > MERGE_ON_FRAME_ROWS) {
            rows.appendAll(arrived, arrived.length);
            startSort();
            return;
        }
        RowOrder sorted = order.get();
        IntToLongFunction key = sorted.key().of(events.store());
        rows.mergeIn(RowSorter.sorted(arrived, arrived.length, key, sorted.descending()), arrived.length,
                (a, b) -> RowSorter.before(a, b, key, sorted.descending()));
    }

    /** Puts the rows in {@code [from, to)} that pass the filter into {@link #batch}; returns how many. */
    private int select(int from, int to) {
        TrafficFilter current = filter.get();
        if (current.isEmpty()) {
            for (int row = from; row < to; row++) {
                batch[row - from] = row;
            }
            return to - from;
        }
        IntList selected = EventQuery.select(events.store(), StoreFilters.of(current, events.store()), from, to);
        TrafficFilter.EventSet only = current.only();
        int matched = 0;
        for (int i = 0; i < selected.size(); i++) {
            int row = selected.get(i);
            if (only == null || only.contains(events.pid(row), events.offset(row))) {
                batch[matched++] = row;
            }
        }
        return matched;
    }

    private void showNewProblems() {
        List<CaptureProblem> problems = events.store().problems();
        if (problems.size() != problemsShown) {
            problemsShown = problems.size();
            readingProblems.set(describe(problems));
        }
    }

    /** The last few problems, one a line, after how many there are. */
    static String describe(List<CaptureProblem> problems) {
        int shown = Math.min(problems.size(), MAX_PROBLEMS_SHOWN);
        StringBuilder text = new StringBuilder(problems.size() == 1 ? "1 reading problem"
                : problems.size() + " reading problems" + (shown < problems.size() ? ", the last " + shown : ""));
        for (CaptureProblem problem : problems.subList(problems.size() - shown, problems.size())) {
            text.append('\n').append(Printable.escape(problem.what()));
        }
        return text.toString();
    }

    private void countNew(int available) {
        if (countedUpTo >= available) {
            return;
        }
        for (int row = countedUpTo; row < available; row++) {
            counts.count(events, row);
        }
        countedUpTo = available;
        upcallCounts.setAll(counts.upcalls());
        providerCounts.setAll(counts.providers());
    }

    /** Hides everything received so far; new events still arrive. */
    public void clear() {
        if (events == null) {
            return;
        }
        clearedBefore = events.size();
        counts.clear();
        countedUpTo = clearedBefore;
        upcallCounts.clear();
        providerCounts.clear();
        received.set(0);
        rescan();
    }

    private void rescan() {
        selectedRow.set(null);
        sortGeneration++;
        sortRunning = false;
        rows.removeAllRows();
        scannedUpTo = clearedBefore;
        if (nesting != null) {
            nesting.reset();
        }
    }

    private void showDetails(Integer row) {
        if (row == null || events == null) {
            details.clear();
            selectionSummary.set("");
            return;
        }
        details.setAll(EventDetails.of(events, format, row));
        selectionSummary.set("event " + (row + 1) + ": " + format.call(row));
    }

    /** The analyzers fed from the same records as the store (null before a source is set). */
    public TraceAnalysis analysis() {
        return analysis;
    }

    public TrafficEvents events() {
        return events;
    }

    /** The formatter of the current source (null before a source is set). */
    public EventFormat format() {
        return format;
    }

    public boolean isExample() {
        return example;
    }

    public RowIndexList rows() {
        return rows;
    }

    public ObjectProperty<TrafficFilter> filterProperty() {
        return filter;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    public LongProperty receivedProperty() {
        return received;
    }

    public LongProperty dropsProperty() {
        return drops;
    }

    public DoubleProperty rateProperty() {
        return rate;
    }

    public ReadOnlyStringProperty readingProblemsProperty() {
        return readingProblems.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceLabelProperty() {
        return sourceLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    public ObservableList<CountRow> upcallCounts() {
        return upcallCounts;
    }

    public ObservableList<CountRow> providerCounts() {
        return providerCounts;
    }

    public ObservableList<Double> rateHistory() {
        return rateHistory;
    }

    public ObservableList<DetailRow> details() {
        return details;
    }

    /** How the table is sorted; {@code null} means capture order (and lets auto-scroll follow new rows). */
    public ObjectProperty<RowOrder> orderProperty() {
        return order;
    }

    public ObjectProperty<Integer> selectedRowProperty() {
        return selectedRow;
    }
}
