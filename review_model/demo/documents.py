"""Single-sheet documents of a dossier, drawn on a Canvas: cover, licences and certificates, ID card copy,
sign-in sheet, red-header notice, sign-off and signature pages, property certificate, textbook cover.

Each function draws one sheet; the caller decides whether it becomes a text page or a scan.
"""
from __future__ import annotations

import random
import zlib

from . import corpus as C
from .pages import BLACK, GREY, INK, RED, Canvas, seal_png, text_width, wrap

BROWN = (0.62, 0.33, 0.14)
BLUE = (0.12, 0.25, 0.5)


def seal(cv: Canvas, cx: float, cy: float, name: str, variant: int = 0, r: float = 58, middle: str = "") -> None:
    """The unit's round seal; a unit has one seal (one 13-digit code), impressions differ a little (3 variants)."""
    code = f"4403{zlib.crc32(name.encode()) % 10**9:09d}"
    cv.image((cx - r, cy - r, cx + r, cy + r), seal_png(name, variant % 3, middle, code))


def hand_date(cv: Canvas, x: float, y: float, text: str, rng: random.Random, size: float = 12) -> None:
    """A date filled in by pen: blue-black, slightly uneven baseline."""
    for ch in text:
        cv.text(x, y + rng.uniform(-1.2, 1.2), ch, size + rng.uniform(-0.8, 0.8), color=INK)
        x += size * (1.0 if not ch.isascii() else 0.62) + rng.uniform(-0.5, 0.8)


def field_lines(cv: Canvas, x: float, y: float, w: float, fields: list[tuple[str, str]], size: float = 12,
                label_w: float = 110, gap: float = 1.9) -> float:
    for label, value in fields:
        cv.text(x, y, label, size, align="r", width=label_w)
        lines = wrap(value, w - label_w - 6, size) or [""]
        for i, s in enumerate(lines):
            cv.text(x + label_w + 6, y + i * size * 1.5, s, size)
        y += size * 1.5 * (len(lines) - 1) + size * gap
    return y


def cover(cv: Canvas, top: str, material: str, fields: list[tuple[str, str]], date: str = "二〇二六年六月") -> None:
    w, h = cv.rect.width, cv.rect.height
    cv.text(0, 150, top, 15, align="c", width=w)
    cv.text(0, 215, "申 报 材 料", 30, bold=True, align="c", width=w)
    cv.line(90, 290, w - 90, 290, width=1.6)
    cv.line(90, 294, w - 90, 294, width=0.5)
    lines = wrap(material, w - 200, 24)
    y = 360 - (len(lines) - 1) * 16
    for s in lines:
        cv.text(0, y, s, 24, bold=True, align="c", width=w)
        y += 36
    cv.line(90, 420, w - 90, 420, width=0.5)
    cv.line(90, 424, w - 90, 424, width=1.6)
    y = 520
    for label, value in fields:
        cv.text(95, y, label, 13.5, align="r", width=105)
        for i, s in enumerate(wrap(value, 300, 13.5)):
            cv.text(210, y + i * 20, s, 13.5)
            cv.line(206, y + 5 + i * 20, w - 95, y + 5 + i * 20, width=0.5)
        y += 20 * max(1, len(wrap(value, 300, 13.5))) + 18
    cv.text(0, h - 90, date, 14, align="c", width=w)


def _emblem(cv: Canvas, cx: float, cy: float, r: float = 24) -> None:
    cv.circle((cx, cy), r, width=1.5, color=(0.85, 0.65, 0.1), fill=RED)
    cv.circle((cx, cy), r * 0.72, width=0.8, color=(0.95, 0.8, 0.2))
    cv.text(cx - r * 0.32, cy + r * 0.2, "★", r * 0.7, color=(0.98, 0.85, 0.2))


def _qr(cv: Canvas, x: float, y: float, size: float, rng: random.Random, n: int = 25) -> None:
    m = size / n
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        cv.box((x + fx * m, y + fy * m, x + (fx + 7) * m, y + (fy + 7) * m), width=m, fill=None)
        cv.box((x + (fx + 2) * m, y + (fy + 2) * m, x + (fx + 5) * m, y + (fy + 5) * m), width=0, fill=BLACK)
    for i in range(n):
        for j in range(n):
            if (i < 8 and j < 8) or (i > n - 9 and j < 8) or (i < 8 and j > n - 9):
                continue
            if rng.random() < 0.48:
                cv.box((x + i * m, y + j * m, x + (i + 1) * m, y + (j + 1) * m), width=0, fill=BLACK)


def _frame(cv: Canvas, color=BROWN, inset: float = 22) -> None:
    w, h = cv.rect.width, cv.rect.height
    cv.box((inset, inset, w - inset, h - inset), width=3, color=color)
    cv.box((inset + 7, inset + 7, w - inset - 7, h - inset - 7), width=0.8, color=color)
    step = 14
    x = inset + 12
    while x < w - inset - 12:
        for yy in (inset + 1.5, h - inset - 5.5):
            cv.box((x, yy, x + 4, yy + 4), width=0, fill=color)
        x += step


def licence(cv: Canvas, rng: random.Random, kind: str, code: str, left: list[tuple[str, str]],
            right: list[tuple[str, str]], issuer: str, date: str, number: str = "") -> None:
    """A landscape registration certificate: 营业执照 / 事业单位法人证书 / 社会团体法人登记证书 / 办学许可证."""
    w, h = cv.rect.width, cv.rect.height
    _frame(cv)
    _emblem(cv, w / 2, 78)
    spaced = " ".join(kind) if len(kind) <= 6 else kind
    cv.text(0, 150, spaced, 34 if len(kind) <= 6 else 24, bold=True, align="c", width=w)
    cv.text(0, 176, "（副  本）" if rng.random() < 0.5 else "", 12, align="c", width=w)
    if code:
        cv.text(60, 120, "统一社会信用代码", 10.5)
        cv.text(60, 138, code, 13, bold=True)
    if number:
        cv.text(w - 250, 120, f"编号：{number}", 10)
    _qr(cv, w - 150, 150, 78, rng)
    for i, s in enumerate(wrap("扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。", 100, 6.5)):
        cv.text(w - 160, 240 + i * 9, s, 6.5)
    field_lines(cv, 55, 220, 360, left, size=11.5, label_w=92, gap=1.75)
    field_lines(cv, 420, 290, 290, right, size=11.5, label_w=80, gap=1.75)
    cv.text(w - 300, h - 110, "登记机关", 12)
    seal(cv, w - 190, h - 112, issuer, rng.randrange(99), r=50)
    cv.text(w - 260, h - 66, date, 12)
    cv.text(60, h - 52, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 8, color=GREY)


def skill_cert(cv: Canvas, rng: random.Random, name: str, sex: str, occ: str, level: str, number: str,
               org: str, date: str) -> None:
    """A landscape 职业技能等级证书 with photo box and the evaluation body's seal."""
    w, h = cv.rect.width, cv.rect.height
    _frame(cv, BLUE, 26)
    cv.text(0, 100, "职业技能等级证书", 30, bold=True, color=BLUE, align="c", width=w)
    cv.text(0, 126, "Certificate of Vocational Skill Level", 11, color=BLUE, align="c", width=w)
    cv.box((90, 170, 190, 300), width=0.8, fill=(0.86, 0.9, 0.95))
    cv.circle((140, 220), 24, width=0, fill=(0.55, 0.6, 0.66))
    cv.box((105, 250, 175, 300), width=0, fill=(0.55, 0.6, 0.66))
    fields = [("姓    名：", name), ("性    别：", sex), ("证件类型：", "居民身份证"), ("证件号码：", C.masked_id(rng)),
              ("职业名称：", occ), ("职业技能等级：", level), ("证书编号：", number)]
    field_lines(cv, 230, 190, 420, fields, size=12.5, label_w=100, gap=1.85)
    cv.text(w - 330, h - 120, f"评价机构：{org}", 11)
    seal(cv, w - 180, h - 120, org, rng.randrange(99), r=46)
    cv.text(w - 330, h - 90, f"发证日期：{date}", 11)
    cv.text(90, h - 56, "本证书可通过“技能人才评价证书全国联网查询”系统查询", 8.5, color=GREY)


def honour(cv: Canvas, rng: random.Random, recipient: str, body: str, issuer: str, date: str) -> None:
    w, h = cv.rect.width, cv.rect.height
    _frame(cv, RED, 24)
    cv.text(0, 150, "荣 誉 证 书", 38, bold=True, color=RED, align="c", width=w)
    cv.text(120, 230, f"{recipient}：", 16)
    y = 270
    for s in wrap(body, w - 260, 16, indent=2):
        cv.text(130, y, s, 16)
        y += 30
    cv.text(150, y + 10, "特发此证，以资鼓励。", 16)
    cv.text(w - 330, h - 120, issuer, 14)
    seal(cv, w - 240, h - 125, issuer, rng.randrange(99), r=52)
    cv.text(w - 300, h - 90, date, 14)


def patent(cv: Canvas, rng: random.Random, title: str, inventors: str, owner: str, address: str) -> None:
    w, h = cv.rect.width, cv.rect.height
    invention = rng.random() < 0.3
    kind = "发明专利" if invention else "实用新型专利"
    year = rng.choice((2023, 2024, 2025))
    _frame(cv, (0.55, 0.45, 0.2), 30)
    cv.text(w - 200, 80, f"证书号第{rng.randint(5000000, 9999999)}号", 10)
    _emblem(cv, w / 2, 130, 26)
    cv.text(0, 205, f"{kind}证书", 30, bold=True, align="c", width=w)
    no = f"ZL {year - 1} {'1' if invention else '2'} {rng.randint(1000000, 9999999)}.{rng.randint(0, 9)}"
    fields = [(f"{'发明' if invention else '实用新型'}名称：", title), ("发 明 人：", inventors), ("专 利 号：", no),
              ("专利申请日：", f"{year - 1}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日"), ("专利权人：", owner),
              ("地    址：", address), ("授权公告日：", f"{year}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日"),
              ("授权公告号：", f"CN {rng.randint(210000000, 229999999)} {'B' if invention else 'U'}")]
    y = field_lines(cv, 70, 270, w - 150, fields, size=11.5, label_w=110, gap=1.9)
    text = (f"国家知识产权局依照中华人民共和国专利法进行审查，决定授予专利权，颁发{kind}证书并在专利登记簿上予以登记。"
            f"专利权自授权公告之日起生效。专利权期限为{'二十' if invention else '十'}年，自申请日起算。")
    for s in wrap(text, w - 160, 11, indent=2):
        cv.text(80, y + 10, s, 11)
        y += 19
    cv.text(80, y + 30, "专利证书记载专利权登记时的法律状况。专利权的转移、质押、无效、终止等事项记载在专利登记簿上。", 8, color=GREY)
    seal(cv, w - 160, h - 130, "国家知识产权局", rng.randrange(99), r=50)


def id_card(cv: Canvas, rng: random.Random, name: str, sex: str, purpose: str) -> None:
    """Copy of both sides of an ID card, number masked, with the usual 'for ... only' note across it."""
    w = cv.rect.width
    x0, cw, ch = (w - 300) / 2, 300, 190
    for top, front in ((110, True), (380, False)):
        cv.box((x0, top, x0 + cw, top + ch), width=1.2, fill=(0.93, 0.93, 0.93))
        if front:
            y = top + 36
            birth = rng.randint(1968, 1988)
            for label, value in (("姓名", name), ("性别", f"{sex}      民族  汉"), ("出生", f"{birth}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
                                 ("住址", f"广东省深圳市光明区{rng.choice(('光明', '公明', '新湖', '凤凰', '玉塘', '马田'))}街道{rng.randint(1, 99)}号")):
                cv.text(x0 + 18, y, label, 9, color=BLUE)
                for i, s in enumerate(wrap(value, 150, 10.5)):
                    cv.text(x0 + 52, y + i * 14, s, 10.5)
                y += 28
            cv.text(x0 + 18, top + ch - 22, "公民身份号码", 9, color=BLUE)
            cv.text(x0 + 92, top + ch - 22, "440311" + C.masked_id(rng)[6:], 12, bold=True)  # registered in Guangming
            cv.box((x0 + cw - 90, top + 30, x0 + cw - 18, top + 120), width=0, fill=(0.82, 0.84, 0.86))
            cv.circle((x0 + cw - 54, top + 62), 18, width=0, fill=(0.35, 0.35, 0.38))
            cv.box((x0 + cw - 80, top + 88, x0 + cw - 28, top + 120), width=0, fill=(0.35, 0.35, 0.38))
        else:
            _emblem(cv, x0 + 50, top + 55, 26)
            cv.text(x0 + 100, top + 50, "中华人民共和国", 15, bold=True)
            cv.text(x0 + 100, top + 85, "居 民 身 份 证", 20, bold=True)
            y0 = rng.randint(2016, 2022)
            cv.text(x0 + 50, top + 140, "签发机关   深圳市公安局光明分局", 10)
            cv.text(x0 + 50, top + 165, f"有效期限   {y0}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}-{y0 + 20}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}", 10)
    cv.text_turned(x0 - 10, 520, purpose, 17, -28, color=(0.35, 0.35, 0.35))
    cv.text_turned(x0 - 10, 260, purpose, 17, -28, color=(0.35, 0.35, 0.35))


def signin(cv: Canvas, rng: random.Random, title: str, info: str, rows: list[tuple[str, str, str]]) -> None:
    """A training sign-in sheet: printed names, pen signatures (some missing: absent)."""
    w = cv.rect.width
    cv.text(0, 80, title, 17, bold=True, align="c", width=w)
    for i, s in enumerate(wrap(info, w - 130, 10.5)):
        cv.text(65, 108 + i * 16, s, 10.5)
    cols = (("序号", 34), ("姓名", 70), ("性别", 34), ("工作单位/岗位", 160), ("签到", 85), ("签退", 82))
    x, y = 65.0, 140.0
    for label, cw in cols:
        cv.box((x, y, x + cw, y + 24), width=0.8, fill=(0.9, 0.9, 0.9))
        cv.text(x, y + 16, label, 10, bold=True, align="c", width=cw)
        x += cw
    for k, (name, sex, unit) in enumerate(rows):
        y += 26
        x = 65.0
        for j, (_label, cw) in enumerate(cols):
            cv.box((x, y, x + cw, y + 26), width=0.6)
            value = (str(k + 1), name, sex, unit)[j] if j < 4 else ""
            cv.text(x + 2, y + 17, value, 9.5, align="c", width=cw - 4)
            if j >= 4 and rng.random() < 0.93:
                cv.signature(x + 10, y + 14, cw - 24, rng)
            x += cw
    cv.text(65, y + 56, f"应到{len(rows)}人      实到        人          记录人：", 10.5)
    cv.signature(w - 150, y + 50, 50, rng)


def red_notice(cv: Canvas, rng: random.Random, org: str, short: str, title: str, body: list[str], date: str) -> None:
    """A red-header internal notice (红头文件) issuing rules, sealed."""
    w, h = cv.rect.width, cv.rect.height
    cv.text(0, 118, f"{short}文件", 34, bold=True, color=RED, align="c", width=w)
    cv.text(0, 168, f"{short[:2]}字〔2025〕{rng.randint(3, 48)}号", 12, align="c", width=w)
    cv.line(70, 182, w - 70, 182, width=2.2, color=RED)
    y = 225
    for s in wrap(title, w - 160, 17):
        cv.text(0, y, s, 17, bold=True, align="c", width=w)
        y += 28
    cv.text(80, y + 12, "各部门：", 12.5)
    y += 40
    for para in body:
        for s in wrap(para, w - 160, 12.5, indent=2):
            cv.text(80, y, s, 12.5)
            y += 22
    cv.text(w - 260, y + 60, org, 12.5)
    seal(cv, w - 180, y + 60, org, rng.randrange(99), r=52)
    cv.text(w - 230, y + 90, date, 12.5)
    cv.line(70, h - 110, w - 70, h - 110, width=0.8)
    cv.text(80, h - 92, f"{org}办公室", 10.5)
    cv.text(w - 230, h - 92, f"{date}印发", 10.5)
    cv.line(70, h - 84, w - 70, h - 84, width=0.8)


def sign_off(cv: Canvas, rng: random.Random, org: str, day: int, chain: bool = False) -> None:
    """Last page of the application form: the applicant's undertaking, signature, seal; bureau boxes blank."""
    w = cv.rect.width
    x0, x1 = 70, w - 70
    boxes = [("申报单位承诺", 260), ("区人力资源部门意见", 190), ("市人力资源保障局意见" if not chain else "市人力资源保障局入库意见", 150)]
    y = 80
    for i, (label, bh) in enumerate(boxes):
        cv.box((x0, y, x1, y + bh), width=0.9)
        cv.box((x0, y, x0 + 34, y + bh), width=0.9)
        step = min(16.0, (bh - 20) / len(label))
        for k, ch in enumerate(label):
            cv.text(x0 + 10, y + 10 + step * 0.9 + k * step, ch, 12, bold=True)
        if i == 0:
            text = ("本单位承诺：所填报的信息及提交的申报材料真实、准确、完整，无违法违规及失信行为记录；"
                    "认定后将按照有关规定规范管理、规范使用资助资金，自觉接受人力资源部门的监督检查。如有虚假，愿承担相应法律责任。")
            yy = y + 30
            for s in wrap(text, x1 - x0 - 60, 12, indent=2):
                cv.text(x0 + 46, yy, s, 12)
                yy += 21
            cv.text(x0 + 60, y + bh - 100, "法定代表人（签字）：", 12)
            cv.signature(x0 + 185, y + bh - 104, 70, rng)
            cv.text(x1 - 200, y + bh - 56, "申报单位（盖章）", 12)
            seal(cv, x1 - 140 + rng.uniform(-12, 12), y + bh - 62 + rng.uniform(-8, 8), org, rng.randrange(99), r=56)
            hand_date(cv, x1 - 180, y + bh - 22, f"2026年6月{day}日", rng)
        else:
            cv.text(x1 - 260, y + bh - 50, "经办人：          负责人：", 12)
            cv.text(x1 - 150, y + bh - 22, "（盖章）    年   月   日", 12)
        y += bh
    cv.text(x0, y + 26, "注：本表一式二份，A4纸双面打印，报送纸质材料时须与电子材料一致。", 9.5, color=GREY)


def signatures(cv: Canvas, rng: random.Random, a_role: str, a_name: str, b_role: str, b_name: str, y: float = 140,
               place: str = "深圳市光明区") -> None:
    """Signature page of a contract / agreement: both parties sign and seal."""
    w = cv.rect.width
    cv.text(70, y, "（以下无正文，为签署页）", 12)
    for i, (role, name) in enumerate(((a_role, a_name), (b_role, b_name))):
        yy = y + 70 + i * 230
        cv.text(70, yy, f"{role}：{name}（盖章）", 12.5)
        seal(cv, 250 + rng.uniform(-30, 40), yy + 20, name, rng.randrange(99), r=56)
        cv.text(70, yy + 60, "法定代表人或授权代表（签字）：", 12.5)
        cv.signature(270, yy + 56, 70, rng)
        cv.text(70, yy + 110, "日期：", 12.5)
        hand_date(cv, 112, yy + 110, f"{rng.choice((2023, 2024))}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", rng)
    cv.text(70, y + 560, f"签订地点：{place}", 12)
    cv.line(70, y + 570, w - 70, y + 570, width=0.4, color=GREY)


def property_cert(cv: Canvas, rng: random.Random, owner: str, address: str, area: int, use: str) -> None:
    w = cv.rect.width
    cv.text(0, 95, f"粤（{rng.randint(2018, 2022)}）深圳市不动产权第{rng.randint(1000000, 9999999):07d}号", 13, align="c", width=w)
    rows = (("权 利 人", owner), ("共有情况", "单独所有"), ("坐    落", address), ("不动产单元号", f"440311{rng.randint(100000, 999999)}GB{rng.randint(10000, 99999)}F0001{rng.randint(1000, 9999)}"),
            ("权利类型", "国有建设用地使用权/房屋（构筑物）所有权"), ("权利性质", "出让/自建房"), ("用    途", use),
            ("面    积", f"宗地面积{area * 3}㎡/建筑面积{area}㎡"), ("使用期限", "2007年03月01日起2057年02月28日止"),
            ("权利其他状况", "房屋结构：钢筋混凝土结构；竣工时间：2012年；登记价：（略）"))
    y = 120
    for label, value in rows:
        lines = wrap(value, 330, 11)
        rh = max(34, 16 * len(lines) + 14)
        cv.box((70, y, 180, y + rh), width=0.8)
        cv.box((180, y, w - 70, y + rh), width=0.8)
        cv.text(70, y + rh / 2 + 4, label, 11, align="c", width=110)
        for i, s in enumerate(lines):
            cv.text(188, y + (rh - 16 * len(lines)) / 2 + 12 + i * 16, s, 11)
        y += rh
    cv.text(70, y + 30, "附记：本证书复印件仅供申报使用，与原件核对一致。", 11)
    seal(cv, w - 170, y + 60, owner, rng.randrange(99), r=54)


def book_cover(cv: Canvas, rng: random.Random, title: str, editors: str, org: str, year: int) -> None:
    w, h = cv.rect.width, cv.rect.height
    band = rng.choice(((0.1, 0.35, 0.6), (0.15, 0.5, 0.35), (0.65, 0.2, 0.15)))
    cv.box((60, 60, w - 60, h - 60), width=0.6, fill=(0.97, 0.97, 0.95))
    cv.box((60, 60, w - 60, 200), width=0, fill=band)
    cv.text(0, 140, "职业技能培训系列教材", 20, color=(1, 1, 1), align="c", width=w)
    y = 300
    for s in wrap(title, w - 180, 30):
        cv.text(0, y, s, 30, bold=True, align="c", width=w)
        y += 44
    cv.box((140, y + 40, w - 140, y + 230), width=0, fill=tuple(min(1, c + 0.35) for c in band))
    cv.circle((w / 2, y + 135), 60, width=5, color=band)
    cv.text(0, h - 190, f"主编  {editors}", 14, align="c", width=w)
    cv.text(0, h - 140, org, 14, align="c", width=w)
    cv.text(0, h - 110, f"{year}年", 13, align="c", width=w)


def letter(cv: Canvas, rng: random.Random, title: str, salutation: str, paragraphs: list[str], org: str, date: str,
           signer: bool = True, size: float = 12.5, signers: tuple[str, ...] = ("法定代表人（签字）：",)) -> None:
    """A one-page letter (承诺书, 感谢信, 证明): title, body, signature, seal over the unit's name, date."""
    w = cv.rect.width
    cv.text(0, 110, title, 22, bold=True, align="c", width=w)
    y = 160.0
    if salutation:
        cv.text(75, y, salutation, size)
        y += size * 2
    for para in paragraphs:
        for s in wrap(para, w - 150, size, indent=2):
            cv.text(75, y, s, size)
            y += size * 1.8
    y = max(y + 40, 600)
    cv.text(w - 330, y, f"单位（盖章）：{org}" if len(org) < 16 else "单位（盖章）：", size)
    if len(org) >= 16:
        cv.text(w - 330, y + 22, org, size)
    seal(cv, w - 170, y + 4, org, rng.randrange(99), r=56)
    if signer:
        for k, label in enumerate(signers):
            xx = w - 330 - (len(signers) - 1 - k) * 200
            cv.text(xx, y + 52, label, size)
            cv.signature(xx + text_width(label, size) + 4, y + 48, 56, rng)
    cv.text(w - 250, y + 90, date, size)


def floor_plan(cv: Canvas, rng: random.Random, title: str, area: int, rooms: list[str]) -> None:
    """A printed floor plan: outer walls, rooms with names and areas, doors, fire exits, north arrow, scale."""
    w, h = cv.rect.width, cv.rect.height
    cv.text(0, 60, title, 15, bold=True, align="c", width=w)
    x0, y0, x1, y1 = 60, 90, w - 60, h - 90
    cv.box((x0, y0, x1, y1), width=3)
    corridor = (y0 + y1) / 2
    top = rooms[: (len(rooms) + 1) // 2]
    bottom = rooms[(len(rooms) + 1) // 2:]
    cv.box((x0, corridor - 18, x1, corridor + 18), width=0.6, fill=(0.95, 0.95, 0.95))
    cv.text(x0, corridor + 4, "走    廊", 10, align="c", width=x1 - x0)
    for band, (ya, yb) in ((top, (y0, corridor - 18)), (bottom, (corridor + 18, y1))):
        if not band:
            continue
        xs = [x0]
        for _ in range(len(band)):
            xs.append(xs[-1] + (x1 - x0) / len(band))
        for k, name in enumerate(band):
            cv.box((xs[k], ya, xs[k + 1], yb), width=1.6)
            a = int(area * (xs[k + 1] - xs[k]) * (yb - ya) / ((x1 - x0) * (y1 - y0)) * rng.uniform(0.85, 1.1))
            cv.text(xs[k], (ya + yb) / 2, name, 11, bold=True, align="c", width=xs[k + 1] - xs[k])
            cv.text(xs[k], (ya + yb) / 2 + 18, f"约{a}㎡", 9, align="c", width=xs[k + 1] - xs[k])
            door_y = yb if ya < corridor else ya
            dx = xs[k] + 12
            cv.line(dx, door_y, dx + 24, door_y, width=2.5, color=(1, 1, 1))
            cv.quarter_arc(dx, door_y, 24, down=ya >= corridor)
    for ex in (x0, x1):
        cv.text(ex - 18 if ex == x1 else ex + 4, corridor - 22, "安全出口", 8, color=(0, 0.5, 0.2))
    cv.poly([(w - 80, 120), (w - 72, 100), (w - 64, 120)], width=1, fill=BLACK, closed=True)
    cv.text(w - 77, 135, "N", 10, bold=True)
    cv.line(x0, y1 + 30, x0 + 100, y1 + 30, width=2)
    cv.text(x0, y1 + 45, "0      5      10m", 8)
    cv.text(x1 - 200, y1 + 40, f"总建筑面积：约{area}平方米", 10)


def fin_table(cv: Canvas, title: str, name: str, rows: list[tuple[str, str, str]]) -> None:
    """A financial statement page from an audit report."""
    w = cv.rect.width
    cv.text(0, 80, title, 16, bold=True, align="c", width=w)
    cv.text(70, 110, f"编制单位：{name}", 10)
    cv.text(w - 200, 110, "2025年12月31日　单位：万元", 10)
    y = 122.0
    for k, (a, b, c) in enumerate((("项    目", "期末余额", "上年年末余额"), *rows)):
        for x, cw, s in ((70, 220, a), (290, 118, b), (408, w - 478, c)):
            cv.box((x, y, x + cw, y + 26), width=0.6, fill=(0.92, 0.92, 0.92) if k == 0 else None)
            cv.text(x + 6, y + 17, s, 10.5, bold=k == 0 or "合计" in a or "总计" in a, align="l" if x == 70 else "r", width=cw - 12)
        y += 26
    cv.text(70, y + 30, "单位负责人：　　　　　　主管会计工作负责人：　　　　　　会计机构负责人：", 10)
