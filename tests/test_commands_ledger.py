"""`audit ledger`: a ledger built from a corpus run, merged with the desk's hand edits, written
atomically, and round-tripped: an archive's own figures are never stale against it."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit import ledger
from audit.cli import main
from audit.commands.ledger import build_rows
from audit.config import Config
from audit.corpus import PartitionSize, run_corpus
from audit.gate import ConfigResolver, run_gate

RECORDS = [
    {
        "id": "a1",
        "published": "2026-11-18",
        "outlet": "Daily Valdoran",
        "url": "https://example.org/a1",
        "text": "The health ministry said 300 people had been killed in the floods in Valdora.",
    },
    {
        "id": "a2",
        "published": "2026-11-20T09:00:00",
        "outlet": "Wire Service",
        "url": "https://example.org/a2",
        "text": (
            "The health ministry said 450 people had been killed in the floods in Valdora.\n\n"
            "The Red Cross said 1,200 people had been displaced in Valdora."
        ),
    },
    {
        "id": "a3",
        "published": "2026-11-19",
        "outlet": "Daily Valdoran",
        "text": "Police said 20 people were missing in Valdora after the floods.",
    },
]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    source = tmp_path / "archive.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "run"
    run_corpus([str(source)], out)
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_the_ledger_holds_each_originators_latest_figure_with_its_date_and_outlet(archive: Path) -> None:
    rows = {(b.category, b.source): b for b in build_rows(archive, date(2026, 12, 1))}
    assert set(rows) == {
        ("killed", "The health ministry"),
        ("displaced", "The Red Cross"),
        ("missing", "Police"),
    }
    killed = rows[("killed", "The health ministry")]
    assert (killed.value, killed.as_of, killed.url) == (450, date(2026, 11, 20), "https://example.org/a2")
    assert killed.note == "from the archive: Wire Service c1" and killed.event == "valdora"
    assert rows[("missing", "Police")].as_of == date(2026, 11, 19)


def test_the_command_writes_a_ledger_that_loads_and_checks_drafts(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    result = CliRunner().invoke(main, ["ledger", str(archive), "-o", str(out), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert "0 rows kept, 3 added" in result.output
    book = ledger.load(out)
    assert {r.category for r in book.rows} == {"killed", "displaced", "missing"}
    draft = "The health ministry said 300 people had been killed in the floods in Valdora."
    from audit.pipeline import audit_text

    audit = audit_text(draft, config=Config(ledger=book))
    assert [f.rule for f in audit.findings if f.rule == "stale-figure"] == ["stale-figure"]


def test_hand_edited_rows_survive_a_rebuild(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    runner = CliRunner()
    assert runner.invoke(main, ["ledger", str(archive), "-o", str(out)]).exit_code == 0
    rows = read_csv(out)
    for row in rows:
        if row["category"] == "killed":
            row["value"], row["note"] = "452", "checked with the ministry by phone"
    rows.append({**rows[0], "category": "wounded", "value": "75", "source": "the mayor", "note": "by hand"})
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    out.write_text(buf.getvalue(), encoding="utf-8")

    result = runner.invoke(main, ["ledger", str(archive), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 rows kept, 0 added" in result.output
    rebuilt = read_csv(out)
    killed = [r for r in rebuilt if r["category"] == "killed"]
    assert [(r["value"], r["note"]) for r in killed] == [("452", "checked with the ministry by phone")]
    assert any(r["source"] == "the mayor" for r in rebuilt)


def test_a_rebuild_onto_a_bad_ledger_exits_2_and_leaves_it_untouched(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    broken = "event,category,value,source,as_of\nFloods,killed,3,police,not a date\n"
    out.write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(main, ["ledger", str(archive), "-o", str(out)])
    assert result.exit_code == 2 and "line 2: column 'as_of'" in result.output
    assert out.read_text(encoding="utf-8") == broken
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ledger")] == []


def test_a_parquet_ledger_is_written_and_read(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.parquet"
    assert CliRunner().invoke(main, ["ledger", str(archive), "-o", str(out)]).exit_code == 0
    assert len(ledger.load(out).rows) == 3
    assert CliRunner().invoke(main, ["ledger", str(archive), "-o", str(out)]).exit_code == 0
    assert len(ledger.load(out).rows) == 3


def test_a_folder_that_is_no_corpus_run_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ledger", str(tmp_path), "-o", str(tmp_path / "l.csv")])
    assert result.exit_code == 2 and "no events.parquet" in result.output


def test_the_shared_corpus_round_trips_without_a_stale_figure(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """corpus -> ledger -> check --ledger on the same articles: no article's figure is stale
    against the ledger built from it (the corpus has no dates: one as-of date for all)."""
    out = tmp_path_factory.mktemp("ledger-round-trip")
    run_corpus([str(shared / "corpus")], out, partition_size=PartitionSize(documents=64))
    path = out / "ledger.csv"
    result = CliRunner().invoke(main, ["ledger", str(out), "-o", str(path), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    book = ledger.load(path)
    assert len(book.rows) > 100
    run = run_gate([str(shared / "corpus")], ConfigResolver(None, book), None, "error")
    checks = [c for r in run.results for c in r.audit.checks if c.rule == "stale-figure"]
    assert len(checks) > 100
    assert [c.message for c in checks if c.status == "fail"] == []
    sources = [c for r in run.results for c in r.audit.checks if c.rule == "ledger-source"]
    assert [c.message for c in sources if c.status == "fail"] == []
