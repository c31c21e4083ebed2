/* ws2_32's catalog functions answered from the host catalog, for every module of the host
 * process: WSCEnumProtocols, WSCEnumProtocols32, WSCGetProviderPath, WSCGetProviderPath32,
 * WSAEnumProtocolsW, WSAEnumProtocolsA, WSCGetProviderInfo, WSCGetProviderInfo32, those that
 * this ws2_32 exports. Installed by redirecting ws2_32's exports (export_redirect.h) before any
 * provider is loaded. */
#ifndef HOST_WS2_CATALOG_H
#define HOST_WS2_CATALOG_H

#include <stdio.h>

#include "host_catalog.h"

/* Loads ws2_32.dll, keeps it loaded, and makes its catalog functions answer from cat (which
 * must outlive the process's use of them). Prints which functions now answer from the host
 * catalog and which this ws2_32 does not export. FALSE (and why, on out) when it cannot. */
BOOL host_ws2_catalog_install(const host_catalog *cat, FILE *out);

#endif
