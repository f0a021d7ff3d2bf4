"""Find cue words in a sentence with one PhraseMatcher built from the lexicon."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.knowledge.cues import CueEntry, CueLexicon

# Tokens before an ambiguous form ("demands") that make it a noun, not a verb.
NOUN_MARKERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "'s",
        "’s",
        "these",
        "those",
        "such",
        "any",
        "all",
        "new",
        "this",
        "that",
        "of",
        "main",
        "key",
        "major",
        "maximalist",
        "whose",
    }
)


def is_plain_word(token: Token) -> bool:
    """Lower case, or capitalised only because it opens the sentence."""
    return token.is_lower or token.is_sent_start or not token.is_alpha


@dataclass(frozen=True)
class Cue:
    """A matched cue: token offsets in the doc plus the lexicon entry."""

    start: int
    end: int
    text: str
    entry: CueEntry

    @property
    def type(self) -> str:
        return self.entry.type

    @property
    def kind(self) -> str:
        return self.entry.kind


class CueMatcher:
    """Match every cue form case-insensitively; resolve overlaps and verb/noun ambiguity."""

    def __init__(self, nlp: Language, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Keyed by hash so docs made with another Vocab (e.g. read from disk) work too.
        self.entries: dict[int, CueEntry] = {}
        for number, entry in enumerate(lexicon.entries):
            key = f"cue{number}"
            self.entries[nlp.vocab.strings.add(key)] = entry
            self.matcher.add(key, [nlp.make_doc(form) for form in entry.forms])

    def find(self, sent: Span, mentions: list[Span]) -> list[Cue]:
        """Cues in the sentence; words inside actor names and capitalised words in mid
        sentence ("the United States", "Coalition of the Willing") are not cues."""
        doc = sent.doc
        taken = {i for mention in mentions for i in range(mention.start, mention.end)}
        found: list[Cue] = []
        for match_id, start, end in self.matcher(sent):
            if start in taken or not is_plain_word(doc[start]):
                continue
            # Matching a Span returns offsets into the whole Doc.
            found.append(Cue(start, end, doc[start:end].text, self.entries[match_id]))
        return self._resolve(sent, found)

    def _resolve(self, sent: Span, cues: list[Cue]) -> list[Cue]:
        """Longest match wins; on the same words, pick noun or verb reading from context."""
        doc = sent.doc
        cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
        chosen: list[Cue] = []
        for cue in cues:
            if chosen and cue.start < chosen[-1].end:
                last = chosen[-1]
                if (cue.start, cue.end) == (last.start, last.end) and self._better(cue, last, doc):
                    chosen[-1] = cue
                continue
            chosen.append(cue)
        return chosen

    @staticmethod
    def _better(new: Cue, old: Cue, doc: Doc) -> bool:
        """True when ``new`` is the right reading of words that ``old`` also matched."""
        before = doc[new.start - 1] if new.start > 0 else None
        looks_noun = before is not None and (before.lower_ in NOUN_MARKERS or before.is_title)
        if looks_noun:
            return new.kind == "noun" and old.kind != "noun"
        return new.kind != "noun" and old.kind == "noun"
