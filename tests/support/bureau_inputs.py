"""What a district clerk starts from, made from the demo's data: the portal's applicant XLSX (Chinese
headers, Chinese names for kinds and carrier types), a folder of PDFs per applicant with the names
applicants really give (`03-培训场地证明.pdf`), one binder PDF with bookmarks, and the experts' .pub
files; plus, for comparison, the spec folder `package build` takes for the same round."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from review_model.carriers import ENTITY_KIND_NAMES, OFFICIAL_NAMES, shipped_required_materials
from review_model.demo.applicants import APPLICANTS
from review_model.demo.cast import PEOPLE, ROUND
from review_model.demo.round import write_spec_tables
from review_model.home import Home
from review_model.identity import create_identity, public_identity_bytes
from tests.support.small_round import pdf_bytes

BINDER_APPLICANT = "A02"
PORTAL_HEADER = ["序号", "申报单位名称", "统一社会信用代码", "单位类型", "所属行业", "申报载体类型", "注册地址",
                 "法定代表人", "联系人"]
# Loose names applicants give their files (number + a shortened title), by material.
LOOSE = {"培训场地及设施设备证明": "03-培训场地证明", "营业执照或法人证书": "02 营业执照", "申报表": "01.申报表"}


@dataclass
class ClerkInputs:
    root: Path
    xlsx: Path
    folders: Path  # folders/<applicant_id>/
    binder: Path
    identities: Path  # identities/<person>.pub
    spec: Path  # the same round as a spec folder, for `package build`
    bureau_home: Path
    materials: dict[str, dict[str, bytes]]  # applicant -> material -> PDF bytes


def _portal_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "申报单位"
    sheet.append(PORTAL_HEADER)
    for n, a in enumerate(APPLICANTS, start=1):
        sheet.append([n, a.name, a.uscc, ENTITY_KIND_NAMES[a.entity_kind], a.industry, OFFICIAL_NAMES[a.carrier_type],
                      a.address, a.legal_representative, a.contact])
    book.save(path)


def binder_pdf(parts: dict[str, bytes], bookmarks: bool = True) -> bytes:
    """A cover page (目录), then each material's pages, with a top-level bookmark per material."""
    with pymupdf.open() as doc:
        cover = doc.new_page()
        cover.insert_text((72, 90), "申报材料目录", fontname="china-s", fontsize=16)
        toc = []
        for title, data in parts.items():
            toc.append([1, title, doc.page_count + 1])
            with pymupdf.open(stream=data, filetype="pdf") as part:
                doc.insert_pdf(part)
        if bookmarks:
            doc.set_toc(toc)
        return doc.tobytes()


def make_clerk_inputs(root: Path) -> ClerkInputs:
    required = shipped_required_materials()
    identities = root / "identities"
    identities.mkdir(parents=True)
    bureau_home = root / "homes" / "B01"
    for person in PEOPLE:
        with Home(root / "homes" / person.person_id) as home:
            info = create_identity(home, person.name, person.role)
        (identities / f"{person.person_id}.pub").write_bytes(public_identity_bytes(info))
    xlsx = root / "申报单位名单.xlsx"
    _portal_xlsx(xlsx)
    materials: dict[str, dict[str, bytes]] = {}
    folders = root / "folders"
    for a in APPLICANTS:
        materials[a.applicant_id] = {m: pdf_bytes(f"{a.name} {m}", pages=1 + i % 3)
                                     for i, m in enumerate(required[a.carrier_type]) if m not in a.missing_materials}
        if a.applicant_id == BINDER_APPLICANT:
            continue
        folder = folders / a.applicant_id
        folder.mkdir(parents=True)
        for m, data in materials[a.applicant_id].items():
            (folder / f"{LOOSE.get(m, m)}.pdf").write_bytes(data)
    binder = root / f"{BINDER_APPLICANT}-申报材料.pdf"
    binder.write_bytes(binder_pdf(materials[BINDER_APPLICANT]))
    spec = root / "spec"
    _reference_spec(spec, identities, materials)
    return ClerkInputs(root, xlsx, folders, binder, identities, spec, bureau_home, materials)


def _reference_spec(spec: Path, identities: Path, materials: dict[str, dict[str, bytes]]) -> None:
    (spec / "identities").mkdir(parents=True)
    (spec / "round.json").write_text(json.dumps(ROUND, ensure_ascii=False), encoding="utf-8")
    write_spec_tables(spec)
    for p in PEOPLE:
        if p.role != "bureau":
            (spec / "identities" / f"{p.person_id}.pub").write_bytes((identities / f"{p.person_id}.pub").read_bytes())
    for applicant_id, files in materials.items():
        folder = spec / "dossiers" / applicant_id
        folder.mkdir(parents=True)
        for m, data in files.items():
            (folder / f"{m}.pdf").write_bytes(data)
