"""Claim rules on sentences written for these tests (none is copied from the seeds)."""

from __future__ import annotations

import pytest

CASES = [
    # subject of a cue verb
    ("Zelensky rejected the plan to cede the eastern provinces.", {("zelensky", "rejection")}),
    ("The Kremlin demanded that Kyiv withdraw its troops.", {("russia", "demand")}),
    ("Witkoff proposed a phased truce on Tuesday.", {("witkoff", "demand")}),
    ("Rubio insisted on a full ceasefire before any talks.", {("rubio", "demand")}),
    # subject presses an object: the demand is the subject's, no concession by the object
    ("Trump pressed Zelensky to accept the minerals agreement.", {("trump", "demand")}),
    # possessive noun cues, and a rejection of someone else's demand
    (
        "Kyiv dismissed Moscow's demand for a smaller army.",
        {("ukraine", "rejection"), ("russia", "demand")},
    ),
    ("Putin's conditions for a truce remain unchanged.", {("putin", "demand")}),
    # passive with an agent
    ("The offer was rejected by Lavrov within hours.", {("lavrov", "rejection")}),
    # reported speech: an obligation is the speaker's demand
    ("Lavrov told reporters that Ukraine must recognise the new borders.", {("lavrov", "demand")}),
    # a quote followed by "he said": first person belongs to the speaker
    ("Zelensky spoke in Kyiv. “We want guarantees that work,” he said.", {("zelensky", "demand")}),
    # the giver of a concession, not the receiver
    ("Putin won concessions from Trump on sanctions.", {("trump", "concession")}),
    (
        "Ukraine agreed to a thirty-day pause in strikes on energy sites.",
        {("ukraine", "concession")},
    ),
    ("Putin said he was ready to freeze the front line.", {("putin", "concession")}),
    # a negated concession is a rejection
    ("Zelensky will not accept any loss of territory.", {("zelensky", "rejection")}),
    # the author's voice, hypotheticals, negated acts and questions are no claims
    ("Trump should demand more from the Kremlin.", set()),
    ("If Putin accepts a truce, the talks can begin.", set()),
    ("Trump did not demand a ceasefire.", set()),
    ("Will Putin accept the offer?", set()),
    ("Putin and Trump met in Alaska for three hours.", set()),
    # two actors with two claims in one sentence
    (
        "Trump demanded a ceasefire, while Putin rejected it.",
        {("trump", "demand"), ("putin", "rejection")},
    ),
    # a stance word in reported speech belongs to the speaker
    ("Peskov said a foreign peacekeeping force was unacceptable.", {("peskov", "rejection")}),
    # according to X
    ("According to Lavrov, Ukraine must abandon its bid to join NATO.", {("lavrov", "demand")}),
    # a conditional threat is a demand
    ("Trump threatened tariffs unless Moscow agrees to a truce.", {("trump", "demand")}),
    # coordinated subjects each hold the claim
    (
        "Kyiv and its European allies have long demanded a full truce.",
        {("ukraine", "demand"), ("europe", "demand")},
    ),
    # a participle after a possessor: "Witkoff's proposed ..." is Witkoff's proposal
    ("The Kremlin ignored Witkoff's proposed schedule for talks.", {("witkoff", "demand")}),
    # what is demanded is not an act of the one it is demanded of
    ("Moscow insisted that Kyiv cede the four regions.", {("russia", "demand")}),
    # "X's decision to <concede>" is X's concession
    ("Rubio defended Trump's decision to drop the demand for a truce.", {("trump", "concession")}),
    # an elliptical refusal after a concession
    (
        "Kyiv accepted the truce, but Moscow did not.",
        {("ukraine", "concession"), ("russia", "rejection")},
    ),
    # imperatives are the author's instructions; "can" is ability, not an act
    ("Do not let Moscow dictate its demands.", set()),
    ("Trump can demand a truce at any moment.", set()),
    # "wants to <own plan>" is no demand; "wants to join" is
    ("Trump wants to finish the deal quickly.", set()),
    ("Ukraine wants to join NATO.", {("ukraine", "demand")}),
    # readiness to do something that yields nothing is no concession
    ("Lavrov agreed to meet Blinken in Geneva.", set()),
    # a concession asked for is a demand by the asker, not yet a concession by anyone
    ("Washington sought concessions from Moscow on prisoners.", {("united_states", "demand")}),
    # a view attributed to a possessor carries its obligations
    ("In Lavrov's view, Kyiv must give up its claim to Crimea.", {("lavrov", "demand")}),
    # the condition of an offer is a demand by the one who offers
    (
        "Moscow said it was ready to halt strikes if Kyiv withdrew from the region.",
        {("russia", "concession"), ("russia", "demand")},
    ),
    # progressive forms are not passives; "continues to" keeps the subject's act
    ("The land Lavrov is asking Kyiv to surrender lies east of the river.", {("lavrov", "demand")}),
    ("Kyiv continues to reject any freeze of the front.", {("ukraine", "rejection")}),
    # a participle with its agent
    (
        "Crimea, offered up by Washington in April, was the first prize.",
        {("united_states", "concession")},
    ),
    ("The truce, rejected by Moscow last week, is back on the table.", {("russia", "rejection")}),
    # dropping one's own demand is a concession, and the demand is still named
    (
        "Putin walked back his demand for new elections in Ukraine.",
        {("putin", "concession"), ("putin", "demand")},
    ),
    # "going to" keeps the subject's act; a negated concession in a quote is a rejection
    (
        '"We are not going to give away our land," Zelensky said on Sunday.',
        {("zelensky", "rejection")},
    ),
    # a signal of readiness is a concession; someone else's reading of it is not
    (
        "Ukraine has signalled it could accept a freeze of the front line.",
        {("ukraine", "concession")},
    ),
    (
        "Putin hinted he might drop his demand for neutrality.",
        {("putin", "concession"), ("putin", "demand")},
    ),
    ("Analysts indicated Kyiv could accept a freeze.", set()),
    # a second verb after "but" shares the clause's subject, not the name in its object
    (
        "Moscow accepted the U.S. offer of an energy truce but rejected a full ceasefire.",
        {("russia", "concession"), ("united_states", "concession"), ("russia", "rejection")},
    ),
    ("Zelensky met Trump in Rome and rejected the plan.", {("zelensky", "rejection")}),
    # a possessed demand is its owner's even inside someone else's obligation
    (
        "Lavrov said Kyiv must accept Putin's terms before any meeting.",
        {("lavrov", "demand"), ("putin", "demand")},
    ),
    # "its" points back to the subject, not to a preposition's object
    (
        "In a concession to Moscow, Washington has dropped its insistence on a ceasefire.",
        {("united_states", "concession"), ("united_states", "demand")},
    ),
    # a verb cue's form as the object of "make" is a noun inside the demand
    ("Kellogg said both sides would have to make painful compromises.", {("kellogg", "demand")}),
    # "the willing" is a group, not readiness
    (
        "Macron and Starmer pushed for a coalition of the willing to guarantee any truce.",
        {("macron", "demand"), ("starmer", "demand")},
    ),
    # a threat tied to a condition is a demand by whoever threatens
    (
        "Rubio warned that Washington would walk away from the talks if neither side moved.",
        {("rubio", "demand")},
    ),
    # what someone is pressed into is not their act
    (
        "European leaders urged Trump not to push Zelensky into accepting a bad deal.",
        {("europe", "demand")},
    ),
    # ...unless the pressure worked: being pressured into it is yielding
    (
        "Washington pressured Kyiv into signing the minerals agreement.",
        {("united_states", "demand"), ("ukraine", "concession")},
    ),
    # an active verb keeps its subject; a later "by" belongs to the participle after it
    (
        "Putin said Moscow was ready to halt strikes, but he rejected a broader truce "
        "proposed by Trump.",
        {("putin", "concession"), ("putin", "rejection"), ("trump", "demand")},
    ),
    (
        "Zelensky rejected a ceasefire plan proposed by Witkoff in Geneva.",
        {("zelensky", "rejection"), ("witkoff", "demand")},
    ),
    # a headline without final punctuation is not body text
    ("Kremlin Rejects Truce Offer After Weekend Talks", set()),
    # ... and the sentence patterns (directives, pressure, truces) respect it too
    ("Trump tells Zelensky to accept Putin's terms or be destroyed", set()),
    ("Witkoff presses Kyiv to agree to a truce before Christmas", set()),
    # the form of a verb cue used as a noun
    ("Putin faces a press conference in Moscow on Friday.", set()),
    ("The sanctions put Moscow under heavy pressure this spring.", set()),
    # a list of subjects shares the claim; a fronted phrase does not join it
    (
        "Paris, Berlin and London demanded a seat at the table.",
        {("france", "demand"), ("germany", "demand"), ("united_kingdom", "demand")},
    ),
    ("After the invasion of Ukraine, Putin demanded a neutral Kyiv.", {("putin", "demand")}),
    # a view owned by an actor reports it
    (
        "Kyiv rejected Witkoff's argument that Ukraine should cede land.",
        {("ukraine", "rejection"), ("witkoff", "demand")},
    ),
    # an agreement's content is no separate demand of the one who agreed
    (
        "Trump said he agreed with Putin that the talks should skip a truce.",
        {("trump", "concession")},
    ),
    # curly apostrophes negate too; doubt removes the assertion
    ("Putin won’t accept foreign peacekeepers.", {("putin", "rejection")}),
    ("Analysts doubt Putin is ready to halt the offensive.", set()),
    # a definite noun points back to the previous sentence's claim
    (
        "Moscow demanded a smaller army. Kyiv rejected the demand at once.",
        {("russia", "demand"), ("ukraine", "rejection")},
    ),
    # pressure tied to a condition is a demand
    (
        "Washington suspended aid deliveries until Kyiv signed the accord.",
        {("united_states", "demand")},
    ),
    # a truce declared by an actor is its concession, also in a relative clause
    ("The Easter truce Putin declared lasted a day.", {("putin", "concession")}),
    ("Moscow announced a three-day ceasefire for the parade.", {("russia", "concession")}),
    # the persuaded party yields
    ("Merz persuaded Trump to keep the sanctions.", {("trump", "concession")}),
    # a condition or a first-person threat in someone's words is their demand
    (
        "Peskov ruled out a summit, saying it could only happen once a deal was ready.",
        {("peskov", "rejection"), ("peskov", "demand")},
    ),
    ("“If they stall, we will impose tariffs,” Trump said.", {("trump", "demand")}),
    # the object of a gerund is not the subject of what follows
    ("Putin avoided meeting Zelensky, saying talks must come first.", {("putin", "demand")}),
    # "insisted that" + a fact reports, it does not demand
    ("Trump insisted that Putin had always respected him.", set()),
    ("Trump insisted that Kyiv must sign first.", {("trump", "demand")}),
    ("“If Moscow stalls, we're just going to walk away,” Rubio said.", {("rubio", "demand")}),
    # a changed position is a concession by its owner
    ("After the call, Kyiv's position softened on the eastern front.", {("ukraine", "concession")}),
    # "the best way" in someone's words proposes it
    (
        "Stubb said the best way forward was a ceasefire along the current line.",
        {("stubb", "demand")},
    ),
    # "no X until Y" in someone's words sets a condition
    ("Bessent said there would be no deal until the fighting stopped.", {("bessent", "demand")}),
    # perception verbs keep the act with its subject
    (
        "Witkoff said it was the first time Putin was heard to accept a foreign force.",
        {("putin", "concession")},
    ),
    # a spokesman's "Moscow will not accept" is voiced by the spokesman
    ("Peskov said Moscow would not accept European troops in Ukraine.", {("peskov", "rejection")}),
    # a judgement in someone's words
    ("Rutte said membership was not on the table for now.", {("rutte", "rejection")}),
    # "keep up pressure" is a noun after "up"; the urging is the demand
    ("European leaders urged Washington to keep up pressure on Moscow.", {("europe", "demand")}),
    # telling an actor to act is a demand
    ("Trump told Zelensky to sign the minerals deal.", {("trump", "demand")}),
    # adopting a package concedes nothing
    ("The European Union agreed a new package of sanctions.", set()),
    # a threatened measure tied to a condition
    ("Trump said he would impose tariffs if there was no truce by Friday.", {("trump", "demand")}),
    # "asked about" is a question; "he asked." only tags a quote
    ("When Carlson asked about the plan, Witkoff smiled.", set()),
    ("“Why would Kyiv agree?” Vance asked.", set()),
    # an -ed form after a common noun describes it: its agent follows "by"
    ("Washington left the treaty, a step opposed at the time by Paris.", {("france", "rejection")}),
    ("Kyiv has long sought membership of the alliance.", {("ukraine", "demand")}),
    # a gerund after a rejection is what is rejected
    ("Zelensky has ruled out ceding land for peace.", {("zelensky", "rejection")}),
    # pledges yield ground; plural groups after a demonym are actors
    ("European governments pledged to provide security guarantees.", {("europe", "concession")}),
    # "the plan" points back only as the object of a cue verb
    (
        "Moscow demanded a buffer zone. Under the plan, Kyiv would pull back.",
        {("russia", "demand")},
    ),
    # objects that empty a cue
    ("Witkoff offered no details about the talks.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_rules_find_the_claims_the_guidelines_define(claims_of, text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Vladimir V. Putin rejected the proposal.", "putin"),
        ("The Russian leader rejected the proposal.", "putin"),
        ("Zelenskiy rejected the proposal.", "zelensky"),
        ("Mr. Rubio rejected the proposal.", "rubio"),
        ("Trump's envoy rejected the proposal.", "witkoff"),
    ],
)
def test_rules_attribute_claims_to_every_surface_form(claims_of, text, actor):
    assert claims_of(text) == {(actor, "rejection")}


@pytest.mark.parametrize(
    ("text", "published", "actor"),
    [
        ("The secretary of state rejected the proposal.", "2022-02-01", "blinken"),
        ("The secretary of state rejected the proposal.", "2025-04-01", "rubio"),
        ("The U.S. president rejected the proposal.", "2023-06-01", "biden"),
        ("The U.S. president rejected the proposal.", "2025-08-01", "trump"),
    ],
)
def test_rules_resolve_offices_by_the_article_date(claims_of, text, published, actor):
    assert claims_of(text, published) == {(actor, "rejection")}
