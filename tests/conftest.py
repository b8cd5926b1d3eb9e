"""Shared test fixtures. `../shared` sits beside the checkout (CI has it too)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return next((shared / "seeds").glob("*.txt"))
