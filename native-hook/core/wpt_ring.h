/* Bounded lock-free multi-producer single-consumer ring of events in caller-provided
 * memory. Producers (the thunks, any thread) claim room for one event, write its head straight
 * into the slot (and its text and data into the slots after it), then publish it; they never
 * block, never allocate and retry a bounded number of times. The single consumer is the
 * flusher.
 *
 * An event takes one slot for its head, plus WPT_RING_SLOT_BYTES per started
 * WPT_RING_SLOT_BYTES of text and data (most events have none). */
#ifndef WPT_RING_H
#define WPT_RING_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wpt_event.h"

/* The producers' hot path is inlined into each thunk (so that its state lives in registers). */
#define WPT_INLINE static inline __attribute__((always_inline))

/* How often a producer retries after losing a race for a slot before it gives up (drop). */
#define WPT_RING_PUSH_ATTEMPTS 64
/* Bytes of one slot besides its turn: a head, or text and data of the event before. */
#define WPT_RING_SLOT_BYTES 184

/* One slot, 192 bytes (three cache lines). `turn` says whose turn the slot is: position for a
 * producer to fill it, position + 1 once an event starting here is published. */
typedef struct wpt_ring_slot {
    _Alignas(64) atomic_size_t turn;
    _Alignas(8) union {
        wpt_event_head head;
        uint8_t bytes[WPT_RING_SLOT_BYTES];
    } u;
} wpt_ring_slot;

typedef struct wpt_ring {
    wpt_ring_slot *slots;
    size_t mask;      /* capacity - 1 */
    size_t wake_mask; /* capacity / 4 - 1 (at least 0): see wpt_ring_room_wakes */
    _Alignas(64) atomic_size_t head; /* next position producers claim */
    _Alignas(64) size_t tail;        /* next position the consumer reads (consumer only) */
} wpt_ring;

/* Room for one event, between wpt_ring_claim and wpt_ring_publish. */
typedef struct wpt_ring_room {
    wpt_ring *ring;
    size_t position;
    wpt_event_head *head; /* in the slot at position */
} wpt_ring_room;

/* Sets up a ring over slots[0, capacity). capacity must be a power of two >= 2;
 * returns false (ring unusable) otherwise. Not thread-safe: call before any claim/pop. */
bool wpt_ring_init(wpt_ring *ring, wpt_ring_slot *slots, size_t capacity);

/* Positions an event with these lengths takes. */
WPT_INLINE size_t wpt_ring_slots_for(uint16_t text_len, uint16_t data_len)
{
    size_t tail = (size_t)text_len * sizeof(uint16_t) + data_len;
    return 1 + (tail + WPT_RING_SLOT_BYTES - 1) / WPT_RING_SLOT_BYTES;
}

/* Claims positions *pos .. *pos+n-1 when the last one's slot is free (the consumer hands slots
 * back in position order, so the earlier ones are free too) and no other producer moved head
 * meanwhile: 1 done (*first is the slot at *pos), 0 try again (*pos then holds the current
 * head), -1 the ring is full. */
WPT_INLINE int wpt_ring_try_claim(wpt_ring *ring, size_t *pos, size_t n, wpt_ring_slot **first)
{
    wpt_ring_slot *slots = ring->slots;
    size_t mask = ring->mask, last = *pos + n - 1;
    wpt_ring_slot *last_slot = &slots[last & mask];
    ptrdiff_t lag = (ptrdiff_t)(atomic_load_explicit(&last_slot->turn, memory_order_acquire) -
                                last);
    if (lag < 0)
        return -1; /* that slot of this lap is still unread: full */
    if (lag > 0) {
        *pos = atomic_load_explicit(&ring->head, memory_order_relaxed);
        return 0;
    }
    if (!atomic_compare_exchange_weak_explicit(&ring->head, pos, *pos + n, memory_order_relaxed,
                                               memory_order_relaxed))
        return 0; /* lost the race: *pos now holds the current head */
    *first = n == 1 ? last_slot : &slots[*pos & mask];
    return 1;
}

#define WPT_RING_NOT_CLAIMED SIZE_MAX

/* wpt_ring_claim's further attempts from pos after a first one that lost a race (out of line:
 * the thunks inline only the first): the position claimed, or WPT_RING_NOT_CLAIMED. */
__attribute__((cold)) size_t wpt_ring_claim_retry(wpt_ring *ring, size_t pos, size_t n);

/* Claims room for an event with text_len UTF-16 units of text and data_len bytes of data
 * (at most WPT_TEXT_MAX and WPT_DATA_MAX) and sets claim->head, whose text_len and data_len
 * it sets; every other field is the caller's to write. Returns false when the ring is full or
 * the race for a slot was lost WPT_RING_PUSH_ATTEMPTS times; the caller counts that as a drop.
 * Any thread; write and publish the event soon: the consumer waits for it. */
WPT_INLINE bool wpt_ring_claim(wpt_ring *ring, uint16_t text_len, uint16_t data_len,
                               wpt_ring_room *claim)
{
    size_t n = wpt_ring_slots_for(text_len, data_len);
    if ((text_len | data_len) != 0 /* (else n is 1: it fits) */
        && (text_len > WPT_TEXT_MAX || data_len > WPT_DATA_MAX || n > ring->mask + 1))
        return false;
    size_t pos = atomic_load_explicit(&ring->head, memory_order_relaxed);
    wpt_ring_slot *first;
    int done = wpt_ring_try_claim(ring, &pos, n, &first);
    if (__builtin_expect(done <= 0, 0)) {
        if (done < 0 || (pos = wpt_ring_claim_retry(ring, pos, n)) == WPT_RING_NOT_CLAIMED)
            return false;
        first = &ring->slots[pos & ring->mask];
    }
    claim->ring = ring;
    claim->position = pos;
    claim->head = &first->u.head;
    claim->head->text_len = text_len;
    claim->head->data_len = data_len;
    return true;
}

/* Does the claimed event start a quarter of the ring? Then wake the consumer now rather than
 * at its next scheduled pass, so a burst does not fill the ring meanwhile (an event of several
 * slots may step over a quarter's start: the next one wakes it). */
WPT_INLINE bool wpt_ring_room_wakes(const wpt_ring_room *claim)
{
    return (claim->position & claim->ring->wake_mask) == 0;
}

/* Writes len bytes at offset of the claimed event's text and data (the text's bytes first,
 * then the data); the caller keeps offset + len within the lengths it claimed. */
void wpt_ring_write(const wpt_ring_room *claim, size_t offset, const void *bytes, size_t len);

/* Hands the claimed event to the consumer: turn = position + 1 on its first slot (the one
 * whose head claim->head is). */
WPT_INLINE void wpt_ring_publish(const wpt_ring_room *claim)
{
    wpt_ring_slot *slot = (wpt_ring_slot *)(void *)((char *)claim->head -
                                                     offsetof(wpt_ring_slot, u.head));
    atomic_store_explicit(&slot->turn, claim->position + 1, memory_order_release);
}

/* Moves up to max published events, oldest first, into out[]; returns how many. Only the
 * single consumer may call it. Stops early at an event claimed but not published yet. */
size_t wpt_ring_pop(wpt_ring *ring, wpt_event *out, size_t max);

#endif
