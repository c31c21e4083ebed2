#include "host_catalog.h"

#include "../dll/wputrace.h"

#include <stdio.h>
#include <wchar.h>

/* Derived GUIDs: {6b1c2d00+n-1111-4222-8333-77686f7374XX}, XX = what the entry is: 'L' a
 * layered entry (n = the layer's position), 'C' a protocol chain (n = its index in the
 * catalog), 'B' the base provider (n = 0). */
enum { GUID_LAYER = 'L', GUID_CHAIN = 'C', GUID_BASE = 'B' };

static GUID host_guid(int n, unsigned char kind)
{
    GUID g = {0x6b1c2d00u + (unsigned)n, 0x1111, 0x4222,
              {0x83, 0x33, 'w', 'h', 'o', 's', 't', kind}};
    return g;
}

GUID host_catalog_default_layer_guid(int position) { return host_guid(position, GUID_LAYER); }

static const WCHAR *file_name(const WCHAR *path)
{
    const WCHAR *slash = wcsrchr(path, L'\\');
    return slash ? slash + 1 : path;
}

/* Appends an entry with info's fields (zero when NULL) and the DLL path. */
static host_catalog_entry *append(host_catalog *cat, const WSAPROTOCOL_INFOW *info,
                                  const WCHAR *path)
{
    host_catalog_entry *e = &cat->entries[cat->count++];
    ZeroMemory(e, sizeof *e);
    if (info)
        e->info = *info;
    wcsncpy(e->provider_path, path, MAX_PATH - 1);
    return e;
}

static host_catalog_entry *add(host_catalog *cat, const WSAPROTOCOL_INFOW *like,
                               const WCHAR *path, GUID id, int chain_len)
{
    DWORD entry_id = HOST_FIRST_ENTRY_ID + cat->count;
    host_catalog_entry *e = append(cat, like, path);
    e->info.ProviderId = id;
    e->info.dwCatalogEntryId = entry_id;
    e->info.ProtocolChain.ChainLen = chain_len;
    return e;
}

static void add_base(host_catalog *cat, const WCHAR *path, BOOL ifs)
{
    cat->base_index = cat->count;
    host_catalog_entry *base = add(cat, NULL, path, host_guid(0, GUID_BASE), BASE_PROTOCOL);
    WSAPROTOCOL_INFOW *i = &base->info;
    i->dwServiceFlags1 = XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE |
                         (ifs ? XP1_IFS_HANDLES : 0);
    i->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
    i->iVersion = 2;
    i->iAddressFamily = AF_INET;
    i->iMaxSockAddr = sizeof(struct sockaddr_in);
    i->iMinSockAddr = sizeof(struct sockaddr_in);
    i->iSocketType = SOCK_STREAM;
    i->iProtocol = IPPROTO_TCP;
    i->iNetworkByteOrder = BIGENDIAN;
    swprintf(i->szProtocol, WSAPROTOCOL_LEN, L"%ls", file_name(path));
}

/* What an installer adds for one layer over the chain below it (below == NULL: over the base):
 * its layered entry and its protocol chain. Returns the chain entry. */
static host_catalog_entry *add_layer(host_catalog *cat, const host_layer *layer,
                                     const host_catalog_entry *below)
{
    const WSAPROTOCOL_INFOW *base = &cat->entries[cat->base_index].info;
    host_catalog_entry *layered = add(cat, base, layer->path, layer->id, LAYERED_PROTOCOL);
    layered->info.dwProviderFlags = PFL_HIDDEN;
    swprintf(layered->info.szProtocol, WSAPROTOCOL_LEN, L"%ls", file_name(layer->path));
    DWORD layered_id = layered->info.dwCatalogEntryId;
    host_catalog_entry *chain = add(cat, below ? &below->info : base, layer->path,
                                    host_guid(cat->count, GUID_CHAIN), 0);
    WSAPROTOCOL_INFOW *i = &chain->info;
    WSAPROTOCOLCHAIN lower = below ? below->info.ProtocolChain
                                   : (WSAPROTOCOLCHAIN){1, {base->dwCatalogEntryId}};
    i->ProtocolChain.ChainLen = lower.ChainLen + 1;
    i->ProtocolChain.ChainEntries[0] = layered_id;
    memcpy(&i->ProtocolChain.ChainEntries[1], lower.ChainEntries,
           lower.ChainLen * sizeof lower.ChainEntries[0]);
    swprintf(i->szProtocol, WSAPROTOCOL_LEN, L"%ls over [%ls]", file_name(layer->path),
             base->szProtocol);
    return chain;
}

BOOL host_catalog_build(host_catalog *cat, const host_layer *layers, int layer_count,
                        const WCHAR *base_path, BOOL ifs)
{
    if (layer_count < 0 || layer_count > HOST_MAX_LAYERS)
        return FALSE;
    ZeroMemory(cat, sizeof *cat);
    add_base(cat, base_path, ifs);
    const host_catalog_entry *top = NULL;
    for (int i = layer_count - 1; i >= 0; i--) /* installed from the bottom up */
        top = add_layer(cat, &layers[i], top);
    cat->served_index = top ? (int)(top - cat->entries) : cat->base_index;
    return TRUE;
}

/* The PackedCatalogItem layout: a 260-byte ANSI DLL path, then the WSAPROTOCOL_INFOW. */
#define PACKED_PATH_SIZE 260
#define PACKED_ITEM_SIZE (PACKED_PATH_SIZE + sizeof(WSAPROTOCOL_INFOW))
_Static_assert(PACKED_ITEM_SIZE == 888, "a PackedCatalogItem is 888 bytes");

/* The local stand-in of a DLL path, or the path itself. */
static const WCHAR *mapped(const WCHAR *path, const host_dll_map *maps, int map_count)
{
    for (int i = 0; i < map_count; i++)
        if (!_wcsicmp(file_name(path), maps[i].name))
            return maps[i].path;
    return path;
}

static BOOL read_packed(host_catalog *cat, const WCHAR *file, const host_dll_map *maps,
                        int map_count, char *why, size_t why_len)
{
    HANDLE h = CreateFileW(file, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return snprintf(why, why_len, "cannot open %ls (error %lu)", file, GetLastError()), FALSE;
    BYTE item[PACKED_ITEM_SIZE];
    DWORD got = 0;
    long offset = 0;
    BOOL ok = TRUE;
    while (ok && ReadFile(h, item, sizeof item, &got, NULL) && got > 0) {
        if (got != sizeof item || cat->count == HOST_MAX_ENTRIES) {
            snprintf(why, why_len, got != sizeof item
                         ? "%ls: byte offset %ld: a PackedCatalogItem cut short (%lu of 888 bytes)"
                         : "%ls: byte offset %ld: more than 256 catalog entries",
                     file, offset, got);
            ok = FALSE;
            break;
        }
        char ansi[PACKED_PATH_SIZE + 1] = {0};
        memcpy(ansi, item, PACKED_PATH_SIZE);
        WCHAR path[MAX_PATH] = L"";
        MultiByteToWideChar(CP_ACP, 0, ansi, -1, path, MAX_PATH);
        append(cat, (const WSAPROTOCOL_INFOW *)(item + PACKED_PATH_SIZE),
               mapped(path, maps, map_count));
        offset += (long)sizeof item;
    }
    CloseHandle(h);
    if (ok && cat->count == 0)
        return snprintf(why, why_len, "%ls holds no catalog entry", file), FALSE;
    return ok;
}

/* The tracer's layered entry and its chain over the served entry, served instead. */
static BOOL add_tracer(host_catalog *cat, const WCHAR *tracer_path, char *why, size_t why_len)
{
    static const GUID tracer_guid = WPUTRACE_PROVIDER_GUID_INIT;
    const WSAPROTOCOL_INFOW served = cat->entries[cat->served_index].info;
    const WSAPROTOCOLCHAIN *below = &served.ProtocolChain;
    if (below->ChainLen >= MAX_PROTOCOL_CHAIN || cat->count + 2 > HOST_MAX_ENTRIES)
        return snprintf(why, why_len, "entry %lu's chain is full: no room for the tracer",
                        served.dwCatalogEntryId), FALSE;
    DWORD next_id = HOST_FIRST_ENTRY_ID;
    for (int i = 0; i < cat->count; i++)
        if (cat->entries[i].info.dwCatalogEntryId >= next_id)
            next_id = cat->entries[i].info.dwCatalogEntryId + 1;
    host_catalog_entry *layered = append(cat, &served, tracer_path);
    layered->info.ProviderId = tracer_guid;
    layered->info.dwCatalogEntryId = next_id;
    layered->info.dwProviderFlags = PFL_HIDDEN;
    layered->info.ProtocolChain = (WSAPROTOCOLCHAIN){LAYERED_PROTOCOL, {0}};
    swprintf(layered->info.szProtocol, WSAPROTOCOL_LEN, L"%ls", file_name(tracer_path));
    host_catalog_entry *chain = append(cat, &served, tracer_path);
    chain->info.ProviderId = host_guid(cat->count, GUID_CHAIN);
    chain->info.dwCatalogEntryId = next_id + 1;
    WSAPROTOCOLCHAIN *c = &chain->info.ProtocolChain;
    BOOL base = below->ChainLen == BASE_PROTOCOL;
    c->ChainLen = base ? 2 : below->ChainLen + 1;
    c->ChainEntries[0] = next_id;
    if (base)
        c->ChainEntries[1] = served.dwCatalogEntryId;
    else
        memcpy(&c->ChainEntries[1], below->ChainEntries, below->ChainLen * sizeof(DWORD));
    swprintf(chain->info.szProtocol, WSAPROTOCOL_LEN, L"%ls over [%ls]", file_name(tracer_path),
             served.szProtocol);
    cat->served_index = cat->count - 1;
    return TRUE;
}

BOOL host_catalog_load_packed(host_catalog *cat, const WCHAR *file, const host_dll_map *maps,
                              int map_count, DWORD served_id, const WCHAR *tracer_path,
                              char *why, size_t why_len)
{
    ZeroMemory(cat, sizeof *cat);
    if (!read_packed(cat, file, maps, map_count, why, why_len))
        return FALSE;
    const host_catalog_entry *served = host_catalog_find_id(cat, served_id);
    if (!served || served->info.ProtocolChain.ChainLen == LAYERED_PROTOCOL)
        return snprintf(why, why_len, "%ls has no %s entry %lu to serve", file,
                        served ? "protocol chain or base" : "catalog", served_id), FALSE;
    cat->served_index = (int)(served - cat->entries);
    const WSAPROTOCOLCHAIN *chain = &served->info.ProtocolChain;
    const host_catalog_entry *base =
        chain->ChainLen > BASE_PROTOCOL ? host_catalog_find_id(cat, chain->ChainEntries[chain->ChainLen - 1])
                                        : served;
    if (!base)
        return snprintf(why, why_len, "entry %lu's chain ends in entry %lu, which %ls lacks",
                        served_id, chain->ChainEntries[chain->ChainLen - 1], file), FALSE;
    cat->base_index = (int)(base - cat->entries);
    return !tracer_path || add_tracer(cat, tracer_path, why, why_len);
}

int host_catalog_chain_paths(const host_catalog *cat, WCHAR paths[][MAX_PATH])
{
    const host_catalog_entry *served = &cat->entries[cat->served_index];
    const WSAPROTOCOLCHAIN *chain = &served->info.ProtocolChain;
    if (chain->ChainLen <= BASE_PROTOCOL) {
        wcscpy(paths[0], served->provider_path);
        return 1;
    }
    int count = 0;
    for (int i = 0; i < chain->ChainLen && i < MAX_PROTOCOL_CHAIN; i++) {
        const host_catalog_entry *e = host_catalog_find_id(cat, chain->ChainEntries[i]);
        wcscpy(paths[count++], e ? e->provider_path : L"");
    }
    return count;
}

const host_catalog_entry *host_catalog_find_id(const host_catalog *cat, DWORD entry_id)
{
    for (int i = 0; i < cat->count; i++)
        if (cat->entries[i].info.dwCatalogEntryId == entry_id)
            return &cat->entries[i];
    return NULL;
}

const host_catalog_entry *host_catalog_find_guid(const host_catalog *cat, const GUID *id)
{
    for (int i = 0; i < cat->count; i++)
        if (IsEqualGUID(&cat->entries[i].info.ProviderId, id))
            return &cat->entries[i];
    return NULL;
}

int host_catalog_provider_path(const host_catalog *cat, const GUID *id, WCHAR *path,
                               LPINT path_len, LPINT lpErrno)
{
    const host_catalog_entry *e = id && path_len ? host_catalog_find_guid(cat, id) : NULL;
    if (!e) {
        if (lpErrno)
            *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    int needed = (int)wcslen(e->provider_path) + 1;
    if (!path || *path_len < needed) {
        *path_len = needed;
        if (lpErrno)
            *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    memcpy(path, e->provider_path, needed * sizeof(WCHAR));
    *path_len = needed - 1;
    return 0;
}

void host_catalog_describe(const host_catalog *cat, DWORD entry_id, char *text, size_t len)
{
    const host_catalog_entry *e = host_catalog_find_id(cat, entry_id);
    if (!e) {
        snprintf(text, len, "entry %lu (not in the host catalog)", entry_id);
        return;
    }
    const WSAPROTOCOLCHAIN *chain = &e->info.ProtocolChain;
    if (chain->ChainLen <= BASE_PROTOCOL) {
        snprintf(text, len, "%ls (entry %lu)", file_name(e->provider_path), entry_id);
        return;
    }
    size_t used = (size_t)snprintf(text, len, "chain entry %lu [", entry_id);
    for (int i = 0; i < chain->ChainLen && used < len; i++) {
        const host_catalog_entry *member = host_catalog_find_id(cat, chain->ChainEntries[i]);
        used += (size_t)snprintf(text + used, len - used, "%s%ls", i ? ", " : "",
                                 member ? file_name(member->provider_path) : L"?");
    }
    if (used < len)
        snprintf(text + used, len - used, "]");
}
