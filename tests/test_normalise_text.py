"""Character-level normalisation: invisible and layout characters change, words do not.

Mojibake is repaired: it is not what the article published.
"""

from __future__ import annotations

import re

import ftfy
import pytest

from pipeline.normalise.text import (
    _fixer_config,
    _segments,
    collapse_spaces,
    fix_mojibake,
    limit_blank_lines,
    make_pipeline,
    normalize_line_endings,
    normalize_spaces,
    normalize_text,
    normalize_unicode,
    remove_control_characters,
    remove_zero_width,
    strip_line_edges,
)


@pytest.mark.parametrize(
    ("step", "text", "expected"),
    [
        (normalize_unicode, "cafe\u0301", "café"),
        (normalize_line_endings, "a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        (normalize_line_endings, "a\u2029b\fc", "a\n\nb\n\nc"),
        (remove_control_characters, "a\x00b\x07c\x9fd\te\nf", "abcd\te\nf"),
        (normalize_spaces, "a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"),
        (remove_zero_width, "Zel\u200benskyy\u00ad\ufeff\u2060", "Zelenskyy"),
        (collapse_spaces, "a  \t b\n\nc", "a b\n\nc"),
        (strip_line_edges, "  a  \n\tb\t", "a\nb"),
        (limit_blank_lines, "\n\na\n\n\n\nb\n\nc\n", "a\n\nb\n\nc"),
    ],
)
def test_text_step(step, text: str, expected: str) -> None:
    assert step(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "  Putin\u00a0said:\u200b “no.”  \r\n\r\n\r\n\r\nKyiv  agreed. ",
            "Putin said: “no.”\n\nKyiv agreed.",
        ),
        ("He said \"no\" and 'never'.", "He said \"no\" and 'never'."),
        ("‘single’ “double” ‹angle› «guillemets»", "‘single’ “double” ‹angle› «guillemets»"),
        ("line one\nline two\n\nparagraph", "line one\nline two\n\nparagraph"),
        ("a\u2029b", "a\n\nb"),
    ],
)
def test_text_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    "text",
    ["one\ntwo\nthree", "one\n\ntwo\n\n\n\nthree", "one \n two\t\n\tthree", "a\r\nb\u2028c"],
)
def test_text_never_merges_lines(text: str) -> None:
    expected = [
        line.strip() for line in text.replace("\r\n", "\n").replace("\u2028", "\n").split("\n")
    ]
    assert [line for line in normalize_text(text).split("\n") if line] == [
        line for line in expected if line
    ]


@pytest.mark.parametrize("text", ["Putin  said\r\n\r\n\r\nno.\u00a0", "a\u200b b", ""])
def test_text_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@pytest.mark.parametrize(
    ("steps", "expected"),
    [((str.upper, str.strip), "AB"), ((), " ab "), ((lambda s: s + "!", str.upper), " AB !")],
)
def test_text_make_pipeline_applies_in_order(steps, expected: str) -> None:
    assert make_pipeline(*steps)(" ab ") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelenskyâ€™s demand", "Zelensky’s demand"),
        (
            "â€œWe will not give up our land,â€\x9d he said.",
            "“We will not give up our land,” he said.",
        ),
        # the 9D byte of "”" dropped on the way, as converters do: still a closing quote
        ("â€œNo,â€ he said. â€œNever.â€", "“No,” he said. “Never.”"),
        ("Kyivâ€”and Moscowâ€“agreed", "Kyiv—and Moscow–agreed"),
        ("a Â£5bn fund for SÃ£o Paulo", "a £5bn fund for São Paulo"),
        ("Ã¢â‚¬Å“twiceÃ¢â‚¬\x9d", "“twice”"),
        ("\x93Windows quotes\x94 read as Latin-1", "“Windows quotes” read as Latin-1"),
    ],
)
def test_text_fix_mojibake(text: str, expected: str) -> None:
    assert fix_mojibake(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky’s “peace” plan – café, naïve — Kyiv",
        "He said \"no\" and 'never'.",
        "‘single’ “double” ‹angle› «guillemets» „low“",
        "Москва — «переговоры», Київ, Zürich, Łódź",
        "Il a dit à « non », déjà vu. ¿Señor? £5bn, €3bn, 10°C ± 2, ½, ™",
        "ﬁnal ＡＢＣ AT&amp;T",  # ligatures, full width and entities are visible text
        "Putin said no.",
        "",
    ],
)
def test_text_fix_mojibake_leaves_correct_text(text: str) -> None:
    assert fix_mojibake(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv—Moscow",  # em dash, no spaces
        "Kyiv — Moscow",  # em dash, spaced
        "2022–2025",  # en dash in a range
        "Kyiv – Moscow",  # en dash as a spaced dash
        "cease-fire",  # hyphen-minus
        "temperatures of −5",  # minus sign
        "non\u2011negotiable",  # non-breaking hyphen
        "Kyiv -- Moscow",  # typewriter dash
        "Russia\u2010Ukraine talks",  # hyphen
    ],
)
def test_text_keeps_dashes_as_published(text: str) -> None:
    assert normalize_text(text) == text


def test_text_normalize_text_repairs_mojibake() -> None:
    text = "  Zelenskyâ€™s\u00a0planâ€”â€œno.â€\r\n\r\n\r\nKyiv agreed. "
    assert normalize_text(text) == "Zelensky’s plan—“no.”\n\nKyiv agreed."


# --- fast paths give what the full repair gives --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "voilÃ le travail",  # a lost A0 byte became a space
        "Ã?",  # a lost byte became "?"
        "â€œquotedâ€\ufffd",  # a lost byte became U+FFFD
        "Ã©t\u00e9 \x1b[31mred\x1b[0m",  # terminal escapes go with the repair
        "Ð\u009fÑ\u0080Ð¸Ð²ÐµÑ\u0082",  # Cyrillic read as Latin-1
        "Ð’Ð¾Ð¹Ð½Ð°",  # Cyrillic read as Windows-1252
        "Ã¼ber\nplain line — “quoted” …\nCafÃ©",  # only some lines need the repair
        "Kyiv – Moscow — “talks” ’til…",  # dashes and quotes next to spaces: nothing to do
    ],
)
def test_text_fix_mojibake_agrees_with_ftfy(text: str) -> None:
    """Lines the cheap check passes over are lines ftfy would leave alone."""
    expected = ftfy.fix_text(text, _fixer_config())
    assert fix_mojibake(text) == expected


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\nb", "\n\n", "a\n\nb\n"])
def test_text_segments_are_ftfys_lines(text: str) -> None:
    pieces = _segments(text)
    assert "".join(pieces) == text
    assert all(piece and "\n" not in piece[:-1] for piece in pieces)


@pytest.mark.parametrize(
    "text", ["a\r\nb\rc\vd\x85e\u2028f\fg\u2029h", "plain", "\r\n\r\n", "\f\r", ""]
)
def test_text_line_endings_match_one_translation(text: str) -> None:
    table = str.maketrans({"\r": "\n", "\v": "\n", "\x85": "\n", "\u2028": "\n"})
    table |= str.maketrans({"\f": "\n\n", "\u2029": "\n\n"})
    assert normalize_line_endings(text) == text.replace("\r\n", "\n").translate(table)


@pytest.mark.parametrize(
    "text", ["a b", "a  b", "a\tb", " a", "a ", "a \nb", "a\n b", "\t", "", " \n ", "a\n\nb"]
)
def test_text_space_fast_paths_match_the_regexes(text: str) -> None:
    assert collapse_spaces(text) == re.sub(r"[ \t]+", " ", text)
    assert strip_line_edges(text) == re.sub(r"^[ \t]+|[ \t]+$", "", text, flags=re.MULTILINE)
