/* A traced call in progress, on its thunk's stack: the portable part of what every upcall and
 * downcall thunk does around the call it traces (dll/thunks.c, dll/downcalls.c, and the
 * benchmark, each over its platform's last error, thread-local innermost call, clock and
 * thread id):
 *
 *     wpt_call c;
 *     wpt_nest n;
 *     wpt_call_start(&c, &n, WPT_EVENT_DOWNCALL, WPT_FN_SEND, innermost, next_call_id);
 *     ... make &n the thread's innermost call ...
 *     wpt_call_mark_errno(&c, lpErrno);
 *     c.start_ticks = now();
 *     int r = lower->lpWSPSend(...);
 *     wpt_call_returned(&c, r == SOCKET_ERROR, now());
 *     wpt_call_record(&c, &recorder, tid, 0, socket, served_entry_id, r, 0, 0);
 *     wpt_call_arg(&c, count); ...         // straight into the claimed ring slot
 *     if (wpt_call_publish(&c))
 *         ... wake the flusher ...
 *     ... make n.outer the innermost call again ...
 *
 * Nothing is copied: the event is written where the flusher reads it. The slot is claimed only
 * after the call returned (a call that blocks holds no slot); when the ring is full the event
 * is counted as dropped and written to a scratch head on the stack (wpt_nest.dropped), so the
 * thunk writes it the same way, without a branch. Args are written without a bound check: each
 * thunk writes at most WPT_MAX_ARGS (its function's fixed count). */
#ifndef WPT_CALL_H
#define WPT_CALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wpt_record.h"

#define WPT_ERRNO_MARKER 0x57505553 /* 'WPUS': no error code is this value */
#define WPT_WSAEFAULT 10014
#define WPT_WSA_IO_PENDING 997

/* What a traced call in progress tells the calls made inside it on the same thread: the part
 * of a call whose address the platform keeps as the thread's innermost call (kept apart from
 * wpt_call, whose address is never taken). */
typedef struct wpt_nest {
    const struct wpt_nest *outer; /* the thread's traced call this one runs in (NULL: none) */
    uint32_t call_id;      /* downcall: its call id; upcall: the innermost downcall's (0: none) */
    uint32_t parent_call_id; /* the outer call's call_id (0: none) */
    bool in_upcall;        /* an upcall is in progress on the thread: this call or an outer one */
    wpt_event_head dropped; /* where the event is written when it was dropped */
} wpt_nest;

typedef struct wpt_call {
    wpt_nest *nest;
    uint8_t kind;          /* wpt_event_kind */
    uint16_t function;     /* wpt_upcall or wpt_function */
    uint32_t flags;        /* WPT_UPCALL_FLAG_* or WPT_CALL_FLAG_*, by kind */
    int32_t error;         /* what the call said in *lpErrno after failing, else 0 */
    int32_t *lp_errno;     /* the caller's lpErrno (NULL: none) */
    int32_t caller_errno;  /* what *lpErrno held before the marker */
    bool failed;           /* the call returned its failure value */
    bool readable;         /* the call accepted the caller's structures */
    bool claimed;          /* claim holds the event's ring slot (else: dropped) */
    uint64_t start_ticks;
    uint64_t end_ticks;
    wpt_ring_room claim;
    wpt_event_head *head;  /* the claimed slot's head, or nest->dropped */
    uint64_t *next_arg;    /* in head->args */
} wpt_call;

/* Starts a call of kind and function inside outer (the thread's innermost traced call, NULL
 * when none or unknown); call_id is a downcall's own id (ignored for an upcall). nest is the
 * call's part to make the thread's innermost call. */
WPT_INLINE void wpt_call_start(wpt_call *c, wpt_nest *nest, wpt_event_kind kind,
                               unsigned function, const wpt_nest *outer, uint32_t call_id)
{
    bool upcall = kind == WPT_EVENT_UPCALL;
    bool outer_upcall = outer && outer->in_upcall;
    uint32_t parent = outer ? outer->call_id : 0;
    nest->outer = outer;
    nest->in_upcall = upcall || outer_upcall;
    nest->parent_call_id = parent;
    nest->call_id = upcall ? parent : call_id;
    c->nest = nest;
    c->kind = (uint8_t)kind;
    c->function = (uint16_t)function;
    c->flags = upcall && outer_upcall ? WPT_UPCALL_FLAG_REENTERED : 0;
    c->error = 0;
    c->lp_errno = NULL;
}

/* Puts the marker into *lp_errno (NULL: the call has none), keeping the caller's value. */
WPT_INLINE void wpt_call_mark_errno(wpt_call *c, int32_t *lp_errno)
{
    c->lp_errno = lp_errno;
    if (lp_errno) {
        c->caller_errno = *lp_errno;
        *lp_errno = WPT_ERRNO_MARKER;
    }
}

/* Right after the call returned (failed: it returned its failure value): what it said in
 * *lpErrno (the caller's own value put back where it left the marker), whether it accepted
 * the caller's structures, and whether it is pending. */
WPT_INLINE void wpt_call_returned(wpt_call *c, bool failed, uint64_t end_ticks)
{
    c->end_ticks = end_ticks;
    c->failed = failed;
    if (c->lp_errno && *c->lp_errno == WPT_ERRNO_MARKER) {
        *c->lp_errno = c->caller_errno;
        if (failed)
            c->flags |= c->kind == WPT_EVENT_UPCALL ? WPT_UPCALL_FLAG_NO_ERROR_CODE
                                                    : WPT_CALL_FLAG_NO_ERROR_CODE;
    } else if (c->lp_errno && failed) {
        c->error = *c->lp_errno;
    }
    if (c->kind == WPT_EVENT_DOWNCALL && failed && c->error == WPT_WSA_IO_PENDING)
        c->flags |= WPT_CALL_FLAG_PENDING;
    c->readable = !failed || (c->error != 0 && c->error != WPT_WSAEFAULT);
}

/* Claims the event's slot (rec NULL: none, the event is not recorded) and writes the fixed
 * fields its kind's record carries (wpt_event.h): caller_address for an upcall, call_id,
 * socket and served_entry_id for a downcall; text_len and data_len as wpt_record_claim. */
WPT_INLINE void wpt_call_record(wpt_call *c, wpt_recorder *rec, uint32_t tid,
                                uint64_t caller_address, uint64_t socket,
                                uint32_t served_entry_id, int64_t result, uint16_t text_len,
                                uint16_t data_len)
{
    c->claimed = rec && wpt_record_claim(rec, text_len, data_len, &c->claim);
    wpt_event_head *h = c->claimed ? c->claim.head : &c->nest->dropped;
    c->head = h;
    h->kind = c->kind;
    h->reserved = 0;
    h->function = c->function;
    h->tid = tid;
    if (c->kind == WPT_EVENT_DOWNCALL) { /* (only the fields its kind's record carries) */
        h->call_id = c->nest->call_id;
        h->served_entry_id = served_entry_id;
        h->socket = socket;
    } else {
        h->caller_address = caller_address;
    }
    h->parent_call_id = c->nest->parent_call_id;
    h->start_ticks = c->start_ticks;
    h->duration_ticks = c->end_ticks - c->start_ticks;
    h->result = result;
    h->error = c->error;
    c->next_arg = h->args;
}

/* Appends one argument (pointers and handles zero-extended). */
WPT_INLINE void wpt_call_arg(wpt_call *c, uint64_t value) { *c->next_arg++ = value; }

/* Completes the event (flags, arg count) and hands it to the flusher. Returns true when the
 * flusher should be woken now (wpt_ring_room_wakes). */
WPT_INLINE bool wpt_call_publish(wpt_call *c)
{
    if (!c->claimed)
        return false;
    wpt_event_head *h = c->head;
    h->flags = c->flags;
    h->arg_count = (uint32_t)(c->next_arg - h->args);
    wpt_record_publish(&c->claim);
    return wpt_ring_room_wakes(&c->claim);
}

/* May the structure at p be read after the call? Only when p is set and the call accepted the
 * caller's structures. A null pointer that must be set, or one the call did not accept, flags
 * the event "not read"; a null optional pointer does not. */
WPT_INLINE bool wpt_call_can_read(wpt_call *c, const void *p, bool mandatory)
{
    if (p && c->readable)
        return true;
    if (p || mandatory)
        c->flags |= WPT_CALL_FLAG_NOT_READ;
    return false;
}

/* An out-value: read after a call that succeeded only. */
WPT_INLINE bool wpt_call_can_read_out(wpt_call *c, const void *p, bool mandatory)
{
    return wpt_call_can_read(c, p, mandatory) && !c->failed;
}

/* Appends `count` zero args (a structure that was not read). */
void wpt_call_zero_args(wpt_call *c, unsigned count);

/* Appends sa0..sa3 (SPEC.md §4 type 8): the first 32 bytes of the sockaddr at addr, bytes at
 * and beyond len zero. */
void wpt_call_sockaddr(wpt_call *c, const void *addr, size_t len);

/* Writes the event's text: the text_len units given to wpt_call_record, from text. */
void wpt_call_text(wpt_call *c, const uint16_t *text);

/* The data_len to give wpt_call_record for a call that transferred `transferred` bytes through
 * bufs[0, count) with CaptureBytes max (wpt_data_length); flags the event "clipped" when that
 * is fewer than transferred (max 0: nothing, no flag). */
uint16_t wpt_call_data_length(wpt_call *c, const wpt_wsabuf *bufs, uint32_t count,
                              uint64_t transferred, size_t max);

/* Writes the event's data: its data_len bytes of bufs[0, count). */
void wpt_call_data(wpt_call *c, const wpt_wsabuf *bufs, uint32_t count);

#endif
