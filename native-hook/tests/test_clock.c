/* The clock's calibration math (core/wpt_clock.c): the TSC's frequency from two pairs of
 * readings, the wait before the second pair, a session clock with and without the TSC, and the
 * pair read itself around a reference clock. */
#include "wpt_clock.h"
#include "wpt_test.h"

#define QPF UINT64_C(10000000) /* QueryPerformanceFrequency on Windows 10 and Wine */

static wpt_clock_pair pair(uint64_t reference, uint64_t tsc)
{
    return (wpt_clock_pair){reference, tsc};
}

static void frequency_math(void)
{
    /* one second of a 10 MHz reference, 3,000,000,123 TSC ticks */
    CHECK_EQ(wpt_clock_tsc_frequency(pair(1000, 5000), pair(1000 + QPF, 5000 + 3000000123u), QPF),
             3000000123u);
    /* 10 ms: 29,999,999 ticks is 2,999,999,900 per second */
    CHECK_EQ(wpt_clock_tsc_frequency(pair(0, 0), pair(QPF / 100, 29999999), QPF), 2999999900u);
    /* rounded to the nearest: 2/3 and 1/3 of a tick per reference tick */
    CHECK_EQ(wpt_clock_tsc_frequency(pair(0, 0), pair(3, 2), 1), 1);
    CHECK_EQ(wpt_clock_tsc_frequency(pair(0, 0), pair(3, 1), 1), 0);
    /* 50 hours apart (ticks * frequency far beyond 64 bits) */
    uint64_t hours50 = 50 * 3600 * QPF;
    uint64_t ticks50 = 50 * 3600 * UINT64_C(2400000000);
    CHECK_EQ(wpt_clock_tsc_frequency(pair(7, 9), pair(7 + hours50, 9 + ticks50), QPF),
             UINT64_C(2400000000));
    /* a 1 GHz reference (the host benchmarks' CLOCK_MONOTONIC in ns), 100 s */
    CHECK_EQ(wpt_clock_tsc_frequency(pair(0, 0), pair(UINT64_C(100000000000),
                                                      UINT64_C(250000000000)),
                                     1000000000u),
             UINT64_C(2500000000));
    /* clocks that do not go forward calibrate nothing */
    CHECK_EQ(wpt_clock_tsc_frequency(pair(10, 10), pair(10, 20), QPF), 0);
    CHECK_EQ(wpt_clock_tsc_frequency(pair(10, 10), pair(20, 10), QPF), 0);
    CHECK_EQ(wpt_clock_tsc_frequency(pair(10, 10), pair(5, 20), QPF), 0);
    CHECK_EQ(wpt_clock_tsc_frequency(pair(10, 10), pair(20, 20), 0), 0);
}

static void calibration_wait(void)
{
    wpt_clock_pair start = pair(1000, 0);
    CHECK_EQ(wpt_clock_calibration_wait_ms(start, 1000, QPF), WPT_CLOCK_CALIBRATION_MIN_MS);
    CHECK_EQ(wpt_clock_calibration_wait_ms(start, 1000 + 25001, QPF),
             WPT_CLOCK_CALIBRATION_MIN_MS - 2); /* 2.5001 ms passed: 7.4999 ms rounded up */
    CHECK_EQ(wpt_clock_calibration_wait_ms(start, 1000 + WPT_CLOCK_CALIBRATION_MIN_MS * 10000,
                                           QPF),
             0);
    CHECK_EQ(wpt_clock_calibration_wait_ms(start, 1000 + QPF, QPF), 0);
    CHECK_EQ(wpt_clock_calibration_wait_ms(start, 10, QPF), WPT_CLOCK_CALIBRATION_MIN_MS);
}

static void session_clock(void)
{
    wpt_session_clock reference_only, tsc;
    wpt_clock_start(&reference_only, false, pair(500, 7000), QPF, 123456);
    CHECK_EQ(reference_only.info.frequency, QPF); /* settled at once */
    CHECK_EQ(reference_only.info.start_ticks, 500);
    CHECK_EQ(reference_only.info.start_filetime, 123456);
    CHECK(wpt_clock_settle(&reference_only, pair(400, 6000))); /* nothing to calibrate */
    CHECK_EQ(reference_only.info.frequency, QPF);

    wpt_clock_start(&tsc, true, pair(500, 7000), QPF, 123456);
    CHECK_EQ(tsc.info.frequency, 0);
    CHECK_EQ(tsc.info.start_ticks, 7000);
    CHECK_EQ(tsc.info.start_filetime, 123456);
    CHECK(!wpt_clock_settle(&tsc, pair(400, 9000))); /* the reference went backwards */
    CHECK_EQ(tsc.info.frequency, 0);
    CHECK(wpt_clock_settle(&tsc, pair(500 + QPF / 50, 7000 + 60000000))); /* 20 ms */
    CHECK_EQ(tsc.info.frequency, UINT64_C(3000000000));
    CHECK(wpt_clock_settle(&tsc, pair(500 + QPF, 7000))); /* settled once: kept */
    CHECK_EQ(tsc.info.frequency, UINT64_C(3000000000));
}

/* A reference clock that counts its reads. */
static uint64_t counting_reference(void *ctx)
{
    uint64_t *reads = ctx;
    return 100 + (*reads)++;
}

static void pair_read(void)
{
    uint64_t reads = 0;
    wpt_clock_pair p = wpt_clock_pair_read(counting_reference, &reads);
    CHECK_EQ(reads, WPT_CLOCK_PAIR_TRIES);
    CHECK(p.reference >= 100 && p.reference < 100 + WPT_CLOCK_PAIR_TRIES);
    if (!wpt_clock_tsc_invariant()) {
        printf("clock: no invariant TSC here: its reads are not checked\n");
        return;
    }
    uint64_t before = wpt_clock_tsc();
    wpt_clock_pair q = wpt_clock_pair_read(counting_reference, &reads);
    uint64_t after = wpt_clock_tsc();
    CHECK(before <= q.tsc && q.tsc <= after);
    CHECK(p.tsc < q.tsc);
}

void test_clock(void)
{
    frequency_math();
    calibration_wait();
    session_clock();
    pair_read();
}
