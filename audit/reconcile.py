"""Cross-document reconciliation: the same toll across an archive of articles.

Within one article a figure may look single-sourced; across the archive the question is
how many independent originators stand behind it. This module does two things:

- per document (run inside the corpus pipeline, on either engine): `claim_context` reads
  the place words, time words and correction cues of a claim's sentence;
- after all documents: `reconcile` groups casualty claims that state the same quantity
  about the same event and grades each group corroborated / single-source / contested.

Grouping is explicit and conservative (the rules are in audit/data/reconcile.yaml):
same category, same subject key, a shared place phrase (from the sentence, else the
article's lede, else only within the document), no different years or months named, and
publication dates within `window_days`. Within a group, figures agree when their values
are within rounding; two figures conflict when their bounds cannot both hold and they
were published within `conflict_window_days` of each other.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from audit.lexicon import data
from audit.model import HARM_CATEGORIES, Claim, Document, Grade, Sentence

# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    place: re.Pattern[str]
    not_places: frozenset[str]
    time: re.Pattern[str]  # groups: year, month, weekday, relative
    month_numbers: dict[str, int]
    correction: re.Pattern[str]
    lede_sentences: int
    generic_subjects: frozenset[str]
    subject_stopwords: frozenset[str]
    window: timedelta
    conflict_window: timedelta
    max_ratio: float
    unnamed_originators: frozenset[str]
    exact_rounding_from: float
    cumulative: frozenset[str]


MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """One regex alternation of `words`, longest first, any run of spaces between words."""
    ordered = sorted({str(w) for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def lexicon() -> Lexicon:
    """The reconciliation lexicon of audit/data/reconcile.yaml, compiled once."""
    raw: dict[str, Any] = data("reconcile")
    cap = r"[A-Z][\w'\u2019.-]*"
    place = re.compile(
        rf"\b(?i:{alternation(raw['place_prepositions'])})\s+"
        rf"(?:(?:{alternation(raw['place_fillers'])})\s+){{0,3}}"
        rf"({cap}(?:[ \t\u00a0]+{cap}){{0,3}})"
    )
    months = {str(k): int(v) for k, v in raw["months"].items()}
    ambiguous = set(raw["ambiguous_months"])
    plain = [m for m in months if m not in ambiguous]
    guarded = alternation(m.capitalize() for m in ambiguous)
    time = re.compile(
        r"\b(?P<year>(?:1[89]|20)\d\d)\b"
        rf"|\b(?P<month>{alternation(m.capitalize() for m in plain)})\b"
        rf"|\b(?P<guarded>{guarded})\b(?=\.?\s+(?:\d{{1,2}}\b|(?:1[89]|20)\d\d\b))"
        rf"|(?<=\d\s)(?P<after_day>{guarded})\b"
        rf"|\b(?P<weekday>{alternation(w.capitalize() for w in raw['weekdays'])})\b"
        rf"|\b(?P<relative>(?i:{alternation(raw['relative_days'])}))\b"
    )
    return Lexicon(
        place=place,
        not_places=frozenset(str(w) for w in raw["not_places"]),
        time=time,
        month_numbers=months,
        correction=re.compile(rf"\b(?:{alternation(raw['correction_cues'])})\b", re.IGNORECASE),
        lede_sentences=int(raw["lede_sentences"]),
        generic_subjects=frozenset(str(w) for w in raw["generic_subjects"]),
        subject_stopwords=frozenset(str(w) for w in raw["subject_stopwords"]),
        window=timedelta(days=float(raw["window_days"])),
        conflict_window=timedelta(days=float(raw["conflict_window_days"])),
        max_ratio=float(raw["max_ratio"]),
        unnamed_originators=frozenset(str(w) for w in raw["unnamed_originators"]),
        exact_rounding_from=float(raw["exact_rounding_from"]),
        cumulative=frozenset(str(w) for w in raw["cumulative_categories"]),
    )


# ---------------------------------------------------------------- per document


@dataclass(frozen=True)
class ClaimContext:
    """What a claim's sentence says about its event, beyond the claim itself."""

    places: tuple[str, ...]
    place_source: str | None  # "sentence", "lede" or None when neither names a place
    times: tuple[str, ...]
    correction: bool


def places_in(text: str) -> list[str]:
    """Place phrases after a locative preposition, lower-cased, in order, no repeats."""
    lex = lexicon()
    out: list[str] = []
    for m in lex.place.finditer(text):
        words = [w.rstrip(".").removesuffix("'s").removesuffix("\u2019s") for w in m.group(1).split()]
        cut = next((i for i, w in enumerate(words) if i and w.lower() in lex.not_places), len(words))
        phrase = " ".join(words[:cut]).lower()
        if not phrase or words[0].lower() in lex.not_places or phrase in lex.not_places:
            continue
        if phrase not in out:
            out.append(phrase)
    return out


def times_in(text: str) -> list[str]:
    """Years, month names, weekdays and relative days named in `text`, in a fixed order."""
    return _time_words(_time_matches(text))


_TimeMatch = tuple[str, int, int, str]  # kind (year, month, weekday, relative), start, end, word


def _time_matches(text: str) -> list[_TimeMatch]:
    lex = lexicon()
    out: list[_TimeMatch] = []
    for m in lex.time.finditer(text):
        kind = m.lastgroup or ""
        word = " ".join(m.group(kind).lower().split())
        if kind in ("month", "guarded", "after_day"):
            kind, word = "month", MONTH_NAMES[lex.month_numbers[word] - 1]
        out.append((kind, m.start(), m.end(), word))
    return out


def _time_words(matches: Iterable[_TimeMatch]) -> list[str]:
    found: dict[str, set[str]] = defaultdict(set)
    for kind, _, _, word in matches:
        found[kind].add(word)
    months = sorted(found["month"], key=MONTH_NAMES.index)
    return sorted(found["year"]) + months + sorted(found["weekday"]) + sorted(found["relative"])


@dataclass(frozen=True)
class _SentenceWords:
    offset: int
    places: tuple[str, ...]
    times: tuple[_TimeMatch, ...]
    correction: bool


def _sentence_words(doc: Document, claim: Claim) -> _SentenceWords:
    sentence = _sentence_of(doc, claim)
    if sentence is None:
        offset = max(0, claim.start - 200)
        text = doc.prose[offset : claim.end + 200]
    else:
        offset, text = sentence.start, sentence.text
    return _SentenceWords(
        offset=offset,
        places=tuple(places_in(text)),
        times=tuple(_time_matches(text)),
        correction=bool(lexicon().correction.search(text)),
    )


def _context(words: _SentenceWords, claim: Claim, lede: list[str]) -> ClaimContext:
    """The claim's own number is no time word: "2000 people" names no year."""
    start = (claim.number_start if claim.number_start >= 0 else claim.start) - words.offset
    end = (claim.number_end if claim.number_end >= 0 else claim.end) - words.offset
    times = [t for t in words.times if t[2] <= start or t[1] >= end]
    places, source = (words.places, "sentence") if words.places else (tuple(lede), "lede" if lede else None)
    return ClaimContext(places, source, tuple(_time_words(times)), words.correction)


def claim_context(doc: Document, claim: Claim, lede: list[str] | None = None) -> ClaimContext:
    """Place and time words of the claim's sentence; places fall back to the lede's."""
    return _context(_sentence_words(doc, claim), claim, lede_places(doc) if lede is None else lede)


def claim_contexts(doc: Document, claims: list[Claim]) -> list[ClaimContext | None]:
    """`claim_context` of every casualty figure (None for the others, which reconciliation
    does not read), reading each sentence and the lede once."""
    lede = lede_places(doc) if any(c.category in HARM_CATEGORIES for c in claims) else []
    cache: dict[int, _SentenceWords] = {}
    out: list[ClaimContext | None] = []
    for claim in claims:
        if claim.category not in HARM_CATEGORIES:
            out.append(None)
            continue
        words = cache.get(claim.sentence) if claim.sentence >= 0 else None
        if words is None:
            words = _sentence_words(doc, claim)
            if claim.sentence >= 0:
                cache[claim.sentence] = words
        out.append(_context(words, claim, lede))
    return out


def _sentence_of(doc: Document, claim: Claim) -> Sentence | None:
    if 0 <= claim.sentence < len(doc.sentences):
        return doc.sentences[claim.sentence]
    return next((s for s in doc.sentences if s.start <= claim.start < s.end), None)


def lede_places(doc: Document) -> list[str]:
    """Places named in the first sentences of the document (headline and lede)."""
    lede = doc.sentences[: lexicon().lede_sentences]
    return places_in("\n".join(s.text for s in lede))


# ---------------------------------------------------------------- keys


_NON_WORD = re.compile(r"[^\w\s-]")


def name_key(name: str | None) -> str:
    """The key that identifies an originator or outlet across documents."""
    if not name:
        return ""
    words = _NON_WORD.sub(" ", name.replace("\u2019s", "").replace("'s", "")).lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def originator_key(originator: str, name: str) -> str:
    """`Source.originator` when it reads as a name, else the source's name, as a key."""
    key = name_key(originator)
    if not key or re.fullmatch(r"[a-z]{0,2}\d+", key.replace(" ", "")):
        key = name_key(name)
    return key


def subject_key(subject: str | None) -> str:
    """ "the 12 Iraqi soldiers" -> "iraqi soldier"; generic subjects ("people") -> ""."""
    lex = lexicon()
    words = [w for w in name_key(subject).split() if not w.isdigit() and w not in lex.subject_stopwords]
    words = [w for w in words if w not in lex.generic_subjects]
    return " ".join(_singular(w) for w in words)


def source_columns(claim: Claim) -> dict[str, list[Any]]:
    """A claim's sources as reconciliation keys them: `originators` (cross-document keys),
    `vias` (the conduit's key or None) and `anonymous` flags, one entry per source."""
    return {
        "originators": [originator_key(s.originator, s.name) for s in claim.sources],
        "vias": [name_key(s.via) or None for s in claim.sources],
        "anonymous": [s.anonymous for s in claim.sources],
    }


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# ---------------------------------------------------------------- reconciliation


@dataclass(frozen=True, slots=True)
class Mention:
    """One casualty claim of one document, as reconciliation sees it."""

    row: int
    document: str
    claim: str
    category: str
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    step: float | None = None
    subject: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    sources: tuple[tuple[str, str | None], ...] = ()  # (originator key, via key or None)
    anonymous: tuple[str, ...] = ()  # the originator keys that are anonymous ("officials said")
    places: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    correction: bool = False
    start: int = 0
    end: int = 0
    line: int = 0
    column: int = 0

    @property
    def outlet_key(self) -> str:
        """The outlet, or the document itself when the outlet is unknown."""
        return name_key(self.outlet) or self.document

    @property
    def tolerance(self) -> float:
        """Half the rounding step the wording implies: "about 3,000" may be 2,500, "2,700"
        may be 2,650; a plain figure under `exact_rounding_from` ("34") is exact."""
        step = self.step
        if step is None and self.qualifier == "approx":
            step = _implied_step(self.value)
        if self.qualifier != "approx" and abs(self.value) < lexicon().exact_rounding_from:
            step = None
        return (step or 0.0) / 2

    @property
    def bounds(self) -> tuple[float, float]:
        """What the wording allows, widened by rounding: "at least 30" -> (30, inf),
        "about 3,000" -> (2,500, 3,500), "up to 40" -> (0, 40)."""
        point = self.qualifier in ("exact", "approx")
        low = self.low if self.low is not None else (self.value if point else 0.0)
        high = self.high if self.high is not None else (self.value if point else math.inf)
        return low - self.tolerance, high + self.tolerance

    @property
    def years(self) -> frozenset[str]:
        return frozenset(t for t in self.times if t.isdigit())

    @property
    def months(self) -> frozenset[str]:
        return frozenset(t for t in self.times if t in MONTH_NAMES)


def same_figure(a: Mention, b: Mention) -> bool:
    """Two mentions state one figure: their values agree within the wider rounding of the two
    ("2,700" and 2,740; "about 3,000" and 3,400)."""
    return abs(a.value - b.value) <= max(a.tolerance, b.tolerance)


def _implied_step(value: float) -> float:
    """3,000 -> 1,000; 2,700 -> 100; 35 -> 1."""
    if not float(value).is_integer() or value == 0:
        return 1.0
    step, v = 1, int(abs(value))
    while v % (step * 10) == 0:
        step *= 10
    return float(step)


@dataclass
class Figure:
    """Mentions of one event whose values agree within rounding."""

    mentions: list[Mention]
    originators: list[str] = field(default_factory=list)  # who stated a value of this figure
    supported_by: list[str] = field(default_factory=list)  # whose figures allow this value

    @property
    def value(self) -> float:
        counts = Counter(m.value for m in self.mentions)
        return min(counts, key=lambda v: (-counts[v], v))

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet_key for m in self.mentions})

    @property
    def latest(self) -> float:
        return max((m.published.timestamp() for m in self.mentions if m.published), default=-math.inf)


@dataclass
class Event:
    """Mentions that state the same quantity about the same event."""

    category: str
    subject_key: str
    anchor_places: frozenset[str]
    mentions: list[Mention] = field(default_factory=list)
    years: set[str] = field(default_factory=set)
    months: set[str] = field(default_factory=set)
    first: datetime | None = None
    last: datetime | None = None

    def accepts(self, m: Mention, places: frozenset[str], window: timedelta) -> bool:
        """`m` is this event: `admits` it, and its value is of the first mention's magnitude."""
        return self.admits(m, places, window) and comparable(m.value, self.mentions[0].value)

    def admits(self, m: Mention, places: frozenset[str], window: timedelta) -> bool:
        """All `accepts` asks but the magnitude: a shared place, no different year or month
        named, published within `window` of the event's first and last mentions."""
        if not places & self.anchor_places:
            return False
        if m.years and self.years and not m.years & self.years:
            return False
        if m.months and self.months and not m.months & self.months:
            return False
        if m.published and self.first and self.last:
            return max(self.last, m.published) - min(self.first, m.published) <= window
        return True

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.years |= m.years
        self.months |= m.months
        if m.published:
            self.first = min(self.first or m.published, m.published)
            self.last = max(self.last or m.published, m.published)


def comparable(a: float, b: float) -> bool:
    """Values of one order of magnitude: less than `max_ratio` times apart."""
    low, high = sorted((abs(a), abs(b)))
    return high < lexicon().max_ratio * max(low, 1.0)


def place_keys(m: Mention) -> frozenset[str]:
    """The mention's places, or its document when it names none (grouped only there)."""
    return frozenset(m.places) if m.places else frozenset({f"document:{m.document}"})


def group_events(mentions: Iterable[Mention]) -> list[Event]:
    """Group mentions into events, deterministically, in order of first mention."""
    lex = lexicon()
    buckets: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.category in HARM_CATEGORIES and m.value is not None and not math.isnan(m.value):
            buckets[(m.category, subject_key(m.subject))].append(m)
    events: list[Event] = []
    for (category, subject), bucket in buckets.items():
        by_place: dict[str, list[Event]] = defaultdict(list)
        for m in sorted(bucket, key=lambda m: (m.published is None, m.published or datetime.min, m.row)):
            places = place_keys(m)
            candidates = sorted(
                {id(e): e for p in places for e in by_place[p]}.values(), key=lambda e: e.mentions[0].row
            )
            event = next((e for e in candidates if e.accepts(m, places, lex.window)), None)
            if event is None:
                event = Event(category, subject, places)
                events.append(event)
                for p in places:
                    by_place[p].append(event)
            event.add(m)
    return sorted(events, key=lambda e: min(m.row for m in e.mentions))


def collapse_relays(event: Event) -> tuple[dict[int, tuple[str, ...]], list[tuple[str, str]]]:
    """Each mention's independent originators, after reading a relay as whom it relays.

    A relay is a `via` ("Yonhap, citing the NIS": Yonhap relays the NIS) or an outlet that
    itself attributed the figure; a mention sourced to a relay with exactly one known
    originator in this event is that originator's."""
    relayed: dict[str, set[str]] = defaultdict(set)
    for m in event.mentions:
        for originator, via in m.sources:
            if via and via != originator:
                relayed[via].add(originator)
            outlet = name_key(m.outlet)
            if outlet and outlet != originator:
                relayed[outlet].add(originator)
    resolved = {relay: next(iter(origins)) for relay, origins in relayed.items() if len(origins) == 1}
    out: dict[int, tuple[str, ...]] = {}
    for m in event.mentions:
        keys = [resolved.get(o, o) for o, _ in m.sources if o]
        out[m.row] = tuple(dict.fromkeys(keys))
    pairs = sorted((relay, origin) for relay, origin in resolved.items() if _used(relay, event))
    return out, pairs


def _used(relay: str, event: Event) -> bool:
    return any(o == relay for m in event.mentions for o, _ in m.sources)


def figures_of(event: Event, originators: dict[int, tuple[str, ...]]) -> list[Figure]:
    """Cluster mentions whose values agree within rounding (each within the first's reach).

    A figure is supported by the originators who state it and those whose bounds allow its
    value; an open-ended bound ("at least 30") is consistent with 41 but does not
    corroborate it."""
    figures: list[Figure] = []
    for m in sorted(event.mentions, key=lambda m: (m.value, m.row)):
        head = figures[-1].mentions[0] if figures else None
        if head is not None and same_figure(head, m):
            figures[-1].mentions.append(m)
        else:
            figures.append(Figure([m]))
    for f in figures:
        f.originators = sorted({o for m in f.mentions for o in originators[m.row]})
        allowing = (m for m in event.mentions if m.bounds[0] <= f.value <= m.bounds[1] < math.inf)
        f.supported_by = sorted({o for m in allowing for o in originators[m.row]} | set(f.originators))
    return figures


def independent(keys: Iterable[str], anonymous: set[str]) -> int:
    """How many independent originators `keys` are: anonymous ones ("officials said") do
    not add to named ones, and count as one among themselves."""
    keys = set(keys)
    named = keys - anonymous
    return len(named) or (1 if keys else 0)


def _disagree(a: Mention, b: Mention) -> bool:
    (alo, ahi), (blo, bhi) = a.bounds, b.bounds
    return ahi < blo or bhi < alo


def _close_in_time(a: Mention, b: Mention, window: timedelta) -> bool:
    return a.published is None or b.published is None or abs(a.published - b.published) <= window


@dataclass(frozen=True)
class Conflict:
    earlier: Mention
    later: Mention
    contested: bool  # both sides attributed, to different originators

    def message(self) -> str:
        return f"{_describe(self.earlier)} vs {_describe(self.later)}"


def conflicts_of(figures: list[Figure], originators: dict[int, tuple[str, ...]]) -> list[Conflict]:
    """One conflict per pair of figures that cannot both hold: two mentions of different
    documents published close together; a contested pair (both attributed, to different
    originators) is preferred."""
    out: list[Conflict] = []
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            conflict = _figure_conflict(a, b, originators)
            if conflict is not None:
                out.append(conflict)
    return sorted(out, key=lambda c: (c.earlier.row, c.later.row))


def _figure_conflict(a: Figure, b: Figure, originators: dict[int, tuple[str, ...]]) -> Conflict | None:
    window = lexicon().conflict_window
    found: Conflict | None = None
    for x in sorted(a.mentions, key=lambda m: m.row):
        for y in sorted(b.mentions, key=lambda m: m.row):
            # One article's own figures are the per-document rules' business: a roundup of
            # several attacks would read as a conflict here.
            if x.document == y.document or not _disagree(x, y) or not _close_in_time(x, y, window):
                continue
            ox, oy = set(originators[x.row]), set(originators[y.row])
            earlier, later = (x, y) if x.row < y.row else (y, x)
            conflict = Conflict(earlier, later, contested=bool(ox and oy and not ox & oy))
            if conflict.contested:
                return conflict
            found = found or conflict
    return found


def falling_of(event: Event) -> list[tuple[Mention, Mention]]:
    """(earlier, later) where a cumulative toll falls later without a correction cue."""
    lex = lexicon()
    if event.category not in lex.cumulative:
        return []
    dated = sorted((m for m in event.mentions if m.published), key=lambda m: (m.published, m.row))
    out: list[tuple[Mention, Mention]] = []
    highest: Mention | None = None
    for m in dated:
        if (
            highest is not None
            and highest.published != m.published
            and highest.document != m.document
            and m.bounds[1] < highest.bounds[0]
            and not m.correction
        ):
            out.append((highest, m))
        if highest is None or m.bounds[0] > highest.bounds[0]:
            highest = m
    return out


def grade_of(
    best: Figure | None, conflicts: list[Conflict], originators: list[str], anonymous: set[str]
) -> Grade:
    """contested: originators disagree; corroborated: two or more independent originators
    allow the best figure; else single-source or unattributed."""
    if any(c.contested for c in conflicts):
        return "contested"
    if best is not None and independent(best.supported_by, anonymous) >= 2:
        return "corroborated"
    return "single-source" if originators else "unattributed"


def _best(figures: list[Figure], anonymous: set[str]) -> Figure | None:
    """The figure most independent originators allow; then stated by most originators and
    outlets; then the latest; then the larger."""
    return max(
        figures,
        key=lambda f: (
            independent(f.supported_by, anonymous),
            independent(f.originators, anonymous),
            len(f.outlets),
            f.latest,
            f.value,
        ),
        default=None,
    )


def _describe(m: Mention) -> str:
    when = f" on {m.published.date().isoformat()}" if m.published else ""
    return f"{_fmt(m.value)} ({m.document} {m.claim}{when})"


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


# ---------------------------------------------------------------- output


@dataclass
class Reconciliation:
    events: list[dict[str, Any]]
    findings: list[dict[str, Any]]


def reconcile(mentions: Iterable[Mention]) -> Reconciliation:
    """Events (one row each, for events.parquet) and archive-level findings."""
    events: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for number, event in enumerate(group_events(mentions), start=1):
        row, event_findings = _event_row(f"e{number}", event)
        events.append(row)
        findings.extend(event_findings)
    return Reconciliation(events, findings)


def _event_row(event_id: str, event: Event) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    originators, relays = collapse_relays(event)
    figures = figures_of(event, originators)
    conflicts = conflicts_of(figures, originators)
    falling = falling_of(event)
    every = sorted({o for keys in originators.values() for o in keys})
    anonymous = {o for m in event.mentions for o in m.anonymous}
    best = _best(figures, anonymous)
    outlets_of: dict[str, set[str]] = defaultdict(set)
    for m in event.mentions:
        for o in originators[m.row]:
            outlets_of[o].add(m.outlet_key)
    subjects = Counter(m.subject for m in event.mentions if m.subject)
    ordered = sorted(event.mentions, key=lambda m: m.row)
    timeline = sorted(ordered, key=lambda m: (m.published is None, m.published or datetime.min, m.row))
    row = {
        "event": event_id,
        "category": event.category,
        "subject": min(subjects, key=lambda s: (-subjects[s], s)) if subjects else None,
        "subject_key": event.subject_key,
        "places": sorted({p for m in event.mentions for p in m.places}),
        "times": sorted({t for m in event.mentions for t in m.times}),
        "first_published": event.first,
        "last_published": event.last,
        "claims": len(event.mentions),
        "documents": len({m.document for m in event.mentions}),
        "outlets": sorted({m.outlet_key for m in event.mentions}),
        "originators": every,
        "independent_originators": independent(every, anonymous),
        "anonymous_originators": sorted(anonymous & set(every)),
        "originator_outlets": [{"originator": o, "outlets": sorted(outlets_of[o])} for o in every],
        "relays": [{"relay": r, "originator": o} for r, o in relays],
        "min": min(m.value for m in event.mentions),
        "best": best.value if best else None,
        "max": max(m.value for m in event.mentions),
        "figures": [_figure_row(f) for f in figures],
        "timeline": [_timeline_row(m) for m in timeline],
        "conflicts": [c.message() for c in conflicts],
        "falling": [f"{_describe(a)} then {_describe(b)} without a correction" for a, b in falling],
        "grade": grade_of(best, conflicts, every, anonymous),
        "members": [{"document": m.document, "claim": m.claim} for m in ordered],
    }
    found = [_conflict_finding(event_id, c) for c in conflicts if c.contested]
    found += [_falling_finding(event_id, a, b) for a, b in falling]
    return row, found


def _figure_row(f: Figure) -> dict[str, Any]:
    lows = [m.low for m in f.mentions if m.low is not None]
    highs = [m.high for m in f.mentions if m.high is not None]
    return {
        "value": f.value,
        "low": min(lows) if lows else None,
        "high": max(highs) if highs else None,
        "originators": f.originators,
        "supported_by": f.supported_by,
        "outlets": f.outlets,
        "documents": sorted({m.document for m in f.mentions}),
    }


def _timeline_row(m: Mention) -> dict[str, Any]:
    return {
        "published": m.published,
        "document": m.document,
        "claim": m.claim,
        "outlet": m.outlet,
        "value": m.value,
        "qualifier": m.qualifier,
    }


def _finding(m: Mention, rule: str, family: str, message: str) -> dict[str, Any]:
    return {
        "document": m.document,
        "rule": rule,
        "family": family,
        "severity": "warning",
        "message": message,
        "claims": [m.claim],
        "start": m.start,
        "end": m.end,
        "line": m.line,
        "column": m.column,
    }


def _conflict_finding(event_id: str, c: Conflict) -> dict[str, Any]:
    message = f"across the archive ({event_id}) originators disagree on the {c.later.category}: {c.message()}"
    return _finding(c.later, "archive-contested", "sourcing", message)


def _falling_finding(event_id: str, a: Mention, b: Mention) -> dict[str, Any]:
    message = (
        f"the {b.category} toll ({event_id}) fell from {_describe(a)} to {_describe(b)} "
        "and the later report does not say it corrects the earlier"
    )
    return _finding(b, "archive-falling-toll", "consistency", message)


# ---------------------------------------------------------------- claims.parquet


MENTION_COLUMNS = [
    "document", "published", "outlet", "id", "category", "subject", "value", "low", "high", "qualifier",
    "step", "originators", "vias", "anonymous", "places", "times", "correction",
    "start", "end", "line", "column",
]  # fmt: skip


def mentions_from_rows(rows: Iterable[dict[str, Any]], first_row: int = 0) -> Iterator[Mention]:
    """Mentions from claims.parquet rows (dicts), casualty figures with a value only.

    Repeated strings (documents, outlets, places, originators) are shared, not copied:
    reconciliation holds every casualty figure of the archive at once."""
    for row_number, r in enumerate(rows, start=first_row):
        if r["category"] not in HARM_CATEGORIES or r["value"] is None:
            continue
        originators = [sys.intern(o) for o in r.get("originators") or []]
        vias = [_shared(v) for v in r.get("vias") or []] + [None] * len(originators)
        flags = list(r.get("anonymous") or []) + [False] * len(originators)
        unnamed = lexicon().unnamed_originators
        yield Mention(
            row=row_number,
            document=_shared(r["document"]) or "",
            claim=r["id"],
            category=_shared(r["category"]) or "",
            value=float(r["value"]),
            low=r["low"],
            high=r["high"],
            qualifier=_shared(r["qualifier"]) or "exact",
            step=r.get("step"),
            subject=_shared(r["subject"]),
            published=r["published"],
            outlet=_shared(r["outlet"]),
            sources=tuple(zip(originators, vias[: len(originators)], strict=True)),
            anonymous=tuple(o for o, flag in zip(originators, flags, strict=False) if flag or o in unnamed),
            places=tuple(_shared(p) or "" for p in r.get("places") or ()),
            times=tuple(_shared(t) or "" for t in r.get("times") or ()),
            correction=bool(r.get("correction")),
            start=r["start"],
            end=r["end"],
            line=r["line"],
            column=r["column"],
        )


def mention_of_claim(
    document: str,
    claim: Claim,
    context: ClaimContext | None,
    row: int = 0,
    published: datetime | None = None,
    outlet: str | None = None,
) -> Mention | None:
    """The mention a casualty claim makes, read exactly as `audit corpus` reads it back from
    claims.parquet (None for a claim reconciliation skips)."""
    fields = {
        "document": document,
        "published": published,
        "outlet": outlet,
        **claim.to_contract(),
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "step": claim.step,
        **source_columns(claim),
        "places": list(context.places) if context else None,
        "times": list(context.times) if context else None,
        "correction": context.correction if context else None,
    }
    return next(mentions_from_rows([fields], row), None)


def _shared(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


def read_mentions(claims_path: Path, batch_size: int = 8192) -> list[Mention]:
    """The casualty mentions of a claims.parquet, read a batch at a time and only the
    columns needed, so memory grows with the casualty figures, not with the archive."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    harm = _string_array(sorted(HARM_CATEGORIES))
    mentions: list[Mention] = []
    row = 0
    batches = pq.ParquetFile(claims_path).iter_batches(
        batch_size=batch_size, columns=MENTION_COLUMNS, use_threads=False
    )
    for batch in batches:
        rows = batch.filter(pc.is_in(batch.column("category"), value_set=harm)).to_pylist()
        mentions.extend(mentions_from_rows(rows, row))
        row += len(rows)
    return mentions


def _string_array(values: list[str]) -> Any:
    import pyarrow as pa

    return pa.array(values, type=pa.string())
