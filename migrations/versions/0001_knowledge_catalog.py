"""Knowledge catalog: programs, SSW fields, seminars.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programs",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("strategies", sa.JSON(), nullable=False),
        sa.Column("measure_ja", sa.Text()),
        sa.Column("name_ja", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("budget_million_yen", sa.Integer()),
        sa.Column("budget_reading", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("summary_en", sa.Text(), nullable=False),
        sa.Column("offers_en", sa.JSON(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(80), nullable=False),
    )
    op.create_table(
        "ssw_fields",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("name_ja", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("in_force", sa.Boolean(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("businesses", sa.JSON(), nullable=False),
        sa.Column("japanese_test_en", sa.Text(), nullable=False),
        sa.Column("type2_available", sa.String(10), nullable=False),
        sa.Column("dispatch_allowed", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(80), nullable=False),
    )
    op.create_table(
        "seminars",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("program_id", sa.String(80), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_seminars_starts_at", "seminars", ["starts_at"])


def downgrade() -> None:
    op.drop_index("ix_seminars_starts_at", "seminars")
    op.drop_table("seminars")
    op.drop_table("ssw_fields")
    op.drop_table("programs")
