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
#define HOST_MAX_ENTRIES 256 /* a real catalog has 20 to 60 entries per bitness */

typedef struct host_catalog_entry {
    WSAPROTOCOL_INFOW info;         /* the catalog entry, 628 bytes */
    WCHAR provider_path[MAX_PATH];  /* its DLL path, as the installer wrote it */
} host_catalog_entry;

typedef struct host_catalog {
    int count;
    host_catalog_entry entries[HOST_MAX_ENTRIES]; /* base, then layered + chain per layer */
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

/* --dll NAME=PATH of --catalog-from: the local DLL that stands in for a catalog entry's DLL
 * whose file name is NAME (compared without case). */
typedef struct host_dll_map {
    WCHAR name[MAX_PATH];
    WCHAR path[MAX_PATH];
} host_dll_map;

/* Lays out the catalog as a customer's machine has it: file holds its entries in provider order,
 * each the registry's 888-byte PackedCatalogItem (`wpuscope catalog --packed FILE export.reg`
 * writes it), ids and GUIDs kept; a DLL path whose file name maps gets the local path. The
 * entry served is served_id; with tracer_path, the tracer's layered entry and its chain over
 * served_id are added, as the tracer's installer adds them, and served instead. FALSE (why says
 * it) when the file is unreadable or not whole, or served_id is not an entry or cannot take the
 * tracer. */
BOOL host_catalog_load_packed(host_catalog *cat, const WCHAR *file, const host_dll_map *maps,
                              int map_count, DWORD served_id, const WCHAR *tracer_path,
                              char *why, size_t why_len);

/* The DLL paths of the served entry's chain, top first (the served entry's own for a base
 * provider); returns how many (at most MAX_PROTOCOL_CHAIN). */
int host_catalog_chain_paths(const host_catalog *cat, WCHAR paths[][MAX_PATH]);

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
