"""Fit the document contextualiser (model/doc_context.py) on a trained sentence model's outputs.

Stage two of training: the fine-tuned encoder is frozen; its pooled vector, the sentence
features and its logits, per sentence, are the inputs of a small BiGRU that reads each article
as a sequence. It trains in a minute or two on CPU, early-stops on the dev split, and its
weights go into the model folder beside the encoder's.
"""

from __future__ import annotations

import numpy as np
import torch
from datasets import Dataset
from sklearn.metrics import f1_score
from torch import nn

from claimtag.model.features import article_spans, sentence_features
from claimtag.model.labels import LABELS, QUOTE
from claimtag.model.transformer import TransformerModel


class DocContextNet(nn.Module):
    """Linear + GELU per sentence -> BiGRU over the article -> head on [GRU state, projection].

    Parameter names match what model/doc_context.py reads (inp, gru, head).
    """

    def __init__(self, dim: int, hidden: int, dropout: float = 0.2) -> None:
        super().__init__()
        self.drop = nn.Dropout(dropout)
        self.inp = nn.Linear(dim, hidden)
        self.gru = nn.GRU(hidden, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(3 * hidden, len(LABELS))

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Logits [B, N, labels] for padded articles x [B, N, dim] of the given lengths."""
        z = nn.functional.gelu(self.inp(self.drop(x)), approximate="tanh")
        packed = nn.utils.rnn.pack_padded_sequence(z, lengths.cpu(), batch_first=True, enforce_sorted=False)
        m, _ = self.gru(packed)
        m, _ = nn.utils.rnn.pad_packed_sequence(m, batch_first=True, total_length=x.shape[1])
        return self.head(self.drop(torch.cat([m, z], dim=-1)))


def _articles(model: TransformerModel, ds: Dataset) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Per article: inputs [n, dim], gold labels, sample weights, in-quote flags."""
    records = ds.to_list()
    pooled, logits = model.sentence_outputs(records)
    x = np.concatenate([pooled, sentence_features(records), logits], axis=1).astype(np.float32)
    labels = np.asarray(ds["label"])
    weights = np.asarray(ds["weight"], dtype=np.float32) if "weight" in ds.column_names else np.ones(len(ds))
    inside = np.array([bool(r.get("in_quote")) for r in records])
    return [(x[a:b], labels[a:b], weights[a:b], inside[a:b]) for a, b in article_spans(ds["doc_id"])]


def _batch(articles: list) -> tuple[torch.Tensor, ...]:
    n = max(len(a[0]) for a in articles)
    dim = articles[0][0].shape[1]
    x = torch.zeros(len(articles), n, dim)
    y = torch.full((len(articles), n), -100, dtype=torch.long)
    w = torch.zeros(len(articles), n)
    for i, (a, labels, weights, _) in enumerate(articles):
        x[i, : len(a)] = torch.from_numpy(a)
        y[i, : len(a)] = torch.from_numpy(labels)
        w[i, : len(a)] = torch.from_numpy(weights.astype(np.float32))
    return x, y, w, torch.tensor([len(a[0]) for a in articles])


@torch.no_grad()
def _dev_f1(net: DocContextNet, articles: list) -> float:
    net.eval()
    gold, guess = [], []
    for i in range(0, len(articles), 64):
        part = articles[i : i + 64]
        x, _, _, lengths = _batch(part)
        logits = net(x, lengths)
        for j, (_, labels, _, inside) in enumerate(part):
            pred = logits[j, : len(labels)].argmax(-1).numpy()
            pred[inside] = LABELS.index(QUOTE)  # the open-quotation rule, as at inference
            gold.append(labels)
            guess.append(pred)
    return float(f1_score(np.concatenate(gold), np.concatenate(guess), average="macro"))


def fit_doc_context(
    model: TransformerModel,
    train: Dataset,
    dev: Dataset,
    *,
    hidden: int = 128,
    max_epochs: int = 40,
    patience: int = 6,
    seed: int = 42,
) -> tuple[dict[str, np.ndarray], dict]:
    """Train the contextualiser; return its weights (numpy, for model/doc_context.py) and a summary."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    train_docs, dev_docs = _articles(model, train), _articles(model, dev)
    net = DocContextNet(train_docs[0][0].shape[1], hidden)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=0.01)
    counts = np.bincount(np.concatenate([a[1] for a in train_docs]), minlength=len(LABELS)).astype(np.float64)
    class_w = torch.tensor(counts.sum() / (len(LABELS) * np.maximum(counts, 1)), dtype=torch.float32)
    best, best_state, best_epoch, stale = -1.0, None, 0, 0
    for epoch in range(1, max_epochs + 1):
        net.train()
        order = rng.permutation(len(train_docs))
        for i in range(0, len(order), 16):
            x, y, w, lengths = _batch([train_docs[j] for j in order[i : i + 16]])
            loss = nn.functional.cross_entropy(
                net(x, lengths).reshape(-1, len(LABELS)), y.reshape(-1), weight=class_w, reduction="none"
            )
            mask = w.reshape(-1) * (y.reshape(-1) >= 0)
            loss = (loss * mask).sum() / mask.sum().clamp(min=1e-8)
            opt.zero_grad()
            loss.backward()
            opt.step()
        f1 = _dev_f1(net, dev_docs)
        if f1 > best:
            best, best_epoch, stale = f1, epoch, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        else:
            stale += 1
            if stale >= patience:
                break
    weights = {k: v.numpy().astype(np.float32) for k, v in best_state.items()}
    return weights, {"hidden": hidden, "best_epoch": best_epoch, "dev_macro_f1": round(best, 4)}
