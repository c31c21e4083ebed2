#include "host_catalog.h"

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

static host_catalog_entry *add(host_catalog *cat, const WSAPROTOCOL_INFOW *like,
                               const WCHAR *path, GUID id, int chain_len)
{
    host_catalog_entry *e = &cat->entries[cat->count];
    ZeroMemory(e, sizeof *e);
    if (like)
        e->info = *like;
    wcsncpy(e->provider_path, path, MAX_PATH - 1);
    e->info.ProviderId = id;
    e->info.dwCatalogEntryId = HOST_FIRST_ENTRY_ID + cat->count++;
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
