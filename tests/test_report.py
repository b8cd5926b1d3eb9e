"""The HTML report: states, highlighting, escaping, the CSP, the embedded contract, the command."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from report_samples import HOSTILE, hostile, seed_like

from audit import report, svg
from audit.atomic import write_atomic
from audit.model import Audit, Check, Claim, Document, Finding, Source


class Tags(HTMLParser):
    """Collects start tags with their attributes, and the text of <script> and <style> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# ---------------------------------------------------------------- states and sources


def test_states_take_the_most_urgent_first() -> None:
    audit = seed_like()
    states = report.claim_states(audit)
    assert states == {
        "c1": "single-source",
        "c2": "single-source",
        "c3": "single-source",
        "c4": "unattributed",
        "c5": "unattributed",
    }
    audit.checks.append(Check("single-source", "sourcing", "fail", ["c1", "c2", "c3"], "one source"))
    assert report.claim_states(audit) == states
    audit.checks[0].status = "fail"
    audit.findings.append(Finding("hedged-figure", "sourcing", "info", "hedged", ["c4"], 0, 1, 1, 1))
    states = report.claim_states(audit)
    assert [states[c] for c in ("c1", "c2", "c4")] == ["failed", "failed", "finding"]


def test_state_without_grade_follows_distinct_originators() -> None:
    audit = seed_like()
    c2 = audit.claim("c2")
    c2.grade = None
    assert report.claim_states(audit)["c2"] == "single-source"
    c2.sources = [*c2.sources, Source("Ukraine", "said", 0, 1, originator="ukraine")]
    assert report.claim_states(audit)["c2"] == "corroborated"


def test_source_map_groups_mentions_of_one_originator() -> None:
    audit = seed_like()
    (nis,) = report.originators(audit)
    assert nis.name == "South Korea" and nis.names == {"South Korea", "the NIS"}
    assert [c.id for c in nis.claims] == ["c1", "c2", "c3"]
    summary = report.source_summary(audit, [nis])
    assert summary.startswith("Every sourced casualty figure (3 of 4) rests on South Korea alone.")
    assert "1 casualty figure has no source" in summary


def test_source_summary_names_each_originator_when_there_are_several() -> None:
    audit = seed_like()
    audit.claim("c4").sources = [Source("Ukraine", "said", 0, 1, originator="ukraine")]
    summary = report.source_summary(audit, report.originators(audit))
    assert summary == "4 sourced casualty figures rest on 2 originators: South Korea (3), Ukraine (1)."


# ---------------------------------------------------------------- the highlighted article


def flatten(nodes: list[report.Node]) -> str:
    return "".join(n.text if n.kind == "text" else flatten(n.children) for n in nodes)


def test_paragraphs_split_at_lines_or_blank_lines() -> None:
    assert report.paragraphs("a\nb\n\n") == [(0, 1), (2, 3)]
    text = "one\ntwo\n\n  three\n"
    assert [text[s:e] for s, e in report.paragraphs(text)] == ["one\ntwo", "three"]


def test_every_figure_but_dates_gets_one_primary_highlight() -> None:
    audit = seed_like()
    nodes = list(report._walk(report.article_nodes(audit, report.claim_states(audit))))
    primaries = [n.claim_id for n in nodes if n.kind == "claim" and n.primary]
    assert primaries == ["c1", "c2", "c3", "c4"]
    cues = [n.cue_for for n in nodes if n.kind == "cue"]
    assert cues == ["c1", "c2 c3"]


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=8)


@given(text=st.text(alphabet="ab \n.", min_size=1, max_size=40), raw=spans)
def test_nesting_keeps_the_text_and_places_every_span(text: str, raw: list[tuple[int, int]]) -> None:
    """Overlapping spans of any shape: the text survives unchanged and each span opens exactly once."""
    doc = Document(path="t", source=text, prose=text)
    claims = []
    for i, (start, length) in enumerate(raw):
        start = min(start, len(text) - 1)
        end = min(len(text), start + length)
        claims.append(Claim(f"c{i}", text[start:end], start, end, 1, 1, 1.0, 1.0, 1.0))
    audit = Audit(doc, claims)
    paras = report.article_nodes(audit, report.claim_states(audit))
    bounds = report.paragraphs(text)
    assert [flatten(p.children) for p in paras] == [text[s:e] for s, e in bounds]
    primaries = [n.claim_id for n in report._walk(paras) if n.kind == "claim" and n.primary]
    inside = [c.id for c in claims if any(c.start < e and c.end > s for s, e in bounds)]
    assert sorted(primaries) == sorted(inside)


class ArticleText(HTMLParser):
    """The tags and the (unescaped) text inside the article's <div id="article">."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: set[str] = set()
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or ("id", "article") in attrs:
            self.depth += 1
            self.tags.add(tag)
            if tag == "p":
                self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth > 1:
            self.paragraphs[-1] += data


PIECES = st.sampled_from([*"ab 1<>&\"'/=\n", "<script>", "</p>", "&amp;", "<!--", "\r\n"])


@settings(max_examples=60, deadline=None)
@given(text=st.lists(PIECES, min_size=1, max_size=30).map("".join), raw=spans)
def test_any_article_text_comes_back_as_text(text: str, raw: list[tuple[int, int]]) -> None:
    """Whatever the article holds, the page's article is that text and only p, mark and span tags."""
    doc = Document(path="t", source=text, prose=text)
    claims = []
    for i, (start, length) in enumerate(raw):
        start = min(start, len(text) - 1)
        claims.append(Claim(f"c{i}", "", start, min(len(text), start + length), 1, 1, 1.0, 1.0, 1.0))
    parsed = ArticleText()
    parsed.feed(report.render_page(Audit(doc, claims)))
    assert parsed.tags <= {"div", "p", "mark", "span"}
    assert parsed.paragraphs == [text[s:e] for s, e in report.paragraphs(text)]


def test_markdown_and_html_show_their_prose() -> None:
    source = "<p>The <b>toll</b> rose to 40.</p>"
    prose = "   The    toll     rose to 40.    "
    doc = Document(path="a.html", source=source, prose=prose, format="html")
    start = source.index("40")
    audit = Audit(doc, [Claim("c1", "40", start, start + 2, 1, start + 1, 40, 40, 40)])
    html = report.render_page(audit)
    article = html[html.index('id="article"') : html.index("</section>")]
    assert "&lt;b&gt;" not in article and "<b>" not in article
    assert re.search(r'data-claim="c1"[^>]*>40</mark>', article)


# ---------------------------------------------------------------- the page


def test_page_has_a_highlight_and_card_per_figure_and_embeds_the_contract() -> None:
    audit = seed_like()
    html = report.render_page(audit)
    tags = parse(html)
    marked = {a["data-claim"] for tag, a in tags.tags if tag == "mark"}
    assert marked == {"c1", "c2", "c3", "c4"}
    cards = {a["id"] for tag, a in tags.tags if tag == "article" and a.get("class", "").startswith("card")}
    assert cards == {"card-c1", "card-c2", "card-c3", "card-c4"}
    (data,) = [a for t, a in tags.tags if t == "script" and a.get("id") == "audit-data"]
    assert data["type"] == "application/json"
    embedded = json.loads(tags.raw["script"][0])
    assert embedded == {"schema": "audit.claims/1", "documents": [audit.to_contract()]}
    assert "300 + 2,700 = 3,000 pass" in html
    assert "according to South Korea" in html


def test_card_shows_bounds_hedge_and_the_attributing_words() -> None:
    html = report.render_page(seed_like())
    card = html[html.index('id="card-c1"') : html.index('id="card-c2"')]
    for expected in (
        "3,000 or more",
        "at least",
        "estimated",
        "casualties",
        "South Korea",
        "“according to South Korea”",
        "300 + 2,700 = 3,000 pass",
        "single-source",
    ):
        assert expected in card, expected


def test_untrusted_text_is_escaped_everywhere() -> None:
    html = report.render_page(hostile())
    tags = parse(html)
    assert [t for t, _ in tags.tags].count("img") == 0
    assert len(tags.raw["script"]) == 2  # the data block and the page's own script
    assert "window.pwned" not in tags.raw["script"][1]
    assert "&lt;img src=x onerror=&#34;window.pwned=1&#34;&gt;" in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "&lt;b&gt;people&lt;/b&gt;" in html
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)


def test_embedded_data_cannot_close_its_script() -> None:
    audit = hostile()
    audit.document.source = audit.document.prose = HOSTILE + " </script><!-- x"
    html = report.render_page(audit)
    start = html.index('id="audit-data">') + len('id="audit-data">')
    block = html[start : html.index("</script>", start)]
    assert "<" not in block and ">" not in block
    assert json.loads(block)["documents"][0]["path"] == "drafts/<hostile>.txt"


def test_csp_allows_only_the_pages_own_style_and_script() -> None:
    html = report.render_page(seed_like())
    tags = parse(html)
    (csp,) = [a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"]
    policy = dict(part.strip().split(" ", 1) for part in (csp or "").split(";"))
    assert policy["default-src"] == "'none'" and policy["img-src"] == "data:"
    assert policy["script-src"] == f"'{sha256(tags.raw['script'][1])}'"
    assert policy["style-src"] == f"'{sha256(tags.raw['style'][0])}'"
    assert "unsafe-inline" not in csp
    assert not any("style" in attrs for _, attrs in tags.tags), "style attributes would break the CSP"
    assert not any(t == "link" and a.get("rel") == "stylesheet" for t, a in tags.tags)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)


def test_page_is_the_same_bytes_every_time() -> None:
    assert report.render_page(seed_like()) == report.render_page(seed_like())


def test_unreadable_document_still_gets_a_page() -> None:
    doc = Document(path="missing.txt", source="", prose="", error="cannot read missing.txt")
    html = report.render_page(Audit(doc))
    assert "cannot read missing.txt" in html and 'role="alert"' in html


# ---------------------------------------------------------------- charts


def test_breakdown_chart_stacks_parts_against_the_total_and_its_band() -> None:
    audit = seed_like()
    chart = svg.breakdown_chart(audit.checks[0], {c.id: c for c in audit.claims})
    assert chart is not None
    killed, wounded = chart.parts
    assert wounded.width == pytest.approx(killed.width * 9)
    assert wounded.x == pytest.approx(killed.x + killed.width)
    assert chart.sum_x == pytest.approx(chart.total.x + chart.total.width)
    assert chart.band_open and chart.band.label == "2,950 or more"


def test_breakdown_band_comes_from_the_check_when_it_says() -> None:
    audit = seed_like()
    check = Check(
        "breakdown-sum",
        "consistency",
        "fail",
        ["c1", "c2"],
        "300 < 3,000 fail",
        {"total_range": [2500, 3500], "sum_range": [250, 349.99]},
    )
    chart = svg.breakdown_chart(check, {c.id: c for c in audit.claims})
    assert chart is not None and not chart.band_open and chart.band.label == "2,500–3,500"
    assert chart.sum_range == "250–350"


def test_breakdown_of_missing_claims_is_skipped() -> None:
    check = Check("breakdown-sum", "consistency", "pass", ["c1", "c9"], "x")
    assert svg.breakdown_chart(check, {c.id: c for c in seed_like().claims}) is None


def test_claim_band_widens_by_half_the_rounding_step() -> None:
    c = Claim("c", "about 1.5 million", 0, 1, 1, 1, 1.5e6, 1.5e6, 1.5e6, qualifier="approx", step=1e5)
    assert svg.claim_band(c) == (1.45e6, 1.55e6)
    c = Claim("c", "up to 40", 0, 1, 1, 1, 40, None, 40, qualifier="at_most")
    assert svg.claim_band(c) == (0.0, 40)


def test_page_draws_the_breakdown_and_per_source_charts() -> None:
    tags = parse(report.render_page(seed_like()))
    titles = [a for t, a in tags.tags if t == "svg"]
    assert len(titles) == 2
    rects = [a["class"] for t, a in tags.tags if t == "rect"]
    assert {"part part-0", "part part-1", "total", "band band-open"} <= set(rects)
    assert "s-single-source" in rects and "s-unattributed" in rects


# ---------------------------------------------------------------- files and the command


def test_page_names_are_unique_and_never_the_index() -> None:
    taken = {"index.html"}
    names = [
        report.page_name(p, taken) for p in ("a/b.txt", "a--b.txt", "../x/y.md", "-", "index", "A/B.TXT")
    ]
    assert names == [
        "a--b.txt.html",
        "a--b.txt-2.html",
        "x--y.md.html",
        "stdin.html",
        "index-2.html",
        "A--B.TXT-3.html",
    ]


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "page.html"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]
    mask = os.umask(0o022)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_report_command_writes_pages_and_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("drafts").mkdir()
    Path("drafts/one.txt").write_text("Police said 12 people were killed.\n")
    Path("drafts/two.txt").write_text("<script>window.pwned=true</script> 3 cars\n")
    from audit.cli import main

    result = CliRunner().invoke(main, ["report", "drafts", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "drafts--one.txt.html",
        "drafts--two.txt.html",
        "index.html",
    ]
    assert result.output.splitlines()[-1] == str(Path("out/index.html"))
    index = Path("out/index.html").read_text()
    assert 'href="drafts--one.txt.html"' in index and ">drafts/one.txt<" in index
    page = Path("out/drafts--two.txt.html").read_text()
    assert "&lt;script&gt;window.pwned=true&lt;/script&gt;" in page
    assert str(tmp_path) not in page and str(tmp_path) not in index


# ---------------------------------------------------------------- the committed reports/


REPORTS = Path(__file__).resolve().parents[1] / "reports"


def test_committed_reports_link_up_and_name_no_machine_paths() -> None:
    """`audit report seeds/ -o reports/` output: every page the index links to exists, paths are relative."""
    if not (REPORTS / "index.html").exists():
        pytest.skip("reports/ has not been generated")
    index = (REPORTS / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'<a href="([^"#]+\.html)">', index)
    assert linked and all((REPORTS / name).is_file() for name in linked)
    for page in REPORTS.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(?:/work/|/home/|/tmp/|/root/|[A-Z]:\\\\)", text), page.name


def test_a_card_lists_the_ledger_rows_its_figure_was_compared_with(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    out = tmp_path / "out"
    result = CliRunner().invoke(
        report.report_command,
        [str(seeds / "north-korean-losses.md"), "--ledger", str(seeds / "ledger.csv"), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    page = next(out.glob("*north-korean-losses*.html")).read_text(encoding="utf-8")
    assert page.count("<h4>Ledger</h4>") == 5  # casualties (headline and lede), killed, wounded, captured
    assert 'as of <time datetime="2025-01-13">2025-01-13</time>' in page
    assert "North Korean troops in Kursk, ledger line 5" in page
