package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.TraceRecord.Call;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The create / use / close state machine shared by socket handles, events and thread handles: one entry per
 * generation of a handle value per process, with the findings each transition implies.
 *
 * <p>Records arrive in the order threads wrote them, not in the order their upcalls took effect. So every operation is
 * placed in the generation of its value that the {@link EffectOrder} allows (a close may belong to the generation
 * before the one whose creation was recorded first; a use may have happened before a close recorded earlier), and a
 * cross-thread misuse ("used after close", "closed twice", "returned again while open") is reported only when no
 * order consistent with the upcalls' intervals and each thread's program order explains the records. A finding a
 * later record might still explain waits (pending) until one does, or until the process's records moved on by
 * {@link EffectOrder#SETTLE_NANOS}, its load session ended, or the input did. A finding with events dropped by the
 * tracer since the generation's previous event is reported as uncertain.
 */
final class ResourceTracker {

    /** Where the tracker's findings go (the owning analyzer). */
    interface Reporter {
        void report(Severity severity, FindingKind kind, int pid, String provider, long offset, String message);
    }

    /**
     * How many of the latest generations of one value stay linked for records that arrive late; older ones stay
     * only while open (a close of one may still be recorded: a thread can be preempted inside its close while other
     * threads create and close the freed value many times).
     */
    private static final int KEPT_GENERATIONS = 8;

    private enum Origin { CREATED, FAILED, UNKNOWN }

    private record Key(int pid, long value) {
    }

    private static final class Entry {
        final ResourceKind kind;
        final Key key;
        final int generation;
        final String provider;
        final UpcallEvent creation;
        final Origin origin;
        final boolean closeTraced;
        final CappedOffsets uses = new CappedOffsets();
        final CappedOffsets closes = new CappedOffsets();
        final Map<Upcall, Long> useCounts = new EnumMap<>(Upcall.class);
        /** The generation of the same value before this one, while it may still receive late records. */
        Entry previous;
        /** The creation of the generation of the same value right after this one, or null. */
        UpcallEvent nextCreation;
        UpcallEvent firstClose;
        boolean closedAgain;
        boolean usedAfterClose;
        /** Its value was returned again by a creation while it was open: that finding accounts for it. */
        boolean returnedAgain;
        long endOffset = -1;
        /** Whether the end at {@link #endOffset} unloaded the providers while the process went on. */
        boolean endedByUnload;
        /** Events the tracer had dropped in this process when this generation's latest event arrived. */
        long droppedAtLastEvent;

        Entry(ResourceKind kind, Key key, int generation, String provider, UpcallEvent creation, Origin origin,
              boolean closeTraced) {
            this.kind = kind;
            this.key = key;
            this.generation = generation;
            this.provider = provider;
            this.creation = creation;
            this.origin = origin;
            this.closeTraced = closeTraced;
        }

        boolean openAndTracked() {
            return origin == Origin.CREATED && closeTraced && !closed() && !returnedAgain;
        }

        boolean closed() {
            return firstClose != null;
        }

        ResourceState state() {
            if (origin == Origin.FAILED) {
                return ResourceState.FAILED_CREATION;
            }
            if (origin == Origin.UNKNOWN) {
                return ResourceState.UNKNOWN;
            }
            if (!closed()) {
                if (!closeTraced) {
                    return ResourceState.CLOSE_NOT_TRACED;
                }
                if (returnedAgain) {
                    return ResourceState.RETURNED_AGAIN_WHILE_OPEN;
                }
                if (endOffset < 0) {
                    return ResourceState.OPEN;
                }
                return endedByUnload ? ResourceState.NOT_RELEASED_AT_UNLOAD : ResourceState.LEAKED;
            }
            if (closedAgain) {
                return ResourceState.CLOSED_TWICE;
            }
            return usedAfterClose ? ResourceState.USED_AFTER_CLOSE : ResourceState.CLOSED;
        }

        String subject() {
            return kind.label() + " " + Hex.of(key.value());
        }

        TrackedResource snapshot() {
            return new TrackedResource(kind, key.pid(), key.value(), generation, provider, creation, uses.kept(),
                    uses.total(), useCounts, closes.kept(), closes.total(), state(), endOffset);
        }
    }


    private final ResourceKind kind;
    private final Reporter reporter;
    private final EffectOrder order;
    private final List<Entry> entries = new ArrayList<>();
    /** The latest generation of each value still in a running process (open or closed). */
    private final Map<Key, Entry> latest = new HashMap<>();
    private final Map<Key, Integer> generations = new HashMap<>();
    private final PendingFindings<Key> pending = new PendingFindings<>();
    /** Values the trace never created that a downcall handed to the provider (format 1.2), by value. */
    private final Map<Key, DowncallEvent> givenBy = new HashMap<>();
    /**
     * The value of the latest downcall that gave one a provider created in the trace: the calls on one socket come in
     * runs, and while its load session lasts, its newest generation stays one a provider created.
     */
    private Key lastMadeByProvider;
    private OutsideOrigin outsideOrigin = use -> null;

    /** Where a value the trace never created came from when its use alone tells (null: it does not). */
    @FunctionalInterface
    interface OutsideOrigin {
        String of(UpcallEvent use);
    }

    ResourceTracker(ResourceKind kind, Reporter reporter, EffectOrder order) {
        this.kind = kind;
        this.reporter = reporter;
        this.order = order;
    }

    /**
     * A successful creation returned {@code value}.
     *
     * @param closeTraced false when the handle is not closed through an upcall (an IFS handle): it is then
     *                    never reported as leaked, and its value may come back without a close
     */
    void created(UpcallEvent event, long value, String provider, boolean closeTraced) {
        Key key = new Key(event.pid(), value);
        Entry previous = latest.get(key);
        Entry entry = add(key, provider, event, Origin.CREATED, closeTraced);
        entry.droppedAtLastEvent = order.droppedSoFar(event.pid());
        if (previous != null) {
            previous.nextCreation = event;
            entry.previous = previous;
            forgetClosedBeyondKept(entry);
        }
        latest.put(key, entry);
        pending.explain(key, event, true);
        if (previous != null && previous.openAndTracked()) {
            // a close of the previous generation may still be recorded: it may have taken effect before this
            long dropped = order.droppedSoFar(event.pid());
            pending.add(key, event, (later, creation) -> previous.firstClose == later, () -> {
                        previous.returnedAgain = true;
                        report(previous, event, dropped, Severity.WARNING, FindingKind.REUSED_WHILE_OPEN, provider,
                                event.upcall().apiName() + " returned " + previous.subject() + " again while generation "
                                        + previous.generation + " (created at offset " + previous.creation.offset()
                                        + ", thread " + previous.creation.tid() + ") was never closed");
                    });
        }
    }

    /** The creating upcall failed. */
    void failedCreation(UpcallEvent event, String provider) {
        entries.add(new Entry(kind, new Key(event.pid(), event.result()), 0, provider, event, Origin.FAILED, true));
        reporter.report(Severity.WARNING, FindingKind.CREATE_FAILED, event.pid(), provider, event.offset(),
                event.upcall().apiName() + " failed to create " + kind.withArticle()
                        + UpcallAnalyzer.errorSuffix(event));
    }

    /**
     * {@code value} was passed to an upcall that uses it. Returns the creation of the generation the use belongs to,
     * or null when unknown (a value never created in the trace, or a use that may belong to a generation whose
     * creation is not recorded yet).
     */
    UpcallEvent used(UpcallEvent event, long value, String provider) {
        Key key = new Key(event.pid(), value);
        Entry entry = latest.get(key);
        if (entry == null) {
            entry = unknown(key, event, provider);
        }
        entry = generationAt(entry, event);
        if (!entry.closed() || !order.certainlyBefore(entry.firstClose, event)) {
            addUse(entry, event);
            return entry.creation;
        }
        Entry closed = entry;
        long dropped = order.droppedSoFar(event.pid());
        Runnable report = () -> {
            report(closed, event, dropped, Severity.ERROR, FindingKind.USED_AFTER_CLOSE, provider,
                    closed.subject() + " passed to " + event.upcall().apiName() + " (thread " + event.tid()
                            + ") after " + closed.firstClose.upcall().apiName() + " closed it at offset "
                            + closed.firstClose.offset() + " (thread " + closed.firstClose.tid() + ")");
            addUse(closed, event);
            closed.usedAfterClose = true;
        };
        reportUnlessANewGenerationExplains(closed, event, fresh -> addUse(fresh, event), report);
        return null;
    }

    /** {@code value} was passed to the closing upcall. */
    void closed(UpcallEvent event, long value, String provider) {
        Key key = new Key(event.pid(), value);
        Entry newest = latest.get(key);
        if (newest == null) {
            newest = unknown(key, event, provider);
        }
        Entry open = openGenerationFor(newest, event);
        if (open != null) {
            close(open, event, provider);
            return;
        }
        Entry closed = generationAt(newest, event);
        long dropped = order.droppedSoFar(event.pid());
        Runnable report = () -> {
            closed.closes.add(event.offset());
            closed.closedAgain = true;
            report(closed, event, dropped, Severity.ERROR, FindingKind.CLOSED_TWICE, provider,
                    closed.subject() + " closed again by " + event.upcall().apiName() + " (thread " + event.tid()
                            + "; first closed at offset " + closed.firstClose.offset() + ", thread "
                            + closed.firstClose.tid() + ")" + UpcallAnalyzer.errorSuffix(event));
        };
        reportUnlessANewGenerationExplains(closed, event, fresh -> markClosed(fresh, event), report);
    }

    /** The newest generation from {@code newest} back whose creation does not certainly follow {@code event}. */
    private Entry generationAt(Entry newest, UpcallEvent event) {
        Entry entry = newest;
        while (entry.previous != null && entry.creation != null && order.certainlyBefore(event, entry.creation)) {
            entry = entry.previous;
        }
        return entry;
    }

    /**
     * {@code event} misuses the closed generation {@code closed}: reported at once when the next generation was
     * created certainly after it; otherwise it waits, and a creation of the value recorded later that may have
     * preceded it explains it: {@code event} then belongs to that new generation ({@code takeIn}).
     */
    private void reportUnlessANewGenerationExplains(Entry closed, UpcallEvent event, Consumer<Entry> takeIn,
                                                     Runnable report) {
        if (closed.nextCreation != null) {
            report.run();
            return;
        }
        pending.add(closed.key, event, (later, creation) -> {
            boolean ofNewGeneration = creation && !order.certainlyBefore(event, later);
            if (ofNewGeneration) {
                takeIn.accept(latest.get(closed.key));
            }
            return ofNewGeneration;
        }, report);
    }

    /**
     * The application handed {@code value} to the provider in {@code call} (a downcall's socket, the event of
     * WSPEventSelect): when the trace never created it, it is the application's own handle, or a bad value the
     * application passed, not one the provider lost track of.
     */
    void given(DowncallEvent call, long value) {
        Key last = lastMadeByProvider;
        if (last != null && last.value() == value && last.pid() == call.pid()) {
            return;
        }
        Key key = new Key(call.pid(), value);
        Entry newest = latest.get(key);
        if (newest == null || newest.origin == Origin.UNKNOWN) {
            givenBy.put(key, call);
            pending.explain(key, call, false);
        } else if (newest.origin == Origin.CREATED) {
            lastMadeByProvider = key;
        }
    }

    /** Tells where values come from that no call gives by value (a WSATHREADID's thread handle). */
    void outsideOrigin(OutsideOrigin origin) {
        outsideOrigin = origin;
    }

    /** A later record of the process: pending findings it can no longer explain are reported. */
    void advance(Call later) {
        pending.settleDue(later, order);
    }

    /** The input is over: every pending finding is reported. */
    void endOfInput() {
        pending.settleAll();
    }

    /**
     * A load session said goodbye: its values no longer refer to anything (a value seen in a later load session
     * is a new handle), and what it left open was leaked, or, when the providers were unloaded while the process
     * went on (WSPCleanup), not released before they were.
     */
    void loadSessionEnded(ProcessGoodbye goodbye) {
        lastMadeByProvider = null;
        pending.settleProcess(goodbye.pid());
        givenBy.keySet().removeIf(k -> k.pid() == goodbye.pid());
        EndReason reason = goodbye.reason();
        for (Iterator<Entry> it = latest.values().iterator(); it.hasNext(); ) {
            Entry newest = it.next();
            if (newest.key.pid() != goodbye.pid()) {
                continue;
            }
            it.remove();
            for (Entry entry = newest; entry != null; entry = entry.previous) {
                if (entry.openAndTracked()) {
                    reportOpenAtEnd(entry, goodbye, reason);
                }
            }
        }
    }

    /**
     * A new process or load session with this pid started: values of an earlier one (whose goodbye may be lost)
     * no longer refer to anything.
     */
    void loadSessionStarted(int pid) {
        lastMadeByProvider = null;
        pending.settleProcess(pid);
        latest.keySet().removeIf(k -> k.pid() == pid);
        givenBy.keySet().removeIf(k -> k.pid() == pid);
    }

    List<TrackedResource> snapshot() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    private void reportOpenAtEnd(Entry entry, ProcessGoodbye goodbye, EndReason reason) {
        entry.endOffset = goodbye.offset();
        entry.endedByUnload = reason.providersUnloaded();
        String created = entry.subject() + " created by " + entry.creation.upcall().apiName() + " at offset "
                + entry.creation.offset() + " (thread " + entry.creation.tid() + ")";
        if (entry.endedByUnload) {
            reporter.report(Severity.ERROR, FindingKind.NOT_RELEASED_AT_UNLOAD, goodbye.pid(), entry.provider,
                    goodbye.offset(), created + " was still open when its load session " + reason.phrase());
        } else {
            reporter.report(Severity.ERROR, FindingKind.LEAKED, goodbye.pid(), entry.provider, goodbye.offset(),
                    created + " was never closed");
        }
    }

    /**
     * The oldest open generation that the close may end: it may have taken effect after the generation's creation
     * and before the next generation's.
     */
    private Entry openGenerationFor(Entry newest, UpcallEvent close) {
        Entry oldest = null;
        for (Entry entry = newest; entry != null; entry = entry.previous) {
            if (closeOfOpen(entry, close)) {
                oldest = entry;
            }
        }
        return oldest;
    }

    private boolean closeOfOpen(Entry entry, UpcallEvent close) {
        return !entry.closed()
                && (entry.creation == null || !order.certainlyBefore(close, entry.creation))
                && (entry.nextCreation == null || !order.certainlyBefore(entry.nextCreation, close));
    }

    private void close(Entry entry, UpcallEvent event, String provider) {
        if (event.failed() && entry.origin == Origin.CREATED) {
            entry.closes.add(event.offset());
            entry.droppedAtLastEvent = order.droppedSoFar(event.pid());
            reporter.report(Severity.WARNING, FindingKind.CLOSE_FAILED, event.pid(), provider, event.offset(),
                    event.upcall().apiName() + " of open " + entry.subject() + " failed"
                            + UpcallAnalyzer.errorSuffix(event));
            return;
        }
        markClosed(entry, event);
        pending.explain(entry.key, event, false);
    }

    private void markClosed(Entry entry, UpcallEvent event) {
        entry.firstClose = event;
        entry.closes.add(event.offset());
        entry.droppedAtLastEvent = order.droppedSoFar(event.pid());
    }

    private void addUse(Entry entry, UpcallEvent event) {
        entry.uses.add(event.offset());
        entry.useCounts.merge(event.upcall(), 1L, Long::sum);
        entry.droppedAtLastEvent = order.droppedSoFar(event.pid());
    }

    /**
     * Reports a misuse of {@code entry} shown by {@code event}; uncertain when the tracer dropped events between the
     * entry's latest event and this one ({@code droppedAtEvent}: the process's drops when the event arrived).
     */
    private void report(Entry entry, UpcallEvent event, long droppedAtEvent, Severity severity,
                        FindingKind findingKind, String provider, String message) {
        long dropped = droppedAtEvent - entry.droppedAtLastEvent;
        if (dropped > 0) {
            severity = Severity.WARNING;
            message += " (uncertain: the tracer dropped " + dropped + " event" + (dropped == 1 ? "" : "s")
                    + " of this process meanwhile, which may explain it)";
        }
        reporter.report(severity, findingKind, event.pid(), provider, event.offset(), message);
    }

    /**
     * The first use of a value the trace never created: the application's when a downcall handed it to the provider
     * (recorded before, or, for a use inside a downcall, the enclosing call, whose record comes after its upcalls);
     * otherwise a handle the provider got from nowhere the trace shows.
     */
    private Entry unknown(Key key, UpcallEvent event, String provider) {
        Entry entry = add(key, provider, null, Origin.UNKNOWN, true);
        entry.droppedAtLastEvent = order.droppedSoFar(event.pid());
        latest.put(key, entry);
        DowncallEvent giver = givenBy.get(key);
        String origin = giver != null ? givenIn(giver) : outsideOrigin.of(event);
        if (origin != null) {
            reportOutsideOrigin(entry, event, origin, provider);
            return entry;
        }
        Runnable report = () -> reporter.report(Severity.WARNING, FindingKind.UNKNOWN_HANDLE, event.pid(), provider,
                event.offset(), entry.subject() + " passed to " + event.upcall().apiName()
                        + " was never created in this trace" + UpcallAnalyzer.errorSuffix(event));
        if (event.parentCallIdOrZero() == 0) {
            report.run();
            return entry;
        }
        pending.add(key, event, (later, creation) -> {
            boolean enclosing = later instanceof DowncallEvent call && call.tid() == event.tid()
                    && call.callId() == event.parentCallIdOrZero();
            if (enclosing) {
                reportOutsideOrigin(entry, event, givenIn((DowncallEvent) later), provider);
            }
            return enclosing;
        }, report);
        return entry;
    }

    private static String givenIn(DowncallEvent giver) {
        return "came from the application in " + giver.function().apiName() + " at offset " + giver.offset()
                + "; no provider made it";
    }

    /**
     * A use of a value from outside the providers ({@code origin} says where): only a failed one is worth a line
     * (the application's bad value).
     */
    private void reportOutsideOrigin(Entry entry, UpcallEvent event, String origin, String provider) {
        if (event.failed()) {
            reporter.report(Severity.INFO, FindingKind.UNKNOWN_HANDLE, event.pid(), provider, event.offset(),
                    entry.subject() + " passed to " + event.upcall().apiName() + " " + origin
                            + UpcallAnalyzer.errorSuffix(event));
        }
    }

    /**
     * Unlinks the generations of the value older than the last {@link #KEPT_GENERATIONS} that are closed or whose
     * value was (certainly) returned again while open.
     */
    private void forgetClosedBeyondKept(Entry newest) {
        Entry entry = newest;
        for (int kept = 1; kept < KEPT_GENERATIONS && entry.previous != null; kept++) {
            entry = entry.previous;
        }
        while (entry.previous != null) {
            if (entry.previous.closed() || entry.previous.returnedAgain) {
                entry.previous = entry.previous.previous;
            } else {
                entry = entry.previous;
            }
        }
    }

    private Entry add(Key key, String provider, UpcallEvent creation, Origin origin, boolean closeTraced) {
        int generation = generations.merge(key, 1, Integer::sum);
        Entry entry = new Entry(kind, key, generation, provider, creation, origin, closeTraced);
        entries.add(entry);
        return entry;
    }
}
