"""`audit corpus`: inputs, partitions, Parquet outputs, both engines on the shared corpus."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import corpus, load
from audit.cli import main
from audit.corpus import (
    CLAIMS_SCHEMA,
    AtomicParquet,
    FilesPart,
    JsonlPart,
    ParquetPart,
    PartitionSize,
    parse_partition_size,
    plan,
    read_part,
    run_corpus,
)
from audit.pipeline import audit_document

OUTPUTS = ("claims.parquet", "findings.parquet", "events.parquet")
TEXTS = [
    "Police said 12 people were killed in Mosul on Friday.",
    "At least 14 people were killed in Mosul, the health ministry said.",
    "The company sold 3,000 cars in 2023.",
]


def write_jsonl(path: Path, texts: list[str], **extra: object) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            rec = {
                "id": f"doc-{i}",
                "text": text,
                "published": f"2024-03-0{1 + i % 9}",
                "outlet": f"Outlet {i % 2}",
                "url": f"https://example.org/{i}",
                **extra,
            }
            f.write(json.dumps(rec) + "\n")
    return path


def read(out: Path, name: str) -> pa.Table:
    return pq.read_table(out / name)


# ---------------------------------------------------------------- partitions


def test_partition_size_is_documents_or_bytes() -> None:
    assert parse_partition_size("64") == PartitionSize(documents=64)
    assert parse_partition_size("4MB") == PartitionSize(bytes=4_000_000)
    assert parse_partition_size("512KiB") == PartitionSize(bytes=512 * 1024)
    for bad in ("0", "-3", "lots", "4 parsecs"):
        with pytest.raises(ValueError):
            parse_partition_size(bad)


def test_jsonl_is_cut_into_line_ranges_read_back_in_order(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [f"text {i}" for i in range(7)])
    parts = plan([str(path)], PartitionSize(documents=3))
    assert [p.documents for p in parts] == [3, 3, 1]
    assert all(isinstance(p, JsonlPart) for p in parts)
    records = [r for p in parts for r in read_part(p)]
    assert [r.id for r in records] == [f"doc-{i}" for i in range(7)]
    assert [r.text for r in records] == [f"text {i}" for i in range(7)]
    assert (
        records[0].published is not None and records[0].published.isoformat() == "2024-03-01T00:00:00+00:00"
    )


@settings(max_examples=50, deadline=None)
@given(
    texts=st.lists(st.text(alphabet='ab é\u2028\n"{}', max_size=30), max_size=12),
    per_part=st.one_of(
        st.integers(1, 5).map(lambda n: PartitionSize(documents=n)),
        st.integers(1, 300).map(lambda n: PartitionSize(bytes=n)),
    ),
)
def test_partitions_give_back_every_record_once_in_order(texts: list[str], per_part: PartitionSize) -> None:
    with tempfile.TemporaryDirectory() as name:
        path = write_jsonl(Path(name) / "in.jsonl", texts)
        parts = plan([str(path)], per_part)
        records = [r for p in parts for r in read_part(p)]
    assert [r.text for r in records] == texts
    assert sum(p.documents for p in parts) == len(texts)
    if per_part.documents:
        assert all(p.documents <= per_part.documents for p in parts)


def test_partition_size_does_not_change_the_outputs(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS * 3)
    run_corpus([str(path)], tmp_path / "one", partition_size=PartitionSize(documents=1))
    run_corpus([str(path)], tmp_path / "all", partition_size=PartitionSize(bytes=10**9))
    for name in OUTPUTS:
        assert read(tmp_path / "one", name).equals(read(tmp_path / "all", name)), name


def test_blank_lines_are_no_documents(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text('\n{"id": "a", "text": "x"}\n\n\n{"id": "b", "text": "y"}\n\n')
    parts = plan([str(path)], PartitionSize(documents=1))
    assert [p.documents for p in parts] == [1, 1]
    assert [r.id for p in parts for r in read_part(p)] == ["a", "b"]


def test_byte_partitions_hold_about_that_much_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ["x" * 1000] * 10)
    parts = plan([str(path)], PartitionSize(bytes=2500))
    assert [p.documents for p in parts] == [3, 3, 3, 1]


def test_bad_lines_become_document_errors_not_crashes(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "ok", "text": "fine"}\nnot json\n[1]\n{"id": "x"}\n{"text": "t", "published": "soon"}\n'
    )
    records = [r for p in plan([str(path)], PartitionSize(documents=2)) for r in read_part(p)]
    assert [r.error is None for r in records] == [True, False, False, False, False]
    assert records[1].id == "bad.jsonl:2"
    assert "published" in (records[4].error or "")


def test_parquet_rows_are_read_in_slices(tmp_path: Path) -> None:
    table = pa.table(
        {
            "id": [f"p{i}" for i in range(5)],
            "text": [f"t{i}" for i in range(5)],
            "published": ["2024-01-01"] * 5,
            "outlet": ["O"] * 5,
            "url": [None] * 5,
        }
    )
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=3)
    parts = plan([str(tmp_path / "in.parquet")], PartitionSize(documents=2))
    assert [(p.row_group, p.offset, p.documents) for p in parts if isinstance(p, ParquetPart)] == [
        (0, 0, 2),
        (0, 2, 1),
        (1, 0, 2),
    ]
    assert [r.id for p in parts for r in read_part(p)] == [f"p{i}" for i in range(5)]


def test_folders_give_their_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS[0])
    (tmp_path / "b.md").write_text(TEXTS[1])
    (tmp_path / "notes.csv").write_text("no")
    (parts,) = plan([str(tmp_path)], PartitionSize(documents=10))
    assert isinstance(parts, FilesPart)
    assert [Path(i).name for i in parts.ids] == ["a.txt", "b.md"]


# ---------------------------------------------------------------- outputs


def test_atomic_parquet_leaves_nothing_behind_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "claims.parquet"
    with pytest.raises(RuntimeError), AtomicParquet(target, CLAIMS_SCHEMA) as sink:
        sink.write([])
        raise RuntimeError("crash mid-run")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_run_leaves_no_partial_outputs(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    out = tmp_path / "out"
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(click.ClickException, match="cannot reach the dask scheduler"),
    ):
        run_corpus([str(path)], out, engine="dask", scheduler="tcp://127.0.0.1:9")
    assert list(out.iterdir()) == []


def test_claims_rows_are_the_pipeline_claims_with_their_document(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    summary = run_corpus([str(path)], tmp_path / "out", partition_size=PartitionSize(documents=2))
    assert all((tmp_path / "out" / name).is_file() for name in OUTPUTS)
    claims = read(tmp_path / "out", "claims.parquet").to_pylist()
    expected = []
    for i, text in enumerate(TEXTS):
        audit = audit_document(load.from_text(text, path=f"doc-{i}"))
        expected += [(f"doc-{i}", c.id, c.text, c.start, c.end, c.category) for c in audit.claims]
    assert [
        (r["document"], r["id"], r["text"], r["start"], r["end"], r["category"]) for r in claims
    ] == expected
    assert summary.claims == len(expected) > 0
    assert claims[0]["outlet"] == "Outlet 0" and claims[0]["url"] == "https://example.org/0"
    assert set(CLAIMS_SCHEMA.names) >= {
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "subject",
        "hedge",
        "grade",
        "sources",
        "source_names",
        "originators",
        "places",
    }


def test_each_partition_is_one_row_group(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS * 4)
    run_corpus([str(path)], tmp_path / "out", partition_size=PartitionSize(documents=3))
    claims = pq.ParquetFile(tmp_path / "out" / "claims.parquet")
    assert claims.metadata.num_row_groups == 4  # 12 documents, 3 per partition, written as they come


def test_events_reference_claims_that_exist(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    run_corpus([str(path)], tmp_path / "out")
    claims = {(r["document"], r["id"]) for r in read(tmp_path / "out", "claims.parquet").to_pylist()}
    events = read(tmp_path / "out", "events.parquet").to_pylist()
    members = [(m["document"], m["claim"]) for e in events for m in e["members"]]
    assert members and set(members) <= claims


def test_reports_of_one_bombing_in_several_papers_are_one_event(tmp_path: Path) -> None:
    reports = {
        "a": "Twelve people were killed in a car bombing in Mosul on Friday, police said.",
        "b": "A car bomb killed 12 people in Mosul on Friday, according to the health directorate.",
        "c": "Police said 30 people were killed in the Mosul bombing on Friday.",
        "d": "Hospital officials said 40 people were killed in the Basra blast.",
    }
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": k, "text": t, "published": "2024-03-01", "outlet": k}) for k, t in reports.items()
    ]
    path.write_text("\n".join(lines) + "\n")
    run_corpus([str(path)], tmp_path / "out")
    events = read(tmp_path / "out", "events.parquet").to_pylist()
    by_documents = {tuple(sorted({m["document"] for m in e["members"]})): e for e in events}
    assert set(by_documents) == {("a", "b", "c"), ("d",)}
    mosul = by_documents[("a", "b", "c")]
    assert (mosul["min"], mosul["max"]) == (12, 30)
    assert len(mosul["conflicts"]) == 1 and "12" in mosul["conflicts"][0] and "30" in mosul["conflicts"][0]


def test_the_command_writes_outputs_and_reports_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXTS[0]}) + "\n" + "oops\n")
    result = CliRunner().invoke(main, ["corpus", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "in.jsonl:2: error: line is not JSON" in result.output
    assert "2 documents (1 errors)" in result.output
    assert all((tmp_path / "out" / name).is_file() for name in OUTPUTS)


def test_the_command_rejects_a_bad_partition_size(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["corpus", str(tmp_path), "--out", str(tmp_path / "o"), "--partition-size", "huge"]
    )
    assert result.exit_code == 2 and "partition size" in result.output


def test_a_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    args = ["corpus", str(tmp_path), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:8786"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output


def test_dask_engine_without_dask_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(click.ClickException, match=r"pip install 'figure-audit\[dask\]'"):
        corpus._import_dask()


# ---------------------------------------------------------------- the shared corpus


@pytest.fixture(scope="module")
def local_run(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run_corpus([str(shared / "corpus")], out, partition_size=PartitionSize(documents=40))
    return out


@pytest.mark.slow
def test_local_engine_audits_the_shared_corpus(shared: Path, local_run: Path) -> None:
    files = sorted(p for p in (shared / "corpus").iterdir() if p.suffix in (".txt", ".md"))
    claims = read(local_run, "claims.parquet")
    assert set(claims.column("document").to_pylist()) <= {str(p) for p in files}
    sample = files[len(files) // 2]
    audit = audit_document(load.load_path(str(sample)))
    rows = [r for r in claims.to_pylist() if r["document"] == str(sample)]
    assert [(r["id"], r["start"], r["end"]) for r in rows] == [(c.id, c.start, c.end) for c in audit.claims]
    events = read(local_run, "events.parquet").to_pylist()
    assert any(e["documents"] > 1 for e in events)  # the same tolls are reported by several articles


@pytest.mark.slow
def test_dask_engine_gives_the_same_parquet_as_the_local_engine(
    shared: Path, local_run: Path, tmp_path: Path
) -> None:
    pytest.importorskip("dask.dataframe")
    pytest.importorskip("distributed")
    run_corpus([str(shared / "corpus")], tmp_path, engine="dask", partition_size=PartitionSize(documents=25))
    for name in OUTPUTS:
        assert read(tmp_path, name).equals(read(local_run, name)), name


def test_dask_engine_runs_on_a_given_scheduler(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS * 3)
    run_corpus([str(path)], tmp_path / "local", partition_size=PartitionSize(documents=2))
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        run_corpus(
            [str(path)],
            tmp_path / "dask",
            engine="dask",
            scheduler=cluster.scheduler_address,
            partition_size=PartitionSize(documents=4),
        )
    for name in OUTPUTS:
        assert read(tmp_path / "dask", name).equals(read(tmp_path / "local", name)), name


# ---------------------------------------------------------------- dask faults


def long_jsonl(path: Path, documents: int) -> Path:
    """Articles of about 2 KB each (one partition each in the tests below)."""
    texts = [
        " ".join(f"{t} Officials said {n + k} more were hurt." for k, t in enumerate(TEXTS * 6))
        for n in range(documents)
    ]
    return write_jsonl(path, texts)


@pytest.mark.dask
def test_a_worker_killed_mid_run_is_retried_and_the_outputs_are_complete(tmp_path: Path) -> None:
    import os
    import signal
    import threading
    import time

    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    path = long_jsonl(tmp_path / "in.jsonl", 30)
    size = PartitionSize(documents=1)
    run_corpus([str(path)], tmp_path / "local", partition_size=size)
    failure: list[BaseException] = []
    finished_at_kill = -1
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        victim = sorted(client.run(os.getpid).values())[0]

        def run() -> None:
            try:
                run_corpus([str(path)], tmp_path / "dask", engine="dask",
                           scheduler=cluster.scheduler_address, partition_size=size)  # fmt: skip
            except BaseException as e:  # re-raised below, in the test's thread
                failure.append(e)

        thread = threading.Thread(target=run)
        thread.start()
        parts = tmp_path / "dask" / ".audit" / "work" / "parts"
        deadline = time.monotonic() + 120
        while thread.is_alive() and time.monotonic() < deadline:
            finished = sum(1 for p in parts.iterdir() if not p.name.startswith(".")) if parts.is_dir() else 0
            if finished >= 2:
                finished_at_kill = finished
                os.kill(victim, signal.SIGKILL)
                break
            time.sleep(0.005)
        thread.join(timeout=300)
    assert not failure, failure
    assert 0 < finished_at_kill < 30  # the worker died mid-run
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


@pytest.mark.dask
def test_a_scheduler_without_workers_says_so_and_gives_up_after_the_timeout(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        args = ["corpus", str(path), "--out", str(out), "--engine", "dask"]
        result = CliRunner().invoke(main, [*args, "--scheduler", cluster.scheduler_address, "--timeout", "1"])
    assert result.exit_code == 2, result.output
    assert f"dask: waiting for workers at {cluster.scheduler_address}: 0 connected (giving up after 1 s)" in (
        result.output
    )
    assert "no dask worker connected" in result.output and "no output was written" in result.output
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.dask
def test_workers_that_join_late_are_used(tmp_path: Path) -> None:
    import threading

    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    path = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    said: list[str] = []
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        waiting = threading.Event()

        def say(message: str) -> None:
            said.append(message)
            if "waiting for workers" in message:
                waiting.set()

        def join() -> None:
            waiting.wait(timeout=60)
            cluster.scale(1)

        threading.Thread(target=join).start()
        summary = run_corpus([str(path)], tmp_path / "out", engine="dask",
                             scheduler=cluster.scheduler_address, timeout=60, say=say)  # fmt: skip
    assert summary.documents == 3
    assert said[0].endswith("0 connected (giving up after 60 s)") and "dask: 1 worker connected" in said[1]
