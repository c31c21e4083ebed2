#!/bin/sh
# Builds and runs the core tests under one sanitizer; checks the summary line and the
# sanitizer's reports.   run_sanitized.sh tsan|asan GOLDEN_DIR
# A toolchain without the sanitizer, or a kernel whose address-space layout ThreadSanitizer
# cannot run under (it then retries without ASLR), gives a plain SKIPPED line.
set -u
name=$1 golden=$2
exe=build/$name/wpt_tests out=build/$name.out
if ! ${MAKE:-make} -s "$exe" >build/$name.log 2>&1; then
    echo "SKIPPED: native ($name): this compiler cannot build it (see build/$name.log)"
    exit 0
fi
"$exe" "$golden" "native ($name)" >"$out" 2>&1
status=$?
if grep -q "unexpected memory mapping\|FATAL: ThreadSanitizer" "$out"; then
    setarch "$(uname -m)" -R "$exe" "$golden" "native ($name)" >"$out" 2>&1
    status=$?
    if grep -q "unexpected memory mapping\|FATAL: ThreadSanitizer" "$out"; then
        echo "SKIPPED: native ($name): the sanitizer cannot run on this kernel (see $out)"
        exit 0
    fi
fi
if [ $status -ne 0 ] || grep -q "WARNING: ThreadSanitizer\|ERROR: AddressSanitizer\|runtime error:" "$out"
then
    cat "$out"
    echo "FAILED: native ($name)"
    exit 1
fi
tail -1 "$out"
