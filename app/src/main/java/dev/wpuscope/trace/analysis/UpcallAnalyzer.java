package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Base of the analyzers: resolves the calling provider of each upcall (and the provider a downcall went to) and
 * collects findings. Feeding and
 * reading are synchronized on the analyzer, so a GUI may read while a background thread feeds.
 */
public abstract class UpcallAnalyzer implements TraceAnalyzer {

    private final ModuleDirectory modules = new ModuleDirectory();
    private final EffectOrder order = new EffectOrder();
    private final List<ResourceTracker> trackers = new ArrayList<>();
    private final CappedList<Finding> findings = new CappedList<>();

    @Override
    public final synchronized void accept(TraceRecord record) {
        modules.accept(record);
        order.accept(record);
        if (record instanceof UpcallEvent e) {
            if (e.upcall() != null) {
                onUpcall(e, modules.providerName(e.pid(), e.callerModuleId()));
            }
            trackers.forEach(t -> t.advance(e));
        } else if (record instanceof DowncallEvent d) {
            if (d.function() != null) {
                onDowncall(d, modules.providerOfEntry(d.pid(), d.servedEntryId()));
            }
            trackers.forEach(t -> t.advance(d));
        } else if (record instanceof ProcessHello h) {
            onLoadSessionStart(h);
        } else if (record instanceof ProcessGoodbye g) {
            onLoadSessionEnd(g);
        }
        onRecord(record);
    }

    /** The input is over: findings that waited for records which might have explained them are reported. */
    @Override
    public final synchronized void endOfInput() {
        trackers.forEach(ResourceTracker::endOfInput);
        onEndOfInput();
    }

    /** The input is over: report what waited for records that can no longer come. */
    protected void onEndOfInput() {
    }

    /** The findings kept so far, by capture offset (one that waited to be settled comes after later ones). */
    @Override
    public final synchronized List<Finding> findings() {
        List<Finding> kept = new ArrayList<>(findings.kept());
        kept.sort(Comparator.comparingLong(Finding::offset));
        return kept;
    }

    @Override
    public final synchronized long findingCount() {
        return findings.total();
    }

    /** An UPCALL record with a known upcall number, and the provider module that made it. */
    protected abstract void onUpcall(UpcallEvent event, String provider);

    /** A DOWNCALL record (1.2) with a known function, and the provider module it went to. */
    protected void onDowncall(DowncallEvent event, String provider) {
    }

    /** A PROCESS_HELLO: state of an earlier process or load session with the same pid is over. */
    protected void onLoadSessionStart(ProcessHello hello) {
    }

    /** A PROCESS_GOODBYE: a load session ends ({@link ProcessGoodbye#reason()} says whether the process goes on). */
    protected void onLoadSessionEnd(ProcessGoodbye goodbye) {
    }

    /** Every record, after the specific hooks above. */
    protected void onRecord(TraceRecord record) {
    }

    /** A create / use / close tracker for the analyzer's resources, ordered by the analyzer's {@link EffectOrder}. */
    final ResourceTracker newTracker(ResourceKind kind) {
        ResourceTracker tracker = new ResourceTracker(kind, this::report, order);
        trackers.add(tracker);
        return tracker;
    }

    protected final String providerName(int pid, int moduleId) {
        return modules.providerName(pid, moduleId);
    }

    protected final void report(Finding.Severity severity, FindingKind kind, int pid, String provider, long offset,
                                String message) {
        findings.add(new Finding(severity, kind, pid, provider, offset, message));
    }

    protected final void report(Finding.Severity severity, FindingKind kind, TraceRecord event, String provider,
                                String message) {
        report(severity, kind, event.pid(), provider, event.offset(), message);
    }

    /** The order of effects the analyzer's records allow (DESIGN.md §4.5). */
    final EffectOrder order() {
        return order;
    }

    /** Reports a failed upcall, naming its error. */
    protected final void reportFailure(UpcallEvent event, String provider, String what) {
        report(Finding.Severity.WARNING, FindingKind.UPCALL_FAILED, event, provider,
                event.upcall().apiName() + " " + what + " failed" + errorSuffix(event));
    }

    /** Reports an out-argument the tracer could not read because the provider passed a null pointer. */
    protected final void reportNullOutPointer(UpcallEvent event, String provider, String argument) {
        report(Finding.Severity.WARNING, FindingKind.NULL_OUT_POINTER, event, provider,
                event.upcall().apiName() + " called with a null " + argument + " pointer");
    }

    /**
     * {@code ", error 10038 WSAENOTSOCK"} to append to a message about the event, {@code ", no error code given"}
     * when it failed without one, or empty when its error is 0.
     */
    static String errorSuffix(UpcallEvent event) {
        if (!event.errorGiven()) {
            return ", " + WsaErrors.NO_ERROR_CODE_GIVEN;
        }
        return event.error() == 0 ? "" : ", error " + WsaErrors.describe(event.error());
    }

    protected static boolean outArgUnreadable(UpcallEvent event) {
        return (event.upcallFlags() & UpcallEvent.FLAG_OUT_ARG_UNREADABLE) != 0;
    }
}
