/* wputrace.dll's entry points: WSPStartup (find our place in the chain, load the next
 * provider, give it the wrapped upcall table, hook its WPUCompleteOverlappedRequest import,
 * return its own proc table) and DllMain. Only WSPCleanup in the returned proc table is
 * ours: one small thunk per startup slot, so that the last cleanup can stop the flusher
 * properly, outside the loader lock. Fail-open: whenever tracing cannot be set up, the lower
 * provider still starts with the original upcall table, and a TRACER_MESSAGE says why. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tracer.h"

#define MAX_STARTUPS 16
#define MAX_LOWER_MODULES 64

typedef struct startup_slot {
    bool used;
    LPWSPCLEANUP lower_cleanup;
} startup_slot;

static HMODULE self;
static CRITICAL_SECTION lock;
static startup_slot startups[MAX_STARTUPS];
static int live_startups;
static HMODULE lower_modules[MAX_LOWER_MODULES]; /* freed at the last cleanup */
static int lower_module_count;

static int cleanup(int slot, LPINT lpErrno)
{
    int rc = startups[slot].lower_cleanup(lpErrno);
    if (rc != 0)
        return rc;
    EnterCriticalSection(&lock);
    startups[slot].used = false;
    bool last = --live_startups == 0;
    int modules = last ? lower_module_count : 0;
    if (last)
        lower_module_count = 0;
    LeaveCriticalSection(&lock);
    if (last) {
        iat_unhook_all();
        session_stop();
        for (int i = 0; i < modules; i++)
            FreeLibrary(lower_modules[i]);
    }
    return 0;
}

#define CLEANUP_THUNK(n) \
    static int WSPAPI cleanup_##n(LPINT lpErrno) { return cleanup(n, lpErrno); }
CLEANUP_THUNK(0) CLEANUP_THUNK(1) CLEANUP_THUNK(2) CLEANUP_THUNK(3)
CLEANUP_THUNK(4) CLEANUP_THUNK(5) CLEANUP_THUNK(6) CLEANUP_THUNK(7)
CLEANUP_THUNK(8) CLEANUP_THUNK(9) CLEANUP_THUNK(10) CLEANUP_THUNK(11)
CLEANUP_THUNK(12) CLEANUP_THUNK(13) CLEANUP_THUNK(14) CLEANUP_THUNK(15)
static const LPWSPCLEANUP cleanup_thunks[MAX_STARTUPS] = {
    cleanup_0, cleanup_1, cleanup_2,  cleanup_3,  cleanup_4,  cleanup_5,  cleanup_6,  cleanup_7,
    cleanup_8, cleanup_9, cleanup_10, cleanup_11, cleanup_12, cleanup_13, cleanup_14, cleanup_15};

/* Takes over procs->lpWSPCleanup; false when every slot is busy (then the flusher stops at
 * process exit instead, see session_detach). */
static bool track_startup(LPWSPPROC_TABLE procs, HMODULE lower)
{
    EnterCriticalSection(&lock);
    if (lower_module_count < MAX_LOWER_MODULES)
        lower_modules[lower_module_count++] = lower;
    int slot = -1;
    for (int i = 0; i < MAX_STARTUPS && slot < 0; i++)
        if (!startups[i].used)
            slot = i;
    if (slot >= 0 && procs->lpWSPCleanup) {
        startups[slot] = (startup_slot){true, procs->lpWSPCleanup};
        procs->lpWSPCleanup = cleanup_thunks[slot];
        live_startups++;
    }
    LeaveCriticalSection(&lock);
    return slot >= 0;
}

static void message(wpt_severity severity, wpt_status status, const WCHAR *fmt, ...)
{
    WCHAR text[512];
    va_list ap;
    va_start(ap, fmt);
    vswprintf(text, 512, fmt, ap);
    va_end(ap);
    session_message(severity, status, text);
}

static wpt_guid guid_bytes(const GUID *g)
{
    wpt_guid out;
    memcpy(out.bytes, g, sizeof out.bytes);
    return out;
}

/* Loads the next provider and starts it; fills rec's status and result. */
static HMODULE start_lower(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                           const WSPUPCALLTABLE *upcalls, bool trace, LPWSPPROC_TABLE procs,
                           const chain_position *pos, wpt_provider_loaded *rec)
{
    HMODULE lower = LoadLibraryW(pos->next.path);
    if (!lower) {
        rec->status = WPT_STATUS_LOAD_FAILED;
        rec->startup_result = (int32_t)GetLastError();
        message(WPT_SEVERITY_ERROR, rec->status, L"LoadLibrary(%ls) failed: error %lu",
                pos->next.path, GetLastError());
        return NULL;
    }
    LPWSPSTARTUP lower_startup = (LPWSPSTARTUP)(void *)GetProcAddress(lower, "WSPStartup");
    if (lower == self || !lower_startup) {
        rec->status = lower == self ? WPT_STATUS_INTERNAL : WPT_STATUS_NO_WSPSTARTUP;
        message(WPT_SEVERITY_ERROR, rec->status, lower == self
                    ? L"the next provider %ls is the tracer itself" : L"%ls exports no WSPStartup",
                pos->next.path);
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
    rec->startup_result = lower_startup(version, data, info, passed, procs);
    if (rec->startup_result != 0) {
        rec->status = WPT_STATUS_LOWER_STARTUP_FAILED;
        message(WPT_SEVERITY_ERROR, rec->status, L"WSPStartup of %ls returned %d", pos->next.path,
                rec->startup_result);
    }
    return lower;
}

__declspec(dllexport) int WSPAPI WSPStartup(WORD version, LPWSPDATA data,
                                            LPWSAPROTOCOL_INFOW info, WSPUPCALLTABLE upcalls,
                                            LPWSPPROC_TABLE procs)
{
    if (!data || !info || !procs)
        return WSAEFAULT;
    tracer_config cfg;
    config_read(&cfg);
    bool trace = cfg.enabled && session_start(&cfg) == WPT_STATUS_OK;
    chain_position pos;
    catalog_locate(info, &pos);
    wpt_provider_loaded rec = {0};
    rec.ticks = session_now();
    rec.served_entry_id = info->dwCatalogEntryId;
    rec.served_provider_id = guid_bytes(&info->ProviderId);
    rec.chain_position = pos.position;
    rec.status = pos.status;
    rec.served_protocol = (wpt_utf16){(const uint16_t *)info->szProtocol,
                                      wcsnlen(info->szProtocol, WSAPROTOCOL_LEN)};
    HMODULE lower = NULL;
    if (pos.status == WPT_STATUS_OK) {
        rec.next_entry_id = pos.next.info.dwCatalogEntryId;
        rec.next_provider_id = guid_bytes(&pos.next.info.ProviderId);
        rec.next_provider_path = (wpt_utf16){(const uint16_t *)pos.next.path,
                                             wcslen(pos.next.path)};
        lower = start_lower(version, data, info, &upcalls, trace, procs, &pos, &rec);
    } else {
        rec.startup_result = WSAEPROVIDERFAILEDINIT;
        message(WPT_SEVERITY_ERROR, pos.status, L"%ls", pos.detail);
    }
    bool started = lower && rec.status == WPT_STATUS_OK;
    if (started && trace && !track_startup(procs, lower))
        message(WPT_SEVERITY_WARNING, WPT_STATUS_INTERNAL,
                L"more than %d live startups: WSPCleanup of catalog entry %lu not tracked",
                MAX_STARTUPS, info->dwCatalogEntryId);
    session_provider_loaded(&rec, lower);
    if (started)
        return 0;
    return rec.status == WPT_STATUS_LOWER_STARTUP_FAILED ? rec.startup_result
                                                         : WSAEPROVIDERFAILEDINIT;
}

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
