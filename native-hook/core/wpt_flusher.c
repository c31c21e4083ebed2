#include "wpt_flusher.h"

#include <string.h>

/* Events dropped so far. Once the books are closed every emitted event that was not delivered
 * counts, including those that took a sequence number but never reached the ring in time. */
static uint64_t total_dropped(const wpt_flusher *fl)
{
    if (fl->books_closed)
        return fl->final_emitted - fl->delivered;
    return wpt_recorder_ring_dropped(fl->cfg.recorder) + fl->sink_dropped;
}

static bool is_announced(const wpt_flusher *fl, uint32_t id)
{
    return id < WPT_FLUSHER_MAX_MODULES && (fl->announced[id / 8] & (1u << (id % 8)));
}

static void mark_announced(wpt_flusher *fl, uint32_t id)
{
    if (id < WPT_FLUSHER_MAX_MODULES)
        fl->announced[id / 8] |= (uint8_t)(1u << (id % 8));
}

static void connection_lost(wpt_flusher *fl)
{
    fl->connected = false;
    fl->write_failures++;
    if (fl->cfg.sink.disconnect != NULL)
        fl->cfg.sink.disconnect(fl->cfg.sink.ctx);
}

static bool sink_write(wpt_flusher *fl, const uint8_t *data, size_t len)
{
    if (fl->cfg.sink.write(fl->cfg.sink.ctx, data, len))
        return true;
    connection_lost(fl);
    return false;
}

/* Writes what the preamble gained since it was last written on this connection. */
static bool send_preamble(wpt_flusher *fl)
{
    size_t len = atomic_load_explicit(&fl->preamble_len, memory_order_acquire);
    if (len == fl->preamble_sent)
        return true;
    if (!sink_write(fl, fl->cfg.preamble + fl->preamble_sent, len - fl->preamble_sent))
        return false;
    fl->preamble_sent = len;
    return true;
}

/* Connects when not connected; a new connection starts a stream: header, whole preamble,
 * modules announced again. Returns whether the flusher is connected. */
static bool connect_if_needed(wpt_flusher *fl)
{
    if (fl->connected)
        return send_preamble(fl);
    if (fl->hello == NULL || !fl->cfg.sink.connect(fl->cfg.sink.ctx))
        return false;
    fl->connected = true;
    fl->connects++;
    fl->preamble_sent = 0;
    memset(fl->announced, 0, sizeof fl->announced);
    size_t n = wpt_encode_header(fl->cfg.batch, fl->cfg.batch_capacity, &fl->clock);
    return sink_write(fl, fl->cfg.batch, n) && sink_write(fl, fl->hello, fl->hello_len) &&
           send_preamble(fl);
}

/* Starts an empty batch, with a DROPS record first when drops are not reported yet. */
static void batch_start(wpt_flusher *fl, uint64_t now_ticks)
{
    uint64_t dropped = total_dropped(fl);
    fl->batch_len = 0;
    fl->batch_events = 0;
    fl->batch_reported = fl->reported;
    if (dropped > fl->reported) {
        fl->batch_len = wpt_encode_drops(fl->cfg.batch, fl->cfg.batch_capacity, fl->cfg.pid,
                                         now_ticks, dropped - fl->reported, dropped);
        fl->batch_reported = dropped;
    }
}

/* Writes the batch: its events become delivered, or dropped when the write fails. */
static void batch_flush(wpt_flusher *fl)
{
    if (fl->batch_len > 0) {
        if (sink_write(fl, fl->cfg.batch, fl->batch_len)) {
            fl->delivered += fl->batch_events;
            fl->reported = fl->batch_reported;
        } else {
            fl->sink_dropped += fl->batch_events;
        }
    }
    fl->batch_len = 0;
    fl->batch_events = 0;
}

/* Appends the event's record, after its caller's MODULE when an upcall names a module not
 * announced on this connection yet. */
static bool batch_append_event(wpt_flusher *fl, const wpt_event *ev, uint32_t module_id,
                               const wpt_module *module)
{
    uint8_t *at = fl->cfg.batch + fl->batch_len;
    size_t room = fl->cfg.batch_capacity - fl->batch_len, module_len = 0;
    bool announce = module_id != 0 && !is_announced(fl, module_id);
    if (announce) {
        module_len = wpt_encode_module(at, room, fl->cfg.pid, module);
        if (module_len == 0)
            return false;
    }
    size_t event_len =
        ev->kind == WPT_EVENT_DOWNCALL
            ? wpt_encode_downcall(at + module_len, room - module_len, fl->cfg.pid, ev)
            : wpt_encode_upcall(at + module_len, room - module_len, fl->cfg.pid, ev, module_id);
    if (event_len == 0)
        return false;
    fl->batch_len += module_len + event_len;
    fl->batch_events++;
    if (announce)
        mark_announced(fl, module_id);
    return true;
}

static void handle_event(wpt_flusher *fl, const wpt_event *ev, uint64_t now_ticks)
{
    if (!fl->connected) {
        fl->sink_dropped++;
        return;
    }
    wpt_module module = {0};
    uint32_t module_id = ev->kind == WPT_EVENT_UPCALL
                             ? fl->cfg.resolve(fl->cfg.resolve_ctx, ev->caller_address, &module)
                             : 0;
    module.module_id = module_id;
    if (fl->batch_len == 0)
        batch_start(fl, now_ticks);
    if (batch_append_event(fl, ev, module_id, &module))
        return;
    batch_flush(fl); /* full: write it and retry in a fresh batch */
    if (fl->connected) {
        batch_start(fl, now_ticks);
        if (batch_append_event(fl, ev, module_id, &module))
            return;
    }
    fl->sink_dropped++;
}

/* Pops and handles at most one ring's worth of events (so a run ends under any load). */
static size_t drain(wpt_flusher *fl, uint64_t now_ticks)
{
    wpt_ring *ring = &fl->cfg.recorder->ring;
    size_t total = 0, n;
    while (total <= ring->mask && (n = wpt_ring_pop(ring, fl->chunk, WPT_FLUSHER_CHUNK)) > 0) {
        for (size_t i = 0; i < n; i++)
            handle_event(fl, &fl->chunk[i], now_ticks);
        total += n;
    }
    return total;
}

bool wpt_flusher_init(wpt_flusher *fl, const wpt_flusher_config *cfg)
{
    memset(fl, 0, sizeof *fl);
    atomic_init(&fl->preamble_len, 0);
    atomic_flag_clear(&fl->preamble_lock);
    fl->cfg = *cfg;
    fl->finished = true; /* unusable until the config is checked */
    if (cfg->recorder == NULL || cfg->sink.connect == NULL || cfg->sink.write == NULL
        || cfg->resolve == NULL || cfg->batch == NULL
        || cfg->batch_capacity < WPT_FLUSHER_MIN_BATCH
        || (cfg->preamble == NULL && cfg->preamble_capacity > 0))
        return false;
    fl->finished = false;
    return true;
}

void wpt_flusher_begin_streams(wpt_flusher *fl, const wpt_clock_info *clock,
                               const uint8_t *hello, size_t hello_len)
{
    fl->clock = *clock;
    fl->hello = hello;
    fl->hello_len = hello_len;
}

bool wpt_flusher_add_preamble(wpt_flusher *fl, const uint8_t *record, size_t len)
{
    while (atomic_flag_test_and_set_explicit(&fl->preamble_lock, memory_order_acquire))
        ; /* only appenders contend here, each for a memcpy */
    size_t used = atomic_load_explicit(&fl->preamble_len, memory_order_relaxed);
    bool fits = len <= fl->cfg.preamble_capacity - used;
    if (fits) {
        memcpy(fl->cfg.preamble + used, record, len);
        atomic_store_explicit(&fl->preamble_len, used + len, memory_order_release);
    }
    atomic_flag_clear_explicit(&fl->preamble_lock, memory_order_release);
    return fits;
}

size_t wpt_flusher_run(wpt_flusher *fl, uint64_t now_ticks)
{
    if (fl->finished)
        return 0;
    connect_if_needed(fl);
    size_t popped = drain(fl, now_ticks);
    if (fl->connected && fl->batch_len == 0)
        batch_start(fl, now_ticks); /* a DROPS record even when no event came */
    batch_flush(fl);
    return popped;
}

bool wpt_flusher_finish(wpt_flusher *fl, uint64_t now_ticks, wpt_end_reason reason)
{
    if (fl->finished)
        return false;
    fl->finished = true;
    fl->final_emitted = wpt_recorder_close(fl->cfg.recorder);
    connect_if_needed(fl);
    while (drain(fl, now_ticks) > 0)
        ;
    batch_flush(fl);
    fl->books_closed = true;
    if (!fl->connected)
        return false;
    batch_start(fl, now_ticks);
    size_t n = wpt_encode_goodbye(fl->cfg.batch + fl->batch_len,
                                  fl->cfg.batch_capacity - fl->batch_len, fl->cfg.pid,
                                  now_ticks, fl->final_emitted, total_dropped(fl), reason);
    fl->batch_len += n;
    batch_flush(fl);
    return fl->connected;
}

wpt_flusher_stats wpt_flusher_get_stats(const wpt_flusher *fl)
{
    wpt_flusher_stats s;
    s.emitted = fl->books_closed ? fl->final_emitted : wpt_recorder_emitted(fl->cfg.recorder);
    s.delivered = fl->delivered;
    s.dropped_total = total_dropped(fl);
    s.reported = fl->reported;
    s.connects = fl->connects;
    s.write_failures = fl->write_failures;
    return s;
}
