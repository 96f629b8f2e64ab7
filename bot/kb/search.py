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
from bot.nlu.scripts import script_counts
from bot.nlu.segmenters import japanese
from bot.nlu.text_forms import fold, normalise

MIN_SCORE = 0.12
TOPIC_BOOST = 0.5
# Hits far below the best one are noise: keep those within this share of it.
RELATIVE_CUTOFF = 0.5
# A name or keyword counts as mentioned when this share of its n-grams is in the query.
WHOLE_PHRASE = 0.8
MAX_TERM_PROGRAMS = 3


def _plain(text: str) -> str:
    return fold(normalise(text))


@dataclass(frozen=True)
class Hit:
    program: Program
    score: float


class ProgramIndex:
    """Two views of a query: its likeness to a program's whole description
    (TF-IDF cosine), and how completely it contains one of the program's names
    or keywords (a long polite question still contains "後継者" whole)."""

    def __init__(
        self,
        programs: Iterable[Program],
        extra_names: dict[str, list[str]] | None = None,
        strategies: dict[str, dict[str, tuple[str, ...]]] | None = None,
    ) -> None:
        from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

        self._programs = tuple(programs)
        extra_names = extra_names or {}
        strategies = strategies or {}
        names = [
            self._names(program, extra_names.get(program.id, []) + _strategy_names(program, strategies))
            for program in self._programs
        ]
        self._documents = [" ".join(each) for each in names]
        self._vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
        self._matrix = self._vectorizer.fit_transform(self._documents)
        phrases = [name for each in names for name in each]  # already plain (_names)
        self._owner = [index for index, each in enumerate(names) for _ in each]
        # A phrase many programs share ("セミナー", "support") says little: weigh by 1 / programs using it.
        documents = self._documents
        self._phrase_weight = [1 / max(1, sum(phrase in document for document in documents)) for phrase in phrases]
        # "char", not "char_wb": Japanese has no spaces, so a keyword sits mid-"word".
        self._phrase_counter = CountVectorizer(analyzer="char", ngram_range=(2, 3), binary=True)
        self._phrases = self._phrase_counter.fit_transform(phrases)
        self._phrase_sizes = self._phrases.sum(axis=1).A.ravel()

    @staticmethod
    def _names(program: Program, extra_names: list[str]) -> list[str]:
        names = [program.name_ja, program.name_en, *extra_names]
        for keywords in program.keywords.values():
            names += keywords
        return [_plain(name) for name in names if name.strip()]

    def _containment(self, query: str) -> list[float]:
        """Per program: the weight of the most specific of its phrases the query mentions."""
        present = self._phrase_counter.transform([query])
        shares = (self._phrases @ present.T).toarray().ravel() / self._phrase_sizes.clip(min=1)
        best = [0.0] * len(self._programs)
        for owner, share, weight in zip(self._owner, shares, self._phrase_weight, strict=True):
            if share >= WHOLE_PHRASE:
                best[owner] = max(best[owner], weight)
        return best

    def _named_terms(self, query: str) -> list[float]:
        """Per program: the kanji/katakana words of the query its names contain
        ("専門家" in 専門家派遣), each weighed by 1 / programs containing it.
        Japanese needs this: a polite question shares few n-grams with a name.
        Words in more than MAX_TERM_PROGRAMS programs (東京都, 支援) say nothing."""
        weights = [0.0] * len(self._programs)
        counts = script_counts(query)
        if not counts.get("han") and not counts.get("kana"):
            return weights
        terms = {_plain(piece.text) for piece in japanese.segment(query) if _is_kanji_or_katakana_word(piece.text)}
        for term in terms:
            owners = [index for index, document in enumerate(self._documents) if term in document]
            if len(owners) > MAX_TERM_PROGRAMS:
                continue
            for index in owners:
                weights[index] = min(1.0, weights[index] + 1 / len(owners))
        return weights

    def search(self, query: str, topics: Iterable[str] = (), audience: str | None = None, limit: int = 5) -> list[Hit]:
        topics = set(topics)
        plain = _plain(query)
        similarities = (self._matrix @ self._vectorizer.transform([plain]).T).toarray().ravel()
        containment = self._containment(plain)
        named = self._named_terms(query)
        hits = []
        for program, similarity, contained, term_weight in zip(
            self._programs, similarities, containment, named, strict=True
        ):
            if audience and audience not in program.audience:
                continue
            topic = TOPIC_BOOST if topics & set(program.topics) else 0.0
            score = float(similarity) + 0.5 * max(contained, term_weight) + topic
            if score >= MIN_SCORE:
                hits.append(Hit(program, score))
        hits.sort(key=lambda hit: -hit.score)
        return [hit for hit in hits if hit.score >= RELATIVE_CUTOFF * hits[0].score][:limit]


def _strategy_names(program: Program, strategies: dict[str, dict[str, tuple[str, ...]]]) -> list[str]:
    return [name for code in program.strategies for names in strategies.get(code, {}).values() for name in names]


def _is_kanji_or_katakana_word(word: str) -> bool:
    return len(word) >= 2 and all("\u4e00" <= char <= "\u9fff" or "\u30a0" <= char <= "\u30ff" for char in word)


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
