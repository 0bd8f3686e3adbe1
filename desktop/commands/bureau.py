"""reviewdesk bureau rubric export|import, bureau notices, bureau publish (SPEC: the bureau's desk).

The domain (review_model/bureau/) is imported inside each command: only bureau commands load it.
"""
from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from ui.labels import ACCEPTANCE, CARRIER_TYPES, VERDICTS, label
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

    # 公示: objections as they come in, their findings, then the final list (all in the home's audit log)
    objection = actions.add_parser("objection", help=tr("record objections received during the publicity"))
    objection_actions = objection.add_subparsers(dest="objection_command", metavar="ACTION", required=True)
    add = objection_actions.add_parser("add", help=tr("record an objection to a published candidate"))
    add.add_argument("result", type=Path, metavar="RESULT.rvres", help=tr("the chair's signed panel result"))
    add.add_argument("--package", required=True, type=Path, help=tr("the round's package"))
    add.add_argument("--applicant", required=True, metavar="APPLICANT_ID", help=tr("the candidate it is about"))
    add.add_argument("--received", required=True, type=_day, help=tr("the day it reached the bureau (YYYY-MM-DD)"))
    add.add_argument("--by", required=True, help=tr("who raised it: the unit, or the person's real name and contact"))
    add.add_argument("--about", default="", help=tr("what it says"))
    add.set_defaults(handler=objection_add_command)
    decide = objection_actions.add_parser("decide", help=tr("record the finding on an objection, with its reason"))
    decide.add_argument("number", type=int, metavar="NUMBER", help=tr("the objection's number (bureau objection list)"))
    finding = decide.add_mutually_exclusive_group(required=True)
    finding.add_argument("--upheld", dest="verdict", action="store_const", const="upheld",
                         help=tr("成立: the candidate leaves the final list"))
    finding.add_argument("--not-upheld", dest="verdict", action="store_const", const="rejected",
                         help=tr("不成立: the candidate stays"))
    decide.add_argument("--reason", required=True, help=tr("what the bureau found"))
    decide.set_defaults(handler=objection_decide_command)
    listing = objection_actions.add_parser("list", help=tr("every objection recorded and its finding"))
    listing.add_argument("--json", action="store_true", help=tr("print one JSON list"))
    listing.set_defaults(handler=objection_list_command)

    final = actions.add_parser("final-list", help=tr("after the publicity: write the final candidate list and the report letter for it (PDF)"))
    final.add_argument("result", type=Path, metavar="RESULT.rvres", help=tr("the chair's signed panel result"))
    final.add_argument("--package", required=True, type=Path, help=tr("the round's package"))
    final.add_argument("-o", "--output", required=True, type=Path, help=tr("the folder for the documents"))
    final.add_argument("--date", type=_day, help=tr("the list's date (default: the first working day after the publicity)"))
    final.set_defaults(handler=final_list_command)


def rubric_export_command(ctx: Context) -> int:
    # the bureau's modules (the store, openpyxl): loaded when a bureau command runs, not for --help
    from review_model.bureau.rubric_sheet import export_rubric_xlsx
    from review_model.rubric import shipped_rubrics

    rubric = shipped_rubrics()[ctx.args.carrier_type]
    export_rubric_xlsx(rubric, ctx.args.output)
    ctx.print(tr("Rubric {title} (version {version}) written to {path}.").format(
        title=rubric.title, version=rubric.version, path=ctx.args.output))
    return 0


def rubric_import_command(ctx: Context) -> int:
    # the bureau's modules (the store, openpyxl): loaded when a bureau command runs, not for --help
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
    # the bureau's modules (the store, reportlab): loaded when a bureau command runs, not for --help
    from review_model.bureau.publish import write_notices

    written = write_notices(ctx.args.spec_dir, ctx.args.output, ctx.args.date)
    for notice in written:
        ctx.print(f"  {notice.applicant_id}  {label(ACCEPTANCE, notice.acceptance)}  {notice.path}")
    accepted = sum(1 for n in written if n.acceptance == "accepted")
    ctx.print(tr("{total} notices written: {accepted} accepted, {correction} to be corrected.").format(
        total=len(written), accepted=accepted, correction=len(written) - accepted))
    return 0


def publish_command(ctx: Context) -> int:
    # the bureau's modules (the store, reportlab): loaded when a bureau command runs, not for --help
    from review_model.bureau.publish import publish

    done = publish(ctx.args.result, ctx.args.package, ctx.args.output, ctx.args.date)
    ctx.print(tr("Publicity notice: {path} ({count} candidates, {start} to {end}).").format(
        path=done.publicity, count=done.candidates, start=done.window[0].isoformat(), end=done.window[1].isoformat()))
    ctx.print(tr("Report letter: {path}, dated {sent}; the deadline {deadline} is {state}.").format(
        path=done.report_letter, sent=done.sent.isoformat(), deadline=done.deadline.isoformat(),
        state=tr("missed") if done.late else tr("met")))
    return 0


def objection_add_command(ctx: Context) -> int:
    # the bureau's modules (the store, reportlab): loaded when a bureau command runs, not for --help
    from review_model.bureau.publish import record_objection

    a = ctx.args
    done = record_objection(ctx.home(), a.result, a.package, applicant_id=a.applicant, received=a.received,
                            objector=a.by, summary=a.about)
    ctx.print(tr("Objection {number} about {applicant} ({name}) recorded, received {received}; decide it with "
                 "`bureau objection decide {number}`.").format(number=done.number, applicant=done.applicant_id,
                                                             name=done.applicant_name, received=done.received.isoformat()))
    return 0


def objection_decide_command(ctx: Context) -> int:
    # the bureau's modules (the store, reportlab): loaded when a bureau command runs, not for --help
    from review_model.bureau.publish import ObjectionVerdict, decide_objection

    done = decide_objection(ctx.home(), ctx.args.number, ObjectionVerdict(ctx.args.verdict), ctx.args.reason)
    ctx.print(tr("Objection {number} about {name}: {verdict}.").format(
        number=done.number, name=done.applicant_name, verdict=label(VERDICTS, done.verdict)))
    return 0


def objection_list_command(ctx: Context) -> int:
    # the bureau's modules (the store, reportlab): loaded when a bureau command runs, not for --help
    from review_model.bureau.publish import list_objections

    rows = list_objections(ctx.home())
    if ctx.args.json:
        ctx.print(json.dumps([{"number": o.number, "received": o.received.isoformat(), "objector": o.objector,
                               "applicant_id": o.applicant_id, "applicant_name": o.applicant_name, "about": o.summary,
                               "verdict": o.verdict.value, "reason": o.reason} for o in rows], ensure_ascii=False))
        return 0
    for o in rows:
        ctx.print(f"  {o.number}  {o.received.isoformat()}  {o.applicant_id} {o.applicant_name}  {o.objector}  "
                  f"{label(VERDICTS, o.verdict)}  {o.reason}")
    ctx.print(tr("{count} objections.").format(count=len(rows)))
    return 0


def final_list_command(ctx: Context) -> int:
    # the bureau's modules (the store, reportlab): loaded when a bureau command runs, not for --help
    from review_model.bureau.publish import write_final_list

    done = write_final_list(ctx.home(), ctx.args.result, ctx.args.package, ctx.args.output, ctx.args.date)
    ctx.print(tr("Final list: {path}, dated {date}: {count} candidates, {removed} removed by upheld objections; "
                 "the report letter for it: {letter}.").format(
        path=done.path, date=done.dated.isoformat(), count=sum(len(c) for c in done.candidates.values()),
        removed=len(done.removed), letter=done.letter))
    return 0
