"""How well the consistency rules pair figures by meaning on articles nobody annotated.

    python benchmarks/pairing_probe.py [--shared ../shared] [-v]

Runs on the articles of `../shared/corpus` that have no gold in `../shared/eval/gold-dev`, so no
mechanism was tuned on what it reads. Two probes, each a figure rewritten in place the way
`score.py --mutate` breaks a restatement: halved, or doubled when a figure of the pair or check is
an upper bound ("at most 40"), so that an open bound ("at least 24" against "24") is broken too
rather than still met:
  1. same-value casualty pairs: two figures of one harm category with the same value in one article
     (many are one toll stated twice; some are two events that happen to match). Breaking the later
     one should raise a failed consistency check when the rules pair the two by meaning, not by
     their equal values;
  2. passing consistency checks of an equation (restatement, sums, changes, conversions; not the
     inequalities "part <= whole" and "the worst", which a changed figure may still satisfy): for
     each, the check's last figure broken; is a failure raised? Printed by rule. A pairing made
     only because the values were equal does not survive.
Neither is a gold measure (no one judged which pairs are true): they show what carries over, and
their misses (-v) are where to look next. Reads the corpus at run time; stores none of it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from audit.model import Audit, Claim
from audit.pipeline import audit_text

ROOT = Path(__file__).resolve().parents[1]
_HARMS = {"killed", "wounded", "casualties", "missing", "captured", "displaced"}
_INEQUALITIES = {"range-order", "subset", "superlative"}
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def unannotated(shared: Path) -> list[Path]:
    gold_files = (shared / "eval" / "gold-dev").glob("*.json")
    gold = {Path(json.loads(f.read_text())["document"]).name for f in gold_files}
    return [p for p in sorted((shared / "corpus").glob("*.txt")) if p.name not in gold]


def broken(text: str, claim: Claim, beside: list[Claim]) -> str | None:
    """The text with the claim's digits halved (doubled when it or a figure `beside` it is an upper
    bound, or when half would be below 1), or None when its number is written in words."""
    m = _DIGITS.search(text, claim.number_start, claim.number_end)
    if m is None:
        return None
    value = float(m.group(0).replace(",", ""))
    upper = any(c.qualifier in _UPPER for c in [claim, *beside])
    factor = 2.0 if upper or value * 0.5 < 1 else 0.5
    new = f"{value * factor:g}" if value * factor < 1000 else f"{int(value * factor):,}"
    return text[: m.start()] + new + text[m.end() :]


_UPPER = {"at_most", "less_than"}


def fails(text: str, path: str) -> bool:
    return any(c.family == "consistency" and c.status == "fail" for c in audit_text(text, path=path).checks)


def same_value_pairs(audit: Audit) -> list[tuple[Claim, Claim]]:
    harmed = [c for c in audit.claims if c.category in _HARMS and (c.value or 0) >= 2]
    harmed = [c for c in harmed if c.qualifier != "range"]
    key = {c.id: (c.category, c.value) for c in harmed}
    return [(a, b) for i, a in enumerate(harmed) for b in harmed[i + 1 :] if key[a.id] == key[b.id]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    pairs = [0, 0]
    checks: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    files = unannotated(a.shared)
    for path in files:
        text = path.read_text(encoding="utf-8")
        audit = audit_text(text, path=path.name)
        for first, later in same_value_pairs(audit):
            changed = broken(text, later, [first])
            if changed is None:
                continue
            pairs[1] += 1
            hit = fails(changed, path.name)
            pairs[0] += hit
            if a.verbose and not hit:
                print(f"  pair missed  {path.name}: {first.text!r} / {later.text!r} ({first.category})")
        by_id = {c.id: c for c in audit.claims}
        for chk in audit.checks:
            if chk.family != "consistency" or chk.status != "pass" or chk.rule in _INEQUALITIES:
                continue
            changed = broken(text, by_id[chk.claims[-1]], [by_id[i] for i in chk.claims[:-1]])
            if changed is None:
                continue
            checks[chk.rule] += 1
            hit = fails(changed, path.name)
            caught[chk.rule] += hit
            if a.verbose and not hit:
                print(f"  check missed {path.name}: {chk.rule}: {chk.message[:90]}")
    print(f"{len(files)} articles outside the gold")
    print(f"same-value casualty pairs, the later broken: {pairs[0]} of {pairs[1]} raise a failed check")
    by_rule = ", ".join(f"{rule} {caught[rule]}/{n}" for rule, n in sorted(checks.items()))
    total = f"{sum(caught.values())} of {sum(checks.values())}"
    print(f"passing checks, their last figure broken: {total} fail ({by_rule})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
