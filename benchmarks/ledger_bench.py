"""What the desk's ledger costs (a benchmark script, not a test).

    python benchmarks/ledger_bench.py                  # ledgers of 1,000, 10,000 and 100,000 rows
    python benchmarks/ledger_bench.py --rows 1000

For each size it writes a synthetic ledger (one event per 5 rows, each with its own place and
keyword, plus the seeds' ledger) to a temporary CSV, then prints the time to load and validate
it, to index it (events by place and keyword, reconciliation groups), and to audit the articles
of ../shared/corpus with and without it (CPU time in this process, after one warm-up run; the
corpus is read once).
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from audit import ledger, load
from audit.config import Config
from audit.pipeline import audit_document

ROOT = Path(__file__).absolute().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CATEGORIES = ("killed", "wounded", "missing", "displaced", "captured")


def synthetic(path: Path, rows: int) -> None:
    seeds = list(csv.DictReader((ROOT / "seeds" / "ledger.csv").open(encoding="utf-8")))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(ledger.COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(seeds)
        for n in range(rows - len(seeds)):
            event = n // 5
            writer.writerow(
                {
                    "event": f"Event {event}",
                    "category": CATEGORIES[n % 5],
                    "value": str(10 + n % 997),
                    "source": f"Agency {n % 50}",
                    "as_of": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    "place": f"Placename{event}",
                    "keywords": f"operation codename{event}",
                }
            )


def timed(fn: object) -> tuple[float, object]:
    start = time.process_time()
    result = fn()  # type: ignore[operator]
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    files = sorted(
        p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    )
    texts = [p.read_bytes() for p in files]

    def run(config: Config) -> int:
        return sum(
            len(audit_document(load.from_bytes(t, path=str(p)), config).checks)
            for p, t in zip(files, texts, strict=True)
        )

    run(Config())  # warm up: lexicons, compiled patterns, rule files
    base, _ = timed(lambda: run(Config()))
    print(
        f"corpus: {len(files)} articles, {sum(map(len, texts)) / 1e3:.0f} KB; "
        f"without a ledger {base:.2f} s CPU"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for rows in args.rows:
            path = Path(tmp) / f"ledger-{rows}.csv"
            synthetic(path, rows)
            size = path.stat().st_size / 1e6
            load_s, book = timed(lambda path=path: ledger.load(path))
            index_s, _ = timed(lambda book=book: ledger.index(book))  # type: ignore[arg-type]
            with_s, _ = timed(lambda book=book: run(Config(ledger=book)))  # type: ignore[arg-type]
            print(
                f"{rows:>7,} rows ({size:5.1f} MB): load {load_s:5.2f} s, index {index_s:5.2f} s, "
                f"corpus with it {with_s:5.2f} s ({with_s / base:.2f}x)"
            )


if __name__ == "__main__":
    main()
