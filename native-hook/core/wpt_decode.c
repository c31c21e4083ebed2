#include "wpt_decode.h"

#include <stdio.h>
#include <string.h>

#include "wpt_crc32.h"

/* What a look at the bytes at one position found. */
typedef enum check {
    CHECK_VALID,      /* a complete, valid item of `size` bytes */
    CHECK_INCOMPLETE, /* could be valid, more bytes needed */
    CHECK_INVALID,    /* damage */
    CHECK_NEWER       /* a header of a newer major version */
} check;

static uint64_t le(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = n; i > 0; i--)
        v = (v << 8) | p[i - 1];
    return v;
}

static bool starts_like_magic(const uint8_t *data, size_t len)
{
    size_t n = len < WPT_MAGIC_LEN ? len : WPT_MAGIC_LEN;
    return memcmp(data, WPT_MAGIC, n) == 0;
}

/* A stream header at data (which starts with the magic, or a prefix of it). */
static check check_header(const uint8_t *data, size_t len, wpt_header *hdr, size_t *size,
                          const char **reason)
{
    if (len < 12)
        return CHECK_INCOMPLETE;
    hdr->major = (uint16_t)le(data + 8, 2);
    hdr->minor = (uint16_t)le(data + 10, 2);
    if (hdr->major > WPT_FORMAT_MAJOR)
        return CHECK_NEWER;
    if (hdr->major < WPT_FORMAT_MAJOR) {
        *reason = "header of an unknown format version 0.x";
        return CHECK_INVALID;
    }
    hdr->header_length = (uint32_t)le(data + 12, 4);
    if (hdr->header_length < WPT_HEADER_LEN || hdr->header_length > WPT_RECORD_MAX_LEN) {
        *reason = "header length out of range";
        return CHECK_INVALID;
    }
    if (len < WPT_HEADER_LEN)
        return CHECK_INCOMPLETE;
    if (wpt_crc32(data, 44) != (uint32_t)le(data + 44, 4)) {
        *reason = "header CRC mismatch";
        return CHECK_INVALID;
    }
    if (len < hdr->header_length)
        return CHECK_INCOMPLETE;
    hdr->clock.frequency = le(data + 16, 8);
    hdr->clock.start_filetime = le(data + 24, 8);
    hdr->clock.start_ticks = le(data + 32, 8);
    hdr->flags = (uint32_t)le(data + 40, 4);
    *size = hdr->header_length;
    return CHECK_VALID;
}

/* A record frame: length in range, complete, CRC matching. */
static check check_frame(const uint8_t *data, size_t len, size_t *size, const char **reason)
{
    if (len < 4)
        return CHECK_INCOMPLETE;
    uint32_t length = (uint32_t)le(data, 4);
    if (length < WPT_RECORD_MIN_LEN || length > WPT_RECORD_MAX_LEN) {
        *reason = "record length out of range";
        return CHECK_INVALID;
    }
    if (len < length)
        return CHECK_INCOMPLETE;
    if (wpt_crc32(data, length - 4) != (uint32_t)le(data + length - 4, 4)) {
        *reason = "record CRC mismatch";
        return CHECK_INVALID;
    }
    *size = length;
    return CHECK_VALID;
}

/* A read cursor over a payload; the first problem sticks in `reason`. */
typedef struct reader {
    const uint8_t *p;
    size_t len;
    size_t pos;
    const char *reason;
} reader;

static const uint8_t *take(reader *r, size_t n, const char *why)
{
    if (r->reason != NULL || r->len - r->pos < n) {
        if (r->reason == NULL)
            r->reason = why;
        return NULL;
    }
    const uint8_t *at = r->p + r->pos;
    r->pos += n;
    return at;
}

static uint64_t get(reader *r, size_t n)
{
    const uint8_t *at = take(r, n, "record too short for its type");
    return at != NULL ? le(at, n) : 0;
}

static uint8_t get_u8(reader *r) { return (uint8_t)get(r, 1); }
static uint32_t get_u32(reader *r) { return (uint32_t)get(r, 4); }
static uint64_t get_u64(reader *r) { return get(r, 8); }

static wpt_guid get_guid(reader *r)
{
    wpt_guid g = {{0}};
    const uint8_t *at = take(r, sizeof g.bytes, "record too short for its type");
    if (at != NULL)
        memcpy(g.bytes, at, sizeof g.bytes);
    return g;
}

/* u16 byte count N, then N bytes (a str or a DOWNCALL's data). */
static const uint8_t *get_counted(reader *r, uint16_t *len, const char *why)
{
    *len = (uint16_t)get(r, 2);
    const uint8_t *bytes = take(r, *len, why);
    if (bytes == NULL)
        *len = 0;
    return bytes;
}

static wpt_str get_str(reader *r)
{
    wpt_str s;
    s.bytes = get_counted(r, &s.len, "string runs past the payload");
    return s;
}

static wpt_dec_args get_args(reader *r, uint16_t count)
{
    wpt_dec_args a;
    a.bytes = take(r, (size_t)count * 8, "record too short for its type");
    a.count = a.bytes != NULL ? count : 0;
    return a;
}

/* Fields appended by a minor version: present unless the payload ends exactly here (an older
 * writer); a payload that ends inside them is damage (the getters say so). */
static bool appended(const reader *r) { return r->reason == NULL && r->pos < r->len; }

static void get_clock(reader *r, wpt_clock_info *clock)
{
    clock->frequency = get_u64(r);
    clock->start_filetime = get_u64(r);
    clock->start_ticks = get_u64(r);
}

static void parse_hello(reader *r, wpt_dec_hello *h)
{
    h->parent_pid = get_u32(r);
    h->bitness = get_u8(r);
    take(r, 3, "record too short for its type");
    h->tracer_version = get_u32(r);
    get_clock(r, &h->clock);
    h->image_path = get_str(r);
    h->command_line = get_str(r);
    h->has_session = appended(r);
    if (h->has_session) {
        h->process_start_filetime = get_u64(r);
        h->load_session = get_u32(r);
    }
}

static void parse_provider_loaded(reader *r, wpt_dec_provider_loaded *p)
{
    p->ticks = get_u64(r);
    p->served_entry_id = get_u32(r);
    p->served_provider_id = get_guid(r);
    p->chain_position = get_u32(r);
    p->next_entry_id = get_u32(r);
    p->next_provider_id = get_guid(r);
    p->next_module_id = get_u32(r);
    p->startup_result = (int32_t)get_u32(r);
    p->status = get_u32(r);
    p->served_protocol = get_str(r);
    p->next_provider_path = get_str(r);
}

static void parse_module(reader *r, wpt_dec_module *m)
{
    m->module_id = get_u32(r);
    m->base = get_u64(r);
    m->size = get_u32(r);
    m->path = get_str(r);
}

static void parse_upcall(reader *r, wpt_dec_upcall *u)
{
    u->sequence = get_u32(r);
    u->upcall = (uint16_t)get(r, 2);
    uint16_t arg_count = (uint16_t)get(r, 2);
    u->tid = get_u32(r);
    u->caller_module_id = get_u32(r);
    u->caller_address = get_u64(r);
    u->start_ticks = get_u64(r);
    u->duration_ticks = get_u64(r);
    u->result = (int64_t)get_u64(r);
    u->error = (int32_t)get_u32(r);
    u->upcall_flags = get_u32(r);
    u->args = get_args(r, arg_count);
    u->text = get_str(r);
    u->has_parent = appended(r);
    if (u->has_parent)
        u->parent_call_id = get_u32(r);
}

static void parse_downcall(reader *r, wpt_dec_downcall *d)
{
    d->sequence = get_u32(r);
    d->function = (uint16_t)get(r, 2);
    uint16_t arg_count = (uint16_t)get(r, 2);
    d->tid = get_u32(r);
    d->call_id = get_u32(r);
    d->parent_call_id = get_u32(r);
    d->served_entry_id = get_u32(r);
    d->start_ticks = get_u64(r);
    d->duration_ticks = get_u64(r);
    d->socket = get_u64(r);
    d->result = (int64_t)get_u64(r);
    d->error = (int32_t)get_u32(r);
    d->call_flags = get_u32(r);
    d->args = get_args(r, arg_count);
    d->text = get_str(r);
    d->data.bytes = get_counted(r, &d->data.len, "data runs past the payload");
}

static void parse_counters(reader *r, wpt_dec_counters *c)
{
    c->ticks = get_u64(r);
    c->a = get_u64(r);
    c->b = get_u64(r);
}

static void parse_goodbye(reader *r, wpt_dec_counters *c)
{
    parse_counters(r, c);
    c->has_end_reason = appended(r);
    if (c->has_end_reason)
        c->end_reason = get_u32(r);
}

static void parse_message(reader *r, wpt_dec_message *m)
{
    m->ticks = get_u64(r);
    m->severity = get_u8(r);
    take(r, 3, "record too short for its type");
    m->status = get_u32(r);
    m->message = get_str(r);
}

/* Fills the view of a frame-valid record; returns NULL or why its payload is damaged. */
static const char *parse_record(const uint8_t *data, size_t length, wpt_record_view *v)
{
    memset(v, 0, sizeof *v);
    v->length = (uint32_t)length;
    v->type = (uint16_t)le(data + 4, 2);
    v->flags = (uint16_t)le(data + 6, 2);
    v->pid = (uint32_t)le(data + 8, 4);
    v->known = true;
    reader r = {data + 12, length - WPT_RECORD_OVERHEAD, 0, NULL};
    switch (v->type) {
    case WPT_REC_PROCESS_HELLO: parse_hello(&r, &v->as.hello); break;
    case WPT_REC_PROVIDER_LOADED: parse_provider_loaded(&r, &v->as.provider_loaded); break;
    case WPT_REC_MODULE: parse_module(&r, &v->as.module); break;
    case WPT_REC_UPCALL: parse_upcall(&r, &v->as.upcall); break;
    case WPT_REC_DROPS: parse_counters(&r, &v->as.drops); break;
    case WPT_REC_TRACER_MESSAGE: parse_message(&r, &v->as.message); break;
    case WPT_REC_PROCESS_GOODBYE: parse_goodbye(&r, &v->as.goodbye); break;
    case WPT_REC_DOWNCALL: parse_downcall(&r, &v->as.downcall); break;
    default: v->known = false; break;
    }
    return r.reason;
}

/* Is a stream header or (inside a stream) a record frame starting at data[0]?
 * Used while resyncing: incomplete candidates count as invalid at the end of the input. */
static check check_sync_point(const wpt_decoder *dec, const uint8_t *data, size_t len)
{
    const char *ignored;
    size_t size;
    wpt_header hdr;
    if (starts_like_magic(data, len)) {
        if (len < WPT_MAGIC_LEN)
            return CHECK_INCOMPLETE;
        check c = check_header(data, len, &hdr, &size, &ignored);
        return c == CHECK_NEWER ? CHECK_VALID : c;
    }
    if (!dec->in_stream)
        return CHECK_INVALID;
    return check_frame(data, len, &size, &ignored);
}

/* Returns the same final item (END, TRUNCATED or ERROR) from now on. */
static wpt_item_kind final_item(const wpt_decoder *dec, wpt_item *item)
{
    item->kind = dec->final_kind;
    item->offset = dec->final_offset;
    if (dec->final_kind == WPT_ITEM_ERROR)
        item->u.error = dec->error;
    return dec->final_kind;
}

static wpt_item_kind finish(wpt_decoder *dec, wpt_item_kind kind, uint64_t offset,
                            wpt_item *item)
{
    dec->final_kind = kind;
    dec->final_offset = offset;
    return final_item(dec, item);
}

/* Scans from data[start] for the next sync point, consuming the damaged bytes. */
static wpt_item_kind resync(wpt_decoder *dec, const uint8_t *data, size_t len, bool at_end,
                            size_t start, wpt_item *item, size_t *consumed)
{
    size_t i = start;
    for (; i < len; i++) {
        check c = check_sync_point(dec, data + i, len - i);
        if (c == CHECK_VALID)
            break;
        if (c == CHECK_INCOMPLETE && !at_end) {
            *consumed = i;
            dec->offset += i;
            return WPT_ITEM_NEED_MORE;
        }
    }
    if (i == len && !at_end) {
        *consumed = i;
        dec->offset += i;
        return WPT_ITEM_NEED_MORE;
    }
    *consumed = i;
    dec->offset += i;
    dec->resyncing = false;
    if (i == len && dec->truncating)
        return finish(dec, WPT_ITEM_TRUNCATED, dec->damage_offset, item);
    item->offset = dec->damage_offset;
    item->u.damage.skipped = dec->offset - dec->damage_offset;
    item->u.damage.reason = dec->damage_reason;
    return WPT_ITEM_DAMAGE;
}

static wpt_item_kind start_damage(wpt_decoder *dec, const uint8_t *data, size_t len,
                                  bool at_end, bool truncating, const char *reason,
                                  wpt_item *item, size_t *consumed)
{
    dec->resyncing = true;
    dec->truncating = truncating;
    dec->damage_offset = dec->offset;
    dec->damage_reason = reason;
    return resync(dec, data, len, at_end, 1, item, consumed);
}

static wpt_item_kind newer_major(wpt_decoder *dec, const wpt_header *hdr, wpt_item *item)
{
    snprintf(dec->error, sizeof dec->error,
             "capture format %u.%u is newer than this wpuscope reads (%u.x)",
             (unsigned)hdr->major, (unsigned)hdr->minor, (unsigned)WPT_FORMAT_MAJOR);
    return finish(dec, WPT_ITEM_ERROR, dec->offset, item);
}

void wpt_decoder_init(wpt_decoder *dec)
{
    memset(dec, 0, sizeof *dec);
    dec->final_kind = WPT_ITEM_NEED_MORE;
}

wpt_item_kind wpt_decode_next(wpt_decoder *dec, const uint8_t *data, size_t len, bool at_end,
                              wpt_item *item, size_t *consumed)
{
    *consumed = 0;
    item->offset = dec->offset;
    if (dec->final_kind != WPT_ITEM_NEED_MORE)
        return item->kind = final_item(dec, item);
    if (dec->resyncing)
        return item->kind = resync(dec, data, len, at_end, 0, item, consumed);
    if (len == 0 && at_end && dec->offset == 0) {
        snprintf(dec->error, sizeof dec->error, "not a wpuscope capture: the input is empty");
        return item->kind = finish(dec, WPT_ITEM_ERROR, 0, item);
    }
    if (len == 0)
        return item->kind = at_end ? finish(dec, WPT_ITEM_END, dec->offset, item)
                                   : WPT_ITEM_NEED_MORE;

    const char *reason = NULL;
    size_t size = 0;
    check c;
    bool is_header = starts_like_magic(data, len);
    if (!is_header && !dec->in_stream) {
        snprintf(dec->error, sizeof dec->error,
                 "not a wpuscope capture: no WPUTRACE header at offset %llu",
                 (unsigned long long)dec->offset);
        return item->kind = finish(dec, WPT_ITEM_ERROR, dec->offset, item);
    }
    if (is_header) {
        c = len < WPT_MAGIC_LEN ? CHECK_INCOMPLETE
                                : check_header(data, len, &item->u.header, &size, &reason);
        if (c == CHECK_NEWER)
            return item->kind = newer_major(dec, &item->u.header, item);
    } else {
        c = check_frame(data, len, &size, &reason);
        if (c == CHECK_VALID)
            reason = parse_record(data, size, &item->u.record);
        if (reason != NULL)
            c = CHECK_INVALID;
    }
    if (c == CHECK_INCOMPLETE && !at_end)
        return item->kind = WPT_ITEM_NEED_MORE;
    if (c == CHECK_INCOMPLETE)
        return item->kind = start_damage(dec, data, len, at_end, true,
                                         "an item runs past the end of the input", item,
                                         consumed);
    if (c == CHECK_INVALID)
        return item->kind = start_damage(dec, data, len, at_end, false, reason, item, consumed);
    *consumed = size;
    dec->offset += size;
    if (is_header)
        dec->in_stream = true;
    return item->kind = is_header ? WPT_ITEM_HEADER : WPT_ITEM_RECORD;
}

uint64_t wpt_dec_arg(wpt_dec_args args, unsigned index)
{
    return index < args.count ? le(args.bytes + 8 * (size_t)index, 8) : 0;
}

size_t wpt_utf8_next(const uint8_t *s, size_t len, uint32_t *code_point)
{
    /* Well-formed sequences per Unicode Table 3-7; an ill-formed one is replaced by one U+FFFD
     * per maximal subpart, as Python and Java decoders do. */
    uint8_t b = s[0];
    size_t need;
    uint32_t cp;
    uint8_t lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (b < 0x80) {
        *code_point = b;
        return 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
        need = 1, cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2, cp = b & 0x0Fu;
        lo = b == 0xE0 ? 0xA0 : 0x80;
        hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3, cp = b & 0x07u;
        lo = b == 0xF0 ? 0x90 : 0x80;
        hi = b == 0xF4 ? 0x8F : 0xBF;
    } else {
        *code_point = 0xFFFD;
        return 1;
    }
    size_t i = 1;
    for (; i <= need && i < len; i++) {
        uint8_t min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
        if (s[i] < min || s[i] > max)
            break;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    *code_point = i > need ? cp : 0xFFFD;
    return i;
}
