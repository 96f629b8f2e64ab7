import datetime as dt

from sqlalchemy import func, select

from bot.kb.catalog import load_catalog
from bot.kb.loader import sync_catalog
from bot.kb.repository import CatalogRepository
from bot.store.database import session_scope, upgrade_schema
from bot.store.schema import ProgramRow, SeminarRow
from tests.kb.catalog_fixture import PROGRAMS, write_catalog


def test_sync_is_idempotent_and_removes_what_left_the_files(tmp_path):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_schema(url)
    upgrade_schema(url)  # a second upgrade is a no-op
    catalog = load_catalog(write_catalog(tmp_path))
    for _ in range(2):
        with session_scope(url) as session:
            sync_catalog(session, catalog)
    with session_scope(url) as session:
        assert session.scalar(select(func.count()).select_from(ProgramRow)) == 3
    smaller = load_catalog(write_catalog(tmp_path, programs=PROGRAMS[:2], seminars=[]))
    with session_scope(url) as session:
        sync_catalog(session, smaller)
    with session_scope(url) as session:
        assert session.scalar(select(func.count()).select_from(ProgramRow)) == 2
        assert session.scalar(select(func.count()).select_from(SeminarRow)) == 0


def test_repository_reads_back_the_same_records(tmp_path):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_schema(url)
    catalog = load_catalog(write_catalog(tmp_path))
    with session_scope(url) as session:
        sync_catalog(session, catalog)
    stored = CatalogRepository(url).catalog()
    assert stored.program("business_succession") == catalog.program("business_succession")
    assert {seminar.starts_at for seminar in stored.seminars} == {seminar.starts_at for seminar in catalog.seminars}
    assert all(seminar.starts_at.tzinfo is not None for seminar in stored.seminars)
    assert stored.seminars[0].starts_at < stored.seminars[-1].starts_at
    assert stored.seminars[0].starts_at == dt.datetime(2026, 11, 7, 1, 0, tzinfo=dt.timezone.utc)
