#!/usr/bin/env python3
"""Wine tests of the tracer's downcall thunks (format 1.2) in real captures: wpuhost drives
WSPStartup, WSPSocket, WSPCloseSocket and WSPCleanup through the tracer's proc table; each is
recorded as a DOWNCALL, and the upcalls the sample provider makes inside them name them as
parent. TraceDowncalls=0 records none; DowncallFunctions records only the functions named.
The clock: the ticks of a capture, read with its header's frequency, give the wall times of the
run and the waits the host makes between calls.
Runs wpuhost the way wine_tests.py does (its helpers), x64 always, x86 when Wine runs it.
Usage: wine_downcalls.py BUILD_DIR WPTDUMP CAPTURES_DIR. Last line: "wine downcalls: N passed, M failed"."""

import os
import sys
import time

from capture_check import CLOSE, CREATE, QUERY, check_common, expect
from capture_spi import Conversation
from wine_tests import OUT, decode, host_run, results, run, test, wine_runs

STARTUP, SOCKET, CLOSESOCKET, CLEANUP = "WSPStartup", "WSPSocket", "WSPCloseSocket", "WSPCleanup"
SERVED_ENTRY = 50003
ARG_COUNTS = {STARTUP: 2, SOCKET: 6, CLOSESOCKET: 0, CLEANUP: 0}  # SPEC.md §4 type 8
CLEANUP_REASON = 1
SILENCE_S = 0.3             # host/host_spi.h SPI_SILENCE_MS: spi-misuse waits it out 3 times
QPF = 10_000_000            # QueryPerformanceFrequency (Windows 10, Wine)
UNIX_EPOCH_FILETIME = 11_644_473_600 * 10_000_000
WALL_SLACK_S = 0.25         # GetSystemTimeAsFileTime against Python's clock


def lifecycle(arch, tag, env_extra=None):
    rc, out, capture = host_run(arch, tag, ["--scenario", "lifecycle", "sample_nonifs.dll"],
                                env_extra)
    expect(rc == 0 and "wpuhost: 1 passed, 0 failed" in out, f"host failed:\n{out}")
    cap = decode(capture)
    check_common(cap, 64 if arch == "x64" else 32, "sample_nonifs.dll")
    return cap


def nested_in(cap, call):
    """The upcalls that name the downcall as their parent."""
    return [u for u in cap.upcalls if u.get("parent_call_id") == call["call_id"]]


def check_nesting(cap, call, wanted):
    """The call's nested upcalls are `wanted`, on its thread, inside its interval, recorded
    before it (a DOWNCALL is written when it returns)."""
    inner = nested_in(cap, call)
    got = [u["upcall_name"] for u in inner]
    expect(got == wanted, f"{call['function_name']} call {call['call_id']}: nested {got}, "
           f"expected {wanted}")
    for u in inner:
        expect(u["tid"] == call["tid"] and u["sequence"] < call["sequence"] and
               call["start_ticks"] <= u["start_ticks"] and
               u["start_ticks"] + u["duration_ticks"] <= call["start_ticks"] +
               call["duration_ticks"], f"{u['upcall_name']} is not inside its parent: {u}")
    return inner


def downcalls_test(arch):
    def body():
        cap = lifecycle(arch, "downcalls-lifecycle")
        calls = cap.downcalls
        names = [d["function_name"] for d in calls]
        expect(names == [STARTUP, SOCKET, CLOSESOCKET, CLEANUP], f"downcalls {names}")
        startup, sock, close, cleanup = calls
        for d in calls:
            expect(d["served_entry_id"] == SERVED_ENTRY and d["parent_call_id"] == 0 and
                   d["error"] == 0 and d["call_flags"] == 0 and d["data"] == "",
                   f"{d['function_name']}: {d}")
            expect(len(d["args"]) == ARG_COUNTS[d["function_name"]], f"args of {d}")
        expect([d["call_id"] for d in calls] == [1, 2, 3, 4], "call ids 1.. in call order")
        expect(startup["result"] == 0 and startup["args"] == [0x0202, 0x0202] and
               startup["socket"] == 0, f"WSPStartup {startup}")
        create, = check_nesting(cap, sock, [CREATE])
        s = create["result"]
        expect(sock["result"] == s and sock["socket"] == s and
               sock["args"] == [2, 1, 6, SERVED_ENTRY, 0, 0], f"WSPSocket {sock}")
        query, closed = check_nesting(cap, close, [QUERY, CLOSE])
        expect(close["socket"] == s and close["result"] == 0 and query["args"][0] == s and
               closed["args"] == [s], f"WSPCloseSocket {close}")
        check_nesting(cap, cleanup, [])
        expect(cleanup["result"] == 0 and cap.records[-2] is cleanup,
               "WSPCleanup is the last record before PROCESS_GOODBYE")
        expect(cap.of("PROCESS_GOODBYE")[0]["end_reason"] == CLEANUP_REASON, "end reason")
        expect(all(u.get("parent_call_id") in (sock["call_id"], close["call_id"])
                   for u in cap.upcalls), "an upcall outside the calls that made it")
    test(f"{arch} downcalls: WSPStartup, WSPSocket > WPUCreateSocketHandle, WSPCloseSocket > "
         f"its upcalls, WSPCleanup; books", body)


def downcalls_off_test(arch):
    def body():
        cap = lifecycle(arch, "downcalls-off", {"WPUSCOPE_TRACE_DOWNCALLS": "0"})
        expect(not cap.downcalls, f"DOWNCALL records although off: {cap.downcalls}")
        expect([u["upcall_name"] for u in cap.upcalls] == [CREATE, QUERY, CLOSE] and
               all(u["parent_call_id"] == 0 for u in cap.upcalls), "upcalls without parents")
    test(f"{arch} downcalls: TraceDowncalls=0 records none", body)


def downcall_functions_test(arch):
    def body():
        cap = lifecycle(arch, "downcalls-socket-only",
                        {"WPUSCOPE_TRACE_DOWNCALL_FUNCTIONS": " wspsocket ;WSPNoSuchCall"})
        expect([d["function_name"] for d in cap.downcalls] == [SOCKET],
               f"downcalls {[d['function_name'] for d in cap.downcalls]}")
        check_nesting(cap, cap.downcalls[0], [CREATE])
        expect(all(u["parent_call_id"] == 0 for u in cap.upcalls[1:]),
               "the untraced WSPCloseSocket's upcalls have a parent")
        expect(any("'WSPNoSuchCall'" in m["message"] for m in cap.of("TRACER_MESSAGE")),
               "no message naming the unknown function")
    test(f"{arch} downcalls: DowncallFunctions records only the functions named", body)


def guarded_read_test(arch):
    """dll/guarded_read.c on its own (tests/guarded_read_check.c): the reads of in-values the
    thunks make before the call fault safely, and leave every other exception alone."""
    def body():
        rc, out = run(arch, ["guarded_read_check.exe"], os.path.join(OUT, arch, "guarded_read.log"))
        expect(rc == 0 and "guarded_read: 9 passed, 0 failed" in out, f"exit {rc}:\n{out}")
    test(f"{arch} guarded reads: unreadable in-values fault safely, other exceptions pass", body)


def invariant_tsc():
    """Does this CPU have an invariant TSC (Linux's nonstop_tsc: CPUID 0x80000007 EDX bit 8,
    which Wine's programs read unchanged)?"""
    with open("/proc/cpuinfo") as f:
        return any(line.startswith("flags") and "nonstop_tsc" in line.split() for line in f)


def clock_test(arch):
    def body():
        before = time.time()
        rc, out, capture = host_run(arch, "clock", ["--scenario", "spi-misuse",
                                                    "sample_nonifs.dll"])
        after = time.time()
        expect(rc == 0 and "wpuhost: 1 passed, 0 failed" in out, f"host failed:\n{out}")
        cap = decode(capture)
        check_common(cap, 64 if arch == "x64" else 32, "sample_nonifs.dll", exact_drops=False)
        header = cap.headers[0]["header"]
        hello = cap.of("PROCESS_HELLO")[0]
        clock = ("clock_frequency", "start_filetime", "start_ticks")
        expect(all(hello[k] == header[k] for k in clock), f"HELLO clock {hello} != {header}")
        freq = header["clock_frequency"]
        if invariant_tsc():
            expect(1e8 < freq < 1e10 and freq != QPF, f"TSC frequency {freq}")
        else:
            expect(freq == QPF, f"QueryPerformanceFrequency {freq}")

        def wall(ticks):
            filetime = header["start_filetime"] + (ticks - header["start_ticks"]) * 1e7 / freq
            return (filetime - UNIX_EPOCH_FILETIME) / 1e7

        for r in cap.upcalls + cap.downcalls:
            start, end = wall(r["start_ticks"]), wall(r["start_ticks"] + r["duration_ticks"])
            expect(before - WALL_SLACK_S <= start <= end <= after + WALL_SLACK_S,
                   f"call at {start - before:.3f} .. {end - before:.3f} s of a "
                   f"{after - before:.3f} s run: {r}")
        conv = Conversation(cap)
        for first, then in (("WSPAsyncSelect", "WSPRecv"), ("WSPSend", "WSPCloseSocket"),
                            ("WSPCloseSocket", "WSPSocket")):
            a = conv.named(first)[0]
            b = conv.after(a, then)
            gap = (b["start_ticks"] - a["start_ticks"] - a["duration_ticks"]) / freq
            expect(SILENCE_S - 0.02 <= gap <= SILENCE_S + 1.0,
                   f"{first} .. {then}: {gap:.3f} s, the host waited {SILENCE_S} s")
    test(f"{arch} clock: HELLO and header agree, wall times inside the run, the host's "
         f"{SILENCE_S} s waits measure {SILENCE_S} s", body)


def main():
    for arch, bits in (("x64", 64), ("x86", 32)):
        os.makedirs(os.path.join(OUT, arch), exist_ok=True)
        if not wine_runs(arch, bits):
            print(f"{arch} downcall tests SKIPPED: this Wine cannot run {arch} programs")
            continue
        downcalls_test(arch)
        downcalls_off_test(arch)
        downcall_functions_test(arch)
        clock_test(arch)
        guarded_read_test(arch)
    print(f"wine downcalls: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] or not results["passed"] else 0


if __name__ == "__main__":
    sys.exit(main())
