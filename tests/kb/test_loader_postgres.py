"""The catalog on PostgreSQL, the production database: same schema by Alembic,
same idempotent load, same records back (time zones included)."""

from sqlalchemy import func, select

from bot.kb.catalog import load_catalog
from bot.kb.loader import sync_catalog
from bot.kb.repository import CatalogRepository
from bot.store.database import session_scope, upgrade_schema
from bot.store.schema import ProgramRow
from tests.kb.catalog_fixture import write_catalog


def test_catalog_round_trip_on_postgres(postgres_url, tmp_path):
    upgrade_schema(postgres_url)
    upgrade_schema(postgres_url)
    catalog = load_catalog(write_catalog(tmp_path))
    for _ in range(2):
        with session_scope(postgres_url) as session:
            sync_catalog(session, catalog)
    with session_scope(postgres_url) as session:
        assert session.scalar(select(func.count()).select_from(ProgramRow)) == len(catalog.programs)
    stored = CatalogRepository(postgres_url).catalog()
    assert stored.program("business_succession") == catalog.program("business_succession")
    assert [s.starts_at for s in stored.seminars] == sorted(s.starts_at for s in catalog.seminars)
