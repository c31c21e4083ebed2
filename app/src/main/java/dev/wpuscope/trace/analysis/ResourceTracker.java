package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The create / use / close state machine shared by socket handles, events and thread handles: one entry per
 * generation of a handle value per process, with the findings each transition implies.
 */
final class ResourceTracker {

    /** Where the tracker's findings go (the owning analyzer). */
    interface Reporter {
        void report(Severity severity, FindingKind kind, int pid, String provider, long offset, String message);
    }

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
        final CappedList<UpcallEvent> uses = new CappedList<>(CappedList.PER_ITEM);
        final CappedList<UpcallEvent> closes = new CappedList<>(CappedList.PER_ITEM);
        final Map<Upcall, Long> useCounts = new EnumMap<>(Upcall.class);
        UpcallEvent firstClose;
        boolean closedAgain;
        boolean usedAfterClose;
        /** Its value was returned again by a creation while it was open: that finding accounts for it. */
        boolean returnedAgain;
        long endOffset = -1;
        /** Whether the end at {@link #endOffset} unloaded the providers while the process went on. */
        boolean endedByUnload;

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
    private final List<Entry> entries = new ArrayList<>();
    /** The latest generation of each value still in a running process (open or closed). */
    private final Map<Key, Entry> latest = new HashMap<>();
    private final Map<Key, Integer> generations = new HashMap<>();

    ResourceTracker(ResourceKind kind, Reporter reporter) {
        this.kind = kind;
        this.reporter = reporter;
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
        if (previous != null && previous.openAndTracked()) {
            reporter.report(Severity.WARNING, FindingKind.REUSED_WHILE_OPEN, event.pid(), provider, event.offset(),
                    event.upcall().apiName() + " returned " + previous.subject() + " again while generation "
                            + previous.generation + " (created at offset " + previous.creation.offset()
                            + ") was never closed");
            previous.returnedAgain = true;
        }
        latest.put(key, add(key, provider, event, Origin.CREATED, closeTraced));
    }

    /** The creating upcall failed. */
    void failedCreation(UpcallEvent event, String provider) {
        entries.add(new Entry(kind, new Key(event.pid(), event.result()), 0, provider, event, Origin.FAILED, true));
        reporter.report(Severity.WARNING, FindingKind.CREATE_FAILED, event.pid(), provider, event.offset(),
                event.upcall().apiName() + " failed to create " + kind.withArticle()
                        + UpcallAnalyzer.errorSuffix(event));
    }

    /** {@code value} was passed to an upcall that uses it. */
    void used(UpcallEvent event, long value, String provider) {
        Entry entry = latestOrUnknown(event, value, provider);
        entry.uses.add(event);
        entry.useCounts.merge(event.upcall(), 1L, Long::sum);
        if (entry.closed()) {
            entry.usedAfterClose = true;
            reporter.report(Severity.ERROR, FindingKind.USED_AFTER_CLOSE, event.pid(), provider, event.offset(),
                    entry.subject() + " passed to " + event.upcall().apiName() + " after it was closed at offset "
                            + entry.firstClose.offset());
        }
    }

    /** {@code value} was passed to the closing upcall. */
    void closed(UpcallEvent event, long value, String provider) {
        Entry entry = latestOrUnknown(event, value, provider);
        entry.closes.add(event);
        if (entry.closed()) {
            entry.closedAgain = true;
            reporter.report(Severity.ERROR, FindingKind.CLOSED_TWICE, event.pid(), provider, event.offset(),
                    entry.subject() + " closed again by " + event.upcall().apiName()
                            + " (first closed at offset " + entry.firstClose.offset() + ")"
                            + UpcallAnalyzer.errorSuffix(event));
        } else if (event.failed() && entry.origin == Origin.CREATED) {
            reporter.report(Severity.WARNING, FindingKind.CLOSE_FAILED, event.pid(), provider, event.offset(),
                    event.upcall().apiName() + " of open " + entry.subject() + " failed"
                            + UpcallAnalyzer.errorSuffix(event));
        } else {
            entry.firstClose = event;
        }
    }

    /** The creation of the latest generation of {@code value} in {@code pid}, or {@code null} when unknown. */
    UpcallEvent latestCreation(int pid, long value) {
        Entry entry = latest.get(new Key(pid, value));
        return entry == null ? null : entry.creation;
    }

    /**
     * A load session said goodbye: its values no longer refer to anything (a value seen in a later load session
     * is a new handle), and what it left open was leaked, or, when the providers were unloaded while the process
     * went on (WSPCleanup), not released before they were.
     */
    void loadSessionEnded(ProcessGoodbye goodbye) {
        EndReason reason = goodbye.reason();
        for (Iterator<Entry> it = latest.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.key.pid() != goodbye.pid()) {
                continue;
            }
            it.remove();
            if (entry.openAndTracked()) {
                entry.endOffset = goodbye.offset();
                entry.endedByUnload = reason.providersUnloaded();
                String created = entry.subject() + " created by " + entry.creation.upcall().apiName() + " at offset "
                        + entry.creation.offset() + " (thread " + entry.creation.tid() + ")";
                if (entry.endedByUnload) {
                    reporter.report(Severity.ERROR, FindingKind.NOT_RELEASED_AT_UNLOAD, goodbye.pid(),
                            entry.provider, goodbye.offset(), created + " was still open when its load session "
                                    + reason.phrase());
                } else {
                    reporter.report(Severity.ERROR, FindingKind.LEAKED, goodbye.pid(), entry.provider,
                            goodbye.offset(), created + " was never closed");
                }
            }
        }
    }

    /**
     * A new process or load session with this pid started: values of an earlier one (whose goodbye may be lost)
     * no longer refer to anything.
     */
    void loadSessionStarted(int pid) {
        latest.keySet().removeIf(k -> k.pid() == pid);
    }

    List<TrackedResource> snapshot() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    private Entry latestOrUnknown(UpcallEvent event, long value, String provider) {
        Key key = new Key(event.pid(), value);
        Entry entry = latest.get(key);
        if (entry == null) {
            entry = add(key, provider, null, Origin.UNKNOWN, true);
            latest.put(key, entry);
            reporter.report(Severity.WARNING, FindingKind.UNKNOWN_HANDLE, event.pid(), provider, event.offset(),
                    entry.subject() + " passed to " + event.upcall().apiName()
                            + " was never created in this trace" + UpcallAnalyzer.errorSuffix(event));
        }
        return entry;
    }

    private Entry add(Key key, String provider, UpcallEvent creation, Origin origin, boolean closeTraced) {
        int generation = generations.merge(key, 1, Integer::sum);
        Entry entry = new Entry(kind, key, generation, provider, creation, origin, closeTraced);
        entries.add(entry);
        return entry;
    }
}
