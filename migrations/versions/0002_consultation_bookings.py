"""Consultation bookings: counselors, interpreters, their slots, and bookings.

The partial unique indexes are the no-double-booking rule, enforced by the
database on SQLite and PostgreSQL alike.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ACTIVE = "status = 'confirmed'"
ACTIVE_WITH_INTERPRETER = "status = 'confirmed' AND interpreter_id IS NOT NULL"


def upgrade() -> None:
    op.create_table(
        "counselors",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("hours", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "interpreters",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("hours", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "consultation_slots",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("counselor_id", sa.String(40), sa.ForeignKey("counselors.id"), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("counselor_id", "starts_at", name="uq_slots_counselor_start"),
    )
    op.create_index("ix_consultation_slots_starts_at", "consultation_slots", ["starts_at"])
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(9), nullable=False, unique=True),
        sa.Column("request_key", sa.String(64), nullable=False, unique=True),
        sa.Column("slot_id", sa.Integer(), sa.ForeignKey("consultation_slots.id"), nullable=False),
        sa.Column("counselor_id", sa.String(40), sa.ForeignKey("counselors.id"), nullable=False),
        sa.Column("interpreter_id", sa.String(40), sa.ForeignKey("interpreters.id")),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("format", sa.String(12), nullable=False),
        sa.Column("name", sa.Text()),
        sa.Column("contact_kind", sa.String(5)),
        sa.Column("contact_value", sa.Text()),
        sa.Column("contact_key", sa.Text()),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("purge_after", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "uq_bookings_active_slot", "bookings", ["slot_id"], unique=True,
        sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE),
    )  # fmt: skip
    op.create_index(
        "uq_bookings_active_interpreter", "bookings", ["interpreter_id", "starts_at"], unique=True,
        sqlite_where=sa.text(ACTIVE_WITH_INTERPRETER), postgresql_where=sa.text(ACTIVE_WITH_INTERPRETER),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("bookings")
    op.drop_table("consultation_slots")
    op.drop_table("interpreters")
    op.drop_table("counselors")
