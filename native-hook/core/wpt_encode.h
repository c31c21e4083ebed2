/* Encoder of the trace format (SPEC.md §2-§4) into caller buffers. No allocation, no locks.
 * Every function returns the bytes written, or 0 when they would not fit into cap (then the
 * buffer content past what was there is unspecified). Strings come in UTF-16 (as Windows gives
 * them) and are written as UTF-8, clipped at a character boundary to WPT_STR_MAX bytes;
 * unpaired surrogates become U+FFFD. */
#ifndef WPT_ENCODE_H
#define WPT_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "wpt_event.h"
#include "wpt_format.h"

/* A UTF-16 string that need not be NUL-terminated. */
typedef struct wpt_utf16 {
    const uint16_t *units;
    size_t len;
} wpt_utf16;

/* PROCESS_HELLO fields. */
typedef struct wpt_hello {
    uint32_t parent_pid;
    uint8_t bitness; /* 32 or 64 */
    uint32_t tracer_version; /* WPT_TRACER_VERSION */
    wpt_clock_info clock;
    wpt_utf16 image_path;
    wpt_utf16 command_line;
    uint64_t process_start_filetime; /* 1.1: creation time of the process */
    uint32_t load_session;           /* 1.1: 1-based */
} wpt_hello;

/* PROVIDER_LOADED fields. */
typedef struct wpt_provider_loaded {
    uint64_t ticks;
    uint32_t served_entry_id;
    wpt_guid served_provider_id;
    uint32_t chain_position;
    uint32_t next_entry_id;
    wpt_guid next_provider_id;
    uint32_t next_module_id;
    int32_t startup_result;
    uint32_t status; /* wpt_status */
    wpt_utf16 served_protocol;
    wpt_utf16 next_provider_path;
} wpt_provider_loaded;

/* MODULE fields (also what a module resolver reports, see wpt_flusher.h). */
typedef struct wpt_module {
    uint32_t module_id; /* 1-based; 0 = unknown module */
    uint64_t base;
    uint32_t size;
    wpt_utf16 path;
} wpt_module;

/* Upper bounds of an UPCALL and a DOWNCALL record: fixed fields, WPT_MAX_ARGS args,
 * WPT_TEXT_MAX units of text at 3 UTF-8 bytes each (+ parent_call_id; + WPT_DATA_MAX bytes of
 * data), and of either. */
#define WPT_UPCALL_RECORD_MAX \
    (WPT_RECORD_OVERHEAD + 56 + 8 * WPT_MAX_ARGS + 2 + 3 * WPT_TEXT_MAX + 4)
#define WPT_DOWNCALL_RECORD_MAX \
    (WPT_RECORD_OVERHEAD + 64 + 8 * WPT_MAX_ARGS + 2 + 3 * WPT_TEXT_MAX + 2 + WPT_DATA_MAX)
#define WPT_EVENT_RECORD_MAX WPT_DOWNCALL_RECORD_MAX
/* Size of DROPS records; PROCESS_GOODBYE has end_reason too. */
#define WPT_COUNTER_RECORD_LEN (WPT_RECORD_OVERHEAD + 24)
#define WPT_GOODBYE_RECORD_LEN (WPT_COUNTER_RECORD_LEN + 4)

/* UTF-16 -> UTF-8 of whole characters that fit in cap; returns bytes written. Unpaired
 * surrogates become U+FFFD. If consumed is not NULL it receives the UTF-16 units converted. */
size_t wpt_utf16_to_utf8(const uint16_t *units, size_t len, uint8_t *out, size_t cap,
                         size_t *consumed);

/* Stream header of format 1.WPT_FORMAT_MINOR (WPT_HEADER_LEN bytes). */
size_t wpt_encode_header(uint8_t *buf, size_t cap, const wpt_clock_info *clock);

size_t wpt_encode_hello(uint8_t *buf, size_t cap, uint32_t pid, const wpt_hello *hello);

size_t wpt_encode_provider_loaded(uint8_t *buf, size_t cap, uint32_t pid,
                                  const wpt_provider_loaded *loaded);

size_t wpt_encode_module(uint8_t *buf, size_t cap, uint32_t pid, const wpt_module *module);

/* UPCALL record of an upcall event (1.2: with parent_call_id); args[0, arg_count) and
 * text[0, text_len) are written (arg_count above WPT_MAX_ARGS or text_len above WPT_TEXT_MAX
 * are clipped). */
size_t wpt_encode_upcall(uint8_t *buf, size_t cap, uint32_t pid, const wpt_event *ev,
                         uint32_t caller_module_id);

/* DOWNCALL record of a downcall event (1.2); args, text and data clipped like the upcall's
 * (data to WPT_DATA_MAX bytes). */
size_t wpt_encode_downcall(uint8_t *buf, size_t cap, uint32_t pid, const wpt_event *ev);

size_t wpt_encode_drops(uint8_t *buf, size_t cap, uint32_t pid, uint64_t ticks,
                        uint64_t dropped, uint64_t dropped_total);

size_t wpt_encode_message(uint8_t *buf, size_t cap, uint32_t pid, uint64_t ticks,
                          wpt_severity severity, wpt_status status, wpt_utf16 message);

size_t wpt_encode_goodbye(uint8_t *buf, size_t cap, uint32_t pid, uint64_t ticks,
                          uint64_t emitted, uint64_t dropped_total, wpt_end_reason reason);

#endif
