"""Hand-made audits for the report tests: every highlight state, and hostile text."""

from __future__ import annotations

from audit.model import Audit, Check, Claim, Document, Finding, Source

ARTICLE = (
    "North Korean troops suffered at least 3,000 casualties, according to South Korea.\n"
    "The NIS said 300 soldiers had been killed and 2,700 others wounded.\n"
    "Kyiv captured two soldiers on January 20."
)
HOSTILE = (
    'Officials said <img src=x onerror="window.pwned=1"> 12 people died. <script>window.pwned=1</script>'
)


def claim_at(doc: Document, cid: str, phrase: str, value: float, **fields: object) -> Claim:
    start = doc.source.index(phrase)
    line, column = doc.position(start)
    low = fields.pop("low", value)
    high = fields.pop("high", value)
    return Claim(cid, phrase, start, start + len(phrase), line, column, value, low, high, **fields)  # type: ignore[arg-type]


def source_at(doc: Document, name: str, words: str, originator: str) -> Source:
    start = doc.source.index(words)
    return Source(name, words.split()[0], start, start + len(words), originator=originator)


def seed_like(path: str = "drafts/north-korea.txt") -> Audit:
    """A hand-made audit in every state the pipeline may produce."""
    doc = Document(path=path, source=ARTICLE, prose=ARTICLE)
    korea = source_at(doc, "South Korea", "according to South Korea", "nis")
    nis = source_at(doc, "the NIS", "The NIS said", "nis")
    claims = [
        claim_at(
            doc,
            "c1",
            "at least 3,000 casualties",
            3000,
            high=None,
            qualifier="at_least",
            unit="people",
            category="casualties",
            grade="single-source",
            sources=[korea],
            step=100,
            hedge="estimated",
        ),
        claim_at(
            doc,
            "c2",
            "300 soldiers",
            300,
            unit="people",
            category="killed",
            grade="single-source",
            sources=[nis],
        ),
        claim_at(
            doc,
            "c3",
            "2,700 others",
            2700,
            unit="people",
            category="wounded",
            grade="single-source",
            sources=[nis],
        ),
        claim_at(doc, "c4", "two soldiers", 2, unit="people", category="captured", grade="unattributed"),
        claim_at(doc, "c5", "January 20", 20, category="date"),
    ]
    checks = [Check("breakdown-sum", "consistency", "pass", ["c1", "c2", "c3"], "300 + 2,700 = 3,000 pass")]
    findings = [
        Finding(
            "single-source",
            "sourcing",
            "warning",
            "rests on the NIS alone",
            ["c1", "c2", "c3"],
            claims[0].start,
            claims[0].end,
            1,
            1,
        ),
        Finding(
            "unattributed", "sourcing", "warning", "no source", ["c4"], claims[3].start, claims[3].end, 3, 1
        ),
    ]
    return Audit(doc, claims, checks, findings)


def hostile() -> Audit:
    doc = Document(path="drafts/<hostile>.txt", source=HOSTILE, prose=HOSTILE)
    officials = source_at(doc, "officials", "Officials said", "officials")
    figure = claim_at(doc, "c1", "12 people", 12, unit="people", category="killed", sources=[officials])
    figure.subject = "<b>people</b>"
    return Audit(doc, [figure], [], [])
