"""The facts behind the answers (knowledge/*.yml) and the sources they cite.

Loaded once at start; a malformed file or a fact without a known source stops
the start with an error that names the file and the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"
FACT_TYPES = frozenset({"date", "month", "year", "time", "number", "money_jpy", "text"})


class KnowledgeError(ValueError):
    pass


@dataclass(frozen=True)
class Fact:
    id: str
    type: str
    value: object
    source: str


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    url: str | None = None


@dataclass(frozen=True)
class AnswerSources:
    sources: tuple[str, ...]
    dated: bool


class Knowledge:
    def __init__(self, directory: Path = KNOWLEDGE_DIR) -> None:
        self.sources = {key: _source(key, entry, directory) for key, entry in _load(directory / "sources.yml").items()}
        self.facts = {key: self._fact(key, entry, directory) for key, entry in _load(directory / "facts.yml").items()}
        self.answers = {
            key: self._answer(key, entry, directory) for key, entry in _load(directory / "answers.yml").items()
        }

    def _fact(self, key: str, entry: dict, directory: Path) -> Fact:
        where = f"{directory / 'facts.yml'}: {key}"
        if not isinstance(entry, dict) or {"type", "value", "source"} - set(entry):
            raise KnowledgeError(f"{where}: needs type, value and source")
        if entry["type"] not in FACT_TYPES:
            raise KnowledgeError(f"{where}: unknown type {entry['type']!r}")
        self._require_source(entry["source"], where)
        return Fact(key, entry["type"], entry["value"], entry["source"])

    def _answer(self, key: str, entry: dict, directory: Path) -> AnswerSources:
        where = f"{directory / 'answers.yml'}: {key}"
        if not isinstance(entry, dict) or not entry.get("sources"):
            raise KnowledgeError(f"{where}: needs a list of sources")
        for source in entry["sources"]:
            self._require_source(source, where)
        return AnswerSources(tuple(entry["sources"]), bool(entry.get("dated", False)))

    def _require_source(self, source: str, where: str) -> None:
        if source not in self.sources:
            raise KnowledgeError(f"{where}: unknown source {source!r} (not in sources.yml)")


def _source(key: str, entry: dict, directory: Path) -> Source:
    if not isinstance(entry, dict) or not entry.get("publisher") or not entry.get("title"):
        raise KnowledgeError(f"{directory / 'sources.yml'}: {key}: needs publisher and title")
    return Source(key, entry["publisher"], entry["title"], entry.get("url"))


def read_yaml(path: Path, expected: type, error_class: type[ValueError] = KnowledgeError):
    """A knowledge file's content, or an error naming the file: unreadable, or
    not the `expected` shape (dict of entries, list of records)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise error_class(f"{path}: cannot be read: {error}") from error
    if not isinstance(data, expected):
        shape = "a mapping of entries" if expected is dict else "a list of records"
        raise error_class(f"{path}: expected {shape}")
    return data


def _load(path: Path) -> dict:
    return read_yaml(path, dict)
