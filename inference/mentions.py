"""Who said it, step 1: the mentions in a quote sentence that could name its speaker.

Outside the quoted words, every name, noun phrase and pronoun is a candidate; each gets
features of its place next to a verb of saying (`said Maria Okafor`, `the audit says`,
`according to the port authority`, `she added`), and `SpeakerScorer` weighs them. The weights
are fitted on the team corpus (`training/attribution.py`) and stored in the model folder;
hand-set rule weights stand in when a folder has none. The word lists and the token model
shared by the later steps (`resolution.py`, `quotes.py`) live here.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimtag.inference import entities
from claimtag.model.quotation import mask_quoted, quoted_spans


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


SPEECH_VERBS = word_set("""said says say saying told tells added adds warned warns claimed claims argued argues
    announced announces insisted insists wrote writes tweeted posted testified stated states explained explains
    noted notes admitted admits confirmed confirms denied denies urged urges believes believe believed
    thinks think thought estimates estimated estimate fears feared concluded concludes recommended
    recommends asked asks replied replies continued continues acknowledged acknowledges suggested
    suggests predicted predicts recalled recalls described describes accused accuses called calls
    promised promises pledged pledges cautioned cautions stressed stresses maintained maintains agreed
    agrees expects expected hopes hoped reported reports found finds shows showed showing revealed
    reveals complained complains conceded concedes countered counters emphasised emphasized
    insisted joked laughed pointed explained objected remarked responded responds replied announced
    declared declares alleged alleges contended contends disputed disputes welcomed welcomes""")
SPEECH_VERBS |= entities.MORE_SPEECH_VERBS
SPEECH_VERBS |= word_set("""protested mourned surmised termed signaled signalled dismisses
    congratulated contradicted contested notified endorsed felt faulted summarized summarised refers referred credits
    credited defended cried quipped insinuated supported demanding ruled""")
SPEECH_VERBS |= word_set("""elaborated elaborates voiced mocked branded noting recommend assert indicate criticize
    criticise marveled marvelled rubbished disagreed sighed sighs""")  # eighth round, read off the extension's gold
# participles of saying (`NAME remarking that: "..."`, `..., telling The Gazette of NAME: "..."`)
SPEECH_VERBS |= word_set("""remarking noting claiming arguing warning insisting explaining adding telling stressing
    urging denying admitting suggesting describing accusing announcing confirming""")
SPEECH_VERBS |= word_set("accepted accepts")  # tenth round (c): a witness `accepted that ...` under cross-examination
SPEECH_VERBS |= word_set("wonders wondered")  # tenth round (c): a letter's writer `wonders whether ...`
# thirteenth round (b): a crowd's words (`with demonstrators shouting "..."`, `one skipper shouting`)
SPEECH_VERBS |= word_set("shouting shouted chanting chanted")  # not `shouts`, `chants`: nouns too
# thirteenth round (b): the base forms a plural subject takes (`researchers concede`, `Researchers opine`)
SPEECH_VERBS |= word_set("concede opine opines opined")
# and two that are nouns too (`backed this claim`, `laid blame`): verbs only after a plural (`_plural_says`)
_NOUNS_TOO = word_set("claim blame")
_NOT_PLURAL_SUBJECTS = word_set("this his its was is has does")


def _classes(groups: dict[str, str]) -> dict[str, str]:
    return {word: name for name, words in groups.items() for word in words.split()}


# the verbs of saying by what they say about the statement (features of `mention_features`)
VERB_CLASSES = _classes(
    {
        "say": """said says say saying told tells added adds stated states stating commented remarked explained
            explains noted notes replied replies responded responds continued continues wrote writes tweeted posted
            affirmed affirms mentioned informed informs reiterated reiterates described describes recalled recalls
            joked laughed elaborated elaborates voiced noting marveled marvelled sighed sighs""",
        "report": """reported reports announced announces confirmed confirms revealed reveals found finds shows
            showed showing estimated estimates estimate concluded concludes indicated indicates identified
            identifies testified indicate""",
        "assert": """claimed claims argued argues argue insisted insists insist warned warns warn stressed stresses
            emphasised emphasized maintained maintains contended contends contend alleged alleges asserted asserts
            declared declares accused accuses accuse urged urges urge cautioned cautions predicted predicts
            predict demanded vowed threatened threatens pledged pledges promised promises mocked branded assert
            criticize criticise""",
        "deny": """denied denies deny rejected rejects disputed disputes objected countered counters conceded
            concedes admitted admits admit acknowledged acknowledges questioned rubbished disagreed accepted accepts""",
        "believe": """believes believe believed thinks think thought fears feared hopes hoped expects expected
            suggested suggests recommended recommends agreed agrees recommend wonders wondered""",
    }
)
_SKIPPABLE = word_set(
    "has have had also later then previously long repeatedly once again is was were been would will now still "
    "today yesterday recently already further first here often"
)  # `Bergner further said`, `The company first announced`, `Officials here say`, `Armenians often argue`
_UNMARKED = word_set("however meanwhile though")  # adverbs written without commas: `MacAskill however expressed`
_SKIPPABLE_UNMARKED = _SKIPPABLE | _UNMARKED
AUXILIARIES = word_set("are is was were be been being am do does did")  # `Prices are expected`: no subject
PREPOSITIONS = word_set("of on in at from for with by to near about over under into between among against")
TITLES = word_set("mr mrs ms miss dr prof sir dame lord lady sgt insp det cllr rev fr st gen col capt lt maj")
ROLE_WORDS = word_set(
    """minister president chancellor governor mayor senator judge justice chief executive secretary premier
    prime deputy coach captain professor councillor inspector detective superintendent sergeant constable
    officer director chair chairman chairwoman chairperson bishop archbishop commissioner attorney general
    spokesman spokeswoman spokesperson manager head leader king queen prince princess dean rabbi imam pastor
    lieutenant commander admiral colonel brigadier ambassador envoy prosecutor councilmember councilman
    councilwoman congressman congresswoman assemblyman assemblywoman sheriff cardinal reporter correspondent pc
    representative democrat republican clerk associate assistant ceo
    mum dad grandmother grandfather grandma grandpa gran nan grandad granddad twins triplets"""
)  # the last lines: ranks, offices, parties written before a name (`Navy Lieutenant NAME`, `Associate Professor NAME`)


@functools.lru_cache(maxsize=8192)  # asked of every word of every candidate by many rules
def is_title(word: str) -> bool:
    """A title or role written before a name (`Mr.`, `Gen.`, `President`, `minister`), any case; an
    engineer's `Ing.` / `Engr.` only as written (not the bank, `ING`)."""
    return word.lower().rstrip(".") in _TITLE_WORDS or word in _ENGINEER_TITLES


_ENGINEER_TITLES = frozenset(["Ing.", "Engr.", "Engr"])


@functools.lru_cache(maxsize=4096)  # asked of the same mentions by many rules
def titles_only(text: str) -> bool:
    """Nothing but titles and roles (`President`, `Prime Minister`, `Deputy Secretary-General`): no one's name."""
    words = _TITLE_SPLIT.split(text) if "-" in text else text.split()  # the same words where no hyphen joins them
    return all(is_title(w) for w in words if w)


_TITLE_SPLIT = re.compile(r"[\s-]+")


_TITLE_WORDS = TITLES | ROLE_WORDS
CAPITAL_STOP = word_set("""the a an but and yet so in on at for as after before when while if asked speaking according
    though although because since whether unless despite without with during
    he she they it we i his her their its this that these those there then however meanwhile still also now last
    earlier later our my what why how who one some many most finally""")
_ABBREVIATIONS = entities.ABBREVIATIONS  # their period is part of the name
_KEEP_PERIOD = TITLES | _ABBREVIATIONS
CONNECTORS = word_set("de da van von al bin der la le du of del di")
PRONOUNS = word_set("he she they it we i")
DETERMINERS = word_set("the a an its his her their our")
NP_STOP = word_set("""that which who whom whose when where while and or but in on at to for from by with as of about
    after before than into over under said says has have had is was were will would could should can may might
    also now today yesterday still then already again recently previously earlier later last this
    nevertheless nonetheless yet meanwhile instead not never""")  # adverbs: no subject (`NAME nevertheless said`)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*(?:\.(?:com|org|net)\b)?\.?")  # `Znak.com`: one word, an outlet's name
_PARTICLES = ("al", "el", "ad", "ash", "as", "at", "an", "ar", "az", "ibn", "bin", "abu", "d")  # Arabic, Italian, ...
PARTICLE = rf"(?:{'|'.join(_PARTICLES)})[-'’]"
PARTICLE_NAME = re.compile(rf"{PARTICLE}[A-Z]")


@dataclass(frozen=True)
class Mention:
    """A stretch of the article that could name a speaker."""

    start: int  # article offsets
    end: int
    text: str
    kind: str  # name | pronoun | np | bare


class _Token:
    """A word of a sentence, with what the rules ask of it computed once (every span rule and
    feature asks each token again: as properties these cost about a tenth of who-said-it)."""

    __slots__ = ("start", "end", "text", "low", "capital")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start  # offsets in the sentence
        self.end = end
        self.text = text
        self.low = text.lower().rstrip(".")
        # capitalised, or a name behind a lower-case particle (`al-Qirbi`, `el-Sisi`, `d'Alema`), joined
        # to it as a particle is: most words need no regex
        self.capital = text[:1].isupper() or (
            ("-" in text or "'" in text or "’" in text) and PARTICLE_NAME.match(text) is not None
        )


# Hand-set weights: the rules baseline, and what a model folder without fitted weights uses.
RULE_WEIGHTS = {
    "bias": -2.0,
    "adj_after_verb": 3.0,
    "adj_before_verb": 3.0,
    "appositive_before_verb": 2.0,
    "according": 4.0,
    "kind=name": 0.5,
    "kind=pronoun": 0.2,
    "kind=np": 0.3,
}


class SpeakerScorer:
    """Linear weights over candidate features; `score > 0` makes a candidate the sentence's mention."""

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.weights = dict(RULE_WEIGHTS if weights is None else weights)
        # whether the weights use `entity_features` (computed only then: they read the article)
        self.rich = any(k.startswith(("type=", "seen=")) or "&type=" in k for k in self.weights)

    def score(self, features: dict[str, float]) -> float:
        """The weighted sum of the candidate's features plus the bias."""
        weights = self.weights
        return weights.get("bias", 0.0) + sum([weights.get(k, 0.0) * v for k, v in features.items()])

    def save(self, path: Path) -> None:
        """Write the weights as JSON."""
        path.write_text(json.dumps(self.weights, indent=1, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> SpeakerScorer:
        """Read weights written by `save` (hand-set rule weights when the file is absent)."""
        return cls(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else cls()


_TOLD_TO = re.compile(  # between a described speaker and the outlet it spoke to, the outlet's kind last
    r" +(?:(?:was|were|is|are) +quoted +(?:by|as +(?:saying +to|telling))|telling|told) +(?:the +)?"
    r"(?:(?:newspaper|paper|daily|broadcaster|magazine|website|news +agency|agency) +)?\Z"
)
_NOT_TOLD = word_set("source sources")  # `a source told Xinhua`: the annotators record the agency (`_source_of`)


def told_outlet(sentence, chosen: Mention, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """The described speaker of `A villager was quoted by NAME:`, `with a family friend telling the
    NAME,`, `one shopkeeper was quoted as saying to the newspaper NAME` where the outlet NAME was chosen:
    the noun phrase right before the words that name the outlet (not a source's: `_NOT_TOLD`)."""
    if chosen.kind != "name":
        return None
    offset = sentence.start
    before = [m for m, _ in found if m.kind in ("np", "bare") and m.end <= chosen.start]
    before = [m for m in before if _TOLD_TO.fullmatch(sentence.text, m.end - offset, chosen.start - offset)]
    if not before:
        return None
    said = min(before, key=lambda m: m.start)  # the whole phrase (`a family friend`, not `friend`)
    return None if said.text.split()[-1].lower() in _NOT_TOLD else said


def quoted_one(sentence) -> Mention | None:
    """Whom the sentence's subject quotes before the words quoted (`Norland News quoted port authorities,
    "..."`, `NAME.com quotes a "harbour official" as saying: "..."`): the one quoted says them, the outlet
    reports them. Up to six words, up to the comma, colon or `as saying` that opens the quotation."""
    found = _QUOTED_ONE.search(sentence.text) if "quot" in sentence.text else None  # a cheap look first
    if found is None or found.group(1).split()[0].lower() in ("by", "as"):  # `was quoted by Reuters`
        return None
    before = sentence.text[: found.start()].split()
    if not before or before[-1].lower() in AUXILIARIES or not any(entities.outlet(w) for w in before):
        return None  # an outlet quotes (`NAME quoted President NAME as saying`: the annotators' speaker is NAME)
    text = found.group(1).replace('"', "").replace("“", "").replace("”", "")
    start = sentence.start + found.start(1)
    return Mention(start, start + len(found.group(1)), text, "np" if text[:1].islower() else "name")


_QUOTED_ONE = re.compile(
    r"\b(?:quoted|quotes|quoting) +((?:an? +|the +)?[“\"]?[A-Za-z][\w'’.-]*[”\"]?(?: +[“\"]?[\w'’.-]+[”\"]?){0,5}?)"
    r"(?= *(?:, *[“\"]|:| +as +saying))"
)


def quantifier_subject(sentence) -> Mention | None:
    """`Some say ...`, `Others believe ...`, `Some claim ...`: a quantifier standing alone as the subject
    of a verb of saying that opens the sentence is its speaker, as written (the annotators' `some`)."""
    found = _QUANTIFIER_SAYS.match(sentence.text)
    if found is None:
        return None
    group = found.group(2) in entities.GROUP_NOUNS and (found.group(3) or "") in SAYING  # `Some reports suggest`
    if not group and found.group(2) not in SAYING | _NOUNS_TOO:
        return None
    start, end = sentence.start + found.start(1), sentence.start + found.end(2 if group else 1)
    return Mention(start, end, sentence.text[start - sentence.start : end - sentence.start], "np")


_QUANTIFIER_SAYS = re.compile(r"""[\s"“]*(Some|Many|Others|Most|Few|Several) +([a-z]+)\b(?: +([a-z]+)\b)?""")


def bracket_aside(sentence, chosen: Mention, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """`A community officer's report (one of the leaked documents) confirms`: a mention that ends a
    bracket describes the subject written right before the bracket, and that subject speaks."""
    offset, text = sentence.start, sentence.text
    opened = text.rfind("(", 0, chosen.start - offset)
    if (
        opened < 1
        or ")" in text[opened : chosen.start - offset]
        or text[chosen.end - offset : chosen.end - offset + 1] != ")"
    ):
        return None
    before = [m for m, _ in found if m.kind in ("np", "name") and m.end - offset == opened - 1]
    return min(before, key=lambda m: m.start) if before else None


_ISSUED = re.compile(r" (?:issued|released|published) +(?:a|an|its) +(?:[a-z-]+ +){0,2}(?:statement|communiqu[eé])\b")


def issued_statement(sentence, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """The subject right before `issued a statement` (`The NMA issued a statement which read: "...`)
    where no candidate scores as a speaker: who issues the statement says what it reads."""
    issued = _ISSUED.search(sentence.text) if "statement" in sentence.text or "communiq" in sentence.text else None
    if issued is None:
        return None
    at = sentence.start + issued.start()
    subject = [m for m, _ in found if m.kind in ("np", "name") and m.end == at]
    return min(subject, key=lambda m: m.start) if subject else None


_AND_BODY = re.compile(r" +and +((?:[A-Z][\w'’-]* +){0,3}([A-Z][a-z]+))")  # ` and Eastdale Council`


def and_body(sentence, mention: Mention) -> Mention:
    """A phrase that ends in a name cut before `and` (`a spokesperson for Marlow` of `... for Marlow
    and Eastdale Council`), run on to the organisation's name that `and` continues, where that ends in
    an organisation noun."""
    if mention.kind != "np" or not mention.text[-1:].isalpha():
        return mention
    more = _AND_BODY.match(sentence.text, mention.end - sentence.start)
    if more is None or more.group(2).lower() not in entities.ORG_NOUNS:
        return mention
    end = sentence.start + more.end(1)
    return Mention(mention.start, end, sentence.text[mention.start - sentence.start : more.end(1)], mention.kind)


_TURN_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}"  # one to three capitalised words
_TURN = re.compile(rf"""\s*(?:\(\(({_TURN_NAME})\)\)|({_TURN_NAME}):)\s+["“]?[A-Z]""")  # `((Norpress)) How`, `Ana: We`
_NOT_TURNS = word_set("q a question answer update related analysis editorial caption picture photo published note")


# a name written in quotation marks after a noun that names it (`Wikipedia user 'Nordfan'`, `a member
# of the group called 'Kestrel'`, `user "k3str3l" on Twitter`), then the verb of its sentence
_NAMING_WORDS = ("user", "account", "handle", "called", "named")  # what every `_QUOTED_NAME` holds (a cheap look)
_QUOTED_NAME = re.compile(
    r"\b(?:user|username|account|handle|called|named|nicknamed)\s+['\"“‘]([^'\"“”‘’\n]{2,40}?)['\"”’],?"
    r"\s+(?:on\s+[A-Z]\w+\s+)?([a-z]+)\b"
)


def quoted_name(sentence) -> Mention | None:
    """`Wikipedia user 'Nordfan' posted to the list: "..."`, `a member of the group called 'Kestrel'
    hacked the account, posting ...`: a user name or a nickname is written in quotation marks, so the
    candidates (outside the quoted words) miss it; where it is the subject (no verb of saying before
    it, a verb in -ed or of saying after it) it names the speaker."""
    found = _QUOTED_NAME.search(sentence.text) if any(w in sentence.text for w in _NAMING_WORDS) else None
    if found is None or not (found.group(2).endswith("ed") or found.group(2) in SPEECH_VERBS):
        return None
    if any(w.lower() in SPEECH_VERBS for w in _WORD.findall(sentence.text[: found.start()])):
        return None
    at = sentence.start + found.start(1)
    return Mention(at, at + len(found.group(1)), found.group(1), "name")


# a closing tag after a quotation's last mark (`...," said Harbour anchor NAME via Twitter`), up to where
# its first phrase ends: a comma, `via`, `according to`, `on`, `in` or the sentence's end
_QUOTATION_TAG = re.compile(r"""[,.!?…—-]["”’]\s*(?:said|says|added|adds|asked|explained|insisted|continued)\s+""")
_TAG_PHRASE_END = re.compile(r",|\s(?:via|according|on|in|at|to|during)\s|[.!?]?\s*$")


# `with NAME saying`, `reported NAME saying`, `NAME was quoted saying`: the clause names who says the words after it
_NAME_SAYING = re.compile(r" +(?:(?:was|is|were) +quoted +(?:as +)?)?saying\b")
_SAYING_QUOTED = re.compile(r" +(?:was|is|were) +quoted")
_REPORTING = r"reported|quoted|quotes|cited|cites"
_SAYING_BEFORE = re.compile(rf"\b(?:with|{_REPORTING})(?: +[a-z]+)? +\Z")
_SAID_AFTER = re.compile(r" +(?:had +)?(?:said|says)\b")  # `The office reported NAME said`: NAME said it
_REPORTED_BEFORE = re.compile(rf"\b(?:{_REPORTING})(?: +[a-z]+)? +\Z")


def saying_name(sentence, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """`The tribunal dismissed the ferry claim, with magistrate NAME saying "..."`, `The office reported NAME
    saying he would ...`, `NAME was quoted saying ...`: a name a `with` or a verb of reporting puts
    before `saying` (or one `quoted saying`) is who says what follows, not the sentence's subject."""
    if "saying" not in sentence.text and " said" not in sentence.text and " says" not in sentence.text:
        return None
    text, offset = sentence.text, sentence.start
    for m, _ in found:
        if m.kind != "name":
            continue
        before = text[: m.start - offset]
        after = _NAME_SAYING.match(text, m.end - offset)
        if after and (_SAYING_QUOTED.match(text, m.end - offset) or _SAYING_BEFORE.search(before)):
            return m
        if _SAID_AFTER.match(text, m.end - offset) and _REPORTED_BEFORE.search(before):
            return m
    return None


# `The Norland Drugs Bureau (NDB) announced`, `The Harbour Board (HB) inquiry found`: a name, its acronym
# in brackets (and a place or a document noun), then a finite verb
_ACRONYM_VERB = re.compile(r" +\([A-Z][\w.&-]{1,9}\)(?: +of +[A-Z][\w-]*)?(?: +([a-z]+))?(?: +(?:also +)?([a-z]+))?")


def acronym_subject(sentence, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """`The Norland Drugs Bureau (NDB) announced yesterday`, `The Harbour Board (HB) inquiry found`: a
    sentence that opens with a name and the acronym it defines in brackets, then a finite verb (after
    a document noun at most), has that name as its subject: where no candidate scores above zero, it
    speaks (the bracket between name and verb hides the verb from the features)."""
    if "(" not in sentence.text:
        return None
    text, offset = sentence.text, sentence.start
    for m, _ in found:
        before = text[: m.start - offset].split()
        if m.kind != "name" or len(before) > 2 or any(w.lower() not in DETERMINERS for w in before[-1:]):
            continue
        after = _ACRONYM_VERB.match(text, m.end - offset)
        if after is None:
            continue
        first, second = after.group(1), after.group(2)
        verb = second if first in entities.DOC_NOUNS and second else first
        if verb and (verb in SAYING or verb.endswith("ed")):
            return m
    return None


def closing_tag_name(sentence, found: list[tuple[Mention, dict[str, float]]], article: str | None) -> Mention | None:
    """`"...," said union negotiator NAME.`, `"...," said Harbour anchor NAME via Twitter`, `"...,"
    said Ruiz.`: the person's name that ends a quotation's closing tag is its speaker, whatever the
    sentence opens with (a subject whose quotation the tag gives to another) or the words of a role
    before the name (which keep it from standing beside the verb)."""
    tags = list(_QUOTATION_TAG.finditer(sentence.text)) if any(q in sentence.text for q in '"”’') else []
    if not tags:
        return None
    start = tags[-1].end()
    end = _TAG_PHRASE_END.search(sentence.text, start).start()
    at = sentence.start
    named = [m for m, _ in found if m.kind == "name" and start <= m.start - at < m.end - at <= end]
    if not named:
        return None
    last = max(named, key=lambda m: m.end)
    lead = sentence.text[start : last.start - sentence.start].lower().split()
    if _AND_NAME.search(sentence.text, start) or any(w in _TAG_PREPOSITIONS for w in lead):
        return None  # `said NAME, Foreign Minister and NAME2` (both: `both_named`), `said a spokesman for NAME`
    if entities.mention_type(article or sentence.text, last.text) not in (entities.PERSON, entities.UNKNOWN):
        return None  # `said Norland's foreign ministry`: a body
    return refined_mention(sentence, last, [m for m, _ in found])


# `and` before a second name (`said NAME, Foreign Minister and NAME2`), not inside a role (`said festival
# volunteer and journalism student NAME`)
_AND_NAME = re.compile(r" and (?:the )?[A-Z]")
# before the name: a phrase (`said a Lisbon parts supplier`, `said a spokesman for NAME`), not its speaker
_TAG_PREPOSITIONS = word_set("for of at from with by in on to a an the")


# a group a reported statement opens with, after a phrase of time (`Last week, Danish geologists
# published`, `In October members of the Norland Front claimed`, `Other officials compared`)
_GROUP_SUBJECT = re.compile(
    r"""(?:[^,;:"“”]{0,40}, +|(?:In|On|During|Last|This|Earlier|Later) +\w+ +)?"""
    r"((?P<q>(?:Other|Most|Many|Some|Several|Few|Numerous|(?:Hundreds|Thousands|Dozens) of) +)?"
    r"(?P<mod>[A-Za-z]+ +)??(?P<head>[A-Za-z]+s)"
    r"(?: +(?:at|in|from|of) +(?:the +)?[A-Z][\w'’-]*(?: +[A-Z][\w'’-]*)*)?) +(?P<verb>[a-z]+)\b"
)


# the verb after a subject of two groups, past what qualifies it (`Traders and economists of the port fear`)
_AND_VERB = re.compile(r"(?: +(?:in|at|from|of) +(?:the +)?[a-z]+)? +([a-z]+)\b")
_NO_VERBS = word_set("and or but in at from of for with on to by as who which that whose whom de da van von al")
# `Turkish visitors could still use the ferry`: what a group could or would do is the statement's content
_NO_VERBS |= word_set("could would will can may might should must shall")


def group_subject(sentence) -> Mention | None:
    """`Other officials likened the quay to ...`, `Most engineers view ...`, `Last week, Danish
    geologists published figures showing ...`: a reported statement that opens with a group (a
    quantifier, a nationality or a group noun before a plural) is the group's, though no candidate
    scores above zero (the group noun is no name and the verb no verb of saying)."""
    if sentence.in_quote or direct_speech(sentence):
        return None
    found = _GROUP_SUBJECT.match(sentence.text)
    if found is not None and found.group("verb") == "and":  # `Traders and economists fear`: both groups
        first = Mention(sentence.start + found.start(1), sentence.start + found.end(1), found.group(1), "np")
        joined = joined_group(sentence, first)
        after = _AND_VERB.match(sentence.text, joined.end - sentence.start) if joined else None
        return joined if after and after.group(1) not in _NO_VERBS else None
    if found is None or found.group("verb") in _NO_VERBS or found.group("head").lower() in SPEECH_VERBS:
        return None  # `Friends and family said`, `Officials in Norland`, `Citizens who ...`: no verb yet; a modal
    mod, head = (found.group("mod") or "").strip().lower(), found.group("head")
    quantified = found.group("q") is not None and (not mod or mod.endswith("s") or mod in entities.NATIONALITIES)
    grouped = head.lower() in entities.GROUP_NOUNS and (not mod or mod in entities.NATIONALITIES or mod[:1].islower())
    national = mod in entities.NATIONALITIES and head[:1].islower()
    if not (quantified or grouped or national):
        return None
    end = nationals_end(sentence.text, found.start(1), found.end(1))  # `Families of Kestrian` + ` sailors`
    text = sentence.text[found.start(1) : end]
    return Mention(sentence.start + found.start(1), sentence.start + end, text, "np")


def opening_group(sentence) -> Mention | None:
    """`Local residents sharply criticised the ban`, `Economists at the planning bureau predict ...`,
    `Some members of parliament from the opposition say ...`: a sentence that opens with a group (a
    plural group noun, what qualifies it after `in`/`at`/`of`/`from`/`around` kept) right before a verb
    of saying is the group's, whatever other name the sentence holds (the one the letter was sent to, a
    body in its qualifier); the group as written, its qualifier included, as the annotators mostly
    record it. None unless the verb follows within 80 characters and the group noun heads the phrase."""
    if sentence.in_quote:
        return None
    text = sentence.text
    found = _OPENING_GROUP.match(text)
    modifiers = text[found.start("group") : found.start("head")].lower().split() if found else []
    if found is None or any(w in _NO_GROUP_MODIFIERS or w in SPEECH_VERBS for w in modifiers):
        return None  # `She said investigators ...`, `Her family said`: no group opens the sentence
    for verb in _WORD_AFTER_SPACE.finditer(text, found.end("head"), min(len(text), found.end("head") + 80)):
        if not (_finite_saying(verb) or _plural_saying(verb)):
            continue
        if text[: verb.start()].split()[-1].lower() in DETERMINERS:
            return None  # `Leaders of the fishing community laid the blame`: a noun, after a verb of its own
        phrase = text[found.start("group") : verb.start()].rstrip()
        phrase = _ADVERBS_AT_END.sub("", phrase)  # `... sharply` before `criticised`
        qualifier = phrase[found.end("head") - found.start("group") :]
        if qualifier and not _QUALIFIER_OPENS.match(qualifier):
            return None  # `Residents who ...`, `Farmers, angry at ...`: not a qualifier of the group
        if any(c in qualifier for c in ',;:"“”()'):
            return None
        start = sentence.start + found.start("group")
        return Mention(start, start + len(phrase), phrase, "np")
    return None


# a group that opens its sentence: up to three modifiers (`Senior`, `Eighty`, `State`) and a group noun
_NO_GROUP_MODIFIERS = PRONOUNS | AUXILIARIES | word_set("its his her their our my your a an has have had and or but")
_NO_GROUP_MODIFIERS |= CAPITAL_STOP - word_set("the some many most")  # `When residents in the area complained, ...`
_OPENING_GROUP = re.compile(
    rf"""\s*(?P<group>(?:(?:Some|Many|Several|Other|Most) +)?(?:[A-Za-z][\w'’-]* +){{0,3}}?"""
    rf"""(?P<head>(?i:{"|".join(sorted(entities.GROUP_NOUNS))}))\b)"""
)
_WORD_AFTER_SPACE = re.compile(r"(?<= )([a-z]+)\b")
_ADVERBS_AT_END = re.compile(r"(?: +(?:[a-z]+ly|also|have|has|had|now|all|both|recently|still))+$")
_QUALIFIER_OPENS = re.compile(r" +(?:in|at|of|from|around|across|near|on|for|with) +")


def joined_group(sentence, mention: Mention) -> Mention | None:
    """`Traders and economists say`, `welcomed by some farmers and analysts in Kestria`: a plural joined by
    `and` to a second plural, one of them a group noun, speaks with it, recorded as both (with a named
    place that qualifies the second, as `group_subject` keeps one); None where no such group follows."""
    first = mention.text.split()[-1].lower()
    found = _AND_GROUP.match(sentence.text, mention.end - sentence.start) if first.endswith("s") else None
    if found is None or not {first, found.group("head")} & entities.GROUP_NOUNS:
        return None
    return Mention(mention.start, sentence.start + found.end(), mention.text + found.group(), mention.kind)


def joint_subject(sentence, chosen: Mention | None, article: str | None) -> Mention | None:
    """`Tomas Vale and Ana Ruiz said`, `NAME of Eastport University and NAME2 of the Northfield Institute
    say`, `The ministry and the port authority said`, `NAME, along with senator NAME2, called`: a subject
    that joins two or more speakers with `and` right before a verb of saying speaks as one, recorded as
    the annotators join them (each person without the place they are of, each body as written); None
    unless the chosen mention lies inside that subject (any, where `chosen` is None) and every part is a
    person, a body or a group (not `the Centre for Disease Control and Prevention`, one body's name;
    not `The President and NAME`: a title alone is left to the rules that resolve it)."""
    text = sentence.text
    for pos in dict.fromkeys([_JOINT_LEAD.match(text).end(), len(text) - len(text.lstrip(' "“'))]):
        parts = _conjuncts(text, pos)
        if parts is None:
            continue
        start, end = parts[0][0], parts[-1][1]
        if chosen is not None and not start <= chosen.start - sentence.start < end:
            continue
        along = text[end : end + 1] == "," and _ALONG_WITH.search(text, start, end) is not None
        verb = _JOINT_VERB.match(text, end + along)  # `NAME, along with NAME2, said`: past the closing comma
        if not (_finite_saying(verb) or _plural_saying(verb)):
            continue
        if _shared_group(parts):  # `Norland and Kestrian officials`: one group, as written
            return Mention(sentence.start + start, sentence.start + end, text[start:end], "np")
        names = [_joint_part(article or text, text[a:b], name, sentence.start + a) for a, b, name in parts]
        if None in names:
            continue
        joined = ", ".join(names[:-1]) + " and " + names[-1]
        return Mention(sentence.start + start, sentence.start + end, joined, "name")
    return None


def _conjuncts(text: str, pos: int) -> list[tuple[int, int, str]] | None:
    """The parts (start, end, name) of a subject at `pos` that joins speakers with `and`, or None."""
    parts = []
    while True:
        part = _CONJUNCT.match(text, pos)
        if part is None:
            return None
        parts.append((part.start(), part.end(), part.group("name")))
        sep = _JOINT_SEP.match(text, part.end())
        if sep is None:
            return None
        pos = sep.end()
        if "and" in sep.group() or "with" in sep.group():
            last = _CONJUNCT.match(text, pos)
            if last is None:
                return None
            return parts + [(last.start(), last.end(), last.group("name"))]


def untitled(words: list[str]) -> list[str]:
    """The words of a name without the titles it opens with, singular or plural (`Senators Ana Ruiz`),
    where at least two words are left."""
    words = list(words)
    while len(words) > 2 and (is_title(words[0]) or is_title(words[0].removesuffix("s"))):
        words.pop(0)
    return words


def person_part(words: list[str]) -> list[str]:
    """The name after the last role or title and a leading nationality (`Harbour Guard Lieutenant Tomas
    Vale`, `City Councilmember Ana Villalobos`, `Kestrian Ana Ruiz` -> the person's name),
    where at least two names follow; the words as they are otherwise."""
    roles = [k for k, w in enumerate(words[:-2]) if is_title(w)]
    written, words = words, words[roles[-1] + 1 :] if roles else words
    if roles and roles[0] >= 2 and len(words) == 2 and words[0] in ("of", "for", "to"):
        return written[: roles[0]]  # `Tomas Vale Prime Minister of Norland`: the name before the office
    if words[:1] in (["of"], ["for"], ["to"]):  # `Secretary of State Ana Ruiz`: the place ends the title
        words = words[-2:]
    return words[1:] if len(words) > 2 and words[0].lower() in entities.NATIONALITIES else words


def _shared_group(parts: list[tuple[int, int, str]]) -> bool:
    """Whether the joined parts are places or nationals before one group noun (`U.S. and Kestrian officials`)."""
    *first, last = [name.split() for _, _, name in parts]
    return len(last) == 2 and last[1] in entities.GROUP_NOUNS and all(len(words) == 1 for words in first)


def _joint_part(article: str, written: str, name: str, at: int) -> str | None:
    """One part of a joint subject as recorded: a person by name (no title, no place), a body or a
    group as written, a surname or a short name of someone the article named before (resolution
    writes it in full); None for anything else (a place, a date, a word of a longer name)."""
    words = name.split()
    if titles_only(name) or words[0].lower() in CAPITAL_STOP or any(w.lower() in entities.DATE_WORDS for w in words):
        return None  # `On Monday`, `In March`: no speaker
    if len(words) == 1 and entities.surname_before(article, name, at):  # `Vale, Dean and Ruiz denied`
        return name
    if name[:1].islower() or not words[-1][:1].isupper():  # `the port authority`, `Kestrian officials`
        head = words[-1].lower()
        return written if head in entities.ORG_NOUNS or head in entities.GROUP_NOUNS else None
    kind = entities.mention_type(article, name)
    if kind == entities.PERSON:
        return " ".join(person_part(untitled(words)))  # `Senators NAME`, `UAW President NAME` -> `NAME`
    if kind == entities.ORGANISATION or name.lower() in entities.COUNTRIES:
        return written
    return None


# a part of a joint subject: a capitalised name (nationals: `Kestrian officials`) or a body or group
# behind `the`, then the place a person is of (`of the Northfield Institute`)
_CONJUNCT = re.compile(
    r"(?:(?:[Tt]he|[Bb]oth) +)?(?P<name>[A-Z][\w'’.-]*(?: +(?:[A-Z][\w'’.-]*|de|van|von|al|bin))*(?: +[a-z]+s\b)?"
    rf"|(?<=[Tt]he )(?:[a-z]+ +){{0,2}}(?:{'|'.join(sorted(entities.ORG_NOUNS | entities.GROUP_NOUNS))})\b)"
    r"(?: +(?:of|from|at) +(?:the +)?[A-Z][\w'’.-]*(?: +(?:of +)?[A-Z][\w'’.-]*)*)?"
)
# a phrase of time or place before the subject (`On Monday, `), not the start of a list (`A team from NAME, `)
_JOINT_LEAD = re.compile(
    r"""[\s"“]*(?:(?:In|On|At|After|During|Last|This|Earlier|Later|Meanwhile|However|Yesterday|Today|But|And)\b"""
    r"""[^,;:"“”]{0,50}, +)?"""
)
_ALONG_WITH = re.compile(r", +(?:along|together) +with +")
_JOINT_SEP = re.compile(r",? +and +|, +(?:along|together) +with +(?:[a-z]+ +){0,2}|, +(?=[A-Z]|the )")
_JOINT_VERB = re.compile(
    r" +(?:(?:both|all|also|already|now|since|jointly|together|have|has|had|[a-z]+ly) +){0,3}([a-z]+)\b"
)


# ` and fishermen`, ` and the officials in Kestria`: a second group after `and`, its named place kept
_AND_GROUP = re.compile(
    r" and +(?:the +)?(?P<head>[a-z]+s)\b(?: +(?:in|at|from|of) +(?:the +)?[A-Z][\w'’-]*(?: +[A-Z][\w'’-]*)*)?"
)


# `it was reported that`, `It has been alleged`, `it was announced today`: news reporting what no one
# it names says (not `It was reported by the BBC`: the agent says it)
_IMPERSONAL = re.compile(
    r"\b[Ii]t +(?:is|was|has +been|had +been|is +being|was +being) +(?:(?:[a-z]+ly|now|also|later|then) +)?"
    r"(?:reported|alleged|claimed|announced|rumou?red|suggested)\b(?! +by\b)"
)
# `NAME was accused of`, `Norland Ferries was warned last year that`: a passive verb of saying, its agent unnamed
_TOLD = re.compile(
    r"\b(?:is|are|was|were|been|being) +(?:(?:[a-z]+ly|now|also|later|then) +)?"
    r"(?P<verb>told|warned|accused|informed|advised)\b(?! +by\b)"
)


_CITES = re.compile(r"\baccording +to\b|^\W*Per\b")
_UNSAID_VERBS = ("reported", "alleged", "claimed", "announced", "rumoured", "rumored", "suggested", "told")
_UNSAID_VERBS += ("warned", "accused", "informed", "advised")
_SAID_UNSAID = re.compile(rf"\b(?:{'|'.join(_UNSAID_VERBS)})\b")
_NOT_TOLD_SUBJECTS = word_set("he she they i we you who which that")


def impersonal(sentence) -> bool:
    """`It was claimed in court that ...`, `..., it was reported on Tuesday.`, and
    `NAME was also accused of ...`, `Norland Ferries was warned last year that ...` with no other verb of saying: a
    statement reported impersonally, or one whose only sayer is left out of a passive, outside
    quotation marks, is said by no one the article names."""
    # cheap looks first: asked for every quote sentence
    if not any(w in sentence.text for w in _UNSAID_VERBS) or not _SAID_UNSAID.search(sentence.text):
        return False
    masked = mask_quoted(sentence.text, '"' if sentence.in_quote else None)
    if _CITES.search(masked):
        return False  # `Per the coastguard's log, NAME was warned`: the source cited says it
    if _IMPERSONAL.search(masked):
        return True
    told = _TOLD.search(masked)
    before = masked[: told.start()].split()[-1:] if told else []
    if told is None or (before and before[0].lower() in _NOT_TOLD_SUBJECTS):
        return False  # `he was told that ...` (his own account), `who were later accused of` (a clause)
    said = [w for w in _WORD.findall(masked) if w.lower() in SPEECH_VERBS]
    return said == [told.group("verb")]


def answered_by(sentence, article: str | None) -> Mention | None:
    """The name an interview writes before a turn (`Ana: We hope ...`, `((Norpress)) How do you ...?`,
    a headline `Ana Ruiz: Norland will join`): who says the sentence; `NAME:` only where the sentence
    has no verb of saying of its own. Not a place (`Norland: ...`), a date, or a heading (`Update:`)."""
    turn = _TURN.match(sentence.text) if ":" in sentence.text or "((" in sentence.text else None  # a turn has either
    if turn is None:
        return None
    k = 1 if turn.group(1) else 2
    if k == 2 and not unsaid(sentence):  # `LISBON: Portugal's minister Rui Costa said`: a dateline
        return None
    name = turn.group(k)
    if name.lower() in _NOT_TURNS or name.split()[0].lower() in CAPITAL_STOP or kicker(name):
        return None
    if article is not None and entities.mention_type(article, name) in (entities.PLACE, entities.DATE):
        return None
    start = sentence.start + turn.start(k)
    return Mention(start, start + len(name), name, "name")


def kicker(name: str) -> bool:
    """`BURNED OUT` of `BURNED OUT: Parents fume ...`: words in capitals before a headline's colon that
    name no one (a turn's `ANA RUIZ:` opens with a given name)."""
    words = name.split()
    return len(words) > 1 and name.isupper() and words[0].title() not in entities.given_names()


_BY_AGENT = re.compile(  # `were reported by `, `As described by `, `was widely echoed by `; not `feels threatened by`
    r"\b(?:is|are|was|were|be|been|[Aa]s) +(?:[a-z]+ly +)?([a-z]+ed) +by +(\S+(?: +\S+)?)"
)
_PASSIVE_SAYING = word_set("decried echoed considered attacked")  # verbs of saying read only in the passive here


def passive_speaker(sentence, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """The agent of a passive verb of saying (`Twenty deaths were reported by Norland authorities`, `The
    order was described by Commissioner Vale as ...`, `As described by ERI researchers, ...`): the
    speaker, where the sentence has no other verb of saying; the longest candidate that starts right
    after `by`. Reads the masked sentence once."""
    if " by " not in sentence.text or _BY_AGENT.search(sentence.text) is None:  # the common case, before masking
        return None
    masked = mask_quoted(sentence.text, '"' if sentence.in_quote else None)
    passive = [m for m in _BY_AGENT.finditer(masked) if m.group(1) in _SAYING_AT_ALL | _PASSIVE_SAYING]
    if len(passive) != 1:
        return None
    saying = [w for w in re.findall(r"[a-z]+", masked) if w in _SAYING_AT_ALL]
    if len(saying) > (passive[0].group(1) in _SAYING_AT_ALL):
        return None  # `NAME said the plan was described by ...`: the active verb's subject says it
    # the first candidate in the agent's first two words (`by dissenting Commissioner NAME`, a title cut)
    start, end = sentence.start + passive[0].start(2), sentence.start + passive[0].end(2)
    after = [m for m, _ in found if start <= m.start < end and m.kind != "pronoun"]
    first = min(after, key=lambda m: (m.start, -m.end)) if after else None
    if first is not None and first.start == start:
        return first
    return _agent_phrase(sentence, masked, passive[0].start(2)) or first


def _agent_phrase(sentence, masked: str, at: int) -> Mention | None:
    """The lower-case agent phrase a passive's `by` opens where no candidate starts there (`by other
    ferry operators of cutting`, `by local skippers as the best`): its words up to a preposition,
    a conjunction or punctuation, at most five, ending on a plural noun."""
    found = _AGENT_WORDS.match(masked, at)
    words = []
    for word in found.group().split() if found else []:
        if word.lower() in _AGENT_STOP:
            break
        words.append(word)
    if not words or not words[-1].endswith("s") or not words[0][:1].islower():
        return None
    text = " ".join(words)
    return Mention(sentence.start + at, sentence.start + at + len(text), text, "np")


_AGENT_WORDS = re.compile(r"(?:[\w'’-]+ +){0,4}[\w'’-]+")
_AGENT_STOP = word_set("of as for to in on at that and with from who which when while")


def opening_subject(sentence, mention: Mention, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """`Traders on the east side of the harbour say`: a noun phrase after a preposition, right before
    the verb, ends the subject the sentence opens with; the speaker is that whole phrase (a group with
    its qualifier, as the annotators write it), not the last noun of the qualifier."""
    features = next(f for m, f in found if m == mention)
    if mention.kind != "np" or not (features.get("after_preposition") and features.get("adj_before_verb")):
        return None
    opener = next((m for m, f in found if f.get("opens_clause_of_verb") and m.end < mention.start), None)
    if opener is None or opener.kind == "pronoun":
        return None
    phrase = sentence.text[opener.start - sentence.start : mention.end - sentence.start]
    words = phrase.lower().split()
    if len(words) > 10 or _PHRASE_BREAK.search(phrase) or _RELATIVE.intersection(words):
        return None  # a clause or a parenthesis inside, not one noun phrase
    before = sentence.text[opener.start - sentence.start : mention.start - sentence.start].rstrip()
    named = before[:-3].endswith("ed")  # `One of the boards named in the review`: the place is part of it
    if words[0] in ("a", "an", "one") and before.endswith(" in") and not named:  # `A market trader in the city said`:
        head = before[:-3].rstrip()  # one person, written without the place
        return Mention(opener.start, opener.start + len(head), head, "np")
    return Mention(opener.start, mention.end, phrase, "np")


def before_who(sentence, mention: Mention) -> Mention | None:
    """`Farmers who took part say`, `One diner who ate there on its opening night told us`: a noun
    chosen inside a `who` clause that runs from the subject the sentence opens with to the verb of
    saying is no speaker; that subject is (written without the clause)."""
    if mention.kind not in ("bare", "np"):  # a name there may be the speaker's
        return None
    found = _SUBJECT_WHO.match(sentence.text)
    if not found or sentence.start + found.end() > mention.start:
        return None
    clause = sentence.text[found.end() : mention.start - sentence.start]
    if _PHRASE_BREAK.search(clause) or _QUOTE_MARK.search(clause):
        return None  # `NAME, who ..., said`: a comma closes the clause before the verb
    start = sentence.start + found.start(1)
    return Mention(start, start + len(found.group(1)), found.group(1), "np")


_SUBJECT_WHO = re.compile(r"""\s*((?:[A-Z][a-z]*)(?: +[a-z]+){0,2}) +who +""")  # `One local diner who`
_QUOTE_MARK = re.compile(r"[\"“”]")


def document_subject(sentence, mention: Mention, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """`The report cites ... because it allows ...`: a document the sentence opens with, right before a
    verb (`cites`, `advised`), says the sentence, not a pronoun or phrase after it that no verb of
    saying stands beside (the fitted weights score a document before a rare verb near zero)."""
    if beside_saying(next(f for m, f in found if m == mention)):
        return None
    for m, _ in found:
        opens = m.kind == "np" and m.start == sentence.start + len(sentence.text) - len(sentence.text.lstrip(' "“'))
        if opens and m != mention and m.text.split()[-1].lower() in entities.DOC_NOUNS:
            verb = _DOCUMENT_VERB.match(sentence.text, m.end - sentence.start)
            participle = verb and _PARTICIPLE_NEXT.match(sentence.text, verb.end())  # `A report published by`
            return m if verb and verb.group(1) not in _NOT_DOCUMENT_VERBS and not participle else None
    return None


def reports_as_noun(sentence, mention: Mention) -> Mention | None:
    """`Early reports had said ...`, `However, other press agency reports put the toll at ten`: a
    `reports` after a word that is no name and before a verb is the plural noun, and the reports say
    the sentence, written from the clause's start (not the word before them, read as a verb's subject)."""
    at = mention.end - sentence.start
    found = _REPORTS_THEN_VERB.match(sentence.text, at)
    if found is None or mention.kind == "pronoun":
        return None
    before = _PHRASE_BREAK.split(sentence.text[:at])[-1]
    start = at - len(before.lstrip(' "“'))
    words = sentence.text[start:at].split()
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and start > 0):
        return None  # `Norco reports`, `the Kestria Times reports`: a name's verb
    end = at + len(found.group(1))
    return Mention(sentence.start + start, sentence.start + end, sentence.text[start:end], "np")


# ` reports had`, ` reports put`: `reports` followed by a verb (an auxiliary or a past tense)
_REPORTS_THEN_VERB = re.compile(r"( +reports)(?= +(?:had|have|were|put|said|say|stated|suggested|indicated|claimed)\b)")


_DOCUMENT_VERB = re.compile(r" +(?:also +)?([a-z]+(?:s|ed))\b")
_NOT_DOCUMENT_VERBS = word_set("is was has does needs quotes quoted")  # `The report quotes NAME`: NAME says it
_PARTICIPLE_NEXT = re.compile(r" +(?:by|on|in|last|this|earlier|at|from|for|to)\b")
_PHRASE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_RELATIVE = frozenset(("that", "who", "which", "whose", "whom", "where", "when"))


def cites_first(sentence, cited: Mention) -> bool:
    """`According to the organisers, ...`: the sentence opens with whom it cites, a comma after it."""
    return sentence.text[: cited.start - sentence.start].strip(' "“').lower() in (
        "according to",
        "per",
    ) and sentence.text[cited.end - sentence.start :].startswith(",")


def beside_saying(features: dict[str, float]) -> bool:
    """A candidate right before or after a verb of saying (`NAME said`, `said NAME`)."""
    return bool(features.get("next=<speech>") or features.get("prev=<speech>"))


def cited_by(found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """The whole phrase after the sentence's first `according to` (no pronoun), or None."""
    cited = [m for m, f in found if f.get("according") and m.kind != "pronoun"]
    if not cited:
        return None
    first = min(m.start for m in cited)
    return max((m for m in cited if m.start == first), key=lambda m: m.end)


def both_named(
    sentence, chosen: Mention, scored: list[tuple[float, Mention, dict]], article: str | None
) -> Mention | None:
    """`NAME said ... and NAME2 said ...`, `NAME has blamed ..., while NAME2 has accused ...`: two people
    who each say their part of one sentence, joined in a second clause; the annotators record both
    (`A and B`, each resolved by `resolve`). None unless a second person's name scores above zero
    right after `and`, `while`, `whilst` or `but` that follow a lower-case word (not `Political and
    Strategic Studies`), with a verb of saying between the two and one within three words after it;
    or two people listed after the verb, each with an office of capitalised words (`said NAME, Foreign
    Minister and NAME2, Attorney-General`)."""
    if chosen.kind != "name" or " and " in chosen.text:
        return None
    listed = _VERB_BEFORE.search(sentence.text[: chosen.start - sentence.start])
    for score, m, f in scored:
        if m.kind != "name" or m.start <= chosen.end or " " not in m.text:
            continue
        between = sentence.text[chosen.end - sentence.start : m.start - sentence.start]
        # `said NAME, Foreign Minister and NAME2, Attorney-General`: two people, each with their office
        pair = listed and _LISTED_PAIR.fullmatch(between) and sentence.text[m.end - sentence.start :][:1] == ","
        if pair and (article is None or entities.mention_type(article, m.text) == entities.PERSON):
            return Mention(chosen.start, m.end, f"{chosen.text} and {m.text}", "name")
        if score <= 0 or not any(f.get(f"gap_to_verb={k}") for k in range(4)):
            continue
        before = sentence.text[chosen.end - sentence.start : m.start - sentence.start]
        if not _SECOND_CLAUSE.search(before) or entities.same_entity(m.text, chosen.text):
            continue
        if not SPEECH_VERBS.intersection(re.findall(r"[a-z]+", before)):  # the first one's clause says it too
            continue
        if article is not None and entities.mention_type(article, m.text) != entities.PERSON:
            continue
        return Mention(chosen.start, m.end, f"{chosen.text} and {m.text}", "name")
    return None


_VERB_BEFORE = re.compile(r"\b(?:said|says|added|wrote|stated)\s+\Z")
_WHILE_SAYER = re.compile(
    r",? +(?:while|whilst) +((?:the +)?[A-Z][\w'’.-]*(?: +[A-Z][\w'’.-]*){0,3}|the +[a-z]+(?: +[a-z]+){0,2})"
    r"(?: +(?:has|have|had))? +([a-z]+)\b"
)  # `, while the fisheries ministry claim`, `, while Osei has accused`


def while_another(sentence, chosen: Mention, article: str | None) -> Mention | None:
    """`The Norland League claim 53 died, while the health ministry claim 51`, `Norland says ... while
    Eastmark insists ...`: two speakers (people or bodies) who each say their part of one sentence,
    the second opening a `while` clause with its own verb of saying right after it; the annotators
    record both (`A and B`, each resolved by `resolve`). Reads the masked sentence after the mention."""
    if chosen.kind not in ("name", "np") or " and " in chosen.text:
        return None
    offset = chosen.end - sentence.start
    if "whil" not in sentence.text:  # the common case, before masking the quotation
        return None
    masked = mask_quoted(sentence.text, '"' if sentence.in_quote else None)
    found = _WHILE_SAYER.search(masked, offset)
    if found is None or found.group(2) not in SAYING:
        return None
    if not SAYING.intersection(re.findall(r"[a-z]+", masked[offset : found.start()])):
        return None  # the first one's clause says its part too
    second = found.group(1)
    words = second.split()
    if words[-1][:1].islower() and words[-1] not in entities.ORG_NOUNS | entities.GROUP_NOUNS:
        return None  # `while the others claim`: no body
    if entities.same_entity(second, chosen.text) or (words[0].lower() in CAPITAL_STOP and len(words) == 1):
        return None
    end = sentence.start + found.end(1)
    return Mention(chosen.start, end, f"{chosen.text} and {second}", "name")


# an office of capitalised words only: `Minister of Harbours and Digital Infrastructure` goes on
_LISTED_PAIR = re.compile(r", +(?:[A-Z][\w'’-]* +){0,3}[A-Z][\w'’-]*,? +and +")
_SECOND_CLAUSE = re.compile(
    r"(?<![\w'’-])[a-z][\w'’-]*[\"”’]?(?:,? +(?:and|while|whilst|but)|;) +(?:[a-z]+ +[a-z]+, +)?(?:[A-Z][a-z]+ +)?\Z"
)  # `... voting and Senator `, `..., while his aunt, `


def reported_subject(sentence, mention: Mention) -> bool:
    """A pronoun right after a verb of saying and `that` (`the general was critical, saying that they
    are poorly configured`), or right after the verb and before the verb of what is said (`Residents in
    the area said they heard a bang`): the subject of what is said, never who says it. Not in a tag
    after a quotation or a comma (`"...," said he.`)."""
    if mention.kind != "pronoun":
        return False
    at = mention.start - sentence.start
    before = sentence.text[:at].split()[-2:]
    if len(before) == 2 and before[1].lower() == "that" and before[0].lower() in SPEECH_VERBS:
        return True
    if len(before) < 2 or before[1] not in SPEECH_VERBS or before[0][-1:] in ',"”’':
        return False
    after = _NEXT_WORD.match(sentence.text, at + len(mention.text))
    return bool(after) and not after.group(1).endswith("ly")


_NEXT_WORD = re.compile(r" +([a-z]+)\b")


TAG_BEFORE = re.compile(r"""(?:[,.!?…—-]["”’]|["”’],)\s*(?:[a-z]+\s+)?$""")  # `...," protested ` / `...," ` before it


_TAG_THE = re.compile(r"""(?:[,.!?…—-]["”’]|["”’],)\s*[a-z]+\s+the\s+$""")  # `...," said the ` before a name


def closing_tag(sentence, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """`It was taking off ..., said Lieutenant Colonel NAME, spokesman for ...`, `The soldiers were
    "...," said General NAME, commander of ...`: a comma or a closing quotation mark, a verb of saying,
    titles or a role at most, and a person's full name: news writing's own attribution, whatever
    subject the sentence opens with. None where there is no such tag."""
    text = sentence.text
    for mention, _ in found:
        at = mention.start - sentence.start
        if mention.kind != "name" or " " not in mention.text or text.startswith(("'s", "’s"), at + len(mention.text)):
            continue
        tag = _CLOSING_TAG.search(text, max(0, at - 120), at)
        if not tag or tag.group(1) not in SPEECH_VERBS - _TO_HEARER or tag.group(1).endswith("ing"):
            continue
        if not _TAG_ENDS.match(text, at + len(mention.text)):  # `, said President NAME phoned ...`: a clause
            continue
        lower = [w for w in tag.group(2).split() if w[:1].islower()]
        if all(w in ROLE_NOUNS or "-" in w for w in lower) and entities.mention_type(text, mention.text) == "person":
            return mention
    return None


# `, said `, `," said ` and what stands before the name: capitalised words or a role (`NORG co-author `)
_TAG_ENDS = re.compile(r"""\s*(?:[,.;:!?()"“”’]|$|(?:to|in|at|from|of|on|for)\b)""")
_TO_HEARER = word_set("told tells asked asks informed")  # `, told Harbour Mechanics`: whom it was said to
_CLOSING_TAG = re.compile(r"""(?:,|[,.!?]["”’])\s+([a-z]+)\s+((?:[\w.'’-]+\s+){0,5}?)\Z""")


def tags_quotation(sentence, mention: Mention, features: dict[str, float]) -> bool:
    """A candidate right after a quotation's closing mark and beside a verb of saying (`"...,"
    protested Brenn`, `"...," the minister quipped`): news writing's own attribution, whatever
    the verb, where the fitted weights know too little of a rare verb to score it above zero."""
    before = sentence.text[: mention.start - sentence.start]
    if not (TAG_BEFORE.search(before) or _TAG_THE.search(before)):
        return False
    after = features.get("adj_after_verb") and features.get("gap_from_verb=0")
    return bool(after or features.get("adj_before_verb"))


def subject_mention(sentence, article: str | None = None) -> Mention | None:
    """The subject a reported statement (no quotation marks) opens with, for a quote sentence whose
    candidates all score below zero and that continues no run (`Iran signalled it would talk`,
    `Meanwhile, Brenn has contested the charges`): the label says someone says it, and
    news puts the sayer first."""
    if direct_speech(sentence):
        return None
    found = candidates(sentence)
    offset = sentence.start
    found = [
        m
        for m, f in found
        if _says_as_group(sentence, m) or not entities.blocked(sentence.text, m.start - offset, m.text, article, f)
    ]
    subject = _subject(sentence, found)
    subject = _through_of(sentence, subject) if subject and subject.kind == "name" else subject
    return _nationals_of(sentence, refined_mention(sentence, subject, found)) if subject else None


_NOUN_AFTER = re.compile(r" +([a-z]+s)\b")


def nationals_end(text: str, start: int, end: int) -> int:
    """Where a group ending in `of` and a nationality at text[start:end] ends with the plural noun the
    nationality qualifies (`Families of Kestrian` + ` sailors`), else `end`."""
    words = text[start:end].split()
    if len(words) < 3 or words[-2] != "of" or words[-1].lower() not in entities.NATIONALITIES:
        return end
    noun = _NOUN_AFTER.match(text, end)
    return end if noun is None or noun.group(1) in SAYING else noun.end()


def _nationals_of(sentence, mention: Mention) -> Mention:
    """A group ending in a nationality, with the plural noun it qualifies (`Families of Kestrian sailors
    appealed`, where the words cut at `sailors` gave `Families of Kestrian`): the whole group."""
    at = mention.start - sentence.start
    end = nationals_end(sentence.text, at, at + len(mention.text))
    text = sentence.text[at:end]
    return Mention(mention.start, mention.start + len(text), text, mention.kind)


def _through_of(sentence, mention: Mention) -> Mention:
    """An organisation's name the candidates cut at `of` / `for` (`The Bureau of Meteorology's latest
    advice says`, `The International Council for the Exploration of the Sea ... has recommended`): the
    whole name, as the article writes it."""
    if entities.mention_type(sentence.text, mention.text) != entities.ORGANISATION:
        return mention
    found = _OF_NAME.match(sentence.text, mention.end - sentence.start)
    if not found:
        return mention
    text = mention.text + found.group().removesuffix("'s").removesuffix("’s")
    return Mention(mention.start, mention.start + len(text), text, mention.kind)


_OF_NAME = re.compile(r" +(?:of|for) +(?:the +)?[A-Z][\w'’-]*(?:(?: +(?:of|the|for|and))* +[A-Z][\w'’-]*)*")


def _says_as_group(sentence, mention: Mention) -> bool:
    """A word before a group noun and a verb of saying (`Hard-line clerics stress ...`), or the place
    or body that qualifies the group (`Government officials in Norland, the centre of the outbreak,
    have said`): the group's qualifier, a speaker even where the article writes the word only at
    sentence starts."""
    after = sentence.text[mention.end - sentence.start :].split()[:2]
    said = len(after) == 2 and (after[1] in SAYING or after[1] in _QUALIFYING)
    return said and after[0].lower() in entities.GROUP_NOUNS


_LEAD = re.compile(r"(?:[^,;:\"“”]{0,60}, +)?")  # `Last week, `, `Meanwhile, `


def _subject(sentence, found: list[Mention]) -> Mention | None:
    """The mention `subject_mention` takes: the longest opening one a verb follows, else an opening name."""
    lead = _LEAD.match(sentence.text).end()

    def opens(m: Mention) -> bool:  # at the start, after a leading phrase, or behind `The`
        at = m.start - sentence.start
        return any(sentence.text[k:at].strip().lower() in ("", "the") for k in (0, lead) if k <= at)

    opening = [m for m in found if opens(m) and m.kind != "bare"]
    opening = [m for m in opening if re.match(r",? *[a-z]", sentence.text[m.end - sentence.start :])]
    # a noun phrase may have swallowed the verb (`The navy signalled`): the longest one a verb follows
    verbed = [m for m in opening if _VERB_NEXT.match(sentence.text, m.end - sentence.start)]
    names = [m for m in opening if m.kind == "name"]
    verbed = [m for m in verbed if not _next_word(sentence, m).endswith(("'", "’"))]  # `leaders'`: no verb
    plain = [m for m in verbed if _plain_s(sentence, m)]
    if verbed and len(plain) == len(verbed):
        # only a word in -s after each (`The report attributes overall patterns`): the first is the verb
        return min(verbed, key=lambda m: m.end - m.start)
    # a past tense or a verb of saying after one (`The four suspects named other members`): that one's
    verbed = [m for m in verbed if m not in plain]
    return max(verbed or names, key=lambda m: m.end - m.start, default=None)


def _next_word(sentence, mention: Mention) -> str:
    """The word after the mention, lower case."""
    word = _WORD.match(sentence.text, sentence.text.find(" ", mention.end - sentence.start) + 1)
    return word.group().lower() if word else ""


def _plain_s(sentence, mention: Mention) -> bool:
    """The word after the mention ends in -s and is no verb of saying (`attributes`, `patterns`): a verb
    or a plural noun, which its form does not tell."""
    low = _next_word(sentence, mention)
    return low.endswith("s") and low not in SAYING and low not in AUXILIARIES and low != "has"


_VERB_NEXT = re.compile(  # an adverb may stand before the verb (`The Vale administration eventually stopped`)
    r",? +(?:[a-z]{3,}ly +)?(?:[a-z]+(?:ed|s)|has|have|had|was|were|is|are|will|would|could|can|may|might|did|does)\b"
)


def refined_mention(sentence, mention: Mention, others: list[Mention]) -> Mention:
    """The entity layer's say on the chosen mention: the person before `of the Forum`, the person
    named in apposition after a description, a place that ends a long title cut off."""
    at = mention.start - sentence.start
    spans = [(o.start - sentence.start, o.text) for o in others if o.kind != "pronoun"]
    aside = _dash_aside(sentence.text, at, mention, spans)
    if aside is not None:  # `Ruiz — unseen since the spring — said`: who the aside is about
        at, kind = aside[0], "name" if aside[1][:1].isupper() else "np"
        mention = Mention(sentence.start + at, sentence.start + at + len(aside[1]), aside[1], kind)
    subject = _apposed_subject(sentence.text, at, spans)
    if subject is not None:  # `The Vice Speaker of the Norland Parliament, NAME, warned`
        at = subject[0]
        mention = Mention(sentence.start + at, sentence.start + at + len(subject[1]), subject[1], "name")
    shifted = entities.owner(sentence.text, at, mention.text, spans)
    if shifted and not shifted[1][:1].isupper():  # `NAME, a security analyst at the Center for ... told`
        shifted = (
            entities.opening_person(sentence.text, *shifted, spans)
            or _named_after(sentence.text, at, mention, spans)
            or (entities.appositive_person(sentence.text, *shifted, spans) if shifted[1][:1].islower() else None)
            or shifted
        )  # `the chairman of the Commission, NAME`: the person named after
    titled = mention.kind == "name" and titles_only(mention.text)
    shifted = shifted or entities.appositive_person(sentence.text, at, mention.text, spans, titled)
    shifted = shifted or entities.opening_person(sentence.text, at, mention.text, spans)
    shifted = _left_open(sentence.text, at, mention, spans) or shifted
    shifted = _place_of(sentence.text, at, mention, spans) or shifted
    owner = _speech_owner(sentence.text, at, mention)
    if owner and owner[1].lower() in ("his", "her"):  # `Her 2011 speech mentioned`: whom the her means
        start = sentence.start + owner[0]
        return Mention(start, start + len(owner[1]), "he" if owner[1].lower() == "his" else "she", "pronoun")
    shifted = owner or shifted
    shifted = shifted or _role_then_person(sentence.text, at, mention, spans)
    shifted = shifted or _named_before(sentence.text, at, mention, spans)
    shifted = shifted or _relative_after(sentence.text, at, mention, spans)
    shifted = shifted or _holder_after(sentence.text, at, mention, spans)
    group = None if shifted else _group_opening(sentence.text, at, mention)
    shifted = shifted or group
    if shifted:
        at, kind = shifted[0], "name" if shifted[1][:1].isupper() and not group else "np"
        mention = Mention(sentence.start + at, sentence.start + at + len(shifted[1]), shifted[1], kind)
    named = _trailing_name(mention.text) if mention.kind == "np" and not shifted else None
    if named:  # `according to Iraqi political analyst Hazem Saadi` -> `Hazem Saadi`
        at, mention = at + len(mention.text) - len(named), Mention(0, 0, _person_of(sentence.text, named), "name")
    at, text = entities.trim_title(sentence.text, at, mention.text)
    grouped = _grouped(sentence, Mention(sentence.start + at, sentence.start + at + len(text), text, mention.kind))
    return _whose(sentence, _unplaced(grouped))


def _unplaced(mention: Mention) -> Mention:
    """`A police spokesperson in Lagos said`: where one person described by a role is says where they
    are, not who they are (the annotators write `a police spokesperson`); `for`/`at`/`of` a body stay."""
    placed = _PLACED.match(mention.text) if mention.kind == "np" else None
    if not placed or placed.group(2) not in entities.PERSON_NOUNS:
        return mention
    return Mention(mention.start, mention.start + placed.end(1), placed.group(1), "np")


_PLACED = re.compile(r"((?:[Aa]n?|[Oo]ne) +(?:[\w'’-]+ +){0,3}?([a-z]+)) +in +[A-Z]")


# a sentence that opens with a description (no comma in it), then a full name set off by commas and a
# lower-case word (its verb)
_APPOSED_SUBJECT = re.compile(r"""[^,;:"“”()]{3,140}?, +([A-Z][\w'’.-]+(?: +[A-Z][\w'’.-]+){1,3}), +[a-z]""")


def _apposed_subject(text: str, at: int, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`The Vice Speaker of the Norland Parliament, NAME, warned`, `Deputy director for Europe for Harbour
    Watch, NAME, said`: a person's full name in apposition after the description a sentence
    opens with is its subject (the description says who they are); a candidate chosen in the description
    gives way to it."""
    found = _APPOSED_SUBJECT.match(text)
    if found is None or at >= found.start(1):
        return None
    if any(w.lower() in SPEECH_VERBS for w in _WORD.findall(text[: found.start(1)])):
        return None  # `NAME's Minister confirmed one of the women, NAME2, is ...`: the opening has its verb
    start, words = found.start(1), found.group(1).split()
    while len(words) > 2 and is_title(words[0]):  # `..., Ing. NAME, told`, `..., Dr. NAME, said`: the name
        start = text.index(words[1], start + len(words[0]))
        words.pop(0)
    name = (start, " ".join(words))
    if name not in spans or entities.mention_type(text, name[1]) != entities.PERSON:
        return None
    return name


def _whose(sentence, mention: Mention) -> Mention:
    """`said a guardian whose son was jailed.`: one person described by a relative clause that ends
    the sentence is written with it (the clause says who they are), as the annotators record them."""
    if mention.kind != "np" or mention.text.split()[0].lower() not in ("a", "an", "one"):
        return mention
    rest = sentence.text[mention.end - sentence.start :]
    clause = _WHOSE.match(rest)
    if not clause:
        return mention
    text = mention.text + clause.group(1)
    return Mention(mention.start, mention.start + len(text), text, "np")


_WHOSE = re.compile(r"""( +whose +[^,;:"“”()]{1,80}?)[.!?]?["”’]?\s*\Z""")


def _named_before(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`AFP spoke to Ana Ruiz, an expert from Norland University, who said`: a description chosen right
    after a person's full name and a comma describes that person, who speaks."""
    if mention.kind != "np" or mention.text.split()[0].lower() not in ("a", "an", "the"):
        return None
    for o_at, o_text in spans:
        if o_at + len(o_text) < at and _APPOSED.fullmatch(text[o_at + len(o_text) : at]) and " " in o_text:
            named = o_text[:1].isupper()  # not `... a food collection from 7 October, the council has confirmed`
            return (o_at, o_text) if named and entities.mention_type(text, o_text) == entities.PERSON else None
    return None


_APPOSED = re.compile(r", +| +who +(?:is|was) +")  # `NAME, an expert`, `NAME who is an activist`


def _left_open(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`NAME, writer and chairman of the Norland Pen says`, `NAME, who attended the hearing said`: the
    mention chosen right before the verb of saying ends a description the writer set after a person's
    full name with a comma and never closed: the person speaks, not the last noun of the description."""
    verb = _VERB_AFTER.match(text, at + len(mention.text))
    if not _finite_saying(verb):
        return None
    for o_at, o_text in spans:
        gap = _OPEN_DESCRIPTION.fullmatch(text, o_at + len(o_text), at) if o_at + len(o_text) < at else None
        if not gap or " " not in o_text or not o_text[:1].isupper():
            continue
        words = gap.group(1).split()
        if words[0][:1].isupper() and not words[0].endswith(("'s", "’s")) and not is_title(words[0]):
            continue
        if words[0] == "who" and all(w in DETERMINERS for w in words[1:]):  # `NAME, who police said was`
            return None
        before = text[:o_at].split()[-1:]
        if words[0] in _CLAUSE_WORDS or any(w.lower() in PREPOSITIONS for w in before):  # a clause, an object
            return None
        if mention.text[:1].isupper() and words[-1] not in PREPOSITIONS | DETERMINERS:
            return None  # `Speaking for Harbour Records, manager NAME said`: the name after a role is who speaks
        return (o_at, o_text) if entities.mention_type(text, o_text) == entities.PERSON else None
    return None


_CLAUSE_WORDS = AUXILIARIES | word_set("have has had")

# ` from Eastport, `, ` of the University of Norland, `: where a person is from, up to a comma
_FROM_PLACE = re.compile(r" +(?:from|of) +(?:the +)?[A-Z][\w'’.-]*(?: +(?:of +)?[A-Z][\w'’.-]*)*, +")


def _plural_saying(verb: re.Match | None) -> bool:
    """Whether a matched verb (group 1) is the base form a plural subject gives a verb of saying
    (`report`, `claim`, `expect`: their -s forms are on the list)."""
    return verb is not None and verb.group(1) + "s" in SPEECH_VERBS


def _finite_saying(verb: re.Match | None) -> bool:
    """Whether a matched verb (group 1) is a verb of saying that has a subject (`said`, not `saying`)."""
    return verb is not None and verb.group(1) in SPEECH_VERBS and not verb.group(1).endswith("ing")


def _dash_aside(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Ruiz — unseen since the spring — said`: a mention chosen at the end of an aside set off
    by dashes right before the verb of saying; the mention right before the opening dash speaks."""
    closing = _DASH_THEN_VERB.match(text, at + len(mention.text))
    if not _finite_saying(closing):
        return None
    opening = max(text.rfind(dash, 0, at) for dash in "—–")
    if opening <= 0:
        return None
    before = [(o_at, t) for o_at, t in spans if o_at + len(t) <= opening and not text[o_at + len(t) : opening].strip()]
    return max(before, default=None)  # the one that ends right at the dash (the latest written)


_APPOSITIVE_MARKS = frozenset(",—–")  # what sets off an aside between a subject and its verb
_DASH_THEN_VERB = re.compile(r" *[—–] *(?:[a-z]+ly +)?([a-z]+)\b")


def _group_opening(text: str, at: int, mention: Mention) -> tuple[int, str] | None:
    """`Rescue workers at the scene said`, `Senior officials in the ministry said`: a mention chosen right
    before the verb of saying that only places the group the sentence opens with (`at the scene`) leaves
    the group, whose sentence-opening capital made it no candidate of its own, to speak."""
    verb = _VERB_AFTER.match(text, at + len(mention.text))
    if not _finite_saying(verb):
        return None
    opening = _GROUP_OPENING.fullmatch(text, 0, at)
    if not opening or opening.group(2).lower() not in entities.GROUP_NOUNS:
        return None
    if opening.group(1).split()[0].lower() in CAPITAL_STOP - DETERMINERS:  # `When residents of ...`: a clause
        return None
    return opening.start(1), opening.group(1)


# the words that open a sentence up to a group noun (`Rescue workers`, `Two senior officials`), then a
# preposition that places it: nothing else before the mention
_GROUP_OPENING = re.compile(
    r"""\s*["“]?(?:(?:But|And|Yet|So|Meanwhile,|However,) +)?((?:[\w'’-]+ +){0,3}?([A-Za-z]+)) +"""
    r"""(?:in|at|from|on|near|inside|outside|across|around) +"""
    r"""(?:(?:the +)?[A-Z][\w'’-]*(?: +[A-Z][\w'’-]*)*,? +and +(?:the +)?)?"""  # `Officials in Norland and `
)


def _place_of(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Sgt. NAME from Eastport, Norland, an officer at ..., said`, `NAME of the University of
    Kestria, Eastport disagreed`: a name chosen right after the comma of a person's `from`/`of` place
    is the rest of that place (a state, a city of the campus); the person before it speaks."""
    if mention.kind != "name":
        return None
    for o_at, o_text in spans:
        end = o_at + len(o_text)
        last = o_text.split()[-1]
        described = text[:o_at].rstrip().lower().endswith("the")  # `the Vice Chair of the Harbour Board, NAME`
        if titles_only(o_text) or is_title(last) or described:  # `Foreign Minister of Norland, NAME`
            continue
        if end < at and " " in o_text and _FROM_PLACE.fullmatch(text, end, at):
            return (o_at, o_text) if entities.mention_type(text, o_text) == entities.PERSON else None
    return None


def _speech_owner(text: str, at: int, mention: Mention) -> tuple[int, str] | None:
    """`NAME's speech indicated`, `Prime Minister NAME's New Year message praised`, `Her 2007
    address mentioned`: a mention chosen in what someone said or wrote, written with its owner's
    possessive, stands for the owner, who speaks through it (not for a report or a website, which the
    annotators record as the document)."""
    if not any(noun in text for noun in _SPEECH_NOUN_WORDS):  # a cheap look first: asked of every chosen mention
        return None
    for found in _SPEECH_OWNED.finditer(text):
        if found.start() <= at < found.end():
            group = 1 if found.group(1) else 2
            owner = found.group(group)
            if any(w.lower() in entities.DATE_WORDS | _NOT_OWNERS for w in owner.split()):
                return None  # `Monday's statement`, `the New Year's address`
            return (found.start(group), owner) if entities.mention_type(text, owner) != entities.DATE else None
    return None


_NOT_OWNERS = word_set("year day eve christmas")
_SPEECH_NOUNS = "speech|address|message|statement|remarks|comments|post|email|e-mail|presentation|announcement|letter"
_SPEECH_NOUN_WORDS = tuple(_SPEECH_NOUNS.split("|"))
_SPEECH_OWNED = re.compile(
    rf"\b(?=[A-ZHh])(?:([A-Z][\w.-]*(?: +[A-Z][\w.-]*)*)['’]s?|([Hh]is|[Hh]er)) +"  # (?=: other words fail at once
    rf"(?:[\w-]+ +){{0,3}}?(?:{_SPEECH_NOUNS})\b"
)
_VERB_AFTER = re.compile(r" +(?:(?:[a-z]+ly|also|later|then|further|again) +)?([a-z]+)\b")  # `NAME also said`
# `, 52, legal adviser to the `, `, Norvale's Europe CEO and former `: no comma, quotation or bracket
_OPEN_DESCRIPTION = re.compile(
    r""", +(?:\d{1,3}, +)?((?!whose\b)(?:[a-z]|[A-Z][\w.-]*['’]s\b|[A-Z][a-z]+\b)[^,;:"“”()]{0,100}?) +"""
)  # a capitalised first word only where it is a title (`NAME, Chairman of Touring for NAME2 also stated`)


def _named_after(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`said the chairman of Norland's Elections Commission, Ana Ruiz.`: the person named in apposition
    right after the organisation chosen (whose description `entities.owner` gave), closed by a comma,
    a bracket or the sentence's end."""
    end = at + len(mention.text)
    for o_at, o_text in spans:
        if o_at <= end or not re.fullmatch(r", +", text[end:o_at]) or " " not in o_text:
            continue
        closed = re.match(r"\s*(?:,|\(|[.!?]?\s*$)", text[o_at + len(o_text) :])
        if closed and entities.mention_type(text, o_text) == entities.PERSON:
            return o_at, o_text
    return None


def _holder_after(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Norjet CEO, NAME, justified`: a name chosen that ends in a role, then the person holding it in
    apposition: that person speaks."""
    if mention.kind != "name" or not is_title(mention.text.split()[-1]) or titles_only(mention.text):
        return None
    return _named_after(text, at, mention, spans)


def _role_then_person(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`said Harbour House spokesperson Tomas Brenn`: an organisation's name chosen, then a role in lower
    case and a person's full name (also set off by a comma: `said NORG chief strategy expert, NAME`):
    that person speaks, for the organisation."""
    if mention.kind != "name":
        return None
    role = _ROLE_COMMA.match(text, at + len(mention.text)) or _ROLE_GAP.match(text, at + len(mention.text))
    if not role or not any(w in ROLE_NOUNS for w in role.group(1).split()):
        return None
    person = [(o_at, o_text) for o_at, o_text in spans if o_at == role.end() and " " in o_text and o_text[:1].isupper()]
    return person[0] if person else None


_ROLE_GAP = re.compile(r" +((?:[a-z][\w-]* +){1,3})")
_ROLE_COMMA = re.compile(r" +((?:[a-z][\w-]* +){0,2}[a-z][\w-]*), +")  # `said NORG chief strategist, NAME`
ROLE_NOUNS = ROLE_WORDS | entities.PERSON_NOUNS


def _relative_after(text: str, at: int, mention: Mention, spans: list[tuple[int, str]]) -> tuple[int, str] | None:
    """`Tomas Lorne's father, Neville, said`: a name chosen, then a relation and a first name:
    the relative speaks (`resolve` gives them the surname, `_relative`)."""
    if mention.kind != "name":
        return None
    end = at + len(mention.text)
    found = _RELATION.match(text, end - len(mention.text.split()[-1]))
    if not found or found.end(1) != end:
        return None
    return next(((o_at, o_text) for o_at, o_text in spans if o_at == found.end() and o_text[:1].isupper()), None)


def _grouped(sentence, mention: Mention) -> Mention:
    """A group speaker in the annotators' wording (their speaker is the whole phrase): the group noun
    after a name or phrase (`Mainland Chinese officials`, `Senior Kestria Front party members`, `Vale's
    staff`, `Initial reports suggested`), the organisation or place after a group's head (`Officials
    from the Norland Legal Services Agency`, `Doctors in Eastport`), and a second group or name joined by
    `and` right before a verb (`Friends and family said`, `Vale and Ruiz thanked`). Reads the
    tokens of the one sentence."""
    if mention.kind == "pronoun":
        return mention
    masked, tokens = _masked_tokens(sentence.text, bool(sentence.in_quote))
    at = mention.start - sentence.start
    a = bisect.bisect_left([t.start for t in tokens], at)
    b = bisect.bisect_left([t.start for t in tokens], at + len(mention.text))
    if a >= len(tokens) or tokens[a].start != at or b <= a:
        return mention
    kind, end = mention.kind, b
    if mention.kind != "bare":  # (a) the group noun after a name or phrase
        end = _group_tail(tokens, b) or b
        kind = "np" if end > b else kind
    if tokens[end - 1].low in _QUALIFIED_HEADS:  # (b) what qualifies the group
        qualified = _qualified(tokens, a, end)
        end, kind = (qualified[0][1], "np") if qualified else (end, kind)
        report = tokens[end - 1].low.removesuffix("s") in entities.DOC_NOUNS  # `Reports from the harbour`: no group
        described = _described_after(tokens, masked, end) if not (qualified or report) else None
        end, kind = (described, "np") if described else (end, kind)
    joined = _joined(tokens, end)  # (c) `Friends and family said`
    if joined:
        kind = "name" if kind == "name" and tokens[joined - 1].capital else "np"
        end = joined
    if mention.kind == "bare" and a == 1 and _opening_modifier(tokens, masked):  # `Early reports claim`
        a, kind = 0, "np"
    if end == b and a == bisect.bisect_left([t.start for t in tokens], at):
        return _without_newspaper(mention)
    text = masked[tokens[a].start : tokens[end - 1].end]
    start = sentence.start + tokens[a].start
    return Mention(start, start + len(text), text, kind)


def _opening_modifier(tokens: list[_Token], masked: str) -> bool:
    """A capitalised word opening the sentence right before a group noun (`Early reports claim`,
    `Norland officials say`): part of the group as the annotators write it (not `But`, `Meanwhile`)."""
    first = tokens[0]
    opens = not masked[: first.start].strip(' "“') and _contiguous(tokens, 1)
    return opens and first.capital and first.low not in CAPITAL_STOP and tokens[1].low in entities.GROUP_NOUNS


def _described_after(tokens: list[_Token], masked: str, j: int) -> int | None:
    """The end of a lower-case phrase after a group's `in` / `of` / `from` / `at` that a verb or a comma
    follows (`Leaders of the fishing community laid`, `Executives from several ferry firms, however, said`):
    the group as the annotators write it. At most five words; None where no verb or comma ends them."""
    if j + 1 >= len(tokens) or tokens[j].low not in _DESCRIBING or not _contiguous(tokens, j):
        return None
    for k in range(j + 1, min(j + 6, len(tokens) - 1)):
        if not tokens[k].text.islower() or not _contiguous(tokens, k) or tokens[k].low in _DESCRIBED_STOP:
            return None
        if tokens[k].low in DETERMINERS:
            continue
        between = masked[tokens[k].end : tokens[k + 1].start]
        if between.strip() == "," or (between == " " and _verb_after_group(tokens[k + 1])):
            return k + 1
    return None


def _verb_after_group(token: _Token) -> bool:
    """A verb a group's subject takes: of saying, a past tense, an auxiliary, or an irregular past."""
    return _verb_like(token) or token.low in _GROUP_VERBS


_DESCRIBING = word_set("in of from at")
_DESCRIBED_STOP = PRONOUNS | word_set("who which that whose where when and or but")
_HAVE_WILL = word_set("has have had will would could can may might")
_IRREGULAR_PAST = word_set("laid held made gave took came went saw left met put set got kept sent spoke wrote thought")
_GROUP_VERBS = AUXILIARIES | _HAVE_WILL | _IRREGULAR_PAST


# an organisation named by the place it sits in (`the Norland Embassy in Eastport`): the place is its name's
SEAT_NOUNS = word_set("embassy embassies consulate")
_QUALIFIED_HEADS = entities.GROUP_NOUNS | SEAT_NOUNS


def _without_newspaper(mention: Mention) -> Mention:
    """`The Norland Daily newspaper reported` -> `The Norland Daily`: a paper is recorded by its name."""
    words = mention.text.split()
    if len(words) > 2 and words[-1] == "newspaper" and words[-2][:1].isupper():
        text = " ".join(words[:-1])
        return Mention(mention.start, mention.start + len(text), text, "name")
    return mention


def _apart(masked: str, tokens: list[_Token], k: int) -> bool:
    """A comma or the blanked words of a quotation between tokens k-1 and k (`as a "chance ..." having`,
    `the lawsuit, 50 participants`): no noun phrase spans them (`A 2009 Norland report` does)."""
    gap = masked[tokens[k - 1].end : tokens[k].start]
    return "," in gap or "  " in gap


def _contiguous(tokens: list[_Token], k: int) -> bool:
    return tokens[k].start - tokens[k - 1].end <= 1


def _group_tail(tokens: list[_Token], b: int) -> int | None:
    """The end of up to three lower-case words after tokens[:b] that end on a group noun (`party
    members`); a group noun that is also a verb (`reports`) only where a verb follows it."""
    found, k = None, b
    while k < len(tokens) and k - b < 3 and tokens[k].text.islower() and _contiguous(tokens, k):
        if tokens[k].low in _TAIL_STOP or (not tokens[b - 1].capital and _PAST.fullmatch(tokens[k].text)):
            break  # `The four suspects named other members`: a past tense after a lower-case head is its verb
        if tokens[k].low in entities.GROUP_NOUNS:
            verb_next = k + 1 < len(tokens) and _verb_like(tokens[k + 1])
            if tokens[k].low not in SPEECH_VERBS or verb_next:
                found = k + 1
            break
        if tokens[k].low in SPEECH_VERBS:
            break
        k += 1
    return found


def _verb_like(token: _Token) -> bool:
    """A verb of saying (`claim` too, after a group noun), or a past tense by its form (`thanked`)."""
    saying = token.low in SAYING or bool(_PAST.fullmatch(token.text))
    return token.text.islower() and saying


_BASE_VERBS = word_set("claim state stress allege indicate show suggest describe fear agree")  # nouns elsewhere
_PAST = re.compile(r"[a-z]+ed")
# unions of the word lists, built once (not per token: a union per call was a measurable cost)
SAYING = SPEECH_VERBS | _BASE_VERBS
_TAIL_STOP = NP_STOP | DETERMINERS | PRONOUNS | AUXILIARIES | PREPOSITIONS
_JOINED_STOP = NP_STOP | DETERMINERS | PRONOUNS | AUXILIARIES | SPEECH_VERBS | CAPITAL_STOP


def _joined(tokens: list[_Token], end: int) -> int | None:
    """The end of `and` + a group or a name (at most four words) right after tokens[:end] when a verb
    follows (`Friends and family said`, `Kestrian and Norlandic inquiries deemed`)."""
    if end + 1 >= len(tokens) or tokens[end].low != "and" or not _contiguous(tokens, end):
        return None
    k = end + 1
    while k < len(tokens) and k - end <= 4 and tokens[k].low not in _JOINED_STOP and _contiguous(tokens, k):
        if _verb_like(tokens[k]):
            break
        k += 1
    last = tokens[k - 1]
    group = last.low in entities.GROUP_NOUNS or last.capital
    return k if k > end + 1 and group and k < len(tokens) and _verb_like(tokens[k]) else None


def _trailing_name(text: str) -> str | None:
    """The name that ends a described speaker (`the resort's manager Ali Naseem`), where a role noun
    stands right before it; None when the phrase ends otherwise (`a spokesperson for NORSA`)."""
    words = text.split()
    k = len(words)
    while k > 0 and (_Token(0, 0, words[k - 1]).capital or words[k - 1].lower() in CONNECTORS):
        k -= 1
    name = words[k:]
    if k == 0 or len(name) < 2 or words[k - 1].lower() in _NOT_BEFORE_NAME:
        return None
    return " ".join(name) if words[k - 1].islower() else None


_NOT_BEFORE_NAME = PREPOSITIONS | DETERMINERS | CONNECTORS | word_set("and or &")  # `... Research and Flood Prevention`


def _person_of(text: str, name: str) -> str:
    """`Ana Ruiz of Eastport College` -> `Ana Ruiz`: a person's name ends before `of` and the body or
    place it is of (an organisation's does not: `Bank of England`)."""
    before, of, _ = name.partition(" of ")
    if not of or " " not in before or entities.organisation_by_words(before):
        return name
    return before if entities.mention_type(text, before) == entities.PERSON else name


def candidates(sentence, article: str | None = None) -> list[tuple[Mention, dict[str, float]]]:
    """Every mention outside the quoted words of a sentence, with its features (with `article`,
    also the features of what the article says about it: `entity_features`)."""
    masked, tokens = _masked_tokens(sentence.text, bool(sentence.in_quote))
    verbs = [
        i
        for i, t in enumerate(tokens)
        if (t.low in SPEECH_VERBS and not _named_as(tokens, i))
        or (t.low in _NOUNS_TOO and (_plural_says(tokens, i) or _tag_claim(tokens, masked, i)))
    ]
    spans = _name_spans(tokens) + _np_spans(tokens, masked) + _bare_spans(tokens, verbs, masked)
    spans += _pronoun_spans(tokens) + _according_spans(tokens, masked)
    out = []
    for a, b, kind in dict.fromkeys(spans):
        named = kind == "name" and tokens[b - 1].low not in entities.DATE_WORDS  # not `March 30`
        tail = _NAME_TAIL.match(masked, tokens[b - 1].end) if named else None
        text = masked[tokens[a].start : tail.end() if tail else tokens[b - 1].end]  # `Harbour 4`, `Vista+`
        last = tokens[b - 1].text
        initials = b - a > 1 and len(last) == 2 and last[1] == "." and "A" <= last[0] <= "Z"  # `the U.S.`, `Joris V.`
        text = text if tokens[b - 1].low in _ABBREVIATIONS or initials else text.rstrip(".")  # `Orchard Inc.`
        if text.endswith(("'s", "’s")) and not _named_with_s(text):
            text = text[:-2]
        mention = Mention(sentence.start + tokens[a].start, sentence.start + tokens[a].start + len(text), text, kind)
        features = mention_features(masked, tokens, verbs, a, b, kind, sentence.text)
        out.append((mention, features | entity_features(article, mention) if article else features))
    return out


# what a name may end with beyond its words: a number or a `+` / `!` that a lower-case word follows
# (`Harbour 4 vowed`, `Radio station Vista+ argued`, `Harbour blog Gosh! on Friday denounced`)
_NAME_TAIL = re.compile(r"(?:\+|!|\s\d{1,3})(?=[,;:]?\s+[a-z])")


def _named_with_s(text: str) -> bool:
    """`A spokesman for Mallon's`: a phrase ending in a name with `'s` after `for`/`at`, no noun after it,
    is a shop or restaurant so named (`Mallon's`), not a possessive."""
    words = text.split()
    return len(words) > 2 and words[-2] in ("for", "at") and words[-1][:1].isupper()


def entity_features(article: str, mention: Mention) -> dict[str, float]:
    """What the article says about a candidate: its entity type (person, organisation, place, ...)
    and how often its last word was written before (a salient name is a likely speaker). Only a
    scorer fitted with them (`fit_scorer(..., rich=True)`) weighs them; the rule weights ignore them."""
    word = mention.text.split()[-1]
    seen = entities.occurrences_before(article, word, mention.start) if word[:1].isupper() else 0
    kind = entities.mention_type(article, mention.text)
    return {f"type={kind}": 1.0, f"{mention.kind}&type={kind}": 1.0, f"seen={min(seen, 3)}": 1.0}


@functools.lru_cache(maxsize=256)  # `candidates` and then `_grouped` read the same sentence
def _masked_tokens(text: str, in_quote: bool) -> tuple[str, tuple[_Token, ...]]:
    """The sentence with its quoted words blanked (`mask_quoted`) and the tokens of that."""
    masked = _mask_nested(text) if in_quote else mask_quoted(text)
    return masked, tuple(word_tokens(masked))


_NESTED = re.compile(r'[^"“”]+“[^"“”]*”')  # a curly pair inside a quotation the sentence opens in


def _mask_nested(text: str) -> str:
    """`mask_quoted` for a sentence that opens inside a quotation, where a curly pair within it
    (`fueled by other “newspapers” were meant to`) is nested and closes nothing: what follows is
    still quoted until a mark closes the quotation."""
    nested = _NESTED.match(text)
    if nested is None:
        return mask_quoted(text, '"')
    return " " * nested.end() + mask_quoted(text[nested.end() :], '"')


def word_tokens(masked: str) -> list[_Token]:
    out, start = [], 0
    # a word's place is the first of its text from where the last word ended: `_WORD` found it
    # there, and could not have found it earlier (no match objects: a tenth of the cost)
    find = masked.find
    for word in _WORD.findall(masked):
        start = find(word, start)
        text = word
        if text[-1] == "." and not (len(text) == 2 or text[:-1].lower() in _KEEP_PERIOD):
            text = text[:-1]
        out.append(_Token(start, start + len(text), text))
        start += len(word)
    return out


_WEEKDAYS = entities.DAYS - word_set("today yesterday tonight")  # `Norland Today` is a name


def _name_spans(tokens: list[_Token]) -> list[tuple[int, int, str]]:
    spans, i = [], 0
    while i < len(tokens):
        if not tokens[i].capital or (tokens[i].low in CAPITAL_STOP and not _acronym(tokens[i])):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (
            ((tokens[j].capital or tokens[j].low in CONNECTORS) and tokens[j].low not in CAPITAL_STOP)
            or _inside_organisation(tokens, i, j)
        ):
            if tokens[j].start - tokens[j - 1].end > 1 or tokens[j].low in _WEEKDAYS:  # `Assembly Thursday`
                break
            j += 1
        j = _cut_of(tokens, i, j)
        if j == 1 and _opening_adverb(tokens):  # `Rapidly, news sites claimed`: no name, nor a he's person
            i = j
            continue
        if i == 0 and j == 1 and _opening_participle(tokens):  # `Reported figures put the turnout at`
            i = j
            continue
        roles = [k for k in range(i, j - 1) if tokens[k].low in ROLE_WORDS]
        if roles == [i] and j - i <= 3 and entities.organisation_by_words(" ".join(t.text for t in tokens[i:j])):
            roles = []  # `Northern Motors`: a title word opening an organisation's name is part of it
        spans.append((roles[-1] + 1 if roles and j - roles[-1] > 2 else i, j, "name"))
        i = j
    return spans


def _opening_participle(tokens: list[_Token]) -> bool:
    """The sentence opens with a participle of a verb of saying before a lower-case word (`Reported
    figures put`, `Published accounts show`): a word capitalised by its place, no name."""
    low = tokens[0].low
    return (
        low.endswith("ed") and low in SPEECH_VERBS | _OPENING_PARTICIPLES and len(tokens) > 1 and not tokens[1].capital
    )


_OPENING_PARTICIPLES = word_set("published leaked released revised updated projected estimated")


def _opening_adverb(tokens: list[_Token]) -> bool:
    """The sentence opens with one `-ly` word set off by punctuation (`Rapidly,`, `Ultimately,`)."""
    low = tokens[0].low
    apart = len(tokens) > 1 and tokens[1].start - tokens[0].end > 1
    return apart and low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS


def _inside_organisation(tokens: list[_Token], i: int, j: int) -> bool:
    """`for`/`and` inside an organisation's name (`Center for Coastal and Island Studies`, `Minister for
    Infrastructure and Regional Development`): tokens[i:j] hold an organisation's word and a
    capitalised word follows."""
    if tokens[j].text not in ("for", "and") or j + 1 >= len(tokens) or not tokens[j + 1].capital:
        return False
    if is_title(tokens[j + 1].text) or is_title(tokens[j - 1].text):  # `... Agency NAME and Secretary of ...`,
        return False  # `Health Ministry Director for Norland NAME`: a title's `for`, not the organisation's
    return (
        bool(ORGANISATION_WORD.search(" ".join(t.text for t in tokens[i:j]))) and tokens[j + 1].low not in CAPITAL_STOP
    )


def _acronym(token: _Token) -> bool:
    """`WHO have warned`: an organisation, not the pronoun `who` (nor `US`, `IT`: too short to tell)."""
    return len(token.text) > 2 and token.text.isupper()


def _cut_of(tokens: list[_Token], i: int, j: int) -> int:
    """End a name before `of` unless it names an organisation (`Tom Redfern` of `Castle Rovers`,
    but `Bank of England`), and never on a connector."""
    for k in range(i + 1, j):
        if tokens[k].low == "of" and not ORGANISATION_WORD.search(" ".join(t.text for t in tokens[i:k])):
            j = k
            break
    while j - 1 > i and tokens[j - 1].low in CONNECTORS:
        j -= 1
    return j


def _np_spans(tokens: list[_Token], masked: str) -> list[tuple[int, int, str]]:
    spans = []
    for i, t in enumerate(tokens):
        owner = _owner_start(tokens, i)  # `France's foreign ministry released`: the name is the determiner
        if t.low not in _NP_OPENERS and owner is None:
            continue
        j = _partitive(tokens, i)
        # capitalised modifiers stay inside (`the Norpress news agency`, `a Northern League soldier`),
        # but the phrase ends on a lower-case head
        while (
            j < len(tokens)
            and j - i <= 4
            and (tokens[j].low not in _NP_END or _name_goes_on(tokens, i, j))
            and not _adverb(tokens[j])
            and not _apart(masked, tokens, j)
        ):
            if tokens[j - 1].capital and j - 1 > i and _PAST_HYPHEN.fullmatch(tokens[j].text):
                break  # `The Norland Navy signalled`: a past tense after a name is its verb
            if tokens[j - 1].capital and j - 1 > i and _verb_with_object(tokens, j):
                break  # `The Coastal Fishers Union made an offer`, `The Norland Harbour Board contests this`
            if _verb_after_head(tokens, i, j):
                break
            if j - 1 > i and tokens[j - 1].low in entities.DOC_NOUNS and _PAST.fullmatch(tokens[j].text):
                break  # `A Norland report released Thursday` (not `-ing`: `the poll monitoring group`)
            j += 1
            if not tokens[j - 1].capital:
                if owner is None:
                    spans.append((i, j, "np"))
                elif tokens[j - 1].low in _OWNED_HEADS:  # a body the name owns, not `Rossi's father`
                    spans.append((owner, j, "np"))
                elif _unnamed_kin(tokens, j):
                    spans.append((owner, _and_role(tokens, j), "np"))
                spans += _qualified(tokens, i, j)
    return spans


_OWNED_HEADS = entities.ORG_NOUNS | entities.GROUP_NOUNS | word_set("embassy consulate")


# a relative written by the person they belong to (`Wolf's husband told`): the annotators'
# speaker where no name of their own follows (`Rossi's father, Piet` is Piet: `_relative_after`)
KIN_HEADS = word_set("""father mother mum mom dad brother sister son daughter husband wife partner grandson
    granddaughter grandmother grandfather niece nephew aunt uncle cousin widow widower fiance fiancee""")


def _unnamed_kin(tokens: list[_Token], j: int) -> bool:
    """tokens[j - 1] is a relative's noun after a possessive, and no name follows it."""
    return tokens[j - 1].low in KIN_HEADS and not (j < len(tokens) and tokens[j].capital)


def _and_role(tokens: list[_Token], j: int) -> int:
    """The end of `husband and coach` after a relative's noun ending at j: one person in two roles."""
    double = j + 1 < len(tokens) and tokens[j].low == "and" and tokens[j + 1].low in ROLE_NOUNS
    return j + 2 if double and _contiguous(tokens, j) and _contiguous(tokens, j + 1) else j


def _partitive(tokens: list[_Token], i: int) -> int:
    """Where the words of a noun phrase opened at tokens[i] start: after `of the` when a quantity
    opens it (`Some of the protesters were`, as the annotators write the speaker), else right after it."""
    part = tokens[i].low in _QUANTIFIERS and i + 3 < len(tokens) and tokens[i + 1].low == "of"
    return i + 3 if part and tokens[i + 2].low in DETERMINERS and _contiguous(tokens, i + 2) else i + 1


def _owner_start(tokens: list[_Token], i: int) -> int | None:
    """Where the name that tokens[i] ends with a possessive `'s` starts (`Norland Navy's`), else None."""
    if not (tokens[i].capital and tokens[i].text.endswith(("'s", "’s"))):
        return None
    a = i
    while a > 0 and tokens[a - 1].capital and tokens[a - 1].low not in CAPITAL_STOP and _contiguous(tokens, a):
        a -= 1
    return a


def _verb_after_head(tokens: list[_Token], i: int, j: int) -> bool:
    """A base verb of saying right after a name inside a noun phrase (`The Norland League claim the
    vote was rigged`): the verb of that name, not the phrase's head (`claim` is a noun elsewhere)."""
    return j - 1 > i and tokens[j - 1].capital and tokens[j].low in _BASE_VERBS


def _verb_with_object(tokens: list[_Token], j: int) -> bool:
    """tokens[j] a verb by its form: an irregular past (`made`, `gave`), or a word in -s before a
    determiner or pronoun that opens its object (`contests this`, `rules that`)."""
    if tokens[j].low in _IRREGULAR_PAST:
        return True
    after = tokens[j + 1].low if j + 1 < len(tokens) else ""
    return tokens[j].low.endswith("s") and not tokens[j].low.endswith("ss") and after in _OBJECT_OPENERS


_OBJECT_OPENERS = DETERMINERS | word_set("this that these those it them him")


def _name_goes_on(tokens: list[_Token], i: int, j: int) -> bool:
    """A capitalised verb of saying inside a name (`The United States embassy`): no end of the phrase."""
    return j - 1 > i and tokens[j - 1].capital and tokens[j].capital and tokens[j].low not in _NAME_STOP


_NP_END = NP_STOP | SPEECH_VERBS | CAPITAL_STOP  # what ends a noun phrase (built once)
_NAME_STOP = NP_STOP | CAPITAL_STOP
# a number or quantity opens a noun phrase as a determiner does (`said one woman`, `Some protesters did
# support`): the annotators write such a speaker whole
_QUANTIFIERS = word_set("one another some several many most both two three four five six seven eight nine ten")
_NP_OPENERS = DETERMINERS | _QUANTIFIERS
_PAST_HYPHEN = re.compile(r"[a-z-]+ed")


# nouns that end like an adverb (`ly`): every other lower-case `-ly` word ends a noun phrase
# (`The Harbour House initially said`), as does a reflexive or an auxiliary (`The agency itself`)
_LY_NOUNS = word_set("family assembly ally rally supply monopoly daily weekly monthly quarterly")
_NOT_A_HEAD = word_set("itself himself herself themselves does did do not")


def _adverb(token: _Token) -> bool:
    low = token.low
    return low in _NOT_A_HEAD or (token.text.islower() and low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS)


_QUALIFYING = word_set("for at in of from")


def _qualified(tokens: list[_Token], i: int, j: int) -> list[tuple[int, int, str]]:
    """tokens[i:j] with the organisation or place after it (`a spokesperson for NORSA`, `astronomers
    at the Eastport State University`, `a spokesperson for the government`): the annotators' whole speaker."""
    if j + 1 >= len(tokens) or tokens[j].low not in _QUALIFYING or tokens[j].start - tokens[j - 1].end > 1:
        return []
    k = j + 2 if tokens[j + 1].low == "the" and j + 2 < len(tokens) else j + 1
    if not tokens[k].capital:
        org = tokens[k].low in entities.ORG_NOUNS and tokens[j + 1].low == "the"
        return [(i, k + 1, "np")] if org else []
    end = k
    while end < len(tokens) and end - k < 6 and (tokens[end].capital or tokens[end].low in CONNECTORS):
        if end > k and tokens[end].start - tokens[end - 1].end > 1:
            break
        end += 1
    while tokens[end - 1].low in CONNECTORS:
        end -= 1
    return [(i, _possessed(tokens, end), "np")]


def _possessed(tokens: list[_Token], end: int) -> int:
    """The end of a unit the organisation owns, after its `'s` (`a spokeswoman for the Norland Navy's
    anti-smuggling mission`: the annotators' speaker, not the Navy): up to three lower-case words that
    end on a noun of the unit, else `end`."""
    if not tokens[end - 1].text.endswith(("'s", "’s")):
        return end
    for k in range(end, min(end + 3, len(tokens))):
        if not tokens[k].text.islower() or tokens[k].low in _TAIL_STOP or not _contiguous(tokens, k):
            return end
        if tokens[k].low in _UNITS:
            return k + 1
    return end


_UNITS = word_set("mission office unit division department branch team committee board force command wing")


def _bare_spans(tokens: list[_Token], verbs: list[int], masked: str) -> list[tuple[int, int, str]]:
    """A lower-case subject right before a verb of saying (`police said`, `residents say`)."""
    spans = []
    for v in verbs:
        if tokens[v].low in entities.GROUP_NOUNS and v + 1 < len(tokens) and tokens[v + 1].low in SAYING:
            spans.append((v, v + 1, "bare"))  # `Local media reports suggest`, `as latest reports claim`:
            continue  # a group noun that is also a verb, the subject of the verb after it
        i = v - 1
        while i >= 0 and (tokens[i].low in _SKIPPABLE_UNMARKED or _adverb(tokens[i])):
            i -= 1
        inside_phrase = i > 0 and tokens[i - 1].low in _PHRASE_WORDS  # `of the harbour say`
        # a plural noun after a comma or a word that opens a clause is a subject (`Yesterday, reports said`)
        opens = _apart(masked, tokens, i) or tokens[i - 1].low in _OPENS_CLAUSE
        inside_phrase = inside_phrase and not (opens and tokens[i].low.endswith("s"))
        lower = i >= 0 and not tokens[i].capital
        subject = lower and not inside_phrase and tokens[i].low not in _NOT_BARE and not _a_verb(tokens[i])
        if subject and not _passive(tokens, i, v):
            spans.append((i, i + 1, "bare"))
        after = _group_after(tokens, masked, v)
        if after:  # `..., say experts` (a headline's tag): the group after the verb at the sentence's end
            spans.append((v + 1, after, "np"))
    return spans


def group_tag(sentence, found: list[tuple[Mention, dict[str, float]]]) -> Mention | None:
    """The group a sentence ends on after a comma and a verb of saying (`..., say experts`), where no
    candidate scores: news writing's inverted tag, rare in the fitted data (a headline's form)."""
    for m, features in found:
        before = sentence.text[: m.start - sentence.start].split()
        verb = before[-1].lower() if before else ""
        tagged = len(before) > 1 and before[-2].endswith(",") and (verb in SPEECH_VERBS or verb in _NOUNS_TOO)
        if tagged and features.get("next=</s>") and m.text.split()[-1] in entities.GROUP_NOUNS:
            return m
    return None


def _plural_says(tokens: list[_Token], i: int) -> bool:
    """`claim` / `blame` as a verb: right after a plural subject (`people claim`, `analysts blame`), not
    after a verb or a determiner (`laid blame`, `backed this claim`)."""
    if tokens[i].low not in _NOUNS_TOO or not i:
        return False
    before = tokens[i - 1].low
    plural = before.endswith("s") or before in entities.GROUP_NOUNS or before == "people"
    return plural and before not in _NOT_PLURAL_SUBJECTS and not _PAST.fullmatch(before)


def _named_as(tokens: list[_Token], i: int) -> bool:
    """`Repairs described as "urgent" will close`, `a man branded as a traitor`: a participle of
    naming before `as` says what something is called, no one's saying."""
    if tokens[i].low not in _NAMING_PARTICIPLES or i + 1 >= len(tokens):
        return False
    return tokens[i + 1].low == "as" and tokens[i + 1].start - tokens[i].end == 1  # not `denounced, as they`


_NAMING_PARTICIPLES = word_set("described branded criticised criticized condemned praised denounced")


def _tag_claim(tokens: list[_Token], masked: str, i: int) -> bool:
    """`claim` / `blame` as the verb of an inverted tag (`..., claim residents.`): set off by a comma and
    followed by the group noun that ends the sentence."""
    return tokens[i].low in _NOUNS_TOO and _group_after(tokens, masked, i) is not None


def _group_after(tokens: list[_Token], masked: str, v: int) -> int | None:
    """The end of a lower-case group noun (one word before it at most) that ends the sentence right after
    a verb of saying set off by a comma (`Around 400 seals remain, say researchers`), else None."""
    end = v + 2 if v + 2 < len(tokens) and tokens[v + 2].low in entities.GROUP_NOUNS else v + 1
    if end + 1 != len(tokens) or tokens[end].low not in entities.GROUP_NOUNS or not tokens[end].text.islower():
        return None
    tagged = v > 0 and masked[tokens[v - 1].end : tokens[v].start].strip() == ","
    return end + 1 if tagged and not masked[tokens[end].end :].strip(' .!?"”') else None


def _passive(tokens: list[_Token], i: int, v: int) -> bool:
    """`Offshore installations were expected to be spared`, `deaths were reported by ...`: the subject of a
    passive verb of saying is what is said (or whom it is told to), not who says it."""
    be = any(t.low in _PASSIVE_BE for t in tokens[i + 1 : v])
    return be and (tokens[v].low.endswith("ed") or tokens[v].low in ("said", "told"))


_PASSIVE_BE = word_set("is are was were been being be")


def _a_verb(token: _Token) -> bool:
    """A verb before the verb of saying, no subject (`Trotter dismissed claims`, `stopped denying`,
    `These letters include claims`): a past tense, a verb of saying, or `include`."""
    saying = token.low in SAYING and token.low not in entities.GROUP_NOUNS  # `reports said`: a subject
    return saying or token.low in _INCLUDE or bool(_PAST.fullmatch(token.text))


_INCLUDE = word_set("include includes included")
_PHRASE_WORDS = DETERMINERS | NP_STOP
_OPENS_CLAUSE = word_set("but and while with yesterday today")
_NOT_BARE = PRONOUNS | NP_STOP | DETERMINERS | AUXILIARIES


def _according_spans(tokens: list[_Token], masked: str) -> list[tuple[int, int, str]]:
    """What follows `according to` (or a clause's first `Per`: `Per the statement, ...`), up to
    punctuation (`according to council traffic counts`)."""
    spans = []
    for i in range(len(tokens) - 2):
        per = tokens[i].low == "per" and _PER.search(masked[: tokens[i].end], max(0, tokens[i].end - 8))
        if per or (tokens[i].low == "according" and tokens[i + 1].low == "to"):
            first = i + 1 if per else i + 2
            j = first + 1
            while j < len(tokens) and j - i < 9 and not masked[tokens[j - 1].end : tokens[j].start].strip():
                j += 1
            j = _name_run_on(tokens, masked, first, j)
            days = [k for k in range(first + 1, j) if tokens[k].low in entities.DAYS]  # `according to NAME on Friday`
            j = (days[0] - (tokens[days[0] - 1].low == "on")) if days else j
            subject = [k for k in range(first + 1, j) if tokens[k].low in PRONOUNS]  # `according to NAME he died`
            spans.append((first, subject[0] if subject else j, "np"))
    return spans


def _name_run_on(tokens: list[_Token], masked: str, first: int, j: int) -> int:
    """Where a cited source ends: a name the word limit cut right after a joining word (`the Norland
    Centre of Coastal Research and` + `Flood Prevention`) runs on to its last capitalised word (up to
    16 words; a cut after a capitalised word is left to the rules that read it); a name is no longer
    followed by the circumstance of its telling (`chief NAME in a telephone call with ...`)."""

    def joined(k: int) -> bool:  # no punctuation between tokens k - 1 and k
        return not masked[tokens[k - 1].end : tokens[k].start].strip()

    if tokens[j - 1].low in _NAME_JOINS and j < len(tokens) and tokens[j].capital and joined(j):
        while j < len(tokens) and j - first < 16 and joined(j) and (tokens[j].capital or tokens[j].low in _NAME_JOINS):
            j += 1
    while j - first > 1 and tokens[j - 1].low in _NAME_JOINS:  # never end on `and`, `of`
        j -= 1
    verbs = [k for k in range(first + 1, j) if tokens[k].low in _CLAUSE_WORDS or tokens[k].low in _MODALS]
    if verbs:  # `according to his profile was seeking`, `according to groups there have been`: a clause
        j = verbs[0] - (verbs[0] - 1 > first and tokens[verbs[0] - 1].low in ("there", "it"))
    told = [k for k in range(first + 1, j - 1) if tokens[k].low in ("in", "on", "during") and tokens[k - 1].capital]
    told = [k for k in told if tokens[k + 1].low in ("a", "an")]  # `NAME in a statement`, `NAME on a visit`
    return told[0] if told else j


_NAME_JOINS = word_set("and of the for")  # lower-case words inside a body's name
_MODALS = word_set("will would could can may might should must shall")


def _pronoun_spans(tokens: list[_Token]) -> list[tuple[int, int, str]]:
    return [(i, i + 1, "pronoun") for i, t in enumerate(tokens) if t.low in PRONOUNS]


def mention_features(
    masked: str, tokens: list[_Token], verbs: list[int], a: int, b: int, kind: str, raw: str
) -> dict[str, float]:
    """Where the candidate tokens[a:b] sit relative to the verbs of saying and the quotation."""
    # only the features that hold are set, in a fixed order (a score sums its terms in that order)
    f = {_KIND_KEYS[kind]: 1.0}
    start, end = tokens[a].start, tokens[b - 1].end
    prev = tokens[a - 1].low if a else "<s>"
    nxt = tokens[b].low if b < len(tokens) else "</s>"
    f[f"prev={prev}"] = f[f"next={nxt}"] = 1.0
    # the verb's class beside its word: a weight learned for `said a commuter` carries over to
    # `commented a commuter`, whose own word was seen too rarely to learn one
    for side, word in (("prev", prev), ("next", nxt)):
        if word in SPEECH_VERBS:
            f[f"{side}=<speech>"] = f[f"{side}=<{VERB_CLASSES.get(word, 'other')}>"] = 1.0
    if prev in PREPOSITIONS:  # `the east side of the harbour say`
        f["after_preposition"] = 1.0
    stripped = masked[:start].rstrip()  # empty where only white space comes before
    if masked[end:].lstrip().startswith(","):
        f["comma_after"] = 1.0
    if stripped.endswith(","):
        f["comma_before"] = 1.0
    if not stripped:
        f["sentence_start"] = 1.0
    caps = 0
    for t in tokens[a:b]:
        caps += t.text[:1].isupper()
    f[_CAPS[min(caps, 3)]] = 1.0
    # `according to\s*$` can only match the last 12 characters before the trailing white space
    # (a search of the whole text before per candidate cost more); both end in a letter read first
    if (stripped[-1:] in ("o", "O") and ACCORDING_TO.fullmatch(stripped[-12:])) or (
        stripped.endswith(("per", "Per")) and _PER.search(stripped, len(stripped) - 8)
    ):
        f["according"] = 1.0
    if raw[:1] != " " and _first_closing_mark(raw) < start:
        f["after_closing_quote"] = 1.0
    k = bisect.bisect_left(verbs, b)  # verbs are in order: the first at or after the candidate's end
    later = verbs[k] if k < len(verbs) else None
    if later is not None:
        between = masked[end : tokens[later].start]
        skip = _SKIPPABLE_WHEN if "," in between else _SKIPPABLE_WHEN_UNMARKED  # `NAME however said`
        apart = 0  # the words between that are no time word, adverb or acronym: counted as far as the tests read
        for t in tokens[b:later]:
            if not (t.low in skip or _adverb(t) or _bracketed(masked, t)):
                apart += 1
                if apart > 8:
                    break
        marks = between.strip()
        if not apart and "," not in between:
            f["adj_before_verb"] = 1.0
        if apart and marks[:1] in _APPOSITIVE_MARKS and marks[-1:] == marks[:1]:
            f["appositive_before_verb"] = 1.0  # `NAME, a lawyer, said`, `NAME — ... — said`
        if not apart and marks == ",":
            f["comma_then_verb"] = 1.0
        # `Lina Hassan, another resident, said` with the closing comma often dropped
        if apart and apart <= 8 and between.lstrip().startswith(",") and between.count(",") == 1:
            f["open_appositive_before_verb"] = 1.0
        if not stripped and "," not in between:
            f["opens_clause_of_verb"] = 1.0  # `Traders on the ... say`
        f[_GAP_TO_VERB[min(apart, 6)]] = 1.0
    k = bisect.bisect_left(verbs, a)  # and the last before its start
    earlier = verbs[k - 1] if k else None
    if earlier is not None:
        gap = [t for t in tokens[earlier + 1 : a] if t.low not in _DETERMINERS_TITLES]
        roles = all(t.text[:1].islower() for t in gap) and len(gap) <= 3  # `said district manager Lynn Kaufman`
        # `said Norpress official Omar Brenn`, `said NAA Administrator Jan Holt`: a name, then a role
        roles = roles or (len(gap) <= 3 and gap[-1].low not in NP_STOP and _role_word(gap[-1]) and b - a > 1)
        if (len(gap) <= 1 or roles) and "," not in masked[tokens[earlier].end : start]:
            f["adj_after_verb"] = 1.0
        f[_GAP_FROM_VERB[min(len(gap), 6)]] = 1.0
    for k in _KIND_CROSSED:
        if k in f:
            f[f"{kind}&{k}"] = 1.0
    return f


_CAPS = ("caps=0", "caps=1", "caps=2", "caps=3")
_KIND_KEYS = {kind: f"kind={kind}" for kind in ("name", "pronoun", "np", "bare")}
_GAP_TO_VERB = tuple(f"gap_to_verb={n}" for n in range(7))
_GAP_FROM_VERB = tuple(f"gap_from_verb={n}" for n in range(7))
# the features also crossed with the candidate's kind (`name&adj_before_verb`)
# (in the order `mention_features` sets them, so that a score sums its terms as before)
_KIND_CROSSED = (
    "according",
    "adj_before_verb",
    "appositive_before_verb",
    "open_appositive_before_verb",
    "adj_after_verb",
)


# a time between a subject and its verb (`the North Korean leader on Sunday said`)
TIME_WORDS = word_set(
    "on last this week month year morning afternoon evening night monday tuesday wednesday thursday friday "
    "saturday sunday"
)


_SKIPPABLE_WHEN = _SKIPPABLE | TIME_WORDS
_SKIPPABLE_WHEN_UNMARKED = _SKIPPABLE_WHEN | _UNMARKED
_DETERMINERS_TITLES = DETERMINERS | _TITLE_WORDS
ACCORDING_TO = re.compile(r"according to", re.IGNORECASE)
_PER = re.compile(r"(?:^|,) *[Pp]er\Z")  # `Per the statement, ...`: as `according to` (not `$5 per barrel`)
_CLOSING_MARK = re.compile('["”’]')


@functools.lru_cache(maxsize=256)  # asked for every candidate of the sentence
def _first_closing_mark(text: str) -> int:
    """Where the first `_CLOSING_MARK` of the text stands (its length where none does)."""
    found = _CLOSING_MARK.search(text)
    return found.start() if found else len(text)


def _bracketed(masked: str, token: _Token) -> bool:
    """One word in brackets: an acronym after its name (`The Northern Council (NC) on Friday called`)."""
    return masked[token.start - 1 : token.start] == "(" and masked[token.end : token.end + 1] == ")"


def _role_word(token: _Token) -> bool:
    """A role noun written before a name: lower case (`official`, `negotiator`), or a known role."""
    return (
        token.low in ROLE_WORDS
        or token.low in entities.PERSON_NOUNS
        or (token.text.islower() and token.low not in _NOT_ROLES)
    )


_NOT_ROLES = SPEECH_VERBS | _SKIPPABLE | PREPOSITIONS


_COMPANY_ENDS = ("Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "Bros")  # a name word with its period
_WORD_AFTER = r"[\w\-]*(?:['’][A-Za-z]+(?<!['’]s))?"  # what follows a name word's capital
NAME_WORD = rf"(?:{PARTICLE})?(?:(?:{'|'.join(_COMPANY_ENDS)})\.|[A-ZÀ-ÖØ-Þ]{_WORD_AFTER})"
_NAME_OPENS = "A-ZÀ-ÖØ-Þ" + "".join(sorted({p[0] for p in _PARTICLES}))  # a capital or a particle's first letter
# `Karl D. Holt`: a middle initial stays inside the name
_MORE_NAME_WORDS = rf"(?: +(?:[A-Z]\. +)?(?:(?:de|van|von|al|bin|da|del|di|of|der) +)?{NAME_WORD})+"
# (?=: a word that cannot open a name fails at once
FULL_NAME = re.compile(rf"\b(?=[{_NAME_OPENS}]){NAME_WORD}{_MORE_NAME_WORDS}")
# FULL_NAME where no particle opens a word (`al-`, `d'`), as in nearly every article: the same matches,
# found in half the time, since a pattern that opens with a class lets the engine skip to the next capital
# (its first word's alternatives read the capital it opened with)
_CAPITAL_FULL_NAME = re.compile(
    rf"[A-ZÀ-ÖØ-Þ](?<=\b[A-ZÀ-ÖØ-Þ])(?:{'|'.join(f'(?<={w[0]}){w[1:]}' for w in _COMPANY_ENDS)}\.|{_WORD_AFTER})"
    + _MORE_NAME_WORDS
)
# `(?<=\bal-)` and the like, one width per look-behind, after the mark that the engine skips to
_PARTICLE_WIDTHS = sorted({len(p) for p in _PARTICLES})
_PARTICLE_OPENS = re.compile(
    "[-'’](?:"
    + "|".join(rf"(?<=\b(?:{'|'.join(p for p in _PARTICLES if len(p) == n)})[-'’])" for n in _PARTICLE_WIDTHS)
    + ")"
)


def full_names(text: str) -> Iterator[re.Match]:
    """Every FULL_NAME match of the text, in order."""
    return (FULL_NAME if _PARTICLE_OPENS.search(text) else _CAPITAL_FULL_NAME).finditer(text)


ORGANISATION_WORD = re.compile(
    r"\b(?:Hospital|Bank|Council|University|Ministry|Department|Court|Agency|Authority|Association|Union|"
    r"Group|Company|Ltd|Inc|Corporation|Party|Office|Service|Services|Board|Commission|Institute|Museum|"
    r"Club|Federation|School|College|Foundation|Trust|Police|Street|Road|City|County|Valley|Airport|Creek|Trail|"
    r"River|Park$|Lake|Beach|Island|Bay|Province|Region|Avenue|Square|Bridge|Station|Centre|Center|Reserve|"
    r"YouTube|Times|News|Post|Herald|Gazette)\b"
)


_RELATION = re.compile(
    r"\b([A-Z][\w'’-]+)['’]s +(?:(?:late|older|younger|elder|eldest|youngest) +)?"
    r"(?:father|mother|brother|sister|son|daughter|parents?),? +"
)
RELATION_BEFORE = re.compile(_RELATION.pattern + r"\Z")  # ending where the first name starts


def direct_speech(sentence) -> bool:
    """A direct quotation: the sentence opens with (or inside) one, or is mostly quoted words."""
    text = sentence.text.lstrip()
    if sentence.in_quote or text[:1] in '"“‘«„' or closes_unopened(text):
        return True
    return sum(end - start for start, end in quoted_spans(text)[0]) > len(text) / 2


_DOUBLE_MARK = re.compile('["“”]')


def closes_unopened(text: str) -> bool:
    """The first double quotation mark of the text closes a quotation (`... games."`): the sentence
    lies inside one that the splitter lost at a paragraph break."""
    mark = _DOUBLE_MARK.search(text)
    if not mark or mark.start() == 0:
        return False
    return mark.group() == "”" or (mark.group() == '"' and text[mark.start() - 1] in _CLOSING)


_CLOSING = frozenset(".,!?…—-")  # what stands before a closing straight quotation mark


def unsaid(sentence) -> bool:
    """No verb of saying outside the quoted words (the sentence reports, it does not attribute)."""
    masked = mask_quoted(sentence.text, '"' if sentence.in_quote else None)
    # a token's `low` is its word lower-cased without trailing periods: no token objects needed
    return not any(m.group().lower().rstrip(".") in _SAYING_AT_ALL for m in _WORD.finditer(masked))


_SAYING_WORDS = word_set(
    "tell call statement statements interview announcement remarks comments"
)  # `would tell police`
_SAYING_AT_ALL = SAYING | _SAYING_WORDS
