"""training/shrink.py: a smaller network cut from a trained one."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from claimtag.model.errors import ClaimtagError
from claimtag.model.folder import load_model, save_model
from claimtag.training.shrink import main, shrink

RECORDS = [
    {"text": text, "index": i, "paragraph": i, "in_quote": False, "doc_id": "d"}
    for i, text in enumerate(
        [
            "The council approved the budget on Tuesday.",
            '"We will not back down," said Maria Okafor.',
            "Unemployment fell to 4.1% in March, from 4.4% a year earlier.",
            "The harbour was built in 1842.",
        ]
    )
]


def test_cutting_nothing_changes_nothing(tiny_model) -> None:
    before = load_model(tiny_model).logits(RECORDS)
    after = shrink(load_model(tiny_model), [0, 1], 64, RECORDS).logits(RECORDS)
    np.testing.assert_allclose(after, before, atol=1e-5)


def test_the_neurons_cut_are_the_ones_that_carry_nothing(tiny_model, tmp_path) -> None:
    # silence all but 16 feed-forward neurons of each layer: the cut must keep exactly those,
    # so the network computes what it computed before, in a quarter of the feed-forward width
    tagger = load_model(tiny_model)
    rng = np.random.default_rng(0)
    with torch.no_grad():
        for layer in tagger.network.encoder.encoder.layer:
            silent = rng.permutation(64)[16:]
            layer.output.dense.weight[:, silent] = 0
    before = tagger.logits(RECORDS)
    cut = shrink(tagger, [0, 1], 16, RECORDS)
    (tmp_path / "cut").mkdir()
    save_model(cut, tmp_path / "cut")
    again = load_model(tmp_path / "cut")
    assert again.network.encoder.config.intermediate_size == 16
    assert again.adapt.finetune == "full" and again.adapt.num_layers == 2
    np.testing.assert_allclose(again.logits(RECORDS), before, atol=1e-5)


def test_layers_are_kept_in_the_order_given(tiny_model) -> None:
    tagger = load_model(tiny_model)
    second = tagger.network.encoder.encoder.layer[1]
    cut = shrink(tagger, [1], None, None)
    assert list(cut.network.encoder.encoder.layer) == [second]
    assert cut.network.encoder.config.num_hidden_layers == 1


@pytest.mark.parametrize(
    ("layers", "ffn", "records", "message"),
    [
        ([2], None, None, "indices 0..1"),
        ([], None, None, "indices"),
        ([0], 65, RECORDS, "1..64"),
        ([0], 8, None, "--data"),
    ],
)
def test_bad_cuts_are_refused(tiny_model, layers, ffn, records, message) -> None:
    with pytest.raises(ClaimtagError, match=message):
        shrink(load_model(tiny_model), layers, ffn, records)


def test_the_command_writes_a_folder_that_loads(tiny_model, tiny_corpus, tmp_path, capsys) -> None:
    main([str(tiny_model), str(tmp_path / "cut"), "--layers", "0", "--ffn", "8", "--data", str(tiny_corpus)])
    assert "1 layers, feed-forward 8" in capsys.readouterr().out
    assert np.isfinite(load_model(tmp_path / "cut").logits(RECORDS)).all()
    with pytest.raises(SystemExit, match="--ffn needs sentences"):
        main([str(tiny_model), str(tmp_path / "cut2"), "--layers", "0", "--ffn", "8"])


def test_the_command_refuses_a_folder_in_use_before_any_work(tiny_model, tmp_path, monkeypatch) -> None:
    import claimtag.training.shrink as module

    def no_work(*args, **kwargs):
        raise AssertionError("the cut ran before the output folder was checked")

    monkeypatch.setattr(module, "shrink", no_work)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("keep me")
    with pytest.raises(SystemExit, match="is not empty: pass --overwrite"):
        main([str(tiny_model), str(tmp_path / "full"), "--layers", "0"])
    assert (tmp_path / "full" / "notes.txt").read_text() == "keep me"
    with pytest.raises(SystemExit, match="is the model being cut"):
        main([str(tiny_model), str(tiny_model), "--layers", "0", "--overwrite"])
    (tmp_path / "file").write_text("")
    with pytest.raises(SystemExit, match="is a file, not a folder"):
        main([str(tiny_model), str(tmp_path / "file"), "--layers", "0"])
    monkeypatch.undo()
    main([str(tiny_model), str(tmp_path / "full"), "--layers", "0", "--overwrite"])  # said outright: replaced
    assert np.isfinite(load_model(tmp_path / "full").logits(RECORDS)).all()
