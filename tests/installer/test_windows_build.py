"""The Windows build, checked on Linux: the CI workflow, its scripts, the version resource,
the Inno Setup script and its Vietnamese messages.

Windows itself runs them in ``.github/workflows/windows.yml``; these tests catch what can
be caught without it (a step lost, a script renamed, a message left untranslated).
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
import tomllib
import types
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafter import __version__

ROOT = Path(__file__).resolve().parents[2]
WINDOWS_DIR = ROOT / "installer" / "windows"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
ISS = WINDOWS_DIR / "drafter.iss"
ISL = WINDOWS_DIR / "Vietnamese.isl"
SCRIPT_CALL = re.compile(r"^\./installer/windows/([\w-]+\.ps1)(?:\s|$)")

sys.path.insert(0, str(WINDOWS_DIR))
import version_info  # noqa: E402

# --- the workflow ---------------------------------------------------------------------------


def _workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict[str, Any]]:
    (job,) = _workflow()["jobs"].values()
    return job["steps"]


def test_workflow_runs_on_windows_with_python_311() -> None:
    workflow = _workflow()
    # YAML 1.1 reads the key "on" as True.
    triggers = workflow.get("on", workflow.get(True))
    assert {"push", "pull_request"} <= set(triggers)
    (job,) = workflow["jobs"].values()
    assert job["runs-on"].startswith("windows")
    setup = [
        step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python")
    ]
    assert setup and setup[0]["with"]["python-version"] == "3.11"


def test_workflow_steps_come_in_order_each_through_a_script() -> None:
    steps = _steps()
    names = [step["name"] for step in steps]
    scripts = {}
    for step in steps:
        assert step.get("name"), "every step has a name a reviewer can follow"
        if "run" in step and step["run"].startswith("./"):
            match = SCRIPT_CALL.match(step["run"])
            assert match, step["run"]
            assert (WINDOWS_DIR / match.group(1)).is_file(), match.group(1)
            scripts[step["name"]] = match.group(1)
    wanted = [
        ("Install Drafter with the test extras", "setup.ps1"),
        ("Run the tests", "test.ps1"),
        ("Build the PyInstaller bundle", "build-bundle.ps1"),
        ("Install Inno Setup", "install-innosetup.ps1"),
        ("Build the installer", "build-installer.ps1"),
        ("Install silently", "install-silent.ps1"),
        ("Render a letter with the installed program", "try-installed.ps1"),
        ("Uninstall silently", "uninstall-silent.ps1"),
        ("Check the user's data is kept", "check-data-kept.ps1"),
    ]
    assert [(name, scripts.get(name)) for name, _ in wanted] == wanted
    positions = [names.index(name) for name, _ in wanted]
    assert positions == sorted(positions)
    upload = [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact")]
    assert upload[0]["with"]["path"] == "dist/DrafterSetup-*.exe"
    assert names.index(upload[0]["name"]) > positions[-1]


def test_workflow_yaml_is_commented_step_by_step() -> None:
    lines = WORKFLOW.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.strip().startswith("- name:"):
            assert lines[number - 1].strip().startswith("#"), f"no comment above {line.strip()}"


def test_powershell_scripts_are_ascii() -> None:
    # Windows PowerShell 5.1 reads a script without a byte order mark as ANSI.
    scripts = sorted(WINDOWS_DIR.glob("*.ps1"))
    assert len(scripts) >= 10
    for script in scripts:
        script.read_bytes().decode("ascii")


def test_tests_on_windows_select_markers_that_exist() -> None:
    script = (WINDOWS_DIR / "test.ps1").read_text(encoding="utf-8")
    # pytest's own -m (after "-m", "pytest", "-q"): the marker expression.
    marker_expression = re.search(r'"-q", "-m", "([^"]+)"', script)
    assert marker_expression is not None
    used = set(re.findall(r"\w+", marker_expression.group(1))) - {"not", "and", "or"}
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {
        marker.split(":")[0] for marker in pyproject["tool"]["pytest"]["ini_options"]["markers"]
    }
    assert used and used <= declared
    # -k "not postgresql" leaves out exactly the PostgreSQL half of the storage tests.
    assert '"-k", "not postgresql"' in script
    conftest = (ROOT / "tests" / "store" / "conftest.py").read_text(encoding="utf-8")
    assert 'ENGINES = ["sqlite", "postgresql"]' in conftest


def test_silent_install_and_uninstall_switches() -> None:
    install = (WINDOWS_DIR / "install-silent.ps1").read_text(encoding="utf-8")
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/CURRENTUSER"):
        assert f'"{switch}"' in install
    uninstall = (WINDOWS_DIR / "uninstall-silent.ps1").read_text(encoding="utf-8")
    assert '"unins000.exe"' in uninstall and '"/VERYSILENT"' in uninstall
    kept = (WINDOWS_DIR / "check-data-kept.ps1").read_text(encoding="utf-8")
    assert "drafter.sqlite3" in kept and "Get-FileHash" in kept


# --- the version resource -------------------------------------------------------------------


class _Recorder:
    """Stands for one class of PyInstaller.utils.win32.versioninfo: keeps its arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs


def _load_like_pyinstaller(text_bytes: bytes) -> dict[str, Any]:
    """What load_version_info_from_text_file does: decode by the coding cookie, eval."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(text_bytes).readline)
    text = text_bytes.decode(encoding)
    classes = {
        name: type(name, (_Recorder,), {})
        for name in (
            "VSVersionInfo",
            "FixedFileInfo",
            "StringFileInfo",
            "StringTable",
            "StringStruct",
            "VarFileInfo",
            "VarStruct",
        )
    }
    # Only those names and literals: what eval in PyInstaller's module could resolve.
    names = {
        node.id for node in ast.walk(ast.parse(text, mode="eval")) if isinstance(node, ast.Name)
    }
    assert names <= set(classes)
    info = eval(text, {"__builtins__": {}}, classes)
    assert type(info).__name__ == "VSVersionInfo"
    fixed = info.kwargs["ffi"]
    string_info, var_info = info.kwargs["kids"]
    (table,) = string_info.args[0]
    (translation,) = var_info.args[0]
    name, entries = table.args
    return {
        "filevers": fixed.kwargs["filevers"],
        "prodvers": fixed.kwargs["prodvers"],
        "fileType": fixed.kwargs["fileType"],
        "table": name,
        "translation": translation.args,
        "strings": dict(entry.args for entry in entries),
    }


@pytest.mark.parametrize("executable", ["Drafter.exe", "drafter-cli.exe"])
def test_version_file_evaluates_as_pyinstaller_reads_it(executable: str, tmp_path: Path) -> None:
    path = Path(version_info.write_version_file(tmp_path / "version.txt", executable))
    loaded = _load_like_pyinstaller(path.read_bytes())
    major, minor, patch = (int(part) for part in __version__.split(".")[:3])
    assert loaded["filevers"] == loaded["prodvers"] == (major, minor, patch, 0)
    assert loaded["fileType"] == 0x1  # an application
    # Vietnamese, UTF-16: the table's name and the translation agree.
    assert loaded["table"] == "042A04B0"
    assert loaded["translation"] == ("Translation", [0x042A, 1200])
    strings = loaded["strings"]
    assert strings["ProductName"] == "Drafter"
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == executable
    assert strings["FileDescription"].startswith("Drafter")
    assert strings["CompanyName"]
    assert all(isinstance(value, str) and value for value in strings.values())


def test_version_comes_from_the_package_and_matches_pyproject() -> None:
    assert version_info.read_version() == __version__
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == __version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("1.2", (1, 2, 0, 0)),
        ("0.3.0rc1", (0, 3, 0, 0)),
        ("2.0.1.post4", (2, 0, 1, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_numeric_version_has_four_parts(version: str, numbers: tuple[int, ...]) -> None:
    assert version_info.numeric_version(version) == numbers


@pytest.mark.parametrize("version", ["dev", "1.70000"])
def test_numeric_version_refuses_what_windows_cannot_hold(version: str) -> None:
    with pytest.raises(ValueError):
        version_info.numeric_version(version)


def test_spec_gives_both_windows_programs_their_version_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs drafter.spec as PyInstaller would on Windows, with its classes recorded."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: []  # type: ignore[attr-defined]
    for name, module in (
        ("PyInstaller", types.ModuleType("PyInstaller")),
        ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
        ("PyInstaller.utils.hooks", hooks),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "path", list(sys.path))
    executables: list[dict[str, Any]] = []

    class Analysis:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.binaries: list[Any] = []
            self.datas: list[Any] = []
            self.scripts: list[Any] = []
            self.pure: list[Any] = []

    namespace = {
        "SPECPATH": str(ROOT / "installer"),
        "workpath": str(tmp_path),
        "Analysis": Analysis,
        "PYZ": lambda *args, **kwargs: None,
        "COLLECT": lambda *args, **kwargs: None,
        "EXE": lambda *args, **kwargs: executables.append(kwargs),
    }
    spec = ROOT / "installer" / "drafter.spec"
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    versions = {exe["name"]: Path(exe["version"]) for exe in executables}
    assert set(versions) == {"Drafter", "drafter-cli"}
    for name, path in versions.items():
        assert path.parent == tmp_path
        strings = _load_like_pyinstaller(path.read_bytes())["strings"]
        assert strings["OriginalFilename"] == f"{name}.exe"


# --- the Inno Setup script --------------------------------------------------------------------


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if re.fullmatch(r"\[\w+\]", stripped):
            current = stripped[1:-1]
            sections.setdefault(current, [])
        elif stripped and not stripped.startswith(";"):
            sections.setdefault(current, []).append(stripped)
    return sections


def _iss() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def test_installer_speaks_vietnamese_first_and_english_on_request() -> None:
    languages = _sections(_iss())["Languages"]
    assert languages == [
        'Name: "vi"; MessagesFile: "Vietnamese.isl"',
        'Name: "en"; MessagesFile: "compiler:Default.isl"',
    ]
    setup = _sections(_iss())["Setup"]
    assert "LanguageDetectionMethod=none" in setup  # the first language, Vietnamese
    assert "ShowLanguageDialog=yes" in setup  # where English can be chosen


def test_installer_version_is_read_from_the_program() -> None:
    script = _iss()
    # The version is written down in drafter/__init__.py only.
    assert __version__ not in script
    assert "#define AppVersion GetFileProductVersion(BundleExe)" in script
    assert "#define AppPublisher GetFileCompany(BundleExe)" in script
    setup = _sections(script)["Setup"]
    for directive in (
        "AppVersion={#AppVersion}",
        "VersionInfoVersion={#AppFileVersion}",
        "VersionInfoProductName={#AppName}",
        "VersionInfoCompany={#AppPublisher}",
        "OutputBaseFilename=DrafterSetup-{#AppVersion}",
    ):
        assert directive in setup
    # What the script reads back is what version_info.py writes into Drafter.exe.
    assert '#define AppExe "Drafter.exe"' in script
    assert "Drafter.exe" in version_info.DESCRIPTIONS


def test_installer_associates_letter_files_for_this_user() -> None:
    sections = _sections(_iss())
    assert "ChangesAssociations=yes" in sections["Setup"]
    registry = sections["Registry"]
    assert all(line.startswith("Root: HKCU;") for line in registry)

    def entry(subkey: str) -> str:
        (line,) = [
            line for line in registry if f'Subkey: "{subkey}";' in line and 'ValueName: ""' in line
        ]
        return line

    assert 'ValueData: "{#ProgId}"' in entry(r"Software\Classes\.letter")
    assert '#define ProgId "Drafter.Letter"' in _iss()
    assert 'ValueData: """{app}\\{#AppExe}"",0"' in entry(r"Software\Classes\{#ProgId}\DefaultIcon")
    command = entry(r"Software\Classes\{#ProgId}\shell\open\command")
    assert 'ValueData: """{app}\\{#AppExe}"" ""%1"""' in command


def test_uninstall_removes_the_program_folder_only() -> None:
    sections = _sections(_iss())
    for section in ("UninstallDelete", "InstallDelete"):
        for line in sections.get(section, []):
            name = re.search(r'Name: "([^"]+)"', line)
            assert name and name.group(1).startswith("{app}"), line
    assert not re.search(r"\{(local|user)appdata\}", _iss(), re.IGNORECASE)


# --- the Vietnamese messages ------------------------------------------------------------------

# Messages Inno Setup's own Default.isl leaves empty.
EMPTY_BY_DESIGN = {"HelpTextNote", "AboutSetupNote", "TranslatorNote", "BeveledLabel"}


def _isl_sections() -> dict[str, dict[str, str]]:
    text = ISL.read_bytes().decode("utf-8-sig")
    return {
        section: dict(line.split("=", 1) for line in lines)
        for section, lines in _sections(text).items()
        if section
    }


def test_messages_file_is_utf8_with_bom_in_nfc() -> None:
    raw = ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert unicodedata.is_normalized("NFC", text)


def test_messages_file_names_the_language() -> None:
    options = _isl_sections()["LangOptions"]
    assert options["LanguageName"] == "Tiếng Việt"
    assert options["LanguageID"] == "$042A"
    assert options["LanguageCodePage"] == "0"


def test_every_message_is_translated() -> None:
    messages = _isl_sections()["Messages"]
    assert len(messages) > 250  # Inno Setup 6.5+ has about 280
    for key, value in messages.items():
        if key in EMPTY_BY_DESIGN:
            assert value == "", key
            continue
        assert value.strip(), f"{key} is empty"
        # Placeholders are %1…%9 and %n (new line); one accelerator (&) at most.
        assert not re.search(r"%[^0-9n]", value), key
        assert value.replace("&&", "").count("&") <= 1, key
    for word in ("Trình cài đặt", "Tiếp theo", "Hủy", "Hoàn tất"):
        assert any(word in value for value in messages.values()), word


def test_custom_messages_used_by_the_script_exist_in_both_languages() -> None:
    script = _iss()
    used = set(re.findall(r"\{cm:(\w+)", script))
    assert {"AssociateLetters", "CreateDesktopIcon", "LaunchProgram"} <= used
    custom = _sections(script)["CustomMessages"]
    defined = {
        language: {
            line.split("=", 1)[0].split(".", 1)[1]
            for line in custom
            if line.startswith(f"{language}.")
        }
        for language in ("vi", "en")
    }
    from_isl = set(_isl_sections()["CustomMessages"])
    # Inno Setup's standard custom messages come from the messages files.
    standard = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}
    assert standard <= from_isl
    for name in used - standard:
        assert name in defined["vi"] and name in defined["en"], name
    # The script's own [Messages] override existing messages, in both languages.
    overridden = {line.split("=", 1)[0] for line in _sections(script)["Messages"]}
    assert overridden == {"vi.ConfirmUninstall", "en.ConfirmUninstall"}
    assert "ConfirmUninstall" in _isl_sections()["Messages"]
