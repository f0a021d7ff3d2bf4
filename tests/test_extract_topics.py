"""Topic choice on realistic sentences from 2025 negotiations coverage, written for
these tests (none copied from the seeds). Each holds one claim whose object decides
the topic, often beside words of other topics. In two-sentence texts the claim is in
the last sentence and its object points back to the first ("agree to that")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.topics import TopicFinder

# (topic, actor, claim type, text)
CASES = [
    # ceasefire
    (
        "ceasefire",
        "zelensky",
        "demand",
        "Zelensky called for an air and sea truce as a first step toward peace talks.",
    ),
    (
        "ceasefire",
        "russia",
        "rejection",
        "The Kremlin rejected an unconditional 30-day ceasefire, saying it would let "
        "Ukraine rearm.",
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        "Trump urged both sides to agree to an immediate ceasefire and then negotiate.",
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        "Trump called for a ceasefire along the current battle lines.",
    ),
    (
        "ceasefire",
        "russia",
        "rejection",
        "Russia dismissed calls for a truce as a ploy to let Ukraine regroup.",
    ),
    (
        "ceasefire",
        "ukraine",
        "concession",
        "Ukraine accepted the US proposal for a 30-day ceasefire.",
    ),
    (
        "ceasefire",
        "putin",
        "concession",
        "Putin declared a three-day truce over Victory Day.",
    ),
    (
        "ceasefire",
        "russia",
        "rejection",
        "Despite new US sanctions on Rosneft and Lukoil, Moscow rejected a ceasefire "
        "along the current front.",
    ),
    (
        "ceasefire",
        "russia",
        "concession",
        "Moscow offered a short ceasefire in the Black Sea in exchange for easing "
        "sanctions on its farm exports.",
    ),
    (
        "ceasefire",
        "zelensky",
        "demand",
        "Zelensky urged Putin to agree to a complete and unconditional ceasefire from May 12.",
    ),
    (
        "ceasefire",
        "rubio",
        "demand",
        "Rubio called for a full and durable end to hostilities, not a temporary pause.",
    ),
    (
        "ceasefire",
        "putin",
        "demand",
        "Putin said a truce was possible only if Ukraine stopped receiving Western "
        "weapons and halted mobilisation.",
    ),
    (
        "ceasefire",
        "zelensky",
        "demand",
        "Zelensky urged Russia to accept a full ceasefire instead of new conditions on territory.",
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        "Trump called on Putin to stop the bombing and agree to a ceasefire.",
    ),
    (
        "ceasefire",
        "peskov",
        "rejection",
        "Peskov said a temporary truce would only allow Kyiv to regroup and rearm, and "
        "rejected it.",
    ),
    (
        "ceasefire",
        "zelensky",
        "rejection",
        "Putin offered a three-day truce in May. Zelensky dismissed it as theatre.",
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        "Trump said on Truth Social that he wanted Russia and Ukraine to agree to a "
        '30-day ceasefire "immediately".',
    ),
    (
        "ceasefire",
        "ukraine",
        "concession",
        "After eight hours of talks in Jeddah, Ukraine said it was ready to accept an "
        "immediate 30-day interim ceasefire proposed by the United States.",
    ),
    (
        "ceasefire",
        "putin",
        "concession",
        "Putin unilaterally announced an Easter truce, ordering his forces to halt all "
        "military activity until midnight Sunday.",
    ),
    (
        "ceasefire",
        "zelensky",
        "demand",
        "Zelensky said Kyiv was ready to extend the Easter truce for 30 days if Russia "
        "reciprocated.",
    ),
    (
        "ceasefire",
        "russia",
        "rejection",
        "Moscow has repeatedly rejected calls for an unconditional truce, arguing that it"
        " would only benefit Kyiv.",
    ),
    (
        "ceasefire",
        "zelensky",
        "demand",
        "Zelensky called for a ceasefire on land, at sea and in the air.",
    ),
    (
        "ceasefire",
        "putin",
        "rejection",
        "Putin rejected a ceasefire, saying Ukraine would use it to mobilise and rearm.",
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        'Trump called for both sides to "stop the killing" and agree to a truce.',
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        "Trump, speaking to reporters aboard Air Force One, said he wanted a ceasefire "
        '"fast" and would talk to Putin again this week.',
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        "Trump wants a ceasefire; Putin wants recognition of Crimea.",
    ),
    (
        "ceasefire",
        "ukraine",
        "rejection",
        "Russia proposed a two-day truce for the funerals. Kyiv dismissed this as a stunt.",
    ),
    (
        "ceasefire",
        "zelensky",
        "demand",
        "Zelensky called on Moscow to halt its air strikes and agree to a complete "
        "ceasefire for at least 30 days.",
    ),
    (
        "ceasefire",
        "trump",
        "demand",
        'Trump said both leaders should "stop where they are" and declare victory.',
    ),
    (
        "ceasefire",
        "putin",
        "rejection",
        "Putin dismissed the European ultimatum for a 30-day truce as unacceptable language.",
    ),
    (
        "ceasefire",
        "zelensky",
        "demand",
        "Zelensky proposed an immediate halt to long-range strikes by both sides as a first step.",
    ),
    (
        "ceasefire",
        "russia",
        "rejection",
        "Moscow turned down the idea of an Olympic truce.",
    ),
    # territory
    (
        "territory",
        "russia",
        "demand",
        "Moscow demanded that Kyiv withdraw from the rest of Donetsk before any talks on "
        "a ceasefire.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Putin demanded that Ukraine recognise the annexed regions as Russian.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Zelensky rejected any land swap, saying Ukraine's constitution forbids giving up"
        " territory.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Russia wants Ukraine to pull its forces out of the four regions it claims.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Putin insisted on the return of what he calls Novorossiya.",
    ),
    (
        "territory",
        "zelensky",
        "demand",
        "Zelensky proposed to freeze the front line where it is now and start talks afterwards.",
    ),
    (
        "territory",
        "zelensky",
        "concession",
        "Zelensky said he was ready to stop the war along the current line of contact.",
    ),
    (
        "territory",
        "ukraine",
        "rejection",
        "Kyiv has ruled out any recognition of occupied regions as Russian territory.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Putin's demand that Kyiv cede the rest of the Donbas remains the main obstacle "
        "at the talks.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Zelensky again refused to hand over Donbas, even in exchange for security guarantees.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Putin wants all of the Donetsk and Luhansk regions handed over.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "In its memorandum, Moscow demanded that Ukraine pull out of Zaporizhzhia and Kherson.",
    ),
    (
        "territory",
        "united_states",
        "demand",
        "The US plan would recognise Crimea as Russian de jure.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Zelensky said Ukraine would not legally recognise any occupied land as Russian.",
    ),
    (
        "territory",
        "trump",
        "demand",
        "Trump urged Ukraine to give up some land to end the war.",
    ),
    (
        "territory",
        "witkoff",
        "concession",
        "Witkoff agreed that Russia could keep the territory it has seized.",
    ),
    (
        "territory",
        "putin",
        "concession",
        "Putin offered to freeze the front lines in Kherson and Zaporizhzhia if Ukraine "
        "leaves Donetsk.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Washington floated recognising Russian control of Crimea. Zelensky flatly "
        "rejected this idea.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "At the Alaska summit, Putin demanded that Ukraine hand over the remaining parts "
        "of Donetsk in return for a freeze elsewhere.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Speaking after the talks in Geneva, Zelensky rejected the withdrawal of "
        "Ukrainian troops from the Donbas.",
    ),
    (
        "territory",
        "zelensky",
        "demand",
        "Zelensky insisted that the current line of contact must be the starting point "
        "for any talks.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Moscow demanded that the occupied territories be recognised as part of Russia "
        "under international law.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Putin's key demand, according to officials briefed on the call, is the whole of "
        "the Donbas.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Moscow also wants Kyiv to withdraw its troops from the parts of Zaporizhzhia and"
        " Kherson it still holds.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        '"We will not give the occupier our land," Zelensky said, rejecting the proposal.',
    ),
    (
        "territory",
        "ukraine",
        "rejection",
        "Kyiv rejected the plan's provision that would recognise Russian control over "
        "Crimea and Donbas.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Putin demanded full control over the Donetsk region as a condition for ending the war.",
    ),
    (
        "territory",
        "trump",
        "demand",
        "Trump said Ukraine would have to accept some changes to its borders.",
    ),
    (
        "territory",
        "united_states",
        "demand",
        "Washington's 28-point plan called for Ukraine to cede the rest of Donetsk and "
        "for the area to become a demilitarised buffer zone.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Trump wants a quick ceasefire. But Russia insisted that, in any deal, Ukraine "
        "must leave Donetsk.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Trump wants a quick ceasefire. Moscow demanded that in return Ukraine withdraw "
        "from the Donbas.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Trump suggested Ukraine give up Crimea. Zelensky rejected it, saying Ukraine "
        "will never recognise the occupation.",
    ),
    (
        "territory",
        "ukraine",
        "rejection",
        "Kyiv rejected this proposal for a land swap, saying the constitution forbids it.",
    ),
    (
        "territory",
        "putin",
        "demand",
        'Putin wants Ukraine to abandon the "fortress belt" of cities it still controls '
        "in Donetsk.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Russia's negotiators demanded that Ukraine withdraw from all four regions that "
        "Moscow claims as its own.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        '"Ukrainians will not gift their land to the occupier," Zelensky said, rejecting '
        "the idea of a territorial exchange.",
    ),
    (
        "territory",
        "zelensky",
        "demand",
        "Zelensky said the line of contact should be the basis for talks on territory.",
    ),
    (
        "territory",
        "ukraine",
        "rejection",
        "Ukrainian officials said they would never accept the legal recognition of any "
        "occupied territory as Russian.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "In the call, Putin reiterated that Russia would only end the war if Ukraine "
        "ceded the remainder of the Donbas, a demand Kyiv has consistently refused.",
    ),
    (
        "territory",
        "trump",
        "concession",
        "By accepting Moscow's framing, Trump effectively conceded that Russia could keep"
        " the land it has taken by force.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "As a condition for a ceasefire, Moscow demanded that Ukraine withdraw from "
        "Donetsk and Luhansk.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "In exchange for a ceasefire, Putin wants Ukraine to give up the rest of Donetsk.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Zelensky rejected the idea of trading land for peace.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Russia is demanding that Ukraine hand over the roughly 30% of Donetsk region it "
        "still controls, according to two sources familiar with the talks.",
    ),
    (
        "territory",
        "europe",
        "demand",
        "European leaders insisted that international borders must not be changed by force.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Russia demanded the whole of Donbas, while Ukraine insisted on security guarantees.",
    ),
    (
        "territory",
        "zelensky",
        "rejection",
        "Zelensky rejected Putin's demand for Donetsk but offered a ceasefire along the "
        "front line.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Zelensky rejected Putin's demand for Donetsk but offered a ceasefire along the "
        "front line.",
    ),
    (
        "territory",
        "putin",
        "demand",
        "Trump wants a ceasefire; Putin wants recognition of Crimea.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "Russia's negotiators insisted that Ukraine must recognise Crimea, Sevastopol and"
        " the four regions as Russian territory in the constitution.",
    ),
    (
        "territory",
        "trump",
        "demand",
        'Trump urged Zelensky to accept the loss of Crimea, saying it was "lost years ago".',
    ),
    (
        "territory",
        "zelensky",
        "concession",
        "Zelensky has conceded that some territory may have to be recovered by diplomatic"
        " rather than military means.",
    ),
    (
        "territory",
        "russia",
        "demand",
        "The Kremlin wants Kyiv to abandon Kramatorsk and Sloviansk, the last big cities "
        "it holds in Donetsk.",
    ),
    (
        "territory",
        "witkoff",
        "demand",
        "Witkoff proposed that Ukraine withdraw from the Donbas in exchange for a "
        "demilitarised zone.",
    ),
    # security_guarantees
    (
        "security_guarantees",
        "europe",
        "concession",
        "European leaders offered to send a reassurance force to Ukraine once the fighting stops.",
    ),
    (
        "security_guarantees",
        "ukraine",
        "demand",
        "Kyiv wants Article 5-style protection from its Western partners.",
    ),
    (
        "security_guarantees",
        "europe",
        "concession",
        "European leaders in the coalition of the willing agreed to deploy troops to "
        "Ukraine after a ceasefire.",
    ),
    (
        "security_guarantees",
        "russia",
        "rejection",
        "Moscow rejected the idea of European peacekeepers in Ukraine.",
    ),
    (
        "security_guarantees",
        "ukraine",
        "demand",
        "Ukraine insists that any deal include security guarantees backed by the United "
        "States, not a promise of NATO membership.",
    ),
    (
        "security_guarantees",
        "zelensky",
        "demand",
        "Zelensky said Ukraine needs guarantees that Russia will not attack again.",
    ),
    (
        "security_guarantees",
        "europe",
        "demand",
        "European leaders proposed a multinational force to secure Ukraine's skies.",
    ),
    (
        "security_guarantees",
        "trump",
        "concession",
        "Trump agreed to provide air support for a European force in Ukraine.",
    ),
    (
        "security_guarantees",
        "lavrov",
        "rejection",
        "Lavrov said Moscow would never accept foreign troops in Ukraine under any flag.",
    ),
    (
        "security_guarantees",
        "russia",
        "rejection",
        "Britain and France have proposed a reassurance force for Ukraine. The Kremlin "
        "has repeatedly rejected such a deployment during the negotiations.",
    ),
    (
        "security_guarantees",
        "ukraine",
        "demand",
        "Kyiv is seeking guarantees modelled on Article 5 of the NATO treaty.",
    ),
    (
        "security_guarantees",
        "putin",
        "rejection",
        "Putin rejected the deployment of Western peacekeeping contingents as a red line.",
    ),
    (
        "security_guarantees",
        "france",
        "concession",
        "France and Britain pledged to lead a multinational force that would deter any "
        "new Russian attack.",
    ),
    (
        "security_guarantees",
        "trump",
        "rejection",
        "Trump ruled out sending American boots on the ground as part of any guarantees.",
    ),
    (
        "security_guarantees",
        "lavrov",
        "rejection",
        "Lavrov rejected any deployment of Western troops as peacekeepers in Ukraine.",
    ),
    (
        "security_guarantees",
        "russia",
        "rejection",
        "Moscow has rejected Western proposals for a European-led force, while insisting "
        "on guarantees for its own security.",
    ),
    (
        "security_guarantees",
        "zelensky",
        "demand",
        "Zelensky said Ukraine needs guarantees that Russia will not invade again, "
        "preferably backed by US air power.",
    ),
    (
        "security_guarantees",
        "starmer",
        "concession",
        "Starmer said Britain was ready to put troops on the ground to help secure a peace deal.",
    ),
    (
        "security_guarantees",
        "macron",
        "demand",
        "Macron called for a reassurance force to be stationed away from the front line.",
    ),
    (
        "security_guarantees",
        "trump",
        "concession",
        "Zelensky asked for security guarantees modelled on Article 5. Trump agreed to that.",
    ),
    (
        "security_guarantees",
        "zelensky",
        "demand",
        'Zelensky called for guarantees "similar to Article 5" that would be approved by '
        "the US Congress.",
    ),
    (
        "security_guarantees",
        "russia",
        "demand",
        "Moscow wants guarantees for its own security, including a say over any foreign "
        "force in Ukraine.",
    ),
    (
        "security_guarantees",
        "europe",
        "demand",
        "European capitals insist that any settlement must be backed by credible security"
        " guarantees, including a possible deployment of European troops.",
    ),
    (
        "security_guarantees",
        "russia",
        "rejection",
        "The Kremlin said it would not accept any peacekeeping mission involving NATO countries.",
    ),
    (
        "security_guarantees",
        "zelensky",
        "demand",
        "Zelensky wants the United States to take part in the security guarantees, "
        "including air defence and intelligence support.",
    ),
    (
        "security_guarantees",
        "ukraine",
        "demand",
        "Russia demanded the whole of Donbas, while Ukraine insisted on security guarantees.",
    ),
    (
        "security_guarantees",
        "putin",
        "rejection",
        "Putin rejected European peacekeepers but accepted US-backed guarantees in "
        "principle, Witkoff said.",
    ),
    (
        "security_guarantees",
        "russia",
        "rejection",
        "Britain and France want to station troops in western Ukraine after the war. The "
        "Kremlin rejected the plan.",
    ),
    (
        "security_guarantees",
        "zelensky",
        "demand",
        "Zelensky said Ukraine wanted legally binding guarantees ratified by the US "
        "Congress before signing anything.",
    ),
    (
        "security_guarantees",
        "france",
        "concession",
        "France offered to lead a naval mission to secure the Black Sea after a ceasefire.",
    ),
    # nato
    (
        "nato",
        "russia",
        "demand",
        "Russia insists Ukraine must never join the alliance.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "Moscow demanded that Ukraine's neutrality be written into its constitution.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "The Kremlin insists on non-aligned status for Ukraine.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "Russia wants a legally binding guarantee that NATO will not expand eastward.",
    ),
    (
        "nato",
        "ukraine",
        "demand",
        "Kyiv still seeks membership of the North Atlantic alliance.",
    ),
    (
        "nato",
        "trump",
        "rejection",
        "Trump ruled out NATO membership for Ukraine.",
    ),
    (
        "nato",
        "zelensky",
        "concession",
        "Zelensky signalled he could drop Ukraine's bid to join NATO in exchange for "
        "Western security guarantees.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "Russia demanded that NATO roll back its deployments to the 1997 borders.",
    ),
    (
        "nato",
        "zelensky",
        "rejection",
        "Putin wants Ukraine to abandon its NATO ambitions. Zelensky said he would never "
        "agree to that.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "Moscow wants written guarantees that Ukraine will stay out of NATO, a condition "
        "that Kyiv rejects.",
    ),
    (
        "nato",
        "putin",
        "demand",
        "Putin demanded a halt to NATO's eastward expansion as part of any settlement.",
    ),
    (
        "nato",
        "zelensky",
        "concession",
        "Zelensky said he was ready to accept neutral status for Ukraine if it got strong"
        " guarantees.",
    ),
    (
        "nato",
        "russia",
        "rejection",
        "The Kremlin rejected any scenario in which Ukraine joins the North Atlantic "
        "Treaty Organization.",
    ),
    (
        "nato",
        "zelensky",
        "rejection",
        "Zelensky refused to enshrine Ukraine's non-aligned status in the constitution.",
    ),
    (
        "nato",
        "ukraine",
        "demand",
        "Kyiv insists that its path to NATO must remain open.",
    ),
    (
        "nato",
        "putin",
        "demand",
        "The talks in Istanbul lasted two hours. Putin demanded talks on ending NATO's "
        "eastward expansion.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "Russia wants a legally binding commitment that NATO will not admit Ukraine.",
    ),
    (
        "nato",
        "rubio",
        "rejection",
        "Rubio said NATO membership for Ukraine was not on the table.",
    ),
    (
        "nato",
        "zelensky",
        "concession",
        "Zelensky said he would be willing to give up the bid to join the alliance in "
        "exchange for bilateral guarantees.",
    ),
    (
        "nato",
        "lavrov",
        "rejection",
        "Lavrov said Ukraine's membership in NATO remained unacceptable under any circumstances.",
    ),
    (
        "nato",
        "zelensky",
        "demand",
        "Speaking in Brussels, Zelensky again asked allies for a clear timeline for "
        "Ukraine's accession to the alliance.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "The withdrawal of NATO forces from Eastern Europe remains one of Moscow's key demands.",
    ),
    (
        "nato",
        "putin",
        "demand",
        "Putin has said Russia needs a written promise from Western leaders to halt "
        "NATO's eastward enlargement.",
    ),
    (
        "nato",
        "russia",
        "rejection",
        "Russia rejected any NATO presence in Ukraine.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "Moscow wants Ukraine out of NATO for good — and Kyiv wants a path to the EU.",
    ),
    (
        "nato",
        "putin",
        "demand",
        "What Putin really wants is a Ukraine that can never again aspire to join Western"
        " institutions, above all NATO.",
    ),
    (
        "nato",
        "russia",
        "demand",
        "The Kremlin insists that Ukraine's neutral status be guaranteed by the permanent"
        " members of the UN Security Council.",
    ),
    # demilitarization
    (
        "demilitarization",
        "russia",
        "demand",
        "Moscow wants caps on the size of Ukraine's army as part of any settlement.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "Russia demanded a troop cap of 600,000 on Ukraine's armed forces.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "Moscow insists Ukraine must stop mobilisation and halt Western arms supplies "
        "during any truce.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "The Kremlin wants limits on Ukraine's armed forces and a ban on long-range weapons.",
    ),
    (
        "demilitarization",
        "zelensky",
        "rejection",
        "Zelensky rejected any limits on the size of Ukraine's army, calling them a "
        "recipe for another invasion.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "Russia insists that Ukraine's armed forces be reduced and that Kyiv renounce "
        "long-range missiles.",
    ),
    (
        "demilitarization",
        "ukraine",
        "rejection",
        "Ukraine has rejected Russia's demand to cap its army at 50,000 troops.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "Russia's demands include a cap on Ukraine's army, the withdrawal of Ukrainian "
        "troops and neutrality.",
    ),
    (
        "demilitarization",
        "putin",
        "demand",
        "Putin demanded that Ukraine halt mobilisation and stop training new troops "
        "during any pause.",
    ),
    (
        "demilitarization",
        "zelensky",
        "rejection",
        "Zelensky said Ukraine would never agree to reduce its army, which he called the "
        "best security guarantee.",
    ),
    (
        "demilitarization",
        "united_states",
        "demand",
        "The US plan would cap Ukraine's armed forces at 600,000 personnel.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "Russian negotiators insisted that Ukraine must agree to limits on its military "
        "and a ban on Western weapons deliveries.",
    ),
    (
        "demilitarization",
        "putin",
        "demand",
        "The memorandum also caps Ukraine's army. Putin insisted on this point during the call.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "Moscow's maximalist demands include a drastic reduction of Ukraine's armed "
        "forces and a ban on Western military assistance.",
    ),
    (
        "demilitarization",
        "zelensky",
        "rejection",
        "Zelensky ruled out any cap on Ukraine's military, saying the army was the "
        "country's main security guarantee.",
    ),
    (
        "demilitarization",
        "russia",
        "demand",
        "Moscow also wants restrictions on the range of Ukraine's missiles.",
    ),
    # regime
    (
        "regime",
        "russia",
        "demand",
        "The Kremlin demanded new elections in Ukraine before any peace deal is signed.",
    ),
    (
        "regime",
        "putin",
        "demand",
        "Putin has questioned Zelensky's legitimacy and demanded that Kyiv hold a vote.",
    ),
    (
        "regime",
        "russia",
        "demand",
        "Russia demanded that Ukraine lift martial law and hold presidential elections.",
    ),
    (
        "regime",
        "putin",
        "demand",
        "Putin said any agreement must be signed by a legitimate Ukrainian government.",
    ),
    (
        "regime",
        "russia",
        "demand",
        "Moscow insisted on the denazification of Ukraine.",
    ),
    (
        "regime",
        "zelensky",
        "rejection",
        "Zelensky dismissed Russian calls for him to step down.",
    ),
    (
        "regime",
        "putin",
        "demand",
        "Putin insisted that any deal be signed by a legitimate president, since "
        "Zelensky's mandate has expired.",
    ),
    (
        "regime",
        "russia",
        "demand",
        "Moscow has called for a change of government in Kyiv as a condition for peace.",
    ),
    (
        "regime",
        "zelensky",
        "rejection",
        "Zelensky rejected Moscow's call for elections under martial law, saying a vote "
        "could only happen after a ceasefire.",
    ),
    (
        "regime",
        "russia",
        "demand",
        "Moscow has demanded that Kyiv hold elections before any agreement can be signed.",
    ),
    (
        "regime",
        "russia",
        "demand",
        "Moscow wants the peace deal signed only after Ukraine holds presidential elections.",
    ),
    (
        "regime",
        "trump",
        "demand",
        'Trump said Ukraine should hold elections, calling Zelensky a "dictator without '
        'elections".',
    ),
    (
        "regime",
        "putin",
        "demand",
        "Putin said any document would have to be signed by legitimate authorities in "
        "Kyiv, arguing that Zelensky's term had expired.",
    ),
    (
        "regime",
        "zelensky",
        "rejection",
        "Zelensky dismissed Putin's claim that he is illegitimate as an excuse to drag "
        "out the war.",
    ),
    (
        "regime",
        "putin",
        "demand",
        "Putin demanded that Kyiv hold a presidential vote before a peace agreement is signed.",
    ),
    (
        "regime",
        "zelensky",
        "concession",
        "Zelensky said he was prepared to step down if it would bring peace to Ukraine or"
        " secure NATO membership.",
    ),
    (
        "regime",
        "russia",
        "demand",
        "Moscow says it can only sign a deal with a legitimate government, implying "
        "Zelensky must first be replaced.",
    ),
    (
        "regime",
        "putin",
        "demand",
        "Putin's insistence that Zelensky lacks legitimacy is less a legal argument than "
        "a demand for a more pliant government in Kyiv.",
    ),
    (
        "regime",
        "russia",
        "demand",
        'Russian officials insist that Ukraine must ban "neo-Nazi" groups and repeal laws'
        " restricting the Russian language.",
    ),
    (
        "regime",
        "zelensky",
        "rejection",
        "Zelensky rejected the idea of an interim government for Ukraine.",
    ),
    # sanctions
    (
        "sanctions",
        "trump",
        "demand",
        "Trump threatened secondary tariffs on buyers of Russian oil unless Moscow agreed"
        " to a ceasefire within 50 days.",
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "European leaders called for using frozen assets to fund Ukraine's defence.",
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "The EU pushed for a lower oil price cap on Russian crude.",
    ),
    (
        "sanctions",
        "russia",
        "demand",
        "Moscow demanded that the West lift sanctions on its agricultural bank as a "
        "condition for the Black Sea deal.",
    ),
    (
        "sanctions",
        "russia",
        "demand",
        "Russia wants the Rosselkhozbank reconnected to SWIFT before it agrees to a "
        "maritime truce.",
    ),
    (
        "sanctions",
        "trump",
        "demand",
        "Trump threatened to impose tough sanctions on Moscow if Putin does not agree to a deal.",
    ),
    (
        "sanctions",
        "zelensky",
        "demand",
        "Zelensky urged allies to tighten sanctions on Russia's shadow fleet.",
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "EU leaders called for a reparations loan backed by immobilised Russian assets.",
    ),
    (
        "sanctions",
        "trump",
        "rejection",
        "Trump declined to impose new sanctions on Russia after the call.",
    ),
    (
        "sanctions",
        "ukraine",
        "demand",
        "Ukraine wants sanctions to stay in place until Russia pays for the damage.",
    ),
    (
        "sanctions",
        "putin",
        "demand",
        "Putin demanded the lifting of Western restrictions on Russian banks.",
    ),
    (
        "sanctions",
        "trump",
        "concession",
        "The US has offered to ease restrictions on Russian banks and lift sanctions on "
        "fertiliser exports. Trump made this concession without asking anything in return"
        " at the talks.",
    ),
    (
        "sanctions",
        "trump",
        "demand",
        "Trump, frustrated by the lack of progress on a ceasefire, threatened Russia with"
        ' "very severe" tariffs.',
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "European leaders insisted that sanctions must stay until Russia withdraws from "
        "occupied Ukrainian territory.",
    ),
    (
        "sanctions",
        "russia",
        "rejection",
        "The Kremlin dismissed the new EU sanctions package as useless.",
    ),
    (
        "sanctions",
        "zelensky",
        "demand",
        "Zelensky called on the US to hit Russian banks and oil companies with new restrictions.",
    ),
    (
        "sanctions",
        "ukraine",
        "demand",
        "Kyiv wants the West to seize frozen Russian assets and use them for reconstruction.",
    ),
    (
        "sanctions",
        "trump",
        "concession",
        "Trump offered to lift some sanctions if Russia agreed to a peace deal.",
    ),
    (
        "sanctions",
        "russia",
        "demand",
        "The Kremlin said sanctions relief must be part of any agreement.",
    ),
    (
        "sanctions",
        "trump",
        "rejection",
        "Trump ruled out further tariffs on India over its purchases of Russian oil for now.",
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "The EU proposed a ban on Russian LNG imports as part of its 19th sanctions package.",
    ),
    (
        "sanctions",
        "europe",
        "rejection",
        "Washington suggested easing sanctions on Russia. European leaders rejected such "
        "a move until a ceasefire is in place.",
    ),
    (
        "sanctions",
        "trump",
        "demand",
        "Trump threatened to impose 100 percent tariffs on countries that buy Russian oil"
        " if there is no deal within 50 days.",
    ),
    (
        "sanctions",
        "russia",
        "demand",
        "Russia said the Black Sea ceasefire would take effect only after some Western "
        "restrictions on its agricultural trade were lifted.",
    ),
    (
        "sanctions",
        "zelensky",
        "rejection",
        "Zelensky opposed any easing of sanctions before the war ends.",
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "The European Commission proposed using the cash balances of immobilised Russian "
        "central bank assets to finance a loan to Ukraine.",
    ),
    (
        "sanctions",
        "russia",
        "demand",
        "Moscow wants Washington to lift restrictions on Aeroflot and on spare parts for "
        "its civilian aircraft.",
    ),
    (
        "sanctions",
        "trump",
        "demand",
        "Trump threatened Russia with sanctions unless it agreed to a ceasefire within 10 days.",
    ),
    (
        "sanctions",
        "putin",
        "demand",
        "Putin said the lifting of sanctions had to be part of any settlement.",
    ),
    (
        "sanctions",
        "russia",
        "demand",
        "Russia has demanded that its agricultural bank be reconnected to the SWIFT "
        "payment system.",
    ),
    (
        "sanctions",
        "russia",
        "demand",
        "Russian officials have said that any deal must include the lifting of Western "
        "sanctions and the return of frozen assets.",
    ),
    (
        "sanctions",
        "trump",
        "rejection",
        "Trump has resisted calls from senators to back a bill imposing tough secondary "
        "sanctions on Russia's trading partners.",
    ),
    (
        "sanctions",
        "nato",
        "demand",
        "NATO allies called for tougher sanctions on Russia's energy sector.",
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "European leaders pushed for more sanctions, and Zelensky asked for Tomahawks.",
    ),
    (
        "sanctions",
        "trump",
        "concession",
        "Russia wants relief from sanctions on its banks and airlines. Trump signalled he"
        " was open to that.",
    ),
    (
        "sanctions",
        "trump",
        "demand",
        "Trump called on the EU to impose tariffs of up to 100% on China and India for "
        "buying Russian oil.",
    ),
    (
        "sanctions",
        "europe",
        "demand",
        "European governments, for their part, want to keep the pressure on Moscow "
        "through sanctions and the use of its immobilized assets.",
    ),
    (
        "sanctions",
        "ukraine",
        "demand",
        "Kyiv urged its partners to sanction the tankers of Russia's shadow fleet.",
    ),
    # military_aid
    (
        "military_aid",
        "ukraine",
        "demand",
        "Kyiv asked for more Patriot systems to protect its cities.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "Zelensky asked Trump for Tomahawks during their meeting at the White House.",
    ),
    (
        "military_aid",
        "ukraine",
        "demand",
        "Kyiv asked its allies for more ATACMS and F-16s.",
    ),
    (
        "military_aid",
        "trump",
        "rejection",
        "Trump ruled out sending long-range missiles to Ukraine for now.",
    ),
    (
        "military_aid",
        "europe",
        "concession",
        "European allies agreed to buy American weapons for Ukraine under the PURL scheme.",
    ),
    (
        "military_aid",
        "united_states",
        "rejection",
        "Washington refused to send more air defence interceptors to Ukraine.",
    ),
    (
        "military_aid",
        "trump",
        "concession",
        "Trump agreed to resume intelligence sharing with Kyiv.",
    ),
    (
        "military_aid",
        "trump",
        "demand",
        "Trump said Europe must pay for the American weapons sent to Kyiv.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "Zelensky urged the allies to speed up deliveries of air defence before the winter.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "After the Alaska summit, Zelensky asked Trump for Tomahawk missiles and more air defence.",
    ),
    (
        "military_aid",
        "europe",
        "demand",
        "European leaders urged Washington to keep supplying weapons and intelligence to Kyiv.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "Zelensky asked Washington to sell Ukraine 25 Patriot systems, paid for with "
        "European money.",
    ),
    (
        "military_aid",
        "trump",
        "concession",
        "Trump agreed to send more defensive weapons to Ukraine, reversing a brief pause "
        "in deliveries.",
    ),
    (
        "military_aid",
        "trump",
        "rejection",
        "Trump said he was not ready to give Ukraine Tomahawk cruise missiles.",
    ),
    (
        "military_aid",
        "germany",
        "concession",
        "Germany pledged to finance long-range weapons production in Ukraine.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "At a news conference after the NATO summit in The Hague, Zelensky called for "
        "more air defence systems.",
    ),
    (
        "military_aid",
        "nato",
        "demand",
        "NATO urged its members to send more Patriot batteries to Ukraine.",
    ),
    (
        "military_aid",
        "rutte",
        "demand",
        "NATO Secretary General Mark Rutte called on allies to buy more American weapons for Kyiv.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "European leaders pushed for more sanctions, and Zelensky asked for Tomahawks.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "Ukraine is running short of air defence interceptors. Zelensky asked for more of"
        " them during the talks in Rome.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "Zelensky urged the allies to fund Ukraine's own production of long-range drones "
        "and missiles.",
    ),
    (
        "military_aid",
        "putin",
        "demand",
        "Putin demanded that the West stop supplying weapons and that Ukraine halt "
        "mobilisation as conditions for a truce.",
    ),
    (
        "military_aid",
        "zelensky",
        "demand",
        "Ukraine needs more Patriot interceptors before winter. Zelensky made the request"
        " at the talks in Miami.",
    ),
    (
        "military_aid",
        "europe",
        "concession",
        "European leaders agreed to step up deliveries of ammunition and air defence to Ukraine.",
    ),
    (
        "military_aid",
        "ukraine",
        "demand",
        "Ukraine asked the Pentagon to speed up deliveries of HIMARS ammunition.",
    ),
    # energy
    (
        "energy",
        "putin",
        "concession",
        "Putin agreed to a moratorium on strikes on power plants for 30 days.",
    ),
    (
        "energy",
        "trump",
        "demand",
        "Trump proposed that the United States take over the Zaporizhzhia nuclear power plant.",
    ),
    (
        "energy",
        "russia",
        "concession",
        "Russia agreed to stop attacks on Ukraine's power grid for a month.",
    ),
    (
        "energy",
        "russia",
        "demand",
        "Russia wants Ukraine to stop drone attacks on its oil refineries.",
    ),
    (
        "energy",
        "ukraine",
        "demand",
        "Kyiv proposed a mutual halt to strikes on energy infrastructure.",
    ),
    (
        "energy",
        "russia",
        "demand",
        "Moscow wants to restart gas supplies to Europe through the Nord Stream pipelines.",
    ),
    (
        "energy",
        "lavrov",
        "rejection",
        "Lavrov rejected the idea of American control over the Zaporizhzhia plant.",
    ),
    (
        "energy",
        "zelensky",
        "demand",
        "Zelensky asked partners for help in restoring the power system after the strikes.",
    ),
    (
        "energy",
        "putin",
        "concession",
        "Putin agreed to stop hitting Ukraine's energy facilities for 30 days.",
    ),
    (
        "energy",
        "ukraine",
        "demand",
        "Ukraine demanded the return of the Zaporizhzhia plant to Ukrainian control.",
    ),
    (
        "energy",
        "zelensky",
        "demand",
        "Zelensky proposed a ceasefire on strikes against energy infrastructure and "
        "civilian ports.",
    ),
    (
        "energy",
        "russia",
        "concession",
        "Russia agreed to refrain from hitting Ukrainian power plants and substations.",
    ),
    (
        "energy",
        "ukraine",
        "demand",
        "Kyiv wants the Zaporizhzhia nuclear power plant returned and the Kakhovka dam rebuilt.",
    ),
    (
        "energy",
        "zelensky",
        "demand",
        "Zelensky accused Russia of violating the energy truce and called for a halt to "
        "strikes on the power grid.",
    ),
    (
        "energy",
        "ukraine",
        "rejection",
        "Kyiv rejected the idea of the Zaporizhzhia plant supplying electricity to "
        "Russian-held territory.",
    ),
    (
        "energy",
        "putin",
        "concession",
        "Putin agreed to Trump's proposal that both sides stop attacking each other's "
        "energy infrastructure for 30 days.",
    ),
    (
        "energy",
        "russia",
        "demand",
        "Moscow proposed that both sides refrain from striking each other's refineries "
        "and power stations.",
    ),
    (
        "energy",
        "putin",
        "concession",
        "Putin agreed to an energy ceasefire.",
    ),
    (
        "energy",
        "zelensky",
        "demand",
        "Zelensky proposed a partial ceasefire covering energy infrastructure and ports.",
    ),
    (
        "energy",
        "zelensky",
        "demand",
        "Zelensky called on the IAEA to help restore external power to the nuclear plant.",
    ),
    (
        "energy",
        "russia",
        "rejection",
        "Moscow ruled out handing back the nuclear plant at Enerhodar.",
    ),
    (
        "energy",
        "russia",
        "demand",
        "Moscow demanded that Ukraine stop drone attacks on Russian oil refineries and ports.",
    ),
    (
        "energy",
        "zelensky",
        "demand",
        "Zelensky urged Washington to pressure Moscow to stop attacking Ukraine's gas "
        "production facilities.",
    ),
    (
        "energy",
        "russia",
        "demand",
        "Russia demanded control of the Zaporizhzhia nuclear plant and the town of Enerhodar.",
    ),
    # economy
    (
        "economy",
        "ukraine",
        "concession",
        "Ukraine agreed to sign the rare-earths agreement with Washington after weeks of talks.",
    ),
    (
        "economy",
        "ukraine",
        "demand",
        "Kyiv called for safe navigation for Black Sea shipping and access to its ports.",
    ),
    (
        "economy",
        "united_states",
        "demand",
        "Washington wants a share of Ukraine's mineral revenues in return for past aid.",
    ),
    (
        "economy",
        "united_states",
        "demand",
        "The White House wants joint investment in Ukraine's reconstruction.",
    ),
    (
        "economy",
        "putin",
        "demand",
        "Putin wants the lifting of trade restrictions and a return of American companies"
        " to Russia.",
    ),
    (
        "economy",
        "trump",
        "demand",
        "Trump wants access to Ukraine's rare earth deposits as repayment for US support.",
    ),
    (
        "economy",
        "trump",
        "demand",
        "Trump wants a minerals deal with Ukraine before any new aid is approved.",
    ),
    (
        "economy",
        "russia",
        "demand",
        "Moscow wants the resumption of flights and business ties with the United States.",
    ),
    (
        "economy",
        "trump",
        "demand",
        "Trump pressed Kyiv to sign an agreement giving the United States a stake in its "
        "natural resources.",
    ),
    (
        "economy",
        "putin",
        "concession",
        "Putin offered American companies access to Russian rare earths and Arctic projects.",
    ),
    (
        "economy",
        "russia",
        "demand",
        "Moscow wants the return of American businesses and direct flights between the "
        "two countries.",
    ),
    (
        "economy",
        "united_states",
        "concession",
        "Washington agreed to a minerals deal that channels revenues into a joint "
        "reconstruction investment fund.",
    ),
    (
        "economy",
        "trump",
        "demand",
        "Trump demanded $500 billion worth of Ukraine's rare earths as payback for American aid.",
    ),
    (
        "economy",
        "dmitriev",
        "demand",
        "Dmitriev said Moscow wanted American companies to return and proposed joint "
        "projects in the Arctic.",
    ),
    (
        "economy",
        "zelensky",
        "rejection",
        "Zelensky rejected the first draft of the minerals agreement, saying it did not "
        "protect Ukraine's interests.",
    ),
    (
        "economy",
        "russia",
        "demand",
        "Moscow has floated a broader economic partnership with Washington, including "
        "deals on energy and rare earth metals in Russia.",
    ),
    (
        "economy",
        "trump",
        "demand",
        "Trump wants Ukraine to give the US half of the revenues from its rare-earth minerals.",
    ),
    (
        "economy",
        "trump",
        "demand",
        "The economic reset Trump wants with Moscow would include energy deals and "
        "investment in the Arctic.",
    ),
    (
        "economy",
        "trump",
        "concession",
        "Trump agreed to explore joint energy and rare-earth projects with Russia once "
        "the war ends.",
    ),
    (
        "economy",
        "united_states",
        "demand",
        "Washington wants priority rights to invest in Ukraine's lithium and titanium deposits.",
    ),
    # negotiations
    (
        "negotiations",
        "putin",
        "demand",
        "Putin proposed direct talks with Ukraine in Istanbul.",
    ),
    (
        "negotiations",
        "putin",
        "demand",
        "Putin proposed a summit with Trump in Budapest.",
    ),
    (
        "negotiations",
        "zelensky",
        "demand",
        "Zelensky called for a meeting of leaders to settle the most difficult questions.",
    ),
    (
        "negotiations",
        "trump",
        "demand",
        "Trump wants a trilateral meeting with Putin and Zelensky within two weeks.",
    ),
    (
        "negotiations",
        "russia",
        "rejection",
        "The Kremlin ruled out a meeting between Putin and Zelensky for now.",
    ),
    (
        "negotiations",
        "russia",
        "demand",
        "Moscow wants the talks to be held without European participation.",
    ),
    (
        "negotiations",
        "trump",
        "demand",
        "Trump set a deadline of two weeks for Putin to agree to meet Zelensky.",
    ),
    (
        "negotiations",
        "ukraine",
        "rejection",
        "Kyiv rejected the Russian proposal to hold the next round of talks in Minsk.",
    ),
    (
        "negotiations",
        "trump",
        "demand",
        "Trump insisted that Zelensky and Putin sit down together for direct talks.",
    ),
    (
        "negotiations",
        "russia",
        "rejection",
        "The Kremlin dismissed the idea of a summit in Budapest as premature.",
    ),
    (
        "negotiations",
        "zelensky",
        "concession",
        "Zelensky agreed to send a delegation to Istanbul for direct talks with Russia.",
    ),
    (
        "negotiations",
        "putin",
        "rejection",
        "Putin refused to meet Zelensky, saying such a meeting would only make sense at "
        "the final stage.",
    ),
    (
        "negotiations",
        "russia",
        "rejection",
        "Moscow is not prepared to accept a negotiating process that drags on while "
        "Ukraine rearms.",
    ),
    (
        "negotiations",
        "putin",
        "demand",
        "Putin proposed resuming direct negotiations in Istanbul without preconditions.",
    ),
    (
        "negotiations",
        "trump",
        "demand",
        "Trump said he wanted to arrange a meeting between Putin and Zelensky, followed "
        "by a trilateral summit.",
    ),
    (
        "negotiations",
        "zelensky",
        "demand",
        "Zelensky said Europe must have a seat at the table in any talks on Ukraine's future.",
    ),
    (
        "negotiations",
        "ukraine",
        "concession",
        "Kyiv agreed to send its delegation to Geneva to discuss the US plan.",
    ),
    (
        "negotiations",
        "zelensky",
        "demand",
        "Zelensky insisted that Ukraine must be present at any talks about its future, "
        'saying "nothing about Ukraine without Ukraine".',
    ),
    (
        "negotiations",
        "russia",
        "rejection",
        "The Kremlin has rejected European participation in the negotiations, saying the "
        "EU is a party to the conflict.",
    ),
    (
        "negotiations",
        "zelensky",
        "demand",
        "Zelensky called for leaders-level talks, saying technical delegations could not "
        "resolve the key issues.",
    ),
    (
        "negotiations",
        "putin",
        "demand",
        "Putin proposed that the two delegations meet again in Istanbul on June 2.",
    ),
    (
        "negotiations",
        "russia",
        "demand",
        'Moscow wants any future talks to be based on the "Istanbul understandings" of 2022.',
    ),
    (
        "negotiations",
        "zelensky",
        "rejection",
        "Zelensky rejected Russia's proposal to hold the talks at the level of deputy ministers.",
    ),
    (
        "negotiations",
        "trump",
        "demand",
        "Trump said he wanted the talks to move faster and set a two-week deadline.",
    ),
    (
        "negotiations",
        "lavrov",
        "rejection",
        "Trump threatened new sanctions on Moscow. Lavrov dismissed two U.S. peace proposals.",
    ),
    (
        "negotiations",
        "ukraine",
        "rejection",
        "Kyiv refused to send its delegation to Moscow for talks.",
    ),
    (
        "negotiations",
        "zelensky",
        "demand",
        "Zelensky proposed a three-way meeting with Trump and Putin.",
    ),
    (
        "negotiations",
        "trump",
        "demand",
        "Trump wants the Europeans to stay out of the negotiations until a framework is agreed.",
    ),
    # other
    (
        "other",
        "zelensky",
        "demand",
        "Zelensky called for an all-for-all prisoner exchange.",
    ),
    (
        "other",
        "russia",
        "demand",
        "Moscow demanded protections for the Russian language and the Orthodox Church in Ukraine.",
    ),
    (
        "other",
        "zelensky",
        "demand",
        "Zelensky demanded the return of Ukrainian children deported to Russia.",
    ),
    (
        "other",
        "russia",
        "demand",
        "Russia insists any deal must address the root causes of the conflict.",
    ),
    (
        "other",
        "zelensky",
        "demand",
        "Zelensky insisted that all prisoners of war be released in an all-for-all exchange.",
    ),
    (
        "other",
        "ukraine",
        "demand",
        "Kyiv demanded that Russia return the thousands of abducted children.",
    ),
    (
        "other",
        "putin",
        "demand",
        "Putin demanded protections for Russian speakers in Ukraine as part of any deal.",
    ),
    (
        "other",
        "russia",
        "demand",
        "The Kremlin called for the protection of the Russian-speaking population and an "
        'end to the "neo-Nazi" policies of Kyiv.',
    ),
    (
        "other",
        "zelensky",
        "demand",
        "Zelensky demanded the release of all Ukrainian civilians held by Russia.",
    ),
    (
        "other",
        "russia",
        "demand",
        "Moscow insisted on restoring the rights of the Ukrainian Orthodox Church linked "
        "to Moscow.",
    ),
    (
        "other",
        "europe",
        "demand",
        "European leaders called for a special tribunal to prosecute the crime of aggression.",
    ),
    (
        "other",
        "russia",
        "demand",
        "Russia also demanded that Ukraine restore the status of the Russian language and"
        " lift restrictions on the Moscow-linked church.",
    ),
    (
        "other",
        "ukraine",
        "demand",
        "Kyiv demanded the return of those held in Russian captivity.",
    ),
    (
        "other",
        "russia",
        "demand",
        "Moscow insisted that any deal must protect the rights of Russian-speaking people"
        " in Ukraine.",
    ),
    (
        "other",
        "zelensky",
        "demand",
        "Zelensky demanded an all-for-all exchange of prisoners and the return of "
        "deported children.",
    ),
    (
        "other",
        "russia",
        "concession",
        "Russia agreed to return the bodies of 6,000 fallen Ukrainian soldiers.",
    ),
    (
        "other",
        "europe",
        "demand",
        "EU leaders insisted that Russia be held accountable for war crimes.",
    ),
    (
        "other",
        "zelensky",
        "demand",
        "Zelensky called for the release of Ukrainian journalists held in Russian prisons.",
    ),
]


@pytest.mark.parametrize(
    ("topic", "actor", "claim_type", "text"), CASES, ids=[text[:48] for *_, text in CASES]
)
def test_extract_topics_claim_object_decides(
    annotate: Callable[..., Doc],
    extractor: ClaimExtractor,
    topic: str,
    actor: str,
    claim_type: str,
    text: str,
) -> None:
    claims = extractor.claims(annotate(text, "2025-06-01"))
    last = max(claim.sentence_id for claim in claims)
    found = {
        claim.topic
        for claim in claims
        if (claim.actor_id, claim.claim_type, claim.sentence_id) == (actor, claim_type, last)
    }
    assert found == {topic}, [(c.actor_id, c.claim_type, c.topic) for c in claims]


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
