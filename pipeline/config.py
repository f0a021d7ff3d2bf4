"""The one place that knows default paths and loads settings.

Shipped defaults live in ``resources/settings.toml``; a user file passed with
``--settings`` overrides them key by key, so it only needs what it changes.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
PROJECT_DIR = PACKAGE_DIR.parent

RAW_DIR = PROJECT_DIR / "data" / "raw"
INTERIM_DIR = PROJECT_DIR / "data" / "interim"
PROCESSED_DIR = PROJECT_DIR / "data" / "processed"
GOLD_DIR = PROJECT_DIR / "data" / "gold"
# Articles written for testing, with gold claims: a check on rules written from the seeds.
DEV_RAW_DIR = PROJECT_DIR / "data" / "dev" / "raw"
DEV_GOLD_DIR = PROJECT_DIR / "data" / "dev" / "gold"
FIGURES_DIR = PROJECT_DIR / "reports" / "figures"

DEFAULT_SETTINGS = RESOURCES_DIR / "settings.toml"
DEFAULT_ACTORS = RESOURCES_DIR / "actors.toml"
DEFAULT_CUES = RESOURCES_DIR / "cues.toml"
DEFAULT_TOPICS = RESOURCES_DIR / "topics.toml"
DEFAULT_BOILERPLATE = RESOURCES_DIR / "boilerplate.toml"

# File names of the stage outputs inside a work folder.
DOCUMENTS_FILE = "documents.jsonl"
REJECTS_FILE = "rejects.jsonl"
# Chunked stages write a folder: one file per chunk plus an index.json listing them.
ANNOTATED_DIR = "annotated"
CLAIMS_DIR = "claims"

T = TypeVar("T")


class PipelineError(ValueError):
    """An error the user can fix; the CLI prints its message without a traceback."""


class ConfigError(PipelineError):
    """A settings or knowledge file is missing or malformed."""


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning syntax errors into a message that names the file."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as error:
        raise ConfigError(f"{path}: file not found") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from error


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``override`` into a copy of ``base`` (tables merge, values replace)."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# --- Typed settings -------------------------------------------------------------------------
# The dataclasses hold no defaults: every value comes from resources/settings.toml, merged with
# the user's file, so a default is written once. ``None`` is only for a key the shipped file
# leaves unset on purpose (``[normalise] boilerplate``).


@dataclass(frozen=True)
class NlpSettings:
    """``[nlp]``: the spaCy pipeline the annotate stage builds."""

    model: str
    sentences: str
    batch_size: int


@dataclass(frozen=True)
class FieldSettings:
    """``[normalise.fields]``: where JSON records keep each field; the first name present wins."""

    text: tuple[str, ...]
    id: tuple[str, ...]
    title: tuple[str, ...]
    url: tuple[str, ...]
    published: tuple[str, ...]
    outlet: tuple[str, ...]
    author: tuple[str, ...]
    section: tuple[str, ...]
    records: tuple[str, ...]


@dataclass(frozen=True)
class NormaliseSettings:
    """``[normalise]``: which inputs are read and how."""

    max_file_bytes: int
    extensions: tuple[str, ...]
    max_control_share: float
    max_document_chars: int
    fields: FieldSettings
    boilerplate: str | None = None


@dataclass(frozen=True)
class ExtractSettings:
    """``[extract]``: which claims are written, and whether the claim model adds its own."""

    min_confidence: float
    # The learned claim model (pipeline.extract.learned): off by default, the rules alone.
    claim_model: bool = False
    claim_model_folder: str = ""  # empty: the model shipped in resources/claim_model
    claim_model_batch: int = 1  # pairs per ONNX Runtime call (see settings.toml)
    claim_model_threads: int = 0  # ONNX Runtime's threads per process; 0: its own choice
    claim_model_alone: bool = False  # the model's claims without the rules' (to compare them)


@dataclass(frozen=True)
class RunSettings:
    """``[run]``: the chunk size, worker processes and engine of the chunked stages."""

    chunk_size: int
    jobs: int
    # The engine of the stages (see pipeline.engines): "local" or "dask", and for Dask the
    # scheduler to join (an address or a scheduler file); unset: a local cluster.
    engine: str
    scheduler: str | None = None
    scheduler_file: str | None = None


@dataclass(frozen=True)
class Settings:
    """Every setting, typed, one section per stage; build it with ``load_settings``."""

    nlp: NlpSettings
    normalise: NormaliseSettings
    extract: ExtractSettings
    run: RunSettings
    # ``[storage]``: options of the object store's file system (fsspec), e.g. endpoint_url,
    # key, secret; ``--storage-option key=value`` adds to them. Unset: the environment's.
    storage: dict[str, Any] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "settings") -> Settings:
        """Typed settings from a complete settings table; errors name the key to fix."""
        return _section(cls, data, where)

    def to_dict(self) -> dict[str, Any]:
        """The settings as a TOML-like table (lists for tuples), e.g. for fingerprints."""
        return _plain(dataclasses.asdict(self))

    def with_overrides(self, overrides: dict[str, Any]) -> Settings:
        """These settings with some keys replaced, merged the way a user's file is."""
        return Settings.from_dict(merge(self.to_dict(), overrides))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _section(cls: type[T], data: Any, file: str, table: str = "") -> T:
    """One settings table as the dataclass ``cls``, checking names and types."""
    place = f"[{table}] " if table else ""
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: [{table}] must be a table")
    hints = get_type_hints(cls)
    names = [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(names))
    if unknown:
        raise ConfigError(
            f"{file}: {place}has no setting '{unknown[0]}' (known: {', '.join(names)}); "
            "check its spelling against the shipped resources/settings.toml"
        )
    values: dict[str, Any] = {}
    for name in names:
        if name not in data:
            if type(None) in getattr(hints[name], "__args__", ()):
                continue
            raise ConfigError(f"{file}: {place}{name} is missing (see resources/settings.toml)")
        inner = f"{table}.{name}" if table else name
        values[name] = _value(hints[name], data[name], file, inner)
    return cls(**values)


def _value(hint: Any, value: Any, file: str, key: str) -> Any:
    """One value checked against its type hint; ints are accepted where floats are."""
    if dataclasses.is_dataclass(hint):
        return _section(hint, value, file, key)  # type: ignore[arg-type]
    table, _, name = key.rpartition(".")
    where = f"{file}: [{table}] {name}" if table else f"{file}: {name}"
    if get_origin(hint) is dict or dict in [get_origin(arg) for arg in get_args(hint)]:
        if not isinstance(value, dict):
            raise ConfigError(f"{where} must be a table")
        return value
    if hint == tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{where} must be a list of strings")
        return tuple(value)
    expected = next(arg for arg in getattr(hint, "__args__", (hint,)) if arg is not type(None))
    if expected is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, not {value!r}")
        return value
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or isinstance(value, bool):
        kind = {"int": "a whole number", "float": "a number", "str": "a string"}[expected.__name__]
        raise ConfigError(f"{where} must be {kind}, not {value!r}")
    return value


def load_settings(user_file: Path | None = None) -> Settings:
    """Shipped settings, overridden key by key by the user's file when one is given."""
    data = read_toml(DEFAULT_SETTINGS)
    where = str(DEFAULT_SETTINGS)
    if user_file is not None:
        data = merge(data, read_toml(user_file))
        where = str(user_file)
    return Settings.from_dict(data, where)
