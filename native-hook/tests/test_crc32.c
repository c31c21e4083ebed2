#include <string.h>

#include "wpt_crc32.h"
#include "wpt_test.h"

void test_crc32(void)
{
    /* the check value of CRC-32/ISO-HDLC and values zlib.crc32 gives */
    CHECK_EQ(wpt_crc32("123456789", 9), 0xCBF43926u);
    CHECK_EQ(wpt_crc32("", 0), 0u);
    CHECK_EQ(wpt_crc32("a", 1), 0xE8B7BE43u);
    CHECK_EQ(wpt_crc32("The quick brown fox jumps over the lazy dog", 43), 0x414FA339u);
    uint8_t zeros[32] = {0};
    CHECK_EQ(wpt_crc32(zeros, sizeof zeros), 0x190A55ADu);
    /* incremental = one shot */
    const char *text = "WPUTRACE incremental check";
    size_t n = strlen(text);
    CHECK_EQ(wpt_crc32_update(wpt_crc32(text, 7), text + 7, n - 7), wpt_crc32(text, n));
}
