"""claimtag's default inference path (the CLI's `--fast`, the Python API's `fast=True`): the
model as int8 ONNX, run by ONNX Runtime without importing torch.

A model folder may ship its int8 file (`model-int8.onnx`, with `onnx.json` naming the weights
it was built from); the shipped default does, so tagging on a fresh machine needs neither
torch nor an export:

    python -m claimtag.inference.onnx MODEL_DIR     # write MODEL_DIR/model-int8.onnx

The shipped file may also be a smaller network distilled from the folder's own (the default's
is its 3-layer student: docs/performance.md); `onnx.json` then records what the student is and
the settings it differs in (its temperature and `unsure` threshold), and `--no-fast` runs the
folder's own network in fp32:

    python -m claimtag.inference.onnx MODEL_DIR --student STUDENT_DIR

For a folder without one, the first run exports the model folder's network (encoder + pooling + features +
head, LoRA merged) to ONNX, quantizes its weights to signed int8 per channel (unsigned
weights ran at half the speed on this CPU: ../shared/design-notes.md) and caches the file
under `$CLAIMTAG_CACHE` (default ~/.cache/claimtag), keyed by the folder's weights. Every
later run loads the cached file with onnxruntime and the `tokenizers` library only, so it
starts in well under a second instead of the ~3.5 s that importing torch costs.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from claimtag.model.calibration import softmax
from claimtag.model.doc_context import WEIGHTS_FILE as DOC_CONTEXT_WEIGHTS
from claimtag.model.doc_context import doc_context_logits
from claimtag.model.doc_context import load_weights as load_doc_context
from claimtag.model.errors import ClaimtagError
from claimtag.model.features import article_spans, continue_quotations, neighbours, sentence_features
from claimtag.model.folder import ModelMeta
from claimtag.model.labels import LABELS

INPUTS = ("input_ids", "attention_mask", "token_type_ids", "features")
OUTPUTS = ("logits", "pooled")  # pooled sentence vectors feed the document contextualiser
# What one more ONNX Runtime run costs, in padded tokens: the fastest of 8, 16, 32 and 64 on the
# real-news dev split (1.5x one batch per article; docs/performance.md, "Batches within an article").
RUN_OVERHEAD = 16


def cache_dir() -> Path:
    """Where exported models are kept."""
    return Path(os.environ.get("CLAIMTAG_CACHE", "~/.cache/claimtag")).expanduser()


SHIPPED_ONNX = "model-int8.onnx"  # an int8 file inside the model folder itself
# {"weights": digest of the weights the shipped file was built from, "student": what differs if
# the file is a distilled student}
ONNX_META = "onnx.json"
# A student may differ from its teacher in these only; everything that shapes its inputs is checked equal.
STUDENT_SETTINGS = ("temperature", "min_confidence", "num_layers", "finetune")
SAME_INPUTS = ("labels", "features", "max_length", "context", "encoder")


def weights_digest(model_dir: Path) -> str:
    """A hash of what the ONNX graph is built from: the folder's meta and weights."""
    digest = hashlib.sha1()
    for name in ("claimtag.json", "model.safetensors"):
        try:
            digest.update((model_dir / name).read_bytes())
        except OSError as err:
            raise ClaimtagError(f"{model_dir}: corrupt model folder ({name}: {err.strerror})") from None
    return digest.hexdigest()[:16]


def onnx_file(model_dir: Path) -> Path:
    """The cached int8 ONNX file of a model folder (named by a hash of its weights and meta)."""
    return cache_dir() / weights_digest(model_dir) / SHIPPED_ONNX


def _shipped_meta(model_dir: Path) -> dict | None:
    """The folder's onnx.json, if its int8 file was built from the folder's current weights."""
    path, meta = model_dir / SHIPPED_ONNX, model_dir / ONNX_META
    if not (path.is_file() and meta.is_file()):
        return None
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return info if isinstance(info, dict) and info.get("weights") == weights_digest(model_dir) else None


def shipped_onnx(model_dir: Path) -> Path | None:
    """The folder's own int8 file, if it has one built from its current weights."""
    return model_dir / SHIPPED_ONNX if _shipped_meta(model_dir) is not None else None


def fast_settings(model_dir: Path, meta: ModelMeta, path: Path) -> dict:
    """The settings the int8 file at `path` runs with: the folder's, with a shipped student's own on top."""
    shipped = _shipped_meta(model_dir) if path == model_dir / SHIPPED_ONNX else None
    student = (shipped or {}).get("student") or {}
    return {**meta.settings, **{k: student[k] for k in STUDENT_SETTINGS if k in student}}


def export_into_folder(model_dir: Path, student: Path | None = None) -> Path:
    """Build the int8 file into the model folder, so that it ships with it (needs torch, once).

    With `student` (a model folder distilled from this one, e.g. `training.teacher=default
    model.num_layers=3`), the shipped file is the student's int8 network instead: the fast path
    runs the student with its own temperature and threshold, `--no-fast` this folder's network.
    """
    info: dict = {"weights": weights_digest(model_dir)}
    if student is None:
        path = export(model_dir, model_dir / SHIPPED_ONNX)
    else:
        from claimtag.model.folder import model_version

        teacher, pupil = ModelMeta.read(model_dir).settings, ModelMeta.read(student).settings
        differ = [k for k in SAME_INPUTS if teacher.get(k) != pupil.get(k)]
        if pupil.get("doc_context") or pupil.get("kind") != "transformer":
            differ.append("kind/doc_context")
        if (model_dir / "tokenizer.json").read_bytes() != (student / "tokenizer.json").read_bytes():
            differ.append("tokenizer")
        if differ:
            raise ClaimtagError(f"{student}: not a student of {model_dir} (differs in {', '.join(differ)})")
        path = model_dir / SHIPPED_ONNX
        export(student, path)
        info["student"] = {k: pupil[k] for k in STUDENT_SETTINGS if k in pupil} | {
            "model_version": model_version(student),
            **_feed_forward(student),
        }
    (model_dir / ONNX_META).write_text(json.dumps(info) + "\n", encoding="utf-8")
    return path


def _feed_forward(model_dir: Path) -> dict:
    """The width of the encoder's feed-forward block, for the card (`training.shrink --ffn` narrows it)."""
    config = model_dir / "encoder" / "config.json"
    if not config.is_file():
        return {}
    width = json.loads(config.read_text(encoding="utf-8")).get("intermediate_size")
    return {"feed_forward": width} if width else {}


def export(model_dir: Path, out: Path) -> Path:
    """Export a transformer model folder to int8 ONNX at `out` (needs torch, once)."""
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from claimtag.model.folder import load_model

    tagger = load_model(model_dir)
    network = tagger.network.eval().requires_grad_(False)
    if hasattr(network.encoder, "set_attn_implementation"):
        network.encoder.set_attn_implementation("eager")  # traces the padding mask as plain tensor ops

    class Logits(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.network = network  # a submodule, so its weights export as initializers (quantizable)

        def forward(self, input_ids, attention_mask, token_type_ids, features):
            batch = {"input_ids": input_ids, "attention_mask": attention_mask, "token_type_ids": token_type_ids}
            out = self.network(**batch, features=features)
            return out["logits"], out["pooled"]

    # two lengths, so the traced graph keeps the padding mask
    records = [{"text": "A sentence.", "index": 0}, {"text": "A longer sentence than the first one.", "index": 1}]
    enc = tagger.encode(records)
    dummy = tagger.collate([{k: v[i] for k, v in enc.items()} for i in range(len(records))])
    dummy.setdefault("token_type_ids", torch.zeros_like(dummy["input_ids"]))
    dynamic = {k: {0: "batch", 1: "tokens"} for k in INPUTS[:3]} | {k: {0: "batch"} for k in ("features", *OUTPUTS)}
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        fp32 = Path(tmp) / "model.onnx"
        args = tuple(dummy[k] for k in INPUTS)
        with torch.no_grad():
            torch.onnx.export(
                Logits(), args, str(fp32), input_names=list(INPUTS), output_names=list(OUTPUTS),
                dynamic_axes=dynamic, opset_version=17, dynamo=False,
            )  # fmt: skip
        partial = Path(tmp) / out.name
        quantize_dynamic(str(fp32), str(partial), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(partial, out)  # atomic: a killed export leaves no half-written file
    return out


class OnnxModel:
    """Scores sentence records with the int8 ONNX model; the same API as the torch tagger."""

    kind = "transformer"
    batch_size = 32  # at most; fastest here: 1,273 sent/s vs 1,219 at 64 and 1,176 at 16 (model alone, 2 cores)
    run_overhead = RUN_OVERHEAD  # where batches are cut (`padded_cuts`)

    def __init__(self, path: Path, model_dir: Path, meta: ModelMeta, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        # One thread per run and as many runs at once as threads (a session runs from several threads at
        # once): on 2 cores two single-threaded runs beat one run on two threads by a third
        # (docs/performance.md, "Concurrent runs"); the outputs are the same, batch for batch.
        self.runs = threads or int(os.environ.get("CLAIMTAG_THREADS", 0)) or os.cpu_count() or 1
        self._pool = ThreadPoolExecutor(self.runs, thread_name_prefix="claimtag-onnx") if self.runs > 1 else None
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        settings = fast_settings(model_dir, meta, path)
        self.min_confidence = float(settings.get("min_confidence", meta.min_confidence))
        self.max_length = int(settings["max_length"])
        self.tokenizer.enable_truncation(self.max_length, strategy="longest_first")
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        self.context = settings["context"]
        self.temperature = float(settings.get("temperature", 1.0))
        self.doc_context = load_doc_context(model_dir / DOC_CONTEXT_WEIGHTS) if settings.get("doc_context") else None
        if self.doc_context is not None and "pooled" not in {o.name for o in self.session.get_outputs()}:
            raise ClaimtagError(f"{path}: built before document context; delete it (or CLAIMTAG_CACHE) to rebuild")

    @classmethod
    def load(cls, model_dir: Path, meta: ModelMeta) -> OnnxModel:
        """The cached int8 model of a folder, exported first if there is none yet."""
        return cls(ensure_exported(model_dir), model_dir, meta)

    def _encode(self, records: list[dict]) -> list:
        texts = [r["text"] for r in records]
        if self.context == "pair":
            return self.tokenizer.encode_batch(list(zip(texts, neighbours(records), strict=True)))
        return self.tokenizer.encode_batch(texts)

    def logits(self, records: list[dict], batch_size: int | None = None) -> np.ndarray:
        """Raw scores [n, 4]; batches are length-sorted and padded to their longest member."""
        batch_size = batch_size or self.batch_size
        out = np.zeros((len(records), len(LABELS)), dtype=np.float32)
        if not records:
            return out
        wanted = list(OUTPUTS) if self.doc_context is not None else ["logits"]
        pooled: np.ndarray | None = None
        encodings = self._encode(records)
        features = sentence_features(records).astype(np.float32)
        batches = _article_batches(records, [len(e.ids) for e in encodings], batch_size, self.run_overhead)
        feeds = (self._feed(encodings, features[idx], idx) for idx in batches)
        for idx, results in zip(batches, self._run(wanted, feeds), strict=True):
            out[idx] = results[0]
            if self.doc_context is not None:
                pooled = np.zeros((len(records), results[1].shape[1]), np.float32) if pooled is None else pooled
                pooled[idx] = results[1]
        if self.doc_context is not None:
            docs = [str(r.get("doc_id")) for r in records]
            return doc_context_logits(self.doc_context, pooled, features, out, docs)
        return out

    def _feed(self, encodings: list, features: np.ndarray, idx: np.ndarray) -> dict[str, np.ndarray]:
        """The session's inputs for the sentences `idx`, padded to the longest of them."""
        width = max(len(encodings[i].ids) for i in idx)
        feed = {k: np.zeros((len(idx), width), dtype=np.int64) for k in INPUTS[:3]}
        feed["input_ids"][:] = self.pad_id
        for row, i in enumerate(idx):
            e = encodings[i]
            feed["input_ids"][row, : len(e.ids)] = e.ids
            feed["attention_mask"][row, : len(e.ids)] = e.attention_mask
            feed["token_type_ids"][row, : len(e.ids)] = e.type_ids
        feed["features"] = features
        return feed

    def _run(self, wanted: list[str], feeds: Iterable[dict[str, np.ndarray]]) -> Iterable[list[np.ndarray]]:
        """Each feed's outputs, in order, `runs` at a time."""
        if self._pool is None:  # one run at a time
            return (self.session.run(wanted, feed) for feed in feeds)
        return self._pool.map(lambda feed: self.session.run(wanted, feed), feeds)

    def predict_proba(self, records: list[dict], batch_size: int | None = None) -> np.ndarray:
        """Calibrated label probabilities [n, 4], with the open-quotation rule applied."""
        return continue_quotations(records, softmax(self.logits(records, batch_size), self.temperature))

    def truncated(self, records: list[dict]) -> list[bool]:
        """Which sentences are longer than the model reads."""
        limit = self.max_length - 2  # a text of fewer characters has fewer tokens: no need to encode it
        long = [i for i, r in enumerate(records) if len(r["text"]) > limit]
        out = [False] * len(records)
        for i, e in zip(long, self.tokenizer.encode_batch([records[i]["text"] for i in long]), strict=True):
            out[i] = bool(e.overflowing)
        return out


def _article_batches(records: list[dict], lengths: list[int], batch_size: int, overhead: int) -> list[np.ndarray]:
    """Length-sorted batches that never mix articles, cut where padding would cost more than a run.

    int8 ONNX quantizes activations per batch, so a sentence's scores would move with the other
    sentences of its batch; batches drawn from one article alone (sorted by length within it)
    make every article's labels and scores a function of that article only, whatever else is
    tagged with it. A news article's 20-30 sentences range from 5 to 60 tokens, so one batch per
    article is mostly padding: `padded_cuts` splits it where that pays.
    """
    batches = []
    for start, end in article_spans([r.get("doc_id") for r in records]):
        order = start + np.argsort(lengths[start:end], kind="stable")
        batches += [order[a:b] for a, b in padded_cuts([lengths[k] for k in order], batch_size, overhead)]
    return batches


def padded_cuts(lengths: list[int], most: int, overhead: int = RUN_OVERHEAD) -> list[tuple[int, int]]:
    """[start, end) runs of ascending `lengths`, at most `most` long, that minimise the padded
    tokens (each run is as wide as its last, longest member) plus `overhead` tokens per run.

    Dynamic programming over the cut points, each looking back at most `most`: linear in the
    number of sentences.
    """
    width = np.asarray(lengths, dtype=np.float64)
    cost = np.zeros(len(width) + 1)
    back = np.zeros(len(width) + 1, dtype=np.int64)
    for end in range(1, len(width) + 1):
        starts = np.arange(max(0, end - most), end)
        total = cost[starts] + overhead + (end - starts) * width[end - 1]
        best = int(total.argmin())
        cost[end], back[end] = total[best], starts[best]
    cuts, end = [], len(width)
    while end > 0:
        cuts.append((int(back[end]), end))
        end = int(back[end])
    return cuts[::-1]


def ensure_exported(model_dir: Path) -> Path:
    """The folder's shipped int8 file, or the cached one, exported first if there is none yet."""
    shipped = shipped_onnx(model_dir)
    if shipped is not None:
        return shipped
    path = onnx_file(model_dir)
    if not path.exists():
        print(f"claimtag: building the int8 ONNX model once, into {path.parent} ...", file=sys.stderr)
        try:
            export(model_dir, path)
        except OSError as err:
            raise ClaimtagError(
                f"cannot write the int8 model to {path.parent} ({err.strerror or err}): set CLAIMTAG_CACHE "
                "to a writable folder, or use --no-fast"
            ) from None
    return path


if __name__ == "__main__":
    import argparse

    from claimtag.model.folder import resolve_model_path

    parser = argparse.ArgumentParser(prog="python -m claimtag.inference.onnx", description=__doc__.split("\n")[0])
    parser.add_argument("model", nargs="?", default="default", help="a model folder, or `default`")
    parser.add_argument("--student", type=Path, help="ship this distilled student's int8 network as the fast path")
    args = parser.parse_args()
    try:
        print(export_into_folder(resolve_model_path(args.model), args.student))
    except ClaimtagError as err:
        sys.exit(f"claimtag: {err}")
