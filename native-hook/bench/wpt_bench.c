/* wpt_bench: the added cost of a traced upcall and of a traced WSPSend/WSPRecv downcall
 * against the same call untraced, in one run.
 *
 * A fake upcall (shaped like WPUSetEvent: a handle and an lpErrno) is called directly and
 * through a thunk that traces it as wputrace.dll's upcall thunks do (bench_thunks.c: the same
 * core code, core/wpt_call.h). A flusher thread drains the ring meanwhile, once with a
 * connected sink (events delivered) and once with the sink disconnected (events popped and
 * counted as dropped). Fake WSPSend and WSPRecv providers are called directly and through
 * thunks that trace them as dll/downcalls.c does (call id, per-thread nesting, *lpErrno
 * marker, buffer count and bytes, out-values, the event written into its ring slot), with the
 * sink connected.
 *
 *   wpt_bench                      ns per call of each mode (best of several runs)
 *   wpt_bench --mode M --calls N   one mode, for callgrind
 *   wpt_bench --list-modes         "MODE LOOP_FUNCTION BASELINE_MODE" per line
 *   --reference-clock              the thunks read CLOCK_MONOTONIC, as the DLL reads
 *                                  QueryPerformanceCounter without an invariant TSC
 *
 * `make bench-callgrind` runs the second form under callgrind (bench/bench_callgrind.sh)
 * and prints instructions per call. Figures only: nothing here asserts on timing. */
#define _POSIX_C_SOURCE 200809L /* nanosleep, clock_gettime */

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_thunks.h"
#include "wpt_flusher.h"

#define DEFAULT_RING WPT_DEFAULT_RING_SLOTS /* slots; --ring changes it (a power of two) */
#define DEFAULT_CALLS 2000000
#define REPEATS 5

static wpt_ring_slot *slots;
static size_t ring_capacity = DEFAULT_RING;

/* ---- the measured loops: each call direct or through its thunk ---- */

/* Volatile so the compiler cannot inline the calls away. */
static set_event_fn volatile direct_call = fake_set_event;
static set_event_fn volatile traced_call = traced_set_event;

static __attribute__((noinline)) void measure_direct(uint64_t calls)
{
    int err = 0;
    for (uint64_t i = 0; i < calls; i++)
        direct_call((uintptr_t)(i | 1), &err);
}

static __attribute__((noinline)) void measure_traced(uint64_t calls)
{
    int err = 0;
    for (uint64_t i = 0; i < calls; i++)
        traced_call((uintptr_t)(i | 1), &err);
}

static send_fn volatile send_direct_call = fake_send;
static send_fn volatile send_traced_call = traced_send;
static recv_fn volatile recv_direct_call = fake_recv;
static recv_fn volatile recv_traced_call = traced_recv;
static char payload[512];

static __attribute__((noinline)) void send_loop(uint64_t calls, send_fn volatile *fn)
{
    int err = 0;
    uint32_t sent;
    bench_wsabuf buf = {sizeof payload, payload};
    for (uint64_t i = 0; i < calls; i++)
        (*fn)((uintptr_t)(i | 1), &buf, 1, &sent, 0, NULL, NULL, NULL, &err);
}

static __attribute__((noinline)) void recv_loop(uint64_t calls, recv_fn volatile *fn)
{
    int err = 0;
    uint32_t received, flags;
    bench_wsabuf buf = {sizeof payload, payload};
    for (uint64_t i = 0; i < calls; i++) {
        flags = 0;
        (*fn)((uintptr_t)(i | 1), &buf, 1, &received, &flags, NULL, NULL, NULL, &err);
    }
}

static __attribute__((noinline)) void measure_send_direct(uint64_t calls)
{
    send_loop(calls, &send_direct_call);
}

static __attribute__((noinline)) void measure_send_traced(uint64_t calls)
{
    send_loop(calls, &send_traced_call);
}

static __attribute__((noinline)) void measure_recv_direct(uint64_t calls)
{
    recv_loop(calls, &recv_direct_call);
}

static __attribute__((noinline)) void measure_recv_traced(uint64_t calls)
{
    recv_loop(calls, &recv_traced_call);
}

/* ---- the flusher thread and its sink ---- */

typedef struct bench_sink {
    bool available;
    uint64_t bytes;
} bench_sink;

static bool sink_connect(void *ctx) { return ((bench_sink *)ctx)->available; }

static bool sink_write(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    ((bench_sink *)ctx)->bytes += len;
    return true;
}

static uint32_t resolve(void *ctx, uint64_t address, wpt_module *module)
{
    (void)ctx;
    static const uint16_t path[] = {'b', 'e', 'n', 'c', 'h'};
    module->base = address & ~(uint64_t)0xFFFF;
    module->size = 0x10000;
    module->path = (wpt_utf16){path, 5};
    return 1;
}

typedef struct flusher_thread {
    wpt_flusher fl;
    bench_sink sink;
    uint8_t batch[1 << 18];
    atomic_bool stop;
    pthread_t thread;
} flusher_thread;

static void *flush_loop(void *arg)
{
    flusher_thread *ft = arg;
    while (!atomic_load(&ft->stop)) {
        if (wpt_flusher_run(&ft->fl, bench_now()) == 0) {
            struct timespec pause = {0, 100000}; /* the DLL waits on an event with a timeout */
            nanosleep(&pause, NULL);
        }
    }
    return NULL;
}

static void flusher_start(flusher_thread *ft, bool sink_available)
{
    memset(&ft->sink, 0, sizeof ft->sink);
    ft->sink.available = sink_available;
    if (!wpt_recorder_init(&bench_recorder, slots, ring_capacity)) {
        fprintf(stderr, "wpt_bench: --ring must be a power of two >= 2\n");
        exit(2);
    }
    wpt_flusher_config cfg = {
        .recorder = &bench_recorder,
        .sink = {&ft->sink, sink_connect, sink_write, NULL},
        .resolve = resolve,
        .pid = 1,
        .batch = ft->batch,
        .batch_capacity = sizeof ft->batch,
    };
    if (!wpt_flusher_init(&ft->fl, &cfg)) {
        fprintf(stderr, "wpt_bench: flusher init failed\n");
        exit(2);
    }
    bench_begin_streams(&ft->fl);
    atomic_store(&ft->stop, false);
    pthread_create(&ft->thread, NULL, flush_loop, ft);
}

static wpt_flusher_stats flusher_stop(flusher_thread *ft)
{
    atomic_store(&ft->stop, true);
    pthread_join(ft->thread, NULL);
    wpt_flusher_finish(&ft->fl, bench_now(), WPT_END_PROCESS_EXIT);
    return wpt_flusher_get_stats(&ft->fl);
}

/* ---- modes ---- */

typedef enum sink_state { NO_FLUSHER, SINK_CONNECTED, SINK_DISCONNECTED } sink_state;

typedef struct bench_mode {
    const char *name;
    const char *title;
    void (*loop)(uint64_t calls);
    const char *loop_name; /* what callgrind counts */
    sink_state sink;
    int baseline;          /* the untraced mode it is compared with (itself for those) */
} bench_mode;

enum { MODES = 7 };
static const bench_mode modes[MODES] = {
    {"direct", "direct (untraced)", measure_direct, "measure_direct", NO_FLUSHER, 0},
    {"connected", "traced, sink connected", measure_traced, "measure_traced", SINK_CONNECTED, 0},
    {"disconnected", "traced, sink disconnected", measure_traced, "measure_traced",
     SINK_DISCONNECTED, 0},
    {"send", "WSPSend direct (untraced)", measure_send_direct, "measure_send_direct",
     NO_FLUSHER, 3},
    {"send-traced", "WSPSend traced", measure_send_traced, "measure_send_traced",
     SINK_CONNECTED, 3},
    {"recv", "WSPRecv direct (untraced)", measure_recv_direct, "measure_recv_direct",
     NO_FLUSHER, 5},
    {"recv-traced", "WSPRecv traced", measure_recv_traced, "measure_recv_traced",
     SINK_CONNECTED, 5},
};

static flusher_thread flusher;

/* Runs one mode; returns ns per call and fills stats for the traced modes. */
static double run_mode(int m, uint64_t calls, wpt_flusher_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    if (modes[m].sink != NO_FLUSHER)
        flusher_start(&flusher, modes[m].sink == SINK_CONNECTED);
    uint64_t start = bench_monotonic_ns();
    modes[m].loop(calls);
    uint64_t elapsed = bench_monotonic_ns() - start;
    if (modes[m].sink != NO_FLUSHER)
        *stats = flusher_stop(&flusher);
    return (double)elapsed / (double)calls;
}

static int parse_mode(const char *name)
{
    for (int m = 0; m < MODES; m++)
        if (strcmp(name, modes[m].name) == 0)
            return m;
    return -1;
}

int main(int argc, char **argv)
{
    uint64_t calls = DEFAULT_CALLS;
    int only = -1;
    bool reference_clock = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--list-modes") == 0 && argc == 2) {
            for (int m = 0; m < MODES; m++)
                printf("%s %s %s\n", modes[m].name, modes[m].loop_name,
                       modes[modes[m].baseline].name);
            return 0;
        } else if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
            only = parse_mode(argv[++i]);
            if (only < 0) {
                fprintf(stderr, "wpt_bench: unknown mode '%s' (see --list-modes)\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "--calls") == 0 && i + 1 < argc) {
            calls = strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--ring") == 0 && i + 1 < argc) {
            ring_capacity = strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--reference-clock") == 0) {
            reference_clock = true;
        } else {
            fprintf(stderr, "usage: wpt_bench [--mode MODE] [--calls N] [--ring SLOTS] "
                            "[--reference-clock] | --list-modes\n");
            return 2;
        }
    }
    slots = aligned_alloc(64, ring_capacity * sizeof *slots);
    if (calls == 0 || !slots) {
        fprintf(stderr, "wpt_bench: bad --calls or --ring\n");
        return 2;
    }
    bench_thread_id = 1234;
    bench_clock_init(reference_clock);
    wpt_flusher_stats stats;
    if (only >= 0) {
        double ns = run_mode(only, calls, &stats);
        printf("%s: %" PRIu64 " calls, %.1f ns/call, delivered %" PRIu64 ", dropped %" PRIu64
               ", clock %s\n", modes[only].name, calls, ns, stats.delivered, stats.dropped_total,
               bench_clock_tsc ? "TSC" : "reference");
        return 0;
    }
    printf("wpt_bench: added cost of a traced upcall and downcall (%" PRIu64
           " calls per run, best of %d)\n", calls, REPEATS);
    double best[MODES];
    wpt_flusher_stats best_stats[MODES];
    for (int m = 0; m < MODES; m++)
        best[m] = 1e300;
    for (int r = 0; r < REPEATS; r++) {
        for (int m = 0; m < MODES; m++) {
            double ns = run_mode(m, calls, &stats);
            if (ns < best[m]) {
                best[m] = ns;
                best_stats[m] = stats;
            }
        }
    }
    uint64_t start = bench_monotonic_ns();
    for (uint64_t i = 0; i < calls; i++)
        (void)bench_now();
    double clock_ns = (double)(bench_monotonic_ns() - start) / (double)calls;
    for (int m = 0; m < MODES; m++) {
        printf("  %-28s %7.1f ns/call", modes[m].title, best[m]);
        if (modes[m].baseline != m)
            printf("  (+%.1f ns)  delivered %" PRIu64 ", dropped %" PRIu64,
                   best[m] - best[modes[m].baseline], best_stats[m].delivered,
                   best_stats[m].dropped_total);
        printf("\n");
    }
    printf("  (of which 2 clock reads, %.1f ns each here: %s)\n", clock_ns,
           bench_clock_tsc ? "RDTSC, as the DLL with an invariant TSC"
                           : "CLOCK_MONOTONIC, where the DLL reads QueryPerformanceCounter");
    return 0;
}
