"""Article text and metadata from a web page saved by a browser.

A saved page holds the whole site around the article: navigation, sign-up
boxes, "related stories", footers. trafilatura finds the article body among
them and reads the metadata the page declares (meta tags, JSON-LD, canonical
link), which states title, author and date more reliably than the text does.
Everything runs offline on the saved bytes: no URL is ever fetched.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# trafilatura's body tree: elements that hold one paragraph of text each.
_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "cell"})
# Libraries that log every page they find thin; a Reject already says why a page was not used.
_NOISY_LOGGERS = ("trafilatura", "htmldate", "justext", "courlan", "readability")
# A bare host name ("news.example.com") is where the page lives, not what the outlet is called.
_HOST_NAME = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_OPTIONS: dict[str, Any] = {
    "favor_recall": True,  # short articles (a few paragraphs) are articles too
    "include_comments": False,  # reader comments are not the article
    "include_tables": False,  # tables hold figures, not sentences with claims
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "deduplicate": False,  # a quote repeated in the article must stay where it stands
    # Only dates the page's markup or URL states; the text is searched later, more strictly.
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}


@dataclass(frozen=True)
class Page:
    """The article text of a page (paragraphs separated by blank lines) and its metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def extract_page(html: str) -> Page | None:
    """The article in ``html``, or None when the page holds no article text."""
    import trafilatura  # imported here: slow to import, and only HTML inputs need it
    from trafilatura.settings import Document

    _quiet_logs()
    document = trafilatura.bare_extraction(html, config=_config(), **_OPTIONS)
    if not isinstance(document, Document) or document.body is None:  # None: no article
        return None
    title = _value(document.title)
    text = "\n\n".join(_without_title(_paragraphs(document.body), title))
    if not text.strip():
        return None
    return Page(
        text=text,
        title=title,
        author=_authors(document.author),
        published=_value(document.date),
        outlet=_outlet(document.sitename),
        url=_value(document.url),
    )


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    """trafilatura's defaults, pinned where they decide what leaves or enters the result."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTERNAL_URLS", "off")  # never follow a link out of the page
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")  # dates from markup, not any text
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")  # a one-paragraph article is still kept
    return config


@lru_cache(maxsize=1)
def _quiet_logs() -> None:
    """Silence the extraction libraries' per-page warnings (thin page, no date found)."""
    for name in _NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _paragraphs(body: Any) -> list[str]:
    """One string per innermost text block, so paragraph boundaries survive extraction."""
    found = []
    for element in body.iter(*_BLOCKS):
        if _wraps_blocks(element):
            continue  # a quote or list item wrapping paragraphs: they come on their own
        lines = (" ".join(line.split()) for line in _text(element).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            found.append(text)
    return found


def _wraps_blocks(element: Any) -> bool:
    return any(inner is not element for inner in element.iter(*_BLOCKS))


def _text(element: Any) -> str:
    """An element's words in order; ``<lb/>`` (a ``<br>`` in the page) is a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _without_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop the headline printed atop the body: the title belongs in metadata, not the text."""
    if paragraphs and title and _same_words(paragraphs[0], title):
        return paragraphs[1:]
    return paragraphs


def _same_words(first: str, second: str) -> bool:
    return first.casefold().split() == second.casefold().split()


def _authors(value: str | None) -> str | None:
    """trafilatura joins authors with "; "; the rest of the pipeline writes "A, B"."""
    value = _value(value)
    return ", ".join(part.strip() for part in value.split(";") if part.strip()) if value else None


def _outlet(value: str | None) -> str | None:
    """The site's declared name; a host name is left out so the text can name the outlet."""
    value = _value(value)
    return None if value is None or _HOST_NAME.match(value) else value


def _value(value: str | None) -> str | None:
    """Metadata as one line of text, None when empty."""
    text = " ".join(value.split()) if value else ""
    return text or None
