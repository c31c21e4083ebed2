/* The thunk-side path (wpt_call.h): a call's nesting, error code and fixed fields written into
 * its ring slot, sockaddr as sa0..sa3, the first bytes of a buffer, WSABUF sums, text and data
 * capture with its clipping flag, a full ring; function names. */
#include <string.h>

#include "wpt_format.h"
#include "wpt_call.h"
#include "wpt_test.h"

static wpt_recorder rec;
static wpt_ring_slot slots[16];
static wpt_event out[4];

/* A downcall through wpt_call as a thunk makes it, up to its fixed fields. */
static void record_call(wpt_call *c, wpt_nest *n, uint32_t id, int32_t *lp_errno, bool failed,
                        uint16_t text_len, uint16_t data_len)
{
    wpt_call_start(c, n, WPT_EVENT_DOWNCALL, WPT_FN_SEND, NULL, id);
    wpt_call_mark_errno(c, lp_errno);
    c->start_ticks = 100;
    if (lp_errno)
        CHECK_EQ(*lp_errno, WPT_ERRNO_MARKER);
    if (lp_errno && failed && id != 0)
        *lp_errno = (int32_t)id; /* the call says why */
    wpt_call_returned(c, failed, 130);
    wpt_call_record(c, &rec, 7, 0, 0x1234, 2001, failed ? -1 : 0, text_len, data_len);
}

static void test_sockaddr(void)
{
    /* AF_INET 127.0.0.1:8080 as make_golden.py's sockaddr_in gives it */
    static const uint8_t in4[16] = {2, 0, 0x1F, 0x90, 127, 0, 0, 1};
    uint8_t long_addr[40];
    for (size_t i = 0; i < sizeof long_addr; i++)
        long_addr[i] = (uint8_t)(i + 1);
    CHECK(wpt_recorder_init(&rec, slots, 16));
    wpt_call c;
    wpt_nest n;
    record_call(&c, &n, 1, NULL, false, 0, 0);
    wpt_call_sockaddr(&c, in4, sizeof in4);
    wpt_call_sockaddr(&c, long_addr, 3); /* bytes beyond the given length are 0 */
    wpt_call_zero_args(&c, 2);
    wpt_call_publish(&c);
    record_call(&c, &n, 2, NULL, false, 0, 0);
    wpt_call_sockaddr(&c, long_addr, sizeof long_addr); /* only 32 bytes read of a longer one */
    wpt_call_publish(&c);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 4), 2);
    CHECK_EQ(out[0].arg_count, 10);
    CHECK_EQ(out[0].args[0], UINT64_C(0x0100007F901F0002));
    CHECK_EQ(out[0].args[1] | out[0].args[2] | out[0].args[3], 0);
    CHECK_EQ(out[0].args[4], 0x030201);
    CHECK_EQ(out[0].args[5] | out[0].args[8] | out[0].args[9], 0);
    CHECK_EQ(out[1].arg_count, 4);
    CHECK_EQ(out[1].args[3], UINT64_C(0x201F1E1D1C1B1A19));
}

static void test_buffers(void)
{
    static const uint8_t hello[] = "hello, ", world[] = "world";
    const wpt_wsabuf bufs[3] = {{7, hello}, {0, NULL}, {4, world}};
    CHECK_EQ(wpt_prefix_u64(hello, 3), 0x6C6568);
    CHECK_EQ(wpt_prefix_u64(hello, 100), UINT64_C(0x00202C6F6C6C6568));
    CHECK_EQ(wpt_buffer_bytes(bufs, 3), 11);
    CHECK_EQ(wpt_buffer_bytes(bufs, 0), 0);
    CHECK(wpt_recorder_init(&rec, slots, 16));

    wpt_call c;
    wpt_nest n;
    wpt_call_start(&c, &n, WPT_EVENT_DOWNCALL, WPT_FN_SEND, NULL, 1);
    CHECK_EQ(wpt_call_data_length(&c, bufs, 3, 11, 8), 8); /* across the empty buffer */
    CHECK_EQ(c.flags, WPT_CALL_FLAG_DATA_CLIPPED);
    wpt_call_start(&c, &n, WPT_EVENT_DOWNCALL, WPT_FN_RECV, NULL, 1);
    CHECK_EQ(wpt_call_data_length(&c, bufs, 3, 9, 256), 9); /* received 9: only those */
    CHECK_EQ(c.flags, 0);
    CHECK_EQ(wpt_call_data_length(&c, bufs, 3, 11, 0), 0); /* capture off: no flag */
    CHECK_EQ(c.flags, 0);
    static uint8_t big[600];
    const wpt_wsabuf one = {sizeof big, big};
    CHECK_EQ(wpt_call_data_length(&c, &one, 1, sizeof big, 100000), WPT_DATA_MAX);
    CHECK_EQ(c.flags, WPT_CALL_FLAG_DATA_CLIPPED);

    /* text and data go into the slots after the head */
    static const uint16_t text[] = {'a', 'b', 'c'};
    record_call(&c, &n, 1, NULL, false, 3, 9);
    wpt_call_text(&c, text);
    wpt_call_data(&c, bufs, 3);
    wpt_call_publish(&c);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 4), 1);
    CHECK(out[0].text_len == 3 && memcmp(out[0].text, text, sizeof text) == 0);
    CHECK(out[0].data_len == 9 && memcmp(out[0].data, "hello, wo", 9) == 0);
}

/* Nesting, the error code, the fixed fields, and a full ring. */
static void test_call(void)
{
    CHECK(wpt_recorder_init(&rec, slots, 2));
    int32_t e = 55;
    wpt_call down, up, inner;
    wpt_nest down_nest, up_nest, inner_nest;
    record_call(&down, &down_nest, 9, &e, true, 0, 0); /* failed, said 9 */
    CHECK_EQ(e, 9);
    wpt_call_arg(&down, 42);
    wpt_call_publish(&down);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 4), 1);
    const wpt_event *o = &out[0];
    CHECK(o->kind == WPT_EVENT_DOWNCALL && o->function == WPT_FN_SEND && o->tid == 7);
    CHECK(o->call_id == 9 && o->parent_call_id == 0 && o->served_entry_id == 2001);
    CHECK(o->socket == 0x1234 && o->start_ticks == 100);
    CHECK(o->duration_ticks == 30 && o->result == -1 && o->error == 9 && o->flags == 0);
    CHECK(o->arg_count == 1 && o->args[0] == 42 && o->sequence == 0 && o->reserved == 0);
    CHECK(down.readable); /* failed with an error code other than WSAEFAULT */

    /* an upcall inside it, and an upcall re-entered inside that one */
    e = 55;
    wpt_call_start(&up, &up_nest, WPT_EVENT_UPCALL, WPT_UPCALL_SET_EVENT, &down_nest, 0);
    wpt_call_start(&inner, &inner_nest, WPT_EVENT_UPCALL, WPT_UPCALL_SET_EVENT, &up_nest, 0);
    CHECK(up.flags == 0 && inner.flags == WPT_UPCALL_FLAG_REENTERED);
    CHECK(inner_nest.call_id == 9 && inner_nest.outer == &up_nest && inner_nest.in_upcall);
    wpt_call_mark_errno(&up, &e);
    up.start_ticks = 2;
    wpt_call_returned(&up, true, 5); /* failed without an error code */
    CHECK_EQ(e, 55); /* the caller's value back */
    CHECK_EQ(up.flags, WPT_UPCALL_FLAG_NO_ERROR_CODE);
    wpt_call_record(&up, &rec, 7, 0xABC, 0, 0, 0, 0, 0);
    wpt_call_publish(&up);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 4), 1);
    CHECK(o->kind == WPT_EVENT_UPCALL && o->parent_call_id == 9);
    CHECK(o->caller_address == 0xABC && o->error == 0 && o->arg_count == 0);
    CHECK(o->duration_ticks == 3);

    /* pending, WSAEFAULT (structures not readable), no error code */
    static const int32_t said[3] = {WPT_WSA_IO_PENDING, WPT_WSAEFAULT, WPT_ERRNO_MARKER};
    static const uint32_t flags[3] = {WPT_CALL_FLAG_PENDING, 0, WPT_CALL_FLAG_NO_ERROR_CODE};
    for (int i = 0; i < 3; i++) {
        wpt_call_start(&down, &down_nest, WPT_EVENT_DOWNCALL, WPT_FN_RECV, NULL, 3);
        wpt_call_mark_errno(&down, &e);
        e = said[i];
        wpt_call_returned(&down, true, 1);
        CHECK_EQ(down.flags, flags[i]);
        CHECK_EQ(down.readable, i == 0);
    }

    /* not recorded (no recorder) and a full ring: the args go to the scratch array */
    wpt_call_start(&down, &down_nest, WPT_EVENT_DOWNCALL, WPT_FN_RECV, NULL, 3);
    wpt_call_returned(&down, false, 1);
    wpt_call_record(&down, NULL, 7, 0, 0, 0, 0, 0, 0);
    CHECK(!down.claimed && down.next_arg == down_nest.dropped.args);
    CHECK(!wpt_call_publish(&down));
    CHECK_EQ(wpt_recorder_emitted(&rec), 2);
    for (int i = 0; i < 3; i++) {
        record_call(&down, &down_nest, 1, NULL, false, 0, 0);
        wpt_call_arg(&down, 1);
        wpt_call_publish(&down);
    }
    CHECK(!down.claimed && down.next_arg == down_nest.dropped.args + 1);
    CHECK_EQ(wpt_recorder_ring_dropped(&rec), 1);
    CHECK_EQ(wpt_ring_pop(&rec.ring, out, 4), 2);
    CHECK_EQ(wpt_recorder_emitted(&rec), 5);
}

static void test_function_names(void)
{
    CHECK(strcmp(wpt_function_name(WPT_FN_ACCEPT), "WSPAccept") == 0);
    CHECK(strcmp(wpt_function_name(WPT_FN_STRING_TO_ADDRESS), "WSPStringToAddress") == 0);
    CHECK(strcmp(wpt_function_name(WPT_FN_STARTUP), "WSPStartup") == 0);
    CHECK(wpt_function_name(WPT_FUNCTION_COUNT) == NULL);
    CHECK_EQ(wpt_function_by_name("wspsend", 7), WPT_FN_SEND);
    CHECK_EQ(wpt_function_by_name("WSPSendTo;x", 9), WPT_FN_SEND_TO);
    CHECK_EQ(wpt_function_by_name("WSPSen", 6), WPT_FUNCTION_COUNT);
    CHECK_EQ(wpt_function_by_name("WSPSendToo", 10), WPT_FUNCTION_COUNT);
    CHECK_EQ(wpt_function_by_name("", 0), WPT_FUNCTION_COUNT);
    bool all = true;
    for (unsigned f = 0; f < WPT_FUNCTION_COUNT; f++)
        all = all && wpt_function_by_name(wpt_function_name(f), strlen(wpt_function_name(f))) == f;
    CHECK(all);
    CHECK(strcmp(wpt_record_type_name(WPT_REC_DOWNCALL), "DOWNCALL") == 0);
}

void test_record(void)
{
    test_sockaddr();
    test_buffers();
    test_call();
    test_function_names();
}
