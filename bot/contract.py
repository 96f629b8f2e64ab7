"""Names of the outside contract (../shared/spec/contract.md): the widget, the
console and outside checks rely on them. Add freely; never rename or drop."""

from __future__ import annotations

# BCP 47 primary tags as Babel/CLDR spell them, in the contract's order.
CONTRACT_LANGUAGES: tuple[str, ...] = (
    "ja",
    "en",
    "vi",
    "zh",
    "id",
    "fil",
    "ne",
    "my",
    "pt",
    "ko",
    "th",
)

# The plain-Japanese register (やさしい日本語) travels as its own code.
PLAIN_JAPANESE = "ja-easy"

UNDETERMINED = "und"


def base_language(code: str) -> str:
    """'ja-easy' -> 'ja'; a register shares its language's data and models."""
    return code.split("-", 1)[0]


CONTRACT_INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "bot_challenge",
    "help",
    "change_language",
    "out_of_scope",
    "ask_hiring_steps",
    "ask_visa_types",
    "ask_ssw_overview",
    "ask_ssw_fields",
    "ask_ssw_requirements",
    "ask_ssw_support",
    "ask_retention",
    "ask_recruiting_events",
    "ask_navi_center",
    "ask_contact",
    "ask_seminars",
    "ask_program",
    "ask_cost",
    "ask_job_search",
    "ask_japanese_level",
    "ask_work_environment",
    "book_consultation",
    "check_booking",
    "cancel_booking",
    "request_human",
)
