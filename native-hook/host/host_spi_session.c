/* The SPI session and the steps every conversation uses (host_spi.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "host_spi.h"
#include "host_upcalls.h"

spi_session spi_session_of(const WSPPROC_TABLE *procs, const host_catalog *catalog, BOOL ifs,
                           const sample_env *env)
{
    spi_session t = {0};
    t.procs = procs;
    t.info = catalog->entries[catalog->served_index].info;
    t.catalog = catalog;
    t.ifs = ifs;
    t.window = env->window;
    t.message = env->message;
    return t;
}

BOOL spi_made_by_base(const spi_session *t, DWORD creator)
{
    const host_catalog_entry *e = host_catalog_find_id(t->catalog, creator);
    return e && e->info.ProtocolChain.ChainLen != LAYERED_PROTOCOL;
}

BOOL spi_check(spi_session *t, BOOL ok, const char *name, const char *detail_fmt, ...)
{
    char detail[300];
    va_list ap;
    va_start(ap, detail_fmt);
    vsnprintf(detail, sizeof detail, detail_fmt, ap);
    va_end(ap);
    printf("  check %s: %s%s%s%s\n", name, ok ? "passed" : "FAILED", detail[0] ? " (" : "",
           detail, detail[0] ? ")" : "");
    t->checks++;
    t->failures += !ok;
    return ok;
}

BOOL spi_check_error(spi_session *t, const char *name, int rc, int err, int wanted)
{
    return spi_check(t, rc == SOCKET_ERROR && err == wanted, name, "result %d, error %d, wanted %d",
                     rc, rc == SOCKET_ERROR ? err : 0, wanted);
}

SOCKET spi_socket(spi_session *t, const char *name)
{
    char what[80];
    int err = 0;
    SOCKET s = t->procs->lpWSPSocket(t->info.iAddressFamily, t->info.iSocketType,
                                     t->info.iProtocol, &t->info, 0, WSA_FLAG_OVERLAPPED, &err);
    snprintf(what, sizeof what, "WSPSocket %s", name);
    spi_check(t, s != INVALID_SOCKET, what, s == INVALID_SOCKET ? "error %d" : "socket 0x%llx",
              s == INVALID_SOCKET ? (unsigned long long)err : (unsigned long long)s);
    return s;
}

void spi_close(spi_session *t, SOCKET s, const char *name)
{
    char what[80];
    int err = 0;
    int rc = t->procs->lpWSPCloseSocket(s, &err);
    if (t->ifs)
        host_forget_ifs_handle(s);
    snprintf(what, sizeof what, "WSPCloseSocket %s", name);
    spi_check(t, rc == 0, what, "result %d, error %d", rc, rc ? err : 0);
}

struct sockaddr_in spi_loopback(USHORT port)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

struct sockaddr_in spi_name_of(spi_session *t, SOCKET s, const char *name)
{
    struct sockaddr_in a = {0};
    int len = sizeof a, err = 0;
    char what[80];
    int rc = t->procs->lpWSPGetSockName(s, (struct sockaddr *)&a, &len, &err);
    snprintf(what, sizeof what, "WSPGetSockName %s", name);
    spi_check(t, rc == 0 && a.sin_family == AF_INET && a.sin_port != 0, what,
              "result %d, error %d, port %u", rc, rc ? err : 0, ntohs(a.sin_port));
    if (rc != 0)
        memset(&a, 0, sizeof a);
    return a;
}

BOOL spi_connect_pair(spi_session *t, SOCKET *listener, SOCKET *client, SOCKET *server)
{
    int err = 0;
    *listener = spi_socket(t, "listener");
    *client = spi_socket(t, "client");
    *server = INVALID_SOCKET;
    if (*listener == INVALID_SOCKET || *client == INVALID_SOCKET)
        goto failed;
    struct sockaddr_in any = spi_loopback(0);
    int rc = t->procs->lpWSPBind(*listener, (struct sockaddr *)&any, sizeof any, &err);
    if (!spi_check(t, rc == 0, "WSPBind listener to 127.0.0.1:0", "result %d, error %d", rc,
                   rc ? err : 0))
        goto failed;
    struct sockaddr_in at = spi_name_of(t, *listener, "listener");
    rc = t->procs->lpWSPListen(*listener, 4, &err);
    if (!spi_check(t, rc == 0, "WSPListen", "result %d, error %d", rc, rc ? err : 0))
        goto failed;
    rc = t->procs->lpWSPConnect(*client, (struct sockaddr *)&at, sizeof at, NULL, NULL, NULL,
                                NULL, &err);
    if (!spi_check(t, rc == 0, "WSPConnect client to the listener", "result %d, error %d", rc,
                   rc ? err : 0))
        goto failed;
    struct sockaddr_in peer = {0};
    int len = sizeof peer;
    *server = t->procs->lpWSPAccept(*listener, (struct sockaddr *)&peer, &len, NULL, 0, &err);
    if (spi_check(t, *server != INVALID_SOCKET && len == sizeof peer, "WSPAccept",
                  "socket 0x%llx, error %d", (unsigned long long)*server,
                  *server == INVALID_SOCKET ? err : 0))
        return TRUE;
failed:
    if (*client != INVALID_SOCKET)
        spi_close(t, *client, "client");
    if (*listener != INVALID_SOCKET)
        spi_close(t, *listener, "listener");
    return FALSE;
}

int spi_send_text(spi_session *t, SOCKET s, const char *text, int *err)
{
    WSABUF buf = {(ULONG)strlen(text), (char *)text};
    DWORD sent = 0;
    int rc = t->procs->lpWSPSend(s, &buf, 1, &sent, 0, NULL, NULL, NULL, err);
    return rc == 0 ? (int)sent : -1;
}

int spi_recv_text(spi_session *t, SOCKET s, char *buf, int cap, int *err)
{
    WSABUF wb = {(ULONG)cap - 1, buf};
    DWORD got = 0, flags = 0;
    int rc = t->procs->lpWSPRecv(s, &wb, 1, &got, &flags, NULL, NULL, NULL, err);
    buf[rc == 0 ? got : 0] = '\0';
    return rc == 0 ? (int)got : -1;
}

BOOL spi_check_transfer(spi_session *t, SOCKET from, SOCKET to, const char *text,
                        const char *name)
{
    char got[64];
    int err = 0, err2 = 0;
    int sent = spi_send_text(t, from, text, &err);
    int received = sent >= 0 ? spi_recv_text(t, to, got, sizeof got, &err2) : -1;
    return spi_check(t, sent == (int)strlen(text) && received == sent && !strcmp(got, text), name,
                     "sent %d (error %d), received %d \"%s\" (error %d)", sent, sent < 0 ? err : 0,
                     received, received >= 0 ? got : "", received < 0 ? err2 : 0);
}

BOOL spi_check_message(spi_session *t, SOCKET s, WORD event, WORD error, const char *name)
{
    WPARAM wparam = 0;
    LPARAM lparam = 0;
    if (!host_next_message(SPI_EFFECT_WAIT_MS, &wparam, &lparam))
        return spi_check(t, FALSE, name, "no message within %d ms", SPI_EFFECT_WAIT_MS);
    return spi_check(t, wparam == s && WSAGETSELECTEVENT(lparam) == event &&
                            WSAGETSELECTERROR(lparam) == error, name,
                     "socket 0x%llx %s error %u", (unsigned long long)wparam,
                     host_fd_event_name(WSAGETSELECTEVENT(lparam)), WSAGETSELECTERROR(lparam));
}

BOOL spi_run(spi_session *t)
{
    spi_stream(t);
    spi_controls(t);
    spi_notify(t);
    spi_overlapped(t);
    return t->checks > 0 && t->failures == 0;
}
