"""Shared ways of relating claims: labels, subjects, cue words, headline and lede.

The cue lexicons are in audit/data/relations.yaml. Every helper here is conservative: a pairing
it is unsure of is better left out than reported as a failure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache, lru_cache, partial
from typing import Any, TypeVar

from audit.checkers import Context
from audit.lexicon import data, words_pattern
from audit.model import HARM_CATEGORIES, Claim, Sentence

PEOPLE_KINDS = ("count",)
T = TypeVar("T")


@cache
def lexicon() -> dict[str, Any]:
    return dict(data("relations"))


@cache
def cue_pattern(name: str, anchored: str = "") -> re.Pattern[str]:
    """A regex matching any cue of list `name` as whole words; `anchored` is "start" or "end"."""
    alts = words_pattern(lexicon()[name])
    if anchored == "start":
        return re.compile(rf"^\W*(?:{alts})(?!\w)", re.I)
    if anchored == "end":
        return re.compile(rf"(?<!\w)(?:{alts})\W*$", re.I)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


def has_cue(text: str, name: str) -> bool:
    return bool(cue_pattern(name).search(text))


def starts_with_cue(text: str, name: str) -> bool:
    return bool(cue_pattern(name, "start").search(text))


def ends_with_cue(text: str, name: str) -> bool:
    if not may_end_with(text, _last_words(name)):
        return False  # the pattern, searched at every offset of the text, cannot match
    return bool(cue_pattern(name, "end").search(text))


# every ASCII character that is not a word character (`\W`)
_ASCII_NON_WORD = "".join(chr(i) for i in range(128) if not (chr(i).isalnum() or chr(i) == "_"))


def may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """False only when `text` cannot end in one of `words` (lower-case), then non-word characters: for
    an ASCII text, when it does not, read case-insensitively. A pattern anchored at the end that
    needs one of the words last is searched only where this is true (the search tries every offset;
    this reads the end once). Non-ASCII text is always true: `re.I` folds some non-ASCII letters to
    ASCII ones ("\u0131" matches "i") that `str.lower` leaves alone."""
    return not text.isascii() or text.rstrip(_ASCII_NON_WORD).lower().endswith(words)


@cache
def _last_words(name: str) -> tuple[str, ...]:
    """The last word of each cue of list `name`, lower-case; ("",) (no test) if any cue is not ASCII."""
    cues = [str(c).lower().rstrip(_ASCII_NON_WORD) for c in lexicon()[name]]
    if not all(c.isascii() for c in cues):
        return ("",)
    return tuple(c.split()[-1] if c.split() else "" for c in cues)


def label(claim: Claim) -> str:
    """How a message names a figure: "300 killed", "3,000 casualties", "$1.13bn"."""
    number = claim.number_text or claim.text
    if claim.category in HARM_CATEGORIES:
        return f"{number} {claim.category}"
    return claim.text if len(claim.text) <= 40 else number


def head(subject: str | None) -> str | None:
    """The head noun of a subject, singular and lower-case: "North Korean troops" -> "troop"."""
    return _head(subject) if subject else None


@lru_cache(maxsize=8192)  # asked for every pair of figures the rules compare
def _head(subject: str) -> str | None:
    words = _SUBJECT_WORD.findall(subject)
    if not words:
        return None
    word = words[-1].lower()
    word = _IRREGULAR.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_SUBJECT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "policemen": "policeman",
    "gunmen": "gunman",
    "servicemen": "serviceman",
    "firemen": "fireman",
    "fishermen": "fisherman",
}


def same_subject(a: Claim, b: Claim) -> bool:
    """Subjects agree, or at least one is unknown."""
    ha, hb = head(a.subject), head(b.subject)
    return ha is None or hb is None or ha == hb or ha in _GENERIC or hb in _GENERIC


_GENERIC = {"people", "person", "other", "individual", "victim", "casualty", "dead", "body"}


def same_unit(a: Claim, b: Claim) -> bool:
    return (a.unit or None) == (b.unit or None) and a.kind == b.kind


def is_people(claim: Claim) -> bool:
    return claim.unit == "people" or claim.category in HARM_CATEGORIES


@cache
def people_nouns() -> frozenset[str]:
    """The nouns that count people (casualties.yaml `people_nouns`), lower-cased, read once."""
    return frozenset(str(w).lower() for w in data("casualties")["people_nouns"])


def after_from(ctx: Context, claim: Claim) -> bool:
    """ "up from 41,300", "from a record 81,900", "from 12 countries": an old value of a change, or
    where people came from; no part or whole of a group counted."""
    return bool(_FROM_BEFORE.search(ctx.before(claim, 30)))


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+)?$", re.I)


def counted_noun(ctx: Context, claim: Claim) -> str | None:
    """The plural noun right after a figure, past at most one modifier ("1,210 comedy shows": shows;
    "2,100 at its plants": none, a phrase of place)."""
    m = _NOUN_RIGHT_AFTER.match(ctx.doc.prose[number_end(claim) : number_end(claim) + 30])
    if m is None or m.group(1).lower() in _NOT_MODIFIERS:
        return None
    word = (m.group(2) or m.group(1)).lower()
    return word if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else None


_NOUN_RIGHT_AFTER = re.compile(r"^\s+([a-z-]+)(?:\s+([a-z]+s)\b)?", re.I)
_NOT_MODIFIERS = frozenset(
    {"at", "in", "of", "on", "for", "from", "to", "with", "by", "its", "their", "the", "and", "or"}
)


def one_of_a_tally(ctx: Context, c: Claim) -> bool:
    """ "Haskell received 6,841 votes to Moreno's 6,529": a bare number told beside another of its
    kind that counts the same noun or names none ("540 roles and 18 stores" are two things) is one
    entry of a tally; "the 14,500 votes" after it may name any of them, or all."""
    noun = counted_noun(ctx, c)
    return any(
        o is not c
        and o.unit is None
        and o.kind == c.kind
        and o.kind != "fraction"
        and counted_noun(ctx, o) in (None, noun)
        for o in ctx.figures_in(c.sentence, c.sentence)
    )


def number_end(claim: Claim) -> int:
    """Where the figure's number ends (its unit word, if any, comes after)."""
    return claim.number_end if claim.number_end > 0 else claim.end


def number_start(claim: Claim) -> int:
    """Where the figure's number starts (after its qualifier or currency sign)."""
    return claim.number_start if claim.number_start > 0 else claim.start


def side_of_a_score(ctx: Context, claim: Claim) -> bool:
    """A number joined to another by a dash ("112-108", "6-4", "287-6"): a side of a score or split."""
    return bool(SCORE.search(ctx.doc.prose[max(0, claim.start - 2) : claim.end + 2]))


# a number joined to another by a dash: "3-6", "6-2", "9-3"
SCORE = re.compile(r"\d\s?[-\u2013]\s?\d")


def is_age(ctx: Context, claim: Claim) -> bool:
    """An age, no count of anything: "an 84-year-old", "aged 84", "over the age of 70"."""
    if claim.unit != "year":
        return False
    return bool(
        _AGE_AFTER.match(ctx.doc.prose[claim.end : claim.end + 6])
        or _AGE_BEFORE.search(ctx.before(claim, 16))
    )


_AGE_AFTER = re.compile(r"^-?\s*old\b|^-?\s*years?-old\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?\s+of|age\s+of)\s+(?:(?:over|under|about|around)\s+)?$", re.I)


def is_percent(claim: Claim) -> bool:
    return claim.kind == "percent" or claim.unit == "percent"


def is_money(claim: Claim) -> bool:
    return claim.kind == "money"


def headline_sentences(ctx: Context) -> list[int]:
    """Sentence indexes of the headline: a short first paragraph with no final stop.

    A leading bracketed note ("[no headline in source]") is skipped."""
    return ctx.memo("headline", lambda: _headline(ctx))


def _headline(ctx: Context) -> list[int]:
    """Paragraphs come in document order, so only the first few that are no note are read. Short
    paragraphs between the headline and a dateline ("November 28, 2005", "Friday, Sep 10, 2010 |
    Updated 9:28 AM EDT") are its deck, display copy like it: the story starts after the dateline."""
    order: list[list[Sentence]] = []
    for _, group in itertools.groupby(ctx.doc.sentences, key=lambda s: s.paragraph):
        sentences = list(group)
        if not _is_note(sentences):
            order.append(sentences)
            if len(order) == _DECK_REACH + 1:
                break
    if len(order) < 2:
        return []
    first = order[0]
    text = " ".join(s.text.strip() for s in first)
    if not text or text.endswith((".", "?", "!", '."', ".\u201d")) or len(text.split()) > 30:
        return []
    return [s.index for s in first] + [s.index for paragraph in _deck(order[1:]) for s in paragraph]


_DECK_REACH = 3  # paragraphs of deck at most before a dateline
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^\W*(?:[a-z]+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    r"(?:\s*[|,-]\s*[^.!?]{0,50})?\s*$",
    re.I,
)


def _deck(after: list[list[Sentence]]) -> list[list[Sentence]]:
    """The short paragraphs right after the headline that a dateline paragraph follows, or none."""
    for k, paragraph in enumerate(after):
        if _DATELINE.match(" ".join(s.text.strip() for s in paragraph)):
            deck = after[:k]
            short = all(len(" ".join(s.text for s in p).split()) <= _DECK_WORDS for p in deck)
            return deck if short else []
    return []


_DECK_WORDS = 40


def _is_note(sentences: list[Sentence]) -> bool:
    text = " ".join(s.text.strip() for s in sentences)
    return text.startswith("[") and text.endswith("]")


def lede_sentences(ctx: Context, span: int = 2) -> list[int]:
    """The first `span` sentences of prose after the headline that hold a figure (datelines skipped)."""
    return ctx.memo(f"lede-{span}", lambda: _lede(ctx, span))


def _lede(ctx: Context, span: int) -> list[int]:
    skip = set(headline_sentences(ctx))
    with_figures = {c.sentence for c in ctx.figures}
    out: list[int] = []
    for s in ctx.doc.sentences:
        if s.index in skip or s.text.strip().startswith("["):
            continue
        if not out and (s.index not in with_figures or len(s.text.split()) < 6 or _unstopped(s.text)):
            continue  # a dateline, a short line, or a standfirst with no final stop is no lede
        out.append(s.index)
        if len(out) == span:
            break
    return out


def _unstopped(text: str) -> bool:
    """A line with no final stop: a standfirst or subhead ("The woman had been escorted out")."""
    return not text.rstrip().rstrip("\"'\u201d\u2019)").endswith((".", "?", "!"))


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def other_period(text: str, records: bool = True) -> bool:
    """The text places a figure in another event or period ("last year", "a separate attack", "2008"),
    or (with `records`) sets it against a record ("the highest since 1999", "in history")."""
    return (
        bool(YEAR.search(text))
        or bool(_PAST_SPAN.search(text))
        or bool(_MONTH_OPENS.match(text))
        or has_cue(text, "other_period_words")
        or bool(_OTHER_EVENT().search(text))
        or (records and has_cue(text, "record_words"))
    )


# "In March, two miners died": a sentence set in a month named at its opening tells of another time
# than the story's day (a story of the day names the weekday)
_MONTH_OPENS = re.compile(
    r"^\W*(?:in|on|by|during|until|since)\s+(?:early\s+|late\s+|mid-?)?(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\b(?!\s+\d)",
    re.I,
)
# "in the past five years", "over the last decade": a span of months or years before the story's day
_PAST_SPAN = re.compile(
    r"\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+(?:[a-z0-9-]+\s+)?(?:years?|decades?|months?)\b",
    re.I,
)


@cache
def _OTHER_EVENT() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """ "another attack", "a separate deadly incident": another event, up to two words before its noun."""
    lex = lexicon()
    nouns = words_pattern([*lex["toll_events"], *lex["other_event_nouns"]])
    return re.compile(
        rf"\b(?:{words_pattern(lex['other_event_words'])})\s+(?:[a-z-]+\s+){{0,2}}?(?:{nouns})(?:s|es)?\b",
        re.I,
    )


def sentence_text(ctx: Context, claim: Claim) -> str:
    s = ctx.sentence(claim)
    return s.text if s else ""


def sentence_up_to(ctx: Context, claim: Claim) -> str:
    """The figure's sentence up to the figure."""
    s = ctx.sentence(claim)
    return ctx.doc.prose[s.start : claim.start] if s is not None else ""


# "including two", "among them three", "of whom five": a part named so, right before its figure
NAMED_A_PART = re.compile(
    r"\b(?:including|among\s+them|of\s+which|of\s+whom)\s+(?:[$\u00a3\u20ac\u00a5]\s*)?$", re.I
)


def of_sentence(ctx: Context, claim: Claim, reading: Callable[[str], T]) -> T:
    """`reading` (a module-level function of a text) of the claim's sentence, computed once per
    sentence of the document: figures share sentences, and several rules ask the same of one."""
    return ctx.read((reading, claim.sentence), lambda: reading(sentence_text(ctx, claim)))


def in_other_period(ctx: Context, claim: Claim) -> bool:
    """The claim's sentence places it in another event or period, or sets it against a record."""
    return of_sentence(ctx, claim, other_period)


def other_period_or_event(text: str) -> bool:
    """`other_period` without records: another event or period only."""
    return other_period(text, records=False)


def running_total(text: str) -> bool:
    """ "so far", "the toll rose to": the text gives a running total."""
    return has_cue(text, "running_total_words")


def nearest_before(ctx: Context, claim: Claim, ok: Any, reach: int) -> Claim | None:
    """The closest figure before `claim`, at most `reach` sentences back, that satisfies `ok`."""
    for c in reversed(ctx.figures_in(claim.sentence - reach, claim.sentence)):
        if c.start < claim.start and c is not claim and ok(c):
            return c
    return None


_A_DIGIT = re.compile(r"\d")
_PLURAL_END = re.compile(r"(?:s|tens of \w+)$")


def vague(claim: Claim) -> bool:
    """ "hundreds", "dozens": a vague plural, at least twice its base, with no digits."""
    return (
        claim.qualifier == "at_least"
        and not _A_DIGIT.search(claim.number_text or claim.text)
        and bool(_PLURAL_END.search((claim.number_text or claim.text).lower()))
    )


def updated(ctx: Context, claim: Claim) -> bool:
    """ "the toll rose to 12", "two more victims": a figure announced as a change, not a restatement."""
    return ctx.read(("updated", claim.sentence, claim.start, claim.end), partial(_updated, ctx, claim))


def _updated(ctx: Context, claim: Claim) -> bool:
    return bool(
        _CHANGE_BEFORE.search(ctx.before(claim, 30))
        or _MORE_AFTER.match(ctx.after(claim, 20))
        or superseded(ctx, claim)
    )


def superseded(ctx: Context, claim: Claim) -> bool:
    """ "The initial toll ... was six dead", "had initially said 11": a figure the copy gives as
    replaced by a later one. Read once per figure: `updated`, the toll and the place rules all ask."""
    key = ("superseded", claim.sentence, claim.start)
    return ctx.read(key, lambda: bool(_SUPERSEDED_BEFORE.search(ctx.before(claim, 100))))


# "The initial toll, announced at midnight, was 11", "officials had initially said 11": a figure the
# copy gives as superseded, no restatement of the latest
_SUPERSEDED_BEFORE = re.compile(
    r"(?:\b(?:initial|earlier|previous|first|original|preliminary|provisional)\s+(?:death\s+)?"
    r"(?:toll|tally|count|figure|estimate)s?\b|\binitially\b|\bat\s+first\b)[^;]{0,80}$",  # "9:40 a.m."
    re.I,
)


# "rose to", "has climbed to", "hits": a running total's latest figure follows
_RISE_VERBS = (
    r"rose|rises|rising|risen|climbed|climbs|increased|increases|jumped|jumps|reached|reaches|hit|hits"
)
RISEN_TO = re.compile(rf"\b(?:{_RISE_VERBS})\s+to\s*$", re.I)
# "revised the toll to", "lowered its estimate to", "cut it to": a corrected figure follows
_REVISE_VERBS = (
    r"revised|revises|lowered|lowers|raised|raises|corrected|corrects|updated|updates|adjusted|"
    r"adjusts|downgraded|upgraded|fell|falls|dropped|drops|decreased|declined|reduced|cut|"
    # "This brings to 11 the number of rebels killed", "taking the total to 1,150": a running total
    r"brings|brought|bringing|takes|took|taking|pushes|pushed|pushing|lifts|lifted|lifting"
)
_CHANGE_BEFORE = re.compile(
    rf"(?:\b(?:{_RISE_VERBS})\s+to|\b(?:{_REVISE_VERBS})(?:\s+(?:the|its|their|his|her|it)(?:\s+[a-z]+){{0,2}})?"
    rf"\s+to|\b(?:another|additional|further))\s*$",
    re.I,
)


_MORE_AFTER = re.compile(r"^\s*(?:more|additional|further|extra|new)\b", re.I)


def named_alike(a: Claim, b: Claim) -> bool:
    """Both count the same specific noun ("the two women" after "two women")."""
    ha, hb = head(a.subject), head(b.subject)
    return ha is not None and ha == hb and ha not in ("people", "person", "other")


def counts_alike(a: Claim, b: Claim) -> bool:
    """Same unit, or a head-count and a bare number ("54 million people ... up from 34 million";
    "Indict 2" and "indicted two men")."""
    if same_unit(a, b):
        return True
    return {a.kind, b.kind} <= {"count", "bare"} and (a.unit is None or b.unit is None)


# "27 were in a serious condition", "four of them critically": a state some of a group are in, right
# after their figure (not "died in hospital": a place)
SEVERE_STATE = re.compile(
    r"^[^.;:]{0,25}?\b(?:serious(?:ly)?|critical(?:ly)?|severe(?:ly)?|grave(?:ly)?|life-threatening)\b", re.I
)


# "the other three", "the remaining 140": the rest of a group counted before
THE_REST_BEFORE = re.compile(r"\bthe\s+(?:other|remaining)\s*$", re.I)

# "Of the 40 people killed, ...", "Among the 300 passengers, ...": a whole opening its clause, which
# names the group again (percent-of reads the share of it, restatement the group it restates)
OF_THE_OPENS = re.compile(r"(?:^|[.;:]\s*|\n)\W*(?:of|among)\s+(?:(?:the|its|their)\s+)?$", re.I)
# "the chamber's ", "Britain's ", "the members' ": a possessor between "of" and a whole's number
# ("264 of the chamber's 246 seats")
POSSESSOR = r"(?:(?:the|its|their|his|her|our)\s+)?(?:[A-Za-z-]+\s+)?[A-Za-z-]+(?:['\u2019]s|s['\u2019])\s+"
OF_A_POSSESSOR = re.compile(rf"^\s*(?:out\s+)?of\s+{POSSESSOR}$", re.I)
