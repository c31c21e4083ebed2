/* wpuhost.exe: does for a provider chain what ws2_32 does (loads the top DLL, calls its
 * WSPStartup with a real upcall table and the chain's catalog entry, checks the proc table it
 * returns, frees the DLL at once when WSPStartup fails, and at the last WSACleanup calls
 * WSPCleanup and frees it, loading it again for the next cycle) and drives named scenarios
 * through it. See native-hook/README.md ("Running your provider in wpuhost"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../dll/wputrace.h"
#include "host_catalog.h"
#include "host_scenarios.h"
#include "host_upcalls.h"
#include "host_ws2_catalog.h"

#include <tlhelp32.h>

enum { EXIT_PASSED = 0, EXIT_SCENARIO_FAILED = 1, EXIT_USAGE = 2, EXIT_LOAD_FAILED = 3 };

/* --layer-guid DLL=GUID: the installed GUID of a layer's layered entry. */
typedef struct layer_guid {
    WCHAR path[MAX_PATH];
    GUID id;
} layer_guid;

typedef struct options {
    WCHAR paths[MAX_PROTOCOL_CHAIN][MAX_PATH]; /* top of the chain first, the base last */
    int path_count;
    layer_guid layer_guids[MAX_PROTOCOL_CHAIN];
    int layer_guid_count;
    BOOL tracer;
    WCHAR tracer_path[MAX_PATH];
    BOOL ifs;
    BOOL system_catalog; /* leave ws2_32's catalog functions alone (Wine's or Windows' own) */
    BOOL selected[HOST_MAX_SCENARIOS];
    BOOL any_selected;
    unsigned threads, iterations;
    unsigned cycles;        /* WSAStartup ... WSACleanup cycles in this process */
    BOOL hold_loader_lock;  /* hold the loader lock across LoadLibrary + WSPStartup */
    WCHAR catalog_from[MAX_PATH]; /* --catalog-from: a customer's catalog, or empty */
    unsigned served_id;           /* --serve */
    host_dll_map dll_maps[HOST_MAX_ENTRIES];
    int dll_map_count;
} options;

static void usage(FILE *out)
{
    fputs("usage: wpuhost [options] [LAYER.dll ...] PROVIDER.dll\n"
          "Loads a provider chain the way ws2_32 does (the tracer wputrace.dll on top, then the\n"
          "layers, then the base PROVIDER.dll), calls WSPStartup with a real upcall table and\n"
          "runs scenarios through it. Nothing is installed into the system catalog.\n"
          "options:\n"
          "  --scenario NAME    run scenario NAME (repeatable; default: all)\n"
          "  --list-scenarios   list the scenarios and exit\n"
          "  --tracer PATH      tracer DLL on top of the chain (default: wputrace.dll next to\n"
          "                     wpuhost.exe)\n"
          "  --no-tracer        load the chain without the tracer\n"
          "  --ifs              the base provider uses IFS handles (XP1_IFS_HANDLES)\n"
          "  --threads N        stress: threads (default 4)\n"
          "  --iterations N     stress: upcall rounds per thread (default 200)\n"
          "  --cycles N         N load sessions in this process, as WSAStartup ... WSACleanup\n"
          "                     cycles: load, WSPStartup, scenarios, WSPCleanup, FreeLibrary\n"
          "                     (default 1; a failed WSPStartup frees the DLL at once and the\n"
          "                     next cycle goes on)\n"
          "  --fail-upcall NAME[:N]  every Nth call (default every call) of upcall NAME\n"
          "                     (e.g. WPUCreateEvent) fails without doing anything and without\n"
          "                     writing *lpErrno, as ws2_32 sometimes does (repeatable)\n"
          "  --catalog-from FILE  lay the catalog out as a customer's machine has it, instead\n"
          "                     of from the DLLs given: FILE holds its PackedCatalogItems\n"
          "                     (wpuscope catalog --packed FILE winsock2.reg writes it)\n"
          "  --serve ID         with --catalog-from: the catalog entry (a protocol chain) to start\n"
          "  --dll NAME=PATH    with --catalog-from: the local DLL that stands in for the\n"
          "                     customer's NAME (e.g. mswsock.dll=sample_nonifs.dll; repeatable)\n"
          "  --hold-loader-lock hold the loader lock from LoadLibrary to the end of WSPStartup\n"
          "                     (and FreeLibrary after a failure): no new thread can start\n"
          "  --layer-guid DLL=GUID  the GUID of LAYER DLL's layered entry, as its installer\n"
          "                     registers it (repeatable; default {6b1c2d0N-1111-4222-8333-\n"
          "                     77686f73744c}, N = the layer's position, 1 = the first LAYER)\n"
          "  --system-catalog   do not answer ws2_32's catalog functions (WSCEnumProtocols,\n"
          "                     WSCGetProviderPath, ...) from the host catalog: the hosted\n"
          "                     DLLs see this system's own catalog\n"
          "  --help             this text\n"
          "The tracer is configured by WPUSCOPE_TRACE_* variables (see README.md), e.g.\n"
          "  WPUSCOPE_TRACE_SINK=file WPUSCOPE_TRACE_FILE=C:\\t\\trace-%p.wputrace\n"
          "exit codes: 0 every scenario passed, 1 a scenario failed, 2 usage error,\n"
          "            3 the chain could not be loaded or started (in some cycle)\n",
          out);
}

static BOOL parse_count(const char *text, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v == 0 || v > 1000000)
        return FALSE;
    *out = (unsigned)v;
    return TRUE;
}

/* NAME or NAME:N of --fail-upcall. */
static BOOL parse_fail_upcall(const char *text)
{
    char name[64];
    unsigned every = 1;
    const char *colon = strchr(text, ':');
    size_t len = colon ? (size_t)(colon - text) : strlen(text);
    if (len >= sizeof name || (colon && !parse_count(colon + 1, &every)))
        return FALSE;
    memcpy(name, text, len);
    name[len] = '\0';
    int index = host_upcall_index(name);
    if (index < 0)
        return FALSE;
    host_fail_upcall(index, every);
    return TRUE;
}

static BOOL full_path(const WCHAR *in, WCHAR out[MAX_PATH])
{
    DWORD n = GetFullPathNameW(in, MAX_PATH, out, NULL);
    return n > 0 && n < MAX_PATH;
}

/* A GUID written 8-4-4-4-12, with or without braces. */
static BOOL parse_guid(const WCHAR *text, GUID *out)
{
    WCHAR digits[33];
    int n = 0;
    size_t len = wcslen(text);
    BOOL braces = len == 38 && text[0] == L'{' && text[37] == L'}';
    if (len != 36 && !braces)
        return FALSE;
    for (size_t i = braces; i < len - braces; i++) {
        size_t at = i - braces;
        BOOL dash = at == 8 || at == 13 || at == 18 || at == 23;
        if (dash != (text[i] == L'-') || (!dash && !iswxdigit(text[i])))
            return FALSE;
        if (!dash)
            digits[n++] = text[i];
    }
    digits[n] = L'\0';
    unsigned char b[16];
    for (int i = 0; i < 16; i++) {
        WCHAR pair[3] = {digits[2 * i], digits[2 * i + 1], L'\0'};
        b[i] = (unsigned char)wcstoul(pair, NULL, 16);
    }
    out->Data1 = (DWORD)b[0] << 24 | (DWORD)b[1] << 16 | (DWORD)b[2] << 8 | b[3];
    out->Data2 = (WORD)(b[4] << 8 | b[5]);
    out->Data3 = (WORD)(b[6] << 8 | b[7]);
    memcpy(out->Data4, b + 8, 8);
    return TRUE;
}

/* NAME=PATH of --dll. */
static BOOL parse_dll_map(const WCHAR *text, options *o)
{
    const WCHAR *equals = wcschr(text, L'=');
    if (!equals || equals == text || equals - text >= MAX_PATH ||
        o->dll_map_count == HOST_MAX_ENTRIES)
        return FALSE;
    host_dll_map *m = &o->dll_maps[o->dll_map_count];
    swprintf(m->name, MAX_PATH, L"%.*ls", (int)(equals - text), text);
    if (!full_path(equals + 1, m->path))
        return FALSE;
    o->dll_map_count++;
    return TRUE;
}

/* DLL=GUID of --layer-guid. */
static BOOL parse_layer_guid(const WCHAR *text, options *o)
{
    const WCHAR *equals = wcsrchr(text, L'=');
    WCHAR dll[MAX_PATH];
    if (!equals || equals == text || equals - text >= MAX_PATH ||
        o->layer_guid_count == MAX_PROTOCOL_CHAIN)
        return FALSE;
    swprintf(dll, MAX_PATH, L"%.*ls", (int)(equals - text), text);
    layer_guid *g = &o->layer_guids[o->layer_guid_count];
    if (!full_path(dll, g->path) || !parse_guid(equals + 1, &g->id))
        return FALSE;
    o->layer_guid_count++;
    return TRUE;
}

/* Parses argv; returns -1 to go on, else the exit code. */
static int parse(int argc, WCHAR **argv, options *o)
{
    ZeroMemory(o, sizeof *o);
    o->tracer = TRUE;
    o->threads = 4;
    o->iterations = 200;
    o->cycles = 1;
    WCHAR exe[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, exe, MAX_PATH);
    WCHAR *slash = wcsrchr(exe, L'\\');
    if (n == 0 || n >= MAX_PATH || !slash)
        return fputs("wpuhost: cannot find its own path\n", stderr), EXIT_USAGE;
    swprintf(o->tracer_path, MAX_PATH, L"%.*ls\\wputrace.dll", (int)(slash - exe), exe);
    for (int i = 1; i < argc; i++) {
        char arg[MAX_PATH];
        WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, arg, sizeof arg, NULL, NULL);
        const WCHAR *value = i + 1 < argc ? argv[i + 1] : NULL;
        char value8[64] = "";
        if (value)
            WideCharToMultiByte(CP_UTF8, 0, value, -1, value8, sizeof value8, NULL, NULL);
        if (!strcmp(arg, "--help"))
            return usage(stdout), EXIT_PASSED;
        if (!strcmp(arg, "--list-scenarios")) {
            for (int s = 0; s < host_scenario_count; s++)
                printf("%-13s %s\n", host_scenarios[s].name, host_scenarios[s].what);
            printf("%-13s every scenario above except stress and bench\n", "all");
            return EXIT_PASSED;
        }
        if (!strcmp(arg, "--no-tracer")) {
            o->tracer = FALSE;
            continue;
        }
        BOOL *flag = !strcmp(arg, "--ifs") ? &o->ifs
                     : !strcmp(arg, "--system-catalog") ? &o->system_catalog
                     : !strcmp(arg, "--hold-loader-lock") ? &o->hold_loader_lock : NULL;
        if (flag) {
            *flag = TRUE;
            continue;
        }
        BOOL takes_value = !strcmp(arg, "--scenario") || !strcmp(arg, "--tracer") ||
                           !strcmp(arg, "--threads") || !strcmp(arg, "--iterations") ||
                           !strcmp(arg, "--layer-guid") || !strcmp(arg, "--cycles") ||
                           !strcmp(arg, "--fail-upcall") || !strcmp(arg, "--catalog-from") ||
                           !strcmp(arg, "--serve") || !strcmp(arg, "--dll");
        if (takes_value && !value)
            return fprintf(stderr, "wpuhost: %s needs a value\n", arg), EXIT_USAGE;
        if (!strcmp(arg, "--scenario")) {
            int s = host_find_scenario(value8);
            if (s < 0 && strcmp(value8, "all"))
                return fprintf(stderr, "wpuhost: unknown scenario '%s' (see --list-scenarios)\n",
                               value8), EXIT_USAGE;
            for (int k = 0; k < host_scenario_count; k++)
                o->selected[k] |= s == k || (s < 0 && host_scenario_in_all(&host_scenarios[k]));
            o->any_selected = TRUE;
        } else if (!strcmp(arg, "--tracer")) {
            if (!full_path(value, o->tracer_path))
                return fprintf(stderr, "wpuhost: bad path for %s\n", arg), EXIT_USAGE;
        } else if (!strcmp(arg, "--layer-guid")) {
            if (!parse_layer_guid(value, o))
                return fprintf(stderr, "wpuhost: --layer-guid needs DLL=GUID, e.g. "
                                       "my_lsp.dll={71708dd8-8c0e-4318-b17d-8ba2a2381916}\n"),
                       EXIT_USAGE;
        } else if (!strcmp(arg, "--threads") || !strcmp(arg, "--iterations") ||
                   !strcmp(arg, "--cycles")) {
            unsigned *count = !strcmp(arg, "--threads")      ? &o->threads
                              : !strcmp(arg, "--iterations") ? &o->iterations
                                                              : &o->cycles;
            if (!parse_count(value8, count))
                return fprintf(stderr, "wpuhost: %s needs a number 1..1000000\n", arg),
                       EXIT_USAGE;
        } else if (!strcmp(arg, "--catalog-from")) {
            if (!full_path(value, o->catalog_from))
                return fprintf(stderr, "wpuhost: bad path for %s\n", arg), EXIT_USAGE;
        } else if (!strcmp(arg, "--serve")) {
            if (!parse_count(value8, &o->served_id))
                return fprintf(stderr, "wpuhost: --serve needs a catalog entry id\n"), EXIT_USAGE;
        } else if (!strcmp(arg, "--dll")) {
            if (!parse_dll_map(value, o))
                return fprintf(stderr, "wpuhost: --dll needs NAME=PATH, e.g. "
                                       "mswsock.dll=sample_nonifs.dll\n"), EXIT_USAGE;
        } else if (!strcmp(arg, "--fail-upcall")) {
            if (!parse_fail_upcall(value8))
                return fprintf(stderr, "wpuhost: --fail-upcall needs NAME or NAME:N with an "
                                       "upcall name such as WPUCreateEvent\n"), EXIT_USAGE;
        } else if (arg[0] == '-') {
            return fprintf(stderr, "wpuhost: unknown option %s (see --help)\n", arg), EXIT_USAGE;
        } else {
            if (o->path_count == MAX_PROTOCOL_CHAIN - 1 || !full_path(argv[i], o->paths[o->path_count]))
                return fprintf(stderr, "wpuhost: too many providers or bad path %s\n", arg),
                       EXIT_USAGE;
            if (GetFileAttributesW(o->paths[o->path_count]) == INVALID_FILE_ATTRIBUTES)
                fprintf(stderr, "wpuhost: note: %ls does not exist (a relative name is taken from "
                                "the current directory); its chain will not start\n",
                        o->paths[o->path_count]);
            o->path_count++;
            continue;
        }
        i++;
    }
    if (!o->any_selected)
        for (int k = 0; k < host_scenario_count; k++)
            o->selected[k] = host_scenario_in_all(&host_scenarios[k]);
    if (o->catalog_from[0] && (o->path_count || !o->served_id))
        return fputs("wpuhost: --catalog-from takes --serve ID and no provider DLL (the catalog "
                     "names them; --dll maps them to local files)\n", stderr), EXIT_USAGE;
    if (o->catalog_from[0])
        return -1; /* the chain's DLLs come from the catalog (prepare_catalog) */
    if (o->path_count == 0)
        return fputs("wpuhost: no provider DLL given (see --help)\n", stderr), EXIT_USAGE;
    if (o->tracer) {
        memmove(o->paths[1], o->paths[0], sizeof o->paths[0] * o->path_count);
        wcscpy(o->paths[0], o->tracer_path);
        o->path_count++;
    }
    return -1;
}

/* The layers of the chain (every DLL but the base) with the GUIDs of their layered entries:
 * the tracer's own, the one --layer-guid gives, or the one derived from the position. Returns
 * -1 to go on, else the exit code. */
static int layers_of(const options *o, host_layer *layers)
{
    int count = o->path_count - 1;
    static const GUID tracer_guid = WPUTRACE_PROVIDER_GUID_INIT;
    for (int i = 0; i < count; i++) {
        layers[i].path = o->paths[i];
        layers[i].id = o->tracer && i == 0 ? tracer_guid
                                           : host_catalog_default_layer_guid(o->tracer ? i : i + 1);
    }
    for (int g = 0; g < o->layer_guid_count; g++) {
        int i = 0;
        while (i < count && _wcsicmp(o->layer_guids[g].path, o->paths[i]))
            i++;
        if (i == count)
            return fprintf(stderr, "wpuhost: --layer-guid names %ls, which is not a layer of "
                                   "the chain\n", o->layer_guids[g].path), EXIT_USAGE;
        layers[i].id = o->layer_guids[g].id;
    }
    return -1;
}

/* The host catalog from the chain's DLLs, or (--catalog-from) from a customer's catalog, whose
 * served chain then gives the DLLs. Returns -1 to go on, else the exit code. */
static int build_catalog(options *o, host_catalog *cat)
{
    if (o->catalog_from[0]) {
        char why[600];
        if (!host_catalog_load_packed(cat, o->catalog_from, o->dll_maps, o->dll_map_count,
                                      o->served_id, o->tracer ? o->tracer_path : NULL, why,
                                      sizeof why))
            return fprintf(stderr, "wpuhost: %s\n", why), EXIT_USAGE;
        o->path_count = host_catalog_chain_paths(cat, o->paths);
        return -1;
    }
    host_layer layers[MAX_PROTOCOL_CHAIN];
    int rc = layers_of(o, layers);
    if (rc >= 0)
        return rc;
    if (!host_catalog_build(cat, layers, o->path_count - 1, o->paths[o->path_count - 1], o->ifs))
        return fputs("wpuhost: the chain is too long\n", stderr), EXIT_USAGE;
    return -1;
}

/* Builds the host catalog, makes ws2_32's catalog functions answer from it (unless
 * --system-catalog) and prints it (once per process, before any provider is loaded). */
static int prepare_catalog(options *o, chain *c)
{
    ZeroMemory(c, sizeof *c);
    int rc = build_catalog(o, &c->catalog);
    if (rc >= 0)
        return rc;
    if (!o->system_catalog && !host_ws2_catalog_install(&c->catalog, stdout))
        return EXIT_LOAD_FAILED;
    for (int i = 0; i < c->catalog.count; i++) {
        const host_catalog_entry *e = &c->catalog.entries[i];
        const WSAPROTOCOLCHAIN *entries = &e->info.ProtocolChain;
        WCHAR guid[40];
        StringFromGUID2(&e->info.ProviderId, guid, 40);
        printf("catalog entry %lu: chain length %d", e->info.dwCatalogEntryId, entries->ChainLen);
        for (int k = 0; k < entries->ChainLen && entries->ChainLen > BASE_PROTOCOL; k++)
            printf("%s%lu", k ? ", " : " [", entries->ChainEntries[k]);
        printf("%s, %ls %ls (%ls)%s\n", entries->ChainLen > BASE_PROTOCOL ? "]" : "", guid,
               e->info.szProtocol, e->provider_path, i == c->catalog.served_index ? " served" : "");
    }
    return -1;
}

/* ntdll's loader lock, for --hold-loader-lock (NULL functions: not held). */
typedef LONG(NTAPI *loader_lock_fn)(ULONG flags, ULONG *state, ULONG_PTR *cookie);
typedef LONG(NTAPI *loader_unlock_fn)(ULONG flags, ULONG_PTR cookie);

static ULONG_PTR lock_loader(BOOL hold)
{
    loader_lock_fn lock = hold ? (loader_lock_fn)(void *)GetProcAddress(
                                     GetModuleHandleW(L"ntdll.dll"), "LdrLockLoaderLock")
                               : NULL;
    ULONG_PTR cookie = 0;
    if (lock && lock(0, NULL, &cookie) != 0)
        cookie = 0;
    return cookie;
}

static void unlock_loader(ULONG_PTR cookie)
{
    loader_unlock_fn unlock = (loader_unlock_fn)(void *)GetProcAddress(
        GetModuleHandleW(L"ntdll.dll"), "LdrUnlockLoaderLock");
    if (cookie && unlock)
        unlock(0, cookie);
}

/* What ws2_32 does at the first socket(): loads the top DLL, calls its WSPStartup and checks
 * the proc table; a WSPStartup that fails (or returns an incomplete table) is answered with
 * FreeLibrary at once. */
static int load_chain(const options *o, chain *c)
{
    ULONG_PTR loader = lock_loader(o->hold_loader_lock);
    c->top = LoadLibraryW(o->paths[0]);
    if (!c->top) {
        unlock_loader(loader);
        return fprintf(stderr, "wpuhost: LoadLibrary(%ls) failed: error %lu\n", o->paths[0],
                       GetLastError()), EXIT_LOAD_FAILED;
    }
    LPWSPSTARTUP startup = (LPWSPSTARTUP)(void *)GetProcAddress(c->top, "WSPStartup");
    int rc = WSAEINVALIDPROVIDER;
    WSPDATA data = {0};
    ZeroMemory(&c->procs, sizeof c->procs);
    if (startup) {
        WSPUPCALLTABLE upcalls;
        host_upcalls_fill(&upcalls);
        WSAPROTOCOL_INFOW info = c->catalog.entries[c->catalog.served_index].info;
        rc = startup(MAKEWORD(2, 2), &data, &info, upcalls, &c->procs);
        if (rc == 0 && !wputrace_proc_table_complete(&c->procs)) {
            int ignored = 0;
            if (c->procs.lpWSPCleanup)
                c->procs.lpWSPCleanup(&ignored);
            rc = WSAEINVALIDPROCTABLE;
        }
    }
    printf("WSPStartup(%ls) returned %d%s, version %u.%u, \"%ls\"\n", o->paths[0], rc,
           rc == WSAEINVALIDPROCTABLE ? " (WSAEINVALIDPROCTABLE: the proc table has NULL entries)"
           : startup ? "" : " (no WSPStartup export)",
           LOBYTE(data.wVersion), HIBYTE(data.wVersion), data.szDescription);
    if (rc != 0) {
        FreeLibrary(c->top);
        c->top = NULL;
        unlock_loader(loader);
        return EXIT_LOAD_FAILED;
    }
    unlock_loader(loader);
    HMODULE base = GetModuleHandleW(o->paths[o->path_count - 1]);
    c->run = base ? (sample_run_fn)(void *)GetProcAddress(base, SAMPLE_RUN_EXPORT) : NULL;
    return -1;
}

static void print_counters(const host_catalog *cat)
{
    host_counters k = host_get_counters();
    printf("host books:\n"
           "  sockets: created %ld (errors %ld), closed %ld (errors %ld), context queries %ld "
           "(errors %ld), IFS handles %ld\n"
           "  events: created %ld, set %ld, reset %ld, closed %ld (errors %ld)\n"
           "  threads: opened %ld, closed %ld (errors %ld); APCs queued %ld (errors %ld)\n"
           "  messages: posted %ld, received %ld; blocking queries %ld (errors %ld), "
           "callbacks %ld\n"
           "  FDIsSet %ld; provider paths %ld (errors %ld); overlapped completions %ld "
           "(errors %ld)\n",
           k.sockets_created, k.socket_create_errors, k.sockets_closed, k.socket_close_errors,
           k.context_queries, k.context_query_errors, k.ifs_handles, k.events_created,
           k.event_sets, k.event_resets, k.events_closed, k.event_errors, k.threads_opened,
           k.threads_closed, k.thread_errors, k.apcs_queued, k.apc_errors, k.messages_posted,
           k.messages_received, k.blocking_queries, k.blocking_errors, k.blocking_callbacks,
           k.fd_isset_calls, k.path_queries, k.path_errors, k.overlapped_completions,
           k.overlapped_errors);
    for (int i = 0; i < k.entry_count; i++) {
        char provider[200];
        host_catalog_describe(cat, k.entries[i].entry_id, provider, sizeof provider);
        printf("  sockets of %s: created %ld, closed %ld\n", provider, k.entries[i].created,
               k.entries[i].closed);
    }
}

/* Threads of this process (Toolhelp snapshot); -1 when it cannot tell. */
static int thread_count(void)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
    THREADENTRY32 entry = {.dwSize = sizeof entry};
    int count = 0;
    for (BOOL more = snap != INVALID_HANDLE_VALUE && Thread32First(snap, &entry); more;
         more = Thread32Next(snap, &entry))
        count += entry.th32OwnerProcessID == GetCurrentProcessId();
    if (snap != INVALID_HANDLE_VALUE)
        CloseHandle(snap);
    return snap != INVALID_HANDLE_VALUE ? count : -1;
}

/* Open handles of this process, counted by probing the handle values 4 .. 0x10000 (Wine's
 * GetProcessHandleCount always says 0; wpuhost's own handles stay far below the bound). */
static long handle_count(void)
{
    long count = 0;
    DWORD flags;
    for (ULONG_PTR value = 4; value <= 0x10000; value += 4)
        count += GetHandleInformation((HANDLE)value, &flags) != 0;
    return count;
}

/* One WSAStartup ... WSACleanup cycle: load, scenarios, WSPCleanup, FreeLibrary, the host's
 * books. Counts into the totals; returns FALSE when the chain did not start. */
typedef struct totals {
    int passed, failed, skipped, failed_startups, failed_cleanups, leaks, refused_leaks;
} totals;

static void run_cycle(const options *o, chain *c, const sample_env *env, unsigned cycle,
                      totals *t)
{
    if (o->cycles > 1)
        printf("cycle %u of %u\n", cycle, o->cycles);
    if (load_chain(o, c) >= 0) {
        t->failed_startups++;
        return;
    }
    for (int i = 0; i < host_scenario_count; i++) {
        if (!o->selected[i])
            continue;
        int r = host_run_scenario(c, o->ifs, &host_scenarios[i], env);
        t->passed += r == 1;
        t->failed += r == 0;
        t->skipped += r < 0;
    }
    int err = 0;
    int cleanup = c->procs.lpWSPCleanup(&err);
    printf("WSPCleanup returned %d (error %d)\n", cleanup, cleanup ? err : 0);
    t->failed_cleanups += cleanup != 0;
    FreeLibrary(c->top);
    c->top = NULL;
    host_leaks leaks = host_end_load_session(stdout);
    printf("host: %d handle(s) left open by the provider", leaks.open);
    if (leaks.close_refused)
        printf(", %d of them because --fail-upcall failed their close", leaks.close_refused);
    printf("\n");
    t->leaks += leaks.open;
    t->refused_leaks += leaks.close_refused;
}

int wmain(int argc, WCHAR **argv);

int wmain(int argc, WCHAR **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    static options o;
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    static chain c;
    rc = prepare_catalog(&o, &c);
    if (rc >= 0)
        return rc;
    if (!host_upcalls_init(&c.catalog))
        return fputs("wpuhost: cannot create the message window\n", stderr), EXIT_LOAD_FAILED;
    int threads_before = thread_count();
    long handles_before = handle_count();
    sample_env env = {host_window(), host_async_message(),
                      c.catalog.entries[c.catalog.base_index].info.ProviderId,
                      {0xdeadbeef, 0, 0, {0}}, o.threads, o.iterations,
                      host_forget_ifs_handle};
    totals t = {0};
    for (unsigned cycle = 1; cycle <= o.cycles; cycle++)
        run_cycle(&o, &c, &env, cycle, &t);
    print_counters(&c.catalog);
    printf("host: threads %d at start, %d at end; handles %ld at start, %ld at end\n",
           threads_before, thread_count(), handles_before, handle_count());
    if (o.cycles > 1)
        printf("host: %u cycles, %d failed to start, %d WSPCleanup failed, %d handle(s) left "
               "open (%d because --fail-upcall failed their close)\n", o.cycles,
               t.failed_startups, t.failed_cleanups, t.leaks, t.refused_leaks);
    printf("wpuhost: %d passed, %d failed, %d not applicable\n", t.passed, t.failed, t.skipped);
    if (t.failed_startups)
        return EXIT_LOAD_FAILED;
    return t.failed || t.failed_cleanups ? EXIT_SCENARIO_FAILED : EXIT_PASSED;
}
