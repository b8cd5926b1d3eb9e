"""What a figure counts and who it rests on, on articles nobody tuned the lexicons to (issue 16).

`benchmarks/extraction_hunt/ROUND/SET/` holds articles written for this project by helpers who never
saw the code, each with a gold annotation in the shared gold format (../shared/eval/README.md) whose
`document` is the article's file name beside it. This runs the shared scorer on a set as it runs on
`gold-dev`: the gold is copied to a temporary folder with each `document` made absolute (the scorer
reads documents relative to the shared folder), and score.py's summary line is printed per set.

    python benchmarks/extraction_hunt.py [ROUND/SET ...] [--shared ../shared] [-v] [--mutate]

With no sets named, every set of every round is scored, one line each. A set fixed against (its
failures read) says so in its folder's README; the others are the honest estimate.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
HUNTS = ROOT / "extraction_hunt"


def sets(named: list[str]) -> list[Path]:
    if named:
        return [HUNTS / n for n in named]
    return sorted(p for p in HUNTS.glob("*/*") if p.is_dir() and any(p.glob("*.json")))


def absolute_gold(folder: Path, into: Path) -> None:
    """The set's gold, each `document` made the absolute path of the article beside it."""
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["document"] = str((folder / gold["document"]).resolve())
        (into / path.name).write_text(json.dumps(gold), encoding="utf-8")


def score(folder: Path, shared: Path, audit: Path, extra: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        absolute_gold(folder, Path(tmp))
        cmd = [sys.executable, str(shared / "eval" / "score.py"), tmp, "--audit", str(audit), *extra]
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help="ROUND/SET folders under benchmarks/extraction_hunt")
    ap.add_argument("--shared", type=Path, default=ROOT.parent.parent / "shared")
    ap.add_argument("--audit", type=Path, default=Path(sys.executable).with_name("audit"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--mutate", action="store_true")
    a = ap.parse_args()
    extra = (["-v"] if a.verbose else []) + (["--mutate"] if a.mutate else [])
    for folder in sets(a.sets):
        out = score(folder, a.shared, a.audit, extra)
        lines = out.strip().splitlines()
        if a.verbose:
            print("\n".join(lines[:-1]))
        print(f"{folder.relative_to(HUNTS)}: {lines[-1] if lines else '(no output)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
