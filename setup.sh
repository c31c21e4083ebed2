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
  wine wine64                                # running them
  libgtk-3-0                                 # JavaFX on a desktop (glass GTK)
  xvfb xauth imagemagick                     # screenshots of the GUI (tests themselves run headless)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -q
  apt_install "${missing[@]}"
fi

# 32-bit Wine runs the x86 DLL tests. Its install can fail on a mismatched i386 index; the x86
# tests then say plainly that they were skipped, so this step never fails the setup.
if ! dpkg-query -W -f='${Status}' wine32:i386 2>/dev/null | grep -q 'install ok installed'; then
  echo "setup: trying to install wine32:i386 for the x86 tests"
  if as_root dpkg --add-architecture i386 && as_root apt-get update -q \
     && apt_install -o APT::Default-Release=bookworm --allow-downgrades wine32:i386; then
    echo "setup: wine32 installed"
  else
    echo "setup: WARNING: wine32:i386 could not be installed; x86 Wine tests will be skipped"
  fi
fi

if [ "${WPUSCOPE_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -DskipTests install
  echo "setup: done. Run the app with ./wpuscope, the tests with: mvn -B verify"
fi
