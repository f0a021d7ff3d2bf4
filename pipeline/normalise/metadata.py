"""Best-effort title, author, date and outlet from a page's own text.

Guesses are read from the normalised text *before* boilerplate is removed,
because what they need (bylines, timestamps, copyright lines, feed footers)
is exactly what cleaning drops. Every guess may be None: a missing value is
better than a wrong one, so each rule asks for a clear signal (a date next to
a time or alone on its line, not any date in a caption).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from pipeline.normalise.boilerplate import (
    Rules,
    bio_author,
    has_needs,
    is_boilerplate_line,
    load_rules,
    pattern_needs,
)

_MONTH_NAMES = (
    "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august"
    "|sep sept september|oct october|nov november|dec december"
)
MONTHS = {
    name: number
    for number, names in enumerate(_MONTH_NAMES.split("|"), start=1)
    for name in names.split()
}
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
_DATES = (
    re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}}),? (?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}}) {_MONTH},? (?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_TIME_AFTER = re.compile(r"^,? (?:at )?\d{1,2}[:.]\d\d(?: ?[AaPp]\.?[Mm]\.?)?")
_STAMP_BEFORE = re.compile(r"(?i)\b(?:published|updated|posted)(?: on)?:? $")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
# Upper case only, so ordinary short words never pass for one: ET, EDT, BST, CEST, GMT, MSK.
_TIME_ZONE = r"(?-i:(?:[A-Z]{1,3}[SD]?T|UTC|MSK)(?:[+-]\d{1,2}(?::?\d\d)?)?)"
# What may stand beside a date on a timestamp line: "Updated 3:04 PM EDT, Mon", "| 10.32 BST".
_DATE_LINE_REST = re.compile(
    rf"(?i)^(?:(?:published|updated|posted|on|at|[ap]\.?m\.?|{_TIME_ZONE}|{_WEEKDAY}"
    r"|[|,:./·•–—-])\s*|\d{1,2}[:.]\d\d\s*)*$"
)
# Words of names are bounded (no name has a 40-letter word), so a search that may start
# inside a long run of capitals reads a few words from each start, not the rest of the run.
_NAME = r"[A-Z][\w.’'-]{0,40}(?: [A-Z][\w.’'-]{0,40}){1,3}"
# Where a reporter filed from: "By Jane Doe in Kyiv and John Roe in Moscow".
_PLACE = r" in [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
_FILED_FROM = rf"(?:{_PLACE})?"
_NAMES = rf"{_NAME}{_FILED_FROM}(?: ?(?:,|and|&) {_NAME}{_FILED_FROM})*"
_BYLINE = re.compile(rf"(?:^|(?<=\s))By (?P<names>{_NAMES}) ?(?:,|$)", re.MULTILINE)
# A byline in capitals run into the first sentence of a flattened page: the names end
# where the capitals do ("By SAMYA KULLAB and JOHN LEICESTER European leaders said ...").
_CAPS_NAME = r"[A-Z][A-Z.’'-]{1,40}(?: [A-Z][A-Z.’'-]{1,40}){1,3}"
_RUN_IN_BYLINE = re.compile(
    rf"(?:^|(?<=\s))By (?P<names>{_CAPS_NAME}(?: ?(?:,|and|&) {_CAPS_NAME})*) (?=[A-Z][a-z])"
)
# A byline that names the outlet too: "By JANE DOE, Reuters", "Jane Doe | Reuters".
_OUTLET_BYLINES = (
    re.compile(rf"^By (?P<names>{_NAMES}), (?P<outlet>[^,|\n]{{2,60}}?)\.?$", re.MULTILINE),
    re.compile(rf"^(?P<names>{_NAMES}) ?[|·•] ?(?P<outlet>[^|\n]{{2,60}}?)$", re.MULTILINE),
)
_EMPTY_BYLINE = re.compile(r"^By ?, (?P<bio>.+)$", re.MULTILINE)
_TITLE_END = ".,;:"
_BODY_WORDS = 25  # a line this long is article text, not a headline or a dek
_CLOSING_QUOTES = "”\"’'»"


@dataclass(frozen=True)
class Metadata:
    """What the text itself says about the article; None where it says nothing clear."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None


def guess_metadata(text: str, rules: Rules | None = None) -> Metadata:
    """All four guesses for one normalised page."""
    rules = rules or load_rules()
    return Metadata(
        title=guess_title(text, rules),
        author=guess_author(text, rules),
        published=guess_published(text, rules),
        outlet=guess_outlet(text, rules),
    )


def guess_title(text: str, rules: Rules | None = None) -> str | None:
    """The headline above the byline or timestamp; else the first short line without
    terminal punctuation near the top; else a stated title.

    A page's top may also hold a site slogan or a section name, but the line right
    above a byline or a timestamp is the headline on nearly every news site.
    """
    rules = rules or load_rules()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first: str | None = None
    previous: str | None = None
    for line in _header_lines(lines, rules):
        if _is_meta_line(line, rules):
            if previous is not None:
                return previous
            continue
        if is_boilerplate_line(line, rules):
            continue
        if len(line.split()) > _BODY_WORDS:
            break  # the body has started: a short line after it is a subheading
        previous = line if _looks_like_title(line) else None
        first = first or previous
    if first:
        return first
    for pattern in rules.titles:
        match = pattern.search(text)
        if match:
            return match.group("title").strip()
    return None


def _is_meta_line(line: str, rules: Rules) -> bool:
    """A byline or a timestamp alone on its line: what stands right under a headline."""
    if _BYLINE.match(line) or _outlet_byline(line, rules):
        return True
    return any(pattern.match(line) for pattern in rules.split.meta)


def _header_lines(lines: list[str], rules: Rules) -> Iterator[str]:
    """The first lines of the page: ``header_paragraphs`` of them, or more while they
    stay within ``header_chars`` (a menu of one-word lines may stand above the headline).
    """
    used = 0
    for number, line in enumerate(lines):
        used += len(line) + 1
        if number >= rules.header_paragraphs and used > rules.header_chars:
            return
        yield line


def _looks_like_title(line: str) -> bool:
    """Headlines are short, start with a capital and do not end like a sentence."""
    words = line.split()
    end = line.rstrip(_CLOSING_QUOTES)
    return (
        2 <= len(words) <= 20
        and len(line) <= 200
        and line[0].isupper()
        and not line.startswith("By ")
        and end == line
        and end[-1] not in _TITLE_END
    )


def guess_author(text: str, rules: Rules | None = None) -> str | None:
    """A "By Name" byline near the top; else the name an author biography gives."""
    rules = rules or load_rules()
    head = text[: rules.header_chars]
    match = _BYLINE.search(head) or _RUN_IN_BYLINE.search(head) or _outlet_byline(head, rules)
    if match:
        return _people(match.group("names"), rules)
    empty = _EMPTY_BYLINE.search(head)
    if empty:  # "By , a senior fellow at ...": the same words follow the name in the bio
        bio = " ".join(empty.group("bio").split()[:6])
        named = re.search(rf"(?P<name>{_NAME}),? (?:is|was) {re.escape(bio)}", text)
        if named:
            return named.group("name")
    for line in text.split("\n"):
        name = bio_author(line.strip(), rules)
        if name:
            return name
    return None


def _tidy_names(names: str) -> str:
    """One spelling for author lists: "A and B" and "A, B" both become "A, B"."""
    names = re.sub(_PLACE, "", names)
    parts = [part.strip() for part in re.split(r" ?(?:,|\band\b|&) ", names) if part.strip()]
    return ", ".join(part.title() if part.isupper() else part for part in parts)


def _people(names: str, rules: Rules) -> str | None:
    """The byline's names without an outlet listed among them ("By Jane Doe, Associated Press")."""
    known = _known_outlets(rules)
    people = [name for name in _tidy_names(names).split(", ") if name not in known]
    return ", ".join(people) or None


def _outlet_byline(text: str, rules: Rules) -> re.Match[str] | None:
    """The first byline that ends with an outlet the rules know by name.

    Only known names count: after a byline's comma or bar there may also stand a
    job ("Kyiv correspondent") or a section ("World News").
    """
    known = _known_outlets(rules)
    for pattern in _OUTLET_BYLINES:
        for match in pattern.finditer(text):
            if match.group("outlet").strip() in known:
                return match
    return None


def _known_outlets(rules: Rules) -> frozenset[str]:
    """Every spelling in the rules' outlet names, variant and canonical alike."""
    return frozenset(rules.outlet_names) | frozenset(rules.outlet_names.values())


def guess_published(text: str, rules: Rules | None = None) -> str | None:
    """An ISO date from a timestamp near the top: a date alone on its line or next to a time."""
    rules = rules or load_rules()
    head = text[: rules.header_chars]
    for line in head.split("\n"):
        for pattern in _DATES:
            if not has_needs(pattern_needs(pattern), line):
                continue  # no year digits, say: the pattern cannot match this line
            for match in pattern.finditer(line):
                day = _to_date(match)
                if day and _is_timestamp(line, match):
                    return day.isoformat()
    return None


def _is_timestamp(line: str, match: re.Match[str]) -> bool:
    before, after = line[: match.start()], line[match.end() :]
    if _TIME_AFTER.match(after) or _STAMP_BEFORE.search(before):
        return True
    return bool(_DATE_LINE_REST.match(before.strip())) and bool(
        _DATE_LINE_REST.match(after.strip())
    )


def _to_date(match: re.Match[str]) -> date | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return date(int(match.group("year")), number, int(match.group("day")))
    except ValueError:
        return None


def normalise_date(value: str) -> str | None:
    """A stated date as ISO 8601 (datetimes with a zone in UTC); None when unreadable."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)  # feed style: "Wed, 19 Mar 2025 14:25:00 GMT"
        except (TypeError, ValueError, IndexError):
            for pattern in _DATES:
                match = pattern.search(value)
                day = _to_date(match) if match else None
                if day:
                    return day.isoformat()
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.isoformat()


def guess_outlet(text: str, rules: Rules | None = None) -> str | None:
    """The outlet the page names first: byline, dateline, copyright line, feed footer."""
    rules = rules or load_rules()
    found: list[tuple[int, str]] = []
    for pattern in rules.outlets:
        match = pattern.search(text) if has_needs(pattern_needs(pattern), text) else None
        if match:
            found.append((match.start(), match.group("outlet").strip(" .,")))
    signed = _outlet_byline(text[: rules.header_chars], rules)
    if signed:
        found.append((signed.start(), signed.group("outlet").strip()))
    if not found:
        return None
    name = min(found)[1]
    return rules.outlet_names.get(name, name)
