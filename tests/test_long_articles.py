"""Huge articles: attribution reads a bounded window, and the tagger works in paragraph-sized pieces."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtag.inference.quotes import attribute
from claimtag.inference.resolution import WINDOW
from claimtag.inference.split import split_article
from claimtag.inference.tagger import Tagger, pieces

NAMED = "Maria Okafor chairs the harbour board.\n\n"
QUOTE = '"We have waited eleven years for this," she said.'
FILLER = "The tide came in at noon and went out again.\n\n"


def speakers(article: str) -> list[str | None]:
    sentences = split_article(article)
    labels = ["quote" if s.text.startswith('"') else "claim" for s in sentences]
    return [a.speaker for a, lab in zip(attribute(article, sentences, labels), labels, strict=True) if lab == "quote"]


def test_a_pronoun_finds_a_person_named_inside_the_window_only() -> None:
    near = NAMED + FILLER * 10 + QUOTE
    far = NAMED + FILLER * (WINDOW // len(FILLER) + 10) + QUOTE
    assert speakers(near) == ["Maria Okafor"]
    assert speakers(far) == ["she"]  # named more than WINDOW characters before: out of reach


def test_every_copy_of_a_repeated_article_gets_the_speaker_of_the_article_alone() -> None:
    article = NAMED + FILLER * 3 + QUOTE + "\n\n"
    copies = WINDOW // len(article) * 3  # several windows long
    assert speakers(article * copies) == speakers(article) * copies == ["Maria Okafor"] * copies


ROLES = (
    "Finance Minister Lydia Arkwright opened the new port of Eastmouth on Monday.\n\n"
    + FILLER * 3
    + '"It is done," the minister said.\n\n'
    + "The Department of Agriculture (DA) backed the plan. Coach Dan Reyes of the Eastmouth Rovers agreed.\n\n"
    + '"Crops will grow," DA said.\n\n'
    + FILLER
    + '"We will play there," Reyes said.\n\n'
    + '"Fans are welcome," said the coach.\n\n'
)


def test_roles_surnames_and_acronyms_resolve_in_every_copy_of_a_repeated_article() -> None:
    # the lookups go through per-article indexes (names by word, lines holding a role): every window
    # of a huge article must find what the article alone finds
    alone = speakers(ROLES)
    assert alone == ["Lydia Arkwright", "Department of Agriculture", "Dan Reyes", "Dan Reyes"]
    assert speakers(ROLES * (WINDOW // len(ROLES) * 3)) == alone * (WINDOW // len(ROLES) * 3)


def test_index_lookups_find_what_a_scan_of_the_window_finds() -> None:
    from claimtag.inference.mentions import ORGANISATION_WORD
    from claimtag.inference.quotes import Mention
    from claimtag.inference.resolution import _by_role, _names_between, _role_pattern, names_holding

    article = ROLES * 50 + "the minister, Ana Ruiz, said.\nA minister\nof the port, Tom Reed, the deputy minister\n"
    article = article.replace("Coach Dan", "Mr Justice Anne Spencer and Coach Dan", 40)  # another title of `judge`
    for at in (len(ROLES) * 3 + 100, len(ROLES) * 45, len(article) - 1):
        start, end = max(0, at - WINDOW), at + WINDOW
        for word in ("Reyes", "Arkwright", "DA", "Eastmouth", "Minister"):
            scanned = [m for m in _names_between(article, start, end) if word in m.group().split()]
            found = names_holding(article, word, start, end)
            assert [m for m in found if word in m.group().split()] == scanned
        for role in ("minister", "coach", "judge"):
            named = [next(g for g in m.groups() if g) for m in _role_pattern(role).finditer(article, start, at)]
            last = [g for g in named if g[:1].isupper() and not ORGANISATION_WORD.search(g)]
            mention = Mention(at, at + len(role), f"the {role}", "np")
            assert (_by_role(article, mention) or Mention(0, 0, "", "")).text == (last[-1] if last else "")


def _random_texts(pieces: list[str], gaps: tuple[str, ...], longest: int) -> Iterator[tuple[str, int, int]]:
    """3,000 seeded runs of `pieces` joined by `gaps`, each with a random [start, end) to search."""
    rng = random.Random(19)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, longest)))
        start = rng.randint(0, len(text) // 3)
        yield text, start, rng.randint(start, len(text))


def test_role_names_are_what_the_one_role_pattern_captures() -> None:
    # `_role_names` finds with small patterns what `_role_pattern` (costly to compile) captures:
    # random runs of names, initials, particles, commas, roles and other titles, random bounds
    from claimtag.inference.resolution import _role_names, _role_pattern

    words = "Ana Ruiz Lopez D. de al-Sadr O'Brien Ruiz's Inc. Jr. the a The minister ministers MINISTER judge"
    words += " Justice Gen. Gen general Det. Det Detective Insp Inspector PC officer finance of and , . \n said Bank"
    pieces = words.split(" ") + [", ", "  "]
    matched = 0
    for text, start, end in _random_texts(pieces, ("", " ", " ", " "), 14):
        for role in ("minister", "judge", "general", "officer"):
            pattern = _role_pattern(role)
            groups = range(1, pattern.groups + 1)
            expected = [next(m.span(g) for g in groups if m.group(g)) for m in pattern.finditer(text, start, end)]
            assert [m.span() for m in _role_names(text, role, start, end)] == expected, (role, text, start, end)
            matched += bool(expected)
    assert matched > 200  # the forms were exercised, not only their absence


def test_a_speaker_titled_by_role_is_found_as_one_regex_per_surname_finds_it() -> None:
    # `_speaker_by_role` reads the title, then up to two names and the surname, where it ran one
    # regex per role and surname: the same answer on random runs of titles, names and initials
    import re

    from claimtag.inference.resolution import _other_titles, _surname_after, _title_pattern

    pieces = "President president Bush George W. Bush's Jr. officer PC Det. Det Detective Shields Gen. Gen general"
    pieces = pieces.split() + ["Ana", ".", ",", "  ", "\n", "O'Neil", "Bush."]
    found = 0
    for text, start, end in _random_texts(pieces, ("", " ", " ", "  "), 10):
        for role, surname in (("president", "Bush"), ("officer", "Shields"), ("general", "Ana"), ("president", "Jr.")):
            titles = rf"(?i:{re.escape(role)})" + (f"|{_other_titles(role)}" if _other_titles(role) else "")
            one = re.compile(rf"\b(?:{titles})\.? +(?:[A-Z][\w.'’-]* +){{0,2}}{re.escape(surname)}\b")
            expected = bool(one.search(text, start, end))
            ends = [m.end() for m in _title_pattern(role).finditer(text, start, end)]
            assert any(_surname_after(text, at, surname, end) for at in ends) == expected, (role, text, start, end)
            found += expected
    assert found > 50


def test_a_role_word_is_found_through_the_lower_case_as_its_pattern_finds_it() -> None:
    from claimtag.inference.resolution import _word_pattern, word_places

    texts = ("The MINISTER and the Ministers met the minister-elect.", "the mınister ſays", "Kingſ KING")
    texts += ("ministers2 MINISTERS_ xminister minister's ministerss ministers.", "\u212aing kings KINGSs kingz king")
    texts += ("co-op co-ops ministery",)
    for text in texts:
        for word in ("minister", "say", "king", "co-op", "s"):
            found = [m.span() for m in word_places(text, word, 1, len(text) - 1)]
            assert found == [m.span() for m in _word_pattern(word).finditer(text, 1, len(text) - 1)]


def test_pieces_cover_the_article_and_end_at_paragraph_breaks() -> None:
    article = "".join(f"Paragraph {i} has a sentence. And another one.\n\n" for i in range(200))
    ranges = pieces(article, 1000)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(article)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    assert all(end - start <= 1000 and article[start:end].endswith("\n\n") for start, end in ranges[:-1])
    assert pieces("No breaks at all" * 100, 300)[-1][1] == 1600  # cut at spaces, else anywhere
    assert pieces("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_a_huge_article_is_tagged_in_pieces_with_whole_article_offsets(tiny_model: Path) -> None:
    tagger = Tagger.from_pretrained(tiny_model)
    article = (NAMED + "Dock workers will walk out on Monday. It costs £4m a day.\n\n" + QUOTE + "\n\n") * 40
    whole = tagger.tag(article)
    tagger.piece_chars = 600
    parts = list(tagger.tag_pieces(article))
    assert len(parts) > 5
    tagged = tagger.tag(article)
    assert tagged == [s for part in parts for s in part]
    assert [(s.index, s.start, s.end, s.paragraph) for s in tagged] == [
        (s.index, s.start, s.end, s.paragraph) for s in whole
    ]
    assert all(article[s.start : s.end] == s.text for s in tagged)
    assert all(article[q.start : q.end] == q.text for s in tagged for q in s.quantities)
    runs = list(dict.fromkeys(s.quote_id for s in tagged if s.quote_id))
    assert len(runs) > 5 and runs == [f"q{n}" for n in range(1, len(runs) + 1)]  # numbered over the whole article
    assert all(article[slice(*s.speaker_span)] == s.speaker for s in tagged if s.speaker_span)


def test_scaling_inputs_hold_the_same_text_as_one_article_and_as_many(tmp_path: Path) -> None:
    import json

    from claimtag.training.scaling import build_inputs

    paths = build_inputs(["First text. Short.", "Second text, a bit longer."], 0.001, tmp_path)
    one = paths["one article"].read_text(encoding="utf-8")
    rows = [json.loads(line)["text"] for line in paths["many articles"].read_text(encoding="utf-8").splitlines()]
    assert len(one.encode()) >= 1024 and one == "\n\n".join(rows)


@pytest.mark.slow
def test_bench_scaling_table_and_json(tiny_model: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import json

    from claimtag.inference.cli import main

    monkeypatch.setenv("CLAIMTAG_CACHE", str(tmp_path / "cache"))
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"text": NAMED + QUOTE}) + "\n", encoding="utf-8")
    out = tmp_path / "scaling.json"
    args = ["bench", "--model", str(tiny_model), "--scaling", "0.002", "0.004", "--texts", str(texts)]
    assert main([*args, "--json", str(out)]) == 0
    assert "| one article | 0.0 |" in capsys.readouterr().out
    rows = json.loads(out.read_text())
    assert [(r["layout"], r["megabytes"] > 0) for r in rows] == [("one article", True), ("many articles", True)] * 2
    assert rows[0]["sentences"] == rows[1]["sentences"] > 0 and rows[0]["peak_rss_mb"] > 0


def _long_article(tmp_path: Path, monkeypatch) -> tuple[str, Path]:
    """An article of 30 sentences, tagged in pieces of about 500 characters, and a file holding it."""
    from claimtag.inference import tagger

    monkeypatch.setattr(tagger, "PIECE_CHARS", 500)
    article = (NAMED + FILLER + QUOTE + "\n\n") * 10
    path = tmp_path / "long.txt"
    path.write_text(article, encoding="utf-8")
    return article, path


def test_the_command_warns_when_it_tags_in_pieces(tiny_model: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import json

    from claimtag.inference import tagger
    from claimtag.inference.cli import main

    article, path = _long_article(tmp_path, monkeypatch)
    assert main(["tag", str(path), "--model", str(tiny_model), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "tagged in pieces of about 500" in err
    pieces = len(tagger.pieces(article, 500))
    assert f"0/{pieces} " in err and "piece/s" in err  # a bar over the pieces: a huge article takes a while
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["index"] for r in rows] == list(range(30))
    assert all(article[r["start"] : r["end"]] == r["text"] for r in rows)


def test_workers_tag_the_pieces_of_one_huge_article_as_one_process_does(
    tiny_model: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    from claimtag.inference.cli import main

    _, path = _long_article(tmp_path, monkeypatch)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}.jsonl"
        args = ["tag", str(path), "--model", str(tiny_model), "--format", "jsonl", "--workers", workers, "-o", str(out)]
        assert main(args) == 0
        assert "--workers applies to" not in capsys.readouterr().err  # not ignored: the pieces are shared
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 30
    short = tmp_path / "short.txt"
    short.write_text(NAMED, encoding="utf-8")
    assert main(["tag", str(short), "--model", str(tiny_model), "--format", "jsonl", "--workers", "2"]) == 0
    assert "one shorter article: ignored" in capsys.readouterr().err


def test_one_file_over_a_megabyte_is_tagged_by_two_workers_unless_told(
    tiny_model: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """With no --workers, one file over HUGE_FILE_BYTES (scaled down here) on a machine with two cores
    is tagged by two workers; --workers 1, a shorter file, standard input and one core keep one."""
    from claimtag.inference import cli, stream

    _, path = _long_article(tmp_path, monkeypatch)
    monkeypatch.setattr(cli, "HUGE_FILE_BYTES", path.stat().st_size - 1)
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 2)
    asked = []
    real = stream.tag_rows
    monkeypatch.setattr(stream, "tag_rows", lambda *a, **k: asked.append(k["workers"]) or real(*a, **k))
    base = ["tag", "--model", str(tiny_model), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"), "--overwrite"]
    assert cli.main([*base, str(path)]) == 0
    assert "2 worker processes tag its pieces side by side" in capsys.readouterr().err
    assert cli.main([*base, str(path), "--workers", "1"]) == 0
    assert "worker processes" not in capsys.readouterr().err
    short = tmp_path / "short.txt"
    short.write_text(NAMED, encoding="utf-8")
    assert cli.main([*base, str(short)]) == 0
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 1)
    assert cli.main([*base, str(path)]) == 0
    assert asked == [2, 1, 1, 1]
    assert cli._default_workers(["-"], corpus=False) == 1  # standard input: its size is not known


def test_a_huge_row_of_a_corpus_is_written_piece_by_piece(
    tiny_model: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    import json

    from claimtag.inference.cli import main
    from claimtag.inference.stream import tag_stream

    article, _ = _long_article(tmp_path, monkeypatch)
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "small", "text": "Rates rose 2% in May. It rained."}, {"id": "huge", "text": article}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["tag", str(corpus), "--model", str(tiny_model), "--format", "jsonl", "--id-column", "id", "--no-progress"]
    assert main([*args, "-o", str(out)]) == 0
    assert f"(id 'huge'): {len(article):,} characters: tagged in pieces of about 500" in capsys.readouterr().err
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    huge = [r for r in written if r["article"] == "huge"]
    assert [r["article"] for r in written[:2]] == ["small", "small"] and all(r["row"] == 2 for r in huge)
    assert [r["index"] for r in huge] == list(range(30))
    assert all(article[r["start"] : r["end"]] == r["text"] for r in huge)
    # the huge article comes as its pieces, tagged as they are read: never held whole as sentences
    (key, tagged), *_ = tag_stream([("huge", article)], {"path_or_name": str(tiny_model)})
    assert key == "huge" and not isinstance(tagged, list) and len(next(tagged)) < 30
