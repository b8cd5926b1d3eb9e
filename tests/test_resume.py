"""Resume and update of corpus runs: a crash, a changed input, rules or version, an archive that grows.

Every comparison is against a clean, uninterrupted run over the same input, byte for byte."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audit import corpus, resume
from audit.corpus import PartitionSize, run_corpus

OUTPUTS = ("claims.parquet", "findings.parquet", "events.parquet")
PLACES = ["Mosul", "Basra", "Kirkuk", "Aleppo", "Homs", "Gaza", "Kharkiv", "Mariupol"]


def article(n: int) -> str:
    """A short report whose figures depend on n (no two articles alike)."""
    place = PLACES[n % len(PLACES)]
    return (
        f"At least {n + 12} people were killed in a car bombing in {place} on Friday, police said. "
        f"Another {2 * n + 30} were wounded, according to the health ministry. "
        f"The ministry said {n + 5} of the dead were children, and that {n % 7 + 3} soldiers were missing. "
        f"Officials put the damage at ${n + 2} million."
    )


def write_archive(path: Path, ids: list[int], texts: dict[int, str] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for n in ids:
            text = (texts or {}).get(n, article(n))
            record = {
                "id": f"a{n}",
                "text": text,
                "published": f"2024-03-{1 + n % 28:02d}",
                "outlet": f"o{n % 5}",
            }
            f.write(json.dumps(record) + "\n")
    return path


def same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert sorted(p.name for p in a.iterdir()) == sorted(p.name for p in b.iterdir())  # no leftovers


def messages() -> tuple[list[str], resume.Say]:
    said: list[str] = []
    return said, said.append


# ---------------------------------------------------------------- resume


class Crash(Exception):
    pass


AUDIT_PART = corpus.audit_part


def crash_after(monkeypatch: pytest.MonkeyPatch, parts: int) -> list[object]:
    """Make the local engine crash when it starts partition number `parts` (0-based); returns the
    list of partitions it audits."""
    audited: list[object] = []

    def audit_part(part: corpus.Part, *args: object) -> corpus.PartResult:
        if len(audited) == parts:
            raise Crash
        audited.append(part)
        return AUDIT_PART(part, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "audit_part", audit_part)
    return audited


def test_a_crashed_run_resumes_with_the_unfinished_partitions_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(12)))
    size = PartitionSize(documents=3)
    run_corpus([str(src)], tmp_path / "clean", partition_size=size)
    crash_after(monkeypatch, 2)
    with pytest.raises(Crash):
        run_corpus([str(src)], tmp_path / "out", partition_size=size)
    assert not any((tmp_path / "out" / name).exists() for name in OUTPUTS)  # nothing half-written
    audited = crash_after(monkeypatch, 99)
    said, say = messages()
    summary = run_corpus([str(src)], tmp_path / "out", partition_size=size, resume_run=True, say=say)
    assert len(audited) == 2 and summary.resumed == 2 and summary.documents == 12
    assert "resume: 2 of 4 partitions were finished by the interrupted run; auditing 2" in said
    same_outputs(tmp_path / "out", tmp_path / "clean")
    assert not (tmp_path / "out" / ".audit" / "work").exists()  # the work folder goes once the run is done


def test_resume_audits_again_the_partitions_of_a_changed_input_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_archive(tmp_path / "first.jsonl", list(range(6)))
    second = write_archive(tmp_path / "second.jsonl", list(range(6, 12)))
    size = PartitionSize(documents=3)
    crash_after(monkeypatch, 3)
    with pytest.raises(Crash):
        run_corpus([str(first), str(second)], tmp_path / "out", partition_size=size)
    write_archive(first, list(range(6)), texts={1: "Police said 99 people died in Homs."})
    os.utime(first, ns=(time.time_ns(), time.time_ns() + 10**9))  # a coarse clock may not move
    audited = crash_after(monkeypatch, 99)
    said, say = messages()
    run_corpus([str(first), str(second)], tmp_path / "out", partition_size=size, resume_run=True, say=say)
    assert "resume: first.jsonl changed since the interrupted run: its partitions are audited again" in said
    assert len(audited) == 3  # both partitions of first.jsonl, the one second.jsonl had not finished
    run_corpus([str(first), str(second)], tmp_path / "clean", partition_size=size)
    same_outputs(tmp_path / "out", tmp_path / "clean")


def test_a_changed_version_or_rule_set_invalidates_every_partition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(9)))
    size = PartitionSize(documents=3)
    for change, words in (
        ("version", "the audit version (0.1.0 -> 9.9.9)"),
        ("rules", "the rule configuration"),
    ):
        out = tmp_path / change
        crash_after(monkeypatch, 2)
        with pytest.raises(Crash):
            run_corpus([str(src)], out, partition_size=size)
        with monkeypatch.context() as m:
            if change == "version":
                m.setattr(resume, "__version__", "9.9.9")
            else:
                m.setattr(resume, "rules_digest", lambda config: "other rules")
            audited = crash_after(m, 99)
            said, say = messages()
            run_corpus([str(src)], out, partition_size=size, resume_run=True, say=say)
        assert f"resume: {words} changed since the interrupted run: auditing everything" in said
        assert len(audited) == 3


def test_a_run_without_resume_starts_over_and_says_what_it_discards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(6)))
    size = PartitionSize(documents=2)
    crash_after(monkeypatch, 2)
    with pytest.raises(Crash):
        run_corpus([str(src)], tmp_path / "out", partition_size=size)
    audited = crash_after(monkeypatch, 99)
    said, say = messages()
    run_corpus([str(src)], tmp_path / "out", partition_size=size, say=say)
    assert len(audited) == 3
    assert any("2 finished partitions" in m and "discarded" in m for m in said)


def test_resume_with_nothing_to_resume_is_a_full_run(tmp_path: Path) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(4)))
    said, say = messages()
    run_corpus([str(src)], tmp_path / "out", resume_run=True, say=say)
    run_corpus([str(src)], tmp_path / "clean")
    assert any("no interrupted run" in m for m in said)
    same_outputs(tmp_path / "out", tmp_path / "clean")


def test_a_half_written_partition_folder_is_not_taken_for_a_finished_one(tmp_path: Path) -> None:
    work = resume.Work(tmp_path)
    work.start({}, set())
    (work.parts / ".abc.tmp123").mkdir()
    assert work.finished() == set()


# ---------------------------------------------------------------- killed for real


def audit_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "audit.cli", "corpus", *args]


def kill_and_resume(command: list[str], out: Path, clean: Path, parts: int, seed: int) -> list[int]:
    """SIGKILL `command` twice (the second time while it resumes) at random points: once a random
    number of partitions is finished (all of them: while the outputs are written), a random few
    milliseconds later. Then resume it to the end: the outputs must be the clean run's. Returns how
    many partitions were finished at each kill."""
    rng = random.Random(seed)
    finished_at_kill = []
    for attempt in range(2):
        args = command + ["--out", str(out)] + (["--resume"] if attempt else [])
        target = rng.randint(1, parts)
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while (
            proc.poll() is None and len(resume.Work(out).finished()) < target and time.monotonic() < deadline
        ):
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        finished_at_kill.append(len(resume.Work(out).finished()))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    done = subprocess.run(
        command + ["--out", str(out), "--resume"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    same_outputs(out, clean)
    return finished_at_kill


def clean_run(command: list[str], out: Path) -> None:
    done = subprocess.run(command + ["--out", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def long_archive(path: Path) -> Path:
    """24 articles of about 2 KB, so that a partition of 4 takes a while to audit."""
    texts = {n: " ".join(article(n + 1000 * k) for k in range(5)) for n in range(24)}
    return write_archive(path, list(range(24)), texts)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_local_run_killed_at_random_points_resumes_to_the_same_files(tmp_path: Path, seed: int) -> None:
    src = long_archive(tmp_path / "in.jsonl")
    command = audit_command(str(src), "--partition-size", "4")
    clean_run(command, tmp_path / "clean")
    finished = kill_and_resume(command, tmp_path / "out", tmp_path / "clean", 6, seed)
    print(f"partitions finished at each kill: {finished}")


@pytest.mark.dask
def test_a_dask_run_killed_at_random_points_resumes_to_the_same_files(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    src = long_archive(tmp_path / "in.jsonl")
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    )
    with cluster:
        command = audit_command(
            str(src), "--partition-size", "4", "--engine", "dask", "--scheduler", cluster.scheduler_address
        )
        clean_run(command, tmp_path / "clean")
        finished = kill_and_resume(command, tmp_path / "out", tmp_path / "clean", 6, seed=7)
    print(f"partitions finished at each kill: {finished}")
    run_corpus([str(src)], tmp_path / "local", partition_size=PartitionSize(documents=4))
    same_outputs(tmp_path / "clean", tmp_path / "local")


# ---------------------------------------------------------------- update


def edit(ids: list[int], rng: random.Random) -> tuple[list[int], dict[int, str]]:
    """The archive a day later: some articles gone, some corrected, new ones (some in between)."""
    kept = [n for n in ids if rng.random() > 0.15]
    changed = {n: article(n).replace("were killed", "died") + " Updated." for n in kept if rng.random() < 0.2}
    new = [100 + k for k in range(rng.randint(1, 6))]
    for n in new:
        kept.insert(rng.randrange(len(kept) + 1), n)
    return kept, changed


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_an_update_equals_a_full_rerun(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    ids = list(range(20))
    src = write_archive(tmp_path / "in.jsonl", ids)
    size = PartitionSize(bytes=rng.choice([400, 1500, 10**6]))
    run_corpus([str(src)], tmp_path / "out", partition_size=size)
    later, changed = edit(ids, rng)
    write_archive(src, later, changed)
    summary = run_corpus([str(src)], tmp_path / "out", partition_size=size, update=True)
    run_corpus([str(src)], tmp_path / "clean", partition_size=size)
    same_outputs(tmp_path / "out", tmp_path / "clean")
    assert (tmp_path / "out/.audit/documents.parquet").read_bytes() == (
        tmp_path / "clean/.audit/documents.parquet"
    ).read_bytes()
    assert summary.new == len([n for n in later if n >= 100])
    assert summary.changed == len(changed)
    assert summary.reused == len(later) - summary.new - summary.changed
    assert summary.gone == len(set(ids) - set(later))


def test_an_update_of_a_folder_reuses_unchanged_files_and_prints_the_counts(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from audit.cli import main

    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(article(n), encoding="utf-8")
    args = ["corpus", str(folder), "--out", str(tmp_path / "out"), "--partition-size", "2"]
    assert CliRunner().invoke(main, args).exit_code == 0
    (folder / "2.txt").write_text(article(2) + " Police later said 3 more died.", encoding="utf-8")
    (folder / "5.txt").write_text(article(5), encoding="utf-8")
    (folder / "0.txt").unlink()
    result = CliRunner().invoke(main, [*args, "--update"])
    assert result.exit_code == 0, result.output
    assert (
        "update: 3 documents reused, 2 audited (1 new, 1 changed), 1 gone from the archive" in result.output
    )
    assert (
        CliRunner()
        .invoke(main, ["corpus", str(folder), "--out", str(tmp_path / "clean"), "--partition-size", "2"])
        .exit_code
        == 0
    )
    same_outputs(tmp_path / "out", tmp_path / "clean")


def test_an_update_audits_everything_when_the_rules_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(4)))
    run_corpus([str(src)], tmp_path / "out")
    monkeypatch.setattr(resume, "rules_digest", lambda config: "other rules")
    said, say = messages()
    summary = run_corpus([str(src)], tmp_path / "out", update=True, say=say)
    assert "update: the rule configuration changed since the last run: auditing every document" in said
    assert summary.reused == 0 and summary.new == 4


def test_an_update_trusts_only_the_outputs_the_last_run_wrote(tmp_path: Path) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(4)))
    run_corpus([str(src)], tmp_path / "out")
    run_corpus([str(src)], tmp_path / "other", partition_size=PartitionSize(documents=1))
    (tmp_path / "out/claims.parquet").write_bytes((tmp_path / "other/claims.parquet").read_bytes())
    said, say = messages()
    summary = run_corpus([str(src)], tmp_path / "out", update=True, say=say)
    assert any("claims.parquet is not the one the last run wrote" in m for m in said)
    assert summary.reused == 0


def test_an_update_without_a_last_run_is_a_full_run(tmp_path: Path) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(3)))
    said, say = messages()
    summary = run_corpus([str(src)], tmp_path / "out", update=True, say=say)
    assert any("no finished run recorded" in m for m in said) and summary.new == 3


def test_a_repeated_id_is_never_reused(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "same", "text": article(n)}) for n in range(2)]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_corpus([str(src)], tmp_path / "out")
    summary = run_corpus([str(src)], tmp_path / "out", update=True)
    assert summary.reused == 0 and summary.changed == 2


def test_an_interrupted_update_resumes_as_an_update(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_archive(tmp_path / "in.jsonl", list(range(9)))
    size = PartitionSize(documents=3)
    run_corpus([str(src)], tmp_path / "out", partition_size=size)
    write_archive(src, list(range(12)))
    crash_after(monkeypatch, 2)  # the two partitions of known documents are done, without auditing
    with pytest.raises(Crash):
        run_corpus([str(src)], tmp_path / "out", partition_size=size, update=True)
    crash_after(monkeypatch, 99)
    summary = run_corpus([str(src)], tmp_path / "out", partition_size=size, resume_run=True)
    assert summary.reused == 9 and summary.new == 3
    run_corpus([str(src)], tmp_path / "clean", partition_size=size)
    same_outputs(tmp_path / "out", tmp_path / "clean")
