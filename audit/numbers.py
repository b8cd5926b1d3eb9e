"""The number grammar: where a sentence states a number, and which number.

Finds digits with separators, decimals and scales ("3,000", "1.5 million", "$1.2bn" gives
1.2bn), Indian grouping and scales ("3,00,000", "2 crore"), thin-space or space grouping
("3 000"), leading-dot decimals (".08"), scientific notation ("2.998×10−8", "1.3e6"), signs
("-3.5", "minus 40"), number words ("twenty-five", "three hundred and fifty"), groups ("a dozen"),
vague plurals ("dozens", "tens of thousands"), fractions ("a third", "two-thirds", "one in ten"),
and periods named by one noun ("a decade" is ten years, "decades" at least twenty).
Context (qualifiers, units, what is counted, whether it is a figure at all) is extract.py's job.
Every pattern here is linear: no nested quantifiers over the same characters.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any, NamedTuple

from audit.lexicon import data, folds, holds_any, may_end_with, runs_in, runs_of, words_pattern


class Mention(NamedTuple):
    """A number as written, offsets relative to the text searched. Immutable; a named tuple rather than
    a frozen dataclass, as one is built for every number of every sentence (at a third of the cost)."""

    start: int
    end: int
    value: float
    kind: str  # digits | words | group | vague | fraction
    step: float | None = None  # rounding step the wording implies
    qualifier: str | None = None  # vague plurals and groups carry their own
    suffix: str | None = None  # "m", "bn", "k" glued to digits
    unit: str | None = None  # the unit the wording itself names ("a decade" is 10 years)


MAX_DIGITS = 24
# Every reading starts with a digit or a dot; a minus sign is read by _signed. The leading lookahead
# says so once: the alternation after it implies it (so it changes no match), but it rejects every
# other position of a sentence with one character test instead of trying each reading in turn
# (about five times faster over news text). Indian grouping ("3,00,000", "1,00,00,000") first, then
# thousands ("300,000"), then numbers grouped by a space or a thin or narrow no-break space ("3 000",
# "1\u202f234\u202f567"), then plain digits and leading-dot decimals (".08").
_DIGITS = re.compile(
    r"(?=[\d.])"
    r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])(?:\.\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
    r"|(?<![\w.,])\.\d+)"
)
_PLAIN_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_GROUP_SPACES = " \u00a0\u2009\u202f"
_NO_SEPARATORS = str.maketrans("", "", "," + _GROUP_SPACES)  # "3,000" and "3 000" -> "3000"
# "1.3e6", "2.998×10−8", "3.2 x 10^6", "6.02 × 10²³": a power of ten after the digits
_EXPONENT = re.compile(
    r"[eE]([+\-\u2212]?\d{1,3})(?!\w|\.\d)"
    r"|[\s\u00a0]?[×xX*][\s\u00a0]?10(?:\^|\*\*)\(?([+\-\u2212]?\d{1,3})\)?(?!\w|\.\d)"
    r"|[\s\u00a0]?×[\s\u00a0]?10"
    r"(?:([\-\u2212]\d{1,3})|([\u207b\u207a]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+))(?!\w|\.\d)"
)
_SUPERSCRIPTS = str.maketrans(
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b\u207a", "0123456789-+"
)
_MINUS_WORD = re.compile(r"\b(minus|negative)[\s\u00a0]+$", re.IGNORECASE)
_NOT_A_SIGN = re.compile(
    r"\b(?:test\w*|prove[dn]?|came|come|comes|returned)[\s\u00a0]+negative[\s\u00a0]+$", re.I
)
_MINUS = "-\u2212"
_DIGIT_FRACTION = re.compile(r"(?<![\d/])(?:(\d{1,3})\s)?(\d{1,2})/(\d{1,3})(?![\d/])")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})
_WORD = re.compile(r"[A-Za-z]+")
_WORD_IN_LOWER = re.compile(r"[a-z]+")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


@cache
def _vocab() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]]:
    nums = data("numbers")
    return nums["units"], nums["scales"], nums["scale_suffixes"], nums["fractions"]


_MONEY_SIGN_BEFORE = re.compile(r"[$\u00a3\u20ac\u00a5][\s\u00a0]?$")
_TRILLION_GLUED = re.compile(r"T(?![A-Za-z0-9])")


@cache
def _suffix() -> re.Pattern[str]:
    """A scale suffix after digits, from the lexicon: a word ("bn", "mln") glued or after one space,
    a single letter ("m", "k") glued only ("5 m" is five metres)."""
    _, _, suffixes, _ = _vocab()
    words = "|".join(sorted((s for s in suffixes if len(s) > 1), key=len, reverse=True))
    letters = "|".join(s for s in suffixes if len(s) == 1)
    return re.compile(rf"(?:\s?({words})|({letters}))(?![A-Za-z0-9])", re.IGNORECASE)


@cache
def _scale_words() -> re.Pattern[str]:
    _, scales, _, _ = _vocab()
    return re.compile(rf"(?:\s+|-)(?:({words_pattern(scales)})s?)\b", re.IGNORECASE)


@cache
def _groups() -> dict[str, dict[str, Any]]:
    """The group words ("dozen", "score") and what each may do, from the numbers lexicon."""
    groups: dict[str, dict[str, Any]] = data("numbers")["groups"]
    return groups


def _group_words(key: str) -> list[str]:
    """The group words listed under `key` ("counted_groups", "shared_groups", "groups_after_article")."""
    words: list[str] = data("numbers")[key]
    return words


@cache
def _counted_group_after() -> re.Pattern[str]:
    """ "two dozen", "3 dozens": a counted group word after a number."""
    return re.compile(rf"[\s-]+({words_pattern(_group_words('counted_groups'))})s?\b", re.IGNORECASE)


@cache
def _vague(flags: int = re.IGNORECASE) -> re.Pattern[str]:
    vague = data("numbers")["vague_plurals"]
    return re.compile(rf"\b({words_pattern(vague)})\b", flags)


def find(text: str) -> list[Mention]:
    """Every number mention in `text`, in order, not overlapping."""
    low = text.lower()
    digits, words, vague, fractions = _readers(text, low)
    found = _digit_mentions(text) if digits else []
    if words:
        found += _word_mentions(text, low)
    if vague:
        found += _vague_mentions(text, low)
    if fractions:
        found += _fraction_mentions(text, low)
    # each reading around a number needs its word in the sentence: "two dozen", "two and a half", "minus 40"
    folded = folds(text)
    dozens = _dozens(text, found) if found and _holds(low, "dozen", folded) else []
    halves = _and_a_half(text, found) if found and _holds(low, "half", folded) else []
    found += dozens + _digit_fractions(text) + halves
    found += _share_of_a_scale(text, found)
    signed = _negated(text, found) if found and _holds(low, "sign", folded) else found
    found = signed + _period_mentions(text, low, found)
    found.sort(key=lambda m: (m.start, -m.end))  # at one start, the longest reading wins
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _holds(low: str, key: str, folded: bool) -> bool:
    """Whether the lower-cased sentence holds one of the few words of _reader_keys()[key] (always, for a
    text `folded`: lexicon.folds)."""
    return folded or any(word in low for word in _reader_keys()[key])


def _readers(text: str, low: str) -> tuple[bool, bool, bool, bool]:
    """Which readers can find anything in a sentence: the digits', the number words', the vague
    plurals', the fractions'. Most sentences hold no number: whether the sentence has a digit, and the
    number words standing whole in it (found in one search) decide, by _reader_keys."""
    digit, keys = _has_digit(text), _reader_keys()
    if folds(text):
        runs, ratio_word = runs_in(text), True  # None: every reader may find something
    else:  # each reader needs one of its words whole in the lower-cased copy: the search finds them all
        runs = runs_in(" ".join(_any_number_word().findall(low)))
        if not runs:  # only digits: "2 in 5", "1 out of 3"
            return digit, False, False, digit and _DIGIT_RATIO.search(low) is not None
        ratio_word = "in" in low or "out" in low
    ratio = (digit or holds_any(runs, keys["numerators"])) and ratio_word
    fraction = ratio or holds_any(runs, keys["shares"])
    return digit, holds_any(runs, keys["words"]), holds_any(runs, keys["vague"]), fraction


# every digit reading starts with a digit, and each ratio ("one in ten", "2 in 5") has one or a word
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"
_DIGIT_RATIO = re.compile(r"\d\s+(?:in|out\s+of)\s+\d")  # in _FRACTION's ratio of digits


def _has_digit(text: str) -> bool:
    """Whether `text` has a digit: in ASCII text, whether deleting the digits shortens it (a few
    times faster than searching for one); in other text, any digit the pattern's \\d matches."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _ASCII_DIGITS)) < len(raw)
    return _DIGIT.search(text) is not None


# the words of _FRACTION: its shares (each also with an "s") and the numerators of its ratios
_FRACTION_SHARES = (
    "half",
    "halve",
    "third",
    "quarter",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "tenth",
)
_NUMERATORS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@cache
def _any_number_word() -> re.Pattern[str]:
    """Every word of _reader_keys's lists but "in" and "out", whole; searched in lower-cased text whose
    letters do not fold (lexicon.folds), where it finds each a reader but the digits' could read (no
    match hides another reader's word: only the vague plurals have several words, and theirs)."""
    units, scales, _, _ = _vocab()
    words = [*units, *scales, *_groups(), *data("numbers")["vague_plurals"], *_share_words()]
    return re.compile(rf"\b(?:{words_pattern(w.lower() for w in words)})\b")


def _share_words() -> list[str]:
    return [w + s for w in _FRACTION_SHARES for s in ("", "s")]


@cache
def _reader_keys() -> dict[str, frozenset[str]]:
    """The words (lexicon.runs_of) one of which a sentence must hold for each reader to find anything
    (a number word, a vague plural, a share: "a third", a ratio's numerator: "one in ten"), and for
    each reading around a number ("minus 40", "two dozen", "two and a half")."""
    units, scales, _, _ = _vocab()
    return {
        "words": runs_of([*units, *scales, *_groups()]),
        "vague": runs_of(data("numbers")["vague_plurals"]),
        "shares": runs_of(_share_words()),
        "numerators": runs_of(_NUMERATORS),  # "one in ten" (or digits)
        "minus": runs_of(["minus", "negative"], last=True),
        "sign": runs_of(["minus", "negative"]),
        "dozen": runs_of(_group_words("counted_groups")),
        "half": runs_of(["half"]),
    }


def _negated(text: str, found: list[Mention]) -> list[Mention]:
    """'minus 40', 'negative five': the number after a sign word is negative."""
    out = []
    for m in found:
        head = text[max(0, m.start - 30) : m.start]
        signable = m.kind in ("digits", "words") and m.value > 0
        sign = _MINUS_WORD.search(head) if signable and may_end_with(head, _reader_keys()["minus"]) else None
        if sign is None or _NOT_A_SIGN.search(head):
            out.append(m)
            continue
        start = m.start - (len(head) - sign.start())
        out.append(Mention(start, m.end, -m.value, m.kind, m.step, m.qualifier, m.suffix, m.unit))
    return out


@cache
def _period_nouns() -> tuple[re.Pattern[str], dict[str, int], dict[str, int]]:
    nums = data("numbers")
    singular: dict[str, int] = nums["period_nouns"]
    plural: dict[str, int] = nums["period_plurals"]
    before = words_pattern(data("numbers")["period_determiners"])
    return (
        re.compile(
            rf"\b(?:(?:({before})\s+)?({words_pattern([*singular, *plural])})(?:-?long)?\b)",
            re.IGNORECASE,
        ),
        singular,
        plural,
    )


def _period_mentions(text: str, low: str, found: list[Mention]) -> list[Mention]:
    """'a decade' is ten years, 'decades' at least twenty, 'the next century' a hundred; 'the decade',
    'the 21st century' and 'two decades' are no such figure (periods, and a unit after a number)."""
    if "decade" not in low and "centur" not in low and "millenni" not in low:
        return []
    pattern, singular, plural = _period_nouns()
    ends = {m.end for m in found}
    out = []
    for pm in pattern.finditer(text):
        noun = pm.group(2).lower()
        glued = pm.group(0).lower().endswith("long")  # "a decade-long war", "decadelong"
        if not pm.group(1) and noun in singular and not glued:
            continue  # "the decade", "this century": a period, not a length of time
        if pm.start(2) - 1 in ends or pm.start(2) in ends or pm.start(2) - 2 in ends:
            continue  # "two decades": the unit of a number read elsewhere
        start = pm.start() if pm.group(1) and pm.group(1).lower() in ("a", "an", "one") else pm.start(2)
        years = float(singular.get(noun) or plural[noun])
        if noun in plural:
            out.append(Mention(start, pm.end(), 2 * years, "vague", None, "at_least", unit="year"))
        else:
            out.append(Mention(start, pm.end(), years, "group", years, unit="year"))
    return out


def scale_of(number_text: str) -> float:
    """The multiplier of the scale word or suffix that ends a number as written ("seven million",
    "3bn": a million, a billion), or 1 when it has none ("50,000", "seven")."""
    _, scales, suffixes, _ = _vocab()
    m = _SCALE_AT_END.search(number_text)
    if m is None:
        return 1.0
    word = m.group(1).lower()
    word = word[:-1] if word.endswith("s") and word[:-1] in scales else word
    return float(scales.get(word) or suffixes.get(word) or 1.0)


_SCALE_AT_END = re.compile(r"(?:\d|\s|-)([A-Za-z]+)\s*$")


def step_of(number_text: str, scale: float = 1.0) -> float:
    """The rounding step a written number implies: "2,700" -> 100, "6.4" -> 0.1, "1.5" x1e6 -> 1e5."""
    digits = number_text.translate(_NO_SEPARATORS)
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 10.0**zeros * scale


def _digit_mentions(text: str) -> list[Mention]:
    _, scales, suffixes, _ = _vocab()
    out: list[Mention] = []
    pos = 0
    while m := _DIGITS.search(text, pos):
        if _loosely_grouped(text, m) and (plain := _PLAIN_DIGITS.match(text, m.start())):
            m = plain  # "On May 3 500 people marched": a day and a count, not 3,500
        pos = m.end()
        raw = m.group(0)
        if len(raw) > MAX_DIGITS:
            continue  # a run of digits that long is data, not a figure (and would overflow a float)
        negative = _signed(text, m.start())
        digits = raw.translate(_NO_SEPARATORS)
        value = float(digits) * (-1 if negative else 1)
        end, scale, suffix = m.end(), 1.0, None
        if em := _EXPONENT.match(text, end):
            scale, end = 10.0 ** _exponent(em), em.end()
        elif sm := _suffix().match(text, end):
            suffix = sm.group(1) or sm.group(2)
            scale, end = float(suffixes[suffix.lower()]), sm.end()
        elif (tm := _TRILLION_GLUED.match(text, end)) and _MONEY_SIGN_BEFORE.search(
            text, max(0, m.start() - 3), m.start()
        ):
            suffix, scale, end = "T", 1e12, tm.end()  # "$1.9T": only after a currency sign ("5T" is no money)
        else:
            scale_words = _scale_words()
            while wm := scale_words.match(text, end):
                scale *= scales[wm.group(1).lower()]
                end = wm.end()
        start = m.start() - negative
        out.append(
            Mention(start, end, _clean(value * scale), "digits", step_of(digits, scale), suffix=suffix)
        )
    return out


def _loosely_grouped(text: str, m: re.Match[str]) -> bool:
    """Digits grouped by a plain space that may be two numbers: after a month ("May 3 500") or a
    label ("page 12 300"). Thin and no-break spaces always group."""
    raw = m.group(0)
    if " " not in raw:
        return False
    word = re.search(r"([A-Za-z]+)\.?[\s\u00a0]+$", text[max(0, m.start() - 20) : m.start()])
    if word is None:
        return False
    w = word.group(1).lower()
    return w in data("notclaims")["months"] or w in data("notclaims")["identifier_before"]


def _exponent(em: re.Match[str]) -> int:
    """The power of ten an _EXPONENT match names, superscripts and minus signs read as ASCII."""
    written = next(g for g in em.groups() if g is not None)
    return int(written.translate(_SUPERSCRIPTS).replace("\u2212", "-"))


def _signed(text: str, start: int) -> bool:
    """A minus sign right before the digits at `start`, itself after a space, a bracket or a currency
    symbol: "-5", "(−3", "$-5.2bn"."""
    if start == 0 or text[start - 1] not in _MINUS:
        return False
    return start == 1 or text[start - 2].isspace() or text[start - 2] in "([$£€¥₹"


def _dozens(text: str, found: list[Mention]) -> list[Mention]:
    """'two dozen', '3 dozens': a count of a counted group."""
    out = []
    for m in found:
        if m.kind in ("digits", "words") and (d := _counted_group_after().match(text, m.end)):
            base = float(_groups()[d.group(1).lower()]["value"])
            out.append(Mention(m.start, d.end(), _clean(m.value * base), m.kind, base))
    return out


_AND_A_HALF = re.compile(
    r"[\s-]+and[\s-]+a[\s-]+half\b(?:[\s-]+(thousand|million|billion|trillion)\b)?", re.I
)


def _and_a_half(text: str, found: list[Mention]) -> list[Mention]:
    """'one-and-a-half million', 'two and a half years'."""
    _, scales, _, _ = _vocab()
    out = []
    for m in found:
        if m.kind in ("digits", "words") and (h := _AND_A_HALF.match(text, m.end)):
            scale = scales[h.group(1).lower()] if h.group(1) else 1
            out.append(Mention(m.start, h.end(), _clean((m.value + 0.5) * scale), m.kind, 0.5 * scale))
    return out


@cache
def _of_a_scale() -> re.Pattern[str]:
    _, scales, _, _ = _vocab()
    words = words_pattern([*scales, *_group_words("shared_groups")])
    return re.compile(rf"[\s-]+(?:of[\s-]+)?(?:a|an|one)[\s-]+({words})\b", re.IGNORECASE)


def _share_of_a_scale(text: str, found: list[Mention]) -> list[Mention]:
    """'half a million', 'a quarter of a million', 'half a dozen': a share of a round number."""
    _, scales, _, _ = _vocab()
    groups = _groups()
    out = []
    for m in found:
        if m.kind != "fraction" or not (s := _of_a_scale().match(text, m.end)):
            continue
        if " in " in text[m.start : m.end] or " of" in text[m.start : m.end]:
            continue  # "one in ten", "two out of three" are ratios, not shares of a number
        word = s.group(1).lower()
        base = scales[word] if word in scales else groups[word]["value"]
        value = _clean(m.value * base)
        out.append(Mention(m.start, s.end(), value, "words", _word_step(value)))
    return out


def _digit_fractions(text: str) -> list[Mention]:
    """'1/2', '10 1/2 miles'; dates and labels such as 9/11 have no fraction denominator."""
    out: list[Mention] = []
    if "/" not in text:
        return out
    for m in _DIGIT_FRACTION.finditer(text):
        num, den = int(m.group(2)), int(m.group(3))
        if den in _FRACTION_DENOMINATORS and 0 < num < den:
            whole = int(m.group(1)) if m.group(1) else 0
            out.append(Mention(m.start(), m.end(), _clean(whole + num / den), "digits", None))
    return out


@cache
def _number_word_hint() -> re.Pattern[str]:
    """Searched in lower-cased text."""
    units, scales, _, _ = _vocab()
    words = [w.lower() for w in (*units, *scales, *_groups())]
    return re.compile(rf"\b(?:{words_pattern(words)})\b")


@cache
def _fraction_hint() -> re.Pattern[str]:
    """Searched in lower-cased text."""
    shares = ["half", "halves", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "tenth"]
    wholes = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty"]
    wholes += ["hundred", "a hundred"]
    return re.compile(rf"{words_pattern([*shares, 'out of'])}|\sin\s+(?:{words_pattern(wholes)}|\d)")


def _word_mentions(text: str, low: str) -> list[Mention]:
    """Runs of number words: "twenty-five", "three hundred and fifty thousand", "a dozen", "a million"."""
    if not _number_word_hint().search(low):
        return []  # most sentences have no number word: skip tokenising them
    units, scales, _, _ = _vocab()
    groups = _groups()
    if not folds(text):  # the lower-cased copy's words are the text's, lower-cased
        tokens = [(w.start(), w.end(), w.group(0)) for w in _WORD_IN_LOWER.finditer(low)]
    else:
        tokens = [(w.start(), w.end(), w.group(0).lower()) for w in _WORD.finditer(text)]
    out: list[Mention] = []
    starters = _word_starters()
    i = 0
    while i < len(tokens):
        if tokens[i][2] not in starters:
            i += 1  # what the steps below do with a word that starts no number
            continue
        start, end, word = tokens[i]
        article = word in ("a", "an") and i + 1 < len(tokens) and _joined(text, end, tokens[i + 1][0])
        if article and (tokens[i + 1][2] in scales or tokens[i + 1][2] in groups):
            start_i = i
            i += 1
            start, end, word = tokens[i]
        else:
            start_i = i
        if word in groups and (start_i < i or word not in _group_words("groups_after_article")):
            group = groups[word]
            q = None if group["qualifier"] == "exact" else group["qualifier"]
            out.append(Mention(tokens[start_i][0], end, float(group["value"]), "group", None, q))
            i += 1
            continue
        if word not in units and not (start_i < i and word in scales):
            i += 1
            continue
        j, parts = i, []
        while j < len(tokens):
            w = tokens[j][2]
            if w in units or w in scales:
                parts.append(w)
                j += 1
            elif w == "and" and parts and j + 1 < len(tokens) and tokens[j + 1][2] in units:
                if parts[-1] not in scales:
                    break
                j += 1
            else:
                break
            if j < len(tokens) and not _joined(text, tokens[j - 1][1], tokens[j][0]):
                break
        if start_i < i:
            parts.insert(0, "one")
        value = _words_value(parts, units, scales)
        end = tokens[j - 1][1]
        out.append(Mention(tokens[start_i][0], end, value, "words", _word_step(value)))
        i = j
    return out


@cache
def _word_starters() -> frozenset[str]:
    """The words a run of number words can start with: a unit ("three"), a group ("dozen"), an article
    ("a million")."""
    units, _, _, _ = _vocab()
    return frozenset([*units, *_groups(), "a", "an"])


def _joined(text: str, a: int, b: int) -> bool:
    """True when only a space or a hyphen separates two words."""
    gap = text[a:b]
    return gap in (" ", "-", "\u2010", "\u2011") or (gap.isspace() and "\n" not in gap and len(gap) < 3)


def _words_value(parts: list[str], units: dict[str, int], scales: dict[str, int]) -> float:
    total, current = 0, 0
    for w in parts:
        if w in units:
            current += units[w]
        elif scales[w] == 100:
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * scales[w]
            current = 0
    return float(total + current)


def _word_step(value: float) -> float:
    if value <= 0 or not value.is_integer():
        return 1.0
    return step_of(str(int(value)))


def _vague_mentions(text: str, low: str) -> list[Mention]:
    vague = data("numbers")["vague_plurals"]
    out: list[Mention] = []
    if not _vague(0).search(low):
        return out
    for m in _vague().finditer(text):
        key = re.sub(r"\s+", " ", m.group(1).lower())
        value = 2.0 * vague[key]
        out.append(Mention(m.start(), m.end(), value, "vague", None, "at_least"))
    return out


_FRACTION = re.compile(
    r"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
    r"(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|tenths?)\b"
    r"|\b(one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:in|out\s+of)\s+"
    r"(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a\s+hundred|\d{1,3}(?:,\d{3})+|\d+)\b",
    re.IGNORECASE,
)
_FRACTION_IN_LOWER = re.compile(_FRACTION.pattern)


def _fraction_mentions(text: str, low: str) -> list[Mention]:
    if not _fraction_hint().search(low):
        return []
    units, _, _, denominators = _vocab()
    out = []
    # where letters do not fold (lexicon.folds), lower-casing keeps each character's place and class: the
    # lower-cased copy is read case-sensitively, several times faster, with the same matches
    pattern, subject = (_FRACTION, text) if folds(text) else (_FRACTION_IN_LOWER, low)
    for m in pattern.finditer(subject):
        if m.group(2) and not m.group(1) and _period_before(text, m.start()):
            continue  # "the last quarter of 2004", "the second half of the year"
        if m.group(2):
            numerator_word = (m.group(1) or "a").lower()
            denom = denominators[m.group(2).lower()]
            ambiguous = m.group(2).lower() in data("numbers")["fractions_need_of"]
            spelled_share = (numerator_word not in ("a", "an") and not ambiguous) or "-" in m.group(0)
            if denom != 2 and not spelled_share and not _a_share_in_context(text, m.start(), m.end()):
                continue  # "a third was shot" is an ordinal; a share is "a third of", "two thirds"
            num = 1 if numerator_word in ("a", "an", "one") else units[numerator_word]
            out.append(Mention(m.start(), m.end(), _clean(num / denom), "fraction", None))
        else:
            num = _small(m.group(3), units)
            den = 100 if "hundred" in m.group(4).lower() else _small(m.group(4), units)
            if _YEAR.fullmatch(m.group(4)):
                continue  # "2 in 1979": a count and a year, not one in 1,979
            if num and den and num < den:
                out.append(Mention(m.start(), m.end(), _clean(num / den), "fraction", None))
    return out


def _a_share_in_context(text: str, start: int, end: int) -> bool:
    """ "a third of", "grew by a third", "more than a fifth", "nearly a third were", "a third more
    properties": a fraction word read as a share, not as an ordinal ("a third was shot")."""
    return bool(
        _OF_AFTER.match(text, end)
        or _COMPARED_AFTER.match(text, end)
        or _SHARE_BEFORE.search(text, max(0, start - 20), start)
    )


_OF_AFTER = re.compile(r"\s+of\b")
_COMPARED_AFTER = re.compile(r"\s+(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater)\b", re.I)
_SHARE_BEFORE = re.compile(
    r"\b(?:by|than|nearly|almost|about|roughly|around|some|just|over|under|only)\s+$", re.I
)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")


def _period_before(text: str, start: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in data("numbers")["fraction_periods"]


def _small(word: str, units: dict[str, int]) -> int:
    digits = word.replace(",", "")  # "1 in 12,000"
    return int(digits) if digits.isdigit() else units.get(word.lower(), 0)


_EXACT_INTEGERS = 10.0**12


def _clean(x: float) -> float:
    """Undo float noise from scaling: 1.13 * 1e9 is 1130000000.0000002."""
    if x == 0 or not math.isfinite(x):
        return x
    if isinstance(x, float) and x.is_integer() and -_EXACT_INTEGERS < x < _EXACT_INTEGERS:
        return x  # twelve significant digits write it exactly: the round trip gives it back
    return float(f"{x:.12g}")
