"""What only looks like a figure: dates, times, ordinals, identifiers, labels and idioms, and the
names of mobile network generations ("4G", "5G").

Also the numbers inside spans that are no figures as a whole: telephone numbers ("call 555-010-4477"),
ISO and numeric dates ("2016-03-09"), bracketed citation markers ("[412]"), and the pieces of a
number split by a separator ("00,000" of a misread "3,00,000", "000" of "3 000").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from audit.extract.figure import Figure
from audit.extract.vocab import (
    WORD_AFTER,
    counted_after,
    currency_words,
    identifier_words,
    months,
    notclaims,
    people_nouns,
)
from audit.lexicon import data, quantulum_units, words_pattern
from audit.numbers import Mention

WINDOW = 60  # characters of context read on each side of a figure

_ORDINAL = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_SLASH_OR_COLON_AFTER = re.compile(r"[:/]\d")
_SLASH_OR_COLON_BEFORE = re.compile(r"\d[:/]$")
_LETTER = re.compile(r"[A-Za-z]")
_LONG_DIGIT_RUN = re.compile(r"\d{10,}")  # an unseparated run that long is an id or phone number
_DOTTED_AFTER = re.compile(r"\.\d")  # 192.168.1.2, version 2.4.1, section 5.2.1
_DOTTED_BEFORE = re.compile(r"\d\.$")
_GLUED_BEFORE = re.compile(r"(?:[A-Za-z_]|[A-Za-z]-)$")
_CLOCK = re.compile(r"0\d{3}$")
_DECADE = re.compile(r"s\b")
_YEAR = re.compile(r"\d{4}$")
_YEAR_SPAN_AFTER = re.compile(r"^[\s]*[-\u2013/]\s*\d{2}\b")
_YEAR_SPAN_BEFORE = re.compile(r"\b(?:1[5-9]|20)\d\d[-\u2013/]$")
_YEAR_AFTER = re.compile(r"^,?\s*(?:19|20)\d\d\b")
_DAY_YEAR_AFTER = re.compile(r"^,\s*(?:1[5-9]|20)\d\d\b")
_NETWORK_GENERATION = re.compile(r"G(?![\w-])")  # "4G", "5G": a name; grams are written "5g"


def _at_end(pattern: re.Pattern[str], before: str, width: int) -> re.Match[str] | None:
    """`pattern`, anchored at the end of `before` and matching at most `width` characters, searched
    only where a match can start: the last `width` characters and one more ("$" also matches before a
    final newline). Searched from a position, not in a slice: what lies before is still seen."""
    return pattern.search(before, max(0, len(before) - width - 1))


def is_figure(text: str, m: Mention) -> bool:
    """False for what only looks like a figure: dates, times, ordinals, identifiers, idioms."""
    before, after = text[max(0, m.start - WINDOW) : m.start], text[m.end : m.end + WINDOW]
    raw = text[m.start : m.end]
    if m.kind == "digits" and (
        _inside_non_figure(text, m)
        or _is_piece(before, raw)
        or (len(raw) == 1 and raw in "23456" and _NETWORK_GENERATION.match(after))
        or _is_digit_artifact(before, raw, after, m)
        or (_is_label(before, after, m) and not _title_case(text) and "," not in raw)  # "Varga 318,200"
        or _is_date(before, raw, after, m)
    ):
        return False
    if m.kind == "words" and _is_capitalised_name(before, raw, after):
        return False
    idiom = m.kind != "digits" and _inside_idiom(text, m)  # idioms are spelled out ("one another")
    return not (_follows_identifier_word(before, m) or idiom)


_JOINED_AFTER = re.compile(r"[\s.)\]-]{0,2}\d|\]")
_JOINED_BEFORE = re.compile(r"(?:\d[\s.(-]{1,2}|[\[(+])$")


def _inside_non_figure(text: str, m: Mention) -> bool:
    """Inside a telephone number, a numeric date or a citation marker: only numbers joined to another
    number or in brackets can be, so only they make the sentence's spans be looked for."""
    if not (_JOINED_AFTER.match(text, m.end) or _JOINED_BEFORE.search(text[max(0, m.start - 3) : m.start])):
        return False
    return any(start <= m.start and m.end <= end for start, end in _non_figure_spans(text))


@lru_cache(maxsize=32)
def _non_figure_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence's telephone numbers, numeric dates and citation markers, found once per sentence."""
    return tuple(span.span() for span in notclaims()["spans"].finditer(text))


_PIECE_BEFORE = re.compile(r"\d[,.\s\u00a0\u2009\u202f]$")


def _is_piece(before: str, raw: str) -> bool:
    """'000', '00,000', the '050' of '12 050': a piece of a split number, never a figure of its own."""
    digits = raw.lstrip("-\u2212")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return bool(_at_end(_PIECE_BEFORE, before, 2)) or not digits.replace(",", "").strip("0")
    return False


def _is_capitalised_name(before: str, raw: str, after: str) -> bool:
    """'BBC Five Live', 'the Group of Eight': a capitalised number word inside a sentence is a name."""
    if not raw[:1].isupper() or not re.search(r"[A-Za-z,]\s+$", before):
        return False
    return not counted_after(after) and not re.match(r"\s*(?:of|%|per)\b", after)


def _is_digit_artifact(before: str, raw: str, after: str, m: Mention) -> bool:
    """Ordinals (1st), slashes and colons (9/11, 10:30), dotted labels (192.168.1.2), glued letters
    (G7, P95, F-16, file_18), clock times (0800, 4pm) and decades (the 1990s)."""
    # Each test needs a letter or a sign right after or right before the digits, a leading zero, ten
    # digits, or a word after them: a character or two say which tests can hold at all.
    first = after[:1]
    last = before[-2:-1] if before.endswith("\n") else before[-1:]  # "$" also matches before a final newline
    word_after = after[1:2] if first.isspace() else first
    return bool(
        (first.isalpha() or first in _SIGNS)
        and _artifact_after(after, m)
        or (last.isalpha() or last in _SIGNS)
        and _artifact_before(before)
        or (raw[:1] == "0" and _CLOCK.match(raw))
        or (len(raw) >= 10 and _LONG_DIGIT_RUN.fullmatch(raw))
        or (word_after.isalpha() and notclaims()["time"].match(after))
    )


_SIGNS = (":", "/", ".", "_", "-")  # and letters: what the tests after and before start or end with


def _artifact_after(after: str, m: Mention) -> bool:
    """An ordinal (1st), a slash or colon (9/11, 10:30), a dotted label (1.2.3), glued letters (G7, 4pm),
    a glued underscore (file_18), a decade (the 1990s)."""
    return bool(
        _ORDINAL.match(after)
        or _SLASH_OR_COLON_AFTER.match(after)
        or _DOTTED_AFTER.match(after)
        or (_LETTER.match(after) and not m.suffix and not _unit_glued(after))
        or after[:1] == "_"
        or (_DECADE.match(after) and m.value >= 1000)
    )


def _artifact_before(before: str) -> bool:
    """A slash or colon (9/11), a dot (1.2), or a letter glued before the digits (G7, F-16)."""
    return bool(
        _at_end(_SLASH_OR_COLON_BEFORE, before, 2)
        or _at_end(_DOTTED_BEFORE, before, 2)
        or (
            _at_end(_GLUED_BEFORE, before, 2)
            and not _money_prefix(before)
            and not _glued_qualifier(before)
            and not _glued_scale(before)
        )
    )


_IDENTIFIER_PAIR_BEFORE = re.compile(
    r"([A-Za-z][A-Za-z.']*)[\s\u00a0]*\d+[A-Za-z]?(?:\([A-Za-z0-9]{1,3}\))?\s*(?:-|\u2013|to|and|or|,)\s*$"
)


def _money_prefix(before: str) -> bool:
    """'$US5m', '$A300', 'Rs2 crore', 'USD115': a currency written before the digits, ending in a letter."""
    return bool(_symbol_at_end().search(before[-8:]))


def _glued_qualifier(before: str) -> bool:
    """'sub-7 nanometer': a qualifier written as a prefix."""
    prefix = re.search(r"\b[A-Za-z]+-$", before)
    return prefix is not None and prefix.group(0).lower() in data("numbers")["qualifiers_before"]


def _glued_scale(before: str) -> bool:
    """'a magnitude-6.4 quake', 'a category-4 storm': a scale's name joined to its reading."""
    prefix = re.search(r"\b([A-Za-z]+)-$", before)
    return prefix is not None and prefix.group(1).lower() in data("notclaims")["scales_glued_before"]


def _follows_identifier_word(before: str, m: Mention) -> bool:
    """'Flight 370', 'No. 10', 'Route 66', 'p. 45', 'pages 14-16', '§ 5': a number used as a name."""
    if m.kind not in ("digits", "words"):
        return False
    if m.kind == "digits" and "§" in before and re.search(r"§+[\s\u00a0]*$", before):
        return True
    word = _word_before(before)
    if word == "number" and _NUMBER_AS_VERB.search(before):
        return False  # "Male detainees number 116,930", "thought to number 2,500": a count
    if word and word in identifier_words():
        return True
    # the pair pattern ends in a joining word or sign: a cheap test of the text's end comes first
    paired = m.kind == "digits" and before.rstrip().endswith(_PAIR_JOINS)
    pair = _IDENTIFIER_PAIR_BEFORE.search(before) if paired else None
    return pair is not None and pair.group(1).lower().rstrip(".") in identifier_words()


# "number" as a verb: after a plural subject or a word that leads a verb ("PDLs number", "to number")
_NUMBER_AS_VERB = re.compile(
    r"(?:\b(?!(?i:is|its|his|this|was|has|as|us)\b)[A-Za-z]+s"
    r"|\b(?i:to|now|still|they|which|who|will|would|could|may|might|did|do))\s+number\s*$"
)


_PAIR_JOINS = ("-", "\u2013", "to", "and", "or", ",")  # the joins _IDENTIFIER_PAIR_BEFORE ends with


@lru_cache(maxsize=64)
def _word_before(before: str) -> str:
    """The word right before a figure, lower-cased, without a final dot ("No." -> "no"), or "": the
    word WORD_BEFORE reads, found in the last token rather than searched for from every position.
    Both the date and the identifier tests read it for the same figure: it is found once."""
    wb = _WORD_ENDING_TOKEN.search(_last_token(before))
    return wb.group(0).lower().rstrip(".") if wb else ""


def _last_token(before: str) -> str:
    """What follows the last white space of `before`, trailing white space dropped."""
    stripped = before.rstrip()
    return stripped.rsplit(None, 1)[-1] if stripped else ""


_WORD_ENDING_TOKEN = re.compile(r"[A-Za-z][A-Za-z.']*\Z")  # WORD_BEFORE's word, in a token


@cache
def _symbol_at_end() -> re.Pattern[str]:
    units = data("units")
    currencies = words_pattern([*units["currency_symbols"], *units["currency_codes"]])
    return re.compile(rf"(?<![A-Za-z])(?:{currencies})$")


def _money_around(before: str, after: str) -> bool:
    """ "$2000", "USD 1999", "paid 2000 dollars": money, never a year; but "in 2010 dollars" (after a
    preposition of time) is a year's dollars."""
    if _symbol_at_end().search(before.rstrip()[-8:]):
        return True
    return _word_before(before) not in _TIME_PREPOSITIONS and bool(_MONEY_AFTER().match(after))


_TIME_PREPOSITIONS = frozenset(
    {"in", "since", "by", "from", "until", "till", "of", "before", "after", "during", "to"}
)


@cache
def _MONEY_AFTER() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built on first use
    units = data("units")
    words = words_pattern([*currency_words(), *units["currency_codes"]])
    return re.compile(rf"\s*(?:{words})(?![A-Za-z])", re.I)


def _unit_glued(after: str) -> bool:
    """'15km', '9mm', '4p', '3pc', '10am' (the last one is a time, caught elsewhere); not '24703L202'."""
    word = re.match(r"[A-Za-z]+(?!-?\d)", after)
    if not word:
        return False
    w = word.group(0).lower()
    units = data("units")
    return (
        w in units["measures"]
        or w in units["percent"]  # "3pc"
        or w in units["currency_minor"]
        or w in ("am", "pm", "c", "f")
        or word.group(0) in units["currency_codes"]
        or word.group(0) in quantulum_units()[1]
    )


_DAY_THEN = re.compile(r"^\s*(?:and|to|or|-|\u2013)\s*\d{1,2}(?:st|nd|rd|th)?\s+([A-Za-z]+)")
_MONTH_DAY_THEN = re.compile(r"([A-Za-z]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|or|-|\u2013)\s*$")


def _day_pair(before: str, after: str) -> bool:
    """'between 24 and 26 December', 'December 24 and 26': the day that shares the other's month."""
    month_words = months()
    then = _DAY_THEN.match(after)
    if then and then.group(1).lower() in month_words:
        return True
    joined = before.rstrip().endswith(("and", "to", "or", "-", "\u2013"))  # how _MONTH_DAY_THEN ends
    first = _MONTH_DAY_THEN.search(before) if joined else None
    return first is not None and first.group(1).lower() in month_words


def _is_date(before: str, raw: str, after: str, m: Mention) -> bool:
    month_words = months()
    wa = WORD_AFTER.match(after)
    prev = _word_before(before)
    nxt = wa.group(1).lower().rstrip(".") if wa else ""
    if "," not in raw and "." not in raw and m.value == int(m.value):
        if 1 <= m.value <= 31 and (prev in month_words or nxt in month_words or _day_pair(before, after)):
            return True
        if _YEAR.match(raw) and 1500 <= m.value <= 2099:
            return not counted_after(after) and not _money_around(before, after)
        if _YEAR_SPAN_AFTER.match(after) and _YEAR.match(raw):
            return True
        if _at_end(_YEAR_SPAN_BEFORE, before, 5) and len(raw) <= 2:
            return True  # the "14" of 2013-14, the "01" of 1995-01
    if _YEAR_AFTER.match(after) and prev in month_words:
        return True
    # "30, 2013": a day before a year, after a month the segmenter may have cut off
    return bool(_DAY_YEAR_AFTER.match(after)) and 1 <= m.value <= 31 and "," not in raw


_LABEL_BEFORE = re.compile(r"[^\W\d_][,]?\s([A-Z][a-z]+|[A-Z][A-Z&]{1,4})\s$")


@lru_cache(maxsize=256)
def _title_case(text: str) -> bool:
    """A headline in title case ("Thai Authorities Indict 2 Over Shrine Attack"): every word of four
    letters or more capitalised, a short word too, and no final stop. There a capitalised word before
    a number is no sign of a name ("Radio 4"), since every word is capitalised."""
    if text.rstrip().endswith((".", "!", "?")):
        return False
    words = re.findall(r"[A-Za-z]+", text)
    long = [w for w in words if len(w) >= 4]
    function_word = any(
        w in _TITLED_FUNCTION_WORDS for w in words
    )  # "Over", "After": no name would capitalise
    return len(long) >= 3 and all(w[0].isupper() for w in long) and (function_word or len(long) >= 5)


_TITLED_FUNCTION_WORDS = frozenset(
    [
        "Over",
        "After",
        "For",
        "In",
        "Of",
        "To",
        "With",
        "From",
        "At",
        "On",
        "By",
        "As",
        "Into",
        "Amid",
        "Near",
        "And",
        "The",
        "Is",
        "Are",
        "Was",
        "Were",
        "Has",
        "Have",
    ]
)


def _is_label(before: str, after: str, m: Mention) -> bool:
    """'Radio 4', 'Apollo 11', 'Terminal 5', 'the FTSE 100': a name with a bare integer after it."""
    capitalised = "A" <= _last_token(before)[:1] <= "Z"  # the name _LABEL_BEFORE ends in
    wb = _LABEL_BEFORE.search(before) if capitalised else None
    if not wb or "," in before[-3:] or not float(m.value).is_integer() or m.suffix:
        return False
    if wb.group(1) in data("units")["currency_codes"] or wb.group(1) in data("units")["currency_symbols"]:
        return False  # "USD 200", "Rs 200" are money, read by the unit stage
    word = wb.group(1).lower()
    if word in months() or word in people_nouns():
        return False
    if word in data("numbers")["qualifiers_before"]:
        return False
    return not counted_after(after) and not re.match(r"\s*(?:%|per\b|percent|-)", after)


def _inside_idiom(text: str, m: Mention) -> bool:
    lo, hi = max(0, m.start - 20), min(len(text), m.end + 30)
    for im in notclaims()["idioms"].finditer(text, lo, hi):
        if im.start() <= m.start and m.end <= im.end():
            return True
    return False


def keep(text: str, fig: Figure) -> bool:
    """'one' only counts when something is counted by it; 'half' only as a share of something.
    Judged once unit and category are known."""
    m = fig.mention
    raw = text[fig.number_start : fig.number_end].lower()
    if m and m.kind == "words" and m.value == 1 and raw == "one" and fig.qualifier == "exact":
        return fig.unit is not None  # "one man", "one killed", "one hour"; not "one approach"
    if m and m.kind == "fraction" and raw.lower() == "half" and fig.unit is None:
        return bool(re.match(r"^\s+(?:of|a|an|the)\b", text[fig.end : fig.end + 6], re.I))
    return True
