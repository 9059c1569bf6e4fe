"""The entity layer: an article's mentions grouped into typed entities, and the speaker patterns of
real news it fixes (issue 16). Every article here is invented."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict

from claimtag.inference.entities import DATE, DOCUMENT, ORGANISATION, PERSON, PLACE, mention_type, not_a_person
from claimtag.inference.formats import Result, render
from claimtag.inference.quotes import SpeakerScorer, attribute
from claimtag.inference.split import split_article
from claimtag.inference.tagger import TaggedSentence
from claimtag.model.labels import LABELS
from tests.test_quotes import SCORER, who


def test_a_long_title_before_a_name_gives_the_name() -> None:
    article = "Deputy Minister for Coastal Affairs of Norland Ana Ruiz said the sea wall would be rebuilt by spring."
    assert who(article, "Q")[0][1] == "Ana Ruiz"


def test_a_dateline_and_a_weekday_before_the_subject() -> None:
    article = "LISBON: Portugal's finance minister Rui Costa on Monday said the deficit would shrink this year."
    assert who(article, "Q")[0][1] == "Rui Costa"


def test_a_headline_quote_takes_the_person_the_body_names() -> None:
    article = (
        "Storm budget will not be cut, Costa warns\n\n"
        "The finance minister Rui Costa told parliament on Tuesday that the storm fund was safe.\n\n"
        "Opposition parties have asked for a vote."
    )
    got = who(article, "QQC")
    assert got[0][1] == got[1][1] == "Rui Costa"


def test_the_company_resolves_to_the_company_named_earlier() -> None:
    article = (
        "Harbour Freight Lines cancelled twelve sailings on Friday.\n\n"
        "The company said the cancellations were caused by a shortage of engineers.\n\n"
        "Passengers were offered refunds."
    )
    got = who(article, "CQC")
    assert got[1][1] == "Harbour Freight Lines"


def test_the_company_resolves_to_a_name_the_article_describes_as_an_organisation() -> None:
    # tenth round (c): names whose words show no organisation, described by a noun or an `its`
    described = (
        ("Ferry operator Tidewick Marr cancelled twelve sailings on Friday.", "The company"),
        ("Tidewick Marr, the regional ferry operator, cancelled twelve sailings.", "The company"),
        ("Tidewick Marr cancelled its Friday sailings to the islands.", "The company"),
        ("Osterbay, the Norland regional airline, cancelled twelve flights.", "The airline"),
        ("Osterbay, the Norland regional airline, cancelled twelve flights.", "The Lisbon-based airline"),
    )
    for opening, noun in described:
        article = f"{opening}\n\n{noun} said the cancellations were caused by a shortage of engineers."
        assert who(article, "CQ")[1][1] in ("Tidewick Marr", "Osterbay"), opening


def test_a_person_of_an_organisation_and_her_next_she_said() -> None:
    article = (
        "Priya Raman of the Northfield Consumer Forum said energy bills had doubled for many families.\n\n"
        "The forum has campaigned on prices since 2019.\n\n"
        "She said the regulator had ignored its warnings."
    )
    got = who(article, "QCQ")
    assert got[0][1] == "Priya Raman"
    assert got[2][1] == "Priya Raman"


def test_a_pronoun_never_resolves_to_a_place_or_an_organisation() -> None:
    article = (
        "Tomas Varga, a farmer from Little Hatherley, said the floods had ruined his barley.\n\n"
        "The water reached New Zealand Road and the Hatherley Grain Company depot overnight.\n\n"
        "He said he would not plant again until the bank was repaired."
    )
    got = who(article, "QCQ")
    assert got[2][1] == "Tomas Varga"


def test_the_court_heard_takes_no_speaker_from_an_earlier_sentence() -> None:
    article = (
        'Detective Sergeant Ian Brook said the case had taken two years. "It was painstaking work," he said.\n\n'
        "The court heard he had stolen the money."
    )
    got = who(article, "QQQ")
    assert got[2][1] is None


def test_the_bank_of_england_said_names_the_bank() -> None:
    article = "Prices are expected to rise in May, the Bank of England said."
    assert who(article, "Q")[0][1] == "Bank of England"


def test_a_surname_misspelt_once_resolves_to_the_person() -> None:
    article = (
        'Council leader Martha Davenport said the library would stay open.\n\n"We found the money," Daveport said.'
    )
    got = who(article, "QQ")
    assert got[1][1] == "Martha Davenport"


def test_he_after_a_sentence_that_opens_with_another_person_means_that_person() -> None:
    article = (
        '"We were ready for them," said coach Anders Lind.\n\n'
        "The match ended 3-1.\n\n"
        "Jonas Berg won the player of the match award.\n\n"
        "He said the whole team had trained for this moment."
    )
    got = who(article, "QCCQ")
    assert got[0][1] == "Anders Lind"
    assert got[3][1] == "Jonas Berg"


def test_a_statement_set_out_as_a_list_is_one_run_of_its_speaker() -> None:
    article = (
        "Forecasters issued a flood warning for the valley on Sunday.\n\n"
        "According to the Eastvale Flood Office in Marlow, residents can take several steps:\n\n"
        "Move valuables upstairs.\n\n"
        "Keep a torch and a radio ready.\n\n"
        "The river peaked at noon."
    )
    got = who(article, "CQQQC")
    assert [g[0] for g in got] == [None, "q1", "q1", "q1", None]
    assert {g[1] for g in got[1:4]} == {"the Eastvale Flood Office"}


def _result(article: str, labels: str) -> Result:
    """A Result built from gold labels (codes as in `who`), with runs, speakers and their types."""
    names = {"C": "claim", "Q": "quote", "S": "statistic", "X": "context"}
    sentences = split_article(article)
    labs = [names[c] for c in labels]
    who = attribute(article, sentences, labs, SCORER)
    tagged = [
        TaggedSentence(
            s.index,
            s.start,
            s.end,
            s.text,
            s.paragraph,
            s.in_quote,
            lab,
            1.0,
            {k: float(k == lab) for k in LABELS},
            **asdict(w),
        )
        for s, lab, w in zip(sentences, labs, who, strict=True)
    ]
    return Result("a", tagged)


def test_who_said_what_groups_an_entity_and_types_it() -> None:
    article = (
        "Storm budget will not be cut, Costa warns\n\n"
        "Finance minister Rui Costa said on Tuesday that the storm fund was safe.\n\n"
        "Harbour Freight Lines cancelled twelve sailings.\n\n"
        "The company said the cancellations were caused by a shortage of engineers.\n\n"
        '"We will not cut a cent," Costa said.'
    )
    result = _result(article, "QQCQQ")
    panel = {p["speaker"]: (p["speaker_type"], p["sentences"]) for p in result.who_said_what()}
    assert panel == {"Rui Costa": ("person", 3), "Harbour Freight Lines": ("organisation", 1)}
    rows = list(csv.DictReader(io.StringIO(render([result], "csv", model="m"))))
    assert [r["speaker_type"] for r in rows] == ["person", "person", "", "organisation", "person"]


def test_mention_types() -> None:
    article = "Dr Ana Ruiz of the Norland Ports Authority spoke in New Zealand in June. The WHO report was cited."
    assert mention_type(article, "Ana Ruiz") == PERSON
    assert mention_type(article, "Norland Ports Authority") == ORGANISATION
    assert mention_type(article, "WHO") == ORGANISATION
    assert mention_type(article, "New Zealand") == PLACE
    assert mention_type(article, "June") == DATE
    assert mention_type(article, "the report") == DOCUMENT
    assert mention_type(article, "the company") == ORGANISATION
    assert mention_type(article, "she") == PERSON


def test_a_title_glued_to_a_surname_resolves_and_a_group_is_not_he() -> None:
    article = (
        "President Tom Harlan ended his tour of the port on Friday.\n\n"
        'In a final speech Mr.Harlan said "We will be back next year."\n\n'
        "Authorities say the visit cost the city little.\n\n"
        "He also praised the dock workers."
    )
    got = who(article, "CQQQ")
    assert got[1][1] == "Tom Harlan"
    assert got[3][1] == "Tom Harlan"


def test_a_name_behind_a_lower_case_particle_is_a_name_and_he_finds_it() -> None:
    article = (
        "Harbour talks resume\n\n"
        "The port minister, Karim al-Hadi, says the talks will resume next week. "
        "Ms Farah Osei, who leads the dockers, was not at the meeting. "
        'Al-Hadi said, "We are close to a deal." '
        "He also believed the strike would end by May.\n\n"
        "Though Osei disagreed, she said little."
    )
    got = who(article, "XQCQQQ")
    assert got[1][1] == "Karim al-Hadi"
    assert got[4][1] == "Karim al-Hadi"  # `he` takes the latest speaker, named behind `al-`
    assert got[5][1] == "Farah Osei"  # `Though` opens the sentence, it is no part of the name


def test_the_president_is_the_speaker_written_with_that_role() -> None:
    article = (
        "Two presidents meet at the border\n\n"
        "President Anna Vale opened the bridge on Friday. "
        "The neighbouring president, Tomas Brant, did not attend. "
        '"We will build it together," President Vale said. '
        "The president said trade would double. "
        "She also called for a shared customs post."
    )
    got = who(article, "XCCQQQ")
    assert got[3][1] == "Anna Vale"
    assert got[4][1] == got[5][1] == "Anna Vale"  # the speaker called president, not the president named last


def test_he_after_a_sentence_that_opens_with_a_surname_or_a_single_name() -> None:
    article = (
        "Rovers win the cup\n\n"
        "Lukas Brandt and Tomas Ferreira scored the goals that won the final. "
        '"It was a hard night," Ferreira said. '
        "Brandt was named player of the match. "
        'After the game, he said, "We deserved it." '
        "On Monday, Nando was asked if he would stay at the club. "
        'He replied, "Of course." '
        "Describing the season, he said it was the best of his career."
    )
    got = who(article, "XCQCQCQQ")
    assert got[4][1] == "Lukas Brandt"  # `Brandt was named`: the surname's full name
    assert got[6][1] == "Nando"  # `On Monday, Nando was asked if he`: a one-word name with a he
    assert got[7][1] == "Nando"  # `Describing` opens a sentence: never a name


def test_a_noun_phrase_with_capitalised_modifiers_names_its_speaker() -> None:
    article = (
        "Ferry fares to rise\n\n"
        "A Norland Ferries spokesperson said fares would rise by a tenth in April. "
        "The rise was first reported by local radio. "
        "The Norland transport ministry said it had not been told."
    )
    got = who(article, "XQCQ")
    assert got[1][1] == "A Norland Ferries spokesperson"
    assert got[3][1] == "The Norland transport ministry"


def test_a_described_speaker_keeps_its_organisation_and_he_means_that_person() -> None:
    article = (
        "Ferry strike ends\n\n"
        "Union leader Carl Jansen had called the strike in May. "
        "A spokesperson for Norland Ferries said the boats would sail again on Monday. "
        '"We are glad it is over," he said. '
        "The head of the Tidewater Trust, Marta Lindqvist, welcomed the deal."
    )
    got = who(article, "XCQQQ")
    assert got[2][1] == got[3][1] == "A spokesperson for Norland Ferries"  # not Carl Jansen
    assert got[4][1] == "Marta Lindqvist"  # the person in apposition, not the description


def test_a_title_with_for_a_place_before_the_name_gives_the_name() -> None:
    article = '"We will open three clinics this year," said Health Ministry Director for Norland Joan Mbeki.'
    assert who(article, "Q")[0][1] == "Joan Mbeki"


def test_an_abbreviation_keeps_its_period_and_a_titled_misspelt_surname_resolves() -> None:
    article = (
        "Cabinet agreed\n\n"
        "The deal was signed by Prime Minister Odile Marchetti and President Hugo Lenz. "
        '"Our differences remain," Prime Minister Marchatti said. '
        "Harbour Tools Inc. said its exports would grow."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Odile Marchetti"  # one letter off, behind a title, in a name joined by `and`
    assert got[3][1] == "Harbour Tools Inc."


def test_the_outlet_a_person_speaks_with_is_not_the_speaker() -> None:
    article = (
        "Mayor defends budget\n\n"
        "In an interview with the Valley Courier, mayor Ines Falk said the budget was fair. "
        "After a meeting with union chief Paul Brandt, the treasurer, Ada Ekwueme, said talks would go on."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Ines Falk"
    assert got[2][1] == "Ada Ekwueme"


def test_more_verbs_of_saying_that_real_news_uses() -> None:
    article = (
        "Lake closed\n\n"
        "The park rangers informed visitors that the lake was closed. "
        "In a statement to the Hill Gazette, Tomas Lind affirmed the ban would last a month."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "The park rangers"
    assert got[2][1] == "Tomas Lind"


def test_the_person_a_sentence_opens_with_before_a_description_in_apposition() -> None:
    article = (
        "Launch succeeds\n\n"
        "Tomas Berg, the satellite programme director at Orbitek Systems described the launch as a milestone. "
        "Ana Diaz, Tom's grandmother said the boy had always loved rockets. "
        "Rui Costa, Norland's President, spoke at the launch site."
    )
    got = who(article, "XQQQ")
    assert got[1][1] == "Tomas Berg"  # not the description, nor the organisation at its end
    assert got[2][1] == "Ana Diaz"  # not `grandmother`
    assert got[3][1] == "Rui Costa"  # not `Norland's President`


def test_a_name_after_an_organisation_and_a_role_after_the_verb_is_the_speaker() -> None:
    article = '"The ceasefire is over," said Harbour League official Tomas Kranj, after a long meeting.'
    assert who(article, "Q")[0][1] == "Tomas Kranj"


def test_a_quotation_that_names_its_speaker_when_it_closes_is_a_run_of_its_own() -> None:
    article = (
        "Jets grounded\n\n"
        'Transport Secretary Ada Brennan said, "Safety comes first. '
        'We will look at every cause." '
        '"We trust the aircraft. '
        'But we must understand what happened," said aviation chief Paul Mwangi.'
    )
    got = who(article, "XQQQQ")
    assert got[1][:2] == got[2][:2] == ("q1", "Ada Brennan")
    assert got[3][:2] == got[4][:2] == ("q2", "Paul Mwangi")


def test_an_adverb_or_a_reflexive_is_no_part_of_the_speaker() -> None:
    article = (
        "Gate closed\n\n"
        "The Harbour Authority initially stated that the gate was safe. "
        "The port board itself said nothing about the gate."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Harbour Authority"  # not `The Harbour Authority initially` nor `initially`
    assert got[2][1] == "The port board"


def test_a_person_written_with_the_place_they_come_from_is_named_without_it() -> None:
    article = (
        "Appeal planned\n\n"
        "The court fined Kerr Dunmore of Norland for the video. "
        "After the hearing, Dunmore insisted he had only told a joke."
    )
    assert who(article, "XCQ")[2][1] == "Kerr Dunmore"


def test_verbs_of_saying_in_the_present_and_of_demands() -> None:
    article = (
        "Strike looms\n\n"
        "Police deny that officers used force at the gate. "
        "The dockers' union demanded a new inquiry into the clash. "
        "Mayor Ines Falk vowed the port would stay open."
    )
    got = who(article, "XQQQ")
    assert got[1][1] == "Police"
    assert got[2][1] == "The dockers' union"
    assert got[3][1] == "Ines Falk"


def test_an_acronym_resolves_to_the_name_the_article_defines_it_with() -> None:
    article = (
        "Jets grounded\n\n"
        "The Norland Ministry of Coastal Defence (NoCD) grounded its patrol jets on Monday. "
        "The NoCD said the jets would fly again in May. "
        "The Harbour Pilots Union (HPU) welcomed the decision."
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Norland Ministry of Coastal Defence"
    assert got[3][1] == "Harbour Pilots Union"


def test_a_described_speaker_that_ends_with_a_name_is_that_person_and_he_means_them() -> None:
    article = (
        "Beach cleaned\n\n"
        "According to the resort's manager Ali Naseem, the debris was taken away. "
        "The island has two resorts. "
        "He added that more debris washes up every monsoon."
    )
    got = who(article, "XQCQ")
    assert got[1][1:] == ("Ali Naseem", "Ali Naseem")  # the speaker and the text at its span
    assert got[3][1] == "Ali Naseem"


def test_a_reported_statement_with_an_unknown_verb_takes_its_subject() -> None:
    article = (
        "Talks resume\n\n"
        "The Norland Navy signalled a return to the talks in June. "
        "Meanwhile, Ana Ruiz has contested the figures of the harbour board."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Norland Navy"
    assert got[2][1] == "Ana Ruiz"


def test_entity_features_type_a_candidate_and_count_its_earlier_mentions() -> None:
    from claimtag.inference.mentions import entity_features
    from claimtag.inference.quotes import Mention

    article = "Harbour Freight Lines cut sailings. Lines of cars formed. Harbour Freight Lines said sorry."
    at = article.rindex("Harbour Freight Lines")
    got = entity_features(article, Mention(at, at + 21, "Harbour Freight Lines", "name"))
    assert got["type=organisation"] == 1.0 and got["seen=2"] == 1.0  # `Lines` written twice before


def test_a_rank_or_an_office_before_a_name_leaves_the_person_for_he_and_she() -> None:
    article = (
        "Sailors freed\n\n"
        "Lorna Pike of the Coastwatch Trust welcomed the release. "
        "The leader of the crew, Royal Navy Lieutenant Oren Vask, said the crew had been treated well. "
        "He added that nobody had been harmed. "
        "Harbour Councilmember Ines Malo said the negotiators had worked hard. "
        "She said the town would hold a welcome on Sunday."
    )
    got = who(article, "XQQQQQ")
    assert got[2][1] == got[3][1] == "Oren Vask"  # not the earlier Lorna Pike: `Navy` made the whole name no person
    assert got[4][1] == got[5][1] == "Ines Malo"


def test_an_envoy_to_a_country_is_named_without_the_country() -> None:
    article = (
        "Talks end\n\n"
        "The Norland Ambassador to Iraq Tomas Vell said the talks had been useful. "
        "He said both sides wanted a stable border."
    )
    got = who(article, "XQQ")
    assert got[1][1] == got[2][1] == "Tomas Vell"


def test_he_never_means_a_title_a_nationality_or_part_of_an_organisations_name() -> None:
    article = (
        "Arrest at the port\n\n"
        "Police in May arrested Lars Okun, a South African. "
        '"Please come quickly," he told officers. '
        'Dae Min-ho released "Harbour Lights Dance" in July. '
        '"Nobody expected this," he said.'
    )
    got = who(article, "XXQXQ")
    assert got[2][1] == "Lars Okun"  # not `South African`
    assert got[4][1] == "Dae Min-ho"  # not the song's title in quotation marks


def test_he_after_a_titled_subject_or_a_chain_of_he_means_that_person_not_the_last_speaker() -> None:
    article = (
        "Port reopens\n\n"
        '"The pier is safe again," said harbourmaster Ines Falk. '
        "Governor Alan Brisk criticised the delay. "
        'He told reporters the order "cannot stand." '
        "Tomas Vell was the pier's engineer for a decade. "
        "He left the port in May. "
        '"I warned them twice," he said.'
    )
    got = who(article, "XQXQXXQ")
    assert got[3][1] == "Alan Brisk"  # the sentence before opens with him, behind his title
    assert got[6][1] == "Tomas Vell"  # `He` of the sentence before is Vell, so this `he` is too


def test_she_finds_the_speaker_when_the_article_seems_to_contradict_every_gender() -> None:
    article = (
        "Captain fined\n\n"
        "Commander Ana Towler, representing the captain, said that he accepted the blame. "
        '"He simply misread the chart," she said.'
    )
    got = who(article, "XQQ")
    assert got[2][1] == "Ana Towler"  # the `he` after her name is the captain's: still the best guess, not `she`


def test_reported_speech_that_names_no_sayer_after_a_quote_is_said_by_its_speaker() -> None:
    article = (
        "Fund shared out\n\n"
        "Mayor Ines Falk said most of the fund would go to roads. "
        "The remaining five percent would go to parks. "
        "Turkish visitors could still use the old ferry. "
        "The court heard that the ferry had no licence."
    )
    got = who(article, "XQQQQ")
    assert [g[1] for g in got[1:4]] == ["Ines Falk"] * 3  # not `The remaining five percent`, nor `Turkish`
    assert len({g[0] for g in got[1:4]}) == 3  # each a quotation of its own, as the annotators keep them
    assert got[4][1] is None  # testimony stays no one's


def test_a_speaker_is_given_by_the_fullest_form_of_their_name_without_honours() -> None:
    article = (
        "Summit ends\n\n"
        "President Tomas R. Vale met the harbour board on Monday. "
        '"We will seek a lasting peace," Tomas Vale said. '
        "Ana Holt MP said the port would reopen. "
        "Edward B. Hale Jr., the board's lawyer, said the deal was fair."
    )
    got = who(article, "XCQQQ")
    assert got[2][1:] == ("Tomas R. Vale", "Tomas R. Vale")  # the span points at the fullest form
    assert got[3][1] == "Ana Holt"
    assert got[4][1] == "Edward B. Hale Jr."  # a generational suffix stays


# --- fifth round: group speakers in the annotators' wording, verb classes ---------------------------


def test_a_group_noun_after_a_name_is_part_of_the_speaker() -> None:
    article = (
        "Harbour talks stall\n\n"
        "Mainland Norland officials this week said the harbour would stay shut.\n\n"
        "Senior Coastline party members, however, promised that the plan would go ahead.\n\n"
        "Initial reports suggested that a ferry had struck the pier."
    )
    got = who(article, "XQQQ")
    want = ["Mainland Norland officials", "Senior Coastline party members", "Initial reports"]
    assert [g[1] for g in got[1:]] == want


def test_a_group_keeps_the_organisation_or_place_that_qualifies_it() -> None:
    article = (
        "Officials from the Norland Harbour Services Agency notified the firm that its licence was suspended.\n\n"
        "Doctors in Eastport say dozens of people have been treated for burns."
    )
    got = who(article, "QQ")
    assert [g[1] for g in got] == ["Officials from the Norland Harbour Services Agency", "Doctors in Eastport"]
    assert [g[2] for g in got] == [g[1] for g in got]  # the span is the phrase as written


def test_a_group_that_opens_the_sentence_speaks_not_the_place_that_follows_it() -> None:
    # the sentence's first capital made `Rescue`, `Senior`, `Staff` names and the group no candidate:
    # the place after the preposition stood right before the verb and was taken for the speaker
    article = (
        "A fire broke out at a warehouse in Eastmoor on Friday.\n\n"
        "Rescue workers at the scene said three people had been freed.\n\n"
        "Senior officials in the ministry said the report was wrong.\n\n"
        "But officials in the city said the road would reopen.\n\n"
        "Staff at the hospital said two were in a serious condition.\n\n"
        "When residents in the area complained, the council said it would act."
    )
    got = who(article, "CQQQQQ")
    assert [g[1] for g in got[1:]] == [
        "Rescue workers at the scene",
        "Senior officials in the ministry",
        "officials in the city",  # the connective is no part of the group
        "Staff at the hospital",
        "the council",  # a clause opens the sentence: its subject is no speaker
    ]
    assert all(g[2] == g[1] for g in got[1:])  # the span is the phrase as written


def test_a_pronoun_after_the_verb_of_saying_is_what_is_said_not_who_says_it() -> None:
    article = (
        "Marta Quell has lived opposite the depot for thirty years.\n\n"
        "Residents in the area said they heard a loud bang.\n\n"
        "Northern Motors says they have 800 orders for the new van.\n\n"
        '"We saw the flames from the road," said she.'
    )
    got = who(article, "CQQQ")
    assert [g[1] for g in got[1:3]] == ["Residents in the area", "Northern Motors"]  # not the earlier speaker
    assert got[3][1] == "Marta Quell"  # a tag after the quotation: the pronoun is who says it


def test_claim_as_the_verb_of_an_inverted_tag_gives_the_group_after_it() -> None:
    article = (
        "Heavy fighting broke out in the north of Marlow on Tuesday.\n\n"
        "The shelling was heavier than at any time this year, claim residents.\n\n"
        "A market stall was also hit, claim civilians.\n\n"
        "The government backed this claim in parliament."
    )
    got = who(article, "CQQC")
    assert [g[1] for g in got] == [None, "residents", "civilians", None]  # `this claim`: a noun, no tag


def test_a_name_ending_in_a_title_word_is_that_person_not_another_of_the_first_name() -> None:
    article = (
        "Councillor Lena Holt spoke in Marlow on Monday.\n\n"
        "Lena Dean, a former council lawyer, wrote in a blog post that the ferry plan was a mistake."
    )
    assert who(article, "CQ")[1][1] == "Lena Dean"  # `Dean` is her surname here, no title


def test_the_subject_before_an_aside_set_off_by_dashes_speaks() -> None:
    article = (
        "Rebels took the port city of Marlow on Sunday after a week of fighting.\n\n"
        "Ana Ruiz — who has not been seen in public since the spring — said in a video that she would stand again.\n\n"
        "The rebels – backed by Kestrian militias – said they now held the harbour."
    )
    got = who(article, "CQQ")
    assert [g[1] for g in got[1:]] == ["Ana Ruiz", "The rebels"]


def test_a_participle_of_naming_before_as_is_no_verb_of_saying() -> None:
    article = (
        "A lorry was stopped on the A5 in Eastmoor on Friday.\n\n"
        'Repairs described as "urgent" will close the quay until May, engineers said.'
    )
    assert who(article, "CQ")[1][1] == "engineers"  # the tag at the end, not the repairs


def test_a_role_joined_by_and_in_a_closing_tag_is_one_role_of_the_name_after_it() -> None:
    article = (
        "The festival closed on Sunday after three days.\n\n"
        '"It was a good week," said Northern Live Events volunteer and history student Mira Holt.'
    )
    assert who(article, "CQ")[1][1] == "Mira Holt"


def test_a_person_before_an_open_description_headed_by_a_title_speaks() -> None:
    article = (
        "The festival closed on Sunday after three days.\n\n"
        "Arne Vikstrom, Chairman of Touring for Northern Live Events also stated that the tour would go on."
    )
    assert who(article, "CQ")[1][1] == "Arne Vikstrom"  # not the company that ends his title


def test_a_person_cited_with_the_body_they_are_of_is_named_without_it() -> None:
    article = (
        "Voters in Eastport go to the polls on Sunday.\n\n"
        "According to political scientist Ana Ruiz of Eastport College, turnout may be low.\n\n"
        "According to economist Tomas Vale of the Bank of England, rates will rise."
    )
    got = who(article, "CQQ")
    assert [g[1] for g in got[1:]] == ["Ana Ruiz", "Tomas Vale"]  # `Bank of England` is no part of him either


def test_a_participle_capitalised_by_opening_the_sentence_is_no_speaker() -> None:
    article = (
        "A crowd gathered in the capital on Saturday.\n\n"
        "Reported figures put the turnout at 40 per cent.\n\n"
        "Leaked documents show the ministry knew of the risk."
    )
    assert [g[1] for g in who(article, "CQQ")[1:]] == [None, None]  # not `Reported`, nor `Leaked`


def test_both_each_and_the_couple_are_the_people_last_named_together() -> None:
    article = (
        "Police arrested Ana Ruiz and Tomas Vale on Friday, after the fires of December and January.\n\n"
        "Both told the court they had never met the victim.\n\n"
        "Senators Lena Berg of Norland, Piet Olsen of Kestria and Mira Holt of Eastmark met on Monday.\n\n"
        "Each asked the minister to stay."
    )
    got = who(article, "CQCQ")
    assert got[1][1] == "Ana Ruiz and Tomas Vale"  # people, not the months joined later in the sentence
    assert got[3][1] == "Lena Berg, Piet Olsen and Mira Holt"  # their titles and places left out


def test_a_family_word_before_a_name_is_no_part_of_it() -> None:
    article = (
        "Twins Lena and Mira Holt passed all their exams this summer.\n\n"
        '"We were so nervous," said Lena.\n\n'
        "Grandmother Ana Ruiz, 81, said she had never been prouder."
    )
    got = who(article, "CQQ")
    assert got[1][1] in ("Lena", "Lena Holt") and got[2][1] == "Ana Ruiz"  # not `Twins Lena`, `Grandmother Ana Ruiz`


def test_a_title_before_the_name_in_apposition_to_a_role_leaves_the_person_to_speak() -> None:
    article = (
        "Work on the Hohoe road stopped in March.\n\n"
        "The Volta Regional Director of the Department of Feeder Roads, Ing. Kofi Mensah, told journalists that "
        "funds had been released.\n\n"
        "The Regional Director of Health, Dr. Ama Boateng, said that the clinic would open."
    )
    assert [g[1] for g in who(article, "CQQ")[1:]] == ["Kofi Mensah", "Ama Boateng"]


def test_speakers_joined_by_and_before_the_verb_are_one_speaker() -> None:
    article = (
        "Felix Marran and Oskar Brill were freed on Monday after four months.\n\n"
        "Marran and Brill thanked the embassy staff for their help.\n\n"
        "Friends and family said the two had been kept apart."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Felix Marran and Oskar Brill"
    assert got[2][1] == "Friends and family"


def test_a_rare_verb_of_saying_shares_the_weight_of_its_class() -> None:
    from claimtag.inference.quotes import best_mention

    article = '"It is very frustrating," commented a commuter at the station.'
    sentence = split_article(article)[0]
    scorer = SpeakerScorer({"bias": -1.0, "prev=<say>": 2.0})  # learned from `said`, never from `commented`
    assert best_mention(sentence, scorer, article).text == "a commuter"


def test_initials_keep_their_period_and_a_paper_is_its_name() -> None:
    article = (
        "The U.S. also said that the rebels had used the weapon before.\n\n"
        "The Eastport Daily newspaper reported that the deal was off.\n\n"
        "Early reports claim little damage was done to the pier."
    )
    assert [g[1] for g in who(article, "QQQ")] == ["U.S.", "The Eastport Daily", "Early reports"]


def test_he_after_a_person_introduced_behind_a_leading_phrase_means_that_person() -> None:
    article = (
        "Harbour vote\n\n"
        '"We will appeal," said harbourmaster Ines Falk. '
        '"The vote was rushed," said union leader Piet Morrow. '
        "Last week, Mayor Oskar Lindqvist opened the new pier. "
        'He said the vote "settles nothing." '
        "Former port director Anton Vale was fined in May. "
        'He insisted he was innocent, saying "I kept the rules." '
        "Rita Lund, who runs the ferry, told Joan Pike that the fares would rise. "
        "She said the council had agreed."
    )
    got = who(article, "XQQCQCQCQ")
    assert got[4][1] == "Oskar Lindqvist"  # not Piet Morrow, the latest speaker
    assert got[6][1] == "Anton Vale"  # behind a title in lower case
    assert got[8][1] == "Rita Lund"  # the subject, not the person she talks to


def test_he_after_the_subject_of_its_own_sentence_means_that_person() -> None:
    article = (
        "Court ruling\n\n"
        "Mira Solberg was charged in March, and she resigned. Tomas Varga, the deputy, was charged too. "
        '"The verdict is fair," said judge Erik Holm. '
        'As Varga was led away he shouted "I will appeal." '
        '"We respect the court," said lawyer Ana Brandt. '
        "Solberg had no comment on the ruling, but she had earlier said she would appeal."
    )
    got = who(article, "XCCQQQQ")
    assert got[4][1] == "Tomas Varga"  # not Erik Holm, the latest speaker
    assert got[6][1] == "Mira Solberg"  # not Ana Brandt


def test_a_group_at_a_sentence_start_after_a_quotation_is_its_own_speaker() -> None:
    article = 'Mayor Ana Ruiz has asked for "a calmer debate." Hard-line members stress that the budget must be cut.'
    got = who(article, "QQ")
    assert got[0][1] == "Ana Ruiz"
    assert got[1][1] == "Hard-line members"  # not the mayor, whose quotation ends the sentence before


def test_a_persons_gender_is_read_from_a_pronoun_with_no_other_name_between() -> None:
    article = (
        "Club vote\n\n"
        '"The hall is too small," said Carl Moss, and he left early. '
        "Tom Berg opened the meeting before Ana Vidal spoke, and she praised the plan. "
        '"We need it," said Ana Vidal. '
        "Berg is the club's treasurer, and he has served for years. "
        "He said the vote was fair."
    )
    got = who(article, "XQCQCQ")
    assert got[5][1] == "Tom Berg"  # the `she` after his first mention is Ana Vidal's


def test_an_organisation_then_a_role_then_a_name_is_that_person() -> None:
    article = (
        '"We are dismayed at the decision," said Harbour Board spokesperson Lena Voss. '
        '"It makes our work harder," she said.'
    )
    got = who(article, "QQ")
    assert got[0][1] == got[1][1] == "Lena Voss"  # not `Harbour Board`


def test_names_that_are_no_person_by_their_words_or_the_before_them() -> None:
    article = (
        "Record attempt\n\n"
        "Harbour World Records confirmed the swim, and the 2031 Summer Games will host it. Article IV of the "
        "charter allows it, the Coastal Nations said. The P8 Osprey flew over the Liga Verde rally, and the "
        "Liga Verde cheered. Ships came from Latin America. Park Min-jun, the organiser, thanked them."
    )
    for name in ("Harbour World Records", "Summer Games", "Coastal Nations", "Article IV", "P8 Osprey", "Liga Verde"):
        assert not_a_person(article, name), name
    assert not_a_person(article, "Latin America")
    assert not not_a_person(article, "Park Min-jun")  # a surname first, not a park


def test_he_skips_a_latest_speaker_that_is_no_person() -> None:
    article = (
        "Record swim\n\n"
        '"I trained for nine years," said swimmer Tomas Reyes. '
        "The Liga Verde said the swim was a triumph for the coast. "
        '"Nothing will stop me now," he said. '
        "Harbour World Records confirmed the time on Monday. "
        "Park Min-jun, the organiser, described the route. "
        '"The tide was against him," he said.'
    )
    got = who(article, "XQQQQCQ")
    assert got[3][1] == "Tomas Reyes"  # not `The Liga Verde`, written only after `the`
    assert got[6][1] == "Park Min-jun"  # not the records body; `Park` is his surname, no park


def test_a_person_written_after_to_is_still_a_person_and_a_title_alone_is_none() -> None:
    article = (
        "Dam talks\n\n"
        '"The river is rising," said mayor Anna Holt. '
        "Talks resumed on Monday, according to Elena Marsh, head of the water agency. "
        '"We are off to a good start," she said. '
        '"The dam will hold," said engineer Tomas Brand. '
        "The President pointed out that the board had met twice. "
        '"We will not wait," he said.'
    )
    got = who(article, "XQQQQQQ")
    assert got[3][1] == "Elena Marsh"  # `according to` marks no place
    assert got[6][1] == "Tomas Brand"  # not `President`, a title with no name


def test_a_role_noun_finds_the_person_written_with_another_title_of_it() -> None:
    article = (
        "Ferry trial\n\n"
        "At Norland Crown Court, Mr Justice Harlow jailed the captain for six years. "
        'The judge said the crash was "entirely avoidable". '
        "PC Ana Brook told the court she had stopped the boat. "
        '"He did not resist," the officer said. '
        "President Rui Costa visited the harbour on Friday. "
        '"We will rebuild the pier," the President said.'
    )
    got = who(article, "XCQQQCQ")
    assert got[2][1] == "Justice Harlow"  # `Justice` is the title of a judge
    assert got[4][1] == "Ana Brook"  # `PC` an officer's
    assert got[6][1] == "Rui Costa"  # a title alone is resolved as the role


def test_a_role_noun_never_resolves_to_an_organisation() -> None:
    article = (
        "The ferry was held by Norland Port Police, the agency whose senior official signed the order. "
        "A police official said the ship was unsafe."
    )
    assert who(article, "CQ")[1][1] == "official"  # as the scorer chose it: not the police force


def test_he_where_a_quotation_closes_reads_the_sentence_before_the_quotation() -> None:
    article = (
        "Cup final\n\n"
        '"It was a fair call," said umpire Ana Ruiz. '
        "Kim Berg won the first set. "
        '"The crowd was wonderful," said coach Lena Dahl. '
        "Berg, who has long criticised the line system, argued with the umpire after the point. "
        '"How was that ball in? Look at the score now. This system is killing me," he said. '
        "Indian computer expert Ravi Nair, who built the system, defended it. "
        '"The cameras do not lie. They are exact," he said.'
    )
    got = who(article, "XQCQCQQQCQQ")
    assert [g[1] for g in got[5:8]] == ["Kim Berg"] * 3  # `Berg, who ..., argued`: not Lena Dahl, the latest speaker
    assert [g[1] for g in got[9:]] == ["Ravi Nair"] * 2  # `Indian` opens the sentence but names no one


def test_a_person_is_named_without_the_place_or_nationality_written_with_the_name() -> None:
    article = (
        "Ski final\n\n"
        "The title went to Mira Ostrova of Norland. "
        '"I am so happy," she said. '
        '"I have seen nothing like it," said Swede Lars Borg.'
    )
    got = who(article, "XCQQ")
    assert got[2][1] == "Mira Ostrova"  # not `Mira Ostrova of Norland`
    assert got[3][1] == "Lars Borg"  # `Swede` is where he is from


def test_a_statement_speaks_for_whoever_issued_it() -> None:
    article = (
        "The Harbour Board (HB) closed the pier on Monday. "
        "The HB statement said repairs would take a month. "
        "An air force statement said the jets were grounded. "
        '"No pilot was hurt," the statement added.'
    )
    got = who(article, "CQQQ")
    assert got[1][1] == "Harbour Board"  # the issuer before `statement`, spelt out
    assert got[2][1] == "air force"
    assert got[3][1] == "air force"  # no issuer written: the latest speaker's


def test_the_organisation_referred_back_by_its_acronym_is_spelt_out() -> None:
    article = (
        "The Coastal Ferry Union (CFU) called a strike. CFU members walked out on Monday. "
        "The organisation said the talks had failed."
    )
    assert who(article, "CCQ")[2][1] == "Coastal Ferry Union"  # not `CFU`: the fullest name


def test_a_courtesy_title_gives_way_to_the_role_the_article_writes() -> None:
    article = 'Summit\n\nPresident Okoro arrived in Lisbon on Monday. "We came to listen," Mr. Okoro said.'
    assert who(article, "XCQ")[2][1] == "President Okoro"  # the article names no first name


def test_a_maker_is_not_the_model_numbered_after_it() -> None:
    article = "The Skyward S390 made its first flight on Monday. Skyward said the jet would enter service in May."
    assert who(article, "CQ")[1][1] == "Skyward"  # not `Skyward S390`, the aircraft


def test_a_first_name_of_a_couple_takes_the_shared_surname() -> None:
    article = (
        "Sailors freed\n\n"
        "Retired couple Tomas and Irene Vale were freed on Monday after 200 days. "
        "Irene and Tomas flew home at once. "
        '"We are tired but well," Tomas said. '
        "On Sunday the singer Odetta and Ben Marlow each won two awards. "
        '"I owe it all to my band," said Odetta.'
    )
    got = who(article, "XCCQCQ")
    assert got[3][1] == "Tomas Vale"  # `Irene` is written alone: one family
    assert got[5][1] == "Odetta"  # `Ben` never is: two people, not `Odetta Marlow`


def test_a_relative_named_by_a_first_name_after_a_surname_takes_the_surname() -> None:
    article = (
        "Driver Lena Okafor died on Friday. Okafor's father, Tobias, called the wait a torment. "
        "Lena Okafor's mother, Ruth, said the family was grateful."
    )
    got = who(article, "CQQ")
    assert got[1][1] == "Tobias Okafor"  # not `Tobias`: the surname of the person he is father to
    assert got[2][1] == "Ruth Okafor"  # the relative speaks, not `Lena Okafor` before the relation


def test_a_group_alone_is_the_group_the_article_wrote_with_its_qualifier() -> None:
    article = (
        "Mill strike\n\n"
        "Since May, 60 dock workers of Norland Textiles have been on strike. "
        "Workers say the shifts were cut without notice. "
        "On Monday, astronomers at the Vale Observatory reported a new comet. "
        "The astronomers said it would be visible in June. "
        "Officials of the port authority closed the pier. Officials said it would reopen."
    )
    got = who(article, "XCQCQCQ")
    assert got[2][1] == "dock workers of Norland Textiles"  # the annotators' whole group
    assert got[4][1] == "astronomers at the Vale Observatory"
    assert got[6][1] == "Officials"  # officials speak for many bodies: no qualifier carried over


def test_an_embassy_keeps_the_place_it_sits_in() -> None:
    article = (
        "Ferry missing\n\n"
        "The Norland Embassy in Port Vell has confirmed that two citizens were on board. "
        "Later the embassy in Port Vell said a third may have sailed too."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Norland Embassy in Port Vell"  # not `Norland Embassy`: which embassy it is
    assert got[2][1] == "the embassy in Port Vell"


def test_a_name_cut_before_for_is_the_name_the_article_defines_in_brackets() -> None:
    article = (
        "Camp report\n\n"
        "The Norland High Commissioner for Coastal Refugees (NHCCR) visited Port Vell in May. "
        "Ana Ruiz of the Harbour Workers Party (HWP) said the party would help."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Norland High Commissioner for Coastal Refugees"  # not cut before `for`
    assert got[2][1] == "Ana Ruiz"  # a person is not the organisation defined after her


def test_the_report_is_output_with_the_year_and_subject_the_article_writes() -> None:
    article = (
        "The Norland Bank released the 2021 Coastal Outlook Report on Fisheries and Ports on Monday. "
        "The report noted a rise in catches."
    )
    assert who(article, "CQ")[1][1] == "2021 Coastal Outlook Report on Fisheries and Ports"


def test_a_surname_with_two_letters_swapped_resolves_to_the_person() -> None:
    article = (
        "Norland votes\n\n"
        "The candidate Emil Varona won the first round on Sunday. "
        '"We will unite the country," Vraona said.'
    )
    assert who(article, "XCQ")[2][1] == "Emil Varona"  # `Vraona`: a typo of two neighbouring letters


def test_a_person_opening_the_sentence_before_a_description_of_an_organisation_member_speaks() -> None:
    article = (
        "Ana Ruiz, a senior analyst at the Norland Institute for Maritime Studies told reporters the ban "
        "would not last."
    )
    assert who(article, "Q")[0][1] == "Ana Ruiz"  # not `a senior analyst`, the description after her name


def test_a_description_then_an_age_and_a_name_in_apposition_gives_the_name() -> None:
    article = '"The trains keep stopping," commented a commuter, 41-year-old Ivo Marsh.'
    assert who(article, "Q")[0][1] == "Ivo Marsh"  # not `a commuter`


def test_the_person_after_a_closing_quotation_and_before_a_description_speaks() -> None:
    article = '"I knew this day would come," Ana Ruiz, the winning rower said after the final.'
    assert who(article, "Q")[0][1] == "Ana Ruiz"  # not `the winning rower`


def test_the_person_in_apposition_after_a_described_organisation_speaks() -> None:
    article = '"No complaints came in," said the chairman of Norland\'s Harbour Board, Ana Ruiz.'
    assert who(article, "Q")[0][1] == "Ana Ruiz"  # not `the chairman`


def test_a_description_chosen_after_a_name_and_a_comma_gives_that_person() -> None:
    article = 'Reporters spoke to Ana Ruiz, an expert from Norland University, who said "it has happened before".'
    assert who(article, "Q")[0][1] == "Ana Ruiz"  # the description in apposition is hers


def test_the_and_an_acronym_is_the_name_the_article_defines_it_with() -> None:
    article = (
        "The Norland Wildlife Trust (NWT) counted the birds in May. "
        "According to the NWT, the number of terns has doubled."
    )
    assert who(article, "CQ")[1][1] == "Norland Wildlife Trust"  # not `the NWT`


def test_a_description_after_a_name_and_who_is_gives_that_person() -> None:
    article = "However, Ana Ruiz who is a Norland activist living abroad said the crackdown might ease."
    assert who(article, "Q")[0][1] == "Ana Ruiz"  # not `a Norland activist living abroad`


def test_the_airline_and_the_centre_find_the_name_written_with_another_form_of_the_noun() -> None:
    article = (
        "Northwind Regional Airlines grounded its fleet on Monday. Inspectors from the Atlantic Storm Center "
        "arrived the same day. The airline said the checks would take a week. "
        "The centre said the winds would ease by Friday. Ardent Freight Corporation leases the planes. "
        "The company said it would waive the fees."
    )
    got = who(article, "CCQQCQ")
    assert got[2][1] == "Northwind Regional Airlines"  # `Airlines` ends the name, `airline` refers to it
    assert got[3][1] == "Atlantic Storm Center"  # spelt the American way
    assert got[5][1] == "Ardent Freight Corporation"


def test_an_organisation_after_a_sentence_opening_of_is_cut_from_it() -> None:
    article = (
        "Pictures of Northwind Regional Airlines planes spread online. Crews were told to stay home. "
        "The airline said the checks would take a week."
    )
    assert who(article, "CCQ")[2][1] == "Northwind Regional Airlines"  # not `Pictures of ...`


def test_the_group_is_the_organisation_named_before_unless_described_in_lower_case() -> None:
    article = (
        "The Highland Society for Birds (HSB) filed the complaint. Tom Reed was expelled from the group in May. "
        "The group said the fine was too low."
    )
    assert who(article, "CCQ")[2][1] == "Highland Society for Birds"  # `from the group` describes no group


def test_a_role_noun_finds_the_person_written_with_its_modifier_and_another_role() -> None:
    article = (
        "Vote in Norland\n\n"
        "Ana Ruiz, the interim leader of Norland since May, met the unions on Sunday. "
        "Dag Holm, the former minister, called it a distraction. "
        "The interim president also announced an inquiry into the shooting."
    )
    got = who(article, "XQQQ")
    assert got[3][1] == "Ana Ruiz"  # `interim`, not the role word, ties them; not Holm, the last speaker


def test_the_role_of_an_organisation_then_the_name_that_ends_the_sentence() -> None:
    article = (
        "Vote count\n\n"
        '"Counting ends tonight," said the chairman of Norland\'s National Electoral Commission, '
        "Rui Moreno."
    )
    assert who(article, "XQ")[1][1] == "Rui Moreno"  # was `the chairman`


def test_the_person_of_an_organisation_described_in_lower_case_takes_the_quote() -> None:
    article = 'Tomas Berg from the nationalist opposition Norland Party commented: "The law will not change my view."'
    assert who(article, "Q")[0][1] == "Tomas Berg"  # was the party


def test_a_description_then_a_person_with_an_age_in_apposition() -> None:
    article = '"I was late again," said a commuter, 41-year-old Jon Tan. "Nobody told us anything."'
    got = who(article, "QQ")
    assert got[0][1] == got[1][1] == "Jon Tan"  # was `a commuter`


def test_a_title_alone_then_the_person_in_apposition() -> None:
    article = "Deputy Secretary-General of the HFU, Lena Holm, called the strike a mistake."
    assert who(article, "Q")[0][1] == "Lena Holm"  # was the title, `Deputy Secretary-General`


def test_a_person_of_a_state_takes_the_quote_not_the_state() -> None:
    article = (
        "Budget vote\n\n"
        "Tom Vale of New Jersey agreed, saying the bill was rushed. "
        "Kevin Marsh of California says the bill could be ready by May."
    )
    got = who(article, "XQQ")
    assert [g[1] for g in got[1:]] == ["Tom Vale", "Kevin Marsh"]  # was `New Jersey`, `California`
    assert mention_type(article, "New Jersey") == PLACE


def test_a_party_or_a_representative_before_a_name_is_no_part_of_it() -> None:
    article = (
        "Budget vote\n\n"
        "Representative Tom Vale of New Jersey agreed, saying the bill was rushed. "
        "Democrat Ana Ruiz said the criticism might hurt the vote."
    )
    got = who(article, "XQQ")
    assert [g[1] for g in got[1:]] == ["Tom Vale", "Ana Ruiz"]  # was `Representative Tom Vale`, `Democrat Ana Ruiz`


def test_a_person_described_with_a_place_keeps_the_place() -> None:
    article = (
        "Ambulances\n\n"
        'One paramedic based in Eastport told the review: "I have done twelve-hour shifts." '
        "A pharmacist at Vale Discount Drug Store also commented, saying that staff came to shop."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "One paramedic based in Eastport"  # was `One paramedic based`
    assert got[2][1] == "A pharmacist at Vale Discount Drug Store"  # was `A pharmacist`


def test_one_of_a_group_then_one_name_in_apposition_is_that_person() -> None:
    article = (
        "Convention\n\n"
        'One of the dancers, Marta, told Norpress "The shows get bigger every year." '
        '"We dressed up as heroes."'
    )
    got = who(article, "XQQ")
    assert got[1][1] == got[2][1] == "Marta"  # was `One of the dancers`


def test_a_place_that_is_no_country_never_speaks() -> None:
    article = (
        "Games\n\n"
        "Eastport, Russia — At a press conference this afternoon in Eastport, the President of the Norland "
        "Paralympic Committee, Ivan Sushko, announced the team would compete. "
        "Tom Vale of New Jersey said the bill was rushed."
    )
    got = who(article, "XQQ")
    assert got[1][1] == "Ivan Sushko"  # was `Eastport`, the dateline
    assert got[2][1] == "Tom Vale"  # a person's place still gives the quote to the person


def test_the_period_of_an_abbreviation_or_an_initial_ending_a_name_is_kept() -> None:
    # tenth round (c): `the company` resolved to `Tidewick Valve Co` lost the period the name is written with
    article = (
        "Tidewick Valve Co. will close its plant in June.\n\n"
        "The company said demand had fallen.\n\n"
        'During the trial, Joris V. told the court he had been "naive".'
    )
    got = who(article, "CQQ")
    assert got[1][1] == "Tidewick Valve Co."
    assert got[2][1] == "Joris V."


def test_a_surname_park_is_a_person_where_the_article_writes_who_after_it() -> None:
    # tenth round (c): `Park` ends a place's name (`Vale Park`), but `NAME Park, who owns ...` is a person
    article = (
        "Break-ins\n\n"
        "Const. Greta Lind said officers were patrolling the street. "
        "Min-jun Park, who owns a noodle bar, said the damage cost far more than the cash taken. "
        '"The glass alone was $2,400," he said.'
    )
    assert mention_type(article, "Min-jun Park") == PERSON
    assert who(article, "XQQQ")[3][1] == "Min-jun Park"  # was `Greta Lind`


def test_a_person_of_a_place_or_group_the_words_do_not_type_speaks() -> None:
    # tenth round (c): a letters page's `NAME of PLACE thinks`, a member's `NAME of the ... group NAME said`
    article = (
        "Letters\n\n"
        "Greta Lind of Whitmoor believes the objectors have had their say. "
        "Tomas Vale of Castle Brenning thinks the plan would punish parents. "
        "Ana Ruiz of the riders' group Velonord said cheap batteries were a risk."
    )
    got = who(article, "XQQQ")
    assert [g[1] for g in got[1:]] == ["Greta Lind", "Tomas Vale", "Ana Ruiz"]


def test_an_acronym_defined_after_a_possessive_is_the_name_without_its_s() -> None:
    article = (
        "Crane accident\n\n"
        "Officers from the Harbour Labour Office's (HLO) safety unit inspected the crane on Monday. "
        'HLO stated, "The crane had not been checked for a year."'
    )
    assert who(article, "XCQ")[2][1] == "Harbour Labour Office"  # was `Harbour Labour Office's`


def test_a_couple_named_with_one_surname_is_called_by_first_names() -> None:
    # tenth round (c): `NAME and NAME Vale, both teachers` / `The couple ...` share the surname
    article = (
        "Housing\n\n"
        "Greta and Tomas Vale, both primary teachers, have been trying to buy a home since 2022. "
        "They have bid on eleven houses. "
        '"The last one went far over the asking price," said Greta.'
    )
    assert who(article, "XCCQ")[3][1] == "Greta Vale"  # was `Greta`: `Tomas` is never written alone


def test_in_a_persons_compound_the_person_is_no_place() -> None:
    # tenth round (c): `In NAME's compound` made NAME a place, so no he/she could mean her
    article = (
        "Coach\n\n"
        "In Greta Lind's compound the first alarm goes off before five. "
        "Lind, 52, raced for a decade before she turned to coaching. "
        '"I saw too many girls come back with nothing," she said.'
    )
    assert mention_type(article, "Greta Lind") == PERSON
    assert who(article, "XCCQ")[3][1] == "Greta Lind"  # was `she`


def test_a_subject_that_joins_speakers_with_and_speaks_as_one() -> None:
    # 2026-12-06: the joint subject gave its last name (`Northfield Institute`, `authority`, `Norland`)
    article = (
        "Harbour study\n\n"
        "Marta Lindqvist of Eastport University and Omar Brenn of the Northfield Institute say the findings are sound. "
        "On Monday, the ministry and the port authority said the dredging would finish in May. "
        "Norland and Kestrian officials have both criticised the plan. "
        "Lena Dean, along with senator Paul Hart from Eastport, called on the council to act. "
        "The Centre for Disease Control and Prevention said no one had fallen ill."
    )
    got = who(article, "XQQQQQ")
    assert got[1][1:] == (
        "Marta Lindqvist and Omar Brenn",
        "Marta Lindqvist of Eastport University and Omar Brenn of the Northfield Institute",  # the span: all of it
    )
    assert [g[1] for g in got[2:]] == [
        "the ministry and the port authority",
        "Norland and Kestrian officials",
        "Lena Dean and Paul Hart",
        "Centre for Disease Control and Prevention",  # one body's name, no joint subject
    ]


def test_a_joint_subject_of_surnames_gives_each_full_name_and_a_shared_type() -> None:
    article = (
        "Seat\n\n"
        "Tomas Vale, Lena Hart, Omar Brenn and Ana Ruiz were named as candidates on Monday. "
        "Vale, Hart, Brenn, and Ruiz have all denied any interest in the seat. "
        "Chile and Peru have already said that they would send observers."
    )
    sentences = split_article(article)
    got = attribute(article, sentences, ["context", "claim", "quote", "quote"], SCORER)
    assert got[2].speaker == "Tomas Vale, Lena Hart, Omar Brenn and Ana Ruiz"
    assert got[2].speaker_type == PERSON
    assert (got[3].speaker, got[3].speaker_type) == ("Chile and Peru", ORGANISATION)  # was person: one name


def test_a_group_placed_in_two_places_speaks_not_the_second_place() -> None:
    # 2026-12-06: `Officials in Norland and Kestria said` gave `Kestria`
    article = "Border\n\nOfficials in Norland and Kestria said the crossing would reopen on Monday."
    assert who(article, "XQ")[1][1] == "Officials in Norland and Kestria"


def test_a_cited_body_cut_after_and_runs_on_and_a_name_ends_before_how_it_was_told() -> None:
    # 2026-12-06: the cited phrase was cut at seven words (`... Coastal Research and`) and ran past
    # the name into the circumstance (`... Pavlo Marsh in a`)
    article = (
        "Storm\n\n"
        "According to the Norland Centre of Coastal Research and Flood Prevention, the sea rose by 3 cm. "
        "According to local police chief Pavlo Marsh in a telephone call with Norpress, the bridge had held."
    )
    got = who(article, "XQQ")
    assert [g[1] for g in got[1:]] == ["the Norland Centre of Coastal Research and Flood Prevention", "Pavlo Marsh"]


def test_a_given_name_of_one_gender_tells_a_he_from_a_she() -> None:
    # 2026-12-06: `Jorge Halvard` was the she: the she being resolved was read as the only sign of his gender
    article = 'Shop\n\nMarta Quell runs the shop with Jorge Halvard. Halvard opened it in 2010. "I am 41," she said.'
    assert who(article, "XCCQ")[3][1] == "Marta Quell"
    article = article.replace("Jorge", "Marek").replace("Marta", "Greta").replace("she said", "he said")
    assert who(article, "XCCQ")[3][1] == "Marek Halvard"


def test_given_names_gender_only_what_a_country_gives_one_gender() -> None:
    from claimtag.inference.entities import given_gender, given_names

    assert len(given_names()) > 10_000
    assert given_gender("Kofi Mensah") == "m" and given_gender("Meera Joshi") == "f"
    assert given_gender("Dr Ana Ruiz") == "f"  # a title before the name is passed over
    assert given_gender("Jess Holt") is None  # given to both
    assert given_gender("Long Tran") is None  # only in the generic English list (also a word and a surname)
    assert given_gender("Ruiz") is None and given_gender("Northfield United") is None


def test_a_group_that_opens_the_sentence_before_a_verb_of_saying_speaks_over_other_names() -> None:
    # 2026-12-06: the body a group's qualifier names, or the one written after the verb, was taken
    article = (
        "Film ban\n\n"
        "The ban was imposed by the Norland Film Board on Monday.\n\n"
        "Local residents sharply criticised the ban imposed by the Norland Film Board.\n\n"
        "Some members of parliament from the Kestrian Party say the ban is strange.\n\n"
        "She said investigators had found nothing, the board confirmed.\n\n"
        "Her family said she died peacefully."
    )
    got = who(article, "XCQQQQ")
    assert [g[1] for g in got[2:4]] == [
        "Local residents",  # the adverb before the verb is no part of the group
        "Some members of parliament from the Kestrian Party",  # its qualifier kept, as written
    ]
    assert got[4][1] != "She said investigators"  # no group opens the sentence
    assert got[5][1] == "Her family"  # the other rules' answer, unchanged


def test_a_plural_subject_says_with_the_base_form_of_a_verb_of_saying() -> None:
    # 2026-12-06: `report`, `state`, `claim` after a plural subject were no verbs of saying
    article = (
        "Harbour\n\n"
        "The Norland Herald and the Kestria Post both report that the harbour will close.\n\n"
        "Witnesses state that the crane fell without warning."
    )
    got = who(article, "XQQ")
    assert [g[1] for g in got[1:]] == ["The Norland Herald and the Kestria Post", "Witnesses"]


def test_a_kicker_in_capitals_is_no_speaker_and_a_cited_source_ends_before_a_clause() -> None:
    article = (
        "BURNED OUT: Parents fume as council cancels the fireworks\n\n"
        "Parents in Eastport said the decision was unfair.\n\n"
        "According to residents there have been three fires this year."
    )
    got = who(article, "QQQ")
    assert got[0][1] == "Parents in Eastport"  # was `BURNED OUT`: the headline takes the body's speaker
    assert got[2][1] == "residents"  # was `residents there have been three`: the clause is no part of it
    assert who("ANA RUIZ: We will not give up.", "Q")[0][1] == "ANA RUIZ"  # a turn opens with a given name


def test_the_given_names_file_is_written_from_faker_with_its_licence(tmp_path) -> None:
    import pytest

    pytest.importorskip("faker")
    from claimtag.training.given_names import write

    out = tmp_path / "given_names.tsv"
    assert write(out) > 10_000
    rows = dict(line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    assert rows["Kofi"] == "m" and rows["Meera"] == "f" and rows["Jess"] == "-" and rows["Long"] == "-"
    assert "Permission is hereby granted" in (tmp_path / "given_names.LICENSE").read_text(encoding="utf-8")


def test_word_look_ups_read_at_occurrences_agree_with_a_scan_of_every_word() -> None:
    """`_written_lower` and `_labelled` read a short article at the word's occurrences only; what they
    answer must be what a scan of every word answers (the set a long article builds)."""
    import re

    from claimtag.inference import entities

    text = (
        "HARBOURTON: The x-ray unit of the Style Clinic opened. O'neill, a McStyle stylist in Lund, DC, "
        "said the style was new — and the ray of hope, the TV crew found, was the EAST wing's EAST: "
        "Washington, DC ARC-2 won. Ray Park spoke; park rangers, ray fans and the stylish came."
    )
    lower = frozenset(re.findall(r"\b[a-z][\w'’-]*", text))
    labelled = frozenset(m.group(1) or m.group(2) for m in re.finditer(r"\b(\w++) *[:—–-]|, (\w++)\b", text))
    words = set(re.findall(r"[\w'’-]+", text))
    for word in words | {w.lower() for w in words} | {"neill", "ray", "x-ray", "style", "stylish", "tyle"}:
        assert entities._written_lower(text, word) == (word in lower), word
        assert entities._labelled(text, word) == (word in labelled), word
    assert entities._written_lower(text, "ray") and not entities._written_lower(text, "xray")
    assert all(entities._labelled(text, word) for word in ("HARBOURTON", "DC", "EAST"))
    long_text = text + " " * entities._SET_ABOVE  # the set path
    assert entities._written_lower(long_text, "style") and not entities._written_lower(long_text, "neil")


def test_full_names_read_with_the_capitals_path_match_the_full_pattern():
    """The capitals-led scan gives FULL_NAME's matches where no particle opens a word, and a text with
    one (`al-`, `d'`) is read with FULL_NAME itself (invented text)."""
    from claimtag.inference.mentions import _CAPITAL_FULL_NAME, _PARTICLE_OPENS, FULL_NAME, full_names

    plain = (
        "Harbour Supplies Co. and Marlow Valve Corp. hired Karl D. Holt, said Ana Maria van Dijk. "
        "In Eastport, Tomas Vale Jr. met the Norland Ports Authority; Ana O'Brien's team and Bros. Lund "
        "of Kestria watched. Élodie Faure of Nordby Inc. spoke at the Corp meeting."
    )
    assert _PARTICLE_OPENS.search(plain) is None
    spans = [m.span() for m in FULL_NAME.finditer(plain)]
    assert len(spans) >= 8
    assert [m.span() for m in _CAPITAL_FULL_NAME.finditer(plain)] == spans
    assert [m.span() for m in full_names(plain)] == spans
    particles = "Officials said Nouri al-Maliki met Sara d'Alema and Omar bin-Talal in Eastport."
    assert _PARTICLE_OPENS.search(particles) is not None
    assert [m.group() for m in full_names(particles)] == [m.group() for m in FULL_NAME.finditer(particles)]
    assert "Nouri al-Maliki" in [m.group() for m in full_names(particles)]
