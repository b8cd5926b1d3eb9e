"""The report in a real headless Chromium: loads offline without errors, every figure is
highlighted, a click shows the figure's card and source, injected markup never runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_samples import seed_like

from audit import report
from audit.model import Audit, Claim, Document, Source
from audit.pipeline import audit_text

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
INJECTED = (
    'Officials said 12 people died. <img src=x onerror="window.pwned=1">\n'
    "<script>window.pwned=1</script> The ministry said 40 were wounded.\n"
    '<svg onload="window.pwned=1"></svg> <iframe src="https://example.com/"></iframe>\n'
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with every console message, page error and request recorded."""

    def __init__(self, browser: Any, width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def assert_quiet(self) -> None:
        assert self.console == []
        assert all(url.startswith(("file:", "data:")) for url in self.requests), self.requests


def write(audits: list[Audit], out: Path) -> Path:
    return report.write_reports(audits, out)[0]


def embedded(page: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.text_content("#audit-data"))
    return data


def test_seed_report_loads_offline_and_highlights_every_figure(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser)
    page = watched.open(write([seed_like()], tmp_path))
    document = embedded(page)["documents"][0]
    figures = [c for c in document["claims"] if c["category"] != "date"]
    assert figures
    for claim in figures:
        mark = page.locator(f'mark[data-claim="{claim["id"]}"]').first
        assert mark.is_visible(), claim["id"]
        assert claim["text"].startswith(mark.inner_text()), claim["id"]
    watched.assert_quiet()


def test_clicking_a_figure_shows_its_card_with_its_source(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser)
    page = watched.open(write([seed_like()], tmp_path))
    assert not page.locator("#card-c2").is_visible()
    page.click('mark[data-claim="c2"]')
    card = page.locator("#card-c2")
    assert card.is_visible()
    assert "the NIS" in card.inner_text() and "“The NIS said”" in card.inner_text()
    assert "300 + 2,700 = 3,000 pass" in card.inner_text()
    assert page.locator('.cue.active[data-cue-for~="c2"]').count() == 1
    assert page.get_attribute("#hl-c2", "aria-expanded") == "true"
    page.click('mark[data-claim="c1"]')
    assert page.locator("#card-c1").is_visible() and not card.is_visible()
    watched.assert_quiet()


def test_keyboard_reaches_a_figure_and_its_card(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser)
    page = watched.open(write([seed_like()], tmp_path))
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.claim") == "c1":
            break
    else:
        pytest.fail("Tab never reached the first figure")
    assert page.locator("#card-c1").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "card-c1"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "hl-c1"
    watched.assert_quiet()


def test_links_elsewhere_jump_to_the_figure(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser)
    page = watched.open(write([seed_like()], tmp_path))
    page.click('#findings a[data-goto="c4"]')
    assert page.evaluate("document.activeElement.id") == "hl-c4"
    assert page.locator("#card-c4").is_visible()
    watched.assert_quiet()


def test_claims_table_sorts_and_filters(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser)
    page = watched.open(write([seed_like()], tmp_path))
    rows = page.locator("#claims-table tbody tr")

    def figures() -> list[str]:
        return [
            rows.nth(i).locator("td").nth(1).inner_text()
            for i in range(rows.count())
            if rows.nth(i).is_visible()
        ]

    page.click('#claims-table th button[data-col="2"]')
    assert figures() == ["two soldiers", "300 soldiers", "2,700 others", "at least 3,000 casualties"]
    page.click('#claims-table th button[data-col="2"]')
    assert figures()[0] == "at least 3,000 casualties"
    page.select_option("#state-filter", "unattributed")
    assert figures() == ["two soldiers"]
    page.select_option("#state-filter", "")
    page.fill("#claim-filter", "wounded")
    assert figures() == ["2,700 others"]
    assert page.inner_text("#claim-count") == "1 of 4 shown"
    watched.assert_quiet()


def test_injected_markup_shows_as_text_and_never_runs(browser: Any, tmp_path: Path) -> None:
    doc = Document(path="drafts/injected.txt", source=INJECTED, prose=INJECTED)
    said = INJECTED.index("Officials said")
    start = INJECTED.index("12 people")
    figure = Claim(
        "c1",
        "12 people",
        start,
        start + 9,
        1,
        start + 1,
        12,
        12,
        12,
        unit="people",
        category="killed",
        subject='<img src=x onerror="window.pwned=1">',
        sources=[Source("<script>window.pwned=1</script>", "said", said, said + 14)],
    )
    watched = Watched(browser)
    page = watched.open(write([Audit(doc, [figure])], tmp_path))
    page.click('mark[data-claim="c1"]')
    assert page.evaluate("window.pwned") is None
    assert page.locator("#article img, #article script, #article svg, #article iframe").count() == 0
    text = page.inner_text("#article")
    assert '<img src=x onerror="window.pwned=1">' in text and "<script>window.pwned=1</script>" in text
    assert "<script>window.pwned=1</script>" in page.inner_text("#card-c1")
    watched.assert_quiet()


def test_pipeline_output_is_highlighted_and_the_index_links_to_it(browser: Any, tmp_path: Path) -> None:
    """Whatever the pipeline produces today: each non-date claim gets its highlight."""
    text = (
        "At least 3,000 troops were killed or wounded, officials said.\n\n"
        "The ministry said 300 were killed and 2,700 wounded; about 1.5 million people fled.\n"
    )
    audit = audit_text(text, path="drafts/pipeline.md", fmt="markdown")
    watched = Watched(browser)
    page = watched.open(write([audit], tmp_path))
    ids = [c["id"] for c in embedded(page)["documents"][0]["claims"] if c["category"] != "date"]
    assert ids, "the pipeline found no figure"
    for cid in ids:
        assert page.locator(f'mark[data-claim="{cid}"]').count() >= 1, cid
    page.goto((tmp_path / "index.html").as_uri())
    page.click("text=drafts/pipeline.md")
    assert page.url.endswith("drafts--pipeline.md.html")
    watched.assert_quiet()


def test_seed_screenshot(browser: Any, seed_path: Path, tmp_path: Path) -> None:
    """The shared seed through the real pipeline, saved as a picture to look at."""
    from audit import load
    from audit.pipeline import audit_document

    doc = load.load_path(str(seed_path))
    doc.path = f"seeds/{seed_path.name}"
    audit = audit_document(doc)
    watched = Watched(browser)
    page = watched.open(write([audit], tmp_path))
    first = next((c for c in audit.claims if c.category in ("casualties", "killed")), None)
    if first is not None:
        page.click(f'mark[data-claim="{first.id}"]')
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed-report.png"), full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "seed-report-print.png"), full_page=True)
    assert (ARTIFACTS / "seed-report.png").stat().st_size > 10_000
    watched.assert_quiet()


def test_on_a_narrow_screen_the_card_opens_as_a_sheet_and_closes(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser, width=420)
    page = watched.open(write([seed_like()], tmp_path))
    page.click('mark[data-claim="c3"]')
    card = page.locator("#card-c3")
    assert card.is_visible()
    box = card.bounding_box()
    assert box is not None and box["y"] < 900  # on screen, not below the article
    assert page.evaluate("getComputedStyle(document.getElementById('card-panel')).position") == "fixed"
    page.click("#card-close")
    assert not card.is_visible()
    assert page.evaluate("document.activeElement.id") == "hl-c3"
    watched.assert_quiet()


CONTRAST = """
(selector) => {
  function rgb(text) { return text.match(/[\\d.]+/g).map(Number); }
  function lum(c) {
    const [r, g, b] = c.slice(0, 3).map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function background(el) {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) { return c; }
    }
    return [255, 255, 255];
  }
  return [...document.querySelectorAll(selector)].filter(el => el.getClientRects().length).map(el => {
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    return [el.textContent.trim().slice(0, 30), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}
"""


def test_text_has_readable_contrast(browser: Any, tmp_path: Path) -> None:
    """WCAG AA: 4.5:1 for the highlights, badges, chips, muted text and links."""
    watched = Watched(browser)
    page = watched.open(write([seed_like()], tmp_path))
    page.click('mark[data-claim="c1"]')
    measured = page.evaluate(CONTRAST, "mark.claim, .badge, a.chip, .muted, a, .card dd, .card dt, th button")
    assert len(measured) > 20
    low = [(text, round(ratio, 2)) for text, ratio in measured if ratio < 4.5]
    assert low == []
    watched.assert_quiet()


def test_a_ledger_card_shows_the_row_the_figure_matched(browser: Any, tmp_path: Path) -> None:
    from audit import ledger
    from audit.config import Config

    row = {
        "event": "North Korean troops in Kursk",
        "category": "killed",
        "value": 300,
        "source": "South Korea's National Intelligence Service",
        "as_of": "2025-01-13",
        "place": "Kursk",
        "url": "https://example.org/briefing",
    }
    book = ledger.Ledger("ledger.csv", ledger.parse_rows([(2, row)], "ledger.csv"))
    seed = Path(__file__).resolve().parents[1] / "seeds" / "north-korean-losses.md"
    text = seed.read_text(encoding="utf-8")
    audit = audit_text(text, path="seeds/north-korean-losses.md", fmt="markdown", config=Config(ledger=book))
    killed = next(c for c in audit.claims if c.category == "killed")
    watched = Watched(browser)
    page = watched.open(write([audit], tmp_path))
    page.click(f'mark[data-claim="{killed.id}"]')
    card = page.locator(f"#card-{killed.id}")
    assert card.is_visible()
    ledger_rows = card.locator(".card-ledger li")
    assert ledger_rows.count() == 1
    shown = ledger_rows.inner_text()
    assert "South Korea's National Intelligence Service: 300 killed, as of 2025-01-13" in shown
    assert card.locator('.card-ledger a[href="https://example.org/briefing"]').count() == 1
    assert "matches the ledger" in card.inner_text()
    watched.assert_quiet()
