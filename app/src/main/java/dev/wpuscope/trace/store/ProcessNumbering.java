package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.ProcessKey;
import dev.wpuscope.trace.model.TraceRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Which process a capture's record belongs to, numbered 0, 1, ... in the order first seen: a 1.1 PROCESS_HELLO with
 * the pid and process start time of a known process begins a new load session of it; any other hello begins a new
 * process; a pid seen without a hello is a process of its own. The store and {@link StreamedSocketLives} number
 * processes alike through it. Not thread-safe.
 */
final class ProcessNumbering {

    private final Map<Integer, Integer> processOfPid = new HashMap<>();
    /** Processes that said a 1.1 hello, by pid and process start time. */
    private final Map<ProcessKey, Integer> processOfStart = new HashMap<>();
    private int count;
    /** The latest lookup (-1: none): consecutive records are mostly of one process. */
    private int lastPid;
    private int lastProcess = -1;

    /** How many processes so far: a number {@link #ofHello} or {@link #ofPid} returns that equals it was new. */
    int count() {
        return count;
    }

    /** The process of a hello: the known process it begins a load session of, else a new one. */
    int ofHello(TraceRecord.ProcessHello hello) {
        ProcessKey start = ProcessKey.of(hello);
        Integer known = start == null ? null : processOfStart.get(start);
        int process = known != null ? known : count++;
        if (known == null && start != null) {
            processOfStart.put(start, process);
        }
        processOfPid.put(hello.pid(), process);
        lastProcess = -1;
        return process;
    }

    /** The pid's latest process; a pid seen without a hello becomes a new one. */
    int ofPid(int pid) {
        if (pid != lastPid || lastProcess < 0) {
            lastProcess = processOfPid.computeIfAbsent(pid, p -> count++);
            lastPid = pid;
        }
        return lastProcess;
    }
}
