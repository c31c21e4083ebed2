/* Constants of the wpuscope trace format (resources/trace-format/SPEC.md). */
#ifndef WPT_FORMAT_H
#define WPT_FORMAT_H

#include <stdint.h>

#include "wpt_version.h"

#define WPT_MAGIC "WPUTRACE"
#define WPT_MAGIC_LEN 8
#define WPT_FORMAT_MAJOR 1
#define WPT_FORMAT_MINOR 2
#define WPT_HEADER_LEN 48          /* header of format 1.0, magic and CRC included */
#define WPT_RECORD_MIN_LEN 16      /* length, type, flags, pid, crc */
#define WPT_RECORD_MAX_LEN 1048576
#define WPT_RECORD_OVERHEAD 16     /* the record bytes that are not payload */
#define WPT_STR_MAX 65535          /* longest UTF-8 byte count of a str */

/* tracer_version of PROCESS_HELLO: major << 16 | minor << 8 | patch */
#define WPT_TRACER_VERSION \
    (((unsigned)WPT_VERSION_MAJOR << 16) | ((unsigned)WPT_VERSION_MINOR << 8) | (unsigned)WPT_VERSION_PATCH)

typedef enum wpt_record_type {
    WPT_REC_PROCESS_HELLO = 1,
    WPT_REC_PROVIDER_LOADED = 2,
    WPT_REC_MODULE = 3,
    WPT_REC_UPCALL = 4,
    WPT_REC_DROPS = 5,
    WPT_REC_TRACER_MESSAGE = 6,
    WPT_REC_PROCESS_GOODBYE = 7,
    WPT_REC_DOWNCALL = 8 /* 1.2 */
} wpt_record_type;

/* "PROCESS_HELLO" ... "DOWNCALL"; "UNKNOWN" for any other type. */
const char *wpt_record_type_name(unsigned type);

/* PROCESS_GOODBYE end_reason (1.1): why a load session ends. */
typedef enum wpt_end_reason {
    WPT_END_UNKNOWN = 0,
    WPT_END_CLEANUP = 1,        /* the last WSPCleanup: providers unloaded, the process goes on */
    WPT_END_PROCESS_EXIT = 2,
    WPT_END_UNLOADED = 3,       /* the DLL was unloaded without a last WSPCleanup */
    WPT_END_STARTUP_FAILED = 4  /* no WSPStartup of the load session succeeded */
} wpt_end_reason;

typedef enum wpt_severity {
    WPT_SEVERITY_INFO = 1,
    WPT_SEVERITY_WARNING = 2,
    WPT_SEVERITY_ERROR = 3
} wpt_severity;

/* The clock of a stream header and of PROCESS_HELLO. */
typedef struct wpt_clock_info {
    uint64_t frequency;      /* ticks per second (QueryPerformanceFrequency) */
    uint64_t start_filetime; /* wall time of start_ticks, FILETIME units */
    uint64_t start_ticks;    /* clock value at start_filetime */
} wpt_clock_info;

/* A GUID in its Windows in-memory layout (the bytes of a WSAPROTOCOL_INFOW ProviderId). */
typedef struct wpt_guid {
    uint8_t bytes[16];
} wpt_guid;

#endif
