"""Qualifiers before and after a figure, and its unit: money, percent, measures, ages."""

from __future__ import annotations

import re
from functools import cache

from audit.extract.families import inflected
from audit.extract.figure import Figure, scale, set_bounds
from audit.extract.vocab import counted_after, currency_words, not_units, people_nouns, plural_after
from audit.lexicon import data, folds, last_run, quantulum_units, runs_of, unit_name, words_pattern

# A currency written before the number, as qualifiers and brackets may precede it: "$", "US$", "US $",
# "$US", "$A", "NZ$", "£", "Rs".
# Case-sensitive even inside case-insensitive patterns: "than the $27bn" has no "the $" currency.
MONEY_PREFIX = r"(?-i:(?<![A-Za-z])[A-Z]{1,3}\s?\$|\$(?:[A-Z]{1,2}(?![a-z]))?|£|€|¥|₹|Rs\.?\s?)"


# what may stand between a figure and the next: an opening bracket (and a currency), a joining word
_BRACKET_OPENS = re.compile(rf"\s*[(\[]\s*{MONEY_PREFIX}?")
_JOINS = re.compile(r"\s*(?:to|or|and|-|\u2013)\s*")
_SYMBOL_AFTER = re.compile(r"^[\s\u00a0]?([$€£¥])(?![\d$€£¥])")  # "5 $": a currency symbol after


@cache
def _qualifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    nums = data("numbers")
    before, after = nums["qualifiers_before"], nums["qualifiers_after"]
    pb = re.compile(rf"\b({words_pattern(before)})\s*{MONEY_PREFIX}?$", re.IGNORECASE)
    pa = re.compile(rf"^(?:\s+|-)({words_pattern(after)})\b", re.IGNORECASE)
    return pb, pa, before, after


def read_qualifier(text: str, fig: Figure) -> None:
    if fig.qualifier == "range":
        return
    pb, pa, before, after = _qualifier_patterns()
    if fig.mention and fig.mention.qualifier:
        fig.qualifier = fig.mention.qualifier
    head = text[max(0, fig.start - 30) : fig.start]
    m = pb.search(head) if _may_end_in_a_qualifier(head) else None
    if m and not re.search(r"\b(?:all|each)\s+$", head[: m.start()]):
        q = before[re.sub(r"\s+", " ", m.group(1).lower())]
        if not (
            m.group(1).lower() in ("over", "under", "above", "below") and _is_prep_use(head[: m.start()])
        ):
            fig.qualifier = q
            fig.start -= len(head) - m.start()
    if fig.qualifier == "exact" and (_TOLL_SURPASSED().search(head) or _amount_surpassed(text, fig, head)):
        fig.qualifier = "more_than"  # "Quake toll passes 60", "Appeal tops £1.8m": beyond it, not it
    m = pa.match(text[fig.end : fig.end + 20])
    if m and fig.qualifier in ("exact", "approx"):  # "about 500 or more" is at least 500
        fig.qualifier = after[re.sub(r"\s+", " ", m.group(1).lower())]
    set_bounds(fig)


@cache
def _TOLL_SURPASSED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """A toll, tally, count or number of cases or deaths, then (in its clause) a verb of going beyond,
    right before the figure: "Cholera cases pass 1,200"."""
    verbs = words_pattern(sorted(_surpassing_verbs()))
    nouns = r"toll|tally|count|total|number|cases|deaths|infections"
    return re.compile(rf"\b(?:{nouns})\b[^.;,]{{0,25}}?\b(?:{verbs})\s+$", re.I)


def _amount_surpassed(text: str, fig: Figure, head: str) -> bool:
    """A sum or a percentage right after a verb of going beyond, whatever its subject: "Hospice appeal
    passes £1.8m", "sales topped $2bn", "turnout crossed 60%". Not a count: "Parliament passed 12
    bills" passed the bills, not beyond 12."""
    m = _SURPASSED().search(head)
    if m is None:
        return False
    return bool(m.group(1)) or bool(_PERCENT_AFTER.match(text[fig.end : fig.end + 12]))


_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", re.I)


@cache
def _SURPASSED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """A verb of going beyond, inflected, right before the figure, with its currency if any (the bare
    "top" is no verb in "the top 10")."""
    verbs = sorted((_surpassing_verbs() | _CROSS) - {"top"})
    return re.compile(rf"\b(?:{words_pattern(verbs)})\s+(?:the\s+)?({MONEY_PREFIX})?$", re.I)


_CROSS = {"cross", "crosses", "crossed", "crossing"}


@cache
def _surpassing_verbs() -> frozenset[str]:
    """Every inflection of the verbs of going beyond (casualties.yaml `toll_surpassing_verbs`)."""
    return frozenset(inflected(tuple(data("casualties")["toll_surpassing_verbs"])))


def _may_end_in_a_qualifier(head: str) -> bool:
    """False only if no qualifier, or currency written after one (MONEY_PREFIX), ends `head`: its last
    run of letters is no qualifier's last, it ends in a letter ("$", "£", "Rs." end in none), not in
    the "Rs" a currency glued to the qualifier may end in ("aboutRs"), nor in one or two letters
    after a "$" ("$US", "$A")."""
    last = last_run(head)
    if not last or last in _qualifier_ends() or last.endswith("rs") or folds(head):
        return True
    stripped = head.rstrip()
    return len(last) <= 2 and stripped[-len(last) - 1 : -len(last)] == "$"


@cache
def _qualifier_ends() -> frozenset[str]:
    return runs_of(data("numbers")["qualifiers_before"], last=True)


def _is_prep_use(head: str) -> bool:
    """'over 20 years' after a verb of motion or 'fell' reads as a qualifier; after 'from' it does not."""
    return bool(re.search(r"\b(?:from|to|of)\s*$", head))


@cache
def _unit_patterns() -> dict[str, re.Pattern[str]]:
    u = data("units")
    measures: dict[str, str] = u["measures"]
    percent: dict[str, str] = u["percent"]
    cwords = currency_words()
    minor: dict[str, str] = u["currency_minor"]
    return {
        "percent": re.compile(
            rf"^[\s\u00a0]*(?:-\s*)?({words_pattern([*percent, *u['basis_points']])})(?![A-Za-z])", re.I
        ),
        "measure": re.compile(
            rf"^(?:[\s\u00a0]*|-)(?:(?:{words_pattern(u['measure_modifiers'])})\s+)?"
            rf"({words_pattern(list(measures))})(?![A-Za-z]|-?\d)",
            re.I,
        ),  # "12 km", "16 consecutive years"
        "cword": re.compile(rf"^(?:[\s\u00a0]*|-)(?:of\s+)?({words_pattern(list(cwords))})\b", re.I),
        "code_after": re.compile(rf"^[\s\u00a0]*({'|'.join(u['currency_codes'])})\b"),
        "code_before": re.compile(rf"\b({'|'.join(u['currency_codes'])})[\s\u00a0]?$"),
        "symbol": re.compile(rf"({words_pattern(list(u['currency_symbols']))})[\s\u00a0]?$"),
        # a cue earlier in the clause (a decimal point ends no clause: "weighed 4.5 kilograms (9.9 pounds)")
        "weight_cue": re.compile(
            rf"\b(?:{words_pattern(u['weight_cues'])})\b(?:[^.;:,]|(?<=\d)[.,](?=\d))*$", re.I
        ),
        "mass_then_paren": re.compile(rf"\d\s*(?:{words_pattern(u['mass_words'])})\s*\(\s*$", re.I),
        # "44 pounds (20 kilograms)": a mass in a parenthesis right after converts the weight
        "paren_mass_after": re.compile(
            rf"\s*\(\s*(?:about\s+|some\s+|nearly\s+|around\s+)?[\d.,]+\s*(?:{words_pattern(u['mass_words'])})\b",
            re.I,
        ),
        "minor": re.compile(rf"^({words_pattern(list(minor))})(?![A-Za-z])", re.I),
        "minor_word": re.compile(
            rf"^(?:[\s\u00a0]+|-)({words_pattern([w for w in minor if len(w) > 1])})\b", re.I
        ),
    }


def read_unit(text: str, fig: Figure, currency_hint: dict[str, str]) -> None:
    """Money, percentages, measures and ages written around the figure."""
    u, pats = data("units"), _unit_patterns()
    if fig.mention is not None and fig.mention.unit is not None:
        fig.unit, fig.kind = fig.mention.unit, "measure"  # "a decade" is ten years
        return
    after = text[fig.number_end : fig.number_end + 40]
    head = text[max(0, fig.number_start - 8) : fig.number_start]
    if prefixed := prefix_currency(text, fig.number_start, currency_hint):
        fig.unit, fig.kind = prefixed[0], "money"
        fig.start = min(fig.start, prefixed[1])
    elif m := pats["symbol"].search(head):
        symbol = m.group(1)
        local = currency_hint.get(" $") if symbol == "$" else None  # "WINDSOR, Ont.": Canada's dollar
        fig.unit, fig.kind = local or u["currency_symbols"][symbol], "money"
        fig.start = min(fig.start, fig.number_start - len(head) + m.start())
    elif m := pats["code_before"].search(head):
        fig.unit, fig.kind = m.group(1), "money"
    named = _may_name_a_unit(after)  # most figures are followed by a word that starts no unit
    if fig.unit is None and named and (m := pats["percent"].match(after)):
        word = re.sub(r"\s+", " ", m.group(1).lower())
        if word in u["basis_points"]:
            word = "percentage point"
            scale(fig, 0.01)
        fig.unit = u["percent"][word]
        fig.kind = fig.unit
        fig.end = max(fig.end, fig.number_end + m.end())
        return
    if fig.kind == "money" or (named and _read_money_after(text, fig, after, currency_hint)):
        return
    if (
        fig.mention
        and fig.mention.suffix == "m"
        and not counted_after(after)
        and not _things_after(after)
        and not _after_percent_change(text, fig)
    ):
        scale(fig, 1e-6)  # a bare "100m" is a length, not a million
        fig.unit, fig.kind = "meter", "measure"
        return
    if named and _read_measure_after(fig, after):
        return
    if fig.kind != "fraction" and is_age(text, fig):
        fig.unit, fig.kind = "year", "measure"


def _read_money_after(text: str, fig: Figure, after: str, currency_hint: dict[str, str]) -> bool:
    """A currency written after the figure ("5 $", "300 USD", "50 rupees", "40 cents"): read, True."""
    u, pats = data("units"), _unit_patterns()
    if m := _SYMBOL_AFTER.match(after):
        fig.unit, fig.kind = u["currency_symbols"][m.group(1)], "money"
        fig.end = max(fig.end, fig.number_end + m.end())
        return True
    if m := pats["code_after"].match(after):
        fig.unit, fig.kind = m.group(1), "money"
        return True
    if m := pats["cword"].match(after):
        word = re.sub(r"\s+", " ", m.group(1).lower())
        weighed = _weighed(text, fig) or pats["paren_mass_after"].match(after, m.end())
        if word in u["weight_words"] and (weighed or _OF_A_GOOD.match(after, m.end())):
            fig.unit, fig.kind = u["weight_words"][word], "measure"  # "weighs 6.6 pounds", "pounds of rice"
        elif (code := _currency_word(m.group(1), currency_hint)) is not None:
            fig.unit, fig.kind = code, "money"
        else:
            return False  # "5,000 lari" in a story that names no country of the lari
        fig.end = max(fig.end, fig.number_end + m.end())
        return True
    if (m := pats["minor"].match(after) or pats["minor_word"].match(after)) and fig.kind == "digits":
        fig.unit, fig.kind, fig.minor_unit = u["currency_minor"][m.group(1).lower()], "money", True
        scale(fig, 0.01)
        fig.end = max(fig.end, fig.number_end + m.end())
        return True
    return False


def _read_measure_after(fig: Figure, after: str) -> bool:
    """A temperature or a measure written after the figure ("-5C", "12 km"): read, True."""
    if (temperature := _temperature_unit(after)) is not None:
        fig.unit, fig.kind = temperature, "measure"
        return True
    if m := _unit_patterns()["measure"].match(after):
        fig.unit, fig.kind = data("units")["measures"][re.sub(r"\s+", " ", m.group(1).lower())], "measure"
        fig.end = max(fig.end, fig.number_end + m.end())
        _restate_multiple(fig)
        return True
    if m := _GLUED_INCHES.match(after):  # "180mm (7in)": "in" glued to its number is inches, never "in"
        fig.unit, fig.kind = "inch", "measure"
        fig.end = max(fig.end, fig.number_end + m.end())
        return True
    return False


_GLUED_INCHES = re.compile(r"in\b(?![-'\u2019])")


# Every unit pattern read after a figure starts its word where white space and hyphens end (a percent,
# measure, currency or minor unit's word, "of" before a currency word, a currency symbol, a
# temperature's sign or word): the first run of letters there, or the character, says whether any can.
_FIRST_AFTER = re.compile(r"[\s-]*([A-Za-z]+|.)?", re.DOTALL)
# temperature words _TEMPERATURE reads with no sign before them ("40 Celsius"), and "deg", "degrees"
_TEMPERATURE_STARTS = ("cel", "fah", "far", "cent", "kel")


def _may_name_a_unit(after: str) -> bool:
    """False only if no unit pattern of read_unit can match `after` (the text after the figure): past
    white space and hyphens stands no character a unit's word starts with, or a run of letters that
    starts none of them (case aside; a text whose letters fold, lexicon.folds, may hold any)."""
    first = _FIRST_AFTER.match(after).group(1)  # type: ignore[union-attr]
    if first is None:
        return False
    if not first.isascii():
        return True
    if first.isalpha():
        word = first.lower()
        return word in _unit_starts() or word.startswith(("deg", *_TEMPERATURE_STARTS)) or folds(after)
    return first in _unit_starts()


@cache
def _unit_starts() -> frozenset[str]:
    """The first run of letters (lower-cased) of each word a unit pattern after a figure reads, or its
    first character if it starts with another; "c" and "f" of a bare "5C" temperature."""
    u = data("units")
    words = [
        *u["percent"],
        *u["basis_points"],
        *u["measures"],
        *currency_words(),
        *u["currency_codes"],
        *u["currency_minor"],
        *u["currency_symbols"],
        "of",
        "c",
        "f",
        "in",  # "7in", glued (_GLUED_INCHES)
        *u["measure_modifiers"],  # "16 consecutive years"
    ]
    return frozenset(_FIRST_AFTER.match(word).group(1).lower() for word in words)  # type: ignore[union-attr]


def _restate_multiple(fig: Figure) -> None:
    """'two decades' is 20 years: a unit the contract states in a smaller one."""
    multiple = data("units")["measure_multiples"].get(fig.unit)
    if multiple is not None:
        scale(fig, float(multiple["factor"]))
        fig.unit = multiple["unit"]


@cache
def _percent_change_before() -> re.Pattern[str]:
    verbs = words_pattern(data("units")["change_words"])
    return re.compile(
        rf"\b(?:{verbs})\b(?:\s+by)?\s+[-+\u2212]?\d+(?:\.\d+)?\s?(?:%|percent\b|per\s+cent\b|pc\b)\s+to\s+$",
        re.I,
    )


def _after_percent_change(text: str, fig: Figure) -> bool:
    """ "sales rose 8% to 4.7m": the new value of something that changed by a percentage is counted in
    millions, not a length."""
    return bool(_percent_change_before().search(text, max(0, fig.start - 60), fig.start))


def _things_after(after: str) -> bool:
    """ "300m vaccines", "5m homes": a plural noun counted by the millions ("the 400m hurdles" is a race)."""
    return plural_after(after, shortest=5, unless=data("units")["length_events"])


# "1.2 billion pounds of polyethylene", "500 pounds of rice": a good weighed, not money ("of sterling",
# "of taxpayers' money" are money)
_OF_A_GOOD = re.compile(
    r"\s+of\s+(?!sterling\b|(?:\w+['\u2019]?\s+){0,2}(?:money|cash|funding|funds|aid|debt)\b)[a-z]"
)


def _weighed(text: str, fig: Figure) -> bool:
    """A weight cue earlier in the figure's clause ("weighs 6.6 pounds", "a weight of 200 pounds"), or a
    mass the figure converts in a parenthesis ("a 20kg (44 pounds) bag")."""
    pats = _unit_patterns()
    return bool(
        pats["weight_cue"].search(text, max(0, fig.number_start - 40), fig.start)
        or pats["mass_then_paren"].search(text, max(0, fig.number_start - 30), fig.number_start)
    )


_AGE_BEFORE = re.compile(
    r"(?:[A-Z][\w'\u2019-]+,\s*(?:now\s+|then\s+)?|\b(?:then|aged|age|ages)\s+(?:of\s+)?(?:from\s+|between\s+)?)$"
)
_AGE_PAIR_BEFORE = re.compile(
    r"\b(?:aged|ages)\s+(?:of\s+)?(?:from\s+|between\s+)?(?:\w+\s*,\s*){0,4}\w+\s*(?:to|and|,|-|\u2013)\s*$"
)  # "ages 47 and 48", "aged 19, 34 and 52"
_GROUP_BEFORE_AGE = re.compile(
    r"\b(?:children|child|kids|boys|girls|babies|infants|adults|people|men|women|those|anyone)\s+(?:aged\s+)?$",
    re.I,
)
_AGE_RANGE_BEFORE = re.compile(r"\b(?:aged|ages\s+of|ages)\s*$")
_AGE_PAIR_AFTER = re.compile(r"^\s*(?:to|and|-|\u2013)\s*\d{1,3}\b")


_OR_OLDER_AFTER = re.compile(r"\s+(?:or|and)\s+(?:older|over|above|younger|under)\b", re.I)
_AGE_AFTER = re.compile(r"^\s*(?:,|\.(?!\d)|\)|;|$|and\b)")
_AGED_BEFORE = re.compile(
    r"\b(?:aged|age(?:\s+of)?)\s+$|\bthe\s+(?:eldest|oldest|youngest)\s+(?:is|was|being)\s+(?:just\s+|only\s+)?$"
    r"|\b(?:a|the)\s+(?:boy|girl|man|woman|child|teenager|son|daughter)\s+of\s+$",
    re.I,
)  # an age whatever follows: "a man aged 71 died", "the youngest is just 12"


@cache
def _person_before_age() -> re.Pattern[str]:
    """A singular person noun and a comma, as before an age in apposition: "the victim, 19,"."""
    nouns = words_pattern(data("casualties")["singular_people"])
    return re.compile(rf"\b(?:{nouns}),\s*(?:now\s+|then\s+)?$", re.I)


def is_age(text: str, fig: Figure) -> bool:
    """'Eric Kirkpatrick, 61, opened fire', 'Tsarnaev, then 19,', 'the driver, 45,', 'a man aged 71':
    a person's age."""
    top = fig.high if fig.qualifier == "range" and fig.high is not None else fig.value  # "aged 5 to 12"
    if fig.kind not in ("digits", "words") or not 0 < top < 125 or not float(top).is_integer():
        return False
    before = text[max(0, fig.start - 30) : fig.start]
    if fig.qualifier == "range":
        return bool(_AGE_RANGE_BEFORE.search(before))
    if fig.qualifier in ("less_than", "more_than", "at_most", "at_least") and _GROUP_BEFORE_AGE.search(
        before
    ):
        return True  # "children under five", "people over 65"
    if _AGE_PAIR_BEFORE.search(before):  # "ages 47 and 48", "aged from one to 12"
        return True
    if _AGE_BEFORE.search(before) and _AGE_PAIR_AFTER.match(text[fig.end : fig.end + 8]):
        return bool(re.search(r"\b(?:aged?|ages)\b", before))  # the first of "between the ages of 16 and 18"
    if _AGED_BEFORE.search(before) or _OR_OLDER_AFTER.match(text, fig.end):
        return True  # "a man aged 71", "the victims were 50 or older"
    after = text[fig.end : fig.end + 5]
    return bool(
        (_AGE_BEFORE.search(before) or _person_before_age().search(before)) and _AGE_AFTER.match(after)
    )


def _currency_word(word: str, hint: dict[str, str]) -> str | None:
    """The currency a word after a number names: its own, the one the document's countries pick, its
    default, or None (an ending such as "lari" in a story that names none of its countries)."""
    key = re.sub(r"\s+", " ", word.lower())
    entry = currency_words()[key]
    if isinstance(entry, str):
        return hint.get(key.rstrip("s"), entry) if key in _NAMED_BY_COMPOUNDS else entry
    return hint.get(key.rstrip("s"), entry.get("default"))


# Currency words a story may have named in full first: "400,000 Sudanese pounds ... now fetches 850,000
# pounds" counts the second in Sudanese pounds too
_NAMED_BY_COMPOUNDS = frozenset({"pound", "pounds"})


def currency_context(prose: str) -> dict[str, str]:
    """Which country's rupee: the country names a document mentions switch a currency word's default.

    Only for the currency words the document can hold: a hint is looked up by a word of the prose
    (lower-cased, a final s dropped), so a word whose stem the lower-cased prose does not contain is
    never looked up, and its countries are not searched for. A currency prefix's hint ("N" in a
    Nigerian story) is keyed by the prefix as written, after a space: `prefix_currency`."""
    hints: dict[str, str] = {}
    low = prose.lower()
    held = {stem for stem in _currency_stems() if stem in low}  # "peso" and "pesos": one scan
    for word, countries in _switches("currency_words"):
        stem = word.rstrip("s")
        if stem in held:
            _switch(hints, stem, countries, prose)
    opening = prose[: int(data("units")["dollar_opening"])]
    for place, code, forms in _dollar_places():
        if any(form in opening for form in forms) and place.search(opening):
            hints.setdefault(" $", code)  # "WINDSOR, Ont. -": the story's dollars are Canada's
            break
    for prefix, countries in _switches("currency_prefixes"):
        if prefix in prose:
            _switch(hints, f" {prefix}", countries, prose)
    if "pound" in low:
        _named_in_full(hints, low)
    return hints


def _named_in_full(hints: dict[str, str], low: str) -> None:
    """The first currency the story names in full with a word of `_NAMED_BY_COMPOUNDS` ("Sudanese
    pounds", "Egyptian pound") is the one its bare "pounds" count."""
    found = [(at, code) for name, code in _compound_names() if (at := low.find(name)) >= 0]
    if found:
        hints.setdefault("pound", min(found)[1])


@cache
def _compound_names() -> tuple[tuple[str, str], ...]:
    """Currency names of two words or more ending in a word of `_NAMED_BY_COMPOUNDS`, with their codes."""
    return tuple(
        (name, code)
        for name, code in currency_words().items()
        if isinstance(code, str) and " " in name and name.rsplit(" ", 1)[1] in _NAMED_BY_COMPOUNDS
    )


def _switch(hints: dict[str, str], key: str, countries: tuple[tuple[str, str], ...], prose: str) -> None:
    """The code of the country the prose names first, as the hint for `key`: a Kenyan story that
    mentions Uganda later still counts in Kenyan shillings."""
    named = [
        (at, code)
        for country, code in countries
        for form in (country, country.upper())  # a dateline's capitals: "LAHORE:"
        if (at := prose.find(form)) >= 0
    ]
    if named:
        hints.setdefault(key, min(named)[1])


@cache
def _currency_stems() -> tuple[str, ...]:
    """The distinct stems (a final s dropped) of the currency words a country decides."""
    return tuple(dict.fromkeys(word.rstrip("s") for word, _ in _switches("currency_words")))


@cache
def _dollar_places() -> tuple[tuple[re.Pattern[str], str, tuple[str, str]], ...]:
    """`dollar_places` as whole-word patterns, in lexicon order, compiled once, each with the two
    spellings it matches: a substring test for them spares most openings the search."""
    places = data("units")["dollar_places"].items()
    return tuple(
        (
            re.compile(rf"(?<![\w.])(?:{re.escape(place)}|{re.escape(place.upper())})(?!\w)"),
            code,
            (place, place.upper()),
        )
        for place, code in places
    )  # a dateline's capitals too: "OTTAWA -"


def prefix_currency(text: str, number_start: int, hint: dict[str, str]) -> tuple[str, int] | None:
    """A currency abbreviation right before a number ("N100m", "Sh1.2 billion", "Rp 3 trillion"):
    its code and where it starts, or None. A prefix whose entry is a dict counts only where the
    document names one of its countries (`currency_context`), else by its default if it has one."""
    m = _prefix_pattern().search(text, max(0, number_start - 8), number_start)
    if m is None:
        return None
    entry = data("units")["currency_prefixes"][m.group(1)]
    code = entry if isinstance(entry, str) else hint.get(f" {m.group(1)}", entry.get("default"))
    return (code, m.start(1)) if code else None


@cache
def _prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(data("units")["currency_prefixes"], key=len, reverse=True)
    return re.compile(rf"(?<![\w$€£¥])({'|'.join(map(re.escape, prefixes))})[\s\u00a0]?\Z")


@cache
def _switches(section: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(entry, ((country or word, code), ...)) for each entry of a units.yaml section (`currency_words`,
    `currency_prefixes`) whose country decides it, in lexicon order."""
    table = currency_words() if section == "currency_words" else data("units")[section]
    return tuple(
        (entry, tuple((country, code) for country, code in switch.items() if country != "default"))
        for entry, switch in table.items()
        if isinstance(switch, dict)
    )


def read_rare_unit(text: str, fig: Figure) -> None:
    """Rarer units from quantulum3's lexicon ("16.25 nanometers", "75ml"); else a bare number."""
    found = rare_unit(text[fig.number_end : fig.number_end + 40])
    if found is not None:
        fig.unit, fig.kind = found
    elif fig.kind in ("digits", "words", "group", "vague"):
        fig.kind = "bare"


def rare_unit(after: str) -> tuple[str, str] | None:
    """A unit from quantulum3's lexicon, named as pint names it."""
    m = re.match(r"^([\s\u00a0]?)([A-Za-z\u00b5][A-Za-z-]*)", after)
    if not m:
        return None
    spaced, word = bool(m.group(1)), m.group(2)
    if word.lower() in people_nouns() or word.lower() in not_units():
        return None
    surfaces, symbols = quantulum_units()
    symbol_ok = not spaced or not word.islower()  # "75ml", "5 MW"; a spaced lower-case "in" is a word
    name = (symbols.get(word) if symbol_ok else None) or (
        surfaces.get(word.lower()) if len(word) >= 4 else None
    )
    if name is None:
        return None
    canonical = unit_name(name)
    return (canonical, "measure") if canonical else None


_TEMPERATURE = re.compile(
    rf"^(?:[\s\u00a0]?(?:°|º|deg(?:rees?)?\.?)\s?|(?=[CF]\b)|[\s\u00a0](?=(?:{'|'.join(_TEMPERATURE_STARTS)})[a-z]+\b)"
    r"|[\s\u00a0](?=(?-i:[CF])(?:[\s\u00a0]*[.,;:)]|[\s\u00a0]+(?:by|on|in|at|and|with|for|overnight|today|tonight)\b)))"
    r"([A-Za-z]+)",
    re.I,
)  # "-22 C by Tuesday": a spaced capital C or F, then a stop or a preposition


def _temperature_unit(after: str) -> str | None:
    """'-5C', '40°F', '40 deg celsius', '12 degrees', 'minus 40 Celsius'."""
    m = _TEMPERATURE.match(after)
    if not m:
        return "degree" if re.match(r"^[\s\u00a0]?(?:°|degrees?)(?![A-Za-z])", after, re.I) else None
    return data("units")["temperature"].get(m.group(1).lower())


def inherit_conversion_qualifiers(text: str, figures: list[Figure]) -> None:
    """'about 15 meters (50 feet)': the figure in brackets restates the one before, hedges and all."""
    for prev, fig in zip(figures, figures[1:], strict=False):
        bracketed = _BRACKET_OPENS.fullmatch(text[prev.end : fig.start])
        if bracketed and fig.qualifier == "exact" and prev.qualifier not in ("exact", "range"):
            fig.qualifier = prev.qualifier
            set_bounds(fig)


def share_units(text: str, figures: list[Figure]) -> None:
    """'from six months to nine', 'from 4 to 8 dollars', 'three and four-year-olds': a bare
    figure joined to a measured or money figure by to/or/and shares its unit."""
    for a, b in zip(figures, figures[1:], strict=False):
        if not _JOINS.fullmatch(_gap_after_unit(text, a, b)):
            continue
        if a.kind in ("measure", "money") and b.unit is None and b.kind == "bare":
            b.unit, b.kind = a.unit, a.kind
            if a.minor_unit:
                scale(b, 0.01)
        elif b.kind in ("measure", "money") and a.unit is None and a.kind == "bare" and a.end == a.number_end:
            a.unit, a.kind = b.unit, b.kind
            if b.minor_unit:
                scale(a, 0.01)  # "from 40 to 50 cents"


_COMPARED_WITH = re.compile(
    r"^[^.;:()\[\]]{0,60}?(?:\b(?:up|down|rising|falling|rose|fell|increased|decreased)\s+from"
    r"|\bcompared\s+(?:with|to))\s+$",
    re.I,
)


_TO_BEFORE = re.compile(r"\bto\s*[$\u00a3\u20ac\u00a5\u20b9]?\s*$", re.I)
# a span of time a count is taken over: "in the past 12 months", "over the last three years"
_PERIOD_BEFORE = re.compile(
    r"\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:past|last|previous|first|next|preceding)\s+$", re.I
)
_FROM_BETWEEN = re.compile(r"^\s*(?:(?:a|per)\s+[a-z]+\s+)?from\s+$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
# between an old value and its new one: "from 212 to", "from 212 in 2022 to", "from 40 last year to"
_TO_BETWEEN = re.compile(r"^\s*(?:(?:in|on|at|during|by)\s+[\w-]+\s+|last\s+[a-z]+\s+|,\s*)?to\s+$", re.I)


def inherit_compared_units(text: str, figures: list[Figure]) -> None:
    """ "54 million people are online, up from 34 million", "rose to 1,200 afghanis from 800", "the
    number of drivers rose from 212 in 2022 to 265": the later figure of a comparison counts what the
    earlier one counts (its unit and, for people, its category)."""
    for a, b in zip(figures, figures[1:], strict=False):
        if b.unit is not None or b.kind != "bare" or a.unit is None:
            continue
        if _PERIOD_BEFORE.search(text, max(0, a.start - 30), a.start):
            continue  # "46 reports in the past 12 months, up from 38": the period, not what is compared
        if a.qualifier not in ("exact", "approx") and a.noun_end < 0:
            continue  # "436 homes over £1m sold, compared to 469": a bound with no noun is a threshold
        gap = text[a.noun_end if a.noun_end > 0 else a.end : b.start]
        new_then_old = _TO_BEFORE.search(text, max(0, a.start - 12), a.start) and _FROM_BETWEEN.match(gap)
        old_then_new = (
            b.noun_end < 0  # not "from 212 drivers to 265 vehicles"
            and _FROM_BEFORE.search(text, max(0, a.start - 8), a.start)
            and _TO_BETWEEN.match(gap)
        )
        if not (_COMPARED_WITH.match(gap) or new_then_old or old_then_new):
            continue  # not "rose to 1,200 afghanis from 800": the old value after "from" counts the same
        b.unit, b.kind = a.unit, a.kind
        if a.unit == "people" and b.category in ("other", "count"):
            b.category = a.category if a.category != "other" else "count"


def _gap_after_unit(text: str, a: Figure, b: Figure) -> str:
    gap = text[a.end : b.start]
    return (
        re.sub(r"^\s*[A-Za-z]+", "", gap, count=1) if a.kind == "measure" and a.end == a.number_end else gap
    )
