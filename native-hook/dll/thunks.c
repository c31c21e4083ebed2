/* The 15 upcall-table thunks and the WPUCompleteOverlappedRequest thunk. Each one notes its
 * caller (return address), times the real upcall, records arguments, result and error into an
 * event on its own stack and pushes it into the lock-free ring. No locks, no allocation, no
 * blocking; GetLastError (= WSAGetLastError) is what the real upcall left; a per-thread TLS
 * slot marks calls re-entered from inside another thunk. WSPAPI is stdcall on x86. */
#include <string.h>

#include "tracer.h"

static WSPUPCALLTABLE real;
static volatile LONG real_state; /* 0 none, 1 being stored, 2 stored */
static LPWPUCOMPLETEOVERLAPPEDREQUEST real_complete;
static DWORD tls_slot = TLS_OUT_OF_INDEXES;

typedef struct frame {
    wpt_upcall_event ev;
    DWORD last_error;
    void *outer; /* the frame of the thunk this call re-entered from, or NULL */
} frame;

static void enter(frame *f, wpt_upcall upcall, void *caller)
{
    f->last_error = GetLastError(); /* TlsGetValue clears it */
    f->outer = TlsGetValue(tls_slot);
    TlsSetValue(tls_slot, f);
    wpt_record_begin(&f->ev, upcall, GetCurrentThreadId(), (uint64_t)(uintptr_t)caller, 0);
    if (f->outer)
        f->ev.upcall_flags |= WPT_UPCALL_FLAG_REENTERED;
    SetLastError(f->last_error);
    f->ev.start_ticks = session_now();
}

static void arg(frame *f, uint64_t value) { wpt_record_arg(&f->ev, value); }

static void out_arg(frame *f, const void *pointer, uint64_t value)
{
    if (!pointer)
        f->ev.upcall_flags |= WPT_UPCALL_FLAG_NULL_OUT;
    wpt_record_arg(&f->ev, pointer ? value : 0);
}

static void leave(frame *f, int64_t result, bool failed, const int *lpErrno)
{
    uint64_t end = session_now();
    f->last_error = GetLastError();
    if (session_active())
        wpt_record_commit(&tracer_recorder, &f->ev, end, result,
                          failed && lpErrno ? *lpErrno : 0);
    TlsSetValue(tls_slot, f->outer);
    SetLastError(f->last_error);
}

#define U64(x) ((uint64_t)(uintptr_t)(x))
#define CALLER __builtin_return_address(0)

static BOOL WSPAPI Hook_WPUCloseEvent(WSAEVENT h, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CLOSE_EVENT, CALLER);
    arg(&f, U64(h));
    BOOL r = real.lpWPUCloseEvent(h, e);
    leave(&f, r, !r, e);
    return r;
}

static int WSPAPI Hook_WPUCloseSocketHandle(SOCKET s, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CLOSE_SOCKET_HANDLE, CALLER);
    arg(&f, U64(s));
    int r = real.lpWPUCloseSocketHandle(s, e);
    leave(&f, r, r == SOCKET_ERROR, e);
    return r;
}

static WSAEVENT WSPAPI Hook_WPUCreateEvent(LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CREATE_EVENT, CALLER);
    WSAEVENT r = real.lpWPUCreateEvent(e);
    leave(&f, (int64_t)(intptr_t)r, r == WSA_INVALID_EVENT, e);
    return r;
}

static SOCKET WSPAPI Hook_WPUCreateSocketHandle(DWORD id, DWORD_PTR context, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CREATE_SOCKET_HANDLE, CALLER);
    arg(&f, id);
    arg(&f, U64(context));
    SOCKET r = real.lpWPUCreateSocketHandle(id, context, e);
    leave(&f, (int64_t)(intptr_t)r, r == INVALID_SOCKET, e);
    return r;
}

static int WSPAPI Hook_WPUFDIsSet(SOCKET s, fd_set *set)
{
    frame f;
    enter(&f, WPT_UPCALL_FD_ISSET, CALLER);
    arg(&f, U64(s));
    arg(&f, U64(set));
    int r = real.lpWPUFDIsSet(s, set);
    leave(&f, r, false, NULL);
    return r;
}

static int WSPAPI Hook_WPUGetProviderPath(LPGUID id, WCHAR *path, LPINT len, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_GET_PROVIDER_PATH, CALLER);
    uint64_t halves[2] = {0, 0};
    if (id)
        memcpy(halves, id, sizeof halves);
    arg(&f, halves[0]);
    arg(&f, halves[1]);
    arg(&f, len ? (uint64_t)(int64_t)*len : 0);
    int r = real.lpWPUGetProviderPath(id, path, len, e);
    out_arg(&f, len, len ? (uint64_t)(int64_t)*len : 0);
    if (r == 0 && path && len) {
        size_t n = 0;
        while (n < WPT_TEXT_MAX && (int)n < *len && path[n])
            n++;
        wpt_record_text(&f.ev, (const uint16_t *)path, n);
    }
    leave(&f, r, r == SOCKET_ERROR, e);
    return r;
}

static SOCKET WSPAPI Hook_WPUModifyIFSHandle(DWORD id, SOCKET proposed, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_MODIFY_IFS_HANDLE, CALLER);
    arg(&f, id);
    arg(&f, U64(proposed));
    SOCKET r = real.lpWPUModifyIFSHandle(id, proposed, e);
    leave(&f, (int64_t)(intptr_t)r, r == INVALID_SOCKET, e);
    return r;
}

static BOOL WSPAPI Hook_WPUPostMessage(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    frame f;
    enter(&f, WPT_UPCALL_POST_MESSAGE, CALLER);
    arg(&f, U64(hwnd));
    arg(&f, msg);
    arg(&f, U64(wparam));
    arg(&f, U64(lparam));
    BOOL r = real.lpWPUPostMessage(hwnd, msg, wparam, lparam);
    leave(&f, r, false, NULL);
    return r;
}

static int WSPAPI Hook_WPUQueryBlockingCallback(DWORD id, LPBLOCKINGCALLBACK *callback,
                                                PDWORD_PTR context, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_QUERY_BLOCKING_CALLBACK, CALLER);
    arg(&f, id);
    int r = real.lpWPUQueryBlockingCallback(id, callback, context, e);
    out_arg(&f, callback, callback ? U64(*callback) : 0);
    out_arg(&f, context, context ? U64(*context) : 0);
    leave(&f, r, r == SOCKET_ERROR, e);
    return r;
}

static int WSPAPI Hook_WPUQuerySocketHandleContext(SOCKET s, PDWORD_PTR context, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_QUERY_SOCKET_HANDLE_CONTEXT, CALLER);
    arg(&f, U64(s));
    int r = real.lpWPUQuerySocketHandleContext(s, context, e);
    out_arg(&f, context, context && r == 0 ? U64(*context) : 0);
    leave(&f, r, r == SOCKET_ERROR, e);
    return r;
}

static int WSPAPI Hook_WPUQueueApc(LPWSATHREADID thread, LPWSAUSERAPC routine, DWORD_PTR context,
                                   LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_QUEUE_APC, CALLER);
    arg(&f, thread ? U64(thread->ThreadHandle) : 0);
    arg(&f, thread ? U64(thread->Reserved) : 0);
    arg(&f, U64(routine));
    arg(&f, U64(context));
    int r = real.lpWPUQueueApc(thread, routine, context, e);
    leave(&f, r, r == SOCKET_ERROR, e);
    return r;
}

static BOOL WSPAPI Hook_WPUResetEvent(WSAEVENT h, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_RESET_EVENT, CALLER);
    arg(&f, U64(h));
    BOOL r = real.lpWPUResetEvent(h, e);
    leave(&f, r, !r, e);
    return r;
}

static BOOL WSPAPI Hook_WPUSetEvent(WSAEVENT h, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_SET_EVENT, CALLER);
    arg(&f, U64(h));
    BOOL r = real.lpWPUSetEvent(h, e);
    leave(&f, r, !r, e);
    return r;
}

static int WSPAPI Hook_WPUOpenCurrentThread(LPWSATHREADID thread, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_OPEN_CURRENT_THREAD, CALLER);
    int r = real.lpWPUOpenCurrentThread(thread, e);
    out_arg(&f, thread, thread && r == 0 ? U64(thread->ThreadHandle) : 0);
    out_arg(&f, thread, thread && r == 0 ? U64(thread->Reserved) : 0);
    leave(&f, r, r == SOCKET_ERROR, e);
    return r;
}

static int WSPAPI Hook_WPUCloseThread(LPWSATHREADID thread, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_CLOSE_THREAD, CALLER);
    arg(&f, thread ? U64(thread->ThreadHandle) : 0);
    arg(&f, thread ? U64(thread->Reserved) : 0);
    int r = real.lpWPUCloseThread(thread, e);
    leave(&f, r, r == SOCKET_ERROR, e);
    return r;
}

static int WSPAPI Hook_WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED ov, DWORD error,
                                                    DWORD transferred, LPINT e)
{
    frame f;
    enter(&f, WPT_UPCALL_COMPLETE_OVERLAPPED_REQUEST, CALLER);
    arg(&f, U64(s));
    arg(&f, U64(ov));
    arg(&f, error);
    arg(&f, transferred);
    int r = real_complete(s, ov, error, transferred, e);
    leave(&f, r, r == SOCKET_ERROR, e);
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
