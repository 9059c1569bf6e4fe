"""Load benchmark of `claimtag serve` on localhost, beside the same articles tagged in one process.

    python -m claimtag.training.bench_serve --articles 48 --json docs/serving.json

Starts the real server (a subprocess on a free localhost port, nothing leaves the machine),
then, in one run: the same 40-sentence articles tagged in this process, one at a time and all
together (sentences batched across articles, as `claimtag tag` tags a folder or a corpus), and
posted to `/v1/tag` by 1, 4 and 16 concurrent clients for a bounded number of requests.
Prints a table (requests/s, sentences/s, p50/p95/p99 latency, share of each in-process
throughput) and writes it as JSON. Every served response is checked against
the in-process labels, and the macro-F1 of the served model on its held-out (real-news)
test split stands beside every speed.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from claimtag.training.bench import corpus_articles, heldout_test
from claimtag.training.markdown import markdown_table


def forty_sentence_articles(texts: list[str], n: int) -> list[str]:
    """`n` articles of 40 sentences each, made of consecutive sentences of `texts` (recycled)."""
    from claimtag.inference.split import split_article

    sents = [s.text for t in texts for s in split_article(t)]
    if not sents:
        raise ValueError("no sentences to build articles from")
    out = []
    for i in range(n):
        lo = (40 * i) % len(sents)
        chunk = (sents[lo:] + sents)[:40]
        out.append(" ".join(chunk[:20]) + "\n\n" + " ".join(chunk[20:]))
    return out


def start_server(model: str, workers: int) -> tuple[subprocess.Popen, str, float]:
    """The server process, its URL and the seconds it took to become ready."""
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "claimtag.inference.cli", "serve", "--model", model, "--port", str(port)]
    cmd += ["--workers", str(workers), "--max-queue", "1024"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                return proc, url, time.perf_counter() - t0
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.perf_counter() - t0 > 120:
            proc.kill()
            raise RuntimeError(f"the server did not start: {proc.stderr.read()}")
        time.sleep(0.02)


def load(url: str, articles: list[str], clients: int, requests: int, expected: list[list[str]]) -> dict:
    """`requests` posts of the articles (round robin) from `clients` threads at once."""
    import httpx

    def one(i: int, client: httpx.Client) -> tuple[float, int, bool]:
        t0 = time.perf_counter()
        r = client.post(f"{url}/v1/tag", json={"text": articles[i % len(articles)]}, timeout=300)
        seconds = time.perf_counter() - t0
        labels = [s["label"] for s in r.json()["sentences"]] if r.status_code == 200 else []
        return seconds, r.status_code, labels == expected[i % len(articles)]

    def worker(ids: range) -> list[tuple[float, int, bool]]:
        with httpx.Client() as client:
            return [one(i, client) for i in ids]

    per = [range(c, requests, clients) for c in range(clients)]
    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        done = [r for part in pool.map(worker, per) for r in part]
    wall = time.perf_counter() - t0
    latency = np.array([d[0] for d in done]) * 1000
    sentences = sum(len(expected[i % len(articles)]) for i in range(requests))
    return {
        "clients": clients,
        "requests": requests,
        "ok": sum(d[1] == 200 for d in done),
        "same_labels": sum(d[2] for d in done),
        "requests_per_s": requests / wall,
        "sentences_per_s": sentences / wall,
        "p50_ms": float(np.percentile(latency, 50)),
        "p95_ms": float(np.percentile(latency, 95)),
        "p99_ms": float(np.percentile(latency, 99)),
    }


def run(model: str, corpus: str, n_articles: int, requests: int, workers: int) -> dict:
    """The whole benchmark: in-process baseline, start time, then each concurrency level."""
    from claimtag.inference.tagger import Tagger
    from claimtag.training.metrics import evaluate_probs

    articles = forty_sentence_articles(corpus_articles(corpus, max(n_articles, 20)), n_articles)
    tagger = Tagger.from_pretrained(model)
    tagger.tag(articles[0])  # warm-up, as the server's first request is not timed either
    # the corpus reader's objects (the datasets library) stay for the run: frozen, the garbage collector's
    # full passes skip them, as in the server and `claimtag tag`, which never load them (`bench._measure`)
    gc.freeze()
    t0 = time.perf_counter()
    expected = [[s.label for s in tagger.tag(a)] for a in articles]  # one article at a time
    one_at_a_time = sum(map(len, expected)) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    together = [[s.label for s in sentences] for sentences in tagger.tag_many(articles)]  # as `claimtag tag` a folder
    in_process = sum(map(len, together)) / (time.perf_counter() - t0)
    if together != expected:
        raise RuntimeError("labels differ between articles tagged alone and together")
    test = heldout_test(model)
    f1 = float("nan")
    if test["records"]:
        f1 = evaluate_probs(tagger.model.predict_proba(test["records"]), test["gold"], bootstrap=0).macro_f1
    del tagger  # the server gets the cores

    proc, url, start_s = start_server(model, workers)
    try:
        load(url, articles, 1, min(4, requests), expected)  # warm-up
        rows = [load(url, articles, c, requests, expected) for c in (1, 4, 16)]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    for row in rows:
        row["vs_in_process"] = row["sentences_per_s"] / in_process
        row["vs_one_at_a_time"] = row["sentences_per_s"] / one_at_a_time
        row["macro_f1"] = f1
    return {
        "model": model,
        "workers": workers,
        "articles": n_articles,
        "sentences_per_article": 40,
        "start_s": start_s,
        "in_process_sentences_per_s": in_process,
        "one_at_a_time_sentences_per_s": one_at_a_time,
        "macro_f1": f1,
        "eval_sentences": len(test["gold"]),
        "rows": rows,
    }


def table(result: dict) -> str:
    """Markdown table of a run."""
    head = ["clients", "requests", "answered", "req/s", "sent/s", "vs claimtag tag", "vs one at a time"]
    head += ["p50 ms", "p95 ms", "p99 ms"]
    cells = [
        [r["clients"], r["requests"], f"{r['ok']}/{r['requests']}", f"{r['requests_per_s']:.1f}"]
        + [f"{r['sentences_per_s']:.0f}", f"{r['vs_in_process']:.0%}", f"{r['vs_one_at_a_time']:.0%}"]
        + [f"{r['p50_ms']:.0f}", f"{r['p95_ms']:.0f}", f"{r['p99_ms']:.0f}"]
        for r in result["rows"]
    ]
    same = sum(r["same_labels"] for r in result["rows"])
    total = sum(r["requests"] for r in result["rows"])
    return (
        markdown_table([*head, "macro-F1"], [c + [f"{result['macro_f1']:.4f}"] for c in cells])
        + f"\n\nIn process: {result['in_process_sentences_per_s']:.0f} sent/s with sentences batched across the "
        f"articles (`claimtag tag` on a folder), {result['one_at_a_time_sentences_per_s']:.0f} sent/s one article "
        "at a time. "
        f"Server ready {result['start_s']:.2f} s after launch ({result['workers']} worker). "
        f"Served labels identical to in-process on {same}/{total} requests. "
        f"macro-F1 of the served (int8) model on {result['eval_sentences']} held-out real-news sentences.\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    import os

    from claimtag.model.folder import write_text_atomic

    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")

    p = argparse.ArgumentParser(prog="python -m claimtag.training.bench_serve", description=__doc__.split("\n")[0])
    p.add_argument("--model", default="default", help="model folder (default: the shipped model)")
    p.add_argument("--corpus", default="training/corpus/news", help="labeled corpus whose sentences make the articles")
    p.add_argument("--articles", type=int, default=48, help="distinct 40-sentence articles (default 48)")
    p.add_argument("--requests", type=int, default=96, help="requests per concurrency level (default 96)")
    p.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    p.add_argument("--json", help="also write the result as JSON here")
    args = p.parse_args(argv)
    result = run(args.model, args.corpus, args.articles, args.requests, args.workers)
    print(table(result))
    if args.json:
        write_text_atomic(Path(args.json), json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
