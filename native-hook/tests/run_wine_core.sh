#!/bin/sh
# Runs the cross-built core tests and wptdump under Wine and checks their OUTPUT (Wine can
# exit 0 when a program could not even start).
#   run_wine_core.sh LABEL BUILD_DIR GOLDEN_DIR [optional]
# LABEL e.g. "native (wine x64)"; BUILD_DIR holds wpt_tests.exe and wptdump.exe.
# "optional": when the exe cannot start at all (no 32-bit Wine), say so and succeed.
# Environment: WINE (default wine), WINEPREFIX.
set -u
label=$1 dir=$2 golden=$3 optional=${4:-}
wine=${WINE:-wine}
export WINEDEBUG=-all
golden_abs=$(cd "$golden" && pwd)
out="$dir/wpt_tests.out" err="$dir/wpt_tests.err"
"$wine" "$dir/wpt_tests.exe" "Z:$golden_abs" "$label" </dev/null >"$out" 2>"$err"
status=$?
# Never started: no output at all (wine32 missing) or Wine's own "could not be started" (the
# 64-bit loader asked to run a 32-bit program on a kernel that cannot run the 32-bit one).
if [ -n "$optional" ] && { ! [ -s "$out" ] || grep -q "could not be started" "$out"; }; then
    echo "SKIPPED: $label: this Wine cannot run it (exit $status): wine32:i386 is missing" \
         "or the kernel cannot run 32-bit programs; see setup.sh"
    exit 0
fi
summary=$(tr -d '\r' <"$out" | grep -F "$label: " | tail -1)
passed=$(echo "$summary" | sed -n 's/.*: \([0-9][0-9]*\) passed, 0 failed$/\1/p')
if [ -z "$passed" ] || [ "$passed" -eq 0 ]; then
    echo "FAILED: $label (exit $status); output in $out, errors in $err:"
    tail -20 "$out" "$err"
    exit 1
fi
echo "$summary"
json_out="$dir/golden_json.out"
WPT_PATH_PREFIX=Z: CHECK_LABEL="$label golden json" \
    python3 "$(dirname "$0")/check_golden_json.py" "$golden_abs" "$dir/wptdump.exe" "$wine" \
    >"$json_out" 2>&1
json_status=$?
if [ $json_status -ne 0 ]; then
    cat "$json_out"
    exit 1
fi
tail -1 "$json_out"
