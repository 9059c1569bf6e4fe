"""The `claimtag` command: a thin layer over the Python API.

Each package registers its own subcommands; heavy libraries are imported only by the
command that needs them, so `claimtag --help` stays instant.
"""

from __future__ import annotations

import argparse
import os
import sys

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
    add_serve_command(sub)
    plugins = {ep.name: ep for ep in entry_points(group=COMMANDS_GROUP)}
    # The command that runs, or all of them for --help and for a misspelt command's error.
    wanted = [command] if command in plugins else [] if command in ("tag", "serve") else sorted(plugins)
    for name in wanted:
        plugins[name].load()(sub)
    return parser


def add_tag_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag tag`."""
    from claimtag.inference.formats import FORMATS
    from claimtag.inference.markup import INPUT_FORMATS

    tag = sub.add_parser("tag", help="label every sentence of articles (.txt, .md, .html, folders, or - for stdin)")
    tag.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or - for stdin")
    tag.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="how to read the articles (default auto: by file suffix; stdin and other files by their content). "
        "Markdown and HTML become plain text, which the offsets index",
    )
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
        help="int8 ONNX Runtime without torch, a sub-second start (default; the shipped model's int8 file is its "
        "distilled 3-layer student, other folders' are built once). --no-fast: the folder's own network in fp32 torch",
    )
    tag.add_argument(
        "--colour",
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="label colours in the table (default: when writing to a terminal)",
    )
    tag.add_argument("--no-progress", action="store_true", help="no progress bar")
    many = tag.add_argument_group("many articles (a corpus, or folders of files)")
    many.add_argument(
        "--workers",
        type=int,
        help="processes tagging in parallel, each loading the model (default 1; 2 for one file over 1 MB on a "
        "machine with 2 cores or more); they also share the pieces of one article over 200,000 characters",
    )
    many.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run from OUTPUT.partial's last whole article (jsonl/csv with -o)",
    )
    many.add_argument("--overwrite", action="store_true", help="start over, discarding OUTPUT.partial")
    corpus = tag.add_argument_group("a corpus of articles (one .parquet/.jsonl file or a saved datasets folder)")
    corpus.add_argument("--text-column", help="column holding the article text (default: text)")
    corpus.add_argument("--id-column", help="column naming each article in the output (default: its row number)")
    tag.set_defaults(run=run_tag)


def run_tag(args: argparse.Namespace) -> int:
    """Tag every input, streaming JSONL/CSV to OUTPUT.partial as articles are done; report bad
    inputs, skip them, and exit 1 after tagging the rest."""
    from claimtag.inference.formats import provenance, render
    from claimtag.inference.stream import Collected, Sink, Streamed, is_table, read_articles, read_files, tag_rows
    from claimtag.model.folder import check_writable

    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        raise ClaimtagError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    if args.workers is not None and args.workers < 1:
        raise ClaimtagError(f"--workers must be at least 1, got {args.workers}")
    corpus = len(args.paths) == 1 and is_table(args.paths[0])
    streamed = args.format in ("jsonl", "csv")
    if corpus and not streamed:
        raise ClaimtagError("a corpus is written one sentence per line: use --format jsonl or --format csv")
    if (args.resume or args.overwrite) and not (streamed and args.output):
        raise ClaimtagError("--resume and --overwrite apply to -o OUTPUT with --format jsonl or csv")
    if args.output:
        check_writable(args.output)  # before any work: a bad -o must not cost a whole run
    info = provenance(args.model, args.fast)  # also checks the model folder before any output is opened
    if corpus:
        rows, total = read_articles(args.paths[0], args.text_column or "text", args.id_column, args.input_format)
        where = _corpus_row_name(args.paths[0], args.id_column)
    else:
        _ignored(args)
        rows, total = read_files(args.paths, args.input_format)
        where = _file_name
    sink: Sink = Collected()
    if streamed:
        sink = Streamed(args.output, args.format, info, resume=args.resume, overwrite=args.overwrite)
    workers = args.workers or _default_workers(args.paths, corpus)
    if workers > 1 and args.workers is None:
        print(
            f"claimtag: {args.paths[0]}: {os.path.getsize(args.paths[0]) / 1e6:.1f} MB: {workers} worker processes tag "
            "its pieces side by side (--workers 1: one process)",
            file=sys.stderr,
        )
    workers = workers if corpus or total > 1 or _may_be_huge(args.paths) else 1
    complete = False
    try:
        tally = tag_rows(
            rows,
            sink,
            _tagger_args(args),
            where=where,
            workers=workers,
            total=total,
            progress=not args.no_progress and (corpus or total >= 5),
            piece_progress=not args.no_progress,  # one huge article alone can take a minute
            start=sink.start,
            expect=sink.expect,
            check_ids=not corpus or bool(args.id_column),
        )
        complete = True
    except KeyboardInterrupt:
        if isinstance(sink, Streamed) and sink.output and sink.written + sink.tally.articles:
            print(f"claimtag: {sink.partial} keeps the articles done; --resume continues", file=sys.stderr)
        raise
    finally:
        if isinstance(sink, Streamed):
            sink.close(complete)
    if corpus or total >= 5 or tally.skipped:
        side = f"; rows not in the output: {sink.errors}" if isinstance(sink, Streamed) and sink.errors.exists() else ""
        print(f"claimtag: {tally.line('rows' if corpus else 'inputs')}{side}", file=sys.stderr)
    if isinstance(sink, Collected):
        colour = args.colour == "always" or (args.colour == "auto" and not args.output and sys.stdout.isatty())
        text = render(sink.results, args.format, model=info, colour=colour)
        if args.output:
            from claimtag.model.folder import write_text_atomic

            write_text_atomic(args.output, text)
        else:
            sys.stdout.write(text)
    return 1 if tally.skipped else 0


def _ignored(args: argparse.Namespace) -> None:
    """Warn about corpus options given for files (they would silently do nothing)."""
    for flag, value in (("--text-column", args.text_column), ("--id-column", args.id_column)):
        if value is not None:
            print(f"claimtag: warning: {flag} applies to a corpus (.parquet, .jsonl); ignored", file=sys.stderr)
    one_file = len(args.paths) == 1 and not os.path.isdir(args.paths[0])
    if (args.workers or 1) > 1 and one_file and not _may_be_huge(args.paths):
        from claimtag.inference.tagger import PIECE_CHARS

        print(
            "claimtag: warning: --workers applies to corpora, folders and articles over "
            f"{PIECE_CHARS:,} characters (tagged a piece per worker); one shorter article: ignored",
            file=sys.stderr,
        )


# One file this large is an article of at least five pieces (a corpus is not one file of text): two single-threaded
# processes tag it 1.35x as fast as one process running the network on both cores, since the splitter and
# who-said-it then run beside the network (a 10 MB article: 51 s against 69 s; docs/performance.md)
HUGE_FILE_BYTES = 1_000_000


def _default_workers(paths: list[str], corpus: bool) -> int:
    """Workers when `--workers` is not given: 2 for one file (not a corpus) over HUGE_FILE_BYTES on a
    machine with 2 cores or more, else 1 (a corpus's rows are tagged by as many as the user asks)."""
    if corpus or len(paths) != 1 or paths[0] == "-" or (os.cpu_count() or 1) < 2:
        return 1
    try:
        return 2 if os.path.isfile(paths[0]) and os.path.getsize(paths[0]) > HUGE_FILE_BYTES else 1
    except OSError:
        return 1  # reading it reports what is wrong


def _may_be_huge(paths: list[str]) -> bool:
    """One input that may hold an article over `PIECE_CHARS` characters, whose pieces the workers tag
    side by side: standard input, or a file of more bytes than that (a character is at least one)."""
    from claimtag.inference.tagger import PIECE_CHARS

    if len(paths) != 1:
        return False
    try:
        return paths[0] == "-" or os.path.getsize(paths[0]) > PIECE_CHARS
    except OSError:
        return False  # reading it reports what is wrong


def _corpus_row_name(path: str, id_column: str | None):
    return lambda row: f"{path}: row {row.row}" + (f" ({id_column} {row.id!r})" if id_column else "")


def _file_name(row) -> str:
    return row.id


def _tagger_args(args: argparse.Namespace) -> dict:
    return {
        "path_or_name": args.model,
        "batch_size": args.batch_size,
        "fast": args.fast,
        "min_confidence": args.min_confidence,
        "quantities": args.quantities,
    }


def add_serve_command(sub: argparse._SubParsersAction) -> None:
    """Register `claimtag serve` (its defaults live in inference.service.ServiceConfig)."""
    serve = sub.add_parser("serve", help="an HTTP service: a JSON API and a page to paste an article into")
    serve.add_argument("--model", help="model folder (default: the model shipped with claimtag)")
    serve.add_argument("--host", help="interface to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, help="port (default 8000; 0 picks a free one)")
    serve.add_argument("--workers", type=int, help="processes, each loading the model once (default 1)")
    serve.add_argument("--max-chars", type=int, help="longest article accepted, in characters (default 200000)")
    serve.add_argument("--max-batch", type=int, help="most articles in one batch request (default 32)")
    serve.add_argument("--max-queue", type=int, help="requests waiting per worker before 503 (default 64)")
    serve.add_argument("--fast", action=argparse.BooleanOptionalAction, help="int8 ONNX (default); --no-fast: fp32")
    serve.add_argument("--root-path", help="the path prefix a reverse proxy serves claimtag under, e.g. /claimtag")
    serve.add_argument("--forwarded-allow-ips", help="proxy addresses whose X-Forwarded-* headers are trusted")
    serve.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    """Start the service; returns when it is stopped (Ctrl-C or SIGTERM)."""
    from dataclasses import fields

    try:
        from claimtag.inference.service import ServiceConfig, serve
    except ModuleNotFoundError as err:
        from claimtag.model.errors import needs_extra

        raise needs_extra(err, "claimtag serve", "serve") from None
    given = {f.name: getattr(args, f.name) for f in fields(ServiceConfig) if getattr(args, f.name) is not None}
    serve(ServiceConfig(**given), forwarded_allow_ips=args.forwarded_allow_ips)
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
    previous = _stop_on_sigterm()
    try:
        return int(args.run(args) or 0)
    except ClaimtagError as err:
        print(f"claimtag: error: {err}", file=sys.stderr)
        return 2
    except Terminated:
        print("claimtag: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("claimtag: interrupted", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that a run closes its files and keeps OUTPUT.partial."""


def _stop_on_sigterm():
    """Turn SIGTERM (a scheduler or `kill` stopping the run) into Terminated; return the old handler."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):
        raise Terminated

    return signal.signal(signal.SIGTERM, stop)


if __name__ == "__main__":
    sys.exit(main())
