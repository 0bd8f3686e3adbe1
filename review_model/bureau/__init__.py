"""The bureau's desk (区人力资源局): a round set up in the bureau's home, saved as it is made, and
built into a package by the one package writer (exchange/package_build.py).

records.py   the desk's tables (migration 0004)
desk.py      the round, the rubric and calendar choices, what the desk holds (reads)
portal.py    the applicant list the portal exports (XLSX / CSV in UTF-8 or GBK), columns mapped once
dossiers.py  materials from a folder per applicant or a bookmarked binder PDF; originals kept
experts.py   enrolment from .pub files, and conflict warnings against the applicants
spec.py      the desk's data as a spec folder, then `build_package`
rubric_sheet.py  the rubric as a spreadsheet and back, every bad cell named
notices.py   受理通知书 / 补正材料通知书;  publish.py  公示 notice and 报送 letter
"""
