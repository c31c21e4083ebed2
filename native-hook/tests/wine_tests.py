#!/usr/bin/env python3
"""Wine integration tests of wputrace.dll: runs wpuhost.exe with the real DLLs for every
scenario (x64 always, x86 when wine32 runs x86 code), decodes each capture with wptdump and
checks it event by event (capture_check.py); fail-open cases; the pipe sink; stress with the
pipe server vanishing and coming back (delivered + dropped == emitted exactly).
Also checks the committed sample captures (resources/captures).
Usage: wine_tests.py BUILD_DIR WPTDUMP CAPTURES_DIR. Last line: "wine: N passed, M failed"."""

import json
import ntpath
import os
import re
import subprocess
import sys
import time

from capture_check import (BASE_ENTRY, CLOSE, CREATE, POST, QUERY, TRACER_GUID, WSAENOTSOCK,
                           CaptureError, Capture, check_common, check_scenario, expect, failed,
                           load_sessions)
from capture_spi import check_spi, check_spi_misuse

BUILD = os.path.abspath(sys.argv[1])
WPTDUMP = os.path.abspath(sys.argv[2])
CAPTURES = os.path.abspath(sys.argv[3])
OUT = os.path.join(BUILD, "wine-tests")
WINE = os.environ.get("WINE", "wine")
ENV = dict(os.environ, WINEDEBUG="-all",
           WINEPREFIX=os.environ.get("WPT_WINEPREFIX", os.path.join(BUILD, "wineprefix")))
for name in list(ENV):
    if name.startswith("WPUSCOPE_"):
        del ENV[name]

NONIFS = ["lifecycle", "asyncselect", "blocking", "events", "apc", "overlapped", "fdisset",
          "providerpath", "misuse", "crossthread", "spi", "spi-misuse"]
IFS = ["ifs", "asyncselect", "blocking", "events", "apc", "fdisset", "providerpath", "crossthread",
       "spi"]
# The SPI conversations' capture checks (capture_spi.py), by scenario: (capture, ifs).
SPI_CHECKS = {"spi": check_spi, "spi-misuse": lambda cap, ifs: check_spi_misuse(cap)}
results = {"passed": 0, "failed": 0}
LOAD_FAILED, INVALID_PROC_TABLE = 4, 12          # tracer status codes
CLEANUP, STARTUP_FAILED = 1, 4                   # PROCESS_GOODBYE end_reason
NO_ERROR_CODE = 4                                # upcall_flags bit 2
# The served entry of the committed captures, recorded when the host numbered its catalog from
# 1001 and gave the chain the tracer's GUID.
RECORDED_SERVED = (1201, TRACER_GUID)
ZERO_GUID = "00000000-0000-0000-0000-000000000000"
STRESS_UPCALLS = {False: ["WPUCreateEvent", "WPUSetEvent", "WPUResetEvent", "WPUCloseEvent",
                          "WPUCreateSocketHandle", "WPUQuerySocketHandleContext",
                          "WPUCloseSocketHandle"],
                  True: ["WPUModifyIFSHandle"]}


def win_path(path):
    return "Z:" + os.path.abspath(path).replace("/", "\\")


def run(arch, args, log, env_extra=None, timeout=180):
    env = dict(ENV, **(env_extra or {}))
    with open(log, "w") as out:
        proc = subprocess.run([WINE, os.path.join(BUILD, arch, args[0])] + args[1:],
                              cwd=os.path.join(BUILD, arch), env=env, stdin=subprocess.DEVNULL,
                              stdout=out, stderr=subprocess.STDOUT, timeout=timeout)
    with open(log, errors="replace") as f:
        return proc.returncode, f.read()


def decode(capture):
    expect(os.path.exists(capture), f"no capture file {capture}")
    text = subprocess.run([WPTDUMP, capture], capture_output=True, text=True, timeout=120).stdout
    return Capture([json.loads(line) for line in text.splitlines() if line.strip()])


def test(name, fn):
    try:
        fn()
        results["passed"] += 1
        print(f"PASS {name}")
    except (CaptureError, AssertionError, subprocess.TimeoutExpired, OSError, KeyError,
            ValueError, IndexError, TypeError) as e:
        results["failed"] += 1
        print(f"FAIL {name}: {e}")


def fresh(path):
    if os.path.exists(path):
        os.remove(path)
    return path


def host_run(arch, tag, args, env_extra=None):
    """Runs wpuhost with the file sink; returns (exit code, output, capture path)."""
    capture = fresh(os.path.join(OUT, arch, tag + ".wputrace"))
    env = {"WPUSCOPE_TRACE_SINK": "file", "WPUSCOPE_TRACE_FILE": win_path(capture)}
    env.update(env_extra or {})
    rc, out = run(arch, ["wpuhost.exe"] + args, os.path.join(OUT, arch, tag + ".log"), env)
    return rc, out, capture


def scenario_test(arch, bitness, sample, ifs, scenario):
    def body():
        args = ["--scenario", scenario] + (["--ifs"] if ifs else []) + [sample]
        rc, out, capture = host_run(arch, f"{sample[:-4]}-{scenario}", args)
        expect(f"scenario {scenario:<12} PASSED" in out, f"host did not pass:\n{out}")
        expect("wpuhost: 1 passed, 0 failed" in out and rc == 0, f"host summary/exit {rc}")
        cap = decode(capture)
        spi = scenario in SPI_CHECKS
        # the providers' threads commit concurrently with the host's: sequence numbers may
        # arrive slightly out of order, but every one of them must be there
        g = check_common(cap, bitness, sample, exact_drops=not spi)
        if spi:
            expect_every_sequence(cap, g)
            SPI_CHECKS[scenario](cap, ifs)
        else:
            check_scenario(cap, scenario, ifs, sample)
    test(f"{arch} {sample} {scenario}", body)


def expect_every_sequence(cap, goodbye):
    """No drop and every sequence number once, in whatever order the threads committed."""
    sequences = sorted(r["sequence"] for r in cap.upcalls + cap.downcalls)
    expect(goodbye["dropped_total"] == 0 and sequences == list(range(goodbye["emitted"])) and
           cap.summary["damage"] == 0, f"drops {goodbye['dropped_total']} or damage")


def spi_untraced_test(arch, sample, ifs, scenarios):
    """The SPI conversations pass without the tracer too (nothing the tracer does is needed)."""
    def body():
        args = ["--no-tracer"] + [a for s in scenarios for a in ("--scenario", s)]
        rc, out, _ = host_run(arch, f"{sample[:-4]}-spi-untraced",
                              args + (["--ifs"] if ifs else []) + [sample])
        expect(rc == 0 and f"wpuhost: {len(scenarios)} passed, 0 failed" in out and
               "FAILED" not in out, f"exit {rc}:\n{out[-3000:]}")
    test(f"{arch} {sample} {' + '.join(scenarios)} without the tracer", body)


def not_applicable_test(arch):
    def body():
        rc, out, _ = host_run(arch, "ifs-overlapped", ["--scenario", "overlapped", "--ifs",
                                                        "sample_ifs.dll"])
        expect("scenario overlapped   NOT APPLICABLE" in out and rc == 0,
               f"expected NOT APPLICABLE:\n{out}")
    test(f"{arch} scenario not applicable to the IFS sample", body)


def command_line_test(arch):
    def body():
        rc, out = run(arch, ["wpuhost.exe", "--help"], os.path.join(OUT, arch, "help.log"))
        expect(rc == 0 and "usage: wpuhost" in out and "--scenario NAME" in out, "--help")
        rc, out = run(arch, ["wpuhost.exe", "--list-scenarios"],
                      os.path.join(OUT, arch, "list.log"))
        listed = [line.split()[0] for line in out.splitlines() if line.strip()]
        expect(rc == 0 and listed == NONIFS[:1] + ["ifs"] + NONIFS[1:] + ["stress", "bench", "all"],
               f"--list-scenarios: {listed}")
        rc, out = run(arch, ["wpuhost.exe", "--scenario", "nope", "x.dll"],
                      os.path.join(OUT, arch, "bad.log"))
        expect(rc == 2 and "unknown scenario 'nope'" in out, f"bad scenario: {rc} {out}")
    test(f"{arch} wpuhost command line: --help, --list-scenarios, usage errors", body)


def quiet_test(arch, tag, env_extra):
    """Tracing off for this process: the chain works, nothing is written."""
    def body():
        rc, out, capture = host_run(arch, tag, ["--scenario", "events", "sample_nonifs.dll"],
                                    env_extra)
        expect("wpuhost: 1 passed, 0 failed" in out and rc == 0, f"host failed:\n{out}")
        expect(not os.path.exists(capture), "a capture was written although tracing is off")
    test(f"{arch} fail-open/config: {tag}", body)


def fail_open_test(arch, bitness, tag, args, status, expect_rc, message_part):
    def body():
        rc, out, capture = host_run(arch, tag, args)
        expect(rc == expect_rc, f"exit code {rc}, expected {expect_rc}:\n{out}")
        cap = decode(capture)
        loaded = cap.of("PROVIDER_LOADED")
        expect(loaded and loaded[0]["status"] == status,
               f"PROVIDER_LOADED status {loaded[0]['status'] if loaded else None} != {status}")
        messages = cap.of("TRACER_MESSAGE")
        expect(any(m["status"] == status and message_part in m["message"] for m in messages),
               f"no TRACER_MESSAGE with status {status} mentioning {message_part!r}: {messages}")
        expect(cap.of("PROCESS_HELLO")[0]["bitness"] == bitness, "HELLO bitness")
        goodbye = cap.of("PROCESS_GOODBYE")
        expect(len(goodbye) == 1 and goodbye[0]["end_reason"] == STARTUP_FAILED,
               f"one PROCESS_GOODBYE saying the startup failed: {goodbye}")
        if status == LOAD_FAILED:  # the tracer knew the next entry: the record says which
            expect(loaded[0]["next_entry_id"] == BASE_ENTRY and
                   loaded[0]["next_provider_id"] != ZERO_GUID, f"next entry: {loaded[0]}")
    test(f"{arch} fail-open: {tag}", body)


def host_figures(out):
    """Threads and handles of the host process at start and at end, from its last lines."""
    m = re.search(r"host: threads (\d+) at start, (\d+) at end; handles (\d+) at start, "
                  r"(\d+) at end", out)
    expect(m, f"the host did not print its thread and handle counts:\n{out[-2000:]}")
    return tuple(int(g) for g in m.groups())


def expect_nothing_left(out):
    threads_start, threads_end, handles_start, handles_end = host_figures(out)
    expect(threads_end == threads_start, f"threads {threads_start} at start, {threads_end} at end")
    expect(handles_end == handles_start, f"handles {handles_start} at start, {handles_end} at end")
    expect("page fault" not in out and "Unhandled" not in out, f"a crash:\n{out[-3000:]}")


def failed_startup_cycles_test(arch, bitness, hold_loader_lock):
    """ws2_32 frees the tracer right after its WSPStartup failed (the next provider's DLL is
    missing), 1000 times in one process: no crash, no thread or handle left, and every load
    session says why it ended. With the loader lock held across WSPStartup and FreeLibrary a
    thread created by WSPStartup cannot start before the DLL is gone: a tracer whose thread
    took its own module reference would crash at the first cycle."""
    cycles = 1000
    lock = ["--hold-loader-lock"] if hold_loader_lock else []

    def body():
        rc, out, capture = host_run(arch, "failed-startups" + ("-locked" if lock else ""),
                                    ["--cycles", str(cycles), "--scenario", "lifecycle"] + lock +
                                    ["missing.dll"])
        expect(rc == 3 and f"{cycles} cycles, {cycles} failed to start" in out,
               f"exit {rc}:\n{out[-2000:]}")
        expect_nothing_left(out)
        sessions = load_sessions(decode(capture))
        expect(len(sessions) == cycles, f"{len(sessions)} load sessions, expected {cycles}")
        starts = {sess.records[0]["process_start_filetime"] for sess in sessions}
        expect(len(starts) == 1, "the load sessions do not name one process")
        for number, sess in enumerate(sessions, 1):
            hello, loaded, goodbye = (sess.of(t) for t in ("PROCESS_HELLO", "PROVIDER_LOADED",
                                                           "PROCESS_GOODBYE"))
            expect(hello[0]["load_session"] == number and hello[0]["bitness"] == bitness,
                   f"load session {number}: {hello[0]}")
            expect(len(loaded) == 1 and loaded[0]["status"] == LOAD_FAILED,
                   f"load session {number}: {loaded}")
            expect(len(goodbye) == 1 and goodbye[0]["end_reason"] == STARTUP_FAILED and
                   goodbye[0]["emitted"] == 0, f"load session {number}: {goodbye}")
        print(f"     {cycles} failed startups: threads and handles as at start, no crash")
    test(f"{arch} lifecycle: {cycles} failed WSPStartups, each freed at once"
         f"{' with the loader lock held' if lock else ''}", body)


def cycles_test(arch, bitness, sample, ifs, scenario_args, tag):
    """--cycles 5: WSAStartup ... WSACleanup five times in one process, the tracer unloaded
    after each WSPCleanup and loaded again: five load sessions of one process, each with its
    books exact, each ended by CLEANUP, and nothing of the tracer left running."""
    cycles = 5

    def body():
        rc, out, capture = host_run(arch, f"cycles-{tag}", ["--cycles", str(cycles)] +
                                    scenario_args + (["--ifs"] if ifs else []) + [sample])
        expect(f"{cycles} cycles, 0 failed to start, 0 WSPCleanup failed" in out,
               f"exit {rc}:\n{out[-3000:]}")
        expect_nothing_left(out)
        sessions = load_sessions(decode(capture))
        expect(len(sessions) == cycles, f"{len(sessions)} load sessions, expected {cycles}")
        expect(len({(sess.records[0]["pid"], sess.records[0]["process_start_filetime"])
                    for sess in sessions}) == 1, "the load sessions do not name one process")
        for number, sess in enumerate(sessions, 1):
            g = check_common(sess, bitness, sample, exact_drops=False)
            expect(sess.records[0]["load_session"] == number, f"load session {number}")
            expect(g["end_reason"] == CLEANUP, f"load session {number} ended {g['end_reason']}")
        print(f"     {cycles} load sessions, each with exact books; host: threads and handles "
              f"as at start")
    test(f"{arch} lifecycle: {cycles} load sessions ({tag})", body)


def fail_upcall_test(arch, sample, ifs, upcall):
    """--fail-upcall NAME:3: every third call of the upcall fails without an error code. The
    capture says "no error code given" for exactly those calls, and the sample still releases
    everything it could release."""
    def body():
        rc, out, capture = host_run(arch, f"fail-{upcall}", [
            "--scenario", "stress", "--threads", "2", "--iterations", "100",
            "--fail-upcall", f"{upcall}:3"] + (["--ifs"] if ifs else []) + [sample])
        m = re.search(r"host: (\d+) handle\(s\) left open by the provider"
                      r"(?:, (\d+) of them because)?", out)
        expect(m, f"no leak line:\n{out[-2000:]}")
        left, refused = int(m.group(1)), int(m.group(2) or 0)
        expect(left == refused, f"the sample leaked {left - refused} handle(s) it could release")
        expect_nothing_left(out)
        cap = decode(capture)
        # threads commit concurrently: sequence numbers may arrive slightly out of order
        g = check_common(cap, 64 if arch == "x64" else 32, sample, exact_drops=False)
        expect(g["dropped_total"] == 0, f"{g['dropped_total']} events dropped (the ring holds 2048)")
        calls = [u for u in cap.upcalls if u["upcall_name"] == upcall]
        silent = [u for u in calls if u["upcall_flags"] & NO_ERROR_CODE]
        expect(calls and len(silent) == len(calls) // 3,
               f"{len(silent)} of {len(calls)} calls flagged 'no error code given'")
        expect(all(u["error"] == 0 for u in silent), "an error code where none was given")
        expect(not any(u["upcall_flags"] & NO_ERROR_CODE for u in cap.upcalls
                       if u["upcall_name"] != upcall), "flag on an upcall that was not failed")
    test(f"{arch} --fail-upcall {upcall}:3 (no error code): flagged, nothing leaked", body)


def invalid_proc_table_test(arch, tracer):
    """A provider whose WSPStartup leaves an entry of its proc table NULL: ws2_32 (here the
    host) and the tracer both refuse it with WSAEINVALIDPROCTABLE and free it."""
    def body():
        args = ([] if tracer else ["--no-tracer"]) + ["--scenario", "lifecycle",
                                                       "sample_nonifs.dll"]
        rc, out, capture = host_run(arch, f"invalid-proc-table-{tracer}", args,
                                    {"WPUSCOPE_SAMPLE_INCOMPLETE_PROC_TABLE": "1"})
        expect(rc == 3 and "returned 10104" in out, f"exit {rc}:\n{out}")
        expect_nothing_left(out)
        if tracer:
            loaded = decode(capture).of("PROVIDER_LOADED")
            expect(loaded and loaded[0]["status"] == INVALID_PROC_TABLE and
                   loaded[0]["startup_result"] == 10104, f"PROVIDER_LOADED {loaded}")
    test(f"{arch} incomplete proc table refused ({'by the tracer' if tracer else 'by the host'})",
         body)


def registry_test(arch, bitness):
    """Configuration from HKLM\\SOFTWARE\\wpuscope\\Tracer (64-bit view) without any variable;
    %p in Path becomes the pid."""
    key = "HKLM\\SOFTWARE\\wpuscope\\Tracer"
    folder = os.path.join(OUT, arch, "registry")

    def reg(*args):
        subprocess.run([WINE, "reg"] + list(args) + ["/reg:64", "/f"], env=ENV,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=120)

    def body():
        os.makedirs(folder, exist_ok=True)
        for f in os.listdir(folder):
            os.remove(os.path.join(folder, f))
        reg("add", key, "/v", "Sink", "/t", "REG_SZ", "/d", "file")
        reg("add", key, "/v", "Path", "/t", "REG_EXPAND_SZ", "/d",
            win_path(folder) + "\\reg-%p.wputrace")
        reg("add", key, "/v", "Enabled", "/t", "REG_DWORD", "/d", "1")
        try:
            rc, out = run(arch, ["wpuhost.exe", "--scenario", "events", "sample_nonifs.dll"],
                          os.path.join(OUT, arch, "registry.log"))
        finally:
            reg("delete", key)
        expect(rc == 0, f"host failed:\n{out}")
        files = os.listdir(folder)
        expect(len(files) == 1, f"expected one capture in {folder}: {files}")
        cap = decode(os.path.join(folder, files[0]))
        check_common(cap, bitness, "sample_nonifs.dll")
        pid = cap.of("PROCESS_HELLO")[0]["pid"]
        expect(files[0] == f"reg-{pid}.wputrace", f"{files[0]} is not reg-{pid}.wputrace")
    test(f"{arch} config: registry key (Sink, Path with %p, Enabled)", body)


def include_test(arch, bitness):
    def body():
        rc, out, capture = host_run(arch, "include-upper", ["--scenario", "events",
                                                              "sample_nonifs.dll"],
                                    {"WPUSCOPE_TRACE_INCLUDE": "other.exe;WPUHOST.EXE"})
        expect(rc == 0, f"host failed:\n{out}")
        check_common(decode(capture), bitness, "sample_nonifs.dll")
    test(f"{arch} config: Include list matches case-insensitively", body)


def host_run_with_pipe_server(arch, tag, server_args, host_args):
    """Starts pipe_server.exe (CYCLES UP_MS DOWN_MS MAX_BYTES), then wpuhost with the pipe
    sink; returns (exit code, output, what the server received)."""
    pipe = f"\\\\.\\pipe\\wpuscope-{tag}-{arch}-{os.getpid()}"
    received = fresh(os.path.join(OUT, arch, tag + ".wputrace"))
    with open(os.path.join(OUT, arch, tag + "-server.log"), "w") as log:
        server = subprocess.Popen([WINE, os.path.join(BUILD, arch, "pipe_server.exe"), pipe,
                                   win_path(received)] + [str(a) for a in server_args],
                                  cwd=os.path.join(BUILD, arch), env=ENV,
                                  stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        time.sleep(1.0)
        rc, out = run(arch, ["wpuhost.exe"] + host_args, os.path.join(OUT, arch, tag + ".log"),
                      {"WPUSCOPE_TRACE_SINK": "pipe", "WPUSCOPE_TRACE_PIPE": pipe})
        server.wait(timeout=90)
    return rc, out, received


def pipe_test(arch, bitness):
    def body():
        rc, out, received = host_run_with_pipe_server(
            arch, "pipe-events", [0, 0, 0, 0], ["--scenario", "events", "sample_nonifs.dll"])
        expect(rc == 0 and "wpuhost: 1 passed, 0 failed" in out, f"host failed:\n{out}")
        cap = decode(received)
        check_common(cap, bitness, "sample_nonifs.dll")
        check_scenario(cap, "events", False, "sample_nonifs.dll")
    test(f"{arch} pipe sink: events through the named pipe", body)


def stress_books(cap, bitness, want_reconnects):
    g = check_common(cap, bitness, "sample_nonifs.dll", exact_drops=False)
    check_scenario(cap, "stress", False, "sample_nonifs.dll")
    expect(g["emitted"] > 0, "nothing emitted")
    drops = cap.of("DROPS")
    if drops:
        expect(drops[-1]["dropped_total"] <= g["dropped_total"], "DROPS total above GOODBYE")
    if want_reconnects:
        expect(len(cap.headers) >= 2, f"the sink never came back ({len(cap.headers)} streams)")
        expect(g["dropped_total"] > 0, "the sink vanished but nothing was dropped")
    return g


def stress_file_test(arch, bitness):
    def body():
        rc, out, capture = host_run(arch, "stress-file", ["--scenario", "stress", "--threads",
                                                           "8", "--iterations", "300",
                                                           "sample_nonifs.dll"])
        expect(rc == 0 and "scenario stress       PASSED" in out, f"host failed:\n{out}")
        g = stress_books(decode(capture), bitness, False)
        print(f"     emitted {g['emitted']}, dropped {g['dropped_total']}")
    test(f"{arch} stress: 8 threads, file sink, delivered + dropped == emitted", body)


def stress_pipe_test(arch, bitness):
    def body():
        # Three times: up until 256 KiB arrived (or 3 s), then away for 200 ms; the last
        # connection stays until the tracer's GOODBYE. The stress (about 500000 upcalls) is
        # long enough to outlast the three cycles (the GOODBYE can only be delivered when the
        # server is there at the end).
        rc, out, received = host_run_with_pipe_server(
            arch, "stress-pipe", [3, 3000, 200, 256 * 1024],
            ["--scenario", "stress", "--threads", "6", "--iterations", "12000",
             "sample_nonifs.dll"])
        expect(rc == 0 and "scenario stress       PASSED" in out, f"host failed:\n{out}")
        cap = decode(received)
        g = stress_books(cap, bitness, True)
        print(f"     emitted {g['emitted']}, dropped {g['dropped_total']}, "
              f"streams {len(cap.headers)}")
    test(f"{arch} stress: 6 threads, pipe server vanishing and coming back, books exact", body)


LSP_GUID, LSP2_GUID = ("5a3c1e70-2b4d-4e8f-9a1b-6c7d8e9f0a01",
                       "5a3c1e70-2b4d-4e8f-9a1b-6c7d8e9f0a02")
LSP_ENTRY, LSP2_ENTRY = 50002, 50004        # their layered entries (over the base 50001)
LSP_LAYER = ["--layer-guid", f"sample_lsp.dll={{{LSP_GUID}}}"]
LSP_SERVED = (50005, "6b1c2d04-1111-4222-8333-77686f737443")  # tracer -> sample_lsp -> base
LSP2_LAYER = ["--layer-guid", f"sample_lsp2.dll={LSP2_GUID}"]
BASE = "sample_nonifs.dll"
CATALOG_ANSWERS = ("host catalog answers: WSCEnumProtocols WSCGetProviderPath WSAEnumProtocolsW "
                   "WSAEnumProtocolsA WSCGetProviderInfo")


def module_names(cap):
    return {m["module_id"]: ntpath.basename(m["path"]).lower() for m in cap.of("MODULE")}


def upcalls_by(cap, dll, name=None):
    by = module_names(cap)
    return [u for u in cap.upcalls if by.get(u["caller_module_id"]) == dll and
            (name is None or u["upcall_name"] == name)]


def expect_creators(cap, creators):
    """Each DLL created its sockets with the catalog entry id of its own entry."""
    for dll, entry in creators.items():
        made = upcalls_by(cap, dll, "WPUCreateSocketHandle")
        expect(made and all(u["args"][0] == entry and u["error"] == 0 for u in made),
               f"{dll}: WPUCreateSocketHandle {[u['args'] for u in made]}, expected entry {entry}")


def check_layered_lifecycle(cap, lsp, base):
    """WSPSocket + WSPCloseSocket through a non-IFS LSP over a non-IFS base: the base makes its
    handle, the LSP its own over it; closing, the LSP finds its record, the base closes its
    handle, then the LSP closes its own."""
    by = module_names(cap)
    got = [(by.get(u["caller_module_id"]), u["upcall_name"]) for u in cap.upcalls[:6]]
    wanted = [(base, CREATE), (lsp, CREATE), (lsp, QUERY), (base, QUERY), (base, CLOSE),
              (lsp, CLOSE)]
    expect(got == wanted, f"layered lifecycle upcalls {got}\n  expected {wanted}")
    lower, own = cap.upcalls[0], cap.upcalls[1]
    for opened, query, close in ((own, cap.upcalls[2], cap.upcalls[5]),
                                 (lower, cap.upcalls[3], cap.upcalls[4])):
        expect(query["args"] == [opened["result"], opened["args"][1]] and query["result"] == 0,
               f"context query {query['args']} of handle {opened['result']:#x}")
        expect(close["args"] == [opened["result"]] and close["result"] == 0,
               f"close {close['args']} of handle {opened['result']:#x}")


def lsp_all_test(arch, bitness):
    """Tracer -> sample_lsp.dll -> sample_nonifs.dll: the LSP finds itself by its GUID through
    the host's WSCEnumProtocols, loads the base through WSCGetProviderPath; every scenario
    passes; the capture attributes each upcall to the module that made it."""
    def body():
        rc, out, capture = host_run(arch, "lsp-all", ["--scenario", "all"] + LSP_LAYER +
                                    ["sample_lsp.dll", BASE])
        expect(rc == 0 and "wpuhost: 12 passed, 0 failed, 1 not applicable" in out,
               f"exit {rc}:\n{out}")
        expect(CATALOG_ANSWERS in out, f"the host did not answer the catalog functions:\n{out}")
        expect(f"catalog entry 50002: chain length 0, {{{LSP_GUID.upper()}}} sample_lsp.dll"
               in out and "catalog entry 50005: chain length 3 [50004, 50002, 50001]" in out,
               f"catalog layout:\n{out}")
        expect(re.search(r"sockets of sample_lsp\.dll \(entry 50002\): created (\d+), "
                         r"closed \1\n", out), f"the LSP's books:\n{out}")
        cap = decode(capture)
        g = check_common(cap, bitness, "sample_lsp.dll", exact_drops=False, served=LSP_SERVED,
                         callers=["sample_lsp.dll", BASE])
        expect_every_sequence(cap, g)  # spi's provider threads commit concurrently
        check_layered_lifecycle(cap, "sample_lsp.dll", BASE)
        expect_creators(cap, {"sample_lsp.dll": LSP_ENTRY, BASE: BASE_ENTRY})
        expect({u["upcall_name"] for u in upcalls_by(cap, "sample_lsp.dll")} ==
               {CREATE, QUERY, CLOSE, POST},
               "the LSP made upcalls other than its socket handles' and its translated messages")
    test(f"{arch} layered LSP: tracer -> sample_lsp -> {BASE}, every scenario, found by GUID",
         body)


def lsp_untraced_test(arch):
    def body():
        rc, out, _ = host_run(arch, "lsp-untraced", ["--no-tracer", "--scenario", "all"] +
                              LSP_LAYER + ["sample_lsp.dll", BASE])
        expect(rc == 0 and "wpuhost: 12 passed, 0 failed, 1 not applicable" in out,
               f"exit {rc}:\n{out}")
        expect("catalog entry 50003: chain length 2 [50002, 50001]" in out and
               out.count(" served") == 1 and "[50002, 50001], {6B1C2D02" in out,
               f"the LSP's own chain is not the served entry:\n{out}")
    test(f"{arch} layered LSP without the tracer: every scenario", body)


def lsp_not_found_test(arch, tag, args, where):
    """The LSP cannot find its layered entry: without its GUID in the host catalog, or when the
    host leaves the catalog functions to the system (--system-catalog)."""
    def body():
        rc, out, _ = host_run(arch, f"lsp-not-found-{tag}", ["--no-tracer", "--scenario",
                                                             "lifecycle"] + args +
                              ["sample_lsp.dll", BASE])
        expect(rc == 3 and "sample_lsp: no layered catalog entry with this LSP's GUID" in out
               and "returned 10106" in out, f"exit {rc}:\n{out}")
    test(f"{arch} layered LSP not found {where}: WSAEPROVIDERFAILEDINIT, said why", body)


def lsp_stacked_test(arch, bitness):
    """Two LSPs stacked under the tracer, each found by its own GUID: each layer's chain is
    [layer, ..., base] with a GUID of its own; each provider creates its handles with its own
    entry id, and the books balance per provider."""
    def body():
        rc, out, capture = host_run(arch, "lsp-stacked", ["--scenario", "lifecycle"] +
                                    LSP_LAYER + LSP2_LAYER +
                                    ["sample_lsp2.dll", "sample_lsp.dll", BASE])
        expect(rc == 0 and "wpuhost: 1 passed, 0 failed" in out, f"exit {rc}:\n{out}")
        for line in ("catalog entry 50004: chain length 0, {5A3C1E70-2B4D-4E8F-9A1B-"
                     "6C7D8E9F0A02} sample_lsp2.dll",
                     "catalog entry 50005: chain length 3 [50004, 50002, 50001], {6B1C2D04",
                     "catalog entry 50007: chain length 4 [50006, 50004, 50002, 50001], "
                     "{6B1C2D06"):
            expect(line in out, f"no line {line!r}:\n{out}")
        for dll, entry in (("sample_lsp2.dll", LSP2_ENTRY), ("sample_lsp.dll", LSP_ENTRY),
                           (BASE, BASE_ENTRY)):
            expect(f"sockets of {dll} (entry {entry}): created 1, closed 1" in out,
                   f"books of {dll}:\n{out}")
        cap = decode(capture)
        check_common(cap, bitness, "sample_lsp2.dll",
                     served=(50007, "6b1c2d06-1111-4222-8333-77686f737443"),
                     callers=["sample_lsp2.dll", "sample_lsp.dll", BASE])
        expect_creators(cap, {"sample_lsp2.dll": LSP2_ENTRY, "sample_lsp.dll": LSP_ENTRY,
                              BASE: BASE_ENTRY})
    test(f"{arch} two LSPs stacked: tracer -> sample_lsp2 -> sample_lsp -> {BASE}", body)


def lsp_bugs_test(arch, bitness):
    """The LSP's deliberate bugs (WPUSCOPE_SAMPLE_LSP_BUGS): a context query of the base's handle
    and a close of the base's handle instead of its own. The host's books name the LSP, its
    leak report names the LSP's entry, and the capture attributes both wrong upcalls to
    sample_lsp.dll."""
    def body():
        rc, out, capture = host_run(arch, "lsp-bugs", ["--scenario", "lifecycle"] + LSP_LAYER +
                                    ["sample_lsp.dll", BASE],
                                    {"WPUSCOPE_SAMPLE_LSP_BUGS": "1"})
        expect(rc == 1 and "[sample_lsp.dll (entry 50002) created 1 socket(s), closed 0]" in out
               and re.search(r"leaked non-IFS socket 0x[0-9a-f]+ created by sample_lsp\.dll "
                             r"\(entry 50002\)", out), f"exit {rc}:\n{out}")
        cap = decode(capture)
        check_common(cap, bitness, "sample_lsp.dll", served=LSP_SERVED,
                     callers=["sample_lsp.dll", BASE])
        base_handles = {u["result"] for u in upcalls_by(cap, BASE, CREATE)}
        wrong = [u for u in upcalls_by(cap, "sample_lsp.dll")
                 if u["upcall_name"] in (QUERY, CLOSE) and u["args"][0] in base_handles]
        expect([u["upcall_name"] for u in wrong] == [QUERY, CLOSE],
               f"the LSP's upcalls on the base's handle: {wrong}")
        failed(wrong[1], WSAENOTSOCK)  # the base had closed it already
    test(f"{arch} layered LSP's deliberate bugs found and attributed to sample_lsp.dll", body)


def lsp_spi_test(arch, bitness, scenario):
    """The SPI conversations through tracer -> sample_lsp -> base: the LSP forwards every
    entry with its handles mapped to the base's, translates the async-select messages (posted
    from its own thread with its own handle) and answers the handle queries right."""
    def body():
        rc, out, capture = host_run(arch, f"lsp-{scenario}", ["--scenario", scenario] +
                                    LSP_LAYER + ["sample_lsp.dll", BASE])
        expect(rc == 0 and "wpuhost: 1 passed, 0 failed" in out, f"exit {rc}:\n{out[-3000:]}")
        cap = decode(capture)
        g = check_common(cap, bitness, "sample_lsp.dll", exact_drops=False, served=LSP_SERVED,
                         callers=["sample_lsp.dll", BASE])
        expect_every_sequence(cap, g)
        if scenario == "spi":
            check_spi(cap, False, layered=True)
            posts = upcalls_by(cap, "sample_lsp.dll", POST)
            expect(len(posts) == 3 and len(upcalls_by(cap, BASE, POST)) == 3 and
                   all(u["args"][1] == 0x401 for u in posts),
                   "the LSP did not pass each of the base's messages on to the host's window")
        else:
            check_spi_misuse(cap, layered=True)
    test(f"{arch} layered LSP: {scenario} through tracer -> sample_lsp -> {BASE}", body)


def lsp_spi_bug_test(arch, bitness):
    """WPUSCOPE_SAMPLE_LSP_BUGS: the LSP answers SIO_BASE_HANDLE with its own handle; the host's
    check fails naming the LSP's entry, and the capture shows the LSP's socket as the answer."""
    def body():
        rc, out, capture = host_run(arch, "lsp-spi-bugs", ["--scenario", "spi"] + LSP_LAYER +
                                    ["sample_lsp.dll", BASE], {"WPUSCOPE_SAMPLE_LSP_BUGS": "1"})
        expect(rc == 1 and re.search(r"check WSPIoctl SIO_BASE_HANDLE: the base provider's "
                                     r"socket: FAILED \(result 0, error 0, socket 0x[0-9a-f]+ "
                                     r"made by catalog entry 50002\)", out),
               f"exit {rc}:\n{out[-3000:]}")
        expect("check WSPIoctl SIO_BSP_HANDLE: the base provider's socket: passed" in out,
               "SIO_BSP_HANDLE must still be passed down")
        cap = decode(capture)
        lsp_sockets = {u["result"] for u in upcalls_by(cap, "sample_lsp.dll", CREATE)}
        base_query = [d for d in cap.downcalls if d["function_name"] == "WSPIoctl" and
                      d["args"][0] == 0x48000022]
        expect(len(base_query) == 1 and base_query[0]["args"][7] in lsp_sockets and
               base_query[0]["args"][7] == base_query[0]["socket"],
               f"SIO_BASE_HANDLE in the capture: {base_query}")
    test(f"{arch} layered LSP's SIO_BASE_HANDLE bug: the LSP's own handle, found", body)


def arch_tests(arch, bitness):
    os.makedirs(os.path.join(OUT, arch), exist_ok=True)
    for scenario in NONIFS:
        scenario_test(arch, bitness, "sample_nonifs.dll", False, scenario)
    for scenario in IFS:
        scenario_test(arch, bitness, "sample_ifs.dll", True, scenario)
    not_applicable_test(arch)
    command_line_test(arch)
    quiet_test(arch, "disabled", {"WPUSCOPE_TRACE_ENABLED": "0"})
    quiet_test(arch, "excluded", {"WPUSCOPE_TRACE_EXCLUDE": "wpuhost.exe"})
    quiet_test(arch, "not-included", {"WPUSCOPE_TRACE_INCLUDE": "other.exe"})
    include_test(arch, bitness)
    registry_test(arch, bitness)
    fail_open_test(arch, bitness, "missing-provider", ["--scenario", "events", "missing.dll"],
                   4, 3, "missing.dll")
    fail_open_test(arch, bitness, "system-catalog", ["--system-catalog", "--scenario", "events",
                                                     "sample_nonifs.dll"], 1, 3, "chain")
    pipe_test(arch, bitness)
    stress_file_test(arch, bitness)
    stress_pipe_test(arch, bitness)
    failed_startup_cycles_test(arch, bitness, hold_loader_lock=False)
    failed_startup_cycles_test(arch, bitness, hold_loader_lock=True)
    cycles_test(arch, bitness, "sample_nonifs.dll", False, [], "every scenario, non-IFS")
    cycles_test(arch, bitness, "sample_ifs.dll", True, [], "every scenario, IFS")
    cycles_test(arch, bitness, "sample_nonifs.dll", False,
                ["--scenario", "stress", "--threads", "4", "--iterations", "500"], "stress")
    for ifs, upcalls in STRESS_UPCALLS.items():
        for upcall in upcalls:
            fail_upcall_test(arch, "sample_ifs.dll" if ifs else "sample_nonifs.dll", ifs, upcall)
    invalid_proc_table_test(arch, tracer=True)
    invalid_proc_table_test(arch, tracer=False)
    lsp_all_test(arch, bitness)
    lsp_untraced_test(arch)
    lsp_not_found_test(arch, "no-guid", [], "without its GUID in the host catalog")
    lsp_not_found_test(arch, "system-catalog", ["--system-catalog"] + LSP_LAYER,
                       "in the system catalog (--system-catalog)")
    lsp_stacked_test(arch, bitness)
    lsp_bugs_test(arch, bitness)
    for scenario in ("spi", "spi-misuse"):
        lsp_spi_test(arch, bitness, scenario)
    lsp_spi_bug_test(arch, bitness)
    spi_untraced_test(arch, "sample_nonifs.dll", False, ["spi", "spi-misuse"])
    spi_untraced_test(arch, "sample_ifs.dll", True, ["spi"])


def committed_captures_test():
    """The recorded captures decode cleanly, pass the common checks, and between them hold
    every one of the 16 upcalls."""
    def body():
        seen = set()
        for name, sample in (("scenario-all-x64.wputrace", "sample_nonifs.dll"),
                             ("scenario-all-ifs-x64.wputrace", "sample_ifs.dll")):
            cap = decode(os.path.join(CAPTURES, name))
            check_common(cap, 64, sample, served=RECORDED_SERVED)
            seen |= {u["upcall"] for u in cap.upcalls}
        expect(seen == set(range(16)), f"upcalls missing from the captures: "
               f"{sorted(set(range(16)) - seen)}")
    test("committed captures in resources/captures", body)


def wine_runs(arch, bits):
    try:
        _, out = run(arch, ["bitness_probe.exe"], os.path.join(OUT, f"probe-{arch}.log"),
                     timeout=300)
    except (subprocess.TimeoutExpired, OSError):
        return False
    return f"probe {bits}" in out


def main():
    os.makedirs(OUT, exist_ok=True)
    committed_captures_test()
    if not wine_runs("x64", 64):
        print("FAIL wine does not run the x64 probe (see build/wine-tests/probe-x64.log)")
        results["failed"] += 1
    else:
        arch_tests("x64", 64)
    if wine_runs("x86", 32):
        arch_tests("x86", 32)
    else:
        print("x86 Wine tests SKIPPED: this Wine cannot run x86 programs (wine32:i386 not "
              "installed, or a kernel without 32-bit support)")
    print(f"wine: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
