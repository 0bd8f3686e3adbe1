"""The chair's desk (组长工作台): intake, compilation, discussion, ranking and the signed result.

`from ui.chair import ChairDesk` (loaded on first use, so the command line can use ui.chair.labels
without the widgets)."""
from __future__ import annotations

__all__ = ["ChairDesk"]


def __getattr__(name: str):
    if name == "ChairDesk":
        from .desk import ChairDesk  # the widgets load on first use: ui.chair.labels serves the CLI too

        return ChairDesk
    raise AttributeError(name)
