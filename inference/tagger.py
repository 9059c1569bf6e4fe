"""Tag articles sentence by sentence: `Tagger.from_pretrained(...).tag(article)`."""

from __future__ import annotations

import copy
import gc
import itertools
import signal
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from claimtag.inference.quantities import Quantity, extract_quantities
from claimtag.inference.quotes import Attribution, SpeakerScorer, attribute
from claimtag.inference.split import split_article
from claimtag.model.folder import resolve_model_path
from claimtag.model.labels import LABELS, QUOTE, STATISTIC
from claimtag.model.protocol import SentenceModel, SentenceRecord

# An article longer than this many characters (about 30 long news articles) is tagged in pieces
# of about this size, cut at paragraph breaks: memory and the per-article work stay bounded.
PIECE_CHARS = 200_000
STAGES = ("split", "network", "quantities", "speakers")  # what `Tagger.seconds` times


@dataclass(frozen=True)
class TaggedSentence:
    """One sentence of an article with its label; `article[start:end] == text`."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    in_quote: bool
    label: str
    score: float  # probability of `label`
    probs: dict[str, float]  # probability of every label
    truncated: bool = False  # longer than the model reads: only its start was scored
    unsure: bool = False  # score below the tagger's min_confidence: worth a human look (label kept)
    quantities: tuple[Quantity, ...] = ()  # numbers of a statistic sentence, offsets into the article
    quote_id: str | None = None  # quote sentences of one quotation share it (`q1`, `q2`, ...)
    speaker: str | None = None  # who says it, as the article names them; None where it does not say
    speaker_span: tuple[int, int] | None = None  # article offsets of the mention that names the speaker
    speaker_type: str | None = None  # person, organisation, document or unknown (inference/entities.py)

    def to_dict(self) -> dict:
        """JSON-ready dict (the fields in order; quantities as dicts)."""
        # what dataclasses.asdict gives, without its deep copy of every value (2% of tagging time)
        return {
            **self.__dict__,
            "probs": dict(self.probs),
            "quantities": tuple(q.to_dict() for q in self.quantities),
        }


class Tagger:
    """Splits articles and labels every sentence with a claimtag model.

    Example:
        >>> tagger = Tagger.from_pretrained()  # the shipped default, int8 ONNX  # doctest: +SKIP
        >>> [(s.label, s.text) for s in tagger.tag("Rates rose 2%. Markets fell.")]  # doctest: +SKIP
    """

    def __init__(
        self,
        model: SentenceModel,
        *,
        name: str,
        batch_size: int | None = None,
        min_confidence: float = 0.0,
        quantities: str = "statistic",
        speakers: SpeakerScorer | None = None,
    ) -> None:
        self.model = model
        self.speakers = speakers or SpeakerScorer()  # weights that pick the mention naming a speaker
        self.name = name
        self.batch_size = batch_size or getattr(model, "batch_size", 64)  # each backend's fastest by default
        self.min_confidence = min_confidence
        self.quantities = quantities  # which sentences list their numbers: statistic, all or none
        self.piece_chars = PIECE_CHARS
        self.seconds: Counter[str] = Counter()  # time spent in each of STAGES so far (for `claimtag bench`)
        self._helper: tuple[ProcessPoolExecutor, Future] | None = None  # `share_speakers`: the pool, and its start

    @classmethod
    def from_pretrained(
        cls,
        path_or_name: str | Path = "default",
        *,
        batch_size: int | None = None,
        fast: bool = True,
        min_confidence: float | None = None,
        quantities: str = "statistic",
    ) -> Tagger:
        """Load a model folder, or "default" for the model shipped with claimtag.

        `fast=True` (the default, as on the command line) runs the model as int8 ONNX with ONNX
        Runtime, without torch (the shipped default carries its int8 file; other folders are
        exported once and cached); `fast=False` runs the fp32 torch model. Sentences scored
        below `min_confidence` (default: the model's `evaluation.min_confidence`) are flagged
        `unsure` (their label is kept).
        """
        from claimtag.model.folder import ModelMeta, load_model

        path = resolve_model_path(path_or_name)
        meta = ModelMeta.read(path)
        if fast and meta.kind == "transformer":
            from claimtag.inference.onnx import OnnxModel

            model = OnnxModel.load(path, meta)
        else:
            model = load_model(path)
        if min_confidence is None:  # the model's own threshold (a shipped student may have its own)
            min_confidence = getattr(model, "min_confidence", meta.min_confidence)
        return cls(
            model,
            name=str(path_or_name),
            batch_size=batch_size,
            min_confidence=min_confidence,
            quantities=quantities,
            speakers=SpeakerScorer(meta.speaker_weights()),
        )

    def with_options(self, *, min_confidence: float | None = None, quantities: str | None = None) -> Tagger:
        """A tagger sharing this one's model with other options (None keeps this one's); no weights are copied."""
        other = copy.copy(self)
        if min_confidence is not None:
            other.min_confidence = min_confidence
        if quantities is not None:
            other.quantities = quantities
        return other

    def share_speakers(self, *, wait: bool = False) -> None:
        """Run who-said-it for about half of each batch's articles in a second process beside this one:
        it reads each article alone, and the cores that run the network idle while it runs (about a
        sixth of the time). For a process that tags many articles on two cores or more: `claimtag
        tag` starts it from a long run's fourth chunk (`stream.SHARE_AFTER`), and `claimtag bench`
        before its timed runs. Until the process is up (a few tenths of a second; `wait` waits),
        batches are read here alone. `close` stops it; taggers made by `with_options` share it."""
        if self._helper is None:
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # no forked runtime state
            pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_ignore_interrupt)
            self._helper = (pool, pool.submit(_attributed, [], self.speakers))  # up once its modules are read
        if wait:
            self._helper[1].exception()

    def close(self) -> None:
        """Stop the process of `share_speakers`, if one runs."""
        if self._helper is not None:
            self._helper[0].shutdown(cancel_futures=True)
            self._helper = None

    def tag(self, article: str) -> list[TaggedSentence]:
        """Label every sentence of one article."""
        return self.tag_many([article])[0]

    def tag_many(self, articles: Iterable[str], chunk: int = 4096) -> list[list[TaggedSentence]]:
        """Label many articles, batching sentences across them (memory bounded by `chunk`).
        An article longer than `piece_chars` is tagged piece by piece (see `tag_pieces`)."""
        articles = list(articles)
        short = iter(self._tag_articles([a for a in articles if len(a) <= self.piece_chars], chunk))
        return [
            next(short) if len(a) <= self.piece_chars else [s for part in self.tag_pieces(a) for s in part]
            for a in articles
        ]

    def tag_pieces(self, article: str) -> Iterator[list[TaggedSentence]]:
        """The sentences of an article, tagged a paragraph-sized piece at a time (offsets, indices,
        paragraphs and quote ids count over the whole article), so that a huge article streams
        in bounded memory. A piece is read alone: a quotation is not followed across pieces."""
        spans = pieces(article, self.piece_chars)
        return placed(spans, (self._tag_articles([article[start:end]], 4096)[0] for start, end in spans))

    def _tag_articles(self, articles: list[str], chunk: int) -> list[list[TaggedSentence]]:
        clock = time.perf_counter()
        splits = [split_article(a) for a in articles]
        records = [s.to_record(str(d)) for d, sents in enumerate(splits) for s in sents]
        clock = self._lap("split", clock)
        probs = self._scores(records, chunk)
        best = probs.argmax(axis=1).tolist()  # each sentence's label, as an index of LABELS
        flags = self._truncated(records)
        clock = self._lap("network", clock)
        bounds = list(itertools.accumulate((len(sents) for sents in splits), initial=0))
        labels = [[LABELS[k] for k in best[lo:hi]] for lo, hi in itertools.pairwise(bounds)]
        attributions = self._attributions(list(zip(articles, splits, labels, strict=True)))
        clock = self._lap("speakers", clock)
        out = []
        for sents, who, (lo, hi) in zip(splits, attributions, itertools.pairwise(bounds), strict=True):
            # each record made once, with its attribution (a copy per quote sentence cost 1% of tagging)
            rows = zip(sents, probs[lo:hi], best[lo:hi], flags[lo:hi], who, strict=True)
            out.append([self._tagged(*row) for row in rows])
        self._lap("quantities", clock)
        return out

    def _attributions(self, items: list[tuple[str, list, list[str]]]) -> list[list[Attribution]]:
        """Each (article, sentences, labels)'s attributions: the later articles, about half the work, in
        the process of `share_speakers` where it is up, the rest here meanwhile."""
        helper = self._helper
        if helper is None or len(items) < 2 or not helper[1].done() or helper[1].exception() is not None:
            return _attributed(items, self.speakers)
        cut = _halfway([labels.count(QUOTE) + 2 for _, _, labels in items])  # the quote sentences are the work
        try:
            there = helper[0].submit(_attributed, items[cut:], self.speakers)
            here = _attributed(items[:cut], self.speakers)
            return here + there.result()
        except (BrokenProcessPool, RuntimeError):  # killed (out of memory, ...) or closed: read them all here
            self._helper = None
            helper[0].shutdown(wait=False)
            return _attributed(items, self.speakers)

    def _lap(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - since
        return now

    def _scores(self, records: Sequence[SentenceRecord], chunk: int) -> np.ndarray:
        if not records:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        parts = [
            self.model.predict_proba(list(records[lo:hi]), batch_size=self.batch_size)
            for lo, hi in _chunks(records, chunk)
        ]
        return np.concatenate(parts)

    def _truncated(self, records: Sequence[SentenceRecord]) -> list[bool]:
        check = getattr(self.model, "truncated", None)
        return check(list(records)) if check else [False] * len(records)

    def _tagged(self, s, probs: np.ndarray, best: int, truncated: bool, who: Attribution) -> TaggedSentence:
        label = LABELS[best]
        numbers = ()
        if self.quantities == "all" or (self.quantities == "statistic" and label == STATISTIC):
            numbers = tuple(q.shifted(s.start) for q in extract_quantities(s.text))
        return _record(s, probs, best, truncated, probs[best] < self.min_confidence, numbers, who)


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, as for the CLI's workers


def _attributed(items: list[tuple[str, list, list[str]]], scorer: SpeakerScorer) -> list[list[Attribution]]:
    return [attribute(article, sentences, labels, scorer) for article, sentences, labels in items]


def _halfway(costs: list[int]) -> int:
    """The cut 0 < k < len(costs) (two costs or more) whose sides' sums are nearest equal."""
    total, before = sum(costs), list(itertools.accumulate(costs[:-1]))
    return 1 + min(range(len(before)), key=lambda k: abs(total - 2 * before[k]))


def keep_loaded() -> None:
    """Tell the garbage collector that what this process holds now (a loaded model, its tokenizer
    and runtime: some 30,000 objects) stays for the life of the process (`gc.freeze`): tagging
    allocates enough for a full collection every hundred articles or so, and each one walked them
    all again, a twentieth of who-said-it's time (docs/performance.md). For the processes that
    load one model and tag with it (the CLI and its workers, the service, the benchmarks); not
    part of `Tagger.from_pretrained`, whose caller may hold garbage of its own to collect."""
    gc.freeze()


def pieces(article: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """[start, end) ranges of about `size` characters that cover the article, each ending at a
    paragraph break (a blank line), else at a line break, else at a space, else anywhere."""
    out, start = [], 0
    while len(article) - start > size:
        cut = -1
        for mark in ("\n\n", "\n", " "):
            cut = article.rfind(mark, start + size // 2, start + size)
            if cut != -1:
                cut += len(mark)
                break
        cut = cut if cut != -1 else start + size
        out.append((start, cut))
        start = cut
    out.append((start, len(article)))
    return out


def placed(spans: list[tuple[int, int]], tagged: Iterable[list[TaggedSentence]]) -> Iterator[list[TaggedSentence]]:
    """The sentences of each piece of an article (`spans`, from `pieces`; `tagged`: each piece tagged
    alone, in order) placed in the whole article: offsets, indices, paragraphs and quote ids count
    over it. `claimtag tag --workers` tags the pieces in its worker processes and places them here."""
    sentences = paragraphs = quotes = 0
    for (start, _), piece in zip(spans, tagged, strict=True):
        yield [_shifted(t, start, sentences, paragraphs, quotes) for t in piece]
        sentences += len(piece)
        paragraphs += piece[-1].paragraph + 1 if piece else 0
        quotes += len({t.quote_id for t in piece if t.quote_id})


def _shifted(t: TaggedSentence, offset: int, sentences: int, paragraphs: int, quotes: int) -> TaggedSentence:
    """A sentence tagged in a piece, placed in the whole article."""
    return replace(
        t,
        index=t.index + sentences,
        start=t.start + offset,
        end=t.end + offset,
        paragraph=t.paragraph + paragraphs,
        quantities=tuple(q.shifted(offset) for q in t.quantities),
        quote_id=f"q{int(t.quote_id[1:]) + quotes}" if t.quote_id else None,
        speaker_span=(t.speaker_span[0] + offset, t.speaker_span[1] + offset) if t.speaker_span else None,
    )


def _chunks(records: Sequence[SentenceRecord], size: int) -> list[tuple[int, int]]:
    """Ranges of about `size` records that end at article boundaries (so neighbours stay
    together), except inside an article longer than `size` itself."""
    ranges, lo = [], 0
    for hi in range(1, len(records) + 1):
        at_boundary = hi == len(records) or records[hi]["doc_id"] != records[hi - 1]["doc_id"]
        if (at_boundary and hi - lo >= size) or hi - lo >= 4 * size or hi == len(records):
            ranges.append((lo, hi))
            lo = hi
    return ranges


def _record(
    s, probs: np.ndarray, best: int, truncated: bool, unsure: bool, numbers: tuple[Quantity, ...], who: Attribution
) -> TaggedSentence:
    return TaggedSentence(
        index=s.index,
        start=s.start,
        end=s.end,
        text=s.text,
        paragraph=s.paragraph,
        in_quote=s.in_quote,
        label=LABELS[best],
        score=round(float(probs[best]), 4),
        probs={lab: round(float(p), 4) for lab, p in zip(LABELS, probs, strict=True)},
        truncated=truncated,
        unsure=bool(unsure),
        quantities=numbers,
        quote_id=who.quote_id,
        speaker=who.speaker,
        speaker_span=who.speaker_span,
        speaker_type=who.speaker_type,
    )
