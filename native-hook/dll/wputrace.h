/* Public contract of wputrace.dll, the wpuscope tracing layered service provider: its
 * provider GUID, its configuration (registry and environment) and the proc-table check it
 * shares with wpuhost.exe. See native-hook/README.md. */
#ifndef WPUTRACE_H
#define WPUTRACE_H

#include <winsock2.h>
#include <ws2spi.h>

/* ProviderId of the tracer's layered (ChainLen 0) catalog entry. The installer registers the
 * tracer under this GUID; WSPStartup finds its own position in a chain by it. */
#define WPUTRACE_PROVIDER_GUID_INIT \
    { 0x7c3f9a52, 0x4e1d, 0x4b8a, { 0x9d, 0x61, 0x2f, 0x0b, 0x5e, 0xa4, 0xc8, 0x13 } }

/* Configuration: HKLM\SOFTWARE\wpuscope\Tracer, each value overridden by its variable. */
#define WPUTRACE_REG_KEY L"SOFTWARE\\wpuscope\\Tracer"
#define WPUTRACE_ENV_ENABLED L"WPUSCOPE_TRACE_ENABLED" /* Enabled  DWORD 0/1, default 1 */
#define WPUTRACE_ENV_SINK L"WPUSCOPE_TRACE_SINK"       /* Sink     "pipe" (default) or "file" */
#define WPUTRACE_ENV_FILE L"WPUSCOPE_TRACE_FILE"       /* Path     capture file, %p = pid */
#define WPUTRACE_ENV_PIPE L"WPUSCOPE_TRACE_PIPE"       /* PipeName default below */
#define WPUTRACE_ENV_INCLUDE L"WPUSCOPE_TRACE_INCLUDE" /* Include  image names, ';' separated */
#define WPUTRACE_ENV_EXCLUDE L"WPUSCOPE_TRACE_EXCLUDE" /* Exclude  image names, ';' separated */
/* TraceDowncalls  DWORD 0/1, default 1: record the WSP* calls into the next provider */
#define WPUTRACE_ENV_DOWNCALLS L"WPUSCOPE_TRACE_DOWNCALLS"
/* DowncallFunctions  function names (WSPSend;WSPRecv), ';' separated; empty = all */
#define WPUTRACE_ENV_DOWNCALL_FUNCTIONS L"WPUSCOPE_TRACE_DOWNCALL_FUNCTIONS"
/* CaptureBytes  DWORD, default 0, at most 256: bytes of data kept per send/receive */
#define WPUTRACE_ENV_CAPTURE_BYTES L"WPUSCOPE_TRACE_CAPTURE_BYTES"
#define WPUTRACE_DEFAULT_PIPE L"\\\\.\\pipe\\wpuscope-trace"

/* Whether a provider's WSPStartup set every entry of its WSPPROC_TABLE, as ws2_32 (and a
 * well-written layered provider above it) requires; otherwise it fails with
 * WSAEINVALIDPROCTABLE. Shared by the tracer and wpuhost.exe. */
static inline int wputrace_proc_table_complete(const WSPPROC_TABLE *table)
{
    const void *const *entry = (const void *const *)table;
    for (size_t i = 0; i < sizeof *table / sizeof *entry; i++)
        if (!entry[i])
            return 0;
    return 1;
}

#endif
