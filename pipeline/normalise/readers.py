"""Turn input files into raw texts, or into rejects that say why they were not used.

Every file under the input folder ends up as at least one :class:`RawText` or
:class:`~pipeline.records.Reject`, so a run can account for all of its input.
Checks run cheapest first: extension, size (from ``stat``, before reading),
bytes (empty, binary), encoding, then the format's own structure.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import NormaliseSettings, Settings, load_settings
from pipeline.normalise.html import extract_page
from pipeline.normalise.walk import walk_folder
from pipeline.records import Reject

log = logging.getLogger(__name__)

META_NAMES = ("title", "url", "published", "outlet", "author", "section")
READABLE = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")
HTML = (".html", ".htm")

# Bytes below 0x20 other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
# What Windows-1252 text plausibly holds beyond ASCII: letters and typographic marks.
_CP1252_MARKS = set("‘’‚“”„–—…•€£¥©®™°±·×÷§¶«»¡¿\u00a0")
_MAX_NON_ASCII_SHARE = 0.3


@dataclass(frozen=True)
class RecordFields:
    """Where JSON records keep each field (``[normalise.fields]``); the first one present wins.

    News APIs and scrapers name the same things differently ("content",
    "publishedAt", "source.name"); the names live in the settings so a new
    export needs a line of settings, not code.
    """

    text: tuple[str, ...]
    id: tuple[str, ...] = ("id",)
    meta: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Keys under which an export object holds its list of records ({"articles": [...]}).
    records: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, options: NormaliseSettings) -> RecordFields:
        fields = options.fields
        return cls(
            text=fields.text,
            id=fields.id,
            meta=tuple((name, getattr(fields, name)) for name in META_NAMES),
            records=fields.records,
        )


@functools.cache
def _shipped_options() -> NormaliseSettings:
    return load_settings(None).normalise


@dataclass(frozen=True)
class RawText:
    """One input text before cleaning, with whatever metadata the input stated."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    section: str | None = None


def read_inputs(input_path: Path, settings: Settings) -> Iterator[RawText | Reject]:
    """Yield a RawText or Reject for every input under ``input_path`` (a folder or one file)."""
    options = settings.normalise
    files, failures = find_inputs(input_path)
    yield from failures
    for source, path in files:
        yield from read_file(path, source, options)


def find_inputs(input_path: Path) -> tuple[list[tuple[str, Path]], list[Reject]]:
    """Every input file as (source, path) in a stable order, and the folders that could
    not be listed. ``source`` is the path relative to the input folder (POSIX), or the
    file's name when ``input_path`` is one file."""
    input_path = Path(input_path)
    if input_path.is_dir():
        return walk_folder(input_path)
    if input_path.is_file():
        return [(input_path.name, input_path)], []
    raise FileNotFoundError(f"{input_path}: no such file or folder; pass a folder of articles")


def read_file(
    path: Path, source: str, options: NormaliseSettings | None = None
) -> Iterator[RawText | Reject]:
    """Read one file into texts, or reject it with a reason code and a sentence for a person.

    ``options`` are the ``[normalise]`` settings; the shipped ones when not given.
    """
    options = options or _shipped_options()
    suffix = path.suffix.lower()
    wanted = {ext.lower() for ext in options.extensions}
    if suffix not in wanted or suffix not in READABLE:
        readable = ", ".join(sorted(wanted & set(READABLE)))
        what = f"'{suffix}' files are" if suffix else "files without an extension are"
        yield Reject(source, "unsupported", f"{what} not read; supported: {readable}")
        return
    limit = options.max_file_bytes
    share = options.max_control_share
    try:
        size = path.stat().st_size
        if size > limit and suffix == ".jsonl":  # the limit holds for each record
            lines = _feed_lines(path, source, limit, share)
            yield from _jsonl_records(lines, source, RecordFields.from_settings(options))
            return
        if size > limit:
            yield _too_large(source, size, limit)
            return
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat
    except OSError as error:
        yield Reject(source, "unreadable", f"cannot read the file ({error.strerror or error})")
        return
    if len(data) > limit:
        yield _too_large(source, len(data), limit)
        return
    text = decode(data, source, share)
    if isinstance(text, Reject):
        yield text
    elif suffix == ".json":
        yield from _json_records(text, source, RecordFields.from_settings(options))
    elif suffix == ".jsonl":
        # split("\n"), not splitlines(): JSON strings may hold a raw U+2028.
        lines = enumerate(text.split("\n"), start=1)
        yield from _jsonl_records(lines, source, RecordFields.from_settings(options))
    elif suffix in HTML:
        yield _html(text, source)
    else:
        yield from _plain(text, source, RecordFields.from_settings(options), suffix == ".md")


def decode(data: bytes, source: str, max_control_share: float = 0.05) -> str | Reject:
    """Bytes to text: UTF-8 (with or without BOM), else clean-looking Windows-1252."""
    if not data.strip():
        return Reject(source, "empty", "the file has no bytes or only whitespace")
    if b"\x00" in data:
        return Reject(
            source,
            "binary",
            "the file contains NUL bytes: binary data, or UTF-16 text (re-save it as UTF-8)",
        )
    control = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if control / len(data) > max_control_share:
        return Reject(
            source,
            "binary",
            f"{control} of {len(data)} bytes are control characters; this does not look like text",
        )
    try:
        text = data.decode("utf-8-sig")  # drops a BOM; reads BOM-less UTF-8 just the same
    except UnicodeDecodeError as failure:
        western = _cp1252(data)
        if western is None:
            return Reject(
                source,
                "undecodable",
                f"not UTF-8 (byte 0x{data[failure.start]:02x} at offset "
                f"{failure.start}) nor plausible Windows-1252 text; re-save the file as UTF-8",
            )
        log.info("%s: not UTF-8, read as Windows-1252", source)
        text = western
    if not text.strip():
        return Reject(source, "empty", "the file holds only whitespace")
    return text


def _cp1252(data: bytes) -> str | None:
    """Windows-1252 text, only when it decodes cleanly and reads like Western prose."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [char for char in text if ord(char) > 0x7F]
    if len(non_ascii) > _MAX_NON_ASCII_SHARE * len(text):
        return None
    plausible = all(
        char in _CP1252_MARKS or unicodedata.category(char).startswith("L") for char in non_ascii
    )
    return text if plausible else None


def _too_large(source: str, size: int, limit: int) -> Reject:
    return Reject(
        source,
        "too_large",
        f"the file has {size:,} bytes, over the limit of {limit:,} "
        "(normalise.max_file_bytes); raise the limit in your settings file or split the file",
    )


def _plain(text: str, source: str, fields: RecordFields, markdown: bool) -> Iterator[RawText]:
    """A .txt or .md file is one document; Markdown loses its markup and front matter."""
    if not markdown:
        yield RawText(source, text)
        return
    meta, body = _front_matter(text, fields)
    yield RawText(source, markdown_to_text(body), **meta)


def _html(text: str, source: str) -> RawText | Reject:
    """A saved web page is one document: its article text and the metadata the page declares."""
    page = extract_page(text)
    if page is None:
        return Reject(
            source,
            "no_text",
            "no article text found in the HTML page (only navigation, scripts or markup); "
            "save the article's own page, or its text as a .txt file",
        )
    return RawText(
        source,
        page.text,
        title=page.title,
        url=page.url,
        published=page.published,
        outlet=page.outlet,
        author=page.author,
    )


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
# Link texts hold no brackets and targets no "](", so no scan runs past the next link:
# a line of a million "[" costs one pass, not a million.
_MD_STEPS = (
    (re.compile(r"!\[[^\[\]]*\]\((?:[^)\]]|\](?!\())*\)"), ""),  # images carry no article text
    (re.compile(r"\[([^\[\]]+)\]\((?:[^)\]]|\](?!\())*\)"), r"\1"),  # links keep their words
    (re.compile(r"^#{1,6}[ \t]+((?:.*[^ \t#\n])?)[ \t#]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^[ \t]*(?:[-*+]|\d+\.)[ \t]+", re.MULTILINE), ""),  # list markers
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
)


def markdown_to_text(text: str) -> str:
    """Strip the Markdown markup that would otherwise end up inside sentences."""
    text = _drop_comments(text)
    for pattern, replacement in _MD_STEPS:
        text = pattern.sub(replacement, text)
    return text


def _drop_comments(text: str) -> str:
    """HTML comments removed by search, not a lazy regex: an unclosed "<!--" repeated
    a million times would make the regex rescan the rest of the text from each one."""
    kept: list[str] = []
    start = 0
    while (opening := text.find("<!--", start)) != -1:
        closing = text.find("-->", opening + 4)
        if closing == -1:
            break  # no comment closes after this one, so none after a later one either
        kept.append(text[start:opening])
        start = closing + 3
    kept.append(text[start:])
    return "".join(kept)


def _front_matter(text: str, fields: RecordFields) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` front matter between ``---`` lines becomes metadata."""
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return {}, text
    found: dict[str, Any] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            value = value.strip().strip("\"'")
            found[key.strip()] = found.setdefault(key.strip().lower(), value)
    return _metadata(found, fields.meta), text.replace("\r\n", "\n")[match.end() :]


def _json_records(text: str, source: str, fields: RecordFields) -> Iterator[RawText | Reject]:
    """A .json file holds one record object or a list of them."""
    try:
        value = json.loads(text)
    except RecursionError:
        yield _too_deep(source, "the JSON")
        return
    except json.JSONDecodeError as error:
        yield Reject(
            source,
            "malformed_json",
            f"not valid JSON at line {error.lineno}, column "
            f"{error.colno} ({error.msg}); fix the file or save one record per line as .jsonl",
        )
        return
    if isinstance(value, dict):
        unwrapped = _unwrap(value, source, fields)
        if isinstance(unwrapped, Reject):
            yield unwrapped
            return
        items: list[Any] = unwrapped
    elif isinstance(value, list):
        items = value
    else:
        yield Reject(
            source,
            "no_text",
            f"the JSON holds a {_json_type(value)}, not an object "
            "or a list of objects with a text field",
        )
        return
    if not items:
        yield Reject(source, "no_text", "the JSON list holds no records")
        return
    used: set[str] = set()
    for position, item in enumerate(items, start=1):
        yield _record(item, source, position, f"item {position}", used, fields)


def _unwrap(value: dict[str, Any], source: str, fields: RecordFields) -> list[Any] | Reject:
    """A record, or an export object that holds the records one level down.

    News APIs wrap their records: {"status": "ok", "articles": [...]}. The keys
    that may hold them are settings ([normalise.fields] records), not code.
    """
    if any(_lookup(value, key) is not None for key in fields.text):
        return [value]
    for key in fields.records:
        if isinstance(value.get(key), list):
            return list(value[key])
    nested = [
        key
        for key, inner in value.items()
        if isinstance(inner, list) and inner and all(isinstance(item, dict) for item in inner)
    ]
    if nested:
        return Reject(
            source,
            "no_text",
            f"the records are nested one level down, in '{nested[0]}', a key not listed in "
            f'[normalise.fields] records; add "{nested[0]}" to that list in your settings file',
        )
    return [value]  # one record without a text field: rejected as such


def _feed_lines(
    path: Path, source: str, limit: int, max_control_share: float
) -> Iterator[tuple[int, str | Reject]]:
    """The numbered lines of a feed too large to read at once, decoded one at a time.

    Only one line is held in memory; a line over ``limit`` is read past and rejected.
    """
    try:
        with open(path, "rb") as handle:
            number = 0
            while chunk := handle.readline(limit + 1):
                number += 1
                if chunk.endswith(b"\n") or len(chunk) <= limit:
                    if chunk.strip():
                        yield number, decode(chunk, f"{source}#{number}", max_control_share)
                    continue
                size = len(chunk)  # over the limit: read past the rest of the line
                while chunk and not chunk.endswith(b"\n"):
                    chunk = handle.readline(limit + 1)
                    size += len(chunk)
                yield number, _too_large_record(f"{source}#{number}", number, size, limit)
    except OSError as error:
        yield 0, Reject(source, "unreadable", f"cannot read the file ({error.strerror or error})")


def _too_large_record(source: str, number: int, size: int, limit: int) -> Reject:
    return Reject(
        source,
        "too_large",
        f"line {number} has {size:,} bytes, over the limit of {limit:,} for one record "
        "(normalise.max_file_bytes, which in a JSON Lines feed holds for each record); "
        "raise the limit in your settings file or shorten the record",
    )


def _jsonl_records(
    lines: Iterable[tuple[int, str | Reject]], source: str, fields: RecordFields
) -> Iterator[RawText | Reject]:
    """One record per line; a bad line is rejected on its own and the others still read."""
    used: set[str] = set()
    for number, line in lines:
        if isinstance(line, Reject):
            yield line
            continue
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except RecursionError:
            yield _too_deep(f"{source}#{number}", f"line {number}")
            continue
        except json.JSONDecodeError as error:
            yield Reject(
                f"{source}#{number}",
                "malformed_json",
                f"line {number} is not valid JSON (column {error.colno}: {error.msg}); "
                "each line must hold one complete JSON object",
            )
            continue
        yield _record(item, source, number, f"line {number}", used, fields)


def _too_deep(source: str, what: str) -> Reject:
    """JSON nested deeper than Python's parser recurses: no news record is shaped like that."""
    return Reject(
        source,
        "too_deep",
        f"{what} is nested too deeply to read (lists or objects inside each other, "
        "hundreds of levels down); flatten the record so its text field is near the top",
    )


def _record(
    item: Any, path: str, position: int, where: str, used: set[str], fields: RecordFields
) -> RawText | Reject:
    """One JSON record: a text field plus optional metadata; its source is ``PATH#ID``."""
    if not isinstance(item, dict):
        return Reject(
            f"{path}#{position}",
            "no_text",
            f"{where} is a JSON {_json_type(item)}, not an object with a text field",
        )
    source = f"{path}#{_record_id(_field(item, fields.id), position, used)}"
    name = next((key for key in fields.text if _lookup(item, key) is not None), None)
    if name is None:
        return Reject(
            source,
            "no_text",
            f"{where} has no text field (one of: {', '.join(fields.text)}; "
            "add yours to [normalise.fields] text in your settings)",
        )
    text = _lookup(item, name)
    if not isinstance(text, str):
        return Reject(
            source, "no_text", f"{where}: field '{name}' is a {_json_type(text)}, not a string"
        )
    if not text.strip():
        return Reject(source, "no_text", f"{where}: field '{name}' is empty")
    return RawText(source, text, **_metadata(item, fields.meta))


def _record_id(raw: Any, position: int, used: set[str]) -> str:
    """The record's own id when it has a usable, unused one; else its position."""
    candidate = str(raw).strip() if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
    if not candidate or candidate in used:
        if candidate:
            log.warning("record id %r used twice; the later record is named by position", raw)
        candidate = str(position)
        while candidate in used:
            candidate += "+"
    used.add(candidate)
    return candidate


def _lookup(item: dict[str, Any], key: str) -> Any:
    """``item[key]``; a dotted key ("source.name") walks into nested objects."""
    value: Any = item
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _field(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first of ``keys`` the record has a value for."""
    return next((value for key in keys if (value := _lookup(item, key)) is not None), None)


def _metadata(
    item: dict[str, Any], fields: tuple[tuple[str, tuple[str, ...]], ...]
) -> dict[str, str]:
    """The metadata fields a record states, under their canonical names."""
    meta: dict[str, str] = {}
    for name, keys in fields:
        for key in keys:
            value = _meta_value(_lookup(item, key))
            if value:
                meta[name] = value
                break
    return meta


def _meta_value(value: Any) -> str | None:
    """Strings as they are, numbers as text, names of objects ({"name": ...}), lists joined."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        parts = [_meta_value(part) for part in value if not isinstance(part, list)]
        return ", ".join(part for part in parts if part) or None
    return None


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
