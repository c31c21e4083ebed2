#include "wpt_call.h"

#include <string.h>

#define SOCKADDR_BYTES 32 /* sa0..sa3 */

void wpt_call_zero_args(wpt_call *c, unsigned count)
{
    while (count-- > 0)
        wpt_call_arg(c, 0);
}

void wpt_call_sockaddr(wpt_call *c, const void *addr, size_t len)
{
    uint8_t bytes[SOCKADDR_BYTES] = {0};
    memcpy(bytes, addr, len < SOCKADDR_BYTES ? len : SOCKADDR_BYTES);
    for (size_t i = 0; i < SOCKADDR_BYTES; i += 8)
        wpt_call_arg(c, wpt_prefix_u64(bytes + i, 8));
}

void wpt_call_text(wpt_call *c, const uint16_t *text)
{
    if (c->claimed)
        wpt_ring_write(&c->claim, 0, text, (size_t)c->claim.head->text_len * sizeof *text);
}

uint16_t wpt_call_data_length(wpt_call *c, const wpt_wsabuf *bufs, uint32_t count,
                              uint64_t transferred, size_t max)
{
    uint16_t n = wpt_data_length(bufs, count, transferred, max);
    if (max > 0 && n < transferred)
        c->flags |= WPT_CALL_FLAG_DATA_CLIPPED;
    return n;
}

void wpt_call_data(wpt_call *c, const wpt_wsabuf *bufs, uint32_t count)
{
    if (c->claimed)
        wpt_record_gather(&c->claim, (size_t)c->claim.head->text_len * sizeof(uint16_t), bufs,
                          count, c->claim.head->data_len);
}
