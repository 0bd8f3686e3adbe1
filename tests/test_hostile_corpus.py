"""Over 200 hostile exchange files through the real `reviewdesk verify`, `import` and `chair compile`:
each is refused with one line on stderr and exit 1, never a traceback, and no home changes.

The files are forged in memory from the small round (tests/support/corpus.py): damaged zip data,
flipped bytes, truncations, forged manifests (deep, keys twice, odd keys, 5 MiB and 339 MiB), and
contents validly signed by the bureau, the expert or the chair that are deep, ambiguous, impossible
or carry control characters. The command runs in this process (tests/support/hostile_round.run) so
that 600 runs stay fast; test_the_real_command_agrees runs a sample as separate processes.
"""
from __future__ import annotations

from collections import Counter

import pytest

from review_model.chair.compile import compile_panel
from review_model.chair.intake import import_returns
from review_model.chair.result import write_result
from review_model.exchange.package import open_package
from review_model.home import Home
from review_model.identity import signing_key
from tests.support.cli import reviewdesk
from tests.support.corpus import corpus
from tests.support.hostile_round import make_world, run
from tests.support.snapshot import snapshot


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    world = make_world(root)
    compiled = world.copy_home("chair", root / "compiled")  # a result to forge from, made the chair's way
    with Home(compiled) as home:
        with open_package(world.package) as package:
            import_returns(home, package, [world.bundle])
        key = signing_key(home, person_id="E01")
        # one expert's bundle, signed on purpose without the others: the corpus needs a real result to forge
        written = write_result(home, compile_panel(home), root / "result", key, allow_incomplete=True)
    files = corpus(world, written.files[-1], key, root)
    folder = root / "hostile"
    folder.mkdir()
    paths = []
    for index, item in enumerate(files):
        path = item.path or folder / f"{index:03d}{'.rvpkg' if item.kind == 'package' else '.rvret' if item.kind == 'return' else '.rvres'}"
        if item.data is not None:
            path.write_bytes(item.data)
        paths.append(path)
    return world, files, paths


def _one_line(code: int, err: str) -> bool:
    return code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_at_least_200_hostile_files_of_every_class(hostile):
    _world, files, _paths = hostile
    groups = Counter(f.group for f in files)
    assert len(files) >= 200, groups
    assert set(groups) == {"zip damage", "flipped byte", "truncated file", "forged manifest", "signed package contents",
                           "signed bundle contents", "signed result contents"}
    assert {f.kind for f in files} == {"package", "return", "result"}


@pytest.mark.slow
def test_every_hostile_file_is_refused_by_verify_import_and_compile_and_no_home_changes(hostile, tmp_path, capsys):
    world, files, paths = hostile
    fresh, chair = world.copy_home("fresh", tmp_path / "fresh"), world.copy_home("chair", tmp_path / "chair")
    before = {"fresh": snapshot(fresh), "chair": snapshot(chair)}
    bureau_pub = world.round.spec / "identities" / "B01.pub"
    out = tmp_path / "out"
    failures = []

    def refused(what: str, *args) -> str:
        code, said, err = run(capsys, *args)
        if not _one_line(code, err):
            failures.append(f"{what}: {[str(a)[-40:] for a in args[-4:]]} → {code} {err!r}")
        return said

    for group in sorted({f.group for f in files}):
        offered = []  # bundles and results of this group: all offered to one compile, as the chair would
        for item, path in ((f, p) for f, p in zip(files, paths) if f.group == group):
            what = f"{item.group} / {item.name}"
            if item.kind == "package":
                refused(what, "verify", path, "--trust", bureau_pub)
            else:
                refused(what, "verify", path, "--package", world.package)
                offered.append((what, path))
            refused(what, "--home", fresh, "import", path, "--trust-bureau", world.round.bureau_fingerprint)
            if item.kind == "package" and item.compile_reads:
                refused(what, "--home", chair, "chair", "compile", path, world.bundle, "-o", out)
        if offered:
            said = refused(group, "--home", chair, "chair", "compile", world.package, *(p for _w, p in offered), "-o", out)
            failures += [f"{what}: not refused by compile" for what, path in offered
                         if f"{path.name}: refused, left out" not in said]
        assert {"fresh": snapshot(fresh), "chair": snapshot(chair)} == before, f"a home changed during {group}"
        assert not out.exists(), group
    assert not failures, "\n".join(failures[:20]) + f"\n({len(failures)} in all)"


@pytest.mark.slow
def test_the_real_command_agrees(hostile, tmp_path):
    """A sample through `reviewdesk` as separate processes: one bundle or result of each class offered to
    one compile (each refused, left out; one line on stderr, exit 1), and one package verified."""
    world, files, paths = hostile
    chair = world.copy_home("chair", tmp_path / "chair")
    before = snapshot(chair)
    sample = {}
    for item, path in zip(files, paths):
        if item.kind != "package":
            sample.setdefault(item.group, path)
    done = reviewdesk("--home", chair, "--lang", "en", "chair", "compile", world.package, *sample.values(),
                      "-o", tmp_path / "out")
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1, done.stderr
    assert all(f"{path.name}: refused, left out" in done.stdout for path in sample.values()), done.stdout
    package_file = next(p for f, p in zip(files, paths) if f.group == "signed package contents")
    done = reviewdesk("--lang", "en", "verify", package_file)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1, done.stderr
    assert snapshot(chair) == before
