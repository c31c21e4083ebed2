package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.ProcessKey;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only, columnar store of upcall events: primitive columns in chunks of 65536 rows, strings and
 * call sites (process, thread, module, return address) interned. Times are FILETIME (100 ns since 1601
 * UTC) and durations are in 100 ns, whatever the clock of the capture they came from.
 *
 * <p>One thread writes (through a {@link StoreFeed}; the writing methods are synchronized so several feeds
 * may share a store), any number of threads read. Readers see the rows below {@link #size()}: the row count
 * is published (volatile) after the rows are written. Non-upcall records are kept in small side tables.
 */
public final class EventStore {

    static final int FAILED = 0x80;
    private static final int KEPT_FLAGS = 0x7F;
    private static final int MAX_ARGS = 255;

    private volatile EventChunk[] chunks = new EventChunk[0];
    private volatile int size;

    private final PublishedList<Site> sites = new PublishedList<>();
    private final PublishedList<ProcessInfo> processes = new PublishedList<>();
    private final PublishedList<ModuleInfo> modules = new PublishedList<>();
    private final PublishedList<String> texts = new PublishedList<>();
    private final PublishedList<SideRecord> side = new PublishedList<>();
    private final PublishedList<CaptureProblem> problems = new PublishedList<>();
    private final SparseIntColumn errors = new SparseIntColumn();
    private final SparseIntColumn textIds = new SparseIntColumn();
    private final SocketIndex sockets = new SocketIndex();

    private final Map<Site, Integer> siteIds = new HashMap<>();
    private final Map<Integer, Integer> processOfPid = new HashMap<>();
    /** Processes that said a 1.1 hello, by pid and process start time: their later load sessions join them. */
    private final Map<ProcessKey, Integer> processOfStart = new HashMap<>();
    private final Map<Long, Integer> moduleIds = new HashMap<>();
    private final Map<String, Integer> textIdOf = new HashMap<>();
    /** The last lookups, which consecutive events mostly repeat. */
    private int lastPid = -1;
    private int lastProcess = -1;
    private long lastModuleKey = -1;
    private int lastModule = -1;

    public EventStore() {
        texts.add("");
        textIdOf.put("", 0);
    }

    // ---- writing (one writer at a time) ----

    /** Appends an upcall whose start time is {@code time} (FILETIME) and whose duration is in 100 ns. */
    public synchronized void append(TraceRecord.UpcallEvent e, long time, long duration) {
        int row = size;
        int chunkIndex = row >>> EventChunk.SHIFT;
        EventChunk[] cs = chunks;
        if (chunkIndex == cs.length) {
            cs = Arrays.copyOf(cs, cs.length + 1);
            cs[chunkIndex] = new EventChunk();
            chunks = cs;
        }
        int process = processOf(e.pid());
        int site = siteId(new Site(process, e.tid(), moduleIndex(process, e.callerModuleId()), e.callerAddress()));
        boolean failed = e.failed();
        int flags = e.upcallFlags() & KEPT_FLAGS | (failed ? FAILED : 0);
        long[] args = e.args();
        cs[chunkIndex].set(row & EventChunk.MASK, time, site, e.sequence(), e.upcallNumber(), flags, duration,
                e.result(), args, Math.min(args.length, MAX_ARGS));
        errors.set(row, e.error());
        textIds.set(row, textId(e.text()));
        Long socket = SocketIndex.socketOf(e.upcall(), e.arg(0), e.arg(2), e.result(), failed);
        if (socket != null) {
            sockets.add(socket, row);
        }
        size = row + 1;
    }

    /**
     * A PROCESS_HELLO: a new load session of the known process with its pid and process start time (1.1), else
     * a new process for its pid.
     */
    public synchronized void addHello(TraceRecord.ProcessHello hello) {
        ProcessKey start = ProcessKey.of(hello);
        Integer known = start == null ? null : processOfStart.get(start);
        int process;
        if (known != null) {
            process = known;
            processes.set(process, processes.get(process).withLoadSession(hello, size));
        } else {
            process = processes.add(ProcessInfo.started(processes.size(), hello, size));
            if (start != null) {
                processOfStart.put(start, process);
            }
        }
        processOfPid.put(hello.pid(), process);
        lastProcess = -1;
        side.add(new SideRecord(size, hello));
    }

    public synchronized void addModule(TraceRecord.Module module) {
        int process = processOf(module.pid());
        int index = moduleIndex(process, module.moduleId());
        modules.set(index, new ModuleInfo(index, process, module.moduleId(), module));
        side.add(new SideRecord(size, module));
    }

    /** Any other non-upcall record (provider loaded, drops, tracer message, goodbye), ticks already converted. */
    public synchronized void addSideRecord(TraceRecord record) {
        processOf(record.pid());
        side.add(new SideRecord(size, record));
    }

    public synchronized void addProblem(CaptureProblem problem) {
        problems.add(problem);
    }

    private int processOf(int pid) {
        if (pid == lastPid && lastProcess >= 0) {
            return lastProcess;
        }
        Integer p = processOfPid.get(pid);
        if (p == null) {
            p = processes.add(ProcessInfo.withoutHello(processes.size(), pid));
            processOfPid.put(pid, p);
        }
        lastPid = pid;
        lastProcess = p;
        return p;
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

    private int siteId(Site s) {
        return siteIds.computeIfAbsent(s, k -> sites.add(k));
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
        return chunk(row).site[row & EventChunk.MASK];
    }

    /** Start of the call, FILETIME (100 ns since 1601-01-01 UTC). */
    public long time(int row) {
        return chunk(row).time[row & EventChunk.MASK];
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
        return chunk(row).sequence[row & EventChunk.MASK];
    }

    public int upcallNumber(int row) {
        return chunk(row).upcall[row & EventChunk.MASK] & 0xFFFF;
    }

    /** The upcall, or null for a number this version does not know. */
    public Upcall upcall(int row) {
        return Upcall.ofNumber(upcallNumber(row));
    }

    public long result(int row) {
        return chunk(row).result(row & EventChunk.MASK);
    }

    public int error(int row) {
        return errors.get(row);
    }

    /** Whether the callee gave an error code (false: it failed without writing *lpErrno, upcall_flags bit 2). */
    public boolean errorGiven(int row) {
        return (upcallFlags(row) & TraceRecord.UpcallEvent.FLAG_NO_ERROR_CODE) == 0;
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

    /** The record's upcall_flags (bits 0..6). */
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

    /** The row as an UPCALL record (ticks are FILETIME; the capture offset is not kept: -1). */
    public TraceRecord.UpcallEvent event(int row) {
        long[] args = new long[argCount(row)];
        for (int k = 0; k < args.length; k++) {
            args[k] = arg(row, k);
        }
        ModuleInfo module = module(row);
        return new TraceRecord.UpcallEvent(-1, pid(row), sequence(row), upcallNumber(row), tid(row),
                module.moduleId(), callerAddress(row), time(row), duration(row), result(row), error(row),
                upcallFlags(row), args, text(row));
    }

    public List<ProcessInfo> processes() {
        return processes.snapshot();
    }

    public List<ModuleInfo> modules() {
        return modules.snapshot();
    }

    /** Non-upcall records in capture order, each with its place among the rows. */
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
