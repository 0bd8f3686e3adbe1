"""reviewdesk demo --out DIR"""
from __future__ import annotations

from pathlib import Path

from review_model.errors import Code, Problem
from ui.text import tr

from .context import Context


def register(commands) -> None:
    demo = commands.add_parser("demo", help=tr("write a complete demo round"))
    demo.add_argument("--out", required=True, type=Path, metavar="DIR",
                      help=tr("an empty or new folder for the round: spec/, identities/, round.rvpkg, homes/"))
    demo.set_defaults(handler=demo_command)


def demo_command(ctx: Context) -> int:
    # the demo writer (PDFs, the round's packages): only for demo
    from review_model.demo.round import write_demo

    from .sync import demo_intake, open_demo_round

    out: Path = ctx.args.out
    try:
        if out.is_file():
            raise Problem(Code.FILE_WRITE_FAILED, path=str(out), detail=tr("it is a file, not a folder"))
        if out.exists() and any(out.iterdir()):
            raise Problem(Code.FILE_WRITE_FAILED, path=str(out), detail=tr("the folder is not empty"))
        result = write_demo(out, intake=demo_intake)
        open_demo_round(out / "intake", result.package)
    except OSError as exc:  # e.g. --out /dev/null/x, a read-only or full disk
        raise Problem(Code.FILE_WRITE_FAILED, path=str(out), detail=exc.strerror or str(exc)) from None
    ctx.print(tr("Demo round written to {path}: package {package}, homes for {people}.").format(
        path=out, package=result.package, people=", ".join(sorted(result.homes))))
    return 0
