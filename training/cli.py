"""Subcommands for corpora (and, later, training and evaluation)."""

from __future__ import annotations

import argparse


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag data ...`."""
    data = sub.add_parser("data", help="inspect labeled corpora")
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    stats = data_sub.add_parser("stats", help="label counts per split, and duplicates across splits")
    stats.add_argument("path", help="corpus file or folder (csv, tsv, jsonl, parquet, txt, datasets folder)")
    stats.add_argument("--source", help="articles file that keyed labels (doc_id, index, sha1) refer to")
    stats.add_argument("--dev-size", type=float, default=0.1, help="share of documents for dev (default 0.1)")
    stats.add_argument("--test-size", type=float, default=0.1, help="share of documents for test (default 0.1)")
    stats.add_argument("--seed", type=int, default=0, help="seed of the document split (default 0)")
    stats.set_defaults(run=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    """Print label counts per split and any sentence found in two splits."""
    from training.corpus import load_corpus
    from training.splits import cross_split_duplicates, ensure_splits, stats_table

    corpus = load_corpus(args.path, source=args.source)
    data = ensure_splits(corpus, dev_size=args.dev_size, test_size=args.test_size, seed=args.seed)
    print(stats_table(data))
    dups = cross_split_duplicates(data)
    print(f"\n{len(dups)} sentence(s) appear in more than one split" + (":" if dups else "."))
    for text, names in dups[:20]:
        print(f"  [{', '.join(names)}] {text[:100]}")
    return 0
