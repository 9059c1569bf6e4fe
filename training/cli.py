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


def add_train_commands(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag train` and `claimtag evaluate`."""
    train = sub.add_parser(
        "train",
        help="train a model from a YAML config",
        description="Train a model. Any config field can be overridden as section.field=value, "
        "e.g. training.epochs=2 model.context=pair.",
    )
    train.add_argument("--config", help="YAML config (configs/*.yaml); defaults apply where it is silent")
    train.add_argument("overrides", nargs="*", metavar="section.field=value", help="config overrides")
    train.add_argument("--output", help="shortcut for training.output_dir=...")
    train.add_argument("--resume", action="store_true", help="continue from the last checkpoint in the output folder")
    train.add_argument("--no-progress", action="store_true", help="no progress bar")
    train.set_defaults(run=run_train)

    cv = sub.add_parser("crossval", help="k-fold cross-validation by document over one corpus of a config")
    cv.add_argument("--config", help="YAML config")
    cv.add_argument("overrides", nargs="*", metavar="section.field=value", help="config overrides")
    cv.add_argument("--on", required=True, help="the data.train path to cross-validate over")
    cv.add_argument("--folds", type=int, default=4, help="number of folds (default 4)")
    cv.add_argument("--no-progress", action="store_true", help="no progress bar")
    cv.set_defaults(run=run_crossval)

    ev = sub.add_parser("evaluate", help="held-out metrics of a model (and its baselines) on a labeled file")
    ev.add_argument("--model", default="default", help="model folder written by claimtag train (default: shipped)")
    ev.add_argument("--data", required=True, help="labeled corpus file or folder")
    ev.add_argument("--source", help="articles file that keyed labels refer to")
    ev.add_argument("--split", help="evaluate only this named split of the data (default: all rows)")
    ev.add_argument("--out-dir", help="where report.json, confusion PNGs and errors.jsonl go (default eval/...)")
    ev.add_argument(
        "--data-format",
        choices=("auto", "claimbuster"),
        default="auto",
        help="claimbuster: score check-worthiness (F1 of claim/statistic/quote vs context) on a ClaimBuster file",
    )
    ev.add_argument("--no-baselines", action="store_true", help="leave out the baselines stored with the model")
    ev.set_defaults(run=run_evaluate)


def run_train(args: argparse.Namespace) -> int:
    """Load the config, apply overrides, train, print where the model went."""
    from training.config import load_config
    from training.train import train

    overrides = list(args.overrides) + ([f"training.output_dir={args.output}"] if args.output else [])
    config = load_config(args.config, overrides)
    folder = train(config, resume=args.resume, progress=not args.no_progress)
    print(f"model written to {folder}")
    print((folder / "README.md").read_text(encoding="utf-8").split("## Metrics", 1)[1].split("## Limits")[0].strip())
    return 0


def run_crossval(args: argparse.Namespace) -> int:
    """Cross-validate and print the pooled report."""
    from training.config import load_config
    from training.crossval import crossval

    config = load_config(args.config, list(args.overrides))
    print(crossval(config, on=args.on, folds=args.folds, progress=not args.no_progress))
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    """Evaluate a model folder (and its stored baselines) on a labeled corpus."""
    from training.report import evaluate_checkworthy, evaluate_model

    if args.data_format == "claimbuster":
        print(evaluate_checkworthy(args.model, args.data, baselines=not args.no_baselines))
        return 0
    print(
        evaluate_model(
            args.model,
            args.data,
            source=args.source,
            split=args.split,
            out_dir=args.out_dir,
            baselines=not args.no_baselines,
        )
    )
    return 0
