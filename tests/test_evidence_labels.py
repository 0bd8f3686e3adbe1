"""A signed sheet cites the page label the expert saw in the viewer and on paper (issue 11, item 12)."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from review_model.dossier.labels import material_page_labels
from review_model.home import Home
from review_model.identity import signing_key
from review_model.overview import applicant_detail
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.signing.sign import sign_sheet
from tests.conftest import require_tool
from tests.support.sheets import complete_sheet


@pytest.fixture
def demo_expert(demo_round, tmp_path):
    shutil.copytree(demo_round.homes["E02"], tmp_path / "E02")
    with Home(tmp_path / "E02") as home:
        yield home


def test_evidence_names_the_printed_page_label(demo_expert):
    reviewer = Reviewer.open(demo_expert)
    applicant = next(iter(reviewer.assigned))
    complete_sheet(reviewer, applicant, evidence=False)
    detail = applicant_detail(demo_expert, applicant)
    labelled = None
    for material in detail.materials:
        labels = material_page_labels(demo_expert, material.sha256) if material.sha256 else None
        mismatch = [i for i, text in enumerate(labels or []) if text != str(i + 1)]
        if mismatch:  # a page whose printed label is not its number; past the cover if there is one
            index = mismatch[1] if len(mismatch) > 1 else mismatch[0]
            labelled = (material, index, labels[index])
            break
    assert labelled, "the demo has binder-style materials with a cover or roman-numbered front pages"
    material, page_index, label = labelled
    assert label != str(page_index + 1)
    code = reviewer.rubrics[reviewer.assigned[applicant]].scored_items[0].code
    ops.add_link(reviewer, applicant, code, material.material_id, page_index)
    signed = sign_sheet(reviewer, applicant, signing_key(demo_expert, person_id=reviewer.expert_id))
    evidence = json.loads(signed.json_bytes)["evidence"]
    assert [(e["page"], e.get("page_label")) for e in evidence] == [(page_index + 1, label)]
    pdftotext = require_tool("pdftotext")
    pdf = demo_expert.blobs.read(signed.pdf_sha256)
    text = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert f"》第{label}页" in text.replace("\n", "")
    assert f"》第{page_index + 1}页" not in text.replace("\n", "")


def test_an_unreadable_file_is_cited_by_its_page_number(demo_expert):
    sha256, _ = demo_expert.blobs.put(b"%PDF-1.7 truncated")
    assert material_page_labels(demo_expert, sha256) is None
