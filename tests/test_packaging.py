"""What the built distribution carries: package data, one version, the command names.

`.ci/run` builds and installs the wheel for the real check; these tests catch the usual slips early.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from pathlib import Path

from click.testing import CliRunner

import audit
from audit.cli import main

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CODE = {".py", ".pyc", ".pyo"}


def package_files() -> list[str]:
    """Every non-code file under `audit/`, symlinked folders followed (the wheel follows them too)."""
    package = ROOT / "audit"
    found = []
    for folder, dirs, files in os.walk(package, followlinks=True):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if Path(name).suffix not in CODE:
                found.append((Path(folder) / name).relative_to(package).as_posix())
    return sorted(found)


def test_every_data_file_of_the_package_is_declared_package_data() -> None:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["audit"]
    files = package_files()
    assert {"data/casualties.yaml", "rules/breakdown-sum.yaml", "templates/report.css"} <= set(files)
    undeclared = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert undeclared == []


def test_the_version_lives_in_the_package_only() -> None:
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "audit.__version__"}


def test_version_option_prints_the_package_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.split()[-1] == audit.__version__


def test_both_command_names_run_the_same_cli() -> None:
    scripts = PYPROJECT["project"]["scripts"]
    assert scripts["audit"] == "audit.cli:main"
    assert scripts[PYPROJECT["project"]["name"]] == "audit.cli:main"
