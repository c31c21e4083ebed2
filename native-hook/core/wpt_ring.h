/* Bounded lock-free multi-producer single-consumer ring of events in caller-provided
 * memory. Producers (the thunks, any thread) never block, never allocate and retry a bounded
 * number of times; the single consumer is the flusher. */
#ifndef WPT_RING_H
#define WPT_RING_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "wpt_event.h"

/* How often a producer retries after losing a race for a slot before it gives up (drop). */
#define WPT_RING_PUSH_ATTEMPTS 64

/* One slot. `turn` says whose turn the slot is: position for a producer to fill it,
 * position + 1 once filled for the consumer. */
typedef struct wpt_ring_slot {
    atomic_size_t turn;
    wpt_event event;
} wpt_ring_slot;

typedef struct wpt_ring {
    wpt_ring_slot *slots;
    size_t mask; /* capacity - 1 */
    _Alignas(64) atomic_size_t head; /* next position producers claim */
    _Alignas(64) size_t tail;        /* next position the consumer reads (consumer only) */
} wpt_ring;

/* Sets up a ring over slots[0, capacity). capacity must be a power of two >= 2;
 * returns false (ring unusable) otherwise. Not thread-safe: call before any push/pop. */
bool wpt_ring_init(wpt_ring *ring, wpt_ring_slot *slots, size_t capacity);

/* Copies *event into a free slot. Returns false when the ring is full or the race for a slot
 * was lost WPT_RING_PUSH_ATTEMPTS times; the caller counts that as a drop. Any thread. */
bool wpt_ring_try_push(wpt_ring *ring, const wpt_event *event);

/* Moves up to max filled events, oldest first, into out[]; returns how many. Only the single
 * consumer may call it. Stops early at a slot a producer has claimed but not filled yet. */
size_t wpt_ring_pop(wpt_ring *ring, wpt_event *out, size_t max);

#endif
