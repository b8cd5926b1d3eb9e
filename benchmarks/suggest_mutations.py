"""How often the suggestion names the figure a typo broke, and whether it ever breaks another check.

Each figure of a true relation in the gold (sum, subset, restatement, percent, conversion) gets typos
in a copy of its article, the way `../shared/eval/score.py --mutate` rewrites a figure's number in
place: one digit changed, or two adjacent digits swapped. A mutation is caught when a failed
consistency check names a figure of the relation (score.py's criterion). For the caught ones it
counts how often a check's one suggestion restores the original number (named), how often the
original is among the ranked repairs listed instead (listed), and how often the one suggestion is
another edit (other); `wrong` counts the caught typos where some check's one suggestion is another
edit, whether or not the original is listed too (a confident wrong answer, hidden in "listed").
Every suggested or listed repair is then applied to the mutated text and the whole pipeline run
again: `breaks` counts repairs after which a check that passed fails.

    python benchmarks/suggest_mutations.py ../shared/eval/gold-dev [--per-figure 3] [--half a|b] [-v]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from audit.model import Audit
from audit.pipeline import audit_text

_NUM = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def scorer(gold_dir: Path) -> ModuleType:
    """The shared scorer, for its gold loader and its way of finding a figure's number."""
    path = gold_dir.resolve().parent / "score.py"
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def typos(text: str) -> list[str]:
    """Every single-digit edit and adjacent-digit swap of the first number in `text`, no leading zero."""
    m = _NUM.search(text)
    if not m:
        return []
    number, out = m.group(0), []
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    whole = len(number.split(".")[0].replace(",", "")) > 1
    for i in digits:
        for d in "0123456789":
            if d != number[i] and not (i == digits[0] and d == "0" and whole):
                out.append(number[:i] + d + number[i + 1 :])
    for i, j in zip(digits, digits[1:], strict=False):
        if number[i] != number[j] and "." not in number[i:j] and not (i == digits[0] and number[j] == "0"):
            chars = list(number)
            chars[i], chars[j] = chars[j], chars[i]
            out.append("".join(chars))
    return [text[: m.start()] + n + text[m.end() :] for n in dict.fromkeys(out)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def spans_after(spans: list[tuple[int, int]], at: int, delta: int) -> list[tuple[int, int]]:
    return [(s + (delta if s > at else 0), e + (delta if s >= at else 0)) for s, e in spans]


def evaluate(
    source: str, fig: dict[str, Any], new_text: str, members: list[tuple[int, int]]
) -> dict[str, Any] | None:
    """Audit one mutated copy; None when no failed consistency check names a figure of the relation."""
    delta = len(new_text) - len(fig["text"])
    mutated = source[: fig["start"]] + new_text + source[fig["end"] :]
    spans = spans_after(members, fig["start"], delta)
    changed = (fig["start"], fig["end"] + delta)
    audit = audit_text(mutated, path="mutated.txt")
    claims = {c.id: c for c in audit.claims}
    failed = [
        c
        for c in audit.checks
        if c.family == "consistency"
        and c.status == "fail"
        and any(overlaps((claims[i].start, claims[i].end), sp) for i in c.claims for sp in spans)
    ]
    if not failed:
        return None
    original = float(_NUM.search(fig["text"]).group(0).replace(",", ""))  # type: ignore[union-attr]
    outcome = "none"
    wrong = any(
        chk.details.get("suggestion") and not _restores(chk.details["suggestion"], claims, changed, original)
        for chk in failed
    )
    for chk in failed:
        one = chk.details.get("suggestion")
        listed = chk.details.get("suggestions", [])
        if one and _restores(one, claims, changed, original):
            outcome = "named"
            break
        if any(_restores(s, claims, changed, original) for s in listed):
            outcome = "listed"
        elif one and outcome == "none":
            outcome = "other"
    tried = [s for chk in audit.checks for s in chk.details.get("suggestions", [])]
    broken = sum(_breaks(mutated, audit, s) for s in tried)
    return {"outcome": outcome, "repairs": len(tried), "broken": broken, "wrong": wrong}


def _restores(s: dict[str, str], claims: dict[str, Any], changed: tuple[int, int], original: float) -> bool:
    claim = claims.get(s["claim"])
    if claim is None or not overlaps((claim.start, claim.end), changed):
        return False
    m = _NUM.search(s["to"])
    return m is not None and float(m.group(0).replace(",", "")) == original


def _breaks(mutated: str, audit: Audit, s: dict[str, str]) -> bool:
    """Apply a repair to the text and audit it again: does a check that passed now fail?"""
    claim = next(c for c in audit.claims if c.id == s["claim"])
    fixed = mutated[: claim.number_start] + s["to"] + mutated[claim.number_end :]
    again = audit_text(fixed, path="mutated.txt")
    before = {(c.rule, tuple(c.claims)): c.status for c in audit.checks if c.family == "consistency"}
    after = {(c.rule, tuple(c.claims)): c.status for c in again.checks if c.family == "consistency"}
    return any(st == "fail" and before.get(k) == "pass" for k, st in after.items())


def draft_cost(paragraphs: int) -> tuple[float, float, int]:
    """CPU seconds to audit a draft of `paragraphs` broken sums with and without the suggest stage."""
    from audit import suggest

    para = "The ministry said at least {t:,} casualties were recorded, with 300 killed and {w:,} wounded.\n\n"
    text = "".join(para.format(t=3000 + i, w=1700 + i) for i in range(paragraphs))
    started = time.process_time()
    audit = audit_text(text)
    with_stage = time.process_time() - started
    original = suggest.suggest
    try:
        suggest.suggest = lambda *args: None  # type: ignore[assignment]
        started = time.process_time()
        audit_text(text)
        without = time.process_time() - started
    finally:
        suggest.suggest = original
    return with_stage, without, sum(c.status == "fail" for c in audit.checks if c.family == "consistency")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, nargs="?", default=Path("../shared/eval/gold-dev"))
    ap.add_argument("--per-figure", type=int, default=3, help="typos tried per figure (a seeded sample)")
    ap.add_argument("--half", choices=("a", "b"))
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    score = scorer(a.gold)
    rng = random.Random(a.seed)
    counts = {
        "tried": 0,
        "caught": 0,
        "named": 0,
        "listed": 0,
        "other": 0,
        "none": 0,
        "wrong": 0,
        "repairs": 0,
        "broken": 0,
    }
    by_kind: dict[str, dict[str, int]] = {}
    started = time.process_time()
    for g in score.load_gold(a.gold):
        if a.half and score.half_of(g["_gold_file"]) != a.half:
            continue
        figs = {f["id"]: f for f in g["figures"]}
        source = g["_path"].read_text(encoding="utf-8")
        members: dict[str, set[tuple[int, int]]] = {}
        kind_of: dict[str, str] = {}
        for rel in g.get("relations", []):
            ids = [rel["total"], *rel["parts"]]
            if rel.get("holds") is False or any(figs[i].get("optional") for i in ids):
                continue
            for i in ids:
                members.setdefault(i, set()).update((figs[j]["start"], figs[j]["end"]) for j in ids)
                kind_of.setdefault(i, rel["kind"])
        for fig_id, spans in sorted(members.items()):
            fig = figs[fig_id]
            options = typos(fig["text"])
            for new_text in rng.sample(options, min(a.per_figure, len(options))):
                counts["tried"] += 1
                result = evaluate(source, fig, new_text, sorted(spans))
                if result is None:
                    continue
                counts["caught"] += 1
                counts[result["outcome"]] += 1
                per_kind = by_kind.setdefault(kind_of[fig_id], {"caught": 0, "named": 0, "listed": 0})
                per_kind["caught"] += 1
                per_kind[result["outcome"]] = per_kind.get(result["outcome"], 0) + 1
                counts["repairs"] += result["repairs"]
                counts["broken"] += result["broken"]
                counts["wrong"] += result["wrong"]
                if a.verbose and (result["outcome"] != "named" or result["wrong"]):
                    mark = " (a wrong one suggested)" if result["wrong"] else ""
                    typo = f"{fig['text']} -> {new_text}{mark}"
                    print(f"  {result['outcome'].upper():6} {g['_gold_file']}: {typo}")
    cpu = time.process_time() - started
    caught = max(counts["caught"], 1)
    for kind, k in sorted(by_kind.items()):
        print(f"  {kind:12} caught {k['caught']:3}, named {k['named']:3}, listed {k['listed']:3}")
    print(
        f"typos tried {counts['tried']}, caught {counts['caught']}; "
        f"named {counts['named']} ({counts['named'] / caught:.1%}), "
        f"listed {counts['listed']} ({counts['listed'] / caught:.1%}; named or listed "
        f"{(counts['named'] + counts['listed']) / caught:.1%}), "
        f"other {counts['other']}, none {counts['none']}, a wrong one suggested {counts['wrong']}; "
        f"repairs applied {counts['repairs']}, breaking a passing check {counts['broken']}; "
        f"CPU {cpu:.1f} s"
    )
    for n in (1, 10, 50):
        with_stage, without, failed = draft_cost(n)
        print(
            f"a draft of {n} broken sums ({failed} failed checks): "
            f"{with_stage:.2f} s CPU, {without:.2f} s without suggest"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
