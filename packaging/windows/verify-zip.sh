#!/usr/bin/env bash
# Checks the portable Windows zip that build-zip.sh made: its file list, the PE machine of every DLL and exe
# (with wpuscope's own PE reader), JavaFX's Windows jars (the app's JavaFX version, x64 DLLs inside), the
# zip's class path and wpuscope.root (commands run with the zip's jars, as the launcher runs them, by the
# JDK here), and the launchers under Wine's cmd with stand-in java.exe builds: a folder with spaces, ( ) and &,
# arguments with quotes and &, Java from JAVA_HOME or the PATH, Java missing, Java 11, a 32-bit Java, the GUI
# launcher.
# The Wine part is skipped, saying so, when Wine (wine64) is not installed.
# Prints each check; exits 1 if any failed.
# Usage: packaging/windows/verify-zip.sh [VERSION]   (default: the version in pom.xml, without -SNAPSHOT)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/packaging/target/windows"
source "$root/packaging/common.sh"
version="$(package_version "${1:-}")"
name="wpuscope-$version"
zip="$out/$name-windows-x64.zip"
javafx_version="$(ls "$root"/app/target/lib/javafx-base-*-*.jar | sed -n 's:.*/javafx-base-\([0-9.]*\)-[a-z0-9-]*\.jar$:\1:p' | head -n 1)"

echo "packaging/windows/verify-zip.sh: $zip"
check "the zip exists" test -f "$zip"
listing="$(jar tf "$zip" 2>/dev/null | grep -v '/$')"
has() { grep -qxF -- "$name/$1" <<<"$listing"; }
expected=(wpuscope.cmd wpuscope-cli.cmd README.txt wpuscope.jar resources/examples/example-catalog.reg
  resources/captures/scenario-all-x64.wputrace)
for jar in "$root"/app/target/lib/*.jar; do
  case "${jar##*/}" in javafx-*) ;; *) expected+=("lib/${jar##*/}") ;; esac
done
for module in base graphics controls fxml; do expected+=("javafx/javafx-$module-$javafx_version-win.jar"); done
for arch in x64 x86; do
  for file in "${native_files[@]}"; do expected+=("native-hook/build/$arch/$file"); done
done
for path in "${expected[@]}"; do check "contains $name/$path" has "$path"; done
check "every file is inside $name/" eval '! grep -v "^$name/" <<<"$listing" | grep -q .'
check "no JavaFX jar but javafx/*-win.jar (no Linux or empty ones)" eval \
  '! grep "javafx-[a-z]*-.*\.jar$" <<<"$listing" | grep -qv "^$name/javafx/javafx-[a-z]*-$javafx_version-win\.jar$"'

unpacked="$out/check/apps (x86) & co"      # the launchers must cope with such a folder
rm -rf "$out/check"
mkdir -p "$unpacked"
(cd "$unpacked" && jar xf "$zip")
home="$unpacked/$name"
for launcher in wpuscope.cmd wpuscope-cli.cmd; do
  check "$launcher has CRLF line ends (cmd.exe misreads labels of LF-only batch files)" eval \
    '[ "$(grep -c $'"'"'\r$'"'"' "$home/$launcher")" = "$(wc -l <"$home/$launcher")" ]'
done

# wpuscope's PE reader on every DLL and exe of the zip and on JavaFX's DLLs (one JVM for all of them).
natives="$out/check/javafx-dlls"
mkdir -p "$natives"
(cd "$natives" && jar xf "$home/javafx/javafx-graphics-$javafx_version-win.jar" \
  glass.dll prism_d3d.dll prism_sw.dll javafx_font.dll javafx_iio.dll decora_sse.dll prism_common.dll)
for dll in glass.dll prism_d3d.dll prism_sw.dll javafx_font.dll; do
  check "javafx-graphics-$javafx_version-win.jar holds $dll" test -f "$natives/$dll"
done
# Runs wpuscope the way wpuscope-cli.cmd does, with the zip's jars and wpuscope.root (a JDK here runs it).
zip_wpuscope() {
  output="$(java --module-path "$home/javafx" --add-modules javafx.controls,javafx.fxml "-Dwpuscope.root=$home" \
    -cp "$home/wpuscope.jar:$home/lib/*" dev.wpuscope.Main "$@" 2>&1)"
  status=$?
}
zip_wpuscope dll "$home"/native-hook/build/*/*.dll "$home"/native-hook/build/*/*.exe "$natives"/*.dll
# The dll command prints each file's path, then its machine and kind ("x64 DLL", "x86 executable (not a DLL)").
machines="$(awk '/^[^ ]/ {file = $0} /^ / && $1 ~ /^(x64|x86|ARM64)$/ {print file " " $1}' <<<"$output")"
machine_of() { grep -F -- "$1 " <<<"$machines" | awk '{print $NF}'; }
for arch in x64 x86; do
  for file in "$home"/native-hook/build/$arch/*.dll "$home"/native-hook/build/$arch/*.exe; do
    check "${file#"$home/"} is an $arch PE file" [ "$(machine_of "$file")" = "$arch" ]
  done
done
for file in "$natives"/*.dll; do
  check "JavaFX's ${file##*/} is an x64 PE file" [ "$(machine_of "$file")" = x64 ]
done
zip_wpuscope --version
check "the zip's class path runs wpuscope --version ($version)" [ "$status" = 0 -a "$output" = "wpuscope $version" ]
zip_wpuscope tracer plan --protocol 6 "$home/resources/examples/example-catalog.reg"
check "with wpuscope.root at the zip's folder, tracer plan finds the bundled example and both wputrace.dll" eval \
  '[ "$status" = 0 ] && contains "$output" "$home/native-hook/build/x64/wputrace.dll" && contains "$output" "$home/native-hook/build/x86/wputrace.dll"'

# The launchers under Wine's cmd, with stand-ins for java.exe (standin-java.c: prints its arguments, exits 7).
wine64="$(find_wine64)"
if [ -z "$wine64" ]; then
  echo "packaging/windows/verify-zip.sh: SKIPPED the launcher checks under Wine: Wine (wine64) is not installed (./setup.sh installs it)"
  finish_checks packaging/windows/verify-zip.sh
fi
winpath() { local path="${1//\//\\}"; echo "Z:$path"; }
scenarios="$out/check/scenarios"
jdks="$out/check/java stand-ins"
mkdir -p "$scenarios" "$jdks/jdk 17/bin" "$jdks/jdk 11/bin" "$jdks/jdk 17 x86/bin"
x86_64-w64-mingw32-gcc -O2 -o "$jdks/jdk 17/bin/java.exe" "$here/standin-java.c" \
  && cp "$jdks/jdk 17/bin/java.exe" "$jdks/jdk 17/bin/javaw.exe" \
  && x86_64-w64-mingw32-gcc -O2 -DJAVA_VERSION='"11.0.22"' -o "$jdks/jdk 11/bin/java.exe" "$here/standin-java.c" \
  && x86_64-w64-mingw32-gcc -O2 -DJAVA_VM='"Client VM"' -o "$jdks/jdk 17 x86/bin/java.exe" "$here/standin-java.c" \
  || { fail_check "the stand-in java.exe builds (x86_64-w64-mingw32-gcc)"; finish_checks packaging/windows/verify-zip.sh; }
jdk17="$(winpath "$jdks/jdk 17")"
jdk11="$(winpath "$jdks/jdk 11")"
jdk17_x86="$(winpath "$jdks/jdk 17 x86")"
whome="$(winpath "$home")"

# scenario NAME JAVA_HOME PATH-EXTRA LAUNCHER ARGS: a batch file that sets the environment (an empty JAVA_HOME:
# none) and runs the launcher with ARGS as written in cmd; run_scenarios runs them all in one Wine start.
# Each leaves NAME.out, NAME.err, NAME.rc (exit code) and NAME.log (what a stand-in javaw was given).
names=()
scenario() {
  local name="$1" java_home="$2" path_extra="$3" launcher="$4" args="$5"
  names+=("$name")
  printf '@echo off\r\nset "JAVA_HOME=%s"\r\nset "PATH=C:\\windows\\system32;C:\\windows%s"\r\nset "WPUSCOPE_STANDIN_LOG=%s"\r\n"%s\\%s" %s\r\n' \
    "$java_home" "${path_extra:+;$path_extra}" "$(winpath "$scenarios/$name.log")" "$whome" "$launcher" "$args" >"$scenarios/$name.cmd"
}
run_scenarios() {
  local name master="$scenarios/all.cmd"
  printf '@echo off\r\n' >"$master"
  for name in "${names[@]}"; do
    printf 'cmd /c "%s" >"%s" 2>"%s"\r\n>"%s" echo %%ERRORLEVEL%%\r\n' "$(winpath "$scenarios/$name.cmd")" \
      "$(winpath "$scenarios/$name.out")" "$(winpath "$scenarios/$name.err")" "$(winpath "$scenarios/$name.rc")" >>"$master"
  done
  mkdir -p "$root/packaging/target/wineprefix"
  WINEPREFIX="$root/packaging/target/wineprefix" WINEDEBUG=-all timeout 180 "$wine64" cmd /c "$(winpath "$master")" \
    </dev/null >"$scenarios/wine.log" 2>&1
}
result() { rc="$(tr -d '\r\n ' <"$scenarios/$1.rc" 2>/dev/null)"; stdout="$(tr -d '\r' <"$scenarios/$1.out" 2>/dev/null)"; stderr="$(tr -d '\r' <"$scenarios/$1.err" 2>/dev/null)"; }

args='catalog "Z:\some dir\a b.reg" "say \"hi\"" "R&D" plain'
expected_args="[catalog]
[Z:\\some dir\\a b.reg]
[say \"hi\"]
[R&D]
[plain]"
java_args="[--module-path]
[$whome\\javafx]
[--add-modules]
[javafx.controls,javafx.fxml]
[-Dwpuscope.root=$whome]
[-cp]
[$whome\\wpuscope.jar;$whome\\lib\\*]
[dev.wpuscope.Main]"
scenario java-home "$jdk17" "" wpuscope-cli.cmd "$args"
scenario java-on-path "" "$jdk17\\bin" wpuscope-cli.cmd "$args"
scenario java-home-wrong "$jdk17\\nothing here" "$jdk17\\bin" wpuscope-cli.cmd --version
scenario java-11 "$jdk11" "$jdk17\\bin" wpuscope-cli.cmd --version
scenario java-32-bit "$jdk17_x86" "" wpuscope-cli.cmd --version
scenario no-java "" "" wpuscope-cli.cmd --version
scenario no-java-gui "" "" wpuscope.cmd ""
scenario gui "$jdk17" "" wpuscope.cmd ""
scenario gui-with-arguments "$jdk17" "" wpuscope.cmd "$args"
echo "packaging/windows/verify-zip.sh: the launchers under Wine's cmd (unpacked into $whome)"
run_scenarios
for _ in $(seq 50); do [ -s "$scenarios/gui.log" ] && break; sleep 0.2; done   # javaw runs on after start returns

result java-home
check "wpuscope-cli.cmd runs %JAVA_HOME%\\bin\\java.exe with JavaFX, wpuscope.root, the class path and the arguments as given" \
  [ "$stdout" = "$java_args"$'\n'"$expected_args" ]
check "wpuscope-cli.cmd passes java's exit code on (7)" [ "$rc" = 7 ]
result java-on-path
check "without JAVA_HOME, wpuscope-cli.cmd runs java.exe from the PATH the same way" [ "$rc" = 7 -a "$stdout" = "$java_args"$'\n'"$expected_args" ]
result java-home-wrong
check "a JAVA_HOME without bin\\java.exe is named, then java.exe on the PATH runs" eval \
  '[ "$rc" = 7 ] && contains "$stderr" "which has no bin\\java.exe" && contains "$stdout" "[--version]"'
result java-11
check "Java 11 in JAVA_HOME: says it is Java 11.0.22, that 17 or newer is needed and what to install; exit 9" eval \
  '[ "$rc" = 9 ] && contains "$stderr" "is Java 11.0.22" && contains "$stderr" "needs Java 17 or newer" && contains "$stderr" "adoptium.net" && [ -z "$stdout" ]'
result java-32-bit
check "a 32-bit Java 17: says a 64-bit one is needed; exit 9" eval \
  '[ "$rc" = 9 ] && contains "$stderr" "is a 32-bit Java 17.0.9" && contains "$stderr" "Install a JDK or JRE 17" && [ -z "$stdout" ]'
result no-java
check "no Java at all: says none was found and what to install; exit 9" eval \
  '[ "$rc" = 9 ] && contains "$stderr" "found none" && contains "$stderr" "Install a JDK or JRE 17" && [ -z "$stdout" ]'
result no-java-gui
check "no Java, GUI launcher: the same message (then pause); exit 9" eval '[ "$rc" = 9 ] && contains "$stderr" "found none"'
result gui
gui_log="$(tr -d '\r' <"$scenarios/gui.log" 2>/dev/null)"
check "wpuscope.cmd starts the GUI with javaw.exe, not waiting for it (exit 0), with no arguments after the main class" \
  [ "$rc" = 0 -a "$gui_log" = "$java_args" -a -z "$stdout" ]
result gui-with-arguments
check "wpuscope.cmd with arguments runs the command line in the console like wpuscope-cli.cmd (exit 7)" \
  [ "$rc" = 7 -a "$stdout" = "$java_args"$'\n'"$expected_args" ]
finish_checks packaging/windows/verify-zip.sh
