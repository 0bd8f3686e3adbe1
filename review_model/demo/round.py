"""`reviewdesk demo --out DIR`: a complete 2026 Guangming district round, generated at run time.

    DIR/spec/                   the bureau's package sources (round, applicants, experts, dossiers)
    DIR/identities/*.pub        everyone's public identity
    DIR/round.rvpkg             the signed package
    DIR/homes/<person-id>/      one home per person; experts and chair have the package imported

Private keys go to the OS keyring. Where none is secure (a bare Linux box, CI), each demo home
gets a key file sealed with DEMO_PASSPHRASE instead, which DIR/README.txt states.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import keys
from ..carriers import shipped_required_materials
from ..exchange.package_build import CompletenessEntry, build_package
from ..home import Home
from ..identity import create_identity, public_identity_bytes, require_identity, signing_key
from ..importer import import_package
from ..progress import Progress, no_progress, scaled
from .applicants import APPLICANTS, DEMO_PDF_PASSWORD
from .cast import PEOPLE, ROUND
from .dossiers import write_dossier

DEMO_PASSPHRASE = "demo-2026"
DEMO_INTAKE_URL = "http://127.0.0.1:8765"  # `reviewdesk --home DIR/intake intake serve --port 8765`


@dataclass(frozen=True)
class DemoResult:
    out: Path
    package: Path
    report: list[CompletenessEntry]
    homes: dict[str, Path]
    key_store: str  # keyring | file


def write_spec_tables(spec: Path) -> None:
    """The demo's applicants.csv and experts.csv in a spec folder (UTF-8 with a BOM, as Excel saves it);
    every expert is assigned every applicant and finds their key at identities/ID.pub."""
    with open(spec / "applicants.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["applicant_id", "name", "uscc", "entity_kind", "industry", "carrier_type", "address",
                         "legal_representative", "contact"])
        for a in APPLICANTS:
            writer.writerow([a.applicant_id, a.name, a.uscc, a.entity_kind, a.industry, a.carrier_type, a.address,
                             a.legal_representative, a.contact])
    with open(spec / "experts.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["expert_id", "name", "role", "organisation", "title", "identity_file", "applicants"])
        for p in PEOPLE:
            if p.role != "bureau":
                writer.writerow([p.person_id, p.name, "chair" if p.role == "chair" else "member", p.organisation,
                                 p.title, f"{p.person_id}.pub", "*"])


def _write_spec(spec: Path, out: Path, identities: dict[str, bytes], progress: Progress) -> None:
    (spec / "identities").mkdir(parents=True, exist_ok=True)
    (out / "identities").mkdir(parents=True, exist_ok=True)
    round_json = dict(ROUND)
    if "intake" in identities:  # the bureau-side intake's receipt key: the round names that intake
        round_json["intake"] = {"url": DEMO_INTAKE_URL, "identity_file": "intake.pub"}
    (spec / "round.json").write_text(json.dumps(round_json, ensure_ascii=False, indent=2), encoding="utf-8")
    for person_id, data in identities.items():
        if person_id != "intake":  # DIR/identities is the people's; the intake's is DIR/intake's own
            (out / "identities" / f"{person_id}.pub").write_bytes(data)
        (spec / "identities" / f"{person_id}.pub").write_bytes(data)
    write_spec_tables(spec)
    materials = shipped_required_materials()
    for index, applicant in enumerate(APPLICANTS):
        write_dossier(spec / "dossiers" / applicant.applicant_id, applicant, materials[applicant.carrier_type], seed=2026)
        progress(index + 1, len(APPLICANTS))


def write_demo(out: Path, progress: Progress = no_progress,
               intake: Callable[[Path, str | None], bytes] | None = None) -> DemoResult:
    """`intake(folder, passphrase)`, when given, makes the bureau's intake identity in DIR/intake
    (the service's own code, passed in from above) and returns its .pub: the package names it."""
    out.mkdir(parents=True, exist_ok=True)
    use_keyring = keys.secure_keyring_available()
    passphrase = None if use_keyring else DEMO_PASSPHRASE
    homes: dict[str, Path] = {}
    identities: dict[str, bytes] = {}
    for person in PEOPLE:
        home_dir = out / "homes" / person.person_id
        with Home(home_dir) as home:
            info = create_identity(home, person.name, person.role, passphrase=passphrase)
        identities[person.person_id] = public_identity_bytes(info)
        homes[person.person_id] = home_dir
    if intake is not None:
        identities["intake"] = intake(out / "intake", passphrase)
    progress(2, 100)
    _write_spec(out / "spec", out, identities, scaled(progress, 2, 78))
    package = out / "round.rvpkg"
    with Home(homes["B01"]) as bureau:
        key = signing_key(bureau, lambda: passphrase, person_id="B01")
        report, _ = build_package(out / "spec", package, key)
        bureau_fp = next(iter([bureau_fingerprint(bureau)]))
    progress(85, 100)
    for person in PEOPLE:
        if person.role == "bureau":
            continue
        with Home(homes[person.person_id]) as home:
            import_package(home, package, trust_bureau=bureau_fp)
    (out / "README.txt").write_text(_readme(use_keyring), encoding="utf-8")
    progress(100, 100)
    return DemoResult(out, package, report, homes, "keyring" if use_keyring else "file")


def bureau_fingerprint(home: Home) -> str:

    return require_identity(home).fingerprint


def _readme(use_keyring: bool) -> str:
    keys_line = ("私钥保存在本机系统密钥环中。" if use_keyring else
                 f"本机没有安全的系统密钥环，演示身份的私钥保存在各 home 的 keys/identity.key 中，口令为 {DEMO_PASSPHRASE}"
                 f"（脚本可设置环境变量 REVIEWDESK_PASSPHRASE）。")
    return (
        "评审台演示评审轮次（2026年度光明区终身职业技能培训载体认定评审）\n\n"
        "spec/            区人力资源局的评审包源文件\n"
        "identities/      全部人员的公开身份文件\n"
        "round.rvpkg      已签名的评审包\n"
        "homes/B01        区人力资源局；homes/E01 组长；homes/E02–E05 评审专家\n\n"
        f"{keys_line}\n"
        f"受密码保护的演示材料的打开密码：{DEMO_PDF_PASSWORD}\n"
        "例：reviewdesk --home homes/E02 status\n"
        "区人力资源局的受理服务：reviewdesk --home intake intake serve --port 8765（评审包已指定该地址，"
        "专家签名后评分表自动报送）\n"
    )
