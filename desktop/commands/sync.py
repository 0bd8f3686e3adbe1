"""reviewdesk sync [--url URL] [--json] and reviewdesk chair pull [--url URL] (SPEC "sync").

`sync` does one pass of this home's outbox (review_model/sync/outbox.py) now, whatever the
backoff says: 0 when everything signed is delivered with a checked receipt, 1 with the first
reason otherwise. `chair pull` brings every bundle the intake accepted into the chair's home.
Heavy modules are imported inside the commands (the CLI starts for every command).
"""
from __future__ import annotations

import json

from ui.text import tr

from .context import Context


def register(commands) -> None:
    sync = commands.add_parser("sync", help=tr("send this workspace's outbox to the bureau's intake and check every receipt"))
    sync.add_argument("--url", help=tr("the intake's address (default: the one the package names)"))
    sync.add_argument("--json", action="store_true", help=tr("print every outbox item's state as one JSON object"))
    sync.set_defaults(handler=sync_command)
    chair = commands.choices["chair"]  # made by chair.py, which registers before this module
    pull = chair.reviewdesk_actions.add_parser("pull", help=tr("fetch every bundle the intake accepted for this round"))
    pull.add_argument("--url", help=tr("the intake's address (default: the one the package names)"))
    pull.set_defaults(handler=pull_command)


def _state_word(item) -> str:
    # the outbox's words: only when the outbox is printed
    from ui.sync_labels import item_subject, item_text

    return f"{item_subject(item)} {item_text(item)}"


def sync_command(ctx: Context) -> int:
    # the outbox and its client (httpx): only for sync
    from review_model.errors import Code, Problem
    from review_model.identity import signing_key
    from review_model.sheets.context import Reviewer
    from review_model.sync.outbox import Outbox, OutboxState, intake_target, items

    home = ctx.home()
    target = intake_target(home, ctx.args.url)
    reviewer = Reviewer.open(home)
    outbox = Outbox(home, target, lambda: signing_key(home, ctx.passphrase, person_id=reviewer.expert_id))
    report = outbox.send(force=True)
    listed = items(home)
    if ctx.args.json:
        ctx.print(json.dumps({"url": target.url, "delivered_now": report.delivered, "pending": report.pending,
                              "items": [{"applicant_id": i.applicant_id, "kind": i.kind.value, "revision": i.revision,
                                         "state": i.state.value, "reason": i.reason, "detail": i.detail,
                                         "receipt_seq": i.receipt_seq,
                                         "last_error": i.last_error.code.value if i.last_error else None,
                                         "next_try_at": i.next_try_at.isoformat() if i.next_try_at else None}
                                        for i in listed]}, ensure_ascii=False, indent=1))
    else:
        for item in listed:
            ctx.print(f"  {_state_word(item)}")
        ctx.print(tr("{delivered} delivered now; {pending} still to send.").format(delivered=report.delivered,
                                                                                 pending=report.pending))
    refused = next((i for i in listed if i.state is OutboxState.REFUSED), None)
    if refused is not None:
        raise refused.refusal()
    if report.pending:
        raise report.problem or Problem(Code.SYNC_NOT_DELIVERED, count=report.pending, detail="")
    return 0


def pull_command(ctx: Context) -> int:
    # the chair's pull and its client (httpx): only for chair pull
    from review_model.chair.intake import require_chair
    from review_model.chair.states import BundleStatus
    from review_model.identity import signing_key
    from review_model.sync.outbox import intake_target
    from review_model.sync.pull import pull_returns
    from ui.messages import describe

    home = ctx.home()
    chair = require_chair(home)
    target = intake_target(home, ctx.args.url)
    key = signing_key(home, ctx.passphrase, person_id=chair.expert_id)
    report = pull_returns(home, target, key)
    for outcome in report.intake.invalid:
        ctx.print(tr("  ✗ {file}: refused, left out: {reason}").format(file=outcome.path.name,
                                                                      reason=describe(outcome.problem)))
    imported = sum(1 for o in report.intake.outcomes if o.status is BundleStatus.IMPORTED)
    ctx.print(tr("{listed} bundles on the intake, {downloaded} fetched now, {imported} imported into this workspace.")
              .format(listed=report.listed, downloaded=report.downloaded, imported=imported))
    if report.intake.invalid:
        raise report.intake.invalid[0].problem
    return 0


# --- the demo's intake (reviewdesk demo --out DIR, reviewdesk --demo) -----------------------------
def demo_intake(folder, passphrase: str | None) -> bytes:
    """The bureau's intake identity in `folder` (its --home): the service's receipt key, made now."""
    # the intake service's modules: only for the demo
    from service.home import IntakeHome, public_identity, receipt_key

    home = IntakeHome(folder)
    return public_identity(home, receipt_key(home, lambda: passphrase))


def open_demo_round(folder, package) -> None:
    """Open the demo round on the demo's intake (`intake add-package`), so that the first start of
    `reviewdesk --home DIR/intake intake serve --port 8765` takes the experts' bundles."""
    # the intake service's modules: only for the demo
    from service.db import Database
    from service.home import IntakeHome
    from service.intake import add_package

    home = IntakeHome(folder)
    db = Database(home.default_db())
    try:
        add_package(db, home, package)
    finally:
        db.close()
