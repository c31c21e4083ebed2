package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.List;

/**
 * Base of the analyzers: resolves the calling provider of each upcall and collects findings. Feeding and
 * reading are synchronized on the analyzer, so a GUI may read while a background thread feeds.
 */
public abstract class UpcallAnalyzer implements TraceAnalyzer {

    private final ModuleDirectory modules = new ModuleDirectory();
    private final CappedList<Finding> findings = new CappedList<>(CappedList.PER_ANALYZER);

    @Override
    public final synchronized void accept(TraceRecord record) {
        modules.accept(record);
        if (record instanceof UpcallEvent e) {
            if (e.upcall() != null) {
                onUpcall(e, modules.providerName(e.pid(), e.callerModuleId()));
            }
        } else if (record instanceof ProcessHello h) {
            onLoadSessionStart(h);
        } else if (record instanceof ProcessGoodbye g) {
            onLoadSessionEnd(g);
        }
        onRecord(record);
    }

    @Override
    public final synchronized List<Finding> findings() {
        return findings.kept();
    }

    @Override
    public final synchronized long findingCount() {
        return findings.total();
    }

    /** An UPCALL record with a known upcall number, and the provider module that made it. */
    protected abstract void onUpcall(UpcallEvent event, String provider);

    /** A PROCESS_HELLO: state of an earlier process or load session with the same pid is over. */
    protected void onLoadSessionStart(ProcessHello hello) {
    }

    /** A PROCESS_GOODBYE: a load session ends ({@link ProcessGoodbye#reason()} says whether the process goes on). */
    protected void onLoadSessionEnd(ProcessGoodbye goodbye) {
    }

    /** Every record, after the specific hooks above. */
    protected void onRecord(TraceRecord record) {
    }

    protected final String providerName(int pid, int moduleId) {
        return modules.providerName(pid, moduleId);
    }

    protected final void report(Finding.Severity severity, FindingKind kind, int pid, String provider, long offset,
                                String message) {
        findings.add(new Finding(severity, kind, pid, provider, offset, message));
    }

    protected final void report(Finding.Severity severity, FindingKind kind, UpcallEvent event, String provider,
                                String message) {
        report(severity, kind, event.pid(), provider, event.offset(), message);
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
