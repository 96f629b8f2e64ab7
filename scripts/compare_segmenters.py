"""Which word segmentation suits Thai and Burmese (issue 6), measured.

For each candidate segmenter: the accuracy of a fast intent classifier (word
counts + logistic regression, 5-fold cross-validation) on that language's NLU
examples, and the time per message. The classifier is a stand-in for DIET:
cheap enough to compare segmentations, not a figure of the assistant itself.

    .venv/bin/python -m scripts.compare_segmenters [--data data/nlu]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bot.nlu.segmenters import burmese, spacy_blank, thai
from bot.settings import PROJECT_DIR


def thai_engine(engine: str):
    def segment(text: str) -> list[str]:
        from pythainlp.tokenize import word_tokenize

        return [word for word in word_tokenize(text, engine=engine, keep_whitespace=False) if word.strip()]

    return segment


CANDIDATES = {
    "th": {
        "pythainlp newmm (shipped)": lambda text: [piece.text for piece in thai.segment(text)],
        "pythainlp longest matching": thai_engine("longest"),
        "pythainlp maximal matching (mm)": thai_engine("mm"),
        "characters": lambda text: [char for char in text if not char.isspace()],
    },
    "my": {
        "syllable breaker (shipped)": lambda text: [piece.text for piece in burmese.segment(text)],
        "spaCy multi-language rules": lambda text: [piece.text for piece in spacy_blank.segment(text, "xx")],
        "characters": lambda text: [char for char in text if not char.isspace()],
    },
}


def examples(folder: Path) -> tuple[list[str], list[str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(folder))
    return [e.get("text") for e in data.training_examples], [e.get("intent") for e in data.training_examples]


def measure(segment, texts: list[str], intents: list[str]) -> tuple[float, float]:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline

    segment(texts[0])  # dictionaries load on first use; time the steady state
    start = time.perf_counter()
    tokenised = [segment(text) for text in texts]
    per_message_ms = (time.perf_counter() - start) * 1000 / len(texts)

    def words_and_pairs(tokens: list[str]) -> list[str]:
        return tokens + [" ".join(pair) for pair in zip(tokens, tokens[1:], strict=False)]

    pipeline = make_pipeline(
        CountVectorizer(analyzer=words_and_pairs),
        LogisticRegression(max_iter=2000, C=10),
    )
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    accuracy = cross_val_score(pipeline, tokenised, intents, cv=folds).mean()
    return accuracy, per_message_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data" / "nlu")
    arguments = parser.parse_args()
    print("| language | segmenter | intent accuracy (5-fold, stand-in classifier) | ms / message |")
    print("|---|---|---|---|")
    for language, candidates in CANDIDATES.items():
        folder = arguments.data / language
        if not folder.is_dir():
            folder = PROJECT_DIR / "data" / "nlu" / language
        if not folder.is_dir():
            print(f"| {language} | no training data yet | | |")
            continue
        texts, intents = examples(folder)
        for name, segment in candidates.items():
            accuracy, speed = measure(segment, texts, intents)
            print(f"| {language} | {name} | {accuracy:.3f} | {speed:.2f} |")


if __name__ == "__main__":
    main()
