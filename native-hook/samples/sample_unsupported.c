/* The rest of a sample provider's WSPPROC_TABLE: every SPI function the sample does not
 * implement fails with WSAEOPNOTSUPP, so that the table it returns is complete (ws2_32, and a
 * layered provider above, refuse a table with NULL entries: WSAEINVALIDPROCTABLE). */
#include "sample_api.h"

static int unsupported(LPINT err)
{
    if (err)
        *err = WSAEOPNOTSUPP;
    return SOCKET_ERROR;
}

static SOCKET WSPAPI no_accept(SOCKET s, struct sockaddr *addr, LPINT addrlen,
                               LPCONDITIONPROC condition, DWORD_PTR data, LPINT err)
{
    (void)s, (void)addr, (void)addrlen, (void)condition, (void)data;
    unsupported(err);
    return INVALID_SOCKET;
}

static INT WSPAPI no_address_to_string(LPSOCKADDR address, DWORD length,
                                       LPWSAPROTOCOL_INFOW info, LPWSTR text, LPDWORD text_len,
                                       LPINT err)
{
    (void)address, (void)length, (void)info, (void)text, (void)text_len;
    return unsupported(err);
}

static int WSPAPI no_async_select(SOCKET s, HWND hwnd, unsigned int msg, __LONG32 events,
                                  LPINT err)
{
    (void)s, (void)hwnd, (void)msg, (void)events;
    return unsupported(err);
}

static int WSPAPI no_bind(SOCKET s, const struct sockaddr *name, int len, LPINT err)
{
    (void)s, (void)name, (void)len;
    return unsupported(err);
}

static int WSPAPI no_cancel_blocking_call(LPINT err) { return unsupported(err); }

static int WSPAPI no_connect(SOCKET s, const struct sockaddr *name, int len, LPWSABUF caller,
                             LPWSABUF callee, LPQOS sqos, LPQOS gqos, LPINT err)
{
    (void)s, (void)name, (void)len, (void)caller, (void)callee, (void)sqos, (void)gqos;
    return unsupported(err);
}

static int WSPAPI no_duplicate_socket(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOW info, LPINT err)
{
    (void)s, (void)pid, (void)info;
    return unsupported(err);
}

static int WSPAPI no_enum_network_events(SOCKET s, WSAEVENT event, LPWSANETWORKEVENTS events,
                                         LPINT err)
{
    (void)s, (void)event, (void)events;
    return unsupported(err);
}

static int WSPAPI no_event_select(SOCKET s, WSAEVENT event, __LONG32 events, LPINT err)
{
    (void)s, (void)event, (void)events;
    return unsupported(err);
}

static WINBOOL WSPAPI no_get_overlapped_result(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD bytes,
                                               WINBOOL wait, LPDWORD flags, LPINT err)
{
    (void)s, (void)ov, (void)bytes, (void)wait, (void)flags;
    unsupported(err);
    return FALSE;
}

static int WSPAPI no_get_name(SOCKET s, struct sockaddr *name, LPINT len, LPINT err)
{
    (void)s, (void)name, (void)len;
    return unsupported(err);
}

static int WSPAPI no_get_sock_opt(SOCKET s, int level, int name, char *value, LPINT len,
                                  LPINT err)
{
    (void)s, (void)level, (void)name, (void)value, (void)len;
    return unsupported(err);
}

static WINBOOL WSPAPI no_get_qos_by_name(SOCKET s, LPWSABUF name, LPQOS qos, LPINT err)
{
    (void)s, (void)name, (void)qos;
    unsupported(err);
    return FALSE;
}

static int WSPAPI no_ioctl(SOCKET s, DWORD code, LPVOID in, DWORD in_len, LPVOID out,
                           DWORD out_len, LPDWORD returned, LPWSAOVERLAPPED ov,
                           LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                           LPINT err)
{
    (void)s, (void)code, (void)in, (void)in_len, (void)out, (void)out_len, (void)returned;
    (void)ov, (void)routine, (void)thread;
    return unsupported(err);
}

static SOCKET WSPAPI no_join_leaf(SOCKET s, const struct sockaddr *name, int len,
                                  LPWSABUF caller, LPWSABUF callee, LPQOS sqos, LPQOS gqos,
                                  DWORD flags, LPINT err)
{
    (void)s, (void)name, (void)len, (void)caller, (void)callee, (void)sqos, (void)gqos;
    (void)flags;
    unsupported(err);
    return INVALID_SOCKET;
}

static int WSPAPI no_listen(SOCKET s, int backlog, LPINT err)
{
    (void)s, (void)backlog;
    return unsupported(err);
}

static int WSPAPI no_recv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                          LPDWORD flags, LPWSAOVERLAPPED ov,
                          LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPWSATHREADID thread,
                          LPINT err)
{
    (void)s, (void)buffers, (void)count, (void)received, (void)flags, (void)ov, (void)routine;
    (void)thread;
    return unsupported(err);
}

static int WSPAPI no_disconnect(SOCKET s, LPWSABUF data, LPINT err)
{
    (void)s, (void)data;
    return unsupported(err);
}

static int WSPAPI no_recv_from(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                               LPDWORD flags, struct sockaddr *from, LPINT from_len,
                               LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                               LPWSATHREADID thread, LPINT err)
{
    (void)s, (void)buffers, (void)count, (void)received, (void)flags, (void)from;
    (void)from_len, (void)ov, (void)routine, (void)thread;
    return unsupported(err);
}

static int WSPAPI no_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
                            const PTIMEVAL timeout, LPINT err)
{
    (void)nfds, (void)readfds, (void)writefds, (void)exceptfds, (void)timeout;
    return unsupported(err);
}

static int WSPAPI no_send(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags,
                          LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                          LPWSATHREADID thread, LPINT err)
{
    (void)s, (void)buffers, (void)count, (void)sent, (void)flags, (void)ov, (void)routine;
    (void)thread;
    return unsupported(err);
}

static int WSPAPI no_send_to(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent,
                             DWORD flags, const struct sockaddr *to, int to_len,
                             LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                             LPWSATHREADID thread, LPINT err)
{
    (void)s, (void)buffers, (void)count, (void)sent, (void)flags, (void)to, (void)to_len;
    (void)ov, (void)routine, (void)thread;
    return unsupported(err);
}

static int WSPAPI no_set_sock_opt(SOCKET s, int level, int name, const char *value, int len,
                                  LPINT err)
{
    (void)s, (void)level, (void)name, (void)value, (void)len;
    return unsupported(err);
}

static int WSPAPI no_shutdown(SOCKET s, int how, LPINT err)
{
    (void)s, (void)how;
    return unsupported(err);
}

static INT WSPAPI no_string_to_address(LPWSTR text, INT family, LPWSAPROTOCOL_INFOW info,
                                       LPSOCKADDR address, LPINT len, LPINT err)
{
    (void)text, (void)family, (void)info, (void)address, (void)len;
    return unsupported(err);
}

void sample_fill_unsupported(LPWSPPROC_TABLE t)
{
    t->lpWSPAccept = no_accept;
    t->lpWSPAddressToString = no_address_to_string;
    t->lpWSPAsyncSelect = no_async_select;
    t->lpWSPBind = no_bind;
    t->lpWSPCancelBlockingCall = no_cancel_blocking_call;
    t->lpWSPConnect = no_connect;
    t->lpWSPDuplicateSocket = no_duplicate_socket;
    t->lpWSPEnumNetworkEvents = no_enum_network_events;
    t->lpWSPEventSelect = no_event_select;
    t->lpWSPGetOverlappedResult = no_get_overlapped_result;
    t->lpWSPGetPeerName = no_get_name;
    t->lpWSPGetSockName = no_get_name;
    t->lpWSPGetSockOpt = no_get_sock_opt;
    t->lpWSPGetQOSByName = no_get_qos_by_name;
    t->lpWSPIoctl = no_ioctl;
    t->lpWSPJoinLeaf = no_join_leaf;
    t->lpWSPListen = no_listen;
    t->lpWSPRecv = no_recv;
    t->lpWSPRecvDisconnect = no_disconnect;
    t->lpWSPRecvFrom = no_recv_from;
    t->lpWSPSelect = no_select;
    t->lpWSPSend = no_send;
    t->lpWSPSendDisconnect = no_disconnect;
    t->lpWSPSendTo = no_send_to;
    t->lpWSPSetSockOpt = no_set_sock_opt;
    t->lpWSPShutdown = no_shutdown;
    t->lpWSPStringToAddress = no_string_to_address;
}
