"""``docs/rules.md``, generated from the rule registry and the gate tuples so the docs
cannot drift from the code. Regenerate with ``python -m pipeline.extract.rules_doc``."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from pipeline.config import PROJECT_DIR
from pipeline.extract.cue_rules import CUE_GATES, STANCE_GATES
from pipeline.extract.gates import Gate
from pipeline.extract.registry import CLAIM_RULES, RENAMING_RULES, VOICED_SUFFIX

RULES_DOC = PROJECT_DIR / "docs" / "rules.md"
HEADER = """# Claim rules

Generated from `pipeline/extract/registry.py` and the gate tuples of
`pipeline/extract/gates.py`, `object_gates.py` and `negation_gates.py`; do not edit by
hand (`python -m pipeline.extract.rules_doc` rewrites it).

A cue word first passes the gates, in order; the first gate that decides gives the cue's
outcome (usually no claim, with the reason `pipeline explain` shows). A cue that passes
them all goes to the holder rules, which name the actor; the rule's name is written in the
claims table's `rule` column and its confidence in `confidence` (times 0.9 when the actor
is a pronoun). Sentence patterns read the whole sentence after the cues are decided.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _rules_table() -> list[str]:
    lines = ["| rule | confidence | found by | what it names |", "| --- | --- | --- | --- |"]
    for rule in CLAIM_RULES:
        lines.append(
            f"| `{rule.name}` | {rule.confidence:g} | {rule.floor} | {_cell(rule.description)} |"
        )
    return lines


def _gates_list(gates: Iterable[Gate]) -> list[str]:
    return [f"{number}. `{gate.name}`: {gate.why}" for number, gate in enumerate(gates, 1)]


def rules_markdown() -> str:
    """The whole of ``docs/rules.md``."""
    parts = [HEADER, "## Holder rules and sentence patterns", "", *_rules_table(), ""]
    parts += ["## Renamed claims", ""]
    parts += [
        f"- `{name}`: {text} It keeps the holder rule's confidence."
        for name, text in RENAMING_RULES
    ]
    parts += [
        f"- `<rule>{VOICED_SUFFIX}`: the speaker's row of a claim of the speaker's own side; "
        'the side keeps its row under `<rule>` ("Peskov said Moscow would not accept ..." is '
        "Peskov's and Russia's); same confidence.",
        "",
        "## Gates of a verb, noun or readiness cue",
        "",
        *_gates_list(CUE_GATES),
        "",
        "## Gates of a stance word",
        "",
        *_gates_list(STANCE_GATES),
    ]
    return "\n".join(parts) + "\n"


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else RULES_DOC
    target.write_text(rules_markdown(), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
