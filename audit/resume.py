"""What a corpus run may reuse: finished partitions of an interrupted run, documents of the last run.

Decides two things, and says why when it reuses less than it could:

- **resume**: a partition finished by an interrupted run is reused when its key is unchanged. The key
  covers the partition's boundaries, the size and modification time of its input files, the audit
  version, a digest of the audit code and lexicons, and the rule configuration; anything else
  changed and the partition is audited again.
- **update**: a document of the last finished run is reused when its id and content hash (text
  and metadata) are unchanged, and the last run's outputs are the ones its record describes.

Layout inside `--out` (the outputs themselves stay where they are):

    .audit/run.json             the last finished run: fingerprints, digests of its outputs
    .audit/documents.parquet    one row per document of that run: id, hash, rows, characters
    .audit/work/manifest.json   the run in progress: fingerprints, partition keys
    .audit/work/parts/KEY/      one finished partition: claims, findings, documents (Arrow IPC)

A partition's folder is written under a temporary name and renamed when complete, so a run killed
at any moment leaves finished partitions or nothing.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from audit import __version__
from audit.config import Config

STATE = ".audit"
WORK = "work"
RUN_FILE = "run.json"
INDEX_FILE = "documents.parquet"

DOCUMENTS_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("hash", pa.string()),  # sha256 of the record's metadata and content; null: not reusable
        ("characters", pa.int64()),
        ("error", pa.string()),
        ("claims", pa.int64()),  # rows in claims.parquet
        ("findings", pa.int64()),  # rows in findings.parquet (the document's own findings)
        ("reused", pa.bool_()),  # rows to be taken from the last run's outputs
    ]
)

Say = Callable[[str], None]


# ---------------------------------------------------------------- fingerprints


@dataclass(frozen=True)
class Fingerprint:
    """What the outputs depend on besides the input: the version, the code and the rules."""

    version: str
    code: str
    rules: str

    def changes(self, other: dict[str, Any]) -> list[str]:
        """What differs from a recorded fingerprint, in words."""
        out = []
        if other.get("version") != self.version:
            out.append(f"the audit version ({other.get('version')} -> {self.version})")
        elif other.get("code") != self.code:
            out.append("the audit code or lexicons")
        if other.get("rules") != self.rules:
            out.append("the rule configuration")
        return out


def fingerprint(config: Config) -> Fingerprint:
    return Fingerprint(__version__, code_digest(), rules_digest(config))


@cache
def code_digest() -> str:
    """A digest of the installed package: its modules, lexicons, rules and templates."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def rules_digest(config: Config) -> str:
    """A digest of the rule files the config loads and the settings that choose among them."""
    from audit.rulebook import load_rules

    h = hashlib.sha256()
    for rule in load_rules(config):
        h.update(rule.id.encode() + b"\0")
        if rule.path is not None and rule.path.is_file():
            h.update(rule.path.read_bytes())
    settings = [config.select, config.ignore, config.severity, config.parties]
    h.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return h.hexdigest()[:20]


def input_stamp(paths: Iterable[str]) -> list[list[Any]]:
    """Size and modification time of each input file (null when it cannot be read)."""
    out: list[list[Any]] = []
    for path in paths:
        try:
            st = os.stat(path)
            out.append([path, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([path, None, None])
    return out


def part_key(part: Any, paths: Iterable[str], fp: Fingerprint, previous: str | None) -> str:
    """The key of one partition: its boundaries, its input files' stamps, the fingerprint, and
    (for --update) the last run whose rows it may reuse."""
    spec = {
        "part": [type(part).__name__, asdict(part)],
        "input": input_stamp(paths),
        "fingerprint": asdict(fp),
        "previous": previous,
    }
    return hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()[:24]


def record_hash(meta: list[Any], content: bytes | None) -> str | None:
    """The content hash of one record: its metadata and its bytes (None: it could not be read)."""
    if content is None:
        return None
    h = hashlib.sha256(json.dumps(meta, ensure_ascii=False, default=str).encode())
    h.update(b"\0")
    h.update(content)
    return h.hexdigest()


# ---------------------------------------------------------------- finished partitions


@dataclass
class StoredPart:
    """One finished partition: the rows of the documents it audited, and every document's entry."""

    claims: pa.Table
    findings: pa.Table
    documents: pa.Table


class Work:
    """The work folder of a run in progress: its manifest and finished partitions."""

    def __init__(self, out: Path) -> None:
        self.root = out / STATE / WORK
        self.parts = self.root / "parts"

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    def manifest(self) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            return data
        except (OSError, ValueError):
            return None

    def finished(self) -> set[str]:
        """Keys of the partitions whose folders are complete."""
        if not self.parts.is_dir():
            return set()
        return {p.name for p in self.parts.iterdir() if p.is_dir() and not p.name.startswith(".")}

    def start(self, manifest: dict[str, Any], keep: set[str]) -> None:
        """Write the manifest; drop partitions not in `keep` and half-written ones."""
        self.parts.mkdir(parents=True, exist_ok=True)
        for path in self.parts.iterdir():
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)
        write_json(self.manifest_path, manifest)

    def save(self, key: str, part: StoredPart) -> None:
        """Store a finished partition atomically (a folder renamed into place)."""
        tmp = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=self.parts))
        for name, table in (
            ("claims", part.claims),
            ("findings", part.findings),
            ("documents", part.documents),
        ):
            with (
                pa.OSFile(str(tmp / f"{name}.arrow"), "wb") as sink,
                pa.ipc.new_file(sink, table.schema) as w,
            ):
                w.write_table(table)
        try:
            os.replace(tmp, self.parts / key)
        except OSError:  # already stored (a task computed twice): keep the first
            shutil.rmtree(tmp, ignore_errors=True)

    def load(self, key: str) -> StoredPart:
        folder = self.parts / key
        tables = []
        for name in ("claims", "findings", "documents"):
            with pa.memory_map(str(folder / f"{name}.arrow")) as source:
                tables.append(pa.ipc.open_file(source).read_all())
        return StoredPart(*tables)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        state = self.root.parent
        if state.is_dir() and not any(state.iterdir()):
            state.rmdir()


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    os.replace(tmp, path)


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ---------------------------------------------------------------- the last finished run


class Rows:
    """Rows [offset, offset + n) of a Parquet file, reading one row group at a time."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.file = pq.ParquetFile(path)
        self.schema = schema
        meta = self.file.metadata
        self.starts = [0]
        for g in range(meta.num_row_groups):
            self.starts.append(self.starts[-1] + meta.row_group(g).num_rows)
        self.cached: tuple[int, pa.Table] | None = None

    def _group(self, g: int) -> pa.Table:
        if self.cached is None or self.cached[0] != g:
            self.cached = (g, self.file.read_row_group(g).cast(self.schema))
        return self.cached[1]

    def slice(self, offset: int, n: int) -> pa.Table:
        pieces = []
        while n > 0:
            g = bisect.bisect_right(self.starts, offset) - 1
            table = self._group(g)
            local = offset - self.starts[g]
            take = min(n, table.num_rows - local)
            pieces.append(table.slice(local, take))
            offset, n = offset + take, n - take
        return pa.concat_tables(pieces) if pieces else self.schema.empty_table()


@dataclass
class Previous:
    """The last finished run in `--out`, for --update: its documents and where their rows are."""

    id: str
    index: dict[str, tuple[str, int, int, int, int, int]]  # id -> hash, claims at, n, findings at, n, chars
    claims: Rows
    findings: Rows
    ids: set[str] = field(default_factory=set)  # every document of the run, reusable or not

    def reusable(self, doc_id: str, digest: str | None) -> bool:
        return digest is not None and self.hash_of(doc_id) == digest

    def hash_of(self, doc_id: str) -> str | None:
        entry = self.index.get(doc_id)
        return entry[0] if entry else None

    def rows(self, doc_id: str) -> tuple[pa.Table, pa.Table, int]:
        """The claims and findings rows of a reused document, and its characters."""
        _, c_at, c_n, f_at, f_n, chars = self.index[doc_id]
        return self.claims.slice(c_at, c_n), self.findings.slice(f_at, f_n), chars


def load_previous(
    out: Path, fp: Fingerprint, claims_schema: pa.Schema, findings_schema: pa.Schema, say: Say
) -> Previous | None:
    """The last finished run in `out` if its record, its outputs and the fingerprint agree; else None,
    having said why every document is audited."""
    state = out / STATE
    try:
        run = json.loads((state / RUN_FILE).read_text(encoding="utf-8"))
        index = pq.read_table(state / INDEX_FILE).to_pylist()
    except (OSError, ValueError, pa.ArrowException):
        say(f"update: no finished run recorded in {out}: auditing every document")
        return None
    changed = fp.changes(run)
    if changed:
        say(f"update: {' and '.join(changed)} changed since the last run: auditing every document")
        return None
    for name in ("claims", "findings"):
        path = out / f"{name}.parquet"
        if not path.is_file() or file_digest(path) != run.get(name):
            say(f"update: {path.name} is not the one the last run wrote: auditing every document")
            return None
    entries: dict[str, tuple[str, int, int, int, int, int]] = {}
    repeated: set[str] = set()
    c_at = f_at = 0
    for row in index:
        if row["id"] in entries:
            repeated.add(row["id"])
        if row["hash"] is not None and not row["error"]:
            entries[row["id"]] = (row["hash"], c_at, row["claims"], f_at, row["findings"], row["characters"])
        c_at += row["claims"]
        f_at += row["findings"]
    for doc_id in repeated:  # an id given to two records: which one changed is unknowable
        entries.pop(doc_id, None)
    return Previous(
        run["claims"],
        entries,
        Rows(out / "claims.parquet", claims_schema),
        Rows(out / "findings.parquet", findings_schema),
        {row["id"] for row in index},
    )


def finish(out: Path, fp: Fingerprint, documents: list[pa.Table]) -> None:
    """Record the finished run (after its outputs are in place) and drop the work folder."""
    state = out / STATE
    index = pa.concat_tables(documents) if documents else DOCUMENTS_SCHEMA.empty_table()
    index = index.drop_columns(["reused"]).append_column("reused", pa.repeat(False, index.num_rows))
    tmp = state / f".{INDEX_FILE}.{uuid.uuid4().hex}.tmp"
    state.mkdir(parents=True, exist_ok=True)
    pq.write_table(index.cast(DOCUMENTS_SCHEMA), tmp)
    os.replace(tmp, state / INDEX_FILE)
    record = {
        **asdict(fp),
        "claims": file_digest(out / "claims.parquet"),
        "findings": file_digest(out / "findings.parquet"),
        "documents": index.num_rows,
    }
    write_json(state / RUN_FILE, record)
    Work(out).remove()
