"""Document context: a small bidirectional GRU over an article's sentence vectors.

The sentence encoder reads each sentence alone (fast, and the int8 path's batches stay
small); real-news errors are mostly about what the neighbouring sentences say (a speaker's
words continued without quotation marks, background after an event). This layer reads the
article as a sequence of per-sentence vectors, [pooled encoder output, features, sentence
logits], and rescores every sentence. It costs ~30 vectors per article, not tokens, so it
keeps the sentence-alone speed (../shared/design-notes.md).

Inference runs here in numpy, on both the fp32 and the int8 path, so the two paths share one
implementation; training (claimtag.training.doc_context) fits the same network in torch.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from claimtag.model.features import article_spans

WEIGHTS_FILE = "doc_context.safetensors"


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (the torch module uses the same approximation)."""
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x**3)))


def _gru(z: np.ndarray, w: dict[str, np.ndarray], suffix: str, reverse: bool) -> np.ndarray:
    """One direction of torch.nn.GRU (gate order r, z, n) over z [n, h_in] -> [n, hidden]."""
    w_ih, w_hh = w[f"gru.weight_ih_l0{suffix}"], w[f"gru.weight_hh_l0{suffix}"]
    b_ih, b_hh = w[f"gru.bias_ih_l0{suffix}"], w[f"gru.bias_hh_l0{suffix}"]
    hidden = w_hh.shape[1]
    gates_x = z @ w_ih.T + b_ih  # [n, 3H], all steps at once
    h = np.zeros(hidden, dtype=z.dtype)
    out = np.empty((len(z), hidden), dtype=z.dtype)
    steps = range(len(z) - 1, -1, -1) if reverse else range(len(z))
    for t in steps:
        gx = gates_x[t]
        gh = w_hh @ h + b_hh
        r = _sigmoid(gx[:hidden] + gh[:hidden])
        u = _sigmoid(gx[hidden : 2 * hidden] + gh[hidden : 2 * hidden])
        n = np.tanh(gx[2 * hidden :] + r * gh[2 * hidden :])
        h = (1.0 - u) * n + u * h
        out[t] = h
    return out


def article_logits(w: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """Rescored logits [n, labels] for one article's sentence inputs x [n, d]."""
    z = gelu(x @ w["inp.weight"].T + w["inp.bias"])
    m = np.concatenate([_gru(z, w, "", False), _gru(z, w, "_reverse", True), z], axis=1)
    return m @ w["head.weight"].T + w["head.bias"]


def doc_context_logits(
    w: dict[str, np.ndarray], pooled: np.ndarray, features: np.ndarray, logits: np.ndarray, docs: Sequence[str]
) -> np.ndarray:
    """Rescore sentences in reading order, article by article (`docs`: each sentence's doc_id)."""
    x = np.concatenate([pooled, features, logits], axis=1).astype(np.float32)
    out = np.empty_like(logits, dtype=np.float32)
    for start, end in article_spans(docs):
        out[start:end] = article_logits(w, x[start:end])
    return out


def load_weights(path) -> dict[str, np.ndarray]:
    """The contextualiser's weights, as numpy arrays (no torch needed)."""
    from safetensors.numpy import load_file

    return {k: v.astype(np.float32) for k, v in load_file(str(path)).items()}
