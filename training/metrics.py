"""Held-out evaluation: one evaluator for the transformer and every baseline.

Accuracy, per-class precision/recall/F1/support, macro- and micro-F1 (scikit-learn), the
confusion matrix, a bootstrap 95% interval for macro-F1 (resampling documents, since the
sentences of one article are not independent), expected calibration error, and the
most confident mistakes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

from claimtag.model.labels import LABELS
from claimtag.training.markdown import markdown_table


@dataclass
class Report:
    """Metrics of one model on one evaluation set."""

    name: str
    n: int
    accuracy: float
    macro_f1: float
    micro_f1: float
    macro_f1_ci: tuple[float, float]
    ece: float
    per_class: dict[str, dict[str, float]]
    confusion: list[list[int]]

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


def evaluate_probs(
    probs: np.ndarray,
    gold: np.ndarray,
    groups: list[str] | None = None,
    *,
    name: str = "model",
    bootstrap: int = 1000,
    ece_bins: int = 10,
    seed: int = 0,
) -> Report:
    """Score predicted probabilities [n, 4] against gold label ids [n]."""
    gold = np.asarray(gold)
    pred = probs.argmax(axis=1)
    labels = list(range(len(LABELS)))
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    return Report(
        name=name,
        n=int(len(gold)),
        accuracy=float(accuracy_score(gold, pred)),
        macro_f1=float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)),
        micro_f1=float(f1_score(gold, pred, labels=labels, average="micro", zero_division=0)),
        macro_f1_ci=bootstrap_macro_f1(gold, pred, groups, bootstrap, seed),
        ece=expected_calibration_error(probs, gold, ece_bins),
        per_class={
            LABELS[i]: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i in labels
        },
        confusion=confusion_matrix(gold, pred, labels=labels).tolist(),
    )


def bootstrap_macro_f1(
    gold: np.ndarray, pred: np.ndarray, groups: list[str] | None, n: int, seed: int
) -> tuple[float, float]:
    """95% percentile interval of macro-F1 over `n` resamples of documents (or sentences); NaN
    where there is none to compute (one document resamples to itself: a zero-width "interval")."""
    keys = np.asarray(groups if groups is not None else np.arange(len(gold)).astype(str))
    uniq, inverse = np.unique(keys, return_inverse=True)
    if n <= 0 or len(uniq) < 2:
        return (float("nan"), float("nan"))
    members = [np.flatnonzero(inverse == g) for g in range(len(uniq))]
    rng = np.random.default_rng(seed)
    labels = list(range(len(LABELS)))
    scores = []
    for _ in range(n):
        idx = np.concatenate([members[g] for g in rng.integers(0, len(uniq), len(uniq))])
        scores.append(f1_score(gold[idx], pred[idx], labels=labels, average="macro", zero_division=0))
    lo, hi = np.percentile(scores, [2.5, 97.5])
    return (float(lo), float(hi))


def expected_calibration_error(probs: np.ndarray, gold: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size."""
    if len(gold) == 0:
        return float("nan")
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == gold
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - conf[mask].mean())
    return float(ece)


def worst_errors(records: list[dict], probs: np.ndarray, gold: np.ndarray, k: int) -> list[dict]:
    """The `k` most confident wrong predictions."""
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != gold)
    wrong = wrong[np.argsort(-probs[wrong, pred[wrong]], kind="stable")][:k]
    return [
        {
            "doc_id": records[i].get("doc_id"),
            "index": records[i].get("index"),
            "text": records[i]["text"],
            "gold": LABELS[gold[i]],
            "predicted": LABELS[pred[i]],
            "confidence": round(float(probs[i, pred[i]]), 4),
        }
        for i in wrong
    ]


def confusions(records: list[dict], probs: np.ndarray, gold: np.ndarray, top: int = 5, examples: int = 2) -> list[dict]:
    """The most frequent (gold, predicted) mistakes, each with its most confident examples.

    Examples are keys (`doc_id#index`), not text: metrics.json ships inside the model folder,
    and the test split's text belongs to corpora whose text the repository never stores.
    """
    pred = probs.argmax(axis=1)
    out = []
    pairs = {(int(g), int(p)) for g, p in zip(gold, pred, strict=True) if g != p}
    for g, p in pairs:
        idx = np.flatnonzero((gold == g) & (pred == p))
        idx = idx[np.argsort(-probs[idx, p], kind="stable")]
        out.append(
            {
                "gold": LABELS[g],
                "predicted": LABELS[p],
                "count": int(len(idx)),
                "examples": [f"{records[i].get('doc_id')}#{records[i].get('index')}" for i in idx[:examples]],
            }
        )
    return sorted(out, key=lambda c: (-c["count"], c["gold"], c["predicted"]))[:top]


THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def coverage(probs: np.ndarray, gold: np.ndarray, thresholds: tuple[float, ...] = THRESHOLDS) -> list[dict]:
    """For each confidence threshold: the share of sentences kept and the accuracy on them."""
    conf, correct = probs.max(axis=1), probs.argmax(axis=1) == gold
    rows = []
    for t in thresholds:
        kept = conf >= t
        rows.append(
            {
                "threshold": t,
                "coverage": float(kept.mean()) if len(gold) else 0.0,
                "accuracy": float(correct[kept].mean()) if kept.any() else float("nan"),
            }
        )
    return rows


def coverage_table(rows: list[dict]) -> str:
    """Markdown: coverage and accuracy per `--min-confidence` threshold."""
    cells = [(f"{r['threshold']:.2f}", f"{r['coverage']:.1%}", f"{r['accuracy']:.3f}") for r in rows]
    return markdown_table(["min confidence", "coverage", "accuracy on kept"], cells)


def f1_with_interval(f1: float, ci: tuple[float, float] | list | None) -> str:
    """`0.812 [0.741, 0.870]`, or `0.812 (no interval)` where none could be computed."""
    if ci is None or any(x is None or x != x for x in ci):
        return f"{f1:.3f} (no interval)"
    return f"{f1:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]"


def comparison_table(reports: list[Report]) -> str:
    """Markdown: one row per model, macro-F1 with its interval, per-class F1, accuracy, ECE."""
    head = ["model", "macro-F1 [95% CI]", *(f"F1 {lab}" for lab in LABELS), "accuracy", "ECE"]
    rows = [
        [r.name, f1_with_interval(r.macro_f1, r.macro_f1_ci)]
        + [f"{r.per_class[lab]['f1']:.3f}" for lab in LABELS]
        + [f"{r.accuracy:.3f}", f"{r.ece:.3f}"]
        for r in reports
    ]
    return markdown_table(head, rows)


def detail(report: Report) -> str:
    """Markdown: per-class precision/recall/F1/support and the confusion matrix as text."""
    scores = ("precision", "recall", "f1")
    per_class = [
        (lab, *(f"{report.per_class[lab][k]:.3f}" for k in scores), report.per_class[lab]["support"]) for lab in LABELS
    ]
    confusion = [(lab, *row) for lab, row in zip(LABELS, report.confusion, strict=True)]
    return "\n".join(
        [
            markdown_table(["label", "precision", "recall", "F1", "support"], per_class),
            "",
            "Confusion matrix (rows gold, columns predicted):",
            "",
            markdown_table(["gold \\ pred", *LABELS], confusion),
        ]
    )


def confusion_png(report: Report, path: Path) -> None:
    """Draw the confusion matrix to a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matrix = np.asarray(report.confusion)
    fig, ax = plt.subplots(figsize=(4.8, 4.2), dpi=120)
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(LABELS)), LABELS, rotation=30)
    ax.set_yticks(range(len(LABELS)), LABELS)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(f"{report.name} (n={report.n}, macro-F1 {report.macro_f1:.3f})", fontsize=9)
    for (i, j), v in np.ndenumerate(matrix):
        ax.text(j, i, str(v), ha="center", va="center", color="white" if v > matrix.max() / 2 else "black")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def reliability_png(curves: dict[str, np.ndarray], gold: np.ndarray, path: Path, bins: int = 10) -> None:
    """Reliability diagram: accuracy against confidence per bin, one line per set of probabilities."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.6, 4.2), dpi=120)
    ax.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfect")
    edges = np.linspace(0, 1, bins + 1)
    for name, probs in curves.items():
        conf, correct = probs.max(axis=1), probs.argmax(axis=1) == gold
        which = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
        xs = [conf[which == b].mean() for b in range(bins) if (which == b).any()]
        ys = [correct[which == b].mean() for b in range(bins) if (which == b).any()]
        ece = expected_calibration_error(probs, gold, bins)
        ax.plot(xs, ys, marker="o", label=f"{name} (ECE {ece:.3f})")
    ax.set_xlabel("confidence")
    ax.set_ylabel("accuracy")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_json(path: Path, payload: object) -> None:
    """Write JSON atomically (temp file + rename)."""
    from claimtag.model.folder import write_text_atomic

    write_text_atomic(path, json.dumps(payload, indent=2, ensure_ascii=False))
