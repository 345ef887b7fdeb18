# Build the PyInstaller folder build\pyinstaller\dist\drafter\ (Drafter.exe, drafter-cli.exe,
# _internal\) and check it before it is packed. Run after setup.ps1:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-bundle.ps1
# The spec gives both programs a version resource made from drafter/__init__.py.
. "$PSScriptRoot\common.ps1"
Set-Location $RepoRoot
$python = Get-ProjectPython

Invoke-Native $python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "build\pyinstaller\dist", "--workpath", "build\pyinstaller\work", "installer\drafter.spec")

$bundle = Join-Path $RepoRoot "build\pyinstaller\dist\drafter"
foreach ($program in "Drafter.exe", "drafter-cli.exe") {
    $info = (Get-Item (Join-Path $bundle $program)).VersionInfo
    Write-Host ("{0}: {1} {2}, {3} ({4})" -f $program, $info.ProductName, $info.ProductVersion,
                $info.FileDescription, $info.CompanyName)
    if ($info.ProductName -ne "Drafter" -or $info.ProductVersion -ne (Get-DrafterVersion)) {
        throw "$program has no version resource of Drafter $(Get-DrafterVersion)"
    }
}

# The bundle renders the sample letter and opens its main window, with private folders.
$check = Join-Path $RepoRoot "build\bundle-check"
Remove-Item -Recurse -Force $check -ErrorAction SilentlyContinue
New-Item -ItemType Directory $check | Out-Null
$env:DRAFTER_HOME = "$check\home"
Invoke-Native "$bundle\drafter-cli.exe" @("render", "templates\cong_van\sample.letter", "-o", "$check\sample.docx")
if (-not (Test-Path "$check\sample.docx")) { throw "the bundle did not write sample.docx" }
$env:DRAFTER_SELFTEST = "1"; $env:QT_QPA_PLATFORM = "offscreen"
Invoke-Native "$bundle\drafter-cli.exe"
Remove-Item Env:DRAFTER_SELFTEST, Env:QT_QPA_PLATFORM, Env:DRAFTER_HOME
Write-Host "Bundle ready: $bundle"
