"""The desk's ledger: the latest verified casualty figures per event, category and source.

This module decides two things:

- what a ledger file holds: CSV (a spreadsheet export) or Parquet, one row per figure, read and
  validated here; a bad row is a `LedgerError` (a `ConfigError`: exit 2) naming the file, the
  line and the column;
- which ledger rows a draft's casualty figure is compared with, and the verdict. A figure
  belongs to a ledger event when its sentence (else the article's lede) names one of the
  event's places (read as cross-document reconciliation reads places) or keywords. Within the
  event it is compared with the rows of its category (and subject where both give one) that
  reconciliation would group it with (`reconcile.Event.admits`: no different year or month,
  within the time window; and of the magnitude of one of the rows, `reconcile.comparable`: a
  ledger event keeps its history, so an early toll still belongs to it), and values agree as
  reconciliation's figures do (`reconcile.same_figure`).

The verdicts (see `Verdict`) feed the rules stale-figure, ledger-source and off-ledger.
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

from audit import reconcile
from audit.errors import ConfigError
from audit.model import HARM_CATEGORIES, Claim, Document, Qualifier

COLUMNS = (
    "event", "category", "value", "low", "high", "qualifier", "source", "as_of",
    "place", "subject", "keywords", "url", "note",
)  # fmt: skip
REQUIRED = ("event", "category", "source", "as_of")
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
MAX_BYTES = 20_000_000  # a ledger is a table of figures, not an archive
MAX_ROWS = 100_000
PARQUET_SUFFIXES = (".parquet", ".pq")


class LedgerError(ConfigError):
    """A ledger file that cannot be used: names the file, the line and the column."""


@dataclass(frozen=True)
class Row:
    """One figure of the ledger. `line` is the file's line (CSV) or row number (Parquet)."""

    event: str
    category: str
    value: float
    low: float | None
    high: float | None
    qualifier: str
    source: str
    as_of: date
    places: tuple[str, ...] = ()
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    url: str | None = None
    note: str | None = None
    line: int = 0

    @property
    def key(self) -> tuple[str, str, str, str, date]:
        """What identifies a row when a ledger is rebuilt: event, category, subject, source, date."""
        return (
            _norm(self.event),
            self.category,
            reconcile.subject_key(self.subject),
            reconcile.name_key(self.source),
            self.as_of,
        )

    @property
    def figure(self) -> tuple[float, float | None, float | None, str]:
        return (self.value, self.low, self.high, self.qualifier)

    def describe(self) -> str:
        """ "South Korea's National Intelligence Service, 450 killed as of 2026-11-20"."""
        return f"{self.source}, {_figure_text(self)} {self.category} as of {self.as_of.isoformat()}"

    def to_details(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "event": self.event,
            "source": self.source,
            "category": self.category,
            "figure": _figure_text(self),
            "value": _num(self.value),
            "qualifier": self.qualifier,
            "as_of": self.as_of.isoformat(),
            "line": self.line,
        }
        if self.low is not None:
            out["low"] = _num(self.low)
        if self.high is not None:
            out["high"] = _num(self.high)
        if self.subject:
            out["subject"] = self.subject
        if self.url:
            out["url"] = self.url
        return out


@dataclass(frozen=True, eq=False)
class Ledger:
    """A validated ledger; compared by identity, so it is cheap to key caches by."""

    path: str
    rows: tuple[Row, ...]


# ---------------------------------------------------------------- reading


def load(path: Path) -> Ledger:
    """Read and validate a ledger file (CSV, or Parquet by its suffix)."""
    where = str(path)
    try:
        size = os.stat(path).st_size
    except OSError as e:
        raise LedgerError(f"{where}: cannot read the ledger: {e.strerror or e}") from e
    if size > MAX_BYTES:
        raise LedgerError(
            f"{where}: the ledger is {size / 1e6:.1f} MB; the limit is {MAX_BYTES // 1_000_000} MB "
            "(keep the latest figures of live stories)"
        )
    if size == 0:
        raise LedgerError(f"{where}: the ledger is empty; expected a header line: {', '.join(COLUMNS)}")
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return Ledger(where, parse_rows(_parquet_rows(path), where, "row"))
    return Ledger(where, parse_rows(_csv_rows(path), where, "line"))


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    where = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if not header or not any(h.strip() for h in header):
                raise LedgerError(f"{where}: line 1: expected a header line: {', '.join(COLUMNS)}")
            names = _header(header, where)
            start = reader.line_num + 1
            for cells in reader:
                if any(c.strip() for c in cells):
                    yield start, _cells(names, cells, f"{where}: line {start}")
                start = reader.line_num + 1
    except UnicodeDecodeError as e:
        raise LedgerError(f"{where}: the ledger is not UTF-8 text: {e.reason}") from e
    except csv.Error as e:
        raise LedgerError(f"{where}: not valid CSV: {e}") from e
    except OSError as e:
        raise LedgerError(f"{where}: cannot read the ledger: {e.strerror or e}") from e


def _cells(names: list[str], cells: list[str], here: str) -> dict[str, str]:
    """A CSV line as column -> cell; columns with no name (a spreadsheet's trailing commas)
    must be empty."""
    if len(cells) > len(names):
        raise LedgerError(f"{here}: {len(cells)} cells for {len(names)} columns")
    out: dict[str, str] = {}
    for name, cell in zip(names, cells, strict=False):
        if name:
            out[name] = cell
        elif cell.strip():
            raise LedgerError(f"{here}: a value in a column with no name: {cell!r}")
    return out


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    where = str(path)
    try:
        pf = pq.ParquetFile(path)
        if pf.metadata.num_rows > MAX_ROWS:
            raise LedgerError(f"{where}: {pf.metadata.num_rows:,} rows; the limit is {MAX_ROWS:,}")
        names = _header(pf.schema_arrow.names, where)
        number = 1
        for batch in pf.iter_batches(batch_size=4096):
            for record in batch.to_pylist():
                number += 1
                yield number, {n: record.get(n) for n in names}
    except (OSError, pa.ArrowException) as e:
        raise LedgerError(f"{where}: not a readable Parquet file: {e}") from e


def _header(names: list[str], where: str) -> list[str]:
    out = [h.strip().lower().replace("-", "_").replace(" ", "_") for h in names]
    for name in out:
        if name and name not in COLUMNS:
            raise LedgerError(f"{where}: line 1: unknown column {name!r}; expected: {', '.join(COLUMNS)}")
    seen = set()
    for name in filter(None, out):
        if name in seen:
            raise LedgerError(f"{where}: line 1: column {name!r} appears twice")
        seen.add(name)
    missing = [c for c in REQUIRED if c not in out]
    if missing:
        raise LedgerError(f"{where}: line 1: missing column {missing[0]!r}; required: {', '.join(REQUIRED)}")
    if "value" not in out and not {"low", "high"} <= set(out):
        raise LedgerError(f"{where}: line 1: missing column 'value' (or 'low' and 'high')")
    return out


def parse_rows(
    records: Iterable[tuple[int, dict[str, Any]]], where: str, unit: str = "line"
) -> tuple[Row, ...]:
    """Validated rows from (line, mapping) pairs; the first bad cell raises `LedgerError`."""
    rows: list[Row] = []
    seen: dict[tuple[Any, ...], int] = {}
    for line, record in records:
        if len(rows) >= MAX_ROWS:
            raise LedgerError(f"{where}: more than {MAX_ROWS:,} rows; the limit is {MAX_ROWS:,}")
        row = _row(record, line, f"{where}: {unit} {line}")
        identity = (*row.key, row.figure)
        if identity in seen:
            raise LedgerError(
                f"{where}: {unit} {line}: duplicate row: the same figure of the same event, "
                f"category, subject, source and date as {unit} {seen[identity]}"
            )
        seen[identity] = line
        rows.append(row)
    if not rows:
        raise LedgerError(f"{where}: the ledger has no rows")
    _recognisable(rows, where, unit)
    return tuple(rows)


def _recognisable(rows: list[Row], where: str, unit: str) -> None:
    """Every event needs a place or keywords in some row: copy is matched to events by them."""
    anchored = {_norm(r.event) for r in rows if r.places or r.keywords}
    for r in rows:
        if _norm(r.event) not in anchored:
            raise LedgerError(
                f"{where}: {unit} {r.line}: column 'place': event {r.event!r} has no place or keywords "
                "in any row, so no copy can be matched to it"
            )


def _row(record: dict[str, Any], line: int, here: str) -> Row:
    def bad(column: str, expected: str) -> LedgerError:
        return LedgerError(f"{here}: column {column!r}: expected {expected}, got {record.get(column)!r}")

    unknown = sorted(set(map(str, record)) - set(COLUMNS))
    if unknown:
        raise LedgerError(f"{here}: unknown column {unknown[0]!r}; expected: {', '.join(COLUMNS)}")
    text = {k: _text(v) for k, v in record.items()}
    for column in REQUIRED:
        if not text.get(column):
            raise bad(column, "a value (the column is required)")
    category = text["category"].lower()
    if category not in HARM_CATEGORIES:
        raise bad("category", f"one of {', '.join(sorted(HARM_CATEGORIES))}")
    value, low, high = (_number(record.get(c), c, bad) for c in ("value", "low", "high"))
    qualifier = (text.get("qualifier") or "").lower().replace(" ", "_").replace("-", "_")
    if qualifier and qualifier not in QUALIFIERS:
        raise bad("qualifier", f"one of {', '.join(QUALIFIERS)}")
    value, low, high, qualifier = _bounds(value, low, high, qualifier or None, bad)
    as_of = _date(record.get("as_of"))
    if as_of is None:
        raise bad("as_of", "an ISO date (2026-11-20)")
    url = text.get("url") or None
    if url and not re.match(r"^https?://\S+$", url):
        raise bad("url", "an http(s) address")
    return Row(
        event=text["event"],
        category=category,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        source=text["source"],
        as_of=as_of,
        places=_list(text.get("place")),
        subject=text.get("subject") or None,
        keywords=_list(text.get("keywords")),
        url=url,
        note=text.get("note") or None,
        line=line,
    )


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return " ".join(str(value).split())


def _list(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for p in (_norm(x) for x in (text or "").split(";")) if p))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _number(value: Any, column: str, bad: Any) -> float | None:
    if isinstance(value, bool):
        raise bad(column, "a number")
    if isinstance(value, int | float):
        number = float(value)
        if math.isnan(number):
            return None
    else:
        cell = _text(value).replace(",", "").replace("\u00a0", "").replace(" ", "")
        if not cell:
            return None
        try:
            number = float(cell)
        except ValueError:
            raise bad(column, "a number (3000 or 3,000)") from None
    if not math.isfinite(number) or number < 0:
        raise bad(column, "a finite number, not negative")
    return number


def _bounds(
    value: float | None, low: float | None, high: float | None, qualifier: str | None, bad: Any
) -> tuple[float, float | None, float | None, str]:
    """value, low, high and qualifier as the claims contract gives them for the same wording."""
    if low is not None and high is not None and low > high:
        raise bad("high", f"a number not below low ({low:g})")
    if value is None:
        if low is None or high is None:
            raise bad("value", "a number (or both low and high)")
        return (low + high) / 2, low, high, qualifier or "range"
    qualifier = qualifier or ("range" if low is not None and high is not None else "exact")
    if qualifier in ("at_least", "more_than"):
        low = value if low is None else low
    elif qualifier in ("at_most", "less_than"):
        high = value if high is None else high
    elif qualifier == "range" and (low is None or high is None):
        raise bad("low", "low and high for a range")
    if (low is not None and value < low) or (high is not None and value > high):
        raise bad("value", "a number inside low and high")
    return value, low, high, qualifier


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    cell = _text(value)
    try:
        return date.fromisoformat(cell)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(cell).date()
    except ValueError:
        return None


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 6)


def _figure_text(row: Row) -> str:
    from audit.checkers.bounds import fmt

    words = {
        "at_least": "at least ", "more_than": "more than ", "at_most": "up to ",
        "less_than": "fewer than ", "approx": "about ",
    }  # fmt: skip
    if row.qualifier == "range" and row.low is not None and row.high is not None:
        return f"{fmt(row.low)}-{fmt(row.high)}"
    return words.get(row.qualifier, "") + fmt(row.value)


@cache
def load_cached(path: str, stamp: tuple[int, int]) -> Ledger:
    """`load`, once per file version (path, size, modification time)."""
    return load(Path(path))


def load_path(path: Path) -> Ledger:
    """The ledger at `path`, read again only when the file changes."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise LedgerError(f"{path}: cannot read the ledger: {e.strerror or e}") from e
    return load_cached(str(path), (st.st_size, st.st_mtime_ns))


# ---------------------------------------------------------------- events and groups


@dataclass
class Group:
    """The rows of one event, category and subject: a reconciliation event of the ledger."""

    event: str
    scope: reconcile.Event
    rows: list[Row]  # newest first, in the same order as scope.mentions


@dataclass
class Index:
    """The ledger indexed for matching: events by place and keyword, groups by event and category."""

    events: dict[str, list[Group]]  # normalised event id -> its groups
    names: dict[str, str]  # normalised event id -> the id as written
    by_place: dict[str, set[str]]
    by_keyword: dict[str, set[str]]  # keyword as words (`words_of`) -> events
    longest: int  # words in the longest keyword


def _as_of(row: Row) -> datetime:
    return datetime.combine(row.as_of, time(), tzinfo=UTC)


def row_mention(row: Row, number: int) -> reconcile.Mention:
    """A ledger row as reconciliation sees a figure: published on its as-of date, by its source."""
    return reconcile.Mention(
        row=number,
        document=f"ledger:{row.event}",
        claim=f"line {row.line}",
        category=row.category,
        value=row.value,
        low=row.low,
        high=row.high,
        qualifier=row.qualifier,
        subject=row.subject,
        published=_as_of(row),
        sources=((reconcile.name_key(row.source), None),),
        places=row.places + tuple(words_of(k) for k in row.keywords),
    )


@cache
def index(ledger: Ledger) -> Index:
    """Group the ledger's rows: one reconciliation event per event, category and subject."""
    by_group: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    names: dict[str, str] = {}
    anchors: dict[str, set[str]] = defaultdict(set)
    by_place: dict[str, set[str]] = defaultdict(set)
    by_keyword: dict[str, set[str]] = defaultdict(set)
    for row in ledger.rows:
        event = _norm(row.event)
        names.setdefault(event, row.event)
        by_group[(event, row.category, reconcile.subject_key(row.subject))].append(row)
        anchors[event] |= {*row.places, *(words_of(k) for k in row.keywords)}
        for p in row.places:
            by_place[p].add(event)
        for k in row.keywords:
            by_keyword[words_of(k)].add(event)
    events: dict[str, list[Group]] = defaultdict(list)
    for number, ((event, category, subject), rows) in enumerate(by_group.items()):
        rows = sorted(rows, key=lambda r: (r.as_of, -r.line), reverse=True)
        scope = reconcile.Event(category, subject, frozenset(anchors[event]))
        for n, row in enumerate(rows):
            scope.add(row_mention(row, number * MAX_ROWS + n))
        events[event].append(Group(event, scope, rows))
    by_keyword.pop("", None)
    longest = max((k.count(" ") + 1 for k in by_keyword), default=0)
    return Index(dict(events), names, dict(by_place), dict(by_keyword), longest)


_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def words_of(text: str) -> str:
    """Text as lower-case words joined by single spaces: how keywords are compared."""
    return " ".join(_WORD.findall(text.lower()))


def events_named(idx: Index, text: str, places: Iterable[str]) -> tuple[set[str], frozenset[str]]:
    """The ledger events whose places (read by reconciliation) or keywords `text` names, and the
    place and keyword keys that named them."""
    keys: set[str] = {p for p in places if p in idx.by_place}
    found = {e for p in keys for e in idx.by_place[p]}
    if idx.by_keyword:
        words = words_of(text).split()
        for i in range(len(words)):
            for n in range(1, min(idx.longest, len(words) - i) + 1):
                phrase = " ".join(words[i : i + n])
                if phrase in idx.by_keyword:
                    keys.add(phrase)
                    found |= idx.by_keyword[phrase]
    return found, frozenset(keys)


# ---------------------------------------------------------------- verdicts


Kind = Literal["match", "stale", "other-source", "in-ledger", "off-ledger"]


@dataclass
class Verdict:
    """How one casualty figure of a draft stands against the ledger.

    - match: its source's latest row gives it;
    - stale: its source has rows in the event, and the latest gives another figure;
    - other-source: another source's row gives it, and none of its own sources' does;
    - in-ledger: no source in the copy, but a row gives it;
    - off-ledger: the figure is in a ledger event, and no row gives it nor has its source."""

    claim: Claim
    kind: Kind
    event: str  # the ledger event, as written
    rows: list[Row]  # the rows that decided: the latest own rows, or the rows that give the figure
    own: list[Row] = field(default_factory=list)  # the rows of the figure's own sources (newest first)
    givers: list[Row] = field(default_factory=list)  # every row that gives the figure


def compare(doc: Document, claims: list[Claim], ledger: Ledger) -> list[Verdict]:
    """The verdict of every casualty figure of the document that falls in a ledger event."""
    idx = index(ledger)
    lede = reconcile.lede_places(doc)
    lede_text = "\n".join(s.text for s in doc.sentences[: reconcile.lexicon().lede_sentences])
    contexts = reconcile.claim_contexts(doc, claims)
    names = _source_names(claims)
    out: list[Verdict] = []
    for number, (claim, context) in enumerate(zip(claims, contexts, strict=True)):
        if context is None or claim.value is None:
            continue
        sentence = doc.sentences[claim.sentence].text if 0 <= claim.sentence < len(doc.sentences) else ""
        own_places = context.places if context.place_source == "sentence" else ()
        events, keys = events_named(idx, sentence, own_places)
        if not events:
            events, keys = events_named(idx, lede_text, lede)
        if not events:
            continue
        mention = reconcile.mention_of_claim(doc.path, claim, context, number)
        if mention is None:
            continue
        out.append(_verdict(idx, claim, mention, sorted(events), keys, names))
    return out


def _verdict(
    idx: Index,
    claim: Claim,
    mention: reconcile.Mention,
    events: list[str],
    keys: frozenset[str],
    names: dict[str, set[str]],
) -> Verdict:
    window = reconcile.lexicon().window
    subject = reconcile.subject_key(claim.subject)
    groups = [
        g
        for e in events
        for g in idx.events[e]
        if g.scope.category == claim.category
        and (not g.scope.subject_key or not subject or g.scope.subject_key == subject)
        and g.scope.admits(mention, keys, window)
        and any(reconcile.comparable(mention.value, r.value) for r in g.rows)
    ]
    pairs = [(r, m) for g in groups for r, m in zip(g.rows, g.scope.mentions, strict=True)]
    event = _names([idx.names[g.event] for g in groups] or [idx.names[e] for e in events])
    mine = {k for s in claim.sources for k in names.get(s.originator or s.name, {reconcile.name_key(s.name)})}
    own = [r for r, _ in pairs if _same_source(r.source, mine)]
    givers = [r for r, m in pairs if reconcile.same_figure(mention, m)]
    if own:
        latest = _latest(own)
        given = [r for r in latest if r in givers]
        if given:
            return Verdict(claim, "match", event, given, own, givers)
        if givers and not set(givers) & set(own):
            return Verdict(claim, "other-source", event, givers, own, givers)
        return Verdict(claim, "stale", event, latest, own, givers)
    if givers:
        kind: Kind = "other-source" if claim.sources else "in-ledger"
        return Verdict(claim, kind, event, givers, own, givers)
    return Verdict(claim, "off-ledger", event, [], own, givers)


def _names(events: list[str], shown: int = 3) -> str:
    """ "Kursk"; "Gaza; Jabaliya"; "A; B; C and 2 more"."""
    unique = list(dict.fromkeys(events))
    more = f" and {len(unique) - shown} more" if len(unique) > shown else ""
    return "; ".join(unique[:shown]) + more


def _latest(rows: list[Row]) -> list[Row]:
    """Each source's rows of its latest date."""
    newest: dict[str, date] = {}
    for r in rows:
        key = reconcile.name_key(r.source)
        newest[key] = max(newest.get(key, r.as_of), r.as_of)
    return [r for r in rows if r.as_of == newest[reconcile.name_key(r.source)]]


def _source_names(claims: list[Claim]) -> dict[str, set[str]]:
    """Each originator of the document -> the keys of every name it goes by there ("the NIS",
    "South Korea's National Intelligence Service")."""
    out: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for s in claim.sources:
            out[s.originator or s.name] |= {reconcile.name_key(s.name), reconcile.name_key(s.originator)} - {
                ""
            }
    return out


def _same_source(ledger_source: str, names: set[str]) -> bool:
    """A ledger source names a draft's originator: the same name key as one of its names, or
    one name's words all within the other's ("the army" and "Ukraine's army"), or one is the
    other's initials ("UN" and "the United Nations"; "NIS" and "South Korea's National
    Intelligence Service")."""
    from audit.attribute import content_tokens, fuzzy_in

    key = reconcile.name_key(ledger_source)
    if key in names:
        return True
    mine = content_tokens(ledger_source)
    for name in names:
        theirs = content_tokens(name)
        if (
            mine
            and theirs
            and (all(fuzzy_in(t, theirs) for t in mine) or all(fuzzy_in(t, mine) for t in theirs))
        ):
            return True
        if key in _acronyms(name) or name in _acronyms(ledger_source):
            return True
    return False


def _acronyms(name: str) -> set[str]:
    """The lower-case initials of a name, and of what follows a possessive ("South Korea's
    National Intelligence Service" -> "sknis", "nis")."""
    from audit.attribute import initials

    words = " ".join(w.capitalize() if w.islower() else w for w in name.replace("\u2019", "'").split())
    parts = [words, *(p for p in re.split(r"'s\b", words)[1:] if p.strip())]
    return {a.lower() for a in (initials(p) for p in parts) if len(a) >= 2}
