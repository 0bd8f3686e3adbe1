"""reviewdesk status [--json]"""
from __future__ import annotations

import json

from ui.labels import CARRIER_TYPES, ROLES, STATES, label
from ui.text import tr

from .context import Context


def register(commands) -> None:
    status = commands.add_parser("status", help=tr("this workspace's identity, round and applicants"))
    status.add_argument("--json", action="store_true", help=tr("print one JSON object"))
    status.set_defaults(handler=status_command)


def status_command(ctx: Context) -> int:
    from review_model.overview import overview  # the store: loaded by the command, not by --help

    view = overview(ctx.home())
    if ctx.args.json:
        identity = None if view.identity is None else {
            "name": view.identity.name, "role": view.identity.role, "fingerprint": view.identity.fingerprint,
            "expert_id": view.expert_id,
        }
        ctx.print(json.dumps({
            "identity": identity,
            "round_id": view.round.round_id if view.round else None,
            "applicants": [{"applicant_id": a.applicant_id, "name": a.name, "carrier_type": a.carrier_type,
                            "state": a.state, "revision": a.revision} for a in view.applicants],
        }, ensure_ascii=False, indent=2))
        return 0
    if view.identity is None:
        ctx.print(tr("No signing identity yet (reviewdesk keys init)."))
    else:
        ctx.print(tr("Identity: {name} ({role}), fingerprint {fingerprint}").format(
            name=view.identity.name, role=label(ROLES, view.expert_role or view.identity.role),
            fingerprint=view.identity.fingerprint))
    if view.round is None:
        ctx.print(tr("No round imported yet (reviewdesk import PACKAGE.rvpkg)."))
        return 0
    ctx.print(tr("Round: {title} ({round})").format(title=view.round.title, round=view.round.round_id))
    for a in view.applicants:
        revision = "" if a.revision is None else tr("revision {n}").format(n=a.revision)
        ctx.print(f"  {a.applicant_id}  {a.name}  [{label(CARRIER_TYPES, a.carrier_type)}]  {label(STATES, a.state)}  {revision}")
    return 0
