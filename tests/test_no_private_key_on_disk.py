"""After a full expert's workflow the data folder, the database and the return bundle hold no private
key material: not the seed's bytes, nor its base64, hex or PEM/DER private encodings."""
from __future__ import annotations

import base64
import os
import zipfile
from pathlib import Path

import pymupdf
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from review_model.home import Home
from review_model.identity import signing_key
from review_model.importer import import_package
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.signing.returns import export_returns
from review_model.signing.sign import sign_sheet
from tests.support import rawdb
from tests.support.sheets import complete_sheet, make_key_file_round
from tests.support.small_round import make_small_round

PASSPHRASE = "correct horse battery staple"


def secret_forms(seed: bytes) -> list[bytes]:
    key = Ed25519PrivateKey.from_private_bytes(seed)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    openssh = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption())
    forms = [seed, seed.hex().encode(), seed.hex().upper().encode(), base64.b64encode(seed),
             base64.b64encode(seed).rstrip(b"="), base64.urlsafe_b64encode(seed).rstrip(b"="), pem, der,
             b"".join(pem.splitlines()[1:-1]), base64.b64encode(der), openssh]
    return forms + [f.decode("ascii").encode("utf-16-le") for f in forms[1:6]]


def _texts(path: Path, data: bytes) -> list[bytes]:
    """The bytes of a file and of whatever it holds compressed (zip members, PDF streams)."""
    out = [data]
    if data[:2] == b"PK":
        with zipfile.ZipFile(path) as archive:
            out += [archive.read(name) for name in archive.namelist()]
    if data[:5] == b"%PDF-":
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            out += [doc.xref_stream(x) or b"" for x in range(1, doc.xref_length()) if doc.xref_is_stream(x)]
            out += [page.get_text().encode("utf-8") for page in doc]
    return out


def _database_values(db: Path) -> list[bytes]:
    values = []
    with rawdb.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, bytes):
                        values.append(value)
                    elif isinstance(value, str):
                        values.append(value.encode("utf-8"))
    return values


def assert_no_secret(seed: bytes, paths: list[Path], db: Path) -> int:
    forms = secret_forms(seed)
    searched = 0
    for root in paths:
        for path in [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()):
            for blob in _texts(path, path.read_bytes()):
                searched += 1
                found = [f[:12] for f in forms if f in blob]
                assert not found, f"private key material in {path}"
    for value in _database_values(db):
        searched += 1
        assert not any(f in value for f in forms), f"private key material in the database: {value[:60]!r}"
    return searched


@pytest.mark.parametrize("key_store", ["keyring", "file"])
def test_no_private_key_material_in_the_home_the_database_or_the_bundle(tmp_path, key_store):
    if key_store == "file":
        homes, package, bureau_fp = make_key_file_round(tmp_path, PASSPHRASE)
    else:
        made = make_small_round(tmp_path)
        homes, package, bureau_fp = made.homes, made.package, made.bureau_fingerprint
    bundle = tmp_path / "E02.rvret"
    with Home(homes["E02"]) as home:
        import_package(home, package, trust_bureau=bureau_fp)
        reviewer = Reviewer.open(home)
        key = signing_key(home, lambda: PASSPHRASE, person_id="E02")
        complete_sheet(reviewer, "A01")
        sign_sheet(reviewer, "A01", key)
        ops.amend(reviewer, "A01", "更正")
        sign_sheet(reviewer, "A01", key)
        ops.declare_conflict(reviewer, "A02", "亲属关系")
        export_returns(reviewer, bundle, key)
        seed = key.seed
    assert (homes["E02"] / "keys" / "identity.key").exists() == (key_store == "file")
    keyring_folder = Path(os.environ["REVIEWDESK_TEST_KEYRING"])
    assert homes["E02"] not in keyring_folder.parents and keyring_folder != homes["E02"]
    kept_apart = [homes["E02"], bundle] + ([keyring_folder] if key_store == "file" else [])
    searched = assert_no_secret(seed, kept_apart, homes["E02"] / "reviewdesk.db")  # a key file's seed: not in the keyring
    assert searched > 50  # the blobs, PDFs and their streams, every database value were looked at
    # the search itself finds a seed where one is: a planted copy is caught
    (tmp_path / "planted.txt").write_bytes(b"x" + base64.b64encode(seed) + b"x")
    with pytest.raises(AssertionError):
        assert_no_secret(seed, [tmp_path / "planted.txt"], homes["E02"] / "reviewdesk.db")
