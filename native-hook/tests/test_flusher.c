/* The flusher against a flaky sink that vanishes and comes back: the capture it leaves (upcalls
 * and downcalls) is decoded and checked record by record; delivered + dropped == emitted
 * exactly; DROPS and PROCESS_GOODBYE agree; each (re)connection starts a complete stream. */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "wpt_decode.h"
#include "wpt_flusher.h"
#include "wpt_test.h"

#define PID 77
#define MODULES 3
#define MODULE_SPAN 0x10000u

/* A sink writing into memory. Every fail_every-th write fails, and then the sink refuses a
 * few connection attempts (it vanished and comes back); `reliable` turns failures off.
 * Only the flusher thread calls it. */
typedef struct flaky_sink {
    uint8_t *capture;
    size_t len, cap;
    unsigned writes, fail_every, refuse_left;
    bool reliable;
    unsigned writes_failed;
} flaky_sink;

static bool sink_connect(void *ctx)
{
    flaky_sink *s = ctx;
    if (s->refuse_left > 0 && !s->reliable) {
        s->refuse_left--;
        return false;
    }
    return true;
}

static bool sink_write(void *ctx, const uint8_t *data, size_t len)
{
    flaky_sink *s = ctx;
    s->writes++;
    if (!s->reliable && s->fail_every > 0 && s->writes % s->fail_every == 0) {
        s->refuse_left = s->writes % 5;
        s->writes_failed++;
        return false;
    }
    if (s->len + len > s->cap) {
        s->cap = (s->len + len) * 2;
        s->capture = realloc(s->capture, s->cap);
    }
    memcpy(s->capture + s->len, data, len);
    s->len += len;
    return true;
}

static const uint16_t module_path[] = {'C', ':', '\\', 'm', '.', 'd', 'l', 'l'};

static uint32_t resolve(void *ctx, uint64_t address, wpt_module *module)
{
    (void)ctx;
    uint64_t id = address / MODULE_SPAN;
    if (id < 1 || id > MODULES)
        return 0;
    module->base = id * MODULE_SPAN;
    module->size = MODULE_SPAN;
    module->path = (wpt_utf16){module_path, sizeof module_path / 2};
    return (uint32_t)id;
}

typedef struct rig {
    wpt_recorder rec;
    wpt_ring_slot slots[1024];
    wpt_flusher fl;
    flaky_sink sink;
    uint8_t batch[WPT_FLUSHER_MIN_BATCH];
    uint8_t preamble[4096];
    uint8_t hello[256];
    atomic_int producing;
    atomic_uint runs;          /* flusher passes so far */
    atomic_bool flusher_done;
} rig;

static const wpt_clock_info rig_clock = {1000, 2000, 3000};

/* A flusher over the rig whose streams have not begun (rig_begin_streams). */
static void rig_init(rig *r, unsigned fail_every, unsigned refuse_first)
{
    memset(&r->sink, 0, sizeof r->sink);
    r->sink.fail_every = fail_every;
    r->sink.refuse_left = refuse_first;
    CHECK(wpt_recorder_init(&r->rec, r->slots, sizeof r->slots / sizeof r->slots[0]));
    wpt_flusher_config cfg = {
        .recorder = &r->rec,
        .sink = {&r->sink, sink_connect, sink_write, NULL},
        .resolve = resolve,
        .pid = PID,
        .batch = r->batch,
        .batch_capacity = sizeof r->batch,
        .preamble = r->preamble,
        .preamble_capacity = sizeof r->preamble,
    };
    CHECK(wpt_flusher_init(&r->fl, &cfg));
}

/* The clock is known: streams begin with the header and a PROCESS_HELLO that carry it. */
static void rig_begin_streams(rig *r)
{
    static const uint16_t image[] = {'h', 'o', 's', 't'};
    wpt_hello hello = {1, 64, WPT_TRACER_VERSION, rig_clock, {image, 4}, {image, 4}, 7, 1};
    size_t len = wpt_encode_hello(r->hello, sizeof r->hello, PID, &hello);
    CHECK(len > 0);
    wpt_flusher_begin_streams(&r->fl, &rig_clock, r->hello, len);
}

static void commit(rig *r, uint32_t tid, uint64_t i)
{
    wpt_event ev;
    event_upcall(&ev, WPT_UPCALL_CREATE_EVENT, tid, (i % (MODULES + 1)) * MODULE_SPAN + 8, i);
    event_push(&r->rec, &ev, i + 1, (int64_t)i, 0);
}

/* A WSPSend downcall whose call id, socket and data length encode i. */
static void commit_downcall(rig *r, uint32_t tid, uint64_t i)
{
    wpt_event ev;
    event_downcall(&ev, WPT_FN_SEND, tid, (uint32_t)i + 1, 0, 2001, i);
    ev.socket = i;
    ev.data_len = (uint16_t)(i % 17);
    memset(ev.data, (int)(i & 0xFF), ev.data_len);
    event_push(&r->rec, &ev, i + 1, (int64_t)i, 0);
}

/* What the capture holds, checked while decoding. */
typedef struct books {
    uint64_t events, streams, drops_sum, last_drops_total, problems;
    uint64_t goodbyes, goodbye_emitted, goodbye_dropped;
    uint8_t *seen; /* per sequence number */
    size_t seen_len;
} books;

static void problem(books *b, const char *what, uint64_t offset)
{
    if (b->problems++ < 5)
        printf("     capture problem at byte %" PRIu64 ": %s\n", offset, what);
}

static void audit(const uint8_t *data, size_t len, books *b)
{
    wpt_decoder dec;
    wpt_decoder_init(&dec);
    size_t start = 0;
    bool announced[MODULES + 1] = {false};
    uint64_t records_in_stream = 0;
    for (;;) {
        wpt_item item;
        size_t used;
        wpt_item_kind k = wpt_decode_next(&dec, data + start, len - start, true, &item, &used);
        start += used;
        if (k == WPT_ITEM_END)
            break;
        if (k != WPT_ITEM_HEADER && k != WPT_ITEM_RECORD) {
            problem(b, "damaged or truncated", item.offset);
            break;
        }
        if (k == WPT_ITEM_HEADER) {
            b->streams++;
            records_in_stream = 0;
            memset(announced, 0, sizeof announced);
            continue;
        }
        const wpt_record_view *r = &item.u.record;
        if (records_in_stream++ == 0 && r->type != WPT_REC_PROCESS_HELLO)
            problem(b, "stream does not start with PROCESS_HELLO", item.offset);
        if (r->pid != PID)
            problem(b, "wrong pid", item.offset);
        if (r->type == WPT_REC_MODULE && r->as.module.module_id <= MODULES) {
            announced[r->as.module.module_id] = true;
        } else if (r->type == WPT_REC_UPCALL) {
            const wpt_dec_upcall *u = &r->as.upcall;
            uint32_t expected_module = (uint32_t)(u->caller_address / MODULE_SPAN);
            if (u->caller_module_id != (expected_module <= MODULES ? expected_module : 0))
                problem(b, "wrong caller module", item.offset);
            if (u->caller_module_id != 0 && !announced[u->caller_module_id])
                problem(b, "UPCALL names a module not announced in its stream", item.offset);
            if (u->sequence >= b->seen_len || b->seen[u->sequence]++)
                problem(b, "sequence out of range or delivered twice", item.offset);
            if ((uint64_t)u->result != u->start_ticks || u->duration_ticks != 1
                || !u->has_parent || u->parent_call_id != 0)
                problem(b, "UPCALL content", item.offset);
            b->events++;
        } else if (r->type == WPT_REC_DOWNCALL) {
            const wpt_dec_downcall *d = &r->as.downcall;
            if (d->sequence >= b->seen_len || b->seen[d->sequence]++)
                problem(b, "sequence out of range or delivered twice", item.offset);
            bool data_ok = d->data.len == d->start_ticks % 17;
            for (unsigned b_i = 0; b_i < d->data.len; b_i++)
                data_ok = data_ok && d->data.bytes[b_i] == (uint8_t)d->start_ticks;
            if ((uint64_t)d->result != d->start_ticks || d->call_id != d->start_ticks + 1
                || d->socket != d->start_ticks || d->served_entry_id != 2001 || !data_ok)
                problem(b, "DOWNCALL content", item.offset);
            b->events++;
        } else if (r->type == WPT_REC_DROPS) {
            b->drops_sum += r->as.drops.a;
            if (r->as.drops.b != b->drops_sum || r->as.drops.a == 0)
                problem(b, "DROPS total is not the sum of its counts", item.offset);
            b->last_drops_total = r->as.drops.b;
        } else if (r->type == WPT_REC_PROCESS_GOODBYE) {
            b->goodbyes++;
            b->goodbye_emitted = r->as.goodbye.a;
            b->goodbye_dropped = r->as.goodbye.b;
        }
    }
}

static void *produce(void *arg)
{
    rig *r = arg;
    static atomic_uint next_tid;
    uint32_t tid = atomic_fetch_add(&next_tid, 1);
    for (uint64_t i = 0; i < 20000; i++) {
        if (i % 3 == 2)
            commit_downcall(r, tid, i);
        else
            commit(r, tid, i);
        for (volatile int work = 0; work < 200; work++)
            ; /* what the real upcall would do */
        if (i % 1000 == 999) { /* let the flusher pass at least once per 1000 events */
            unsigned runs = atomic_load(&r->runs);
            while (atomic_load(&r->runs) == runs && !atomic_load(&r->flusher_done))
                sched_yield();
        }
        if (i == 5000 && tid == 0) { /* a preamble record from another thread mid-run */
            uint8_t record[128];
            static const uint16_t text[] = {'h', 'i'};
            size_t n = wpt_encode_message(record, sizeof record, PID, i, WPT_SEVERITY_INFO,
                                          WPT_STATUS_OK, (wpt_utf16){text, 2});
            CHECK(wpt_flusher_add_preamble(&r->fl, record, n));
        }
    }
    atomic_fetch_sub(&r->producing, 1);
    return NULL;
}

/* Producers and a flusher with a flaky sink. finish_early: finish while producers still run. */
static void stress(unsigned fail_every, bool finish_early, bool sink_up_at_end)
{
    static rig r;
    enum { PRODUCERS = 4 };
    rig_init(&r, fail_every, 3);
    rig_begin_streams(&r);
    atomic_init(&r.producing, PRODUCERS);
    atomic_init(&r.runs, 0);
    atomic_init(&r.flusher_done, false);
    pthread_t threads[PRODUCERS];
    for (int p = 0; p < PRODUCERS; p++)
        pthread_create(&threads[p], NULL, produce, &r);
    uint64_t tick = 0;
    while (atomic_load(&r.producing) > 0) {
        wpt_flusher_run(&r.fl, tick++);
        atomic_fetch_add(&r.runs, 1);
        if (finish_early && wpt_recorder_emitted(&r.rec) >= 20000)
            break; /* shut down while the producers still commit */
    }
    r.sink.reliable = sink_up_at_end;
    if (!sink_up_at_end) {
        r.sink.fail_every = 1; /* every write fails, every connect is refused */
        r.sink.refuse_left = 1000000;
    }
    bool said_goodbye = wpt_flusher_finish(&r.fl, tick, WPT_END_CLEANUP);
    atomic_store(&r.flusher_done, true);
    for (int p = 0; p < PRODUCERS; p++)
        pthread_join(threads[p], NULL);

    wpt_flusher_stats st = wpt_flusher_get_stats(&r.fl);
    books b = {0};
    b.seen_len = (size_t)st.emitted;
    b.seen = calloc(b.seen_len + 1, 1);
    audit(r.sink.capture, r.sink.len, &b);
    CHECK_EQ(b.problems, 0);
    CHECK_EQ(st.delivered + st.dropped_total, st.emitted);
    CHECK_EQ(b.events, st.delivered);
    CHECK(st.emitted > 0);
    CHECK(said_goodbye == sink_up_at_end);
    if (sink_up_at_end) {
        CHECK_EQ(b.goodbyes, 1);
        CHECK_EQ(b.goodbye_emitted, st.emitted);
        CHECK_EQ(b.goodbye_dropped, st.dropped_total);
        CHECK_EQ(b.events + b.goodbye_dropped, b.goodbye_emitted);
        CHECK_EQ(b.last_drops_total, b.goodbye_dropped); /* every drop was reported */
    } else {
        CHECK_EQ(b.goodbyes, 0);
        CHECK(b.last_drops_total <= st.dropped_total);
    }
    if (!finish_early)
        CHECK_EQ(st.emitted, PRODUCERS * 20000);
    if (fail_every > 0 && !finish_early) { /* the sink did vanish and come back */
        CHECK(r.sink.writes_failed >= 1);
        CHECK(b.streams >= 2);
    }
    printf("flusher stress (every %uth write fails%s%s): emitted %" PRIu64 ", delivered %" PRIu64
           ", dropped %" PRIu64 ", %" PRIu64 " streams, %u failed writes\n",
           fail_every, finish_early ? ", early finish" : "",
           sink_up_at_end ? "" : ", sink gone at the end", st.emitted, st.delivered,
           st.dropped_total, b.streams, r.sink.writes_failed);
    free(b.seen);
    free(r.sink.capture);
}

/* One thread, exact expectations: the sink refuses the first connect, so the first five events
 * are dropped; then they are reported by one DROPS before the next events. */
static void exact_sequence(void)
{
    static rig r;
    rig_init(&r, 0, 1);
    rig_begin_streams(&r);
    for (uint64_t i = 0; i < 5; i++)
        commit(&r, 1, i);
    CHECK_EQ(wpt_flusher_run(&r.fl, 100), 5);
    CHECK_EQ(r.sink.len, 0);
    for (uint64_t i = 1; i < 4; i++)
        commit(&r, 1, i); /* modules 1, 2, 3 */
    commit_downcall(&r, 1, 9);
    CHECK_EQ(wpt_flusher_run(&r.fl, 200), 4);
    CHECK(wpt_flusher_finish(&r.fl, 300, WPT_END_PROCESS_EXIT));
    CHECK(!wpt_flusher_finish(&r.fl, 400, WPT_END_PROCESS_EXIT)); /* only once */

    static const uint16_t expected[] = {WPT_REC_PROCESS_HELLO, WPT_REC_DROPS, WPT_REC_MODULE,
                                        WPT_REC_UPCALL, WPT_REC_MODULE, WPT_REC_UPCALL,
                                        WPT_REC_MODULE, WPT_REC_UPCALL, WPT_REC_DOWNCALL,
                                        WPT_REC_PROCESS_GOODBYE};
    wpt_decoder dec;
    wpt_decoder_init(&dec);
    size_t start = 0, n = 0;
    bool order_ok = true;
    wpt_item item;
    size_t used;
    CHECK_EQ(wpt_decode_next(&dec, r.sink.capture, r.sink.len, true, &item, &used),
             WPT_ITEM_HEADER);
    CHECK_EQ(item.u.header.clock.start_ticks, 3000);
    start += used;
    while (wpt_decode_next(&dec, r.sink.capture + start, r.sink.len - start, true, &item,
                           &used) == WPT_ITEM_RECORD) {
        start += used;
        const wpt_record_view *v = &item.u.record;
        order_ok = order_ok && n < 10 && v->type == expected[n];
        if (v->type == WPT_REC_DROPS) {
            CHECK_EQ(v->as.drops.ticks, 200);
            CHECK_EQ(v->as.drops.a, 5);
            CHECK_EQ(v->as.drops.b, 5);
        } else if (v->type == WPT_REC_UPCALL) {
            CHECK_EQ(v->as.upcall.sequence, 5 + n / 2 - 1);
        } else if (v->type == WPT_REC_DOWNCALL) {
            CHECK_EQ(v->as.downcall.sequence, 8);
            CHECK_EQ(v->as.downcall.call_id, 10);
            CHECK_EQ(v->as.downcall.data.len, 9);
        } else if (v->type == WPT_REC_PROCESS_GOODBYE) {
            CHECK_EQ(v->as.goodbye.ticks, 300);
            CHECK_EQ(v->as.goodbye.a, 9);
            CHECK_EQ(v->as.goodbye.b, 5);
            CHECK(v->as.goodbye.has_end_reason);
            CHECK_EQ(v->as.goodbye.end_reason, WPT_END_PROCESS_EXIT);
        }
        n++;
    }
    CHECK(order_ok);
    CHECK_EQ(n, 10);
    free(r.sink.capture);
}

/* Before its streams begin (the clock of the ticks is not settled) the flusher writes nothing:
 * the events it pops are dropped and counted, then reported by the first stream. */
static void waits_for_the_clock(void)
{
    static rig r;
    rig_init(&r, 0, 0);
    for (uint64_t i = 0; i < 3; i++)
        commit(&r, 1, i);
    CHECK_EQ(wpt_flusher_run(&r.fl, 100), 3);
    CHECK_EQ(r.sink.writes, 0);
    CHECK_EQ(wpt_flusher_get_stats(&r.fl).dropped_total, 3);
    rig_begin_streams(&r);
    commit(&r, 1, 0);
    CHECK_EQ(wpt_flusher_run(&r.fl, 200), 1);
    wpt_decoder dec;
    wpt_decoder_init(&dec);
    wpt_item item;
    size_t used, at = 0;
    CHECK_EQ(wpt_decode_next(&dec, r.sink.capture, r.sink.len, true, &item, &used),
             WPT_ITEM_HEADER);
    CHECK_EQ(item.u.header.clock.frequency, rig_clock.frequency);
    CHECK_EQ(item.u.header.clock.start_ticks, rig_clock.start_ticks);
    static const uint16_t expected[] = {WPT_REC_PROCESS_HELLO, WPT_REC_DROPS, WPT_REC_UPCALL};
    for (size_t n = 0; n < 3; n++) {
        at += used;
        CHECK_EQ(wpt_decode_next(&dec, r.sink.capture + at, r.sink.len - at, true, &item, &used),
                 WPT_ITEM_RECORD);
        CHECK_EQ(item.u.record.type, expected[n]);
    }
    CHECK_EQ(item.u.record.as.upcall.sequence, 3);
    free(r.sink.capture);
}

static void rejects_bad_config(void)
{
    static wpt_flusher fl;
    static uint8_t small[64];
    wpt_flusher_config cfg = {0};
    CHECK(!wpt_flusher_init(&fl, &cfg));
    cfg.batch = small;
    cfg.batch_capacity = sizeof small;
    CHECK(!wpt_flusher_init(&fl, &cfg));
    CHECK_EQ(wpt_flusher_run(&fl, 0), 0);
    CHECK(!wpt_flusher_finish(&fl, 0, WPT_END_UNLOADED));
}

void test_flusher(void)
{
    rejects_bad_config();
    waits_for_the_clock();
    exact_sequence();
    stress(0, false, true);
    stress(10, false, true);
    stress(4, false, true);
    stress(10, true, true);
    stress(10, false, false);
}
