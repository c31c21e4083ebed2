#!/bin/sh
# Records the sample captures of resources/captures from the real tracer under Wine:
#   scenario-all-x64.wputrace      wpuhost --scenario all over sample_nonifs.dll (x64)
#   scenario-all-ifs-x64.wputrace  wpuhost --scenario all --ifs over sample_ifs.dll (x64)
#   crossthread-x64.wputrace       wpuhost --scenario crossthread: two cross-thread misuses
#   stress-8-threads-x64.wputrace  wpuhost --scenario stress --threads 8 --iterations 400: a
#                                  correct provider busy on 8 threads (handle values reused at once)
#   spi-x64.wputrace               wpuhost --scenario spi: the SPI conversation (format 1.2 downcalls)
#   spi-misuse-x64.wputrace        wpuhost --scenario spi-misuse: the base sample's planted SPI bugs
# Usage: record_capture.sh BUILD_DIR DEST_DIR (make -f windows.mk capture).
set -eu
build=$(cd "$1" && pwd)
mkdir -p "$2"
dest=$(cd "$2" && pwd)
export WINEDEBUG=-all WINEPREFIX="${WPT_WINEPREFIX:-$build/wineprefix}" WPUSCOPE_TRACE_SINK=file
wine=${WINE:-wine}

record() { # name, then wpuhost arguments
    name=$1
    shift
    rm -f "$dest/$name"
    log="$build/record-$name.log"
    WPUSCOPE_TRACE_FILE="Z:$(printf '%s' "$dest/$name" | tr / '\\')" \
        "$wine" "$build/x64/wpuhost.exe" "$@" </dev/null >"$log" 2>&1 || true
    if ! grep -q "wpuhost: [0-9]* passed, 0 failed" "$log" || [ ! -s "$dest/$name" ]; then
        echo "record_capture: recording $name failed, see $log" >&2
        exit 1
    fi
    echo "recorded $dest/$name ($(wc -c <"$dest/$name") bytes)"
}

cd "$build/x64"
record scenario-all-x64.wputrace --scenario all sample_nonifs.dll
record scenario-all-ifs-x64.wputrace --scenario all --ifs sample_ifs.dll
record crossthread-x64.wputrace --scenario crossthread sample_nonifs.dll
record stress-8-threads-x64.wputrace --scenario stress --threads 8 --iterations 400 sample_nonifs.dll
record spi-x64.wputrace --scenario spi sample_nonifs.dll
record spi-misuse-x64.wputrace --scenario spi-misuse sample_nonifs.dll
