package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.Downcall;
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
    /** The parent call id later upcalls carry (1.2), or null for 1.0/1.1 upcalls without the field. */
    private Integer parent;

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

    /**
     * A script of a 1.2 tracer: load session 1, the provider of {@link #SERVED_ENTRY} loaded from {@link #MODULE},
     * upcalls with a parent call id (0 until {@link #inside}).
     */
    static TraceScript startedSpi() {
        TraceScript script = startedSession().providerLoaded(MODULE, SERVED_ENTRY, 1001);
        script.parent = 0;
        return script;
    }

    /** The catalog entry the 1.2 scripts' downcalls are served for. */
    static final int SERVED_ENTRY = 2001;

    /** Later calls run inside downcall {@code callId} (on the current thread); 0: at top level. */
    TraceScript inside(int callId) {
        parent = callId;
        return this;
    }

    /** A downcall with call id {@code callId} on {@code socket}; its error and call_flags given. */
    TraceScript downcall(Downcall function, int callId, long socket, long result, int error, int flags,
                         long... args) {
        long[] interval = interval();
        return add(new TraceRecord.DowncallEvent(offset, PID, sequence++, function.number(), tid, callId,
                parent == null ? 0 : parent, SERVED_ENTRY, interval[0], interval[1], socket, result, error, flags,
                args, "", new byte[0]));
    }

    /** A successful downcall returning 0 (or, for WSPSocket and WSPAccept, the socket). */
    TraceScript down(Downcall function, int callId, long socket, long... args) {
        return downcall(function, callId, socket, function.createsSocket() ? socket : 0, 0, 0, args);
    }

    private long[] interval() {
        long start = nextInterval != null ? nextInterval[0] : 1000 + sequence + 1;
        long duration = nextInterval != null ? nextInterval[1] : 5;
        nextInterval = null;
        return new long[] {start, duration};
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
        long[] interval = interval();
        return add(new UpcallEvent(offset, PID, sequence++, upcall.number(), tid, module, 0x7ff0_0000_1000L,
                interval[0], interval[1], result, error, flags, args, "", parent));
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
