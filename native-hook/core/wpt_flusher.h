/* The portable part of the tracer's background flusher: drains the recorder's ring, encodes
 * MODULE, UPCALL and DOWNCALL records into batches, writes them to a sink, and keeps the books
 * exact: every emitted event ends up in exactly one delivered UPCALL or DOWNCALL record or in
 * dropped_total.
 *
 * The DLL runs wpt_flusher_run() in its flusher thread (e.g. every few ms or when signalled)
 * and wpt_flusher_finish() once at unload. Only the flusher thread calls run/finish/stats;
 * wpt_flusher_add_preamble() may be called from any thread.
 *
 * Connections: each time the sink (re)connects, the flusher writes a fresh stream header, the
 * PROCESS_HELLO and the whole preamble (the PROVIDER_LOADED and TRACER_MESSAGE records added
 * so far), and announces each module (MODULE record) again before the first UPCALL that names it,
 * so a reader that joins late (the GUI's pipe) gets complete context. While the sink is
 * unavailable, popped events are counted as dropped; a failed write counts the events of
 * that batch as dropped and disconnects. When drops are pending and the sink is up, a DROPS
 * record is written (its `dropped` is the count since the previous delivered DROPS). */
#ifndef WPT_FLUSHER_H
#define WPT_FLUSHER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wpt_encode.h"
#include "wpt_record.h"

/* Where batches go. Every function gets ctx. */
typedef struct wpt_sink {
    void *ctx;
    /* (Re)connects; false = still unavailable (the sink applies its own backoff and may fail
     * fast when it is not yet time to retry). Called when the flusher is not connected. */
    bool (*connect)(void *ctx);
    /* Writes the whole batch; false = failed (the flusher then calls disconnect). */
    bool (*write)(void *ctx, const uint8_t *data, size_t len);
    /* Releases the connection after a failed write (may be NULL). */
    void (*disconnect)(void *ctx);
} wpt_sink;

/* Maps a return address to its module: returns the module id (0 = unknown) and, for a known
 * module, fills *module (its path must stay valid until the next call). */
typedef uint32_t (*wpt_resolve_fn)(void *ctx, uint64_t address, wpt_module *module);

/* Module ids below this are remembered as announced per connection; higher ids (not expected)
 * are announced before every batch that names them. */
#define WPT_FLUSHER_MAX_MODULES 1024
/* Events popped from the ring at a time. */
#define WPT_FLUSHER_CHUNK 32
/* Smallest batch buffer: a DROPS, a MODULE with the longest path and an event record fit. */
#define WPT_FLUSHER_MIN_BATCH                                                                  \
    (WPT_COUNTER_RECORD_LEN + (WPT_RECORD_OVERHEAD + 18 + WPT_STR_MAX) + WPT_EVENT_RECORD_MAX)

/* What wputrace.dll runs with by default, chosen with the drop benchmark (`make bench`,
 * bench/wpt_drops.c; README "Drops"): ring slots (192 bytes each), the flusher's interval
 * when nobody wakes it, and its batch buffer (bytes per sink write at most). */
#define WPT_DEFAULT_RING_SLOTS 16384
#define WPT_DEFAULT_FLUSH_INTERVAL_MS 10
#define WPT_DEFAULT_BATCH_BYTES (2 * WPT_FLUSHER_MIN_BATCH)
/* A flusher pass that popped at least this many events is followed by the next at once (after
 * yielding), not by a wait: while events keep coming, nobody needs to wake the flusher. */
#define WPT_FLUSHER_BUSY_EVENTS 64

typedef struct wpt_flusher_config {
    wpt_recorder *recorder;
    wpt_sink sink;
    wpt_resolve_fn resolve;
    void *resolve_ctx;
    uint32_t pid;
    uint8_t *batch;         /* caller memory for batches, >= WPT_FLUSHER_MIN_BATCH bytes */
    size_t batch_capacity;
    uint8_t *preamble;      /* caller memory for preamble records */
    size_t preamble_capacity;
} wpt_flusher_config;

typedef struct wpt_flusher_stats {
    uint64_t emitted;       /* sequence numbers handed out */
    uint64_t delivered;     /* UPCALL and DOWNCALL records the sink accepted */
    uint64_t dropped_total; /* ring drops + sink drops (+ events lost at finish) */
    uint64_t reported;      /* dropped events already announced in a delivered DROPS record */
    uint64_t connects;      /* successful (re)connections */
    uint64_t write_failures;
} wpt_flusher_stats;

typedef struct wpt_flusher {
    wpt_flusher_config cfg;
    bool connected;
    bool finished;
    size_t batch_len;
    uint64_t batch_events;        /* UPCALL and DOWNCALL records in the batch being built */
    uint64_t batch_reported;      /* `reported` once the batch is delivered */
    uint64_t final_emitted;       /* emitted, fixed when the recorder is closed at finish */
    bool books_closed;            /* finish drained the ring: undelivered = dropped */
    wpt_clock_info clock;         /* of every stream: its header and PROCESS_HELLO */
    const uint8_t *hello;         /* the PROCESS_HELLO record (NULL: streams not begun yet) */
    size_t hello_len;
    size_t preamble_sent;         /* preamble bytes already written on this connection */
    atomic_size_t preamble_len;   /* published preamble bytes */
    atomic_flag preamble_lock;    /* serialises appenders (rare, never on the upcall path) */
    uint64_t delivered;
    uint64_t sink_dropped;
    uint64_t reported;
    uint64_t connects;
    uint64_t write_failures;
    uint8_t announced[WPT_FLUSHER_MAX_MODULES / 8];
    wpt_event chunk[WPT_FLUSHER_CHUNK];
} wpt_flusher;

/* Returns false (flusher unusable) when the config is incomplete or the batch too small. */
bool wpt_flusher_init(wpt_flusher *fl, const wpt_flusher_config *cfg);

/* Sets what begins every stream: a header with clock, then hello[0, hello_len) (the encoded
 * PROCESS_HELLO, which carries the same clock; the caller keeps the bytes). Until then the
 * flusher does not connect: the clock of the records' ticks is not known yet (SPEC.md §2), so
 * events it pops meanwhile are dropped and counted. Only the thread that runs the flusher. */
void wpt_flusher_begin_streams(wpt_flusher *fl, const wpt_clock_info *clock,
                               const uint8_t *hello, size_t hello_len);

/* Appends one encoded record (from wpt_encode_*) to the preamble. Any thread. Returns false
 * when the preamble memory is full (the record is then not kept). */
bool wpt_flusher_add_preamble(wpt_flusher *fl, const uint8_t *record, size_t len);

/* One pass: connects if needed, writes pending preamble and DROPS, drains the ring into
 * batches until it is empty. now_ticks stamps DROPS records. Returns events popped. */
size_t wpt_flusher_run(wpt_flusher *fl, uint64_t now_ticks);

/* Shutdown: closes the recorder, drains the ring, writes the last DROPS and PROCESS_GOODBYE
 * (emitted, dropped_total with every undelivered event counted as dropped, why the load
 * session ends). Tries one connect when disconnected. Returns true when the GOODBYE was
 * delivered. Only once. */
bool wpt_flusher_finish(wpt_flusher *fl, uint64_t now_ticks, wpt_end_reason reason);

wpt_flusher_stats wpt_flusher_get_stats(const wpt_flusher *fl);

#endif
