"""Brings the database in line with knowledge/catalog/ at start: schema by
Alembic, then every record upserted and records no longer in the files removed
(idempotent: running it twice changes nothing)."""

from __future__ import annotations

import logging

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.kb.catalog import Catalog, as_columns, load_catalog
from bot.kb.knowledge import Knowledge
from bot.store.database import session_scope, upgrade_schema
from bot.store.schema import ProgramRow, SeminarRow, SswFieldRow

logger = logging.getLogger(__name__)

TABLES = (("programs", ProgramRow), ("ssw_fields", SswFieldRow), ("seminars", SeminarRow))


def sync_catalog(session: Session, catalog: Catalog) -> dict[str, int]:
    counts = {}
    for attribute, row_class in TABLES:
        records = getattr(catalog, attribute)
        for record in records:
            session.merge(row_class(**as_columns(record)))
        kept = [record.id for record in records]
        session.execute(delete(row_class).where(row_class.id.not_in(kept)))
        counts[attribute] = len(records)
    return counts


def prepare_database(url: str | None = None) -> dict[str, int]:
    """Schema to head, catalog files into the tables; raises on a malformed record."""
    catalog = load_catalog(known_sources=set(Knowledge().sources))
    upgrade_schema(url)
    with session_scope(url) as session:
        counts = sync_catalog(session, catalog)
        session.flush()
        stored = {attribute: len(session.execute(select(row.id)).all()) for attribute, row in TABLES}
    logger.info("Catalog in the database: %s", stored)
    return counts


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(prepare_database())
