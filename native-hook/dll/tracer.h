/* Internal interfaces of wputrace.dll between its parts: configuration, catalog lookup, the
 * trace session (recorder, flusher thread, sinks), the startups and their downcall thunks, the
 * upcall thunks and the IAT hook. */
#ifndef TRACER_H
#define TRACER_H

#include <stdbool.h>
#include <stdint.h>

#include "wputrace.h"
#include "wpt_encode.h"
#include "wpt_flusher.h"
#include "wpt_event.h"
#include "wpt_call.h"
#include "wpt_clock.h"
#include "wpt_record.h"

#include "teb.h"

/* ---- configuration (config.c) ---- */
#define TRACER_LIST_MAX 1024

#define TRACER_ALL_FUNCTIONS ((1u << WPT_FUNCTION_COUNT) - 1)

typedef struct tracer_config {
    bool enabled;         /* Enabled, and this process passes Include/Exclude */
    bool pipe_sink;       /* Sink "pipe" (default) or "file" */
    WCHAR file[MAX_PATH]; /* file sink path, %p expanded to the pid, %VARS% expanded */
    WCHAR pipe[MAX_PATH]; /* pipe sink name */
    uint32_t downcalls;   /* bit (1 << wpt_function) per downcall recorded: TraceDowncalls and
                           * DowncallFunctions; 0 = the next provider's own table */
    uint16_t capture_bytes;       /* CaptureBytes, 0 .. WPT_DATA_MAX */
    WCHAR unknown_functions[160]; /* names in DowncallFunctions that name no function */
} tracer_config;

/* Reads HKLM\SOFTWARE\wpuscope\Tracer (the 64-bit view from both bitnesses) and the
 * WPUSCOPE_TRACE_* overrides, and decides for this process's image name. */
void config_read(tracer_config *cfg);

/* ---- catalog (catalog.c) ---- */
typedef struct catalog_entry {
    WSAPROTOCOL_INFOW info;
    WCHAR path[MAX_PATH]; /* provider DLL path, expanded */
} catalog_entry;

/* Where the tracer sits in a chain and what is below it. */
typedef struct chain_position {
    wpt_status status;        /* OK, NOT_IN_CHAIN, NEXT_PROVIDER_NOT_FOUND, PROVIDER_PATH_FAILED */
    uint32_t position;        /* index of the tracer's entry in the chain */
    catalog_entry next;       /* the next provider's entry (when found; its id whenever the
                               * chain names one) */
    WCHAR detail[160];        /* why, when status is not OK */
} chain_position;

/* Finds the tracer in info's chain and the next provider, from WSCEnumProtocols and
 * WSCGetProviderPath (in wpuhost.exe these answer from the host catalog). Allocates from the
 * process heap during the lookup only (never on an upcall path). */
void catalog_locate(const WSAPROTOCOL_INFOW *info, chain_position *out);

/* ---- session: recorder, flusher thread, sinks (session.c, sinks.c) ---- */
extern wpt_recorder tracer_recorder;

/* Readies the load session at a WSPStartup (later calls return its status): ring, sink,
 * PROCESS_HELLO, no thread. Returns WPT_STATUS_OK (events are recorded from now on; the sink
 * is connected by whoever flushes, retrying with backoff; events are dropped and counted while
 * it is unavailable) or INTERNAL (no session: the thunks pass through without recording). */
wpt_status session_prepare(const tracer_config *cfg);
/* After a successful WSPStartup: starts the flusher thread unless it runs. False when it
 * cannot (the session then stays prepared: events wait in the ring and drop when it is full,
 * and session_end writes what it holds). */
bool session_run(void);
/* The load session's state: SESSION_PREPARED records with no flusher thread yet;
 * SESSION_RUNNING records and the flusher thread runs. */
enum session_state {
    SESSION_IDLE,
    SESSION_STARTING,
    SESSION_PREPARED,
    SESSION_RUNNING,
    SESSION_STOPPING
};
extern volatile LONG session_state;
extern volatile LONG session_call_ids; /* the last call id handed out in this load session */

static inline bool session_active(void)
{
    LONG state = session_state;
    return state == SESSION_PREPARED || state == SESSION_RUNNING;
}

/* The tracer's clock (SPEC.md §2, core/wpt_clock.h): the TSC when it is invariant (RDTSC: no
 * call, no system call), else QueryPerformanceCounter; the stream header says its frequency. */
extern bool session_clock_tsc;

static inline uint64_t session_now(void)
{
    if (session_clock_tsc)
        return wpt_clock_tsc();
    LARGE_INTEGER now;
    QueryPerformanceCounter(&now);
    return (uint64_t)now.QuadPart;
}

/* A thunk's event started a quarter of the ring (wpt_call_publish): the flusher thread, when
 * it is waiting, runs now instead of at its next interval. Never blocks. */
void session_wake_flusher(void);

/* The next call id of the load session: 1, 2, ..., wrapping past 2^32 - 1 to 1. */
static inline uint32_t session_next_call_id(void)
{
    uint32_t id;
    do
        id = (uint32_t)InterlockedIncrement(&session_call_ids);
    while (id == 0);
    return id;
}

/* Module id of the module containing address (announced by the flusher with MODULE). */
uint32_t session_module_id(const void *address);
/* Queue records for the preamble (sent first on every connection). Any thread but thunks. */
void session_provider_loaded(const wpt_provider_loaded *loaded, const void *module_address);
void session_message(wpt_severity severity, wpt_status status, const WCHAR *text);
/* Has the flusher thread write out everything recorded so far, naming the modules that made
 * the upcalls while they are still loaded (a WSPCleanup below may free them); waits at most
 * FLUSH_WAIT_MS. Nothing to do when no flusher thread runs. Never under the loader lock. */
void session_flush(void);
/* Ends the load session (the last WSPCleanup, or a failed WSPStartup with none alive):
 * drains, PROCESS_GOODBYE with reason, and no thread left (waits, bounded, for the flusher
 * thread's last write; never call it under the loader lock while the thread runs). */
void session_end(wpt_end_reason reason);
/* DLL_PROCESS_DETACH: never waits for a thread; drains synchronously when safe; on FreeLibrary
 * closes the session's handles. */
void session_detach(bool process_exit);

/* Sinks for the flusher (sinks.c). */
void sink_file_init(wpt_sink *sink, const WCHAR *path);
void sink_pipe_init(wpt_sink *sink, const WCHAR *name);
/* The last drain is coming (session stop or detach): connect at once, ignoring the backoff,
 * and bound pipe writes tighter. */
void sink_set_final(void);
/* Closes what the sinks keep across connections (DLL unload). */
void sink_release(void);

/* ---- thunks (thunks.c) ---- */
/* Creates the TLS index of the thread's traced calls; false when none is left. */
bool thunks_init(void);
void thunks_free(void);
/* Fills wrapped with the thunks over real. The first real table wins: returns false (and
 * leaves wrapped alone) when a later call brings a different real table. */
bool thunks_wrap(const WSPUPCALLTABLE *real, WSPUPCALLTABLE *wrapped);
/* The thunk of WPUCompleteOverlappedRequest over real (first real wins, like thunks_wrap). */
LPWPUCOMPLETEOVERLAPPEDREQUEST thunks_complete_overlapped(LPWPUCOMPLETEOVERLAPPEDREQUEST real);

/* The thread's traced calls in progress: a TLS slot holds the innermost one (on its thunk's
 * stack; wpt_nest.outer links the rest, no allocation), so an upcall names the downcall it was
 * made in and knows when it re-entered another upcall. */
extern DWORD calls_tls_slot;

static inline bool calls_tracked(void) { return calls_tls_slot != TLS_OUT_OF_INDEXES; }

/* The thread's innermost traced call (NULL: none); only when calls_tracked(). Leaves the last
 * error alone (teb.h). */
static inline const wpt_nest *innermost_call(void)
{
    if (calls_tls_slot < TLS_MINIMUM_AVAILABLE)
        return tls_slots()[calls_tls_slot];
    DWORD error = GetLastError();
    const wpt_nest *c = TlsGetValue(calls_tls_slot);
    SetLastError(error);
    return c;
}

/* Makes c (NULL: none) the thread's innermost traced call. Leaves the last error alone. */
static inline void set_innermost_call(const wpt_nest *c)
{
    if (calls_tls_slot < TLS_MINIMUM_AVAILABLE)
        tls_slots()[calls_tls_slot] = (void *)c;
    else
        TlsSetValue(calls_tls_slot, (void *)c);
}

/* ---- startups (provider.c) and their downcall thunks (downcalls.c) ---- */
#define MAX_STARTUPS 32

/* One successful startup of the next provider, until its WSPCleanup. */
typedef struct startup_slot {
    bool used;
    HMODULE lower_module;     /* our reference on the next provider, released by its cleanup */
    WSPPROC_TABLE lower;      /* the next provider's proc table */
    uint32_t served_entry_id; /* the catalog entry ws2_32 started the tracer for */
    uint32_t downcalls;       /* tracer_config.downcalls of this startup */
    uint16_t capture_bytes;
} startup_slot;

extern startup_slot startups[MAX_STARTUPS];

/* The next provider's WSPCleanup of slot succeeded: releases the slot (provider.c). */
void startup_cleaned_up(startup_slot *slot);
/* The table ws2_32 gets for a startup in slot: the slot's thunk for each recorded function and
 * for WSPCleanup (always: it ends the startup), the next provider's own entry otherwise. */
void downcalls_table(int slot, WSPPROC_TABLE *table);
/* Calls the next provider's WSPStartup, recorded as function 30 when record is set. */
int downcalls_startup(LPWSPSTARTUP lower_startup, bool record, WORD version, LPWSPDATA data,
                      LPWSAPROTOCOL_INFOW info, WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE procs);

/* ---- IAT hook (iat_hook.c) ---- */
/* Points module's imports of WPUCompleteOverlappedRequest (from any DLL it imports from:
 * ws2_32.dll in production, wpuhost.exe for the samples) at the thunk. Returns the number
 * of slots hooked (0: the module does not import it), or -1 on failure. */
int iat_hook_module(HMODULE module);
/* Hooks every loaded module but self that imports it and is not hooked yet (the providers a
 * layer below the tracer loaded in its WSPStartup); slots hooked now, or -1 on failure. */
int iat_hook_loaded_modules(HMODULE self);
/* Puts every hooked slot of module back (before it may be unloaded). */
void iat_unhook_module(HMODULE module);
/* Puts every hooked slot back. */
void iat_unhook_all(void);

#endif
