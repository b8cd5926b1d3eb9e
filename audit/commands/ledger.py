"""`audit ledger`: build the desk's ledger from a corpus run, and the `--ledger` option.

The builder reads a corpus run's events.parquet (and claims.parquet for who said each figure,
when and where) and writes, per event, category and originator, the latest figure with its
date and outlet: an archive run becomes the reference for the next day's drafts. Rows already
in the output file survive a rebuild: a row of the same event, category, subject, source and
as-of date from the archive is dropped in favour of the file's (the desk may have edited it).
"""

from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from audit.config import Config, ConfigError
from audit.ledger import Row

F = TypeVar("F", bound=Callable[..., Any])


def ledger_option(fn: F) -> F:
    """`--ledger FILE` for the commands that audit drafts."""
    option = click.option(
        "--ledger",
        "ledger_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Check casualty figures against the desk's ledger (CSV or Parquet): "
        "stale-figure, ledger-source, off-ledger.",
    )
    return option(fn)


def config_with_ledger(path: Path | None, command: str, base: Config | None = None) -> Config:
    """`base` (default: the default config) with the ledger at `path`; exits 2 on a bad ledger."""
    config = base or Config()
    if path is None:
        return config
    from audit import ledger  # here, not above: `audit extract` without a ledger starts faster

    try:
        loaded = ledger.load_path(path)
    except ConfigError as e:
        click.echo(f"audit {command}: error: {e}", err=True)
        sys.exit(2)
    from dataclasses import replace

    return replace(config, ledger=loaded)


# ---------------------------------------------------------------- building


def build_rows(out_dir: Path, undated: date) -> list[Row]:
    """Per event of `out_dir`/events.parquet and per originator, its latest figures (several when
    it gave different ones on its latest date). Events with no place are left out: the ledger
    could not recognise them in copy. Figures without a publication date count as of `undated`."""
    import pyarrow.parquet as pq

    events = pq.read_table(
        out_dir / "events.parquet", columns=["event", "category", "subject", "places", "members"]
    ).to_pylist()
    wanted = {(m["document"], m["claim"]) for e in events if e["places"] for m in e["members"]}
    claims = _claims(out_dir / "claims.parquet", wanted)
    names = _event_names(events)
    spelled = _spellings(claims.values())
    out: list[Row] = []
    for e in events:
        if not e["places"]:
            continue
        by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for member in e["members"]:
            c = claims.get((member["document"], member["claim"]))
            if c is None:
                continue
            for key, _ in _sources(c):
                by_source[key].append({**c, "source_name": spelled[key]})
        for key in sorted(by_source):
            out.extend(_latest(names[e["event"]], e, by_source[key], undated))
    return out


def _spellings(claims: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each originator key -> the name to write: a name of the archive that is the originator
    itself (its key), else its longest name."""
    from audit.reconcile import name_key

    names: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        for key, name in _sources(c):
            names[key].add(name)
    return {key: min(found, key=lambda n: (name_key(n) != key, -len(n), n)) for key, found in names.items()}


def _claims(path: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    import pyarrow.parquet as pq

    columns = [
        "document", "id", "published", "outlet", "url", "value", "low", "high", "qualifier",
        "source_names", "originators",
    ]  # fmt: skip
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for batch in pq.ParquetFile(path).iter_batches(batch_size=8192, columns=columns):
        for row in batch.to_pylist():
            if (row["document"], row["id"]) in wanted:
                out[(row["document"], row["id"])] = row
    return out


def _sources(claim: dict[str, Any]) -> Iterable[tuple[str, str]]:
    """(originator key, the name to write) of each source of a claim row."""
    names = claim["source_names"] or []
    for key, name in zip(claim["originators"] or [], names, strict=False):
        if key:
            yield key, name


def _event_names(events: list[dict[str, Any]]) -> dict[str, str]:
    """A readable, stable event name per event: its places, then its subject; numbered when two
    events of one category would share a name."""
    out: dict[str, str] = {}
    taken: dict[tuple[str, str, str | None], int] = defaultdict(int)
    for e in events:
        base = " / ".join(e["places"]) or e["event"]
        taken[(base, e["category"], e["subject"])] += 1
        n = taken[(base, e["category"], e["subject"])]
        out[e["event"]] = base if n == 1 else f"{base} #{n}"
    return out


def _latest(name: str, event: dict[str, Any], claims: list[dict[str, Any]], undated: date) -> list[Row]:
    def when(c: dict[str, Any]) -> date:
        published: datetime | None = c["published"]
        return published.astimezone(UTC).date() if published else undated

    newest = max(when(c) for c in claims)
    figures: dict[tuple[Any, ...], Row] = {}
    for c in sorted(claims, key=lambda c: (c["document"], c["id"])):
        if when(c) != newest or c["value"] is None:
            continue
        figure = (c["value"], c["low"], c["high"], c["qualifier"])
        if figure in figures:
            continue
        outlet = c["outlet"] or c["document"]
        figures[figure] = Row(
            event=name,
            category=event["category"],
            subject=event["subject"],
            value=c["value"],
            low=c["low"],
            high=c["high"],
            qualifier=c["qualifier"] or "exact",
            source=c["source_name"],
            as_of=newest,
            places=tuple(event["places"]),
            url=c["url"],
            note=f"from the archive: {outlet} {c['id']}",
        )
    return list(figures.values())


def _cells(row: Row) -> dict[str, str]:
    def num(x: float | None) -> str:
        if x is None:
            return ""
        return f"{x:.0f}" if float(x).is_integer() else f"{x:g}"

    return {
        "event": row.event,
        "category": row.category,
        "value": num(row.value),
        "low": num(row.low) if row.low != row.value or row.qualifier == "range" else "",
        "high": num(row.high) if row.high != row.value or row.qualifier == "range" else "",
        "qualifier": row.qualifier,
        "source": row.source,
        "as_of": row.as_of.isoformat(),
        "place": "; ".join(row.places),
        "subject": row.subject or "",
        "keywords": "",
        "url": row.url or "",
        "note": row.note or "",
    }


def merge(existing_path: Path, built: list[Row]) -> tuple[list[dict[str, str]], int, int]:
    """The existing ledger's rows as they are, then the archive's rows whose key (event,
    category, subject, source, as-of date) the file does not have: (rows, kept, added)."""
    from audit import ledger

    rows: list[dict[str, str]] = []
    keys: set[tuple[Any, ...]] = set()
    if existing_path.exists():
        old = ledger.load(existing_path)
        rows = _raw_rows(existing_path)
        keys = {r.key for r in old.rows}
    kept = len(rows)
    added = 0
    for b in built:
        cells = _cells(b)
        row = ledger.parse_rows([(0, cells)], "archive")[0]
        if row.key in keys:
            continue
        rows.append(cells)
        added += 1
    ledger.parse_rows(enumerate(rows, start=2), str(existing_path))  # what is written must load
    return rows, kept, added


def _raw_rows(path: Path) -> list[dict[str, str]]:
    """The existing file's rows, cell for cell (a Parquet ledger as text)."""
    from audit import ledger

    if path.suffix.lower() in ledger.PARQUET_SUFFIXES:
        import pyarrow.parquet as pq

        return [
            {k: ledger._text(v) if not isinstance(v, date) else v.isoformat() for k, v in r.items()}
            for r in pq.read_table(path).to_pylist()
        ]
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [
            {k.strip().lower().replace("-", "_"): v for k, v in r.items() if k}
            for r in csv.DictReader(f)
            if any((v or "").strip() for v in r.values() if isinstance(v, str))
        ]


def render_csv(rows: list[dict[str, str]]) -> str:
    from audit import ledger

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(ledger.COLUMNS), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k) or "" for k in ledger.COLUMNS})
    return buf.getvalue()


def write_ledger(path: Path, rows: list[dict[str, str]]) -> None:
    """CSV, or Parquet by the suffix; atomically."""
    from audit import ledger
    from audit.atomic import write_atomic

    if path.suffix.lower() not in ledger.PARQUET_SUFFIXES:
        write_atomic(path, render_csv(rows))
        return
    import os
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(
        [{k: row.get(k) or None for k in ledger.COLUMNS} for row in rows],
        schema=pa.schema([(c, pa.string()) for c in ledger.COLUMNS]),
    )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    if value is None:
        return datetime.now(UTC).date()
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"expected an ISO date (2026-11-20), got {value!r}") from e


@click.command("ledger")
@click.argument("archive_out", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The ledger to write (CSV, or Parquet by .parquet); its rows are kept.",
)
@click.option(
    "--as-of",
    "undated",
    default=None,
    callback=_date_option,
    help="The as-of date of figures whose article has no publication date [default: today, UTC].",
)
def ledger_command(archive_out: Path, output: Path, undated: date) -> None:
    """Write a ledger from ARCHIVE_OUT, the --out folder of `audit corpus`: per event and
    originator the latest figure, its date and outlet. Rows already in OUTPUT win over the
    archive's for the same event, category, subject, source and date."""
    missing = [n for n in ("events.parquet", "claims.parquet") if not (archive_out / n).is_file()]
    if missing:
        click.echo(
            f"audit ledger: error: {archive_out}: no {missing[0]}; run `audit corpus --out` first", err=True
        )
        sys.exit(2)
    try:
        rows, kept, added = merge(output, build_rows(archive_out, undated))
    except ConfigError as e:
        click.echo(f"audit ledger: error: {e}", err=True)
        sys.exit(2)
    write_ledger(output, rows)
    click.echo(f"{output}: {kept} rows kept, {added} added from {archive_out}", err=True)
