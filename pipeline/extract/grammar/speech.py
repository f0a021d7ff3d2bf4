"""Who speaks: reporting verbs and their speakers, "according to X", views owned by
an actor, and a quote carried over from the sentence before."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import DocTokens
from pipeline.extract.grammar.attribution import (
    as_noted_by,
    quoted_after,
    quoted_as_saying,
    quoted_as_start,
    source_tail,
)
from pipeline.extract.grammar.headlines import headline_speech
from pipeline.extract.grammar.sentence import SentenceContext, Speech, is_boundary
from pipeline.extract.grammar.subjects import can_be_subject, left_subject
from pipeline.extract.grammar.tokens import (
    BOUNDARIES,
    OPEN_QUOTES,
    QUOTES,
    TOGGLE_QUOTES,
    marked_possessive,
    mention_at,
    quote_mask,
)
from pipeline.function_words import (
    CONTRASTIVE_CONJUNCTIONS,
    COORDINATORS,
    HAVE_FORMS,
    MAKE_FORMS,
    NOUN_DETERMINERS,
    POSSESSIVE_MARKS,
    POSSESSIVE_PRONOUNS,
    REPORT_CONTINUERS,
)
from pipeline.knowledge.cues import CueLexicon


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
        speaker = quoted_as_saying(ctx, index) or _participle_speaker(
            tokens, index, mentions, lexicon, first
        )
        if speaker is None:
            speaker = left_subject(tokens, index, mentions, lexicon, first)
        if speaker is None:
            speaker = _continued_speaker(ctx, index, speeches, lexicon)
        after = mention_at(mentions, index + 1) or mention_at(mentions, index + 2)
        quote_before = any(ctx.in_quote[: index - first])
        if quote_before and not quoted_after(ctx, index) and _tags_quote(ctx, index, lexicon):
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
        speeches.append(Speech(index, speaker, start, _report_end(ctx, start, end)))
    return speeches


def _continued_speaker(
    ctx: SentenceContext, index: int, speeches: list[Speech], lexicon: CueLexicon
) -> Span | None:
    """ "he emphasized that ... and added that ...": a reporting verb right after "and" /
    "but" with no subject of its own continues the speaker of the report before it."""
    position = index - 1
    while position > ctx.start and ctx.tokens.norm[position] in lexicon.words["verb_adverbs"]:
        position -= 1
    if position <= ctx.start or ctx.tokens.lower[position] not in COORDINATORS:
        return None
    earlier = [s for s in speeches if s.verb < position and s.speaker is not None]
    return earlier[-1].speaker if earlier else None


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
    clauses = []  # where the clauses the participle may trail open, nearest first
    for position in range(index - 2, first - 1, -1):
        if tokens.text[position] in BOUNDARIES or tokens.text[position] in QUOTES:
            break
        if tokens.lower[position] in CLAUSE_JOINERS and tokens.text[position - 1] == ",":
            clauses.append(position + 1)  # "..., but Moscow dismissed it, reiterating ..."
    else:
        position = first - 1
    for start in clauses:
        opening = _first_subject(tokens, mentions, start, index, lexicon)
        if opening is not None and opening.start - start <= JOINED_SUBJECT_REACH:
            return opening  # a clause with its own subject; one without shares the first
    return _first_subject(tokens, mentions, position + 1, index, lexicon)


# Words that join a second clause after a comma ("..., but Moscow dismissed it").
CLAUSE_JOINERS = COORDINATORS | CONTRASTIVE_CONJUNCTIONS
JOINED_SUBJECT_REACH = 2  # words between "but" and the clause's subject ("but, crucially, Moscow")


def _first_subject(
    tokens: DocTokens, mentions: list[Span], start: int, end: int, lexicon: CueLexicon
) -> Span | None:
    """The first actor of a clause, when it can be the clause's subject."""
    for mention in mentions:
        if start <= mention.start < end and not marked_possessive(tokens, mention):
            return mention if can_be_subject(tokens, mention, lexicon) else None
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
            rest = _words(tokens, verb + 1, ctx.end)
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
    quoted_as = quoted_as_start(tokens, verb, first)  # "..., Peskov was quoted as saying."
    if tokens.lower[verb].endswith("ing") and quoted_as is None:
        return None  # "..., saying ...": the report follows the participle
    if speaker is not None and (
        speaker.end == quoted_as
        or all(
            tokens.norm[i] in adverbs or tokens.lower[i] in HAVE_FORMS
            for i in range(speaker.end, verb)
        )
    ):  # "..., Peskov has said."
        position = _before_title(ctx, speaker, lexicon)
    elif after is not None and after.start == verb + 1:
        position, speaker = verb - 1, after
    else:
        return None
    if position <= first or tokens.text[position] != ",":
        return None
    end = source_tail(tokens, verb, end, lexicon)
    aside = next((i for i in range(verb + 1, end) if tokens.text[i] == ","), None)
    rest_end = aside if aside is not None else end  # "If ..., Trump has said, he will ..."
    rest = _words(tokens, max(verb, speaker.end) + 1, rest_end)
    listener = mention_at(ctx.mentions, rest[0]) if rest else None
    if listener is not None:  # "..., Sybiha told CNN on Sunday."
        rest = [i for i in rest if i >= listener.end]
    if len(rest) > TRAILING_REST or any(tokens.lower[i] in REPORT_CONTINUERS for i in rest):
        return None
    told = tokens.lower[verb].startswith(("tell", "told"))  # "told state television"
    if rest and not told and tokens.norm[rest[0]] not in lexicon.words["attribution_adjuncts"]:
        return None  # "..., said the proposals were unacceptable": the report follows
    if aside is not None:  # an attribution between commas reports the whole sentence,
        # but not one whose speaker a relative clause describes (", said X, who ...")
        return None if is_boundary(tokens, aside + 1, lexicon) else ctx.end
    return position


def _words(tokens: DocTokens, start: int, end: int) -> list[int]:
    """Positions of the words in ``start:end``: neither punctuation nor the line break that
    ends a paragraph or a headline ("..., Lavrov said\n")."""
    return [i for i in range(start, end) if not tokens.is_punct[i] and not tokens.text[i].isspace()]


TITLE_REACH = 5  # words of a title before a name ("Foreign Minister", "Ukraine's President")


def _before_title(ctx: SentenceContext, speaker: Span, lexicon: CueLexicon) -> int:
    """The position before "Foreign Minister Sergey Lavrov" or "Ukraine's Volodymyr
    Zelensky": title words, office nouns and a possessor stand between a closing
    attribution's comma and the name the knowledge base knows."""
    tokens, position = ctx.tokens, speaker.start - 1
    floor = max(ctx.start, speaker.start - TITLE_REACH)
    while position > floor and tokens.text[position] != ",":
        word = tokens.text[position]
        titled = word[:1].isupper() or tokens.lower[position] in POSSESSIVE_MARKS
        if not titled and tokens.norm[position] not in lexicon.words["group_nouns"]:
            break
        position -= 1
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


def _report_end(ctx: SentenceContext, start: int, end: int) -> int:
    """Reported content runs to the end of the sentence, or to "; ..." / ", but ..."; inside
    a quotation of the report (said that "...; we would like ...") nothing ends it."""
    lower, text = ctx.tokens.lower, ctx.tokens.text
    for position in range(start, end):
        word = lower[position]
        if ctx.quoted(position):
            continue
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
        if as_noted_by(ctx, index, lexicon):  # "As noted by Lavrov, Russia ..."
            return mention_at(ctx.mentions, index + 3) or mention_at(ctx.mentions, index + 4)
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


# What opens the content of a view: "X's position is that ..." or "... is well known: ...".
VIEW_OPENERS = frozenset({"that", ":", "—", "–"})


def find_views(ctx: SentenceContext, lexicon: CueLexicon) -> list[Speech]:
    """ "Trump's assertion that talks should ...", "His response was that ...": a view
    owned by an actor reports that actor, like a reporting verb."""
    lower = ctx.tokens.lower
    views: list[Speech] = []
    for mention in ctx.mentions:
        noun = owned_view_noun(ctx.tokens, mention, ctx.end, lexicon)
        if noun is None:
            continue
        that = next((i for i in range(noun + 1, ctx.end) if lower[i] in VIEW_OPENERS), None)
        if that is not None:
            views.append(Speech(noun, mention, that + 1, ctx.end))
    return views


def build_context(
    sent: Span,
    mentions: list[Span],
    lexicon: CueLexicon,
    previous: SentenceContext | None,
    tokens: DocTokens | None = None,
    open_quote: bool = False,
) -> SentenceContext:
    tokens = tokens if tokens is not None else DocTokens.of(sent.doc)
    in_quote = quote_mask(tokens.text[sent.start : sent.end], open_quote)
    ctx = SentenceContext(sent, mentions, in_quote, tokens)
    ctx.speeches = find_speeches(ctx, lexicon) + find_views(ctx, lexicon)
    ctx.speeches += headline_speech(ctx)
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
