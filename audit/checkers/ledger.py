"""Ledger checks: each casualty figure of a ledger event against the desk's ledger.

`audit.ledger.compare` gives every such figure one verdict; each rule here shows the comparisons
it is about and fails on its own verdict only, so a figure raises at most one ledger finding:

- stale-figure: the figure's source has rows in the event; passes when its latest row gives the
  figure, fails when it gives another ("300 killed (NIS) is older than the ledger: ...");
- ledger-source: a row gives the figure; passes when a row of the copy's source does, fails when
  only other sources' rows do ("3,000 is the army's figure in the ledger, not the UN's");
- off-ledger: the figure's source has no rows in the event; passes when a row gives the figure,
  fails when none does ("no ledger row gives 12,000 displaced for this event").

Without a ledger in the config these checkers run no check at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.relate import label

if TYPE_CHECKING:
    from audit.ledger import Row, Verdict


def verdicts(ctx: Context) -> list[Verdict]:
    ledger = ctx.config.ledger
    if ledger is None:
        return []
    from audit.ledger import compare  # only with a ledger: `audit extract` starts fast without

    return ctx.memo("ledger-verdicts", lambda: compare(ctx.doc, ctx.claims, ledger))


def _who(v: Verdict) -> str:
    names = list(dict.fromkeys(s.name for s in v.claim.sources))
    return " and ".join(names)


def _figure(v: Verdict) -> str:
    who = _who(v)
    return f"{label(v.claim)} ({who})" if who else label(v.claim)


def possessive(name: str) -> str:
    """ "the army's", "the United Nations'" (a leading "The" lower-cased: it is mid-sentence)."""
    name = "the " + name[4:] if name.startswith("The ") else name
    return f"{name}'" if name.endswith("s") and not name.endswith("'s") else f"{name}'s"


def _rows(rows: list[Row]) -> str:
    return "; ".join(r.describe() for r in rows)


def _details(v: Verdict, rows: list[Row]) -> dict[str, Any]:
    return {"verdict": v.kind, "event": v.event, "ledger": [r.to_details() for r in rows]}


def _outcome(v: Verdict, status: str, message: str, rows: list[Row]) -> Outcome:
    return Outcome(status, [v.claim], message, _details(v, rows))  # type: ignore[arg-type]


@checker("stale-figure")
def stale_figure(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A figure from a source against that source's latest ledger row for the event."""
    out = []
    for v in verdicts(ctx):
        if v.kind == "match":
            out.append(_outcome(v, "pass", f"{_figure(v)} matches the ledger: {_rows(v.rows)}", v.rows))
        elif v.kind == "stale":
            value = v.claim.value or 0.0
            older = all(value < r.value for r in v.rows)
            how = "is older than the ledger" if older else "is not the ledger's latest figure"
            out.append(_outcome(v, "fail", f"{_figure(v)} {how}: {_rows(v.rows)}", v.rows))
    return out


@checker("ledger-source")
def ledger_source(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Who the ledger says gives a figure, against whom the copy attributes it to."""
    out = []
    for v in verdicts(ctx):
        if not v.claim.sources or not v.givers:
            continue
        if v.kind == "other-source":
            theirs = " and ".join(dict.fromkeys(possessive(r.source) for r in v.givers))
            whose = possessive(_who(v))
            message = f"{label(v.claim)} is {theirs} figure in the ledger, not {whose}: {_rows(v.givers)}"
            out.append(_outcome(v, "fail", message, v.givers))
        elif v.kind in ("match", "stale") and set(v.givers) & set(v.own):
            mine = [r for r in v.givers if r in v.own]
            out.append(
                _outcome(v, "pass", f"{_figure(v)} is the source's figure in the ledger: {_rows(mine)}", mine)
            )
    return out


@checker("off-ledger")
def off_ledger(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A figure of a ledger event whose source has no rows there: does any row give it?"""
    out = []
    for v in verdicts(ctx):
        if v.own:
            continue
        if v.kind == "off-ledger":
            message = f"no ledger row gives {label(v.claim)} for this event ({v.event})"
            out.append(_outcome(v, "fail", message, []))
        else:
            out.append(_outcome(v, "pass", f"{label(v.claim)} is in the ledger: {_rows(v.givers)}", v.givers))
    return out
