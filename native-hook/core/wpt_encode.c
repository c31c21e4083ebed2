#include "wpt_encode.h"

#include <stdbool.h>
#include <string.h>

#include "wpt_crc32.h"

/* A write cursor over a caller buffer; once something did not fit, `full` stays set. */
typedef struct writer {
    uint8_t *buf;
    size_t cap;
    size_t len;
    bool full;
} writer;

static inline uint8_t *reserve(writer *w, size_t n)
{
    if (w->full || w->cap - w->len < n) {
        w->full = true;
        return NULL;
    }
    uint8_t *p = w->buf + w->len;
    w->len += n;
    return p;
}

static inline void put_le(writer *w, uint64_t value, size_t n)
{
    uint8_t *p = reserve(w, n);
    if (p == NULL)
        return;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(p, &value, n); /* the low n bytes, already in little-endian order */
#else
    for (size_t i = 0; i < n; i++, value >>= 8)
        p[i] = (uint8_t)value;
#endif
}

static void put_u8(writer *w, uint8_t v) { put_le(w, v, 1); }
static void put_u16(writer *w, uint16_t v) { put_le(w, v, 2); }
static void put_u32(writer *w, uint32_t v) { put_le(w, v, 4); }
static void put_u64(writer *w, uint64_t v) { put_le(w, v, 8); }

static void put_bytes(writer *w, const void *data, size_t n)
{
    uint8_t *p = reserve(w, n);
    if (p != NULL)
        memcpy(p, data, n);
}

static void put_guid(writer *w, const wpt_guid *g) { put_bytes(w, g->bytes, sizeof g->bytes); }

/* str: u16 byte count, then UTF-8 clipped to WPT_STR_MAX bytes. */
static void put_str(writer *w, wpt_utf16 s)
{
    uint8_t *count = reserve(w, 2);
    if (count == NULL)
        return;
    size_t room = w->cap - w->len < WPT_STR_MAX ? w->cap - w->len : WPT_STR_MAX;
    size_t consumed;
    size_t n = wpt_utf16_to_utf8(s.units, s.len, w->buf + w->len, room, &consumed);
    if (consumed < s.len && room < WPT_STR_MAX) {
        w->full = true; /* clipped by the buffer, not by the format: does not fit */
        return;
    }
    w->len += n;
    count[0] = (uint8_t)n;
    count[1] = (uint8_t)(n >> 8);
}

static void put_reserved3(writer *w) { put_le(w, 0, 3); }

/* Record framing: begin writes length/type/flags/pid placeholders, end fills the length and
 * appends the CRC. Returns the record's bytes, or 0 when it did not fit. */
static void record_begin(writer *w, uint8_t *buf, size_t cap, uint16_t type, uint32_t pid)
{
    *w = (writer){.buf = buf, .cap = cap, .len = 0, .full = false};
    put_u32(w, 0);
    put_u16(w, type);
    put_u16(w, 0);
    put_u32(w, pid);
}

static size_t record_end(writer *w)
{
    if (w->full || w->len + 4 > WPT_RECORD_MAX_LEN)
        return 0;
    uint32_t length = (uint32_t)(w->len + 4);
    for (int i = 0; i < 4; i++)
        w->buf[i] = (uint8_t)(length >> (8 * i));
    put_u32(w, wpt_crc32(w->buf, w->len));
    return w->full ? 0 : w->len;
}

static void put_clock(writer *w, const wpt_clock_info *clock)
{
    put_u64(w, clock->frequency);
    put_u64(w, clock->start_filetime);
    put_u64(w, clock->start_ticks);
}

size_t wpt_utf16_to_utf8(const uint16_t *units, size_t len, uint8_t *out, size_t cap,
                         size_t *consumed)
{
    size_t i = 0, n = 0;
    while (i < len) {
        uint32_t cp = units[i];
        size_t used = 1;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < len && units[i + 1] >= 0xDC00
            && units[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00u);
            used = 2;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD; /* unpaired surrogate */
        }
        size_t bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (cap - n < bytes)
            break;
        if (bytes == 1) {
            out[n] = (uint8_t)cp;
        } else {
            static const uint8_t lead[5] = {0, 0, 0xC0, 0xE0, 0xF0};
            for (size_t k = bytes - 1; k > 0; k--) {
                out[n + k] = (uint8_t)(0x80 | (cp & 0x3F));
                cp >>= 6;
            }
            out[n] = (uint8_t)(lead[bytes] | cp);
        }
        n += bytes;
        i += used;
    }
    if (consumed != NULL)
        *consumed = i;
    return n;
}

size_t wpt_encode_header(uint8_t *buf, size_t cap, const wpt_clock_info *clock)
{
    writer w = {.buf = buf, .cap = cap, .len = 0, .full = false};
    put_bytes(&w, WPT_MAGIC, WPT_MAGIC_LEN);
    put_u16(&w, WPT_FORMAT_MAJOR);
    put_u16(&w, WPT_FORMAT_MINOR);
    put_u32(&w, WPT_HEADER_LEN);
    put_clock(&w, clock);
    put_u32(&w, 0);
    if (w.full)
        return 0;
    put_u32(&w, wpt_crc32(buf, w.len));
    return w.full ? 0 : w.len;
}

size_t wpt_encode_hello(uint8_t *buf, size_t cap, uint32_t pid, const wpt_hello *hello)
{
    writer w;
    record_begin(&w, buf, cap, WPT_REC_PROCESS_HELLO, pid);
    put_u32(&w, hello->parent_pid);
    put_u8(&w, hello->bitness);
    put_reserved3(&w);
    put_u32(&w, hello->tracer_version);
    put_clock(&w, &hello->clock);
    put_str(&w, hello->image_path);
    put_str(&w, hello->command_line);
    put_u64(&w, hello->process_start_filetime);
    put_u32(&w, hello->load_session);
    return record_end(&w);
}

size_t wpt_encode_provider_loaded(uint8_t *buf, size_t cap, uint32_t pid,
                                  const wpt_provider_loaded *loaded)
{
    writer w;
    record_begin(&w, buf, cap, WPT_REC_PROVIDER_LOADED, pid);
    put_u64(&w, loaded->ticks);
    put_u32(&w, loaded->served_entry_id);
    put_guid(&w, &loaded->served_provider_id);
    put_u32(&w, loaded->chain_position);
    put_u32(&w, loaded->next_entry_id);
    put_guid(&w, &loaded->next_provider_id);
    put_u32(&w, loaded->next_module_id);
    put_u32(&w, (uint32_t)loaded->startup_result);
    put_u32(&w, loaded->status);
    put_str(&w, loaded->served_protocol);
    put_str(&w, loaded->next_provider_path);
    return record_end(&w);
}

size_t wpt_encode_module(uint8_t *buf, size_t cap, uint32_t pid, const wpt_module *module)
{
    writer w;
    record_begin(&w, buf, cap, WPT_REC_MODULE, pid);
    put_u32(&w, module->module_id);
    put_u64(&w, module->base);
    put_u32(&w, module->size);
    put_str(&w, module->path);
    return record_end(&w);
}

/* args[0, arg_count) and text of an event, clipped to their maxima. */
static void put_args_and_text(writer *w, const wpt_event *ev, unsigned args)
{
    size_t text = ev->text_len < WPT_TEXT_MAX ? ev->text_len : WPT_TEXT_MAX;
    for (unsigned i = 0; i < args; i++)
        put_u64(w, ev->args[i]);
    put_str(w, (wpt_utf16){ev->text, text});
}

static unsigned used_args(const wpt_event *ev)
{
    return ev->arg_count < WPT_MAX_ARGS ? ev->arg_count : WPT_MAX_ARGS;
}

size_t wpt_encode_upcall(uint8_t *buf, size_t cap, uint32_t pid, const wpt_event *ev,
                         uint32_t caller_module_id)
{
    unsigned args = used_args(ev);
    writer w;
    record_begin(&w, buf, cap, WPT_REC_UPCALL, pid);
    put_u32(&w, ev->sequence);
    put_u16(&w, ev->function);
    put_u16(&w, (uint16_t)args);
    put_u32(&w, ev->tid);
    put_u32(&w, caller_module_id);
    put_u64(&w, ev->caller_address);
    put_u64(&w, ev->start_ticks);
    put_u64(&w, ev->duration_ticks);
    put_u64(&w, (uint64_t)ev->result);
    put_u32(&w, (uint32_t)ev->error);
    put_u32(&w, ev->flags);
    put_args_and_text(&w, ev, args);
    put_u32(&w, ev->parent_call_id);
    return record_end(&w);
}

size_t wpt_encode_downcall(uint8_t *buf, size_t cap, uint32_t pid, const wpt_event *ev)
{
    unsigned args = used_args(ev);
    size_t data = ev->data_len < WPT_DATA_MAX ? ev->data_len : WPT_DATA_MAX;
    writer w;
    record_begin(&w, buf, cap, WPT_REC_DOWNCALL, pid);
    put_u32(&w, ev->sequence);
    put_u16(&w, ev->function);
    put_u16(&w, (uint16_t)args);
    put_u32(&w, ev->tid);
    put_u32(&w, ev->call_id);
    put_u32(&w, ev->parent_call_id);
    put_u32(&w, ev->served_entry_id);
    put_u64(&w, ev->start_ticks);
    put_u64(&w, ev->duration_ticks);
    put_u64(&w, ev->socket);
    put_u64(&w, (uint64_t)ev->result);
    put_u32(&w, (uint32_t)ev->error);
    put_u32(&w, ev->flags);
    put_args_and_text(&w, ev, args);
    put_u16(&w, (uint16_t)data);
    put_bytes(&w, ev->data, data);
    return record_end(&w);
}

static void put_counters(writer *w, uint64_t ticks, uint64_t a, uint64_t b)
{
    put_u64(w, ticks);
    put_u64(w, a);
    put_u64(w, b);
}

size_t wpt_encode_drops(uint8_t *buf, size_t cap, uint32_t pid, uint64_t ticks,
                        uint64_t dropped, uint64_t dropped_total)
{
    writer w;
    record_begin(&w, buf, cap, WPT_REC_DROPS, pid);
    put_counters(&w, ticks, dropped, dropped_total);
    return record_end(&w);
}

size_t wpt_encode_message(uint8_t *buf, size_t cap, uint32_t pid, uint64_t ticks,
                          wpt_severity severity, wpt_status status, wpt_utf16 message)
{
    writer w;
    record_begin(&w, buf, cap, WPT_REC_TRACER_MESSAGE, pid);
    put_u64(&w, ticks);
    put_u8(&w, (uint8_t)severity);
    put_reserved3(&w);
    put_u32(&w, (uint32_t)status);
    put_str(&w, message);
    return record_end(&w);
}

size_t wpt_encode_goodbye(uint8_t *buf, size_t cap, uint32_t pid, uint64_t ticks,
                          uint64_t emitted, uint64_t dropped_total, wpt_end_reason reason)
{
    writer w;
    record_begin(&w, buf, cap, WPT_REC_PROCESS_GOODBYE, pid);
    put_counters(&w, ticks, emitted, dropped_total);
    put_u32(&w, (uint32_t)reason);
    return record_end(&w);
}
