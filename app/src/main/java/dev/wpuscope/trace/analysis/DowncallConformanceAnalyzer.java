package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.TraceRecord.Call;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the SPI conversation (trace format 1.2): calls into a provider that its upcalls must answer, and were not.
 * <ul>
 *   <li>A successful WSPCloseSocket of a socket whose handle the provider made with WPUCreateSocketHandle (non-IFS)
 *       that did not call WPUCloseSocketHandle for it inside the call: ws2_32 keeps a handle that is gone.</li>
 *   <li>A WSPAsyncSelect registration (hwnd, msg, events) that no WPUPostMessage with that hwnd, msg and socket
 *       answered by the end of its load session (or of the input); one that asked for FD_WRITE on a connected socket
 *       and was not answered before the socket's WSPCloseSocket (a connected socket is writable, so FD_WRITE is
 *       owed at once); and a posted message that names events the registration did not ask for.</li>
 *   <li>An overlapped call that returned WSA_IO_PENDING and was not completed by the end of its load session: no
 *       WPUCompleteOverlappedRequest with its WSAOVERLAPPED, no WPUQueueApc for its completion routine, no successful
 *       WSPGetOverlappedResult for it.</li>
 *   <li>A call on a socket after its WSPCloseSocket, unless a creation of that value may have come between.</li>
 * </ul>
 * Records arrive in the order threads wrote them (a provider's worker may answer a call before the call's own record
 * is written), so answers recorded before what they answer count when they did not certainly end before it started
 * ({@link EffectOrder}); a call after close waits, like the lifecycle findings, for a creation that may explain it.
 */
public final class DowncallConformanceAnalyzer extends UpcallAnalyzer {

    /** How many registrations, and posts waiting for one, are kept per socket. */
    private static final int KEPT_PER_SOCKET = 16;
    /**
     * How many sockets' posts, and overlapped pointers' completions, wait for a call recorded after them (the oldest
     * go first): a capture without downcalls (1.1, or downcall tracing off) has none to wait for.
     */
    private static final int KEPT_WAITING = 4096;
    private static final long FD_WRITE = 0x2;

    private record CallKey(int pid, int callId) {
    }

    /** A WSAOVERLAPPED pointer in one process. */
    private record Overlapped(int pid, long pointer) {
    }

    private static final class Registration {
        final DowncallEvent call;
        final String provider;
        /** It asked for FD_WRITE on a connected socket: the event has happened, so a message is owed at once. */
        final boolean owesWrite;
        boolean answered;

        Registration(DowncallEvent call, String provider, boolean connected) {
            this.call = call;
            this.provider = provider;
            this.owesWrite = connected && (events() & FD_WRITE) != 0;
        }

        long hwnd() {
            return call.arg(0);
        }

        long msg() {
            return call.arg(1);
        }

        long events() {
            return call.arg(2);
        }
    }

    private record PendingRequest(DowncallEvent call, String provider, long overlapped, long completionRoutine) {
    }

    private record Closed(DowncallEvent close, long droppedAtClose) {
    }

    /** Sockets whose handle the provider made with WPUCreateSocketHandle: non-IFS, it must close them too. */
    private final Set<SocketRef> createdHandles = new HashSet<>();
    /**
     * Handles closed with WPUCloseSocketHandle inside a downcall whose record has not arrived yet (one, mostly: a
     * list, not a set).
     */
    private final Map<CallKey, List<Long>> handlesClosedInside = new HashMap<>();
    /** Sockets connected by a successful WSPConnect or WSPJoinLeaf, or made by WSPAccept. */
    private final Set<SocketRef> connected = new HashSet<>();
    private final Map<SocketRef, ArrayDeque<Registration>> registrations = new HashMap<>();
    /** Posted messages no registration (recorded so far) explains, per socket. */
    private final Map<SocketRef, ArrayDeque<UpcallEvent>> unexplainedPosts = bounded();
    /** Overlapped requests not completed yet, by pid and WSAOVERLAPPED pointer, in the order they started. */
    private final Map<Overlapped, PendingRequest> requests = new LinkedHashMap<>();
    /** Completions no pending request (recorded so far) explains, by pid and WSAOVERLAPPED pointer. */
    private final Map<Overlapped, UpcallEvent> unexplainedCompletions = bounded();
    private final Map<SocketRef, Closed> closedSockets = new HashMap<>();
    /** Calls after a close (explained by a later recorded creation) and owed answers (by a later recorded post). */
    private final PendingFindings<SocketRef> unexplained = new PendingFindings<>();

    /** A map that forgets its oldest entry beyond {@link #KEPT_WAITING}. */
    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT_WAITING;
            }
        };
    }

    @Override
    protected void onDowncall(DowncallEvent event, String provider) {
        unexplained.settleDue(event, order());
        List<Long> closedInside = handlesClosedInside.remove(new CallKey(event.pid(), event.callId()));
        SocketRef socket = new SocketRef(event.pid(), event.socket());
        Downcall function = event.function();
        if (function.createsSocket()) {
            if (!event.failed()) {
                created(socket, event);
                if (function == Downcall.WSP_ACCEPT) {
                    connected.add(socket);
                }
            }
            return;
        }
        if (function.hasSocket()) {
            checkOpen(socket, event, provider);
        }
        switch (function) {
            case WSP_CLOSE_SOCKET -> closed(socket, event, provider, closedInside);
            case WSP_ASYNC_SELECT -> registered(socket, event, provider);
            case WSP_CONNECT, WSP_JOIN_LEAF -> {
                if (!event.failed()) {
                    connected.add(socket);
                }
            }
            case WSP_GET_OVERLAPPED_RESULT -> {
                if (!event.failed()) {
                    completed(new Overlapped(event.pid(), event.arg(0)));
                }
            }
            default -> {
            }
        }
        if (event.pending()) {
            started(event, provider);
        }
    }

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        unexplained.settleDue(event, order());
        switch (event.upcall()) {
            case WPU_CREATE_SOCKET_HANDLE, WPU_MODIFY_IFS_HANDLE -> {
                if (!event.failed()) {
                    SocketRef handle = new SocketRef(event.pid(), event.result());
                    created(handle, event);
                    if (event.upcall() == Upcall.WPU_CREATE_SOCKET_HANDLE) {
                        createdHandles.add(handle);
                    } else {
                        createdHandles.remove(handle);
                    }
                }
            }
            case WPU_CLOSE_SOCKET_HANDLE -> {
                if (!event.failed() && event.parentCallIdOrZero() != 0) {
                    handlesClosedInside.computeIfAbsent(new CallKey(event.pid(), event.parentCallIdOrZero()),
                            k -> new ArrayList<>(1)).add(event.arg(0));
                }
            }
            case WPU_POST_MESSAGE -> posted(new SocketRef(event.pid(), event.arg(2)), event, provider);
            case WPU_COMPLETE_OVERLAPPED_REQUEST -> completedBy(new Overlapped(event.pid(), event.arg(1)), event);
            case WPU_QUEUE_APC -> apcQueued(event);
            default -> {
            }
        }
    }

    // ---- socket lives: a call after close ----

    private void created(SocketRef socket, Call creation) {
        closedSockets.remove(socket);
        unexplained.explain(socket, creation, true);
    }

    private void checkOpen(SocketRef socket, DowncallEvent call, String provider) {
        Closed closed = closedSockets.get(socket);
        if (closed == null || !order().certainlyBefore(closed.close(), call)) {
            return;
        }
        long dropped = order().droppedSoFar(call.pid()) - closed.droppedAtClose();
        unexplained.add(socket, call, (later, creation) -> creation && !order().certainlyBefore(call, later),
                () -> report(Severity.WARNING, FindingKind.CALL_AFTER_CLOSE, call, provider,
                        call.function().apiName() + " on socket " + Hex.of(socket.socket())
                                + " after its WSPCloseSocket at offset " + closed.close().offset()
                                + resultSuffix(call) + uncertainty(dropped)));
    }

    private void closed(SocketRef socket, DowncallEvent close, String provider, List<Long> closedInside) {
        if (close.failed()) {
            return;
        }
        closedSockets.put(socket, new Closed(close, order().droppedSoFar(close.pid())));
        connected.remove(socket);
        owedAtClose(socket, close, registrations.remove(socket));
        if (createdHandles.remove(socket) && (closedInside == null || !closedInside.contains(socket.socket()))) {
            report(Severity.ERROR, FindingKind.CLOSE_WITHOUT_HANDLE_CLOSE, close, provider,
                    "WSPCloseSocket of socket " + Hex.of(socket.socket()) + " succeeded without calling"
                            + " WPUCloseSocketHandle for it: the provider made the handle with WPUCreateSocketHandle,"
                            + " so ws2_32 keeps a handle that is gone" + uncertainty(order().droppedSoFar(close.pid())));
        }
    }

    // ---- WSPAsyncSelect and WPUPostMessage ----

    private void registered(SocketRef socket, DowncallEvent call, String provider) {
        if (call.failed() || call.arg(2) == 0) {
            return;
        }
        Registration registration = new Registration(call, provider, connected.contains(socket));
        ArrayDeque<Registration> list = registrations.computeIfAbsent(socket, k -> new ArrayDeque<>());
        if (list.size() == KEPT_PER_SOCKET) {
            list.pollFirst();
        }
        list.addLast(registration);
        ArrayDeque<UpcallEvent> posts = unexplainedPosts.get(socket);
        if (posts != null) {
            for (Iterator<UpcallEvent> it = posts.iterator(); it.hasNext(); ) {
                UpcallEvent post = it.next();
                if (answers(post, registration)) {
                    answer(registration, post, provider);
                    it.remove();
                }
            }
        }
    }

    private boolean answers(UpcallEvent post, Registration r) {
        return post.arg(0) == r.hwnd() && post.arg(1) == r.msg() && mayAnswer(post, r.call);
    }

    /**
     * Whether {@code answer} may have come after {@code call} began: it ran inside the call, or did not certainly end
     * before the call started (on the call's thread a nested upcall has the lower sequence number).
     */
    private boolean mayAnswer(UpcallEvent answer, DowncallEvent call) {
        boolean inside = answer.tid() == call.tid() && answer.parentCallIdOrZero() == call.callId();
        return inside || !order().certainlyBefore(answer, call);
    }

    private void posted(SocketRef socket, UpcallEvent post, String provider) {
        unexplained.explain(socket, post, false);
        ArrayDeque<Registration> list = registrations.get(socket);
        if (list != null) {
            for (Iterator<Registration> it = list.descendingIterator(); it.hasNext(); ) {
                Registration r = it.next();
                if (answers(post, r)) {
                    answer(r, post, provider);
                    return;
                }
            }
        }
        ArrayDeque<UpcallEvent> posts = unexplainedPosts.computeIfAbsent(socket, k -> new ArrayDeque<>());
        if (posts.size() == KEPT_PER_SOCKET) {
            posts.pollFirst();
        }
        posts.addLast(post);
    }

    private void answer(Registration r, UpcallEvent post, String provider) {
        r.answered = true;
        long named = post.arg(3) & FdEvent.KNOWN_BITS;
        long unasked = named & ~r.events();
        if (unasked != 0) {
            report(Severity.WARNING, FindingKind.UNREQUESTED_FD_EVENT, post, provider, "WPUPostMessage for socket "
                    + Hex.of(post.arg(2)) + " names " + FdEvent.describeMask(unasked) + ", which its WSPAsyncSelect"
                    + " at offset " + r.call.offset() + " did not ask for (" + FdEvent.describeMask(r.events()) + ")");
        }
    }

    /**
     * The registrations a close ended that owed FD_WRITE and were not answered: reported unless a post recorded later,
     * which may have come before the close, answers them.
     */
    private void owedAtClose(SocketRef socket, DowncallEvent close, ArrayDeque<Registration> ended) {
        if (ended == null) {
            return;
        }
        long dropped = order().droppedSoFar(close.pid());
        for (Registration r : ended) {
            if (r.answered || !r.owesWrite) {
                continue;
            }
            unexplained.add(socket, close, (later, creation) -> !creation && later instanceof UpcallEvent post
                            && answers(post, r) && !order().certainlyBefore(close, post),
                    () -> report(Severity.WARNING, FindingKind.ASYNC_SELECT_UNANSWERED, r.call, r.provider,
                            "WSPAsyncSelect of connected socket " + Hex.of(socket.socket()) + " for "
                                    + FdEvent.describeMask(r.events()) + " (hwnd " + Hex.of(r.hwnd()) + ", msg "
                                    + Hex.of(r.msg()) + ") was not answered before its WSPCloseSocket at offset "
                                    + close.offset() + ": a connected socket is writable, so FD_WRITE was owed at once"
                                    + uncertainty(dropped)));
        }
    }

    // ---- overlapped requests ----

    private void started(DowncallEvent call, String provider) {
        int at = call.function().completionRoutineIndex() - 1;
        if (at < 0 || call.arg(at) == 0) {
            return;
        }
        Overlapped key = new Overlapped(call.pid(), call.arg(at));
        UpcallEvent early = unexplainedCompletions.get(key);
        if (early != null && mayAnswer(early, call)) {
            unexplainedCompletions.remove(key);
            return;
        }
        requests.put(key, new PendingRequest(call, provider, call.arg(at), call.arg(at + 1)));
    }

    private void completedBy(Overlapped key, UpcallEvent completion) {
        if (requests.remove(key) == null) {
            unexplainedCompletions.put(key, completion);
        }
    }

    private void completed(Overlapped key) {
        requests.remove(key);
    }

    /** An APC completes the oldest pending request of the process with a completion routine (its own first). */
    private void apcQueued(UpcallEvent apc) {
        Overlapped exact = new Overlapped(apc.pid(), apc.arg(3));
        PendingRequest own = requests.get(exact);
        if (own != null && own.completionRoutine() != 0) {
            requests.remove(exact);
            return;
        }
        for (Iterator<Map.Entry<Overlapped, PendingRequest>> it = requests.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Overlapped, PendingRequest> e = it.next();
            if (e.getKey().pid() == apc.pid() && e.getValue().completionRoutine() != 0
                    && mayAnswer(apc, e.getValue().call())) {
                it.remove();
                return;
            }
        }
    }

    // ---- the end of a load session or of the input ----

    @Override
    protected void onLoadSessionStart(ProcessHello hello) {
        settle(hello.pid());
    }

    @Override
    protected void onLoadSessionEnd(ProcessGoodbye goodbye) {
        settle(goodbye.pid());
    }

    @Override
    protected void onEndOfInput() {
        Set<Integer> pids = new HashSet<>();
        registrations.keySet().forEach(k -> pids.add(k.pid()));
        requests.keySet().forEach(k -> pids.add(k.pid()));
        pids.forEach(this::settle);
        unexplained.settleAll();
    }

    /** Reports what the load session of {@code pid} left unanswered and forgets its state. */
    private void settle(int pid) {
        unexplained.settleProcess(pid);
        List<Registration> unanswered = new ArrayList<>();
        registrations.entrySet().removeIf(e -> {
            if (e.getKey().pid() != pid) {
                return false;
            }
            e.getValue().stream().filter(r -> !r.answered).forEach(unanswered::add);
            return true;
        });
        unanswered.sort(java.util.Comparator.comparingLong(r -> r.call.offset()));
        for (Registration r : unanswered) {
            report(Severity.WARNING, FindingKind.ASYNC_SELECT_UNANSWERED, r.call, r.provider, "WSPAsyncSelect of"
                    + " socket " + Hex.of(r.call.socket()) + " for " + FdEvent.describeMask(r.events()) + " (hwnd "
                    + Hex.of(r.hwnd()) + ", msg " + Hex.of(r.msg()) + ") was never answered by a WPUPostMessage");
        }
        for (Iterator<Map.Entry<Overlapped, PendingRequest>> it = requests.entrySet().iterator(); it.hasNext(); ) {
            PendingRequest p = it.next().getValue();
            if (p.call().pid() == pid) {
                it.remove();
                report(Severity.WARNING, FindingKind.OVERLAPPED_NOT_COMPLETED, p.call(), p.provider(),
                        p.call().function().apiName() + " on socket " + Hex.of(p.call().socket())
                                + " returned WSA_IO_PENDING (overlapped " + Hex.of(p.overlapped()) + ") and was not"
                                + " completed: no WPUCompleteOverlappedRequest with it"
                                + (p.completionRoutine() != 0 ? ", no WPUQueueApc for its completion routine" : "")
                                + ", no successful WSPGetOverlappedResult (an event set directly is not traced)");
            }
        }
        createdHandles.removeIf(k -> k.pid() == pid);
        connected.removeIf(k -> k.pid() == pid);
        handlesClosedInside.keySet().removeIf(k -> k.pid() == pid);
        unexplainedPosts.keySet().removeIf(k -> k.pid() == pid);
        unexplainedCompletions.keySet().removeIf(k -> k.pid() == pid);
        closedSockets.keySet().removeIf(k -> k.pid() == pid);
    }

    private static String resultSuffix(DowncallEvent call) {
        if (!call.failed()) {
            return " (it succeeded)";
        }
        return call.errorGiven() && call.error() != 0
                ? " (it failed with " + dev.wpuscope.trace.WsaErrors.describe(call.error()) + ")" : " (it failed)";
    }

    private static String uncertainty(long dropped) {
        return dropped > 0 ? " (uncertain: the tracer dropped " + dropped + " events meanwhile)" : "";
    }
}
