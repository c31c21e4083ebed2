<#
.SYNOPSIS
  End-to-end check of the tracer on a real Windows machine, with the portable zip: installs wputrace.dll over
  this machine's TCP/IPv4 chain, runs a Winsock client (x64 and x86) with the file sink, checks each capture's
  summary for upcalls that the real ws2_32 and MSAFD delivered, removes the tracer and compares the catalog
  with the backup and with the catalog read before.

.DESCRIPTION
  CHANGES THIS MACHINE'S WINSOCK CATALOG (and puts it back): run it on a throwaway machine (the Windows
  workflow's runner, a VM), elevated, with Java 17+ (JAVA_HOME or PATH). It also sets
  HKLM\SOFTWARE\wpuscope\Tracer\Include to the client's image names while the tracer is installed, so that
  other processes (the runner's own) load the tracer but pass through untraced, and deletes that key again.
  Every step's command line, output and exit code go to OutDir\NN-step.txt (the workflow keeps them); the
  captures and the backup too. Exits 1 when a check failed.

.EXAMPLE
  pwsh -File packaging\windows\e2e\e2e-tracer.ps1 -WpuscopeHome C:\t\wpuscope-0.1.0 -ClientDir C:\t\e2e -OutDir C:\t\out
#>
param(
    # the unpacked zip's folder (wpuscope-<version>, with wpuscope-cli.cmd)
    [Parameter(Mandatory)] [string] $WpuscopeHome,
    # the folder with wsclient-x64.exe and wsclient-x86.exe (packaging/windows/e2e/build.sh)
    [Parameter(Mandatory)] [string] $ClientDir,
    [Parameter(Mandatory)] [string] $OutDir
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
New-Item -ItemType Directory -Force $OutDir | Out-Null
$OutDir = (Resolve-Path $OutDir).Path
$cli = Join-Path (Resolve-Path $WpuscopeHome).Path 'wpuscope-cli.cmd'
$backups = Join-Path $OutDir 'backups'
$tracerKey = 'HKLM:\SOFTWARE\wpuscope\Tracer'
$script:step = 0
$script:failures = 0

# Runs a program with arguments; its output and exit code go to the console and OutDir\NN-name.txt (stdout
# alone also to -StdoutFile when given). Returns the exit code and the output.
function Invoke-Step([string] $Name, [string] $Program, [string[]] $Arguments, [string] $StdoutFile) {
    $script:step++
    $log = Join-Path $OutDir ('{0:D2}-{1}.txt' -f $script:step, $Name)
    $stdout = if ($StdoutFile) { $StdoutFile } else { "$log.stdout" }
    $quoted = ($Arguments | ForEach-Object { '"' + $_ + '"' }) -join ' '
    $start = @{ FilePath = $Program; NoNewWindow = $true; Wait = $true; PassThru = $true
                RedirectStandardOutput = $stdout; RedirectStandardError = "$log.stderr" }
    if ($quoted) { $start.ArgumentList = $quoted }
    $process = Start-Process @start
    $output = (Get-Content -Raw $stdout) + (Get-Content -Raw "$log.stderr")
    $text = "> $Program $quoted`r`n$output`r`nexit code $($process.ExitCode)`r`n"
    Set-Content -Path $log -Value $text
    Remove-Item "$log.stderr"
    if (-not $StdoutFile) { Remove-Item $stdout }
    Write-Host "== $Name (exit code $($process.ExitCode))"
    Write-Host $output
    return [pscustomobject]@{ ExitCode = $process.ExitCode; Output = "$output" }
}

# Records a check: prints ok or FAIL and counts failures.
function Test-Check([string] $What, [bool] $Passed) {
    if ($Passed) { Write-Host "  ok    $What" } else { Write-Host "  FAIL  $What"; $script:failures++ }
    Add-Content -Path (Join-Path $OutDir 'checks.txt') -Value ("{0}  {1}" -f ($(if ($Passed) { 'ok  ' } else { 'FAIL' })), $What)
}

$r = Invoke-Step 'version' $cli @('--version')
Test-Check "the zip's wpuscope-cli.cmd finds Java and runs wpuscope" ($r.ExitCode -eq 0 -and $r.Output -match '^wpuscope \d')
$before = Join-Path $OutDir 'catalog-before.json'
$r = Invoke-Step 'catalog-before' $cli @('catalog', '--live', '--json') -StdoutFile $before
Test-Check 'catalog --live --json reads the live catalog' ($r.ExitCode -eq 0)
Invoke-Step 'catalog-before-text' $cli @('catalog', '--live') | Out-Null
Invoke-Step 'diagnose-before' $cli @('diagnose', '--live') | Out-Null

# The TCP/IPv4 base provider (MSAFD Tcpip [TCP/IP]) of the 64-bit catalog: family 2, stream, TCP, ChainLen 1.
$entry = (Get-Content -Raw $before | ConvertFrom-Json).catalogs.X64.entries |
    Where-Object { $_.info.addressFamily -eq 2 -and $_.info.socketType -eq 1 -and $_.info.protocol -eq 6 -and $_.info.chainLength -eq 1 } |
    Select-Object -First 1
if (-not $entry) { throw "no TCP/IPv4 base provider in the live catalog (see $before)" }
$id = "$($entry.info.catalogEntryId)"
Write-Host "TCP/IPv4 base provider: catalog id $id, $($entry.info.protocolName)"

$installed = $false
$backup = $null
try {
    # Only the clients are traced; every other process loads the tracer and passes through.
    New-Item -Path $tracerKey -Force | Out-Null
    New-ItemProperty -Path $tracerKey -Name Include -Value 'wsclient-x64.exe;wsclient-x86.exe' -PropertyType String -Force | Out-Null
    Invoke-Step 'tracer-plan' $cli @('tracer', 'plan', '--live', '--entry', $id) | Out-Null
    $r = Invoke-Step 'tracer-install' $cli @('tracer', 'install', '--live', '--entry', $id, '--yes', '--backup-dir', $backups)
    $installed = $r.ExitCode -eq 0
    $backup = Get-ChildItem $backups -File -ErrorAction SilentlyContinue | Select-Object -First 1
    Test-Check "tracer install --live --entry $id (TCP/IPv4) applied it" $installed
    Test-Check 'install saved a backup' ($null -ne $backup)
    Invoke-Step 'tracer-status' $cli @('tracer', 'status', '--live') | Out-Null
    Invoke-Step 'catalog-installed-text' $cli @('catalog', '--live') | Out-Null

    $architectures = if ($installed) { @('x64', 'x86') } else { @() }
    foreach ($arch in $architectures) {
        $env:WPUSCOPE_TRACE_SINK = 'file'
        $env:WPUSCOPE_TRACE_FILE = Join-Path $OutDir "wsclient-$arch-%p.wputrace"
        $r = Invoke-Step "wsclient-$arch" (Join-Path $ClientDir "wsclient-$arch.exe") @()
        Remove-Item Env:\WPUSCOPE_TRACE_SINK, Env:\WPUSCOPE_TRACE_FILE
        Test-Check "wsclient-$arch.exe: open, connect over the loopback, send, receive, close" ($r.ExitCode -eq 0)
        $capture = Get-ChildItem (Join-Path $OutDir "wsclient-$arch-*.wputrace") | Select-Object -First 1
        Test-Check "the tracer wrote a capture of wsclient-$arch.exe with the file sink" ($null -ne $capture)
        if (-not $capture) { continue }
        $r = Invoke-Step "trace-summary-$arch" $cli @('trace', 'summary', $capture.FullName)
        $bits = if ($arch -eq 'x64') { '64-bit' } else { '32-bit' }
        Test-Check "trace summary: wsclient-$arch.exe, $bits, with upcalls" `
            ($r.ExitCode -eq 0 -and $r.Output -match "wsclient-$arch\.exe\s+$bits, [1-9][0-9]* upcalls")
        Test-Check "trace summary: the upcalls came from the real MSAFD base provider (mswsock.dll)" ($r.Output -match 'mswsock\.dll')
        Invoke-Step "trace-export-$arch" $cli @('trace', 'export', '--csv', $capture.FullName) | Out-Null
    }
}
finally {
    # Whatever happened above: the tracer leaves the catalog (remove finds it by its GUIDs alone).
    $r = Invoke-Step 'tracer-remove' $cli @('tracer', 'remove', '--live', '--yes', '--backup-dir', (Join-Path $OutDir 'backups-remove'))
    if ($installed) { Test-Check 'tracer remove --live' ($r.ExitCode -eq 0) }
    if ($r.ExitCode -ne 0 -and $backup) {
        Invoke-Step 'tracer-restore' $cli @('tracer', 'restore', '--live', '--yes', $backup.FullName) | Out-Null
    }
    Remove-Item -Path 'HKLM:\SOFTWARE\wpuscope' -Recurse -Force -ErrorAction SilentlyContinue
}

$after = Join-Path $OutDir 'catalog-after.json'
Invoke-Step 'catalog-after' $cli @('catalog', '--live', '--json') -StdoutFile $after | Out-Null
if ($backup) {
    $r = Invoke-Step 'diff-backup-after' $cli @('diff', $backup.FullName, $after)
    Test-Check 'the catalog after remove equals the backup (diff exit 0)' ($r.ExitCode -eq 0)
}
$r = Invoke-Step 'diff-before-after' $cli @('diff', $before, $after)
Test-Check 'the catalog after remove equals the one read before (diff exit 0)' ($r.ExitCode -eq 0)
Invoke-Step 'tracer-status-after' $cli @('tracer', 'status', '--live') | Out-Null

if ($script:failures -gt 0) { Write-Host "e2e-tracer.ps1: $($script:failures) check(s) failed"; exit 1 }
Write-Host 'e2e-tracer.ps1: all checks passed'
