# Make .venv-win and install Drafter into it with the test and dist extras
# (pytest, PyInstaller, PySide6...). Run from anywhere in PowerShell:
#   powershell -ExecutionPolicy Bypass -File installer\windows\setup.ps1 [-Python C:\Python311\python.exe]
# Produces: .venv-win\ (the other scripts use its python.exe).
param([string] $Python)
. "$PSScriptRoot\common.ps1"
Set-Location $RepoRoot

$venv = Join-Path $RepoRoot ".venv-win"
if (-not (Test-Path "$venv\Scripts\python.exe")) {
    # Python 3.11 or newer, 64-bit: the one named, else "python" on PATH, else the py launcher.
    if ($Python) { Invoke-Native $Python @("-m", "venv", $venv) }
    elseif (Get-Command python.exe -ErrorAction SilentlyContinue) { Invoke-Native python.exe @("-m", "venv", $venv) }
    else { Invoke-Native py.exe @("-3", "-m", "venv", $venv) }
}
$venvPython = "$venv\Scripts\python.exe"
Invoke-Native $venvPython @("-c", "import sys, struct; assert sys.version_info >= (3, 11) and struct.calcsize('P') == 8, 'Drafter needs 64-bit Python 3.11 or newer'")
Invoke-Native $venvPython @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Native $venvPython @("-m", "pip", "install", "--quiet", "-e", ".[test,dist]")
Write-Host "Ready: $venvPython"
