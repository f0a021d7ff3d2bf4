"""The model card: what the claim model was trained on, its thresholds, its files' hashes.

``make model`` writes ``card.json`` beside ``model.onnx``; running checks the files
against the card's hashes, so a damaged or swapped model file is an error, not silently
different claims.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import RESOURCES_DIR, PipelineError

SHIPPED_MODEL = RESOURCES_DIR / "claim_model"
CARD_FILE = "card.json"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"


@dataclass(frozen=True)
class ModelCard:
    """The parts of ``card.json`` that running the model needs."""

    folder: Path
    types: tuple[str, ...]
    thresholds: dict[str, float]
    max_tokens: int
    window_words: int
    onnx_sha256: str
    tokenizer_sha256: str
    data_hash: str

    @property
    def fingerprint(self) -> str:
        """What a claims file depends on: the model's bytes and its thresholds."""
        return f"{self.onnx_sha256}:{json.dumps(self.thresholds, sort_keys=True)}"


def model_folder(setting: str) -> Path:
    """The folder a setting names; empty means the shipped model."""
    return Path(setting).expanduser() if setting else SHIPPED_MODEL


def read_card(folder: Path) -> ModelCard:
    """The card of the model in ``folder``; a missing or malformed card is one clear error."""
    path = folder / CARD_FILE
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return ModelCard(
            folder=folder,
            types=tuple(data["types"]),
            thresholds={str(k): float(v) for k, v in data["thresholds"].items()},
            max_tokens=int(data["max_tokens"]),
            window_words=int(data["window_words"]),
            onnx_sha256=str(data["export"]["onnx_sha256"]),
            tokenizer_sha256=str(data["export"]["tokenizer_sha256"]),
            data_hash=str(data["training_data"]["data_hash"]),
        )
    except FileNotFoundError as error:
        raise PipelineError(
            f"{path} not found: the claim model folder needs card.json, model.onnx and "
            "tokenizer.json (`make model` writes them)"
        ) from error
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PipelineError(f"{path}: not a claim model card ({error!r})") from error


def verified_files(card: ModelCard) -> tuple[Path, Path]:
    """The model and tokenizer files, after checking their hashes against the card."""
    files = []
    for name, expected in ((MODEL_FILE, card.onnx_sha256), (TOKENIZER_FILE, card.tokenizer_sha256)):
        path = card.folder / name
        try:
            found = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            raise PipelineError(f"{path}: cannot read the claim model: {error}") from error
        if found != expected:
            raise PipelineError(
                f"{path} does not match {card.folder / CARD_FILE} (sha256 {found[:12]}..., "
                f"the card says {expected[:12]}...): restore it or rebuild with `make model`"
            )
        files.append(path)
    return files[0], files[1]
