"""reviewdesk bureau rubric export|import, bureau notices, bureau publish (SPEC: the bureau's desk).

The domain (review_model/bureau/) is imported inside each command: only bureau commands load it.
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ui.labels import ACCEPTANCE, CARRIER_TYPES, label
from ui.text import tr

from .context import Context


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not a date (YYYY-MM-DD): {value}").format(value=text)) from None


def register(commands) -> None:
    bureau = commands.add_parser("bureau", help=tr("the bureau's desk: rubric workbooks, notices, publicity"))
    actions = bureau.add_subparsers(dest="bureau_command", metavar="ACTION", required=True)

    rubric = actions.add_parser("rubric", help=tr("the district's rubric as a spreadsheet and back"))
    rubric_actions = rubric.add_subparsers(dest="rubric_command", metavar="ACTION", required=True)
    export = rubric_actions.add_parser("export", help=tr("write a carrier type's rubric as an XLSX workbook"))
    export.add_argument("carrier_type", choices=sorted(CARRIER_TYPES), metavar="CARRIER_TYPE",
                        help=tr("training_base, master_studio, rural_station or chain_leader"))
    export.add_argument("-o", "--output", required=True, type=Path, help=tr("the workbook to write (.xlsx)"))
    export.set_defaults(handler=rubric_export_command)
    imp = rubric_actions.add_parser("import", help=tr("check an edited rubric workbook and write the rubric JSON"))
    imp.add_argument("workbook", type=Path, metavar="RUBRIC.xlsx", help=tr("the edited workbook"))
    imp.add_argument("-o", "--output", required=True, type=Path, help=tr("the rubric file to write (.json)"))
    imp.set_defaults(handler=rubric_import_command)

    notices = actions.add_parser("notices", help=tr("one acceptance or correction notice (PDF) per applicant"))
    notices.add_argument("spec_dir", type=Path, metavar="SPEC_DIR", help=tr("the package's spec folder"))
    notices.add_argument("-o", "--output", required=True, type=Path, help=tr("the folder for the notices"))
    notices.add_argument("--date", type=_day, help=tr("the notices' date (default: today)"))
    notices.set_defaults(handler=notices_command)

    publish = actions.add_parser("publish", help=tr("verify the chair's result, then write the publicity notice and the report letter"))
    publish.add_argument("result", type=Path, metavar="RESULT.rvres", help=tr("the chair's signed panel result"))
    publish.add_argument("--package", required=True, type=Path, help=tr("the round's package"))
    publish.add_argument("-o", "--output", required=True, type=Path, help=tr("the folder for the documents"))
    publish.add_argument("--date", type=_day, help=tr("the report letter's date (default: the first working day after the publicity)"))
    publish.set_defaults(handler=publish_command)


def rubric_export_command(ctx: Context) -> int:
    from review_model.bureau.rubric_sheet import export_rubric_xlsx
    from review_model.rubric import shipped_rubrics

    rubric = shipped_rubrics()[ctx.args.carrier_type]
    export_rubric_xlsx(rubric, ctx.args.output)
    ctx.print(tr("Rubric {title} (version {version}) written to {path}.").format(
        title=rubric.title, version=rubric.version, path=ctx.args.output))
    return 0


def rubric_import_command(ctx: Context) -> int:
    from review_model.bureau.desk import rubric_changes
    from review_model.bureau.rubric_sheet import read_rubric_xlsx, rubric_json_bytes
    from review_model.rubric import shipped_rubrics
    from review_model.store.blobs import write_durably

    rubric = read_rubric_xlsx(ctx.args.workbook)
    write_durably(ctx.args.output, rubric_json_bytes(rubric))
    changes = rubric_changes(shipped_rubrics()[rubric.carrier_type], rubric)
    ctx.print(tr("Rubric {title} (version {version}) written to {path}; {count} changes from the city's template.").format(
        title=rubric.title, version=rubric.version, path=ctx.args.output, count=len(changes)))
    for change in changes:
        ctx.print(f"  {change.code}  {change.what}: {change.city} → {change.district}")
    return 0


def notices_command(ctx: Context) -> int:
    from review_model.bureau.publish import write_notices

    written = write_notices(ctx.args.spec_dir, ctx.args.output, ctx.args.date)
    for notice in written:
        ctx.print(f"  {notice.applicant_id}  {label(ACCEPTANCE, notice.acceptance)}  {notice.path}")
    accepted = sum(1 for n in written if n.acceptance == "accepted")
    ctx.print(tr("{total} notices written: {accepted} accepted, {correction} to be corrected.").format(
        total=len(written), accepted=accepted, correction=len(written) - accepted))
    return 0


def publish_command(ctx: Context) -> int:
    from review_model.bureau.publish import publish

    done = publish(ctx.args.result, ctx.args.package, ctx.args.output, ctx.args.date)
    ctx.print(tr("Publicity notice: {path} ({count} candidates, {start} to {end}).").format(
        path=done.publicity, count=done.candidates, start=done.window[0].isoformat(), end=done.window[1].isoformat()))
    ctx.print(tr("Report letter: {path}, dated {sent}; the deadline {deadline} is {state}.").format(
        path=done.report_letter, sent=done.sent.isoformat(), deadline=done.deadline.isoformat(),
        state=tr("missed") if done.late else tr("met")))
    return 0
