#!/usr/bin/env bash
# Builds the portable Windows package on Linux from a built checkout (mvn package: app/target, native-hook/build)
# and JavaFX's Windows jars (packaging/pom.xml copies them from Maven Central into packaging/target/javafx-win):
#   packaging/target/windows/wpuscope-<version>-windows-x64.zip, holding the folder wpuscope-<version>/ with
#   wpuscope.cmd (GUI), wpuscope-cli.cmd (commands), README.txt, wpuscope.jar, lib/ (its libraries but
#   JavaFX), javafx/ (JavaFX's Windows jars), resources/examples|captures and native-hook/build/x64|x86.
# Usage: packaging/windows/build-zip.sh [VERSION]   (default: the version in pom.xml, without -SNAPSHOT)
# Needs: a JDK (jar) and the JavaFX Windows jars (mvn -B package -pl packaging fetches them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
javafx_win="$root/packaging/target/javafx-win"
out="$root/packaging/target/windows"

fail() { echo "packaging/windows/build-zip.sh: $*" >&2; exit 1; }

source "$root/packaging/common.sh"
version="$(package_version "${1:-}")"
require_build
ls "$javafx_win"/javafx-*-win.jar >/dev/null 2>&1 \
  || fail "no JavaFX Windows jars in $javafx_win: build through Maven (mvn -B package -pl packaging), which copies them"
javafx_version="$(ls "$javafx_win"/javafx-base-*-win.jar | sed 's:.*/javafx-base-\(.*\)-win\.jar$:\1:')"

name="wpuscope-$version"
stage="$out/stage/$name"
zip="$out/$name-windows-x64.zip"
rm -rf "$out/stage" "$zip"
mkdir -p "$stage/lib" "$stage/javafx"

cp "$root/app/target/wpuscope.jar" "$stage/"
for jar in "$root"/app/target/lib/*.jar; do
  case "${jar##*/}" in javafx-*) ;; *) cp "$jar" "$stage/lib/" ;; esac   # JavaFX: the Windows jars instead
done
cp "$javafx_win"/javafx-*-win.jar "$stage/javafx/"
copy_app_data "$stage"
# Windows line ends: cmd.exe can misread labels (goto) in batch files with bare LF line ends.
for file in wpuscope.cmd wpuscope-cli.cmd README.txt; do
  sed -e "s/@VERSION@/$version/g" -e "s/@JAVAFX_VERSION@/$javafx_version/g" -e 's/$/\r/' "$here/zip/$file" >"$stage/$file"
done

(cd "$out/stage" && jar --create --no-manifest --file "$zip" "$name")
echo "packaging/windows/build-zip.sh: $zip"
