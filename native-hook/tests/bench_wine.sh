#!/bin/sh
# The real tracer's added cost per upcall, measured under Wine in one run: the same
# WPUFDIsSet loop (sample_nonifs.dll, "bench" scenario) untraced, traced with the file sink
# connected, and traced with the pipe sink disconnected (no server: events counted as
# dropped); then what each Windows call a traced call makes costs there (wine_pieces.exe:
# QueryPerformanceCounter, last error, thread id, TLS, atomics, SetEvent), which tells what the
# added cost is made of. Usage: bench_wine.sh BUILD_DIR [ITERATIONS] (make -f windows.mk
# bench-wine).
set -eu
build=$(cd "$1" && pwd)
iterations=${2:-100000}
export WINEDEBUG=-all WINEPREFIX="${WPT_WINEPREFIX:-$build/wineprefix}"
wine=${WINE:-wine}
capture="$build/bench.wputrace"

ns_per_call() { # arch, then environment assignments and wpuhost options
    arch=$1
    shift
    rm -f "$capture"
    out=$(cd "$build/$arch" && env "$@" --scenario bench --iterations "$iterations" \
        sample_nonifs.dll </dev/null 2>&1) || true
    printf '%s\n' "$out" | sed -n 's/.*WPUFDIsSet: \([0-9.]*\) ns per call.*/\1/p'
}

for arch in x64 x86; do
    probe=$(cd "$build/$arch" && "$wine" ./bitness_probe.exe </dev/null 2>&1 || true)
    case "$probe" in *probe*) ;; *) echo "$arch: SKIPPED (Wine does not run $arch programs)"; continue ;; esac
    plain=$(ns_per_call "$arch" "$wine" ./wpuhost.exe --no-tracer)
    file=$(ns_per_call "$arch" WPUSCOPE_TRACE_SINK=file \
        WPUSCOPE_TRACE_FILE="Z:$(printf '%s' "$capture" | tr / '\\')" "$wine" ./wpuhost.exe)
    pipe=$(ns_per_call "$arch" WPUSCOPE_TRACE_SINK=pipe \
        WPUSCOPE_TRACE_PIPE='\\.\pipe\wpuscope-bench-nobody' "$wine" ./wpuhost.exe)
    if [ -z "$plain" ] || [ -z "$file" ] || [ -z "$pipe" ]; then
        echo "$arch: benchmark run failed" >&2
        exit 1
    fi
    awk -v a="$arch" -v p="$plain" -v f="$file" -v d="$pipe" -v n="$iterations" 'BEGIN {
        printf "wputrace.dll under Wine, %s, %d calls of WPUFDIsSet:\n", a, n
        printf "  untraced                   %8.1f ns/call\n", p
        printf "  traced, file sink          %8.1f ns/call  (+%.1f ns)\n", f, f - p
        printf "  traced, pipe disconnected  %8.1f ns/call  (+%.1f ns)\n", d, d - p
    }'
    echo "what each Windows call of a traced call costs here ($arch):"
    (cd "$build/$arch" && "$wine" ./wine_pieces.exe </dev/null 2>&1) | sed 's/^/  /'
done
rm -f "$capture"
