"""Topic finding beside the claims: the finder's shortcuts agree with the topic lexicon.
The topic cases (a claim's object decides its topic) are data in tests/cases/topics.jsonl."""

from __future__ import annotations

from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.topics import TopicFinder


def test_extract_topics_finder_applies_ignore_and_weak_like_the_lexicon(
    extractor: ClaimExtractor,
) -> None:
    lexicon = extractor.topics
    finder = TopicFinder(lexicon)
    assert lexicon.ignore is not None and lexicon.weak
    terms = [*lexicon.ignore.terms, *(term for matcher in lexicon.weak for term in matcher.terms)]
    texts = [f"They want {term} NATO stays out." for term in terms]
    texts += [f"{term.upper()}: guarantees." for term in terms]
    for text in texts:
        assert finder.find(text) == lexicon.find(text), text
