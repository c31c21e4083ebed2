/* The sample base provider's data calls: WSPSend/WSPSendTo put the data into the peer's inbox
 * at once; WSPRecv/WSPRecvFrom take it from the socket's own. Overlapped: a send says
 * WSA_IO_PENDING and the worker completes it; a receive completes at once when data is there
 * (its completion delivered on the calling thread), else it stays pending until data arrives
 * (the worker completes it) or the socket is closed (WSA_OPERATION_ABORTED). A full inbox
 * makes a send fail with WSAEWOULDBLOCK, blocking or not: the loopback does not wait for its
 * reader. */
#include <string.h>

#include "sample_base.h"

static DWORD total_length(const WSABUF *buffers, DWORD count)
{
    DWORD total = 0;
    for (DWORD i = 0; i < count; i++)
        total += buffers[i].len;
    return total;
}

static int send_common(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, LPWSAOVERLAPPED ov,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                       LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if (count && !buffers)
        return sample_fail(err, WSAEFAULT);
    sample_effects fx = {0};
    DWORD n = 0;
    int rc = 0;
    sample_lock();
    sample_op *op = ov ? sample_op_new_locked(s, ov, routine, thread) : NULL;
    if (ov && !op)
        rc = WSAENOBUFS;
    else if (so->state != SOCKET_CONNECTED)
        rc = WSAENOTCONN;
    else if (so->send_shut)
        rc = WSAESHUTDOWN;
    else if (!so->peer)
        rc = WSAECONNRESET;
    else if ((n = sample_deliver(so->peer, buffers, count, &fx)) == 0 &&
             total_length(buffers, count) > 0)
        rc = WSAEWOULDBLOCK;
    if (op && rc == 0) {
        ov->Internal = WSS_OPERATION_IN_PROGRESS;
        op->bytes = n;
        sample_worker_complete(op);
        rc = WSA_IO_PENDING;
    } else if (op) {
        sample_op_drop_locked(op);
    }
    sample_unlock();
    sample_apply(&fx);
    if (rc)
        return sample_fail(err, rc);
    if (sent)
        *sent = n;
    return 0;
}

static int WSPAPI sample_send(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags,
                              LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                              LPWSATHREADID thread, LPINT err)
{
    (void)flags;
    return send_common(s, buffers, count, sent, ov, routine, thread, err);
}

/* A connected stream socket ignores the address, as TCP does. */
static int WSPAPI sample_send_to(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent,
                                 DWORD flags, const struct sockaddr *to, int to_len,
                                 LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                                 LPWSATHREADID thread, LPINT err)
{
    (void)flags, (void)to, (void)to_len;
    return send_common(s, buffers, count, sent, ov, routine, thread, err);
}

/* Waits (lock held) until so can answer a receive; 0 when it can, else the error. */
static int wait_readable(sample_socket *so, BOOL overlapped)
{
    for (;;) {
        if (so->state != SOCKET_CONNECTED)
            return WSAENOTCONN;
        if (so->recv_shut)
            return WSAESHUTDOWN;
        if (so->inbox_len || so->peer_gone)
            return 0;
        if (overlapped)
            return so->pending_recv ? WSAEINPROGRESS : WSA_IO_PENDING;
        if (so->nonblocking)
            return WSAEWOULDBLOCK;
        if (!sample_wait_change(SAMPLE_BLOCKING_WAIT_MS))
            return WSAETIMEDOUT;
    }
}

static int recv_common(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                       LPDWORD flags, struct sockaddr *from, LPINT from_len, LPWSAOVERLAPPED ov,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                       LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, SOCKET_ERROR);
    if ((count && !buffers) || (from && (!from_len || *from_len < (int)sizeof(struct sockaddr_in))))
        return sample_fail(err, WSAEFAULT);
    if (flags && IsBadWritePtr(flags, sizeof *flags)) /* probed, as mswsock does */
        return sample_fail(err, WSAEFAULT);
    BOOL peek = flags && (*flags & MSG_PEEK);
    sample_effects fx = {0};
    DWORD n = 0;
    sample_lock();
    sample_op *op = ov ? sample_op_new_locked(s, ov, routine, thread) : NULL;
    int rc = ov && !op ? WSAENOBUFS : wait_readable(so, ov != NULL);
    if (rc == WSA_IO_PENDING && count > SAMPLE_MAX_OP_BUFFERS)
        rc = WSAENOBUFS;
    if (rc == 0) {
        n = sample_take(so, buffers, count, peek);
        if (so->inbox_len) /* more is there: say so again */
            sample_fire(so, FD_READ, 0, &fx);
    } else if (rc == WSA_IO_PENDING) {
        memcpy(op->buffers, buffers, count * sizeof *buffers);
        op->buffer_count = count;
        so->pending_recv = op;
    }
    if (op && rc != 0 && rc != WSA_IO_PENDING)
        sample_op_drop_locked(op);
    if (op && (rc == 0 || rc == WSA_IO_PENDING))
        ov->Internal = WSS_OPERATION_IN_PROGRESS;
    struct sockaddr_in peer = so->remote;
    sample_unlock();
    sample_apply(&fx);
    if (from && (rc == 0 || rc == WSA_IO_PENDING)) { /* a stream's peer is known now */
        memcpy(from, &peer, sizeof peer);
        *from_len = sizeof peer;
    }
    if (rc)
        return sample_fail(err, rc);
    if (received)
        *received = n;
    if (flags)
        *flags = 0;
    if (op) {
        op->bytes = n;
        sample_complete_now(op);
    }
    return 0;
}

static int WSPAPI sample_recv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                              LPDWORD flags, LPWSAOVERLAPPED ov,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                              LPINT err)
{
    return recv_common(s, buffers, count, received, flags, NULL, NULL, ov, routine, thread, err);
}

static int WSPAPI sample_recv_from(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                                   LPDWORD flags, struct sockaddr *from, LPINT from_len,
                                   LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                                   LPWSATHREADID thread, LPINT err)
{
    return recv_common(s, buffers, count, received, flags, from, from_len, ov, routine, thread,
                       err);
}

static BOOL WSPAPI sample_get_overlapped_result(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD bytes,
                                                BOOL wait, LPDWORD flags, LPINT err)
{
    SAMPLE_FIND_OR_FAIL(so, s, err, FALSE);
    (void)so;
    if (!ov || !bytes || !flags)
        return sample_fail(err, WSAEFAULT), FALSE;
    if (ov->Internal == WSS_OPERATION_IN_PROGRESS && wait && ov->hEvent)
        WaitForSingleObject(ov->hEvent, INFINITE);
    if (ov->Internal == WSS_OPERATION_IN_PROGRESS)
        return sample_fail(err, WSA_IO_INCOMPLETE), FALSE;
    *bytes = (DWORD)ov->InternalHigh;
    *flags = 0;
    if (ov->Internal != 0)
        return sample_fail(err, (int)ov->Internal), FALSE;
    return TRUE;
}

void sample_fill_data(LPWSPPROC_TABLE t)
{
    t->lpWSPGetOverlappedResult = sample_get_overlapped_result;
    t->lpWSPRecv = sample_recv;
    t->lpWSPRecvFrom = sample_recv_from;
    t->lpWSPSend = sample_send;
    t->lpWSPSendTo = sample_send_to;
}
