package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.SocketEffect;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only, columnar store of calls: upcalls and (trace format 1.2) downcalls as rows of one table, told apart by
 * {@link #kind}; primitive columns in chunks of 65536 rows, strings and call sites (process, thread, module, return
 * address) interned. Times are FILETIME (100 ns since 1601 UTC) and durations are in 100 ns, whatever the clock of
 * the capture they came from.
 *
 * <p><b>Nesting.</b> A row made while a traced downcall ran on the same thread names it ({@link #parentCallId}). The
 * downcall's record comes after the records nested in it (it is written when the call returns), so a row's
 * {@link #parentRow} is {@value CallColumns#NONE} until its parent arrives and is filled in then; {@link
 * #parentPending} says a row waits for a parent that has not arrived (the call is still running, or its record was
 * dropped). {@link #children} lists what ran inside a call, {@link #depth} how deep a row is nested. {@link
 * CallTree} orders a selection of rows so that each call comes before what ran inside it, for an indented table.
 *
 * <p>For a GUI: read from any thread (e.g. the FX thread, once per frame) the rows below {@link #size()}; every
 * column is a method taking a row index. {@link EventQuery} selects rows by an {@link EventFilter}; {@link EventText}
 * writes a row's columns as the table shows them.
 *
 * <p>One thread writes (through a {@link StoreFeed}), any number of threads read. Several feeds may share a store if
 * their writes are ordered (one at a time, each after the last, as the tracer pipe server's listener lock does): the
 * writing methods take no lock. Readers see the rows below {@link #size()}: the row count is published after the
 * row is written, with a release store (a volatile read of it sees the row whole; the writer pays no fence per row).
 * Non-call records are kept in small side tables.
 */
public final class EventStore {

    static final int FAILED = 0x80;
    /** The record has the parent_call_id field (1.2), even if it is 0. */
    private static final int PARENT_GIVEN = 0x40;
    private static final int KEPT_FLAGS = 0x3F;
    private static final int MAX_ARGS = 255;
    /** {@link #parentRow} of a row without a parent, or whose parent has not arrived. */
    public static final int NO_ROW = CallColumns.NONE;

    private static final VarHandle SIZE = ReleasedInt.field(MethodHandles.lookup(), "size");

    private volatile EventChunk[] chunks = new EventChunk[0];
    /** Read volatile by readers, written by {@link #publishSize}. */
    private volatile int size;

    private final SiteTable sites = new SiteTable();
    private final PublishedList<ProcessInfo> processes = new PublishedList<>();
    private final PublishedList<ModuleInfo> modules = new PublishedList<>();
    private final PublishedList<String> texts = new PublishedList<>();
    private final PublishedList<SideRecord> side = new PublishedList<>();
    private final PublishedList<CaptureProblem> problems = new PublishedList<>();
    private final SparseIntColumn errors = new SparseIntColumn();
    private final SparseIntColumn textIds = new SparseIntColumn();
    private final SocketIndex sockets = new SocketIndex();
    private final CapturedData data = new CapturedData();

    private final ProcessNumbering numbering = new ProcessNumbering();
    private final Map<Long, Integer> moduleIds = new HashMap<>();
    private final Map<String, Integer> textIdOf = new HashMap<>();
    /**
     * Rows waiting for their parent call, by process index and call id: the last to arrive; the others are linked
     * through {@link CallColumns#previousSibling}. A load session's entries go when it ends or the next one starts.
     */
    private final LongIntMap waitingForParent = new LongIntMap();
    /** The module of the provider each served catalog entry's chain goes down to, by process index and entry id. */
    private final Map<Long, Integer> servedModules = new HashMap<>();
    /** The last lookups, which consecutive events mostly repeat. */
    private long lastModuleKey = -1;
    private int lastModule = -1;
    private long lastServedKey = -1;
    private int lastServedModule = -1;

    public EventStore() {
        texts.add("");
        textIdOf.put("", 0);
    }

    // ---- writing (one writer at a time, see the class comment) ----

    /** Appends an upcall whose start time is {@code time} (FILETIME) and whose duration is in 100 ns. */
    public void append(TraceRecord.UpcallFields e, long time, long duration) {
        int row = size;
        int process = processOf(e.pid());
        int site = sites.idOf(process, e.tid(), moduleIndex(process, e.callerModuleId()), e.callerAddress());
        boolean failed = e.failed();
        EventChunk chunk = chunkForRow(row);
        chunk.set(row & EventChunk.MASK, RowKind.UPCALL, time, site, e.sequence(), e.upcallNumber(),
                e.upcallFlags() & KEPT_FLAGS | (failed ? FAILED : 0) | (e.parentCallId() != null ? PARENT_GIVEN : 0),
                duration, e.result(), e.args(),
                Math.min(e.args().length, MAX_ARGS));
        errors.set(row, e.error());
        textIds.set(row, textId(e.text()));
        if (e.parentCallId() != null) {
            link(chunk.callsForWriting(), row, process, e.parentCallId());
        }
        Upcall upcall = e.upcall();
        if (SocketEffect.of(upcall, failed) != SocketEffect.NONE) {
            sockets.add(SocketIndex.socketOf(upcall, e.arg(0), e.arg(2), e.result()), row);
        }
        publishSize(row + 1);
    }

    /**
     * Appends a downcall (1.2) whose start time is {@code time} (FILETIME) and whose duration is in 100 ns; the rows
     * nested in it that arrived before it get it as their parent. Its provider is the module the served entry's
     * chain went down to (PROVIDER_LOADED), its caller address 0.
     */
    public void append(TraceRecord.DowncallFields e, long time, long duration) {
        int row = size;
        int process = processOf(e.pid());
        int site = sites.idOf(process, e.tid(), servedModule(process, e.servedEntryId()), 0);
        boolean failed = e.failed();
        EventChunk chunk = chunkForRow(row);
        int i = row & EventChunk.MASK;
        chunk.set(i, RowKind.DOWNCALL, time, site, e.sequence(), e.functionNumber(),
                e.callFlags() & KEPT_FLAGS | (failed ? FAILED : 0) | PARENT_GIVEN, duration, e.result(), e.args(),
                Math.min(e.args().length, MAX_ARGS));
        errors.set(row, e.error());
        textIds.set(row, textId(e.text()));
        data.add(row, e.data());
        CallColumns calls = chunk.callsForWriting();
        calls.callId[i] = e.callId();
        calls.servedEntryId[i] = e.servedEntryId();
        calls.socket[i] = e.socket();
        link(calls, row, process, e.parentCallIdOrZero());
        adoptChildren(calls, i, row, process, e.callId());
        Downcall function = e.function();
        if (function != null && function.hasSocket() && !(function.createsSocket() && failed)) {
            sockets.add(e.socket(), row);
        }
        publishSize(row + 1);
    }

    /** Makes rows below {@code rows} readable: every write before this is seen by a reader that reads the new size. */
    private void publishSize(int rows) {
        SIZE.setRelease(this, rows);
    }

    /** The module of the provider the served entry's chain goes down to (the unknown module when not announced). */
    private int servedModule(int process, int servedEntryId) {
        long key = key(process, servedEntryId);
        if (key != lastServedKey) {
            Integer module = servedModules.get(key);
            lastServedModule = module != null ? module : moduleIndex(process, 0);
            lastServedKey = key;
        }
        return lastServedModule;
    }

    private EventChunk chunkForRow(int row) {
        int chunkIndex = row >>> EventChunk.SHIFT;
        EventChunk[] cs = chunks;
        if (chunkIndex == cs.length) {
            cs = Arrays.copyOf(cs, cs.length + 1);
            cs[chunkIndex] = new EventChunk();
            chunks = cs;
        }
        return cs[chunkIndex];
    }

    /** Notes the row's parent call id; the row waits for that call's record (which comes after it). */
    private void link(CallColumns calls, int row, int process, int parentCallId) {
        int i = row & EventChunk.MASK;
        calls.parentCallId[i] = parentCallId;
        if (parentCallId != 0) {
            int earlier = waitingForParent.put(key(process, parentCallId), row);
            calls.previousSibling[i] = earlier != LongIntMap.ABSENT ? earlier : NO_ROW;
        }
    }

    /** The rows that waited for call {@code callId}, now arrived at {@code row}, become its children. */
    private void adoptChildren(CallColumns calls, int i, int row, int process, int callId) {
        int last = waitingForParent.remove(key(process, callId));
        if (last == LongIntMap.ABSENT) {
            return;
        }
        calls.lastChild[i] = last;
        for (int child = last; child != NO_ROW; child = previousSibling(child)) {
            callColumns(child).parentRow[child & EventChunk.MASK] = row;
        }
    }

    /** A load session of the process ends or begins: calls still awaited in it will never return in the capture. */
    private void forgetWaiting(int process) {
        if (waitingForParent.size() > 0) {
            waitingForParent.removeKeys(k -> (int) (k >>> 32) == process);
        }
    }

    private static long key(int process, int value) {
        return (long) process << 32 | value & 0xFFFF_FFFFL;
    }

    /**
     * A PROCESS_HELLO: a new load session of the known process with its pid and process start time (1.1), else
     * a new process for its pid.
     */
    public void addHello(TraceRecord.ProcessHello hello) {
        int known = numbering.count();
        int process = numbering.ofHello(hello);
        if (process < known) {
            processes.set(process, processes.get(process).withLoadSession(hello, size));
        } else {
            processes.add(ProcessInfo.started(process, hello, size));
        }
        forgetWaiting(process);
        side.add(new SideRecord(size, hello));
    }

    public void addModule(TraceRecord.Module module) {
        int process = processOf(module.pid());
        int index = moduleIndex(process, module.moduleId());
        modules.set(index, new ModuleInfo(index, process, module.moduleId(), module));
        side.add(new SideRecord(size, module));
    }

    /** Any other non-call record (provider loaded, drops, tracer message, goodbye), ticks already converted. */
    public void addSideRecord(TraceRecord record) {
        int process = processOf(record.pid());
        if (record instanceof TraceRecord.ProviderLoaded loaded) {
            servedModules.put(key(process, loaded.servedEntryId()), moduleIndex(process, loaded.nextModuleId()));
            lastServedKey = -1;
        } else if (record instanceof TraceRecord.ProcessGoodbye) {
            forgetWaiting(process);
        }
        side.add(new SideRecord(size, record));
    }

    public void addProblem(CaptureProblem problem) {
        problems.add(problem);
    }

    private int processOf(int pid) {
        int known = numbering.count();
        int process = numbering.ofPid(pid);
        if (process == known) {
            processes.add(ProcessInfo.withoutHello(process, pid));
        }
        return process;
    }

    private int moduleIndex(int process, int moduleId) {
        long key = (long) process << 32 | moduleId & 0xFFFF_FFFFL;
        if (key != lastModuleKey) {
            lastModule = moduleIds.computeIfAbsent(key,
                    k -> modules.add(new ModuleInfo(modules.size(), process, moduleId, null)));
            lastModuleKey = key;
        }
        return lastModule;
    }

    private int textId(String text) {
        return text.isEmpty() ? 0 : textIdOf.computeIfAbsent(text, k -> texts.add(k));
    }

    // ---- reading (any thread; rows below size()) ----

    /** Rows readable now. */
    public int size() {
        return size;
    }

    EventChunk chunk(int row) {
        return chunks[row >>> EventChunk.SHIFT];
    }

    private Site site(int row) {
        return sites.get(siteOf(row));
    }

    int siteOf(int row) {
        return chunk(row).site(row & EventChunk.MASK);
    }

    /** Start of the call, FILETIME (100 ns since 1601-01-01 UTC). */
    public long time(int row) {
        return chunk(row).time(row & EventChunk.MASK);
    }

    /** Duration in 100 ns units. */
    public long duration(int row) {
        return chunk(row).duration(row & EventChunk.MASK);
    }

    public ProcessInfo process(int row) {
        return processes.get(site(row).process());
    }

    public int pid(int row) {
        return process(row).pid();
    }

    /** The number of the load session of the row's process it belongs to; 0 when not numbered (1.0, no hello). */
    public int loadSession(int row) {
        return process(row).loadSessionOf(row);
    }

    public int tid(int row) {
        return site(row).tid();
    }

    public ModuleInfo module(int row) {
        return modules.get(site(row).module());
    }

    public long callerAddress(int row) {
        return site(row).callerAddress();
    }

    public int sequence(int row) {
        return chunk(row).sequence(row & EventChunk.MASK);
    }

    /** Whether the row is an upcall or a downcall. */
    public RowKind kind(int row) {
        return chunk(row).kind[row & EventChunk.MASK] == 0 ? RowKind.UPCALL : RowKind.DOWNCALL;
    }

    public boolean isDowncall(int row) {
        return chunk(row).kind[row & EventChunk.MASK] != 0;
    }

    /** The record's number: the upcall number of an upcall row, the function number of a downcall row. */
    public int callNumber(int row) {
        return chunk(row).number[row & EventChunk.MASK] & 0xFFFF;
    }

    /** The upcall of an upcall row; null for a number this version does not know, and for a downcall row. */
    public Upcall upcall(int row) {
        return isDowncall(row) ? null : Upcall.ofNumber(callNumber(row));
    }

    /** The function of a downcall row; null for a number this version does not know, and for an upcall row. */
    public Downcall downcall(int row) {
        return isDowncall(row) ? Downcall.ofNumber(callNumber(row)) : null;
    }

    /** The name of the row's upcall or function, e.g. {@code WSPSocket}; for an unknown number, what it is. */
    public String callName(int row) {
        if (isDowncall(row)) {
            Downcall d = downcall(row);
            return d == null ? "unknown downcall #" + callNumber(row) : d.apiName();
        }
        Upcall u = upcall(row);
        return u == null ? "unknown upcall #" + callNumber(row) : u.apiName();
    }

    // ---- 1.2: call ids, nesting, sockets and data of downcalls ----

    private CallColumns callColumns(int row) {
        return chunk(row).calls();
    }

    /** A downcall row's call id (per load session), 0 for an upcall row. */
    public int callId(int row) {
        CallColumns c = callColumns(row);
        return c == null ? 0 : c.callId[row & EventChunk.MASK];
    }

    /** The call id of the downcall the row ran inside, 0 when none (or a 1.0/1.1 record, which does not say). */
    public int parentCallId(int row) {
        CallColumns c = callColumns(row);
        return c == null ? 0 : c.parentCallId[row & EventChunk.MASK];
    }

    /** Whether the record said its parent call id (1.2), even 0; false for a 1.0 or 1.1 upcall. */
    public boolean parentGiven(int row) {
        return (chunk(row).flags[row & EventChunk.MASK] & PARENT_GIVEN) != 0;
    }

    /** The row of the downcall the row ran inside, {@link #NO_ROW} when none or while that call has not arrived. */
    public int parentRow(int row) {
        CallColumns c = callColumns(row);
        return c == null ? NO_ROW : c.parentRow[row & EventChunk.MASK];
    }

    /** Whether the row ran inside a call whose record has not arrived (still running, or dropped). */
    public boolean parentPending(int row) {
        return parentCallId(row) != 0 && parentRow(row) == NO_ROW;
    }

    /** How deep the row is nested: 0 at top level, 1 inside a call, ... (a call not arrived counts as one level). */
    public int depth(int row) {
        int depth = 0;
        for (int r = row; parentCallId(r) != 0; depth++) {
            r = parentRow(r);
            if (r == NO_ROW) {
                return depth + 1;
            }
        }
        return depth;
    }

    /** Whether anything ran inside the row (a downcall with {@link #children}); asks without building the list. */
    public boolean hasChildren(int row) {
        CallColumns c = callColumns(row);
        return c != null && c.lastChild[row & EventChunk.MASK] != NO_ROW;
    }

    /** The rows that ran inside a downcall row, in the order they returned (on its thread: the order they ran). */
    public IntList children(int row) {
        CallColumns c = callColumns(row);
        int last = c == null ? NO_ROW : c.lastChild[row & EventChunk.MASK];
        int count = 0;
        for (int child = last; child != NO_ROW; child = previousSibling(child)) {
            count++;
        }
        int[] inOrder = new int[count];
        for (int child = last; child != NO_ROW; child = previousSibling(child)) {
            inOrder[--count] = child;
        }
        return IntList.adopting(inOrder);
    }

    private int previousSibling(int row) {
        return callColumns(row).previousSibling[row & EventChunk.MASK];
    }

    /** A downcall row's served catalog entry id: which chain the call went down; 0 for an upcall row. */
    public int servedEntryId(int row) {
        CallColumns c = callColumns(row);
        return c == null ? 0 : c.servedEntryId[row & EventChunk.MASK];
    }

    /**
     * The socket the row is about, 0 when none: a downcall's {@code socket} field; an upcall's socket argument (the
     * wParam of WPUPostMessage) or the handle a WPUCreateSocketHandle / WPUModifyIFSHandle returned.
     */
    public long socket(int row) {
        if (isDowncall(row)) {
            return callColumns(row).socket[row & EventChunk.MASK];
        }
        Upcall upcall = upcall(row);
        return SocketEffect.of(upcall, failed(row)) != SocketEffect.NONE
                ? SocketIndex.socketOf(upcall, arg(row, 0), arg(row, 2), result(row)) : 0;
    }

    /** The bytes a downcall captured (empty unless the tracer was configured to capture). */
    public byte[] data(int row) {
        return data.get(row);
    }

    /** Whether a downcall row captured bytes, without copying them. */
    boolean hasData(int row) {
        return data.has(row);
    }

    public long result(int row) {
        return chunk(row).result(row & EventChunk.MASK);
    }

    public int error(int row) {
        return errors.get(row);
    }

    /** Whether the callee gave an error code (false: it failed without writing *lpErrno). */
    public boolean errorGiven(int row) {
        int noErrorCode = isDowncall(row) ? TraceRecord.DowncallEvent.FLAG_NO_ERROR_CODE
                : TraceRecord.UpcallEvent.FLAG_NO_ERROR_CODE;
        return (upcallFlags(row) & noErrorCode) == 0;
    }

    /** Whether argument {@code k} holds what the callee wrote (false: an out-argument it left alone). */
    public boolean argWritten(int row, int k) {
        Upcall upcall = upcall(row);
        return upcall == null || upcall.isArgWritten(k, upcallFlags(row));
    }

    /** Whether the result means failure (per {@link Upcall#isFailure}). */
    public boolean failed(int row) {
        return (chunk(row).flags[row & EventChunk.MASK] & FAILED) != 0;
    }

    /** The record's upcall_flags, or a downcall row's call_flags (bits 0..5). */
    public int upcallFlags(int row) {
        return chunk(row).flags[row & EventChunk.MASK] & KEPT_FLAGS;
    }

    public int argCount(int row) {
        return chunk(row).argCount(row & EventChunk.MASK);
    }

    /** Argument {@code k}, or 0 when the row has fewer. */
    public long arg(int row, int k) {
        return chunk(row).arg(row & EventChunk.MASK, k);
    }

    public String text(int row) {
        return texts.get(textIds.get(row));
    }

    /**
     * The row as an UPCALL or DOWNCALL record (ticks are FILETIME; the capture offset is not kept: -1). An upcall row
     * of a 1.0/1.1 record has no parent call id; a 1.2 upcall row has one (0 when none).
     */
    public TraceRecord.Call call(int row) {
        long[] args = new long[argCount(row)];
        for (int k = 0; k < args.length; k++) {
            args[k] = arg(row, k);
        }
        if (isDowncall(row)) {
            return new TraceRecord.DowncallEvent(-1, pid(row), sequence(row), callNumber(row), tid(row), callId(row),
                    parentCallId(row), servedEntryId(row), time(row), duration(row), socket(row), result(row),
                    error(row), upcallFlags(row), args, text(row), data(row));
        }
        Integer parent = parentGiven(row) ? parentCallId(row) : null;
        return new TraceRecord.UpcallEvent(-1, pid(row), sequence(row), callNumber(row), tid(row),
                module(row).moduleId(), callerAddress(row), time(row), duration(row), result(row), error(row),
                upcallFlags(row), args, text(row), parent);
    }

    public List<ProcessInfo> processes() {
        return processes.snapshot();
    }

    public List<ModuleInfo> modules() {
        return modules.snapshot();
    }

    /** Non-call records in capture order, each with its place among the rows. */
    public List<SideRecord> sideRecords() {
        return side.snapshot();
    }

    /** Damage and truncation found while loading. */
    public List<CaptureProblem> problems() {
        return problems.snapshot();
    }

    // ---- for the filters ----

    List<Site> sites() {
        return sites.snapshot();
    }

    List<String> texts() {
        return texts.snapshot();
    }

    SparseIntColumn errorColumn() {
        return errors;
    }

    SparseIntColumn textColumn() {
        return textIds;
    }

    IntList socketRows(long socket, int limit) {
        return sockets.rows(socket, limit);
    }
}
