package dev.wpuscope.trace.store;

import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.ProcessKey;
import dev.wpuscope.trace.model.SocketEffect;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every socket's life told by the decoded records as they stream by, without a store: the same {@link
 * SocketLives.Socket} list that {@link SocketLives} reads from a store's rows (rows are the calls' numbers in capture
 * order, processes and load sessions are told apart as the store does), for a reader that keeps no rows, such as
 * {@code wpuscope trace summary}. A listener of one capture read from its start; not thread-safe.
 */
public final class StreamedSocketLives implements TraceListener {

    /** A process as the store numbers it, and the number of its current load session (0: not numbered). */
    private static final class Process {
        final int index;
        int loadSession;

        Process(int index) {
            this.index = index;
        }
    }

    private final SocketLifeBook book = new SocketLifeBook(false);
    /** Each pid's latest process. */
    private final Map<Integer, Process> processOfPid = new HashMap<>();
    /** Processes that said a 1.1 hello, by pid and start time: their later load sessions join them. */
    private final Map<ProcessKey, Process> processOfStart = new HashMap<>();
    /** Module paths by process index and module id. */
    private final Map<Long, String> modulePaths = new HashMap<>();
    /** The module id of the provider each served catalog entry's chain goes down to, by process index and entry id. */
    private final Map<Long, Integer> servedModules = new HashMap<>();
    private int processes;
    private int calls;
    /** The last pid looked up and its process (null: none): consecutive records are mostly of one process. */
    private int lastPid;
    private Process lastProcess;

    @Override
    public void onRecord(TraceRecord record, int length) {
        if (record instanceof TraceRecord.UpcallEvent upcall) {
            onUpcall(upcall);
        } else if (record instanceof TraceRecord.DowncallEvent downcall) {
            onDowncall(downcall);
        } else if (record instanceof TraceRecord.ProcessHello hello) {
            onHello(hello);
        } else if (record instanceof TraceRecord.Module module) {
            modulePaths.put(key(processOf(module.pid()).index, module.moduleId()), module.path());
        } else if (record instanceof TraceRecord.ProviderLoaded loaded) {
            servedModules.put(key(processOf(loaded.pid()).index, loaded.servedEntryId()),
                    loaded.nextModuleId());
        }
    }

    private void onUpcall(TraceRecord.UpcallEvent e) {
        int row = calls++;
        Upcall upcall = e.upcall();
        boolean failed = e.failed();
        SocketEffect effect = SocketEffect.of(upcall, failed);
        if (effect == SocketEffect.NONE) {
            return;
        }
        Process process = processOf(e.pid());
        long socket = SocketIndex.socketOf(upcall, e.arg(0), e.arg(2), e.result());
        book.add(new SocketLifeBook.Call(row, process.index, e.pid(), process.loadSession, false, effect, socket,
                failed, 0, e.parentCallIdOrZero(), upcall.apiName(), modulePath(process, e.callerModuleId())));
    }

    private void onDowncall(TraceRecord.DowncallEvent e) {
        int row = calls++;
        Downcall function = e.function();
        boolean failed = e.failed();
        SocketEffect effect = SocketEffect.of(function, failed);
        if (effect == SocketEffect.NONE) {
            return;
        }
        Process process = processOf(e.pid());
        int module = servedModules.getOrDefault(key(process.index, e.servedEntryId()), 0);
        book.add(new SocketLifeBook.Call(row, process.index, e.pid(), process.loadSession, true, effect, e.socket(),
                failed, e.callId(), e.parentCallIdOrZero(), function.apiName(), modulePath(process, module)));
    }

    /** A 1.1 hello of a known process begins a load session of it; any other hello begins a new process. */
    private void onHello(TraceRecord.ProcessHello hello) {
        ProcessKey start = ProcessKey.of(hello);
        Process process = start == null ? null : processOfStart.get(start);
        if (process == null) {
            process = new Process(processes++);
            if (start != null) {
                processOfStart.put(start, process);
            }
        }
        process.loadSession = hello.loadSession() == null ? 0 : hello.loadSession().number();
        processOfPid.put(hello.pid(), process);
        lastProcess = null;
    }

    /** The pid's latest process; a pid seen without a hello is a process of its own, without numbered sessions. */
    private Process processOf(int pid) {
        if (lastProcess == null || pid != lastPid) {
            lastProcess = processOfPid.computeIfAbsent(pid, p -> new Process(processes++));
            lastPid = pid;
        }
        return lastProcess;
    }

    private String modulePath(Process process, int moduleId) {
        return modulePaths.getOrDefault(key(process.index, moduleId), "");
    }

    private static long key(int process, int value) {
        return (long) process << 32 | value & 0xFFFF_FFFFL;
    }

    /** Every socket so far, in the order first seen. */
    public List<SocketLives.Socket> sockets() {
        return book.sockets();
    }
}
