# Make sure Inno Setup (6.3 or newer) is installed: GitHub's Windows runners have it, a
# fresh machine gets it from Chocolatey. Run in PowerShell:
#   powershell -ExecutionPolicy Bypass -File installer\windows\install-innosetup.ps1
# By hand without Chocolatey: install it from https://jrsoftware.org/isdl.php instead.
. "$PSScriptRoot\common.ps1"
$iscc = Find-Iscc
if (-not $iscc) {
    if (-not (Get-Command choco.exe -ErrorAction SilentlyContinue)) {
        throw "Inno Setup is not installed and Chocolatey is not there to install it: get it from https://jrsoftware.org/isdl.php"
    }
    Invoke-Native choco.exe @("install", "innosetup", "-y", "--no-progress")
    $iscc = Find-Iscc
    if (-not $iscc) { throw "Chocolatey installed Inno Setup, but ISCC.exe is not where expected" }
}
$version = (Get-Item $iscc).VersionInfo.ProductVersion
Write-Host "Inno Setup $version`: $iscc"
if ([version]($version -replace '[^0-9.].*$', '') -lt [version]"6.3") {
    throw "Inno Setup $version is too old: drafter.iss needs 6.3 or newer (x64compatible)"
}
