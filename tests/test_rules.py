"""The rule pack: every rule's YAML examples run as test cases through the real pipeline, and the
loader rejects bad rule files with the file and key named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from audit.cli import main
from audit.config import Config, ConfigError
from audit.model import HARM_CATEGORIES
from audit.pipeline import audit_text
from audit.rulebook import Example, Rule, builtin_rules_dir, load_rule_file, load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules()
EXAMPLES = [(rule, example) for rule in RULES for example in rule.examples]


def outcome(rule_id: str, text: str, config: Config | None = None) -> str:
    audit = audit_text(text, config=config or Config())
    mine = [c for c in audit.checks if c.rule == rule_id]
    if not mine:
        return "none"
    return "fail" if any(c.status == "fail" for c in mine) else "pass"


@pytest.mark.parametrize(
    ("rule", "example"), EXAMPLES, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(EXAMPLES)]
)
def test_rule_example(rule: Rule, example: Example) -> None:
    audit = audit_text(example.text, config=Config(ledger=example.ledger))
    mine = [c for c in audit.checks if c.rule == rule.id]
    got = "none" if not mine else ("fail" if any(c.status == "fail" for c in mine) else "pass")
    shown = [(c.status, c.message) for c in mine]
    assert got == example.expect, f"{rule.id}: {example.text!r} gave {got}: {shown}"
    if example.message:
        assert any(example.message in c.message for c in mine), shown
    if example.grade:
        graded = [c for c in audit.claims if c.category in HARM_CATEGORIES]
        assert graded and graded[0].grade == example.grade
    findings = [f for f in audit.findings if f.rule == rule.id]
    assert bool(findings) == (got == "fail")
    for f in findings:
        assert f.family == rule.family
        assert f.severity in ("error", "warning", "info")
        assert audit.document.source[f.start : f.end]


def test_the_pack_is_complete_and_each_rule_can_fail() -> None:
    ids = {r.id for r in RULES}
    assert ids >= {
        "breakdown-sum", "subset", "restatement", "qualifier-conflict", "percent-of", "percent-change",
        "unit-conversion", "range-order", "unattributed", "single-source", "contested",
        "interested-party", "anonymous-source", "hedged-figure",
    }  # fmt: skip
    for rule in RULES:
        assert rule.path is not None and rule.path.stem == rule.id
        assert any(ex.expect == "fail" for ex in rule.examples), f"{rule.id} has no failing example"
        assert rule.rationale and rule.summary


def test_consistency_rules_are_errors_and_sourcing_rules_are_not() -> None:
    for rule in RULES:
        if rule.family == "consistency":
            assert rule.severity == "error", rule.id
        else:
            assert rule.severity in ("warning", "info"), rule.id


def test_builtin_rules_come_from_the_top_level_folder_or_package_data() -> None:
    folder = builtin_rules_dir()
    assert sorted(p.name for p in folder.glob("*.yaml")) == sorted(
        p.name for p in (ROOT / "rules").glob("*.yaml")
    )


GOOD = {
    "id": "my-sum",
    "family": "consistency",
    "severity": "warning",
    "summary": "A stricter sum.",
    "rationale": "House style.",
    "checker": "breakdown-sum",
    "options": {"approx_tolerance": 0.0},
    "examples": [{"text": "30 casualties: 12 killed and 18 wounded.", "expect": "pass"}],
}


def write_rule(folder: Path, data: object, name: str = "my-sum.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"family": "style"}, "family"),
        ({"severity": "fatal"}, "severity"),
        ({"checker": "no-such-checker"}, "checker"),
        ({"options": {"tolerance": 1}}, "options.tolerance"),
        ({"options": {"approx_tolerance": "wide"}}, "options.approx_tolerance"),
        ({"id": "Not An Id"}, "id"),
        ({"colour": "red"}, "colour"),
        ({"examples": [{"text": "x", "expect": "maybe"}]}, "examples[0].expect"),
        ({"summary": ""}, "summary"),
    ],
)
def test_a_bad_rule_file_names_the_file_and_the_key(
    tmp_path: Path, change: dict[str, object], key: str
) -> None:
    path = write_rule(tmp_path, {**GOOD, **change})
    with pytest.raises(ConfigError) as err:
        load_rule_file(path)
    assert str(path) in str(err.value)
    assert f"'{key}'" in str(err.value)


def test_a_missing_key_and_broken_yaml_are_config_errors(tmp_path: Path) -> None:
    data = {k: v for k, v in GOOD.items() if k != "checker"}
    with pytest.raises(ConfigError, match="'checker': required"):
        load_rule_file(write_rule(tmp_path, data))
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_rule_file(write_rule(tmp_path, "id: [unclosed\n", name="broken.yaml"))
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_rule_file(write_rule(tmp_path, "- just\n- a list\n", name="list.yaml"))


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    path = write_rule(tmp_path, "!!python/object/apply:os.system ['true']\n", name="evil.yaml")
    with pytest.raises(ConfigError):
        load_rule_file(path)


def test_a_user_rule_folder_adds_a_rule_that_runs(tmp_path: Path) -> None:
    write_rule(tmp_path, GOOD)
    config = Config(rule_dirs=[tmp_path])
    assert "my-sum" in {r.id for r in load_rules(config)}
    audit = audit_text("The attack left 30 casualties: 12 killed and 28 wounded.", config=config)
    mine = [f for f in audit.findings if f.rule == "my-sum"]
    assert mine and mine[0].severity == "warning"


def test_a_user_rule_with_a_builtin_id_replaces_it(tmp_path: Path) -> None:
    write_rule(tmp_path, {**GOOD, "id": "breakdown-sum", "severity": "info"}, name="breakdown-sum.yaml")
    rule = next(r for r in load_rules(Config(rule_dirs=[tmp_path])) if r.id == "breakdown-sum")
    assert rule.severity == "info" and rule.options["approx_tolerance"] == 0.0


def test_a_missing_rule_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rule-dirs"):
        load_rules(Config(rule_dirs=[tmp_path / "nowhere"]))


def test_select_ignore_and_severity_from_the_config() -> None:
    text = "Twelve people were killed in the blast. The attack left 30 casualties: 12 killed and 28 wounded."
    only = audit_text(text, config=Config(select=["consistency"]))
    assert only.checks and {c.family for c in only.checks} == {"consistency"}
    ignored = audit_text(text, config=Config(ignore=["unattributed", "breakdown-sum"]))
    assert not {c.rule for c in ignored.checks} & {"unattributed", "breakdown-sum"}
    globbed = audit_text(text, config=Config(select=["break*"]))
    assert {c.rule for c in globbed.checks} == {"breakdown-sum"}
    raised = audit_text(text, config=Config(severity={"unattributed": "error"}))
    assert {f.severity for f in raised.findings if f.rule == "unattributed"} == {"error"}


def test_audit_rules_lists_and_explains() -> None:
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"])
    assert listing.exit_code == 0
    for rule in RULES:
        assert rule.id in listing.output
    explained = runner.invoke(main, ["rules", "breakdown-sum"])
    assert explained.exit_code == 0
    assert explained.output.startswith("# breakdown-sum (consistency, default severity error)")
    assert "## Why" in explained.output and "approx_tolerance" in explained.output
    unknown = runner.invoke(main, ["rules", "no-such-rule"])
    assert unknown.exit_code == 2


def test_audit_rules_reports_a_bad_rule_folder(tmp_path: Path) -> None:
    write_rule(tmp_path, {**GOOD, "family": "style"})
    result = CliRunner().invoke(main, ["rules", "--rule-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "family" in result.output


def test_a_bad_example_ledger_row_names_the_file_and_the_key_when_read(tmp_path: Path) -> None:
    example = {"text": "Five killed.", "expect": "pass", "ledger": [{"event": "x", "value": "many"}]}
    path = write_rule(tmp_path, {**GOOD, "examples": [example]})
    rule = load_rule_file(path)  # the rows are read as written; their cells when the ledger is
    with pytest.raises(ConfigError) as err:
        _ = rule.examples[0].ledger
    assert str(path) in str(err.value) and "examples[0].ledger" in str(err.value)


def test_a_bad_example_ledger_shape_is_an_error_at_load(tmp_path: Path) -> None:
    path = write_rule(tmp_path, {**GOOD, "examples": [{"text": "x", "expect": "pass", "ledger": "rows"}]})
    with pytest.raises(ConfigError) as err:
        load_rule_file(path)
    assert "'examples[0].ledger'" in str(err.value)
