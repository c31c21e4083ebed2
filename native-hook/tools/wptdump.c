/* wptdump: prints a wpuscope capture (.wputrace) as JSON lines, one object per decoded item.
 *
 *   wptdump FILE        (FILE "-" reads standard input)
 *
 * Lines, in input order (field names and order as in resources/trace-format/golden/NAME.json):
 *   {"offset":0,"header":{"major":1,"minor":0,"header_length":48,...}}   a stream starts
 *   {"offset":48,"length":152,"type":1,"type_name":"PROCESS_HELLO","pid":4242,...}   a record
 *   {"damage":{"offset":187,"skipped":95}}    damaged bytes skipped (reason on stderr)
 *   {"truncated_at":2378}                     input ends inside a record
 *   {"error":"capture format 2.0 is newer than this wpuscope reads (1.x)"}
 *   {"summary":{"valid":true,"streams":1,"records":27,"damage":0}}   always the last line
 * DOWNCALL records print their data as lowercase hex.
 * Unknown record types print {"offset","length","type","type_name":"UNKNOWN","pid","skipped":true}.
 * Strings are UTF-8 with invalid bytes replaced by U+FFFD; GUIDs are lowercase 8-4-4-4-12.
 * Exit status: 0 valid, 1 damaged or truncated, 2 not decodable (error) or I/O/usage error. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

#include "wpt_decode.h"
#include "wpt_event.h"

#define INITIAL_BUFFER 65536

static void put_json_string(FILE *out, const uint8_t *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += wpt_utf8_next(s + i, len - i, &cp);
        if (cp == '"' || cp == '\\')
            fprintf(out, "\\%c", (char)cp);
        else if (cp == '\n')
            fputs("\\n", out);
        else if (cp == '\r')
            fputs("\\r", out);
        else if (cp == '\t')
            fputs("\\t", out);
        else if (cp < 0x20 || cp == 0x7F)
            fprintf(out, "\\u%04x", (unsigned)cp);
        else if (cp < 0x80)
            fputc((int)cp, out);
        else if (cp < 0x800)
            fprintf(out, "%c%c", 0xC0 | (cp >> 6), 0x80 | (cp & 0x3F));
        else if (cp < 0x10000)
            fprintf(out, "%c%c%c", 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F),
                    0x80 | (cp & 0x3F));
        else
            fprintf(out, "%c%c%c%c", 0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F),
                    0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
    }
    fputc('"', out);
}

static void put_str_field(FILE *out, const char *name, wpt_str s)
{
    fprintf(out, ",\"%s\":", name);
    put_json_string(out, s.bytes, s.len);
}

static void put_guid_field(FILE *out, const char *name, const wpt_guid *g)
{
    const uint8_t *b = g->bytes;
    fprintf(out, ",\"%s\":\"%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                 "%02x%02x%02x%02x%02x%02x\"",
            name, b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11],
            b[12], b[13], b[14], b[15]);
}

static void put_u64_field(FILE *out, const char *name, uint64_t v)
{
    fprintf(out, ",\"%s\":%" PRIu64, name, v);
}

static void put_i64_field(FILE *out, const char *name, int64_t v)
{
    fprintf(out, ",\"%s\":%" PRId64, name, v);
}

static void put_clock_fields(FILE *out, const wpt_clock_info *clock)
{
    put_u64_field(out, "clock_frequency", clock->frequency);
    put_u64_field(out, "start_filetime", clock->start_filetime);
    put_u64_field(out, "start_ticks", clock->start_ticks);
}

static void put_counter_fields(FILE *out, const wpt_dec_counters *c, const char *a_name,
                               const char *b_name)
{
    put_u64_field(out, "ticks", c->ticks);
    put_u64_field(out, a_name, c->a);
    put_u64_field(out, b_name, c->b);
}

/* "NAME":"text" or "NAME":null for a number no name is known for. */
static void put_name_field(FILE *out, const char *field, const char *name)
{
    if (name != NULL)
        fprintf(out, ",\"%s\":\"%s\"", field, name);
    else
        fprintf(out, ",\"%s\":null", field);
}

static void put_args_field(FILE *out, wpt_dec_args args)
{
    fputs(",\"args\":[", out);
    for (unsigned i = 0; i < args.count; i++)
        fprintf(out, "%s%" PRIu64, i ? "," : "", wpt_dec_arg(args, i));
    fputc(']', out);
}

/* "NAME":"<lowercase hex>" */
static void put_hex_field(FILE *out, const char *name, wpt_dec_data data)
{
    fprintf(out, ",\"%s\":\"", name);
    for (unsigned i = 0; i < data.len; i++)
        fprintf(out, "%02x", data.bytes[i]);
    fputc('"', out);
}

static void put_upcall_fields(FILE *out, const wpt_dec_upcall *u)
{
    put_u64_field(out, "sequence", u->sequence);
    put_u64_field(out, "upcall", u->upcall);
    put_name_field(out, "upcall_name", wpt_upcall_name(u->upcall));
    put_u64_field(out, "tid", u->tid);
    put_u64_field(out, "caller_module_id", u->caller_module_id);
    put_u64_field(out, "caller_address", u->caller_address);
    put_u64_field(out, "start_ticks", u->start_ticks);
    put_u64_field(out, "duration_ticks", u->duration_ticks);
    put_i64_field(out, "result", u->result);
    put_i64_field(out, "error", u->error);
    put_u64_field(out, "upcall_flags", u->upcall_flags);
    put_args_field(out, u->args);
    put_str_field(out, "text", u->text);
    if (u->has_parent)
        put_u64_field(out, "parent_call_id", u->parent_call_id);
}

static void put_downcall_fields(FILE *out, const wpt_dec_downcall *d)
{
    put_u64_field(out, "sequence", d->sequence);
    put_u64_field(out, "function", d->function);
    put_name_field(out, "function_name", wpt_function_name(d->function));
    put_u64_field(out, "tid", d->tid);
    put_u64_field(out, "call_id", d->call_id);
    put_u64_field(out, "parent_call_id", d->parent_call_id);
    put_u64_field(out, "served_entry_id", d->served_entry_id);
    put_u64_field(out, "start_ticks", d->start_ticks);
    put_u64_field(out, "duration_ticks", d->duration_ticks);
    put_u64_field(out, "socket", d->socket);
    put_i64_field(out, "result", d->result);
    put_i64_field(out, "error", d->error);
    put_u64_field(out, "call_flags", d->call_flags);
    put_args_field(out, d->args);
    put_str_field(out, "text", d->text);
    put_hex_field(out, "data", d->data);
}

static void put_record(FILE *out, uint64_t offset, const wpt_record_view *r)
{
    fprintf(out, "{\"offset\":%" PRIu64 ",\"length\":%" PRIu32 ",\"type\":%u,\"type_name\":\"%s\"",
            offset, r->length, (unsigned)r->type, wpt_record_type_name(r->type));
    put_u64_field(out, "pid", r->pid);
    if (!r->known) {
        fputs(",\"skipped\":true}\n", out);
        return;
    }
    switch (r->type) {
    case WPT_REC_PROCESS_HELLO: {
        const wpt_dec_hello *h = &r->as.hello;
        put_u64_field(out, "parent_pid", h->parent_pid);
        put_u64_field(out, "bitness", h->bitness);
        put_u64_field(out, "tracer_version", h->tracer_version);
        put_clock_fields(out, &h->clock);
        put_str_field(out, "image_path", h->image_path);
        put_str_field(out, "command_line", h->command_line);
        if (h->has_session) {
            put_u64_field(out, "process_start_filetime", h->process_start_filetime);
            put_u64_field(out, "load_session", h->load_session);
        }
        break;
    }
    case WPT_REC_PROVIDER_LOADED: {
        const wpt_dec_provider_loaded *p = &r->as.provider_loaded;
        put_u64_field(out, "ticks", p->ticks);
        put_u64_field(out, "served_entry_id", p->served_entry_id);
        put_guid_field(out, "served_provider_id", &p->served_provider_id);
        put_u64_field(out, "chain_position", p->chain_position);
        put_u64_field(out, "next_entry_id", p->next_entry_id);
        put_guid_field(out, "next_provider_id", &p->next_provider_id);
        put_u64_field(out, "next_module_id", p->next_module_id);
        put_i64_field(out, "startup_result", p->startup_result);
        put_u64_field(out, "status", p->status);
        put_str_field(out, "served_protocol", p->served_protocol);
        put_str_field(out, "next_provider_path", p->next_provider_path);
        break;
    }
    case WPT_REC_MODULE:
        put_u64_field(out, "module_id", r->as.module.module_id);
        put_u64_field(out, "base", r->as.module.base);
        put_u64_field(out, "size", r->as.module.size);
        put_str_field(out, "path", r->as.module.path);
        break;
    case WPT_REC_UPCALL:
        put_upcall_fields(out, &r->as.upcall);
        break;
    case WPT_REC_DOWNCALL:
        put_downcall_fields(out, &r->as.downcall);
        break;
    case WPT_REC_DROPS:
        put_counter_fields(out, &r->as.drops, "dropped", "dropped_total");
        break;
    case WPT_REC_TRACER_MESSAGE:
        put_u64_field(out, "ticks", r->as.message.ticks);
        put_u64_field(out, "severity", r->as.message.severity);
        put_u64_field(out, "status", r->as.message.status);
        put_str_field(out, "message", r->as.message.message);
        break;
    case WPT_REC_PROCESS_GOODBYE:
        put_counter_fields(out, &r->as.goodbye, "emitted", "dropped_total");
        if (r->as.goodbye.has_end_reason)
            put_u64_field(out, "end_reason", r->as.goodbye.end_reason);
        break;
    }
    fputs("}\n", out);
}

static void put_header(FILE *out, uint64_t offset, const wpt_header *h)
{
    fprintf(out, "{\"offset\":%" PRIu64 ",\"header\":{\"major\":%u,\"minor\":%u,"
                 "\"header_length\":%" PRIu32,
            offset, (unsigned)h->major, (unsigned)h->minor, h->header_length);
    put_clock_fields(out, &h->clock);
    fprintf(out, ",\"flags\":%" PRIu32 "}}\n", h->flags);
}

/* Counts of what was printed, for the summary line. */
typedef struct tally {
    uint64_t streams, records, damage;
    bool truncated, error;
} tally;

/* Prints one item; returns false when it was the final one. */
static bool put_item(FILE *out, const char *name, const wpt_item *item, tally *t)
{
    switch (item->kind) {
    case WPT_ITEM_HEADER:
        t->streams++;
        put_header(out, item->offset, &item->u.header);
        return true;
    case WPT_ITEM_RECORD:
        t->records++;
        put_record(out, item->offset, &item->u.record);
        return true;
    case WPT_ITEM_DAMAGE:
        t->damage++;
        fprintf(out, "{\"damage\":{\"offset\":%" PRIu64 ",\"skipped\":%" PRIu64 "}}\n",
                item->offset, item->u.damage.skipped);
        fprintf(stderr, "wptdump: %s: damage at byte %" PRIu64 " (%s), skipped %" PRIu64
                        " bytes\n", name, item->offset, item->u.damage.reason,
                item->u.damage.skipped);
        return true;
    case WPT_ITEM_TRUNCATED:
        t->truncated = true;
        fprintf(out, "{\"truncated_at\":%" PRIu64 "}\n", item->offset);
        fprintf(stderr, "wptdump: %s: truncated: input ends inside the item at byte %" PRIu64
                        "\n", name, item->offset);
        return false;
    case WPT_ITEM_ERROR:
        t->error = true;
        fputs("{\"error\":", out);
        put_json_string(out, (const uint8_t *)item->u.error, strlen(item->u.error));
        fputs("}\n", out);
        fprintf(stderr, "wptdump: %s: %s\n", name, item->u.error);
        return false;
    default:
        return false;
    }
}

/* Streams the input through the decoder with a buffer that grows only when one item needs it.
 * Returns the exit status. */
static int dump(FILE *in, const char *name, FILE *out)
{
    size_t cap = INITIAL_BUFFER, start = 0, end = 0;
    uint8_t *buf = malloc(cap);
    bool at_end = false;
    tally t = {0};
    wpt_decoder dec;
    wpt_decoder_init(&dec);
    if (buf == NULL) {
        fprintf(stderr, "wptdump: out of memory\n");
        return 2;
    }
    for (;;) {
        wpt_item item;
        size_t used;
        wpt_item_kind kind = wpt_decode_next(&dec, buf + start, end - start, at_end, &item, &used);
        start += used;
        if (kind == WPT_ITEM_END)
            break;
        if (kind != WPT_ITEM_NEED_MORE) {
            if (!put_item(out, name, &item, &t))
                break;
            continue;
        }
        memmove(buf, buf + start, end - start);
        end -= start;
        start = 0;
        if (end == cap) {
            uint8_t *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                fprintf(stderr, "wptdump: out of memory\n");
                return 2;
            }
            buf = bigger;
            cap *= 2;
        }
        end += fread(buf + end, 1, cap - end, in);
        if (ferror(in)) {
            free(buf);
            fprintf(stderr, "wptdump: %s: read error: %s\n", name, strerror(errno));
            return 2;
        }
        at_end = feof(in) != 0;
    }
    free(buf);
    bool valid = t.damage == 0 && !t.truncated && !t.error;
    fprintf(out, "{\"summary\":{\"valid\":%s,\"streams\":%" PRIu64 ",\"records\":%" PRIu64
                 ",\"damage\":%" PRIu64 "}}\n",
            valid ? "true" : "false", t.streams, t.records, t.damage);
    return t.error ? 2 : valid ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc != 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fprintf(argc == 2 ? stdout : stderr,
                "usage: wptdump FILE|-\n"
                "Prints a wpuscope capture as JSON lines (see native-hook/README.md).\n"
                "Exit status: 0 valid, 1 damaged or truncated, 2 undecodable or error.\n");
        return argc == 2 ? 0 : 2;
    }
    const char *name = argv[1];
#ifdef _WIN32
    _setmode(_fileno(stdin), _O_BINARY); /* a capture is binary: no CRLF translation */
#endif
    FILE *in = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (in == NULL) {
        fprintf(stderr, "wptdump: %s: %s\n", name, strerror(errno));
        return 2;
    }
    int status = dump(in, name, stdout);
    if (in != stdin)
        fclose(in);
    return status;
}
