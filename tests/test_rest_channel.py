import pytest

from bot.channels.rest import request_problem


@pytest.mark.parametrize(
    "body, problem",
    [
        ({"sender": "u1", "message": "hello"}, None),
        ({"sender": "u1"}, None),  # no message: answered as an empty message
        ({"sender": 42, "message": "hi", "metadata": {"language": "vi"}}, None),
        ([1, 2], "the body must be a JSON object"),
        (None, "the body must be a JSON object"),
        ({"message": "hi"}, "'sender' must be a non-empty string"),
        ({"sender": "  ", "message": "hi"}, "'sender' must be a non-empty string"),
        ({"sender": True, "message": "hi"}, "'sender' must be a non-empty string"),
        ({"sender": "x" * 300, "message": "hi"}, "'sender' must be at most 255 characters"),
        ({"sender": "u1", "message": 5}, "'message' must be a string"),
        ({"sender": "u1", "message": "hi", "metadata": "vi"}, "'metadata' must be a JSON object"),
    ],
)
def test_request_problems(body, problem):
    assert request_problem(body) == problem
