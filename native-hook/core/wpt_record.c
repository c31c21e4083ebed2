#include "wpt_record.h"

bool wpt_recorder_init(wpt_recorder *rec, wpt_ring_slot *slots, size_t capacity)
{
    atomic_init(&rec->emitted, 0);
    atomic_init(&rec->dropped, 0);
    rec->closed_emitted = 0;
    return wpt_ring_init(&rec->ring, slots, capacity);
}

void wpt_record_text(wpt_upcall_event *ev, const uint16_t *text, size_t len)
{
    size_t n = 0;
    while (n < len && n < WPT_TEXT_MAX && !(len == (size_t)-1 && text[n] == 0))
        n++;
    /* never keep the high half of a surrogate pair without its low half */
    if (n == WPT_TEXT_MAX && n < len && text[n - 1] >= 0xD800 && text[n - 1] <= 0xDBFF)
        n--;
    for (size_t i = 0; i < n; i++)
        ev->text[i] = text[i];
    ev->text_len = (uint16_t)n;
}

bool wpt_record_commit(wpt_recorder *rec, wpt_upcall_event *ev, uint64_t end_ticks,
                       int64_t result, int32_t error)
{
    uint64_t sequence = atomic_fetch_add_explicit(&rec->emitted, 1, memory_order_relaxed);
    if (sequence & WPT_RECORDER_CLOSED)
        return false;
    ev->sequence = (uint32_t)sequence;
    ev->duration_ticks = end_ticks - ev->start_ticks;
    ev->result = result;
    ev->error = error;
    if (wpt_ring_try_push(&rec->ring, ev))
        return true;
    atomic_fetch_add_explicit(&rec->dropped, 1, memory_order_relaxed);
    return false;
}

uint64_t wpt_recorder_close(wpt_recorder *rec)
{
    uint64_t before = atomic_fetch_or_explicit(&rec->emitted, WPT_RECORDER_CLOSED,
                                               memory_order_acq_rel);
    rec->closed_emitted = before & ~WPT_RECORDER_CLOSED;
    return rec->closed_emitted;
}

uint64_t wpt_recorder_emitted(const wpt_recorder *rec)
{
    uint64_t v = atomic_load_explicit((_Atomic uint64_t *)&rec->emitted, memory_order_acquire);
    /* after close, late commits still bump the counter: the count stays the one at close */
    return (v & WPT_RECORDER_CLOSED) ? rec->closed_emitted : v;
}

uint64_t wpt_recorder_ring_dropped(const wpt_recorder *rec)
{
    return atomic_load_explicit((_Atomic uint64_t *)&rec->dropped, memory_order_acquire);
}
