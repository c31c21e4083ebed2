package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.SocketEffect;
import java.util.List;

/**
 * Every socket of a capture, from its creation to its close, over the rows of an {@link EventStore}: the Sockets
 * panel's list and each socket's timeline. A socket is created by WSPSocket or WSPAccept (with the
 * WPUCreateSocketHandle or WPUModifyIFSHandle the provider makes inside the call: one socket, not two), or by the
 * handle upcall alone when downcalls were not traced; WSPCloseSocket (with the WPUCloseSocketHandle inside it) closes
 * it. A value created again after its close is a new socket; each load session of a process has its own sockets (the
 * providers that made them were unloaded). Calls on a value no creation was seen for begin a socket "created before
 * the capture"; calls after the close stay with the closed socket and are counted.
 *
 * <p>For a GUI: on the FX thread, call {@link #update()} once per frame (it reads only the rows added since), then
 * read {@link #sockets()} for the list and {@link #timeline(int)} for the selected socket's rows in nesting order.
 * Not thread-safe: one thread updates and reads. {@link StreamedSocketLives} tells the same lives from the decoded
 * records without a store.
 */
public final class SocketLives {

    /** Where a socket is in its life. */
    public enum State {
        OPEN("open"),
        CLOSED("closed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One socket: a handle value from its creation to its close, in one load session of one process.
     *
     * @param index        its position in {@link #sockets()}
     * @param process      the process index ({@link ProcessInfo#index()})
     * @param pid          the process id
     * @param loadSession  the load session number (0 when not numbered)
     * @param socket       the handle value
     * @param provider     file name of the provider module that served it ("" when unknown)
     * @param createdBy    the call that created it ("WSPSocket", "WPUCreateSocketHandle", ...), or "" when before the
     *                     capture
     * @param creationRow  the row of that call, {@link EventStore#NO_ROW} when not seen
     * @param closeRow     the row of the close, {@link EventStore#NO_ROW} while open
     * @param state        open or closed
     * @param downcalls    downcall rows about it
     * @param upcalls      upcall rows about it
     * @param failures     of those, the calls that failed
     * @param afterClose   calls on it after its close
     */
    public record Socket(int index, int process, int pid, int loadSession, long socket, String provider,
                         String createdBy, int creationRow, int closeRow, State state, long downcalls, long upcalls,
                         long failures, long afterClose) {

        /** How the Sockets view and {@code trace summary} state a {@link #notASocket()} value's life. */
        public static final String NOT_A_SOCKET = "not a socket: every call on it failed";

        /**
         * Never created nor closed in the capture and every call on it failed: a value that was no socket (the
         * application's bad handle, answered WSAENOTSOCK), not a socket created before the capture.
         */
        public boolean notASocket() {
            return creationRow == EventStore.NO_ROW && closeRow == EventStore.NO_ROW && failures > 0
                    && failures == downcalls + upcalls;
        }

        /** What made it: the creating call, "before the capture", or "not a socket" ({@link #notASocket()}). */
        public String origin() {
            if (!createdBy.isEmpty()) {
                return createdBy;
            }
            return notASocket() ? "not a socket" : "before the capture";
        }
    }

    private final EventStore store;
    private final SocketLifeBook book = new SocketLifeBook(true);
    private int done;

    public SocketLives(EventStore store) {
        this.store = store;
    }

    /** Reads the rows the store published since the last update. */
    public void update() {
        for (int size = store.size(); done < size; done++) {
            add(done);
        }
    }

    private void add(int row) {
        boolean downcall = store.isDowncall(row);
        boolean failed = store.failed(row);
        SocketEffect effect = downcall ? SocketEffect.of(store.downcall(row), failed)
                : SocketEffect.of(store.upcall(row), failed);
        if (effect == SocketEffect.NONE) {
            return;
        }
        book.add(new SocketLifeBook.Call(row, store.process(row).index(), store.pid(row), store.loadSession(row),
                downcall, effect, store.socket(row), failed, store.callId(row), store.parentCallId(row),
                store.callName(row), store.module(row).path()));
    }

    /** Every socket so far, in the order first seen. */
    public List<Socket> sockets() {
        return book.sockets();
    }

    /**
     * Socket {@code index}'s life in nesting order: its calls from creation to close (and after) in the order they
     * started, each followed by what ran inside it (upcalls the provider made during a downcall, whatever socket
     * they name).
     */
    public CallTree timeline(int index) {
        IntList rows = book.rows(index);
        IntList withNested = new IntList(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            addWithNested(rows.get(i), withNested);
        }
        withNested = sortedDistinct(withNested);
        return CallTree.inStartOrder(store, withNested);
    }

    private void addWithNested(int row, IntList into) {
        into.add(row);
        IntList children = store.children(row);
        for (int k = 0; k < children.size(); k++) {
            addWithNested(children.get(k), into);
        }
    }

    private static IntList sortedDistinct(IntList rows) {
        int[] sorted = rows.stream().sorted().distinct().toArray();
        return IntList.of(sorted);
    }
}
