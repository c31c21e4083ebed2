/* Bounded MPSC ring: each slot carries a turn counter (Vyukov's bounded queue). A producer
 * claims position p by CAS on head when slot[p].turn == p, fills the slot, then publishes
 * turn = p + 1; the consumer reads slot[tail] when its turn is tail + 1 and hands the slot
 * back to producers of the next lap with turn = tail + capacity. */
#include "wpt_ring.h"

#include <string.h>

/* Copies the parts of an event that carry data: the fixed fields, the used args, text and
 * data. */
static void event_copy(wpt_event *to, const wpt_event *from)
{
    size_t args = from->arg_count < WPT_MAX_ARGS ? from->arg_count : WPT_MAX_ARGS;
    memcpy(to, from, offsetof(wpt_event, args) + args * sizeof from->args[0]);
    if (from->text_len > 0)
        memcpy(to->text, from->text,
               (from->text_len < WPT_TEXT_MAX ? from->text_len : WPT_TEXT_MAX) * sizeof to->text[0]);
    if (from->data_len > 0)
        memcpy(to->data, from->data, from->data_len < WPT_DATA_MAX ? from->data_len : WPT_DATA_MAX);
}

bool wpt_ring_init(wpt_ring *ring, wpt_ring_slot *slots, size_t capacity)
{
    if (capacity < 2 || (capacity & (capacity - 1)) != 0)
        return false;
    ring->slots = slots;
    ring->mask = capacity - 1;
    for (size_t i = 0; i < capacity; i++)
        atomic_init(&slots[i].turn, i);
    atomic_init(&ring->head, 0);
    ring->tail = 0;
    return true;
}

bool wpt_ring_try_push(wpt_ring *ring, const wpt_event *event)
{
    size_t pos = atomic_load_explicit(&ring->head, memory_order_relaxed);
    for (int attempt = 0; attempt < WPT_RING_PUSH_ATTEMPTS; attempt++) {
        wpt_ring_slot *slot = &ring->slots[pos & ring->mask];
        size_t turn = atomic_load_explicit(&slot->turn, memory_order_acquire);
        ptrdiff_t lag = (ptrdiff_t)(turn - pos);
        if (lag == 0) {
            if (atomic_compare_exchange_weak_explicit(&ring->head, &pos, pos + 1,
                                                      memory_order_relaxed,
                                                      memory_order_relaxed)) {
                event_copy(&slot->event, event);
                atomic_store_explicit(&slot->turn, pos + 1, memory_order_release);
                return true;
            }
            /* lost the race: pos now holds the current head */
        } else if (lag < 0) {
            return false; /* the slot of this lap is still unread: full */
        } else {
            pos = atomic_load_explicit(&ring->head, memory_order_relaxed);
        }
    }
    return false;
}

size_t wpt_ring_pop(wpt_ring *ring, wpt_event *out, size_t max)
{
    size_t n = 0;
    while (n < max) {
        wpt_ring_slot *slot = &ring->slots[ring->tail & ring->mask];
        size_t turn = atomic_load_explicit(&slot->turn, memory_order_acquire);
        if (turn != ring->tail + 1)
            break;
        event_copy(&out[n], &slot->event);
        atomic_store_explicit(&slot->turn, ring->tail + ring->mask + 1, memory_order_release);
        ring->tail++;
        n++;
    }
    return n;
}
