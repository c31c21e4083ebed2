/* Streaming decoder of the trace format (SPEC.md): stream headers, records (unknown types
 * skipped, longer payloads of later minors accepted), damage detection with resync, truncated
 * tails, rejection of a newer major version. No allocation.
 *
 * Use: keep a buffer of the bytes not consumed yet, starting at absolute offset dec.offset.
 *
 *     wpt_decoder dec; wpt_decoder_init(&dec);
 *     for (;;) {
 *         size_t used;
 *         wpt_item item;
 *         wpt_item_kind k = wpt_decode_next(&dec, buf, len, at_end, &item, &used);
 *         ... handle item (its strings point into buf) ...
 *         drop `used` bytes from the front of buf;
 *         if (k == WPT_ITEM_NEED_MORE) read more bytes (or set at_end at end of input);
 *         if (k is END, TRUNCATED or ERROR) stop;
 *     }
 */
#ifndef WPT_DECODE_H
#define WPT_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wpt_format.h"

typedef enum wpt_item_kind {
    WPT_ITEM_NEED_MORE = 0, /* no complete item in the bytes given; more input is needed */
    WPT_ITEM_HEADER,        /* a stream header: a new stream starts */
    WPT_ITEM_RECORD,        /* a record (record.known false: unknown type, skipped) */
    WPT_ITEM_DAMAGE,        /* damaged bytes were skipped; decoding carries on */
    WPT_ITEM_TRUNCATED,     /* input ended inside a record (final) */
    WPT_ITEM_ERROR,         /* the input cannot be decoded at all (final) */
    WPT_ITEM_END            /* every byte decoded (final) */
} wpt_item_kind;

/* A str field: UTF-8 bytes exactly as in the capture (possibly invalid; see wpt_utf8_next). */
typedef struct wpt_str {
    const uint8_t *bytes;
    uint16_t len;
} wpt_str;

typedef struct wpt_header {
    uint16_t major;
    uint16_t minor;
    uint32_t header_length;
    wpt_clock_info clock;
    uint32_t flags;
} wpt_header;

typedef struct wpt_dec_hello {
    uint32_t parent_pid;
    uint8_t bitness;
    uint32_t tracer_version;
    wpt_clock_info clock;
    wpt_str image_path;
    wpt_str command_line;
    bool has_session;                /* the 1.1 fields below are present */
    uint64_t process_start_filetime;
    uint32_t load_session;
} wpt_dec_hello;

typedef struct wpt_dec_provider_loaded {
    uint64_t ticks;
    uint32_t served_entry_id;
    wpt_guid served_provider_id;
    uint32_t chain_position;
    uint32_t next_entry_id;
    wpt_guid next_provider_id;
    uint32_t next_module_id;
    int32_t startup_result;
    uint32_t status;
    wpt_str served_protocol;
    wpt_str next_provider_path;
} wpt_dec_provider_loaded;

typedef struct wpt_dec_module {
    uint32_t module_id;
    uint64_t base;
    uint32_t size;
    wpt_str path;
} wpt_dec_module;

/* The args of an UPCALL or DOWNCALL: count little-endian u64 values; read with wpt_dec_arg. */
typedef struct wpt_dec_args {
    const uint8_t *bytes;
    uint16_t count;
} wpt_dec_args;

typedef struct wpt_dec_upcall {
    uint32_t sequence;
    uint16_t upcall;
    uint32_t tid;
    uint32_t caller_module_id;
    uint64_t caller_address;
    uint64_t start_ticks;
    uint64_t duration_ticks;
    int64_t result;
    int32_t error;
    uint32_t upcall_flags;
    wpt_dec_args args;
    wpt_str text;
    bool has_parent;          /* the 1.2 field below is present */
    uint32_t parent_call_id;
} wpt_dec_upcall;

/* The data of a DOWNCALL: bytes exactly as in the capture. */
typedef struct wpt_dec_data {
    const uint8_t *bytes;
    uint16_t len;
} wpt_dec_data;

typedef struct wpt_dec_downcall { /* 1.2 */
    uint32_t sequence;
    uint16_t function;
    uint32_t tid;
    uint32_t call_id;
    uint32_t parent_call_id;
    uint32_t served_entry_id;
    uint64_t start_ticks;
    uint64_t duration_ticks;
    uint64_t socket;
    int64_t result;
    int32_t error;
    uint32_t call_flags;
    wpt_dec_args args;
    wpt_str text;
    wpt_dec_data data;
} wpt_dec_downcall;

typedef struct wpt_dec_counters { /* DROPS (a = dropped, b = dropped_total) and */
    uint64_t ticks;               /* PROCESS_GOODBYE (a = emitted, b = dropped_total) */
    uint64_t a;
    uint64_t b;
    bool has_end_reason;          /* GOODBYE of 1.1 */
    uint32_t end_reason;          /* wpt_end_reason */
} wpt_dec_counters;

typedef struct wpt_dec_message {
    uint64_t ticks;
    uint8_t severity;
    uint32_t status;
    wpt_str message;
} wpt_dec_message;

typedef struct wpt_record_view {
    uint32_t length;
    uint16_t type;
    uint16_t flags;
    uint32_t pid;
    bool known; /* false: a type this reader does not know; only the fields above are set */
    union {
        wpt_dec_hello hello;
        wpt_dec_provider_loaded provider_loaded;
        wpt_dec_module module;
        wpt_dec_upcall upcall;
        wpt_dec_counters drops;
        wpt_dec_message message;
        wpt_dec_counters goodbye;
        wpt_dec_downcall downcall;
    } as;
} wpt_record_view;

typedef struct wpt_item {
    wpt_item_kind kind;
    uint64_t offset; /* absolute byte offset: of the header/record, of the damage, of the
                      * truncated record; for END the total length */
    union {
        wpt_header header;
        wpt_record_view record;
        struct {
            uint64_t skipped;   /* bytes skipped from offset until the next valid item */
            const char *reason; /* first problem found there, e.g. "record CRC mismatch" */
        } damage;
        const char *error; /* ERROR: readable message */
    } u;
} wpt_item;

typedef struct wpt_decoder {
    uint64_t offset;         /* absolute offset of the first byte not consumed yet */
    bool in_stream;          /* a valid header has been seen */
    bool resyncing;          /* inside damage, scanning for the next valid item */
    bool truncating;         /* the damage is an incomplete item at the end of the input */
    uint64_t damage_offset;  /* where the current damage started */
    const char *damage_reason;
    wpt_item_kind final_kind; /* END, TRUNCATED or ERROR once returned, else NEED_MORE */
    uint64_t final_offset;
    char error[160];
} wpt_decoder;

void wpt_decoder_init(wpt_decoder *dec);

/* Decodes the next item from data[0, len), which must be the bytes from dec->offset on.
 * *consumed receives how many of them the item used (dec->offset advanced by as much);
 * the item's strings and args point into data. at_end: no byte will follow data[len - 1]
 * (without it, incomplete items give NEED_MORE, never TRUNCATED or END). After a final item
 * every call returns the same kind again with nothing consumed. */
wpt_item_kind wpt_decode_next(wpt_decoder *dec, const uint8_t *data, size_t len, bool at_end,
                              wpt_item *item, size_t *consumed);

/* args[index] of an UPCALL or DOWNCALL; 0 when index >= args.count. */
uint64_t wpt_dec_arg(wpt_dec_args args, unsigned index);

/* Decodes one code point from s[0, len) (len >= 1); returns the bytes it took (>= 1).
 * Invalid or overlong sequences, surrogates and truncated sequences give U+FFFD and take 1 byte
 * (or the maximal valid prefix), as a reader must replace invalid UTF-8 (SPEC.md §3). */
size_t wpt_utf8_next(const uint8_t *s, size_t len, uint32_t *code_point);

#endif
