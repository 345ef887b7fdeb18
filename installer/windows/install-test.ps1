# The whole test of the installer, in order, as CI runs it step by step:
# install silently, use the installed program, uninstall silently, check the data is kept.
#   powershell -ExecutionPolicy Bypass -File installer\windows\install-test.ps1
# Run it under a Windows user without Drafter data (see try-installed.ps1).
param([string] $Installer)
. "$PSScriptRoot\common.ps1"
& "$PSScriptRoot\install-silent.ps1" -Installer $Installer
& "$PSScriptRoot\try-installed.ps1"
& "$PSScriptRoot\uninstall-silent.ps1"
& "$PSScriptRoot\check-data-kept.ps1"
