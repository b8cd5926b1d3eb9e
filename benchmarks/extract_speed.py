"""Extraction speed: our pipeline against quantulum3 alone, on the shared news corpus.

    python benchmarks/extract_speed.py [--quick] [--runs N] [--shared ../shared] [--profile N]

Printed first, as a user measures it (issue 17), over --runs runs (at least 3) with min/median/max:
  A. the whole `audit extract --format json` process on the corpus files against quantulum3 as a
     process on the same files (sentence by sentence, skipping sentences with no digit or number
     word, its quantities written as JSON), runs interleaved so both sides see the same load;
     CPU time of each child (user + system), wall time beside it: target audit >= 10x faster;
  B. the local corpus engine, `audit corpus` as a process on the corpus repeated 5 times (JSON
     Lines), in MB of text per CPU second (= per core): target >= 1 MB/s.
The package is byte-compiled first (as pip does on install; this machine may set
PYTHONDONTWRITEBYTECODE, which would make every process compile audit's source).

Then, in one process (issue 2, "Speed"), each against its target:
  1. quantulum3 sentence by sentence: the first parse in a fresh process (import and first call),
     then warm throughput in KB/s;
  2. our pipeline (audit.load.from_text + audit.pipeline.audit_document) in the same process,
     in KB/s: target at least 10x quantulum3's warm sentence-by-sentence throughput;
  3. linearity: the corpus as one ~1 MB document against the same text as separate files
     (target within 1.3x);
  4. cold start: wall time of a subprocess `audit extract <seed>` (target < 1 s);
  5. peak memory: ru_maxrss of a subprocess that extracts the whole corpus (target < 300 MB);
  6. quantulum3 parsing a whole ~3 KB and ~30 KB document, to show its super-linearity
     (bounded by a timeout; larger sizes are not tried).
Times are CPU seconds of the measuring process (steadier than wall time on a shared machine),
except the cold start (wall time, CPU time beside it) and the corpus run of 5.
Prints a table and exits 0: a benchmark, not a test. Reads the corpus at run time; stores none of it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


@dataclass
class Row:
    name: str
    value: str
    target: str = ""
    ok: bool | None = None


def corpus_texts(shared: Path, limit: int | None = None) -> list[tuple[str, str]]:
    files = sorted((shared / "corpus").glob("*.txt"))[:limit]
    return [(f.name, f.read_text(encoding="utf-8", errors="replace")) for f in files]


def split_sentences(text: str) -> list[str]:
    """Simple splitting, as a user of quantulum3 would do it."""
    return [s for s in (p.strip() for p in _SENTENCE_END.split(text)) if s]


def kb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1024


def timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: steadier than wall time on a shared machine."""
    start = time.process_time()
    fn()
    return time.process_time() - start


# --- quantulum3 ---------------------------------------------------------------------------------

_FIRST_PARSE = textwrap.dedent(
    """
    import json, time
    t0 = time.process_time()
    from quantulum3 import parser
    t1 = time.process_time()
    parser.parse("The strike killed 12 people and wounded 30 more, officials said.")
    t2 = time.process_time()
    print(json.dumps({"import": t1 - t0, "first_parse": t2 - t1}))
    """
)

_WHOLE_DOCUMENT = textwrap.dedent(
    """
    import json, sys, time
    from quantulum3 import parser
    parser.parse("warm up: 3 km")
    text = sys.stdin.read()
    t = time.process_time()
    parser.parse(text)
    print(json.dumps({"seconds": time.process_time() - t}))
    """
)


def run_python(code: str, stdin: str = "", timeout: float = 120) -> dict[str, float] | None:
    """Run `code` in a fresh interpreter; its last stdout line is JSON. None on timeout."""
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def quantulum_first_parse() -> dict[str, float]:
    result = run_python(_FIRST_PARSE)
    assert result is not None
    return result


def quantulum_sentence_throughput(texts: list[str]) -> tuple[float, int]:
    """Warm KB/s of quantulum3 parsing the texts sentence by sentence, and the sentence count."""
    from quantulum3 import parser

    parser.parse("warm up: 3 km")
    sentences = [s for t in texts for s in split_sentences(t)]
    seconds = timed(lambda: [parser.parse(s) for s in sentences])
    return kb(texts) / seconds, len(sentences)


def prefix_near(text: str, size: int) -> str:
    """The text cut at the first sentence end after `size` characters."""
    m = _SENTENCE_END.search(text, size)
    return text[: m.start()] if m else text


def quantulum_whole_documents(joined: str, sizes: list[int], timeout: float) -> list[Row]:
    rows = []
    for size in sizes:
        doc = prefix_near(joined, size)
        result = run_python(_WHOLE_DOCUMENT, stdin=doc, timeout=timeout)
        label = f"quantulum3 whole document, {len(doc.encode()) / 1024:.0f} KB"
        if result is None:
            rows.append(Row(label, f"> {timeout:.0f} s (stopped)"))
            break
        rate = len(doc.encode()) / 1024 / result["seconds"]
        rows.append(Row(label, f"{result['seconds']:.2f} s ({rate:.1f} KB/s)"))
    return rows


# --- our pipeline -----------------------------------------------------------------------------------


def audit_all(named: list[tuple[str, str]]) -> int:
    from audit import load
    from audit.pipeline import audit_document

    claims = 0
    for name, text in named:
        claims += len(audit_document(load.from_text(text, path=name)).claims)
    return claims


def ours_throughput(named: list[tuple[str, str]], repeats: int) -> tuple[float, int]:
    """Warm KB/s of our pipeline over the texts as separate documents, and the claims found."""
    claims = audit_all(named)  # imports, lexicons and compiled patterns, as in a warm worker
    seconds = best_of(lambda: audit_all(named), repeats)
    return kb([t for _, t in named]) / seconds, claims


def best_of(fn: Callable[[], object], repeats: int, budget: float = 20.0) -> float:
    """The fastest of up to `repeats` runs, stopping early once `budget` seconds are spent."""
    times: list[float] = []
    while len(times) < repeats and sum(times) < budget:
        times.append(timed(fn))
    return min(times)


def linearity(named: list[tuple[str, str]], copies: int, repeats: int) -> dict[str, float]:
    """Seconds for the texts (`copies` times over) as separate documents and as one document."""
    named = named * copies
    joined = "\n\n".join(t for _, t in named)
    audit_all(named[:3])
    separate = best_of(lambda: audit_all(named), repeats)
    one = best_of(lambda: audit_all([("corpus.txt", joined)]), repeats)
    return {"separate": separate, "one": one, "bytes": len(joined.encode()), "files": len(named)}


def linearity_in_child(shared: Path, limit: int | None, copies: int, repeats: int, timeout: float) -> Row:
    """Run `linearity` in a fresh process, stopped after `timeout` seconds (super-linear code)."""
    spec = f"{limit or 0},{copies},{repeats}"
    args = [sys.executable, __file__, "--shared", str(shared), "--child-linearity", spec]
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        stopped = f"> {timeout:.0f} s in all (stopped)"
        return Row("one document / separate files", stopped, "<= 1.3x", False)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    ratio = r["one"] / r["separate"]
    files, size = f"{r['files']:.0f} files {r['separate']:.2f} s", f"{r['bytes'] / 1e6:.2f} MB"
    value = f"{ratio:.2f}x ({files}, one {size} document {r['one']:.2f} s)"
    return Row("one document / separate files", value, "<= 1.3x", ratio <= 1.3)


def stage_seconds(named: list[tuple[str, str]]) -> dict[str, float]:
    """Seconds spent in each stage of `audit_document` over the texts, timed by wrapping each
    stage's entry point for the duration of one pass."""
    from audit import attribute, check, extract, segment

    totals: dict[str, float] = {}
    entry_points = [(segment, "segment"), (extract, "extract"), (attribute, "attribute"), (check, "check")]
    originals = [(module, name, getattr(module, name)) for module, name in entry_points]

    def timed_stage(name: str, fn: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.process_time() - start

        return wrapper

    try:
        for module, name, fn in originals:
            setattr(module, name, timed_stage(name, fn))
        total = timed(lambda: audit_all(named))
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
    totals["total"] = total
    return totals


def audit_command() -> list[str]:
    exe = shutil.which("audit")
    return [exe] if exe else [sys.executable, "-m", "audit.cli"]


@dataclass
class ChildRun:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child alone
    max_rss_kb: int
    exit_code: int


def run_child(args: list[str]) -> ChildRun:
    """Run a command; wall time, CPU time and peak RSS (ru_maxrss) of this child alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return ChildRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code)


def cold_start(seed: Path, runs: int) -> tuple[float, float, float]:
    """Median wall time, worst wall time and median CPU time of `audit extract <seed>`."""
    run_child([*audit_command(), "extract", str(seed)])  # byte-compile once, as an installed package is
    done = [run_child([*audit_command(), "extract", str(seed)]) for _ in range(runs)]
    walls = [r.wall for r in done]
    return statistics.median(walls), max(walls), statistics.median(r.cpu for r in done)


def peak_memory(files: list[Path]) -> ChildRun:
    """One `audit extract --format json` over every file."""
    return run_child([*audit_command(), "extract", "--format", "json", *map(str, files)])


def profile(named: list[tuple[str, str]], top: int) -> str:
    """The functions of our code that dominate the pipeline's time on the corpus."""
    audit_all(named[:3])
    prof = cProfile.Profile()
    prof.runcall(audit_all, named)
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).sort_stats("tottime")
    stats.print_stats(top)
    return out.getvalue()


# --- whole processes, as a user runs them -------------------------------------------------------------

_QUANTULUM_PROCESS = textwrap.dedent(
    r"""
    import json, re, sys
    from quantulum3 import parser
    SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
    NUMERIC = re.compile(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
        r"ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|third|quarter)\b",
        re.I,
    )
    out = []
    for path in sys.argv[1:]:
        text = open(path, encoding="utf-8", errors="replace").read()
        for sentence in (s.strip() for s in SENTENCE_END.split(text)):
            if sentence and NUMERIC.search(sentence):
                for q in parser.parse(sentence):
                    out.append({"file": path, "surface": q.surface, "value": q.value, "unit": q.unit.name})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    """
)


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    """min / median / max."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return " / ".join(fmt.format(v) for v in (low, mid, high))


def byte_compile() -> None:
    """Compile the package's modules once, as pip does when it installs a package."""
    import compileall

    compileall.compile_dir(str(ROOT / "audit"), quiet=1)


def process_ratio(files: list[str], runs: int) -> list[Row]:
    """Whole processes: `audit extract --format json FILES` against quantulum3 on the same files."""
    audit_runs: list[ChildRun] = []
    quantulum_runs: list[ChildRun] = []
    run_child([*audit_command(), "extract", "--format", "json", *files])  # warm the file cache
    for _ in range(runs):
        quantulum_runs.append(run_child([sys.executable, "-c", _QUANTULUM_PROCESS, *files]))
        audit_runs.append(run_child([*audit_command(), "extract", "--format", "json", *files]))
    assert all(r.exit_code == 0 for r in audit_runs + quantulum_runs), "a measured process failed"
    ratios = [q.cpu / a.cpu for q, a in zip(quantulum_runs, audit_runs, strict=True)]
    median = statistics.median(q.cpu for q in quantulum_runs) / statistics.median(a.cpu for a in audit_runs)
    wall = statistics.median(q.wall for q in quantulum_runs) / statistics.median(a.wall for a in audit_runs)
    label = f"min / median / max of {runs} runs"
    return [
        Row(f"quantulum3 process, CPU s ({label})", spread([r.cpu for r in quantulum_runs])),
        Row("  wall s", spread([r.wall for r in quantulum_runs])),
        Row(f"`audit extract --format json` process, CPU s ({label})", spread([r.cpu for r in audit_runs])),
        Row("  wall s", spread([r.wall for r in audit_runs])),
        Row(
            "whole process: quantulum3 / audit, CPU (median runs)",
            f"{median:.1f}x (per run {spread(ratios, '{:.1f}')}; wall {wall:.1f}x)",
            ">= 10x",
            median >= 10,
        ),
    ]


def corpus_throughput(shared: Path, copies: int, runs: int) -> list[Row]:
    """`audit corpus` (local engine) as a process on the corpus repeated `copies` times."""
    import tempfile

    files = sorted(p for p in (shared / "corpus").iterdir() if p.suffix in (".txt", ".md"))
    with tempfile.TemporaryDirectory(prefix="audit-speed-") as name:
        archive = Path(name) / "archive.jsonl"
        size = 0
        with archive.open("w", encoding="utf-8") as f:
            for copy in range(copies):
                for path in files:
                    text = path.read_text(encoding="utf-8", errors="replace")
                    size += len(text.encode("utf-8"))
                    f.write(
                        json.dumps({"id": f"{copy}/{path.name}", "text": text}, ensure_ascii=False) + "\n"
                    )
        done = []
        for n in range(runs):
            done.append(run_child([*audit_command(), "corpus", str(archive), "--out", f"{name}/out{n}"]))
    assert all(r.exit_code == 0 for r in done), "a measured corpus run failed"
    rates = [size / 1e6 / r.cpu for r in done]
    label = f"{copies}x corpus, {size / 1e6:.1f} MB; min / median / max of {runs} runs"
    return [
        Row(f"`audit corpus` local engine, CPU s ({label})", spread([r.cpu for r in done])),
        Row("  wall s", spread([r.wall for r in done])),
        Row(
            "corpus engine, MB of text per CPU second (per core)",
            f"{statistics.median(rates):.2f} MB/s ({spread(rates)})",
            ">= 1.0 MB/s",
            statistics.median(rates) >= 1.0,
        ),
    ]


def measure_processes(shared: Path, runs: int, copies: int) -> list[Row]:
    from audit import inputs

    byte_compile()
    files = inputs.expand([str(shared / "corpus")])
    size = sum(os.path.getsize(f) for f in files)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = [
        Row(
            "corpus files",
            f"{len(files)} files, {size / 1024:.0f} KB; load average {load}; {os.cpu_count()} cores",
        )
    ]
    rows += process_ratio(files, runs)
    rows += corpus_throughput(shared, copies, runs)
    return rows


# --- the table ----------------------------------------------------------------------------------------


def render(rows: list[Row]) -> str:
    width = max(len(r.name) for r in rows)
    vwidth = max(len(r.value) for r in rows)
    lines = [f"{'measure':{width}}  {'value':{vwidth}}  target"]
    for r in rows:
        mark = "" if r.ok is None else ("  ok" if r.ok else "  MISSED")
        lines.append(f"{r.name:{width}}  {r.value:{vwidth}}  {r.target}{mark}")
    return "\n".join(lines)


def measure(shared: Path, quick: bool) -> list[Row]:
    named = corpus_texts(shared)
    texts = [t for _, t in named]
    q_named = named[:: max(1, len(named) // 20)] if quick else named  # an even sample of the corpus
    q_texts = [t for _, t in q_named]
    repeats = 1 if quick else 3
    rows: list[Row] = [Row("corpus", f"{len(named)} articles, {kb(texts):.0f} KB")]

    first = quantulum_first_parse()
    first_cost = f"{first['import']:.2f} s + {first['first_parse']:.2f} s (CPU)"
    rows.append(Row("quantulum3 import + first parse", first_cost))
    q_rate, n_sent = quantulum_sentence_throughput(q_texts)
    sample = f"{len(q_named)} articles, {n_sent} sentences"
    rows.append(Row(f"quantulum3 warm, by sentence ({sample})", f"{q_rate:.1f} KB/s (CPU)"))

    our_rate, claims = ours_throughput(q_named, repeats)
    ratio = our_rate / q_rate
    rows.append(Row(f"audit pipeline, same articles ({claims} claims)", f"{our_rate:.1f} KB/s (CPU)"))
    rows.append(Row("audit / quantulum3 throughput", f"{ratio:.1f}x", ">= 10x", ratio >= 10))

    stages = stage_seconds(q_named)
    share = ", ".join(f"{k} {v / stages['total']:.0%}" for k, v in stages.items() if k != "total")
    rows.append(Row("  time by stage", share))
    if quick:
        rows.append(linearity_in_child(shared, 40, 1, 1, timeout=120))
    else:
        copies = max(1, round(1e6 / (kb(texts) * 1024)))
        rows.append(linearity_in_child(shared, None, copies, 3, timeout=600))

    seed = next((shared / "seeds").glob("*.txt"))
    median, worst, cpu = cold_start(seed, 3 if quick else 5)
    cold = f"{median:.2f} s wall (worst {worst:.2f}), {cpu:.2f} s CPU"
    rows.append(Row("cold start `audit extract <seed>`", cold, "< 1 s", median < 1))

    run = peak_memory(sorted((shared / "corpus").glob("*.txt")))
    rss = run.max_rss_kb / 1024
    mem = f"{rss:.0f} MB ({run.wall:.1f} s wall, {run.cpu:.1f} s CPU, exit {run.exit_code})"
    rows.append(Row("peak RSS, `audit extract` on the corpus", mem, "< 300 MB", rss < 300))
    sizes = [3_000] if quick else [3_000, 30_000]
    rows += quantulum_whole_documents("\n\n".join(texts), sizes, timeout=60 if quick else 180)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder with corpus/ and seeds/")
    parser.add_argument(
        "--quick", action="store_true", help="a 20-article sample, single runs, no 30 KB quantulum3 document"
    )
    parser.add_argument("--profile", type=int, metavar="N", default=0, help="also print our top N functions")
    parser.add_argument("--runs", type=int, default=3, help="runs of each whole process (at least 3)")
    parser.add_argument("--copies", type=int, default=5, help="corpus copies in the corpus-engine archive")
    parser.add_argument("--processes-only", action="store_true", help="only the whole-process figures")
    parser.add_argument("--child-linearity", help=argparse.SUPPRESS)  # "limit,copies,repeats", internal
    args = parser.parse_args(argv)
    if args.child_linearity:
        limit, copies, repeats = (int(x) for x in args.child_linearity.split(","))
        print(json.dumps(linearity(corpus_texts(args.shared, limit or None), copies, repeats)))
        return 0
    if not (args.shared / "corpus").is_dir():
        print(f"no corpus under {args.shared}; pass --shared", file=sys.stderr)
        return 0
    print(render(measure_processes(args.shared, max(3, args.runs), args.copies)), flush=True)
    if args.processes_only:
        return 0
    print()
    print(render(measure(args.shared, args.quick)))
    if args.profile:
        print()
        print(profile(corpus_texts(args.shared), args.profile))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
