"""The review loop: export the sentences most worth a human look, import the corrections.

    claimtag review export articles/ --out review/ --per-batch 200 --corrections corrections.jsonl
    (a person corrects the `label` and `speaker` columns of review/batch-001.csv, or works in Label Studio)
    claimtag review import review/batch-001.csv --corrections corrections.jsonl --reviewer ana

Export ranks sentences by how unsure the model is (1 - its calibrated score), plus a bonus
where the transparent rules baseline disagrees with it; it numbers new batches after the ones
already in the folder (an edited batch is never overwritten) and leaves out sentences already
reviewed or already out for review there. Import validates every row before writing anything.
A row whose label (or speaker) differs from the model's proposal is a correction; a row left
as proposed is a confirmation, kept in its own file (`<corrections>.confirmed.jsonl`) so that
it can carry its own weight in training; a blank label means "not reviewed" and is skipped.
Importing a batch again updates the rows that changed, keeping the earlier versions in the
row's `history`, so no edit is ever lost or silently ignored. Both files are sentence-row
JSONL corpora with provenance (who, when, which model proposed what); list them in
`data.train` with a weight to retrain.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimtag.inference.reading import jsonl_rows
from claimtag.model.baselines import RulesBaseline
from claimtag.model.errors import ClaimtagError
from claimtag.model.folder import write_text_atomic
from claimtag.model.labels import LABELS, QUOTE, LabelError, parse_label

FIELDS = [
    "review_id",
    "article",
    "index",
    "context_before",
    "text",
    "context_after",
    "proposed",
    "confidence",
    "rules",
    "proposed_speaker",
    "label",
    "speaker",
    "quote_id",
    "model",
]
EDITABLE = ("label", "speaker", "quote_id")
SUFFIXES = {"csv": "csv", "jsonl": "jsonl", "labelstudio": "json"}
BATCH = re.compile(r"batch-(\d+)\.(csv|jsonl|json)$")


def review_id(article: str, index: int, text: str) -> str:
    """A stable key for one sentence of one article."""
    return hashlib.sha1(f"{article}\n{index}\n{text}".encode()).hexdigest()[:12]


def candidates(tagged: dict[str, list], model_name: str) -> list[dict]:
    """Every tagged sentence as a review row, most worth a look first."""
    rows = []
    rules = RulesBaseline()
    for article, sentences in tagged.items():
        records = [
            {"text": s.text, "in_quote": s.in_quote, "paragraph": s.paragraph, "doc_id": article} for s in sentences
        ]
        rule_labels = [LABELS[i] for i in rules.predict_proba(records).argmax(axis=1)] if records else []
        for i, s in enumerate(sentences):
            rows.append(
                {
                    "review_id": review_id(article, s.index, s.text),
                    "article": article,
                    "index": s.index,
                    "context_before": sentences[i - 1].text if i else "",
                    "text": s.text,
                    "context_after": sentences[i + 1].text if i + 1 < len(sentences) else "",
                    "proposed": s.label,
                    "confidence": s.score,
                    "rules": rule_labels[i],
                    "proposed_speaker": s.speaker or "",
                    "label": s.label,
                    "speaker": s.speaker or "",
                    "quote_id": s.quote_id or "",
                    "model": model_name,
                }
            )
    priority = np.array([(1 - r["confidence"]) + (0.5 if r["rules"] != r["proposed"] else 0.0) for r in rows])
    return [rows[i] for i in np.argsort(-priority, kind="stable")]


def batch_files(out: Path) -> list[Path]:
    """The review batches already in `out`, in batch order."""
    if not out.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in out.iterdir() if (m := BATCH.fullmatch(p.name))]
    return [p for _, p in sorted(found)]


def exported_ids(out: Path) -> set[str]:
    """The review ids already out for review in the batches of `out` (whatever their format)."""
    ids: set[str] = set()
    for path in batch_files(out):
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".csv":
            rows = list(csv.DictReader(io.StringIO(text)))
        elif path.suffix == ".jsonl":
            rows = list(jsonl_rows(path, text))
        else:
            rows = [t.get("data", {}) for t in _json(text, path, 0) if isinstance(t, dict)]
        ids |= {str(r.get("review_id") or "") for r in rows} - {""}
    return ids


def write_batches(rows: list[dict], out: Path, per_batch: int, fmt: str) -> list[Path]:
    """Write review batches as CSV, JSONL or Label Studio tasks, numbered after the batches already
    in `out` (an edited batch is never overwritten); return the new files."""
    out.mkdir(parents=True, exist_ok=True)
    existing = batch_files(out)
    first = int(BATCH.fullmatch(existing[-1].name).group(1)) + 1 if existing else 1
    files = []
    for b, lo in enumerate(range(0, len(rows), per_batch), first):
        path = out / f"batch-{b:03d}.{SUFFIXES[fmt]}"
        write_text_atomic(path, _render(rows[lo : lo + per_batch], fmt))
        files.append(path)
    return files


def _render(rows: list[dict], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "labelstudio":
        tasks = [
            {
                "data": {k: r[k] for k in FIELDS if k != "label"},
                "predictions": [
                    {
                        "model_version": r["model"],
                        "score": r["confidence"],
                        "result": [
                            {
                                "from_name": "label",
                                "to_name": "text",
                                "type": "choices",
                                "value": {"choices": [r["proposed"]]},
                            }
                        ],
                    }
                ],
            }
            for r in rows
        ]
        return json.dumps(tasks, ensure_ascii=False, indent=1)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def read_reviewed(path: Path) -> list[dict]:
    """Rows of an edited batch (CSV, JSONL, or a Label Studio JSON export), validated; a row
    left with a blank label (not reviewed) has label None."""
    if not path.is_file():
        raise ClaimtagError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ClaimtagError(f"{path}: not UTF-8") from None
    if path.suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
    elif path.suffix == ".jsonl":
        rows = list(jsonl_rows(path, text))
    elif path.suffix == ".json":
        rows = [_from_labelstudio(task) for task in _json(text, path, 0)]
    else:
        raise ClaimtagError(f"{path}: expected a .csv, .jsonl or Label Studio .json file")
    return _validate(rows, path)


def _json(text: str, path: Path, line: int) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ClaimtagError(f"{path}: {'line ' + str(line) + ': ' if line else ''}invalid JSON ({err.msg})") from None


def _from_labelstudio(task: dict) -> dict:
    """One exported Label Studio task -> a review row: the latest annotation's choice (no annotation:
    not reviewed) and, where the labeling config has a TextArea named `speaker`, its text."""
    data = task.get("data", {}) if isinstance(task, dict) else {}
    annotations = (task.get("annotations") if isinstance(task, dict) else None) or []
    row = {**data, "label": None}
    for ann in annotations[-1:]:
        for result in ann.get("result", []):
            value = result.get("value", {})
            if result.get("from_name", "label") == "label":
                row["label"] = (value.get("choices") or [None])[0]
            elif result.get("from_name") == "speaker":
                row["speaker"] = (value.get("text") or [""])[0]
    return row


def _validate(rows: list[dict], path: Path) -> list[dict]:
    seen: set[str] = set()
    for n, row in enumerate(rows, 1):
        where = f"{path}: row {n}"
        rid = str(row.get("review_id") or "").strip()
        if not rid:
            raise ClaimtagError(f"{where}: missing review_id")
        if rid in seen:
            raise ClaimtagError(f"{where}: duplicate review_id {rid}")
        seen.add(rid)
        row["review_id"] = rid
        if not str(row.get("text") or "").strip():
            raise ClaimtagError(f"{where}: empty text")
        if not str(row.get("label") or "").strip():
            row["label"] = None  # not reviewed
            continue
        try:
            row["label"] = parse_label(row.get("label"))
        except LabelError as err:
            raise ClaimtagError(f"{where} (review_id {rid}): {err}") from None
    return rows


@dataclass
class ImportSummary:
    """What one import did, row by row."""

    corrected: int = 0  # new rows whose label or speaker differs from the proposal
    confirmed: int = 0  # new rows left as the model proposed
    updated: int = 0  # rows imported before whose label or speaker changed (old version kept in `history`)
    unchanged: int = 0  # rows imported before, the same again
    not_reviewed: int = 0  # blank label

    def __str__(self) -> str:
        return (
            f"{self.corrected} correction(s) added, {self.confirmed} confirmed, {self.updated} updated "
            f"(earlier version kept in history), {self.unchanged} unchanged, {self.not_reviewed} not reviewed"
        )


def confirmed_path(corrections: Path) -> Path:
    """Where the confirmations that go with a corrections file are kept."""
    return corrections.with_name(f"{corrections.stem}.confirmed.jsonl")


def reviewed_ids(corrections: Path) -> set[str]:
    """Review ids already imported into a corrections file or its confirmations."""
    return {rid for store in _stores(corrections).values() for rid in store}


def _stores(corrections: Path) -> dict[str, dict[str, dict]]:
    """Both files as {status: {review_id: row}} (rows without a review_id are kept under a placeholder)."""
    out = {}
    for status, path in (("corrected", corrections), ("confirmed", confirmed_path(corrections))):
        rows = list(jsonl_rows(path)) if path.exists() else []
        out[status] = {str(r.get("review_id") or f"#{n}"): r for n, r in enumerate(rows)}
    return out


def _blank(value: object) -> str | None:
    text = str(value or "").strip()
    return text or None


def _status(row: dict) -> str:
    """corrected where the reviewer changed the label or the speaker, else confirmed."""
    try:
        proposed = parse_label(row.get("proposed"))
    except LabelError:
        return "corrected"  # no usable proposal: everything the reviewer says is new
    speaker_changed = "proposed_speaker" in row and _blank(row.get("speaker")) != _blank(row.get("proposed_speaker"))
    return "corrected" if row["label"] != proposed or (row["label"] == QUOTE and speaker_changed) else "confirmed"


def _record(r: dict, status: str, reviewer: str, now: str, source: Path) -> dict:
    quote = r["label"] == QUOTE  # speakers and quotation runs belong to quotes only
    index = str(r.get("index", "")).strip()
    return {
        "doc_id": f"review-{r['review_id']}",
        "index": 0,
        "text": r["text"],
        "label": r["label"],
        "speaker": _blank(r.get("speaker")) if quote else None,
        "quote_id": _blank(r.get("quote_id")) if quote else None,
        "status": status,
        "review_id": r["review_id"],
        "article": r.get("article"),
        "sentence_index": int(index) if index.isdigit() else None,
        "proposed": r.get("proposed"),
        "proposed_speaker": _blank(r.get("proposed_speaker")),
        "model": r.get("model"),
        "reviewer": reviewer,
        "imported_at": now,
        "source_file": str(source),
    }


_VERSION = ("label", "speaker", "status", "reviewer", "imported_at", "source_file")


def import_corrections(path: Path, corrections: Path, reviewer: str) -> ImportSummary:
    """Merge a reviewed batch into `corrections` (and its confirmations file): new rows are added,
    rows whose label or speaker changed since their last import are updated with the earlier
    version kept in `history`, blank labels are skipped. Nothing is written if a row is invalid."""
    rows = read_reviewed(path)
    stores = _stores(corrections)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    summary = ImportSummary()
    for r in rows:
        if r["label"] is None:
            summary.not_reviewed += 1
            continue
        status = _status(r)
        new = _record(r, status, reviewer, now, path)
        old_status = next((s for s, store in stores.items() if r["review_id"] in store), None)
        if old_status is None:
            setattr(summary, status, getattr(summary, status) + 1)
        else:
            old = stores[old_status][r["review_id"]]
            if (old.get("label"), old.get("speaker")) == (new["label"], new["speaker"]):
                summary.unchanged += 1
                continue
            summary.updated += 1
            new["history"] = [*old.get("history", []), {k: old.get(k) for k in _VERSION}]
            if old_status != status:
                del stores[old_status][r["review_id"]]
        stores[status][r["review_id"]] = new
    if summary.corrected or summary.confirmed or summary.updated:
        for status, target in (("corrected", corrections), ("confirmed", confirmed_path(corrections))):
            if stores[status] or target.exists():
                write_text_atomic(
                    target, "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in stores[status].values())
                )
    return summary
