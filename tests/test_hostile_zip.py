"""Damaged zip data inside an exchange file (a flipped bit in a deflated member, a wrong CRC, a deflate
stream cut short) is refused with one sentence by verify, import and chair compile, never a traceback,
and leaves every home as it was."""
from __future__ import annotations

import pytest

from review_model.errors import Code, Problem
from review_model.verification import verify_file
from tests.support.cli import reviewdesk
from tests.support.hostile_round import make_world, run
from tests.support.snapshot import snapshot
from tests.support.tamper import damage


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("zip"))


PACKAGE_CASES = [("round.json", "deflate"), ("round.json", "crc"), ("round.json", "truncate"),
                 ("manifest.json", "deflate"), ("manifest.json", "truncate"), ("dossiers/A01/m01.pdf", "crc")]
COMPILE_READS = ("manifest.json", "round.json")  # the chair's compile reads the package's JSON, never its dossiers
BUNDLE_CASES = [("return.json", "deflate"), ("sheets/A01/r1.json", "truncate"), ("sheets/A01/r1.pdf", "crc")]


@pytest.mark.parametrize(("member", "how"), PACKAGE_CASES)
def test_a_damaged_package_member_is_refused_everywhere(world, tmp_path, capsys, member, how):
    bad = tmp_path / "damaged.rvpkg"
    bad.write_bytes(damage(world.package.read_bytes(), member, how))
    with pytest.raises(Problem) as caught:
        verify_file(bad)
    assert (caught.value.code, caught.value.params["member"]) == (Code.MEMBER_DAMAGED, member)

    fresh, chair = world.copy_home("fresh", tmp_path / "fresh"), world.copy_home("chair", tmp_path / "chair")
    before = snapshot(fresh), snapshot(chair)
    commands = [["verify", bad], ["--home", fresh, "import", bad, "--trust-bureau", world.round.bureau_fingerprint]]
    if member in COMPILE_READS:
        commands.append(["--home", chair, "chair", "compile", bad, world.bundle, "-o", tmp_path / "out"])
    for args in commands:
        code, _out, err = run(capsys, *args)
        assert code == 1 and err.count("\n") == 1, (args[-3:], err)
        assert f"The member {member} cannot be unpacked" in err
    assert (snapshot(fresh), snapshot(chair)) == before
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("member", "how"), BUNDLE_CASES)
def test_a_damaged_return_bundle_is_refused_and_left_out(world, tmp_path, capsys, member, how):
    bad = tmp_path / "E02-damaged.rvret"
    bad.write_bytes(damage(world.bundle.read_bytes(), member, how))
    with pytest.raises(Problem) as caught:
        verify_file(bad, world.package)
    assert (caught.value.code, caught.value.params["member"]) == (Code.MEMBER_DAMAGED, member)

    chair = world.copy_home("chair", tmp_path / "chair")
    before = snapshot(chair)
    code, out, err = run(capsys, "--home", chair, "chair", "compile", world.package, bad, "-o", tmp_path / "out")
    assert f"E02-damaged.rvret: refused, left out: The member {member} cannot be unpacked" in out
    assert code == 1 and err.count("\n") == 1  # nothing else was received: no scores to compile
    assert snapshot(chair) == before


def test_the_real_command_says_one_sentence_for_a_flipped_deflate_bit(world, tmp_path):
    bad = tmp_path / "flipped.rvpkg"
    bad.write_bytes(damage(world.package.read_bytes(), "applicants.json", "deflate"))
    done = reviewdesk("--lang", "en", "verify", bad)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "The member applicants.json cannot be unpacked: its compressed data is damaged or cut short. "
        "Ask the sender for a new copy."]
