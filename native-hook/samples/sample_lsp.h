/* The layered sample LSP (sample_lsp.c, sample_lsp_calls.c), written the way shipping
 * non-IFS LSPs are: its GUID compiled in; at WSPStartup it finds its layered entry through
 * WSCEnumProtocols, its position in the chain it serves, the next entry, loads that provider
 * (WSCGetProviderPath, ExpandEnvironmentStringsW, LoadLibraryW) and starts it; it wraps every
 * socket of the provider below in a handle of its own (WPUCreateSocketHandle, context = its
 * record of the lower socket) and translates its handles on every call.
 *
 * Built twice: sample_lsp.dll (GUID ...0a01) and sample_lsp2.dll (SAMPLE_LSP_INSTANCE=2, GUID
 * ...0a02), so that two LSPs can be stacked in one process. */
#ifndef SAMPLE_LSP_H
#define SAMPLE_LSP_H

#include <winsock2.h>
#include <ws2spi.h>

#ifndef SAMPLE_LSP_INSTANCE
#define SAMPLE_LSP_INSTANCE 1
#endif

/* {5a3c1e70-2b4d-4e8f-9a1b-6c7d8e9f0a0N}, N = SAMPLE_LSP_INSTANCE. */
#define SAMPLE_LSP_GUID_INIT \
    { 0x5a3c1e70, 0x2b4d, 0x4e8f, { 0x9a, 0x1b, 0x6c, 0x7d, 0x8e, 0x9f, 0x0a, SAMPLE_LSP_INSTANCE } }

/* When this variable holds a GUID ({xxxxxxxx-xxxx-...}), the LSP finds itself by it instead of
 * its compiled-in one: it then stands in for another vendor's LSP in a customer's catalog laid
 * out by wpuhost --catalog-from. */
#define SAMPLE_ENV_LSP_GUID L"WPUSCOPE_SAMPLE_LSP_GUID"

/* When this variable is set, the LSP makes three deliberate mistakes, for the tests: its
 * WSPCloseSocket queries the context of the lower provider's handle (not its own) and closes
 * the lower provider's handle with WPUCloseSocketHandle instead of its own (which then leaks);
 * its WSPIoctl answers SIO_BASE_HANDLE with its own handle instead of passing it down to the
 * base provider (a known mistake of real LSPs: the application then hands the LSP's handle to
 * code that needs the base provider's). */
#define SAMPLE_ENV_LSP_BUGS L"WPUSCOPE_SAMPLE_LSP_BUGS"

/* The provider below, as WSPStartup found and started it. */
extern WSPPROC_TABLE lsp_lower;
/* The upcall table the LSP got (and passed on unchanged). */
extern WSPUPCALLTABLE lsp_up;
/* SAMPLE_ENV_LSP_BUGS was set at WSPStartup. */
extern BOOL lsp_bugs;

/* The lower socket of one of the LSP's handles (WPUQuerySocketHandleContext, falling back to
 * the LSP's own records when the query fails); INVALID_SOCKET and WSAENOTSOCK when s is not
 * one of its handles. */
SOCKET lsp_lower_socket(SOCKET s, LPINT err);
/* A handle of the LSP's own over a new lower socket (closes the lower socket when it cannot
 * make one). */
SOCKET lsp_wrap(SOCKET lower, LPINT err);

/* Fills every entry of the proc table but WSPSocket, WSPCloseSocket, WSPCleanup (the LSP's
 * own, in sample_lsp.c) with functions that translate the handles and call the lower
 * provider. */
void lsp_fill_pass_through(LPWSPPROC_TABLE table);

/* WSPAsyncSelect of the LSP's handle own over lower (sample_lsp_async.c): the lower provider
 * posts to the LSP's window, the LSP posts on to hwnd with own. */
int lsp_register_async_select(SOCKET own, SOCKET lower, HWND hwnd, UINT msg, long events,
                              LPINT err);
/* Drops own's registration (its close). */
void lsp_async_forget(SOCKET own);
/* Stops the LSP's window thread (the last WSPCleanup). */
void lsp_async_stop(void);

#endif
