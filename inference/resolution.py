"""Who said it, step 2: a mention resolved to the fullest name the article gives its speaker.

A surname, a pronoun, a role noun, an organisation's head noun or a document is replaced by the
nearest earlier mention the article makes clear (`Dunne` -> `Aoife Dunne`, `she` -> the run
before's speaker, `the minister` -> `Lydia Arkwright`, named earlier as `Finance Minister Lydia
Arkwright`, `the company` -> `Norland Ferries`). Look-ups stay linear on huge articles: names,
surnames and role lines are indexed once per article (cached), and every search looks back a
bounded `WINDOW` of characters.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimtag.inference import entities
from claimtag.inference.mentions import (
    AUXILIARIES,
    CAPITAL_STOP,
    DETERMINERS,
    FULL_NAME,
    KIN_HEADS,
    NAME_WORD,
    NP_STOP,
    ORGANISATION_WORD,
    PARTICLE,
    PARTICLE_NAME,
    PREPOSITIONS,
    PRONOUNS,
    RELATION_BEFORE,
    ROLE_NOUNS,
    ROLE_WORDS,
    SEAT_NOUNS,
    SPEECH_VERBS,
    TIME_WORDS,
    TITLES,
    Mention,
    full_names,
    is_title,
    nationals_end,
    person_part,
    subject_mention,
    titles_only,
    untitled,
    word_set,
)
from claimtag.model.quotation import quoted_chars, quoted_spans


def resolve(article: str, mention: Mention, speakers: list[Mention], recent: int | None = None) -> Mention:
    """The fullest earlier mention of the same speaker the article makes clear, else the mention itself.
    `speakers`: the speakers of the article's earlier quote runs, in order; `recent`: where the
    sentence before the mention's starts (names there come first for he/she/I)."""
    if mention.text.lower() in _OBJECT_PRONOUNS:  # `recorded him saying`, `According to him`: as `he`
        mention = Mention(mention.start, mention.end, _OBJECT_PRONOUNS[mention.text.lower()], "pronoun")
    member = _one_of_group(article, mention)
    if member:  # `"...," one said.` after `many protesters said` -> `one protester`, as the annotators write it
        return member
    pair = _pair_named(article, mention)
    if pair:  # `Both told police` after `police arrested Ana Ruiz and Tomas Vale` -> both, as written
        return pair
    if mention.kind == "pronoun":
        if mention.text.lower() in ("he", "she", "i"):
            one = [s for s in speakers if not _JOINT.search(s.text)]  # a he is none of `Ana Ruiz and Tomas Vale`
            person = person_before(article, mention.start, one, mention.text.lower(), recent)
            return _spelt_as_before(article, person) or mention
        return speakers[-1] if speakers else mention
    if mention.kind in ("np", "bare") and _AGED.fullmatch(mention.text):  # `the 24-year-old said`: as a he/she
        return person_before(article, mention.start, speakers, "i", recent) or mention
    if _pronoun_document(mention) and speakers:  # `their report said` after the body's own words: as `they`
        return speakers[-1]
    body = _body_document(mention)
    if body:  # `The HSB's report blamed` -> the HSB, written in full where the article defines it
        return resolve(article, body, speakers, recent)
    owned = _owned(article, mention, speakers, recent) if mention.kind == "np" else None
    if owned:  # `His barrister said` -> `Cottle's barrister`, as the annotators write it
        return owned
    if mention.kind in ("np", "bare"):
        body = _body_first_written(article, mention)
        if body:  # `Kestria's transport ministry` -> `the Kestrian transport ministry`, as written first
            return body
        words = mention.text.split()
        acronym = entities.spelt_out(article, words[1], mention.start) if len(words) == 2 and words[0] in _THE else None
        if acronym:  # `the WWF` -> the name the article defines it with in brackets
            return Mention(acronym.start, acronym.end, acronym.name, "name")
        spoken_for = _spoken_for(article, mention)
        if spoken_for:  # `a spokesperson for the HNB` -> `... for the Harbour Narcotics Bureau`
            return spoken_for
        agency = _source_of(article, mention)
        if agency:  # `the source` -> `Norpress`, where `Norpress spoke to an anonymous source`: as recorded
            return agency
        published = _publication(article, mention)
        if published:  # `The paper also wrote` -> `Harbour Gazette`, written `newspaper Harbour Gazette`
            return published
        issuer = _issued_by(article, mention) or _issuer(mention, speakers)
        if issuer:  # `The NMO statement said` -> the NMO, as the annotators record a statement
            return resolve(article, issuer, speakers, recent) if issuer.kind == "name" else issuer
        head = _head_of(mention)  # `the chief of Avedzeme` resolves as `the chief`, else stays whole
        found = entities.by_type(article, head.text, head.start)
        found = (entities.spelt_out(article, found.name, found.start) or found) if found else None  # `RWB`
        typed = Mention(found.start, found.end, found.name, "name") if found else None
        document = head.text.split()[-1].lower() in entities.DOC_NOUNS  # `the joint statement` is no one's role
        group = head.text.split()[-1].lower() in entities.GROUP_NOUNS  # `Leaders in the city`: no one role
        by_role = None
        if not document and not group and not _someone_new(head):
            by_role = _speaker_by_role(article, head, speakers) or _by_role(article, head)
            by_role = by_role or _by_modifier(article, head) or _by_role_of(article, head)
            by_role = by_role or _headline_role(article, head) or _by_role_verb(article, head)
        named = by_role or _by_head(article, head) or typed
        full = entities.document_in_full(article, named.start, named.end) if named and not by_role else None
        if full:  # `the report` -> `the 2011 Eastport Development Report on Rural Schools`, written so
            return Mention(full.start, full.end, full.name, "name")
        named = named or _speaker_referred(article, head, speakers) or _body_opening(article, head)
        return named or _group_written(article, mention) or _group_placed(article, mention) or mention
    if " and " in mention.text:  # `Vale and Ruiz thanked` -> both full names, as the annotators join them
        left, right = mention.text.split(" and ", 1)
        listed = left.split(", ")  # `Vale, Ruiz and Holt`: each name of a list
        lefts = listed if all(_LIST_NAME.fullmatch(part) for part in listed) else [left]
        parts, at = [], mention.start
        for part in lefts:
            parts.append(Mention(at, at + len(part), part, "name"))
            at += len(part) + 2
        parts.append(Mention(mention.end - len(right), mention.end, right, "name"))
        names = [resolve(article, part, speakers, recent).text for part in parts]
        return Mention(mention.start, mention.end, ", ".join(names[:-1]) + " and " + names[-1], "name")
    country = mention.text.split()
    if len(country) == 2 and country[0][-2:] in ("'s", "’s") and country[0][:-2].lower() in entities.COUNTRIES:
        mention = Mention(mention.end - len(country[1]), mention.end, country[1], "name")  # `Kenya's NAME`
    if _nationality_noun(article, mention) and speakers and a_person(article, speakers[-1], mention.start):
        return speakers[-1]  # `The Portuguese added`: the person just quoted, described by nationality
    written_lower = _by_capital_role(article, mention) or _headline_role(article, mention)
    if written_lower:  # `the Education Minister said` -> `education minister NAME`, written earlier
        return written_lower
    if titles_only(mention.text):  # `The President said`
        by_role = _speaker_by_role(article, mention, speakers) or _by_role(article, mention)
        return by_role or _by_role_of(article, mention) or _headline_role(article, mention) or mention
    group = _group_written(article, mention)
    if group:  # `Workers are ...` at a sentence start: the group as the article wrote it with its qualifier
        return group
    whole = entities.defined_around(article, mention.start, mention.end)
    if whole:  # `Northern Council High Commissioner` of `... for Fisheries (NCHCF)`: the name it defines
        return Mention(whole.start, whole.end, whole.name, "name")
    defined = entities.spelt_out(article, mention.text, mention.start)
    if defined:  # `MoD` -> `Ministry of Defence`, as the article defined it in brackets
        return Mention(defined.start, defined.end, defined.name, "name")
    named = resolve_surname(article, mention)
    named = _spouse(article, mention, named) or named
    family = entities.family_name(article, mention.text, mention.start, WINDOW) if named is mention else None
    if family:  # `Tomas told Norpress` -> `Tomas Vale`, named with his wife as `Tomas and Ana Vale`
        return Mention(family.start, family.end, family.name, "name")
    related = _relative(article, mention) or _kin(article, mention) if named is mention else None
    if related:  # `Rossi's father, Piet` -> `Piet Rossi`
        return related
    words = mention.text.split()  # `Prime Minister Holmberk` -> `Karl Holmberg`
    titled = titles_only(" ".join(words[:-1]))
    surname = words[-1] if titled else mention.text
    misspelt = entities.misspelt_person(article, surname, mention.start) if named is mention else None
    person = len(words) == 2 and named is mention and is_person(article, mention.text, mention.start)
    if not misspelt and person:  # `Tomas Halworth` after `Tomas Hallworth`
        misspelt = _misspelt_full_name(article, mention)
    return Mention(misspelt.start, misspelt.end, misspelt.name, "name") if misspelt else named


def _pair_named(article: str, mention: Mention) -> Mention | None:
    """`Both`, `Each`, `The couple`, `the two men`: the names the article joined with `and` last, within
    the 1,500 characters before (`Ana Ruiz and Tomas Vale`, `Cherie and Sean Holt`, `NAME of Norland,
    NAME2 of Kestria and NAME3`), without the places they are of, as the annotators join them."""
    if mention.text.lower().removeprefix("the ") not in _PAIR_WORDS:
        return None
    joined = list(_JOINED_NAMES.finditer(article, max(0, mention.start - 1500), mention.start))
    for found in reversed(joined):  # the latest that joins people
        names = [_PLACE_AFTER_NAME.sub("", part) for part in re.split(r",? and |, ", found.group())]
        names[0] = " ".join(person_part(untitled(names[0].split())))  # `Senators Ana Ruiz` -> `Ana Ruiz`
        words = [part.split()[0].lower() for part in names]
        if any(w in entities.DATE_WORDS or w in CAPITAL_STOP for w in words):  # `December and Crews`
            continue
        if " " in names[-1] and is_person(article, names[-1], found.end()):
            break
    else:
        return None
    text = ", ".join(names[:-1]) + " and " + names[-1]
    return Mention(found.start(), found.end(), text, "name")


_LIST_NAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")  # one name of a list (`Vale, Ruiz and Holt`)
_JOINT = re.compile(r" and [A-Z]")  # two people named as one speaker (not `Wolf's husband and coach`)
_PAIR_WORDS = word_set("both each couple pair duo two")
_PAIR_WORDS |= {"two men", "two women", "both men", "both women", "two brothers", "two sisters"}
_NAME_PART = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?: of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)?"
_JOINED_NAMES = re.compile(rf"\b{_NAME_PART}(?:, {_NAME_PART})*,? and {_NAME_PART}")
_PLACE_AFTER_NAME = re.compile(r" of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?$")


def _misspelt_full_name(article: str, person: Mention) -> entities.Entity | None:
    """`Tomas Halworth` -> the earlier `Tomas Hallworth`: the same first name, a surname one edit away."""
    words = person.text.split()
    same_first = entities.misspelt_person(article, words[-1], person.start) if len(words) == 2 else None
    return same_first if same_first and same_first.name.split()[0] == words[0] else None


def _spelt_as_before(article: str, person: Mention | None) -> Mention | None:
    """The person a he/she means, written as the article first spelt their name (`Halvard Camblin`,
    named right before the he, is the `Halvard Campblin` of the paragraph before)."""
    found = _misspelt_full_name(article, person) if person and person.kind == "name" else None
    return Mention(found.start, found.end, found.name, "name") if found else person


_DOCUMENT_OWNERS = word_set("their Their its Its")


def _pronoun_document(mention: Mention) -> bool:
    """`Their study claimed`, `According to its report`: a document a plural or neuter possessive owns
    (up to two words between) is the work of the body or people the pronoun means, who speak through
    it as `they` / `it` would (not `his` / `her`: a person's report is recorded by its owner's name)."""
    words = mention.text.split()
    return (
        mention.kind in ("np", "bare")
        and 2 <= len(words) <= 4
        and words[0] in _DOCUMENT_OWNERS
        and words[-1].lower().removesuffix("s") in entities.DOC_NOUNS
    )


_BODY_DOCUMENT = re.compile(r"(?:[Tt]he +)?([A-Z][\w.&-]*(?: +[A-Z][\w.&-]*){0,5})['’]s +(?:[a-z-]+ +){0,2}([a-z]+)")


def _body_document(mention: Mention) -> Mention | None:
    """`The HSB's report blamed`, `the Harbour Board's final review found`: a document written with
    a body's possessive (`the` before it: an organisation, not a person, whose report the annotators
    record by the document) is the body's: the body speaks through it."""
    found = _BODY_DOCUMENT.fullmatch(mention.text) if mention.kind in ("np", "bare") else None
    if not found or not mention.text.lower().startswith("the ") or found.group(2) not in entities.DOC_NOUNS:
        return None
    start = mention.start + found.start(1)
    return Mention(start, start + len(found.group(1)), found.group(1), "name")


def _owned(article: str, mention: Mention, speakers: list[Mention], recent: int | None) -> Mention | None:
    """`His barrister` / `Her new owner` opening a sentence whose sentence before opens with the person
    (by one name, or through the same he/she: `NAME was jailed. He had been let out ... His barrister
    told the court`): that name's possessive (`NAME's barrister`). Reads the sentence before (two at most);
    for a relative (`His mother`) whose sentence before names no one, the person a he/she there would mean."""
    words = mention.text.split()
    if len(words) < 2 or words[0] not in ("His", "Her") or recent is None:
        return None
    pronoun = "he" if words[0] == "His" else "she"
    found = _subject_before(article, recent, mention.start, pronoun)
    if not found and words[-1].lower() in KIN_HEADS:  # `His mother said`: the relative of whom a he means
        person = person_before(article, mention.start, speakers, pronoun, recent)
        found = [person] if person and person.kind == "name" else []
    if not found or not gender_fits(article, found[0], pronoun, mention.start):
        return None
    apostrophe = "’" if "’" in article[max(0, mention.start - 2000) : mention.start] else "'"
    owner = found[0].text.split()[-1]
    text = f"{owner}{apostrophe}s {' '.join(words[1:])}"
    return Mention(mention.start, mention.end, text, "np")


def _spouse(article: str, mention: Mention, named: Mention) -> Mention | None:
    """`Mrs Vale` where the full name found is `Tomas Vale`, written `Greta and Tomas Vale`, and the
    article shows him a man: the other first name of the couple (`Greta Vale`), else the relative of
    the title's gender named by first name in the 1,500 characters after him (`His wife, Greta,`)."""
    words = mention.text.split()
    want = _TITLE_GENDER.get(words[0].lower().rstrip(".")) if len(words) == 2 else None
    after = _gendered_after(article, named.end) if want and named is not mention else None
    if not after or _PRONOUN_GENDER[after.group(1).lower()] == want:
        return None
    other = _COUPLE_BEFORE.search(article, max(0, named.start - 40), named.start)
    if other:
        return Mention(other.start(1), other.end(1), f"{other.group(1)} {words[1]}", "name")
    # `Mrs Rees` where the article names the man `Gwilym Rees` and then `His wife, Eirlys,`: the relative
    for kin in _KIN_NAMED.finditer(article, named.end, min(mention.start, named.end + 1500)):
        if _KIN_GENDER.get(kin.group(1).lower()) == want:
            return Mention(kin.start(2), kin.end(2), f"{kin.group(2)} {words[1]}", "name")
    return None


_COUPLE_BEFORE = re.compile(r"\b([A-Z][a-z]+) +and +\Z")
_KIN_NAMED = re.compile(r"\b(?:[Hh]is|[Hh]er) +([a-z]+), +([A-Z][a-z]+),")  # `His wife, Eirlys,`
_MEN_KIN = word_set("father dad brother son husband grandson grandfather nephew uncle widower")
_WOMEN_KIN = word_set("mother mum mom sister daughter wife granddaughter grandmother niece aunt widow")
_KIN_GENDER = dict.fromkeys(_MEN_KIN, "m") | dict.fromkeys(_WOMEN_KIN, "f")
_THE = word_set("the The")
_AGED = re.compile(r"[Tt]he \d{1,3}-year-old(?: [a-z]+)?")  # a person described by age alone, as news refers back
_OBJECT_PRONOUNS = {"him": "he", "her": "she"}


def thing_before(article: str, mention: Mention, recent: int | None, depth: int = 0) -> Mention | None:
    """`It` / `They` opening a sentence after one that is no quote and opens with an organisation, a
    document or a group (`Norland Post is a news website. It claims ...`, `The audit is dated May. It
    says ...`, `Students of the college boycotted classes. They demand ...`): that subject, not the
    latest speaker. Reads the one sentence before."""
    pronoun = mention.text.lower()
    if pronoun not in ("it", "they") or recent is None:
        return None
    start = _sentence_start(article, mention.start + 1)
    if start <= recent or article[start : mention.start].strip(" \"“'‘"):
        return None
    before = SentenceSpan(recent, article[recent:start].rstrip(), False)
    found = subject_mention(before, article)
    if found and found.kind == "pronoun" and found.text.lower() == pronoun and not depth:  # `It is ... It claims`
        return thing_before(article, found, _sentence_start(article, recent), depth + 1)
    if found is None or found.kind == "pronoun":
        return None
    resolved = resolve(article, found, [], None)
    kind = entities.speaker_type(article, resolved.text)
    group = entities.group_head(resolved.text) is not None or resolved.text.lower().endswith("s")
    # `it` means no person: a one-word name of no known type (`Mediapart`) too
    named = kind == entities.UNKNOWN and resolved.kind == "name" and " " not in resolved.text
    if pronoun == "it":
        return resolved if kind in (entities.ORGANISATION, entities.DOCUMENT) or named else None
    return resolved if group or kind == entities.ORGANISATION else None


@dataclass(frozen=True)
class SentenceSpan:
    """A stretch of the article read as a sentence (what `subject_mention` reads)."""

    start: int
    text: str
    in_quote: bool


def _nationality_noun(article: str, mention: Mention) -> bool:
    """`The Portuguese`, `the Swede`: a nationality after `the`, standing for one person (not `the
    French`, `the British`: a people)."""
    before = article[max(0, mention.start - 4) : mention.start].lower()
    low = mention.text.lower()
    return low in entities.NATIONALITIES and before == "the " and not low.endswith(("ish", "ch"))


_STATEMENT_NOUNS = word_set("statement release communique communiqué")
_PIECE_NOUNS = word_set("article editorial blog column")  # an outlet's piece, by the outlet named before it
_RELEASE_KINDS = word_set("press news media")  # kinds of release, not who issued it
_NOT_ISSUERS = word_set("the a an its his her their this that official joint written brief short separate new press")


def _group_written(article: str, mention: Mention) -> Mention | None:
    """`the astronomers`, `Workers` (a group noun alone) -> the group as the article wrote it with
    the organisation or place that qualifies it (`astronomers at the University of Northgate`, `women
    workers of Norland Textiles`): the nearest such phrase within WINDOW before, else the first after
    (a headline names the group first). The annotators record such a group so."""
    words = mention.text.split()
    if len(words) > 2 or (len(words) == 2 and words[0].lower() != "the"):
        return None
    noun = words[-1].lower()
    if noun not in entities.GROUP_NOUNS or noun in _ANY_BODY:
        return None
    found = [
        q
        for m in word_places(article, noun, max(0, mention.start - WINDOW), mention.start + WINDOW)
        if m.start() != mention.start + len(mention.text) - len(noun)
        and (q := _QUALIFIED_GROUP.match(article, m.start()))
    ]
    before = [q for q in found if q.start() < mention.start]
    best = before[-1] if before else (found[0] if found else None)
    if best is None:
        return None
    start = best.start()
    modifier = _GROUP_MODIFIER.search(article, max(0, start - 30), start)  # `60 women workers of ...`
    if modifier and modifier.group(1) not in _NOT_MODIFIERS and not modifier.group(1).endswith("ed"):
        start = modifier.start(1)
    end = nationals_end(article, best.start(), best.end())  # `families of Kestrian sailors`
    return Mention(start, end, article[start:end], "np")


# a country's body (`Norland's foreign ministry`, `the Kestrian Ministry of Coastal Affairs`): the
# country or its nationality, up to three words, the body's noun, and an `of` name after it
_BODY = re.compile(
    r"\b(?=[A-Zt])(?:[Tt]he +)?([A-Z][a-z]+)(?:['’]s)? +((?:[A-Za-z-]+ +){0,3}?)"  # (?=: fails fast at other words
    r"(ministry|Ministry|department|Department|government|Government|embassy|Embassy|office|Office)\b"
    r"(?: +of +((?:the +)?[A-Z][\w-]*(?: +(?:and +|of +)?[A-Z][\w-]*)*))?"
)
_BODY_STOP = word_set("the of and")
# nationalities not spelt from their country's name by `_country_word`'s rule
_IRREGULAR_NATIONALITIES = {
    "british": "britain",
    "french": "france",
    "chinese": "china",
    "spanish": "spain",
    "turkish": "turkey",
    "dutch": "netherlands",
    "greek": "greece",
    "swiss": "switzerland",
    "american": "america",
    "thai": "thailand",
}


def _country_word(word: str) -> str | None:
    """The country a country's name or nationality names (`Indian` -> `india`), else None."""
    low = word.lower()
    if low in entities.COUNTRIES:
        return low
    if low not in entities.NATIONALITIES:
        return None
    if low in _IRREGULAR_NATIONALITIES:
        return _IRREGULAR_NATIONALITIES[low]
    stems = ((c, c[:-1] if c[-1] in "aeiouy" else c) for c in entities.COUNTRIES)
    return next((c for c, stem in stems if low.startswith(stem) and len(stem) > 3), None)


def _body_key(found: re.Match) -> tuple[str, frozenset[str]] | None:
    country = _country_word(found.group(1))
    words = f"{found.group(2)} {found.group(3)} {found.group(4) or ''}".lower().split()
    return (country, frozenset(w for w in words if w not in _BODY_STOP)) if country else None


@functools.lru_cache(maxsize=64)  # one pass per article, shared by all its quote sentences
def _bodies(article: str) -> dict[tuple[str, frozenset[str]], list[tuple[int, int]]]:
    """Every country's body the article writes (`_BODY`), by its key (the country and the words), in
    order: a mention looks up its own key, not every body of a huge article."""
    out: dict[tuple[str, frozenset[str]], list[tuple[int, int]]] = {}
    if not _BODY_WORD.search(article):  # half the articles name none: one fast search, not a try at every word
        return out
    for m in _BODY.finditer(article):
        if key := _body_key(m):
            out.setdefault(key, []).append(m.span())
    return out


_BODY_WORD = re.compile(r"(?:[Mm]inistry|[Dd]epartment|[Gg]overnment|[Ee]mbassy|[Oo]ffice)\b")  # as `_BODY` has them


def _body_first_written(article: str, mention: Mention) -> Mention | None:
    """A country's body in the form the article wrote it first (`said Kestria's transport ministry`
    after `said the Kestrian transport ministry`; `Kestria's Coastal Affairs ministry` after `The
    Kestrian Ministry of Coastal Affairs`): news names a body in full first and varies the form
    after, and the annotators keep the first. The mention itself where it is the first form (so
    no other ministry named nearby takes it); None where the mention is no such body."""
    found = _BODY.fullmatch(mention.text)
    key = _body_key(found) if found else None
    if key is None:
        return None
    spans = _bodies(article).get(key, [])
    k = bisect.bisect_right(spans, (mention.start - WINDOW, len(article)))  # the first starting after that
    if k == len(spans) or spans[k][0] >= mention.start:
        return mention
    start, end = spans[k]
    return Mention(start, end, article[start:end], "np")


_LEADING_PLACE = re.compile(r"""(?:But +|And +)?(At|In) +((?:the +)?[A-Z][^,.;:!?"“”\d]{1,40}),""")
_OPENING_GROUP = re.compile(r"(?:But|And|However,?) +\Z")  # `But the authorities stated`


def _group_placed(article: str, mention: Mention) -> Mention | None:
    """A group alone (`the authorities`, `forecasters`) in a sentence that opens with the place or body
    it is at (`At the Norland weather centre, ... forecasters said`), or that itself opens right after
    a sentence opening so (`In Norland, two tremors were felt. But the authorities said`): the group
    with that qualifier, as the annotators record it. Reads the one or two sentences' starts."""
    words = mention.text.split()
    noun = words[-1]
    if len(words) > 2 or (len(words) == 2 and words[0].lower() != "the") or not noun.islower():
        return None
    if noun not in entities.GROUP_NOUNS and not noun.endswith(("ists", "ers")) or noun in _ANY_BODY:
        return None
    start = _sentence_start(article, mention.start)
    found = _LEADING_PLACE.match(article, start, mention.start)
    opens = not article[start : mention.start].strip(' "“') or _OPENING_GROUP.fullmatch(article, start, mention.start)
    if found is None and opens:
        found = _LEADING_PLACE.match(article, _sentence_start(article, start - 1), start) if start else None
    if found is None or found.group(2).split()[0].lower() in entities.DATE_WORDS:
        return None
    text = f"{mention.text} {found.group(1).lower()} {found.group(2)}"
    return Mention(mention.start, mention.end, text, mention.kind)


_QUALIFIED_GROUP = re.compile(
    rf"[A-Za-z]+ +(?:of|at|from|for) +(?:the +)?(?:{PARTICLE})?[A-Z][\w'’&-]*"
    r"(?: +(?:(?:of|the|and|for|de) +)*[A-Z][\w'’&-]*)*"
)  # no period inside: a sentence's end stops it
# officials and sources speak for many bodies in one article (`officials of NORSA`, then `Kestrian officials`),
# and reports are no people: the qualifier written once is not theirs each time
_ANY_BODY = word_set("officials sources reports investigations")
_NOT_MODIFIERS = NP_STOP | DETERMINERS | TIME_WORDS | PREPOSITIONS | SPEECH_VERBS | PRONOUNS
_GROUP_MODIFIER = re.compile(r"\b([a-z]+) +\Z")  # one lower-case word right before the group noun


_ISSUED_BY = re.compile(
    r" +(?:issued|released|sent|put +out) +by +((?:the +)?[A-Z][\w'’.-]*(?: +[\w'’.-]+){0,5}?)(?=[,.;:!?\"”)]|\Z)"
)


def _issued_by(article: str, mention: Mention) -> Mention | None:
    """`a statement issued by President NAME's office.`: who issued it, written after the noun (an
    `according to` span stops at the noun), as the annotators record a statement."""
    if mention.text.split()[-1].lower() not in _STATEMENT_NOUNS:
        return None
    found = _ISSUED_BY.match(article[mention.end : mention.end + 120])
    if found is None:
        return None
    start = mention.end + found.start(1)
    return Mention(start, start + len(found.group(1)), found.group(1), "np")


_PLURAL = re.compile(r"\b([a-z]+s)\b")


def _one_of_group(article: str, mention: Mention) -> Mention | None:
    """`one` or `another` speaking (`one said`, `Another added:`) just after a group is written
    (`many protesters said`, `no witnesses saw`): one member of it (`one protester`). Reads the 300
    characters before the mention."""
    if mention.text.lower() not in ("one", "another"):
        return None
    groups = [m.group(1) for m in _PLURAL.finditer(article, max(0, mention.start - 300), mention.start)]
    groups = [g for g in groups if g in entities.GROUP_NOUNS]
    if not groups:
        return None
    noun = groups[-1][:-2] if groups[-1].endswith(("sses", "shes", "ches", "xes")) else groups[-1][:-1]
    return Mention(mention.start, mention.end, f"{mention.text} {noun}", "np")


def _issuer(mention: Mention, speakers: list[Mention]) -> Mention | None:
    """Who issued a statement that speaks (`The NMO statement said`, `An Air Force statement`): the words
    before the noun (`NMO`, `Air Force`); for a statement with no issuer written (`The statement
    said`), the latest speaker. None for a mention that is no statement (or one `from X`)."""
    words = mention.text.split()
    piece = words[-1].lower() in _PIECE_NOUNS and len(words) > 2 and words[-2][:1].isupper()  # `The Jester article`
    if words[-1].lower() not in _STATEMENT_NOUNS and not piece:
        return None
    k = 0
    while k < len(words) - 1 and words[k].lower() in _NOT_ISSUERS and not _name_opens(words, k):
        k += 1
    if k == len(words) - 1:  # a joint statement is no one speaker's: it speaks as written
        return speakers[-1] if speakers and "joint" not in mention.text.lower().split() else None
    end = len(words) - 1
    while end > k + 1 and words[end - 1].lower() in _RELEASE_KINDS:  # `the JTF-GTMO press release`
        end -= 1
    text = " ".join(words[k:end])
    start = mention.start + mention.text.index(text, len(" ".join(words[:k])))
    return Mention(start, start + len(text), text, "name" if text[:1].isupper() else "np")


def _name_opens(words: list[str], k: int) -> bool:
    """Whether words[k] opens a name of several capitalised words (`Eastport Harbour Times`), not an article."""
    return words[k].lower() not in DETERMINERS and words[k][:1].isupper() and words[k + 1][:1].isupper()


_QUALIFIER = re.compile(r"(?<=[a-z]) (?:for|at|in|of|from) ")
_AGENCY = r"(?:the +)?((?:[A-Z][\w'’&-]*)(?: +[A-Z][\w'’&-]*)*(?: +news +agency)?)"
_SPOKE_TO = re.compile(
    rf"{_AGENCY} +(?:spoke|talked|speaking|talking) +(?:to|with) +(?:an?|the) +(?:[a-z-]+ +){{0,3}}\Z"
)  # ending where `source` starts
_TOLD = re.compile(rf" +(?:(?:[a-z-]+ +){{0,4}}?)(?:told|speaking to|talking to) +{_AGENCY}")


_FOR_BODY = re.compile(
    r"(?:an?|the) +(?:[a-z]+ +)?(?:spokes(?:person|man|woman)|representative) +for +(the +)?(\S+)\Z", re.I
)


def _spoken_for(article: str, mention: Mention) -> Mention | None:
    """`a spokesperson for the HNB`, `A spokeswoman for the Trust`, `a representative for the
    newspaper`: the organisation written in full where the article names it so, an acronym by its
    definition in brackets, a word of a name or a referring noun by the nearest organisation that
    fits (the annotators record the organisation in full). None where nothing is to add."""
    found = _FOR_BODY.fullmatch(mention.text) if "for" in mention.text else None
    if not found:
        return None
    word, at = found.group(2), mention.start + found.start(2)
    full = entities.spelt_out(article, word, at)
    if full is None and found.group(1) and word.lower() in entities.REFERRING_ORG_NOUNS:
        full = entities.by_type(article, f"the {word}", at)
    if full is None and found.group(1) and word[:1].isupper() and not word.isupper():
        named = resolve_surname(article, Mention(at, at + len(word), word, "name"))
        full = (
            named
            if named.text != word and entities.speaker_type(article, named.text) == entities.ORGANISATION
            else None
        )
    if full is None and not found.group(1) and word[:1].isupper() and not word.isupper():
        person = resolve_surname(article, Mention(at, at + len(word), word, "name"))  # `a spokesperson for Vale`
        if person.text != word and is_person(article, person.text, person.start):
            return Mention(mention.start, mention.end, mention.text[: found.start(2)] + person.text, "np")
    if full is None:
        return None
    name = full.text if isinstance(full, Mention) else full.name
    text = mention.text[: found.start(1) if found.group(1) else found.start(2)] + "the " + name
    return Mention(mention.start, mention.end, text, "np")


def _source_of(article: str, mention: Mention) -> Mention | None:
    """`the source`, `a source` -> the news agency or outlet the article says the source spoke to
    (`Norpress spoke to an anonymous source`, `A source told the Norpress news agency`): the annotators
    record the agency. Reads the last `source` up to the mention's end, within WINDOW before it."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] not in ("the", "a") or words[1] != "source":
        return None
    places = list(word_places(article, "source", max(0, mention.start - WINDOW), mention.end))
    for m in reversed(places[-3:]):  # the mention's own word first: `A source told Xinhua`
        if m.group().lower() != "source":
            continue
        found = _SPOKE_TO.search(article, max(0, m.start() - 80), m.start()) or _TOLD.match(article, m.end())
        if found and found.group(1).split()[0] not in CAPITAL_STOP:
            return Mention(found.start(1), found.end(1), found.group(1), "name")
    return None


def _head_of(mention: Mention) -> Mention:
    """A noun phrase without the organisation or place that qualifies it (`_qualified`)."""
    cut = _QUALIFIER.search(mention.text)
    if not cut or mention.text[: cut.start()].split()[-1].lower() in SEAT_NOUNS:  # `the Embassy in Lisbon`
        return mention
    return Mention(mention.start, mention.start + cut.start(), mention.text[: cut.start()], mention.kind)


def person_before(
    article: str, at: int, speakers: list[Mention], pronoun: str = "i", recent: int | None = None
) -> Mention | None:
    """The person a pronoun (or an unattributed quotation) at `at` refers to: the person the sentence
    before opens with, else the latest speaker, else a person named in the sentence before, else the
    nearest person named earlier; the first whose gender (where the article shows it) does not
    contradict the pronoun's. Reads the WINDOW characters before `at`."""
    names = _people(article, max(0, at - WINDOW), at)
    near = [n for n in names if recent is not None and n.start >= recent]
    # the earlier speakers who are people, latest first, read only as far as the pool is (a huge
    # article has dozens within WINDOW, and the first that fits is usually near the front)
    said = (s for s in reversed(speakers) if a_person(article, s, at) and not _other_noun_gender(s, pronoun))
    latest = list(itertools.islice(said, 1))
    opener = _named_subject(article, recent, at, near, latest)
    own = _own_subject(article, at, pronoun) or _put_to(article, at, pronoun)  # `Osei` as the full name nearby
    own = [next((n for n in reversed(names) if n.text.split()[-1] == o.text), o) for o in own]
    subject, introduced = _subject_before(article, recent, at, pronoun), _introduced(article, recent, at, pronoun)
    office = _in_office(article, recent, at, pronoun)
    by_surname = _surnames_in(article, recent, at, names)[::-1] if not near else []
    pool = itertools.chain(own, introduced, subject, opener, office, latest, near[::-1], by_surname, said)
    first = None
    for p in itertools.chain(pool, reversed(names)):
        if gender_fits(article, p, pronoun, at):
            return p
        first = first or p
    return first  # where the article contradicts every gender, the first


def _surnames_in(article: str, recent: int | None, at: int, names: list[Mention]) -> list[Mention]:
    """The people the sentence before names by surname alone (`... after Vale smoked a cigarette`),
    as their full names written earlier: where it names no one in full. Reads one sentence."""
    if recent is None:
        return []
    end = _sentence_start(article, at + 1)
    full = {n.text.split()[-1]: n for n in names if n.start < recent}
    found = (full.get(w.group()) for w in _CAPITAL_WORD.finditer(article, recent, end) if w.start() > recent)
    return [f for f in found if f is not None]


def _introduced(article: str, recent: int | None, at: int, pronoun: str) -> list[Mention]:
    """A person the sentence before introduces, named there for the first time in full and described
    (`The workshop belongs to NAME, who has run it since 2009.`, `NAME, 84, has ...`): a he/she right
    after means them rather than the latest speaker. Reads one sentence."""
    if recent is None or pronoun not in ("he", "she"):
        return []
    end = _sentence_start(article, at + 1)
    for n in _people(article, recent, end):
        first = entities.occurrences_before(article, n.text.split()[-1], n.start) == 0
        if first and " " in n.text and _INTRODUCED_AS.match(article, n.end, end):
            return [n]
    return []


def _in_office(article: str, recent: int | None, at: int, pronoun: str) -> list[Mention]:
    """The one person a sentence with no quotation names, in full and with their office right before
    the name (`... came as former Norland premier NAME was in Kestria.`, `A meeting with Interior
    Minister NAME was ...`): news names a newcomer so before their he/she, who means them rather than
    the latest speaker. Reads one sentence."""
    if recent is None or pronoun not in ("he", "she"):
        return []
    end = _sentence_start(article, at + 1)
    people = _people(article, recent, end)
    if len(people) != 1 or " " not in people[0].text or quoted_spans(article[recent:end])[0]:
        return []
    before = article[max(recent, people[0].start - 40) : people[0].start].split()[-1:]
    office = before and (is_title(before[0]) or any(p.lower() in ROLE_WORDS for p in before[0].split("-")))
    return people if office else []


_INTRODUCED_AS = re.compile(r", +(?:who\b|\d{1,3},)")  # not `, the`: `talks with NAME, the prime minister,`


def gender_fits(article: str, person: Mention, pronoun: str, at: int) -> bool:
    """Whether the article leaves the person (by surname) the gender a he/she asks for; any for others."""
    want = _PRONOUN_GENDER.get(pronoun)
    if _other_noun_gender(person, pronoun):
        return False
    if person.kind != "name":  # `a spokesman for Mallon's`: no gender from the name inside the description
        return True
    if want is None:
        return True
    # a given name of one gender first: the article's signs mislead more often (the first he/she after a
    # later mention may be another's); and the he/she being resolved tells no one's gender (`NAME runs the
    # shop with Holt. Holt opened it. "...," she said` is no she-Holt)
    found = entities.given_gender(person.text) or _gender(article, person.text.split()[-1], at, skip=at)
    return found in (want, None)


def _other_noun_gender(person: Mention, pronoun: str) -> bool:
    """A person described by a noun of the other gender than the pronoun's (`a spokesman` for a she)."""
    noun = _NOUN_GENDER.get(person.text.split()[-1].lower()) if person.kind != "name" else None
    return noun is not None and _PRONOUN_GENDER.get(pronoun, noun) != noun


_NOUN_GENDER = {"man": "m", "spokesman": "m", "chairman": "m", "woman": "f", "spokeswoman": "f", "chairwoman": "f"}


def _subject_before(article: str, recent: int | None, at: int, pronoun: str, depth: int = 0) -> list[Mention]:
    """The person the sentence at `recent` opens with: by name, a title before it allowed (`Tomas Kane
    won ...`, `Governor Alan Brisk criticised ...`), by one name (`Brenn was named ...`, `On Tuesday,
    Marek was`), or by the same he/she, who is then the person the sentence before that opens with
    (`Lars Okun was held. He spoke to police. "...," he said`: twice at most)."""
    if recent is None:
        return []
    opening = [n for n in _people(article, recent, at) if _TITLE_RUN.fullmatch(article, recent, n.start)]
    # the last name the title run reaches: `Silver Ferns coach NAME said` opens with NAME, not the team
    found = opening[-1:] or _one_word_subject(article, recent, at) or _one_of_them(article, recent, at, pronoun)
    chained = _PRONOUN_OPENING.match(article, recent, at)
    # `Her GP has ...` goes on about the she; `Her mother, NAME, said` introduces someone else (not `Her partner works`)
    same = chained and _SUBJECT_PRONOUN.get(chained.group(1).lower()) == pronoun
    same = same and not (chained.group(3) and chained.group(2).lower() in KIN_HEADS)
    if not found and same and pronoun in ("he", "she") and depth < 2:
        return _subject_before(article, _sentence_start(article, recent), recent, pronoun, depth + 1)
    if not found and pronoun in ("he", "she"):  # `Ashdown's father worked there. "...," she said`
        found = _kin_owner(article, recent, at, pronoun)
        other = chained and not chained.group(1).lower().startswith(("his", "her")) and not same
        if not found and other and depth < 2:  # `NAME's husband, Per, joined. He travelled. "...," she said`
            before = _sentence_start(article, recent)
            found = _kin_owner(article, before, recent, pronoun, _PRONOUN_GENDER[chained.group(1).lower()])
    return found


_KIN_OPENING = re.compile(r"\s*((?:[A-Z][\w-]* +){0,3}[A-Z][\w-]*)['’]s +([a-z]+)\b")


def _kin_owner(article: str, start: int, end: int, pronoun: str, kin_gender: str | None = None) -> list[Mention]:
    """The person whose relative the sentence at `start` opens with (`Ashdown's father worked ...`), where
    the relative's gender is not the he/she's (and is `kin_gender` where given): the he/she means the
    person named, the one the story is about. Reads the sentence's opening words."""
    found = _KIN_OPENING.match(article, start, end)
    gender = _KIN_GENDER.get(found.group(2)) if found else None
    if gender is None or gender == _PRONOUN_GENDER[pronoun] or kin_gender not in (None, gender):
        return []
    word = Mention(found.start(1), found.end(1), found.group(1), "name")
    full = resolve_surname(article, word)
    return [full] if is_person(article, full.text, end) else []


_ONE_OF = re.compile(
    r"\s*(One +of +the +[a-z]+s(?: +(?:from|in|at|of) +[A-Z][\w'’-]*(?: +[A-Z][\w'’-]*){0,3})?)(?=,| +who\b)"
)


def _one_of_them(article: str, recent: int, at: int, pronoun: str) -> list[Mention]:
    """`One of the victims from NAME, who ..., recalled the attack. "...," he said`: the one a he/she
    after such an opening means, as the annotators write it (or the name a described person gave:
    `The imam, who gave his name as NAME, ...`)."""
    found = _ONE_OF.match(article, recent, at) if pronoun in ("he", "she") else None
    found = found or (_GAVE_NAME.match(article, recent, at) if pronoun in ("he", "she") else None)
    if found is None:
        return []
    return [Mention(found.start(1), found.end(1), found.group(1), "np" if found.re is _ONE_OF else "name")]


# `The mosque's imam, who gave his name as NAME, commented`: the name the person gave
_GAVE_NAME = re.compile(
    r"\s*[^,.;:!?\"“”]{3,60}, +who +gave +(?:his|her) +name +as +([A-Z][\w'’-]*(?: +[A-Z][\w'’-]*){0,2}),"
)


def _own_subject(article: str, at: int, pronoun: str) -> list[Mention]:
    """The person the pronoun's own sentence opens with, before the pronoun, behind a subordinating word
    at most (`When Vale first raised his claims, he said`, `As Brenn was led away he shouted`,
    `Yusuf had no comment, but he had stated`): a he/she after its sentence's subject means it."""
    if pronoun not in ("he", "she"):
        return []
    start = _sentence_start(article, at + 1)
    lead = _CLAUSE_OPENING.match(article, start, at)
    return _subject_before(article, lead.end(), at, pronoun, depth=2) if lead and lead.end() < at else []


def _put_to(article: str, at: int, pronoun: str) -> list[Mention]:
    """The person a leading clause of the pronoun's own sentence puts a question to (`When we put the
    figures to Ms Vale, she said`, `When asked by NAME, he said`... `to`/`by` only): who answers it.
    Reads the pronoun's sentence up to the pronoun."""
    if pronoun not in ("he", "she"):
        return []
    start = _sentence_start(article, at + 1)
    found = _PUT_TO.match(article, start, at)
    if not found or found.end() != at:
        return []
    words = [w for w in found.group(1).split() if not is_title(w)]
    return [Mention(found.end(1) - len(words[-1]), found.end(1), words[-1], "name")] if words else []


_PUT_TO = re.compile(
    r"""\s*(?:When|After|Once)\b[^.;:!?"“”]{0,80}?\b(?:to|by) +((?:(?:Mr|Mrs|Ms|Miss|Dr)\.? +)?[A-Z][\w'’-]+),\s*"""
)


_CLAUSE_OPENING = re.compile(  # and a leading phrase of time or place (`In a speech today, NAME ..., and he said`)
    r"\s*(?:(?:When|As|After|While|Before|Although|Though|Since|Once|However,)\s+"
    r"""|(?:In|On|At|During)\s+[^,;:"“”]{1,50},\s+)?"""
)


def _named_subject(
    article: str, recent: int | None, at: int, near: list[Mention], latest: list[Mention]
) -> list[Mention]:
    """The person the sentence before names first as the subject of a verb (`Last week, King Ana Ruiz
    made ...`, `Former defense minister NAME was sentenced ...`, `A Kestrian who crossed, NAME,
    spoke ...`): the first full name outside quotation marks, followed by a lower-case word (after an
    appositive between commas at most). News reintroduces a speaker so before their `He said`; it
    comes before the latest speaker (`latest`), unless the sentence before is where that speaker is
    named (`A spokesperson for Norland Ferries said ...`). Reads one sentence."""
    if recent is None:
        return []
    end = _sentence_start(article, at + 1)  # where the pronoun's sentence starts (`at` may be its first word)
    if end <= recent or any(recent <= s.start < end for s in latest):
        return []
    outside = quoted_chars(article[recent:end])[0]
    for n in near:
        if n.end > end:
            break
        if outside[n.start - recent]:
            continue
        # what stands before it since the sentence's start or its last comma: a title at most
        # (`Former defense minister`), not a clause (`Holt told NBN's NAME`, `on Friday NAME`)
        lead = article[max(recent, article.rfind(",", recent, n.start) + 1) : n.start].split()
        titled = is_title(n.text.split()[0])  # `Minister Holmberk`: a surname
        if titled or len(lead) > 8 or lead[-1:] == ["the"] or any(w.lower() in _NOT_TITLE for w in lead):
            return []
        follows = _SUBJECT_VERB.match(article, n.end, end)
        if not follows and article[recent : n.start].rstrip().endswith(","):  # `A Kestrian who ..., NAME, spoke`
            follows = _APPOSITION_VERB.match(article, n.end, end)
        return [n] if follows and follows.group(1) not in _NOT_VERBS else []
    return []


_SUBJECT_VERB = re.compile(r"""(?:,[^,.;:"“”]{1,100},)? +([a-z]+)\b""")
_APPOSITION_VERB = re.compile(r", +([a-z]+)\b")  # the comma that closes a name set in apposition
_NOT_VERBS = word_set("and or of in at on to for from with by as than the a an")
_NOT_TITLE = word_set(
    "and that to with by told said says asked from as when after than who which on in at into about also"
)


# what may stand before the name a sentence opens with: a title or rank (`Harbour Guard Lieutenant`)
# and a role in lower case after it (`Election law expert NAME`, `Skyjet owner NAME`)
_LOWER_ROLE = "|".join(sorted(ROLE_NOUNS))
_TITLE_RUN = re.compile(
    r"""\s*(?:(?!(?:The|But|And|In|On|At|As|After|When|If|While)\b)[A-Z][\w.'’-]* +)*"""
    rf"""(?:(?:[a-z][\w-]* +){{0,2}}(?:{_LOWER_ROLE}) +)?"""
)
_PRONOUN_OPENING = re.compile(  # `Earlier, he`, `Last year he`, `Her GP has` (and the word after a his/her)
    r"""\s*(?:[^.,;:!?"“”\n]{0,40}, +|(?:Last|This|Earlier|Later) +[a-z]+ +)?"""
    r"""([Hh]e|[Ss]he|[Hh]is|[Hh]er)\b(?: +([a-z]+)(,| +[A-Z])?)?"""
)
_SUBJECT_PRONOUN = {"he": "he", "she": "she", "his": "he", "her": "she"}


@functools.lru_cache(maxsize=256)  # a pronoun's rules ask for the start of its sentence and the one before, each
def _sentence_start(article: str, at: int) -> int:
    """Where the sentence before offset `at` starts (a look-back of at most 600 characters; the last
    150 first, where nearly every sentence starts: the last break there is the last of the 600)."""
    for back in (150, 600):
        start = max(0, at - back)
        ends = list(_SENTENCE_BREAK.finditer(article[start:at].rstrip()))
        if ends or start == 0:
            return start + ends[-1].end() if ends else start
    return start


_SENTENCE_BREAK = re.compile(r"""[.!?\n](?:(?<=[.!?])["”’])?\s+""")  # `(?:[.!?]["”’]?|\n)\s+`, opening with the class


_SUBJECT = re.compile(
    rf"(?:[^.,;:!?\n]{{0,40}}, +)?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? +)?"  # `Mr Kulkarni now keeps ...`
    rf"((?:{PARTICLE})?[A-Z][\w’'-]+)(?:, +(?:who\b[^.;:!?\n]{{0,150}}?|\d{{1,3}}),)?"
    r" +(?=[a-z])(?!(?:de|da|van|von|al|bin|der|la|le|du|del|di)\b)"
)  # `Federer, who has been a critic of the system, snapped`, `Adamowicz, 53, has`; not `Alexander von NAME`


def a_person(article: str, speaker: Mention, at: int) -> bool:
    """A speaker a he/she/I can mean: a person's name, or one person described (`a spokesperson for
    NORSA`, `a Northern League soldier`)."""
    if speaker.kind == "name":
        titled = titles_only(speaker.text)  # `President`
        return not titled and is_person(article, speaker.text, at)
    words = _head_of(speaker).text.lower().split()
    if speaker.kind == "bare":  # `... one senior official said`, read as `official`
        return len(words) == 1 and words[0] in _ONE_PERSON
    if len(words) > 1 and words[0] in ("one", "another"):  # `said one woman`, `One neighbour, who ..., said`
        return words[-1] in _ONE_PERSON or article.startswith((", who ", " who "), speaker.end)
    if len(words) > 1 and words[0].endswith(("'s", "’s")):  # `Lind's husband and coach`: one relative
        return words[1] in KIN_HEADS
    return len(words) > 1 and words[0] in ("a", "an", "the") and words[-1] in entities.PERSON_NOUNS


_ONE_PERSON = entities.PERSON_NOUNS | word_set("man woman")


def _one_word_subject(article: str, recent: int | None, at: int) -> list[Mention]:
    """The person a sentence opens with by one name (after a leading `On Tuesday,`): the full name
    the surname stands for, else the word itself where the article shows its gender (a he/she
    after it, as `_gender` reads it, or in the rest of that sentence)."""
    found = _SUBJECT.match(article, recent, at) if recent is not None else None
    lead = found.group(1).lower() if found else ""
    if not found or lead in _NOT_A_SUBJECT or lead.endswith(("'s", "’s")):  # `Indian expert`
        return []
    capital = re.sub(rf"^{PARTICLE}", "", found.group(1))  # `al-Islam` is indexed as `Islam`
    word = Mention(found.start(1), found.end(1), found.group(1), "name")
    full = resolve_surname(article, word)  # `Achebe grew up ...` after `Tamsin Achebe`: a surname at any place
    by_surname = full is not word and full.text.split()[-1] == word.text  # not `Of NM` for `Of`
    if entities.only_sentence_initial(article, capital) and not by_surname:  # `Describing the plan, he`, `During`
        return []
    described = _described_person(article, found.end(1), at)
    if described:  # `Rovers centre back NAME admitted ...`: the team describes the person
        return [described]
    if full is not word:
        return [full] if is_person(article, full.text, at) else []
    person = not entities.not_a_person(article, word.text) and entities.mention_type(article, word.text) != "date"
    gendered = _gender(article, word.text, at) or _GENDERED.search(article, word.end, at)  # `Marek was asked if he`
    return [word] if person and gendered else []


_NOT_A_SUBJECT = CAPITAL_STOP | entities.NATIONALITIES
_LOWER_WORDS = re.compile(r" +((?:[a-z][\w-]* +){1,3})(?=[A-Z])")  # `centre back `, `club owner `
_NOT_DESCRIBING_WORDS = AUXILIARIES | SPEECH_VERBS | NP_STOP | PREPOSITIONS | DETERMINERS


def _described_person(article: str, at: int, end: int) -> Mention | None:
    """The person a capitalised word describes when a sentence opens with it, one to three lower-case
    words and a full name (`Rovers centre back Ana Vale admitted ...`): the name, not the word."""
    words = _LOWER_WORDS.match(article, at, end)
    if not words or any(w in _NOT_DESCRIBING_WORDS or w.endswith("ed") for w in words.group(1).split()):
        return None
    name = FULL_NAME.match(article, words.end(), end)
    if not name or " " not in name.group() or not is_person(article, name.group(), name.start()):
        return None
    return Mention(name.start(), name.end(), name.group(), "name")


POST_NOMINALS = word_set("KC QC SC MP MEP MSP MS MLA TD Jr Sr OBE MBE CBE PhD")


# Attribution reads at most this many characters either side of a mention (3x the longest
# article of the news corpora, so a news article is always read whole): lookups go through
# position indexes over that window, never over the whole text, so a huge article costs
# linear time (docs/performance.md, scaling).
WINDOW = 20_000


def window_slice(at: int) -> tuple[int, int]:
    """Whole WINDOW-sized blocks around `at` (at least WINDOW either side): cached lookups keyed
    by block are shared by every mention in it."""
    block = at // WINDOW
    return max(0, (block - 1) * WINDOW), (block + 2) * WINDOW


def _people(article: str, start: int, end: int) -> list[Mention]:
    """Full names of people (not bylines, places or organisations) in article[start:end]."""
    people, found_at = _all_people(article)
    # a person resolves to a name at most WINDOW from where it was found: look no further
    lo, hi = bisect.bisect_left(found_at, start - WINDOW), bisect.bisect_right(found_at, end + WINDOW)
    return [m for m in people[lo:hi] if start <= m.start and m.end <= end]


@functools.lru_cache(maxsize=8)  # every mention of an article looks names up
def _names(article: str) -> tuple[tuple[re.Match, ...], list[int]]:
    """Every full name written in the article, in order, and where each starts."""
    names = tuple(full_names(article))
    return names, [m.start() for m in names]


def _names_between(article: str, start: int, end: int) -> tuple[re.Match, ...]:
    """The full names that start in article[start:end], in order."""
    names, starts = _names(article)
    return names[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def names_holding(article: str, word: str, start: int, end: int) -> list[re.Match]:
    """The full names that start in article[start:end] and hold `word`, or spell it with the initials
    of some of their words (`DA`: `Department of Agriculture`), in order (an index look-up)."""
    return _indexed(article, _holding(article).get(word, []), start, end)


def _indexed(article: str, found: list[int], start: int, end: int) -> list[re.Match]:
    """The names at positions `found` (ascending) of `_names` that start in article[start:end]."""
    names, starts = _names(article)
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [names[k] for k in found[bisect.bisect_left(found, lo) : bisect.bisect_left(found, hi)]]


# indexes of `_names` built once per article, so that a lookup reads only the names that can match
# rather than every name of the window (hundreds in a huge article)
@functools.lru_cache(maxsize=8)
def _holding(article: str) -> dict[str, list[int]]:
    """For each word of the article's full names, and each run of two or more of the capitals that
    begin their words, the positions in `_names` of the names holding it; the capitalised parts of a
    hyphenated last word too (`Berg`, `Lund` of `Ana Berg-Lund`; `Maliki` of `Nouri al-Maliki`)."""
    out: dict[str, list[int]] = {}
    for k, m in enumerate(_names(article)[0]):
        words = m.group().split()
        keys = set(words)
        initials = "".join([w[0] for w in words if w[0].isupper()])
        keys.update(initials[a:b] for a in range(len(initials) - 1) for b in range(a + 2, len(initials) + 1))
        if "-" in words[-1]:
            keys.update(_hyphen_parts(words[-1]))
        for key in keys:
            found = out.get(key)
            if found is None:
                out[key] = [k]
            else:
                found.append(k)
    return out


def _hyphen_parts(word: str) -> list[str]:
    """The capitalised parts of a hyphenated word of two letters or more (none for a plain word)."""
    return [p for p in word.split("-") if len(p) > 1 and p[0].isupper()] if "-" in word else []


@functools.lru_cache(maxsize=8)
def _last_words(article: str) -> dict[str, list[int]]:
    """For each last word of the article's full names, in lower case, the positions in `_names` of those names."""
    out: dict[str, list[int]] = {}
    for k, m in enumerate(_names(article)[0]):
        out.setdefault(m.group().split()[-1].lower(), []).append(k)
    return out


@functools.lru_cache(maxsize=8)  # every pronoun of an article asks
def _all_people(article: str) -> tuple[tuple[Mention, ...], list[int]]:
    """The people of `_people`, in the order they are written, and where each was found."""
    out, found_at = [], []
    for m in _names(article)[0]:
        words = m.group().split()
        while words and words[0].lower().rstrip(".") in _BEFORE_PEOPLE:  # `Ms Farah Osei`
            words.pop(0)
        while words and words[-1].rstrip(".") in POST_NOMINALS:
            words.pop()
        words = person_part(words)  # `Harbour Guard Lieutenant Tomas Vale` -> `Tomas Vale`
        words = _without_of(article, " ".join(words)).split()  # `Ana Ruiz of Kestria`
        if (
            len(words) < 2
            or _BYLINE.search(article, max(0, m.start() - 6), m.start())  # `by NAME` opening a line, not `cut by NAME`
            or m.group().startswith("By ")  # a byline: `By NAME` matched whole
            or article[max(0, m.start() - 10) : m.start()].rstrip().endswith(("Photo:", "Picture:"))  # a credit
            or words[-1].lower().rstrip(".") in TITLES
            or words[-1].lower() in entities.GROUP_NOUNS  # `Norwegian Dock Workers`: a union, no one
        ):
            continue
        text = " ".join(words)
        at = m.start() + m.group().index(words[0])
        if _role_goes_on(article, at + len(text), words[-1]):  # `Indian Prime minister NAME`: a title, no one
            continue
        if is_person(article, text, at):
            out.append(resolve_surname(article, Mention(at, at + len(text), text, "name")))
            found_at.append(m.start())
    return tuple(out), found_at


def _role_goes_on(article: str, end: int, last: str) -> bool:
    """A name ending in a role word that a lower-case role word continues (`Prime minister`)."""
    after = _LOWER_WORD.match(article, end) if last.lower() in ROLE_WORDS else None
    return bool(after) and after.group(1) in ROLE_WORDS


_LOWER_WORD = re.compile(r" +([a-z]+)")
_BEFORE_PEOPLE = CAPITAL_STOP | TITLES | PREPOSITIONS  # `Of NF's routes, he`: a name opens with no preposition
_BYLINE = re.compile(r"(?:^|\n)[ \t]*[Bb]y[ \t]*$")


def is_person(article: str, name: str, near: int) -> bool:
    """Not an organisation, and never written as a place (`in Santa Rosa de Osos`, `at Airlie Beach`)
    within the window around `near`."""
    return _is_person_in(article, name, *window_slice(near))


@functools.lru_cache(maxsize=4096)
def _is_person_in(article: str, name: str, start: int, end: int) -> bool:
    if _not_a_person(article, name):
        return False
    for at in occurrences(article, name, start, end):
        if article.startswith(("'s ", "’s "), at + len(name)):  # `in NAME's compound`: the place is what follows
            continue
        before = article[max(0, at - 20) : at].lower().split()
        if before[-1:] and before[-1] in ("central", "the"):
            before = before[:-1]
        if before[-1:] and before[-1] in _PLACE_PREPOSITIONS:
            return False
        if before[-2:-1] and before[-1] == "of" and before[-2] in entities.PLACE_NOUNS:  # `the town of NAME`
            return False
    return True


@functools.lru_cache(maxsize=4096)  # what the whole article says: asked once per name, not per name and window
def _not_a_person(article: str, name: str) -> bool:
    if name.endswith(" Park") and entities.written_before_who(article, name):  # `Hyun-woo Park, who owns`
        return False
    if entities.person_with_place_word(article, name):  # `Area coroner NAME Lake`
        return False
    return bool(ORGANISATION_WORD.search(name)) or entities.not_a_person(article, name)


_PLACE_PREPOSITIONS = word_set("in at near outside across")  # not `to`, `from`: `according to NAME`
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f"}
_GENDERED = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)


def _gender(article: str, surname: str, near: int, skip: int | None = None) -> str | None:
    """m/f from a title (`Mr Pocock`, `Mr Graham Pocock`) or the first he/she/his/her after the
    name's first mention (in the window around `near`; the one at `skip` read as none)."""
    start, end = window_slice(near)
    gender, by = _gender_in(article, surname, start, end)
    if skip is not None and by == skip:  # decided by the he/she being resolved: read again without it
        gender, _ = _gender_from(article, surname, start, end, skip)
    return gender


@functools.lru_cache(maxsize=4096)  # asked for every candidate person of every pronoun
def _gender_in(article: str, surname: str, start: int, end: int) -> tuple[str | None, int | None]:
    return _gender_from(article, surname, start, end, None)


def _gender_from(article: str, surname: str, start: int, end: int, skip: int | None) -> tuple[str | None, int | None]:
    """The gender and where the he/she that tells it stands (None for a title, or no gender)."""
    places = occurrences(article, surname, start, end)
    for at in places:
        for word in article[max(0, at - 30) : at].split()[-2:]:
            if word.lower().rstrip(".") in _TITLE_GENDER:
                return _TITLE_GENDER[word.lower().rstrip(".")], None
    if not places:
        return None, None
    places = [at for at in places if not _KIN_AFTER.match(article, at + len(surname))]
    if not places:  # `Karin Lindqvist's husband, Per, joined. He travelled`: every he/she is the relative's
        return None, None
    for at in places[:3]:  # the first he/she after a mention with no other name between (`Wales ... he`)
        after = _gendered_after(article, skip=skip, end=at + len(surname))
        between = _names_between(article, at + len(surname), after.start()) if after else ()
        if (
            after
            and not [m for m in between if surname not in m.group()]
            and not _surname_between(article, surname, at + len(surname), after.start())
        ):
            if _SPEAKS_FOR.search(article, at + len(surname), after.start()):
                continue  # `NAME, representing Vale, said that he ...`: the he is Vale's
            return _PRONOUN_GENDER[after.group(1).lower()], after.start()
    after = _gendered_after(article, skip=skip, end=places[0] + len(surname))
    if after and _SPEAKS_FOR.search(article, places[0] + len(surname), after.start()):
        return None, None
    if after and _surname_between(article, surname, places[0] + len(surname), after.start()):
        return None, None
    return (_PRONOUN_GENDER[after.group(1).lower()], after.start()) if after else (None, None)


def _surname_between(article: str, surname: str, start: int, end: int) -> bool:
    """Whether another person's surname, written alone after a verb of saying, stands between the
    name (ending at `start`) and a he/she (at `end`) in its sentence: the he/she is inside what the
    name reported of that person (`NAME said Vale had hurt his knee`, `NAME told Vale he was lucky`)."""
    own = surname.split()[-1]
    others = _person_surnames(article)
    if _SENTENCE_END.search(article, start, end):  # the name and the he/she are in different sentences
        return False
    for found in _CAPITAL_WORD.finditer(article, start, end):
        if found.group() != own and found.group() in others:
            return any(w in SPEECH_VERBS for w in article[start : found.start()].split())
    return False


@functools.lru_cache(maxsize=8)
def _person_surnames(article: str) -> frozenset[str]:
    """The last words of the article's full names that are people's (a book's title is none)."""
    return frozenset(p.text.split()[-1] for p in _all_people(article)[0])


_KIN_AFTER = re.compile(rf"['’]s +(?:{'|'.join(sorted(_KIN_GENDER))})\b")  # `NAME's husband`: a he after is his
_SPEAKS_FOR = re.compile(r"\b(?:representing|on behalf of)\b")
_SENTENCE_END = re.compile(r"[.!?]\s")


def _gendered_after(article: str, end: int, skip: int | None = None) -> re.Match | None:
    """The first he/she/his/her within 300 characters after `end` outside quotation marks: inside
    what a person is quoted saying, a `his` is someone else's (`NAME said: "At his command ..."`);
    None where that is the pronoun at `skip` (the one being resolved tells nothing)."""
    for found in _GENDERED.finditer(article, end, end + 300):
        gap = article[end : found.start()]
        if found.group(1).lower() == "him" and not _SENTENCE_END.search(gap):
            continue  # `NAME, the opposition leader, accused him of ...`: the object is someone else
        if gap.count('"') % 2 == 0 and gap.count("“") == gap.count("”"):
            return None if found.start() == skip else found
    return None


def occurrences(article: str, word: str, start: int, end: int) -> list[int]:
    """Where `word` stands as a whole word in article[start:end] (str.find: no regex to compile per name)."""
    out, at = [], article.find(word, start, end)
    while at != -1:
        stop = at + len(word)
        if (at == 0 or not article[at - 1].isalnum()) and (stop == len(article) or not article[stop].isalnum()):
            out.append(at)
        at = article.find(word, at + 1, end)
    return out


def resolve_surname(article: str, mention: Mention) -> Mention:
    """`Dunne`, `Mr Pocock`, `Coastline`, `DA` -> the earlier `Aoife Dunne`, `Graham Pocock`,
    `Coastline Bank`, `Department of Agriculture`."""
    split = mention.text.split()
    body = _titled_body(article, split)  # `Northern Motors` is no rank and its surname
    # `Lena Dean`, `Ana Judge`: a title word after a name that is none is a surname (a title comes first)
    surname = len(split) > 1 and is_title(split[-1]) and not is_title(split[-2]) and split[-2][:1].isupper()
    titled = [k for k, w in enumerate(split) if is_title(w) and not body and not (surname and k == len(split) - 1)]
    words = [w for k, w in enumerate(split) if k not in titled]
    if len(words) == 2 and titled == [1]:  # `Eastmark Attorney Marek`: what stands before the title says where
        words = words[1:]
    if len(words) != 1:
        return mention
    word = words[0]
    if PARTICLE_NAME.match(word[:1].lower() + word[1:]):  # `Al-Hadi said` at a sentence start
        word = word[:1].lower() + word[1:]
    names = names_holding(article, word, mention.end - WINDOW, mention.end + WINDOW)  # no other can match
    earlier_first = [m for m in names if m.end() <= mention.end] + [m for m in names if m.start() >= mention.end]
    for m in earlier_first:
        full = _without_of(article, m.group())
        parts = full.split()
        while parts and parts[0].lower() in CAPITAL_STOP:  # `Also Ruiz said` names Ruiz, not `Also Ruiz`
            parts.pop(0)
        if not parts or m.start() == mention.start:  # a title is cut below (`Ms Farah Osei`)
            continue
        if any(map(str.isdigit, full)):  # `Norjet` is not the `Norjet N380` it builds
            continue
        if word == parts[0] and word.lower() in entities.COUNTRIES:
            continue  # `Norway said` is the country, not the `Norway Today` the article cites
        initials = "".join(p[0] for p in parts if p[0].isupper())
        # `Ruiz` -> `Ana Maria Ruiz da Costa`: any capitalised part of a person's full name
        inside = word in parts[1:-1] and is_person(article, " ".join(parts), m.start())
        # `Berg` -> `Ana Berg-Lund`, `Maliki` -> `Nouri al-Maliki`: a part of a person's hyphenated surname
        hyphened = word in _hyphen_parts(parts[-1]) and is_person(article, " ".join(parts), m.start())
        named = word in (parts[0], parts[-1]) or inside or hyphened
        if named or (word.isupper() and len(word) > 1 and word == initials):
            roles = [k for k, p in enumerate(parts) if is_title(p) and not _titled_body(article, parts)]
            if roles and word in parts[: roles[-1]] and word not in parts[roles[-1] + 1 :] and _owns_role(word):
                continue  # `Norferry` is not `Ana Vale` of `Norferry Chief Executive Ana Vale`
            parts = parts[roles[-1] + 1 :] if roles else parts
            if len(parts) < 2:
                continue
            if word == parts[0] and _legal_form_quoted(article, parts[1:], m.start()):
                return mention  # `Norjet` is the `Norjet Plc` of a statement quoted: the article's form stays
            name = " ".join(parts)
            stop = m.start() + len(full)
            at = stop - len(name)
            return Mention(at, stop, name, "name") if article[at:stop] == name else mention
    return mention


def _titled_body(article: str, parts: list[str]) -> bool:
    """A title word opening an organisation's short name (`Northern Motors`, `General Assembly`): part
    of the name, no rank before a surname."""
    short = 1 < len(parts) <= 3 and is_title(parts[0])
    return short and entities.mention_type(article, " ".join(parts)) == entities.ORGANISATION


LEGAL_FORMS = word_set("plc inc corp co ltd llc corporation incorporated limited")  # a company's legal form


def _legal_form_quoted(article: str, extra: list[str], at: int) -> bool:
    """Whether the words after a company's name are only its legal form (`Plc`, `Inc.`) and the name
    stands inside quotation marks (its paragraph opens more marks than it closes before the name)."""
    if not all(p.lower().rstrip(".") in LEGAL_FORMS for p in extra):
        return False
    before = article[article.rfind("\n", 0, at) + 1 : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_ROLE_MODIFIERS = entities.NATIONALITIES | word_set("vice acting former interim")  # `Vice President NAME`


def _owns_role(word: str) -> bool:
    """Whether a name written before a role is the body that holds it (`Kestrel leader NAME`), not a word
    of the role itself (`Vice President NAME`, `Chinese Premier NAME`)."""
    return word.lower() not in _ROLE_MODIFIERS


def _relation_before(article: str, mention: Mention, relation: re.Pattern) -> re.Match | None:
    """The relation written in the 80 characters before a first name alone (`Rossi's father, `)."""
    if " " in mention.text or not mention.text[:1].isupper():
        return None
    return relation.search(article, max(0, mention.start - 80), mention.start)


def _relative(article: str, mention: Mention) -> Mention | None:
    """`Rossi's father, Piet` -> `Piet Rossi`: a parent, child or sibling named by a first
    name after a person's surname and the relation; the surname must end a full name the article
    writes (`Marco Rossi`), so a first name before the relation (`Omar's brother Ali`) gives none."""
    found = _relation_before(article, mention, RELATION_BEFORE)
    if not found:
        return None
    surname = found.group(1)
    near = _last_words(article).get(surname.lower(), [])
    full = _indexed(article, near, mention.start - WINDOW, mention.start + WINDOW)
    if not any(m.group().split()[-1] == surname and is_person(article, m.group(), m.start()) for m in full):
        return None
    return Mention(found.start(1), mention.end, f"{mention.text} {surname}", "name")


_PRESS = r"(?:newspaper|paper|daily|tabloid|magazine|weekly)"
_PRESS_NAME = r"((?:The +)?(?!(?:The|This|That|A|An|Its|Their|His|Her)\b)[A-Z][\w'’.!+-]*(?: +[A-Z][\w'’.!+-]*){0,3})"
_PRESS_BEFORE = re.compile(rf"\b{_PRESS} +{_PRESS_NAME}")  # `newspaper Harbour Gazette`, `paper Dawnlight`
_PRESS_AFTER = re.compile(rf"{_PRESS_NAME} +{_PRESS}\b")  # `Coastline magazine`
_PRESS_MENTION = re.compile(rf"(?i:the|this) +(?:[a-z][\w-]* +){{0,2}}{_PRESS}")  # `The paper`, `the British daily`


def _publication(article: str, mention: Mention) -> Mention | None:
    """`The paper also wrote`, `The magazine admitted` -> the publication the article last wrote with
    such a noun before or after its name (`The Norland weekly newspaper Harbour Gazette`, `Coastline
    magazine`, `English-language paper Dawnlight`; not `the British newspaper`): news refers back to a publication by
    its kind. Reads the WINDOW before the mention."""
    if mention.kind != "np" or not _PRESS_MENTION.fullmatch(mention.text):
        return None
    start = max(0, mention.start - WINDOW)
    found = [m for form in (_PRESS_BEFORE, _PRESS_AFTER) for m in form.finditer(article, start, mention.start)]
    found = [m for m in found if m.group(1).removeprefix("The ").lower() not in entities.NATIONALITIES]
    if not found:
        return None
    last = max(found, key=lambda m: m.start(1))
    return Mention(last.start(1), last.end(1), last.group(1), "name")


def _kin(article: str, mention: Mention) -> Mention | None:
    """`Her mother, Lakshmi` / `Maureen's daughter Joanne` -> the first name with the family's surname:
    that of the person the his/her means (`person_before`, over the names before the relation), or of
    the full name a first name before the relation stands for (`Maureen Pike`), as the team corpus's
    writers record a relative named by a first name. Reads the 80 characters before the mention."""
    found = _relation_before(article, mention, _KIN_BEFORE)
    if not found:
        return None
    owner = found.group(2)
    if not owner:  # his/her: the surname written last before the relation
        before = article[max(0, found.start() - 600) : found.start()]
        surnames = (w for w in reversed(_CAPITAL_WORD.findall(before)) if w.lower() in _last_words(article))
        surname = next(surnames, None)
        person = (
            resolve_surname(article, Mention(found.start(), found.start() + 1, surname, "name")) if surname else None
        )
    else:
        person = resolve_surname(article, Mention(found.start(2), found.end(2), owner, "name"))
    if not person or person.kind != "name" or len(person.text.split()) < 2:
        return None
    if not is_person(article, person.text, person.start):
        return None
    return Mention(mention.start, mention.end, f"{mention.text} {person.text.split()[-1]}", "name")


_KIN_BEFORE = re.compile(
    r"\b(?:([Hh]is|[Hh]er)|([A-Z][a-z]+)['’]s) +(?:(?:late|older|younger|elder|eldest|youngest) +)?"
    r"(?:father|mother|mum|mom|dad|brother|sister|son|daughter|husband|wife|partner|grandson|granddaughter"
    r"|grandmother|grandfather|niece|nephew|aunt|uncle|cousin),? +\Z"
)
_CAPITAL_WORD = re.compile(r"\b[A-Z][\w'’-]+")


def _without_of(article: str, name: str) -> str:
    """`Tomas Vale of Norland` -> `Tomas Vale`: a person's name ends before `of` (an
    organisation's does not: `Bank of England`)."""
    before, of, _ = name.partition(" of ")
    person = of and " " in before and entities.mention_type(article, before) == entities.PERSON
    return before if person and not ORGANISATION_WORD.search(before) else name


def _by_head(article: str, mention: Mention) -> Mention | None:
    """`the council` -> the `Eastmouth Borough Council` the article names (the nearest earlier one,
    else the first after: headlines come before the name)."""
    words = mention.text.split()
    if len(words) > 3 or words[-1].lower().rstrip("s") in ("", "he", "it"):
        return None
    if words[0].lower() in _MANY:  # `other African nations`: many, not the `United Nations`
        return None
    head = words[-1].lower()
    last = _last_words(article)
    found = sorted(k for word in _HEAD_FORMS.get(head, ()) + (head,) for k in last.get(word, []))
    near = _indexed(article, found, mention.start - WINDOW, mention.start + WINDOW)
    names = [m for m in near if m.start() != mention.start]
    before = [m for m in names if m.end() <= mention.start]
    best = before[-1] if before else (names[0] if names else None)
    if not best:
        return None
    text, at = best.group(), best.start()
    opening = re.match(r"[A-Z][\w-]* of (?=[A-Z])", text)  # `Images of Norland International Airlines`
    if opening and entities.only_sentence_initial(article, text.split()[0]):
        text, at = text[opening.end() :], at + opening.end()
    return Mention(at, at + len(text), text, "name")


_BODY_KINDS = entities.REFERRING_ORG_NOUNS | word_set("club")  # not a public body: `the government` is recorded so


def _body_opening(article: str, mention: Mention) -> Mention | None:
    """`the airline` where no name of the article is written with that kind's word: the name that
    opens the sentence before the article's first `the [...] airline` (`Vale Air will drop the route.
    The airline said ...`), as news names a body and then refers to it by its kind; a sentence that
    opens with `It` is passed over. A name that a he/she or a title follows is no body."""
    words = mention.text.split()
    noun = words[-1].lower()
    if len(words) > 3 or words[0].lower() != "the" or noun not in _BODY_KINDS:
        return None
    start, end = window_slice(mention.start)
    first = next((at for at in occurrences(article, noun, start, end) if _the_before(article, at)), None)
    if first is None:
        return None
    at = _sentence_start(article, first)
    for _ in range(2):  # the sentence before, and one more where it opens with `It`
        if at <= 0:
            return None
        before_at = _sentence_start(article, at - 1)
        if article[before_at : before_at + 1].isdigit() or article[before_at : before_at + 1].islower():
            before_at = _sentence_start(article, before_at - 1)  # cut after an abbreviation: `on Jan. 6, ...`
        found = subject_mention(SentenceSpan(before_at, article[before_at:at].rstrip(), False), article)
        if found is None or found.kind == "pronoun" and found.text.lower() != "it":
            return None
        if found.kind == "name":  # of two words or more: not a country, nor a capitalised plural (`Traders`)
            body = " " in found.text and _gender(article, found.text.split()[-1], found.start) is None
            return found if body else None
        if found.kind != "pronoun":
            return None
        at = before_at
    return None


def _the_before(article: str, at: int) -> bool:
    """`the` within the two words before offset `at` (`the airline`, `the Harbour-based airline`)."""
    return "the" in article[max(0, at - 40) : at].lower().split()[-2:]


_MANY = word_set("other others both many several some all most few various two three four five")


# how an organisation's name writes the noun an article refers back to it with (`the airline` ->
# `Norland International Airlines`, `the centre` -> `Northern Tide Warning Center`, `the company`
# -> `NRT Corporation`)
_HEAD_FORMS = {
    "airline": ("airlines", "airways"),
    "centre": ("center",),
    "center": ("centre",),
    "company": ("corporation", "corp.", "inc.", "ltd", "ltd.", "plc"),
    "organisation": ("organization",),
    "organization": ("organisation",),
}


# a role noun and the other titles an article writes before that person's name (`the judge` for `Mr
# Justice Brenner`, `the officer` for `PC Gemma Shields`, `the general` for `Gen. Ana Ruiz`)
_ROLE_TITLES = {
    "judge": "Justice",
    "officer": "PC Constable Sergeant Sgt Detective Det DC DS Inspector Insp",
    "general": "Gen",
    "doctor": "Dr",
    "professor": "Prof",
    "senator": "Sen",
    "governor": "Gov",
    "captain": "Capt",
    "colonel": "Col",
    "lieutenant": "Lt",
    "sergeant": "Sgt",
    "inspector": "Insp",
    "detective": "Det",
    "councillor": "Cllr",
    "pontiff": "Pope",  # `The pontiff remembered` -> `Pope Clement`
}


def _other_titles(role: str) -> str:
    """The titles of `_ROLE_TITLES` for a role, as a regex alternation (case as written)."""
    return "|".join(re.escape(t) for t in _ROLE_TITLES.get(role.lower(), "").split())


def _role_sources(word: str) -> tuple[str, str, str | None]:
    """The regex sources of the three forms that name a role's holder: the role before a full name
    (`minister `, `Gen. `), what follows a full name up to the role (`, the finance minister`), and
    another title with a surname alone (`Justice Brenner`, for `judge`; None where there is none)."""
    others = _other_titles(word)
    head = rf"(?i:{re.escape(word)}s?)\b" + (rf"|(?:{others})\.?" if others else "")  # `Gen.`: no sentence end
    before = rf"\b(?:{head}),? +"
    after = rf", +(?i:the|a|an) +[\w '’-]{{0,40}}?\b(?i:{re.escape(word)}s?)\b"
    by_surname = rf"\b((?:{others})\.? +{NAME_WORD})\b" if others else None
    return before, after, by_surname


@functools.lru_cache(maxsize=512)
def _role_pattern(word: str) -> re.Pattern:
    """`minister` -> `minister(s), NAME` or `NAME, the ... minister(s)`; `judge` also `Justice NAME` and
    `Justice Brenner` (another title, and a title written with a surname alone), as one regex: what
    `_role_names` finds (the tests hold them to it), which costs 3 ms to compile per role word."""
    before, after, by_surname = _role_sources(word)
    full = FULL_NAME.pattern
    return re.compile(rf"{before}({full})|({full}){after}" + (f"|{by_surname}" if by_surname else ""))


@functools.lru_cache(maxsize=512)
def _role_forms(word: str) -> tuple[re.Pattern, re.Pattern, re.Pattern | None]:
    """`_role_sources` compiled one by one, without the full-name pattern (a twentieth of the cost)."""
    before, after, by_surname = _role_sources(word)
    return re.compile(before), re.compile(after), re.compile(by_surname) if by_surname else None


def _role_names(article: str, word: str, start: int, end: int) -> Iterator[re.Match]:
    """The names `_role_pattern(word).finditer(article, start, end)` captures, in order, found with
    `FULL_NAME` and the forms of `_role_forms`: each form's first match from a place, the leftmost
    taken (on a tie, the form the pattern writes first), then on from its end, as `finditer` goes.
    A full name holds no comma, so the longest one matched at a place (what `FULL_NAME` gives) is
    the only one that `, the ... minister` can follow."""
    before, after, by_surname = _role_forms(word)
    pos = start
    while True:
        found = []  # (start, form, end, name)
        role = before.search(article, pos, end)
        while role and not FULL_NAME.match(article, role.end(), end):
            role = before.search(article, role.start() + 1, end)
        if role:
            name = FULL_NAME.match(article, role.end(), end)
            found.append((role.start(), 0, name.end(), name))
        name = FULL_NAME.search(article, pos, end)
        while name and not after.match(article, name.end(), end):
            name = FULL_NAME.search(article, name.start() + 1, end)
        if name:
            found.append((name.start(), 1, after.match(article, name.end(), end).end(), name))
        titled = by_surname.search(article, pos, end) if by_surname else None
        if titled:
            found.append((titled.start(), 2, titled.end(), titled))
        if not found:
            return
        _, _, pos, name = min(found, key=lambda f: f[:2])
        yield name


def _speaker_by_role(article: str, mention: Mention, speakers: list[Mention]) -> Mention | None:
    """`The president said` after `President Vale` spoke -> Vale's full name: of the last three
    speakers, the latest the article wrote with that role before their surname (within WINDOW):
    the role (or another title of it), up to two more names, the surname (`President Vale`,
    `president Tomas R. Vale`, `PC Shields` for `officer`)."""
    role = mention.text.split()[-1].lower()
    if role not in ROLE_WORDS or len(mention.text.split()) > 3:
        return None
    start = max(0, mention.start - WINDOW)
    titles = [m.end() for m in _title_pattern(role).finditer(article, start, mention.start)]  # one scan for all three
    for s in reversed([s for s in speakers if s.kind == "name"][-3:]):
        if any(_surname_after(article, at, s.text.split()[-1], mention.start) for at in titles):
            return s
    return None


@functools.lru_cache(maxsize=512)
def _title_pattern(role: str) -> re.Pattern:
    """The role, or another title of it, and the spaces after it (`President `, `PC `, `Gen. `)."""
    others = _other_titles(role)
    titles = rf"(?i:{re.escape(role)})" + (rf"|{others}" if others else "")
    return re.compile(rf"\b(?:{titles})\.? +")


_NAME_BETWEEN = re.compile(r"[A-Z][\w.'’-]* +")  # a name between the title and the surname (`George `, `W. `)
_BOUNDARY = re.compile(r"\b")


def _surname_after(article: str, at: int, surname: str, end: int) -> bool:
    """Whether `surname` (a whole word) stands at `at` or after one or two names (`Tomas R. Vale`)
    in article[:end]; each name and its spaces are read whole, as no shorter reading can be followed
    by another name or the surname. (One regex per role and surname cost 0.5 ms to compile.)"""
    for _ in range(3):
        if article.startswith(surname, at, end) and _BOUNDARY.match(article, at + len(surname), end):
            return True
        name = _NAME_BETWEEN.match(article, at, end)
        if not name:
            return False
        at = name.end()
    return False


def _by_role(article: str, mention: Mention) -> Mention | None:
    """`the minister` -> the nearest earlier name written with that role beside it."""
    word = mention.text.split()[-1].rstrip("s")
    found = None
    for start, end in _role_lines(article, word, max(0, mention.start - WINDOW), mention.start):
        for name in _role_names(article, word, start, end):
            if _works_for(article, name.end(), word):  # `NAME, the council's deputy returning officer`
                continue
            if name.group().split()[0].lower() in CAPITAL_STOP:  # `On Monday, the US embassy`: a time, no name
                continue
            if name.group()[:1].isupper() and not ORGANISATION_WORD.search(name.group()):  # `Justice Department`
                found = Mention(name.start(), name.end(), name.group(), "name")
    return found


def _works_for(article: str, at: int, word: str) -> bool:
    """Whether the description after a name at `at` holds `word` as a possessive (`, the council's
    deputy returning officer`, `, the hospital's head of emergency medicine`): the person works for
    the council, and is not what `the council` means."""
    found = _POSSESSIVE_ROLE.match(article, at)
    return bool(found) and found.group(1).lower().removesuffix("s") == word.lower()


_POSSESSIVE_ROLE = re.compile(r", +(?:[Tt]he|[Aa]n?) +(?:[\w-]+ +){0,4}?([\w-]+)['’]s\b")
_OF_PLACE = re.compile(r" +of +(?:the +)?[^,.;:!?\"“”\n]{1,40}, +")  # `minister of Norland, `


def _by_role_of(article: str, mention: Mention) -> Mention | None:
    """`The prime minister added` -> the name set after the role's `of` phrase and a comma earlier
    (`The prime minister of Norland, Ana Ruiz, said`, `the governor of the state of Eastmark, Tomas
    Vale`): the form `_by_role` does not read, as the nearest before within WINDOW."""
    word = mention.text.split()[-1].lower()
    if word not in ROLE_NOUNS:
        return None
    found = None
    for m in word_places(article, word, max(0, mention.start - WINDOW), mention.start):
        gap = _OF_PLACE.match(article, m.end(), mention.start)
        name = FULL_NAME.match(article, gap.end(), mention.start) if gap else None
        if name and not ORGANISATION_WORD.search(name.group()) and is_person(article, name.group(), name.start()):
            found = Mention(name.start(), name.end(), name.group(), "name")
    return found


def _by_capital_role(article: str, mention: Mention) -> Mention | None:
    """`the Education Minister said` (a role written in capitals after `the`, so taken for a name) -> the
    person written with that role and its modifier, in any case, earlier within WINDOW (`the state's
    education minister NAME`, `NAME, the education minister`)."""
    words = mention.text.split()
    if not 2 <= len(words) <= 3 or words[-1].lower() not in ROLE_WORDS or is_title(words[0]):
        return None
    if article[max(0, mention.start - 4) : mention.start].lower() != "the ":
        return None
    phrase, role = mention.text.lower(), words[-1].lower()
    found = None
    for start, end in _role_lines(article, role, max(0, mention.start - WINDOW), mention.start):
        for name in _role_names(article, role, start, end):
            around = article[max(0, name.start() - len(phrase) - 2) : name.end() + len(phrase) + 50].lower()
            if phrase in around and is_person(article, name.group(), name.start()):
                found = Mention(name.start(), name.end(), name.group(), "name")
    return found


def _by_role_verb(article: str, mention: Mention) -> Mention | None:
    """`the fisherman said`, `the committee chairman said`: the person the article described doing what
    the role's noun says, with `, who` and its verb (`NAME, 47, who fishes out of Port Ellery`, `NAME, who
    chairs the assembly's water committee`; the role's modifiers in the clause). Reads the WINDOW before."""
    words = mention.text.lower().split()
    verbs = _role_verbs(words[-1]) if len(words) > 1 and words[0] == "the" else frozenset()
    if not verbs:
        return None
    found = None
    for m in _WHO_DOES.finditer(article, max(0, mention.start - WINDOW), mention.start):
        clause = article[m.end(2) : m.end(2) + 80].lower()
        if m.group(2) in verbs and all(w in clause for w in words[1:-1]):
            found = m
    if found is None or not is_person(article, found.group(1), found.start(1)):
        return None
    return Mention(found.start(1), found.end(1), found.group(1), "name")


_WHO_DOES = re.compile(r"([A-Z][\w'’-]+(?: +[A-Z][\w'’-]+)+)(?:, +\d{1,3})?, +who +([a-z]+)\b")


@functools.lru_cache(maxsize=256)
def _role_verbs(role: str) -> frozenset[str]:
    """The present tenses a role's noun is made from (`fisherman` <- `fishes`, `chairman` <- `chairs`,
    `farmer` <- `farms`, `teacher` <- `teaches`); empty for a noun made from none."""
    base = next((role[: -len(s)] for s in ("woman", "man", "person", "er") if role.endswith(s)), "")
    if len(base) < 3:
        return frozenset()
    stems = {base, base[:-2]} if base.endswith("er") else {base}  # `fisher`-man: `fish`
    return frozenset(f"{stem}{end}" for stem in stems if len(stem) > 2 for end in ("s", "es"))


def _someone_new(mention: Mention) -> bool:
    """`One neighbour`, `Several teachers`, `teachers`: an indefinite or plural role is no named person
    the article wrote with that role (`next-door neighbour NAME`, `teacher NAME`)."""
    words = mention.text.lower().split()
    plural = words[-1].endswith("s") and words[-1][:-1] in ROLE_NOUNS
    return plural or (len(words) > 1 and words[0] in _INDEFINITE)


_INDEFINITE = word_set("one another several some many few")


def _headline_role(article: str, mention: Mention) -> Mention | None:
    """`Norland Prime Minister calls for talks` (a role in the headline, the article's first line) ->
    the first name written with that role after it (`Ana Ruiz, the Norland Prime Minister, said`)."""
    role = mention.text.split()[-1].lower()
    if role not in ROLE_NOUNS or not _in_heading(article, mention.start):
        return None
    for start, end in _role_lines(article, role, mention.end, min(len(article), mention.end + WINDOW)):
        for name in _role_names(article, role, start, end):
            if name.group()[:1].isupper() and is_person(article, name.group(), name.start()):
                return Mention(name.start(), name.end(), name.group(), "name")
    for name in _names_between(article, mention.end, mention.end + 600)[:8]:  # `NAME, minister of transport`
        described = article[name.end() : name.end() + 80].split(",")
        holds = len(described) > 2 and described[0] == "" and f" {role} " in f"{described[1].lower()} "
        if holds and is_person(article, name.group(), name.start()):
            return Mention(name.start(), name.end(), name.group(), "name")
    return None


def _in_heading(article: str, at: int) -> bool:
    """Whether `at` lies in the article's heading: its first paragraph (headline, standfirst, byline;
    one line in real news), where more follow."""
    return at < _heading_end(article)


@functools.lru_cache(maxsize=8)
def _heading_end(article: str) -> int:
    return max(0, article.find("\n\n"))  # no heading where no paragraph follows


def _speaker_referred(article: str, mention: Mention, speakers: list[Mention]) -> Mention | None:
    """`the news agency added` -> the latest speaker where it is a name the article types as no person
    (`Norpress said ...`; the entity layer does not know it for an organisation, so `by_type` finds none)."""
    words = mention.text.lower().split()
    if len(words) > 3 or words[0] != "the" or words[-1] not in entities.REFERRING_ORG_NOUNS or not speakers:
        return None
    latest = speakers[-1]
    name = latest.kind == "name" and entities.speaker_type(article, latest.text) != entities.PERSON
    return latest if name and abs(mention.start - latest.start) < WINDOW else None


def _by_modifier(article: str, mention: Mention) -> Mention | None:
    """`The interim president` -> the person written earlier in apposition with the same modifier and
    another role noun (`Karl Mansen, the interim leader of Kestria`): `_by_role` by the modifier."""
    words = mention.text.split()
    if not 2 < len(words) <= 4 or words[0].lower() != "the" or words[-1].lower() not in ROLE_NOUNS:
        return None
    for word in reversed(words[1:-1]):
        if word.islower() and word.isalpha() and word not in _NOT_DESCRIBING:
            found = _by_role(article, Mention(mention.start, mention.end, word, "np"))
            if found:
                return found
    return None


_NOT_DESCRIBING = word_set("new former then late other same first second last")  # say nothing of who


def _role_lines(article: str, word: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of article[start:end] (cut to it) where `word` (any case, plural too) stands where
    `_role_pattern` can hold it: before a name (`minister Ana Ruiz`) or after a comma and `the`, `a`
    or `an` (`Ana Ruiz, the finance minister`); and those that write one of its other titles
    (`Justice` for `judge`). The pattern never crosses a line break, so matching it on these lines
    finds what matching the whole window finds, without running it at every capital of a huge
    article's window (nor compiling it for a word no line can match)."""
    lines: dict[int, int] = {}  # where each line starts: a place inside it
    for m in word_places(article, word, start, end):
        comma = article.rfind(",", start, m.start())
        described = comma >= 0 and _DESCRIBED_AS.fullmatch(article, comma, m.start())
        if _NAME_NEXT.match(article, m.end(), end) or described:
            lines[max(start, article.rfind("\n", start, m.start()) + 1)] = m.start()
    others = _other_titles(word)
    for m in _titles_pattern(others).finditer(article, start, end) if others else ():
        lines[max(start, article.rfind("\n", start, m.start()) + 1)] = m.start()
    stops = [article.find("\n", at, end) for at in lines.values()]
    return sorted((line, end if stop < 0 else stop) for line, stop in zip(lines, stops, strict=True))


@functools.lru_cache(maxsize=64)
def _titles_pattern(others: str) -> re.Pattern:
    return re.compile(rf"\b(?:{others})")


_NAME_NEXT = re.compile(rf",? +(?:{PARTICLE})?[A-Z]")  # how `_role_pattern`'s two forms go on from the role
_DESCRIBED_AS = re.compile(r", +(?i:the|a|an) +[\w '’-]{0,40}?")  # and what they have before it


@functools.lru_cache(maxsize=512)
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(rf"\b(?i:{re.escape(word)}s?)\b")


def word_places(article: str, word: str, start: int, end: int) -> Iterator[re.Match]:
    """What `_word_pattern(word).finditer(article, start, end)` yields, found with `str.find` in the
    article in lower case where that finds the same (a case-insensitive regex reads a huge article's
    window ten times slower); for a word of letters and digits, without compiling its pattern
    (a new word's compile cost a fiftieth of who-said-it on a hundred articles)."""
    low = _lower(article) if word.isascii() else None
    if low is None:
        yield from _word_pattern(word).finditer(article, start, end)
        return
    plain = word.isalnum()
    pattern, w, n = None if plain else _word_pattern(word), word.lower(), len(word)
    at = low.find(w, start, end)
    while at >= 0:
        if plain:  # `\bword s?\b`: the run of word characters from `at` is the word, or it and an `s`
            m = _WORD_RUN.match(article, at, end)
            m = m if m and (m.end() - at == n or (m.end() - at == n + 1 and low[at + n] == "s")) else None
        else:
            m = pattern.match(article, at, end)
        if m:
            yield m
        at = low.find(w, m.end() if m else at + 1, end)


_WORD_RUN = re.compile(r"\b\w+")  # from a word's start, all its word characters (a boundary follows them)


@functools.lru_cache(maxsize=8)
def _lower(article: str) -> str | None:
    """The article in lower case where each character stays one and `(?i:...)` matches an ASCII word
    as the lower case does (not with `ı` or `ſ`, which it takes for `i` and `s`); else None."""
    low = article.lower()
    return low if len(low) == len(article) and "ı" not in article and "ſ" not in article else None
