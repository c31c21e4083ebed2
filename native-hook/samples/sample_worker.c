/* The sample base provider's worker thread: what happens "later" on the loopback network
 * (WSPAsyncSelect messages, completions of pending overlapped requests) is queued here under
 * the network lock and done by one thread in queue order, so that a caller that waits for each
 * effect sees the same sequence every run. Started at the first job (never inside WSPStartup,
 * which may run under the loader lock), stopped by the last WSPCleanup. */
#include "sample_base.h"

#define MAX_OPS 64
#define MAX_JOBS 128

typedef struct job {
    sample_op *op; /* a completion, or NULL for a message */
    HWND hwnd;
    UINT msg;
    WPARAM wparam;
    LPARAM lparam;
} job;

static sample_op ops[MAX_OPS];
static job jobs[MAX_JOBS];
static unsigned job_head, job_count;
static HANDLE worker, wake;
static BOOL stopping;

sample_op *sample_op_new_locked(SOCKET s, LPWSAOVERLAPPED ov,
                                LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                                const LPWSATHREADID thread)
{
    for (int i = 0; i < MAX_OPS; i++)
        if (!ops[i].used) {
            sample_op *op = &ops[i];
            *op = (sample_op){.used = TRUE, .handle = s, .ov = ov, .routine = routine};
            if (thread)
                op->thread = *thread;
            return op;
        }
    return NULL;
}

void sample_op_drop_locked(sample_op *op) { op->used = FALSE; }

/* The APC the provider queues: calls the caller's completion routine on the caller's thread. */
static void CALLBACK deliver_completion(DWORD_PTR context)
{
    sample_op *op = (sample_op *)context;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine = op->routine;
    LPWSAOVERLAPPED ov = op->ov;
    DWORD error = op->error, bytes = op->bytes;
    sample_lock();
    sample_op_drop_locked(op);
    sample_unlock();
    routine(error, bytes, ov, 0);
}

void sample_complete_now(sample_op *op)
{
    int err = 0;
    if (op->routine) {
        op->ov->Internal = op->error;
        op->ov->InternalHigh = op->bytes;
        if (sample_up.lpWPUQueueApc(&op->thread, deliver_completion, (DWORD_PTR)op, &err) == 0)
            return;
    } else if (!SAMPLE_IFS) {
        WPUCompleteOverlappedRequest(op->handle, op->ov, op->error, op->bytes, &err);
    } else {
        op->ov->Internal = op->error;
        op->ov->InternalHigh = op->bytes;
        if (op->ov->hEvent)
            sample_up.lpWPUSetEvent(op->ov->hEvent, &err);
    }
    sample_lock();
    sample_op_drop_locked(op);
    sample_unlock();
}

static DWORD WINAPI worker_main(void *unused)
{
    (void)unused;
    for (;;) {
        WaitForSingleObject(wake, INFINITE);
        for (;;) {
            sample_lock();
            BOOL have = job_count > 0 && !stopping;
            job j = have ? jobs[job_head] : (job){0};
            if (have) {
                job_head = (job_head + 1) % MAX_JOBS;
                job_count--;
            }
            BOOL stop = stopping;
            sample_unlock();
            if (stop)
                return 0;
            if (!have)
                break;
            if (j.op)
                sample_complete_now(j.op);
            else
                sample_up.lpWPUPostMessage(j.hwnd, j.msg, j.wparam, j.lparam);
        }
    }
}

/* Queues a job (lock held), starting the worker at the first one; a full queue drops the job
 * (and its request, which then never completes). */
static void enqueue(job j)
{
    if (!wake)
        wake = CreateEventW(NULL, FALSE, FALSE, NULL);
    if (!worker && wake)
        worker = CreateThread(NULL, 0, worker_main, NULL, 0, NULL);
    if (!worker || job_count == MAX_JOBS) {
        if (j.op)
            sample_op_drop_locked(j.op);
        return;
    }
    jobs[(job_head + job_count) % MAX_JOBS] = j;
    job_count++;
    SetEvent(wake);
}

void sample_worker_post(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    enqueue((job){NULL, hwnd, msg, wparam, lparam});
}

void sample_worker_complete(sample_op *op) { enqueue((job){op, NULL, 0, 0, 0}); }

void sample_worker_stop(void)
{
    sample_lock();
    HANDLE thread = worker;
    stopping = TRUE;
    if (wake)
        SetEvent(wake);
    sample_unlock();
    if (thread) {
        WaitForSingleObject(thread, INFINITE);
        CloseHandle(thread);
    }
    if (wake)
        CloseHandle(wake);
    worker = wake = NULL;
    job_head = job_count = 0;
    stopping = FALSE;
}
