"""What users type while booking, in all the assistant's languages: the words live in lexicon.yml; this
module loads them once, normalises text the same way for every caller and finds the words in it.

Matching rules (shared with when.py):
- Latin and Devanagari words match whole words only ("business" is not "bus"); Nepali postpositions
  listed under `suffixes` may be glued on ("bholiko"). Chinese, Japanese, Korean, Thai and Burmese
  words match anywhere, as those scripts do not separate words (or glue particles on, as Korean does).
- A Latin word also matches when the user left out its accents ("thu ba" for "thứ ba", "amanha" for
  "amanhã"), but never when they typed other ones ("tôi" is not "tối").
- When two matches overlap, one lying inside a longer one is dropped ("day after tomorrow" hides
  "tomorrow", "비대면" hides "대면").
- The user's language is tried first, then every language, as users mix them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LEXICON_PATH = Path(__file__).with_name("lexicon.yml")

# Limits for "the message is essentially a stop phrase": longer messages say something more.
MAX_STOP_WORDS = 6
MAX_STOP_CHARS = 20
MAX_STOP_CHARS_ABUGIDA = 30  # Thai and Burmese spell a syllable with several code points
# In a language that is not the user's, a short Latin word is more likely a word of theirs ("thu" in
# Vietnamese typed without accents is not English Thursday).
MIN_FOREIGN_LATIN = 4
_LONG_NUMBER = re.compile(r"\d{3,}")  # a booking reference or phone number: the message is not just "stop"

# Native digits users type; NFKC leaves them alone.
_DIGITS = {**{0x0966 + i: str(i) for i in range(10)}, **{0x0E50 + i: str(i) for i in range(10)}}
_DIGITS.update({0x1040 + i: str(i) for i in range(10)})
_QUOTES = {ord("’"): "'", ord("‘"): "'", ord("`"): "'"}

# Keys of a language block that become searchable words, and the shape of their value in the YAML.
_LABELLED = ("days", "weekdays", "weekdays_short", "weeks", "parts", "formats", "formats_weak", "roles", "roles_weak")
_LISTED = ("weekend", "this_before", "this_after", "next_before", "next_after", "ignore", "stop", "not_stop", "change")
_SETTINGS = (
    "also",
    "suffixes",
    "plain_ambiguous",
    "short_joiners_before",
    "short_joiners_after",
    "traditional",
    "months",
    "numbers",
    "ordinals",
    "half",
    "halfneg",
    "dates",
    "clock",
)
# YAML key -> the kind of the words it lists (singular, as callers ask for them).
KIND = {
    "days": "day",
    "weekdays": "weekday",
    "weekdays_short": "weekday_short",
    "weekend": "weekday",
    "weeks": "week",
    "parts": "part",
    "combos": "combo",
    "formats": "format",
    "formats_weak": "format_weak",
    "roles": "role",
    "roles_weak": "role_weak",
}
_WEEKEND = (5, 6)


@dataclass(frozen=True)
class Term:
    text: str  # normalised spelling, accents kept
    key: str  # the spelling searched for in TextViews.plain (or .han for Chinese)
    language: str
    kind: str  # "day", "weekday", "stop", "format", ...
    value: Any  # day offset, weekday numbers, label, ...
    unspaced: bool = False  # written only in scripts without spaces: searched in TextViews.joined


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term

    @property
    def kind(self) -> str:
        return self.term.kind

    @property
    def value(self) -> Any:
        return self.term.value


@dataclass(frozen=True)
class Language:
    code: str
    also: tuple[str, ...]
    terms: Mapping[str, tuple[Term, ...]]  # by kind
    suffixes: tuple[str, ...]
    plain_ambiguous: frozenset[str]
    joiners_before: str
    joiners_after: str
    raw: Mapping[str, Any]


@dataclass(frozen=True)
class CjkNumerals:
    digits: Mapping[str, int]
    ten: str
    units: str
    lone_one: str
    lone_one_before: str
    lone_one_after: tuple[str, ...]
    weekday_markers: str
    pattern: re.Pattern[str]  # a run of numerals right before a unit


@dataclass(frozen=True)
class Lexicon:
    languages: Mapping[str, Language]
    aliases: Mapping[str, str]
    common: Mapping[str, Any]
    traditional: Mapping[int, str]
    cjk: CjkNumerals


@dataclass(frozen=True)
class TextViews:
    """One message, normalised, in the parallel spellings words are searched in (same length, same offsets)."""

    norm: str  # NFKC, lower case, ASCII digits, single spaces
    plain: str  # norm with the accents of Latin letters dropped
    han: str  # plain with Traditional Chinese characters written Simplified
    # Without the spaces between two characters of unspaced scripts ("しごとを さがしています", as plain
    # Japanese is often typed), for words written only in those scripts; joined_at maps offsets back.
    joined: str = ""
    joined_han: str = ""
    joined_at: tuple[int, ...] = ()


# --- normalisation ---------------------------------------------------------------------------------


def normalize(text: str) -> str:
    """NFKC (full-width １２月３日 -> 12月3日), lower case, ASCII digits, single spaces, 两点 -> 2点."""
    return _normalize(text, load_lexicon().cjk)


def plain(text: str) -> str:
    """Latin letters without their accents, one character for one ("thứ ba" -> "thu ba")."""
    return "".join(_plain_char(c) for c in text)


def text_views(text: str) -> TextViews:
    norm = normalize(text)
    stripped = plain(norm)
    han = stripped.translate(load_lexicon().traditional)
    kept = [i for i in range(len(norm)) if not _between_unspaced(norm, i)]
    return TextViews(
        norm,
        stripped,
        han,
        joined="".join(stripped[i] for i in kept),
        joined_han="".join(han[i] for i in kept),
        joined_at=tuple(kept),
    )


def _between_unspaced(norm: str, i: int) -> bool:
    return norm[i] == " " and 0 < i < len(norm) - 1 and is_unspaced(norm[i - 1]) and is_unspaced(norm[i + 1])


def _normalize(text: str, cjk: CjkNumerals) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(_DIGITS).translate(_QUOTES)
    return " ".join(_cjk_to_digits(text, cjk).split())


@functools.cache
def _plain_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    if _is_latin_letter(c):
        base = unicodedata.normalize("NFD", c)[0]
        return base if base.isalpha() else c
    return c


def _cjk_to_digits(text: str, cjk: CjkNumerals) -> str:
    """Chinese numerals written before a date or clock unit become digits (十二月三日, 两点半)."""
    return cjk.pattern.sub(lambda m: _cjk_run(text, m, cjk), text)


def _cjk_run(text: str, match: re.Match[str], cjk: CjkNumerals) -> str:
    run, start = match.group(), match.start()
    prefix = ""
    if start and text[start - 1] in cjk.weekday_markers and len(run) > 1:
        prefix, run = run[0], run[1:]  # 周三三点: Wednesday, 3 o'clock
    if run == cjk.lone_one and not _lone_one_is_number(text, start + len(prefix), match.end(), cjk):
        return prefix + run
    value = _cjk_value(run, cjk)
    return prefix + (str(value) if value is not None else run)


def _lone_one_is_number(text: str, start: int, end: int, cjk: CjkNumerals) -> bool:
    # 一 alone is mostly a word (一時的, 一点 "a bit"); it counts only as 一月 or after 午後/月 etc.
    if end < len(text) and text[end] in cjk.lone_one_before:
        return True
    return any(text.endswith(word, 0, start) for word in cjk.lone_one_after)


def _cjk_value(run: str, cjk: CjkNumerals) -> int | None:
    if cjk.ten not in run:
        return int("".join(str(cjk.digits[c]) for c in run))
    tens, _, units = run.partition(cjk.ten)
    if cjk.ten in units or len(tens) > 1 or len(units) > 1:
        return None
    return (cjk.digits[tens] if tens else 1) * 10 + (cjk.digits[units] if units else 0)


# --- scripts ---------------------------------------------------------------------------------------


def _is_mark(c: str) -> bool:
    return unicodedata.category(c).startswith("M")


def _is_latin_letter(c: str) -> bool:
    o = ord(c)
    return 0x00C0 <= o <= 0x024F or 0x1E00 <= o <= 0x1EFF


def word_script(c: str) -> str | None:
    """'latin' or 'deva' for a character inside a word of a script that separates words with spaces."""
    o = ord(c)
    if o < 0x80:
        return "latin" if c.isalnum() else None
    if _is_latin_letter(c) or 0x0300 <= o <= 0x036F:
        return "latin" if c.isalpha() or _is_mark(c) else None
    if 0x0900 <= o <= 0x097F:
        return "deva" if c.isalnum() or _is_mark(c) else None
    return None


def is_unspaced(c: str) -> bool:
    """Chinese characters, kana, Thai or Burmese: scripts written without spaces between words."""
    o = ord(c)
    return (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x0E00 <= o <= 0x0E7F
        or 0x1000 <= o <= 0x109F
    )


def _is_abugida(c: str) -> bool:
    return 0x0E00 <= ord(c) <= 0x0E7F or 0x1000 <= ord(c) <= 0x109F


# --- loading ---------------------------------------------------------------------------------------


@functools.cache
def load_lexicon() -> Lexicon:
    with LEXICON_PATH.open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    common = data["common"]
    cjk = _load_cjk(common["cjk_numerals"])
    languages = {code: _load_language(code, block, cjk) for code, block in data["languages"].items()}
    traditional = {ord(k): _text(v, "traditional") for k, v in languages["zh"].raw.get("traditional", {}).items()}
    aliases = {_text(k, "aliases"): _text(v, "aliases") for k, v in data.get("aliases", {}).items()}
    for code in [*aliases.values(), *(a for lang in languages.values() for a in lang.also)]:
        if code not in languages:
            raise ValueError(f"lexicon.yml names an unknown language {code!r}")
    return Lexicon(languages, aliases, common, traditional, cjk)


def _load_cjk(block: Mapping[str, Any]) -> CjkNumerals:
    digits = {_text(k, "cjk_numerals"): int(v) for k, v in block["digits"].items()}
    ten, units = _text(block["ten"], "cjk_numerals"), _text(block["units"], "cjk_numerals")
    return CjkNumerals(
        digits=digits,
        ten=ten,
        units=units,
        pattern=re.compile(f"[{re.escape(''.join(digits) + ten)}]+(?=[{re.escape(units)}])"),
        lone_one=_text(block["lone_one"], "cjk_numerals"),
        lone_one_before=_text(block["lone_one_before"], "cjk_numerals"),
        lone_one_after=tuple(_texts(block["lone_one_after"], "cjk_numerals")),
        weekday_markers=_text(block["weekday_markers"], "cjk_numerals"),
    )


def _load_language(code: str, block: Mapping[str, Any], cjk: CjkNumerals) -> Language:
    unknown = set(block) - set(_LABELLED) - set(_LISTED) - set(_SETTINGS) - {"combos"}
    if unknown:
        raise ValueError(f"lexicon.yml: {code} has unknown keys {sorted(unknown)}")
    return Language(
        code=code,
        also=tuple(_texts(block.get("also", []), f"{code}.also")),
        terms=_terms(code, block, cjk),
        suffixes=tuple(_normalize(s, cjk) for s in _texts(block.get("suffixes", []), f"{code}.suffixes")),
        plain_ambiguous=frozenset(plain(_normalize(w, cjk)) for w in _texts(block.get("plain_ambiguous", []), code)),
        joiners_before=_text(block["short_joiners_before"], code) if "short_joiners_before" in block else "",
        joiners_after=_text(block["short_joiners_after"], code) if "short_joiners_after" in block else "",
        raw=block,
    )


def _terms(code: str, block: Mapping[str, Any], cjk: CjkNumerals) -> dict[str, tuple[Term, ...]]:
    """The language's searchable words, by kind."""
    traditional = {ord(k): v for k, v in block.get("traditional", {}).items()}
    terms: dict[tuple[str, str, Any], Term] = {}
    for word, kind, value in _entries(code, block):
        for text in _spellings(_normalize(word, cjk)):
            key = plain(text).translate(traditional)
            unspaced = all(is_unspaced(c) for c in key)
            terms.setdefault((text, kind, value), Term(text, key, code, kind, value, unspaced))
    by_kind: dict[str, list[Term]] = {}
    for term in terms.values():
        by_kind.setdefault(term.kind, []).append(term)
    return {kind: tuple(found) for kind, found in by_kind.items()}


def _entries(code: str, block: Mapping[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(word, kind, value) for every word the YAML block lists."""
    for key in _LABELLED:
        for label, words in block.get(key, {}).items():
            value = _label_value(key, label)
            yield from ((word, KIND.get(key, key), value) for word in _texts(words, f"{code}.{key}"))
    for key in _LISTED:
        value = _WEEKEND if key == "weekend" else True
        yield from ((word, KIND.get(key, key), value) for word in _texts(block.get(key, []), f"{code}.{key}"))
    for combo in block.get("combos", []):
        value = (int(combo["day"]), _text(combo["part"], f"{code}.combos"))
        yield from ((word, "combo", value) for word in _texts(combo["words"], f"{code}.combos"))


def _label_value(key: str, label: Any) -> Any:
    if key == "weekdays" or key == "weekdays_short":
        return (int(label),)
    if key in ("days", "weeks"):
        return int(label)
    return _text(label, key)


def _spellings(text: str) -> tuple[str, ...]:
    # Korean, Thai and Burmese users space words inconsistently ("다음 주" / "다음주").
    if " " in text and any(is_unspaced(c) or 0xAC00 <= ord(c) <= 0xD7AF for c in text):
        return (text, text.replace(" ", ""))
    return (text,)


def _texts(words: Any, where: str) -> list[str]:
    if not isinstance(words, list):
        raise ValueError(f"lexicon.yml: {where} must be a list, got {words!r}")
    return [_text(word, where) for word in words]


def _text(word: Any, where: str) -> str:
    # YAML reads bare no/on/12 as booleans or numbers; a word must be quoted then.
    if not isinstance(word, str) or not word.strip():
        raise ValueError(f"lexicon.yml: {where} holds {word!r}, not a word")
    return word


# --- languages -------------------------------------------------------------------------------------


def language_code(language: str) -> str | None:
    """The lexicon's code for a language tag ('ja-easy' -> 'ja', 'pt-BR' -> 'pt'), None when it has none."""
    lexicon = load_lexicon()
    tag = language.strip().lower().replace("_", "-")
    for candidate in (tag, tag.split("-", 1)[0]):
        candidate = lexicon.aliases.get(candidate, candidate)
        if candidate in lexicon.languages:
            return candidate
    return None


@dataclass(frozen=True)
class Tier:
    """Languages to search together; words of those not in `own` must be long enough to be unmistakable."""

    languages: tuple[str, ...]
    own: frozenset[str]


def language_tiers(language: str) -> tuple[Tier, ...]:
    """The languages to search, in order: the user's own (and the ones its users mix in), then all."""
    lexicon = load_lexicon()
    everyone = tuple(lexicon.languages)
    code = language_code(language)
    if code is None:
        return (Tier(everyone, frozenset(everyone)),)
    own = tuple(dict.fromkeys((code, *lexicon.languages[code].also)))
    return (Tier(own, frozenset(own)), Tier(everyone, frozenset(own)))


# --- searching -------------------------------------------------------------------------------------


def search_terms(views: TextViews, tier: Tier, kinds: Collection[str]) -> list[Match]:
    """Every occurrence of the tier's words of these kinds, overlaps included."""
    lexicon = load_lexicon()
    found: list[Match] = []
    for code in tier.languages:
        language = lexicon.languages[code]
        for kind in kinds:
            for term in language.terms.get(kind, ()):
                if code in tier.own or not _short_latin(term):
                    found += [Match(start, end, term) for start, end in _occurrences(views, term, language)]
    return found


def _short_latin(term: Term) -> bool:
    return word_script(term.text[0]) == "latin" and len(term.key.replace(" ", "")) < MIN_FOREIGN_LATIN


def keep_longest(matches: Iterable[Match]) -> list[Match]:
    """Drop each match that lies inside a longer one; the rest in text order."""
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        size = match.end - match.start
        if not any(k.start <= match.start and match.end <= k.end and k.end - k.start > size for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: (m.start, m.end))


def _occurrences(views: TextViews, term: Term, language: Language) -> Iterator[tuple[int, int]]:
    if term.unspaced:
        yield from _joined_occurrences(views, term, language)
        return
    view = views.han if term.language == "zh" else views.plain
    start = view.find(term.key)
    while start != -1:
        end = start + len(term.key)
        if (
            _accents_agree(views, term, start)
            and not _too_ambiguous(views, term, start, end, language)
            and _bounded(views.norm, start, end, term, language)
        ):
            yield start, end
        start = view.find(term.key, start + 1)


def _joined_occurrences(views: TextViews, term: Term, language: Language) -> Iterator[tuple[int, int]]:
    # Accents and word boundaries do not apply to these scripts; only one-letter weekdays check neighbours.
    view = views.joined_han if term.language == "zh" else views.joined
    start = view.find(term.key)
    while start != -1:
        first, last = views.joined_at[start], views.joined_at[start + len(term.key) - 1] + 1
        if term.kind != "weekday_short" or _joined(views.norm, first, last, language):
            yield first, last
        start = view.find(term.key, start + 1)


def _accents_agree(views: TextViews, term: Term, start: int) -> bool:
    # A letter the user typed without its accent is fine; one typed with a different accent is not.
    for offset, wanted in enumerate(term.text):
        typed = views.norm[start + offset]
        if typed != wanted and typed != views.plain[start + offset]:
            return False
    return True


def _too_ambiguous(views: TextViews, term: Term, start: int, end: int, language: Language) -> bool:
    typed_plain = views.norm[start:end] == views.plain[start:end]
    return typed_plain and term.key != term.text and term.key in language.plain_ambiguous


def _bounded(norm: str, start: int, end: int, term: Term, language: Language) -> bool:
    if term.kind == "weekday_short":
        return _joined(norm, start, end, language)
    left, right = word_script(term.text[0]), word_script(term.text[-1])
    if left and start > 0 and word_script(norm[start - 1]) == left:
        return False
    if right and end < len(norm) and word_script(norm[end]) == right:
        return any(norm.startswith(s, end) and _ends_word(norm, end + len(s), right) for s in language.suffixes)
    return True


def _ends_word(norm: str, end: int, script: str) -> bool:
    return end >= len(norm) or word_script(norm[end]) != script


def _joined(norm: str, start: int, end: int, language: Language) -> bool:
    # 火 is Tuesday in 来週の火 or (火), but not inside 火災; the neighbours must be particles or punctuation.
    before = norm[start - 1] if start else " "
    after = norm[end] if end < len(norm) else " "
    return (not before.isalnum() or before in language.joiners_before) and (
        not after.isalnum() or after in language.joiners_after
    )


# --- what the booking form asks ----------------------------------------------------------------------


def find_format(text: str, language: str) -> str | None:
    """'in_person', 'online' or 'phone' when the text names one consultation format (None for none or several)."""
    return _find_label(text, language, "format")


def find_role(text: str, language: str) -> str | None:
    """'employer' or 'job_seeker' when the text says which one the user is (None when unclear)."""
    return _find_label(text, language, "role")


def is_stop(text: str, language: str) -> bool:
    """True when the message is essentially a stop phrase ("cancel", "やめます", "thôi không đặt nữa", "算了")."""
    views = text_views(text)
    if not views.norm or not _is_short(views.norm) or _LONG_NUMBER.search(views.norm):
        return False
    for tier in language_tiers(language):
        found = keep_longest(search_terms(views, tier, ("stop", "not_stop")))
        if any(m.kind == "not_stop" for m in found):
            return False
        stops = [m for m in found if m.kind == "stop"]
        if stops:
            # "can I cancel later?" asks about stopping; a bare "cancel?" still means it.
            return "?" not in views.norm or not _says_more(views.norm, stops)
    return False


def mentions_change(text: str, language: str) -> bool:
    """True when the text speaks of changing or moving a booking ("reschedule", "日時を変えたい", "đổi lịch")."""
    views = text_views(text)
    return any(search_terms(views, tier, ("change",)) for tier in language_tiers(language))


def _find_label(text: str, language: str, kind: str) -> str | None:
    views = text_views(text)
    for tier in language_tiers(language):
        found = keep_longest(search_terms(views, tier, (kind, f"{kind}_weak")))
        # Weak words ("company", "call") decide only when no strong one is there.
        for tier in (kind, f"{kind}_weak"):
            labels = {m.value for m in found if m.kind == tier} - {"none"}
            if len(labels) > 1:
                return None
            if labels:
                return labels.pop()
    return None


def _is_short(norm: str) -> bool:
    unspaced = [c for c in norm if is_unspaced(c)]
    if not unspaced:
        return len(norm.split()) <= MAX_STOP_WORDS
    limit = MAX_STOP_CHARS_ABUGIDA if any(_is_abugida(c) for c in unspaced) else MAX_STOP_CHARS
    return len(norm.replace(" ", "")) <= limit


def _says_more(norm: str, stops: list[Match]) -> bool:
    rest = list(norm)
    for match in stops:
        rest[match.start : match.end] = " " * (match.end - match.start)
    return any(c.isalnum() for c in rest)
