"""The grammar around a cue: where its clause starts, which phrase is its subject, which its
object, and whether the verb attributes at all (passive, negated, a noun, nothing after it).

Word lists from audit/data/attribution.yaml: `clause_words`, `trailing_fillers`, `statement_media`,
`outlet_nouns`, `titles`, `abbreviated_titles`, `organisation_words`, `anonymous_words`, `ing_nouns`,
`noun_verb_forms`, `noun_followers` (via vocab.py: `phrase_stops`, `be_forms`, `negations`).
Determiners, prepositions and time adjuncts are here.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from audit.attribute.originators import (
    Mention,
    acronym,
    body_name,
    described_role,
    inside_name_list,
    lexicon,
    phrase_regex,
    source_like,
    tokens_of,
)
from audit.attribute.vocab import patterns

_BOUNDARY = re.compile(r"[;:\"“”]|,|\s[–—-]{1,2}\s")
_CLAUSE_END = re.compile(r"[;:!?\"“”]|,|(?<!\b[A-Z])\.(?=\s|$)|\s[–—-]{1,2}\s")


_TIME = (
    r"\b(?:on|late|early|last|this|over the|on the)?\s*(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|weekend|yesterday|today|tonight|night|morning|afternoon|evening|week|month)\b"
)
_ADJUNCTS = re.compile(
    r"(?i)\b(?:in a statement|in an interview|in a closed-door meeting|in remarks to [^,.]+|"
    r"on condition of anonymity|earlier|later|again|also)\b|"
    r"\b(?:speaking|who (?:asked|declined|spoke|requested))\b[^,.;]*|,\s*who\b[^.;]*|"
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|hrs\b)|" + _TIME  # "in its 8 a.m. bulletin"
)
_TIME_THEN_COMMA = re.compile(rf"(?i)(?:\s*{_TIME}|\s+(?:in|on)\s+(?:a|an|its|their)\s+[\w-]+)*\s*,")


def set_off_after(text: str, pos: int) -> bool:
    """ "..., authorities said Thursday, in the latest outbreak", "..., the service said in an update,
    adding": after a verb, its time words and the medium it spoke in, a comma sets the speaker off
    from what follows."""
    return bool(_TIME_THEN_COMMA.match(text, pos))


@cache
def _media() -> re.Pattern[str]:
    """How a statement reached the reporter ("by phone", "in an email"), `statement_media`, and the
    outlet that relayed it after a passive ("was quoted as saying by the Mehr news agency"):
    "by" and a name ending in one of `outlet_nouns`, or one of `news_outlets`."""
    lex = lexicon()
    outlets = phrase_regex(lex.raw.get("news_outlets", [])).pattern
    nouns = phrase_regex(lex.words("outlet_nouns")).pattern
    relayed = rf"\bby\s+(?:the\s+)?(?:(?:[A-Z][\w’'.-]*|state|official)\s+)*(?:{nouns}|{outlets})"
    return re.compile(rf"{phrase_regex(lex.words('statement_media')).pattern}|{relayed}", re.IGNORECASE)


def _without_adjuncts(tail: str) -> str:
    return _ADJUNCTS.sub(" ", _media().sub(" ", tail))


DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those", "our"]
)
PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "from",
        "with",
        "without",
        "speaking",
        "writing",
        "under",
        "by",
        "for",
        "to",
    ]
)


def clause_before(text: str, end: int) -> tuple[int, str]:
    """The clause that ends at `end`: (its start, its text)."""
    return ClausesBefore(text, end).ending_at(end)


class ClausesBefore:
    """The clause boundaries of `text` before `end`, found in one pass: the clause that ends at
    `end` and the clauses before it (a verb's subject and relay walk back through several) are all
    read from them, not each from a new scan of the text."""

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end
        self._bounds = list(_BOUNDARY.finditer(text, 0, end))
        self._ends = [m.end() for m in self._bounds]

    def ending_at(self, end: int) -> tuple[int, str]:
        """clause_before(text, end) for an `end` up to the one given: the boundaries found up to it
        are those a scan stopping at `end` finds (a boundary reaching past it holds no other)."""
        # the last boundary wins: read them back from the end, so that only the commas after the
        # last other boundary are tested for being inside a name
        text = self.text
        for k in range(bisect.bisect_right(self._ends, end) - 1, -1, -1):
            m = self._bounds[k]
            if m.group(0) != "," or not inside_name_list(text, m.start()):
                return m.end(), text[m.end() : end]
        return 0, text[:end]


def np_after(text: str, start: int) -> tuple[int, str]:
    """The phrase after a cue, to the end of its clause or the verb that follows it."""
    m = _clause_end(text, start)
    end = m.start() if m else len(text)
    while m and text[m.start()] == "(":  # keep "(NIS)"
        close = text.find(")", m.start())
        if close < 0:
            break
        m = _clause_end(text, close + 1)
        end = m.start() if m else len(text)
    verb = patterns()["phrase_stops"].search(text, start, end)
    digit = _DIGIT.search(text, start, end)
    if verb and verb.start() > start:
        end = verb.start()
    if digit and digit.start() < end:
        end = digit.start()
    return end, text[start:end]


def _clause_end(text: str, pos: int) -> re.Match[str] | None:
    """The first clause end from `pos`, passing over the stop of a short title ("said Col. Adi Santoso")."""
    m = _CLAUSE_END.search(text, pos)
    while m and m.group(0) == "." and _abbreviated_title_before(text, m.start()):
        m = _CLAUSE_END.search(text, m.end())
    return m


_LAST_LETTERS = re.compile(r"([A-Za-z]+)$")


def _abbreviated_title_before(text: str, stop: int) -> bool:
    word = _LAST_LETTERS.search(text[max(0, stop - 12) : stop])
    return word is not None and word.group(1).lower() in lexicon().words("abbreviated_titles")


# The words an adjunct or a place can open with ("onmonday" too: the adjunct's space is optional)
_TAIL_OPENERS = (
    *("in", "on", "by", "earlier", "later", "again", "also", "speaking", "who", "late", "early", "last"),
    *("this", "over", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("weekend", "yesterday", "today", "tonight", "night", "morning", "afternoon", "evening", "week"),
    *("month", "at", "via", "through", "during", "from", "to"),
)
_ALNUM = re.compile(r"[A-Za-z0-9]")
_FIRST_WORD = re.compile(r"\W*([A-Za-z0-9]+)(?!\w)")  # after punctuation and spaces only


def tail_is_empty(text: str, pos: int) -> bool:
    """After a verb: nothing but time words, "in a statement", a place ("on its website"),
    a relative clause on the speaker (", who uses one name") and punctuation to the end?

    Most tails decide at their first word: none at all is empty; a word no adjunct or place opens
    ("40 died", "the army") is never taken away, so the tail is not. Only the rest are read whole."""
    if not _ALNUM.search(text, pos):
        return True
    first = _FIRST_WORD.match(text, pos)
    if first and not first.group(1).lower().startswith(_TAIL_OPENERS):
        return False
    return _tail_is_empty_read_whole(text, pos)


_PLACE = re.compile(r"\s*(?:on|in|at|via|through|during|from|to)\s(?!least|most|all|total)")
_DIGIT_OR_THAT = re.compile(r"\d|\bthat\b")


def _tail_is_empty_read_whole(text: str, pos: int) -> bool:
    """tail_is_empty by its definition: the tail with its adjuncts taken away."""
    tail = _without_adjuncts(text[pos:])
    place = _PLACE.match(tail)
    longest = 10 if _IN_A_DOCUMENT.match(tail) else 6  # "in its latest surveillance report released Monday"
    if place and len(tail.split()) <= longest and not _DIGIT_OR_THAT.search(tail):
        return True
    return not _ALNUM.search(tail)


_IN_A_DOCUMENT = re.compile(r"\s*(?:in|on)\s+(?:its|their|his|her|a|an)\s", re.I)


_CONJUNCTION = re.compile(r"\s*(?:but|and|yet|while|whereas)\s+")
_WHO_CLAUSE = re.compile(
    r"(?<=\w)\s+who\s+(?:asked|declined|spoke|requested|did\s+not)\b.*$"
    r"|,\s*(?:speaking|requesting|asking|declining)\b[^,]*",  # its own "was not authorised"
    re.I,
)
_RELATIVE_PRONOUN = re.compile(r"\s*(?:who|which|whose)\s+", re.I)
_PRONOUN_LAST = re.compile(r"(?i)(?<![\w’'])(he|she|they|it|we)\s*$")
_AND_LAST = re.compile(r"\s+and\s*$")
_SUBJECT_BEFORE_PAST = re.compile(
    r"\s*((?:[A-Z][\w’'.-]*|[a-z]+)(?:\s+(?:[A-Z][\w’'.-]*|[a-z]+))*?)\s+[a-z]+ed\b"
)


def subject(text: str, verb_start: int, clauses: ClausesBefore | None = None) -> tuple[int, str] | None:
    """The subject of a reporting verb: the clause before it, past a comma-set adjunct
    ("X, in remarks to TV, said") or apposition ("Fauzi, an official from the agency, told").
    None when the verb directly follows a comma or quotation: then the subject comes after it.
    `clauses`: the clauses before the verb, if already read."""
    clauses = clauses or ClausesBefore(text, verb_start)
    seg_start, seg = clauses.ending_at(verb_start)
    comma_gap = not seg.strip()
    if comma_gap:
        if seg_start == 0 or text[seg_start - 1] != ",":
            return None
        seg_start, seg = clauses.ending_at(seg_start - 1)
        if not seg.strip():
            return None
        if _AN_AGE.fullmatch(seg) and seg_start > 0 and text[seg_start - 1] == ",":
            # "Mohamed Isak, 41, said": the name before the age speaks
            name_start, name = clauses.ending_at(seg_start - 1)
            return _trailing_np(name_start, name) if source_like(name) else None
    first_word = seg.strip().split()[0]
    first = first_word.lower()
    prev_start, prev = clauses.ending_at(seg_start - 1) if seg_start > 0 else (0, "")
    if _AN_AGE.fullmatch(prev) and prev_start > 0 and text[prev_start - 1] == ",":
        prev_start, prev = clauses.ending_at(prev_start - 1)  # "Mohamed Isak, 41, who sells milk, said"
    conjunction = _CONJUNCTION.match(prev)
    if conjunction:  # "..., but Mr Okoro, the head of the district council, said"
        prev_start, prev = prev_start + conjunction.end(), prev[conjunction.end() :]
    after_comma = seg_start > 0 and text[seg_start - 1] == ","
    relative = first in ("who", "which", "whose") and not acronym(first_word)  # "Luke Pigeon, who lives ..."
    if relative and not comma_gap:  # "officer Reyes, who police say the gunmen shot": the speaker is inside
        inner = _RELATIVE_PRONOUN.match(seg)
        rest = seg[inner.end() :] if inner else ""
        return (seg_start + inner.end(), rest) if inner and rest.strip() else None
    acronym_aside = comma_gap and bool(_ACRONYM_ONLY.fullmatch(seg))  # "The UN refugee agency, UNHCR, said"
    named_first = _name_before_appositions(clauses, seg, prev_start, prev) if after_comma else None
    if named_first is not None:  # "John Ging, director of operations for UNRWA, the UN agency, said"
        # the last description may hold a relative clause of its own: "..., a militia that holds the
        # hills, put the toll at": the subject ends before it
        inner_clause = RELATIVE_INSIDE.search(seg)
        end = seg_start + inner_clause.start() if inner_clause else verb_start
        seg_start, seg = named_first, text[named_first:end]
    elif (
        after_comma
        and prev.strip()
        and (first in PREPOSITIONS or relative or acronym_aside or _aside(seg) or _apposition(prev, seg))
        and not (
            _apposition(prev, seg)
            and not described_role(prev.split())
            and _PLACE_LIST_BEFORE.search(text, 0, prev_start)
        )
    ):  # but "in Reynosa, Tamaulipas, the state prosecutor said": a place's region, not a name
        # ("Speaking in Yola, the command's spokesman, DSP Ali Kwaru, said": a description, then the name)
        if _aside(seg) and not patterns()["be"].search(prev):  # ", speaking on condition of ...,": the
            return _trailing_np(prev_start, prev)  # speaker is the phrase before the aside, alone
        # "Daw Hnin Wai, a teacher at the school who was hit by shrapnel, put the toll at": the
        # description's relative clause, with its own "was", is no part of the subject
        inner_clause = RELATIVE_INSIDE.search(seg) if _apposition(prev, seg) and not relative else None
        end = seg_start + inner_clause.start() if inner_clause else verb_start
        seg_start, seg = prev_start, text[prev_start:end]
    elif comma_gap:
        return None
    # "it was two car bombs that ... claimed"; a relative clause set apart after the sentence's
    # opening noun phrase may hold "be" of its own ("Officials, who asked not to be named, said")
    opening_aside = relative and comma_gap and not text[:prev_start].strip()
    if patterns()["be"].search(prev if opening_aside else _WHO_CLAUSE.sub(" ", seg)):
        return None  # but "A hospital official who asked not to be named said": the relative's own "be"
    pronoun = _PRONOUN_LAST.search(seg)
    if pronoun:  # "And in an interview he confirmed"
        return seg_start + pronoun.start(1), pronoun.group(1)
    coord = _AND_LAST.search(seg)
    if coord:  # "Max Lawson welcomed the statement and said"
        lead = _SUBJECT_BEFORE_PAST.match(seg)
        if not lead:
            return _subject_before_a_relative(clauses, seg, prev_start, prev)
        return seg_start + lead.start(1), lead.group(1)
    if "," in seg.strip(" ,"):  # an apposition or adjunct: read the head back from its comma
        head_end = seg.index(",", len(seg) - len(seg.lstrip(" ,")))
        head = _trailing_np(seg_start, seg[:head_end])
        return (head[0], text[head[0] : seg_start + len(seg)]) if head else None
    return _trailing_np(seg_start, seg)


_AN_AGE = re.compile(r"\s*\d{1,3}\s*")
# "in Reynosa, " before "Tamaulipas, the state prosecutor said": the next name continues the place
_PLACE_LIST_BEFORE = re.compile(
    r"\b(?:in|at|near|from|outside|of)\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*,\s*$"
)
_NON_SPACE = re.compile(r"\S+")
# the end of a figure ("the $2.2 billion the United Nations says"): no part of a name
_SCALE_WORDS = frozenset(
    {"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "bn", "m"}
)
_VERB_FORM = re.compile(r"(?:ed|ing|n't|n’t)$")
_DIGIT = re.compile(r"\d")


@cache
def _nominal() -> frozenset[str]:
    """Titles, organisation and anonymous words, and nouns that end like verbs (`ing_nouns`: "the
    media wing", "a building"): nouns even in a verb's form ("the Red Crescent")."""
    lex = lexicon()
    words = lex.words("titles") | lex.words("organisation_words") | lex.words("anonymous_words")
    return words | lex.words("ing_nouns")


@cache
def _clause_words_but_i() -> frozenset[str]:
    return lexicon().words("clause_words") - {"i"}


def _inside_a_name(words: list[re.Match[str]], i: int) -> bool:
    """ "Captain Omar Said of the coastguard", "the singer Will Young": a capitalised word that could
    be a clause word ("said", "will") next to another capitalised word is part of a name."""
    if not words[i].group(0)[:1].isupper():
        return False
    before = i > 0 and words[i - 1].group(0)[:1].isupper()
    return before or (i + 1 < len(words) and words[i + 1].group(0)[:1].isupper())


def _trailing_np(seg_start: int, seg: str) -> tuple[int, str] | None:
    """The noun phrase that ends a clause: read back from the verb until a clause word or a
    verb form ("he didn't hear a gunshot but heard noise" is no subject)."""
    lex = lexicon()
    stop = lex.words("clause_words")
    nominal = _nominal()
    words = list(_NON_SPACE.finditer(seg))
    fillers = lex.words("trailing_fillers")
    while words and words[-1].group(0).lower() in fillers:  # "the first minister has (told)"
        words.pop()
    who = _relative_who(words)
    if who:  # "A resident of the town who fled to Sokoto (said)": the speaker is the one before "who"
        return _trailing_np(seg_start, seg[: words[who].start()])
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group(0)
        low = w.lower().strip("\"“”‘’'()")
        verbish = _verb_form(words, i, low, nominal)
        clause_word = low in stop and not acronym(w) and not _inside_a_name(words, i)
        if clause_word or (verbish and not w[:1].isupper()) or _DIGIT.search(low) or low in _SCALE_WORDS:
            if verbish and _reduced_relative(words, i, stop):  # "a source residing in Kabul said"
                return _trailing_np(seg_start, seg[: words[i].start()])
            break
        first = i
    while first < len(words) and words[first].group(0).lower() in PREPOSITIONS:
        first += 1  # "(help) from the FBI said" -> "the FBI"
    first = _past_time_conjunct(words, first)
    if first == len(words):
        return None
    return seg_start + words[first].start(), seg[words[first].start() : words[-1].end()]


def _relative_who(words: list[re.Match[str]]) -> int:
    """Where "who" opens a relative clause running to the verb, after a noun: its index, else 0."""
    for k in range(len(words) - 2, 0, -1):
        if words[k].group(0).lower() == "who":
            before = words[k - 1].group(0).strip("\"“”‘’'()")
            return k if before.isalpha() else 0
    return 0


def _verb_form(words: list[re.Match[str]], i: int, low: str, nominal: frozenset[str]) -> bool:
    """Whether word `i` (`low`, lower-cased) reads as a verb: "-ed", "-ing" or "n't", unless a noun of
    `nominal` or a modifier ("a monitoring group", "in neighbouring Kebbi state")."""
    return bool(
        _VERB_FORM.search(low)
        and low not in nominal
        and not _modifies_a_body(words, i, nominal)
        and not _attributive(words, i)
    )


def _modifies_a_body(words: list[re.Match[str]], i: int, nominal: frozenset[str]) -> bool:
    """ "a monitoring group", "the ruling party", "a governing coalition": a word in "-ing" right before
    a title, body or unnamed speaker's noun is its modifier, no verb."""
    if i + 1 >= len(words) or not words[i].group(0).lower().endswith("ing"):
        return False
    return words[i + 1].group(0).lower().strip("\"\u201c\u201d\u2018\u2019'(),") in nominal


def _attributive(words: list[re.Match[str]], i: int) -> bool:
    """ "in neighbouring Kebbi state", "the outgoing mayor", "a retired general": a word in "-ing" or
    "-ed" after an article, possessive or place preposition and before another word modifies that
    word; no verb stands there."""
    if i == 0 or i + 1 >= len(words):
        return False
    return words[i - 1].group(0).lower() in _BEFORE_A_MODIFIER


_BEFORE_A_MODIFIER = DETERMINERS | {"in", "at", "from", "of", "near", "across"}


_AFTER_PARTICIPLE = PREPOSITIONS | {
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "along",
    "abroad",
    "overseas",
    "locally",
    "nearby",
}


def _past_time_conjunct(words: list[re.Match[str]], first: int) -> int:
    """ "(rose 0.8% in) January and Nationwide (reported)": a date joined by "and" to the name ends
    the clause before; the speaker starts after the "and"."""
    never = lexicon().words("not_sources")
    i = first
    while i < len(words) and words[i].group(0).lower().strip(",") in never:
        i += 1
    if i > first and i + 1 < len(words) and words[i].group(0).lower() == "and":
        return i + 1
    return first


def _reduced_relative(words: list[re.Match[str]], i: int, stop: frozenset[str]) -> bool:
    """Is the verb form at `i` a participle set on the noun before it, with a place or agent after
    ("a source residing in Kabul", "officials based at the port", "a man injured in the blast")? The
    speaker is then that noun, not what follows the preposition."""
    if i == 0 or i + 1 >= len(words) or words[i + 1].group(0).lower() not in _AFTER_PARTICIPLE:
        return False
    if not words[i].group(0).lower().endswith(("ing", "ed")):
        return False
    if any(w.group(0).lower() == "by" for w in words[i + 1 :]):
        return False  # "a report released on Monday by the ministry (showed)": the agent is the source
    before = words[i - 1].group(0).lower().strip("\"“”‘’'(),")
    return before.isalpha() and before not in stop and not _VERB_FORM.search(before)


_ACRONYM_ONLY = re.compile(r"\s*[A-Z][A-Z&]{1,9}\s*")


def _subject_before_a_relative(
    clauses: ClausesBefore, seg: str, prev_start: int, prev: str
) -> tuple[int, str] | None:
    """ "The RSF, which controls the area, blamed the army and put the toll at 61": a verb opening the
    clause after a relative set off by commas has the subject before that relative."""
    if not _PAST_FIRST.match(seg) or not _RELATIVE_PRONOUN.match(prev) or prev_start == 0:
        return None
    if clauses.text[prev_start - 1] != ",":
        return None
    subj_start, subj = clauses.ending_at(prev_start - 1)
    return _trailing_np(subj_start, subj) if subj.strip() else None


_PAST_FIRST = re.compile(r"\s*[a-z]+ed\s")


def _aside(seg: str) -> bool:
    """ ", however,", ", requesting anonymity,", ", speaking by phone,": an adverb of `leading_fillers`
    or a short participle phrase set between the subject and its verb."""
    words = seg.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in lexicon().words("leading_fillers"):
        return True
    if words[0].lower() in _ANONYMITY_PARTICIPLES:  # ", speaking on condition of anonymity because ...,"
        return True
    return len(words) <= 5 and words[0].islower() and words[0].endswith("ing")


_ANONYMITY_PARTICIPLES = frozenset({"speaking", "requesting", "asking", "declining", "citing"})


def _name_before_appositions(clauses: ClausesBefore, seg: str, prev_start: int, prev: str) -> int | None:
    """Where the name starts when `seg` ("the United Nations agency") is the last of the descriptions
    set after a name: "John Ging, director of operations for UNRWA, the UN agency,", "Amadou Kone, a
    commander of the Front, a militia that holds the hills,". A description opening with an article,
    after up to `_MAX_APPOSITIONS` descriptions, after a short name."""
    if seg.strip().split()[0].lower() not in ("the", "a", "an"):
        return None
    text = clauses.text
    for _ in range(_MAX_APPOSITIONS):
        if prev_start == 0 or text[prev_start - 1] != "," or not _noun_phrase(prev):
            return None
        name_start, name = clauses.ending_at(prev_start - 1)
        if not name.strip():
            return None
        if _apposition(name, prev):
            return name_start
        if name.strip().split()[0].lower() not in ("the", "a", "an"):
            return None
        prev_start, prev = name_start, name
    return None


_MAX_APPOSITIONS = 3
_WHO_OPENS = re.compile(r"\s*(?:who|whose)\s", re.I)
# a relative clause inside a description: "a militia that controls the hills"
RELATIVE_INSIDE = re.compile(r"\s(?:that|which|who|whose)\s")


def apposed_name(phrase: str) -> bool:
    """ "Bensu Elianita, a 22-year-old resident of the village,", "Ana Ruiz, 41, a nurse,": a name
    that is a source and the appositions after it, however long or numbered they make the phrase."""
    head, _, rest = phrase.partition(",")
    appositions = [a for a in rest.split(",") if a.strip() and not a.strip().isdigit()]  # ", 41," an age
    if appositions and all(_WHO_OPENS.match(a) for a in appositions):
        return source_like(head)  # "Mohamed Isak, 41, who sells camel milk near the gate,"
    # a description may hold a relative clause of its own ("a war monitor that relies on a network of
    # informants"): its noun phrase is what comes before it
    described = [a[: m.start()] if (m := RELATIVE_INSIDE.search(a)) else a for a in appositions]
    return (
        bool(appositions)
        and source_like(head)
        and _apposition(head, appositions[0])
        and all(_noun_phrase(a, figures=True) for a in described)
    )


def holds_no_clause(phrase: str) -> bool:
    """A phrase with no clause word or verb form in it ("the governor", not "the force of the
    explosion knocked him to the ground")."""
    return _noun_phrase(phrase, figures=True)


def _noun_phrase(text: str, figures: bool = False) -> bool:
    """No clause word, verb form or (unless `figures`) figure: "director of operations for UNRWA", "a
    22-year-old resident", "a 911 dispatcher" (with figures), not "BP's share price rose 4p or 1%"."""
    stop, nominal = _clause_words_but_i(), _nominal()
    words = [w.strip("\"“”‘’'(),") for w in text.split()]
    if (not figures and _FIGURE.search(text)) or any(w.lower() in stop and not acronym(w) for w in words):
        return False
    return not any(w.isalpha() and w.islower() and _VERB_FORM.search(w) and w not in nominal for w in words)


_FIGURE = re.compile(r"\d(?![\d,.]*-)")  # a number, but not one in "22-year-old"


_POSSESSIVE_NAME = re.compile(r"\s*[A-Z][\w’'.-]*(?:'s|’s)\s")  # "UNRWA's Director of Operations"


def _apposition(head: str, seg: str) -> bool:
    """ ", an official from the agency," / ", UNRWA's Director of Operations," after a short name."""
    words = head.split()
    if (
        not words
        or words[0].lower() in PREPOSITIONS
        or (len(words) == 1 and words[0].lower() in lexicon().words("leading_fillers"))
    ):
        return False  # "In Kebbi, Agency Director Musa Bello said", "However, a leader said": no name
    titles = lexicon().words("titles")
    name = seg.split()
    named = 1 <= len(name) <= 4 and name[0][:1].isupper() and len(words) <= 8
    if named and any(t in titles for t in tokens_of(head)):  # "the governor of Qeshm, Mehdi Nejad,"
        return True
    if described_role(words) and body_name(name):  # "A rights group, the Sahel Watch Network,"
        return True
    particles = _PARTICLES
    joiners = {"of", "for", "and", "the", "on", "in"}  # "The Syrian Observatory for Human Rights"
    organisation = (
        len(words) <= 8
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w.lower() in joiners for w in words)
    )
    if not organisation and (
        len(words) > 4
        or not all(w[:1].isupper() or w.lower() in particles or _particle_name(w) for w in words)
    ):
        return False
    first_word = seg.strip().split()[0]
    first = first_word.lower()
    has_title = any(t in titles for t in tokens_of(seg))
    return first in {"a", "an"} or has_title or bool(_POSSESSIVE_NAME.match(seg))


def _particle_name(word: str) -> bool:
    """ "al-Wasabi", "el-Sayed", "bin-Laden": a name's particle joined to its capitalised part."""
    particle, _, rest = word.partition("-")
    return particle.lower() in _PARTICLES and rest[:1].isupper()


_PARTICLES = frozenset({"al", "bin", "de", "da", "van", "von", "el", "la", "le", "ibn", "abu"})


def blocked(text: str, verb_start: int) -> bool:
    """Passive ("was reported", "were also reported"), negated ("has not said") or infinitive ("to say")."""
    words = text[:verb_start].split()[-3:]
    if not words or words[-1].endswith((",", '"', "”", ":")):
        return False
    low = [w.lower() for w in words]
    pats = patterns()
    fillers = lexicon().words("trailing_fillers")
    while (
        len(low) > 1 and (low[-1] in fillers or low[-1].endswith("ly")) and not pats["be"].fullmatch(low[-1])
    ):
        low.pop()
    last = low[-1]
    if last in DETERMINERS or last in PREPOSITIONS or last.endswith(("'s", "’s")):
        return True  # a noun: "an estimate", "UNRWA's estimate", "by state television"
    return (
        last == "to"
        or bool(pats["be"].fullmatch(last) or pats["negation"].fullmatch(last))
        or last.endswith(("n't", "n’t"))
    )


_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z’']+)")
_NAME_LAST = re.compile(r"(?:\b[A-Z][\w\u2019'.-]*\s+)+$")
_WORD_LAST = re.compile(r"(\w+)\s+$")


def is_noun(word: str, before: str, after: str) -> bool:
    """ "report" in "the labor department report showing ...": a noun, no cue; so after a possessive
    or "a" ("in its annual report", "a new report"). So is "state" right
    after a capitalised name that a preposition opens ("in the hills of Kivu state", "of Aden state
    between ..."): it names a place or a document; "..., the Daily News reports." still speaks."""
    lex = lexicon()
    if word.lower() not in lex.words("noun_verb_forms"):
        return False
    nxt = _NEXT_WORD.match(after)  # "state TV", "state-run"
    if nxt is not None and (
        nxt.group(1).lower() in lex.words("noun_followers") or nxt.group(1).endswith("ing")
    ):
        return True
    if _OWNED_OR_INDEFINITE.search(before):
        return True  # "in its annual report", "a new report": a possessive or "a" opens a noun phrase
    name = _NAME_LAST.search(before)
    opener = _WORD_LAST.search(before[: name.start()]) if name else None
    if opener is None or opener.group(1).lower() not in _PLACE_OPENERS:
        return False
    owner = _WORD_LAST.search(before[: opener.start()])  # "the hills of Kivu state", not "College of Nursing"
    return owner is None or not owner.group(1)[:1].isupper()


_OWNED_OR_INDEFINITE = re.compile(
    r"(?i)(?<![\w'’])(?:its|their|his|her|our|my|your|an?)\s+(?:[a-z][\w-]*\s+){0,2}$"
)


_PLACE_OPENERS = PREPOSITIONS | {"of", "around", "near", "across", "outside", "inside", "throughout", "into"}


def noun_phrases_only(mentions: list[Mention]) -> bool:
    """Every name a noun phrase: no clause words or verb forms ("he didn't hear a gunshot")."""
    stop = _clause_words_but_i()
    nominal = _nominal()
    for m in mentions:
        words = list(_NON_SPACE.finditer(m.name))
        for i, found in enumerate(words):
            w = found.group(0)
            low = w.lower().strip("\"“”‘’'(),")
            if (low in stop and not acronym(w) and not _inside_a_name(words, i)) or (
                w.islower() and _verb_form(words, i, low, nominal)
            ):
                return False
    return True
