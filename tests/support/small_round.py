"""A small real round for fast tests: real identities (test keyring), real PDFs, a signed package.

Three applicants (a studio, a training base, a rural station whose dossier lacks one material),
a bureau, a chair and two members, each with a home.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from review_model.carriers import shipped_required_materials
from review_model.exchange.package_build import build_package
from review_model.home import Home
from review_model.identity import create_identity, public_identity_bytes, signing_key
from review_model.uscc import check_character


def uscc(prefix17: str) -> str:
    return prefix17 + check_character(prefix17)


APPLICANTS = [
    ("A01", "深圳市光明区精工模具技能大师工作室", uscc("91440300MA5F00001"), "enterprise", "精密模具", "master_studio"),
    ("A02", "深圳市明辉智能制造培训中心", uscc("91440300MA5F00002"), "training_institution", "智能制造", "training_base"),
    ("A03", "光明区农业科技协会", uscc("51440300MJL000031"), "association", "现代农业", "rural_station"),
]
PEOPLE = [("B01", "区人力资源局", "bureau"), ("E01", "陈组长", "chair"), ("E02", "李专家", "expert"), ("E03", "王专家", "expert")]


def pdf_bytes(title: str, pages: int = 2) -> bytes:
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 90), f"{title} 第{number + 1}页", fontname="china-s", fontsize=14)
    data = doc.tobytes()
    doc.close()
    return data


@dataclass
class SmallRound:
    root: Path
    spec: Path
    package: Path
    homes: dict[str, Path]
    bureau_fingerprint: str

    def home(self, person: str) -> Home:
        return Home(self.homes[person])


def more_applicants(count: int) -> list[tuple[str, str, str, str, str, str]]:
    """`count` further applicants after A01–A03, cycling through the three carrier types (for tests
    that must show a cost does not grow with the round)."""
    rows = []
    for n in range(4, 4 + count):
        _, name, _, kind, industry, carrier_type = APPLICANTS[n % 3]
        rows.append((f"A{n:02d}", f"{name}（{n}）", uscc(f"91440300MA5F{n:05d}"), kind, industry, carrier_type))
    return rows


def write_spec(spec: Path, identities: dict[str, bytes], *, skip_material: tuple[str, str] | None = ("A03", 2),
               applicants: list | None = None) -> None:
    applicants = applicants or APPLICANTS
    from review_model.demo.cast import ROUND

    (spec / "identities").mkdir(parents=True, exist_ok=True)
    (spec / "round.json").write_text(json.dumps({**ROUND, "round_id": "2026-TEST"}, ensure_ascii=False), encoding="utf-8")
    with open(spec / "applicants.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["applicant_id", "name", "uscc", "entity_kind", "industry", "carrier_type"])
        writer.writerows(applicants)
    with open(spec / "experts.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["expert_id", "name", "role", "identity_file", "applicants"])
        for person_id, name, role in PEOPLE:
            if role != "bureau":
                writer.writerow([person_id, name, "chair" if role == "chair" else "member", f"{person_id}.pub", "*"])
    for person_id, data in identities.items():
        (spec / "identities" / f"{person_id}.pub").write_bytes(data)
    materials = shipped_required_materials()
    for applicant_id, name, _, _, _, carrier_type in applicants:
        folder = spec / "dossiers" / applicant_id
        folder.mkdir(parents=True, exist_ok=True)
        for index, material in enumerate(materials[carrier_type]):
            if skip_material == (applicant_id, index):
                continue
            (folder / f"{material}.pdf").write_bytes(pdf_bytes(f"{name} {material}"))


def make_small_round(root: Path, build: bool = True, extra_applicants: int = 0) -> SmallRound:
    homes, identities = {}, {}
    for person_id, name, role in PEOPLE:
        homes[person_id] = root / "homes" / person_id
        with Home(homes[person_id]) as home:
            identities[person_id] = public_identity_bytes(create_identity(home, name, role))
    spec = root / "spec"
    write_spec(spec, identities, applicants=APPLICANTS + more_applicants(extra_applicants))
    package = root / "round.rvpkg"
    with Home(homes["B01"]) as bureau:
        from review_model.identity import require_identity

        fingerprint = require_identity(bureau).fingerprint
        if build:
            build_package(spec, package, signing_key(bureau, person_id="B01"))
    return SmallRound(root, spec, package, homes, fingerprint)
