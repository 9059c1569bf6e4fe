"""Fit and score who-said-it: the speaker weights of `inference.quotes`, and their evaluation.

Metrics (over gold quote sentences, with gold labels so they measure attribution alone):
- speaker accuracy: the predicted speaker names the gold one (case, a leading article, a list's
  last comma and an acronym in brackets after the name ignored: `General Motors` ~ `General
  Motors (GM)`, `A, B, and C` ~ `A, B and C`; a
  surname alone matches the full name, `Dunne` ~ `Aoife Dunne`); `null` is right only where
  the gold is unknown;
- strict: as speaker accuracy, but a word-suffix counts only where the words before it do not
  end with a preposition or `and` (`the package` is not `critics of the package`, `NISA` is
  not `officials of NISA`, `Ana Ruiz` is not `Tom Reed and Ana Ruiz`);
- exact form: the predicted speaker is the gold's own form (case, a leading article, a
  bracketed acronym after the name and the apostrophe's shape ignored), what a user reads
  word for word (the fullest name for a gold written shorter, `Harbourmaster Ann Lee` for
  `Lee`, is not exact);
- quote runs: pairwise precision/recall/F1 over pairs of quote sentences of one article
  (same run in gold vs predicted), and B-cubed F1.
The baseline gives each quote sentence the nearest proper name before its end, outside
quotation marks (the "nearest preceding proper noun" of the quote-extraction literature).

    python -m claimtag.training.attribution default

scores a trained folder's who-said-it again (its `speakers.json`, today's rules) on the test
split of its own training config, and writes the scores to its metrics.json and card.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasets import Dataset, DatasetDict

from claimtag.inference.entities import speaker_type
from claimtag.inference.mentions import CAPITAL_STOP, candidates
from claimtag.inference.quotes import Mention, SpeakerScorer, attribute
from claimtag.inference.resolution import resolve
from claimtag.inference.split import Sentence
from claimtag.model.labels import LABELS, QUOTE
from claimtag.model.quotation import mask_quoted
from claimtag.training.markdown import markdown_table
from claimtag.training.text import article_texts


@dataclass
class GoldArticle:
    """One article with its gold labels, quote runs and speakers."""

    doc_id: str
    text: str
    sentences: list[Sentence]
    labels: list[str]
    quote_ids: list[str | None]
    speakers: list[str | None]


def gold_articles(rows: list[dict]) -> list[GoldArticle]:
    """Corpus rows (with quote_id and speaker) grouped into articles with sentence offsets."""
    texts = article_texts(rows)
    out = []
    docs: dict[str, list[dict]] = {}
    for r in sorted(rows, key=lambda r: (r["doc_id"], r["index"])):
        docs.setdefault(r["doc_id"], []).append(r)
    for doc_id, group in docs.items():
        text, pos, sents = texts[doc_id], 0, []
        for r in group:
            a = text.index(r["text"], pos)
            pos = a + len(r["text"])
            sents.append(Sentence(r["index"], a, pos, r["text"], r["paragraph"], bool(r["in_quote"])))
        labels = [LABELS[r["label"]] if isinstance(r["label"], int) else r["label"] for r in group]
        runs = [r.get("quote_id") or None for r in group]
        out.append(GoldArticle(doc_id, text, sents, labels, runs, [r.get("speaker") or None for r in group]))
    return out


def _norm(name: str | None) -> str:
    name = _ACRONYM_AFTER.sub("", name or "")  # `General Motors (GM)` names what `General Motors` does
    name = name.replace(", and ", " and ")  # a list's last comma (`A, B, and C`) names no one else
    return re.sub(r"^(the|a|an)\s+", "", name.lower().replace("’", "'").strip())


# an acronym in brackets after the name it abbreviates: the annotators copy it with the name
# (`The Associated Press (AP)`), the tool gives the name; either names the same entity
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&]{0,9}\)(?=$|[\s,;])")


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker names the gold one (see the module docstring)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    p, g = _norm(pred), _norm(gold)
    return p == g or (bool(p) and g.endswith(" " + p)) or (bool(g) and p.endswith(" " + g))


def same_form(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker is written as the gold one (`same_speaker` without its suffix rule)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return _norm(pred) == _norm(gold)


_JOINING = frozenset(
    ["of", "for", "in", "at", "from", "on", "to", "with", "by", "and", "&", "about", "between", "among"]
)


def same_entity(pred: str | None, gold: str | None) -> bool:
    """`same_speaker`, but a suffix counts only where the longer name's extra words do not end with
    a preposition or `and` (there the shorter one names another entity: `officials of NISA`)."""
    if not same_speaker(pred, gold) or same_form(pred, gold):
        return same_speaker(pred, gold)
    p, g = _norm(pred), _norm(gold)
    short, long = (p, g) if len(p) < len(g) else (g, p)
    extra = [w for w in long[: -len(short)].split() if w not in ("the", "a", "an")]
    return not extra or extra[-1] not in _JOINING


def fit_attribution(data: DatasetDict, min_quotes: int = 20) -> tuple[SpeakerScorer | None, dict]:
    """Speaker weights fitted on the training split's quote speakers, and their test-split scores
    ((None, {}) when the corpus records fewer than `min_quotes` speakers)."""
    train = gold_articles(attributed_rows(data["train"]))
    if sum(s is not None for a in train for s in a.speakers) < min_quotes:
        return None, {}
    scorer = fit_scorer(train)
    return scorer, evaluate_attribution(gold_articles(attributed_rows(data["test"])), scorer) if "test" in data else {}


def attributed_rows(ds: Dataset) -> list[dict]:
    """The rows of the articles that record a speaker for some quote."""
    if "speaker" not in ds.column_names:
        return []
    rows = ds.to_list()
    docs = {r["doc_id"] for r in rows if r.get("speaker")}
    return [r for r in rows if r["doc_id"] in docs]


def fit_scorer(articles: list[GoldArticle], c: float = 1.0, rich: bool = False) -> SpeakerScorer:
    """Logistic-regression weights over candidate features, fitted on gold quote sentences
    (`rich`: with the entity features too, `inference.quotes.entity_features`)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, ys = candidate_examples(articles, rich)
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, np.array(ys))
    pairs = zip(vec.feature_names_, lr.coef_[0], strict=True)
    weights = {name: round(float(w), 4) for name, w in pairs if abs(w) >= 1e-3}
    weights["bias"] = round(float(lr.intercept_[0]), 4)
    return SpeakerScorer(weights)


def candidate_examples(articles: list[GoldArticle], rich: bool = False) -> tuple[list[dict], list[int]]:
    """The features of every candidate of every gold quote sentence, and whether it names the speaker."""
    feats, ys = [], []
    for art in articles:
        for i, cands in _quote_candidates(art, rich):
            ys.extend(_positives(art, i, cands))
            feats.extend(f for _, f in cands)
    return feats, ys


def _quote_candidates(art: GoldArticle, rich: bool = False):
    for i, (s, lab) in enumerate(zip(art.sentences, art.labels, strict=True)):
        if lab == QUOTE and art.speakers[i]:
            yield i, candidates(s, art.text if rich else None)


def _positives(art: GoldArticle, i: int, cands: list[tuple[Mention, dict]]) -> list[int]:
    """Which candidates name the gold speaker, directly or once resolved with the gold context."""
    previous = _earlier_gold_speakers(art, i)
    gold = art.speakers[i]
    direct = [same_speaker(m.text, gold) for m, _ in cands]
    if any(direct):
        return [int(d) for d in direct]
    return [int(m.kind != "name" and same_speaker(resolve(art.text, m, previous).text, gold)) for m, _ in cands]


def _earlier_gold_speakers(art: GoldArticle, i: int) -> list[Mention]:
    """The gold speakers of the runs before sentence i, as mentions, in order."""
    out: list[Mention] = []
    for j in range(i):
        name = art.speakers[j]
        other_run = art.quote_ids[j] != art.quote_ids[i]
        if art.labels[j] == QUOTE and name and other_run and (not out or out[-1].text != name):
            at = max(art.text.find(name), 0)
            out.append(Mention(at, at + len(name), name, "name"))
    return out


def nearest_proper_noun(art: GoldArticle) -> list[str | None]:
    """Baseline: for each quote sentence, the last capitalised name before its end, outside quotations."""
    masked = mask_quoted(art.text)
    names = [
        (m.end(), m.group())
        for m in re.finditer(r"\b[A-Z][\w'’\-]+(?: +[A-Z][\w'’\-]+)*", masked)
        if m.group().split()[0].lower() not in CAPITAL_STOP
    ]
    out = []
    for s, lab in zip(art.sentences, art.labels, strict=True):
        before = [n for end, n in names if end <= s.end]
        out.append(before[-1] if lab == QUOTE and before else None)
    return out


def evaluate_attribution(
    articles: list[GoldArticle], scorer: SpeakerScorer | None = None, labels: dict[str, list[str]] | None = None
) -> dict:
    """Speaker accuracy and quote-run pairwise/B-cubed F1 of `attribute`, and the baseline's accuracy;
    accuracy split by the gold speaker's type (`none`: the article names no speaker).
    `labels`: predicted labels per doc_id (end to end) instead of the gold ones; a gold quote
    sentence then counts as right only when it is predicted `quote` with the right speaker, and a
    gold quote sentence predicted otherwise is a run of its own."""
    hits = strict = exact = base = base_strict = base_exact = total = 0
    by_type: dict[str, list[int]] = {}
    gold_runs, pred_runs = [], []
    for art in articles:
        given = labels[art.doc_id] if labels else art.labels
        predicted = attribute(art.text, art.sentences, given, scorer)
        baseline = nearest_proper_noun(art)
        for i, lab in enumerate(art.labels):
            if lab != QUOTE:
                continue
            total += 1
            right = given[i] == QUOTE and same_speaker(predicted[i].speaker, art.speakers[i])
            hits += right
            strict += given[i] == QUOTE and same_entity(predicted[i].speaker, art.speakers[i])
            exact += given[i] == QUOTE and same_form(predicted[i].speaker, art.speakers[i])
            kind = by_type.setdefault(speaker_type(art.text, art.speakers[i]) or "none", [0, 0])
            kind[0], kind[1] = kind[0] + right, kind[1] + 1
            base += same_speaker(baseline[i], art.speakers[i])
            base_strict += same_entity(baseline[i], art.speakers[i])
            base_exact += same_form(baseline[i], art.speakers[i])
            gold_runs.append((art.doc_id, art.quote_ids[i]))
            pred_runs.append((art.doc_id, predicted[i].quote_id or f"not-quote-{i}"))
    return {
        "quote_sentences": total,
        "speaker_accuracy": round(hits / max(total, 1), 4),
        "speaker_strict_accuracy": round(strict / max(total, 1), 4),
        "speaker_exact_accuracy": round(exact / max(total, 1), 4),
        "baseline_speaker_accuracy": round(base / max(total, 1), 4),
        "baseline_speaker_strict_accuracy": round(base_strict / max(total, 1), 4),
        "baseline_speaker_exact_accuracy": round(base_exact / max(total, 1), 4),
        **run_scores(gold_runs, pred_runs),
        "by_speaker_type": {
            k: {"quote_sentences": n, "speaker_accuracy": round(h / n, 4)} for k, (h, n) in by_type.items()
        },
    }


def run_scores(gold: list, pred: list) -> dict:
    """Pairwise P/R/F1 and B-cubed F1 of a clustering of the same items (ids are per item)."""
    tp = fp = fn = 0
    for (g1, p1), (g2, p2) in itertools.combinations(zip(gold, pred, strict=True), 2):
        if g1[0] != g2[0]:
            continue
        tp += g1 == g2 and p1 == p2
        fp += g1 != g2 and p1 == p2
        fn += g1 == g2 and p1 != p2
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    both, n_pred, n_gold = Counter(zip(pred, gold, strict=True)), Counter(pred), Counter(gold)
    bp = np.mean([both[p_, g_] / n_pred[p_] for p_, g_ in zip(pred, gold, strict=True)]) if gold else 0.0
    br = np.mean([both[p_, g_] / n_gold[g_] for p_, g_ in zip(pred, gold, strict=True)]) if gold else 0.0
    return {
        "run_pairwise_precision": round(p, 4),
        "run_pairwise_recall": round(r, 4),
        "run_pairwise_f1": round(2 * p * r / max(p + r, 1e-9), 4),
        "run_bcubed_f1": round(float(2 * bp * br / max(bp + br, 1e-9)), 4),
    }


_ATTRIBUTION_COLUMNS = (
    "speaker_accuracy",
    "speaker_strict_accuracy",
    "speaker_exact_accuracy",
    "run_pairwise_precision",
    "run_pairwise_recall",
    "run_pairwise_f1",
    "run_bcubed_f1",
)


def attribution_table(scores: dict, end_to_end: dict | None = None) -> str:
    """Markdown: speaker accuracy and quote-run scores next to the nearest-proper-noun baseline
    (with `end_to_end`, also the scores with the model's own labels)."""

    def cells(found: dict) -> list[str]:
        return [f"{found[k]:.3f}" if k in found else "" for k in _ATTRIBUTION_COLUMNS]  # older metrics lack exact

    rows = [["claimtag, gold labels", *cells(scores)]]
    if end_to_end:
        rows.append(["claimtag, the model's labels (end to end)", *cells(end_to_end)])
    baseline = {k[len("baseline_") :]: v for k, v in scores.items() if k.startswith("baseline_")}
    rows.append(["baseline: nearest preceding proper noun", *cells(baseline)[:3], *[""] * 4])
    return "\n".join(
        [
            f"Who said it, over {scores['quote_sentences']} gold quote sentences (gold labels score attribution "
            "alone; end to end, a sentence counts only when the model also labels it a quote):",
            "",
            markdown_table(
                ["method", "speaker accuracy", "strict", "exact form"]
                + ["run pairwise P", "run pairwise R", "run pairwise F1", "run B-cubed F1"],
                rows,
            ),
            "",
            "Speaker accuracy by the gold speaker's type: "
            + " · ".join(
                f"{kind} {v['speaker_accuracy']:.3f} ({v['quote_sentences']})"
                for kind, v in sorted(scores.get("by_speaker_type", {}).items(), key=lambda x: -x[1]["quote_sentences"])
            ),
        ]
    )


def attribution_of(rows: list[dict], scorer: SpeakerScorer, predicted: list[str] | None = None) -> dict:
    """Attribution scores over the articles of `rows` that record speakers ({} when none do);
    `predicted`: a label per row, to score end to end (`evaluate_attribution`'s `labels`)."""
    if predicted is not None:
        rows = [r | {"predicted": p} for r, p in zip(rows, predicted, strict=True)]
    kept = attributed_rows(Dataset.from_list(rows)) if rows else []
    articles = gold_articles(kept)
    if not articles:
        return {}
    labels = None
    if predicted is not None:
        ordered = sorted(kept, key=lambda r: (r["doc_id"], r["index"]))  # the order of gold_articles
        labels = {}
        for r in ordered:
            labels.setdefault(r["doc_id"], []).append(r["predicted"])
    return evaluate_attribution(articles, scorer, labels)


def rescore_folder(model_dir: Path) -> dict:
    """Who-said-it of a trained folder on its config's test split, stored in metrics.json and the card."""
    from claimtag.training.card import update_metrics
    from claimtag.training.config import load_config
    from claimtag.training.train import load_training_data  # train imports this module

    data = load_training_data(load_config(model_dir / "config.yaml").data, warnings=False)
    scorer = SpeakerScorer.load(model_dir / "speakers.json")
    return update_metrics(model_dir, attribution=attribution_of(data["test"].to_list(), scorer))["attribution"]


if __name__ == "__main__":
    import argparse
    import sys

    from claimtag.model.errors import ClaimtagError
    from claimtag.model.folder import resolve_model_path

    parser = argparse.ArgumentParser(prog="python -m claimtag.training.attribution", description=__doc__.split("\n")[0])
    parser.add_argument("model", help="a trained model folder (or `default`) with speakers.json")
    args = parser.parse_args()
    try:
        print(attribution_table(rescore_folder(resolve_model_path(args.model))))
    except ClaimtagError as err:
        sys.exit(f"claimtag: {err}")
