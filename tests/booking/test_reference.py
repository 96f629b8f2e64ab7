import math
import re

import pytest

from bot.booking.reference import ALPHABET, REFERENCE_ENTROPY_BITS, new_reference, normalise_reference

_SHAPE = re.compile(rf"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")


def test_alphabet_has_no_ambiguous_symbols():
    assert len(ALPHABET) == len(set(ALPHABET)) == 30
    assert not set("01ILOU") & set(ALPHABET)


def test_entropy():
    assert REFERENCE_ENTROPY_BITS == pytest.approx(8 * math.log2(30))
    assert REFERENCE_ENTROPY_BITS > 39


def test_generated_references_are_unique_and_well_formed():
    references = [new_reference() for _ in range(10_000)]
    assert len(set(references)) == len(references)
    assert all(_SHAPE.fullmatch(reference) for reference in references)


def test_all_symbols_get_used():
    symbols = {char for _ in range(2_000) for char in new_reference().replace("-", "")}
    assert symbols == set(ALPHABET)


def _full_width(text: str) -> str:
    return "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in text)


@pytest.mark.parametrize(
    "variant",
    [
        lambda ref: ref,
        lambda ref: ref.lower(),
        lambda ref: ref.replace("-", ""),
        lambda ref: ref.replace("-", " "),
        lambda ref: ref.replace("-", "ー"),
        lambda ref: ref.replace("-", " - "),
        lambda ref: _full_width(ref),
        lambda ref: _full_width(ref.lower().replace("-", "")),
        lambda ref: f"my reference is {ref.lower()}, thanks",
        lambda ref: f"予約番号は{_full_width(ref)}です",
        lambda ref: f"Mã đặt chỗ: {ref}",
    ],
    ids=[
        "as-is",
        "lower",
        "no-hyphen",
        "space",
        "katakana-dash",
        "spaced-hyphen",
        "full-width",
        "full-width-lower-no-hyphen",
        "en-sentence",
        "ja-sentence",
        "vi-sentence",
    ],
)
def test_round_trip(variant):
    for _ in range(200):
        reference = new_reference()
        assert normalise_reference(variant(reference)) == reference


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "K7M4-9QX",  # too short
        "K7M4-9QXTZ",  # too long
        "K7M49-QXT",  # wrong grouping
        "K7M4-9QXO",  # O is not a symbol, and is not silently read as 0
        "K7M4-9QX0",
        "K7M4-9QX1",
        "K7M4-9QXI",
        "K7L4-9QXT",
        "K7U4-9QXT",
        "ｋ７ｍ４－９ｑｘ０",
        "予約したい",
    ],
)
def test_garbage_is_none(text):
    assert normalise_reference(text) is None


def test_prefers_a_reference_over_an_eight_letter_word():
    assert normalise_reference("I reserved that week, ref k7m4 9qxt") == "K7M4-9QXT"
    assert normalise_reference("reserved: KMNP-QRST") == "KMNP-QRST"
