#!/usr/bin/env python3
"""Wine integration tests of wputrace.dll: runs wpuhost.exe with the real DLLs for every
scenario (x64 always, x86 when wine32 runs x86 code), decodes each capture with wptdump and
checks it event by event (capture_check.py); fail-open cases; the pipe sink; stress with the
pipe server vanishing and coming back (delivered + dropped == emitted exactly).
Also checks the committed sample captures (resources/captures).
Usage: wine_tests.py BUILD_DIR WPTDUMP CAPTURES_DIR. Last line: "wine: N passed, M failed"."""

import json
import os
import subprocess
import sys
import time

from capture_check import CaptureError, Capture, check_common, check_scenario, expect

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
          "providerpath", "misuse"]
IFS = ["ifs", "asyncselect", "blocking", "events", "apc", "fdisset", "providerpath"]
results = {"passed": 0, "failed": 0}


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
        check_common(cap, bitness, sample)
        check_scenario(cap, scenario, ifs, sample)
    test(f"{arch} {sample} {scenario}", body)


def not_applicable_test(arch):
    def body():
        rc, out, _ = host_run(arch, "ifs-overlapped", ["--scenario", "overlapped", "--ifs",
                                                        "sample_ifs.dll"])
        expect("scenario overlapped   NOT APPLICABLE" in out and rc == 0,
               f"expected NOT APPLICABLE:\n{out}")
    test(f"{arch} scenario not applicable to the IFS sample", body)


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
        expect(len(cap.of("PROCESS_GOODBYE")) == 1, "no PROCESS_GOODBYE at process exit")
    test(f"{arch} fail-open: {tag}", body)


def include_test(arch, bitness):
    def body():
        rc, out, capture = host_run(arch, "include-upper", ["--scenario", "events",
                                                              "sample_nonifs.dll"],
                                    {"WPUSCOPE_TRACE_INCLUDE": "other.exe;WPUHOST.EXE"})
        expect(rc == 0, f"host failed:\n{out}")
        check_common(decode(capture), bitness, "sample_nonifs.dll")
    test(f"{arch} config: Include list matches case-insensitively", body)


def pipe_server(arch, tag, pipe, cycles, up_ms, down_ms):
    received = fresh(os.path.join(OUT, arch, tag + ".wputrace"))
    log = open(os.path.join(OUT, arch, tag + "-server.log"), "w")
    proc = subprocess.Popen([WINE, os.path.join(BUILD, arch, "pipe_server.exe"), pipe,
                             win_path(received), str(cycles), str(up_ms), str(down_ms)],
                            cwd=os.path.join(BUILD, arch), env=ENV, stdin=subprocess.DEVNULL,
                            stdout=log, stderr=subprocess.STDOUT)
    return proc, received, log


def pipe_test(arch, bitness):
    def body():
        pipe = f"\\\\.\\pipe\\wpuscope-test-{arch}-{os.getpid()}"
        server, received, log = pipe_server(arch, "pipe-events", pipe, 0, 0, 0)
        time.sleep(1.5)
        rc, out = run(arch, ["wpuhost.exe", "--scenario", "events", "sample_nonifs.dll"],
                      os.path.join(OUT, arch, "pipe-events.log"),
                      {"WPUSCOPE_TRACE_SINK": "pipe", "WPUSCOPE_TRACE_PIPE": pipe})
        server.wait(timeout=60)
        log.close()
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
        pipe = f"\\\\.\\pipe\\wpuscope-stress-{arch}-{os.getpid()}"
        server, received, log = pipe_server(arch, "stress-pipe", pipe, 3, 700, 500)
        time.sleep(1.0)
        rc, out = run(arch, ["wpuhost.exe", "--scenario", "stress", "--threads", "6",
                             "--iterations", "4000", "sample_nonifs.dll"],
                      os.path.join(OUT, arch, "stress-pipe.log"),
                      {"WPUSCOPE_TRACE_SINK": "pipe", "WPUSCOPE_TRACE_PIPE": pipe})
        server.wait(timeout=90)
        log.close()
        expect(rc == 0 and "scenario stress       PASSED" in out, f"host failed:\n{out}")
        g = stress_books(decode(received), bitness, True)
        print(f"     emitted {g['emitted']}, dropped {g['dropped_total']}, "
              f"streams {len(decode(received).headers)}")
    test(f"{arch} stress: 6 threads, pipe server vanishing and coming back, books exact", body)


def arch_tests(arch, bitness):
    os.makedirs(os.path.join(OUT, arch), exist_ok=True)
    for scenario in NONIFS:
        scenario_test(arch, bitness, "sample_nonifs.dll", False, scenario)
    for scenario in IFS:
        scenario_test(arch, bitness, "sample_ifs.dll", True, scenario)
    not_applicable_test(arch)
    quiet_test(arch, "disabled", {"WPUSCOPE_TRACE_ENABLED": "0"})
    quiet_test(arch, "excluded", {"WPUSCOPE_TRACE_EXCLUDE": "wpuhost.exe"})
    quiet_test(arch, "not-included", {"WPUSCOPE_TRACE_INCLUDE": "other.exe"})
    include_test(arch, bitness)
    fail_open_test(arch, bitness, "missing-provider", ["--scenario", "events", "missing.dll"],
                   4, 3, "missing.dll")
    fail_open_test(arch, bitness, "system-catalog", ["--system-catalog", "--scenario", "events",
                                                     "sample_nonifs.dll"], 1, 3, "chain")
    pipe_test(arch, bitness)
    stress_file_test(arch, bitness)
    stress_pipe_test(arch, bitness)


def committed_captures_test():
    """The recorded captures decode cleanly, pass the common checks, and between them hold
    every one of the 16 upcalls."""
    def body():
        seen = set()
        for name, sample in (("scenario-all-x64.wputrace", "sample_nonifs.dll"),
                             ("scenario-all-ifs-x64.wputrace", "sample_ifs.dll")):
            cap = decode(os.path.join(CAPTURES, name))
            check_common(cap, 64, sample)
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
        print("x86 Wine tests SKIPPED: wine32 not installed")
    print(f"wine: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
