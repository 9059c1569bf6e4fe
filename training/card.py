"""The model card (README.md of a model folder), rendered from the training config and the metrics."""

from __future__ import annotations

import json
from pathlib import Path

from claimtag.model.labels import LABELS
from claimtag.training.config import Config, load_config
from claimtag.training.markdown import markdown_table
from claimtag.training.metrics import f1_with_interval


def _row(name: str, m: dict) -> list[str]:
    per = [f"{m['f1'][lab]:.3f}" for lab in LABELS]
    return [name, m["n"], f1_with_interval(m["macro_f1"], m.get("macro_f1_ci")), *per, f"{m['accuracy']:.3f}"]


def metrics_table(metrics: dict, split: str, name: str) -> str:
    """Markdown rows for the model and its baselines on one split."""
    rows = [_row(name, metrics[split])] if split in metrics else []
    if split in metrics.get("init", {}):
        rows.append(_row(f"started from: {metrics['init']['name']}", metrics["init"][split]))
    for kind, by_split in metrics.get("baselines", {}).items():
        if split in by_split:
            rows.append(_row(f"baseline: {kind}", by_split[split]))
    return markdown_table(["model", "n", "macro-F1 [95% CI]", *LABELS, "accuracy"], rows)


def _warnings(metrics: dict) -> str:
    """Where the model does worse than something simpler or older (a line each)."""
    return "".join(f"**Warning:** {w}.\n\n" for w in metrics.get("warnings", []))


def _external(metrics: dict) -> str:
    """Evaluations run after training (recorded under `external` in metrics.json), with their commands."""
    parts = []
    for name, ev in metrics.get("external", {}).items():
        parts.append(f"### {name}\n\n`{ev['command']}`\n\n{ev['table']}\n")
    return ("## Further evaluations\n\n" + "\n".join(parts) + "\n") if parts else ""


def _attribution(metrics: dict) -> str:
    """Who-said-it scores on the test split, if the training data recorded speakers."""
    a = metrics.get("attribution")
    if not a:
        return ""
    return (
        f"## Who said it\nOn the {a['quote_sentences']} quote sentences of the test split (gold labels): speaker "
        f"accuracy {a['speaker_accuracy']:.3f}{_exact(a)} (nearest preceding proper noun: "
        f"{a['baseline_speaker_accuracy']:.3f}); "
        f"quote runs pairwise F1 {a['run_pairwise_f1']:.3f}, B-cubed F1 {a['run_bcubed_f1']:.3f}. Speaker "
        "weights: `speakers.json`, fitted on the training split's quote speakers.\n\n"
    )


def _exact(a: dict) -> str:
    """The strict and exact-form accuracies beside the lenient one (metrics written before them lack them)."""
    if "speaker_exact_accuracy" not in a:
        return ""
    return f", strict {a['speaker_strict_accuracy']:.3f}, the gold's exact form {a['speaker_exact_accuracy']:.3f}"


def _calibration(metrics: dict) -> str:
    """How the scores were calibrated."""
    cal = metrics.get("training", {}).get("calibration")
    if not cal:
        return ""
    test_ece = metrics.get("test", {}).get("ece")
    return (
        "## Calibration\n\n"
        f"Scores are temperature-scaled (T = {cal['temperature']}, fitted on the dev split): expected "
        f"calibration error on dev {cal['dev_ece_before']} before, {cal['dev_ece_after']} after"
        + (f"; {test_ece} on the test split." if test_ece is not None else ".")
        + "\n\n"
    )


def _fast(metrics: dict) -> str:
    """The fast path, when the folder ships a distilled student's int8 network as it."""
    fast = metrics.get("fast")
    if not fast:
        return ""
    s = fast["student"]
    splits = sorted((k for k in fast if k != "student"), key=lambda k: (not k.startswith("test"), k))
    rows = [_row(split, fast[split]) + [f"{fast[split].get('ece', float('nan')):.3f}"] for split in splits]
    ffn = f" with a feed-forward block of {s['feed_forward']:,}" if s.get("feed_forward") else ""
    return (
        "## The fast path (what `claimtag tag` runs by default)\n\n"
        f"A {s.get('num_layers', '?')}-layer student{ffn} distilled from this model "
        f"(fine-tuning `{s.get('finetune')}`, "
        f"model version {s.get('model_version')}) runs as int8 ONNX, with its own temperature "
        f"(T = {s['temperature']:.4f}) and `unsure` threshold ({s.get('min_confidence')}); `--no-fast` runs "
        "the model above in fp32. On the same held-out sentences:\n\n"
        + markdown_table(["split", "n", "macro-F1 [95% CI]", *LABELS, "accuracy", "ECE"], rows)
        + "\n\n"
    )


def _failures(metrics: dict) -> str:
    """Known failure modes: the most frequent confusions on the test split, with example keys."""
    rows = metrics.get("test_confusions")
    if not rows:
        return ""
    lines = [
        "## Known failure modes",
        "",
        "Most frequent mistakes on the test split (gold -> predicted), with the most confident examples as"
        " `doc_id#sentence index` (`claimtag evaluate` lists the worst errors with their text):",
        "",
    ]
    for c in rows:
        shown = ", ".join(f"`{e}`" for e in c["examples"])
        lines.append(f"- {c['gold']} -> {c['predicted']} ({c['count']}x), e.g. {shown}")
    return "\n".join(lines) + "\n\n"


def _held_out(config: Config, metrics: dict, kind: str) -> str:
    """Test then dev tables: the selected group's first (the headline), then every other group's."""
    group = config.data.select_on
    test = f" — {group} (the headline)" if group else ""
    dev = f" — {group} (selects the model and its temperature)" if group else ""
    parts = [f"Test split{test} (95% interval from resampling documents):\n\n{metrics_table(metrics, 'test', kind)}"]
    for split in sorted(s for s in metrics if s.startswith("test_") and s != "test_confusions"):
        parts.append(f"Test split — {split[5:]}:\n\n{metrics_table(metrics, split, kind)}")
    parts.append(f"Dev split{dev}:\n\n{metrics_table(metrics, 'dev', kind)}")
    return "\n\n".join(parts)


def render_card(config: Config, metrics: dict) -> str:
    """Markdown model card: intended use, labels, data, metrics, limits."""
    m = config.model
    sources = "\n".join(
        f"- `{s.path}`"
        + (f" (joined with `{s.source}`)" if s.source else "")
        + (f", weight {s.weight}" if s.weight != 1 else "")
        + (", training only" if s.train_only else "")
        + (f", group `{s.group}`" if config.data.select_on else "")
        for s in config.data.train
    )
    what = f"{m.kind}" + (
        f" on encoder `{m.encoder}`, context `{m.context}`, max {m.max_length} tokens"
        if m.kind == "transformer"
        else ""
    )
    return f"""# claimtag model

Labels every sentence of a news article as one of: {", ".join(f"`{lab}`" for lab in LABELS)}
(definitions: claimtag's docs/labels.md). Model: {what}.

## Intended use
Helping fact-checkers, newsroom researchers and media analysts see what an article
asserts, whom it quotes and which numbers it rests on. Every label is a suggestion to be
read, not a verdict on truth: a `claim` is a checkable assertion, not a false one.

## Training data
{sources}

Held out by document: dev {config.data.dev_size:.0%}, test {config.data.test_size:.0%}
(split seed {config.data.split_seed}; a corpus with a `split` column keeps its own split).
Sizes (sentences): {metrics.get("sizes")}. Training steps: {metrics.get("training", {}).get("global_step")}.

## Metrics
{_warnings(metrics)}{_held_out(config, metrics, m.kind)}

{_fast(metrics)}{_calibration(metrics)}{_attribution(metrics)}{_external(metrics)}{_failures(metrics)}## Limits
- Trained on English news prose; other languages, transcripts and social media posts
  will be labeled less reliably.
- The line between `claim` and `context` is where careful annotators disagree most.
- Speakers are read from the sentence, its quotation and the article before it, without a
  parser: a speaker named several sentences away, or a pronoun between two people of the
  same gender, may be resolved to the wrong person.
- Scores are the model's probabilities and may be over-confident on unfamiliar text.

Reproduce: `claimtag train --config config.yaml` with this folder's `config.yaml`.
"""


def update_metrics(model_dir: Path, **parts: dict) -> dict:
    """Set `parts` (top-level keys) in a trained folder's metrics.json and render its card again."""
    path = model_dir / "metrics.json"
    metrics = json.loads(path.read_text(encoding="utf-8")) | parts
    path.write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (model_dir / "README.md").write_text(render_card(load_config(model_dir / "config.yaml"), metrics), encoding="utf-8")
    return metrics
