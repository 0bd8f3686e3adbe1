"""Every visible string goes through Qt's translation system and has its Chinese translation."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "zh_CN.ts"
sys.path.insert(0, str(ROOT / "tools"))


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            out[(context.findtext("name"), message.findtext("source"))] = translation
    return out


def test_chinese_translation_is_complete():
    unfinished = [key for key, t in _messages(TS).items()
                  if t is None or t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert unfinished == [], f"untranslated: {unfinished[:10]} (python tools/ts_edit.py todo {TS})"


def test_ts_file_is_in_step_with_the_code(tmp_path):
    """lupdate on the sources finds exactly the strings zh_CN.ts holds: none missing, none stale."""
    from translations import _qt_tool

    fresh = tmp_path / "fresh.ts"
    fresh.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN"></TS>\n')
    sources = sorted(str(p) for d in ("ui", "desktop") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([_qt_tool("lupdate"), "-silent", *sources, "-ts", str(fresh)], check=True)
    assert set(_messages(fresh)) == set(_messages(TS)), "run: python tools/translations.py update"


def test_placeholders_survive_translation():
    import re

    for (context, source), translation in _messages(TS).items():
        wanted = sorted(re.findall(r"\{[a-z_]+\}", source))
        assert sorted(re.findall(r"\{[a-z_]+\}", translation.text or "")) == wanted, (context, source)


def test_compiled_translation_loads_and_translates(qapp):
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n

    i18n.install_translators("zh_CN")
    try:
        assert QCoreApplication.translate("Labels", "Skill-master studio") == "技能大师工作室"
        assert QCoreApplication.translate("", "Name: {name}") == "姓名：{name}"
    finally:
        i18n.install_translators("en")
    assert QCoreApplication.translate("Labels", "Skill-master studio") == "Skill-master studio"


def test_no_translation_call_hides_inside_an_f_string():
    """lupdate cannot see tr() inside an f-string: such text would silently stay English."""
    import ast

    hidden = []
    for path in [*(ROOT / "ui").rglob("*.py"), *(ROOT / "desktop").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Call):
                        name = sub.func.attr if isinstance(sub.func, ast.Attribute) else getattr(sub.func, "id", "")
                        if name in ("tr", "translate"):
                            hidden.append(f"{path.relative_to(ROOT)}:{sub.lineno}")
    assert hidden == []
