import pytest
import yaml

from bot.domain_responses import DOMAIN_DIR, load_responses
from bot.kb.knowledge import Knowledge, KnowledgeError
from bot.web.booking_views import PLACEHOLDERS as BOOKING_PLACEHOLDERS
from bot.web.catalog_views import PLACEHOLDERS as CATALOG_PLACEHOLDERS
from bot.web.nlg import ARGUMENT_PLACEHOLDERS, placeholders


@pytest.fixture(scope="module")
def knowledge():
    return Knowledge()


def test_every_fact_and_answer_names_a_known_source(knowledge):
    assert knowledge.facts and knowledge.answers
    assert all(fact.source in knowledge.sources for fact in knowledge.facts.values())


def form_slots() -> set[str]:
    slots = set()
    for path in DOMAIN_DIR.glob("*.yml"):
        forms = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("forms") or {}
        slots |= {slot for form in forms.values() for slot in form["required_slots"]}
    return slots


def test_every_answer_response_cites_its_sources(knowledge):
    # utter_ask_<slot> of a form is a question to the user (Rasa's naming), not an answer
    answers = [
        name
        for name in load_responses()
        if name.startswith("utter_ask_") and name.removeprefix("utter_ask_") not in form_slots()
    ]
    assert answers and not [name for name in answers if name not in knowledge.answers]


def test_every_placeholder_has_a_value(knowledge):
    provided = (
        set(knowledge.facts) | ARGUMENT_PLACEHOLDERS | CATALOG_PLACEHOLDERS | BOOKING_PLACEHOLDERS
        | {"supported_languages"}
    )  # fmt: skip
    unknown = {
        (name, field)
        for name, response in load_responses().items()
        for field in placeholders(response.get("text") or "")
        if field not in provided
    }
    assert not unknown


def write(directory, name, data):
    (directory / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def knowledge_dir(tmp_path):
    write(tmp_path, "sources.yml", {"isa": {"publisher": "ISA", "title": "SSW"}})
    write(tmp_path, "facts.yml", {"fields": {"type": "number", "value": 16, "source": "isa"}})
    write(tmp_path, "answers.yml", {"utter_ask_x": {"sources": ["isa"]}})
    return tmp_path


def test_valid_files_load(knowledge_dir):
    assert Knowledge(knowledge_dir).facts["fields"].value == 16


@pytest.mark.parametrize(
    "file, data, named",
    [
        ("facts.yml", {"fields": {"type": "number", "value": 16, "source": "nowhere"}}, "fields"),
        ("facts.yml", {"fields": {"type": "colour", "value": 16, "source": "isa"}}, "fields"),
        ("facts.yml", {"fields": {"value": 16}}, "fields"),
        ("answers.yml", {"utter_ask_x": {"sources": []}}, "utter_ask_x"),
        ("sources.yml", {"isa": {"title": "no publisher"}}, "isa"),
        ("facts.yml", ["not", "a", "mapping"], "facts.yml"),
    ],
)
def test_a_malformed_record_stops_the_start_naming_file_and_record(knowledge_dir, file, data, named):
    write(knowledge_dir, file, data)
    with pytest.raises(KnowledgeError) as error:
        Knowledge(knowledge_dir)
    assert file in str(error.value) and named in str(error.value)


def test_unparseable_yaml_names_the_file(knowledge_dir):
    (knowledge_dir / "facts.yml").write_text("a: [unclosed", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="facts.yml"):
        Knowledge(knowledge_dir)
