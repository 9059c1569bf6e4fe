"""Compare who-said-it's rules with a span head on the encoder (issue #16, deliverable 1).

The head reads a window around a quote sentence (up to three sentences before it, the sentence,
one after; the sentence marked by token type 1) and points at the tokens of a mention of its
speaker, or at [CLS] for none. Trained on the gold quote sentences of the config's training split,
each speaker located in its window (the recorded form, else its last word, nearest the sentence);
scored on the real-news and team-written dev splits alone and as an override of the rules where
it disagrees with them by more than a margin (docs/speakers.md, "Learned approaches, measured"):

    python -m claimtag.training.speaker_span --config configs/default.yaml --epochs 2 --json span.json

Training is about 13 minutes on 2 cores for the MiniLM encoder.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

from claimtag.inference.mentions import SpeakerScorer
from claimtag.inference.quotes import attribute
from claimtag.model.labels import QUOTE
from claimtag.training.attribution import GoldArticle, attributed_rows, gold_articles, same_speaker
from claimtag.training.markdown import markdown_table

BEFORE, AFTER = 3, 1  # sentences of the window around the quote sentence


@dataclass(frozen=True)
class SpanExample:
    """One gold quote sentence in its window (`window` starts at article offset `offset`)."""

    doc_id: str
    index: int
    window: str
    offset: int
    target: tuple[int, int]  # the quote sentence, in window offsets
    gold: str | None
    span: tuple[int, int] | None  # a mention of the gold speaker, in window offsets


def window_examples(articles: list[GoldArticle]) -> list[SpanExample]:
    """Every gold quote sentence of `articles` as a window with its speaker's mention located."""
    out = []
    for art in articles:
        for i, label in enumerate(art.labels):
            if label != QUOTE:
                continue
            first, last = art.sentences[max(0, i - BEFORE)], art.sentences[min(len(art.sentences), i + AFTER + 1) - 1]
            window = art.text[first.start : last.end]
            target = (art.sentences[i].start - first.start, art.sentences[i].end - first.start)
            gold = art.speakers[i]
            out.append(SpanExample(art.doc_id, i, window, first.start, target, gold, _located(window, gold, target)))
    return out


def _located(window: str, gold: str | None, target: tuple[int, int]) -> tuple[int, int] | None:
    """The gold speaker's mention nearest the quote sentence: its recorded form (a leading article
    aside), else its last word; inside the sentence first, then after it, then before it."""
    name = re.sub(r"^(the|a|an)\s+", "", (gold or "").strip(), flags=re.IGNORECASE)
    words = name.split()
    for form in (name, words[-1] if words and len(words[-1]) > 1 else ""):
        if not form:
            continue
        hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", window, re.IGNORECASE)]
        if hits:
            start, end = target
            return min(hits, key=lambda h: (0, 0) if start <= h[0] < end else (1, h[0]) if h[0] >= end else (2, -h[0]))
    return None


class SpanHead:
    """The encoder with a start/end layer over its tokens, and the tokenizer (cut on the left, so a long
    window keeps the quote sentence)."""

    def __init__(self, encoder: str, max_length: int = 192) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        from claimtag.model.encoders import resolve_encoder

        path = resolve_encoder(encoder)
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.tokenizer.truncation_side = "left"
        self.encoder = AutoModel.from_pretrained(path)
        self.out = torch.nn.Linear(self.encoder.config.hidden_size, 2)
        self.max_length = max_length

    def parameters(self):
        return [*self.encoder.parameters(), *self.out.parameters()]

    def encode(self, ex: SpanExample) -> dict:
        """Token ids, token types (1 in the quote sentence), character offsets and the gold token span
        ((0, 0), [CLS], where the speaker is not in the window)."""
        enc = self.tokenizer(ex.window, truncation=True, max_length=self.max_length, return_offsets_mapping=True)
        offsets = enc["offset_mapping"]
        types = [int(e > s and ex.target[0] <= s < ex.target[1]) for s, e in offsets]
        tokens = [k for k, (s, e) in enumerate(offsets) if ex.span and e > s and s < ex.span[1] and e > ex.span[0]]
        gold = (tokens[0], tokens[-1]) if tokens else (0, 0)
        return {"ids": enc["input_ids"], "types": types, "offsets": offsets, "gold": gold}

    def logits(self, batch: list[dict]):
        """Start and end scores [batch, tokens] (padding at the lowest score)."""
        import torch

        width = max(len(b["ids"]) for b in batch)
        ids, types, mask = (torch.zeros(len(batch), width, dtype=torch.long) for _ in range(3))
        for r, b in enumerate(batch):
            ids[r, : len(b["ids"])] = torch.tensor(b["ids"])
            types[r, : len(b["ids"])] = torch.tensor(b["types"])
            mask[r, : len(b["ids"])] = 1
        hidden = self.encoder(input_ids=ids, token_type_ids=types, attention_mask=mask).last_hidden_state
        scores = self.out(hidden).masked_fill((mask == 0).unsqueeze(-1), torch.finfo(hidden.dtype).min)
        return scores[..., 0], scores[..., 1]


def _batches(items: list[dict], size: int, rng: random.Random | None) -> list[list[int]]:
    order = sorted(range(len(items)), key=lambda k: len(items[k]["ids"]))  # little padding
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(groups)
    return groups


def train_head(
    examples: list[SpanExample], encoder: str, *, epochs: int = 2, lr: float = 5e-5, batch_size: int = 16, seed: int = 0
) -> SpanHead:
    """Fine-tune the encoder and the span layer on the examples (cross-entropy on start and end)."""
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    head = SpanHead(encoder)
    items = [head.encode(ex) for ex in examples]
    steps = max(1, epochs * math.ceil(len(items) / batch_size))
    opt = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
    warm = max(1.0, 0.1 * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, (steps - s) / (steps - warm + 1)))
    loss_of = torch.nn.CrossEntropyLoss()
    rng = random.Random(seed)
    head.encoder.train()
    with tqdm(total=steps, desc="span head", unit="step") as bar:
        for _ in range(epochs):
            for group in _batches(items, batch_size, rng):
                start, end = head.logits([items[k] for k in group])
                gold = torch.tensor([items[k]["gold"] for k in group])
                loss = (loss_of(start, gold[:, 0]) + loss_of(end, gold[:, 1])) / 2
                loss.backward()
                torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
                opt.step()
                sched.step()
                opt.zero_grad()
                bar.update()
                bar.set_postfix(loss=f"{loss.item():.3f}")
    return head


def predict(head: SpanHead, examples: list[SpanExample], longest: int = 12) -> list[tuple[str | None, float]]:
    """For each example the mention the head points at (None where [CLS] scores higher) and its margin
    over [CLS]: the best start + end of at most `longest` tokens, starts among the ten best."""
    import torch

    items = [head.encode(ex) for ex in examples]
    out: list[tuple[str | None, float]] = [(None, 0.0)] * len(items)
    head.encoder.eval()
    with torch.no_grad():
        for group in _batches(items, 32, None):
            starts, ends = head.logits([items[k] for k in group])
            for r, k in enumerate(group):
                n = len(items[k]["ids"])
                s, e = starts[r, :n], ends[r, :n]
                best, span = -math.inf, (0, 0)
                for a in (torch.topk(s[1 : n - 1], min(10, n - 2)).indices + 1).tolist():
                    for b in range(a, min(a + longest, n - 1)):
                        if float(s[a] + e[b]) > best:
                            best, span = float(s[a] + e[b]), (a, b)
                margin = best - float(s[0] + e[0])
                offsets = items[k]["offsets"]
                text = examples[k].window[offsets[span[0]][0] : offsets[span[1]][1]]
                out[k] = (text if margin > 0 else None, margin)
    return out


def compare(
    splits: dict[str, list[GoldArticle]], head: SpanHead, scorer: SpeakerScorer, margins: tuple[float, ...]
) -> dict[str, dict[str, int]]:
    """Quote sentences with the right speaker on each split: the rules, the head alone, and the rules
    with the head's mention instead where the two differ and the head's margin is over each of `margins`."""
    out = {}
    for name, articles in splits.items():
        examples = window_examples(articles)
        predicted = predict(head, examples)
        rules = {a.doc_id: attribute(a.text, a.sentences, a.labels, scorer) for a in articles}
        row = {"quote sentences": len(examples), "rules": 0, "head alone": 0}
        row |= {f"override > {m:g}": 0 for m in margins}
        for ex, (text, margin) in zip(examples, predicted, strict=True):
            ruled = rules[ex.doc_id][ex.index].speaker
            row["rules"] += same_speaker(ruled, ex.gold)
            row["head alone"] += same_speaker(text, ex.gold)
            for m in margins:
                override = text is not None and margin > m and not same_speaker(text, ruled)
                row[f"override > {m:g}"] += same_speaker(text if override else ruled, ex.gold)
        out[name] = row
    return out


def main() -> None:
    from datasets import Dataset

    from claimtag.model.folder import ModelMeta, default_model_path
    from claimtag.training.config import load_config
    from claimtag.training.train import load_training_data

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--config", default="configs/default.yaml")
    p.add_argument("--encoder", default="minilm-l6")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--json", type=Path, help="also write the counts here")
    args = p.parse_args()
    data = load_training_data(load_config(args.config).data, warnings=False)

    def articles(split: str) -> list[GoldArticle]:
        return gold_articles(attributed_rows(Dataset.from_list(data[split].to_list())))

    examples = window_examples(articles("train"))
    located = sum(ex.span is not None for ex in examples)
    print(f"{len(examples)} training quote sentences, the speaker in the window for {located}", flush=True)
    head = train_head(examples, args.encoder, epochs=args.epochs)
    scorer = SpeakerScorer(ModelMeta.read(default_model_path()).speaker_weights())
    dev = {"real-news dev": articles("dev"), "team-written dev": articles("dev_team")}
    counts = compare(dev, head, scorer, (0, 4, 8, 12))
    columns = list(next(iter(counts.values())))
    print(markdown_table(["split", *columns], [[name, *(row[c] for c in columns)] for name, row in counts.items()]))
    if args.json:
        args.json.write_text(json.dumps(counts, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
