"""`claimtag bench --scaling`: does tagging stay linear as the input grows?

    claimtag bench --scaling 1 2 4 8 --texts ../shared/data/wikinews/articles.jsonl --json docs/scaling.json

Builds inputs of 1, 2, 4 and 8 MB from whole article texts (repeated as needed), once as one
article (texts joined by blank lines, written to a .txt file) and once as that many articles
(a JSONL corpus), and tags each in its own process as `claimtag tag` does: read, split, network,
quantities, who-said-it, JSONL written as it is tagged. Reports seconds, seconds per MB, the
share of each stage and peak RSS; time per MB should stay flat.
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

from claimtag.training.markdown import markdown_table

LAYOUTS = ("one article", "many articles")
MB = 1 << 20


def build_inputs(texts: list[str], megabytes: float, folder: Path) -> dict[str, Path]:
    """The same text of about `megabytes` MB as one .txt article and as a JSONL corpus of articles."""
    chosen, size = [], 0
    while size < megabytes * MB:
        text = texts[len(chosen) % len(texts)]
        chosen.append(text)
        size += len(text.encode("utf-8")) + 2
    one = folder / f"one-{megabytes:g}mb.txt"
    one.write_text("\n\n".join(chosen), encoding="utf-8")
    many = folder / f"many-{megabytes:g}mb.jsonl"
    many.write_text("".join(json.dumps({"text": t}) + "\n" for t in chosen), encoding="utf-8")
    return {"one article": one, "many articles": many}


def measure(model: str, path: Path, layout: str) -> dict:
    """Tag one input as the command line does (in this process) and time each stage."""
    from claimtag.inference.formats import Result, jsonl_lines
    from claimtag.inference.reading import jsonl_rows, read_inputs
    from claimtag.inference.tagger import Tagger, keep_loaded

    tagger = Tagger.from_pretrained(model)
    keep_loaded()
    tagger.tag("A warm-up sentence. Another one.")
    tagger.seconds.clear()
    start, cpu = time.perf_counter(), time.process_time()
    if layout == "one article":
        articles = [next(read_inputs([str(path)])).text]
    else:
        articles = [row["text"] for row in jsonl_rows(path)]
    tagger.seconds["read"] = time.perf_counter() - start
    sentences, writing = 0, 0.0
    with open(os.devnull, "w", encoding="utf-8") as out:
        for lo in range(0, len(articles), 32):  # the corpus reader's chunk
            for n, text in enumerate(articles[lo : lo + 32]):
                for part in tagger.tag_pieces(text):  # one piece unless the article is huge
                    t0 = time.perf_counter()
                    out.write(jsonl_lines(Result(str(lo + n), part)))
                    writing += time.perf_counter() - t0
                    sentences += len(part)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    megabytes = path.stat().st_size / MB
    return {
        "layout": layout,
        "megabytes": megabytes,
        "articles": len(articles),
        "sentences": sentences,
        "seconds": seconds,
        "seconds_per_mb": seconds / megabytes,
        "cpu_seconds_per_mb": cpu / megabytes,  # steadier than wall time on a shared machine
        "sentences_per_s": sentences / seconds,
        "stages": {**tagger.seconds, "output": writing},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_scaling(model: str, texts_path: str, sizes: list[float]) -> list[dict]:
    """Every size and layout, each in its own process (so peak RSS is its own)."""
    from claimtag.inference.reading import jsonl_rows

    texts = [row["text"] for row in jsonl_rows(Path(texts_path)) if row.get("text")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in sizes:
            for layout, path in build_inputs(texts, megabytes, Path(tmp)).items():
                cmd = [sys.executable, "-m", "claimtag.training.scaling", model, str(path), layout]
                env = {**os.environ, "TQDM_DISABLE": "1"}
                out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
                rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(scaling_table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    return rows


def scaling_table(rows: list[dict]) -> str:
    """Markdown table of the scaling runs, with each layout's CPU s/MB relative to its smallest input."""
    stages = ("read", "split", "network", "quantities", "speakers", "output")
    first = {}
    cells = []
    for r in rows:
        base = first.setdefault(r["layout"], r["cpu_seconds_per_mb"])
        shares = [f"{100 * r['stages'].get(k, 0.0) / r['seconds']:.0f}%" for k in stages]
        cells.append(
            [r["layout"], f"{r['megabytes']:.1f}", str(r["sentences"]), f"{r['seconds']:.1f}"]
            + [f"{r['seconds_per_mb']:.1f}", f"{r['cpu_seconds_per_mb']:.1f}", f"{r['cpu_seconds_per_mb'] / base:.2f}"]
            + [f"{r['sentences_per_s']:.0f}"]
            + shares
            + [f"{r['peak_rss_mb']:.0f}"]
        )
    head = ["input", "MB", "sentences", "s", "s/MB", "CPU s/MB", "CPU s/MB vs smallest", "sent/s", *stages]
    head.append("peak RSS MB")
    return markdown_table(head, cells)


if __name__ == "__main__":  # one input, in a subprocess of run_scaling
    model_arg, path_arg, layout_arg = sys.argv[1:4]
    print(json.dumps(measure(model_arg, Path(path_arg), layout_arg)))
