/* The sample base provider's WSP* functions for connections, names, options, ioctls and
 * addresses, over its in-memory loopback network (sample_base.h). IPv4 only. */
#include <stdio.h>
#include <string.h>

#include <mswsock.h>

#include "sample_base.h"

static USHORT next_port = 49152; /* ephemeral ports, under the lock */

/* Byte order of a port (the provider does not import ws2_32 for htons/ntohs). */
static USHORT swap16(USHORT v) { return (USHORT)(v << 8 | v >> 8); }

static BOOL same_address(const struct sockaddr_in *a, const struct sockaddr_in *b)
{
    return a->sin_port == b->sin_port && a->sin_addr.s_addr == b->sin_addr.s_addr;
}

/* A bound socket of the table at address a (lock held), or NULL. */
static sample_socket *bound_at(const struct sockaddr_in *a)
{
    sample_socket *all[SAMPLE_MAX_SOCKETS];
    int n = sample_sockets_with_handles(all, SAMPLE_MAX_SOCKETS);
    for (int i = 0; i < n; i++)
        if (all[i]->state != SOCKET_FRESH && same_address(&all[i]->local, a))
            return all[i];
    return NULL;
}

/* Binds so to a (port 0: the next free ephemeral port); lock held. 0 or the error. */
static int bind_locked(sample_socket *so, struct sockaddr_in a)
{
    if (so->state != SOCKET_FRESH)
        return WSAEINVAL;
    for (int tries = 0; a.sin_port == 0 && tries < 16384; tries++) {
        struct sockaddr_in probe = a;
        probe.sin_port = swap16(next_port);
        next_port = next_port == 65535 ? 49152 : next_port + 1;
        if (!bound_at(&probe))
            a.sin_port = probe.sin_port;
    }
    if (a.sin_port == 0 || bound_at(&a))
        return WSAEADDRINUSE;
    so->local = a;
    so->state = SOCKET_BOUND;
    return 0;
}

/* The IPv4 address in name, or 0 with the error. */
static int read_address(const struct sockaddr *name, int len, struct sockaddr_in *out)
{
    if (!name || len < (int)sizeof(struct sockaddr_in))
        return WSAEFAULT;
    memcpy(out, name, sizeof *out);
    return out->sin_family == AF_INET ? 0 : WSAEAFNOSUPPORT;
}

static int WSPAPI sample_bind(SOCKET s, const struct sockaddr *name, int len, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    struct sockaddr_in a;
    int rc = read_address(name, len, &a);
    sample_lock();
    if (rc == 0)
        rc = bind_locked(so, a);
    sample_unlock();
    return rc ? sample_fail(err, rc) : 0;
}

static int WSPAPI sample_listen(SOCKET s, int backlog, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    sample_lock();
    int rc = so->state == SOCKET_BOUND || so->state == SOCKET_LISTENING ? 0 : WSAEINVAL;
    if (rc == 0) {
        so->state = SOCKET_LISTENING;
        so->backlog = backlog < 1 ? 1 : backlog;
    }
    sample_unlock();
    return rc ? sample_fail(err, rc) : 0;
}

static sample_socket *listening_at(const struct sockaddr_in *a)
{
    sample_socket *all[SAMPLE_MAX_SOCKETS];
    int n = sample_sockets_with_handles(all, SAMPLE_MAX_SOCKETS);
    for (int i = 0; i < n; i++)
        if (all[i]->state == SOCKET_LISTENING && same_address(&all[i]->local, a))
            return all[i];
    return NULL;
}

/* Connects so to `to` (lock held): to itself when `to` is its own address, else through a
 * listening socket at `to` (a connection queued for its WSPAccept). 0 or the error. */
static int connect_locked(sample_socket *so, struct sockaddr_in to, BOOL buggy,
                          sample_effects *fx)
{
    static unsigned long accept_counter;
    if (so->state == SOCKET_CONNECTED)
        return WSAEISCONN;
    if (so->state == SOCKET_LISTENING)
        return WSAEINVAL;
    if (so->state == SOCKET_FRESH) { /* an implicit bind, as connect() does */
        struct sockaddr_in any = {.sin_family = AF_INET};
        any.sin_addr.S_un.S_un_b.s_b1 = 127; /* 127.0.0.1 */
        any.sin_addr.S_un.S_un_b.s_b4 = 1;
        int rc = bind_locked(so, any);
        if (rc)
            return rc;
    }
    sample_socket *listener = listening_at(&to), *oldest;
    if (same_address(&to, &so->local)) {
        so->peer = so;
    } else if (listener && sample_waiting_connections(listener, &oldest) < listener->backlog) {
        sample_socket *conn = sample_socket_new_locked(listener->entry, buggy);
        if (!conn)
            return WSAENOBUFS;
        conn->state = SOCKET_CONNECTED;
        conn->local = listener->local;
        conn->remote = so->local;
        conn->peer = so;
        conn->listener = listener;
        conn->accept_order = ++accept_counter;
        so->peer = conn;
        sample_fire(listener, FD_ACCEPT, 0, fx);
    } else {
        return WSAECONNREFUSED;
    }
    so->remote = to;
    so->state = SOCKET_CONNECTED;
    sample_fire(so, FD_CONNECT, 0, fx);
    sample_fire(so, FD_WRITE, 0, fx);
    return 0;
}

/* A non-blocking socket's connect says WSAEWOULDBLOCK (in progress) and completes at once:
 * FD_CONNECT, a writable select and WSAEISCONN on the next connect tell the caller. */
static int WSPAPI sample_connect(SOCKET s, const struct sockaddr *name, int len, LPWSABUF caller,
                                 LPWSABUF callee, LPQOS sqos, LPQOS gqos, LPINT err)
{
    (void)caller, (void)callee, (void)sqos, (void)gqos;
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    struct sockaddr_in to;
    int rc = read_address(name, len, &to);
    BOOL buggy = sample_bugs_wanted(); /* for the other end, made now */
    sample_effects fx = {0};
    sample_lock();
    if (rc == 0)
        rc = connect_locked(so, to, buggy, &fx);
    if (rc == 0 && so->nonblocking)
        rc = WSAEWOULDBLOCK;
    sample_unlock();
    sample_apply(&fx);
    return rc ? sample_fail(err, rc) : 0;
}

/* Condition routines (WSAAccept's) are not supported: WSAEOPNOTSUPP. */
static SOCKET WSPAPI sample_accept(SOCKET s, struct sockaddr *addr, LPINT addrlen,
                                   LPCONDITIONPROC condition, DWORD_PTR data, LPINT err)
{
    (void)data;
    SAMPLE_FIND_OR_FAIL(so, s, err, INVALID_SOCKET);
    if (condition)
        return *err = WSAEOPNOTSUPP, INVALID_SOCKET;
    if (addr && (!addrlen || *addrlen < (int)sizeof(struct sockaddr_in)))
        return *err = WSAEFAULT, INVALID_SOCKET;
    sample_socket *conn = NULL;
    int rc = 0;
    sample_lock();
    while (so->state == SOCKET_LISTENING && !sample_waiting_connections(so, &conn) &&
           !so->nonblocking && sample_wait_change(SAMPLE_BLOCKING_WAIT_MS))
        ;
    if (so->state != SOCKET_LISTENING)
        rc = WSAEINVAL;
    else if (!conn)
        rc = so->nonblocking ? WSAEWOULDBLOCK : WSAETIMEDOUT;
    else
        conn->listener = NULL; /* accepted: its handle is made now */
    sample_unlock();
    if (rc)
        return *err = rc, INVALID_SOCKET;
    if (!sample_give_handle(conn, err)) {
        sample_effects fx = {0};
        sample_lock();
        sample_disconnect(conn, &fx);
        sample_socket_free_locked(conn);
        sample_unlock();
        sample_apply(&fx);
        return INVALID_SOCKET;
    }
    if (addr) {
        memcpy(addr, &conn->remote, sizeof conn->remote);
        *addrlen = sizeof conn->remote;
    }
    return conn->handle;
}

static int copy_name(const struct sockaddr_in *a, struct sockaddr *name, LPINT len, LPINT err)
{
    if (!name || !len || *len < (int)sizeof *a)
        return sample_fail(err, WSAEFAULT);
    memcpy(name, a, sizeof *a);
    *len = sizeof *a;
    return 0;
}

static int WSPAPI sample_get_sock_name(SOCKET s, struct sockaddr *name, LPINT len, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    sample_lock();
    BOOL bound = so->state != SOCKET_FRESH;
    struct sockaddr_in a = so->local;
    sample_unlock();
    return bound ? copy_name(&a, name, len, err) : sample_fail(err, WSAEINVAL);
}

static int WSPAPI sample_get_peer_name(SOCKET s, struct sockaddr *name, LPINT len, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    sample_lock();
    BOOL connected = so->state == SOCKET_CONNECTED;
    struct sockaddr_in a = so->remote;
    sample_unlock();
    return connected ? copy_name(&a, name, len, err) : sample_fail(err, WSAENOTCONN);
}

static int WSPAPI sample_shutdown(SOCKET s, int how, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if (how != SD_RECEIVE && how != SD_SEND && how != SD_BOTH)
        return sample_fail(err, WSAEINVAL);
    sample_effects fx = {0};
    sample_lock();
    BOOL connected = so->state == SOCKET_CONNECTED;
    if (connected && how != SD_SEND)
        so->recv_shut = TRUE;
    if (connected && how != SD_RECEIVE && !so->send_shut) {
        so->send_shut = TRUE;
        if (so->peer) {
            so->peer->peer_gone = TRUE;
            sample_fire(so->peer, FD_CLOSE, 0, &fx);
        }
    }
    sample_unlock();
    sample_apply(&fx);
    return connected ? 0 : sample_fail(err, WSAENOTCONN);
}

/* Where an int-sized writable option is kept, or NULL. */
static int *int_option(sample_socket *so, int level, int name)
{
    if (level == IPPROTO_TCP && name == TCP_NODELAY)
        return &so->nodelay;
    if (level != SOL_SOCKET)
        return NULL;
    return name == SO_RCVBUF ? &so->rcvbuf : name == SO_SNDBUF ? &so->sndbuf
           : name == SO_KEEPALIVE ? &so->keepalive : NULL;
}

static int WSPAPI sample_get_sock_opt(SOCKET s, int level, int name, char *value, LPINT len,
                                      LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if (!value || !len || *len < (int)sizeof(int))
        return sample_fail(err, WSAEFAULT);
    sample_lock();
    int *kept = int_option(so, level, name), v = kept ? *kept : 0;
    BOOL known = kept || (level == SOL_SOCKET && (name == SO_TYPE || name == SO_ACCEPTCONN ||
                                                  name == SO_ERROR));
    if (level == SOL_SOCKET && name == SO_TYPE)
        v = SOCK_STREAM;
    if (level == SOL_SOCKET && name == SO_ACCEPTCONN)
        v = so->state == SOCKET_LISTENING;
    sample_unlock();
    if (!known)
        return sample_fail(err, WSAENOPROTOOPT);
    memcpy(value, &v, sizeof v);
    *len = sizeof v;
    return 0;
}

static int WSPAPI sample_set_sock_opt(SOCKET s, int level, int name, const char *value, int len,
                                      LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if (!value || len < (int)sizeof(int))
        return sample_fail(err, WSAEFAULT);
    int v;
    memcpy(&v, value, sizeof v);
    sample_lock();
    int *kept = int_option(so, level, name);
    BOOL buffer = level == SOL_SOCKET && (name == SO_RCVBUF || name == SO_SNDBUF);
    int rc = !kept ? WSAENOPROTOOPT : buffer && v <= 0 ? WSAEINVAL : 0;
    if (rc == 0)
        *kept = buffer ? v : v != 0;
    sample_unlock();
    return rc ? sample_fail(err, rc) : 0;
}

/* FIONBIO, FIONREAD, and the four handle queries, which a base provider answers with its own
 * handle. An overlapped ioctl completes at once, its completion delivered as any other's. */
static int WSPAPI sample_ioctl(SOCKET s, DWORD code, LPVOID in, DWORD in_len, LPVOID out,
                               DWORD out_len, LPDWORD returned, LPWSAOVERLAPPED ov,
                               LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                               LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    DWORD bytes = 0;
    int rc = 0;
    sample_lock();
    switch (code) {
    case FIONBIO:
        if (!in || in_len < sizeof(u_long))
            rc = WSAEFAULT;
        else if (!*(u_long *)in && (so->async_events || so->event_events))
            rc = WSAEINVAL; /* blocking again while WSPAsyncSelect/WSPEventSelect holds it */
        else
            so->nonblocking = *(u_long *)in != 0;
        break;
    case FIONREAD:
        if (!out || out_len < sizeof(u_long))
            rc = WSAEFAULT;
        else
            *(u_long *)out = so->inbox_len, bytes = sizeof(u_long);
        break;
    case SIO_BASE_HANDLE:
    case SIO_BSP_HANDLE:
    case SIO_BSP_HANDLE_SELECT:
    case SIO_BSP_HANDLE_POLL:
        if (!out || out_len < sizeof(SOCKET))
            rc = WSAEFAULT;
        else
            *(SOCKET *)out = s, bytes = sizeof(SOCKET);
        break;
    default:
        rc = WSAEOPNOTSUPP;
    }
    sample_op *op = rc == 0 && ov ? sample_op_new_locked(s, ov, routine, thread) : NULL;
    if (rc == 0 && ov && !op)
        rc = WSAENOBUFS;
    sample_unlock();
    if (rc)
        return sample_fail(err, rc);
    if (returned)
        *returned = bytes;
    if (op) {
        op->bytes = bytes;
        sample_complete_now(op);
    }
    return 0;
}

/* "a.b.c.d" or "a.b.c.d:port". */
static INT WSPAPI sample_address_to_string(LPSOCKADDR address, DWORD length,
                                           LPWSAPROTOCOL_INFOW info, LPWSTR text,
                                           LPDWORD text_len, LPINT err)
{
    (void)info;
    struct sockaddr_in a;
    int rc = read_address(address, (int)length, &a);
    if (rc || !text_len)
        return sample_fail(err, rc ? rc : WSAEFAULT);
    WCHAR out[32];
    const BYTE *b = (const BYTE *)&a.sin_addr;
    int n = swprintf(out, 32, L"%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    if (a.sin_port)
        swprintf(out + n, 32 - n, L":%u", swap16(a.sin_port));
    DWORD needed = (DWORD)wcslen(out) + 1;
    if (!text || *text_len < needed) {
        *text_len = needed;
        return sample_fail(err, WSAEFAULT);
    }
    memcpy(text, out, needed * sizeof(WCHAR));
    *text_len = needed;
    return 0;
}

static INT WSPAPI sample_string_to_address(LPWSTR text, INT family, LPWSAPROTOCOL_INFOW info,
                                           LPSOCKADDR address, LPINT len, LPINT err)
{
    (void)info;
    unsigned b[4], port = 0;
    int used = 0;
    if (family != AF_INET)
        return sample_fail(err, WSAEINVAL);
    if (!text || swscanf(text, L"%3u.%3u.%3u.%3u%n", &b[0], &b[1], &b[2], &b[3], &used) != 4 ||
        b[0] > 255 || b[1] > 255 || b[2] > 255 || b[3] > 255 ||
        (text[used] && (swscanf(text + used, L":%5u", &port) != 1 || port > 65535)))
        return sample_fail(err, WSAEINVAL);
    if (!len || !address || *len < (int)sizeof(struct sockaddr_in)) {
        if (len)
            *len = sizeof(struct sockaddr_in);
        return sample_fail(err, WSAEFAULT);
    }
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = swap16((USHORT)port)};
    BYTE *out = (BYTE *)&a.sin_addr;
    for (int i = 0; i < 4; i++)
        out[i] = (BYTE)b[i];
    memcpy(address, &a, sizeof a);
    *len = sizeof a;
    return 0;
}

void sample_fill_connection(LPWSPPROC_TABLE t)
{
    t->lpWSPAccept = sample_accept;
    t->lpWSPAddressToString = sample_address_to_string;
    t->lpWSPBind = sample_bind;
    t->lpWSPConnect = sample_connect;
    t->lpWSPGetPeerName = sample_get_peer_name;
    t->lpWSPGetSockName = sample_get_sock_name;
    t->lpWSPGetSockOpt = sample_get_sock_opt;
    t->lpWSPIoctl = sample_ioctl;
    t->lpWSPListen = sample_listen;
    t->lpWSPSetSockOpt = sample_set_sock_opt;
    t->lpWSPShutdown = sample_shutdown;
    t->lpWSPStringToAddress = sample_string_to_address;
}
