/* The event of one traced call (an upcall a provider below made, or a downcall into the
 * provider below), the upcall and downcall function numbers and the tracer status codes of
 * SPEC.md §4 and §5. */
#ifndef WPT_EVENT_H
#define WPT_EVENT_H

#include <stddef.h>
#include <stdint.h>

#define WPT_MAX_ARGS 12   /* most args of one event (WSPRecvFrom's) */
#define WPT_TEXT_MAX 260  /* UTF-16 units of a text (MAX_PATH) */
#define WPT_DATA_MAX 256  /* bytes of data a downcall may carry (CaptureBytes at most) */

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

/* Downcall function numbers (1.2): WSPPROC_TABLE order, then WSPStartup. */
typedef enum wpt_function {
    WPT_FN_ACCEPT = 0,
    WPT_FN_ADDRESS_TO_STRING = 1,
    WPT_FN_ASYNC_SELECT = 2,
    WPT_FN_BIND = 3,
    WPT_FN_CANCEL_BLOCKING_CALL = 4,
    WPT_FN_CLEANUP = 5,
    WPT_FN_CLOSE_SOCKET = 6,
    WPT_FN_CONNECT = 7,
    WPT_FN_DUPLICATE_SOCKET = 8,
    WPT_FN_ENUM_NETWORK_EVENTS = 9,
    WPT_FN_EVENT_SELECT = 10,
    WPT_FN_GET_OVERLAPPED_RESULT = 11,
    WPT_FN_GET_PEER_NAME = 12,
    WPT_FN_GET_SOCK_NAME = 13,
    WPT_FN_GET_SOCK_OPT = 14,
    WPT_FN_GET_QOS_BY_NAME = 15,
    WPT_FN_IOCTL = 16,
    WPT_FN_JOIN_LEAF = 17,
    WPT_FN_LISTEN = 18,
    WPT_FN_RECV = 19,
    WPT_FN_RECV_DISCONNECT = 20,
    WPT_FN_RECV_FROM = 21,
    WPT_FN_SELECT = 22,
    WPT_FN_SEND = 23,
    WPT_FN_SEND_DISCONNECT = 24,
    WPT_FN_SEND_TO = 25,
    WPT_FN_SET_SOCK_OPT = 26,
    WPT_FN_SHUTDOWN = 27,
    WPT_FN_SOCKET = 28,
    WPT_FN_STRING_TO_ADDRESS = 29,
    WPT_FN_STARTUP = 30,
    WPT_FUNCTION_COUNT = 31
} wpt_function;

/* "WSPAccept" ... "WSPStartup"; NULL when function >= WPT_FUNCTION_COUNT. */
const char *wpt_function_name(unsigned function);

/* The function whose name is name[0, len) (ASCII, case-insensitive), or WPT_FUNCTION_COUNT. */
unsigned wpt_function_by_name(const char *name, size_t len);

/* upcall_flags bits */
#define WPT_UPCALL_FLAG_NULL_OUT 0x1u  /* an out-argument could not be read (null pointer) */
#define WPT_UPCALL_FLAG_REENTERED 0x2u /* re-entered from inside another traced upcall */
#define WPT_UPCALL_FLAG_NO_ERROR_CODE 0x4u /* failed without writing *lpErrno (1.1) */
#define WPT_UPCALL_FLAG_OUT_NOT_WRITTEN 0x8u /* succeeded without writing an out-argument (1.1) */

/* call_flags bits of a downcall (1.2) */
#define WPT_CALL_FLAG_NOT_READ 0x1u      /* a structure argument was not read: its args are 0 */
#define WPT_CALL_FLAG_NO_ERROR_CODE 0x2u /* failed without writing *lpErrno */
#define WPT_CALL_FLAG_PENDING 0x4u       /* failed with WSA_IO_PENDING: completes later */
#define WPT_CALL_FLAG_DATA_CLIPPED 0x8u  /* data holds fewer bytes than the call transferred */

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

/* What an event is about. */
typedef enum wpt_event_kind {
    WPT_EVENT_UPCALL = 0,  /* a provider below called an upcall: UPCALL record */
    WPT_EVENT_DOWNCALL = 1 /* the tracer called the provider below: DOWNCALL record (1.2) */
} wpt_event_kind;

/* The fixed fields and args of an event: what a thunk writes straight into a ring slot
 * (wpt_ring.h). Listed once, used by wpt_event_head and by wpt_event. (*) A field the record
 * of the event's kind does not carry is not written (it holds whatever the slot held). */
#define WPT_EVENT_HEAD_FIELDS                                                                  \
    uint32_t sequence;        /* per-load-session event number, set when the slot is claimed */ \
    uint8_t kind;             /* wpt_event_kind */                                             \
    uint8_t reserved;                                                                          \
    uint16_t function;        /* wpt_upcall or wpt_function, by kind */                        \
    uint32_t tid;             /* calling thread id */                                          \
    uint32_t flags;           /* WPT_UPCALL_FLAG_* or WPT_CALL_FLAG_*, by kind */              \
    uint32_t call_id;         /* downcall: its call id; upcall: unused (*) */                  \
    uint32_t parent_call_id;  /* the downcall in progress on the thread when the call began */ \
    uint32_t served_entry_id; /* downcall: the catalog entry the tracer serves; upcall: (*) */ \
    uint16_t text_len;        /* used UTF-16 units of text */                                  \
    uint16_t data_len;        /* used bytes of data */                                         \
    uint64_t caller_address;  /* upcall: return address of the call; downcall: unused (*) */  \
    uint64_t socket;          /* downcall: the socket the call is about; upcall: unused (*) */ \
    uint64_t start_ticks;                                                                      \
    uint64_t duration_ticks;                                                                   \
    int64_t result;           /* sign-extended return value */                                 \
    int32_t error;            /* *lpErrno when the call failed, else 0 */                      \
    uint32_t arg_count;       /* used entries of args */                                       \
    uint64_t args[WPT_MAX_ARGS];

typedef struct wpt_event_head {
    WPT_EVENT_HEAD_FIELDS
} wpt_event_head;

/* One call as the thunk saw it, whole: the head, then its text and data (which travel through
 * the ring after the head, only as long as they are). What the flusher pops and encodes as an
 * UPCALL or DOWNCALL record. An upcall's caller module is resolved later, by the flusher. */
typedef struct wpt_event {
    union {
        struct {
            WPT_EVENT_HEAD_FIELDS
        };
        wpt_event_head head;
    };
    uint16_t text[WPT_TEXT_MAX]; /* UTF-16, no terminator */
    uint8_t data[WPT_DATA_MAX];
} wpt_event;

#endif
