"""Checker kinds: the Python behind the YAML rules in `rules/`.

Each module registers one or more kinds with `@checker("kind", options={...})`. A rule file names
a kind and may override its options; the engine (`audit.check`) runs every enabled rule's checker
on a `Context` and turns the `Outcome`s into contract checks and findings.
"""

from __future__ import annotations

import bisect
import importlib
import pkgutil
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Literal, TypeVar

from audit.config import Config
from audit.model import Claim, Document, Sentence

T = TypeVar("T")
Status = Literal["pass", "fail"]
Confidence = Literal["high", "low"]


@dataclass
class Outcome:
    """One check a checker ran. `anchor` is the claim a finding points at (default: the first).

    `confidence` "low" marks a pairing the checker is less sure of: its failure is reported one
    severity below the rule's (error -> warning), so a doubtful pairing never blocks the gate."""

    status: Status
    claims: list[Claim]
    message: str
    details: dict[str, Any] = field(default_factory=dict)
    anchor: Claim | None = None
    confidence: Confidence = "high"
    finding: str | None = None  # the finding's message when it should differ from `message`


@dataclass
class Context:
    """What a checker sees of one document.

    `readings` holds what was read of the prose at given offsets (the words before a figure, what its
    sentence says): such a reading depends on the prose and on the bounds of the sentence holding
    those offsets, never on the claims' values, so contexts over one document's prose, in which every
    claim's sentence is present, may share them (suggest runs the rules on copies of a document's
    figures with one of them edited)."""

    doc: Document
    claims: list[Claim]
    config: Config
    readings: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value of this document that several checkers ask for (the headline, the lede), computed once."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def read(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A reading of the prose at fixed offsets, computed once: `key` names the reading and every
        offset (and sentence index) it reads, and `compute` may read nothing else (see `readings`)."""
        if key not in self.readings:
            self.readings[key] = compute()
        value: T = self.readings[key]
        return value

    def sentence_at(self, i: int) -> Sentence | None:
        """The sentence numbered `i`, if the document holds it. Its place in the list when the
        segmenter's numbering is whole; else (a repair search's copy holds some sentences only) a
        binary search over the numbers, which are in order: no pass over a long document's sentences."""
        listed = self.doc.sentences
        if 0 <= i < len(listed) and listed[i].index == i:
            return listed[i]
        at = bisect.bisect_left(listed, i, key=lambda s: s.index)
        return listed[at] if at < len(listed) and listed[at].index == i else None

    def sentence(self, claim: Claim) -> Sentence | None:
        return self.sentence_at(claim.sentence)

    def paragraph(self, claim: Claim) -> int:
        s = self.sentence(claim)
        return s.paragraph if s else -1

    def between(self, a: Claim, b: Claim) -> str:
        """The prose strictly between two claims (in document order)."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        return self.doc.prose[first.end : second.start]

    def before(self, claim: Claim, width: int = 60) -> str:
        """Prose before the claim, within its sentence, at most `width` characters. (`sentence` finds
        the sentence by its index in constant time: the repair search makes a Context per edited copy
        of a long document, so nothing here may cost a pass over its sentences.)"""
        s = self.sentence(claim)
        lo = max(s.start if s is not None else 0, claim.start - width)
        return self.doc.prose[lo : claim.start]

    def after(self, claim: Claim, width: int = 60) -> str:
        s = self.sentence(claim)
        hi = min(s.end if s is not None else len(self.doc.prose), claim.end + width)
        return self.doc.prose[claim.end : hi]

    @cached_property
    def figures(self) -> list[Claim]:
        """Claims in document order, dates left out."""
        return sorted(
            (c for c in self.claims if c.category != "date" and c.value is not None), key=lambda c: c.start
        )

    @cached_property
    def figures_by_sentence(self) -> dict[int, list[Claim]]:
        """The figures of each sentence that has any, in document order (read, never changed)."""
        out: dict[int, list[Claim]] = {}
        for c in self.figures:
            out.setdefault(c.sentence, []).append(c)
        return out

    @cached_property
    def _figure_sentences(self) -> list[int] | None:
        keys = [c.sentence for c in self.figures]
        return keys if keys == sorted(keys) else None  # None: not in sentence order (never in practice)

    def figures_in(self, first: int, last: int) -> list[Claim]:
        """The figures of sentences `first` to `last` (inclusive), in document order. A slice, not
        a scan: checkers pair nearby figures through it, so a long document stays linear."""
        keys = self._figure_sentences
        if keys is None:
            return [c for c in self.figures if first <= c.sentence <= last]
        return self.figures[bisect.bisect_left(keys, first) : bisect.bisect_right(keys, last)]


CheckerFn = Callable[[Context, dict[str, Any]], list[Outcome]]


@dataclass(frozen=True)
class CheckerKind:
    name: str
    run: CheckerFn
    options: dict[str, Any]  # the defaults; a rule may override any of them, and only them
    doc: str


REGISTRY: dict[str, CheckerKind] = {}


def checker(name: str, options: dict[str, Any] | None = None) -> Callable[[CheckerFn], CheckerFn]:
    """Register a checker kind under `name` with its default options."""

    def register(fn: CheckerFn) -> CheckerFn:
        REGISTRY[name] = CheckerKind(name, fn, dict(options or {}), (fn.__doc__ or "").strip())
        return fn

    return register


@cache
def load_builtin() -> dict[str, CheckerKind]:
    """Import every module of this package once, so their kinds are registered."""
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return REGISTRY
