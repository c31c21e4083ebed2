/* The sample base provider's inside, shared by its files (sample_provider.c: startup and the
 * upcall scenarios; sample_net.c: sockets and the in-memory loopback network; sample_worker.c:
 * the worker thread and overlapped completions; sample_spi*.c: the WSP* functions).
 *
 * The network: every socket of the provider lives in one table in this process. A connect to
 * the address of a listening socket of the table queues a connection that WSPAccept hands out;
 * a connect to the socket's own address connects it to itself (what it sends comes back to its
 * recv). Data goes into the peer's inbox at once; nothing leaves the process. */
#ifndef SAMPLE_BASE_H
#define SAMPLE_BASE_H

#include "sample_api.h"

#ifndef SAMPLE_IFS
#define SAMPLE_IFS 0
#endif

#define SAMPLE_MAX_SOCKETS 256
#define SAMPLE_INBOX 8192
#define SAMPLE_MAX_OP_BUFFERS 4
/* How long a blocking call waits for the loopback network before WSAETIMEDOUT. */
#define SAMPLE_BLOCKING_WAIT_MS 5000

extern WSPUPCALLTABLE sample_up;

typedef enum { SOCKET_FRESH, SOCKET_BOUND, SOCKET_LISTENING, SOCKET_CONNECTED } socket_state;

/* One overlapped request, from WSPSend/WSPRecv/WSPIoctl until its completion is delivered. */
typedef struct sample_op {
    BOOL used;
    SOCKET handle;                     /* the provider's handle the request was made on */
    LPWSAOVERLAPPED ov;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine;
    WSATHREADID thread;                /* copied, as the SPI asks (the pointer is the caller's) */
    WSABUF buffers[SAMPLE_MAX_OP_BUFFERS]; /* a pending receive's buffers */
    DWORD buffer_count;
    DWORD error, bytes;
} sample_op;

typedef struct sample_socket {
    BOOL used;
    DWORD magic;
    SOCKET handle;                  /* INVALID_SOCKET until handed out */
    DWORD entry;                    /* catalog entry id the handle is made for */
    BOOL buggy;                     /* SAMPLE_ENV_SPI_BUGS was set when it was made */
    socket_state state;
    struct sockaddr_in local, remote;
    struct sample_socket *peer;     /* the other end (itself when self-connected) */
    struct sample_socket *listener; /* a connection not yet accepted: its listening socket */
    unsigned long accept_order;     /* FIFO order of the connections waiting for WSPAccept */
    int backlog;
    BOOL peer_gone;                 /* the peer shut down sending or closed: recv sees EOF */
    BOOL send_shut, recv_shut, nonblocking;
    int rcvbuf, sndbuf;
    BOOL keepalive, nodelay;
    BYTE inbox[SAMPLE_INBOX];
    DWORD inbox_len;
    HWND hwnd;                      /* WSPAsyncSelect registration */
    UINT msg;
    LONG async_events;
    WSAEVENT event;                 /* WSPEventSelect registration */
    LONG event_events, network_events;
    int event_errors[FD_MAX_EVENTS];
    sample_op *pending_recv;
} sample_socket;

/* Events a call must set after it released the lock (event-select signalling). */
typedef struct sample_effects {
    WSAEVENT set[8];
    int set_count;
} sample_effects;

/* ---- sample_net.c: the table, handles and the loopback network ---- */
/* *err = error; returns SOCKET_ERROR. */
int sample_fail(LPINT err, int error);
void sample_lock(void);
void sample_unlock(void);
/* Waits (lock held) until another call changed the network or ms passed; FALSE on timeout. */
BOOL sample_wait_change(DWORD ms);

/* A new socket with a handle for catalog entry `entry` (WPUCreateSocketHandle, or an IFS
 * handle registered with WPUModifyIFSHandle); INVALID_SOCKET and *err on failure. */
SOCKET sample_open(DWORD entry, int *err);
/* Hands out a handle for a socket of the table (WSPAccept's new connection). */
BOOL sample_give_handle(sample_socket *so, int *err);
/* The socket of handle s (WPUQuerySocketHandleContext for a non-IFS provider, the table as a
 * fallback and for IFS handles), or NULL with *err = WSAENOTSOCK. */
sample_socket *sample_find(SOCKET s, int *err);
/* WSPCloseSocket: the handle (WPUCloseSocketHandle / CloseHandle), the connection (the peer
 * sees EOF and FD_CLOSE), a pending receive (completed with WSA_OPERATION_ABORTED). */
int sample_close(SOCKET s, int *err);
/* Under the lock: a socket of the table without a handle yet, or NULL when it is full. */
sample_socket *sample_socket_new_locked(DWORD entry, BOOL buggy);
void sample_socket_free_locked(sample_socket *so);
/* Every socket of the table that has a handle (lock held), in table order; returns the count. */
int sample_sockets_with_handles(sample_socket **out, int max);
/* Connections waiting for WSPAccept on listener (lock held); *oldest: the next to accept. */
int sample_waiting_connections(const sample_socket *listener, sample_socket **oldest);
/* Whether SAMPLE_ENV_SPI_BUGS is set now. */
BOOL sample_bugs_wanted(void);

/* Under the lock: a network event on so: a message to post (WSPAsyncSelect), a network event to
 * record and an event to set after unlocking (WSPEventSelect). */
void sample_fire(sample_socket *so, LONG event, int error, sample_effects *fx);
/* Sets the events collected (after unlocking). */
void sample_apply(sample_effects *fx);
/* Under the lock: appends data to so's inbox (at most what fits); completes a receive pending
 * on so or fires FD_READ. Returns the bytes taken. */
DWORD sample_deliver(sample_socket *so, const WSABUF *buffers, DWORD count, sample_effects *fx);
/* Under the lock: moves up to the buffers' size from so's inbox into them (peek: leaves it). */
DWORD sample_take(sample_socket *so, const WSABUF *buffers, DWORD count, BOOL peek);
/* Under the lock: ends so's connection (peer sees EOF + FD_CLOSE). */
void sample_disconnect(sample_socket *so, sample_effects *fx);

/* Declares `so` for handle s, or returns failure from the calling WSP function. */
#define SAMPLE_FIND_OR_FAIL(so, s, err, failure)   \
    sample_socket *so = sample_find((s), (err));   \
    if (!so)                                       \
        return (failure)

/* ---- sample_worker.c: the worker thread and overlapped completions ---- */
/* Under the lock: a free overlapped request for handle s, or NULL. */
sample_op *sample_op_new_locked(SOCKET s, LPWSAOVERLAPPED ov,
                                LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                                const LPWSATHREADID thread);
/* Under the lock: the worker posts this message later (WPUPostMessage from its thread). */
void sample_worker_post(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam);
/* Under the lock: the worker completes this request later. */
void sample_worker_complete(sample_op *op);
/* Completes a request on this thread now: WPUQueueApc when it has a completion routine, else
 * WPUCompleteOverlappedRequest (non-IFS) or the WSAOVERLAPPED's event set (IFS, as the kernel
 * does for an IFS handle). Not under the lock. */
void sample_complete_now(sample_op *op);
/* Under the lock: drops a request that will never be completed (the SPI bugs). */
void sample_op_drop_locked(sample_op *op);
/* The last WSPCleanup: stops the worker (what it had not done yet is dropped). */
void sample_worker_stop(void);

/* ---- sample_spi*.c: the proc table ---- */
void sample_fill_connection(LPWSPPROC_TABLE t); /* sample_spi.c */
void sample_fill_data(LPWSPPROC_TABLE t);       /* sample_spi_data.c */
void sample_fill_notify(LPWSPPROC_TABLE t);     /* sample_spi_notify.c */

#endif
