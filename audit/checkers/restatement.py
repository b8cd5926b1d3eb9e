"""restatement and qualifier-conflict: the same quantity stated twice must agree.

Pairings:
- headline vs lede: a casualty figure in the headline (and its deck) and the first figure of that
  category in the lede (an agreeing one if any; else the first, unless either is a change or the
  lede's is a part; a toll risen to a figure in both is compared, less sure);
- reference back: "the three bank workers", "those three people", "killing the three" point at a
  group counted earlier, read from meaning (the same noun, the group just counted, the same harm),
  so a wrong number keeps the pairing and fails one severity lower; only when meaning names no
  group is an earlier equal figure taken ("referred back to: the same number");
- named back by meaning: a definite figure no pairing above placed restates the nearest earlier
  figure named the same way ("a crowd of 31,204" ... "the 31,402 spectators", "cancelled 84
  sailings" ... "the 48 cancellations"; `naming`), not one described more narrowly or by another
  participle ("the two senior nurses", "the 25 protesters charged"; less sure);
- the toll named again: "the loss of three children", "the deaths of those three people" after a
  lede with one toll restate that toll (less sure: one severity lower);
- the rest of a group: "she shot the other three" after "shot three co-workers" (same category;
  less sure, and left alone when a figure in between accounts for the difference);
- a side of a split: "the three holdouts" after "deadlocked at 9-3" (less sure);
- an echoed phrase: two percentages followed by the same two-word noun phrase ("the 100% debt
  relief summit", "up to 100% multilateral debt relief"), in different sentences, neither
  announced as a change (less sure);
- a measure named again: "a turnout rate of 58%" ... "a turnout rate of 58%", the same two words
  before "of" in a later sentence and the same unit (not "a total of"; not in another period; less
  sure);
- an age after a name: "Ana Ruiz, 34," and "Ana Ruiz, 43," give one person two ages;
- an indefinite ordinal: "killing two co-workers and injuring a third" says the group had two;
- repetition: the same figure stated again (same category and subject, or the same unit in the
  same context) is reported as a passing check, never as a failure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache, partial
from typing import Any

from audit.checkers import Confidence, Context, Outcome, checker
from audit.checkers.bounds import interval, point, total
from audit.checkers.naming import described_as, names, participle_after, synonyms, verb_before
from audit.checkers.relate import (
    OF_THE_OPENS,
    RISEN_TO,
    SCORE,
    THE_REST_BEFORE,
    after_from,
    counted_noun,
    counts_alike,
    ends_with_cue,
    has_cue,
    head,
    headline_sentences,
    in_other_period,
    is_people,
    is_percent,
    label,
    lede_sentences,
    lexicon,
    may_end_with,
    named_alike,
    number_start,
    of_sentence,
    one_of_a_tally,
    other_period_or_event,
    people_nouns,
    same_subject,
    same_unit,
    sentence_text,
    side_of_a_score,
    updated,
    vague,
)
from audit.checkers.tolls import (
    OTHER_AFTER,
    SOME_OF,
    additional,
    lede_toll,
    part_of_group,
    toll_exceeded,
    toll_named,
    toll_restated,
)
from audit.lexicon import data, words_pattern
from audit.model import HARM_CATEGORIES, Claim

_OPEN = ("at_least", "more_than", "at_most", "less_than")
_FLOORS = ("at_least", "more_than")
_STOP = {
    "about",
    "after",
    "their",
    "there",
    "these",
    "those",
    "which",
    "while",
    "would",
    "could",
    "should",
    "said",
    "says",
    "since",
    "from",
    "with",
    "that",
    "this",
    "have",
    "been",
    "were",
    "than",
    "more",
    "less",
    "other",
    "others",
    "million",
    "billion",
    "people",
    "percent",
}


@checker("restatement", options={"approx_tolerance": 0.1})
def restatement(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A figure stated twice must say the same (allowing for rounding and "about")."""
    approx = options["approx_tolerance"]
    out: list[Outcome] = []
    covered: set[tuple[str, str]] = set()
    for first, second, how, confidence in _pairs(ctx):
        if (first.id, second.id) in covered:
            continue
        covered.add((first.id, second.id))
        out.append(_compare(first, second, how, confidence, approx))
    out.extend(_repetitions(ctx, covered))
    out.extend(_ordinals(ctx))
    return out


def _compare(first: Claim, second: Claim, how: str, confidence: Confidence, approx: float) -> Outcome:
    a, b = point(first, approx), point(second, approx)
    if vague(first) or vague(second):
        a, b = interval(first, approx), interval(second, approx)
    elif (
        first.qualifier in _FLOORS
        and second.qualifier in _FLOORS
        and (first.value or 0) <= (second.value or 0)
    ):
        a, b = interval(first, approx), interval(second, approx)  # "At least 40" over "at least 42": a floor
        # stated first may be rounded down, never up ("At least 107" over "54 or more" fails)
    details = {"how": how, "first_range": a.to_json(), "second_range": b.to_json()}
    if a.overlaps(b):
        msg = f"{label(second)} restates {label(first)} ({how})"
        return Outcome("pass", [first, second], msg, details, confidence=confidence)
    msg = f"{label(first)} and {label(second)} should be the same figure ({how}) but differ"
    return Outcome("fail", [first, second], msg, details, anchor=second, confidence=confidence)


def _pairs(ctx: Context) -> list[tuple[Claim, Claim, str, Confidence]]:
    """Every restating pair, found once per document: restatement and qualifier-conflict both read them."""
    return ctx.memo("restatement-pairs", lambda: list(_find_pairs(ctx)))


def _find_pairs(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    paired: set[str] = set()
    for pair in _pairs_by_form(ctx):
        if _did_alike(ctx, pair[0], pair[1]):
            paired.add(pair[1].id)
            yield pair
    yield from (pair for pair in _named_back_by_meaning(ctx, paired) if _did_alike(ctx, pair[0], pair[1]))


def _pairs_by_form(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    yield from _headline_lede(ctx)
    yield from _headline_verb(ctx)
    yield from _headline_measure(ctx)
    yield from _sum_named_back(ctx)
    yield from _money_named_back(ctx)
    yield from _deal_named_back(ctx)
    yield from _references_back(ctx)
    yield from _things_named_back(ctx)
    yield from _one_slip_named_back(ctx)
    yield from _splits(ctx)
    yield from toll_exceeded(ctx)
    yield from toll_restated(ctx)
    yield from toll_named(ctx)
    yield from _rest_of_group(ctx)
    yield from _echoed_percentages(ctx)
    yield from _measure_named_again(ctx)
    yield from _term_named_again(ctx)
    yield from _count_named_again(ctx)
    yield from _ages_after_a_name(ctx)


def _headline_lede(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    heads = set(headline_sentences(ctx))
    if not heads:
        return
    lede = set(lede_sentences(ctx))
    taken: set[str] = set()  # "Edhi says 58 bodies received; govt puts toll at 11": one toll each
    for h in (c for c in ctx.figures if c.sentence in heads and c.category in HARM_CATEGORIES):
        matches = [
            c
            for c in ctx.figures
            if c.sentence in lede
            and c.category == h.category
            and same_subject(h, c)
            and not _in_a_list(ctx, c)
            and c.id not in taken
        ]
        agreeing = [c for c in matches if point(h).overlaps(point(c)) or _vague_fits(h, c)]
        raised = [c for c in matches if _raised_to(ctx, c)]
        if agreeing:
            taken.add(agreeing[0].id)
            yield h, agreeing[0], "headline and lede", "high"
            first = matches[0]
            if first.sentence < agreeing[0].sentence and _states_the_toll(ctx, h, first):
                yield h, first, "headline and the lede's first figure", "low"
        elif raised and _raised_to(ctx, h):
            yield h, raised[-1], "headline and lede, the toll risen to", "low"
        elif matches and not any(updated(ctx, c) for c in [h, *matches]) and _whole_in_lede(ctx, matches[0]):
            yield h, matches[0], "headline and lede", "high"


def _in_a_list(ctx: Context, claim: Claim) -> bool:
    """ "All 58 passengers and four crew members died": a figure listed with another of its harm, a
    part of the toll."""
    same = ctx.figures_in(claim.sentence, claim.sentence)
    i = same.index(claim) if claim in same else -1
    pairs = [(same[i - 1], claim)] if i > 0 else []
    pairs += [(claim, same[i + 1])] if 0 <= i < len(same) - 1 else []
    return any(a.category == b.category and _LIST_AND.fullmatch(ctx.between(a, b)) for a, b in pairs)


_LIST_AND = re.compile(r"\s*(?:[a-z-]+\s+){0,3}?and\s+", re.I)


def _states_the_toll(ctx: Context, h: Claim, first: Claim) -> bool:
    """The lede's first figure of the headline's harm, when a later lede sentence agrees with the
    headline: still the toll the headline states, unless a change or a part."""
    return not any(updated(ctx, c) for c in (h, first)) and _whole_in_lede(ctx, first)


def _raised_to(ctx: Context, claim: Claim) -> bool:
    """ "death toll rises to 10": the latest figure of a running total. A headline and a lede that both
    give the toll as risen to a figure should give the same latest toll (not "another two", "five
    more"); one may have been updated without the other, or the lede tells an earlier stage, so the
    pairing is less sure and takes the lede's last risen figure."""
    return bool(RISEN_TO.search(ctx.before(claim, 30))) and not _MORE_AFTER.match(ctx.after(claim, 10))


_MORE_AFTER = re.compile(r"^\s*more\b")


def _headline_verb(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "Court Indicts 2 Over Shrine Attack" over "a military court has indicted two men": a headline
    figure that counts no harm, and the lede's figure right after the same verb (one stem: indicts,
    indicted), count the same thing whatever their values (less sure)."""
    heads = set(headline_sentences(ctx))
    lede = set(lede_sentences(ctx))
    for h in (c for c in ctx.figures if c.sentence in heads and c.category not in HARM_CATEGORIES):
        verb = verb_before(ctx, h)
        if verb is None or side_of_a_score(ctx, h):
            continue  # "puts Kings 2-1 up" over "Kings 287-6": sides of scores
        for c in (c for c in ctx.figures if c.sentence in lede and counts_alike(c, h)):
            other = verb_before(ctx, c)
            if (
                other is not None
                and _same_stem(verb, other)
                and not updated(ctx, c)
                and not side_of_a_score(ctx, c)
                and not part_of_group(ctx.before(c, 80))  # "Of this, the department gets ₹1,00,210 crore"
                and not _sum_of_its_sentence(ctx, h, c)
                and not _other_things_counted(ctx, h, c)  # "add 14 routes" over "adds 412,000 seats"
            ):
                yield h, c, "headline and lede, the same verb", "low"
                break


def _other_things_counted(ctx: Context, h: Claim, c: Claim) -> bool:
    """ "add 14 routes" over "adds 412,000 seats": two nouns, neither a synonym of the other ("cut
    2,180 jobs" over "cut 2,180 roles" is one quantity)."""
    noun_h, noun_c = counted_noun(ctx, h), counted_noun(ctx, c)
    if noun_h is None or noun_c is None or noun_h == noun_c:
        return False
    key = synonyms().get(noun_h)
    return key is None or key != synonyms().get(noun_c)


def _sum_of_its_sentence(ctx: Context, h: Claim, c: Claim) -> bool:
    """ "Water firm fined £3.2m" over "was fined £2.75m ... and told to pay £450,000 towards costs": a
    headline may give the sum of the lede's figures of its kind, the whole bill."""
    kind = [o for o in ctx.figures_in(c.sentence, c.sentence) if counts_alike(o, h) and not is_percent(o)]
    return len(kind) >= 2 and interval(h).overlaps(total(kind))


def _headline_measure(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "Retailer profits rise 12%" over "a 12% rise in annual profits", "Airline to cut 1,500 jobs"
    over "is to cut 1,500 jobs": a headline figure that counts no harm (money, a percentage, a count)
    and the lede's first figure of its kind whose clause shares a content word with the headline
    (not one of the lede's first three words, which name the actor both speak of: "Brewer's sales
    rise 41%" is not "The brewer reported a 14% rise in profits"; not an old value after "from")
    state one quantity (less sure)."""
    heads = headline_sentences(ctx)
    lede = set(lede_sentences(ctx))
    if not heads or not lede:
        return
    head_words: set[str] = set()
    for i in heads:
        sentence = ctx.sentence_at(i)
        head_words |= _content_stems(sentence.text) if sentence is not None else set()
    paired_to = -1  # headline figures pair in order: "87 of 150 seats" over "87 of the 150 seats"
    for h in (c for c in ctx.figures if c.sentence in heads and _a_measure(c) and _stands_alone(ctx, c)):
        kind = [
            c
            for c in ctx.figures
            if c.sentence in lede and c.start > paired_to and counts_alike(c, h) and _a_measure(c)
        ]
        if any(c.value == h.value for c in kind):  # "150 on board" ... "had about 150 people on board"
            kind = [c for c in kind if c.value == h.value]
        for c in kind:
            if _other_nouns(ctx, h, c) or part_of_group(ctx.before(c, 80)):
                continue  # "in two counties" is no "119 cases"; "Of this, primary schools get £1.6bn"
            if not _stands_alone(ctx, c) or ends_with_cue(ctx.before(c, 25), "from_words"):
                if c.value == h.value:
                    break  # "from 18 down" over "an 18-point deficit": its own figure, in another form
                continue  # a score, "18-point", or "rose from 2.9% to 3.1%": no measure restated
            if _CHANGED_BY().search(ctx.before(c, 30)) and not _CHANGED_BY().search(ctx.before(h, 30)):
                continue  # "climbs to R5,430" over "rose by R112.48 ... to R5,430.19": the change
            if _a_margin(ctx, h) != _a_margin(ctx, c):
                continue  # "wins by more than 7,000 votes" over "received 41,212 votes": the margin
            # the actor both speak of: the lede's first words, and the names in its sentence ("Llorens
            # left school at 14" under "Llorens dies at 93")
            lede_sentence = sentence_text(ctx, c)
            actor = _content_stems(" ".join(lede_sentence.split()[:3])) | _name_stems(lede_sentence)
            if _sum_of_its_sentence(ctx, h, c):
                break  # the headline's whole bill, of the lede's figures
            if (_content_stems(_clause_of(ctx, c)) - actor) & head_words and _one_quantity(h, c):
                yield h, c, "headline and lede, the same measure", "low"
                paired_to = c.start
            break  # only the lede's first figure of the kind: a later one is another measure


def _a_margin(ctx: Context, claim: Claim) -> bool:
    """ "wins by more than 7,000 votes", "lost by 12 seats": a difference after "by" (not a vote "by
    58.3% to 41.7%", which gives each side)."""
    if is_percent(claim):
        return False  # "cut by 14%" and "fell 14 per cent" both give the change
    return bool(_BY_QUALIFIED.search(ctx.before(claim, 20))) and not _TO_A_NUMBER.match(ctx.after(claim, 12))


_BY_QUALIFIED = re.compile(
    r"\bby\s+(?:about|around|some|nearly|almost|roughly|more\s+than|over|just|at\s+least)?\s*[$\u00a3\u20ac]?\s*$",
    re.I,
)
_TO_A_NUMBER = re.compile(r"^\s*(?:%|per\s*cent|percent)?\s*(?:to|-)\s*\d", re.I)


@cache
def _CHANGED_BY() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """ "rose by R112.48", "fell by more than £600": the amount of a change (not "won by 58% to 41%")."""
    verbs = words_pattern([*lexicon()["increase_words"], *lexicon()["decrease_words"]])
    return re.compile(
        rf"\b(?:{verbs})\s+by\s+(?:about|around|some|nearly|almost|roughly|more\s+than|over)?\s*[$\u00a3\u20ac]?\s*$",
        re.I,
    )


def _other_nouns(ctx: Context, a: Claim, b: Claim) -> bool:
    """Both figures count a noun, and not the same one ("two counties", "119 cases")."""
    na, nb = _thing_noun(ctx, a), _thing_noun(ctx, b)
    return na is not None and nb is not None and na != nb


def _stands_alone(ctx: Context, claim: Claim) -> bool:
    """A figure that states a quantity by itself: no open bound ("below 90%" is a threshold), no side
    of a score or split ("112-108", "6-4"), no part of a compound word ("four-set", "18-point")."""
    floor_of_things = claim.qualifier in _FLOORS and _thing_noun(ctx, claim) is not None  # "over 500 shops"
    if claim.qualifier in _OPEN and not vague(claim) and not floor_of_things:
        return False  # "below 90%"; "Millions" is a vague figure, compared as one
    before, after = ctx.before(claim, 2), ctx.after(claim, 2)
    return not (_JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after))


_JOINED_BEFORE = re.compile(r"\d\s?[-\u2013]$")
_JOINED_AFTER = re.compile(r"[-\u2013]\s?[\dA-Za-z]")


def _a_measure(c: Claim) -> bool:
    """Money, a percentage or a count (a whole number: "a 6.1 quake" is a reading) that counts no harm."""
    if c.category in HARM_CATEGORIES or c.value is None:
        return False
    whole = float(c.value).is_integer()
    return c.kind in ("money", "percent") or is_percent(c) or (c.kind in ("count", "bare") and whole)


def _one_quantity(h: Claim, c: Claim) -> bool:
    """Not two sources' figures (each rests on named originators, none shared: the contested rule
    compares those), and not a thousandfold apart (no slip of a digit or a scale word gives "$9" for
    "$334 million")."""
    named_h = {s.originator for s in h.sources if not s.anonymous}
    named_c = {s.originator for s in c.sources if not s.anonymous}
    if named_h and named_c and not named_h & named_c:
        return False
    low, high = sorted((abs(h.value or 0.0), abs(c.value or 0.0)))
    return low > 0 and high / low <= 1000


def _clause_of(ctx: Context, claim: Claim) -> str:
    """The figure's clause: from the last clause break before it to the first after it."""
    before = re.split(r"[,;:]", ctx.before(claim, 120))[-1]
    after = re.split(r"[,;:]", ctx.after(claim, 120))[0]
    return before + claim.text + after


def _content_stems(text: str) -> set[str]:
    """The first five letters of each word of four letters or more that says what is measured (not a
    stop word or a verb of change)."""
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {w[:5] for w in words if w not in _STOP and w not in _CHANGE_WORDS()}


def _name_stems(text: str) -> set[str]:
    """The stems of the capitalised words of a lede's sentence past its first word: names, which say
    who acts, not what is measured."""
    words = _CAPITALISED.findall(text)
    if _CAPITALISED_FIRST.match(text):
        words = words[1:]  # the sentence's first word, capitalised for its place
    return {w.lower()[:5] for w in words}


_CAPITALISED = re.compile(r"[A-Z][a-z]{3,}")
_CAPITALISED_FIRST = re.compile(r"\W*[A-Z][a-z]{3,}")


@cache
def _CHANGE_WORDS() -> frozenset[str]:  # noqa: N802 - a constant read once
    words = [*lexicon()["increase_words"], *lexicon()["decrease_words"]]
    return frozenset(str(w).lower() for w in words) | {"year", "years", "week", "month", "today", "record"}


def _same_stem(a: str, b: str) -> bool:
    """ "indict", "indicts", "indicted": one verb when they share five letters, or a short verb and its -s."""
    stem = min(len(a), len(b), 5)
    return a[:stem] == b[:stem] and (stem == 5 or a.rstrip("s") == b.rstrip("s"))


def _sum_named_back(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "has been in default on the $102.6bn - based on ...": a definite sum of money with no noun of
    its own (a stop, comma or dash right after it) names back the story's sum in that currency, the
    first one the headline or the lede gives (less sure)."""
    opening_sentences = set(headline_sentences(ctx)) | set(lede_sentences(ctx))
    opening = [c for c in ctx.figures if c.sentence in opening_sentences]
    for ref in ctx.figures:
        if ref.kind != "money" or ref.sentence in opening_sentences:
            continue
        if not (_THE_BEFORE.search(ctx.before(ref, 8)) and _BARE_AFTER.match(ctx.after(ref, 4))):
            continue
        sums = [c for c in opening if c.start < ref.start and same_unit(c, ref)]
        # "a £1.84bn budget ... £38m of savings ... Of the £38m": the opening's sum of its value first
        equal = [c for c in sums if c.value == ref.value]
        if sums:
            yield (equal or sums)[0], ref, "a sum named back", "low"


def _money_named_back(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "revenue of $4.2bn" ... "the $4.2bn in revenue": a definite sum with its measure after "in" or
    "of" names back the nearest earlier sum of its currency beside that measure's word, within
    `NEAR_REACH` sentences (less sure)."""
    for ref in ctx.figures:
        if ref.kind != "money" or not _THE_BEFORE.search(ctx.before(ref, 8)):
            continue
        named = _IN_A_MEASURE.match(ctx.after(ref, 30))
        if named is None:
            continue
        word = re.compile(rf"\b{re.escape(named.group(1).lower())}", re.I)
        earlier = [
            c
            for c in ctx.figures_in(ref.sentence - NEAR_REACH, ref.sentence - 1)
            if same_unit(c, ref) and (word.search(ctx.before(c, 25)) or word.search(ctx.after(c, 25)))
        ]
        if earlier:
            yield earlier[-1], ref, "a sum named back", "low"


def _deal_named_back(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "agreed to buy Crisp & Co. for $340 million" ... "The $340 million acquisition": a definite sum
    before a noun naming a deal (relations.yaml `deal_nouns`) is the price given for it, the nearest
    earlier sum of its currency after "for" or "worth" (within `REFERENCE_REACH` sentences: a story
    names its deal's price once; less sure)."""
    for ref in ctx.figures:
        if ref.kind != "money" or not _THE_BEFORE.search(ctx.before(ref, 8)):
            continue
        if not _DEAL_AFTER().match(ctx.after(ref, 30)) or in_other_period(ctx, ref):
            continue
        prices = [
            c
            for c in ctx.figures_in(ref.sentence - REFERENCE_REACH, ref.sentence - 1)
            if same_unit(c, ref) and _PRICE_BEFORE.search(ctx.before(c, 20))
        ]
        if prices:
            yield prices[-1], ref, "a deal named back by its price", "low"


@cache
def _DEAL_AFTER() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    return re.compile(rf"^\s+(?:[a-z-]+\s+)?(?:{words_pattern(lexicon()['deal_nouns'])})\b", re.I)


_PRICE_BEFORE = re.compile(r"\b(?:for|worth|valued\s+at)\s+(?:about|around|some|nearly|roughly)?\s*$", re.I)


# "the $4.7bn in revenue", "the £2m of funding": the measure a definite sum names
_IN_A_MEASURE = re.compile(r"\s+(?:in|of)\s+([a-z]{4,})\b", re.I)
_THE_BEFORE = re.compile(r"\bthe\s*$", re.I)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their)\s*[$\u00a3\u20ac\u00a5\u20b9]?\s*$", re.I)
_BARE_AFTER = re.compile(r"\s*(?:[,.;:]|\s[-\u2013\u2014]\s)")


def _whole_in_lede(ctx: Context, lede: Claim) -> bool:
    """The lede's figure is no part ("including two", "two of them") and no others beyond a group
    ("four others"): it can be the headline's toll stated again."""
    some_of = SOME_OF.match(ctx.after(lede, 20)) and not _whole_of_its_harm(ctx, lede)
    return not (additional(ctx, lede) or part_of_group(ctx.before(lede, 40)) or some_of)


def _whole_of_its_harm(ctx: Context, part: Claim) -> bool:
    """ "shooting three co-workers, killing two of them": a part of a group counted under another harm
    (the shot) is the whole of its own (the killed)."""
    earlier = [c for c in ctx.figures_in(part.sentence, part.sentence) if c.end <= part.start]
    return bool(earlier) and earlier[-1].category in HARM_CATEGORIES and earlier[-1].category != part.category


def _vague_fits(a: Claim, b: Claim) -> bool:
    """A vague plural and a figure it covers ("Hundreds killed" and "345 killed")."""
    return (vague(a) or vague(b)) and interval(a).overlaps(interval(b))


def _placed_elsewhere_before(ctx: Context, ref: Claim) -> bool:
    """The reference's sentence names another event or period before it ("A crash in January 2023
    killed all 72"); one named after it ("the three men ... who had fled earlier that day") tells
    more of the group, not another group."""
    sentence = ctx.sentence(ref)
    return sentence is not None and other_period_or_event(ctx.before(ref, ref.start - sentence.start))


REFERENCE_REACH = 40  # sentences: "the three" refers back to a figure in the same story, not a far one
NEAR_REACH = 6  # sentences: a reference by its harm alone ("the nine French soldiers") looks this far
CLOSE_REACH = 2  # sentences: a reference with no noun, or a noun of sex or age, names a group just counted


def _references_back(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """A definite reference back ("the three victims", "killing the three") restates the group it
    denotes. The group is read from meaning (`_antecedent`), so a wrong number keeps the pairing and
    fails one severity lower; only when meaning names no group is an earlier equal figure taken."""
    heads = set(headline_sentences(ctx))
    for ref in ctx.figures:
        if not _countable(ctx, ref) or not _is_reference(ctx, ref) or updated(ctx, ref):
            continue  # "the 13 new deaths": more of them, not the group again
        if _NOT_THE_SAME.search(ctx.before(ref, 20)) or _modifies_a_noun(ctx, ref):
            continue  # "about 37% of the 3.5 million displaced nationwide": a base; "the 300-bed hospital"
        # an equal figure may be a bare number ("three voting" ... "the three holdouts"); a rival may not
        candidates = [
            c
            for c in ctx.figures_in(ref.sentence - REFERENCE_REACH, ref.sentence)
            if c.start < ref.start and c.sentence not in heads and not after_from(ctx, c)
        ]  # "871 died in 2022, up from 822": an old value names no group
        aboard = bool(_ABOARD_AFTER.match(ctx.after(ref, 25)))  # "Of the 252 people on board": no toll
        if aboard:
            candidates = [c for c in candidates if c.category not in HARM_CATEGORIES]
        if _SAID_WHICH_AFTER.match(ctx.after(ref, 30)) or _A_THRESHOLD_AFTER.match(ctx.after(ref, 12)):
            continue  # "The 610 students currently on those courses": the words after say which 610;
            # "broken the 100 million mark": a threshold, no group named back
        antecedent = _antecedent(ctx, ref, candidates)
        if _placed_elsewhere_before(ctx, ref) and not (
            antecedent is not None and of_sentence(ctx, antecedent, other_period_or_event)
        ):
            continue  # "A crash in January 2023 killed all 72 people on board": another event's own
        if (
            antecedent is not None
            and _OF_THE_BEFORE.search(ctx.before(ref, 12))
            and not OF_THE_OPENS.search(ctx.before(ref, 20))
            and not named_alike(antecedent, ref)
        ):
            continue  # "the families of the two wounded men": only the same noun tells which group
            # ("Of the 40 arrested, 12 were charged": a whole opening its clause is the group again)
        if antecedent is not None and participle_after(ctx, ref) not in (None, *names(ctx, antecedent)):
            continue  # "the 25 protesters charged" after "detained 40 protesters": which 25 of them
        if antecedent is not None:
            yield antecedent, ref, "referred back to", "low"
            continue
        same = [
            c
            for c in candidates
            if _countable(ctx, c, loose=True)
            and c.value == ref.value
            and c.qualifier != "approx"
            and _kin(c, ref)
            and not _modifies_a_noun(ctx, c)  # "the 2,800-seat Court One": seats, no spectators
        ]
        if same:
            yield same[-1], ref, "referred back to: the same number", "high"
            continue
        if aboard:
            continue  # all on board, named back only by their number or their noun
        loose = not is_people(ref)  # "the three who ..." may point at a bare "9-3"
        rival = _rival(ctx, ref, [c for c in candidates if _countable(ctx, c, loose=loose)])
        if rival is None and ref.category not in HARM_CATEGORIES:
            rival = next(iter(_split_side(ctx, ref, candidates)), None)
        if rival is not None:
            yield rival, ref, "referred back to", "low"


def _named_back_by_meaning(ctx: Context, paired: set[str]) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "a crowd of 48,512" ... "the 48,512 spectators", "cancelled 126 trains" ... "the 126
    cancellations", "rescued 63 people" ... "the 63 people rescued": a definite figure that no other
    pairing placed names back the nearest earlier figure of its kind that is named the same way, by
    its noun or a synonym of it (`group_synonyms`), by the noun before "of" ("a crowd of"), or by the
    verb that counted it (one stem, or `verb_synonyms`), within `REFERENCE_REACH` sentences. An
    earlier figure of the same value wins. Not a reference the words after say which of ("the 25
    people charged", "the 610 students currently ..."), nor one in another period; not an earlier
    figure that is vague, a part, a change or in another period. Less sure: one severity lower."""
    heads = set(headline_sentences(ctx))  # the headline's own pairings read it
    for ref in ctx.figures:
        owner = _NAME_OWNS.search(ctx.before(ref, 40))  # "Adebayo's 34,152 votes": a name's, named back
        if ref.id in paired or ref.kind == "fraction" or _glued(ctx, ref):
            continue
        if not (_is_reference(ctx, ref) or owner):
            continue
        participle = participle_after(ctx, ref)
        named = names(ctx, ref) | {participle} - {None}
        if not named or _said_which(ctx, ref) or in_other_period(ctx, ref):
            continue
        if _ALL_BEFORE.search(ctx.before(ref, 8)) or _OUTDONE_BEFORE().search(ctx.before(ref, 40)):
            continue  # "filling all 150 seats": the whole; "beating the $65m taken by ...": another
        if _NOT_THE_SAME.search(ctx.before(ref, 20)):
            continue  # "nearly a third of the 820,000 refugees in Kenya": a share's base
        matching = [
            c
            for c in ctx.figures_in(ref.sentence - REFERENCE_REACH, ref.sentence - 1)
            if c.sentence not in heads
            and counts_alike(c, ref)
            and _kin(c, ref)
            and named & names(ctx, c)
            and participle in (None, *names(ctx, c))  # "the 25 people charged": which 25
            and _no_narrower(ctx, ref, c)  # "the two senior nurses": which two
            and _plain_figure(ctx, c)
            and not _glued(ctx, c)
            and (owner is None or owner.group(1) in ctx.before(c, 60))  # "Adebayo polled 31,452 votes"
        ]
        equal = [c for c in matching if point(c).overlaps(point(ref))]
        if equal or (matching and (owner is not None or not one_of_a_tally(ctx, matching[-1]))):
            yield (equal or matching)[-1], ref, "named back by its noun or verb", "low"


# "Adebayo's 34,152 votes", "Mrs Ogunbiyi's 24,870": a name's figure, as definite as "the"
_NAME_OWNS = re.compile(r"(?<![\w'\u2019])([A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?)['\u2019]s\s+$")


def _glued(ctx: Context, claim: Claim) -> bool:
    """A side of a score ("2-1") or a number glued to a word that it modifies ("a five-match series",
    "the 3.4-kilometre bridge"): no count of the noun after it."""
    return side_of_a_score(ctx, claim) or bool(_JOINED_AFTER.match(ctx.after(claim, 3)))


def _modifies_a_noun(ctx: Context, claim: Claim) -> bool:
    """A number glued to the word it modifies ("a 2,800-seat court", "a five-match series"), not a
    side of a score."""
    return bool(_JOINED_AFTER.match(ctx.after(claim, 3))) and not side_of_a_score(ctx, claim)


@cache
def _OUTDONE_BEFORE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """ "beating the $65m taken by ...", "more than the 40 ...": a figure set against another's."""
    return re.compile(rf"\b(?:{words_pattern(lexicon()['outdone_words'])})\s+(?:the|those|these)\s*$", re.I)


def _no_narrower(ctx: Context, ref: Claim, earlier: Claim) -> bool:
    """The reference is described no more narrowly than the earlier figure ("the two senior nurses"
    after "twelve nurses" are some of them)."""
    return described_as(ctx, ref, _subject_words(ref)) <= described_as(ctx, earlier, _subject_words(earlier))


def _said_which(ctx: Context, ref: Claim) -> bool:
    """The words after a reference say which of a group it counts: "the 610 students currently on
    those courses", "the three who voted", "the other two", "broken the 100 million mark"."""
    after = ctx.after(ref, 30)
    return bool(
        OTHER_AFTER.match(after)
        or _IDENTIFIED_AFTER.match(after)
        or _SAID_WHICH_AFTER.match(after)
        or _A_THRESHOLD_AFTER.match(after)
    )


def _plain_figure(ctx: Context, c: Claim) -> bool:
    """A figure that states a group or amount whole: not vague, a part of a group, a change or another
    period's."""
    return not (
        vague(c)
        or part_of_group(ctx.before(c, 40))
        or updated(ctx, c)
        or of_sentence(ctx, c, other_period_or_event)
    )


def _things_named_back(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "closed 12,575 net cafes" ... "The 12,575 cafes were shut": a definite bare number with a plural
    noun names back the nearest earlier bare number of the same noun, within `NEAR_REACH` sentences
    and outside the headline (not in another period; less sure)."""
    heads = set(headline_sentences(ctx))
    for ref in ctx.figures:
        if ref.unit is not None or ref.kind == "fraction" or not _is_reference(ctx, ref):
            continue
        if _ALL_BEFORE.search(ctx.before(ref, 8)) or _said_which(ctx, ref):
            continue  # "filling all 150 seats": the whole set; "the six votes needed": which six
        noun = _thing_noun(ctx, ref)
        if noun is None or in_other_period(ctx, ref):
            continue
        earlier = [
            c
            for c in ctx.figures_in(ref.sentence - NEAR_REACH, ref.sentence - 1)
            if c.unit is None
            and c.kind != "fraction"
            and c.sentence not in heads
            and _thing_noun(ctx, c) == noun
        ]
        # not described more narrowly: "the 12 worst-hit districts" after "37 districts"
        if (
            earlier
            and not vague(earlier[-1])
            and earlier[-1].qualifier != "approx"
            and _no_narrower(ctx, ref, earlier[-1])
            and not one_of_a_tally(ctx, earlier[-1])
        ):
            yield earlier[-1], ref, "a thing named back", "low"


def _one_slip_named_back(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "delivered 1,350 tonnes of aid" ... "The 1,530 tonnes of supplies", "approved ₦3.6 billion" ...
    "the ₦3.6 million intervention": a definite figure one writer's slip away from an earlier figure
    of its unit (two adjacent digits swapped or one digit changed, in a number of three significant
    digits or more; or the same digits under another scale word) names that figure back: two
    quantities of one story that close and that precisely given are one quantity mistyped far more
    often than two (less sure). The nearest such figure, outside the headline when the lede has one."""
    heads = set(headline_sentences(ctx))
    for ref in ctx.figures:
        if ref.sentence in heads or vague(ref) or not _DEFINITE_BEFORE.search(ctx.before(ref, 8)):
            continue  # "the 1,530 tonnes", "its 143 passengers"
        before = ctx.before(ref, 20)
        if _REST_BEFORE.search(before) or _NOT_THE_SAME.search(before) or in_other_period(ctx, ref):
            continue  # "the other 1,530", "79 percent of the 1.42 million", "lower than the 2.31 per cent"
        alike = [
            c
            for c in ctx.figures_in(ref.sentence - REFERENCE_REACH, ref.sentence)
            if c.end <= ref.start and same_unit(c, ref) and c.category == ref.category and not vague(c)
        ]
        if any(c.value == ref.value for c in alike):
            continue  # "taking this year's toll to 412" ... "Among the 412 deaths": told before as is
        earlier = [c for c in alike if one_slip(c, ref)]
        outside = [c for c in earlier if c.sentence not in heads] or earlier
        if outside:
            yield outside[-1], ref, "one slip from a figure before", "low"


# the base of a share, or the figure a comparison is made against: another quantity than the one named
_NOT_THE_SAME = re.compile(r"(?:(?:%|\bper\s*cent|\bpercent)\s+of|\bthan)\s+the\s*$", re.I)


def one_slip(a: Claim, b: Claim) -> bool:
    """Are the two figures' numbers one writer's slip apart: two adjacent digits swapped (across the
    decimal point too: "41.3" for "43.1"), one digit changed, dropped or added (three significant
    digits or more), or the same digits under another scale word?"""
    x, y = _written_digits(a), _written_digits(b)
    if not x or not y or a.value is None or b.value is None or a.value == b.value:
        return False
    if x == y:
        return max(a.value, b.value) / max(min(a.value, b.value), 1e-9) >= 999  # million for billion
    if _one_digit_dropped(x, y) and _scale(a, x) == _scale(b, y):
        return True
    if len(x) != len(y) or x.index(".") != y.index(".") or _scale(a, x) != _scale(b, y):
        return False
    if len(x.replace(".", "").strip("0")) < 3 and len(y.replace(".", "").strip("0")) < 3:
        return False
    x, y = x.replace(".", ""), y.replace(".", "")  # "41.3" and "43.1": a swap across the point
    apart = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    if len(apart) == 1:
        return True
    i, j = apart[0], apart[-1]
    return len(apart) == 2 and j == i + 1 and x[i] == y[j] and x[j] == y[i]


def _one_digit_dropped(x: str, y: str) -> bool:
    """Two whole numbers one digit apart in length, the shorter the longer with one digit left out,
    three significant digits or more in the shorter ("13,957" for "1,39,579")."""
    if not (x.endswith(".") and y.endswith(".")) or x.count(".") + y.count(".") != 2:
        return False
    short, long = sorted((x[:-1], y[:-1]), key=len)
    if len(long) != len(short) + 1 or len(short.strip("0")) < 3:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _written_digits(c: Claim) -> str:
    """The digits of a figure's number as written, with its decimal point ("1,350" -> "1350.")."""
    digits = "".join(ch for ch in c.number_text if ch.isdigit() or ch == ".")
    if not digits or not digits[0].isdigit() or digits.count(".") > 1:
        return ""
    return digits if "." in digits else digits + "."


def _scale(c: Claim, digits: str) -> float:
    """What the scale word multiplies the written number by (1 for none)."""
    written = float(digits)
    return round((c.value or 0) / written, 6) if written else 0.0


_ALL_BEFORE = re.compile(r"\ball\s*$", re.I)


def _thing_noun(ctx: Context, claim: Claim) -> str | None:
    """The plural noun a bare number counts ("12,575 net cafes" -> "cafes"), when it names no people."""
    m = _PLURAL_AFTER.match(ctx.after(claim, 40))
    if m is None or m.group(1) in _NOT_THINGS():
        return None
    return m.group(1)


_PLURAL_AFTER = re.compile(
    r"\s+(?:(?!(?:over|in|at|on|for|from|to|with|of|by|after|across)\b)[a-z-]+\s+){0,2}?([a-z]{3,}[a-rt-z]s)\b"
)  # the noun a number counts, past its modifiers but no preposition ("23 over fuel supplies": none)


@cache
def _NOT_THINGS() -> frozenset[str]:  # noqa: N802 - a constant read once
    """Plurals after a number that count people, or time, or that are no noun of their own."""
    others = {"years", "months", "weeks", "days", "hours", "minutes", "times", "others", "was", "has"}
    return people_nouns() | others


_ABOARD_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?(?:on\s+board|aboard)\b", re.I)
_A_PART_OF_AFTER = re.compile(r"^\s+of\s+(?:the|them|those|these|whom)\b", re.I)


def _antecedent(ctx: Context, ref: Claim, candidates: list[Claim]) -> Claim | None:
    """The earlier head-count a definite reference denotes, by meaning, in order of how sure:
    1. the same specific noun ("the two women" after "two women");
    2. for a reference with no noun of its own ("killing the three") or a noun of sex or age ("the
       three men", "the two women"), the group counted last, within `CLOSE_REACH` sentences;
    3. for a reference that counts a harm, a figure of that harm (or the casualties) whose group is
       compatible: the same noun, people in general, or a shared word ("the nine French soldiers"
       after "nine French peacekeepers were killed").
    Steps 1 and 3 look `NEAR_REACH` sentences back; a group counted roughly ("about 30", "tens of
    thousands") is no antecedent. Two figures that both count a harm must count
    the same harm (the dead are not the wounded, nor all the casualties). Within a step the nearest
    wins, unless one gives the reference's own number: the number is part of the description ("the
    two female jurors" among "nine jurors" and "two jurors")."""
    if OTHER_AFTER.match(ctx.after(ref, 20)) or _IDENTIFIED_AFTER.match(ctx.after(ref, 20)):
        return None  # "the two other victims" are the rest; "the three who voted" says which three
    earlier = [
        c
        for c in reversed(candidates)
        if is_people(c)
        and _kin(c, ref)
        and c.qualifier != "approx"
        and not vague(c)  # "about 30", "tens of thousands": no group a definite number repeats
        and (c.sentence < ref.sentence or _is_reference(ctx, c))
        and ref.sentence - c.sentence <= NEAR_REACH
        and not _JOINED_BY_MORE_AFTER.match(ctx.after(c, 40))
        # "Seven of the survivors": a part of them, no antecedent of more of them ("the 203 survivors")
        and not (_A_PART_OF_AFTER.match(ctx.after(c, 20)) and (c.value or 0) < (ref.value or 0))
    ]
    one_group = [
        c for c in earlier if c.category == ref.category or not {c.category, ref.category} <= HARM_CATEGORIES
    ]
    noun = _noun(ctx, ref)
    if noun is None:  # "... and three were taken to hospital. All three were released": the three just told
        just_told = [
            c
            for c in reversed(candidates)
            if ref.sentence - c.sentence <= 1 and c.value == ref.value and c.kind in ("count", "bare")
        ]
        if just_told:
            return just_told[0]
    # the same noun, described no more narrowly ("the two female jurors" are not all the jurors)
    steps = [[c for c in one_group if named_alike(c, ref) and _subject_words(ref) <= _subject_words(c)]]
    demographic = lexicon()["demographic_heads"]
    harmed = _HARMED_AFTER().match(ctx.after(ref, 20))
    if harmed is not None:  # "the 37 injured", "the three wounded": the harmed, not the group just counted
        one_group = [c for c in one_group if c.category in (ref.category, "casualties")]
    if noun is None or noun in demographic:
        # not a group of another sex or age ("the two women" after "five men")
        steps.append(
            [
                c
                for c in one_group
                if ref.sentence - c.sentence <= CLOSE_REACH
                and not (noun is not None and head(c.subject) in demographic and head(c.subject) != noun)
            ]
        )
    if ref.category in HARM_CATEGORIES:
        steps.append([c for c in earlier if _same_harm(c, ref)])
    if not steps[0] and noun is None and ref.category in HARM_CATEGORIES:
        # "risen to 14 after rescuers recovered three more bodies ... the three bodies ... Besides the
        # 14 who died": a bare reference that gives a toll of its harm within reach is that toll
        told = [c for c in earlier if _same_harm(c, ref) and c.value == ref.value]
        if told:
            return told[0]
    for step in steps:
        if step:
            return next((c for c in step if c.value == ref.value), step[0])
    return None


# "35 passengers plus the driver and the conductor", "40 pupils as well as three teachers": the
# group a later reference counts holds more than the figure
_JOINED_BY_MORE_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+){0,2}?(?:plus|as\s+well\s+as|besides|in\s+addition\s+to|along\s+with|together\s+with)\b",
    re.I,
)


def _noun(ctx: Context, ref: Claim) -> str | None:
    """The head noun a figure counts: its subject's, "people" when it says so ("the three people"),
    or a noun of one harmed person each ("the four murders", "the 12 deaths")."""
    if ref.subject:
        return head(ref.subject)
    if _PEOPLE_AFTER.match(ctx.after(ref, 20)):
        return "people"
    word = _WORD_AFTER.match(ctx.after(ref, 20))
    return word.group(1).lower() if word and word.group(1).lower() in _harm_person_nouns() else None


_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+)")


@cache
def _harm_person_nouns() -> frozenset[str]:
    """Every form of the harm families' nouns of one person each ("deaths", "murders", "arrests")."""
    forms = data("harm_forms")["NOUN"]
    families = data("casualties")["harm_families"].values()
    nouns = [noun for family in families for noun in family.get("persons", ())]
    return frozenset(form for noun in nouns for tagged in forms.get(noun, {}).values() for form in tagged)


_PEOPLE_AFTER = re.compile(r"^\s*(?:people|persons)\b", re.I)
_SAID_WHICH_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:currently|still|already|needed|required|necessary)\b", re.I
)  # "the six votes needed for a majority": a threshold, which six the words say
_A_THRESHOLD_AFTER = re.compile(r"^\s*(?:mark|milestone|threshold|barrier|ceiling)\b", re.I)
# "the three who voted", "the 610 students currently on those courses": the words after say which
_IDENTIFIED_AFTER = re.compile(r"^\s*(?:who|whom|whose|that|of)\b", re.I)


def _same_harm(c: Claim, ref: Claim) -> bool:
    """The same harm, or the casualties it is among, counted for a compatible group: not the attackers
    after a toll of people ("killing all five attackers" after "15 people were killed")."""
    if c.category not in (ref.category, "casualties"):
        return False
    if _other_party(c, ref):
        return False
    return same_subject(c, ref) or bool(_subject_words(c) & _subject_words(ref))


def _other_party(c: Claim, ref: Claim) -> bool:
    """The reference counts those who attacked and the earlier figure counts anyone else ("killing all
    five attackers" after "15 people were killed")."""
    return head(ref.subject) in _PERPETRATORS() and head(c.subject) != head(ref.subject)


@cache
def _PERPETRATORS() -> frozenset[str]:  # noqa: N802 - a constant read once
    """The heads (singular) of the nouns of those who attack: "attackers" -> "attacker"."""
    return frozenset(head(str(word)) or "" for word in lexicon()["perpetrator_nouns"])


@cache
def _HARMED_AFTER() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """Right after a figure, a word naming the harmed as a group ("the 37 injured", "the dead")."""
    words = [w for w in lexicon()["harmed_group_words"] if w not in ("victims", "casualties")]
    return re.compile(rf"^\s+(?:{words_pattern(words)})\b", re.I)


def _subject_words(claim: Claim) -> set[str]:
    """The words of a subject before its head noun: "French" of "French peacekeepers"."""
    words = re.findall(r"[A-Za-z][A-Za-z-]{2,}", claim.subject or "")[:-1]
    return {w.lower() for w in words} - _STOP - {"other", "the", "all", "both"}


def _did_alike(ctx: Context, rival: Claim, ref: Claim) -> bool:
    """A whole a part is told of ("Of the 22,040 runners who started, 654 ...", "from the 152 who
    started"), whose relative clause says what its group did, repeats no figure told of another act
    right after it ("8,412 riders finished"); one told of no act may be it. A harm is told in many
    words ("killing 14" ... "the 14 people who died"): harm categories decide that."""
    did = _WHO_DID_AFTER.match(ctx.after(ref, 40))
    if did is None or ref.category in HARM_CATEGORIES or not _A_WHOLE_OF_BEFORE.search(ctx.before(ref, 12)):
        return True  # "the 41 people who died" after "killing 14": a harm is told in many words
    act = _ACT_AFTER.match(ctx.after(rival, 40))  # "21,386 runners finished", "the seven who pulled out"
    if act is None:
        return True  # no act told of the earlier figure: nothing says it is another group
    return _VERB_ENDING.sub("", act.group(1).lower()) == _VERB_ENDING.sub("", did.group(1).lower())


_VERB_ENDING = re.compile(r"(?:e?d|ing|e?s|e)$")  # "waited", "waiting", "waits": wait
# the act told right after a figure, in a past form: "runners finished", "who pulled out", "had started"
_ACT_AFTER = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?(?:(?:who|that)\s+)?(?:(?:had|have|has|were|was|been)\s+)*([a-z]{3,}ed)\b", re.I
)
# "Of the 22,040 runners who started, 654 ...", "from the 152 who started": a whole a part is told of
_A_WHOLE_OF_BEFORE = re.compile(r"\b(?:of|from|out\s+of)\s+the\s+$", re.I)


# "the 152 who started", "the 22,040 runners who had started": the act that says which group
_WHO_DID_AFTER = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?(?:who|that)\s+(?:(?:had|have|has|were|was|been|be)\s+)*([a-z]{3,})", re.I
)


def _rival(ctx: Context, ref: Claim, earlier: list[Claim]) -> Claim | None:
    """The earlier figure a reference back most likely repeats, when none has its value."""
    # "94,000 of the 140,000": a figure earlier in the sentence is no rival, unless it too refers back
    earlier = [c for c in earlier if c.sentence < ref.sentence or _is_reference(ctx, c)]
    if ref.category in HARM_CATEGORIES:
        rivals = [
            c
            for c in earlier
            if c.category == ref.category and same_subject(c, ref) and not _other_party(c, ref)
        ]
    else:
        rivals = (
            [c for c in earlier if named_alike(c, ref) and _subject_words(ref) <= _subject_words(c)]
            or [
                c
                for c in earlier
                if _is_reference(ctx, c)
                and ref.sentence - c.sentence <= 1
                and (c.subject is None or ref.subject is None)
            ]
            or lede_toll(ctx, ref)
        )
    return rivals[-1] if rivals else None


def _split_side(ctx: Context, ref: Claim, earlier: list[Claim]) -> list[Claim]:
    """ "the two holdouts" after "deadlocked at 9-3": the side of the split closest in value.

    Only for the nouns of a vote (relations.yaml vote_side_nouns); the whole ("the 12 jurors")
    is no rival."""
    if head(ref.subject) not in lexicon()["vote_side_nouns"]:
        return []
    for side, other in _dashed_splits(ctx, earlier):
        if ref.value == (side.value or 0) + (other.value or 0):
            return []
        return [min((side, other), key=lambda c: abs((c.value or 0) - (ref.value or 0)))]
    return []


def _dashed_splits(ctx: Context, earlier: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """ "9-3": two whole bare numbers joined by a dash, in document order."""
    for a, b in zip(earlier, earlier[1:], strict=False):
        if (
            a.sentence == b.sentence
            and a.kind == b.kind == "bare"
            and re.fullmatch(r"[-\u2013]", ctx.between(a, b))
            and float(a.value or 0.5).is_integer()
            and float(b.value or 0.5).is_integer()
        ):
            yield a, b


def _rest_of_group(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "shot three co-workers ... saw four co-workers ... she shot the other three": the rest of a
    larger group just counted, who are the group of that category counted before.

    Only when another head-count stands between the two (the larger group): with none, "six
    wounded ... the other five" is the rest of the six, which the subset rule checks. A figure in
    between that accounts for the difference ("one died; the other two ...") is a complement too."""
    heads = set(headline_sentences(ctx))
    for ref in ctx.figures:
        if ref.category not in HARM_CATEGORIES or not THE_REST_BEFORE.search(_number_prefix(ctx, ref)):
            continue
        earlier = [
            c
            for c in ctx.figures
            if c.start < ref.start
            and c.sentence not in heads
            and c.sentence < ref.sentence
            and c.category == ref.category
            and same_subject(c, ref)
        ]
        if not earlier:
            continue
        group = earlier[-1]
        between = [c for c in ctx.figures if group.end <= c.start < ref.start]
        if not any(_countable(ctx, c) for c in between):
            continue  # "six wounded ... the other five": the rest of that same figure (subset's business)
        if ref.value != group.value and any(
            (group.value or 0) - (c.value or 0) == ref.value for c in between
        ):
            continue
        if any(c.category == group.category for c in between):
            continue  # "30 arrested ... Twelve were released and the remaining 18": the rest of the 30
        yield group, ref, "the rest of a group counted before", "low"


def _echoed_percentages(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """Percentages in different sentences that name the same noun phrase right after them."""
    percents = [c for c in ctx.figures if c.kind == "percent" and not _changed(ctx, c)]
    phrases = [_phrases_after(ctx, c) for c in percents]  # once each, not once per pair
    for i, a in enumerate(percents):
        phrase = phrases[i]
        for j in range(i + 1, len(percents) if phrase else i + 1):
            b = percents[j]
            if (
                b.sentence != a.sentence
                and phrase & phrases[j]
                and not (_for_whom(ctx, a) or _for_whom(ctx, b))
                and not (_share_of_its_own(ctx, a) or _share_of_its_own(ctx, b))
                and not _shares_of_other_holders(ctx, a, b)
            ):
                yield a, b, "the same thing described", "low"


def _shares_of_other_holders(ctx: Context, a: Claim, b: Claim) -> bool:
    """ "Pakistan took 38 per cent of Kenya's tea exports" and "farmers, who supply about 60 per cent of
    Kenya's tea": two shares "of" one whole whose clauses name no common holder are two parts of it."""
    if not (_SHARE_OF.match(ctx.after(a, 8)) and _SHARE_OF.match(ctx.after(b, 8))):
        return False
    holders = [_content_stems(re.split(r"[,;:]", ctx.before(c, 60))[-1]) for c in (a, b)]
    return not (holders[0] & holders[1])


_SHARE_OF = re.compile(r"^\s*(?:per\s*cent|percent|%)?\s*of\b", re.I)


def _share_of_its_own(ctx: Context, c: Claim) -> bool:
    """ "612,000 trips, or 71% of the pre-pandemic level of 862,000": a share computed from figures of
    its own sentence (which percent-of checks), not an echo of a like-worded share elsewhere."""
    return bool(_OF_ITS_WHOLE.match(ctx.after(c, 50))) and bool(_PART_BEFORE.search(ctx.before(c, 40)))


_OF_ITS_WHOLE = re.compile(r"^\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?[$\u00a3\u20ac]?\d", re.I)
_PART_BEFORE = re.compile(r"\d[\d,.]*\s*(?:[a-z]+\s+){0,3}?(?:\w+)?\s*(?:,\s*or|,|\()\s*$", re.I)


def _ages_after_a_name(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "Ana Ruiz, 34, was shot" ... "the trial of the man accused of killing Ana Ruiz, 34": a number
    set after a person's full name by a comma is their age, and the same name's age stated again must
    agree."""
    first: dict[str, Claim] = {}
    last: Claim | None = None  # the age last given after a name
    for c in ctx.figures:
        if c.unit not in (None, "year") or c.qualifier != "exact" or not (0 < (c.value or 0) < 130):
            continue
        if (
            last is not None
            and _THE_AGED_ONE.search(_number_prefix(ctx, c))
            and _OLD_AFTER.match(ctx.after(c, 12))
        ):
            if 0 < c.sentence - last.sentence <= CLOSE_REACH:  # "Ana Ruiz, 94, ... The 92-year-old"
                yield last, c, "the age of the person just named", "low"
            continue
        name = _NAME_BEFORE.search(ctx.before(c, 60))
        if name is None or not _AGE_AFTER.match(ctx.after(c, 8)):
            continue
        key = " ".join(name.group(1).split())
        last = c
        if key in first:
            yield first[key], c, "the age of the same person", "high"
        else:
            first[key] = c


# "The 92-year-old": a definite reference to a person by age alone, opening its sentence
_THE_AGED_ONE = re.compile(r"(?:^|[.!?]\s+|\n)\W*the\s*$", re.I)
_OLD_AFTER = re.compile(r"^-?\s*(?:years?-)?old\b(?!\s+[a-z]+s\b)", re.I)  # "92-year" then "-old"
# a full name of two or more capitalised words (initials and titles too) right before ", 34"
_NAME_BEFORE = re.compile(r"(?:^|[^\w’'])((?:[A-Z][a-z’'-]*\.?\s+)+[A-Z][a-z’'-]+),\s*$")
_AGE_AFTER = re.compile(r"^\s*(?:[,;)]|\.(?!\d)|$|(?:of|from|and|who|was|is)\b)")


def _measure_named_again(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "a turnout rate of 58%" ... "a turnout rate of 58%": a figure named by the same two words
    before "of" in a later sentence, in the same unit, is the same measure stated again. Not for
    harm figures (the toll rules pair those), nor a figure announced as a change, nor a sentence
    placed in another period or event (less sure)."""
    named: dict[tuple[str, str, str], Claim] = {}
    for claim in ctx.figures:
        measure = _measure_before(ctx, claim)
        if measure is None or claim.category in HARM_CATEGORIES or _changed(ctx, claim):
            continue
        if of_sentence(ctx, claim, other_period_or_event):
            continue
        key = (*measure, str(claim.unit))
        first = named.setdefault(key, claim)
        if first is not claim and first.sentence != claim.sentence and same_unit(first, claim):
            yield first, claim, "the same measure named again", "low"


def _term_named_again(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "was sentenced to 18 years in prison" ... "will appeal the 18-year sentence": a prison term
    given, then named again as "the N-year sentence" (or term), is one term (less sure); the
    nearest term given before, in its unit."""
    given: list[Claim] = []
    for claim in ctx.figures:
        if _TERM_GIVEN.search(ctx.before(claim, 48)):
            given.append(claim)
        elif _TERM_NAMED.match(ctx.after(claim, 30)) and _THE_OR_WHOSE.search(ctx.before(claim, 20)):
            earlier = [g for g in given if g.sentence < claim.sentence and same_unit(g, claim)]
            if earlier:
                yield earlier[-1], claim, "the same term named again", "low"


# before a term named again: "the 12-year sentence", "his 12-year term", "Leckie's 12-year sentence"
_THE_OR_WHOSE = re.compile(r"\b(?:the|his|her|their|[A-Z][a-z]+['\u2019]s)\s*$")
# "sentenced to", "sentenced on Thursday to", "jailed for", "given": a prison term follows
_TERM_GIVEN = re.compile(
    r"\b(?:sentenced\s+(?:(?:on|by|in|at)\s+(?:[A-Za-z]+\s+){1,3})?to|jailed\s+for|imprisoned\s+for|given)"
    r"\s+(?:a\s+)?$",
    re.I,
)


def _count_named_again(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "won 54 seats" ... "the 54-seat tally": a count named back by its noun, as a hyphenated
    modifier of a noun naming the count (relations.yaml `count_heads`), is that count (less sure);
    the nearest count of that noun in the sentences before."""
    counted: dict[str, Claim] = {}
    for claim in ctx.figures:
        named = _COUNT_NAMED().match(ctx.after(claim, 30))
        if named is not None and _THE_BEFORE.search(ctx.before(claim, 8)):
            earlier = counted.get(named.group(1).lower())
            if earlier is not None and earlier.sentence < claim.sentence and claim.kind == earlier.kind:
                yield earlier, claim, "the same count named again", "low"
            continue
        noun = _NOUN_COUNTED.match(ctx.after(claim, 30))
        if noun is not None and claim.qualifier == "exact":
            counted[noun.group(1).lower()] = claim


@cache
def _COUNT_NAMED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    heads = words_pattern(lexicon()["count_heads"])
    return re.compile(rf"^-([a-z]+)\s+(?:{heads})\b", re.I)


# "54 seats", "54 parliamentary seats": the noun a count counts, with at most one word before it
_NOUN_COUNTED = re.compile(r"^\s+(?:[a-z]+\s+)?([a-z]+?)s\b", re.I)
# after "the 15-year": "sentence", "prison term", "jail sentence"
_TERM_NAMED = re.compile(r"^\s*(?:[a-z]+\s+)?(?:sentence|term)\b", re.I)


# "turnout rate of", "a record turnout of around": the two words naming a figure before "of"
_MEASURE_OF = re.compile(r"\b([A-Za-z][a-z-]*)\s+([a-z][a-z-]+)\s+of\s*[$\u00a3\u20ac\u00a5]?\s*$")


def _measure_before(ctx: Context, claim: Claim) -> tuple[str, str] | None:
    before = ctx.before(claim, 40)
    m = _MEASURE_OF.search(before) if may_end_with(before, ("of",)) else None
    if m is None:
        return None
    words = (m.group(1).lower(), m.group(2))  # "a turnout of" and "A turnout of" name one measure
    stops = _MEASURE_STOPS()
    if all(w in stops or len(w) < 4 for w in words):
        return None
    return words


@cache
def _MEASURE_STOPS() -> frozenset[str]:  # noqa: N802 - a constant read once
    lex = lexicon()
    return frozenset(lex["measure_stops"]) | frozenset(lex["generic_measures"])


def _for_whom(ctx: Context, claim: Claim) -> bool:
    """ "a 5% pay rise for nurses": the phrase names whom it is for, so equal phrases may differ."""
    return bool(_FOR_WHOM.match(ctx.after(claim, 60)))


_FOR_WHOM = re.compile(
    r"^\W*(?:[A-Za-z][A-Za-z-]*\s+){1,4}?(?:for|among|of|in|at|to|on)\s+(?:the\s+)?[A-Za-z]", re.I
)


def _changed(ctx: Context, claim: Claim) -> bool:
    """A percentage given as a change or its base ("rose to 7.1% from 7%"): no restatement."""
    return updated(ctx, claim) or ctx.read(
        ("moved", claim.sentence, claim.start), partial(_moved, ctx, claim)
    )


def _moved(ctx: Context, claim: Claim) -> bool:
    before = ctx.before(claim, 25)
    return has_cue(before, "update_words") or _MOVE.search(before) is not None


_MOVE = re.compile(r"\b(?:by|to)\s*$", re.I)


_PHRASE_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_DIGIT = re.compile(r"\d")


def _phrases_after(ctx: Context, claim: Claim) -> set[tuple[str, str]]:
    """The two-word phrases among the four words after a percentage, up to the next number ("6.3
    percent to 8.42 billion kroner" names no phrase: the words after 8.42 are its unit)."""
    up_to_a_digit = _DIGIT.split(ctx.after(claim, 50), maxsplit=1)[0]
    words = [w.lower() for w in _PHRASE_WORD.findall(up_to_a_digit)[:4]]
    stops = set(lexicon()["phrase_stops"])
    return {(a, b) for a, b in zip(words, words[1:], strict=False) if a not in stops and b not in stops}


def _number_prefix(ctx: Context, claim: Claim) -> str:
    start = number_start(claim)
    return ctx.doc.prose[max(0, start - 20) : start]


def _ordinals(ctx: Context) -> list[Outcome]:
    """ "killing two co-workers and critically injuring a third": the group before had two.

    Only the sentences that hold a figure, and the one after each, are read: an ordinal further on
    has no group to add to. Figures are looked up by offset, so a long document stays linear."""
    out = []
    figures = ctx.figures
    starts = [c.start for c in figures]
    for here in sorted({i for c in figures for i in (c.sentence, c.sentence + 1)}):
        sentence = ctx.sentence_at(here)
        if sentence is None or not _may_hold_an_ordinal(ctx.doc.prose[sentence.start : sentence.end]):
            continue
        for m in _ORDINAL().finditer(ctx.doc.prose, sentence.start, sentence.end):
            if not _FOLLOWER().match(ctx.doc.prose[m.end() : m.end() + 30]):
                continue
            if _SHARE_BEFORE.search(ctx.doc.prose[max(sentence.start, m.start() - 20) : m.start()]):
                continue  # "the toll rose by a third.", "nearly a third": a share, no ordinal
            group = _last_ending_before(figures, starts, m.start())
            if group is None or group.category not in HARM_CATEGORIES or not 0 <= here - group.sentence <= 1:
                continue
            out.append(_ordinal_outcome(ctx, group, m))
    return out


# words before "a third" that make it a share: "rose by a third", "more than a fifth", "about a third"
_SHARE_BEFORE = re.compile(
    r"\b(?:by|than|about|nearly|almost|over|under|roughly|around|some|up|down|of|to|at|for|only|just|"
    r"least|most|rose|fell|grew|dropped|increased|decreased|cut|jumped|climbed|halved|is|was|are|were)\s*$",
    re.I,
)


def _last_ending_before(figures: list[Claim], starts: list[int], offset: int) -> Claim | None:
    """The last figure (in document order) that ends at or before `offset`."""
    i = bisect.bisect_left(starts, offset)
    ended = [c for c in figures[max(0, i - 8) : i] if c.end <= offset]
    if ended:
        return ended[-1]
    before = [c for c in figures[:i] if c.end <= offset]
    return before[-1] if before else None


def _ordinal_outcome(ctx: Context, group: Claim, m: re.Match[str]) -> Outcome:
    expected = lexicon()["ordinals"][m.group(1).lower()] - 1
    run = [
        c
        for c in ctx.figures_in(group.sentence, group.sentence)
        if c.end <= m.start() and c.category in HARM_CATEGORIES
    ]
    details = {"how": "an ordinal adds one", "ordinal": m.group(0), "expected": expected}
    if group.value == expected or sum(c.value or 0 for c in run) == expected:
        msg = f"{label(group)} then {m.group(0)!r}: {expected} + 1"
        return Outcome("pass", [group], msg, details, confidence="low")
    msg = f"{label(group)} is followed by {m.group(0)!r}, which implies {expected}"
    return Outcome("fail", [group], msg, details, anchor=group, confidence="low")


def _may_hold_an_ordinal(text: str) -> bool:
    """False when no ordinal word is in the text: ASCII text folds case as the pattern does, so the
    pattern is searched only where one is."""
    if not text.isascii():
        return True
    lowered = text.lower()
    for word in _ORDINAL_WORDS():  # noqa: SIM110 - a loop is twice as fast as any() here
        if word in lowered:
            return True
    return False


@cache
def _ORDINAL_WORDS() -> tuple[str, ...]:  # noqa: N802 - a constant read once
    return tuple(str(w).lower().split()[0] for w in lexicon()["ordinals"])


@cache
def _ORDINAL() -> re.Pattern[str]:  # noqa: N802
    words = words_pattern(list(lexicon()["ordinals"]))
    return re.compile(rf"\b(?:a|an|another)\s+({words})\b", re.I)


@cache
def _FOLLOWER() -> re.Pattern[str]:  # noqa: N802
    people = data("casualties")
    words = [*lexicon()["ordinal_followers"], *people["people_nouns"], *people["singular_people"]]
    # not a bare comma: "a third, smaller bomb" is a third device
    return re.compile(rf"^\s*(?:[.;:)\u2013\u2014]|,\s*(?:who|whose)\b|(?:{words_pattern(words)})\b)", re.I)


def _countable(ctx: Context, claim: Claim, loose: bool = False) -> bool:
    """A head-count, or a bare number that counts people ("the three who voted")."""
    if is_people(claim):
        return True
    if claim.kind != "bare" or claim.unit is not None or not float(claim.value or 0).is_integer():
        return False
    after = ctx.after(claim, 20)
    if _WHO_OR_OF_AFTER.match(after):
        return True
    # loosely, a bare number not followed by a noun: "9-3", "nine in favour", "three voting"
    return loose and bool(_NO_NOUN.match(after))


_NO_NOUN = re.compile(
    r"^\s*(?:[-\u2013,.;:)]|$|in\s+favou?r\b|against\b|for\b|vot\w*|were\b|was\b|had\b|have\b|are\b|said\b)",
    re.I,
)


def _is_reference(ctx: Context, claim: Claim) -> bool:
    before = _number_prefix(ctx, claim)
    if not ends_with_cue(before, "anaphora"):
        return False  # the reading every reference needs, and the cheapest: asked first
    if _IN_ALL_BEFORE.search(before):
        return False  # "In all, 107 were killed" is a total, not a reference back
    if _REST_BEFORE.search(before):
        return False  # "the other three" is the rest of a group
    if _PARTITIVE_BEFORE.search(before) and not _SOME_OF_THE_BEFORE.search(before):
        return False  # "9 of the 12" a whole: subset's business; "some of the 14 killed" names them all
    if _COMMA_BEFORE.search(before):
        return False  # "Of these, 300 were killed": a part of the group, not the group again
    return not _DIGIT_BEFORE.search(before)


_WHO_OR_OF_AFTER = re.compile(r"^\W*(?:who|whom|of)\b", re.I)
_IN_ALL_BEFORE = re.compile(r"\bin\s+all\W*$", re.I)
_REST_BEFORE = re.compile(r"\b(?:other|remaining)\s*$", re.I)
_COMMA_BEFORE = re.compile(r",\s*$")
_DIGIT_BEFORE = re.compile(r"\d\W*$")


# "9 of the 12", "most of the 40", "two women of the 12": a count before "of the" makes the figure after
# it a whole; "families of the 31 workers", "the deaths of the 12" refer back to it
_PARTITIVE_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|"
    r"thousands|all|some|most|many|several|none|half|each|both|any|few|majority))(?:\s+[a-z]+)?\s+of\s+the\s*$",
    re.I,
)


_OF_THE_BEFORE = re.compile(r"\bof\s+the\s*$", re.I)
# "some of the 14 people killed", "many of the 300 workers": a quantity of no number takes part of a
# group the definite figure names whole, as a reference back
_SOME_OF_THE_BEFORE = re.compile(
    r"\b(?:some|most|many|several|few|all|none|each|both|any)\s+of\s+the\s*$", re.I
)


def _kin(earlier: Claim, ref: Claim) -> bool:
    """Could `ref` point back at `earlier`: not two different kinds of harm (killed vs wounded)."""
    harm = {earlier.category, ref.category} & (HARM_CATEGORIES - {"casualties"})
    return len(harm) <= 1


def _splits(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "deadlocked at 9-3, with nine in favour and three against": a split restated word by word."""
    figures = ctx.figures
    for i in range(len(figures) - 3):
        a, b, c, d = figures[i : i + 4]
        if not (a.sentence == b.sentence == c.sentence == d.sentence) or a.kind != "bare" or b.kind != "bare":
            continue
        if not re.fullmatch(r"\s*[-\u2013]\s*", ctx.between(a, b)) or len(ctx.between(b, c)) > 12:
            continue
        if any(SCORE.search(ctx.doc.prose[x.start - 1 : x.end + 2]) for x in (c, d)):
            continue  # "6-4, 3-6, 6-2": a list of scores, not one split restated
        if not all(float(x.value or 0).is_integer() and _VOTE_AFTER.match(ctx.after(x, 25)) for x in (c, d)):
            continue  # "176-4 after 35.4 overs, needing 112": no vote's sides named again
        if len(ctx.between(c, d)) <= 60 and re.search(r"\band\b|,", ctx.between(c, d)):
            yield a, c, "a split restated", "high"
            yield b, d, "a split restated", "high"


# after a side of a vote named in words: "nine in favour", "three against", "two abstaining", "nine votes"
_VOTE_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:in\s+favou?r|against|for\b|votes?|voting|voted|abstain\w*|opposed|backing)",
    re.I,
)


MAX_OPEN_GROUPS = 64


def _repetitions(ctx: Context, covered: set[tuple[str, str]]) -> list[Outcome]:
    """Equal figures for the same thing, grouped: each group is one passing check.
    Candidates are indexed by value, kind and unit, so a sentence of thousands of numbers stays linear."""
    groups: list[list[Claim]] = []
    by_key: dict[tuple[object, ...], list[list[Claim]]] = {}
    for claim in ctx.figures:
        if claim.kind == "bare" and abs(claim.value or 0) < 1000 and not is_people(claim):
            continue  # small bare numbers are never one repeated figure (see _same_figure)
        candidates = by_key.setdefault((claim.value, claim.kind, claim.unit or None), [])
        # the most recent groups only: keeps hostile input (thousands of equal numbers) linear
        group = next(
            (g for g in reversed(candidates[-MAX_OPEN_GROUPS:]) if _same_figure(ctx, g[-1], claim)), None
        )
        if group is None:
            group = [claim]
            candidates.append(group)
            groups.append(group)
        else:
            group.append(claim)
    inside = _pairs_inside(groups, covered)
    out = []
    for i, g in enumerate(groups):
        if len(g) < 2 or inside.get(i, 0) >= len(g) * (len(g) - 1) // 2:
            continue  # other checks already relate every pair of the group
        msg = f"{label(g[0])} is stated {len(g)} times and agrees each time"
        out.append(Outcome("pass", g, msg, {"how": "repeated"}))
    return out


def _pairs_inside(groups: list[list[Claim]], covered: set[tuple[str, str]]) -> dict[int, int]:
    """For each group (by index), how many of the covered pairs lie inside it: one pass over the pairs."""
    group_of = {c.id: i for i, g in enumerate(groups) if len(g) > 1 for c in g}
    inside: dict[int, int] = {}
    for a, b in covered:
        g = group_of.get(a)
        if g is not None and g == group_of.get(b):
            inside[g] = inside.get(g, 0) + 1
    return inside


def _same_figure(ctx: Context, a: Claim, b: Claim) -> bool:
    if a.value != b.value or a.kind != b.kind or (a.unit or None) != (b.unit or None):
        return False
    if a.category in HARM_CATEGORIES or b.category in HARM_CATEGORIES:
        return a.category == b.category and same_subject(a, b)
    large = abs(a.value or 0) >= 1000
    if is_people(a):  # "the number of people online ... 100 million" / "Europeans online ... 100 million"
        same_head = head(a.subject) is not None and head(a.subject) == head(b.subject)
        return same_head or 0 <= b.sentence - a.sentence <= 1 or (large and bool(_shared_words(ctx, a, b)))
    big_bare = large and a.kind == "bare"
    return (a.kind in ("money", "percent", "measure", "count") or big_bare) and bool(_shared_words(ctx, a, b))


def _shared_words(ctx: Context, a: Claim, b: Claim) -> set[str]:
    return _context_words(ctx, a) & _context_words(ctx, b)


def _context_words(ctx: Context, claim: Claim) -> set[str]:
    s = ctx.sentence(claim)
    if s is None:
        return _words_of(claim.text)
    return ctx.memo(f"context-words-{s.index}", lambda: _words_of(s.text))


def _words_of(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _LONG_WORD.findall(text)} - _STOP


_LONG_WORD = re.compile(r"[A-Za-z]{5,}")


@checker("qualifier-conflict", options={"approx_tolerance": 0.1})
def qualifier_conflict(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """ "at least 40" and "fewer than 30" (or "dozens" and 8) for one quantity cannot both hold."""
    approx = options["approx_tolerance"]
    out = []
    for first, second, how, confidence in [*_pairs(ctx), *_neighbours(ctx)]:
        if first.qualifier not in _OPEN and second.qualifier not in _OPEN:
            continue
        if how == "same paragraph" and not (first.qualifier in _OPEN and second.qualifier in _OPEN):
            continue
        a, b = interval(first, approx), interval(second, approx)
        details = {"how": how, "first_range": a.to_json(), "second_range": b.to_json()}
        claims = [first, second]
        if a.overlaps(b):
            msg = f"{first.text!r} ({a.show()}) and {second.text!r} ({b.show()}) can both hold"
            out.append(Outcome("pass", claims, msg, details, confidence=confidence))
        else:
            msg = f"{first.text!r} ({a.show()}) and {second.text!r} ({b.show()}) cannot both hold"
            out.append(Outcome("fail", claims, msg, details, anchor=second, confidence=confidence))
    return out


def _neighbours(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """Same category and subject in the same paragraph, one of them bounded: one quantity twice."""
    figures = [c for c in ctx.figures if c.category in HARM_CATEGORIES and c.subject]
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            if (
                ctx.paragraph(a) == ctx.paragraph(b)
                and a.category == b.category
                and head(a.subject) == head(b.subject)
                and same_unit(a, b)
            ):
                yield a, b, "same paragraph", "low"
