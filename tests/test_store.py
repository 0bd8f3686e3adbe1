import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import select

from review_model.store.db import HEAD_REVISION, Store
from review_model.store.models import AuditEntry, Setting


def test_every_pooled_connection_is_durable_and_checks_foreign_keys(tmp_path):
    store = Store(tmp_path / "x.db")
    connections = [store.engine.connect() for _ in range(3)]  # distinct pooled connections
    try:
        for conn in connections:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        for conn in connections:
            conn.close()


def test_migrations_reach_the_models_exactly(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from review_model.store.models import Base

    store = Store(tmp_path / "x.db")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_head_constant_matches_the_migration_scripts():
    from pathlib import Path

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    import review_model.store.db as db

    config = Config()
    config.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_a_failed_unit_of_work_leaves_nothing(tmp_path):
    store = Store(tmp_path / "x.db")
    with pytest.raises(RuntimeError):
        with store.write("tester") as (session, audit):
            session.add(Setting(key="k", value="v"))
            audit.record("set", "setting", "k", "value", None, "v")
            session.flush()
            raise RuntimeError("power cut in the middle")
    with store.read() as session:
        assert session.get(Setting, "k") is None
        assert session.scalars(select(AuditEntry)).all() == []


def test_audit_log_is_append_only_even_for_raw_sql(tmp_path):
    store = Store(tmp_path / "x.db")
    with store.write("tester") as (session, audit):
        audit.record("score", "item_score", "1/1.1", "score", Decimal("7"), Decimal("7.5"))
    raw = sqlite3.connect(tmp_path / "x.db")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("UPDATE audit_log SET new_value='10'")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM audit_log")
    raw.close()
    with store.read() as session:
        entry = session.scalars(select(AuditEntry)).one()
        assert (entry.actor, entry.old_value, entry.new_value) == ("tester", "7", "7.5")


def test_committed_edit_survives_reopening(tmp_path):
    store = Store(tmp_path / "x.db")
    with store.write("tester") as (session, _):
        session.add(Setting(key="page", value="12"))
    store.close()
    assert Store(tmp_path / "x.db").integrity_ok()
    with Store(tmp_path / "x.db").read() as session:
        assert session.get(Setting, "page").value == "12"
