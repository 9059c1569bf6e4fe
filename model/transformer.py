"""The transformer tagger: tokenizer + SentenceClassifier, with its folder format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import save_file as save_numpy
from safetensors.torch import load_file, save_file
from transformers import AutoConfig, AutoModel, AutoTokenizer

from claimtag.model.calibration import softmax
from claimtag.model.doc_context import WEIGHTS_FILE as DOC_CONTEXT_WEIGHTS
from claimtag.model.doc_context import doc_context_logits
from claimtag.model.doc_context import load_weights as load_doc_context
from claimtag.model.encoders import resolve_encoder
from claimtag.model.errors import ClaimtagError
from claimtag.model.features import FEATURE_NAMES, continue_quotations, neighbours, sentence_features
from claimtag.model.folder import ModelMeta
from claimtag.model.labels import LABELS
from claimtag.model.network import SentenceClassifier

WEIGHTS = "model.safetensors"
ENCODER_DIR = "encoder"  # the encoder's architecture config (its weights are in WEIGHTS)


@dataclass(frozen=True)
class Adaptation:
    """How the encoder is adapted: the fields of `model.*` in a training config by the same names,
    written into claimtag.json by `to_meta` and read back by `from_meta`."""

    encoder: str | None  # a registered name (model/encoders.py) or a local folder
    finetune: str = "full"  # full (every weight), lora (adapter + head), frozen (head only)
    lora_r: int = 16
    lora_alpha: int = 32
    num_layers: int | None = None  # only the encoder's first N layers

    def to_meta(self) -> dict:
        """The claimtag.json entries (`lora` nested; `num_layers` only when set)."""
        lora = {"r": self.lora_r, "alpha": self.lora_alpha}
        meta = {"finetune": self.finetune, "encoder": self.encoder, "lora": lora}
        if self.num_layers:
            meta["num_layers"] = self.num_layers
        return meta

    @classmethod
    def from_meta(cls, settings) -> Adaptation:
        """Read `to_meta`'s entries (a folder that records none was fully fine-tuned)."""
        lora = settings.get("lora") or {}
        return cls(
            encoder=settings.get("encoder"),
            finetune=settings.get("finetune") or "full",
            lora_r=lora.get("r", 16),
            lora_alpha=lora.get("alpha", 32),
            num_layers=settings.get("num_layers"),
        )


class TransformerModel:
    """Scores sentence records with a fine-tuned encoder; `predict_proba` is side-effect free."""

    kind = "transformer"

    def __init__(
        self, network: SentenceClassifier, tokenizer, *, context: str, max_length: int, adapt: Adaptation
    ) -> None:
        self.network = network
        self.tokenizer = tokenizer
        self.context = context
        self.max_length = max_length
        self.adapt = adapt  # how the encoder is adapted
        self.temperature = 1.0  # calibration (model/calibration.py), fitted on dev after training
        self.doc_context: dict[str, np.ndarray] | None = None  # model/doc_context.py weights, if trained

    @classmethod
    def from_encoder(
        cls,
        encoder: str,
        *,
        context: str,
        max_length: int,
        dropout: float,
        finetune: str = "full",
        lora_r: int = 16,
        lora_alpha: int = 32,
        num_layers: int | None = None,
    ) -> TransformerModel:
        """A new, untrained tagger on top of a pretrained encoder, adapted fully, by LoRA, or frozen
        (optionally keeping only its first `num_layers` layers)."""
        path = resolve_encoder(encoder)
        adapt = Adaptation(encoder, finetune, lora_r, lora_alpha, num_layers)
        body = _adapted(_first_layers(AutoModel.from_pretrained(path), num_layers), adapt, dropout)
        network = SentenceClassifier(body, len(FEATURE_NAMES), len(LABELS), dropout)
        return cls(network, AutoTokenizer.from_pretrained(path), context=context, max_length=max_length, adapt=adapt)

    def encode(self, records: list[dict]) -> dict[str, list]:
        """Token ids and features for records in reading order (unpadded)."""
        texts = [r["text"] for r in records]
        pairs = neighbours(records) if self.context == "pair" else None
        enc = self.tokenizer(texts, pairs, truncation="longest_first", max_length=self.max_length)
        out = {k: list(v) for k, v in enc.items()}
        out["features"] = sentence_features(records).tolist()
        return out

    def collate(self, rows: list[dict]) -> dict[str, torch.Tensor]:
        """Pad a batch of encoded rows to its longest member."""
        token_keys = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in rows[0]]
        batch = self.tokenizer.pad([{k: r[k] for k in token_keys} for r in rows], return_tensors="pt")
        batch["features"] = torch.tensor([r["features"] for r in rows], dtype=torch.float32)
        for key, dtype in (("labels", torch.long), ("weight", torch.float32), ("soft", torch.float32)):
            if key in rows[0]:
                batch[key] = torch.tensor([r[key] for r in rows], dtype=dtype)
        return dict(batch)

    def quantized(self) -> TransformerModel:
        """A copy whose linear layers run in int8 (dynamic, per-channel weights): faster on CPU."""
        import copy
        import warnings

        from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

        with warnings.catch_warnings():  # torch deprecates quantized tensor creation; the path still works
            warnings.simplefilter("ignore", UserWarning)
            network = quantize_dynamic(
                copy.deepcopy(self.network).eval(), {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8
            )
        fast = TransformerModel(
            network, self.tokenizer, context=self.context, max_length=self.max_length, adapt=self.adapt
        )
        fast.temperature = self.temperature
        fast.doc_context = self.doc_context
        return fast

    def truncated(self, records: list[dict]) -> list[bool]:
        """Which sentences are longer than the model reads (only long texts are tokenized)."""
        limit = self.max_length - 2  # [CLS] and [SEP]
        return [
            len(r["text"]) > limit and len(self.tokenizer(r["text"], add_special_tokens=False)["input_ids"]) > limit
            for r in records
        ]

    @torch.inference_mode()
    def sentence_outputs(self, records: list[dict], batch_size: int = 64) -> tuple[np.ndarray, np.ndarray]:
        """Each sentence read alone: pooled encoder vectors [n, hidden] and logits [n, 4].

        Batches are length-sorted and padded dynamically.
        """
        hidden = self.network.encoder.config.hidden_size
        pooled = np.zeros((len(records), hidden), dtype=np.float32)
        out = np.zeros((len(records), len(LABELS)), dtype=np.float32)
        if not records:
            return pooled, out
        self.network.eval()
        enc = self.encode(records)
        rows = [{k: enc[k][i] for k in enc} for i in range(len(records))]
        order = np.argsort([len(r["input_ids"]) for r in rows], kind="stable")
        device = next(self.network.parameters()).device
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            batch = {k: v.to(device) for k, v in self.collate([rows[i] for i in idx]).items()}
            result = self.network(**batch)
            out[idx] = result["logits"].float().cpu().numpy()
            pooled[idx] = result["pooled"].float().cpu().numpy()
        return pooled, out

    def logits(self, records: list[dict], batch_size: int = 64) -> np.ndarray:
        """Raw scores [n, 4]: the sentence alone, rescored in its article when a contextualiser was trained."""
        pooled, logits = self.sentence_outputs(records, batch_size)
        if self.doc_context is None or not records:
            return logits
        docs = [str(r.get("doc_id")) for r in records]
        return doc_context_logits(self.doc_context, pooled, sentence_features(records), logits, docs)

    def predict_proba(self, records: list[dict], batch_size: int = 64) -> np.ndarray:
        """Calibrated label probabilities [n, 4], with the guide's open-quotation rule applied."""
        return continue_quotations(records, softmax(self.logits(records, batch_size), self.temperature))

    def save(self, path: Path) -> dict:
        """Write weights, tokenizer and encoder config into `path`; return the meta to record.

        A fully fine-tuned model stores every weight; a LoRA or frozen one stores only what
        training changed (adapter + head) and names the encoder it sits on (ModelMeta records
        that encoder's package release).
        """
        state = self.network.state_dict()
        if self.adapt.finetune != "full":
            trained = {n for n, p in self.network.named_parameters() if p.requires_grad}
            state = {k: v for k, v in state.items() if k in trained or k == "class_weights"}
        save_file({k: v.detach().cpu().contiguous() for k, v in state.items()}, str(path / WEIGHTS))
        self.tokenizer.save_pretrained(str(path))
        self.network.encoder.config.save_pretrained(str(path / ENCODER_DIR))
        meta = {"context": self.context, "max_length": self.max_length, "features": list(FEATURE_NAMES)}
        if self.doc_context is not None:
            save_numpy(self.doc_context, str(path / DOC_CONTEXT_WEIGHTS))
            meta["doc_context"] = {"kind": "bigru", "hidden": int(self.doc_context["gru.weight_hh_l0"].shape[1])}
        return {**meta, **self.adapt.to_meta(), "temperature": self.temperature}

    @classmethod
    def load(cls, path: Path, meta: ModelMeta) -> TransformerModel:
        """Rebuild from a model folder written by `save` (an adapter also needs its encoder package)."""
        settings = meta.settings
        if settings.get("features") != list(FEATURE_NAMES):
            raise ClaimtagError(f"{path}: model uses features {settings.get('features')}, not {list(FEATURE_NAMES)}")
        adapt = Adaptation.from_meta(settings)
        if adapt.finetune == "full":
            body = AutoModel.from_config(AutoConfig.from_pretrained(str(path / ENCODER_DIR)))
        else:  # the adapter sits on the pip-installed encoder it was trained on
            meta.check_encoder()
            encoder = AutoModel.from_pretrained(resolve_encoder(adapt.encoder))
            body = _adapted(_first_layers(encoder, adapt.num_layers), adapt, 0.0)
        network = SentenceClassifier(body, len(FEATURE_NAMES), len(LABELS))
        try:
            state = load_file(str(path / WEIGHTS))
            missing, unexpected = network.load_state_dict(state, strict=adapt.finetune == "full")
        except Exception as err:  # safetensors and torch raise several types for bad files
            raise ClaimtagError(f"{path}: corrupt or incompatible weights ({err})") from None
        if unexpected or (adapt.finetune != "full" and not any(k.startswith("head.") for k in state)):
            raise ClaimtagError(f"{path}: weights do not match the model ({len(unexpected)} unexpected tensors)")
        if adapt.finetune == "lora":
            network.encoder = network.encoder.merge_and_unload()  # plain encoder again: full speed
        network.eval()
        tokenizer = AutoTokenizer.from_pretrained(str(path))
        tagger = cls(network, tokenizer, context=settings["context"], max_length=settings["max_length"], adapt=adapt)
        tagger.temperature = float(settings.get("temperature", 1.0))
        if settings.get("doc_context"):
            tagger.doc_context = load_doc_context(path / DOC_CONTEXT_WEIGHTS)
        return tagger


def _first_layers(encoder, n: int | None):
    """The encoder cut to its first n transformer layers (all of them for None)."""
    if n:
        if not 0 < n <= len(encoder.encoder.layer):
            raise ClaimtagError(f"model.num_layers must be 1..{len(encoder.encoder.layer)}, got {n}")
        encoder.encoder.layer = encoder.encoder.layer[:n]
        encoder.config.num_hidden_layers = n
    return encoder


def _adapted(encoder, adapt: Adaptation, dropout: float):
    """The encoder prepared for its fine-tuning mode: as is, wrapped with LoRA, or frozen."""
    if adapt.finetune == "frozen":
        for p in encoder.parameters():
            p.requires_grad_(False)
        return encoder
    if adapt.finetune == "lora":
        from peft import LoraConfig, get_peft_model

        lora = LoraConfig(
            r=adapt.lora_r,
            lora_alpha=adapt.lora_alpha,
            lora_dropout=dropout,
            target_modules=["query", "key", "value", "dense"],
        )
        return get_peft_model(encoder, lora)
    return encoder
