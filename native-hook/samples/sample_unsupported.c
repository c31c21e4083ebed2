/* The rest of the sample base provider's WSPPROC_TABLE: what a TCP-like loopback does not do
 * (blocking hooks of Winsock 1, socket duplication into another process, QOS, multipoint,
 * disconnect data) fails with WSAEOPNOTSUPP, so that the table it returns is complete (ws2_32,
 * and a layered provider above, refuse a table with NULL entries: WSAEINVALIDPROCTABLE). */
#include "sample_api.h"

static int unsupported(LPINT err)
{
    if (err)
        *err = WSAEOPNOTSUPP;
    return SOCKET_ERROR;
}

static int WSPAPI no_cancel_blocking_call(LPINT err) { return unsupported(err); }

static int WSPAPI no_duplicate_socket(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOW info, LPINT err)
{
    (void)s, (void)pid, (void)info;
    return unsupported(err);
}

static WINBOOL WSPAPI no_get_qos_by_name(SOCKET s, LPWSABUF name, LPQOS qos, LPINT err)
{
    (void)s, (void)name, (void)qos;
    unsupported(err);
    return FALSE;
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

static int WSPAPI no_disconnect(SOCKET s, LPWSABUF data, LPINT err)
{
    (void)s, (void)data;
    return unsupported(err);
}

void sample_fill_unsupported(LPWSPPROC_TABLE t)
{
    t->lpWSPCancelBlockingCall = no_cancel_blocking_call;
    t->lpWSPDuplicateSocket = no_duplicate_socket;
    t->lpWSPGetQOSByName = no_get_qos_by_name;
    t->lpWSPJoinLeaf = no_join_leaf;
    t->lpWSPRecvDisconnect = no_disconnect;
    t->lpWSPSendDisconnect = no_disconnect;
}
