"""The actor knowledge base: the loader's checks and the shipped data."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from pipeline.config import ConfigError
from pipeline.knowledge.actors import ActorBase, load_actor_base

MINIMAL_ACTORS = """
[[actors]]
id = "russia"
name = "Russia"
kind = "state"
aliases = ["Russia"]

[[actors]]
id = "putin"
name = "Vladimir Putin"
kind = "person"
affiliation = "russia"
aliases = ["Putin"]
"""

TWO_HOLDERS = """
[[actors]]
id = "alpha"
name = "Alpha"
kind = "person"
aliases = ["Alpha"]

[[actors]]
id = "beta"
name = "Beta"
kind = "person"
aliases = ["Beta"]

[[offices]]
id = "chair"
forms = ["the chair"]
holders = [
  {actor = "alpha", from = 2020-01-01, until = 2022-06-01},
  {actor = "beta", from = 2022-06-01},
]
default = "beta"
"""


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return load_actor_base()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.toml"
    path.write_text(text, encoding="utf-8")
    return path


def resolve(base: ActorBase, form: str, day: date | None = None) -> set[str]:
    """Every actor id an exact surface form stands for: aliases, titles, and offices on ``day``."""
    found = {
        actor.id for actor in base.actors.values() if form in actor.aliases or form in actor.titles
    }
    for office in base.offices.values():
        if form in office.forms:
            holder = office.holder_on(day)
            if holder is not None:
                found.add(holder)
    return found


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            MINIMAL_ACTORS.replace('kind = "state"', 'kind = "country"'),
            "kind 'country' is not one of",
        ),
        (MINIMAL_ACTORS.replace('id = "putin"', 'id = "russia"'), "'russia' is defined twice"),
        (
            MINIMAL_ACTORS.replace('affiliation = "russia"', 'affiliation = "kremlin"'),
            "affiliated with unknown actor 'kremlin'",
        ),
        (
            MINIMAL_ACTORS.replace('kind = "person"', 'kind = "person"\ngender = "unknown"'),
            "gender 'unknown'",
        ),
        (MINIMAL_ACTORS.replace('name = "Russia"\n', ""), "needs a non-empty 'name'"),
        (MINIMAL_ACTORS.replace('aliases = ["Putin"]', 'aliases = ["Putin", ""]'), "'aliases'"),
        (
            MINIMAL_ACTORS
            + '[[offices]]\nid = "p"\nforms = ["the leader"]\n'
            + 'holders = [{actor = "putin", from = "2000-13-01"}]\n',
            "'2000-13-01' is not a date",
        ),
        (
            MINIMAL_ACTORS
            + '[[offices]]\nid = "p"\nforms = ["the leader"]\n'
            + 'holders = [{actor = "medvedev", from = 2008-05-07}]\n',
            "actor 'medvedev' is not defined",
        ),
        (
            MINIMAL_ACTORS + '[[offices]]\nid = "p"\nforms = ["the leader"]\ndefault = "yeltsin"\n',
            "default 'yeltsin' is not defined",
        ),
        ("", "no [[actors]] entries"),
        ("[[actors]\n", "not valid TOML"),
    ],
)
def test_knowledge_actors_rejects_bad_file(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_actor_base(_write(tmp_path, text))
    assert message in str(error.value)
    assert "actors.toml" in str(error.value)


@pytest.mark.parametrize("name", ["missing.toml"])
def test_knowledge_actors_missing_file_is_config_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_actor_base(tmp_path / name)


@pytest.mark.parametrize(
    ("day", "holder"),
    [
        (date(2019, 12, 31), None),
        (date(2020, 1, 1), "alpha"),
        (date(2022, 5, 31), "alpha"),
        (date(2022, 6, 1), "beta"),
        (date(2030, 1, 1), "beta"),
        (None, "beta"),
    ],
)
def test_knowledge_actors_office_holder_on(
    tmp_path: Path, day: date | None, holder: str | None
) -> None:
    office = load_actor_base(_write(tmp_path, TWO_HOLDERS)).offices["chair"]
    assert office.holder_on(day) == holder


@pytest.mark.parametrize(
    ("office", "day", "holder"),
    [
        ("us_president", date(2018, 3, 1), "trump"),
        ("us_president", date(2022, 2, 24), "biden"),
        ("us_president", date(2025, 1, 19), "biden"),
        ("us_president", date(2025, 1, 20), "trump"),
        ("us_president", None, "trump"),
        ("us_secretary_of_state", date(2023, 6, 1), "blinken"),
        ("us_secretary_of_state", date(2025, 3, 1), "rubio"),
        ("us_secretary_of_state", None, "rubio"),
        ("us_vice_president", date(2022, 1, 1), "harris"),
        ("us_vice_president", date(2025, 2, 14), "vance"),
        ("us_defense_secretary", date(2023, 1, 1), "austin"),
        ("us_defense_secretary", date(2025, 3, 1), "hegseth"),
        ("us_national_security_adviser", date(2024, 1, 1), "sullivan"),
        ("us_national_security_adviser", date(2025, 3, 1), "waltz"),
        ("us_national_security_adviser", date(2025, 8, 15), "rubio"),
        ("nato_secretary_general", date(2024, 9, 30), "stoltenberg"),
        ("nato_secretary_general", date(2024, 10, 1), "rutte"),
        ("german_chancellor", date(2025, 5, 5), "scholz"),
        ("german_chancellor", date(2025, 5, 6), "merz"),
        ("uk_prime_minister", date(2023, 1, 1), "sunak"),
        ("uk_prime_minister", date(2025, 3, 2), "starmer"),
        ("uk_prime_minister", None, "starmer"),
    ],
)
def test_knowledge_actors_shipped_office_holder(
    base: ActorBase, office: str, day: date | None, holder: str
) -> None:
    assert base.offices[office].holder_on(day) == holder


# The guidelines' principal-actor table and the institutions it names.
GUIDELINE_FORMS = [
    ("trump", "Trump", None),
    ("trump", "Donald Trump", None),
    ("trump", "Mr. Trump", None),
    ("trump", "President Trump", None),
    ("trump", "the U.S. president", date(2025, 8, 15)),
    ("trump", "the president", date(2025, 8, 15)),
    ("putin", "Putin", None),
    ("putin", "Vladimir Putin", None),
    ("putin", "Vladimir V. Putin", None),
    ("putin", "Mr. Putin", None),
    ("putin", "the Russian president", None),
    ("putin", "the Russian leader", None),
    ("zelensky", "Zelensky", None),
    ("zelensky", "Zelenskyy", None),
    ("zelensky", "Zelenskiy", None),
    ("zelensky", "Volodymyr Zelensky", None),
    ("zelensky", "Volodymyr Zelenskyy", None),
    ("zelensky", "Vladimir Zelensky", None),
    ("zelensky", "Vladimir Zelenskyy", None),
    ("zelensky", "the Ukrainian president", None),
    ("zelensky", "the Ukrainian leader", None),
    ("rubio", "Rubio", None),
    ("rubio", "Marco Rubio", None),
    ("rubio", "Mr. Rubio", None),
    ("rubio", "Secretary of State", date(2025, 4, 1)),
    ("witkoff", "Witkoff", None),
    ("witkoff", "Steve Witkoff", None),
    ("witkoff", "Trump's envoy", None),
    ("witkoff", "the special envoy", None),
    ("lavrov", "Lavrov", None),
    ("lavrov", "Sergei Lavrov", None),
    ("lavrov", "Sergey Lavrov", None),
    ("lavrov", "Russia's foreign minister", None),
    ("russia", "Russia", None),
    ("russia", "Moscow", None),
    ("russia", "the Kremlin", None),
    ("ukraine", "Ukraine", None),
    ("ukraine", "Kyiv", None),
    ("ukraine", "Kiev", None),
    ("united_states", "the United States", None),
    ("united_states", "Washington", None),
    ("united_states", "the White House", None),
    ("united_states", "the Trump administration", None),
    ("europe", "European leaders", None),
    ("europe", "the EU", None),
    ("nato", "NATO", None),
]


@pytest.mark.parametrize(("actor_id", "form", "day"), GUIDELINE_FORMS)
def test_knowledge_actors_guideline_forms_resolve(
    base: ActorBase, actor_id: str, form: str, day: date | None
) -> None:
    assert resolve(base, form, day) == {actor_id}


@pytest.mark.parametrize(
    "actor_id",
    [
        "trump",
        "putin",
        "zelensky",
        "rubio",
        "witkoff",
        "lavrov",
        "vance",
        "hegseth",
        "macron",
        "starmer",
        "merz",
        "von_der_leyen",
        "rutte",
        "medvedev",
        "peskov",
        "ushakov",
        "blinken",
        "biden",
        "russia",
        "ukraine",
        "united_states",
        "europe",
        "nato",
    ],
)
def test_knowledge_actors_guideline_ids_exist(base: ActorBase, actor_id: str) -> None:
    assert actor_id in base.actors


@pytest.mark.parametrize("expected", [{"trump", "putin", "zelensky", "rubio", "witkoff", "lavrov"}])
def test_knowledge_actors_principals_are_the_six(base: ActorBase, expected: set[str]) -> None:
    assert base.principal_ids == expected


@pytest.mark.parametrize("kind", ["all forms"])
def test_knowledge_actors_each_form_names_one_actor(base: ActorBase, kind: str) -> None:
    """A form under two actors, or an office form that is also a title, leaves linking a guess."""
    owners: dict[str, set[str]] = {}
    for actor in base.actors.values():
        for form in (*actor.aliases, *actor.titles):
            owners.setdefault(form.lower(), set()).add(actor.id)
    for office in base.offices.values():
        for form in office.forms:
            owners.setdefault(form.lower(), set()).add(f"office:{office.id}")
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("pattern", [r"[a-z][a-z0-9_]*"])
def test_knowledge_actors_ids_are_slugs(base: ActorBase, pattern: str) -> None:
    assert [i for i in (*base.actors, *base.offices) if not re.fullmatch(pattern, i)] == []
