"""The document contextualiser: numpy inference equals the torch network it was trained as,
it survives save/load and the int8 ONNX path, and `training.init` fits it onto a trained model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from claimtag.model.doc_context import article_logits, doc_context_logits
from claimtag.model.folder import load_model, save_model
from claimtag.model.transformer import TransformerModel
from claimtag.training.doc_context import DocContextNet

RECORDS = [
    {"doc_id": d, "index": i, "text": t, "in_quote": False, "paragraph": i}
    for d, texts in (("a", ["Storm closes port", "The port closed on Monday.", '"It is unsafe," she said.']),
                     ("b", ["Prices rose 4% in May.", "Markets fell."]))
    for i, t in enumerate(texts)
]  # fmt: skip


def _random_weights(dim: int, hidden: int = 8) -> tuple[DocContextNet, dict[str, np.ndarray]]:
    torch.manual_seed(0)
    net = DocContextNet(dim, hidden).eval()
    return net, {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}


def test_numpy_inference_matches_the_torch_network() -> None:
    net, weights = _random_weights(dim=11)
    x = np.random.default_rng(0).normal(size=(7, 11)).astype(np.float32)
    with torch.no_grad():
        expected = net(torch.from_numpy(x)[None], torch.tensor([7]))[0].numpy()
    np.testing.assert_allclose(article_logits(weights, x), expected, atol=1e-5)


def test_articles_are_rescored_independently() -> None:
    _, weights = _random_weights(dim=6)
    rng = np.random.default_rng(1)
    pooled, features, logits = rng.normal(size=(5, 1)), rng.normal(size=(5, 1)), rng.normal(size=(5, 4))
    together = doc_context_logits(weights, pooled, features, logits, ["a", "a", "a", "b", "b"])
    alone = doc_context_logits(weights, pooled[3:], features[3:], logits[3:], ["b", "b"])
    np.testing.assert_allclose(together[3:], alone, atol=1e-6)


def _with_context(tiny_encoder: Path) -> TransformerModel:
    model = TransformerModel.from_encoder(str(tiny_encoder), context="none", max_length=32, dropout=0.1)
    dim = model.network.encoder.config.hidden_size + 5 + 4
    model.doc_context = _random_weights(dim)[1]
    return model


def test_save_load_and_the_onnx_path_keep_the_context(tiny_encoder: Path, tmp_path: Path) -> None:
    from claimtag.inference.onnx import OnnxModel
    from claimtag.model.folder import ModelMeta

    model = _with_context(tiny_encoder)
    before = model.predict_proba(RECORDS)
    save_model(model, tmp_path)
    assert json.loads((tmp_path / "claimtag.json").read_text())["doc_context"]["kind"] == "bigru"
    np.testing.assert_allclose(load_model(tmp_path).predict_proba(RECORDS), before, atol=1e-6)
    fast = OnnxModel.load(tmp_path, ModelMeta.read(tmp_path)).predict_proba(RECORDS)
    assert (fast.argmax(1) == before.argmax(1)).mean() >= 0.8 and np.abs(fast - before).max() < 0.1
    without = model.doc_context
    model.doc_context = None
    assert not np.allclose(model.predict_proba(RECORDS), before)  # the context changed the scores
    model.doc_context = without


def test_init_with_zero_epochs_fits_only_the_document_context(tiny_encoder, tiny_corpus, tmp_path) -> None:
    from claimtag.training.config import load_config
    from claimtag.training.train import train

    base = tmp_path / "base"
    base.mkdir()
    save_model(TransformerModel.from_encoder(str(tiny_encoder), context="none", max_length=32, dropout=0.1), base)
    config = load_config(
        None,
        [f"data.train=[{tiny_corpus}]", f"training.output_dir={tmp_path / 'run'}", f"training.init={base}",
         "training.epochs=0", "model.doc_context=bigru", "model.doc_context_hidden=8", "evaluation.bootstrap=20"],
    )  # fmt: skip
    folder = train(config, progress=False)
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["training"]["init"] == str(base) and metrics["training"]["doc_context"]["best_epoch"] >= 1
    assert (folder / "doc_context.safetensors").is_file()
    with pytest.raises(Exception, match="training.replay needs training.init"):
        load_config(None, ["training.replay=10"])
