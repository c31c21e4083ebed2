/* A small Winsock client for the Windows workflow's end-to-end step (e2e-tracer.ps1): over TCP/IPv4 on the
 * loopback it opens a listening socket, connects to it, accepts, sends a message each way, receives it and
 * closes every socket, printing each step. With the tracer installed over the TCP/IPv4 chain, these calls
 * make the real ws2_32 load the chain (tracer, then MSAFD) and the base provider make its upcalls.
 * Exit code 0 when every step worked, else 1 (the failing step and its WSA error are printed).
 * Built by build.sh (the workflow's Linux job) with mingw-w64 for x64 and x86;
 * packaging/ci/verify-workflows.sh also runs the x64 build under Wine. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <string.h>

static int failed(const char *step) {
    printf("wsclient: %s failed: WSA error %d\n", step, WSAGetLastError());
    return 1;
}

/* Sends len bytes of message on from, receives them on to, and checks they arrived unchanged. */
static int exchange(SOCKET from, SOCKET to, const char *message, const char *step) {
    char buffer[64] = {0};
    int len = (int)strlen(message), got = 0;
    if (send(from, message, len, 0) != len) return failed(step);
    while (got < len) {
        int n = recv(to, buffer + got, (int)sizeof buffer - 1 - got, 0);
        if (n <= 0) return failed(step);
        got += n;
    }
    if (memcmp(buffer, message, len) != 0) {
        printf("wsclient: %s: received \"%s\", sent \"%s\"\n", step, buffer, message);
        return 1;
    }
    printf("wsclient: %s: \"%s\"\n", step, buffer);
    return 0;
}

int main(void) {
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return failed("WSAStartup");
    SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (listener == INVALID_SOCKET) return failed("socket (listener)");
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int size = sizeof address;
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0) return failed("bind 127.0.0.1:0");
    if (listen(listener, 1) != 0) return failed("listen");
    if (getsockname(listener, (struct sockaddr *)&address, &size) != 0) return failed("getsockname");
    printf("wsclient: listening on 127.0.0.1:%u\n", ntohs(address.sin_port));
    SOCKET client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (client == INVALID_SOCKET) return failed("socket (client)");
    if (connect(client, (struct sockaddr *)&address, sizeof address) != 0) return failed("connect");
    SOCKET accepted = accept(listener, NULL, NULL);
    if (accepted == INVALID_SOCKET) return failed("accept");
    printf("wsclient: connected\n");
    if (exchange(client, accepted, "hello from wsclient", "client -> server")) return 1;
    if (exchange(accepted, client, "hello back", "server -> client")) return 1;
    if (closesocket(client) != 0 || closesocket(accepted) != 0 || closesocket(listener) != 0) return failed("closesocket");
    WSACleanup();
    printf("wsclient: done\n");
    return 0;
}
