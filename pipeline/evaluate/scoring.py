"""Match predicted claims to gold claims and count, as the guidelines' "Scoring" section says.

Claims are compared as units: distinct ``(source, sentence, actor, type)``.
A gold unit keeps every topic annotated for it (each is acceptable). A
predicted unit keeps only the topic of its highest-confidence claim (the first
one on ties), so emitting one claim per possible topic earns nothing.
Sentences are compared after normalisation, so two spellings of one sentence
that differ only in case, punctuation or whitespace make one unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pipeline.evaluate.gold import GoldClaim
from pipeline.records import CLAIM_TYPES
from pipeline.tables.layout import read_table

# Share of the longer sentence's characters that must be matched for an overlap.
OVERLAP_THRESHOLD = 0.8

CLAIM_COLUMNS = ("doc_id", "sentence", "actor_id", "claim_type", "topic", "confidence")


@dataclass(frozen=True)
class PredictedClaim:
    """One claim found by the pipeline, reduced to what scoring compares."""

    source: str  # input path relative to the input folder, ``PATH#ID`` for JSON records
    sentence: str
    actor: str
    type: str
    topic: str
    confidence: float


@dataclass(frozen=True)
class Unit:
    """A distinct (source, sentence, actor, type) and the topics it counts as right."""

    document: str  # the gold source this unit is scored under
    source: str  # the source as its side wrote it (a prediction may carry a path or ``#ID``)
    sentence: str
    normalised: str
    actor: str
    type: str
    topics: tuple[str, ...]  # gold: every annotated topic; prediction: exactly one

    @property
    def topic(self) -> str:
        """The topics as one string; several gold topics are joined with ``|``."""
        return "|".join(self.topics)


@dataclass(frozen=True)
class MatchedPair:
    """A gold unit and the predicted unit matched to it."""

    gold: Unit
    predicted: Unit
    topic_correct: bool


@dataclass(frozen=True)
class Scores:
    """Counts and rates for one scope; a rate with a zero denominator is 0.0."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> Scores:
        precision = _ratio(tp, tp + fp)
        recall = _ratio(tp, tp + fn)
        f1 = _ratio(2 * precision * recall, precision + recall)
        return cls(tp, fp, fn, precision, recall, f1)


@dataclass(frozen=True)
class Evaluation:
    """Every figure of one scoring run, and the units behind them for debugging."""

    principal: Scores
    all_actors: Scores
    by_type: dict[str, Scores]  # demand, concession, rejection; all actors
    topic_accuracy: float  # share of matched units (all actors) with a right topic
    topic_matched: int  # how many matched units that share is taken over
    matches: tuple[MatchedPair, ...]
    false_negatives: tuple[Unit, ...]
    false_positives: tuple[Unit, ...]


def _ratio(numerator: float, denominator: float) -> float:
    """Division that defines 0/0 as 0.0: nothing predicted or nothing gold scores zero."""
    return numerator / denominator if denominator else 0.0


def normalise_sentence(text: str) -> str:
    """Lowercase letters and digits only, so punctuation, quotes and spacing never matter."""
    return "".join(char for char in text.lower() if char.isalnum())


def sentences_overlap(a: str, b: str) -> bool:
    """Whether two sentences count as the same one (containment or 80% shared characters).

    Shared characters are the matching blocks of ``difflib.SequenceMatcher``
    over the length of the longer text, taking the better of both orders.
    """
    return _normalised_overlap(normalise_sentence(a), normalise_sentence(b))


def _normalised_overlap(a: str, b: str) -> bool:
    """The overlap test on already normalised text; empty text overlaps nothing."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    shorter, longer = sorted((len(a), len(b)))
    if shorter / longer < OVERLAP_THRESHOLD:
        # Matched characters cannot exceed the shorter length: skip the costly diff.
        return False
    # SequenceMatcher is not symmetric; trying both orders makes the test independent
    # of which side is gold and closer to the true longest common subsequence.
    return any(_shared_characters(x, y) / longer >= OVERLAP_THRESHOLD for x, y in ((a, b), (b, a)))


def _shared_characters(a: str, b: str) -> int:
    """Characters in the matching blocks SequenceMatcher finds from ``a`` to ``b``."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def file_name(source: str) -> str:
    """The input file's name in a prediction source: last path component, before any ``#``."""
    path = source.partition("#")[0]
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def gold_document(source: str, gold_sources: Collection[str]) -> str | None:
    """The gold source a prediction source belongs to, or None when it has no gold."""
    if source in gold_sources:
        return source
    name = file_name(source)
    return name if name in gold_sources else None


def gold_units(gold: Iterable[GoldClaim]) -> list[Unit]:
    """Gold claims merged into units, in order of first appearance, topics in order."""
    topics: dict[tuple[str, str, str, str], list[str]] = {}
    first: dict[tuple[str, str, str, str], GoldClaim] = {}
    for claim in gold:
        key = (claim.source, normalise_sentence(claim.sentence), claim.actor, claim.type)
        first.setdefault(key, claim)
        unit_topics = topics.setdefault(key, [])
        if claim.topic not in unit_topics:
            unit_topics.append(claim.topic)
    return [
        Unit(c.source, c.source, c.sentence, key[1], c.actor, c.type, tuple(topics[key]))
        for key, c in first.items()
    ]


def predicted_units(
    predicted: Iterable[PredictedClaim], gold_sources: Collection[str]
) -> list[Unit]:
    """Predictions on documents with gold, merged into units that keep their best topic.

    The unit's topic is that of its highest-confidence claim, the first one on
    ties, so a rule that sprays several topics over one sentence is not rewarded.
    """
    best: dict[tuple[str, str, str, str], tuple[PredictedClaim, str]] = {}
    for claim in predicted:
        document = gold_document(claim.source, gold_sources)
        if document is None:
            continue
        key = (document, normalise_sentence(claim.sentence), claim.actor, claim.type)
        held = best.get(key)
        if held is None or claim.confidence > held[0].confidence:
            best[key] = (claim, document)
    return [
        Unit(doc, c.source, c.sentence, key[1], c.actor, c.type, (c.topic,))
        for key, (c, doc) in best.items()
    ]


def match_units(gold: Sequence[Unit], predicted: Sequence[Unit]) -> list[tuple[Unit, Unit]]:
    """One-to-one pairs in gold order, matched per (document, actor, type): exact sentences
    first, then overlaps."""
    groups: dict[tuple[str, str, str], list[Unit]] = defaultdict(list)
    for unit in predicted:
        groups[(unit.document, unit.actor, unit.type)].append(unit)
    gold_groups: dict[tuple[str, str, str], list[Unit]] = defaultdict(list)
    for unit in gold:
        gold_groups[(unit.document, unit.actor, unit.type)].append(unit)
    pairs: list[tuple[Unit, Unit]] = []
    for key, gold_group in gold_groups.items():
        pairs.extend(_match_group(gold_group, groups.get(key, [])))
    position = {id(unit): index for index, unit in enumerate(gold)}
    return sorted(pairs, key=lambda pair: position[id(pair[0])])


def _match_group(gold: Sequence[Unit], predicted: Sequence[Unit]) -> list[tuple[Unit, Unit]]:
    """Greedy one-to-one matching inside a group, in gold order then prediction order."""
    paired: dict[int, int] = {}  # gold index -> predicted index
    for same in (_same_sentence, _normalised_overlap):
        for g_index, gold_unit in enumerate(gold):
            if g_index not in paired:
                p_index = _first_free(gold_unit, predicted, set(paired.values()), same)
                if p_index is not None:
                    paired[g_index] = p_index
    return [(gold[g], predicted[p]) for g, p in sorted(paired.items())]


def _first_free(
    gold: Unit, predicted: Sequence[Unit], taken: set[int], same: Callable[[str, str], bool]
) -> int | None:
    """Index of the first predicted unit not yet taken whose sentence is ``same`` as gold's."""
    for index, unit in enumerate(predicted):
        if index not in taken and same(gold.normalised, unit.normalised):
            return index
    return None


def _same_sentence(a: str, b: str) -> bool:
    """Exact equality of normalised sentences; empty text equals nothing."""
    return bool(a) and a == b


def score(
    gold: Sequence[GoldClaim],
    predicted: Sequence[PredictedClaim],
    principal_ids: Collection[str],
) -> Evaluation:
    """Score predictions against gold; predictions on documents without gold are ignored."""
    gold_list = gold_units(gold)
    predicted_list = predicted_units(predicted, {unit.document for unit in gold_list})
    pairs = match_units(gold_list, predicted_list)
    matches = tuple(MatchedPair(g, p, p.topics[0] in g.topics) for g, p in pairs)
    matched_gold = {id(pair.gold) for pair in matches}
    matched_predicted = {id(pair.predicted) for pair in matches}
    false_negatives = tuple(u for u in gold_list if id(u) not in matched_gold)
    false_positives = tuple(u for u in predicted_list if id(u) not in matched_predicted)
    principal = set(principal_ids)
    right = sum(pair.topic_correct for pair in matches)
    return Evaluation(
        principal=_scores(
            matches, false_positives, false_negatives, lambda u: u.actor in principal
        ),
        all_actors=_scores(matches, false_positives, false_negatives, lambda u: True),
        by_type={
            kind: _scores(matches, false_positives, false_negatives, _of_type(kind))
            for kind in CLAIM_TYPES
        },
        topic_accuracy=_ratio(right, len(matches)),
        topic_matched=len(matches),
        matches=matches,
        false_negatives=false_negatives,
        false_positives=false_positives,
    )


def _of_type(kind: str) -> Callable[[Unit], bool]:
    return lambda unit: unit.type == kind


def _scores(
    matches: Sequence[MatchedPair],
    false_positives: Sequence[Unit],
    false_negatives: Sequence[Unit],
    keep: Callable[[Unit], bool],
) -> Scores:
    """Scores over the units ``keep`` accepts; matched units share actor and type, so
    filtering after matching equals matching the filtered sets."""
    return Scores.from_counts(
        tp=sum(1 for pair in matches if keep(pair.gold)),
        fp=sum(1 for unit in false_positives if keep(unit)),
        fn=sum(1 for unit in false_negatives if keep(unit)),
    )


def load_predictions(output_dir: Path) -> list[PredictedClaim]:
    """The claims of a finished run, each with its document's source, in table order.

    Works on flat tables and on partitioned output (``--partition-by``)."""
    output_dir = Path(output_dir)
    sources = {
        row["doc_id"]: row["source"]
        for row in _read_rows(output_dir, "documents", ("doc_id", "source"))
    }
    rows = _read_rows(output_dir, "claims", CLAIM_COLUMNS)
    missing = sorted({row["doc_id"] for row in rows} - sources.keys())
    if missing:
        raise ValueError(
            f"{output_dir}: claims refer to doc_id not in the documents table "
            f"({', '.join(map(str, missing[:5]))}); rerun `pipeline run` to rebuild both tables"
        )
    return [_predicted_claim(row, sources[row["doc_id"]]) for row in rows]


def _read_rows(output_dir: Path, name: str, columns: Sequence[str]) -> list[dict[str, Any]]:
    """The named columns of a table in either layout, as row dicts."""
    try:
        table = read_table(output_dir, name)
    except FileNotFoundError as error:
        raise FileNotFoundError(
            f"{error}; run `pipeline run` first to write the output tables"
        ) from error
    absent = [column for column in columns if column not in table.column_names]
    if absent:
        raise ValueError(
            f"{output_dir}/{name}: missing columns {', '.join(absent)}; "
            "rerun `pipeline run` with this version"
        )
    return table.select(list(columns)).to_pylist()


def _predicted_claim(row: dict[str, Any], source: str) -> PredictedClaim:
    """One claims-table row as a prediction; a missing topic or confidence becomes ''/0.0."""
    return PredictedClaim(
        source=source,
        sentence=row["sentence"] or "",
        actor=row["actor_id"],
        type=row["claim_type"],
        topic=row["topic"] or "",
        confidence=float(row["confidence"] or 0.0),
    )
