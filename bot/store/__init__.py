"""The project's own database (not Rasa's tracker store): SQLite by default,
PostgreSQL by setting DATABASE_URL. The schema is owned by Alembic (migrations/)."""
