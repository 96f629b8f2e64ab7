"""The day and time a user asks for, in any of the assistant's languages: 「来週の火曜日の午後」,
"thứ ba tuần sau", "下周二下午两点", "Selasa depan jam 2 siang", "14h30", "บ่ายสอง".

Words and templates live in lexicon.yml (read through bot.booking.lexicon); this module only knows the
calendar. Conventions (consultations run 9:00-18:00, Asia/Tokyo):
- a weekday alone is the next such day, today excluded; "this <weekday>" may be today;
- "next <weekday>", "next week <weekday>", 来週の火曜日, 下周二 all mean that weekday in the calendar
  week (Monday to Sunday) after today's; "next week" alone is all seven days of it;
- a date without a year is the next such date, today included;
- an hour from 1 to 7 with no am/pm and no part of day is in the afternoon ("at 2" = 14:00).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from bot.booking import lexicon as lx

TOKYO = ZoneInfo("Asia/Tokyo")

# Part of day -> [first hour, hour after the last).
PART_HOURS: Mapping[str, tuple[int, int]] = {"morning": (0, 12), "afternoon": (12, 17), "evening": (17, 24)}

IMPOSSIBLE_DATE = "impossible_date"
PAST = "past"

_WHEN_KINDS = (
    "day",
    "weekday",
    "weekday_short",
    "week",
    "this_before",
    "this_after",
    "next_before",
    "next_after",
    "part",
    "combo",
    "ignore",
)
_DEFAULT_PM_BELOW = 8  # "at 2" means 14:00; "at 8" means 8:00
_BUDDHIST_ERA = 543  # Thai years: 2569 = 2026
_MAX_GAP = 2  # characters between "next" and its weekday ("next tuesday", "susunod na martes", "อังคารหน้า")
_GAP = re.compile(r"[\s,の的-]*")
# Where a number typed as digits must not continue: Latin letters and digits (and Devanagari on the left).
_LATIN = r"0-9a-z\u00c0-\u024f\u1e00-\u1eff"
_LEFT_EDGE = rf"(?<![{_LATIN}\u0900-\u097f])"
_RIGHT_EDGE = rf"(?![{_LATIN}])"
_NUMBER_SLOTS = {"h", "mi", "mm", "d", "m", "y"}


@dataclass(frozen=True)
class WhenRequest:
    days: tuple[dt.date, ...]  # the dates the text allows, ascending; () = any day
    part_of_day: str | None  # "morning" | "afternoon" | "evening" | None
    hour: int | None  # 0-23 when a clock time was given
    minute: int = 0
    problem: str | None = None  # "impossible_date" | "past" | None

    def allows(self, start: dt.datetime) -> bool:
        """Whether a consultation starting then fits the request (nothing fits a request with a problem)."""
        if self.problem:
            return False
        local = start.astimezone(TOKYO) if start.tzinfo else start.replace(tzinfo=TOKYO)
        if self.days and local.date() not in self.days:
            return False
        if self.hour is not None:
            return (local.hour, local.minute) == (self.hour, self.minute)
        if self.part_of_day is not None:
            first, after = PART_HOURS[self.part_of_day]
            return first <= local.hour < after
        return True


def parse_when(text: str, language: str, today: dt.date) -> WhenRequest | None:
    """The days and time the text asks for; None when it names no day and no time at all."""
    views = lx.text_views(text)
    if not views.norm:
        return None
    for tier in lx.language_tiers(language):
        request = _parse(views, tier, today)
        if request is not None:
            return request
    return None


# --- one pass over the text with some languages' words ---------------------------------------------


def _parse(views: lx.TextViews, tier: lx.Tier, today: dt.date) -> WhenRequest | None:
    date_hits = _longest_first(_template_hits(_templates(tier.languages, "dates"), views))
    dated = [_date_of(hit, today) for hit in date_hits]
    blanked = _blank(views, date_hits)
    words = [w for w in lx.keep_longest(lx.search_terms(views, tier, _WHEN_KINDS)) if not _inside(w, date_hits)]
    part = next((_part_of(w) for w in words if w.kind in ("part", "combo")), None)
    clock = _clock(_template_hits(_templates(tier.languages, "clock"), blanked), blanked.plain, part)

    named = {d for d in dated if isinstance(d, dt.date)} | set(_relative_days(words, today))
    # a date (even an impossible one) outranks the weekday written next to it: 2月30日(月)
    days = sorted(named) if named or dated else _weekday_days(words, today, views.norm)
    problem = None
    if not days and IMPOSSIBLE_DATE in dated:
        problem = IMPOSSIBLE_DATE
    elif days and all(day < today for day in days):
        problem = PAST
    else:
        days = [day for day in days if day >= today]

    if clock is not None:
        part = _part_at(clock[0])
    if not days and part is None and clock is None and problem is None:
        return None
    hour, minute = clock if clock is not None else (None, 0)
    return WhenRequest(tuple(days), part, hour, minute, problem)


def _part_of(word: lx.Match) -> str:
    return word.value if word.kind == "part" else word.value[1]


def _part_at(hour: int) -> str:
    return next(part for part, (first, after) in PART_HOURS.items() if first <= hour < after)


def _inside(word: lx.Match, hits: Iterable[_Hit]) -> bool:
    return any(hit.start <= word.start and word.end <= hit.end for hit in hits)


# --- days ------------------------------------------------------------------------------------------


def _relative_days(words: Sequence[lx.Match], today: dt.date) -> list[dt.date]:
    offsets = [w.value for w in words if w.kind == "day"] + [w.value[0] for w in words if w.kind == "combo"]
    return [today + dt.timedelta(days=offset) for offset in offsets]


def _weekday_days(words: Sequence[lx.Match], today: dt.date, norm: str) -> list[dt.date]:
    weekday_words = [w for w in words if w.kind in ("weekday", "weekday_short")]
    weekdays = sorted({n for w in weekday_words for n in w.value})
    weeks = sorted({w.value for w in words if w.kind == "week"})
    monday = today - dt.timedelta(days=today.weekday())
    modifier = _modifier(words, weekday_words, norm)
    if weekdays and not weeks and modifier == "next":
        weeks = [1]
    if weekdays and weeks:
        return sorted(monday + dt.timedelta(weeks=w, days=n) for w in weeks for n in weekdays)
    if weekdays:
        # the coming such day; "this <weekday>" may be today, a weekday alone is at least tomorrow
        soonest = 0 if modifier == "this" else 1
        return sorted(today + dt.timedelta(days=(n - today.weekday() - soonest) % 7 + soonest) for n in weekdays)
    # "this week" keeps only what is left of it: _parse drops the past days of any mostly future request
    return sorted(monday + dt.timedelta(weeks=w, days=n) for w in weeks for n in range(7))


def _modifier(words: Sequence[lx.Match], weekday_words: Sequence[lx.Match], norm: str) -> str | None:
    """'next' or 'this' when such a word stands right before or after a weekday."""
    found = None
    for word in words:
        if not word.kind.startswith(("this_", "next_")):
            continue
        before = word.kind.endswith("_before")
        for weekday in weekday_words:
            gap = (word.end, weekday.start) if before else (weekday.end, word.start)
            if _is_gap(norm, gap):
                found = "next" if word.kind.startswith("next") else found or "this"
    return found


def _is_gap(norm: str, span: tuple[int, int]) -> bool:
    start, end = span
    return 0 <= end - start <= _MAX_GAP and _GAP.fullmatch(norm[start:end]) is not None


# --- templates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Template:
    regex: re.Pattern[str]
    language: str
    lookups: Mapping[str, Mapping[str, int]]  # slot -> word -> number (month names, hour words)
    hour: int | None = None
    minute: int | None = None
    add: int | None = None
    pm_below: int = _DEFAULT_PM_BELOW
    swap: bool = False
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    template: _Template
    groups: Mapping[str, str]


def _templates(languages: Sequence[str], section: str) -> list[_Template]:
    return [t for code in ("", *languages) for t in _compiled(code, section)]


@functools.cache
def _compiled(code: str, section: str) -> tuple[_Template, ...]:
    """The language's templates ("" = the ones shared by all languages), compiled."""
    lexicon = lx.load_lexicon()
    raw = lexicon.common if not code else lexicon.languages[code].raw
    slots, lookups = _slots(raw, lexicon.common)
    return tuple(_template(entry, code, slots, lookups) for entry in raw.get(section, []))


def _slots(raw: Mapping[str, Any], common: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    months, numbers = raw.get("months", {}), raw.get("numbers", {})
    meridiem = common["meridiem"]
    number_words = [word for words in numbers.values() for word in words]
    slots = {
        "h": rf"(?P<h>[0-9]{{1,2}}{'|' + _alternatives(number_words) if number_words else ''})",
        "mi": r"(?P<mi>[0-9]{1,2})",
        "mm": r"(?P<mi>[0-9]{2})",
        "sep": r"[:.]",
        "d": r"(?P<d>[0-9]{1,2})",
        "m": r"(?P<m>[0-9]{1,2})",
        "y": r"(?P<y>[0-9]{4})",
        "month": rf"(?P<month>{_alternatives(word for words in months.values() for word in words)})",
        "o": rf"(?:{_alternatives(raw.get('ordinals', []))})",
        "half": rf"(?P<half>{_alternatives(raw.get('half', []))})",
        "halfneg": rf"(?P<halfneg>{_alternatives(raw.get('halfneg', []))})",
        "am": rf"(?P<am>{_alternatives(meridiem['am'])})",
        "pm": rf"(?P<pm>{_alternatives(meridiem['pm'])})",
    }
    return slots, {"month": _numbered(months), "h": _numbered(numbers)}


def _numbered(block: Mapping[Any, list[str]]) -> dict[str, int]:
    return {_key(word): int(number) for number, words in block.items() for word in words}


def _key(word: str) -> str:
    return lx.plain(lx.normalize(word)).replace(" ", "")


def _alternatives(words: Iterable[str]) -> str:
    spelled = sorted({lx.plain(lx.normalize(w)) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in spelled) or "(?!)"


def _template(
    entry: str | Mapping[str, Any], code: str, slots: Mapping[str, str], lookups: Mapping[str, Mapping[str, int]]
) -> _Template:
    spec = {"pattern": entry} if isinstance(entry, str) else dict(entry)
    pattern = lx.plain(lx.normalize(spec.pop("pattern")))
    words = {k: tuple(lx.plain(lx.normalize(w)) for w in spec.pop(k, [])) for k in ("not_before", "not_after")}
    return _Template(regex=_regex(pattern, slots), language=code, lookups=lookups, **words, **spec)


def _regex(pattern: str, slots: Mapping[str, str]) -> re.Pattern[str]:
    """A template as a regular expression: {slot}, [optional], a space for any spaces, the rest literal."""
    tokens = [t for t in re.split(r"(\{\w+\}|\[|\]| )", pattern) if t]
    body = "".join(_token_regex(t, slots) for t in tokens)
    concrete = [t for t in tokens if t not in ("[", "]", " ")]
    left = _LEFT_EDGE if _needs_edge(concrete[0], 0, devanagari=True) else ""
    right = _RIGHT_EDGE if _needs_edge(concrete[-1], -1, devanagari=False) else ""
    return re.compile(left + body + right)


def _token_regex(token: str, slots: Mapping[str, str]) -> str:
    if token == " ":
        return r"\s*"
    if token == "[":
        return "(?:"
    if token == "]":
        return ")?"
    if token.startswith("{"):
        return slots[token[1:-1]]
    return re.escape(token)


def _needs_edge(token: str, index: int, devanagari: bool) -> bool:
    # Numbers and Latin words must not be glued to other letters or digits ("at 2" is not in "what 2").
    if token.startswith("{"):
        return True
    script = lx.word_script(token[index])
    return script == "latin" or (devanagari and script == "deva")


def _template_hits(templates: Iterable[_Template], views: lx.TextViews) -> list[_Hit]:
    hits = []
    for template in templates:
        view = views.han if template.language == "zh" else views.plain
        for match in template.regex.finditer(view):
            if _allowed(template, view, match.start(), match.end()):
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                hits.append(_Hit(match.start(), match.end(), template, groups))
    return hits


def _allowed(template: _Template, view: str, start: int, end: int) -> bool:
    after = view[end:].lstrip()
    before = view[:start].rstrip()
    return not any(after.startswith(w) for w in template.not_before) and not any(
        before.endswith(w) for w in template.not_after
    )


def _longest_first(hits: Iterable[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, longer ones first (ties: earlier, then the template listed first)."""
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= c.start or c.end <= hit.start for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _blank(views: lx.TextViews, hits: Iterable[_Hit]) -> lx.TextViews:
    plain, han = list(views.plain), list(views.han)
    for hit in hits:
        plain[hit.start : hit.end] = " " * (hit.end - hit.start)
        han[hit.start : hit.end] = " " * (hit.end - hit.start)
    return dataclasses.replace(views, plain="".join(plain), han="".join(han))


def _number(hit: _Hit, slot: str) -> int:
    text = hit.groups[slot]
    return int(text) if text.isdigit() else hit.template.lookups[slot][_key(text)]


# --- dates -----------------------------------------------------------------------------------------


def _date_of(hit: _Hit, today: dt.date) -> dt.date | str:
    """The date a template matched, or the problem with it."""
    day = _number(hit, "d")
    month = _number(hit, "m") if "m" in hit.groups else _number(hit, "month") if "month" in hit.groups else None
    year = _number(hit, "y") if "y" in hit.groups else None
    if year is not None and year > 2400:
        year -= _BUDDHIST_ERA
    if month is None:
        return _next_day_of_month(day, today)
    if hit.template.swap and month > 12 and 1 <= day <= 12:
        day, month = month, day  # 25/12 typed in a month-first language
    leap = 2028  # without a year, 29 February is a real date (of the next leap year)
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or leap, month)[1]:
        return IMPOSSIBLE_DATE
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:  # 29 February of a common year
            return IMPOSSIBLE_DATE
    return _next_date(month, day, today)


def _next_date(month: int, day: int, today: dt.date) -> dt.date:
    for year in range(today.year, today.year + 9):  # 29 February waits for a leap year
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise AssertionError("a valid month and day recur within 8 years")


def _next_day_of_month(day: int, today: dt.date) -> dt.date | str:
    if not 1 <= day <= 31:
        return IMPOSSIBLE_DATE
    year, month = today.year, today.month
    while True:
        if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day) >= today:
            return dt.date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


# --- clock -----------------------------------------------------------------------------------------


def _clock(hits: list[_Hit], view: str, part: str | None) -> tuple[int, int] | None:
    """(hour, minute) of the first clock time in the text, or None."""
    if not hits:
        return None
    first = min(hits, key=lambda h: h.start)
    overlapping = [h for h in hits if h.start < first.end and first.start < h.end]
    # "às 14h30" is matched as "às 14" and "14h30"; the one that has the minutes wins.
    best = max(overlapping, key=lambda h: ("mi" in h.groups or "half" in h.groups, h.end - h.start, -h.start))
    hour, minute = _hour_minute(best)
    template = best.template
    if template.hour is None and template.add is None:
        hour = _with_meridiem(hour, _meridiem(best, view), part, template.pm_below)
    elif template.add is not None and hour < 12:
        hour += template.add
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


def _hour_minute(hit: _Hit) -> tuple[int, int]:
    template = hit.template
    hour = template.hour if template.hour is not None else _number(hit, "h")
    minute = template.minute if template.minute is not None else int(hit.groups.get("mi", 0))
    if "half" in hit.groups:
        minute = 30
    if "halfneg" in hit.groups:  # setengah 3 = 2:30
        hour, minute = hour - 1, 30
    return hour, minute


def _meridiem(hit: _Hit, view: str) -> str | None:
    if "am" in hit.groups or "pm" in hit.groups:
        return "am" if "am" in hit.groups else "pm"
    # "at 2 pm" when no template took the "pm"; "PM 2:00" as Korean and Japanese forms print it
    # (only before a bare number: "i am at 3" says nothing about the morning)
    starts_with_digit = view[hit.start].isdigit()
    for meridiem, words in _meridiem_words().items():
        if re.match(rf"\s*(?:{words}){_RIGHT_EDGE}", view[hit.end :]):
            return meridiem
        if starts_with_digit and re.search(rf"{_LEFT_EDGE}(?:{words})\s*$", view[: hit.start]):
            return meridiem
    return None


@functools.cache
def _meridiem_words() -> dict[str, str]:
    return {key: _alternatives(words) for key, words in lx.load_lexicon().common["meridiem"].items()}


def _with_meridiem(hour: int, meridiem: str | None, part: str | None, pm_below: int) -> int:
    if meridiem == "pm" or (meridiem is None and part in ("afternoon", "evening")):
        return hour + 12 if hour < 12 else hour
    if meridiem == "am":
        return 0 if hour == 12 else hour
    if part == "morning":
        return hour
    return hour + 12 if 1 <= hour < pm_below else hour
