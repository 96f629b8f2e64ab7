"""Thai words by PyThaiNLP's dictionary-based maximal matching (newmm); the
dictionary ships inside the package, and no engine here needs a download."""

from __future__ import annotations

from bot.nlu.segmenters import Segment, segments_by_search


def segment(text: str) -> list[Segment]:
    from pythainlp.tokenize import word_tokenize

    return segments_by_search(text, word_tokenize(text, engine="newmm", keep_whitespace=False))
