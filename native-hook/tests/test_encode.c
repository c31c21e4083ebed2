/* The encoder reproduces the encodable golden vectors byte for byte, built from the same
 * records as make_golden.py builds them: spi (format 1.2) as written, and the 1.1 vectors
 * (basic, two-streams, truncated, damaged, load-sessions) once the 1.2 additions are taken out
 * of what it writes (the header's minor, each UPCALL's trailing parent_call_id): 1.2 only
 * appends. */
#include <stdlib.h>
#include <string.h>

#include "wpt_crc32.h"
#include "wpt_encode.h"
#include "wpt_record.h"
#include "wpt_test.h"

#define PID 4242
#define START_TICKS UINT64_C(5000000000)
#define HOST "C:\\wpuscope\\wpuhost.exe"
#define NONIFS "Z:\\build\\x64\\sample_nonifs.dll"
#define TCP_GUID "e70f1aa0-ab8b-11cf-8ca3-00805f48a192"
#define TRACER_GUID "5f2c6b1e-7d1a-4c3e-9a57-3e0b8d7a4c21"

static const wpt_clock_info golden_clock = {10000000, UINT64_C(133800000000000000), START_TICKS};
#define PROCESS_START (UINT64_C(133800000000000000) - 5000000)

/* ASCII -> UTF-16 in a pool that lives for one golden stream. */
static uint16_t pool[4096];
static size_t pool_used;

static wpt_utf16 u16(const char *ascii)
{
    size_t n = strlen(ascii);
    uint16_t *at = pool + pool_used;
    for (size_t i = 0; i < n; i++)
        at[i] = (uint8_t)ascii[i];
    pool_used += n;
    return (wpt_utf16){at, n};
}

static wpt_guid guid(const char *text) /* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" */
{
    uint8_t b[16];
    for (int i = 0, j = 0; i < 16; j++) {
        if (text[j] == '-')
            continue;
        char hex[3] = {text[j], text[j + 1], 0};
        b[i++] = (uint8_t)strtoul(hex, NULL, 16);
        j++;
    }
    wpt_guid g = {{b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11],
                   b[12], b[13], b[14], b[15]}};
    return g;
}

static uint64_t le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* A growing output for building streams; as_1_1: each item is written as format 1.1 has it. */
typedef struct out {
    uint8_t buf[8192];
    size_t len;
    bool as_1_1;
} out;

static void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* The item of n bytes at p as 1.1 wrote it: header minor 1; an UPCALL without its parent_call_id
 * (which must be 0 there). Returns its new length. */
static size_t as_format_1_1(uint8_t *p, size_t n)
{
    if (memcmp(p, "WPUTRACE", 8) == 0) {
        p[10] = 1;
        put_le32(p + 44, wpt_crc32(p, 44));
        return n;
    }
    if ((p[4] | p[5] << 8) != WPT_REC_UPCALL)
        return n;
    CHECK_EQ(p[n - 8] | p[n - 7] | p[n - 6] | p[n - 5], 0); /* no parent in a 1.1 stream */
    n -= 4;
    put_le32(p, (uint32_t)n);
    put_le32(p + n - 4, wpt_crc32(p, n - 4));
    return n;
}

static void emit(out *o, size_t n)
{
    CHECK(n > 0);
    o->len += o->as_1_1 ? as_format_1_1(o->buf + o->len, n) : n;
}

#define EMIT(o, call) emit((o), (call))

static void upcall(out *o, uint32_t pid, uint32_t seq, wpt_upcall up, uint32_t tid,
                   uint32_t module, uint64_t addr, uint64_t start, uint64_t dur, int64_t result,
                   int32_t error, uint32_t flags, unsigned argc, const uint64_t *args,
                   const char *text, uint32_t parent)
{
    wpt_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sequence = seq;
    ev.kind = WPT_EVENT_UPCALL;
    ev.function = (uint16_t)up;
    ev.tid = tid;
    ev.caller_address = addr;
    ev.start_ticks = start;
    ev.duration_ticks = dur;
    ev.result = result;
    ev.error = error;
    ev.flags = flags;
    ev.parent_call_id = parent;
    ev.arg_count = argc;
    if (argc)
        memcpy(ev.args, args, argc * sizeof args[0]);
    wpt_utf16 t = u16(text);
    memcpy(ev.text, t.units, t.len * 2);
    ev.text_len = (uint16_t)t.len;
    EMIT(o, wpt_encode_upcall(o->buf + o->len, sizeof o->buf - o->len, pid, &ev, module));
}

static void basic_stream(out *o, uint32_t pid)
{
    pool_used = 0;
    EMIT(o, wpt_encode_header(o->buf + o->len, sizeof o->buf - o->len, &golden_clock));
    wpt_hello hello = {100, 64, 0x000100, golden_clock, u16(HOST),
                       u16(HOST " --scenario lifecycle --provider sample_nonifs.dll"),
                       PROCESS_START, 1};
    EMIT(o, wpt_encode_hello(o->buf + o->len, sizeof o->buf - o->len, pid, &hello));
    wpt_module module = {1, UINT64_C(0x7FF810000000), 0x24000, u16(NONIFS)};
    EMIT(o, wpt_encode_module(o->buf + o->len, sizeof o->buf - o->len, pid, &module));
    wpt_provider_loaded loaded = {START_TICKS + 10, 2001, guid(TRACER_GUID), 0, 1001,
                                  guid(TCP_GUID), 1, 0, 0,
                                  u16("wputrace over [Sample non-IFS TCP]"), u16(NONIFS)};
    EMIT(o, wpt_encode_provider_loaded(o->buf + o->len, sizeof o->buf - o->len, pid, &loaded));

    wpt_guid tcp = guid(TCP_GUID);
    static const struct {
        wpt_upcall up;
        int64_t result;
        int32_t error;
        uint32_t flags;
        unsigned argc;
        uint64_t args[4];
        const char *text;
    } calls[] = {
        {2, 0x1A4, 0, 0, 0, {0}, ""},
        {3, 0x2C8, 0, 0, 2, {1001, 0xDEADBEEF}, ""},
        {9, 0, 0, 0, 2, {0x2C8, 0xDEADBEEF}, ""},
        {4, 1, 0, 0, 2, {0x2C8, UINT64_C(0x000000E123456780)}, ""},
        {5, 0, 0, 0, 4, {0, 0, 260, 37}, "%SystemRoot%\\system32\\mswsock.dll"},
        {6, 0x2CC, 0, 0, 2, {1001, 0x2CC}, ""},
        {7, 1, 0, 0, 4, {0x00010A2E, 0x0401, 0x2C8, 0x1}, ""},
        {7, 1, 0, 0, 4, {0x00010A2E, 0x0401, 0x2C8, 0x27450020}, ""},
        {8, 0, 0, 0, 3, {1001, UINT64_C(0x7FF820000010), 0x55}, ""},
        {13, 0, 0, 0, 2, {0x1B0, 0}, ""},
        {10, 0, 0, 0, 4, {0x1B0, 0, UINT64_C(0x7FF810002000), 0x77}, ""},
        {14, 0, 0, 0, 2, {0x1B0, 0}, ""},
        {12, 1, 0, 0, 1, {0x1A4}, ""},
        {11, 1, 0, 0, 1, {0x1A4}, ""},
        {0, 1, 0, 0, 1, {0x1A4}, ""},
        {15, 0, 0, 0, 4, {0x2C8, UINT64_C(0x000000E123459000), 0, 512}, ""},
        {1, 0, 0, 0, 1, {0x2C8}, ""},
        {1, -1, 10038, 0, 1, {0x2C8}, ""},
        {9, -1, 10038, 1, 2, {0x999, 0}, ""},
        {3, -1, 10055, 0, 2, {1001, 7}, ""},
    };
    uint64_t t = START_TICKS + 100, ret = UINT64_C(0x7FF810001234);
    for (uint32_t seq = 0; seq < sizeof calls / sizeof calls[0]; seq++) {
        uint64_t args[4];
        memcpy(args, calls[seq].args, sizeof args);
        if (calls[seq].up == WPT_UPCALL_GET_PROVIDER_PATH) {
            args[0] = le64(tcp.bytes); /* guid_low, guid_high */
            args[1] = le64(tcp.bytes + 8);
        }
        upcall(o, pid, seq, calls[seq].up, 7000 + seq % 2, 1, ret + seq, t + seq * 50, 7 + seq,
               calls[seq].result, calls[seq].error, calls[seq].flags, calls[seq].argc, args,
               calls[seq].text, 0);
    }
    EMIT(o, wpt_encode_drops(o->buf + o->len, sizeof o->buf - o->len, pid, t + 5000, 3, 3));
    EMIT(o, wpt_encode_message(o->buf + o->len, sizeof o->buf - o->len, pid, t + 5001,
                               WPT_SEVERITY_WARNING, WPT_STATUS_RING_FULL,
                               u16("ring full: 3 events dropped")));
    EMIT(o, wpt_encode_goodbye(o->buf + o->len, sizeof o->buf - o->len, pid, t + 6000, 23, 3,
                               WPT_END_PROCESS_EXIT));
}

/* One load session of make_golden.py's load_session_stream. */
static void load_session(out *o, uint32_t session, wpt_end_reason reason)
{
    pool_used = 0;
    EMIT(o, wpt_encode_header(o->buf + o->len, sizeof o->buf - o->len, &golden_clock));
    wpt_hello hello = {100, 64, 0x000100, golden_clock, u16(HOST), u16(HOST " --cycles 2"),
                       PROCESS_START, session};
    EMIT(o, wpt_encode_hello(o->buf + o->len, sizeof o->buf - o->len, PID, &hello));
    uint64_t t = START_TICKS + session * 1000;
    static const uint64_t create[2] = {1101, 0xC0DE}, query[2] = {0x10000, 7}, close[1] = {0x10000};
    upcall(o, PID, 0, 3, 7000, 0, 0x1000, t, 5, 0x10000, 0, 0, 2, create, "", 0);
    upcall(o, PID, 1, 2, 7000, 0, 0x1010, t + 10, 3, 0, 0, WPT_UPCALL_FLAG_NO_ERROR_CODE, 0,
           NULL, "", 0);
    upcall(o, PID, 2, 9, 7000, 0, 0x1020, t + 20, 2, 0, 0, WPT_UPCALL_FLAG_OUT_NOT_WRITTEN, 2,
           query, "", 0);
    upcall(o, PID, 3, 1, 7000, 0, 0x1030, t + 30, 2, 0, 0, 0, 1, close, "", 0);
    EMIT(o, wpt_encode_goodbye(o->buf + o->len, sizeof o->buf - o->len, PID, t + 40, 4, 0,
                               reason));
}

static void downcall(out *o, uint32_t seq, wpt_function fn, uint32_t tid, uint32_t call_id,
                     uint32_t parent, uint64_t start, uint64_t dur, uint64_t socket,
                     int64_t result, int32_t error, uint32_t flags, unsigned argc,
                     const uint64_t *args, const char *data)
{
    wpt_event ev;
    event_downcall(&ev, fn, tid, call_id, parent, 2001, start);
    ev.sequence = seq;
    ev.duration_ticks = dur;
    ev.socket = socket;
    ev.result = result;
    ev.error = error;
    ev.flags = flags;
    for (unsigned i = 0; i < argc; i++)
        event_arg(&ev, args[i]);
    ev.data_len = (uint16_t)strlen(data);
    memcpy(ev.data, data, ev.data_len);
    EMIT(o, wpt_encode_downcall(o->buf + o->len, sizeof o->buf - o->len, PID, &ev));
}

/* make_golden.py's spi_stream: a 1.2 conversation of downcalls and the upcalls nested in them. */
static void spi_stream(out *o)
{
    pool_used = 0;
    EMIT(o, wpt_encode_header(o->buf + o->len, sizeof o->buf - o->len, &golden_clock));
    wpt_hello hello = {100, 64, 0x000100, golden_clock, u16(HOST), u16(HOST " --scenario spi"),
                       PROCESS_START, 1};
    EMIT(o, wpt_encode_hello(o->buf + o->len, sizeof o->buf - o->len, PID, &hello));
    wpt_module module = {1, UINT64_C(0x7FF810000000), 0x24000, u16(NONIFS)};
    EMIT(o, wpt_encode_module(o->buf + o->len, sizeof o->buf - o->len, PID, &module));
    wpt_provider_loaded loaded = {START_TICKS + 10, 2001, guid(TRACER_GUID), 0, 1001,
                                  guid(TCP_GUID), 1, 0, 0,
                                  u16("wputrace over [Sample non-IFS TCP]"), u16(NONIFS)};
    EMIT(o, wpt_encode_provider_loaded(o->buf + o->len, sizeof o->buf - o->len, PID, &loaded));
    const uint64_t t = START_TICKS + 100, ret = UINT64_C(0x7FF810001234), sock = 0x2C8,
                   hwnd = 0x00010A2E, ov = UINT64_C(0x000000E123459000);
    const uint32_t app = 7000, worker = 7001;
    const uint64_t startup[] = {0x0202, 0x0202}, create[] = {1001, 0xDEADBEEF},
                   socket_args[] = {2, 1, 6, 2001, 0, 1},
                   connect[] = {16, 0, 0, 0, 0, UINT64_C(0x0100007F901F0002), 0, 0, 0},
                   async[] = {hwnd, 0x0401, 0x23}, post[] = {hwnd, 0x0401, sock, 2},
                   send[] = {1, 11, 11, 0, 0, 0}, recv[] = {1, 512, 0, 0, 0, ov, 0},
                   complete[] = {sock, ov, 0, 11},
                   ioctl[] = {0x48000022, 0, 8, 8, 0, 0, 0, sock}, close[] = {sock},
                   no_name[] = {0, 0, 0, 0, 0}, events[] = {0x1A4, 0},
                   select[] = {0, 1, 0, 0, 1, 0, 0, UINT64_MAX};
    downcall(o, 0, WPT_FN_STARTUP, app, 1, 0, t, 40, 0, 0, 0, 0, 2, startup, "");
    upcall(o, PID, 1, WPT_UPCALL_CREATE_SOCKET_HANDLE, app, 1, ret, t + 60, 5, sock, 0, 0, 2,
           create, "", 2);
    downcall(o, 2, WPT_FN_SOCKET, app, 2, 0, t + 50, 30, sock, sock, 0, 0, 6, socket_args, "");
    downcall(o, 3, WPT_FN_CONNECT, app, 3, 0, t + 100, 12, sock, -1, 10035, 0, 9, connect, "");
    downcall(o, 4, WPT_FN_ASYNC_SELECT, app, 4, 0, t + 120, 9, sock, 0, 0, 0, 3, async, "");
    upcall(o, PID, 5, WPT_UPCALL_POST_MESSAGE, worker, 1, ret + 1, t + 140, 3, 1, 0, 0, 4, post,
           "", 0);
    downcall(o, 6, WPT_FN_SEND, app, 5, 0, t + 160, 15, sock, 0, 0, WPT_CALL_FLAG_DATA_CLIPPED,
             6, send, "hello, w");
    downcall(o, 7, WPT_FN_RECV, app, 6, 0, t + 200, 7, sock, -1, 997, WPT_CALL_FLAG_PENDING, 7,
             recv, "");
    upcall(o, PID, 8, WPT_UPCALL_COMPLETE_OVERLAPPED_REQUEST, worker, 1, ret + 2, t + 260, 4, 0,
           0, 0, 4, complete, "", 0);
    downcall(o, 9, WPT_FN_IOCTL, app, 7, 0, t + 300, 6, sock, 0, 0, 0, 8, ioctl, "");
    upcall(o, PID, 10, WPT_UPCALL_CLOSE_SOCKET_HANDLE, app, 1, ret + 3, t + 410, 2, 0, 0, 0, 1,
           close, "", 8);
    downcall(o, 11, WPT_FN_CLOSE_SOCKET, app, 8, 0, t + 400, 20, sock, 0, 0, 0, 0, NULL, "");
    downcall(o, 12, WPT_FN_CLOSE_SOCKET, app, 9, 0, t + 450, 3, sock, -1, 10038, 0, 0, NULL, "");
    downcall(o, 13, WPT_FN_GET_SOCK_NAME, app, 10, 0, t + 470, 2, 0x2CC, -1, 10014,
             WPT_CALL_FLAG_NOT_READ, 5, no_name, "");
    downcall(o, 14, WPT_FN_ENUM_NETWORK_EVENTS, app, 12, 11, t + 505, 2, 0x2CC, 0, 0, 0, 2,
             events, "");
    downcall(o, 15, WPT_FN_SELECT, app, 11, 0, t + 500, 30, 0, 1, 0, 0, 8, select, "");
    downcall(o, 16, WPT_FN_CLEANUP, app, 13, 0, t + 600, 25, 0, 0, 0, 0, 0, NULL, "");
    EMIT(o, wpt_encode_goodbye(o->buf + o->len, sizeof o->buf - o->len, PID, t + 700, 17, 0,
                               WPT_END_CLEANUP));
}

static void check_same(const char *golden_dir, const char *name, const uint8_t *data,
                       size_t len)
{
    size_t golden_len;
    uint8_t *golden = wpt_test_read_file(golden_dir, name, &golden_len);
    if (golden == NULL)
        return;
    size_t at = 0;
    while (at < len && at < golden_len && data[at] == golden[at])
        at++;
    if (!CHECK(len == golden_len && at == len))
        printf("     %s: encoded %zu bytes, golden %zu, first difference at byte %zu\n", name,
               len, golden_len, at);
    free(golden);
}

static void damaged(out *o)
{
    pool_used = 0;
    static const uint64_t one_arg[1] = {0x10};
    EMIT(o, wpt_encode_header(o->buf + o->len, sizeof o->buf - o->len, &golden_clock));
    wpt_hello hello = {1, 64, 0x000100, golden_clock, u16("C:\\x.exe"), u16("x"), PROCESS_START,
                       1};
    EMIT(o, wpt_encode_hello(o->buf + o->len, sizeof o->buf - o->len, PID, &hello));
    upcall(o, PID, 0, 2, 1, 0, 0x10, START_TICKS, 1, 0x10, 0, 0, 0, one_arg, "", 0);
    upcall(o, PID, 1, 2, 1, 0, 0x11, START_TICKS, 1, 0x14, 0, 0, 0, one_arg, "", 0);
    o->buf[o->len - 1] ^= 0xFF; /* CRC damaged */
    for (int i = 0; i < 9; i++) {
        o->buf[o->len++] = 0x00;
        o->buf[o->len++] = 0xFF;
    }
    memcpy(o->buf + o->len, "WPU", 3);
    o->len += 3;
    upcall(o, PID, 2, 12, 1, 0, 0x12, START_TICKS + 2, 1, 1, 0, 0, 1, one_arg, "", 0);
    EMIT(o, wpt_encode_goodbye(o->buf + o->len, sizeof o->buf - o->len, PID, START_TICKS + 3,
                               3, 0, WPT_END_PROCESS_EXIT));
}

static void test_utf16_to_utf8(void)
{
    /* "é€😀" and an unpaired high surrogate followed by 'A', then a lone low surrogate */
    const uint16_t text[] = {0x00E9, 0x20AC, 0xD83D, 0xDE00, 0xD800, 'A', 0xDC00};
    const uint8_t expected[] = {0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80,
                                0xEF, 0xBF, 0xBD, 'A', 0xEF, 0xBF, 0xBD};
    uint8_t buf[32];
    size_t consumed;
    size_t n = wpt_utf16_to_utf8(text, 7, buf, sizeof buf, &consumed);
    CHECK_EQ(n, sizeof expected);
    CHECK(memcmp(buf, expected, sizeof expected) == 0);
    CHECK_EQ(consumed, 7);
    /* only whole characters: 4 bytes of room hold "é" but not the 3 bytes of "€" after it */
    n = wpt_utf16_to_utf8(text, 7, buf, 4, &consumed);
    CHECK_EQ(n, 2);
    CHECK_EQ(consumed, 1);
}

static void test_limits(void)
{
    /* a str is clipped at WPT_STR_MAX bytes, on a character boundary */
    static uint16_t long_text[40000];
    for (size_t i = 0; i < 40000; i++)
        long_text[i] = 0x20AC; /* 3 bytes each: 120000 bytes */
    static uint8_t buf[200000];
    wpt_module m = {7, 0x1000, 0x2000, {long_text, 40000}};
    size_t n = wpt_encode_module(buf, sizeof buf, 1, &m);
    size_t str_len = buf[28] | (size_t)buf[29] << 8;
    CHECK_EQ(str_len, 65535 / 3 * 3);
    CHECK_EQ(n, 16 + 16 + 2 + str_len);
    CHECK_EQ(wpt_crc32(buf, n - 4), buf[n - 4] | (uint32_t)buf[n - 3] << 8
                                        | (uint32_t)buf[n - 2] << 16 | (uint32_t)buf[n - 1] << 24);
    /* a record that does not fit gives 0, at every size short of it */
    size_t full = wpt_encode_goodbye(buf, sizeof buf, 1, 2, 3, 4, WPT_END_CLEANUP);
    CHECK_EQ(full, WPT_GOODBYE_RECORD_LEN);
    bool all_zero = true;
    for (size_t cap = 0; cap < full; cap++)
        all_zero = all_zero && wpt_encode_goodbye(buf, cap, 1, 2, 3, 4, WPT_END_CLEANUP) == 0;
    CHECK(all_zero);
    CHECK_EQ(wpt_encode_module(buf, n - 1, 1, &m), 0);
    CHECK_EQ(wpt_encode_header(buf, WPT_HEADER_LEN - 1, &golden_clock), 0);
    /* upcall and downcall records at their maximum size fit in their bounds exactly; larger
     * counts are clipped */
    wpt_event ev;
    memset(&ev, 0, sizeof ev);
    ev.arg_count = WPT_MAX_ARGS + 3;
    ev.text_len = WPT_TEXT_MAX + 3;
    ev.data_len = WPT_DATA_MAX + 3;
    for (size_t i = 0; i < WPT_TEXT_MAX; i++)
        ev.text[i] = 0x20AC;
    CHECK_EQ(wpt_encode_upcall(buf, sizeof buf, 1, &ev, 0), WPT_UPCALL_RECORD_MAX);
    CHECK_EQ(wpt_encode_downcall(buf, sizeof buf, 1, &ev), WPT_DOWNCALL_RECORD_MAX);
    CHECK_EQ(wpt_encode_downcall(buf, WPT_DOWNCALL_RECORD_MAX - 1, 1, &ev), 0);
}

void test_encode(const char *golden_dir)
{
    static out o;
    o.len = 0;
    o.as_1_1 = false;
    spi_stream(&o);
    check_same(golden_dir, "spi.wputrace", o.buf, o.len);
    o.len = 0;
    o.as_1_1 = true;
    basic_stream(&o, PID);
    check_same(golden_dir, "basic.wputrace", o.buf, o.len);
    check_same(golden_dir, "truncated.wputrace", o.buf, o.len - 7);
    basic_stream(&o, PID + 1);
    check_same(golden_dir, "two-streams.wputrace", o.buf, o.len);
    o.len = 0;
    damaged(&o);
    check_same(golden_dir, "damaged.wputrace", o.buf, o.len);
    o.len = 0;
    load_session(&o, 1, WPT_END_CLEANUP);
    load_session(&o, 2, WPT_END_PROCESS_EXIT);
    check_same(golden_dir, "load-sessions.wputrace", o.buf, o.len);
    test_utf16_to_utf8();
    test_limits();
}
