"""The expert's workspace: the dossier beside the rubric, scores, notes, photos, evidence links.

editor.py        SheetEditor: applies domain edits, keeps the undo stack, announces changes
item_row.py      one rubric item: score, comment, method, links, notes
rubric_panel.py  the rubric: sections, items, bonus, vetoes, totals, opinion
details.py       the current item's rule, notes, photos and evidence links
conflict.py      the conflict-of-interest (回避) question
checklist.py     what still stands between the draft and signing
workspace.py     everything composed for one applicant
"""
