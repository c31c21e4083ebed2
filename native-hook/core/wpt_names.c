/* Name tables of record types, upcalls, downcall functions and status codes. */
#include <stddef.h>

#include "wpt_event.h"
#include "wpt_format.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const record_type_names[] = {
    NULL, "PROCESS_HELLO", "PROVIDER_LOADED", "MODULE", "UPCALL", "DROPS", "TRACER_MESSAGE",
    "PROCESS_GOODBYE", "DOWNCALL",
};

static const char *const upcall_names[WPT_UPCALL_COUNT] = {
    "WPUCloseEvent", "WPUCloseSocketHandle", "WPUCreateEvent", "WPUCreateSocketHandle",
    "WPUFDIsSet", "WPUGetProviderPath", "WPUModifyIFSHandle", "WPUPostMessage",
    "WPUQueryBlockingCallback", "WPUQuerySocketHandleContext", "WPUQueueApc",
    "WPUResetEvent", "WPUSetEvent", "WPUOpenCurrentThread", "WPUCloseThread",
    "WPUCompleteOverlappedRequest",
};

static const unsigned char upcall_arg_counts[WPT_UPCALL_COUNT] = {
    1, 1, 0, 2, 2, 4, 2, 4, 3, 2, 4, 1, 1, 2, 2, 4,
};

static const char *const function_names[WPT_FUNCTION_COUNT] = {
    "WSPAccept", "WSPAddressToString", "WSPAsyncSelect", "WSPBind", "WSPCancelBlockingCall",
    "WSPCleanup", "WSPCloseSocket", "WSPConnect", "WSPDuplicateSocket", "WSPEnumNetworkEvents",
    "WSPEventSelect", "WSPGetOverlappedResult", "WSPGetPeerName", "WSPGetSockName",
    "WSPGetSockOpt", "WSPGetQOSByName", "WSPIoctl", "WSPJoinLeaf", "WSPListen", "WSPRecv",
    "WSPRecvDisconnect", "WSPRecvFrom", "WSPSelect", "WSPSend", "WSPSendDisconnect",
    "WSPSendTo", "WSPSetSockOpt", "WSPShutdown", "WSPSocket", "WSPStringToAddress",
    "WSPStartup",
};

static const char *const status_names[WPT_STATUS_COUNT] = {
    "OK", "NOT_IN_CHAIN", "NEXT_PROVIDER_NOT_FOUND", "PROVIDER_PATH_FAILED", "LOAD_FAILED",
    "NO_WSPSTARTUP", "LOWER_STARTUP_FAILED", "SINK_UNAVAILABLE", "IAT_HOOK_FAILED", "DISABLED",
    "RING_FULL", "INTERNAL", "INVALID_PROC_TABLE",
};

const char *wpt_record_type_name(unsigned type)
{
    return type > 0 && type < COUNT(record_type_names) ? record_type_names[type] : "UNKNOWN";
}

const char *wpt_upcall_name(unsigned upcall)
{
    return upcall < WPT_UPCALL_COUNT ? upcall_names[upcall] : NULL;
}

unsigned wpt_upcall_arg_count(unsigned upcall)
{
    return upcall < WPT_UPCALL_COUNT ? upcall_arg_counts[upcall] : 0;
}

const char *wpt_function_name(unsigned function)
{
    return function < WPT_FUNCTION_COUNT ? function_names[function] : NULL;
}

static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

unsigned wpt_function_by_name(const char *name, size_t len)
{
    for (unsigned f = 0; f < WPT_FUNCTION_COUNT; f++) {
        const char *known = function_names[f];
        size_t i = 0;
        while (i < len && known[i] != '\0' && ascii_lower(known[i]) == ascii_lower(name[i]))
            i++;
        if (i == len && known[i] == '\0')
            return f;
    }
    return WPT_FUNCTION_COUNT;
}

const char *wpt_status_name(unsigned status)
{
    return status < WPT_STATUS_COUNT ? status_names[status] : "UNKNOWN";
}
