"""The desk's ledger: reading and validating ledger files, matching figures to rows, and the
three ledger rules (stale-figure, ledger-source, off-ledger) on drafts of the seeds' story."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import ledger
from audit.cli import main
from audit.commands.ledger import render_csv
from audit.config import Config, ConfigError, load_config
from audit.ledger import LedgerError
from audit.pipeline import audit_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_LEDGER = SEEDS / "ledger.csv"
LEDGER_RULES = ("stale-figure", "ledger-source", "off-ledger")
HEADER = "event,category,value,low,high,qualifier,source,as_of,place,subject,keywords,url,note\n"

# A later draft of the seeds' story, in our own words: an outdated NIS toll, a figure put in the
# wrong source's mouth, and a figure no ledger row gives.
OUTDATED = (
    "# Toll among North Korean troops in Kursk keeps rising\n\n"
    "South Korea's National Intelligence Service said 100 North Korean soldiers had been killed "
    "in the Kursk region.\n\n"
    "Ukraine's military said North Korean troops had suffered at least 3,000 casualties so far.\n\n"
    "Regional officials said about 12,000 residents of Kursk had been displaced by the fighting.\n"
)


def seed_ledger() -> ledger.Ledger:
    return ledger.load(SEED_LEDGER)


def ledger_findings(text: str, book: ledger.Ledger | None) -> list[tuple[str, str]]:
    audit = audit_text(text, path="draft.md", fmt="markdown", config=Config(ledger=book))
    return [(f.rule, f.message) for f in audit.findings if f.rule in LEDGER_RULES]


def write(tmp_path: Path, text: str, name: str = "ledger.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- reading


def test_the_seed_ledger_reads_with_bounds_as_the_contract_gives_them() -> None:
    book = seed_ledger()
    assert len(book.rows) == 10
    casualties = next(r for r in book.rows if r.category == "casualties")
    assert (casualties.value, casualties.low, casualties.high, casualties.qualifier) == (
        3000,
        3000,
        None,
        "at_least",
    )
    assert casualties.as_of == date(2025, 1, 13)
    assert casualties.places == ("kursk",) and "north korean troops" in casualties.keywords
    assert casualties.line == 4


def test_a_range_without_a_value_takes_the_midpoint(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "Floods,missing,,20,40,,the police,2026-11-02,Valdora,,,,\n")
    row = ledger.load(path).rows[0]
    assert (row.value, row.low, row.high, row.qualifier) == (30, 20, 40, "range")


def test_a_parquet_ledger_reads_like_its_csv(tmp_path: Path) -> None:
    rows = [
        {
            "event": "Floods",
            "category": "killed",
            "value": 450,
            "source": "the ministry",
            "as_of": date(2026, 11, 20),
            "place": "Valdora",
        },
        {
            "event": "Floods",
            "category": "wounded",
            "value": 1200.0,
            "source": "the ministry",
            "as_of": "2026-11-20",
            "keywords": "floods",
        },
    ]
    path = tmp_path / "ledger.parquet"
    pq.write_table(pa.Table.from_pylist([{**r, "as_of": str(r["as_of"])} for r in rows]), path)
    got = ledger.load(path).rows
    assert [(r.category, r.value, r.as_of, r.line) for r in got] == [
        ("killed", 450, date(2026, 11, 20), 2),
        ("wounded", 1200, date(2026, 11, 20), 3),
    ]


BAD = [
    ("empty", "", "is empty"),
    ("header only", HEADER, "has no rows"),
    ("missing column", "event,category,value,source\nFloods,killed,3,police\n", "missing column 'as_of'"),
    (
        "unknown column",
        "event,category,value,source,as_of,editor\nF,killed,3,p,2026-01-01,me\n",
        "column 'editor'",
    ),
    ("unknown category", HEADER + "F,deaths,3,,,,police,2026-01-01,,,,,\n", "line 2: column 'category'"),
    ("bad date", HEADER + "F,killed,3,,,,police,20/11/2026,,,,,\n", "line 2: column 'as_of'"),
    ("bad number", HEADER + "F,killed,three,,,,police,2026-01-01,,,,,\n", "line 2: column 'value'"),
    ("negative", HEADER + "F,killed,-3,,,,police,2026-01-01,,,,,\n", "line 2: column 'value'"),
    ("no value", HEADER + "F,killed,,,,,police,2026-01-01,,,,,\n", "line 2: column 'value'"),
    ("bad qualifier", HEADER + "F,killed,3,,,roughly,police,2026-01-01,,,,,\n", "line 2: column 'qualifier'"),
    ("low above high", HEADER + "F,killed,,9,3,,police,2026-01-01,,,,,\n", "line 2: column 'high'"),
    ("missing source", HEADER + "F,killed,3,,,,,2026-01-01,,,,,\n", "line 2: column 'source'"),
    ("bad url", HEADER + "F,killed,3,,,,police,2026-01-01,,,,javascript:alert(1),\n", "line 2: column 'url'"),
    ("too many cells", HEADER + "F,killed,3,,,,police,2026-01-01,,,,,,,extra\n", "line 2: 15 cells"),
    ("no place or keywords", HEADER + "F,killed,3,,,,police,2026-01-01,,,,,\n", "line 2: column 'place'"),
    (
        "duplicate row",
        HEADER + "F,killed,3,,,,police,2026-01-01,X,,,,\nF,killed,3,,,,the police,2026-01-01,X,,,,a note\n",
        "line 3: duplicate row",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_ledger_names_the_file_the_line_and_the_column(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(LedgerError) as err:
        ledger.load(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_a_spreadsheets_trailing_empty_columns_are_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.rstrip() + ",,\nF,killed,3,,,,police,2026-01-01,X,,,,,,\n")
    assert ledger.load(path).rows[0].value == 3
    path = write(tmp_path, HEADER.rstrip() + ",\nF,killed,3,,,,police,2026-01-01,X,,,,,stray\n")
    with pytest.raises(LedgerError, match="line 2: a value in a column with no name"):
        ledger.load(path)


PIECES = [*'ab,;"\n\r 0123-:.', "event", "killed", "2026-01-01", "\u00e9", "Kursk", ",,,,"]


@settings(max_examples=60, deadline=None)
@given(st.booleans(), st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_is_a_ledger_or_a_ledger_error(with_header: bool, text: str) -> None:
    import os
    import tempfile

    fd, name = tempfile.mkstemp(suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write((HEADER if with_header else "") + text)
        try:
            ledger.load(Path(name))
        except LedgerError as e:
            assert name in str(e)
    finally:
        os.unlink(name)


def test_a_ledger_that_is_not_utf8_or_not_parquet_is_a_clear_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes(HEADER.encode() + "F,killed,3,,,,Polic\xeda,2026-01-01,,,,,\n".encode("latin-1"))
    with pytest.raises(LedgerError, match="not UTF-8"):
        ledger.load(latin)
    fake = write(tmp_path, "not parquet at all", "ledger.parquet")
    with pytest.raises(LedgerError, match="not a readable Parquet file"):
        ledger.load(fake)


def test_a_50_mb_ledger_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(50_000_000)  # sparse: the size is what is checked, before any reading
    with pytest.raises(LedgerError, match=r"50\.0 MB; the limit is 20 MB"):
        ledger.load(path)


@pytest.mark.parametrize("command", ["check", "extract", "report"])
def test_a_bad_ledger_on_the_command_line_exits_2_without_a_traceback(tmp_path: Path, command: str) -> None:
    bad = write(tmp_path, HEADER + "F,killed,3,,,,police,yesterday,,,,,\n")
    args = [command, str(SEEDS / "north-korean-losses.md"), "--ledger", str(bad)]
    if command == "report":
        args += ["-o", str(tmp_path / "out")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"{bad}: line 2: column 'as_of'" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, LedgerError)


def test_the_config_names_a_ledger_relative_to_itself(tmp_path: Path) -> None:
    write(tmp_path, SEED_LEDGER.read_text(encoding="utf-8"), "desk-ledger.csv")
    (tmp_path / "audit.toml").write_text('ledger = "desk-ledger.csv"\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.ledger is not None and len(config.ledger.rows) == 10
    write(tmp_path, HEADER + "F,killed,3,,,,police,2026-13-01,,,,,\n", "desk-ledger.csv")
    with pytest.raises(ConfigError, match="desk-ledger.csv: line 2: column 'as_of'"):
        load_config(tmp_path)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(ledger.HARM_CATEGORIES)),
            st.integers(min_value=0, max_value=10**7),
            st.sampled_from(["exact", "approx", "at_least", "at_most"]),
            st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
        ),
        min_size=1,
        max_size=8,
        unique_by=lambda t: (t[0], t[3]),
    )
)
def test_a_written_ledger_reads_back_the_same_figures(
    figures: list[tuple[str, int, str, date]],
) -> None:
    rows = [
        {
            "event": "E",
            "category": c,
            "value": str(v),
            "qualifier": q,
            "source": "the police",
            "as_of": d.isoformat(),
            "place": "Valdora",
        }
        for c, v, q, d in figures
    ]
    text = render_csv(rows)
    lines = text.splitlines()[1:]
    import csv
    import io

    parsed = ledger.parse_rows(enumerate(csv.DictReader(io.StringIO(text)), start=2), "written.csv")
    assert len(parsed) == len(lines) == len(figures)
    for row, (c, v, q, d) in zip(parsed, figures, strict=True):
        assert (row.category, row.value, row.qualifier, row.as_of) == (c, v, q, d)


# ---------------------------------------------------------------- the rules on the seeds' story


def test_the_up_to_date_seed_draft_raises_no_ledger_finding_and_shows_every_comparison() -> None:
    text = (SEEDS / "north-korean-losses.md").read_text(encoding="utf-8")
    audit = audit_text(text, path="seed.md", fmt="markdown", config=Config(ledger=seed_ledger()))
    assert [f for f in audit.findings if f.rule in LEDGER_RULES] == []
    compared = {
        (c.rule, c.status, audit.claim(c.claims[0]).category) for c in audit.checks if c.rule in LEDGER_RULES
    }
    assert compared == {
        (rule, "pass", category)
        for rule in ("stale-figure", "ledger-source")
        for category in ("casualties", "killed", "wounded", "captured")
    }
    stale = next(c for c in audit.checks if c.rule == "stale-figure" and "killed" in c.message)
    assert stale.message.endswith(
        "matches the ledger: South Korea's National Intelligence Service, 300 killed as of 2025-01-13"
    )
    assert stale.details["ledger"][0]["source"] == "South Korea's National Intelligence Service"


def test_an_outdated_draft_raises_exactly_one_finding_of_each_ledger_rule() -> None:
    found = ledger_findings(OUTDATED, seed_ledger())
    assert sorted(rule for rule, _ in found) == sorted(LEDGER_RULES)
    messages = dict(found)
    assert messages["stale-figure"] == (
        "100 killed (South Korea's National Intelligence Service) is older than the ledger: "
        "South Korea's National Intelligence Service, 300 killed as of 2025-01-13"
    )
    assert messages["ledger-source"].startswith(
        "3,000 casualties is South Korea's National Intelligence Service's figure in the ledger, "
        "not Ukraine's military's"
    )
    assert messages["off-ledger"] == (
        "no ledger row gives 12,000 displaced for this event (North Korean troops in Kursk)"
    )


def test_without_a_ledger_no_ledger_check_runs() -> None:
    audit = audit_text(OUTDATED, path="draft.md", fmt="markdown")
    assert not [c for c in audit.checks if c.rule in LEDGER_RULES]


def test_a_figure_of_another_story_is_not_compared() -> None:
    text = "The regional governor said 120 people had died in the floods in Valdora."
    audit = audit_text(text, config=Config(ledger=seed_ledger()))
    assert not [c for c in audit.checks if c.rule in LEDGER_RULES]


def test_a_figure_above_the_latest_is_not_the_ledgers_figure() -> None:
    text = "The NIS said 500 North Korean soldiers had been killed in Kursk."
    assert ledger_findings(text, seed_ledger()) == [
        (
            "stale-figure",
            "500 killed (The NIS) is not the ledger's latest figure: "
            "South Korea's National Intelligence Service, 300 killed as of 2025-01-13",
        )
    ]


def test_an_early_toll_far_below_the_latest_is_still_stale(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "Valdora floods,killed,12,,,,the health ministry,2026-11-02,Valdora,,,,\n"
        + "Valdora floods,killed,450,,,,the health ministry,2026-11-20,Valdora,,,,\n",
    )
    text = "The health ministry said 12 people had died in the floods in Valdora."
    assert ledger_findings(text, ledger.load(path)) == [
        (
            "stale-figure",
            "12 killed (The health ministry) is older than the ledger: "
            "the health ministry, 450 killed as of 2026-11-20",
        )
    ]


def test_a_figure_of_another_magnitude_than_every_row_is_off_the_ledger(tmp_path: Path) -> None:
    path = write(
        tmp_path, HEADER + "Valdora floods,killed,450,,,,the health ministry,2026-11-20,Valdora,,,,\n"
    )
    text = "Police said a landslide in Valdora had killed 7 people."
    assert [rule for rule, _ in ledger_findings(text, ledger.load(path))] == ["off-ledger"]


def test_subjects_must_agree_where_both_give_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "Border shelling,killed,46,,,,the health ministry,2026-11-22,,civilians,shelling,,\n"
        + "Border shelling,killed,200,,,,the army,2026-11-21,,fighters,shelling,,\n",
    )
    book = ledger.load(path)
    fighters = "The shelling killed 200 fighters, the health ministry said."
    assert [rule for rule, _ in ledger_findings(fighters, book)] == ["ledger-source"]
    civilians = "The shelling killed 46 civilians, the health ministry said."
    assert ledger_findings(civilians, book) == []


def test_keywords_in_the_lede_place_later_figures_in_the_event(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER + "Border shelling,wounded,130,,,,the health ministry,2026-11-22,,,week of shelling,,\n",
    )
    text = (
        "A ceasefire held after a week of shelling.\n\n"
        "Later, the health ministry said 150 people had been wounded.\n"
    )
    found = ledger_findings(text, ledger.load(path))
    assert [rule for rule, _ in found] == ["stale-figure"]


def test_the_json_contract_carries_the_ledger_rows_in_check_details(tmp_path: Path) -> None:
    draft = write(tmp_path, OUTDATED, "draft.md")
    result = CliRunner().invoke(
        main, ["extract", str(draft), "--format", "json", "--ledger", str(SEED_LEDGER)]
    )
    assert result.exit_code == 0, result.output
    checks = json.loads(result.output)["documents"][0]["checks"]
    stale = next(c for c in checks if c["rule"] == "stale-figure")
    assert stale["status"] == "fail" and stale["details"]["verdict"] == "stale"
    assert stale["details"]["ledger"][0] == {
        "event": "North Korean troops in Kursk",
        "source": "South Korea's National Intelligence Service",
        "category": "killed",
        "figure": "300",
        "value": 300,
        "qualifier": "exact",
        "as_of": "2025-01-13",
        "line": 5,
    }


@pytest.mark.parametrize(
    ("fmt", "needle"),
    [
        ("text", "warning[stale-figure]"),
        ("github", "title=audit stale-figure (warning)"),
        ("junit", 'name="stale-figure [100]"'),
        ("sarif", '"ruleId": "stale-figure"'),
    ],
)
def test_every_gate_format_carries_the_ledger_findings(tmp_path: Path, fmt: str, needle: str) -> None:
    draft = write(tmp_path, OUTDATED, "draft.md")
    result = CliRunner().invoke(
        main, ["check", str(draft), "--format", fmt, "--ledger", str(SEED_LEDGER), "--exit-zero"]
    )
    assert result.exit_code == 0, result.output
    assert needle in result.output
    for rule in ("ledger-source", "off-ledger"):
        assert rule in result.output


def test_the_sarif_of_ledger_findings_is_valid(shared: Path, tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    draft = write(tmp_path, OUTDATED, "draft.md")
    result = CliRunner().invoke(
        main, ["check", str(draft), "--format", "sarif", "--ledger", str(SEED_LEDGER), "--exit-zero"]
    )
    log = json.loads(result.output)
    jsonschema.validate(log, schema)
    rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(LEDGER_RULES) <= rules
