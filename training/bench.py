"""`claimtag bench`: speed, memory and accuracy of every inference mode, measured side by side.

    claimtag bench --model model/default --articles 200 --rounds 3 --json docs/bench.json

Each mode runs in a fresh subprocess (so peak memory is its own) over the same articles:
batch throughput end to end (split + tokenize + encode + JSONL output), the latency of
one 40-sentence article (warm), cold start (process start to first result of
`claimtag tag`), peak RSS, and macro-F1 on the model's held-out test split; then each mode's
throughput run split into stages (split, network, quantities, speakers, output). `--rounds N`
repeats the throughput runs, the modes taking turns, and reports each mode's median round.
`claimtag bench --scaling 1 2 4 8` measures huge inputs instead (training/scaling.py).

Modes:
    naive-single  the same model, one sentence per forward pass (what a text-classification
                  pipeline does)
    naive-padded  batches of 64 padded to the model's max length
    fp32          `--no-fast`: length-sorted batches, dynamic padding, inference_mode
    int8-torch    fp32 with torch's dynamically quantized linear layers (measured, not shipped)
    int8-onnx     the model as int8 ONNX (signed per-channel weights) in ONNX Runtime, without
                  torch (claimtag's default)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from claimtag.model.errors import ClaimtagError
from claimtag.training.markdown import markdown_table

MODES = ("naive-single", "naive-padded", "fp32", "int8-torch", "int8-onnx")
SHIPPED = {"fp32": ["--no-fast"], "int8-onnx": ["--fast"]}  # modes `claimtag tag` offers, with their flags


def corpus_articles(path: str | Path, n: int) -> list[str]:
    """Up to `n` article texts rebuilt from a labeled corpus (paragraphs kept)."""
    from claimtag.training.corpus import load_corpus
    from claimtag.training.text import article_texts

    corpus = load_corpus(path)
    rows = [r for split in corpus.values() for r in split.to_list()]
    return list(article_texts(rows).values())[:n]


class _Naive:
    """The same network run the naive ways, for the baseline rows of the table."""

    def __init__(self, tagger, padded: bool) -> None:
        self.tagger, self.padded = tagger, padded

    def predict_proba(self, records: list[dict], batch_size: int = 64) -> np.ndarray:
        import torch

        t = self.tagger
        if not records:
            return np.zeros((0, 4), dtype=np.float32)
        enc = t.encode(records)
        rows = [{k: enc[k][i] for k in enc} for i in range(len(records))]
        size = 64 if self.padded else 1
        out = []
        with torch.inference_mode():
            for lo in range(0, len(rows), size):
                chunk = rows[lo : lo + size]
                batch = t.collate(chunk)
                if self.padded:
                    keys = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in chunk[0]]
                    padded = t.tokenizer.pad(
                        [{k: r[k] for k in keys} for r in chunk],
                        padding="max_length",
                        max_length=t.max_length,
                        return_tensors="pt",
                    )
                    batch.update(padded)
                out.append(torch.softmax(t.network(**batch)["logits"], -1).numpy())
        return np.concatenate(out) if out else np.zeros((0, 4), dtype=np.float32)

    def truncated(self, records: list[dict]) -> list[bool]:
        return self.tagger.truncated(records)


def _tagger(model: str, mode: str):
    from claimtag.inference.tagger import Tagger

    tagger = Tagger.from_pretrained(model, fast=mode == "int8-onnx")
    if mode.startswith("naive"):
        tagger.model = _Naive(tagger.model, padded=mode == "naive-padded")
    if mode == "int8-torch":
        tagger.model = tagger.model.quantized()
    return tagger


def measure_mode(model: str, mode: str, articles: list[str], *, latency_runs: int = 20, full: bool = True) -> dict:
    """Throughput, warm latency and held-out macro-F1 of one mode (run in its own process);
    throughput alone when not `full` (the later rounds of `run_bench`)."""
    from claimtag.inference.formats import Result, render
    from claimtag.inference.tagger import keep_loaded

    tagger = _tagger(model, mode)
    keep_loaded()  # as `claimtag tag` does once its model is loaded
    if (os.cpu_count() or 1) > 1:
        tagger.share_speakers(wait=True)  # as a long `claimtag tag` run has it (`stream.SHARE_AFTER`)
    tagger.tag(articles[0])  # warm-up
    tagger.seconds.clear()
    start = time.perf_counter()
    tagged = tagger.tag_many(articles)
    rendered = time.perf_counter()
    render([Result(str(i), s) for i, s in enumerate(tagged)], "jsonl", model=model)
    elapsed = time.perf_counter() - start
    stages = {**tagger.seconds, "output": elapsed - (rendered - start)}
    n_sent = sum(len(t) for t in tagged)
    # stages: seconds per stage of the throughput run (STAGES, then the JSONL output)
    throughput = {"sentences": n_sent, "sentences_per_s": n_sent / elapsed, "seconds": elapsed, "stages": stages}
    tagger.close()  # what follows tags one article at a time
    if not full:
        return throughput
    one = _forty_sentences(articles)
    times = []
    for _ in range(latency_runs):
        t0 = time.perf_counter()
        tagger.tag(one)
        times.append(time.perf_counter() - t0)
    from claimtag.training.metrics import evaluate_probs  # after the timed runs: see `_measure`

    test = heldout_test(model)
    f1 = float("nan")
    if test["records"]:
        f1 = evaluate_probs(tagger.model.predict_proba(test["records"]), test["gold"], bootstrap=0).macro_f1
    return {
        "mode": mode,
        "articles": len(articles),
        **throughput,
        "articles_per_s": len(articles) / elapsed,
        "latency_p50_ms": 1000 * float(np.percentile(times, 50)),
        "latency_p95_ms": 1000 * float(np.percentile(times, 95)),
        "macro_f1": f1,
        "eval_sentences": len(test["gold"]),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "threads": _threads(tagger.model),
    }


def _threads(model) -> int:
    """Threads the mode computes with (torch's setting, or the ONNX runs at once times each run's threads)."""
    session = getattr(model, "session", None)
    if session is not None:
        return int(getattr(model, "runs", 1)) * int(session.get_session_options().intra_op_num_threads)
    import torch

    return torch.get_num_threads()


def _forty_sentences(articles: list[str]) -> str:
    """An article of exactly 40 sentences built from whole paragraphs of the inputs."""
    from claimtag.inference.split import split_article

    sents = [s.text for a in articles for s in split_article(a)][:40]
    return " ".join(sents)


def heldout_test(model: str) -> dict:
    """Records and gold labels of the test split the model was trained with (empty if unknown)."""
    from claimtag.model.folder import resolve_model_path
    from claimtag.training.config import load_config
    from claimtag.training.train import load_training_data

    path = resolve_model_path(model)
    try:
        data = load_training_data(load_config(path / "config.yaml").data)["test"]
    except Exception as err:  # the training data may not be on this machine
        print(f"claimtag bench: no held-out data for F1 ({err})", file=sys.stderr)
        return {"records": [], "gold": np.zeros(0, dtype=int)}
    return {"records": data.to_list(), "gold": np.asarray(data["label"])}


def cold_start(model: str, mode: str, article: str) -> dict:
    """Seconds from process start to the first result of `claimtag tag`, and that process's peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(article, encoding="utf-8")
        cmd = [sys.executable, "-m", "claimtag.inference.cli", "tag", str(path), "--model", model, "--format", "jsonl"]
        cmd += SHIPPED.get(mode, [])
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        seconds = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"cold_start_s": seconds, "cold_start_rss_mb": max(rss, before) / 1024}


def _measure(folder: str, articles: Path, mode: str, full: bool) -> dict:
    """`measure_mode` in a fresh subprocess, so that each mode's peak memory is its own. The articles come
    as a JSON file and the F1's modules load after the timed runs, so that the measured process holds what
    a `claimtag tag` process holds: reading the corpus there (the datasets library) and the metrics' modules
    had it track 160,000 objects rather than 30,000, and the garbage collector's full passes over them
    cost the default's throughput run 70 ms (4%)."""
    cmd = [sys.executable, "-m", "claimtag.training.bench", folder, str(articles), mode]
    cmd += [] if full else ["throughput"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env={**os.environ, "TQDM_DISABLE": "1"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_bench(
    model: str, corpus: str, n_articles: int, modes: list[str], students: list[str] = (), rounds: int = 1
) -> list[dict]:
    """Every mode in its own subprocess, then each student model on the int8 path (row mode
    `int8-onnx <folder>`), with a cold start of each shipped mode.

    With `rounds` > 1 the throughput run is repeated, the modes taking turns round after round,
    and each row reports the median round (its speed and stages; `rounds_sentences_per_s` lists
    every round): on a shared machine a single run of each mode moves the ratios by a third,
    and load that comes and goes then falls on every mode alike.
    """
    if rounds < 1:
        raise ClaimtagError(f"--rounds must be at least 1, not {rounds}")
    runs = [(model, mode) for mode in modes] + [(student, "int8-onnx") for student in students]
    rows, timed = [], [[] for _ in runs]
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.json"
        articles.write_text(json.dumps(corpus_articles(corpus, n_articles)), encoding="utf-8")
        for round_ in range(rounds):
            for i, (folder, mode) in enumerate(runs):
                print(f"claimtag bench: round {round_ + 1}/{rounds}, {mode} {folder}", file=sys.stderr, flush=True)
                result = _measure(folder, articles, mode, full=round_ == 0)
                timed[i].append(result)
                if round_ > 0:
                    continue
                if mode in SHIPPED:
                    result.update(cold_start(folder, mode, _forty_sentences(corpus_articles(corpus, 5))))
                if folder != model:
                    result.update(mode=f"{mode} {folder}", model=folder)
                rows.append(result)
    for row, results in zip(rows, timed, strict=True):
        speeds = [r["sentences_per_s"] for r in results]
        median = results[int(np.argsort(speeds)[(len(speeds) - 1) // 2])]
        row.update({k: median[k] for k in ("sentences_per_s", "seconds", "stages")})
        row["articles_per_s"] = row["articles"] / median["seconds"]
        row["rounds_sentences_per_s"] = speeds
    return rows


def stage_table(rows: list[dict]) -> str:
    """Markdown table: each mode's throughput run split into its stages, as shares of the total."""
    from claimtag.inference.tagger import STAGES

    names = [*STAGES, "output"]
    cells = [
        [r["mode"], f"{r['seconds']:.2f}"] + [f"{100 * r['stages'].get(k, 0.0) / r['seconds']:.1f}%" for k in names]
        for r in rows
        if "stages" in r
    ]
    return markdown_table(["mode", "total s", *names], cells)


def table(rows: list[dict]) -> str:
    """Markdown table of the benchmark."""
    base = next((r["sentences_per_s"] for r in rows if r["mode"] == "naive-single"), None)
    rounds = max((len(r.get("rounds_sentences_per_s", [])) for r in rows), default=1)
    speed = "sent/s" if rounds < 2 else f"sent/s, median of {rounds} (range)"
    head = ["mode", speed, "vs naive", "articles/s", "p50 ms (40 sent.)", "p95 ms", "cold start s"]
    cells = []
    for r in rows:
        ratio = f"{r['sentences_per_s'] / base:.1f}x" if base else "—"
        cold = f"{r['cold_start_s']:.2f}" if "cold_start_s" in r else "—"
        sent = f"{r['sentences_per_s']:.0f}"
        if rounds > 1:
            sent += f" ({min(r['rounds_sentences_per_s']):.0f}-{max(r['rounds_sentences_per_s']):.0f})"
        cells.append(
            [r["mode"], sent, ratio, f"{r['articles_per_s']:.1f}"]
            + [f"{r['latency_p50_ms']:.0f}", f"{r['latency_p95_ms']:.0f}", cold, f"{r['peak_rss_mb']:.0f}"]
            + [f"{r['macro_f1']:.4f}"]
        )
    lines = [markdown_table([*head, "peak RSS MB", "macro-F1"], cells)]
    first = rows[0] if rows else {}
    lines.append(
        f"\n{first.get('articles')} articles, {first.get('sentences')} sentences; "
        f"torch threads: {first.get('threads')}; F1 on {first.get('eval_sentences')} held-out sentences."
    )
    return "\n".join(lines)


if __name__ == "__main__":  # one mode, in a subprocess of run_bench
    model_arg, articles_arg, mode_arg = sys.argv[1:4]
    full_arg = sys.argv[4:] != ["throughput"]
    texts = json.loads(Path(articles_arg).read_text(encoding="utf-8"))
    print(json.dumps(measure_mode(model_arg, mode_arg, texts, full=full_arg)))
