"""ONNX Runtime settings for the int8 model, compared in one run:

    python -m claimtag.training.onnx_settings --model model/default --articles 100 --rounds 3

The network alone (tokenizing, batching, the session, document context) over the sentences of
the bench articles, for runs at once against intra-op threads, each graph optimisation level, parallel
execution with inter-op threads, thread spinning, batch size and where batches are cut; the
settings take turns round after round (so load from elsewhere on a shared machine falls on all
of them), and the table gives each one's median and best sentences/s, and the share of labels
equal to the shipped setting's (int8 activations are scaled per batch, so how the batches are
made moves some scores; macro-F1 on the real-news dev split decides those).
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from claimtag.training.markdown import markdown_table


def variants(cores: int) -> dict[str, tuple[dict, int, int]]:
    """Name -> (session settings, largest batch, run overhead in tokens); the first is what claimtag ships."""
    from claimtag.inference.onnx import RUN_OVERHEAD as R

    shipped = {"level": "ORT_ENABLE_ALL", "intra": 1, "runs": cores, "parallel": False, "spinning": True, "stop": True}
    threaded = {**shipped, "intra": cores, "runs": 1}  # before 2026-12-06 (third session)
    return {
        f"shipped: all optimisations, {cores} runs at once of 1 thread each, batches of up to 32 cut at {R} tokens": (
            shipped,
            32,
            R,
        ),
        f"one run at a time on {cores} intra threads (before 2026-12-06)": (threaded, 32, R),
        "one run at a time on 1 thread": ({**shipped, "runs": 1}, 32, R),
        "graph optimisation basic": ({**shipped, "level": "ORT_ENABLE_BASIC"}, 32, R),
        "graph optimisation extended": ({**shipped, "level": "ORT_ENABLE_EXTENDED"}, 32, R),
        "graph optimisation off": ({**shipped, "level": "ORT_DISABLE_ALL"}, 32, R),
        f"one run at a time, parallel execution, {cores} inter threads": ({**threaded, "parallel": True}, 32, R),
        "one run at a time, no thread spinning": ({**threaded, "spinning": False}, 32, R),
        # the network alone cannot show what stopping buys: the cores it frees for the stages after it
        "one run at a time, threads spin on after each run": ({**threaded, "stop": False}, 32, R),
        "fewest runs: one batch per article of up to 32 sentences (before 2026-12-05)": (shipped, 32, 10**9),
        "cut at 8 tokens a run": (shipped, 32, 8),
        "cut at 64 tokens a run": (shipped, 32, 64),
        "batches of up to 64": (shipped, 64, R),
    }


def session(path: str, level: str, intra: int, parallel: bool, spinning: bool, stop: bool = True):
    """An ONNX Runtime session with the given settings."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = getattr(ort.GraphOptimizationLevel, level)
    options.intra_op_num_threads = intra
    if parallel:
        options.execution_mode = ort.ExecutionMode.ORT_PARALLEL
        options.inter_op_num_threads = intra
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spinning else "0")
    options.add_session_config_entry("session.force_spinning_stop", "1" if stop else "0")
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def compare(model: str, corpus: str, n_articles: int, rounds: int) -> list[dict]:
    """Sentences/s of the int8 network under every variant, the variants interleaved round by round."""
    from claimtag.inference.onnx import ensure_exported
    from claimtag.inference.split import split_article
    from claimtag.inference.tagger import Tagger
    from claimtag.model.folder import resolve_model_path
    from claimtag.training.bench import corpus_articles

    tagger = Tagger.from_pretrained(model, fast=True)
    onnx = tagger.model
    path = str(ensure_exported(resolve_model_path(model)))
    records = [
        s.to_record(str(d)) for d, text in enumerate(corpus_articles(corpus, n_articles)) for s in split_article(text)
    ]
    cores = os.cpu_count() or 1
    sessions = {
        name: (session(path, **{k: v for k, v in opts.items() if k != "runs"}), opts["runs"], *cut)
        for name, (opts, *cut) in variants(cores).items()
    }
    reference = None
    speeds: dict[str, list[float]] = {name: [] for name in sessions}
    same: dict[str, float] = {}
    for _ in range(rounds):
        for name, (sess, runs, batch, overhead) in sessions.items():
            onnx.session, onnx.runs, onnx.run_overhead = sess, runs, overhead
            start = time.perf_counter()
            logits = onnx.logits(records, batch)
            speeds[name].append(len(records) / (time.perf_counter() - start))
            reference = logits if reference is None else reference
            same[name] = float(np.mean(logits.argmax(1) == reference.argmax(1)))
    base = float(np.median(next(iter(speeds.values()))))
    return [
        {
            "setting": name,
            "median": float(np.median(s)),
            "best": max(s),
            "vs_shipped": float(np.median(s)) / base,
            "same_labels": same[name],
        }
        for name, s in speeds.items()
    ]


def main() -> None:
    """Print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="default")
    parser.add_argument("--corpus", default="training/corpus/news")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rows = compare(args.model, args.corpus, args.articles, args.rounds)
    cells = [
        [r["setting"], f"{r['median']:.0f}", f"{r['best']:.0f}", f"{r['vs_shipped']:.2f}", f"{r['same_labels']:.2%}"]
        for r in rows
    ]
    head = ["ONNX Runtime setting", "median sent/s", "best sent/s", "vs shipped", "labels as shipped"]
    print(markdown_table(head, cells))


if __name__ == "__main__":
    main()
