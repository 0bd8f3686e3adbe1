"""OCR figures (not a test): our engine (RapidOCR in the OCR worker, as the app runs it) against
Tesseract chi_sim on the same scanned pages.

    PYTHONPATH=. python -m benchmarks.ocr [--pages 6] [--out DIR]

It writes its own ground-truth corpus: Chinese prose written for this benchmark (none of the
demo's sentences), typeset on A4 at 200 dpi and degraded like a scan (skew ±1.5°, blur, JPEG
60–75, grey noise, low contrast, a red seal over text, some pages turned 90°/180°), saved as
image-only PDF pages; one page of form fields (credit codes, phone numbers, dates, amounts). It
prints character error rate (all / lines under the seal / turned pages / form fields),
recall of 2- and 4-character words, seconds per page (median, p95; wall clock and CPU time), model
load time and peak RSS. Figures, before and after, in benchmarks/README.md.
Tesseract (apt: tesseract-ocr tesseract-ocr-chi-sim) is only the yardstick, never a dependency.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from review_model.dossier.ocr import OcrClient, layout
from review_model.fonts import cjk_font_file

DPI = 200
A4 = (1654, 2339)  # pixels at 200 dpi
PROSE = [
    "清晨的雾气还没有散尽，河边的柳树已经抽出了新芽。老陈推着一辆旧自行车走过石桥，车筐里放着刚从集市买回来的青菜和豆腐。",
    "他在这条街上住了三十多年，看着对面的杂货铺换了四任老板，也看着巷口那棵槐树一年比一年粗壮。",
    "孩子们放学以后喜欢在广场上踢球，球常常滚进花坛里，惊起几只正在啄食的麻雀。傍晚时分，卖烤红薯的小贩准时出现在路灯下。",
    "图书馆二楼靠窗的位置总是最先被占满。有人在准备考试，有人在翻阅旧报纸，也有人只是安静地望着窗外的雨。",
    "去年秋天，村里修通了一条水泥路，运送橘子的货车不必再绕远路，果农们说今年的价钱比往年好了不少。",
    "她把祖母留下的那本菜谱仔细包好，放在书架最高的一层。每逢过年，家里人都会照着上面的做法蒸一锅米糕。",
    "山顶的气象站只有两名值班员，他们每隔三小时记录一次温度、湿度和风向，冬天大雪封山时要独自坚守好几个星期。",
    "火车驶过隧道，车厢里忽然暗了下来，邻座的老人从口袋里摸出一个橘子，剥开以后分了一半给对面的小女孩。",
    "码头上的吊车一刻不停地运转，集装箱被一层层码放整齐，远处的海面上，几艘渔船正慢慢返回港口。",
    "这家面馆开了二十年，汤底每天凌晨四点开始熬，老板说火候差一点，味道就完全不一样了。",
    "春节前的最后一个周末，花市里挤满了挑选年桔和水仙的市民，讨价还价的声音此起彼伏。",
    "博物馆新展出了一批出土的青铜器，讲解员说其中一件酒器的纹饰在国内还是第一次发现。",
]
# "dense": a full page of 10.5-point body text (五号, the usual size of an application form) at
# 1.5 line spacing, about 40 lines: what a real dossier page holds, four times the other kinds' text
# "forms": the Latin and digits mixed into a dossier (credit codes, phone numbers, dates, amounts)
KINDS = ["plain", "seal", "rot90", "lowcontrast", "rot180", "seal", "dense", "dense", "forms"]


def _form_lines(rng: random.Random) -> list[str]:
    """Form fields in the way applications fill them in, each with random digits and letters."""
    digits = "0123456789"
    code = "".join(rng.choice(digits + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(10))
    return [
        f"统一社会信用代码：9144030{rng.randint(0, 9)}{code}",
        f"联系电话：0755-{rng.randint(20000000, 89999999)}，手机：1{rng.choice('3589')}{rng.randint(100000000, 999999999)}",
        f"申报日期：2026年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，受理编号：SZ-GM-2026-{rng.randint(1, 999):04d}",
        f"培训经费：人民币{rng.randint(1, 99)},{rng.randint(0, 999):03d},{rng.randint(0, 999):03d}.00元",
        f"场地面积：{rng.randint(100, 9999)}.{rng.randint(0, 9)}平方米，工位数：{rng.randint(10, 300)}个，PLC实训台{rng.randint(2, 40)}套",
        f"网址：www.szjn{rng.randint(10, 99)}.org.cn，邮箱：hr{rng.randint(100, 999)}@szjn.cn",
        f"开户银行账号：{rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        f"课时：理论{rng.randint(20, 200)}学时、实操{rng.randint(20, 400)}学时，合格率{rng.randint(80, 99)}.{rng.randint(0, 9)}%",
    ]


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for c in text:
        if font.getlength(line + c) > width:
            lines.append(line)
            line = c
        else:
            line += c
    return lines + ([line] if line else [])


def make_page(seed: int, kind: str) -> tuple[Image.Image, list[str], set[int], list[float]]:
    """A degraded A4 scan: the image, its ground-truth lines, the lines the seal covers, each
    line's vertical centre in pixels."""
    rng = random.Random(seed)
    size, step = (29, 44) if kind == "dense" else (38, 62)
    font = ImageFont.truetype(str(cjk_font_file()), size)
    image = Image.new("RGB", A4, (250, 249, 246))
    draw = ImageDraw.Draw(image)
    if kind == "dense":
        paragraphs = rng.sample(PROSE, len(PROSE)) + rng.sample(PROSE, len(PROSE))
    elif kind == "forms":
        paragraphs = _form_lines(rng) + _form_lines(rng)
    else:
        paragraphs = rng.sample(PROSE, 5)
    lines, y = [], 180
    for para in paragraphs:
        for line in _wrap(para, font, A4[0] - 360):
            if y > A4[1] - 220:
                break
            draw.text((180, y), line, font=font, fill=(25, 25, 25))
            top, bottom = draw.textbbox((180, y), line, font=font)[1::2]
            lines.append((line, (top + bottom) / 2))
            y += step
        y += step // 2
    sealed: set[int] = set()
    if kind == "seal":  # the applicant's red seal stamped over the text
        r = 190  # centred on the text block, so the seal always lies over lines
        first, last = int(lines[0][1]), int(lines[-1][1])
        cx, cy = rng.randint(700, 1100), rng.randint(first + r // 2, max(first + r // 2, last - r // 2))
        seal = Image.new("RGBA", A4, (0, 0, 0, 0))
        sd = ImageDraw.Draw(seal)
        sd.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(210, 30, 30, 200), width=14)
        star = ImageFont.truetype(str(cjk_font_file()), 44)
        sd.text((cx - 110, cy - 60), "深圳市某某", font=star, fill=(210, 30, 30, 190))
        sd.text((cx - 90, cy + 10), "技能中心", font=star, fill=(210, 30, 30, 190))
        image = Image.alpha_composite(image.convert("RGBA"), seal).convert("RGB")
        sealed = {i for i, (_, ly) in enumerate(lines) if abs(ly - cy) < r + 20}
    image = image.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor=(250, 249, 246))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    if kind == "lowcontrast":
        image = Image.eval(image, lambda v: 110 + v * 120 // 255)
    noise = Image.effect_noise(A4, 18).convert("RGB")
    image = Image.blend(image, noise, 0.08)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(60, 75))
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    if kind == "rot90":
        image = image.rotate(-90, expand=True)
    elif kind == "rot180":
        image = image.rotate(180)
    return image, [text for text, _ in lines], sealed, [ly for _, ly in lines]


def _pdf(images: list[Image.Image], path: Path) -> None:
    doc = pymupdf.open()
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=90)
        w, h = image.size
        page = doc.new_page(width=w * 72 / DPI, height=h * 72 / DPI)
        page.insert_image(page.rect, stream=buffer.getvalue())
    doc.save(path)


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


_DROP = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _DROP.sub("", text)


def _words(lines: list[str], n: int) -> list[str]:
    out = []
    for line in lines:
        for run in re.findall(r"[\u4e00-\u9fff]+", line):  # words never span punctuation
            out += [run[i:i + n] for i in range(0, len(run) - n + 1, n)]
    return out


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process so far (Linux): unlike the wall clock, it hardly
    changes when other people's work shares the cores."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_ours(pdf: Path, pages: int) -> dict:
    times, cpu, texts, line_texts = [], [], [], []
    started = time.perf_counter()
    with OcrClient(page_seconds=900) as client:  # a busy machine must not turn a slow page into a failed one
        first = True
        for page in range(pages):
            t, c = time.perf_counter(), _cpu_seconds(client.pid)
            reply = client.recognize(str(pdf), page)
            c1 = _cpu_seconds(client.pid)
            if c is not None and c1 is not None:
                cpu.append(c1 - c)
            if first:
                times_first = time.perf_counter() - started
                first = False
            times.append(time.perf_counter() - t)
            lines = reply.get("lines", [])
            texts.append(layout(lines)[0] if lines else "")
            line_texts.append([(ln[0], (min((c[2] for c in ln[2]), default=0) + max((c[4] for c in ln[2]), default=0)) / 2)
                               for ln in lines])
        rss = _peak_rss(client.pid)
        load = client.load_seconds
    return {"texts": texts, "lines": line_texts, "times": times[1:] or times, "cpu": cpu[1:] or cpu, "load": load, "rss": rss,
            "first": times_first}


def _peak_rss(pid: int | None) -> float | None:
    try:
        for row in Path(f"/proc/{pid}/status").read_text().splitlines():
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def run_tesseract(images: list[Image.Image], folder: Path) -> dict | None:
    if shutil.which("tesseract") is None:
        return None
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # two OpenMP threads took 12–560 s a page (issue 13)
    times, cpu, texts, line_texts = [], [], [], []
    blank = folder / "blank.png"
    Image.new("L", (200, 100), 255).save(blank)
    t = time.perf_counter()
    subprocess.run(["tesseract", str(blank), "stdout", "-l", "chi_sim"], capture_output=True, env=env)
    load = time.perf_counter() - t
    for i, image in enumerate(images):
        path = folder / f"p{i}.png"
        image.save(path)
        t, c = time.perf_counter(), _children_cpu()
        out = subprocess.run(["tesseract", str(path), "stdout", "-l", "chi_sim", "--psm", "1", "tsv"],
                             capture_output=True, text=True, env=env).stdout
        times.append(time.perf_counter() - t)
        cpu.append(_children_cpu() - c)
        rows = [r.split("\t") for r in out.splitlines()[1:]]
        lines: dict[tuple, list] = {}
        for r in rows:
            if len(r) == 12 and r[0] == "5" and r[11].strip():
                key = (r[2], r[3], r[4])
                lines.setdefault(key, []).append((r[11], int(r[7]) + int(r[9]) / 2))
        line_texts.append([("".join(w for w, _ in words), sum(y for _, y in words) / len(words) * 72 / DPI)
                           for words in lines.values()])
        texts.append("".join(w for words in lines.values() for w, _ in words))
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"texts": texts, "lines": line_texts, "times": times, "cpu": cpu, "load": load, "rss": rss}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def score(result: dict, truth: list[list[str]], kinds: list[str], seals: list[set[int]], ys: list[list[float]]) -> dict:
    def cer(pages: list[int]) -> float | None:
        errors = sum(_distance(_clean("".join(truth[p])), _clean(result["texts"][p])) for p in pages)
        total = sum(len(_clean("".join(truth[p]))) for p in pages)
        return None if not total else errors / total

    under_errors = under_total = 0
    for p, sealed in enumerate(seals):
        if not sealed:
            continue
        # the sealed lines' band, out to half-way to the next line: an OCR line belongs to it by its centre
        half = min(b - a for a, b in zip(ys[p], ys[p][1:])) / 2
        lo, hi = min(ys[p][i] for i in sealed) - half, max(ys[p][i] for i in sealed) + half
        want = _clean("".join(truth[p][i] for i in sorted(sealed)))
        got = _clean("".join(text for text, y in result["lines"][p] if lo <= y * DPI / 72 <= hi))
        under_errors += _distance(want, got)
        under_total += len(want)
    recall = {}
    for n in (2, 4):
        found = total = 0
        for p in range(len(truth)):
            text = _clean(result["texts"][p])
            words = _words(truth[p], n)
            found += sum(1 for w in words if w in text)
            total += len(words)
        recall[n] = found / max(1, total)
    times = sorted(result["times"])
    cpu = sorted(result.get("cpu") or [float("nan")])
    return {"cpu": statistics.median(cpu), "cpu_p95": cpu[min(len(cpu) - 1, int(round(0.95 * (len(cpu) - 1))))],
            "cer": cer(list(range(len(truth)))), "cer_seal": under_errors / under_total if under_total else None,
            "cer_turned": cer([p for p, k in enumerate(kinds) if k.startswith("rot")]),
            "cer_forms": cer([p for p, k in enumerate(kinds) if k == "forms"]),
            "recall2": recall[2], "recall4": recall[4], "median": statistics.median(times),
            "p95": times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], "load": result["load"], "rss": result["rss"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=len(KINDS))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    kinds = [KINDS[i % len(KINDS)] for i in range(args.pages)]
    made = [make_page(1000 + i, kind) for i, kind in enumerate(kinds)]
    images, truth, seals = [m[0] for m in made], [m[1] for m in made], [m[2] for m in made]
    ys = [m[3] for m in made]
    pdf = folder / "corpus.pdf"
    _pdf(images, pdf)
    print(f"corpus: {args.pages} A4 pages at {DPI} dpi ({', '.join(kinds)}) in {pdf}")
    tess = run_tesseract(images, folder)
    ours = run_ours(pdf, args.pages)
    rows = [("RapidOCR (ours)", score(ours, truth, kinds, seals, ys))]
    if tess:
        rows.append(("Tesseract chi_sim", score(tess, truth, kinds, seals, ys)))

    def pct(v):
        return "—" if v is None else f"{v * 100:.1f} %"

    print(f"{'engine':20} {'CER':>7} {'seal':>7} {'turned':>7} {'forms':>7} {'rec2':>7} {'rec4':>7} {'s/page':>7} {'p95':>6} "
          f"{'cpu s':>6} {'p95':>6} {'load s':>7} {'RSS MB':>7}")
    for name, s in rows:
        print(f"{name:20} {pct(s['cer']):>7} {pct(s['cer_seal']):>7} {pct(s['cer_turned']):>7} {pct(s['cer_forms']):>7} {pct(s['recall2']):>7} "
              f"{pct(s['recall4']):>7} {s['median']:7.2f} {s['p95']:6.2f} {s['cpu']:6.2f} {s['cpu_p95']:6.2f} "
              f"{s['load'] or 0:7.2f} {s['rss'] or 0:7.0f}")
    print("s/page: wall clock per page, median and p95; cpu s: the engine's CPU seconds per page (steadier on a shared machine)")
    print(f"ours: first page including the worker's start {ours['first']:.1f} s; 1 onnxruntime thread, nice 10")


if __name__ == "__main__":
    main()
