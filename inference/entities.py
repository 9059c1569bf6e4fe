"""Entities: what an article's names and noun phrases refer to, with a type, for who-said-it.

`inference.mentions` finds the mention that names a quote's speaker; this module says what that
mention is (a person, an organisation, a document, a place or a date) and which of the
article's entities it refers back to:

- typing: `Harbour Freight Lines` and `WHO` are organisations, `the report` a document,
  `June` a date, `New Zealand` and `the city` places, `Ana Ruiz` a person;
- grouping: each entity keeps its fullest name (`Martha Davenport`), reached from a surname,
  a misspelt surname (`Daveport`), a head noun (`the company` -> the organisation named
  last) or a document noun (`the report` -> the report named last);
- guards on the mention: a date never speaks, `he`/`she` never names an organisation or a
  place, testimony (`The court heard he ...`) names no speaker, and a person's organisation
  (`Priya Raman of the Northfield Consumer Forum said`) gives way to the person.

Every look-up is over the article's entities indexed once (bisect on their offsets), never a
scan of the article per sentence.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PERSON, ORGANISATION, DOCUMENT, PLACE, DATE, UNKNOWN = "person", "organisation", "document", "place", "date", "unknown"
SPEAKER_TYPES = (PERSON, ORGANISATION, DOCUMENT, UNKNOWN)  # what `speaker_type` takes


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DATE_WORDS = word_set("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight""")
# head nouns of organisations; the first line's refer back to the organisation named last (`the
# company` -> `Harbour Freight Lines`), the rest are speakers as written (`the government said`)
REFERRING_ORG_NOUNS = word_set("""company firm carmaker automaker airline carrier retailer operator insurer manufacturer
    maker developer agency force charity broadcaster newspaper website organisation organization group""")
ORG_NOUNS = REFERRING_ORG_NOUNS | word_set("""group bank business ministry department government council club party
    union association authority board committee commission institute university hospital court police
    regulator network paper channel station team side federation league trust foundation movement coalition
    alliance administration""")
# one person described by a noun, whom a he or she can mean (`a spokesperson for NORSA ... he said`)
PERSON_NOUNS = word_set("""spokesperson spokesman spokeswoman official officer soldier lawmaker activist resident
    witness source minister president chancellor governor mayor senator judge chief executive secretary premier deputy
    coach captain professor councillor inspector detective sergeant constable director chair chairman chairwoman
    manager head leader king queen prince princess bishop commissioner attorney diplomat doctor nurse lawyer
    teacher farmer owner worker analyst economist expert researcher scientist engineer driver pilot victim
    investigator""")
# a group that speaks, as the annotators write it with what qualifies it (`Mainland Chinese officials`,
# `Officials from the Norland Legal Services Agency`, `Friends and family`)
GROUP_NOUNS = word_set("""officials members leaders clerics authorities sources workers investigators prosecutors
    analysts experts scientists researchers astronomers doctors residents lawmakers legislators politicians activists
    officers diplomats executives critics reports students teachers protesters protestors police troops soldiers
    families relatives parents observers witnesses associates supporters opponents campaigners economists engineers
    staff family friends colleagues lawyers investigations negotiators organisers organizers spokespeople delegates
    civilians villagers farmers locals eyewitnesses survivors employees""")
DOC_NOUNS = word_set("""report study statement survey letter declaration review audit document poll ruling filing
    release memo paper analysis assessment inquiry investigation judgment judgement verdict""")
PLACE_NOUNS = word_set("""city town village country region capital state province island district area
    neighbourhood neighborhood county suburb nation continent""")
_ORG_WORD = re.compile(
    r"\b(?:Airlines?|Airways|Lines|Motors?|Co|Corp|Inc|Ltd|plc|LLC|Group|Company|Bank|Agency|Ministry|"
    r"Department|Council|Committee|Commission|Forum|Union|Association|Authority|Board|Party|Institute|"
    r"University|Hospital|Court|Police|Force|Army|Navy|Service|Services|Office|Trust|Foundation|Club|"
    r"Federation|League|Network|News|Times|Post|Herald|Gazette|Journal|Television|Radio|Press|Organi[sz]ation|"
    r"Flight|Movement|Brotherhood|Government|Administration|Parliament|Senate|Congress|Assembly|"
    r"Industries|Holdings|Partners|Systems|Technologies|Media|Channel|Broadcasting|Corporation|Society|Chamber|"
    r"Bureau|Centre|Center|Council|Nations|Records|Plc|TV|Olympics|Games|Championships?|Festival|Summit|"
    r"FC|AFC|CF|Liga|Bundesliga)(?![\w-])"
)
# `Park` only ends a place's name (`Vale Park`): first, it is a surname (`Park Min-jun`)
_PLACE_WORD = re.compile(
    r"\b(?:Street|Road|Avenue|Square|Bridge|River|Lake|Bay|Beach|Island|Islands|Valley|Creek|Park$|Mountains?|"
    r"Province|Region|County|City|Town|Airport|Station|Peninsula|Gulf|Sea|Ocean|Coast|Strait)\b"
)
COUNTRIES = word_set("""afghanistan australia austria bangladesh belgium brazil britain canada chile china colombia
    cuba denmark egypt england france germany greece india indonesia iran iraq ireland israel italy japan
    jordan kenya korea lebanon libya malaysia mexico morocco nepal netherlands nigeria norway pakistan peru
    philippines poland portugal russia scotland somalia spain sudan sweden switzerland syria taiwan thailand
    tunisia turkey uganda ukraine vietnam wales yemen zimbabwe europe africa asia america""")
# what a name is written after to say where the person is from (`Kestrian Ana Ruiz`)
NATIONALITIES = word_set("""afghan american australian austrian belgian brazilian british canadian chinese colombian
    cuban danish dutch egyptian english french german greek indian indonesian iranian iraqi irish israeli italian
    japanese jordanian kenyan korean lebanese libyan malaysian mexican moroccan nepalese nigerian norwegian
    pakistani palestinian peruvian filipino polish portuguese romanian russian saudi scottish somali spanish
    sudanese swedish swiss syrian taiwanese thai tunisian turkish ugandan ukrainian vietnamese welsh yemeni
    african european asian arab latin swede briton dane spaniard frenchman frenchwoman dutchman englishman
    englishwoman irishman scotsman welshman omani qatari kuwaiti emirati bahraini""")
_MULTI_COUNTRIES = (
    "united states",
    "united kingdom",
    "new zealand",
    "south africa",
    "saudi arabia",
    "sri lanka",
    "hong kong",
    "north korea",
    "south korea",
    "latin america",
    "south america",
    "north america",
    "central america",
    "middle east",
)
# states and provinces a person is written as `of` (`NAME of New Jersey said`): places, never speakers
_ONE_WORD_STATES = word_set("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
    virginia wisconsin wyoming ontario quebec alberta manitoba saskatchewan queensland tasmania victoria""")
_TWO_WORD_STATES = """new jersey, new york, new mexico, new hampshire, north carolina, south carolina, north dakota,
    south dakota, west virginia, rhode island, british columbia, nova scotia, new south wales, western australia"""
STATES = _ONE_WORD_STATES | frozenset(re.split(r",\s*", _TWO_WORD_STATES))
_PLACE_PREPOSITIONS = word_set("in at near outside across")  # not `from`: `heard from Alan Brodie`
_PERSON_TITLES = word_set("""mr mrs ms miss dr prof sir dame lord lady president minister senator judge mayor coach
    captain chief spokesman spokeswoman spokesperson director chairman chairwoman chair governor secretary
    professor inspector detective sergeant officer manager leader king queen prince bishop councillor
    ambassador envoy lieutenant commander admiral colonel prosecutor editor coroner""")
# verbs of saying and believing that real news uses and the core list of inference/mentions.py lacks
MORE_SPEECH_VERBS = word_set("""reveal indicates indicated identifies identified expressed blames blamed criticised
    criticized praised condemned condemns affirmed affirms commented informed informs requested
    reiterated reiterates asserted asserts mentioned reflected
    deny warn insist urge admit argue confirm predict accuse allege contend condemn threaten
    demanded rejected rejects denounced denounces threatened threatens vowed questioned clarified
    clarifies highlighted appealed stating reaffirmed underlined repeated pleaded pleads justified""")
# not `comments`, `mentions`, `demands`, `vows`: nouns
ABBREVIATIONS = word_set("inc co corp ltd jr sr bros")  # their period is part of the name (`Orchard Inc.`)
_INITIAL = re.compile(r"[A-Z]\.")
_DATE_PREPOSITIONS = word_set("in on since until by from last next early late mid before after during")
_PRONOUN_TYPES = {"he": PERSON, "she": PERSON, "i": PERSON, "we": UNKNOWN, "they": UNKNOWN, "it": ORGANISATION}
_CONNECTOR = r"(?:of|the|de|van|von|al|da|del|di|la|le|for|and)"
# `[A-Z](?<=\b[A-Z])`, not `\b[A-Z]`: a pattern that opens with a character class lets the regex engine
# skip to the next capital instead of trying the pattern at every position (half the scan's time)
_NAME = re.compile(
    rf"[A-Z](?<=\b[A-Z])[\w'’\-]*(?:\.(?:com|org|net)\b)?\.?(?:(?: +{_CONNECTOR} )* *[A-Z][\w'’\-]*\.?)*"
)
_TESTIMONY = re.compile(
    r"\b(?:court|jury|inquest|tribunal|hearing|trial|inquiry)\s+(?:was\s+told|heard)\b(?!\s+from)", re.IGNORECASE
)


@dataclass(frozen=True)
class Entity:
    """One thing an article names: its fullest name, where that is written, and its type."""

    name: str
    start: int
    end: int
    type: str


@functools.lru_cache(maxsize=8192)  # asked again for the same names by every rule of every quote sentence
def mention_type(article: str, text: str) -> str:
    """person / organisation / document / place / date / unknown for a mention of the article."""
    words = [w.strip(".,;:'’\"") for w in text.split()]
    words = [w for w in words if w] or [""]
    low = [w.lower() for w in words]
    if low[0] in _PRONOUN_TYPES and len(words) == 1:
        return _PRONOUN_TYPES[low[0]]
    if low[0] in DATE_WORDS and all(w in DATE_WORDS or w.isdigit() for w in low):  # `June`, `March 30`
        return DATE
    head = group_head(" ".join(words))
    if head and " " in text and head.removesuffix("s") not in DOC_NOUNS:  # `Doctors in Eastport`, not `UN reports`
        return ORGANISATION if head == "police" else UNKNOWN
    if not words[-1][:1].isupper():  # a noun phrase: its head decides
        head = low[-1].removesuffix("s") if low[-1] not in ("news", "press") else low[-1]
        if head in DOC_NOUNS or low[-1] in DOC_NOUNS:
            return DOCUMENT
        if head in PLACE_NOUNS:
            return PLACE
        if head in ORG_NOUNS or low[-1] in ("police", "government"):
            return ORGANISATION
        return UNKNOWN
    return name_type_of(article, " ".join(words))


@functools.lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given names of many countries and their gender (m, f, or - where used for both): given_names.tsv."""
    path = Path(__file__).with_name("given_names.tsv")
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")
    return {name: gender for name, gender in rows}


def given_gender(name: str) -> str | None:
    """m/f where a person's full name opens with a given name of one gender (`Lena Brandt`), else None."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in _PERSON_TITLES]
    gender = given_names().get(words[0]) if len(words) >= 2 else None
    return gender if gender in ("m", "f") else None


def never_speaks(article: str, name: str) -> bool:
    """A place that is no country (`the Kestrel Strait`, `Eastmark`, `Nordby`): a country speaks for its
    government (`Iran said`), a sea, a state or a town does not."""
    bare = name.lower().removeprefix("the ")
    if bare in COUNTRIES or bare in _MULTI_COUNTRIES or bare in NATIONALITIES:  # `Omani authorities`
        return False
    return mention_type(article, name) == PLACE


def group_head(text: str) -> str | None:
    """The group noun a speaker is named by, before what qualifies it (`Officials from the Norland
    Legal Services Agency`, `Friends and family`, `Mainland Chinese officials`); None for no group."""
    head = _QUALIFIER.split(text.lower())[0].split()
    return head[-1] if head and head[-1] in GROUP_NOUNS else None


_QUALIFIER = re.compile(r" (?:in|at|from|of|for|and) ")


@functools.lru_cache(maxsize=4096)  # asked for every candidate name of every quote sentence
def name_type_of(article: str, name: str) -> str:
    low = name.lower()
    organisation, web, place, document = _name_words(name)
    if organisation or _acronym(article, name) or web:
        return ORGANISATION
    bare = low.removeprefix("the ")
    if place and _written_as_person(article, name):  # `Hyun-woo Park, who owns the shop`, `coroner NAME Lake`
        return PERSON
    if place or bare in COUNTRIES or bare in _MULTI_COUNTRIES or bare in STATES:
        return PLACE
    if document:
        return DOCUMENT
    if written_with_title(article, name):
        return PERSON
    if _written_as_place(article, name):
        return PLACE
    return PERSON if " " in name else UNKNOWN


@functools.lru_cache(maxsize=8192)  # a name is typed in each article and sentence that writes it
def _name_words(name: str) -> tuple[bool, bool, bool, bool]:
    """What the name's own words make it: an organisation's, a web address, a place's, a document's."""
    found = _ORG_WORD.search(name), _WEB_ADDRESS.search(name.lower()), _PLACE_WORD.search(name), _DOC_WORD.search(name)
    return tuple(f is not None for f in found)


def organisation_by_words(name: str) -> bool:
    """Whether a name's own words make it an organisation's (`Northern Motors`, `Norland Ferry Lines`)."""
    return bool(_ORG_WORD.search(name))


_WEB_ADDRESS = re.compile(r"\.(?:com|org|net)\b")
_DOC_WORD = re.compile(r"\b(?:Report|Study|Survey|Review|Declaration|Act|Treaty|Convention|Plan|Bill|Article)\b")


def _acronym(article: str, name: str) -> bool:
    """`WHO`, `NISA`: capitals only, never a dateline (`PARIS:`), a road (`A1`) or a currency."""
    if not (name.isalpha() and name.isupper() and 1 < len(name) <= 6) or name in _NOT_ACRONYMS:
        return False
    return not _labelled(article, name)  # `PARIS:`, `Washington, DC`


@functools.lru_cache(maxsize=4096)
def _labelled(article: str, word: str) -> bool:
    """Whether the article writes `word`, a whole word, before a colon or a dash (`PARIS:`) or after a
    comma (`Washington, DC`). Read at the word's occurrences only: a scan of every word of the
    article, for the one or two acronyms an article asks about, cost more than all its look-ups."""
    if not all(map(_word_char, word)):
        return False
    for at in _whole_words(article, word):
        if _LABEL_AFTER.match(article, at + len(word)) or (at >= 2 and article.startswith(", ", at - 2)):
            return True
    return False


_LABEL_AFTER = re.compile(r" *[:—–-]")


def _whole_words(article: str, word: str) -> Iterator[int]:
    """Where `word` is written with no word character (`\\w`) on either side."""
    at = article.find(word)
    while at != -1:
        end = at + len(word)
        if not (at and _word_char(article[at - 1])) and not (end < len(article) and _word_char(article[end])):
            yield at
        at = article.find(word, at + 1)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what the regex `\w` matches


_NOT_ACRONYMS = word_set("EUR USD GBP UK US UTC GMT BST CET CEST EST EDT PST PDT AEST AM PM TV")


def written_before_who(article: str, name: str) -> bool:
    """Written before `, who` somewhere in the article (a person: a place takes `where` or `which`)."""
    places = capitalised(article).get(name.split()[0], ()) if " " in name else ()
    return any(article.startswith(name + ", who ", at) for at in places)


def person_with_place_word(article: str, name: str) -> bool:
    """A name ending like a place's that the article writes as a person's: before `, who` or after a
    title or role (`Area coroner Jacqueline Lake`)."""
    return _name_words(name)[2] and _written_as_person(article, name)


def _written_as_person(article: str, name: str) -> bool:
    return written_before_who(article, name) or written_with_title(article, name)


def written_with_age(article: str, name: str) -> bool:
    """Written before an age in apposition somewhere in the article (`Margaret Price, 84, has ...`): a person."""
    places = capitalised(article).get(name.split()[0], ()) if " " in name else ()
    return any(article.startswith(name + ", ", at) and _AGE.match(article, at + len(name)) for at in places)


_AGE = re.compile(r", \d{1,3},")


def written_with_title(article: str, name: str) -> bool:
    """Written after a title or a role (`Mr Pocock`, `coach Daniel Reyes`) somewhere in the article."""
    return any(w in _PERSON_TITLES for w in _words_before(article, name))


def _written_as_place(article: str, name: str) -> bool:
    """Written after `in`/`at` (`in Santa Rosa de Osos`) somewhere in the article."""
    return any(w in _PLACE_PREPOSITIONS for w in _words_before(article, name))


@functools.lru_cache(maxsize=256)  # one pass per article; names are then looked up, not searched for
def capitalised(article: str) -> dict[str, list[int]]:
    """Where each capitalised word of the article is written."""
    out: dict[str, list[int]] = {}
    for m in _CAPITALISED.finditer(article):
        places = out.get(word := m.group())
        if places is None:  # not `setdefault`, which makes a list for every word to throw away
            out[word] = [m.start()]
        else:
            places.append(m.start())
    return out


_CAPITALISED = re.compile(r"[A-Z](?<=\b[A-Z])[\w'’\-]*")  # `\b[A-Z]...`, opening with the class (as `_NAME`)


def occurrences_before(article: str, word: str, at: int) -> int:
    """How often the capitalised `word` is written before offset `at` (an index look-up)."""
    return bisect.bisect_left(capitalised(article).get(word, []), at)


@functools.lru_cache(maxsize=4096)  # `written_with_title`, then `_written_as_place` ask for the same name
def _words_before(article: str, name: str) -> tuple[str, ...]:
    """The word written before each occurrence of `name` (`the` skipped), lower case."""
    out = []
    for at in capitalised(article).get(name.split()[0], ()):
        if article.startswith(name, at):
            before = article[max(0, at - 40) : at].lower().split()
            before = before[:-1] if before[-1:] == ["the"] else before
            word = before[-1].rstrip(".,:") if before else ""
            if before and before[-1][-1] in ".:!?":  # `... to step in. NAME said`: a sentence ended there
                word = ""
            if word in _PLACE_PREPOSITIONS and article.startswith(("'s ", "’s "), at + len(name)):
                word = ""  # `In NAME's compound`: the place is the compound, not NAME
            out.append(word)
    return tuple(out)


@functools.lru_cache(maxsize=256)  # one index per article, shared by all its quote sentences
def _written(article: str) -> tuple[tuple[str, int, int], ...]:
    """Every capitalised name of the article (name, start, end), in order (sentence-initial function
    words and bylines left out), untyped: typing every name of an article cost a tenth of who-said-it,
    and the look-ups that read this index ask a name's form first and type the few that fit."""
    out = []
    for m in _NAME.finditer(article):
        text = m.group()
        if " " not in text and text[-1] != ".":  # one word, as most are: what the steps below leave of it
            if text.lower() not in _LEADING_OR_TRAILING:
                out.append((text, m.start(), m.end()))
            continue
        words = text.split()
        # `Marlow Valve Co.`, `Joris V.`: the period of an abbreviation or an initial ending a name is its own
        if not (len(words) > 1 and (words[-1][:-1].lower() in ABBREVIATIONS or _INITIAL.fullmatch(words[-1]))):
            text = text.rstrip(".")
            words = text.split()
        while words and words[0].lower() in _LEADING:
            words.pop(0)
        while words and words[-1].lower() in ("of", "the", "for", "and"):
            words.pop()
        if not words:
            continue
        text = " ".join(words)
        start = m.start() + m.group().index(words[0])
        out.append((text, start, start + len(text)))
    return tuple(out)


_LEADING = word_set("""the a an but and yet so in on at for as after before when while if he she they it we i his her
    their its this that these those there then however meanwhile still also now last earlier later our my what
    why how who one some many most according speaking asked""")
_LEADING_OR_TRAILING = _LEADING | {"of", "the", "for", "and"}


def _starts(article: str) -> list[int]:
    return [start for _, start, _ in _written(article)]


_starts = functools.lru_cache(maxsize=256)(_starts)


def _written_before(article: str, at: int, window: int = 40) -> list[tuple[str, int, int]]:
    """The (at most `window`) names of `_written` that end before `at`, nearest first."""
    k = bisect.bisect_left(_starts(article), at)
    return [n for n in reversed(_written(article)[max(0, k - window) : k]) if n[2] <= at]


def by_type(article: str, text: str, start: int) -> Entity | None:
    """`the company`, `the report`: the nearest earlier organisation or document the article names
    (else the first one after: a standfirst comes before the name)."""
    words = text.lower().split()
    if len(words) == 3 and words[1].endswith("-based"):  # `the Utrecht-based insurer`: the insurer named
        words = [words[0], words[2]]
    want = mention_type(article, text)
    # only a bare `the company`: `the national disaster agency` is a speaker as written
    if len(words) != 2 or words[0] not in ("the", "its") or not (want == DOCUMENT or words[1] in REFERRING_ORG_NOUNS):
        return None

    window = article[max(0, start - 1500) : start]
    # the pattern ends with a space and the noun: compiled and run only where the window holds those
    pattern = rf"\b(?:the|a|an|its|\w+['’]s) (?:(?!{_NOT_MODIFIERS})[a-z][\w-]* ){{1,3}}{words[1]}\b"
    if f" {words[1]}" in window and re.search(pattern, window):
        return None  # the article described it in lower case (`the national disaster agency`): keep that

    def fits(name: str, first: int, end: int) -> Entity | None:  # `the report` -> `the Harbour Report`
        if words[1] in _OUTLET_NOUNS and not outlet(name):  # `the newspaper` is no `unity government`
            return None
        if not (want == ORGANISATION or words[1] in name.lower().split()):
            return None
        e = Entity(name, first, end, mention_type(article, name))  # typed last: few names get this far
        public = _PUBLIC_BODY_WORDS.intersection(name.lower().split()) or _dateline(article, e)
        if words[1] in _BUSINESS_NOUNS and public:
            return None  # `the company` is no police force, court or union, nor the town of a dateline
        described = want == ORGANISATION and e.type in (PERSON, UNKNOWN, PLACE) and described_organisation(article, e)
        return e if e.type == want or described else None

    before = next((e for e in (fits(*n) for n in _written_before(article, start)) if e), None)
    if before:
        return before
    k = bisect.bisect_left(_starts(article), start)
    after = (fits(*n) for n in _written(article)[k : k + 40] if n[1] > start)
    return next((e for e in after if e), None)


_BUSINESS_NOUNS = word_set("""company firm carmaker automaker airline carrier retailer operator insurer manufacturer
    maker developer broadcaster""")
_PUBLIC_BODY_WORDS = word_set(
    "police court union council ministry department government commission tribunal parliament"
)


def _dateline(article: str, e: Entity) -> bool:
    """`KITWE, Zambia, Sept 12 (Wire) -`: a town in capitals opening a line before a comma."""
    return e.name.isupper() and article.startswith(",", e.end) and (e.start == 0 or article[e.start - 1] == "\n")


def outlet(name: str) -> bool:
    """A news outlet by its name: a paper's or broadcaster's word (`The Harbour Herald`, `Norland Daily News`), a
    web address (`Znak.com`), or an acronym (`BBC`)."""
    return bool(_OUTLET_WORD.search(name) or _WEB_ADDRESS.search(name)) or (name.isupper() and len(name) <= 5)


_OUTLET_NOUNS = word_set("newspaper paper website broadcaster")
_OUTLET_WORD = re.compile(
    r"\b(?:News|Times|Post|Herald|Gazette|Journal|Tribune|Daily|Telegraph|Guardian|Observer|Mail|Express|"
    r"Standard|Chronicle|Press|Television|TV|Radio|Broadcasting|Channel|Reuters|Xinhua|Interfax)\b"
)


def described_organisation(article: str, e: Entity) -> bool:
    """A name the article describes as an organisation where its words do not show one: after a
    lower-case organisation noun (`bicycle maker Radwerk Nord`), before one in apposition (`Nordvind,
    the Danish regional airline`), or as the subject of an `its` (`Kestrel Semiconductor opened its
    plant`). Reads the few words either side of this mention."""
    before = article[max(0, e.start - 30) : e.start].split()[-1:]
    if before and before[0] in ORG_NOUNS | _MORE_ORG_NOUNS:
        return True
    return bool(_ORG_DESCRIBED.match(article, e.end, e.end + 80))


_MORE_ORG_NOUNS = word_set("supplier producer chain brand startup lender exporter")
_ORG_DESCRIBED = re.compile(
    rf"(?:, +(?:the|a|an) +(?:[\w-]+ +){{0,4}}(?:{'|'.join(sorted(ORG_NOUNS | _MORE_ORG_NOUNS))})\b"
    r"|, +which\b| +(?:(?!(?:said|says|told|added)\b)[a-z]+ +){1,8}its\b)"
)


def document_in_full(article: str, start: int, end: int) -> Entity | None:
    """A document's name written at article[start:end], with the year before it and the subject after
    it that the article writes there (`the 2011 Eastport Development Report on Rural Schools and
    Development`, as the annotators record a report); None for no document, or nothing to add."""
    if mention_type(article, article[start:end]) != DOCUMENT:
        return None
    year = re.search(r"\b(?:1[89]|20)\d\d +\Z", article[max(0, start - 8) : start])
    subject = _DOC_SUBJECT.match(article, end)
    if not (year or subject):
        return None
    start, end = start - (len(year.group()) if year else 0), subject.end() if subject else end
    return Entity(article[start:end], start, end, DOCUMENT)


_DOC_SUBJECT = re.compile(r" +(?:on|of) +(?:the +)?[A-Z][\w'’-]*(?: +(?:(?:and|of|the|for|in) +)*[A-Z][\w'’-]*)*")
# words that are no modifier of a noun: `Vale's expulsion from the club` describes no group
_NOT_MODIFIERS = r"(?:from|of|in|at|to|for|with|by|on|into|the|a|an|and|or|but|as)\b"


def surname_before(article: str, word: str, at: int, window: int = 200) -> bool:
    """Whether `word` is the last word of a longer name of a person or an organisation written within
    `window` names before `at` (`Vale` after `Tomas Vale`; `Ruiz` after `Omar Brenn and Ana Ruiz`)."""
    for full, _, _ in _written_before(article, at, window):
        parts = full.split(" and ")  # `Omar Brenn and Ana Ruiz`: one name of the index
        ends = any(part != word and part.split()[-1] == word for part in parts)
        if ends and mention_type(article, full) in (PERSON, ORGANISATION):  # typed last: few get this far
            return True
    return False


def misspelt_person(article: str, word: str, at: int) -> Entity | None:
    """`Daveport` -> the earlier `Martha Davenport`: a person whose surname is one edit away."""
    if len(word) < 5 or not word[:1].isupper():
        return None
    k, n = bisect.bisect_left(_starts(article), at), len(word)
    written, surnames = _written(article), _surnames(article)
    for j in range(k - 1, max(0, k - 40) - 1, -1):  # `_written_before`, nearest first
        lasts = surnames[j]  # most names are one word: none
        if not lasts or written[j][2] > at:
            continue
        if not any(len(s) - 1 <= n <= len(s) + 1 and s != word and _one_edit(s, word) for s in lasts):
            continue  # no surname of it is one edit away: its parts are read below only where one is
        full, first, _ = written[j]
        offset = 0
        for part in full.split(" and "):  # `Prime Minister Karl Holmberg and President Ana Lindqvist`
            words = part.rstrip(".").split()
            if len(words) > 1 and words[-1] != word and _one_edit(words[-1], word):
                if mention_type(article, full) != PERSON:
                    break
                while len(words) > 2 and words[0].lower() in _TITLE_WORDS:
                    words.pop(0)
                name = " ".join(words)
                start = first + full.index(name, offset)
                return Entity(name, start, start + len(name), PERSON)
            offset += len(part) + 5
    return None


@functools.lru_cache(maxsize=256)  # with `_written`: one per article
def _surnames(article: str) -> tuple[tuple[str, ...], ...]:
    """For each name of `_written`, the last words of its names of two words or more (each of `A and B`)."""
    out = []
    for full, _, _ in _written(article):
        parts = [part.rstrip(".").split() for part in full.split(" and ")] if " " in full else ()
        out.append(tuple(words[-1] for words in parts if len(words) > 1))
    return tuple(out)


_TITLE_WORDS = _PERSON_TITLES | {"prime", "deputy", "vice", "foreign"}


def family_name(article: str, word: str, at: int, window: int) -> Entity | None:
    """`Tomas` -> `Tomas Vale` where the article writes `Tomas and Ana Vale` (or `Omar,
    Lina and Sara Brenn`) within `window` of `at` and writes the first name before the surname
    alone somewhere (`Ana said`): a couple or family sharing one surname, whom the article then
    calls by first names. `Ana and Marek Holt` is no family: `Marek` is never written alone.
    The span is the whole phrase. Index look-ups on the places of `word` only."""
    if " " in word or not word[:1].isupper() or word.isupper():
        return None
    places = capitalised(article).get(word, [])
    for p in places[bisect.bisect_left(places, at - window) : bisect.bisect_right(places, at + window)]:
        m = _FAMILY.match(article, p + len(word))
        if not m or m.group(2).lower() in _FAMILY_STOP:
            continue
        if not (_alone(article, m.group(1), m.start(1), window) or _a_couple(article, m.end())):
            continue
        name = f"{word} {m.group(2)}"
        if mention_type(article, f"{m.group(1)} {m.group(2)}") == PERSON:
            return Entity(name, p, m.end(), PERSON)
    return None


_FAMILY = re.compile(r"(?:, +[A-Z][a-z'’-]+)*,? +and +([A-Z][a-z'’-]+) +([A-Z][\w'’-]+)\b(?! +[A-Z])")
_FAMILY_STOP = word_set("of the for and")


def _a_couple(article: str, end: int) -> bool:
    """`Aoife and Darragh Kiely, both teachers, ...`, `... The couple rent a flat`: the article says the
    two share the surname as a couple or pair (`both` right after, `couple` within 300 characters)."""
    return article.startswith(", both ", end) or article.find("couple", end, end + 300) >= 0


def _alone(article: str, first: str, skip: int, window: int) -> bool:
    """Whether the first name `first` is written within `window` of `skip` (not at it) with no
    capitalised word after it (an index look-up)."""
    places = capitalised(article).get(first, [])
    for at in places[bisect.bisect_left(places, skip - window) : bisect.bisect_right(places, skip + window)]:
        if at != skip and not re.match(r"[\w'’-]* +[A-Z]", article[at + len(first) : at + len(first) + 40]):
            return True
    return False


def spelt_out(article: str, acronym: str, at: int) -> Entity | None:
    """`MoD`, `ICRC` -> the name the article defines it with in brackets (`the Ministry of Defence
    (MoD)`, `International Council of the Harbour Guard (ICHG)`): the nearest definition before `at`,
    else the first after (a headline uses the short form first)."""
    if " " in acronym or sum(c.isupper() for c in acronym) < 2 or len(acronym) > 10:
        return None
    found = _definitions(article).get(acronym, [])
    k = bisect.bisect_left([m.start() for m in found], at)  # a handful per acronym
    m = found[k - 1] if k else (found[0] if found else None)
    if not m:
        return None
    name = m.group(1).rsplit(", the ", 1)[-1]  # `On Friday, the World Health Organisation (WHO)`
    name = name.removeprefix("The ")  # `The Ministry of Defence (MoD)` opening a sentence
    cut = 2 if name.endswith(("'s", "’s")) else 0  # `the Ministry of Labour's (MOL) inspectors`: no `'s`
    name = name[: len(name) - cut]
    return Entity(name, m.end(1) - cut - len(name), m.end(1) - cut, ORGANISATION)


def defined_around(article: str, start: int, end: int) -> Entity | None:
    """`Northern Council High Commissioner` written as the start of `Northern Council High Commissioner
    for Fisheries (NCHCF)`, `Committee` of `Committee to Protect Reporters (CPR)`: the whole name the
    article defines in brackets there, where the mention stops before its `for`, `to` or `on`."""
    spans = _definition_spans(article)
    k = bisect.bisect_right(spans, (start, len(article) + 1)) - 1
    if k < 0:
        return None
    first, last = spans[k]
    # not `of` (a name's own `of` is kept by the name spans; `Ana Ruiz of the Norland Party (NP)`)
    if first <= start and end < last and re.match(r" +(?:for|to|on) ", article[end:last]):
        return Entity(article[start:last], start, last, ORGANISATION)
    return None


@functools.lru_cache(maxsize=64)
def _definition_spans(article: str) -> list[tuple[int, int]]:
    """Where each bracketed definition's name (`_DEFINED`'s first group) starts and ends, in order."""
    return sorted(m.span(1) for found in _definitions(article).values() for m in found)


@functools.lru_cache(maxsize=64)  # one pass per article, then look-ups by acronym
def _definitions(article: str) -> dict[str, list[re.Match]]:
    """Every `Capitalised Name (ACRONYM)` of the article, by acronym, in order."""
    out: dict[str, list[re.Match]] = {}
    if not _BRACKETED.search(article):  # most articles define no acronym: find one bracket fast, not every name
        return out
    for m in _DEFINED.finditer(article):
        out.setdefault(m.group(2), []).append(m)
    return out


_BRACKETED = re.compile(r" \([A-Za-z][\w\-]*[A-Z][\w\-]*\)")  # what every `_DEFINED` ends with


_DEFINED = re.compile(
    r"([A-Z][\w'’\-]*(?:,? +(?:(?:of|the|for|and|on|to|de|des|du|sans|la|le) +)*[A-Z][\w'’\-]*){1,9}) +"
    r"\(([A-Za-z][\w\-]*[A-Z][\w\-]*)\)"
)


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a with one letter inserted, deleted or changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    swapped = len(a) == len(b) and a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]  # `Marcon`
    return swapped or a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]


_NAME_JOINS = word_set("of for and the de")


_GLUED_TITLE = re.compile(r"(?:([A-Z][a-z]+) +)?(?:Mr|Mrs|Ms|Dr)\.(?=[A-Z])")
_LOCATED = re.compile(r" (?:in|at) [A-Z]")


def trim_title(article: str, start: int, text: str) -> tuple[int, str]:
    """`Deputy Minister for Coastal Affairs of Norland Ana Ruiz` gives the name span `Norland Ana
    Ruiz`: a place ending a long title is not part of the name (kept when the name stays short);
    nor is the town after an organisation (`Northgate Children's Hospital in Eastport`)."""
    glued = _GLUED_TITLE.match(text)  # `Mr.Bush`, `Tuesday Mr.Bush`
    if glued and glued.group(1) and glued.group(1).lower() not in DATE_WORDS:
        glued = None
    if glued:
        start, text = start + glued.end(), text[glued.end() :]
    located = _LOCATED.search(text)
    named = located and all(w[:1].isupper() or w in _NAME_JOINS for w in text[: located.start()].split()[1:])
    if named and text.removeprefix("the ")[:1].isupper():  # `Northgate Children's Hospital in Eastport`
        text = text[: located.start()]  # (not `One paramedic based in Eastport`: a person described)
    words = text.split()
    before = article[max(0, start - 60) : start].lower().split()
    titles = {part for word in before[-6:] for part in word.split("-")}  # `Inspector-General of Police NAME`
    if len(words) >= 3 and before[-1:] in (["of"], ["for"], ["to"]) and titles & _PERSON_TITLES:
        cut = len(text) - len(" ".join(words[-2:]))
        return start + cut, text[cut:]
    return start, text


def blocked(
    sentence_text: str, offset: int, text: str, article: str | None = None, features: dict | None = None
) -> bool:
    """Mentions that never name a speaker: a date (`June said`), anyone after `The court heard`
    or `the jury was told` (testimony: the speaker is unknown), whom the speaker talks to
    (`in an interview with the Globe`), and a capitalised word the article
    writes only at the start of sentences and not before a verb of saying (`Keep a torch ready`,
    `Moreover, he finds`)."""
    if article and " " not in text and text[:1].isupper() and not sentence_text[:offset].strip(" \"“‘'"):
        initial = only_sentence_initial(article, text)
        f = features or {}
        named = f.get("kind=name") and not (f.get("adj_before_verb") or f.get("comma_after"))
        group = text.endswith("s") or text.isupper()  # `Forecasters expect`, `BOLDER:`
        if initial and named and not group:  # `Nordair, the largest carrier, said` keeps its name
            return True
    lead = sentence_text[max(0, offset - 40) : offset]
    # every match holds `with` or ` to` (a cheap test first: asked for every candidate)
    addressee = _ADDRESSEE.search(lead) if "with" in lead or " to" in lead else None
    if addressee:  # `in an interview with the Globe`; not `with a close neighbour telling NAME`, its subject
        absolute = addressee.group().startswith("with") and not lead[: addressee.start()].endswith("interview ")
        passive = text.rsplit(" ", 1)[-1].lower() in _BE  # `with their homes are expected`: no one says it
        return not (absolute and not passive and (features or {}).get("next=<speech>"))
    if text.lower() in _DAYS:  # `said Saturday the road was ...`: a day is no one's name, as a month can be
        return True
    if _a_date(text):
        before = sentence_text[:offset].split()[-1:]
        dated = before and (before[0].lower() in _DATE_PREPOSITIONS or before[0].isdigit())
        if dated or re.match(r"\W*\d", sentence_text[offset + len(text) :]):
            return True
    if text == "It" and _EXPLETIVE.match(sentence_text, offset):  # `It is unclear whether ...`: no one
        return True
    heard = _heard_at(sentence_text)
    return heard is not None and heard <= offset + len(text)


# `It` before `is` and an adjective or participle of knowing (`It is unclear whether`, `It is likely,
# analysts predict,`): an expletive, the subject of no one's saying
_EXPLETIVE = re.compile(
    r"It +(?:is|was|has +been|had +been|seems|seemed|remains|remained) +(?:still +|now +|not +|also +)?"
    r"(?:unclear|clear|likely|unlikely|possible|impossible|expected|thought|feared|hoped|known|unknown|true|"
    r"important|necessary|certain|uncertain|believed|understood)(?:,| +(?:that|whether|if|how|why|what|when)\b)"
)  # not `It is known for its reports`: there the `It` is what the sentence before named


_DAYS = word_set("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
DAYS = _DAYS  # what `quotes` cuts off the end of a name (`the Norland Assembly Thursday`)


def _a_date(text: str) -> bool:
    """Whether `mention_type` types the text as a date. It does so only where the first of its
    words is a date word, so the candidates with none (nearly all) skip it: asked with no article
    for every candidate, it typed each new one in full (an eighth of `blocked`)."""
    for word in text.split():  # the first word that is more than punctuation, as `mention_type` reads it
        word = word.strip(".,;:'’\"")
        if word:
            return word.lower() in DATE_WORDS and mention_type("", text) == DATE
    return False


@functools.lru_cache(maxsize=256)  # asked for every candidate of the sentence
def _heard_at(sentence_text: str) -> int | None:
    """Where the sentence's testimony (`_TESTIMONY`) starts, if it has one."""
    low = sentence_text.lower()  # the search ignores case, which keeps the regex engine from skipping ahead
    heard = (("told" in low or "heard" in low) and _TESTIMONY.search(sentence_text)) or _IMPERSONAL.match(sentence_text)
    return heard.start() if heard else None


_IMPERSONAL = re.compile(
    r"""\W*It +(?:was|is|has +been|had +been|is +being|was +being) +(?:\w+ly +|soon +|also +|later +)?"""
    r"(?:reported|announced|confirmed|said|claimed|revealed|alleged|billed|understood|believed)\b(?! +by\b)"
)  # not `It was reported by the Harbour Gazette`: the agent says it


# whom a speaker talks to or meets is never the speaker (`In an interview with the Globe, ...`,
# `After a meeting with union chief Paul Brandt, the treasurer said`)
_BE = word_set("is are was were")
_ADDRESSEE = re.compile(
    r"\b(?:with|(?:interview|statement|speaking|talking|told|tells|tell) to)\s+(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)


def testimony(sentence_text: str) -> bool:
    """Whether the sentence reports testimony (`The court heard ...`, `the jury was told ...`), or
    opens with an impersonal passive of saying (`It was reported that ...`, `It has been announced`):
    either way the sentence names no speaker, and none is taken from the sentences before."""
    return _heard_at(sentence_text) is not None


def owner(sentence_text: str, offset: int, text: str, others: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Priya Raman of the Northfield Consumer Forum said`, `Tomas Vale, head of Norpress said`,
    `A market trader in the city said`: the person or group whose organisation or place was chosen.
    `others`: (offset, text) of the sentence's other candidates."""
    member = _member_of_the(sentence_text, offset, others)
    if member:
        return member
    kind = mention_type(sentence_text, text)
    if kind in (PERSON, UNKNOWN):
        return _person_of(sentence_text, offset, text, others)
    if kind not in (ORGANISATION, PLACE):
        return None
    for o_at, o_text in sorted(others, reverse=True):
        gap = sentence_text[o_at + len(o_text) : offset]
        titled = o_at < offset and not _OWNER_GAP.fullmatch(gap) and _TITLED_GAP.fullmatch(gap)
        if o_at >= offset or not (_OWNER_GAP.fullmatch(gap) or titled):
            continue
        # a person's name (`Bureau of Meteorology` is one name), or a group when a common noun
        # was chosen (`A market trader in the city`; `Residents of Kestria County` stays)
        person = o_text[:1].isupper() and " " in o_text and mention_type(sentence_text, o_text) == PERSON
        if titled:
            if person:
                return o_at, o_text
            continue
        group = not o_text[:1].isupper() or (not text[:1].isupper() and o_text.lower().split()[0] in ("a", "an"))
        group = group or o_text.lower() in GROUP_NOUNS  # `Doctors in Eastport say`: a group at a sentence start
        if person or group:
            return o_at, o_text
    return None


def _person_of(sentence_text: str, offset: int, text: str, others: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Hannah Vale of Whitfell believes`, `Tom Lind of Castle Brampton thinks`, `NAME of the cyclists'
    group Norforum said`: a name the words do not type, right after a person's full name and `of`, is
    where the person is from (a letters page's signature, a member's group), not who speaks."""
    if len(text.split()) > 2 or any(w.lower() in NATIONALITIES for w in text.split()):  # `of North Sea States`
        return None
    for o_at, o_text in others:
        gap = sentence_text[o_at + len(o_text) : offset]
        if o_at < offset and _OF_GAP.fullmatch(gap) and " " in o_text and o_text[:1].isupper():
            titled = any(w.lower().rstrip(".") in _PERSON_TITLES for w in o_text.split())  # `U.S. Secretary of State`
            return (o_at, o_text) if not titled and mention_type(sentence_text, o_text) == PERSON else None
    return None


_OF_GAP = re.compile(r" +of +(?:the +(?:[a-z][\w'’-]* +){0,3})?")


def _member_of_the(sentence_text: str, offset: int, others: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Tom Vale of the Harbour Workers' Welfare Program said`, `NAME of the Norland Geological Survey told`,
    `NAME of The Daily Ledger`, `Sir NAME from the Association of Chief Harbour Officers`: a name
    written with `the` after a person's full name and `of` / `from` is the body the person works for,
    whatever its words (`Program`, `Survey` type no organisation), and the person speaks for it, as
    news writes a source."""
    for o_at, o_text in others:
        if o_at >= offset or not _OF_THE.fullmatch(sentence_text[o_at + len(o_text) : offset]):
            continue
        words = o_text.split()
        words = words[1:] if len(words) >= 3 else words  # `Sir NAME`: an honour before a full name
        titled = any(w.lower().rstrip(".") in _PERSON_TITLES for w in words)  # `Secretary General of the ...`
        person = " " in o_text and o_text[:1].isupper() and not titled
        return (o_at, o_text) if person and mention_type(sentence_text, o_text) == PERSON else None
    return None


# the candidates may have cut the body's name (`from the Association of Chief Harbour Officers`: `Chief` a title)
_OF_THE = re.compile(r" +(?:of|from) +[Tt]he +(?:[A-Z][\w'’.-]* +(?:(?:of|for|and) +)?)*")


def appositive_person(
    sentence_text: str, offset: int, text: str, others: list[tuple[int, str]], title: bool = False
) -> tuple[int, str] | None:
    """`The chief of Avedzeme, Togbe Kodzo Adzaho III, welcomed`, `The Under Secretary for Political
    Affairs at the Harbour Department, Piet Burnside, testified`: the person named in apposition
    right after a description (or an organisation or place inside it) that was chosen; and the
    name after a title's `for`/`of` (`said NHO Regional Director for Kestria Tomas Brenn`: the
    place is cut off afterwards by `trim_title`). `title`: the mention is a title alone (`Deputy
    Secretary-General of the UN, NAME, called`)."""
    titled = title or text.split()[-1].lower() in _PERSON_TITLES  # `NHO Regional Director` for Kestria Tomas Brenn
    described = text[:1].islower() or text.split()[0].lower() in ("the", "a", "an")
    if not (described or titled) and mention_type(sentence_text, text) == PERSON:
        return None
    for o_at, o_text in sorted(others):
        gap = sentence_text[offset + len(text) : o_at]
        if titled and o_at > offset and re.fullmatch(r" +(?:for|of) +(?:the +)?", gap):
            if mention_type(sentence_text, o_text) == ORGANISATION:  # `the chairman of the Commission, NAME`
                continue
            return (o_at, o_text) if len(o_text.split()) >= 3 and o_text[:1].isupper() else None
        if o_at <= offset or not _APPOSITION_GAP.fullmatch(gap):
            continue
        person = " " in o_text and mention_type(sentence_text, o_text) == PERSON
        # `One of the dancers, Marta, told`: one of a group, then the one name the article gives
        person = person or (text.lower().startswith("one of ") and o_text.isalpha() and o_text.istitle())
        closed = re.match(r"\s*(?:,|\(|[.!?]?\s*$)", sentence_text[o_at + len(o_text) :])  # or the sentence ends
        return (o_at, o_text) if person and closed else None
    return None


def opening_person(sentence_text: str, offset: int, text: str, others: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Piet Wood, the programme director at Norltek Systems described`, `Ana Diaz, Tom's
    grandmother said`, `Rui Costa, Norland's President, spoke`: the person a sentence opens with,
    when the mention chosen lies in the description set in apposition after the name (and is no
    person's name itself). `others`: (offset, text) of the sentence's other candidates."""
    named = " " in text and text[:1].isupper() and mention_type(sentence_text, text) == PERSON
    if named and text.split()[-1].lower() not in _PERSON_TITLES:  # `Kestria's President` is a description
        return None
    for o_at, o_text in sorted(others):
        before = sentence_text[:o_at]
        if before.strip(" \"“‘'") and not _AFTER_QUOTATION.search(before):  # `"...," NAME, the winner said`
            return None
        end = o_at + len(o_text)
        described = _DESCRIPTION.fullmatch(sentence_text[end:offset])
        if described and " " in o_text and o_text[:1].isupper() and mention_type(sentence_text, o_text) == PERSON:
            return o_at, o_text
    return None


_AFTER_QUOTATION = re.compile(r"""[,.!?…]["”’] *\Z""")
# a comma, then the words of a description up to the chosen mention: no clause of its own
_DESCRIPTION = re.compile(r", +(?:(?!(?:was|were|is|are|has|have|had|who|which|and)\b)[^,;:.!?\"“”]){0,80}")


# `The chief of Avedzeme, NAME`, `a commuter, 41-year-old NAME`
_APPOSITION_GAP = re.compile(
    r"(?: +(?:of|at|for|in) +(?:the +)?[A-Z][\w.'’\-]*(?: +[A-Z][\w.'’\-]*)*)*, +(?:\d+-year-old +)?"
)
# `NAME, head of the Forum`, `NAME from the nationalist opposition Norland Party`
_OWNER_GAP = re.compile(
    r"(?:, +(?:the +|a +|an +)?[a-z][\w\- ]{0,40}?)? +(?:of|at|in|from) +(?:the +(?:[a-z][\w-]* +){0,3})?"
)
# a capitalised title (`NAME, President and CEO of the ...`) or a `who` clause (`NAME, who covers
# shipping for Norland News said`) between a person's full name and the body chosen: the person speaks
_TITLED_GAP = re.compile(
    r", +(?:[A-Z][\w-]*(?: +(?:and|of) +| +)){0,3}?[A-Z][\w-]* +of +(?:the +)?"
    r"|, +who +[a-z]+ +(?:[\w-]+ +){0,4}?(?:for|at|of) +(?:the +)?"
)


def not_a_person(article: str, name: str) -> bool:
    """Typed as something a `he` or `she` can never mean (organisation, place, document, date, a
    group written only at sentence starts: `Authorities say`), or no person's name by its form
    (`not_a_name`)."""
    group = " " not in name and name.endswith("s") and only_sentence_initial(article, name)
    return group or not_a_name(article, name) or mention_type(article, name) in (ORGANISATION, PLACE, DOCUMENT, DATE)


def not_a_name(article: str, name: str) -> bool:
    """Capitalised words that are no person's name by their form: ending on a nationality (`South
    African`), holding a possessive (`Eastport's Cable One`), one word before `of` (`Republic of
    China`), a title in quotation marks (`"Harbour Lights Dance"`), part of an organisation's name, a
    word with a digit (`P3 Orion`, `Norjet N380`), written after `the` wherever it stands (`the Foro
    de São Paulo`: people are not), or ending on a word the article also writes in lower case and
    never alone as a surname (`style`). Index look-ups only: no scan of the article per name."""
    words = name.split()
    if len(words) < 2:
        return False
    last = words[-1].strip(".,")
    if last.lower() in NATIONALITIES or _POSSESSIVE.search(name) or words[1] == "of":
        return True
    if words[0] in ("the", "The") or any(map(str.isdigit, name)) or _always_after_the(article, name):
        return True
    if _titled_work(article, name) or _inside_organisation(article, name):
        return True
    lower = last[1:].islower() and _written_lower(article, last.lower())
    return lower and not _written_alone(article, words[-1]) and not written_with_age(article, name)  # `NAME Price, 84,`


_POSSESSIVE = re.compile(r"\w['’]s\b")


@functools.lru_cache(maxsize=4096)
def _written_lower(article: str, word: str) -> bool:
    """Whether `word` is written as a word that opens in lower case (`style`; not `x-style`, which is one
    word, and not `McStyle`): read at its occurrences, as `_labelled` is, in an article of up to
    `_SET_ABOVE` characters; a longer one asks about so many names that one set of its words is cheaper."""
    if len(article) > _SET_ABOVE:
        return word in _lower_case_words(article)
    if not _LOWER_WORD.fullmatch(word):
        return False
    at = article.find(word)
    while at != -1:
        end = at + len(word)
        if not (end < len(article) and _in_word(article[end])):
            start = at  # the run of word characters, apostrophes and hyphens the occurrence ends
            while start and _in_word(article[start - 1]):
                start -= 1
            first = _LOWER_WORD.search(article, start, end)  # where the run's word opens: it holds the rest
            if first is not None and first.start() == at:
                return True
        at = article.find(word, at + 1)
    return False


_LOWER_WORD = re.compile(r"\b[a-z][\w'’-]*")
_SET_ABOVE = 20_000  # characters: a 200,000-character piece asks about 400 words, one of 2,500 about 4


@functools.lru_cache(maxsize=8)  # one pass per huge article
def _lower_case_words(article: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(article))


def _in_word(ch: str) -> bool:
    return _word_char(ch) or ch in "'’-"


_PERSON_WORDS = _PERSON_TITLES | NATIONALITIES  # a word only a person's description holds


def _always_after_the(article: str, name: str) -> bool:
    """Written right after `the` (or `The`) at every place the article writes it, and no title or
    nationality inside (`the Kestrian President Ana Maria Ruiz da Costa` is a person)."""
    if any(w.lower().strip(".,") in _PERSON_WORDS for w in name.split()):
        return False
    places = [at for at in capitalised(article).get(name.split()[0], ()) if article.startswith(name, at)]
    return bool(places) and all(article[max(0, at - 4) : at].lower() == "the " for at in places)


def _titled_work(article: str, name: str) -> bool:
    """Written as a title in quotation marks on its own (`"Harbour Lights Dance"`, a song or a film)."""
    for at in capitalised(article).get(name.split()[0], ()):
        end = at + len(name)
        if article.startswith(name, at) and at and article[at - 1] in '"“‘' and article[end : end + 1] in '"”’':
            return True
    return False


def _inside_organisation(article: str, name: str) -> bool:
    """Written inside a longer organisation's name (`Coastal Security` of `Department of Coastal
    Security`, `Kestrian Paralympic` of `Kestrian Paralympic Committee`): right before an
    organisation's word, or after its `of`."""
    for full in _names_by_word(article).get(name.split()[0], ()):
        at = full.find(name)
        if at < 0 or full == name:
            continue
        after = full[at + len(name) :].split()[:1]
        placed = full[:at].endswith(" of ") or (after and _ORG_WORD.fullmatch(after[0]))
        if placed and mention_type(article, full) == ORGANISATION:  # typed last: few names get this far
            return True
    return False


@functools.lru_cache(maxsize=64)
def _names_by_word(article: str) -> dict[str, list[str]]:
    """The article's names (`_written`, each once), by each word of them (an index built once)."""
    out: dict[str, list[str]] = {}
    for name in dict.fromkeys(name for name, _, _ in _written(article)):
        for word in set(name.split()):
            out.setdefault(word, []).append(name)
    return out


def _written_alone(article: str, word: str) -> bool:
    """Whether the capitalised `word` stands somewhere without a capitalised word before or after it
    (`Costa said`: a surname written on its own)."""
    for at in capitalised(article).get(word, ()):
        before = article[max(0, at - 30) : at].split()[-1:]
        after = article[at + len(word) : at + len(word) + 30].split()[:1]
        capital_before = before and before[0][:1].isupper() and not before[0].endswith((".", ",", ":"))
        if not capital_before and not (after and after[0][:1].isupper()):
            return True
    return False


def only_sentence_initial(article: str, word: str) -> bool:
    """Whether the article writes `word` capitalised only at the start of sentences (an index look-up);
    never a web address (`CNNMoney.com points to`: an outlet's name wherever it stands)."""
    if _WEB_ADDRESS.search(word):
        return False
    return all(_after_a_sentence_end(article, at) for at in capitalised(article).get(word, [0]))


def _after_a_sentence_end(article: str, at: int) -> bool:
    """Whether offset `at` starts a sentence: the article's start, or after `.`, `!`, `?`, `:` or a line
    break, a closing quotation mark between allowed (`... nothing." Former port director ...`)."""
    before = article[max(0, at - 4) : at].rstrip(" \"”’'")
    return not before.strip(" \"“‘'") or before[-1] in ".!?:\n"


def speaker_type(article: str, text: str | None) -> str | None:
    """The `speaker_type` of a resolved speaker: person, organisation, document or unknown (a place
    that speaks, `Iran said`, is its government: organisation)."""
    if text is None:
        return None
    kind = mention_type(article, text)
    if kind == PERSON and " and " in text:  # `France and Italy`, read as one name: the type its parts share
        kinds = {speaker_type(article, part) for part in re.split(r",? and |, ", text)}
        return kinds.pop() if len(kinds) == 1 else UNKNOWN
    return {PLACE: ORGANISATION, DATE: UNKNOWN}.get(kind, kind)


def same_entity(a: str, b: str) -> bool:
    """Whether two speaker names of one article name one entity (`Rui Costa` and `Costa`)."""
    x, y = a.lower().removeprefix("the "), b.lower().removeprefix("the ")
    return x == y or x.endswith(" " + y) or y.endswith(" " + x)


def opens_a_list(run_texts: list[str]) -> bool:
    """Whether a quote run set out its statement as a list (`parents can follow several guidelines:`),
    so that the following quote sentences with no speaker of their own continue it."""
    return any(text.rstrip().endswith(":") for text in run_texts)
