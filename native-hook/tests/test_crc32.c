#include <string.h>

#include "wpt_crc32.h"
#include "wpt_test.h"

/* Bit-at-a-time CRC-32, straight from the definition, to check the table-driven one. */
static uint32_t crc32_bitwise(const uint8_t *p, size_t len)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++) {
        c ^= p[i];
        for (int bit = 0; bit < 8; bit++)
            c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

void test_crc32(void)
{
    uint8_t bytes[300];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (uint8_t)(i * 7 + 3);
    unsigned mismatches = 0; /* every length and start offset (alignment) up to 300 bytes */
    for (size_t start = 0; start < 4; start++)
        for (size_t len = 0; start + len <= sizeof bytes; len++)
            mismatches += wpt_crc32(bytes + start, len) != crc32_bitwise(bytes + start, len);
    CHECK_EQ(mismatches, 0);
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
