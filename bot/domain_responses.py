"""The responses of the Rasa domain (domain/*.yml), read without importing Rasa:
the English source text of everything the assistant says."""

from __future__ import annotations

from pathlib import Path

import yaml

DOMAIN_DIR = Path(__file__).resolve().parents[1] / "domain"


def load_responses(domain_dir: Path = DOMAIN_DIR) -> dict[str, dict]:
    """name -> the first variation (we keep one; languages vary, not wording)."""
    responses: dict[str, dict] = {}
    for path in sorted(domain_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            responses[name] = variations[0]
    return responses
