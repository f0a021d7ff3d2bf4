"""The rule registry: every claim rule is registered once, and docs/rules.md is current."""

from __future__ import annotations

from pipeline.extract.cue_rules import CUE_GATES, STANCE_GATES
from pipeline.extract.registry import CLAIM_RULES, RENAMING_RULES, RULES, confidence
from pipeline.extract.rules_doc import RULES_DOC, rules_markdown


def test_docs_rules_md_matches_the_registry() -> None:
    written = RULES_DOC.read_text(encoding="utf-8")
    assert written == rules_markdown(), (
        "run `python -m pipeline.extract.rules_doc` to regenerate it"
    )


def test_rule_names_are_unique_and_confidences_are_probabilities() -> None:
    names = [rule.name for rule in CLAIM_RULES] + [name for name, _ in RENAMING_RULES]
    assert len(names) == len(set(names))
    assert all(0 < rule.confidence <= 1 for rule in CLAIM_RULES)
    assert confidence("noun-possessor") == RULES["noun-possessor"].confidence


def test_gate_names_are_unique_and_explained() -> None:
    for gates in (CUE_GATES, STANCE_GATES):
        assert len({gate.name for gate in gates}) == len(gates)
        assert all(gate.why and "\n" not in gate.why for gate in gates)


def test_claims_name_only_registered_rules(annotate, extractor) -> None:
    doc = annotate(
        "Putin rejected the plan. Zelensky's demand was clear. Lavrov said Kyiv must withdraw."
    )
    found = {claim.rule for claim in extractor.claims(doc)}
    known = set(RULES) | {name for name, _ in RENAMING_RULES}
    assert found and all(rule.removesuffix("-voiced") in known for rule in found)
