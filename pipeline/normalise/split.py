"""Split a page that holds several complete articles into one text per article.

Web copies of an article often go on with whole related stories, each under its
own header block (headline plus byline, timestamp or link-card outlet). Claims
belong to the article that makes them, with its outlet and date, so each story
becomes its own document. The cues are data: ``[split]`` in boilerplate.toml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from pipeline.normalise.boilerplate import (
    Rules,
    SplitRules,
    is_boilerplate_line,
    label_key,
    load_rules,
    strip_boilerplate,
)

_DASH = re.compile(r"^[-–—]\s*")
_SENTENCE_CLOSE = ".!?:;,”\"’'"


@dataclass(frozen=True)
class Part:
    """One article's share of a page; furniture is still in, metadata guesses read it."""

    text: str
    title: str | None = None  # the headline of the header block that starts the part
    outlet: str | None = None  # the outlet a link card in that block names


@dataclass(frozen=True)
class _Line:
    text: str
    start: int  # character offset in the page


@dataclass(frozen=True)
class _Span:
    """A part as a slice of the page, so neighbours merge by joining ranges."""

    start: int
    end: int
    title: str | None = None
    outlet: str | None = None


def split_page(text: str, rules: Rules | None = None) -> list[Part]:
    """The articles of a normalised page, in page order; a one-article page gives one part."""
    rules = rules or load_rules()
    lines = _lines(text)
    # Header blocks overlap (each body line looks up to header_max_lines back), so the
    # costly furniture test would otherwise run several times on the same line.
    furniture = cache(lambda line: is_boilerplate_line(line, rules))
    starts = [
        header
        for index in range(1, len(lines))
        if (header := _header_above(lines, index, rules, furniture)) is not None
    ]
    if not starts:
        return [Part(text)]
    spans = _spans(starts, len(text))
    spans = _merge_short(spans, text, rules)
    return [Part(text[span.start : span.end], span.title, span.outlet) for span in spans]


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append(_Line(line.strip(), offset))
        offset += len(line) + 1
    return lines


def _header_above(
    lines: list[_Line], body: int, rules: Rules, furniture: Callable[[str], bool]
) -> _Span | None:
    """The header block standing right above a body line, when it starts a new article.

    The block must hold a headline and either a meta line (byline, timestamp,
    link-card outlet) or follow a "Related articles" marker; a block at the very
    top of the page heads the page's first article, which is no boundary.
    """
    cues = rules.split
    if len(lines[body].text.split()) < cues.body_min_words:
        return None
    block: list[str] = []
    has_meta = after_marker = False
    first = body
    for index in range(body - 1, max(-1, body - 1 - cues.header_max_lines), -1):
        line = lines[index].text
        if _matches(cues.meta, line):
            has_meta = True
        elif _matches(cues.markers, line):
            after_marker = True
            break
        elif not _is_heading(line, cues) or furniture(line):  # the cheap test first
            break
        block.append(line)
        first = index
    block.reverse()
    headings = [line for line in block if _is_heading(line, cues) and not _matches(cues.meta, line)]
    if first == 0 or not headings or not (has_meta or after_marker):
        return None
    outlet = _card_outlet(block, cues)
    return _Span(lines[first].start, -1, _title(headings, outlet, cues), outlet)


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(pattern.search(line) for pattern in patterns)


def _is_heading(line: str, cues: SplitRules) -> bool:
    """Short, capitalised, not ending like a sentence: a headline, kicker or masthead."""
    return (
        len(line.split()) <= cues.header_max_words
        and line[:1].isupper()
        and line[-1] not in _SENTENCE_CLOSE
    )


def _card_outlet(block: list[str], cues: SplitRules) -> str | None:
    """A link card repeats its outlet under the headline as "- Outlet"."""
    for line in block:
        if _DASH.match(line) and _matches(cues.meta, line):
            return _DASH.sub("", line).strip()
    return None


def _title(headings: list[str], outlet: str | None, cues: SplitRules) -> str | None:
    """The first heading long enough to be a headline that is not the card's outlet."""
    outlet_key = label_key(outlet) if outlet else None
    for line in headings:
        if label_key(line) != outlet_key and len(line.split()) >= cues.title_min_words:
            return line
    return None


def _spans(starts: list[_Span], length: int) -> list[_Span]:
    """Ranges from the top of the page to the first header, then header to header."""
    edges = [0, *(start.start for start in starts), length]
    heads = [_Span(0, 0), *starts]
    return [
        replace(head, start=begin, end=end)
        for head, begin, end in zip(heads, edges, edges[1:], strict=False)
    ]


def _merge_short(spans: list[_Span], text: str, rules: Rules) -> list[_Span]:
    """Too little article text is a teaser or furniture: it joins the part before it.

    At the top of the page it joins the part after it instead, which keeps the
    headline that part's header block gave.
    """
    merged: list[_Span] = []
    for span in spans:
        if merged and _words(text, span, rules) < rules.split.min_part_words:
            merged[-1] = replace(merged[-1], end=span.end)
        else:
            merged.append(span)
    if len(merged) > 1 and _words(text, merged[0], rules) < rules.split.min_part_words:
        merged[:2] = [replace(merged[1], start=merged[0].start)]
    return merged


def _words(text: str, span: _Span, rules: Rules) -> int:
    return len(strip_boilerplate(text[span.start : span.end], rules).split())
