"""Every boilerplate and metadata pattern runs in linear time, whatever line it is given.

A pattern that backtracks exponentially (or quadratically on a long line) would
stall the whole run on one hostile input. Each pattern runs in a child process
against adversarial lines of 10 KB and 1 MB; a watchdog kills the child when a
pattern overruns a generous budget, so a catastrophic pattern fails this test
instead of hanging the suite. The budget guards against blow-up; it is no speed claim.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.normalise
from pipeline.normalise import metadata
from pipeline.normalise.boilerplate import Rules, clean, load_rules

BUDGET_SECONDS = 20.0  # per pattern, for all its lines; linear patterns need well under a second

# Each line repeats one piece to 10 KB between a head and a tail, so that a pattern that
# almost matches (a menu of a thousand items, then "!") has to give up: this finds
# exponential backtracking. Three 1 MB runs find quadratic work (a scan from every start).
_SHAPES = r"""
import json, sys
SMALL, LARGE = 10_000, 1_000_000
PIECES = [
    "a", "A", " ", ".", "Aa ", "A.", "A-", "A/", "A / ", "Aa | ", "a|", "Aa • ", "Aa · ", "Aa » ",
    "[", "[a", "(A/", "©", "© A ", "1", "12:3", "Jan 1, ", "By Aa Bb, ", "Aa and ", "- ", "**a",
    "_", "<!--", "![", "[a](", " \t", "-*", "Aa’s ", "He is a fellow. ", "Trending Articles ",
    "Read More ", "Aa, ", "A\n", "\n", "Aa. ", "A/B/", "1:11 ", "You ", "Ignore all ",
]
ENDS = [("", "!"), ("", "~ a."), ("# ", "!"), ("By ", "!")]
LARGE_PIECES = ["A", "A.", "["]


def lines():
    for piece in PIECES:
        run = piece * (SMALL // len(piece))
        for head, tail in ENDS:
            yield head + run + tail
    for piece in LARGE_PIECES:
        yield piece * (LARGE // len(piece)) + "!"
"""

_WORKER = (
    _SHAPES
    + """
import re, time
texts = list(lines())
for source, flags in json.loads(sys.stdin.readline()):
    pattern = re.compile(source, flags)
    start = time.perf_counter()
    for text in texts:
        for _ in pattern.finditer(text):
            pass
    print("done", round(time.perf_counter() - start, 3), flush=True)
"""
)


def _patterns_of(value: Any, name: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Compiled patterns inside a value: itself, or the items of a tuple or list."""
    if isinstance(value, re.Pattern):
        yield name, value
    elif isinstance(value, tuple | list):
        for position, item in enumerate(value):
            yield from _patterns_of(item, f"{name}[{position}]")


def _rule_patterns(rules: Rules) -> Iterator[tuple[str, re.Pattern[str]]]:
    for kind in ("cuts", "spans", "lines"):
        for rule in getattr(rules, kind):
            yield f"{kind}.{rule.id}", rule.pattern
    for name in ("outlets", "titles", "teaser_lists", "teaser_end", "credit"):
        yield from _patterns_of(getattr(rules, name), name)
    yield from _patterns_of(rules.captions.cues, "captions.cues")
    yield from _patterns_of(rules.captions.credit, "captions.credit")
    yield from _patterns_of(rules.split.markers, "split.markers")
    yield from _patterns_of(rules.split.meta, "split.meta")


def _module_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for info in pkgutil.iter_modules(pipeline.normalise.__path__):
        module = importlib.import_module(f"{pipeline.normalise.__name__}.{info.name}")
        for name, value in vars(module).items():
            yield from _patterns_of(value, f"{info.name}.{name}")


def _call_time_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns the metadata guesser builds when called, from its module-level pieces."""
    yield "metadata.named_bio", re.compile(rf"(?P<name>{metadata._NAME}),? (?:is|was) a fellow")
    yield "metadata._PLACE", re.compile(metadata._PLACE)


def all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every pattern of the shipped boilerplate.toml and every regex of the modules."""
    return [*_rule_patterns(load_rules()), *_module_patterns(), *_call_time_patterns()]


def _run_with_watchdog(
    patterns: list[tuple[str, re.Pattern[str]]], budget: float = BUDGET_SECONDS
) -> tuple[dict[str, str], dict[str, float]]:
    """Run the patterns one after another in a child; a pattern over budget is reported
    and the child restarted after it. Returns the failures and the seconds each took."""
    failures: dict[str, str] = {}
    seconds: dict[str, float] = {}
    position = 0
    while position < len(patterns):
        child = subprocess.Popen(
            [sys.executable, "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdin is not None and child.stdout is not None
        rest = patterns[position:]
        child.stdin.write(json.dumps([[p.pattern, p.flags] for _, p in rest]) + "\n")
        child.stdin.flush()
        for name, _ in rest:
            took = _answer_within(child, budget)
            position += 1
            if took is None:
                child.kill()
                child.wait()
                failures[name] = f"over {budget:.0f} s"
                break
            seconds[name] = took
        else:
            child.stdin.close()
            child.wait()
    return failures, seconds


def _answer_within(child: subprocess.Popen[str], seconds: float) -> float | None:
    """The time the child reports for its next pattern, or None after ``seconds``."""
    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if selector.select(timeout=left):
                answer = child.stdout.readline().split()
                assert answer[:1] == ["done"], "the pattern worker failed; see its stderr"
                return float(answer[1])
    return None


def test_normalise_regex_budget_sees_every_pattern() -> None:
    names = [name for name, _ in all_patterns()]
    assert {"lines.menu", "lines.photo_credit", "spans.photo_credit"} <= set(names)
    assert "metadata._BYLINE" in names and "readers._MD_STEPS[2][0]" in names
    assert len(names) > 100


@pytest.mark.integration
def test_normalise_regex_budget_every_pattern_is_linear() -> None:
    failures, seconds = _run_with_watchdog(all_patterns())
    slowest = sorted(seconds.items(), key=lambda item: -item[1])[:5]
    assert failures == {}, f"slowest of the others: {slowest}"


@pytest.mark.integration
def test_normalise_regex_budget_watchdog_catches_blow_up() -> None:
    catastrophic = [("nested", re.compile(r"^(?:a|a)*$")), ("fine", re.compile(r"a"))]
    failures, seconds = _run_with_watchdog(catastrophic, budget=2.0)
    assert (list(failures), list(seconds)) == (["nested"], ["fine"])


# Pieces of page furniture that the line and span rules look for, glued at random.
_FURNITURE = [
    "Aa",
    "Bb ",
    "Kyiv",
    " | ",
    "|",
    " • ",
    "·",
    "»",
    "/",
    " / ",
    ".",
    "!",
    "?",
    " ",
    ", ",
    "[",
    "]",
    "(",
    ")",
    "©",
    "By ",
    "Getty Images",
    "Reuters",
    "AP Photo",
    " via ",
    "2025",
    "12:30",
    "_",
    "-",
    "’",
    "Read More ",
    "Sign Up",
    " is a fellow",
    "He ",
    "IMPORTANT: ",
    "Ignore all previous instructions",
    "\n",
    "\n\n",
]


@pytest.mark.integration
@given(st.lists(st.sampled_from(_FURNITURE), max_size=400))
@settings(max_examples=150, deadline=2_000, derandomize=True, database=None)
def test_normalise_regex_budget_cleaner_on_furniture(pieces: list[str]) -> None:
    """The cleaner finishes each page of glued furniture well inside the deadline
    (a menu of 40 items took minutes when the menu rule backtracked), and adds no text."""
    text = "".join(pieces)
    cleaned = clean(text).text
    assert set(cleaned) <= set(text) | {" ", "\n"}


@pytest.mark.integration
@given(st.lists(st.sampled_from(["Aa", "Bb ", " | ", "|", " • ", "»", " ", "."]), max_size=120))
@settings(max_examples=100, deadline=2_000, derandomize=True, database=None)
def test_normalise_regex_budget_cleaner_on_menus(pieces: list[str]) -> None:
    """Navigation bars of any length, broken anywhere, are cleaned inside the deadline."""
    text = "".join(pieces)
    assert set(clean(text).text) <= set(text) | {" ", "\n"}
