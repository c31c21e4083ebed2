#include "host_catalog.h"

#include <stdio.h>
#include <wchar.h>

#define LAYER_ID_BASE 1001
#define BASE_ID 1101
#define CHAIN_ID 1201

static const GUID tracer_guid = WPUTRACE_PROVIDER_GUID_INIT;

/* ProviderIds of the non-tracer entries: {6b1c2d00+n-1111-4222-8333-77686f737400}. */
static GUID host_guid(int n)
{
    GUID g = {0x6b1c2d00u + (unsigned)n, 0x1111, 0x4222,
              {0x83, 0x33, 'w', 'h', 'o', 's', 't', 0}};
    return g;
}

static const WCHAR *file_name(const WCHAR *path)
{
    const WCHAR *slash = wcsrchr(path, L'\\');
    return slash ? slash + 1 : path;
}

static wputrace_catalog_record *add(host_catalog *cat, const WCHAR *path, GUID id,
                                    DWORD entry_id, int chain_len)
{
    wputrace_catalog_record *r = &cat->records[cat->count++];
    ZeroMemory(r, sizeof *r);
    wcsncpy(r->provider_path, path, MAX_PATH - 1);
    r->info.ProviderId = id;
    r->info.dwCatalogEntryId = entry_id;
    r->info.ProtocolChain.ChainLen = chain_len;
    r->info.iVersion = 2;
    r->info.iAddressFamily = AF_INET;
    r->info.iMaxSockAddr = sizeof(struct sockaddr_in);
    r->info.iMinSockAddr = sizeof(struct sockaddr_in);
    r->info.iSocketType = SOCK_STREAM;
    r->info.iProtocol = IPPROTO_TCP;
    r->info.iNetworkByteOrder = BIGENDIAN;
    r->info.dwServiceFlags1 = XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE;
    return r;
}

BOOL host_catalog_build(host_catalog *cat, WCHAR paths[][MAX_PATH], int count, BOOL tracer_first,
                        BOOL ifs)
{
    if (count < 1 || count > MAX_PROTOCOL_CHAIN)
        return FALSE;
    ZeroMemory(cat, sizeof *cat);
    DWORD ifs_flag = ifs ? XP1_IFS_HANDLES : 0;
    int layers = count - 1;
    for (int i = 0; i < layers; i++) {
        wputrace_catalog_record *r = add(cat, paths[i], tracer_first && i == 0 ? tracer_guid
                                                                               : host_guid(i),
                                         LAYER_ID_BASE + i, LAYERED_PROTOCOL);
        swprintf(r->info.szProtocol, WSAPROTOCOL_LEN, L"%ls [layered]", file_name(paths[i]));
    }
    cat->base_index = cat->count;
    wputrace_catalog_record *base = add(cat, paths[layers], host_guid(layers), BASE_ID,
                                        BASE_PROTOCOL);
    base->info.dwServiceFlags1 |= ifs_flag;
    swprintf(base->info.szProtocol, WSAPROTOCOL_LEN, L"%ls", file_name(paths[layers]));
    if (layers == 0) {
        cat->chain_index = cat->base_index;
        return TRUE;
    }
    /* The chain entry: installed by the top layer, so it carries the top layer's GUID and path. */
    cat->chain_index = cat->count;
    wputrace_catalog_record *chain = add(cat, paths[0], cat->records[0].info.ProviderId,
                                         CHAIN_ID, count);
    chain->info.dwServiceFlags1 |= ifs_flag;
    for (int i = 0; i < layers; i++)
        chain->info.ProtocolChain.ChainEntries[i] = LAYER_ID_BASE + i;
    chain->info.ProtocolChain.ChainEntries[layers] = BASE_ID;
    swprintf(chain->info.szProtocol, WSAPROTOCOL_LEN, L"%ls over %ls", file_name(paths[0]),
             file_name(paths[layers]));
    return TRUE;
}

BOOL host_catalog_write(const host_catalog *cat, const WCHAR *file)
{
    HANDLE h = CreateFileW(file, GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS,
                           FILE_ATTRIBUTE_TEMPORARY, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return FALSE;
    DWORD size = (DWORD)(cat->count * sizeof cat->records[0]), written = 0;
    BOOL ok = WriteFile(h, cat->records, size, &written, NULL) && written == size;
    return CloseHandle(h) && ok;
}

BOOL host_catalog_path(const host_catalog *cat, const GUID *id, const WCHAR **path)
{
    for (int i = 0; i < cat->count; i++)
        if (IsEqualGUID(&cat->records[i].info.ProviderId, id)) {
            *path = cat->records[i].provider_path;
            return TRUE;
        }
    return FALSE;
}
