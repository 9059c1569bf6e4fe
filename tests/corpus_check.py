"""The corpus issue's done-when check, as a script (tests/test_stream.py runs it small and slow).

    python tests/corpus_check.py --articles 3000 --work /tmp/corpus-check

Builds a JSONL corpus of `--articles` articles from an articles file (each text repeated, some
joined two by two, in shuffled order), injects bad rows, then runs `claimtag tag`:
  A. the whole corpus in one go;
  B. the same, stopped by SIGTERM and then by SIGINT part-way, each time continued with --resume;
  C. the corpus in another row order with --workers 2 (other neighbours in every batch;
     --no-reordered skips it: the copies of each text inside A already have other neighbours).
It checks that A and B are byte-identical, that every copy of a text got the same sentences in
A and in C (whatever its neighbours), and that the bad rows are reported and listed. Nothing of
the articles is written outside --work.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).parents[2] / "shared" / "data" / "wikinews" / "articles.jsonl"
BAD = [  # (what, raw line): each is one row of the corpus
    ("lone surrogate", b'{"id": "bad-surrogate", "text": "A \\ud800 in it. Second sentence."}'),
    ("invalid JSON", b'{"id": "bad-json", "text": "missing a brace"'),
    ("cut line", b'{"id": "bad-cut", "text": "The line stops in the mid'),
    ("missing text", b'{"id": "bad-missing"}'),
    ("non-string text", b'{"id": "bad-number", "text": 12}'),
    ("null text", b'{"id": "bad-null", "text": null}'),
    ("empty text", b'{"id": "bad-empty", "text": ""}'),
    ("null id", b'{"id": null, "text": "No id. Named by its row."}'),
    ("latin-1 line", '{"id": "latin", "text": "Caf\u00e9 prices rose 3%. Nobody was surprised."}'.encode("latin-1")),
]


def build(source: Path, n: int, seed: int, out: Path, paragraphs: int = 0) -> dict[str, str]:
    """Write the corpus (a UTF-8 byte-order mark first, bad rows spread through it, one duplicate
    id) and return id -> text of its good rows; `paragraphs` > 0 keeps each source article's first ones."""
    texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if paragraphs:
        texts = ["\n\n".join(t.split("\n\n")[:paragraphs]) for t in texts]
    rng = random.Random(seed)
    good: dict[str, str] = {}
    for i in range(n):
        text = texts[i % len(texts)]
        if i % 10 == 9:  # some articles are two joined: other sentence neighbours again
            text += "\n\n" + texts[(i * 7 + 3) % len(texts)]
        good[f"a{i:05d}"] = text
    lines = [json.dumps({"id": k, "text": t}, ensure_ascii=False).encode("utf-8") for k, t in good.items()]
    rng.shuffle(lines)
    lines.insert(len(lines) // 3, lines[0])  # a duplicate id (same text)
    for k, (_, raw) in enumerate(BAD):
        lines.insert((k + 1) * len(lines) // (len(BAD) + 1), raw)
    out.write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")
    return good


def claimtag(*args: str) -> list[str]:
    exe = Path(sys.executable).parent / "claimtag"
    return [str(exe), "tag", *args, "--text-column", "text", "--id-column", "id", "--format", "jsonl", "--no-progress"]


def run(cmd: list[str], log: Path) -> tuple[int, float]:
    start = time.perf_counter()
    with log.open("a", encoding="utf-8") as err:
        rc = subprocess.run(cmd, stderr=err, check=False).returncode
    return rc, time.perf_counter() - start


def stopped_run(cmd: list[str], partial: Path, stops: list[tuple[int, float]], log: Path) -> tuple[list[int], float]:
    """Run `cmd`, stopping it with each (signal, share of the reference output) in turn and
    resuming; return the exit codes and the total wall time."""
    codes, total = [], 0.0
    for signum, at_bytes in stops:
        start = time.perf_counter()
        with log.open("a", encoding="utf-8") as err:
            # A job started in the background ignores SIGINT, and its children with it: Ctrl-C's default back.
            restore = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
            proc = subprocess.Popen(cmd + (["--resume"] if codes else []), stderr=err, preexec_fn=restore)
            while proc.poll() is None and (not partial.exists() or partial.stat().st_size < at_bytes):
                time.sleep(0.2)
            if proc.poll() is not None:
                raise AssertionError(f"the run ended before it could be stopped ({partial})")
            proc.send_signal(signum)
            codes.append(proc.wait())
        total += time.perf_counter() - start
    rc, seconds = run(cmd + ["--resume"], log)
    return [*codes, rc], total + seconds


def sentences(path: Path) -> dict[tuple[str, int], str]:
    """(article, row) -> its sentences as JSON (without article and row)."""
    out: dict[tuple[str, int], list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        key = (record.pop("article"), record.pop("row"))
        out[key].append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return {k: "\n".join(v) for k, v in out.items()}


def check(
    articles: int,
    work: Path,
    source: Path,
    model: str,
    *,
    paragraphs: int = 0,
    reordered: bool = True,
    keep_a: bool = False,
    seed: int = 0,
) -> dict:
    """Run the three runs and return what was measured (raises AssertionError on a failed check)."""
    work.mkdir(parents=True, exist_ok=True)
    corpus, other = work / "corpus.jsonl", work / "corpus-reordered.jsonl"
    good = build(source, articles, seed, corpus, paragraphs)
    lines = corpus.read_bytes().removeprefix(b"\xef\xbb\xbf").split(b"\n")[:-1]
    other.write_bytes(b"\n".join(reversed(lines)) + b"\n")
    for name in ("b.jsonl", "c.jsonl") if keep_a else ("a.jsonl", "b.jsonl", "c.jsonl"):
        for path in work.glob(f"{name}*"):
            path.unlink()
    log = work / "stderr.log"
    log.write_text("", encoding="utf-8")
    a, b, c = work / "a.jsonl", work / "b.jsonl", work / "c.jsonl"
    if keep_a and a.exists():  # the same corpus (same seed): only B and C run again
        rc_a, seconds_a = 1, 0.0
    else:
        rc_a, seconds_a = run([*claimtag(str(corpus), "--model", model, "-o", str(a))], log)
    size = a.stat().st_size
    stops = [(signal.SIGTERM, 0.3 * size), (signal.SIGINT, 0.6 * size)]
    codes_b, seconds_b = stopped_run(
        [*claimtag(str(corpus), "--model", model, "-o", str(b))], Path(f"{b}.partial"), stops, log
    )
    rc_c, seconds_c = (
        run([*claimtag(str(other), "--model", model, "-o", str(c), "--workers", "2")], log) if reordered else (1, 0.0)
    )

    identical = a.read_bytes() == b.read_bytes()
    sa = sentences(a)
    sc = sentences(c) if reordered else {}
    by_text: dict[str, set[str]] = defaultdict(set)
    for (article, _), value in [*sa.items(), *sc.items()]:
        by_text[good.get(article, article)].add(value)
    copies = Counter(good.values())
    differing = [t[:40] for t, values in by_text.items() if len(values) > 1]
    listed = [json.loads(line) for line in Path(f"{a}.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    summary = [line for line in log.read_text(encoding="utf-8").splitlines() if " rows: " in line]
    result = {
        "rows": len(lines),
        "articles_tagged": len(sa),
        "sentences": sum(v.count("\n") + 1 for v in sa.values()),
        "distinct_texts": len(by_text),
        "texts_with_differing_output": len(differing),
        "a_vs_b_byte_identical": identical,
        "exit_codes": {"a": rc_a, "b": codes_b, "c": rc_c},
        "seconds": {"a": round(seconds_a, 1), "b": round(seconds_b, 1), "c": round(seconds_c, 1)},
        "listed_in_errors_file": [(e["row"], e["id"], e["kind"]) for e in listed],
        "summaries": summary,
        "texts_in_two_or_more_rows": sum(1 for n in copies.values() if n > 1),
    }
    assert rc_a == 1 and codes_b[-1] == 1 and rc_c == 1, result  # complete, with skipped rows
    assert codes_b[:2] == [143, 130], result
    assert identical and not differing, result
    assert len(listed) == 7, result  # 5 skipped (surrogate, JSON, cut, missing, number) + 2 empty (null, "")
    assert len(sa) == articles + 3 and len(sc) in (0, articles + 3), result  # + duplicate, null id, latin-1
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--work", default="/tmp/claimtag-corpus-check", help="folder for the corpus and outputs")
    parser.add_argument("--source", default=str(DEFAULT_SOURCE), help="JSONL articles with a text field")
    parser.add_argument("--model", default="default")
    parser.add_argument("--paragraphs", type=int, default=0, help="keep each source article's first N paragraphs")
    parser.add_argument("--keep-a", action="store_true", help="reuse run A's output from an earlier check")
    parser.add_argument("--no-reordered", action="store_true", help="skip run C (copies within A still compare)")
    args = parser.parse_args()
    reordered = not args.no_reordered
    result = check(
        args.articles,
        Path(args.work),
        Path(args.source),
        args.model,
        paragraphs=args.paragraphs,
        reordered=reordered,
        keep_a=args.keep_a,
    )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
