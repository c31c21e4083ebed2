/* The upcalls wpuhost.exe offers a provider chain, with the semantics ws2_32 gives them: a
 * socket handle table with contexts, Win32 events, PostMessage to a message-only window,
 * QueueUserAPC, duplicated thread handles, provider paths from the host catalog. Everything a
 * provider does is counted, and what it leaves open is reported. Thread-safe. */
#ifndef HOST_UPCALLS_H
#define HOST_UPCALLS_H

#include <winsock2.h>
#include <ws2spi.h>
#include <stdio.h>

/* Provider paths for WPUGetProviderPath: looked up by ProviderId. */
typedef int (*host_path_lookup_fn)(const GUID *id, const WCHAR **path);

typedef struct host_counters {
    LONG sockets_created, sockets_closed, socket_close_errors, context_queries,
        context_query_errors, ifs_handles, events_created, events_closed, event_sets,
        event_resets, event_errors, threads_opened, threads_closed, thread_errors, apcs_queued,
        apc_errors, messages_posted, messages_received, blocking_queries, blocking_callbacks,
        fd_isset_calls, path_queries, path_errors, overlapped_completions, overlapped_errors;
} host_counters;

/* Sets up the tables and the message-only window (on the calling thread, which must pump it
 * with host_pump_messages). */
BOOL host_upcalls_init(host_path_lookup_fn lookup);
void host_upcalls_fill(WSPUPCALLTABLE *table);
HWND host_window(void);
UINT host_async_message(void);

/* Delivers posted messages to the window procedure, which counts and logs them. */
void host_pump_messages(void);
/* Forgets an IFS handle the way ws2_32 does when closesocket reaches the provider. */
void host_forget_ifs_handle(SOCKET s);
host_counters host_get_counters(void);
/* Prints the messages the window received since the last call. */
void host_print_messages(FILE *out);
/* Prints what is still open (sockets, events, thread handles); returns how many. */
int host_report_leaks(FILE *out);

/* Exported for providers that import it from the host (see README: the IAT hook). */
__declspec(dllexport) int WSPAPI WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED ov,
                                                              DWORD error, DWORD transferred,
                                                              LPINT lpErrno);

#endif
