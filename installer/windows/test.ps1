# Run the tests that need no LibreOffice, no PostgreSQL server and no display: Qt draws
# offscreen, and Windows' own Times New Roman lays the letters out. Run after setup.ps1:
#   powershell -ExecutionPolicy Bypass -File installer\windows\test.ps1 [extra pytest arguments]
# Left out: the geometry tests (marker libreoffice), the Linux bundle (marker bundle) and
# the storage tests' PostgreSQL half (their parameter id "postgresql"); SQLite runs.
. "$PSScriptRoot\common.ps1"
Set-Location $RepoRoot
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Native (Get-ProjectPython) (@("-m", "pytest", "-q", "-m", "not libreoffice and not bundle",
                                     "-k", "not postgresql") + $args)
