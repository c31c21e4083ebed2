#include "wpt_record.h"

#include <string.h>

bool wpt_recorder_init(wpt_recorder *rec, wpt_ring_slot *slots, size_t capacity)
{
    atomic_init(&rec->emitted, 0);
    atomic_init(&rec->dropped, 0);
    rec->closed_emitted = 0;
    return wpt_ring_init(&rec->ring, slots, capacity);
}

void wpt_record_text(wpt_event *ev, const uint16_t *text, size_t len)
{
    size_t n = 0;
    while (n < len && n < WPT_TEXT_MAX && text[n] != 0)
        n++;
    /* never keep the high half of a surrogate pair without its low half */
    if (n == WPT_TEXT_MAX && n < len && text[n - 1] >= 0xD800 && text[n - 1] <= 0xDBFF)
        n--;
    for (size_t i = 0; i < n; i++)
        ev->text[i] = text[i];
    ev->text_len = (uint16_t)n;
}

#define SOCKADDR_BYTES 32 /* sa0..sa3 */

void wpt_record_sockaddr(wpt_event *ev, const void *addr, size_t len)
{
    uint8_t bytes[SOCKADDR_BYTES] = {0};
    memcpy(bytes, addr, len < SOCKADDR_BYTES ? len : SOCKADDR_BYTES);
    for (size_t i = 0; i < SOCKADDR_BYTES; i += 8)
        wpt_record_arg(ev, wpt_prefix_u64(bytes + i, 8));
}

uint64_t wpt_prefix_u64(const void *p, size_t len)
{
    const uint8_t *b = p;
    uint64_t v = 0;
    for (size_t i = len < 8 ? len : 8; i > 0; i--)
        v = (v << 8) | b[i - 1];
    return v;
}

uint64_t wpt_buffer_bytes(const wpt_wsabuf *bufs, uint32_t count)
{
    uint64_t sum = 0;
    for (uint32_t i = 0; i < count; i++)
        sum += bufs[i].len;
    return sum;
}

void wpt_record_data(wpt_event *ev, const wpt_wsabuf *bufs, uint32_t count, uint64_t transferred,
                     size_t max)
{
    size_t want = max < WPT_DATA_MAX ? max : WPT_DATA_MAX;
    if (transferred < want)
        want = (size_t)transferred;
    size_t n = 0;
    for (uint32_t i = 0; i < count && n < want; i++) {
        size_t take = bufs[i].len < want - n ? bufs[i].len : want - n;
        if (take > 0)
            memcpy(ev->data + n, bufs[i].buf, take);
        n += take;
    }
    ev->data_len = (uint16_t)n;
    if (max > 0 && n < transferred)
        ev->flags |= WPT_CALL_FLAG_DATA_CLIPPED;
}

bool wpt_record_commit(wpt_recorder *rec, wpt_event *ev, uint64_t end_ticks,
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
