/* What the benchmarks call: fake providers (an upcall shaped like WPUSetEvent, WSPSend and
 * WSPRecv), and thunks over them that trace each call the way wputrace.dll does, through the
 * same core code (core/wpt_call.h) over this platform's equivalents: _Thread_local variables
 * for the TEB fields the DLL reads and writes in place (last error, TLS slot of the innermost
 * call, thread id), and the DLL's clock: the TSC when it is invariant, else CLOCK_MONOTONIC
 * where the DLL reads QueryPerformanceCounter. The per-function args of traced_send and
 * traced_recv are those of dll/downcalls.c's WSPSend/WSPRecv thunks. */
#ifndef BENCH_THUNKS_H
#define BENCH_THUNKS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "wpt_clock.h"
#include "wpt_flusher.h"
#include "wpt_record.h"

typedef struct bench_wsabuf { /* WSABUF: u_long len; char *buf */
    uint32_t len;
    char *buf;
} bench_wsabuf;

typedef int (*set_event_fn)(uintptr_t handle, int *err);
/* Everything a WSPSend/WSPRecv takes (SOCKET, buffers, counts, flags, overlapped, routine,
 * thread id, lpErrno). */
typedef int (*send_fn)(uintptr_t s, bench_wsabuf *bufs, uint32_t count, uint32_t *sent,
                       uint32_t flags, void *ov, void *routine, void *thread, int *err);
typedef int (*recv_fn)(uintptr_t s, bench_wsabuf *bufs, uint32_t count, uint32_t *received,
                       uint32_t *flags, void *ov, void *routine, void *thread, int *err);

int fake_set_event(uintptr_t handle, int *err);
int fake_send(uintptr_t s, bench_wsabuf *bufs, uint32_t count, uint32_t *sent, uint32_t flags,
              void *ov, void *routine, void *thread, int *err);
int fake_recv(uintptr_t s, bench_wsabuf *bufs, uint32_t count, uint32_t *received,
              uint32_t *flags, void *ov, void *routine, void *thread, int *err);

int traced_set_event(uintptr_t handle, int *err);
int traced_send(uintptr_t s, bench_wsabuf *bufs, uint32_t count, uint32_t *sent, uint32_t flags,
                void *ov, void *routine, void *thread, int *err);
int traced_recv(uintptr_t s, bench_wsabuf *bufs, uint32_t count, uint32_t *received,
                uint32_t *flags, void *ov, void *routine, void *thread, int *err);

/* The recorder the thunks write into (set up by the caller), and what they call when an event
 * says the flusher should be woken (NULL: nothing). */
extern wpt_recorder bench_recorder;
extern void (*bench_wake_flusher)(void);
/* The calling thread's id as the events give it. */
extern _Thread_local uint32_t bench_thread_id;

/* CLOCK_MONOTONIC in ns: the reference clock (the DLL's QueryPerformanceCounter). */
static inline uint64_t bench_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The thunks' clock, chosen as wputrace.dll's session_now: the TSC when it is invariant. */
extern bool bench_clock_tsc;

static inline uint64_t bench_now(void)
{
    return bench_clock_tsc ? wpt_clock_tsc() : bench_monotonic_ns();
}

/* Chooses the thunks' clock (the reference clock when reference_only or without an invariant
 * TSC) and calibrates it as wputrace.dll does (waits WPT_CLOCK_CALIBRATION_MIN_MS). Returns
 * whether the TSC is read. */
bool bench_clock_init(bool reference_only);

/* Begins fl's streams with that clock and a PROCESS_HELLO naming the benchmark. */
void bench_begin_streams(wpt_flusher *fl);

#endif
