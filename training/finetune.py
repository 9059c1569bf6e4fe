"""Fine-tune the transformer tagger with the Hugging Face Trainer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import torch
from datasets import Dataset, DatasetDict
from sklearn.metrics import f1_score
from transformers import EarlyStoppingCallback, Trainer, TrainingArguments
from transformers.trainer_utils import get_last_checkpoint

from claimtag.model.labels import LABELS
from claimtag.model.transformer import TransformerModel
from claimtag.training.config import Config


def class_weights(labels: np.ndarray) -> torch.Tensor:
    """Inverse-frequency weights, mean 1 over the labels present (absent labels get 1)."""
    counts = np.bincount(labels, minlength=len(LABELS)).astype(np.float64)
    w = np.where(counts > 0, counts.sum() / (len(LABELS) * np.maximum(counts, 1)), 1.0)
    return torch.tensor(w / w[counts > 0].mean(), dtype=torch.float32)


def _encoded(tagger: TransformerModel, ds: Dataset, soft: np.ndarray | None = None) -> Dataset:
    enc = tagger.encode(ds.to_list())
    enc["labels"] = ds["label"]
    enc["weight"] = ds["weight"]
    if soft is not None:
        enc["soft"] = soft.tolist()
    return Dataset.from_dict(enc)


def teacher_targets(teacher: str | list[str], train: Dataset, temperature: float, correct: bool = False) -> np.ndarray:
    """The teacher's soft labels [n, 4] for the training sentences, softened at `temperature`
    (several teachers: the mean of theirs); with `correct`, the gold label (one-hot) wherever the
    teacher's top label is another."""
    from claimtag.model.calibration import softmax

    records = train.to_list()
    teachers = [teacher] if isinstance(teacher, str) else teacher
    soft = np.mean([softmax(_from_init(t).logits(records), temperature) for t in teachers], axis=0)
    soft = soft.astype(np.float32)
    if correct:
        gold = np.asarray(train["label"])
        wrong = soft.argmax(axis=1) != gold
        soft[wrong] = np.eye(soft.shape[1], dtype=np.float32)[gold[wrong]]
    return soft


def _metrics(pred) -> dict[str, float]:
    logits = pred.predictions[0] if isinstance(pred.predictions, tuple) else pred.predictions
    guess = logits.argmax(-1)
    labels = list(range(len(LABELS)))
    return {
        "macro_f1": f1_score(pred.label_ids, guess, labels=labels, average="macro", zero_division=0),
        "accuracy": float((guess == pred.label_ids).mean()),
    }


def calibrate(tagger: TransformerModel, dev: Dataset) -> dict:
    """Fit the tagger's temperature on the dev split; return it with dev ECE before and after."""
    from claimtag.model.calibration import fit_temperature, softmax
    from claimtag.training.metrics import expected_calibration_error

    logits = tagger.logits(dev.to_list())
    gold = np.asarray(dev["label"])
    tagger.temperature = fit_temperature(logits, gold)
    return {
        "temperature": round(tagger.temperature, 4),
        "dev_ece_before": round(expected_calibration_error(softmax(logits), gold), 4),
        "dev_ece_after": round(expected_calibration_error(softmax(logits, tagger.temperature), gold), 4),
    }


def training_arguments(config: Config, checkpoints: Path, progress: bool) -> TrainingArguments:
    """Trainer settings from the config; bf16 where a GPU supports it."""
    t = config.training
    return TrainingArguments(
        output_dir=str(checkpoints),
        num_train_epochs=t.epochs,
        max_steps=t.max_steps,
        per_device_train_batch_size=t.batch_size,
        per_device_eval_batch_size=max(64, t.batch_size),
        learning_rate=t.learning_rate,
        weight_decay=t.weight_decay,
        warmup_steps=t.warmup_ratio,  # transformers 5: a float < 1 is a share of all steps
        lr_scheduler_type="linear",
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=None if t.keep_checkpoints == "all" else 1,  # the best is always kept as well
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        logging_steps=t.logging_steps,
        seed=t.seed,
        data_seed=t.seed,
        bf16=torch.cuda.is_available() and torch.cuda.is_bf16_supported(),
        remove_unused_columns=False,
        dataloader_pin_memory=torch.cuda.is_available(),
        report_to=[],
        disable_tqdm=not progress,
    )


def finetune(
    config: Config,
    data: DatasetDict,
    checkpoints: Path,
    *,
    resume: bool = False,
    progress: bool = True,
    callbacks: list | None = None,
) -> tuple[TransformerModel, dict]:
    """Train on data['train'], early-stop on data['dev']; return the best tagger and a training summary.

    Stage one fine-tunes the sentence encoder, from the pretrained encoder or from the weights of
    the model named by `training.init` (kept as they are with `training.epochs=0`); stage two,
    with `model.doc_context`, fits the document contextualiser on its outputs; then the temperature.
    """
    init = config.training.init
    if init and not config.training.epochs:
        tagger, summary = _from_init(init), {"global_step": 0}
    else:
        start = start_from(init, config) if init else None
        tagger, summary = _fit_encoder(
            config, data, checkpoints, start=start, resume=resume, progress=progress, callbacks=callbacks
        )
    if init:
        summary["init"] = init
    tagger.doc_context = None
    if config.model.doc_context != "none":
        from claimtag.training.doc_context import fit_doc_context

        tagger.doc_context, summary["doc_context"] = fit_doc_context(
            tagger, data["train"], data["dev"], hidden=config.model.doc_context_hidden, seed=config.training.seed
        )
    summary["calibration"] = calibrate(tagger, data["dev"])
    return tagger, summary


def _from_init(init: str) -> TransformerModel:
    from claimtag.model.errors import ClaimtagError
    from claimtag.model.folder import load_model, resolve_model_path

    model = load_model(resolve_model_path(init))
    if not isinstance(model, TransformerModel):
        raise ClaimtagError(f"training.init: {init} is a {model.kind} model, not a transformer")
    return model


def start_from(init: str, config: Config) -> TransformerModel:
    """A trainable copy of the trained model `init` (its adapter or weights, head and temperature),
    with dropout as configured; `config.model` takes the architecture of `init` so the saved
    config says what was trained."""
    from safetensors.torch import load_file

    from claimtag.model.errors import ClaimtagError
    from claimtag.model.folder import resolve_model_path
    from claimtag.model.transformer import WEIGHTS

    trained = _from_init(init)  # checks the folder, its format and its encoder release
    m = config.model
    for name, value in dataclasses.asdict(trained.adapt).items():  # Adaptation's fields are model.* names
        setattr(m, name, value)
    m.context, m.max_length = trained.context, trained.max_length
    if m.finetune == "full":
        return trained  # every weight is in the folder, and all of them train as loaded
    # A LoRA model is loaded with its adapter merged into the encoder (full speed); to keep
    # training the same adapter it is rebuilt unmerged on the installed encoder.
    torch.manual_seed(config.training.seed)
    tagger = _new_tagger(config)
    state = load_file(str(resolve_model_path(init) / WEIGHTS))
    _, unexpected = tagger.network.load_state_dict(state, strict=False)
    if unexpected:
        raise ClaimtagError(f"training.init: {init}: weights do not match its encoder ({len(unexpected)} unexpected)")
    tagger.temperature = trained.temperature
    return tagger


def _new_tagger(config: Config) -> TransformerModel:
    m = config.model
    return TransformerModel.from_encoder(
        m.encoder,
        context=m.context,
        max_length=m.max_length,
        dropout=m.dropout,
        finetune=m.finetune,
        lora_r=m.lora_r,
        lora_alpha=m.lora_alpha,
        num_layers=m.num_layers,
    )


def _fit_encoder(
    config: Config,
    data: DatasetDict,
    checkpoints: Path,
    *,
    start: TransformerModel | None,
    resume: bool,
    progress: bool,
    callbacks: list | None,
) -> tuple[TransformerModel, dict]:
    """Stage one: fine-tune the sentence encoder and head with the Hugging Face Trainer, from a
    new tagger on the pretrained encoder or from `start`."""
    torch.manual_seed(config.training.seed)
    tagger = start or _new_tagger(config)
    if config.training.class_weighting:
        tagger.network.class_weights.copy_(class_weights(np.asarray(data["train"]["label"])))
    soft = None
    if config.training.teacher:
        t = config.training
        soft = teacher_targets(t.teacher, data["train"], t.distill_temperature, t.distill_correct)
        tagger.network.distill = (t.distill_alpha, t.distill_temperature)
    trainer = Trainer(
        model=tagger.network,
        args=training_arguments(config, checkpoints, progress),
        train_dataset=_encoded(tagger, data["train"], soft),
        eval_dataset=_encoded(tagger, data["dev"]),
        data_collator=tagger.collate,
        compute_metrics=_metrics,
        callbacks=[EarlyStoppingCallback(config.training.early_stopping_patience), *(callbacks or [])],
    )
    last = get_last_checkpoint(str(checkpoints)) if resume and checkpoints.is_dir() else None
    trainer.train(resume_from_checkpoint=last)
    tagger.network = trainer.model.to("cpu").eval()
    tagger.network.distill = None
    losses = [entry["loss"] for entry in trainer.state.log_history if "loss" in entry]
    summary = {
        "global_step": trainer.state.global_step,
        "epochs": trainer.state.epoch,
        "best_checkpoint": trainer.state.best_model_checkpoint,
        "train_loss_first": losses[0] if losses else None,
        "train_loss_last": losses[-1] if losses else None,
    }
    return tagger, summary
