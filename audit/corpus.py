"""`audit corpus`: audit an archive, write Parquet, reconcile figures across documents.

Inputs are folders (or files) of documents, JSON Lines files of records
`{"id", "text", "published", "outlet", "url"}`, or Parquet files with those columns.
The archive is cut into partitions (by documents or by bytes of text); each partition is
read, run through the per-document pipeline and written as one row group, so memory is
bounded by the partition size, never by the archive. `--engine dask` runs the same
per-partition function as `dask.dataframe` partitions on a `dask.distributed` cluster.
After the last partition, `audit.reconcile` groups casualty figures across documents.

Each finished partition is kept in `--out`/.audit/work (see `audit.resume`) and the outputs are
assembled from those partitions in order, so `--resume` goes on after a crash with the partitions
not finished and `--update` reuses the rows of documents unchanged since the last run; either way
the outputs are byte-for-byte those of a clean run.

Outputs in `--out`: claims.parquet, findings.parquet and events.parquet, each written to
a temporary file first and moved into place only when complete.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, nullcontext
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import click
import pyarrow as pa
import pyarrow.parquet as pq

from audit import inputs, load, reconcile, resume
from audit.config import DEFAULT, Config
from audit.model import Claim, Document
from audit.pipeline import audit_document

if TYPE_CHECKING:
    import pandas as pd

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
RECORD_FIELDS = ("id", "text", "published", "outlet", "url")

# ---------------------------------------------------------------- schemas

_TIME = pa.timestamp("us", tz="UTC")
_STRINGS = pa.list_(pa.string())

CLAIMS_SCHEMA = pa.schema(
    [
        ("document", pa.string()),
        ("published", _TIME),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("id", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("value", pa.float64()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("qualifier", pa.string()),
        ("unit", pa.string()),
        ("category", pa.string()),
        ("subject", pa.string()),
        ("hedge", pa.string()),
        ("grade", pa.string()),
        ("kind", pa.string()),
        ("cue", pa.string()),
        ("step", pa.float64()),
        ("sentence", pa.int64()),
        ("number_start", pa.int64()),
        ("number_end", pa.int64()),
        ("sources", pa.string()),  # the contract's `sources` list, as JSON
        ("source_names", _STRINGS),
        ("originators", _STRINGS),  # cross-document keys, one per source
        ("vias", _STRINGS),  # the conduit of each source, or null
        ("anonymous", pa.list_(pa.bool_())),  # whether each source is anonymous ("officials said")
        # What reconciliation reads of a casualty figure's sentence (null for other figures):
        ("places", _STRINGS),
        ("place_source", pa.string()),  # sentence | lede
        ("times", _STRINGS),
        ("correction", pa.bool_()),
    ]
)

FINDINGS_SCHEMA = pa.schema(
    [
        ("document", pa.string()),
        ("rule", pa.string()),
        ("family", pa.string()),
        ("severity", pa.string()),
        ("message", pa.string()),
        ("claims", _STRINGS),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("line", pa.int64()),
        ("column", pa.int64()),
    ]
)

_FIGURE = pa.struct(
    [
        ("value", pa.float64()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("originators", _STRINGS),
        ("supported_by", _STRINGS),
        ("outlets", _STRINGS),
        ("documents", _STRINGS),
    ]
)
_TIMELINE = pa.struct(
    [
        ("published", _TIME),
        ("document", pa.string()),
        ("claim", pa.string()),
        ("outlet", pa.string()),
        ("value", pa.float64()),
        ("qualifier", pa.string()),
    ]
)
EVENTS_SCHEMA = pa.schema(
    [
        ("event", pa.string()),
        ("category", pa.string()),
        ("subject", pa.string()),
        ("subject_key", pa.string()),
        ("places", _STRINGS),
        ("times", _STRINGS),
        ("first_published", _TIME),
        ("last_published", _TIME),
        ("claims", pa.int64()),
        ("documents", pa.int64()),
        ("outlets", _STRINGS),
        ("originators", _STRINGS),
        ("independent_originators", pa.int64()),
        ("anonymous_originators", _STRINGS),
        ("originator_outlets", pa.list_(pa.struct([("originator", pa.string()), ("outlets", _STRINGS)]))),
        ("relays", pa.list_(pa.struct([("relay", pa.string()), ("originator", pa.string())]))),
        ("min", pa.float64()),
        ("best", pa.float64()),
        ("max", pa.float64()),
        ("figures", pa.list_(_FIGURE)),
        ("timeline", pa.list_(_TIMELINE)),
        ("conflicts", _STRINGS),
        ("falling", _STRINGS),
        ("grade", pa.string()),
        ("members", pa.list_(pa.struct([("document", pa.string()), ("claim", pa.string())]))),
    ]
)

# ---------------------------------------------------------------- records and partitions


@dataclass(frozen=True)
class Record:
    """One document of the archive: its text, or the file to read it from."""

    id: str
    text: str | None = None
    path: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    format: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class PartitionSize:
    """At most `documents` documents, or about `bytes` bytes of text, per partition."""

    documents: int | None = None
    bytes: int | None = None

    def full(self, documents: int, size: int) -> bool:
        if self.documents is not None:
            return documents >= self.documents
        return size >= (self.bytes or 0)


DEFAULT_PARTITION = "1MB"
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_partition_size(text: str) -> PartitionSize:
    """ "64" = 64 documents; "4MB" / "512KiB" = that much text per partition."""
    m = _SIZE.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"partition size {text!r}: expected a document count (64) or bytes (4MB)")
    if m.group(2) is None:
        return PartitionSize(documents=max(1, int(float(m.group(1)))))
    return PartitionSize(bytes=max(1, int(float(m.group(1)) * _UNITS[m.group(2).lower()])))


@dataclass(frozen=True)
class FilesPart:
    """Document files, read by path (absolute, so a worker can read them), named as given."""

    ids: tuple[str, ...]
    paths: tuple[str, ...]

    @property
    def documents(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class JsonlPart:
    """The lines at bytes [start, stop) of a JSON Lines file, from line `first_line` (0-based),
    holding `documents` records (blank lines are skipped)."""

    path: str
    start: int
    stop: int
    first_line: int
    documents: int


@dataclass(frozen=True)
class ParquetPart:
    """Rows [offset, offset + documents) of one row group of a Parquet file (a partition
    reads its row group, so row groups far larger than partitions cost memory)."""

    path: str
    row_group: int
    offset: int
    documents: int


Part = FilesPart | JsonlPart | ParquetPart


def plan(paths: Iterable[str], size: PartitionSize) -> list[Part]:
    """Cut the inputs into partitions without reading any document's text."""
    parts: list[Part] = []
    for arg in paths:
        lower = arg.lower()
        if lower.endswith(JSONL_SUFFIXES) and Path(arg).is_file():
            parts.extend(_plan_jsonl(arg, size))
        elif lower.endswith(PARQUET_SUFFIXES) and Path(arg).is_file():
            parts.extend(_plan_parquet(arg, size))
        else:
            parts.extend(_plan_files(inputs.expand([arg]), size))
    return parts


def _plan_files(names: list[str], size: PartitionSize) -> Iterator[FilesPart]:
    ids: list[str] = []
    paths: list[str] = []
    total = 0
    for name in names:
        ids.append(name)
        paths.append(os.path.abspath(name))
        total += _file_size(name)
        if size.full(len(ids), total):
            yield FilesPart(tuple(ids), tuple(paths))
            ids, paths, total = [], [], 0
    if ids:
        yield FilesPart(tuple(ids), tuple(paths))


def _file_size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except OSError:
        return 0


def _plan_jsonl(path: str, size: PartitionSize) -> Iterator[JsonlPart]:
    absolute = os.path.abspath(path)
    start = position = 0
    first = documents = 0
    with open(absolute, "rb") as f:
        for number, line in enumerate(f):
            if documents == 0:
                start, first = position, number
            position += len(line)
            if not line.strip():
                continue
            documents += 1
            if size.full(documents, position - start):
                yield JsonlPart(absolute, start, position, first, documents)
                documents = 0
    if documents:
        yield JsonlPart(absolute, start, position, first, documents)


def _plan_parquet(path: str, size: PartitionSize) -> Iterator[ParquetPart]:
    absolute = os.path.abspath(path)
    meta = pq.ParquetFile(absolute).metadata
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        per_row = max(1, meta.row_group(group).total_byte_size // max(1, rows))
        step = size.documents or max(1, (size.bytes or 1) // per_row)
        for offset in range(0, rows, step):
            yield ParquetPart(absolute, group, offset, min(step, rows - offset))


def read_part(part: Part) -> list[Record]:
    """The records of one partition (document texts of files are read when audited)."""
    if isinstance(part, FilesPart):
        return [Record(id=i, path=p) for i, p in zip(part.ids, part.paths, strict=True)]
    if isinstance(part, JsonlPart):
        return list(_read_jsonl(part))
    return list(_read_parquet(part))


def _read_jsonl(part: JsonlPart) -> Iterator[Record]:
    name = os.path.basename(part.path)
    with open(part.path, "rb") as f:
        f.seek(part.start)
        position, number = part.start, part.first_line
        while position < part.stop:
            line = f.readline()
            position, number = position + len(line), number + 1
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                obj = json.loads(line)
            except ValueError as e:
                yield Record(id=where, error=f"line is not JSON: {e}")
                continue
            if not isinstance(obj, dict):
                yield Record(id=where, error="line is not a JSON object")
                continue
            yield record_from_mapping(obj, where)


def _read_parquet(part: ParquetPart) -> Iterator[Record]:
    pf = pq.ParquetFile(part.path)
    columns = [c for c in (*RECORD_FIELDS, "format") if c in pf.schema_arrow.names]
    table = pf.read_row_group(part.row_group, columns=columns).slice(part.offset, part.documents)
    name = os.path.basename(part.path)
    for n, row in enumerate(table.to_pylist()):
        yield record_from_mapping(row, f"{name}:{part.row_group}:{part.offset + n}")


def record_from_mapping(obj: dict[str, Any], where: str) -> Record:
    """A record from a JSON Lines object or a Parquet row; `where` names it if it has no id."""
    doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else where
    text = obj.get("text")
    error = None if isinstance(text, str) else "record has no text"
    published, bad_date = parse_published(obj.get("published"))
    return Record(
        id=doc_id,
        text=text if isinstance(text, str) else None,
        published=published,
        outlet=_optional_str(obj.get("outlet")),
        url=_optional_str(obj.get("url")),
        format=_optional_str(obj.get("format")),
        error=error or (f"published is not a date: {bad_date!r}" if bad_date else None),
    )


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def parse_published(value: Any) -> tuple[datetime | None, Any]:
    """(UTC datetime or None, the value if it could not be read as a date)."""
    if value in (None, ""):
        return None, None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            return None, value
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)), None


# ---------------------------------------------------------------- per document


@dataclass
class DocumentRows:
    """What one document contributes to the outputs."""

    document: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    size: int = 0  # characters of text
    hash: str | None = None  # of its metadata and content (None: unreadable, never reused)


def record_content(record: Record) -> bytes | str:
    """The record's bytes (its text as UTF-8, or its file), or why they cannot be had."""
    if record.error:
        return record.error
    if record.text is not None:
        return record.text.encode("utf-8", "surrogatepass")
    try:
        return Path(record.path or record.id).read_bytes()
    except OSError as e:
        return f"cannot read: {e.strerror or e}"


def record_hash(record: Record, content: bytes | str) -> str | None:
    """The content hash --update compares: metadata and bytes (None when the record is an error)."""
    published = record.published.isoformat() if record.published else None
    meta = [record.id, published, record.outlet, record.url, record.format]
    return resume.record_hash(meta, content if isinstance(content, bytes) else None)


def load_record(record: Record, content: bytes | str | None = None) -> Document:
    """The record as a loaded `Document`, named by its id."""
    content = record_content(record) if content is None else content
    if isinstance(content, str):
        return Document(path=record.id, source="", prose="", error=content)
    if record.text is not None:
        return load.from_text(record.text, path=record.id, fmt=record.format)
    return load.from_bytes(content, path=record.id)


def audit_record(record: Record, config: Config = DEFAULT) -> DocumentRows:
    """Run the per-document pipeline on one record and flatten it into rows."""
    content = record_content(record)
    doc = load_record(record, content)
    audit = audit_document(doc, config)
    meta = {"document": record.id, "published": record.published, "outlet": record.outlet, "url": record.url}
    contexts = reconcile.claim_contexts(doc, audit.claims)
    claims = [claim_row(meta, c, ctx) for c, ctx in zip(audit.claims, contexts, strict=True)]
    findings = [{"document": record.id, **f.to_contract()} for f in audit.findings]
    digest = record_hash(record, content)
    return DocumentRows(record.id, claims, findings, doc.error, len(doc.source), digest)


def claim_row(meta: dict[str, Any], claim: Claim, context: reconcile.ClaimContext | None) -> dict[str, Any]:
    """One row of claims.parquet: the document's fields, the contract's, sources flattened."""
    row = {**meta, **claim.to_contract(), "value": claim.value, "low": claim.low, "high": claim.high}
    row.update(
        step=claim.step,
        sentence=claim.sentence,
        number_start=claim.number_start,
        number_end=claim.number_end,
        sources=json.dumps(row["sources"], ensure_ascii=False),
        source_names=[s.name for s in claim.sources],
        **reconcile.source_columns(claim),
        places=list(context.places) if context else None,
        place_source=context.place_source if context else None,
        times=list(context.times) if context else None,
        correction=context.correction if context else None,
    )
    return row


@dataclass
class PartResult:
    """What one partition contributes: the rows of the documents it audited, as Arrow tables,
    and one entry per document (`resume.DOCUMENTS_SCHEMA`; reused ones have no rows here)."""

    claims: pa.Table
    findings: pa.Table
    docs: pa.Table

    @property
    def documents(self) -> int:
        return int(self.docs.num_rows)


def audit_records(
    records: Iterable[Record], config: Config = DEFAULT, reuse: frozenset[int] = frozenset()
) -> PartResult:
    """The unit of work of both engines: audit the documents of one partition, except those at
    the positions in `reuse` (--update: their rows are the last run's)."""
    docs: list[DocumentRows] = []
    entries: list[dict[str, Any]] = []
    for n, record in enumerate(records):
        if n in reuse:  # the last run's entry is filled in when the partition is assembled
            entries.append({"id": record.id, "hash": None, "characters": 0, "claims": 0, "findings": 0,
                            "error": None, "reused": True})  # fmt: skip
            continue
        d = audit_record(record, config)
        docs.append(d)
        entries.append({"id": d.document, "hash": d.hash, "characters": d.size, "claims": len(d.claims),
                        "findings": len(d.findings), "error": d.error, "reused": False})  # fmt: skip
    return PartResult(
        claims=pa.Table.from_pylist([row for d in docs for row in d.claims], schema=CLAIMS_SCHEMA),
        findings=pa.Table.from_pylist([row for d in docs for row in d.findings], schema=FINDINGS_SCHEMA),
        docs=pa.Table.from_pylist(entries, schema=resume.DOCUMENTS_SCHEMA),
    )


def audit_part(part: Part, config: Config = DEFAULT, reuse: frozenset[int] = frozenset()) -> PartResult:
    """Read one partition and audit its documents."""
    return audit_records(read_part(part), config, reuse)


# ---------------------------------------------------------------- writing


class AtomicParquet(AbstractContextManager["AtomicParquet"]):
    """A Parquet file written to a temporary name beside it and moved into place on success."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        self.tmp = Path(tmp)
        self.writer = pq.ParquetWriter(self.tmp, schema)
        self.rows = 0

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def write_table(self, table: pa.Table) -> None:
        """Append `table` as one row group (an empty table adds nothing)."""
        if table.num_rows:
            self.writer.write_table(table)
            self.rows += table.num_rows

    def finish(self) -> Path:
        """Close the writer (no more rows) and return the complete temporary file to read."""
        if self.writer.is_open:
            self.writer.close()
        return self.tmp

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.finish()
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


@dataclass
class Summary:
    documents: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    characters: int = 0
    claims: int = 0
    findings: int = 0
    events: int = 0
    grades: dict[str, int] = field(default_factory=dict)
    partitions: int = 0
    resumed: int = 0  # partitions an interrupted run had finished (--resume)
    reused: int = 0  # documents whose rows are the last run's (--update)
    new: int = 0  # documents audited that the last run did not have (--update)
    changed: int = 0  # documents audited again because they changed (--update)
    gone: int = 0  # documents of the last run no longer in the archive (--update)
    update: bool = False  # whether the run was an update (asked for, or an interrupted update resumed)


def _quiet(message: str) -> None:
    """Say nothing (library use); the command prints to stderr."""


# ---------------------------------------------------------------- engines

Task = tuple[int, Part, frozenset[int]]  # partition number, partition, positions of reused documents
Sink = Callable[[int, PartResult], None]


def run_local(tasks: list[Task], config: Config, sink: Sink) -> None:
    """One partition at a time in this process."""
    for number, part, reuse in tasks:
        sink(number, audit_part(part, config, reuse))


class NoWorkers(click.ClickException):
    """The dask scheduler had no worker for longer than --timeout."""

    exit_code = 2


def run_dask(
    tasks: list[Task], config: Config, sink: Sink, scheduler: str | None, workers: int,
    timeout: float | None = None, say: Callable[[str], None] = _quiet,
) -> None:  # fmt: skip
    """The same per-partition work as `dask.dataframe` partitions on a `dask.distributed` cluster.

    Results are handed to `sink` as they complete, at most a few partitions ahead, so the client's
    memory is bounded by the partition size too. A worker lost mid-run is dask's to retry; while the
    scheduler has no worker this says so, and gives up after `timeout` seconds without one."""
    dd, distributed = _import_dask()
    with ExitStack() as stack:
        client = _client(stack, distributed, scheduler, workers)
        watch = _WorkerWatch(client, scheduler or "a local cluster", timeout, say)
        watch.check()
        if not tasks:
            return
        frames = dd.from_map(records_frame, [(p, r) for _, p, r in tasks], meta=_records_meta(),
                             enforce_metadata=False)  # fmt: skip
        results = frames.map_partitions(audit_frame, config, meta=_results_meta(), enforce_metadata=False)
        queue = deque(zip([n for n, _, _ in tasks], results.to_delayed(), strict=True))
        running: dict[Any, int] = {}
        while queue or running:
            while queue and len(running) < max(2, 2 * watch.workers):
                number, delayed = queue.popleft()
                running[client.compute(delayed)] = number
            try:
                done = distributed.wait(list(running), timeout=1.0, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                watch.check()
                continue
            for future in done:
                sink(running.pop(future), _result_of(future.result()))
            if not watch.workers:  # work got done: workers have come
                watch.check()


class _WorkerWatch:
    """How many workers the scheduler has; says when there are none and gives up after `timeout`."""

    def __init__(self, client: Any, address: str, timeout: float | None, say: Callable[[str], None]) -> None:
        self.client, self.address, self.timeout, self.say = client, address, timeout, say
        self.workers = 0
        self.waiting_since: float | None = None

    def check(self) -> None:
        import time

        count = len(self.client.nthreads())
        if count and count != self.workers:
            self.say(f"dask: {count} worker{'s' if count > 1 else ''} connected to {self.address}")
        self.workers = count
        if count:
            self.waiting_since = None
            return
        now = time.monotonic()
        if self.waiting_since is None:
            self.waiting_since = now
            limit = f"giving up after {self.timeout:g} s" if self.timeout else "no time limit"
            self.say(f"dask: waiting for workers at {self.address}: 0 connected ({limit})")
        elif self.timeout and now - self.waiting_since >= self.timeout:
            raise NoWorkers(
                f"no dask worker connected to {self.address} within {self.timeout:g} s; no output was written"
            )


def _client(stack: ExitStack, distributed: Any, scheduler: str | None, workers: int) -> Any:
    """A client of the given scheduler, or of a LocalCluster of single-threaded workers
    (processes, so the GIL does not serialise them; threads in-process for one worker)."""
    if scheduler:
        try:
            return stack.enter_context(distributed.Client(scheduler))
        except OSError as e:
            raise click.ClickException(f"cannot reach the dask scheduler at {scheduler}: {e}") from e
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=workers > 1, dashboard_address=None
    )
    stack.enter_context(cluster)
    return stack.enter_context(distributed.Client(cluster))


def _import_dask() -> tuple[Any, Any]:
    try:
        import dask.dataframe as dd
        import distributed
    except ImportError as e:
        raise click.ClickException(
            f"--engine dask needs dask and distributed ({e.name} is missing): "
            "pip install 'figure-audit[dask]'"
        ) from e
    return dd, distributed


_RECORD_COLUMNS = ["id", "text", "path", "published", "outlet", "url", "format", "error"]


def _records_meta() -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in _RECORD_COLUMNS})
    frame["reuse"] = pd.Series(dtype=bool)
    return frame


def _results_meta() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({"result": pd.Series(dtype=object)})


def records_frame(task: Part | tuple[Part, frozenset[int]]) -> pd.DataFrame:
    """One dask partition: the records of a partition, one row each (object columns), and
    whether each is reused from the last run (--update)."""
    import pandas as pd

    part, reuse = task if isinstance(task, tuple) else (task, frozenset[int]())
    records = read_part(part)
    columns = {c: [getattr(r, c) for r in records] for c in _RECORD_COLUMNS}
    # Dask may turn object columns into strings: carry the date as ISO text, read back below.
    columns["published"] = [r.published.isoformat() if r.published else None for r in records]
    frame = pd.DataFrame({c: pd.Series(values, dtype=object) for c, values in columns.items()})
    frame["reuse"] = pd.Series([n in reuse for n in range(len(records))], dtype=bool)
    return frame


def audit_frame(frame: pd.DataFrame, config: Config = DEFAULT) -> pd.DataFrame:
    """map_partitions body: audit the records of the partition; one row holding its
    `PartResult` (Arrow tables travel back to the client cheaply)."""
    import pandas as pd

    records = []
    for _, row in frame.iterrows():
        fields = {c: _none(row[c]) for c in _RECORD_COLUMNS}
        fields["published"] = parse_published(fields["published"])[0]
        records.append(Record(**fields))
    reuse = frozenset(n for n, flag in enumerate(frame["reuse"]) if flag) if "reuse" in frame else frozenset()
    return pd.DataFrame({"result": pd.Series([audit_records(records, config, reuse)], dtype=object)})


def _none(value: Any) -> Any:
    """pandas may hand back NaN/NaT for a missing object value."""
    try:
        import pandas as pd

        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value
    except (TypeError, ValueError):
        return value


def _result_of(frame: pd.DataFrame) -> PartResult:
    result: PartResult = frame["result"].iloc[0]
    return result


# ---------------------------------------------------------------- the run

OUTPUTS = ("claims.parquet", "findings.parquet", "events.parquet")


def run_corpus(
    paths: Iterable[str],
    out: Path,
    engine: str = "local",
    scheduler: str | None = None,
    partition_size: PartitionSize | None = None,
    config: Config = DEFAULT,
    workers: int = 2,
    progress: bool = False,
    resume_run: bool = False,
    update: bool = False,
    timeout: float | None = None,
    say: Callable[[str], None] = _quiet,
) -> Summary:
    """Audit an archive into `out`/claims.parquet, findings.parquet and events.parquet.

    Each finished partition is kept in `out`/.audit/work until the outputs are written, so a run
    killed part-way can be resumed (`resume_run`); `update` reuses the rows of documents the last
    finished run in `out` audited with the same id and content."""
    out.mkdir(parents=True, exist_ok=True)
    for name in OUTPUTS:  # temporary files of a run that was killed
        for stale in out.glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)
    parts = plan(paths, partition_size or parse_partition_size(DEFAULT_PARTITION))
    fp = resume.fingerprint(config)
    work = resume.Work(out)
    interrupted = work.manifest() if resume_run else None
    update = update or bool(interrupted and interrupted.get("update"))
    previous = resume.load_previous(out, fp, CLAIMS_SCHEMA, FINDINGS_SCHEMA, say) if update else None
    keys = [resume.part_key(p, _part_paths(p), fp, previous.id if previous else None) for p in parts]
    files = {path: stamp for p in parts for path, *stamp in resume.input_stamp(_part_paths(p))}
    done = _resumable(work, interrupted, keys, files, fp, resume_run, out, say)
    work.start({"fingerprint": asdict(fp), "update": update, "partitions": keys, "inputs": files}, done)
    summary = Summary(partitions=len(parts), resumed=len(done), update=update)
    try:
        with _progress_bar(progress, sum(p.documents for p in parts)) as advance:
            advance(sum(p.documents for p, k in zip(parts, keys, strict=True) if k in done))

            def sink(number: int, result: PartResult) -> None:
                work.save(keys[number], resume.StoredPart(result.claims, result.findings, result.docs))
                advance(result.documents)

            tasks: list[Task] = []
            for number, (part, key) in enumerate(zip(parts, keys, strict=True)):
                if key in done:
                    continue
                reuse = _reusable(part, previous)
                if len(reuse) == part.documents:  # nothing to audit: no task
                    sink(number, audit_part(part, config, reuse))
                else:
                    tasks.append((number, part, reuse))
            if engine == "dask":
                run_dask(tasks, config, sink, scheduler, workers, timeout, say)
            else:
                run_local(tasks, config, sink)
        documents = _assemble(out, work, keys, previous, summary, update)
    except BaseException:
        kept = len(work.finished())
        if kept:
            say(f"{kept} of {len(parts)} partitions are finished and kept: rerun with --resume to go on")
        else:
            work.remove()
        raise
    resume.finish(out, fp, documents)
    return summary


def _part_paths(part: Part) -> tuple[str, ...]:
    return part.paths if isinstance(part, FilesPart) else (part.path,)


def _resumable(
    work: resume.Work, interrupted: dict[str, Any] | None, keys: list[str], files: dict[str, list[Any]],
    fp: resume.Fingerprint, resume_run: bool, out: Path, say: Callable[[str], None],
) -> set[str]:  # fmt: skip
    """The keys of the partitions an interrupted run finished that this run may reuse."""
    finished = work.finished()
    if not resume_run:
        if finished:
            say(f"an interrupted run's {len(finished)} finished partitions in {out} are discarded "
                "(--resume continues it)")  # fmt: skip
        return set()
    if interrupted is None:
        say(f"resume: no interrupted run in {out}: auditing everything")
        return set()
    changes = fp.changes(interrupted.get("fingerprint", {}))
    if changes:
        say(f"resume: {' and '.join(changes)} changed since the interrupted run: auditing everything")
        return set()
    before: dict[str, list[Any]] = interrupted.get("inputs", {})
    moved = sorted(p for p in set(before) | set(files) if before.get(p) != files.get(p))
    if moved:
        names = ", ".join(Path(p).name for p in moved[:3]) + (
            f" and {len(moved) - 3} more" if len(moved) > 3 else ""
        )
        say(f"resume: {names} changed since the interrupted run: {'its' if len(moved) == 1 else 'their'} "
            "partitions are audited again")  # fmt: skip
    usable = finished & set(keys)
    say(f"resume: {len(usable)} of {len(keys)} partitions were finished by the interrupted run; "
        f"auditing {len(keys) - len(usable)}")  # fmt: skip
    return usable


def _reusable(part: Part, previous: resume.Previous | None) -> frozenset[int]:
    """Positions of the partition's documents whose id and content hash the last run had."""
    if previous is None:
        return frozenset()
    records = read_part(part)
    return frozenset(
        n for n, r in enumerate(records) if previous.reusable(r.id, record_hash(r, record_content(r)))
    )


def _assemble(
    out: Path, work: resume.Work, keys: list[str], previous: resume.Previous | None, summary: Summary,
    update: bool = False,
) -> list[pa.Table]:  # fmt: skip
    """Write the outputs from the finished partitions, in order, then reconcile the archive.
    The three files move into place together, after the last row; on failure none does."""
    documents: list[pa.Table] = []
    seen: set[str] = set()
    with (
        AtomicParquet(out / "claims.parquet", CLAIMS_SCHEMA) as claims,
        AtomicParquet(out / "findings.parquet", FINDINGS_SCHEMA) as findings,
        AtomicParquet(out / "events.parquet", EVENTS_SCHEMA) as events,
    ):
        for key in keys:
            part_claims, part_findings, docs = _merge(work.load(key), previous)
            claims.write_table(part_claims)
            findings.write_table(part_findings)
            documents.append(docs)
            _tally(summary, docs, previous, seen, counting=update)
        summary.claims = claims.rows
        result = reconcile.reconcile(reconcile.read_mentions(claims.finish()))
        findings.write(result.findings)
        events.write(result.events)
    summary.findings = findings.rows
    summary.events = len(result.events)
    for e in result.events:
        summary.grades[e["grade"]] = summary.grades.get(e["grade"], 0) + 1
    if previous is not None:
        summary.gone = len(previous.ids - seen)
    return documents


def _merge(
    stored: resume.StoredPart, previous: resume.Previous | None
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """A partition's claims, findings and documents, with reused documents' rows from the last run."""
    entries = stored.documents.to_pylist()
    if previous is None or not any(e["reused"] for e in entries):
        return stored.claims, stored.findings, stored.documents
    claims: list[pa.Table] = []
    findings: list[pa.Table] = []
    at_claim = at_finding = 0
    for e in entries:
        if e["reused"]:
            c, f, e["characters"] = previous.rows(e["id"])
            e.update(hash=previous.hash_of(e["id"]), claims=c.num_rows, findings=f.num_rows)
        else:
            c = stored.claims.slice(at_claim, e["claims"])
            f = stored.findings.slice(at_finding, e["findings"])
            at_claim, at_finding = at_claim + e["claims"], at_finding + e["findings"]
        claims.append(c)
        findings.append(f)
    return (
        pa.concat_tables(claims).combine_chunks(),
        pa.concat_tables(findings).combine_chunks(),
        pa.Table.from_pylist(entries, schema=resume.DOCUMENTS_SCHEMA),
    )


def _tally(
    summary: Summary, docs: pa.Table, previous: resume.Previous | None, seen: set[str], counting: bool
) -> None:
    """Add a partition's documents to the summary; `counting`: reused, new and changed (--update)."""
    for e in docs.to_pylist():
        summary.documents += 1
        summary.characters += e["characters"]
        seen.add(e["id"])
        if e["error"]:
            summary.errors.append((e["id"], e["error"]))
        if not counting:
            continue
        if e["reused"]:
            summary.reused += 1
        elif previous is not None and e["id"] in previous.ids:
            summary.changed += 1
        else:
            summary.new += 1


def _progress_bar(enabled: bool, total: int) -> AbstractContextManager[Callable[[int], None]]:
    if not enabled:
        return nullcontext(lambda n: None)
    return _RichProgress(total)


class _RichProgress(AbstractContextManager[Callable[[int], None]]):
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )  # fmt: skip
        self.task = self.progress.add_task("documents", total=total)

    def __enter__(self) -> Callable[[int], None]:
        self.progress.start()
        return lambda n: self.progress.advance(self.task, n)

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


# ---------------------------------------------------------------- command


def _partition_option(ctx: click.Context, param: click.Parameter, value: str) -> PartitionSize:
    try:
        return parse_partition_size(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from e


@click.command("corpus")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for claims.parquet, findings.parquet and events.parquet.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this process; dask: dask.dataframe partitions on a dask.distributed cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="A dask scheduler (tcp://host:8786); without it, a LocalCluster on this machine.",
)
@click.option(
    "--partition-size",
    "partition_size",
    default=DEFAULT_PARTITION,
    show_default=True,
    callback=_partition_option,
    help="Documents (64) or bytes of text (4MB) per partition.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Workers of the LocalCluster (--engine dask without --scheduler).",
)
@click.option(
    "--resume",
    "resume_run",
    is_flag=True,
    help="Go on with an interrupted run in --out: audit only the partitions it did not finish.",
)
@click.option(
    "--update",
    is_flag=True,
    help="Audit only documents new or changed since the run in --out (by id and content hash).",
)
@click.option(
    "--timeout",
    default=300.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds to wait while the dask scheduler has no worker before giving up (0: no limit).",
)
def corpus_command(
    paths: tuple[str, ...], out: Path, engine: str, scheduler: str | None,
    partition_size: PartitionSize, workers: int, resume_run: bool, update: bool, timeout: float,
) -> None:  # fmt: skip
    """Audit an archive: folders of documents, JSON Lines or Parquet files of
    {id, text, published, outlet, url}; reconcile casualty figures across documents."""
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")

    def say(message: str) -> None:
        click.echo(message, err=True)

    summary = run_corpus(
        list(paths), out, engine=engine, scheduler=scheduler, partition_size=partition_size,
        workers=workers, progress=sys.stderr.isatty(), resume_run=resume_run, update=update,
        timeout=timeout or None, say=say,
    )  # fmt: skip
    for document, error in summary.errors:
        say(f"{document}: error: {error}")
    if summary.update:
        audited = f"{summary.new + summary.changed} audited ({summary.new} new, {summary.changed} changed)"
        say(f"update: {summary.reused} documents reused, {audited}, {summary.gone} gone from the archive")
    grades = ", ".join(f"{n} {g}" for g, n in sorted(summary.grades.items()))
    say(
        f"{summary.documents} documents ({len(summary.errors)} errors), {summary.claims} claims, "
        f"{summary.findings} findings, {summary.events} events{f' ({grades})' if grades else ''} -> {out}"
    )
    sys.exit(2 if summary.errors else 0)
