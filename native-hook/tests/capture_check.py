"""Checks a decoded capture (wptdump JSON lines) against what a wpuhost scenario must have
produced through wputrace.dll, event by event. Used by wine_tests.py."""

import ntpath

CREATE, QUERY, CLOSE = "WPUCreateSocketHandle", "WPUQuerySocketHandleContext", "WPUCloseSocketHandle"
MODIFY = "WPUModifyIFSHandle"
POST = "WPUPostMessage"
FD_READ, FD_WRITE, FD_CLOSE = 1, 2, 0x20
WSAECONNRESET, WSAEFAULT, WSAEINVAL, WSAENOTSOCK = 10054, 10014, 10022, 10038
ASYNC_MESSAGE = 0x401  # WM_USER + 1
TRACER_GUID = "7c3f9a52-4e1d-4b8a-9d61-2f0b5ea4c813"
BASE_ENTRY = 50001     # the host catalog's base provider entry
CHAIN_ENTRY = 50003    # the tracer's protocol chain over the base: [50002, 50001]
# The entry the tracer serves: id and GUID (a chain has a GUID of its own: 'C', n = 2).
SERVED = (CHAIN_ENTRY, "6b1c2d02-1111-4222-8333-77686f737443")


class CaptureError(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise CaptureError(what)


class Capture:
    def __init__(self, items):
        self.items = items
        self.headers = [i for i in items if "header" in i]
        self.records = [i for i in items if "type_name" in i]
        self.upcalls = [r for r in self.records if r["type_name"] == "UPCALL"]
        self.downcalls = [r for r in self.records if r["type_name"] == "DOWNCALL"]
        self.summary = next((i["summary"] for i in items if "summary" in i), None)

    def of(self, type_name):
        return [r for r in self.records if r["type_name"] == type_name]


def load_sessions(cap):
    """The capture split at each PROCESS_HELLO: one Capture per load session (stream)."""
    sessions, current = [], None
    for item in cap.items:
        if item.get("type_name") == "PROCESS_HELLO":
            current = []
            sessions.append(current)
        if current is not None and "type_name" in item:
            current.append(item)
    return [Capture([{"header": {}}] + s + [{"summary": cap.summary}]) for s in sessions]


def check_common(cap, bitness, sample_dll, exact_drops=True, served=SERVED, callers=None):
    """Header, HELLO, MODULE, PROVIDER_LOADED, caller attribution, sequence, GOODBYE books.
    sample_dll is the provider right below the tracer; callers the DLLs whose upcalls the
    capture may hold (default: sample_dll alone)."""
    expect(cap.summary is not None, "wptdump printed no summary")
    expect(cap.headers, "no stream header")
    hello = cap.of("PROCESS_HELLO")
    expect(hello and cap.records[0]["type_name"] == "PROCESS_HELLO",
           "the first record is not PROCESS_HELLO")
    h = hello[0]
    expect(h["bitness"] == bitness, f"HELLO bitness {h['bitness']} != {bitness}")
    expect(ntpath.basename(h["image_path"]).lower() == "wpuhost.exe",
           f"HELLO image {h['image_path']}")
    expect("wpuhost.exe" in h["command_line"], "HELLO command line lacks wpuhost.exe")
    expect(h["clock_frequency"] > 0 and h["tracer_version"] > 0, "HELLO clock/version")
    loaded = cap.of("PROVIDER_LOADED")
    expect(len(loaded) >= 1, "no PROVIDER_LOADED")
    p = loaded[0]
    expect(p["status"] == 0 and p["startup_result"] == 0,
           f"PROVIDER_LOADED status {p['status']} result {p['startup_result']}")
    expect(p["served_entry_id"] == served[0] and p["chain_position"] == 0,
           f"served entry {p['served_entry_id']} position {p['chain_position']}")
    expect(p["served_provider_id"] == served[1],
           f"served entry's GUID {p['served_provider_id']}, expected {served[1]}")
    expect(ntpath.basename(p["next_provider_path"]).lower() == sample_dll,
           f"next provider {p['next_provider_path']}")
    modules = {m["module_id"]: m for m in cap.of("MODULE")}
    sample = modules.get(p["next_module_id"])
    expect(sample and ntpath.basename(sample["path"]).lower() == sample_dll,
           "the next provider's MODULE record is missing or wrong")
    allowed = callers or [sample_dll]
    for u in cap.upcalls:
        m = modules.get(u["caller_module_id"])
        expect(m and ntpath.basename(m["path"]).lower() in allowed,
               f"upcall seq {u['sequence']} attributed to module {u['caller_module_id']} "
               f"({m and m['path']}), not one of {allowed}")
        expect(m["base"] <= u["caller_address"] < m["base"] + m["size"],
               f"upcall seq {u['sequence']} caller address outside {m['path']}")
    goodbye = cap.of("PROCESS_GOODBYE")
    expect(len(goodbye) == 1 and cap.records[-1]["type_name"] == "PROCESS_GOODBYE",
           "PROCESS_GOODBYE is not the single last record")
    g = goodbye[0]
    sequences = [r["sequence"] for r in cap.records if r["type_name"] in ("UPCALL", "DOWNCALL")]
    expect(len(set(sequences)) == len(sequences), "an UPCALL/DOWNCALL sequence number repeats")
    expect(all(s < g["emitted"] for s in sequences), "a sequence number >= emitted")
    expect(len(sequences) + g["dropped_total"] == g["emitted"],
           f"delivered {len(sequences)} + dropped {g['dropped_total']} != emitted {g['emitted']}")
    if exact_drops:
        expect(g["dropped_total"] == 0 and sequences == list(range(g["emitted"])),
               f"unexpected drops: {g['dropped_total']}")
        expect(cap.summary["damage"] == 0, "damaged bytes in the capture")
    return g


def names(cap):
    return [u["upcall_name"] for u in cap.upcalls]


def expect_names(cap, wanted):
    got = names(cap)
    expect(got == wanted, f"upcalls {got}\n  expected {wanted}")
    return cap.upcalls


def ok(u):
    expect(u["error"] == 0, f"{u['upcall_name']} seq {u['sequence']} error {u['error']}")
    return u


def failed(u, error):
    expect(u["result"] == -1 and u["error"] == error,
           f"{u['upcall_name']} seq {u['sequence']}: result {u['result']} error {u['error']}, "
           f"expected -1 / {error}")


def check_open_close(opened, query, close, ifs):
    """A socket opened by the sample and closed again (non-IFS) or just opened (IFS)."""
    s = ok(opened)["result"]
    if ifs:
        expect(opened["args"][0] == CHAIN_ENTRY and s == opened["args"][1],
               "WPUModifyIFSHandle did not return the proposed handle")
        return s
    expect(opened["args"][0] == CHAIN_ENTRY and s > 0, "WPUCreateSocketHandle args/result")
    expect(ok(query)["args"] == [s, opened["args"][1]] and query["result"] == 0,
           "WPUQuerySocketHandleContext did not return the context given at creation")
    expect(ok(close)["args"] == [s] and close["result"] == 0, "WPUCloseSocketHandle")
    return s


def socket_calls(ifs):
    return [MODIFY] if ifs else [CREATE]


def closing_calls(ifs):
    return [] if ifs else [QUERY, CLOSE]


def check_lifecycle(cap, ifs):
    u = expect_names(cap, socket_calls(ifs) + closing_calls(ifs))
    check_open_close(u[0], *(u[1:] if not ifs else (None, None)), ifs)


def check_asyncselect(cap, ifs):
    u = expect_names(cap, socket_calls(ifs) + [POST] * 3 + closing_calls(ifs))
    s = check_open_close(u[0], *(u[4:] if not ifs else (None, None)), ifs)
    wanted = [FD_WRITE, FD_READ, FD_CLOSE | (WSAECONNRESET << 16)]
    for post, lparam in zip(u[1:4], wanted):
        expect(post["args"][1:] == [ASYNC_MESSAGE, s, lparam] and post["result"] == 1,
               f"WPUPostMessage args {post['args']}, expected lParam {lparam:#x}")


def check_blocking(cap, ifs):
    (q,) = expect_names(cap, ["WPUQueryBlockingCallback"])
    expect(ok(q)["result"] == 0 and q["args"][0] == CHAIN_ENTRY and q["args"][1] != 0
           and q["args"][2] == CHAIN_ENTRY and q["upcall_flags"] == 0,
           f"WPUQueryBlockingCallback {q['args']}")


def check_events(cap, ifs):
    c, s, r, x = expect_names(cap, ["WPUCreateEvent", "WPUSetEvent", "WPUResetEvent",
                                    "WPUCloseEvent"])
    h = ok(c)["result"]
    expect(h not in (0, -1), "WPUCreateEvent returned no event")
    for u in (s, r, x):
        expect(ok(u)["args"] == [h] and u["result"] == 1, f"{u['upcall_name']} on {h:#x}")


def check_apc(cap, ifs):
    o, q, c = expect_names(cap, ["WPUOpenCurrentThread", "WPUQueueApc", "WPUCloseThread"])
    handle, tid = ok(o)["args"]
    expect(o["result"] == 0 and handle != 0 and tid == o["tid"], "WPUOpenCurrentThread out-args")
    expect(ok(q)["args"][:2] == [handle, tid] and q["args"][2] != 0 and q["args"][3] == 1
           and q["result"] == 0, f"WPUQueueApc args {q['args']}")
    expect(ok(c)["args"] == [handle, tid] and c["result"] == 0, "WPUCloseThread args")


def check_overlapped(cap, ifs):
    u = expect_names(cap, [CREATE, "WPUCompleteOverlappedRequest", QUERY, CLOSE])
    s = check_open_close(u[0], u[2], u[3], ifs)
    expect(ok(u[1])["args"][0] == s and u[1]["args"][1] != 0 and u[1]["args"][2:] == [0, 42]
           and u[1]["result"] == 0, f"WPUCompleteOverlappedRequest args {u[1]['args']}")


def check_fdisset(cap, ifs):
    opening = socket_calls(ifs) * 2
    closing = closing_calls(ifs) * 2
    u = expect_names(cap, opening + ["WPUFDIsSet"] * 2 + closing)
    a, b = u[0]["result"], u[1]["result"]
    if not ifs:
        check_open_close(u[0], u[4], u[5], ifs)
        check_open_close(u[1], u[6], u[7], ifs)
    member, stranger = u[2], u[3]
    expect(member["args"][0] == a and member["result"] == 1, "WPUFDIsSet of the member")
    expect(stranger["args"][0] == b and stranger["result"] == 0, "WPUFDIsSet of a non-member")
    expect(member["args"][1] == stranger["args"][1] != 0, "the same fd_set pointer")


def check_providerpath(cap, ifs, sample_dll):
    short, found, missing = expect_names(cap, ["WPUGetProviderPath"] * 3)
    failed(short, WSAEFAULT)
    expect(short["args"][2] == 4 and short["args"][3] > 4, "required length not reported")
    expect(ok(found)["result"] == 0 and ntpath.basename(found["text"]).lower() == sample_dll,
           f"WPUGetProviderPath text {found['text']!r}")
    # the host answers as Windows most probably does: the length without the NUL on success
    expect(found["args"][:2] == short["args"][:2] and found["args"][3] == len(found["text"]),
           "known provider GUID/length args")
    expect(short["args"][3] == len(found["text"]) + 1, "size needed (with the NUL) on WSAEFAULT")
    failed(missing, WSAEINVAL)
    expect(missing["args"][0] == 0xdeadbeef and missing["args"][1] == 0, "unknown GUID args")


def check_misuse(cap, ifs):
    u = expect_names(cap, [CREATE, QUERY, CLOSE, CLOSE, QUERY, CREATE, "WPUCreateEvent"])
    s = check_open_close(u[0], u[1], u[2], ifs)
    expect(u[3]["args"] == [s], "second close of the same socket")
    failed(u[3], WSAENOTSOCK)
    expect(u[4]["args"][0] == 0x7ffff0, "query of the unknown handle")
    failed(u[4], WSAENOTSOCK)
    expect(ok(u[5])["result"] > 0 and ok(u[6])["result"] not in (0, -1), "leaked handles")


def check_crossthread(cap, ifs):
    """Thread B sets an event after thread A's close returned (fails: error 6, invalid handle),
    then two threads close one event at once (exactly one close fails)."""
    create, close, use, create2, *closes = expect_names(cap, [
        "WPUCreateEvent", "WPUCloseEvent", "WPUSetEvent", "WPUCreateEvent", "WPUCloseEvent",
        "WPUCloseEvent"])
    h = ok(create)["result"]
    expect(ok(close)["args"] == [h] and close["result"] == 1, "the first close")
    expect(use["args"] == [h] and use["result"] == 0 and use["error"] == 6 and
           use["tid"] != close["tid"], f"the set after the close: {use}")
    h2 = ok(create2)["result"]
    expect(all(c["args"] == [h2] for c in closes), "both closes name the second event")
    expect(sorted(c["result"] for c in closes) == [0, 1], "exactly one of the two closes failed")
    expect(len({c["tid"] for c in closes}) == 2, "the two closes came from two threads")


def check_stress(cap, ifs):
    counts = {}
    for n in names(cap):
        counts[n] = counts.get(n, 0) + 1
    per_round = ["WPUCreateEvent", "WPUSetEvent", "WPUResetEvent", "WPUCloseEvent"]
    per_round += socket_calls(ifs) + closing_calls(ifs)
    expect(set(counts) <= set(per_round), f"unexpected upcalls in stress: {counts}")
    expect(len({u["tid"] for u in cap.upcalls}) > 1, "stress upcalls came from one thread only")


CHECKS = {
    "lifecycle": check_lifecycle, "ifs": check_lifecycle, "asyncselect": check_asyncselect,
    "blocking": check_blocking, "events": check_events, "apc": check_apc,
    "overlapped": check_overlapped, "fdisset": check_fdisset, "misuse": check_misuse,
    "crossthread": check_crossthread,
    "stress": check_stress,
}


def check_scenario(cap, scenario, ifs, sample_dll):
    if scenario == "providerpath":
        check_providerpath(cap, ifs, sample_dll)
    else:
        CHECKS[scenario](cap, ifs)
