# Install Drafter for the current user without any window, as an administrator's script
# would, then check what the installer left. Run after build-installer.ps1:
#   powershell -ExecutionPolicy Bypass -File installer\windows\install-silent.ps1 [-Installer dist\DrafterSetup-0.1.0.exe]
# Produces: %LOCALAPPDATA%\Programs\Drafter\ (Drafter.exe, drafter-cli.exe, unins000.exe),
# the Start-menu entry, the .letter association under HKCU, and build\install-test\install.log.
param([string] $Installer)
. "$PSScriptRoot\common.ps1"
if (-not $Installer) { $Installer = Get-InstallerPath }
New-Item -ItemType Directory -Force $InstallTestDir | Out-Null
$log = Join-Path $InstallTestDir "install.log"

# /CURRENTUSER: per user, no UAC prompt; the log tells what went wrong if anything did.
$process = Start-Process -FilePath $Installer -Wait -PassThru -ArgumentList @(
    "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/LOG=`"$log`"")
if ($process.ExitCode -ne 0) {
    Get-Content $log -ErrorAction SilentlyContinue | Write-Host
    throw "the installer failed with exit status $($process.ExitCode)"
}

$app = Get-InstallDir
foreach ($file in "Drafter.exe", "drafter-cli.exe", "unins000.exe") {
    if (-not (Test-Path (Join-Path $app $file))) { throw "$file is not in $app after the install" }
}
$shortcut = Join-Path ([Environment]::GetFolderPath("Programs")) "Drafter.lnk"
if (-not (Test-Path $shortcut)) { throw "no Start-menu entry at $shortcut" }
Write-Host "Installed in $app"
