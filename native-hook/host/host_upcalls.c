#include "host_upcalls.h"

#include <string.h>

#define MAX_SOCKETS 4096
#define MAX_EVENTS 1024
#define MAX_THREADS 256
#define MAX_LOGGED_MESSAGES 64
#define SOCKET_BASE 0x10000 /* non-IFS handles: SOCKET_BASE + 4 * slot */

typedef struct socket_slot {
    BOOL used;
    BOOL ifs;
    BOOL close_refused; /* --fail-upcall failed a close of it */
    SOCKET handle;
    DWORD catalog_id;
    DWORD_PTR context;
} socket_slot;

typedef struct logged_message {
    UINT msg;
    WPARAM wparam;
    LPARAM lparam;
} logged_message;

/* A table of Win32 handles the provider got through upcalls. */
typedef struct handle_table {
    HANDLE *handles;
    BOOL *close_refused;
    int size;
} handle_table;

static const char *const upcall_names[HOST_UPCALL_COUNT] = {
    "WPUCloseEvent", "WPUCloseSocketHandle", "WPUCreateEvent", "WPUCreateSocketHandle",
    "WPUFDIsSet", "WPUGetProviderPath", "WPUModifyIFSHandle", "WPUPostMessage",
    "WPUQueryBlockingCallback", "WPUQuerySocketHandleContext", "WPUQueueApc", "WPUResetEvent",
    "WPUSetEvent", "WPUOpenCurrentThread", "WPUCloseThread", "WPUCompleteOverlappedRequest"};
enum { CLOSE_EVENT, CLOSE_SOCKET_HANDLE, CREATE_EVENT, CREATE_SOCKET_HANDLE, FD_ISSET,
       GET_PROVIDER_PATH, MODIFY_IFS_HANDLE, POST_MESSAGE, QUERY_BLOCKING_CALLBACK,
       QUERY_SOCKET_HANDLE_CONTEXT, QUEUE_APC, RESET_EVENT, SET_EVENT, OPEN_CURRENT_THREAD,
       CLOSE_THREAD, COMPLETE_OVERLAPPED_REQUEST };

static CRITICAL_SECTION lock;
static socket_slot sockets[MAX_SOCKETS];
static HANDLE event_handles[MAX_EVENTS], thread_handles[MAX_THREADS];
static BOOL event_refused[MAX_EVENTS], thread_refused[MAX_THREADS];
static handle_table events = {event_handles, event_refused, MAX_EVENTS};
static handle_table threads = {thread_handles, thread_refused, MAX_THREADS};
static unsigned fail_every[HOST_UPCALL_COUNT];
static volatile LONG calls[HOST_UPCALL_COUNT];
static logged_message logged[MAX_LOGGED_MESSAGES];
static int logged_count, logged_taken; /* taken: returned by host_next_message */
static host_counters counters;
static const host_catalog *catalog;
static HWND window;
static UINT async_message;

/* Whether --fail-upcall fails this call of the upcall. */
static BOOL injected(int upcall)
{
    if (!fail_every[upcall] || InterlockedIncrement(&calls[upcall]) % fail_every[upcall] != 0)
        return FALSE;
    InterlockedIncrement(&counters.injected_failures);
    return TRUE;
}

int host_upcall_index(const char *name)
{
    for (int i = 0; i < HOST_UPCALL_COUNT; i++)
        if (!strcmp(upcall_names[i], name))
            return i;
    return -1;
}

void host_fail_upcall(int index, unsigned every) { fail_every[index] = every; }

static int fail(LPINT lpErrno, int error, LONG *counter)
{
    InterlockedIncrement(counter);
    if (lpErrno)
        *lpErrno = error;
    return SOCKET_ERROR;
}

/* Finds the handle in a table (under lock); -1 when absent. */
static int find_handle(const handle_table *t, HANDLE h)
{
    for (int i = 0; i < t->size; i++)
        if (h && t->handles[i] == h)
            return i;
    return -1;
}

static BOOL remember_handle(handle_table *t, HANDLE h)
{
    EnterCriticalSection(&lock);
    int free_slot = -1;
    for (int i = 0; i < t->size && free_slot < 0; i++)
        if (!t->handles[i])
            free_slot = i;
    if (free_slot >= 0) {
        t->handles[free_slot] = h;
        t->close_refused[free_slot] = FALSE;
    }
    LeaveCriticalSection(&lock);
    return free_slot >= 0;
}

static BOOL forget_handle(handle_table *t, HANDLE h)
{
    EnterCriticalSection(&lock);
    int i = find_handle(t, h);
    if (i >= 0)
        t->handles[i] = NULL;
    LeaveCriticalSection(&lock);
    return i >= 0;
}

/* --fail-upcall refuses to close h: remembered for the leak report. */
static void refuse_close(handle_table *t, HANDLE h)
{
    EnterCriticalSection(&lock);
    int i = find_handle(t, h);
    if (i >= 0)
        t->close_refused[i] = TRUE;
    LeaveCriticalSection(&lock);
}

static socket_slot *find_socket(SOCKET s)
{
    for (int i = 0; i < MAX_SOCKETS; i++)
        if (sockets[i].used && sockets[i].handle == s)
            return &sockets[i];
    return NULL;
}

host_entry_books host_entry_books_of(const host_counters *k, DWORD entry_id)
{
    for (int i = 0; i < k->entry_count; i++)
        if (k->entries[i].entry_id == entry_id)
            return k->entries[i];
    return (host_entry_books){entry_id, 0, 0};
}

/* Counts a socket created (+1) or closed (-1) for the entry it was created for (under lock;
 * entries beyond HOST_MAX_ENTRY_BOOKS go uncounted here, the totals still count them). */
static void count_for_entry(DWORD entry_id, int change)
{
    int i = 0;
    while (i < counters.entry_count && counters.entries[i].entry_id != entry_id)
        i++;
    if (i == HOST_MAX_ENTRY_BOOKS)
        return;
    if (i == counters.entry_count)
        counters.entries[counters.entry_count++] = (host_entry_books){entry_id, 0, 0};
    if (change > 0)
        counters.entries[i].created++;
    else
        counters.entries[i].closed++;
}

static SOCKET add_socket(BOOL ifs, SOCKET proposed, DWORD catalog_id, DWORD_PTR context)
{
    SOCKET result = INVALID_SOCKET;
    EnterCriticalSection(&lock);
    for (int i = 0; i < MAX_SOCKETS && result == INVALID_SOCKET; i++) {
        if (sockets[i].used)
            continue;
        SOCKET handle = ifs ? proposed : (SOCKET)(SOCKET_BASE + 4 * i);
        sockets[i] = (socket_slot){TRUE, ifs, FALSE, handle, catalog_id, context};
        count_for_entry(catalog_id, +1);
        result = handle;
    }
    LeaveCriticalSection(&lock);
    return result;
}

static BOOL WSPAPI host_close_event(WSAEVENT h, LPINT lpErrno)
{
    if (injected(CLOSE_EVENT)) {
        refuse_close(&events, h);
        return FALSE;
    }
    if (!forget_handle(&events, h) || !CloseHandle(h))
        return fail(lpErrno, WSA_INVALID_HANDLE, &counters.event_errors), FALSE;
    InterlockedIncrement(&counters.events_closed);
    return TRUE;
}

static int WSPAPI host_close_socket_handle(SOCKET s, LPINT lpErrno)
{
    BOOL refuse = injected(CLOSE_SOCKET_HANDLE);
    EnterCriticalSection(&lock);
    socket_slot *slot = find_socket(s);
    BOOL ok = slot && !slot->ifs;
    if (ok && refuse) {
        slot->close_refused = TRUE;
    } else if (ok) {
        slot->used = FALSE;
        count_for_entry(slot->catalog_id, -1);
    }
    LeaveCriticalSection(&lock);
    if (refuse)
        return SOCKET_ERROR;
    if (!ok)
        return fail(lpErrno, WSAENOTSOCK, &counters.socket_close_errors);
    InterlockedIncrement(&counters.sockets_closed);
    return 0;
}

static WSAEVENT WSPAPI host_create_event(LPINT lpErrno)
{
    if (injected(CREATE_EVENT))
        return WSA_INVALID_EVENT;
    HANDLE h = CreateEventW(NULL, TRUE, FALSE, NULL); /* manual reset, like WSACreateEvent */
    if (!h || !remember_handle(&events, h)) {
        if (h)
            CloseHandle(h);
        fail(lpErrno, WSA_NOT_ENOUGH_MEMORY, &counters.event_errors);
        return WSA_INVALID_EVENT;
    }
    InterlockedIncrement(&counters.events_created);
    return h;
}

static SOCKET WSPAPI host_create_socket_handle(DWORD catalog_id, DWORD_PTR context,
                                               LPINT lpErrno)
{
    if (injected(CREATE_SOCKET_HANDLE))
        return INVALID_SOCKET;
    SOCKET s = add_socket(FALSE, 0, catalog_id, context);
    if (s == INVALID_SOCKET) {
        fail(lpErrno, WSAENOBUFS, &counters.socket_create_errors);
        return INVALID_SOCKET;
    }
    InterlockedIncrement(&counters.sockets_created);
    return s;
}

static int WSPAPI host_fd_isset(SOCKET s, fd_set *set)
{
    if (injected(FD_ISSET))
        return 0; /* "not a member": the only way this upcall can go wrong */
    InterlockedIncrement(&counters.fd_isset_calls);
    for (u_int i = 0; set && i < set->fd_count && i < FD_SETSIZE; i++)
        if (set->fd_array[i] == s)
            return 1;
    return 0;
}

/* The lengths are those of WSCGetProviderPath: one implementation (host_catalog.c). */
static int WSPAPI host_get_provider_path(LPGUID id, WCHAR *path, LPINT path_len, LPINT lpErrno)
{
    if (injected(GET_PROVIDER_PATH))
        return SOCKET_ERROR;
    InterlockedIncrement(&counters.path_queries);
    int rc = host_catalog_provider_path(catalog, id, path, path_len, lpErrno);
    if (rc != 0)
        InterlockedIncrement(&counters.path_errors);
    return rc;
}

static SOCKET WSPAPI host_modify_ifs_handle(DWORD catalog_id, SOCKET proposed, LPINT lpErrno)
{
    if (injected(MODIFY_IFS_HANDLE))
        return INVALID_SOCKET;
    /* The kernel hands out a handle value only once it is closed: an IFS entry still holding the
     * proposed value is stale (its provider closed it and ws2_32 has not yet forgotten it). */
    host_forget_ifs_handle(proposed);
    SOCKET s = proposed == INVALID_SOCKET ? INVALID_SOCKET
                                          : add_socket(TRUE, proposed, catalog_id, 0);
    if (s == INVALID_SOCKET) {
        fail(lpErrno, proposed == INVALID_SOCKET ? WSAEINVAL : WSAENOBUFS,
             &counters.socket_create_errors);
        return INVALID_SOCKET;
    }
    InterlockedIncrement(&counters.ifs_handles);
    return s;
}

static BOOL WSPAPI host_post_message(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    if (injected(POST_MESSAGE))
        return FALSE;
    InterlockedIncrement(&counters.messages_posted);
    return PostMessageW(hwnd, msg, wparam, lparam);
}

static BOOL CALLBACK host_blocking_hook(DWORD_PTR context)
{
    (void)context;
    InterlockedIncrement(&counters.blocking_callbacks);
    return TRUE; /* keep blocking: no WSACancelBlockingCall pending */
}

static int WSPAPI host_query_blocking_callback(DWORD catalog_id, LPBLOCKINGCALLBACK *callback,
                                               PDWORD_PTR context, LPINT lpErrno)
{
    if (injected(QUERY_BLOCKING_CALLBACK))
        return SOCKET_ERROR;
    InterlockedIncrement(&counters.blocking_queries);
    if (!callback || !context)
        return fail(lpErrno, WSAEFAULT, &counters.blocking_errors);
    *callback = host_blocking_hook;
    *context = catalog_id;
    return 0;
}

static int WSPAPI host_query_socket_handle_context(SOCKET s, PDWORD_PTR context, LPINT lpErrno)
{
    if (injected(QUERY_SOCKET_HANDLE_CONTEXT))
        return SOCKET_ERROR;
    EnterCriticalSection(&lock);
    socket_slot *slot = find_socket(s);
    BOOL ok = slot && !slot->ifs && context;
    if (ok)
        *context = slot->context;
    LeaveCriticalSection(&lock);
    InterlockedIncrement(&counters.context_queries);
    if (!ok)
        return fail(lpErrno, context ? WSAENOTSOCK : WSAEFAULT, &counters.context_query_errors);
    return 0;
}

static int WSPAPI host_queue_apc(LPWSATHREADID thread, LPWSAUSERAPC routine, DWORD_PTR context,
                                 LPINT lpErrno)
{
    if (injected(QUEUE_APC))
        return SOCKET_ERROR;
    if (!thread || !routine || !QueueUserAPC((PAPCFUNC)routine, thread->ThreadHandle, context))
        return fail(lpErrno, WSAEINVAL, &counters.apc_errors);
    InterlockedIncrement(&counters.apcs_queued);
    return 0;
}

/* SetEvent/ResetEvent with the upcall's error convention. */
static BOOL change_event(BOOL(WINAPI *change)(HANDLE), WSAEVENT h, LPINT lpErrno, LONG *counter)
{
    if (!change(h))
        return fail(lpErrno, WSA_INVALID_HANDLE, &counters.event_errors), FALSE;
    InterlockedIncrement(counter);
    return TRUE;
}

static BOOL WSPAPI host_reset_event(WSAEVENT h, LPINT lpErrno)
{
    if (injected(RESET_EVENT))
        return FALSE;
    return change_event(ResetEvent, h, lpErrno, &counters.event_resets);
}

static BOOL WSPAPI host_set_event(WSAEVENT h, LPINT lpErrno)
{
    if (injected(SET_EVENT))
        return FALSE;
    return change_event(SetEvent, h, lpErrno, &counters.event_sets);
}

static int WSPAPI host_open_current_thread(LPWSATHREADID thread, LPINT lpErrno)
{
    if (injected(OPEN_CURRENT_THREAD))
        return SOCKET_ERROR;
    HANDLE h = NULL;
    if (!thread || !DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(),
                                    &h, 0, FALSE, DUPLICATE_SAME_ACCESS))
        return fail(lpErrno, WSAEFAULT, &counters.thread_errors);
    if (!remember_handle(&threads, h)) {
        CloseHandle(h);
        return fail(lpErrno, WSAENOBUFS, &counters.thread_errors);
    }
    thread->ThreadHandle = h;
    thread->Reserved = GetCurrentThreadId();
    InterlockedIncrement(&counters.threads_opened);
    return 0;
}

static int WSPAPI host_close_thread(LPWSATHREADID thread, LPINT lpErrno)
{
    if (injected(CLOSE_THREAD)) {
        if (thread)
            refuse_close(&threads, thread->ThreadHandle);
        return SOCKET_ERROR;
    }
    if (!thread || !forget_handle(&threads, thread->ThreadHandle) ||
        !CloseHandle(thread->ThreadHandle))
        return fail(lpErrno, WSAEINVAL, &counters.thread_errors);
    InterlockedIncrement(&counters.threads_closed);
    return 0;
}

int WSPAPI WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED ov, DWORD error,
                                        DWORD transferred, LPINT lpErrno)
{
    if (injected(COMPLETE_OVERLAPPED_REQUEST))
        return SOCKET_ERROR;
    EnterCriticalSection(&lock);
    socket_slot *slot = find_socket(s);
    BOOL known = slot && !slot->ifs;
    LeaveCriticalSection(&lock);
    if (!known)
        return fail(lpErrno, WSAENOTSOCK, &counters.overlapped_errors);
    if (!ov)
        return fail(lpErrno, WSAEFAULT, &counters.overlapped_errors);
    ov->Internal = error;
    ov->InternalHigh = transferred;
    if (ov->hEvent && !SetEvent(ov->hEvent))
        return fail(lpErrno, WSA_INVALID_HANDLE, &counters.overlapped_errors);
    InterlockedIncrement(&counters.overlapped_completions);
    return 0;
}

static LRESULT CALLBACK window_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    if (msg != async_message)
        return DefWindowProcW(hwnd, msg, wparam, lparam);
    InterlockedIncrement(&counters.messages_received);
    EnterCriticalSection(&lock);
    if (logged_count < MAX_LOGGED_MESSAGES)
        logged[logged_count++] = (logged_message){msg, wparam, lparam};
    LeaveCriticalSection(&lock);
    return 0;
}

BOOL host_upcalls_init(const host_catalog *cat)
{
    InitializeCriticalSection(&lock);
    catalog = cat;
    async_message = WM_USER + 1;
    WNDCLASSW wc = {0};
    wc.lpfnWndProc = window_proc;
    wc.hInstance = GetModuleHandleW(NULL);
    wc.lpszClassName = L"wpuhost-async";
    if (!RegisterClassW(&wc))
        return FALSE;
    window = CreateWindowExW(0, wc.lpszClassName, L"wpuhost", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                             wc.hInstance, NULL);
    return window != NULL;
}

void host_upcalls_fill(WSPUPCALLTABLE *t)
{
    t->lpWPUCloseEvent = host_close_event;
    t->lpWPUCloseSocketHandle = host_close_socket_handle;
    t->lpWPUCreateEvent = host_create_event;
    t->lpWPUCreateSocketHandle = host_create_socket_handle;
    t->lpWPUFDIsSet = host_fd_isset;
    t->lpWPUGetProviderPath = host_get_provider_path;
    t->lpWPUModifyIFSHandle = host_modify_ifs_handle;
    t->lpWPUPostMessage = host_post_message;
    t->lpWPUQueryBlockingCallback = host_query_blocking_callback;
    t->lpWPUQuerySocketHandleContext = host_query_socket_handle_context;
    t->lpWPUQueueApc = host_queue_apc;
    t->lpWPUResetEvent = host_reset_event;
    t->lpWPUSetEvent = host_set_event;
    t->lpWPUOpenCurrentThread = host_open_current_thread;
    t->lpWPUCloseThread = host_close_thread;
}

HWND host_window(void) { return window; }

UINT host_async_message(void) { return async_message; }

void host_pump_messages(void)
{
    MSG msg;
    while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE))
        DispatchMessageW(&msg);
}

BOOL host_next_message(DWORD timeout_ms, WPARAM *wparam, LPARAM *lparam)
{
    ULONGLONG deadline = GetTickCount64() + timeout_ms;
    for (;;) {
        host_pump_messages();
        EnterCriticalSection(&lock);
        BOOL have = logged_taken < logged_count;
        if (have) {
            *wparam = logged[logged_taken].wparam;
            *lparam = logged[logged_taken].lparam;
            logged_taken++;
        }
        LeaveCriticalSection(&lock);
        ULONGLONG now = GetTickCount64();
        if (have || now >= deadline)
            return have;
        MsgWaitForMultipleObjects(0, NULL, FALSE, (DWORD)(deadline - now), QS_ALLPOSTMESSAGE);
    }
}

DWORD host_socket_creator(SOCKET s)
{
    EnterCriticalSection(&lock);
    socket_slot *slot = find_socket(s);
    DWORD entry = slot ? slot->catalog_id : 0;
    LeaveCriticalSection(&lock);
    return entry;
}

void host_forget_ifs_handle(SOCKET s)
{
    EnterCriticalSection(&lock);
    socket_slot *slot = find_socket(s);
    if (slot && slot->ifs) {
        slot->used = FALSE;
        count_for_entry(slot->catalog_id, -1);
    }
    LeaveCriticalSection(&lock);
}

host_counters host_get_counters(void)
{
    EnterCriticalSection(&lock);
    host_counters copy = counters;
    LeaveCriticalSection(&lock);
    return copy;
}

const char *host_fd_event_name(WORD event)
{
    switch (event) {
    case FD_READ: return "FD_READ";
    case FD_WRITE: return "FD_WRITE";
    case FD_OOB: return "FD_OOB";
    case FD_ACCEPT: return "FD_ACCEPT";
    case FD_CONNECT: return "FD_CONNECT";
    case FD_CLOSE: return "FD_CLOSE";
    default: return "FD_?";
    }
}

void host_print_messages(FILE *out)
{
    EnterCriticalSection(&lock);
    for (int i = 0; i < logged_count; i++)
        fprintf(out, "  window received: socket 0x%llx %s error %u\n",
                (unsigned long long)logged[i].wparam,
                host_fd_event_name(WSAGETSELECTEVENT(logged[i].lparam)),
                WSAGETSELECTERROR(logged[i].lparam));
    logged_count = logged_taken = 0;
    LeaveCriticalSection(&lock);
}

static const char *refused_note(BOOL refused)
{
    return refused ? " (its close was failed on purpose by --fail-upcall)" : "";
}

/* Reports, closes and forgets the handles left in t (under lock). */
static void end_handles(FILE *out, handle_table *t, const char *what, host_leaks *leaks)
{
    for (int i = 0; i < t->size; i++)
        if (t->handles[i]) {
            fprintf(out, "  leaked %s handle %p%s\n", what, t->handles[i],
                    refused_note(t->close_refused[i]));
            leaks->open++;
            leaks->close_refused += t->close_refused[i] != FALSE;
            CloseHandle(t->handles[i]);
            t->handles[i] = NULL;
        }
}

host_leaks host_end_load_session(FILE *out)
{
    host_leaks leaks = {0, 0};
    EnterCriticalSection(&lock);
    for (int i = 0; i < MAX_SOCKETS; i++)
        if (sockets[i].used) {
            char provider[200];
            host_catalog_describe(catalog, sockets[i].catalog_id, provider, sizeof provider);
            fprintf(out, "  leaked %s socket 0x%llx created by %s, context 0x%llx%s\n",
                    sockets[i].ifs ? "IFS" : "non-IFS", (unsigned long long)sockets[i].handle,
                    provider, (unsigned long long)sockets[i].context,
                    refused_note(sockets[i].close_refused));
            leaks.open++;
            leaks.close_refused += sockets[i].close_refused != FALSE;
            sockets[i].used = FALSE;
        }
    end_handles(out, &events, "event", &leaks);
    end_handles(out, &threads, "thread", &leaks);
    LeaveCriticalSection(&lock);
    return leaks;
}
