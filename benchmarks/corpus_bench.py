"""Throughput and memory of `audit corpus` (a benchmark script, not a test).

    python benchmarks/corpus_bench.py                 # the full run: about 20 MB of text
    python benchmarks/corpus_bench.py --target-mb 5   # quicker

It reads the articles of ../shared/corpus (never copied into the repository), writes
JSON Lines files that repeat them (with fresh ids) into a temporary folder, and runs
each measurement in a fresh Python process, so peak memory (ru_maxrss) belongs to that
run alone. It prints:

1. throughput, in MB of article text per second, of the local and dask engines on the
   corpus repeated to about --target-mb;
2. time and peak memory of the local engine from 1x to 10x the corpus at one partition
   size: CPU seconds per MB stay put (linear) and peak memory stays flat (bounded by the
   partition, not the archive);
3. peak memory at 10x the corpus with growing partition sizes (grows with the partition).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).absolute().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".md", ".html", ".htm")


def read_articles(corpus: Path) -> list[tuple[str, str]]:
    """(name, text) of every article of the corpus folder (its README is no article)."""
    files = sorted(p for p in corpus.iterdir() if p.suffix in SUFFIXES and p.name != "README.md")
    return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in files]


def write_repeated(articles: list[tuple[str, str]], times: int, path: Path) -> int:
    """A JSON Lines file of the corpus repeated `times` times; returns its bytes of text."""
    size = 0
    with path.open("w", encoding="utf-8") as f:
        for copy in range(times):
            for i, (name, text) in enumerate(articles):
                day = 1 + (copy * len(articles) + i) % 28
                record = {
                    "id": f"r{copy}/{name}",
                    "text": text,
                    "published": f"2024-02-{day:02d}",
                    "outlet": f"outlet {i % 17}",
                    "url": None,
                }
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                size += len(text.encode("utf-8"))
    return size


def child(spec: dict[str, object]) -> None:
    """One measured run, in its own process: print seconds and peak memory as JSON."""
    from audit import reconcile
    from audit.corpus import parse_partition_size, run_corpus

    marks: dict[str, float] = {}
    read_mentions = reconcile.read_mentions

    def mark_then_read(path: Path, batch_size: int = 8192) -> list[reconcile.Mention]:
        # Peak memory of the streaming stage, before reconciliation reads the claims back.
        marks["stream_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        mentions = read_mentions(path, batch_size)
        marks["mentions"] = len(mentions)
        return mentions

    reconcile.read_mentions = mark_then_read  # type: ignore[assignment]
    started = time.perf_counter()
    summary = run_corpus(
        [str(spec["input"])],
        Path(str(spec["out"])),
        engine=str(spec["engine"]),
        partition_size=parse_partition_size(str(spec["partition"])),
        workers=int(str(spec["workers"])),
    )
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # dask workers, once they have exited
    result = {
        "seconds": seconds,
        "cpu_seconds": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
        "documents": summary.documents,
        "claims": summary.claims,
        "events": summary.events,
        "maxrss_mb": own.ru_maxrss / 1024,
        "workers_maxrss_mb": workers.ru_maxrss / 1024,
        **marks,
    }
    print(json.dumps(result))


def measure(input_path: Path, engine: str, partition: str, workers: int, tmp: Path) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(dir=tmp))
    spec = {"input": str(input_path), "out": str(out), "engine": engine, "partition": partition}
    spec["workers"] = str(workers)
    path = os.pathsep.join(p for p in (os.environ.get("PYTHONPATH"), str(ROOT)) if p)
    command = [sys.executable, __file__, "--child", json.dumps(spec)]
    done = subprocess.run(
        command, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": path}
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--target-mb", type=float, default=20.0, help="size of the throughput archive")
    parser.add_argument("--partition-size", default="1MB")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers for --engine dask")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(json.loads(args.child))
        return
    articles = read_articles(args.corpus)
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as name:
        tmp = Path(name)
        one = write_repeated(articles, 1, tmp / "x1.jsonl")
        print(f"corpus: {len(articles)} articles, {one / 1e6:.2f} MB of text; cores: {os.cpu_count()}")
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        throughput(args, articles, one, tmp)
        scaling(args, articles, tmp)
        partitions(args, articles, tmp)


def throughput(args: argparse.Namespace, articles: list[tuple[str, str]], one: int, tmp: Path) -> None:
    times = max(1, math.ceil(args.target_mb * 1e6 / one))
    mb = write_repeated(articles, times, tmp / "big.jsonl") / 1e6
    print(f"\n## Throughput: corpus x{times} = {mb:.1f} MB of text, partitions of {args.partition_size}")
    columns = [
        "engine",
        "wall s",
        "MB/s",
        "CPU s",
        "MB per CPU s",
        "claims",
        "peak RSS streaming",
        "peak RSS",
        "peak RSS worker",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|---|---|---|")
    engines = ["local"] if args.skip_dask else ["local", "dask"]
    for engine in engines:
        r = measure(tmp / "big.jsonl", engine, args.partition_size, args.workers, tmp)
        label = "local" if engine == "local" else f"dask, LocalCluster({args.workers} workers)"
        worker = f"{r['workers_maxrss_mb']:.0f} MB" if engine == "dask" else "-"
        cells = [
            label,
            f"{r['seconds']:.1f}",
            f"{mb / r['seconds']:.2f}",
            f"{r['cpu_seconds']:.1f}",
            f"{mb / r['cpu_seconds']:.2f}",
            f"{r['claims']:.0f}",
            f"{r['stream_maxrss_mb']:.0f} MB",
            f"{r['maxrss_mb']:.0f} MB",
            worker,
        ]
        print("| " + " | ".join(cells) + " |")


def scaling(args: argparse.Namespace, articles: list[tuple[str, str]], tmp: Path) -> None:
    print(f"\n## From 1x to 10x the corpus (local engine, partitions of {args.partition_size})")
    columns = [
        "archive",
        "MB of text",
        "wall s",
        "CPU s",
        "CPU s per MB",
        "peak RSS streaming",
        "casualty figures",
        "peak RSS",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|---|---|")
    for times in (1, 2, 5, 10):
        mb = write_repeated(articles, times, tmp / f"s{times}.jsonl") / 1e6
        r = measure(tmp / f"s{times}.jsonl", "local", args.partition_size, args.workers, tmp)
        cells = [
            f"corpus x{times}",
            f"{mb:.1f}",
            f"{r['seconds']:.1f}",
            f"{r['cpu_seconds']:.1f}",
            f"{r['cpu_seconds'] / mb:.2f}",
            f"{r['stream_maxrss_mb']:.0f} MB",
            f"{r['mentions']:.0f}",
            f"{r['maxrss_mb']:.0f} MB",
        ]
        print("| " + " | ".join(cells) + " |")


def partitions(args: argparse.Namespace, articles: list[tuple[str, str]], tmp: Path) -> None:
    print("\n## Peak memory by partition size (local engine, corpus x10, 4.9 MB)")
    print("| partition size | peak RSS streaming | peak RSS |")
    print("|---|---|---|")
    path = tmp / "p10.jsonl"
    write_repeated(articles, 10, path)
    for partition in ("128KB", "512KB", "2MB", "8MB"):
        r = measure(path, "local", partition, args.workers, tmp)
        print(f"| {partition} | {r['stream_maxrss_mb']:.0f} MB | {r['maxrss_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
