"""The running header and footer of ReviewDesk's official documents (score sheets, panel summary,
candidate list), drawn once the page count is known: 第 x 页 共 y 页."""
from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas


def numbered_canvas(*, header_left: str, header_right: str, footer: str, pagesize: tuple[float, float],
                    margin_x: float, margin_top: float, margin_bottom: float, font: str, colour: Color):
    """A Canvas class for SimpleDocTemplate.build(canvasmaker=…)."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            page_w, page_h = pagesize
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(colour)
            self.setStrokeColor(colour)
            self.setLineWidth(0.4)
            top = page_h - margin_top + 6 * mm
            self.drawString(margin_x, top + 1.6 * mm, header_left)
            self.drawRightString(page_w - margin_x, top + 1.6 * mm, header_right)
            self.line(margin_x, top, page_w - margin_x, top)
            bottom = margin_bottom - 8 * mm
            self.line(margin_x, bottom + 3.6 * mm, page_w - margin_x, bottom + 3.6 * mm)
            self.drawString(margin_x, bottom, footer)
            self.drawRightString(page_w - margin_x, bottom, f"第 {number} 页  共 {total} 页")
            self.restoreState()

    return NumberedCanvas
