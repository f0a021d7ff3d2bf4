"""Page splitting: complete articles printed one after another become separate parts."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.config import RAW_DIR
from pipeline.normalise.boilerplate import load_rules, strip_boilerplate
from pipeline.normalise.split import Part, split_page
from pipeline.normalise.text import normalize_text

SENTENCES = [
    "Putin demanded that Ukraine withdraw from the Donbas before any cease-fire could begin.",
    "Kyiv rejected the demand within hours of hearing it from the American envoy in Riyadh.",
    "European leaders said they would keep sending air defence systems through the winter.",
    "The Kremlin spokesman said Moscow was ready to talk but would not freeze the front line.",
    "Officials in Washington described the proposal as a first step toward a wider settlement.",
    "Analysts noted that neither side had moved on the question of security guarantees at all.",
]


def _body(topic: str, paragraphs: int = 5) -> str:
    """Article text of about 30 words a paragraph, different for every topic."""
    return "\n".join(
        f"{topic} report, paragraph {n}: {SENTENCES[n % 6]} {SENTENCES[(n + 2) % 6]}"
        for n in range(paragraphs)
    )


MAIN = f"Main Headline About The Talks\nBy Jane Doe\n{_body('Main')}"
CARD = "{outlet}\n{age} hours ago\n- {outlet}\n{headline}\n{body}"


@cache
def _seed_parts(name: str) -> list[Part]:
    return split_page(normalize_text((RAW_DIR / name).read_text(encoding="utf-8")))


def _cards(*headlines: str) -> str:
    return "\n\n".join(
        CARD.format(outlet="Example Today", age=n + 1, headline=headline, body=_body(headline))
        for n, headline in enumerate(headlines)
    )


def test_split_link_cards_after_related_label() -> None:
    page = f"{MAIN}\n\nComments\nRelated Articles\n\n" + _cards(
        "Kyiv rejects the Kremlin terms for a truce", "Envoys meet again in Geneva next week"
    )
    parts = split_page(page)
    assert [part.title for part in parts] == [
        None,
        "Kyiv rejects the Kremlin terms for a truce",
        "Envoys meet again in Geneva next week",
    ]
    assert [part.outlet for part in parts] == [None, "Example Today", "Example Today"]
    assert "".join(part.text for part in parts) == page  # nothing lost, nothing doubled
    assert "Kyiv rejects" not in strip_boilerplate(parts[0].text)


def test_split_headline_with_byline_and_date() -> None:
    second = f"Second Story On The Ceasefire Plan\nBy John Roe\nMarch 20, 2025\n{_body('Second')}"
    parts = split_page(f"{MAIN}\n\n{second}")
    assert len(parts) == 2
    assert parts[1].title == "Second Story On The Ceasefire Plan"
    assert parts[1].text.startswith("Second Story")


def test_split_marker_then_headline() -> None:
    page = f"{MAIN}\n\nRead next\n\nWhat the Geneva round could bring\n{_body('Next')}"
    parts = split_page(page)
    assert [part.title for part in parts] == [None, "What the Geneva round could bring"]


@pytest.mark.parametrize(
    "page",
    [
        # a subheading inside an article has no byline, timestamp or marker
        f"{MAIN}\n\nWhat Comes Next For Kyiv\n{_body('Later')}",
        # a byline at the top heads the page's own article
        f"Headline On Top Of The Page\nBy Jane Doe\nMarch 3, 2025\n{_body('Only')}",
        # link cards with one-line blurbs are teasers, not articles
        f"{MAIN}\n\nRelated\n\n"
        + "\n\n".join(
            CARD.format(outlet="Wire", age=2, headline=f"Teaser headline number {n}", body=text)
            for n, text in enumerate(SENTENCES[:3])
        ),
    ],
)
def test_split_keeps_single_articles_whole(page: str) -> None:
    assert split_page(page) == [Part(page)]


def test_split_short_preamble_joins_first_article() -> None:
    page = f"Menu\nSearch\n\nFirst Article Headline Here\nBy Jane Doe\n{_body('Top')}"
    assert split_page(page) == [Part(page, title="First Article Headline Here")]


def test_split_without_cues_never_splits(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[labels]\nlines = ["Menu"]\n', encoding="utf-8")
    page = f"{MAIN}\n\nRelated Articles\n\n" + _cards("Kyiv rejects the Kremlin terms again")
    assert len(split_page(page, load_rules(path))) == 1


def test_split_seed_with_related_articles() -> None:
    parts = _seed_parts("002_f6c7942f0b16275c.txt")
    assert len(parts) == 4
    assert all(part.title for part in parts[1:])
    assert parts[1].title.startswith("Putin agrees that US, Europe could offer")


@pytest.mark.parametrize(
    "seed",
    [
        "000_5b566de6e3e3d213.txt",
        "001_f0fbede2edf74489.txt",
        "003_6b5cb8c1ff8fde24.txt",
        "004_d1518ab767ac9925.txt",
    ],
)
def test_split_single_article_seeds(seed: str) -> None:
    assert len(_seed_parts(seed)) == 1
