"""A State Council holiday list for a year the app does not ship, as a clerk might type it into Excel
(名称, 开始, 结束; 调休上班 for a worked weekend day)."""
from __future__ import annotations

from pathlib import Path

HOLIDAYS_2027 = [("元旦", "2027-01-01", "2027-01-03"), ("春节", "2027-02-05", "2027-02-13"),
                 ("清明节", "2027-04-03", "2027-04-05"), ("劳动节", "2027-05-01", "2027-05-05"),
                 ("端午节", "2027-06-09", "2027-06-11"), ("中秋节", "2027-09-15", "2027-09-17"),
                 ("国庆节", "2027-10-01", "2027-10-07"), ("调休上班", "2027-02-14", "")]


def holiday_xlsx(path: Path, rows=HOLIDAYS_2027, header=("名称", "开始", "结束")) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(list(header))
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path
