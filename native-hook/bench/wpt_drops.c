/* wpt_drops: how many events the tracer loses at a given rate. Producer threads call a traced
 * WSPSend (bench_thunks.c: the DLL's recording path) at a steady offered rate, a flusher thread
 * runs the real flusher the way dll/session.c does (a pass every interval, or at once when a
 * thunk wakes it because its event started a quarter of the ring, or right after a pass that
 * found many events) and writes to a real file.
 * It prints, per run, events/s offered vs delivered vs dropped; the books are checked
 * (delivered + dropped == emitted) and a run whose books do not add up fails.
 *
 *   wpt_drops                      the table README quotes: 1 and 8 threads at 100 k, 1 M and
 *                                  2 M events/s, with the default configuration, then a burst
 *                                  larger than the ring
 *   wpt_drops [--threads T] [--rate EVENTS_PER_S] [--seconds S] [--ring SLOTS]
 *             [--interval MS] [--batch BYTES] [--no-wake] [--burst]
 *                                  one run (defaults: wputrace.dll's, core/wpt_flusher.h)
 *
 * The capture goes to $TMPDIR (or /tmp)/wpt_drops.wputrace and is removed afterwards. Figures
 * only: the rate a shared machine sustains varies; drops are counts. */
#define _GNU_SOURCE /* syscall(SYS_gettid): setpriority of one thread */

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_thunks.h"
#include "wpt_flusher.h"

#define MAX_THREADS 64
#define PACE_NS 1000000 /* producers catch up with their schedule every millisecond */

typedef struct run_config {
    unsigned threads;
    double rate;    /* events/s offered, all threads together */
    double seconds; /* how long they are offered */
    size_t ring;    /* slots */
    unsigned interval_ms;
    size_t batch;   /* bytes */
    bool wake;      /* thunks wake the flusher (wpt_ring_room.wake) */
    bool burst;     /* each thread emits its share at once, unpaced */
} run_config;

typedef struct file_sink {
    const char *path;
    int fd;
    uint64_t bytes;
} file_sink;

static bool sink_connect(void *ctx)
{
    file_sink *s = ctx;
    s->fd = open(s->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
    return s->fd >= 0;
}

static bool sink_write(void *ctx, const uint8_t *data, size_t len)
{
    file_sink *s = ctx;
    while (len > 0) {
        ssize_t n = write(s->fd, data, len);
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
        s->bytes += (uint64_t)n;
    }
    return true;
}

static void sink_disconnect(void *ctx)
{
    file_sink *s = ctx;
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
}

static uint32_t resolve(void *ctx, uint64_t address, wpt_module *module)
{
    (void)ctx, (void)address, (void)module;
    return 0; /* downcalls name no module */
}

/* The flusher thread of dll/session.c: WaitForSingleObject(wake, interval) is sem_timedwait. */
typedef struct flusher_thread {
    wpt_flusher fl;
    sem_t wake;
    atomic_bool stop;
    atomic_bool sleeping; /* waits for its interval or a wake */
    unsigned interval_ms;
    uint64_t passes;
} flusher_thread;

static flusher_thread flusher;

static void wake_flusher(void)
{
    int value = 0;
    if (atomic_load(&flusher.sleeping) && sem_getvalue(&flusher.wake, &value) == 0
        && value == 0) /* an auto-reset event */
        sem_post(&flusher.wake);
}

/* dll/session.c runs its flusher thread at THREAD_PRIORITY_ABOVE_NORMAL; here: nice -5 when
 * permitted (else the run says so). */
#define FLUSHER_NICE (-5)
static atomic_bool flusher_raised;

static void *flush_loop(void *arg)
{
    flusher_thread *ft = arg;
    atomic_store(&flusher_raised,
                 setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), FLUSHER_NICE) == 0);
    size_t popped = 0;
    while (!atomic_load(&ft->stop)) {
        if (popped >= WPT_FLUSHER_BUSY_EVENTS) {
            sched_yield(); /* SwitchToThread */
        } else {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += (long)ft->interval_ms * 1000000L;
            until.tv_sec += until.tv_nsec / 1000000000L;
            until.tv_nsec %= 1000000000L;
            atomic_store(&ft->sleeping, true);
            while (sem_timedwait(&ft->wake, &until) != 0 && errno == EINTR)
                ;
            atomic_store(&ft->sleeping, false);
        }
        popped = wpt_flusher_run(&ft->fl, bench_now());
        ft->passes++;
    }
    return NULL;
}

typedef struct producer {
    const run_config *cfg;
    uint32_t id;
    uint64_t events;
    pthread_t thread;
} producer;

static atomic_bool go;

static void sleep_until(uint64_t ns)
{
    struct timespec t = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL);
}

static void *produce(void *arg)
{
    producer *p = arg;
    bench_thread_id = p->id;
    static char payload[512];
    bench_wsabuf buf = {sizeof payload, payload};
    uint32_t sent;
    int err = 0;
    while (!atomic_load(&go))
        ;
    uint64_t start = bench_monotonic_ns(), end = start + (uint64_t)(p->cfg->seconds * 1e9);
    double per_ns = p->cfg->rate / p->cfg->threads / 1e9;
    uint64_t total = (uint64_t)(p->cfg->rate / p->cfg->threads * p->cfg->seconds);
    for (uint64_t now = start; p->events < total; now = bench_monotonic_ns()) {
        uint64_t due = p->cfg->burst ? total : (uint64_t)((double)(now - start) * per_ns);
        if (due > total || now >= end)
            due = total;
        while (p->events < due) {
            traced_send(p->events + 1, &buf, 1, &sent, 0, NULL, NULL, NULL, &err);
            p->events++;
        }
        if (p->events < total)
            sleep_until(now + PACE_NS);
    }
    return NULL;
}

typedef struct run_result {
    double offered_per_s, delivered_per_s, seconds;
    wpt_flusher_stats stats;
    uint64_t passes;
} run_result;

static bool run(const run_config *cfg, run_result *out)
{
    static producer producers[MAX_THREADS];
    char path[512];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/wpt_drops.wputrace", dir && *dir ? dir : "/tmp");
    wpt_ring_slot *slots = aligned_alloc(64, cfg->ring * sizeof *slots);
    uint8_t *batch = malloc(cfg->batch);
    file_sink sink = {path, -1, 0};
    if (!slots || !batch || !wpt_recorder_init(&bench_recorder, slots, cfg->ring)) {
        fprintf(stderr, "wpt_drops: --ring must be a power of two >= 2 (and memory)\n");
        exit(2);
    }
    wpt_flusher_config fc = {
        .recorder = &bench_recorder,
        .sink = {&sink, sink_connect, sink_write, sink_disconnect},
        .resolve = resolve,
        .pid = 1,
        .batch = batch,
        .batch_capacity = cfg->batch,
    };
    if (!wpt_flusher_init(&flusher.fl, &fc)) {
        fprintf(stderr, "wpt_drops: --batch must be at least %d bytes\n",
                (int)WPT_FLUSHER_MIN_BATCH);
        exit(2);
    }
    bench_begin_streams(&flusher.fl);
    sem_init(&flusher.wake, 0, 0);
    atomic_store(&flusher.stop, false);
    flusher.interval_ms = cfg->interval_ms;
    flusher.passes = 0;
    bench_wake_flusher = cfg->wake ? wake_flusher : NULL;
    pthread_t flusher_thread_id;
    pthread_create(&flusher_thread_id, NULL, flush_loop, &flusher);
    atomic_store(&go, false);
    for (unsigned t = 0; t < cfg->threads; t++) {
        producers[t] = (producer){cfg, t + 1, 0, 0};
        pthread_create(&producers[t].thread, NULL, produce, &producers[t]);
    }
    uint64_t start = bench_monotonic_ns();
    atomic_store(&go, true);
    for (unsigned t = 0; t < cfg->threads; t++)
        pthread_join(producers[t].thread, NULL);
    uint64_t produced_ns = bench_monotonic_ns() - start;
    atomic_store(&flusher.stop, true);
    sem_post(&flusher.wake);
    pthread_join(flusher_thread_id, NULL);
    wpt_flusher_finish(&flusher.fl, bench_now(), WPT_END_PROCESS_EXIT);
    uint64_t flushed_ns = bench_monotonic_ns() - start;
    sink_disconnect(&sink);
    unlink(path);
    sem_destroy(&flusher.wake);
    out->stats = wpt_flusher_get_stats(&flusher.fl);
    out->seconds = (double)produced_ns / 1e9;
    out->offered_per_s = (double)out->stats.emitted / out->seconds;
    out->delivered_per_s = (double)out->stats.delivered / ((double)flushed_ns / 1e9);
    out->passes = flusher.passes;
    free(slots);
    free(batch);
    return out->stats.delivered + out->stats.dropped_total == out->stats.emitted;
}

static bool print_run(const run_config *cfg)
{
    run_result r;
    bool books = run(cfg, &r);
    printf("  %2u threads %9.0f/s%s  offered %9.0f/s  delivered %9.0f/s  emitted %8" PRIu64
           "  dropped %7" PRIu64 " (%5.2f%%)  flusher passes %5" PRIu64 "%s%s\n",
           cfg->threads, cfg->rate, cfg->burst ? " burst" : "      ", r.offered_per_s,
           r.delivered_per_s, r.stats.emitted, r.stats.dropped_total,
           r.stats.emitted ? 100.0 * (double)r.stats.dropped_total / (double)r.stats.emitted : 0,
           r.passes, atomic_load(&flusher_raised) ? "" : "  (flusher priority not raised)",
           books ? "" : "  BOOKS DO NOT ADD UP");
    fflush(stdout);
    return books;
}

static void print_config(const run_config *cfg)
{
    printf("wpt_drops: ring %zu slots (%.1f MiB), flusher every %u ms%s, batch %zu KiB, "
           "file sink; %.1f s per run\n",
           cfg->ring, (double)(cfg->ring * sizeof(wpt_ring_slot)) / 1048576.0, cfg->interval_ms,
           cfg->wake ? " or when woken at each quarter of the ring" : "", cfg->batch / 1024,
           cfg->seconds);
}

int main(int argc, char **argv)
{
    run_config cfg = {8, 1e6, 2.0, WPT_DEFAULT_RING_SLOTS, WPT_DEFAULT_FLUSH_INTERVAL_MS,
                      WPT_DEFAULT_BATCH_BYTES, true, false};
    bench_clock_init(false);
    if (argc == 1) {
        print_config(&cfg);
        static const unsigned threads[] = {1, 8};
        static const double rates[] = {1e5, 1e6, 2e6};
        bool books = true;
        for (size_t t = 0; t < 2; t++)
            for (size_t r = 0; r < 3; r++) {
                cfg.threads = threads[t];
                cfg.rate = rates[r];
                books = print_run(&cfg) && books;
            }
        /* a burst of 32 rings' worth from 8 threads at once: drops, counted */
        cfg.threads = 8;
        cfg.burst = true;
        cfg.seconds = 1.0;
        cfg.rate = 32.0 * (double)cfg.ring;
        books = print_run(&cfg) && books;
        return books ? 0 : 1;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--no-wake") == 0)
            cfg.wake = false;
        else if (strcmp(a, "--burst") == 0)
            cfg.burst = true;
        else if (v && strcmp(a, "--threads") == 0 && ++i)
            cfg.threads = (unsigned)strtoul(v, NULL, 10);
        else if (v && strcmp(a, "--rate") == 0 && ++i)
            cfg.rate = strtod(v, NULL);
        else if (v && strcmp(a, "--seconds") == 0 && ++i)
            cfg.seconds = strtod(v, NULL);
        else if (v && strcmp(a, "--ring") == 0 && ++i)
            cfg.ring = strtoull(v, NULL, 10);
        else if (v && strcmp(a, "--interval") == 0 && ++i)
            cfg.interval_ms = (unsigned)strtoul(v, NULL, 10);
        else if (v && strcmp(a, "--batch") == 0 && ++i)
            cfg.batch = strtoull(v, NULL, 10);
        else {
            fprintf(stderr, "usage: wpt_drops [--threads T] [--rate EVENTS_PER_S] [--seconds S] "
                            "[--ring SLOTS] [--interval MS] [--batch BYTES] [--no-wake] "
                            "[--burst]\n");
            return 2;
        }
    }
    if (cfg.threads == 0 || cfg.threads > MAX_THREADS || cfg.rate <= 0 || cfg.seconds <= 0
        || cfg.interval_ms == 0) {
        fprintf(stderr, "wpt_drops: --threads 1..%d, --rate, --seconds, --interval > 0\n",
                MAX_THREADS);
        return 2;
    }
    print_config(&cfg);
    return print_run(&cfg) ? 0 : 1;
}
