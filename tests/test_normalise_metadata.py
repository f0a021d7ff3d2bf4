"""Metadata guesses: a value only where the page states it clearly."""

from __future__ import annotations

import pytest

from pipeline.config import RAW_DIR
from pipeline.normalise.metadata import (
    Metadata,
    guess_author,
    guess_metadata,
    guess_outlet,
    guess_published,
    guess_title,
    normalise_date,
)
from pipeline.normalise.text import normalize_text

BODY = (
    "Putin demanded that Ukraine withdraw from the Donbas before any cease-fire could begin, "
    "and Kyiv rejected the demand within hours of hearing it from the American envoy."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Argument\n\nAn expert’s point of view.\n\nHow to Negotiate With Putin\n\n{BODY}",
            "How to Negotiate With Putin",
        ),
        (
            f"Follow us on social\ngoogle cta\n123456789_abc_o\nWhat the US Should Offer\n{BODY}",
            "What the US Should Offer",
        ),
        (
            f"Why Are We Surprised by the Alliance?\n\n{BODY}",
            "Why Are We Surprised by the Alliance?",
        ),
        (f"“If it is not possible, we need to move on.”\n\n{BODY}", None),
        (f"{BODY}\n\nShort Headline Later", None),
        (f"By Jane Doe\n\n{BODY}", None),
        (f"{BODY}\n\nThe post Big Story Title appeared first on Example Times.", "Big Story Title"),
        (
            f"Jane Doe | Reuters\n\nKyiv Rejects Ceasefire Terms\n\n{BODY}",
            "Kyiv Rejects Ceasefire Terms",
        ),
    ],
)
def test_metadata_title(text: str, expected: str | None) -> None:
    assert guess_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Headline\n\nBy Jane Doe\n\n{BODY}", "Jane Doe"),
        (f"Headline By Laurie Bristow , the president of a college. {BODY}", "Laurie Bristow"),
        (f"By SAMYA KULLAB and JOHN LEICESTER\n\n{BODY}", "Samya Kullab, John Leicester"),
        (f"By Jane Doe and John Roe, Reuters\n\n{BODY}", "Jane Doe, John Roe"),
        (
            f"By , a senior fellow at the Example Council and professor.\n\n{BODY}\n\n"
            "Stephen Sestanovich is a senior fellow at the Example Council and professor.",
            "Stephen Sestanovich",
        ),
        (f"By , a senior fellow at the Example Council.\n\n{BODY}", None),
        (f"{BODY}\n\nDavid E. Sanger covers the White House.", "David E. Sanger"),
        (
            f"{BODY}\n\nMarc Champion is a Bloomberg Opinion columnist covering Europe.",
            "Marc Champion",
        ),
        (f"By Monday, Russia had not replied.\n\n{BODY}", None),
        (BODY, None),
        (f"Headline\n\nBy JANE DOE, Reuters\n\n{BODY}", "Jane Doe"),
        (f"Headline\n\nBy Jane Doe, Associated Press\n\n{BODY}", "Jane Doe"),
        (f"Headline\n\nJane Doe | Reuters\n\n{BODY}", "Jane Doe"),
        (f"Headline\n\nJane Doe • Bloomberg\n\n{BODY}", "Jane Doe"),
        (f"Headline\n\nMiddle East | World News\n\n{BODY}", None),
        (f"By Jane Doe in Kyiv and John Roe in Moscow\n\n{BODY}", "Jane Doe, John Roe"),
        (f"By Jane Doe in Kyiv\n\n{BODY}", "Jane Doe"),
        (f"By Friday in Kyiv, no reply had come.\n\n{BODY}", None),
        (
            f"Caption of a photo. By JANE DOE and JOHN ROE European leaders {BODY}",
            "Jane Doe, John Roe",
        ),
        (f"By NATO Standards European leaders {BODY}", None),
    ],
)
def test_metadata_author(text: str, expected: str | None) -> None:
    assert guess_author(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Headline\nRussia Ukraine March 19, 2025, 2:25 PM Comment icon\n{BODY}", "2025-03-19"),
        (f"Headline\n\nMarch 19, 2025\n\n{BODY}", "2025-03-19"),
        (f"Headline\n\nUpdated: 19 March 2025 14:25 GMT\n\n{BODY}", "2025-03-19"),
        (f"Headline\n\nPublished on Sept. 2, 2024 in Kyiv\n\n{BODY}", "2024-09-02"),
        (f"Headline\n\n2025-03-19\n\n{BODY}", "2025-03-19"),
        (f"Trump and Zelensky meet on Feb. 28, 2025 in Washington.\n\n{BODY}", None),
        (f"Headline\n\nFebruary 30, 2025\n\n{BODY}", None),
        (f"{BODY * 12}\n\nMarch 19, 2025", None),
        (f"Headline\n\nAugust 18, 2025\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\n18 August 2025\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\n2025-08-18\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\nAug. 18, 2025 10:32 AM ET\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\nUpdated 3:04 PM EDT, Mon August 18, 2025\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\nMonday, August 18, 2025\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\nMon 18 Aug 2025 10.32 BST\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\nAugust 18, 2025 at 10:32 a.m. EDT\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\n18 August 2025 | 14:05 MSK\n\n{BODY}", "2025-08-18"),
        (f"Headline\n\nKyiv, August 18, 2025\n\n{BODY}", None),
        (f"Headline\n\nThe talks on August 18, 2025 failed\n\n{BODY}", None),
        (f"MOSCOW, Aug 18 (Reuters) - {BODY}", None),  # no year stated: none is assumed
    ],
)
def test_metadata_published(text: str, expected: str | None) -> None:
    assert guess_published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{BODY} © Thomson Reuters 2025.", "Reuters"),
        (
            f"{BODY}\n© Copyright 2025 The Associated Press. All rights reserved.",
            "Associated Press",
        ),
        (f"{BODY}\n\nThe post A Title appeared first on New York Times.", "New York Times"),
        (f"{BODY}\n\nCommenting is a benefit of a Foreign Policy subscription.", "Foreign Policy"),
        (
            f"{BODY}\n\nMarc Champion is a Bloomberg Opinion columnist.\n© Thomson Reuters 2025.",
            "Bloomberg",
        ),
        (f"NEW YORK (AP) -- {BODY}", "Associated Press"),
        (BODY, None),
        (f"Headline\n\nKYIV, Ukraine (AP) — {BODY}", "Associated Press"),
        (f"Headline\n\nMOSCOW, Aug 18 (Reuters) - {BODY}", "Reuters"),
        (f"ST. PETERSBURG, Russia (AP) — {BODY}", "Associated Press"),
        (f"WASHINGTON (CNN) — {BODY}", "CNN"),
        (f"Headline\n\nBy JANE DOE, Reuters\n\n{BODY}", "Reuters"),
        (f"Headline\n\nJane Doe | The Washington Post\n\n{BODY}", "Washington Post"),
        (f"Headline\n\nBy Jane Doe, Kyiv Bureau\n\n{BODY}", None),
        (f"Headline\n\nMiddle East | World News\n\n{BODY}", None),
        (f"NATO (the alliance) - {BODY}", None),
        (f"Kyiv (Reuters) - {BODY}", None),  # a dateline's place is in capitals
    ],
)
def test_metadata_outlet(text: str, expected: str | None) -> None:
    assert guess_outlet(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-19", "2025-03-19"),
        ("2025-03-19T14:25:00", "2025-03-19T14:25:00"),
        ("2025-03-19T14:25:00Z", "2025-03-19T14:25:00+00:00"),
        ("2025-03-19T16:25:00+02:00", "2025-03-19T14:25:00+00:00"),
        ("Wed, 19 Mar 2025 14:25:00 GMT", "2025-03-19T14:25:00+00:00"),
        ("March 19, 2025", "2025-03-19"),
        ("yesterday", None),
        ("2025-02-30", None),
    ],
)
def test_metadata_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        (
            "000_5b566de6e3e3d213.txt",
            Metadata(
                "How Trump Can Save His Ukraine Policy",
                "Stephen Sestanovich",
                None,
                "Foreign Policy",
            ),
        ),
        (
            "001_f0fbede2edf74489.txt",
            Metadata(None, "Laurie Bristow", "2025-03-19", "Foreign Policy"),
        ),
        (
            "002_f6c7942f0b16275c.txt",
            Metadata(
                "The U.S. is letting Putin string it along on Ukraine",
                "Marc Champion",
                None,
                "Bloomberg",
            ),
        ),
        (
            "003_6b5cb8c1ff8fde24.txt",
            Metadata(
                "Trump Administration Bolsters Putin With Hint of Abandoning Ukraine Talks",
                "David E. Sanger",
                None,
                "New York Times",
            ),
        ),
        (
            "004_d1518ab767ac9925.txt",
            Metadata(
                "What the US should offer Russia to stave off war in Ukraine", None, None, None
            ),
        ),
    ],
)
def test_metadata_seed(seed: str, expected: Metadata) -> None:
    text = normalize_text((RAW_DIR / seed).read_text(encoding="utf-8"))
    assert guess_metadata(text) == expected
