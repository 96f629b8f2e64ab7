"""Real rasa-sdk trackers for action tests."""

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def tracker(*, text="", intent="greet", entities=(), metadata=None, slots=None, ranking=None, **parse):
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": list(entities),
        "metadata": metadata or {},
        "intent_ranking": ranking or [],
        **parse,
    }
    events = [{"event": "user", "text": parse.pop("original_text", text), "parse_data": latest}]
    return Tracker(
        "user-1",
        {"language": None, "language_chosen": None, **(slots or {})},
        latest,
        events,
        False,
        None,
        {},
        "action_listen",
    )


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    import asyncio

    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return dispatcher.messages, events


def slot_values(events):
    """The slots an action's events set: name -> value."""
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
