"""Drop the parts of a page that are not article text: they carry no claims.

The rules are data (``resources/boilerplate.toml``); this module loads them and
applies them to paragraphs, in an order where each step can trust the last:

1. cut: a marker after which everything is non-article (comment widgets, "More from");
2. captions: a paragraph shown twice in a row, the second time with a photo credit,
   and caption sentences (cue phrases, or the sentence a photo credit closes);
3. spans: widget text removed inside a line (pages flattened onto one line);
4. lines: whole paragraphs that are labels, prompts, credits, bylines, bios;
5. structure: headlines listed under "Read next" labels, link-card labels, vertical
   menus, repeated and near-duplicate paragraphs, repeated sentences, "keep reading"
   teasers with their headlines, and the short lines that follow the last paragraph
   of prose (share buttons, tags, lists of other stories).

:func:`clean` also counts what each rule removed, so changes to the rules can
be measured on the seed articles.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from re import _parser  # type: ignore[attr-defined]  # private (3.11+), not in typeshed
from typing import Any

from pipeline.config import DEFAULT_BOILERPLATE, ConfigError, read_toml

_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*\s+(?=[“\"‘'(]?[A-Z0-9])")
_DASH_LABEL = re.compile(r"^[-–—]\s*(.+)$")
_SPACES = re.compile(r"[ \t]{2,}")
_WIDGET_CHARS = 2000  # longer lines are never wholly widget text
_CARD_LABEL_WORDS = 6
_RECENT_SENTENCES = 50  # how far back a repeated sentence is looked for by containment
_NEVER = "(?!)"
_WORD = re.compile(r"\w+")
_SENTENCE_CLOSE = ".!?:;”\"’'"
_TEASER_HEADS = 3  # headline, section name, kicker: more short lines are article text
_STRANDED_WORDS = 3  # a label between two pieces of furniture is a menu item, not a subheading
# Drops that leave a teaser's paragraphs contiguous (not page furniture between them).
_TRANSPARENT = (None, "repeated_paragraph", "near_duplicate")
_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() plus "_", character for character
_ASCII_NOT_ALNUM = str.maketrans(
    "", "", "".join(c for c in map(chr, range(128)) if not c.isalnum())
)
_LIST_ITEM = re.compile(r"^(?:[-–—•*▪·]|\d{1,2}[.)])\s")
_STRUCTURE_PATTERNS = ("teaser_end", "credit", "teaser_lists")
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


@dataclass(frozen=True)
class Rule:
    """One named pattern with the reason it exists."""

    id: str
    pattern: re.Pattern[str]
    why: str
    head_only: bool = False
    tail_only: bool = False
    min_chars: int = 0
    max_words: int | None = None
    at_end: bool = False
    inline: bool = False
    names_author: bool = False
    # Text the pattern cannot match without: each entry is a set of strings one of which
    # must occur (see ``required_text``). Most lines lack them, so most searches are skipped.
    needs: tuple[frozenset[str], ...] = ()

    def may_match(self, text: str) -> bool:
        """False only when the pattern cannot match ``text``: a required string is missing."""
        return has_needs(self.needs, text)


@dataclass(frozen=True)
class CaptionRules:
    """Sentences that describe or credit a picture (``[captions]``)."""

    cues: tuple[re.Pattern[str], ...] = ()
    credit: re.Pattern[str] = re.compile(_NEVER)
    max_words: int = 60


@dataclass(frozen=True)
class NearDuplicateRules:
    """How alike two paragraphs must be to count as copies (``[near_duplicates]``)."""

    shingle_words: int = 2
    threshold: float = 0.6
    min_words: int = 8


@dataclass(frozen=True)
class SplitRules:
    """Where one page holds several articles (``[split]``); no cues means never split."""

    markers: tuple[re.Pattern[str], ...] = ()
    meta: tuple[re.Pattern[str], ...] = ()
    header_max_words: int = 20
    header_max_lines: int = 8
    body_min_words: int = 25
    min_part_words: int = 150
    title_min_words: int = 4


@dataclass(frozen=True)
class Rules:
    """Everything the cleaner and the metadata guesser read from the rules file."""

    labels: frozenset[str]
    cuts: tuple[Rule, ...]
    spans: tuple[Rule, ...]
    lines: tuple[Rule, ...]
    outlets: tuple[re.Pattern[str], ...]
    outlet_names: dict[str, str]
    titles: tuple[re.Pattern[str], ...]
    teaser_end: re.Pattern[str]
    credit: re.Pattern[str]
    header_paragraphs: int = 8
    header_chars: int = 1500
    min_chars_before_cut: int = 400
    caption_min_words: int = 4
    caption_max_words: int = 60
    sentence_min_words: int = 8
    teaser_max_paragraphs: int = 6
    teaser_headline_words: int = 14
    prose_min_words: int = 0  # 0: no tail rule
    menu_max_words: int = 3
    menu_min_lines: int = 0  # 0: no menu rule
    teaser_lists: tuple[re.Pattern[str], ...] = ()
    captions: CaptionRules = CaptionRules()
    near_duplicates: NearDuplicateRules = NearDuplicateRules()
    split: SplitRules = SplitRules()


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and, per rule id, how many paragraphs or spans and characters it removed."""

    text: str
    counts: Counter[str] = field(default_factory=Counter)
    chars: Counter[str] = field(default_factory=Counter)


@dataclass
class _Unit:
    """A paragraph (non-empty line) and where it stood in the input."""

    text: str
    index: int  # position among the input's non-empty lines
    offset: int  # character offset in the input
    blank_before: bool
    dropped_by: str | None = None

    @property
    def kept(self) -> bool:
        return self.dropped_by is None


@lru_cache(maxsize=8)
def load_rules(path: Path | None = None) -> Rules:
    """Read and compile one rules file on its own (the shipped one when ``path`` is None)."""
    path = Path(path) if path else DEFAULT_BOILERPLATE
    return rules_from(read_toml(path), path)


def rules_from(data: dict[str, Any], path: Path | str) -> Rules:
    """Compile the data of a rules file (``path`` names it in errors)."""
    structure = data.get("structure", {})
    try:
        return Rules(
            labels=frozenset(label_key(label) for label in data.get("labels", {}).get("lines", [])),
            cuts=tuple(_rule(entry, path) for entry in data.get("cut", [])),
            spans=tuple(_rule(entry, path) for entry in data.get("spans", [])),
            lines=tuple(_rule(entry, path) for entry in data.get("lines", [])),
            outlets=tuple(
                _compile(e["pattern"], path, "outlets", re.M) for e in data.get("outlets", [])
            ),
            outlet_names=dict(data.get("outlet_names", {})),
            titles=tuple(_compile(e["pattern"], path, "titles") for e in data.get("titles", [])),
            teaser_end=_compile(structure.get("teaser_end", _NEVER), path, "teaser_end"),
            credit=_compile(structure.get("credit", _NEVER), path, "credit"),
            captions=_caption_rules(data.get("captions", {}), path),
            near_duplicates=_near_duplicate_rules(data.get("near_duplicates", {})),
            split=_split_rules(data.get("split", {}), path),
            teaser_lists=tuple(
                _compile(p, path, "teaser_lists") for p in structure.get("teaser_lists", [])
            ),
            **{
                key: int(value)
                for key, value in structure.items()
                if key not in _STRUCTURE_PATTERNS
            },
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigError(f"{path}: malformed boilerplate rules ({error})") from error


def _caption_rules(section: dict[str, Any], path: Path | str) -> CaptionRules:
    return CaptionRules(
        cues=tuple(_compile(cue, path, "captions.cues") for cue in section.get("cues", [])),
        credit=_compile(section.get("credit", _NEVER), path, "captions.credit"),
        max_words=int(section.get("max_words", CaptionRules.max_words)),
    )


def _near_duplicate_rules(section: dict[str, Any]) -> NearDuplicateRules:
    return NearDuplicateRules(
        shingle_words=max(1, int(section.get("shingle_words", NearDuplicateRules.shingle_words))),
        threshold=float(section.get("threshold", NearDuplicateRules.threshold)),
        min_words=int(section.get("min_words", NearDuplicateRules.min_words)),
    )


def _split_rules(section: dict[str, Any], path: Path | str) -> SplitRules:
    patterns = ("markers", "meta")
    return SplitRules(
        markers=tuple(_compile(p, path, "split.markers") for p in section.get("markers", [])),
        meta=tuple(_compile(p, path, "split.meta") for p in section.get("meta", [])),
        **{key: int(value) for key, value in section.items() if key not in patterns},
    )


def _rule(entry: dict[str, Any], path: Path | str) -> Rule:
    name = entry.get("id", "?")
    pattern = _compile(entry["pattern"], path, name)
    return Rule(
        id=name,
        pattern=pattern,
        needs=required_text(pattern),
        why=entry.get("why", ""),
        head_only=bool(entry.get("head_only", False)),
        tail_only=bool(entry.get("tail_only", False)),
        min_chars=int(entry.get("min_chars", 0)),
        max_words=entry.get("max_words"),
        at_end=bool(entry.get("at_end", False)),
        inline=bool(entry.get("inline", False)),
        names_author=bool(entry.get("names_author", False)),
    )


def _compile(pattern: str, path: Path | str, name: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise ConfigError(
            f"{path}: rule {name!r} is not a valid regular expression ({error})"
        ) from error


def required_text(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """What every match of ``pattern`` contains: sets of strings, one of each set at least.

    Read from the parsed pattern: runs of literal characters, inside groups and
    repeats that must occur at least once, and for an alternation the union of
    what each branch needs. Case-insensitive parts give nothing, because case
    folding has exceptions a plain ``in`` would miss. Anything else (classes,
    optional parts, lookarounds) gives nothing, so the result can only be too
    weak, never too strong: ``has_needs`` is False only where no match exists.
    Longest strings first, as the rarest, so a failing check fails early.
    """
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    needs = set(_needs(_parser.parse(pattern.pattern, pattern.flags), ignorecase))
    return tuple(sorted(needs, key=lambda options: (-min(map(len, options)), sorted(options))))


def has_needs(needs: tuple[frozenset[str], ...], text: str) -> bool:
    """Whether ``text`` holds one string of each set in ``needs`` (see ``required_text``)."""
    for options in needs:  # plain loops: this runs for every rule on every line
        for option in options:
            if option in text:
                break
        else:
            return False
    return True


@lru_cache(maxsize=256)
def pattern_needs(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """``required_text`` worked out once per pattern, for patterns kept outside a Rule."""
    return required_text(pattern)


def _needs(items: Any, ignorecase: bool) -> list[frozenset[str]]:
    """The required strings of a parsed sequence (``re._parser`` items), in pattern order."""
    needs: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is _parser.LITERAL and not ignorecase:
            run.append(chr(value))  # consecutive literals are consecutive in every match
            continue
        if run:
            needs.append(frozenset(["".join(run)]))
            run = []
        if op is _parser.SUBPATTERN:
            _group, added, removed, inner = value
            insensitive = (
                ignorecase or bool(added & re.IGNORECASE)
            ) and not removed & re.IGNORECASE
            needs += _needs(inner, insensitive)
        elif op is _parser.ATOMIC_GROUP:
            needs += _needs(value, ignorecase)
        elif op in _REPEATS and value[0] >= 1:
            needs += _needs(value[2], ignorecase)
        elif op is _parser.BRANCH:
            needs += _either([_needs(branch, ignorecase) for branch in value[1]])
    if run:
        needs.append(frozenset(["".join(run)]))
    return needs


def _either(branches: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """An alternation needs one of its branches' needs: the best of each, pooled."""
    if not branches or not all(branches):
        return []  # a branch that needs nothing can match anywhere
    best = [max(needs, key=lambda options: min(map(len, options))) for needs in branches]
    return [frozenset().union(*best)]


def label_key(text: str) -> str:
    """How labels are compared: spaces collapsed, a trailing colon ignored, any case."""
    return " ".join(text.split()).rstrip(":").strip().casefold()


def text_key(text: str) -> str:
    """How repeats are compared: lowercase letters and digits only."""
    folded = text.casefold()
    if folded.isascii():
        return folded.translate(_ASCII_NOT_ALNUM)  # same result, several times faster
    return _NOT_ALNUM.sub("", folded)


def strip_boilerplate(text: str, rules: Rules | None = None) -> str:
    """The article text of a normalised page."""
    return clean(text, rules).text


def clean(text: str, rules: Rules | None = None) -> Cleaned:
    """Apply every rule to a normalised page and count what each removed."""
    rules = rules or load_rules()
    units = _split(text)
    result = Cleaned("")
    _cut(units, rules, result)
    _drop_captions(units, rules, result)
    _drop_caption_sentences(units, rules.captions, result)
    _remove_spans(units, rules, result)
    _drop_lines(units, rules, result)
    _drop_listed_teasers(units, rules, result)
    _drop_card_labels(units, result)
    _drop_menus(units, rules, result)
    _drop_repeated_paragraphs(units, result)
    _drop_near_duplicates(units, rules.near_duplicates, result)
    _drop_repeated_sentences(units, rules, result)
    _drop_teasers(units, rules, result)
    _drop_stranded_labels(units, result)
    _drop_tail_furniture(units, rules, result)
    return Cleaned(_join(units), result.counts, result.chars)


def is_boilerplate_line(line: str, rules: Rules | None = None) -> bool:
    """Whether a line near the top of a page is page furniture rather than text."""
    rules = rules or load_rules()
    unit = _Unit(line.strip(), 0, 0, False)
    if not unit.text or _line_rule(unit, rules) is not None:
        return True
    if len(unit.text) > _WIDGET_CHARS:
        return False  # spans cannot empty a line this long; spare the work on flattened pages
    _remove_spans([unit], rules, Cleaned(""))
    return not unit.kept


def bio_author(line: str, rules: Rules | None = None) -> str | None:
    """The name a biography line ("X is a senior fellow ...") gives for the author."""
    rules = rules or load_rules()
    for rule in rules.lines:
        if rule.names_author and rule.may_match(line) and _fits(rule, line):
            match = rule.pattern.search(line)
            if match and match.groupdict().get("name"):
                return match.group("name").strip()
    return None


def _split(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    offset = 0
    blank = False
    for line in text.split("\n"):
        if line.strip():
            units.append(_Unit(line.strip(), len(units), offset, blank))
            blank = False
        else:
            blank = True
        offset += len(line) + 1
    return units


def _join(units: list[_Unit]) -> str:
    """Kept paragraphs, separated by a blank line where the input had one between them."""
    parts: list[str] = []
    blank = False
    for unit in units:
        blank = blank or unit.blank_before
        if unit.kept:
            if parts:
                parts.append("\n\n" if blank else "\n")
            parts.append(unit.text)
            blank = False
    return "".join(parts)


def _drop(unit: _Unit, rule_id: str, result: Cleaned) -> None:
    unit.dropped_by = rule_id
    result.counts[rule_id] += 1
    result.chars[rule_id] += len(unit.text)


def _cut(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """Drop everything from the first cut marker that has enough text before it."""
    seen = 0
    for position, unit in enumerate(units):
        for rule in rules.cuts:
            if not rule.may_match(unit.text):
                continue
            match = rule.pattern.match(unit.text)
            if match is None and rule.inline:
                match = _inline_marker(rule.pattern, unit.text)
            if match is None or seen + match.start() < rules.min_chars_before_cut:
                continue
            rule_id = f"cut:{rule.id}"
            head = unit.text[: match.start()].rstrip()
            result.chars[rule_id] += len(unit.text) - len(head)
            result.counts[rule_id] += 1
            unit.text = head
            if not head:
                unit.dropped_by = rule_id
            for rest in units[position + 1 :]:
                _drop(rest, rule_id, result)
            return
        seen += len(unit.text) + 1


def _inline_marker(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """A marker inside a line counts only where a word or sentence starts."""
    for match in pattern.finditer(text):
        if match.start() > 0 and text[match.start() - 1] == " ":
            return match
    return None


def _remove_spans(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """Remove widget text inside lines; a line left without words is dropped."""
    kept = [unit for unit in units if unit.kept]
    for unit in kept:
        last = None
        for rule in rules.spans:
            if (rule.tail_only and unit is not kept[-1]) or len(unit.text) < rule.min_chars:
                continue
            if not rule.may_match(unit.text):
                continue  # no match, so nothing to replace or count
            text = _sub_span(rule, unit, rules.header_chars, result)
            if text != unit.text:
                unit.text = _SPACES.sub(" ", text).strip()
                last = rule.id
        if last and not any(char.isalnum() for char in unit.text):
            unit.dropped_by = f"span:{last}"  # already counted as a span


def _sub_span(rule: Rule, unit: _Unit, header_chars: int, result: Cleaned) -> str:
    key = f"span:{rule.id}"

    def replace(match: re.Match[str]) -> str:
        if rule.head_only and unit.offset + match.start() >= header_chars:
            return match.group(0)
        result.counts[key] += 1
        result.chars[key] += len(match.group(0))
        return " "

    return rule.pattern.sub(replace, unit.text)


def _drop_lines(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    header_end = next((u.index for u in units if u.kept and _is_prose(u.text, rules)), 0)
    for unit in units:
        if unit.kept:
            rule_id = _line_rule(unit, rules, at_end=False, header_end=header_end)
            if rule_id:
                _drop(unit, rule_id, result)
    # Backwards, so a biography in two paragraphs is dropped whole.
    following: _Unit | None = None
    for unit in reversed(units):
        if unit.kept and (following is None or not following.kept):
            rule_id = _line_rule(unit, rules, at_end=True)
            if rule_id:
                _drop(unit, rule_id, result)
        following = unit


def _line_rule(
    unit: _Unit, rules: Rules, at_end: bool | None = None, header_end: int = 0
) -> str | None:
    """The first label or line rule matching the whole paragraph (``at_end``: only those).

    ``head_only`` rules reach the first ``header_paragraphs`` paragraphs, or up to
    ``header_end`` (the first paragraph of prose) when a long menu pushes the header down.
    """
    if at_end is not True and label_key(unit.text) in rules.labels:
        return "label"
    words: int | None = None  # counted once, and only if a rule has a word limit
    for rule in rules.lines:
        if at_end is not None and rule.at_end != at_end:
            continue
        if rule.head_only and unit.index >= max(rules.header_paragraphs, header_end):
            continue
        if not rule.may_match(unit.text):
            continue
        if rule.max_words is not None:
            words = len(unit.text.split()) if words is None else words
            if words > rule.max_words:
                continue
        if rule.pattern.search(unit.text):
            return rule.id
    return None


def _fits(rule: Rule, text: str) -> bool:
    return rule.max_words is None or len(text.split()) <= rule.max_words


def _drop_captions(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """A short paragraph shown twice in a row, the second time with a credit, is a caption.

    An exact repeat without a credit may be an article paragraph printed twice, so it
    is left to the repeated-paragraph rule, which keeps one copy.
    """
    kept = [unit for unit in units if unit.kept]
    for first, second in itertools.pairwise(kept):
        if not (first.kept and second.kept and second.text.startswith(first.text)):
            continue
        if not rules.caption_min_words <= len(first.text.split()) <= rules.caption_max_words:
            continue
        credit = second.text[len(first.text) :].strip()
        if credit and len(credit.split()) <= 10 and rules.credit.search(credit):
            _drop(first, "caption", result)
            _drop(second, "caption", result)


def _drop_repeated_paragraphs(units: list[_Unit], result: Cleaned) -> None:
    """A paragraph printed again later is dropped; the first copy stays."""
    seen: set[str] = set()
    for unit in units:
        if unit.kept:
            key = text_key(unit.text)
            if key in seen:
                _drop(unit, "repeated_paragraph", result)
            seen.add(key)


def _drop_caption_sentences(units: list[_Unit], captions: CaptionRules, result: Cleaned) -> None:
    """Captions and alt text sit among article sentences, even inside a flattened page.

    A sentence is a caption when a cue says so, or when a photo credit follows it:
    the credit closes the caption it belongs to. Credits themselves go with the spans.
    """
    for unit in units:
        if not unit.kept:
            continue
        pieces = _sentences(unit.text)
        # A piece is part of the paragraph: a cue the paragraph cannot match, no piece can.
        cues = [cue for cue in captions.cues if has_needs(pattern_needs(cue), unit.text)]
        kept: list[str] = []
        for piece, following in itertools.zip_longest(pieces, pieces[1:]):
            if _is_caption(piece, following, captions, cues):
                result.counts["caption_sentence"] += 1
                result.chars["caption_sentence"] += len(piece)
            else:
                kept.append(piece)
        if len(kept) < len(pieces):
            unit.text = "".join(kept).strip()
            if not unit.text:
                unit.dropped_by = "caption_sentence"  # already counted


def _is_caption(
    piece: str, following: str | None, captions: CaptionRules, cues: list[re.Pattern[str]]
) -> bool:
    """Whether a sentence piece is a caption; ``cues`` are those its paragraph may match."""
    text = piece.strip()
    if not text or len(text.split()) > captions.max_words:
        return False
    if following is not None and captions.credit.match(following):
        return True
    return any(cue.search(text) for cue in cues)


def _drop_near_duplicates(units: list[_Unit], near: NearDuplicateRules, result: Cleaned) -> None:
    """Copies that differ in spacing, quotes, punctuation or a few words: the first stays.

    Each paragraph is looked up in an index from shingle to earlier paragraphs, so
    only paragraphs that share wording are compared and a page costs about one pass.
    """
    index: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    sizes: list[int] = []
    for unit in units:
        words = _WORD.findall(unit.text.casefold()) if unit.kept else []
        if len(words) < max(near.min_words, near.shingle_words):
            continue
        shingles = _shingles(words, near.shingle_words)
        # Counted in C: no Python step per shingle or per earlier paragraph sharing it.
        shared = Counter(chain.from_iterable(map(index.get, shingles, repeat(()))))
        if any(
            common / (len(shingles) + sizes[earlier] - common) >= near.threshold
            for earlier, common in shared.items()
        ):
            _drop(unit, "near_duplicate", result)
            continue
        for shingle in shingles:
            index[shingle].append(len(sizes))
        sizes.append(len(shingles))


def _shingles(words: list[str], size: int) -> set[tuple[str, ...]]:
    """Every run of ``size`` consecutive words (zip of shifted lists: no slice per run)."""
    return set(zip(*(words[start:] for start in range(size)), strict=False))


def _drop_repeated_sentences(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """Long sentences repeated inside one paragraph (flattened pages) are kept once."""
    for unit in units:
        if not unit.kept:
            continue
        seen: set[str] = set()
        recent: deque[str] = deque(maxlen=_RECENT_SENTENCES)
        pieces: list[str] = []
        for piece in _sentences(unit.text):
            key = text_key(piece)
            long = len(piece.split()) >= rules.sentence_min_words
            # A repeat may have lost junk that was glued to the first copy: containment counts.
            if long and (key in seen or any(key in earlier for earlier in recent)):
                result.counts["repeated_sentence"] += 1
                result.chars["repeated_sentence"] += len(piece)
                continue
            seen.add(key)
            recent.append(key)
            pieces.append(piece)
        unit.text = "".join(pieces).strip()


def _sentences(text: str) -> list[str]:
    """Rough sentence pieces, each with its trailing space; enough to spot exact repeats."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    pieces.append(text[start:])
    return [piece for piece in pieces if piece]


def _drop_card_labels(units: list[_Unit], result: Cleaned) -> None:
    """Link cards name their outlet twice ("Japan Today", "2 hours ago", "- Japan Today").

    A dash line alone may be a list item of the article, so it only goes with its twin.
    """
    for position, unit in enumerate(units):
        match = _DASH_LABEL.match(unit.text)
        if match is None or not unit.kept or len(unit.text.split()) > _CARD_LABEL_WORDS:
            continue
        name = label_key(match.group(1))
        twins = [
            earlier
            for earlier in units[max(0, position - 3) : position]
            if earlier.kept and label_key(earlier.text) == name
        ]
        for label in [*twins, unit] if twins else []:
            _drop(label, "card_label", result)


def _drop_teasers(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """A "keep reading" link ends a teaser of another story: drop it back to the last widget."""
    for position, unit in enumerate(units):
        if not rules.teaser_end.search(unit.text):
            continue
        if unit.kept:
            _drop(unit, "teaser", result)
        teaser: list[_Unit] = []
        start = position
        for start in range(position - 1, -1, -1):
            earlier = units[start]
            if earlier.dropped_by not in _TRANSPARENT:
                break  # page furniture above the teaser marks where it starts
            if earlier.kept:
                teaser.append(earlier)
        else:
            continue  # no widget above: this is the article, not a teaser
        if len(teaser) <= rules.teaser_max_paragraphs:
            for earlier in teaser:
                _drop(earlier, "teaser", result)
            _drop_teaser_heads(units[:start], rules, result)


def _drop_teaser_heads(above: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """A teaser's headline and section name stand above its photo credit or rubric.

    They go only when article text stands above them, so a page that starts with a
    teaser-shaped article keeps its headline.
    """
    heads: list[_Unit] = []
    for earlier in reversed(above):
        if not earlier.kept:
            continue
        if not _is_heading(earlier.text, rules.teaser_headline_words):
            break
        heads.append(earlier)
    else:
        return  # nothing but headings above: they head the article
    for head in heads[:_TEASER_HEADS]:
        _drop(head, "teaser", result)


def _is_heading(text: str, max_words: int) -> bool:
    """Short and not ending like a sentence: a headline, kicker or section name."""
    return len(text.split()) <= max_words and text.rstrip()[-1:] not in _SENTENCE_CLOSE


def _drop_stranded_labels(units: list[_Unit], result: Cleaned) -> None:
    """A word or two with page furniture right above and below is a menu or brand item."""
    furniture = [not unit.kept and unit.dropped_by not in _TRANSPARENT for unit in units]
    for position in range(1, len(units) - 1):
        unit = units[position]
        if (
            unit.kept
            and furniture[position - 1]
            and furniture[position + 1]
            and _is_heading(unit.text, _STRANDED_WORDS)
        ):
            _drop(unit, "stranded_label", result)


def _is_prose(text: str, rules: Rules) -> bool:
    """A paragraph of article text: long enough, and it ends like a sentence."""
    return (
        rules.prose_min_words > 0
        and len(text.split()) >= rules.prose_min_words
        and text.rstrip()[-1:] in _SENTENCE_CLOSE
    )


def _drop_listed_teasers(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """A "Read next" or "Most read" label heads a list of other stories' headlines.

    The label goes with the headline-shaped lines under it; the first line that
    ends like a sentence is article text again and ends the list.
    """
    for position, unit in enumerate(units):
        if not any(marker.match(unit.text) for marker in rules.teaser_lists):
            continue  # a label the line rules dropped already still heads its list
        if unit.kept:
            _drop(unit, "teaser_list", result)
        for later in units[position + 1 :]:
            if not later.kept:
                continue
            if not _is_teaser_line(later.text, rules):
                break
            _drop(later, "teaser_list", result)


def _article_list_items(units: list[_Unit]) -> set[int]:
    """Indices of list items that an article sentence introduces ("Russia's terms:").

    They are short and end without a full stop, like menu items, but they are text.
    """
    items: set[int] = set()
    in_list = False
    for unit in units:
        if not unit.kept:
            continue
        if in_list and _LIST_ITEM.match(unit.text):
            items.add(unit.index)
            continue
        in_list = unit.text.rstrip().endswith(":")
    return items


def _drop_menus(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """Several one-to-three-word lines in a row are a menu, a tag list or share buttons.

    A subheading stands alone between paragraphs, so one such line is never enough.
    """
    if rules.menu_min_lines <= 0:
        return
    listed = _article_list_items(units)
    run: list[_Unit] = []
    for unit in [*units, None]:
        if unit is not None and not unit.kept:
            continue  # already dropped: the lines around it may still form one menu
        if unit is not None and unit.index not in listed and _is_menu_item(unit.text, rules):
            run.append(unit)
            continue
        if len(run) >= rules.menu_min_lines:
            for item in run:
                _drop(item, "menu_lines", result)
        run = []


def _is_menu_item(text: str, rules: Rules) -> bool:
    """A word or three not ending like a sentence, or an initialism such as "U.S."."""
    if _is_heading(text, rules.menu_max_words):
        return True
    return len(text.split()) <= rules.menu_max_words and not any(c.islower() for c in text)


def _is_teaser_line(text: str, rules: Rules) -> bool:
    """A headline of another story: heading-shaped, or a short question ("What is in ...?")."""
    if _is_heading(text, rules.teaser_headline_words):
        return True
    return len(text.split()) <= rules.teaser_headline_words and text.rstrip().endswith("?")


def _drop_tail_furniture(units: list[_Unit], rules: Rules, result: Cleaned) -> None:
    """After the last paragraph of prose, lines that do not end like a sentence are furniture.

    What follows an article on a page copy is sign-up prompts, tags, share
    buttons and lists of other stories; a closing subheading carries no claim.
    """
    if rules.prose_min_words <= 0:
        return
    kept = [unit for unit in units if unit.kept]
    last = max((i for i, unit in enumerate(kept) if _is_prose(unit.text, rules)), default=None)
    if last is None:
        return  # no prose at all: nothing tells the article from its edges
    listed = _article_list_items(units)
    for unit in kept[last + 1 :]:
        if unit.index not in listed and _is_teaser_line(unit.text, rules):
            _drop(unit, "tail_furniture", result)
