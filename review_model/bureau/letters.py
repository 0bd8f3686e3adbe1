"""The bureau's official documents, always Chinese: 受理通知书 / 补正材料通知书 per applicant (from the
completeness check), the 公示 notice of the candidate list, and the 报送 letter to the city bureau.

Laid out with the panel documents' parts (chair/pdf_common.build_pdf: the CJK font, 第 x 页 共 y 页,
the heading stroke); dates counted in working days on the round's calendar (calendar.py).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

from ..calendar import WorkCalendar
from ..carriers import OFFICIAL_NAMES
from ..chair.pdf_common import build_pdf, heading, prepare, text_width
from ..chair.words import chinese_day, score_text
from ..dossier.scan_quality import MAX_SKEW_DEGREES, RESCAN_DPI, ScanFinding, ScanProblem
from ..exchange.package_schema import Finding, RoundFile
from ..signing.pdf import BoldLine
from ..signing.pdf_tables import Rows, centre, para, style

WIDTH = text_width(False)
NUMERALS = "一二三四五六七八九十"
PROBLEM_WORDS = {  # what the applicant must do about each finding
    "missing": "未提交，请补充提交",
    "empty": "文件为空，请重新提交",
    "unreadable": "文件无法打开或已损坏，请重新扫描后提交",
    "encrypted": "文件设有打开密码，请提交未加密的文件",
    "extra": "不属于规定申报材料或未按材料名称命名，请按对应材料名称重新命名后提交",
}


def _body(text: str, indent: bool = True) -> object:
    """A paragraph of an official letter: 11 pt, two characters' first-line indent (reportlab drops
    leading full-width spaces, so the indent is the style's)."""
    # reportlab loads only when a document is drawn
    from reportlab.platypus import Paragraph

    look = style(11, leading=20)
    look.firstLineIndent = 22 if indent else 0
    return Paragraph(escape(text), look)


def _signature(bureau: str, day: date) -> list:
    return [Spacer(1, 10 * mm), para(bureau, 11.5, align=TA_RIGHT), para(chinese_day(day), 11.5, align=TA_RIGHT)]


def _title_block(round_file: RoundFile, title: str, number: str) -> list:
    return [Spacer(1, 3 * mm), BoldLine(title, 19, space_after=3 * mm),
            para(number, 10.5, align=TA_CENTER), Spacer(1, 5 * mm)]


# --- 受理 / 补正 --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NoticeFacts:
    applicant_id: str
    name: str
    uscc: str
    carrier_type: str
    acceptance: str  # accepted | correction
    findings: tuple[Finding, ...]
    scans: tuple[ScanFinding, ...] = ()  # unfit scanned pages (scan_quality)


def _pages(pages: list[int]) -> str:
    """第3、5、7页 / 第3至6页: runs of pages as an official letter writes them."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return "第" + "、".join(f"{r[0]}至{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in runs) + "页"


def scan_requests(scans: tuple[ScanFinding, ...]) -> list[tuple[str, str]]:
    """(material, what to correct) for the unfit scanned pages, one row per material and problem."""
    grouped: dict[tuple[str, ScanProblem], list] = {}
    for scan in scans:
        grouped.setdefault((scan.material, scan.problem), []).append(scan)
    rows = []
    for (material, problem), found in grouped.items():
        pages = _pages([f.page for f in found])
        if problem == ScanProblem.LOW_RESOLUTION:
            lowest = round(min(f.value for f in found))
            words = f"{pages}扫描分辨率过低（约{lowest}dpi），字迹不清，请按不低于{RESCAN_DPI}dpi重新扫描后提交"
        elif problem == ScanProblem.BLANK:
            words = f"{pages}为空白页，请核对是否缺页，补齐该页内容后重新扫描提交"
        else:
            most = max(f.value for f in found)
            words = f"{pages}扫描歪斜（约{most:.0f}°，超过{MAX_SKEW_DEGREES:.0f}°），请将材料摆正后重新扫描提交"
        rows.append((material, words))
    return rows


def correction_deadline(calendar: WorkCalendar, issued: date, working_days: int) -> date:
    """The last day to 补正: `working_days` working days counted from the day after the notice."""
    return calendar.working_days_from(issued + timedelta(days=1), working_days)[-1]


def render_notice(round_file: RoundFile, facts: NoticeFacts, issued: date) -> bytes:
    prepare()
    calendar = WorkCalendar.from_years(list(round_file.calendar))
    kind = OFFICIAL_NAMES.get(facts.carrier_type, facts.carrier_type)
    year = round_file.year
    accepted = facts.acceptance == "accepted"
    title = "受理通知书" if accepted else "补正材料通知书"
    number = f"{round_file.district}载体{'受' if accepted else '补'}字〔{year}〕第{facts.applicant_id}号"
    intro = (f"{facts.name}（统一社会信用代码：{facts.uscc}）：")
    received = (f"你单位申报{year}年度{kind}（{round_file.programme}）的申报材料已收悉。")
    story = [*_title_block(round_file, title, number), _body(intro, indent=False), Spacer(1, 1.5 * mm)]
    basis = f"根据{round_file.call_reference}有关规定，" if round_file.call_reference else "根据有关规定，"
    if accepted:
        story.append(_body(f"{received}经审核，申报材料齐全，符合规定形式。{basis}决定予以受理。"
                           "我局将组织专家开展实地考察和评审，请你单位做好相关准备，保持联系方式畅通。"))
    else:
        by = correction_deadline(calendar, issued, round_file.correction_days)
        story.append(_body(f"{received}经审核，申报材料不齐全或者不符合规定形式。{basis}"
                           f"请你单位于{chinese_day(by)}前（自收到本通知之日起{round_file.correction_days}个工作日内）"
                           "按以下要求补正材料："))
        rows = Rows([12 * mm, 62 * mm, WIDTH - 74 * mm], text_col=2)
        rows.add([centre(t, 10.5) for t in ("序号", "材料名称", "补正要求")])
        requests = [(f.material, PROBLEM_WORDS[f.problem]) for f in facts.findings] + scan_requests(facts.scans)
        for index, (material, words) in enumerate(requests, start=1):
            rows.add([centre(str(index), 10.5), para(material, 10.5), para(words, 10.5)])
        story += [Spacer(1, 2 * mm), rows.table(header_rows=1), Spacer(1, 3 * mm),
                  _body("补正材料应为清晰、不缺页、不歪斜并加盖公章的电子扫描件（PDF格式），每个文件按对应材料名称命名。"
                        "逾期未补正或补正后仍不符合要求的，视为放弃申报。")]
    contact = _contact(round_file)
    if contact:
        story.append(_body(f"{contact}"))
    story += _signature(round_file.bureau, issued)
    return build_pdf(story, wide=False, title=f"{title} {facts.name}", author=round_file.bureau,
                     subject=f"reviewdesk-notice {round_file.round_id} {facts.applicant_id} {facts.acceptance}",
                     header_left=round_file.title, header_right=title, footer=f"{round_file.bureau}　{number}")


def _contact(round_file: RoundFile) -> str:
    parts = []
    if round_file.bureau_address:
        parts.append(f"地址：{round_file.bureau_address}")
    if round_file.bureau_phone:
        parts.append(f"联系电话：{round_file.bureau_phone}")
    return "；".join(parts) + "。" if parts else ""


# --- 公示 and 报送 ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    rank: int | None
    name: str
    uscc: str
    score: str
    applicant_id: str = ""


@dataclass(frozen=True)
class PublicityFacts:
    candidates: dict[str, tuple[Candidate, ...]]  # carrier type -> in rank order
    start: date
    end: date
    working_days: int
    report_by: date
    deadline: date
    late: bool


def _window(f: PublicityFacts) -> str:
    return f"{chinese_day(f.start)}至{chinese_day(f.end)}（{f.working_days}个工作日）"


def _candidate_tables(facts: PublicityFacts) -> list:
    story = []
    for index, (carrier_type, chosen) in enumerate(facts.candidates.items()):
        story += [CondPageBreak(35 * mm),
                  heading(f"{NUMERALS[index]}、{OFFICIAL_NAMES.get(carrier_type, carrier_type)}（{len(chosen)}个）", 11.5)]
        if not chosen:
            story.append(para("本类型无拟认定候选单位。", 10.5))
            continue
        rows = Rows([14 * mm, 80 * mm, 50 * mm, WIDTH - 144 * mm], text_col=1)
        rows.add([centre(t, 10.5) for t in ("序号", "申报单位", "统一社会信用代码", "评审得分")])
        for number, c in enumerate(chosen, start=1):
            rows.add([centre(str(number), 10.5), para(c.name, 10.5), centre(c.uscc, 10), centre(c.score, 10.5)])
        story.append(rows.table(header_rows=1))
    return story


def render_publicity(round_file: RoundFile, facts: PublicityFacts) -> bytes:
    prepare()
    total = sum(len(c) for c in facts.candidates.values())
    basis = f"根据{round_file.call_reference}有关规定，" if round_file.call_reference else "根据有关规定，"
    intro = (f"{basis}经单位申报、区人力资源部门受理审核、专家实地考察和评审，{round_file.title}"
             f"拟认定候选单位共{total}个，现予以公示。公示期为{_window(facts)}。")
    how = ("公示期间，任何单位或个人对公示名单有异议的，可以书面形式向" f"{round_file.bureau}反映。"
           "以单位名义反映的须加盖单位公章，以个人名义反映的须署真实姓名并提供有效联系方式；"
           "反映问题应当实事求是、具体明确，并提供必要的证明材料，以便调查核实。")
    where = _contact(round_file)
    story = [Spacer(1, 2 * mm), para(round_file.title, 12.5, align=TA_CENTER), Spacer(1, 2 * mm),
             BoldLine("拟认定候选名单公示", 19, space_after=4 * mm), _body(intro), Spacer(1, 1 * mm),
             *_candidate_tables(facts),
             KeepTogether([Spacer(1, 5 * mm), _body(how), *([_body(f"受理异议{where}")] if where else []),
                           *_signature(round_file.bureau, facts.start)])]
    return build_pdf(story, wide=False, title=f"{round_file.title} 拟认定候选名单公示", author=round_file.bureau,
                     subject=f"reviewdesk-publicity {round_file.round_id}", header_left=round_file.title,
                     header_right="公示", footer=f"公示期：{_window(facts)}")


def objections_settled(objections: list) -> str:
    """How the publicity window ended, in the words the 报送 letter and the final list share."""
    upheld = [o for o in objections if o.verdict == "upheld"]
    if not objections:
        return "公示期间未收到异议。"
    return (f"公示期间共收到异议{len(objections)}件，经调查核实，异议成立{len(upheld)}件、不成立{len(objections) - len(upheld)}件。"
            + "".join(f"经核查，关于{o.applicant_name}的异议成立，取消其拟认定候选资格。" for o in upheld))


def render_report_letter(round_file: RoundFile, facts: PublicityFacts, sent: date, created: datetime,
                         objections: list | None = None) -> bytes:
    """报送函. `facts.candidates` are those reported; `objections`, once the window is over and each is
    settled, say how the publicity ended (None: none recorded when the letter was drafted)."""
    prepare()
    total = sum(len(c) for c in facts.candidates.values())
    year = round_file.year
    number = f"{round_file.district}人社函〔{year}〕　　号"  # the number is given when the letter is registered
    kinds = "、".join(f"{OFFICIAL_NAMES.get(t, t)}{len(c)}个" for t, c in facts.candidates.items())
    meets = sent <= facts.deadline
    deadline_words = (f"本函于{chinese_day(sent)}报送，在{chinese_day(facts.deadline)}的报送期限之前。" if meets else
                      f"按通知要求应于{chinese_day(facts.deadline)}前报送，本函于{chinese_day(sent)}报送，已逾期，特此说明。")
    basis = f"根据《深圳市人力资源和社会保障局关于开展{year}年度终身职业技能培训载体认定工作的通知》（{round_file.call_reference}）要求，" \
        if round_file.call_reference else "根据市人力资源和社会保障局有关通知要求，"
    story = [Spacer(1, 2 * mm), BoldLine(f"关于报送{year}年度{round_file.district}终身职业技能培训载体", 16),
             BoldLine("认定候选名单的函", 16, space_after=3 * mm), para(number, 10.5, align=TA_CENTER), Spacer(1, 5 * mm),
             _body("深圳市人力资源和社会保障局：", indent=False), Spacer(1, 1.5 * mm),
             _body(f"{basis}我局组织开展了{year}年度{round_file.district}终身职业技能培训载体认定申报、受理审核和专家评审工作，"
                   f"拟认定候选名单于{_window(facts)}向社会公示。{objections_settled(objections) if objections is not None else ''}"
                   f"公示期满，确定候选单位{total}个（{kinds}），现将候选名单书面报送你局，请予审核认定。"),
             _body(f"{deadline_words}"),
             _body("附件：" f"{year}年度{round_file.district}终身职业技能培训载体认定候选名单"),
             *_signature(round_file.bureau, sent),
             PageBreak(), heading(f"附件　{year}年度{round_file.district}终身职业技能培训载体认定候选名单", 12),
             *_candidate_tables(facts)]
    if round_file.bureau_phone:
        story += [Spacer(1, 4 * mm), para(f"联系人电话：{round_file.bureau_phone}", 10.5)]
    return build_pdf(story, wide=False, title=f"关于报送{round_file.title}候选名单的函", author=round_file.bureau,
                     subject=f"reviewdesk-report {round_file.round_id}", header_left=round_file.title,
                     header_right="报送函", footer=f"报送期限 {chinese_day(facts.deadline)}"
                     f"{'（按期）' if meets else '（逾期）'}　生成日期 {chinese_day(created.date())}")


def render_final_list(round_file: RoundFile, facts: PublicityFacts, final: dict[str, tuple[Candidate, ...]],
                      objections: list, dated: date) -> bytes:
    """公示结果: the candidates that stay after the window, per carrier type, and how each objection
    was settled (the objectors are not named: the list goes to the city bureau and on file)."""
    prepare()
    total = sum(len(c) for c in final.values())
    intro = (f"{round_file.title}拟认定候选名单已于{_window(facts)}向社会公示。{objections_settled(objections)}"
             f"公示期满，确定认定候选单位共{total}个，名单如下。")
    story = [Spacer(1, 2 * mm), para(round_file.title, 12.5, align=TA_CENTER), Spacer(1, 2 * mm),
             BoldLine("认定候选名单（公示结果）", 19, space_after=4 * mm), _body(intro), Spacer(1, 1 * mm),
             *_candidate_tables(replace(facts, candidates=final))]
    if objections:
        rows = Rows([12 * mm, 26 * mm, 50 * mm, 20 * mm, WIDTH - 108 * mm], text_col=4)
        rows.add([centre(t, 10.5) for t in ("序号", "收到日期", "涉及单位", "结论", "理由")])
        for index, o in enumerate(objections, start=1):
            rows.add([centre(str(index), 10.5), centre(chinese_day(o.received), 9.5), para(o.applicant_name, 10),
                      centre("成立" if o.verdict == "upheld" else "不成立", 10.5), para(o.reason, 10)])
        story += [CondPageBreak(40 * mm), heading("公示期间异议处理情况", 11.5), rows.table(header_rows=1)]
    story += _signature(round_file.bureau, dated)
    return build_pdf(story, wide=False, title=f"{round_file.title} 认定候选名单（公示结果）", author=round_file.bureau,
                     subject=f"reviewdesk-final-list {round_file.round_id}", header_left=round_file.title,
                     header_right="公示结果", footer=f"公示期：{_window(facts)}　{round_file.bureau}")


def candidate_score(value, decimals: int) -> str:
    return score_text(value, decimals)
