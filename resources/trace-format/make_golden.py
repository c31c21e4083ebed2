#!/usr/bin/env python3
"""Writes the golden vectors of SPEC.md into golden/: <name>.wputrace and <name>.json.

Written from SPEC.md alone, as a third implementation beside the C and the Java ones.
Run it only when the spec changes: python3 make_golden.py
"""
import json
import struct
import uuid
import zlib
from pathlib import Path

OUT = Path(__file__).parent / "golden"
HEADER_LEN = 48
FREQ = 10_000_000
START_FILETIME = 133_800_000_000_000_000  # 2025-01-01-ish
START_TICKS = 5_000_000_000

UPCALLS = [
    "WPUCloseEvent", "WPUCloseSocketHandle", "WPUCreateEvent", "WPUCreateSocketHandle",
    "WPUFDIsSet", "WPUGetProviderPath", "WPUModifyIFSHandle", "WPUPostMessage",
    "WPUQueryBlockingCallback", "WPUQuerySocketHandleContext", "WPUQueueApc",
    "WPUResetEvent", "WPUSetEvent", "WPUOpenCurrentThread", "WPUCloseThread",
    "WPUCompleteOverlappedRequest",
]
FUNCTIONS = [
    "WSPAccept", "WSPAddressToString", "WSPAsyncSelect", "WSPBind", "WSPCancelBlockingCall",
    "WSPCleanup", "WSPCloseSocket", "WSPConnect", "WSPDuplicateSocket", "WSPEnumNetworkEvents",
    "WSPEventSelect", "WSPGetOverlappedResult", "WSPGetPeerName", "WSPGetSockName",
    "WSPGetSockOpt", "WSPGetQOSByName", "WSPIoctl", "WSPJoinLeaf", "WSPListen", "WSPRecv",
    "WSPRecvDisconnect", "WSPRecvFrom", "WSPSelect", "WSPSend", "WSPSendDisconnect",
    "WSPSendTo", "WSPSetSockOpt", "WSPShutdown", "WSPSocket", "WSPStringToAddress",
    "WSPStartup",
]
TYPE_NAMES = {1: "PROCESS_HELLO", 2: "PROVIDER_LOADED", 3: "MODULE", 4: "UPCALL",
              5: "DROPS", 6: "TRACER_MESSAGE", 7: "PROCESS_GOODBYE", 8: "DOWNCALL"}


PROCESS_START = START_FILETIME - 5_000_000  # the process was created 0.5 s before the tracer


def header(major=1, minor=1, extra=b""):
    length = HEADER_LEN + len(extra)
    body = b"WPUTRACE" + struct.pack("<HHIQQQI", major, minor, length, FREQ, START_FILETIME,
                                     START_TICKS, 0)
    body += struct.pack("<I", zlib.crc32(body))
    return body + extra, {"major": major, "minor": minor, "header_length": length,
                          "clock_frequency": FREQ, "start_filetime": START_FILETIME,
                          "start_ticks": START_TICKS, "flags": 0}


def s(text):
    raw = text.encode("utf-8")
    return struct.pack("<H", len(raw)) + raw


def guid_bytes(g):
    return uuid.UUID(g).bytes_le


def record(rtype, pid, payload):
    length = 12 + len(payload) + 4
    body = struct.pack("<IHHI", length, rtype, 0, pid) + payload
    return body + struct.pack("<I", zlib.crc32(body))


class Stream:
    """Builds one stream and the JSON a reader must decode from it."""

    def __init__(self, base_offset=0, **header_args):
        self.data, hdr = header(**header_args)
        self.base = base_offset
        self.json = {"offset": base_offset, "header": hdr, "records": []}

    def add(self, rtype, pid, payload, fields, extra=b""):
        offset = self.base + len(self.data)
        rec = record(rtype, pid, payload + extra)
        self.data += rec
        entry = {"offset": offset, "length": len(rec), "type": rtype,
                 "type_name": TYPE_NAMES.get(rtype, "UNKNOWN"), "pid": pid}
        entry.update(fields)
        self.json["records"].append(entry)

    def hello(self, pid, parent, bitness, image, cmdline, session=1, v1_0=False):
        """A PROCESS_HELLO; v1_0 leaves out the fields of 1.1 (process start, load session)."""
        p = struct.pack("<IB3xIQQQ", parent, bitness, 0x000100, FREQ, START_FILETIME, START_TICKS)
        p += s(image) + s(cmdline)
        fields = {"parent_pid": parent, "bitness": bitness, "tracer_version": 0x000100,
                  "clock_frequency": FREQ, "start_filetime": START_FILETIME,
                  "start_ticks": START_TICKS, "image_path": image, "command_line": cmdline}
        if not v1_0:
            p += struct.pack("<QI", PROCESS_START, session)
            fields.update({"process_start_filetime": PROCESS_START, "load_session": session})
        self.add(1, pid, p, fields)

    def module(self, pid, module_id, base, size, path):
        self.add(3, pid, struct.pack("<IQI", module_id, base, size) + s(path),
                 {"module_id": module_id, "base": base, "size": size, "path": path})

    def provider_loaded(self, pid, ticks, served, served_guid, pos, nxt, next_guid, module_id,
                        result, status, protocol, path):
        p = struct.pack("<QI", ticks, served) + guid_bytes(served_guid) + struct.pack("<II", pos, nxt)
        p += guid_bytes(next_guid) + struct.pack("<IiI", module_id, result, status)
        p += s(protocol) + s(path)
        self.add(2, pid, p, {"ticks": ticks, "served_entry_id": served,
                             "served_provider_id": served_guid, "chain_position": pos,
                             "next_entry_id": nxt, "next_provider_id": next_guid,
                             "next_module_id": module_id, "startup_result": result,
                             "status": status, "served_protocol": protocol,
                             "next_provider_path": path})

    def upcall(self, pid, seq, upcall, tid, module_id, addr, start, dur, result, error, flags,
               args, text="", extra=b"", parent=None):
        """An UPCALL; parent None leaves out parent_call_id (1.0 and 1.1)."""
        p = struct.pack("<IHHIIQQQqiI", seq, upcall, len(args), tid, module_id, addr, start, dur,
                        result, error, flags)
        p += b"".join(struct.pack("<Q", a) for a in args) + s(text)
        fields = {"sequence": seq, "upcall": upcall, "upcall_name": UPCALLS[upcall],
                  "tid": tid, "caller_module_id": module_id, "caller_address": addr,
                  "start_ticks": start, "duration_ticks": dur, "result": result,
                  "error": error, "upcall_flags": flags, "args": args, "text": text}
        if parent is not None:
            p += struct.pack("<I", parent)
            fields["parent_call_id"] = parent
        self.add(4, pid, p, fields, extra)

    def downcall(self, pid, seq, function, tid, call_id, parent, served, start, dur, socket,
                 result, error, flags, args, text="", data=b""):
        p = struct.pack("<IHHIIIIQQQqiI", seq, function, len(args), tid, call_id, parent, served,
                        start, dur, socket, result, error, flags)
        p += b"".join(struct.pack("<Q", a) for a in args) + s(text)
        p += struct.pack("<H", len(data)) + data
        self.add(8, pid, p, {"sequence": seq, "function": function,
                             "function_name": FUNCTIONS[function], "tid": tid,
                             "call_id": call_id, "parent_call_id": parent,
                             "served_entry_id": served, "start_ticks": start,
                             "duration_ticks": dur, "socket": socket, "result": result,
                             "error": error, "call_flags": flags, "args": args, "text": text,
                             "data": data.hex()})

    def drops(self, pid, ticks, dropped, total):
        self.add(5, pid, struct.pack("<QQQ", ticks, dropped, total),
                 {"ticks": ticks, "dropped": dropped, "dropped_total": total})

    def message(self, pid, ticks, severity, status, text):
        self.add(6, pid, struct.pack("<QB3xI", ticks, severity, status) + s(text),
                 {"ticks": ticks, "severity": severity, "status": status, "message": text})

    def goodbye(self, pid, ticks, emitted, dropped_total, end_reason=None):
        """A PROCESS_GOODBYE; end_reason None leaves it out (1.0)."""
        p = struct.pack("<QQQ", ticks, emitted, dropped_total)
        fields = {"ticks": ticks, "emitted": emitted, "dropped_total": dropped_total}
        if end_reason is not None:
            p += struct.pack("<I", end_reason)
            fields["end_reason"] = end_reason
        self.add(7, pid, p, fields)

    def unknown(self, pid, rtype, payload):
        self.add(rtype, pid, payload, {"skipped": True})


PID = 4242
TCP_GUID = "e70f1aa0-ab8b-11cf-8ca3-00805f48a192"
TRACER_GUID = "5f2c6b1e-7d1a-4c3e-9a57-3e0b8d7a4c21"
HOST = "C:\\wpuscope\\wpuhost.exe"
NONIFS = "Z:\\build\\x64\\sample_nonifs.dll"


CLEANUP, PROCESS_EXIT = 1, 2  # end_reason


def basic_stream(base=0, pid=PID, v1_0=False):
    st = Stream(base, minor=0 if v1_0 else 1)
    st.hello(pid, 100, 64, HOST, HOST + " --scenario lifecycle --provider sample_nonifs.dll",
             v1_0=v1_0)
    st.module(pid, 1, 0x7FF8_1000_0000, 0x2_4000, NONIFS)
    st.provider_loaded(pid, START_TICKS + 10, 2001, TRACER_GUID, 0, 1001, TCP_GUID, 1, 0, 0,
                       "wputrace over [Sample non-IFS TCP]", NONIFS)
    t = START_TICKS + 100
    ret = 0x7FF8_1000_1234
    calls = [  # upcall, result, error, flags, args, text
        (2, 0x1A4, 0, 0, [], ""),
        (3, 0x2C8, 0, 0, [1001, 0xDEAD_BEEF], ""),
        (9, 0, 0, 0, [0x2C8, 0xDEAD_BEEF], ""),
        (4, 1, 0, 0, [0x2C8, 0x0000_00E1_2345_6780], ""),
        (5, 0, 0, 0, list(struct.unpack("<QQ", guid_bytes(TCP_GUID))) + [260, 37],
         "%SystemRoot%\\system32\\mswsock.dll"),
        (6, 0x2CC, 0, 0, [1001, 0x2CC], ""),
        (7, 1, 0, 0, [0x0001_0A2E, 0x0401, 0x2C8, 0x0000_0001], ""),
        (7, 1, 0, 0, [0x0001_0A2E, 0x0401, 0x2C8, 0x2745_0020], ""),
        (8, 0, 0, 0, [1001, 0x7FF8_2000_0010, 0x55], ""),
        (13, 0, 0, 0, [0x1B0, 0], ""),
        (10, 0, 0, 0, [0x1B0, 0, 0x7FF8_1000_2000, 0x77], ""),
        (14, 0, 0, 0, [0x1B0, 0], ""),
        (12, 1, 0, 0, [0x1A4], ""),
        (11, 1, 0, 0, [0x1A4], ""),
        (0, 1, 0, 0, [0x1A4], ""),
        (15, 0, 0, 0, [0x2C8, 0x0000_00E1_2345_9000, 0, 512], ""),
        (1, 0, 0, 0, [0x2C8], ""),
        (1, -1, 10038, 0, [0x2C8], ""),           # closed twice: WSAENOTSOCK
        (9, -1, 10038, 1, [0x999, 0], ""),        # unknown handle, null out-pointer
        (3, -1, 10055, 0, [1001, 7], ""),         # INVALID_SOCKET, WSAENOBUFS
    ]
    for seq, (up, result, err, flags, args, text) in enumerate(calls):
        st.upcall(pid, seq, up, 7000 + seq % 2, 1, ret + seq, t + seq * 50, 7 + seq, result, err,
                  flags, args, text)
    st.drops(pid, t + 5000, 3, 3)
    st.message(pid, t + 5001, 2, 10, "ring full: 3 events dropped")
    st.goodbye(pid, t + 6000, len(calls) + 3, 3, None if v1_0 else PROCESS_EXIT)
    return st


def load_session_stream(base, session, end_reason):
    """One load session of a process that loads the tracer again after its last WSACleanup:
    the same socket handle value in each session; a failed upcall without an error code and a
    successful one that left its out-argument alone."""
    st = Stream(base)
    st.hello(PID, 100, 64, HOST, HOST + " --cycles 2", session=session)
    t = START_TICKS + session * 1000
    st.upcall(PID, 0, 3, 7000, 0, 0x1000, t, 5, 0x10000, 0, 0, [1101, 0xC0DE])
    st.upcall(PID, 1, 2, 7000, 0, 0x1010, t + 10, 3, 0, 0, 4, [])           # no error code
    st.upcall(PID, 2, 9, 7000, 0, 0x1020, t + 20, 2, 0, 0, 8, [0x10000, 7])  # context unwritten
    st.upcall(PID, 3, 1, 7000, 0, 0x1030, t + 30, 2, 0, 0, 0, [0x10000])
    st.goodbye(PID, t + 40, 4, 0, end_reason)
    return st


def sockaddr_in(addr, port):
    """sa0..sa3 of an AF_INET sockaddr (SPEC.md §4 type 8)."""
    raw = struct.pack("<H", 2) + struct.pack(">H", port) + bytes(addr) + bytes(8)
    return list(struct.unpack("<QQQQ", raw + bytes(32 - len(raw))))


def spi_stream():
    """A 1.2 conversation: downcalls with the upcalls nested in them (parent_call_id), an
    upcall from a provider thread (no parent), a pending overlapped WSPRecv completed later,
    a failed call, data capture, and a re-entered downcall."""
    st = Stream(minor=2)
    st.hello(PID, 100, 64, HOST, HOST + " --scenario spi")
    st.module(PID, 1, 0x7FF8_1000_0000, 0x2_4000, NONIFS)
    st.provider_loaded(PID, START_TICKS + 10, 2001, TRACER_GUID, 0, 1001, TCP_GUID, 1, 0, 0,
                       "wputrace over [Sample non-IFS TCP]", NONIFS)
    t, app, worker, ret = START_TICKS + 100, 7000, 7001, 0x7FF8_1000_1234
    sock, hwnd, ov = 0x2C8, 0x0001_0A2E, 0x0000_00E1_2345_9000
    seq = iter(range(100))
    # WSPStartup of the next provider (call 1), no upcalls in it
    st.downcall(PID, next(seq), 30, app, 1, 0, 2001, t, 40, 0, 0, 0, 0, [0x0202, 0x0202])
    # WSPSocket (call 2) with its WPUCreateSocketHandle nested
    st.upcall(PID, next(seq), 3, app, 1, ret, t + 60, 5, sock, 0, 0, [1001, 0xDEAD_BEEF],
              parent=2)
    st.downcall(PID, next(seq), 28, app, 2, 0, 2001, t + 50, 30, sock, sock, 0, 0,
                [2, 1, 6, 2001, 0, 1])
    # WSPConnect (call 3) to 127.0.0.1:8080, non-blocking: WSAEWOULDBLOCK
    st.downcall(PID, next(seq), 7, app, 3, 0, 2001, t + 100, 12, sock, -1, 10035, 0,
                [16, 0, 0, 0, 0] + sockaddr_in([127, 0, 0, 1], 8080))
    # WSPAsyncSelect (call 4): FD_READ|FD_WRITE|FD_CLOSE; the provider posts from its thread
    st.downcall(PID, next(seq), 2, app, 4, 0, 2001, t + 120, 9, sock, 0, 0, 0,
                [hwnd, 0x0401, 0x23])
    st.upcall(PID, next(seq), 7, worker, 1, ret + 1, t + 140, 3, 1, 0, 0,
              [hwnd, 0x0401, sock, 0x0000_0002], parent=0)
    # WSPSend (call 5) of 11 bytes, 8 captured
    st.downcall(PID, next(seq), 23, app, 5, 0, 2001, t + 160, 15, sock, 0, 0, 8,
                [1, 11, 11, 0, 0, 0], data=b"hello, w")
    # overlapped WSPRecv (call 6): pending, completed later by the worker
    st.downcall(PID, next(seq), 19, app, 6, 0, 2001, t + 200, 7, sock, -1, 997, 4,
                [1, 512, 0, 0, 0, ov, 0])
    st.upcall(PID, next(seq), 15, worker, 1, ret + 2, t + 260, 4, 0, 0, 0, [sock, ov, 0, 11],
              parent=0)
    # WSPIoctl SIO_BASE_HANDLE (call 7) answered with the socket itself
    st.downcall(PID, next(seq), 16, app, 7, 0, 2001, t + 300, 6, sock, 0, 0, 0,
                [0x4800_0022, 0, 8, 8, 0, 0, 0, sock])
    # WSPCloseSocket (call 8) with WPUCloseSocketHandle nested, then a second close fails
    st.upcall(PID, next(seq), 1, app, 1, ret + 3, t + 410, 2, 0, 0, 0, [sock], parent=8)
    st.downcall(PID, next(seq), 6, app, 8, 0, 2001, t + 400, 20, sock, 0, 0, 0, [])
    st.downcall(PID, next(seq), 6, app, 9, 0, 2001, t + 450, 3, sock, -1, 10038, 0, [])
    # a WSPGetSockName with a null name: not read (bit 0), failed with WSAEFAULT
    st.downcall(PID, next(seq), 13, app, 10, 0, 2001, t + 470, 2, 0x2CC, -1, 10014, 1,
                [0, 0, 0, 0, 0])
    # a downcall re-entered from inside another (call 12 inside call 11, same thread)
    st.downcall(PID, next(seq), 9, app, 12, 11, 2001, t + 505, 2, 0x2CC, 0, 0, 0, [0x1A4, 0])
    st.downcall(PID, next(seq), 22, app, 11, 0, 2001, t + 500, 30, 0, 1, 0, 0,
                [0, 1, 0, 0, 1, 0, 0, 0xFFFF_FFFF_FFFF_FFFF])
    # the WSPCleanup (call 13)
    st.downcall(PID, next(seq), 5, app, 13, 0, 2001, t + 600, 25, 0, 0, 0, 0, [])
    st.goodbye(PID, t + 700, next(seq), 0, CLEANUP)
    return st


def write(name, data, expected):
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.wputrace").write_bytes(data)
    (OUT / f"{name}.json").write_text(json.dumps(expected, indent=1) + "\n")


def main():
    st = basic_stream()
    write("basic", st.data, {"valid": True, "streams": [st.json], "damage": [], "truncated_at": None,
                             "error": None})

    # the same capture as a 1.0 tracer wrote it: no load sessions, no end reason
    st = basic_stream(v1_0=True)
    write("basic-1.0", st.data, {"valid": True, "streams": [st.json], "damage": [],
                                 "truncated_at": None, "error": None})

    # one process, two load sessions (1.1): unloaded at the last WSPCleanup, loaded again
    first = load_session_stream(0, 1, CLEANUP)
    second = load_session_stream(len(first.data), 2, PROCESS_EXIT)
    write("load-sessions", first.data + second.data,
          {"valid": True, "streams": [first.json, second.json], "damage": [],
           "truncated_at": None, "error": None})

    # format 1.2: the SPI conversation, downcalls and upcalls nested in them
    st = spi_stream()
    write("spi", st.data, {"valid": True, "streams": [st.json], "damage": [],
                           "truncated_at": None, "error": None})

    # unknown record type and a longer-than-known payload (a later minor) are both fine
    st = Stream(minor=3, extra=b"\x01\x02\x03\x04")
    st.hello(PID, 1, 32, "C:\\Windows\\SysWOW64\\app.exe", "app.exe", v1_0=True)
    st.unknown(PID, 999, b"future record payload")
    # a minor-3 upcall carries the parent_call_id of 1.2 and then fields this reader does not know
    st.upcall(PID, 0, 2, 12, 0, 0x1000, START_TICKS, 1, 0x88, 0, 0, [], "",
              parent=0xDDCCBBAA, extra=b"\xEE\xFF\x00\x11")
    st.goodbye(PID, START_TICKS + 9, 1, 0, PROCESS_EXIT)
    write("forward-compatible", st.data, {"valid": True, "streams": [st.json], "damage": [],
                                          "truncated_at": None, "error": None})

    # damage: a record with a bad CRC, then garbage, then good records again
    st = Stream()
    st.hello(PID, 1, 64, "C:\\x.exe", "x")
    st.upcall(PID, 0, 2, 1, 0, 0x10, START_TICKS, 1, 0x10, 0, 0, [])
    bad_start = len(st.data)
    bad = bytearray(record(4, PID, struct.pack("<IHHIIQQQqiI", 1, 2, 0, 1, 0, 0x11, START_TICKS,
                                                1, 0x14, 0, 0) + s("")))
    bad[-1] ^= 0xFF
    garbage = b"\x00\xff" * 9 + b"WPU"
    data = st.data + bytes(bad) + garbage
    # the records after the damage, encoded in place (their stream's header is dropped)
    tail = Stream()
    tail.base = len(data) - HEADER_LEN
    tail.upcall(PID, 2, 12, 1, 0, 0x12, START_TICKS + 2, 1, 1, 0, 0, [0x10])
    tail.goodbye(PID, START_TICKS + 3, 3, 0, PROCESS_EXIT)
    data += tail.data[HEADER_LEN:]
    st.json["records"] += tail.json["records"]
    write("damaged", data, {"valid": False, "streams": [st.json],
                            "damage": [{"offset": bad_start,
                                        "skipped": len(bad) + len(garbage)}],
                            "truncated_at": None, "error": None})

    # truncated: ends inside a record
    st = basic_stream()
    cut = len(st.data) - 7
    last = st.json["records"].pop()
    write("truncated", st.data[:cut], {"valid": False, "streams": [st.json], "damage": [],
                                       "truncated_at": last["offset"], "error": None})

    # two streams in one file (two tracer runs appended)
    first = basic_stream()
    second = basic_stream(base=len(first.data), pid=PID + 1)
    write("two-streams", first.data + second.data,
          {"valid": True, "streams": [first.json, second.json], "damage": [],
           "truncated_at": None, "error": None})

    # a newer major version is rejected with a clear message
    data, _ = header(major=2, minor=0)
    write("newer-major", data + record(1, PID, b"whatever"),
          {"valid": False, "streams": [], "damage": [], "truncated_at": None,
           "error": "capture format 2.0 is newer than this wpuscope reads (1.x)"})


if __name__ == "__main__":
    main()
