"""A round built for the chair's tests: N experts, a tiny rubric whose arithmetic is easy by hand,
and return bundles signed for real (Ed25519, canonical sheet JSON, a drawn PDF score sheet).

The rubric (技能大师工作室, 100 points): 1.1 场地 40, 1.2 设备 30, 2.1 带徒 30, bonus B1 荣誉 5 (cap 3,
step 1), veto V1 失信. The chair (E01) has a home with the package imported; the other experts
are bare keys. `bundle(...)` writes what an expert's `reviewdesk export` would.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from review_model import crypto
from review_model.carriers import shipped_required_materials
from review_model.demo.cast import ROUND
from review_model.exchange.container import SigningKey, write_container
from review_model.exchange.package import open_package
from review_model.exchange.package_build import build_package
from review_model.home import Home
from review_model.identity import IdentityInfo, create_identity, public_identity_bytes, require_identity, signing_key
from review_model.importer import import_package
from review_model.signing.document import SheetDocument, canonical_bytes, item_entries, sha256_hex, totals_for
from review_model.signing.pdf import render_score_sheet
from tests.support.small_round import pdf_bytes, uscc

RUBRIC = {
    "schema": "reviewdesk-rubric/1", "rubric_id": "panel-test", "carrier_type": "master_studio", "version": "1",
    "title": "测试评审细则", "total_points": 100, "comment_required_below": "0.6",
    "sections": [
        {"code": "S1", "title": "基础条件", "items": [
            {"code": "1.1", "title": "场地", "max_points": 40, "method": "site_visit", "rule": "面积与功能分区"},
            {"code": "1.2", "title": "设备", "max_points": 30, "method": "site_visit", "rule": "设备齐全"}]},
        {"code": "S2", "title": "工作成效", "items": [
            {"code": "2.1", "title": "带徒", "max_points": 30, "method": "document_review", "rule": "带徒人数"}]}],
    "bonus": {"cap": 3, "items": [{"code": "B1", "title": "荣誉", "max_points": 5, "step": 1,
                                   "method": "document_review", "rule": "市级以上表彰"}]},
    "vetoes": [{"code": "V1", "title": "近三年存在严重失信行为", "rule": "信用中国查询"}],
}
APPLICANTS = [("A01", "深圳市甲工作室", uscc("91440300MA5F10001")), ("A02", "深圳市乙工作室", uscc("91440300MA5F10002")),
              ("A03", "深圳市丙工作室", uscc("91440300MA5F10003")), ("A04", "深圳市丁工作室", uscc("91440300MA5F10004"))]
# more, for rounds as large as a district's (the statement-count test uses 30)
APPLICANTS += [(f"A{n:02d}", f"深圳市第{n}号工作室", uscc(f"91440300MA5F1{n:04d}")) for n in range(5, 61)]
T0 = datetime(2026, 7, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))


@dataclass
class Sheet:
    """One revision: scores for 1.1, 1.2, 2.1 (and B1), a veto, the amendment reason for r2+."""

    a: str
    b: str
    c: str
    bonus: str | None = None
    veto: bool = False
    amend_reason: str = ""
    comments: dict[str, str] = field(default_factory=dict)  # item code -> the expert's comment


@dataclass
class PanelRound:
    root: Path
    package: Path
    chair_home: Path
    bureau_fingerprint: str
    keys: dict[str, SigningKey] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    clock: list[int] = field(default_factory=lambda: [0])
    signed: dict = field(default_factory=dict)  # what an expert signed stays byte for byte the same in later exports

    def home(self) -> Home:
        return Home(self.chair_home)

    def tick(self) -> str:
        self.clock[0] += 1
        return (T0 + timedelta(minutes=self.clock[0])).isoformat()

    def bundle(self, expert_id: str, sheets: dict[str, list[Sheet]], conflicts: dict[str, str] | None = None,
               name: str | None = None) -> Path:
        """The expert's return bundle: every revision given per applicant, and declared conflicts."""
        key = self.keys[expert_id]
        with open_package(self.package) as package:
            rubric = package.rubrics["master_studio"]
            expert = next(e for e in package.experts if e.expert_id == expert_id)
            pin = package.round.rubrics["master_studio"]
            members, listing, declarations = {}, [], []
            for applicant_id, revisions in sheets.items():
                applicant = package.applicant(applicant_id)
                confirmed = self.signed.setdefault((expert_id, applicant_id), self.tick())
                declarations.append({"applicant_id": applicant_id, "has_conflict": False, "reason": "",
                                     "declared_at": confirmed})
                for number, sheet in enumerate(revisions, start=1):
                    once = (expert_id, applicant_id, number, repr(sheet))
                    if once not in self.signed:
                        doc = _document(package, rubric, pin, expert, applicant, number, sheet, confirmed, self.tick())
                        data = canonical_bytes(doc)
                        self.signed[once] = (doc, data, render_score_sheet(SheetDocument.model_validate(doc), rubric,
                                                                           sha256_hex(data)))
                    doc, data, pdf = self.signed[once]
                    digest = sha256_hex(data)
                    stem = f"sheets/{applicant_id}/r{number}"
                    members[f"{stem}.json"], members[f"{stem}.pdf"] = data, pdf
                    listing.append({"applicant_id": applicant_id, "revision": number, "current": number == len(revisions),
                                    "signed_at": doc["revision"]["signed_at"], "json": f"{stem}.json",
                                    "json_sha256": digest, "signature": crypto.b64(crypto.sign(key.seed, data)),
                                    "pdf": f"{stem}.pdf", "pdf_sha256": sha256_hex(pdf)})
            for applicant_id, reason in (conflicts or {}).items():
                declarations.append({"applicant_id": applicant_id, "has_conflict": True, "reason": reason,
                                     "declared_at": self.tick()})
            members["return.json"] = _json({
                "schema": "reviewdesk-return/1", "round_id": package.round.round_id, "package_sha256": package.sha256,
                "expert": {"expert_id": expert_id, "name": expert.name, "fingerprint": expert.fingerprint},
                "created_at": self.tick(), "photos_included": False, "sheets": listing, "photos": []})
            members["conflicts.json"] = _json({"schema": "reviewdesk-conflicts/1", "expert_id": expert_id,
                                               "declarations": declarations})
            out = self.root / "returns" / (name or f"{expert_id}.rvret")
            out.parent.mkdir(parents=True, exist_ok=True)
            write_container(out, "return", package.round.round_id, members, key, package_sha256=package.sha256)
        return out


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _document(package, rubric, pin, expert, applicant, number: int, sheet: Sheet, confirmed: str, signed: str) -> dict:
    scores = {"1.1": Decimal(sheet.a), "1.2": Decimal(sheet.b), "2.1": Decimal(sheet.c)}
    if sheet.bonus is not None:
        scores["B1"] = Decimal(sheet.bonus)
    comments = {code: "扣分原因：现场核查不足。" for code, value in scores.items() if rubric.needs_comment(code, value)} | sheet.comments
    vetoes = [{"code": v.code, "title": v.title, "triggered": sheet.veto, "reason": "信用中国查询有失信记录" if sheet.veto else ""}
              for v in rubric.vetoes]
    return {
        "schema": "reviewdesk-sheet/1",
        "round": {"round_id": package.round.round_id, "title": package.round.title, "district": package.round.district,
                  "package_sha256": package.sha256},
        "applicant": {"applicant_id": applicant.applicant_id, "name": applicant.name, "uscc": applicant.uscc,
                      "carrier_type": applicant.carrier_type},
        "rubric": {"rubric_id": pin.rubric_id, "version": pin.version, "sha256": pin.sha256, "title": rubric.title},
        "expert": {"expert_id": expert.expert_id, "name": expert.name, "role": expert.role,
                   "fingerprint": expert.fingerprint},
        "revision": {"number": number, "amend_reason": sheet.amend_reason if number > 1 else "",
                     "created_at": signed, "signed_at": signed},
        "conflict": {"status": "none", "confirmed_at": confirmed},
        "items": item_entries(rubric, scores, comments),
        "vetoes": vetoes,
        "totals": totals_for(rubric, scores, sheet.veto),
        "opinion": "基本符合认定条件。", "recommendation": "recommend",
        "notes": [], "evidence": [], "photos": [],
    }


def make_panel_round(root: Path, experts: int = 3, policy: dict | None = None, quotas: dict | None = None,
                     applicants: int = 3, passphrase: str | None = None) -> PanelRound:
    """A package with `experts` experts (E01 the chair), all assigned every applicant, imported by the chair.
    With `passphrase` the chair's key is a passphrase-protected key file instead of the keyring."""
    root.mkdir(parents=True, exist_ok=True)
    spec = root / "spec"
    (spec / "identities").mkdir(parents=True)
    (spec / "rubrics").mkdir()
    (spec / "rubrics" / "master_studio.json").write_text(json.dumps(RUBRIC, ensure_ascii=False), encoding="utf-8")
    chair_home = root / "chair"
    with Home(chair_home) as home:
        chair = create_identity(home, "陈组长", "chair", passphrase=passphrase)
        chair_key = signing_key(home, lambda: passphrase, person_id="E01")
    names = {"E01": "陈组长"} | {f"E{i:02d}": f"专家{i:02d}" for i in range(2, experts + 1)}
    keys = {"E01": chair_key}
    (spec / "identities" / "E01.pub").write_bytes(public_identity_bytes(chair))
    for expert_id in list(names)[1:]:
        seed = crypto.new_seed()
        public = crypto.public_key_of(seed)
        keys[expert_id] = SigningKey(expert_id, names[expert_id], "expert", seed)
        info = IdentityInfo(names[expert_id], "expert", crypto.fingerprint(public), public, "keyring", T0)
        (spec / "identities" / f"{expert_id}.pub").write_bytes(public_identity_bytes(info))
    round_json = {**ROUND, "round_id": "2026-PANEL",
                  "policy": {**ROUND["policy"], **(policy or {})},
                  "quotas": quotas or {"master_studio": 2}}
    (spec / "round.json").write_text(json.dumps(round_json, ensure_ascii=False), encoding="utf-8")
    chosen = APPLICANTS[:applicants]
    (spec / "applicants.csv").write_text("applicant_id,name,uscc,entity_kind,industry,carrier_type\n" + "".join(
        f"{a},{n},{u},enterprise,精密制造,master_studio\n" for a, n, u in chosen), encoding="utf-8")
    (spec / "experts.csv").write_text("expert_id,name,role,identity_file,applicants\n" + "".join(
        f"{e},{n},{'chair' if e == 'E01' else 'member'},{e}.pub,*\n" for e, n in names.items()), encoding="utf-8")
    document = pdf_bytes("申报材料", pages=1)
    for applicant_id, _, _ in chosen:
        folder = spec / "dossiers" / applicant_id
        folder.mkdir(parents=True)
        for material in shipped_required_materials()["master_studio"]:
            (folder / f"{material}.pdf").write_bytes(document)
    bureau = SigningKey("B01", "区人力资源局", "bureau", crypto.new_seed())
    package = root / "round.rvpkg"
    build_package(spec, package, bureau)
    fingerprint = crypto.fingerprint(bureau.public_raw)
    with Home(chair_home) as home:
        import_package(home, package, trust_bureau=fingerprint)
        assert require_identity(home).role == "chair"
    return PanelRound(root, package, chair_home, fingerprint, keys, names)
