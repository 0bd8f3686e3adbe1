"""What the workspace needs from the dossier beside the rubric: a few calls and three signals.

ui.viewer.DossierViewer is the one implementation; the workspace is typed against this protocol
and calls it directly (no getattr/hasattr probing), so a missing method is a type error, not a
silent no-op.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from ui.viewer import Overlay


class DossierPane(Protocol):
    locationChanged: SignalInstance  # (material id or -1, page index, zoom spec)
    regionSelected: SignalInstance  # (material id, page index, rect in PDF points or None)
    overlayClicked: SignalInstance  # (the overlay's key: an evidence link id)

    def show_applicant(self, applicant_id: str, open_first: bool = True) -> None: ...
    def open_material(self, material_id: int, page_index: int = 0) -> None: ...
    def set_zoom(self, spec: str) -> None: ...
    def turn_page(self, step: int) -> None: ...
    def location(self) -> tuple[int | None, int, str]: ...
    def set_region_mode(self, on: bool) -> None: ...
    def set_overlays(self, overlays: list[Overlay]) -> None: ...
    def flash(self, material_id: int, page_index: int, rect: tuple | None = None) -> None: ...
