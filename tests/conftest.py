"""Suite-wide set-up: Qt offscreen, the test keyring, and a demo round built once per session."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["tests.support.intake"]  # the bureau's intake: servers, PostgreSQL, proxy, Chromium
# A 1920×1080 virtual screen (the offscreen default, 800×800, clamps restored window sizes).
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'support' / 'offscreen_screen.json'}")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.FileTestKeyring"
# ...which keeps seeds in plain JSON, so the app trusts it only when told so by name (review_model/keys.py)
os.environ["REVIEWDESK_TEST_ONLY_TRUST_KEYRING"] = "tests.support.keyring_backend.FileTestKeyring"
os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
os.environ.pop("REVIEWDESK_PASSPHRASE", None)
# GUI tests open demo homes with hundreds of scanned pages: no background OCR there (tests of OCR run it
# themselves, through `reviewdesk index --wait` or the worker)
os.environ["REVIEWDESK_BACKGROUND_OCR"] = "0"
os.environ.pop("REVIEWDESK_HOME", None)
os.environ["LANG"] = "C.UTF-8"  # no stated language: the app's default (Chinese) applies
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session", autouse=True)
def _test_keyring(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keyring")
    os.environ["REVIEWDESK_TEST_KEYRING"] = str(folder)
    import keyring

    from tests.support.keyring_backend import FileTestKeyring

    keyring.set_keyring(FileTestKeyring())
    yield folder


def require_tool(name: str) -> str:
    """The path of an external tool; CI (REVIEWDESK_REQUIRE_TOOLS=1) fails instead of skipping."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("REVIEWDESK_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{name} is required in CI but not installed")
    pytest.skip(f"{name} not installed")


@pytest.fixture(scope="session")
def demo_round(tmp_path_factory):
    """The full demo round, made once per session by the real `reviewdesk demo --out DIR` command.
    Tests must copy a home (shutil.copytree) before editing it."""
    from types import SimpleNamespace

    from tests.support.cli import reviewdesk

    out = tmp_path_factory.mktemp("demo") / "round"
    made = reviewdesk("demo", "--out", out)
    assert made.returncode == 0, made.stderr
    homes = {p.name: p for p in (out / "homes").iterdir()}
    return SimpleNamespace(out=out, package=out / "round.rvpkg", homes=homes, stdout=made.stdout)


@pytest.fixture
def small_round(tmp_path):
    """A small but complete round: 3 applicants, tiny PDFs, a bureau and three experts."""
    from tests.support.small_round import make_small_round

    return make_small_round(tmp_path)


@pytest.fixture
def chinese(qapp):
    """The app in Chinese, as an expert starts it: the CJK font the app ships and the zh_CN translations."""
    from desktop import i18n  # Qt loads with the widgets' tests only
    from ui.fonts import install_cjk_font  # the same

    install_cjk_font(qapp)
    i18n.install_translators("zh_CN")
    yield
    i18n.install_translators("en")
