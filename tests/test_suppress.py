"""Inline suppressions: the next paragraph only, the named rules only, and stale ones reported."""

from __future__ import annotations

from gate_samples import Figure, audit_with
from hypothesis import given
from hypothesis import strategies as st

from audit import suppress
from audit.load import from_text
from audit.model import Audit

MARKDOWN = (
    "Intro with 12 dead.\n"
    "\n"
    "<!-- audit: ignore[breakdown-sum] the ministry's own figures disagree -->\n"
    "At least 40 casualties, with 10 killed and 20 wounded.\n"
    "The same paragraph adds 7 missing.\n"
    "\n"
    "A later paragraph with 5 killed.\n"
)


def audit_of(source: str, fmt: str = "markdown") -> Audit:
    figures = [
        Figure("12 dead", 12, "killed"),
        Figure("40 casualties", 40, "casualties"),
        Figure("7 missing", 7, "missing"),
        Figure("5 killed", 5, "killed"),
    ]
    present = [f for f in figures if f.text in source]
    findings = [("breakdown-sum", "error", [n]) for n in range(len(present))]
    findings += [
        ("unattributed", "warning", [n]) for n, f in enumerate(present) if f.category == "casualties"
    ]
    return audit_with(source, present, findings, fmt=fmt)  # type: ignore[arg-type]


def apply(audit: Audit) -> tuple[list[str], list[str], list[str]]:
    kept, suppressed, unused = suppress.apply(audit.document, audit.findings)
    texts = {c.id: c.text for c in audit.claims}

    def describe(findings: list) -> list[str]:  # type: ignore[type-arg]
        return [f"{f.rule}@{texts.get(f.claims[0], '-') if f.claims else f.line}" for f in findings]

    return describe(kept), describe(suppressed), [f.message for f in unused]


def test_markdown_comment_silences_the_named_rule_in_the_next_paragraph_only() -> None:
    kept, suppressed, unused = apply(audit_of(MARKDOWN))
    assert suppressed == ["breakdown-sum@40 casualties", "breakdown-sum@7 missing"]
    assert "breakdown-sum@12 dead" in kept and "breakdown-sum@5 killed" in kept
    assert "unattributed@40 casualties" in kept  # another rule, same paragraph
    assert unused == []


def test_several_rules_and_blanket_ignore() -> None:
    several = MARKDOWN.replace("ignore[breakdown-sum]", "ignore[breakdown-sum, unattributed]")
    assert sorted(apply(audit_of(several))[1]) == [
        "breakdown-sum@40 casualties",
        "breakdown-sum@7 missing",
        "unattributed@40 casualties",
    ]
    blanket = MARKDOWN.replace("ignore[breakdown-sum]", "ignore")
    assert len(apply(audit_of(blanket))[1]) == 3


def test_text_comment_lines_hash_and_slashes() -> None:
    for marker in ("#", "//"):
        text = MARKDOWN.replace(
            "<!-- audit: ignore[breakdown-sum] the ministry's own figures disagree -->",
            f"{marker} audit: ignore[breakdown-sum] ministry figures",
        )
        kept, suppressed, _ = apply(audit_of(text, fmt="text"))
        assert suppressed == ["breakdown-sum@40 casualties", "breakdown-sum@7 missing"], marker


def test_hash_lines_are_headings_in_markdown_not_directives() -> None:
    text = MARKDOWN.replace(
        "<!-- audit: ignore[breakdown-sum] the ministry's own figures disagree -->",
        "# audit: ignore[breakdown-sum]",
    )
    assert apply(audit_of(text))[1] == []


def test_a_suppression_that_silences_nothing_is_reported_at_its_line() -> None:
    source = "<!-- audit: ignore[percent-change] -->\nAt least 40 casualties.\n\nIntro with 12 dead.\n"
    audit = audit_of(source)
    _, _, unused = suppress.apply(audit.document, audit.findings)
    assert len(unused) == 1
    finding = unused[0]
    assert finding.rule == "unused-suppression" and finding.severity == "warning"
    assert (finding.line, finding.column) == (1, 1)
    assert "`percent-change`" in finding.message
    assert source[finding.start : finding.end] == "<!-- audit: ignore[percent-change] -->"


def test_only_the_unused_rule_of_a_list_is_reported() -> None:
    source = MARKDOWN.replace("ignore[breakdown-sum]", "ignore[breakdown-sum, range-order]")
    assert apply(audit_of(source))[2] == [
        "suppression of `range-order` silences nothing in the paragraph that follows"
    ]


def test_suppressions_for_rules_that_did_not_run_are_not_reported() -> None:
    source = "<!-- audit: ignore[percent-change] -->\nAt least 40 casualties.\n"
    audit = audit_of(source)
    _, _, unused = suppress.apply(
        audit.document, audit.findings, enabled=lambda rule: rule != "percent-change"
    )
    assert unused == []


def test_figures_in_a_text_directive_reason_are_never_reported() -> None:
    source = "# audit: ignore[breakdown-sum] checked 12 dead with the desk\nAt least 40 casualties.\n"
    audit = audit_of(source, fmt="text")
    kept, suppressed, _ = apply(audit)
    assert "breakdown-sum@12 dead" in suppressed


def test_html_paragraph_ends_at_its_closing_tag() -> None:
    source = (
        "<p>Intro with 12 dead.</p>\n<!-- audit: ignore[breakdown-sum] -->\n"
        "<p>At least 40 casualties.</p>\n<p>A later paragraph with 5 killed.</p>\n"
    )
    kept, suppressed, _ = apply(audit_of(source, fmt="html"))
    assert suppressed == ["breakdown-sum@40 casualties"]
    assert "breakdown-sum@5 killed" in kept


def test_parse_reads_rules_reason_and_scope() -> None:
    doc = from_text(
        "<!-- audit: ignore[a,b c] the reason -->\n\n\nNext para.\nSame.\n\nOther.\n", fmt="markdown"
    )
    (only,) = suppress.parse(doc)
    assert only.rules == ("a", "b", "c")
    assert only.reason == "the reason"
    assert doc.source[only.scope_start : only.scope_end] == "Next para.\nSame."


def test_crlf_paragraphs() -> None:
    doc = from_text("<!-- audit: ignore[a] -->\r\nNext para.\r\n\r\nOther.\r\n", fmt="markdown")
    (only,) = suppress.parse(doc)
    assert doc.source[only.scope_start : only.scope_end] == "Next para."


@given(
    st.lists(st.integers(min_value=1, max_value=99), min_size=2, max_size=6),
    st.data(),
    st.sampled_from(["\n", "\r\n"]),
)
def test_a_suppression_silences_exactly_the_next_paragraph(
    tolls: list[int], data: st.DataObject, newline: str
) -> None:
    target = data.draw(st.integers(min_value=0, max_value=len(tolls) - 1))
    paragraphs = [
        f"Paragraph {chr(65 + n)} says {toll} killed.{newline}More on it." for n, toll in enumerate(tolls)
    ]
    paragraphs[target] = f"<!-- audit: ignore[breakdown-sum] -->{newline}" + paragraphs[target]
    source = (newline * 2).join(paragraphs) + newline
    figures = [Figure(f"{chr(65 + n)} says {toll} killed", toll, "killed") for n, toll in enumerate(tolls)]
    audit = audit_with(source, figures, [("breakdown-sum", "error", [n]) for n in range(len(tolls))])
    kept, suppressed, unused = suppress.apply(audit.document, audit.findings)
    assert [f.claims for f in suppressed] == [[f"c{target + 1}"]]
    assert len(kept) == len(tolls) - 1 and unused == []
