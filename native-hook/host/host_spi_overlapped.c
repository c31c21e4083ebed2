/* The overlapped conversation: a receive that waits for data (WSA_IO_PENDING) and a send, both
 * completed later with their events (WPUCompleteOverlappedRequest from the provider's worker);
 * a pending receive with a completion routine (WPUQueueApc from the worker, run by an
 * alertable wait of this thread); a receive that completes at once with a completion routine
 * (WPUQueueApc inside the WSPRecv); a pending receive ended by closing its socket
 * (WSA_OPERATION_ABORTED). The thread id ws2_32 passes with a completion routine is this
 * thread's, opened the way ws2_32 opens it. */
#include <stdio.h>
#include <string.h>

#include "host_spi.h"

typedef struct request {
    WSAOVERLAPPED ov;
    char data[16];
    WSABUF buffer;
} request;

static struct {
    LPWSAOVERLAPPED ov;
    DWORD error, bytes, calls;
} routine_seen;

static void CALLBACK completion_routine(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov, DWORD flags)
{
    (void)flags;
    routine_seen.ov = ov;
    routine_seen.error = error;
    routine_seen.bytes = bytes;
    routine_seen.calls++;
}

static void request_init(request *r, BOOL with_event)
{
    memset(r, 0, sizeof *r);
    r->ov.hEvent = with_event ? CreateEventW(NULL, TRUE, FALSE, NULL) : NULL;
    r->buffer.buf = r->data;
    r->buffer.len = sizeof r->data - 1;
}

static void request_end(request *r)
{
    if (r->ov.hEvent)
        CloseHandle(r->ov.hEvent);
}

static int recv_overlapped(spi_session *t, SOCKET s, request *r, LPWSATHREADID thread,
                           DWORD *bytes, int *err)
{
    DWORD flags = 0;
    return t->procs->lpWSPRecv(s, &r->buffer, 1, bytes, &flags, &r->ov,
                               thread ? completion_routine : NULL, thread, err);
}

/* Alertable waits until the completion routine ran `calls` times (or the effect wait ends). */
static BOOL routine_ran(DWORD calls)
{
    ULONGLONG deadline = GetTickCount64() + SPI_EFFECT_WAIT_MS;
    while (routine_seen.calls < calls && GetTickCount64() < deadline)
        SleepEx(50, TRUE);
    return routine_seen.calls == calls;
}

static BOOL overlapped_result(spi_session *t, SOCKET s, request *r, DWORD *bytes, int *err)
{
    DWORD flags = 0;
    return t->procs->lpWSPGetOverlappedResult(s, &r->ov, bytes, FALSE, &flags, err);
}

/* Receive pending, send pending, both completed with their events. */
static void by_event(spi_session *t, SOCKET client, SOCKET server)
{
    request rx, tx;
    request_init(&rx, TRUE);
    request_init(&tx, TRUE);
    DWORD bytes = 0, rx_bytes = 0, tx_bytes = 0;
    int err = 0, err2 = 0;
    int rc = recv_overlapped(t, server, &rx, NULL, &bytes, &err);
    spi_check_error(t, "WSPRecv overlapped (event) server: WSA_IO_PENDING", rc, err,
                    WSA_IO_PENDING);
    BOOL done = overlapped_result(t, server, &rx, &bytes, &err2);
    spi_check_error(t, "WSPGetOverlappedResult server before completion: WSA_IO_INCOMPLETE",
                    done ? 0 : SOCKET_ERROR, err2, WSA_IO_INCOMPLETE);
    memcpy(tx.data, "over", 4);
    tx.buffer.len = 4;
    rc = t->procs->lpWSPSend(client, &tx.buffer, 1, &bytes, 0, &tx.ov, NULL, NULL, &err);
    spi_check_error(t, "WSPSend overlapped (event) client \"over\": WSA_IO_PENDING", rc, err,
                    WSA_IO_PENDING);
    HANDLE both[2] = {rx.ov.hEvent, tx.ov.hEvent};
    DWORD wait = WaitForMultipleObjects(2, both, TRUE, SPI_EFFECT_WAIT_MS);
    spi_check(t, wait < WAIT_OBJECT_0 + 2, "both completions signal their events", "wait %lu",
              wait);
    BOOL rx_ok = overlapped_result(t, server, &rx, &rx_bytes, &err);
    spi_check(t, rx_ok && rx_bytes == 4 && !memcmp(rx.data, "over", 4),
              "WSPGetOverlappedResult server: the receive got \"over\"", "result %d, bytes %lu",
              rx_ok, rx_bytes);
    BOOL tx_ok = overlapped_result(t, client, &tx, &tx_bytes, &err2);
    spi_check(t, tx_ok && tx_bytes == 4, "WSPGetOverlappedResult client: the send sent 4 bytes",
              "result %d, bytes %lu", tx_ok, tx_bytes);
    request_end(&rx);
    request_end(&tx);
}

/* Completion routines: a pending receive completed from the worker, then one at once. */
static void by_routine(spi_session *t, SOCKET client, SOCKET server, LPWSATHREADID thread)
{
    request rx;
    request_init(&rx, FALSE);
    DWORD bytes = 0, calls = routine_seen.calls;
    int err = 0;
    int rc = recv_overlapped(t, server, &rx, thread, &bytes, &err);
    spi_check_error(t, "WSPRecv overlapped (completion routine) server: WSA_IO_PENDING", rc,
                    err, WSA_IO_PENDING);
    int sent = spi_send_text(t, client, "apc!", &err);
    BOOL ran = sent == 4 && routine_ran(calls + 1);
    spi_check(t, ran && routine_seen.ov == &rx.ov && routine_seen.error == 0 &&
                     routine_seen.bytes == 4 && !memcmp(rx.data, "apc!", 4),
              "the completion routine runs in an alertable wait: \"apc!\"",
              "ran %d, error %lu, bytes %lu", ran, routine_seen.error, routine_seen.bytes);
    request now;
    request_init(&now, FALSE);
    sent = spi_send_text(t, client, "now", &err);
    rc = recv_overlapped(t, server, &now, thread, &bytes, &err);
    spi_check(t, sent == 3 && rc == 0 && bytes == 3,
              "WSPRecv overlapped (completion routine) with data there: completes at once",
              "result %d, error %d, bytes %lu", rc, rc ? err : 0, bytes);
    ran = routine_ran(calls + 2);
    spi_check(t, ran && routine_seen.ov == &now.ov && routine_seen.bytes == 3,
              "its completion routine runs in the next alertable wait", "ran %d, bytes %lu", ran,
              routine_seen.bytes);
}

/* A pending receive on a socket that is closed ends with WSA_OPERATION_ABORTED. */
static void aborted(spi_session *t, SOCKET server)
{
    request rx;
    request_init(&rx, TRUE);
    DWORD bytes = 0;
    int err = 0;
    int rc = recv_overlapped(t, server, &rx, NULL, &bytes, &err);
    spi_check_error(t, "WSPRecv overlapped (event) server: WSA_IO_PENDING", rc, err,
                    WSA_IO_PENDING);
    spi_close(t, server, "server");
    BOOL ended = WaitForSingleObject(rx.ov.hEvent, SPI_EFFECT_WAIT_MS) == WAIT_OBJECT_0;
    spi_check(t, ended && rx.ov.Internal == WSA_OPERATION_ABORTED,
              "the pending receive ends with WSA_OPERATION_ABORTED", "event %s, status %llu",
              ended ? "set" : "NOT set", (unsigned long long)rx.ov.Internal);
    request_end(&rx);
}

void spi_overlapped(spi_session *t)
{
    SOCKET listener, client, server;
    WSATHREADID thread = {NULL, GetCurrentThreadId()};
    if (!DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(),
                         &thread.ThreadHandle, 0, FALSE, DUPLICATE_SAME_ACCESS)) {
        spi_check(t, FALSE, "open this thread for completion routines", "error %lu",
                  GetLastError());
        return;
    }
    if (spi_connect_pair(t, &listener, &client, &server)) {
        spi_close(t, listener, "listener");
        by_event(t, client, server);
        by_routine(t, client, server, &thread);
        aborted(t, server);
        spi_close(t, client, "client");
    }
    CloseHandle(thread.ThreadHandle);
}
