#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "tracer.h"

static const GUID tracer_guid = WPUTRACE_PROVIDER_GUID_INIT;

/* The catalog as an array of entries (paths filled by provider_path when needed). */
typedef struct catalog {
    catalog_entry *entries;
    size_t count;
} catalog;

static bool load_winsock(catalog *cat, WCHAR *detail, size_t cap)
{
    DWORD bytes = 0;
    int err = 0;
    if (WSCEnumProtocols(NULL, NULL, &bytes, &err) != SOCKET_ERROR || err != WSAENOBUFS) {
        swprintf(detail, cap, L"WSCEnumProtocols failed (error %d)", err);
        return false;
    }
    WSAPROTOCOL_INFOW *infos = HeapAlloc(GetProcessHeap(), 0, bytes);
    int n = infos ? WSCEnumProtocols(NULL, infos, &bytes, &err) : SOCKET_ERROR;
    if (n == SOCKET_ERROR) {
        swprintf(detail, cap, L"WSCEnumProtocols failed (error %d)", infos ? err : WSAENOBUFS);
        if (infos)
            HeapFree(GetProcessHeap(), 0, infos);
        return false;
    }
    cat->entries = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, (n + 1) * sizeof *cat->entries);
    for (int i = 0; cat->entries && i < n; i++)
        cat->entries[i].info = infos[i];
    HeapFree(GetProcessHeap(), 0, infos);
    cat->count = cat->entries ? (size_t)n : 0;
    return cat->entries != NULL;
}

static catalog_entry *find_entry(const catalog *cat, DWORD id)
{
    for (size_t i = 0; i < cat->count; i++)
        if (cat->entries[i].info.dwCatalogEntryId == id)
            return &cat->entries[i];
    return NULL;
}

static bool provider_path(catalog_entry *e, WCHAR *detail, size_t cap)
{
    WCHAR raw[MAX_PATH];
    int len = MAX_PATH, err = 0;
    if (WSCGetProviderPath(&e->info.ProviderId, raw, &len, &err) != 0) {
        swprintf(detail, cap, L"WSCGetProviderPath of entry %lu failed (error %d)",
                 e->info.dwCatalogEntryId, err);
        return false;
    }
    DWORD n = ExpandEnvironmentStringsW(raw, e->path, MAX_PATH);
    if (n == 0 || n > MAX_PATH) {
        swprintf(detail, cap, L"cannot expand provider path %ls", raw);
        return false;
    }
    return true;
}

static wpt_status locate(const catalog *cat, const WSAPROTOCOL_INFOW *info, chain_position *out)
{
    const WSAPROTOCOLCHAIN *chain = &info->ProtocolChain;
    int len = chain->ChainLen < MAX_PROTOCOL_CHAIN ? chain->ChainLen : MAX_PROTOCOL_CHAIN;
    for (int i = 0; i < len; i++) {
        const catalog_entry *e = find_entry(cat, chain->ChainEntries[i]);
        if (!e || e->info.ProtocolChain.ChainLen != LAYERED_PROTOCOL ||
            !IsEqualGUID(&e->info.ProviderId, &tracer_guid))
            continue;
        out->position = (uint32_t)i;
        if (i + 1 >= len) {
            swprintf(out->detail, 160, L"the tracer is the last entry of the chain");
            return WPT_STATUS_NEXT_PROVIDER_NOT_FOUND;
        }
        catalog_entry *next = find_entry(cat, chain->ChainEntries[i + 1]);
        out->next.info.dwCatalogEntryId = chain->ChainEntries[i + 1];
        if (!next) {
            swprintf(out->detail, 160, L"no catalog entry %lu (next in the chain)",
                     chain->ChainEntries[i + 1]);
            return WPT_STATUS_NEXT_PROVIDER_NOT_FOUND;
        }
        out->next = *next;
        if (!provider_path(&out->next, out->detail, 160))
            return WPT_STATUS_PROVIDER_PATH_FAILED;
        return WPT_STATUS_OK;
    }
    swprintf(out->detail, 160, L"no layered entry with the tracer's ProviderId in the %d-entry "
             L"chain of catalog entry %lu", chain->ChainLen, info->dwCatalogEntryId);
    return WPT_STATUS_NOT_IN_CHAIN;
}

void catalog_locate(const WSAPROTOCOL_INFOW *info, chain_position *out)
{
    ZeroMemory(out, sizeof *out);
    catalog cat = {0};
    bool loaded = load_winsock(&cat, out->detail, 160);
    out->status = loaded ? locate(&cat, info, out) : WPT_STATUS_NEXT_PROVIDER_NOT_FOUND;
    if (cat.entries)
        HeapFree(GetProcessHeap(), 0, cat.entries);
}
