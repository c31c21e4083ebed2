#!/usr/bin/env bash
# `wpuscope trace summary` of a 1 M-call capture beside `tshark -r` of a 1 M-packet pcap of the same size on
# disk, timed side by side in one run (issue 13, goal 3).
#
#   app/src/test/java/dev/wpuscope/bench/summary_vs_tshark.sh        (from anywhere; needs tshark, python3)
#   EVENTS=1000000 RUNS=5 app/src/test/java/dev/wpuscope/bench/summary_vs_tshark.sh
#
# It builds wpuscope, writes the capture with ConversationCapture (SPI conversations of a non-IFS provider,
# 12 calls per socket) and a pcap of exactly the capture's byte size with as many packets (same_size_pcap.py:
# TCP segments, 12 per connection), then runs, RUNS times and taking turns so that both see the same machine:
#   wpuscope trace summary <capture>          (counts, latency, providers, handles, every socket, findings)
#   tshark -r <pcap>                          (one summary line per packet)
#   tshark -r <pcap> -q -z conv,tcp           (only the table of TCP conversations)
# each with its output to /dev/null, timed with /usr/bin/time, and prints the median wall clock, the median CPU
# time (user + system, steadier on a shared machine) and the peak memory of each. Figures from a loaded machine
# are indicative: the wall clock counts time spent waiting for a core.
# tshark: sudo apt-get install -y tshark (Debian); not installed by setup.sh, nor run in CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../../../../.." && pwd)"
events="${EVENTS:-1000000}"
runs="${RUNS:-5}"
work="${TMPDIR:-/tmp}/wpuscope-bench-${USER:-$(id -u)}"

for tool in tshark python3 java mvn; do
  command -v "$tool" >/dev/null || { echo "summary_vs_tshark: $tool is not installed (tshark: sudo apt-get install -y tshark)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "summary_vs_tshark: /usr/bin/time is missing (sudo apt-get install -y time)" >&2; exit 2; }

echo "building wpuscope (mvn -DskipTests package)"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl app -am package)
mkdir -p "$work"
rm -f "$work"/time-* "$work"/err-*
capture="$work/conversation-$events.wputrace"
pcap="$work/conversation-$events.pcap"
java -cp "$root/app/target/test-classes:$root/app/target/classes" dev.wpuscope.bench.ConversationCapture "$capture" "$events"
size=$(stat -c %s "$capture")
python3 "$here/same_size_pcap.py" "$pcap" "$events" "$size"
[ "$(stat -c %s "$pcap")" = "$size" ] || { echo "summary_vs_tshark: the pcap is not $size bytes long" >&2; exit 1; }
echo "$pcap: $events packets, $size bytes"

"$root/wpuscope" trace summary "$capture" > "$work/summary.txt"
grep -q "^Capture .*: $((events + 4)) records$" "$work/summary.txt" \
  || { echo "summary_vs_tshark: the summary did not read $events calls (see $work/summary.txt)" >&2; exit 1; }

names=("wpuscope trace summary" "tshark -r" "tshark -r -q -z conv,tcp")
for ((run = 1; run <= runs; run++)); do
  for i in 0 1 2; do
    case $i in
      0) command=("$root/wpuscope" trace summary "$capture") ;;
      1) command=(tshark -r "$pcap") ;;
      2) command=(tshark -r "$pcap" -q -z conv,tcp) ;;
    esac
    /usr/bin/time -f "%e %U %S %M" -o "$work/time-$i-$run" "${command[@]}" > /dev/null 2> "$work/err-$i-$run" \
      || { echo "summary_vs_tshark: '${command[*]}' failed, see $work/err-$i-$run" >&2; exit 1; }
  done
  echo "run $run of $runs done"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo
echo "$events calls / packets, $size bytes each file, $runs runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %14s %14s %12s\n' "" "wall (median)" "CPU (median)" "peak memory"
declare -a walls
for i in 0 1 2; do
  wall=$(cat "$work"/time-"$i"-* | awk '{ print $1 }' | median)
  cpu=$(cat "$work"/time-"$i"-* | awk '{ print $2 + $3 }' | median)
  memory=$(cat "$work"/time-"$i"-* | awk '{ print $4 }' | sort -g | tail -1)
  walls[i]=$wall
  printf '%-28s %12.2f s %12.2f s %8d MiB\n' "${names[$i]}" "$wall" "$cpu" $((memory / 1024))
done
awk -v s="${walls[0]}" -v t="${walls[1]}" -v c="${walls[2]}" 'BEGIN {
  printf "tshark -r takes %.1f times as long as wpuscope trace summary (tshark -r -q -z conv,tcp: %.1f times)\n", t / s, c / s }'
