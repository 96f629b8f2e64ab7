"""Engine and sessions for the database named by DATABASE_URL, created on
first use (never at import), and the Alembic upgrade that builds its schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import PROJECT_DIR, from_environment


def database_url() -> str:
    """DATABASE_URL, or the SQLite file var/app.db (bot.settings)."""
    return from_environment().database


@cache
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        # Three processes share the file: readers never block the writer (WAL), and a
        # writer waits for another's short transaction instead of failing at once.
        engine = create_engine(url, future=True, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A transaction: committed when the block ends, rolled back on an error."""
    factory = sessionmaker(bind=engine_for(url or database_url()), future=True, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session


def upgrade_schema(url: str | None = None) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(PROJECT_DIR / "migrations"))
    config.attributes["connection_url"] = url or database_url()
    command.upgrade(config, "head")


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
