"""Claim rules on news sentences of the kinds found in coverage of the 2025 Russia-Ukraine
negotiations, written for these tests (none is copied from the seed articles): reported
speech, closing attributions, appositions, passives, pronouns, negations, the author's
advice, hypotheticals, questions and predictions, across many actors and cue verbs."""

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
        "Zelensky said no to any deal that would require Ukraine to give up the Donbas.",
        {("zelensky", "rejection")},
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
    (
        "Zelensky said he was willing to hold elections once a ceasefire is in place.",
        {("zelensky", "concession")},
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
        {("zelensky", "concession")},
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
    (
        "Yuri Ushakov, Putin's foreign policy adviser, said the American proposals were "
        "unacceptable.",
        {("united_states", "demand"), ("ushakov", "rejection")},
    ),
    (
        "Andriy Yermak, the head of Zelensky's office, said Kyiv would not accept any "
        "limits on its army.",
        {("yermak", "rejection")},
    ),
    (
        "EU foreign policy chief Kaja Kallas called for tougher sanctions on Russia.",
        {("kallas", "demand")},
    ),
    (
        "Putin, who has long demanded Ukraine's neutrality, said he was ready to discuss "
        "a ceasefire.",
        {("putin", "demand")},
    ),
    (
        "Zelensky, whose country has lost a fifth of its territory, refuses to cede more land.",
        {("zelensky", "rejection")},
    ),
    (
        "The plan, which Moscow rejected, called for a demilitarised zone.",
        {("russia", "rejection")},
    ),
    ("Russia is demanding that Ukraine reduce its army to 50,000 troops.", {("russia", "demand")}),
    ("Kyiv wants Western troops on its soil as a deterrent.", {("ukraine", "demand")}),
    ("What Putin wants is a neutral Ukraine with a small army.", {("putin", "demand")}),
    (
        "Putin's key demand remains the withdrawal of Ukrainian forces from Donetsk.",
        {("putin", "demand")},
    ),
    ("The Kremlin's terms include recognition of Crimea as Russian.", {("russia", "demand")}),
    ("Moscow's insistence on Ukrainian neutrality has stalled the talks.", {("russia", "demand")}),
    (
        "Trump issued Putin an ultimatum: agree to a ceasefire within 50 days or face tariffs.",
        {("trump", "demand")},
    ),
    ("Zelensky has accepted the need for painful compromises.", {("zelensky", "concession")}),
    (
        "Kyiv has agreed in principle to a ceasefire along the front line.",
        {("ukraine", "concession")},
    ),
    (
        "The U.S. has agreed to help restore Russia's access to global markets.",
        {("united_states", "concession")},
    ),
    (
        "Moscow agreed to stop strikes on energy infrastructure for 30 days.",
        {("russia", "concession")},
    ),
    (
        "Russia has agreed to let the IAEA inspect the Zaporizhzhia plant.",
        {("russia", "concession")},
    ),
    (
        "Ukraine offered to swap territory in the Kursk region for land held by Russia.",
        {("ukraine", "concession")},
    ),
    ("Zelensky proposed a ceasefire in the air and at sea.", {("zelensky", "demand")}),
    ("Russia rejected the proposal for an air and sea truce.", {("russia", "rejection")}),
    (
        "Moscow has rebuffed repeated European calls for an unconditional ceasefire.",
        {("europe", "demand"), ("russia", "rejection")},
    ),
    ("Trump reiterated his call for an immediate ceasefire.", {("trump", "demand")}),
    ("Putin repeated his demand that Ukraine abandon its NATO bid.", {("putin", "demand")}),
    ("Vance has pushed Europe to spend more on defence.", {("vance", "demand")}),
    (
        "Hegseth told allies that Europe must take the lead on Ukraine's security.",
        {("hegseth", "demand")},
    ),
    (
        "Trump threatened Russia with severe tariffs if it did not agree to a ceasefire "
        "within 50 days.",
        {("trump", "demand")},
    ),
    ("Putin rejected Trump's deadline.", {("putin", "rejection"), ("trump", "demand")}),
    (
        "Orban vetoed the EU's plan to use frozen Russian assets for Ukraine.",
        {("europe", "demand"), ("orban", "rejection")},
    ),
    ("Fico has refused to back new sanctions against Moscow.", {("fico", "rejection")}),
    ("Erdogan offered to host a new round of peace talks in Istanbul.", set()),
    (
        "China called for a political settlement and respect for Ukraine's sovereignty.",
        {("china", "demand")},
    ),
    ("Kyiv and Moscow exchanged 390 prisoners on Friday.", set()),
    ("Peskov declined to comment on the proposal.", set()),
    ("Would Putin ever accept European troops in Ukraine?", set()),
    ("Can Trump force Putin to accept a ceasefire?", set()),
    ("Zelensky is expected to reject any plan that cedes territory.", set()),
    ("Russia may soon offer a new truce.", set()),
    ("It remains unclear whether Kyiv would accept such a deal.", set()),
    ("Trump is likely to press Zelensky to accept the plan.", set()),
    ("Few expect Moscow to drop its demands.", {("russia", "demand")}),
    ("Washington must insist on a full ceasefire before easing sanctions.", set()),
    ("The West should reject Putin's demands outright.", {("putin", "demand")}),
    ("Zelensky would be wise to accept the offer.", set()),
    (
        "The Ukrainians have refused to withdraw from the fortress cities of Donetsk.",
        {("ukraine", "rejection")},
    ),
    ("The Russians want the entire Donbas.", {("russia", "demand")}),
    (
        "The Kremlin is demanding that Kyiv hold elections before any peace deal is signed.",
        {("russia", "demand")},
    ),
    (
        "Ukrainian negotiators rejected a clause that would have barred Kyiv from joining NATO.",
        {("ukraine", "rejection")},
    ),
    ("Russian negotiators insisted on a clause barring Ukraine from NATO.", {("russia", "demand")}),
    (
        "Meloni spoke with Zelensky on Monday. She urged him to accept the framework.",
        {("meloni", "demand")},
    ),
    ("Kallas was blunt. She rejected any deal that rewards aggression.", {("kallas", "rejection")}),
    (
        "The Kremlin has not responded to the plan. It has previously demanded that Kyiv "
        "withdraw from Donetsk.",
        {("russia", "demand")},
    ),
    (
        "Trump met Zelensky at the White House. The Ukrainian leader refused to sign the "
        "minerals deal.",
        {("zelensky", "rejection")},
    ),
    (
        "Russia has rejected the plan. It wants a settlement that addresses the root "
        "causes of the war.",
        {("russia", "demand"), ("russia", "rejection")},
    ),
    (
        "European leaders met in Paris on Monday. They demanded a role in the negotiations.",
        {("europe", "demand")},
    ),
    (
        "“We do not accept ultimatums,” Zelensky told reporters in Kyiv.",
        {("zelensky", "rejection")},
    ),
    ("“Ukraine must withdraw from the Donbas,” Ushakov told reporters.", {("ushakov", "demand")}),
    ("“This plan is unacceptable,” the Russian foreign minister said.", {("lavrov", "rejection")}),
    ("Zelensky said: “We will not give up our land.”", {("zelensky", "rejection")}),
    ("“The ball is in Russia's court,” Rubio said.", set()),
    (
        "The 30-day truce was proposed by Washington and accepted by Kyiv.",
        {("ukraine", "concession"), ("united_states", "demand")},
    ),
    (
        "The European plan was dismissed by the Kremlin as unrealistic.",
        {("europe", "demand"), ("russia", "rejection")},
    ),
    (
        "According to Axios, Witkoff proposed recognising Crimea as Russian.",
        {("witkoff", "demand")},
    ),
    (
        "Zelensky rejected the proposal, saying Ukraine would never give up its land.",
        {("zelensky", "rejection")},
    ),
    (
        "Lavrov dismissed the talk of peacekeepers, saying Russia would regard them as "
        "legitimate targets.",
        {("lavrov", "rejection")},
    ),
    (
        "Trump said he would lift sanctions on Russia if Moscow agreed to a ceasefire.",
        {("trump", "concession"), ("trump", "demand")},
    ),
    (
        "Moscow demanded the lifting of Western sanctions as a condition for any deal.",
        {("russia", "demand")},
    ),
    ("Washington eased some sanctions on Russian banks.", {("united_states", "concession")}),
    ("The Americans proposed a freeze along the current line.", {("united_states", "demand")}),
    (
        "The U.S. delegation pushed for a deal on the Zaporizhzhia nuclear plant.",
        {("united_states", "demand")},
    ),
    ("Sybiha called the Russian memorandum an ultimatum.", set()),
    ("Rubio said the United States wanted both sides to make concessions.", {("rubio", "demand")}),
    ("Ukraine's allies have urged Kyiv not to give in to Russian pressure.", {("west", "demand")}),
    (
        "Zelensky has so far resisted American pressure to give up land.",
        {("united_states", "demand"), ("zelensky", "rejection")},
    ),
    (
        "Putin signalled he was willing to freeze the front line in the south.",
        {("putin", "concession")},
    ),
    (
        "Kyiv signalled it would not oppose a pause in strikes on energy sites.",
        {("ukraine", "concession")},
    ),
    (
        "Moscow said it would only agree to a ceasefire once Ukraine stopped mobilising.",
        {("russia", "concession"), ("russia", "demand")},
    ),
    (
        "Russia refuses to negotiate with Zelensky, whom it calls illegitimate.",
        {("russia", "rejection")},
    ),
    ("Trump told Putin that he wanted the killing to stop.", {("trump", "demand")}),
    (
        "Putin told Witkoff that Russia would not give up any of the annexed regions.",
        {("putin", "rejection")},
    ),
    (
        "Witkoff has argued that Ukraine should hand over the rest of Donetsk.",
        {("witkoff", "demand")},
    ),
    ("Rutte urged allies to keep supplying Kyiv with air defence.", {("rutte", "demand")}),
    ("Ukraine's parliament would have to approve any territorial concession.", set()),
    (
        "The Trump administration has pressed Kyiv to accept a deal by Thanksgiving.",
        {("united_states", "demand")},
    ),
    ("Medvedev mocked the European proposal for a reassurance force.", {("europe", "demand")}),
    ("Lavrov says any security guarantees must include Russia and China.", {("lavrov", "demand")}),
    (
        "Zelensky says Ukraine is ready to hold elections after the war.",
        {("zelensky", "concession")},
    ),
    (
        "Russia demands Ukraine cede the rest of the Donbas, which Kyiv refuses to do.",
        {("russia", "demand"), ("ukraine", "rejection")},
    ),
    (
        "Kyiv has demanded the return of thousands of children deported to Russia.",
        {("ukraine", "demand")},
    ),
    (
        "Zelensky rejected a plan drafted by Witkoff and Dmitriev.",
        {("dmitriev", "demand"), ("witkoff", "demand"), ("zelensky", "rejection")},
    ),
    (
        "The peace framework drawn up by Washington was sent to Kyiv on Friday.",
        {("united_states", "demand")},
    ),
    ("Moscow wants Washington to lift sanctions on Aeroflot.", {("russia", "demand")}),
    ("Russia demanded that the U.S. lift sanctions on its banks.", {("russia", "demand")}),
    ("The EU will not lift sanctions on Russia, Kallas said.", set()),
    ("Trump has not eased any sanctions on Moscow.", set()),
    (
        "Russian President Vladimir Putin on Friday rejected a Washington-backed proposal"
        " for a 30-day ceasefire, saying it would only benefit Ukraine.",
        {("putin", "rejection"), ("united_states", "demand")},
    ),
    (
        "Ukrainian President Volodymyr Zelensky said on Tuesday that Kyiv was ready to "
        "sign a ceasefire agreement immediately.",
        {("zelensky", "concession")},
    ),
    ("Trump also floated the possibility of meeting Putin in Budapest.", {("trump", "demand")}),
    ("Zelensky has said he would be willing to meet Putin in person.", set()),
    (
        "Russia's Foreign Ministry said the deployment of any Western troops would be "
        "unacceptable.",
        {("russia", "rejection")},
    ),
    (
        "Kyiv has offered to halt strikes on Russian refineries if Moscow stops attacking"
        " Ukraine's power grid.",
        {("ukraine", "concession"), ("ukraine", "demand")},
    ),
    ("Moscow has given no sign that it is willing to compromise.", set()),
    ("There is no indication that Putin is prepared to accept a ceasefire.", set()),
    (
        "Zelensky appeared to soften his stance on territorial concessions on Monday.",
        {("zelensky", "concession")},
    ),
    (
        "Lavrov reiterated that Moscow would never accept NATO membership for Ukraine.",
        {("lavrov", "rejection")},
    ),
    ("The Europeans want a seat at the table.", {("europe", "demand")}),
    (
        "Germany's chancellor, Friedrich Merz, called for a ceasefire before any talks.",
        {("merz", "demand")},
    ),
    ('Moscow dismissed the idea as "absurd".', {("russia", "rejection")}),
    (
        "Ukraine's top negotiator, Rustem Umerov, said Kyiv would not agree to any deal "
        "that limits its army.",
        {("umerov", "rejection")},
    ),
    (
        "Kallas said the EU would keep up pressure on Moscow until it agrees to a full ceasefire.",
        {("kallas", "demand")},
    ),
    ("Zelensky thanked Trump for his efforts to end the war.", set()),
    ("Trump praised Putin's willingness to negotiate.", set()),
    (
        "Russia agreed to a prisoner swap but rejected calls for an energy truce.",
        {("russia", "concession"), ("russia", "rejection")},
    ),
    (
        'Putin insisted that any settlement must be based on the "realities on the ground".',
        {("putin", "demand")},
    ),
    (
        "In Istanbul, the Russian delegation demanded that Ukraine withdraw from four regions.",
        {("russia", "demand")},
    ),
    (
        "Washington is pressing Kyiv to drop its objections to the plan.",
        {("ukraine", "rejection"), ("united_states", "demand")},
    ),
    (
        "The Ukrainian government has rejected claims that it is blocking peace.",
        {("ukraine", "rejection")},
    ),
    (
        "Putin wants Ukraine to hand over the rest of Donetsk, a demand Kyiv has rejected.",
        {("putin", "demand"), ("ukraine", "rejection")},
    ),
    ("Zelensky has repeatedly said Ukraine will not cede territory.", {("zelensky", "rejection")}),
    ("Trump has signalled that he may ease sanctions on Russia.", {("trump", "concession")}),
    (
        "Moscow has signalled that it might accept European peacekeepers under certain conditions.",
        {("russia", "concession")},
    ),
    (
        "Russia will not stop its offensive until Kyiv accepts its terms, Medvedev said.",
        {("medvedev", "demand")},
    ),
    (
        'Ukraine rejected the Russian demands as "unacceptable".',
        {("russia", "demand"), ("ukraine", "rejection")},
    ),
    ("NATO allies pledged to keep supporting Ukraine.", {("nato", "concession")}),
    ("The Kremlin said Putin had no plans to meet Zelensky.", set()),
    ("Kyiv accused Moscow of dragging out the talks to seize more land.", set()),
    ('Trump said Zelensky "has no cards" and should make a deal.', {("trump", "demand")}),
    (
        'Vance said the United States had offered "significant concessions" to both sides.',
        {("vance", "concession")},
    ),
    ("Sybiha urged partners to increase pressure on Russia.", {("sybiha", "demand")}),
    (
        "Starmer said Britain was ready to deploy troops to Ukraine to help enforce a peace deal.",
        {("starmer", "concession")},
    ),
    ("Meloni opposed sending Italian troops to Ukraine.", {("meloni", "rejection")}),
    ("Poland has ruled out sending troops.", {("poland", "rejection")}),
    ("China has refused to condemn the invasion.", {("china", "rejection")}),
    (
        'Russia insists any peace deal must address the "root causes" of the conflict.',
        {("russia", "demand")},
    ),
    ('Zelensky has called Putin\'s demands "an ultimatum".', {("putin", "demand")}),
    (
        "Peskov said the Kremlin was still waiting for Washington's response to its proposals.",
        {("russia", "demand")},
    ),
    (
        "According to Reuters, Moscow has asked Washington to recognise its control of Crimea.",
        {("russia", "demand")},
    ),
    (
        'Putin said Russia was "open to dialogue" but would not give up its goals.',
        {("putin", "rejection")},
    ),
    (
        "Ukraine has made clear it will never recognise Crimea as Russian.",
        {("ukraine", "rejection")},
    ),
    ('Zelensky offered Putin a prisoner exchange of "all for all".', {("zelensky", "concession")}),
    ('Trump said he was "very disappointed" in Putin.', set()),
    (
        "Ukraine is seeking Patriot air defence systems and long-range Tomahawk missiles.",
        {("ukraine", "demand")},
    ),
    ("Zelensky asked Trump for Tomahawk missiles during their meeting.", {("zelensky", "demand")}),
    (
        "Trump declined Zelensky's request for Tomahawk missiles.",
        {("trump", "rejection"), ("zelensky", "demand")},
    ),
    ("The Kremlin has said it is open to a prisoner swap.", {("russia", "concession")}),
    ("Russia says it is ready to resume talks in Istanbul.", set()),
    ("Moscow says it would be ready to discuss security guarantees for Ukraine.", set()),
    (
        "Zelensky said Kyiv would accept a ceasefire along the current front line as a "
        "starting point.",
        {("zelensky", "concession")},
    ),
    ("European officials fear the plan would force Ukraine to cede land.", set()),
    ("The 28-point plan calls for Ukraine to cap its army at 600,000 troops.", set()),
    ("Kushner and Witkoff met Putin for five hours but failed to reach a deal.", set()),
    ("Putin refused to commit to a ceasefire.", {("putin", "rejection")}),
    ("Yermak resigned after anti-corruption raids.", set()),
    (
        "Lavrov said Moscow was ready to give written security guarantees to Ukraine.",
        {("lavrov", "concession")},
    ),
    (
        "Ushakov said Russia was not ready to accept the European amendments.",
        {("europe", "demand"), ("ushakov", "rejection")},
    ),
    (
        "“We're not ready to give up our land,” Zelensky said in his nightly address.",
        {("zelensky", "rejection")},
    ),
    ("Putin appeared to reject the idea of a summit with Zelensky.", {("putin", "rejection")}),
    ("The proposal has been widely criticised in Kyiv.", set()),
    ("Demand for Russian gas in Europe has fallen sharply.", set()),
    ("The offer still stands, Witkoff said.", set()),
    ("Trump's plan would freeze the conflict along the current front line.", {("trump", "demand")}),
    ("Moscow's offer of a short truce was seen in Kyiv as a stunt.", {("russia", "concession")}),
    ("The Kremlin has not ruled out a meeting between Putin and Zelensky.", set()),
    ("Zelensky did not rule out holding a referendum on any territorial deal.", set()),
    (
        "The talks ended without agreement after Russia insisted on keeping all the land it holds.",
        {("russia", "demand")},
    ),
    ("Russia has long opposed NATO's expansion to the east.", {("russia", "rejection")}),
    (
        "Witkoff and Dmitriev drafted the plan in Miami last month.",
        {("dmitriev", "demand"), ("witkoff", "demand")},
    ),
    ("Macron has urged Trump not to abandon Ukraine.", {("macron", "demand")}),
    (
        "Ukraine's European allies rejected the idea of a frozen conflict.",
        {("europe", "rejection")},
    ),
    (
        "The EU has proposed using frozen Russian assets to fund a loan to Ukraine.",
        {("europe", "demand")},
    ),
    ("Belgium has blocked the use of frozen Russian assets.", {("belgium", "rejection")}),
    (
        "Rubio said the ball was now in Russia's court after Kyiv accepted the proposal.",
        {("ukraine", "concession")},
    ),
    ("Russia, for its part, insists that Ukraine must never join NATO.", {("russia", "demand")}),
    (
        "Zelensky, asked about the plan, said Ukraine would not accept it.",
        {("zelensky", "rejection")},
    ),
    (
        "Speaking to reporters aboard Air Force One, Trump said he wanted Putin to agree "
        "to a ceasefire within two weeks.",
        {("trump", "demand")},
    ),
    (
        "The Kremlin, which has repeatedly rejected calls for an immediate truce, said on"
        " Thursday that it was studying the proposal.",
        {("russia", "rejection")},
    ),
    (
        "Zelensky, who met European leaders in London on Sunday, said Ukraine could not "
        "accept the loss of its eastern regions.",
        {("zelensky", "rejection")},
    ),
    (
        "Moscow wants Kyiv to pull its troops out of the parts of Donetsk it still "
        "controls, while Ukraine insists the front line should be frozen where it is.",
        {("russia", "demand"), ("ukraine", "demand")},
    ),
    (
        "Putin, speaking at a news conference in Moscow, said Russia was ready for peace "
        "talks but would not halt its offensive while they took place.",
        set(),
    ),
    (
        "European diplomats said the draft, which was negotiated by Witkoff and Dmitriev,"
        " largely reflected Russian demands.",
        {("russia", "demand")},
    ),
    (
        "Russian officials have repeatedly said that a ceasefire is only possible once "
        "Western weapons deliveries stop.",
        {("russia", "demand")},
    ),
    (
        "Zelensky said Ukraine was prepared to hold elections within 90 days of a "
        "ceasefire if its partners could guarantee security.",
        {("zelensky", "concession"), ("zelensky", "demand")},
    ),
    (
        "The Ukrainian leader has also rejected the idea of giving up territory that "
        "Russian forces have failed to capture.",
        {("zelensky", "rejection")},
    ),
    (
        "Trump's special envoy said the administration was no longer insisting on a full "
        "ceasefire before talks.",
        {("witkoff", "concession")},
    ),
    (
        "Washington has dropped its insistence that Ukraine be part of any talks about its future.",
        {("united_states", "concession"), ("united_states", "demand")},
    ),
    (
        "Russia is no longer demanding that Ukraine withdraw from Zaporizhzhia and "
        "Kherson, according to people familiar with the talks.",
        {("russia", "concession")},
    ),
    (
        "Lavrov told his U.S. counterpart that Moscow would respond to any deployment of "
        "European troops.",
        set(),
    ),
    (
        "Zelensky made clear that Ukraine would not agree to reduce the size of its armed forces.",
        {("zelensky", "rejection")},
    ),
    (
        "Putin is willing to accept a freeze of the front line in Zaporizhzhia and "
        "Kherson, two sources told Reuters.",
        {("putin", "concession")},
    ),
    (
        "Sources said Putin was ready to drop his demand for the whole of Zaporizhzhia.",
        {("putin", "concession"), ("putin", "demand")},
    ),
    ("Trump has repeatedly blamed Zelensky for the war.", set()),
    (
        "Medvedev warned that Russia would seize more land if Kyiv refused to negotiate.",
        {("medvedev", "demand")},
    ),
    (
        "The EU insists that it must be involved in any settlement that affects European security.",
        {("europe", "demand")},
    ),
    (
        "Orban said Hungary would not support new sanctions unless energy imports were exempted.",
        {("orban", "demand")},
    ),
    (
        "Russia has offered to let Ukraine keep the Kharkiv and Sumy regions it has "
        "partially occupied.",
        {("russia", "concession")},
    ),
    ("Trump said he had told Putin that he needed to end the war.", {("trump", "demand")}),
    (
        "“We cannot recognise any part of our territory as Russian,” Sybiha said.",
        {("sybiha", "rejection")},
    ),
    (
        "Putin's aides have ruled out any meeting with Zelensky until a final deal is ready.",
        {("putin", "rejection")},
    ),
    (
        "Zelensky's office said Ukraine would never accept the occupation of its land.",
        {("zelensky", "rejection")},
    ),
    (
        "A senior Ukrainian official said Kyiv had rejected Moscow's latest demands.",
        {("russia", "demand"), ("ukraine", "rejection")},
    ),
    (
        "The White House has asked European countries to buy more American weapons for Ukraine.",
        {("united_states", "demand")},
    ),
    (
        "Under the proposal, Ukraine would cede the rest of Donetsk in exchange for "
        "security guarantees.",
        set(),
    ),
    (
        "Russia would receive sanctions relief under the deal, according to a draft seen "
        "by the Financial Times.",
        set(),
    ),
    ("Kyiv balked at the provision capping its army at 600,000.", {("ukraine", "rejection")}),
    ("Putin said he saw no reason to agree to a temporary truce.", {("putin", "rejection")}),
    ("There is little appetite in Moscow for a ceasefire.", set()),
    (
        "The Kremlin has rejected as unacceptable a proposal by European countries to "
        "deploy peacekeepers.",
        {("europe", "demand"), ("russia", "rejection")},
    ),
    (
        "Starmer and Macron have offered to lead a coalition of the willing to police a ceasefire.",
        {("macron", "concession"), ("starmer", "concession")},
    ),
    ("Kyiv fears it will be pressured into accepting a bad deal.", set()),
    (
        "Trump has threatened to cut off intelligence sharing unless Zelensky accepts the"
        " plan by Thursday.",
        {("trump", "demand")},
    ),
    (
        "Zelensky eventually agreed to sign the minerals deal after weeks of pressure "
        "from Washington.",
        {("zelensky", "concession")},
    ),
    ("The U.S. wants Ukraine to accept the deal by Thanksgiving.", {("united_states", "demand")}),
    ("Some in the administration want Trump to walk away from the talks.", set()),
    ("Both Moscow and Kyiv have accused each other of violating the energy truce.", set()),
    (
        "Moscow says it has accepted the U.S. plan as a basis for talks.",
        {("russia", "concession"), ("united_states", "demand")},
    ),
    ("The Kremlin said it had not received any proposals from Washington.", set()),
    (
        'Vance said Russia had made "significant concessions" for the first time.',
        {("russia", "concession")},
    ),
    ("Zelensky described the talks in Geneva as constructive.", set()),
    ("Peskov said that Moscow had no intention of attacking NATO.", set()),
    ("Rubio insisted that Ukraine had not been sidelined.", set()),
    ("Lavrov demanded guarantees that NATO would never admit Ukraine.", {("lavrov", "demand")}),
    (
        "Ukraine has asked for a full ceasefire in the air, at sea and on land.",
        {("ukraine", "demand")},
    ),
    ("Moscow rejected the ceasefire, and so did Minsk.", {("russia", "rejection")}),
    (
        "Russia and Ukraine agreed to a 30-day halt on strikes against energy infrastructure.",
        {("russia", "concession"), ("ukraine", "concession")},
    ),
    (
        "Moscow added conditions to the energy truce, including the lifting of sanctions "
        "on a state agricultural bank.",
        {("russia", "demand")},
    ),
    (
        "Zelensky said his country would never give up Donbas, even under American pressure.",
        {("zelensky", "rejection")},
    ),
    (
        "The Europeans countered with their own plan, which drops the cap on Ukraine's army.",
        {("europe", "demand")},
    ),
    ("Russia has demanded the removal of the Ukrainian leadership.", {("russia", "demand")}),
    (
        "Kyiv wants any ceasefire to be monitored by international observers.",
        {("ukraine", "demand")},
    ),
    (
        "Zelensky's chief of staff said Ukraine was ready to consider the U.S. proposals.",
        {("united_states", "demand")},
    ),
    (
        "Rubio said Ukraine had accepted the U.S. proposal and the ball was now in Russia's court.",
        {("ukraine", "concession"), ("united_states", "demand")},
    ),
    (
        "Trump told Zelensky to accept Putin's terms or face destruction.",
        {("putin", "demand"), ("trump", "demand")},
    ),
    (
        "Putin has made clear he will not accept anything less than the whole of Donbas.",
        {("putin", "rejection")},
    ),
    ("Kyiv called on Washington to keep up the pressure on Moscow.", {("ukraine", "demand")}),
    (
        "The Kremlin's message was clear. Moscow will not accept any deal that leaves "
        "Ukraine in NATO's orbit.",
        {("russia", "rejection")},
    ),
    ("Putin is betting that time is on his side.", set()),
    ("For Trump, the priority is a quick deal.", set()),
    (
        "Trump, for his part, has demanded that Europe shoulder more of the burden.",
        {("trump", "demand")},
    ),
    ("Zelensky faces a dilemma: accept a bad deal or risk losing American support.", set()),
    (
        "The proposal, first floated by Trump in February, would see Ukraine give up Crimea.",
        {("trump", "demand")},
    ),
    ("Kyiv has little choice but to accept.", set()),
    ("Washington must decide whether to keep arming Ukraine.", set()),
    ("“We have never demanded anything from Ukraine that is not ours,” Putin said.", set()),
    (
        "In a statement, the Ukrainian foreign ministry said Russia's demands amounted to"
        " a capitulation.",
        {("russia", "demand")},
    ),
    (
        "The United States and Russia agreed to restore embassy staffing.",
        {("russia", "concession"), ("united_states", "concession")},
    ),
    ("Lavrov and Rubio agreed to work toward ending the war.", set()),
    ("Putin proposed direct talks with Ukraine in Istanbul.", {("putin", "demand")}),
    (
        "Zelensky accepted the offer of direct talks but demanded a ceasefire first.",
        {("zelensky", "concession"), ("zelensky", "demand")},
    ),
    ('Rubio called the talks "constructive".', set()),
    ("The Kremlin said Putin would not attend the talks in person.", set()),
    (
        "Russia's delegation walked out after Ukraine refused to discuss territorial issues.",
        {("ukraine", "rejection")},
    ),
    ("Ukraine's military intelligence chief said Russia was preparing a new offensive.", set()),
    (
        'Sybiha said Kyiv was ready for a ceasefire "at any moment" if Russia reciprocated.',
        {("sybiha", "concession"), ("sybiha", "demand")},
    ),
    (
        "Trump dismissed Zelensky's concerns, saying Ukraine had to be realistic.",
        {("trump", "demand"), ("trump", "rejection")},
    ),
    ("Witkoff relayed Putin's demand for the whole of Donbas to Zelensky.", {("putin", "demand")}),
    ("The Russian side wants sanctions lifted before any deal is signed.", {("russia", "demand")}),
    ("It is not clear whether Putin will accept the plan.", set()),
    ("Analysts said Putin was unlikely to compromise.", set()),
    (
        'Moscow has insisted on the "demilitarisation" and "denazification" of Ukraine.',
        {("russia", "demand")},
    ),
    ("The two leaders agreed that their teams would keep talking.", set()),
    ("Trump offered Putin a face-saving way out.", {("trump", "concession")}),
    ("Putin rejected the offer, according to the Kremlin.", {("putin", "rejection")}),
    ("Zelensky is under growing pressure to accept a deal.", set()),
    ("European leaders are pushing for a stronger role in the talks.", {("europe", "demand")}),
    (
        "Britain and France said they were prepared to send troops after a ceasefire.",
        {("france", "concession"), ("united_kingdom", "concession")},
    ),
    (
        "The Kremlin spokesman said a ceasefire must not be used by Kyiv to rearm.",
        {("peskov", "demand")},
    ),
    (
        "Kyiv rejected Washington's proposal to hold elections within 100 days.",
        {("ukraine", "rejection"), ("united_states", "demand")},
    ),
    (
        "Zelensky said Ukraine needed more air defence, not a ceasefire on Russia's terms.",
        {("russia", "demand"), ("zelensky", "demand")},
    ),
    ("The Europeans fear being sidelined.", set()),
    ("Hegseth ruled out NATO membership for Ukraine.", {("hegseth", "rejection")}),
    ("Lavrov welcomed the U.S. position on NATO.", set()),
    ("Rubio warned Moscow that the U.S. could impose further sanctions.", set()),
    (
        "Zelensky spoke in Kyiv on Monday. He rejected the plan outright.",
        {("zelensky", "rejection")},
    ),
    (
        "Von der Leyen addressed the European Parliament. She called for new sanctions.",
        {("von_der_leyen", "demand")},
    ),
    ("Ukrainian officials reviewed the plan. They said it favoured Moscow.", set()),
    (
        "Putin had earlier demanded that Kyiv withdraw from Donetsk; Zelensky refused.",
        {("putin", "demand"), ("zelensky", "rejection")},
    ),
    (
        "Ukraine agreed to most of the plan but balked at the territorial provisions.",
        {("ukraine", "concession"), ("ukraine", "rejection")},
    ),
    ("The plan was welcomed by Moscow and criticised by Kyiv.", set()),
    ("Putin wants a neutral Ukraine, Ushakov told reporters.", {("putin", "demand")}),
    ("Kyiv would never agree to such terms, a senior official said.", {("ukraine", "rejection")}),
    (
        "Merz and Macron urged Trump to stand firm against Putin's demands.",
        {("macron", "demand"), ("merz", "demand"), ("putin", "demand")},
    ),
    (
        "Trump's plan, unveiled last week, calls for a demilitarised buffer zone.",
        {("trump", "demand")},
    ),
    ("Analysts said Putin would accept a freeze.", set()),
    (
        "Moscow is ready to freeze the front line, two sources told Reuters.",
        {("russia", "concession")},
    ),
    (
        "Russia wants the whole of Donbas, people familiar with the talks said.",
        {("russia", "demand")},
    ),
    (
        "KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy on Sunday rejected "
        "a Russian proposal to hold direct talks without a ceasefire.",
        {("russia", "demand"), ("zelensky", "rejection")},
    ),
    (
        "President Donald Trump said Tuesday that he expected Russia to agree to a ceasefire soon.",
        set(),
    ),
    (
        "Moscow has said it would only consider a ceasefire if Kyiv stops mobilising and "
        "the West halts arms deliveries.",
        {("russia", "demand")},
    ),
    (
        "Putin’s foreign policy aide Yuri Ushakov said Moscow had not received the updated plan.",
        set(),
    ),
    (
        "Ukraine and its European allies have drawn up a counterproposal that would "
        "freeze the conflict along current lines.",
        {("europe", "demand"), ("ukraine", "demand")},
    ),
    (
        "Zelenskyy has repeatedly said Ukraine won’t give up land in exchange for peace.",
        {("zelensky", "rejection")},
    ),
    ("European officials said they had not been consulted on the plan.", set()),
    (
        "The Kremlin has signaled openness to the U.S. proposals but says key issues "
        "remain unresolved.",
        {("russia", "concession"), ("united_states", "demand")},
    ),
    (
        "Russia launched hundreds of drones overnight, hours after Putin said he was "
        "committed to peace.",
        set(),
    ),
    (
        "Kyiv has said it is willing to freeze the conflict along the current front line.",
        {("ukraine", "concession")},
    ),
    (
        "Putin told Trump in a call on Thursday that Russia would respond to any Tomahawk"
        " deliveries.",
        set(),
    ),
    ("Witkoff said the two sides had narrowed their differences to a few issues.", set()),
    (
        "Lavrov said Moscow would not tolerate the presence of Western troops in Ukraine.",
        {("lavrov", "rejection")},
    ),
    (
        "Trump said he wanted the war to end and was prepared to lift sanctions if Russia"
        " cooperated.",
        {("trump", "concession"), ("trump", "demand")},
    ),
    ("The plan would require Kyiv to cede the parts of Donetsk it still controls.", set()),
    ("Ukraine’s parliament voted to extend martial law.", set()),
    (
        "Putin accused Ukraine of trying to derail the talks and said Russia would keep "
        "fighting until its goals were achieved.",
        {("putin", "demand")},
    ),
    (
        "Finland's President Alexander Stubb urged the U.S. to maintain sanctions on Russia.",
        {("stubb", "demand")},
    ),
    (
        "Ukraine rejected a Russian demand that it withdraw its forces from the "
        "Zaporizhzhia region.",
        {("russia", "demand"), ("ukraine", "rejection")},
    ),
    (
        "Russia has repeatedly rejected European involvement in the talks.",
        {("russia", "rejection")},
    ),
    (
        "NATO Secretary General Mark Rutte urged allies to increase defense spending.",
        {("rutte", "demand")},
    ),
    ("The U.S. has stopped short of recognizing Crimea as Russian.", set()),
    ("Moscow wants the West to stop supplying weapons to Kyiv.", {("russia", "demand")}),
    (
        "Kyiv agreed to exchange prisoners and return the bodies of fallen soldiers.",
        {("ukraine", "concession")},
    ),
    (
        "“The ball is now in Russia’s court,” Rubio said, urging Moscow to accept the truce.",
        {("rubio", "demand")},
    ),
    ("Zelenskyy urged Trump to press Putin harder.", {("zelensky", "demand")}),
    ("Peskov said Putin was open to meeting Trump again.", set()),
    ("The White House has rejected reports that it pressured Kyiv to accept the deal.", set()),
    (
        "Orban has vowed to block any EU decision to use frozen Russian assets.",
        {("orban", "rejection")},
    ),
    ("Kyiv fears Washington will force it to give up land.", set()),
    ("Trump said that Putin wanted to end the war.", set()),
    ("Sybiha said Russia must be forced to accept peace.", {("sybiha", "demand")}),
    ("According to the Kremlin, the two presidents agreed to continue contacts.", set()),
    ("Kallas said the EU should not reward Russian aggression.", {("kallas", "demand")}),
    ('Starmer said a deal must be "just and lasting".', {("starmer", "demand")}),
    ("Moscow rejected accusations that it was stalling the negotiations.", set()),
    ("Russia will not allow Ukraine to join NATO, Ryabkov said.", {("ryabkov", "rejection")}),
    ("Trump has given Putin two weeks to agree to a ceasefire.", {("trump", "demand")}),
    ("Zelensky's team prepared a counterproposal over the weekend.", {("zelensky", "demand")}),
    (
        "Medvedev dismissed the European plan as a provocation.",
        {("europe", "demand"), ("medvedev", "rejection")},
    ),
    (
        "Zelensky addressed parliament on Tuesday. “We will not accept any ultimatums,” he said.",
        {("zelensky", "rejection")},
    ),
    (
        "Lavrov said the plan was “a good basis” for talks. “But we need guarantees,” he added.",
        {("lavrov", "demand")},
    ),
    ("Ukraine and Russia both claimed victory in the exchange.", set()),
    ("Both sides have accused each other of violating the truce.", set()),
    (
        "Kyiv, for its part, has insisted that any ceasefire must be unconditional.",
        {("ukraine", "demand")},
    ),
    (
        "Russian Deputy Foreign Minister Sergei Ryabkov said Moscow would not make any "
        "concessions on Crimea.",
        {("ryabkov", "rejection")},
    ),
    (
        "Zelensky has proposed a swap: Ukrainian-held land in Kursk for Russian-occupied "
        "territory.",
        {("zelensky", "demand")},
    ),
    (
        "Putin's spokesman said the Kremlin had \"taken note\" of Trump's ultimatum.",
        {("trump", "demand")},
    ),
    ("Trump's ultimatum expires on Friday.", {("trump", "demand")}),
    ("Under pressure from Washington, Kyiv agreed to resume talks.", set()),
    (
        "Moscow signalled it was ready to trade the occupied parts of Kharkiv for the "
        "rest of Donetsk.",
        {("russia", "concession")},
    ),
    (
        "Kyiv insists that Ukraine's security must be guaranteed by Western troops on the ground.",
        {("ukraine", "demand")},
    ),
    ("Trump has repeatedly floated the idea of a land swap.", {("trump", "demand")}),
    (
        "Russia says it will not accept any European peacekeepers, calling them a threat.",
        {("russia", "rejection")},
    ),
    (
        'Zelensky said the Russian proposal was "absolutely unacceptable".',
        {("russia", "demand"), ("zelensky", "rejection")},
    ),
    ("Peskov declined to say whether Putin would accept the invitation.", set()),
    (
        "Macron said France and Britain were ready to lead a reassurance force in Ukraine.",
        {("macron", "concession"), ("united_kingdom", "concession")},
    ),
    (
        "Russia's central demand is that Ukraine abandon its bid to join NATO.",
        {("russia", "demand")},
    ),
    ("Ukraine's key condition for any deal is a full ceasefire.", {("ukraine", "demand")}),
    (
        "Washington's proposal, presented in Riyadh, was accepted by Kyiv.",
        {("ukraine", "concession"), ("united_states", "demand")},
    ),
    ("The Kremlin wants any deal to include the lifting of sanctions.", {("russia", "demand")}),
    ("The European Union refused to recognize the annexation.", {("europe", "rejection")}),
    ("Ukraine has long sought membership of the European Union.", {("ukraine", "demand")}),
    ("Vance criticized Europe for its reluctance to spend more on defense.", set()),
    ("Russia has refused to return the deported children.", {("russia", "rejection")}),
    (
        "Kyiv demanded the return of the Zaporizhzhia nuclear plant to Ukrainian control.",
        {("ukraine", "demand")},
    ),
    (
        "Moscow proposed that the plant be run jointly by Russia and the United States.",
        {("russia", "demand")},
    ),
    ('Trump said he had "no intention" of recognizing Crimea.', {("trump", "rejection")}),
    (
        "Putin wants to restore Russia's control over the whole of Ukraine, Zelensky said.",
        {("putin", "demand")},
    ),
    ("Starmer ruled out lifting sanctions before a ceasefire.", {("starmer", "rejection")}),
    (
        "The Kremlin dismissed the European counterproposal within hours.",
        {("europe", "demand"), ("russia", "rejection")},
    ),
    (
        "Trump pressed Putin to agree to a ceasefire, but the Russian leader refused.",
        {("putin", "rejection"), ("trump", "demand")},
    ),
    ("Ukrainian officials said they would study the document carefully.", set()),
    ("The deal collapsed after Moscow demanded more territory.", {("russia", "demand")}),
    (
        "Zelensky conceded that Ukraine could not win back all its territory by force.",
        {("zelensky", "concession")},
    ),
    (
        "Kyiv has dropped its demand for a return to the 1991 borders.",
        {("ukraine", "concession"), ("ukraine", "demand")},
    ),
    ("Kyiv caved to American pressure and signed the deal.", {("ukraine", "concession")}),
    ("Putin bowed to pressure and agreed to a short truce.", {("putin", "concession")}),
    (
        "Trump backtracked on his threat to impose tariffs on Russian oil.",
        {("trump", "concession"), ("trump", "demand")},
    ),
    ("Zelensky stood firm on his refusal to cede territory.", {("zelensky", "rejection")}),
    ("Moscow has dug in on its demand for the whole of Donetsk.", {("russia", "demand")}),
    (
        "Russia is holding out for a deal that recognises its territorial gains.",
        {("russia", "demand")},
    ),
    ("Putin has set out his conditions for a ceasefire.", {("putin", "demand")}),
    ("Kyiv will not budge on the question of territory.", {("ukraine", "rejection")}),
    ("The Kremlin shelved the proposal.", {("russia", "rejection")}),
    ("Zelensky gave ground on the issue of elections.", {("zelensky", "concession")}),
    ("Putin signed off on the prisoner exchange.", {("putin", "concession")}),
    ("Russia refused point-blank to discuss the status of Crimea.", {("russia", "rejection")}),
    ("Ukrainian negotiators said they would not budge.", {("ukraine", "rejection")}),
    ("Lavrov said Moscow had no plans to halt its offensive.", set()),
    ("Rubio said Washington would not be drawn into a long negotiation.", set()),
    (
        "The U.S. has agreed to provide Ukraine with security guarantees similar to "
        "NATO's Article 5.",
        {("united_states", "concession")},
    ),
    ("Europe has offered to enforce a demilitarised zone.", {("europe", "concession")}),
    (
        "Kyiv balked, insisting that its army must not be capped.",
        {("ukraine", "demand"), ("ukraine", "rejection")},
    ),
    ("Moscow nixed the idea.", {("russia", "rejection")}),
    ("Trump's team has been angling for a minerals deal.", {("trump", "demand")}),
    ("Zelensky relented and agreed to talks in Istanbul.", {("zelensky", "concession")}),
    (
        "Putin insisted Ukraine had to give up Donetsk, and Zelensky refused again.",
        {("putin", "demand"), ("zelensky", "rejection")},
    ),
    ("Kyiv wants the ceasefire to begin before any territorial talks.", {("ukraine", "demand")}),
    ("Trump said he was open to a meeting with Putin and Zelensky.", set()),
    (
        "Washington signalled it would no longer insist on an immediate ceasefire.",
        {("united_states", "concession")},
    ),
    ("Russia has stopped demanding Zelensky's removal.", {("russia", "concession")}),
    ("The Kremlin reiterated its refusal to negotiate with Zelensky.", {("russia", "rejection")}),
    ("Ukraine will insist on the return of all prisoners, Umerov said.", {("umerov", "demand")}),
    (
        "Zelensky's demand for Tomahawks was turned down by Trump.",
        {("trump", "rejection"), ("zelensky", "demand")},
    ),
    ("Russia's demands have not changed since 2022, analysts say.", {("russia", "demand")}),
    ("The offer of talks came as Russian troops advanced in the east.", set()),
    ("Putin's refusal came hours after the call.", {("putin", "rejection")}),
    ("Trump has accepted an invitation to visit Moscow.", set()),
    ("Zelensky accepted the resignation of his chief of staff.", set()),
    ("The EU agreed on a new sanctions package against Russia.", set()),
    ("NATO allies agreed to raise defence spending to 5% of GDP.", {("nato", "concession")}),
    (
        "Russia accepted Ukraine's offer of a prisoner swap.",
        {("russia", "concession"), ("ukraine", "concession")},
    ),
    ("Ukraine's offer was rejected.", {("ukraine", "concession")}),
    ('Trump called Zelensky a "dictator without elections".', set()),
    ("Trump demanded an apology from Zelensky.", {("trump", "demand")}),
    ("Zelensky refused to apologise.", {("zelensky", "rejection")}),
    ("Putin rejected the accusation that Russia was targeting civilians.", set()),
    ("The Kremlin denied that Putin had agreed to a ceasefire.", set()),
    ("Witkoff denied reports that he had shared the plan with Moscow.", set()),
    ("The Ukrainian military said it had repelled a Russian attack.", set()),
    ("Russian forces have made significant gains around Pokrovsk.", set()),
    ("Moscow's gains on the battlefield have strengthened its hand in the talks.", set()),
    ("Ukraine's allies are urging restraint.", {("west", "demand")}),
    ("Kyiv has no choice but to accept American terms.", {("united_states", "demand")}),
    ("The proposal drew a swift rejection from Moscow.", {("russia", "rejection")}),
    ("Zelensky's rejection of the plan angered Trump.", {("zelensky", "rejection")}),
    (
        "Trump's demand for elections in Ukraine echoed Kremlin talking points.",
        {("trump", "demand")},
    ),
    ("Europe's response to the plan was cautious.", set()),
    (
        "Putin agreed that Europe could play a role in security guarantees.",
        {("putin", "concession")},
    ),
    ("Trump agreed with Putin that a ceasefire was not the first step.", {("trump", "concession")}),
    ("Moscow has offered Kyiv nothing in return.", set()),
    ("Russia insisted on holding the talks in Istanbul.", {("russia", "demand")}),
    ("Zelensky is pushing for a meeting with Putin.", {("zelensky", "demand")}),
    ("Peskov said the proposals were being studied.", set()),
    ("Hungary will not block the new sanctions package, Orban said.", {("orban", "concession")}),
    (
        "Kyiv would not oppose a freeze along the current line, officials said.",
        {("ukraine", "concession")},
    ),
    ("Russia did not oppose the resolution.", set()),
    ("Germany will not veto the use of frozen assets.", {("germany", "concession")}),
    (
        "Foreign Minister Sergei Lavrov said on Monday that Russia would not agree to any"
        " deployment of NATO troops.",
        {("lavrov", "rejection")},
    ),
    (
        "Secretary of State Marco Rubio told reporters late Tuesday that Ukraine had "
        "agreed to the U.S. proposal.",
        {("ukraine", "concession"), ("united_states", "demand")},
    ),
    (
        "Vice President JD Vance said Washington wanted a settlement that would end the killing.",
        {("vance", "demand")},
    ),
    (
        "Treasury Secretary Scott Bessent said the U.S. was prepared to impose further "
        "sanctions on Russian oil.",
        set(),
    ),
    (
        "German Chancellor Friedrich Merz rejected Putin's proposal of direct talks "
        "without a ceasefire.",
        {("merz", "rejection"), ("putin", "demand")},
    ),
    (
        "French President Emmanuel Macron said Europe must be at the negotiating table.",
        {("macron", "demand")},
    ),
    (
        'British Prime Minister Keir Starmer urged Putin to "stop the stalling" and agree'
        " to a ceasefire.",
        {("starmer", "demand")},
    ),
    (
        "Kremlin aide Yuri Ushakov said Moscow had received the plan but not yet discussed it.",
        set(),
    ),
    (
        "Russian envoy Kirill Dmitriev said the U.S. and Russia were close to a deal on "
        "economic cooperation.",
        set(),
    ),
    (
        'Ukraine\'s Foreign Minister Andrii Sybiha called the Russian demands "unacceptable".',
        {("russia", "demand"), ("sybiha", "rejection")},
    ),
    (
        "Defense Secretary Pete Hegseth said a return to Ukraine's pre-2014 borders was "
        "unrealistic.",
        {("hegseth", "rejection")},
    ),
    (
        "Putin said late Thursday that Russia was ready to halt strikes on energy "
        "facilities for 30 days.",
        {("putin", "concession")},
    ),
    (
        "Zelensky said on Telegram that Ukraine was ready for a complete ceasefire if "
        "Russia did the same.",
        {("zelensky", "concession"), ("zelensky", "demand")},
    ),
    ("The Ukrainian president also called for more pressure on Moscow.", {("zelensky", "demand")}),
    (
        "Moscow wants guarantees that Ukraine will never join NATO and that Western "
        "troops will stay out.",
        {("russia", "demand")},
    ),
    ("Ukraine insists it must keep an army of at least 800,000 troops.", {("ukraine", "demand")}),
    ("Russia would like to see Ukraine's army capped at 110,000.", {("russia", "demand")}),
    (
        "The Russian proposal envisages a demilitarised zone along the border.",
        {("russia", "demand")},
    ),
    ("Under the European plan, sanctions would be eased gradually.", {("europe", "demand")}),
    ("Zelensky rejected the idea that Ukraine should cede land.", {("zelensky", "rejection")}),
    ("Peskov said that the president remained open to contacts with Kyiv.", set()),
    ("The two sides agreed to set up working groups.", set()),
    (
        "Washington proposed that both sides refrain from strikes on energy infrastructure.",
        {("united_states", "demand")},
    ),
    (
        "Kyiv accepted the proposal within hours, while Moscow set new conditions.",
        {("russia", "demand"), ("ukraine", "concession")},
    ),
    ("Lavrov accused the Europeans of sabotaging the peace process.", set()),
    ("The U.S. envoy met Zelensky's chief of staff in Berlin.", set()),
    ("The Kremlin has dismissed a report that Putin is ready to freeze the front line.", set()),
    (
        "Putin laid out his terms in a speech on Friday. Kyiv rejected them within hours.",
        {("putin", "demand"), ("ukraine", "rejection")},
    ),
    (
        "Witkoff presented a new proposal to Putin. The Russian leader rejected it.",
        {("putin", "rejection"), ("witkoff", "demand")},
    ),
    ("Trump spoke to Zelensky by phone. He urged him to accept the deal.", {("trump", "demand")}),
    (
        "Zelensky met Vance in Munich. He told him Ukraine would never cede land.",
        {("zelensky", "rejection")},
    ),
    (
        "The Kremlin wants Kyiv to withdraw from Donbas. Zelensky has refused.",
        {("russia", "demand"), ("zelensky", "rejection")},
    ),
    (
        "Europe proposed a 30-day truce. Moscow dismissed the proposal.",
        {("europe", "demand"), ("russia", "rejection")},
    ),
    (
        "Russia offered a three-day truce. Kyiv called the offer a cynical ploy.",
        {("russia", "concession")},
    ),
    (
        "Ukraine has asked for Patriot systems. Washington agreed to the request.",
        {("ukraine", "demand"), ("united_states", "concession")},
    ),
    (
        "Moscow demanded that Kyiv abandon its NATO ambitions. Such demands are a non-"
        "starter, Sybiha said.",
        {("russia", "demand"), ("sybiha", "rejection")},
    ),
    (
        "The Americans want a deal by Christmas. The Europeans want guarantees first.",
        {("europe", "demand"), ("united_states", "demand")},
    ),
    ("Russia said it had halted its advance near Kharkiv.", set()),
    ("Lavrov's counterpart, Rubio, rejected the claim.", {("rubio", "rejection")}),
    ("Trump met Putin in Alaska. He later said the summit had gone well.", set()),
    (
        "Zelensky refused to sign. He said the deal would reward aggression.",
        {("zelensky", "rejection")},
    ),
    (
        "Kyiv wants security guarantees. Moscow rejects them.",
        {("russia", "rejection"), ("ukraine", "demand")},
    ),
    ("If the talks fail, Trump is expected to impose new sanctions.", set()),
    ("Whether Putin will accept remains to be seen.", set()),
    ("Putin will only accept a deal on his own terms.", {("putin", "demand")}),
    ("Europe must be ready to defend itself.", set()),
    ("Russia is unlikely to agree to a ceasefire anytime soon.", set()),
    ("Kyiv cannot be expected to give up territory it still controls.", set()),
    ("A deal that forces Ukraine to cede land would reward aggression.", set()),
    ("Trump wants to be seen as a peacemaker.", set()),
    ("Zelensky hopes the U.S. will keep supplying weapons.", set()),
    ("Moscow is counting on Western fatigue.", set()),
    ("Ukraine's demand for a full ceasefire is reasonable.", {("ukraine", "demand")}),
    ("It would be a mistake for Kyiv to accept this deal.", set()),
    ("Trump's critics want him to take a tougher line.", set()),
    ("Putin's supporters demand a total victory.", set()),
    ("Trump's allies in Congress urged him to impose sanctions.", set()),
    ("Zelensky's opponents accused him of prolonging the war.", set()),
    ("Should Kyiv accept the plan, Russia would gain a fifth of Ukraine.", set()),
    ("Were Putin to accept a ceasefire, sanctions could be eased.", set()),
    ("Nobody expects the Kremlin to back down.", set()),
    ("Putin has shown no willingness to compromise.", {("putin", "rejection")}),
    (
        "Ukraine's top negotiator said Kyiv had accepted most of the U.S. framework.",
        {("ukraine", "concession"), ("united_states", "demand")},
    ),
    (
        "The Kremlin poured scorn on the European counter-proposal, calling it unworkable.",
        {("europe", "demand"), ("russia", "rejection")},
    ),
    (
        "Putin has demanded guarantees that NATO will halt its eastward expansion.",
        {("putin", "demand")},
    ),
    (
        "Zelensky, in an interview with Axios, said he would not recognise Russian "
        "control over any Ukrainian territory.",
        {("zelensky", "rejection")},
    ),
    (
        "Moscow would accept a ceasefire only if Western arms deliveries stopped, Ushakov said.",
        {("ushakov", "concession"), ("ushakov", "demand")},
    ),
    ("Rubio played down expectations of a breakthrough.", set()),
    ("Trump called on Europe to stop buying Russian oil.", {("trump", "demand")}),
    ("The EU wants Ukraine to keep its army at full strength.", {("europe", "demand")}),
    (
        "Putin agreed to a 30-day moratorium on strikes against energy infrastructure.",
        {("putin", "concession")},
    ),
    ("Kyiv welcomed the proposal but said it needed more details.", {("ukraine", "demand")}),
    (
        "Russia's insistence on keeping Crimea is non-negotiable, Lavrov said.",
        {("lavrov", "rejection"), ("russia", "demand")},
    ),
    (
        "Ukraine would agree to a ceasefire along the current front line, Yermak said.",
        {("yermak", "concession")},
    ),
    (
        "The United States has offered to share intelligence with Ukraine again.",
        {("united_states", "concession")},
    ),
    (
        "Dmitriev said Russia was prepared to offer American companies access to Arctic projects.",
        {("dmitriev", "concession")},
    ),
    ("Kallas warned against any deal that rewards the aggressor.", set()),
    ("Putin refused to meet Zelensky in Istanbul.", {("putin", "rejection")}),
    ("The plan, which Zelensky called a basis for talks, would cap Ukraine's army.", set()),
    (
        "Trump pressured Zelensky into accepting a deal that Kyiv had long resisted.",
        {("trump", "demand"), ("ukraine", "rejection"), ("zelensky", "concession")},
    ),
    (
        "Russia offered to guarantee safe passage for Ukrainian grain ships.",
        {("russia", "concession")},
    ),
    ("Ukraine demanded reparations for the damage caused by the war.", {("ukraine", "demand")}),
    (
        "“We are ready to sign a ceasefire today,” Zelensky said. “But Russia must stop "
        "its attacks first.”",
        {("zelensky", "concession"), ("zelensky", "demand")},
    ),
    (
        "Lavrov was asked about the European proposal. “This is unacceptable for us,” he said.",
        {("europe", "demand"), ("lavrov", "rejection")},
    ),
    (
        "According to a Kremlin readout, Putin told Trump that Russia was ready to work "
        "on a memorandum.",
        set(),
    ),
    (
        "According to two officials, Witkoff proposed that Ukraine withdraw from Donetsk "
        "in exchange for a freeze elsewhere.",
        {("witkoff", "demand")},
    ),
    ("“Ukraine will never be a member of NATO,” Medvedev wrote on Telegram.", set()),
    ("“There can be no peace without justice,” Zelensky told the UN General Assembly.", set()),
    ("Russia, Peskov said, would not agree to a temporary truce.", {("peskov", "rejection")}),
    (
        "The Kremlin, according to Ushakov, has rejected the idea of European peacekeepers.",
        {("ushakov", "rejection")},
    ),
    ("“We want peace, but not at any price,” the Ukrainian leader said.", {("zelensky", "demand")}),
    ("“The Russians want everything,” one European diplomat said.", {("russia", "demand")}),
    ("Trump posted that Putin must agree to a ceasefire “or else”.", {("trump", "demand")}),
    (
        "In a post on X, Sybiha urged allies to tighten sanctions on Russian oil.",
        {("sybiha", "demand")},
    ),
    (
        "Zelensky appealed to Western leaders for more air defence systems.",
        {("zelensky", "demand")},
    ),
    ("Kyiv has requested additional Patriot batteries from Germany.", {("ukraine", "demand")}),
    ("Sybiha implored the EU to approve the loan quickly.", {("sybiha", "demand")}),
    (
        "Russia made any truce contingent on a halt to Western arms supplies.",
        {("russia", "demand")},
    ),
    ("Moscow is lobbying Washington to lift sanctions on Aeroflot.", {("russia", "demand")}),
    ("Putin is seeking to split Europe from the United States.", set()),
    ("Ukraine is pressing for a seat at any talks on its future.", {("ukraine", "demand")}),
    ("Trump is demanding a share of Ukraine's mineral wealth.", {("trump", "demand")}),
    ("Europe is urging Washington not to rush into a deal.", {("europe", "demand")}),
    ("Russia wants to be compensated for Western sanctions.", {("russia", "demand")}),
    ("Zelensky did not rule out a referendum on territorial questions.", set()),
    (
        "Moscow has never accepted Ukraine's right to exist as a sovereign state.",
        {("russia", "rejection")},
    ),
    (
        "Russia would never agree to a ceasefire that allowed Ukraine to rearm, Peskov said.",
        {("peskov", "rejection")},
    ),
    ("Washington has yet to respond to the Russian proposals.", {("russia", "demand")}),
    ("The Kremlin turned down an offer by Turkey to host the talks.", {("russia", "rejection")}),
    (
        "Ukraine agreed not to strike Russian energy facilities for a month.",
        {("ukraine", "concession")},
    ),
    ("Zelensky rejected any compromise on Crimea.", {("zelensky", "rejection")}),
    (
        "Putin rejected Zelensky's call for a face-to-face meeting.",
        {("putin", "rejection"), ("zelensky", "demand")},
    ),
    (
        "The plan was rejected outright by Ukraine and its European partners.",
        {("europe", "rejection"), ("ukraine", "rejection")},
    ),
    ("Kyiv did not reject the proposal outright but asked for changes.", {("ukraine", "demand")}),
    (
        "Rubio said Washington would not accept a deal that left Ukraine defenceless.",
        {("rubio", "rejection")},
    ),
    (
        "Moscow refused, saying the proposal ignored the root causes of the conflict.",
        {("russia", "rejection")},
    ),
    (
        "Both Kyiv and Moscow rejected the Chinese peace plan.",
        {("china", "demand"), ("russia", "rejection"), ("ukraine", "rejection")},
    ),
    ("Trump refused to rule out sending troops.", set()),
    (
        "The peace plan, drafted by Witkoff and Dmitriev, calls for Ukraine to cede Donetsk.",
        {("witkoff", "demand")},
    ),
    (
        "The proposal, rejected by Kyiv last week, called for a buffer zone.",
        {("ukraine", "rejection")},
    ),
    (
        "Russian officials, for their part, have dismissed the European plan.",
        {("europe", "demand"), ("russia", "rejection")},
    ),
    (
        "Trump told Zelensky in a phone call that Kyiv should accept the deal.",
        {("trump", "demand")},
    ),
    (
        "The president's patience has worn thin, and his pressure has fallen mostly on Kyiv.",
        set(),
    ),
    ("Europe should make its offer of troops unconditional.", {("europe", "concession")}),
    ("Witkoff acknowledged that no compromise on territory had been reached.", set()),
    (
        "“There will be no compromise on our sovereignty,” Zelensky said.",
        {("zelensky", "rejection")},
    ),
    (
        "Putin said the plan “could be a basis” for talks but warned that Russia would "
        "keep fighting if Kyiv refused.",
        {("putin", "demand")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_general_news_sentences(claims_of, text, expected):
    assert claims_of(text) == expected
