/* A sample base service provider for wpuhost.exe, built twice: sample_nonifs.dll (handles
 * made with WPUCreateSocketHandle, contexts looked up with WPUQuerySocketHandleContext) and,
 * with SAMPLE_IFS=1, sample_ifs.dll (its own kernel handles registered with
 * WPUModifyIFSHandle). This file: WSPStartup, WSPSocket, WSPCloseSocket, WSPCleanup and the
 * upcall scenarios SampleRunScenario runs (sample_api.h); the rest of its proc table is an
 * in-memory loopback network (sample_base.h, sample_spi*.c), with a few entries that fail with
 * WSAEOPNOTSUPP (sample_unsupported.c). It imports WPUCompleteOverlappedRequest from
 * wpuhost.exe, as a real provider imports it from ws2_32.dll.
 *
 * It releases what it acquired on every path, also when an upcall fails (wpuhost's
 * --fail-upcall): an upcall's failure is reported, never a reason to skip a close. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sample_base.h"

WSPUPCALLTABLE sample_up;
static DWORD catalog_id;
static LONG startups;
static volatile LONG apcs_delivered;

/* A scenario's close: what WSPCloseSocket does, then what ws2_32 does for an IFS handle. */
static int close_socket(SOCKET s, const sample_env *env, int *err)
{
    int rc = sample_close(s, err);
    if (SAMPLE_IFS && rc == 0)
        env->forget_ifs_handle(s);
    return rc;
}

static SOCKET WSPAPI sample_wsp_socket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
                                   GROUP g, DWORD flags, LPINT err)
{
    (void)af, (void)type, (void)protocol, (void)g, (void)flags;
    return sample_open(info ? info->dwCatalogEntryId : catalog_id, err);
}

static int WSPAPI sample_close_socket(SOCKET s, LPINT err) { return sample_close(s, err); }

static int WSPAPI sample_cleanup(LPINT err)
{
    LONG left = InterlockedDecrement(&startups);
    if (left < 0) {
        InterlockedIncrement(&startups);
        return *err = WSANOTINITIALISED, SOCKET_ERROR;
    }
    if (left == 0)
        sample_worker_stop();
    return 0;
}

__declspec(dllexport) int WSPAPI WSPStartup(WORD version, LPWSPDATA data,
                                            LPWSAPROTOCOL_INFOW info, WSPUPCALLTABLE upcalls,
                                            LPWSPPROC_TABLE procs)
{
    if (LOBYTE(version) < 2 || !data || !info || !procs)
        return WSAEINVAL;
    sample_up = upcalls;
    catalog_id = info->dwCatalogEntryId;
    data->wVersion = data->wHighVersion = MAKEWORD(2, 2);
    swprintf(data->szDescription, WSPDESCRIPTION_LEN, L"wpuscope sample %ls provider",
             SAMPLE_IFS ? L"IFS" : L"non-IFS");
    sample_fill_unsupported(procs);
    sample_fill_connection(procs);
    sample_fill_data(procs);
    sample_fill_notify(procs);
    if (GetEnvironmentVariableW(SAMPLE_ENV_INCOMPLETE_PROC_TABLE, NULL, 0))
        procs->lpWSPIoctl = NULL; /* deliberately wrong, for the tests */
    procs->lpWSPSocket = sample_wsp_socket;
    procs->lpWSPCloseSocket = sample_close_socket;
    procs->lpWSPCleanup = sample_cleanup;
    InterlockedIncrement(&startups);
    return 0;
}

/* ---- scenarios: each returns SAMPLE_OK/SAMPLE_FAILED and writes what happened ---- */

typedef struct report {
    char *text;
    size_t cap;
    size_t len;
} report;

static int say(report *r, BOOL ok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (r->len < r->cap) {
        int n = vsnprintf(r->text + r->len, r->cap - r->len, fmt, ap);
        r->len += n > 0 ? (size_t)n : 0;
    }
    va_end(ap);
    return ok ? SAMPLE_OK : SAMPLE_FAILED;
}

static int scenario_asyncselect(const sample_env *env, report *r)
{
    int err = 0;
    SOCKET s = sample_open(catalog_id, &err);
    if (s == INVALID_SOCKET)
        return say(r, FALSE, "could not open a socket (error %d)", err);
    BOOL ok = sample_up.lpWPUPostMessage(env->window, env->message, s, WSAMAKESELECTREPLY(FD_WRITE, 0)) &&
              sample_up.lpWPUPostMessage(env->window, env->message, s, WSAMAKESELECTREPLY(FD_READ, 0)) &&
              sample_up.lpWPUPostMessage(env->window, env->message, s,
                                  WSAMAKESELECTREPLY(FD_CLOSE, WSAECONNRESET));
    int closed = close_socket(s, env, &err);
    return say(r, ok && closed == 0, "posted FD_WRITE, FD_READ, FD_CLOSE/WSAECONNRESET for 0x%llx",
               (unsigned long long)s);
}

static int scenario_blocking(report *r)
{
    LPBLOCKINGCALLBACK callback = NULL;
    DWORD_PTR context = 0;
    int err = 0;
    if (sample_up.lpWPUQueryBlockingCallback(catalog_id, &callback, &context, &err) != 0)
        return say(r, FALSE, "WPUQueryBlockingCallback failed (error %d)", err);
    BOOL keep_blocking = callback ? callback(context) : TRUE;
    return say(r, callback != NULL, "callback %p context 0x%llx returned %d", (void *)callback,
               (unsigned long long)context, keep_blocking);
}

static int scenario_events(report *r)
{
    int err = 0;
    WSAEVENT ev = sample_up.lpWPUCreateEvent(&err);
    if (ev == WSA_INVALID_EVENT)
        return say(r, FALSE, "WPUCreateEvent failed (error %d)", err);
    BOOL set = sample_up.lpWPUSetEvent(ev, &err) && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0;
    BOOL reset = sample_up.lpWPUResetEvent(ev, &err) && WaitForSingleObject(ev, 0) == WAIT_TIMEOUT;
    BOOL closed = sample_up.lpWPUCloseEvent(ev, &err); /* whatever set and reset did */
    return say(r, set && reset && closed, "event %p: set %s, reset %s, closed %s", ev,
               set ? "signalled" : "FAILED", reset ? "cleared" : "FAILED", closed ? "yes" : "NO");
}

static void CALLBACK count_apc(DWORD_PTR context)
{
    InterlockedExchangeAdd(&apcs_delivered, (LONG)context);
}

static int scenario_apc(report *r)
{
    WSATHREADID thread = {0};
    int err = 0;
    if (sample_up.lpWPUOpenCurrentThread(&thread, &err) != 0)
        return say(r, FALSE, "WPUOpenCurrentThread failed (error %d)", err);
    LONG before = apcs_delivered;
    int queued = sample_up.lpWPUQueueApc(&thread, count_apc, 1, &err);
    DWORD wait = SleepEx(0, TRUE);
    int closed = sample_up.lpWPUCloseThread(&thread, &err);
    BOOL delivered = apcs_delivered == before + 1;
    return say(r, queued == 0 && wait == WAIT_IO_COMPLETION && delivered && closed == 0,
               "APC queued %s, alertable wait %s, thread handle closed %s",
               queued == 0 ? "yes" : "NO", delivered ? "delivered it" : "did NOT deliver it",
               closed == 0 ? "yes" : "NO");
}

static int scenario_overlapped(const sample_env *env, report *r)
{
    int err = 0;
    SOCKET s = sample_open(catalog_id, &err);
    if (s == INVALID_SOCKET)
        return say(r, FALSE, "could not open a socket (error %d)", err);
    WSAOVERLAPPED ov = {0};
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    int rc = WPUCompleteOverlappedRequest(s, &ov, 0, 42, &err);
    BOOL signalled = ov.hEvent && WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0;
    CloseHandle(ov.hEvent);
    int closed = close_socket(s, env, &err);
    return say(r, rc == 0 && signalled && ov.InternalHigh == 42 && closed == 0,
               "completed 42 bytes on 0x%llx: result %d, event %s, InternalHigh %llu",
               (unsigned long long)s, rc, signalled ? "signalled" : "NOT signalled",
               (unsigned long long)ov.InternalHigh);
}

static int scenario_fdisset(const sample_env *env, report *r)
{
    int err = 0;
    SOCKET a = sample_open(catalog_id, &err), b = sample_open(catalog_id, &err);
    if (a == INVALID_SOCKET || b == INVALID_SOCKET) {
        for (int i = 0; i < 2; i++)
            if ((i ? b : a) != INVALID_SOCKET)
                close_socket(i ? b : a, env, &err);
        return say(r, FALSE, "could not open both sockets");
    }
    fd_set set;
    set.fd_count = 1;
    set.fd_array[0] = a;
    SetLastError(ERROR_INVALID_DATA); /* an upcall that does not fail must leave it alone */
    int member = sample_up.lpWPUFDIsSet(a, &set), stranger = sample_up.lpWPUFDIsSet(b, &set);
    DWORD last_error = GetLastError();
    BOOL closed_a = close_socket(a, env, &err) == 0, closed_b = close_socket(b, env, &err) == 0;
    BOOL closed = closed_a && closed_b;
    return say(r, member && !stranger && closed && last_error == ERROR_INVALID_DATA,
               "member -> %d, non-member -> %d, last error %s", member, stranger,
               last_error == ERROR_INVALID_DATA ? "kept" : "CLOBBERED");
}

static int scenario_providerpath(const sample_env *env, report *r)
{
    WCHAR path[MAX_PATH];
    int len = 4, err = 0;
    GUID known = env->known_provider, unknown = env->unknown_provider;
    int small = sample_up.lpWPUGetProviderPath(&known, path, &len, &err);
    BOOL small_ok = small == SOCKET_ERROR && err == WSAEFAULT && len > 4;
    len = MAX_PATH;
    int found = sample_up.lpWPUGetProviderPath(&known, path, &len, &err);
    int unknown_len = MAX_PATH, unknown_err = 0;
    int missing = sample_up.lpWPUGetProviderPath(&unknown, path + 0, &unknown_len, &unknown_err);
    return say(r, small_ok && found == 0 && missing == SOCKET_ERROR,
               "short buffer -> error %s, known provider -> \"%ls\", unknown provider -> "
               "error %d", small_ok ? "WSAEFAULT" : "WRONG", found == 0 ? path : L"(failed)",
               unknown_err);
}

static int scenario_misuse(const sample_env *env, report *r)
{
    int err = 0, err2 = 0, err3 = 0;
    SOCKET s = sample_open(catalog_id, &err);
    if (s == INVALID_SOCKET)
        return say(r, FALSE, "could not open a socket (error %d)", err);
    int first = close_socket(s, env, &err);
    int second = sample_up.lpWPUCloseSocketHandle(s, &err2); /* misuse: double close */
    DWORD_PTR unknown_ctx = 0;
    int query = sample_up.lpWPUQuerySocketHandleContext((SOCKET)0x7ffff0, &unknown_ctx, &err3);
    SOCKET leaked = sample_open(catalog_id, &err);  /* misuse: never closed */
    WSAEVENT leaked_event = sample_up.lpWPUCreateEvent(&err); /* misuse: never closed */
    return say(r, first == 0 && second == SOCKET_ERROR && query == SOCKET_ERROR &&
                      leaked != INVALID_SOCKET && leaked_event != WSA_INVALID_EVENT,
               "double close -> error %d, unknown handle query -> error %d, leaked socket 0x%llx "
               "and event %p", err2, err3, (unsigned long long)leaked, leaked_event);
}

/* Two threads misuse one handle the way a real multi-threaded LSP does (events, so that it
 * applies to both samples):
 *  1. thread A closes an event and then sets a flag event; thread B waits for the flag, then sets
 *     the closed event: a use after a close that certainly returned first;
 *  2. both threads close the same event at once (released together): one of the closes must
 *     fail, and whichever order they took, the handle was closed twice. */
typedef struct crossthread_job {
    HANDLE go;        /* Win32 event: released by the other thread */
    WSAEVENT target;  /* the event both threads work on */
    BOOL (*step)(struct crossthread_job *job);
    BOOL result;
} crossthread_job;

static BOOL close_target(crossthread_job *job)
{
    int err = 0;
    return sample_up.lpWPUCloseEvent(job->target, &err);
}

static BOOL set_target(crossthread_job *job)
{
    int err = 0;
    return sample_up.lpWPUSetEvent(job->target, &err);
}

static DWORD WINAPI crossthread_worker(void *arg)
{
    crossthread_job *job = arg;
    WaitForSingleObject(job->go, INFINITE);
    job->result = job->step(job);
    return 0;
}

/* Runs step on a second thread once go is set; returns the thread. */
static HANDLE crossthread_start(crossthread_job *job)
{
    return CreateThread(NULL, 0, crossthread_worker, job, 0, NULL);
}

static int scenario_crossthread(report *r)
{
    int err = 0;
    crossthread_job job = {CreateEventW(NULL, TRUE, FALSE, NULL), sample_up.lpWPUCreateEvent(&err),
                           set_target, FALSE};
    HANDLE other = job.go && job.target != WSA_INVALID_EVENT ? crossthread_start(&job) : NULL;
    if (!other)
        return say(r, FALSE, "could not start the second thread or create the event");
    BOOL closed = sample_up.lpWPUCloseEvent(job.target, &err); /* returns before the other thread starts */
    SetEvent(job.go);
    WaitForSingleObject(other, INFINITE);
    CloseHandle(other);
    BOOL used_after_close = closed && !job.result;

    ResetEvent(job.go);
    job.target = sample_up.lpWPUCreateEvent(&err);
    job.step = close_target;
    other = job.target != WSA_INVALID_EVENT ? crossthread_start(&job) : NULL;
    if (!other) {
        CloseHandle(job.go);
        return say(r, FALSE, "could not start the second thread for the double close");
    }
    SetEvent(job.go);
    BOOL here = sample_up.lpWPUCloseEvent(job.target, &err);
    WaitForSingleObject(other, INFINITE);
    CloseHandle(other);
    CloseHandle(job.go);
    BOOL closed_twice = here != job.result; /* exactly one of the two closes succeeded */
    return say(r, used_after_close && closed_twice,
               "set after another thread's close: %s; two threads closing one event: %s",
               used_after_close ? "failed, as it must" : "UNEXPECTED",
               closed_twice ? "one failed, as it must" : "UNEXPECTED");
}

typedef struct stress_job {
    const sample_env *env;
    LONG failures;
} stress_job;

static DWORD WINAPI stress_thread(void *arg)
{
    stress_job *job = arg;
    for (unsigned i = 0; i < job->env->iterations; i++) {
        int err = 0;
        WSAEVENT ev = sample_up.lpWPUCreateEvent(&err);
        BOOL ok = ev != WSA_INVALID_EVENT;
        if (ev != WSA_INVALID_EVENT) { /* each step runs whether the one before failed */
            ok = sample_up.lpWPUSetEvent(ev, &err) && ok;
            ok = sample_up.lpWPUResetEvent(ev, &err) && ok;
            ok = sample_up.lpWPUCloseEvent(ev, &err) && ok;
        }
        SOCKET s = sample_open(catalog_id, &err);
        ok = s != INVALID_SOCKET && ok;
        if (s != INVALID_SOCKET)
            ok = close_socket(s, job->env, &err) == 0 && ok;
        if (!ok)
            InterlockedIncrement(&job->failures);
    }
    return 0;
}

static int scenario_stress(const sample_env *env, report *r)
{
    enum { MAX_THREADS = 64 };
    HANDLE threads[MAX_THREADS] = {0};
    stress_job job = {env, 0};
    unsigned n = env->threads < MAX_THREADS ? env->threads : MAX_THREADS, started = 0;
    for (unsigned i = 0; i < n; i++)
        if ((threads[started] = CreateThread(NULL, 0, stress_thread, &job, 0, NULL)))
            started++;
    WaitForMultipleObjects(started, threads, TRUE, INFINITE);
    for (unsigned i = 0; i < started; i++)
        CloseHandle(threads[i]);
    unsigned per_round = SAMPLE_IFS ? 5 : 7; /* upcalls per round */
    return say(r, started == n && job.failures == 0,
               "%u threads x %u rounds, %u upcalls, %ld failed rounds", started, env->iterations,
               started * env->iterations * per_round, job.failures);
}

/* Cost of one upcall through whatever table the sample got (traced or not): WPUFDIsSet on an
 * empty set, in rounds of 1000 calls (fewer than the tracer's ring holds) with a pause
 * between rounds so that the flusher keeps up and nothing is dropped. */
static int scenario_bench(const sample_env *env, report *r)
{
    enum { ROUND = 1000 };
    fd_set set;
    set.fd_count = 0;
    LARGE_INTEGER freq, start, end;
    LONGLONG ticks = 0;
    unsigned rounds = env->iterations / ROUND ? env->iterations / ROUND : 1;
    QueryPerformanceFrequency(&freq);
    for (unsigned i = 0; i < rounds; i++) {
        QueryPerformanceCounter(&start);
        for (unsigned k = 0; k < ROUND; k++)
            sample_up.lpWPUFDIsSet((SOCKET)1, &set);
        QueryPerformanceCounter(&end);
        ticks += end.QuadPart - start.QuadPart;
        Sleep(15);
    }
    double ns = (double)ticks * 1e9 / (double)freq.QuadPart / ((double)rounds * ROUND);
    return say(r, TRUE, "%u calls of WPUFDIsSet: %.1f ns per call", rounds * ROUND, ns);
}

__declspec(dllexport) int WINAPI SampleRunScenario(const char *name, const sample_env *env,
                                                   char *text, int text_len)
{
    report r = {text, text_len > 0 ? (size_t)text_len : 0, 0};
    if (r.cap)
        text[0] = '\0';
    if (!sample_up.lpWPUCreateEvent)
        return say(&r, FALSE, "WSPStartup was not called");
    if (!strcmp(name, "asyncselect"))
        return scenario_asyncselect(env, &r);
    if (!strcmp(name, "blocking"))
        return scenario_blocking(&r);
    if (!strcmp(name, "events"))
        return scenario_events(&r);
    if (!strcmp(name, "apc"))
        return scenario_apc(&r);
    if (!strcmp(name, "fdisset"))
        return scenario_fdisset(env, &r);
    if (!strcmp(name, "providerpath"))
        return scenario_providerpath(env, &r);
    if (!strcmp(name, "stress"))
        return scenario_stress(env, &r);
    if (!strcmp(name, "crossthread"))
        return scenario_crossthread(&r);
    if (!strcmp(name, "bench"))
        return scenario_bench(env, &r);
    if (!SAMPLE_IFS && !strcmp(name, "overlapped"))
        return scenario_overlapped(env, &r);
    if (!SAMPLE_IFS && !strcmp(name, "misuse"))
        return scenario_misuse(env, &r);
    say(&r, FALSE, "the %s sample has no scenario '%s'", SAMPLE_IFS ? "IFS" : "non-IFS", name);
    return SAMPLE_NOT_APPLICABLE;
}
