"""The claim rules: one record per rule name that can appear in the claims table.

A rule's confidence is how sure the rule is of the holder it names; ``RuleSet.claims``
reads it here by the rule's name, so a new rule is one record. ``docs/rules.md`` is
generated from these records (``python -m pipeline.extract.rules_doc``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimRule:
    """A rule that names a claim's holder."""

    name: str  # as written in the claims table's ``rule`` column
    confidence: float
    description: str
    floor: str  # where it runs: "verb cue", "noun cue", "stance cue" or "sentence pattern"


CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule(
        "verb-subject", 0.8, 'The subject of a cue verb ("Russia rejected ...").', "verb cue"
    ),
    ClaimRule(
        "verb-possessor",
        0.8,
        'A participle after a possessor ("Trump\'s proposed truce").',
        "verb cue",
    ),
    ClaimRule(
        "verb-passive-agent",
        0.75,
        'The agent of a passive or participle ("a truce proposed by Kyiv").',
        "verb cue",
    ),
    ClaimRule(
        "verb-first-person-speaker",
        0.75,
        'The speaker of a quote whose "we" or "I" is the subject ("we will never accept").',
        "verb cue",
    ),
    ClaimRule(
        "verb-impersonal-speaker",
        0.65,
        'The speaker, when a thing is the subject ("any deal would require Kyiv to cede land").',
        "verb cue",
    ),
    ClaimRule(
        "ready-subject",
        0.8,
        'The subject of a readiness phrase ("Kyiv is ready to ...").',
        "verb cue",
    ),
    ClaimRule(
        "ready-possessor", 0.8, 'A readiness phrase right after a possessor ("X\'s").', "verb cue"
    ),
    ClaimRule(
        "ready-first-person-speaker",
        0.75,
        'The speaker of a quote whose "we" is ready ("we are ready to ...").',
        "verb cue",
    ),
    ClaimRule(
        "infinitive-of-possessed",
        0.75,
        'The owner of an act noun before "to" ("Kyiv\'s decision to withdraw").',
        "verb cue",
    ),
    ClaimRule(
        "infinitive-refused",
        0.75,
        'A refused concession is a rejection ("Russia\'s refusal to agree to a truce").',
        "verb cue",
    ),
    ClaimRule("noun-possessor", 0.85, 'The owner of a noun cue ("Putin\'s demand").', "noun cue"),
    ClaimRule(
        "noun-giver",
        0.75,
        'The giver of a concession received ("concessions from Kyiv").',
        "noun cue",
    ),
    ClaimRule(
        "noun-agent", 0.7, 'The actor after "by"/"from" ("a proposal by Paris").', "noun cue"
    ),
    ClaimRule(
        "noun-participle-agent",
        0.7,
        'The agent of a participle after the noun ("a plan drafted by Witkoff").',
        "noun cue",
    ),
    ClaimRule(
        "noun-relative-owner",
        0.7,
        'The subject of a relative clause that makes the noun ("the demands Putin made").',
        "noun cue",
    ),
    ClaimRule(
        "noun-light-verb",
        0.7,
        'The subject of a light verb ("Kyiv made concessions").',
        "noun cue",
    ),
    ClaimRule(
        "noun-predicate-speaker",
        0.6,
        "A condition named as a predicate is the speaker's demand (\"it remains a key "
        'condition," X said).',
        "noun cue",
    ),
    ClaimRule(
        "noun-refused-by-speaker",
        0.6,
        'A speaker refusing future concessions ("There will be no concessions," X said).',
        "noun cue",
    ),
    ClaimRule(
        "noun-anaphora",
        0.55,
        'The holder of the same claim type in the sentence before ("rejected the demand").',
        "noun cue",
    ),
    ClaimRule(
        "stance-speaker",
        0.7,
        'The speaker of a judgement ("unacceptable", "a non-starter").',
        "stance cue",
    ),
    ClaimRule(
        "directive",
        0.75,
        'Telling an actor to act is a demand ("Trump told Zelensky to accept").',
        "sentence pattern",
    ),
    ClaimRule(
        "reported-obligation",
        0.65,
        'An obligation in reported speech is the speaker\'s demand ("Lavrov said Kyiv must").',
        "sentence pattern",
    ),
    ClaimRule(
        "elliptical-refusal",
        0.7,
        'A bare negated auxiliary after a concession ("Kyiv accepted, Moscow didn\'t").',
        "sentence pattern",
    ),
    ClaimRule(
        "condition-of-offer",
        0.6,
        'The condition of an offer or threat is a demand ("would freeze the front if ...").',
        "sentence pattern",
    ),
    ClaimRule(
        "conditional-pressure",
        0.6,
        'Pressure tied to a condition is a demand ("withheld aid until Kyiv ...").',
        "sentence pattern",
    ),
    ClaimRule(
        "relieved-pressure",
        0.6,
        'Lifting a pressure is a concession ("Washington eased sanctions").',
        "sentence pattern",
    ),
    ClaimRule(
        "declared-truce",
        0.7,
        "A pause in fighting declared by an actor is its concession.",
        "sentence pattern",
    ),
    ClaimRule(
        "persuaded-party",
        0.6,
        'The persuaded party yields ("Putin convinced Trump to drop the truce").',
        "sentence pattern",
    ),
    ClaimRule(
        "reported-condition",
        0.6,
        'A condition the speaker sets ("talks can only happen once ...").',
        "sentence pattern",
    ),
    # conventions of guidelines v2 (``convention_rules``)
    ClaimRule(
        "exchange-condition",
        0.6,
        'The price of a concession is a demand ("in exchange for X, he would halt Y").',
        "sentence pattern",
    ),
    ClaimRule(
        "rhetorical-question",
        0.55,
        "An actor's question about the other side's concession states a condition "
        "(\"'Will Kyiv withdraw or not?' Putin asked\").",
        "sentence pattern",
    ),
    ClaimRule(
        "judged-for",
        0.65,
        'The actor a judgement is made for rejects it ("unacceptable for Russia").',
        "sentence pattern",
    ),
    ClaimRule(
        "posed-threat",
        0.6,
        'A thing the speaker calls a threat to his side is rejected ("NATO bases pose a threat '
        'to our security," Lavrov said).',
        "sentence pattern",
    ),
    ClaimRule(
        "not-seen-as",
        0.6,
        'Not seeing a proposal as realistic rejects it ("Washington does not see NATO '
        'membership as a realistic outcome").',
        "sentence pattern",
    ),
    ClaimRule(
        "restated-position",
        0.55,
        "Restating a side's position repeats its demand (\"Peskov confirmed the Kremlin's "
        'stance").',
        "sentence pattern",
    ),
    # Documents and plans hold no claims, their authors do (``document_rules``).
    ClaimRule(
        "noun-clause-author",
        0.65,
        'The author named in a clause on a plan ("the plan that Moscow wants to impose").',
        "noun cue",
    ),
    ClaimRule(
        "document-terms",
        0.7,
        "What a document contains is its author's demand (\"Russia's memorandum assumes ...\").",
        "sentence pattern",
    ),
    ClaimRule(
        "plan-term",
        0.6,
        "A plan's \"would\" term: what it asks is its author's demand, what it gives a concession.",
        "sentence pattern",
    ),
    ClaimRule(
        "changed-position",
        0.6,
        'A changed position is a concession ("the president\'s position has shifted").',
        "sentence pattern",
    ),
    # Clauses and holders.
    ClaimRule(
        "persuader",
        0.6,
        'Persuading another party to act is a demand ("Merz persuaded Trump to keep ...").',
        "sentence pattern",
    ),
)
RULES: dict[str, ClaimRule] = {rule.name: rule for rule in CLAIM_RULES}

# Names that replace a holder rule's name when a gate turns the claim around; the claim
# keeps that rule's confidence.
RENAMING_RULES: tuple[tuple[str, str], ...] = (
    ("no-intention", 'A concession with "no intention of" is a rejection.'),
    ("dropped-demand", 'A demand "no longer" made, or "stopped", is a concession.'),
    ("negated-opposition", 'Promising not to oppose ("would not oppose") is a concession.'),
    ("negated-concession", 'A negated concession ("did not accept") is a rejection.'),
    # conventions of guidelines v2 (``convention_gates``)
    ("offered-talks", 'An offer of talks is a proposal: a demand ("offered Kyiv direct talks").'),
    ("refused-want", 'Not wanting a proposal rejects it ("Kyiv does not want the plan").'),
    (
        "unwanted-act",
        'Not wanting another party to act is a demand ("does not want Kyiv to join").',
    ),
)
# Added to a rule's name for the speaker's row when the speaker voices a claim of the
# speaker's own side; the side keeps its own row ("Peskov said Moscow would not accept ..."
# is Peskov's and Russia's).
VOICED_SUFFIX = "-voiced"


def confidence(rule: str) -> float:
    """The confidence of a claim rule; a KeyError names a rule missing from the registry."""
    return RULES[rule].confidence
