"""The outside contract holds: intents, languages, training data per language."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data

from bot.contract import CONTRACT_INTENTS, CONTRACT_LANGUAGES, PLAIN_JAPANESE
from bot.i18n.languages import shipped_languages
from bot.settings import PROJECT_DIR

CONTRACT_FILE = PROJECT_DIR.parent / "shared" / "spec" / "contract.md"
MIN_EXAMPLES = 20


def domain_intents() -> set[str]:
    return set(yaml.safe_load((PROJECT_DIR / "domain" / "core.yml").read_text())["intents"])


@pytest.mark.skipif(not CONTRACT_FILE.exists(), reason=f"{CONTRACT_FILE} not present")
def test_our_copy_of_the_contract_is_complete():
    table_keys = set(re.findall(r"^\| `([a-z_]+)` \|", CONTRACT_FILE.read_text(encoding="utf-8"), re.MULTILINE))
    assert table_keys == set(CONTRACT_INTENTS) | set(CONTRACT_LANGUAGES)


def test_every_contract_intent_is_in_the_domain():
    assert set(CONTRACT_INTENTS) <= domain_intents()


def training_data_of(code: str) -> Path:
    """A language's folder; plain Japanese is learner-style Japanese in ja/."""
    if code == PLAIN_JAPANESE:
        return PROJECT_DIR / "data" / "nlu" / "ja" / "plain_japanese.yml"
    return PROJECT_DIR / "data" / "nlu" / code


@pytest.mark.parametrize("language", shipped_languages())
def test_every_contract_intent_has_enough_examples(language):
    source = training_data_of(language)
    assert source.exists(), f"{language} ships a catalog but has no training data in {source}"
    counts = Counter(example.get("intent") for example in load_data(str(source)).training_examples)
    thin = {intent: counts[intent] for intent in CONTRACT_INTENTS if counts[intent] < MIN_EXAMPLES}
    assert not thin, f"{language}: fewer than {MIN_EXAMPLES} examples: {thin}"


def test_training_examples_are_labelled_with_their_folder_language():
    for folder in (PROJECT_DIR / "data" / "nlu").iterdir():
        data = load_data(str(folder))
        labels = {
            (example.get("metadata") or {}).get("intent", {}).get("language") for example in data.training_examples
        }
        assert labels == {folder.name}, f"{folder}: intent blocks need metadata: {{language: {folder.name}}}"


def test_every_contract_intent_is_answered_by_a_rule():
    rules = yaml.safe_load(Path(PROJECT_DIR / "data" / "rules" / "answers.yml").read_text())["rules"]
    rules += yaml.safe_load(Path(PROJECT_DIR / "data" / "rules" / "language_and_input.yml").read_text())["rules"]
    for name in ("booking.yml", "handoff.yml"):
        rules += yaml.safe_load(Path(PROJECT_DIR / "data" / "rules" / name).read_text())["rules"]
    answered = {rule["steps"][0]["intent"] for rule in rules if "intent" in rule["steps"][0]}
    assert set(CONTRACT_INTENTS) <= answered


def test_socketio_pin_keeps_room_join_synchronous():
    """RasaHQ/rasa#13027: from python-socketio 5.10 `enter_room` is a coroutine
    that Rasa 3.6 never awaits, and every bot message to a widget with
    session_persistence is silently lost."""
    import inspect

    import socketio

    assert not inspect.iscoroutinefunction(socketio.AsyncServer.enter_room)
