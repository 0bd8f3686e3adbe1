"""Small real PDFs for the viewer's tests: text with Chinese, a sideways page, a grey scan, a
password, damage, no pages, an enormous page. All made here with PyMuPDF; nothing binary is kept."""
from __future__ import annotations

import io

import pymupdf
from PIL import Image, ImageDraw

PASSWORD = "gm2026"


def text_pdf(pages: list[str], *, rotate: dict[int, int] | None = None, size=(595, 842), toc=None, labels=None) -> bytes:
    doc = pymupdf.open()
    for index, text in enumerate(pages):
        page = doc.new_page(width=size[0], height=size[1])
        page.insert_textbox(pymupdf.Rect(60, 60, size[0] - 60, size[1] - 60), text, fontname="china-s", fontsize=14)
        if rotate and index in rotate:
            page.set_rotation(rotate[index])
    if toc:
        doc.set_toc(toc)
    if labels:
        doc.set_page_labels(labels)
    data = doc.tobytes()
    doc.close()
    return data


def scan_pdf(pages: int, *, gray: bool = True, size=(827, 1169)) -> bytes:
    """Pages that are one JPEG each (100 dpi A4), like a scanner's output; no text layer."""
    doc = pymupdf.open()
    for index in range(pages):
        image = Image.new("L" if gray else "RGB", size, 235 if gray else (240, 236, 225))
        draw = ImageDraw.Draw(image)
        for line in range(12):
            draw.rectangle((80, 120 + line * 70, 80 + 500 + (line * 37 + index * 11) % 200, 140 + line * 70), fill=40)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=70)
        page = doc.new_page(width=595, height=842)
        page.insert_image(page.rect, stream=buffer.getvalue())
    data = doc.tobytes()
    doc.close()
    return data


def encrypted_pdf(text: str = "领办人身份证明 机密材料") -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), text, fontname="china-s", fontsize=14)
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=PASSWORD, owner_pw=PASSWORD + "-owner")
    doc.close()
    return data


def damaged_pdf() -> bytes:
    """Three readable pages whose cross-reference table is gone: MuPDF repairs it."""
    data = text_pdf(["损坏文件 第一页", "损坏文件 第二页", "损坏文件 第三页"])
    return data[:data.rfind(b"xref")]


def garbage_pdf() -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 40


def zero_page_pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def enormous_pdf(side: int = 300000) -> bytes:
    """One page `side` points square (far beyond PDF's usual 14,400)."""
    doc = pymupdf.open()
    page = doc.new_page(width=14400, height=14400)
    page.insert_text((100, 400), "巨大页面", fontname="china-s", fontsize=300)
    data = doc.tobytes()
    doc.close()
    return data.replace(b"/MediaBox[0 0 14400 14400]", f"/MediaBox[0 0 {side} {side}]".encode())
