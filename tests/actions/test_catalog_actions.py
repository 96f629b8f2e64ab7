import datetime as dt

import pytest

from actions import knowledge_access
from actions.programs import ActionProgramDetails, ActionSearchPrograms
from actions.seminars import ActionListSeminars
from actions.ssw_fields import ActionCheckSswField
from bot.kb.catalog import load_catalog
from bot.kb.search import ProgramIndex
from tests.actions.helpers import run, tracker
from tests.kb.catalog_fixture import write_catalog


@pytest.fixture(autouse=True)
def fixture_catalog(tmp_path, monkeypatch):
    catalog = load_catalog(write_catalog(tmp_path))
    monkeypatch.setattr(knowledge_access, "catalog", lambda: catalog)
    monkeypatch.setattr(knowledge_access, "program_index", lambda: ProgramIndex(catalog.programs))
    monkeypatch.setattr(knowledge_access, "now", lambda: dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc))
    return catalog


def entity(name, value):
    return {"entity": name, "value": value}


def test_a_precise_question_gets_the_program_itself():
    messages, events = run(ActionSearchPrograms(), tracker(text="ke thua doanh nghiep", intent="ask_program"))
    assert messages[0]["response"] == "utter_program_details"
    assert messages[0]["program_id"] == "business_succession"
    assert {"event": "slot", "name": "current_program", "value": "business_succession", "timestamp": None} in events


def test_a_topic_with_several_programs_gets_a_list_that_is_remembered(monkeypatch, fixture_catalog):
    class TwoHits:
        def search(self, *args, **kwargs):
            from bot.kb.search import Hit

            return [Hit(fixture_catalog.programs[0], 0.9), Hit(fixture_catalog.programs[1], 0.8)]

    monkeypatch.setattr(knowledge_access, "program_index", lambda: TwoHits())
    messages, events = run(
        ActionSearchPrograms(),
        tracker(text="support for companies", intent="ask_program", entities=[entity("program_topic", "bcp")]),
    )
    assert messages[0]["response"] == "utter_program_list"
    assert messages[0]["program_ids"] == ["business_succession", "bcp_support"]
    assert any(e["name"] == "listed_programs" and e["value"] == ["business_succession", "bcp_support"] for e in events)


def test_a_vague_question_gets_the_overview(monkeypatch, fixture_catalog):
    class WeakHit:
        def search(self, *args, **kwargs):
            from bot.kb.search import Hit

            return [Hit(fixture_catalog.programs[0], 0.15)]  # below SPECIFIC_MATCH, no topic named

    monkeypatch.setattr(knowledge_access, "program_index", lambda: WeakHit())
    messages, _ = run(ActionSearchPrograms(), tracker(text="what support is there?", intent="ask_program"))
    assert messages[0]["response"] == "utter_ask_program"


@pytest.mark.parametrize(
    "entities, slots, response, program",
    [
        ([entity("ordinal", "2")], {"listed_programs": ["business_succession", "bcp_support"]},
         "utter_program_details", "bcp_support"),
        ([entity("program_detail", "budget")], {"current_program": "business_succession"},
         "utter_program_budget", "business_succession"),
        ([entity("program_id", "bcp_support")], {}, "utter_program_details", "bcp_support"),
    ],
)  # fmt: skip
def test_follow_ups_find_the_program_meant(entities, slots, response, program):
    messages, _ = run(ActionProgramDetails(), tracker(intent="ask_program_details", entities=entities, slots=slots))
    assert messages[0]["response"] == response and messages[0]["program_id"] == program


@pytest.mark.parametrize(
    "entities, slots",
    [([], {}), ([entity("ordinal", "4")], {"listed_programs": ["business_succession"]}),
     ([entity("program_id", "no_such_program")], {})],
)  # fmt: skip
def test_a_follow_up_without_a_known_program_asks_which(entities, slots):
    messages, _ = run(ActionProgramDetails(), tracker(intent="ask_program_details", entities=entities, slots=slots))
    assert messages[0]["response"] == "utter_which_program"


def test_an_unmapped_entity_span_is_ignored_not_used_as_a_filter():
    # DIET sometimes returns a partial span ("người tìm") that no synonym maps to a code
    messages, _ = run(ActionListSeminars(), tracker(intent="ask_seminars", entities=[entity("audience", "người tìm")]))
    assert messages[0]["seminar_ids"] == ["soon", "later"]


def test_seminars_on_a_named_topic():
    messages, _ = run(
        ActionListSeminars(), tracker(text="when is the next job hunting seminar?", intent="ask_seminars")
    )
    assert messages[0]["seminar_ids"] == ["soon", "later"]


def test_seminars_are_upcoming_and_filtered():
    messages, _ = run(
        ActionListSeminars(), tracker(intent="ask_seminars", entities=[entity("seminar_format", "online")])
    )
    assert messages[0] == {**messages[0], "response": "utter_seminar_list", "seminar_ids": ["later"]}
    messages, _ = run(ActionListSeminars(), tracker(intent="ask_seminars", entities=[entity("audience", "employer")]))
    assert messages[0]["response"] == "utter_no_seminars"


@pytest.mark.parametrize(
    "text, entities, response, field",
    [
        ("can I hire SSW for my ramen shop", [], "utter_ssw_field_check", "food_service"),
        ("what about linen supply", [], "utter_ssw_field_not_in_force", "linen_supply"),
        ("which fields are there", [], "utter_ask_ssw_fields", None),
    ],
)
def test_ssw_field_check(text, entities, response, field):
    messages, _ = run(ActionCheckSswField(), tracker(text=text, intent="ask_ssw_fields", entities=entities))
    assert messages[0]["response"] == response
    assert messages[0].get("field_id") == field
