/* Bounded MPSC ring: each slot carries a turn counter (Vyukov's bounded queue), and one event
 * may take several consecutive positions. A producer claims them (wpt_ring_claim, inline in
 * the header), writes the head at the first and the text and data after it, then publishes
 * turn = position + 1 on the first slot; the consumer reads the event at tail when its turn is
 * tail + 1 and hands each of its slots back to producers of the next lap with
 * turn = position + capacity. */
#include "wpt_ring.h"

#include <string.h>

_Static_assert(sizeof(wpt_ring_slot) == 192, "a slot is three cache lines");
_Static_assert(sizeof(wpt_event_head) <= WPT_RING_SLOT_BYTES, "a head fits one slot");

bool wpt_ring_init(wpt_ring *ring, wpt_ring_slot *slots, size_t capacity)
{
    if (capacity < 2 || (capacity & (capacity - 1)) != 0)
        return false;
    ring->slots = slots;
    ring->mask = capacity - 1;
    ring->wake_mask = capacity >= 4 ? capacity / 4 - 1 : 0;
    for (size_t i = 0; i < capacity; i++)
        atomic_init(&slots[i].turn, i);
    atomic_init(&ring->head, 0);
    ring->tail = 0;
    return true;
}

/* Copies between an event's text-and-data bytes [offset, offset + len) in the slots after its
 * head at position and plain memory; to_ring says which way. */
static void copy_tail(wpt_ring *ring, size_t position, size_t offset, uint8_t *plain, size_t len,
                      bool to_ring)
{
    while (len > 0) {
        wpt_ring_slot *slot = &ring->slots[(position + 1 + offset / WPT_RING_SLOT_BYTES)
                                           & ring->mask];
        size_t at = offset % WPT_RING_SLOT_BYTES;
        size_t n = WPT_RING_SLOT_BYTES - at < len ? WPT_RING_SLOT_BYTES - at : len;
        if (to_ring)
            memcpy(slot->u.bytes + at, plain, n);
        else
            memcpy(plain, slot->u.bytes + at, n);
        plain += n;
        offset += n;
        len -= n;
    }
}

size_t wpt_ring_claim_retry(wpt_ring *ring, size_t pos, size_t n)
{
    wpt_ring_slot *first;
    for (int attempt = 1; attempt < WPT_RING_PUSH_ATTEMPTS; attempt++) {
        int done = wpt_ring_try_claim(ring, &pos, n, &first);
        if (done != 0)
            return done > 0 ? pos : WPT_RING_NOT_CLAIMED;
    }
    return WPT_RING_NOT_CLAIMED;
}

void wpt_ring_write(const wpt_ring_room *claim, size_t offset, const void *bytes, size_t len)
{
    copy_tail(claim->ring, claim->position, offset, (uint8_t *)(uintptr_t)bytes, len, true);
}

size_t wpt_ring_pop(wpt_ring *ring, wpt_event *out, size_t max)
{
    size_t n = 0;
    while (n < max) {
        size_t pos = ring->tail;
        wpt_ring_slot *slot = &ring->slots[pos & ring->mask];
        if (atomic_load_explicit(&slot->turn, memory_order_acquire) != pos + 1)
            break;
        wpt_event *ev = &out[n];
        ev->head = slot->u.head;
        copy_tail(ring, pos, 0, (uint8_t *)ev->text, (size_t)ev->text_len * sizeof ev->text[0],
                  false);
        copy_tail(ring, pos, (size_t)ev->text_len * sizeof ev->text[0], ev->data, ev->data_len,
                  false);
        size_t taken = wpt_ring_slots_for(ev->text_len, ev->data_len);
        for (size_t i = 0; i < taken; i++)
            atomic_store_explicit(&ring->slots[(pos + i) & ring->mask].turn,
                                  pos + i + ring->mask + 1, memory_order_release);
        ring->tail = pos + taken;
        n++;
    }
    return n;
}
