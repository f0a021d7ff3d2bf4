"""How a user's knowledge file (actors, cues, topics, boilerplate) changes the shipped one.

A user file holds only what it changes, as a ``--settings`` file does:

- tables merge key by key, and a value the user gives replaces the shipped one;
- a list of words the user gives is added to the shipped list (shipped words first);
  a list the user leaves out keeps its shipped words;
- an array of tables (``[[actors]]``, ``[[topics]]``, ``[[cues]]``, ``[[lines]]`` ...)
  merges entry by entry: an entry with the identity of a shipped one (its ``id``; for
  ``[[cues]]`` its ``type`` and ``kind``) merges into it by these same rules, any other
  entry is added;
- ``[remove]`` takes words out after merging. It mirrors the file's layout:
  ``[remove.words] speech_verbs = ["tell"]`` drops a word from a list,
  ``[remove] actors = ["some_id"]`` drops whole entries by id, and
  ``[[remove.topics]] id = "ceasefire"`` with ``terms = ["truce"]`` drops words inside one
  entry (``[[remove.cues]]`` names its block by ``type`` and ``kind``);
- ``replace = true`` at the top makes the user file stand alone, the shipped file unused.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from pipeline.config import ConfigError

REPLACE_KEY = "replace"
REMOVE_KEY = "remove"
# The fields that say which shipped entry of an array a user's entry changes.
IDENTITY = {"cues": ("type", "kind")}
DEFAULT_IDENTITY = ("id",)

Table = dict[str, Any]


def merge_knowledge(shipped: Table, user: Table, where: str) -> Table:
    """The shipped file's data changed by the user file's, following the module's rules."""
    if user.get(REPLACE_KEY) is True:
        return {key: value for key, value in user.items() if key != REPLACE_KEY}
    if REPLACE_KEY in user:
        raise ConfigError(f"{where}: '{REPLACE_KEY}' must be true or left out")
    removals = user.get(REMOVE_KEY, {})
    if not isinstance(removals, dict):
        raise ConfigError(f"{where}: [{REMOVE_KEY}] must be a table")
    additions = {key: value for key, value in user.items() if key != REMOVE_KEY}
    return _remove(_add(shipped, additions, where), removals, where)


def _identity(name: str, entry: Any) -> tuple[Any, ...] | None:
    """What makes two entries of the array ``name`` the same entry; None: never the same."""
    if not isinstance(entry, dict):
        return None
    fields = IDENTITY.get(name, DEFAULT_IDENTITY)
    if not all(field in entry for field in fields):
        return None
    return tuple(entry[field] for field in fields)


def _is_words(value: Any) -> TypeGuard[list[Any]]:
    return isinstance(value, list) and all(not isinstance(item, dict) for item in value)


def _is_entries(value: Any) -> TypeGuard[list[Table]]:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _shape(value: Any) -> str:
    return "table" if isinstance(value, dict) else "list" if isinstance(value, list) else "value"


def _add(base: Table, extra: Table, where: str) -> Table:
    merged = dict(base)
    for key, value in extra.items():
        here = f"{where} {key}"
        old = merged.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            merged[key] = _add(old, value, here)
        elif _is_entries(value) and _is_entries(old) and value and old:
            merged[key] = _add_entries(key, old, value, here)
        elif _is_words(value) and _is_words(old):
            merged[key] = old + [item for item in value if item not in old]
        elif old is not None and _shape(value) != _shape(old):
            raise ConfigError(f"{here}: is a {_shape(value)} here but a {_shape(old)} when shipped")
        else:
            merged[key] = value
    return merged


def _add_entries(name: str, old: list[Table], new: list[Table], where: str) -> list[Table]:
    merged = list(old)
    positions = {_identity(name, entry): index for index, entry in enumerate(old)}
    for entry in new:
        identity = _identity(name, entry)
        if identity is not None and identity in positions:
            index = positions[identity]
            merged[index] = _add(merged[index], entry, f"{where} {identity}")
        elif entry not in merged:
            positions[identity] = len(merged)
            merged.append(entry)
    return merged


def _remove(data: Table, removals: Table, where: str) -> Table:
    kept = dict(data)
    for key, value in removals.items():
        here = f"{where} [{REMOVE_KEY}] {key}"
        old = kept.get(key)
        if old is None:
            raise ConfigError(f"{here}: there is no '{key}' to remove from")
        if isinstance(value, dict) and isinstance(old, dict):
            kept[key] = _remove(old, value, here)
        elif _is_entries(value) and _is_entries(old):
            kept[key] = _remove_inside(key, old, value, here)
        elif _is_words(value) and _is_entries(old):
            kept[key] = [entry for entry in old if _identity(key, entry) not in _ids(value)]
        elif _is_words(value) and _is_words(old):
            kept[key] = [item for item in old if item not in value]
        else:
            raise ConfigError(f"{here}: list the words or entry ids to remove")
    return kept


def _ids(values: list[Any]) -> set[tuple[Any, ...]]:
    return {(value,) for value in values}


def _remove_inside(name: str, old: list[Table], removals: list[Table], where: str) -> list[Table]:
    kept = list(old)
    for removal in removals:
        identity = _identity(name, removal)
        matches = [index for index, entry in enumerate(kept) if _identity(name, entry) == identity]
        if identity is None or not matches:
            raise ConfigError(f"{where}: no entry {identity or removal} to remove words from")
        fields = IDENTITY.get(name, DEFAULT_IDENTITY)
        words = {key: value for key, value in removal.items() if key not in fields}
        kept[matches[0]] = _remove(kept[matches[0]], words, where)
    return kept
