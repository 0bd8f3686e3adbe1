"""Nothing unsigned is parsed beyond need, nothing untrusted is parsed at all.

The manifest is bounded in size before it is read, its signer key is taken from it without
parsing its structure and must be Ed25519, the signature is checked over its exact bytes before
the JSON is parsed (bounded in depth, no repeated keys), and a package's contents are read only
once its signer is trusted."""
from __future__ import annotations

import json
import random

import pytest

from review_model import crypto
from review_model.errors import Code, Problem
from review_model.exchange.container import SigningKey
from review_model.home import Home
from review_model.importer import import_package
from review_model.verification import verify_file
from tests.support.hostile_round import make_world, run
from tests.support.snapshot import snapshot
from tests.support.tamper import (
    duplicate_key,
    ec_public_pem,
    edit_json,
    nested,
    reseal,
    set_signer_key,
    stored_manifest_file,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("manifest"))


def _refused(path, package=None) -> Problem:
    with pytest.raises(Problem) as caught:
        verify_file(path, package)
    return caught.value


def _everywhere(world, tmp_path, capsys, bad) -> list[str]:
    """verify, import and chair compile each refuse `bad` (a package) with one line; homes unchanged."""
    fresh, chair = world.copy_home("fresh", tmp_path / "fresh"), world.copy_home("chair", tmp_path / "chair")
    before = snapshot(fresh), snapshot(chair)
    said = []
    for args in (["verify", bad], ["--home", fresh, "import", bad, "--trust-bureau", world.round.bureau_fingerprint],
                 ["--home", chair, "chair", "compile", bad, world.bundle, "-o", tmp_path / "out"]):
        code, _out, err = run(capsys, *args)
        assert code == 1 and err.count("\n") == 1, err
        said.append(err.strip())
    assert (snapshot(fresh), snapshot(chair)) == before
    return said


def test_a_manifest_larger_than_any_reviewdesk_makes_is_refused_even_when_signed(world, tmp_path, capsys):
    padded = tmp_path / "padded.rvpkg"  # valid JSON, validly signed: whitespace is free in JSON
    blanks = bytes(random.Random(9).choices(b" \t\r\n", k=5 << 20))  # mixed, so that it does not look like a zip bomb
    padded.write_bytes(reseal(world.package, world.bureau_key, manifest=lambda m: m[:-1] + blanks + b"}"))
    problem = _refused(padded)
    assert (problem.code, problem.params["member"], problem.params["reason"]) == (
        Code.JSON_REFUSED, "manifest.json", "too_long")
    said = _everywhere(world, tmp_path, capsys, padded)
    assert all("The member manifest.json was refused: it is longer than the app accepts" in s for s in said)


def test_a_339_mib_stored_manifest_is_refused_before_it_is_read(world, tmp_path, capsys):
    huge = stored_manifest_file(tmp_path / "huge.rvpkg", 339 << 20)  # sparse: zeros nobody should read
    problem = _refused(huge)
    assert (problem.code, problem.params["reason"]) == (Code.JSON_REFUSED, "too_long")
    assert problem.params["detail"] == f"{339 << 20} bytes"
    _everywhere(world, tmp_path, capsys, huge)


def test_a_manifest_nested_200000_deep_is_refused_not_recursed_into(world, tmp_path, capsys):
    deep = tmp_path / "deep.rvpkg"
    deep.write_bytes(reseal(world.package, world.bureau_key,
                            manifest=lambda m: m[:-1] + b', "x": ' + nested(200_000).encode() + b"}"))
    problem = _refused(deep)
    assert (problem.code, problem.params["reason"]) == (Code.JSON_REFUSED, "too_deep")
    unsigned = tmp_path / "deep-unsigned.rvpkg"  # the same, signed by nobody: not even parsed
    unsigned.write_bytes(reseal(world.package, world.bureau_key, manifest=lambda m: nested(200_000).encode(),
                                signature=b"AAAA"))
    assert _refused(unsigned).code == Code.MANIFEST_INVALID
    said = _everywhere(world, tmp_path, capsys, deep)
    assert all("nested deeper than any ReviewDesk file" in s for s in said)


@pytest.mark.parametrize("curve", ["secp112r1", "brainpoolP256r1"])
def test_a_signer_key_that_is_not_ed25519_is_refused_in_one_sentence(world, tmp_path, capsys, curve):
    pem = ec_public_pem(curve)
    odd = tmp_path / f"{curve}.rvpkg"
    odd.write_bytes(reseal(world.package, world.bureau_key, manifest=lambda m: set_signer_key(m, pem)))
    assert _refused(odd).code == Code.KEY_UNSUPPORTED
    said = _everywhere(world, tmp_path, capsys, odd)
    assert all("signed with a kind of key ReviewDesk does not accept" in s for s in said)
    identity = tmp_path / f"{curve}.pub"  # and as a public identity file given to --trust
    identity.write_text(json.dumps({"format": "reviewdesk-identity", "format_version": 1, "name": "某人",
                                    "role": "bureau", "public_key_pem": pem, "fingerprint": "0", "created_at":
                                    "2026-01-01T00:00:00+00:00"}), encoding="utf-8")
    code, _out, err = run(capsys, "verify", world.package, "--trust", identity)
    assert code == 1 and err.count("\n") == 1 and f"{curve}.pub" in err


def test_a_manifest_naming_a_field_twice_is_refused(world, tmp_path, capsys):
    twice = tmp_path / "twice.rvpkg"
    twice.write_bytes(reseal(world.package, world.bureau_key,
                             manifest=lambda m: duplicate_key(m, "round_id", "2026-OTHER")))
    problem = _refused(twice)
    assert (problem.code, problem.params["reason"], problem.params["detail"]) == (
        Code.JSON_REFUSED, "duplicate_key", '"round_id"')
    said = _everywhere(world, tmp_path, capsys, twice)
    assert all("it names the same field twice" in s for s in said)


def _stranger(world) -> SigningKey:
    return SigningKey("B01", "区人力资源局", "bureau", crypto.new_seed())


@pytest.mark.parametrize("poison", ["deep rubric", "bad expert key"])
def test_a_package_from_an_untrusted_key_is_not_parsed_before_trust_is_decided(world, tmp_path, capsys, poison):
    def change(members):
        if poison == "deep rubric":
            members["rubrics/master_studio.json"] = nested(200_000).encode()
        else:
            edit_json(members, "experts.json", lambda d: d["experts"][1].update(public_key_pem=ec_public_pem("secp112r1")))

    forged = tmp_path / "forged.rvpkg"
    forged.write_bytes(reseal(world.package, _stranger(world), members=change))
    fresh, chair = world.copy_home("fresh", tmp_path / "fresh"), world.copy_home("chair", tmp_path / "chair")
    before = snapshot(fresh), snapshot(chair)
    with Home(fresh) as home, pytest.raises(Problem) as caught:
        import_package(home, forged, trust_bureau=world.round.bureau_fingerprint)
    assert caught.value.code == Code.BUREAU_UNKNOWN  # the fingerprint confirmed is the real bureau's, not this one
    expert = world.copy_home("fresh", tmp_path / "expert")
    with Home(expert) as home:
        import_package(home, world.package, trust_bureau=world.round.bureau_fingerprint)
        with pytest.raises(Problem) as caught:
            import_package(home, forged)
    assert caught.value.code == Code.BUREAU_CHANGED
    bureau_pub = world.round.spec / "identities" / "B01.pub"
    for args, expected in ((["verify", forged, "--trust", bureau_pub], "not trusted here"),
                           (["--home", fresh, "import", forged, "--trust-bureau", world.round.bureau_fingerprint],
                            "Compare the fingerprint"),
                           (["--home", chair, "chair", "compile", forged, world.bundle, "-o", tmp_path / "out"],
                            "already holds a different package")):
        code, _out, err = run(capsys, *args)
        assert code == 1 and err.count("\n") == 1 and expected in err, err
    assert (snapshot(fresh), snapshot(chair)) == before
