"""Character-level clean-up of article text: small ``str -> str`` steps composed once.

Policy: visible characters are kept as the source publishes them, because the
gold sentences and the claim evidence quote the article as published.

- Quotation marks stay exactly as they are: curly quotes stay curly, straight
  stay straight, guillemets stay guillemets.
- Dashes and hyphens stay exactly as they are: an em dash (—), an en dash (–),
  a hyphen-minus (-), a minus sign (−) or a non-breaking hyphen (U+2011) is
  never turned into another one, and the spaces around a dash are kept.
- Mojibake is the one exception: "Zelenskyâ€™s" is not how the article was
  published but UTF-8 read as Windows-1252 on the way, so it is repaired to
  "Zelensky’s". Only byte-level mis-decoding is undone; ligatures, full-width
  letters and HTML entities are left alone.

Otherwise only invisible or layout characters change. No step here joins
lines: a newline is a paragraph or line boundary the later stages rely on, so
only runs of spaces and tabs collapse and only three or more newlines shrink
(to exactly two).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, reduce
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

TextStep = Callable[[str], str]

# Separators that mean "new line" or "new paragraph" in other conventions.
_LINE_BREAKS = {
    "\r": "\n",
    "\v": "\n",
    "\x85": "\n",  # NEL
    "\u2028": "\n",  # LINE SEPARATOR
    "\f": "\n\n",
    "\u2029": "\n\n",  # PARAGRAPH SEPARATOR
}
# Spaces that render as a plain space but defeat matching and tokenising.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Characters that render as nothing; the soft hyphen only marks a break point.
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACE_RUNS = re.compile(r"[ \t]+")
# A trailing run is matched from its first space only: trying every space of a long run
# would rescan the run from each one.
_EDGE_SPACES = re.compile(r"^[ \t]+|(?<![ \t])[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
# "”" is UTF-8 E2 80 9D; Windows-1252 has no character for 9D, so converters often drop
# it and leave "â€" before a space or punctuation. Restoring the byte lets the repair
# below read a closing quote there instead of guessing another character.
_LOST_CLOSING_QUOTE = re.compile(r"â€(?=[\s.,;:!?)\]]|$)")
# The single-byte code pages the repair (ftfy) reads mis-decoded UTF-8 back through:
# all of them, those where it restores a lost A0 byte, those where it accepts a lost byte.
_CODE_PAGES: tuple[str, ...] = ("latin-1", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254")
_CODE_PAGES += ("cp1257", "iso-8859-2", "cp437", "mac-roman")
_A0_PAGES = _CODE_PAGES[:-1]  # not Mac Roman, where "– " is a dash and a space
_LOSSY_PAGES = _CODE_PAGES[1:7]
_LEADS = bytes(range(0xC0, 0xF5))
_CONTINUATIONS = bytes(range(0x80, 0xC0))
_LEADS_BEFORE_A0 = b"\xc2\xc3\xc5\xce\xd0\xd9\xe2\xe3\xf0"
_LEADS_BEFORE_LOST = b"\xc2\xc3" + bytes(range(0xE0, 0xF5))


def _shown_as(byte_values: bytes, code_pages: tuple[str, ...]) -> str:
    """The characters those bytes are shown as in any of the code pages, for a regex class."""
    shown = {char for page in code_pages for char in byte_values.decode(page, "ignore")}
    return re.escape("".join(sorted(shown)))


# A mis-read UTF-8 character is a lead byte followed by a continuation byte as some code
# page shows them; SUB and U+FFFD stand for a lost byte. A lost A0 may have become a
# space, which is restored only after a few leads, and a lost byte may be "?" after a
# lead in a lossy code page. Apart from such pairs the repair only changes C1 controls,
# surrogates and terminal escapes. So a line without any of these comes out of ftfy
# unchanged and need not go through it.
_FOLLOWERS = "\x1a\ufffd" + _shown_as(_CONTINUATIONS, _CODE_PAGES)
_MAYBE_MOJIBAKE = re.compile(
    f"[{_shown_as(_LEADS, _CODE_PAGES)}][{_FOLLOWERS}]"
    f"|[{_shown_as(_LEADS_BEFORE_A0, _A0_PAGES)}] "
    f"|[{_shown_as(_LEADS_BEFORE_LOST, _LOSSY_PAGES)}][?]"
    "|[\x80-\x9f\ud800-\udfff\x1b]"
)


def make_pipeline(*steps: TextStep) -> TextStep:
    """Compose steps left to right into one function, so callers apply them in one call."""
    return lambda text: reduce(lambda value, step: step(value), steps, text)


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 or Latin-1 ("â€™" -> "’"); correct text is unchanged."""
    if text.isascii():
        return text  # nothing was mis-decoded
    text = _LOST_CLOSING_QUOTE.sub("â€\x9d", text)  # a change here adds a C1 control
    if not _MAYBE_MOJIBAKE.search(text):
        return text  # nothing ftfy would change; it costs far more than this search
    import ftfy  # imported here: it takes tens of milliseconds, and many inputs never need it

    config = _fixer_config()
    return "".join(
        ftfy.fix_text(segment, config) if _MAYBE_MOJIBAKE.search(segment) else segment
        for segment in _segments(text)
    )


def _segments(text: str) -> list[str]:
    """The text cut after each newline, as ``ftfy.fix_text`` cuts it and fixes each piece alone.

    So a piece without a suspect pair can skip ftfy and the result is still the same.
    """
    pieces = text.split("\n")
    return [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


@cache
def _fixer_config() -> TextFixerConfig:
    """Only the encoding repairs: every option that would change correct text is off."""
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,  # "&amp;" in plain text is what the file says
        fix_latin_ligatures=False,  # "ﬁ" is visible text; the gold quotes it as published
        fix_character_width=False,  # full-width letters likewise
        uncurl_quotes=False,  # the quote policy above
        fix_line_breaks=False,  # normalize_line_endings decides what a break is
        remove_control_chars=False,  # remove_control_characters does that, after the repair
        normalization=None,  # normalize_unicode applies NFC
        explain=False,
    )


def normalize_unicode(text: str) -> str:
    """NFC, so the same word is the same code points whatever editor produced it."""
    return unicodedata.normalize("NFC", text)


def normalize_line_endings(text: str) -> str:
    """Windows, old Mac and Unicode separators become ``\\n`` (paragraph ones ``\\n\\n``)."""
    text = text.replace("\r\n", "\n")
    # One replace per separator equals one translate, as no replacement holds a separator;
    # and most texts hold none of them, which ``in`` finds far faster than translate.
    for separator, replacement in _LINE_BREAKS.items():
        if separator in text:
            text = text.replace(separator, replacement)
    return text


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
    if "  " not in text and "\t" not in text:
        return text  # every run is already one space; most texts are like this
    return _SPACE_RUNS.sub(" ", text)


def strip_line_edges(text: str) -> str:
    """Spaces at either end of a line are layout (indentation, padding), not text."""
    if not _has_edge_space(text):
        return text
    return _EDGE_SPACES.sub("", text)


def _has_edge_space(text: str) -> bool:
    """Whether ``_EDGE_SPACES`` can match: a space or tab at a line's start or end.

    A few substring tests, much cheaper than the regex, which tries every position.
    """
    return (
        "\t" in text or "\n " in text or " \n" in text or text.startswith(" ") or text.endswith(" ")
    )


def limit_blank_lines(text: str) -> str:
    """Three or more newlines become exactly two: one blank line marks a paragraph."""
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


_one_pass: TextStep = make_pipeline(
    fix_mojibake,  # first: mis-decoded text holds C1 controls (U+0085 too) that are letters
    normalize_line_endings,
    remove_control_characters,
    normalize_spaces,
    remove_zero_width,
    normalize_unicode,  # after the removals, so a mark they separated from its letter composes
    collapse_spaces,
    strip_line_edges,
    limit_blank_lines,
)
MAX_PASSES = 3


def normalize_text(text: str) -> str:
    """All character-level steps in order: what every reader's text goes through.

    Repeated until nothing changes (at most ``MAX_PASSES``): collapsing spaces
    can turn a harmless sequence into one the mojibake repair recognises, and
    the output must be a fixed point so offsets stay valid on a rerun.
    """
    for _ in range(MAX_PASSES):
        cleaned = _one_pass(text)
        if cleaned == text:
            break
        text = cleaned
    return text
