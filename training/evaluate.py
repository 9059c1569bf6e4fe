"""`claimtag evaluate`: a model and its baselines on one labeled file, in one report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
from datasets import concatenate_datasets

from claimtag.model.errors import ClaimtagError
from claimtag.model.folder import ModelMeta, load_baselines, load_model, resolve_model_path
from claimtag.model.labels import LABELS
from claimtag.model.protocol import CalibratedModel
from claimtag.training.corpus import load_corpus
from claimtag.training.markdown import markdown_table
from claimtag.training.metrics import (
    Report,
    comparison_table,
    confusion_png,
    coverage,
    coverage_table,
    detail,
    evaluate_probs,
    worst_errors,
    write_json,
)


def _load(model_dir: Path, fast: bool):
    """A model folder's fp32 network, or with `fast` its int8 path as `claimtag tag` runs it."""
    meta = ModelMeta.read(model_dir)
    if fast and meta.kind == "transformer":
        from claimtag.inference.onnx import OnnxModel

        return OnnxModel.load(model_dir, meta)
    return load_model(model_dir)


def evaluate_model(
    model_dir: str | Path,
    data: str | Path,
    *,
    source: str | None = None,
    split: str | None = None,
    out_dir: str | Path | None = None,
    baselines: bool = True,
    compare: list[str] | None = None,
    bootstrap: int = 1000,
    top_errors: int = 50,
    quantities: str | Path | None = None,
    fast: bool = False,
) -> str:
    """Evaluate; write report.json, confusion-<model>.png and errors.jsonl; return Markdown.
    Who-said-it scores are added when the data records speakers, quantity scores with `quantities`.
    `fast` scores every model's int8 path (what `claimtag tag` runs by default) instead of fp32."""
    given, model_dir, data = str(model_dir), resolve_model_path(model_dir), Path(data)
    meta = ModelMeta.read(model_dir)
    corpus = load_corpus(data, source=source)
    if split is not None and split not in corpus:
        raise ClaimtagError(f"{data}: no split {split!r} (has {', '.join(corpus)})")
    ds = corpus[split] if split else concatenate_datasets(list(corpus.values()))
    records, gold = ds.to_list(), np.asarray(ds["label"])
    # compared models are named by their path as given: runs/a/model and runs/b/model stay apart
    mode = " int8" if fast else ""
    taggers = {f"{meta.kind}{mode} ({given})" if compare else f"{meta.kind}{mode}": _load(model_dir, fast)}
    for other in compare or []:
        path = resolve_model_path(other)
        taggers[f"{ModelMeta.read(path).kind}{mode} ({other}, compared)"] = _load(path, fast)
    if baselines:
        taggers.update({f"baseline: {k}": t for k, t in load_baselines(model_dir).items()})
    out = Path(out_dir) if out_dir else Path("eval") / f"{model_dir.name}__{data.stem}"
    out.mkdir(parents=True, exist_ok=True)
    reports: list[Report] = []
    calibration = ""
    for name, tagger in taggers.items():
        if isinstance(tagger, CalibratedModel) and not calibration:
            probs, calibration = _calibrated(tagger, records, gold, out / "reliability.png")
        else:
            probs = tagger.predict_proba(records)
        reports.append(evaluate_probs(probs, gold, ds["doc_id"], name=name, bootstrap=bootstrap))
        if len(reports) == 1:
            first_probs = probs
            errors = worst_errors(records, probs, gold, top_errors)
            kept = coverage(probs, gold)
    for rep in reports:
        confusion_png(rep, out / f"confusion-{_file_name(rep.name)}.png")
    predicted = [LABELS[k] for k in first_probs.argmax(axis=1)]  # the model's own labels, end to end
    extra, extra_md = _attribution_and_quantities(meta, records, quantities, predicted)
    write_json(
        out / "report.json",
        {
            "model": str(model_dir),
            "data": str(data),
            "reports": [r.to_dict() for r in reports],
            "coverage": kept,
            **extra,
        },
    )
    (out / "errors.jsonl").write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8"
    )
    return "\n\n".join(
        [
            f"# Evaluation of {model_dir} on {data} ({len(records)} sentences, {len(set(ds['doc_id']))} documents)",
            comparison_table(reports),
            f"## {reports[0].name}: per class",
            detail(reports[0]),
            "Coverage and accuracy when sentences below a confidence are left unsure (`--min-confidence`):",
            coverage_table(kept),
            *extra_md,
            f"Expected calibration error: {reports[0].ece:.3f}. {calibration}Files: {out}/report.json, "
            f"{out}/errors.jsonl (the {len(errors)} most confident mistakes), {out}/confusion-*.png",
        ]
    )


def _attribution_and_quantities(
    meta: ModelMeta, records: list[dict], quantities: str | Path | None, predicted: list[str] | None = None
) -> tuple:
    """Who-said-it scores (when the data records speakers; with `predicted`, the model's labels, also
    end to end) and quantity span scores (with a gold file)."""
    from claimtag.inference.quotes import SpeakerScorer
    from claimtag.training.attribution import attribution_of, attribution_table
    from claimtag.training.quantity_metrics import quantity_scores, read_quantity_gold

    extra, md = {}, []
    scorer = SpeakerScorer(meta.speaker_weights())
    attribution = attribution_of(records, scorer)
    if attribution:
        extra["attribution"] = attribution
        end_to_end = attribution_of(records, scorer, predicted) if predicted else None
        if end_to_end:
            extra["attribution_end_to_end"] = end_to_end
        md.append(attribution_table(attribution, end_to_end))
    if quantities:
        q = extra["quantities"] = quantity_scores(records, read_quantity_gold(quantities))
        md.append(
            f"Quantities, against {q['gold_quantities']} hand-marked ones in {q['sentences']} sentences ({quantities}):"
            f" exact-span precision {q['span_precision']:.3f}, recall {q['span_recall']:.3f}, F1 {q['span_f1']:.3f};"
            f" value right on {q['value_accuracy']:.1%} of matched spans."
        )
    return extra, md


def _file_name(model_name: str) -> str:
    """`baseline: tfidf-logreg` -> `baseline-tfidf-logreg`, `transformer (new)` -> `transformer-new`."""
    return re.sub(r"[^\w.]+", "-", model_name.replace("baseline: ", "baseline-")).strip("-")


def _calibrated(tagger, records: list[dict], gold: np.ndarray, png: Path) -> tuple[np.ndarray, str]:
    """The tagger's calibrated probabilities, plus ECE and a reliability diagram before/after scaling."""
    from claimtag.model.calibration import softmax
    from claimtag.model.features import continue_quotations
    from claimtag.training.metrics import expected_calibration_error, reliability_png

    logits = tagger.logits(records)
    before = continue_quotations(records, softmax(logits))
    after = continue_quotations(records, softmax(logits, tagger.temperature))
    reliability_png({"uncalibrated": before, f"T = {tagger.temperature:.2f}": after}, gold, png)
    ece_before, ece_after = expected_calibration_error(before, gold), expected_calibration_error(after, gold)
    text = f"Before temperature scaling: {ece_before:.3f}, after: {ece_after:.3f} (reliability diagram: {png}). "
    return after, text


def evaluate_checkworthy(model_dir: str | Path, data: str | Path, *, baselines: bool = True, fast: bool = False) -> str:
    """ClaimBuster-style score: F1 of check-worthy = {claim, statistic, quote} against gold 0/1
    (`fast`: the model's int8 path)."""
    from claimtag.training.claimbuster import checkworthy_scores, read_claimbuster

    model_dir = resolve_model_path(model_dir)
    rows = read_claimbuster(data)
    records = [
        {"doc_id": f"cb-{i}", "index": 0, "text": r["text"], "paragraph": 0, "in_quote": False}
        for i, r in enumerate(rows)
    ]
    gold = np.asarray([r["label"] for r in rows])
    taggers = {ModelMeta.read(model_dir).kind + (" int8" if fast else ""): _load(model_dir, fast)}
    if baselines:
        taggers.update({f"baseline: {k}": t for k, t in load_baselines(Path(model_dir)).items()})
    cells = []
    for name, tagger in taggers.items():
        s = checkworthy_scores(tagger.predict_proba(records), gold)
        cells.append([name, *(f"{s[k]:.3f}" for k in ("precision", "recall", "f1", "accuracy"))])
    title = f"# Check-worthiness on {data} ({len(rows)} sentences; positive = claim, statistic or quote)"
    return title + "\n" + markdown_table(["model", "precision", "recall", "F1 (positive)", "accuracy"], cells)
