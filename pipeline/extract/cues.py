"""Find cue words in a sentence with one PhraseMatcher built from the lexicon."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline import function_words
from pipeline.knowledge.cues import CueEntry, CueLexicon

# Tokens before an ambiguous form ("demands") that make it a noun, not a verb: the
# closed-class markers and a few adjectives that open a noun phrase.
NOUN_MARKERS = function_words.NOUN_MARKERS | {"new", "main", "key", "major", "maximalist"}
# Words after which an ambiguous "-s" form ("demands", "conditions") stays a verb: the
# closed-class markers and adverbs that stand before a verb.
VERB_PRECEDERS = (
    function_words.VERB_MARKERS
    | {"also", "then", "now", "still", "only", "so"}
    | {
        "thus",
        "reportedly",
        "repeatedly",
    }
)


# Words that, before an ambiguous form, belong to a clause rather than a noun phrase.
CLAUSE_WORDS = (
    function_words.FUTURE_AUXILIARIES
    | function_words.POSSIBILITY_MODALS
    | function_words.ABILITY_MODALS
    | function_words.PROPOSING_MODALS
    | function_words.NOT
    | {"not", "never", "also", "and", "or"}
)


def is_plain_word(token: Token) -> bool:
    """Lower case, or capitalised only because it opens the sentence."""
    return token.is_lower or token.is_sent_start or not token.is_alpha


# The strings and flags of one word form: text, lower, norm, is_lower, is_alpha,
# is_punct, is_title (the order of the first ``DocTokens`` fields).
LexemeRow = tuple[str, str, str, bool, bool, bool, bool]


class LexemeTable:
    """The ``LexemeRow`` of every word form met so far, for one vocab.

    These are attributes of the lexeme, not of the token, so a form read once
    costs one dict lookup in every later doc.
    """

    def __init__(self) -> None:
        self.vocab: Vocab | None = None
        self.rows: dict[int, LexemeRow] = {}

    def rows_of(self, vocab: Vocab, keys: list[int]) -> list[LexemeRow]:
        """The rows of the word forms with these ORTH keys, in order."""
        if vocab is not self.vocab:
            self.vocab, self.rows = vocab, {}
        try:
            return list(map(self.rows.__getitem__, keys))
        except KeyError:
            for key in set(keys).difference(self.rows):
                self.rows[key] = _lexeme_row(vocab[key])
            return list(map(self.rows.__getitem__, keys))


def _lexeme_row(lexeme: Lexeme) -> LexemeRow:
    text = lexeme.orth_
    return (
        text,
        lexeme.lower_,
        text.lower().replace("’", "'"),
        lexeme.is_lower,
        lexeme.is_alpha,
        lexeme.is_punct,
        lexeme.is_title,
    )


@dataclass(frozen=True)
class DocTokens:
    """The strings and flags of every token of a doc, read once per doc.

    spaCy builds a new ``Token`` object on every ``doc[i]``, and the rules look at
    each token many times; indexing plain tuples instead is several times faster.
    Indices are doc positions, exactly as for ``doc[i]``.
    """

    text: tuple[str, ...]
    lower: tuple[str, ...]
    norm: tuple[str, ...]  # lower case, curly apostrophes straight, as ``CueLexicon.has``
    is_lower: tuple[bool, ...]
    is_alpha: tuple[bool, ...]
    is_punct: tuple[bool, ...]
    is_title: tuple[bool, ...]
    is_sent_start: list[bool]
    spaces: list[int]  # 1 where a space follows the token
    doc_text: str  # ``doc.text``, which spaCy joins from new Tokens on every call

    @classmethod
    def of(cls, doc: Doc, table: LexemeTable | None = None) -> DocTokens:
        """The lexeme attributes come from ``table`` (shared across docs when given)."""
        table = table if table is not None else LexemeTable()
        if len(doc) == 0:
            return cls((), (), (), (), (), (), (), [], [], doc.text)
        array = doc.to_array([ORTH, SENT_START, SPACY])
        orth, spaces = array[:, 0].tolist(), array[:, 2].tolist()
        text, lower, norm, is_lower, is_alpha, is_punct, is_title = zip(
            *table.rows_of(doc.vocab, orth), strict=True
        )
        # As ``Doc.text``: each token's text, then a space if one follows it.
        pieces = [word + " " if space else word for word, space in zip(text, spaces, strict=True)]
        doc_text = "".join(pieces)
        is_sent_start = (array[:, 1] == 1).tolist()
        return cls(
            text,
            lower,
            norm,
            is_lower,
            is_alpha,
            is_punct,
            is_title,
            is_sent_start,
            spaces,
            doc_text,
        )

    def span_text(self, span: Span) -> str:
        """``span.text`` from the doc's text: ``Span.text`` makes a Token per word."""
        return self.doc_text[span.start_char : span.end_char]

    def words(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the tokens with the spaces between them."""
        if end <= start:
            return ""
        text, spaces = self.text, self.spaces
        inner = [text[i] + " " if spaces[i] else text[i] for i in range(start, end - 1)]
        return "".join(inner) + text[end - 1]

    def __len__(self) -> int:
        return len(self.text)

    def plain_word(self, index: int) -> bool:
        """``is_plain_word`` of the token at ``index``."""
        return self.is_lower[index] or self.is_sent_start[index] or not self.is_alpha[index]


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
        self.quoted: set[int] = set()  # keys of the forms whose first word is in quotes
        for number, entry in enumerate(lexicon.entries):
            key = f"cue{number}"
            self.entries[nlp.vocab.strings.add(key)] = entry
            self.matcher.add(key, [nlp.make_doc(form) for form in entry.forms])
            quoted = [q for form in entry.forms if " " in form for q in _scare_quoted(form)]
            if quoted:
                quoted_key = nlp.vocab.strings.add(f"{key}q")
                self.entries[quoted_key] = entry
                self.quoted.add(quoted_key)
                self.matcher.add(f"{key}q", [nlp.make_doc(form) for form in quoted])

    def find(self, sent: Span, mentions: list[Span], tokens: DocTokens | None = None) -> list[Cue]:
        """Cues in the sentence; words inside actor names and capitalised words in mid
        sentence ("the United States", "Coalition of the Willing") are not cues."""
        doc = sent.doc
        tokens = tokens if tokens is not None else DocTokens.of(doc)
        taken = {i for mention in mentions for i in range(mention.start, mention.end)}
        found: list[Cue] = []
        for match_id, start, end in self.matcher(sent):
            if match_id in self.quoted:
                start += 1  # "was ‘ready’ to": the cue starts at the word, not the mark
            if start in taken or not tokens.plain_word(start):
                continue
            # Matching a Span returns offsets into the whole Doc.
            found.append(Cue(start, end, tokens.words(start, end), self.entries[match_id]))
        return self._resolve(found, tokens)

    def _resolve(self, cues: list[Cue], tokens: DocTokens) -> list[Cue]:
        """Longest match wins; on the same words, pick noun or verb reading from context."""
        cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
        chosen: list[Cue] = []
        for cue in cues:
            if chosen and cue.start < chosen[-1].end:
                last = chosen[-1]
                same_words = (cue.start, cue.end) == (last.start, last.end)
                # "rejected calls for ...": right after a cue verb, the form is its object
                object_of = len(chosen) > 1 and (
                    _ends_verb_at(chosen[-2], cue.start)
                    or self._modified_object(chosen[-2], cue, tokens)
                )
                if same_words and self._better(
                    cue, last, tokens, object_of or self._modified(cue, tokens)
                ):
                    chosen[-1] = cue
                continue
            chosen.append(cue)
        return chosen

    def _modified_object(self, verb: Cue, cue: Cue, tokens: DocTokens) -> bool:
        """ "rejects truce offer": headlines drop the article, so a form after a cue verb
        and one plain modifier is the verb's object, not a second verb."""
        before = cue.start - 1
        if not _ends_verb_at(verb, before):
            return False
        word = tokens.norm[before]
        return (
            tokens.is_alpha[before]
            and tokens.is_lower[before]
            and word not in VERB_PRECEDERS
            and word not in self.lexicon.words["verb_adverbs"]
            and not word.endswith("ly")
        )

    def _modified(self, cue: Cue, tokens: DocTokens) -> bool:
        """ "under certain conditions", "strict demands": a plural form after a plain word
        that is no adverb, auxiliary or conjunction is a noun with its modifier."""
        before = cue.start - 1
        word = tokens.lower[cue.start]
        if before < 0 or not word.endswith("s") or word.endswith("ss"):
            return False
        previous = tokens.norm[before]
        return (
            tokens.is_alpha[before]
            and tokens.is_lower[before]
            and previous not in self.lexicon.words["verb_adverbs"]
            and previous not in VERB_PRECEDERS
            and not previous.endswith("ly")
        )

    @staticmethod
    def _better(new: Cue, old: Cue, tokens: DocTokens, object_of: bool = False) -> bool:
        """True when ``new`` is the right reading of words that ``old`` also matched."""
        before = new.start - 1
        looks_noun = object_of or (
            new.start > 0 and (tokens.lower[before] in NOUN_MARKERS or tokens.is_title[before])
        )
        for marker in range(before - 1, max(-1, before - 3), -1):
            if looks_noun or not _plain_modifier(tokens, marker + 1):
                break
            # "Russia's central demand", "an absolutely vital condition": a determiner and
            # one or two modifiers
            looks_noun = tokens.lower[marker] in NOUN_MARKERS
        if looks_noun:
            return new.kind == "noun" and old.kind != "noun"
        return new.kind != "noun" and old.kind == "noun"


# Quote marks around a single word of a phrase: he was ‘ready’ to, "willing" to.
SCARE_QUOTES = (("‘", "’"), ("“", "”"), ('"', '"'), ("'", "'"))


def _scare_quoted(form: str) -> list[str]:
    """The phrase with its first word in scare quotes, one variant per kind of mark."""
    head, rest = form.split(" ", 1)
    return [f"{left}{head}{right} {rest}" for left, right in SCARE_QUOTES]


def _plain_modifier(tokens: DocTokens, index: int) -> bool:
    """A lower-case word that may modify a noun ("Putin's supporters demand": not a plural)."""
    word = tokens.lower[index]
    return (
        tokens.is_alpha[index]
        and tokens.is_lower[index]
        and not word.endswith("s")
        and word not in VERB_PRECEDERS
        and word not in CLAUSE_WORDS
    )


def _ends_verb_at(cue: Cue, index: int) -> bool:
    """A verb cue ending right before ``index`` (not a gerund: "ruled out ceding" is no noun)."""
    return cue.end == index and cue.kind == "verb"
