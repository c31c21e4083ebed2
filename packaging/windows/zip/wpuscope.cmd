@echo off
rem wpuscope's GUI (portable zip): double-click it, or run it without arguments; it starts wpuscope with
rem javaw.exe and returns. With arguments it runs the command line, as wpuscope-cli.cmd does (which see:
rem how Java is found, JavaFX, the exit codes).
setlocal
if not "%~1"=="" "%~dp0wpuscope-cli.cmd" %*
set "WPUSCOPE_GUI=1"
"%~dp0wpuscope-cli.cmd"
