package dev.wpuscope.trace.store;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Upcall;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Free-text search over the decoded events, compiled once per query against the store's dictionaries
 * (upcall names, sites' process images and module paths, texts, error names), so a row is tested with a
 * few lookups instead of building its text.
 */
final class TextQuery {

    private final EventStore store;
    private final BitSet upcalls = new BitSet();
    private final BitSet sites = new BitSet();
    /** Rows whose text or error name matches. */
    private final BitSet rows = new BitSet();
    private final Long number;

    /** Compiles {@code query} for the rows in {@code [from, limit)}. */
    TextQuery(EventStore store, String query, int from, int limit) {
        this.store = store;
        String q = query.toLowerCase(Locale.ROOT);
        number = parseNumber(q);
        for (Upcall u : Upcall.values()) {
            upcalls.set(u.number(), contains(u.apiName(), q));
        }
        List<Site> siteList = store.sites();
        List<ProcessInfo> processes = store.processes();
        List<ModuleInfo> modules = store.modules();
        for (int i = 0; i < siteList.size(); i++) {
            Site s = siteList.get(i);
            ProcessInfo p = processes.get(s.process());
            sites.set(i, contains(p.image(), q) || contains(modules.get(s.module()).path(), q)
                    || number != null && (number == p.pid() || number == s.tid()));
        }
        List<String> textList = store.texts();
        BitSet texts = new BitSet();
        for (int i = 1; i < textList.size(); i++) {
            texts.set(i, contains(textList.get(i), q));
        }
        markRows(store.textColumn(), texts::get, from, limit);
        Set<Integer> errors = new HashSet<>();
        WsaErrors.all().forEach((code, name) -> {
            if (contains(name, q)) {
                errors.add(code);
            }
        });
        if (number != null && number == number.intValue()) {
            errors.add(number.intValue());
        }
        markRows(store.errorColumn(), errors::contains, from, limit);
    }

    private void markRows(SparseIntColumn column, IntPredicate valueMatches, int from, int limit) {
        for (int i = column.firstAtOrAfter(from), n = column.count(); i < n && column.rowAt(i) < limit; i++) {
            if (valueMatches.test(column.valueAt(i))) {
                rows.set(column.rowAt(i));
            }
        }
    }

    private static boolean contains(String text, String lowerQuery) {
        return text.toLowerCase(Locale.ROOT).contains(lowerQuery);
    }

    /** A decimal or 0x-hex number, or null. */
    private static Long parseNumber(String q) {
        try {
            return q.startsWith("0x") ? Long.parseUnsignedLong(q.substring(2), 16) : Long.parseLong(q);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean matches(int row, int site, int upcall) {
        return upcalls.get(upcall) || sites.get(site) || rows.get(row) || number != null && hasValue(row, number);
    }

    private boolean hasValue(int row, long value) {
        if (store.result(row) == value) {
            return true;
        }
        for (int k = 0, n = store.argCount(row); k < n; k++) {
            if (store.arg(row, k) == value) {
                return true;
            }
        }
        return false;
    }
}
