"""Page furniture of outlets the seeds do not come from: menus, teaser lists, tails.

The pages under ``tests/data/pages`` are written for these tests in the layouts of
two wire services, two broadcasters and a live blog flattened onto one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.normalise.boilerplate import strip_boilerplate
from pipeline.normalise.metadata import guess_metadata
from pipeline.normalise.text import normalize_text

PAGES = Path(__file__).parent / "data" / "pages"
BODY = (
    "Putin demanded that Ukraine withdraw from the Donbas before any cease-fire could begin, "
    "and Kyiv rejected the demand within hours of hearing it from the American envoy."
)
OTHER = "Zelensky said Ukraine would never trade land for peace, and European leaders agreed."
LATER = (
    "Witkoff was due in Moscow on Thursday for a fifth round of talks, and the Kremlin said "
    "it expected him to bring an answer on the question of foreign troops after a cease-fire."
)


def _page(name: str) -> str:
    return normalize_text((PAGES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label heading a list of other stories takes the headlines under it
        (
            f"{BODY}\n\nRead Next\nKremlin rejects Europe's plan\n2 hours ago\n"
            f"Trump says he will drop sanctions\n\n{OTHER}",
            f"{BODY}\n\n{OTHER}",
        ),
        (f"{BODY}\nMost Read:\n1 Macron urges Putin to accept truce\n{OTHER}", f"{BODY}\n{OTHER}"),
        # ... but the first line that ends like a sentence is text again
        (
            f"{BODY}\n\nRelated\nHe declined to comment.\n\n{OTHER}",
            f"{BODY}\n\nHe declined to comment.\n\n{OTHER}",
        ),
        # a vertical menu: three or more one-to-three-word lines in a row
        (f"World\nBusiness\nMarkets\nMy News\n{BODY}", BODY),
        # one short line between paragraphs is a subheading and stays
        (f"{BODY}\n\nThe sticking points\n\n{OTHER}", f"{BODY}\n\nThe sticking points\n\n{OTHER}"),
        # after the last paragraph of prose, headline-shaped lines are furniture
        (
            f"{BODY}\n\n{OTHER}\n\nGet Our Free Weekly Newsletter\nUkraine\nRussia talks live",
            f"{BODY}\n\n{OTHER}",
        ),
        # a list an article sentence introduces is text, at the end of the article too
        (
            f"{BODY}\nRussia's conditions:\n- Neutrality\n- Recognition of Crimea\n- No troops",
            f"{BODY}\nRussia's conditions:\n- Neutrality\n- Recognition of Crimea\n- No troops",
        ),
        # credits, link labels, video cards and outlet slugs
        (f"{BODY}\nReporting by Jane Roe; Editing by John Doe", BODY),
        (
            f"{BODY}\nOur Standards: The Trust Principles., opens new tab\n{OTHER}",
            f"{BODY}\n{OTHER}",
        ),
        (f"{BODY}\n- Source: CNN\n{OTHER}", f"{BODY}\n{OTHER}"),
        (f"{BODY}\nZelensky: Putin wants all of Donbas 02:31\n{OTHER}", f"{BODY}\n{OTHER}"),
        (f"CNN —\n{BODY}", BODY),
        (f"{BODY}\nUTC Updated 2 hours ago\n{OTHER}", f"{BODY}\n{OTHER}"),
        # prompts that end like sentences
        (f"{BODY}\nBy subscribing you agree to our privacy policy.\n{OTHER}", f"{BODY}\n{OTHER}"),
        (
            f"{BODY}\nSign up for the Morning Briefing in Europe newsletter.\n{OTHER}",
            f"{BODY}\n{OTHER}",
        ),
        (f"{BODY}\n© 2025 Example News. A Media Company. All Rights Reserved.", BODY),
        # wire photo carousel captions
        (
            "Item 1 of 3 Vladimir Putin attends a meeting in Moscow. "
            f"Ivan Petrov/Pool via REUTERS/File Photo\n{BODY}",
            BODY,
        ),
        # live-blog widgets inside a flattened page
        (
            f"{BODY} Key events Show key events only "
            f"Please turn on JavaScript to use this feature {OTHER}",
            f"{BODY} {OTHER}",
        ),
        (f"{BODY} Share Updated at 10.02 GMT {OTHER}", f"{BODY} {OTHER}"),
        (
            f"{BODY} {OTHER} {LATER} Explore more on these topics Ukraine Russia Share "
            "Reuse this content Most viewed",
            f"{BODY} {OTHER} {LATER}",
        ),
    ],
)
def test_furniture_of_other_outlets_goes(text: str, expected: str) -> None:
    assert strip_boilerplate(text) == expected


@pytest.mark.parametrize(
    ("page", "first", "last"),
    [
        (
            "wire_page.txt",
            "Russia rejects European peacekeepers as Witkoff heads to Moscow",
            "The Kremlin said President Vladimir Putin was open to a meeting with Zelenskiy "
            "only once a final agreement was ready.",
        ),
        (
            "broadcaster_page.txt",
            "Ukrainian President Volodymyr Zelensky on Sunday called for an immediate ceasefire",
            "according to people familiar with the meeting.",
        ),
        (
            "live_blog_one_line.txt",
            "Russia-Ukraine war live:",
            "German chancellor Friedrich Merz urged Trump not to force Ukraine "
            "into accepting a bad deal.",
        ),
        (
            "agency_page.txt",
            "Kremlin says Putin is ready for talks but rejects key points of US plan",
            "urged Washington not to pressure Ukraine into giving up land.",
        ),
        (
            "public_broadcaster_page.txt",
            "Ukraine rejects Russian demand to cede Donetsk",
            '"Article 5-like" security guarantees.',
        ),
    ],
)
def test_pages_keep_their_article_between_its_edges(page: str, first: str, last: str) -> None:
    text = strip_boilerplate(_page(page))
    lines = text.split("\n")
    assert text.count(first) == 1 and text.count(last) == 1
    assert lines[0].startswith(first) or lines[1].startswith(first)
    assert lines[-1].endswith(last)


@pytest.mark.parametrize(
    ("page", "junk"),
    [
        ("wire_page.txt", "Read Next"),
        ("wire_page.txt", "Zelenskiy says Ukraine will not give up Donbas as Putin demands"),
        ("wire_page.txt", "Macron urges Putin to accept truce"),
        ("wire_page.txt", "Sign In"),
        ("wire_page.txt", "Reporting by"),
        ("wire_page.txt", "Item 1 of 3"),
        ("wire_page.txt", "Advertisement"),
        ("broadcaster_page.txt", "Trump tells Zelensky to accept Putin's terms"),
        ("broadcaster_page.txt", "Ad Feedback"),
        ("broadcaster_page.txt", "newsletter"),
        ("broadcaster_page.txt", "Warner Bros"),
        ("broadcaster_page.txt", "Sign out"),
        ("live_blog_one_line.txt", "View image in fullscreen"),
        ("live_blog_one_line.txt", "JavaScript"),
        ("live_blog_one_line.txt", "Most viewed"),
        ("agency_page.txt", "U.S.\n"),
        ("agency_page.txt", "By JANE ROE"),
        ("agency_page.txt", "Updated 5:42 PM"),
        ("agency_page.txt", "ADVERTISEMENT"),
        ("agency_page.txt", "Trump envoy meets Putin"),
        ("agency_page.txt", "Copyright"),
        ("public_broadcaster_page.txt", "iPlayer"),
        ("public_broadcaster_page.txt", "What is in the US peace plan"),
        ("public_broadcaster_page.txt", "Witkoff in Moscow"),
        ("public_broadcaster_page.txt", "Related topics"),
    ],
)
def test_pages_lose_their_furniture(page: str, junk: str) -> None:
    assert junk not in strip_boilerplate(_page(page))


@pytest.mark.parametrize(
    ("page", "title", "author", "outlet", "published"),
    [
        (
            "wire_page.txt",
            "Russia rejects European peacekeepers as Witkoff heads to Moscow",
            "Anna Lindqvist, Peter Hale",
            "Reuters",
            "2025-11-27",
        ),
        (
            "agency_page.txt",
            "Kremlin says Putin is ready for talks but rejects key points of US plan",
            "Jane Roe, Oleg Petrenko",
            "Associated Press",
            "2025-11-30",
        ),
        # no byline: the headline is the line above the timestamp, not the masthead
        (
            "public_broadcaster_page.txt",
            "Ukraine rejects Russian demand to cede Donetsk",
            None,
            "BBC",
            None,
        ),
    ],
)
def test_metadata_under_a_menu_and_masthead(
    page: str, title: str, author: str | None, outlet: str, published: str | None
) -> None:
    meta = guess_metadata(_page(page))
    assert (meta.title, meta.author, meta.outlet, meta.published) == (
        title,
        author,
        outlet,
        published,
    )
