"""Temperature scaling: one number that makes a model's confidence match its accuracy.

Fitted on the dev split after training (Guo et al., 2017); it divides the logits before the
softmax, so it never changes which label wins, only how sure the model says it is.
"""

from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Row-wise softmax of logits / temperature."""
    z = logits.astype(np.float64) / temperature
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature in [0.05, 20] that minimises the negative log-likelihood of `labels`."""
    from scipy.optimize import minimize_scalar

    labels = np.asarray(labels)

    def nll(log_t: float) -> float:
        p = softmax(logits, float(np.exp(log_t))).astype(np.float64)
        return float(-np.log(np.clip(p[np.arange(len(labels)), labels], 1e-12, None)).mean())

    result = minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded")
    return float(np.exp(result.x))
