package dev.wpuscope.trace.store;

import java.util.BitSet;
import java.util.List;

/** Runs an {@link EventFilter} over the rows an {@link EventStore} has published. */
public final class EventQuery {

    private final EventStore store;
    private final EventFilter filter;
    private final int from;
    private final int limit;
    private final BitSet sites;
    /** Call numbers allowed per kind (null: the kind is not restricted); {@link #restrictsCalls}: some set given. */
    private final BitSet upcalls;
    private final BitSet downcalls;
    private final boolean restrictsCalls;
    private final TextQuery text;

    private EventQuery(EventStore store, EventFilter filter, int from, int limit) {
        this.store = store;
        this.filter = filter;
        this.from = from;
        this.limit = limit;
        this.sites = matchingSites(store.sites(), filter);
        this.upcalls = bits(filter.upcalls());
        this.downcalls = bits(filter.downcalls());
        this.restrictsCalls = upcalls != null || downcalls != null;
        this.text = filter.text() == null ? null : new TextQuery(store, filter.text(), from, limit);
    }

    /** Indexes of the rows (below the store's size when called) that match, ascending. */
    public static IntList select(EventStore store, EventFilter filter) {
        return select(store, filter, 0, store.size());
    }

    /**
     * Indexes of the rows in {@code [from, to)} that match, ascending: a view following a growing capture
     * tests only the rows that arrived since its last call. {@code to} must not exceed the store's size.
     */
    public static IntList select(EventStore store, EventFilter filter, int from, int to) {
        if (from < 0 || from > to || to > store.size()) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") outside [0, " + store.size() + ")");
        }
        return new EventQuery(store, filter, from, to).run();
    }

    private IntList run() {
        if (filter.socket() != null) {
            return keep(store.socketRows(filter.socket(), limit));
        }
        if (filter.error() != null) {
            return keep(rowsWithError(filter.error()));
        }
        IntList out = new IntList();
        for (int base = from & ~EventChunk.MASK; base < limit; base += EventChunk.ROWS) {
            EventChunk chunk = store.chunk(base);
            int n = Math.min(EventChunk.ROWS, limit - base);
            for (int i = Math.max(0, from - base); i < n; i++) {
                if (matches(base + i, chunk, i)) {
                    out.add(base + i);
                }
            }
        }
        return out;
    }

    private IntList keep(IntList candidates) {
        IntList out = new IntList();
        for (int j = 0; j < candidates.size(); j++) {
            int row = candidates.get(j);
            if (row >= from && matches(row, store.chunk(row), row & EventChunk.MASK)) {
                out.add(row);
            }
        }
        return out;
    }

    private IntList rowsWithError(int code) {
        SparseIntColumn errors = store.errorColumn();
        IntList rows = new IntList();
        for (int j = errors.firstAtOrAfter(from), n = errors.count(); j < n && errors.rowAt(j) < limit; j++) {
            if (errors.valueAt(j) == code) {
                rows.add(errors.rowAt(j));
            }
        }
        return rows;
    }

    private boolean matches(int row, EventChunk chunk, int i) {
        int number = chunk.number[i] & 0xFFFF;
        boolean downcall = chunk.kind[i] != 0;
        if ((filter.kind() != null && downcall != (filter.kind() == RowKind.DOWNCALL))
                || (restrictsCalls && !allowed(downcall ? downcalls : upcalls, number))
                || (filter.failedOnly() && (chunk.flags[i] & EventStore.FAILED) == 0)
                || (filter.error() != null && store.error(row) != filter.error())) {
            return false;
        }
        if (sites == null && text == null) {
            return true;
        }
        int site = chunk.site(i);
        return (sites == null || sites.get(site)) && (text == null || text.matches(row, site, downcall, number));
    }

    private static boolean allowed(BitSet numbers, int number) {
        return numbers != null && numbers.get(number);
    }

    private static BitSet matchingSites(List<Site> sites, EventFilter f) {
        if (f.processes() == null && f.threads() == null && f.modules() == null) {
            return null;
        }
        BitSet ok = new BitSet(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            ok.set(i, (f.processes() == null || f.processes().contains(s.process()))
                    && (f.threads() == null || f.threads().contains(s.tid()))
                    && (f.modules() == null || f.modules().contains(s.module())));
        }
        return ok;
    }

    private static BitSet bits(Iterable<Integer> values) {
        if (values == null) {
            return null;
        }
        BitSet b = new BitSet();
        values.forEach(b::set);
        return b;
    }
}
