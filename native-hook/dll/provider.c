/* wputrace.dll's entry points: WSPStartup (find our place in the chain, load the next
 * provider, give it the wrapped upcall table, hook its WPUCompleteOverlappedRequest import,
 * check its proc table and hand ws2_32 the startup slot's downcall thunks over it) and
 * DllMain. Each startup has a slot with its own thunks (downcalls.c); its WSPCleanup thunk
 * releases the lower module of the startup, and the last one ends the load session outside
 * the loader lock.
 *
 * ws2_32 may FreeLibrary the tracer right after a WSPStartup that failed and right after the
 * last WSPCleanup: both leave no thread of ours running, no hooked import and no reference on
 * a lower module (see session.c). Fail-open: when tracing cannot be set up, the lower provider
 * still starts with the original upcall table, and a TRACER_MESSAGE says why; when the chain
 * itself cannot start, WSPStartup fails as ws2_32 would have it, and the capture says why. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "guarded_read.h"
#include "tracer.h"

startup_slot startups[MAX_STARTUPS];

static HMODULE self;
static CRITICAL_SECTION lock;
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
        in_use = in_use || (startups[i].used && startups[i].lower_module == lower);
    LeaveCriticalSection(&lock);
    if (!in_use)
        iat_unhook_module(lower);
    FreeLibrary(lower);
}

void startup_cleaned_up(startup_slot *slot)
{
    EnterCriticalSection(&lock);
    HMODULE lower = slot->lower_module;
    slot->used = false;
    bool last = --live_startups == 0 && pending_startups == 0;
    LeaveCriticalSection(&lock);
    if (last) {
        iat_unhook_all();
        session_end(WPT_END_CLEANUP);
    }
    release_lower(lower);
}

/* Takes a slot for the startup and puts its thunks into procs (the next provider's table);
 * false when every slot is busy (then procs stays the next provider's: the lower module stays
 * loaded for good, the load session may end before this startup's cleanup, and its calls are
 * not recorded). */
static bool track_startup(LPWSPPROC_TABLE procs, HMODULE lower, const WSAPROTOCOL_INFOW *info,
                          const tracer_config *cfg)
{
    EnterCriticalSection(&lock);
    int slot = -1;
    for (int i = 0; i < MAX_STARTUPS && slot < 0; i++)
        if (!startups[i].used)
            slot = i;
    if (slot >= 0) {
        startups[slot] = (startup_slot){true, lower, *procs, info->dwCatalogEntryId,
                                        cfg->downcalls, cfg->capture_bytes};
        downcalls_table(slot, procs);
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

/* After the next provider started: hooks WPUCompleteOverlappedRequest in the modules it loaded
 * itself (the providers below a layered one); says when no module of the chain imports it. */
static void hook_modules_below(const chain_position *pos, int hooked_next)
{
    int below = iat_hook_loaded_modules(self);
    if (below < 0)
        message(WPT_SEVERITY_WARNING, WPT_STATUS_IAT_HOOK_FAILED,
                L"could not hook WPUCompleteOverlappedRequest in the providers below %ls",
                pos->next.path);
    else if (hooked_next == 0 && below == 0)
        message(WPT_SEVERITY_INFO, WPT_STATUS_OK,
                L"no provider module below the tracer imports WPUCompleteOverlappedRequest: a "
                L"provider loaded after its WSPStartup that calls it is not traced");
}

/* Loads the next provider and starts it; NULL (rec says why, nothing of it kept) when the
 * chain cannot start. */
static HMODULE start_lower(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                           const WSPUPCALLTABLE *upcalls, bool trace, bool record_startup,
                           LPWSPPROC_TABLE procs, const chain_position *pos,
                           wpt_provider_loaded *rec)
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
    int rc = downcalls_startup(lower_startup, record_startup, version, data, info, passed, procs);
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
    if (rec->status == WPT_STATUS_OK) {
        if (trace)
            hook_modules_below(pos, hooked);
        return lower;
    }
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
    if (!trace)
        cfg.downcalls = 0; /* the next provider's own table, with our WSPCleanup */
    if (trace && cfg.unknown_functions[0])
        message(WPT_SEVERITY_WARNING, WPT_STATUS_OK,
                L"DowncallFunctions names no function called %ls: ignored", cfg.unknown_functions);
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
        lower = start_lower(version, data, info, &upcalls, trace,
                            (cfg.downcalls >> WPT_FN_STARTUP) & 1u, procs, &pos, &rec);
    } else {
        chain_fails(&rec, pos.status, WSAEPROVIDERFAILEDINIT, pos.detail);
    }
    if (lower && !track_startup(procs, lower, info, &cfg))
        message(WPT_SEVERITY_WARNING, WPT_STATUS_INTERNAL,
                L"more than %d live startups: catalog entry %lu passed through untraced, its "
                L"WSPCleanup not tracked", MAX_STARTUPS, info->dwCatalogEntryId);
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
        guarded_read_install(); /* without it, in-values are recorded as "not read" */
    } else if (reason == DLL_PROCESS_DETACH) {
        bool process_exit = reserved != NULL;
        if (!process_exit)
            iat_unhook_all();
        session_detach(process_exit);
        if (!process_exit) {
            guarded_read_remove();
            thunks_free();
            DeleteCriticalSection(&lock);
        }
    }
    return TRUE;
}
