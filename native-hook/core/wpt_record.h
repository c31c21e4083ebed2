/* The recorder: per process one ring plus the exact counters, and the helpers a thunk uses to
 * measure what it records. A thunk (through wpt_call.h) claims room for its event after the
 * call it traces returned, writes the event straight into the ring slot and publishes it:
 *
 *     wpt_ring_room claim;
 *     if (wpt_record_claim(&recorder, text_len, data_len, &claim)) {
 *         claim.head->... = ...;            // sequence is set; every other field is ours
 *         wpt_record_publish(&claim);
 *     }                                     // else: counted as dropped (or recorder closed)
 *
 * Claiming takes the event's sequence number; when the ring is full it counts a drop instead.
 * It never blocks, never allocates, never touches errno or GetLastError. */
#ifndef WPT_RECORD_H
#define WPT_RECORD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wpt_event.h"
#include "wpt_ring.h"

/* Set in `emitted` once the recorder is closed: later claims take no sequence number. */
#define WPT_RECORDER_CLOSED (UINT64_C(1) << 63)

typedef struct wpt_recorder {
    wpt_ring ring;
    _Alignas(64) _Atomic uint64_t emitted; /* sequence numbers handed out (| CLOSED) */
    _Alignas(64) _Atomic uint64_t dropped; /* events that did not get into the ring */
    uint64_t closed_emitted;               /* emitted at close (valid once CLOSED is set) */
} wpt_recorder;

/* Sets up the recorder over caller-provided slots (capacity: power of two >= 2). */
bool wpt_recorder_init(wpt_recorder *rec, wpt_ring_slot *slots, size_t capacity);

/* Takes the next sequence number and claims room for an event with text_len UTF-16 units of
 * text and data_len bytes of data (wpt_ring_claim). True: claim->head has its sequence,
 * text_len and data_len; write the rest (and the text and data with wpt_ring_write), then
 * wpt_record_publish. False: the ring was full (counted as dropped) or the recorder is closed
 * (the event then was never emitted). Any thread. */
WPT_INLINE bool wpt_record_claim(wpt_recorder *rec, uint16_t text_len, uint16_t data_len,
                                 wpt_ring_room *claim)
{
    uint64_t sequence = atomic_fetch_add_explicit(&rec->emitted, 1, memory_order_relaxed);
    if (sequence & WPT_RECORDER_CLOSED)
        return false;
    if (!wpt_ring_claim(&rec->ring, text_len, data_len, claim)) {
        atomic_fetch_add_explicit(&rec->dropped, 1, memory_order_relaxed);
        return false;
    }
    claim->head->sequence = (uint32_t)sequence;
    return true;
}

/* Hands the claimed event to the flusher. */
WPT_INLINE void wpt_record_publish(const wpt_ring_room *claim) { wpt_ring_publish(claim); }

/* Stops handing out sequence numbers; returns the final emitted count. Called by the flusher's
 * shutdown (wpt_flusher_finish); later claims return false and count nothing. */
uint64_t wpt_recorder_close(wpt_recorder *rec);

/* Sequence numbers handed out so far (events emitted). Once closed, call it only from the
 * thread that closed the recorder. */
uint64_t wpt_recorder_emitted(const wpt_recorder *rec);

/* Events dropped because the ring was full. */
uint64_t wpt_recorder_ring_dropped(const wpt_recorder *rec);

/* ---- measuring what an event carries ---- */

/* A WSABUF as Windows lays it out (u_long len; char *buf), for the portable helpers below. */
typedef struct wpt_wsabuf {
    uint32_t len;
    const uint8_t *buf;
} wpt_wsabuf;

/* The first min(len, 8) bytes at p as a little-endian u64 (zero-padded). */
uint64_t wpt_prefix_u64(const void *p, size_t len);

/* The sum of the lengths of bufs[0, count). */
WPT_INLINE uint64_t wpt_buffer_bytes(const wpt_wsabuf *bufs, uint32_t count)
{
    uint64_t sum = 0;
    for (uint32_t i = 0; i < count; i++)
        sum += bufs[i].len;
    return sum;
}

/* UTF-16 units of text[0, len) recorded: up to its first NUL ((size_t)-1: up to the NUL),
 * clipped to WPT_TEXT_MAX units (never splitting a surrogate pair). */
uint16_t wpt_text_length(const uint16_t *text, size_t len);

/* Bytes of data recorded of a call that transferred `transferred` bytes through
 * bufs[0, count): min(transferred, max, WPT_DATA_MAX), never past the buffers' lengths. */
uint16_t wpt_data_length(const wpt_wsabuf *bufs, uint32_t count, uint64_t transferred,
                         size_t max);

/* Writes the first len bytes of bufs[0, count), in order, at offset of the claimed event's
 * text and data (wpt_ring_write). */
void wpt_record_gather(const wpt_ring_room *claim, size_t offset, const wpt_wsabuf *bufs,
                       uint32_t count, size_t len);

#endif
