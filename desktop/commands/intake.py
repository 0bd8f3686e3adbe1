"""reviewdesk intake serve | add-package | key | status | login-link: the bureau's intake service.

The service (service/) is imported only inside the handlers: the rest of the command line and the
GUI never load FastAPI, uvicorn or the service's database.
"""
from __future__ import annotations

import json
from pathlib import Path

from review_model.store.blobs import write_durably
from ui.text import tr

from .context import Context, home_path


def register(commands) -> None:
    intake = commands.add_parser("intake", help=tr("the bureau's intake service: signed sheets arrive over the network"))
    sub = intake.add_subparsers(dest="intake_command", metavar="ACTION", required=True)
    db_help = tr("database URL (default: SQLite in this home; or postgresql+psycopg://…)")

    serve = sub.add_parser("serve", help=tr("run the intake service until stopped (SIGTERM)"))
    serve.add_argument("--db", metavar="URL", help=db_help)
    serve.add_argument("--host", default="127.0.0.1", metavar="H",
                       help=tr("the address to listen on (default 127.0.0.1: this computer only)"))
    serve.add_argument("--port", type=int, default=8470, metavar="P", help=tr("the port (default 8470; 0: any free port)"))
    serve.add_argument("--tls-cert", type=Path, metavar="FILE.pem", help=tr("TLS certificate (PEM) for HTTPS"))
    serve.add_argument("--tls-key", type=Path, metavar="FILE.pem", help=tr("TLS private key (PEM) for HTTPS"))
    serve.add_argument("--unsafe-plain-http", action="store_true",
                       help=tr("serve unencrypted HTTP on a network address: scores and notes travel in the clear "
                               "(only behind a TLS proxy on this machine)"))
    serve.add_argument("--max-bundle-mb", type=int, default=256, metavar="MB", help=tr("largest bundle accepted, in MB"))
    serve.add_argument("--idle-timeout", type=float, default=60.0, metavar="SECONDS",
                       help=tr("seconds of silence after which a transfer is paused (it resumes later)"))
    serve.set_defaults(handler=serve_command)

    add = sub.add_parser("add-package", help=tr("open a round: only the package's experts may deliver"))
    add.add_argument("package", type=Path, metavar="PKG.rvpkg", help=tr("the round's signed review package"))
    add.add_argument("--db", metavar="URL", help=db_help)
    add.set_defaults(handler=add_package_command)

    key = sub.add_parser("key", help=tr("write the intake's public receipt key, for the round spec"))
    key.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pub",
                     help=tr("where to write the intake's public receipt key"))
    key.set_defaults(handler=key_command)

    status = sub.add_parser("status", help=tr("per round, applicant and expert: what arrived, what was refused"))
    status.add_argument("--db", metavar="URL", help=db_help)
    status.add_argument("--json", action="store_true", help=tr("print one JSON object"))
    status.set_defaults(handler=status_command)

    link = sub.add_parser("login-link", help=tr("print a one-time login link to the bureau's dashboard"))
    link.add_argument("--db", metavar="URL", help=db_help)
    link.add_argument("--url", metavar="URL", help=tr("the intake's address as the bureau's browser reaches it"))
    link.add_argument("--round", action="append", dest="rounds", metavar="ROUND_ID",
                      help=tr("only this round (repeatable; default: every round)"))
    link.set_defaults(handler=login_link_command)


def _intake_home(ctx: Context):
    # the intake service's modules: loaded when an intake command runs, not for --help
    from service.home import IntakeHome

    return IntakeHome(home_path(ctx.args.home))


def _database(ctx: Context, home):
    # the intake service's modules: loaded when an intake command runs, not for --help
    from service.db import Database

    return Database(ctx.args.db or home.default_db())


def serve_command(ctx: Context) -> int:
    # uvicorn and FastAPI: only for intake serve
    from service.limits import MIB, Limits
    from service.server import ServeOptions, serve

    args = ctx.args
    limits = Limits(max_upload=args.max_bundle_mb * MIB, max_expanded=2 * args.max_bundle_mb * MIB,
                    idle_timeout=args.idle_timeout)
    options = ServeOptions(host=args.host, port=args.port, db_url=args.db, tls_cert=args.tls_cert,
                           tls_key=args.tls_key, unsafe_plain_http=args.unsafe_plain_http, limits=limits)
    return serve(home_path(args.home), options, announce=ctx.print)


def add_package_command(ctx: Context) -> int:
    # the intake service's modules: loaded when an intake command runs, not for --help
    from service.intake import add_package

    home = _intake_home(ctx)
    db = _database(ctx, home)
    try:
        round_id, new = add_package(db, home, ctx.args.package)
    finally:
        db.close()
    if new:
        ctx.print(tr("Round {round} is open on the intake: its experts may deliver their signed sheets.").format(
            round=round_id))
    else:
        ctx.print(tr("Round {round} was already open with this package; nothing changed.").format(round=round_id))
    return 0


def key_command(ctx: Context) -> int:
    # the intake service's modules: loaded when an intake command runs, not for --help
    from service.home import public_identity, receipt_key

    home = _intake_home(ctx)
    key = receipt_key(home, ctx.passphrase)
    write_durably(ctx.args.output, public_identity(home, key))
    ctx.print(tr("The intake's receipt key ({fingerprint}) is in {path}. Put it in the round spec as intake.pub.")
              .format(fingerprint=key.fingerprint, path=ctx.args.output))
    return 0


def _reason(ctx: Context, refusal) -> str:
    """The intake's reason in the CLI's language (the service's own words: it has no Qt), and its code."""
    # the intake service's modules: loaded when an intake command runs, not for --help
    from service.dashboard import reason_words

    problem = refusal.problem or {}
    rule = (problem.get("params") or {}).get("reason") or problem.get("code") or ""
    words = reason_words(refusal.reason, "zh" if ctx.language.startswith("zh") else "en")
    return f"{words} ({refusal.reason}{': ' + rule if rule and refusal.reason == 'bundle_invalid' else ''})"


def status_command(ctx: Context) -> int:
    # the intake service's modules: loaded when an intake command runs, not for --help
    from service import state

    home = _intake_home(ctx)
    db = _database(ctx, home)
    try:
        views = [state.round_view(db, r) for r in state.rounds(db)]
        loose = state.unattributed_refusals(db)
    finally:
        db.close()
    if ctx.args.json:
        ctx.print(json.dumps({"rounds": [v.as_json() for v in views],
                              "unattributed_refusals": [r.__dict__ for r in loose]}, ensure_ascii=False, indent=1))
        return 0
    if not views:
        ctx.print(tr("No round is open on this intake. Add one with: reviewdesk intake add-package PKG.rvpkg"))
    for view in views:
        counts = view.counts()
        ctx.print(tr("Round {round} {title}: {bundles} bundles accepted; delivered {delivered}, missing {missing}, "
                     "conflicts {conflict}, refused {refused}.").format(round=view.round_id, title=view.title,
                                                                          bundles=len(view.bundles), **counts))
        if view.result is not None:
            ctx.print("  " + tr("The chair's signed panel result arrived {when} (receipt no. {seq}).").format(
                when=view.result.received_at, seq=view.result.seq))
        for cell in view.cells:
            if cell.state == "delivered":
                what = tr("delivered revision {revision}, {when}").format(revision=cell.revision, when=cell.received_at)
            elif cell.state == "conflict":
                what = tr("conflict declared")
            elif cell.state == "refused":
                what = tr("refused: {reason}").format(reason=_reason(ctx, cell.refusals[-1]))
            else:
                what = tr("missing")
            ctx.print(f"  {cell.applicant_id} {cell.applicant_name} · {cell.expert_id} {cell.expert_name}: {what}")
        for refusal in view.refusals:
            ctx.print("  " + tr("refused {when} from {expert}: {reason}").format(
                when=refusal.received_at, expert=refusal.expert_id or "?", reason=_reason(ctx, refusal)))
    for refusal in loose:
        ctx.print(tr("Refused {when}, sender unknown: {reason}").format(when=refusal.received_at,
                                                                        reason=_reason(ctx, refusal)))
    return 0


def login_link_command(ctx: Context) -> int:
    # the intake service's modules: loaded when an intake command runs, not for --help
    from review_model.errors import Code, Problem
    from service import state
    from service.auth import Auth
    from service.home import receipt_key

    home = _intake_home(ctx)
    base = ctx.args.url or home.serving_url()
    if not base:
        raise Problem(Code.INTAKE_NOT_SERVING, url="", detail="")
    key = receipt_key(home, ctx.passphrase)
    db = _database(ctx, home)
    try:
        known = [r.round_id for r in state.rounds(db)]
        wanted = ctx.args.rounds or known
        unknown = [r for r in wanted if r not in known]
        if unknown:
            raise Problem(Code.INTAKE_NO_SUCH_ROUND, round=unknown[0])
        token = Auth(db, key.fingerprint).login_link_token(wanted)
    finally:
        db.close()
    ctx.print(f"{base.rstrip('/')}/login/{token}")
    ctx.print(tr("The link opens the dashboard once, within 30 minutes; do not share it."))
    return 0
