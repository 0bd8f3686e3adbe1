; Inno Setup script for ReviewDesk (评审台) on Windows: packaging/README.md, "Windows", says how to build it.
; Wraps the PyInstaller folder dist\ReviewDesk (python packaging\build.py, run on Windows) into one setup.exe:
; per-user install without administrator rights, Start-menu entry, .rvpkg/.rvret/.rvres opening in the app,
; an uninstaller in "Apps and features". Needs Inno Setup 6.5 or later (its Chinese messages ship from 6.5 on).
; NOT YET BUILT OR RUN ON WINDOWS (written on Linux); see the README.

#define AppName "评审台 ReviewDesk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Exe "reviewdesk.exe"

[Setup]
; the AppId identifies the installation for upgrades and the uninstaller: never change it
AppId={{6F0B5C2E-6D1A-4C39-9B2F-3E8A7C5D1F40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ReviewDesk
; per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs for a non-admin install. IT may still
; choose "for all users" in the dialog or with /ALLUSERS on the command line (then it asks for admin).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\ReviewDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=ReviewDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\reviewdesk.ico
UninstallDisplayIcon={app}\{#Exe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; the shell is told to reload the file types after install and uninstall
ChangesAssociations=yes
; a running app keeps its files open: setup offers to close it (Restart Manager)
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut
chinesesimplified.PackageType=评审台评审包
english.PackageType=ReviewDesk review package
chinesesimplified.ReturnType=评审台评分回传包
english.ReturnType=ReviewDesk return bundle
chinesesimplified.ResultType=评审台评审结果包
english.ResultType=ReviewDesk panel result
chinesesimplified.DemoRound=评审台演示评审轮次
english.DemoRound=ReviewDesk demo round
chinesesimplified.LaunchNow=立即启动评审台
english.LaunchNow=Start ReviewDesk now

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "..\dist\ReviewDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\resources\icons\application-x-reviewdesk-package.ico"; DestDir: "{app}\icons"; Flags: ignoreversion
Source: "..\resources\icons\application-x-reviewdesk-return.ico"; DestDir: "{app}\icons"; Flags: ignoreversion
Source: "..\resources\icons\application-x-reviewdesk-result.ico"; DestDir: "{app}\icons"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#Exe}"; AppUserModelID: "org.reviewdesk.reviewdesk"
Name: "{autoprograms}\{cm:DemoRound}"; Filename: "{app}\{#Exe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#Exe}"; Tasks: desktopicon

[Registry]
; File types, under HKA = HKCU\Software\Classes for a per-user install (HKLM for all users): each
; extension names our ProgID (the value goes on uninstall) and lists it under OpenWithProgids; the
; ProgID holds the icon and the command, the same `reviewdesk FILE` as on Linux.
Root: HKA; Subkey: "Software\Classes\.rvpkg"; ValueType: string; ValueName: ""; ValueData: "ReviewDesk.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.rvpkg\OpenWithProgids"; ValueType: string; ValueName: "ReviewDesk.Package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Package"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\icons\application-x-reviewdesk-package.ico"
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#Exe}"" ""%1"""

Root: HKA; Subkey: "Software\Classes\.rvret"; ValueType: string; ValueName: ""; ValueData: "ReviewDesk.Return"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.rvret\OpenWithProgids"; ValueType: string; ValueName: "ReviewDesk.Return"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Return"; ValueType: string; ValueName: ""; ValueData: "{cm:ReturnType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Return\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\icons\application-x-reviewdesk-return.ico"
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Return\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#Exe}"" ""%1"""

Root: HKA; Subkey: "Software\Classes\.rvres"; ValueType: string; ValueName: ""; ValueData: "ReviewDesk.Result"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.rvres\OpenWithProgids"; ValueType: string; ValueName: "ReviewDesk.Result"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Result"; ValueType: string; ValueName: ""; ValueData: "{cm:ResultType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Result\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\icons\application-x-reviewdesk-result.ico"
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Result\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#Exe}"" ""%1"""

; "Open with" lists the app by name for these types
Root: HKA; Subkey: "Software\Classes\Applications\{#Exe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#Exe}\SupportedTypes"; ValueType: string; ValueName: ".rvpkg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#Exe}\SupportedTypes"; ValueType: string; ValueName: ".rvret"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#Exe}\SupportedTypes"; ValueType: string; ValueName: ".rvres"; ValueData: ""

[Run]
Filename: "{app}\{#Exe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

; The user's data (%LOCALAPPDATA%\ReviewDesk: the workspace, its database, imported dossiers) is not
; under {app} and the uninstaller leaves it, as on Linux; keys stay in the Windows Credential Manager.
