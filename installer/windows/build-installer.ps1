# Compile the per-user installer dist\DrafterSetup-<version>.exe from the bundle that
# build-bundle.ps1 made. Run in PowerShell (Inno Setup 6.3+ installed):
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-installer.ps1
# drafter.iss reads the version from Drafter.exe, so nothing is passed to ISCC. The build
# fails if the Vietnamese messages lack a message of this Inno Setup version (ISCC would
# otherwise show that message in English).
. "$PSScriptRoot\common.ps1"
Set-Location $RepoRoot
$iscc = Find-Iscc
if (-not $iscc) { throw "Inno Setup (ISCC.exe) not found: run installer\windows\install-innosetup.ps1" }

# ISCC's warnings go to standard error from Inno Setup 7 on: collect both streams.
$ErrorActionPreference = "Continue"
$output = & $iscc "installer\windows\drafter.iss" 2>&1 | ForEach-Object { "$_" }
$status = $LASTEXITCODE
$ErrorActionPreference = "Stop"
$output | Write-Host
if ($status -ne 0) { throw "Inno Setup failed with exit status $status" }
$missing = @($output | Select-String -SimpleMatch "has not been defined for the")
if ($missing.Count -gt 0) { throw "Vietnamese.isl lacks messages of this Inno Setup:`n$($missing -join "`n")" }

$installer = Get-InstallerPath
if (-not (Test-Path $installer)) { throw "Inno Setup did not write $installer" }
Write-Host "Installer: $installer"
