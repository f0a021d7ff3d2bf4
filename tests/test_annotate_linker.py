"""Mentions: names, titles, offices and pronouns linked to canonical actor ids."""

from __future__ import annotations

import pytest

from pipeline.annotate.store import MENTIONS_KEY


def mentions(doc):
    return [(span.text, span.label_) for span in doc.spans[MENTIONS_KEY]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelenskyy spoke.", [("Zelenskyy", "zelensky")]),
        ("Vladimir Zelenskyy spoke.", [("Vladimir Zelenskyy", "zelensky")]),
        ("Putin's aides spoke.", [("Putin", "putin")]),
        (
            "Russian President Vladimir Putin spoke.",
            [("Russian President Vladimir Putin", "putin")],
        ),
        (
            "U.S. Secretary of State Marco Rubio spoke.",
            [("U.S. Secretary of State Marco Rubio", "rubio")],
        ),
        ("the special envoy spoke.", [("the special envoy", "witkoff")]),
    ],
)
def test_linker_finds_names_and_titles(annotate, text, expected):
    assert mentions(annotate(text, "2025-06-01")) == expected


@pytest.mark.parametrize(
    ("text", "pronoun_actor"),
    [
        ("Putin met Trump. He said nothing.", "putin"),
        ("Putin told Trump he was ready.", "putin"),
        ("Trump said Putin repeated that he wanted peace.", "putin"),
        ("Trump did not give him anything. Putin left.", None),
        # an object pronoun after a reporting verb is its object, not its subject
        ("President Putin spoke. Trump called him.", "putin"),
        ("Merz spoke first. Macron phoned her.", None),
        # the previous sentence's subject, not a name in a clause that does not open it
        ("Even though Putin ignored him, Trump refused. Then he left.", "trump"),
        ("Speaking to Trump, Putin listed terms. He left.", "putin"),
        ("Putin met Trump in Alaska. He left early.", "putin"),
        # an emphatic reflexive is the person beside it, even after a quote
        ('Trump spoke. "We wait." Putin himself wants more land.', "putin"),
        # a pronoun later in a reported clause still points to the reporting verb's subject
        ("Trump thought Biden would run against him.", "trump"),
        # a quote naming nobody keeps its speaker within reach of the next pronoun
        ('Peskov spoke. "We are ready." "We wait." He left.', "peskov"),
        # ... also when its sentences name states, inside a quote opened before them
        ("Putin spoke. “Kyiv must go. Europe must pay. Ukraine must wait.” He left.", "putin"),
        ('Macron spoke. "Kyiv must hold. Russia must pay." Then he left.', "macron"),
        # inside a quote its speaker says "I": "he" there is someone else, or no one named
        ("After a call with Zelensky, Trump said: “It went well. He wants a deal.”", "zelensky"),
        ("Trump said: “We talked for an hour. He is a good man.”", None),
        # ... but only a quote: other sentences naming nobody still count
        ('Peskov spoke. "We are ready." The hall was full. It was cold. He left.', None),
        # "they" points to the one plural group named before it, never to two people
        ("European leaders met in Paris. They demanded a seat.", "europe"),
        ("Trump and Putin met in Alaska. They talked for hours.", None),
        # a sentence-initial "it" continues the previous sentence's subject, not its object
        ("Russia rejected the plan. It wants more land.", "russia"),
        ("It is hard to see what would put Russia under pressure. It requires patience.", None),
        ("Ukraine has refused. It will not recognize the annexation.", "ukraine"),
        # in an infinitive, "its" is the actor who is to act
        ("Washington pressed Kyiv to drop its objections.", "ukraine"),
    ],
)
def test_linker_resolves_pronouns(annotate, text, pronoun_actor):
    doc = annotate(text, "2025-06-01")
    pronouns = [span.label_ for span in doc.spans[MENTIONS_KEY] if span.kb_id_ == "pronoun"]
    assert (pronouns[0] if pronouns else None) == pronoun_actor


GUIDELINE_FORMS = [
    (
        "trump",
        [
            "Trump",
            "Donald Trump",
            "Mr. Trump",
            "President Trump",
            "the U.S. president",
            "the president",
        ],
    ),
    (
        "putin",
        [
            "Putin",
            "Vladimir Putin",
            "Vladimir V. Putin",
            "Mr. Putin",
            "the Russian president",
            "the Russian leader",
        ],
    ),
    (
        "zelensky",
        [
            "Zelensky",
            "Zelenskyy",
            "Zelenskiy",
            "Volodymyr Zelensky",
            "Volodymyr Zelenskyy",
            "Vladimir Zelensky",
            "Vladimir Zelenskyy",
            "the Ukrainian president",
            "the Ukrainian leader",
        ],
    ),
    ("rubio", ["Rubio", "Marco Rubio", "Secretary of State", "Mr. Rubio"]),
    ("witkoff", ["Witkoff", "Steve Witkoff", "Trump's envoy", "the special envoy"]),
    ("lavrov", ["Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Russia's foreign minister"]),
]


@pytest.mark.parametrize(
    ("actor", "form"), [(actor, form) for actor, forms in GUIDELINE_FORMS for form in forms]
)
def test_linker_links_every_principal_form_in_running_text(annotate, actor, form):
    doc = annotate(
        f"On Monday {form} spoke to reporters, and {form}'s aides listened.", "2025-06-01"
    )
    found = {
        (span.text, span.label_) for span in doc.spans[MENTIONS_KEY] if span.kb_id_ != "pronoun"
    }
    assert (form, actor) in found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # no other president near: the office's holder on the article's date
        ("Zelensky met Witkoff. The president wants a deal.", "trump"),
        # a person just introduced with the title is the one meant
        ("Ukrainian President Volodymyr Zelensky met Witkoff. The president refused.", "zelensky"),
        ("President Emmanuel Macron spoke first. The president urged a truce.", "macron"),
        # the holder named more recently wins back the title
        ("President Zelensky spoke. Trump answered. The president wants a deal.", "trump"),
        # further back, the person the document named with the title, not the U.S. holder
        (
            "President Zelensky spoke. Witkoff left. Rubio left. The president wants a deal.",
            "zelensky",
        ),
        # ... the one of them it names most often
        (
            "Trump called. President Putin answered. Putin spoke again. Witkoff left. "
            "Rubio left. The president wants a deal.",
            "putin",
        ),
        (
            "President Macron hosted Trump. Trump spoke. Trump left. Witkoff left. "
            "Rubio left. The president wants a deal.",
            "trump",
        ),
        # no holder in the document: the office's holder; a former one holds it no longer
        ("Lavrov spoke. Witkoff left. Rubio left. The president wants a deal.", "trump"),
        (
            "Former President Medvedev spoke. Witkoff left. Rubio left. The president left.",
            "trump",
        ),
        # a fuller form is the holder's, whoever was named before
        ("President Zelensky spoke. The U.S. president wants a deal.", "trump"),
    ],
)
def test_linker_bare_title_means_the_person_just_named_with_it(annotate, text, actor):
    last = mentions(annotate(text, "2025-06-01"))[-1]
    assert last[0].lower().endswith("president") and last[1] == actor
