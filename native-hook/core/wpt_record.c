#include "wpt_record.h"

bool wpt_recorder_init(wpt_recorder *rec, wpt_ring_slot *slots, size_t capacity)
{
    atomic_init(&rec->emitted, 0);
    atomic_init(&rec->dropped, 0);
    rec->closed_emitted = 0;
    return wpt_ring_init(&rec->ring, slots, capacity);
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
    /* after close, late claims still bump the counter: the count stays the one at close */
    return (v & WPT_RECORDER_CLOSED) ? rec->closed_emitted : v;
}

uint64_t wpt_recorder_ring_dropped(const wpt_recorder *rec)
{
    return atomic_load_explicit((_Atomic uint64_t *)&rec->dropped, memory_order_acquire);
}

uint64_t wpt_prefix_u64(const void *p, size_t len)
{
    const uint8_t *b = p;
    uint64_t v = 0;
    for (size_t i = len < 8 ? len : 8; i > 0; i--)
        v = (v << 8) | b[i - 1];
    return v;
}

uint16_t wpt_text_length(const uint16_t *text, size_t len)
{
    size_t n = 0;
    while (n < len && n < WPT_TEXT_MAX && text[n] != 0)
        n++;
    /* never keep the high half of a surrogate pair without its low half */
    if (n == WPT_TEXT_MAX && n < len && text[n - 1] >= 0xD800 && text[n - 1] <= 0xDBFF)
        n--;
    return (uint16_t)n;
}

uint16_t wpt_data_length(const wpt_wsabuf *bufs, uint32_t count, uint64_t transferred,
                         size_t max)
{
    size_t want = max < WPT_DATA_MAX ? max : WPT_DATA_MAX;
    if (transferred < want)
        want = (size_t)transferred;
    size_t n = 0;
    for (uint32_t i = 0; i < count && n < want; i++)
        n += bufs[i].len < want - n ? bufs[i].len : want - n;
    return (uint16_t)n;
}

void wpt_record_gather(const wpt_ring_room *claim, size_t offset, const wpt_wsabuf *bufs,
                       uint32_t count, size_t len)
{
    for (uint32_t i = 0; i < count && len > 0; i++) {
        size_t take = bufs[i].len < len ? bufs[i].len : len;
        wpt_ring_write(claim, offset, bufs[i].buf, take);
        offset += take;
        len -= take;
    }
}
