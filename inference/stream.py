"""Tag many articles in bounded memory: a corpus (Parquet, JSONL, a saved `datasets` dataset) or files.

    claimtag tag news.parquet --text-column body --id-column url --workers 2 -o tagged.jsonl

Inputs are read one at a time as `Row`s (position, id, text, or why the row cannot be tagged),
tagged in chunks by one process or by `--workers` processes that each load the model once, and
written as they come (one JSON line or CSV row per sentence, input order) to `OUTPUT.partial`,
renamed to OUTPUT when the run completes. A bad row is reported, listed in
`OUTPUT.errors.jsonl` and skipped; the rest is tagged. A stopped run (Ctrl-C, SIGTERM, a crash)
keeps `OUTPUT.partial`, and `--resume` continues it from its last whole article. Many machines:
docs/performance.md shows the same job on Ray Data.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TypeVar

from claimtag.inference.formats import CSV_HEADER, Provenance, Result, csv_rows, jsonl_lines
from claimtag.model.errors import ClaimtagError, needs_extra

TABLE_SUFFIXES = (".parquet", ".jsonl")
# from this full chunk on, a run with one worker reads who-said-it in a second process too
# (`Tagger.share_speakers`): its start costs a shorter run about what it saves
SHARE_AFTER = 4
REPORT_LIMIT = 50  # problems printed on stderr; later ones are only counted (and listed in the side file)
K = TypeVar("K")
T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One input article: its position (a corpus's 1-based row number, which in a JSONL file is
    the line number; the Nth file given), its id, its text (None: null in the input), and why it
    cannot be tagged (`problem`: the row is skipped) or what is odd about it (`warnings`)."""

    row: int
    id: str
    text: str | None = ""
    problem: str | None = None
    warnings: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)  # what the input's markup carried beside the text


def is_table(path: str) -> bool:
    """Whether a path is a corpus of articles (rather than one article)."""
    p = Path(path)
    return p.suffix.lower() in TABLE_SUFFIXES or (p.is_dir() and (p / "dataset_info.json").exists())


def read_articles(
    path: str, text_column: str, id_column: str | None, input_format: str = "auto"
) -> tuple[Iterator[Row], int]:
    """The rows of a corpus table, streamed, and how many there are. A wrong column name is an
    error before any output; a bad row (invalid JSON, no text, a non-string text, a lone
    surrogate) comes out as a Row with its `problem`.

    A column has no suffix to go by, and offsets are best kept on the stored text: `auto` and
    `text` leave each text as it is, `markdown` and `html` render it (its meta kept on the Row).
    """
    p = Path(path)
    if p.suffix.lower() == ".parquet":
        records, names, total = _parquet(p, text_column, id_column)
    elif p.suffix.lower() == ".jsonl":
        with p.open("rb") as f:
            total = sum(1 for line in f if line.strip())
        first = [r for _, r, _ in islice(_jsonl(p), 100) if isinstance(r, dict)]
        names = list(dict.fromkeys(k for r in first for k in r)) if first else [text_column, id_column]
        records = _jsonl(p)
    else:
        data = _saved_dataset(p)
        records, names, total = ((n, r, ()) for n, r in enumerate(data, 1)), data.column_names, len(data)
    text_column, id_column = _column(names, text_column), id_column and _column(names, id_column)
    missing = [c for c in (text_column, id_column) if c and c not in names]
    if missing:
        raise ClaimtagError(f"{path}: no column {missing[0]!r} (columns: {', '.join(names)}); see --text-column")
    rows = (_row(n, r, text_column, id_column, w) for n, r, w in records)
    return (rows if input_format in ("auto", "text") else (_rendered(r, input_format) for r in rows)), total


def _rendered(row: Row, input_format: str) -> Row:
    if row.problem or not row.text:
        return row
    from claimtag.inference.markup import to_plain

    plain = to_plain(row.text, input_format, row.id)
    return replace(row, text=plain.text, meta=plain.meta)


def _column(names: list[str], wanted: str) -> str:
    """`wanted`, or the one column that is `wanted` but for case (`Body` for `body`)."""
    if wanted in names:
        return wanted
    same = [n for n in names if n.lower() == wanted.lower()]
    return same[0] if len(same) == 1 else wanted


def _parquet(p: Path, text_column: str, id_column: str | None) -> tuple[Iterator, list[str], int]:
    try:
        import pyarrow.parquet as pq
        from pyarrow import ArrowException
    except ModuleNotFoundError as err:
        raise needs_extra(err, "reading Parquet", "parquet") from None
    try:
        source = pq.ParquetFile(p)
    except (OSError, ArrowException) as err:
        raise ClaimtagError(f"{p}: not a readable Parquet file ({err})") from None
    names = source.schema_arrow.names
    columns = [c for c in (_column(names, text_column), id_column and _column(names, id_column)) if c in names]

    def records() -> Iterator[tuple[int, dict, tuple]]:
        n = 0
        try:
            for batch in source.iter_batches(batch_size=256, columns=columns):
                for record in batch.to_pylist():
                    n += 1
                    yield n, record, ()
        except (OSError, ArrowException) as err:  # a damaged row group: what was written stays resumable
            raise ClaimtagError(f"{p}: unreadable after row {n} ({err})") from None

    return records(), names, source.metadata.num_rows


def _saved_dataset(p: Path):
    try:
        from datasets import concatenate_datasets, load_from_disk
    except ModuleNotFoundError as err:
        raise needs_extra(err, "reading a saved datasets folder") from None
    data = load_from_disk(str(p))
    return concatenate_datasets(list(data.values())) if hasattr(data, "keys") else data  # a DatasetDict: all splits


_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"))
_WIDE_BOMS += ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # after UTF-32: shared prefix


def _jsonl(path: Path) -> Iterator[tuple[int, dict | str, tuple[str, ...]]]:
    """(line number, object or why the line is bad, warnings) for each non-blank line.

    A UTF-8 byte-order mark is dropped, a UTF-16/32 file is read in its codec, and a line that is
    not UTF-8 is read as cp1252 (latin-1's letters and Windows quotes) with a warning."""
    with path.open("rb") as f:
        head = f.read(4)
        f.seek(0)
        wide = next((codec for mark, codec in _WIDE_BOMS if head.startswith(mark)), None)
        if wide:
            lines: Iterable = io.TextIOWrapper(f, encoding=wide, errors="replace")
        else:
            lines = f
        for n, raw in enumerate(lines, 1):
            warnings: tuple[str, ...] = ()
            if isinstance(raw, bytes):
                raw = raw.removeprefix(codecs.BOM_UTF8) if n == 1 else raw
                try:
                    raw = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raw, warnings = _cp1252(raw), ("not UTF-8: decoded as cp1252",)
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                cut = err.msg.startswith("Unterminated") or err.pos >= len(line.rstrip())
                yield n, f"invalid JSON ({err.msg}, column {err.colno}){' (a cut line?)' if cut else ''}", warnings
                continue
            yield n, (value if isinstance(value, dict) else f"not a JSON object but {type(value).__name__}"), warnings


def _cp1252(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return raw.decode("latin-1")


def _row(n: int, record: dict | str, text_column: str, id_column: str | None, warnings: tuple[str, ...]) -> Row:
    """A Row from one parsed record, checked: anything that cannot be tagged and written is a problem."""
    if isinstance(record, str):
        return Row(n, str(n), problem=record, warnings=warnings)
    rid = str(n)
    if id_column:
        value = record.get(id_column)
        if value is None:
            warnings += (f"no {id_column!r}: named by its row number",)
        else:
            rid = str(value)
    if _lone_surrogate(rid) is not None:
        return Row(n, _printable(rid), problem="the id has a lone surrogate (not valid Unicode)", warnings=warnings)
    if text_column not in record:
        return Row(n, rid, problem=f"no {text_column!r} field", warnings=warnings)
    text = record[text_column]
    if text is not None and not isinstance(text, str):
        return Row(n, rid, problem=f"{text_column!r} is {type(text).__name__}, not text", warnings=warnings)
    at = _lone_surrogate(text or "")
    if at is not None:
        where = f"\\u{ord(text[at]):04x} at character {at}"
        return Row(n, rid, problem=f"the text has a lone surrogate ({where}; not valid Unicode)", warnings=warnings)
    return Row(n, rid, text, warnings=warnings)


def _lone_surrogate(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return err.start
    return None


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def read_files(paths: list[str], input_format: str = "auto") -> tuple[Iterator[Row], int]:
    """Files, folders (their supported files, sorted) and stdin as Rows, and how many there are,
    each read as `input_format` (reading.read_inputs); an unreadable or binary file is a Row
    with its `problem`."""
    from claimtag.inference.reading import Problem, expand, read_inputs

    names = expand(paths)

    def rows() -> Iterator[Row]:
        for n, item in enumerate(read_inputs(names, input_format), 1):
            if isinstance(item, Problem):
                yield Row(n, item.name, problem=item.message)
            else:
                yield Row(n, item.name, item.text, warnings=tuple(item.warnings), meta=item.meta)

    return rows(), len(names)


def tag_stream(
    items: Iterable[tuple[K, str]], tagger_args: dict, *, workers: int = 1, chunk: int = 32
) -> Iterator[tuple[K, list | Iterator[list]]]:
    """(key, tagged sentences) for each (key, text), in input order; sentences are batched
    across the articles of a chunk, and at most 2 chunks per worker are in memory.

    An article over `tagger.PIECE_CHARS` comes as an iterator over its pieces' sentences, tagged
    as they are read (by the workers, at most 2 pieces each in flight, else by `Tagger.tag_pieces`
    in this process): a huge article is never held in memory as sentences, whole. Read each
    article's pieces before asking for the next article: the workers stop with this generator.
    """
    from claimtag.inference import tagger as tagging

    items = iter(items)
    chunks = iter(lambda: list(islice(items, chunk)), [])
    local: list = []  # this process's tagger: for every article with one worker, else for huge ones

    def here() -> tagging.Tagger:
        if not local:
            local.append(tagging.Tagger.from_pretrained(**tagger_args))
            tagging.keep_loaded()
        return local[0]

    def short(part: list[tuple[K, str]]) -> list[str]:
        return [t if len(t) <= tagging.PIECE_CHARS else "" for _, t in part]

    def joined(part: list[tuple[K, str]], tagged: list[list], pool=None) -> Iterator[tuple[K, list | Iterator[list]]]:
        for (key, text), sentences in zip(part, tagged, strict=True):
            if len(text) <= tagging.PIECE_CHARS:
                yield key, sentences
            elif pool is None:
                yield key, here().tag_pieces(text)
            else:  # the pieces are read alone: the workers tag them side by side, this process places them
                spans = tagging.pieces(text, tagging.PIECE_CHARS)
                done = _in_order(pool, spans, lambda span, text=text: [text[span[0] : span[1]]], 2 * workers)
                yield key, tagging.placed(spans, (piece for _, (piece,) in done))

    if workers <= 1:
        try:
            for n, part in enumerate(chunks, 1):
                tagger = here()
                if n == SHARE_AFTER and len(part) == chunk and (os.cpu_count() or 1) > 1:
                    tagger.share_speakers()  # a long run: who-said-it also on the core the network leaves idle
                yield from joined(part, tagger.tag_many(short(part)))
        finally:
            if local:
                local[0].close()
        return
    import multiprocessing

    if tagger_args.get("fast"):  # build the cached ONNX file once, before the workers load it
        _export_once(tagger_args.get("path_or_name", "default"))
    threads = max(1, (os.cpu_count() or 1) // workers)
    ctx = multiprocessing.get_context("spawn")  # no forked torch state
    with ctx.Pool(workers, initializer=_start_worker, initargs=(tagger_args, threads)) as pool:
        for part, tagged in _in_order(pool, chunks, short, 2 * workers):  # keys stay here; the workers get texts
            yield from joined(part, tagged, pool)


def _in_order(pool, items: Iterable[T], texts: Callable[[T], list[str]], most: int) -> Iterator[tuple[T, list]]:
    """(item, its `texts` tagged by the pool's workers) for each item, in order, with at most `most`
    items in flight."""
    pending: deque = deque()
    for item in items:
        pending.append((item, pool.apply_async(_tag_texts, (texts(item),))))
        if len(pending) >= most:
            done, job = pending.popleft()
            yield done, job.get()
    while pending:
        done, job = pending.popleft()
        yield done, job.get()


def _export_once(path_or_name: str) -> None:
    """Export a transformer folder's int8 ONNX file if it is not cached yet (other kinds have none)."""
    from claimtag.inference.onnx import ensure_exported
    from claimtag.model.folder import ModelMeta, resolve_model_path

    path = resolve_model_path(path_or_name)
    if ModelMeta.read(path).kind == "transformer":
        ensure_exported(path)


_WORKER: dict = {}


def _start_worker(tagger_args: dict, threads: int) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it keeps the .partial
    os.environ["CLAIMTAG_THREADS"] = str(threads)
    from claimtag.inference.tagger import Tagger, keep_loaded

    if not tagger_args.get("fast"):
        import torch

        torch.set_num_threads(threads)
    _WORKER["tagger"] = Tagger.from_pretrained(**tagger_args)
    keep_loaded()


def _tag_texts(texts: list[str]) -> list[list]:
    return _WORKER["tagger"].tag_many(texts)


@dataclass
class Tally:
    """Counts for the end-of-run summary."""

    rows: int = 0
    articles: int = 0
    sentences: int = 0
    skipped: int = 0
    empty: int = 0
    warnings: int = 0

    def line(self, noun: str = "rows") -> str:
        """`3,000 rows: 2,990 articles tagged (81,234 sentences), 6 skipped, 4 empty, 2 warnings`"""
        return (
            f"{self.rows:,} {noun}: {self.articles:,} article(s) tagged ({self.sentences:,} sentences), "
            f"{self.skipped:,} skipped, {self.empty:,} empty, {self.warnings:,} warning(s)"
        )


class Sink:
    """Where tagged articles go; `omit` is told of every row that adds nothing to the output.
    A sink that continues an earlier run sets `start` (the first row to tag) and `expect`
    ((row, id) of the last row it kept, checked against the input)."""

    tally: Tally
    start: int = 1
    expect: tuple[int, str] | None = None

    def write(self, row: Row, sentences: list, warnings: list[str]) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def omit(self, row: Row, kind: str, reason: str) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def write_parts(self, row: Row, parts: Iterable[list], warnings: list[str]) -> int:
        """Write an article tagged piece by piece; returns its sentence count. Here the pieces
        are joined and written whole; a streamed sink writes each as it comes."""
        sentences = [s for part in parts for s in part]
        self.write(row, sentences, warnings)
        return len(sentences)


@dataclass
class Collected(Sink):
    """Results kept in memory for the formats written whole at the end (table, json, html)."""

    results: list[Result] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)

    def write(self, row: Row, sentences: list, warnings: list[str]) -> None:
        self.results.append(Result(row.id, sentences, warnings, row.meta, row=row.row))

    def omit(self, row: Row, kind: str, reason: str) -> None:
        if kind == "empty":  # shown, with its reason, where a reader expects the article
            self.results.append(Result(row.id, [], [*row.warnings, reason], row.meta, row=row.row))


class Streamed(Sink):
    """JSONL or CSV written article by article: to stdout, or to `OUTPUT.partial`, renamed to
    OUTPUT by `close`. Rows that add nothing (skipped, empty) are listed in `OUTPUT.errors.jsonl`.

    An existing `OUTPUT.partial` is an interrupted run: `resume=True` continues it after its
    last whole article (`start` is then the first row to tag), `overwrite=True` starts over,
    and neither is an error, so a stopped run's work is never lost by accident.
    """

    def __init__(
        self, output: str | None, fmt: str, info: Provenance, *, resume: bool = False, overwrite: bool = False
    ) -> None:
        if fmt not in ("jsonl", "csv"):
            raise ClaimtagError(f"cannot stream --format {fmt}: use jsonl or csv")
        self.fmt, self.info, self.tally = fmt, info, Tally()
        self.start, self.expect = 1, None  # first row to tag; (row, id) of the last article kept
        self.output = Path(output) if output else None
        self.errors_file: io.TextIOBase | None = None
        if self.output is None:
            self.out = sys.stdout
        else:
            if self.partial.exists() and not (resume or overwrite):
                raise ClaimtagError(
                    f"{self.partial} exists (an interrupted run): --resume continues it, --overwrite starts over"
                )
            kept = self._resume() if self.partial.exists() and resume else None
            if kept is None:
                self.errors.unlink(missing_ok=True)  # a side file of an earlier run would mislead
            self.out = self.partial.open("a" if kept else "w", encoding="utf-8", newline="")
        self._writer = csv.writer(self.out)
        if fmt == "csv" and (self.output is None or self.out.tell() == 0):
            self._writer.writerow(CSV_HEADER)
        self.written = 0  # articles written by this run

    @property
    def partial(self) -> Path:
        """Where the output grows until the run completes."""
        return Path(f"{self.output}.partial")

    @property
    def errors(self) -> Path:
        """The side file listing the rows not in the output (one JSON object each)."""
        return Path(f"{self.output}.errors.jsonl")

    def write(self, row: Row, sentences: list, warnings: list[str]) -> None:
        self._emit(row, sentences, warnings)
        self.written += 1

    def _emit(self, row: Row, sentences: list, warnings: list[str]) -> None:
        result = Result(row.id, sentences, warnings, row.meta, row=row.row)
        if self.fmt == "jsonl":
            self.out.write(jsonl_lines(result, self.info))
        else:
            self._writer.writerows(csv_rows(result, self.info))
        self.out.flush()  # whole articles on disk as they come: a crash loses at most the one being written

    def write_parts(self, row: Row, parts: Iterable[list], warnings: list[str]) -> int:
        count = 0
        for part in parts:  # a stop midway leaves a cut last article: --resume redoes it
            self._emit(row, part, warnings)
            count += len(part)
        self.written += 1
        return count

    def omit(self, row: Row, kind: str, reason: str) -> None:
        if self.output is None:
            return
        if self.errors_file is None:
            self.errors_file = self.errors.open("a", encoding="utf-8")
        record = {"row": row.row, "id": row.id, "kind": kind, "reason": reason}
        self.errors_file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.errors_file.flush()

    def close(self, complete: bool) -> None:
        """Close the files; a complete run's `OUTPUT.partial` becomes OUTPUT, a stopped fresh run
        that wrote nothing leaves nothing behind."""
        if self.errors_file:
            self.errors_file.close()
        if self.output is None:
            self.out.flush()
            return
        self.out.close()
        if complete:
            os.replace(self.partial, self.output)
        elif self.written == 0 and self.start == 1:
            self.partial.unlink(missing_ok=True)

    def _resume(self) -> tuple[int, str] | None:
        """Cut `OUTPUT.partial` back to its last whole article but one (the last may be cut, and
        costs one article to redo), keep the side file's rows before it, and set `start`."""
        groups, sentences = _scan_partial(self.partial, self.fmt, self.info)
        if len(groups) < 2:
            return None  # nothing worth keeping: start over
        row, article = groups[-2][:2]
        with self.partial.open("r+b") as f:
            f.truncate(groups[-1][2])
        self.start, self.expect = row + 1, (row, article)
        kept = []
        if self.errors.exists():
            kept = [r for r in map(json.loads, self.errors.read_text(encoding="utf-8").splitlines()) if r["row"] <= row]
            from claimtag.model.folder import write_text_atomic

            write_text_atomic(self.errors, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept))
        self.tally = Tally(
            rows=0,
            articles=len(groups) - 1,
            sentences=sentences - groups[-1][3],
            skipped=sum(r["kind"] == "skipped" for r in kept),
            empty=sum(r["kind"] == "empty" for r in kept),
        )
        return self.expect


def _scan_partial(path: Path, fmt: str, info: Provenance) -> tuple[list[list], int]:
    """The articles of a partial output as [row, article, start offset, sentences], and the
    sentence count; a cut last line ends the scan. Output of another format or model is an error."""
    groups: list[list] = []
    records = _jsonl_records(path) if fmt == "jsonl" else _csv_records(path)
    total = 0
    for n, (record, start) in enumerate(records, 1):
        made = (record.get("model"), record.get("model_version"), record.get("mode"))
        if made != (info.model, info.model_version, info.mode):
            raise ClaimtagError(
                f"{path} was written by model {made[0]} version {made[1]} ({made[2]}), this run uses "
                f"{info.model} version {info.model_version} ({info.mode}): --overwrite starts over"
            )
        try:
            row = int(record["row"])
        except (KeyError, TypeError, ValueError):
            raise ClaimtagError(f"{path}: record {n} has no row number; --overwrite starts over") from None
        if not groups or groups[-1][0] != row:
            groups.append([row, str(record.get("article")), start, 0])
        groups[-1][3] += 1
        total += 1
    return groups, total


def _jsonl_records(path: Path) -> Iterator[tuple[dict, int]]:
    """(record, byte offset where its line starts) of a JSONL partial, up to a cut last line."""
    offset = 0
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            try:
                record = json.loads(raw) if raw.endswith(b"\n") else None
            except ValueError:
                record = None
            if not isinstance(record, dict):
                if f.read(1):
                    raise ClaimtagError(f"{path}: line {n} is not claimtag JSONL output; --overwrite starts over")
                return  # the cut tail of a stopped run
            yield record, offset
            offset += len(raw)


def _csv_records(path: Path) -> Iterator[tuple[dict, int]]:
    """(record, byte offset where it starts) of a CSV partial, up to a cut last record."""
    end = [0]

    def lines() -> Iterator[str]:
        with path.open("rb") as f:
            for raw in f:
                end[0] += len(raw)
                yield raw.decode("utf-8", errors="replace")

    reader = csv.reader(lines())
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if header is None:
        return
    if header != CSV_HEADER:
        raise ClaimtagError(f"{path}: other columns than this claimtag writes; --overwrite starts over")
    start, size = end[0], path.stat().st_size
    while True:
        try:
            values = next(reader, None)
        except csv.Error:  # an open quote at the end: a cut record
            return
        if values is None or len(values) != len(header) or (end[0] == size and not _ends_line(path)):
            return
        yield dict(zip(header, values, strict=True)), start
        start = end[0]


def _ends_line(path: Path) -> bool:
    with path.open("rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def tag_rows(
    rows: Iterator[Row],
    sink: Sink,
    tagger_args: dict,
    *,
    where: Callable[[Row], str],
    workers: int = 1,
    total: int | None = None,
    progress: bool = True,
    start: int = 1,
    expect: tuple[int, str] | None = None,
    check_ids: bool = True,
    piece_progress: bool | None = None,
) -> Tally:
    """Tag every row from `start` on into `sink`, reporting problems on stderr (named by `where`)
    and counting everything in the returned Tally. `expect` (row, id) is checked on the way:
    resuming against another input is an error. `piece_progress` (default: `progress`): a bar over
    the pieces of each huge article, which alone can take minutes."""
    from tqdm import tqdm

    from claimtag.inference import tagger

    tally, report = sink.tally, _Reporter()
    bar = tqdm(total=total, unit="article", file=sys.stderr, disable=not progress)
    todo = ((r, "" if r.problem else r.text or "") for r in _checked(rows, start, expect, check_ids, bar, tally))
    try:
        for row, tagged in tag_stream(todo, tagger_args, workers=workers):
            bar.update(1)
            tally.rows += 1
            warnings = list(row.warnings)
            if not isinstance(tagged, list):
                warnings.append(
                    f"{len(row.text or ''):,} characters: tagged in pieces of about {tagger.PIECE_CHARS:,} cut at "
                    "paragraph breaks (offsets still index the whole input; a quotation is not followed across pieces)"
                )
            elif any(s.truncated for s in tagged):
                warnings.append(_truncated(tagged))
            for w in warnings:
                report("warning", where(row), w)
            tally.warnings += len(warnings)
            if row.problem:
                report("error", where(row), row.problem)
                sink.omit(row, "skipped", row.problem)
                tally.skipped += 1
            elif isinstance(tagged, list) and not tagged:
                reason = "empty article: " + ("the text is null" if row.text is None else "no sentences")
                report("warning", where(row), reason)
                sink.omit(row, "empty", reason)
                tally.empty += 1
            else:
                cut: list = []  # a huge article's truncated sentences, known only once its pieces are written
                if isinstance(tagged, list):
                    parts = [tagged]
                else:
                    pieces = len(tagger.pieces(row.text or "", tagger.PIECE_CHARS))
                    shown = progress if piece_progress is None else piece_progress
                    piece_bar = tqdm(total=pieces, unit="piece", file=sys.stderr, disable=not shown, leave=False)
                    parts = _watched(tagged, cut, piece_bar)
                tally.sentences += sink.write_parts(row, parts, warnings)
                tally.articles += 1
                if cut:
                    report("warning", where(row), _truncated(cut))
                    tally.warnings += 1
    finally:
        bar.close()
    return tally


def _truncated(sentences: list) -> str:
    return f"{sum(s.truncated for s in sentences)} sentence(s) longer than the model reads were truncated"


def _watched(parts: Iterator[list], cut: list, bar) -> Iterator[list]:
    """The pieces as they come, their truncated sentences added to `cut` (for the warning), `bar`
    advanced by each and closed after the last."""
    try:
        for part in parts:
            cut.extend(s for s in part if s.truncated)
            bar.update(1)
            yield part
    finally:
        bar.close()


def _checked(
    rows: Iterator[Row], start: int, expect: tuple[int, str] | None, check_ids: bool, bar, tally: Tally
) -> Iterator[Row]:
    """The rows from `start` on, with a warning on each id seen before; rows before `start`
    (already in a resumed output) are only counted."""
    first: dict[str, int] = {}
    for row in rows:
        if check_ids and not row.problem:
            seen = first.setdefault(row.id, row.row)
            if seen != row.row:
                row = replace(row, warnings=(*row.warnings, f"id {row.id!r} also names row {seen}"))
        if expect and row.row == expect[0] and row.id != expect[1]:
            raise ClaimtagError(
                f"the partial output does not match this input: row {row.row} is {expect[1]!r} there and "
                f"{row.id!r} here; --overwrite starts over"
            )
        if row.row < start:
            bar.update(1)
            tally.rows += 1
            continue
        yield row


class _Reporter:
    """Prints problems above the progress bar, the first REPORT_LIMIT of them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, level: str, where: str, message: str) -> None:
        from tqdm import tqdm

        self.count += 1
        if self.count <= REPORT_LIMIT:
            tqdm.write(f"claimtag: {level}: {where}: {message}", file=sys.stderr)
        elif self.count == REPORT_LIMIT + 1:
            tqdm.write(f"claimtag: more than {REPORT_LIMIT} problems: the rest are only counted", file=sys.stderr)
