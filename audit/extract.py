"""Stage 3, extract: every numeric claim in the prose, with its bounds, unit and what it counts.

For each sentence: find number mentions (numbers.py), drop what is no figure (dates, times,
ordinals, identifiers, idioms), join ranges, read the qualifier before and the unit after,
then decide what the figure counts from the casualty vocabulary around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from audit import numbers
from audit.lexicon import data, quantulum_units, unit_name, words_pattern
from audit.model import Claim, Document, Sentence
from audit.numbers import Mention

WINDOW = 60  # characters of context read on each side of a figure


@dataclass
class Figure:
    """A figure being built, offsets relative to its sentence."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str | None = None
    kind: str = "bare"
    step: float | None = None
    category: str = "other"
    cue: str | None = None
    subject: str | None = None
    noun_end: int = -1  # end of the counted noun ("3,000 casualties"), if any
    mention: Mention | None = field(default=None, repr=False)


def extract(doc: Document) -> list[Claim]:
    """Claims for every sentence of `doc`, numbered c1, c2, ... in document order."""
    claims: list[Claim] = []
    currency_hint = _currency_context(doc.prose)
    for sentence in doc.sentences:
        for fig in sentence_figures(sentence.text, currency_hint):
            claims.append(_to_claim(doc, sentence, fig, f"c{len(claims) + 1}"))
    return claims


def sentence_figures(text: str, currency_hint: dict[str, str] | None = None) -> list[Figure]:
    """The figures of one sentence, in order."""
    figures: list[Figure] = []
    for mention in numbers.find(text):
        if not _is_figure(text, mention):
            continue
        figures.append(
            Figure(
                mention.start,
                mention.end,
                mention.start,
                mention.end,
                mention.value,
                mention.value,
                mention.value,
                kind=mention.kind,
                step=mention.step,
                mention=mention,
            )
        )
    figures = _join_ranges(text, figures)
    for fig in figures:
        _read_qualifier(text, fig)
        _read_unit(text, fig, currency_hint or {})
    figures = [f for f in figures if _keep(text, f)]
    for fig in figures:
        _read_category(text, fig, figures)
    _inherit_categories(text, figures)
    _inherit_conversion_qualifiers(text, figures)
    _share_units(text, figures)
    return figures


# ---------------------------------------------------------------- not figures


@cache
def _months() -> frozenset[str]:
    return frozenset(data("notclaims")["months"])


@cache
def _identifier_words() -> frozenset[str]:
    return frozenset(data("notclaims")["identifier_before"])


@cache
def _notclaims() -> dict[str, re.Pattern[str]]:
    nc = data("notclaims")
    return {
        "idioms": re.compile(rf"\b(?:{words_pattern(nc['idioms'])})\b", re.IGNORECASE),
        "time": re.compile(rf"\s?(?:{words_pattern(nc['time_words'])})(?![A-Za-z])", re.IGNORECASE),
    }


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)[\s\u00a0]*$")
_WORD_AFTER = re.compile(r"^[\s\u00a0]*([A-Za-z][A-Za-z']*\.?)")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)


def _is_figure(text: str, m: Mention) -> bool:
    """False for what only looks like a figure: dates, times, ordinals, identifiers, idioms."""
    before, after = text[max(0, m.start - WINDOW) : m.start], text[m.end : m.end + WINDOW]
    raw = text[m.start : m.end]
    if m.kind == "digits" and (
        _is_digit_artifact(before, raw, after, m)
        or _is_label(before, after, m)
        or _is_date(before, raw, after, m)
    ):
        return False
    if m.kind == "words" and _is_capitalised_name(before, raw, after):
        return False
    idiom = m.kind != "digits" and _inside_idiom(text, m)  # idioms are spelled out ("one another")
    return not (_follows_identifier_word(before, m) or idiom)


def _is_capitalised_name(before: str, raw: str, after: str) -> bool:
    """'BBC Five Live', 'the Group of Eight': a capitalised number word inside a sentence is a name."""
    if not raw[:1].isupper() or not re.search(r"[A-Za-z,]\s+$", before):
        return False
    return not _counted_after(after) and not re.match(r"\s*(?:of|%|per)\b", after)


def _is_digit_artifact(before: str, raw: str, after: str, m: Mention) -> bool:
    """Ordinals (1st), slashes and colons (9/11, 10:30), glued letters (G7, P95, F-16, file_18),
    clock times (0800, 4pm) and decades (the 1990s)."""
    return bool(
        _ORDINAL.match(after)
        or re.match(r"[:/]\d", after)
        or re.search(r"\d[:/]$", before)
        or (re.match(r"[A-Za-z]", after) and not m.suffix and not _unit_glued(after))
        or re.search(r"(?:[A-Za-z_]|[A-Za-z]-)$", before)
        or after[:1] == "_"
        or re.match(r"0\d{3}$", raw)
        or (re.match(r"s\b", after) and m.value >= 1000)
        or _notclaims()["time"].match(after)
    )


def _follows_identifier_word(before: str, m: Mention) -> bool:
    """'Flight 370', 'No. 10', 'Route 66': a number used as a name."""
    wb = _WORD_BEFORE.search(before)
    if wb is None or m.kind not in ("digits", "words"):
        return False
    return wb.group(1).lower().rstrip(".") in _identifier_words()


def _unit_glued(after: str) -> bool:
    """'15km', '9mm', '4p', '10am' (the last one is a time, caught elsewhere)."""
    word = re.match(r"[A-Za-z]+", after)
    if not word:
        return False
    w = word.group(0).lower()
    units = data("units")
    return (
        w in units["measures"]
        or w in units["currency_minor"]
        or w in ("am", "pm", "c", "f")
        or word.group(0) in quantulum_units()[1]
    )


def _is_date(before: str, raw: str, after: str, m: Mention) -> bool:
    months = _months()
    wb = _WORD_BEFORE.search(before)
    wa = _WORD_AFTER.match(after)
    prev = wb.group(1).lower().rstrip(".") if wb else ""
    nxt = wa.group(1).lower().rstrip(".") if wa else ""
    if "," not in raw and "." not in raw and m.value == int(m.value):
        if 1 <= m.value <= 31 and (prev in months or nxt in months):
            return True
        if re.match(r"\d{4}$", raw) and 1500 <= m.value <= 2099:
            return not _counted_after(after)
        if re.match(r"^[\s]*[-\u2013/]\s*\d{2}\b", after) and re.match(r"\d{4}$", raw):
            return True
        if re.search(r"\b(?:1[5-9]|20)\d\d[-\u2013/]$", before) and len(raw) <= 2:
            return True  # the "14" of 2013-14, the "01" of 1995-01
    if re.match(r"^,?\s*(?:19|20)\d\d\b", after) and prev in months:
        return True
    # "30, 2013": a day before a year, after a month the segmenter may have cut off
    return bool(re.match(r"^,\s*(?:1[5-9]|20)\d\d\b", after)) and 1 <= m.value <= 31 and "," not in raw


def _is_label(before: str, after: str, m: Mention) -> bool:
    """'Radio 4', 'Apollo 11', 'Terminal 5': a capitalised name with a bare integer after it."""
    wb = re.search(r"[^\W\d_][,]?\s([A-Z][a-z]+)\s$", before)
    if not wb or "," in before[-3:] or not float(m.value).is_integer() or m.suffix:
        return False
    word = wb.group(1).lower()
    if word in _months() or word in _people_nouns():
        return False
    if word in data("numbers")["qualifiers_before"]:
        return False
    return not _counted_after(after) and not re.match(r"\s*(?:%|per\b|percent|-)", after)


def _counted_after(after: str) -> bool:
    """'1500 troops', '2000 people': a year-like number that is counting something."""
    wa = _WORD_AFTER.match(after)
    if not wa:
        return bool(re.match(r"\s*%", after))
    w = wa.group(1).lower()
    return w in _people_nouns() or w in data("units")["measures"] or w in ("percent", "per")


def _inside_idiom(text: str, m: Mention) -> bool:
    lo, hi = max(0, m.start - 20), min(len(text), m.end + 30)
    for im in _notclaims()["idioms"].finditer(text, lo, hi):
        if im.start() <= m.start and m.end <= im.end():
            return True
    return False


# ---------------------------------------------------------------- ranges


_RANGE_GAP = re.compile(r"^\s*(?:-|\u2013|\u2014|-?\s*to|or|and)\s*$", re.IGNORECASE)


def _join_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs) and _is_range(text, a, figs[i + 1]):
            b = figs[i + 1]
            between = re.search(r"\bbetween\s+(?:\S+\s+){0,1}$", text[max(0, a.start - 20) : a.start], re.I)
            start = a.start - len(between.group(0)) if between else a.start
            lo, hi = a.value, b.value
            if b.mention and a.mention and b.mention.value >= 1000 and a.value < b.value / 100:
                lo = a.value * (b.value / b.mention.value if b.mention.kind == "digits" else 1)
            out.append(
                Figure(
                    start,
                    b.end,
                    a.number_start,
                    b.number_end,
                    (lo + hi) / 2,
                    lo,
                    hi,
                    "range",
                    kind=a.kind,
                    step=min(a.step or 1, b.step or 1),
                    mention=a.mention,
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _is_range(text: str, a: Figure, b: Figure) -> bool:
    gap = text[a.end : b.start]
    gm = re.match(r"^(\s*%?\s*)", gap)
    unit_gap = gap[len(gm.group(1)) :] if gm and "%" in gap else gap
    if not _RANGE_GAP.match(unit_gap):
        return False
    word = unit_gap.strip().lower()
    before = text[max(0, a.start - 25) : a.start].lower()
    if word == "and" and not re.search(r"\bbetween\s+(?:\S+\s+)?$", before):
        return False
    if word == "to" and re.search(
        r"\b(?:from|rose|fell|increased|decreased|up|down|cut|raised)\s+(?:\S+\s+)?$", before
    ):
        return False
    if word == "or" and a.kind != b.kind:
        return False
    if a.kind in ("vague", "fraction") or b.kind in ("vague", "fraction"):
        return False
    return a.value < b.value or (b.mention is not None and b.mention.value > a.value)


# ---------------------------------------------------------------- qualifiers


@cache
def _qualifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    nums = data("numbers")
    before, after = nums["qualifiers_before"], nums["qualifiers_after"]
    pb = re.compile(rf"\b({words_pattern(before)})\s*(?:US\$|[A-Z]?\$|£|€|¥)?$", re.IGNORECASE)
    pa = re.compile(rf"^(?:\s+|-)({words_pattern(after)})\b", re.IGNORECASE)
    return pb, pa, before, after


def _read_qualifier(text: str, fig: Figure) -> None:
    if fig.qualifier == "range":
        return
    pb, pa, before, after = _qualifier_patterns()
    if fig.mention and fig.mention.qualifier:
        fig.qualifier = fig.mention.qualifier
    head = text[max(0, fig.start - 30) : fig.start]
    m = pb.search(head)
    if m and not re.search(r"\b(?:all|each)\s+$", head[: m.start()]):
        q = before[re.sub(r"\s+", " ", m.group(1).lower())]
        if not (
            m.group(1).lower() in ("over", "under", "above", "below") and _is_prep_use(head[: m.start()])
        ):
            fig.qualifier = q
            fig.start -= len(head) - m.start()
    m = pa.match(text[fig.end : fig.end + 20])
    if m and fig.qualifier in ("exact", "approx"):  # "about 500 or more" is at least 500
        fig.qualifier = after[re.sub(r"\s+", " ", m.group(1).lower())]
    _set_bounds(fig)


def _is_prep_use(head: str) -> bool:
    """'over 20 years' after a verb of motion or 'fell' reads as a qualifier; after 'from' it does not."""
    return bool(re.search(r"\b(?:from|to|of)\s*$", head))


def _set_bounds(fig: Figure) -> None:
    v, q = fig.value, fig.qualifier
    if q == "range":
        return
    fig.low, fig.high = {
        "exact": (v, v),
        "approx": (None, None),
        "at_least": (v, None),
        "more_than": (v, None),
        "at_most": (None, v),
        "less_than": (None, v),
    }[q]


# ---------------------------------------------------------------- units


@cache
def _unit_patterns() -> dict[str, re.Pattern[str]]:
    u = data("units")
    measures: dict[str, str] = u["measures"]
    percent: dict[str, str] = u["percent"]
    cwords: dict[str, object] = u["currency_words"]
    return {
        "percent": re.compile(rf"^[\s\u00a0]*(?:-\s*)?({words_pattern(list(percent))})(?![A-Za-z])", re.I),
        "measure": re.compile(rf"^(?:[\s\u00a0]*|-)({words_pattern(list(measures))})(?![A-Za-z])", re.I),
        "cword": re.compile(rf"^(?:[\s\u00a0]*|-)(?:of\s+)?({words_pattern(list(cwords))})\b", re.I),
        "code_after": re.compile(rf"^[\s\u00a0]*({'|'.join(u['currency_codes'])})\b"),
        "code_before": re.compile(rf"\b({'|'.join(u['currency_codes'])})[\s\u00a0]?$"),
        "symbol": re.compile(rf"({words_pattern(list(u['currency_symbols']))})[\s\u00a0]?$"),
        "minor": re.compile(rf"^({words_pattern(list(u['currency_minor']))})(?![A-Za-z])", re.I),
        "minor_word": re.compile(r"^[\s\u00a0]+(pence|cents?)\b", re.I),
    }


def _read_unit(text: str, fig: Figure, currency_hint: dict[str, str]) -> None:
    u, pats = data("units"), _unit_patterns()
    after = text[fig.number_end : fig.number_end + 40]
    head = text[max(0, fig.number_start - 8) : fig.number_start]
    if m := pats["symbol"].search(head):
        fig.unit, fig.kind = u["currency_symbols"][m.group(1)], "money"
        fig.start = min(fig.start, fig.number_start - len(head) + m.start())
    elif m := pats["code_before"].search(head):
        fig.unit, fig.kind = m.group(1), "money"
    if fig.unit is None and (m := pats["percent"].match(after)):
        fig.unit = u["percent"][re.sub(r"\s+", " ", m.group(1).lower())]
        fig.kind = fig.unit
        fig.end = max(fig.end, fig.number_end + m.end())
        return
    if fig.kind == "money":
        return
    if m := re.match(r"^[\s\u00a0]?([$€£¥])(?![\d$€£¥])", after):
        fig.unit, fig.kind = u["currency_symbols"][m.group(1)], "money"
        fig.end = max(fig.end, fig.number_end + m.end())
        return
    if m := pats["code_after"].match(after):
        fig.unit, fig.kind = m.group(1), "money"
        return
    if m := pats["cword"].match(after):
        fig.unit, fig.kind = _currency_word(m.group(1), currency_hint), "money"
        fig.end = max(fig.end, fig.number_end + m.end())
        return
    if (m := pats["minor"].match(after) or pats["minor_word"].match(after)) and fig.kind == "digits":
        fig.unit, fig.kind = u["currency_minor"][m.group(1).lower()], "money"
        _scale(fig, 0.01)
        fig.end = max(fig.end, fig.number_end + m.end())
        return
    if fig.mention and fig.mention.suffix == "m" and not _counted_after(after):  # "3M" is a million
        _scale(fig, 1e-6)  # a bare "100m" is a length, not a million
        fig.unit, fig.kind = "meter", "measure"
        return
    if (temperature := _temperature_unit(after)) is not None:
        fig.unit, fig.kind = temperature, "measure"
        return
    if m := pats["measure"].match(after):
        fig.unit, fig.kind = u["measures"][re.sub(r"\s+", " ", m.group(1).lower())], "measure"
        fig.end = max(fig.end, fig.number_end + m.end())
        return
    if fig.kind == "fraction":
        return
    if _is_age(text, fig):
        fig.unit, fig.kind = "year", "measure"
        return
    if _read_people(text, fig):
        return
    if (qu := _quantulum_unit(after)) is not None:
        fig.unit, fig.kind = qu
    elif fig.kind in ("digits", "words", "group", "vague"):
        fig.kind = "bare"


_AGE_BEFORE = re.compile(r"(?:[A-Z][\w'\u2019-]+,\s*|\b(?:then|aged|age|ages)\s+)$")
_AGE_AFTER = re.compile(r"^\s*(?:,|\.(?!\d)|\)|;|$|and\b)")


def _is_age(text: str, fig: Figure) -> bool:
    """'Eric Kirkpatrick, 61, opened fire', 'Tsarnaev, then 19,': a person's age."""
    if fig.kind not in ("digits", "words") or not 0 < fig.value < 125 or not float(fig.value).is_integer():
        return False
    before = text[max(0, fig.start - 30) : fig.start]
    return bool(_AGE_BEFORE.search(before) and _AGE_AFTER.match(text[fig.end : fig.end + 5]))


def _scale(fig: Figure, factor: float) -> None:
    fig.value = numbers._clean(fig.value * factor)
    fig.low = None if fig.low is None else numbers._clean(fig.low * factor)
    fig.high = None if fig.high is None else numbers._clean(fig.high * factor)
    fig.step = None if fig.step is None else fig.step * factor


def _currency_word(word: str, hint: dict[str, str]) -> str:
    entry = data("units")["currency_words"][re.sub(r"\s+", " ", word.lower())]
    if isinstance(entry, str):
        return entry
    return hint.get(word.lower().rstrip("s"), entry["default"])


def _currency_context(prose: str) -> dict[str, str]:
    """Which country's rupee: the country names a document mentions switch a currency word's default."""
    hints: dict[str, str] = {}
    for word, entry in data("units")["currency_words"].items():
        if isinstance(entry, dict):
            for country, code in entry.items():
                if country != "default" and country in prose:
                    hints.setdefault(word.rstrip("s"), code)
    return hints


def _quantulum_unit(after: str) -> tuple[str, str] | None:
    """Rarer units from quantulum3's lexicon ("16.25 nanometers", "75ml"), named as pint names them."""
    m = re.match(r"^([\s\u00a0]?)([A-Za-z\u00b5][A-Za-z-]*)", after)
    if not m:
        return None
    spaced, word = bool(m.group(1)), m.group(2)
    if word.lower() in _people_nouns() or word.lower() in _not_units():
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


@cache
def _not_units() -> frozenset[str]:
    return frozenset(data("units")["not_units"])


_TEMPERATURE = re.compile(r"^(?:[\s\u00a0]?(?:°|º|deg(?:rees?)?\.?)\s?|(?=[CF]\b))([A-Za-z]+)", re.I)


def _temperature_unit(after: str) -> str | None:
    """'-5C', '40°F', '40 deg celsius', '12 degrees'."""
    m = _TEMPERATURE.match(after)
    if not m:
        return "degree" if re.match(r"^[\s\u00a0]?(?:°|degrees?)(?![A-Za-z])", after, re.I) else None
    return data("units")["temperature"].get(m.group(1).lower())


# ---------------------------------------------------------------- what is counted


@cache
def _people_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in data("casualties")["people_nouns"])


@cache
def _modifier_stops() -> frozenset[str]:
    return frozenset(data("casualties")["modifier_stops"])


_TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*|[^\sA-Za-z\d]")


def _read_people(text: str, fig: Figure) -> bool:
    """'15 Iraqi soldiers', '2,700 others', 'eight of the jurors': a head-count, its noun and subject."""
    pos = fig.end
    tokens = [t for t in _TOKEN.finditer(text, pos, min(len(text), pos + 80))][:7]
    modifiers, skip_of = 0, True
    for t in tokens:
        w = t.group(0)
        lw = w.lower().replace("\u2019", "'")
        if lw in _people_nouns() or (lw.endswith("'s") and lw[:-2] in _people_nouns()):
            if modifiers and lw in ("dead", "casualties"):
                return False
            fig.unit, fig.kind, fig.noun_end = "people", "count", t.end()
            generic = lw in ("people", "others", "persons", "dead", "casualties", "lives")
            phrase = re.sub(
                r"^\s*of\s+(?:(?:the|her|his|their|our|its|those|these)\s+)?", "", text[pos : t.end()]
            )
            fig.subject = None if generic else phrase.strip(" -")
            return True
        if skip_of and lw == "of":
            skip_of = False
            continue
        if not skip_of and lw in _DETERMINERS and modifiers == 0:
            continue
        if not w[0].isalpha() or lw in _modifier_stops() or modifiers >= 3:
            return False
        modifiers += 1
        skip_of = False
    return False


_DETERMINERS = frozenset({"the", "her", "his", "their", "our", "its", "those", "these", "my", "your", "whom"})


def _keep(text: str, fig: Figure) -> bool:
    """'one' and 'a' numbers only count when something is counted by them."""
    m = fig.mention
    raw = text[fig.number_start : fig.number_end].lower()
    if m and m.kind == "words" and m.value == 1 and raw in ("one",) and fig.qualifier == "exact":
        return (
            fig.unit is not None
            and fig.unit != "people"
            or _casualty_before(text, fig) is not None
            or (fig.unit == "people" and fig.subject is not None)
        )
    if m and m.kind == "fraction" and raw.lower() == "half" and fig.unit is None:
        return bool(re.match(r"^\s+(?:of|a|an|the)\b", text[fig.end : fig.end + 6], re.I))
    return True


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    cas = data("casualties")
    after_alts, before_alts = [], []
    for cat, words in cas["after_cues"].items():
        after_alts.append(f"(?P<{cat}>{words_pattern(words)})")
    for cat, words in cas["before_cues"].items():
        before_alts.append(f"(?P<{cat}>{words_pattern(words)})")
    return {
        "after": re.compile(rf"\b(?:{'|'.join(after_alts)})\b", re.I),
        "before": re.compile(rf"\b(?:{'|'.join(before_alts)})\s*$", re.I),
        "breaks": re.compile(rf"\b(?:{words_pattern(cas['clause_breaks'])})\b|[;:()\u2014]|\s-\s", re.I),
        "leave": re.compile(rf"\b(?:{words_pattern(cas['leave_verbs'])})\s*$", re.I),
    }


_QUALIFIER_OR_DET = re.compile(
    r"(?:\b(?:the|a|an|another|other|more|some|of|at least|more than|nearly|about|"
    r"around|up to|over|almost|as many as|an estimated|estimated)\s+)*$",
    re.I,
)


_HARMED_NOUNS = {
    "dead": "killed",
    "killed": "killed",
    "victims": "killed",
    "injured": "wounded",
    "wounded": "wounded",
    "casualties": "casualties",
    "missing": "missing",
    "displaced": "displaced",
}
_OF_THE_HARMED = re.compile(rf"\b(?:of|among)\s+the\s+({'|'.join(_HARMED_NOUNS)})\s*,?[^.;:]{{0,80}}$", re.I)


_NUMBER_OF_HARMED = re.compile(
    rf"\b(?:number|count|tally|total)\s+of\s+(?:people\s+)?({'|'.join(_HARMED_NOUNS)})\b[^.;:]{{0,60}}$", re.I
)


def _casualty_before(text: str, fig: Figure) -> tuple[str, str] | None:
    """An active cue right before the figure: 'killing 12', 'wounded at least 22 others'."""
    raw_head = text[max(0, fig.start - 50) : fig.start]
    dets = _QUALIFIER_OR_DET.search(raw_head)  # always matches: it may match nothing
    head = raw_head[: dets.start()] if dets else raw_head
    before = _cue_patterns()["before"]
    m = before.search(head) or before.search(raw_head)
    if m:
        return m.lastgroup or "other", m.group(0).strip()
    of_the = _OF_THE_HARMED.search(text[: fig.start]) or _NUMBER_OF_HARMED.search(text[: fig.start])
    if of_the:
        return _HARMED_NOUNS[of_the.group(1).lower()], of_the.group(0).strip(" ,")
    toll = re.search(
        r"\b(death|casualty|injury)\s+toll\b[^.;]{0,40}?\b(?:to|at|of|is|was|reached|hit|stands at|"
        r"stood at|climbed to|rose to)\s*$",
        head,
        re.I,
    )
    if toll:
        return {"death": "killed", "casualty": "casualties", "injury": "wounded"}[
            toll.group(1).lower()
        ], toll.group(0)
    return None


def _read_category(text: str, fig: Figure, figures: list[Figure]) -> None:
    if fig.unit not in (None, "people") or fig.kind in ("fraction",):
        return
    before = _casualty_before(text, fig)
    after = _casualty_after(text, fig, figures)
    # "left 24 others wounded": after a leave verb the cue comes after the figure
    leave = _cue_patterns()["leave"].search(text[max(0, fig.start - 12) : fig.start])
    chosen = (after or before) if leave else (before or after)
    if chosen is None:
        if fig.unit == "people":
            fig.category = "count"
        return
    fig.category, fig.cue = chosen
    fig.unit = "people"
    if fig.kind in ("bare", "digits", "words", "group", "vague"):
        fig.kind = "count"


def _casualty_after(text: str, fig: Figure, figures: list[Figure]) -> tuple[str, str] | None:
    """A cue after the figure in its clause: '3,000 casualties', '300 soldiers had been killed'."""
    start = fig.noun_end if fig.noun_end > 0 else fig.end
    limit = min(len(text), start + 90)
    if head := _head_noun().match(text, fig.end, limit):
        word = head.group(1).lower()
        return _head_nouns()[word], word
    tail = text[start:limit]
    if stop := _cue_patterns()["breaks"].search(tail):
        tail = tail[: stop.start()]
    if fig.noun_end < 0 and _counts_things(text[fig.end : fig.end + 30]):
        return None
    m = _cue_patterns()["after"].search(tail)
    if (
        not m
        or _cue_belongs_to_next(text, fig, figures, start + m.start())
        or _is_active_with_object(tail, m)
    ):
        return None
    return m.lastgroup or "other", m.group(0)


def _counts_things(after: str) -> bool:
    """'700 websites', '300 buildings': a plural noun that names no people follows the figure."""
    m = re.match(r"\s+([a-z]{4,})\b", after)
    if not m:
        return False
    word = m.group(1)
    plural = word.endswith("s") and not word.endswith("ss")
    return plural and word not in _people_nouns() and word not in _head_nouns()


@cache
def _head_nouns() -> dict[str, str]:
    return {word.lower(): cat for word, cat in data("casualties")["head_nouns"].items()}


@cache
def _head_noun() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:[A-Za-z'-]+\s+){{0,2}}?({words_pattern(list(_head_nouns()))})\b", re.I)


_OBJECT_AFTER = re.compile(
    r"\s*(?:the|a|an|\d|one|two|three|four|five|six|seven|eight|nine|ten|at least|more than|some|about)\b",
    re.I,
)
_AUXILIARY_BEFORE = re.compile(r"\b(?:were|was|been|are|is|being|be)\s+(?:\w+\s+)?$", re.I)


def _cue_belongs_to_next(text: str, fig: Figure, figures: list[Figure], cue_at: int) -> bool:
    """Another figure stands between this one and the cue: the cue is that figure's, unless
    the two are coordinated ("eight women and four men injured")."""
    nxt = next((f for f in figures if f.start >= fig.end and f is not fig), None)
    if nxt is None or cue_at <= nxt.start:
        return False
    return nxt.noun_end < 0 and not re.match(r"^\s*(?:[A-Za-z'-]+\s+){0,2}$", text[nxt.end : cue_at])


def _is_active_with_object(tail: str, m: re.Match[str]) -> bool:
    """'three gunmen killed two guards': the verb is active and has its own object."""
    return bool(_OBJECT_AFTER.match(tail, m.end())) and not _AUXILIARY_BEFORE.search(tail[: m.start()])


def _inherit_categories(text: str, figures: list[Figure]) -> None:
    """A figure with nothing of its own takes the category of the harmed figure before it:
    '55 injured, five of them critically', 'killed 170,000 here and tens of thousands more'."""
    for prev, fig in zip(figures, figures[1:], strict=False):
        if fig.category not in ("other", "count") or prev.category in ("other", "count"):
            continue
        if fig.kind == "fraction" or fig.unit not in (None, "people"):
            continue
        after = text[fig.end : fig.end + 16]
        more = re.fullmatch(r"[^.;:,]{0,40}\band\s+", text[prev.end : fig.start]) and re.match(
            r"\s+(?:more|others|other)\b", after, re.I
        )
        of_them = re.match(r"\s+of\s+(?:them|those|whom|these)\b", after, re.I)
        if more or of_them:
            fig.category, fig.unit, fig.kind = prev.category, "people", "count"
            fig.cue = "and more" if more else "of them"


def _inherit_conversion_qualifiers(text: str, figures: list[Figure]) -> None:
    """'about 15 meters (50 feet)': the figure in brackets restates the one before, hedges and all."""
    for prev, fig in zip(figures, figures[1:], strict=False):
        bracketed = re.fullmatch(r"\s*[(\[]\s*(?:US\$|[A-Z]?\$|£|€|¥)?", text[prev.end : fig.start])
        if bracketed and fig.qualifier == "exact" and prev.qualifier not in ("exact", "range"):
            fig.qualifier = prev.qualifier
            _set_bounds(fig)


def _share_units(text: str, figures: list[Figure]) -> None:
    """'from six months to nine', 'from 4 to 8 dollars', 'three and four-year-olds': a bare
    figure joined to a measured or money figure by to/or/and shares its unit."""
    for a, b in zip(figures, figures[1:], strict=False):
        if not re.fullmatch(r"\s*(?:to|or|and|-|\u2013)\s*", _gap_after_unit(text, a, b)):
            continue
        if a.kind in ("measure", "money") and b.unit is None and b.kind == "bare":
            b.unit, b.kind = a.unit, a.kind
        elif b.kind in ("measure", "money") and a.unit is None and a.kind == "bare" and a.end == a.number_end:
            a.unit, a.kind = b.unit, b.kind


def _gap_after_unit(text: str, a: Figure, b: Figure) -> str:
    gap = text[a.end : b.start]
    return (
        re.sub(r"^\s*[A-Za-z]+", "", gap, count=1) if a.kind == "measure" and a.end == a.number_end else gap
    )


# ---------------------------------------------------------------- claims


def _to_claim(doc: Document, sentence: Sentence, fig: Figure, claim_id: str) -> Claim:
    start, end = sentence.start + fig.start, sentence.start + fig.end
    if fig.noun_end > 0 and fig.category in ("casualties",):
        end = max(end, sentence.start + fig.noun_end)
    line, column = doc.position(start)
    return Claim(
        id=claim_id,
        text=doc.source[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        value=fig.value,
        low=fig.low,
        high=fig.high,
        qualifier=fig.qualifier,  # type: ignore[arg-type]
        unit=fig.unit,
        category=fig.category,  # type: ignore[arg-type]
        subject=fig.subject,
        sentence=sentence.index,
        number_start=sentence.start + fig.number_start,
        number_end=sentence.start + fig.number_end,
        kind=fig.kind,
        cue=fig.cue,
        step=fig.step,
    )


__all__ = ["Figure", "extract", "sentence_figures", "replace"]
