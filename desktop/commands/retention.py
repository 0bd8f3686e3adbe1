"""reviewdesk close-round [--json]: destroy this home's dossiers, text index and caches once its
sheets are delivered (or exported) and the round's report deadline has passed (issue 15;
review_model/retention.py). The signed sheets, receipts and the audit log stay. Not in SPEC.md:
documented in the README."""
from __future__ import annotations

import json

from ui.text import tr

from .context import Context


def register(commands) -> None:
    close = commands.add_parser("close-round", help=tr("remove this round's dossiers, index and caches once its sheets "
                                                       "are delivered and the report deadline has passed"))
    close.add_argument("--json", action="store_true", help=tr("print what was removed as one JSON object"))
    close.set_defaults(handler=close_round_command)


def close_round_command(ctx: Context) -> int:
    # the store: loaded when the command runs, not for --help
    from review_model.retention import close_round

    report = close_round(ctx.home())
    if ctx.args.json:
        ctx.print(json.dumps({"round_id": report.round_id, "files": report.files, "bytes": report.bytes,
                              "removed": {k.value: {"files": f, "bytes": b} for k, (f, b) in report.removed.items()}},
                             ensure_ascii=False, indent=1))
    else:
        ctx.print(tr("Round {round} closed: {files} files ({bytes} bytes) removed; the signed sheets, receipts and "
                     "the audit log are kept.").format(round=report.round_id, files=report.files, bytes=report.bytes))
    return 0
