package dev.wpuscope.trace.store;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.trace.model.TraceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A traced process: its index in the store, its pid, its first PROCESS_HELLO (null when the capture lost it),
 * its load sessions in order and its image's file name. A 1.1 hello with the pid and process start time of a known
 * process begins a new load session of that process; any other hello (a 1.0 one, or a pid reused by a new process)
 * begins a new process.
 */
public record ProcessInfo(int index, int pid, TraceRecord.ProcessHello hello, List<StoredLoadSession> loadSessions,
                          String imageFileName) {

    public ProcessInfo {
        loadSessions = List.copyOf(loadSessions);
    }

    /** {@code imageFileName}, the image path's last part ("" when unknown), is worked out once: tables ask per row. */
    ProcessInfo(int index, int pid, TraceRecord.ProcessHello hello, List<StoredLoadSession> loadSessions) {
        this(index, pid, hello, loadSessions, EntryLabels.fileName(hello == null ? "" : hello.imagePath()));
    }

    /** A process known only by its pid: its records came without a hello. */
    static ProcessInfo withoutHello(int index, int pid) {
        return new ProcessInfo(index, pid, null, List.of());
    }

    /** A process whose hello came before row {@code firstRow}. */
    static ProcessInfo started(int index, TraceRecord.ProcessHello hello, int firstRow) {
        return new ProcessInfo(index, hello.pid(), hello, List.of(new StoredLoadSession(hello, firstRow)));
    }

    /** This process with one more load session, whose hello came before row {@code firstRow}. */
    ProcessInfo withLoadSession(TraceRecord.ProcessHello next, int firstRow) {
        List<StoredLoadSession> sessions = new ArrayList<>(loadSessions);
        sessions.add(new StoredLoadSession(next, firstRow));
        return new ProcessInfo(index, pid, hello, sessions);
    }

    /** The process image path, or "" when unknown. */
    public String image() {
        return hello == null ? "" : hello.imagePath();
    }

    /**
     * The number of the load session that row {@code row} of this process belongs to: 0 when the process has no
     * numbered load sessions (no hello, or a 1.0 tracer).
     */
    public int loadSessionOf(int row) {
        int low = 0;
        int high = loadSessions.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (loadSessions.get(mid).firstRow() <= row) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? 0 : loadSessions.get(found).number();
    }
}
