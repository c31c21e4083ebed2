/* The tracer's clock (SPEC.md §2 "Clock"): the CPU's time-stamp counter when it is invariant
 * (it ticks at a constant rate in every power state, CPUID 0x80000007 EDX bit 8), read with
 * RDTSC (a few cycles, no system call); otherwise the platform's reference clock
 * (QueryPerformanceCounter in wputrace.dll). The TSC's rate is not told by the CPU, so it is
 * calibrated against the reference clock: a pair of readings of both at the start of a load
 * session and another one before the first stream header is written, at least
 * WPT_CLOCK_CALIBRATION_MIN_MS later (wpt_clock_settle).
 *
 * Only the reading (wpt_clock_tsc) is on the thunks' path; the rest runs once per load
 * session. */
#ifndef WPT_CLOCK_H
#define WPT_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "wpt_format.h"
#include "wpt_ring.h" /* WPT_INLINE */

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define WPT_CLOCK_HAS_TSC 1
#else
#define WPT_CLOCK_HAS_TSC 0
#endif

/* How long the calibration pairs are apart at least: with readings that pair up within ~1 us
 * (one QueryPerformanceCounter under Wine is a system call of ~300 ns) the frequency is then
 * right within ~1e-4. */
#define WPT_CLOCK_CALIBRATION_MIN_MS 10
/* Readings of a pair taken to keep the tightest (wpt_clock_pair_read). */
#define WPT_CLOCK_PAIR_TRIES 5

/* The time-stamp counter (only when wpt_clock_tsc_invariant()). */
WPT_INLINE uint64_t wpt_clock_tsc(void)
{
#if WPT_CLOCK_HAS_TSC
    return __rdtsc();
#else
    return 0;
#endif
}

/* Does this CPU have an invariant time-stamp counter (CPUID 0x80000007 EDX bit 8)? */
bool wpt_clock_tsc_invariant(void);

/* A reading of the reference clock and of the TSC taken together. */
typedef struct wpt_clock_pair {
    uint64_t reference;
    uint64_t tsc;
} wpt_clock_pair;

/* Reads the pair: the reference clock (reference(ctx)) between two TSC readings, the midpoint
 * of the tightest of WPT_CLOCK_PAIR_TRIES tries (a thread preempted inside one try only
 * loosens that try). */
wpt_clock_pair wpt_clock_pair_read(uint64_t (*reference)(void *ctx), void *ctx);

/* The TSC's ticks per second from two pairs, the reference clock ticking reference_frequency
 * per second: (to.tsc - from.tsc) * reference_frequency / (to.reference - from.reference),
 * rounded. 0 when the pairs do not go forward on both clocks. */
uint64_t wpt_clock_tsc_frequency(wpt_clock_pair from, wpt_clock_pair to,
                                 uint64_t reference_frequency);

/* Milliseconds still to wait (rounded up) before a pair read when the reference clock reads
 * reference_now is WPT_CLOCK_CALIBRATION_MIN_MS after start (0: none). */
uint32_t wpt_clock_calibration_wait_ms(wpt_clock_pair start, uint64_t reference_now,
                                       uint64_t reference_frequency);

/* A load session's clock, from its start to the first stream header. */
typedef struct wpt_session_clock {
    bool tsc;                /* the thunks read the TSC (else the reference clock) */
    wpt_clock_pair start;    /* both clocks at the session's start */
    uint64_t reference_frequency;
    wpt_clock_info info;     /* frequency 0 until settled */
} wpt_session_clock;

/* Starts a session's clock: tsc says whether the thunks read the TSC; start is the pair read
 * next to start_filetime (the wall time). A clock without the TSC is settled at once. */
void wpt_clock_start(wpt_session_clock *clock, bool tsc, wpt_clock_pair start,
                     uint64_t reference_frequency, uint64_t start_filetime);

/* Settles the frequency from a pair read now (once WPT_CLOCK_CALIBRATION_MIN_MS passed: see
 * wpt_clock_calibration_wait_ms). Returns false when the pairs do not calibrate (a clock that
 * went backwards): the frequency stays 0, and no stream must be written with it. */
bool wpt_clock_settle(wpt_session_clock *clock, wpt_clock_pair now);

#endif
