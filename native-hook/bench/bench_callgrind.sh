#!/bin/sh
# Instructions per call of each benchmark mode, counted by callgrind inside the measured loop
# only (measure_direct / measure_traced and what they call, on the calling thread).
#   bench_callgrind.sh WPT_BENCH OUT_DIR [CALLS]
set -eu
bench=$1 out=$2 calls=${3:-200000}
mkdir -p "$out"
echo "wpt_bench under callgrind: instructions per call ($calls calls per mode)"
direct=
for mode in direct connected disconnected; do
    loop=measure_traced
    [ "$mode" = direct ] && loop=measure_direct
    file="$out/callgrind.$mode.out"
    valgrind --tool=callgrind --callgrind-out-file="$file" --collect-atstart=no \
        --toggle-collect="$loop" "$bench" --mode "$mode" --calls "$calls" \
        >"$out/callgrind.$mode.log" 2>&1 </dev/null
    total=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$file" | head -1)
    [ -n "$total" ] || total=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$file" | head -1)
    per_call=$(awk -v t="$total" -v c="$calls" 'BEGIN { printf "%.1f", t / c }')
    if [ "$mode" = direct ]; then
        direct=$per_call
        printf '  %-28s %8s instructions/call\n' "direct (untraced)" "$per_call"
    else
        added=$(awk -v a="$per_call" -v d="$direct" 'BEGIN { printf "%.1f", a - d }')
        printf '  %-28s %8s instructions/call  (+%s)\n' "traced, sink $mode" "$per_call" "$added"
    fi
done
