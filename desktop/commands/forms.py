"""reviewdesk sheet export-form | import-form: the offline score form (CSV with BOM, or XLSX).

The domain is imported inside each command, so that building the parser (`--help`) stays cheap.
"""
from __future__ import annotations

from pathlib import Path

from ui.text import tr

from .context import Context
from .sheets import sheet_actions


def register(commands) -> None:
    actions = sheet_actions(commands)
    export = actions.add_parser("export-form", help=tr("write the offline score form for one applicant"))
    export.add_argument("applicant_id", metavar="APPLICANT_ID", help=tr("the applicant, e.g. A01"))
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FORM", help=tr("FORM.csv or FORM.xlsx"))
    export.set_defaults(handler=export_form_command)
    imp = actions.add_parser("import-form", help=tr("fill the draft from a form; all or nothing"))
    imp.add_argument("applicant_id", metavar="APPLICANT_ID", help=tr("the applicant, e.g. A01"))
    imp.add_argument("form", type=Path, metavar="FORM", help=tr("the filled-in form (.csv or .xlsx)"))
    imp.add_argument("--overwrite", action="store_true",
                     help=tr("import even though the sheet changed in the app after the form was exported"))
    imp.set_defaults(handler=import_form_command)


def export_form_command(ctx: Context) -> int:
    # the form writer loads openpyxl: only for export-form
    from review_model.sheets.context import Reviewer
    from review_model.sheets.forms import export_form

    reviewer = Reviewer.open(ctx.home())
    export_form(reviewer, ctx.args.applicant_id, ctx.args.output)
    ctx.print(tr("Form written to {path}. Fill it in, then: reviewdesk sheet import-form {applicant} {path}")
              .format(path=ctx.args.output, applicant=ctx.args.applicant_id))
    return 0


def import_form_command(ctx: Context) -> int:
    # the form reader loads openpyxl: only for import-form
    from review_model.sheets.context import Reviewer
    from review_model.sheets.forms import import_form
    from review_model.sheets.view import sheet_view

    reviewer = Reviewer.open(ctx.home())
    import_form(reviewer, ctx.args.applicant_id, ctx.args.form, overwrite=ctx.args.overwrite)

    view = sheet_view(reviewer, ctx.args.applicant_id)
    ctx.print(tr("Form imported into the draft of {applicant}: total {total}; {missing} things left before signing.")
              .format(applicant=ctx.args.applicant_id, total=view.total, missing=len(view.checklist)))
    if view.checklist:  # what is left, in the words of the workspace's to-do list
        # the to-do words: only when something is left
        from ui.sheet_labels import checklist_text

        titles = {i.code: i.title for i in view.rubric.scored_items} | {v.code: v.title for v in view.rubric.vetoes}
        entries = tuple((e.kind, e.code) for e in view.checklist)
        ctx.print(tr("Still to do: {checklist}.").format(checklist=checklist_text(entries, len(entries), titles)))
    return 0
