# Build the Windows installer dist\DrafterSetup-<version>.exe in one go, from the
# repository root in PowerShell:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs 64-bit Python 3.11+ (python.org) and Inno Setup 6.3+; see installer\README.md.
# The steps, each runnable alone: setup.ps1 (.venv-win), build-bundle.ps1 (PyInstaller
# folder, checked), build-installer.ps1 (Inno Setup). Then install-test.ps1 tries it.
. "$PSScriptRoot\common.ps1"
& "$PSScriptRoot\setup.ps1"
& "$PSScriptRoot\build-bundle.ps1"
& "$PSScriptRoot\build-installer.ps1"
