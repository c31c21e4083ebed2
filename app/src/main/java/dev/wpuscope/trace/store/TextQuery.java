package dev.wpuscope.trace.store;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Free-text search: a row matches when the query is part of (case-insensitively) the text one of its columns
 * shows in the Live Traffic table: process, PID, TID, provider, upcall or function, arguments, result, error or a
 * downcall's socket ({@link EventText}). Compiled once per query: the columns that come from the store's
 * dictionaries (call sites, upcalls, functions, error codes) are decided per entry; an upcall's arguments and result
 * and a downcall's arguments, result and socket per upcall and per function as conditions on single values
 * ({@link UpcallQuery}, {@link DowncallQuery}), so most rows are tested without building their text.
 */
final class TextQuery {

    /** Index of the compiled query for upcall numbers this version does not know. */
    private static final int UNKNOWN = Upcall.values().length;

    private final EventStore store;
    private final BitSet sites = new BitSet();
    private final boolean[] upcallNames = new boolean[UNKNOWN + 1];
    private final UpcallQuery[] upcalls = new UpcallQuery[UNKNOWN + 1];
    /** Whether the query is in a known downcall function's name, by number. */
    private final boolean[] functionNames = new boolean[Downcall.values().length];
    /** The compiled query per function number, compiled when a row first needs it; the last for unknown numbers. */
    private final DowncallQuery[] downcalls = new DowncallQuery[Downcall.values().length + 1];
    private final String lowerQuery;
    /** Rows whose error text matches (rows with an error code). */
    private final BitSet errorRows = new BitSet();
    /** Whether the query lies in the Error cell of a call that failed without an error code. */
    private final boolean noErrorCodeMatches;
    private final ShownValues values = new ShownValues();
    private final ArgCursor args = new ArgCursor();

    /** Compiles {@code query} for the rows in {@code [from, limit)}. */
    TextQuery(EventStore store, String query, int from, int limit) {
        this.store = store;
        String q = query.toLowerCase(Locale.ROOT);
        this.lowerQuery = q;
        for (Downcall d : Downcall.values()) {
            functionNames[d.number()] = contains(d.apiName(), q);
        }
        for (Upcall u : Upcall.values()) {
            upcallNames[u.number()] = contains(EventText.upcall(u), q);
            upcalls[u.number()] = new UpcallQuery(u, q);
        }
        upcallNames[UNKNOWN] = contains(EventText.upcall(null), q);
        upcalls[UNKNOWN] = new UpcallQuery(null, q);
        List<Site> siteList = store.sites();
        List<ProcessInfo> processes = store.processes();
        List<ModuleInfo> modules = store.modules();
        for (int i = 0; i < siteList.size(); i++) {
            Site s = siteList.get(i);
            ProcessInfo p = processes.get(s.process());
            sites.set(i, contains(EntryLabels.fileName(p.image()), q) || contains(Integer.toString(p.pid()), q)
                    || contains(Integer.toString(s.tid()), q)
                    || contains(EventText.providerLabel(EntryLabels.fileName(modules.get(s.module()).path())), q));
        }
        markErrorRows(q, from, limit);
        noErrorCodeMatches = contains(WsaErrors.NO_ERROR_CODE_GIVEN, q);
    }

    private void markErrorRows(String q, int from, int limit) {
        SparseIntColumn column = store.errorColumn();
        Map<Integer, Boolean> matching = new HashMap<>();
        for (int i = column.firstAtOrAfter(from), n = column.count(); i < n && column.rowAt(i) < limit; i++) {
            if (matching.computeIfAbsent(column.valueAt(i), code -> contains(EventText.error(code), q))) {
                errorRows.set(column.rowAt(i));
            }
        }
    }

    private DowncallQuery downcallQuery(int index) {
        DowncallQuery query = downcalls[index];
        if (query == null) {
            query = new DowncallQuery(index < functionNames.length ? Downcall.ofNumber(index) : null, lowerQuery);
            downcalls[index] = query;
        }
        return query;
    }

    /** Whether a column's text shows the query (given in lower case), as the table's search does. */
    static boolean contains(String text, String lowerQuery) {
        return text.toLowerCase(Locale.ROOT).contains(lowerQuery);
    }

    boolean matches(int row, int site, boolean downcall, int number) {
        if (sites.get(site) || (store.errorGiven(row) ? errorRows.get(row) : noErrorCodeMatches)) {
            return true;
        }
        if (downcall) {
            boolean known = number < functionNames.length;
            return (known ? functionNames[number] : contains(store.callName(row), lowerQuery))
                    || downcallQuery(known ? number : functionNames.length).matches(store, row, values, args);
        }
        int compiled = Math.min(number, UNKNOWN);
        return upcallNames[compiled] || upcalls[compiled].matches(store, row, values, args);
    }
}
