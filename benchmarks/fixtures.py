"""The benchmark's own dossiers, made on first run and kept in its work folder:

    scan.pdf    300 pages, each a distinct 200-dpi A4 JPEG scan (2/3 grey, 1/3 colour with an sRGB
                ICC profile, some skewed, every 20th sideways with /Rotate 90), no text layer
    text.pdf    300 pages of Chinese text
    mixed.pdf   300 pages, scans and text pages alternating
    corpus-N.pdf  ten 300-page text files: the 3,000 pages the search is timed on

and a home holding them as one applicant's materials (rows and blobs as an import writes them).
"""
from __future__ import annotations

import io
import random
from pathlib import Path

import pymupdf

PAGES = 300
CORPUS_FILES = 10
A4_200DPI = (1654, 2339)
VERSION = "v1"  # bump when the fixtures change

WORDS = ("高技能人才", "培训基地", "技能大师工作室", "乡村振兴", "职业技能等级认定", "数控加工", "工业机器人", "模具设计",
         "实训设备", "师资队伍", "校企合作", "学徒", "带徒传艺", "技术攻关", "课程开发", "教材", "考核", "安全生产",
         "光明区", "深圳市", "人力资源局", "申报单位", "场地面积", "平方米", "经费保障", "管理制度", "年度计划", "培训人次",
         "合格率", "竞赛获奖", "专利", "智能制造", "新能源汽车", "低空经济", "检测", "维修", "电工", "焊工", "钳工", "AI")


def sentence(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) + rng.choice("，。；")


def text_page(rng: random.Random, number: int) -> str:
    return f"第{number}页  " + "".join(sentence(rng) for _ in range(rng.randint(28, 40)))


def _scan_jpeg(rng: random.Random, number: int, font, noise) -> tuple[bytes, bool]:
    from PIL import Image, ImageCms, ImageDraw

    colour = number % 3 == 0
    w, h = A4_200DPI
    image = Image.new("RGB" if colour else "L", (w, h), (244, 240, 228) if colour else 236)
    draw = ImageDraw.Draw(image)
    ink = (30, 30, 60) if colour else 30
    draw.text((180, 150), f"扫描件 第 {number} 页", font=font, fill=ink)
    for line in range(34):
        draw.text((180, 300 + line * 56), sentence(rng)[:26], font=font, fill=ink)
    if colour:
        draw.ellipse((w - 600, h - 620, w - 200, h - 220), outline=(200, 30, 30), width=10)  # a red seal
    grain = noise.crop((number % 50, number % 70, number % 50 + w, number % 70 + h))
    image = Image.blend(image, grain.convert(image.mode), 0.08)
    if number % 10 == 7:
        image = image.rotate(0.8, fillcolor=(244, 240, 228) if colour else 236)  # skewed on the glass
    out = io.BytesIO()
    extra = {"icc_profile": ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()} if colour else {}
    image.save(out, "JPEG", quality=72, dpi=(200, 200), **extra)
    return out.getvalue(), colour


def _scan_page(doc: pymupdf.Document, jpeg: bytes, number: int) -> None:
    page = doc.new_page(width=595.28, height=841.89)
    page.insert_image(page.rect, stream=jpeg)
    if number % 20 == 19:
        page.set_rotation(90)


def _text_page(doc: pymupdf.Document, text: str) -> None:
    page = doc.new_page(width=595.28, height=841.89)
    page.insert_textbox(pymupdf.Rect(60, 60, 535, 800), text, fontname="china-s", fontsize=11)


def make_pdfs(folder: Path, say=print) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}-{VERSION}.pdf" for name in ("scan", "text", "mixed")}
    paths.update({f"corpus-{i}": folder / f"corpus-{i}-{VERSION}.pdf" for i in range(CORPUS_FILES)})
    if all(p.exists() for p in paths.values()):
        return paths
    from PIL import Image, ImageFont

    from review_model.fonts import cjk_font_file

    say("making the benchmark's PDFs (first run only, about a minute)…")
    font = ImageFont.truetype(str(cjk_font_file()), 42)
    noise = Image.effect_noise((A4_200DPI[0] + 60, A4_200DPI[1] + 80), 60)
    rng = random.Random(2026)
    jpegs = [_scan_jpeg(rng, n + 1, font, noise)[0] for n in range(PAGES)]
    texts = [text_page(rng, n + 1) for n in range(PAGES)]
    for name, pick in (("scan", lambda n: ("scan", n)), ("text", lambda n: ("text", n)),
                       ("mixed", lambda n: ("scan" if n % 2 else "text", n))):
        doc = pymupdf.open()
        for n in range(PAGES):
            kind, index = pick(n)
            _scan_page(doc, jpegs[index], index) if kind == "scan" else _text_page(doc, texts[index])
        doc.save(paths[name], garbage=1)
        doc.close()
    for i in range(CORPUS_FILES):
        doc = pymupdf.open()
        corpus_rng = random.Random(i)
        for n in range(PAGES):
            _text_page(doc, text_page(corpus_rng, n + 1))
        doc.save(paths[f"corpus-{i}"], garbage=1)
        doc.close()
    return paths


def make_home(root: Path, pdfs: dict[str, Path]):
    """A home whose applicant B01 has the three 300-page materials and the ten corpus files."""
    from review_model.home import Home
    from review_model.store.models import Applicant, Material

    fresh = not (root / "reviewdesk.db").exists()
    home = Home(root)
    if fresh:
        with home.store.write("benchmark") as (session, _audit):
            session.add(Applicant(applicant_id="B01", name="深圳市基准测试有限公司", uscc="914403001922038216",
                                  entity_kind="enterprise", industry="智能制造", carrier_type="training_base",
                                  acceptance="accepted"))
            session.flush()
            for position, (name, path) in enumerate(pdfs.items(), start=1):
                data = path.read_bytes()
                digest, _ = home.blobs.put(data)
                session.add(Material(applicant_id="B01", position=position, name=name, status="ok", sha256=digest,
                                     size=len(data), page_count=PAGES))
    return home
