"""What the package ships: every package-data pattern in pyproject.toml names files that exist (issue
11, item 17: `resources/icons` and `alembic.ini` were listed but never there)."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_data_pattern_matches_a_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]
    empty = [f"{package}: {pattern}" for package, globs in patterns.items() for pattern in globs
             if not any(p.is_file() for p in (ROOT / package.replace(".", "/")).glob(pattern))]
    assert empty == []  # (translations/*.qm is compiled from the .ts: tools/translations.py compile)


def test_what_the_app_reads_at_run_time_is_package_data():
    """The migrations' template and the translations the command line and the GUI read."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "translations/*.ts" in patterns["resources"] and "translations/*.qm" in patterns["resources"]
    assert "script.py.mako" in patterns["review_model.store.migrations"]
