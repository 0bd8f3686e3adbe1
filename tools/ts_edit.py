"""Fill a Qt .ts file without Qt Linguist.

    python tools/ts_edit.py todo resources/translations/zh_CN.ts > todo.json   # unfinished entries
    python tools/ts_edit.py apply resources/translations/zh_CN.ts done.json      # [{context, source, translation}]
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def entries(path: Path):
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield tree, name, message


def unfinished(path: Path) -> list[dict]:
    out = []
    for _, context, message in entries(path):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished",) or not (translation.text or "").strip():
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            out.append({"context": context, "source": message.findtext("source"), "translation": ""})
    return out


def apply(path: Path, done: list[dict]) -> int:
    wanted = {(d["context"], d["source"]): d["translation"] for d in done if d.get("translation")}
    tree = ET.parse(path)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            if key in wanted:
                translation = message.find("translation")
                translation.text = wanted[key]
                translation.attrib.pop("type", None)
                count += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count


if __name__ == "__main__":
    command, ts = sys.argv[1], Path(sys.argv[2])
    if command == "todo":
        print(json.dumps(unfinished(ts), ensure_ascii=False, indent=1))
    elif command == "apply":
        print(apply(ts, json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))), "translated")
