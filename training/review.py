"""The review loop: export the sentences most worth a human look, import the corrections.

    claimtag review export articles/ --out review/ --per-batch 200
    (a person corrects the `label` column of review/batch-001.csv, or works in Label Studio)
    claimtag review import review/batch-001.csv --corrections corrections.jsonl --reviewer ana

Export ranks sentences by how unsure the model is (1 - its calibrated score), plus a bonus
where the transparent rules baseline disagrees with it. Import validates every row before
writing anything and appends only rows it has not seen (keyed by `review_id`), so a file
imported twice adds nothing the second time. The corrections file is a sentence-row JSONL
corpus with provenance (who, when, which model proposed what); list it in `data.train`
with a weight to retrain.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import numpy as np

from claimtag.inference.reading import jsonl_rows
from claimtag.model.baselines import RulesBaseline
from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import LABELS, LabelError, parse_label

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
    "label",
    "model",
]
EDITABLE = "label"


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
                    "label": s.label,
                    "model": model_name,
                }
            )
    priority = np.array([(1 - r["confidence"]) + (0.5 if r["rules"] != r["proposed"] else 0.0) for r in rows])
    return [rows[i] for i in np.argsort(-priority, kind="stable")]


def write_batches(rows: list[dict], out: Path, per_batch: int, fmt: str) -> list[Path]:
    """Write review batches as CSV, JSONL or Label Studio tasks; return the files."""
    out.mkdir(parents=True, exist_ok=True)
    suffix = {"csv": "csv", "jsonl": "jsonl", "labelstudio": "json"}[fmt]
    files = []
    for b, lo in enumerate(range(0, len(rows), per_batch), 1):
        path = out / f"batch-{b:03d}.{suffix}"
        path.write_text(_render(rows[lo : lo + per_batch], fmt), encoding="utf-8")
        files.append(path)
    return files


def _render(rows: list[dict], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "labelstudio":
        tasks = [
            {
                "data": {k: r[k] for k in FIELDS if k != EDITABLE},
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
    """Rows of an edited batch (CSV, JSONL, or a Label Studio JSON export), validated."""
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
        rows = [_from_labelstudio(task, path, n) for n, task in enumerate(_json(text, path, 0), 1)]
    else:
        raise ClaimtagError(f"{path}: expected a .csv, .jsonl or Label Studio .json file")
    return _validate(rows, path)


def _json(text: str, path: Path, line: int) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ClaimtagError(f"{path}: {'line ' + str(line) + ': ' if line else ''}invalid JSON ({err.msg})") from None


def _from_labelstudio(task: dict, path: Path, n: int) -> dict:
    """One exported Label Studio task -> a review row (the latest annotation's choice)."""
    data = task.get("data", {}) if isinstance(task, dict) else {}
    annotations = task.get("annotations") or []
    choice = None
    for ann in annotations[-1:]:
        for result in ann.get("result", []):
            choice = (result.get("value", {}).get("choices") or [None])[0]
    return {**data, "label": choice if choice is not None else data.get("proposed")}


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
        if not str(row.get("text") or "").strip():
            raise ClaimtagError(f"{where}: empty text")
        try:
            row["label"] = parse_label(row.get("label"))
        except LabelError as err:
            raise ClaimtagError(f"{where}: {err}") from None
    return rows


def import_corrections(path: Path, corrections: Path, reviewer: str) -> tuple[int, int]:
    """Append the reviewed rows not yet in `corrections`; return (added, already present)."""
    rows = read_reviewed(path)
    known = {row["review_id"] for row in jsonl_rows(corrections)} if corrections.exists() else set()
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    new = [
        {
            "doc_id": f"review-{r['review_id']}",
            "index": 0,
            "text": r["text"],
            "label": r["label"],
            "review_id": r["review_id"],
            "article": r.get("article"),
            "sentence_index": int(r["index"]) if str(r.get("index", "")).strip().isdigit() else None,
            "proposed": r.get("proposed"),
            "model": r.get("model"),
            "reviewer": reviewer,
            "imported_at": now,
            "source_file": str(path),
        }
        for r in rows
        if r["review_id"] not in known
    ]
    if new:
        corrections.parent.mkdir(parents=True, exist_ok=True)
        with corrections.open("a", encoding="utf-8") as f:
            f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in new))
    return len(new), len(rows) - len(new)
