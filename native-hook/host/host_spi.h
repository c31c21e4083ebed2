/* The SPI conversations wpuhost drives through the proc table at the top of the chain (the
 * tracer's, then each layer's), the way an application's Winsock calls reach a provider
 * through ws2_32: sockets, connections and data over the sample providers' in-memory loopback,
 * names, options, ioctls, select, WSPAsyncSelect messages to the host's window, WSPEventSelect,
 * overlapped requests completed by event and by completion routine (alertable waits), and
 * errors. Each step is a check printed as "  check NAME: passed|FAILED (what was seen)"; each
 * waits for the effect it checks (a message, an event, an APC) before the next call, so the
 * sequence of calls is the same every run. */
#ifndef HOST_SPI_H
#define HOST_SPI_H

#include "../samples/sample_api.h"
#include "host_catalog.h"

/* How long a check waits for an effect that must come (a message, a completion), and how long
 * the misuse checks watch for one that must not. */
#define SPI_EFFECT_WAIT_MS 5000
#define SPI_SILENCE_MS 300

typedef struct spi_session {
    const WSPPROC_TABLE *procs; /* the top of the chain */
    WSAPROTOCOL_INFOW info;     /* the served entry: WSPSocket's protocol info */
    const host_catalog *catalog;
    BOOL ifs;                   /* the base provider's handles are IFS handles */
    HWND window;                /* the host's window and WSAAsyncSelect message */
    UINT message;
    int checks, failures;
} spi_session;

/* host_spi_session.c: the session and the steps every conversation uses. */
spi_session spi_session_of(const WSPPROC_TABLE *procs, const host_catalog *catalog, BOOL ifs,
                           const sample_env *env);
/* Whether a socket handle with this creator (host_socket_creator) is a base provider's: made
 * for a base entry or a protocol chain (the base sees the chain's entry when the layers above
 * pass its protocol info on), not for a layer's own layered entry (nor unknown: 0). */
BOOL spi_made_by_base(const spi_session *t, DWORD creator);
/* Prints one check and counts it; returns ok. */
BOOL spi_check(spi_session *t, BOOL ok, const char *name, const char *detail_fmt, ...);
/* Checks a call that must fail with `wanted` (rc: its result, err: its *lpErrno). */
BOOL spi_check_error(spi_session *t, const char *name, int rc, int err, int wanted);
/* WSPSocket with the served entry's protocol info; INVALID_SOCKET on failure (checked). */
SOCKET spi_socket(spi_session *t, const char *name);
/* WSPCloseSocket (checked), then what ws2_32 does for an IFS handle. */
void spi_close(spi_session *t, SOCKET s, const char *name);
/* 127.0.0.1:port. */
struct sockaddr_in spi_loopback(USHORT port);
/* WSPGetSockName; the zero address when it fails (checked). */
struct sockaddr_in spi_name_of(spi_session *t, SOCKET s, const char *name);
/* A listening socket bound to 127.0.0.1 (an ephemeral port), a client connected to it and the
 * connection accepted (each step checked); FALSE when a step failed (what was made is closed). */
BOOL spi_connect_pair(spi_session *t, SOCKET *listener, SOCKET *client, SOCKET *server);
/* WSPSend of text (not overlapped): the bytes sent, or -1 with *err. */
int spi_send_text(spi_session *t, SOCKET s, const char *text, int *err);
/* WSPRecv into buf (NUL-terminated, not overlapped): the bytes received, or -1 with *err. */
int spi_recv_text(spi_session *t, SOCKET s, char *buf, int cap, int *err);
/* Sends text on one socket and checks that it comes out of the other. */
BOOL spi_check_transfer(spi_session *t, SOCKET from, SOCKET to, const char *text,
                        const char *name);
/* The next message of the host's window within timeout_ms; checks it is (s, event, error). */
BOOL spi_check_message(spi_session *t, SOCKET s, WORD event, WORD error, const char *name);

/* The conversations (one file each); spi_run runs all but the misuse one. */
void spi_stream(spi_session *t);     /* host_spi_stream.c */
void spi_controls(spi_session *t);   /* host_spi_controls.c */
void spi_notify(spi_session *t);     /* host_spi_notify.c */
void spi_overlapped(spi_session *t); /* host_spi_overlapped.c */
BOOL spi_run(spi_session *t);
BOOL spi_run_misuse(spi_session *t); /* host_spi_misuse.c */

#endif
