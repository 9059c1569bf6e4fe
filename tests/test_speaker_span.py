"""The span head compared with the rules (training/speaker_span.py): windows, located speakers, a run."""

from __future__ import annotations

from pathlib import Path

from claimtag.inference.quotes import SpeakerScorer
from claimtag.inference.split import split_article
from claimtag.training.attribution import GoldArticle
from claimtag.training.speaker_span import compare, predict, train_head, window_examples

TEXT = (
    "Tomas Vale runs the ferry. The harbour board met on Monday. Its chair, Ana Ruiz, spoke first.\n\n"
    '"We will keep the ferry running," Ruiz said. Vale agreed. "Winter is hard," he said. '
    "The board meets again in May."
)


def _article() -> GoldArticle:
    sentences = split_article(TEXT)
    labels = ["context"] * len(sentences)
    speakers: list[str | None] = [None] * len(sentences)
    quote_ids: list[str | None] = [None] * len(sentences)
    for i, s in enumerate(sentences):
        if s.text.startswith('"We'):
            labels[i], speakers[i], quote_ids[i] = "quote", "Ana Ruiz", "q1"
        if s.text.startswith('"Winter'):
            labels[i], speakers[i], quote_ids[i] = "quote", "Tomas Vale", "q2"
    return GoldArticle("doc", TEXT, sentences, labels, quote_ids, speakers)


def test_windows_locate_the_speaker_nearest_the_quote_sentence() -> None:
    first, second = window_examples([_article()])
    assert first.window.startswith("Tomas Vale runs") and first.window.endswith("Vale agreed.")  # 3 before, 1 after
    # the recorded form, written before the sentence, over the last word inside it
    assert first.window[first.span[0] : first.span[1]] == "Ana Ruiz" and first.span[0] < first.target[0]
    # `Tomas Vale` is outside the second window: its last word, the nearest before the sentence
    assert second.window.startswith("Its chair") and second.window[second.span[0] : second.span[1]] == "Vale"
    assert second.window[second.span[0] :].startswith("Vale agreed.")


def test_a_head_trains_predicts_and_is_compared_with_the_rules(tiny_encoder: Path) -> None:
    examples = window_examples([_article()])
    head = train_head(examples, str(tiny_encoder), epochs=1, batch_size=2)
    predicted = predict(head, examples)
    assert len(predicted) == 2 and all(text is None or text in TEXT for text, _ in predicted)
    counts = compare({"dev": [_article()]}, head, SpeakerScorer(), (0, 4))
    assert counts["dev"]["quote sentences"] == 2 and counts["dev"]["rules"] == 2  # the rules name both
    assert set(counts["dev"]) == {"quote sentences", "rules", "head alone", "override > 0", "override > 4"}
