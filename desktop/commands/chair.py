"""reviewdesk chair compile PKG.rvpkg RET.rvret… -o OUTDIR [--publicity-start YYYY-MM-DD] [--allow-incomplete]

Non-interactive: imports the return bundles into this (the chair's) home, compiles, writes the
panel summary, the candidate list, the XLSX and the signed result.rvres to OUTDIR. Every bundle is
reported; an invalid one is left out (the others go on) and the assignments still missing are
listed. Exit 1 with the first reason when the result cannot be signed (e.g. a changed score
without a permitted reason), and while score sheets are missing unless --allow-incomplete says to
sign without them (the result records it). The publicity window starts by default on the first
working day after the package's review deadline.
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ui.labels import CARRIER_TYPES, label
from ui.messages import describe
from ui.text import tr

from .context import Context

# The chair's domain (and ui.chair.labels, which reads its flags) is imported inside the functions:
# it loads the store, the PDF and the spreadsheet libraries, and `reviewdesk --help` must not (issue 10).
if TYPE_CHECKING:
    from review_model.chair.compile import Compilation
    from review_model.chair.intake import IntakeReport


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not a date (YYYY-MM-DD): {value}").format(value=text)) from None


def register(commands) -> None:
    chair = commands.add_parser("chair", help=tr("the chair's desk: compile and sign the panel result"))
    actions = chair.add_subparsers(dest="chair_command", metavar="ACTION", required=True)
    chair.reviewdesk_actions = actions  # `chair pull` is sync.py's
    compile_ = actions.add_parser("compile", help=tr("verify the return bundles, compile the scores, sign the result"))
    compile_.add_argument("package", type=Path, metavar="PKG.rvpkg", help=tr("the round's review package"))
    # none after `chair pull`: the bundles it fetched are already in the chair's home
    compile_.add_argument("returns", type=Path, nargs="*", metavar="RET.rvret",
                          help=tr("return bundles (.rvret) or folders holding them"))
    compile_.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR",
                          help=tr("the folder for the panel summary, candidate list, workbook and signed result"))
    compile_.add_argument("--publicity-start", type=_day, metavar="YYYY-MM-DD",
                          help=tr("first day of the publicity period (default: the first working day after the review deadline)"))
    compile_.add_argument("--allow-incomplete", action="store_true",
                          help=tr("sign even though some score sheets have not arrived (recorded in the result)"))
    compile_.set_defaults(handler=compile_command)


def _print_intake(ctx: Context, report: IntakeReport, names: dict[str, str]) -> None:
    # the chair's modules: loaded when a chair command runs, not for --help
    from review_model.chair.states import BundleStatus

    for outcome in report.outcomes:
        who = f"{outcome.expert_id} {names.get(outcome.expert_id or '', '')}".strip()
        if outcome.status is BundleStatus.INVALID:
            ctx.print(tr("  ✗ {file}: refused, left out: {reason}").format(file=outcome.path.name,
                                                                          reason=describe(outcome.problem)))
        elif outcome.status is BundleStatus.ALREADY:
            ctx.print(tr("  = {file}: {expert}, already imported; nothing changed").format(file=outcome.path.name,
                                                                                       expert=who))
        else:
            ctx.print(tr("  ✓ {file}: {expert}, {revisions} signed revisions ({new} new)").format(
                file=outcome.path.name, expert=who, revisions=outcome.revisions, new=outcome.new_revisions))


def _print_compilation(ctx: Context, comp: Compilation) -> None:
    # the chair's modules: loaded when a chair command runs, not for --help
    from review_model.chair.states import SheetStatus
    from ui.chair.labels import flags_text, sheets_label

    names = {m.expert_id: m.name for m in comp.members}
    applicants = {a.applicant_id: a.name for a in comp.applicants}
    for expert_id, applicant_id in comp.missing:
        ctx.print(tr("  missing: {expert} {name} has sent no sheet for {applicant} {applicant_name}; left out of the count")
                  .format(expert=expert_id, name=names[expert_id], applicant=applicant_id,
                          applicant_name=applicants[applicant_id]))
    for a in comp.applicants:
        for column in a.experts:
            if column.status is SheetStatus.CONFLICT:
                ctx.print(tr("  conflict: {expert} {name} declared a conflict with {applicant}; left out of the count")
                          .format(expert=column.expert_id, name=names[column.expert_id], applicant=a.applicant_id))
    for carrier_type in comp.carrier_types():
        ctx.print(tr("{carrier_type} (quota {quota}):").format(carrier_type=label(CARRIER_TYPES, carrier_type),
                                                                quota=comp.quotas.get(carrier_type, 0)))
        for a in comp.of_type(carrier_type):
            rank = str(a.result.rank) if a.result.rank else "—"
            final = format(a.result.final_score, "f") if a.result.final_score is not None else "—"
            final += f" ({sheets_label(a.result)})" if a.result.incomplete else ""
            mark = tr("candidate") if a.result.recommended else ""
            flags = flags_text(a.result.flags, names)
            ctx.print(f"  {rank:>3}  {a.applicant_id}  {a.name}  {final}  {mark}" + (f"  [{flags}]" if flags else ""))
    if comp.window is not None:
        w = comp.window
        ctx.print(tr("Publicity: {start} to {end} ({days} working days); the list can be sent on {report_by}, "
                     "deadline {deadline}.").format(start=w.start, end=w.end, days=len(w.days), report_by=w.report_by,
                                                    deadline=w.deadline))
        if w.late:
            ctx.print(tr("Warning: after the publicity period the list reaches the bureau after the deadline "
                         "{deadline}. Choose an earlier start (--publicity-start).").format(deadline=w.deadline))


def compile_command(ctx: Context) -> int:
    # the compiler and the PDF/XLSX writers: only for chair compile
    from review_model.chair.compile import compile_panel
    from review_model.chair.intake import require_chair
    from review_model.chair.receive import receive_returns
    from review_model.chair.result import check_complete, write_result
    from review_model.identity import signing_key

    home = ctx.home()
    chair = require_chair(home)
    ctx.print(tr("Return bundles:"))
    report = receive_returns(home, ctx.args.returns, ctx.args.package)
    comp = compile_panel(home, ctx.args.publicity_start)
    _print_intake(ctx, report, {m.expert_id: m.name for m in comp.members})
    ctx.print(tr("{bundles} bundles received in all; {invalid} refused now.").format(
        bundles=len(comp.inputs), invalid=len(report.invalid)))
    _print_compilation(ctx, comp)
    if comp.blockers:
        raise comp.blockers[0]
    check_complete(comp, ctx.args.allow_incomplete)  # the missing sheets are listed above
    key = signing_key(home, ctx.passphrase, person_id=chair.expert_id)
    written = write_result(home, comp, ctx.args.output, key, allow_incomplete=ctx.args.allow_incomplete)
    ctx.print(tr("Panel result signed by {name}: {path} ({candidates} candidates), with the panel summary, the candidate "
                 "list and the score workbook in {folder}.").format(name=chair.name, path=written.files[-1],
                                                                   candidates=written.candidates, folder=written.outdir))
    return 0
