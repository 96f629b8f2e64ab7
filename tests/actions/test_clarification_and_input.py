from actions.clarification import ActionClarify, likely_intents
from actions.input_problems import ActionExplainInputProblem
from tests.actions.helpers import run, tracker

RANKING = [
    {"name": "nlu_fallback", "confidence": 0.4},
    {"name": "ask_ssw_fields", "confidence": 0.35},
    {"name": "greet", "confidence": 0.2},
    {"name": "ask_ssw_requirements", "confidence": 0.3},
    {"name": "ask_cost", "confidence": 0.05},
]


def test_likely_intents_skip_small_talk_and_unlikely_ones():
    assert likely_intents(RANKING) == ["ask_ssw_fields", "ask_ssw_requirements"]


def test_clarify_offers_choices():
    messages, _ = run(ActionClarify(), tracker(intent="nlu_fallback", ranking=RANKING))
    assert messages[0]["response"] == "utter_did_you_mean"
    assert messages[0]["intent_choices"] == ["ask_ssw_fields", "ask_ssw_requirements"]


def test_clarify_asks_to_rephrase_when_nothing_is_likely():
    messages, _ = run(
        ActionClarify(), tracker(intent="nlu_fallback", ranking=[{"name": "nlu_fallback", "confidence": 1}])
    )
    assert messages[0]["response"] == "utter_default"


def test_too_long_reports_the_length_the_user_sent():
    messages, _ = run(
        ActionExplainInputProblem(),
        tracker(text="x" * 1000, original_text="x" * 20000, intent="invalid_input", input_problem="too_long"),
    )
    assert messages[0]["response"] == "utter_input_too_long"
    assert messages[0]["length"] == 20000 and messages[0]["max_characters"] == 1000


def test_empty_and_wordless_input():
    empty, _ = run(ActionExplainInputProblem(), tracker(text="", intent="invalid_input", input_problem="empty"))
    emoji, _ = run(ActionExplainInputProblem(), tracker(text="🤷", intent="invalid_input", input_problem="no_words"))
    assert empty[0]["response"] == "utter_input_empty"
    assert emoji[0]["response"] == "utter_input_no_words"


def test_a_second_misunderstanding_in_a_row_starts_a_handoff(monkeypatch):
    from actions import handoff

    monkeypatch.setattr(handoff, "online_staff", lambda *arguments: [])  # nobody online: booking or message
    twice = tracker(intent="nlu_fallback", ranking=RANKING)
    earlier = {"event": "user", "text": "asdf", "parse_data": {"intent": {"name": "nlu_fallback"}}}
    twice.events.insert(0, earlier)
    messages, _ = run(ActionClarify(), twice)
    assert [m["response"] for m in messages] == ["utter_handoff_offer", "utter_handoff_nobody"]
    once = tracker(intent="nlu_fallback", ranking=RANKING)
    assert run(ActionClarify(), once)[0][0]["response"] != "utter_handoff_offer"
