"""Hostile input: whatever a newsroom feeds the audit, no traceback, nothing lost, bounded time.

Inputs are generated here, never committed. Time limits belong to the harness (SIGALRM, or a
subprocess timeout), not to assertions: a case that runs over is an error, not a slow pass.
"""

from __future__ import annotations

import contextlib
import json
import random
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit import load, segment
from audit.cli import main
from audit.extract import MAX_CLAIMS
from audit.model import Audit, Document
from audit.pipeline import audit_document, audit_text

MB = 1024 * 1024
STAGE_LIMIT = 15  # seconds for load + segment of one multi-megabyte input
CLI_LIMIT = 30  # seconds for one `audit extract` run over the moderate inputs


class HarnessTimeout(BaseException):  # BaseException: CliRunner must not swallow it
    pass


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise HarnessTimeout(f"over the {seconds} s harness limit")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _random_bytes(size: int, seed: int = 8) -> bytes:
    return random.Random(seed).randbytes(size)


def _sentences_of_numbers(count: int) -> str:
    return "Officials counted " + ", ".join(str(i * 7) for i in range(count)) + " dead.\n"


# Multi-megabyte inputs, the sizes issue 8 names, for the stages this module owns.
BIG: dict[str, Callable[[], bytes]] = {
    "digits": lambda: b"7" * (5 * MB),
    "ones-commas": lambda: b",".join([b"1"] * (2 * MB)),
    "one-5mb-line": lambda: (b"Some 12 people died and 30 were hurt, police said, " * 100_000)[: 5 * MB],
    "numbers-in-one-sentence": lambda: _sentences_of_numbers(200_000).encode(),
    "random-bytes": lambda: _random_bytes(2 * MB),
    "mixed-line-ends": lambda: b"Some 4 died.\r\nThen 5.\rAnd 6 more.\n" * 60_000,
    "dots": lambda: b"." * (2 * MB),
    "spaces-then-text": lambda: b" " * (4 * MB) + b"Some 4 died.",
    "blank-lines": lambda: b"\n" * (4 * MB),
    "short-lines": lambda: b"7 dead\n" * 500_000,
    "markup-soup": lambda: b"<!--<a href='x>&#&amp;[x](y `z ** <p>" * 60_000,
}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("name", sorted(BIG))
def test_load_and_segment_are_bounded(name: str, fmt: str) -> None:
    data = BIG[name]()
    with time_limit(STAGE_LIMIT):
        doc = load.from_bytes(data, path=f"big.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt] }")
        sentences = segment.segment(doc)
    if doc.error:
        assert name == "random-bytes" and "binary" in doc.error
        return
    assert len(doc.prose) == len(doc.source)
    assert all(len(s.text) <= segment.MAX_SENTENCE_CHARS for s in sentences)


def test_random_bytes_are_refused_as_binary() -> None:
    doc = load.from_bytes(_random_bytes(64 * 1024), path="noise.txt")
    assert doc.error is not None and "binary" in doc.error


# Moderate inputs of the same shapes, through the whole pipeline and the CLI.
MODERATE: dict[str, bytes] = {
    "digits.txt": b"7" * 300,  # longer runs: see test_pipeline_megabytes_of_digits
    "ones-commas.txt": b",".join([b"1"] * 500),
    "long-line.txt": b"Some 12 people died and 30 were hurt, police said, " * 200,
    "numbers-in-one-sentence.txt": _sentences_of_numbers(400).encode(),
    "mixed-line-ends.txt": b"Some 4 died.\r\nThen 5 more.\rAnd 6 were hurt.\n" * 40,
    "markup-in-text.txt": b"<p>At least 12 killed</p> **30 hurt** [5 missing](http://x/9) `7`\n" * 20,
    "nul-and-controls.txt": b"Some\x00 12\x07 were\x1b killed.\x0c Then 30 more.\n"
    + b"Police said 4 died.\n" * 20,
    "cp1252.txt": "The \u201cmassive\u201d toll: 12 dead, \u00a3300m lost.\n".encode("cp1252"),
    "utf16.txt": "\ufeffSome 45 people died.\r\n".encode("utf-16-le"),
    "bom.txt": "\ufeffSome 45 people died.\n".encode(),
    "soup.html": b"<!--<a href='x>&#&amp;[x](y `z ** <p>12 dead</p>" * 30,
    "soup.md": b"---\nx: 1\n---\n# 4 dead\n\n```\n5\n" + b"[a](b `c` **d** <e> 6 died.\n" * 30,
    "empty.txt": b"",
}


def run_cli(*args: str) -> Result:
    with time_limit(CLI_LIMIT):
        return CliRunner().invoke(main, ["extract", *args])


def _check_contract(payload: dict[str, object], files: dict[str, bytes]) -> None:
    documents = payload["documents"]
    assert isinstance(documents, list)
    for document in documents:
        path = document["path"]
        doc = load.load_path(path)
        for c in document["claims"]:
            assert doc.source[c["start"] : c["end"]] == c["text"], (path, c)
            assert doc.position(c["start"]) == (c["line"], c["column"]), (path, c)
    assert len(documents) == len(files)


@pytest.fixture()
def hostile_dir(tmp_path: Path) -> Path:
    for name, data in MODERATE.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_cli_survives_hostile_files(hostile_dir: Path) -> None:
    result = run_cli(str(hostile_dir), "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output[-2000:]
    payload = json.loads(result.stdout)
    _check_contract(payload, MODERATE)
    by_name = {Path(d["path"]).name: d for d in payload["documents"]}
    assert by_name["empty.txt"]["claims"] == []
    assert any("cp1252" in n for n in by_name["cp1252.txt"]["notices"])
    assert not any(d.get("error") for d in payload["documents"])


def test_cli_output_is_byte_identical_twice(hostile_dir: Path) -> None:
    first = run_cli(str(hostile_dir), "--format", "json")
    second = run_cli(str(hostile_dir), "--format", "json")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes


def test_cli_unreadable_files_exit_2_and_the_rest_is_audited(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Police said 45 people were killed.\n")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n" + _random_bytes(3000))
    (tmp_path / "noise.txt").write_bytes(_random_bytes(3000))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [
        str(good),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "report.pdf"),
        str(tmp_path / "noise.txt"),
        str(tmp_path),
        str(empty),
    ]
    result = run_cli(*paths, "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    payload = json.loads(result.stdout)
    docs = {d["path"]: d for d in payload["documents"]}
    assert docs[str(good)]["claims"] and "error" not in docs[str(good)]
    assert docs[str(tmp_path / "missing.txt")]["error"] == "cannot read: no such file"
    assert "PDF" in docs[str(tmp_path / "report.pdf")]["error"]
    assert "binary" in docs[str(tmp_path / "noise.txt")]["error"]
    assert docs[str(empty)]["claims"] == []
    for bad in ("missing.txt", "report.pdf", "noise.txt"):
        assert f"{tmp_path / bad}: error:" in result.stderr


def test_cli_empty_file_exits_0(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = run_cli(str(empty), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"][0]["claims"] == []


STDIN_BYTES = b"\xef\xbb\xbfSome 12 people died.\r\nThen\x00 30 more.\r"


def test_real_subprocess_with_stdin_and_files(hostile_dir: Path) -> None:
    """A real process: stdin bytes, a missing file and the hostile folder, under a harness timeout."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "audit.cli",
            "extract",
            "-",
            str(hostile_dir / "nope.txt"),
            str(hostile_dir),
            "--format",
            "json",
        ],
        input=STDIN_BYTES,
        capture_output=True,
        timeout=120,
        check=False,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, stderr[-2000:]
    assert "Traceback" not in stderr
    assert "nope.txt: error: cannot read: no such file" in stderr
    payload = json.loads(proc.stdout)
    stdin_doc = payload["documents"][0]
    assert stdin_doc["path"] == "-"
    source = load.from_bytes(STDIN_BYTES).source
    for c in stdin_doc["claims"]:
        assert source[c["start"] : c["end"]] == c["text"]
    claims = stdin_doc["claims"]

    def number_at(number: str) -> tuple[int, int]:
        c = next(c for c in claims if c["text"].endswith(number))
        return c["line"], c["column"] + c["text"].rindex(number)

    assert number_at("12") == (1, 7) and number_at("30") == (2, 7)  # the BOM is column 1


# The full sizes through every stage.
def test_pipeline_megabytes_of_digits(tmp_path: Path) -> None:
    (tmp_path / "digits.txt").write_bytes(b"7" * (5 * MB))
    with time_limit(10):
        audit_document(load.load_path(str(tmp_path / "digits.txt")))


def test_pipeline_one_comma_one_repeated(tmp_path: Path) -> None:
    (tmp_path / "ones.txt").write_bytes(b",".join([b"1"] * (MB // 2)))
    with time_limit(10):
        audit = audit_document(load.load_path(str(tmp_path / "ones.txt")))
    assert len(audit.claims) == MAX_CLAIMS
    assert any("only the first" in n for n in audit.document.notices)


# --- properties over the whole pipeline -----------------------------------------------------------


def _check_claims(audit: Audit) -> None:
    doc: Document = audit.document
    for c in audit.claims:
        assert doc.source[c.start : c.end] == c.text
        assert doc.position(c.start) == (c.line, c.column)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["x.txt", "x.md", "x.html", "-"]))
def test_pipeline_on_any_text(text: str, path: str) -> None:
    _check_claims(audit_text(text, path=path))


NEWSY = st.lists(
    st.sampled_from(list("0123456789,.%$\u00a3- abcdkilmnorstuwAKT\n\r\t\"'()<>/&;#*_[]`!"))
    | st.sampled_from(
        [
            "killed",
            " at least ",
            " million",
            "thousand",
            "two",
            "dozens of",
            " per cent",
            "\u2013",
            "\u201c",
            "\u00a0",
            "\ufeff",
            "\x00",
            "&amp;",
            "<p>",
            "</p>",
            "```",
            "---\n",
            "\r\n",
        ]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY, st.sampled_from(["x.txt", "x.md", "x.html"]))
def test_pipeline_on_newsy_text(text: str, path: str) -> None:
    _check_claims(audit_text(text, path=path))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=600)
    | NEWSY.map(lambda s: s.encode("utf-8"))
    | NEWSY.map(lambda s: s.encode("utf-16")),
    st.sampled_from(["x.txt", "x.md", "x.html", "-"]),
)
def test_pipeline_on_any_bytes(data: bytes, path: str) -> None:
    doc = load.from_bytes(data, path=path)
    assert len(doc.prose) == len(doc.source)
    _check_claims(audit_document(doc))
