"""Claim rules on news sentences of the kinds found in coverage of the 2025 Russia-Ukraine
negotiations, written for these tests (none is copied from the seed articles): reported
speech, closing attributions, passives, pronouns, negations, the author's advice,
hypotheticals, questions and predictions, across many actors and cue verbs."""

from __future__ import annotations

import pytest

CASES = [
    (
        "Kremlin spokesman Dmitry Peskov said Moscow would not accept the deployment of "
        "European troops in Ukraine.",
        {("peskov", "rejection")},
    ),
    ("Zelenskyy ruled out ceding any territory to Russia.", {("zelensky", "rejection")}),
    (
        "European leaders insisted that Ukraine must have a seat at the table.",
        {("europe", "demand")},
    ),
    ("Witkoff floated the idea of a referendum in the occupied regions.", {("witkoff", "demand")}),
    (
        "Russia signalled it could accept a ceasefire along the current front line.",
        {("russia", "concession")},
    ),
    (
        "Kyiv agreed to a 30-day ceasefire proposal put forward by Washington.",
        {("ukraine", "concession"), ("united_states", "demand")},
    ),
    (
        "The White House dropped its demand for an immediate ceasefire.",
        {("united_states", "concession"), ("united_states", "demand")},
    ),
    ("The proposal was rejected by Kyiv on Monday.", {("ukraine", "rejection")}),
    (
        "According to Ushakov, Moscow wants a comprehensive settlement rather than a "
        "temporary truce.",
        {("ushakov", "demand")},
    ),
    (
        "“We will never recognise the occupation of our land,” Zelensky said.",
        {("zelensky", "rejection")},
    ),
    (
        "Putin spoke with Trump for two hours on Tuesday. He demanded an end to Western "
        "arms deliveries to Kyiv.",
        {("putin", "demand")},
    ),
    ("Trump should tell Putin that the sanctions will stay.", set()),
    ("Trump needs to pressure Moscow harder.", set()),
    ("If Russia agrees to a ceasefire, sanctions could be eased.", set()),
    ("Will Zelensky accept the deal?", set()),
    ("Putin is likely to reject any deal that leaves Ukraine in NATO's orbit.", set()),
    (
        "Vance urged European countries to take more responsibility for their own defence.",
        {("vance", "demand")},
    ),
    ("Rubio pressed Lavrov to agree to an unconditional ceasefire.", {("rubio", "demand")}),
    (
        "Macron called for a European reassurance force to be deployed after a ceasefire.",
        {("macron", "demand")},
    ),
    (
        "Starmer offered to send British troops to Ukraine as part of a peacekeeping force.",
        {("starmer", "concession")},
    ),
    ("Merz rejected calls for Germany to send Taurus missiles.", {("merz", "rejection")}),
    (
        "Kallas warned that the EU would not lift sanctions until Russia withdrew its troops.",
        {("kallas", "demand")},
    ),
    (
        "Yermak said Ukraine would never agree to limits on the size of its army.",
        {("yermak", "rejection")},
    ),
    (
        "Umerov presented a proposal for a full prisoner exchange at the talks in Istanbul.",
        {("umerov", "demand")},
    ),
    ("Sybiha called on Moscow to stop stalling and accept the truce.", {("sybiha", "demand")}),
    (
        "Ushakov said a European presence in Ukraine was out of the question.",
        {("ushakov", "rejection")},
    ),
    (
        "Dmitriev proposed joint Arctic projects as part of an economic reset with Washington.",
        {("dmitriev", "demand")},
    ),
    (
        "Medvedev scoffed at the European peace plan.",
        {("europe", "demand"), ("medvedev", "rejection")},
    ),
    (
        "The Kremlin refused to withdraw its forces from the Kursk region.",
        {("russia", "rejection")},
    ),
    ("Kyiv turned down the offer of a partial energy truce.", {("ukraine", "rejection")}),
    ("Moscow balked at the idea of European peacekeepers.", {("russia", "rejection")}),
    (
        "Putin spurned Trump's offer to ease sanctions.",
        {("putin", "rejection"), ("trump", "concession")},
    ),
    (
        "The Trump administration softened its stance on sanctions relief.",
        {("united_states", "concession")},
    ),
    (
        "Putin backed down from his demand that Ukraine withdraw from Zaporizhzhia.",
        {("putin", "concession"), ("putin", "demand")},
    ),
    (
        "Russia has signalled openness to a settlement that freezes the front line.",
        {("russia", "concession")},
    ),
    ("Trump said Ukraine would have to make territorial concessions.", {("trump", "demand")}),
    (
        "Lavrov said any ceasefire must include a halt to Western weapons supplies.",
        {("lavrov", "demand")},
    ),
    ("Rubio told reporters the United States was prepared to walk away from the talks.", set()),
    ("Moscow offered a three-day truce around Victory Day.", {("russia", "concession")}),
    (
        "Zelensky accepted the U.S. proposal for a 30-day ceasefire.",
        {("united_states", "demand"), ("zelensky", "concession")},
    ),
    ("Trump conceded that Crimea would stay with Russia.", {("trump", "concession")}),
    (
        "Putin demanded that Kyiv abandon its ambition to join NATO, the Kremlin said.",
        {("putin", "demand")},
    ),
    ("Europe must step up its own defence, Merz said.", {("merz", "demand")}),
    (
        "Witkoff said Putin had agreed to let European countries provide security "
        "guarantees to Ukraine.",
        {("putin", "concession")},
    ),
    (
        "The Russian side rejected the idea of a ceasefire before a full settlement.",
        {("russia", "rejection")},
    ),
    (
        "Ukrainian officials dismissed the Russian memorandum as an ultimatum.",
        {("ukraine", "rejection")},
    ),
    ("Trump wants Europe to pay for the weapons it sends to Ukraine.", {("trump", "demand")}),
    ("Putin wants the West to stop arming Ukraine.", {("putin", "demand")}),
    (
        "Kyiv is seeking security guarantees from Washington before it signs any deal.",
        {("ukraine", "demand")},
    ),
    (
        "The United States is pushing both sides toward a deal by the end of the month.",
        {("united_states", "demand")},
    ),
    ("Rubio said Russia would have to make concessions too.", {("rubio", "demand")}),
    ("Moscow has repeatedly refused a full ceasefire.", {("russia", "rejection")}),
    (
        "Zelensky has refused to withdraw troops from the Donetsk region.",
        {("zelensky", "rejection")},
    ),
    ("Trump hailed the talks as a great success.", set()),
    ("Russian drones struck Kyiv overnight, killing three people.", set()),
    ("Putin and Witkoff met for five hours in the Kremlin.", set()),
    ("Analysts expect Moscow to reject the plan.", set()),
    ("Trump could lift some sanctions if Russia agrees to a truce.", set()),
    ("Kyiv has long insisted on the return of all occupied territory.", {("ukraine", "demand")}),
    ("Zelensky urged Trump to impose tougher sanctions on Russian oil.", {("zelensky", "demand")}),
    ("Lavrov rejected the idea of a NATO-led peacekeeping mission.", {("lavrov", "rejection")}),
    ("The Europeans proposed a 30-day truce in the air and at sea.", {("europe", "demand")}),
    (
        "Washington is demanding access to Ukraine's rare earth minerals in return for "
        "its past aid.",
        {("united_states", "demand")},
    ),
    ("Putin said he was open to talks but set conditions for a ceasefire.", {("putin", "demand")}),
    (
        "Medvedev threatened to strike Kyiv if Western troops were deployed.",
        {("medvedev", "demand")},
    ),
    (
        "Kyiv is ready to discuss territorial questions only after a ceasefire, Zelensky said.",
        {("zelensky", "demand")},
    ),
    (
        "Ukraine's foreign ministry rejected Moscow's claim that Kyiv was blocking the talks.",
        {("ukraine", "rejection")},
    ),
    (
        "The Kremlin said it was prepared to offer a written guarantee that Russia would "
        "not attack Europe.",
        {("russia", "concession")},
    ),
    (
        "Peskov described the European proposal as unacceptable.",
        {("europe", "demand"), ("peskov", "rejection")},
    ),
    (
        "Putin has insisted that any deal address the root causes of the conflict.",
        {("putin", "demand")},
    ),
    ("Zelensky's call for a complete ceasefire went unanswered.", {("zelensky", "demand")}),
    (
        "Russia's refusal to agree to an unconditional ceasefire angered Washington.",
        {("russia", "rejection")},
    ),
    (
        "Kyiv's willingness to accept a ceasefire was welcomed in Washington.",
        {("ukraine", "concession")},
    ),
    (
        "The Ukrainian delegation walked out of the talks after Russia demanded more land.",
        {("russia", "demand")},
    ),
    ("Moscow insists on recognition of its annexation of Crimea.", {("russia", "demand")}),
    (
        "Lavrov spoke to reporters in Moscow. He said Russia had no intention of giving "
        "up the territories.",
        {("lavrov", "rejection")},
    ),
    ("Hungary blocked the new EU sanctions package.", {("hungary", "rejection")}),
    ("Kallas rejected any deal made behind Europe's back.", {("kallas", "rejection")}),
    ("Lavrov accused Europe of trying to sabotage the talks.", set()),
    ("Moscow wants Washington to recognise Crimea as Russian.", {("russia", "demand")}),
    ("The Kremlin called the proposal a non-starter.", {("russia", "rejection")}),
    (
        "Zelensky told Trump that Ukraine could not accept a deal that rewards aggression.",
        {("zelensky", "rejection")},
    ),
    ("Russia will never accept NATO troops in Ukraine, Lavrov said.", {("lavrov", "rejection")}),
    (
        "Trump has backed away from his threat to impose secondary tariffs.",
        {("trump", "concession"), ("trump", "demand")},
    ),
    (
        "Kyiv will not recognise any Russian sovereignty over occupied territory.",
        {("ukraine", "rejection")},
    ),
    (
        "European capitals have pressed Washington to keep sanctions in place.",
        {("europe", "demand")},
    ),
    ("Vance said Ukraine should accept a freeze of the front line.", {("vance", "demand")}),
    (
        "Sybiha met Rubio in Washington on Thursday. He asked for more air defence systems.",
        {("sybiha", "demand")},
    ),
    ("“We are ready for a ceasefire right now,” Zelensky said.", {("zelensky", "concession")}),
    ("“Russia must withdraw its troops from our land,” Sybiha said.", {("sybiha", "demand")}),
    ("“There will be no concessions on territory,” Yermak said.", {("yermak", "rejection")}),
    ("“We reject this ultimatum,” Zelensky told reporters.", {("zelensky", "rejection")}),
    (
        "The truce proposal was accepted by Kyiv but rejected by Moscow.",
        {("russia", "rejection"), ("ukraine", "concession")},
    ),
    ("Trump ought to insist on a full ceasefire before any summit.", set()),
    ("Europe needs to offer Kyiv real security guarantees.", set()),
    ("Had Putin accepted the truce, thousands of lives would have been saved.", set()),
    (
        "Even if Zelensky agreed to cede land, the Ukrainian parliament would have to approve it.",
        set(),
    ),
    ("Moscow will probably reject the new proposal.", set()),
    ("Putin is expected to demand more territory at the summit.", set()),
    ("Russia did not reject the proposal outright.", set()),
    (
        "Russia conditioned any ceasefire on an end to Western arms supplies.",
        {("russia", "demand")},
    ),
    (
        "Moscow is making a truce conditional on Kyiv's withdrawal from four regions.",
        {("russia", "demand")},
    ),
    (
        "Any peace deal would require Ukraine to cede territory, Witkoff said.",
        {("witkoff", "demand")},
    ),
    (
        "Zelensky yielded to American pressure and signed the minerals deal.",
        {("united_states", "demand"), ("zelensky", "concession")},
    ),
    (
        "Trump sought a commitment from Putin to halt attacks on energy infrastructure.",
        {("trump", "demand")},
    ),
    (
        "The Kremlin said it required guarantees that NATO would not expand eastward.",
        {("russia", "demand")},
    ),
    ("Kyiv conceded that it could not retake Crimea by force.", {("ukraine", "concession")}),
    (
        "Kushner and Witkoff presented a 28-point plan to Umerov in Miami.",
        {("kushner", "demand"), ("witkoff", "demand")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_general_news_sentences(claims_of, text, expected):
    assert claims_of(text) == expected
