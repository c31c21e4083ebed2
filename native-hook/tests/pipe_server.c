/* Test helper: the server end of the tracer's named pipe, as the GUI would run it, that
 * vanishes and comes back. Usage:
 *   pipe_server PIPE OUTFILE CYCLES UP_MS DOWN_MS
 * Each cycle creates the pipe (message mode, no buffering), takes one client, appends every
 * message it reads to OUTFILE for UP_MS, then closes the pipe and stays away for DOWN_MS. After
 * the cycles it serves one last connection until the client closes it (the tracer's GOODBYE),
 * or 30 s without a client. Prints one line per connection and a summary. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

#define MESSAGE_MAX (4 << 20)

static HANDLE out;
static unsigned char *buffer;

/* Reads messages until deadline (GetTickCount) or until the client leaves; returns bytes. */
static unsigned long long serve(HANDLE pipe, HANDLE done, DWORD deadline, BOOL *client_left)
{
    unsigned long long total = 0;
    *client_left = FALSE;
    for (;;) {
        LONG left = deadline == INFINITE ? LONG_MAX : (LONG)(deadline - GetTickCount());
        if (left <= 0)
            return total;
        OVERLAPPED ov = {0};
        ov.hEvent = done;
        DWORD got = 0;
        if (!ReadFile(pipe, buffer, MESSAGE_MAX, NULL, &ov) && GetLastError() != ERROR_IO_PENDING) {
            *client_left = TRUE;
            return total;
        }
        if (WaitForSingleObject(done, deadline == INFINITE ? INFINITE : (DWORD)left) !=
            WAIT_OBJECT_0)
            CancelIo(pipe);
        BOOL ok = GetOverlappedResult(pipe, &ov, &got, TRUE);
        if (got) {
            DWORD written;
            WriteFile(out, buffer, got, &written, NULL);
            total += got;
        }
        if (!ok && GetLastError() != ERROR_OPERATION_ABORTED) {
            *client_left = TRUE;
            return total;
        }
        if (!ok)
            return total;
    }
}

static BOOL cycle(const WCHAR *name, HANDLE done, DWORD up_ms, BOOL last)
{
    HANDLE pipe = CreateNamedPipeW(name, PIPE_ACCESS_INBOUND | FILE_FLAG_FIRST_PIPE_INSTANCE |
                                             FILE_FLAG_OVERLAPPED,
                                   PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, 1, 0, 0,
                                   0, NULL);
    if (pipe == INVALID_HANDLE_VALUE) {
        printf("pipe_server: CreateNamedPipe failed: %lu\n", GetLastError());
        return FALSE;
    }
    OVERLAPPED ov = {0};
    ov.hEvent = done;
    DWORD ignored;
    DWORD wait_ms = last ? 30000 : up_ms;
    BOOL connected = ConnectNamedPipe(pipe, &ov) || GetLastError() == ERROR_PIPE_CONNECTED;
    if (!connected && GetLastError() == ERROR_IO_PENDING) {
        connected = WaitForSingleObject(done, wait_ms) == WAIT_OBJECT_0;
        if (!connected)
            CancelIo(pipe);
        connected = GetOverlappedResult(pipe, &ov, &ignored, TRUE);
    }
    unsigned long long bytes = 0;
    BOOL left = FALSE;
    if (connected)
        bytes = serve(pipe, done, last ? INFINITE : GetTickCount() + up_ms, &left);
    printf("pipe_server: %s, %llu bytes%s\n", connected ? "client connected" : "no client", bytes,
           left ? ", client closed" : ", server vanishes");
    DisconnectNamedPipe(pipe);
    CloseHandle(pipe);
    return TRUE;
}

int wmain(int argc, WCHAR **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc != 6) {
        fputs("usage: pipe_server PIPE OUTFILE CYCLES UP_MS DOWN_MS\n", stderr);
        return 2;
    }
    int cycles = _wtoi(argv[3]);
    DWORD up = (DWORD)_wtoi(argv[4]), down = (DWORD)_wtoi(argv[5]);
    out = CreateFileW(argv[2], GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, 0, NULL);
    buffer = malloc(MESSAGE_MAX);
    HANDLE done = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (out == INVALID_HANDLE_VALUE || !buffer || !done) {
        fputs("pipe_server: cannot set up\n", stderr);
        return 1;
    }
    for (int i = 0; i < cycles; i++) {
        if (!cycle(argv[1], done, up, FALSE))
            return 1;
        Sleep(down);
    }
    BOOL ok = cycle(argv[1], done, up, TRUE);
    CloseHandle(out);
    printf("pipe_server: done\n");
    return ok ? 0 : 1;
}
