/* wpt_bench: the added cost of a traced upcall against the same upcall untraced, in one run.
 *
 * A fake upcall (shaped like WPUSetEvent: a handle and an lpErrno) is called directly and
 * through a thunk that does what wputrace.dll's thunks do: preserve the error code (errno
 * here, GetLastError there), timestamp, note the return address, call the real upcall, read the
 * result, record the event through wpt_record_commit into the ring. A flusher thread drains
 * the ring meanwhile, once with a connected sink (events delivered) and once with the sink
 * disconnected (events popped and counted as dropped).
 *
 *   wpt_bench                      ns per call of each mode (best of several runs)
 *   wpt_bench --mode M --calls N   one mode (direct|connected|disconnected), for callgrind
 *
 * `make bench-callgrind` runs the second form under callgrind (bench/bench_callgrind.sh)
 * and prints instructions per call. Figures only: nothing here asserts on timing. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, nanosleep */

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wpt_flusher.h"

#define RING_CAPACITY 8192
#define DEFAULT_CALLS 2000000
#define REPEATS 5

/* ---- the upcall, untraced and traced ---- */

typedef int (*set_event_fn)(uintptr_t handle, int *err);

static __attribute__((noinline)) int fake_set_event(uintptr_t handle, int *err)
{
    if (handle == 0) {
        *err = 6; /* WSA_INVALID_HANDLE */
        return 0;
    }
    return 1;
}

static wpt_recorder recorder;
static wpt_ring_slot slots[RING_CAPACITY];
static _Thread_local uint32_t thread_id;

static uint64_t now_ticks(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* What a thunk of the DLL does around the real upcall. */
static __attribute__((noinline)) int traced_set_event(uintptr_t handle, int *err)
{
    int saved = errno;
    wpt_event ev;
    wpt_record_begin(&ev, WPT_UPCALL_SET_EVENT, thread_id,
                     (uint64_t)(uintptr_t)__builtin_return_address(0), now_ticks());
    wpt_record_arg(&ev, handle);
    errno = saved;
    int result = fake_set_event(handle, err);
    saved = errno;
    wpt_record_commit(&recorder, &ev, now_ticks(), result, result ? 0 : *err);
    errno = saved;
    return result;
}

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
        if (wpt_flusher_run(&ft->fl, now_ticks()) == 0) {
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
    wpt_recorder_init(&recorder, slots, RING_CAPACITY);
    wpt_flusher_config cfg = {
        .recorder = &recorder,
        .sink = {&ft->sink, sink_connect, sink_write, NULL},
        .resolve = resolve,
        .pid = 1,
        .clock = {1000000000u, 0, now_ticks()},
        .batch = ft->batch,
        .batch_capacity = sizeof ft->batch,
    };
    if (!wpt_flusher_init(&ft->fl, &cfg)) {
        fprintf(stderr, "wpt_bench: flusher init failed\n");
        exit(2);
    }
    atomic_store(&ft->stop, false);
    pthread_create(&ft->thread, NULL, flush_loop, ft);
}

static wpt_flusher_stats flusher_stop(flusher_thread *ft)
{
    atomic_store(&ft->stop, true);
    pthread_join(ft->thread, NULL);
    wpt_flusher_finish(&ft->fl, now_ticks(), WPT_END_PROCESS_EXIT);
    return wpt_flusher_get_stats(&ft->fl);
}

/* ---- modes ---- */

typedef enum mode { DIRECT, CONNECTED, DISCONNECTED, MODES } mode;
static const char *const mode_names[MODES] = {"direct", "connected", "disconnected"};
static const char *const mode_titles[MODES] = {
    "direct (untraced)", "traced, sink connected", "traced, sink disconnected"};

static flusher_thread flusher;

/* Runs one mode; returns ns per call and fills stats for the traced modes. */
static double run_mode(mode m, uint64_t calls, wpt_flusher_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    if (m != DIRECT)
        flusher_start(&flusher, m == CONNECTED);
    uint64_t start = now_ticks();
    if (m == DIRECT)
        measure_direct(calls);
    else
        measure_traced(calls);
    uint64_t elapsed = now_ticks() - start;
    if (m != DIRECT)
        *stats = flusher_stop(&flusher);
    return (double)elapsed / (double)calls;
}

static int parse_mode(const char *name)
{
    for (int m = 0; m < MODES; m++)
        if (strcmp(name, mode_names[m]) == 0)
            return m;
    return -1;
}

int main(int argc, char **argv)
{
    uint64_t calls = DEFAULT_CALLS;
    int only = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
            only = parse_mode(argv[++i]);
        } else if (strcmp(argv[i], "--calls") == 0 && i + 1 < argc) {
            calls = strtoull(argv[++i], NULL, 10);
        } else {
            fprintf(stderr, "usage: wpt_bench [--mode direct|connected|disconnected] "
                            "[--calls N]\n");
            return 2;
        }
    }
    if (calls == 0 || (argc > 1 && only < 0 && argc != 3)) {
        fprintf(stderr, "wpt_bench: bad arguments\n");
        return 2;
    }
    thread_id = 1234;
    wpt_flusher_stats stats;
    if (only >= 0) {
        double ns = run_mode((mode)only, calls, &stats);
        printf("%s: %" PRIu64 " calls, %.1f ns/call, delivered %" PRIu64 ", dropped %" PRIu64
               "\n", mode_names[only], calls, ns, stats.delivered, stats.dropped_total);
        return 0;
    }
    printf("wpt_bench: added cost of a traced upcall (%" PRIu64 " calls per run, best of %d)\n",
           calls, REPEATS);
    double best[MODES];
    wpt_flusher_stats best_stats[MODES];
    for (int m = 0; m < MODES; m++)
        best[m] = 1e300;
    for (int r = 0; r < REPEATS; r++) {
        for (int m = 0; m < MODES; m++) {
            double ns = run_mode((mode)m, calls, &stats);
            if (ns < best[m]) {
                best[m] = ns;
                best_stats[m] = stats;
            }
        }
    }
    uint64_t start = now_ticks();
    for (uint64_t i = 0; i < calls; i++)
        (void)now_ticks();
    double clock_ns = (double)(now_ticks() - start) / (double)calls;
    for (int m = 0; m < MODES; m++) {
        printf("  %-28s %7.1f ns/call", mode_titles[m], best[m]);
        if (m != DIRECT)
            printf("  (+%.1f ns)  delivered %" PRIu64 ", dropped %" PRIu64, best[m] - best[DIRECT],
                   best_stats[m].delivered, best_stats[m].dropped_total);
        printf("\n");
    }
    printf("  (of which 2 clock reads, %.1f ns each here; the DLL reads QueryPerformanceCounter)\n",
           clock_ns);
    return 0;
}
