#!/usr/bin/env python3
"""Checks that wptdump decodes every golden vector to exactly its golden JSON.

    check_golden_json.py GOLDEN_DIR WPTDUMP [RUNNER...]

RUNNER (e.g. `wine`) runs a cross-built wptdump; $WPT_PATH_PREFIX (e.g. "Z:") is put
before the vector paths given to it. Rebuilds the golden structure
({"valid", "streams": [{"offset", "header", "records"}], "damage", "truncated_at", "error"})
from wptdump's JSON lines and compares it with golden/NAME.json. Prints one line per vector
and a final "LABEL: N passed, M failed" (LABEL from $CHECK_LABEL, default "native golden json").
"""
import json
import os
import subprocess
import sys
from pathlib import Path


def decode(wptdump, path):
    arg = os.environ.get("WPT_PATH_PREFIX", "") + str(path.resolve())
    proc = subprocess.run(wptdump + [arg], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)
    lines = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]
    result = {"valid": None, "streams": [], "damage": [], "truncated_at": None, "error": None}
    for obj in lines:
        if "header" in obj:
            result["streams"].append({"offset": obj["offset"], "header": obj["header"],
                                      "records": []})
        elif "type" in obj:
            result["streams"][-1]["records"].append(obj)
        elif "damage" in obj:
            result["damage"].append(obj["damage"])
        elif "truncated_at" in obj:
            result["truncated_at"] = obj["truncated_at"]
        elif "error" in obj:
            result["error"] = obj["error"]
        elif "summary" in obj:
            result["valid"] = obj["summary"]["valid"]
        else:
            raise ValueError(f"unexpected wptdump line {obj}")
    if not lines or "summary" not in lines[-1]:
        raise ValueError(f"wptdump output has no summary line (exit {proc.returncode}): "
                         f"{proc.stderr.decode(errors='replace')[-400:]}")
    expected_exit = 0 if result["valid"] else (2 if result["error"] else 1)
    if proc.returncode != expected_exit:
        raise ValueError(f"exit status {proc.returncode}, expected {expected_exit}")
    return result


def first_difference(a, b, where="$"):
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}.{key}: present only on one side"
            diff = first_difference(a[key], b[key], f"{where}.{key}")
            if diff:
                return diff
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            diff = first_difference(x, y, f"{where}[{i}]")
            if diff:
                return diff
        return None
    return None if a == b else f"{where}: {a!r} != {b!r}"


def main():
    golden = Path(sys.argv[1])
    wptdump = sys.argv[3:] + [sys.argv[2]]
    label = os.environ.get("CHECK_LABEL", "native golden json")
    passed = failed = 0
    vectors = sorted(golden.glob("*.wputrace"))
    if not vectors:
        print(f"no golden vectors in {golden}")
        failed += 1
    for vector in vectors:
        expected = json.loads(vector.with_suffix(".json").read_text())
        try:
            diff = first_difference(decode(wptdump, vector), expected)
        except (ValueError, KeyError, IndexError, subprocess.TimeoutExpired) as e:
            diff = str(e)
        if diff:
            failed += 1
            print(f"FAIL {vector.name}: {diff}")
        else:
            passed += 1
            print(f"ok   {vector.name}")
    print(f"{label}: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
