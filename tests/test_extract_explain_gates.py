"""``pipeline explain`` shows the gates a cue passed and the one that decided."""

from __future__ import annotations

from pipeline.extract.cue_rules import CUE_GATES
from pipeline.extract.explain import explain_doc, explanations_to_dicts, format_explanations


def test_explain_names_the_gate_that_stopped_a_cue(annotate, extractor) -> None:
    (item,) = explain_doc(annotate("Trump should demand more."), extractor)
    (candidate,) = item.candidates
    assert candidate.decided_by == "modal"
    names = [gate.name for gate in CUE_GATES]
    assert list(candidate.gates) == names[: names.index("modal")]
    assert "; decided by modal" in format_explanations([item])


def test_explain_shows_a_claim_passed_every_gate(annotate, extractor) -> None:
    items = explain_doc(annotate("Zelensky firmly rejected the proposal."), extractor)
    (claim,) = items[0].claims
    assert claim.decided_by is None and len(claim.gates) == len(CUE_GATES)
    assert f"gates: passed all {len(CUE_GATES)}" in format_explanations(items)
    row = explanations_to_dicts(items)[0]["candidates"][0]
    assert list(row["gates"]) == [gate.name for gate in CUE_GATES] and row["decided_by"] is None
