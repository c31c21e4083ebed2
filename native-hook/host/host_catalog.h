/* The in-process catalog wpuhost.exe builds for the chain it hosts, laid out as installers
 * write one: the base provider (ChainLen 1), and for each layer, from the bottom up, its
 * layered entry (ChainLen 0, the layer's own GUID, hidden) and the protocol chain it installed
 * over what lies below it ([layer, ..., base], a GUID of its own, the layer's DLL path). The
 * top layer's chain is the entry the host serves. Entry ids start at HOST_FIRST_ENTRY_ID, far
 * from the ids real catalogs use (1001 up). Every hosted module reads it through ws2_32's
 * catalog functions (host_catalog_api.c). */
#ifndef HOST_CATALOG_H
#define HOST_CATALOG_H

#include <winsock2.h>
#include <ws2spi.h>

#define HOST_MAX_LAYERS (MAX_PROTOCOL_CHAIN - 1)
#define HOST_FIRST_ENTRY_ID 50001

typedef struct host_catalog_entry {
    WSAPROTOCOL_INFOW info;         /* the catalog entry, 628 bytes */
    WCHAR provider_path[MAX_PATH];  /* its DLL path, as the installer wrote it */
} host_catalog_entry;

typedef struct host_catalog {
    int count;
    host_catalog_entry entries[1 + 2 * HOST_MAX_LAYERS]; /* base, then layered + chain per layer */
    int served_index;                /* the entry the host serves: the top chain, or the base */
    int base_index;                  /* the base provider entry */
} host_catalog;

/* A layer of the hosted chain: its DLL and the GUID of its layered entry. */
typedef struct host_layer {
    const WCHAR *path;
    GUID id;
} host_layer;

/* The GUID of the layered entry of layer number position (0 the tracer, 1 the first LAYER.dll
 * argument, ...) when none is given: {6b1c2d00+position-1111-4222-8333-77686f73744c}. */
GUID host_catalog_default_layer_guid(int position);

/* layers[0] is the top of the chain; ifs says that the handles the base provider (and hence
 * every chain over it) gives out are IFS handles. FALSE when the chain is too long. */
BOOL host_catalog_build(host_catalog *cat, const host_layer *layers, int layer_count,
                        const WCHAR *base_path, BOOL ifs);

const host_catalog_entry *host_catalog_find_id(const host_catalog *cat, DWORD entry_id);
const host_catalog_entry *host_catalog_find_guid(const host_catalog *cat, const GUID *id);

/* ws2_32's provider path of a ProviderId, with the lengths of WPUGetProviderPath and
 * WSCGetProviderPath (native-hook/README.md, "WPUGetProviderPath"): on success 0 and the
 * path's length without its NUL; a buffer too small, WSAEFAULT and the size needed with the
 * NUL; an unknown ProviderId, WSAEINVAL with the length untouched. */
int host_catalog_provider_path(const host_catalog *cat, const GUID *id, WCHAR *path,
                               LPINT path_len, LPINT lpErrno);

/* A name for the provider behind an entry id, for the books and the leak report:
 * "sample_lsp.dll (entry 50002)"; a chain entry names every DLL of its chain. */
void host_catalog_describe(const host_catalog *cat, DWORD entry_id, char *text, size_t len);

#endif
