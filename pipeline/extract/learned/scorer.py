"""Run the claim model: ONNX Runtime over the pairs' inputs, three probabilities each.

Only ``onnxruntime`` and ``tokenizers`` are needed (the ``claim-model`` extra); no
training framework. By default every input is scored alone: the int8 model quantises
its activations per call, so a batch's other inputs would move an input's probabilities.
With ``batch_size`` above 1, inputs of similar length are batched, so padding costs little.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from pipeline.config import PipelineError
from pipeline.extract.learned.card import ModelCard, verified_files

MISSING_EXTRA = (
    "the claim model needs onnxruntime and tokenizers: install the `claim-model` extra "
    "(`make install` does; elsewhere pip install -e '.[claim-model]'), or turn it off with "
    "--no-claim-model"
)


class PairScorer:
    """One loaded model; ``score`` maps input texts to an (n, 3) array of probabilities."""

    def __init__(self, card: ModelCard, batch_size: int = 1, threads: int = 0) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise PipelineError(MISSING_EXTRA) from error
        model_file, tokenizer_file = verified_files(card)
        self.card = card
        self.batch_size = batch_size
        self.tokenizer: Any = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(max_length=card.max_tokens)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session: Any = onnxruntime.InferenceSession(
            str(model_file), options, providers=["CPUExecutionProvider"]
        )

    def score(self, texts: list[str]) -> np.ndarray:
        """Probabilities in the card's type order, one row per text, in input order."""
        result = np.zeros((len(texts), len(self.card.types)), dtype=np.float32)
        if not texts:
            return result
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            chosen = order[start : start + self.batch_size]
            width = max(len(encodings[i].ids) for i in chosen)
            ids = np.zeros((len(chosen), width), dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, i in enumerate(chosen):
                tokens = encodings[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            result[chosen] = self.session.run(None, feeds)[0]
        return result
