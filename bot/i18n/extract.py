"""A Babel extraction method for the assistant's own files, so pybabel finds
every sentence a user reads (see babel.cfg):

- domain/*.yml: each response's text (context: the response name) and its
  button titles (context: '<name>.button');
- locales/strings.yml: context = key;
- knowledge/sources.yml: the publisher of each source (context: 'source.<id>');
- knowledge/catalog/programs.yml and ssw_fields.yml: the English text of each
  record (context: 'program.<id>.name', '.summary', '.offer.<n>';
  'field.<id>.name', '.description', '.japanese_test').
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
    elif name == "programs.yml":
        pairs = _program_texts(data)
    elif name == "ssw_fields.yml":
        pairs = _field_texts(data)
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


def _program_texts(programs: list) -> Iterator[tuple[str, str]]:
    for program in programs:
        yield f"program.{program['id']}.name", program["name_en"]
        yield f"program.{program['id']}.summary", program["summary_en"]
        for index, offer in enumerate(program.get("offers_en") or [], start=1):
            yield f"program.{program['id']}.offer.{index}", offer


def _field_texts(fields: list) -> Iterator[tuple[str, str]]:
    for field in fields:
        yield f"field.{field['id']}.name", field["name_en"]
        yield f"field.{field['id']}.description", field["description_en"]
        yield f"field.{field['id']}.japanese_test", field["japanese_test_en"]
