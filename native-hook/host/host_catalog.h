/* The in-process catalog wpuhost.exe builds for the chain it hosts, as ws2_32 would have it
 * installed: one layered (ChainLen 0) entry per layer, the base provider (ChainLen 1) and the
 * protocol chain over them. It is written to a wputrace_catalog_record file and named by
 * WPUSCOPE_CATALOG, so that the tracer's catalog lookup sees the same entries. */
#ifndef HOST_CATALOG_H
#define HOST_CATALOG_H

#include "../dll/wputrace.h"

#define HOST_MAX_LAYERS (MAX_PROTOCOL_CHAIN - 1)

typedef struct host_catalog {
    int count;                       /* records used: layers, base, chain */
    wputrace_catalog_record records[MAX_PROTOCOL_CHAIN + 1];
    int chain_index;                 /* the protocol chain entry */
    int base_index;                  /* the base provider entry */
} host_catalog;

/* paths[0] is the top of the chain, paths[count-1] the base provider; tracer_first says that
 * paths[0] is wputrace.dll (it then gets the tracer's ProviderId). Returns FALSE when the
 * chain is too long. */
BOOL host_catalog_build(host_catalog *cat, WCHAR paths[][MAX_PATH], int count, BOOL tracer_first,
                        BOOL ifs);

/* Writes the records to file; FALSE on an I/O error. */
BOOL host_catalog_write(const host_catalog *cat, const WCHAR *file);

/* The provider path of a ProviderId of the catalog; FALSE when it is not there. */
BOOL host_catalog_path(const host_catalog *cat, const GUID *id, const WCHAR **path);

#endif
