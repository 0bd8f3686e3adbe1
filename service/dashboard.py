"""The bureau's dashboard: server-rendered HTML, Chinese first (`?lang=en` for English).

The service never imports Qt, so its few words are here rather than in the app's .ts files; the
refusal reasons are the intake's codes (service/intake.py Reason) and the domain's rule names.
The page reloads itself every REFRESH seconds.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from html import escape

from review_model.fonts import cjk_font_bytes

from .state import Cell, RefusalView, RoundView

REFRESH = 10

WORDS = {
    "zh": {
        "title": "评审台 · 受理服务", "round": "评审批次", "bureau": "组织单位", "applicant": "申报单位",
        "delivered": "已送达", "missing": "未提交", "conflict": "已声明回避", "refused": "已拒收",
        "revision": "第{n}版", "bundles": "已受理的回传包", "expert": "专家", "received": "收到时间",
        "seq": "回执号", "made": "生成时间", "size": "大小", "download": "下载", "history": "历史版本",
        "current": "最新", "refusals": "拒收记录", "why": "原因", "none": "暂无",
        "summary": "送达 {delivered} · 未提交 {missing} · 回避 {conflict} · 拒收 {refused}",
        "refresh": "本页每 {s} 秒自动刷新。", "login_needed": "请使用受理服务管理员通过命令 reviewdesk intake login-link 生成的一次性登录链接打开本页。",
        "login_refused": "该登录链接无效、已使用或已过期。请重新生成登录链接。",
        "result": "评审组长签署的评审结果", "no_result": "评审组长尚未上传评审结果。", "result_line": "第{seq}号回执，签署于 {made}，收到于 {received}", "no_rounds": "本受理服务尚未开放任何评审批次。",
        "lang": "English", "lang_code": "en",
    },
    "en": {
        "title": "ReviewDesk · Intake", "round": "Round", "bureau": "Bureau", "applicant": "Applicant",
        "delivered": "delivered", "missing": "missing", "conflict": "conflict declared", "refused": "refused",
        "revision": "revision {n}", "bundles": "Accepted return bundles", "expert": "Expert", "received": "Received",
        "seq": "Receipt no.", "made": "Made", "size": "Size", "download": "download", "history": "history",
        "current": "newest", "refusals": "Refused uploads", "why": "Reason", "none": "none",
        "summary": "delivered {delivered} · missing {missing} · conflicts {conflict} · refused {refused}",
        "refresh": "This page reloads every {s} seconds.",
        "login_needed": "Open this page with a one-time login link from `reviewdesk intake login-link`.",
        "login_refused": "This login link is not valid, was used already or has expired. Print a new one.",
        "result": "The panel result signed by the chair", "no_result": "The chair has not uploaded the panel result yet.",
        "result_line": "receipt no. {seq}, signed {made}, received {received}",
        "no_rounds": "No round is open on this intake yet.", "lang": "中文", "lang_code": "zh",
    },
}

REASONS = {
    "zh": {
        "not_a_bundle": "文件损坏或不是评审台回传包", "signature_bad": "签名无效", "too_large": "文件超出受理上限",
        "unknown_round": "本受理服务没有该评审批次", "not_in_package": "签名人不是本批次专家",
        "not_assigned": "含有未分配给该专家的申报单位", "conflict_declared": "该专家已对此申报单位声明回避",
        "revision_conflict": "同一版本的评分表内容与已收到的不一致", "bundle_invalid": "评分表未通过校验",
        "upload_corrupt": "传输内容与声明的摘要不符",
    },
    "en": {
        "not_a_bundle": "damaged, or not a ReviewDesk return bundle", "signature_bad": "the signature is not valid",
        "too_large": "larger than the intake accepts", "unknown_round": "no such round on this intake",
        "not_in_package": "the signer is not an expert of the round",
        "not_assigned": "it holds an applicant not assigned to that expert",
        "conflict_declared": "the expert declared a conflict with this applicant",
        "revision_conflict": "different contents for a revision already received",
        "bundle_invalid": "a score sheet failed verification", "upload_corrupt": "the bytes do not match the announced hash",
    },
}

@lru_cache(maxsize=1)
def font() -> tuple[bytes, str]:
    """The CJK font the app uses everywhere, and the short hash that names it (cache forever)."""
    data = cjk_font_bytes()
    return data, hashlib.sha256(data).hexdigest()[:12]


STYLE = """
@font-face{font-family:"ReviewDesk CJK";src:url("/static/cjk-%s.ttf") format("truetype")}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","ReviewDesk CJK",sans-serif;margin:24px;color:#1f2933}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 6px} .muted{color:#616e7c;font-size:13px}
table{border-collapse:collapse;margin-top:8px} th,td{border:1px solid #cbd2d9;padding:6px 10px;font-size:14px;vertical-align:top}
th{background:#f0f4f8;text-align:left} td.delivered{background:#e3f9e5} td.missing{background:#fff}
td.conflict{background:#fff3c4} td.refused{background:#ffe3e3} .state{font-weight:600} .why{font-size:12px;color:#8a1c1c}
a{color:#0b69a3}
"""


def _w(lang: str) -> dict:
    return WORDS.get(lang, WORDS["zh"])


def reason_words(reason: str, lang: str) -> str:
    return REASONS.get(lang, REASONS["zh"]).get(reason, reason)


def _refusal_text(refusal: RefusalView, lang: str) -> str:
    text = reason_words(refusal.reason, lang)
    problem = refusal.problem or {}
    rule = (problem.get("params") or {}).get("reason") or problem.get("code")
    if refusal.reason == "bundle_invalid" and rule:
        text += f" ({rule})"
    return text


def _cell(cell: Cell, lang: str) -> str:
    w = _w(lang)
    lines = [f'<span class="state">{escape(w[cell.state])}</span>']
    if cell.state == "delivered":
        lines.append(escape(w["revision"].format(n=cell.revision)))
        lines.append(f'<span class="muted">{escape(_local(cell.received_at))}</span>')
    if cell.refusals and cell.state in ("refused", "delivered"):
        lines += [f'<span class="why">{escape(_refusal_text(r, lang))}</span>' for r in cell.refusals[-2:]]
    return f'<td class="{cell.state}" data-expert="{escape(cell.expert_id)}" data-applicant="{escape(cell.applicant_id)}">' \
           + "<br>".join(lines) + "</td>"


def _local(stamp: str | None) -> str:
    """Times in China Standard Time (UTC+8), as the bureau reads them."""
    if not stamp:
        return ""

    moment = datetime.fromisoformat(stamp).astimezone(timezone(timedelta(hours=8)))
    return moment.strftime("%Y-%m-%d %H:%M")


def _round(view: RoundView, lang: str) -> str:
    w = _w(lang)
    experts = view.experts
    cells = {(c.expert_id, c.applicant_id): c for c in view.cells}
    head = "".join(f"<th>{escape(e['expert_id'])} {escape(e['name'])}</th>" for e in experts)
    rows = []
    for applicant in view.applicants:
        tds = []
        for expert in experts:
            cell = cells.get((expert["expert_id"], applicant["applicant_id"]))
            tds.append(_cell(cell, lang) if cell else '<td class="muted">—</td>')
        rows.append(f"<tr><th>{escape(applicant['applicant_id'])} {escape(applicant['name'])}</th>{''.join(tds)}</tr>")
    names = {e["expert_id"]: e["name"] for e in experts}
    bundles = "".join(
        f"<tr><td>{b.seq}</td><td>{escape(b.expert_id)} {escape(names.get(b.expert_id, ''))}</td>"
        f"<td>{escape(_local(b.created_at))}</td><td>{escape(_local(b.received_at))}</td>"
        f"<td>{b.size // 1024} KB</td><td>{escape(w['current'] if b.current else w['history'])}</td>"
        f'<td><a href="/dashboard/{escape(view.round_id)}/bundles/{b.file_sha256}">{escape(w["download"])}</a></td></tr>'
        for b in reversed(view.bundles)) or f'<tr><td colspan="7" class="muted">{escape(w["none"])}</td></tr>'
    refusals = "".join(
        f"<tr><td>{escape(_local(r.received_at))}</td><td>{escape(r.expert_id or '')} {escape(names.get(r.expert_id or '', ''))}</td>"
        f"<td>{escape(r.applicant_id or '')}</td><td>{escape(_refusal_text(r, lang))}</td></tr>"
        for r in reversed(view.refusals)) or f'<tr><td colspan="4" class="muted">{escape(w["none"])}</td></tr>'
    result = view.result
    if result is None:
        result_html = f'<p class="muted result">{escape(w["no_result"])}</p>'
    else:
        line = w["result_line"].format(seq=result.seq, made=_local(result.created_at), received=_local(result.received_at))
        result_html = (f'<p class="result">{escape(line)} · <a href="/dashboard/{escape(view.round_id)}/bundles/'
                       f'{result.file_sha256}">{escape(w["download"])}</a></p>')
    return f"""
<section data-round="{escape(view.round_id)}">
<h2>{escape(w['round'])}：{escape(view.title)}（{escape(view.round_id)}）</h2>
<div class="muted">{escape(w['bureau'])}：{escape(view.bureau)} · {escape(w['summary'].format(**view.counts()))}</div>
<table class="matrix"><tr><th>{escape(w['applicant'])}</th>{head}</tr>{''.join(rows)}</table>
<h2>{escape(w['result'])}</h2>
{result_html}
<h2>{escape(w['bundles'])}</h2>
<table><tr><th>{escape(w['seq'])}</th><th>{escape(w['expert'])}</th><th>{escape(w['made'])}</th><th>{escape(w['received'])}</th>
<th>{escape(w['size'])}</th><th></th><th></th></tr>{bundles}</table>
<h2>{escape(w['refusals'])}</h2>
<table><tr><th>{escape(w['received'])}</th><th>{escape(w['expert'])}</th><th>{escape(w['applicant'])}</th><th>{escape(w['why'])}</th></tr>{refusals}</table>
</section>"""


def _document(body: str, lang: str, refresh: bool) -> str:
    w = _w(lang)
    meta = f'<meta http-equiv="refresh" content="{REFRESH}">' if refresh else ""
    html_lang = "zh-CN" if lang != "en" else "en"
    return f"""<!DOCTYPE html>
<html lang="{html_lang}"><head><meta charset="utf-8">{meta}<title>{escape(w['title'])}</title>
<style>{STYLE % font()[1]}</style></head><body>
<h1>{escape(w['title'])}</h1>
<div class="muted">{escape(w['refresh'].format(s=REFRESH)) if refresh else ''} <a href="?lang={w['lang_code']}">{escape(w['lang'])}</a></div>
{body}
</body></html>"""


def page(views: list[RoundView], lang: str = "zh") -> str:
    body = "".join(_round(v, lang) for v in views) or f"<p>{escape(_w(lang)['no_rounds'])}</p>"
    return _document(body, lang, refresh=True)


def login_needed(lang: str = "zh") -> str:
    return _document(f"<p>{escape(_w(lang)['login_needed'])}</p>", lang, refresh=False)


def login_refused(lang: str = "zh") -> str:
    return _document(f"<p>{escape(_w(lang)['login_refused'])}</p>", lang, refresh=False)
