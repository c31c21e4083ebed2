/* The controls conversation: socket options, ioctls (FIONREAD, FIONBIO, and the handle queries
 * SIO_BASE_HANDLE / SIO_BSP_HANDLE / SIO_BSP_HANDLE_SELECT / SIO_BSP_HANDLE_POLL, which real
 * LSPs are known to answer wrongly), WSPSelect, a non-blocking connect, calls on an unknown
 * socket, the address strings, and the entries a TCP-like provider does not support, so that
 * every entry of the proc table is called once. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <mswsock.h>

#include "host_spi.h"
#include "host_upcalls.h"

#define UNKNOWN_SOCKET ((SOCKET)0x7ffff0)

static void check_options(spi_session *t, SOCKET s)
{
    int size = 16384, value = 0, len = sizeof value, err = 0;
    int rc = t->procs->lpWSPSetSockOpt(s, SOL_SOCKET, SO_RCVBUF, (char *)&size, sizeof size, &err);
    spi_check(t, rc == 0, "WSPSetSockOpt SO_RCVBUF 16384", "result %d, error %d", rc, rc ? err : 0);
    rc = t->procs->lpWSPGetSockOpt(s, SOL_SOCKET, SO_RCVBUF, (char *)&value, &len, &err);
    spi_check(t, rc == 0 && value == size && len == sizeof value, "WSPGetSockOpt SO_RCVBUF",
              "result %d, error %d, value %d", rc, rc ? err : 0, value);
    len = sizeof value;
    rc = t->procs->lpWSPGetSockOpt(s, SOL_SOCKET, SO_TYPE, (char *)&value, &len, &err);
    spi_check(t, rc == 0 && value == SOCK_STREAM, "WSPGetSockOpt SO_TYPE: SOCK_STREAM",
              "result %d, error %d, value %d", rc, rc ? err : 0, value);
    len = sizeof value;
    rc = t->procs->lpWSPGetSockOpt(s, SOL_SOCKET, 0x7777, (char *)&value, &len, &err);
    spi_check_error(t, "WSPGetSockOpt of an unknown option: WSAENOPROTOOPT", rc, err,
                    WSAENOPROTOOPT);
}

static int ioctl_out(spi_session *t, SOCKET s, DWORD code, void *out, DWORD out_len, int *err)
{
    DWORD returned = 0;
    return t->procs->lpWSPIoctl(s, code, NULL, 0, out, out_len, &returned, NULL, NULL, NULL, err);
}

static int set_nonblocking(spi_session *t, SOCKET s, int *err)
{
    u_long on = 1;
    DWORD returned = 0;
    return t->procs->lpWSPIoctl(s, FIONBIO, &on, sizeof on, NULL, 0, &returned, NULL, NULL, NULL,
                                err);
}

/* SIO_BASE_HANDLE and SIO_BSP_HANDLE must name the base provider's socket (not a handle a
 * layer made for its layered entry), whatever layers sit above it; SIO_BSP_HANDLE_SELECT/POLL
 * the socket select and WSAPoll must be given: with non-IFS layers the topmost layer's own, s. */
static void check_handle_queries(spi_session *t, SOCKET s)
{
    static const struct { DWORD code; const char *name; BOOL base; } queries[] = {
        {SIO_BASE_HANDLE, "WSPIoctl SIO_BASE_HANDLE: the base provider's socket", TRUE},
        {SIO_BSP_HANDLE, "WSPIoctl SIO_BSP_HANDLE: the base provider's socket", TRUE},
        {SIO_BSP_HANDLE_SELECT, "WSPIoctl SIO_BSP_HANDLE_SELECT: the socket itself", FALSE},
        {SIO_BSP_HANDLE_POLL, "WSPIoctl SIO_BSP_HANDLE_POLL: the socket itself", FALSE},
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        SOCKET answer = INVALID_SOCKET;
        int err = 0;
        int rc = ioctl_out(t, s, queries[i].code, &answer, sizeof answer, &err);
        DWORD creator = rc == 0 ? host_socket_creator(answer) : 0;
        BOOL right = queries[i].base ? spi_made_by_base(t, creator) : answer == s;
        spi_check(t, rc == 0 && right, queries[i].name,
                  "result %d, error %d, socket 0x%llx made by catalog entry %lu", rc,
                  rc ? err : 0, (unsigned long long)answer, creator);
    }
}

/* WSPSelect with a timeout of timeout_ms over the sockets given (INVALID_SOCKET: none). */
static int select_one_set(spi_session *t, BOOL read, SOCKET a, SOCKET b, long timeout_ms,
                          fd_set *set, int *err)
{
    set->fd_count = 0;
    set->fd_array[set->fd_count++] = a;
    if (b != INVALID_SOCKET)
        set->fd_array[set->fd_count++] = b;
    struct timeval timeout = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    return t->procs->lpWSPSelect(0, read ? set : NULL, read ? NULL : set, NULL, &timeout, err);
}

static void check_data_controls(spi_session *t, SOCKET client, SOCKET server)
{
    int err = 0, err2 = 0;
    char got[16];
    u_long pending = 0;
    spi_send_text(t, client, "abc", &err);
    int rc = ioctl_out(t, server, FIONREAD, &pending, sizeof pending, &err);
    spi_check(t, rc == 0 && pending == 3, "WSPIoctl FIONREAD: 3 bytes waiting",
              "result %d, error %d, %lu bytes", rc, rc ? err : 0, pending);
    fd_set set;
    rc = select_one_set(t, TRUE, client, server, 0, &set, &err);
    spi_check(t, rc == 1 && set.fd_count == 1 && set.fd_array[0] == server,
              "WSPSelect read {client, server}: only the server is readable",
              "result %d, error %d, %u in the set", rc, rc < 0 ? err : 0, set.fd_count);
    spi_recv_text(t, server, got, sizeof got, &err);
    rc = set_nonblocking(t, server, &err);
    spi_check(t, rc == 0, "WSPIoctl FIONBIO 1", "result %d, error %d", rc, rc ? err : 0);
    int n = spi_recv_text(t, server, got, sizeof got, &err2);
    spi_check_error(t, "WSPRecv non-blocking with no data: WSAEWOULDBLOCK", n, err2,
                    WSAEWOULDBLOCK);
}

/* A non-blocking connect: in progress (WSAEWOULDBLOCK), then writable, then WSAEISCONN. */
static void check_nonblocking_connect(spi_session *t, SOCKET listener)
{
    int err = 0, err2 = 0;
    struct sockaddr_in at = spi_name_of(t, listener, "listener");
    SOCKET s = spi_socket(t, "non-blocking");
    if (s == INVALID_SOCKET)
        return;
    set_nonblocking(t, s, &err);
    int rc = t->procs->lpWSPConnect(s, (struct sockaddr *)&at, sizeof at, NULL, NULL, NULL, NULL,
                                    &err);
    spi_check_error(t, "WSPConnect non-blocking: WSAEWOULDBLOCK (in progress)", rc, err,
                    WSAEWOULDBLOCK);
    fd_set set;
    rc = select_one_set(t, FALSE, s, INVALID_SOCKET, 1000, &set, &err);
    spi_check(t, rc == 1 && set.fd_count == 1 && set.fd_array[0] == s,
              "WSPSelect write {non-blocking}: connected", "result %d, error %d", rc,
              rc < 0 ? err : 0);
    rc = t->procs->lpWSPConnect(s, (struct sockaddr *)&at, sizeof at, NULL, NULL, NULL, NULL,
                                &err2);
    spi_check_error(t, "WSPConnect again: WSAEISCONN", rc, err2, WSAEISCONN);
    SOCKET accepted = t->procs->lpWSPAccept(listener, NULL, NULL, NULL, 0, &err);
    spi_check(t, accepted != INVALID_SOCKET, "WSPAccept the non-blocking connection",
              "error %d", accepted == INVALID_SOCKET ? err : 0);
    if (accepted != INVALID_SOCKET)
        spi_close(t, accepted, "accepted");
    spi_close(t, s, "non-blocking");
}

static void check_unknown_socket(spi_session *t)
{
    int err = 0, err2 = 0;
    int sent = spi_send_text(t, UNKNOWN_SOCKET, "x", &err);
    spi_check_error(t, "WSPSend on an unknown socket: WSAENOTSOCK", sent, err, WSAENOTSOCK);
    int rc = t->procs->lpWSPCloseSocket(UNKNOWN_SOCKET, &err2);
    spi_check_error(t, "WSPCloseSocket of an unknown socket: WSAENOTSOCK", rc, err2, WSAENOTSOCK);
}

static void check_address_strings(spi_session *t, const struct sockaddr_in *at)
{
    WCHAR text[64], wanted[64], input[] = L"127.0.0.1:4242";
    DWORD len = 64;
    int err = 0, err2 = 0;
    swprintf(wanted, 64, L"127.0.0.1:%u", ntohs(at->sin_port));
    int rc = t->procs->lpWSPAddressToString((LPSOCKADDR)at, sizeof *at, &t->info, text, &len, &err);
    spi_check(t, rc == 0 && !wcscmp(text, wanted), "WSPAddressToString",
              "result %d, error %d, \"%ls\"", rc, rc ? err : 0, rc == 0 ? text : L"");
    struct sockaddr_in parsed = {0};
    int parsed_len = sizeof parsed;
    rc = t->procs->lpWSPStringToAddress(input, AF_INET, &t->info, (LPSOCKADDR)&parsed,
                                        &parsed_len, &err2);
    struct sockaddr_in want = spi_loopback(4242);
    spi_check(t, rc == 0 && !memcmp(&parsed, &want, sizeof want), "WSPStringToAddress",
              "result %d, error %d, port %u", rc, rc ? err2 : 0, ntohs(parsed.sin_port));
}

/* The entries a TCP-like provider does not support answer WSAEOPNOTSUPP: what matters here is
 * that each call reaches the base provider through every layer. */
static void check_unsupported(spi_session *t, SOCKET s, const struct sockaddr_in *at)
{
    int err[6] = {0};
    WSAPROTOCOL_INFOW info;
    char name[] = "qos";
    WSABUF qos_name = {sizeof name, name};
    QOS qos;
    int rc = t->procs->lpWSPCancelBlockingCall(&err[0]);
    spi_check_error(t, "WSPCancelBlockingCall: WSAEOPNOTSUPP", rc, err[0], WSAEOPNOTSUPP);
    rc = t->procs->lpWSPDuplicateSocket(s, GetCurrentProcessId(), &info, &err[1]);
    spi_check_error(t, "WSPDuplicateSocket: WSAEOPNOTSUPP", rc, err[1], WSAEOPNOTSUPP);
    rc = t->procs->lpWSPGetQOSByName(s, &qos_name, &qos, &err[2]) ? 0 : SOCKET_ERROR;
    spi_check_error(t, "WSPGetQOSByName: WSAEOPNOTSUPP", rc, err[2], WSAEOPNOTSUPP);
    SOCKET leaf = t->procs->lpWSPJoinLeaf(s, (const struct sockaddr *)at, sizeof *at, NULL, NULL,
                                          NULL, NULL, JL_BOTH, &err[3]);
    spi_check_error(t, "WSPJoinLeaf: WSAEOPNOTSUPP", leaf == INVALID_SOCKET ? SOCKET_ERROR : 0,
                    err[3], WSAEOPNOTSUPP);
    rc = t->procs->lpWSPRecvDisconnect(s, NULL, &err[4]);
    spi_check_error(t, "WSPRecvDisconnect: WSAEOPNOTSUPP", rc, err[4], WSAEOPNOTSUPP);
    rc = t->procs->lpWSPSendDisconnect(s, NULL, &err[5]);
    spi_check_error(t, "WSPSendDisconnect: WSAEOPNOTSUPP", rc, err[5], WSAEOPNOTSUPP);
}

void spi_controls(spi_session *t)
{
    SOCKET listener, client, server;
    if (!spi_connect_pair(t, &listener, &client, &server))
        return;
    check_options(t, client);
    check_handle_queries(t, client);
    check_data_controls(t, client, server);
    check_nonblocking_connect(t, listener);
    check_unknown_socket(t);
    struct sockaddr_in at = spi_name_of(t, listener, "listener");
    check_address_strings(t, &at);
    check_unsupported(t, client, &at);
    spi_close(t, server, "server");
    spi_close(t, client, "client");
    spi_close(t, listener, "listener");
}
