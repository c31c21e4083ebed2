package dev.wpuscope.ui.sockets;

import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.analysis.FindingKind;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.SocketLives;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Sockets panel's lines: every socket of a capture ({@link SocketLives}) with the bytes its calls moved, the
 * findings of the analyzers about its calls and the state they qualify. Bytes are those a send or receive moved at
 * once (its {@code bytes} out-argument when it succeeded) and those an overlapped completion reported
 * (WPUCompleteOverlappedRequest's cbTransferred). A finding belongs to the socket its record's row is about: the life of
 * that handle value in that load session that began at or before the row (a value is reused after a close).
 * Not thread-safe: the FX thread updates and reads.
 */
public final class SocketOverview {
    private final CaptureSession session;
    private final SocketLives lives;
    /** Bytes moved, by socket index. */
    private long[] bytes = new long[64];
    /** Rows below this were read by the lives' last update. */
    private int updatedTo;
    /** Rows below this were counted in {@link #bytes}. */
    private int bytesCounted;

    private record Key(int process, int loadSession, long socket) {
    }

    public SocketOverview(CaptureSession session) {
        this.session = session;
        this.lives = new SocketLives(session.store());
    }

    /** Reads the rows the store gained since the last update (call once per frame). */
    public void update() {
        updatedTo = session.store().size();
        lives.update();
    }

    /** The sockets' lives, for their timelines. */
    public SocketLives lives() {
        return lives;
    }

    /** Every socket so far with the findings about it, from {@code findings} (the analysis's, in offset order). */
    public List<SocketRow> rows(List<Finding> findings) {
        List<SocketLives.Socket> sockets = lives.sockets();
        Map<Key, List<SocketLives.Socket>> byValue = new HashMap<>();
        for (SocketLives.Socket s : sockets) {
            byValue.computeIfAbsent(new Key(s.process(), s.loadSession(), s.socket()), k -> new ArrayList<>()).add(s);
        }
        List<List<Finding>> found = new ArrayList<>(sockets.size());
        sockets.forEach(s -> found.add(new ArrayList<>()));
        EventStore store = session.store();
        for (Finding finding : findings) {
            int row = session.rowOf(finding.pid(), finding.offset());
            if (row < 0 || store.socket(row) == 0) {
                continue;
            }
            List<SocketLives.Socket> candidates = byValue.get(
                    new Key(store.process(row).index(), store.loadSession(row), store.socket(row)));
            SocketLives.Socket owner = candidates == null ? null : lifeAt(candidates, row);
            if (owner != null) {
                found.get(owner.index()).add(finding);
            }
        }
        countBytes(byValue, sockets.size());
        List<SocketRow> rows = new ArrayList<>(sockets.size());
        for (SocketLives.Socket s : sockets) {
            rows.add(new SocketRow(s, state(s, found.get(s.index())), bytes[s.index()],
                    List.copyOf(found.get(s.index()))));
        }
        return rows;
    }

    /** Adds the bytes the rows read since the last count moved to their sockets. */
    private void countBytes(Map<Key, List<SocketLives.Socket>> byValue, int sockets) {
        if (bytes.length < sockets) {
            bytes = Arrays.copyOf(bytes, Math.max(sockets, bytes.length * 2));
        }
        EventStore store = session.store();
        for (; bytesCounted < updatedTo; bytesCounted++) {
            int row = bytesCounted;
            long moved = transferred(store, row);
            List<SocketLives.Socket> candidates = moved == 0 ? null : byValue.get(
                    new Key(store.process(row).index(), store.loadSession(row), store.socket(row)));
            SocketLives.Socket owner = candidates == null ? null : lifeAt(candidates, row);
            if (owner != null) {
                bytes[owner.index()] += moved;
            }
        }
    }

    /** The bytes a row reports moved: a successful send or receive's, an overlapped completion's; else 0. */
    static long transferred(EventStore store, int row) {
        if (store.failed(row)) {
            return 0;
        }
        Downcall function = store.downcall(row);
        if (function != null) {
            return switch (function) {
                case WSP_SEND, WSP_SEND_TO, WSP_RECV, WSP_RECV_FROM -> store.arg(row, function.argNames()
                        .indexOf("bytes"));
                default -> 0;
            };
        }
        boolean completion = store.upcall(row) == Upcall.WPU_COMPLETE_OVERLAPPED_REQUEST && store.arg(row, 2) == 0;
        return completion ? store.arg(row, 3) : 0;
    }

    /** The last of a value's lives (in the order first seen) that began at or before {@code row}. */
    private static SocketLives.Socket lifeAt(List<SocketLives.Socket> lives, int row) {
        SocketLives.Socket owner = null;
        for (SocketLives.Socket life : lives) {
            if (life.creationRow() == EventStore.NO_ROW || life.creationRow() <= row) {
                owner = life;
            }
        }
        return owner;
    }

    /** {@code closed}, {@code closed without WPUCloseSocketHandle, used after close}, {@code not a socket: ...}, ... */
    static String state(SocketLives.Socket socket, List<Finding> findings) {
        if (socket.notASocket()) {
            return SocketLives.Socket.NOT_A_SOCKET;
        }
        List<String> words = new ArrayList<>();
        words.add(socket.state().label());
        if (has(findings, FindingKind.CLOSE_WITHOUT_HANDLE_CLOSE)) {
            words.set(0, words.get(0) + " without WPUCloseSocketHandle");
        }
        if (socket.creationRow() == EventStore.NO_ROW) {
            words.add("created before the capture");
        }
        if (socket.afterClose() > 0 || has(findings, FindingKind.CALL_AFTER_CLOSE)) {
            words.add("used after close");
        }
        if (has(findings, FindingKind.OVERLAPPED_NOT_COMPLETED)) {
            words.add("overlapped request never completed");
        }
        if (has(findings, FindingKind.ASYNC_SELECT_UNANSWERED)) {
            words.add("async select never answered");
        }
        if (has(findings, FindingKind.LEAKED)) {
            words.add("leaked");
        }
        return String.join(", ", words);
    }

    private static boolean has(List<Finding> findings, FindingKind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }
}
