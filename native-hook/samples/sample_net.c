/* The sample base provider's sockets: the table, their handles and the in-memory loopback
 * network (sample_base.h). One lock for all of it; upcalls are made outside it. */
#include <string.h>

#include "sample_base.h"

#define SOCKET_MAGIC 0x534f434bu /* 'SOCK' */

static sample_socket sockets[SAMPLE_MAX_SOCKETS];
static SRWLOCK net_lock = SRWLOCK_INIT;
static CONDITION_VARIABLE net_changed = CONDITION_VARIABLE_INIT;

int sample_fail(LPINT err, int error)
{
    *err = error;
    return SOCKET_ERROR;
}

void sample_lock(void) { AcquireSRWLockExclusive(&net_lock); }

void sample_unlock(void)
{
    ReleaseSRWLockExclusive(&net_lock);
    WakeAllConditionVariable(&net_changed);
}

BOOL sample_wait_change(DWORD ms)
{
    return SleepConditionVariableSRW(&net_changed, &net_lock, ms, 0);
}

BOOL sample_bugs_wanted(void) { return GetEnvironmentVariableW(SAMPLE_ENV_SPI_BUGS, NULL, 0) != 0; }

sample_socket *sample_socket_new_locked(DWORD entry, BOOL buggy)
{
    for (int i = 0; i < SAMPLE_MAX_SOCKETS; i++) {
        sample_socket *so = &sockets[i];
        if (so->used)
            continue;
        memset(so, 0, sizeof *so);
        so->used = TRUE;
        so->magic = SOCKET_MAGIC;
        so->handle = INVALID_SOCKET;
        so->entry = entry;
        so->buggy = buggy;
        so->rcvbuf = so->sndbuf = SAMPLE_INBOX;
        return so;
    }
    return NULL;
}

void sample_socket_free_locked(sample_socket *so)
{
    so->magic = 0;
    so->used = FALSE;
}

BOOL sample_give_handle(sample_socket *so, int *err)
{
    SOCKET s;
    if (SAMPLE_IFS) {
        HANDLE h = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0,
                               NULL);
        if (h == INVALID_HANDLE_VALUE)
            return *err = WSAENOBUFS, FALSE;
        s = sample_up.lpWPUModifyIFSHandle(so->entry, (SOCKET)h, err);
        if (s == INVALID_SOCKET)
            CloseHandle(h);
    } else {
        s = sample_up.lpWPUCreateSocketHandle(so->entry, (DWORD_PTR)so, err);
    }
    sample_lock();
    so->handle = s;
    sample_unlock();
    return s != INVALID_SOCKET;
}

SOCKET sample_open(DWORD entry, int *err)
{
    BOOL buggy = sample_bugs_wanted();
    sample_lock();
    sample_socket *so = sample_socket_new_locked(entry, buggy);
    sample_unlock();
    if (!so)
        return *err = WSAENOBUFS, INVALID_SOCKET;
    if (sample_give_handle(so, err))
        return so->handle;
    sample_lock();
    sample_socket_free_locked(so);
    sample_unlock();
    return INVALID_SOCKET;
}

static sample_socket *by_handle_locked(SOCKET s)
{
    for (int i = 0; i < SAMPLE_MAX_SOCKETS; i++)
        if (sockets[i].used && sockets[i].handle == s && s != INVALID_SOCKET)
            return &sockets[i];
    return NULL;
}

sample_socket *sample_find(SOCKET s, int *err)
{
    DWORD_PTR context = 0;
    int ignored = 0;
    BOOL asked = !SAMPLE_IFS &&
                 sample_up.lpWPUQuerySocketHandleContext(s, &context, &ignored) == 0;
    sample_lock();
    sample_socket *so = (sample_socket *)context;
    BOOL ours = asked && so >= sockets && so < sockets + SAMPLE_MAX_SOCKETS && so->used &&
                so->magic == SOCKET_MAGIC && so->handle == s;
    if (!ours) /* ws2_32 could not say (or the handle is an IFS one): the table knows */
        so = by_handle_locked(s);
    sample_unlock();
    if (!so)
        *err = WSAENOTSOCK;
    return so;
}

int sample_sockets_with_handles(sample_socket **out, int max)
{
    int n = 0;
    for (int i = 0; i < SAMPLE_MAX_SOCKETS && n < max; i++)
        if (sockets[i].used && sockets[i].handle != INVALID_SOCKET)
            out[n++] = &sockets[i];
    return n;
}

int sample_waiting_connections(const sample_socket *listener, sample_socket **oldest)
{
    int n = 0;
    *oldest = NULL;
    for (int i = 0; i < SAMPLE_MAX_SOCKETS; i++)
        if (sockets[i].used && sockets[i].listener == listener) {
            n++;
            if (!*oldest || sockets[i].accept_order < (*oldest)->accept_order)
                *oldest = &sockets[i];
        }
    return n;
}

void sample_fire(sample_socket *so, LONG event, int error, sample_effects *fx)
{
    if ((so->async_events & event) && !so->buggy)
        sample_worker_post(so->hwnd, so->msg, so->handle, WSAMAKESELECTREPLY(event, error));
    if (so->event_events & event) {
        for (int bit = 0; bit < FD_MAX_EVENTS; bit++)
            if (event == 1L << bit)
                so->event_errors[bit] = error;
        so->network_events |= event;
        if (fx->set_count < (int)(sizeof fx->set / sizeof fx->set[0]))
            fx->set[fx->set_count++] = so->event;
    }
}

void sample_apply(sample_effects *fx)
{
    for (int i = 0; i < fx->set_count; i++) {
        int err = 0;
        sample_up.lpWPUSetEvent(fx->set[i], &err);
    }
    fx->set_count = 0;
}

DWORD sample_take(sample_socket *so, const WSABUF *buffers, DWORD count, BOOL peek)
{
    DWORD taken = 0;
    for (DWORD i = 0; i < count && taken < so->inbox_len; i++) {
        DWORD n = so->inbox_len - taken < buffers[i].len ? so->inbox_len - taken : buffers[i].len;
        memcpy(buffers[i].buf, so->inbox + taken, n);
        taken += n;
    }
    if (!peek) {
        memmove(so->inbox, so->inbox + taken, so->inbox_len - taken);
        so->inbox_len -= taken;
    }
    return taken;
}

DWORD sample_deliver(sample_socket *so, const WSABUF *buffers, DWORD count, sample_effects *fx)
{
    BOOL was_empty = so->inbox_len == 0;
    DWORD room = (DWORD)so->rcvbuf < SAMPLE_INBOX ? (DWORD)so->rcvbuf : SAMPLE_INBOX;
    DWORD put = 0;
    for (DWORD i = 0; i < count && so->inbox_len < room; i++) {
        DWORD n = room - so->inbox_len < buffers[i].len ? room - so->inbox_len : buffers[i].len;
        memcpy(so->inbox + so->inbox_len, buffers[i].buf, n);
        so->inbox_len += n;
        put += n;
    }
    sample_op *op = so->pending_recv;
    if (put && op && !so->buggy) { /* a buggy socket forgets the receive waiting for it */
        op->bytes = sample_take(so, op->buffers, op->buffer_count, FALSE);
        so->pending_recv = NULL;
        sample_worker_complete(op);
    } else if (put && was_empty) {
        sample_fire(so, FD_READ, 0, fx);
    }
    return put;
}

void sample_disconnect(sample_socket *so, sample_effects *fx)
{
    sample_socket *peer = so->peer;
    if (peer && peer != so) {
        peer->peer_gone = TRUE;
        peer->peer = NULL;
        sample_fire(peer, FD_CLOSE, 0, fx);
    }
    so->peer = NULL;
}

/* A listening socket's connections that were never accepted are dropped with it. */
static void drop_unaccepted_locked(sample_socket *listener, sample_effects *fx)
{
    for (int i = 0; i < SAMPLE_MAX_SOCKETS; i++)
        if (sockets[i].used && sockets[i].listener == listener) {
            sample_disconnect(&sockets[i], fx);
            sample_socket_free_locked(&sockets[i]);
        }
}

int sample_close(SOCKET s, int *err)
{
    sample_socket *so = sample_find(s, err);
    if (!so)
        return SOCKET_ERROR;
    sample_lock(); /* a pending receive ends first, while its handle is still valid */
    sample_op *aborted = so->pending_recv;
    so->pending_recv = NULL;
    if (aborted && so->buggy) { /* never completed */
        sample_op_drop_locked(aborted);
        aborted = NULL;
    }
    sample_unlock();
    if (aborted) {
        aborted->error = WSA_OPERATION_ABORTED;
        sample_complete_now(aborted);
    }
    /* a buggy socket never gives its handle back to ws2_32 */
    if (!SAMPLE_IFS && !so->buggy && sample_up.lpWPUCloseSocketHandle(s, err) != 0)
        return SOCKET_ERROR; /* still open in ws2_32: its state stays */
    sample_effects fx = {0};
    sample_lock();
    sample_disconnect(so, &fx);
    drop_unaccepted_locked(so, &fx);
    sample_socket_free_locked(so);
    sample_unlock();
    sample_apply(&fx);
    /* an IFS handle is closed only once its slot is free: another thread's socket may get the
     * same handle value at once, and the table must not find this one under it */
    if (SAMPLE_IFS && !CloseHandle((HANDLE)s))
        return *err = WSAENOTSOCK, SOCKET_ERROR;
    return 0;
}
