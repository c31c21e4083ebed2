/* The ring and recorder under contention: several producer threads commit through a small
 * ring while one consumer pops. Every sequence number is delivered exactly once or counted as
 * dropped; each producer's events (upcalls, and downcalls with all their args and data) arrive
 * in its own order with their content intact. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "wpt_record.h"
#include "wpt_test.h"

#define PRODUCERS 4
#define EVENTS_PER_PRODUCER 50000
#define RING_CAPACITY 64

typedef struct shared {
    wpt_recorder rec;
    atomic_int producers_left;
} shared;

typedef struct producer {
    shared *sh;
    uint32_t id;
} producer;

static void *produce(void *arg)
{
    producer *p = arg;
    for (uint32_t i = 0; i < EVENTS_PER_PRODUCER; i++) {
        wpt_event ev;
        bool downcall = i % 5 == 0;
        if (downcall)
            event_downcall(&ev, (wpt_function)(i % WPT_FUNCTION_COUNT), p->id, i,
                                      i + 1, i + 2, i);
        else
            event_upcall(&ev, (wpt_upcall)(i % WPT_UPCALL_COUNT), p->id, 0x1000 + i, i);
        event_arg(&ev, p->id);
        event_arg(&ev, i);
        if (downcall) { /* every arg, and data whose length encodes i */
            for (uint32_t k = 2; k < WPT_MAX_ARGS; k++)
                event_arg(&ev, i + k);
            ev.data_len = (uint16_t)(i % (WPT_DATA_MAX + 1));
            for (size_t k = 0; k < ev.data_len; k++)
                ev.data[k] = (uint8_t)(k + i);
        }
        if (i % 7 == 0) { /* some events carry text: its length encodes i */
            uint16_t text[WPT_TEXT_MAX];
            for (size_t k = 0; k < WPT_TEXT_MAX; k++)
                text[k] = (uint16_t)('a' + (k + p->id) % 26);
            ev.text_len = wpt_text_length(text, i % WPT_TEXT_MAX);
            memcpy(ev.text, text, ev.text_len * sizeof text[0]);
        }
        event_push(&p->sh->rec, &ev, i + 5, -(int64_t)i, (int32_t)p->id);
    }
    atomic_fetch_sub(&p->sh->producers_left, 1);
    return NULL;
}

/* Checks one popped event against what its producer wrote; returns false when corrupted. */
static bool intact(const wpt_event *ev, int64_t *last_seen)
{
    uint32_t id = ev->tid, i = (uint32_t)ev->args[1];
    bool downcall = i % 5 == 0;
    if (id >= PRODUCERS || ev->arg_count != (downcall ? WPT_MAX_ARGS : 2) || ev->args[0] != id
        || i <= last_seen[id] || ev->duration_ticks != 5 || ev->result != -(int64_t)i
        || ev->error != (int32_t)id
        || ev->kind != (downcall ? WPT_EVENT_DOWNCALL : WPT_EVENT_UPCALL))
        return false;
    last_seen[id] = i;
    if (downcall) {
        if (ev->function != i % WPT_FUNCTION_COUNT || ev->call_id != i
            || ev->parent_call_id != i + 1 || ev->served_entry_id != i + 2
            || ev->data_len != i % (WPT_DATA_MAX + 1))
            return false;
        for (uint32_t k = 2; k < WPT_MAX_ARGS; k++)
            if (ev->args[k] != i + k)
                return false;
        for (size_t k = 0; k < ev->data_len; k++)
            if (ev->data[k] != (uint8_t)(k + i))
                return false;
    } else if (ev->function != i % WPT_UPCALL_COUNT || ev->caller_address != 0x1000u + i) {
        return false;
    }
    size_t text_len = i % 7 == 0 ? i % WPT_TEXT_MAX : 0;
    if (ev->text_len != text_len)
        return false;
    for (size_t k = 0; k < text_len; k++)
        if (ev->text[k] != (uint16_t)('a' + (k + id) % 26))
            return false;
    return true;
}

static void test_contention(void)
{
    static shared sh;
    static wpt_ring_slot slots[RING_CAPACITY];
    static uint8_t seen[PRODUCERS * EVENTS_PER_PRODUCER];
    static wpt_event out[16];
    memset(seen, 0, sizeof seen);
    CHECK(wpt_recorder_init(&sh.rec, slots, RING_CAPACITY));
    atomic_init(&sh.producers_left, PRODUCERS);
    pthread_t threads[PRODUCERS];
    producer producers[PRODUCERS];
    for (uint32_t p = 0; p < PRODUCERS; p++) {
        producers[p] = (producer){&sh, p};
        pthread_create(&threads[p], NULL, produce, &producers[p]);
    }
    int64_t last_seen[PRODUCERS] = {-1, -1, -1, -1};
    uint64_t delivered = 0, duplicates = 0, corrupted = 0, out_of_range = 0;
    for (;;) {
        bool done = atomic_load(&sh.producers_left) == 0; /* read before the pop */
        size_t n = wpt_ring_pop(&sh.rec.ring, out, 16);
        for (size_t k = 0; k < n; k++) {
            uint32_t seq = out[k].sequence;
            if (seq >= sizeof seen) {
                out_of_range++;
                continue;
            }
            duplicates += seen[seq]++ > 0;
            corrupted += !intact(&out[k], last_seen);
            delivered++;
        }
        if (done && n == 0)
            break;
    }
    for (int p = 0; p < PRODUCERS; p++)
        pthread_join(threads[p], NULL);
    uint64_t emitted = wpt_recorder_emitted(&sh.rec), dropped = wpt_recorder_ring_dropped(&sh.rec);
    uint64_t missing = 0;
    for (size_t s = 0; s < sizeof seen; s++)
        missing += !seen[s];
    CHECK_EQ(emitted, PRODUCERS * EVENTS_PER_PRODUCER);
    CHECK_EQ(delivered + dropped, emitted);
    CHECK_EQ(missing, dropped); /* the gaps are exactly the drops */
    CHECK_EQ(duplicates, 0);
    CHECK_EQ(corrupted, 0);
    CHECK_EQ(out_of_range, 0);
    CHECK(delivered > 0);
    printf("ring contention: %d producers, ring %d: %" PRIu64 " delivered, %" PRIu64
           " dropped\n", PRODUCERS, RING_CAPACITY, delivered, dropped);
}

static void test_single_thread(void)
{
    static wpt_recorder rec;
    static wpt_ring_slot slots[4];
    CHECK(!wpt_recorder_init(&rec, slots, 3)); /* not a power of two */
    CHECK(wpt_recorder_init(&rec, slots, 4));
    wpt_event ev, out[8];
    int pushed = 0;
    for (int i = 0; i < 6; i++) {
        event_upcall(&ev, WPT_UPCALL_SET_EVENT, 1, 2, 3);
        pushed += event_push(&rec, &ev, 4, 1, 0);
    }
    CHECK_EQ(pushed, 4); /* full after 4 */
    CHECK_EQ(wpt_recorder_ring_dropped(&rec), 2);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 8), 4);
    CHECK_EQ(out[0].sequence, 0);
    CHECK_EQ(out[3].sequence, 3);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 8), 0);
    /* after close no sequence numbers, nothing counted */
    CHECK_EQ(wpt_recorder_close(&rec), 6);
    CHECK(!event_push(&rec, &ev, 4, 1, 0));
    CHECK_EQ(wpt_recorder_emitted(&rec), 6);
    CHECK_EQ(wpt_recorder_ring_dropped(&rec), 2);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 8), 0);
    /* text is clipped to WPT_TEXT_MAX without splitting a surrogate pair, or at NUL */
    uint16_t text[WPT_TEXT_MAX + 2];
    for (size_t i = 0; i < WPT_TEXT_MAX + 2; i++)
        text[i] = 'x';
    text[WPT_TEXT_MAX - 1] = 0xD83D;
    text[WPT_TEXT_MAX] = 0xDE00;
    CHECK_EQ(wpt_text_length(text, WPT_TEXT_MAX + 2), WPT_TEXT_MAX - 1);
    text[WPT_TEXT_MAX - 1] = 'x';
    CHECK_EQ(wpt_text_length(text, WPT_TEXT_MAX + 2), WPT_TEXT_MAX);
    text[5] = 0;
    CHECK_EQ(wpt_text_length(text, (size_t)-1), 5);
    CHECK_EQ(wpt_text_length(text, 8), 5); /* a given length stops at a NUL too */
    CHECK_EQ(wpt_text_length(text, 3), 3);
}

/* Events whose text and data take several slots, wrapping round an 8-slot ring: each comes out
 * whole, and takes its slots until it is popped. */
static void test_multi_slot(void)
{
    static wpt_recorder rec;
    static wpt_ring_slot slots[8];
    static wpt_event ev, out[4];
    CHECK(wpt_recorder_init(&rec, slots, 8));
    uint64_t delivered = 0;
    bool whole = true;
    for (uint32_t i = 0; i < 40; i++) {
        event_downcall(&ev, WPT_FN_SEND, 1, i, 0, 2001, i);
        ev.text_len = (uint16_t)(i * 7 % 100);      /* 0 .. 99 units: up to 198 bytes */
        ev.data_len = (uint16_t)(i * 37 % 257);     /* 0 .. 256 bytes */
        for (size_t k = 0; k < ev.text_len; k++)
            ev.text[k] = (uint16_t)(i + k);
        for (size_t k = 0; k < ev.data_len; k++)
            ev.data[k] = (uint8_t)(i * 3 + k);
        CHECK(event_push(&rec, &ev, i + 1, 0, 0)); /* room: the previous one was popped */
        /* a second event of the most slots (1 + ceil(776 / 184) = 6) fits only with room */
        wpt_event big;
        event_downcall(&big, WPT_FN_RECV, 1, 0, 0, 2001, 0);
        big.text_len = WPT_TEXT_MAX;
        big.data_len = WPT_DATA_MAX;
        size_t used = 1 + ((size_t)ev.text_len * 2 + ev.data_len + 183) / 184;
        CHECK_EQ(event_push(&rec, &big, 0, 0, 0), used + 6 <= 8);
        CHECK_EQ(wpt_ring_pop(&rec.ring, out, 4), used + 6 <= 8 ? 2 : 1);
        const wpt_event *o = &out[0];
        whole = whole && o->call_id == i && o->text_len == ev.text_len
                && o->data_len == ev.data_len
                && memcmp(o->text, ev.text, ev.text_len * sizeof ev.text[0]) == 0
                && memcmp(o->data, ev.data, ev.data_len) == 0;
        delivered++;
    }
    CHECK(whole);
    CHECK_EQ(delivered, 40);
    /* the consumer is to be woken when an event starts a quarter of the ring */
    static wpt_ring_slot sixteen[16];
    CHECK(wpt_recorder_init(&rec, sixteen, 16));
    unsigned wakes = 0, woken_at = 0;
    for (unsigned i = 0; i < 8; i++) {
        wpt_ring_room room = {0};
        if (!CHECK(wpt_record_claim(&rec, 0, 0, &room)))
            break;
        wakes += wpt_ring_room_wakes(&room);
        woken_at |= wpt_ring_room_wakes(&room) ? 1u << room.position : 0;
        wpt_record_publish(&room);
    }
    CHECK_EQ(wakes, 2);
    CHECK_EQ(woken_at, 0x11); /* positions 0 and 4 */
    /* more slots than the ring has: dropped */
    static wpt_ring_slot two[2];
    CHECK(wpt_recorder_init(&rec, two, 2));
    event_upcall(&ev, WPT_UPCALL_GET_PROVIDER_PATH, 1, 2, 3);
    ev.text_len = WPT_TEXT_MAX;
    CHECK(!event_push(&rec, &ev, 4, 0, 0));
    CHECK_EQ(wpt_recorder_ring_dropped(&rec), 1);
}

void test_ring(void)
{
    test_single_thread();
    test_multi_slot();
    test_contention();
}
