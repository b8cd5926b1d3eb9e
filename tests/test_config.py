"""Config files: found by walking up from the draft, validated with errors that name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.config import (
    Config,
    ConfigError,
    config_for_file,
    find_config_file,
    glob_match,
    is_excluded,
    load_config,
    load_config_file,
    rule_enabled,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_anywhere_gives_the_defaults(tmp_path: Path) -> None:
    draft = write(tmp_path / "drafts" / "a.md", "text")
    assert find_config_file(draft) is None
    assert load_config(draft) == Config()


def test_pyproject_tool_audit_found_walking_up_from_the_draft(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.audit]\nignore = ["single-source"]\nfail-on = "warning"\n')
    draft = write(tmp_path / "desk" / "world" / "a.md", "text")
    config = load_config(draft)
    assert config.ignore == ["single-source"]
    assert config.fail_on == "warning"
    assert config.path == (tmp_path / "pyproject.toml").resolve()


def test_pyproject_without_tool_audit_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "audit.toml", 'select = ["consistency"]\n')
    write(tmp_path / "desk" / "pyproject.toml", '[project]\nname = "x"\n')
    config = load_config(write(tmp_path / "desk" / "a.md", "text"))
    assert config.select == ["consistency"]
    assert config.path is not None and config.path.name == "audit.toml"


def test_audit_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.audit]\nignore = ["a"]\n')
    write(tmp_path / "audit.toml", 'ignore = ["b"]\n')
    assert load_config(tmp_path / "x.md").ignore == ["b"]


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "audit.toml", 'ignore = ["outer"]\n')
    write(tmp_path / "desk" / "audit.toml", 'ignore = ["inner"]\n')
    assert load_config(tmp_path / "desk" / "x.md").ignore == ["inner"]
    assert load_config(tmp_path / "x.md").ignore == ["outer"]


def test_every_key_read_with_dashes_or_underscores(tmp_path: Path) -> None:
    path = write(
        tmp_path / "audit.toml",
        """
select = ["consistency", "unattributed"]
ignore = ["anonymous-source"]
rule_dirs = ["house-rules"]
fail-on = "info"
baseline = "audit-baseline.json"
exclude = ["archive/"]

[severity]
single-source = "error"

[parties]
"Northland" = ["Northland", "Northern army"]

[[overrides]]
files = ["wires/**/*.md"]
ignore = ["single-source"]
severity = { unattributed = "info" }
""",
    )
    config = load_config_file(path)
    assert config.select == ["consistency", "unattributed"]
    assert config.ignore == ["anonymous-source"]
    assert config.rule_dirs == [tmp_path.resolve() / "house-rules"]
    assert config.fail_on == "info"
    assert config.baseline == tmp_path.resolve() / "audit-baseline.json"
    assert config.severity == {"single-source": "error"}
    assert config.parties == {"Northland": ["Northland", "Northern army"]}
    assert config.exclude == ["archive/"]
    assert config.overrides[0].files == ["wires/**/*.md"]
    assert config.overrides[0].severity == {"unattributed": "info"}


def test_audit_toml_may_be_written_like_pyproject(tmp_path: Path) -> None:
    path = write(tmp_path / "audit.toml", '[tool.audit]\nignore = ["x"]\n')
    assert load_config_file(path).ignore == ["x"]


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("select = [\n", ["audit.toml", "invalid TOML"]),
        ('selekt = ["x"]\n', ["audit.toml", "'selekt'", "select"]),
        ('select = "breakdown-sum"\n', ["audit.toml", "'select'", "a list of rule ids"]),
        ("ignore = [1, 2]\n", ["'ignore'", "a list"]),
        ('fail-on = "fatal"\n', ["'fail-on'", "one of error, warning, info", "'fatal'"]),
        ('[severity]\nbreakdown-sum = "loud"\n', ["'severity.breakdown-sum'", "one of error, warning, info"]),
        ('severity = ["error"]\n', ["'severity'", "a table"]),
        ('[parties]\nNorthland = "Northland"\n', ["parties", "'Northland'", "a list of names"]),
        ('rule-dirs = "rules"\n', ["'rule-dirs'", "a list of folder paths"]),
        ("baseline = 3\n", ["'baseline'", "a file path"]),
        ("[[overrides]]\nignore = []\n", ["overrides[0]", "'files'", "a non-empty list of globs"]),
        ('[[overrides]]\nfiles = ["*.md"]\nsilence = ["x"]\n', ["overrides[0]", "'silence'"]),
        ('overrides = {files = ["*.md"]}\n', ["'overrides'", "an array of tables"]),
    ],
)
def test_invalid_config_names_file_key_and_expectation(
    tmp_path: Path, text: str, fragments: list[str]
) -> None:
    write(tmp_path / "audit.toml", text)
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "draft.md")
    message = str(raised.value)
    for fragment in fragments:
        assert fragment in message


def test_invalid_pyproject_names_the_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.audit]\nfail_on = 3\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: \[tool\.audit\]: key 'fail-on'"):
        load_config(tmp_path)


def test_named_config_file_must_exist_and_hold_the_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config_file(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match=r"no \[tool.audit\] table"):
        load_config_file(write(tmp_path / "pyproject.toml", "[project]\n"))


def test_overrides_apply_to_matching_drafts_only(tmp_path: Path) -> None:
    path = write(
        tmp_path / "audit.toml",
        'ignore = ["a"]\n[severity]\nb = "error"\n'
        '[[overrides]]\nfiles = ["wires/*.md"]\nignore = ["c"]\nseverity = { b = "info" }\n'
        '[[overrides]]\nfiles = ["opinion.md"]\nselect = ["sourcing"]\n',
    )
    config = load_config_file(path)
    wire = config_for_file(config, tmp_path / "wires" / "x.md")
    assert wire.ignore == ["a", "c"] and wire.severity == {"b": "info"}
    other = config_for_file(config, tmp_path / "desk" / "x.md")
    assert other.ignore == ["a"] and other.severity == {"b": "error"}
    opinion = config_for_file(config, tmp_path / "desk" / "opinion.md")
    assert opinion.select == ["sourcing"]


def test_exclude_by_folder_or_glob(tmp_path: Path) -> None:
    config = load_config_file(write(tmp_path / "audit.toml", 'exclude = ["archive/", "*.draft.md"]\n'))
    assert is_excluded(config, tmp_path / "archive" / "2019" / "a.md")
    assert is_excluded(config, tmp_path / "desk" / "b.draft.md")
    assert not is_excluded(config, tmp_path / "desk" / "b.md")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a.md", True),
        ("*.md", "desk/a.md", True),
        ("*.md", "desk/a.txt", False),
        ("wires/*.md", "wires/a.md", True),
        ("wires/*.md", "wires/x/a.md", False),
        ("wires/**/*.md", "wires/a.md", True),
        ("wires/**/*.md", "wires/x/y/a.md", True),
        ("/wires/*.md", "wires/a.md", True),
        ("archive", "desk/archive/a.md", True),
        ("archive/", "archive/a.md", True),
        ("a?.md", "ab.md", True),
        ("a?.md", "a/b.md", False),
    ],
)
def test_glob_match(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected


@given(
    st.lists(st.sampled_from(["desk", "wires", "a b", "ü"]), max_size=3), st.sampled_from(["x.md", "y.txt"])
)
def test_double_star_matches_any_depth(folders: list[str], name: str) -> None:
    path = "/".join([*folders, name])
    assert glob_match("**/" + name, path)
    assert glob_match("**", path)


@pytest.mark.parametrize(
    ("select", "ignore", "rule", "family", "expected"),
    [
        ([], [], "breakdown-sum", "consistency", True),
        (["consistency"], [], "unattributed", "sourcing", False),
        (["consistency"], [], "subset", "consistency", True),
        (["ALL"], ["sourcing"], "single-source", "sourcing", False),
        ([], ["percent-*"], "percent-change", "consistency", False),
        ([], ["percent-*"], "range-order", "consistency", True),
    ],
)
def test_rule_enabled(select: list[str], ignore: list[str], rule: str, family: str, expected: bool) -> None:
    assert rule_enabled(Config(select=select, ignore=ignore), rule, family) is expected
