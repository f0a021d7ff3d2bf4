"""What surrounds a cue: quotes, who speaks, negation, modality, conditions.

These facts decide whether a cue is an asserted act by an actor, a reported
one, or only the author's advice, a hypothetical or a negated act.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span

from pipeline.extract.cues import DocTokens
from pipeline.function_words import (
    CLAUSE_PREPOSITIONS,
    CONDITION_CLOSERS,
    CONTRASTIVE_CONJUNCTIONS,
    COORDINATORS,
    NOUN_DETERMINERS,
    POSSESSIVE_MARKS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_OPENERS,
    RELATIVE_PRONOUNS,
    REPORT_CONTINUERS,
    TENSE_AUXILIARIES,
)
from pipeline.knowledge.cues import CueLexicon

OPEN_QUOTES = frozenset({"“", "‘", "«"})
CLOSE_QUOTES = frozenset({"”", "»"})
TOGGLE_QUOTES = frozenset({'"', "'"})
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
ALL_QUOTES = QUOTES | TOGGLE_QUOTES
BOUNDARIES = frozenset({";", ":", "—", "–", "(", ")", "[", "]"})
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
    tokens: DocTokens  # the whole doc's token strings, indexed by doc position
    speeches: list[Speech] = field(default_factory=list)
    according_to: Span | None = None
    carried_speaker: Span | None = None  # a quote continuing from the previous sentence
    # The last holder of each claim type in the previous sentence ("... rejected the demand").
    antecedents: dict[str, Span] = field(default_factory=dict)
    # Positions after which nothing is asserted (see ``RuleSet.doubted``), computed once.
    doubted: list[int] | None = None
    # Read once: ``Span`` attributes are property calls, ``Span.text`` joins new Tokens.
    start: int = field(init=False)
    end: int = field(init=False)
    text: str = field(init=False)
    is_question: bool = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.sent.start
        self.end = self.sent.end
        self.text = self.tokens.span_text(self.sent)
        self.is_question = self.text.rstrip(" \"'”’").endswith("?")

    def quoted(self, index: int) -> bool:
        return self.in_quote[index - self.start]

    def speech_for(self, index: int) -> Speech | None:
        """The report whose content holds token ``index``, innermost first."""
        if not self.speeches:
            return None
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
    def may_have_speaker(self) -> bool:
        """False when ``speaker_for`` is None for every token, so speaker rules can stop."""
        return (
            self.according_to is not None
            or self.carried_speaker is not None
            or any(s.speaker is not None for s in self.speeches)
        )


def quote_mask(texts: Sequence[str]) -> list[bool]:
    """True for tokens inside quotation marks (quote characters themselves excluded)."""
    if ALL_QUOTES.isdisjoint(texts):
        return [False] * len(texts)  # most sentences quote nobody
    mask: list[bool] = []
    inside = False
    first_quote_closes = next((text in CLOSE_QUOTES for text in texts if text in QUOTES), False)
    if first_quote_closes:
        inside = True  # the sentence continues a quote opened earlier
    for text in texts:
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


def marked_possessive(tokens: DocTokens, mention: Span) -> bool:
    """A mention followed by "'s" (Putin's demand)."""
    return mention.end < len(tokens) and tokens.lower[mention.end] in POSSESSIVE_MARKS


def is_clause_boundary(token_text: str, lexicon: CueLexicon) -> bool:
    return token_text in BOUNDARIES or lexicon.has("clause_openers", token_text)


def _is_boundary(tokens: DocTokens, index: int, lexicon: CueLexicon) -> bool:
    """``is_clause_boundary`` of the token at ``index``."""
    return tokens.text[index] in BOUNDARIES or tokens.norm[index] in lexicon.words["clause_openers"]


def find_speeches(ctx: SentenceContext, lexicon: CueLexicon) -> list[Speech]:
    """Reporting verbs outside quotes with their speakers and reported content."""
    tokens, mentions, first, end = ctx.tokens, ctx.mentions, ctx.start, ctx.end
    speech_verbs = lexicon.words["speech_verbs"]
    cancelling = lexicon.words["speech_cancelling_particles"]
    speeches: list[Speech] = []
    for index in range(first, end):
        if ctx.quoted(index):
            continue
        if tokens.norm[index] not in speech_verbs and not _made_clear(tokens, index, first):
            continue
        if not tokens.plain_word(index) or mention_at(mentions, index) is not None:
            continue
        if index + 1 < end and tokens.lower[index + 1] in cancelling:
            continue  # "called for", "asked for": a request, not a report
        if index > first and tokens.norm[index - 1] in NOUN_BEFORE:
            continue  # "in a phone call that ...", "the statement": a noun, not a verb
        speaker = _participle_speaker(tokens, index, mentions, lexicon, first)
        if speaker is None:
            speaker = left_subject(tokens, index, mentions, lexicon, first)
        after = mention_at(mentions, index + 1) or mention_at(mentions, index + 2)
        quote_before = any(ctx.in_quote[: index - first])
        if (
            quote_before
            and not any(ctx.in_quote[index - first :])
            and _tags_quote(ctx, index, lexicon)
        ):
            # "“...,” he said." or "“...,” said Rubio.": the quote is the content.
            last_quote = _last_quote(ctx, index)
            who = speaker if speaker is not None and speaker.start > last_quote else after
            speeches.append(Speech(index, who, first, last_quote + 1))
            continue
        start = index + 1
        told = mention_at(mentions, start)
        if told is not None and tokens.lower[index].startswith(("tell", "told")):
            start = told.end  # "told CBS that ..." : the listener is not content
        comma = _anonymous_attribution(ctx, index, lexicon)
        if comma is not None:  # "..., a senior official said.": no named speaker
            speaker = after = None
        else:
            comma = _trailing_attribution(ctx, index, speaker, after, lexicon)
        if comma is not None:
            # "Russia will never accept it, Lavrov said.": the clause before the comma
            speeches.append(Speech(index, speaker or after, first, comma))
            continue
        speeches.append(Speech(index, speaker, start, _report_end(tokens, start, end)))
    return speeches


MAKE_FORMS = frozenset({"make", "makes", "made", "making"})
# Words before a reporting verb's form that make it a noun ("a phone call", "his statement").
NOUN_BEFORE = NOUN_DETERMINERS | {"'s", "phone"}


def _participle_speaker(
    tokens: DocTokens, index: int, mentions: list[Span], lexicon: CueLexicon, first: int
) -> Span | None:
    """ "Trump dismissed Zelensky's concerns, saying ...": a reporting participle after a
    comma belongs to the subject of the clause it trails, not to the nearest name."""
    if index - 1 <= first or not tokens.lower[index].endswith("ing"):
        return None
    if tokens.text[index - 1] != ",":
        return None
    start = first
    for position in range(index - 2, first - 1, -1):
        if tokens.text[position] in BOUNDARIES or tokens.text[position] in QUOTES:
            start = position + 1
            break
    for mention in mentions:
        if start <= mention.start < index and not marked_possessive(tokens, mention):
            return mention if _can_be_subject(tokens, mention, lexicon) else None
    return None


def _made_clear(tokens: DocTokens, index: int, first: int) -> bool:
    """ "made (it) clear that ...": a statement, like a reporting verb."""
    if tokens.lower[index] != "clear" or index - 1 < first:
        return False
    before = index - 1
    if tokens.lower[before] == "it" and before - 1 >= first:
        before -= 1
    return tokens.lower[before] in MAKE_FORMS


ANONYMOUS_REACH = 7  # words in ", a senior Ukrainian official said"


def _anonymous_attribution(ctx: SentenceContext, verb: int, lexicon: CueLexicon) -> int | None:
    """The comma before ", a senior official said." or ", sources told Reuters.": an unnamed
    source still reports the clause before it."""
    tokens, first = ctx.tokens, ctx.start
    if verb - 1 <= first or tokens.norm[verb - 1] not in lexicon.words["anonymous_sources"]:
        return None
    for position in range(verb - 2, max(first, verb - ANONYMOUS_REACH) - 1, -1):
        if tokens.text[position] == ",":
            rest = [i for i in range(verb + 1, ctx.end) if not tokens.is_punct[i]]
            listener = mention_at(ctx.mentions, rest[0]) if rest else None
            if listener is not None:
                rest = [i for i in rest if i >= listener.end]
            short = len(rest) <= TRAILING_REST
            if short and (
                not rest or tokens.norm[rest[0]] in lexicon.words["attribution_adjuncts"]
            ):
                return position if position > first else None
            return None
        if tokens.is_punct[position]:
            return None
    return None


TRAILING_REST = 10  # words allowed after a closing "X said" ("told reporters in Moscow")


def _trailing_attribution(
    ctx: SentenceContext, verb: int, speaker: Span | None, after: Span | None, lexicon: CueLexicon
) -> int | None:
    """The comma before a closing attribution, "..., Lavrov said (on Tuesday)." or
    "..., said Lavrov.", when what follows the verb is only a short adjunct."""
    tokens, first, end = ctx.tokens, ctx.start, ctx.end
    adverbs = lexicon.words["verb_adverbs"]
    if tokens.lower[verb].endswith("ing"):
        return None  # "..., saying ...": the report follows the participle
    if speaker is not None and all(tokens.norm[i] in adverbs for i in range(speaker.end, verb)):
        position = speaker.start - 1
    elif after is not None and after.start == verb + 1:
        position, speaker = verb - 1, after
    else:
        return None
    if position <= first or tokens.text[position] != ",":
        return None
    rest = [i for i in range(max(verb, speaker.end) + 1, end) if not tokens.is_punct[i]]
    listener = mention_at(ctx.mentions, rest[0]) if rest else None
    if listener is not None:  # "..., Sybiha told CNN on Sunday."
        rest = [i for i in rest if i >= listener.end]
    if len(rest) > TRAILING_REST or any(tokens.lower[i] in REPORT_CONTINUERS for i in rest):
        return None
    if rest and tokens.norm[rest[0]] not in lexicon.words["attribution_adjuncts"]:
        return None  # "..., said the proposals were unacceptable": the report follows
    if any(tokens.text[i] == "," for i in range(verb + 1, end)):
        return None
    return position


def _tags_quote(ctx: SentenceContext, verb: int, lexicon: CueLexicon) -> bool:
    """ "“...,” he said" or "“...,” Russian Foreign Minister Sergei Lavrov said": only the
    speaker, punctuation and adverbs stand between the quote and the verb (not "the plan
    “could form the basis” of a settlement, but warned")."""
    tokens = ctx.tokens
    last = _last_quote(ctx, verb)
    closing = last + 1  # the closing quote mark
    comma_inside = tokens.text[last] in {",", "!", "?"}
    comma_after = closing + 1 < verb and tokens.text[closing + 1] == ","
    if comma_inside or comma_after:
        return True  # "“...,” one European diplomat said"
    adverbs = lexicon.words["verb_adverbs"]
    for position in range(last + 1, verb):
        if tokens.is_punct[position] or tokens.norm[position] in adverbs:
            continue
        if mention_at(ctx.mentions, position) is not None:
            continue
        return False
    return True


def _report_end(tokens: DocTokens, start: int, end: int) -> int:
    """Reported content runs to the end of the sentence, or to "; ..." / ", but ..."."""
    lower, text = tokens.lower, tokens.text
    for position in range(start, end):
        word = lower[position]
        if word == ";" or (word in CONTRASTIVE_CONJUNCTIONS and text[position - 1] == ","):
            return position
    return end


def _last_quote(ctx: SentenceContext, before: int) -> int:
    quoted = [i for i in range(ctx.start, before) if ctx.quoted(i)]
    return quoted[-1] if quoted else ctx.start


def find_according_to(ctx: SentenceContext, lexicon: CueLexicon) -> Span | None:
    """The source a sentence attributes itself to: "according to X", "in X's view"."""
    lower = ctx.tokens.lower
    for index in range(ctx.start, ctx.end - 2):
        if lower[index] == "according" and lower[index + 1] == "to":
            return mention_at(ctx.mentions, index + 2)
    for mention in ctx.mentions:
        opens_view = mention.start > ctx.start and lower[mention.start - 1] == "in"
        if opens_view and owned_view_noun(ctx.tokens, mention, ctx.end, lexicon) is not None:
            return mention
    return None


def owned_view_noun(tokens: DocTokens, mention: Span, end: int, lexicon: CueLexicon) -> int | None:
    """Position of a view noun owned by the mention: "Trump's (central) idea", "his earlier
    response"."""
    if mention.end < end and marked_possessive(tokens, mention):
        start = mention.end + 1
    elif tokens.span_text(mention).lower() in POSSESSIVE_PRONOUNS:
        start = mention.end
    else:
        return None
    view_nouns = lexicon.words["view_nouns"]
    for position in range(start, min(end, start + 3)):
        if tokens.norm[position] in view_nouns:
            return position
        if not (tokens.is_alpha[position] and tokens.is_lower[position]):
            return None
    return None


def find_views(ctx: SentenceContext, lexicon: CueLexicon) -> list[Speech]:
    """ "Trump's assertion that talks should ...", "His response was that ...": a view
    owned by an actor reports that actor, like a reporting verb."""
    lower = ctx.tokens.lower
    views: list[Speech] = []
    for mention in ctx.mentions:
        noun = owned_view_noun(ctx.tokens, mention, ctx.end, lexicon)
        if noun is None:
            continue
        that = next((i for i in range(noun + 1, ctx.end) if lower[i] == "that"), None)
        if that is not None:
            views.append(Speech(noun, mention, that + 1, ctx.end))
    return views


def left_subject(
    tokens: DocTokens, index: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> Span | None:
    """Nearest actor mention left of ``index`` that can be a subject, within the clause.

    Mentions governed by a preposition ("talks with Putin") and demonyms not
    followed by a group noun ("Russian territory") are passed over; a possessor
    is the subject only of a group noun ("Putin's aides want") or of a
    participle right after it ("Trump's proposed truce"), otherwise the search
    stops ("Trump's idea requires": the idea is the subject). It also stops at
    clause boundaries such as ";" or "which".
    """
    shared = _shared_subject(tokens, index, mentions, lexicon, floor)
    if shared is not None:
        return shared
    enclosed, subject = _parenthetical_subject(tokens, index, mentions, lexicon, floor)
    if enclosed:
        return subject
    position = index - 1
    while position >= floor:
        mention = mention_at(mentions, position) if mentions else None
        if mention is not None:
            if marked_possessive(tokens, mention):
                following = mention.end + 1
                if following == index or (
                    following < len(tokens)
                    and tokens.norm[following] in lexicon.words["group_nouns"]
                    and tokens.norm[following] not in lexicon.words["other_groups"]
                ):
                    return mention
                return None
            if _can_be_subject(tokens, mention, lexicon) or _clause_subject(
                tokens, mention, index, lexicon
            ):
                return mention
            position = mention.start - 1
            continue
        after_auxiliary = position > floor and tokens.lower[position - 1] in TENSE_AUXILIARIES
        boundary = _is_boundary(tokens, position, lexicon) and not after_auxiliary
        if boundary and tokens.lower[position] in RELATIVE_PRONOUNS:
            # "Putin, who has long demanded ...": the relative pronoun stands for the name
            antecedent = _before_comma(tokens, position, mentions, lexicon, floor)
            return antecedent
        if boundary or tokens.text[position] in QUOTES:
            return None
        position -= 1
    return None


PARENTHESIS_REACH = 16  # words inside ", the head of Zelensky's office," before a verb


def _before_comma(
    tokens: DocTokens, comma: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> Span | None:
    """The actor named right before the comma that precedes ``comma`` + 1."""
    if comma - 1 < floor or tokens.text[comma - 1] != ",":
        return None
    mention = mention_ending_before(mentions, comma - 1)
    if mention is None or marked_possessive(tokens, mention):
        return None
    return mention if _can_be_subject(tokens, mention, lexicon) else None


def _authored_by(
    tokens: DocTokens, start: int, end: int, mentions: list[Span], lexicon: CueLexicon
) -> Span | None:
    """The agent of ", drafted by X," or ", drawn up by envoy X,": an authoring participle
    opening the parenthesis, then "by" and an actor."""
    if start >= end or tokens.norm[start] not in lexicon.words["authoring_participles"]:
        return None
    for position in range(start + 1, min(end, start + 4)):
        if tokens.lower[position] == "by":
            for after in range(position + 1, min(end, position + 4)):
                found = mention_at(mentions, after)
                if found is not None:
                    return found
            return None
    return None


def _parenthetical_subject(
    tokens: DocTokens, index: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> tuple[bool, Span | None]:
    """ "Yermak, the head of Zelensky's office, said" and "The plan, which Moscow
    rejected, called for": a verb right after a closing comma takes its subject from
    before the opening comma, an actor or (None) a thing. False when there is no such
    parenthesis."""
    if tokens.lower[index].endswith("ing"):
        return False, None  # "..., rejecting the proposal": a participle of the main clause
    position = index - 1
    adverbs = lexicon.words["verb_adverbs"]
    while position >= floor and (
        tokens.norm[position] in adverbs or tokens.lower[position] in TENSE_AUXILIARIES
    ):
        position -= 1
    if position <= floor or tokens.text[position] != ",":
        return False, None
    for opening in range(position - 1, max(floor, position - PARENTHESIS_REACH) - 1, -1):
        text = tokens.text[opening]
        if text in BOUNDARIES or text in ALL_QUOTES:
            return False, None
        if text == ",":
            adverbial = _is_boundary(tokens, opening + 1, lexicon) and (
                tokens.lower[opening + 1] not in RELATIVE_OPENERS
            )
            if opening == position - 1 or adverbial:
                return False, None  # an adverbial clause ("while ...") keeps the old search
            subject = mention_ending_before(mentions, opening)
            group = mention_ending_before(mentions, opening - 1)
            demonym = group is not None and group.kb_id_ == "adjective"
            if (
                subject is None
                and demonym
                and tokens.norm[opening - 1] in lexicon.words["group_nouns"]
            ):
                subject = group  # "European officials, for their part, have rejected"
            inner = mention_at(mentions, opening + 1)
            if inner is not None and inner.start == opening + 1 and inner.end == position:
                return True, inner  # "Germany's chancellor, Friedrich Merz, called for ..."
            if subject is None:
                # "The draft, drawn up by Witkoff, called for ...": the document's author
                return True, _authored_by(tokens, opening + 1, position, mentions, lexicon)
            if marked_possessive(tokens, subject):
                return True, None
            return True, subject if _can_be_subject(tokens, subject, lexicon) else None
    return False, None


def _shared_subject(
    tokens: DocTokens, index: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> Span | None:
    """ "Moscow accepted the U.S. offer but rejected a truce": a verb right after "but" or
    "and" has no subject of its own and shares the clause's first subject, not the
    nearest name, which sits in the first verb's object."""
    position = index - 1
    while position >= floor and tokens.norm[position] in lexicon.words["verb_adverbs"]:
        position -= 1
    if position < floor or tokens.lower[position] not in COORDINATORS:
        return None
    start = floor
    for before in range(position - 1, floor - 1, -1):
        if _is_boundary(tokens, before, lexicon):  # an inline quote ("said the plan “could
            start = before + 1  # be a basis” but warned") does not open the clause
            break
    for mention in mentions:
        if start <= mention.start and mention.end <= position:
            if marked_possessive(tokens, mention) or not _can_be_subject(tokens, mention, lexicon):
                return None  # the clause does not open with its subject: no guess
            return mention
    return None


def _clause_subject(tokens: DocTokens, mention: Span, verb: int, lexicon: CueLexicon) -> bool:
    """ "after Russia demanded more land": after a conjunction that is also a preposition,
    a mention followed only by auxiliaries or adverbs and the verb is the verb's subject."""
    before = mention.start - 1
    if before < 0 or tokens.lower[before] not in CLAUSE_PREPOSITIONS or mention.end > verb:
        return False
    adverbs = lexicon.words["verb_adverbs"]
    return all(
        tokens.lower[i] in TENSE_AUXILIARIES or tokens.norm[i] in adverbs
        for i in range(mention.end, verb)
    )


def _can_be_subject(tokens: DocTokens, mention: Span, lexicon: CueLexicon) -> bool:
    before = mention.start - 1
    if before >= 0 and tokens.lower[before] in PREPOSITIONS:
        return False
    if (
        before >= 0
        and tokens.is_lower[before]
        and tokens.text[before].endswith("ing")
        and tokens.norm[before] not in lexicon.words["speech_verbs"]
    ):
        return False  # "resisted meeting Zelensky": the object of a gerund
    if (
        mention.start > 1
        and tokens.lower[mention.start - 1] == "the"
        and tokens.lower[mention.start - 2] in PREPOSITIONS
    ):
        return False
    if mention.kb_id_ == "adjective":
        following = mention.end
        return following < len(tokens) and tokens.norm[following] in lexicon.words["group_nouns"]
    return True


def coordinated(
    tokens: DocTokens, subject: Span, mentions: list[Span], lexicon: CueLexicon
) -> list[Span]:
    """The subject with the actors joined to it: "Kyiv and its European allies",
    "Paris, Berlin and London". A comma joins only inside a list closed by "and"."""
    chain = [subject]
    position = subject.start - 1
    while position > 0:
        if tokens.lower[position] in POSSESSIVE_PRONOUNS:
            position -= 1
        joiner = tokens.lower[position] if position > 0 else ""
        if joiner not in {"and", ","} or (joiner == "," and len(chain) == 1):
            break
        previous = mention_at(mentions, position - 1)
        if previous is None or not _can_be_subject(tokens, previous, lexicon):
            break
        chain.insert(0, previous)
        position = previous.start - 1
    return chain


def preceded_by(
    tokens: DocTokens, index: int, words: frozenset[str], floor: int, gap: int = ADVERB_GAP
) -> int | None:
    """Index of a word from ``words`` just before ``index`` (allowing a short gap)."""
    for position in range(index - 1, max(floor, index - 1 - gap - 1) - 1, -1):
        if tokens.norm[position] in words:
            return position
        if tokens.is_punct[position]:
            return None
    return None


def in_conditional(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> bool:
    """Inside an "if/unless ..." clause that has not yet been closed by a comma."""
    lower, norm = ctx.tokens.lower, ctx.tokens.norm
    conditionals = lexicon.words["conditionals"]
    for position in range(index - 1, ctx.start - 1, -1):
        if lower[position] in CONDITION_CLOSERS:
            return False
        if norm[position] in conditionals:
            return True
    # "Had Putin accepted the truce, ...": an inverted condition opens the sentence
    return index > ctx.start and norm[ctx.start] in lexicon.words["inverted_conditionals"]


def build_context(
    sent: Span,
    mentions: list[Span],
    lexicon: CueLexicon,
    previous: SentenceContext | None,
    tokens: DocTokens | None = None,
) -> SentenceContext:
    tokens = tokens if tokens is not None else DocTokens.of(sent.doc)
    ctx = SentenceContext(sent, mentions, quote_mask(tokens.text[sent.start : sent.end]), tokens)
    ctx.speeches = find_speeches(ctx, lexicon) + find_views(ctx, lexicon)
    ctx.according_to = find_according_to(ctx, lexicon)
    if previous is not None and not ctx.speeches:
        first = tokens.text[ctx.start] if ctx.in_quote else ""
        starts_quoted = bool(ctx.in_quote) and (
            ctx.in_quote[0] or first in OPEN_QUOTES or first in TOGGLE_QUOTES
        )
        if starts_quoted:
            carried = [s.speaker for s in previous.speeches if s.speaker is not None]
            ctx.carried_speaker = carried[-1] if carried else previous.carried_speaker
    return ctx
