/* The two sinks of the flusher: a capture file (appended to; the flusher starts every
 * connection with a stream header) and the client end of the GUI's named pipe (reconnects
 * with exponential backoff; writes are overlapped and bounded in time, so a stalled reader
 * costs drops, never a hang). One sink per process, used by the flusher thread only (or by the
 * detach drain once that thread is gone). */
#include <stdio.h>

#include "tracer.h"

#define BACKOFF_FIRST_MS 50
#define BACKOFF_MAX_MS 2000
#define WRITE_TIMEOUT_MS 5000
#define FINAL_WRITE_TIMEOUT_MS 200
#define CANCEL_TIMEOUT_MS 1000

typedef struct sink_state {
    bool pipe;
    WCHAR target[MAX_PATH];
    HANDLE handle;
    HANDLE write_done; /* overlapped pipe writes */
    OVERLAPPED write;  /* static: a write that completes after a timeout lands here */
    DWORD retry_at;
    DWORD backoff;
} sink_state;

static sink_state state = {.handle = INVALID_HANDLE_VALUE};
static volatile LONG final; /* last drain: no backoff, short writes */

static void back_off(sink_state *s)
{
    s->backoff = s->backoff ? s->backoff * 2 : BACKOFF_FIRST_MS;
    if (s->backoff > BACKOFF_MAX_MS)
        s->backoff = BACKOFF_MAX_MS;
    s->retry_at = GetTickCount() + s->backoff;
}

static bool sink_connect(void *ctx)
{
    sink_state *s = ctx;
    if (s->backoff && !final && (LONG)(GetTickCount() - s->retry_at) < 0)
        return false;
    s->handle = s->pipe ? CreateFileW(s->target, GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                                      FILE_FLAG_OVERLAPPED, NULL)
                        : CreateFileW(s->target, FILE_APPEND_DATA,
                                      FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                      NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (s->handle == INVALID_HANDLE_VALUE) {
        back_off(s);
        return false;
    }
    s->backoff = 0;
    return true;
}

static bool write_pipe(sink_state *s, const uint8_t *data, DWORD len)
{
    ZeroMemory(&s->write, sizeof s->write);
    s->write.hEvent = s->write_done;
    DWORD written = 0;
    if (!WriteFile(s->handle, data, len, NULL, &s->write) && GetLastError() != ERROR_IO_PENDING)
        return false;
    DWORD timeout = final ? FINAL_WRITE_TIMEOUT_MS : WRITE_TIMEOUT_MS;
    if (WaitForSingleObject(s->write_done, timeout) != WAIT_OBJECT_0) {
        CancelIo(s->handle);
        /* Still pending after the cancel: give up; the disconnect closes the handle. */
        if (WaitForSingleObject(s->write_done, CANCEL_TIMEOUT_MS) != WAIT_OBJECT_0)
            return false;
    }
    /* After a cancel the result says whether the write completed after all. */
    return GetOverlappedResult(s->handle, &s->write, &written, FALSE) && written == len;
}

static bool sink_write(void *ctx, const uint8_t *data, size_t len)
{
    sink_state *s = ctx;
    if (s->pipe)
        return write_pipe(s, data, (DWORD)len);
    DWORD written = 0;
    return WriteFile(s->handle, data, (DWORD)len, &written, NULL) && written == len;
}

static void sink_disconnect(void *ctx)
{
    sink_state *s = ctx;
    if (s->handle != INVALID_HANDLE_VALUE)
        CloseHandle(s->handle);
    s->handle = INVALID_HANDLE_VALUE;
    back_off(s);
}

static void init(wpt_sink *sink, const WCHAR *target, bool pipe)
{
    state.pipe = pipe;
    InterlockedExchange(&final, 0);
    swprintf(state.target, MAX_PATH, L"%ls", target);
    if (pipe && !state.write_done)
        state.write_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    *sink = (wpt_sink){&state, sink_connect, sink_write, sink_disconnect};
}

void sink_file_init(wpt_sink *sink, const WCHAR *path) { init(sink, path, false); }

void sink_pipe_init(wpt_sink *sink, const WCHAR *name) { init(sink, name, true); }

void sink_set_final(void) { InterlockedExchange(&final, 1); }

void sink_release(void)
{
    if (state.write_done)
        CloseHandle(state.write_done);
    state.write_done = NULL;
}
