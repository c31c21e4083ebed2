/* The notification conversation: WSPAsyncSelect, whose messages (posted by the provider's
 * worker thread) the host's window must receive with the socket the application knows and the
 * right event and error, then WSPEventSelect, whose event the provider sets and
 * WSPEnumNetworkEvents resets. */
#include <stdio.h>

#include "host_spi.h"

static void async_select(spi_session *t)
{
    SOCKET listener, client, server;
    if (!spi_connect_pair(t, &listener, &client, &server))
        return;
    spi_close(t, listener, "listener");
    int err = 0, err2 = 0;
    int rc = t->procs->lpWSPAsyncSelect(server, t->window, t->message,
                                        FD_READ | FD_WRITE | FD_CLOSE, &err);
    spi_check(t, rc == 0, "WSPAsyncSelect server FD_READ|FD_WRITE|FD_CLOSE", "result %d, error %d",
              rc, rc ? err : 0);
    spi_check_message(t, server, FD_WRITE, 0, "message FD_WRITE for the server (connected)");
    int sent = spi_send_text(t, client, "ping", &err);
    spi_check(t, sent == 4, "WSPSend client \"ping\"", "sent %d", sent);
    spi_check_message(t, server, FD_READ, 0, "message FD_READ for the server");
    char got[16];
    int n = spi_recv_text(t, server, got, sizeof got, &err);
    spi_check(t, n == 4, "WSPRecv server after FD_READ", "received %d", n);
    n = spi_recv_text(t, server, got, sizeof got, &err2);
    spi_check_error(t, "WSPRecv server again (non-blocking since WSPAsyncSelect): WSAEWOULDBLOCK",
                    n, err2, WSAEWOULDBLOCK);
    spi_close(t, client, "client");
    spi_check_message(t, server, FD_CLOSE, 0, "message FD_CLOSE for the server (client closed)");
    rc = t->procs->lpWSPAsyncSelect(server, t->window, t->message, 0, &err);
    spi_check(t, rc == 0, "WSPAsyncSelect server 0 (cancelled)", "result %d, error %d", rc,
              rc ? err : 0);
    spi_close(t, server, "server");
}

static BOOL signalled(HANDLE event) { return WaitForSingleObject(event, 0) == WAIT_OBJECT_0; }

/* WSPEnumNetworkEvents of s must report exactly `wanted` (with no error) and reset event. */
static void check_network_events(spi_session *t, SOCKET s, HANDLE event, LONG wanted,
                                 const char *name)
{
    WSANETWORKEVENTS events = {0};
    int err = 0;
    int rc = t->procs->lpWSPEnumNetworkEvents(s, event, &events, &err);
    int bit = wanted == FD_READ ? FD_READ_BIT : FD_CLOSE_BIT;
    spi_check(t, rc == 0 && events.lNetworkEvents == wanted && events.iErrorCode[bit] == 0 &&
                     !signalled(event), name, "result %d, error %d, events 0x%lx, event %s", rc,
              rc ? err : 0, events.lNetworkEvents, signalled(event) ? "still set" : "reset");
}

static void event_select(spi_session *t)
{
    SOCKET listener, client, server;
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL); /* what WSACreateEvent makes */
    if (!event || !spi_connect_pair(t, &listener, &client, &server)) {
        if (event)
            CloseHandle(event);
        return;
    }
    spi_close(t, listener, "listener");
    int err = 0;
    int rc = t->procs->lpWSPEventSelect(server, event, FD_READ | FD_CLOSE, &err);
    spi_check(t, rc == 0 && !signalled(event), "WSPEventSelect server FD_READ|FD_CLOSE",
              "result %d, error %d, event %s", rc, rc ? err : 0,
              signalled(event) ? "set" : "clear");
    int sent = spi_send_text(t, client, "evt", &err);
    spi_check(t, sent == 3 && signalled(event), "WSPSend client: the server's event is set",
              "sent %d, event %s", sent, signalled(event) ? "set" : "NOT set");
    check_network_events(t, server, event, FD_READ, "WSPEnumNetworkEvents server: FD_READ");
    char got[16];
    int n = spi_recv_text(t, server, got, sizeof got, &err);
    spi_check(t, n == 3, "WSPRecv server", "received %d", n);
    rc = t->procs->lpWSPShutdown(client, SD_SEND, &err);
    spi_check(t, rc == 0 && signalled(event), "WSPShutdown client: the server's event is set",
              "result %d, event %s", rc, signalled(event) ? "set" : "NOT set");
    check_network_events(t, server, event, FD_CLOSE, "WSPEnumNetworkEvents server: FD_CLOSE");
    spi_close(t, client, "client");
    spi_close(t, server, "server");
    CloseHandle(event);
}

void spi_notify(spi_session *t)
{
    async_select(t);
    event_select(t);
}
