/* The downcall helpers of the thunk-side API: sockaddr as sa0..sa3, the first bytes of a
 * buffer, WSABUF sums, data capture with its clipping flag, downcall events, function names. */
#include <string.h>

#include "wpt_format.h"
#include "wpt_record.h"
#include "wpt_test.h"

static void test_sockaddr(void)
{
    /* AF_INET 127.0.0.1:8080 as make_golden.py's sockaddr_in gives it */
    static const uint8_t in4[16] = {2, 0, 0x1F, 0x90, 127, 0, 0, 1};
    wpt_event ev;
    wpt_record_begin_downcall(&ev, WPT_FN_CONNECT, 1, 2, 0, 3, 4);
    wpt_record_sockaddr(&ev, in4, sizeof in4);
    CHECK_EQ(ev.arg_count, 4);
    CHECK_EQ(ev.args[0], UINT64_C(0x0100007F901F0002));
    CHECK_EQ(ev.args[1] | ev.args[2] | ev.args[3], 0);
    /* bytes beyond the given length are 0, and only 32 bytes are read of a longer one */
    uint8_t long_addr[40];
    for (size_t i = 0; i < sizeof long_addr; i++)
        long_addr[i] = (uint8_t)(i + 1);
    wpt_record_begin_downcall(&ev, WPT_FN_BIND, 1, 2, 0, 3, 4);
    wpt_record_sockaddr(&ev, long_addr, 3);
    wpt_record_sockaddr(&ev, long_addr, sizeof long_addr);
    CHECK_EQ(ev.arg_count, 8);
    CHECK_EQ(ev.args[0], 0x030201);
    CHECK_EQ(ev.args[7], UINT64_C(0x201F1E1D1C1B1A19));
    wpt_record_zero_args(&ev, 6);
    CHECK_EQ(ev.arg_count, WPT_MAX_ARGS);
}

static void test_buffers(void)
{
    static const uint8_t hello[] = "hello, ", world[] = "world";
    const wpt_wsabuf bufs[3] = {{7, hello}, {0, NULL}, {4, world}};
    CHECK_EQ(wpt_prefix_u64(hello, 3), 0x6C6568);
    CHECK_EQ(wpt_prefix_u64(hello, 100), UINT64_C(0x00202C6F6C6C6568));
    CHECK_EQ(wpt_buffer_bytes(bufs, 3), 11);
    CHECK_EQ(wpt_buffer_bytes(bufs, 0), 0);

    wpt_event ev;
    wpt_record_begin_downcall(&ev, WPT_FN_SEND, 1, 2, 0, 3, 4);
    wpt_record_data(&ev, bufs, 3, 11, 8); /* across the empty buffer, clipped at 8 */
    CHECK_EQ(ev.data_len, 8);
    CHECK(memcmp(ev.data, "hello, w", 8) == 0);
    CHECK_EQ(ev.flags, WPT_CALL_FLAG_DATA_CLIPPED);

    wpt_record_begin_downcall(&ev, WPT_FN_RECV, 1, 2, 0, 3, 4);
    wpt_record_data(&ev, bufs, 3, 9, 256); /* received 9: only those, not clipped */
    CHECK_EQ(ev.data_len, 9);
    CHECK(memcmp(ev.data, "hello, wo", 9) == 0);
    CHECK_EQ(ev.flags, 0);

    wpt_record_begin_downcall(&ev, WPT_FN_RECV, 1, 2, 0, 3, 4);
    wpt_record_data(&ev, bufs, 3, 11, 0); /* capture off: nothing, no flag */
    CHECK_EQ(ev.data_len, 0);
    CHECK_EQ(ev.flags, 0);

    static uint8_t big[600];
    const wpt_wsabuf one = {sizeof big, big};
    wpt_record_data(&ev, &one, 1, sizeof big, 100000); /* never more than WPT_DATA_MAX */
    CHECK_EQ(ev.data_len, WPT_DATA_MAX);
    CHECK_EQ(ev.flags, WPT_CALL_FLAG_DATA_CLIPPED);
}

static void test_downcall_event(void)
{
    wpt_event ev;
    memset(&ev, 0xEE, sizeof ev);
    wpt_record_begin_downcall(&ev, WPT_FN_STARTUP, 7, 9, 8, 2001, 100);
    CHECK(ev.kind == WPT_EVENT_DOWNCALL && ev.function == WPT_FN_STARTUP && ev.tid == 7);
    CHECK(ev.call_id == 9 && ev.parent_call_id == 8 && ev.served_entry_id == 2001);
    CHECK(ev.start_ticks == 100 && ev.socket == 0 && ev.caller_address == 0);
    CHECK(ev.arg_count == 0 && ev.text_len == 0 && ev.data_len == 0 && ev.flags == 0);
    wpt_record_begin(&ev, WPT_UPCALL_SET_EVENT, 7, 0x1234, 100);
    CHECK(ev.kind == WPT_EVENT_UPCALL && ev.call_id == 0 && ev.parent_call_id == 0);
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
    test_downcall_event();
    test_function_names();
}
