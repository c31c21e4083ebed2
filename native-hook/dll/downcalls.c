/* The downcall thunks: ws2_32 calls the tracer's WSPPROC_TABLE, each thunk calls the next
 * provider's function unchanged and records a DOWNCALL (SPEC.md §4 type 8) with its call id,
 * the downcall it is nested in, its per-function args, result, error and duration. Every
 * startup slot has its own 30 thunks (generated below by a macro), which is how a thunk knows
 * the next provider's table and the served catalog entry; no code is generated at run time.
 *
 * Same rules as the upcall thunks (thunks.c): the last error is what the next provider left,
 * *lpErrno is what it said (a marker tells whether it wrote one), no lock, no allocation, no
 * blocking; when the session is not recording or there is no TLS slot the call goes through
 * untraced. The event is written straight into its ring slot once the call returned
 * (core/wpt_call.h). Structures and buffers are read only after the call, and only when their
 * pointer is set and the call accepted them (no WSAEFAULT, no failure without an error code);
 * in-values of in/out arguments are read before the call, which overwrites them, by a guarded
 * read (guarded_read.h): a caller's bad pointer is the provider's to refuse, never a crash. */
#include <stddef.h>

#include "guarded_read.h"
#include "tracer.h"

#define U64(x) ((uint64_t)(uintptr_t)(x))
#define INT(x) ((uint64_t)(int64_t)(x)) /* an int argument, sign-extended */

_Static_assert(sizeof(WSABUF) == sizeof(wpt_wsabuf) &&
                   offsetof(WSABUF, len) == offsetof(wpt_wsabuf, len) &&
                   offsetof(WSABUF, buf) == offsetof(wpt_wsabuf, buf),
               "wpt_wsabuf has WSABUF's layout");

/* One traced call on its thunk's stack. */
typedef struct call {
    wpt_call core;
    DWORD last_error;
    uint32_t served_entry_id;
    uint16_t capture_bytes;
    uint64_t socket; /* the socket the call is about */
} call;

WPT_INLINE uint64_t socket_value(SOCKET s)
{
    return s == INVALID_SOCKET ? UINT64_MAX : (uint64_t)s;
}

/* Starts recording the call when record is set, the session records and the thread's calls
 * can be tracked; false: call through untraced (nothing was touched). */
WPT_INLINE bool begin_call(call *c, wpt_nest *n, bool record, wpt_function fn,
                           uint32_t served_entry_id, uint16_t capture_bytes, uint64_t socket,
                           LPINT lp_errno)
{
    if (!record || !session_active() || !calls_tracked())
        return false;
    wpt_call_start(&c->core, n, WPT_EVENT_DOWNCALL, fn, innermost_call(),
                   session_next_call_id());
    set_innermost_call(n);
    c->served_entry_id = served_entry_id;
    c->capture_bytes = capture_bytes;
    c->socket = socket;
    wpt_call_mark_errno(&c->core, (int32_t *)lp_errno);
    c->core.start_ticks = session_now();
    return true;
}

WPT_INLINE bool begin(call *c, wpt_nest *n, const startup_slot *slot, wpt_function fn,
                      uint64_t socket, LPINT lp_errno)
{
    return begin_call(c, n, (slot->downcalls >> fn) & 1u, fn, slot->served_entry_id,
                      slot->capture_bytes, socket, lp_errno);
}

/* Right after the next provider returned: the time, its last error, what it said in *lpErrno
 * (the caller's own value put back where it left the marker). */
WPT_INLINE void finished(call *c, bool failed)
{
    uint64_t end = session_now();
    c->last_error = *teb_last_error();
    wpt_call_returned(&c->core, failed, end);
}

/* Claims the event (text_len units of text, data_len bytes of data) and writes its fixed
 * fields; the args follow. */
WPT_INLINE void record(call *c, int64_t result, uint16_t text_len, uint16_t data_len)
{
    wpt_call_record(&c->core, session_active() ? &tracer_recorder : NULL, teb_thread_id(),
                    0, c->socket, c->served_entry_id, result, text_len, data_len);
}

/* finished and record, for a call without text or data. */
WPT_INLINE void returned(call *c, int64_t result, bool failed)
{
    finished(c, failed);
    record(c, result, 0, 0);
}

WPT_INLINE void end(call *c)
{
    if (wpt_call_publish(&c->core))
        session_wake_flusher();
    set_innermost_call(c->core.nest->outer);
    *teb_last_error() = c->last_error;
}

WPT_INLINE void arg(call *c, uint64_t value) { wpt_call_arg(&c->core, value); }

WPT_INLINE bool can_read(call *c, const void *p, bool mandatory)
{
    return wpt_call_can_read(&c->core, p, mandatory);
}

WPT_INLINE bool can_read_out(call *c, const void *p, bool mandatory)
{
    return wpt_call_can_read_out(&c->core, p, mandatory);
}

/* The in-value of an in/out argument of 4 bytes, read before the call; 0 when p is NULL or
 * cannot be read (the event is then flagged "not read"). */
WPT_INLINE uint32_t in_value(call *c, const void *p)
{
    uint32_t v = 0;
    if (p && !guarded_read_u32(p, &v))
        c->core.flags |= WPT_CALL_FLAG_NOT_READ;
    return v;
}

WPT_INLINE uint64_t in_int(call *c, const INT *p) { return INT((INT)in_value(c, p)); }
WPT_INLINE uint64_t in_dword(call *c, const DWORD *p) { return in_value(c, p); }

WPT_INLINE uint64_t out_int(call *c, const INT *p, bool mandatory)
{
    return can_read_out(c, p, mandatory) ? INT(*p) : 0;
}

WPT_INLINE uint64_t out_dword(call *c, const DWORD *p, bool mandatory)
{
    return can_read_out(c, p, mandatory) ? *p : 0;
}

WPT_INLINE size_t length(int64_t len) { return len > 0 ? (size_t)len : 0; }

/* sa0..sa3 of an address the caller gave. */
WPT_INLINE void in_sockaddr(call *c, const void *addr, int len, bool mandatory)
{
    if (can_read(c, addr, mandatory))
        wpt_call_sockaddr(&c->core, addr, length(len));
    else
        wpt_call_zero_args(&c->core, 4);
}

/* sa0..sa3 of an address the call returned, *len bytes long. */
WPT_INLINE void out_sockaddr(call *c, const void *addr, const INT *len, bool mandatory)
{
    if (can_read_out(c, addr, mandatory) && len)
        wpt_call_sockaddr(&c->core, addr, length(*len));
    else
        wpt_call_zero_args(&c->core, 4);
}

/* The first bytes of a buffer of size bytes. */
WPT_INLINE uint64_t prefix(call *c, const void *p, int64_t size, bool mandatory)
{
    return can_read(c, p, mandatory) ? wpt_prefix_u64(p, length(size)) : 0;
}

WPT_INLINE uint64_t wsabuf_len(call *c, const WSABUF *b, bool mandatory)
{
    return can_read(c, b, mandatory) ? b->len : 0;
}

/* buffers, buffer_bytes. */
WPT_INLINE void buffer_args(call *c, const WSABUF *bufs, DWORD count)
{
    arg(c, count);
    arg(c, can_read(c, bufs, true) ? wpt_buffer_bytes((const wpt_wsabuf *)bufs, count) : 0);
}

/* The data length to record of a call that completed at once (CaptureBytes > 0). */
WPT_INLINE uint16_t capture_length(call *c, const WSABUF *bufs, DWORD count,
                                   const DWORD *transferred)
{
    if (c->capture_bytes == 0 || c->core.failed || !bufs || !transferred)
        return 0;
    return wpt_call_data_length(&c->core, (const wpt_wsabuf *)bufs, count, *transferred,
                                c->capture_bytes);
}

/* finished and record for a call that sent or received data (capture_length), returning
 * that length. */
WPT_INLINE uint16_t returned_data(call *c, int64_t result, bool failed, const WSABUF *bufs,
                              DWORD count, const DWORD *transferred)
{
    finished(c, failed);
    uint16_t n = capture_length(c, bufs, count, transferred);
    record(c, result, 0, n);
    return n;
}

WPT_INLINE void capture(call *c, const WSABUF *bufs, DWORD count, uint16_t n)
{
    if (n > 0)
        wpt_call_data(&c->core, (const wpt_wsabuf *)bufs, count);
}

/* ---- the 30 functions ---- */

static SOCKET traced_Accept(startup_slot *slot, SOCKET s, struct sockaddr *addr, LPINT addrlen,
                            LPCONDITIONPROC condition, DWORD_PTR data, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_ACCEPT, 0, e);
    SOCKET r = slot->lower.lpWSPAccept(s, addr, addrlen, condition, data, e);
    if (!traced)
        return r;
    c.socket = socket_value(r);
    returned(&c, (int64_t)(intptr_t)r, r == INVALID_SOCKET);
    arg(&c, out_int(&c, addrlen, false));
    arg(&c, U64(condition));
    arg(&c, data);
    out_sockaddr(&c, addr, addrlen, false);
    end(&c);
    return r;
}

static INT traced_AddressToString(startup_slot *slot, LPSOCKADDR addr, DWORD addrlen,
                                  LPWSAPROTOCOL_INFOW info, LPWSTR text, LPDWORD textlen,
                                  LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_ADDRESS_TO_STRING, 0, e);
    uint64_t len_in = traced ? in_dword(&c, textlen) : 0;
    INT r = slot->lower.lpWSPAddressToString(addr, addrlen, info, text, textlen, e);
    if (!traced)
        return r;
    finished(&c, r == SOCKET_ERROR);
    uint64_t len_out = out_dword(&c, textlen, true);
    uint16_t text_len = can_read_out(&c, text, true)
                            ? wpt_text_length((const uint16_t *)text,
                                              len_in < len_out ? len_in : len_out)
                            : 0;
    record(&c, r, text_len, 0);
    arg(&c, addrlen);
    arg(&c, len_in);
    arg(&c, len_out);
    in_sockaddr(&c, addr, (int)addrlen, true);
    wpt_call_text(&c.core, (const uint16_t *)text);
    end(&c);
    return r;
}

static int traced_AsyncSelect(startup_slot *slot, SOCKET s, HWND hwnd, unsigned int msg,
                              __LONG32 events, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_ASYNC_SELECT, socket_value(s), e);
    int r = slot->lower.lpWSPAsyncSelect(s, hwnd, msg, events, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, U64(hwnd));
    arg(&c, msg);
    arg(&c, INT(events));
    end(&c);
    return r;
}

static int traced_Bind(startup_slot *slot, SOCKET s, const struct sockaddr *name, int namelen,
                       LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_BIND, socket_value(s), e);
    int r = slot->lower.lpWSPBind(s, name, namelen, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, INT(namelen));
    in_sockaddr(&c, name, namelen, true);
    end(&c);
    return r;
}

static int traced_CancelBlockingCall(startup_slot *slot, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_CANCEL_BLOCKING_CALL, 0, e);
    int r = slot->lower.lpWSPCancelBlockingCall(e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    end(&c);
    return r;
}

/* Always the slot's thunk: the startup ends when the next provider's cleanup succeeds. The
 * flusher writes out what was recorded first, while the modules that made the upcalls are
 * still loaded (the cleanup below may free them). */
static int traced_Cleanup(startup_slot *slot, LPINT e)
{
    session_flush();
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_CLEANUP, 0, e);
    int r = slot->lower.lpWSPCleanup(e);
    if (traced) {
        returned(&c, r, r == SOCKET_ERROR);
        end(&c);
    }
    if (r == 0)
        startup_cleaned_up(slot);
    return r;
}

static int traced_CloseSocket(startup_slot *slot, SOCKET s, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_CLOSE_SOCKET, socket_value(s), e);
    int r = slot->lower.lpWSPCloseSocket(s, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    end(&c);
    return r;
}

static int traced_Connect(startup_slot *slot, SOCKET s, const struct sockaddr *name,
                          int namelen, LPWSABUF caller_data, LPWSABUF callee_data, LPQOS sqos,
                          LPQOS gqos, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_CONNECT, socket_value(s), e);
    int r = slot->lower.lpWSPConnect(s, name, namelen, caller_data, callee_data, sqos, gqos, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, INT(namelen));
    arg(&c, wsabuf_len(&c, caller_data, false));
    arg(&c, wsabuf_len(&c, callee_data, false));
    arg(&c, U64(sqos));
    arg(&c, U64(gqos));
    in_sockaddr(&c, name, namelen, true);
    end(&c);
    return r;
}

static int traced_DuplicateSocket(startup_slot *slot, SOCKET s, DWORD pid,
                                  LPWSAPROTOCOL_INFOW info, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_DUPLICATE_SOCKET, socket_value(s), e);
    int r = slot->lower.lpWSPDuplicateSocket(s, pid, info, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, pid);
    arg(&c, U64(info));
    end(&c);
    return r;
}

static int traced_EnumNetworkEvents(startup_slot *slot, SOCKET s, WSAEVENT event,
                                    LPWSANETWORKEVENTS events, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_ENUM_NETWORK_EVENTS, socket_value(s), e);
    int r = slot->lower.lpWSPEnumNetworkEvents(s, event, events, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, U64(event));
    arg(&c, can_read_out(&c, events, true) ? INT(events->lNetworkEvents) : 0);
    end(&c);
    return r;
}

static int traced_EventSelect(startup_slot *slot, SOCKET s, WSAEVENT event, __LONG32 events,
                              LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_EVENT_SELECT, socket_value(s), e);
    int r = slot->lower.lpWSPEventSelect(s, event, events, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, U64(event));
    arg(&c, INT(events));
    end(&c);
    return r;
}

static WINBOOL traced_GetOverlappedResult(startup_slot *slot, SOCKET s, LPWSAOVERLAPPED ov,
                                          LPDWORD transferred, WINBOOL wait, LPDWORD flags,
                                          LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_GET_OVERLAPPED_RESULT, socket_value(s), e);
    WINBOOL r = slot->lower.lpWSPGetOverlappedResult(s, ov, transferred, wait, flags, e);
    if (!traced)
        return r;
    returned(&c, r, !r);
    arg(&c, U64(ov));
    arg(&c, out_dword(&c, transferred, true));
    arg(&c, INT(wait));
    arg(&c, out_dword(&c, flags, true));
    end(&c);
    return r;
}

/* WSPGetPeerName and WSPGetSockName. */
static int traced_name(startup_slot *slot, wpt_function fn, LPWSPGETSOCKNAME lower, SOCKET s,
                       struct sockaddr *name, LPINT namelen, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, fn, socket_value(s), e);
    int r = lower(s, name, namelen, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, out_int(&c, namelen, true));
    out_sockaddr(&c, name, namelen, true);
    end(&c);
    return r;
}

static int traced_GetPeerName(startup_slot *slot, SOCKET s, struct sockaddr *name,
                              LPINT namelen, LPINT e)
{
    return traced_name(slot, WPT_FN_GET_PEER_NAME, slot->lower.lpWSPGetPeerName, s, name,
                       namelen, e);
}

static int traced_GetSockName(startup_slot *slot, SOCKET s, struct sockaddr *name,
                              LPINT namelen, LPINT e)
{
    return traced_name(slot, WPT_FN_GET_SOCK_NAME, slot->lower.lpWSPGetSockName, s, name,
                       namelen, e);
}

static int traced_GetSockOpt(startup_slot *slot, SOCKET s, int level, int optname,
                             char *optval, LPINT optlen, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_GET_SOCK_OPT, socket_value(s), e);
    uint64_t len_in = traced ? in_int(&c, optlen) : 0;
    int r = slot->lower.lpWSPGetSockOpt(s, level, optname, optval, optlen, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, INT(level));
    arg(&c, INT(optname));
    arg(&c, len_in);
    uint64_t len_out = out_int(&c, optlen, true);
    arg(&c, len_out);
    arg(&c, can_read_out(&c, optval, true) ? wpt_prefix_u64(optval, length((int64_t)len_out))
                                            : 0);
    end(&c);
    return r;
}

static WINBOOL traced_GetQOSByName(startup_slot *slot, SOCKET s, LPWSABUF name, LPQOS qos,
                                   LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_GET_QOS_BY_NAME, socket_value(s), e);
    WINBOOL r = slot->lower.lpWSPGetQOSByName(s, name, qos, e);
    if (!traced)
        return r;
    returned(&c, r, !r);
    arg(&c, wsabuf_len(&c, name, true));
    arg(&c, U64(qos));
    end(&c);
    return r;
}

static int traced_Ioctl(startup_slot *slot, SOCKET s, DWORD code, LPVOID in, DWORD in_size,
                        LPVOID out, DWORD out_size, LPDWORD returned_bytes, LPWSAOVERLAPPED ov,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                        LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_IOCTL, socket_value(s), e);
    int r = slot->lower.lpWSPIoctl(s, code, in, in_size, out, out_size, returned_bytes, ov,
                                   routine, thread, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, code);
    arg(&c, in_size);
    arg(&c, out_size);
    uint64_t bytes = out_dword(&c, returned_bytes, false);
    arg(&c, bytes);
    arg(&c, U64(ov));
    arg(&c, U64(routine));
    arg(&c, prefix(&c, in, in_size, false));
    uint64_t written = returned_bytes && bytes < out_size ? bytes : out_size;
    arg(&c, can_read_out(&c, out, false) ? wpt_prefix_u64(out, (size_t)written) : 0);
    end(&c);
    return r;
}

static SOCKET traced_JoinLeaf(startup_slot *slot, SOCKET s, const struct sockaddr *name,
                              int namelen, LPWSABUF caller_data, LPWSABUF callee_data,
                              LPQOS sqos, LPQOS gqos, DWORD flags, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_JOIN_LEAF, socket_value(s), e);
    SOCKET r = slot->lower.lpWSPJoinLeaf(s, name, namelen, caller_data, callee_data, sqos, gqos,
                                         flags, e);
    if (!traced)
        return r;
    returned(&c, (int64_t)(intptr_t)r, r == INVALID_SOCKET);
    arg(&c, INT(namelen));
    arg(&c, flags);
    in_sockaddr(&c, name, namelen, true);
    end(&c);
    return r;
}

static int traced_Listen(startup_slot *slot, SOCKET s, int backlog, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_LISTEN, socket_value(s), e);
    int r = slot->lower.lpWSPListen(s, backlog, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, INT(backlog));
    end(&c);
    return r;
}

/* The first args of a data transfer (WSPRecv, WSPRecvFrom, WSPSend, WSPSendTo): buffers,
 * buffer_bytes and the bytes transferred (out); returns how many bytes to capture. */
static uint16_t transfer_args(call *c, int r, LPWSABUF bufs, DWORD count, LPDWORD bytes)
{
    uint16_t captured = returned_data(c, r, r == SOCKET_ERROR, bufs, count, bytes);
    buffer_args(c, bufs, count);
    arg(c, out_dword(c, bytes, false));
    return captured;
}

/* WSPRecvDisconnect and WSPSendDisconnect: one signature, one arg (the data's length). */
static int traced_disconnect(startup_slot *slot, wpt_function fn, LPWSPRECVDISCONNECT lower,
                             SOCKET s, LPWSABUF data, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, fn, socket_value(s), e);
    int r = lower(s, data, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, wsabuf_len(&c, data, false));
    end(&c);
    return r;
}

static int traced_Recv(startup_slot *slot, SOCKET s, LPWSABUF bufs, DWORD count,
                       LPDWORD received, LPDWORD flags, LPWSAOVERLAPPED ov,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                       LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_RECV, socket_value(s), e);
    uint64_t flags_in = traced ? in_dword(&c, flags) : 0;
    int r = slot->lower.lpWSPRecv(s, bufs, count, received, flags, ov, routine, thread, e);
    if (!traced)
        return r;
    uint16_t captured = transfer_args(&c, r, bufs, count, received);
    arg(&c, flags_in);
    arg(&c, out_dword(&c, flags, true));
    arg(&c, U64(ov));
    arg(&c, U64(routine));
    capture(&c, bufs, count, captured);
    end(&c);
    return r;
}

static int traced_RecvDisconnect(startup_slot *slot, SOCKET s, LPWSABUF data, LPINT e)
{
    return traced_disconnect(slot, WPT_FN_RECV_DISCONNECT, slot->lower.lpWSPRecvDisconnect, s, data, e);
}

static int traced_RecvFrom(startup_slot *slot, SOCKET s, LPWSABUF bufs, DWORD count,
                           LPDWORD received, LPDWORD flags, struct sockaddr *from,
                           LPINT fromlen, LPWSAOVERLAPPED ov,
                           LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                           LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_RECV_FROM, socket_value(s), e);
    uint64_t flags_in = traced ? in_dword(&c, flags) : 0;
    int r = slot->lower.lpWSPRecvFrom(s, bufs, count, received, flags, from, fromlen, ov,
                                      routine, thread, e);
    if (!traced)
        return r;
    uint16_t captured = transfer_args(&c, r, bufs, count, received);
    arg(&c, flags_in);
    arg(&c, out_dword(&c, flags, true));
    arg(&c, U64(ov));
    arg(&c, U64(routine));
    arg(&c, out_int(&c, fromlen, false));
    out_sockaddr(&c, from, fromlen, false);
    capture(&c, bufs, count, captured);
    end(&c);
    return r;
}

static uint64_t in_fd_count(call *c, const fd_set *set)
{
    return in_value(c, set ? &set->fd_count : NULL);
}

static int traced_Select(startup_slot *slot, int nfds, fd_set *readfds, fd_set *writefds,
                         fd_set *exceptfds, const PTIMEVAL timeout, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_SELECT, 0, e);
    uint64_t in[3] = {0, 0, 0};
    if (traced) {
        in[0] = in_fd_count(&c, readfds);
        in[1] = in_fd_count(&c, writefds);
        in[2] = in_fd_count(&c, exceptfds);
    }
    int r = slot->lower.lpWSPSelect(nfds, readfds, writefds, exceptfds, timeout, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, INT(nfds));
    for (int i = 0; i < 3; i++)
        arg(&c, in[i]);
    arg(&c, can_read_out(&c, readfds, false) ? readfds->fd_count : 0);
    arg(&c, can_read_out(&c, writefds, false) ? writefds->fd_count : 0);
    arg(&c, can_read_out(&c, exceptfds, false) ? exceptfds->fd_count : 0);
    arg(&c, !timeout ? UINT64_MAX
                     : can_read(&c, timeout, false)
                           ? (uint64_t)timeout->tv_sec * 1000000u + (uint64_t)timeout->tv_usec
                           : 0);
    end(&c);
    return r;
}

static int traced_Send(startup_slot *slot, SOCKET s, LPWSABUF bufs, DWORD count, LPDWORD sent,
                       DWORD flags, LPWSAOVERLAPPED ov,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                       LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_SEND, socket_value(s), e);
    int r = slot->lower.lpWSPSend(s, bufs, count, sent, flags, ov, routine, thread, e);
    if (!traced)
        return r;
    uint16_t captured = transfer_args(&c, r, bufs, count, sent);
    arg(&c, flags);
    arg(&c, U64(ov));
    arg(&c, U64(routine));
    capture(&c, bufs, count, captured);
    end(&c);
    return r;
}

static int traced_SendDisconnect(startup_slot *slot, SOCKET s, LPWSABUF data, LPINT e)
{
    return traced_disconnect(slot, WPT_FN_SEND_DISCONNECT, slot->lower.lpWSPSendDisconnect, s, data, e);
}

static int traced_SendTo(startup_slot *slot, SOCKET s, LPWSABUF bufs, DWORD count,
                         LPDWORD sent, DWORD flags, const struct sockaddr *to, int tolen,
                         LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                         LPWSATHREADID thread, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_SEND_TO, socket_value(s), e);
    int r = slot->lower.lpWSPSendTo(s, bufs, count, sent, flags, to, tolen, ov, routine, thread,
                                    e);
    if (!traced)
        return r;
    uint16_t captured = transfer_args(&c, r, bufs, count, sent);
    arg(&c, flags);
    arg(&c, U64(ov));
    arg(&c, U64(routine));
    arg(&c, INT(tolen));
    in_sockaddr(&c, to, tolen, false);
    capture(&c, bufs, count, captured);
    end(&c);
    return r;
}

static int traced_SetSockOpt(startup_slot *slot, SOCKET s, int level, int optname,
                             const char *optval, int optlen, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_SET_SOCK_OPT, socket_value(s), e);
    int r = slot->lower.lpWSPSetSockOpt(s, level, optname, optval, optlen, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, INT(level));
    arg(&c, INT(optname));
    arg(&c, INT(optlen));
    arg(&c, prefix(&c, optval, optlen, true));
    end(&c);
    return r;
}

static int traced_Shutdown(startup_slot *slot, SOCKET s, int how, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_SHUTDOWN, socket_value(s), e);
    int r = slot->lower.lpWSPShutdown(s, how, e);
    if (!traced)
        return r;
    returned(&c, r, r == SOCKET_ERROR);
    arg(&c, INT(how));
    end(&c);
    return r;
}

static SOCKET traced_Socket(startup_slot *slot, int af, int type, int protocol,
                            LPWSAPROTOCOL_INFOW info, GROUP group, DWORD flags, LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_SOCKET, 0, e);
    SOCKET r = slot->lower.lpWSPSocket(af, type, protocol, info, group, flags, e);
    if (!traced)
        return r;
    c.socket = socket_value(r);
    returned(&c, (int64_t)(intptr_t)r, r == INVALID_SOCKET);
    arg(&c, INT(af));
    arg(&c, INT(type));
    arg(&c, INT(protocol));
    arg(&c, can_read(&c, info, true) ? info->dwCatalogEntryId : 0);
    arg(&c, group);
    arg(&c, flags);
    end(&c);
    return r;
}

static INT traced_StringToAddress(startup_slot *slot, LPWSTR text, INT family,
                                  LPWSAPROTOCOL_INFOW info, LPSOCKADDR addr, LPINT addrlen,
                                  LPINT e)
{
    call c;
    wpt_nest n;
    bool traced = begin(&c, &n, slot, WPT_FN_STRING_TO_ADDRESS, 0, e);
    uint64_t len_in = traced ? in_int(&c, addrlen) : 0;
    INT r = slot->lower.lpWSPStringToAddress(text, family, info, addr, addrlen, e);
    if (!traced)
        return r;
    finished(&c, r == SOCKET_ERROR);
    uint16_t text_len =
        can_read(&c, text, true) ? wpt_text_length((const uint16_t *)text, (size_t)-1) : 0;
    record(&c, r, text_len, 0);
    arg(&c, INT(family));
    arg(&c, len_in);
    arg(&c, out_int(&c, addrlen, true));
    out_sockaddr(&c, addr, addrlen, true);
    wpt_call_text(&c.core, (const uint16_t *)text);
    end(&c);
    return r;
}

int downcalls_startup(LPWSPSTARTUP lower_startup, bool record, WORD version, LPWSPDATA data,
                      LPWSAPROTOCOL_INFOW info, WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE procs)
{
    call c;
    wpt_nest n;
    bool traced = begin_call(&c, &n, record, WPT_FN_STARTUP, info->dwCatalogEntryId, 0, 0, NULL);
    int r = lower_startup(version, data, info, upcalls, procs);
    if (!traced)
        return r;
    returned(&c, r, r != 0);
    arg(&c, version);
    arg(&c, can_read_out(&c, data, true) ? data->wVersion : 0);
    end(&c);
    return r;
}

/* ---- the thunks of each slot ---- */

/* Every WSPPROC_TABLE entry in table order: name, return type, parameters, arguments. */
#define DOWNCALLS(X, n)                                                                        \
    X(n, Accept, SOCKET, (SOCKET s, struct sockaddr *a, LPINT l, LPCONDITIONPROC f,             \
                          DWORD_PTR d, LPINT e), (s, a, l, f, d, e))                            \
    X(n, AddressToString, INT, (LPSOCKADDR a, DWORD l, LPWSAPROTOCOL_INFOW i, LPWSTR t,         \
                                LPDWORD tl, LPINT e), (a, l, i, t, tl, e))                      \
    X(n, AsyncSelect, int, (SOCKET s, HWND h, unsigned int m, __LONG32 v, LPINT e),             \
      (s, h, m, v, e))                                                                         \
    X(n, Bind, int, (SOCKET s, const struct sockaddr *a, int l, LPINT e), (s, a, l, e))         \
    X(n, CancelBlockingCall, int, (LPINT e), (e))                                               \
    X(n, Cleanup, int, (LPINT e), (e))                                                          \
    X(n, CloseSocket, int, (SOCKET s, LPINT e), (s, e))                                         \
    X(n, Connect, int, (SOCKET s, const struct sockaddr *a, int l, LPWSABUF cd, LPWSABUF ce,    \
                        LPQOS sq, LPQOS gq, LPINT e), (s, a, l, cd, ce, sq, gq, e))             \
    X(n, DuplicateSocket, int, (SOCKET s, DWORD p, LPWSAPROTOCOL_INFOW i, LPINT e),             \
      (s, p, i, e))                                                                            \
    X(n, EnumNetworkEvents, int, (SOCKET s, WSAEVENT h, LPWSANETWORKEVENTS v, LPINT e),         \
      (s, h, v, e))                                                                            \
    X(n, EventSelect, int, (SOCKET s, WSAEVENT h, __LONG32 v, LPINT e), (s, h, v, e))           \
    X(n, GetOverlappedResult, WINBOOL, (SOCKET s, LPWSAOVERLAPPED o, LPDWORD t, WINBOOL w,      \
                                        LPDWORD f, LPINT e), (s, o, t, w, f, e))                \
    X(n, GetPeerName, int, (SOCKET s, struct sockaddr *a, LPINT l, LPINT e), (s, a, l, e))      \
    X(n, GetSockName, int, (SOCKET s, struct sockaddr *a, LPINT l, LPINT e), (s, a, l, e))      \
    X(n, GetSockOpt, int, (SOCKET s, int v, int o, char *p, LPINT l, LPINT e),                  \
      (s, v, o, p, l, e))                                                                      \
    X(n, GetQOSByName, WINBOOL, (SOCKET s, LPWSABUF b, LPQOS q, LPINT e), (s, b, q, e))         \
    X(n, Ioctl, int, (SOCKET s, DWORD k, LPVOID i, DWORD il, LPVOID o, DWORD ol, LPDWORD r,     \
                      LPWSAOVERLAPPED v, LPWSAOVERLAPPED_COMPLETION_ROUTINE c,                  \
                      LPWSATHREADID t, LPINT e), (s, k, i, il, o, ol, r, v, c, t, e))           \
    X(n, JoinLeaf, SOCKET, (SOCKET s, const struct sockaddr *a, int l, LPWSABUF cd,             \
                            LPWSABUF ce, LPQOS sq, LPQOS gq, DWORD f, LPINT e),                 \
      (s, a, l, cd, ce, sq, gq, f, e))                                                         \
    X(n, Listen, int, (SOCKET s, int b, LPINT e), (s, b, e))                                    \
    X(n, Recv, int, (SOCKET s, LPWSABUF b, DWORD k, LPDWORD r, LPDWORD f, LPWSAOVERLAPPED v,    \
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE c, LPWSATHREADID t, LPINT e),           \
      (s, b, k, r, f, v, c, t, e))                                                             \
    X(n, RecvDisconnect, int, (SOCKET s, LPWSABUF b, LPINT e), (s, b, e))                       \
    X(n, RecvFrom, int, (SOCKET s, LPWSABUF b, DWORD k, LPDWORD r, LPDWORD f,                   \
                         struct sockaddr *a, LPINT l, LPWSAOVERLAPPED v,                        \
                         LPWSAOVERLAPPED_COMPLETION_ROUTINE c, LPWSATHREADID t, LPINT e),       \
      (s, b, k, r, f, a, l, v, c, t, e))                                                       \
    X(n, Select, int, (int k, fd_set *r, fd_set *w, fd_set *x, const PTIMEVAL t, LPINT e),      \
      (k, r, w, x, t, e))                                                                      \
    X(n, Send, int, (SOCKET s, LPWSABUF b, DWORD k, LPDWORD r, DWORD f, LPWSAOVERLAPPED v,      \
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE c, LPWSATHREADID t, LPINT e),           \
      (s, b, k, r, f, v, c, t, e))                                                             \
    X(n, SendDisconnect, int, (SOCKET s, LPWSABUF b, LPINT e), (s, b, e))                       \
    X(n, SendTo, int, (SOCKET s, LPWSABUF b, DWORD k, LPDWORD r, DWORD f,                       \
                       const struct sockaddr *a, int l, LPWSAOVERLAPPED v,                      \
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE c, LPWSATHREADID t, LPINT e),         \
      (s, b, k, r, f, a, l, v, c, t, e))                                                       \
    X(n, SetSockOpt, int, (SOCKET s, int v, int o, const char *p, int l, LPINT e),              \
      (s, v, o, p, l, e))                                                                      \
    X(n, Shutdown, int, (SOCKET s, int h, LPINT e), (s, h, e))                                  \
    X(n, Socket, SOCKET, (int a, int t, int p, LPWSAPROTOCOL_INFOW i, GROUP g, DWORD f,         \
                          LPINT e), (a, t, p, i, g, f, e))                                      \
    X(n, StringToAddress, INT, (LPWSTR t, INT a, LPWSAPROTOCOL_INFOW i, LPSOCKADDR s,           \
                                LPINT l, LPINT e), (t, a, i, s, l, e))

#define UNPACK(...) __VA_ARGS__
#define THUNK(n, name, type, params, args)                                                     \
    static type WSPAPI slot##n##_##name params                                                 \
    {                                                                                          \
        return traced_##name(&startups[n], UNPACK args);                                       \
    }
#define ENTRY(n, name, type, params, args) slot##n##_##name,
#define SLOT(n)                                                                                \
    DOWNCALLS(THUNK, n)                                                                        \
    static const WSPPROC_TABLE slot##n##_table = {DOWNCALLS(ENTRY, n)};

SLOT(0) SLOT(1) SLOT(2) SLOT(3) SLOT(4) SLOT(5) SLOT(6) SLOT(7)
SLOT(8) SLOT(9) SLOT(10) SLOT(11) SLOT(12) SLOT(13) SLOT(14) SLOT(15)
SLOT(16) SLOT(17) SLOT(18) SLOT(19) SLOT(20) SLOT(21) SLOT(22) SLOT(23)
SLOT(24) SLOT(25) SLOT(26) SLOT(27) SLOT(28) SLOT(29) SLOT(30) SLOT(31)

static const WSPPROC_TABLE *const slot_tables[MAX_STARTUPS] = {
    &slot0_table, &slot1_table, &slot2_table, &slot3_table, &slot4_table, &slot5_table,
    &slot6_table, &slot7_table, &slot8_table, &slot9_table, &slot10_table, &slot11_table,
    &slot12_table, &slot13_table, &slot14_table, &slot15_table, &slot16_table, &slot17_table,
    &slot18_table, &slot19_table, &slot20_table, &slot21_table, &slot22_table, &slot23_table,
    &slot24_table, &slot25_table, &slot26_table, &slot27_table, &slot28_table, &slot29_table,
    &slot30_table, &slot31_table,
};

void downcalls_table(int slot, WSPPROC_TABLE *table)
{
    typedef void (*entry)(void);
    _Static_assert(sizeof(WSPPROC_TABLE) == (WPT_FUNCTION_COUNT - 1) * sizeof(entry),
                   "WSPPROC_TABLE holds the 30 functions before WSPStartup");
    const entry *thunks = (const entry *)slot_tables[slot];
    const entry *lower = (const entry *)&startups[slot].lower;
    entry *out = (entry *)table;
    for (unsigned f = 0; f < WPT_FUNCTION_COUNT - 1; f++)
        out[f] = f == WPT_FN_CLEANUP || ((startups[slot].downcalls >> f) & 1u) ? thunks[f]
                                                                                 : lower[f];
}
