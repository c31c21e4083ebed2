#define _POSIX_C_SOURCE 200809L /* clock_gettime, nanosleep */

#include "bench_thunks.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "wpt_call.h"

wpt_recorder bench_recorder;
void (*bench_wake_flusher)(void);
_Thread_local uint32_t bench_thread_id;

bool bench_clock_tsc;
static wpt_session_clock thunk_clock;
static uint8_t hello[256];
static size_t hello_len;

static uint64_t reference_now(void *ctx)
{
    (void)ctx;
    return bench_monotonic_ns();
}

bool bench_clock_init(bool reference_only)
{
    bench_clock_tsc = !reference_only && wpt_clock_tsc_invariant();
    wpt_clock_start(&thunk_clock, bench_clock_tsc, wpt_clock_pair_read(reference_now, NULL),
                    1000000000u, 0);
    uint32_t ms =
        wpt_clock_calibration_wait_ms(thunk_clock.start, bench_monotonic_ns(), 1000000000u);
    struct timespec pause = {0, (long)ms * 1000000};
    nanosleep(&pause, NULL);
    if (!wpt_clock_settle(&thunk_clock, wpt_clock_pair_read(reference_now, NULL))) {
        fprintf(stderr, "bench: the TSC did not calibrate against CLOCK_MONOTONIC\n");
        exit(2);
    }
    static const uint16_t image[] = {'b', 'e', 'n', 'c', 'h'};
    wpt_hello h = {1, 64, 0, thunk_clock.info, {image, 5}, {image, 5}, 0, 1};
    hello_len = wpt_encode_hello(hello, sizeof hello, 1, &h);
    return bench_clock_tsc;
}

void bench_begin_streams(wpt_flusher *fl)
{
    wpt_flusher_begin_streams(fl, &thunk_clock.info, hello, hello_len);
}

static _Thread_local const wpt_nest *innermost; /* the DLL's TLS slot (in the TEB) */
static _Thread_local int last_error;             /* the DLL's TEB.LastErrorValue */
static atomic_uint call_ids;                     /* the DLL's session_next_call_id */
#define SERVED_ENTRY_ID 2001

__attribute__((noinline)) int fake_set_event(uintptr_t handle, int *err)
{
    if (handle == 0) {
        *err = 6; /* WSA_INVALID_HANDLE */
        return 0;
    }
    return 1;
}

__attribute__((noinline)) int fake_send(uintptr_t s, bench_wsabuf *bufs, uint32_t count,
                                        uint32_t *sent, uint32_t flags, void *ov, void *routine,
                                        void *thread, int *err)
{
    (void)flags, (void)ov, (void)routine, (void)thread;
    if (s == 0) {
        *err = 10038; /* WSAENOTSOCK */
        return -1;
    }
    *sent = count > 0 ? bufs[0].len : 0;
    return 0;
}

__attribute__((noinline)) int fake_recv(uintptr_t s, bench_wsabuf *bufs, uint32_t count,
                                        uint32_t *received, uint32_t *flags, void *ov,
                                        void *routine, void *thread, int *err)
{
    (void)ov, (void)routine, (void)thread;
    if (s == 0 || count == 0) {
        *err = 10038;
        return -1;
    }
    *received = bufs[0].len;
    *flags = 0;
    return 0;
}

/* ---- the platform part of dll/thunks.c and dll/downcalls.c ---- */

/* A traced call: wpt_call, and the saved last error, in registers; its wpt_nest apart (its
 * address is the thread's innermost call). */
typedef struct traced {
    wpt_call c;
    int saved_error;
} traced;

WPT_INLINE uint32_t next_call_id(void)
{
    uint32_t id;
    do
        id = atomic_fetch_add_explicit(&call_ids, 1, memory_order_relaxed) + 1;
    while (id == 0);
    return id;
}

/* enter (thunks.c) / begin_call (downcalls.c) */
WPT_INLINE void begin(traced *t, wpt_nest *n, wpt_event_kind kind, unsigned function,
                      int *lp_errno)
{
    uint32_t id = kind == WPT_EVENT_DOWNCALL ? next_call_id() : 0;
    wpt_call_start(&t->c, n, kind, function, innermost, id);
    innermost = n;
    wpt_call_mark_errno(&t->c, lp_errno);
    t->c.start_ticks = bench_now();
}

/* returned (thunks.c) / finished + record (downcalls.c) */
WPT_INLINE void returned(traced *t, int64_t result, bool failed, uint64_t caller_address,
                     uint64_t socket)
{
    uint64_t end = bench_now();
    t->saved_error = last_error;
    wpt_call_returned(&t->c, failed, end);
    wpt_call_record(&t->c, &bench_recorder, bench_thread_id, caller_address, socket,
                    t->c.kind == WPT_EVENT_DOWNCALL ? SERVED_ENTRY_ID : 0, result, 0, 0);
}

/* leave (thunks.c) / end (downcalls.c) */
WPT_INLINE void end(traced *t)
{
    if (wpt_call_publish(&t->c) && bench_wake_flusher)
        bench_wake_flusher();
    innermost = t->c.nest->outer;
    last_error = t->saved_error;
}

/* ---- the thunks ---- */

__attribute__((noinline)) int traced_set_event(uintptr_t handle, int *err)
{
    traced t;
    wpt_nest n;
    begin(&t, &n, WPT_EVENT_UPCALL, WPT_UPCALL_SET_EVENT, err);
    int r = fake_set_event(handle, err);
    returned(&t, r, !r, (uint64_t)(uintptr_t)__builtin_return_address(0), 0);
    wpt_call_arg(&t.c, handle);
    end(&t);
    return r;
}

/* downcalls.c's buffer_args and out_dword (WSPSend's and WSPRecv's buffers are mandatory) */
WPT_INLINE void buffer_args(traced *t, const bench_wsabuf *bufs, uint32_t count)
{
    wpt_call_arg(&t->c, count);
    wpt_call_arg(&t->c, wpt_call_can_read(&t->c, bufs, true)
                            ? wpt_buffer_bytes((const wpt_wsabuf *)bufs, count)
                            : 0);
}

WPT_INLINE uint64_t out_u32(traced *t, const uint32_t *p, bool mandatory)
{
    return wpt_call_can_read_out(&t->c, p, mandatory) ? *p : 0;
}

__attribute__((noinline)) int traced_send(uintptr_t s, bench_wsabuf *bufs, uint32_t count,
                                          uint32_t *sent, uint32_t flags, void *ov,
                                          void *routine, void *thread, int *err)
{
    traced t;
    wpt_nest n;
    begin(&t, &n, WPT_EVENT_DOWNCALL, WPT_FN_SEND, err);
    int r = fake_send(s, bufs, count, sent, flags, ov, routine, thread, err);
    returned(&t, r, r == -1, 0, s);
    buffer_args(&t, bufs, count);
    wpt_call_arg(&t.c, out_u32(&t, sent, false));
    wpt_call_arg(&t.c, flags);
    wpt_call_arg(&t.c, (uint64_t)(uintptr_t)ov);
    wpt_call_arg(&t.c, (uint64_t)(uintptr_t)routine);
    end(&t);
    return r;
}

__attribute__((noinline)) int traced_recv(uintptr_t s, bench_wsabuf *bufs, uint32_t count,
                                          uint32_t *received, uint32_t *flags, void *ov,
                                          void *routine, void *thread, int *err)
{
    traced t;
    wpt_nest n;
    begin(&t, &n, WPT_EVENT_DOWNCALL, WPT_FN_RECV, err);
    uint64_t flags_in = flags ? *flags : 0;
    int r = fake_recv(s, bufs, count, received, flags, ov, routine, thread, err);
    returned(&t, r, r == -1, 0, s);
    buffer_args(&t, bufs, count);
    wpt_call_arg(&t.c, out_u32(&t, received, false));
    wpt_call_arg(&t.c, flags_in);
    wpt_call_arg(&t.c, out_u32(&t, flags, true));
    wpt_call_arg(&t.c, (uint64_t)(uintptr_t)ov);
    wpt_call_arg(&t.c, (uint64_t)(uintptr_t)routine);
    end(&t);
    return r;
}
