#!/bin/sh
# Runs the cross-built core tests and wptdump under Wine and checks their OUTPUT (Wine can
# exit 0 when a program could not even start).
#   run_wine_core.sh LABEL BUILD_DIR GOLDEN_DIR [optional]
# LABEL e.g. "native (wine x64)"; BUILD_DIR holds wpt_tests.exe and wptdump.exe.
# "optional": when the exe prints nothing at all (no 32-bit Wine), say so and succeed.
# Environment: WINE (default wine), WINEPREFIX.
set -u
label=$1 dir=$2 golden=$3 optional=${4:-}
wine=${WINE:-wine}
export WINEDEBUG=-all
golden_abs=$(cd "$golden" && pwd)
out="$dir/wpt_tests.out" err="$dir/wpt_tests.err"
"$wine" "$dir/wpt_tests.exe" "Z:$golden_abs" "$label" </dev/null >"$out" 2>"$err"
status=$?
if ! [ -s "$out" ] && [ -n "$optional" ]; then
    echo "SKIPPED: $label: the exe printed nothing (exit $status): this Wine cannot run it" \
         "(install wine32:i386 for the x86 tests; see setup.sh)"
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
