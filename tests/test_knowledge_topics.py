"""The topic lexicon: the loader's checks, the matching rules and the shipped terms."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from pipeline.config import ConfigError
from pipeline.knowledge.topics import OTHER, TopicLexicon, load_topic_lexicon

GUIDELINE_TOPICS = {
    "ceasefire", "territory", "nato", "security_guarantees", "sanctions", "military_aid",
    "demilitarization", "regime", "energy", "economy", "negotiations", "other",
}  # fmt: skip

SMALL_FILE = """
order = ["ceasefire", "energy"]

[[topics]]
id = "ceasefire"
terms = ["truce", "cease fire"]

[[topics]]
id = "energy"
terms = ["power plant"]
"""


@pytest.fixture(scope="module")
def lexicon() -> TopicLexicon:
    return load_topic_lexicon()


def _load(tmp_path: Path, text: str) -> TopicLexicon:
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    return load_topic_lexicon(path)


def _found(lexicon: TopicLexicon, text: str) -> list[tuple[str, str]]:
    return [(hit.topic, text[hit.start : hit.end]) for hit in lexicon.find(text)]


@pytest.mark.parametrize(
    ("text", "topic", "words"),
    [
        # ceasefire
        ("The Kremlin turned down a 30-day ceasefire on Tuesday.", "ceasefire", "ceasefire"),
        ("Kyiv said it was ready for an unconditional cease-fire.", "ceasefire", "cease-fire"),
        ("He wants a truce before the winter.", "ceasefire", "truce"),
        ("Both armies agreed to halt the fighting at dawn.", "ceasefire", "halt the fighting"),
        ("The envoy pressed for a pause in the fighting.", "ceasefire", "pause in the fighting"),
        (
            "Moscow refused to freeze the conflict along the river.",
            "ceasefire",
            "freeze the conflict",
        ),
        ("Negotiators drafted ceasefire talks for next week.", "ceasefire", "ceasefire talks"),
        # territory
        ("Moscow insists on keeping all of Donetsk.", "territory", "Donetsk"),
        ("Kyiv will never give up Crimea.", "territory", "Crimea"),
        (
            "The plan would recognise Russian sovereignty over the peninsula.",
            "territory",
            "recognise Russian sovereignty",
        ),
        ("Ukraine rejected any territorial concessions.", "territory", "territorial"),
        ("The proposal redraws the front line near the city.", "territory", "front line"),
        (
            "Russia demanded that Ukraine withdraw its troops from the east.",
            "territory",
            "withdraw its troops",
        ),
        ("Zelensky refused to trade land for a pause.", "territory", "trade land"),
        ("He floated a land swap with the Kremlin.", "territory", "land swap"),
        # security guarantees
        (
            "Kyiv wants security guarantees from Washington.",
            "security_guarantees",
            "security guarantees",
        ),
        ("London offered to lead a reassurance force.", "security_guarantees", "reassurance force"),
        ("Paris proposed an Article 5-style pledge.", "security_guarantees", "Article 5-style"),
        ("Moscow ruled out European peacekeepers.", "security_guarantees", "peacekeepers"),
        ("Washington declined to provide a backstop.", "security_guarantees", "backstop"),
        (
            "The coalition of the willing met in Paris.",
            "security_guarantees",
            "coalition of the willing",
        ),
        # nato
        ("Moscow demands that Kyiv drop its bid to join NATO.", "nato", "join NATO"),
        ("He ruled out Ukraine's NATO membership.", "nato", "NATO membership"),
        ("The Kremlin wants a halt to NATO enlargement.", "nato", "NATO enlargement"),
        ("Kyiv would accept neutrality only with guarantees.", "nato", "neutrality"),
        # demilitarization
        ("Russia wants the demilitarization of Ukraine.", "demilitarization", "demilitarization"),
        (
            "The draft puts a cap on Ukraine's armed forces.",
            "demilitarization",
            "cap on Ukraine's armed forces",
        ),
        ("Moscow asked Kyiv to stop mobilization.", "demilitarization", "mobilization"),
        ("Europe vowed to help Ukraine rearm after any deal.", "demilitarization", "rearm"),
        # regime
        ("Putin again called for the denazification of Ukraine.", "regime", "denazification"),
        ("The Kremlin demanded new elections in Ukraine.", "regime", "elections"),
        ("He questioned the legitimacy of the Ukrainian president.", "regime", "legitimacy"),
        ("Officials denied seeking regime change in Kyiv.", "regime", "regime change"),
        # sanctions
        ("Russia wants sanctions lifted before any deal.", "sanctions", "sanctions"),
        ("Trump threatened secondary tariffs on buyers.", "sanctions", "secondary tariffs"),
        ("The EU kept the oil price cap in place.", "sanctions", "oil price cap"),
        ("Brussels will use frozen assets to fund Kyiv.", "sanctions", "frozen assets"),
        # military aid
        ("Kyiv asked for more Patriot batteries.", "military_aid", "Patriot"),
        ("Washington paused military aid to Ukraine.", "military_aid", "military aid"),
        ("He refused to send Tomahawks.", "military_aid", "Tomahawks"),
        ("The White House suspended intelligence sharing.", "military_aid", "intelligence sharing"),
        ("Europe pledged more weapons and ammunition.", "military_aid", "weapons"),
        # energy
        ("Both sides agreed to spare energy infrastructure.", "energy", "energy infrastructure"),
        (
            "Russia wants control of the Zaporizhzhia nuclear plant.",
            "energy",
            "Zaporizhzhia nuclear",
        ),
        ("Strikes on the power grid must end.", "energy", "power grid"),
        # economy
        ("Kyiv signed the minerals deal in April.", "economy", "minerals deal"),
        ("He dangled rare earths and new investment.", "economy", "rare earths"),
        ("Moscow sought an economic reset with Washington.", "economy", "economic"),
        ("The sides discussed trade and business ties.", "economy", "trade"),
        # negotiations
        ("Russia agreed to direct talks in Istanbul.", "negotiations", "talks"),
        ("Trump proposed a summit in Budapest.", "negotiations", "summit"),
        ("Kyiv wants Europe at the negotiating table.", "negotiations", "negotiating"),
        ("Moscow rejected Turkish mediation.", "negotiations", "mediation"),
        # other
        ("Both sides agreed to a prisoner exchange.", "other", "prisoner"),
        ("Kyiv demanded the return of deported children.", "other", "deported children"),
        ("Moscow insists on addressing the root causes of the conflict.", "other", "root causes"),
        ("Ukraine still seeks EU membership.", "other", "EU membership"),
    ],
)
def test_knowledge_topics_finds_typical_phrasings(
    lexicon: TopicLexicon, text: str, topic: str, words: str
) -> None:
    assert (topic, words) in _found(lexicon, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Russia annexed four regions.", ["annexed", "four regions"]),
        ("The annexation of Crimea stands.", ["annexation", "Crimea"]),
        ("The Crimean bridge was hit.", ["Crimean"]),
        ("He proposed peacekeeping troops.", ["peacekeeping"]),
        ("Europe is rearming fast.", ["rearming"]),
    ],
)
def test_knowledge_topics_wildcard_continues_word(
    lexicon: TopicLexicon, text: str, words: list[str]
) -> None:
    assert [text[hit.start : hit.end] for hit in lexicon.find(text)] == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Two truces collapsed.", ["truces"]),
        ("He offered three guarantees.", ["guarantees"]),
        ("Russia struck the power plants.", ["power plants"]),
        ("Sanctions and tariffs rose.", ["Sanctions", "tariffs"]),
        ("They talked about F-16s.", ["F-16s"]),
        ("A ceasefire, then more ceasefires.", ["ceasefire", "ceasefires"]),
    ],
)
def test_knowledge_topics_plain_term_matches_plural(
    lexicon: TopicLexicon, text: str, words: list[str]
) -> None:
    assert [text[hit.start : hit.end] for hit in lexicon.find(text)] == words


@pytest.mark.parametrize(
    "text",
    [
        "Both sides say they want peace.",  # "peace" alone names no topic
        "Two Kremlin aides spoke to reporters.",  # "aid" is not "aides"
        "The patriotic crowd cheered.",  # "Patriot" is not "patriotic"
        "It was a landmark day in the Netherlands.",  # "land" only as a word
        "In accordance with the rules, he left.",  # "accord" is not "accordance"
        "That is non-negotiable, he said.",  # a rejection stance, not a topic
        "Tensions are heating up.",
    ],
)
def test_knowledge_topics_ignores_lookalikes(lexicon: TopicLexicon, text: str) -> None:
    assert lexicon.find(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The oil price cap stays.", [("sanctions", "oil price cap")]),
        ("They toured the Zaporizhzhia plant.", [("energy", "Zaporizhzhia plant")]),
        ("They toured Zaporizhzhia.", [("territory", "Zaporizhzhia")]),
        (
            "The EU membership talks resumed.",
            [("other", "EU membership"), ("negotiations", "talks")],
        ),
        ("A demilitarized zone along the line.", [("territory", "demilitarized zone")]),
        ("A sanctions regime was kept.", [("sanctions", "sanctions regime")]),
        (
            "Talks on NATO-style guarantees.",
            [
                ("negotiations", "Talks"),
                ("security_guarantees", "NATO-style"),
                ("security_guarantees", "guarantees"),
            ],
        ),
    ],
)
def test_knowledge_topics_longest_term_wins(
    lexicon: TopicLexicon, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(lexicon, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Putin’s demand: Kyiv’s neutrality, a cap on Ukraine’s army and a cease-fire.",
        "\n\nÉlysée aides said   the   cease\nfire talks, sanctions and Crimea mattered.",
    ],
)
def test_knowledge_topics_offsets_cover_matched_words(lexicon: TopicLexicon, text: str) -> None:
    hits = lexicon.find(text)
    assert hits
    assert [hit.start for hit in hits] == sorted(hit.start for hit in hits)
    for previous, hit in pairwise(hits):
        assert previous.end <= hit.start
    for hit in hits:
        words = text[hit.start : hit.end]
        assert words == words.strip()
        assert not text[hit.start - 1 : hit.start].isalnum()
        assert not text[hit.end : hit.end + 1].isalnum()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Putin’s cap on Ukraine’s army.", "cap on Ukraine’s army"),
        ("A cap on Ukraine's army.", "cap on Ukraine's army"),
        ("The cease fire held.", "cease fire"),
        ("The cease - fire held.", "cease - fire"),
        ("The cease\nfire held.", "cease\nfire"),
    ],
)
def test_knowledge_topics_apostrophes_and_gaps(
    lexicon: TopicLexicon, text: str, words: str
) -> None:
    assert [text[hit.start : hit.end] for hit in lexicon.find(text)] == [words]


@pytest.mark.parametrize(
    ("order", "winner"),
    [('["first", "second"]', "first"), ('["second", "first"]', "second")],
)
def test_knowledge_topics_order_breaks_ties(tmp_path: Path, order: str, winner: str) -> None:
    text = f"""
order = {order}
[[topics]]
id = "first"
terms = ["grid*"]
[[topics]]
id = "second"
terms = ["grid"]
"""
    lexicon = _load(tmp_path, text)
    assert [hit.topic for hit in lexicon.find("The grid failed.")] == [winner]
    assert lexicon.topics[-1] == OTHER


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            SMALL_FILE.replace('"ceasefire", "energy"]', '"ceasefire", "energy", "oil"]'),
            "'order' names 'oil'",
        ),
        (SMALL_FILE.replace('id = "energy"', 'id = "ceasefire"'), "defined twice"),
        (SMALL_FILE.replace('terms = ["power plant"]', "terms = []"), "'terms' must be"),
        (
            SMALL_FILE.replace('terms = ["power plant"]', 'terms = ["power plant", " "]'),
            "non-empty string",
        ),
        (
            SMALL_FILE.replace('terms = ["power plant"]', 'terms = ["Cease-fire"]'),
            "already listed under 'ceasefire'",
        ),
        (SMALL_FILE.replace('terms = ["power plant"]', 'terms = ["po*wer"]'), "'*' may only end"),
        (SMALL_FILE.replace('terms = ["power plant"]', 'terms = ["*"]'), "'*' may only end"),
        (SMALL_FILE.replace('"ceasefire", "energy"]', '"ceasefire"]'), "add energy to 'order'"),
        (
            SMALL_FILE.replace('"ceasefire", "energy"]', '"other", "ceasefire", "energy"]'),
            "must come last",
        ),
        (
            SMALL_FILE.replace('"ceasefire", "energy"]', '"energy", "ceasefire", "energy"]'),
            "appears twice",
        ),
        (SMALL_FILE.replace('order = ["ceasefire", "energy"]', ""), "'order' must be"),
        (SMALL_FILE.replace('id = "energy"\n', ""), "needs a non-empty 'id'"),
        ("order = []\n", "no [[topics]] entries"),
        ("order = [\n", "not valid TOML"),
    ],
)
def test_knowledge_topics_rejects_bad_file(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        _load(tmp_path, text)
    assert message in str(error.value)
    assert "topics.toml" in str(error.value)


@pytest.mark.parametrize("expected", [GUIDELINE_TOPICS])
def test_knowledge_topics_shipped_topics_are_the_guidelines(
    lexicon: TopicLexicon, expected: set[str]
) -> None:
    assert set(lexicon.topics) == expected
    assert lexicon.topics[-1] == OTHER
    assert {matcher.topic for matcher in lexicon.matchers} >= expected - {OTHER}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weak phrase hides the term inside it and is marked weak; others are found
        (
            "Written guarantees that NATO will not expand.",
            [("security_guarantees", "Written guarantees", True), ("nato", "NATO", False)],
        ),
        (
            "They want guarantees that Kyiv stays out.",
            [("security_guarantees", "guarantees that", True)],
        ),
        # a longer term that starts earlier still wins over the weak phrase
        (
            "Security guarantees that deter Russia.",
            [("security_guarantees", "Security guarantees", False)],
        ),
        ("Kyiv wants guarantees.", [("security_guarantees", "guarantees", False)]),
        # an ignored phrase hides the term inside it and is not reported
        ("A truce on land, at sea and in the air.", [("ceasefire", "truce", False)]),
    ],
)
def test_knowledge_topics_weak_and_ignored_phrases(
    lexicon: TopicLexicon, text: str, expected: list[tuple[str, str, bool]]
) -> None:
    found = [(hit.topic, text[hit.start : hit.end], hit.weak) for hit in lexicon.find(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        ("Zelensky said he would never agree to that.", "that"),
        ("Zelensky rejected it, saying Ukraine would not yield.", "it"),
        ("It is impossible to do this under pressure.", "this"),
        ("Offering Putin this concession was a mistake.", "this concession"),
        ("Europe rejected such a move.", "such a move"),
        ("Trump made this major concession early.", "this major concession"),
    ],
)
def test_knowledge_topics_anaphora_finds_pointing_back_objects(
    lexicon: TopicLexicon, text: str, pointer: str
) -> None:
    assert lexicon.anaphora is not None
    assert [m.group(0) for m in lexicon.anaphora.finditer(text)] == [pointer]


@pytest.mark.parametrize(
    "text",
    [
        "Russia demanded that Kyiv withdraw from Donetsk.",  # "that" opens a clause
        "Russia insisted that, in any deal, Ukraine must leave.",  # not before a comma
        "Russia said it would keep the land.",  # "it" opens a clause
        "Kyiv rejected this proposal for a land swap.",  # the noun has its own complement
    ],
)
def test_knowledge_topics_anaphora_skips_clause_openers(lexicon: TopicLexicon, text: str) -> None:
    assert lexicon.anaphora is not None
    assert not lexicon.anaphora.search(text)


def test_knowledge_topics_narrowing(tmp_path: Path) -> None:
    lexicon = _load(tmp_path, SMALL_FILE + '\n[narrow]\nceasefire = ["energy"]\n')
    assert lexicon.narrower("ceasefire", "energy")
    assert not lexicon.narrower("energy", "ceasefire")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('\n[narrow]\nceasefire = ["oil"]\n', "'narrow.ceasefire' lists 'oil'"),
        ('\n[narrow]\nceasefire = ["ceasefire"]\n', "'narrow.ceasefire' lists 'ceasefire'"),
        ('\n[narrow]\noil = ["energy"]\n', "'narrow.oil' must name a topic"),
        ("\n[anaphora]\nnouns = []\n", "'anaphora.determiners'"),
        ('\n[anaphora]\nverbs = ["x"]\n', "'anaphora.determiners'"),
        ('\n[weak]\noil = ["x"]\n', "'weak.oil' must name a topic"),
        ("\n[weak]\nenergy = []\n", "'weak.energy'"),
    ],
)
def test_knowledge_topics_rejects_bad_extras(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        _load(tmp_path, SMALL_FILE + extra)
    assert message in str(error.value)


def test_knowledge_topics_rejects_bad_ignore(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        _load(tmp_path, 'ignore = [" "]\n' + SMALL_FILE)
    assert "'ignore'" in str(error.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow wants a cap on Ukraine's army.", "cap on Ukraine's army"),
        ("Moscow wants limits on its armed forces.", "limits on its armed forces"),
        ("They discussed the size of the Ukrainian army.", "size of the Ukrainian army"),
        ("Kyiv must withdraw its armed forces.", "withdraw its armed forces"),
        ("Kyiv proposed a halt to long-range strikes.", "halt to long-range strikes"),
    ],
)
def test_knowledge_topics_any_word_slot(lexicon: TopicLexicon, text: str, words: str) -> None:
    assert [text[hit.start : hit.end] for hit in lexicon.find(text)] == [words]


@pytest.mark.parametrize("term", ["~ army", "cap on ~"])
def test_knowledge_topics_any_word_only_between_words(tmp_path: Path, term: str) -> None:
    with pytest.raises(ConfigError) as error:
        _load(tmp_path, SMALL_FILE.replace('terms = ["power plant"]', f'terms = ["{term}"]'))
    assert "'~' may only stand between words" in str(error.value)


def test_knowledge_topics_subjects_must_be_terms(tmp_path: Path) -> None:
    lexicon = _load(tmp_path, 'subjects = ["truce"]\n' + SMALL_FILE)
    assert lexicon.subjects == {"truce"}
    with pytest.raises(ConfigError) as error:
        _load(tmp_path, 'subjects = ["pipeline"]\n' + SMALL_FILE)
    assert "'subjects' must list terms" in str(error.value)
