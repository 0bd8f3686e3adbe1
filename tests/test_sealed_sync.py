"""Return bundles a sealed home keeps (issue 15): the outbox's copies and the chair's pulled bundles
hold names, scores and comments, so they are sealed under the home key like the dossiers; what
leaves the home (the upload's body, a bundle on a USB stick) stays the plain signed bundle. Against
a real `reviewdesk intake serve` (SQLite)."""
from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import signing_key
from review_model.importer import import_package
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.signing.bundle import read_return_bundle
from review_model.signing.sign import sign_sheet
from review_model.store.models import OutboxBundle
from review_model.store.sealed import is_sealed, read_kept_file
from review_model.store.sealing import seal_home, unsealed_bundles
from review_model.sync.outbox import Outbox, OutboxState, intake_target, items
from review_model.sync.pull import pull_returns
from tests.support import rawdb
from tests.support.intake import Backend, start_intake
from tests.support.sheets import complete_sheet
from tests.support.sync_round import make_sync_round

pytestmark = pytest.mark.slow  # a real intake process and real signing
COMMENT = "扣分原因：带徒记录缺少二〇二五年下半年台账。"


@pytest.fixture(scope="module")
def sqlite_intake(tmp_path_factory):
    running = start_intake(tmp_path_factory.mktemp("sealed-sync-intake"), Backend("sqlite"))
    yield running
    assert running.process.stop() == 0
    assert "Traceback" not in running.process.errors()


def _home(round_, person: str, target: Path) -> Home:
    shutil.copytree(round_.homes[person], target)
    home = Home(target)  # its own key, from the (test) keyring
    import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    return home


def _sign(home: Home, *applicants: str) -> None:
    reviewer = Reviewer.open(home)
    for applicant_id in applicants:
        complete_sheet(reviewer, applicant_id, comment=COMMENT)
        sign_sheet(reviewer, applicant_id, signing_key(home, person_id=reviewer.expert_id))


def _send(home: Home, **options):
    expert_id = Reviewer.open(home).expert_id
    return Outbox(home, intake_target(home), lambda: signing_key(home, person_id=expert_id), **options).send(force=True)


def _bundles(home: Home) -> list[OutboxBundle]:
    with home.store.read() as session:
        return list(session.scalars(select(OutboxBundle).order_by(OutboxBundle.id)))


def _needles(plain: bytes) -> dict[str, bytes]:
    """What a plain return bundle shows anyone who opens the file: the zip's member names (the
    applicants' ids and revisions), its signatures, and the signed sheets' PDFs stored as they are."""
    needles = {"zip signature": b"PK\x03\x04", "manifest name": b"manifest.json"}
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        for info in archive.infolist():
            needles[f"name {info.filename}"] = info.filename.encode()
            if info.filename.endswith(".pdf"):
                data = archive.read(info)
                needles[f"pdf {info.filename}"] = data[len(data) // 2:len(data) // 2 + 48]
    return needles


def _intake_copy(intake, round_, home: Home, digest: str) -> bytes:
    from tests.test_sync_outbox import _bureau_key, _round_id

    with intake.client() as client:
        client.login(_bureau_key(round_))
        return client.download(_round_id(home), digest)


def test_a_sealed_homes_outbox_copy_has_no_plaintext_and_the_intake_still_gets_the_plain_signed_bundle(
        sqlite_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", sqlite_intake)
    home = _home(round_, "E02", tmp_path / "E02")
    _sign(home, "A01", "A02")
    report = _send(home)
    assert report.delivered == 2 and report.problem is None
    assert [i.state for i in items(home)] == [OutboxState.DELIVERED, OutboxState.DELIVERED]
    (bundle,) = _bundles(home)
    kept = home.root / "outbox" / bundle.file_name
    on_disk = kept.read_bytes()
    assert is_sealed(kept) and sorted(p.name for p in kept.parent.iterdir()) == [bundle.file_name]
    # the intake received the plain signed bundle: the one named by the hash, verified against the package
    received = _intake_copy(sqlite_intake, round_, home, bundle.file_sha256)
    assert hashlib.sha256(received).hexdigest() == bundle.file_sha256 == kept.name.removesuffix(".rvret")
    assert bytes(read_kept_file(kept, home.blobs.sealer, bundle.file_sha256)) == received
    from review_model.exchange.package import open_package

    package = open_package(round_.package.read_bytes())
    try:
        checked = read_return_bundle(received, package)
    finally:
        package.container.close()
    assert sorted((s.applicant_id, s.revision) for s in checked.sheets) == [("A01", 1), ("A02", 1)]
    needles = _needles(received)
    assert len(needles) >= 6 and all(n in received for n in needles.values())  # the search can fail
    assert [label for label, n in needles.items() if n in on_disk] == []
    # the copy opens only with this home's key
    home.close()  # locked: the key is dropped with it
    with pytest.raises(Problem) as refused:
        read_kept_file(kept, home.blobs.sealer)
    assert refused.value.code == Code.SEALED_HOME_LOCKED


def test_a_damaged_sealed_copy_is_packed_again_and_delivered(sqlite_intake, tmp_path):
    from tests.support.intake import free_port

    round_ = make_sync_round(tmp_path / "round", sqlite_intake, url=f"http://127.0.0.1:{free_port()}")
    home = _home(round_, "E02", tmp_path / "E02")
    _sign(home, "A01")
    assert _send(home, attempts=1).problem.code == Code.INTAKE_UNREACHABLE  # packed, not sent
    (first,) = _bundles(home)
    kept = home.root / "outbox" / first.file_name
    damaged = bytearray(kept.read_bytes())
    damaged[-5] ^= 0x01
    kept.chmod(0o600)
    kept.write_bytes(damaged)
    expert_id = Reviewer.open(home).expert_id
    outbox = Outbox(home, intake_target(home, sqlite_intake.url), lambda: signing_key(home, person_id=expert_id))
    report = outbox.send(force=True)
    assert report.delivered == 1 and report.problem is None
    newest = _bundles(home)[-1]  # packed again (the same bytes when within the same second: then rewritten)
    assert newest.state == "delivered"
    assert is_sealed(home.root / "outbox" / newest.file_name)
    assert hashlib.sha256(read_kept_file(home.root / "outbox" / newest.file_name, home.blobs.sealer,
                                         newest.file_sha256)).hexdigest() == newest.file_sha256
    home.close()


def test_an_old_plain_outbox_is_sealed_in_place_and_keeps_working(sqlite_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", sqlite_intake)
    home = _home(round_, "E02", tmp_path / "E02")
    _sign(home, "A01")
    assert _send(home).delivered == 1
    (old,) = _bundles(home)
    home.close()
    rawdb.make_legacy(tmp_path / "E02")  # as the version before encryption left it: the outbox plain
    plain = (tmp_path / "E02" / "outbox" / old.file_name).read_bytes()
    assert not is_sealed(tmp_path / "E02" / "outbox" / old.file_name)
    leftover = tmp_path / "E02" / "outbox" / ".packing-0123.rvret"  # a kill while packing, before the upgrade
    leftover.write_bytes(plain)
    with Home(tmp_path / "E02") as home:  # the first start after the upgrade seals it
        assert unsealed_bundles(home) == []
        assert not leftover.exists()
        assert not any(n in (home.root / "outbox" / old.file_name).read_bytes() for n in _needles(plain).values())
        assert bytes(read_kept_file(home.root / "outbox" / old.file_name, home.blobs.sealer, old.file_sha256)) == plain
        reviewer = Reviewer.open(home)
        ops.amend(reviewer, "A01", "复核后调整")
        sign_sheet(reviewer, "A01", signing_key(home, person_id="E02"))
        assert _send(home).delivered == 1
        assert all(is_sealed(p) for p in (home.root / "outbox").iterdir())
        assert seal_home(home).sealed_bundles == 0  # nothing left to seal


def test_an_altered_plain_outbox_copy_is_not_sealed_as_if_genuine_and_does_not_block_the_start(sqlite_intake, tmp_path):
    from review_model.store.sealing import QUARANTINE, quarantined
    from ui.messages import describe

    round_ = make_sync_round(tmp_path / "round", sqlite_intake)
    home = _home(round_, "E02", tmp_path / "E02")
    _sign(home, "A01")
    assert _send(home).delivered == 1
    (old,) = _bundles(home)
    home.close()
    rawdb.make_legacy(tmp_path / "E02")
    path = tmp_path / "E02" / "outbox" / old.file_name
    altered = path.read_bytes()[:-1] + b"x"
    path.write_bytes(altered)
    with Home(tmp_path / "E02") as home:  # the start that seals the rest opens the workspace
        assert home.blobs.all_sealed and unsealed_bundles(home) == []
        moved = home.root / QUARANTINE / "outbox" / old.file_name
        assert not path.exists() and moved.read_bytes() == altered and not is_sealed(moved)  # as it was
        (said,) = quarantined(home)
        assert said.code == Code.KEPT_COPY_QUARANTINED and str(moved) in describe(said)
        assert f"outbox/{old.file_name}" in describe(said)
        Reviewer.open(home)  # the workspace works
    with Home(tmp_path / "E02") as home:  # said again at the next start, until the person deletes it
        assert len(quarantined(home)) == 1 and moved.read_bytes() == altered


def test_the_chairs_pulled_bundles_are_sealed_and_still_imported(sqlite_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", sqlite_intake)
    for person in ("E02", "E03"):
        expert = _home(round_, person, tmp_path / person)
        _sign(expert, "A01", "A02", "A03")
        assert _send(expert).delivered == 3
        expert.close()
    chair = _home(round_, "E01", tmp_path / "E01")
    report = pull_returns(chair, intake_target(chair), signing_key(chair, person_id="E01"))
    assert report.downloaded == 2 and len(report.intake.imported) == 2
    pulled = sorted((chair.root / "pulled").iterdir())
    assert len(pulled) == 2 and all(is_sealed(p) for p in pulled)
    for path in pulled:
        plain = _intake_copy(sqlite_intake, round_, chair, path.name.removesuffix(".rvret"))
        assert not any(n in path.read_bytes() for n in _needles(plain).values())
    chair.close()
