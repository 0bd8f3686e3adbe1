"""A home holding one applicant with the given material files, for the viewer's tests (no package,
no signing: the rows and blobs an import would have written)."""
from __future__ import annotations

from pathlib import Path

from review_model.home import Home
from review_model.pdfcheck import inspect_pdf
from review_model.store.models import Applicant, Material


def dossier_home(root: Path, materials: list[tuple[str, bytes | None]], applicant_id: str = "A01",
                 name: str = "深圳市光明区精工模具技能大师工作室", key: bytes | None = None) -> tuple[Home, list[int]]:
    """A home with `materials` [(name, PDF bytes or None for not submitted)]; returns it and the material ids.
    With `key`, a sealed home (its files encrypted at rest)."""
    home = Home(root, key=key)
    with home.store.write("test") as (session, _audit):
        session.add(Applicant(applicant_id=applicant_id, name=name, uscc=f"91440300MA5F0000{applicant_id[-2:]}",
                              entity_kind="enterprise", industry="精密模具", carrier_type="master_studio",
                              acceptance="accepted"))
        session.flush()
        rows = []
        for position, (material, data) in enumerate(materials, start=1):
            if data is None:
                row = Material(applicant_id=applicant_id, position=position, name=material, status="missing")
            else:
                digest, _ = home.blobs.put(data)
                state = inspect_pdf(data)
                status = "encrypted" if state.status == "encrypted" else "ok"
                row = Material(applicant_id=applicant_id, position=position, name=material, status=status,
                               sha256=digest, size=len(data), page_count=state.pages)
            session.add(row)
            rows.append(row)
        session.flush()
        ids = [r.id for r in rows]
    return home, ids
