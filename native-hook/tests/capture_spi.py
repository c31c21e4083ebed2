"""Checks the capture of wpuhost's SPI conversations (--scenario spi, --scenario spi-misuse)
through wputrace.dll, call by call: every downcall of the scenario in call order with its
function and socket, the upcalls nested in each (parent_call_id), and the upcalls of the
providers' own threads (no parent), linked to the call they answer by their arguments. The
expected calls mirror host/host_spi_*.c step by step. Used by wine_tests.py."""

from capture_check import CLOSE, CREATE, MODIFY, POST, QUERY, WSAENOTSOCK, expect

COMPLETE, QUEUE_APC = "WPUCompleteOverlappedRequest", "WPUQueueApc"
SET_EVENT, RESET_EVENT, FD_ISSET = "WPUSetEvent", "WPUResetEvent", "WPUFDIsSet"
WSA_IO_PENDING, WSA_OPERATION_ABORTED = 997, 995
WSAEWOULDBLOCK, WSAEISCONN, WSAEOPNOTSUPP, WSAENOPROTOOPT = 10035, 10056, 10045, 10042
WSAEFAULT = 10014
NOT_READ, PENDING = 1, 4                      # DOWNCALL call_flags bits 0 and 2
FD_READ, FD_WRITE, FD_CLOSE = 1, 2, 0x20
SIO_BASE_HANDLE, SIO_BSP_HANDLE = 0x48000022, 0x4800001B
SIO_BSP_HANDLE_SELECT, SIO_BSP_HANDLE_POLL = 0x4800001C, 0x4800001D
UNKNOWN_SOCKET = 0x7FFFF0
# DOWNCALL args (SPEC.md §4 type 8): where the overlapped pointer and completion routine are
OVERLAPPED_ARG = {"WSPRecv": 5, "WSPSend": 4}
ROUTINE_ARG = {"WSPRecv": 6, "WSPSend": 5}


def calls(*names):
    return ["WSP" + n for n in names]


# host_spi_session.c spi_connect_pair
PAIR = calls("Socket", "Socket", "Bind", "GetSockName", "Listen", "Connect", "Accept")
STREAM = PAIR + calls(
    "GetSockName", "GetSockName", "GetPeerName", "GetPeerName", "Send", "Recv", "SendTo",
    "RecvFrom",
    "Socket", "Bind", "GetSockName", "Connect", "Send", "Recv", "CloseSocket",  # self
    "Shutdown", "Recv", "CloseSocket", "CloseSocket", "CloseSocket")
CONTROLS = PAIR + calls(
    "SetSockOpt", "GetSockOpt", "GetSockOpt", "GetSockOpt",
    "Ioctl", "Ioctl", "Ioctl", "Ioctl",                                    # handle queries
    "Send", "Ioctl", "Select", "Recv", "Ioctl", "Recv",                    # FIONREAD, FIONBIO
    "GetSockName", "Socket", "Ioctl", "Connect", "Select", "Connect", "Accept", "CloseSocket",
    "CloseSocket",                                                         # non-blocking connect
    "Send", "CloseSocket",                                                 # unknown socket
    "GetSockName", "AddressToString", "StringToAddress",
    "CancelBlockingCall", "DuplicateSocket", "GetQOSByName", "JoinLeaf", "RecvDisconnect",
    "SendDisconnect",
    "CloseSocket", "CloseSocket", "CloseSocket")
NOTIFY = (PAIR + calls("CloseSocket", "AsyncSelect", "Send", "Recv", "Recv", "CloseSocket",
                       "AsyncSelect", "CloseSocket") +
          PAIR + calls("CloseSocket", "EventSelect", "Send", "EnumNetworkEvents", "Recv",
                       "Shutdown", "EnumNetworkEvents", "CloseSocket", "CloseSocket"))
OVERLAPPED = PAIR + calls("CloseSocket",
                          "Recv", "GetOverlappedResult", "Send", "GetOverlappedResult",
                          "GetOverlappedResult",                           # by event
                          "Recv", "Send", "Send", "Recv",                  # by completion routine
                          "Recv", "CloseSocket",                           # aborted
                          "CloseSocket")
SPI = STREAM + CONTROLS + NOTIFY + OVERLAPPED
MISUSE = calls("Socket", "Bind", "GetSockName", "Connect", "AsyncSelect", "Recv", "Send",
               "Recv", "CloseSocket", "Socket", "CloseSocket", "Send")
PROC_TABLE = set(calls(
    "Accept", "AddressToString", "AsyncSelect", "Bind", "CancelBlockingCall", "Cleanup",
    "CloseSocket", "Connect", "DuplicateSocket", "EnumNetworkEvents", "EventSelect",
    "GetOverlappedResult", "GetPeerName", "GetSockName", "GetSockOpt", "GetQOSByName", "Ioctl",
    "JoinLeaf", "Listen", "Recv", "RecvDisconnect", "RecvFrom", "Select", "Send",
    "SendDisconnect", "SendTo", "SetSockOpt", "Shutdown", "Socket", "StringToAddress"))


class Conversation:
    """The downcalls of a capture in call order, and the upcalls around them."""

    def __init__(self, cap):
        self.cap = cap
        self.calls = sorted(cap.downcalls, key=lambda d: d["call_id"])
        expect(self.calls and self.calls[0]["function_name"] == "WSPStartup",
               "the first call is not WSPStartup")
        expect(self.calls[-1]["function_name"] == "WSPCleanup", "the last call is not WSPCleanup")
        self.main = self.calls[0]["tid"]
        self.scenario = self.calls[1:-1]

    def nested(self, call, name=None):
        return [u for u in self.cap.upcalls if u["parent_call_id"] == call["call_id"] and
                (name is None or u["upcall_name"] == name)]

    def unparented(self, name):
        return [u for u in self.cap.upcalls
                if u["parent_call_id"] == 0 and u["upcall_name"] == name]

    def named(self, function):
        return [d for d in self.scenario if d["function_name"] == function]

    def after(self, call, function):
        """The first call of function after call."""
        return next(d for d in self.scenario if d["call_id"] > call["call_id"] and
                    d["function_name"] == function)


def check_sequence(conv, wanted):
    got = [d["function_name"] for d in conv.scenario]
    first = next((i for i, (g, w) in enumerate(zip(got, wanted)) if g != w), None)
    expect(got == wanted, f"{len(got)} downcalls, {len(wanted)} expected; first difference at "
           f"{first}: {got[first:first + 5] if first is not None else got[len(wanted):]}")
    expect(all(d["tid"] == conv.main and d["parent_call_id"] == 0 for d in conv.calls),
           "a downcall from another thread or nested in another")


def check_parents(conv):
    """Upcalls of the host's thread are all nested in the call that made them; the providers'
    own threads (workers, the LSP's window) make theirs with no parent."""
    ids = {d["call_id"]: d for d in conv.calls}
    for u in conv.cap.upcalls:
        if u["tid"] == conv.main:
            parent = ids.get(u["parent_call_id"])
            expect(parent and parent["sequence"] > u["sequence"],
                   f"{u['upcall_name']} seq {u['sequence']} of the host's thread: parent "
                   f"{u['parent_call_id']} is not a downcall recorded after it")
        else:
            expect(u["parent_call_id"] == 0, f"{u['upcall_name']} seq {u['sequence']} of thread "
                   f"{u['tid']} names parent {u['parent_call_id']}")


def base_sockets(conv):
    """The sockets the base provider made: the first creation nested in each WSPSocket and
    WSPAccept (a layer makes its own over it afterwards)."""
    made = set()
    for d in conv.named("WSPSocket") + conv.named("WSPAccept"):
        creations = [u for u in conv.nested(d) if u["upcall_name"] in (CREATE, MODIFY)]
        if creations:
            made.add(creations[0]["result"])
    return made


def check_sockets(conv, top_ifs):
    """Each new socket comes from the creation upcall nested in its call (the topmost
    provider's, made last); each successful close of a non-IFS top closes that handle inside
    the call."""
    for d in conv.named("WSPSocket") + conv.named("WSPAccept"):
        if d["result"] == -1:
            continue
        creations = [u for u in conv.nested(d) if u["upcall_name"] in (CREATE, MODIFY)]
        expect(creations and creations[-1]["result"] == d["socket"] == d["result"] and
               creations[-1]["upcall_name"] == (MODIFY if top_ifs else CREATE),
               f"{d['function_name']} call {d['call_id']} socket {d['socket']:#x}: nested "
               f"{[(u['upcall_name'], u['result']) for u in creations]}")
    for d in conv.named("WSPCloseSocket"):
        closes = [u["args"][0] for u in conv.nested(d, CLOSE)]
        if d["result"] == 0 and not top_ifs:
            expect(d["socket"] in closes, f"WSPCloseSocket call {d['call_id']} of "
                   f"{d['socket']:#x}: nested closes {closes}")
        if d["socket"] == UNKNOWN_SOCKET:
            expect(d["error"] == WSAENOTSOCK and not closes, f"close of the unknown socket {d}")


def check_errors(conv):
    def errors(function):
        return [d["error"] for d in conv.named(function) if d["result"] in (-1, 0) and d["error"]]
    expect(errors("WSPConnect") == [WSAEWOULDBLOCK, WSAEISCONN], f"connect errors "
           f"{errors('WSPConnect')}")
    expect(errors("WSPGetSockOpt") == [WSAENOPROTOOPT], "getsockopt errors")
    unsupported = calls("CancelBlockingCall", "DuplicateSocket", "GetQOSByName", "JoinLeaf",
                        "RecvDisconnect", "SendDisconnect")
    expect(all(errors(f) == [WSAEOPNOTSUPP] for f in unsupported), "unsupported entries")
    unknown = [d for d in conv.scenario if d["socket"] == UNKNOWN_SOCKET]
    expect([(d["function_name"], d["error"]) for d in unknown] ==
           [("WSPSend", WSAENOTSOCK), ("WSPCloseSocket", WSAENOTSOCK)], f"unknown socket {unknown}")
    would_block = [d for d in conv.named("WSPRecv") if d["error"] == WSAEWOULDBLOCK]
    expect(len(would_block) == 2, f"{len(would_block)} WSPRecv with WSAEWOULDBLOCK, expected 2")


def check_handle_queries(conv, lsp_bug):
    base = base_sockets(conv)
    for d in conv.named("WSPIoctl"):
        code, answer = d["args"][0], d["args"][7]
        if code in (SIO_BASE_HANDLE, SIO_BSP_HANDLE):
            wanted_base = not (lsp_bug and code == SIO_BASE_HANDLE)
            expect((answer in base) == wanted_base and (wanted_base or answer == d["socket"]),
                   f"ioctl {code:#x} on {d['socket']:#x} answered {answer:#x} (base sockets "
                   f"{sorted(hex(s) for s in base)})")
        elif code in (SIO_BSP_HANDLE_SELECT, SIO_BSP_HANDLE_POLL):
            expect(answer == d["socket"], f"ioctl {code:#x} answered {answer:#x}")


def check_select(conv):
    for d in conv.named("WSPSelect"):
        asked = d["args"][1] + d["args"][2] + d["args"][3]
        tests = conv.nested(d, FD_ISSET)
        expect(tests and sum(1 for u in tests if u["result"]) == asked and d["result"] == 1,
               f"WSPSelect call {d['call_id']}: {asked} asked, WPUFDIsSet "
               f"{[(hex(u['args'][0]), u['result']) for u in tests]}")


def check_async_select(conv):
    """The three messages of the registration reach the host's window from a provider's
    thread, with the application's socket, each after the call that caused it began."""
    register = next(d for d in conv.named("WSPAsyncSelect") if d["args"][2])
    hwnd, msg, s = register["args"][0], register["args"][1], register["socket"]
    posts = sorted((u for u in conv.unparented(POST) if u["args"][:2] == [hwnd, msg]),
                   key=lambda u: u["start_ticks"])
    expect([(u["args"][2], u["args"][3]) for u in posts] == [(s, FD_WRITE), (s, FD_READ),
                                                             (s, FD_CLOSE)],
           f"messages to the host's window {[u['args'] for u in posts]}")
    causes = [register, conv.after(register, "WSPSend"), conv.after(register, "WSPCloseSocket")]
    for post, cause in zip(posts, causes):
        expect(post["tid"] != conv.main and post["start_ticks"] >= cause["start_ticks"],
               f"message {post['args'][3]:#x} before {cause['function_name']} or from the "
               f"host's thread")


def check_event_select(conv):
    register = conv.named("WSPEventSelect")[0]
    event = register["args"][0]
    send = conv.after(register, "WSPSend")
    first_enum = conv.after(register, "WSPEnumNetworkEvents")
    shutdown = conv.after(register, "WSPShutdown")
    second_enum = conv.after(shutdown, "WSPEnumNetworkEvents")
    for call, upcall in ((send, SET_EVENT), (first_enum, RESET_EVENT), (shutdown, SET_EVENT),
                         (second_enum, RESET_EVENT)):
        expect([u["args"] for u in conv.nested(call, upcall)] == [[event]],
               f"{call['function_name']} call {call['call_id']}: nested {upcall} "
               f"{[u['args'] for u in conv.nested(call, upcall)]}, expected [{event:#x}]")
    expect([first_enum["args"][1], second_enum["args"][1]] == [FD_READ, FD_CLOSE],
           "network events reported")


def overlapped_of(call):
    return call["args"][OVERLAPPED_ARG[call["function_name"]]]


def completions_of(conv, call):
    """The WPUCompleteOverlappedRequest records naming call's WSAOVERLAPPED, from its start to
    the next call that uses the same structure (the host's requests live on its stack, so an
    address comes back in a later request)."""
    ov = overlapped_of(call)
    reuse = next((d["start_ticks"] for d in conv.scenario if d["call_id"] > call["call_id"] and
                  d["function_name"] in OVERLAPPED_ARG and overlapped_of(d) == ov), None)
    return [u for u in conv.cap.upcalls if u["upcall_name"] == COMPLETE and u["args"][1] == ov
            and u["start_ticks"] >= call["start_ticks"] and
            (reuse is None or u["start_ticks"] < reuse)]


def check_overlapped(conv, base_ifs, layered):
    """Pending requests (call_flags bit 2) are completed exactly once, later, from a provider's
    thread: WPUCompleteOverlappedRequest naming the request's WSAOVERLAPPED (a non-IFS base;
    an IFS base sets the event itself, WPUSetEvent), WPUQueueApc for a completion routine;
    a request that completes at once queues its APC inside its call; closing the socket of a
    pending receive completes it inside WSPCloseSocket with WSA_OPERATION_ABORTED. Under a
    layer the base's completions are in the capture too (the tracer hooks the modules the
    layer loaded) and name the application's WSAOVERLAPPED, which the layer passes down."""
    pending = [d for d in conv.scenario if d["call_flags"] & PENDING]
    expect([d["function_name"] for d in pending] == calls("Recv", "Send", "Recv", "Recv") and
           all(d["error"] == WSA_IO_PENDING for d in pending), f"pending calls {pending}")
    by_event, sent, by_routine, aborted = pending
    for d in pending:
        expect((d["args"][ROUTINE_ARG[d["function_name"]]] != 0) == (d is by_routine),
               f"completion routine of {d}")
    apcs = conv.unparented(QUEUE_APC)
    expect(len(apcs) == 1 and apcs[0]["args"][1] == conv.main and apcs[0]["tid"] != conv.main,
           f"the pending routine's APC {apcs}")
    at_once = next(d for d in conv.named("WSPRecv") if d["result"] == 0 and
                   d["args"][ROUTINE_ARG["WSPRecv"]])
    expect([u["args"][1] for u in conv.nested(at_once, QUEUE_APC)] == [conv.main],
           "the APC of the receive that completed at once is not nested in it")
    close = conv.after(aborted, "WSPCloseSocket")
    if base_ifs:
        expect(len(conv.unparented(SET_EVENT)) == 2 and conv.nested(close, SET_EVENT),
               "an IFS base sets the events of its completions")
        return
    for d, transferred in ((by_event, 4), (sent, 4)):
        done = completions_of(conv, d)
        expect(len(done) == 1 and done[0]["parent_call_id"] == 0 and
               done[0]["args"][2:] == [0, transferred] and done[0]["tid"] != conv.main,
               f"{d['function_name']} call {d['call_id']}: completions {done}")
    ended = conv.nested(close, COMPLETE)
    expect(completions_of(conv, aborted) == ended, "the aborted receive completed elsewhere")
    expect([u["args"][1:] for u in ended] == [[overlapped_of(aborted), WSA_OPERATION_ABORTED, 0]],
           f"the aborted receive's completion {ended}")


def check_spi(cap, ifs, layered=False, lsp_bug=False):
    """--scenario spi through the tracer: ifs is the base provider's kind, layered says a
    non-IFS LSP sits between the tracer and the base."""
    conv = Conversation(cap)
    check_sequence(conv, SPI)
    expect({d["function_name"] for d in conv.calls} == PROC_TABLE | {"WSPStartup"},
           "not every proc-table entry was called")
    check_parents(conv)
    check_sockets(conv, ifs and not layered)
    check_errors(conv)
    check_handle_queries(conv, lsp_bug)
    check_select(conv)
    check_async_select(conv)
    check_event_select(conv)
    check_overlapped(conv, ifs, layered)


def check_spi_misuse(cap, layered=False):
    """--scenario spi-misuse (a non-IFS base): the misuse is in the capture."""
    conv = Conversation(cap)
    check_sequence(conv, MISUSE)
    check_parents(conv)
    register = conv.named("WSPAsyncSelect")[0]
    buggy = register["socket"]
    expect(not conv.unparented(POST) and not any(u["upcall_name"] == POST for u in cap.upcalls),
           "a message was posted for the registration that must never be answered")
    pending = [d for d in conv.scenario if d["call_flags"] & PENDING]
    expect(len(pending) == 1 and pending[0]["socket"] == buggy, f"pending {pending}")
    ov = overlapped_of(pending[0])
    expect(not any(u["upcall_name"] in (COMPLETE, QUEUE_APC) for u in cap.upcalls),
           f"the request {ov:#x} that must never complete was completed")
    unreadable = conv.named("WSPRecv")[1]
    expect(unreadable["socket"] == buggy and unreadable["error"] == WSAEFAULT and
           unreadable["call_flags"] & NOT_READ and unreadable["args"][3] == 0,
           f"the receive with an unreadable lpFlags {unreadable}: WSAEFAULT, flags_in not read")
    close = conv.after(register, "WSPCloseSocket")
    expect(close["socket"] == buggy and close["result"] == 0, f"the buggy close {close}")
    closes = [u["args"][0] for u in conv.nested(close, CLOSE)]
    expect(closes == ([buggy] if layered else []) and conv.nested(close, QUERY),
           f"the buggy close closed {closes}: the base's socket must stay open")
    late = conv.scenario[-1]
    closed = conv.scenario[-2]
    expect(late["function_name"] == "WSPSend" and late["socket"] == closed["socket"] and
           closed["function_name"] == "WSPCloseSocket" and closed["result"] == 0 and
           late["error"] == WSAENOTSOCK, f"the call after the close {late}")
