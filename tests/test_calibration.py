"""Temperature scaling lowers the calibration error of an over-confident model."""

import numpy as np
import pytest

from claimtag.model.calibration import fit_temperature, softmax
from claimtag.training.metrics import expected_calibration_error


def test_temperature_fixes_an_over_confident_model() -> None:
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 4, 2000)
    noisy = np.where(rng.random(2000) < 0.7, gold, rng.integers(0, 4, 2000))  # 70-77% right
    logits = np.eye(4)[noisy] * 12.0 + rng.normal(0, 0.5, (2000, 4))  # but ~100% sure
    before = expected_calibration_error(softmax(logits), gold)
    t = fit_temperature(logits, gold)
    after = expected_calibration_error(softmax(logits, t), gold)
    assert t > 2.0
    assert after < before / 3
    assert (softmax(logits, t).argmax(1) == softmax(logits).argmax(1)).all()  # never changes the label


def test_softmax_rows_sum_to_one() -> None:
    p = softmax(np.array([[1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0]]), 2.0)
    np.testing.assert_allclose(p.sum(1), 1.0, atol=1e-6)
    assert p[1].tolist() == pytest.approx([0.25] * 4)
