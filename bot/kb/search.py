"""Finding catalog entries from what users type, in any catalog language:
"事業承継", "business succession" and "ke thua doanh nghiep" find the same
program. Character n-grams over folded text (no diacritics, NFKC, lower case)
match across spelling habits; NLU entities (topic, audience, field) narrow
and boost."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.kb.catalog import Catalog, Program, Seminar, SswField
from bot.nlu.text_forms import fold, normalise

MIN_SCORE = 0.12
TOPIC_BOOST = 0.5
# Hits far below the best one are noise: keep those within this share of it.
RELATIVE_CUTOFF = 0.5


def _plain(text: str) -> str:
    return fold(normalise(text))


@dataclass(frozen=True)
class Hit:
    program: Program
    score: float


class ProgramIndex:
    def __init__(self, programs: Iterable[Program], extra_names: dict[str, list[str]] | None = None) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._programs = tuple(programs)
        extra_names = extra_names or {}
        documents = [self._document(program, extra_names.get(program.id, [])) for program in self._programs]
        self._vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
        self._matrix = self._vectorizer.fit_transform(documents)

    @staticmethod
    def _document(program: Program, extra_names: list[str]) -> str:
        words = [program.name_ja, program.name_en, *extra_names, *program.topics]
        for keywords in program.keywords.values():
            words += keywords
        return _plain(" ".join(words))

    def search(self, query: str, topics: Iterable[str] = (), audience: str | None = None, limit: int = 5) -> list[Hit]:
        topics = set(topics)
        similarities = (self._matrix @ self._vectorizer.transform([_plain(query)]).T).toarray().ravel()
        hits = []
        for program, similarity in zip(self._programs, similarities, strict=True):
            if audience and audience not in program.audience:
                continue
            score = float(similarity) + (TOPIC_BOOST if topics & set(program.topics) else 0.0)
            if score >= MIN_SCORE:
                hits.append(Hit(program, score))
        hits.sort(key=lambda hit: -hit.score)
        return [hit for hit in hits if hit.score >= RELATIVE_CUTOFF * hits[0].score][:limit]


def upcoming_seminars(
    seminars: Iterable[Seminar],
    now: dt.datetime,
    audience: str | None = None,
    format: str | None = None,
    program_ids: Iterable[str] = (),
    limit: int = 5,
) -> list[Seminar]:
    """Seminars that have not started, soonest first; past ones are never offered."""
    wanted_programs = set(program_ids)
    found = [
        seminar for seminar in seminars
        if seminar.starts_at > now
        and (audience is None or seminar.audience == audience)
        and (format is None or seminar.format == format)
        and (not wanted_programs or seminar.program_id in wanted_programs)
    ]  # fmt: skip
    return sorted(found, key=lambda seminar: seminar.starts_at)[:limit]


def find_field(catalog: Catalog, text: str, field_ids: Iterable[str] = ()) -> SswField | None:
    """The SSW field a user names: by NLU entity first, else a business they mention."""
    for field_id in field_ids:
        field = catalog.field(field_id)
        if field:
            return field
    plain_text = _plain(text)
    matches = [
        (len(name), field)
        for field in catalog.ssw_fields
        for names in (*field.businesses.values(), (field.name_ja, field.name_en))
        for name in names
        if _mentions(plain_text, _plain(name))
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def _mentions(text: str, name: str) -> bool:
    """Latin names match whole words ('bus' is not in 'business'); others anywhere."""
    if not name:
        return False
    if name.isascii():
        return re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", text) is not None
    return name in text
