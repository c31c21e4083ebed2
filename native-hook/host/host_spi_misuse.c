/* The misuse conversation: the sample base provider's deliberate SPI bugs
 * (WPUSCOPE_SAMPLE_SPI_BUGS, set while the first socket is made) and an application's call on
 * a socket it closed, for the capture analysis to find: an async-select registration never
 * answered, an overlapped request never completed, a receive with an unreadable lpFlags, a
 * non-IFS WSPCloseSocket that never calls WPUCloseSocketHandle, a WSPSend after
 * WSPCloseSocket. Each check passes when the misuse happened as intended. */
#include <stdio.h>

#include "host_spi.h"
#include "host_upcalls.h"

/* A socket with the bugs, connected to itself. */
static SOCKET buggy_socket(spi_session *t)
{
    SetEnvironmentVariableW(SAMPLE_ENV_SPI_BUGS, L"1");
    SOCKET s = spi_socket(t, "buggy");
    SetEnvironmentVariableW(SAMPLE_ENV_SPI_BUGS, NULL);
    int err = 0;
    struct sockaddr_in any = spi_loopback(0);
    if (s == INVALID_SOCKET || t->procs->lpWSPBind(s, (struct sockaddr *)&any, sizeof any, &err))
        return s;
    struct sockaddr_in own = spi_name_of(t, s, "buggy");
    int rc = t->procs->lpWSPConnect(s, (struct sockaddr *)&own, sizeof own, NULL, NULL, NULL,
                                    NULL, &err);
    spi_check(t, rc == 0, "WSPConnect buggy to itself", "result %d, error %d", rc, rc ? err : 0);
    return s;
}

static void never_answered(spi_session *t, SOCKET s)
{
    int err = 0;
    int rc = t->procs->lpWSPAsyncSelect(s, t->window, t->message, FD_READ | FD_WRITE, &err);
    WPARAM wparam;
    LPARAM lparam;
    BOOL arrived = rc == 0 && host_next_message(SPI_SILENCE_MS, &wparam, &lparam);
    spi_check(t, rc == 0 && !arrived, "WSPAsyncSelect buggy accepted, never answered (no FD_WRITE)",
              "result %d, error %d, %s", rc, rc ? err : 0, arrived ? "a message came" : "silence");
}

/* The overlapped receive stays pending although its data arrived; returns its event. */
static HANDLE never_completed(spi_session *t, SOCKET s, WSAOVERLAPPED *ov, WSABUF *buffer)
{
    DWORD bytes = 0, flags = 0;
    int err = 0, err2 = 0;
    ov->hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    int rc = t->procs->lpWSPRecv(s, buffer, 1, &bytes, &flags, ov, NULL, NULL, &err);
    spi_check_error(t, "WSPRecv overlapped buggy: WSA_IO_PENDING", rc, err, WSA_IO_PENDING);
    int sent = spi_send_text(t, s, "lost", &err2);
    BOOL completed = WaitForSingleObject(ov->hEvent, SPI_SILENCE_MS) == WAIT_OBJECT_0;
    spi_check(t, sent == 4 && !completed,
              "WSPSend buggy to itself: the pending receive is never completed", "sent %d, %s",
              sent, completed ? "completed" : "still pending");
    return ov->hEvent;
}

/* A receive whose lpFlags points nowhere: the provider refuses it with WSAEFAULT; the tracer
 * above it, which reads the flags before the call, must not be what crashes. */
static void unreadable_flags(spi_session *t, SOCKET s, WSABUF *buffer)
{
    DWORD bytes = 0;
    int err = 0;
    int rc = t->procs->lpWSPRecv(s, buffer, 1, &bytes, (LPDWORD)(ULONG_PTR)0x10, NULL, NULL,
                                 NULL, &err);
    spi_check_error(t, "WSPRecv with an unreadable lpFlags: WSAEFAULT", rc, err, WSAEFAULT);
}

BOOL spi_run_misuse(spi_session *t)
{
    SOCKET s = buggy_socket(t);
    if (s == INVALID_SOCKET)
        return FALSE;
    never_answered(t, s);
    /* static: a provider that completes the request after all must not write into a dead
     * stack frame */
    static WSAOVERLAPPED ov;
    static char data[16];
    static WSABUF buffer = {sizeof data, data};
    HANDLE event = never_completed(t, s, &ov, &buffer);
    unreadable_flags(t, s, &buffer);
    host_counters before = host_get_counters();
    spi_close(t, s, "buggy");
    host_counters after = host_get_counters();
    LONG base_closes = 0;
    for (int i = 0; i < after.entry_count; i++)
        if (spi_made_by_base(t, after.entries[i].entry_id))
            base_closes += after.entries[i].closed -
                           host_entry_books_of(&before, after.entries[i].entry_id).closed;
    spi_check(t, base_closes == 0,
              "WSPCloseSocket buggy never calls WPUCloseSocketHandle for the base's socket",
              "%ld socket(s) of the base provider closed during the call", base_closes);
    BOOL completed = event && WaitForSingleObject(event, SPI_SILENCE_MS) == WAIT_OBJECT_0;
    spi_check(t, !completed, "the pending receive is not completed by the close either", "%s",
              completed ? "completed" : "still pending");
    if (event)
        CloseHandle(event);
    SOCKET closed = spi_socket(t, "closed");
    if (closed == INVALID_SOCKET)
        return FALSE;
    spi_close(t, closed, "closed");
    int err = 0;
    int sent = spi_send_text(t, closed, "late", &err);
    spi_check_error(t, "WSPSend after WSPCloseSocket: WSAENOTSOCK", sent, err, WSAENOTSOCK);
    return t->failures == 0;
}
