"""Who said it: quote runs and speakers, read from the article around each quote sentence.

Three steps, one module each (docs/speakers.md has the measurements):
1. Mention (`mentions.py`): in every quote sentence, outside the quoted words, the candidates
   that could name a speaker (names, noun phrases, pronouns) are scored with weights over
   features of their place next to a verb of saying (`said Maria Okafor`, `the audit says`,
   `according to the port authority`, `she added`); `best_mention` (here) chooses among them
   with what the article says about each (a place never speaks, a passive's agent does).
2. Resolution (`resolution.py`): a surname, a pronoun or a role noun is replaced by the
   nearest earlier full mention the article makes clear (`Dunne` -> `Aoife Dunne`, `she` ->
   the run before's speaker, `the minister` -> `Lydia Arkwright`, named earlier as `Finance
   Minister Lydia Arkwright`).
3. Runs (here): a quotation continues over sentences and paragraphs while the article stays
   inside it (or re-opens it at a paragraph start) and no other speaker is named; reported
   speech without quotation marks is a run of its own; a run takes the speaker named anywhere
   in it. `attribute` is the entry point.

No dependency parser is used: none with its weights installs from PyPI (spaCy's models are
not on it).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimtag.inference import entities
from claimtag.inference.mentions import (
    ACCORDING_TO,
    CAPITAL_STOP,
    CONNECTORS,
    ORGANISATION_WORD,
    PARTICLE_NAME,
    ROLE_NOUNS,
    ROLE_WORDS,
    SAYING,
    SPEECH_VERBS,
    TAG_BEFORE,
    TITLES,
    Mention,
    SpeakerScorer,
    acronym_subject,
    and_body,
    answered_by,
    before_who,
    beside_saying,
    both_named,
    bracket_aside,
    candidates,
    cited_by,
    cites_first,
    closes_unopened,
    closing_tag,
    closing_tag_name,
    direct_speech,
    document_subject,
    group_subject,
    group_tag,
    impersonal,
    is_title,
    issued_statement,
    joined_group,
    joint_subject,
    kicker,
    opening_group,
    opening_subject,
    passive_speaker,
    quantifier_subject,
    quoted_name,
    quoted_one,
    refined_mention,
    reported_subject,
    reports_as_noun,
    saying_name,
    subject_mention,
    tags_quotation,
    titles_only,
    told_outlet,
    unsaid,
    while_another,
    word_set,
)
from claimtag.inference.resolution import (
    LEGAL_FORMS,
    POST_NOMINALS,
    WINDOW,
    SentenceSpan,
    a_person,
    gender_fits,
    is_person,
    names_holding,
    occurrences,
    person_before,
    resolve,
    resolve_surname,
    thing_before,
    window_slice,
    word_places,
)
from claimtag.model.labels import QUOTE
from claimtag.model.quotation import quoted_chars, quoted_spans

__all__ = ["Attribution", "Mention", "SpeakerScorer", "attribute"]  # the public face of the three steps


@dataclass(frozen=True)
class Attribution:
    """Quote run and speaker of one sentence (all `None` for a sentence that is not a quote)."""

    quote_id: str | None
    speaker: str | None
    speaker_span: tuple[int, int] | None  # article offsets of the mention that names the speaker
    speaker_type: str | None = None  # person, organisation, document or unknown (inference/entities.py)


def attribute(
    article: str, sentences: list, labels: list[str], scorer: SpeakerScorer | None = None
) -> list[Attribution]:
    """Quote runs and speakers for an article's sentences (objects with start, end, text, paragraph, in_quote)."""
    scorer = scorer or SpeakerScorer()
    pairs = zip(sentences, labels, strict=True)
    mentions = [best_mention(s, scorer, article) if lab == QUOTE else None for s, lab in pairs]
    return _runs(article, sentences, labels, mentions, functools.partial(subject_mention, article=article))


def best_mention(sentence, scorer: SpeakerScorer, article: str | None = None) -> Mention | None:
    """The candidate that names the sentence's speaker, or None when none scores above zero
    (`article`: lets the entity layer drop a capitalised word that is never a name in it)."""
    answer = answered_by(sentence, article)
    if answer is not None:  # `NAME: We hope ...`, `((Wikinews)) Which route did you ...?`: an interview's turn
        return answer
    named = quoted_name(sentence)
    if named is not None:  # `Wikipedia user 'Nordfan' posted`: a name the candidates leave out
        return named
    quoted = quoted_one(sentence) or quantifier_subject(sentence)
    if quoted is not None:  # `Norland News quoted port authorities, "..."`, `Some say ...`: as written
        return quoted
    found = candidates(sentence, article if scorer.rich else None)
    offset = sentence.start
    found = [(m, f) for m, f in found if not entities.blocked(sentence.text, m.start - offset, m.text, article, f)]
    found = [(m, f) for m, f in found if not reported_subject(sentence, m)]
    found = [(m, f) for m, f in found if not (kicker(m.text) and sentence.text[m.end - offset :].startswith(":"))]
    tagged = closing_tag_name(sentence, found, article)
    if tagged is not None:  # `"...," said union negotiator NAME.`: the tag's name, not the subject
        return tagged
    saying = saying_name(sentence, found)
    if saying is not None:  # `..., with judge NAME saying "..."`: the name before `saying`, not the subject
        return refined_mention(sentence, saying, [m for m, _ in found])
    agent = passive_speaker(sentence, found)
    if agent is not None:  # `Twenty deaths were reported by Norland authorities`
        chosen = refined_mention(sentence, agent, [m for m, _ in found])
        return joined_group(sentence, chosen) or chosen
    if article is not None:  # `passing through the Kestrel Strait, ..., said NAME`: a place never speaks
        found = [(m, f) for m, f in found if not _silent_place(sentence, m, found, article)]
    scored = [(scorer.score(f), m) for m, f in found]
    best = max(scored, key=lambda x: x[0], default=None)
    cited = cited_by(found)
    if cited is not None and (
        not sentence.text[cited.end - offset :].strip(" .!?\"”’'")
        or cites_first(sentence, cited)
        or (_set_off(sentence, cited) and not (best and best[0] > 0 and cited.start <= best[1].start < cited.end))
    ):
        tag = [m for m, f in found if m.start < cited.start and tags_quotation(sentence, m, f)]
        if tag:  # `...," said a spokesperson for NAME according to the Norland Post.`: the tag's phrase
            first = max(tag, key=lambda m: (-m.start, m.end))
            said_by = and_body(sentence, first)  # whole, as the annotators write it (not its last name)
            return said_by if said_by is not first else refined_mention(sentence, first, [m for m, _ in found])
        said = best is not None and best[0] > 0 and beside_saying(dict(found)[best[1]])
        if not said:  # `..., according to police.` ends the sentence and no one beside a verb says it
            return refined_mention(sentence, cited, [m for m, _ in found])
    closing = closing_tag(sentence, found)
    if closing is not None and (best is None or best[1].start < closing.start):  # the tag over the subject
        best = (max(best[0], 1.0) if best else 1.0, closing)
    if best and best[0] > 0:
        speaker = told_outlet(sentence, best[1], found) or bracket_aside(sentence, best[1], found)
        speaker = speaker or opening_subject(sentence, best[1], found) or before_who(sentence, best[1])
        speaker = speaker or document_subject(sentence, best[1], found) or best[1]
        chosen = refined_mention(sentence, speaker, [m for m, _ in found])
        chosen = reports_as_noun(sentence, chosen) or chosen  # `Early reports had said`: the reports
        joint = joint_subject(sentence, chosen, article)
        if joint is not None:  # `Tomas Vale and Ana Ruiz said`: both, not the last name before the verb
            return joint
        group = opening_group(sentence)
        if group is not None:  # `Local residents criticised the ban imposed by NAME`: the residents
            return group
        featured = [(sc, m, f) for (sc, m), (_, f) in zip(scored, found, strict=True)]
        chosen = both_named(sentence, chosen, featured, article) or while_another(sentence, chosen, article) or chosen
        return joined_group(sentence, chosen) or chosen
    issuer = issued_statement(sentence, found)
    if issuer is not None:  # `The NMA issued a statement which read: "...`
        return refined_mention(sentence, issuer, [m for m, _ in found])
    tagged = [m for m, f in found if tags_quotation(sentence, m, f)]
    # the whole phrase that starts there (`said an unnamed official`, not `an unnamed`)
    tagged = [max((m for m in tagged if m.start == tagged[0].start), key=lambda m: m.end)] if tagged else []
    if tagged:
        return refined_mention(sentence, tagged[0], [m for m, _ in found])
    acronym = acronym_subject(sentence, found)
    if acronym is not None:  # `The Norland Drugs Bureau (NDB) announced`: the bracket hid the verb
        return refined_mention(sentence, acronym, [m for m, _ in found])
    # `Most engineers view`, `Norland and Kestrian officials criticised`, `..., say experts`
    return group_subject(sentence) or joint_subject(sentence, None, article) or group_tag(sentence, found)


def _opening_body(article: str, sentence, pronoun: Mention) -> Mention | None:
    """`The Harbour Safety Board (HSB) wants the quay closed, it announced`, `NORCO found the fault
    but said it was small`: an `it` means the organisation its sentence opens with (behind `The`),
    before the latest speaker; a body's statement names it first."""
    first = min((m for m, _ in candidates(sentence) if m.kind == "name"), key=lambda m: m.start, default=None)
    if first is None or first.end > pronoun.start:
        return None
    if sentence.text[: first.start - sentence.start].strip().lower() not in ("", "the"):
        return None
    return first if entities.mention_type(article, first.text) == entities.ORGANISATION else None


def _set_off(sentence, cited: Mention) -> bool:
    """`..., when according to witnesses, the winch snapped`, `... on Thursday according to Norland officials,
    off the coast ...`: an `according to` phrase closed by a comma or a full stop inside the sentence cites its
    source as one at either end does (the sentence's own sayer, beside a verb of saying, still wins);
    only a source: a name, a body, a document or a group (`the depot is run according to all the
    rules, and ...` means `in keeping with`)."""
    if sentence.text[cited.end - sentence.start : cited.end - sentence.start + 1] not in (",", ".", ";"):
        return False
    if cited.kind == "name" or entities.mention_type(sentence.text, cited.text) != entities.UNKNOWN:
        return True
    last = cited.text.split()[-1].lower()
    return any(last.endswith(group) for group in entities.GROUP_NOUNS)  # `eyewitnesses`


def _silent_place(sentence, mention: Mention, found: list[tuple[Mention, dict[str, float]]], article: str) -> bool:
    """A place that is no country and no named person's place in the sentence (`NAME of Port Kestrel said`
    keeps `New York`, for `entities.owner` to give its person the quote): no candidate at all."""
    if mention.kind != "name" or not entities.never_speaks(article, mention.text) or _a_person_named(article, mention):
        return False
    spans = [(o.start - sentence.start, o.text) for o, _ in found if o.kind != "pronoun"]
    at = mention.start - sentence.start
    owner = entities.owner(sentence.text, at, mention.text, spans)
    return owner is None or sentence.text[owner[0] + len(owner[1]) : at] != " of "


def _a_person_named(article: str, mention: Mention) -> bool:
    """A name the place test misreads (`City Clerk NAME`, `shouted at Harker` for `Tom Harker`): one
    with a role or title word, or a surname of a person the article names in full."""
    if any(is_title(w) for w in mention.text.split()[:-1]):
        return True
    full = resolve_surname(article, mention)
    return full.text != mention.text and entities.mention_type(article, full.text) == entities.PERSON


def _runs(
    article: str, sentences: list, labels: list[str], mentions: list[Mention | None], subject=None
) -> list[Attribution]:
    runs: list[list[int]] = []
    speakers: list[Mention | None] = []
    named: list[Mention] = []
    ahead = _named_ahead(sentences, labels, mentions)
    # a pronoun that names a quotation's speaker where it closes reads the sentence before the quotation
    starts = {j: i for i, j in enumerate(ahead) if j is not None}
    for i, lab in enumerate(labels):
        if lab != QUOTE:
            continue
        if impersonal(sentences[i]):  # `It was reported that ...`: no one's, and no run's before
            runs.append([i])
            speakers.append(None)
            continue
        mention = mentions[i]
        opens = starts.get(i, i)
        recent = sentences[opens - 1].start if opens else None
        named = _within(named, sentences[i].start)
        resolved = resolve(article, mention, named, recent) if mention else None
        resolved = (_filer(article, sentences[i], mention) if mention else None) or resolved
        opener = None if mention or sentences[i].in_quote else _saying_after(sentences[i]) or _read_out(sentences[i])
        resolved = resolve(article, opener, named, recent) if opener else resolved  # `NAME was ..., saying`
        if mention and mention.kind == "pronoun" and opens and labels[opens - 1] != QUOTE:  # `... website. It claims`
            resolved = thing_before(article, mention, recent) or resolved
        elif mention and mention.kind == "pronoun" and mention.text.lower() == "it":
            body = _opening_body(article, sentences[i], mention)  # `The Harbour Safety Board ..., it announced`
            resolved = resolve(article, body, named, recent) if body else resolved
        if resolved is not None and resolved == mention and _described(sentences[i], mention):
            resolved = _speaker_just_before(sentences, runs, speakers, i) or resolved
        if resolved is not None and resolved == mention and titles_only(mention.text) and subject is not None:
            found = subject(sentences[i])  # `... as Prime Minister, telling ...`: a title of no one named
            resolved = resolve(article, found, named, recent) if found and found != mention else resolved
        # a quotation that opens here and names its speaker when it closes (`"We are ready. [...]
        # But not yet," said Ana Ruiz.`) is that speaker's, not the run's before
        later = resolve(article, mentions[ahead[i]], named, recent) if resolved is None and ahead[i] else None
        opened = _pronoun_ahead(article, sentences, runs, i, mentions[ahead[i]]) if later else None
        later = opened or later
        joined = _joins_after_quotation(sentences[i], mention, resolved, speakers[-1]) if runs else None
        if joined is not None:  # `... bring them back", whilst his grandmother, NAME, said that "..."`
            runs.append([i])
            speakers.append(joined)
        elif runs and _continues(sentences, labels, runs[-1], i, resolved or later, speakers[-1]):
            # a point of a list (`NAME was assessed ...`) names no sayer to give a run with a speaker to
            listed = speakers[-1] is not None and _lists_on(sentences, labels, runs[-1], sentences[i])
            listed = listed or (speakers[-1] is not None and _answers_on(sentences, runs[-1], sentences[i]))
            runs[-1].append(i)
            speakers[-1] = _run_speaker(article, speakers[-1], None if listed else resolved)
        elif (k := _list_resumed(sentences, labels, runs, speakers, i)) is not None:
            runs.append(runs.pop(k) + [i])  # the list's run is the one that goes on
            speakers.append(speakers.pop(k))
        else:
            resolved = resolved or opened or (later if _tag_split_off(sentences, ahead, i) else None)
            # `The judgment says:` and its points as quote sentences (`We ...`, `NAME was assessed ...`)
            listed = resolved is None or unsaid(sentences[i])
            if listed and subject is not None and _introduces_a_list(sentences, labels, i):
                found = subject(sentences[i - 1])
                resolved = (resolve(article, found, named, recent) if found else None) or resolved
            owned = _owner_introduced(article, sentences, labels, i, mention, named)
            resolved = owned or resolved
            owner = _responder(article, sentences[i]) if resolved is None else None
            resolved = resolve(article, owner, named, recent) if owner else resolved
            if resolved is None and subject is not None:  # a new run with no speaker: its subject
                found = subject(sentences[i])
                resolved = resolve(article, found, named, recent) if found else None
            before = sentences[i - 1] if i else None
            if mention is None and _goes_on(article, sentences[i], resolved, later, runs, speakers, i, before):
                resolved = speakers[-1]  # a run of its own (as the annotators keep it), said by the same
            elif resolved is None and later is None and _quoted_on(sentences, runs, speakers, i):
                resolved = speakers[-1]
            runs.append([i])
            speakers.append(resolved)
        if speakers[-1] is not None and (not named or named[-1] != speakers[-1]):
            named.append(speakers[-1])
    order = sorted(range(len(runs)), key=lambda n: runs[n][0])  # a resumed list moved its run last
    runs, speakers = [runs[n] for n in order], [speakers[n] for n in order]
    _unattributed(article, sentences, runs, speakers)
    _headline_from_lead(sentences, runs, speakers)
    out = [Attribution(None, None, None)] * len(sentences)
    for n, (members, who) in enumerate(zip(runs, speakers, strict=True), start=1):
        who = fullest_name(article, who) if who is not None and who.kind == "name" else who
        who = _name_alone(article, who) if who is not None else who
        who = _first_written(article, who) if who is not None and who.kind == "name" else who
        for i in members:
            kind = entities.speaker_type(article, who.text) if who else None
            out[i] = Attribution(f"q{n}", who.text if who else None, (who.start, who.end) if who else None, kind)
    for i, j in _headline_repeats(sentences, labels).items():
        if out[j].speaker is not None:  # `'We froze': Maskell rues ...`: who says the words in the body
            out[i] = Attribution(out[i].quote_id, out[j].speaker, out[j].speaker_span, out[j].speaker_type)
    return out


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_HEADING_LINES = 5


def _stems(text: str) -> set[str]:
    """The words of a text, lower case and cut to five letters (`treated` and `treat` match)."""
    return {w.lower().replace("’", "'")[:5] for w in _WORD.findall(text)}


def _headline_repeats(sentences: list, labels: list[str]) -> dict[int, int]:
    """For each quote sentence of the heading (the article's first paragraph, where more follow) with
    two or more words in quotation marks (one word is a scare quote), the first quote sentence of the
    body, within the WINDOW, that repeats most of them (`Treasurer 'kept two sets of books', trial
    told` -> `NAME told the court he had found "two sets of books"`): a headline quotes the body."""
    if not sentences or sentences[-1].paragraph == sentences[0].paragraph:
        return {}
    found: dict[int, int] = {}
    for i, s in enumerate(sentences[:_HEADING_LINES]):  # headline, standfirst, byline, dateline
        if s.paragraph != sentences[0].paragraph:
            break
        inside = quoted_chars(s.text)[0]
        quoted = _stems("".join(ch if q else " " for ch, q in zip(s.text, inside, strict=True)))
        if labels[i] != QUOTE or len(quoted) < 2:
            continue
        for j in range(i + 1, len(sentences)):
            body = sentences[j]
            if body.start > s.end + WINDOW:
                break
            repeats = len(quoted & _stems(body.text)) >= 0.75 * len(quoted)
            if repeats and body.paragraph != s.paragraph and labels[j] == QUOTE:
                found[i] = j
                break
    return found


_FILED_NOUNS = word_set("complaint lawsuit suit petition")
_FILER = r"(?<![\w'’-])([A-Z][\w&'’.-]*(?: +[A-Z][\w&'’.-]*){0,3})"  # up to four capitalised words
_FILED = re.compile(rf"{_FILER} +(?:ha(?:s|d|ve) +)?(?:filed|lodged|brought)\b[^.;:]{{0,60}}\Z")  # `Norbank filed an `


def _filer(article: str, sentence, mention: Mention) -> Mention | None:
    """`According to the complaint, ...` where an earlier sentence says who filed it (`Norbank filed an
    antitrust complaint against ...`): the body that filed it says what the complaint says. Reads the
    places of the noun in the 2,000 characters before the sentence, and 120 characters before each."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _FILED_NOUNS:
        return None
    if article[max(0, mention.start - 13) : mention.start].lower() != "according to ":
        return None
    found = None
    for m in word_places(article, words[1], max(0, sentence.start - 2000), sentence.start):
        filed = _FILED.search(article, max(0, m.start() - 120), m.start())
        if filed:
            found = Mention(filed.start(1), filed.end(1), filed.group(1), "name")
    return found


_WHILE_AFTER_CLOSE = re.compile(r"""[.,!?]?["”’],? +(?:while|whilst) +([^"“”]{0,60})\Z""")
_VERB_OF_SECOND = re.compile(r"[,\s]*(?:(?:has|have|had|also) +)?([a-z]+)")


def _joins_after_quotation(sentence, mention: Mention | None, resolved: Mention | None, speaker) -> Mention | None:
    """A sentence that opens inside the run's quotation, closes it, and gives a second speaker their
    own part in a `while` clause (`... bring them back", whilst his grandmother, NAME, said that "..."`,
    `... ten years," while Norland Air's lawyers stated ...`): both speak it, as the annotators
    record (`A and B`); a run of its own. Reads the sentence before and after the mention."""
    if not sentence.in_quote or mention is None or resolved is None or speaker is None:
        return None
    clause = _WHILE_AFTER_CLOSE.search(sentence.text[: mention.start - sentence.start])
    verb = _VERB_OF_SECOND.match(sentence.text, mention.end - sentence.start)
    if clause is None or verb is None or verb.group(1) not in SAYING:
        return None
    second = resolved.text
    if mention.kind != "name":  # `Norland Air's lawyers`: the whole phrase the clause opens with
        second = sentence.text[clause.start(1) : mention.end - sentence.start]
    if entities.same_entity(second, speaker.text):
        return None
    return Mention(speaker.start, speaker.end, f"{speaker.text} and {second}", "name")


_RESPONSE = re.compile(
    r"""\s*(?:The +)?([A-Z][\w-]*(?: +[A-Z][\w-]*){0,4})['’]s +(?:[a-z]+ +)?"""
    r"""(?:response|reply|answer|reaction|message|comments?)\b[^"“”:]{0,80}:\s*["“]"""
)  # `NAME's response to the expulsion was to tweet: "`


def _responder(article: str, sentence) -> Mention | None:
    """The owner of a response that a sentence opens with and sets out as a quotation after a colon
    (`Griffin's response to this expulsion was to tweet: "Breaking news! ..."`): who says it.
    Reads the sentence's start."""
    owner = _RESPONSE.match(sentence.text)
    if owner is None:
        return None
    start = sentence.start + owner.start(1)
    return Mention(start, start + len(owner.group(1)), owner.group(1), "name")


_SAYING_AFTER = re.compile(
    r"""((?:[A-Z][\w'’-]*)(?: +[A-Z][\w'’-]*){0,3}) +(?:was|is|were|are|has|had|have)\b[^"“”;]{0,120}?"""
    r""", +(?:saying|adding|stating|insisting|warning|arguing|claiming)\b"""
)  # `NAME was sure the ferry would sail, saying: "`


def _saying_after(sentence) -> Mention | None:
    """The name a sentence opens with, where the sentence goes on to a participle of saying after a
    comma (`Vale was sure the ferry would sail, saying: "..."`, `NAME was dismissive when
    interviewed, saying "..."`): its speaker, though the name stands far from the verb. Reads the
    sentence's start."""
    found = _SAYING_AFTER.match(sentence.text)
    if found is None or found.group(1).split()[0].lower() in CAPITAL_STOP:
        return None
    start = sentence.start + found.start(1)
    return Mention(start, start + len(found.group(1)), found.group(1), "name")


_READ_OUT = re.compile(  # `An NPA statement on Monday morning read "`
    r"""((?:An?|The) +(?:[A-Z][\w'’.-]* +){0,3}(?:statement|release|letter|message|notice))\b"""
    r"""[^"“”,;]{0,40}? +reads?\b"""
)


def _read_out(sentence) -> Mention | None:
    """A statement the sentence opens with that `read` its quotation (`An NPA statement on Monday
    morning read "..."`): the statement speaks, as `The NMO statement said` does (its issuer, by
    `resolve`). Reads the sentence's start."""
    found = _READ_OUT.match(sentence.text)
    if found is None:
        return None
    return Mention(sentence.start, sentence.start + found.end(1), found.group(1), "np")


def _described(sentence, mention: Mention) -> bool:
    """A speaker described by a definite noun phrase the article resolves to no one, in the tag after a
    quotation (`..." the British singer added`): no organisation, document, place or group noun."""
    if not TAG_BEFORE.search(sentence.text[: mention.start - sentence.start]):
        return False
    words = mention.text.split()
    head = words[-1].lower()
    nouns = entities.ORG_NOUNS | entities.DOC_NOUNS | entities.PLACE_NOUNS | entities.GROUP_NOUNS
    plain = words[-1].isalpha() and words[-1].islower() and head not in nouns and not head.endswith("s")
    return mention.kind == "np" and 1 < len(words) <= 4 and words[0].lower() == "the" and plain


def _speaker_just_before(sentences: list, runs: list[list[int]], speakers: list, i: int) -> Mention | None:
    """The speaker of the run that ends right before the quotation of sentence i, in the same paragraph
    (`SuRie said, "...". "... [...] ...," the British singer added.`): whom a description there means."""
    first = runs[-1][0] if runs and runs[-1][-1] == i - 1 and sentences[i].in_quote else i
    k = len(runs) - (2 if first != i else 1)
    if k < 0 or runs[k][-1] != first - 1 or sentences[first - 1].paragraph != sentences[first].paragraph:
        return None
    return speakers[k]


def _goes_on(
    article: str, sentence, resolved, later, runs: list[list[int]], speakers: list, i: int, before=None
) -> bool:
    """Reported speech right after a quote sentence, naming no one who could say it (no mention; the
    subject it opens with, `resolved`, none or no person, organisation or document: `The remaining
    five percent would go to ...`, `Turkish citizens could visit`), is said by the run before's speaker."""
    if later is not None or not runs or runs[-1][-1] != i - 1 or speakers[-1] is None or direct_speech(sentence):
        return False
    if resolved is None:
        return not entities.testimony(sentence.text)  # `The court heard ...`: no one's
    if entities.speaker_type(article, resolved.text) == entities.DOCUMENT:
        return False  # `The report mentions ...`: a document the sentence opens with says it
    if before is not None and before.paragraph == sentence.paragraph and unsaid(sentence):
        return True  # `He said the roads are shut. The army has closed the border.`: no verb of saying, his
    if entities.group_head(resolved.text):  # `Friends and family said`: a group says it
        return False
    if resolved.kind == "name":  # `Norpress has also released`, but not `Turkish citizens`, `Secondly, ...`
        words = resolved.text.split()
        return words[0].lower() in entities.NATIONALITIES or entities.only_sentence_initial(article, words[-1])
    return entities.speaker_type(article, resolved.text) == entities.UNKNOWN


def _introduces_a_list(sentences: list, labels: list[str], i: int) -> bool:
    """The sentence before quote sentence i is no quote, ends with a colon and has a verb of saying
    (`The verdict is to say:`, `The report lists these findings:`): its subject says the points that
    follow (the first opens the run; the rest go on as `_goes_on` reads them)."""
    if not i or labels[i - 1] == QUOTE or not sentences[i - 1].text.rstrip().endswith(":"):
        return False
    return bool(SPEECH_VERBS.intersection(re.findall(r"[a-z]+", sentences[i - 1].text)))


# `his statement:`, `Below is her account:`, `NAME's note, which reads:`: an introduction that ends
# with a colon right after the words it owns
_OWNED = re.compile(
    r"\b(?:([A-Z][\w.-]*(?: +[A-Z][\w.-]*)*)['’]s?|([Hh]is|[Hh]er)) +(?:[\w-]+ +){0,2}?[a-z][\w-]*"
    r"(?:, +which +(?:reads|read|says|said|states|stated))?:$"
)


def _owner_introduced(
    article: str, sentences: list, labels: list[str], i: int, mention: Mention | None, named: list[Mention]
) -> Mention | None:
    """The owner of words set out after a colon that ends their introduction with a possessive
    (`Here is her account:` as a sentence of its own before quote sentence i, which has no verb
    of saying, or `... posted NAME's note, which reads: Crew, ...` inside it, with no mention
    before the colon):
    news writing quotes a statement a person wrote this way, sentence by sentence, unattributed."""
    text = sentences[i].text
    colon = text.find(":")
    if colon > 0 and (mention is None or mention.start - sentences[i].start > colon):
        k, head = i, text[: colon + 1]
    elif i and labels[i - 1] != QUOTE and sentences[i - 1].text.rstrip().endswith(":") and _unsaying(text):
        k, head = i - 1, sentences[i - 1].text.rstrip()
    else:
        return None
    owned = _OWNED.search(head)
    if owned is None:
        return None
    intro, recent = sentences[k], sentences[k - 1].start if k else None
    if owned.group(1):
        at = intro.start + owned.start(1)
        return resolve(article, Mention(at, at + len(owned.group(1)), owned.group(1), "name"), named, recent)
    at = intro.start + owned.start(2)
    pronoun = "he" if owned.group(2).lower() == "his" else "she"
    found = resolve(article, Mention(at, at + len(owned.group(2)), pronoun, "pronoun"), named, recent)
    return None if found.kind == "pronoun" else found


def _unsaying(text: str) -> bool:
    """No verb of saying in the text: a mention in it names no speaker of its own."""
    return not SPEECH_VERBS.intersection(re.findall(r"[a-z]+", text))


def _quoted_on(sentences: list, runs: list[list[int]], speakers: list, i: int) -> bool:
    """A direct quotation with no attribution right after a quote sentence of the same paragraph
    (`Mr. Vale criticised the plan as "all over the map". "Each time we ..."`): the speaker the
    paragraph just quoted goes on."""
    if not runs or runs[-1][-1] != i - 1 or speakers[-1] is None or not direct_speech(sentences[i]):
        return False
    return sentences[i].paragraph == sentences[i - 1].paragraph


def fullest_name(article: str, mention: Mention) -> Mention:
    """A person's name in its fullest form the article writes (`Tomas Vale` -> `Tomas R. Vale`,
    `Omar al-Norani` -> `Omar Ali al-Norani`), without a post-nominal (`Ana Holt MP`)
    or a nationality before it (`Swede Lars Borg`):
    the longest name within WINDOW that holds the same first and last word with names between."""
    words = mention.text.split()
    while len(words) > 2 and words[-1].rstrip(".") in POST_NOMINALS - {"Jr", "Sr"}:  # `Jr.` is part of the name
        words.pop()
    if len(words) < len(mention.text.split()):
        mention = Mention(mention.start, mention.start + len(" ".join(words)), " ".join(words), mention.kind)
    nationality = len(words) > 2 and words[0].lower() in entities.NATIONALITIES  # `Swede Lars Borg`
    if nationality and is_person(article, " ".join(words[1:]), mention.start):
        words = words[1:]
        mention = Mention(mention.end - len(" ".join(words)), mention.end, " ".join(words), mention.kind)
    if len(words) == 2 and words[0].lower().rstrip(".") in _COURTESY:  # `Mr. Vale` -> `President Vale`
        return _with_role(article, mention) or mention
    if len(words) < 2 or is_title(words[0]) or not is_person(article, mention.text, mention.start):
        return mention
    best = mention
    for m in names_holding(article, words[0], mention.start - WINDOW, mention.start + WINDOW):
        parts = m.group().split()
        if words[0] not in parts or words[-1] not in parts:
            continue
        a, b = parts.index(words[0]), len(parts) - 1 - parts[::-1].index(words[-1])
        longer = parts[a : b + 1]
        if longer == words and b == len(parts) - 2 and _surname_after_name(article, m, parts):
            longer = parts[a:]  # `Rosli Amin` -> `Rosli Amin Hakim`: the name the article wrote first in full
        if len(longer) <= len(best.text.split()) or len(longer) > len(words) + 2:
            continue
        if not all(w in longer for w in words) or any(is_title(w) for w in longer):
            continue
        text = " ".join(longer)
        at = m.start() + m.group().find(text)
        if at >= m.start() and article[at : at + len(text)] == text:
            best = Mention(at, at + len(text), text, "name")
    return best


_COURTESY = word_set("mr mrs ms miss")


def _first_written(article: str, mention: Mention) -> Mention:
    """A body by the name the article first writes it with, below the first line (`Prairie Harvest
    expects` -> `Prairie Harvest Foods`, `Harbourside` -> `Harbourside Imaging`, `Pwani Telecom PLC` ->
    `Pwani Telecom`): shorter forms after it are the same body, as the annotators record it; longer
    by a legal form at most (`PLC`), never by a title or an honour (`Ana Holt MP`)."""
    words = mention.text.split()
    if len(words) > 3 or any(is_title(w) for w in words) or mention.text.lower() in entities.COUNTRIES:
        return mention  # `Norway said` is the country, not the `Norway Today` the article cites
    body = article.find("\n")  # a headline's capitals make no name
    start, end = window_slice(mention.start)
    for at in entities.capitalised(article).get(words[0], ()):
        if at <= body or not start <= at < end:
            continue
        found = _CAPITAL_RUN.match(article, at).group().split()
        extra = found[len(words) :] if found[: len(words)] == words else words[len(found) :]
        if found == words or not extra or (words[: len(found)] != found and found[: len(words)] != words):
            return mention  # written first as it is, or not as a form of it
        if len(found) < len(words) and not all(w.lower().rstrip(".") in LEGAL_FORMS for w in extra):
            return mention
        if len(extra) > 2 or any(is_title(w) or w.rstrip(".") in POST_NOMINALS or _another(w) for w in extra):
            return mention
        text = " ".join(found)
        return Mention(at, at + len(text), text, "name") if article.startswith(text, at) else mention
    return mention


_CAPITAL_RUN = re.compile(r"[A-Z][\w&.-]*(?: +[A-Z\d][\w&.-]*)*")  # not `'s`: `Nordavind's rocket`


def _another(word: str) -> bool:
    """A word that makes a longer name another thing: a model or flight number (`Norjet N380`), a
    body inside (`United Nations Security Council`), a date (`Kestria Sunday`)."""
    low = word.lower()
    return any(c.isdigit() for c in word) or low in entities.ORG_NOUNS or low in entities.DATE_WORDS


def _name_alone(article: str, mention: Mention) -> Mention:
    """A person's name without the titles, roles or body written before it, as docs/labels.md writes
    speakers (`Dr Ana Ruiz`, `Principal Ana Ruiz`, `Mum-of-two Ana Ruiz`, and `Norland Ana Ruiz` where
    `Ambassador to Norland Ana Ruiz` was cut at its `to`): two words at least are left, never opening
    with an initial or a particle, and only where what is left is a person's name."""
    words = mention.text.split()
    if len(words) < 3 or entities.speaker_type(article, mention.text) != entities.PERSON:
        return mention
    k = 0
    while k < len(words) - 2 and _lead_word(words[k]):
        k += 1
    start, end = window_slice(mention.start)  # a window, not the whole article: linear on huge inputs
    body = next((j for j in range(len(words) - 2, k, -1) if _body_before(article, words[k:j], start, end)), None)
    if body is not None and len(occurrences(article, words[-1], start, end)) > 1:
        k = body  # `Kestria Tomas J. Brenn`, where the article also writes `Brenn` alone
    while k < len(words) - 2 and _lead_word(words[k]):
        k += 1
    rest = words[k:]
    if any(not w[:1].isupper() and w not in CONNECTORS for w in rest) or ORGANISATION_WORD.search(" ".join(rest)):
        return mention
    if k == 0 or len(rest) < 2 or not rest[0][:1].isupper() or rest[0].rstrip(".").isupper():
        return mention
    if rest[0].endswith(".") or rest[0].lower() in CAPITAL_STOP or PARTICLE_NAME.match(rest[0]):
        return mention
    if any(_lead_word(w) or w.lower() in _NOT_IN_NAMES for w in rest):  # `Deputy Defense Secretary NAME`
        return mention
    text = " ".join(rest)
    if entities.mention_type(article, text) != entities.PERSON or not is_person(article, text, mention.start):
        return mention
    return Mention(mention.end - len(text), mention.end, text, mention.kind)


_NOT_IN_NAMES = entities.ORG_NOUNS | entities.PLACE_NOUNS | entities.COUNTRIES | word_set("hotel restaurant cafe club")


def _lead_word(word: str) -> bool:
    """A title, a role or a description written before a name (`Dr.`, `Principal`, `Mum-of-two`, `Major-General`)."""
    parts = word.lower().rstrip(".").split("-")
    return is_title(word) or any(p in ROLE_NOUNS or p in TITLES for p in parts) or "of" in parts[1:-1]


def _body_before(article: str, words: list[str], start: int, end: int) -> bool:
    """Words before a name that are a place or an organisation the article also writes without the name
    (`Kestria` of `Kestria Tomas J. Brenn`, `United Nations` of `United Nations Ana Ruiz`; not `United` of
    `United Arab Emirates`, never written with no capitalised word after it)."""
    if not words:
        return False
    phrase = " ".join(words)
    kind = entities.mention_type(article, phrase)
    if kind not in (entities.PLACE, entities.ORGANISATION):
        return False
    alone = (at + len(phrase) for at in occurrences(article, phrase, start, end))  # no capitalised word after
    return any(re.match(r"(?![\w-])(?! +[A-Z])", article[stop : stop + 3]) for stop in alone)


def _surname_after_name(article: str, m: re.Match, parts: list[str]) -> bool:
    """Whether the last word of a full name is one more name of the person the words before it name
    (`Rosli Amin Hakim` for `Rosli Amin`): a person's name, no organisation, title or digit."""
    last = parts[-1]
    if not last[:1].isupper() or is_title(last) or any(map(str.isdigit, last)) or last.lower() in CONNECTORS:
        return False
    low = last.lower()
    if last.isupper() or last.rstrip(".") in POST_NOMINALS or low.rstrip("s") in entities.NATIONALITIES:
        return False  # `NAME MP`, `NAME Canadians`: no part of the name
    if low in entities.COUNTRIES:  # `Harbour Day Canada`
        return False
    return not ORGANISATION_WORD.search(m.group()) and is_person(article, m.group(), m.start())


def _with_role(article: str, mention: Mention) -> Mention | None:
    """`Mr. Vale`, where the article names no one by a fuller name: the form with a role (`President
    Bush`) the article also writes within WINDOW, the nearest earlier first; a courtesy title says less."""
    surname = mention.text.split()[-1]
    near = names_holding(article, surname, mention.start - WINDOW, mention.start + WINDOW)
    found = [m for m in near if m.group().split()[-1] == surname and len(m.group().split()) == 2]
    found = [m for m in found if m.group().split()[0].lower() in ROLE_WORDS]
    if not found:
        return None
    before = [m for m in found if m.start() < mention.start]
    best = before[-1] if before else found[0]
    return Mention(best.start(), best.end(), best.group(), "name")


def _named_ahead(sentences: list, labels: list[str], mentions: list[Mention | None]) -> list[int | None]:
    """For each quote sentence without a mention that opens a quotation, the next sentence still
    inside that quotation (at most a few on) that names a speaker."""
    out: list[int | None] = [None] * len(sentences)
    for i, lab in enumerate(labels):
        if lab != QUOTE or mentions[i] or sentences[i].in_quote or not _opens_quotation(sentences[i].text):
            continue
        j = i + 1
        while j < min(len(sentences), i + 6) and labels[j] == QUOTE and sentences[j].in_quote:
            if mentions[j]:
                out[i] = j
                break
            j += 1
        # the quotation closed, and its tag was split off as a sentence of its own (`..." ¶ said NAME.`)
        tag = j < len(sentences) and out[i] is None and labels[j] == QUOTE and mentions[j] is not None
        verb = _SPLIT_TAG.match(sentences[j].text) if tag else None
        if verb and verb.group(1) in SPEECH_VERBS and sentences[j - 1].text.rstrip().endswith(('"', "”")):
            out[i] = j
    return out


def _tag_split_off(sentences: list, ahead: list[int | None], i: int) -> bool:
    """Whether the quotation opening at sentence i is named by a tag the splitter set apart (`..." ¶
    said NAME.`): that sentence is no longer inside the quotation, so the run does not reach it."""
    return ahead[i] is not None and not sentences[ahead[i]].in_quote


_SPLIT_TAG = re.compile(r"\s*([a-z]+) +[A-Z]")  # `said NAME, ...` opening a sentence


def _opens_quotation(text: str) -> bool:
    """The sentence starts with a quotation mark and leaves the quotation open."""
    text = text.strip()
    return text[:1] in '"“' and quoted_spans(text)[1] is not None


def _run_speaker(article: str, speaker: Mention | None, named: Mention | None) -> Mention | None:
    """A run takes the first speaker named in it, but the person an organisation's quotation is
    then given to (`The Council condemned it: "..." ... said its secretary general, Omar Brenn`)."""
    if speaker is None or named is None:
        return speaker or named
    organisation = entities.speaker_type(article, speaker.text) == entities.ORGANISATION
    person = named.kind == "name" and entities.speaker_type(article, named.text) == entities.PERSON
    return named if organisation and person and " " in named.text else speaker


def _unattributed(article: str, sentences: list, runs: list[list[int]], speakers: list[Mention | None]) -> None:
    """A quotation with no attribution of its own is the person's the article was just on: the one
    named in the sentence before, else the latest speaker (news writing's convention)."""
    earlier: list[Mention] = []
    for n, members in enumerate(runs):
        first = members[0]
        earlier = _within(earlier, sentences[first].start)
        if speakers[n] is None and direct_speech(sentences[first]):
            recent = sentences[first - 1].start if first else None
            lead = _lead_in(article, sentences[first], earlier)  # `The council's reply was as follows: "..."`
            speakers[n] = lead or person_before(article, sentences[first].start, earlier, "i", recent)
        if speakers[n] is not None:
            earlier.append(speakers[n])


_LEAD_SENTENCES = 6  # the headline, a dateline and the lead's first sentences


def _headline_from_lead(sentences: list, runs: list[list[int]], speakers: list[Mention | None]) -> None:
    """A headline quote that names no speaker (`Harbour talks "a fair first day"`, `Norland to its
    neighbours: 'We will keep the ferry'`) is said by the first speaker the lead names: a headline
    sums up the lead, which says who speaks. Reads the runs that open in the first few sentences."""
    if not runs or runs[0][0] != 0 or speakers[0] is not None or len(sentences) < 2:
        return
    if sentences[1].paragraph == sentences[0].paragraph:  # a first sentence of a paragraph: no headline
        return
    lead = (who for members, who in zip(runs[1:], speakers[1:], strict=True) if members[0] < _LEAD_SENTENCES)
    speakers[0] = next((who for who in lead if who is not None), None)


def _lead_in(article: str, sentence, earlier: list[Mention]) -> Mention | None:
    """The subject of the words that introduce a quotation in its own sentence (`The group handed out
    leaflets which read, "..."`): who the quotation is, when nothing in the sentence names a speaker."""
    mark = re.search('["“]', sentence.text)
    head = sentence.text[: mark.start()].rstrip() if mark else ""
    if len(head.split()) < 3 or not head.endswith((":", ",")):
        return None
    found = subject_mention(SentenceSpan(sentence.start, head, False), article)
    owner = _POSSESSOR.match(head) if found is None else None  # `The MoD's response was as follows:`
    if owner:
        found = Mention(sentence.start + owner.start(1), sentence.start + owner.end(1), owner.group(1), "name")
    if found is None or found.kind == "pronoun":
        return None
    return resolve(article, found, earlier, None)


_POSSESSOR = re.compile(r"(?:The +)?([A-Z][\w-]*(?: +[A-Z][\w-]*){0,4})['’]s +[a-z]")


def _pronoun_ahead(article: str, sentences: list, runs: list[list[int]], i: int, pronoun: Mention) -> Mention | None:
    """The speaker of a quotation that opens after a sentence that is no quote and names its speaker
    only by the he/she/I of its closing (`Nigeria's ambassador, NAME, issued a statement. "We are
    ready. [...] But not yet," he said.`): the person that sentence introduces, where gender allows
    (the pronoun, resolved where it stands, would read the quotation's own sentences). None leaves
    the pronoun to `resolve`."""
    if pronoun.kind != "pronoun" or pronoun.text.lower() not in ("he", "she", "i") or not i:
        return None
    if runs and runs[-1][-1] == i - 1:
        return None
    found = _introduced(article, sentences[i - 1])
    if found is None or not a_person(article, found, pronoun.start):
        return None
    return found if gender_fits(article, found, pronoun.text.lower(), pronoun.start) else None


def _introduced(article: str, sentence) -> Mention | None:
    """The first person a sentence that is no quote names outside quotation marks, by a full name or
    a surname the article writes in full (`Kestria's ambassador, Omar Halim, issued a statement.`,
    `The emails were forwarded to Knight.`): the quotation that follows it with no attribution is
    theirs. Reads the one sentence."""
    for m, f in candidates(sentence):
        at = m.start - sentence.start
        if m.kind != "name" or m.text.isupper() or entities.blocked(sentence.text, at, m.text, article, f):
            continue
        full = resolve_surname(article, m)
        if len(full.text.split()) > 1 and is_person(article, full.text, full.start):
            return full
    return None


def _within(speakers: list[Mention], at: int) -> list[Mention]:
    """The speakers named less than WINDOW characters before `at` (all of them in a news article)."""
    return speakers if at < WINDOW else [s for s in speakers if s.start >= at - WINDOW]


def _continues(
    sentences: list, labels: list[str], run: list[int], i: int, resolved: Mention | None, speaker: Mention | None
) -> bool:
    """Whether quote sentence i belongs to the run that ends just before it."""
    last = run[-1]
    if last != i - 1 or labels[last] != QUOTE:
        return False
    s = sentences[i]
    if s.in_quote:
        return True
    before = sentences[last]
    left_open = quoted_spans(before.text, '"' if before.in_quote else None)[1] == '"'
    same = resolved is None or (speaker is not None and resolved.text == speaker.text)
    if same and (left_open or closes_unopened(s.text)):  # a paragraph break inside a quotation
        return True
    if resolved is None and entities.opens_a_list([sentences[k].text for k in run]):
        return True
    if _lists_on(sentences, labels, run, s) or _answers_on(sentences, run, s):
        return True
    same = resolved is None or speaker is None or resolved.text == speaker.text
    if same and before.paragraph == s.paragraph and _plainly_stated(before, s):
        return True
    if not (direct_speech(s) and direct_speech(sentences[last])):
        return False
    return resolved is None or speaker is None or resolved.text == speaker.text


def _lists_on(sentences: list, labels: list[str], run: list[int], sentence) -> bool:
    """A run opened by a colon (`According to the release:`, or the sentence before it: `The charity
    explains on its website:`) goes on through quote sentences with no verb of saying, even where they
    name someone (`NAME was assessed to be ...`): the points of one statement. Reads the run's first
    sentence and the one before it."""
    head = run[0]
    colon = sentences[head].text.rstrip().endswith(":") or _introduces_a_list(sentences, labels, head)
    return colon and unsaid(sentence) and not ACCORDING_TO.search(sentence.text)  # `..., according to NAME`


def _answers_on(sentences: list, run: list[int], sentence) -> bool:
    """A run opened by an interview's turn (`Ana: The location is new.`) goes on through quote
    sentences with no verb of saying, across paragraphs (`Secondly, it'll be ...`), up to the next
    turn: one answer. Reads the run's first sentence and the sentence at hand."""
    if answered_by(sentences[run[0]], None) is None or answered_by(sentence, None) is not None:
        return False
    return unsaid(sentence) and not ACCORDING_TO.search(sentence.text)


_POINT = re.compile(r"\s*[A-Z][a-z]+ing\b")  # a point set out as a clause (`Forcing retailers into ...;`)


def _list_resumed(sentences: list, labels: list[str], runs: list[list[int]], speakers: list, i: int) -> int | None:
    """The run of a list (opened by a colon) that quote sentence i goes on, after attributed sentences
    split its points (`... the complaint says:` / point / `According to industry reports, ...` / point):
    the index of that run, up to six runs back, or None. Sentence i has no verb of saying and no
    `according to`; it opens with a point's -ing word (`Forcing ...`), or one attributed sentence came
    between. Reads the first and last sentences of those runs."""
    if runs and _lettered_on(sentences, labels, runs[-1], i):
        return len(runs) - 1
    if not runs or runs[-1][-1] != i - 1 or sentences[i].text.rstrip().endswith(":"):
        return None  # `NAME has written to the board:`: a list of its own
    point = _POINT.match(sentences[i].text) is not None
    for k in range(len(runs) - 2, max(-1, len(runs) - 8), -1):
        if runs[k + 1][0] != runs[k][-1] + 1 or labels[runs[k][-1]] != QUOTE:
            return None  # not one stretch of quote sentences
        head = runs[k][0]
        listed = sentences[head].text.rstrip().endswith(":") or _introduces_a_list(sentences, labels, head)
        if not listed or speakers[k] is None:
            continue
        if speakers[-1] is not None and speakers[k].text == speakers[-1].text:
            return None  # the list's speaker goes on anyway
        between = runs[-1] if k == len(runs) - 2 else []
        attributed = len(between) == 1 and not _plainly_unsaid(sentences[between[0]])
        if not (point or attributed) or direct_speech(sentences[i]) or not _plainly_unsaid(sentences[i]):
            return None  # a quotation of its own, or a sentence that says who says it
        return k
    return None


_LETTERED = re.compile(r"\s*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\) ")  # `(g) this provision ...`, `(iv) ...`, `(3) ...`


def _lettered_on(sentences: list, labels: list[str], run: list[int], i: int) -> bool:
    """A lettered point (`(g) this provision results in ...`) goes on a list run (opened by a colon)
    whose last point was lettered too, even past a verb of saying in it (`(h) another provision in this
    Act states ...`) or a sentence or two that are no quote between (a footnote). Reads the run's first
    sentence and its last two."""
    if not _LETTERED.match(sentences[i].text) or not i - 3 <= run[-1] < i or ACCORDING_TO.search(sentences[i].text):
        return False
    if any(labels[k] == QUOTE for k in range(run[-1] + 1, i)):
        return False
    head = run[0]
    if not (sentences[head].text.rstrip().endswith(":") or _introduces_a_list(sentences, labels, head)):
        return False
    return any(_LETTERED.match(sentences[k].text) for k in run[-2:])


def _plainly_unsaid(sentence) -> bool:
    """No verb of saying and no `according to` (a sentence that attributes nothing)."""
    return unsaid(sentence) and not ACCORDING_TO.search(sentence.text)


_FIRST_PERSON = word_set("i we our us my me")


def _plainly_stated(before, sentence) -> bool:
    """Two sentences of one paragraph with no quotation marks, one of them in the first person (`It
    was not a good week for us. The task now is to regroup.`): a statement printed as a plain
    paragraph, one run (the speaker's name stands above it or nowhere)."""
    if any(mark in t for t in (before.text, sentence.text) for mark in '"“”'):
        return False
    words = [w for t in (before.text, sentence.text) for w in re.findall(r"[A-Za-z]+", t)]
    return any(w.lower() in _FIRST_PERSON and (w != "US") for w in words)
