# Use the installed Drafter as a person would, and leave some of their data behind:
# print the sample letter (drafter-cli new cong_van), render it to .docx, issue it (a
# number in the register, so a database in the user's data folder), and open it through
# the .letter association (DRAFTER_SELFTEST=1: the window opens offscreen and closes).
#   powershell -ExecutionPolicy Bypass -File installer\windows\try-installed.ps1
# Refuses to run when %LOCALAPPDATA%\Drafter exists: issuing would number a letter in
# that person's real register. Use a test account, or a virtual machine.
# Produces: build\install-test\cong_van.letter, .docx files, %LOCALAPPDATA%\Drafter\.
param([string] $InstallDir)
. "$PSScriptRoot\common.ps1"
$app = Get-InstallDir $InstallDir
$cli = Join-Path $app "drafter-cli.exe"
$data = Get-UserDataDir
if (Test-Path $data) { throw "$data exists: run this test under a user without Drafter data" }
Clear-DrafterEnvironment
Remove-Item -Force "$InstallTestDir\*.letter", "$InstallTestDir\*.docx" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $InstallTestDir | Out-Null

# 1. drafter-cli new: the sample letter, as UTF-8 (only the line ends are Windows').
$letter = Join-Path $InstallTestDir "cong_van.letter"
$status = Invoke-Capture $cli @("new", "cong_van") $letter
if ($status -ne 0) { throw "drafter-cli new cong_van failed with exit status $status" }
$utf8 = New-Object System.Text.UTF8Encoding($false, $true)  # throws on invalid UTF-8
$printed = $utf8.GetString([IO.File]::ReadAllBytes($letter)) -replace "`r`n", "`n"
$sample = $utf8.GetString([IO.File]::ReadAllBytes((Join-Path $RepoRoot "templates\cong_van\sample.letter"))) -replace "`r`n", "`n"
if ($printed -ne $sample) { throw "drafter-cli new cong_van did not print templates\cong_van\sample.letter" }

# 2. drafter-cli render: a .docx, i.e. a zip package holding word/document.xml.
$docx = Join-Path $InstallTestDir "cong_van.docx"
Invoke-Native $cli @("render", $letter, "-o", $docx)
if (-not (Test-Path $docx)) { throw "drafter-cli render wrote no $docx" }
$head = [IO.File]::ReadAllBytes($docx)[0..1]
if ($head[0] -ne 0x50 -or $head[1] -ne 0x4B) { throw "$docx is not a zip package" }
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [IO.Compression.ZipFile]::OpenRead($docx)
try {
    $entry = $zip.GetEntry("word/document.xml")
    if (-not $entry) { throw "$docx has no word/document.xml" }
    $reader = New-Object IO.StreamReader($entry.Open(), [Text.Encoding]::UTF8)
    try { $xml = $reader.ReadToEnd() } finally { $reader.Close() }
} finally { $zip.Dispose() }
$text = -join ([regex]::Matches($xml, '<w:t(?: [^>]*)?>([^<]*)</w:t>') | ForEach-Object { $_.Groups[1].Value })
# The signer of the sample letter, Nguyen Van An with its diacritics (code points: the
# script stays ASCII for Windows PowerShell 5.1).
$signer = "Nguy" + [char]0x1EC5 + "n V" + [char]0x0103 + "n An"
if (-not $text.Contains($signer)) { throw "the rendered letter lacks the signer's name" }
Write-Host "Rendered $docx ($((Get-Item $docx).Length) bytes)"

# 3. drafter-cli issue: the register gets number 01, in the user's data folder.
Invoke-Native $cli @("issue", $letter, "-o", (Join-Path $InstallTestDir "cong_van-issued.docx"))
$database = Join-Path $data "drafter.sqlite3"
if (-not (Test-Path $database)) { throw "issuing wrote no register database at $database" }

# 4. The .letter association (HKCU) opens the file with the installed Drafter.exe.
$progId = (Get-ItemProperty "HKCU:\Software\Classes\.letter").'(default)'
if ($progId -ne "Drafter.Letter") { throw ".letter is associated with '$progId', not Drafter.Letter" }
$command = (Get-ItemProperty "HKCU:\Software\Classes\Drafter.Letter\shell\open\command").'(default)'
$expected = '"' + (Join-Path $app "Drafter.exe") + '" "%1"'
if ($command -ne $expected) { throw "the open command of .letter files is '$command', not '$expected'" }
$env:DRAFTER_SELFTEST = "1"; $env:QT_QPA_PLATFORM = "offscreen"
try {
    # The windowed program, exactly as Explorer starts it on a double click.
    $opened = Start-Process -FilePath (Join-Path $app "Drafter.exe") -ArgumentList "`"$letter`"" -Wait -PassThru
    if ($opened.ExitCode -ne 0) { throw "Drafter.exe `"$letter`" showed no main window (exit status $($opened.ExitCode))" }
    # The console twin says what it opened: one draft, the letter named.
    $report = Join-Path $InstallTestDir "selftest.txt"
    $status = Invoke-Capture $cli @($letter) $report
    $said = Get-Content $report -Raw
    Write-Host $said
    if ($status -ne 0 -or $said -notmatch "open drafts: 1") { throw "drafter-cli did not open the .letter file it was given" }
} finally {
    Remove-Item Env:DRAFTER_SELFTEST, Env:QT_QPA_PLATFORM -ErrorAction SilentlyContinue
}
Write-Host "The installed Drafter works; its data is in $data"
