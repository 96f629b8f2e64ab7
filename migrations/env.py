"""Alembic environment: the URL comes from the caller (bot.store.database) or DATABASE_URL."""

from alembic import context
from sqlalchemy import create_engine

from bot.store.database import database_url
from bot.store.schema import Base

url = context.config.attributes.get("connection_url") or database_url()


def run_migrations_offline() -> None:
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
