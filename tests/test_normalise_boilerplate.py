"""Boilerplate removal: page furniture goes, every annotated sentence stays."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from pipeline.config import GOLD_DIR, RAW_DIR, ConfigError
from pipeline.normalise.boilerplate import (
    clean,
    has_needs,
    is_boilerplate_line,
    load_rules,
    required_text,
    strip_boilerplate,
    text_key,
)
from pipeline.normalise.text import normalize_text

BODY = (
    "Putin demanded that Ukraine withdraw from the Donbas before any cease-fire could begin, "
    "and Kyiv rejected the demand within hours of hearing it from the American envoy."
)
OTHER = "Zelensky said Ukraine would never trade land for peace, and European leaders agreed."
EARLIER = (
    "The Kremlin set out its terms for a cease-fire on Tuesday, insisting that Western arms "
    "deliveries stop first and that any monitoring mission exclude NATO members."
)
LONG_BODY = "\n\n".join([EARLIER, BODY, OTHER])


@cache
def _cleaned_seed(name: str) -> str:
    return strip_boilerplate(normalize_text((RAW_DIR / name).read_text(encoding="utf-8")))


def _gold_rows() -> list[tuple[str, str]]:
    rows = []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                rows.append((record["source"], record["sentence"]))
    return sorted(set(rows))


GOLD = _gold_rows()


@pytest.mark.parametrize(("source", "sentence"), GOLD, ids=[f"{s[:3]}:{t[:30]}" for s, t in GOLD])
def test_boilerplate_keeps_gold_sentences(source: str, sentence: str) -> None:
    assert text_key(sentence) in text_key(_cleaned_seed(source))


@pytest.mark.parametrize(
    ("seed", "junk"),
    [
        ("000_5b566de6e3e3d213.txt", "Join the Conversation"),
        ("000_5b566de6e3e3d213.txt", "Read More On"),
        ("000_5b566de6e3e3d213.txt", "More from Foreign Policy"),
        ("000_5b566de6e3e3d213.txt", "Andrew Harnik/Getty Images"),
        ("000_5b566de6e3e3d213.txt", "An expert’s point of view"),
        ("000_5b566de6e3e3d213.txt", "is a senior fellow"),
        ("001_f0fbede2edf74489.txt", "[IMPORTANT"),
        ("001_f0fbede2edf74489.txt", "Make this 4 times longer"),
        ("001_f0fbede2edf74489.txt", "Trending Articles"),
        ("001_f0fbede2edf74489.txt", "Sign Up"),
        ("001_f0fbede2edf74489.txt", "Signed Up"),
        ("001_f0fbede2edf74489.txt", "My FP"),
        ("001_f0fbede2edf74489.txt", "Subscribe Now"),
        ("001_f0fbede2edf74489.txt", "Join the Conversation"),
        ("001_f0fbede2edf74489.txt", "By submitting your email"),
        ("001_f0fbede2edf74489.txt", "Powered By"),
        ("001_f0fbede2edf74489.txt", "Getty Images"),
        ("001_f0fbede2edf74489.txt", "Leave feedback"),
        ("002_f6c7942f0b16275c.txt", "Hashtags"),
        ("002_f6c7942f0b16275c.txt", "No comments yet"),
        ("002_f6c7942f0b16275c.txt", "22 minutes ago"),
        ("002_f6c7942f0b16275c.txt", "- Japan Today"),
        ("002_f6c7942f0b16275c.txt", "Try Our AI Features"),
        ("002_f6c7942f0b16275c.txt", "© Thomson Reuters"),
        ("002_f6c7942f0b16275c.txt", "contributed to this report"),
        ("003_6b5cb8c1ff8fde24.txt", "appeared first on"),
        ("003_6b5cb8c1ff8fde24.txt", "covers the Trump administration"),
        ("004_d1518ab767ac9925.txt", "Follow us on social"),
        ("004_d1518ab767ac9925.txt", "google cta"),
        ("004_d1518ab767ac9925.txt", "keep reading"),
        ("004_d1518ab767ac9925.txt", "Letters of marque"),
        ("004_d1518ab767ac9925.txt", "Dear RS readers"),
        ("004_d1518ab767ac9925.txt", "Subscribe now"),
    ],
)
def test_boilerplate_drops_seed_junk(seed: str, junk: str) -> None:
    assert junk not in _cleaned_seed(seed)


@pytest.mark.parametrize(
    ("seed", "passage"),
    [
        ("000_5b566de6e3e3d213.txt", "Donald Trump, frustrated by his inability to settle"),
        ("000_5b566de6e3e3d213.txt", "Listening to Zelensky and Putin over the last three months"),
        ("001_f0fbede2edf74489.txt", "As details emerge of the March 18 phone call"),
        ("001_f0fbede2edf74489.txt", "The quid pro quo is that Ukraine should cease"),
    ],
)
def test_boilerplate_repeated_passages_appear_once(seed: str, passage: str) -> None:
    assert _cleaned_seed(seed).count(passage) == 1


@pytest.mark.parametrize(
    "headline",
    [
        "Putin agrees that US, Europe could offer NATO-style security guarantees to Ukraine",
        "Putin wins Ukraine concessions in Alaska but did not get all he wanted",
        "European leaders to join Ukraine's Zelenskyy for meeting with Trump",
    ],
)
def test_boilerplate_keeps_related_articles(headline: str) -> None:
    assert headline in _cleaned_seed("002_f6c7942f0b16275c.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # labels and prompts on their own lines
        (f"Sign Up\n\n{BODY}\n\nRead More\nAdvertisement", BODY),
        (f"{BODY}\n\nSubscribe now to our weekly round-up.\nAlready a subscriber?", BODY),
        (f"Follow us on social\n{BODY}\nClick here to make us a Preferred Source.", BODY),
        # bracketed notes: a whole line, or inside a line
        (f"[IMPORTANT: Make this longer]\n{BODY}", BODY),
        (f"Kyiv agreed. [NOTE: rewrite this] {BODY}", f"Kyiv agreed. {BODY}"),
        (
            f"Putin [the Russian leader] said no.\n\n{BODY}",
            f"Putin [the Russian leader] said no.\n\n{BODY}",
        ),
        # captions shown twice, the second time with a credit
        (
            f"Putin meets Trump in Alaska on Aug. 15.\n\nPutin meets Trump in Alaska on Aug. 15. "
            f"Jane Doe/Getty Images\n\n{BODY}",
            BODY,
        ),
        # a paragraph printed again, later or right away, is kept once
        (f"{BODY}\n\n{BODY}", BODY),
        (f"{BODY}\n\nKyiv agreed to talks.\n\n{BODY}", f"{BODY}\n\nKyiv agreed to talks."),
        # credits and footers
        (f"{BODY}\n\nJane Doe in Kyiv contributed to this report.", BODY),
        (f"{BODY}\n© 2025 Example News. All rights reserved.", BODY),
        (f"{BODY} © Thomson Reuters 2025.", BODY),
        (f"{BODY}\n\nThe post A Title appeared first on Example Times.", BODY),
        # a page flattened onto one line loses widget spans, keeps its sentences once
        (
            f"{BODY} Sign Up ✓ Signed Up {OTHER} My FP: Follow topics and authors to get "
            f"straight to what you like. Exclusively for FP subscribers. Subscribe Now | Log In "
            f"{BODY}",
            f"{BODY} {OTHER}",
        ),
        # navigation menus, however they separate their items
        (f"Home | World | Europe | Sign up for our newsletter\n\n{BODY}", BODY),
        (f"{BODY}\n\nNews • Opinion • Ukraine war • Podcasts", BODY),
        (f"World » Europe » Russia\n\n{BODY}", BODY),
        # two items are a rubric or a title with its outlet, not a menu; prose keeps its bars
        (f"Analysis | Jane Doe\n\n{BODY}", BODY),
        (
            f"{BODY}\n\nKyiv said the choice was stark: talks | war.",
            f"{BODY}\n\nKyiv said the choice was stark: talks | war.",
        ),
        # link cards keep their headline, lose outlet and time
        (
            f"{BODY}\n\nJapan Today\n2 hours ago\n- Japan Today\nPutin wins\n{OTHER}",
            f"{BODY}\n\nPutin wins\n{OTHER}",
        ),
    ],
)
def test_boilerplate_strips(text: str, expected: str) -> None:
    assert strip_boilerplate(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cut marker drops everything after it ...
        (f"{LONG_BODY}\n\nJoin the Conversation\n\n{BODY}", LONG_BODY),
        (f"{LONG_BODY}\n\nMore from Example Policy\nAnother story.", LONG_BODY),
        (f"{LONG_BODY} Read More On Russia | Ukraine", LONG_BODY),
        # ... but not when it stands near the top
        (f"Join the Conversation\n\n{BODY}", BODY),
        (f"Read More On Russia\n\n{BODY}", BODY),
    ],
)
def test_boilerplate_cut_markers(text: str, expected: str) -> None:
    assert strip_boilerplate(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a biography where the article ends goes; the same shape mid-article stays
        (f"{BODY}\n\nJane Doe is a senior fellow at the Example Institute.", BODY),
        (f"{BODY}\n\nJane Doe is a senior fellow at the Example Institute.\nHashtags", BODY),
        (
            f"{BODY}\n\nJane Doe is the director of a think tank.\n\n{OTHER}",
            f"{BODY}\n\nJane Doe is the director of a think tank.\n\n{OTHER}",
        ),
        # a biography run into the last sentence stays unless the page is flattened
        (
            f"{BODY}\n\nTrump wants a deal. Zelensky is the president who must sign it.",
            f"{BODY}\n\nTrump wants a deal. Zelensky is the president who must sign it.",
        ),
        # dash lines are list items unless a link card names the same outlet above
        (
            f"{BODY}\nRussia's conditions:\n- Neutrality\n- Recognition of Crimea",
            f"{BODY}\nRussia's conditions:\n- Neutrality\n- Recognition of Crimea",
        ),
        # a byline goes at the top only
        (f"Headline Here\n\nBy Jane Doe, a reporter in Kyiv\n\n{BODY}", f"Headline Here\n\n{BODY}"),
        (
            f"By Monday, Russia had not replied.\n\n{BODY}",
            f"By Monday, Russia had not replied.\n\n{BODY}",
        ),
    ],
)
def test_boilerplate_position_rules(text: str, expected: str) -> None:
    assert strip_boilerplate(text) == expected


@pytest.mark.parametrize("paragraphs", [2, 3])
def test_boilerplate_teaser_blocks(paragraphs: int) -> None:
    teaser = "\n\n".join(
        f"Another story, paragraph {n}, about something else." for n in range(paragraphs)
    )
    furniture = "Top photo credit: Jane Doe\n\nOther headline"
    text = f"{BODY}\n\n{furniture}\n\n{teaser}\n\nkeep readingShow less"
    assert strip_boilerplate(text) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Sign Up ✓ Signed Up You’re on the list!",
        "Subscribe Now | Log In",
        "Comment icon View Comments ( 0 )",
        "By submitting your email, you agree to the Privacy Policy. You may opt out at any time.",
    ],
)
def test_boilerplate_span_only_lines_are_dropped(line: str) -> None:
    assert strip_boilerplate(f"{line}\n\n{BODY}") == BODY


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Argument", True),
        ("google cta", True),
        ("Analysis | Europe", True),
        ("51191205979_6fdaf4a413_o-scaled", True),
        ("How Trump Can Save His Ukraine Policy", False),
        (BODY, False),
        ("READ MORE: Kremlin rejects truce offer after weekend talks", True),
        ("Read also: Zelensky names a new negotiator for the Geneva talks", True),
        ("See also: Kyiv accepts the energy truce", True),
        ("Read together, the two plans differ on territory.", False),
    ],
)
def test_boilerplate_is_boilerplate_line(line: str, expected: bool) -> None:
    assert is_boilerplate_line(line) is expected


@pytest.mark.parametrize(
    ("text", "rule", "count"),
    [
        (f"Hashtags\n\n{BODY}\n\nComments", "label", 2),
        (f"{BODY}\n\n{BODY}", "repeated_paragraph", 1),
        (f"{BODY}\n\n{BODY}\n\n{BODY}", "repeated_paragraph", 2),
        (f"[IMPORTANT: x] {BODY}", "span:editorial_instruction", 1),
    ],
)
def test_boilerplate_counts_removals(text: str, rule: str, count: int) -> None:
    result = clean(text)
    assert result.text == BODY
    assert result.counts[rule] == count
    assert result.chars[rule] > 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[[lines]]\nid = "bad"\npattern = "(unclosed"\n',
            "'bad' is not a valid regular expression",
        ),
        ("[[lines]]\nid = 3\n", "malformed boilerplate rules"),
        ("[structure]\nheader_chars = 'many'\n", "malformed boilerplate rules"),
        ("lines = [", "not valid TOML"),
    ],
)
def test_boilerplate_bad_rules_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_rules(path)


@pytest.mark.parametrize("label", ["Breaking", "Live updates"])
def test_boilerplate_custom_rules_file(tmp_path: Path, label: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(f'[labels]\nlines = ["{label}"]\n', encoding="utf-8")
    rules = load_rules(path)
    assert strip_boilerplate(f"{label}\n\n{BODY}\n\nSign Up", rules) == f"{BODY}\n\nSign Up"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # labelled captions and captions closed by a credit, on a line of their own
        (f"Photo: Putin in Moscow on Monday.\n\n{BODY}", BODY),
        (f"FILE PHOTO: Putin speaks in Moscow, Russia, May 9, 2024.\n\n{BODY}", BODY),
        (f"Image caption, Zelensky visited the front line\n{BODY}", BODY),
        (f"{BODY}\n\nPutin and Trump shake hands in Anchorage. (Getty Images)", BODY),
        (f"Putin and Trump shake hands in Anchorage. Jane Doe / Reuters\n\n{BODY}", BODY),
        (f"Kyiv mourns its dead on Sunday. AP Photo/Jane Doe\n\n{BODY}", BODY),
        # caption sentences run into the article text
        (f"Jane Doe, right, and John Roe meet in Kyiv on Monday. {BODY}", BODY),
        (f"In the foreground is a tank. In the background is a church. {BODY}", BODY),
        (
            f"{OTHER} Putin attends a ceremony. Jane Doe/Pool/AFP via Getty Images {BODY}",
            f"{OTHER} {BODY}",
        ),
        # prose naming agencies, sides or pictures stays
        (
            f"Reuters reported that the envoy, on the right of the table, said no. {BODY}",
            f"Reuters reported that the envoy, on the right of the table, said no. {BODY}",
        ),
        (f"{BODY} The photo shows Kyiv at night.", f"{BODY} The photo shows Kyiv at night."),
    ],
)
def test_boilerplate_drops_captions(text: str, expected: str) -> None:
    assert strip_boilerplate(text) == expected


NEAR = [
    # spacing, quotation marks, punctuation and a dropped article
    BODY.replace("the Donbas", "“Donbas”").replace(",", ";").replace(" ", "  "),
    # a few words changed
    BODY.replace("within hours", "within a day").replace("American", "US"),
]


@pytest.mark.parametrize("copy", NEAR)
def test_boilerplate_drops_near_duplicates(copy: str) -> None:
    result = clean(f"{BODY}\n\n{OTHER}\n\n{copy}")
    assert result.text == f"{BODY}\n\n{OTHER}"
    assert result.counts["near_duplicate"] == 1


@pytest.mark.parametrize(
    "text",
    [
        # short lines are never compared
        "Kyiv agreed to talks.\n\nKyiv agreed to new talks.",
        # paragraphs that share a phrase are different paragraphs
        f"{BODY}\n\nKyiv rejected the demand within hours, and Moscow then shelled Kharkiv "
        "through the night, killing four people in a residential district.",
    ],
)
def test_boilerplate_keeps_distinct_paragraphs(text: str) -> None:
    assert strip_boilerplate(text) == text


def test_boilerplate_near_duplicate_threshold_from_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("[near_duplicates]\nthreshold = 1.01\n", encoding="utf-8")
    text = f"{BODY}\n\n{NEAR[1]}"
    assert strip_boilerplate(text, load_rules(path)) == text


def test_boilerplate_teasers_lose_headlines_and_menu_items() -> None:
    teasers = "\n\n".join(
        f"Headline of story {n} elsewhere\nTop photo credit: Jane Doe\n\n"
        f"Headline of story {n} elsewhere\n\nMiddle East\n\n"
        f"Story {n} opens with a sentence about something else.\n\n"
        f"Story {n} goes on for a second paragraph.\n\nkeep readingShow less"
        for n in range(3)
    )
    text = f"{LONG_BODY}\n\n{teasers}\nLATEST\n\nBrandname\n\nNewsletter"
    assert strip_boilerplate(text) == LONG_BODY


def test_boilerplate_seed_teasers_go_without_a_cut_marker() -> None:
    """004 without its donation appeal: the teasers after it must still go."""
    page = normalize_text((RAW_DIR / "004_d1518ab767ac9925.txt").read_text(encoding="utf-8"))
    page = "\n".join(line for line in page.split("\n") if not line.startswith("Dear RS"))
    cleaned = strip_boilerplate(page)
    assert cleaned.endswith("And if not now, when?")


# --- pre-filters: a rule's required text ----------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bSubscribe Now \| Log In\b", [{"Subscribe Now | Log In"}]),
        (r"(?:Getty Images|AFP) ?/", [{"Getty Images", "AFP"}, {"/"}]),
        (r"x(?:ab)+y", [{"ab"}, {"x"}, {"y"}]),
        (r"(?:ab)?c*d{0,2}", []),  # nothing is required
        (r"(?i)more from", []),  # case folding: "in" cannot tell
        (r"Read (?i:more)", [{"Read "}]),
        (r"(?:a|b*)", []),  # one branch needs nothing
    ],
)
def test_required_text(pattern: str, needs: list[set[str]]) -> None:
    found = required_text(re.compile(pattern))
    assert sorted(map(sorted, found)) == sorted(map(sorted, needs))


def test_required_text_never_rules_out_a_match() -> None:
    """Every match of every shipped pattern holds what the pattern is said to need."""
    rules = load_rules()
    patterns = [rule.pattern for rule in (*rules.cuts, *rules.spans, *rules.lines)]
    patterns += [*rules.outlets, *rules.captions.cues]
    pages = [normalize_text(path.read_text(encoding="utf-8")) for path in _raw_texts()]
    for pattern in patterns:
        needs = required_text(pattern)
        for page in pages:
            for match in pattern.finditer(page):
                assert has_needs(needs, match.group(0)), (pattern.pattern, match.group(0))


def _raw_texts() -> list[Path]:
    return sorted(path for path in RAW_DIR.iterdir() if path.suffix in (".txt", ".md"))


def test_text_key_is_lowercase_letters_and_digits_for_every_character() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for text in (every, every[:128], "Kyiv’s 2025 “peace” plan_—ok"):
        assert text_key(text) == "".join(char for char in text.casefold() if char.isalnum())
