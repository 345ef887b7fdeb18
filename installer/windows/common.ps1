# Shared by the scripts of installer\windows (dot-sourced: . "$PSScriptRoot\common.ps1").
# Stops at the first error, knows the repository root, the project's Python, where the
# installer puts Drafter and where Drafter keeps the user's data.
# Works in Windows PowerShell 5.1 and PowerShell 7.
Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"
$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
# Scratch files of the install test (letters, documents, logs).
$InstallTestDir = Join-Path $RepoRoot "build\install-test"

function Invoke-Native {
    # Runs a program and throws when its exit status is not 0 (PowerShell does not).
    param([Parameter(Mandatory = $true)] [string] $FilePath, [string[]] $Arguments = @())
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($Arguments -join ' ')' failed with exit status $LASTEXITCODE"
    }
}

function Get-ProjectPython {
    # The Python of .venv-win, made by setup.ps1; DRAFTER_PYTHON may name another one.
    if ($env:DRAFTER_PYTHON) { return $env:DRAFTER_PYTHON }
    $python = Join-Path $RepoRoot ".venv-win\Scripts\python.exe"
    if (-not (Test-Path $python)) { throw "$($python) is missing: run installer\windows\setup.ps1 first" }
    return $python
}

function Get-DrafterVersion {
    # drafter/__init__.py's __version__, the one place the version is written down.
    $version = & (Get-ProjectPython) (Join-Path $RepoRoot "installer\windows\version_info.py") --print-version
    if ($LASTEXITCODE -ne 0 -or -not $version) { throw "cannot read the version of Drafter" }
    return "$version".Trim()
}

function Get-InstallerPath {
    return Join-Path $RepoRoot ("dist\DrafterSetup-{0}.exe" -f (Get-DrafterVersion))
}

function Get-InstallDir {
    # Where the per-user installer puts Drafter: {autopf}\Drafter for a non-administrator.
    param([string] $InstallDir)
    if ($InstallDir) { return $InstallDir }
    return Join-Path $env:LOCALAPPDATA "Programs\Drafter"
}

function Get-UserDataDir {
    # platformdirs' user data folder for "Drafter" (appauthor=False): the database, the
    # preferences, the user's templates; the cache is in its Cache subfolder.
    return Join-Path $env:LOCALAPPDATA "Drafter"
}

function Clear-DrafterEnvironment {
    # The installed program must use the default folders and database, as for a person.
    foreach ($name in "DRAFTER_HOME", "DRAFTER_DB", "DRAFTER_DATA", "DRAFTER_SELFTEST") {
        Remove-Item "Env:$name" -ErrorAction SilentlyContinue
    }
}

function Invoke-Capture {
    # Runs a program with its standard output written byte for byte to OutFile (no
    # PowerShell re-encoding); returns the exit status. Standard error stays on screen.
    param([Parameter(Mandatory = $true)] [string] $FilePath, [string[]] $Arguments = @(),
          [Parameter(Mandatory = $true)] [string] $OutFile)
    $info = New-Object System.Diagnostics.ProcessStartInfo $FilePath
    $info.Arguments = ($Arguments | ForEach-Object { '"' + $_ + '"' }) -join " "
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($info)
    $stream = [System.IO.File]::Create($OutFile)
    try { $process.StandardOutput.BaseStream.CopyTo($stream) } finally { $stream.Close() }
    $process.WaitForExit()
    return $process.ExitCode
}

function Find-Iscc {
    # Inno Setup's command-line compiler: on PATH, or where its installers put it.
    $candidates = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 7\ISCC.exe",
        "${env:ProgramFiles(x86)}\Inno Setup 7\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 7\ISCC.exe"
    )
    $onPath = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($onPath) { $candidates = @($onPath.Path) + $candidates }
    return $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
}
