#!/bin/sh
# Instructions per call of each benchmark mode, counted by callgrind inside the measured loop
# only (the mode's measure_* function and what it calls, on the calling thread); traced modes
# say what they add to their untraced baseline (wpt_bench --list-modes names both). The ring
# has a slot for every call, so every traced call is a recorded event (none dropped because
# callgrind ran the flusher thread too seldom): the counts are those of the recording path.
#   bench_callgrind.sh WPT_BENCH OUT_DIR [CALLS]
set -eu
bench=$1 out=$2 calls=${3:-200000}
ring=2
while [ "$ring" -lt "$calls" ]; do ring=$((ring * 2)); done
mkdir -p "$out"
echo "wpt_bench under callgrind: instructions per call ($calls calls per mode, every one recorded)"
"$bench" --list-modes >"$out/modes"
while read -r mode loop baseline; do
    file="$out/callgrind.$mode.out"
    valgrind --tool=callgrind --callgrind-out-file="$file" --collect-atstart=no \
        --toggle-collect="$loop" "$bench" --mode "$mode" --calls "$calls" --ring "$ring" \
        >"$out/callgrind.$mode.log" 2>&1 </dev/null
    total=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$file" | head -1)
    [ -n "$total" ] || total=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$file" | head -1)
    per_call=$(awk -v t="$total" -v c="$calls" 'BEGIN { printf "%.1f", t / c }')
    echo "$per_call" >"$out/per_call.$mode"
    if [ "$mode" = "$baseline" ]; then
        printf '  %-28s %8s instructions/call\n' "$mode (untraced)" "$per_call"
    else
        added=$(awk -v a="$per_call" -v d="$(cat "$out/per_call.$baseline")" \
            'BEGIN { printf "%.1f", a - d }')
        printf '  %-28s %8s instructions/call  (+%s)\n' "$mode" "$per_call" "$added"
    fi
done <"$out/modes"
