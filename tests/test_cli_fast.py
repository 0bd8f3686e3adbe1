"""A fast command line (issue 10): `--help`, `status` and `verify` load no GUI, PDF or spreadsheet
library, and still speak Chinese. Start-up time itself is measured, not asserted (see the README)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.signed_round import make_signed_round

# What the issue names: Qt, PyMuPDF, reportlab, openpyxl (top-level module names).
HEAVY = {"PySide6", "shiboken6", "fitz", "pymupdf", "reportlab", "openpyxl"}

# The real command in a real process, reporting afterwards which top-level modules it had loaded.
PROBE = """
import json, sys
sys.argv = ["reviewdesk", *sys.argv[1:]]
try:
    from desktop.cli import main
    code = main()
except SystemExit as exit_:
    code = exit_.code
sys.stdout.flush()
sys.stderr.write("\\n@loaded " + json.dumps(sorted({name.split(".")[0] for name in sys.modules})) + "\\n")
raise SystemExit(code)
"""


def probe(*args) -> tuple[subprocess.CompletedProcess, set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True,
                          env=dict(os.environ), timeout=300)
    report = done.stderr.rsplit("@loaded ", 1)
    assert len(report) == 2, done.stderr
    return done, set(json.loads(report[1]))


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    return make_signed_round(tmp_path_factory.mktemp("fast"))


@pytest.mark.parametrize("args", [("--help",), ("--lang", "en", "--help"), ("sheet", "import-form", "--help"),
                                  ("chair", "compile", "--help")])
def test_help_loads_nothing_heavy(args):
    done, loaded = probe(*args)
    assert done.returncode == 0, done.stderr
    assert not loaded & (HEAVY | {"sqlalchemy", "alembic", "pydantic", "keyring"}), loaded
    if "en" not in args:
        assert "用法：" in done.stdout and "显示本帮助信息并退出" in done.stdout


@pytest.mark.slow
def test_status_and_verify_load_no_gui_pdf_or_spreadsheet_library(signed):
    package, bundle, result = signed.round.package, signed.bundle, signed.result
    runs = {
        "status": ("--home", signed.expert_home, "status"),
        "status --json": ("--home", signed.expert_home, "status", "--json"),
        "verify bundle": ("verify", bundle),
        "verify result": ("verify", result, "--package", package),
        "verify against trust": ("verify", result, "--trust", signed.round.spec / "identities" / "E01.pub"),
    }
    for name, args in runs.items():
        done, loaded = probe(*args)
        assert done.returncode == 0, (name, done.stderr)
        assert not loaded & HEAVY, (name, loaded & HEAVY)
    assert "已签名" in probe(*runs["status"])[0].stdout  # still Chinese: A01 is signed
    assert "验证通过" in probe(*runs["verify bundle"])[0].stdout


@pytest.mark.slow
def test_verify_loads_the_pdf_reader_only_to_read_pdfs(signed):
    """A package's dossiers and a bundle's sheet PDFs are opened to be checked (so PyMuPDF loads),
    but the PDF writer, the spreadsheet library and Qt still do not."""
    for args in (("verify", signed.round.package), ("verify", signed.bundle, "--package", signed.round.package)):
        done, loaded = probe(*args)
        assert done.returncode == 0, done.stderr
        assert not loaded & (HEAVY - {"pymupdf", "fitz"}), (args, loaded & HEAVY)


def test_the_home_s_saved_language_applies_before_the_store_loads(tmp_path):
    from review_model.home import Home
    from review_model.settings import set_setting

    with Home(tmp_path / "h") as home:
        set_setting(home, "language", "en")
    before = sorted(p.name for p in (tmp_path / "h").iterdir())
    done, loaded = probe("--home", tmp_path / "h", "--help")
    assert done.stdout.startswith("usage: reviewdesk"), done.stdout
    assert "sqlalchemy" not in loaded
    assert sorted(p.name for p in (tmp_path / "h").iterdir()) == before  # looking left no -wal or -shm behind


def test_the_command_line_reads_the_catalogue_qt_reads(qapp):
    """One catalogue: every translation the GUI gets from the compiled .qm, the command line gets
    from the .ts without Qt."""
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n

    catalogue = i18n.read_catalogue(i18n.catalogue_path("zh_CN"))
    i18n.install_translators("zh_CN")
    try:
        differ = [key for key, text in catalogue.items() if QCoreApplication.translate(*key) != text]
    finally:
        i18n.install_translators("en")
    assert len(catalogue) > 600 and differ == []


@pytest.mark.slow
def test_checking_signatures_alone_does_not_load_the_store(signed):
    """`verify FILE` without --package checks the container and its signature: no database involved."""
    for path in (signed.bundle, signed.result):
        done, loaded = probe("verify", path)
        assert done.returncode == 0, done.stderr
        assert not loaded & (HEAVY | {"sqlalchemy", "alembic", "keyring"}), loaded
