"""Who said it: quote runs and speakers on hand-written articles, and their evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtag.inference.quotes import SpeakerScorer, attribute, best_mention
from claimtag.inference.split import split_article
from claimtag.inference.tagger import Tagger
from claimtag.model.errors import ClaimtagError
from claimtag.training.attribution import gold_articles, nearest_proper_noun, run_scores, same_speaker

# A fixed copy of the weights (the shipped model's as of the second round of speaker rules): refitting
# the shipped speakers.json must not move these hand-checked expectations.
SCORER = SpeakerScorer.load(Path(__file__).parent / "data" / "speakers.json")


def who(article: str, labels: str) -> list[tuple[str | None, str | None, str | None]]:
    """(quote_id, speaker, text at speaker_span) per sentence; labels as codes, e.g. "XCQQ"."""
    names = {"C": "claim", "Q": "quote", "S": "statistic", "X": "context"}
    sentences = split_article(article)
    assert len(sentences) == len(labels), [s.text for s in sentences]
    out = attribute(article, sentences, [names[c] for c in labels], SCORER)
    return [(a.quote_id, a.speaker, article[slice(*a.speaker_span)] if a.speaker_span else None) for a in out]


def test_a_quotation_over_three_paragraphs_with_one_attribution_is_one_run() -> None:
    article = (
        "Harbour board approves dredging plan\n\n"
        "The harbour board voted on Tuesday to dredge the northern channel.\n\n"
        '"We have waited eleven years for this," said board chair Maria Okafor. "The silt has closed two berths.\n\n'
        '"Ships have been turning away since the spring.\n\n'
        '"Now we can finally win them back."\n\n'
        "Work starts in March."
    )
    got = who(article, "XCQQQQC")
    quotes = got[2:6]
    assert {q[0] for q in quotes} == {"q1"}
    assert all(q[1] == "Maria Okafor" and q[2] == "Maria Okafor" for q in quotes)
    assert got[0] == got[1] == got[6] == (None, None, None)


def test_alternating_speakers_each_get_their_own_runs_and_surnames_resolve() -> None:
    article = (
        '"The budget is balanced," said Finance Minister Lydia Arkwright. '
        '"It is nothing of the kind," replied opposition leader Tom Baines.\n\n'
        '"We have cut waste, not services," Arkwright said.\n\n'
        '"They have cut nurses," Baines said.'
    )
    got = who(article, "QQQQ")
    assert [g[0] for g in got] == ["q1", "q2", "q3", "q4"]
    assert [g[1] for g in got] == ["Lydia Arkwright", "Tom Baines", "Lydia Arkwright", "Tom Baines"]


def test_he_added_continues_the_named_speaker() -> None:
    article = (
        'Coach Daniel Reyes said the club would appeal. "We will fight this," Reyes said. '
        '"Nobody here accepts the verdict," he added.\n\n'
        "The club was fined on Monday."
    )
    got = who(article, "QQQC")
    assert got[0][0] != got[1][0]  # reported speech is a run of its own
    assert got[1][0] == got[2][0]
    assert got[0][1] == got[1][1] == got[2][1] == "Daniel Reyes"


def test_a_quote_attributed_to_a_document_names_the_document() -> None:
    article = "According to the audit, the council overspent on the bridge by $4m. The council disputes the figure."
    got = who(article, "QQ")
    assert got[0][1] == "the audit" and got[0][2] == "the audit"
    assert got[1][1] == "The council" and got[1][0] != got[0][0]


def test_a_pronoun_takes_the_person_of_its_gender() -> None:
    article = (
        "Aisha Bello, a nurse, and her colleague Tom Ruiz both worked the night shift. "
        'Mr Ruiz said he had seen the leak first. "It was everywhere," she said.'
    )
    got = who(article, "CQQ")
    assert got[1][1] == "Tom Ruiz"
    assert got[2][1] == "Aisha Bello"


def test_an_unnamed_speaker_is_null_and_non_quotes_have_no_run() -> None:
    got = who("The river rose overnight. It was awful, one said.", "CQ")
    assert got[0] == (None, None, None)
    assert got[1][0] == "q1"


def test_tagger_records_carry_runs_and_speakers_and_scare_quotes_none() -> None:
    tagger = Tagger.from_pretrained("default")
    article = (
        'Port strike ends\n\n"We have won a fair deal," said union leader Grace Mensah. '
        '"Our members will be back on Monday."\n\n'
        'The so-called "miracle cure" was sold online for years.'
    )
    tagged = tagger.tag(article)
    quotes = [t for t in tagged if t.label == "quote"]
    assert len(quotes) == 2 and quotes[0].quote_id == quotes[1].quote_id
    assert quotes[0].speaker == "Grace Mensah"
    start, end = quotes[0].speaker_span
    assert article[start:end] == "Grace Mensah"
    scare = tagged[-1]
    assert scare.label != "quote" and scare.quote_id is None and scare.speaker is None


def test_run_scores_match_a_hand_computed_example() -> None:
    gold = [("d", "a"), ("d", "a"), ("d", "b"), ("e", "a")]
    pred = [("d", 1), ("d", 2), ("d", 2), ("e", 1)]
    got = run_scores(gold, pred)
    # pairs within one doc: (0,1) gold same, pred split; (1,2) pred same, gold split; (0,2) both split
    assert got["run_pairwise_precision"] == 0.0 and got["run_pairwise_recall"] == 0.0
    # B-cubed: precision per item 1, 1/2, 1/2, 1 -> 0.75; recall 1/2, 1/2, 1, 1 -> 0.75
    assert got["run_bcubed_f1"] == 0.75


def test_same_speaker_accepts_surnames_and_articles_only() -> None:
    assert same_speaker("Dunne", "Aoife Dunne") and same_speaker("the audit", "The audit")
    assert not same_speaker("Aoife", "Aoife Dunne") and not same_speaker(None, "X") and same_speaker(None, None)


def test_same_speaker_ignores_an_acronym_in_brackets_after_the_name() -> None:
    from claimtag.training.attribution import same_form

    assert same_speaker("Harbour Freight Lines", "the Harbour Freight Lines (HFL)")
    assert same_form("The Norland Press Agency (NPA)", "Norland Press Agency")
    assert same_form("the Norland Union (NU) and Kestria", "Norland Union and Kestria")  # inside the name too
    assert not same_speaker("HFL", "Harbour Freight Lines (HFL)")  # the acronym alone is not the name's suffix
    assert not same_speaker("Harbour Freight", "Harbour Freight (in a statement)")  # not an acronym: kept
    assert same_speaker("Vale, Ruiz and the port authority", "Vale, Ruiz, and the port authority")  # a list's comma
    assert not same_speaker("Vale and the port authority", "Vale, Ruiz, and the port authority")


def test_baseline_and_gold_articles_from_corpus_rows() -> None:
    rows = [
        {"doc_id": "d", "index": 0, "text": "Rain fell.", "label": "claim", "paragraph": 0, "in_quote": False},
        {
            "doc_id": "d",
            "index": 1,
            "text": '"It was wet," said Ann Lee.',
            "label": "quote",
            "paragraph": 0,
            "in_quote": False,
            "quote_id": "q1",
            "speaker": "Ann Lee",
        },
    ]
    (art,) = gold_articles(rows)
    assert art.text[art.sentences[1].start : art.sentences[1].end] == rows[1]["text"]
    assert nearest_proper_noun(art) == [None, "Ann Lee"]


def test_corpus_rejects_a_quotation_with_two_speakers(tmp_path: Path) -> None:
    from claimtag.training.corpus import load_corpus

    path = tmp_path / "c.txt"
    path.write_text('### doc: d1\nQ q1 Ann Lee | "One," said Ann Lee.\nQ q1 Bo Chan | "Two," said Bo Chan.\n')
    with pytest.raises(ClaimtagError, match="quote_id 'q1' has two speakers"):
        load_corpus(path)


@pytest.mark.slow
def test_training_fits_speaker_weights_and_evaluate_reports_them(tmp_path: Path, capsys) -> None:
    import json

    from claimtag.inference.cli import main
    from claimtag.training.attribution import rescore_folder
    from claimtag.training.card import update_metrics
    from claimtag.training.config import load_config
    from claimtag.training.train import train

    sample = Path(__file__).resolve().parents[1] / "training" / "corpus" / "sample.txt"
    config = load_config(None, ["model.kind=rules", f"data.train=[{sample}]", f"training.output_dir={tmp_path}"])
    folder = train(config, progress=False)
    weights = json.loads((folder / "speakers.json").read_text())
    assert weights["bias"] != 0 and len(weights) > 10
    stored = json.loads((folder / "metrics.json").read_text())["attribution"]
    assert "speaker_accuracy" in stored
    # a stale score in metrics.json and the card is replaced by today's, from the folder alone
    update_metrics(folder, attribution=stored | {"speaker_accuracy": 0.0123})
    assert "speaker accuracy 0.012" in (folder / "README.md").read_text()
    assert rescore_folder(folder) == stored
    assert json.loads((folder / "metrics.json").read_text())["attribution"] == stored
    assert f"speaker accuracy {stored['speaker_accuracy']:.3f}" in (folder / "README.md").read_text()
    gold = tmp_path / "quantities.tsv"
    rows = "sample-002\t1\t0.8%\t0.008\tpercent\nsample-002\t1\tthird\t3\trank\n"
    gold.write_text("# marked by hand\ndoc_id\tindex\ttext\tvalue\tunit\n" + rows)
    args = ["evaluate", "--model", str(folder), "--data", str(sample), "--quantities", str(gold)]
    assert main([*args, "--out-dir", str(tmp_path / "eval"), "--no-baselines"]) == 0
    text = capsys.readouterr().out
    assert "| baseline: nearest preceding proper noun |" in text and "speaker accuracy" in text
    assert "exact-span precision 1.000, recall 0.500" in text  # the rank `third` is missed
    report = json.loads((tmp_path / "eval" / "report.json").read_text())
    assert report["quantities"]["gold_quantities"] == 2 and report["attribution"]["quote_sentences"] > 5


def test_an_auxiliary_is_never_the_speaker() -> None:
    article = "Prices are expected to rise in May, the Bank of England said."
    assert who(article, "Q") == [("q1", "Bank of England", "Bank of England")]


def test_a_middle_initial_and_a_surname_inside_a_long_name_resolve() -> None:
    article = (
        "Judge rejects lawsuit\n\n"
        "Federal judge Karl D. Holt dismissed the case on Tuesday.\n\n"
        '"The court cannot decide this," Judge Holt wrote.\n\n'
        "President Ana Maria Ruiz da Costa spoke later.\n\n"
        '"We respect the ruling," Ruiz said.'
    )
    speakers = [s for _, s, _ in who(article, "XCQCQ") if s]
    assert speakers == ["Karl D. Holt", "Ana Maria Ruiz da Costa"]


def test_a_sentence_that_closes_a_quotation_lost_at_a_paragraph_break_continues_it() -> None:
    article = (
        'After the game, the coach Lena Moritz said, "We were slow in the first half.\n\n'
        "We talked about it at the break.\n\n"
        'Next week we have to start faster."\n\n'
        "The club plays again on Saturday."
    )
    got = who(article, "QQQC")
    assert got[2][1] == "Lena Moritz"  # the closing mark says the quotation was still open
    assert got[0][0] == got[2][0] or got[1][0] == got[2][0]


def test_an_organisations_quotation_given_to_its_officer_is_the_officers() -> None:
    article = (
        "The Harbour Workers Union condemned the closure: "
        '"This decision was taken without a word to the people it hurts. '
        "We will fight it,\" said the union's general secretary, Mira Santos."
    )
    got = who(article, "QQ")
    assert got[0][0] == got[1][0]
    assert got[0][1] == got[1][1] == "Mira Santos"


def test_end_to_end_counts_a_quote_only_when_the_model_labels_it_a_quote() -> None:
    from claimtag.training.attribution import attribution_of

    def row(i: int, text: str, label: str, speaker: str | None = None) -> dict:
        quote = {"quote_id": f"q{i}", "speaker": speaker} if speaker else {"quote_id": None, "speaker": None}
        return {"doc_id": "d", "index": i, "text": text, "label": label, "paragraph": i, "in_quote": False} | quote

    rows = [
        row(0, "The pier closed on Monday.", "context"),
        row(1, '"It is not safe," said harbourmaster Ann Lee.', "quote", "Ann Lee"),
        row(2, '"We will reopen it in May," said mayor Bo Chan.', "quote", "Bo Chan"),
    ]
    gold = attribution_of(rows, SCORER)
    assert gold["speaker_accuracy"] == 1.0 and gold["quote_sentences"] == 2
    # the model misses the second quote: its speaker is not counted, though the rules would find it
    end_to_end = attribution_of(rows, SCORER, ["context", "quote", "context"])
    assert end_to_end["speaker_accuracy"] == 0.5 and end_to_end["quote_sentences"] == 2
    assert end_to_end["run_pairwise_f1"] == gold["run_pairwise_f1"]  # two runs of one sentence each


def test_strict_and_exact_form_accuracy_count_fewer_forms_than_the_lenient_rule() -> None:
    from claimtag.training.attribution import attribution_of, attribution_table, same_entity, same_form, same_speaker

    gold = "critics of the package"
    assert same_speaker("the package", gold) and not same_entity("the package", gold)
    assert not same_entity("Ana Ruiz", "Tom Reed and Ana Ruiz") and not same_entity("of Norland", "Norland")
    assert same_entity("Ruiz", "Mayor Ana Ruiz") and not same_form("Ruiz", "Mayor Ana Ruiz")
    assert same_form("The Harbour Board", "harbour board") and same_form(None, None) and not same_form("Lee", None)

    def row(i: int, text: str, label: str, speaker: str | None = None) -> dict:
        quote = {"quote_id": f"q{i}", "speaker": speaker} if speaker else {"quote_id": None, "speaker": None}
        return {"doc_id": "d", "index": i, "text": text, "label": label, "paragraph": i, "in_quote": False} | quote

    rows = [
        row(0, "Harbourmaster Ann Lee closed the pier on Monday.", "context"),
        row(1, '"It is not safe," said Lee.', "quote", "Lee"),
        row(2, '"We will reopen it in May," she said.', "quote", "harbourmaster Ann Lee"),
    ]
    scores = attribution_of(rows, SCORER)
    # both are given the fullest name, `Harbourmaster Ann Lee`: the gold's form for the second
    # (case aside), a longer one for the gold `Lee` of the first, which the lenient rule accepts
    assert scores["speaker_accuracy"] == scores["speaker_strict_accuracy"] == 1.0
    assert scores["speaker_exact_accuracy"] == 0.5
    assert "| speaker accuracy | strict | exact form |" in attribution_table(scores)


def test_an_unattributed_quotation_after_a_quote_sentence_of_its_paragraph_is_that_speakers() -> None:
    article = (
        "Harbour plan\n\n"
        "Mayor Ana Ruiz met port director Carl Moss on Monday.\n\n"
        'The Harbour Trust criticised the plan of Carl Moss as "a mess from top to bottom". '
        '"Every promise in it has already been broken. Nobody on the waterfront believes it."\n\n'
        '"We will appeal," said Ana Ruiz.'
    )
    got = who(article, "XCQQQQ")
    assert got[2][1] == got[3][1] == got[4][1] == "Harbour Trust"  # not Carl Moss, named in passing
    assert got[5][1] == "Ana Ruiz"


def test_a_quotation_closed_by_he_said_is_the_person_the_sentence_before_introduced() -> None:
    article = (
        "Dock dispute\n\n"
        "Tom Berg, a retired docker, wrote to the port in May. "
        '"The talks have failed," said union leader Carl Moss.\n\n'
        "The port's reply was forwarded to Berg, who has campaigned for the dockers for years. "
        '"I have read it twice. It answers nothing," he said.'
    )
    got = who(article, "XCQCQQ")
    assert got[2][1] == "Carl Moss"
    assert got[4][1] == got[5][1] == "Tom Berg"  # not Carl Moss, the latest speaker


def test_verbs_of_saying_the_annotators_count() -> None:
    article = (
        'Retired colonel Tom Reid mourned the loss of "the old discipline" in the navy. '
        "Port director Sam Ortiz surmised the crew had been tricked. "
        'Harbour chief Ana Diaz termed the rescue "a small miracle". '
        "The Coastal Workers Party (CWP) supported the inquiry."
    )
    got = who(article, "QQQQ")
    assert [g[1] for g in got] == ["Tom Reid", "Sam Ortiz", "Ana Diaz", "Coastal Workers Party"]


def test_a_time_or_an_acronym_between_the_speaker_and_the_verb() -> None:
    article = (
        'The Coastal Fisheries Council (CFC) on Friday called the quota "a death sentence". '
        "Harbour chief Ana Diaz last week said the boats would stay in port."
    )
    got = who(article, "QQ")
    assert [g[1] for g in got] == ["Coastal Fisheries Council", "Ana Diaz"]


def test_who_in_capitals_is_the_organisation_and_its_definition_drops_the_date() -> None:
    article = (
        "Fever outbreak\n\n"
        "On Friday, the World Health Organization (WHO) met in Geneva. "
        "WHO have also warned that every nation should prepare field hospitals."
    )
    got = who(article, "XCQ")
    assert got[2][1] == "World Health Organization"  # was none: `who` the pronoun, never a name


def test_a_rare_verb_right_after_a_closing_quotation_mark_still_names_the_speaker() -> None:
    article = (
        '"The evidence is overwhelming," said judge Erik Holm.\n\n'
        '"I did nothing wrong," protested Lars Okun outside the court. "Nobody listened to me."'
    )
    got = who(article, "QQQ")
    assert got[0][1] == "Erik Holm"
    assert got[1][1] == got[2][1] == "Lars Okun"  # not the judge's run continued
    # the comma after the closing mark, as some papers write it
    article = (
        '"The evidence is overwhelming," said judge Erik Holm. "I did nothing wrong", protested Lars Okun outside.'
    )
    assert [g[1] for g in who(article, "QQ")] == ["Erik Holm", "Lars Okun"]


def test_a_noun_phrase_never_spans_the_quoted_words_or_a_comma() -> None:
    article = (
        "Stage debut\n\n"
        "Early in her career, Mara Quist was cast in a musical. "
        'Then just 19 years old, she looked at the part as a "chance to face my fears," '
        "having questioned her nerve for years. "
        '"It was frightening", protested Mara Quist outside the theatre.'
    )
    got = who(article, "XCQQ")
    assert got[2][1] == got[3][1] == "Mara Quist"  # was `a ... having`, the words around the quotation


def test_a_quotation_tagged_by_a_rare_verb_takes_the_whole_phrase_after_it() -> None:
    article = '"The pier will stay shut," stated an unnamed harbour official to the Gazette.'
    assert who(article, "Q")[0][1] == "an unnamed harbour official"  # not `an unnamed`


def test_two_people_who_each_say_a_part_of_one_sentence_are_both_its_speakers() -> None:
    article = (
        "Senator Ana Ruiz of Norland said she would wait for a plan and Senator Tom Berg of Eastmark said "
        'the vote was "too early". '
        "Lena Dahl, a fellow at the Centre for Political and Maritime Studies, said the talks would fail. "
        '"We heard the guns," said Ivo Marsh, a resident, while Omar Said Farah said the night was calm.'
    )
    got = who(article, "QQQ")
    assert got[0][1] == "Ana Ruiz and Tom Berg"  # as the annotators record a sentence two people say
    assert got[1][1] == "Lena Dahl"  # `Political and Maritime Studies` is no second speaker
    assert got[2][1] == "Ivo Marsh"  # no verb of saying between the two names: not joined


def test_more_verbs_of_saying_name_the_subject() -> None:
    article = "Expo\n\nThe expo opened on Friday in Port Vell. Voice actor Mira Sato marveled at the crowds."
    assert who(article, "XCQ")[2][1] == "Mira Sato"  # `marveled`: a verb of saying the lists lacked


def test_the_points_after_a_colon_sentence_are_said_by_its_subject() -> None:
    article = (
        "Harbour ruling\n\n"
        "The tribunal ruled on Monday.\n\n"
        "The ruling says:\n\n"
        "(a) the pier was closed without notice.\n\n"
        "(b) the fees must be repaid by June."
    )
    got = who(article, "XCCQQ")
    assert got[3][1] == got[4][1] == "The ruling"  # the sentence before the list names who says it


def test_for_and_and_inside_an_organisation_name_keep_it_whole() -> None:
    article = (
        "Director Ana Ruiz of the Norland Center for Coastal and Maritime Studies described the plan as "
        '"bold but late".'
    )
    assert who(article, "Q")[0][1] == "Ana Ruiz"  # not `Maritime Studies`, the end of the centre's name


def test_two_people_listed_after_the_verb_with_their_offices_are_both_speakers() -> None:
    article = (
        '"The prisoner has been moved," said Ana Ruiz, Foreign Minister and Tomas Berg, Attorney-General. '
        '"The port reopens," said Ivo Marsh, Minister of Transport and Coastal Affairs, on Monday.'
    )
    got = who(article, "QQ")
    assert got[0][1] == "Ana Ruiz and Tomas Berg"
    assert got[1][1] == "Ivo Marsh"  # `and Coastal Affairs` goes on with his office


def test_an_adverb_between_the_subject_and_the_verb_is_no_speaker() -> None:
    article = (
        "Judge Ana Ruiz fined the club on Monday. "
        "Ruiz further said the club had ignored two warnings. "
        "Officials here say the club will appeal."
    )
    got = who(article, "CQQ")
    assert got[1][1] == "Ana Ruiz"  # not `further`
    assert got[2][1] == "Officials"  # not `here`


def test_a_pronoun_after_saying_that_is_what_is_said_not_who_says_it() -> None:
    article = (
        "Harbour review\n\n"
        "Port Secretary Lena Voss asked General Tomas Brandt for a report on the docks. "
        "In his review, the general was hard on the crews, saying that they are badly trained. "
        "He says the crews need six more months."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == got[3][1] == "Tomas Brandt"  # was `they`, the subject of what is said


def test_a_name_after_the_town_of_is_a_place_a_pronoun_never_means() -> None:
    article = (
        "Border closed\n\n"
        "Officials have vowed to restore control of the crossing. "
        "Local baker Omar Haddad sells bread at the market. "
        "He called us from his cousin's house in the town of Karim Abad. "
        "He said the roads were closed."
    )
    assert who(article, "XQCCQ")[4][1] == "Omar Haddad"  # not `Karim Abad`, a town written like a name


def test_a_person_named_in_apposition_then_a_verb_is_the_subject_a_he_means() -> None:
    article = (
        "Border closed\n\n"
        'Mayor Ivan Petrov said the crossing "will reopen soon". '
        "A teacher who moved to the coast last year, Omar Haddad, wrote to the council. "
        "He said the roads were closed."
    )
    assert who(article, "XQCQ")[3][1] == "Omar Haddad"  # not the latest speaker, Petrov


def test_however_written_without_commas_between_the_speaker_and_the_verb() -> None:
    article = (
        "Court reporting\n\n"
        "Lawyer Nina Holt said the reports were unfair. "
        "Minister Karl Lund however welcomed the ruling. "
        "The judges, however, said nothing."
    )
    got = who(article, "XQQQ")
    assert got[2][1] == "Karl Lund"  # was `however`, taken for a lower-case subject
    assert got[3][1] == "The judges"  # set off by commas: the appositive reading stays


def test_he_takes_the_subject_written_after_a_role_in_lower_case() -> None:
    article = (
        "Ballot dispute\n\n"
        'Candidate Mark Dahl told the Ballot Board the rules were "unfair". '
        "Ballot law scholar Ruth Lind says Dahl has a case. "
        "However, she believes he must first go to court. "
        "A plane of Skyjet went missing on Monday. "
        "Skyjet owner Mira Holt said the pilots had flown the route for years. "
        "He added that the search would go on."
    )
    got = who(article, "XQQQCQQ")
    assert got[3][1] == "Ruth Lind"  # never `Ballot`, the sentence's first word
    assert got[6][1] == "Mira Holt"  # not the airline


def test_a_one_name_subject_behind_an_age_or_before_a_particle() -> None:
    article = (
        "City mourns\n\n"
        "Mayor Piotr Nowak was attacked on stage. Health minister Jan Kowal said he was in a critical state. "
        "Nowak, 53, has run the city since 1998. "
        "He recently said the new library would open in June."
    )
    assert who(article, "XCQCQ")[4][1] == "Piotr Nowak"  # was the latest speaker, Kowal
    article = (
        "Small star\n\n"
        '"We nearly missed it," said Lena Marsh. '
        "According to the lead author, Karl von Hessel, the star is the smallest known. "
        "He added that it barely burns hydrogen."
    )
    assert who(article, "XQQQ")[3][1] == "Karl von Hessel"  # was `Karl`


def test_it_and_they_take_the_organisation_or_group_the_sentence_before_opens_with() -> None:
    article = (
        "Navy losses\n\n"
        'Admiral Ana Ruiz told Marepost the fleet was "ready". '
        "Marepost is a news website based in Norland. It is known for its reports on the navy. "
        "It claims the navy lost two ships in May. "
        "Members of the Eastfield Rowing Club marched on Monday. They want the river cleaned."
    )
    got = who(article, "XQCCQCQ")
    assert got[4][1] == "Marepost"  # through the `It is known` before it; was the latest speaker, Ruiz
    assert got[6][1] == "Members of the Eastfield Rowing Club"
    # after a quote sentence the latest speaker goes on
    article = 'Admiral Ana Ruiz said the fleet was "ready". According to Ruiz, sailors want peace. They are trained.'
    assert who(article, "QQQ")[2][1] == "Ana Ruiz"


def test_a_description_in_the_tag_after_a_quotation_is_the_speaker_just_quoted() -> None:
    article = (
        "Song contest\n\n"
        'Ana Diaz said, "The crowd was wonderful." '
        '"We only get one night on that stage. It was worth every rehearsal," the Norland singer added.'
    )
    got = who(article, "XQQQ")
    assert got[2][1] == got[3][1] == "Ana Diaz"  # was `the Norland singer`, a description of no one named
    # a description that is the subject of reported speech stays as written
    article = 'Ana Diaz said, "We are ready." The Norland military said the border was closed.'
    assert who(article, "QQ")[1][1] == "The Norland military"


def test_the_nationality_noun_is_the_person_just_quoted() -> None:
    article = (
        "Cup final\n\n"
        '"They played well," said rival coach Rui Costa. '
        'The Portuguese added, "We will be back next year." '
        'The French said, "We will appeal."'
    )
    got = who(article, "XQQQ")
    assert got[2][1] == "Rui Costa"  # was `Portuguese`
    assert got[3][1] != "Rui Costa"  # a people, not the person just quoted


def test_a_joint_statement_speaks_as_written() -> None:
    article = (
        "Peace talks\n\n"
        "Asked about the statement, President Okoro said that the two sides were close. "
        "The joint statement said the leaders would meet every two weeks."
    )
    got = who(article, "XQQ")
    assert got[2][1] == "The joint statement"  # not the latest speaker, nor the name after `statement,`


def test_a_title_of_no_one_named_gives_way_to_the_sentences_subject() -> None:
    article = (
        "Party leader\n\n"
        "Ana Ruiz was elected leader on Monday. In the spring, Ruiz attacked the rules of the contest, "
        "and doubted that rival Jon Cole could ever win as Prime Minister, telling The Harbour Herald: "
        '"We must win the next vote. Nothing else matters."'
    )
    got = who(article, "XCQQ")
    assert got[2][1] == got[3][1] == "Ana Ruiz"  # was `Prime Minister`


def test_a_participle_of_saying_names_the_speaker_of_the_quotation_after_it() -> None:
    article = (
        "Party leader retires\n\n"
        'Prime Minister Jon Cole said: "She was the best of us." '
        "Ana Ruiz led the party for six years. "
        'This led to Ruiz remarking in her first speech that: "We are back in business."'
    )
    assert who(article, "XQCQ")[3][1] == "Ana Ruiz"  # was no one: `remarking` was no verb of saying


def test_telling_a_paper_names_its_subject_the_speaker_not_the_paper() -> None:
    article = (
        "School plans\n\n"
        "Minister Jon Cole visited Eastfield on Monday. "
        "Cole tried to calm parents that he would keep every school open, "
        'telling The Times of Norland: "I have a plan."'
    )
    assert who(article, "XCQ")[2][1] == "Jon Cole"  # was the paper


def test_an_unattributed_quotation_is_the_subject_of_the_words_that_introduce_it() -> None:
    article = (
        "Plane crash\n\n"
        "Pilot Jon Reed died in the crash. The Harbour Board (HB) had admitted that the planes leaked. "
        "The HB's reply to these questions was as follows: \"Our aircraft are built to strict standards "
        'and are checked before every flight." '
        'Norland Ferries put out a short note on its website, writing: "Every ship is safe."'
    )
    got = who(article, "XCCQQ")
    assert got[3][1] == "Harbour Board"  # was the person named before, the pilot
    assert got[4][1] == "Norland Ferries"


def test_he_takes_a_one_name_subject_written_behind_a_particle() -> None:
    article = (
        "Funding claims\n\n"
        "Karim al-Rashid, the son of the former ruler, accused the minister in March. "
        'Norpost says its sources are "former officials". '
        'When al-Rashid first made his claims, he said "The minister must give back the money."'
    )
    assert who(article, "XCQQ")[3][1] == "Karim al-Rashid"  # was Norpost, the latest speaker


def test_reported_speech_with_no_verb_of_saying_goes_on_with_the_speaker_before() -> None:
    article = (
        "Border closed\n\n"
        "Local baker Omar Haddad lives near the border. He said the roads were shut on Monday. "
        "The government has closed every road into the town.\n\n"
        "He said the shops were empty. The government would tell reporters the roads would reopen."
    )
    got = who(article, "XCQQQQ")
    assert got[3][1] == "Omar Haddad"  # was `The government`, the subject of what he reports
    assert got[5][1] == "The government"  # `tell`: the government says it


def test_a_plural_subject_after_a_comma_or_but_is_the_speaker() -> None:
    article = (
        "Ferry fares\n\n"
        "Harbour chief Ana Ruiz spoke on Monday. The fares were never published, but reports said they doubled. "
        "Earlier, witnesses said the ferry was late again."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "reports"  # was `they`: `but` read as inside a noun phrase
    assert got[3][1] == "witnesses"  # was `they`: `earlier` read as inside a noun phrase


def test_a_his_inside_a_quotation_gives_the_speaker_no_gender() -> None:
    article = (
        "Border talks\n\n"
        "Defence minister Lisa Hale met the envoys on Monday. She said the talks had gone well.\n\n"
        'Foreign minister Ana Berg said the deal was a "fair one". '
        '"At his request, the envoy agreed to every term," she said.'
    )
    assert who(article, "XCQQQ")[4][1] == "Ana Berg"  # was Lisa Hale: the quoted `his` made Berg a man


def test_he_in_a_tag_after_one_official_is_that_official_and_she_no_spokesman() -> None:
    article = (
        "Port deal\n\n"
        'Norland envoy Karl Brandt denied the reports. "We never agreed to it," he said.\n\n'
        '"The deal will anger the unions," one senior official said. "And that is what the critics want," he added.'
    )
    got = who(article, "XCQQQ")
    assert got[4][:2] == ("q2", "official")  # was Karl Brandt: a bare `official` was no person for `he`
    article = (
        "Bridge opens\n\n"
        'Mayor Ana Ruiz opened the bridge. "It is a great day," she said.\n\n'
        'A police spokesman said the old road was closed. "Nobody will miss it," she added.'
    )
    assert who(article, "XCQQQ")[4][1] == "Ana Ruiz"  # a spokesman is no `she`


def test_him_as_a_speaker_is_read_as_he() -> None:
    article = (
        "Storm damage\n\n"
        'Fire chief Omar Haddad toured the town on Monday. "We lost three homes," he said.\n\n'
        "According to him, the river rose by two metres overnight."
    )
    assert who(article, "XCQQ")[3][1] == "Omar Haddad"  # was `him`


def test_the_points_after_a_colon_are_one_run_of_the_introducer_even_where_they_name_someone() -> None:
    article = (
        "Port strike\n\n"
        "The dockers walked out on Monday. The Norland Dockers Union explains on its website:\n\n"
        "Karl Brandt cut the night shifts without notice.\n\n"
        "Workers are kept on the quay for twelve hours."
    )
    got = who(article, "XCCQQ")
    # was q1 `Karl Brandt` and q2 `Workers`: the subjects of the points
    assert got[3][:2] == got[4][:2] == ("q1", "Norland Dockers Union")


def test_a_press_release_is_its_issuers_and_a_point_of_it_names_no_new_speaker() -> None:
    article = (
        "Detainee dies\n\n"
        "The Norland Defence Force (NDF) reported the death of a detainee on Friday. "
        "According to the NDF press release that announced his death:\n\n"
        "Karl Brandt was assessed to be a senior commander of the rebels."
    )
    got = who(article, "XQQQ")
    # was `NDF press`; and the person a point names is no sayer to give the run to
    assert got[2][:2] == got[3][:2] == ("q2", "Norland Defence Force")


def test_a_statement_printed_as_a_plain_paragraph_in_the_first_person_is_one_run() -> None:
    article = (
        "After the match\n\n"
        "Norland lost 3-0 at home on Saturday.\n\n"
        "It was not a good day for us. The task now is to regroup before the cup."
    )
    got = who(article, "XCQQ")
    assert got[2][0] == got[3][0] == "q1"  # were two runs


def test_the_source_is_the_agency_it_spoke_to() -> None:
    article = (
        "Ferry inquiry\n\n"
        "Norpress spoke to an anonymous source close to the inquiry. "
        '"Why did the captain turn back?" said the source. '
        "A source told the Eastmark news agency the ferry had been overloaded."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Norpress"  # was `the source`
    assert got[3][1] == "Eastmark news agency"  # was `A source`


def test_a_part_of_a_hyphenated_surname_is_the_person() -> None:
    article = (
        "Harbour strike\n\n"
        "The strike was called by union leader Ana Berg-Lund and minister Karim al-Haddad on Monday. "
        '"We will not go back," Berg said. '
        '"The talks are over," Haddad said.'
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Ana Berg-Lund"  # was `Berg`: the name index keyed whole words only
    assert got[3][1] == "Karim al-Haddad"  # was `Haddad`


def test_a_spokesperson_for_a_short_form_names_the_organisation_in_full() -> None:
    article = (
        "Port closed\n\n"
        "The Harbour Safety Board (HSB) closed the port on Monday. "
        'A spokesperson for the HSB said, "The cranes are unsafe." '
        "The Eastmark Sailing Foundation runs the marina. "
        'A spokeswoman for the Foundation said, "We were not told."'
    )
    got = who(article, "XCQCQ")
    assert got[2][1] == "A spokesperson for the Harbour Safety Board"  # was `... for the HSB`
    assert got[4][1] == "A spokeswoman for the Eastmark Sailing Foundation"  # was `... for the Foundation`


def test_a_group_alone_takes_the_place_a_leading_phrase_names() -> None:
    article = (
        "Storm warning\n\n"
        "At the Norland weather centre, forecasters said that the storm was the worst in decades. "
        "In Eastmark, two tremors were felt. "
        "But the authorities stated there was no danger."
    )
    got = who(article, "XQCQ")
    assert got[1][1] == "forecasters at the Norland weather centre"  # was `forecasters`
    assert got[3][1] == "the authorities in Eastmark"  # was `the authorities`


def test_a_base_verb_of_saying_after_a_name_ends_the_noun_phrase() -> None:
    article = "Vote dispute\n\nThe Norland League claim the vote was rigged and the count was stopped."
    got = who(article, "XQ")
    assert got[1][1] == "Norland League"  # was `The Norland League claim`


def test_a_name_written_before_its_office_and_place_is_the_person() -> None:
    article = (
        "Hostage freed\n\n"
        "Ana Ruiz Prime Minister of Norland issued a statement on the release of the reporter. "
        '"I welcome the good news of his release."'
    )
    got = who(article, "XCQ")
    assert got[2][1] == "Ana Ruiz"  # was `of Norland`


def test_a_name_after_the_verb_and_the_that_closes_a_quotation_speaks() -> None:
    article = (
        "Election\n\n"
        '"The campaign was calm and the count was orderly," said the Eastmark Development Community '
        "(EDC), which sent 98 observers to the vote."
    )
    got = who(article, "XQ")
    assert got[1][1] == "Eastmark Development Community"  # was None: `said the` kept the tag rule off


def test_a_day_before_a_glued_courtesy_title_is_no_part_of_the_name() -> None:
    article = (
        "March planned\n\n"
        "Opposition leader Tomas Ruiz Vale spoke in Harbourtown on Monday. "
        'On Tuesday Mr.Vale said, "We will march on Friday."'
    )
    got = who(article, "XCQ")
    assert got[2][1] == "Tomas Ruiz Vale"  # was `Tuesday Mr.Vale`


def test_a_day_after_the_verb_is_no_speaker() -> None:
    article = (
        "Port deal\n\n"
        "A senior union leader in Harbourtown, Tomas Vale, said Saturday there had been an agreement with the port."
    )
    got = who(article, "XQ")
    assert got[1][1] == "Tomas Vale"  # was `Saturday`


def test_the_person_in_apposition_after_an_editor_speaks() -> None:
    article = "Correction\n\nNorpress's Editor, Ana Vale, said the error was the magazine's own."
    got = who(article, "XQ")
    assert got[1][1] == "Ana Vale"  # was `Norpress's Editor`


def test_according_to_at_the_sentence_end_names_the_speaker() -> None:
    article = (
        "Blasts\n\n"
        'The Harbour Bridge bombs were described as "small but not crude," according to police. '
        "Tomas Vale said the bridge would reopen, according to the Norland Post."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "police"  # was `The Harbour Bridge bombs`
    assert got[2][1] == "Tomas Vale"  # beside the verb of saying: the outlet only reports it


def test_according_to_opening_the_sentence_names_the_speaker() -> None:
    article = (
        "Conference\n\n"
        "According to the police, her death was considered unexplained and Tomas Vale was questioned. "
        "According to analysts, the patrols are not meant to intimidate Norland; rather, they are a gesture of support."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "the police"  # was `Tomas Vale`
    assert got[2][1] == "analysts"  # was `they`


def test_a_group_with_its_qualifier_speaks_not_the_last_noun_of_the_qualifier() -> None:
    article = (
        "Ferry cuts\n\n"
        "The Norland ferry will sail twice a day from May. "
        "Shopkeepers on the north side of the quay say trade has halved. "
        "Supporters of the timetable argue it saves money. "
        "A fisherman in the harbour said the boats were empty. "
        "Critics of the plan, which the council approved, say it was rushed."
    )
    got = who(article, "XCQQQQ")
    assert got[2][1] == "Shopkeepers on the north side of the quay"  # was `the quay`
    assert got[3][1] == "Supporters of the timetable"  # was `the timetable`
    assert got[4][1] == "A fisherman"  # one person: written without the place
    assert got[5][1] != "Critics of the plan, which the council approved"  # a clause is no part of the name


def test_a_spokesperson_for_a_unit_an_organisation_owns_names_the_unit() -> None:
    article = (
        "Ship seized\n\n"
        '"The ship was taken at dawn," said a spokeswoman for the Norland Navy\'s anti-smuggling mission in Eastport. '
        '"There were 20 crew on board."'
    )
    got = who(article, "XQQ")
    want = "a spokeswoman for the Norland Navy's anti-smuggling mission"  # was `... for the Norland Navy`
    assert got[1][1] == got[2][1] == want


def test_a_number_or_quantity_opens_the_speaker_as_a_determiner_does() -> None:
    article = (
        "Crash\n\n"
        "A bus hit a wall in Eastport, police chief Tom Vale said. "
        '"It could have been me," said one woman, who passed the scene shortly before. '
        "She added she had seen the wreck. "
        "The council closed the road on Friday. "
        "Some protesters did support the plan."
    )
    got = who(article, "XQQQXQ")
    assert got[2][1] == "one woman"  # was `Tom Vale`: no candidate in the sentence
    assert got[3][1] == "one woman"  # one person described, whom the next `she` means
    assert got[5][1] == "Some protesters"  # was None


def test_a_capitalised_verb_inside_a_name_does_not_end_the_noun_phrase() -> None:
    article = (
        "Talks\n\n"
        'The United States embassy released a statement warning citizens of a "volatile situation" in Eastport.'
    )
    assert who(article, "XQ")[1][1] == "The United States embassy"  # was `United States`: `States` read as a verb


def test_a_body_a_name_owns_speaks_with_its_owner() -> None:
    article = (
        "Talks\n\n"
        "France's foreign ministry released a statement on Wednesday that urged a return to talks: "
        '"We believe that peace on the border is vital." '
        "Eastmark's central bank said rates would stay where they are."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "France's foreign ministry"  # was `France`
    assert got[2][1] == "Eastmark's central bank"  # was `bank`


def test_a_part_of_a_group_speaks_as_written() -> None:
    article = (
        "Ferry protest\n\n"
        "The ferry company cut the winter timetable on Monday. "
        "Some of the protesters were calling the cuts a betrayal of the islands. "
        "One of the health boards named in the review said it had lost nine nurses."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Some of the protesters"  # was None
    assert got[3][1] == "One of the health boards named in the review"  # was `the review`


def test_a_noun_phrase_does_not_run_over_a_verb_in_s() -> None:
    article = (
        "Study\n\n"
        "The 2012 Harbour Development Report on Fishing was issued on Monday. "
        "The report attributes overall patterns of decline to overfishing in the bay."
    )
    got = who(article, "XCQ")
    assert got[2][1] == "2012 Harbour Development Report on Fishing"  # was `The report attributes overall`


def test_a_past_tense_after_an_opening_noun_phrase_is_its_verb() -> None:
    article = (
        "Plot\n\n"
        "The four suspects named other members of the group and claimed that they planned to attack the temple. "
        "The road was closed on Monday. "
        "The village elders' letter demands that the council act on the road."
    )
    got = who(article, "XQCQ")
    assert got[1][1] == "The four suspects"  # was `The four suspects named other members of the group`
    assert got[3][1] == "The village elders' letter"  # a possessive is no verb


def test_a_group_with_its_place_and_an_appositive_opens_a_reported_statement() -> None:
    article = (
        "Outbreak\n\n"
        "The virus has spread to nine towns. "
        "Government officials in Norland, the centre of the outbreak, have said that the outbreak has been curbed."
    )
    assert who(article, "XCQ")[2][1] == "Government officials in Norland"  # was None


def test_a_person_described_by_a_whose_clause_that_ends_the_sentence_keeps_it() -> None:
    article = (
        "Verdict\n\n"
        '"A day will come when the judge will answer for this. '
        "The verdict is unjust,\" said a mother whose son was sentenced to three years' jail."
    )
    got = who(article, "XQQ")
    assert got[1][1] == got[2][1] == "a mother whose son was sentenced to three years' jail"  # was `a mother`


def test_a_pronoun_after_representing_someone_gives_no_gender_to_the_speaker() -> None:
    article = (
        "Court martial\n\n"
        'According to inspector Captain Tomas Brenn: "The two pilots both misread the harbour map." '
        '"It was a quick route," said Brenn.\n\n'
        "None of the crew, including Captain Halvorsen, saw the pier.\n\n"
        "The ferry struck the pier at six in the evening, suffering damage to its hull and its radar. "
        "There were no injuries, but the ferry was forced to cancel its crossing and return to Eastport. "
        "It was sold a year later, though the company said that this was not due to the collision.\n\n"
        "Commander Ana Kell, representing Halvorsen, said that he took the whole blame for the collision.\n\n"
        '"He believes that he simply misread the map" she said.'
    )
    got = who(article, "XQQCCCCQQ")
    assert got[8][1] == "Ana Kell"  # was `Tomas Brenn`: her `he` (Halvorsen's) made her a man


def test_often_between_a_group_and_its_verb_is_skipped() -> None:
    article = "Dispute\n\nThe vote is set for May. Fishermen often argue that the quota will ruin the harbour."
    assert who(article, "XCQ")[2][1] == "Fishermen"  # was `often`


def test_a_verb_before_the_verb_of_saying_is_no_bare_subject() -> None:
    article = (
        "Harbour club\n\n"
        "The club met on Monday. "
        "Tom Vale dismissed claims that the club was in debt, but said the fees would rise. "
        "Ana Ruiz, the harbour secretary, denied claims that the berths were sold."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Tom Vale"  # was `dismissed`: `claims` read as the verb
    assert got[3][1] == "Ana Ruiz"  # was `denied`


def test_the_subject_of_a_passive_verb_of_saying_does_not_say_it() -> None:
    article = (
        "Storm\n\n"
        "The storm hit the coast on Monday. "
        "Offshore oil installations were expected to be spared, officials said."
    )
    assert who(article, "XCQ")[2][1] == "officials"  # was `installations`


def test_the_agent_of_a_passive_verb_of_saying_says_it() -> None:
    article = (
        "Storm\n\n"
        "In the Danish capital, the harbour was flooded. "
        "Nine deaths were reported by Danish authorities on Monday."
    )
    assert who(article, "XCQ")[2][1] == "Danish authorities"  # was None


def test_an_adverb_between_an_opening_subject_and_its_verb() -> None:
    article = (
        "Prison\n\n"
        "He was held for two years. "
        "The Vale administration eventually stopped denying that he had been held in custody."
    )
    assert who(article, "XCQ")[2][1] == "The Vale administration"  # was `Vale`


def test_a_group_noun_that_is_also_a_verb_before_a_verb_is_its_subject() -> None:
    article = (
        "Strike\n\n"
        "Tom Vale leads the dock union. "
        "Although some reports suggest the strike was planned, Vale claims the union had no part in it."
    )
    assert who(article, "XCQ")[2][1] == "Tom Vale"  # was `some`: `reports` read as the verb


def test_a_person_the_place_test_misreads_still_speaks() -> None:
    # `shouted at Harker` reads like a place and `City` like a town's name; the person speaks all the same
    article = (
        "Candidates clash over roads\n\n"
        "Tom Harker, a retired engineer, is running for the third seat.\n\n"
        '"Please keep your answers short," said the moderator, Lena Brandt. '
        "A man in the audience shouted at Harker and was led out. "
        'Harker said afterward that the man "had every right to be heard."\n\n'
        "Under Norland law, a tie is settled by lot. "
        '"I have never had to look that up," said City Clerk Mara Sorvik.'
    )
    from claimtag.inference.quotes import best_mention

    sentences = split_article(article)
    assert best_mention(sentences[4], SCORER, article).text == "Harker"  # was none: a place never speaks
    got = who(article, "XCQCQCQ")
    assert got[4][1] == "Tom Harker"
    assert got[6][1] == "Mara Sorvik"


def test_an_interview_names_each_turn_and_an_answer_runs_on_to_the_next_turn() -> None:
    article = (
        "Harbour festival\n\n"
        "Norpress interviewed Tomas Vale, the chair of the Eastmark Harbour Society.\n\n"
        "((Norpress)) How will the festival be different this year?\n\n"
        "Tomas: The location is new. The boats will sail at night.\n\n"
        "Secondly, it'll be a festival for the whole town.\n\n"
        "((Norpress)) How do you think the town will take it?\n\n"
        "Tomas: We hope it brings people back to the harbour."
    )
    got = who(article, "XCQQQQQQ")
    assert got[2][1] == got[6][1] == "Norpress"  # were no one and `you`
    assert got[3][1] == got[4][1] == got[7][1] == "Tomas Vale"
    assert got[5][:2] == (got[3][0], "Tomas Vale")  # was `Secondly`, a run of its own


def test_according_to_the_complaint_is_the_body_that_filed_it() -> None:
    article = (
        "Norbank sues Eastmark Chips\n\n"
        "Norbank filed an antitrust complaint against Eastmark Chips on Monday in the district court. "
        "According to the complaint, Eastmark Chips has unlawfully kept its monopoly by, among other things:\n\n"
        "Forcing retailers into exclusive deals;"
    )
    got = who(article, "XCQQ")
    assert got[2][1] == got[3][1] == "Norbank"  # was `the complaint`


def test_a_list_split_by_attributed_sentences_goes_on_with_its_first_speaker() -> None:
    article = (
        "Norbank sues Eastmark Chips\n\n"
        "The Norland Retail Council said on Monday that Eastmark Chips has broken the law by:\n\n"
        "Forcing retailers into exclusive deals;\n\n"
        "According to industry reports, Eastmark Chips has paid two retailers to drop rivals.\n\n"
        "Eastmark Chips paid Harbour Stores millions for exclusivity.\n\n"
        "Former Harbour Stores chief Tomas Vale said in 2004 that he was told to stop buying.\n\n"
        "Threatening retaliation against shops that stock rivals."
    )
    got = who(article, "XQQQQQQ")
    council = "Norland Retail Council"
    assert got[3][1] == "industry reports" and got[5][1] == "Tomas Vale"
    assert got[4][:2] == got[6][:2] == (got[1][0], council)  # were `Eastmark Chips` and `Tomas Vale`


def test_two_bodies_saying_their_parts_of_one_sentence_are_both_its_speakers() -> None:
    article = (
        "Flood toll disputed\n\n"
        "The Norland League claim 53 people died, while the fisheries ministry claim 51 died.\n\n"
        "Eastmark says the boats were in its waters while Westmark insists they were not."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Norland League and the fisheries ministry"  # was `Norland League`
    assert got[2][1] == "Eastmark and Westmark"  # was `Eastmark`


def test_the_agent_of_a_passive_verb_of_saying_is_the_speaker() -> None:
    article = (
        "Storm in Norland\n\n"
        "Twenty-three deaths were reported by the Eastmark coastguard on Monday.\n\n"
        "The new order was described by Commissioner Tomas Vale as a step backwards.\n\n"
        "Ana Ruiz said she still feels threatened by the storm."
    )
    got = who(article, "XQQQ")
    assert got[1][1] == "the Eastmark coastguard"  # was `deaths`
    assert got[2][1] == "Tomas Vale"  # was `The new order`
    assert got[3][1] == "Ana Ruiz"  # `feels threatened by` is no passive verb of saying


def test_lettered_points_go_on_the_list_past_a_footnote_and_a_verb_of_saying() -> None:
    article = (
        "Court rules on harbour fees\n\n"
        "The ruling is to say:\n\n"
        "(a) the fee is within the powers of the harbour board.\n\n"
        "(b) the fee was set without a hearing.\n\n"
        "# Harbour Act 1990, section 4.\n\n"
        "(c) the charge on fishing boats results in distinctions as to size.\n\n"
        "(d) another section of this Act states a small boat may pay less."
    )
    got = who(article, "XXQQXQQ")
    assert got[2][:2] == ("q1", "The ruling")
    assert got[5][:2] == got[6][:2] == ("q1", "The ruling")  # were runs of their own (no one, `Harbour Act`)


def test_a_quotation_tag_before_according_to_speaks_and_its_body_runs_on_over_and() -> None:
    article = (
        "Harbour abuse review\n\n"
        '"Abuse is a vile crime. We welcome the review," said a spokesperson for Kelsey and Marlow Council '
        "according to the Norland Post."
    )
    got = who(article, "XQQ")
    # was `Norland Post`, the outlet cited at the end, for the whole quotation
    assert got[1][1] == got[2][1] == "a spokesperson for Kelsey and Marlow Council"


def test_a_second_speaker_after_the_quotation_closes_in_a_while_clause_shares_the_sentence() -> None:
    article = (
        "Crew freed\n\n"
        'Tomas Vale, uncle of one of the crew, said it was "the best news imaginable. '
        'Let us just get them home," whilst his grandmother, Ana Ruiz, said that "we never lost hope."\n\n'
        "The pilot's lawyer, Karl Brandt, said outside court that \"it should have been avoided. "
        "The faults were known for years,\" while Norland Air's lawyers stated the inquiry had found nothing."
    )
    got = who(article, "XQQQQ")
    assert got[1][1] == "Tomas Vale" and got[3][1] == "Karl Brandt"
    assert got[2][1] == "Tomas Vale and Ana Ruiz"  # was `Tomas Vale`
    assert got[4][1] == "Karl Brandt and Norland Air's lawyers"  # was `Karl Brandt`


def test_a_response_a_sentence_opens_with_is_its_owners_quotation() -> None:
    article = (
        "Party expels founder\n\n"
        "The Norland Party expelled Tomas Vale on Monday. The conduct committee said the decision was unanimous.\n\n"
        'Vale\'s response to the expulsion was to tweet: "Breaking news! I have been expelled without a hearing!"'
    )
    got = who(article, "XCQQQ")
    assert got[3][1] == got[4][1] == "Tomas Vale"  # was `The conduct committee`, the run before's


def test_a_name_that_goes_on_to_a_participle_of_saying_opens_its_own_quotation() -> None:
    article = (
        "Tomas Vale and Ana Ruiz clash over vote count\n\n"
        'Tomas Vale said "we will win this count. We have all the details." '
        'Ruiz was dismissive when interviewed on Norland TV, saying "I am sorry to see you in the role of a '
        "spokesman for the other side, frankly I have known you in far better roles over the years."
        ' They are nothing new."'
    )
    got = who(article, "XQQQQ")
    assert got[1][1] == got[2][1] == "Tomas Vale"
    assert got[3][1] == got[4][1] == "Ana Ruiz"  # were `Tomas Vale`, the quotation before
    assert got[3][0] != got[2][0]


def test_a_statement_that_reads_its_quotation_is_its_issuers() -> None:
    article = (
        "Airline safety row\n\n"
        "The Norland Aviation Authority (NAA) defended its record. "
        'One pilot said his "personal belief is that the agencies have lost the trust of pilots". '
        'An NAA statement yesterday morning read "The NAA has answered every letter and report from pilots, '
        'in several meetings and face-to-face interviews with the pilots and their representatives."'
    )
    got = who(article, "XCQQ")
    assert got[2][1].endswith("pilot")
    assert got[3][1] == "Norland Aviation Authority"  # was the pilot, the quotation before's


def test_he_after_a_leading_phrase_and_a_subject_means_that_subject() -> None:
    article = (
        "Port crackdown\n\n"
        'Harbour master Karl Brandt said the raids "were long overdue".\n\n'
        "In a speech today, Prime Minister Tomas Vale did not mention the union, and he said the purpose "
        'of the raids "was only to deal with the smugglers".'
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Karl Brandt"
    assert got[2][1] == "Tomas Vale"  # was `Karl Brandt`, the latest speaker


def test_a_relative_named_by_a_first_name_takes_the_family_surname() -> None:
    # tenth round (c): `Her mother, NAME` and `FIRSTNAME's daughter NAME`, as the team corpus records them
    article = (
        "Chess\n\n"
        "Ilsa Varnholt won the junior title on Sunday. "
        "Varnholt trains each morning before school. "
        "Her mother, Greta, a nurse, said the fees were high. "
        "Ilsa's brother Jonas, 19, said she had earned it."
    )
    got = who(article, "XCCQQ")
    assert got[3][1] == "Greta Varnholt"  # was `Greta`
    assert got[4][1] == "Jonas Varnholt"  # was `Jonas`


def test_a_witness_who_accepts_under_cross_examination_says_it() -> None:
    # tenth round (c): `accepted` is a verb of saying; the questioner after `by` is not the speaker
    article = (
        "Trial\n\n"
        "Tomas Vale told the jury the money had gone from his account. "
        "Under cross-examination by Ana Ruiz, for the defence, Mr Vale accepted that he had signed the form."
    )
    assert who(article, "XQQ")[2][1] == "Tomas Vale"  # was `Ana Ruiz`


def test_the_person_a_leading_clause_puts_a_question_to_answers_it() -> None:
    # tenth round (c): `When we put the figures to Ms NAME, she said`, not the latest speaker
    article = (
        "Bus cuts\n\n"
        '"Half the routes have gone," said Tomas Vale, who chairs the passengers\' group. '
        "The county's transport lead is Greta Lind. "
        "The depot's own timetable, compiled by Tomas Vale, lists 40 routes. "
        "When we put the figures to Ms Lind, she said the evening services were counted separately."
    )
    assert who(article, "XQCCQ")[4][1] == "Greta Lind"  # was `Tomas Vale`


def test_finally_opening_a_sentence_is_no_name_and_a_writer_wonders() -> None:
    # tenth round (c): a letters page's last letter, `Finally, the Rev NAME of PLACE wonders whether ...`
    article = (
        "Letters\n\n"
        "Tomas Vale says the plan is sound. "
        "Finally, the Rev Greta Lind of St Brendan's, Whitmoor, wonders whether anyone has asked the children."
    )
    assert who(article, "XQQ")[2][1].endswith("Greta Lind")  # was `Finally` (now `Rev Greta Lind`)


def test_a_person_who_works_for_the_council_is_not_the_council() -> None:
    # tenth round (c): `NAME, the council's deputy returning officer` is not what `The council said` means
    article = (
        "Recount\n\n"
        "Marsh Vale Borough Council ordered a recount on Friday. "
        '"We found the box," said Tomas Vale, the council\'s deputy returning officer. '
        "The council said the new count would be published next week."
    )
    assert who(article, "XCQQ")[3][1] == "Marsh Vale Borough Council"  # was `Tomas Vale`


def test_an_opening_organisation_keeps_its_name_through_of() -> None:
    # tenth round (c): a reported statement opening with `The Bureau of NAME's latest advice says`
    article = (
        "Cyclone\n\n"
        "The cyclone is moving south-west. "
        "The Bureau of Stormwatch's latest advice, issued at 7pm, says the storm has strengthened."
    )
    assert who(article, "XCQ")[2][1] == "Bureau of Stormwatch"  # was `Bureau`


def test_a_spokesman_for_a_place_named_with_s_keeps_it() -> None:
    # tenth round (c): `A spokesman for Vale's` (a restaurant so named), not `... for Vale`
    article = "Review\n\nA spokesman for Vale’s said bookings had tripled since the review."
    assert who(article, "XQ")[1][1] == "A spokesman for Vale’s"


def test_a_person_described_by_age_alone_is_the_person_the_article_was_on() -> None:
    # tenth round (c): `the 24-year-old said` refers back as a he/she does
    article = (
        "Hurdles\n\n"
        "Ana Ruiz won the 60m hurdles in a personal best. "
        "Ruiz only reached the city on Friday after her flight was diverted. "
        '"I just came here to run," the 24-year-old said afterwards.'
    )
    assert who(article, "XCCQ")[3][1] == "Ana Ruiz"  # was `the 24-year-old`


def test_associate_professor_and_a_surname_is_the_person() -> None:
    # tenth round (c): `Associate Professor NAME` resolves by surname as `Professor NAME` does
    article = (
        "Screening\n\n"
        '"Twenty weeks is the point," said Associate Professor Mei Ana Ruiz, the study\'s senior author. '
        "The test misses one case in ten. "
        "Associate Professor Ruiz said that rate was acceptable."
    )
    assert who(article, "XQCQ")[3][1] == "Mei Ana Ruiz"  # was `Associate Professor Ruiz`


def test_a_country_alone_is_the_country_not_a_longer_name_it_opens() -> None:
    article = (
        "Fishing quotas\n\n"
        "The cod quota will fall by a third, according to the state paper Norway Today. "
        "Norway said it would not sign the deal. "
        "Ana Vale, who fishes out of Tromvik, said the boats would stay in port."
    )
    got = who(article, "XQQQ")
    assert got[1][1] == "Norway Today"
    assert got[2][1] == "Norway"  # was `Norway Today`: a country does not extend to a paper named after it
    assert got[3][1] == "Ana Vale"


def test_a_body_written_before_a_role_is_not_the_person_who_holds_it() -> None:
    article = (
        "Ferry orders\n\n"
        "Norferry CEO Ana Vale presented the figures in Bergen on Monday. "
        "Norferry said it would buy two new ships next year. "
        "Kestrel leader Tomas Ruiz spoke after her. "
        "Kestrel announced a strike for Friday."
    )
    got = who(article, "XCQCQ")
    assert got[2][1] == "Norferry"  # was `Ana Vale`: the company, not the chief executive named after it
    assert got[4][1] == "Kestrel"  # was `Tomas Ruiz`


def test_a_role_referred_back_finds_the_name_after_the_roles_of_phrase() -> None:
    article = (
        "Ferry subsidy\n\n"
        "The governor of the state of Eastmark, Tomas Vale, opened the new terminal on Monday. "
        "The newly elected governor said the subsidy would stay. "
        '"We will not raise the fares," he added.'
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Tomas Vale"  # was `governor`: `_by_role` reads `governor NAME` and `NAME, the governor`
    assert got[3][1] == "Tomas Vale"


def test_a_name_with_an_accented_capital_is_one_name() -> None:
    article = (
        "Ferry strike\n\n"
        "Norland's Transport Minister Tomás Ángel Ruiz called for calm on Monday. "
        '"We must stay calm," he said during a news conference.'
    )
    got = who(article, "XCQ")
    assert got[2][1] == "Tomás Ángel Ruiz"  # was `Transport Minister Tomás`: the full-name pattern stopped at `Á`


def test_a_role_written_in_capitals_after_the_is_the_person_written_with_it() -> None:
    article = (
        "Schools reopen\n\n"
        "The region's health minister Ana Ruiz and its education minister Tomas Vale met on Monday. "
        'Later the Education Minister said, "The schools will open next week."'
    )
    got = who(article, "XCQ")
    assert got[2][1] == "Tomas Vale"  # was `Education Minister`; not the other minister, Ana Ruiz


def test_a_role_in_the_headline_is_the_person_the_article_then_names_with_it() -> None:
    article = (
        "Norland Prime Minister calls for ferry talks\n\n"
        "Ana Ruiz, the Norland Prime Minister, has said the strike must end."
    )
    assert who(article, "QQ")[0][1] == "Ana Ruiz"  # was `Prime Minister`
    article = (
        "Eastmark's transport minister tells ferries to stay in port\n\n"
        "Tomas Vale, minister of transport for Eastmark, has told the ferry companies to wait for the storm to pass."
    )
    assert who(article, "QQ")[0][1] == "Tomas Vale"  # was `minister`


def test_a_person_named_by_the_first_two_of_three_names_is_output_in_full() -> None:
    article = (
        "Harbour inquiry\n\n"
        "On Monday, engineer Rosli Amin Hakim told the inquiry the crane had failed. "
        "Rosli Amin said the cable had not been checked for a year."
    )
    got = who(article, "XQQ")
    assert got[2][1] == "Rosli Amin Hakim"  # was `Rosli Amin`: fullest_name read only names between


def test_a_word_that_describes_the_person_a_sentence_opens_with_is_not_its_subject() -> None:
    article = (
        "Ferry Cup\n\n"
        "Eastmark Rovers lost the final to Norland on Sunday. "
        "Rovers centre back Tomas Vale admitted the defence had failed. "
        '"We started too slowly," he told the club website.'
    )
    got = who(article, "XCQQ")
    assert got[3][1] == "Tomas Vale"  # was `Eastmark Rovers`: `Rovers` was read as the sentence's one-word subject


def test_a_name_ending_in_a_group_noun_is_no_person_a_pronoun_means() -> None:
    article = (
        "Ferry plan\n\n"
        "Norferry chief executive Tomas Vale presented the plan on Monday. "
        '"The ferries will sail again," he said. '
        "He said the plan had the support of the Norland Dock Workers union, the Norwegian Dock Workers union and "
        "the owners. "
        "He also said the fares would not rise."
    )
    got = who(article, "XCQQQ")
    assert got[4][1] == "Tomas Vale"  # was `Dock Workers`: `Norwegian Dock Workers` less its nationality


def test_a_name_never_opens_with_a_preposition() -> None:
    article = (
        "Ferry plan\n\n"
        "Norferry chief executive Tomas Vale presented the plan on Monday. "
        '"We will grow," he said. '
        "Of NF's routes in the north, he said they were the most profitable."
    )
    got = who(article, "XCQQ")
    assert got[3][1] == "Tomas Vale"  # was `Of NF`, the person the sentence seemed to open with


def test_a_full_name_with_a_misspelt_surname_is_the_person_with_the_same_first_name() -> None:
    article = (
        "Party leadership\n\n"
        "The candidates, Sir Tomas Hallworth and Ana Ruiz, spoke at the conference on Monday. "
        "The acting leader, Tomas Halworth, said that he wanted new thinking on the ferries."
    )
    got = who(article, "XCQ")
    assert got[2][1] == "Tomas Hallworth"  # was `Tomas Halworth`, one letter off


def test_a_day_after_a_name_is_no_part_of_it() -> None:
    article = (
        "Ferry vote\n\n"
        'A motion passed by the Norland Assembly Thursday asked the ports "to agree on a shared timetable". '
        "The ferries will sail again, according to harbour master Ana Ruiz on Friday."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Norland Assembly"  # was `Norland Assembly Thursday`
    assert got[2][1] == "Ana Ruiz"  # was `harbour master Ana Ruiz on Friday`


def test_a_spokesperson_for_a_surname_names_the_person_in_full() -> None:
    article = (
        "Ferry contracts\n\n"
        "Senator Tomas Vale met the ferry owners twice last year. "
        "A spokesperson for Vale said those meetings were part of his work on the transport committee."
    )
    got = who(article, "XCQ")
    assert got[2][1] == "A spokesperson for Tomas Vale"  # was `A spokesperson for Vale`


def test_a_surname_after_a_countrys_possessive_is_the_person() -> None:
    article = (
        "Kenya's Otieno wants new ferry talks\n\n"
        "Kenyan transport minister Amos Otieno said on Monday that the talks must start again."
    )
    got = who(article, "QQ")
    assert got[0][1] == "Amos Otieno"  # was `Kenya's Otieno`


def test_a_place_before_a_title_and_surname_leaves_the_surname() -> None:
    article = (
        "Ferry fraud\n\n"
        "The case is led by Josef Marek, the state's attorney in Eastmark. "
        "According to Eastmark Attorney Marek, the ledger could strengthen the case."
    )
    got = who(article, "XCQ")
    assert got[2][1] == "Josef Marek"  # was `Eastmark Attorney Marek`


def test_a_speaker_is_the_name_without_the_titles_and_body_written_before_it() -> None:
    from claimtag.inference.quotes import Mention, _name_alone

    article = (
        "Clinic reopens\n\n"
        "The clinic in Eastmark reopened on Monday. "
        '"We are ready," said Dr Ana Ruiz. '
        '"It took two years," said Mum-of-two Tracy Vale.'
    )
    assert [s for _, s, _ in who(article, "XCQQ")][2:] == ["Ana Ruiz", "Tracy Vale"]  # were `Dr ...`, `Mum-of-two ...`
    # `the Norland Ambassador to Eastmark Tomas Hale` read from its `to`: the body goes, the name stays
    text = article + " The ambassador to Eastmark Tomas Hale spoke next. Hale said more money would follow."
    at = text.index("Eastmark Tomas Hale")
    got = _name_alone(text, Mention(at, at + len("Eastmark Tomas Hale"), "Eastmark Tomas Hale", "name"))
    assert (got.text, text[got.start : got.end]) == ("Tomas Hale", "Tomas Hale")
    # a name that opens with a word the article also writes alone is not cut where that word never stands alone
    text = article + " United Arab Emirates officials met United Nations staff."
    at = text.index("United Arab Emirates")
    assert _name_alone(text, Mention(at, at + 20, "United Arab Emirates", "name")).text == "United Arab Emirates"


def test_the_pontiff_is_the_pope_named_before() -> None:
    article = (
        "Easter message\n\n"
        "Pope Clement delivered his Easter address in the square on Sunday. "
        "The pontiff remembered the regions at war."
    )
    got = who(article, "XCQ")
    assert got[2][1] == "Pope Clement"  # was `The pontiff`


def test_a_referring_noun_is_the_latest_speaker_the_article_names_as_no_person() -> None:
    article = (
        "Bureau closed\n\n"
        'Officials ordered the channel off the air on Monday. Norpress said it was "appalled". '
        'In a statement, the news agency added: "Norpress sees this as an attempt to silence us."'
    )
    got = who(article, "XCQQ")
    assert got[3][1] == "Norpress"  # was `the news agency`


def test_his_barrister_is_the_barrister_of_the_person_the_sentences_before_open_with() -> None:
    # tenth round (c): the team corpus writes `NAME's barrister` for `His barrister`
    article = (
        "Burglary\n\n"
        "Police found Vale asleep in the bedroom. "
        "Vale, who has 31 previous convictions, was jailed for two years. "
        "He had been let out of prison six weeks earlier. "
        "His barrister told the court he had been sleeping rough."
    )
    assert who(article, "XCCCQ")[4][1] == "Vale's barrister"  # was `His barrister`


def test_the_byline_writer_is_no_person_a_quotation_goes_to() -> None:
    # tenth round (c): `By NAME` was read as a person, and quotations went to the writer
    article = (
        "Driver sentenced\nBy Greta Lind\n\n"
        '"It was a terrible mistake."\n\n'
        "The victim's daughter, Ana Ruiz, read a statement in court. "
        '"Dad walked to the library every day," she said.'
    )
    got = who(article, "XXQCQ")
    assert got[2][1] != "Greta Lind"  # was the writer
    assert got[4][1] == "Ana Ruiz"


def test_a_person_after_a_lower_case_by_in_running_text_is_a_person() -> None:
    # tenth round (c): only a `by` opening a line is a byline (`The ribbon was cut by NAME` is not)
    article = (
        "Shop reopens\n\n"
        "The ribbon was cut by Greta Lind, 94, who worked behind the counter as a teenager. "
        '"I sold paraffin and mousetraps across that counter," she said.'
    )
    assert who(article, "XCQ")[2][1] == "Greta Lind"  # was `she`


def test_mrs_and_a_couples_surname_is_the_wife_not_the_husband() -> None:
    # tenth round (c): `Greta and Tomas Vale` indexes `Tomas Vale`; `Mrs Vale` is the other first name
    article = (
        "Maternity review\n\n"
        "Greta and Tomas Vale, whose son died after he was born at the unit, have campaigned for a review. "
        '"It was never a one-off," said Mrs Vale.'
    )
    assert who(article, "XCQ")[2][1] == "Greta Vale"  # was `Tomas Vale`


def test_a_company_named_with_its_legal_form_only_inside_a_quotation_keeps_the_articles_form() -> None:
    # eleventh round (b): `Norjet` took the `Norjet Plc` of a quoted statement as its fullest name
    article = (
        "Ferry firm disputes report\n\n"
        "Northwind said its ships carry more lifeboats than the rules require.\n\n"
        'A statement added: "Northwind Plc complies with every regulation in force."\n\n'
        'Northwind called the report "false and misleading".'
    )
    got = who(article, "XQQQ")
    assert got[3][1] == "Northwind"  # was `Northwind Plc`
    written = "Northwind Plc said its ships carry more lifeboats than the rules require. Northwind called it false."
    assert who(written, "QQ")[1][1] == "Northwind Plc"  # the article's own fullest form still counts


def test_a_participle_after_a_documents_head_is_not_part_of_its_name() -> None:
    # eleventh round (b): `A Norland Water report released` was the speaker, participle and all
    article = (
        "Rivers to shrink\n\nA Norland Water report released on Monday warns that summer flows could fall by a third."
    )
    assert who(article, "XQ")[1][1] == "A Norland Water report"  # was `... report released`


def test_according_to_a_body_stops_before_the_pronoun_that_opens_the_reported_clause() -> None:
    # eleventh round (b): `the Ministry of Health he died` was the speaker, the clause's subject and verb too
    article = (
        "Former mayor dies\n\n"
        "Tomas Vell had been ill for months and according to the Norland Ministry of Health he died on the ward."
    )
    assert who(article, "XQ")[1][1] == "the Norland Ministry of Health"  # was `... Health he died`


def test_a_described_speaker_quoted_by_an_outlet_is_the_speaker_not_the_outlet() -> None:
    # eleventh round (b): `A farmer was quoted by NAME:` and `quoted as saying to the newspaper NAME`
    # gave the quotation to the outlet
    article = (
        "Floods cut off valley\n\n"
        'A farmer was quoted by Norpress: "The boats cannot reach the lanes behind the mill."\n\n'
        '"We have waited three days," one shopkeeper was quoted as saying to the newspaper Vale Daily.'
    )
    got = who(article, "XQQ")
    assert got[1][1] == "A farmer"  # was `Norpress`
    assert got[2][1] == "one shopkeeper"  # was `Vale Daily`
    told = 'A source told Norpress: "The boats cannot reach the lanes."'
    assert who(told, "Q")[0][1] == "Norpress"  # a source's words stay the agency's, as recorded


def test_with_a_described_speaker_telling_an_outlet_is_that_speakers_quotation() -> None:
    # eleventh round (b): `with NP telling NAME` (an absolute phrase) read NP as someone spoken to
    article = (
        "Couple had argued, neighbours say\n\n"
        "The pair had a long history of rows, with a family friend telling the Vale Post, "
        '"They shouted at each other most nights."'
    )
    assert same_speaker(who(article, "XQ")[1][1], "a family friend")  # was `Vale Post`
    interview = "Mayor Ana Ruiz in an interview with the Vale Post said the bridge would reopen."
    assert who(interview, "Q")[0][1] == "Ana Ruiz"  # whom an interview is with is still no speaker


def test_a_phrase_of_place_or_time_before_a_body_is_no_name_it_resolves_to() -> None:
    # eleventh round (b): `In Norland, the opposition` made `In Norland` the name of `the opposition`
    article = (
        "Count disputed\n\n"
        "In Norland, the opposition rejected the count on Sunday.\n\n"
        "The opposition said the ballots in two districts had been tampered with."
    )
    assert who(article, "XCQ")[2][1] == "The opposition"  # was `In Norland`


def test_a_mention_closing_a_bracket_describes_the_subject_before_it() -> None:
    # eleventh round (b): `NP (one of the leaked papers) confirms` gave the quotation to `papers`
    article = (
        "Leak shows guard was asleep\n\n"
        "A night manager's log (one of the leaked papers) confirms that the gate was left open after midnight."
    )
    assert who(article, "XQ")[1][1] == "A night manager's log"  # was `papers`


def test_who_issued_a_statement_says_what_it_read() -> None:
    # eleventh round (b): `The NMA issued a statement which read: "...` named no speaker (no candidate
    # scores above zero), and the run of the report quoted before went on
    article = (
        "UN report criticises Norland\n\n"
        "The Norland Ministry of Water (NMW) denounced the report by the UN water panel.\n\n"
        'The NMW issued a statement which read: "Norland rejects the report. It is wrong on every count."'
    )
    sentence = split_article(article)[2]
    found = best_mention(sentence, SCORER, article)
    assert found is not None and found.text == "NMW"  # was None
    assert who(article, "XQQQ")[2][1] == "Norland Ministry of Water"


def test_an_outlets_article_or_blog_is_the_outlets() -> None:
    # eleventh round (b): `The Vale Courier article said` stayed the article; the annotators record the outlet
    article = (
        "Poll on mayor\n\n"
        'The Vale Courier article also said "most voters" would rather have coffee with the mayor.\n\n'
        "A New Norland Times blog argued that the poll was too small to mean anything."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Vale Courier"  # was `The Vale Courier article`
    assert got[2][1] == "New Norland Times"  # was `A New Norland Times blog`, not `Norland Times`


def test_a_relative_written_by_whom_they_belong_to_speaks() -> None:
    # eleventh round (a): `NAME's brother and coach told` named no candidate, and the run had no speaker
    article = (
        "Rower withdraws\n\n"
        "Swiss rower Greta Lind left the final after a fall in training. "
        "Afterwards, Lind's brother and coach told reporters, \"She was ready for this race."
    )
    assert who(article, "XCQ")[2][1] == "Lind's brother and coach"


def test_a_relative_followed_by_their_own_name_stays_that_person() -> None:
    article = (
        "Rower withdraws\n\n"
        "Swiss rower Greta Lind left the final after a fall in training. "
        '"She was ready for this race," Lind\'s brother Tomas told reporters.'
    )
    assert who(article, "XCQ")[2][1] == "Tomas Lind"  # not `Lind's brother`


def test_a_he_after_a_relative_who_spoke_means_the_relative() -> None:
    # eleventh round (a): a relative was no person for a he, which went to a man named in between
    article = (
        "Rower withdraws\n\n"
        "Swiss rower Greta Lind left the final after a fall in training, won by Piet Jansen's crew. "
        'Afterwards, Lind\'s brother and coach told reporters, "She was ready for this race." '
        'Asked about the course, which Jansen had praised, he said, "The water was too rough."'
    )
    assert who(article, "XCQQ")[3][1] == "Lind's brother and coach"


def test_his_mother_means_the_mother_of_the_person_the_his_means() -> None:
    # eleventh round (a): `His mother said` stayed `His mother` where the sentence before does not open
    # with the person, and her `she wrote` then went to the son
    article = (
        "Fundraiser dies\n\n"
        "Charity runner Tomas Hallberg has died at the age of 21. "
        "Hallberg's last race raised money for a hospice. "
        "His mother said he died peacefully in the night. "
        '"He gave everything to others," she wrote.'
    )
    got = who(article, "XCCQQ")
    assert got[3][1] == "Hallberg's mother"
    assert got[4][1] == "Hallberg's mother"


def test_a_title_written_half_in_lower_case_is_no_person() -> None:
    # eleventh round (a): `Norlandic Prime minister NAME` made `Norlandic Prime` a person, whom a she then meant
    article = (
        "Flood relief\n\n"
        "On Monday, Norlandic Prime minister Ana Ruiz spoke with the mayor of Eastmouth, offering help. "
        'She also wrote, "Our thoughts are with everyone in the valley."'
    )
    assert who(article, "XCQ")[2][1] == "Ana Ruiz"


def test_a_football_club_is_no_person_a_he_can_mean() -> None:
    # eleventh round (a): `Eastmouth FC` and `Norland Liga` were people, and a he over several sentences went to them
    # (`Per` opening a sentence stays a name's first word: `Per Larsson said`; the round's `Per the statement`
    # as no name was taken out again for it)
    article = (
        "Coach dies at 80\n\n"
        "Dutch coach Piet Jansen died on Sunday. "
        "He managed Eastmouth FC from 1988 to 1996. "
        'When he signed for the club, he said, "I know this club and its people."'
    )
    got = who(article, "XCCQ")
    assert got[3][1] == "Piet Jansen"
    assert who("Per Larsson said the talks would go on.", "Q")[0][1] == "Per Larsson"


def test_a_hyphenated_title_of_an_organisation_is_cut_from_the_name() -> None:
    # eleventh round (a): `Inspector-General of Police NAME` gave the organisation `Police NAME`, no
    # person for the she of the next sentence
    article = (
        "Break-in at harbour\n\n"
        "Harbour master Tomas Berg closed the quay on Friday. "
        '"We will not allow anyone near the boats," Inspector-General of Police Ana Ruiz told the Norland Post. '
        'She went on to say that the officers knew who had done it: "We know their names."'
    )
    assert who(article, "XCQQ")[3][1] == "Ana Ruiz"


def test_a_he_after_a_misspelt_name_means_the_name_as_first_spelt() -> None:
    # eleventh round (a): the he went to the misspelling in the sentence before, not to the person
    article = (
        "Harbour board elects chair\n\n"
        "Four candidates, Sir Tomas Hallberg, Ana Ruiz, Piet Jansen and Greta Lind, spoke at the meeting. "
        "The acting chair, Tomas Halberg, said that he wanted new thinking on the harbour. "
        "He suggested that the northern channel should be dredged first."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Tomas Hallberg"
    assert got[3][1] == "Tomas Hallberg"  # was `Tomas Halberg`


def test_an_opening_adverb_is_no_speaker_a_he_can_mean() -> None:
    # eleventh round (a): `Rapidly,` opening a quote sentence was a name, and every later he went to it
    article = (
        "Photos questioned\n\n"
        "The photographs were taken by Tomas Hallberg. "
        "Rapidly, several blogs even claimed that the photos were fake. "
        "He admitted that he had staged one of them."
    )
    assert who(article, "XCQQ")[3][1] == "Tomas Hallberg"


def test_a_preposition_opening_a_sentence_is_no_part_of_a_name() -> None:
    # eleventh round (a): `During Jansen's term, Greta ...` gave the speaker `During Jansen`
    article = (
        "Reporter retires\n\n"
        "Reporter Greta Lind covered six prime ministers. "
        "During Jansen's term, Greta ended every briefing with a question and a warning about her work: "
        '"In this job you are only as good as your last story."'
    )
    assert who(article, "XCQ")[2][1] == "Greta Lind"


def test_a_name_ending_in_a_role_gives_way_to_its_holder_in_apposition() -> None:
    # eleventh round (a): `Norferry CEO, NAME, justified ...` gave the speaker `Norferry CEO`
    article = (
        "Ferry order\n\n"
        'Norferry CEO, Ana Ruiz, justified the order by saying, "These ships are the most reliable we have tested."'
    )
    assert who(article, "XQ")[1][1] == "Ana Ruiz"


def test_a_curly_pair_inside_a_straight_quotation_closes_nothing() -> None:
    # twelfth round (b): `... fueled by other “newspapers” were meant to ..., either by NAME or NAME,`
    # inside a quotation of several paragraphs: the name after the pair was read outside and spoke
    article = (
        "Ferry fares rise\n\n"
        "The council has obtained a statement from harbour chair Ana Ruiz.\n\n"
        '"The fares were set years ago. The old board never asked the public. '
        "If the rumours, spread by other “experts” were meant to test the public, either by Fare Review "
        "or Ticket Reform, then the test worked.\n\n"
        '"We will not change course."'
    )
    got = who(article, "XCQQQQ")
    assert [g[1] for g in got[2:]] == ["Ana Ruiz"] * 4


def test_a_group_ending_in_a_nationality_keeps_its_plural_noun() -> None:
    # twelfth round (b): `Families of Kestrian sailors appealed` gave `Families of Kestrian` (cut at
    # the lower-case noun), and every later `Families say` took that form
    article = (
        "Families appeal for crew\n\n"
        "Families of Norwegian sailors held for a month appealed to the government on Friday. "
        "The ship's owner met the minister on Monday.\n\n"
        'Families say the crew have "little water".'
    )
    got = who(article, "QQCQ")
    assert got[0][1] == got[1][1] == got[3][1] == "Families of Norwegian sailors"


def test_a_statement_issued_by_someone_is_theirs() -> None:
    # twelfth round (b): `..., according to a statement issued by President NAME's office.` and its
    # quotation (`..." the statement explained.`) went to the officials quoted before
    article = (
        "Ferry sinks off Norland\n\n"
        "Officials say that a ferry sank near the harbour on Monday. "
        "Four crew were rescued, according to a statement issued by Governor Ana Ruiz's office.\n\n"
        '"The search goes on tonight. Divers are on the scene," the statement explained.'
    )
    got = who(article, "XQQQQ")
    assert got[1][1] == "Officials"
    assert [g[1] for g in got[2:]] == ["Governor Ana Ruiz's office"] * 3


def test_a_he_after_one_of_a_group_opening_the_sentence_before_is_that_one() -> None:
    # twelfth round (b): `One of the victims from NAME, who ..., recalled the attack. "...," he said`
    # gave a name inside an earlier sentence (no person) to the he
    article = (
        "Village attacked\n\n"
        "The raid broke the Lakeside Ceasefire Agreement, monitors said.\n\n"
        "One of the farmers from Nordby, who was around 70 years old, recalled the attack. "
        '"The men entered my house," he said. "I ran to the forest."'
    )
    got = who(article, "XQCQQ")
    assert got[3][1] == got[4][1] == "One of the farmers from Nordby"


def test_one_of_a_group_just_written_speaks_as_one_member() -> None:
    # twelfth round (b): `many protesters said ... "...," one said. Another added: "..."` gave the
    # speakers `one` and `Another` (the annotators write `one protester`, `another protester`)
    article = (
        "Rally in Nordby\n\n"
        "Speaking to reporters, many protesters said the new council did little. "
        '"We want a new vote," one said. Another added: "This is the same council."'
    )
    got = who(article, "XQQQ")
    assert got[2][1] == "one protester"
    assert got[3][1] == "Another protester"


def test_a_role_then_a_person_set_off_by_a_comma_gives_the_person() -> None:
    # twelfth round (b): `said NORG chief strategy expert, NAME.` gave the organisation
    article = (
        "Markets fall\n\n"
        "Shares fell on Friday, and traders were worried. "
        '"It is pretty ugly."\n\n'
        "said Norland Capital Group chief strategy expert, Ana Ruiz."
    )
    assert who(article, "XCQQ")[3][1] == "Ana Ruiz"


def test_a_he_after_a_person_who_gave_his_name_is_that_name() -> None:
    # twelfth round (b): `The church's priest, who gave his name as NAME, commented ... "...," he said`
    # gave the he to a source quoted before
    article = (
        "Stampede in Nordby\n\n"
        "A hospital source commented that some of the hurt were in critical condition. "
        "The church's priest, who gave his name as Halvard, commented on the incident.\n\n"
        '"We are in mourning. We accept the will of God," he said.'
    )
    got = who(article, "XQCQQ")
    assert got[3][1] == got[4][1] == "Halvard"


def test_a_preposition_ending_the_sentence_before_makes_no_place_of_a_name() -> None:
    # twelfth round (a): `... asked it to step in. NAME, the club's chair, estimated` typed NAME a
    # place (written after `in`), so her `she said` went to the person quoted before
    article = (
        "Marina to close\n\n"
        '"We tried everything," harbour master Tomas Hallberg said. '
        "The sailing club wrote to the council asking it to step in.\n\n"
        "Greta Lindqvist, the club's chair, estimated the marina brought two million euros a year. "
        '"Every mooring is taken in July," she said.'
    )
    assert who(article, "XQCQQ")[4][1] == "Greta Lindqvist"


def test_a_she_after_a_sentence_opening_with_a_team_and_its_coach_is_the_coach() -> None:
    # twelfth round (a): `Harbour Kites coach NAME said ...` opened with the team (a name the words
    # do not type), so the next `she said` went to the team
    article = (
        "Kites edge past Rovers\n\n"
        "Harbour Kites coach Mirela Dobrev said she was proud of the comeback. "
        '"You cannot give a side nine goals and expect to win every time," she said.'
    )
    assert who(article, "XQQ")[2][1] == "Mirela Dobrev"


def test_a_full_name_written_with_an_age_is_a_person_though_its_surname_is_a_word() -> None:
    # twelfth round (a): `NAME Price, 84, has ...` was no person's name (`price` written in lower
    # case in the article, `Price` never alone), so her `she said` went to an earlier speaker
    article = (
        "Bakery closes\n\n"
        '"Rents went up and the price of flour doubled," said baker Tomas Hallberg. '
        "Greta Price, 84, has bought her bread there every week since 1971. "
        '"It is like losing a neighbour," she said.'
    )
    assert who(article, "XQCQ")[3][1] == "Greta Price"


def test_a_name_ending_in_town_is_a_place_no_he_can_mean() -> None:
    # twelfth round (a): `a Port Kestrel publishing family` made `Port Kestrel` a person, and his `he said`
    # went to it past the woman quoted in between (a he chain the subject appositive breaks)
    article = (
        "Novel prize\n\n"
        "Sipho Dlamini won the Nandi Prize on Friday. "
        '"The book is brave," said Ms Thandi Zulu, who chaired the judges. '
        "The prize was founded by a Kaya Town publishing family. "
        "Dlamini, a teacher from a small village, wrote the novel over eight years. "
        "He learned of the shortlist from a colleague. "
        "He dedicated the prize to his father. "
        '"I wrote for my village," he said.'
    )
    assert who(article, "XCQCCCCQ")[7][1] == "Sipho Dlamini"


def test_a_she_goes_on_through_a_sentence_opening_with_her() -> None:
    # twelfth round (a): `NAME, 71, was told ... Her GP has ... "...," she said`: the chain of the
    # subject broke at the `Her`, and the she went to the woman quoted before
    article = (
        "Hip waits grow\n\n"
        '"We are doing all we can," said Dr Ana Ruiz, the trust\'s medical director. '
        "Greta Lindqvist, 71, was told last spring that she needed a new hip. "
        "Her doctor has increased her painkillers twice since then. "
        '"I sleep downstairs now," she said.'
    )
    assert who(article, "XQCCQ")[4][1] == "Greta Lindqvist"


def test_a_she_after_her_mother_introduced_is_the_mother() -> None:
    # twelfth round (a): the chain through `Her` stops at a relative, who is a new person
    article = (
        "Junior chess\n\n"
        "Mira Lindqvist, 14, won the junior title on Sunday. "
        "Her mother, Greta Lindqvist, said the family had spent its savings on travel. "
        '"We took a loan for the last tournament," she said.'
    )
    assert who(article, "XCQQ")[3][1] == "Greta Lindqvist"


def test_a_titled_person_whose_surname_is_a_place_word_is_a_she_it_can_mean() -> None:
    # twelfth round (a): `Area coroner NAME Lake` was a place by its last word, so her `She said`
    # went to the person quoted before
    article = (
        "Inquest into cyclist's death\n\n"
        '"No family should sit through this," said Tomas Hallberg, the cyclist\'s partner. '
        "Area coroner Greta Lake recorded a conclusion of accidental death. "
        "She said she would write to the Department for Transport about lorry mirrors."
    )
    assert who(article, "XQCQ")[3][1] == "Greta Lake"


def test_a_he_after_a_person_introduced_with_who_is_that_person() -> None:
    # twelfth round (a): `The workshop belongs to NAME, who has run ...` then `"...," he said` went to
    # the latest speaker, not the man the sentence before introduces
    article = (
        "Burglaries on farms\n\n"
        '"Thieves are targeting tools," said Tomas Hallberg of the rural crime team. '
        "The latest break-in was at a joinery workshop on Friday. "
        "The workshop belongs to Aled Morgan, who has run his business from the site since 2009. "
        '"The door was just hanging open," he said.'
    )
    assert who(article, "XQCCQ")[4][1] == "Aled Morgan"


def test_a_he_chain_goes_on_through_a_sentence_opening_with_last_year_he() -> None:
    # twelfth round (a): `NAME has led the council since 2019. Last year he ... He insisted`: the
    # chain of the subject broke at `Last year he` (no comma), and the he went to the latest speaker
    article = (
        "Council leader's trip\n\n"
        "Council leader Derek Hollins spent 4,000 pounds on a trip to Spain. "
        '"It is a kick in the teeth," said Ana Ruiz, who runs the food bank. '
        "Hollins has led the council since 2019. "
        "Last year he apologised for a taxi claim. "
        "He insisted the trip was a working visit."
    )
    assert who(article, "XCQCCQ")[5][1] == "Derek Hollins"


def test_a_she_chain_goes_on_through_her_partner_with_no_name_after_it() -> None:
    # twelfth round (a): `Her partner works days` stopped the chain as a relative introduced
    # (`Her mother, NAME,` does), and the she went to the latest speaker
    article = (
        "Night shifts\n\n"
        '"People think they can catch up at the weekend," said Dr Priya Malik. '
        "Greta Lindqvist, 34, works late shifts at a parcel warehouse. "
        "Her partner works days, so the couple see each other at weekends. "
        '"By the time I have wound down it is five," she told us.'
    )
    assert who(article, "XQCCQ")[4][1] == "Greta Lindqvist"


def test_a_she_after_a_reporter_spoke_to_a_person_introduced_with_who_is_that_person() -> None:
    # twelfth round (a): `Our reporter NAME spoke to NAME, who left her home ...` opened with the
    # reporter, whom the next `she said` took before the woman introduced
    article = (
        "Bushfire warning\n\n"
        "Firefighters are protecting homes north of the town. "
        "Our reporter Sam Ellery spoke to Greta Lindqvist, who left her home with her dogs. "
        '"Everything just went black," she said.'
    )
    assert who(article, "XCCQ")[3][1] == "Greta Lindqvist"


def test_a_him_in_a_womans_own_sentence_does_not_make_her_a_man() -> None:
    # twelfth round (a): `The opposition leader, NAME, accused him of ...` read her gender from the
    # `him`, so her `she said` went to another woman named before
    article = (
        "Council budget\n\n"
        "Ana Ruiz chairs the finance committee with her deputy. "
        '"We have cut everything that can be cut," said Dev Malik, the deputy mayor. '
        "The opposition leader, Greta Lindqvist, accused him of protecting pet projects. "
        '"The new conference centre is still going ahead, I notice," she said.'
    )
    assert who(article, "XCQQQ")[4][1] == "Greta Lindqvist"


def test_a_he_after_a_sentence_opening_with_mr_and_a_surname_is_that_man() -> None:
    # twelfth round (a): `Mr NAME now keeps his phone on silent.` opened with a title, so the
    # sentence's subject was not read and the next `he said` went to the latest speaker
    article = (
        "Phone scam\n\n"
        "Vinod Kapoor lost his savings to callers posing as police. "
        '"Nobody picks up the phone," said Dev Malik, who studies fraud. '
        "Mr Kapoor now keeps his phone on silent. "
        '"If it rings and I do not know the number, I let it ring," he said.'
    )
    assert who(article, "XCQCQ")[4][1] == "Vinod Kapoor"


def test_a_surname_written_alone_only_at_sentence_starts_still_opens_with_the_person() -> None:
    # twelfth round (a): `Achebe grew up on Barra, and she ...`: the surname is written alone only
    # at sentence starts (else as `NAME's`), so it was no subject and the quotation after went to
    # another name
    article = (
        "Island film\n\n"
        "Tamsin Okoro's second film is her best. "
        "The scene with her brother (Callum Reid) was shot in one take. "
        "Okoro grew up on Barra, and she cast several islanders. "
        '"I did not want actors doing the accent," she said.'
    )
    assert who(article, "XCCCQ")[4][1] == "Tamsin Okoro"


def test_a_headline_quotation_is_said_by_whom_the_body_gives_the_same_words() -> None:
    # thirteenth round (d): `'We froze': Maskell rues ...` and `... 'kept two sets of books', trial
    # told`: the headline's quoted words went to its own noun (`trial`) or to no one, though the body
    # repeats them in a sentence that names the speaker (teamtrain: six articles)
    article = (
        "Treasurer 'kept the tills open all night', hearing told\n"
        "By Sam Ellery\n\n"
        "A former treasurer of a rowing club is accused of theft. "
        "The club's secretary, Ana Ruiz, said he was trusted completely.\n\n"
        "An auditor, Dev Malik, told the court the tills were kept open all night for weeks."
    )
    assert [w[1] for w in who(article, "QXCQQ")] == ["Dev Malik", None, None, "Ana Ruiz", "Dev Malik"]


def test_a_role_noun_in_a_standfirst_is_the_person_the_body_first_writes_with_that_role() -> None:
    # thirteenth round (d): `Its director says it will not be the last.` (a standfirst, the heading's
    # second line) and `..., collision investigator tells inquest` (a person noun, no title): the
    # headline rule read only the first line and only titles (teamtrain: spo-005, law-006)
    article = (
        "A museum returns a drum\n"
        "The Vale Museum is returning a drum to Norland. Its director says more will follow.\n"
        "By Sam Ellery\n\n"
        "The drum left on Monday.\n\n"
        '"We are not emptying the museum," said Ana Ruiz, the director.'
    )
    assert who(article, "XCQXCQ")[2][1] == "Ana Ruiz"
    article = (
        "Van driver could not see the cyclist, collision investigator tells inquest\n"
        "By Sam Ellery\n\n"
        "A cyclist died at a junction in Eastmouth in May.\n\n"
        "PC Dev Malik, a forensic collision investigator, told the hearing the van had a blind spot."
    )
    assert who(article, "QXCQ")[0][1] == "Dev Malik"


def test_a_courtesy_title_of_the_other_gender_is_the_relative_named_by_first_name() -> None:
    # thirteenth round (d): `Mrs Rees said` after `Gwilym Rees, 74, collapsed ... His wife, Eirlys,
    # called 999` (and `Mr Trewin` after `Dorothy Trewin ... Her son, Paul,`) went to the one person
    # written in full with the surname, whom the article shows of the other gender (teamtrain: two articles)
    article = (
        "Farmer waited hours for ambulance\n\n"
        "Tomas Vale, 70, fell in the yard of his farm near Eastmouth. "
        "His wife, Greta, called for help at noon. "
        "The ambulance came at six.\n\n"
        '"Nobody came for six hours," Mrs Vale said.'
    )
    assert who(article, "XCCCQ")[4][1] == "Greta Vale"


def test_the_subject_before_a_who_clause_speaks_not_a_noun_at_the_end_of_the_clause() -> None:
    # thirteenth round (d): `Farmers who took part say ...` gave `part`, and `One diner who ate there on
    # its opening night told us ...` gave `night`: the noun right before the verb ends the `who` clause
    # (teamtrain: res-010, spk-006)
    article = (
        "Drip irrigation trial\n\n"
        "A trial of drip irrigation ended in March. "
        "Growers who joined the scheme say the pipes saved water."
    )
    assert who(article, "XCQ")[2][1] == "Growers"
    article = (
        "New bistro\n\nThe bistro opened in May. "
        "One guest who dined there on the first evening told us the soup was cold."
    )
    assert who(article, "XCQ")[2][1] == "One guest"


def test_an_indefinite_or_plural_role_is_no_person_named_with_that_role() -> None:
    # thirteenth round (d): `One neighbour, who did not want to be named, said` went to the `neighbour
    # NAME` of the story, and `Several teachers said` to `teacher NAME` (teamtrain: cri-016, int-014, int-010)
    article = (
        "Hedge dispute\n\n"
        "Retired pilot Dev Malik took his neighbour Ana Ruiz to court over a hedge. "
        "One neighbour, who asked not to be named, said the pair had once been friends."
    )
    assert who(article, "XCQ")[2][1] == "One neighbour"
    article = (
        "Village broadband\n\n"
        "In the village, teacher Greta Lindqvist said the link had changed her lessons. "
        "Several teachers said the connection slowed in the afternoons."
    )
    assert who(article, "XQQ")[2][1] in ("teachers", "Several teachers")


def test_the_company_is_no_police_force_court_union_or_dateline() -> None:
    # thirteenth round (d): `In a statement, the company said` went to the union or the dateline's town
    # named just before, not to the business the article describes with `, which` or an `its`
    # (teamtrain: spk-009, reg-018)
    article = (
        "Depot raid\n"
        "EASTMOUTH, Norland, May 2 (Wire) -\n\n"
        "Norvale Freight, which runs the depot, lost two vans in the raid. "
        "The Norland Transport Workers' Union blamed staff cuts. "
        "In a statement, the company said its losses were insured."
    )
    assert who(article, "XXCQQ")[4][1] == "Norvale Freight"
    article = (
        "Mine cuts jobs\n"
        "EASTMOUTH, Norland, May 2 (Wire) -\n\n"
        "Vale Copper Mines has begun laying off workers at its deepest shaft. "
        "In a statement, the company said costs had risen."
    )
    assert who(article, "XXCQ")[3][1] == "Vale Copper Mines"


def test_a_description_after_a_comma_describes_a_name_not_a_lower_case_phrase_before_it() -> None:
    # thirteenth round (d): `... will lay off 210 workers by the end of September, the company confirmed`
    # gave `the end of September`, read as the person `the company` describes (teamtrain: eco-018, env-007)
    article = (
        "Valve plant cuts\n\n"
        "Norvale Pumps Ltd makes valves in Eastmouth. "
        "Norvale Pumps Ltd will close its second line by the end of June, the company confirmed on Monday."
    )
    assert who(article, "XCQ")[2][1] == "Norvale Pumps Ltd"


def test_a_description_after_a_name_left_open_before_the_verb_gives_the_person() -> None:
    # thirteenth round (a): a description set after a full name with a comma and never closed before
    # the verb (`NAME, poet and president of the Eastport Pen warns ...`, `NAME, who chaired the public
    # hearing said, "..."`) had its last noun (`Eastport Pen`, `hearing`) taken for the speaker
    article = (
        "Pier repairs\n\n"
        "The old pier will stay shut all summer. "
        "Tomas Vale, poet and president of the Eastport Pen warns that repairs may take two years. "
        'Greta Lindqvist, who chaired the public hearing said, "Nobody wants to lose the pier."'
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Tomas Vale"
    assert got[3][1] == "Greta Lindqvist"


def test_a_persons_speech_written_with_their_possessive_is_the_persons() -> None:
    # thirteenth round (a): `NAME's speech stressed ...`, `Mayor NAME's winter message thanked ...`,
    # `Her 2019 address praised ...`: the speech chosen (or a name run on into it) stood for the
    # speaker; the annotators record its owner
    article = (
        "Fair opens\n\n"
        "Premier Tomas Vale opened the fair on Sunday. "
        "Vale's speech stressed the need for more apprentices. "
        "Mayor Greta Lindqvist's Winter message thanked the lifeboat crews. "
        "Her 2019 address praised the volunteers of the food bank."
    )
    got = who(article, "XCQQQ")
    assert got[2][1] == "Tomas Vale"
    assert got[3][1] == "Greta Lindqvist"
    assert got[4][1] == "Greta Lindqvist"


def test_per_opening_a_sentence_cites_as_according_to() -> None:
    # thirteenth round (a): `Per the statement, NAME ...` gave the sentence to the person it is about;
    # `Per` opening a clause cites its source as `according to` does
    article = (
        "Museum closes\n\n"
        "The toy museum will close in May, its curator Tomas Vale announced in a statement to members. "
        'Per the statement, Greta Lindqvist will take the collection to Eastport, "where it began."'
    )
    assert who(article, "XQQ")[2][1] == "Tomas Vale"
    # a price per barrel cites no one
    assert who("Oil\n\nPrices rose to 90 dollars per barrel, traders said.", "XQ")[1][1] == "traders"


def test_a_he_after_a_sentence_naming_one_person_with_their_office_is_that_person() -> None:
    # thirteenth round (a): `Talks resumed while regional envoy NAME toured the border.` then `At a
    # briefing, he asked ...`: the he went to the latest speaker, a farmer quoted before
    article = (
        "Border talks\n\n"
        '"We cannot plant anything this year," said Tomas Vale, a farmer. '
        "Talks resumed on Friday while regional envoy Dev Malik toured the border villages. "
        "At a briefing on Saturday, he asked both sides to keep the roads open."
    )
    assert who(article, "XQCQ")[3][1] == "Dev Malik"


def test_a_closing_tag_with_a_persons_name_beats_the_subject_the_sentence_opens_with() -> None:
    # thirteenth round (a): `The pilots were "...," said General NAME, head of the unit.` and `The drill
    # went to plan, said Wing Commander NAME, spokeswoman ...`: the subject opening the sentence (or an
    # organisation in the tag) was taken over the person the tag names
    article = (
        "Air show\n\n"
        "Six jets flew over the bay on Sunday. "
        'The pilots were "the best team we have had in years," said General Tomas Vale, head of the unit. '
        "The drill went to plan despite the wind, said Wing Commander Greta Lindqvist, spokeswoman for the base. "
        '"The crowd loved it," said Norland Aero Club co-founder Dev Malik.'
    )
    got = who(article, "XCQQQ")
    assert [g[1] for g in got[2:]] == ["Tomas Vale", "Greta Lindqvist", "Dev Malik"]
    # a name after `told` is whom it was said to; a name after `said` opening a clause is its subject
    article = (
        "Comet\n\n"
        '"We saw the tail on the third night," Ana Ruiz, one of the observers, told Norland Science Weekly. '
        "A notice from the palace said Governor Tomas Vale rang the observatory at dawn."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Ana Ruiz" and got[2][1] != "Tomas Vale"


def test_a_she_after_a_sentence_naming_a_person_by_surname_alone_is_that_person() -> None:
    # thirteenth round (a): `... once Lindqvist had paid the bill; she went home.` then `Later, she told
    # the court, ...`: the sentence before names no one in full, so the she went to the last full name
    # of the article (a man's)
    article = (
        "Fraud trial\n\n"
        "Greta Lindqvist met the brokers Tomas Vale and Dev Malik at a hotel. "
        "The brokers left the hotel together once Lindqvist had paid the bill; she went home by taxi. "
        "Later, she told the court, both men called her every day."
    )
    assert who(article, "XCCQ")[3][1] == "Greta Lindqvist"


def test_a_quotation_named_by_a_tag_split_off_into_its_own_paragraph_is_that_speakers() -> None:
    # thirteenth round (a): a quotation over two sentences, then, as a paragraph of its own, `said NAME,
    # chief executive of ...`: the tag was out of the quotation's run, so the quotation went to the
    # person named in the sentence before it
    article = (
        "Bike scheme\n\n"
        "Greta Lindqvist proposed a grant for people who swap a car for an electric bike.\n\n"
        '"Town centres would get quieter overnight. Our riders would save money too."\n\n'
        "said Tomas Vale, chief executive of Norland Cycles."
    )
    got = who(article, "XSQQQ")
    assert got[2][1] == got[3][1] == "Tomas Vale"


def test_an_adverb_before_the_verb_of_saying_is_no_speaker() -> None:
    # thirteenth round (a): `NAME nevertheless said ...`, `NAME has not yet given a reason, but said ...`:
    # the adverb right before the verb was read as a lower-case subject (`police said`)
    article = (
        "Strike\n\n"
        '"We will not go back without a deal," said Tomas Vale, the union leader. '
        "Vale nevertheless said a deal before Easter was possible. "
        "Greta Lindqvist has not yet given a reason for leaving the board, but said she will stay a member."
    )
    got = who(article, "XQQQ")
    assert got[2][1] == "Tomas Vale"
    assert got[3][1] == "Greta Lindqvist"


def test_a_person_of_the_body_speaks_whatever_words_the_body_has() -> None:
    # thirteenth round (c): `NAME of the ... Welfare Program said` and `NAME of the ... Geological
    # Survey told` gave the body (its words, `Program`, `Survey`, type no organisation), and `NAME of
    # The Daily Ledger` missed the owner rule by its capital `The`
    article = (
        "Harbour strike\n\n"
        "Dock workers walked out on Monday. "
        'Tomas Brennan of the Harbour Workers\' Welfare Program said, "We will stay out until Friday." '
        'Ilse Marrow of the Norland Geological Survey told reporters the quay was "sinking slowly". '
        'Ruth Sandoval of The Daily Ledger called the strike "long overdue".'
    )
    got = who(article, "XCQQQ")
    assert [g[1] for g in got[2:]] == ["Tomas Brennan", "Ilse Marrow", "Ruth Sandoval"]


def test_a_person_from_the_body_speaks_where_the_body_ends_in_a_place_or_a_title_word() -> None:
    # thirteenth round (c): `Pastor NAME from the Free Church of Norland praised` gave the church (the
    # candidate `Norland` passed to its owner, the church), and `Sir NAME from the Association of Chief
    # Harbour Officers said` the cut `Harbour Officers` (`Chief` read as a title)
    article = (
        "Ferry ruling\n\n"
        "The court ruled on Monday that the ferry may sail on Sundays. "
        'Pastor Ana Lund from the Free Church of Norland praised the ruling: "Sunday crossings help the islands." '
        "Sir Tom Vale from the Association of Chief Harbour Officers said the crews needed more time."
    )
    got = who(article, "XCQQ")
    assert [g[1] for g in got[2:]] == ["Ana Lund", "Tom Vale"]


def test_a_headline_quote_that_names_no_speaker_is_the_leads_speaker() -> None:
    # thirteenth round (c): a headline quote with no speaker of its own (`Harbour talks "a fair first
    # day"`) named no one; the lead says who speaks
    article = (
        'Harbour talks "a fair first day"\n\n'
        "Monday, March 3, 2025\n\n"
        "The port's talks with the unions began today. "
        'Port director Ana Ruiz said the first meeting was "a fair first day".'
    )
    got = who(article, "QXCQ")
    assert got[0][1] == got[3][1] == "Ana Ruiz"
    assert got[0][0] != got[3][0]  # the headline stays a run of its own


def test_the_paper_and_the_magazine_are_the_publication_written_with_that_noun() -> None:
    # thirteenth round (c): `The paper also wrote` and `The magazine admitted` stayed as written; the
    # article wrote `The Norland weekly newspaper Harbour Gazette` and `Coastline magazine`
    article = (
        "Port plans\n\n"
        "The Norland weekly newspaper Harbour Gazette printed the port's plans. "
        "The plans were drawn up in secret. "
        "The paper also wrote that the council knew of them. "
        "Coastline magazine ran a story on the port. "
        "The magazine admitted the figures were wrong."
    )
    got = who(article, "XQCQQQ")
    assert [g[1] for g in got[3:6:2]] == ["Harbour Gazette", "Coastline"]


def test_a_user_name_in_quotation_marks_names_the_speaker() -> None:
    # thirteenth round (c): `Forum user 'NAME' posted to the list: "..."` gave `user`, `a member of
    # the group called 'NAME' hacked ..., posting` a body: the name stood inside quotation marks,
    # which the candidates leave out
    article = (
        "Forum leak\n\n"
        "Messages from the harbour forum were leaked on Monday. "
        "Forum user 'Nordfan' posted to the list: \"Keep this away from the papers.\" "
        "Later a member of the group called 'k3str3l' hacked the forum's account, posting \"We are watching\"."
    )
    got = who(article, "XCQQ")
    assert [g[1] for g in got[2:]] == ["Nordfan", "k3str3l"]


def test_an_according_to_phrase_set_off_inside_the_sentence_cites_its_source() -> None:
    # thirteenth round (c): `..., when according to witnesses, the winch snapped` went to the run
    # before's speaker, and `..., and according to eyewitnesses, guards locked ...` to no one;
    # `according to all the rules,` is no source
    article = (
        "Crane accident\n\n"
        '"The crew were experienced," said Mayor Tom Vale. '
        "The crew were inspecting the harbour cranes, when according to witnesses, the winch snapped. "
        "Dockers left the quay, and according to eyewitnesses, guards locked the gates at night. "
        "The depot is run according to all the rules, and it will reopen on Monday."
    )
    got = who(article, "XQQQQ")
    assert [g[1] for g in got[2:4]] == ["witnesses", "eyewitnesses"]
    assert got[4][1] != "all the rules"


def test_the_name_ending_a_closing_tag_is_the_speaker() -> None:
    # thirteenth round (c): `NAME, who ..., will ask the port for "...," said union negotiator NAME2.`
    # went to the subject, `"...," said Harbour anchor NAME via Twitter` to the channel, and `"...,"
    # even though "...," said Ruiz.` to `even`; `said a spokesman for NAME` keeps its phrase
    article = (
        "Harbour talks\n\n"
        "Port director Ana Ruiz met the unions on Monday. "
        'Union leader Rui Costa, who meets the mayor on Friday, will ask the port for "a fair deal on the '
        'night shifts," said union negotiator Tomas Brennan. '
        '"The night crews deserve better," said Harbour anchor Ilse Marrow via Twitter. '
        '"The port agreed to it last spring," even though "nobody signed anything," said Ruiz.'
    )
    got = who(article, "XCQQQ")
    assert [g[1] for g in got[2:]] == ["Tomas Brennan", "Ilse Marrow", "Ana Ruiz"]


def test_a_full_name_in_apposition_after_an_opening_description_is_the_subject() -> None:
    # thirteenth round (c): `The Vice Speaker of the Norland Parliament, NAME, warned` gave `Vice
    # Speaker`, `Deputy director for Europe for Harbour Watch, NAME, said` the body; an opening with
    # its own verb of saying keeps its subject (`The harbour master confirmed one of the crew, NAME, is`)
    article = (
        "Border vote\n\n"
        "The parliament voted on the border plan on Monday. "
        "The Vice Speaker of the Norland Parliament, Ilse Marrow, warned the ports that the plan would fail. "
        "Deputy director for Europe for Harbour Watch, Tomas Brennan, said the vote was rushed. "
        "The harbour master confirmed one of the crew, Ana Ruiz, is from Eastport."
    )
    got = who(article, "XCQQQ")
    assert [g[1] for g in got[2:4]] == ["Ilse Marrow", "Tomas Brennan"]
    assert got[4][1] != "Ana Ruiz"


def test_a_reported_statement_that_opens_with_a_group_is_the_groups() -> None:
    # thirteenth round (c): `Most engineers view ...`, `On Monday, Danish surveyors released figures
    # showing ...` and `Other officials likened ...` went on the run before (no candidate scored
    # above zero: a group noun is no name, `view` no verb of saying)
    article = (
        "Harbour dispute\n\n"
        "Mayor Tom Vale said the harbour would stay open. "
        "Most engineers view the quay as the town's weakest asset. "
        "On Monday, Danish surveyors released figures showing the quay is sinking. "
        "Other officials likened the quay to the old pier."
    )
    got = who(article, "XQQQQ")
    assert [g[1] for g in got[2:]] == ["Most engineers", "Danish surveyors", "Other officials"]


def test_a_name_keeps_the_number_or_sign_it_ends_with() -> None:
    # thirteenth round (c): `Harbour 4 vowed`, `Radio station Vista+ argued` and `Harbour blog Gosh!
    # on Friday denounced` were cut at their words (`Harbour`, `Vista`, `Gosh`); a date keeps none
    article = (
        "Airline row\n\n"
        "Norland Air threatened to sue over the programme. "
        'Harbour 4 vowed to defend its programme, saying "Every fact was checked." '
        "Radio station Vista+ argued the inquiry was too slow. "
        "Harbour blog Gosh! on Friday denounced the airline's silence."
    )
    got = who(article, "XCQQQ")
    assert [g[1] for g in got[2:]] == ["Harbour 4", "Vista+", "Gosh!"]


def test_a_statement_reported_impersonally_is_no_ones() -> None:
    # thirteenth round (c): `It was claimed in court that ...` and `..., it was reported on Tuesday`
    # went on the run before (the last speaker) or to `it`; `It was reported by the Harbour Gazette
    # that ...` names its agent
    article = (
        "Ferry trial\n\n"
        '"The ferry was never safe," said Ana Ruiz. '
        "It was claimed in court that the crew had been warned twice. "
        "Nine passengers were hurt in the fire, it was reported on Tuesday. "
        "It was reported by the Harbour Gazette that the owner had fled."
    )
    got = who(article, "XQQQQ")
    assert [g[1] for g in got[2:4]] == [None, None]
    assert got[2][0] != got[1][0]  # a run of its own
    assert got[4][1] == "Harbour Gazette"


def test_a_passive_verb_of_saying_with_no_agent_names_no_speaker() -> None:
    # thirteenth round (c): `NAME was also accused of ...`, `Norland Ferries was warned last year that
    # ...` went to the person or body told; `NAME said she was warned` keeps its speaker
    article = (
        "Harbour trial\n\n"
        '"I never took a bribe," said Tomas Brennan. '
        "Brennan was also accused of hiding the port's accounts. "
        "Norland Ferries was warned last year that the berths would close. "
        "Ana Ruiz said she was warned that the quay was unsafe."
    )
    got = who(article, "XQQQQ")
    assert [g[1] for g in got[2:]] == [None, None, "Ana Ruiz"]


def test_an_it_means_the_organisation_its_sentence_opens_with() -> None:
    # thirteenth round (c): `The Harbour Safety Board (HSB) wants the quay closed, it announced` gave
    # the latest speaker
    article = (
        "Quay closure\n\n"
        '"We will not comment on the repairs," said General Tomas Brennan. '
        "The Harbour Safety Board (HSB) wants the quay closed, it announced on Saturday."
    )
    got = who(article, "XQQ")
    assert got[2][1] == "Harbour Safety Board"


def test_a_countrys_ministry_is_output_in_the_form_the_article_wrote_first() -> None:
    # thirteenth round (b): news names a country's body in full first and varies the form after
    # (`Kenya's Fisheries ministry` for `the Kenyan Ministry of Fisheries`); the annotators keep the
    # first form, and another ministry named nearby (`of the Lake Transport Ministry`) is not it
    article = (
        "Fishing quotas cut\n\n"
        "The Kenyan Ministry of Fisheries announced new quotas on Monday. "
        '"Stocks in the lake have halved," said Kenya\'s Fisheries ministry in a statement. '
        "Tomas Vale of the Lake Transport Ministry said ferries would keep running. "
        "Kenya's foreign ministry said talks with Uganda would follow."
    )
    got = who(article, "XCQQQ")
    assert got[2][1].removeprefix("The ") == "Kenyan Ministry of Fisheries"  # a leading article aside
    assert got[4][1] == "Kenya's foreign ministry"


def test_a_group_noun_never_resolves_to_the_one_person_written_with_that_role() -> None:
    # thirteenth round (b): `residents`, `police`, `teachers` speak as a group; the role look-up took
    # the one person the article wrote with the singular (`One resident, NAME,`) for them
    article = (
        "Refinery blast\n\n"
        "One resident, Ana Ruiz, has been told to leave her house. "
        "The refinery has promised to pay for the repairs. "
        "The news came as local residents said the houses were built too close to the plant."
    )
    assert same_speaker(who(article, "XCCQ")[3][1], "local residents")


def test_a_group_is_written_with_the_lower_case_phrase_that_qualifies_it_before_its_verb() -> None:
    # thirteenth round (b): `Leaders of the fishing community laid the blame ...`, `Executives from several
    # ferry firms, however, said`: the group with its qualifier, as the annotators write it (was the bare
    # plural; the fifth round kept only a capitalised qualifier)
    article = (
        "Harbour strike\n\n"
        "Leaders of the fishing community laid the blame on the port authority. "
        "Executives from several ferry firms, however, said the strike would end soon."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Leaders of the fishing community"
    assert got[2][1] == "Executives from several ferry firms"


def test_a_headline_ending_with_a_comma_a_verb_of_saying_and_a_group_is_the_groups() -> None:
    # thirteenth round (b): `..., say experts` (an inverted tag, a headline's form) scored below zero
    # by the fitted weights, so the headline had no speaker
    article = (
        "Harbour seals are returning to the estuary, say researchers\n\n"
        "The colony was counted from the air in June. "
        "It now numbers about 400 animals."
    )
    assert who(article, "QCS")[0][1] == "researchers"


def test_a_document_the_sentence_opens_with_before_its_verb_says_the_sentence() -> None:
    # thirteenth round (b): `The report cites ... because it allows ...` went to the pronoun, and `The
    # report mentions ...` (no verb of saying) right after a quote sentence to the speaker before
    article = (
        "Flood review published\n\n"
        '"We were not ready," said Ana Ruiz, the council leader. '
        "The report mentions flooding in four districts. "
        "The report lists poor drainage as a cause because it was never upgraded.\n\n"
        "A report published on Monday by the Harbour Trust says the sea wall is sound."
    )
    got = who(article, "XQQQQ")
    assert got[2][1] == got[3][1] == "The report"
    assert got[4][1] == "Harbour Trust"


def test_per_opening_a_sentence_cites_as_according_to_does() -> None:
    # thirteenth round (b): `Per the report, NAME was asked to ...` gave the name after the comma;
    # `Per` is `according to` in short (and `Per` as a first name stays a name)
    article = (
        "Ferry inquiry\n\n"
        '"The crossing was safe," said Ana Ruiz, the harbour master. '
        "Per the coastguard's log, Tomas Vale was warned about the swell twice.\n\n"
        "Per Larsson, the ferry's owner, said he would appeal."
    )
    got = who(article, "XQQQ")
    assert got[2][1] == "the coastguard's log"
    assert got[3][1] == "Per Larsson"


def test_a_web_address_is_one_name_wherever_the_article_writes_it() -> None:
    # thirteenth round (b): `Znak.com reported` gave `com` (the word split at its period), and
    # `CNNMoney.com points to ...` opening a sentence was read as no name at all
    article = (
        "Ferry fares rise\n\n"
        "Fares on the northern crossings rose by a fifth on Monday. "
        "Harbourwatch.com reported that two ferries had been sold.\n\n"
        "Tidenews.com points to the price of fuel as the cause."
    )
    got = who(article, "XSQQ")
    assert got[2][1] == "Harbourwatch.com"
    assert got[3][1] == "Tidenews.com"


def test_a_title_word_opening_an_organisations_name_is_part_of_the_name() -> None:
    # thirteenth round (b): `General` of `Northern Motors` was read as a rank, so the name resolved as
    # the surname `Motors` (to another company's `Eastmark Motors`) and `GM` missed its initials
    article = (
        "Freight volumes fall\n\n"
        "Harbour Freight Lines said volumes fell by a tenth. "
        "General Freight Lines reported a 12% decline. "
        "GFL announced that it would cut 300 jobs."
    )
    got = who(article, "XQQQ")
    assert got[2][1] == got[3][1] == "General Freight Lines"


def test_a_plural_subject_before_the_base_form_of_a_verb_of_saying_says_the_sentence() -> None:
    # thirteenth round (b): `analysts blame`, `people claim`, `the researchers concede`: base forms the
    # verb list lacked (`claim` and `blame` only after a plural: `laid the blame`, `this claim` are nouns)
    article = (
        "Ferry losses\n\n"
        "Northline Ferries lost money for a third year. "
        "Analysts blame the long strike for most of the losses. "
        "Despite the new cabins, people claim the boats are too slow. "
        "Although the trial was short, the researchers concede that fares matter more."
    )
    got = who(article, "XCQQQ")
    assert [g[1] for g in got[2:]] == ["Analysts", "people", "the researchers"]


def test_a_group_with_a_modifier_never_resolves_by_role_to_one_person() -> None:
    # thirteenth round (b): the group check read the whole phrase (`the residents`), so `Several
    # teachers` still went by role to the one teacher the article named
    article = (
        "School closures\n\n"
        "One teacher, Ana Ruiz, has taught at the school for thirty years. "
        "Several teachers said the closure was rushed."
    )
    assert who(article, "XCQ")[2][1] == "Several teachers"


def test_a_noun_phrase_ends_before_the_verb_a_name_takes() -> None:
    # thirteenth round (b): `The Coastal Fishers Union made an offer`, `The Norland Harbour Board contests this`: the
    # phrase ran over an irregular past or an -s verb before its object (was `The ... made`)
    article = (
        "Port dispute\n\n"
        "The Coastal Fishers Union made an offer on Tuesday to reopen talks. "
        "The Norland Harbour Board contests this."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Coastal Fishers Union"
    assert got[2][1] == "Norland Harbour Board"


def test_the_newspaper_or_the_website_is_the_outlet_named_before_not_any_body() -> None:
    # thirteenth round (b): `criticised by the newspaper`, `The website later reported` went to the
    # nearest organisation of any kind (a government, a committee), not to the paper or site named
    article = (
        "Harbour row\n\n"
        "The Eastport Herald reported that the ferry contract was signed in secret. "
        "The Harbour Authority denied the claim. "
        "Its director was criticised by the newspaper for hiding the fees.\n\n"
        "Tidewatch.com said the fees had doubled. "
        "The Port Users Committee declined to comment. "
        "The website later reported that two ferries were for sale."
    )
    got = who(article, "XQQQQCQ")
    assert got[3][1] == "Eastport Herald"
    assert got[6][1] == "Tidewatch.com"


def test_whom_an_outlet_quotes_says_the_words_quoted() -> None:
    # thirteenth round (b): `Norland News quoted port authorities, "..."`, `NAME.com quotes a "harbour
    # official" as saying: "..."`: the one quoted speaks, not the outlet or the speaker before (only an
    # outlet: the annotators give `NAME quoted President NAME as saying` to the first NAME)
    article = (
        "Harbour closure\n\n"
        '"We were given no warning," said Ana Ruiz, who runs a ferry. '
        'Norland News quoted port authorities, "The berth will stay closed until May." '
        'Tidewatch.com quotes a "harbour official" as saying: "The repairs have not started."'
    )
    got = who(article, "XQQQ")
    assert got[2][1] == "port authorities"
    assert got[3][1] == "a harbour official"


def test_an_impersonal_passive_of_saying_names_no_speaker() -> None:
    # thirteenth round (b): `It was reported that ...`, `It has been announced that ...`, `It was soon
    # confirmed that ...` name no speaker; they went to the `It`, the speaker before or a name in them
    article = (
        "Ferry sale\n\n"
        '"We have no buyer yet," said Ana Ruiz, the owner. '
        "It has been reported that Tomas Vale offered two million for the ferry.\n\n"
        "It was soon confirmed that the ferry would stay in Eastport."
    )
    got = who(article, "XQQQ")
    assert got[2][1] is None and got[3][1] is None


def test_the_lower_case_agent_of_a_passive_verb_of_saying_is_the_speaker_as_written() -> None:
    # thirteenth round (b): `was accused by other ferry operators of ...`, `is considered by local
    # skippers as ...`: no candidate starts at the agent, so the name inside it (or none) was taken;
    # and a quantified plural (`other ... operators`) is many, not the one name ending in its noun
    article = (
        "Ferry fares\n\n"
        "The Coastal Ferry Operators met on Monday. "
        "Norferry was accused by other ferry operators of cutting fares below cost. "
        "Tomas Vale is considered by local skippers as the best pilot on the coast."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "other ferry operators"
    assert got[3][1] == "local skippers"


def test_a_quantifier_opening_the_sentence_before_a_verb_of_saying_is_its_speaker() -> None:
    # thirteenth round (b): `Some say ...`, `Some claim ..., but NAME have rejected those stories`:
    # no candidate (`Some` is no name) or a later one (`those`) took it
    article = (
        "Ferry rumours\n\n"
        "The ferry has been missing since Tuesday. "
        "Some say the crew sailed north to avoid the storm. "
        "Some claim the ferry was sold, but Norland police have rejected those stories."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == got[3][1] == "Some"


def test_a_person_described_by_a_capitalised_title_or_a_who_clause_before_a_body_speaks() -> None:
    # thirteenth round (b): `NAME, President and CEO of the Eastport Airport Authority said`, `NAME, who
    # covers shipping for Norland News said`: the body was chosen, as the owner rule read only a
    # lower-case description (`NAME, head of Norpress said`)
    article = (
        "Runway repairs\n\n"
        '"The runway will reopen on Friday," Ana Ruiz, President and CEO of the Eastport Airport Authority said. '
        'Tomas Vale, who covers shipping for Norland News said, "The sale is off."'
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Ana Ruiz"
    assert got[2][1] == "Tomas Vale"


def test_a_quantifier_before_a_group_noun_and_a_verb_of_saying_keeps_the_group() -> None:
    # thirteenth round (b): `Some reports suggest ...` was cut to `Some` by the quantifier rule
    # (`reports` is also a verb of saying)
    article = "Ferry rumours\n\nThe ferry has been missing since Tuesday. Some reports suggest it sank near the reef."
    assert who(article, "XCQ")[2][1] == "Some reports"


def test_a_crowds_words_are_shouted_or_chanted() -> None:
    # thirteenth round (b): `with demonstrators shouting "..."`, `with one skipper shouting "..."`: no verb
    # of saying stood beside the crowd, so a phrase before it (`A peaceful protest`) or no one took it
    article = (
        "Harbour sale\n\n"
        'A vigil was held outside the council offices, with protesters chanting "Keep the harbour public!" '
        'Two of them were led away by guards, with one skipper shouting "Stop the sale!"'
    )
    got = who(article, "XQQ")
    assert got[1][1] == "protesters"
    assert same_speaker(got[2][1], "one skipper")


def test_an_expletive_it_before_is_and_an_adjective_of_knowing_never_speaks() -> None:
    # thirteenth round (b): `It is unclear whether ..., but sources indicate that ...`, `It is likely,
    # analysts predict, that ...`: the `It` scored over the group and took the sentence
    article = (
        "Ferry timetable\n\n"
        '"We are waiting for the parts," said Ana Ruiz, the operator. '
        "It is unclear whether the spring dates can be kept, but sources indicate that the first sailing may move.\n\n"
        "It is likely, analysts predict, that fares will rise."
    )
    got = who(article, "XQQQ")
    assert got[2][1] == "sources"
    assert got[3][1] == "analysts"


def test_one_person_described_by_a_role_is_written_without_the_place_they_are_in() -> None:
    # thirteenth round (e): `A police spokesperson in Lagos said` was recorded as `a police spokesperson`,
    # as was `A CCI official in Akola, who ..., said` (teamtrain: cri-017, reg-002); `for` a body stays
    article = (
        "Port strike\n\n"
        "Dockers at Eastmouth walked out on Monday. "
        "A port official in Eastmouth said talks would resume on Friday."
    )
    assert who(article, "XCQ")[2][1] == "A port official"
    article = (
        "Port strike\n\n"
        "Dockers at Eastmouth walked out on Monday. "
        "A spokesperson for Norvale Ports said talks would resume on Friday."
    )
    assert who(article, "XCQ")[2][1] == "A spokesperson for Norvale Ports"


def test_a_he_or_she_after_a_sentence_opening_with_someones_relative_means_that_someone() -> None:
    # thirteenth round (e): `Ashdown's father worked at the colliery. "...," she said` and `NAME's husband,
    # Per, joined the trial. He travelled ... "...," she said` went to a name elsewhere (the he after
    # `NAME's husband` had made her a man; teamtrain: opi-007, sci-002)
    article = (
        "Review: Coal Songs\n\n"
        "Coal Songs, the first play by the writer Mira Tennant, opens in Eastmouth. "
        "The set was built by Harlow Stage Works. "
        "Tennant's father worked at the pit for thirty years. "
        '"I grew up with those stories," she said.'
    )
    assert who(article, "XCCCQ")[4][1] == "Mira Tennant"
    article = (
        "Trial ends\n\n"
        "The drug was made by Vantor Biologics, which Lena Sorbel founded after she left university. "
        "Greta Holm's husband joined the trial in 2020. "
        "He drove to the clinic every month. "
        '"He never once complained," she said.'
    )
    assert who(article, "XCCCQ")[4][1] == "Greta Holm"


def test_the_role_means_the_person_described_doing_it_with_a_who_clause() -> None:
    # thirteenth round (e): `"...," the fisherman said` after `NAME, 47, who fishes out of Port Ellery`
    # and `the committee chairman said` after `NAME, who chairs the assembly's water committee` stayed
    # the role (teamtrain: reg-015, spk-001)
    article = (
        "Crab season opens\n\n"
        '"Nobody sleeps the night before," said Tavi Morrow, 52, who fishes out of Eastmouth. '
        "Prices fell on the first day. "
        '"The buyers always say the market is soft," the fisherman said.'
    )
    assert who(article, "XQCQ")[3][1] == "Tavi Morrow"
    article = (
        "Water rationing\n\n"
        "Residents queued at standpipes. Lena Brook, who chairs the council's water committee, visited them. "
        '"Fix the pipes first," the committee chairwoman said.'
    )
    assert who(article, "XCCQ")[3][1] == "Lena Brook"


def test_a_body_is_recorded_by_the_name_the_article_first_writes_it_with() -> None:
    # thirteenth round (e): `Prairie Harvest expects` after `Prairie Harvest Foods, Inc. ... announced` was
    # recorded as the full name, and `Pwani Telecom PLC today confirmed` after the headline's `Pwani Telecom`
    # without its legal form (teamtrain: eco-015, int-006, wor-017); not a model (`Norjet N380`)
    article = (
        "FOR IMMEDIATE RELEASE\n"
        "Vale Harvest Foods, Inc. today announced that it will buy Eastmouth Creamery. "
        "Staff at Vale Harvest will keep their jobs. "
        "Vale Harvest expects the deal to add to earnings next year."
    )
    assert who(article, "XCCQ")[3][1] == "Vale Harvest Foods"
    article = (
        "NEWS RELEASE\n"
        "Norvale Telecom restores service\n\n"
        "Norvale Telecom PLC today confirmed that full service has been restored."
    )
    assert who(article, "XXQ")[2][1] == "Norvale Telecom"
    article = "Jet order\n\nThe Norjet N380 is the largest airliner. Norjet said it would end production of the jet."
    assert who(article, "XCQ")[2][1] == "Norjet"


def test_a_he_or_she_after_a_described_speaker_means_that_speaker() -> None:
    # thirteenth round (e): `A spokesman for Mallon's said ... "...," he added` went to the chef (the she
    # after `Mallon's` in the article made the spokesman a woman), and `One neighbour, who ..., said ...
    # "...," she said` to a woman named before (`one neighbour` was no person; teamtrain: spk-006, cri-016)
    article = (
        "Bistro review\n\n"
        "Chef Tom Vale opened his bistro in May. "
        "Critic Ana Ruiz ate at Vale’s in June, and her verdict was harsh. "
        "A spokesman for Vale’s said bookings had doubled. "
        '"Every table is full," he added.'
    )
    assert who(article, "XCCQQ")[4][1] == "A spokesman for Vale’s"
    article = (
        "Pool feud\n\n"
        "Greta Holm, 61, says the new pool floods her garden. "
        "Her neighbour Dev Malik denies it. "
        "One neighbour, who did not want to be named, said the pair had been friends. "
        '"Now it is like living between two embassies," she said.'
    )
    assert who(article, "XCCQQ")[4][1] == "One neighbour"


def test_two_groups_joined_by_and_speak_together() -> None:
    article = (
        "Harbour fees\n\n"
        "The Kestria port raised its fees in March. "
        "Traders and economists of the region are worried by the rise. "
        "The plan was criticised by some farmers and activists in Norland."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Traders and economists"  # was `Traders`, the first group alone
    assert got[3][1] == "some farmers and activists in Norland"  # was `some farmers`


def test_reports_before_a_verb_are_the_noun_that_speaks() -> None:
    article = (
        "Ferry sinks\n\n"
        "A ferry sank off the Kestria coast on Monday. "
        "However, other shipping agency reports put the number of missing at nine. "
        "Early reports had stated that the captain survived."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "other shipping agency reports"  # was `agency`, read as the subject of `reports`
    assert got[3][1] == "Early reports"  # was `Early`


def test_a_document_written_with_a_bodys_possessive_is_the_bodys() -> None:
    # fourteenth round (c): `their report` / `The HSB's report` were recorded as the document, not the
    # body whose report it is (the article's annotators give the owner)
    article = (
        "Quay collapse\n\n"
        '"The winch was never inspected," the Harbour Safety Board said. '
        "According to their report, the cable had rusted through."
    )
    assert who(article, "XQQ")[2][1] == "Harbour Safety Board"
    article = (
        "Ferry inquiry\n\n"
        "A Norland Ferry Board (NFB) inquiry looked into the sinking. "
        'The NFB\'s report blamed the captain for "reckless steering."'
    )
    assert who(article, "XCQ")[2][1].endswith("Norland Ferry Board")


def test_a_name_put_before_saying_says_what_follows() -> None:
    # fourteenth round (c): `..., with judge NAME saying "..."` and `NAME was quoted saying` went to the
    # sentence's subject or to the source it cites
    article = (
        "Ferry appeal\n\n"
        "The ferry operator appealed the fine. "
        'The tribunal dismissed the ferry claim, with magistrate Tomas Vale saying that "the delay cost lives."'
    )
    assert who(article, "XCQ")[2][1] == "Tomas Vale"
    article = (
        "Harbour memoir\n\n"
        "Former mayor Ana Ruiz has written a memoir. "
        'According to the Harbour Gazette, Ruiz was quoted saying that the port was "a town with no map."'
    )
    assert who(article, "XCQ")[2][1] == "Ana Ruiz"


def test_a_name_reported_as_having_said_it_says_it() -> None:
    # fourteenth round (c): `"...," the mayor's spokesperson reported NAME said` went to the spokesperson
    article = (
        "Island talks\n\n"
        "Mayor Ana Ruiz met Tomas Vale at the harbour. "
        '"I regret the two clocks on the wall," Ruiz\'s spokesperson reported Vale said during the talks.'
    )
    assert who(article, "XCQ")[2][1] == "Tomas Vale"


def test_a_name_opening_the_sentence_with_its_acronym_in_brackets_is_the_subject() -> None:
    # fourteenth round (c): `The BODY (ACRONYM) ordered ...` had no candidate above zero (the bracket
    # stands between the name and its verb), so no speaker
    article = (
        "Wave warning\n\n"
        "A strong quake struck off the coast. "
        'The Kestria Wave Warning Centre (KWWC) ordered harbour masters to "keep every boat in port", '
        "explaining that no wave had been measured so far."
    )
    assert who(article, "XCQ")[2][1] == "Kestria Wave Warning Centre"


def test_words_set_out_after_an_introduction_owning_them_are_the_owners() -> None:
    # fourteenth round (a): a statement a person wrote, quoted sentence by sentence after `Below is his
    # account:` (no quote sentence before) or `... shared NAME's note, which reads: Colleagues, ...`, went to
    # a name inside the statement (`Harbour Day`) or to the salutation (`Colleagues`)
    article = (
        "Harbour Day\n\n"
        "Tomas Vale, the chair of the Eastport harbour trust, described the day and how it began. "
        "Below is his account:\n\n"
        "In 1961, two thousand people in Eastport marched along the quays on the first Harbour Day. "
        "The quays were closed to traffic for an afternoon."
    )
    labels = who(article, "XCXQQ")
    assert labels[3][1] == labels[4][1] == "Tomas Vale"
    article = (
        "Kestria chief takes leave\n\n"
        "Ana Ruiz, the chief executive of Kestria, is to take leave. "
        "In a post on its site, the firm shared the text of Ruiz's note, which reads: Colleagues, As of "
        "Monday, I am taking six months off. "
        "I will remain chief executive."
    )
    labels = who(article, "XCQQ")
    assert labels[2][1] == labels[3][1] == "Ana Ruiz"


def test_a_place_after_a_persons_from_or_of_is_no_speaker() -> None:
    # fourteenth round (a): `Sgt. NAME from Eastport, N.Y., an officer ..., said` and `NAME of the
    # University of Kestria, Eastport disagreed` went to the place that closes where the person is from
    article = (
        "Harbour drill\n\n"
        "Master Sgt. Lena Dorn from Eastport, N.Y., a press officer at the harbour base, said: "
        '"The drill went to plan."'
    )
    assert who(article, "XQ")[1][1].endswith("Lena Dorn")  # not `N.Y.`
    article = (
        "Springs study\n\n"
        "Tomas Vale of the University of Kestria, Eastport disagreed with the findings: "
        '"The springs were always minor."'
    )
    assert who(article, "XQ")[1][1] == "Tomas Vale"


def test_a_he_or_she_inside_what_a_speaker_reports_of_someone_shows_no_gender_of_the_speaker() -> None:
    # fourteenth round (d): `Coach NAME said OTHER had hurt his knee` made the coach a man, so
    # the coach's `"...," she added` went to a woman named before (teamtrain: spo-003, law-003, spk-010)
    article = (
        "Indoor meeting\n\n"
        "Ana Kestria won the 3,000m, and she said the crowd carried her. "
        "Tomas Vale pulled out of the high jump. "
        "Meeting director Mira Norland said Vale had felt pain in his ankle. "
        '"He wants to be fit for the summer, and we back him," she added.'
    )
    assert who(article, "XQCQQ")[4][1] == "Mira Norland"


def test_the_kind_of_a_body_is_the_name_that_opened_the_sentence_before_its_first_mention() -> None:
    # fourteenth round (d): `The club says` after `NAME Rovers plan ...` and `the ...-based airline said` after
    # `NAME Air will end a route ...` stayed as written: no name of the article ends with the kind's word,
    # and a name with no body word was typed as a person (teamtrain: opi-012, reg-003)
    article = (
        "Stadium plan\n\n"
        "Kestria Rovers plan to leave their old ground for a site by the canal. "
        "It would hold 22,000 people. "
        "The club says the project will cost £90 million."
    )
    assert who(article, "XCSQ")[3][1] == "Kestria Rovers"
    article = (
        "Route cut\n\n"
        "Norland Northern Air will end its Port Vale route on Jan. 6, leaving one carrier on it. "
        "The airline operates 11 flights a week on the route. "
        "In a statement, the Harbour-based airline said the route had lost money for years."
    )
    assert who(article, "XCSQ")[3][1] == "Norland Northern Air"
