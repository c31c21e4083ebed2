@echo off
rem Builds the wpuscope Windows installer: see build.ps1 (arguments are passed on, e.g. -Type exe).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
exit /b %ERRORLEVEL%
