"""The `claimtag` command: a thin layer over the Python API.

Each package registers its own subcommands; heavy libraries are imported only by the
command that needs them, so `claimtag --help` stays instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from claimtag.model.errors import ClaimtagError

COMMANDS_GROUP = "claimtag.commands"  # entry points: command name -> function registering it


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: `tag`, plus the plugged-in commands (only `command`'s, when it is one of them).

    Other packages (claimtag.training, or a user's own) add subcommands through the
    `claimtag.commands` entry-point group; loading only the one that runs keeps `claimtag tag`
    free of the training side and its imports.
    """
    from importlib.metadata import entry_points

    parser = argparse.ArgumentParser(
        prog="claimtag",
        description="Label every sentence of a news article as claim, quote, statistic or context.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_tag_command(sub)
    plugins = {ep.name: ep for ep in entry_points(group=COMMANDS_GROUP)}
    # The command that runs, or all of them for --help and for a misspelt command's error.
    wanted = [command] if command in plugins else [] if command == "tag" else sorted(plugins)
    for name in wanted:
        plugins[name].load()(sub)
    return parser


def add_tag_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag tag`."""
    from claimtag.inference.formats import FORMATS

    tag = sub.add_parser("tag", help="label every sentence of articles (.txt, .md, .html, folders, or - for stdin)")
    tag.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or - for stdin")
    tag.add_argument("--model", default="default", help="model folder (default: the model shipped with claimtag)")
    tag.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    tag.add_argument("--output", "-o", help="write here (atomically) instead of stdout")
    tag.add_argument("--batch-size", type=int, help="sentences per model batch (default: 32, or 64 with --no-fast)")
    tag.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="P",
        help="flag sentences whose score is below P as unsure (label kept; default: the model's own threshold, "
        "0.8 for the shipped one, chosen on real-news dev; 0 turns it off)",
    )
    tag.add_argument(
        "--quantities",
        choices=("statistic", "all", "none"),
        default="statistic",
        help="which sentences list their numbers (value, unit, offsets); default: statistic ones",
    )
    tag.add_argument(
        "--fast",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="int8 ONNX Runtime model without torch: about 2.3x the throughput of fp32 and a sub-second start "
        "(default; the shipped model carries its int8 file, others are built once). --no-fast: the fp32 torch model",
    )
    tag.add_argument(
        "--colour",
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="label colours in the table (default: when writing to a terminal)",
    )
    tag.add_argument("--no-progress", action="store_true", help="no progress bar")
    corpus = tag.add_argument_group("a corpus of articles (one .parquet/.jsonl file or a saved datasets folder)")
    corpus.add_argument("--text-column", default="text", help="column holding the article text (default: text)")
    corpus.add_argument("--id-column", help="column naming each article in the output (default: its row number)")
    corpus.add_argument("--workers", type=int, default=1, help="processes tagging in parallel (default 1)")
    tag.set_defaults(run=run_tag)


def run_tag(args: argparse.Namespace) -> int:
    """Tag every input; report unreadable ones and exit 1 after processing the rest."""
    from tqdm import tqdm

    from claimtag.inference.formats import LINE_FORMATS, LineWriter, Result, render
    from claimtag.inference.reading import Problem, expand, read_inputs
    from claimtag.inference.stream import is_table
    from claimtag.inference.tagger import Tagger

    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        raise ClaimtagError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    if len(args.paths) == 1 and is_table(args.paths[0]):
        return run_tag_corpus(args)
    tagger = Tagger.from_pretrained(**_tagger_args(args))
    names = expand(args.paths)
    results, failed = [], 0
    lines = LineWriter(args.format, args.output) if args.format in LINE_FORMATS else None  # streamed
    bar = tqdm(total=len(names), unit="article", file=sys.stderr, disable=args.no_progress or len(names) < 5)
    for item in read_inputs(args.paths):
        bar.update(1)
        if isinstance(item, Problem):
            failed += 1
            print(f"claimtag: error: {item.name}: {item.message}", file=sys.stderr)
            continue
        warnings = list(item.warnings)
        if len(item.text) > tagger.piece_chars:
            warnings.append(
                f"{len(item.text):,} characters: tagged in pieces of about {tagger.piece_chars:,} cut at paragraph "
                "breaks (offsets still index the whole input; a quotation is not followed across pieces)"
            )
        sentences, count, truncated = [], 0, 0
        for part in tagger.tag_pieces(item.text):  # one piece unless the article is huge
            count, truncated = count + len(part), truncated + sum(s.truncated for s in part)
            if lines:
                lines.write(Result(item.name, part))
            else:
                sentences += part
        if not count:
            warnings.append("empty article: no sentences")
        if truncated:
            warnings.append(f"{truncated} sentence(s) longer than the model reads were truncated")
        for w in warnings:
            print(f"claimtag: warning: {item.name}: {w}", file=sys.stderr)
        results.append(Result(item.name, sentences, warnings))
    bar.close()
    if lines:
        lines.close()
        return 1 if failed else 0
    colour = args.colour == "always" or (args.colour == "auto" and not args.output and sys.stdout.isatty())
    text = render(results, args.format, model=tagger.name, colour=colour)
    if args.output:
        from claimtag.model.folder import write_text_atomic

        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 1 if failed else 0


def _tagger_args(args: argparse.Namespace) -> dict:
    return {
        "path_or_name": args.model,
        "batch_size": args.batch_size,
        "fast": args.fast,
        "min_confidence": args.min_confidence,
        "quantities": args.quantities,
    }


def run_tag_corpus(args: argparse.Namespace) -> int:
    """Stream a table of articles through the tagger, writing sentences as they come."""
    import csv

    from tqdm import tqdm

    from claimtag.inference.formats import CSV_HEADER, Result, csv_rows, jsonl_lines
    from claimtag.inference.stream import read_articles, tag_stream

    if args.format not in ("jsonl", "csv"):
        raise ClaimtagError("a corpus is written one sentence per line: use --format jsonl or --format csv")
    if args.workers < 1:
        raise ClaimtagError(f"--workers must be at least 1, got {args.workers}")
    articles, total = read_articles(args.paths[0], args.text_column, args.id_column)
    partial = Path(str(args.output) + ".partial") if args.output else None
    out = partial.open("w", encoding="utf-8", newline="") if partial else sys.stdout
    writer = csv.writer(out)
    if args.format == "csv":
        writer.writerow(CSV_HEADER)
    bar = tqdm(total=total, unit="article", file=sys.stderr, disable=args.no_progress)
    try:
        for name, sentences in tag_stream(articles, _tagger_args(args), workers=args.workers):
            result = Result(name, sentences)
            if args.format == "jsonl":
                out.write(jsonl_lines(result))
            else:
                writer.writerows(csv_rows(result))
            bar.update(1)
    finally:
        bar.close()
        if partial:
            out.close()
    if partial:
        os.replace(partial, args.output)  # complete: a stopped run leaves OUTPUT.partial, never a cut OUTPUT
    return 0


def _quiet_libraries() -> None:
    """Keep library progress bars and deprecation chatter off a command's stderr."""
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # also the "Loading weights" bar
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    warnings.filterwarnings("ignore", category=FutureWarning, module="transformers")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; user errors print one line and exit 2."""
    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(command).parse_args(argv)
    _quiet_libraries()
    try:
        return int(args.run(args) or 0)
    except ClaimtagError as err:
        print(f"claimtag: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claimtag: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
