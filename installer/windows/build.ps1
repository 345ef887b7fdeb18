# Build the Windows installer: dist\DrafterSetup-<version>.exe.
# Run from the repository root in PowerShell:  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs Python 3.11+ (64-bit, python.org) and Inno Setup 6.3+; see installer\README.md.
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")

$version = (Select-String -Path drafter\__init__.py -Pattern '__version__ = "([^"]+)"').Matches[0].Groups[1].Value
$venv = ".venv-win"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3 -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install -q --upgrade pip
& "$venv\Scripts\python.exe" -m pip install -q -e ".[dist]"

& "$venv\Scripts\pyinstaller.exe" --noconfirm --clean --log-level WARN `
    --distpath build\pyinstaller\dist --workpath build\pyinstaller\work installer\drafter.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# Check the bundle before packing it: a letter renders, the main window opens.
$bundle = "build\pyinstaller\dist\drafter"
$check = Join-Path $env:TEMP "drafter-check"
Remove-Item -Recurse -Force $check -ErrorAction SilentlyContinue
New-Item -ItemType Directory $check | Out-Null
$env:DRAFTER_HOME = "$check\home"
& "$bundle\drafter-cli.exe" render templates\cong_van\sample.letter -o "$check\sample.docx"
if ($LASTEXITCODE -ne 0 -or -not (Test-Path "$check\sample.docx")) { throw "the bundle cannot render a letter" }
$env:DRAFTER_SELFTEST = "1"; $env:QT_QPA_PLATFORM = "offscreen"
& "$bundle\drafter-cli.exe"
if ($LASTEXITCODE -ne 0) { throw "the bundle cannot open its main window" }
Remove-Item Env:DRAFTER_SELFTEST, Env:QT_QPA_PLATFORM, Env:DRAFTER_HOME

$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) not found" }
& $iscc "/DAppVersion=$version" installer\windows\drafter.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "dist\DrafterSetup-$version.exe"
