"""'Photographs' for the dossiers (现场照片), drawn with Pillow: workshop, lab, classroom, farm, drone field,
signing ceremony, the carrier's plaque by the door. Varied by a seed; cached for the run."""
from __future__ import annotations

import io
import random
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .pages import _noise_rgb, pil_font

W, H = 960, 640
SCENES = ("workshop", "lab", "classroom", "farm", "field", "meeting", "plaque")


def _box3d(d: ImageDraw.ImageDraw, x, y, w, h, depth, color) -> None:
    r, g, b = color
    d.polygon([(x, y), (x + depth, y - depth * 0.6), (x + w + depth, y - depth * 0.6), (x + w, y)], fill=(min(255, r + 30), min(255, g + 30), min(255, b + 30)))
    d.polygon([(x + w, y), (x + w + depth, y - depth * 0.6), (x + w + depth, y + h - depth * 0.6), (x + w, y + h)], fill=(r * 7 // 10, g * 7 // 10, b * 7 // 10))
    d.rectangle((x, y, x + w, y + h), fill=color)


def _person(d: ImageDraw.ImageDraw, x, y, s, rng: random.Random, uniform=None) -> None:
    shirt = uniform or rng.choice(((40, 70, 140), (235, 235, 230), (60, 60, 70), (30, 110, 170), (200, 80, 40), (90, 120, 90)))
    d.rounded_rectangle((x - 11 * s, y, x + 11 * s, y + 42 * s), radius=int(7 * s), fill=shirt)
    d.rectangle((x - 8 * s, y + 42 * s, x + 8 * s, y + 70 * s), fill=(45, 45, 55))
    d.ellipse((x - 8 * s, y - 19 * s, x + 8 * s, y - 2 * s), fill=(235, 200, 170))
    d.chord((x - 8.5 * s, y - 20 * s, x + 8.5 * s, y - 4 * s), 180, 360, fill=(25, 22, 20))


def _room(d: ImageDraw.ImageDraw, rng: random.Random, horizon: int, vx: float, floor) -> None:
    wall = rng.choice(((232, 232, 226), (220, 226, 232), (236, 230, 218), (228, 234, 228)))
    d.rectangle((0, 0, W, horizon), fill=wall)
    left, right = vx - W * 0.36, vx + W * 0.36
    d.polygon([(0, H), (W, H), (right, horizon), (left, horizon)], fill=floor)
    d.polygon([(0, 0), (left, horizon), (0, H)], fill=tuple(c - 25 for c in wall))
    d.polygon([(W, 0), (right, horizon), (W, H)], fill=tuple(c - 18 for c in wall))
    for k in range(rng.randint(3, 5)):
        lx = left + k * (right - left) / 4
        d.rectangle((lx, 16, lx + 110, 28), fill=(255, 255, 250))
    for k in range(rng.randint(2, 4)):
        wx = left + 20 + k * 200
        if wx + 140 < right:
            d.rectangle((wx, 60, wx + 140, 150), fill=(190, 215, 235), outline=(150, 150, 150), width=3)


def _banner(d: ImageDraw.ImageDraw, cx: float, y: float, text: str, size: int = 30) -> None:
    tw = pil_font(size).getlength(text)
    d.rectangle((cx - tw / 2 - 30, y, cx + tw / 2 + 30, y + size + 18), fill=(196, 28, 34))
    d.text((cx, y + (size + 18) / 2), text, fill=(255, 236, 180), font=pil_font(size), anchor="mm")


@lru_cache(maxsize=64)
def _photo_base(scene: str, banner: str, variant: int) -> Image.Image:
    return _draw_scene(scene, banner, variant).filter(ImageFilter.BoxBlur(0.8))


def _draw_scene(scene: str, banner: str, variant: int) -> Image.Image:
    rng = random.Random(f"{scene}|{banner}|{variant}")
    img = Image.new("RGB", (W, H), (225, 225, 220))
    d = ImageDraw.Draw(img)
    horizon = int(H * rng.uniform(0.4, 0.52))
    vx = W / 2 + rng.uniform(-140, 140)
    if scene in ("farm", "field"):
        for yy in range(horizon):
            t = yy / horizon
            d.line((0, yy, W, yy), fill=(int(120 + 90 * t), int(165 + 60 * t), int(220 + 25 * t)))
        d.rectangle((0, horizon, W, H), fill=(96, 140, 70) if scene == "farm" else (120, 128, 110))
        if scene == "farm":
            for _ in range(rng.randint(2, 4)):
                gx = rng.randint(-60, W - 200)
                gw = rng.randint(200, 320)
                d.rectangle((gx, horizon - 90, gx + gw, horizon + 30), fill=(228, 234, 232), outline=(170, 175, 170))
                d.pieslice((gx, horizon - 150, gx + gw, horizon - 30), 180, 360, fill=(238, 242, 240), outline=(170, 175, 170))
                for j in range(gw // 45 + 1):
                    d.line((gx + 45 * j, horizon - 90, gx + 45 * j, horizon + 30), fill=(180, 185, 182), width=2)
            for row in range(5):
                y0 = horizon + 60 + row * 48
                for c in range(0, W, 34):
                    d.ellipse((c + row * 7, y0, c + row * 7 + 26, y0 + 20), fill=(60 + rng.randint(0, 40), 120 + rng.randint(0, 40), 50))
        else:
            d.rectangle((0, horizon + 40, W, H), fill=(150, 150, 140))
            for _ in range(rng.randint(3, 6)):
                dx, dy = rng.randint(80, W - 80), horizon + rng.randint(90, 230)
                d.rectangle((dx - 18, dy - 8, dx + 18, dy + 8), fill=(240, 240, 240))
                for ox in (-34, 34):
                    d.line((dx, dy, dx + ox, dy - 10), fill=(60, 60, 60), width=4)
                    d.ellipse((dx + ox - 18, dy - 14, dx + ox + 18, dy - 6), outline=(60, 60, 60), width=2)
            for _ in range(rng.randint(1, 2)):
                fx, fy = rng.randint(200, W - 200), rng.randint(60, horizon - 60)
                d.rectangle((fx - 20, fy, fx + 20, fy + 14), fill=(250, 250, 250))
                d.line((fx - 55, fy + 2, fx + 55, fy + 2), fill=(40, 40, 40), width=3)
        _banner(d, vx, horizon - 150, banner)
        for _ in range(rng.randint(4, 9)):
            _person(d, rng.randint(60, W - 60), rng.randint(horizon + 60, H - 140), rng.uniform(1.1, 1.7), rng)
        return img
    if scene == "meeting":
        d.rectangle((0, 0, W, H), fill=(170, 30, 35))
        d.rectangle((0, H * 0.72, W, H), fill=(120, 80, 60))
        d.text((W / 2, 120), banner, fill=(255, 225, 120), font=pil_font(44), anchor="mm")
        d.text((W / 2, 190), f"{rng.choice((2023, 2024, 2025))}年{rng.randint(1, 12)}月", fill=(255, 225, 120), font=pil_font(26), anchor="mm")
        d.rectangle((120, H * 0.62, W - 120, H * 0.74), fill=(200, 40, 45))
        for k in range(rng.randint(5, 9)):
            _person(d, 120 + k * (W - 240) / 8 + rng.uniform(-10, 10), H * 0.45 + rng.uniform(-8, 8), 1.9, rng,
                    uniform=rng.choice(((30, 30, 40), (40, 45, 70), (230, 230, 230))))
        return img
    if scene == "plaque":
        d.rectangle((0, 0, W, H), fill=rng.choice(((205, 200, 190), (190, 195, 200))))
        d.rectangle((0, 0, 90, H), fill=(120, 110, 100))
        d.rectangle((W - 260, 60, W - 60, H), fill=(90, 110, 120))
        d.rectangle((W - 250, 70, W - 70, H), fill=(150, 175, 190))
        px, py, pw, ph = 190, 120, 420, 300
        d.rectangle((px + 8, py + 8, px + pw + 8, py + ph + 8), fill=(120, 115, 110))
        d.rectangle((px, py, px + pw, py + ph), fill=rng.choice(((235, 235, 238), (212, 175, 90))))
        n = -(-len(banner) // 10)
        per = -(-len(banner) // n)
        lines = [banner[i:i + per] for i in range(0, len(banner), per)]
        for i, s in enumerate(lines):
            d.text((px + pw / 2, py + ph / 2 + (i - (len(lines) - 1) / 2) * 58), s, fill=(180, 20, 25), font=pil_font(40), anchor="mm")
        return img
    floor = {"workshop": (140, 160, 150), "lab": (205, 205, 200)}.get(scene, (190, 180, 165))
    _room(d, rng, horizon, vx, floor)
    _banner(d, vx, horizon - 95, banner, 28)
    if scene == "workshop":
        items = sorted((rng.uniform(0, 1), rng.randint(40, W - 220)) for _ in range(rng.randint(3, 6)))
        for depth, bx in items:
            s = 0.6 + 0.6 * depth
            by = horizon + 20 + depth * 170
            _box3d(d, bx, by, 150 * s, 110 * s, 30 * s, rng.choice(((90, 110, 130), (200, 200, 195), (70, 90, 80), (220, 120, 40))))
            d.rectangle((bx + 20 * s, by + 20 * s, bx + 70 * s, by + 55 * s), fill=(40, 60, 80))
            if rng.random() < 0.5:
                jx, jy = bx + 110 * s, by - 5
                d.line((jx, jy, jx + 10 * s, jy - 80 * s, jx + 70 * s, jy - 110 * s, jx + 95 * s, jy - 70 * s), fill=(240, 140, 30), width=int(16 * s), joint="curve")
        d.line((vx - 200, H, vx - 40, horizon), fill=(235, 200, 30), width=8)
        d.line((vx + 200, H, vx + 40, horizon), fill=(235, 200, 30), width=8)
    elif scene == "lab":
        for k in range(rng.randint(2, 3)):
            by = horizon + 50 + k * 90
            d.rectangle((120 - k * 30, by, W - 120 + k * 30, by + 26), fill=(235, 235, 235), outline=(160, 160, 160))
            d.rectangle((130 - k * 30, by + 26, W - 130 + k * 30, by + 70), fill=(170, 180, 190))
            for _ in range(rng.randint(3, 6)):
                ex = rng.randint(140, W - 200)
                _box3d(d, ex, by - 40, 60, 40, 12, rng.choice(((220, 220, 215), (80, 90, 100), (200, 210, 220))))
    else:  # classroom
        d.rectangle((vx - 160, 40, vx + 160, horizon - 110), fill=(250, 250, 250), outline=(120, 120, 120), width=4)
        d.text((vx, (horizon - 70) // 2), banner[:9], fill=(40, 60, 120), font=pil_font(24), anchor="mm")
        for row in range(rng.randint(2, 4)):
            y0 = horizon + 50 + row * 80
            for c in range(4):
                x0 = 90 + c * 205 - row * 20
                d.rectangle((x0, y0, x0 + 150, y0 + 22), fill=(170, 120, 80))
                if rng.random() < 0.85:
                    _person(d, x0 + 75, y0 - 46, 1.0 + row * 0.22, rng)
    for _ in range(rng.randint(1, 3)):
        _person(d, rng.randint(80, W - 80), rng.randint(horizon + 40, H - 170), rng.uniform(1.6, 2.1), rng)
    return img


def photo_jpeg(scene: str, banner: str, variant: int, stamp: str) -> bytes:
    """A JPEG 'photograph' of `scene` with `banner` text and a camera date stamp."""
    img = _photo_base(scene, banner, variant % 16).copy()
    ImageDraw.Draw(img).text((W - 20, H - 20), stamp, fill=(255, 150, 30), font=pil_font(24), anchor="rd")
    img = ImageChops.add(img, _noise_rgb((W, H), 3, 6), 1.0, -6)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=68)
    return buf.getvalue()
