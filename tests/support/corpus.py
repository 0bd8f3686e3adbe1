"""A corpus of hostile exchange files, forged in memory from the small round (see hostile_round.py):
damaged zip data, forged manifests, signed contents that are impossible, deep, ambiguous or carry
control characters, for each kind of file. Every one must be refused; none may change a home.
"""
from __future__ import annotations

import json
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from review_model import crypto
from review_model.exchange.container import SigningKey
from tests.support.forge_returns import forged_return
from tests.support.hostile_round import World
from tests.support.tamper import (
    damage,
    duplicate_key,
    ec_public_pem,
    nested,
    raw_entries,
    raw_zip,
    reseal,
    set_signer_key,
    stored_manifest_file,
)

BAD_STAMP = "2026-13-45T99:99:99+00:00"
DEPTHS = (33, 5_000, 200_000)  # just past the bound, past the interpreter's recursion limit, the issue's
CONTROLS = ("\x01", "\x0b", "\x1b", "\x7f", "\x85")


@dataclass(frozen=True)
class Hostile:
    group: str
    name: str
    kind: str  # package | return | result: how `chair compile` is given it
    data: bytes | None = None
    path: Path | None = None  # for a file too large to hold (sparse on disk)
    compile_reads: bool = True  # False: damage in a dossier PDF, which the chair's compile never reads


def _json_edit(name: str, edit: Callable[[dict], object]) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        data = json.loads(members[name])
        edit(data)
        members[name] = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return change


def _bytes_edit(name: str, edit: Callable[[bytes], bytes]) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        changed = edit(members[name])
        assert changed != members[name], f"the forgery of {name} changed nothing"
        members[name] = changed
    return change


def _append_field(data: bytes, text: str) -> bytes:
    """`data` (a JSON object) with `, <text>` before its closing brace."""
    body = data.rstrip()
    return body[:-1] + b", " + text.encode("utf-8") + b"}"


def _zip_damage(kind: str, data: bytes) -> list[Hostile]:
    out = []
    for entry in raw_entries(data):
        hows = ["crc"] + (["deflate", "truncate"] if entry.method == zipfile.ZIP_DEFLATED else [])
        if entry.name.endswith(".pdf") and entry.name != "sheets/A01/r1.pdf" and not entry.name.endswith("m01.pdf"):
            continue  # one or two PDFs stand for all
        for how in hows:
            out.append(Hostile("zip damage", f"{kind} {entry.name} {how}", kind, damage(data, entry.name, how),
                               compile_reads=kind != "package" or not entry.name.endswith(".pdf")))
    return out


def _flips(kind: str, data: bytes, count: int, seed: int) -> list[Hostile]:
    """One byte inverted somewhere inside a member's stored bytes (never a deflate stream's last two
    bytes, whose padding bits a decoder ignores), the CRC left as it was."""
    rng = random.Random(seed)
    out = []
    for number in range(count):
        entries = raw_entries(data)
        entry = rng.choice([e for e in entries if len(e.payload) > 4])
        at = rng.randrange(0, len(entry.payload) - 2)
        entry.payload = entry.payload[:at] + bytes([entry.payload[at] ^ 0xFF]) + entry.payload[at + 1:]
        out.append(Hostile("flipped byte", f"{kind} {number} {entry.name}@{at}", kind, raw_zip(entries),
                           compile_reads=kind != "package" or not entry.name.endswith(".pdf")))
    return out


def _truncations(kind: str, data: bytes, count: int, seed: int) -> list[Hostile]:
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, len(data)), count - 1)) + [len(data) - 1]
    return [Hostile("truncated file", f"{kind} at {cut}", kind, data[:cut]) for cut in cuts]


def _manifests(kind: str, source: Path, key: SigningKey) -> list[Hostile]:
    def forged(name: str, manifest: Callable[[bytes], bytes], signature: bytes | None = None) -> Hostile:
        return Hostile("forged manifest", f"{kind} {name}", kind, reseal(source, key, manifest=manifest, signature=signature))

    def retyped(field: str, value: object) -> Callable[[bytes], bytes]:
        def edit(m: bytes) -> bytes:
            data = json.loads(m)
            data[field] = value
            return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        return edit

    def signer(field: str, value: object) -> Callable[[bytes], bytes]:
        def edit(m: bytes) -> bytes:
            data = json.loads(m)
            data["signer"][field] = value
            return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        return edit

    out = [forged(f"nested {d}", lambda m, d=d: _append_field(m, '"x": ' + nested(d))) for d in DEPTHS]
    out += [forged(f"{field} twice", lambda m, f=field: duplicate_key(m, f, "x"))
            for field in ("format", "kind", "round_id", "signer", "created_at", "members")]
    out += [forged("size NaN", lambda m: re.sub(rb'"size": \d+', b'"size": NaN', m, count=1)),
            forged("size 1e999", lambda m: re.sub(rb'"size": \d+', b'"size": 1e999', m, count=1)),
            forged("size of 5000 digits", lambda m: re.sub(rb'"size": \d+', b'"size": ' + b"9" * 5000, m, count=1)),
            forged("created_at impossible", retyped("created_at", BAD_STAMP)),
            forged("signer name with an escape", signer("name", "区人力资源局\x1b[2J")),
            forged("fingerprint of another key", signer("fingerprint", crypto.fingerprint(crypto.public_key_of(crypto.new_seed())))),
            forged("a second public_key_pem", lambda m: _append_field(m, '"public_key_pem": "x"')),
            forged("not UTF-8", lambda m: m.replace(b'"format"', b'"f\xffrmat"', 1)),
            forged("not JSON", lambda m: m[: len(m) // 2]),
            forged("members a string", retyped("members", "all")),
            forged("unsigned, nested 200000", lambda m: nested(200_000).encode(), signature=b"AAAA"),
            forged("signature not base64", lambda m: m, signature=b"%%%%"),
            forged("signature of other bytes", lambda m: m, signature=crypto.b64(crypto.sign(key.seed, b"x")).encode())]
    for curve in ("secp112r1", "brainpoolP256r1"):
        out.append(forged(f"signer key on {curve}", lambda m, c=curve: set_signer_key(m, ec_public_pem(c))))
    for name, pem in (("garbage", "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"), ("empty", ""),
                      ("huge", "-----BEGIN PUBLIC KEY-----\n" + "A" * 100_000 + "\n-----END PUBLIC KEY-----\n"),
                      ("x25519", "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEA" + "A" * 43 + "=\n-----END PUBLIC KEY-----\n")):
        out.append(forged(f"signer key {name}", lambda m, p=pem: set_signer_key(m, p)))
    return out


def _package_contents(world: World) -> list[Hostile]:
    key, package = world.bureau_key, world.package

    def forged(name: str, change, signer: SigningKey = key) -> Hostile:
        return Hostile("signed package contents", name, "package", reseal(package, signer, members=change))

    def first_applicant(field: str, value):
        return _json_edit("applicants.json", lambda d: d["applicants"][0].update({field: value}))

    out = []
    for member in ("round.json", "applicants.json", "experts.json", "rubrics/master_studio.json"):
        out += [forged(f"{member} nested {d}", _bytes_edit(member, lambda b, d=d: _append_field(b, '"x": ' + nested(d))))
                for d in (40, 200_000)]
        out.append(forged(f"{member} a key twice", _bytes_edit(member, lambda b: duplicate_key(b, "schema", "x"))))
        out.append(forged(f"{member} NaN", _bytes_edit(member, lambda b: _append_field(b, '"x": NaN'))))
    out += [forged(f"applicant name with {c!r}", first_applicant("name", f"深圳市{c}工作室")) for c in CONTROLS]
    out += [forged("round title with \\x01", _json_edit("round.json", lambda d: d.update(title="评审\x01"))),
            forged("rubric title with \\x0b", _json_edit("rubrics/master_studio.json", lambda d: d.update(title="细则\x0b"))),
            forged("expert name with \\x1b", _json_edit("experts.json", lambda d: d["experts"][0].update(name="陈\x1b组长"))),
            forged("deadline 2026-02-30", _json_edit("round.json", lambda d: d["deadlines"].update(report="2026-02-30"))),
            forged("a rubric maximum of 1e999999", _bytes_edit("rubrics/master_studio.json",
                                                               lambda b: re.sub(rb'"max_points": \d+', b'"max_points": 1e999999', b, count=1))),
            forged("year 10**5000", _bytes_edit("round.json", lambda b: re.sub(rb'"year": \d+', b'"year": ' + b"9" * 5000, b, count=1)))]
    for curve in ("secp112r1", "brainpoolP256r1"):
        out.append(forged(f"expert key on {curve}", _json_edit(
            "experts.json", lambda d, c=curve: d["experts"][1].update(public_key_pem=ec_public_pem(c)))))
    stranger = SigningKey("B01", "区人力资源局", "bureau", crypto.new_seed())
    out += [forged("untrusted signer, rubric nested 200000", _bytes_edit("rubrics/master_studio.json",
                                                                         lambda b: nested(200_000).encode()), stranger),
            forged("untrusted signer, expert key on secp112r1", _json_edit(
                "experts.json", lambda d: d["experts"][1].update(public_key_pem=ec_public_pem("secp112r1"))), stranger),
            forged("untrusted signer, as it was", None, stranger)]
    return out


def _sheet_text(path: str, value: str):
    def edit(_entry, doc):
        *parents, last = path.split(".")
        target = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return edit


def _return_contents(world: World) -> list[Hostile]:
    def forged(name: str, **changes) -> Hostile:
        return Hostile("signed bundle contents", name, "return",
                       forged_return(world.bundle, world.expert_key, world.package, **changes))

    out = []
    for field in ("items.0.comment", "notes.0.text", "opinion", "revision.amend_reason", "vetoes.0.reason",
                  "items.0.title", "applicant.name"):
        out += [forged(f"{field} with {c!r}", sheets=_sheet_text(field, f"文字{c}文字"), redraw=False)
                for c in CONTROLS[:3]]
    for field in ("revision.signed_at", "revision.created_at", "conflict.confirmed_at", "notes.0.created_at",
                  "notes.0.updated_at"):
        for stamp in (BAD_STAMP, "2026-02-30T10:00:00+08:00", "0001-01-01T00:00:00+14:00", "2026-07-01T10:00:00+99:00"):
            out.append(forged(f"{field} {stamp}", sheets=_sheet_text(field, stamp), redraw=False))
    out += [forged("return.json created_at impossible", listing=lambda d: d.update(created_at=BAD_STAMP)),
            forged("declared_at impossible", conflicts=lambda d: d["declarations"][0].update(declared_at=BAD_STAMP)),
            forged("conflict reason with \\x01", conflicts=lambda d: d["declarations"].append(
                {"applicant_id": "A02", "has_conflict": True, "reason": "兼职\x01", "declared_at": d["declarations"][0]["declared_at"]})),
            forged("expert name with \\x1b", listing=lambda d: d["expert"].update(name="李\x1b专家")),
            forged("revision 10**4000", listing=lambda d: d["sheets"][0].update(revision=10 ** 4000)),
            forged("a score as a float", raw=lambda _e, b: re.sub(rb'"score":"(\d+)"', rb'"score":\1.0', b, count=1)),
            forged("a score NaN", raw=lambda _e, b: re.sub(rb'"score":"\d+"', b'"score":NaN', b, count=1))]
    for d in DEPTHS:
        out += [forged(f"sheet nested {d}", raw=lambda _e, b, d=d: b[:-1] + b',"zz":' + nested(d).encode() + b"}"),
                forged(f"return.json nested {d}", members=_bytes_edit("return.json", lambda b, d=d: _append_field(b, '"x": ' + nested(d)))),
                forged(f"conflicts.json nested {d}", members=_bytes_edit("conflicts.json", lambda b, d=d: _append_field(b, '"x": ' + nested(d))))]
    out += [forged("sheet opinion twice", raw=lambda _e, b: duplicate_key(b, "opinion", "另一意见")),
            forged("return.json created_at twice", members=_bytes_edit("return.json", lambda b: duplicate_key(b, "created_at", "x"))),
            forged("conflicts.json expert_id twice", members=_bytes_edit("conflicts.json", lambda b: duplicate_key(b, "expert_id", "E02")))]
    return out


def _result_contents(result: Path, key: SigningKey) -> list[Hostile]:
    def forged(name: str, edit: Callable[[bytes], bytes]) -> Hostile:
        return Hostile("signed result contents", name, "result", reseal(result, key, members=_bytes_edit("result.json", edit)))

    def final(value: bytes) -> Callable[[bytes], bytes]:
        return lambda b: re.sub(rb'"final_score": [0-9.]+', b'"final_score": ' + value, b, count=1)

    out = [forged(f"final_score {v.decode()}", final(v)) for v in (b"1e999999", b"NaN", b"Infinity", b"-5", b"999",
                                                                  b'"78.33"', b"9" * 5000, b"1e-999999999", b"true")]
    out += [forged(f"nested {d}", lambda b, d=d: _append_field(b, '"x": ' + nested(d))) for d in DEPTHS]
    out += [forged("round_id twice", lambda b: duplicate_key(b, "round_id", "2026-OTHER")),
            forged("an expert total of 999", lambda b: re.sub(rb'("E02": )[0-9.]+', rb"\g<1>999", b, count=1)),
            forged("veto votes 99", lambda b: re.sub(rb'"veto_votes": \d+', b'"veto_votes": 99', b, count=1)),
            forged("rank 10**5000", lambda b: re.sub(rb'"rank": \d+', b'"rank": ' + b"9" * 5000, b, count=1)),
            forged("rank 0", lambda b: re.sub(rb'"rank": \d+', b'"rank": 0', b, count=1)),
            forged("a discussion note with \\x01", lambda b: b.replace(b'"discussion": []', b'"discussion": ["\\u0001"]', 1)),
            forged("decimals 10**9", lambda b: re.sub(rb'"decimals": \d+', b'"decimals": 1000000000', b, count=1))]
    return out


def corpus(world: World, result: Path, chair_key: SigningKey, folder: Path) -> list[Hostile]:
    package, bundle, result_bytes = world.package.read_bytes(), world.bundle.read_bytes(), result.read_bytes()
    files = []
    for kind, data, seed in (("package", package, 1), ("return", bundle, 2), ("result", result_bytes, 3)):
        files += _zip_damage(kind, data) + _flips(kind, data, 20, seed) + _truncations(kind, data, 5, seed)
    files += _manifests("package", world.package, world.bureau_key) + _manifests("return", world.bundle, world.expert_key)
    files += _package_contents(world) + _return_contents(world) + _result_contents(result, chair_key)
    padded = bytes(random.Random(5).choices(b" \t\r\n", k=5 << 20))
    files.append(Hostile("forged manifest", "package manifest of 5 MiB", "package",
                         reseal(world.package, world.bureau_key, manifest=lambda m: m[:-1] + padded + b"}")))
    files.append(Hostile("forged manifest", "a stored manifest of 339 MiB", "package",
                         path=stored_manifest_file(folder / "huge.rvpkg", 339 << 20)))
    return files
