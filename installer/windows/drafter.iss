; Inno Setup 6 script: a per-user installer for Drafter (no administrator rights).
;
; Build the PyInstaller folder first, then compile this script (build.ps1 does both):
;   pyinstaller --noconfirm --distpath build\pyinstaller\dist --workpath build\pyinstaller\work installer\drafter.spec
;   iscc installer\windows\drafter.iss
; The installer is written to dist\DrafterSetup-<version>.exe. The version and the
; publisher are read from Drafter.exe's version resource, which the spec makes from
; drafter/__init__.py (installer\windows\version_info.py): nothing here repeats them.
;
; What it does: copies the program to %LOCALAPPDATA%\Programs\Drafter (or the folder
; chosen at the first install, kept on upgrades), adds a Start-menu entry, opens .letter
; files with Drafter (HKCU only), and registers an uninstaller. Uninstalling removes the
; program folder and those entries only: the user's letters, database and preferences
; live in %LOCALAPPDATA%\Drafter (platformdirs), outside {app}, and are never touched.
;
; The wizard speaks Vietnamese (Vietnamese.isl, beside this script) unless the person
; picks English in the first dialog; silent installs take /LANG=en for English.

#define AppName "Drafter"
#define AppExe "Drafter.exe"
#define CliExe "drafter-cli.exe"
#define ProgId "Drafter.Letter"
; Relative to this script's folder; /DBundleDir=<folder> builds from another one.
#ifndef BundleDir
  #define BundleDir "..\..\build\pyinstaller\dist\drafter"
#endif
#define BundleExe AddBackslash(SourcePath) + BundleDir + "\" + AppExe
#if !FileExists(BundleExe)
  #error Drafter.exe is not in BundleDir: build the PyInstaller folder first (installer\windows\build-bundle.ps1)
#endif
; The version as drafter/__init__.py writes it (ProductVersion), and its four-number form.
#define AppVersion GetFileProductVersion(BundleExe)
#define AppFileVersion GetVersionNumbersString(BundleExe)
#define AppPublisher GetFileCompany(BundleExe)
#if AppVersion == "" || AppPublisher == ""
  #error Drafter.exe has no version resource: build it with installer\drafter.spec on Windows
#endif

[Setup]
; The AppId identifies Drafter for upgrades and uninstall: never change it.
AppId={{15BE5AB8-CF0E-4CB0-B182-231CB1853086}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppComments=Soạn thảo văn bản hành chính theo Nghị định 30/2020/NĐ-CP
; The installer's own version resource (Properties › Details of DrafterSetup-*.exe).
VersionInfoVersion={#AppFileVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppFileVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} Setup
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
; Vietnamese first, whatever the language of Windows; the first dialog offers English.
LanguageDetectionMethod=none
ShowLanguageDialog=yes

[Languages]
; Inno Setup has no official Vietnamese translation: Vietnamese.isl is Drafter's own.
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
; Uninstalling keeps the person's work: say so before they confirm.
vi.ConfirmUninstall=Bạn có chắc muốn gỡ bỏ %1 không?%n%nVăn bản, sổ đăng ký, danh bạ và các thiết lập của bạn vẫn được giữ nguyên: khi cài đặt lại %1, bạn sẽ thấy lại chúng.
en.ConfirmUninstall=Are you sure you want to remove %1?%n%nYour letters, register, address book and settings are kept: reinstalling %1 finds them again.

[CustomMessages]
vi.AssociateLetters=Mở tệp .letter bằng Drafter
vi.LetterFile=Văn bản Drafter
vi.AppComment=Soạn thảo văn bản hành chính theo Nghị định 30/2020/NĐ-CP
en.AssociateLetters=Open .letter files with Drafter
en.LetterFile=Drafter letter
en.AppComment=Draft administrative documents laid out by Nghị định 30/2020/NĐ-CP

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
