"""`audit check` end to end: click's runner and a real subprocess, every format, config, baseline.

Drafts with a stale suppression give the gate a finding of its own (`unused-suppression`, a
warning), so exit codes, thresholds, baselines and formats are tested on the gate alone; the
drafts in fixtures/gate/ (a broken sum, a wrong percent change, an unattributed toll) go through
the whole pipeline and the rule pack in every format.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from audit.cli import main

CALM = "Officials said the storm damaged 40 homes in the valley.\n"
STALE = (
    "Officials said the storm damaged 40 homes in the valley.\n"
    "\n"
    "<!-- audit: ignore[breakdown-sum] the desk checked this, 100% -->\n"
    "Volunteers cleared the main road by noon.\n"
)
STALE_LINE = 3


def check(*args: str | Path, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["check", *map(str, args)], env=env, input=stdin)


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom checkout: the working folder, with no config above it that we did not write."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_draft_exits_zero(desk: Path) -> None:
    write(desk / "calm.md", CALM)
    result = check("calm.md")
    assert result.exit_code == 0, result.output
    assert result.stdout == "All checks passed: 1 file, no findings.\n"


def test_threshold_exit_zero_and_config_severity(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    assert check("stale.md").exit_code == 0  # a warning does not reach the default threshold
    failing = check("stale.md", "--fail-on", "warning")
    assert failing.exit_code == 1
    assert f"stale.md:{STALE_LINE}:1: warning[unused-suppression]" in failing.stdout
    assert check("stale.md", "--fail-on", "info", "--exit-zero").exit_code == 0
    write(desk / "audit.toml", '[severity]\nunused-suppression = "error"\n')
    assert check("stale.md").exit_code == 1
    write(desk / "audit.toml", 'fail-on = "warning"\nignore = ["unused-suppression"]\n')
    assert check("stale.md").exit_code == 0


def test_fail_on_from_config_and_the_flag_wins(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    write(desk / "pyproject.toml", '[tool.audit]\nfail-on = "warning"\n')
    assert check("stale.md").exit_code == 1
    assert check("stale.md", "--fail-on", "error").exit_code == 0


def test_unreadable_file_exits_two_after_auditing_the_others(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    result = check("missing.md", "stale.md", "--fail-on", "warning")
    assert result.exit_code == 2
    assert "missing.md: error: cannot read" in result.stderr
    assert "stale.md:3:1: warning[unused-suppression]" in result.stdout
    assert "1 file unreadable" in result.stdout
    assert check("missing.md", "--exit-zero").exit_code == 2


def test_invalid_config_exits_two_naming_file_and_key(desk: Path) -> None:
    write(desk / "calm.md", CALM)
    write(desk / "audit.toml", 'fail-on = "never"\n')
    result = check("calm.md")
    assert result.exit_code == 2
    assert "audit.toml" in result.stderr and "'fail-on'" in result.stderr and "one of error" in result.stderr
    assert result.stdout == ""


def test_usage_errors_exit_two(desk: Path) -> None:
    write(desk / "calm.md", CALM)
    assert check().exit_code == 2
    assert check("calm.md", "--format", "yaml").exit_code == 2
    assert check("calm.md", "--fail-on", "fatal").exit_code == 2
    no_baseline = check("calm.md", "--update-baseline")
    assert no_baseline.exit_code == 2 and "--baseline" in no_baseline.output


def test_explicit_config_applies_to_every_draft(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    write(desk / "audit.toml", 'ignore = ["unused-suppression"]\n')
    strict = write(desk / "ci" / "strict.toml", 'fail-on = "warning"\n')
    assert check("stale.md").exit_code == 0
    assert check("stale.md", "--config", strict).exit_code == 1
    missing = check("stale.md", "--config", desk / "nope.toml")
    assert missing.exit_code == 2 and "nope.toml" in missing.stderr


def test_nearest_config_and_per_glob_overrides(desk: Path) -> None:
    write(
        desk / "audit.toml",
        'fail-on = "warning"\n[[overrides]]\nfiles = ["wires/**"]\nignore = ["unused-*"]\n',
    )
    write(desk / "wires" / "agency.md", STALE)
    write(desk / "desk" / "own.md", STALE)
    result = check(".")
    assert result.exit_code == 1
    assert "desk/own.md:3:1" in result.stdout and "wires/agency.md" not in result.stdout
    write(desk / "desk" / "audit.toml", 'ignore = ["unused-suppression"]\n')
    assert check("desk/own.md", "--fail-on", "warning").exit_code == 0


def test_excluded_drafts_are_skipped(desk: Path) -> None:
    write(desk / "audit.toml", 'exclude = ["archive/"]\n')
    write(desk / "archive" / "old.md", STALE)
    write(desk / "new.md", CALM)
    result = check(".", "--fail-on", "warning")
    assert result.exit_code == 0 and "1 file" in result.stdout


def test_folders_globs_and_stdin(desk: Path) -> None:
    write(desk / "a" / "one.md", STALE)
    write(desk / "a" / "two.txt", CALM)
    write(desk / "a" / "skip.json", "{}")
    assert "2 files" in check("a", "--fail-on", "warning").stdout
    assert "2 files" in check("a/*.md", "a/*.txt", "--fail-on", "warning").stdout
    piped = check("-", "--fail-on", "warning", stdin=STALE)
    assert piped.exit_code == 1 and "stdin:3:1: warning[unused-suppression]" in piped.stdout


def test_json_is_the_claims_contract_with_gate_findings(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    result = check("stale.md", "--format", "json")
    data = json.loads(result.stdout)
    assert data["schema"] == "audit.claims/1"
    (document,) = data["documents"]
    assert document["path"] == "stale.md"
    assert [f["rule"] for f in document["findings"]] == ["unused-suppression"]
    assert document["findings"][0]["line"] == STALE_LINE


def test_sarif_output_file_validates(desk: Path, shared: Path) -> None:
    write(desk / "drafts" / "stale.md", STALE)
    result = check("drafts", "--format", "sarif", "--output", "out/audit.sarif", "--fail-on", "warning")
    assert result.exit_code == 1 and result.stdout == ""
    log = json.loads((desk / "out" / "audit.sarif").read_text(encoding="utf-8"))
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    (found,) = log["runs"][0]["results"]
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/stale.md"
    assert location["region"]["startLine"] == STALE_LINE
    assert [p.name for p in (desk / "out").iterdir()] == ["audit.sarif"]  # no temporary left behind


def test_github_annotations_and_step_summary(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    summary = write(desk / "summary.md", "# Earlier step\n")
    result = check("stale.md", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"::warning file=stale.md,line={STALE_LINE},col=1,endLine={STALE_LINE},")
    assert line.endswith("::suppression of `breakdown-sum` silences nothing in the paragraph that follows")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# Earlier step\n### audit check: 1 finding")
    assert f"| stale.md | {STALE_LINE} | 1 | warning | `unused-suppression` |" in written


def test_junit_report(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    write(desk / "calm.md", CALM)
    result = check(".", "--format", "junit", "--fail-on", "warning")
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert [s.get("name") for s in root.iter("testsuite")] == ["calm.md", "stale.md"]
    assert root.get("failures") == "1"


def test_text_has_no_colour_off_a_terminal(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    assert "\x1b[" not in check("stale.md").stdout


def test_baseline_accepts_known_findings_and_fails_new_ones(desk: Path) -> None:
    draft = write(desk / "stale.md", STALE)
    created = check(
        "stale.md", "--baseline", "audit-baseline.json", "--update-baseline", "--fail-on", "warning"
    )
    assert created.exit_code == 0, created.output
    recorded = json.loads((desk / "audit-baseline.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in recorded["findings"]] == ["unused-suppression"]
    assert recorded["findings"][0]["path"] == "stale.md"

    accepted = check("stale.md", "--baseline", "audit-baseline.json", "--fail-on", "warning")
    assert accepted.exit_code == 0 and "1 accepted by the baseline" in accepted.stdout

    draft.write_text("A new lede paragraph.\n\n" + STALE, encoding="utf-8")  # the finding moves down
    assert check("stale.md", "--baseline", "audit-baseline.json", "--fail-on", "warning").exit_code == 0

    draft.write_text(STALE.replace("breakdown-sum", "percent-change"), encoding="utf-8")  # a changed finding
    changed = check("stale.md", "--baseline", "audit-baseline.json", "--fail-on", "warning")
    assert changed.exit_code == 1 and "`percent-change`" in changed.stdout


def test_updating_the_baseline_for_some_drafts_keeps_the_others(desk: Path) -> None:
    write(desk / "one.md", STALE)
    write(desk / "two.md", STALE)
    assert check("one.md", "two.md", "--baseline", "b.json", "--update-baseline").exit_code == 0
    write(desk / "one.md", CALM)
    assert check("one.md", "--baseline", "b.json", "--update-baseline").exit_code == 0
    recorded = json.loads((desk / "b.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in recorded["findings"]] == ["two.md"]
    assert check("one.md", "two.md", "--baseline", "b.json", "--fail-on", "warning").exit_code == 0


def test_baseline_named_in_config(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    write(desk / "audit.toml", 'fail-on = "warning"\nbaseline = "ci/baseline.json"\n')
    assert check("stale.md").exit_code == 1
    assert check("stale.md", "--update-baseline").exit_code == 0
    assert (desk / "ci" / "baseline.json").is_file()
    assert check("stale.md").exit_code == 0


def test_corrupt_baseline_exits_two(desk: Path) -> None:
    write(desk / "calm.md", CALM)
    write(desk / "b.json", "[]")
    result = check("calm.md", "--baseline", "b.json")
    assert result.exit_code == 2 and "b.json" in result.stderr


def run_process(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "audit.cli", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_real_subprocess_exit_codes_and_streams(desk: Path) -> None:
    write(desk / "stale.md", STALE)
    write(desk / "calm.md", CALM)
    assert run_process("calm.md", cwd=desk).returncode == 0
    failing = run_process("stale.md", "--fail-on", "warning", "--format", "github", cwd=desk)
    assert failing.returncode == 1
    assert failing.stdout.startswith("::warning file=stale.md,line=3,col=1,")
    broken = run_process("calm.md", "nope.md", cwd=desk)
    assert broken.returncode == 2 and "nope.md: error: cannot read" in broken.stderr
    write(desk / "audit.toml", "select = 1\n")
    bad_config = run_process("calm.md", cwd=desk)
    assert bad_config.returncode == 2 and "'select'" in bad_config.stderr


ROOT = Path(__file__).resolve().parents[1]


def test_action_declares_every_input_it_uses() -> None:
    import yaml

    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    action = yaml.safe_load(text)
    assert action["runs"]["using"] == "composite"
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used and used <= set(action["inputs"])
    steps = {step.get("id") for step in action["runs"]["steps"]}
    assert set(re.findall(r"steps\.([a-z-]+)\.outputs", text)) <= steps
    upload = next(s for s in action["runs"]["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["if"].startswith("always()")


def run_action_step(desk: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run the action's `check` step script with bash, its inputs as the env GitHub would set."""
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    values = {**defaults, **inputs}
    env = {key: values[re.search(r"inputs\.([a-z-]+)", expr)[1]] for key, expr in step["env"].items()}  # type: ignore[index]
    output = desk / "github_output"
    output.write_text("")
    env |= {
        "GITHUB_OUTPUT": str(output),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    done = subprocess.run(
        ["bash", "-c", step["run"]],
        cwd=desk,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return done, outputs


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
def test_action_check_step_writes_sarif_annotations_and_the_exit_code(desk: Path) -> None:
    write(desk / "drafts" / "stale.md", STALE)
    write(desk / "drafts" / "calm.md", CALM)
    done, outputs = run_action_step(desk, paths="drafts/*.md\ndrafts", **{"fail-on": "warning"})
    assert done.returncode == 0, done.stderr  # the step records the status; a later step fails the job
    assert outputs == {"sarif-file": "audit.sarif", "exit-code": "1"}
    assert (
        json.loads((desk / "audit.sarif").read_text())["runs"][0]["results"][0]["ruleId"]
        == "unused-suppression"
    )
    assert done.stdout.startswith("::warning file=drafts/stale.md,line=3,")
    _, passing = run_action_step(desk, paths="drafts/calm.md", sarif="false")
    assert passing == {"exit-code": "0"}


def test_pre_commit_hook_runs_the_gate_on_drafts_only(desk: Path) -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "audit-check" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(n) for n in ("a.md", "b/c.markdown", "d.txt", "e.html", "f.htm"))
    assert not any(pattern.search(n) for n in ("a.py", "b.mdx", "c.json"))
    write(desk / "stale.md", STALE)
    program, subcommand = hook["entry"].split()
    assert program == "audit"
    assert check(*hook.get("args", []), "stale.md", "--fail-on", "warning").exit_code == 1
    assert subcommand == "check"


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "gate"
# draft -> (line of the broken sum, line of the wrong percent change, line of the unattributed toll)
BROKEN = {"broken.md": (9, 11, 13), "broken.txt": (3, 5, 7), "broken.html": (6, 7, 8)}


def copy_fixture(desk: Path, name: str) -> Path:
    return write(desk / name, (FIXTURES / name).read_text(encoding="utf-8"))


def expected_errors(name: str) -> list[tuple[int, str]]:
    sum_line, percent_line, _ = BROKEN[name]
    return [(sum_line, "breakdown-sum"), (percent_line, "percent-change")]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_draft_fails_with_errors_at_the_right_lines_in_every_format(
    desk: Path, shared: Path, name: str
) -> None:
    copy_fixture(desk, name)
    errors = expected_errors(name)
    toll_line = BROKEN[name][2]

    text = check(name)
    assert text.exit_code == 1, text.output
    heads = [line.split(" ", 2) for line in text.stdout.splitlines() if line.startswith(f"{name}:")]
    found = {(int(where.split(":")[1]), label) for where, label, _ in heads}
    assert {(line, f"error[{rule}]") for line, rule in errors} <= found
    assert (toll_line, "warning[unattributed]") in found

    document = json.loads(check(name, "--format", "json").stdout)["documents"][0]
    assert sorted((f["line"], f["rule"]) for f in document["findings"] if f["severity"] == "error") == errors

    sarif_result = check(name, "--format", "sarif")
    assert sarif_result.exit_code == 1
    log = json.loads(sarif_result.stdout)
    jsonschema.validate(log, json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text()))
    results = log["runs"][0]["results"]
    sarif_errors = sorted(
        (r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"])
        for r in results
        if r["level"] == "error"
    )
    assert sarif_errors == errors
    breakdown = next(r for r in results if r["ruleId"] == "breakdown-sum")
    assert len(breakdown["relatedLocations"]) == 2  # the killed and the wounded

    github_lines = check(name, "--format", "github").stdout.splitlines()
    github_errors = sorted(
        (int(re.search(r",line=(\d+),", g)[1]), re.search(r"title=audit ([a-z-]+) ", g)[1])  # type: ignore[index]
        for g in github_lines
        if g.startswith(f"::error file={name},")
    )
    assert github_errors == errors

    junit_result = check(name, "--format", "junit")
    assert junit_result.exit_code == 1
    failures = [
        c
        for c in ET.fromstring(junit_result.stdout.encode()).iter("testcase")
        if c.find("failure") is not None
    ]
    assert sorted(c.get("name", "").split(" ")[0] for c in failures) == ["breakdown-sum", "percent-change"]


def test_consistent_draft_passes_in_every_format(desk: Path) -> None:
    copy_fixture(desk, "consistent.md")
    for fmt in ("text", "json", "sarif", "github", "junit"):
        result = check("consistent.md", "--format", fmt)
        assert result.exit_code == 0, (fmt, result.output)
    document = json.loads(check("consistent.md", "--format", "json").stdout)["documents"][0]
    assert not [f for f in document["findings"] if f["severity"] == "error"]


def test_figures_in_front_matter_and_code_are_not_claims(desk: Path) -> None:
    copy_fixture(desk, "broken.md")
    copy_fixture(desk, "consistent.md")
    data = json.loads(check("broken.md", "consistent.md", "--format", "json").stdout)
    for document in data["documents"]:
        lines = (desk / document["path"]).read_text(encoding="utf-8").splitlines()
        fenced = {
            n
            for n, line in enumerate(lines, 1)
            if line.startswith(
                ("---", "title:", "word_count", "revision", "draft_number", "```", "example:", "    ")
            )
        }
        assert document["claims"], document["path"]
        assert not [c for c in document["claims"] if c["line"] in fenced], document["path"]


def test_the_broken_sum_can_be_suppressed_inline_and_baselined(desk: Path) -> None:
    source = (FIXTURES / "broken.md").read_text(encoding="utf-8")
    marked = source.replace(
        "The regional health ministry said",
        "<!-- audit: ignore[breakdown-sum] the ministry's figures, as published -->\n"
        "The regional health ministry said",
    )
    write(desk / "broken.md", marked)
    result = check("broken.md")
    assert result.exit_code == 1  # the percent change still fails
    assert "1 suppressed inline" in result.stdout
    findings = json.loads(check("broken.md", "--format", "json").stdout)["documents"][0]["findings"]
    assert [f["rule"] for f in findings if f["severity"] == "error"] == ["percent-change"]
    assert "unused-suppression" not in {f["rule"] for f in findings}
    assert check("broken.md", "--baseline", "b.json", "--update-baseline").exit_code == 0
    edited = marked.replace("Rescuers pulled", "Later, rescuers pulled")
    write(desk / "broken.md", "A new opening line for the draft.\n\n" + edited)
    assert check("broken.md", "--baseline", "b.json").exit_code == 0
    write(desk / "broken.md", edited.replace("from $4 to $8", "from $4 to $9"))
    assert check("broken.md", "--baseline", "b.json").exit_code == 1  # a changed figure is a new finding
