"""Character-level clean-up of article text: small ``str -> str`` steps composed once.

Policy: quotation marks are kept exactly as the source has them (curly quotes
stay curly, straight stay straight), because the gold sentences and the
claim evidence quote the article as published. Only invisible or layout
characters change. No step here joins lines: a newline is a paragraph or
line boundary the later stages rely on, so only runs of spaces and tabs
collapse and only three or more newlines shrink (to exactly two).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import reduce

TextStep = Callable[[str], str]

# Separators that mean "new line" or "new paragraph" in other conventions.
_LINE_BREAKS = str.maketrans(
    {
        "\r": "\n",
        "\v": "\n",
        "\x85": "\n",  # NEL
        "\u2028": "\n",  # LINE SEPARATOR
        "\f": "\n\n",
        "\u2029": "\n\n",  # PARAGRAPH SEPARATOR
    }
)
# Spaces that render as a plain space but defeat matching and tokenising.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Characters that render as nothing; the soft hyphen only marks a break point.
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACE_RUNS = re.compile(r"[ \t]+")
_EDGE_SPACES = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def make_pipeline(*steps: TextStep) -> TextStep:
    """Compose steps left to right into one function, so callers apply them in one call."""
    return lambda text: reduce(lambda value, step: step(value), steps, text)


def normalize_unicode(text: str) -> str:
    """NFC, so the same word is the same code points whatever editor produced it."""
    return unicodedata.normalize("NFC", text)


def normalize_line_endings(text: str) -> str:
    """Windows, old Mac and Unicode separators become ``\\n`` (paragraph ones ``\\n\\n``)."""
    return text.replace("\r\n", "\n").translate(_LINE_BREAKS)


def remove_control_characters(text: str) -> str:
    """Drop control characters other than tab and newline; they carry no text."""
    return _CONTROL.sub("", text)


def normalize_spaces(text: str) -> str:
    """Non-breaking, thin, ideographic and similar spaces become a plain space."""
    return _ODD_SPACES.sub(" ", text)


def remove_zero_width(text: str) -> str:
    """Zero-width spaces and joiners, BOMs and soft hyphens split words invisibly."""
    return _ZERO_WIDTH.sub("", text)


def collapse_spaces(text: str) -> str:
    """Runs of spaces and tabs become one space; newlines are left alone."""
    return _SPACE_RUNS.sub(" ", text)


def strip_line_edges(text: str) -> str:
    """Spaces at either end of a line are layout (indentation, padding), not text."""
    return _EDGE_SPACES.sub("", text)


def limit_blank_lines(text: str) -> str:
    """Three or more newlines become exactly two: one blank line marks a paragraph."""
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


normalize_text: TextStep = make_pipeline(
    normalize_line_endings,
    normalize_unicode,
    remove_control_characters,
    normalize_spaces,
    remove_zero_width,
    collapse_spaces,
    strip_line_edges,
    limit_blank_lines,
)
"""All character-level steps in order: what every reader's text goes through."""
