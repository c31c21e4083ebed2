/* The layered sample LSP: startup (finding itself and the next provider in the catalog),
 * cleanup, and its socket handles over the lower provider's (see sample_lsp.h). It serves one
 * chain at a time. Every failure is said on stderr ("sample_lsp: ...") and releases what was
 * acquired, also when an upcall fails without an error code (wpuhost's --fail-upcall). */
#include <stdio.h>

#include "../dll/wputrace.h"
#include "sample_lsp.h"
#include "sample_records.h"

WSPPROC_TABLE lsp_lower;
WSPUPCALLTABLE lsp_up;
BOOL lsp_bugs;

static const GUID lsp_guid = SAMPLE_LSP_GUID_INIT;
static DWORD layered_id;           /* the catalog entry id of the LSP's layered entry */
static WSAPROTOCOL_INFOW next_info; /* what the lower provider is started and asked with */
static HMODULE lower_module;
static LONG startups;

static int says(int error, const char *what)
{
    fprintf(stderr, "sample_lsp%s: %s (error %d)\n", SAMPLE_LSP_INSTANCE == 1 ? "" : "2", what,
            error);
    return error;
}

/* The whole catalog from WSCEnumProtocols (HeapFree it), or NULL. */
static WSAPROTOCOL_INFOW *read_catalog(int *count, int *err)
{
    DWORD bytes = 0;
    if (WSCEnumProtocols(NULL, NULL, &bytes, err) != SOCKET_ERROR || *err != WSAENOBUFS)
        return NULL;
    WSAPROTOCOL_INFOW *all = HeapAlloc(GetProcessHeap(), 0, bytes);
    *count = all ? WSCEnumProtocols(NULL, all, &bytes, err) : SOCKET_ERROR;
    if (*count == SOCKET_ERROR && all) {
        HeapFree(GetProcessHeap(), 0, all);
        all = NULL;
    }
    return all;
}

/* The GUID the LSP finds itself by: SAMPLE_ENV_LSP_GUID's, else the one compiled in. */
static GUID own_guid(void)
{
    WCHAR text[64];
    unsigned long d1;
    unsigned int d2, d3, b[8];
    DWORD n = GetEnvironmentVariableW(SAMPLE_ENV_LSP_GUID, text, 64);
    if (n == 0 || n >= 64 ||
        swscanf(text, L"{%8lx-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x}", &d1, &d2, &d3, &b[0], &b[1],
                &b[2], &b[3], &b[4], &b[5], &b[6], &b[7]) != 11)
        return lsp_guid;
    GUID g = {d1, (WORD)d2, (WORD)d3, {0}};
    for (int i = 0; i < 8; i++)
        g.Data4[i] = (BYTE)b[i];
    return g;
}

/* The catalog entry after the LSP's own in the chain of info: its layered entry by its GUID
 * (own_guid), its position in the chain, the next entry. 0, or the error WSPStartup returns. */
static int find_next_entry(const WSAPROTOCOL_INFOW *info, WSAPROTOCOL_INFOW *next)
{
    GUID guid = own_guid();
    int count = 0, err = 0;
    WSAPROTOCOL_INFOW *all = read_catalog(&count, &err);
    if (!all)
        return says(WSAEPROVIDERFAILEDINIT, "WSCEnumProtocols failed");
    int own = -1, found = -1;
    for (int i = 0; i < count && own < 0; i++)
        if (all[i].ProtocolChain.ChainLen == LAYERED_PROTOCOL &&
            IsEqualGUID(&all[i].ProviderId, &guid))
            own = i;
    const WSAPROTOCOLCHAIN *chain = &info->ProtocolChain;
    int position = -1;
    for (int i = 0; own >= 0 && i < chain->ChainLen && i < MAX_PROTOCOL_CHAIN; i++)
        if (chain->ChainEntries[i] == all[own].dwCatalogEntryId)
            position = i;
    for (int i = 0; position >= 0 && position + 1 < chain->ChainLen && i < count; i++)
        if (all[i].dwCatalogEntryId == chain->ChainEntries[position + 1])
            found = i;
    if (found >= 0) {
        layered_id = all[own].dwCatalogEntryId;
        *next = all[found];
    }
    HeapFree(GetProcessHeap(), 0, all);
    if (own < 0)
        return says(WSAEPROVIDERFAILEDINIT, "no layered catalog entry with this LSP's GUID");
    if (position < 0)
        return says(WSAEPROVIDERFAILEDINIT, "this LSP is not in the chain it was started for");
    if (found < 0)
        return says(WSAEPROVIDERFAILEDINIT, "no catalog entry below this LSP in its chain");
    return 0;
}

/* Loads the provider of the next entry; NULL when it cannot (said why). */
static HMODULE load_next(const WSAPROTOCOL_INFOW *next)
{
    WCHAR raw[MAX_PATH], path[MAX_PATH];
    int len = MAX_PATH, err = 0;
    GUID id = next->ProviderId;
    if (WSCGetProviderPath(&id, raw, &len, &err) != 0)
        return says(err, "WSCGetProviderPath of the next entry failed"), NULL;
    DWORD expanded = ExpandEnvironmentStringsW(raw, path, MAX_PATH);
    if (expanded == 0 || expanded > MAX_PATH)
        return says((int)GetLastError(), "cannot expand the next provider's path"), NULL;
    HMODULE module = LoadLibraryW(path);
    if (!module)
        says((int)GetLastError(), "LoadLibrary of the next provider failed");
    return module;
}

/* Starts the provider below with the upcall table unchanged: a base provider with its own
 * catalog entry, another layer with the chain. 0, or the error WSPStartup returns. */
static int start_next(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                      WSPUPCALLTABLE upcalls)
{
    WSAPROTOCOL_INFOW next;
    int rc = find_next_entry(info, &next);
    if (rc)
        return rc;
    HMODULE module = load_next(&next);
    if (!module)
        return WSAEPROVIDERFAILEDINIT;
    LPWSPSTARTUP next_startup = (LPWSPSTARTUP)(void *)GetProcAddress(module, "WSPStartup");
    next_info = next.ProtocolChain.ChainLen == BASE_PROTOCOL ? next : *info;
    WSPPROC_TABLE procs = {0};
    rc = next_startup ? next_startup(version, data, &next_info, upcalls, &procs)
                      : says(WSAEPROVIDERFAILEDINIT, "the next provider exports no WSPStartup");
    if (rc == 0 && !wputrace_proc_table_complete(&procs)) {
        int ignored = 0;
        if (procs.lpWSPCleanup)
            procs.lpWSPCleanup(&ignored);
        rc = says(WSAEINVALIDPROCTABLE, "the next provider's proc table has empty entries");
    } else if (rc != 0 && next_startup) {
        says(rc, "the next provider's WSPStartup failed");
    }
    if (rc != 0) {
        FreeLibrary(module);
        return rc;
    }
    lsp_lower = procs;
    lower_module = module;
    return 0;
}

SOCKET lsp_wrap(SOCKET lower, LPINT err)
{
    int ignored = 0;
    sample_record *r = sample_record_new(lower);
    *err = WSAENOBUFS; /* what the caller sees if the upcall fails without saying why */
    SOCKET own = r ? lsp_up.lpWPUCreateSocketHandle(layered_id, (DWORD_PTR)r, err)
                   : INVALID_SOCKET;
    if (own != INVALID_SOCKET) {
        r->handle = own;
        return own;
    }
    if (r)
        sample_record_free(r);
    lsp_lower.lpWSPCloseSocket(lower, &ignored);
    return INVALID_SOCKET;
}

/* The LSP's record of its handle s, or NULL. */
static sample_record *record_of(SOCKET s)
{
    DWORD_PTR context = 0;
    int err = 0;
    sample_record *r = lsp_up.lpWPUQuerySocketHandleContext(s, &context, &err) == 0
                           ? sample_record_checked(context, s) : NULL;
    return r ? r : sample_record_of(s);
}

SOCKET lsp_lower_socket(SOCKET s, LPINT err)
{
    sample_record *r = record_of(s);
    if (!r)
        *err = WSAENOTSOCK;
    return r ? (SOCKET)r->value : INVALID_SOCKET;
}

static SOCKET WSPAPI lsp_socket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
                                GROUP g, DWORD flags, LPINT err)
{
    (void)info; /* the provider below is asked with its own entry */
    SOCKET lower = lsp_lower.lpWSPSocket(af, type, protocol, &next_info, g, flags, err);
    return lower == INVALID_SOCKET ? INVALID_SOCKET : lsp_wrap(lower, err);
}

/* Closes the lower socket, then the LSP's own handle, whatever the lower close said; a handle
 * whose close the upcall refused stays open in ws2_32 and keeps its record. */
static int WSPAPI lsp_close_socket(SOCKET s, LPINT err)
{
    sample_record *r = record_of(s);
    if (!r)
        return *err = WSAENOTSOCK, SOCKET_ERROR;
    SOCKET lower = (SOCKET)r->value;
    int lower_err = 0, ignored = 0;
    DWORD_PTR context = 0;
    lsp_async_forget(s);
    if (lsp_bugs) /* deliberately wrong: the lower provider's handle is not ours to query */
        lsp_up.lpWPUQuerySocketHandleContext(lower, &context, &ignored);
    int lower_rc = lsp_lower.lpWSPCloseSocket(lower, &lower_err);
    *err = WSAENOTSOCK;
    int own_rc = lsp_up.lpWPUCloseSocketHandle(lsp_bugs ? lower : s, err);
    if (own_rc == 0 || lsp_bugs)
        sample_record_free(r);
    if (lower_rc != 0)
        *err = lower_err;
    return lower_rc != 0 || own_rc != 0 ? SOCKET_ERROR : 0;
}

static int WSPAPI lsp_cleanup(LPINT err)
{
    LONG left = InterlockedDecrement(&startups);
    if (left < 0) {
        InterlockedIncrement(&startups);
        return *err = WSANOTINITIALISED, SOCKET_ERROR;
    }
    if (left == 0)
        lsp_async_stop();
    int rc = lsp_lower.lpWSPCleanup(err);
    if (rc != 0)
        says(*err, "the next provider's WSPCleanup failed");
    FreeLibrary(lower_module);
    return rc;
}

__declspec(dllexport) int WSPAPI WSPStartup(WORD version, LPWSPDATA data,
                                            LPWSAPROTOCOL_INFOW info, WSPUPCALLTABLE upcalls,
                                            LPWSPPROC_TABLE procs)
{
    if (LOBYTE(version) < 2 || !data || !info || !procs)
        return says(WSAEINVAL, "WSPStartup without version 2, WSPDATA, protocol info or table");
    lsp_bugs = GetEnvironmentVariableW(SAMPLE_ENV_LSP_BUGS, NULL, 0) != 0;
    int rc = start_next(version, data, info, upcalls);
    if (rc)
        return rc;
    lsp_up = upcalls;
    lsp_fill_pass_through(procs);
    procs->lpWSPSocket = lsp_socket;
    procs->lpWSPCloseSocket = lsp_close_socket;
    procs->lpWSPCleanup = lsp_cleanup;
    InterlockedIncrement(&startups);
    return 0;
}
