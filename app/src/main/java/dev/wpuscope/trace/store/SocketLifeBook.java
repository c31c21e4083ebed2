package dev.wpuscope.trace.store;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.trace.model.SocketEffect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lives of sockets told by calls in capture order, whatever reads the calls: the rows of a store ({@link
 * SocketLives}) or the decoded records as they stream by ({@link StreamedSocketLives}). The rules are {@link
 * SocketLives}'s. A creation or close told twice (WSPSocket after the WPUCreateSocketHandle the provider made inside
 * it, WSPCloseSocket after its WPUCloseSocketHandle) is one creation or close: the earlier call names the later as its
 * parent call.
 */
final class SocketLifeBook {

    /**
     * What the book needs of one call that creates, closes or uses a socket.
     *
     * @param row          the call's number in capture order (the store row)
     * @param process      the process index (as the store numbers processes)
     * @param pid          the process id
     * @param loadSession  the load session number (0 when not numbered)
     * @param downcall     whether it is a downcall (else an upcall)
     * @param effect       what it does to the socket (not {@link SocketEffect#NONE})
     * @param socket       the socket handle value
     * @param failed       whether it failed
     * @param callId       a downcall's call id, 0 for an upcall
     * @param parentCallId the call id of the downcall it ran inside, 0 when none or not said
     * @param callName     "WSPSocket", "WPUCreateSocketHandle", ...
     * @param providerPath the path of the provider module that made or served it, "" when unknown
     */
    record Call(int row, int process, int pid, int loadSession, boolean downcall, SocketEffect effect, long socket,
                boolean failed, int callId, int parentCallId, String callName, String providerPath) {
    }

    private static final class Life {
        final int process;
        final int pid;
        final int loadSession;
        final long socket;
        final IntList rows;
        /** The path of the module that made or served its last call that named the provider, and its file name. */
        String providerPath = "";
        String provider = "";
        String createdBy = "";
        int creationRow = EventStore.NO_ROW;
        int creationParent;
        int closeRow = EventStore.NO_ROW;
        int closeParent;
        long downcalls;
        long upcalls;
        long failures;
        long afterClose;

        Life(int process, int pid, int loadSession, long socket, IntList rows) {
            this.process = process;
            this.pid = pid;
            this.loadSession = loadSession;
            this.socket = socket;
            this.rows = rows;
        }
    }

    private record Key(int process, int loadSession, long socket) {
    }

    private final boolean keepRows;
    private final List<Life> lives = new ArrayList<>();
    private final Map<Key, Life> current = new HashMap<>();

    /** {@code keepRows}: whether each life keeps its calls' rows, for {@link #rows(int)}. */
    SocketLifeBook(boolean keepRows) {
        this.keepRows = keepRows;
    }

    void add(Call call) {
        Key key = new Key(call.process(), call.loadSession(), call.socket());
        Life life = current.get(key);
        SocketEffect effect = call.effect();
        if (effect == SocketEffect.CREATE
                && !(life != null && ranInside(life.creationRow, life.creationParent, call))) {
            life = begin(key, call.pid());
        } else if (life == null) {
            life = begin(key, call.pid());
        }
        if (effect == SocketEffect.CREATE
                || effect == SocketEffect.CLOSE && ranInside(life.closeRow, life.closeParent, call)) {
            note(life, call, false);
            if (effect == SocketEffect.CREATE) {
                life.creationRow = call.row();
                life.creationParent = call.parentCallId();
                life.createdBy = call.callName();
            } else {
                life.closeRow = call.row();
                life.closeParent = call.parentCallId();
            }
            return;
        }
        boolean closed = life.closeRow != EventStore.NO_ROW;
        note(life, call, closed);
        if (effect == SocketEffect.CLOSE && !closed) {
            life.closeRow = call.row();
            life.closeParent = call.parentCallId();
        }
    }

    /** Whether the earlier call {@code inner} (a row, or NO_ROW; its parent call id) ran inside {@code call}. */
    private static boolean ranInside(int inner, int innerParent, Call call) {
        return inner != EventStore.NO_ROW && call.downcall() && innerParent != 0 && innerParent == call.callId();
    }

    private Life begin(Key key, int pid) {
        Life life = new Life(key.process(), pid, key.loadSession(), key.socket(), keepRows ? new IntList() : null);
        lives.add(life);
        current.put(key, life);
        return life;
    }

    private void note(Life life, Call call, boolean afterClose) {
        if (keepRows) {
            life.rows.add(call.row());
        }
        if (call.downcall()) {
            life.downcalls++;
        } else {
            life.upcalls++;
        }
        if (call.failed()) {
            life.failures++;
        }
        if (afterClose) {
            life.afterClose++;
        }
        if ((life.provider.isEmpty() || call.downcall()) && !call.providerPath().equals(life.providerPath)) {
            life.providerPath = call.providerPath();
            life.provider = EntryLabels.fileName(life.providerPath);
        }
    }

    /** Every socket so far, in the order first seen. */
    List<SocketLives.Socket> sockets() {
        List<SocketLives.Socket> out = new ArrayList<>(lives.size());
        for (int i = 0; i < lives.size(); i++) {
            Life l = lives.get(i);
            out.add(new SocketLives.Socket(i, l.process, l.pid, l.loadSession, l.socket, l.provider, l.createdBy,
                    l.creationRow, l.closeRow, l.closeRow == EventStore.NO_ROW ? SocketLives.State.OPEN
                            : SocketLives.State.CLOSED, l.downcalls, l.upcalls, l.failures, l.afterClose));
        }
        return out;
    }

    /** The rows of socket {@code index}'s calls, in capture order (a book that keeps rows). */
    IntList rows(int index) {
        if (!keepRows) {
            throw new IllegalStateException("this book of socket lives does not keep rows");
        }
        return lives.get(index).rows;
    }
}
