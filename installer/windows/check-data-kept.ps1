# After uninstall-silent.ps1: every data file noted before uninstalling is still in
# %LOCALAPPDATA%\Drafter, unchanged (same size and SHA-256), the register database first.
#   powershell -ExecutionPolicy Bypass -File installer\windows\check-data-kept.ps1
. "$PSScriptRoot\common.ps1"
$noted = Join-Path $InstallTestDir "data-before.csv"
if (-not (Test-Path $noted)) { throw "$noted is missing: run uninstall-silent.ps1 first" }
$before = @(Import-Csv $noted)
$database = Join-Path (Get-UserDataDir) "drafter.sqlite3"
if (-not ($before | Where-Object { $_.Path -eq $database })) { throw "the register database was not among the noted files" }
foreach ($file in $before) {
    if (-not (Test-Path $file.Path)) { throw "uninstalling deleted $($file.Path)" }
    $hash = (Get-FileHash -Algorithm SHA256 $file.Path).Hash
    if ($hash -ne $file.Hash) { throw "uninstalling changed $($file.Path)" }
}
Write-Host "All $($before.Count) data files are kept, unchanged, in $(Get-UserDataDir)"
