"""Where a pronoun's antecedent may stand: the pronoun classes, a mention's position in its
clause, and which earlier sentences a person pronoun may reach back to.

Without a parser, position words stand in for grammar: a name that opens a clause is
likely its subject, one after a preposition is not; a quoted sentence that names nobody
is its speaker's words, so the speaker stays the one "he" means after it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.function_words import LINKING_PREPOSITIONS

PERSON_PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
OBJECT_PRONOUNS = frozenset({"him", "her", "himself", "herself"})
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself"})
THING_PRONOUNS = frozenset({"its", "it"})
# "They" points to a plural group ("European leaders", "the Russians"), never to one person.
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
PRONOUNS = frozenset(PERSON_PRONOUNS) | THING_PRONOUNS | PLURAL_PRONOUNS
# Endings of a plural people name ("the Europeans", "the Russians", "the Americans").
PLURAL_PEOPLE = ("ians", "eans", "cans", "ans")
LOOKBACK_SENTENCES = 2  # how far back a person pronoun may find its antecedent
QUOTE_SKIP = 3  # quoted sentences naming no person that a person pronoun may look past
QUOTE_MARKS = frozenset({'"', "“", "”"})


class PersonReach:
    """The last sentences a person pronoun may reach back to, most recent first; a quoted
    sentence that names no person (up to ``QUOTE_SKIP`` in a row) is looked past."""

    def __init__(self) -> None:
        self.sentences: list[list[Span]] = []
        self.skipped = 0
        self.open_quote = False

    def quoting(self, doc: Doc, index: int) -> bool:
        """Whether the token at ``index`` continues a quote opened in an earlier sentence."""
        if not self.open_quote:
            return False
        before = doc[doc[index].sent.start : index].text
        return not any(mark in before for mark in QUOTE_MARKS)

    def add(self, words: list[str], people: list[Span]) -> None:
        """Move on past a sentence, given its tokens' text and the people it names."""
        quoted = self.open_quote or any(mark in words for mark in QUOTE_MARKS)
        if quoted:
            for mark in [word for word in words if word in QUOTE_MARKS]:
                self.open_quote = mark == "“" or (mark == '"' and not self.open_quote)
        if people or not quoted or self.skipped == QUOTE_SKIP:
            self.sentences = [people, *self.sentences][:LOOKBACK_SENTENCES]
            self.skipped = 0
        else:  # the speaker's words: the speaker stays within reach
            self.skipped += 1


def after_preposition(doc: Doc, span: Span) -> bool:
    """A mention governed by a preposition is rarely what "its" points back to."""
    return span.start > 0 and doc[span.start - 1].lower_ in LINKING_PREPOSITIONS


# Words before a mention that leave it in subject position ("On Tuesday, the Kremlin",
# "What Ukraine will not do").
SUBJECT_OPENERS = frozenset({",", "and", "but", "that", "what", "while", "when", "as", "—", ":"})


def opens(doc: Doc, span: Span) -> bool:
    """A mention in subject position, not a verb's object ("would put Russia under"): the
    subject that a sentence-initial "it" in the next sentence continues."""
    return span.start == span.sent.start or doc[span.start - 1].lower_ in SUBJECT_OPENERS
