#!/usr/bin/env bash
# Builds the Linux packages of wpuscope from a built checkout (mvn package: app/target, native-hook/build):
#   packaging/target/linux/image/wpuscope/          the app image: bin/wpuscope, lib/runtime, lib/app
#   packaging/target/linux/wpuscope_<version>-1_amd64.deb
# The runtime is made by jlink from the JDK and JavaFX's platform jars (modular jars from Maven Central),
# so JavaFX runs as named modules; its native libraries go next to the JDK's in lib/runtime/lib.
# Usage: packaging/linux/build.sh [VERSION]   (default: the version in pom.xml; a -SNAPSHOT suffix is dropped)
# Needs: JDK 17+ with jpackage, fakeroot and dpkg-deb (./setup.sh installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jpackage_dir="$root/packaging/jpackage"
app="$root/app/target"
out="$root/packaging/target/linux"

fail() { echo "packaging/linux/build.sh: $*" >&2; exit 1; }

source "$root/packaging/common.sh"
version="$(package_version "${1:-}")"
[[ "$version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || fail "version '$version' is not N[.N[.N]] (jpackage needs that)"

require_build
for tool in jpackage jlink jdeps jar fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (./setup.sh installs what is needed)"
done

rm -rf "$out"
mkdir -p "$out/javafx" "$out/javafx-natives" "$out/input/lib"

# JavaFX's platform jars (javafx-<module>-<version>-<platform>.jar) become modules of the runtime; its empty
# jars without a platform are not needed; every other library stays on the class path.
for jar in "$app"/lib/*.jar; do
  case "${jar##*/}" in
    javafx-[a-z]*-[0-9.]*-*.jar) cp "$jar" "$out/javafx/" ;;
    javafx-*) ;;
    *) cp "$jar" "$out/input/lib/" ;;
  esac
done
ls "$out"/javafx/*.jar >/dev/null 2>&1 || fail "no JavaFX platform jars in $app/lib"
cp "$app/wpuscope.jar" "$out/input/"

# What the app finds below -Dwpuscope.root (jpackage/app.args), laid out as in a checkout.
copy_app_data "$out/input"

# The runtime: the JDK modules the app and its libraries use (jdeps), and JavaFX's.
libraries="$(ls "$out"/input/lib/*.jar | paste -sd :)"
modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --module-path "$out/javafx" \
  --class-path "$libraries" "$out/input/wpuscope.jar")"
echo "packaging/linux/build.sh: runtime modules $modules"
jlink --module-path "$out/javafx" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=2 \
  --exclude-resources='glob:/javafx.*/*.so'
# JavaFX loads its native libraries from the runtime's lib folder (else it would unpack them from
# the modules into ~/.openjfx/cache on first start).
(cd "$out/javafx-natives" && for jar in "$out"/javafx/*.jar; do
  jar tf "$jar" | awk '/\.so$/' | xargs -r jar xf "$jar"
done)
cp "$out"/javafx-natives/*.so "$out/runtime/lib/"

jpackage --type app-image --dest "$out/image" @"$jpackage_dir/app.args" @"$jpackage_dir/package.args" \
  --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" \
  --icon "$root/resources/icons/wpuscope-256.png"

jpackage --type deb --dest "$out" --app-image "$out/image/wpuscope" --name wpuscope \
  @"$jpackage_dir/package.args" @"$here/deb.args" --app-version "$version" \
  --resource-dir "$here/deb-resources" --icon "$root/resources/icons/wpuscope-256.png"

echo "packaging/linux/build.sh: $out/image/wpuscope and $(ls "$out"/*.deb)"
