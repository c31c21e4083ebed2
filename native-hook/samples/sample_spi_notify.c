/* The sample base provider's notifications: WSPAsyncSelect (messages the worker thread posts
 * with WPUPostMessage), WSPEventSelect + WSPEnumNetworkEvents (WPUSetEvent by the call that
 * caused the network event, WPUResetEvent when the events are read) and WSPSelect (its own
 * sockets' membership of the fd_sets asked with WPUFDIsSet). Both registrations make the socket
 * non-blocking and report at once what is already true (FD_WRITE of a connected socket, FD_READ
 * of waiting data, ...), as Winsock does. */
#include "sample_base.h"

static BOOL readable(sample_socket *so)
{
    sample_socket *oldest;
    return so->inbox_len || so->peer_gone ||
           (so->state == SOCKET_LISTENING && sample_waiting_connections(so, &oldest) > 0);
}

static BOOL writable(const sample_socket *so)
{
    return so->state == SOCKET_CONNECTED && so->peer && !so->send_shut;
}

/* The network events already true of so (lock held), fired for its new registration. */
static void fire_current(sample_socket *so, sample_effects *fx)
{
    sample_socket *oldest;
    if (writable(so))
        sample_fire(so, FD_WRITE, 0, fx);
    if (so->inbox_len)
        sample_fire(so, FD_READ, 0, fx);
    if (so->state == SOCKET_LISTENING && sample_waiting_connections(so, &oldest) > 0)
        sample_fire(so, FD_ACCEPT, 0, fx);
    if (so->peer_gone)
        sample_fire(so, FD_CLOSE, 0, fx);
}

/* One registration replaces the other: it makes the socket non-blocking and reports at once
 * what is already true. */
static void register_for(sample_socket *so, HWND hwnd, UINT msg, LONG async_events,
                         WSAEVENT event, LONG event_events)
{
    sample_effects fx = {0};
    sample_lock();
    so->hwnd = hwnd;
    so->msg = msg;
    so->async_events = async_events;
    so->event = event;
    so->event_events = event_events;
    so->nonblocking = TRUE;
    fire_current(so, &fx);
    sample_unlock();
    sample_apply(&fx);
}

static int WSPAPI sample_async_select(SOCKET s, HWND hwnd, unsigned int msg, __LONG32 events,
                                      LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if (events && !hwnd)
        return sample_fail(err, WSAEINVAL);
    register_for(so, hwnd, msg, events, NULL, 0);
    return 0;
}

static int WSPAPI sample_event_select(SOCKET s, WSAEVENT event, __LONG32 events, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if (events && !event)
        return sample_fail(err, WSAEINVAL);
    register_for(so, NULL, 0, 0, event, events);
    return 0;
}

static int WSPAPI sample_enum_network_events(SOCKET s, WSAEVENT event,
                                             LPWSANETWORKEVENTS events, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if (!events)
        return sample_fail(err, WSAEFAULT);
    sample_lock();
    events->lNetworkEvents = so->network_events;
    for (int bit = 0; bit < FD_MAX_EVENTS; bit++)
        events->iErrorCode[bit] = so->event_errors[bit];
    so->network_events = 0;
    sample_unlock();
    if (event && !sample_up.lpWPUResetEvent(event, err))
        return SOCKET_ERROR;
    return 0;
}

/* Ready for fd_set i (0 read, 1 write, 2 except: nothing is ever exceptional here). */
static BOOL ready(int i, sample_socket *so)
{
    return i == 0 ? readable(so) : i == 1 ? writable(so) : FALSE;
}

/* Counts the sockets ready in the sets asked (lock held); with write, keeps only those. */
static int count_ready(fd_set *sets[3], sample_socket **own, const SOCKET *handles,
                       BYTE member[3][SAMPLE_MAX_SOCKETS], int n, BOOL write)
{
    int total = 0;
    for (int i = 0; i < 3; i++) {
        if (write && sets[i])
            sets[i]->fd_count = 0;
        for (int k = 0; sets[i] && k < n; k++) {
            if (!member[i][k] || own[k]->handle != handles[k] || !ready(i, own[k]))
                continue;
            total++;
            if (write)
                sets[i]->fd_array[sets[i]->fd_count++] = handles[k];
        }
    }
    return total;
}

static int WSPAPI sample_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
                                const PTIMEVAL timeout, LPINT err)
{
    (void)nfds;
    fd_set *sets[3] = {readfds, writefds, exceptfds};
    sample_socket *own[SAMPLE_MAX_SOCKETS];
    SOCKET handles[SAMPLE_MAX_SOCKETS];
    BYTE member[3][SAMPLE_MAX_SOCKETS];
    sample_lock();
    int n = sample_sockets_with_handles(own, SAMPLE_MAX_SOCKETS);
    for (int k = 0; k < n; k++)
        handles[k] = own[k]->handle;
    sample_unlock();
    u_int asked = 0, found = 0;
    for (int i = 0; i < 3; i++) {
        asked += sets[i] ? sets[i]->fd_count : 0;
        for (int k = 0; sets[i] && k < n; k++)
            found += member[i][k] = sample_up.lpWPUFDIsSet(handles[k], sets[i]) != 0;
    }
    if (found != asked) /* a handle that is not one of this provider's sockets */
        return sample_fail(err, WSAENOTSOCK);
    ULONGLONG wait = timeout ? (ULONGLONG)timeout->tv_sec * 1000 + timeout->tv_usec / 1000
                             : INFINITE;
    ULONGLONG deadline = GetTickCount64() + wait;
    sample_lock();
    for (;;) {
        ULONGLONG now = GetTickCount64();
        if (count_ready(sets, own, handles, member, n, FALSE) || now >= deadline ||
            !sample_wait_change(timeout ? (DWORD)(deadline - now) : INFINITE))
            break;
    }
    int total = count_ready(sets, own, handles, member, n, TRUE);
    sample_unlock();
    return total;
}

void sample_fill_notify(LPWSPPROC_TABLE t)
{
    t->lpWSPAsyncSelect = sample_async_select;
    t->lpWSPEnumNetworkEvents = sample_enum_network_events;
    t->lpWSPEventSelect = sample_event_select;
    t->lpWSPSelect = sample_select;
}
