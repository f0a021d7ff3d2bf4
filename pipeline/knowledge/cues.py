"""The cue lexicon: words that signal demands, concessions and rejections.

The data lives in ``resources/cues.toml``. Verbs are stored as lemmas and
expanded here into their inflected forms, so the file stays short and a user
adds "spurn" once rather than four times.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import DEFAULT_CUES, ConfigError, read_toml
from pipeline.records import CLAIM_TYPES

CUE_KINDS = ("verb", "noun", "stance", "ready")
WORD_LISTS = (
    "speech_verbs",
    "negations",
    "hypothetical_modals",
    "empty_objects",
    "deontic",
    "conditionals",
    "receive_verbs",
    "request_verbs",
    "non_concession_verbs",
    "want_to_nonclaims",
    "doubt_verbs",
    "act_nouns",
    "view_nouns",
    "light_verbs",
    "group_nouns",
    "first_person",
    "clause_openers",
    "imperative_openers",
    "aspectual_verbs",
    "cancelling_next_words",
    "noun_taking_verbs",
    "pressure_verbs",
    "signal_verbs",
    "directive_verbs",
    "verb_adverbs",
    "condition_words",
    "persuade_verbs",
    "truce_words",
    "declare_verbs",
    "only_conditions",
    "position_nouns",
    "change_verbs",
    "negative_act_nouns",
    "intention_nouns",
    "impersonal_demands",
    "inverted_conditionals",
    "speech_cancelling_particles",
    "attribution_adjuncts",
    "refusal_nonclaims",
    "yielding_objects",
    "other_groups",
    "clause_concessions",
    "irregular_participles",
    "relief_verbs",
    "relief_objects",
    "compound_agents",
    "unasserting_nouns",
    "anonymous_sources",
    "opinion_sources",
    "deadline_verbs",
    "time_units",
    "non_proposals",
    "dropping_verbs",
    "non_yielding_objects",
    "denial_verbs",
    "yielding_when_negated",
    "want_to_be_nonclaims",
    "content_nouns",
    "authoring_participles",
    "it_readiness",
    "it_expletive_next",
    "it_acting_modals",
    "it_expletive_verbs",
    # conventions of guidelines v2 (pipeline/extract/convention_gates.py)
    "addressed_hopes",
    "refusal_only_acts",
    "refusing_auxiliaries",
    "proposal_bound_acts",
    "proposal_objects",
    "offering_lemmas",
    "talks_words",
    "procedural_verbs",
    "settlement_nouns",
    "humanitarian_objects",
    "settlement_content",
    "wish_objects",
    "wish_nouns",
    "refusal_conditions",
    "negated_wants",
    "information_nouns",
    "information_verbs",
    "exchange_openers",
    "halting_acts",
    "fighting_objects",
    # Clauses and holders.
    "source_tails",
    "pressing_verbs",
    "achieving_verbs",
    "falsehood_labels",
    # documents and plans as holders
    "document_nouns",
    "statement_nouns",
    "document_content_verbs",
    "document_authoring_verbs",
    "non_authoring_light_verbs",
    "plan_giving_verbs",
    "plan_receiving_verbs",
    "plan_reaction_verbs",
    "plan_forecast_words",
    "plan_relief_nouns",
    "topic_attributives",
    "plan_imposing_participles",
    "plan_term_verbs",
    "accompanying_phrases",
    "member_nouns",
    "posed_nouns",
    "demonstrated_nouns",
    "container_nouns",
    "posing_verbs",
    "proposal_modifiers",
    "predicate_demand_nouns",
    "added_pressure_words",
    "perception_verbs",
    "workable_labels",
    "conditioned_lemmas",
    "restating_verbs",
    "restated_nouns",
    "posing_subjects",
    "wanting_lemmas",
)
INFLECTED_LISTS = (
    "speech_verbs",
    "receive_verbs",
    "request_verbs",
    "light_verbs",
    "aspectual_verbs",
    "impersonal_demands",
    # documents and plans as holders
    "document_content_verbs",
    "document_authoring_verbs",
    "non_authoring_light_verbs",
)
VOWELS = set("aeiou")


@dataclass(frozen=True)
class CueEntry:
    """One cue lemma with the claim type it signals and how its holder is found."""

    type: str
    kind: str
    lemma: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class CueLexicon:
    """All cue entries plus the closed word lists the rules consult."""

    entries: tuple[CueEntry, ...]
    words: dict[str, frozenset[str]]

    def has(self, list_name: str, text: str) -> bool:
        """Case-insensitive membership; curly apostrophes count as straight ones."""
        return text.lower().replace("’", "'") in self.words[list_name]


def _regular_forms(verb: str) -> set[str]:
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and verb[-2:-1] not in VOWELS:
        past = verb[:-1] + "ied"
    else:
        past = verb + "ed"
    if verb.endswith("ie"):
        gerund = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        gerund = verb[:-1] + "ing"
    else:
        gerund = verb + "ing"
    return {verb, third, past, gerund}


def verb_forms(lemma: str, irregular: dict[str, list[str]]) -> tuple[str, ...]:
    """All forms of a (possibly multi-word) verb; only the first word inflects."""
    head, *rest = lemma.split()
    heads = {head, *irregular[head]} if head in irregular else _regular_forms(head)
    return tuple(sorted(" ".join([form, *rest]) for form in heads))


# A noun compound ending in one of these takes the plural on its first word ("calls for").
NOUN_PREPOSITIONS = frozenset({"for", "to", "on", "of", "with", "from", "against", "upon"})


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def noun_forms(lemma: str) -> tuple[str, ...]:
    """Singular and plural; the last word of a compound takes the plural, or the first
    word when the compound ends in a preposition ("call for", "calls for")."""
    words = lemma.split()
    if len(words) > 1 and words[-1] in NOUN_PREPOSITIONS:
        head, *rest = words
        return tuple(sorted({lemma, " ".join([_plural(head), *rest])}))
    *first, last = words
    return tuple(sorted({lemma, " ".join([*first, _plural(last)])}))


def _string_list(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings")
    return [v.strip() for v in value]


def load_cue_lexicon(path: Path | None = None) -> CueLexicon:
    """Read, validate and expand one cue file on its own; errors name the entry to fix."""
    path = path or DEFAULT_CUES
    return cue_lexicon_from(read_toml(path), path)


def cue_lexicon_from(data: dict[str, Any], path: Path | str) -> CueLexicon:
    """Validate and expand the data of a cue file (``path`` names it in errors)."""
    irregular = {
        key: _string_list(value, f"{path} [inflections].{key}")
        for key, value in data.get("inflections", {}).items()
    }
    entries: list[CueEntry] = []
    for number, block in enumerate(data.get("cues", []), start=1):
        where = f"{path} cue block {number}"
        if block.get("type") not in CLAIM_TYPES:
            raise ConfigError(f"{where}: type must be one of {', '.join(CLAIM_TYPES)}")
        if block.get("kind") not in CUE_KINDS:
            raise ConfigError(f"{where}: kind must be one of {', '.join(CUE_KINDS)}")
        for lemma in _string_list(block.get("lemmas"), where):
            if block["kind"] == "verb":
                forms = verb_forms(lemma.lower(), irregular)
            elif block["kind"] == "noun":
                forms = noun_forms(lemma.lower())
            else:
                forms = (lemma.lower(),)
            entries.append(CueEntry(block["type"], block["kind"], lemma.lower(), forms))
    if not entries:
        raise ConfigError(f"{path}: no [[cues]] blocks")
    raw_words = data.get("words", {})
    words: dict[str, frozenset[str]] = {}
    for name in WORD_LISTS:
        values = [
            v.lower() for v in _string_list(raw_words.get(name, []), f"{path} [words].{name}")
        ]
        if name in INFLECTED_LISTS:
            values = [form for v in values for form in verb_forms(v, irregular)]
        words[name] = frozenset(values)
    return CueLexicon(tuple(entries), words)
