"""A smaller network cut from a trained one, as the starting point of a student.

    python -m claimtag.training.shrink default runs/init-l3-f512 --layers 0 1 2 --ffn 512 \
        --data eval/split-train.jsonl
    claimtag train --config configs/default.yaml training.init=runs/init-l3-f512 training.teacher=default \
        training.learning_rate=2e-4 training.distill_alpha=0.9 training.replay=0 --output runs/s-l3-f512

Keeps some of the model's transformer layers (its adapter merged in, so every weight is plain
and trainable) and its head, and may cut each layer's feed-forward block to the `ffn` neurons that
carry the most: mean |activation| over the sentences of `data` times the norm of the neuron's
output weights. The cut folder is a fully fine-tuned model whose encoder config records the new
sizes, so `claimtag train` (with `training.init`), the int8 export and loading need nothing else.
docs/performance.md ("Smaller networks") measures what such students keep.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import torch

from claimtag.model.errors import ClaimtagError
from claimtag.model.transformer import TransformerModel


def shrink(
    tagger: TransformerModel, layers: list[int], ffn: int | None = None, records: list[dict] | None = None
) -> TransformerModel:
    """`tagger` (changed in place) cut to its transformer `layers`, in that order, each with its
    feed-forward block cut to the `ffn` neurons most used on `records` (None keeps them all)."""
    encoder = tagger.network.encoder
    if hasattr(encoder, "merge_and_unload"):
        encoder = tagger.network.encoder = encoder.merge_and_unload()
    stack = encoder.encoder.layer
    if not layers or any(not 0 <= i < len(stack) for i in layers):
        raise ClaimtagError(f"--layers must be indices 0..{len(stack) - 1}, got {layers}")
    encoder.encoder.layer = torch.nn.ModuleList([stack[i] for i in layers])
    encoder.config.num_hidden_layers = len(layers)
    if ffn is not None:
        if not 0 < ffn <= encoder.config.intermediate_size:
            raise ClaimtagError(f"--ffn must be 1..{encoder.config.intermediate_size}, got {ffn}")
        if not records:
            raise ClaimtagError("--ffn needs sentences (--data) to measure which neurons carry the most")
        for layer, used in zip(encoder.encoder.layer, neuron_use(tagger, records), strict=True):
            keep = (used * layer.output.dense.weight.detach().norm(dim=0)).argsort(descending=True)[:ffn].sort().values
            layer.intermediate.dense = _rows(layer.intermediate.dense, keep)
            layer.output.dense = _columns(layer.output.dense, keep)
        encoder.config.intermediate_size = ffn
    tagger.adapt = dataclasses.replace(tagger.adapt, finetune="full", num_layers=len(layers))
    tagger.doc_context = None  # fitted on the full network's sentence vectors
    return tagger


@torch.no_grad()  # the counts feed the cut, which is no inference tensor
def neuron_use(tagger: TransformerModel, records: list[dict], batch_size: int = 64) -> list[torch.Tensor]:
    """Each layer's mean |activation| per feed-forward neuron over the tokens of `records`."""
    encoder = tagger.network.encoder.eval()
    total = [torch.zeros(layer.intermediate.dense.out_features) for layer in encoder.encoder.layer]
    mask: list[torch.Tensor] = []

    def hook(k: int):
        def add(_module, _inputs, out):
            total[k].add_((out.abs() * mask[0].unsqueeze(-1)).sum((0, 1)))

        return add

    handles = [layer.intermediate.register_forward_hook(hook(k)) for k, layer in enumerate(encoder.encoder.layer)]
    try:
        enc = tagger.encode(records)
        rows = [{k: v[i] for k, v in enc.items()} for i in range(len(records))]
        tokens = 0
        for start in range(0, len(rows), batch_size):
            batch = tagger.collate(rows[start : start + batch_size])
            mask[:] = [batch["attention_mask"].float()]
            tokens += int(mask[0].sum())
            encoder(**{k: v for k, v in batch.items() if k in ("input_ids", "attention_mask", "token_type_ids")})
    finally:
        for h in handles:
            h.remove()
    return [t / max(tokens, 1) for t in total]


def _rows(linear: torch.nn.Linear, keep: torch.Tensor) -> torch.nn.Linear:
    out = torch.nn.Linear(linear.in_features, len(keep))
    out.weight.data, out.bias.data = linear.weight.data[keep].clone(), linear.bias.data[keep].clone()
    return out


def _columns(linear: torch.nn.Linear, keep: torch.Tensor) -> torch.nn.Linear:
    out = torch.nn.Linear(len(keep), linear.out_features)
    out.weight.data, out.bias.data = linear.weight.data[:, keep].clone(), linear.bias.data.clone()
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line: cut a model folder and write the result as a new one."""
    from claimtag.model.folder import check_writable, load_model, resolve_model_path, save_model
    from claimtag.training.corpus import load_corpus

    parser = argparse.ArgumentParser(prog="python -m claimtag.training.shrink", description=__doc__.split("\n")[0])
    parser.add_argument("model", help="a transformer model folder, or `default`")
    parser.add_argument("output", help="the new folder")
    parser.add_argument("--layers", type=int, nargs="+", required=True, help="which layers to keep, e.g. 0 1 2")
    parser.add_argument("--ffn", type=int, help="feed-forward neurons to keep per layer (default: all)")
    parser.add_argument("--data", help="a corpus whose sentences measure the neurons (needed with --ffn)")
    parser.add_argument("--sentences", type=int, default=3000, help="at most this many of them, spread evenly")
    parser.add_argument(
        "--overwrite", action="store_true", help="write into a folder that is not empty (its model files are replaced)"
    )
    args = parser.parse_args(argv)
    out = Path(args.output)
    try:
        check_writable(out, folder=True)  # before the cut, which reads the corpus for a minute
        if out.is_dir() and any(out.iterdir()) and not args.overwrite:
            raise ClaimtagError(f"{out} is not empty: pass --overwrite to replace what is there")
        source = resolve_model_path(args.model)
        if out.exists() and out.resolve() == source.resolve():
            raise ClaimtagError(f"{out}: is the model being cut; write the cut model to a new folder")
        tagger = load_model(source)
        if not isinstance(tagger, TransformerModel):
            raise ClaimtagError(f"{args.model}: a {tagger.kind} model; only a transformer can be cut")
        records = None
        if args.data:
            rows = [r for split in load_corpus(args.data).values() for r in split]
            records = rows[:: max(1, len(rows) // args.sentences)][: args.sentences]
        shrink(tagger, args.layers, args.ffn, records)
    except ClaimtagError as err:
        sys.exit(f"claimtag: {err}")
    out.mkdir(parents=True, exist_ok=True)
    save_model(tagger, out)
    print(f"{out}: {len(args.layers)} layers, feed-forward {tagger.network.encoder.config.intermediate_size}")


if __name__ == "__main__":
    main()
