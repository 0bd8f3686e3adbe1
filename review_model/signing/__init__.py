"""Signed score sheets and the return bundle that carries them to the chair and the bureau.

document.py   the signed sheet JSON (reviewdesk-sheet/1): built from a revision, canonical bytes, parsed back
pdf.py        the PDF score sheet (评分表) drawn from a sheet document (its tables: pdf_tables.py)
sign.py       sign_sheet: freeze the latest draft, write its JSON and PDF, sign, store in one transaction
returns.py    export_returns: every signed revision of this home as one signed .rvret
bundle.py     read_return_bundle: a .rvret verified against its package (also `reviewdesk verify`)
checks.py     the rules a signed sheet must meet against the package's rubric and assignments
"""
