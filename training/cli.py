"""The training side's subcommands: data, train, crossval, evaluate, review, bench.

Each `add_*` function registers one command and is listed under the `claimtag.commands`
entry-point group in pyproject.toml; `claimtag.inference.cli` loads one only when its command
is run (or for --help), so `claimtag tag` never imports this package.
"""

from __future__ import annotations

import argparse
import sys


class _AnyOrder(argparse.ArgumentParser):
    """A subcommand parser whose `section.field=value` overrides may come before, between or
    after its options (argparse alone stops collecting positionals at the first option)."""

    def parse_known_args(self, args=None, namespace=None):
        if getattr(self, "_intermixing", False):
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def add_data_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag data stats|split`."""
    data = sub.add_parser("data", help="inspect labeled corpora")
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    stats = data_sub.add_parser("stats", help="label counts per split, and duplicates across splits")
    stats.add_argument("path", help="corpus file or folder (csv, tsv, jsonl, parquet, txt, datasets folder)")
    stats.add_argument("--source", help="articles file that keyed labels (doc_id, index, sha1) refer to")
    stats.add_argument("--dev-size", type=float, default=0.1, help="share of documents for dev (default 0.1)")
    stats.add_argument("--test-size", type=float, default=0.1, help="share of documents for test (default 0.1)")
    stats.add_argument("--seed", type=int, default=0, help="seed of the document split (default 0)")
    stats.set_defaults(run=run_stats)
    split = data_sub.add_parser("split", help="write one held-out split of a training config to a JSONL file")
    split.add_argument("--config", required=True, help="YAML config whose data.train is split")
    split.add_argument(
        "--split",
        default="test",
        help="which split: train, dev, test (default), or another group's held-out split such as test_team",
    )
    split.add_argument("--out", required=True, help="JSONL file to write (sentence rows, evaluable)")
    split.set_defaults(run=run_split)


def run_stats(args: argparse.Namespace) -> int:
    """Print label counts per split and any sentence found in two splits."""
    from claimtag.training.corpus import load_corpus
    from claimtag.training.splits import cross_split_duplicates, ensure_splits, split_warnings, stats_table

    corpus = load_corpus(args.path, source=args.source)
    data = ensure_splits(corpus, dev_size=args.dev_size, test_size=args.test_size, seed=args.seed)
    print(stats_table(data))
    for warning in split_warnings(data):
        print(f"claimtag: warning: {warning}", file=sys.stderr)
    dups = cross_split_duplicates(data)
    print(f"\n{len(dups)} sentence(s) appear in more than one split" + (":" if dups else "."))
    for text, names in dups[:20]:
        print(f"  [{', '.join(names)}] {text[:100]}")
    return 0


def run_split(args: argparse.Namespace) -> int:
    """Write the rows of one split exactly as training sees it, so `evaluate` can score it."""
    import json
    from pathlib import Path

    from claimtag.model.errors import ClaimtagError
    from claimtag.model.labels import LABELS
    from claimtag.training.config import load_config
    from claimtag.training.train import load_training_data

    data = load_training_data(load_config(args.config).data)
    if args.split not in data:
        raise ClaimtagError(f"{args.config}: no split {args.split!r} (has {', '.join(data)})")
    rows = data[args.split].to_list()
    keep = ("doc_id", "index", "text", "paragraph", "speaker", "quote_id")
    lines = [json.dumps({**{k: r[k] for k in keep}, "label": LABELS[r["label"]]}, ensure_ascii=False) for r in rows]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} sentences of {len({r['doc_id'] for r in rows})} documents written to {args.out}")
    return 0


def add_train_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag train`."""
    train = sub.add_parser(
        "train",
        help="train a model from a YAML config",
        description="Train a model. Any config field can be overridden as section.field=value, "
        "e.g. training.epochs=2 model.context=pair.",
    )
    train.__class__ = _AnyOrder
    train.add_argument("--config", help="YAML config (configs/*.yaml); defaults apply where it is silent")
    train.add_argument("overrides", nargs="*", metavar="section.field=value", help="config overrides")
    train.add_argument("--output", help="shortcut for training.output_dir=...")
    train.add_argument(
        "--from",
        dest="init",
        metavar="MODEL",
        help="adapt a trained model (a folder, or default) instead of starting over: shortcut for training.init=...",
    )
    train.add_argument("--resume", action="store_true", help="continue from the last checkpoint in the output folder")
    train.add_argument("--overwrite", action="store_true", help="replace what a previous run left in the output folder")
    train.add_argument("--no-progress", action="store_true", help="no progress bar")
    train.set_defaults(run=run_train)


def add_crossval_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag crossval`."""
    cv = sub.add_parser("crossval", help="k-fold cross-validation by document over one corpus of a config")
    cv.__class__ = _AnyOrder
    cv.add_argument("--config", help="YAML config")
    cv.add_argument("overrides", nargs="*", metavar="section.field=value", help="config overrides")
    cv.add_argument("--on", required=True, help="the data.train path to cross-validate over")
    cv.add_argument("--folds", type=int, default=4, help="number of folds (default 4)")
    cv.add_argument("--no-progress", action="store_true", help="no progress bar")
    cv.set_defaults(run=run_crossval)


def add_evaluate_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag evaluate`."""
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
    ev.add_argument(
        "--compare",
        nargs="+",
        default=[],
        metavar="MODEL",
        help="other model folders to score on the same sentences (e.g. the model before retraining)",
    )
    ev.add_argument("--no-baselines", action="store_true", help="leave out the baselines stored with the model")
    ev.add_argument(
        "--fast",
        action="store_true",
        help="score the int8 path that `claimtag tag` runs by default (the default model's is its distilled "
        "student) instead of the folder's own network in fp32",
    )
    ev.add_argument(
        "--quantities",
        metavar="TSV",
        help="hand-marked quantities (doc_id, index, text, value, unit) to score the number extractor against",
    )
    ev.set_defaults(run=run_evaluate)


def run_train(args: argparse.Namespace) -> int:
    """Load the config, apply overrides, train, print where the model went and its warnings."""
    import json

    from claimtag.model.errors import ClaimtagError
    from claimtag.training.config import load_config
    from claimtag.training.train import train

    if args.resume and args.overwrite:
        raise ClaimtagError("--resume continues a run and --overwrite replaces it: choose one")
    overrides = list(args.overrides) + ([f"training.output_dir={args.output}"] if args.output else [])
    overrides += [f"training.init={args.init}"] if args.init else []
    config = load_config(args.config, overrides)
    folder = train(config, resume=args.resume, overwrite=args.overwrite, progress=not args.no_progress)
    print(f"model written to {folder}")
    print((folder / "README.md").read_text(encoding="utf-8").split("## Metrics", 1)[1].split("## Limits")[0].strip())
    for warning in json.loads((folder / "metrics.json").read_text(encoding="utf-8")).get("warnings", []):
        print(f"claimtag: warning: {warning}", file=sys.stderr)
    return 0


def run_crossval(args: argparse.Namespace) -> int:
    """Cross-validate and print the pooled report."""
    from claimtag.training.config import load_config
    from claimtag.training.crossval import crossval

    config = load_config(args.config, list(args.overrides))
    print(crossval(config, on=args.on, folds=args.folds, progress=not args.no_progress))
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    """Evaluate a model folder (and its stored baselines) on a labeled corpus."""
    from claimtag.model.folder import check_writable
    from claimtag.training.evaluate import evaluate_checkworthy, evaluate_model

    if args.out_dir:
        check_writable(args.out_dir, folder=True)  # before the model runs, not after
    if args.data_format == "claimbuster":
        print(evaluate_checkworthy(args.model, args.data, baselines=not args.no_baselines, fast=args.fast))
        return 0
    print(
        evaluate_model(
            args.model,
            args.data,
            source=args.source,
            split=args.split,
            compare=args.compare,
            out_dir=args.out_dir,
            baselines=not args.no_baselines,
            quantities=args.quantities,
            fast=args.fast,
        )
    )
    return 0


def add_review_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag review export` and `claimtag review import`."""
    review = sub.add_parser("review", help="export uncertain sentences for correction, import the corrections")
    actions = review.add_subparsers(dest="review_command", required=True, metavar="ACTION")
    exp = actions.add_parser("export", help="tag articles and write the sentences most worth a human look")
    exp.add_argument("paths", nargs="+", metavar="PATH", help="articles: files, folders or - for stdin")
    exp.add_argument("--model", default="default", help="model folder (default: the shipped model)")
    exp.add_argument("--out", required=True, help="folder for the batch files")
    exp.add_argument("--limit", type=int, default=500, help="sentences to export in all (default 500)")
    exp.add_argument("--per-batch", type=int, default=100, help="sentences per batch file (default 100)")
    exp.add_argument("--format", choices=("csv", "jsonl", "labelstudio"), default="csv", help="batch file format")
    exp.add_argument("--corrections", help="corrections corpus (JSONL): leave out the sentences already imported there")
    exp.set_defaults(run=run_review_export)
    imp = actions.add_parser("import", help="validate a reviewed batch and merge it into a corrections corpus")
    imp.add_argument("file", help="corrected batch (.csv, .jsonl, or a Label Studio JSON export)")
    imp.add_argument(
        "--corrections", required=True, help="corrections corpus (JSONL); confirmations go beside it (.confirmed.jsonl)"
    )
    imp.add_argument("--reviewer", required=True, help="who corrected the batch (kept as provenance)")
    imp.set_defaults(run=run_review_import)


def run_review_export(args: argparse.Namespace) -> int:
    """Tag the articles, rank their sentences, write the batches."""
    from pathlib import Path

    from claimtag.inference.reading import Problem, read_inputs
    from claimtag.inference.tagger import Tagger
    from claimtag.model.folder import check_writable
    from claimtag.training.review import candidates, exported_ids, reviewed_ids, write_batches

    check_writable(args.out, folder=True)  # before tagging, not after
    tagger = Tagger.from_pretrained(args.model)
    tagged, failed = {}, 0
    for item in read_inputs(args.paths):
        if isinstance(item, Problem):
            failed += 1
            print(f"claimtag: error: {item.name}: {item.message}", file=sys.stderr)
        else:
            tagged[item.name] = tagger.tag(item.text)
    done = exported_ids(Path(args.out)) | (reviewed_ids(Path(args.corrections)) if args.corrections else set())
    ranked = candidates(tagged, tagger.name)
    rows = [r for r in ranked if r["review_id"] not in done][: args.limit]
    files = write_batches(rows, Path(args.out), args.per_batch, args.format)
    skipped = f" ({len(ranked) - len(rows)} left out: already reviewed or exported, or over --limit)" if done else ""
    names = " .. ".join(dict.fromkeys([files[0].name, files[-1].name])) if files else "no new batch"
    print(
        f"{len(rows)} sentences from {len(tagged)} articles in {len(files)} file(s) under {args.out} ({names}){skipped}"
    )
    return 1 if failed else 0


def run_review_import(args: argparse.Namespace) -> int:
    """Validate the reviewed batch, then merge it into the corrections (and confirmations) file."""
    from pathlib import Path

    from claimtag.training.review import confirmed_path, import_corrections

    summary = import_corrections(Path(args.file), Path(args.corrections), args.reviewer)
    print(f"{summary} -> {args.corrections} (confirmations: {confirmed_path(Path(args.corrections))})")
    return 0


def add_bench_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag bench`."""
    from claimtag.training.bench import MODES

    bench = sub.add_parser("bench", help="speed, memory and F1 of every inference mode, side by side")
    bench.add_argument("--model", default="default", help="model folder (default: the shipped model)")
    bench.add_argument("--corpus", default="training/corpus/news", help="labeled corpus whose articles are tagged")
    bench.add_argument("--articles", type=int, default=200, help="number of articles (default 200)")
    bench.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="modes to measure")
    bench.add_argument("--json", help="also write the rows as JSON here")
    bench.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat the throughput runs, the modes taking turns, and report each mode's median (default 1; "
        "3 or more on a shared machine, where one run of a mode can move by a third)",
    )
    bench.add_argument(
        "--also",
        "--student",
        nargs="+",
        default=[],
        metavar="MODEL",
        help="also measure these model folders on the int8 path in the same run (e.g. a teacher's own int8 file "
        "beside the default's distilled student)",
    )
    bench.add_argument(
        "--scaling",
        nargs="+",
        type=float,
        metavar="MB",
        help="instead: time and memory of tagging inputs of these sizes, as one article and as many",
    )
    bench.add_argument(
        "--texts",
        default="../shared/data/wikinews/articles.jsonl",
        help="JSONL articles (a `text` field) that --scaling inputs are built from",
    )
    bench.set_defaults(run=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    """Run the benchmark and print its table."""
    import json

    from claimtag.model.errors import ClaimtagError
    from claimtag.model.folder import write_text_atomic
    from claimtag.training.bench import run_bench as bench
    from claimtag.training.bench import stage_table, table

    if args.scaling:
        if args.rounds != 1:
            raise ClaimtagError("--rounds repeats the modes' throughput runs; --scaling times each input once")
        from claimtag.training.scaling import run_scaling, scaling_table

        rows = run_scaling(args.model, args.texts, args.scaling)
        print(scaling_table(rows))
    else:
        rows = bench(args.model, args.corpus, args.articles, args.modes, students=args.also, rounds=args.rounds)
        print(table(rows))
        print("\nWhere the time goes (the throughput run, per stage):\n")
        print(stage_table(rows))
    if args.json:
        write_text_atomic(args.json, json.dumps(rows, indent=2) + "\n")
    return 0
