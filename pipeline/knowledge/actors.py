"""The actor knowledge base: who can hold a claim, and every way texts name them.

The data lives in ``resources/actors.toml`` (or a user file passed with
``--actors``); this module only validates it and turns it into records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.config import DEFAULT_ACTORS, ConfigError, read_toml

ACTOR_KINDS = ("person", "state", "organisation", "group")
GENDERS = ("male", "female", "none")


@dataclass(frozen=True)
class Actor:
    """One actor with its canonical id and surface forms."""

    id: str
    name: str
    kind: str
    affiliation: str | None
    role: str | None
    principal: bool
    gender: str
    aliases: tuple[str, ...]  # names: "Putin", "Vladimir V. Putin", "Mr. Putin"
    titles: tuple[str, ...]  # descriptions that always mean this actor: "the Russian leader"
    adjectives: tuple[str, ...] = ()  # "Russian": an actor only before a group noun


@dataclass(frozen=True)
class Tenure:
    """One holder of an office over a period; ``until`` is exclusive, None means ongoing."""

    actor: str
    start: date | None
    until: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (
            self.until is None or day < self.until
        )


@dataclass(frozen=True)
class Office:
    """A title whose holder changes with time ("the U.S. president", "Secretary of State")."""

    id: str
    forms: tuple[str, ...]
    holders: tuple[Tenure, ...]
    default: str | None  # holder assumed when the article's date is unknown
    # The title alone ("president"): "the president" right after another actor
    # introduced with that title ("President Zelensky") means that actor.
    bare_title: str | None = None

    def holder_on(self, day: date | None) -> str | None:
        """The actor holding the office on ``day``; the default holder when undated."""
        if day is None:
            return self.default
        for tenure in self.holders:
            if tenure.covers(day):
                return tenure.actor
        return None


@dataclass(frozen=True)
class NameCues:
    """Words that introduce people the knowledge base does not know ("Foreign Minister
    Jean Dupont", "Ivan Petrov, the deputy foreign minister"), from ``[unknown_actors]``."""

    titles: frozenset[str] = frozenset()  # head words of a title, lower case: "minister"
    female_titles: frozenset[str] = frozenset()  # titles that give the pronoun: "spokeswoman"
    honorifics: frozenset[str] = frozenset()  # words before a name that are no role: "mr."
    modifiers: frozenset[str] = frozenset()  # words of a title before its head: "foreign"
    particles: frozenset[str] = frozenset()  # lower-case parts of surnames: "von", "der"
    not_names: frozenset[str] = frozenset()  # capitalised words that are no name: "Monday"
    entity_labels: tuple[str, ...] = ()  # a trained NER's labels that are actors: "PERSON"


@dataclass(frozen=True)
class ActorBase:
    """All actors and offices, indexed by id."""

    actors: dict[str, Actor]
    offices: dict[str, Office] = field(default_factory=dict)
    # Names that hold an actor's name but mean something else ("Washington Post").
    not_actors: tuple[str, ...] = ()
    names: NameCues = field(default_factory=NameCues)

    @property
    def principal_ids(self) -> frozenset[str]:
        return frozenset(actor.id for actor in self.actors.values() if actor.principal)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)


def _strings(entry: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ConfigError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(values)


def _date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise ConfigError(f"{where}: '{value}' is not a date (use YYYY-MM-DD)") from error


def _actor(entry: dict[str, Any], where: str) -> Actor:
    for key in ("id", "name", "kind"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ConfigError(f"{where}: every actor needs a non-empty '{key}'")
    if entry["kind"] not in ACTOR_KINDS:
        raise ConfigError(f"{where}: kind '{entry['kind']}' is not one of {', '.join(ACTOR_KINDS)}")
    default_gender = "none" if entry["kind"] != "person" else "male"
    gender = entry.get("gender", default_gender)
    if gender not in GENDERS:
        raise ConfigError(f"{where}: gender '{gender}' is not one of {', '.join(GENDERS)}")
    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind=entry["kind"],
        affiliation=entry.get("affiliation") or None,
        role=entry.get("role") or None,
        principal=bool(entry.get("principal", False)),
        gender=gender,
        aliases=_strings(entry, "aliases", where),
        titles=_strings(entry, "titles", where),
        adjectives=_strings(entry, "adjectives", where),
    )


def _office(entry: dict[str, Any], where: str, actor_ids: set[str]) -> Office:
    if not isinstance(entry.get("id"), str):
        raise ConfigError(f"{where}: every office needs an 'id'")
    holders = []
    for number, holder in enumerate(entry.get("holders", []), start=1):
        here = f"{where} holder {number}"
        if holder.get("actor") not in actor_ids:
            raise ConfigError(f"{here}: actor '{holder.get('actor')}' is not defined in [[actors]]")
        holders.append(
            Tenure(
                holder["actor"], _date(holder.get("from"), here), _date(holder.get("until"), here)
            )
        )
    default = entry.get("default")
    if default is not None and default not in actor_ids:
        raise ConfigError(f"{where}: default '{default}' is not defined in [[actors]]")
    bare = entry.get("bare_title")
    if bare is not None and not (isinstance(bare, str) and bare.strip()):
        raise ConfigError(f"{where}: 'bare_title' must be a word such as \"president\"")
    forms = _strings(entry, "forms", where)
    return Office(
        entry["id"], forms, tuple(holders), default, bare.strip().lower() if bare else None
    )


def load_actor_base(path: Path | None = None) -> ActorBase:
    """Read and validate one actors file on its own; errors name the entry to fix."""
    path = path or DEFAULT_ACTORS
    return actor_base_from(read_toml(path), path)


def actor_base_from(data: dict[str, Any], path: Path | str) -> ActorBase:
    """Validate the data of an actors file (``path`` names it in errors)."""
    actors: dict[str, Actor] = {}
    for number, entry in enumerate(data.get("actors", []), start=1):
        actor = _actor(entry, f"{path} actor {number}")
        if actor.id in actors:
            raise ConfigError(f"{path}: actor id '{actor.id}' is defined twice")
        actors[actor.id] = actor
    if not actors:
        raise ConfigError(f"{path}: no [[actors]] entries")
    for actor in actors.values():
        if actor.affiliation and actor.affiliation not in actors:
            raise ConfigError(
                f"{path}: '{actor.id}' is affiliated with unknown actor '{actor.affiliation}'"
            )
    offices: dict[str, Office] = {}
    for number, entry in enumerate(data.get("offices", []), start=1):
        office = _office(entry, f"{path} office {number}", set(actors))
        offices[office.id] = office
    not_actors = _strings(data.get("not_actors", {}), "phrases", f"{path} [not_actors]")
    return ActorBase(actors, offices, not_actors, _name_cues(data.get("unknown_actors", {}), path))


def _name_cues(entry: dict[str, Any], path: Path | str) -> NameCues:
    where = f"{path} [unknown_actors]"

    def words(key: str) -> frozenset[str]:
        return frozenset(word.lower() for word in _strings(entry, key, where))

    return NameCues(
        titles=words("titles"),
        female_titles=words("female_titles"),
        honorifics=words("honorifics"),
        modifiers=words("title_modifiers"),
        particles=words("particles"),
        not_names=words("not_names"),
        entity_labels=_strings(entry, "entity_labels", where),
    )
