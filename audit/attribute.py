"""Stage 4, attribute: who each figure rests on (sources, chains, hedges).

Rules and lexicons (audit/data/attribution.yaml), no statistical model:

1. Find the quotations of the document (curly and straight quotes, across paragraphs).
2. Find the attributions of every sentence: "according to X", "X said ...", "..., X said.",
   "..., said X", "X put the toll at", "X's figures", "a statement from X", passive "by X",
   with chains ("Yonhap, citing the NIS, said", "As reported by Yonhap, the NIS believes").
3. Resolve the mentions to originators (audit/originators.py).
4. Give every claim the attribution that governs it: the speaker of the quotation it sits in,
   else the nearest attribution of its sentence on the side that attribution faces; a quotation
   with no attribution of its own continues the speaker of the quotation just before it.
5. Set `claim.hedge` to the nearest hedge in the figure's clause.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

from audit.model import Claim, Document, Sentence, Source
from audit.originators import (
    Mention,
    inside_name_list,
    lexicon,
    parse_source,
    phrase_regex,
    proper_words,
    resolve,
    source_like,
    tokens_of,
)

Direction = Literal["forward", "backward", "both"]

_BOUNDARY = re.compile(r"[;:\"“”]|,|\s[–—-]{1,2}\s")
_CLAUSE_END = re.compile(r"[;:!?\"“”]|,|(?<!\b[A-Z])\.(?=\s|$)|\s[–—-]{1,2}\s")
_OPENERS = frozenset("([{—–-/")
_ADJUNCTS = re.compile(
    r"(?i)\b(?:in a statement|in an interview|in a closed-door meeting|in remarks to [^,.]+|"
    r"on condition of anonymity|by telephone|on the phone|earlier|later|again|also)\b|"
    r"\b(?:speaking|who (?:asked|declined|spoke|requested))\b[^,.;]*|,\s*who\b[^.;]*|"
    r"\b(?:on|late|early|last|this|over the|on the)?\s*(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|weekend|yesterday|today|tonight|night|morning|afternoon|evening|week|month)\b"
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those", "our"]
)
_PREPOSITIONS = frozenset(
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


@dataclass
class Attribution:
    """One attribution in a sentence: who (`mentions`), through whom (`via`), which way it faces."""

    cue: str
    start: int  # the whole expression: mentions and cue
    end: int
    mentions: list[Mention]
    direction: Direction
    sentence: int
    via: list[Mention] = field(default_factory=list)
    in_quote: bool = False
    provenance: bool = False  # "the figures had been provided by the police": re-roots earlier figures


@dataclass
class Quotation:
    start: int
    end: int
    speaker: Attribution | None = None
    closed: bool = True  # False: no closing mark, cut at the end of its sentence


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    return {
        **{name: phrase_regex(words) for name, words in _sentence_cues().items()},
        "relay": phrase_regex(lex.words("relay_words")),
        "conduit": phrase_regex(lex.words("conduit_openers")),
        "outlet": re.compile(
            rf"\s+((?i:{phrase_regex(lex.raw.get('news_outlets', [])).pattern})(?:\s+[A-Z][\w’'.-]*)*)"
        ),
        "toll": re.compile("|".join(f"(?:{p})" for p in lex.raw.get("toll_patterns", [])), re.IGNORECASE),
        "be": phrase_regex(lex.words("be_forms")),
        "phrase_stops": phrase_regex(lex.words("phrase_stops")),
        "verb_exclusions": re.compile(
            "|".join(f"(?:{p})" for p in lex.raw.get("verb_exclusions", [])) or r"(?!x)x", re.IGNORECASE
        ),
        "provenance": re.compile(
            "|".join(f"(?:{p})" for p in lex.raw.get("provenance_patterns", [])) or r"(?!x)x", re.IGNORECASE
        ),
        "negation": phrase_regex(lex.words("negations")),
        "possessive_data": re.compile(
            r"(?<=[\w.&-])(?:'s|’s)\s+(?:latest\s+|official\s+|own\s+|provisional\s+)?(?P<noun>"
            + "|".join(sorted(lex.words("data_nouns"), key=len, reverse=True))
            + r")\b",
            re.IGNORECASE,
        ),
    }


@cache
def _sentence_cues() -> dict[str, frozenset[str]]:
    """The cue lists every sentence is scanned for."""
    lex = lexicon()
    return {
        "verbs": lex.words("reporting_verbs"),
        "participles": lex.words("speech_participles"),
        "before": lex.words("source_before"),
        "data_nouns": lex.words("data_nouns") | {"put", "puts", "putting"},
    }


@cache
def _lower_pattern(name: str) -> re.Pattern[str]:
    """The cue list `name` ("any": all of _sentence_cues) for lower-cased text."""
    if name == "any":
        return re.compile(phrase_regex(frozenset().union(*_sentence_cues().values())).pattern)
    return re.compile(_patterns()[name].pattern)  # the word lists are lower-case


def _cue_in(name: str, low: str) -> bool:
    """Whether the lower-cased sentence holds a cue of list `name`: a case-sensitive search is a
    fraction of the cost of re.IGNORECASE, and most sentences hold none, so it runs first."""
    return bool(_lower_pattern(name).search(low))


# --------------------------------------------------------------------------- quotations


def _paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for s in doc.sentences:
        lo, hi = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    return [spans[k] for k in sorted(spans)]


def _closes_before_attribution(text: str, i: int) -> bool:
    """A straight quote after ", " that an attribution follows closes: '... homes, "he said.'"""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] not in ",.!?":
        return False
    after = text[i + 1 : i + 90]
    m = _patterns()["verbs"].search(after)
    if m is None:
        return False
    lead = after[: m.start()]
    return len(lead.split()) <= 7 and not re.search(r"[.!?]", lead)


def _quote_role(text: str, i: int, in_quote: bool, para_start: int) -> str:
    ch = text[i]
    at_para_start = not text[para_start:i].strip()
    if ch == "“":
        return "open"
    if ch == "”":
        return "close"
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if not in_quote:
        if prev.isspace() or prev in _OPENERS or i == 0:
            return "open" if not nxt.isspace() else "stray"
        return "stray"
    if at_para_start:
        return "open"
    if not prev.isspace() or nxt.isspace() or nxt in ",.;:!?" or _closes_before_attribution(text, i):
        return "close"
    return "open"


def _continues(text: str, paras: list[tuple[int, int]], k: int) -> bool:
    """Does a quotation left open at the end of paragraph k go on into the next ones?"""
    for p0, p1 in paras[k + 1 : k + 10]:
        body = text[p0:p1]
        marks = [j for j, c in enumerate(body) if c in '"“”']
        if not marks:
            continue
        j = marks[0]
        if not body[:j].strip():
            return True
        if body[j] == '"' and _closes_before_attribution(text, p0 + j):
            return True
        return body[j] == "”" or (body[j] == '"' and not body[j - 1].isspace())
    return False


_QUOTE_MARK = re.compile('["“”]')


def find_quotations(doc: Document) -> list[Quotation]:
    text = doc.prose
    paras = _paragraph_spans(doc)
    out: list[Quotation] = []
    start: int | None = None
    for k, (p0, p1) in enumerate(paras):
        for mark in _QUOTE_MARK.finditer(text, p0, p1):
            i = mark.start()
            role = _quote_role(text, i, start is not None, p0)
            if role == "open" and start is None:
                start = i
            elif role == "close" and start is not None:
                out.append(Quotation(start, i + 1))
                start = None
        if start is not None and not _continues(text, paras, k):
            out.append(Quotation(start, _unclosed_end(doc, start, p1), closed=False))
            start = None
    if start is not None:
        out.append(Quotation(start, _unclosed_end(doc, start, len(text)), closed=False))
    return out


def _unclosed_end(doc: Document, start: int, limit: int) -> int:
    """A quotation never closed ends with the sentence it opened in (copy often drops the mark)."""
    s = _sentence_at(doc.sentences, start)
    return min(limit, s.end) if s else limit


# --------------------------------------------------------------------------- attributions


def _clause_before(text: str, end: int) -> tuple[int, str]:
    """The clause that ends at `end`: (its start, its text)."""
    cut = 0
    for m in _BOUNDARY.finditer(text, 0, end):
        if m.group(0) == "," and inside_name_list(text, m.start()):
            continue
        cut = m.end()
    return cut, text[cut:end]


def _np_after(text: str, start: int) -> tuple[int, str]:
    """The phrase after a cue, to the end of its clause or the verb that follows it."""
    m = _CLAUSE_END.search(text, start)
    end = m.start() if m else len(text)
    while m and text[m.start()] == "(":  # keep "(NIS)"
        close = text.find(")", m.start())
        if close < 0:
            break
        m = _CLAUSE_END.search(text, close + 1)
        end = m.start() if m else len(text)
    verb = _patterns()["phrase_stops"].search(text, start, end)
    digit = re.search(r"\d", text[start:end])
    if verb and verb.start() > start:
        end = verb.start()
    if digit and start + digit.start() < end:
        end = start + digit.start()
    return end, text[start:end]


def _relay(text: str, pos: int, base: int) -> tuple[list[Mention], int] | None:
    """ ", citing the NIS" right at `pos`: the originators it names and where it ends."""
    m = re.match(r"[\s,]*", text[pos:])
    at = pos + (m.end() if m else 0)
    r = _patterns()["relay"].match(text, at)
    if not r:
        return None
    end, phrase = _np_after(text, r.end())
    phrase = re.split(r"\s+as\s+saying\b", phrase)[0]
    mentions = parse_source(phrase, base + r.end())
    return (mentions, end) if mentions else None


def _relay_before(text: str, verb_start: int, base: int) -> tuple[list[Mention], list[Mention], int] | None:
    """ "Yonhap, citing the NIS, said": (conduits, originators, start) when a relay clause
    precedes the verb."""
    seg_start, seg = _clause_before(text, verb_start)
    if seg.strip() or seg_start == 0 or text[seg_start - 1] != ",":
        return None
    relay_start, relay = _clause_before(text, seg_start - 1)
    r = _patterns()["relay"].match(relay.lstrip())
    if not r or relay_start == 0 or text[relay_start - 1] != ",":
        return None
    lead = len(relay) - len(relay.lstrip())
    originators = parse_source(relay.lstrip()[r.end() :], base + relay_start + lead + r.end())
    conduit_start, conduit = _clause_before(text, relay_start - 1)
    conduits = parse_source(conduit, base + conduit_start)
    if not originators or not conduits or not source_like(conduit):
        return None
    return conduits, originators, conduit_start


def _tail_is_empty(text: str, pos: int) -> bool:
    """After a verb: nothing but time words, "in a statement", a place ("on its website"),
    a relative clause on the speaker (", who uses one name") and punctuation to the end?"""
    tail = _ADJUNCTS.sub(" ", text[pos:])
    place = re.match(r"\s*(?:on|in|at|via|through|during|from|to)\s(?!least|most|all|total)", tail)
    if place and len(tail.split()) <= 6 and not re.search(r"\d|\bthat\b", tail):
        return True
    return not re.search(r"[A-Za-z0-9]", tail)


def _subject(text: str, verb_start: int) -> tuple[int, str] | None:
    """The subject of a reporting verb: the clause before it, past a comma-set adjunct
    ("X, in remarks to TV, said") or apposition ("Fauzi, an official from the agency, told").
    None when the verb directly follows a comma or quotation: then the subject comes after it."""
    seg_start, seg = _clause_before(text, verb_start)
    comma_gap = not seg.strip()
    if comma_gap:
        if seg_start == 0 or text[seg_start - 1] != ",":
            return None
        seg_start, seg = _clause_before(text, seg_start - 1)
        if not seg.strip():
            return None
    first = seg.strip().split()[0].lower()
    prev_start, prev = _clause_before(text, seg_start - 1) if seg_start > 0 else (0, "")
    after_comma = seg_start > 0 and text[seg_start - 1] == ","
    relative = first in ("who", "which", "whose")  # "Luke Pigeon, who lives next door, said"
    if after_comma and prev.strip() and (first in _PREPOSITIONS or relative or _apposition(prev, seg)):
        seg_start, seg = prev_start, text[prev_start:verb_start]
    elif comma_gap:
        return None
    if _patterns()["be"].search(seg):  # "it was two car bombs that ... claimed"
        return None
    pronoun = re.search(r"(?i)(?<![\w’'])(he|she|they|it|we)\s*$", seg)
    if pronoun:  # "And in an interview he confirmed"
        return seg_start + pronoun.start(1), pronoun.group(1)
    coord = re.search(r"\s+and\s*$", seg)
    if coord:  # "Max Lawson welcomed the statement and said"
        lead = re.match(r"\s*((?:[A-Z][\w’'.-]*|[a-z]+)(?:\s+(?:[A-Z][\w’'.-]*|[a-z]+))*?)\s+[a-z]+ed\b", seg)
        if not lead:
            return None
        return seg_start + lead.start(1), lead.group(1)
    if "," in seg.strip(" ,"):  # an apposition or adjunct: read the head back from its comma
        head_end = seg.index(",", len(seg) - len(seg.lstrip(" ,")))
        head = _trailing_np(seg_start, seg[:head_end])
        return (head[0], text[head[0] : seg_start + len(seg)]) if head else None
    return _trailing_np(seg_start, seg)


_NON_SPACE = re.compile(r"\S+")
_VERB_FORM = re.compile(r"(?:ed|ing|n't|n’t)$")
_DIGIT = re.compile(r"\d")


def _trailing_np(seg_start: int, seg: str) -> tuple[int, str] | None:
    """The noun phrase that ends a clause: read back from the verb until a clause word or a
    verb form ("he didn't hear a gunshot but heard noise" is no subject)."""
    lex = lexicon()
    stop = lex.words("clause_words")
    nominal = lex.words("titles") | lex.words("organisation_words") | lex.words("anonymous_words")
    words = list(_NON_SPACE.finditer(seg))
    fillers = lex.words("trailing_fillers")
    while words and words[-1].group(0).lower() in fillers:  # "the first minister has (told)"
        words.pop()
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group(0)
        low = w.lower().strip("\"“”‘’'()")
        verbish = _VERB_FORM.search(low) and low not in nominal
        if low in stop or (verbish and not w[:1].isupper()) or _DIGIT.search(low):
            break
        first = i
    while first < len(words) and words[first].group(0).lower() in _PREPOSITIONS:
        first += 1  # "(help) from the FBI said" -> "the FBI"
    if first == len(words):
        return None
    return seg_start + words[first].start(), seg[words[first].start() : words[-1].end()]


def _apposition(head: str, seg: str) -> bool:
    """ ", an official from the agency," / ", UNRWA's Director of Operations," after a short name."""
    words = head.split()
    titles = lexicon().words("titles")
    name = seg.split()
    named = 1 <= len(name) <= 4 and name[0][:1].isupper() and len(words) <= 8
    if named and any(t in titles for t in tokens_of(head)):  # "the governor of Qeshm, Mehdi Nejad,"
        return True
    particles = {"al", "bin", "de", "da", "van", "von", "el", "la", "le", "ibn", "abu"}
    if len(words) > 4 or not all(w[:1].isupper() or w.lower() in particles for w in words):
        return False
    first = seg.strip().split()[0].lower()
    has_title = any(t in titles for t in tokens_of(seg))
    return first in {"a", "an"} or has_title or bool(re.match(r"\s*[A-Z][\w’'.-]*(?:'s|’s)\s", seg))


def _blocked(text: str, verb_start: int) -> bool:
    """Passive ("was reported", "were also reported"), negated ("has not said") or infinitive ("to say")."""
    words = text[:verb_start].split()[-3:]
    if not words or words[-1].endswith((",", '"', "”", ":")):
        return False
    low = [w.lower() for w in words]
    pats = _patterns()
    fillers = lexicon().words("trailing_fillers")
    while (
        len(low) > 1 and (low[-1] in fillers or low[-1].endswith("ly")) and not pats["be"].fullmatch(low[-1])
    ):
        low.pop()
    last = low[-1]
    if last in _DETERMINERS or last in _PREPOSITIONS or last.endswith(("'s", "’s")):
        return True  # a noun: "an estimate", "UNRWA's estimate", "by state television"
    return (
        last == "to"
        or bool(pats["be"].fullmatch(last) or pats["negation"].fullmatch(last))
        or last.endswith(("n't", "n’t"))
    )


def _is_noun(word: str, after: str) -> bool:
    """ "report" in "the labor department report showing ...": a noun, no cue."""
    lex = lexicon()
    if word.lower() not in lex.words("noun_verb_forms"):
        return False
    nxt = re.match(r"\s*([A-Za-z’']+)", after)
    if nxt is None:
        return False
    return nxt.group(1).lower() in lex.words("noun_followers") or nxt.group(1).endswith("ing")


def _clean(mentions: list[Mention]) -> bool:
    """Every name a noun phrase: no clause words or verb forms ("he didn't hear a gunshot")."""
    lex = lexicon()
    stop = lex.words("clause_words") - {"i"}
    nominal = lex.words("titles") | lex.words("organisation_words") | lex.words("anonymous_words")
    for m in mentions:
        for w in m.name.split():
            low = w.lower().strip("\"“”‘’'(),")
            if low in stop or (_VERB_FORM.search(low) and low not in nominal and w.islower()):
                return False
    return True


def _verb_attribution(
    text: str, m: re.Match[str], s: Sentence, cue_end: int | None = None
) -> Attribution | None:
    base = s.start
    verb_end = cue_end if cue_end is not None else m.end()
    if _blocked(text, m.start()) or _patterns()["verb_exclusions"].match(text, verb_end):
        return None
    if cue_end is None and _is_noun(m.group(0), text[verb_end:]):
        return None
    relayed = _relay_before(text, m.start(), base)
    if relayed:  # "Yonhap, citing the NIS, said ..."
        conduit, originators, start = relayed
        direction: Direction = "backward" if _tail_is_empty(text, verb_end) else "forward"
        return Attribution(
            m.group(0), base + start, base + verb_end, originators, direction, s.index, via=conduit
        )
    subj = _subject(text, m.start())
    statement = bool(re.match(r"\s+in\s+a\s+statement", text[verb_end:]))
    told = m.group(0).lower() in ("told", "tell", "tells")
    via: list[Mention] = []
    if subj is None or not source_like(subj[1]):  # inverted: ', said the official.'
        if told:
            return None  # the one told is the audience, never the source
        before = text[: m.start()].rstrip()
        if not before or before[-1] not in ',"”':
            return None
        end, phrase = _np_after(text, verb_end)
        appos = re.match(r",\s+(?:an?|the)\s+[^,.;:]*", text[end:])
        # '..., said Ahmed Ali, a local doctor.'
        if appos and not _patterns()["verbs"].search(appos.group(0)):
            end += appos.end()
            phrase = text[verb_end:end]
        mentions = parse_source(phrase, base + verb_end, statement)
        if not mentions or not source_like(phrase) or not _tail_is_empty(text, end):
            return None
        start, direction = m.start(), "backward"
        cue = m.group(0)
    else:
        mentions = parse_source(subj[1], base + subj[0], statement)
        if not mentions:
            return None
        start, cue = subj[0], m.group(0)
        end = verb_end
        after = verb_end
        outlet = _patterns()["outlet"].match(text, after)
        if told and outlet:  # "Ema Suryani told AFP"
            name = re.sub(r"['’]s$", "", outlet.group(1))  # "BBC Radio Scotland's (Good Morning)"
            via = parse_source(name, base + outlet.start(1))
            for v in via:
                v.kind = "organisation"  # "Reuters" is no person a later "he" could mean
            after = outlet.end()
        elif told:
            rec = re.match(
                r"\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+|\s+(?:him|her|them|us|me|reporters|journalists)\b",
                text[after:],
            )
            after += rec.end() if rec else 0
        relay = _relay(text, after, base)
        if relay:
            attr = Attribution(cue, base + start, base + relay[1], relay[0], "both", s.index, via=mentions)
            attr.direction = "backward" if _tail_is_empty(text, relay[1]) else "forward"
            return attr
        if re.match(r"[^.;,:\"\u201c]{0,25}:", text[after:]):
            # '..., the governor said: 120 died': the clause before the comma is theirs too
            direction = "both" if text[:start].rstrip().endswith(",") else "forward"
        elif _tail_is_empty(text, after):
            direction = "backward"
        else:  # '..., the ministry said, adding ...' faces both ways; 'X said 40 died' forward
            parenthetical = text[:start].rstrip().endswith(",") and text[after:].lstrip().startswith(",")
            direction = "both" if parenthetical else "forward"
    if not _clean(mentions):
        return None
    return Attribution(cue, base + start, base + end, mentions, direction, s.index, via=via)


def _before_attribution(text: str, m: re.Match[str], s: Sentence) -> Attribution | None:
    """ "according to X", "as reported by X", "a statement from X"."""
    end, phrase = _np_after(text, m.end())
    statement = "statement" in m.group(0).lower()
    mentions = parse_source(phrase, s.start + m.end(), statement)
    if not mentions or not all(source_like(x.name) for x in mentions):
        return None
    via: list[Mention] = []
    relay = _relay(text, end, s.start)
    if relay:
        via, mentions, end = mentions, relay[0], relay[1]
    lead = text[: m.start()]
    at_start = not re.sub(r"(?i)\b(?:but|and|yet|so|also)\b|[\W_]", "", lead)
    tail_empty = _tail_is_empty(text, end)
    direction: Direction = "backward" if tail_empty else "forward" if at_start else "both"
    return Attribution(m.group(0), s.start + m.start(), s.start + end, mentions, direction, s.index, via=via)


def _possessive_attribution(text: str, m: re.Match[str], s: Sentence) -> Attribution | None:
    """ "the health ministry's figures", "UNRWA's estimate", "its tally"."""
    last = re.search(r"[\w.&-]+$", text[: m.start()])
    if last is None:
        return None
    start = last.start()
    for w in reversed(list(re.finditer(r"[\w’'.&-]+", text[: last.start()]))[-5:]):
        gap = text[w.end() : start]
        low = w.group(0).lower()
        if gap.strip() or low in _PREPOSITIONS or _patterns()["verbs"].fullmatch(low):
            break
        start = w.start()
        if low in _DETERMINERS:
            break
    owner = text[start : m.start()]
    mentions = parse_source(owner, s.start + start, m.group("noun").lower() == "statement")
    if not mentions or not source_like(owner):
        return None
    cue = text[last.start() : m.end()]
    return Attribution(cue, s.start + start, s.start + m.end(), mentions, "both", s.index)


def _participle_attribution(
    text: str, m: re.Match[str], s: Sentence, found: list[Attribution]
) -> Attribution | None:
    """ "Papandreou condemned the killings, saying: ..." speaks for the clause's subject."""
    if not text[: m.start()].rstrip().endswith(","):
        return None
    earlier = [a for a in found if a.end <= s.start + m.start()]
    if earlier:
        a = earlier[-1]
        return Attribution(m.group(0), a.start, s.start + m.end(), a.mentions, "forward", s.index, via=a.via)
    lead = re.match(
        r"\s*((?:(?:[A-Z][\w’'.-]*|[a-z]+)\s+)*?[A-Z][\w’'.-]*)\s+[a-z]+(?:ed|s)\b", text[: m.start()]
    )
    if not lead or not source_like(lead.group(1)):
        return None
    mentions = parse_source(lead.group(1), s.start + lead.start(1))
    if not mentions:
        return None
    return Attribution(m.group(0), s.start + lead.start(1), s.start + m.end(), mentions, "forward", s.index)


def _overlaps(a: Attribution, found: list[Attribution]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in found)


def sentence_attributions(s: Sentence) -> list[Attribution]:
    """Every attribution in one sentence, in text order."""
    pats = _patterns()
    text = s.text
    low = text.lower()
    found: list[Attribution] = []
    quoted = "quoted" in low
    if not quoted and not _cue_in("any", low):
        return found
    if _cue_in("before", low):
        for m in pats["before"].finditer(text):
            _add(found, _before_attribution(text, m, s))
    if quoted:
        for m in _QUOTED_AS.finditer(text):
            _add(found, _quoted_as_attribution(text, m, s))
    for m in pats["verbs"].finditer(text) if _cue_in("verbs", low) else ():
        if m.group(0)[:1].isupper() and text[: m.start()].strip(" \"“‘'("):
            continue  # a name: "the United States", "Unity State"
        if not any(a.start <= s.start + m.start() < a.end for a in found):
            _add(found, _verb_attribution(text, m, s))
    if _cue_in("data_nouns", low):
        _data_attributions(text, s, found)
    found.sort(key=lambda a: a.start)
    for m in pats["participles"].finditer(text) if _cue_in("participles", low) else ():
        a = _participle_attribution(text, m, s, found)
        if a and not any(b.start <= a.end - 1 < b.end for b in found):
            found.append(a)
    found.sort(key=lambda a: a.start)
    return _apply_conduits(found)


_QUOTED_AS = re.compile(r"\bquoted\s+(?P<orig>[^,.;:]{2,90}?)\s+as\s+(?:saying|telling|stating)\b")


def _quoted_as_attribution(text: str, m: re.Match[str], s: Sentence) -> Attribution | None:
    """ "Reuters quoted the health ministry as saying ...": the ministry, via Reuters."""
    subj = _subject(text, m.start())
    originators = parse_source(m.group("orig"), s.start + m.start("orig"))
    if subj is None or not originators or not source_like(subj[1]):
        return None
    conduits = parse_source(subj[1], s.start + subj[0])
    direction: Direction = "backward" if _tail_is_empty(text, m.end()) else "forward"
    span = (s.start + subj[0], s.start + m.end())
    return Attribution(m.group(0), *span, originators, direction, s.index, via=conduits)


def _add(found: list[Attribution], a: Attribution | None) -> None:
    if a is not None and not _overlaps(a, found):
        found.append(a)


def _data_attributions(text: str, s: Sentence, found: list[Attribution]) -> None:
    """The cues built on a data noun: "put the toll at", "the ministry's figures", and
    provenance statements ("the figures had been provided by the police")."""
    pats = _patterns()
    for m in pats["toll"].finditer(text):
        a = _verb_attribution(text, m, s)
        if a is not None:
            a.direction = "forward"
        _add(found, a)
    for m in pats["possessive_data"].finditer(text):
        _add(found, _possessive_attribution(text, m, s))
    for m in pats["provenance"].finditer(text):
        end, phrase = _np_after(text, m.end())
        mentions = parse_source(phrase, s.start + m.end())
        if mentions and source_like(phrase):
            span = (s.start + m.start(), s.start + end)
            found.append(Attribution(m.group(0).strip(), *span, mentions, "both", s.index, provenance=True))


def _apply_conduits(found: list[Attribution]) -> list[Attribution]:
    """ "As reported by Yonhap, the intelligence service believes ...": Yonhap is the conduit."""
    pats = _patterns()
    out: list[Attribution] = []
    for i, a in enumerate(found):
        rest = found[i + 1 :]
        if pats["conduit"].fullmatch(a.cue) and a.direction == "forward" and rest and not a.via:
            rest[0].via = rest[0].via or a.mentions
            continue
        out.append(a)
    return out


# --------------------------------------------------------------------------- scope


QUOTE_GAP = 24  # characters between a quotation and its "said X" at most ('," the police')


def _speaker_of(
    q: Quotation, attrs: list[Attribution], text: str, previous: Quotation | None, sentences: list[Sentence]
) -> Attribution | None:
    outside = [a for a in attrs if not (q.start <= a.start and a.end <= q.end)]
    for a in outside:  # '"...," the police said' / '..." added the doctor'
        if q.end - 1 <= a.start <= q.end + QUOTE_GAP and not _GAP_WORD.search(text, q.end, a.start):
            return a
    for a in outside:  # 'He added: "...' / 'said "All those ...'
        if q.start - QUOTE_GAP <= a.end <= q.start + 1 and not _GAP_WORD_OR_STOP.search(text, a.end, q.start):
            return a
    window = text[max(0, q.start - 200) : q.start]
    lead_end = q.start - (len(window) - len(window.rstrip()))  # where the text before the quotation ends
    if window.rstrip().endswith(":"):  # 'Ramsey says she was escorted out ...:\n\n“ She drove ...'
        colon = [a for a in outside if a.start < lead_end and a.direction != "backward"]
        same = _sentence_at(sentences, lead_end - 1)
        if colon and same is not None and colon[-1].sentence == same.index:
            return colon[-1]
    inner = _sentence_at(sentences, q.start)
    if inner is not None and q.end <= inner.end and any(a.sentence == inner.index for a in outside):
        return None  # a quotation inside an attributed sentence: the sentence rule covers it
    if previous is not None and previous.speaker is not None and _carry_mode() != "none":
        gap = text[previous.end : q.start]
        sp = previous.speaker
        if previous.end <= sp.start:
            gap = text[previous.end : sp.start] + text[sp.end : q.start]
        if not re.search(r"[A-Za-z0-9]", gap):
            return sp
    return None


_GAP_WORD = re.compile(r"[A-Za-z0-9\n]")
_GAP_WORD_OR_STOP = re.compile(r"[A-Za-z0-9.!?\n]")


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence containing `pos` (sentences are in order and do not overlap)."""
    i = bisect.bisect_right(sentences, pos, key=lambda s: s.start) - 1
    return sentences[i] if i >= 0 and sentences[i].start <= pos < sentences[i].end else None


def _assign_speakers(quotes: list[Quotation], attrs: list[Attribution], doc: Document) -> None:
    ordered = sorted(attrs, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    previous: Quotation | None = None
    for q in quotes:
        # only attributions near the quotation can speak it: its own sentence, the one before
        # its colon, or a few characters either side (sentences are at most 4,000 characters)
        lo = bisect.bisect_left(starts, q.start - NEAR)
        near = ordered[lo : bisect.bisect_right(starts, q.end + NEAR)]
        for a in near:
            if q.closed and q.start < a.start and a.end <= q.end:
                a.in_quote = True
        q.speaker = _speaker_of(q, near, doc.prose, previous, doc.sentences)
        previous = q


NEAR = 4_500  # characters: past the longest sentence the segmenter makes


def _governing(pos: int, attrs: list[Attribution]) -> Attribution | None:
    """The nearest attribution that faces the figure at `pos`."""
    best: tuple[int, Attribution] | None = None
    for a in attrs:
        if a.in_quote or a.provenance:
            continue
        if a.start <= pos < a.end:
            continue
        if a.end <= pos and a.direction in ("forward", "both"):
            d = pos - a.end
        elif a.start > pos and a.direction in ("backward", "both"):
            d = a.start - pos
        else:
            continue
        if best is None or d < best[0]:
            best = (d, a)
    return best[1] if best else None


def _sources(a: Attribution) -> list[Source]:
    via = ", ".join(dict.fromkeys(v.display or v.name for v in a.via)) or None
    out: dict[str, Source] = {}
    for m in a.mentions:
        key = m.key or m.name
        if key not in out:
            out[key] = Source(
                name=m.display or m.name,
                cue=a.cue,
                start=a.start,
                end=a.end,
                via=via,
                anonymous=m.anonymous,
                originator=key,
            )
    return list(out.values())


# --------------------------------------------------------------------------- hedges


@lru_cache(maxsize=1)
def _hedge_rules() -> list[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]]:
    rules = []
    for entry in lexicon().raw.get("hedges", []):
        words = frozenset(str(w) for w in entry.get("words", []))
        not_before = tuple(str(x).lower() for x in entry.get("not_before", []))
        only_before = tuple(str(x).lower() for x in entry.get("only_before", []))
        rules.append((phrase_regex(words), not_before, only_before))
    return rules


@lru_cache(maxsize=1)
def _any_hedge() -> re.Pattern[str]:
    """Every hedge word of every rule: most figures have none near them, and one scan says so."""
    return phrase_regex([str(w) for entry in lexicon().raw.get("hedges", []) for w in entry.get("words", [])])


@lru_cache(maxsize=1)
def _hedge_breaks() -> re.Pattern[str]:
    breaks = sorted((str(b) for b in lexicon().raw.get("hedge_clause_breaks", [])), key=len, reverse=True)
    return re.compile("|".join(re.escape(b) for b in breaks) or r"(?!x)x")


def hedge_for(text: str, pos: int) -> str | None:
    """The nearest hedge in the clause of the figure at `pos` (offsets into `text`)."""
    reach = int(lexicon().raw.get("hedge_reach", 90))
    if not _any_hedge().search(text, max(0, pos - reach), min(len(text), pos + reach)):
        return None
    lo, hi = 0, len(text)
    # only breaks within reach can narrow the clause searched below
    for m in _hedge_breaks().finditer(text, max(0, pos - reach - 20), min(len(text), pos + reach + 20)):
        if m.end() <= pos:
            lo = max(lo, m.end())
        elif m.start() > pos:
            hi = min(hi, m.start())
    best: tuple[int, str] | None = None
    for pattern, not_before, only_before in _hedge_rules():
        for m in pattern.finditer(text, max(lo, pos - reach), min(hi, pos + reach)):
            after = text[m.end() : m.end() + 40].lstrip().lower()
            if (not_before and after.startswith(not_before)) or (
                only_before and not after.startswith(only_before)
            ):
                continue
            d = abs(m.start() - pos)
            if best is None or d < best[0]:
                best = (d, m.group(0).lower())
    return re.sub(r"\s+", " ", best[1]) if best else None


# --------------------------------------------------------------------------- the stage


def _sentence_of(doc: Document, claim: Claim) -> Sentence | None:
    if 0 <= claim.sentence < len(doc.sentences):
        return doc.sentences[claim.sentence]
    pos = claim.number_start if claim.number_start >= 0 else claim.start
    return next((s for s in doc.sentences if s.start <= pos < s.end), None)


_NAME = r"(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*"
_SUBJECT_PERSON = re.compile(
    rf"^[^,.]{{3,90}},\s+(?P<appos>{_NAME}),\s+[a-z]"  # "A professor of economics, Yanis Varoufakis, did"
    rf"|^\s*(?:(?:But|And|Yet|So|Meanwhile),?\s+)?(?P<name>{_NAME})\s+(?!of\b|in\b|at\b|and\b)[a-z]"
)


def _subject_people(doc: Document) -> list[Mention]:
    """People named as the subject of a sentence that attributes nothing, so that a later
    "he said" can refer to them ("Yanis Varoufakis did not go to work ... 'It was', he said")."""
    out: list[Mention] = []
    for s in doc.sentences:
        m = _SUBJECT_PERSON.match(s.text)
        if not m:
            continue
        group = "name" if m.group("name") else "appos"
        for mention in parse_source(m.group(group), s.start + m.start(group)):
            titled = any(t in lexicon().words("titles") for t in tokens_of(mention.name))
            if mention.kind == "person" and (len(proper_words(mention.name)) >= 2 or titled):
                mention.conduit = True  # a candidate antecedent, never an originator host
                out.append(mention)
    return out


def _covered_by(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset falls inside any of `spans` (which may overlap), by bisection."""
    spans = sorted(spans)
    starts = [lo for lo, _ in spans]
    reach = list(itertools.accumulate((hi for _, hi in spans), max))  # furthest end so far

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and reach[k] > pos

    return inside


def document_attributions(doc: Document) -> tuple[list[Attribution], list[Quotation]]:
    attrs = [a for s in doc.sentences for a in sentence_attributions(s)]
    for a in attrs:
        for v in a.via:
            v.conduit = True
    inside = _covered_by([(a.start, a.end) for a in attrs])
    people = [m for m in _subject_people(doc) if not inside(m.start)]
    mentions = [m for a in attrs for m in [*a.via, *a.mentions]] + people
    mentions.sort(key=lambda m: m.start)
    resolve(mentions)
    quotes = sorted(find_quotations(doc), key=lambda q: q.start)  # _choose bisects them
    _assign_speakers(quotes, attrs, doc)
    return attrs, quotes


def attribute(doc: Document, claims: list[Claim]) -> None:
    """Fill `sources` (deepest originator first, one per originator) and `hedge` of every claim."""
    if not doc.sentences:
        for claim in claims:
            claim.sources = []
        return
    attrs, quotes = document_attributions(doc)
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attrs:
        by_sentence.setdefault(a.sentence, []).append(a)
    carry = _carry_mode()
    last: dict[int, Attribution] = {}  # paragraph (or -1 for "next") -> latest attribution used
    for claim in sorted(claims, key=lambda c: c.start):
        pos = claim.number_start if claim.number_start >= 0 else claim.start
        s = _sentence_of(doc, claim)
        chosen = _choose(pos, s, quotes, by_sentence)
        if chosen is None and s is not None:
            chosen = _carried(carry, s, last)
        if chosen is not None and s is not None:
            last[s.paragraph] = chosen
            last[-1] = chosen
        claim.sources = _sources(chosen) if chosen else []
        claim.hedge = hedge_for(s.text, pos - s.start) if s else None
    _reroot(doc, claims, [a for a in attrs if a.provenance])


def _reroot(doc: Document, claims: list[Claim], provenances: list[Attribution]) -> None:
    """ "He said the figures had been provided by the police": the police are the originator of
    the attributed figures before it in the account (this paragraph and the one before), and
    their speaker the conduit."""
    for p in provenances:
        para = doc.sentences[p.sentence].paragraph
        for claim in claims:
            s = _sentence_of(doc, claim)
            if not claim.sources or s is None or s.index >= p.sentence or s.paragraph < para - 1:
                continue
            via = ", ".join(dict.fromkeys(src.name for src in claim.sources))
            claim.sources = _sources(p)
            for src in claim.sources:
                src.via = via


def _carry_mode() -> str:
    return str(lexicon().raw.get("carry_over", "quotes"))


def _carried(mode: str, s: Sentence, last: dict[int, Attribution]) -> Attribution | None:
    """Plain carry-over (measured, off by default): the latest attribution of the paragraph,
    or of any earlier sentence."""
    if mode == "paragraph":
        return last.get(s.paragraph)
    if mode == "next":
        return last.get(-1)
    return None


def _choose(
    pos: int, s: Sentence | None, quotes: list[Quotation], by_sentence: dict[int, list[Attribution]]
) -> Attribution | None:
    i = bisect.bisect_right(quotes, pos, key=lambda q: q.start) - 1  # quotations are in order
    quote = quotes[i] if i >= 0 and quotes[i].start <= pos < quotes[i].end else None
    if quote is not None and quote.speaker is not None and quote.closed:
        return quote.speaker
    own = _governing(pos, by_sentence.get(s.index, [])) if s is not None else None
    return own or (quote.speaker if quote is not None else None)
