"""`audit report`: one self-contained HTML page per document, plus an index of the run.

The page shows the article with every claim highlighted in place and coloured by its state,
a card per claim (bounds, sources with their attributing words, every check it took part
in), the findings, a sortable claims table, a source map and inline SVG charts. Article
text is untrusted: Jinja2 autoescapes everything, and a Content-Security-Policy allows only
the page's own inline style and script (by hash), so injected markup shows as text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import click
import jinja2

from audit import __version__, svg
from audit.atomic import write_atomic
from audit.commands.ledger import config_with_ledger, ledger_option
from audit.model import HARM_CATEGORIES, SCHEMA, Audit, Check, Claim, Finding, Source
from audit.suggest import edit_name

# Highlight states, most urgent first; a claim takes the first that applies.
STATES = ("failed", "finding", "contested", "corroborated", "single-source", "unattributed")
STATE_LABELS = {
    "failed": "check failed",
    "finding": "finding",
    "contested": "contested",
    "corroborated": "corroborated",
    "single-source": "single source",
    "unattributed": "unattributed",
}
# Findings that only restate a claim's grade do not make it a "finding": its grade colour says it.
GRADE_RULES = frozenset({"corroborated", "single-source", "contested", "unattributed"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINE = r"(?:\r\n|\r|\n)"
_BLANK_LINE = re.compile(rf"{_NEWLINE}[^\S\r\n]*{_NEWLINE}")


# ---------------------------------------------------------------- claim states and sources


def claim_states(audit: Audit) -> dict[str, str]:
    """Each claim's highlight state: consistency check failed > finding > its grade (or its sources).

    A failed sourcing check is not arithmetic gone wrong: its finding or the grade says it."""
    failed = {
        cid
        for check in audit.checks
        if check.status == "fail" and check.family == "consistency"
        for cid in check.claims
    }
    flagged = {cid for f in audit.findings if f.rule not in GRADE_RULES for cid in f.claims}
    states: dict[str, str] = {}
    for claim in audit.claims:
        if claim.id in failed:
            states[claim.id] = "failed"
        elif claim.id in flagged:
            states[claim.id] = "finding"
        elif claim.grade:
            states[claim.id] = claim.grade
        else:
            states[claim.id] = _state_from_sources(claim)
    return states


def _state_from_sources(claim: Claim) -> str:
    count = len({originator_key(s) for s in claim.sources})
    return "unattributed" if count == 0 else "single-source" if count == 1 else "corroborated"


def originator_key(source: Source) -> str:
    return source.originator or source.name.casefold()


@dataclass
class Originator:
    """Everyone a document's figures rest on, one entry per originator."""

    key: str
    name: str
    names: set[str] = field(default_factory=set)
    via: set[str] = field(default_factory=set)
    anonymous: bool = False
    claims: list[Claim] = field(default_factory=list)


def originators(audit: Audit) -> list[Originator]:
    """Originators by the number of figures that rest on them, most first."""
    found: dict[str, Originator] = {}
    for claim in _figures(audit):
        for key in dict.fromkeys(originator_key(s) for s in claim.sources):
            found.setdefault(key, Originator(key=key, name=""))
        for source in claim.sources:
            entry = found[originator_key(source)]
            entry.names.add(source.name)
            entry.anonymous |= source.anonymous
            if source.via:
                entry.via.add(source.via)
            if claim not in entry.claims:
                entry.claims.append(claim)
    for entry in found.values():
        entry.name = max(sorted(entry.names), key=len)  # the fullest form names it best
    return sorted(found.values(), key=lambda o: (-len(o.claims), o.name.casefold()))


def source_summary(audit: Audit, origins: Sequence[Originator]) -> str:
    """One sentence an editor reads at a glance: what the figures rest on."""
    figures = _figures(audit)
    harm = [c for c in figures if c.category in HARM_CATEGORIES]
    pool, noun = (harm, "casualty figure") if harm else (figures, "figure")
    if not pool:
        return "No figures in this document."
    sourced = [c for c in pool if c.sources]
    missing = len(pool) - len(sourced)
    gap = f" {_count(missing, noun)} {'has' if missing == 1 else 'have'} no source." if missing else ""
    if not sourced:
        return f"None of the {_count(len(pool), noun)} names a source."
    keys = Counter(k for c in sourced for k in {originator_key(s) for s in c.sources})
    named = {o.key: o.name for o in origins}
    if len(keys) == 1:
        who = named.get(next(iter(keys)), "one originator")
        if missing:
            return f"Every sourced {noun} ({len(sourced)} of {len(pool)}) rests on {who} alone.{gap}"
        if len(pool) == 1:
            return f"The one {noun} here rests on {who} alone."
        return f"All {_count(len(pool), noun)} here rest on {who} alone."
    listed = ", ".join(f"{named.get(k, k)} ({n})" for k, n in keys.most_common())
    return f"{_count(len(sourced), 'sourced ' + noun)} rest on {len(keys)} originators: {listed}.{gap}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _figures(audit: Audit) -> list[Claim]:
    """Claims a reader sees as figures: dates are skipped, as the contract says."""
    return [c for c in audit.claims if c.category != "date"]


# ---------------------------------------------------------------- the article, highlighted


@dataclass
class Node:
    """A piece of the highlighted article. `kind` is text, claim, cue or para."""

    kind: str
    text: str = ""
    claim_id: str = ""
    state: str = ""
    primary: bool = False  # the first element of a claim: focusable, carries the id
    cue_for: str = ""  # space-separated claim ids an attributing phrase belongs to
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True, eq=False)
class Span:
    kind: str  # claim | cue
    start: int
    end: int
    key: str  # claim id, or the claim ids a cue attributes
    state: str = ""


def article_text(audit: Audit) -> str:
    """The text the page shows: the prose view for Markdown and HTML, the source otherwise."""
    doc = audit.document
    text = doc.prose if doc.format != "text" and len(doc.prose) == len(doc.source) else doc.source
    return _CONTROL.sub(" ", text)


def article_nodes(audit: Audit, states: dict[str, str]) -> list[Node]:
    """The article as paragraphs of text, claim highlights and attribution cues, nested.

    Overlapping spans are split: the first piece of a claim is its `primary` element."""
    text = article_text(audit)
    spans = _spans(audit, states, len(text))
    seen: set[int] = set()
    return [
        Node(
            "para",
            children=_nest(text, start, end, [s for s in spans if s.start < end and s.end > start], seen),
        )
        for start, end in paragraphs(text)
    ]


def _within(spans: list[Span], start: int, end: int) -> list[Span]:
    return [s for s in spans if s.start < end and s.end > start]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: split at blank lines if the text has any, else at every line break."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else re.compile(_NEWLINE)
    out, pos = [], 0
    for m in [*splitter.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((pos + lead, pos + len(piece.rstrip())))
        pos = m.end() if m else end
    return out


def _spans(audit: Audit, states: dict[str, str], length: int) -> list[Span]:
    spans = [
        Span("claim", max(0, c.start), min(c.end, length), c.id, states[c.id])
        for c in _figures(audit)
        if 0 <= c.start < c.end and c.start < length
    ]
    cues: dict[tuple[int, int], list[str]] = defaultdict(list)
    for claim in _figures(audit):
        for source in claim.sources:
            if 0 <= source.start < source.end <= length:
                cues[(source.start, source.end)].append(claim.id)
    spans += [Span("cue", s, e, " ".join(dict.fromkeys(ids))) for (s, e), ids in cues.items()]
    return spans


def _nest(text: str, start: int, end: int, spans: list[Span], seen: set[int]) -> list[Node]:
    """Cut [start, end) at every span boundary; open and close elements so spans nest."""
    cuts = sorted({start, end} | {p for s in spans for p in (s.start, s.end) if start < p < end})
    root = Node("para")
    stack: list[tuple[Span | None, Node]] = [(None, root)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = sorted((s for s in spans if s.start <= a and s.end >= b), key=_nesting_order)
        keep = 0
        while keep < len(active) and keep + 1 < len(stack) and stack[keep + 1][0] is active[keep]:
            keep += 1
        del stack[keep + 1 :]
        for span in active[keep:]:
            node = _open(span, id(span) not in seen)
            seen.add(id(span))
            stack[-1][1].children.append(node)
            stack.append((span, node))
        stack[-1][1].children.append(Node("text", text=text[a:b]))
    return root.children


def _nesting_order(span: Span) -> tuple[int, int, int]:
    return span.start, -span.end, 0 if span.kind == "claim" else 1


def _open(span: Span, primary: bool) -> Node:
    if span.kind == "claim":
        return Node("claim", claim_id=span.key, state=span.state, primary=primary)
    return Node("cue", cue_for=span.key)


# ---------------------------------------------------------------- numbers as the copy writes them


def fmt_number(x: float | None, unit: str | None = None) -> str:
    if x is None:
        return "–"
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}"
    if unit == "percent":
        return text + "%"
    if unit == "percentage_point":
        return text + " pp"
    return text


def bounds_text(claim: Claim) -> str:
    """'3,000 or more', '200 to 300', 'exactly 300'."""
    low, high = fmt_number(claim.low, claim.unit), fmt_number(claim.high, claim.unit)
    if claim.low is None and claim.high is None:
        value = fmt_number(claim.value, claim.unit)
        words = {"exact": f"exactly {value}", "approx": f"about {value}"}
        return words.get(claim.qualifier, "no bounds stated")
    if claim.high is None:
        return f"{low} or more"
    if claim.low is None:
        return f"up to {high}"
    return f"exactly {low}" if claim.low == claim.high else f"{low} to {high}"


def quote(audit: Audit, source: Source) -> str:
    """The words that attribute a figure, as the document has them."""
    text = audit.document.source
    if 0 <= source.start < source.end <= len(text):
        return " ".join(_CONTROL.sub(" ", text[source.start : source.end]).split())
    return source.cue


# ---------------------------------------------------------------- pages


@dataclass
class PageView:
    """Everything the page template reads, computed once."""

    audit: Audit
    states: dict[str, str]
    article: list[Node]
    origins: list[Originator]
    summary: str
    checks_of: dict[str, list[Check]]
    findings_of: dict[str, list[Finding]]
    breakdowns: list[svg.BreakdownChart]
    source_chart: svg.SourceChart | None
    state_counts: dict[str, int]
    data_json: str
    unplaced: list[Claim]
    by_id: dict[str, Claim]
    ledger_of: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    repairs_of: dict[str, list[Repairing]] = field(default_factory=dict)

    @property
    def figures(self) -> list[Claim]:
        return _figures(self.audit)


@dataclass(frozen=True)
class Repairing:
    """What a card says a failed check suggests for its figure: probably (the one repair), or
    possibly (one of several equally plausible)."""

    old: str
    new: str
    edit: str
    probable: bool
    rule: str


def repairs_of(audit: Audit) -> dict[str, list[Repairing]]:
    """The repairs failed checks suggest, by the claim they would edit."""
    out: dict[str, list[Repairing]] = defaultdict(list)
    for check in audit.checks:
        one = check.details.get("suggestion")
        for s in [one] if one else check.details.get("suggestions", []):
            repair = Repairing(s["from"], s["to"], edit_name(s["edit"]), s == one, check.rule)
            if repair not in out[s["claim"]]:
                out[s["claim"]].append(repair)
    return out


def page_view(audit: Audit) -> PageView:
    states = claim_states(audit)
    origins = originators(audit)
    checks_of: dict[str, list[Check]] = defaultdict(list)
    for check in audit.checks:
        for cid in dict.fromkeys(check.claims):
            checks_of[cid].append(check)
    findings_of: dict[str, list[Finding]] = defaultdict(list)
    for finding in audit.findings:
        for cid in dict.fromkeys(finding.claims):
            findings_of[cid].append(finding)
    article = article_nodes(audit, states)
    placed = {n.claim_id for n in _walk(article) if n.kind == "claim"}
    by_id = {c.id: c for c in audit.claims}
    return PageView(
        audit=audit,
        states=states,
        article=article,
        origins=origins,
        summary=source_summary(audit, origins),
        checks_of=checks_of,
        findings_of=findings_of,
        breakdowns=[
            chart
            for check in audit.checks
            if check.rule == "breakdown-sum"
            and (chart := svg.breakdown_chart(check, by_id, fmt_number)) is not None
        ],
        source_chart=svg.source_chart(_source_rows(audit, origins, states)),
        state_counts={s: n for s in STATES if (n := sum(1 for c in _figures(audit) if states[c.id] == s))},
        data_json=embedded_json(audit),
        unplaced=[c for c in _figures(audit) if c.id not in placed],
        by_id=by_id,
        ledger_of=ledger_rows(audit),
        repairs_of=repairs_of(audit),
    )


def ledger_rows(audit: Audit) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Per claim, the desk's ledger rows its ledger checks compared it with: (status, row)."""
    out: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for check in audit.checks:
        for row in check.details.get("ledger", []):
            for cid in check.claims:
                if (check.status, row) not in out[cid]:
                    out[cid].append((check.status, row))
    return dict(out)


def _source_rows(
    audit: Audit, origins: Sequence[Originator], states: dict[str, str]
) -> list[tuple[str, list[tuple[str, int]]]]:
    rows = [(o.name, _by_state(o.claims, states)) for o in origins]
    orphans = [c for c in _figures(audit) if not c.sources]
    if orphans:
        rows.append(("(no source)", _by_state(orphans, states)))
    return rows


def _by_state(claims: Iterable[Claim], states: dict[str, str]) -> list[tuple[str, int]]:
    counts = Counter(states[c.id] for c in claims)
    return [(s, counts[s]) for s in STATES if counts[s]]


def _walk(nodes: Iterable[Node]) -> Iterable[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def embedded_json(audit: Audit) -> str:
    """The document's claims contract, safe inside <script>: '<', '>' and '&' are \\u-escaped."""
    data = {"schema": SCHEMA, "documents": [audit.to_contract()]}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(audit: Audit, index_href: str | None = "index.html") -> str:
    """One self-contained HTML page for one audited document."""
    view = page_view(audit)
    return _render("page.html.j2", view=view, audit=audit, doc=audit.document, index_href=index_href)


@dataclass
class IndexEntry:
    audit: Audit
    href: str
    states: dict[str, int]

    @property
    def failed_checks(self) -> int:
        return sum(1 for c in self.audit.checks if c.status == "fail")

    @property
    def summary(self) -> str:
        return source_summary(self.audit, originators(self.audit))

    def findings(self, severity: str) -> int:
        return sum(1 for f in self.audit.findings if f.severity == severity)


def render_index(entries: Sequence[IndexEntry]) -> str:
    """The run's index page: one row per document, linking to its page."""
    return _render(
        "index.html.j2",
        entries=entries,
        total_figures=sum(sum(e.states.values()) for e in entries),
        total_failed=sum(e.failed_checks for e in entries),
        total_findings=sum(len(e.audit.findings) for e in entries),
    )


def _render(template: str, **context: Any) -> str:
    css, js = _asset("report.css"), _asset("report.js")
    return (
        _env()
        .get_template(template)
        .render(css=css, js=js, csp=content_security_policy(css, js), version=__version__, **context)
    )


def content_security_policy(css: str, js: str) -> str:
    """Nothing loads from anywhere; only this page's own style and script run."""
    return (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


TEMPLATES = Path(__file__).parent / "templates"


@cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        fmt=fmt_number,
        bounds=bounds_text,
        quote=quote,
        STATES=STATES,
        STATE_LABELS=STATE_LABELS,
        HARM=HARM_CATEGORIES,
    )
    return env


# ---------------------------------------------------------------- files


def page_name(path: str, taken: set[str]) -> str:
    """A file name for a document's page, unique in `taken` (which it extends)."""
    parts = [p for p in re.split(r"[\\/]+", path) if p not in ("", ".", "..")]
    stem = "stdin" if path == "-" else re.sub(r"[^A-Za-z0-9._-]+", "_", "--".join(parts)) or "document"
    name, n = f"{stem}.html", 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name.casefold())
    return name


def write_reports(audits: Sequence[Audit], out_dir: Path) -> list[Path]:
    """Write every page and the index; returns the paths written, index last."""
    taken = {"index.html"}
    entries: list[IndexEntry] = []
    written: list[Path] = []
    for audit in audits:
        name = page_name(audit.document.path, taken)
        write_atomic(out_dir / name, render_page(audit))
        written.append(out_dir / name)
        entries.append(IndexEntry(audit=audit, href=name, states=page_state_counts(audit)))
    write_atomic(out_dir / "index.html", render_index(entries))
    written.append(out_dir / "index.html")
    return written


def page_state_counts(audit: Audit) -> dict[str, int]:
    counts = Counter(claim_states(audit)[c.id] for c in _figures(audit))
    return {s: counts[s] for s in STATES if counts[s]}


@click.command("report")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports"),
    show_default=True,
    help="Folder for the pages and index.html.",
)
@ledger_option
def report_command(paths: tuple[str, ...], out_dir: Path, ledger_path: Path | None) -> None:
    """Write an HTML report per document in PATHS (files, folders, globs, - for stdin), plus index.html."""
    from audit import inputs, load
    from audit.pipeline import audit_document

    config = config_with_ledger(ledger_path, "report")
    audits, failed = [], False
    for path in inputs.expand(list(paths)):
        doc = load.load_path(path)
        if doc.error:
            failed = True
            click.echo(f"{path}: error: {doc.error}", err=True)
        audits.append(audit_document(doc, config))
    for written in write_reports(audits, out_dir):
        click.echo(str(written))
    sys.exit(2 if failed else 0)
