#!/usr/bin/env bash
# Builds the end-to-end Winsock client (wsclient.c) for Windows, x64 and x86, into folder $1:
# wsclient-x64.exe, wsclient-x86.exe. Needs mingw-w64 (./setup.sh installs it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: packaging/windows/e2e/build.sh OUTPUT-FOLDER}"
mkdir -p "$out"
flags=(-std=c11 -O2 -Wall -Wextra -Werror -static-libgcc)
x86_64-w64-mingw32-gcc "${flags[@]}" -o "$out/wsclient-x64.exe" "$here/wsclient.c" -lws2_32
i686-w64-mingw32-gcc "${flags[@]}" -o "$out/wsclient-x86.exe" "$here/wsclient.c" -lws2_32
