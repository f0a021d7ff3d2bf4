"""Closed-class English words the rules read: determiners, pronouns, auxiliaries, modals,
negators, prepositions and conjunctions.

Grammar words are not knowledge about the domain, so they live here in code, one list per
word class; domain words (cue verbs, speech verbs, group nouns) live in
``pipeline/resources/cues.toml``. The lists of the second part are the word classes as
particular rules need them ("the auxiliaries that can end an elliptical clause"), each
built from the classes of the first part so that no word is listed twice; where two rules
need different members of one class, each list has its own name. Tokens are compared in
lower case; lists that hold an apostrophe hold both the straight and the curly one where
the rule reads the token's lower case, and the straight one where it reads ``norm``.
"""

from __future__ import annotations

# --- Word classes ---------------------------------------------------------------------------

ARTICLES = frozenset({"a", "an", "the"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
POSSESSIVE_DETERMINERS = frozenset({"my", "your", "his", "her", "its", "our", "their"})
# The third-person possessives, which point back to an actor named earlier ("its demand").
POSSESSIVE_PRONOUNS = POSSESSIVE_DETERMINERS - {"my", "your", "our"}
POSSESSIVE_MARKS = frozenset({"'s", "’s"})
# Pronouns that can stand for an actor as a subject ("it signalled it could accept").
SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
RELATIVE_PRONOUNS = frozenset({"who", "which"})
# The relatives that can be a verb's subject ("a deal that would require ...").
RELATIVE_SUBJECTS = RELATIVE_PRONOUNS | {"that"}
RELATIVE_OPENERS = RELATIVE_SUBJECTS | {"whom", "whose"}

HAVE_FORMS = frozenset({"has", "have", "had"})
BE_FINITE = frozenset({"is", "was", "were", "are"})
BE_NONFINITE = frozenset({"be", "been", "being"})
DO_FORMS = frozenset({"do", "does", "did"})
MAKE_FORMS = frozenset({"make", "makes", "made", "making"})  # "made (it) clear that"
WILL_FORMS = frozenset({"will", "'ll", "’ll"})
# The first halves of "won't" and "can't" as the tokenizer splits them.
CONTRACTED_STEMS = frozenset({"wo", "ca"})
BACKSHIFTED_WILL = frozenset({"would", "'d", "’d"})  # "he said he would accept": "I will"

NOT = frozenset({"not", "n't", "n’t", "never"})
NEGATORS = NOT | {"no"}

COORDINATORS = frozenset({"and", "but", "yet"})
ALTERNATIVES = frozenset({"and", "or"})
CONTRASTIVE_CONJUNCTIONS = frozenset({"but", "while", "whereas"})
CONDITIONAL_CONJUNCTIONS = frozenset({"if", "unless"})
AGENT_PREPOSITIONS = frozenset({"by", "from"})
# Words that are prepositions before a noun but open a clause before a subject and its verb.
CLAUSE_PREPOSITIONS = frozenset({"after", "before", "until"})
# Prepositions that govern a noun phrase; "by" is left out, as a passive's agent is its doer.
PREPOSITIONS = frozenset(
    {"with", "to", "from", "of", "for", "on", "against", "at", "in", "into", "about", "over"}
    | {"toward", "towards", "between", "among", "than", "like", "upon", "alongside", "behind"}
    | (CLAUSE_PREPOSITIONS - {"until"})
)
# The prepositions after which a mention is rarely what a later "its" points back to.
LINKING_PREPOSITIONS = (PREPOSITIONS - {"into", "about", "over", "between", "among", "than"}) - {
    "like",
    "upon",
    "alongside",
    "behind",
    "after",
    "before",
} | {"by"}

# --- The classes as the rules need them -----------------------------------------------------

# Auxiliaries after which "since" is an adverb ("has since agreed"), and that may stand
# between a subject and its verb ("after Russia had demanded").
TENSE_AUXILIARIES = HAVE_FORMS | BE_FINITE | {"will", "would"}
# Forms of "be" (and "got") that make the participle after them passive ("was offered").
PASSIVE_AUXILIARIES = BE_FINITE | BE_NONFINITE | POSSESSIVE_MARKS | {"got"}
# Auxiliaries that state a fact in a "that" clause ("insisted that Putin had ...").
FACTUAL_AUXILIARIES = HAVE_FORMS | BE_FINITE | {"did"}
# Auxiliaries that can end an elliptical clause before "not" ("Moscow didn't.").
ELLIPSIS_AUXILIARIES = (
    DO_FORMS | HAVE_FORMS | (BE_FINITE - {"are"}) | CONTRACTED_STEMS | {"will", "would"}
) | {"could", "can"}
# "have" as an auxiliary of the perfect, in every written form ("had received").
PERFECT_HAVE = HAVE_FORMS | {"having", "'ve", "’ve"}
# Words that stand between an actor and its verb ("has long demanded"), never a noun.
VERB_GROUP_WORDS = (
    HAVE_FORMS
    | BE_FINITE
    | BE_NONFINITE
    | DO_FORMS
    | {"to", "and", "or", "but", "who", "which", "that", "then", "also"}
)
# Words that make "no concessions" a refusal ("there will be no concessions"), not a report.
FUTURE_WORDS = WILL_FORMS | CONTRACTED_STEMS | {"would", "can", "cannot", "must"}
# "will not oppose": a promise about the future.
PROMISE_AUXILIARIES = WILL_FORMS | {"would", "wo"}
# A first-person future after a condition ("we will", "we shall").
FIRST_PERSON_FUTURE = WILL_FORMS | {"shall"}
# A future of an actor's own side ("Russia would seize ...").
FUTURE_AUXILIARIES = WILL_FORMS | {"would"}
# Modals that signal a possibility ("it could accept a freeze").
POSSIBILITY_MODALS = frozenset({"could", "might", "may"})
# Modals that, before "not", make a firm refusal in reported speech ("could not accept").
ABILITY_MODALS = frozenset({"could", "can"})
# Modals that keep an obligation a proposal in someone's words ("might have to").
PROPOSING_MODALS = (POSSIBILITY_MODALS - {"could"}) | {"must", "should", "ought"}
# Negations that refuse rather than deny ("no", "cannot", "neither ... nor").
REFUSING_NEGATIONS = NOT | {"no", "cannot", "won't", "neither", "nor"}
# Determiners that point a noun back to the previous sentence ("rejected the demand").
ANAPHORIC_DETERMINERS = DEMONSTRATIVES | {"the", "such"}
# Determiners before a noun that is doubted ("no sign that ...", "little evidence of").
SCANT_DETERMINERS = frozenset({"no", "little", "any"})
# Determiners and possessives before a reporting verb's form that make it a noun.
NOUN_DETERMINERS = ARTICLES | (DEMONSTRATIVES - {"that"}) | POSSESSIVE_DETERMINERS
# Determiners and prepositions before a verb-form cue that make it a noun ("under pressure").
NOUN_PHRASE_OPENERS = (
    NOUN_DETERMINERS | {"such", "any", "more", "no"} | {"of", "under", "with", "without", "for"}
)
# Before an ambiguous form ("demands"): a determiner or possessive makes it a noun.
NOUN_MARKERS = (
    ARTICLES
    | DEMONSTRATIVES
    | POSSESSIVE_DETERMINERS
    | POSSESSIVE_MARKS
    | {"such", "any", "all", "no", "whose", "of"}
)
# Before an ambiguous "-s" form: a conjunction, relative or pronoun keeps it a verb.
VERB_MARKERS = (
    ALTERNATIVES | {"but"} | RELATIVE_PRONOUNS | {"that", "to"} | {"it", "he", "she", "they"}
)
# Links between an intention noun and the act ("no intention of", "no plans to").
INTENTION_LINKS = frozenset({"of", "to", "in"})
# Conjunctions after which a comma-free closing attribution has more to report.
REPORT_CONTINUERS = frozenset({"that", "but", "and"})
# Marks and words that close an "if ..." clause ("if Kyiv agrees, then ...").
CONDITION_CLOSERS = frozenset({",", ";", "—", "then"})
CONDITION_WORDS = CONDITIONAL_CONJUNCTIONS | {"provided"}
# Words that open a reported condition ("only ... once", "if ..., we will", "not ... until").
CONDITION_OPENERS = CONDITIONAL_CONJUNCTIONS | {"only", "until"}
BE_PRESENT = frozenset({"'re", "’re", "are", "am", "'m", "’m"})
COPULAS = frozenset({"is", "was"})

# --- Title Case -----------------------------------------------------------------------------

# Words that Title Case headlines leave in lower case ("Kremlin Has a Plan for Delay and
# Division"): articles, conjunctions and prepositions.
TITLE_CASE_SMALL_WORDS = (
    ARTICLES
    | ALTERNATIVES
    | COORDINATORS
    | PREPOSITIONS
    | CONDITIONAL_CONJUNCTIONS
    | {"as", "at", "by", "nor", "so", "up", "via", "per", "vs", "off", "out"}
)

# Modals of the author's advice after a noun ("the proposals should be ..."), and the words
# that end the noun's clause before its verb.
ADVICE_MODALS = frozenset({"should", "ought"})
CLAUSE_ENDS = RELATIVE_SUBJECTS | {","}
# Pronouns ending in "-ing" that are no gerund: "something Putin opposes" names its holder.
INDEFINITE_PRONOUNS = frozenset({"something", "nothing", "anything", "everything"})

# Words before a title that make it a past one ("former President X" holds it no longer).
PAST_TITLE_WORDS = frozenset({"former", "ex", "ex-", "then", "late"})
