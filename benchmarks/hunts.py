"""The independent hunts: how the rules fare on articles written for this project by helpers who never
saw them, round by round, and on a held-out round no rule was ever fixed against.

Each round is 40 consistent articles (a consistency error or warning on one is a false alarm) and 40
articles with one deliberate slip each (caught when a failed consistency check names one of the slip's
figures, as `tests/test_consistent_copy.py` asks). Rounds 1-7 are fixtures: every false alarm they showed
is fixed, so their figures here only say what stays fixed. The held-out rounds (`benchmarks/heldout/`, and
the sets of `benchmarks/consistency_hunt/`, 20 + 20 articles each) are the measure of what carries over to
copy nobody tuned to: read their figures, never their articles, when working on the rules.

    python benchmarks/hunts.py            # every round, then the held-out one
    python benchmarks/hunts.py --heldout  # the held-out rounds only

Prints a table and exits 0: a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from audit.pipeline import audit_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
HELDOUT = Path(__file__).resolve().parent / "heldout"
HUNTS = Path(__file__).resolve().parent / "consistency_hunt"

# the fixtures' file prefixes, round by round: (slips, consistent articles)
ROUNDS = {
    1: ("", "fa_"),
    2: ("mb_", "fb_"),
    3: ("mc_", "fc_"),
    4: ("md_", "fd_"),
    5: ("me_", "fe_"),
    6: ("mf_", "ff_"),
    7: ("mg_", "fg_"),
}


@dataclass
class Slip:
    path: Path
    kind: str
    figures: list[str]


def caught(slip: Slip) -> bool:
    """A failed consistency check names one of the slip's figures."""
    audit = audit_text(slip.path.read_text(encoding="utf-8"), path=slip.path.name)
    ids = {c.id for c in audit.claims if any(f in c.text or c.text in f for f in slip.figures)}
    failed = [k for k in audit.checks if k.family == "consistency" and k.status == "fail"]
    return any(ids & set(k.claims) for k in failed)


def false_alarms(path: Path) -> int:
    """Consistency errors and warnings on an article that has no inconsistency."""
    audit = audit_text(path.read_text(encoding="utf-8"), path=path.name)
    return sum(1 for f in audit.findings if f.family == "consistency" and f.severity in ("error", "warning"))


def fixture_round(number: int) -> tuple[list[Slip], list[Path]]:
    slips_prefix, consistent_prefix = ROUNDS[number]
    articles = json.loads((FIXTURES / "broken" / "key.json").read_text(encoding="utf-8"))["articles"]
    names = [n for n in articles if (n.startswith(slips_prefix) if slips_prefix else not n.startswith("m"))]
    slips = [
        Slip(FIXTURES / "broken" / n, articles[n]["kind"], articles[n]["figures"]) for n in sorted(names)
    ]
    return slips, sorted((FIXTURES / "consistent").glob(f"{consistent_prefix}*.txt"))


def heldout_round(folder: Path = HELDOUT) -> tuple[list[Slip], list[Path]]:
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    slips = [Slip(folder / "broken" / n, kind, figures) for n, (kind, figures) in sorted(key.items())]
    return slips, sorted((folder / "consistent").glob("*.txt"))


def later_rounds() -> list[Path]:
    """The sets of the later held-out rounds (`benchmarks/consistency_hunt/roundN/SET`), each written
    like the held-out round, with its own key."""
    return sorted(p.parent for p in HUNTS.glob("round*/*/key.json"))


def row(name: str, slips: list[Slip], consistent: list[Path]) -> str:
    hits = [s for s in slips if caught(s)]
    by_kind, of_kind = Counter(s.kind for s in hits), Counter(s.kind for s in slips)
    kinds = ", ".join(f"{k} {by_kind[k]}/{of_kind[k]}" for k in sorted(of_kind))
    alarms = [false_alarms(p) for p in consistent]
    noisy = sum(1 for a in alarms if a)
    return (
        f"{name:<10} caught {len(hits):>3}/{len(slips):<3} ({kinds})   "
        f"false alarms {sum(alarms):>3} on {noisy}/{len(consistent)} consistent articles"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--heldout", action="store_true", help="the held-out round only")
    args = parser.parse_args()
    if not args.heldout:
        for number in ROUNDS:
            print(row(f"round {number}", *fixture_round(number)))
    if (HELDOUT / "key.json").exists():
        print(row("held out", *heldout_round()))
    for folder in later_rounds():
        print(row(f"{folder.parent.name}/{folder.name}", *heldout_round(folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
