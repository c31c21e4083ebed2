/* wputrace.dll's entry points: WSPStartup (find our place in the chain, load the next
 * provider, give it the wrapped upcall table, hook its WPUCompleteOverlappedRequest import,
 * check and return its proc table) and DllMain. Only WSPCleanup in the returned proc table is
 * ours: one small thunk per startup slot, so that each cleanup releases the lower module of
 * its startup and the last one ends the load session outside the loader lock.
 *
 * ws2_32 may FreeLibrary the tracer right after a WSPStartup that failed and right after the
 * last WSPCleanup: both leave no thread of ours running, no hooked import and no reference on
 * a lower module (see session.c). Fail-open: when tracing cannot be set up, the lower provider
 * still starts with the original upcall table, and a TRACER_MESSAGE says why; when the chain
 * itself cannot start, WSPStartup fails as ws2_32 would have it, and the capture says why. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tracer.h"

#define MAX_STARTUPS 32

typedef struct startup_slot {
    bool used;
    LPWSPCLEANUP lower_cleanup;
    HMODULE lower; /* our reference on the lower provider, released by its cleanup */
} startup_slot;

static HMODULE self;
static CRITICAL_SECTION lock;
static startup_slot startups[MAX_STARTUPS];
static int live_startups;    /* startups whose WSPCleanup has not run */
static int pending_startups; /* WSPStartup calls under way */

static void message(wpt_severity severity, wpt_status status, const WCHAR *fmt, ...)
{
    WCHAR text[512];
    va_list ap;
    va_start(ap, fmt);
    vswprintf(text, 512, fmt, ap);
    va_end(ap);
    session_message(severity, status, text);
}

/* Releases our reference on the lower module of a startup that is over; its imports are put
 * back first unless a live startup still uses the module. */
static void release_lower(HMODULE lower)
{
    bool in_use = false;
    EnterCriticalSection(&lock);
    for (int i = 0; i < MAX_STARTUPS; i++)
        in_use = in_use || (startups[i].used && startups[i].lower == lower);
    LeaveCriticalSection(&lock);
    if (!in_use)
        iat_unhook_module(lower);
    FreeLibrary(lower);
}

static int cleanup(int slot, LPINT lpErrno)
{
    session_flush(); /* the modules that made upcalls may go with the lower WSPCleanup */
    int rc = startups[slot].lower_cleanup(lpErrno);
    if (rc != 0)
        return rc;
    EnterCriticalSection(&lock);
    HMODULE lower = startups[slot].lower;
    startups[slot].used = false;
    bool last = --live_startups == 0 && pending_startups == 0;
    LeaveCriticalSection(&lock);
    if (last) {
        iat_unhook_all();
        session_end(WPT_END_CLEANUP);
    }
    release_lower(lower);
    return 0;
}

#define CLEANUP_THUNK(n) \
    static int WSPAPI cleanup_##n(LPINT lpErrno) { return cleanup(n, lpErrno); }
CLEANUP_THUNK(0) CLEANUP_THUNK(1) CLEANUP_THUNK(2) CLEANUP_THUNK(3) CLEANUP_THUNK(4) CLEANUP_THUNK(5) CLEANUP_THUNK(6) CLEANUP_THUNK(7)
CLEANUP_THUNK(8) CLEANUP_THUNK(9) CLEANUP_THUNK(10) CLEANUP_THUNK(11) CLEANUP_THUNK(12) CLEANUP_THUNK(13) CLEANUP_THUNK(14) CLEANUP_THUNK(15)
CLEANUP_THUNK(16) CLEANUP_THUNK(17) CLEANUP_THUNK(18) CLEANUP_THUNK(19) CLEANUP_THUNK(20) CLEANUP_THUNK(21) CLEANUP_THUNK(22) CLEANUP_THUNK(23)
CLEANUP_THUNK(24) CLEANUP_THUNK(25) CLEANUP_THUNK(26) CLEANUP_THUNK(27) CLEANUP_THUNK(28) CLEANUP_THUNK(29) CLEANUP_THUNK(30) CLEANUP_THUNK(31)
static const LPWSPCLEANUP cleanup_thunks[MAX_STARTUPS] = {
    cleanup_0, cleanup_1, cleanup_2, cleanup_3, cleanup_4, cleanup_5, cleanup_6, cleanup_7,
    cleanup_8, cleanup_9, cleanup_10, cleanup_11, cleanup_12, cleanup_13, cleanup_14, cleanup_15,
    cleanup_16, cleanup_17, cleanup_18, cleanup_19, cleanup_20, cleanup_21, cleanup_22, cleanup_23,
    cleanup_24, cleanup_25, cleanup_26, cleanup_27, cleanup_28, cleanup_29, cleanup_30, cleanup_31,
};

/* Takes over procs->lpWSPCleanup; false when every slot is busy (then the lower module stays
 * loaded for good and the load session may end before this startup's cleanup). */
static bool track_startup(LPWSPPROC_TABLE procs, HMODULE lower)
{
    EnterCriticalSection(&lock);
    int slot = -1;
    for (int i = 0; i < MAX_STARTUPS && slot < 0; i++)
        if (!startups[i].used)
            slot = i;
    if (slot >= 0) {
        startups[slot] = (startup_slot){true, procs->lpWSPCleanup, lower};
        procs->lpWSPCleanup = cleanup_thunks[slot];
        live_startups++;
    }
    LeaveCriticalSection(&lock);
    return slot >= 0;
}

/* A WSPStartup call is over: when it failed while no startup lives or is under way, ws2_32
 * is about to free the tracer, so the load session ends now. */
static void startup_over(bool started)
{
    EnterCriticalSection(&lock);
    bool end = --pending_startups == 0 && live_startups == 0 && !started;
    LeaveCriticalSection(&lock);
    if (end) {
        iat_unhook_all();
        session_end(WPT_END_STARTUP_FAILED);
    }
}

static wpt_guid guid_bytes(const GUID *g)
{
    wpt_guid out;
    memcpy(out.bytes, g, sizeof out.bytes);
    return out;
}

/* The chain cannot start: records why (status, result) and says it in a TRACER_MESSAGE. */
static void chain_fails(wpt_provider_loaded *rec, wpt_status status, int32_t result,
                        const WCHAR *why)
{
    rec->status = status;
    rec->startup_result = result;
    message(WPT_SEVERITY_ERROR, status,
            L"the chain cannot start: %ls; applications get error %d from socket()", why,
            status == WPT_STATUS_LOWER_STARTUP_FAILED || status == WPT_STATUS_INVALID_PROC_TABLE
                ? result : WSAEPROVIDERFAILEDINIT);
}

/* Loads the next provider and starts it; NULL (rec says why, nothing of it kept) when the
 * chain cannot start. */
static HMODULE start_lower(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                           const WSPUPCALLTABLE *upcalls, bool trace, LPWSPPROC_TABLE procs,
                           const chain_position *pos, wpt_provider_loaded *rec)
{
    WCHAR why[400];
    HMODULE lower = LoadLibraryW(pos->next.path);
    if (!lower) {
        DWORD error = GetLastError();
        swprintf(why, 400, L"next provider %lu (%ls) could not be loaded: LoadLibrary error %lu",
                 pos->next.info.dwCatalogEntryId, pos->next.path, error);
        chain_fails(rec, WPT_STATUS_LOAD_FAILED, (int32_t)error, why);
        return NULL;
    }
    LPWSPSTARTUP lower_startup = (LPWSPSTARTUP)(void *)GetProcAddress(lower, "WSPStartup");
    if (lower == self || !lower_startup) {
        swprintf(why, 400, lower == self ? L"the next provider %ls is the tracer itself"
                                         : L"the next provider %ls exports no WSPStartup",
                 pos->next.path);
        chain_fails(rec, lower == self ? WPT_STATUS_INTERNAL : WPT_STATUS_NO_WSPSTARTUP,
                    WSAEPROVIDERFAILEDINIT, why);
        FreeLibrary(lower);
        return NULL;
    }
    WSPUPCALLTABLE passed = *upcalls;
    if (trace && !thunks_wrap(upcalls, &passed))
        message(WPT_SEVERITY_WARNING, WPT_STATUS_INTERNAL,
                L"catalog entry %lu brought a different upcall table: passed through untraced",
                info->dwCatalogEntryId);
    int hooked = trace ? iat_hook_module(lower) : 0;
    if (hooked < 0)
        message(WPT_SEVERITY_WARNING, WPT_STATUS_IAT_HOOK_FAILED,
                L"could not hook WPUCompleteOverlappedRequest in %ls", pos->next.path);
    else if (trace && hooked == 0)
        message(WPT_SEVERITY_INFO, WPT_STATUS_OK,
                L"%ls does not import WPUCompleteOverlappedRequest: calls of it by providers it loads "
                L"itself (below a layered provider) are not traced", pos->next.path);
    int rc = lower_startup(version, data, info, passed, procs);
    if (rc == 0 && !wputrace_proc_table_complete(procs)) {
        int ignored = 0;
        if (procs->lpWSPCleanup)
            procs->lpWSPCleanup(&ignored);
        swprintf(why, 400, L"the WSPStartup of %ls left entries of its proc table empty",
                 pos->next.path);
        chain_fails(rec, WPT_STATUS_INVALID_PROC_TABLE, WSAEINVALIDPROCTABLE, why);
    } else if (rc != 0) {
        swprintf(why, 400, L"the WSPStartup of %ls returned %d", pos->next.path, rc);
        chain_fails(rec, WPT_STATUS_LOWER_STARTUP_FAILED, rc, why);
    }
    if (rec->status == WPT_STATUS_OK)
        return lower;
    release_lower(lower);
    return NULL;
}

__declspec(dllexport) int WSPAPI WSPStartup(WORD version, LPWSPDATA data,
                                            LPWSAPROTOCOL_INFOW info, WSPUPCALLTABLE upcalls,
                                            LPWSPPROC_TABLE procs)
{
    if (!data || !info || !procs)
        return WSAEFAULT;
    EnterCriticalSection(&lock);
    pending_startups++;
    LeaveCriticalSection(&lock);
    tracer_config cfg;
    config_read(&cfg);
    bool trace = cfg.enabled && session_prepare(&cfg) == WPT_STATUS_OK;
    chain_position pos;
    catalog_locate(info, &pos);
    wpt_provider_loaded rec = {0};
    rec.ticks = session_now();
    rec.served_entry_id = info->dwCatalogEntryId;
    rec.served_provider_id = guid_bytes(&info->ProviderId);
    rec.chain_position = pos.position;
    rec.next_entry_id = pos.next.info.dwCatalogEntryId;
    rec.next_provider_id = guid_bytes(&pos.next.info.ProviderId);
    rec.served_protocol = (wpt_utf16){(const uint16_t *)info->szProtocol,
                                      wcsnlen(info->szProtocol, WSAPROTOCOL_LEN)};
    HMODULE lower = NULL;
    if (pos.status == WPT_STATUS_OK) {
        rec.next_provider_path = (wpt_utf16){(const uint16_t *)pos.next.path,
                                             wcslen(pos.next.path)};
        lower = start_lower(version, data, info, &upcalls, trace, procs, &pos, &rec);
    } else {
        chain_fails(&rec, pos.status, WSAEPROVIDERFAILEDINIT, pos.detail);
    }
    if (lower && !track_startup(procs, lower))
        message(WPT_SEVERITY_WARNING, WPT_STATUS_INTERNAL,
                L"more than %d live startups: WSPCleanup of catalog entry %lu not tracked",
                MAX_STARTUPS, info->dwCatalogEntryId);
    session_provider_loaded(&rec, lower);
    if (lower && trace && !session_run())
        message(WPT_SEVERITY_ERROR, WPT_STATUS_INTERNAL,
                L"the flusher thread could not start: events wait in the ring until WSPCleanup");
    startup_over(lower != NULL);
    if (lower)
        return 0;
    return rec.status == WPT_STATUS_LOWER_STARTUP_FAILED ||
                   rec.status == WPT_STATUS_INVALID_PROC_TABLE
               ? rec.startup_result
               : WSAEPROVIDERFAILEDINIT;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved);

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    if (reason == DLL_PROCESS_ATTACH) {
        self = instance;
        DisableThreadLibraryCalls(instance);
        InitializeCriticalSection(&lock);
        thunks_init(); /* without a TLS slot, thunks_wrap refuses: pass-through */
    } else if (reason == DLL_PROCESS_DETACH) {
        bool process_exit = reserved != NULL;
        if (!process_exit)
            iat_unhook_all();
        session_detach(process_exit);
        if (!process_exit) {
            thunks_free();
            DeleteCriticalSection(&lock);
        }
    }
    return TRUE;
}
