package dev.wpuscope.trace.store;

import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.SocketEffect;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.Arrays;
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

    private final SocketLifeBook book = new SocketLifeBook(false);
    private final ProcessNumbering numbering = new ProcessNumbering();
    /** The number of each process's current load session (0: not numbered), by process. */
    private int[] loadSessions = new int[16];
    /** Module paths by process index and module id. */
    private final Map<Long, String> modulePaths = new HashMap<>();
    /** The module id of the provider each served catalog entry's chain goes down to, by process index and entry id. */
    private final Map<Long, Integer> servedModules = new HashMap<>();
    private int calls;

    @Override
    public void onRecord(TraceRecord record, int length) {
        if (record instanceof TraceRecord.UpcallEvent upcall) {
            onUpcall(upcall);
        } else if (record instanceof TraceRecord.DowncallEvent downcall) {
            onDowncall(downcall);
        } else if (record instanceof TraceRecord.ProcessHello hello) {
            onHello(hello);
        } else if (record instanceof TraceRecord.Module module) {
            modulePaths.put(key(numbering.ofPid(module.pid()), module.moduleId()), module.path());
        } else if (record instanceof TraceRecord.ProviderLoaded loaded) {
            servedModules.put(key(numbering.ofPid(loaded.pid()), loaded.servedEntryId()),
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
        int process = numbering.ofPid(e.pid());
        long socket = SocketIndex.socketOf(upcall, e.arg(0), e.arg(2), e.result());
        book.add(new SocketLifeBook.Call(row, process, e.pid(), loadSession(process), false, effect, socket,
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
        int process = numbering.ofPid(e.pid());
        int module = servedModules.getOrDefault(key(process, e.servedEntryId()), 0);
        book.add(new SocketLifeBook.Call(row, process, e.pid(), loadSession(process), true, effect, e.socket(),
                failed, e.callId(), e.parentCallIdOrZero(), function.apiName(), modulePath(process, module)));
    }

    /** A hello begins a load session of its process (a known one's, for a 1.1 hello of it; else a new one's). */
    private void onHello(TraceRecord.ProcessHello hello) {
        int process = numbering.ofHello(hello);
        if (process >= loadSessions.length) {
            loadSessions = Arrays.copyOf(loadSessions, Math.max(process + 1, loadSessions.length * 2));
        }
        loadSessions[process] = hello.loadSession() == null ? 0 : hello.loadSession().number();
    }

    /** The process's current load session; 0 for one seen without a hello. */
    private int loadSession(int process) {
        return process < loadSessions.length ? loadSessions[process] : 0;
    }

    private String modulePath(int process, int moduleId) {
        return modulePaths.getOrDefault(key(process, moduleId), "");
    }

    private static long key(int process, int value) {
        return (long) process << 32 | value & 0xFFFF_FFFFL;
    }

    /** Every socket so far, in the order first seen. */
    public List<SocketLives.Socket> sockets() {
        return book.sockets();
    }
}
