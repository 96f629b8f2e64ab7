"""A Babel extraction method for the assistant's own files, so pybabel finds
every sentence a user reads (see babel.cfg):

- domain/*.yml: each response's text (context: the response name) and its
  button titles (context: '<name>.button');
- locales/strings.yml: context = key;
- knowledge/sources.yml: the publisher of each source (context: 'source.<id>').
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

import yaml

Extracted = tuple[int, str, tuple[str, str], list[str]]


def extract_assistant_texts(fileobj, keywords, comment_tags, options) -> Iterator[Extracted]:
    name = PurePath(getattr(fileobj, "name", "")).name
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    if name == "strings.yml":
        pairs = data.items()
    elif name == "sources.yml":
        pairs = ((f"source.{key}", entry["publisher"]) for key, entry in data.items())
    else:
        pairs = _response_texts(data.get("responses") or {})
    for index, (context, text) in enumerate(pairs, start=1):
        yield index, "pgettext", (context, text), []


def _response_texts(responses: dict) -> Iterator[tuple[str, str]]:
    for response_name, variations in responses.items():
        for variation in variations:
            if variation.get("text"):
                yield response_name, variation["text"]
            for button in variation.get("buttons") or []:
                yield f"{response_name}.button", button["title"]
