"""What every material builder shares: the applicant's profile (numbers that stay consistent across its
materials), the per-material context `Ctx`, and small content helpers (sections, rosters, page sharing)."""
from __future__ import annotations

import itertools
import random
import zlib
from collections.abc import Callable, Iterator

from ..carriers import OFFICIAL_NAMES
from . import corpus as C
from . import documents as D
from .applicants import DemoApplicant
from .pages import A4_H, A4_W, MARGIN_X, Canvas, DocBuilder, Unit, u_heading, u_para, u_row, u_space
from .photos import photo_jpeg

YEARS = (2023, 2024, 2025)
W_P = A4_W - 2 * MARGIN_X  # content width, portrait
W_L = A4_H - 2 * MARGIN_X  # content width, landscape
_SHORT_CUTS = ("智能", "精密", "生物", "农业", "职业", "超高清", "新能源", "科学城", "家政", "科技", "低空")


def short_name(name: str) -> str:
    """The name people use for the unit: 深圳市擎岳智能机器人有限公司 -> 擎岳."""
    core = name.removeprefix("深圳市").removeprefix("深圳").removeprefix("光明区")
    cut = min((core.find(k) for k in _SHORT_CUTS if core.find(k) > 0), default=2)
    return core[:cut] if cut >= 2 else core[:4]


def profile(a: DemoApplicant, rng: random.Random) -> dict:
    """Numbers and names that must agree across the applicant's materials (staff, trainees per year, ...)."""
    ind = C.INDUSTRIES.get(a.industry, C.INDUSTRIES[C.DEFAULT_INDUSTRY])
    big = a.carrier_type == "chain_leader"
    small = a.entity_kind in ("association", "training_institution")
    staff = rng.randint(1800, 5200) if big else rng.randint(35, 120) if small else rng.randint(120, 900)
    short = short_name(a.name)
    carrier_name = {"training_base": f"{a.name}高技能人才培训基地", "master_studio": f"{a.leader}技能大师工作室",
                    "rural_station": f"{short}乡村振兴技能工作站", "chain_leader": f"{short}{a.industry}产教评技能生态链"}[a.carrier_type]
    yearly, base = {}, rng.randint(300, 900) if not big else rng.randint(2500, 6000)
    for y in YEARS:
        trainees = int(base * (1 + 0.18 * (y - 2023)) * rng.uniform(0.9, 1.1))
        certified = int(trainees * rng.uniform(0.55, 0.8))
        yearly[y] = dict(sessions=max(4, trainees // rng.randint(28, 45)), trainees=trainees, certified=certified,
                         high=int(certified * rng.uniform(0.2, 0.35)))
    skilled = int(staff * rng.uniform(0.45, 0.7))
    p = dict(name=a.name, short=short, industry=a.industry, cluster=ind["cluster"], carrier=OFFICIAL_NAMES[a.carrier_type],
             carrier_name=carrier_name, leader=a.leader or a.legal_representative, address=a.address,
             founded=rng.randint(1998, 2012) if a.entity_kind == "vocational_college" else rng.randint(2006, 2019),
             staff=staff, insured=int(staff * rng.uniform(0.88, 0.97)), skilled=skilled, high=int(skilled * rng.uniform(0.28, 0.42)),
             fund=rng.randint(40, 400) if not big else rng.randint(600, 2400), teachers=rng.randint(12, 60), area=rng.randint(260, 3800),
             equip=rng.randint(80, 1800), capital=rng.choice((500, 1000, 2000, 3000, 5000)) * (10 if big else 1),
             trainees_plan=base * 3 + 500, high_plan=int(base * 0.6), app=rng.randint(12, 36), jobs=rng.randint(3, 12) * 100 + 300)
    p.update(high_t=int(p["teachers"] * 0.6), cap=p["area"] // 6, high_app=p["app"] // 3, yearly=yearly, ind=ind,
             trainees=yearly[YEARS[-1]]["trainees"])
    return p


class Ctx:
    """One material being written: the applicant, its profile, the page builder and the material's rng."""

    def __init__(self, a: DemoApplicant, p: dict, material: str, rng: random.Random):
        self.a, self.p, self.material, self.rng = a, p, material, rng
        self.ind = p["ind"]
        self.b = DocBuilder(a.name, material, rng)
        self.used: set[str] = set()  # sentences already used in this material
        self.photo_no = 0

    def t(self, pool: str, k: tuple[int, int] = (2, 4), **extra) -> str:
        if "year" not in extra:  # keep a sentence's year and its trainee count together
            year = self.rng.choice(YEARS)
            extra = {"year": year, "trainees": self.p["yearly"][year]["trainees"], **extra}
        return C.paragraph(pool, {**self.p, **extra}, self.rng, k, self.used)

    def cover(self) -> None:
        a = self.a
        top = "深圳市产教评技能生态链链主企业培育孵化" if a.carrier_type == "chain_leader" else "2026年度深圳市终身职业技能培训载体认定"
        fields = [("申报单位：", a.name), ("载体类型：", OFFICIAL_NAMES[a.carrier_type]), ("所 在 区：", "光明区"),
                  ("联 系 人：", a.contact)]
        self.b.text_page(lambda cv: D.cover(cv, top, self.material, fields), header=False)
        self.b.toc.append([1, "封面", 1])

    def scan(self, draw: Callable[[Canvas], None], **kw) -> None:
        self.b.scan_page(draw, **kw)

    def person_rows(self, kind: str) -> Iterator[list[str]]:
        """Endless roster rows: 'teacher', 'apprentice' or 'trainee'."""
        rng, occ = self.rng, self.ind["occ"]
        for i in itertools.count(1):
            name, sex = C.person(rng)
            o = rng.choice(occ)
            if kind == "teacher":
                lvl = rng.choice(C.LEVELS[2:]) if rng.random() < 0.7 else rng.choice(C.TITLES)
                yield [str(i), name, sex, C.masked_id(rng), o, lvl, C.cert_no(rng, rng.choice(YEARS)), rng.choice(("专职", "专职", "兼职"))]
            elif kind == "apprentice":
                y = rng.choice(YEARS)
                yield [str(i), name, sex, C.masked_id(rng, 1990, 2004), o, f"{y - rng.randint(1, 4)}.{rng.randint(1, 12):02d}",
                       f"{y}.{rng.randint(1, 12):02d}", rng.choice(C.LEVELS[1:4]), self.p["leader"] if rng.random() < 0.6 else C.person(rng)[0]]
            else:
                yield [str(i), name, sex, C.masked_id(rng), rng.choice(C.EDU), o, rng.choice(C.LEVELS[:4]), C.masked_phone(rng)]

    def photo_pages(self, k: int, captions: tuple[tuple[str, str], ...] = (("实训场地", "site"), ("培训现场", "classroom"))) -> None:
        """k pages of two captioned site photos. A caption's scene is 'site' (the industry's own scene),
        'classroom', 'meeting' (ceremony) or 'plaque' (the carrier's sign by the door)."""
        for _ in range(k):
            shots = []
            for _ in range(2):
                caption, scene = captions[self.photo_no % len(captions)]
                self.photo_no += 1
                scene = self.ind["scene"] if scene == "site" else scene
                banner = {"meeting": f"{self.p['short']}{caption}", "plaque": self.p["carrier_name"]}.get(scene, self.ind["banner"])
                y, m, d = self.rng.choice(YEARS), self.rng.randint(1, 12), self.rng.randint(1, 28)
                stamp = f"{y}-{m:02d}-{d:02d} {self.rng.randint(8, 17):02d}:{self.rng.randint(0, 59):02d}"
                shots.append((photo_jpeg(scene, banner, zlib.crc32(self.material.encode()) + self.a.number * 5 + self.photo_no, stamp), f"图{self.photo_no}  {caption}（{y}年{m}月）"))

            def draw(cv: Canvas, shots=shots) -> None:
                cv.text(0, 82, "现场照片", 16, bold=True, align="c", width=cv.rect.width)
                for j, (jpeg, cap) in enumerate(shots):
                    y = 110 + j * 345
                    cv.image((MARGIN_X + 20, y, A4_W - MARGIN_X - 20, y + 280), jpeg)
                    cv.text(0, y + 302, cap, 10.5, align="c", width=cv.rect.width)
            self.b.text_page(draw)

    def cert_scans(self, k: int, who: Callable[[], tuple[str, str, str]] | None = None) -> None:
        """k scanned skill certificates (landscape sheets; every other one scanned sideways; some faded)."""
        rng = self.rng
        for i in range(k):
            name, sex = C.person(rng)
            occ, lvl = rng.choice(self.ind["occ"]), rng.choice(C.LEVELS[2:])
            if who:
                name, occ, lvl = who()
            y = rng.choice(YEARS)
            org = rng.choice(C.EVAL_ORGS) if rng.random() < 0.5 else self.a.name
            date = f"{y}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
            self.scan(lambda cv, name=name, sex=sex, occ=occ, lvl=lvl, y=y, org=org, date=date: D.skill_cert(
                cv, rng, name, sex, occ, lvl, C.cert_no(rng, y), org, date),
                landscape=True, color=rng.random() < 0.6, sideways=i % 2 == 1, faded=rng.random() < 0.2)


def split(n: int, *parts: tuple[int, float]) -> list[int]:
    """Share n pages among parts (minimum, weight): minimums first, in order; the rest by weight."""
    mins = [m for m, _ in parts]
    if n <= sum(mins):
        out, left = [], n
        for m in mins:
            out.append(min(m, left))
            left -= out[-1]
        return out
    rest, total = n - sum(mins), sum(w for _, w in parts) or 1
    exact = [m + rest * w / total for m, w in parts]
    alloc = [int(e) for e in exact]
    for i in sorted(range(len(parts)), key=lambda i: alloc[i] - exact[i])[: n - sum(alloc)]:
        alloc[i] += 1
    return alloc


def section(x: Ctx, title: str, pools: tuple[str, ...], w: float = W_P, paras: tuple[int, int] = (2, 3), level: int = 2) -> Iterator[Unit]:
    yield u_heading(title, toc=level)
    for k in range(x.rng.randint(*paras)):
        yield from u_para(x.t(pools[k % len(pools)]), w)


def boxed(x: Ctx, title: str, pools: tuple[str, ...], paras: tuple[int, int] = (2, 3)) -> Iterator[Unit]:
    """A form field holding text: a grey header row, then the text inside a box that may cross pages."""
    yield u_row([(title, 1.0)], W_P, 10.5, head=True, fill=(0.93, 0.93, 0.93))._replace(toc=(2, title), keep=40)
    for k in range(x.rng.randint(*paras)):
        yield from u_para(x.t(pools[k % len(pools)]), W_P, 11, box=True, pad=8)
    yield u_space(6)


def stats_rows(x: Ctx) -> list[list[str]]:
    return [[f"{y}年", str(s["sessions"]), str(s["trainees"]), str(s["certified"]), str(s["high"]), f"{100 * s['certified'] // s['trainees']}%"]
            for y, s in x.p["yearly"].items()]


def equipment_rows(x: Ctx) -> list[list[str]]:
    rows = []
    for i, (name, model, price) in enumerate(x.ind["equipment"] + C.GENERIC_EQUIPMENT, 1):
        qty = x.rng.randint(1, 2) if price > 30 else x.rng.randint(2, 12) if price > 0.2 else x.rng.randint(10, 60)
        rows.append([str(i), name, model, str(qty), f"{x.rng.choice(YEARS) - x.rng.randint(0, 3)}.{x.rng.randint(1, 12):02d}",
                     f"{price * qty:.1f}", x.rng.choice(("在用", "在用", "在用", "维护中"))])
    return rows


def ledger_rows(x: Ctx, year: int) -> Iterator[list[str]]:
    for i in itertools.count(1):
        m = x.rng.randint(1, 11)
        n = x.rng.randint(18, 60)
        passed = n - x.rng.randint(0, n // 5)
        yield [str(i), f"{x.rng.choice(x.ind['courses'])}培训班", x.rng.choice(x.ind["occ"]), x.rng.choice(C.LEVELS[:4]),
               f"{year}.{m:02d}.{x.rng.randint(1, 20):02d}-{year}.{m + 1:02d}.{x.rng.randint(1, 28):02d}", str(n), str(passed), f"{100 * passed // n}%"]


def cn_num(i: int) -> str:
    d = "零一二三四五六七八九"
    if i < 10:
        return d[i]
    if i < 20:
        return "十" + (d[i % 10] if i % 10 else "")
    return d[i // 10] + "十" + (d[i % 10] if i % 10 else "")
