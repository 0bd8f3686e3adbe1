"""reviewdesk sheet sign | amend | declare-conflict, and reviewdesk export (the return bundle).

Other modules add their own `sheet` actions (the offline form) through `sheet_actions(commands)`.
The domain is imported inside each command, so that building the parser (`--help`) stays cheap.
"""
from __future__ import annotations

from pathlib import Path

from ui.labels import label
from ui.sheet_labels import RECOMMENDATIONS, grade_text
from ui.text import tr

from .context import Context


def sheet_actions(commands):
    """The sub-actions of `reviewdesk sheet`, created by whichever module asks first."""
    sheet = commands.choices.get("sheet")
    if sheet is None:
        sheet = commands.add_parser("sheet", help=tr("score sheets: sign, amend, declare a conflict, offline forms"))
        sheet.reviewdesk_actions = sheet.add_subparsers(dest="sheet_command", metavar="ACTION", required=True)
    return sheet.reviewdesk_actions


def register(commands) -> None:
    actions = sheet_actions(commands)
    sign = actions.add_parser("sign", help=tr("freeze and sign the current draft (refused while incomplete)"))
    sign.add_argument("applicant_id", metavar="APPLICANT_ID", help=tr("the applicant, e.g. A01"))
    sign.set_defaults(handler=sign_command)
    amend = actions.add_parser("amend", help=tr("open a new draft revision from the last signed one"))
    amend.add_argument("applicant_id", metavar="APPLICANT_ID", help=tr("the applicant, e.g. A01"))
    amend.add_argument("--reason", required=True, metavar="TEXT",
                       help=tr("why the signed sheet is changed (kept with the new revision)"))
    amend.set_defaults(handler=amend_command)
    conflict = actions.add_parser("declare-conflict", help=tr("declare a conflict of interest: no scoring for that applicant"))
    conflict.add_argument("applicant_id", metavar="APPLICANT_ID", help=tr("the applicant, e.g. A01"))
    conflict.add_argument("--reason", required=True, metavar="TEXT",
                          help=tr("the ground for withdrawing, e.g. employed by the applicant in the last 3 years"))
    conflict.set_defaults(handler=conflict_command)
    no_conflict = actions.add_parser("confirm-no-conflict",
                                     help=tr("confirm you have no conflict of interest (needed before the first score)"))
    no_conflict.add_argument("applicant_id", metavar="APPLICANT_ID", help=tr("the applicant, e.g. A01"))
    no_conflict.set_defaults(handler=no_conflict_command)

    export = commands.add_parser("export", help=tr("every signed revision in this workspace, as one return bundle"))
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.rvret",
                        help=tr("where to write the return bundle for the chair"))
    export.add_argument("--no-photos", action="store_true", help=tr("leave the site photos out of the bundle"))
    export.set_defaults(handler=export_command)


def sign_command(ctx: Context) -> int:
    # signing loads the PDF writer: only for sheet sign
    from review_model.identity import signing_key
    from review_model.sheets.context import Reviewer
    from review_model.signing.sign import sign_sheet

    reviewer = Reviewer.open(ctx.home())
    key = signing_key(ctx.home(), ctx.passphrase, person_id=reviewer.expert_id)
    signed = sign_sheet(reviewer, ctx.args.applicant_id, key)
    ctx.print(tr("Signed revision {revision} of the sheet for {applicant} {name}: total {total}, grade {grade}, {recommendation}.")
              .format(revision=signed.revision, applicant=signed.applicant_id, name=signed.applicant_name,
                      total=signed.total, grade=grade_text(signed.grade),
                      recommendation=label(RECOMMENDATIONS, signed.recommendation)))
    ctx.print(tr("Signature hash (printed on every page of the PDF): {hash}").format(hash=signed.short_hash))
    return 0


def amend_command(ctx: Context) -> int:
    # the sheet's commands (the store): loaded when the command runs, not for --help
    from review_model.sheets import ops
    from review_model.sheets.context import Reviewer

    reviewer = Reviewer.open(ctx.home())
    applied = ops.amend(reviewer, ctx.args.applicant_id, ctx.args.reason)
    ctx.print(tr("Revision {revision} of the sheet for {applicant} is open for changes; sign it again when done.")
              .format(revision=applied.value, applicant=ctx.args.applicant_id))
    return 0


def conflict_command(ctx: Context) -> int:
    # the sheet's commands (the store): loaded when the command runs, not for --help
    from review_model.sheets import ops
    from review_model.sheets.context import Reviewer

    reviewer = Reviewer.open(ctx.home())
    ops.declare_conflict(reviewer, ctx.args.applicant_id, ctx.args.reason)
    ctx.print(tr("Conflict of interest declared for {applicant}; you will not score it.").format(
        applicant=ctx.args.applicant_id))
    return 0


def no_conflict_command(ctx: Context) -> int:
    # the sheet's commands (the store): loaded when the command runs, not for --help
    from review_model.sheets import ops
    from review_model.sheets.context import Reviewer
    from ui.workspace.conflict import grounds_text

    reviewer = Reviewer.open(ctx.home())
    ops.confirm_no_conflict(reviewer, ctx.args.applicant_id)
    ctx.print(grounds_text())
    ctx.print(tr("Confirmed: no conflict of interest with {applicant}. You can score it now.").format(
        applicant=ctx.args.applicant_id))
    return 0


def export_command(ctx: Context) -> int:
    # the return bundle writer: only for sheet export
    from review_model.identity import signing_key
    from review_model.sheets.context import Reviewer
    from review_model.signing.returns import export_returns

    reviewer = Reviewer.open(ctx.home())
    key = signing_key(ctx.home(), ctx.passphrase, person_id=reviewer.expert_id)
    result = export_returns(reviewer, ctx.args.output, key, include_photos=not ctx.args.no_photos)
    ctx.print(tr("Return bundle written to {path}. Applicants: {applicants}; signed revisions: {revisions}; "
                 "declared conflicts: {conflicts}; photos: {photos}.").format(
        path=result.path, revisions=result.revisions, applicants=result.applicants, conflicts=result.conflicts,
        photos=result.photos))
    if result.unsigned:
        ctx.print(tr("Not in the bundle because not signed yet: {applicants}.").format(applicants=", ".join(result.unsigned)))
    return 0
