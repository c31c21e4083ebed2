/* The thunk-side API: how a thunk records one upcall or downcall. Per process there is one
 * recorder (a ring plus the exact counters); every upcall thunk does
 *
 *     wpt_event ev;                           // on the stack: no allocation
 *     wpt_record_begin(&ev, WPT_UPCALL_SET_EVENT, tid, return_address, now());
 *     wpt_record_arg(&ev, (uint64_t)(uintptr_t)hEvent);
 *     BOOL ok = Real_WPUSetEvent(hEvent, lpErrno);
 *     ... read out-arguments, wpt_record_arg() them, set ev.upcall_flags bits ...
 *     wpt_record_commit(&recorder, &ev, now(), ok, ok ? 0 : *lpErrno);
 *
 * and a downcall thunk the same with wpt_record_begin_downcall, then the per-function helpers
 * below (sockaddr, WSABUF arrays, data) after the call.
 *
 * wpt_record_commit takes the event's sequence number and pushes the event; when the ring is
 * full it counts a drop instead. It never blocks, never allocates, never touches errno or
 * GetLastError. Reentrancy detection and last-error preservation stay with the caller (they
 * need the platform's thread-local storage). */
#ifndef WPT_RECORD_H
#define WPT_RECORD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wpt_event.h"
#include "wpt_ring.h"

/* Set in `emitted` once the recorder is closed: later commits take no sequence number. */
#define WPT_RECORDER_CLOSED (UINT64_C(1) << 63)

typedef struct wpt_recorder {
    wpt_ring ring;
    _Alignas(64) _Atomic uint64_t emitted; /* sequence numbers handed out (| CLOSED) */
    _Alignas(64) _Atomic uint64_t dropped; /* events that did not get into the ring */
    uint64_t closed_emitted;               /* emitted at close (valid once CLOSED is set) */
} wpt_recorder;

/* Sets up the recorder over caller-provided slots (capacity: power of two >= 2). */
bool wpt_recorder_init(wpt_recorder *rec, wpt_ring_slot *slots, size_t capacity);

/* Starts an upcall event: no args, no text, no flags, result 0, no parent. */
static inline void wpt_record_begin(wpt_event *ev, wpt_upcall upcall, uint32_t tid,
                                    uint64_t caller_address, uint64_t start_ticks)
{
    ev->sequence = 0;
    ev->kind = WPT_EVENT_UPCALL;
    ev->reserved = 0;
    ev->function = (uint16_t)upcall;
    ev->tid = tid;
    ev->flags = 0;
    ev->call_id = 0;
    ev->parent_call_id = 0;
    ev->served_entry_id = 0;
    ev->text_len = 0;
    ev->data_len = 0;
    ev->caller_address = caller_address;
    ev->socket = 0;
    ev->start_ticks = start_ticks;
    ev->duration_ticks = 0;
    ev->result = 0;
    ev->error = 0;
    ev->arg_count = 0;
}

/* Starts a downcall event of call call_id (nested in parent_call_id, 0 = none) down the chain
 * of served_entry_id: no args, text or data, no flags, socket 0, result 0. */
static inline void wpt_record_begin_downcall(wpt_event *ev, wpt_function function,
                                             uint32_t tid, uint32_t call_id,
                                             uint32_t parent_call_id, uint32_t served_entry_id,
                                             uint64_t start_ticks)
{
    wpt_record_begin(ev, (wpt_upcall)0, tid, 0, start_ticks);
    ev->kind = WPT_EVENT_DOWNCALL;
    ev->function = (uint16_t)function;
    ev->call_id = call_id;
    ev->parent_call_id = parent_call_id;
    ev->served_entry_id = served_entry_id;
}

/* Appends one argument (pointers and handles zero-extended); ignored past WPT_MAX_ARGS. */
static inline void wpt_record_arg(wpt_event *ev, uint64_t value)
{
    if (ev->arg_count < WPT_MAX_ARGS)
        ev->args[ev->arg_count++] = value;
}

/* Appends `count` zero args (a structure that was not read). */
static inline void wpt_record_zero_args(wpt_event *ev, unsigned count)
{
    while (count-- > 0)
        wpt_record_arg(ev, 0);
}

/* A WSABUF as Windows lays it out (u_long len; char *buf), for the portable helpers below. */
typedef struct wpt_wsabuf {
    uint32_t len;
    const uint8_t *buf;
} wpt_wsabuf;

/* Appends sa0..sa3 (SPEC.md §4 type 8): the first 32 bytes of the sockaddr at addr, bytes at
 * and beyond len zero. */
void wpt_record_sockaddr(wpt_event *ev, const void *addr, size_t len);

/* The first min(len, 8) bytes at p as a little-endian u64 (zero-padded). */
uint64_t wpt_prefix_u64(const void *p, size_t len);

/* The sum of the lengths of bufs[0, count). */
uint64_t wpt_buffer_bytes(const wpt_wsabuf *bufs, uint32_t count);

/* Sets the data to the first min(transferred, max, WPT_DATA_MAX) bytes of bufs[0, count) in
 * order (never past a buffer's len); sets WPT_CALL_FLAG_DATA_CLIPPED when that is fewer than
 * transferred. max 0 records nothing. */
void wpt_record_data(wpt_event *ev, const wpt_wsabuf *bufs, uint32_t count, uint64_t transferred,
                     size_t max);

/* Sets the text to text[0, len) up to its first NUL ((size_t)-1: up to the NUL), clipped to
 * WPT_TEXT_MAX units (never splitting a surrogate pair). */
void wpt_record_text(wpt_event *ev, const uint16_t *text, size_t len);

/* Completes the event (duration = end_ticks - start_ticks), gives it the next sequence number
 * and pushes it. Returns true when the event is in the ring; false when it was counted as
 * dropped (ring full) or the recorder is closed (the event then was never emitted). */
bool wpt_record_commit(wpt_recorder *rec, wpt_event *ev, uint64_t end_ticks,
                       int64_t result, int32_t error);

/* Stops handing out sequence numbers; returns the final emitted count. Called by the flusher's
 * shutdown (wpt_flusher_finish); later commits return false and count nothing. */
uint64_t wpt_recorder_close(wpt_recorder *rec);

/* Sequence numbers handed out so far (events emitted). Once closed, call it only from the
 * thread that closed the recorder. */
uint64_t wpt_recorder_emitted(const wpt_recorder *rec);

/* Events dropped because the ring was full. */
uint64_t wpt_recorder_ring_dropped(const wpt_recorder *rec);

#endif
