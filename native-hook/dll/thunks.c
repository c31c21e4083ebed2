/* The 15 upcall-table thunks and the WPUCompleteOverlappedRequest thunk. Each one notes its
 * caller (return address), times the real upcall, then claims a slot of the lock-free ring and
 * writes arguments, result and error straight into it (core/wpt_call.h). No locks, no
 * allocation, no blocking; GetLastError (= WSAGetLastError) is what the real upcall left; a
 * per-thread TLS slot links the thread's traced calls in progress (nesting, shared with the
 * downcall thunks): an upcall names the downcall it was made in and is marked when it
 * re-entered another upcall. WSPAPI is stdcall on x86.
 *
 * Only what the callee said is recorded (SPEC.md, "What was said"): *lpErrno and the
 * out-arguments get a marker before the call; where the callee left the marker, the caller's
 * own value is put back and the event says "not given" instead of showing a stale value. */
#include <string.h>

#include "tracer.h"

static WSPUPCALLTABLE real;
static volatile LONG real_state; /* 0 none, 1 being stored, 2 stored */
static LPWPUCOMPLETEOVERLAPPEDREQUEST real_complete;
DWORD calls_tls_slot = TLS_OUT_OF_INDEXES;

#define OUT_MARKER ((DWORD_PTR)UINT64_C(0x5750555357505553))

/* One traced upcall on its thunk's stack (its wpt_nest apart: see wpt_call.h). */
typedef struct frame {
    wpt_call c;
    DWORD last_error;
    void *caller; /* return address of the upcall */
} frame;

/* An out-argument of pointer size, marked before the call. */
typedef struct out_slot {
    DWORD_PTR *at; /* NULL: the caller passed no pointer */
    DWORD_PTR caller_value;
} out_slot;

WPT_INLINE out_slot mark_out(void *pointer)
{
    out_slot o = {(DWORD_PTR *)pointer, 0};
    if (o.at) {
        o.caller_value = *o.at;
        *o.at = OUT_MARKER;
    }
    return o;
}

WPT_INLINE void arg(frame *f, uint64_t value) { wpt_call_arg(&f->c, value); }

/* Records the out-argument as the caller sees it; read tells whether the call's result makes
 * the value meaningful (e.g. it succeeded). Puts the caller's value back where the callee left
 * the marker. */
WPT_INLINE void out_arg(frame *f, out_slot *o, bool read)
{
    if (!o->at) {
        f->c.flags |= WPT_UPCALL_FLAG_NULL_OUT;
        arg(f, 0);
        return;
    }
    if (*o->at == OUT_MARKER) {
        *o->at = o->caller_value;
        if (read)
            f->c.flags |= WPT_UPCALL_FLAG_OUT_NOT_WRITTEN;
    }
    arg(f, read ? (uint64_t)*o->at : 0);
}

/* lpErrno: NULL for the upcalls that have none. The thunks exist only with a TLS slot
 * (thunks_wrap). */
WPT_INLINE void enter(frame *f, wpt_nest *n, wpt_upcall upcall, void *caller, LPINT lp_errno)
{
    wpt_call_start(&f->c, n, WPT_EVENT_UPCALL, upcall, innermost_call(), 0);
    set_innermost_call(n);
    f->caller = caller;
    wpt_call_mark_errno(&f->c, (int32_t *)lp_errno);
    f->c.start_ticks = session_now();
}

/* Right after the real upcall: the time, its last error, what it said in *lpErrno; claims the
 * event (text_len units of text) and writes its fixed fields. The args follow, then leave. */
WPT_INLINE void returned_text(frame *f, int64_t result, bool failed, uint16_t text_len)
{
    uint64_t end = session_now();
    f->last_error = *teb_last_error();
    wpt_call_returned(&f->c, failed, end);
    wpt_call_record(&f->c, session_active() ? &tracer_recorder : NULL, teb_thread_id(),
                    (uint64_t)(uintptr_t)f->caller, 0, 0, result, text_len, 0);
}

WPT_INLINE void returned(frame *f, int64_t result, bool failed)
{
    returned_text(f, result, failed, 0);
}

WPT_INLINE void leave(frame *f)
{
    if (wpt_call_publish(&f->c))
        session_wake_flusher();
    set_innermost_call(f->c.nest->outer);
    *teb_last_error() = f->last_error;
}

#define U64(x) ((uint64_t)(uintptr_t)(x))
#define CALLER __builtin_return_address(0)

/* A WSATHREADID argument as it was before the call (zeros for a null pointer). */
static WSATHREADID thread_in(const WSATHREADID *thread)
{
    WSATHREADID in = {0};
    if (thread)
        in = *thread;
    return in;
}

/* Its two members. */
static void thread_args(frame *f, const WSATHREADID *thread)
{
    arg(f, U64(thread->ThreadHandle));
    arg(f, U64(thread->Reserved));
}

/* WPUCloseEvent, WPUResetEvent and WPUSetEvent: BOOL (WSAEVENT, LPINT). */
static BOOL event_upcall(wpt_upcall upcall, LPWPUSETEVENT real_fn, WSAEVENT h, LPINT e,
                         void *caller)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, upcall, caller, e);
    BOOL r = real_fn(h, e);
    returned(&f, r, !r);
    arg(&f, U64(h));
    leave(&f);
    return r;
}

static BOOL WSPAPI Hook_WPUCloseEvent(WSAEVENT h, LPINT e)
{
    return event_upcall(WPT_UPCALL_CLOSE_EVENT, real.lpWPUCloseEvent, h, e, CALLER);
}

static int WSPAPI Hook_WPUCloseSocketHandle(SOCKET s, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_CLOSE_SOCKET_HANDLE, CALLER, e);
    int r = real.lpWPUCloseSocketHandle(s, e);
    returned(&f, r, r == SOCKET_ERROR);
    arg(&f, U64(s));
    leave(&f);
    return r;
}

static WSAEVENT WSPAPI Hook_WPUCreateEvent(LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_CREATE_EVENT, CALLER, e);
    WSAEVENT r = real.lpWPUCreateEvent(e);
    returned(&f, (int64_t)(intptr_t)r, r == WSA_INVALID_EVENT);
    leave(&f);
    return r;
}

static SOCKET WSPAPI Hook_WPUCreateSocketHandle(DWORD id, DWORD_PTR context, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_CREATE_SOCKET_HANDLE, CALLER, e);
    SOCKET r = real.lpWPUCreateSocketHandle(id, context, e);
    returned(&f, (int64_t)(intptr_t)r, r == INVALID_SOCKET);
    arg(&f, id);
    arg(&f, U64(context));
    leave(&f);
    return r;
}

static int WSPAPI Hook_WPUFDIsSet(SOCKET s, fd_set *set)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_FD_ISSET, CALLER, NULL);
    int r = real.lpWPUFDIsSet(s, set);
    returned(&f, r, false);
    arg(&f, U64(s));
    arg(&f, U64(set));
    leave(&f);
    return r;
}

static int WSPAPI Hook_WPUGetProviderPath(LPGUID id, WCHAR *path, LPINT len, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_GET_PROVIDER_PATH, CALLER, e);
    uint64_t halves[2] = {0, 0};
    if (id)
        memcpy(halves, id, sizeof halves);
    int len_in = len ? *len : 0;
    int r = real.lpWPUGetProviderPath(id, path, len, e);
    uint16_t text_len = 0;
    if (r == 0 && path && len) { /* *len may count the NUL or not: bounded by both lengths */
        int bound = len_in < *len ? len_in : *len;
        text_len = wpt_text_length((const uint16_t *)path, bound > 0 ? (size_t)bound : 0);
    }
    returned_text(&f, r, r == SOCKET_ERROR, text_len);
    arg(&f, halves[0]);
    arg(&f, halves[1]);
    arg(&f, (uint64_t)(int64_t)len_in);
    if (!len)
        f.c.flags |= WPT_UPCALL_FLAG_NULL_OUT;
    arg(&f, len ? (uint64_t)(int64_t)*len : 0);
    wpt_call_text(&f.c, (const uint16_t *)path);
    leave(&f);
    return r;
}

static SOCKET WSPAPI Hook_WPUModifyIFSHandle(DWORD id, SOCKET proposed, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_MODIFY_IFS_HANDLE, CALLER, e);
    SOCKET r = real.lpWPUModifyIFSHandle(id, proposed, e);
    returned(&f, (int64_t)(intptr_t)r, r == INVALID_SOCKET);
    arg(&f, id);
    arg(&f, U64(proposed));
    leave(&f);
    return r;
}

static BOOL WSPAPI Hook_WPUPostMessage(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_POST_MESSAGE, CALLER, NULL);
    BOOL r = real.lpWPUPostMessage(hwnd, msg, wparam, lparam);
    returned(&f, r, false);
    arg(&f, U64(hwnd));
    arg(&f, msg);
    arg(&f, U64(wparam));
    arg(&f, U64(lparam));
    leave(&f);
    return r;
}

static int WSPAPI Hook_WPUQueryBlockingCallback(DWORD id, LPBLOCKINGCALLBACK *callback,
                                                PDWORD_PTR context, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_QUERY_BLOCKING_CALLBACK, CALLER, e);
    out_slot callback_out = mark_out(callback), context_out = mark_out(context);
    int r = real.lpWPUQueryBlockingCallback(id, callback, context, e);
    returned(&f, r, r == SOCKET_ERROR);
    arg(&f, id);
    out_arg(&f, &callback_out, r == 0);
    out_arg(&f, &context_out, r == 0);
    leave(&f);
    return r;
}

static int WSPAPI Hook_WPUQuerySocketHandleContext(SOCKET s, PDWORD_PTR context, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_QUERY_SOCKET_HANDLE_CONTEXT, CALLER, e);
    out_slot context_out = mark_out(context);
    int r = real.lpWPUQuerySocketHandleContext(s, context, e);
    returned(&f, r, r == SOCKET_ERROR);
    arg(&f, U64(s));
    out_arg(&f, &context_out, r == 0);
    leave(&f);
    return r;
}

static int WSPAPI Hook_WPUQueueApc(LPWSATHREADID thread, LPWSAUSERAPC routine, DWORD_PTR context,
                                   LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_QUEUE_APC, CALLER, e);
    WSATHREADID in = thread_in(thread);
    int r = real.lpWPUQueueApc(thread, routine, context, e);
    returned(&f, r, r == SOCKET_ERROR);
    thread_args(&f, &in);
    arg(&f, U64(routine));
    arg(&f, U64(context));
    leave(&f);
    return r;
}

static BOOL WSPAPI Hook_WPUResetEvent(WSAEVENT h, LPINT e)
{
    return event_upcall(WPT_UPCALL_RESET_EVENT, real.lpWPUResetEvent, h, e, CALLER);
}

static BOOL WSPAPI Hook_WPUSetEvent(WSAEVENT h, LPINT e)
{
    return event_upcall(WPT_UPCALL_SET_EVENT, real.lpWPUSetEvent, h, e, CALLER);
}

static int WSPAPI Hook_WPUOpenCurrentThread(LPWSATHREADID thread, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_OPEN_CURRENT_THREAD, CALLER, e);
    out_slot handle_out = mark_out(thread ? (void *)&thread->ThreadHandle : NULL);
    out_slot reserved_out = mark_out(thread ? &thread->Reserved : NULL);
    int r = real.lpWPUOpenCurrentThread(thread, e);
    returned(&f, r, r == SOCKET_ERROR);
    out_arg(&f, &handle_out, r == 0);
    out_arg(&f, &reserved_out, r == 0);
    leave(&f);
    return r;
}

static int WSPAPI Hook_WPUCloseThread(LPWSATHREADID thread, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_CLOSE_THREAD, CALLER, e);
    WSATHREADID in = thread_in(thread);
    int r = real.lpWPUCloseThread(thread, e);
    returned(&f, r, r == SOCKET_ERROR);
    thread_args(&f, &in);
    leave(&f);
    return r;
}

static int WSPAPI Hook_WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED ov, DWORD error,
                                                    DWORD transferred, LPINT e)
{
    frame f;
    wpt_nest n;
    enter(&f, &n, WPT_UPCALL_COMPLETE_OVERLAPPED_REQUEST, CALLER, e);
    int r = real_complete(s, ov, error, transferred, e);
    returned(&f, r, r == SOCKET_ERROR);
    arg(&f, U64(s));
    arg(&f, U64(ov));
    arg(&f, error);
    arg(&f, transferred);
    leave(&f);
    return r;
}

static const WSPUPCALLTABLE hooks = {
    Hook_WPUCloseEvent,     Hook_WPUCloseSocketHandle,        Hook_WPUCreateEvent,
    Hook_WPUCreateSocketHandle, Hook_WPUFDIsSet,              Hook_WPUGetProviderPath,
    Hook_WPUModifyIFSHandle, Hook_WPUPostMessage,             Hook_WPUQueryBlockingCallback,
    Hook_WPUQuerySocketHandleContext, Hook_WPUQueueApc,       Hook_WPUResetEvent,
    Hook_WPUSetEvent,       Hook_WPUOpenCurrentThread,        Hook_WPUCloseThread,
};

bool thunks_init(void)
{
    calls_tls_slot = TlsAlloc();
    return calls_tracked();
}

void thunks_free(void)
{
    if (calls_tracked())
        TlsFree(calls_tls_slot);
    calls_tls_slot = TLS_OUT_OF_INDEXES;
}

bool thunks_wrap(const WSPUPCALLTABLE *table, WSPUPCALLTABLE *wrapped)
{
    if (!calls_tracked())
        return false;
    if (InterlockedCompareExchange(&real_state, 1, 0) == 0) {
        real = *table;
        InterlockedExchange(&real_state, 2);
    }
    while (real_state != 2)
        SwitchToThread();
    if (memcmp(&real, table, sizeof real) != 0)
        return false;
    *wrapped = hooks;
    return true;
}

LPWPUCOMPLETEOVERLAPPEDREQUEST thunks_complete_overlapped(LPWPUCOMPLETEOVERLAPPEDREQUEST target)
{
    if (!calls_tracked())
        return NULL;
    LPWPUCOMPLETEOVERLAPPEDREQUEST seen = InterlockedCompareExchangePointer(
        (void *volatile *)&real_complete, (void *)target, NULL);
    return !seen || seen == target ? Hook_WPUCompleteOverlappedRequest : NULL;
}
