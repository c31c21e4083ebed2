#!/usr/bin/env bash
# Checks the Linux packages that build.sh made: runs the app image's launcher headless with commands on
# the bundled data, inspects the image's runtime (JavaFX as modules), the DLLs' PE headers, the .deb's
# control fields and contents, then unpacks the .deb into a temporary root, runs its maintainer scripts
# there (paths moved into it) and the command through the usr/bin/wpuscope link that postinst makes.
# Prints each check; exits 1 if any failed.
# Usage: packaging/linux/verify.sh [VERSION]   (default: the version in pom.xml, without -SNAPSHOT)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/packaging/target/linux"
image="$out/image/wpuscope"
source "$root/packaging/common.sh"
version="$(package_version "${1:-}")"
deb="$out/wpuscope_${version}-1_amd64.deb"

# Runs the launcher $1 with the remaining arguments; sets $output (stdout and stderr) and $status.
run() { local launcher="$1"; shift; output="$(env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" "$@" 2>&1)"; status=$?; }

# The big-endian 32-bit number at byte offset $2 of file $1.
be32() { od -An -tu1 -j "$2" -N 4 "$1" | awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}'; }

# A PNG's width x height from its IHDR chunk.
png_size() {
  [ "$(od -An -c -j 1 -N 3 "$1" | tr -d ' ')" = PNG ] || { echo none; return; }
  echo "$(be32 "$1" 16)x$(be32 "$1" 20)"
}

# The commands every installed wpuscope must run, headless, on the data it carries ($1: the launcher,
# $2: the app folder it finds that data in, $3: what the checks call this installation).
check_commands() {
  local launcher="$1" app="$2" where="$3"
  run "$launcher" --version
  check "$where: --version prints wpuscope $version" [ "$status" = 0 -a "$output" = "wpuscope $version" ]
  run "$launcher" catalog "$app/resources/examples/example-catalog.reg"
  check "$where: catalog reads the bundled example (13 64-bit entries, its LSPs)" eval \
    '[ "$status" = 0 ] && contains "$output" "64-bit catalog (Catalog_Entries64): 13 entries" \
      && contains "$output" "Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]"'
  run "$launcher" diagnose "$app/resources/examples/example-catalog.reg"
  check "$where: diagnose finds the example's broken chain (exit 4, WPS002)" eval \
    '[ "$status" = 4 ] && contains "$output" "[WPS002] 1 chain(s) of Northwind VPN Helper"'
  run "$launcher" trace summary "$app/resources/captures/scenario-all-x64.wputrace"
  check "$where: trace summary reads the bundled capture (39 upcalls)" eval \
    '[ "$status" = 0 ] && contains "$output" "64-bit, 39 upcalls (4 failed), 0 dropped"'
  run "$launcher" tracer plan --protocol 6 "$app/resources/examples/example-catalog.reg"
  check "$where: tracer plan uses the bundled x64 and x86 wputrace.dll" eval \
    '[ "$status" = 0 ] && contains "$output" "$app/native-hook/build/x64/wputrace.dll" && contains "$output" "$app/native-hook/build/x86/wputrace.dll"'
  run "$launcher"
  check "$where: without a display the GUI start says so (exit 2)" eval \
    '[ "$status" = 2 ] && contains "$output" "no display for the GUI"'
}

echo "packaging/linux/verify.sh: the app image $image"
app="$image/lib/app"
check "launcher bin/wpuscope is executable" test -x "$image/bin/wpuscope"
modules="$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$image/lib/runtime/release")"
for module in javafx.base javafx.graphics javafx.controls javafx.fxml java.desktop; do
  check "runtime has the module $module" contains " $modules " " $module "
done
for lib in libglass.so libglassgtk3.so libprism_es2.so libprism_sw.so libjavafx_font.so; do
  check "JavaFX native $lib is in the runtime's lib/" test -f "$image/lib/runtime/lib/$lib"
done
check "no JavaFX jar on the class path" eval '! grep -q "javafx" "$app/wpuscope.cfg" && ! ls "$app"/lib/javafx-* >/dev/null 2>&1'
check "launcher sets wpuscope.root to the app folder" grep -qxF 'java-options=-Dwpuscope.root=$APPDIR' "$app/wpuscope.cfg"
for file in "${native_files[@]}"; do
  check "native-hook/build/x64/$file is an x64 PE file" [ "$(pe_machine "$app/native-hook/build/x64/$file")" = 8664 ]
  check "native-hook/build/x86/$file is an x86 PE file" [ "$(pe_machine "$app/native-hook/build/x86/$file")" = 014c ]
done
check_commands "$image/bin/wpuscope" "$app" "image"

echo "packaging/linux/verify.sh: the Debian package $deb"
check "the .deb exists" test -f "$deb"
field() { dpkg-deb --field "$deb" "$1" 2>/dev/null; }
check "Package: wpuscope, Version: $version-1, Architecture: amd64, Section: devel" eval \
  '[ "$(field Package)" = wpuscope ] && [ "$(field Version)" = "$version-1" ] && [ "$(field Architecture)" = amd64 ] && [ "$(field Section)" = devel ]'
check "Depends names GTK 3 (JavaFX's window toolkit)" contains "$(field Depends)" "libgtk-3-0"
check "Suggests: wine64 | wine (demo traffic); Description has a synopsis and a long text" eval \
  '[ "$(field Suggests)" = "wine64 | wine" ] && [ "$(field Description | head -n 1)" = "Winsock 2 service-provider catalog and upcall inspector" ] \
    && [ "$(field Description | wc -l)" -gt 5 ]'
contents="$(dpkg-deb --contents "$deb" 2>/dev/null | awk '{print $6}')"
for path in bin/wpuscope lib/wpuscope-wpuscope.desktop lib/wpuscope.png lib/app/wpuscope.jar lib/runtime/lib/libglass.so \
    lib/app/resources/examples/example-catalog.reg lib/app/resources/captures/scenario-all-x64.wputrace \
    lib/app/native-hook/build/x64/wputrace.dll lib/app/native-hook/build/x86/wputrace.dll \
    lib/app/native-hook/build/x64/wpuhost.exe lib/app/native-hook/build/x86/wpuhost.exe \
    lib/app/native-hook/build/x64/sample_nonifs.dll lib/app/native-hook/build/x86/sample_ifs.dll \
    lib/app/native-hook/build/x64/sample_lsp.dll lib/app/native-hook/build/x86/sample_lsp.dll; do
  check "contains /opt/wpuscope/$path" grep -qxF "./opt/wpuscope/$path" <<<"$contents"
done

unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb --control "$deb" "$unpacked/DEBIAN"
dpkg-deb --extract "$deb" "$unpacked"
for script in preinst postinst prerm postrm; do
  check "$script is valid sh" sh -n "$unpacked/DEBIAN/$script"
done
desktop="$unpacked/opt/wpuscope/lib/wpuscope-wpuscope.desktop"
for line in "Exec=/opt/wpuscope/bin/wpuscope" "Icon=/opt/wpuscope/lib/wpuscope.png" "Type=Application" \
    "Categories=Development;Network;Monitor;" "StartupWMClass=dev.wpuscope.ui.WpuscopeApp"; do
  check "desktop entry has $line" grep -qxF "$line" "$desktop"
done
check "the icon is a 256x256 PNG" [ "$(png_size "$unpacked/opt/wpuscope/lib/wpuscope.png")" = 256x256 ]

# The maintainer scripts run for real, with /opt/wpuscope and /usr/ moved into the temporary root
# (which, like every system, has a usr/bin).
mkdir -p "$unpacked/usr/bin"
relocate() { sed -e "s#/opt/wpuscope#$unpacked/opt/wpuscope#g" -e "s#/usr/#$unpacked/usr/#g" "$unpacked/DEBIAN/$1"; }
check "postinst configure links usr/bin/wpuscope and puts the menu entry into usr/share/applications" eval \
  'relocate postinst | sh -s configure && [ "$(readlink "$unpacked/usr/bin/wpuscope")" = "$unpacked/opt/wpuscope/bin/wpuscope" ] \
    && cmp -s "$desktop" "$unpacked/usr/share/applications/wpuscope.desktop"'
check_commands "$unpacked/usr/bin/wpuscope" "$unpacked/opt/wpuscope/lib/app" "unpacked .deb"
check "prerm remove takes the link and the menu entry away" eval \
  'relocate prerm | sh -s remove && [ ! -e "$unpacked/usr/bin/wpuscope" ] && [ ! -e "$unpacked/usr/share/applications/wpuscope.desktop" ]'

finish_checks packaging/linux/verify.sh
