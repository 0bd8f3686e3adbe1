"""The command line as SPEC.md fixes it: commands, exit codes, one clear line in the UI language."""
from __future__ import annotations

import json

from tests.support import rawdb
from tests.support.cli import reviewdesk
from tests.support.small_round import make_small_round


def test_keys_init_show_export(tmp_path):
    home = tmp_path / "h"
    made = reviewdesk("--home", home, "keys", "init", "--name", "李慧敏", "--role", "expert")
    assert made.returncode == 0, made.stderr
    assert "李慧敏" in made.stdout and "系统密钥环" in made.stdout
    shown = reviewdesk("--home", home, "keys", "show")
    fingerprint = shown.stdout.split("指纹：")[1].split("\n")[0].strip()
    assert len(fingerprint.split()) == 6
    again = reviewdesk("--home", home, "keys", "init", "--name", "别人", "--role", "expert")
    assert again.returncode == 1
    assert again.stderr.strip().count("\n") == 0 and "已有签名身份" in again.stderr
    exported = reviewdesk("--home", home, "keys", "export", "-o", tmp_path / "me.pub")
    assert exported.returncode == 0
    assert json.loads((tmp_path / "me.pub").read_text(encoding="utf-8"))["fingerprint"] == fingerprint


def test_key_file_identity_when_asked_or_when_no_secure_keyring(tmp_path):
    no_keyring = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    refused = reviewdesk("--home", tmp_path / "a", "keys", "init", "--name", "甲", "--role", "expert", env=no_keyring)
    assert refused.returncode == 1 and "REVIEWDESK_PASSPHRASE" in refused.stderr
    assert not (tmp_path / "a" / "keys").exists()
    made = reviewdesk("--home", tmp_path / "a", "keys", "init", "--name", "甲", "--role", "expert",
                      env={**no_keyring, "REVIEWDESK_PASSPHRASE": "a long passphrase"})
    assert made.returncode == 0, made.stderr
    assert "没有安全的系统密钥环" in made.stdout and (tmp_path / "a" / "keys" / "identity.key").exists()
    # the workspace itself is encrypted with a key sealed by that passphrase (issue 15): it opens with it
    locked = reviewdesk("--home", tmp_path / "a", "keys", "show", env=no_keyring)
    assert locked.returncode == 1 and "REVIEWDESK_PASSPHRASE" in locked.stderr
    shown = reviewdesk("--home", tmp_path / "a", "keys", "show", env={**no_keyring, "REVIEWDESK_PASSPHRASE": "a long passphrase"})
    assert "受口令保护的密钥文件" in shown.stdout


def test_usage_errors_exit_2_and_refusals_exit_1(tmp_path):
    assert reviewdesk("frobnicate").returncode == 2
    assert reviewdesk("keys", "init", "--name", "x").returncode == 2  # --role missing
    missing = reviewdesk("verify", tmp_path / "nothing.rvpkg")
    assert missing.returncode == 1 and "无法读取文件" in missing.stderr
    (tmp_path / "junk.rvpkg").write_bytes(b"junk")
    junk = reviewdesk("verify", tmp_path / "junk.rvpkg")
    assert junk.returncode == 1 and len(junk.stderr.strip().splitlines()) == 1


def test_english_when_asked(tmp_path):
    (tmp_path / "junk.rvpkg").write_bytes(b"junk")
    junk = reviewdesk("--lang", "en", "verify", tmp_path / "junk.rvpkg")
    assert junk.returncode == 1 and "damaged, truncated or not a ReviewDesk exchange file" in junk.stderr
    assert reviewdesk("--lang", "en", "--home", tmp_path / "h", "status").stdout.startswith("No signing identity")


def test_bureau_builds_expert_imports_and_status(tmp_path):
    round_ = make_small_round(tmp_path, build=False)
    built = reviewdesk("--home", round_.homes["B01"], "package", "build", round_.spec, "-o", tmp_path / "r.rvpkg")
    assert built.returncode == 0, built.stderr
    assert "A03" in built.stdout and "补正" in built.stdout and "工作站场地证明" in built.stdout
    assert "受理 2 家" in built.stdout
    verified = reviewdesk("verify", tmp_path / "r.rvpkg")
    assert verified.returncode == 0 and round_.bureau_fingerprint in verified.stdout
    first = reviewdesk("--home", round_.homes["E02"], "import", tmp_path / "r.rvpkg")
    assert first.returncode == 1 and round_.bureau_fingerprint in first.stderr and "--trust-bureau" in first.stderr
    imported = reviewdesk("--home", round_.homes["E02"], "import", tmp_path / "r.rvpkg",
                          "--trust-bureau", round_.bureau_fingerprint)
    assert imported.returncode == 0, imported.stderr
    again = reviewdesk("--home", round_.homes["E02"], "import", tmp_path / "r.rvpkg")
    assert again.returncode == 0 and "未作任何更改" in again.stdout
    status = json.loads(reviewdesk("--home", round_.homes["E02"], "status", "--json").stdout)
    assert status["round_id"] == "2026-TEST"
    assert status["identity"]["name"] == "李专家"
    assert [(a["applicant_id"], a["state"], a["revision"]) for a in status["applicants"]] == [
        ("A01", "not_started", None), ("A02", "not_started", None), ("A03", "not_started", None)]
    assert set(status["applicants"][0]) >= {"applicant_id", "name", "carrier_type", "state", "revision"}
    human = reviewdesk("--home", round_.homes["E02"], "status")
    assert "未开始" in human.stdout and "技能大师工作室" in human.stdout


def test_offline_form_round_trip_from_the_command_line(tmp_path):
    import csv

    round_ = make_small_round(tmp_path)
    home = round_.homes["E02"]
    assert reviewdesk("--home", home, "import", round_.package, "--trust-bureau", round_.bureau_fingerprint).returncode == 0
    refused = reviewdesk("--home", home, "sheet", "export-form", "A01", "-o", tmp_path / "f.csv")
    assert refused.returncode == 0  # exporting needs no conflict answer yet
    form = tmp_path / "f.csv"
    with open(form, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    rows[2][3] = "9.9"  # item 1.1 is worth 5
    with open(form, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    bad = reviewdesk("--home", home, "sheet", "import-form", "A01", form)
    assert bad.returncode == 1 and "第 3 行" in bad.stderr and "分值范围" in bad.stderr  # every cell checked first
    rows[2][3] = "4.5"
    with open(form, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    unanswered = reviewdesk("--home", home, "sheet", "import-form", "A01", form)
    assert unanswered.returncode == 1 and "回避" in unanswered.stderr  # then the conflict question
    declared = reviewdesk("--home", home, "sheet", "declare-conflict", "A02", "--reason", "曾在该单位任职")
    assert declared.returncode == 0
    confirmed = reviewdesk("--home", home, "sheet", "confirm-no-conflict", "A01")
    assert confirmed.returncode == 0 and "近 3 年内" in confirmed.stdout  # the grounds are shown when asking
    rows[2][3] = "9.9"
    with open(form, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    bad = reviewdesk("--home", home, "sheet", "import-form", "A01", form)
    assert bad.returncode == 1 and "第 3 行" in bad.stderr and "分值范围" in bad.stderr
    rows[2][3] = "4.5"
    with open(form, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    good = reviewdesk("--home", home, "sheet", "import-form", "A01", form)
    assert good.returncode == 0, good.stderr
    with rawdb.connect(home) as db:
        assert db.execute("SELECT score FROM item_score WHERE item_code='1.1'").fetchone()[0] == "4.5"
