package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.LoadSession;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds hand-made record sequences for one process: offsets grow by 100 per record, sequence numbers by 1. */
final class TraceScript {

    static final int PID = 42;
    static final int MODULE = 1;
    static final String PROVIDER = "C:\\lsp\\sample.dll";
    /** The process start time of the 1.1 hellos (FILETIME). */
    static final long PROCESS_START = 133_800_000_000_000_000L;

    private final List<TraceRecord> records = new ArrayList<>();
    private long offset = 48;
    private int sequence;
    private int module = MODULE;
    private int tid = 100;
    /** The interval of the next call ({@link #at}), or null for the default one. */
    private long[] nextInterval;

    /** A script that starts with a 1.0 PROCESS_HELLO and a MODULE for {@link #PROVIDER}. */
    static TraceScript started() {
        return new TraceScript().hello(null);
    }

    /** A script that starts with load session 1 of a 1.1 tracer ({@link #loadSession}). */
    static TraceScript startedSession() {
        return new TraceScript().loadSession(1);
    }

    /**
     * Load session {@code number} of the process: a 1.1 PROCESS_HELLO (the same process start time each
     * time) and the MODULE for {@link #PROVIDER} again; sequence numbers start again at 0.
     */
    TraceScript loadSession(int number) {
        sequence = 0;
        return hello(new LoadSession(PROCESS_START, number));
    }

    private TraceScript hello(LoadSession session) {
        add(new TraceRecord.ProcessHello(offset, PID, 1, 64, 0x100, 10_000_000L, 0, 0, "C:\\app.exe", "app",
                session));
        return module(MODULE, PROVIDER);
    }

    TraceScript module(int id, String path) {
        return add(new TraceRecord.Module(offset, PID, id, 0x7ff0_0000_0000L + id * 0x10_0000L, 0x10000, path));
    }

    /** Later calls come from this module. */
    TraceScript from(int moduleId) {
        module = moduleId;
        return this;
    }

    /** Later calls come from this thread. */
    TraceScript on(int threadId) {
        tid = threadId;
        return this;
    }

    TraceScript providerLoaded(int moduleId, int servedEntry, int nextEntry) {
        return add(new TraceRecord.ProviderLoaded(offset, PID, 0, servedEntry, UUID.randomUUID(), 0, nextEntry,
                UUID.randomUUID(), moduleId, 0, 0, "served", "next.dll"));
    }

    /** The next call runs from tick {@code start} for {@code duration} ticks (10 MHz clock: a tick is 100 ns). */
    TraceScript at(long start, long duration) {
        nextInterval = new long[] {start, duration};
        return this;
    }

    /** The next {@code count} sequence numbers are dropped by the tracer. */
    TraceScript dropped(int count) {
        sequence += count;
        return this;
    }

    /** A successful call. */
    TraceScript call(Upcall upcall, long result, long... args) {
        return callWith(upcall, result, 0, 0, args);
    }

    /** A failed call (result is the upcall's failure value). */
    TraceScript fail(Upcall upcall, int error, long... args) {
        long result = switch (upcall.resultKind()) {
            case BOOL, HANDLE, NEVER_FAILS -> 0;
            case INT, SOCKET, STATUS -> -1;
        };
        return callWith(upcall, result, error, 0, args);
    }

    /** A call with its error and upcall_flags given. */
    TraceScript callWith(Upcall upcall, long result, int error, int flags, long... args) {
        long start = nextInterval != null ? nextInterval[0] : 1000 + sequence + 1;
        long duration = nextInterval != null ? nextInterval[1] : 5;
        nextInterval = null;
        return add(new UpcallEvent(offset, PID, sequence++, upcall.number(), tid, module, 0x7ff0_0000_1000L,
                start, duration, result, error, flags, args, ""));
    }

    /** A 1.0 PROCESS_GOODBYE (no end reason). */
    TraceScript goodbye() {
        return add(new TraceRecord.ProcessGoodbye(offset, PID, 0, sequence, 0, null));
    }

    /** A 1.1 PROCESS_GOODBYE: the load session ends for {@code reason}. */
    TraceScript goodbye(EndReason reason) {
        return add(new TraceRecord.ProcessGoodbye(offset, PID, 0, sequence, 0, reason.code()));
    }

    TraceScript add(TraceRecord record) {
        records.add(record);
        offset += 100;
        return this;
    }

    /** Offset the next record will get. */
    long nextOffset() {
        return offset;
    }

    List<TraceRecord> records() {
        return List.copyOf(records);
    }

    /** The kinds of an analyzer's findings, in order. */
    static List<FindingKind> kinds(TraceAnalyzer analyzer) {
        return analyzer.findings().stream().map(Finding::kind).toList();
    }

    /** Feeds the records as a whole capture: to its end. */
    <A extends TraceAnalyzer> A feed(A analyzer) {
        analyzer.acceptAll(records);
        analyzer.endOfInput();
        return analyzer;
    }
}
