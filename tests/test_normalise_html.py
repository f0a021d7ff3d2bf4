"""Saved web pages: the article's paragraphs and declared metadata, none of the page around it."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys

import pytest

from pipeline.normalise.html import Page, extract_page

ARTICLE = (
    "Ukraine rejected on Monday a Russian demand that it withdraw from the Donetsk region "
    "before any ceasefire could begin.",
    "“We will not give up our land,” President Volodymyr Zelensky said in Kyiv after "
    "meeting European leaders.",
    "Moscow insisted that talks could only start once Kyiv accepted the new borders, "
    "a condition Western officials called unacceptable.",
)
FURNITURE = (
    "Sport",
    "Weather",
    "Example News",
    "Sign up for the morning briefing",
    "Get the day's top stories in your inbox",
    "Related stories",
    "Markets fall on oil price fears",
    "Football club wins the cup final",
    "Privacy policy",
    "All rights reserved",
)


def _page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )


HEAD = """
<title>Kyiv rejects ceasefire terms | Example News</title>
<meta property="og:title" content="Kyiv rejects ceasefire terms">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.com/world/kyiv-rejects-terms">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-08-18T10:32:00Z">
"""
PARAGRAPHS = "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE)
FULL_PAGE = _page(
    f"""
<header><a href="/">Example News</a>
  <nav><ul><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
</header>
<main><article>
  <h1>Kyiv rejects ceasefire terms</h1>
  {PARAGRAPHS}
  <aside class="newsletter"><h3>Sign up for the morning briefing</h3>
    <p>Get the day's top stories in your inbox</p><button>Subscribe</button></aside>
</article>
<section class="related"><h2>Related stories</h2><ul>
  <li><a href="/a">Markets fall on oil price fears</a></li>
  <li><a href="/b">Football club wins the cup final</a></li></ul></section>
</main>
<footer><p>© 2025 Example News. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a></footer>
""",
    HEAD,
)


@pytest.fixture
def page() -> Page:
    result = extract_page(FULL_PAGE)
    assert result is not None
    return result


def test_html_keeps_the_article_paragraphs(page: Page) -> None:
    assert page.text == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("furniture", FURNITURE)
def test_html_drops_page_furniture(page: Page, furniture: str) -> None:
    assert furniture not in page.text


def test_html_headline_goes_to_metadata_not_text(page: Page) -> None:
    assert page.title == "Kyiv rejects ceasefire terms"
    assert "Kyiv rejects ceasefire terms" not in page.text


def test_html_declared_metadata(page: Page) -> None:
    assert (page.author, page.published, page.outlet, page.url) == (
        "Jane Doe",
        "2025-08-18",
        "Example News",
        "https://news.example.com/world/kyiv-rejects-terms",
    )


def test_html_url_from_canonical_link() -> None:
    head = '<link rel="canonical" href="https://news.example.com/a/1">'
    result = extract_page(_page(f"<article>{PARAGRAPHS}</article>", head))
    assert result is not None and result.url == "https://news.example.com/a/1"


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ('<link rel="canonical" href="https://news.example.com/a/1">', None),
        ('<meta property="og:site_name" content="Example News">', "Example News"),
    ],
)
def test_html_host_name_is_not_an_outlet(head: str, outlet: str | None) -> None:
    result = extract_page(_page(f"<article>{PARAGRAPHS}</article>", head))
    assert result is not None and result.outlet == outlet


def test_html_authors_joined_like_other_inputs() -> None:
    head = '<meta name="author" content="Jane Doe; John Roe">'
    result = extract_page(_page(f"<article>{PARAGRAPHS}</article>", head))
    assert result is not None and result.author == "Jane Doe, John Roe"


def test_html_states_nothing_it_does_not_have() -> None:
    result = extract_page(_page(f"<article>{PARAGRAPHS}</article>"))
    assert result is not None
    assert (result.title, result.author, result.published, result.outlet, result.url) == (
        None,
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    "body",
    [
        "<article><p>Russia demanded that Ukraine withdraw its troops.</p></article>",
        "<div><p>Russia demanded that Ukraine withdraw its troops.</p></div>",
    ],
)
def test_html_keeps_a_short_article(body: str) -> None:
    result = extract_page(_page(body))
    assert result is not None and result.text == "Russia demanded that Ukraine withdraw its troops."


def test_html_structure_inside_the_article() -> None:
    body = (
        "<article><p>First <b>bold <i>words</i></b> here<br>and a second line.</p>"
        "<blockquote><p>Quoted paragraph of the envoy.</p></blockquote>"
        "<ul><li>First point of the plan.</li><li>Second point of the plan.</li></ul></article>"
    )
    result = extract_page(_page(body))
    assert result is not None
    assert result.text.split("\n\n") == [
        "First bold words here\nand a second line.",
        "Quoted paragraph of the envoy.",
        "First point of the plan.",
        "Second point of the plan.",
    ]


@pytest.mark.parametrize(
    "html",
    [
        _page("<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"),
        _page("<script>var claim = 'Putin said no';</script>"),
        "<html><head><title>Only a title</title></head></html>",
        "Putin said no, but this is not a web page.",
    ],
)
def test_html_without_article_is_none(html: str) -> None:
    assert extract_page(html) is None


def test_html_is_quiet_and_offline(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction must not use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with caplog.at_level(logging.DEBUG):
        assert extract_page(FULL_PAGE) is not None
        assert extract_page("not a page") is None
    assert not [record for record in caplog.records if record.name.startswith("trafilatura")]


def test_html_extractor_is_imported_on_first_use() -> None:
    code = (
        "import sys, pipeline.normalise.readers, pipeline.normalise.text; "
        "print(sorted({'trafilatura', 'ftfy'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
