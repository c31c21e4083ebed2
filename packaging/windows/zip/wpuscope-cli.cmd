@echo off
rem wpuscope on the command line (portable zip): wpuscope-cli catalog --live, wpuscope-cli diagnose FILE,
rem wpuscope-cli trace summary FILE, wpuscope-cli tracer install --live ... (wpuscope-cli --help lists them;
rem without arguments it opens the GUI, with this console). wpuscope.cmd opens the GUI without one.
rem Needs a 64-bit Java 17 or newer: %JAVA_HOME%\bin\java.exe, else java.exe on the PATH.
rem JavaFX (javafx\, its Windows jars) runs from the module path, as JavaFX supports it; wpuscope and its
rem other libraries (wpuscope.jar, lib\) from the class path; wpuscope.root is this folder, where the app
rem finds resources\ and native-hook\build\ (the tracer DLLs). Quote arguments that hold & ( ) ^ or spaces.
rem Exit codes: those of wpuscope (wpuscope-cli --help), or 9 when no Java 17+ was found.
setlocal
set "WPUSCOPE_HOME=%~dp0"
set "WPUSCOPE_HOME=%WPUSCOPE_HOME:~0,-1%"

set "JAVA_EXE="
if not defined JAVA_HOME goto search_path
if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE >&2 echo wpuscope: JAVA_HOME is "%JAVA_HOME%", which has no bin\java.exe; looking for java.exe on the PATH.
:search_path
if not defined JAVA_EXE for %%J in (java.exe) do set "JAVA_EXE=%%~$PATH:J"
if not defined JAVA_EXE goto no_java

rem The version from "java -version": openjdk version "17.0.9" 2023-10-17 (1.8.0_402 for Java 8), and its
rem bitness: a 32-bit Java cannot load JavaFX for Windows x64; a 64-bit one says "OpenJDK 64-Bit Server VM"
rem (or "Java HotSpot(TM) 64-Bit Server VM").
set "JAVA_VERSION="
set "JAVA_MAJOR="
set "JAVA_64="
set "VERSION_FILE=%TEMP%\wpuscope-java-version-%RANDOM%%RANDOM%.txt"
"%JAVA_EXE%" -version >"%VERSION_FILE%" 2>&1
for /f "usebackq tokens=1-3" %%a in ("%VERSION_FILE%") do (
  if "%%b"=="version" if not defined JAVA_VERSION set "JAVA_VERSION=%%~c"
  if "%%b"=="64-Bit" set "JAVA_64=1"
  if "%%c"=="64-Bit" set "JAVA_64=1"
)
del "%VERSION_FILE%" >nul 2>&1
if not defined JAVA_VERSION set "JAVA_VERSION=unknown (its -version printed no version)"
if "%JAVA_VERSION:~0,7%"=="unknown" goto old_java
for /f "tokens=1,2 delims=.-_+" %%m in ("%JAVA_VERSION%") do (set "JAVA_MAJOR=%%m" & if "%%m"=="1" set "JAVA_MAJOR=%%n")
set /a JAVA_MAJOR=JAVA_MAJOR 2>nul
if %JAVA_MAJOR% LSS 17 goto old_java
if not defined JAVA_64 goto java_32

rem wpuscope.cmd without arguments sets WPUSCOPE_GUI: the GUI with javaw.exe (no console window), not waited for.
set "RUN_EXE=%JAVA_EXE%"
set "LAUNCH="
if not defined WPUSCOPE_GUI goto run
set LAUNCH=start "wpuscope"
if exist "%JAVA_EXE:~0,-8%javaw.exe" set "RUN_EXE=%JAVA_EXE:~0,-8%javaw.exe"
:run
%LAUNCH% "%RUN_EXE%" %WPUSCOPE_JAVA_OPTS% --module-path "%WPUSCOPE_HOME%\javafx" --add-modules javafx.controls,javafx.fxml "-Dwpuscope.root=%WPUSCOPE_HOME%" -cp "%WPUSCOPE_HOME%\wpuscope.jar;%WPUSCOPE_HOME%\lib\*" dev.wpuscope.Main %*
exit /b %ERRORLEVEL%

:no_java
>&2 echo wpuscope needs Java 17 or newer (64-bit), and found none: no JAVA_HOME with bin\java.exe, no java.exe on the PATH.
goto install_hint
:old_java
>&2 echo wpuscope needs Java 17 or newer (64-bit), but "%JAVA_EXE%" is Java %JAVA_VERSION%.
goto install_hint
:java_32
>&2 echo wpuscope needs a 64-bit Java 17 or newer, but "%JAVA_EXE%" is a 32-bit Java %JAVA_VERSION%.
:install_hint
>&2 echo Install a JDK or JRE 17 or newer for Windows x64 (for example Eclipse Temurin 17 from https://adoptium.net/),
>&2 echo then set JAVA_HOME to its folder (set "JAVA_HOME=C:\Program Files\Eclipse Adoptium\jdk-17...") or put its bin folder on the PATH.
if defined WPUSCOPE_GUI pause
exit /b 9
