/* The fixed-size upcall event that a thunk fills on its stack and pushes into the ring,
 * the upcall numbers and the tracer status codes of SPEC.md §4 and §5. */
#ifndef WPT_EVENT_H
#define WPT_EVENT_H

#include <stdint.h>

#define WPT_MAX_ARGS 4
#define WPT_TEXT_MAX 260 /* UTF-16 units of the WPUGetProviderPath text (MAX_PATH) */

/* Upcall numbers: WSPUPCALLTABLE order, then WPUCompleteOverlappedRequest. */
typedef enum wpt_upcall {
    WPT_UPCALL_CLOSE_EVENT = 0,
    WPT_UPCALL_CLOSE_SOCKET_HANDLE = 1,
    WPT_UPCALL_CREATE_EVENT = 2,
    WPT_UPCALL_CREATE_SOCKET_HANDLE = 3,
    WPT_UPCALL_FD_ISSET = 4,
    WPT_UPCALL_GET_PROVIDER_PATH = 5,
    WPT_UPCALL_MODIFY_IFS_HANDLE = 6,
    WPT_UPCALL_POST_MESSAGE = 7,
    WPT_UPCALL_QUERY_BLOCKING_CALLBACK = 8,
    WPT_UPCALL_QUERY_SOCKET_HANDLE_CONTEXT = 9,
    WPT_UPCALL_QUEUE_APC = 10,
    WPT_UPCALL_RESET_EVENT = 11,
    WPT_UPCALL_SET_EVENT = 12,
    WPT_UPCALL_OPEN_CURRENT_THREAD = 13,
    WPT_UPCALL_CLOSE_THREAD = 14,
    WPT_UPCALL_COMPLETE_OVERLAPPED_REQUEST = 15,
    WPT_UPCALL_COUNT = 16
} wpt_upcall;

/* "WPUCloseEvent" ... "WPUCompleteOverlappedRequest"; NULL when upcall >= WPT_UPCALL_COUNT. */
const char *wpt_upcall_name(unsigned upcall);

/* Number of args SPEC.md lists for the upcall (0..4); 0 when upcall >= WPT_UPCALL_COUNT. */
unsigned wpt_upcall_arg_count(unsigned upcall);

/* upcall_flags bits */
#define WPT_UPCALL_FLAG_NULL_OUT 0x1u  /* an out-argument could not be read (null pointer) */
#define WPT_UPCALL_FLAG_REENTERED 0x2u /* re-entered from inside another traced upcall */
#define WPT_UPCALL_FLAG_NO_ERROR_CODE 0x4u /* failed without writing *lpErrno (1.1) */
#define WPT_UPCALL_FLAG_OUT_NOT_WRITTEN 0x8u /* succeeded without writing an out-argument (1.1) */

/* Tracer status codes (SPEC.md §5). */
typedef enum wpt_status {
    WPT_STATUS_OK = 0,
    WPT_STATUS_NOT_IN_CHAIN = 1,
    WPT_STATUS_NEXT_PROVIDER_NOT_FOUND = 2,
    WPT_STATUS_PROVIDER_PATH_FAILED = 3,
    WPT_STATUS_LOAD_FAILED = 4,
    WPT_STATUS_NO_WSPSTARTUP = 5,
    WPT_STATUS_LOWER_STARTUP_FAILED = 6,
    WPT_STATUS_SINK_UNAVAILABLE = 7,
    WPT_STATUS_IAT_HOOK_FAILED = 8,
    WPT_STATUS_DISABLED = 9,
    WPT_STATUS_RING_FULL = 10,
    WPT_STATUS_INTERNAL = 11,
    WPT_STATUS_INVALID_PROC_TABLE = 12,
    WPT_STATUS_COUNT = 13
} wpt_status;

/* "OK" ... "INTERNAL"; "UNKNOWN" for any other code. */
const char *wpt_status_name(unsigned status);

/* One upcall as the thunk saw it. Filled on the thunk's stack (see wpt_record.h), copied into
 * a ring slot, encoded by the flusher as an UPCALL record. `text` is last so that copies can
 * stop after text_len units. The caller's module id is resolved later, by the flusher. */
typedef struct wpt_upcall_event {
    uint32_t sequence;       /* per-process event number, set by wpt_record_commit */
    uint16_t upcall;         /* wpt_upcall */
    uint16_t arg_count;      /* used entries of args */
    uint32_t tid;            /* calling thread id */
    uint32_t upcall_flags;   /* WPT_UPCALL_FLAG_* */
    uint64_t caller_address; /* return address of the call */
    uint64_t start_ticks;
    uint64_t duration_ticks;
    int64_t result;          /* sign-extended return value */
    int32_t error;           /* *lpErrno when the upcall failed, else 0 */
    uint16_t text_len;       /* used UTF-16 units of text */
    uint16_t reserved;
    uint64_t args[WPT_MAX_ARGS];
    uint16_t text[WPT_TEXT_MAX]; /* WPUGetProviderPath result, UTF-16, no terminator */
} wpt_upcall_event;

#endif
