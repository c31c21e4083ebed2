/* The layered sample LSP's pass-through calls: each translates the LSP's socket handle to the
 * lower provider's (sample_lsp.h: lsp_lower_socket) and calls the lower provider; the calls
 * that make a socket (WSPAccept, WSPJoinLeaf) wrap the new lower socket in a handle of the
 * LSP's own, WSPSelect translates every fd_set both ways, WSPAsyncSelect translates the
 * messages (sample_lsp_async.c), and WSPIoctl answers SIO_BSP_HANDLE_SELECT/POLL itself. */
#include <mswsock.h>

#include "sample_lsp.h"

/* Declares `lower` for handle s, or returns failure from the calling function. */
#define LOWER_OR_FAIL(s, err, failure)                \
    SOCKET lower = lsp_lower_socket((s), (err));      \
    if (lower == INVALID_SOCKET)                      \
        return (failure)

static SOCKET WSPAPI lsp_accept(SOCKET s, struct sockaddr *addr, LPINT addrlen,
                                LPCONDITIONPROC condition, DWORD_PTR data, LPINT err)
{
    LOWER_OR_FAIL(s, err, INVALID_SOCKET);
    SOCKET accepted = lsp_lower.lpWSPAccept(lower, addr, addrlen, condition, data, err);
    return accepted == INVALID_SOCKET ? INVALID_SOCKET : lsp_wrap(accepted, err);
}

static INT WSPAPI lsp_address_to_string(LPSOCKADDR address, DWORD length,
                                        LPWSAPROTOCOL_INFOW info, LPWSTR text, LPDWORD text_len,
                                        LPINT err)
{
    return lsp_lower.lpWSPAddressToString(address, length, info, text, text_len, err);
}

static int WSPAPI lsp_async_select(SOCKET s, HWND hwnd, unsigned int msg, __LONG32 events,
                                   LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_register_async_select(s, lower, hwnd, msg, events, err);
}

static int WSPAPI lsp_bind(SOCKET s, const struct sockaddr *name, int len, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPBind(lower, name, len, err);
}

static int WSPAPI lsp_cancel_blocking_call(LPINT err)
{
    return lsp_lower.lpWSPCancelBlockingCall(err);
}

static int WSPAPI lsp_connect(SOCKET s, const struct sockaddr *name, int len, LPWSABUF caller,
                              LPWSABUF callee, LPQOS sqos, LPQOS gqos, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPConnect(lower, name, len, caller, callee, sqos, gqos, err);
}

static int WSPAPI lsp_duplicate_socket(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOW info, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPDuplicateSocket(lower, pid, info, err);
}

static int WSPAPI lsp_enum_network_events(SOCKET s, WSAEVENT event, LPWSANETWORKEVENTS events,
                                          LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPEnumNetworkEvents(lower, event, events, err);
}

static int WSPAPI lsp_event_select(SOCKET s, WSAEVENT event, __LONG32 events, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPEventSelect(lower, event, events, err);
}

static BOOL WSPAPI lsp_get_overlapped_result(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD transfer,
                                             BOOL wait, LPDWORD flags, LPINT err)
{
    LOWER_OR_FAIL(s, err, FALSE);
    return lsp_lower.lpWSPGetOverlappedResult(lower, ov, transfer, wait, flags, err);
}

static int WSPAPI lsp_get_peer_name(SOCKET s, struct sockaddr *name, LPINT len, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPGetPeerName(lower, name, len, err);
}

static int WSPAPI lsp_get_sock_name(SOCKET s, struct sockaddr *name, LPINT len, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPGetSockName(lower, name, len, err);
}

static int WSPAPI lsp_get_sock_opt(SOCKET s, int level, int name, char *value, LPINT len,
                                   LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPGetSockOpt(lower, level, name, value, len, err);
}

static BOOL WSPAPI lsp_get_qos_by_name(SOCKET s, LPWSABUF name, LPQOS qos, LPINT err)
{
    LOWER_OR_FAIL(s, err, FALSE);
    return lsp_lower.lpWSPGetQOSByName(lower, name, qos, err);
}

static int WSPAPI lsp_ioctl(SOCKET s, DWORD code, LPVOID in, DWORD in_len, LPVOID out,
                            DWORD out_len, LPDWORD returned, LPWSAOVERLAPPED ov,
                            LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, LPWSATHREADID thread,
                            LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    /* select and WSAPoll must come to this LSP (its WSPSelect translates the handles): it
     * answers their handle queries with its own handle. SIO_BASE_HANDLE and SIO_BSP_HANDLE go
     * down to the base provider (the bug answers SIO_BASE_HANDLE here too). */
    BOOL own = code == SIO_BSP_HANDLE_SELECT || code == SIO_BSP_HANDLE_POLL ||
               (lsp_bugs && code == SIO_BASE_HANDLE);
    if (!own)
        return lsp_lower.lpWSPIoctl(lower, code, in, in_len, out, out_len, returned, ov,
                                    completion, thread, err);
    if (!out || out_len < sizeof(SOCKET))
        return *err = WSAEFAULT, SOCKET_ERROR;
    *(SOCKET *)out = s;
    if (returned)
        *returned = sizeof(SOCKET);
    return 0;
}

static SOCKET WSPAPI lsp_join_leaf(SOCKET s, const struct sockaddr *name, int len,
                                   LPWSABUF caller, LPWSABUF callee, LPQOS sqos, LPQOS gqos,
                                   DWORD flags, LPINT err)
{
    LOWER_OR_FAIL(s, err, INVALID_SOCKET);
    SOCKET leaf = lsp_lower.lpWSPJoinLeaf(lower, name, len, caller, callee, sqos, gqos, flags,
                                          err);
    if (leaf == INVALID_SOCKET || leaf == lower) /* c_root / d_root: the same socket */
        return leaf == lower ? s : INVALID_SOCKET;
    return lsp_wrap(leaf, err);
}

static int WSPAPI lsp_listen(SOCKET s, int backlog, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPListen(lower, backlog, err);
}

static int WSPAPI lsp_recv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                           LPDWORD flags, LPWSAOVERLAPPED ov,
                           LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, LPWSATHREADID thread,
                           LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPRecv(lower, buffers, count, received, flags, ov, completion, thread,
                               err);
}

static int WSPAPI lsp_recv_disconnect(SOCKET s, LPWSABUF data, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPRecvDisconnect(lower, data, err);
}

static int WSPAPI lsp_recv_from(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                                LPDWORD flags, struct sockaddr *from, LPINT from_len,
                                LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion,
                                LPWSATHREADID thread, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPRecvFrom(lower, buffers, count, received, flags, from, from_len, ov,
                                   completion, thread, err);
}

/* The lower handles of an fd_set of the LSP's handles (in the same order); FALSE when one is
 * not the LSP's. */
static BOOL lower_set(const fd_set *own, fd_set *lower, LPINT err)
{
    lower->fd_count = 0;
    for (u_int i = 0; own && i < own->fd_count && i < FD_SETSIZE; i++) {
        lower->fd_array[i] = lsp_lower_socket(own->fd_array[i], err);
        if (lower->fd_array[i] == INVALID_SOCKET)
            return FALSE;
        lower->fd_count = i + 1;
    }
    return TRUE;
}

/* Keeps in own the handles whose lower handle (asked[i] for own[i]) is in ready. */
static void keep_ready(fd_set *own, const fd_set *asked, const fd_set *ready)
{
    u_int kept = 0;
    for (u_int i = 0; own && i < asked->fd_count; i++)
        for (u_int k = 0; k < ready->fd_count; k++)
            if (ready->fd_array[k] == asked->fd_array[i]) {
                own->fd_array[kept++] = own->fd_array[i];
                break;
            }
    if (own)
        own->fd_count = kept;
}

static int WSPAPI lsp_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
                             const PTIMEVAL timeout, LPINT err)
{
    fd_set *own[3] = {readfds, writefds, exceptfds};
    fd_set asked[3], ready[3];
    for (int i = 0; i < 3; i++) {
        if (!lower_set(own[i], &asked[i], err))
            return SOCKET_ERROR;
        ready[i] = asked[i];
    }
    int n = lsp_lower.lpWSPSelect(nfds, readfds ? &ready[0] : NULL, writefds ? &ready[1] : NULL,
                                  exceptfds ? &ready[2] : NULL, timeout, err);
    if (n != SOCKET_ERROR)
        for (int i = 0; i < 3; i++)
            keep_ready(own[i], &asked[i], &ready[i]);
    return n;
}

static int WSPAPI lsp_send(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags,
                           LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion,
                           LPWSATHREADID thread, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPSend(lower, buffers, count, sent, flags, ov, completion, thread, err);
}

static int WSPAPI lsp_send_disconnect(SOCKET s, LPWSABUF data, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPSendDisconnect(lower, data, err);
}

static int WSPAPI lsp_send_to(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent,
                              DWORD flags, const struct sockaddr *to, int to_len,
                              LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion,
                              LPWSATHREADID thread, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPSendTo(lower, buffers, count, sent, flags, to, to_len, ov, completion,
                                 thread, err);
}

static int WSPAPI lsp_set_sock_opt(SOCKET s, int level, int name, const char *value, int len,
                                   LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPSetSockOpt(lower, level, name, value, len, err);
}

static int WSPAPI lsp_shutdown(SOCKET s, int how, LPINT err)
{
    LOWER_OR_FAIL(s, err, SOCKET_ERROR);
    return lsp_lower.lpWSPShutdown(lower, how, err);
}

static INT WSPAPI lsp_string_to_address(LPWSTR text, INT family, LPWSAPROTOCOL_INFOW info,
                                        LPSOCKADDR address, LPINT address_len, LPINT err)
{
    return lsp_lower.lpWSPStringToAddress(text, family, info, address, address_len, err);
}

void lsp_fill_pass_through(LPWSPPROC_TABLE t)
{
    t->lpWSPAccept = lsp_accept;
    t->lpWSPAddressToString = lsp_address_to_string;
    t->lpWSPAsyncSelect = lsp_async_select;
    t->lpWSPBind = lsp_bind;
    t->lpWSPCancelBlockingCall = lsp_cancel_blocking_call;
    t->lpWSPConnect = lsp_connect;
    t->lpWSPDuplicateSocket = lsp_duplicate_socket;
    t->lpWSPEnumNetworkEvents = lsp_enum_network_events;
    t->lpWSPEventSelect = lsp_event_select;
    t->lpWSPGetOverlappedResult = lsp_get_overlapped_result;
    t->lpWSPGetPeerName = lsp_get_peer_name;
    t->lpWSPGetSockName = lsp_get_sock_name;
    t->lpWSPGetSockOpt = lsp_get_sock_opt;
    t->lpWSPGetQOSByName = lsp_get_qos_by_name;
    t->lpWSPIoctl = lsp_ioctl;
    t->lpWSPJoinLeaf = lsp_join_leaf;
    t->lpWSPListen = lsp_listen;
    t->lpWSPRecv = lsp_recv;
    t->lpWSPRecvDisconnect = lsp_recv_disconnect;
    t->lpWSPRecvFrom = lsp_recv_from;
    t->lpWSPSelect = lsp_select;
    t->lpWSPSend = lsp_send;
    t->lpWSPSendDisconnect = lsp_send_disconnect;
    t->lpWSPSendTo = lsp_send_to;
    t->lpWSPSetSockOpt = lsp_set_sock_opt;
    t->lpWSPShutdown = lsp_shutdown;
    t->lpWSPStringToAddress = lsp_string_to_address;
}
