#include "host_ws2_catalog.h"

#include <stddef.h>
#include <string.h>

#include "export_redirect.h"

static const host_catalog *catalog;

/* The entries an enumeration returns: every one (WSCEnumProtocols) or all but layered ones
 * (WSAEnumProtocols), filtered by a 0-terminated protocol list when given. */
static BOOL listed(const WSAPROTOCOL_INFOW *info, const INT *protocols, BOOL layered_too)
{
    if (!layered_too && info->ProtocolChain.ChainLen == LAYERED_PROTOCOL)
        return FALSE;
    if (!protocols)
        return TRUE;
    for (const INT *p = protocols; *p; p++)
        if (*p == info->iProtocol)
            return TRUE;
    return FALSE;
}

typedef void (*copy_entry_fn)(void *to, const WSAPROTOCOL_INFOW *from);

static void copy_wide(void *to, const WSAPROTOCOL_INFOW *from) { memcpy(to, from, sizeof *from); }

static void copy_ansi(void *to, const WSAPROTOCOL_INFOW *from)
{
    WSAPROTOCOL_INFOA *a = to;
    memcpy(a, from, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    WideCharToMultiByte(CP_ACP, 0, from->szProtocol, -1, a->szProtocol, sizeof a->szProtocol,
                        NULL, NULL);
    a->szProtocol[sizeof a->szProtocol - 1] = '\0';
}

/* ws2_32's enumeration: the number of entries, or SOCKET_ERROR with *error = WSAENOBUFS and
 * the size needed in *length when the buffer is missing or too small (WSAEFAULT without a
 * length). */
static int enumerate(const INT *protocols, BOOL layered_too, void *buffer, size_t entry_size,
                     copy_entry_fn copy, LPDWORD length, int *error)
{
    if (!length)
        return *error = WSAEFAULT, SOCKET_ERROR;
    int count = 0;
    for (int i = 0; i < catalog->count; i++)
        count += listed(&catalog->entries[i].info, protocols, layered_too);
    DWORD needed = (DWORD)(count * entry_size);
    if (!buffer || *length < needed) {
        *length = needed;
        return *error = WSAENOBUFS, SOCKET_ERROR;
    }
    BYTE *to = buffer;
    for (int i = 0; i < catalog->count; i++)
        if (listed(&catalog->entries[i].info, protocols, layered_too)) {
            copy(to, &catalog->entries[i].info);
            to += entry_size;
        }
    return count;
}

static int WSPAPI host_WSCEnumProtocols(LPINT protocols, LPWSAPROTOCOL_INFOW buffer,
                                        LPDWORD length, LPINT lpErrno)
{
    int error = 0;
    int n = enumerate(protocols, TRUE, buffer, sizeof *buffer, copy_wide, length, &error);
    if (n == SOCKET_ERROR && lpErrno)
        *lpErrno = error;
    return n;
}

/* WSAEnumProtocols: no layered entries, errors reported through WSASetLastError. */
static int wsa_enumerate(const INT *protocols, void *buffer, size_t entry_size,
                         copy_entry_fn copy, LPDWORD length)
{
    int error = 0;
    int n = enumerate(protocols, FALSE, buffer, entry_size, copy, length, &error);
    if (n == SOCKET_ERROR)
        WSASetLastError(error);
    return n;
}

static int WSAAPI host_WSAEnumProtocolsW(LPINT protocols, LPWSAPROTOCOL_INFOW buffer,
                                         LPDWORD length)
{
    return wsa_enumerate(protocols, buffer, sizeof *buffer, copy_wide, length);
}

static int WSAAPI host_WSAEnumProtocolsA(LPINT protocols, LPWSAPROTOCOL_INFOA buffer,
                                         LPDWORD length)
{
    return wsa_enumerate(protocols, buffer, sizeof *buffer, copy_ansi, length);
}

static int WSPAPI host_WSCGetProviderPath(LPGUID id, WCHAR *path, LPINT path_len,
                                          LPINT lpErrno)
{
    return host_catalog_provider_path(catalog, id, path, path_len, lpErrno);
}

/* The LSP categories of a provider: none (an installer that did not call WSCSetProviderInfo
 * leaves none); other kinds of information are not offered (WSAEINVAL). */
static int WSPAPI host_WSCGetProviderInfo(LPGUID id, WSC_PROVIDER_INFO_TYPE type, PBYTE info,
                                          size_t *size, DWORD flags, LPINT lpErrno)
{
    int error = !id || !host_catalog_find_guid(catalog, id) ||
                type != ProviderInfoLspCategories || flags ? WSAEINVAL
                : !size || !info || *size < sizeof(DWORD) ? WSAEFAULT : 0;
    if (error == WSAEFAULT && size)
        *size = sizeof(DWORD);
    if (error) {
        if (lpErrno)
            *lpErrno = error;
        return SOCKET_ERROR;
    }
    *(DWORD *)info = 0;
    *size = sizeof(DWORD);
    return 0;
}

BOOL host_ws2_catalog_install(const host_catalog *cat, FILE *out)
{
    catalog = cat;
    export_redirect list[] = {
        {"WSCEnumProtocols", (FARPROC)host_WSCEnumProtocols, FALSE},
        {"WSCEnumProtocols32", (FARPROC)host_WSCEnumProtocols, FALSE},
        {"WSCGetProviderPath", (FARPROC)host_WSCGetProviderPath, FALSE},
        {"WSCGetProviderPath32", (FARPROC)host_WSCGetProviderPath, FALSE},
        {"WSAEnumProtocolsW", (FARPROC)host_WSAEnumProtocolsW, FALSE},
        {"WSAEnumProtocolsA", (FARPROC)host_WSAEnumProtocolsA, FALSE},
        {"WSCGetProviderInfo", (FARPROC)host_WSCGetProviderInfo, FALSE},
        {"WSCGetProviderInfo32", (FARPROC)host_WSCGetProviderInfo, FALSE},
    };
    int count = (int)(sizeof list / sizeof list[0]);
    char error[200];
    HMODULE ws2 = LoadLibraryW(L"ws2_32.dll");
    if (!ws2)
        return fprintf(out, "wpuhost: cannot load ws2_32.dll (error %lu)\n", GetLastError()),
               FALSE;
    if (!export_redirect_apply(ws2, list, count, error, sizeof error))
        return fprintf(out, "wpuhost: cannot answer ws2_32's catalog functions: %s\n", error),
               FALSE;
    fputs("host catalog answers:", out);
    for (int i = 0; i < count; i++)
        if (list[i].redirected)
            fprintf(out, " %s", list[i].name);
    fputs("\nnot exported by this ws2_32:", out);
    for (int i = 0; i < count; i++)
        if (!list[i].redirected)
            fprintf(out, " %s", list[i].name);
    fputs("\n", out);
    return TRUE;
}
