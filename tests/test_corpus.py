"""Corpus loading: every format, both shapes, and one clear error per bad input."""

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from datasets import Dataset, DatasetDict

from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import LABELS
from claimtag.training.corpus import CorpusError, load_corpus
from claimtag.training.splits import cross_split_duplicates, ensure_splits, split_by_document, stats_table

SAMPLE = Path(__file__).parents[1] / "training" / "corpus" / "sample.txt"
ROWS = [
    {"doc_id": "a", "index": 0, "text": "Rates rose to 5%.", "label": "statistic"},
    {"doc_id": "a", "index": 1, "text": '"We are worried.', "label": "quote"},
    {"doc_id": "a", "index": 2, "text": 'Nobody saw it coming," she said.', "label": "Quote"},
    {"doc_id": "b", "index": 0, "text": "The bridge closed on Monday.", "label": "claim"},
    {"doc_id": "b", "index": 1, "text": "By Ann Lee", "label": "context"},
]


def labels_of(data: DatasetDict) -> list[str]:
    names = data["train"].features["label"].names
    return [names[i] for i in data["train"]["label"]]


def write_csv(path: Path, rows: list[dict], sep: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter=sep)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet", "datasets"])
def test_sentence_rows_every_format(tmp_path: Path, suffix: str) -> None:
    if suffix == ".jsonl":
        path = tmp_path / "c.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    elif suffix == ".parquet":
        path = tmp_path / "c.parquet"
        pq.write_table(pa.Table.from_pylist(ROWS), path)
    elif suffix == "datasets":
        path = tmp_path / "saved"
        Dataset.from_list(ROWS).save_to_disk(str(path))
    else:
        path = write_csv(tmp_path / f"c{suffix}", ROWS, "\t" if suffix == ".tsv" else ",")
    data = load_corpus(path)
    assert labels_of(data) == ["statistic", "quote", "quote", "claim", "context"]
    assert data["train"]["doc_id"] == ["a", "a", "a", "b", "b"]
    assert data["train"]["in_quote"] == [False, False, True, False, False]


def test_article_rows_keep_order_and_speakers(tmp_path: Path) -> None:
    article = {
        "doc_id": "x",
        "sentences": [
            {"text": "Storm hits coast", "label": "context"},
            {"text": "“Stay indoors.", "label": "quote", "speaker": "Police", "quote_id": "q1"},
            {"text": "Roads are flooded,” police said.", "label": "quote", "speaker": "Police", "quote_id": "q1"},
        ],
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    train = load_corpus(path)["train"]
    assert train["index"] == [0, 1, 2]
    assert train["speaker"] == [None, "Police", "Police"]
    assert train["in_quote"] == [False, False, True]


def test_saved_datasetdict_keeps_splits(tmp_path: Path) -> None:
    dd = DatasetDict({"train": Dataset.from_list(ROWS[:3]), "test": Dataset.from_list(ROWS[3:])})
    dd.save_to_disk(str(tmp_path / "dd"))
    data = load_corpus(tmp_path / "dd")
    assert set(data) == {"train", "test"}
    assert len(data["test"]) == 2


def test_hand_written_sample() -> None:
    data = load_corpus(SAMPLE)
    train = data["train"]
    assert len(set(train["doc_id"])) >= 20
    assert set(train["label"]) == set(range(len(LABELS)))
    quotes = [i for i, lab in enumerate(train["label"]) if LABELS[lab] == "quote"]
    assert all(train["quote_id"][i] for i in quotes)


def test_folder_of_files_is_merged(tmp_path: Path) -> None:
    write_csv(tmp_path / "one.csv", ROWS[:3])
    write_csv(tmp_path / "two.csv", ROWS[3:])
    assert len(load_corpus(tmp_path)["train"]) == 5
    write_csv(tmp_path / "three.csv", ROWS[:1])
    with pytest.raises(CorpusError, match="appears in two files"):
        load_corpus(tmp_path)


BAD = [
    ("unknown label", "text,label\nHello there.,claims\n", r"row 1: unknown label 'claims' \(did you mean 'claim'\?"),
    ("missing label", "text,label\nHello there.,\n", r"row 1: missing label \(valid:"),
    ("empty text", "text,label\nFine.,claim\n  ,claim\n", "row 2: empty text"),
    ("wrong columns", "sentence,tag\nHello.,claim\n", "wrong columns"),
    ("empty file", "", "empty file"),
    ("quote fields on a claim", "text,label,speaker\nHi.,claim,Ann\n", "speaker/quote_id given for a claim"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_csv(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as err:
        load_corpus(path)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_binary_and_non_utf8(tmp_path: Path) -> None:
    binary = tmp_path / "x.jsonl"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    with pytest.raises(CorpusError, match="binary file"):
        load_corpus(binary)
    latin = tmp_path / "l.csv"
    latin.write_bytes("text,label\nCaf\xe9 opens.,claim\n".encode("latin-1"))
    with pytest.raises(CorpusError, match="not UTF-8"):
        load_corpus(latin)


def test_bad_json_line_and_authored_line(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2: invalid JSON"):
        load_corpus(path)
    txt = tmp_path / "b.txt"
    txt.write_text("### doc: d1\nC | Fine.\nZ | Not a code.\n", encoding="utf-8")
    with pytest.raises(Exception, match="line 3: expected"):
        load_corpus(txt)


def test_authored_articles_may_name_their_split(tmp_path: Path) -> None:
    txt = tmp_path / "s.txt"
    txt.write_text(
        "### doc: a\n### split: test\nC | One.\n### doc: b\nX | Two.\n### doc: c\n### split: dev\nS | 3 more.\n",
        encoding="utf-8",
    )
    data = load_corpus(txt)
    assert {name: data[name]["doc_id"] for name in data} == {"dev": ["c"], "test": ["a"], "train": ["b"]}


def test_missing_path() -> None:
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus("/nonexistent/corpus.csv")


def test_split_by_document_is_disjoint_seeded_and_complete() -> None:
    train = load_corpus(SAMPLE)["train"]
    a = split_by_document(train, seed=3)
    b = split_by_document(train, seed=3)
    docs = {name: set(split["doc_id"]) for name, split in a.items()}
    assert not docs["train"] & docs["dev"] and not docs["train"] & docs["test"] and not docs["dev"] & docs["test"]
    assert sum(len(s) for s in a.values()) == len(train)
    assert all(len(a[n]) > 0 for n in ("train", "dev", "test"))
    assert {n: a[n]["doc_id"] for n in a} == {n: b[n]["doc_id"] for n in b}


def test_ensure_splits_keeps_named_splits() -> None:
    dd = DatasetDict({n: load_corpus(SAMPLE)["train"] for n in ("train", "dev", "test")})
    assert ensure_splits(dd, dev_size=0.1, test_size=0.1, seed=0) is dd


def test_cross_split_duplicates_and_stats() -> None:
    dd = DatasetDict({"train": Dataset.from_list(ROWS), "test": Dataset.from_list(ROWS[3:])})
    dups = cross_split_duplicates(dd)
    assert ("The bridge closed on Monday.", ["test", "train"]) in dups
    table = load_corpus(SAMPLE)
    assert "| train |" in stats_table(table)


def test_select_on_keeps_the_selected_groups_held_out_splits_apart(tmp_path: Path) -> None:
    from claimtag.training.config import DataConfig
    from claimtag.training.train import load_training_data

    def corpus(name: str, prefix: str) -> str:
        rows = [
            {"doc_id": f"{prefix}{i}", "text": f"Sentence {k} of {prefix}{i}.", "label": lab, "split": split}
            for i, split in enumerate(["train", "train", "dev", "test"])
            for k, lab in enumerate(["claim", "quote", "statistic", "context"])
        ]
        path = tmp_path / name
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        return str(path)

    sources = [
        {"path": corpus("real.jsonl", "r"), "group": "real"},
        {"path": corpus("team.jsonl", "t"), "group": "team"},
    ]
    data = load_training_data(DataConfig(train=sources, select_on="real"))
    assert sorted(data) == ["dev", "dev_team", "test", "test_team", "train"]
    assert set(data["dev"]["doc_id"]) == {"r2"} and set(data["test_team"]["doc_id"]) == {"t3"}
    assert set(data["train"]["doc_id"]) == {"r0", "r1", "t0", "t1"}
    with pytest.raises(ClaimtagError, match="no source has group 'news'"):
        DataConfig(train=sources, select_on="news")
