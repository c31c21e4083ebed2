/* The streaming decoder: fed one byte at a time it finds what it finds with all bytes at once;
 * field values of the basic (1.1) and spi (1.2) vectors, the 1.2 parent absent from 1.1
 * upcalls; mutated input never crashes and accounts for every byte; UTF-8 replacement. (Every field of every golden vector is compared with its JSON through
 * wptdump by check_golden_json.py.) */
#include <stdlib.h>
#include <string.h>

#include "wpt_crc32.h"
#include "wpt_decode.h"
#include "wpt_event.h"
#include "wpt_test.h"

#define MAX_ITEMS 256

typedef struct summary {
    size_t count;
    wpt_item_kind kind[MAX_ITEMS];
    uint64_t offset[MAX_ITEMS];
    uint64_t size[MAX_ITEMS]; /* record length, header length or bytes skipped */
} summary;

static uint64_t item_size(const wpt_item *item)
{
    switch (item->kind) {
    case WPT_ITEM_HEADER: return item->u.header.header_length;
    case WPT_ITEM_RECORD: return item->u.record.length;
    case WPT_ITEM_DAMAGE: return item->u.damage.skipped;
    default: return 0;
    }
}

/* Decodes data handing the decoder `step` more bytes at a time (0 = everything at once).
 * Checks that consumed bytes match the items and the offsets advance without gaps. */
static void decode(const uint8_t *data, size_t len, size_t step, summary *s)
{
    wpt_decoder dec;
    wpt_decoder_init(&dec);
    size_t start = 0, avail = step == 0 ? len : 0;
    bool contiguous = true;
    s->count = 0;
    for (int guard = 0; guard < 1000000; guard++) {
        wpt_item item;
        size_t used;
        uint64_t before = dec.offset;
        wpt_item_kind k = wpt_decode_next(&dec, data + start, avail - start, avail == len,
                                          &item, &used);
        start += used;
        contiguous = contiguous && dec.offset == start && before + used == dec.offset;
        if (k == WPT_ITEM_NEED_MORE) {
            if (avail == len) {
                CHECK(!"NEED_MORE although the input ended");
                break;
            }
            avail = avail + step > len ? len : avail + step;
            continue;
        }
        if (s->count < MAX_ITEMS) {
            s->kind[s->count] = k;
            s->offset[s->count] = item.offset;
            s->size[s->count] = item_size(&item);
            s->count++;
        }
        if (k == WPT_ITEM_END || k == WPT_ITEM_TRUNCATED || k == WPT_ITEM_ERROR)
            break;
    }
    CHECK(contiguous);
}

static bool same(const summary *a, const summary *b)
{
    if (a->count != b->count)
        return false;
    for (size_t i = 0; i < a->count; i++)
        if (a->kind[i] != b->kind[i] || a->offset[i] != b->offset[i] || a->size[i] != b->size[i])
            return false;
    return true;
}

static void test_streaming(const char *golden_dir)
{
    static const char *const names[] = {"basic.wputrace", "damaged.wputrace",
                                        "forward-compatible.wputrace", "newer-major.wputrace",
                                        "truncated.wputrace", "two-streams.wputrace",
                                        "spi.wputrace"};
    static const wpt_item_kind last[] = {WPT_ITEM_END, WPT_ITEM_END, WPT_ITEM_END,
                                         WPT_ITEM_ERROR, WPT_ITEM_TRUNCATED, WPT_ITEM_END,
                                         WPT_ITEM_END};
    for (size_t v = 0; v < sizeof names / sizeof names[0]; v++) {
        size_t len;
        uint8_t *data = wpt_test_read_file(golden_dir, names[v], &len);
        if (data == NULL)
            continue;
        static summary whole, piecewise;
        decode(data, len, 0, &whole);
        CHECK(whole.count > 0 && whole.kind[whole.count - 1] == last[v]);
        for (size_t step = 1; step <= 13; step += 3) {
            decode(data, len, step, &piecewise);
            if (!CHECK(same(&whole, &piecewise)))
                printf("     %s fed %zu bytes at a time differs\n", names[v], step);
        }
        free(data);
    }
}

static wpt_item next_record(wpt_decoder *dec, const uint8_t *data, size_t len, size_t *start)
{
    wpt_item item;
    size_t used;
    do {
        wpt_decode_next(dec, data + *start, len - *start, true, &item, &used);
        *start += used;
    } while (item.kind == WPT_ITEM_HEADER);
    return item;
}

static bool str_is(wpt_str s, const char *text)
{
    return s.len == strlen(text) && memcmp(s.bytes, text, s.len) == 0;
}

static void test_fields(const char *golden_dir)
{
    size_t len, start = 0;
    uint8_t *data = wpt_test_read_file(golden_dir, "basic.wputrace", &len);
    if (data == NULL)
        return;
    wpt_decoder dec;
    wpt_decoder_init(&dec);
    wpt_item hello = next_record(&dec, data, len, &start);
    CHECK_EQ(hello.kind, WPT_ITEM_RECORD);
    CHECK_EQ(hello.offset, 48);
    CHECK_EQ(hello.u.record.as.hello.bitness, 64);
    CHECK(str_is(hello.u.record.as.hello.image_path, "C:\\wpuscope\\wpuhost.exe"));
    wpt_item module = next_record(&dec, data, len, &start);
    CHECK_EQ(module.u.record.as.module.base, UINT64_C(0x7FF810000000));
    wpt_item loaded = next_record(&dec, data, len, &start);
    CHECK_EQ(loaded.u.record.as.provider_loaded.next_entry_id, 1001);
    CHECK_EQ(loaded.u.record.as.provider_loaded.next_provider_id.bytes[0], 0xA0);
    wpt_item up;
    for (int i = 0; i < 5; i++)
        up = next_record(&dec, data, len, &start);
    CHECK_EQ(up.u.record.as.upcall.upcall, WPT_UPCALL_GET_PROVIDER_PATH);
    CHECK_EQ(up.u.record.as.upcall.args.count, 4);
    CHECK_EQ(wpt_dec_arg(up.u.record.as.upcall.args, 3), 37);
    CHECK(!up.u.record.as.upcall.has_parent); /* a 1.1 upcall: the 1.2 field is absent */
    CHECK(str_is(up.u.record.as.upcall.text, "%SystemRoot%\\system32\\mswsock.dll"));
    for (int i = 0; i < 13; i++)
        up = next_record(&dec, data, len, &start);
    CHECK_EQ(up.u.record.as.upcall.sequence, 17);
    CHECK(up.u.record.as.upcall.result == -1);
    CHECK_EQ(up.u.record.as.upcall.error, 10038);
    free(data);
}

/* The 1.2 vector: a DOWNCALL's fields, an UPCALL's parent, data bytes. */
static void test_spi_fields(const char *golden_dir)
{
    size_t len, start = 0;
    uint8_t *data = wpt_test_read_file(golden_dir, "spi.wputrace", &len);
    if (data == NULL)
        return;
    wpt_decoder dec;
    wpt_decoder_init(&dec);
    wpt_item item;
    for (int i = 0; i < 4; i++) /* HELLO, MODULE, PROVIDER_LOADED, WSPStartup */
        item = next_record(&dec, data, len, &start);
    CHECK_EQ(item.u.record.type, WPT_REC_DOWNCALL);
    const wpt_dec_downcall *startup = &item.u.record.as.downcall;
    CHECK(startup->function == WPT_FN_STARTUP && startup->call_id == 1
          && startup->parent_call_id == 0 && startup->served_entry_id == 2001);
    CHECK_EQ(wpt_dec_arg(startup->args, 1), 0x0202);
    item = next_record(&dec, data, len, &start);
    CHECK(item.u.record.type == WPT_REC_UPCALL && item.u.record.as.upcall.has_parent
          && item.u.record.as.upcall.parent_call_id == 2);
    for (int i = 0; i < 5; i++) /* WSPSocket, WSPConnect, WSPAsyncSelect, post, WSPSend */
        item = next_record(&dec, data, len, &start);
    const wpt_dec_downcall *send = &item.u.record.as.downcall;
    CHECK(item.u.record.type == WPT_REC_DOWNCALL && send->function == WPT_FN_SEND);
    CHECK(send->socket == 0x2C8 && send->call_id == 5 && send->args.count == 6);
    CHECK_EQ(send->call_flags, WPT_CALL_FLAG_DATA_CLIPPED);
    CHECK(send->data.len == 8 && memcmp(send->data.bytes, "hello, w", 8) == 0);
    item = next_record(&dec, data, len, &start);
    CHECK(item.u.record.as.downcall.result == -1 && item.u.record.as.downcall.error == 997);
    free(data);
}

/* A DOWNCALL cut inside its data, with a valid CRC, is damage; so is an UPCALL that ends inside
 * its 1.2 parent_call_id. */
static void test_short_records(void)
{
    static const uint8_t header[48] = "WPUTRACE\1\0\2\0\x30";
    uint8_t data[256];
    memcpy(data, header, sizeof header);
    /* the header's CRC */
    uint32_t crc = wpt_crc32(data, 44);
    for (int i = 0; i < 4; i++)
        data[44 + i] = (uint8_t)(crc >> (8 * i));
    static const struct {
        uint16_t type;
        size_t payload; /* a payload of zeros, but for a count of 5 bytes of data/parent */
        size_t count_at;
    } cases[] = {
        {WPT_REC_DOWNCALL, 64 + 2 + 2 + 3, 64 + 2}, /* data says 5 bytes, 3 follow */
        {WPT_REC_UPCALL, 56 + 2 + 2, 0},             /* 2 of the 4 bytes of parent_call_id */
    };
    for (size_t c = 0; c < 2; c++) {
        size_t n = 48, length = 16 + cases[c].payload;
        memset(data + n, 0, length);
        data[n] = (uint8_t)length;
        data[n + 4] = (uint8_t)cases[c].type;
        if (cases[c].count_at)
            data[n + 12 + cases[c].count_at] = 5;
        crc = wpt_crc32(data + n, length - 4);
        for (int i = 0; i < 4; i++)
            data[n + length - 4 + i] = (uint8_t)(crc >> (8 * i));
        wpt_decoder dec;
        wpt_decoder_init(&dec);
        size_t start = 0;
        wpt_item item = next_record(&dec, data, n + length, &start);
        if (!CHECK_EQ(item.kind, WPT_ITEM_DAMAGE))
            continue;
        CHECK_EQ(item.offset, 48);
        CHECK(strcmp(item.u.damage.reason, c == 0 ? "data runs past the payload"
                                                  : "record too short for its type") == 0);
    }
}

/* Flipped bytes and cut-offs: the decoder ends, offsets only grow, every byte is in exactly
 * one item (header, record or damage) or in the truncated tail. */
static void test_mutations(const char *golden_dir)
{
    size_t len;
    uint8_t *golden = wpt_test_read_file(golden_dir, "two-streams.wputrace", &len);
    if (golden == NULL)
        return;
    uint8_t *data = malloc(len);
    unsigned seed = 12345, bad = 0, damaged_runs = 0;
    for (int run = 0; run < 400; run++) {
        memcpy(data, golden, len);
        size_t n = len - (run % 5 == 0 ? (size_t)(seed % 40) : 0);
        for (int flips = 1 + run % 4; flips > 0; flips--) {
            seed = seed * 1103515245u + 12345u;
            data[(seed >> 8) % n] ^= (uint8_t)(1u << (seed % 8));
        }
        summary s;
        decode(data, n, 0, &s);
        uint64_t covered = 0;
        for (size_t i = 0; i < s.count; i++) {
            if (s.offset[i] < covered && s.kind[i] != WPT_ITEM_END)
                bad++;
            if (s.kind[i] == WPT_ITEM_TRUNCATED)
                covered = n;
            else if (s.kind[i] != WPT_ITEM_END && s.kind[i] != WPT_ITEM_ERROR)
                covered = s.offset[i] + s.size[i];
            damaged_runs += s.kind[i] == WPT_ITEM_DAMAGE;
        }
        wpt_item_kind final = s.count ? s.kind[s.count - 1] : WPT_ITEM_NEED_MORE;
        if (final != WPT_ITEM_ERROR && covered != n)
            bad++;
        if (final != WPT_ITEM_END && final != WPT_ITEM_TRUNCATED && final != WPT_ITEM_ERROR)
            bad++;
    }
    CHECK_EQ(bad, 0);
    CHECK(damaged_runs > 100); /* the mutations did hit the CRC checks */
    free(data);
    free(golden);
}

static void test_edges(void)
{
    wpt_decoder dec;
    wpt_item item;
    size_t used;
    /* a prefix of a header without at_end waits for more */
    wpt_decoder_init(&dec);
    CHECK_EQ(wpt_decode_next(&dec, (const uint8_t *)"WPUTR", 5, false, &item, &used),
             WPT_ITEM_NEED_MORE);
    CHECK_EQ(used, 0);
    /* not a capture */
    wpt_decoder_init(&dec);
    CHECK_EQ(wpt_decode_next(&dec, (const uint8_t *)"PK\3\4abcdefgh", 12, true, &item, &used),
             WPT_ITEM_ERROR);
    CHECK(strstr(item.u.error, "not a wpuscope capture") != NULL);
    /* final items repeat */
    CHECK_EQ(wpt_decode_next(&dec, NULL, 0, true, &item, &used), WPT_ITEM_ERROR);
    wpt_decoder_init(&dec);
    CHECK_EQ(wpt_decode_next(&dec, NULL, 0, true, &item, &used), WPT_ITEM_ERROR);
}

static void test_utf8(void)
{
    static const struct {
        const char *bytes;
        size_t len;
        uint32_t cp;
        size_t used;
    } cases[] = {
        {"A", 1, 'A', 1},
        {"\xC3\xA9", 2, 0xE9, 2},
        {"\xE2\x82\xAC", 3, 0x20AC, 3},
        {"\xF0\x9F\x98\x80", 4, 0x1F600, 4},
        {"\xC0\x80", 2, 0xFFFD, 1},          /* overlong lead */
        {"\xE0\x80\x80", 3, 0xFFFD, 1},      /* overlong 3-byte */
        {"\xED\xA0\x80", 3, 0xFFFD, 1},      /* surrogate */
        {"\xF4\x90\x80\x80", 4, 0xFFFD, 1},  /* above U+10FFFF */
        {"\xE2\x82", 2, 0xFFFD, 2},          /* truncated: maximal subpart */
        {"\xE2\x82X", 3, 0xFFFD, 2},
        {"\x80", 1, 0xFFFD, 1},
        {"\xFF", 1, 0xFFFD, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t cp;
        size_t used = wpt_utf8_next((const uint8_t *)cases[i].bytes, cases[i].len, &cp);
        if (!CHECK(cp == cases[i].cp && used == cases[i].used))
            printf("     utf8 case %zu: U+%04X in %zu bytes\n", i, (unsigned)cp, used);
    }
}

void test_decode(const char *golden_dir)
{
    test_streaming(golden_dir);
    test_fields(golden_dir);
    test_spi_fields(golden_dir);
    test_short_records();
    test_mutations(golden_dir);
    test_edges();
    test_utf8();
}
