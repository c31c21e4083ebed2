# Sourced by the package scripts (linux/*.sh, windows/*.sh): what every package carries and how checks
# report. Needs $root (the checkout) set.

# The package version: the first argument, else the version in pom.xml, without a qualifier such as
# -SNAPSHOT (jpackage and dpkg want N[.N[.N]]).
package_version() {
  local version="${1:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)}"
  echo "${version%%-*}"
}

# native_files: the names in native-files.txt (each is in native-hook/build/x64 and x86).
mapfile -t native_files < <(grep -v '^#' "$root/packaging/native-files.txt" | grep .)

# Fails (via the caller's fail) unless the app jar and every native file of both bitnesses are built.
require_build() {
  [ -f "$root/app/target/wpuscope.jar" ] || fail "$root/app/target/wpuscope.jar is missing: build first (mvn -B -DskipTests package)"
  local arch file
  for arch in x64 x86; do
    for file in "${native_files[@]}"; do
      [ -f "$root/native-hook/build/$arch/$file" ] \
        || fail "$root/native-hook/build/$arch/$file is missing: build native-hook first (mvn -B -DskipTests package)"
    done
  done
}

# Copies what the app finds below -Dwpuscope.root into folder $1, laid out as in a checkout:
# resources/examples (the example catalog), resources/captures (recorded captures) and
# native-hook/build/x64|x86 (native-files.txt).
copy_app_data() {
  local dest="$1" arch
  mkdir -p "$dest/resources/examples" "$dest/resources/captures"
  cp "$root"/resources/examples/{example-catalog.reg,README.md} "$dest/resources/examples/"
  cp "$root"/resources/captures/{*.wputrace,README.md} "$dest/resources/captures/"
  for arch in x64 x86; do
    mkdir -p "$dest/native-hook/build/$arch"
    (cd "$root/native-hook/build/$arch" && cp "${native_files[@]}" "$dest/native-hook/build/$arch/")
  done
}

# Checks: check "what" command... prints ok/FAIL; finish_checks ends the script (exit 1 if any failed).
failures=0
pass() { echo "  ok    $1"; }
fail_check() { echo "  FAIL  $1" >&2; failures=$((failures + 1)); }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail_check "$what"; fi; }
contains() { grep -qF -- "$2" <<<"$1"; }
finish_checks() {
  if [ "$failures" -gt 0 ]; then
    echo "$1: $failures check(s) failed" >&2
    exit 1
  fi
  echo "$1: all checks passed"
  exit 0
}

# The machine field of a PE file's COFF header: 8664 (x64) or 014c (x86); "none" if not a PE file.
pe_machine() {
  local pe_offset
  pe_offset=$(od -An -tu4 -j 60 -N 4 "$1" | tr -d ' ')
  [ "$(od -An -c -j "$pe_offset" -N 2 "$1" | tr -d ' ')" = PE ] || { echo none; return; }
  od -An -tx2 -j $((pe_offset + 4)) -N 2 "$1" | tr -d ' '
}

# Wine's loader for x64 programs: $WPUSCOPE_WINE64 when set (set and empty: none, to try the skips), else
# wine64 on the PATH, else Debian's /usr/lib/wine/wine64 (it runs x64 programs where the wine launcher cannot).
find_wine64() {
  if [ -n "${WPUSCOPE_WINE64+set}" ]; then echo "$WPUSCOPE_WINE64"; return; fi
  command -v wine64 || ls /usr/lib/wine/wine64 2>/dev/null || true
}
