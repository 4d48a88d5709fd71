; Inno Setup 6 script for FactDesk（核数台）: a per-user installer, no administrator rights.
;
; Build on Windows, from the repository root, after building the app there:
;
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[package]
;   .venv\Scripts\pyinstaller build.spec --noconfirm --clean
;   dist\FactDesk\FactDesk.exe --self-test        (writes %TEMP%\factdesk-self-test.txt)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\factdesk.iss
;
; → dist\FactDesk-0.1.0-windows-setup.exe.  AppVersion must be passed in
; (/DAppVersion=, the version in pyproject.toml); the script refuses to
; build without it rather than ship a wrong number.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z packaging\windows\factdesk.iss
#endif

#define AppName "FactDesk"
#define AppExe "FactDesk.exe"
#define Root "..\.."

[Setup]
; Never change AppId: it is how Windows finds an earlier install to upgrade or remove.
AppId={{6F1C2A4E-8B57-4D2C-9E21-3C7A0F5D4B19}
AppName={#AppName}
AppVerName={#AppName} 核数台 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=FactDesk
VersionInfoVersion={#AppVersion}
; Per-user install: no UAC prompt; {autopf} is %LOCALAPPDATA%\Programs in this mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} 核数台
SetupIconFile={#Root}\resources\icons\factdesk.ico
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese (Simplified) when this Inno Setup has it (recent releases ship it;
; older ones need it copied from the unofficial translations into Languages\).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder (dist\FactDesk\FactDesk.exe and _internal\).
Source: "{#Root}\dist\FactDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Start-menu shortcut (the user's own Start menu in a per-user install).
Name: "{group}\{#AppName} 核数台"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName} 核数台"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The review databases and settings live in the user's data folders, not in
; {app}: uninstalling removes the program and keeps the editors' work.
