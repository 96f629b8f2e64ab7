"""Tables of the counselors' console (migrations/versions/0003_staff_accounts.py).

Only a SHA-256 of a session token is stored: a copy of the database does not
let anyone sign in as staff."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, Integer, String, Text

from bot.store.schema import Base, UtcDateTime


class StaffAccountRow(Base):
    __tablename__ = "staff_accounts"

    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(64), nullable=False, unique=True)  # lower case (accounts.normalize_username)
    display_name = Column(String(80), nullable=False)
    password_hash = Column(Text, nullable=False)  # argon2id, PHC string with its parameters
    languages = Column(JSON, nullable=False)  # contract codes: ["ja", "en"]
    active = Column(Boolean, nullable=False)
    created_at = Column(UtcDateTime, nullable=False)


class StaffSessionRow(Base):
    __tablename__ = "staff_sessions"

    token_hash = Column(String(64), primary_key=True)  # hex SHA-256 of the cookie's token
    csrf_token = Column(String(64), nullable=False)
    account_id = Column(Integer, ForeignKey("staff_accounts.id", ondelete="CASCADE"), nullable=False, index=True)
    created_at = Column(UtcDateTime, nullable=False)
    last_seen_at = Column(UtcDateTime, nullable=False)
    expires_at = Column(UtcDateTime, nullable=False, index=True)
    available = Column(Boolean, nullable=False)  # online for live chats


class StaffLoginFailureRow(Base):
    """One failed sign-in, by the username typed (known or not): the rate limit."""

    __tablename__ = "staff_login_failures"
    __table_args__ = (Index("ix_staff_login_failures_username_at", "username", "failed_at"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(64), nullable=False)
    failed_at = Column(UtcDateTime, nullable=False)
