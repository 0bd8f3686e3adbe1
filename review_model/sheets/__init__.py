"""Score sheets: an expert's scores, comments, vetoes, notes, photos and evidence links per applicant.

context.py  who is scoring (the Reviewer) and the unit of work
ops.py      every edit, one committed transaction each, returning what changed and its undo
view.py     the sheet as plain data: totals, grade, the completeness checklist
photos.py   reduced copies of site photos with their EXIF time
forms.py    the offline score form (CSV/XLSX)
"""
