package dev.wpuscope.trace.model;

import java.util.List;

/**
 * The 31 traced downcalls, numbered as in the trace format (trace format §4 type 8): the 30 WSPPROC_TABLE entries in
 * their order, then WSPStartup. {@link #argNames()} are the DOWNCALL record's args in order; {@code sa0}..{@code sa3}
 * are the four words of a sockaddr.
 */
public enum Downcall {
    WSP_ACCEPT("WSPAccept", ResultKind.SOCKET, "addr_len", "condition_routine", "callback_data",
            "sa0", "sa1", "sa2", "sa3"),
    WSP_ADDRESS_TO_STRING("WSPAddressToString", ResultKind.INT, "address_length", "string_len_in", "string_len_out",
            "sa0", "sa1", "sa2", "sa3"),
    WSP_ASYNC_SELECT("WSPAsyncSelect", ResultKind.INT, "hwnd", "msg", "events"),
    WSP_BIND("WSPBind", ResultKind.INT, "name_len", "sa0", "sa1", "sa2", "sa3"),
    WSP_CANCEL_BLOCKING_CALL("WSPCancelBlockingCall", ResultKind.INT),
    WSP_CLEANUP("WSPCleanup", ResultKind.INT),
    WSP_CLOSE_SOCKET("WSPCloseSocket", ResultKind.INT),
    WSP_CONNECT("WSPConnect", ResultKind.INT, "name_len", "caller_data_len", "callee_data_len", "sqos", "gqos",
            "sa0", "sa1", "sa2", "sa3"),
    WSP_DUPLICATE_SOCKET("WSPDuplicateSocket", ResultKind.INT, "process_id", "protocol_info"),
    WSP_ENUM_NETWORK_EVENTS("WSPEnumNetworkEvents", ResultKind.INT, "event", "network_events"),
    WSP_EVENT_SELECT("WSPEventSelect", ResultKind.INT, "event", "events"),
    WSP_GET_OVERLAPPED_RESULT("WSPGetOverlappedResult", ResultKind.BOOL, "overlapped", "transferred", "wait",
            "flags"),
    WSP_GET_PEER_NAME("WSPGetPeerName", ResultKind.INT, "name_len", "sa0", "sa1", "sa2", "sa3"),
    WSP_GET_SOCK_NAME("WSPGetSockName", ResultKind.INT, "name_len", "sa0", "sa1", "sa2", "sa3"),
    WSP_GET_SOCK_OPT("WSPGetSockOpt", ResultKind.INT, "level", "optname", "opt_len_in", "opt_len", "opt_value"),
    WSP_GET_QOS_BY_NAME("WSPGetQOSByName", ResultKind.BOOL, "qos_name_len", "qos"),
    WSP_IOCTL("WSPIoctl", ResultKind.INT, "code", "in_size", "out_size", "bytes_returned", "overlapped",
            "completion_routine", "in_value", "out_value"),
    WSP_JOIN_LEAF("WSPJoinLeaf", ResultKind.SOCKET, "name_len", "flags", "sa0", "sa1", "sa2", "sa3"),
    WSP_LISTEN("WSPListen", ResultKind.INT, "backlog"),
    WSP_RECV("WSPRecv", ResultKind.INT, "buffers", "buffer_bytes", "bytes", "flags_in", "flags", "overlapped",
            "completion_routine"),
    WSP_RECV_DISCONNECT("WSPRecvDisconnect", ResultKind.INT, "data_len"),
    WSP_RECV_FROM("WSPRecvFrom", ResultKind.INT, "buffers", "buffer_bytes", "bytes", "flags_in", "flags",
            "overlapped", "completion_routine", "from_len", "sa0", "sa1", "sa2", "sa3"),
    WSP_SELECT("WSPSelect", ResultKind.INT, "nfds", "read_in", "write_in", "except_in", "read_out", "write_out",
            "except_out", "timeout_us"),
    WSP_SEND("WSPSend", ResultKind.INT, "buffers", "buffer_bytes", "bytes", "flags", "overlapped",
            "completion_routine"),
    WSP_SEND_DISCONNECT("WSPSendDisconnect", ResultKind.INT, "data_len"),
    WSP_SEND_TO("WSPSendTo", ResultKind.INT, "buffers", "buffer_bytes", "bytes", "flags", "overlapped",
            "completion_routine", "to_len", "sa0", "sa1", "sa2", "sa3"),
    WSP_SET_SOCK_OPT("WSPSetSockOpt", ResultKind.INT, "level", "optname", "opt_len", "opt_value"),
    WSP_SHUTDOWN("WSPShutdown", ResultKind.INT, "how"),
    WSP_SOCKET("WSPSocket", ResultKind.SOCKET, "af", "type", "protocol", "catalog_entry_id", "group", "flags"),
    WSP_STRING_TO_ADDRESS("WSPStringToAddress", ResultKind.INT, "family", "address_len_in", "address_len",
            "sa0", "sa1", "sa2", "sa3"),
    WSP_STARTUP("WSPStartup", ResultKind.STATUS, "version_requested", "version");

    /** WSA_IO_PENDING: the error of an overlapped call that was started and completes later. */
    public static final int WSA_IO_PENDING = 997;

    private static final Downcall[] BY_NUMBER = values();

    private final String apiName;
    private final ResultKind resultKind;
    private final List<String> argNames;

    Downcall(String apiName, ResultKind resultKind, String... argNames) {
        this.apiName = apiName;
        this.resultKind = resultKind;
        this.argNames = List.of(argNames);
    }

    /** The Windows name, e.g. {@code WSPSocket}. */
    public String apiName() {
        return apiName;
    }

    /** The number used in the trace format. */
    public int number() {
        return ordinal();
    }

    public ResultKind resultKind() {
        return resultKind;
    }

    public List<String> argNames() {
        return argNames;
    }

    /** Index of the first sockaddr word ({@code sa0}) among the args, or -1 when the call has no address. */
    public int sockaddrIndex() {
        return argNames.indexOf("sa0");
    }

    /**
     * Index of the {@code completion_routine} arg of an overlapped call (its {@code overlapped} arg is the one
     * before), or -1 when the call has none.
     */
    public int completionRoutineIndex() {
        return argNames.indexOf("completion_routine");
    }

    /** Whether the record's {@code socket} field names a socket (0 for the functions without one, §4 type 8). */
    public boolean hasSocket() {
        return switch (this) {
            case WSP_ADDRESS_TO_STRING, WSP_CANCEL_BLOCKING_CALL, WSP_CLEANUP, WSP_SELECT, WSP_STRING_TO_ADDRESS,
                    WSP_STARTUP -> false;
            default -> true;
        };
    }

    /** Whether the call returns a new socket (its {@code socket} is the result): WSPSocket, WSPAccept. */
    public boolean createsSocket() {
        return this == WSP_SOCKET || this == WSP_ACCEPT;
    }

    public boolean isFailure(long result) {
        return resultKind.isFailure(result);
    }

    /** The function with this trace-format number, or {@code null} for an unknown number. */
    public static Downcall ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }
}
