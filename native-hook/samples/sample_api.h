/* How wpuhost.exe drives the sample providers: besides WSPStartup each sample exports
 *   int WINAPI SampleRunScenario(const char *name, const sample_env *env,
 *                                char *report, int report_len);
 * which makes the upcalls of one named scenario through the upcall table the sample received
 * in WSPStartup (correctly, or for "misuse" deliberately wrongly), writes one line of what it
 * did and saw into report, and returns SAMPLE_OK, SAMPLE_FAILED or SAMPLE_NOT_APPLICABLE. */
#ifndef SAMPLE_API_H
#define SAMPLE_API_H

#include <winsock2.h>
#include <ws2spi.h>

#define SAMPLE_RUN_EXPORT "SampleRunScenario"
/* When this variable is set, a sample's WSPStartup leaves WSPIoctl out of its proc table (the
 * mistake ws2_32 answers with WSAEINVALIDPROCTABLE). */
#define SAMPLE_ENV_INCOMPLETE_PROC_TABLE L"WPUSCOPE_SAMPLE_INCOMPLETE_PROC_TABLE"

/* When this variable is set at a sample base provider's WSPSocket (or WSPConnect, for the
 * connection WSPAccept hands out), the new socket misbehaves, for the tests: its close never
 * calls WPUCloseSocketHandle (non-IFS), its WSPAsyncSelect registration is never answered with
 * a message, and an overlapped receive pending on it is never completed (not when data
 * arrives, not when it is closed). */
#define SAMPLE_ENV_SPI_BUGS L"WPUSCOPE_SAMPLE_SPI_BUGS"

enum { SAMPLE_OK = 0, SAMPLE_FAILED = 1, SAMPLE_NOT_APPLICABLE = 2 };

/* What the host (playing ws2_32 and the application) gives a scenario. */
typedef struct sample_env {
    HWND window;          /* message-only window of the host: WPUPostMessage target */
    UINT message;         /* the WSAAsyncSelect message number to post */
    GUID known_provider;  /* a provider of the host catalog: WPUGetProviderPath must find it */
    GUID unknown_provider;/* a GUID not in the catalog: WPUGetProviderPath must fail */
    unsigned threads;     /* stress: threads */
    unsigned iterations;  /* stress: upcall rounds per thread */
    /* What ws2_32 does for an IFS handle at closesocket: forget it. */
    void (*forget_ifs_handle)(SOCKET s);
} sample_env;

typedef int(WINAPI *sample_run_fn)(const char *name, const sample_env *env, char *report,
                                   int report_len);

/* Fills the entries of a sample base provider's proc table that it does not support
 * (WSPCancelBlockingCall, WSPDuplicateSocket, WSPGetQOSByName, WSPJoinLeaf, WSPRecvDisconnect,
 * WSPSendDisconnect) with functions that fail with WSAEOPNOTSUPP. */
void sample_fill_unsupported(LPWSPPROC_TABLE table);

/* The export itself (defined by each sample). */
int WINAPI SampleRunScenario(const char *name, const sample_env *env, char *report,
                             int report_len);

#endif
