/* The 15 upcall-table thunks and the WPUCompleteOverlappedRequest thunk. Each one notes its
 * caller (return address), times the real upcall, records arguments, result and error into an
 * event on its own stack and pushes it into the lock-free ring. No locks, no allocation, no
 * blocking; GetLastError (= WSAGetLastError) is what the real upcall left; a per-thread TLS
 * slot links the thread's traced calls in progress (nesting, shared with the downcall thunks):
 * an upcall names the downcall it was made in and is marked when it re-entered another upcall.
 * WSPAPI is stdcall on x86.
 *
 * Only what the callee said is recorded (SPEC.md, "What was said"): *lpErrno and the
 * out-arguments get a marker before the call; where the callee left the marker, the caller's
 * own value is put back and the event says "not given" instead of showing a stale value. */
#include <string.h>

#include "tracer.h"

static WSPUPCALLTABLE real;
static volatile LONG real_state; /* 0 none, 1 being stored, 2 stored */
static LPWPUCOMPLETEOVERLAPPEDREQUEST real_complete;
static DWORD tls_slot = TLS_OUT_OF_INDEXES;

#define ERRNO_MARKER 0x57505553 /* 'WPUS': no error code is this value */
#define OUT_MARKER ((DWORD_PTR)UINT64_C(0x5750555357505553))

typedef struct frame {
    nesting nest;
    wpt_event ev;
    DWORD last_error;
    bool nested;     /* nest was pushed */
    LPINT lp_errno;  /* the caller's lpErrno (may be NULL) */
    int caller_errno;
} frame;

/* An out-argument of pointer size, marked before the call. */
typedef struct out_slot {
    DWORD_PTR *at; /* NULL: the caller passed no pointer */
    DWORD_PTR caller_value;
} out_slot;

static out_slot mark_out(void *pointer)
{
    out_slot o = {(DWORD_PTR *)pointer, 0};
    if (o.at) {
        o.caller_value = *o.at;
        *o.at = OUT_MARKER;
    }
    return o;
}

/* Records the out-argument as the caller sees it; read tells whether the call's result makes
 * the value meaningful (e.g. it succeeded). Puts the caller's value back where the callee left
 * the marker. */
static void out_arg(frame *f, out_slot *o, bool read)
{
    if (!o->at) {
        f->ev.flags |= WPT_UPCALL_FLAG_NULL_OUT;
        wpt_record_arg(&f->ev, 0);
        return;
    }
    if (*o->at == OUT_MARKER) {
        *o->at = o->caller_value;
        if (read)
            f->ev.flags |= WPT_UPCALL_FLAG_OUT_NOT_WRITTEN;
    }
    wpt_record_arg(&f->ev, read ? (uint64_t)*o->at : 0);
}

/* lpErrno: NULL for the upcalls that have none. */
static void enter(frame *f, wpt_upcall upcall, void *caller, LPINT lp_errno)
{
    f->last_error = GetLastError(); /* TlsGetValue clears it */
    f->nested = nesting_push(&f->nest, true, 0);
    wpt_record_begin(&f->ev, upcall, GetCurrentThreadId(), (uint64_t)(uintptr_t)caller, 0);
    if (f->nested && f->nest.outer) {
        f->ev.parent_call_id = f->nest.outer->call_id;
        if (f->nest.outer->in_upcall)
            f->ev.flags |= WPT_UPCALL_FLAG_REENTERED;
    }
    f->lp_errno = lp_errno;
    if (lp_errno) {
        f->caller_errno = *lp_errno;
        *lp_errno = ERRNO_MARKER;
    }
    SetLastError(f->last_error);
    f->ev.start_ticks = session_now();
}

static void arg(frame *f, uint64_t value) { wpt_record_arg(&f->ev, value); }

static void leave(frame *f, int64_t result, bool failed)
{
    uint64_t end = session_now();
    f->last_error = GetLastError();
    int32_t error = 0;
    if (f->lp_errno && *f->lp_errno == ERRNO_MARKER) {
        *f->lp_errno = f->caller_errno;
        if (failed)
            f->ev.flags |= WPT_UPCALL_FLAG_NO_ERROR_CODE;
    } else if (f->lp_errno && failed) {
        error = *f->lp_errno;
    }
    if (session_active())
        wpt_record_commit(&tracer_recorder, &f->ev, end, result, error);
    if (f->nested)
        nesting_pop(&f->nest);
    SetLastError(f->last_error);
}

#define U64(x) ((uint64_t)(uintptr_t)(x))
#define CALLER __builtin_return_address(0)

/* The two members of a WSATHREADID argument. */
static void thread_args(frame *f, const WSATHREADID *thread)
{
    arg(f, thread ? U64(thread->ThreadHandle) : 0);
    arg(f, thread ? U64(thread->Reserved) : 0);
}

/* WPUCloseEvent, WPUResetEvent and WPUSetEvent: BOOL (WSAEVENT, LPINT). */
static BOOL event_upcall(wpt_upcall upcall, LPWPUSETEVENT real_fn, WSAEVENT h, LPINT e,
                         void *caller)
{
    frame f;
    enter(&f, upcall, caller, e);
    arg(&f, U64(h));
    BOOL r = real_fn(h, e);
    leave(&f, r, !r);
    return r;
}

static BOOL WSPAPI Hook_WPUCloseEvent(WSAEVENT h, LPINT e)
{
    return event_upcall(WPT_UPCALL_CLOSE_EVENT, real.lpWPUCloseEvent, h, e, CALLER);
}

static int WSPAPI Hook_WPUCloseSocketHandle(SOCKET s, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CLOSE_SOCKET_HANDLE, CALLER, e);
    arg(&f, U64(s));
    int r = real.lpWPUCloseSocketHandle(s, e);
    leave(&f, r, r == SOCKET_ERROR);
    return r;
}

static WSAEVENT WSPAPI Hook_WPUCreateEvent(LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CREATE_EVENT, CALLER, e);
    WSAEVENT r = real.lpWPUCreateEvent(e);
    leave(&f, (int64_t)(intptr_t)r, r == WSA_INVALID_EVENT);
    return r;
}

static SOCKET WSPAPI Hook_WPUCreateSocketHandle(DWORD id, DWORD_PTR context, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CREATE_SOCKET_HANDLE, CALLER, e);
    arg(&f, id);
    arg(&f, U64(context));
    SOCKET r = real.lpWPUCreateSocketHandle(id, context, e);
    leave(&f, (int64_t)(intptr_t)r, r == INVALID_SOCKET);
    return r;
}

static int WSPAPI Hook_WPUFDIsSet(SOCKET s, fd_set *set)
{
    frame f;
    enter(&f, WPT_UPCALL_FD_ISSET, CALLER, NULL);
    arg(&f, U64(s));
    arg(&f, U64(set));
    int r = real.lpWPUFDIsSet(s, set);
    leave(&f, r, false);
    return r;
}

static int WSPAPI Hook_WPUGetProviderPath(LPGUID id, WCHAR *path, LPINT len, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_GET_PROVIDER_PATH, CALLER, e);
    uint64_t halves[2] = {0, 0};
    if (id)
        memcpy(halves, id, sizeof halves);
    arg(&f, halves[0]);
    arg(&f, halves[1]);
    int len_in = len ? *len : 0;
    arg(&f, (uint64_t)(int64_t)len_in);
    int r = real.lpWPUGetProviderPath(id, path, len, e);
    if (!len)
        f.ev.flags |= WPT_UPCALL_FLAG_NULL_OUT;
    arg(&f, len ? (uint64_t)(int64_t)*len : 0);
    if (r == 0 && path && len) { /* *len may count the NUL or not: bounded by both lengths */
        int bound = len_in < *len ? len_in : *len;
        wpt_record_text(&f.ev, (const uint16_t *)path, bound > 0 ? (size_t)bound : 0);
    }
    leave(&f, r, r == SOCKET_ERROR);
    return r;
}

static SOCKET WSPAPI Hook_WPUModifyIFSHandle(DWORD id, SOCKET proposed, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_MODIFY_IFS_HANDLE, CALLER, e);
    arg(&f, id);
    arg(&f, U64(proposed));
    SOCKET r = real.lpWPUModifyIFSHandle(id, proposed, e);
    leave(&f, (int64_t)(intptr_t)r, r == INVALID_SOCKET);
    return r;
}

static BOOL WSPAPI Hook_WPUPostMessage(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    frame f;
    enter(&f, WPT_UPCALL_POST_MESSAGE, CALLER, NULL);
    arg(&f, U64(hwnd));
    arg(&f, msg);
    arg(&f, U64(wparam));
    arg(&f, U64(lparam));
    BOOL r = real.lpWPUPostMessage(hwnd, msg, wparam, lparam);
    leave(&f, r, false);
    return r;
}

static int WSPAPI Hook_WPUQueryBlockingCallback(DWORD id, LPBLOCKINGCALLBACK *callback,
                                                PDWORD_PTR context, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_QUERY_BLOCKING_CALLBACK, CALLER, e);
    arg(&f, id);
    out_slot callback_out = mark_out(callback), context_out = mark_out(context);
    int r = real.lpWPUQueryBlockingCallback(id, callback, context, e);
    out_arg(&f, &callback_out, r == 0);
    out_arg(&f, &context_out, r == 0);
    leave(&f, r, r == SOCKET_ERROR);
    return r;
}

static int WSPAPI Hook_WPUQuerySocketHandleContext(SOCKET s, PDWORD_PTR context, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_QUERY_SOCKET_HANDLE_CONTEXT, CALLER, e);
    arg(&f, U64(s));
    out_slot context_out = mark_out(context);
    int r = real.lpWPUQuerySocketHandleContext(s, context, e);
    out_arg(&f, &context_out, r == 0);
    leave(&f, r, r == SOCKET_ERROR);
    return r;
}

static int WSPAPI Hook_WPUQueueApc(LPWSATHREADID thread, LPWSAUSERAPC routine, DWORD_PTR context,
                                   LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_QUEUE_APC, CALLER, e);
    thread_args(&f, thread);
    arg(&f, U64(routine));
    arg(&f, U64(context));
    int r = real.lpWPUQueueApc(thread, routine, context, e);
    leave(&f, r, r == SOCKET_ERROR);
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
    enter(&f, WPT_UPCALL_OPEN_CURRENT_THREAD, CALLER, e);
    out_slot handle_out = mark_out(thread ? (void *)&thread->ThreadHandle : NULL);
    out_slot reserved_out = mark_out(thread ? &thread->Reserved : NULL);
    int r = real.lpWPUOpenCurrentThread(thread, e);
    out_arg(&f, &handle_out, r == 0);
    out_arg(&f, &reserved_out, r == 0);
    leave(&f, r, r == SOCKET_ERROR);
    return r;
}

static int WSPAPI Hook_WPUCloseThread(LPWSATHREADID thread, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CLOSE_THREAD, CALLER, e);
    thread_args(&f, thread);
    int r = real.lpWPUCloseThread(thread, e);
    leave(&f, r, r == SOCKET_ERROR);
    return r;
}

static int WSPAPI Hook_WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED ov, DWORD error,
                                                    DWORD transferred, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_COMPLETE_OVERLAPPED_REQUEST, CALLER, e);
    arg(&f, U64(s));
    arg(&f, U64(ov));
    arg(&f, error);
    arg(&f, transferred);
    int r = real_complete(s, ov, error, transferred, e);
    leave(&f, r, r == SOCKET_ERROR);
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
    tls_slot = TlsAlloc();
    return tls_slot != TLS_OUT_OF_INDEXES;
}

void thunks_free(void)
{
    if (tls_slot != TLS_OUT_OF_INDEXES)
        TlsFree(tls_slot);
    tls_slot = TLS_OUT_OF_INDEXES;
}

bool nesting_push(nesting *n, bool upcall, uint32_t call_id)
{
    if (tls_slot == TLS_OUT_OF_INDEXES)
        return false;
    n->outer = TlsGetValue(tls_slot);
    n->in_upcall = upcall || (n->outer && n->outer->in_upcall);
    n->call_id = call_id ? call_id : n->outer ? n->outer->call_id : 0;
    TlsSetValue(tls_slot, n);
    return true;
}

void nesting_pop(const nesting *n) { TlsSetValue(tls_slot, (void *)n->outer); }

bool thunks_wrap(const WSPUPCALLTABLE *table, WSPUPCALLTABLE *wrapped)
{
    if (tls_slot == TLS_OUT_OF_INDEXES)
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
    if (tls_slot == TLS_OUT_OF_INDEXES)
        return NULL;
    LPWPUCOMPLETEOVERLAPPEDREQUEST seen = InterlockedCompareExchangePointer(
        (void *volatile *)&real_complete, (void *)target, NULL);
    return !seen || seen == target ? Hook_WPUCompleteOverlappedRequest : NULL;
}
