"""Build a synthetic corpus of news-like articles for throughput benchmarks.

Five real articles are too few to measure throughput, and copying them verbatim
would let caches and duplicate detection flatter the numbers. So each document
is a random selection of the seed articles' paragraphs with the people in it
swapped for others, in one of the input formats the pipeline reads, spread over
day folders. The output depends only on the seeds and ``--seed``.

Run as a script (``python benchmarks/corpus.py --out /tmp/corpus``) or load the
file with importlib and call :func:`build_corpus`.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import random
import re
import shutil
import sys
import time
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT / "data" / "raw"
DEFAULT_ACTORS = ROOT / "pipeline" / "resources" / "actors.toml"

MIN_PARAGRAPH_WORDS = 8  # shorter lines are bylines, captions and site furniture
MAX_PARAGRAPH_WORDS = 150  # longer lines (flattened pages) are cut at sentence ends
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 2, 40
MIN_DOCUMENT_WORDS = 50
JSONL_RECORDS = 200
MAX_FILES_PER_FOLDER = 1000
FIRST_DAY, LAST_DAY = date(2025, 1, 1), date(2025, 11, 30)
# Cumulative shares: .txt 60 %, .md 10 %, .html 10 %, .jsonl records 20 %.
FORMATS = ((0.6, "txt"), (0.7, "md"), (0.8, "html"), (1.0, "jsonl"))
# First words of an alias that are a form of address, not part of the name.
HONORIFICS = frozenset(
    {"Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "President", "Secretary", "Gen.", "General", "Sir"}
)
OUTLETS = (
    ("Daily Courier", "dailycourier.example"),
    ("World Ledger", "worldledger.example"),
    ("The Dispatch", "dispatch.example"),
    ("Eastern Review", "easternreview.example"),
    ("Policy Wire", "policywire.example"),
    ("Continental Times", "continentaltimes.example"),
)
AUTHORS = (
    "Anna Keller",
    "Tomas Reyes",
    "Helen Park",
    "Marek Nowak",
    "Claire Dubois",
    "Samuel Okafor",
    "Ingrid Lund",
    "Paolo Ricci",
)

_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class CorpusStats:
    """What a build wrote, so a benchmark can report throughput per document, word and byte."""

    documents: int
    files: int
    words: int
    bytes: int

    def summary(self) -> str:
        return (
            f"documents={self.documents} files={self.files} words={self.words} bytes={self.bytes}"
        )


@dataclass(frozen=True)
class _Person:
    name: str  # display name: replaces full-name forms
    short: str  # shortest bare alias ("Putin", "von der Leyen"): replaces surname forms


@dataclass(frozen=True)
class _Template:
    """A seed paragraph cut around its names: literals[i], name i, literals[i + 1], ..."""

    literals: tuple[str, ...]
    slots: tuple[tuple[str, str, bool], ...]  # (person id, prefix, short form?)
    words: int


@dataclass(frozen=True)
class _Document:
    number: int
    day: date
    title: str
    paragraphs: list[str]


class _NameSwapper:
    """Swaps people for others of the same gender, consistently within one document.

    One regex over every alias finds the names in each seed paragraph once; a
    document then draws a permutation and fills the slots, so no document is searched.
    Gender is kept so that pronouns and "Mr."/"Ms." still agree after the swap.
    """

    def __init__(self, actors_file: Path) -> None:
        with open(actors_file, "rb") as handle:
            actors = tomllib.load(handle).get("actors", [])
        self.people: dict[str, _Person] = {}
        self.groups: list[list[str]] = []
        # alias -> (person id, prefix kept as is, whether the rest is a short form)
        self.aliases: dict[str, tuple[str, str, bool]] = {}
        by_gender: dict[str, list[str]] = {}
        for actor in actors:
            if actor.get("kind") != "person" or not actor.get("aliases"):
                continue
            ident, name = str(actor["id"]), str(actor.get("name") or actor["aliases"][0])
            bare = [a for a in actor["aliases"] if a.split()[0] not in HONORIFICS]
            short = min(bare or [name], key=len)
            self.people[ident] = _Person(name, short)
            by_gender.setdefault(str(actor.get("gender", "male")), []).append(ident)
            for alias in actor["aliases"]:
                first, _, rest = alias.partition(" ")
                prefix, core = (first + " ", rest) if first in HONORIFICS and rest else ("", alias)
                self.aliases[alias] = (ident, prefix, " " not in core or core == short)
        self.groups = [ids for ids in by_gender.values() if len(ids) > 1]
        forms = sorted(self.aliases, key=lambda alias: (-len(alias), alias))
        self.pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])"
        )

    def template(self, text: str) -> _Template:
        """Find the names in a seed paragraph once, so documents only fill in the slots."""
        literals: list[str] = []
        slots: list[tuple[str, str, bool]] = []
        start = 0
        for match in self.pattern.finditer(text):
            literals.append(text[start : match.start()])
            slots.append(self.aliases[match.group()])
            start = match.end()
        literals.append(text[start:])
        return _Template(tuple(literals), tuple(slots), len(text.split()))

    def draw(self, rng: random.Random) -> dict[str, _Person]:
        """One random permutation of the people within each gender: one document's cast."""
        cast: dict[str, _Person] = {}
        for group in self.groups:
            for source, chosen in zip(group, rng.sample(group, len(group)), strict=True):
                cast[source] = self.people[chosen]
        return cast

    def render(self, template: _Template, cast: dict[str, _Person]) -> str:
        """The paragraph with every name replaced by its counterpart in ``cast``."""
        parts = [template.literals[0]]
        for (ident, prefix, is_short), literal in zip(
            template.slots, template.literals[1:], strict=True
        ):
            person = cast.get(ident, self.people[ident])
            parts += (prefix, person.short if is_short else person.name, literal)
        return "".join(parts)


def seed_paragraphs(seeds: Path) -> list[str]:
    """Paragraphs of every seed file: a line is a paragraph, since some seeds use single breaks."""
    paragraphs: list[str] = []
    for path in sorted(p for p in seeds.rglob("*") if p.is_file() and not p.name.startswith(".")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            words = line.split()
            if len(words) < MIN_PARAGRAPH_WORDS:
                continue
            if len(words) <= MAX_PARAGRAPH_WORDS:
                paragraphs.append(" ".join(words))
            else:
                paragraphs.extend(_cut(" ".join(words)))
    if not paragraphs:
        raise ValueError(f"{seeds}: no paragraphs of {MIN_PARAGRAPH_WORDS}+ words in any file")
    return paragraphs


def _cut(line: str) -> list[str]:
    """Cut an over-long line into paragraphs of whole sentences of about 60 to 150 words."""
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in _SENTENCE_END.split(line):
        current.append(sentence)
        count += len(sentence.split())
        if count >= 60:
            pieces.append(" ".join(current))
            current, count = [], 0
    if count >= MIN_PARAGRAPH_WORDS:
        pieces.append(" ".join(current))
    return pieces


def _paragraph_count(rng: random.Random) -> int:
    """Log-normal around 8 paragraphs: most news is short, a long tail runs to the maximum."""
    drawn = round(rng.lognormvariate(math.log(8), 0.75))
    return max(MIN_PARAGRAPHS, min(MAX_PARAGRAPHS, drawn))


def _pick(pool: list[_Template], count: int, rng: random.Random) -> list[_Template]:
    """``count`` distinct paragraphs in random order, topped up so no article is a stub."""
    drawn = rng.sample(pool, min(count + 4, len(pool)))
    chosen, rest = drawn[:count], drawn[count:]
    while rest and sum(t.words for t in chosen) < MIN_DOCUMENT_WORDS:
        chosen.append(rest.pop())
    return chosen


def _title(first_paragraph: str, rng: random.Random) -> str:
    """A headline-sized opening of the first paragraph."""
    words = first_paragraph.split()[: rng.randint(6, 12)]
    return " ".join(words).rstrip(",;:—–-.").strip()


def _format(rng: random.Random) -> str:
    roll = rng.random()
    return next(name for share, name in FORMATS if roll < share)


def _slug(title: str) -> str:
    return _NOT_SLUG.sub("-", title.lower()).strip("-")[:60]


def _render_txt(doc: _Document) -> str:
    return doc.title + "\n\n" + "\n\n".join(doc.paragraphs) + "\n"


def _render_md(doc: _Document) -> str:
    return "# " + doc.title + "\n\n" + "\n\n".join(doc.paragraphs) + "\n"


def _render_html(doc: _Document, outlet: str) -> str:
    title = html.escape(doc.title, quote=False)
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in doc.paragraphs)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{title} | {html.escape(outlet, quote=False)}</title></head>\n<body>\n"
        "<nav>Home | World</nav>\n"
        f"<article><h1>{title}</h1>\n{body}</article>\n"
        f"<footer>© {doc.day.year} {html.escape(outlet, quote=False)}</footer>\n</body></html>\n"
    )


def _record(doc: _Document, rng: random.Random) -> str:
    outlet, domain = rng.choice(OUTLETS)
    record = {
        "id": f"doc-{doc.number:06d}",
        "title": doc.title,
        "url": f"https://{domain}/{doc.day:%Y/%m/%d}/{_slug(doc.title)}-{doc.number}",
        "published": f"{doc.day.isoformat()}T{rng.randint(5, 22):02d}:{rng.randint(0, 59):02d}:00Z",
        "outlet": outlet,
        "author": rng.choice(AUTHORS),
        "text": "\n\n".join(doc.paragraphs),
    }
    return json.dumps(record, ensure_ascii=False)


def _prepare(out: Path, seeds: Path, force: bool) -> None:
    """Refuse to mix with other files; with force, empty the folder, but never a risky one."""
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise FileExistsError(f"{out}: folder is not empty; pass --force to empty it first")
        resolved = out.resolve()
        risky = {Path(resolved.anchor), Path.home().resolve(), Path.cwd().resolve(), ROOT}
        if resolved in risky or resolved in seeds.resolve().parents or resolved == seeds.resolve():
            raise ValueError(f"{out}: refusing to empty this folder; choose a dedicated one")
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)


class _Writer:
    """Puts files in day folders, moving overflow into numbered subfolders past the cap."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.per_day: dict[date, int] = {}
        self.files = 0
        self.bytes = 0

    def write(self, day: date, name: str, text: str) -> None:
        count = self.per_day.get(day, 0)
        self.per_day[day] = count + 1
        folder = self.out / day.isoformat()
        if count >= MAX_FILES_PER_FOLDER:
            folder = folder / f"{count // MAX_FILES_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        self.files += 1
        self.bytes += len(data)


def build_corpus(
    seeds: Path,
    out: Path,
    documents: int = 20_000,
    seed: int = 7,
    *,
    force: bool = False,
    actors: Path = DEFAULT_ACTORS,
) -> CorpusStats:
    """Write ``documents`` synthetic articles under ``out``; same arguments, same bytes."""
    if documents < 1:
        raise ValueError("documents must be at least 1")
    seeds, out = Path(seeds), Path(out)
    swapper = _NameSwapper(Path(actors))
    pool = [swapper.template(text) for text in seed_paragraphs(seeds)]
    _prepare(out, seeds, force)
    rng = random.Random(seed)
    writer = _Writer(out)
    span = (LAST_DAY - FIRST_DAY).days
    words = 0
    batch: list[_Document] = []
    batch_number = 0

    def flush() -> None:
        nonlocal batch_number
        batch_number += 1
        lines = "".join(_record(doc, rng) + "\n" for doc in batch)
        writer.write(batch[0].day, f"feed-{batch_number:04d}.jsonl", lines)
        batch.clear()

    for number in range(1, documents + 1):
        cast = swapper.draw(rng)
        paragraphs = [swapper.render(t, cast) for t in _pick(pool, _paragraph_count(rng), rng)]
        day = FIRST_DAY + timedelta(days=rng.randint(0, span))
        doc = _Document(number, day, _title(paragraphs[0], rng), paragraphs)
        words += len(doc.title.split()) + sum(len(p.split()) for p in paragraphs)
        kind = _format(rng)
        name = f"doc-{number:06d}.{kind}"
        if kind == "txt":
            writer.write(day, name, _render_txt(doc))
        elif kind == "md":
            writer.write(day, name, _render_md(doc))
        elif kind == "html":
            writer.write(day, name, _render_html(doc, rng.choice(OUTLETS)[0]))
        else:
            batch.append(doc)
            if len(batch) == JSONL_RECORDS:
                flush()
    if batch:
        flush()
    return CorpusStats(documents, writer.files, words, writer.bytes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seed articles")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the corpus to")
    parser.add_argument("--documents", type=int, default=20_000, help="documents to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed; same seed, same bytes")
    parser.add_argument("--actors", type=Path, default=DEFAULT_ACTORS, help="actors TOML file")
    parser.add_argument("--force", action="store_true", help="empty a non-empty --out first")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        stats = build_corpus(
            args.seeds, args.out, args.documents, args.seed, force=args.force, actors=args.actors
        )
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{stats.summary()} seconds={time.perf_counter() - started:.1f} out={args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
