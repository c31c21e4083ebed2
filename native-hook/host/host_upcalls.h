/* The upcalls wpuhost.exe offers a provider chain, with the semantics ws2_32 gives them: a
 * socket handle table with contexts, Win32 events, PostMessage to a message-only window,
 * QueueUserAPC, duplicated thread handles, provider paths from the host catalog. Everything a
 * provider does is counted, and what it leaves open is reported. Thread-safe.
 *
 * Fault injection (--fail-upcall): a chosen upcall fails every Nth call without doing
 * anything and without writing *lpErrno, as a real ws2_32 sometimes does; a close refused
 * that way is remembered, so that a handle it left open is not blamed on the provider. */
#ifndef HOST_UPCALLS_H
#define HOST_UPCALLS_H

#include <winsock2.h>
#include <ws2spi.h>
#include <stdio.h>

#include "host_catalog.h"

/* Upcalls in WSPUPCALLTABLE order, then WPUCompleteOverlappedRequest (as SPEC.md numbers them). */
enum { HOST_UPCALL_COUNT = 16 };

/* Socket handles per catalog entry id that a provider passed to WPUCreateSocketHandle or
 * WPUModifyIFSHandle: who created how many, and how many of them were closed. */
#define HOST_MAX_ENTRY_BOOKS 16
typedef struct host_entry_books {
    DWORD entry_id;
    LONG created, closed;
} host_entry_books;

typedef struct host_counters {
    LONG sockets_created, socket_create_errors, sockets_closed, socket_close_errors;
    LONG context_queries, context_query_errors, ifs_handles;
    LONG events_created, events_closed, event_sets, event_resets, event_errors;
    LONG threads_opened, threads_closed, thread_errors, apcs_queued, apc_errors;
    LONG messages_posted, messages_received;
    LONG blocking_queries, blocking_errors, blocking_callbacks;
    LONG fd_isset_calls, path_queries, path_errors, overlapped_completions, overlapped_errors;
    LONG injected_failures;
    int entry_count;
    host_entry_books entries[HOST_MAX_ENTRY_BOOKS];
} host_counters;

/* What is left at the end of a load session (host_end_load_session). */
typedef struct host_leaks {
    int open;            /* handles the provider left open */
    int close_refused;   /* of those, handles whose close --fail-upcall failed on purpose */
} host_leaks;

/* Sets up the tables and the message-only window (on the calling thread, which must pump it
 * with host_pump_messages). Provider paths and the names of catalog entries come from catalog. */
BOOL host_upcalls_init(const host_catalog *catalog);
void host_upcalls_fill(WSPUPCALLTABLE *table);
HWND host_window(void);
UINT host_async_message(void);

/* Delivers posted messages to the window procedure, which counts and logs them. */
void host_pump_messages(void);
/* Pumps the window's messages until one arrives that no earlier call returned, or timeout_ms
 * passed (FALSE): its wParam and lParam, in arrival order. */
BOOL host_next_message(DWORD timeout_ms, WPARAM *wparam, LPARAM *lparam);
/* The catalog entry id a live socket handle was created or registered for, 0 when s is not
 * one (WPUCreateSocketHandle / WPUModifyIFSHandle). */
DWORD host_socket_creator(SOCKET s);
/* Forgets an IFS handle the way ws2_32 does when closesocket reaches the provider. */
void host_forget_ifs_handle(SOCKET s);
host_counters host_get_counters(void);
/* The books of entry_id in k (zeros when it made no socket). */
host_entry_books host_entry_books_of(const host_counters *k, DWORD entry_id);
/* "FD_READ", "FD_WRITE", ... for one WSAAsyncSelect event bit. */
const char *host_fd_event_name(WORD event);
/* Prints the messages the window received since the last call. */
void host_print_messages(FILE *out);
/* The upcall named name ("WPUCreateEvent", ...): its index, or -1. */
int host_upcall_index(const char *name);
/* Makes every `every`-th call of the upcall fail (every >= 1). */
void host_fail_upcall(int index, unsigned every);

/* The last WSACleanup: prints what is still open (sockets, events, thread handles) and
 * forgets it, as ws2_32 discards its handle table (events and thread handles are closed so
 * that the process does not keep them). */
host_leaks host_end_load_session(FILE *out);

/* Exported for providers that import it from the host (see README: the IAT hook). */
__declspec(dllexport) int WSPAPI WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED ov,
                                                              DWORD error, DWORD transferred,
                                                              LPINT lpErrno);

#endif
