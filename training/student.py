"""Ship a distilled student as a model folder's fast path, with its numbers in the card.

    python -m claimtag.training.student default runs/student/model

builds the student's int8 network into the folder (`inference/onnx.py`: `claimtag tag` then
runs it by default, `--no-fast` the folder's own network in fp32), scores that int8 path on
every held-out split of the folder's own training config (the same sentences as the folder's
metrics), and writes the scores to metrics.json (`fast`) and the card.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimtag.inference.onnx import OnnxModel, export_into_folder
from claimtag.model.errors import ClaimtagError
from claimtag.model.folder import ModelMeta, resolve_model_path
from claimtag.training.card import update_metrics
from claimtag.training.config import load_config
from claimtag.training.train import load_training_data, split_scores


def ship_student(model_dir: Path, student: Path) -> dict:
    """Build `student` into `model_dir` as its fast path; return (and store) the fast path's scores."""
    export_into_folder(model_dir, student)
    return score_fast_path(model_dir)


def score_fast_path(model_dir: Path) -> dict:
    """Score the folder's shipped student on every held-out split of its config; store and return the scores."""
    if not (model_dir / "onnx.json").is_file():
        raise ClaimtagError(f"{model_dir}: no shipped fast path to score (build one with a student first)")
    config = load_config(model_dir / "config.yaml")
    fast = OnnxModel.load(model_dir, ModelMeta.read(model_dir))
    data = load_training_data(config.data, warnings=False)
    student_settings = json.loads((model_dir / "onnx.json").read_text(encoding="utf-8"))["student"]
    scores = {split: split_scores(fast, data[split], config) for split in data if split != "train"}
    return update_metrics(model_dir, fast={"student": student_settings, **scores})["fast"]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m claimtag.training.student", description=__doc__.split("\n")[0])
    parser.add_argument("model", help="the model folder (or `default`) whose fast path the student becomes")
    parser.add_argument(
        "student", type=Path, nargs="?", help="a model folder distilled from it (training.teacher); none: score again"
    )
    args = parser.parse_args()
    try:
        folder = resolve_model_path(args.model)
        fast = ship_student(folder, args.student) if args.student else score_fast_path(folder)
    except ClaimtagError as err:
        sys.exit(f"claimtag: {err}")
    for split, m in fast.items():
        if split != "student":
            print(f"{split}: macro-F1 {m['macro_f1']} (n={m['n']}), ECE {m.get('ece')}")


if __name__ == "__main__":
    main()
