"""`make eval`: how well the trained model understands users it has never seen.

Prints, per language, on the held-out set (tests/data/nlu_heldout/, written
apart from the training data): intent accuracy, macro-F1, language-ID accuracy
(all messages, and those of three or more words); language-ID accuracy on the
labelled language set (tests/data/langid/labelled.tsv); parse latency.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import statistics
import time
import warnings
from collections import defaultdict
from pathlib import Path

from bot.contract import CONTRACT_LANGUAGES
from bot.nlu.language_detection import long_enough_to_tell
from bot.settings import PROJECT_DIR

HELDOUT_DIR = PROJECT_DIR / "tests" / "data" / "nlu_heldout"
LANGID_SET = PROJECT_DIR / "tests" / "data" / "langid" / "labelled.tsv"
RETRIEVAL_SET = PROJECT_DIR / "tests" / "data" / "retrieval" / "queries.yml"
TARGET_RETRIEVAL_TOP3 = 0.9
TARGET_INTENT_ACCURACY = 0.93
TARGET_LANGID = 0.97


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def parse_all(agent, texts: list[str]) -> tuple[list[dict], list[float]]:
    results, latencies = [], []
    for text in texts:
        start = time.perf_counter()
        results.append(await agent.parse_message(text))
        latencies.append((time.perf_counter() - start) * 1000)
    return results, latencies


def heldout_examples() -> dict[str, list[tuple[str, str]]]:
    from rasa.shared.nlu.training_data.loading import load_data

    examples = {}
    for path in sorted(HELDOUT_DIR.glob("*.yml")):
        data = load_data(str(path))
        examples[path.stem] = [(example.get("text"), example.get("intent")) for example in data.training_examples]
    return examples


def langid_rows() -> list[tuple[str, str]]:
    if not LANGID_SET.exists():
        return []
    with LANGID_SET.open(encoding="utf-8") as handle:
        return [(row["lang"], row["text"]) for row in csv.DictReader(handle, delimiter="\t")]


def quiet_logging() -> None:
    """Rasa's debug log would print every test message."""
    import logging

    from rasa.utils.log_utils import configure_structlog

    logging.getLogger().setLevel(logging.WARNING)
    configure_structlog(logging.WARNING)


async def evaluate(model: Path, show_errors: bool) -> None:
    from rasa.core.agent import Agent
    from sklearn.metrics import accuracy_score, f1_score

    quiet_logging()
    agent = Agent.load(str(model))
    all_latencies: list[float] = []
    print("\nHeld-out NLU set (never seen in training)")
    print("| language | n | intent accuracy | macro-F1 | language-ID (all) | language-ID (long enough) | target |")
    print("|---|---|---|---|---|---|---|")
    for language, examples in heldout_examples().items():
        texts, gold = zip(*examples, strict=True)
        parsed, latencies = await parse_all(agent, list(texts))
        all_latencies += latencies
        predicted = [result["intent"]["name"] for result in parsed]
        detected = [result.get("language") for result in parsed]
        long_enough = [i for i, text in enumerate(texts) if long_enough_to_tell(text)]
        accuracy = accuracy_score(gold, predicted)
        macro_f1 = f1_score(gold, predicted, average="macro", zero_division=0)
        langid_all = sum(d == language for d in detected) / len(detected)
        langid_long = sum(detected[i] == language for i in long_enough) / max(1, len(long_enough))
        verdict = "met" if accuracy >= TARGET_INTENT_ACCURACY else f"BELOW {TARGET_INTENT_ACCURACY}"
        print(
            f"| {language} | {len(texts)} | {accuracy:.3f} | {macro_f1:.3f} | {langid_all:.3f} | "
            f"{langid_long:.3f} | {verdict} |"
        )
        confusions = defaultdict(int)
        for g, p in zip(gold, predicted, strict=True):
            if g != p:
                confusions[(g, p)] += 1
        worst = sorted(confusions.items(), key=lambda item: -item[1])[:5]
        if worst:
            print("|  | most confused: " + "; ".join(f"{g}→{p} ×{n}" for (g, p), n in worst) + " |||||")
        if show_errors:
            for text, g, p, d in zip(texts, gold, predicted, detected, strict=True):
                if g != p or d != language:
                    print(f"    {g} → {p} [{d}]: {text}")

    rows = langid_rows()
    if rows:
        print("\nLanguage identification on the labelled language set (tests/data/langid/labelled.tsv)")
        print("| language | n (long enough) | accuracy (long enough) | n (all) | accuracy (all) |")
        print("|---|---|---|---|---|")
        parsed, _ = await parse_all(agent, [text for _, text in rows])
        by_language: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        for (label, text), result in zip(rows, parsed, strict=True):
            by_language[label].append((result.get("language") == label, long_enough_to_tell(text)))
        for label in [*CONTRACT_LANGUAGES, *sorted(set(by_language) - set(CONTRACT_LANGUAGES))]:
            outcomes = by_language.get(label)
            if not outcomes or label == "short":
                continue
            long_ones = [correct for correct, long in outcomes if long]
            long_accuracy = sum(long_ones) / len(long_ones) if long_ones else float("nan")
            print(
                f"| {label} | {len(long_ones)} | {long_accuracy:.3f} | {len(outcomes)} | "
                f"{sum(c for c, _ in outcomes) / len(outcomes):.3f} |"
            )

    await evaluate_retrieval(agent)
    print(
        f"\nParse latency over {len(all_latencies)} messages: p50 {statistics.median(all_latencies):.1f} ms, "
        f"p95 {percentile(all_latencies, 0.95):.1f} ms (in-process, no HTTP)"
    )


async def evaluate_retrieval(agent) -> None:
    """Program search as the assistant runs it: the model's entities, then the index."""
    import yaml

    from bot.kb.catalog import load_catalog, strategy_names
    from bot.kb.search import ProgramIndex

    if not RETRIEVAL_SET.exists():
        return
    queries = yaml.safe_load(RETRIEVAL_SET.read_text(encoding="utf-8"))
    index = ProgramIndex(load_catalog().programs, strategies=strategy_names())
    outcomes: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for query in queries:
        parsed = await agent.parse_message(query["query"])
        topics = [e["value"] for e in parsed.get("entities", []) if e["entity"] == "program_topic"]
        ranked = [hit.program.id for hit in index.search(query["query"], topics=topics, limit=3)]
        outcomes[query["language"]].append((ranked[:1] == [query["program"]], query["program"] in ranked))
    print("\nProgram retrieval (tests/data/retrieval/queries.yml): NLU entities, then the catalog index")
    print("| language | n | top-1 | top-3 | target (top-3 >= 0.9) |")
    print("|---|---|---|---|---|")
    for language, results in sorted(outcomes.items()):
        top1 = sum(first for first, _ in results) / len(results)
        top3 = sum(any_ for _, any_ in results) / len(results)
        verdict = "met" if top3 >= TARGET_RETRIEVAL_TOP3 else f"BELOW {TARGET_RETRIEVAL_TOP3}"
        print(f"| {language} | {len(results)} | {top1:.3f} | {top3:.3f} | {verdict} |")


def main() -> None:
    warnings.simplefilter("ignore", DeprecationWarning)  # TensorFlow's and pyparsing's, not ours
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=PROJECT_DIR / "models" / "current.tar.gz")
    parser.add_argument("--errors", action="store_true", help="list every misread held-out example")
    arguments = parser.parse_args()
    asyncio.run(evaluate(arguments.model, arguments.errors))


if __name__ == "__main__":
    main()
