/* CRC-32 (IEEE 802.3 / zlib: reflected 0xEDB88320, init and final xor 0xFFFFFFFF), as SPEC.md §2. */
#ifndef WPT_CRC32_H
#define WPT_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* CRC-32 of data[0, len). Table-based, no allocation, safe from any thread. */
uint32_t wpt_crc32(const void *data, size_t len);

/* Continues a CRC: wpt_crc32_update(wpt_crc32(a, n), b, m) == CRC of a followed by b. */
uint32_t wpt_crc32_update(uint32_t crc, const void *data, size_t len);

#endif
