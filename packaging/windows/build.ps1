<#
.SYNOPSIS
  Builds the wpuscope Windows installer with jpackage: packaging\target\windows\wpuscope-<version>.msi
  (or .exe with -Type exe). NOT TESTED: there is no Windows machine in the project's CI; see
  packaging\README.md.

.DESCRIPTION
  Runs on Windows, from any folder. Needs:
  - JDK 17 or newer (jpackage, jlink, jdeps) on the PATH;
  - WiX Toolset 3.x (candle.exe, light.exe) on the PATH: jpackage makes the MSI with it;
  - the app built on Windows, so that app\target\lib holds JavaFX's Windows jars (javafx-*-win.jar):
      mvn -B -DskipTests package -pl app
  - the native build for both bitnesses, x64\ and x86\ with the files packaging\native-files.txt names
    (wputrace.dll, wpuhost.exe, the sample providers): native-hook\build after ./setup.sh on Linux
    (mingw-w64), copied over (the Windows workflow downloads it), or any folder named with -NativeDir.
  The installer holds a runtime made by jlink with JavaFX as modules, the app, the example catalog, the
  recorded captures, and both tracer DLLs with the test host and the sample providers; it installs the
  launchers wpuscope.exe (GUI, Start menu and desktop shortcut) and wpuscope-cli.exe (console).

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
.EXAMPLE
  packaging\windows\build.cmd -Type exe -NativeDir D:\wpuscope-native
#>
param(
    [ValidateSet('msi', 'exe')] [string] $Type = 'msi',
    # default: the version in pom.xml, without a -SNAPSHOT suffix
    [string] $Version,
    # the folder with x64\ and x86\ (default: native-hook\build)
    [string] $NativeDir
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$jpackageDir = Join-Path $root 'packaging\jpackage'
$app = Join-Path $root 'app\target'
$out = Join-Path $root 'packaging\target\windows'
if (-not $NativeDir) { $NativeDir = Join-Path $root 'native-hook\build' }
if (-not $Version) { $Version = ([xml](Get-Content (Join-Path $root 'pom.xml'))).project.version }
$Version = ($Version -split '-')[0]
if ($Version -notmatch '^\d+(\.\d+){0,2}$') { throw "version '$Version' is not N[.N[.N]] (jpackage needs that)" }

# Runs a tool and stops when it fails.
function Invoke-Tool([string] $Tool, [string[]] $Arguments) {
    & $Tool @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Tool failed (exit code $LASTEXITCODE)" }
}

# The tracer DLLs, the test host and the sample providers, for both bitnesses (the list every package shares).
$nativeFiles = Get-Content (Join-Path $root 'packaging\native-files.txt') | Where-Object { $_ -and -not $_.StartsWith('#') }
if (-not (Test-Path (Join-Path $app 'wpuscope.jar'))) {
    throw "$app\wpuscope.jar is missing: build the app first (mvn -B -DskipTests package -pl app)"
}
foreach ($arch in 'x64', 'x86') {
    foreach ($file in $nativeFiles) {
        if (-not (Test-Path (Join-Path $NativeDir "$arch\$file"))) {
            throw "$NativeDir\$arch\$file is missing: build native-hook (./setup.sh on Linux) and copy its build folder here, or name it with -NativeDir"
        }
    }
}
foreach ($tool in 'jpackage', 'jlink', 'jdeps', 'candle', 'light') {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) {
        throw "$tool is not on the PATH (jpackage, jlink, jdeps: a JDK 17+ bin folder; candle, light: WiX Toolset 3)"
    }
}

if (Test-Path $out) { Remove-Item -Recurse -Force $out }
$javafx = Join-Path $out 'javafx'
$appFiles = Join-Path $out 'input'
New-Item -ItemType Directory -Force $javafx, (Join-Path $appFiles 'lib') | Out-Null

# JavaFX's platform jars (javafx-<module>-<version>-win.jar) become modules of the runtime; its empty jars
# without a platform are not needed; every other library stays on the class path.
foreach ($jar in Get-ChildItem (Join-Path $app 'lib\*.jar')) {
    if ($jar.Name -match '^javafx-[a-z]+-[0-9.]+-.+\.jar$') { Copy-Item $jar.FullName $javafx }
    elseif ($jar.Name -notlike 'javafx-*') { Copy-Item $jar.FullName (Join-Path $appFiles 'lib') }
}
if (-not (Get-ChildItem (Join-Path $javafx 'javafx-*-win.jar'))) {
    throw "no JavaFX Windows jars (javafx-*-win.jar) in $app\lib: build the app on Windows (mvn -B -DskipTests package -pl app)"
}
Copy-Item (Join-Path $app 'wpuscope.jar') $appFiles

# What the app finds below -Dwpuscope.root (jpackage\app.args), laid out as in a checkout.
$examples = New-Item -ItemType Directory -Force (Join-Path $appFiles 'resources\examples')
$captures = New-Item -ItemType Directory -Force (Join-Path $appFiles 'resources\captures')
Copy-Item (Join-Path $root 'resources\examples\example-catalog.reg'), (Join-Path $root 'resources\examples\README.md') $examples
Copy-Item (Join-Path $root 'resources\captures\*.wputrace'), (Join-Path $root 'resources\captures\README.md') $captures
foreach ($arch in 'x64', 'x86') {
    $target = New-Item -ItemType Directory -Force (Join-Path $appFiles "native-hook\build\$arch")
    foreach ($file in $nativeFiles) { Copy-Item (Join-Path $NativeDir "$arch\$file") $target }
}

# The runtime: the JDK modules the app and its libraries use (jdeps), and JavaFX's. JavaFX's DLLs stay
# inside its modules; JavaFX unpacks them into %USERPROFILE%\.openjfx\cache on first start.
$libraries = (Get-ChildItem (Join-Path $appFiles 'lib\*.jar') | ForEach-Object FullName) -join ';'
$modules = & jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --module-path $javafx `
    --class-path $libraries (Join-Path $appFiles 'wpuscope.jar')
if ($LASTEXITCODE -ne 0) { throw "jdeps failed (exit code $LASTEXITCODE)" }
Write-Host "packaging\windows\build.ps1: runtime modules $modules"
$runtime = Join-Path $out 'runtime'
Invoke-Tool jlink @('--module-path', $javafx, '--add-modules', "$modules", '--output', $runtime,
    '--strip-debug', '--no-man-pages', '--no-header-files', '--strip-native-commands', '--compress=2')

Invoke-Tool jpackage @('--type', $Type, '--dest', $out,
    "@$(Join-Path $jpackageDir 'app.args')", "@$(Join-Path $jpackageDir 'package.args')",
    "@$(Join-Path $PSScriptRoot 'windows.args')",
    '--app-version', $Version, '--input', $appFiles, '--runtime-image', $runtime,
    '--icon', (Join-Path $root 'resources\icons\wpuscope.ico'),
    '--add-launcher', "wpuscope-cli=$(Join-Path $PSScriptRoot 'cli-launcher.properties')")

Write-Host "packaging\windows\build.ps1: $(Get-ChildItem (Join-Path $out "wpuscope-*.$Type"))"
