# Uninstall Drafter without any window, after noting the user's data files (name, size,
# SHA-256) in build\install-test\data-before.csv for check-data-kept.ps1. Then check that
# the program folder, the Start-menu entry and the .letter association are gone.
#   powershell -ExecutionPolicy Bypass -File installer\windows\uninstall-silent.ps1
param([string] $InstallDir)
. "$PSScriptRoot\common.ps1"
$app = Get-InstallDir $InstallDir
$data = Get-UserDataDir
New-Item -ItemType Directory -Force $InstallTestDir | Out-Null

$files = @(Get-ChildItem -Recurse -File $data -ErrorAction SilentlyContinue)
if ($files.Count -eq 0) { throw "there is no user data in $data to keep: run try-installed.ps1 first" }
$files | Get-FileHash -Algorithm SHA256 |
    Select-Object Path, Hash, @{ Name = "Length"; Expression = { (Get-Item $_.Path).Length } } |
    Export-Csv -NoTypeInformation -Encoding UTF8 (Join-Path $InstallTestDir "data-before.csv")
Write-Host "$($files.Count) data files noted in $data"

# The uninstaller's first process waits for the second one (which runs from %TEMP%).
$uninstaller = Join-Path $app "unins000.exe"
$process = Start-Process -FilePath $uninstaller -Wait -PassThru -ArgumentList @(
    "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/LOG=`"$(Join-Path $InstallTestDir 'uninstall.log')`"")
if ($process.ExitCode -ne 0) { throw "the uninstaller failed with exit status $($process.ExitCode)" }

# unins000.exe deletes itself, and then the folder, just after exiting: give it a moment.
for ($second = 0; $second -lt 30 -and (Test-Path $app); $second++) { Start-Sleep -Seconds 1 }
if (Test-Path $app) {
    Get-ChildItem -Recurse $app | Select-Object -First 20 | ForEach-Object { Write-Host $_.FullName }
    throw "the program folder $app is still there"
}
$shortcut = Join-Path ([Environment]::GetFolderPath("Programs")) "Drafter.lnk"
if (Test-Path $shortcut) { throw "the Start-menu entry $shortcut is still there" }
if (Test-Path "HKCU:\Software\Classes\Drafter.Letter") { throw "the Drafter.Letter file type is still registered" }
Write-Host "Uninstalled: $app is gone"
