#include "wpt_clock.h"

#if WPT_CLOCK_HAS_TSC
#include <cpuid.h>
#endif

bool wpt_clock_tsc_invariant(void)
{
#if WPT_CLOCK_HAS_TSC
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(0x80000000u, &eax, &ebx, &ecx, &edx) || eax < 0x80000007u)
        return false;
    if (!__get_cpuid(0x80000007u, &eax, &ebx, &ecx, &edx))
        return false;
    return (edx >> 8) & 1u;
#else
    return false;
#endif
}

wpt_clock_pair wpt_clock_pair_read(uint64_t (*reference)(void *ctx), void *ctx)
{
    wpt_clock_pair best = {0, 0};
    uint64_t best_spread = UINT64_MAX;
    for (int i = 0; i < WPT_CLOCK_PAIR_TRIES; i++) {
        uint64_t before = wpt_clock_tsc();
        uint64_t ref = reference(ctx);
        uint64_t after = wpt_clock_tsc();
        if (after - before < best_spread) {
            best_spread = after - before;
            best = (wpt_clock_pair){ref, before + best_spread / 2};
        }
    }
    return best;
}

uint64_t wpt_clock_tsc_frequency(wpt_clock_pair from, wpt_clock_pair to,
                                 uint64_t reference_frequency)
{
    if (to.tsc <= from.tsc || to.reference <= from.reference || reference_frequency == 0)
        return 0;
    uint64_t ticks = to.tsc - from.tsc, ref = to.reference - from.reference;
    /* ticks * reference_frequency / ref, rounded, in 64 bits: keep ref * reference_frequency
     * below 2^63 (halving both deltas of a calibration longer than ~29 years at 10 MHz, or
     * ~9 s against a 1 GHz reference, changes the ratio by less than one part in 2^30) */
    while (ref > (UINT64_MAX / 2) / reference_frequency) {
        ref >>= 1;
        ticks >>= 1;
    }
    uint64_t whole = ticks / ref, rest = ticks % ref;
    if (whole > UINT64_MAX / reference_frequency)
        return 0;
    return whole * reference_frequency + (rest * reference_frequency + ref / 2) / ref;
}

uint32_t wpt_clock_calibration_wait_ms(wpt_clock_pair start, uint64_t reference_now,
                                       uint64_t reference_frequency)
{
    uint64_t per_ms = reference_frequency / 1000;
    uint64_t needed = per_ms * WPT_CLOCK_CALIBRATION_MIN_MS;
    uint64_t elapsed = reference_now > start.reference ? reference_now - start.reference : 0;
    return elapsed >= needed ? 0 : (uint32_t)((needed - elapsed + per_ms - 1) / per_ms);
}

void wpt_clock_start(wpt_session_clock *clock, bool tsc, wpt_clock_pair start,
                     uint64_t reference_frequency, uint64_t start_filetime)
{
    clock->tsc = tsc;
    clock->start = start;
    clock->reference_frequency = reference_frequency;
    clock->info.start_filetime = start_filetime;
    clock->info.start_ticks = tsc ? start.tsc : start.reference;
    clock->info.frequency = tsc ? 0 : reference_frequency;
}

bool wpt_clock_settle(wpt_session_clock *clock, wpt_clock_pair now)
{
    if (!clock->info.frequency)
        clock->info.frequency =
            wpt_clock_tsc_frequency(clock->start, now, clock->reference_frequency);
    return clock->info.frequency != 0;
}
