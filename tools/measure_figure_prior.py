"""Measure the prior on what writers write that audit/suggest.py weighs repairs by, from published copy.

Reads every article of a corpus folder, extracts its figures (counts, percentages, sums of money and
measures; years, dates, fractions, ranges and bare numbers left out) and prints, as the YAML block of
audit/data/suggest.yaml:
- the share of figures by leading digit (published figures follow Benford's law: a 1 leads about three
  in ten, a 9 fewer than one in twenty);
- `roundness`: how many times likelier one value is than one of the same length with a significant
  digit more ("60" against "68", "130" against "136"). Among figures written with L digits, the values
  with k significant digits sharing a leading digit number 1, 9, 90, ...; the factor is fitted by
  maximum likelihood to how often each k occurs at each length from 2 to 4 (longer figures are few).

    python tools/measure_figure_prior.py ../shared/corpus --leave-out ../shared/eval/gold-dev

`--leave-out GOLD` skips the articles a gold folder annotates, so that a benchmark on that gold
(benchmarks/suggest_mutations.py) does not measure the prior on the figures it then mutates.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

from audit.pipeline import audit_text
from audit.suggest import leading_digit, significant_digits, written_length

_KINDS = ("count", "percent", "percentage_point", "money", "measure")


def annotated(gold: Path | None) -> set[str]:
    """The file names of the articles a gold folder annotates."""
    if gold is None:
        return set()
    return {Path(json.loads(p.read_text(encoding="utf-8"))["document"]).name for p in gold.glob("*.json")}


def measure(folder: Path, skip: set[str]) -> tuple[Counter[str], Counter[tuple[int, int]]]:
    """Figures by leading digit, and by (length as written, significant digits)."""
    leads: Counter[str] = Counter()
    lengths: Counter[tuple[int, int]] = Counter()
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.name not in skip):
        audit = audit_text(path.read_text(encoding="utf-8", errors="replace"), path=path.name)
        for claim in audit.claims:
            if claim.kind not in _KINDS or claim.value is None or claim.qualifier == "range":
                continue
            written = claim.number_text
            lead, k = leading_digit(written), significant_digits(written)
            if lead and k:
                leads[lead] += 1
                lengths[(written_length(written), k)] += 1
    return leads, lengths


def tails(k: int) -> int:
    """Values of k significant digits that share a leading digit and a length."""
    return 1 if k == 1 else 9 * 10 ** (k - 2)


def log_likelihood(factor: float, lengths: Counter[tuple[int, int]]) -> float:
    total = 0.0
    for (length, k), n in lengths.items():
        if 2 <= length <= 4:
            norm = sum(tails(j) * factor**-j for j in range(1, length + 1))
            total += n * math.log(tails(k) * factor**-k / norm)
    return total


def fit_roundness(lengths: Counter[tuple[int, int]]) -> float:
    return max((f / 10 for f in range(11, 500)), key=lambda f: log_likelihood(f, lengths))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="?", default=Path("../shared/corpus"))
    ap.add_argument("--leave-out", type=Path, help="a gold folder whose articles are skipped")
    a = ap.parse_args()
    skip = annotated(a.leave_out)
    leads, lengths = measure(a.corpus, skip)
    total = sum(leads.values())
    print(f"# measured on {total} figures of {a.corpus.name}, {len(skip)} annotated articles left out")
    print("leading_digit:")
    for d in "123456789":
        print(f"  '{d}': {leads[d] / total:.3f}")
    for length in range(2, 5):
        row = ", ".join(f"{k}: {lengths[(length, k)]}" for k in range(1, length + 1))
        print(f"# written with {length} digits, by significant digits: {row}")
    print(f"roundness: {fit_roundness(lengths):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
