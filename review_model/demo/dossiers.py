"""Realistic demo dossiers: one PDF per material, generated at run time (nothing binary is committed).

Each material gets a cover and content fitting its name (filled forms, licences, letters, rosters,
statistics, rules, contracts, certificates, site photos): a mix of text pages (real text layer) and
scanned-looking pages (one JPEG, no text; skewed, grey or tinted, some faded, some sideways).
Content is deterministic from `seed` and the applicant number. The builders live in `materials` and
`evidence`; drawing in `pages`, `documents` and `photos`; wording in `corpus`.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from .applicants import DEMO_PDF_PASSWORD, DemoApplicant
from .context import Ctx, profile
from .evidence import (
    build_achievements,
    build_coop,
    build_generic,
    build_insurance,
    build_leader,
    build_plan,
    build_site,
)
from .materials import (
    build_apprentices,
    build_form,
    build_letter,
    build_licence,
    build_roster,
    build_rules,
    build_training,
)

_BUILDERS: tuple[tuple[tuple[str, ...], Callable[[Ctx, int], None]], ...] = (
    (("申报表",), build_form), (("营业执照", "法人证书"), build_licence), (("信用承诺",), build_letter),
    (("身份证明",), build_leader), (("师资",), build_roster), (("带徒",), build_apprentices),
    (("培训开展情况", "培训情况"), build_training), (("参保",), build_insurance), (("评价体系",), build_rules),
    (("制度",), build_rules), (("场地",), build_site), (("校企合作",), build_coop), (("建设计划",), build_plan),
    (("成果", "成效"), build_achievements),
)
_MIN_PAGES = 2


def builder_for(material: str) -> Callable[[Ctx, int], None]:
    for keys, fn in _BUILDERS:
        if any(k in material for k in keys):
            return fn
    return build_generic


def write_dossier(folder: Path, applicant: DemoApplicant, materials: list[str], seed: int = 0) -> list[Path]:
    """Write one PDF per material (skipping applicant.missing_materials) into `folder` as `<material>.pdf`; return the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = random.Random(seed + applicant.number)
    prof = profile(applicant, base)
    seeds = [base.getrandbits(48) for _ in materials]  # drawn for every material, so skipping one shifts nothing
    paths: list[Path] = []
    for material, s in zip(materials, seeds):
        if material in applicant.missing_materials:
            continue
        n = max(_MIN_PAGES, applicant.pages.get(material, 4))
        x = Ctx(applicant, prof, material, random.Random(s))
        builder_for(material)(x, n)
        if x.b.count != n:
            raise RuntimeError(f"{applicant.applicant_id} {material}: wrote {x.b.count} pages, expected {n}")
        # the cover is "i", then pages are numbered as printed in their footers (ASCII labels: PyMuPDF reads
        # non-ASCII label prefixes back as raw hex)
        x.b.labels = [{"startpage": 0, "style": "r", "firstpagenum": 1}, {"startpage": 1, "style": "D", "firstpagenum": 1}]
        path = folder / f"{material}.pdf"
        x.b.save(path, DEMO_PDF_PASSWORD if material == applicant.encrypted_material else None)
        paths.append(path)
    return paths
