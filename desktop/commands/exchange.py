"""reviewdesk package build | verify | import

The domain is imported inside each command: building the parser (`--help`) stays cheap, and
`verify` loads neither the store's PDF renderer nor the document libraries (issue 10).
"""
from __future__ import annotations

import sys
from pathlib import Path

from ui.labels import ACCEPTANCE, CARRIER_TYPES, EXCHANGE_KINDS, FINDINGS, ROLES, label, scan_label
from ui.text import tr

from .context import Context


def register(commands) -> None:
    package = commands.add_parser("package", help=tr("build a review package (bureau)"))
    sub = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    build = sub.add_parser("build", help=tr("check the dossiers and build the signed package"))
    build.add_argument("spec_dir", type=Path, metavar="SPEC_DIR",
                       help=tr("the package sources: round.json, applicants.csv, experts.csv, dossiers/, identities/"))
    build.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.rvpkg",
                       help=tr("where to write the signed package"))
    build.add_argument("--intake-cert", type=Path, metavar="CERT.pem",
                       help=tr("the intake's TLS certificate: the package pins it, and the experts' apps trust no other"))
    build.add_argument("--ocr", action="store_true",
                       help=tr("read every scanned page here and ship the text in the package, so the experts' apps need not"))
    build.set_defaults(handler=build_command)

    verify = commands.add_parser("verify", help=tr("verify any exchange file"))
    verify.add_argument("file", type=Path, metavar="FILE",
                        help=tr("the file to check: a package (.rvpkg), return bundle (.rvret) or result (.rvres)"))
    verify.add_argument("--package", type=Path, metavar="PKG.rvpkg", help=tr("the round's package, to check who signed"))
    verify.add_argument("--trust", type=Path, action="append", default=[], metavar="FILE.pub",
                        help=tr("a trusted public identity file (may be given more than once)"))
    verify.add_argument("--returns", type=Path, action="append", default=[], metavar="RET.rvret|DIR",
                        help=tr("the experts' return bundles, to compute a panel result again from their sheets"))
    verify.set_defaults(handler=verify_command)

    imp = commands.add_parser("import", help=tr("import a review package into this workspace"))
    imp.add_argument("file", type=Path, metavar="FILE.rvpkg", help=tr("the review package from the bureau"))
    imp.add_argument("--trust-bureau", metavar="FINGERPRINT",
                     help=tr("the bureau's fingerprint, as confirmed with the bureau (first import)"))
    imp.set_defaults(handler=import_command)


def build_command(ctx: Context) -> int:
    # the package builder (PyMuPDF's checks): only for package build
    from review_model.exchange.package_build import build_package
    from review_model.identity import require_identity, signing_key

    home = ctx.home()
    identity = require_identity(home)
    key = signing_key(home, ctx.passphrase, person_id="")
    ocr_report: list = []
    progress = None
    if ctx.args.ocr:
        def progress(done: int, total: int) -> None:  # the build's own scale: the checks, then the scans
            print(tr("Building the package with OCR: {percent}%").format(percent=done * 100 // max(total, 1)),
                  file=sys.stderr, flush=True)

    report, digest = build_package(ctx.args.spec_dir, ctx.args.output, key, progress, intake_cert=ctx.args.intake_cert,
                                   ocr=ctx.args.ocr, ocr_report=ocr_report)
    ctx.print(tr("Completeness report (受理 accepted / 补正 to be corrected):"))
    for entry in report:
        ctx.print(f"  {entry.applicant_id}  {entry.name}  [{label(CARRIER_TYPES, entry.carrier_type)}]  "
                  f"{label(ACCEPTANCE, entry.acceptance)}")
        for finding in entry.findings:
            ctx.print(f"      - {finding.material}: {label(FINDINGS, finding.problem)}")
        for scan in entry.scans:
            ctx.print(f"      - {scan.material}: {scan_label(scan)}")
    accepted = sum(1 for e in report if e.acceptance == "accepted")
    ctx.print(tr("{accepted} of {total} applicants accepted, {correction} to be corrected.").format(
        accepted=accepted, total=len(report), correction=len(report) - accepted))
    for done in ocr_report:
        ctx.print(tr("OCR: {read} of {scanned} scanned pages read and shipped in the package ({failed} failed, left to the "
                     "experts' apps), {seconds:.1f} s.").format(read=done.pages_read, scanned=done.scanned_pages,
                                                                failed=done.failed, seconds=done.seconds))
    ctx.print(tr("Package written to {path}, signed by {name}, fingerprint {fingerprint}.").format(
        path=ctx.args.output, name=identity.name, fingerprint=identity.fingerprint))
    return 0


def verify_command(ctx: Context) -> int:
    # the verifier: loaded when the command runs, not for --help
    from review_model.verification import verify_file

    report = verify_file(ctx.args.file, ctx.args.package, ctx.args.trust, ctx.args.returns)
    ctx.print(tr("Valid {kind} of round {round}: {members} members, signed by {name} ({role}), fingerprint {fingerprint}.").format(
        kind=label(EXCHANGE_KINDS, report.kind), round=report.round_id, members=report.members, name=report.signer_name,
        role=label(ROLES, report.signer_role), fingerprint=report.fingerprint))
    if report.recomputed is not None and ctx.args.returns:
        done = (tr("Computed again from the return bundles: {done} of {total} applicants agree.")
                if report.recomputed == report.applicants else
                tr("Computed again from the return bundles: {done} of {total} applicants agree; for the others not "
                   "every counted sheet was among the bundles given."))
        ctx.print(done.format(done=report.recomputed, total=report.applicants))
    return 0


def import_command(ctx: Context) -> int:
    # the importer (the store, PyMuPDF's checks): only for import
    from review_model.importer import import_package

    result = import_package(ctx.home(), ctx.args.file, trust_bureau=ctx.args.trust_bureau)
    if result.already_imported:
        ctx.print(tr("This package is already imported; nothing changed."))
    else:
        ctx.print(tr("Imported round {round}: {applicants} applicants, {materials} materials.").format(
            round=result.round_id, applicants=result.applicants, materials=result.materials))
    return 0
