; Inno Setup 6 script: a per-user installer for Drafter (no administrator rights).
;
; Build the PyInstaller folder first (installer\windows\build.ps1 does both steps):
;   pyinstaller --noconfirm --distpath build\pyinstaller\dist --workpath build\pyinstaller\work installer\drafter.spec
;   iscc /DAppVersion=0.1.0 installer\windows\drafter.iss
; The installer is written to dist\DrafterSetup-<version>.exe.
;
; What it does: copies the program to %LOCALAPPDATA%\Programs\Drafter (or the folder
; chosen at the first install, kept on upgrades), adds a Start-menu entry, opens .letter
; files with Drafter (HKCU only), and registers an uninstaller. Uninstalling removes the
; program folder and those entries only: the user's letters, database and preferences
; live in %LOCALAPPDATA%\Drafter (platformdirs), outside {app}, and are never touched.

#define AppName "Drafter"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "Drafter.exe"
#define CliExe "drafter-cli.exe"
#define ProgId "Drafter.Letter"
; Relative to this script's folder.
#define BundleDir "..\..\build\pyinstaller\dist\drafter"

[Setup]
; The AppId identifies Drafter for upgrades and uninstall: never change it.
AppId={{15BE5AB8-CF0E-4CB0-B182-231CB1853086}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Drafter
AppComments=Soạn thảo văn bản hành chính theo Nghị định 30/2020/NĐ-CP
; Per user: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=DrafterSetup-{#AppVersion}
SetupIconFile=..\..\resources\icons\drafter.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; A running Drafter would keep its files locked: offer to close it.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup has no official Vietnamese translation. Put the community translation
; Vietnamese.isl beside this script to build a Vietnamese installer (see README.md).
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
Name: "vi"; MessagesFile: "Vietnamese.isl"
#endif

[CustomMessages]
en.AssociateLetters=Open .letter files with Drafter
en.LetterFile=Drafter letter
en.AppComment=Draft administrative documents laid out by Nghị định 30/2020/NĐ-CP
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
vi.AssociateLetters=Mở tệp .letter bằng Drafter
vi.LetterFile=Văn bản Drafter
vi.AppComment=Soạn thảo văn bản hành chính theo Nghị định 30/2020/NĐ-CP
#endif

[Tasks]
Name: "associate"; Description: "{cm:AssociateLetters}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: Drafter.exe (windowed), drafter-cli.exe (console) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the libraries whole, so none of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; The .letter association, for this user only (HKCU\Software\Classes).
Root: HKCU; Subkey: "Software\Classes\.letter"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\.letter"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-drafter-letter"; Flags: uninsdeletevalue; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\.letter\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:LetterFile}"; Flags: uninsdeletekey; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
; "Open with" lists Drafter for .letter files even when another program owns them.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".letter"; ValueData: ""; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. The data folders (%LOCALAPPDATA%\Drafter: database, drafts,
; preferences, user templates) are deliberately not listed: uninstalling keeps them.
; Python may have written __pycache__ beside the migration scripts it ran: remove the
; program's own _internal folder whole, then the program folder if nothing else is in it.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
