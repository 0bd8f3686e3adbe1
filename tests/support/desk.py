"""The bureau's desk as the GUI tests open it: on a clerk's home, at 1366×768, on one step."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from review_model.bureau.desk import save_round
from review_model.demo.cast import ROUND
from review_model.home import Home
from tests.support.bureau_inputs import ClerkInputs, make_clerk_inputs
from ui.bureau import BureauDesk


def clerk_with_round(root: Path) -> ClerkInputs:
    """The clerk's inputs, with the demo's round already saved at the desk."""
    clerk = make_clerk_inputs(root)
    with Home(clerk.bureau_home) as home:
        save_round(home, ROUND)
    return clerk


@contextmanager
def desk_at(qtbot, home_dir: Path, step: str | None = None) -> Iterator[BureauDesk]:
    """The desk shown on `home_dir`, on the step named (an attribute of the desk: round, experts…)."""
    home = Home(home_dir)
    widget = BureauDesk(home)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    if step is not None:
        widget.tabs.setCurrentWidget(getattr(widget, step))
    try:
        yield widget
    finally:
        home.close()
