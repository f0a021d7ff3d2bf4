"""What surrounds a cue: quotes, who speaks, negation, modality, conditions.

These facts decide whether a cue is an asserted act by an actor, a reported
one, or only the author's advice, a hypothetical or a negated act.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.annotate.linker import POSSESSIVE_PRONOUNS, has_possessive_mark
from pipeline.extract.cues import is_plain_word
from pipeline.knowledge.cues import CueLexicon

OPEN_QUOTES = frozenset({"“", "‘", "«"})
CLOSE_QUOTES = frozenset({"”", "»"})
TOGGLE_QUOTES = frozenset({'"', "'"})
BOUNDARIES = frozenset({";", ":", "—", "–", "(", ")", "[", "]"})
PREPOSITIONS = frozenset(
    {
        "with",
        "to",
        "from",
        "of",
        "for",
        "on",
        "against",
        "at",
        "in",
        "into",
        "about",
        "over",
        "toward",
        "towards",
        "between",
        "among",
        "than",
        "like",
        "upon",
        "after",
        "before",
        "behind",
        "alongside",
    }
)
# "has since agreed": after an auxiliary, "since" is an adverb, not a clause opener.
AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "were", "are", "will", "would"})
BE_FORMS = frozenset({"is", "was", "were", "are", "be", "been", "being", "'s", "’s", "got"})
ADVERB_GAP = 2  # words allowed between a modal or negation and its verb ("would not quickly")


@dataclass
class Speech:
    """A reporting verb, its speaker mention and the token range of what is reported."""

    verb: int
    speaker: Span | None
    content_start: int
    content_end: int


@dataclass
class SentenceContext:
    """Per-sentence facts the rules consult."""

    sent: Span
    mentions: list[Span]
    in_quote: list[bool]
    speeches: list[Speech] = field(default_factory=list)
    according_to: Span | None = None
    carried_speaker: Span | None = None  # a quote continuing from the previous sentence
    # The last holder of each claim type in the previous sentence ("... rejected the demand").
    antecedents: dict[str, Span] = field(default_factory=dict)

    def quoted(self, index: int) -> bool:
        return self.in_quote[index - self.sent.start]

    def speech_for(self, index: int) -> Speech | None:
        """The report whose content holds token ``index``, innermost first."""
        holding = [s for s in self.speeches if s.content_start <= index < s.content_end]
        return min(holding, key=lambda s: s.content_end - s.content_start) if holding else None

    def speaker_for(self, index: int) -> Span | None:
        speech = self.speech_for(index)
        if speech is not None and speech.speaker is not None:
            return speech.speaker
        if self.quoted(index) and self.carried_speaker is not None:
            return self.carried_speaker
        return self.according_to

    @property
    def is_question(self) -> bool:
        return self.sent.text.rstrip(" \"'”’").endswith("?")


def quote_mask(sent: Span) -> list[bool]:
    """True for tokens inside quotation marks (quote characters themselves excluded)."""
    mask: list[bool] = []
    inside = False
    first_quote_closes = next(
        (t.text in CLOSE_QUOTES for t in sent if t.text in OPEN_QUOTES | CLOSE_QUOTES), False
    )
    if first_quote_closes:
        inside = True  # the sentence continues a quote opened earlier
    for token in sent:
        text = token.text
        if text in OPEN_QUOTES:
            inside = True
            mask.append(False)
        elif text in CLOSE_QUOTES:
            inside = False
            mask.append(False)
        elif text in TOGGLE_QUOTES:
            inside = not inside
            mask.append(False)
        else:
            mask.append(inside)
    return mask


def mention_at(mentions: list[Span], index: int) -> Span | None:
    return next((m for m in mentions if m.start <= index < m.end), None)


def mention_ending_before(mentions: list[Span], index: int) -> Span | None:
    return next((m for m in mentions if m.end == index), None)


def is_clause_boundary(token_text: str, lexicon: CueLexicon) -> bool:
    return token_text in BOUNDARIES or lexicon.has("clause_openers", token_text)


def find_speeches(ctx: SentenceContext, lexicon: CueLexicon) -> list[Speech]:
    """Reporting verbs outside quotes with their speakers and reported content."""
    sent, doc = ctx.sent, ctx.sent.doc
    speeches: list[Speech] = []
    for token in sent:
        if not lexicon.has("speech_verbs", token.text) or ctx.quoted(token.i):
            continue
        if not is_plain_word(token) or mention_at(ctx.mentions, token.i) is not None:
            continue
        speaker = left_subject(doc, token.i, ctx.mentions, lexicon, sent.start)
        after = mention_at(ctx.mentions, token.i + 1) or mention_at(ctx.mentions, token.i + 2)
        quote_before = any(ctx.quoted(i) for i in range(sent.start, token.i))
        if quote_before and not any(ctx.quoted(i) for i in range(token.i, sent.end)):
            # "“...,” he said." or "“...,” said Rubio.": the quote is the content.
            who = (
                speaker
                if speaker is not None and speaker.start > _last_quote(ctx, token.i)
                else after
            )
            speeches.append(Speech(token.i, who, sent.start, _last_quote(ctx, token.i) + 1))
            continue
        start = token.i + 1
        told = mention_at(ctx.mentions, start)
        if told is not None and token.lower_.startswith(("tell", "told")):
            start = told.end  # "told CBS that ..." : the listener is not content
        speeches.append(Speech(token.i, speaker, start, _report_end(doc, start, sent.end)))
    return speeches


def _report_end(doc: Doc, start: int, end: int) -> int:
    """Reported content runs to the end of the sentence, or to "; ..." / ", but ..."."""
    for position in range(start, end):
        text = doc[position].lower_
        if text == ";" or (text in {"but", "while", "whereas"} and doc[position - 1].text == ","):
            return position
    return end


def _last_quote(ctx: SentenceContext, before: int) -> int:
    quoted = [i for i in range(ctx.sent.start, before) if ctx.quoted(i)]
    return quoted[-1] if quoted else ctx.sent.start


def find_according_to(ctx: SentenceContext, lexicon: CueLexicon) -> Span | None:
    """The source a sentence attributes itself to: "according to X", "in X's view"."""
    doc = ctx.sent.doc
    for token in ctx.sent[:-2]:
        if token.lower_ == "according" and doc[token.i + 1].lower_ == "to":
            return mention_at(ctx.mentions, token.i + 2)
    for mention in ctx.mentions:
        opens_view = mention.start > ctx.sent.start and doc[mention.start - 1].lower_ == "in"
        if opens_view and owned_view_noun(doc, mention, ctx.sent.end, lexicon) is not None:
            return mention
    return None


def owned_view_noun(doc: Doc, mention: Span, end: int, lexicon: CueLexicon) -> Token | None:
    """A view noun owned by the mention: "Trump's (central) idea", "his earlier response"."""
    if mention.end < end and has_possessive_mark(mention):
        start = mention.end + 1
    elif mention.text.lower() in POSSESSIVE_PRONOUNS:
        start = mention.end
    else:
        return None
    for token in doc[start : min(end, start + 3)]:
        if lexicon.has("view_nouns", token.text):
            return token
        if not (token.is_alpha and token.is_lower):
            return None
    return None


def find_views(ctx: SentenceContext, lexicon: CueLexicon) -> list[Speech]:
    """ "Trump's assertion that talks should ...", "His response was that ...": a view
    owned by an actor reports that actor, like a reporting verb."""
    doc = ctx.sent.doc
    views: list[Speech] = []
    for mention in ctx.mentions:
        noun = owned_view_noun(doc, mention, ctx.sent.end, lexicon)
        if noun is None:
            continue
        that = next((t.i for t in doc[noun.i + 1 : ctx.sent.end] if t.lower_ == "that"), None)
        if that is not None:
            views.append(Speech(noun.i, mention, that + 1, ctx.sent.end))
    return views


def left_subject(
    doc: Doc, index: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> Span | None:
    """Nearest actor mention left of ``index`` that can be a subject, within the clause.

    Mentions governed by a preposition ("talks with Putin") and demonyms not
    followed by a group noun ("Russian territory") are passed over; a possessor
    is the subject only of a group noun ("Putin's aides want") or of a
    participle right after it ("Trump's proposed truce"), otherwise the search
    stops ("Trump's idea requires": the idea is the subject). It also stops at
    clause boundaries such as ";" or "which".
    """
    position = index - 1
    while position >= floor:
        token = doc[position]
        mention = mention_at(mentions, position)
        if mention is not None:
            if has_possessive_mark(mention):
                following = mention.end + 1
                if following == index or (
                    following < len(doc) and lexicon.has("group_nouns", doc[following].text)
                ):
                    return mention
                return None
            if _can_be_subject(doc, mention, lexicon):
                return mention
            position = mention.start - 1
            continue
        after_auxiliary = position > floor and doc[position - 1].lower_ in AUXILIARIES
        boundary = is_clause_boundary(token.text, lexicon) and not after_auxiliary
        if boundary or token.text in OPEN_QUOTES | CLOSE_QUOTES:
            return None
        position -= 1
    return None


def _can_be_subject(doc: Doc, mention: Span, lexicon: CueLexicon) -> bool:
    before = doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.lower_ in PREPOSITIONS:
        return False
    if (
        before is not None
        and before.is_lower
        and before.text.endswith("ing")
        and not lexicon.has("speech_verbs", before.text)
    ):
        return False  # "resisted meeting Zelensky": the object of a gerund
    if (
        mention.start > 1
        and doc[mention.start - 1].lower_ == "the"
        and doc[mention.start - 2].lower_ in PREPOSITIONS
    ):
        return False
    if mention.kb_id_ == "adjective":
        following = doc[mention.end] if mention.end < len(doc) else None
        return following is not None and lexicon.has("group_nouns", following.text)
    return True


def coordinated(doc: Doc, subject: Span, mentions: list[Span], lexicon: CueLexicon) -> list[Span]:
    """The subject with the actors joined to it: "Kyiv and its European allies",
    "Paris, Berlin and London". A comma joins only inside a list closed by "and"."""
    chain = [subject]
    position = subject.start - 1
    while position > 0:
        if doc[position].lower_ in {"its", "his", "their", "her"}:
            position -= 1
        joiner = doc[position].lower_ if position > 0 else ""
        if joiner not in {"and", ","} or (joiner == "," and len(chain) == 1):
            break
        previous = mention_at(mentions, position - 1)
        if previous is None or not _can_be_subject(doc, previous, lexicon):
            break
        chain.insert(0, previous)
        position = previous.start - 1
    return chain


def preceded_by(
    doc: Doc, index: int, words: frozenset[str], floor: int, gap: int = ADVERB_GAP
) -> int | None:
    """Index of a word from ``words`` just before ``index`` (allowing a short gap)."""
    for position in range(index - 1, max(floor, index - 1 - gap - 1) - 1, -1):
        if doc[position].lower_.replace("’", "'") in words:
            return position
        if doc[position].is_punct:
            return None
    return None


def in_conditional(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> bool:
    """Inside an "if/unless ..." clause that has not yet been closed by a comma."""
    doc = ctx.sent.doc
    for position in range(index - 1, ctx.sent.start - 1, -1):
        text = doc[position].lower_
        if text in {",", ";", "—", "then"}:
            return False
        if lexicon.has("conditionals", text):
            return True
    return False


def build_context(
    sent: Span, mentions: list[Span], lexicon: CueLexicon, previous: SentenceContext | None
) -> SentenceContext:
    ctx = SentenceContext(sent, mentions, quote_mask(sent))
    ctx.speeches = find_speeches(ctx, lexicon) + find_views(ctx, lexicon)
    ctx.according_to = find_according_to(ctx, lexicon)
    if previous is not None and not ctx.speeches:
        starts_quoted = bool(ctx.in_quote) and (
            ctx.in_quote[0] or sent[0].text in OPEN_QUOTES or sent[0].text in TOGGLE_QUOTES
        )
        if starts_quoted:
            carried = [s.speaker for s in previous.speeches if s.speaker is not None]
            ctx.carried_speaker = carried[-1] if carried else previous.carried_speaker
    return ctx
