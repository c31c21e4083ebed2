/* The stream conversation: a connection through a listening socket, names at both ends, data
 * both ways (WSPSend/WSPRecv, WSPSendTo/WSPRecvFrom), a socket connected to itself, a graceful
 * shutdown seen as end of data by the peer. */
#include <stdio.h>
#include <string.h>

#include "host_spi.h"

static BOOL same(const struct sockaddr_in *a, const struct sockaddr_in *b)
{
    return a->sin_family == b->sin_family && a->sin_port == b->sin_port &&
           a->sin_addr.s_addr == b->sin_addr.s_addr;
}

/* WSPGetPeerName of s must be `wanted`. */
static void check_peer(spi_session *t, SOCKET s, const struct sockaddr_in *wanted,
                       const char *name)
{
    struct sockaddr_in a = {0};
    int len = sizeof a, err = 0;
    int rc = t->procs->lpWSPGetPeerName(s, (struct sockaddr *)&a, &len, &err);
    spi_check(t, rc == 0 && same(&a, wanted), name, "result %d, error %d, port %u (wanted %u)",
              rc, rc ? err : 0, ntohs(a.sin_port), ntohs(wanted->sin_port));
}

/* WSPSendTo (the address is ignored by a connected stream socket) and WSPRecvFrom, which names
 * the peer. */
static void check_datagram_calls(spi_session *t, SOCKET from, SOCKET to,
                                 const struct sockaddr_in *sender)
{
    char text[] = "back", got[16] = "";
    WSABUF out = {4, text}, in = {sizeof got - 1, got};
    DWORD sent = 0, received = 0, flags = 0;
    struct sockaddr_in anywhere = spi_loopback(9), source = {0};
    int len = sizeof source, err = 0, err2 = 0;
    int rc = t->procs->lpWSPSendTo(from, &out, 1, &sent, 0, (struct sockaddr *)&anywhere,
                                   sizeof anywhere, NULL, NULL, NULL, &err);
    spi_check(t, rc == 0 && sent == 4, "WSPSendTo server -> client",
              "result %d, error %d, sent %lu", rc, rc ? err : 0, sent);
    int rc2 = t->procs->lpWSPRecvFrom(to, &in, 1, &received, &flags, (struct sockaddr *)&source,
                                      &len, NULL, NULL, NULL, &err2);
    spi_check(t, rc2 == 0 && received == 4 && !memcmp(got, "back", 4) && same(&source, sender),
              "WSPRecvFrom client: the data and the server's address",
              "result %d, error %d, received %lu, from port %u", rc2, rc2 ? err2 : 0, received,
              ntohs(source.sin_port));
}

/* A socket bound and connected to its own address: what it sends comes back to it. */
static void self_loopback(spi_session *t)
{
    int err = 0;
    SOCKET s = spi_socket(t, "self");
    if (s == INVALID_SOCKET)
        return;
    struct sockaddr_in any = spi_loopback(0);
    int rc = t->procs->lpWSPBind(s, (struct sockaddr *)&any, sizeof any, &err);
    spi_check(t, rc == 0, "WSPBind self to 127.0.0.1:0", "result %d, error %d", rc, rc ? err : 0);
    struct sockaddr_in own = spi_name_of(t, s, "self");
    rc = t->procs->lpWSPConnect(s, (struct sockaddr *)&own, sizeof own, NULL, NULL, NULL, NULL,
                                &err);
    spi_check(t, rc == 0, "WSPConnect self to its own address", "result %d, error %d", rc,
              rc ? err : 0);
    spi_check_transfer(t, s, s, "echo", "WSPSend + WSPRecv self: the data comes back");
    spi_close(t, s, "self");
}

void spi_stream(spi_session *t)
{
    SOCKET listener, client, server;
    if (!spi_connect_pair(t, &listener, &client, &server))
        return;
    struct sockaddr_in at = spi_name_of(t, listener, "listener");
    struct sockaddr_in client_at = spi_name_of(t, client, "client");
    check_peer(t, client, &at, "WSPGetPeerName client: the listener's address");
    check_peer(t, server, &client_at, "WSPGetPeerName server: the client's address");
    spi_check_transfer(t, client, server, "hello", "WSPSend client + WSPRecv server");
    check_datagram_calls(t, server, client, &at);
    self_loopback(t);
    int err = 0, err2 = 0;
    int rc = t->procs->lpWSPShutdown(client, SD_SEND, &err);
    spi_check(t, rc == 0, "WSPShutdown client SD_SEND", "result %d, error %d", rc, rc ? err : 0);
    char got[16];
    int n = spi_recv_text(t, server, got, sizeof got, &err2);
    spi_check(t, n == 0, "WSPRecv server after the client's shutdown: end of data (0 bytes)",
              "result %d, error %d", n, n < 0 ? err2 : 0);
    spi_close(t, server, "server");
    spi_close(t, client, "client");
    spi_close(t, listener, "listener");
}
