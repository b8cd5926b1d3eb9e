"""The loader: real files in, Documents whose prose keeps every offset of the source."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import load
from audit.model import Document
from audit.pipeline import audit_document


def load_file(tmp_path: Path, name: str, data: bytes | str) -> Document:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return load.load_path(str(path))


def kept(doc: Document, needle: str) -> bool:
    """True if `needle` (unique in the source) survives in prose at its own offset."""
    i = doc.source.index(needle)
    return doc.prose[i : i + len(needle)] == needle


def blanked(doc: Document, needle: str) -> bool:
    i = doc.source.index(needle)
    return not doc.prose[i : i + len(needle)].strip()


# --- plain text and encodings ----------------------------------------------------------------


def test_plain_text_prose_is_source(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "a.txt", "Troops lost 300 men.\n\nThe army said so.\n")
    assert doc.error is None and doc.format == "text" and doc.encoding == "utf-8"
    assert doc.prose == doc.source


def test_utf8_bom_stays_in_source_and_is_blank_in_prose(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "bom.txt", codecs.BOM_UTF8 + b"12 killed")
    assert doc.source == "\ufeff12 killed"
    assert doc.prose == " 12 killed"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "\ufeffAt least 3,000 casualties \u2013 \u201csaid\u201d.\n"
    doc = load_file(tmp_path, "wide.txt", text.encode(encoding))
    assert doc.error is None and doc.encoding == encoding
    assert doc.source == text
    assert kept(doc, "3,000 casualties")


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "wide.txt", "Some 40 people died.".encode("utf-16-le"))
    assert doc.error is None and doc.source == "Some 40 people died."
    assert any("utf-16-le" in n for n in doc.notices)


def test_cp1252_fallback_with_notice(tmp_path: Path) -> None:
    data = "The \u201cmassive\u201d toll \u2013 12 dead, \u00a3300m.".encode("cp1252")
    doc = load_file(tmp_path, "old.txt", data)
    assert doc.error is None and doc.encoding == "cp1252"
    assert doc.source == "The \u201cmassive\u201d toll \u2013 12 dead, \u00a3300m."
    assert len(doc.notices) == 1 and "cp1252" in doc.notices[0] and "UTF-8" in doc.notices[0]


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1() -> None:
    doc = load.from_bytes(b"caf\xe9 \x81 12", path="x.txt")
    assert doc.encoding == "latin-1" and doc.source == "caf\u00e9 \x81 12"
    assert doc.prose == "caf\u00e9   12"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_numbers_for_figure_on_line_3(tmp_path: Path, newline: str) -> None:
    text = newline.join(["Headline here", "", "Officials said 45 people died.", ""])
    doc = load_file(tmp_path, "ends.txt", text)
    assert doc.source == text  # line ends are not translated
    offset = doc.source.index("45")
    assert doc.position(offset) == (3, 16)
    audit = audit_document(doc)
    (sentence,) = [s for s in doc.sentences if "45" in s.text]
    assert doc.position(sentence.start) == (3, 1)
    claims = [c for c in audit.claims if "45" in c.text]
    assert claims and all(c.line == 3 for c in claims)


def test_nul_and_control_bytes_do_not_shift_offsets() -> None:
    text = "Some\x00 text\x07 with\x1b 17 dead.\x0c Then 12 more."
    doc = load.from_text(text, path="ctl.txt")
    assert len(doc.prose) == len(text)
    assert doc.prose == "Some  text  with  17 dead.  Then 12 more."
    audit = audit_document(doc)
    for c in audit.claims:
        assert doc.source[c.start : c.end] == c.text


def test_unicode_line_separators_are_not_line_breaks_in_prose() -> None:
    doc = load.from_text("a\u2028b\u2029c\x85d", path="x.txt")
    assert doc.prose == "a b c d"
    assert doc.position(6) == (1, 7)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_file_is_an_error(tmp_path: Path, data: bytes, what: str) -> None:
    doc = load_file(tmp_path, "file.txt", data)
    assert doc.error is not None and what in doc.error
    assert doc.source == "" and doc.prose == ""


@pytest.mark.parametrize("start", [b"MZ Corp", b"ID3 tags", b"RIFF raids", b"BZh", b"OggS"])
def test_text_that_starts_like_a_magic_number_is_text(start: bytes) -> None:
    doc = load.from_bytes(start + b" said 12 people died.\n", path="x.txt")
    assert doc.error is None and "12 people" in doc.prose


def test_missing_file_and_directory_are_errors(tmp_path: Path) -> None:
    missing = load.load_path(str(tmp_path / "nope.txt"))
    assert missing.error == "cannot read: no such file"
    directory = load.load_path(str(tmp_path))
    assert directory.error == "cannot read: is a directory"
    bad = load.load_path("bad\x00name.txt")
    assert bad.error is not None and bad.error.startswith("cannot read")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("12 dead")
    path.chmod(0)
    assert load.load_path(str(path)).error == "cannot read: permission denied"


def test_oversized_document_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 1000)
    doc = load_file(tmp_path, "big.txt", "1 " * 600)
    assert doc.error is not None and doc.error.startswith("document too large")
    assert load.from_bytes(b"x" * 1001).error is not None
    assert load.from_text("x" * 1001).error is not None


def test_empty_file_has_no_claims(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "empty.txt", b"")
    assert doc.error is None and doc.source == ""
    assert audit_document(doc).claims == []


def test_stdin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "in.html"
    path.write_bytes(b"<html><body><p>Some 30 people &amp; more</p></body></html>")
    with path.open("rb") as stream:
        monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": stream})())
        doc = load.load_path("-")
    assert doc.path == "-" and doc.format == "html"
    assert kept(doc, "Some 30 people")


def test_urls_are_blanked_in_text() -> None:
    doc = load.from_text("See https://example.com/2024/300-killed. Then 12 died.", path="x.txt")
    assert blanked(doc, "https://example.com/2024/300-killed")
    assert kept(doc, ". Then 12 died.")


# --- format detection ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.md", "markdown"),
        ("a.MARKDOWN", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.txt", "text"),
    ],
)
def test_format_from_suffix(name: str, fmt: str) -> None:
    assert load.from_text("# Title\n\n<p>x</p>", path=name).format == fmt


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("---\ntitle: x\n---\nBody text.\n", "markdown"),
        ("# Title\n\nSee [the report](http://x.org).\n", "markdown"),
        ("North Korean troops suffered 3,000 casualties.\n", "text"),
        ("Prices rose 5% - and fell 3% - in a week.\n", "text"),
    ],
)
def test_format_sniffed_without_suffix(text: str, fmt: str) -> None:
    assert load.from_text(text, path="-").format == fmt


# --- Markdown --------------------------------------------------------------------------------

MARKDOWN = """---
title: Report 2024
count: 99
---
# Attack kills 12 #

The army said [41 soldiers](https://example.org/report-77 "Figure 88") died, and
`code 55` is not a claim. <!-- 66 hidden -->
<span class="x">Some 23 others</span> were hurt, **at least 19** of them badly.

```python
x = 1234
```

    indented 4321

> Officials said 7 were missing.

- 300 captured
- 2,700 wounded

| Side | Dead |
|------|-----:|
| A    | 31   |

![photo of 500](img/500.png)

[ref]: https://example.org/606
"""


def test_markdown_skips_code_front_matter_urls_and_comments(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "story.md", MARKDOWN)
    assert doc.format == "markdown" and len(doc.prose) == len(doc.source)
    for gone in (
        "title: Report 2024",
        "count: 99",
        "https://example.org/report-77",
        "Figure 88",
        "`code 55`",
        "<!-- 66 hidden -->",
        "x = 1234",
        "indented 4321",
        "photo of 500",
        "[ref]: https://example.org/606",
        '<span class="x">',
        "|------|-----:|",
    ):
        assert blanked(doc, gone), gone
    for prose in (
        "Attack kills 12",
        "41 soldiers",
        "Some 23 others",
        "at least 19",
        "Officials said 7 were missing.",
        "300 captured",
        "2,700 wounded",
        "31",
    ):
        assert kept(doc, prose), prose
    assert doc.prose[doc.source.index("# Attack")] == " "
    assert doc.prose[doc.source.index("> Officials")] == " "
    assert doc.prose[doc.source.index("- 300")] == " "


def test_markdown_soft_breaks_join_and_blocks_stay_apart(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "story.md", MARKDOWN)
    para = doc.source.index("died, and\n")
    assert doc.prose[para + len("died, and")] == " "  # soft break inside the paragraph
    heading_end = doc.source.index(" #\n") + 2
    assert doc.prose[heading_end] == "\n"  # the heading ends a block


def test_markdown_entities_decode_in_place() -> None:
    doc = load.from_text("AT&amp;T lost &#36;5m &copy; 2024.", path="x.md")
    assert doc.prose.startswith("AT&    T lost $    5m \u00a9      2024.")


def test_markdown_past_nesting_limit_keeps_text() -> None:
    text = "".join("  " * i + "- item\n" for i in range(40)) + "  " * 40 + "- deep 42 killed\n"
    doc = load.from_text(text, path="x.md")
    assert "deep 42 killed" in doc.prose


def test_markdown_crlf_offsets(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "crlf.md", "# Head\r\n\r\nSome 45\r\npeople died.\r\n")
    assert kept(doc, "Some 45")
    i = doc.source.index("45\r\n") + 2
    assert doc.prose[i : i + 2] == "  "  # soft break, both characters
    assert doc.position(doc.source.index("45")) == (3, 6)


# --- HTML ------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Site 11</title><meta name="x" content="22">
<style>p { width: 33px }</style><script>var n = 44; if (a < b) {}</script></head>
<body><nav><a href="/55">Home 55</a></nav><header>Breaking 66</header>
<article><h1>Blast kills 12</h1>
<p class="lede">At least 30 people &amp; 4&nbsp;soldiers died,<br>officials said.</p>
<!-- 77 comment -->
<p>Another <a href="https://example.org/88">12 were hurt</a> in &#8220;clashes&#x201D;.</p>
<aside>Related: 99 dead elsewhere</aside><noscript>enable 111</noscript>
<template><p>222</p></template>
</article><footer>&copy; 2024 News 333</footer></body></html>
"""


def test_html_keeps_article_text_and_skips_the_rest(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "page.html", HTML)
    assert doc.format == "html" and len(doc.prose) == len(doc.source)
    for gone in (
        "Site 11",
        'content="22"',
        "width: 33px",
        "var n = 44",
        "Home 55",
        "Breaking 66",
        "77 comment",
        "https://example.org/88",
        "99 dead elsewhere",
        "enable 111",
        "222",
        "News 333",
        '<p class="lede">',
    ):
        assert blanked(doc, gone), gone
    for prose in ("Blast kills 12", "At least 30 people", "officials said.", "12 were hurt"):
        assert kept(doc, prose), prose


def test_html_entities_put_the_character_at_their_first_position(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "page.html", HTML)
    i = doc.source.index("&amp;")
    assert doc.prose[i : i + 5] == "&    "
    j = doc.source.index("&nbsp;")
    assert doc.prose[j : j + 6] == "      "
    k = doc.source.index("&#8220;")
    assert doc.prose[k : k + 7] == "\u201c      "
    assert doc.prose[doc.source.index("&#x201D;")] == "\u201d"


def test_html_blocks_become_line_breaks(tmp_path: Path) -> None:
    doc = load_file(tmp_path, "page.html", HTML)
    assert doc.prose[doc.source.index("<br>")] == "\n"
    assert doc.prose[doc.source.index("<h1>")] == "\n"
    assert doc.prose[doc.source.index("</h1>")] == "\n"
    lede = doc.source.index("died,<br>")
    line_of = doc.prose[lede:].split("\n", 1)[0]
    assert line_of == "died,"


def test_html_malformed_constructs_stay_linear_and_offsets_hold() -> None:
    text = "<p>12 dead</p>" + "<!--" * 2000 + "&#" * 2000 + "<a " * 1000
    doc = load.from_text(text, path="x.html")
    assert len(doc.prose) == len(text)
    assert kept(doc, "12 dead")


def test_html_unclosed_quote_in_tag_swallows_the_rest() -> None:
    doc = load.from_text('<p>5 dead</p><img alt="x>6 dead', path="x.html")
    assert kept(doc, "5 dead") and blanked(doc, "6 dead")


def test_html_text_newlines_are_spaces_but_pre_keeps_them() -> None:
    doc = load.from_text("<p>Some 30\npeople</p><pre>a 1\nb 2</pre>", path="x.html")
    assert "Some 30 people" in doc.prose
    assert "a 1\nb 2" in doc.prose


def test_markdown_html_block_goes_through_the_html_masker() -> None:
    doc = load.from_text("Intro 1.\n\n<div><script>x=9</script>\n<p>Body 2</p>\n</div>\n", path="x.md")
    assert blanked(doc, "x=9") and kept(doc, "Body 2")


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["text", "markdown", "html", None]))
def test_prose_has_the_length_of_source(text: str, fmt: str | None) -> None:
    doc = load.from_text(text, path="-", fmt=fmt)
    assert doc.source == text
    assert len(doc.prose) == len(doc.source)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_document(data: bytes) -> None:
    doc = load.from_bytes(data, path="x.bin")
    assert isinstance(doc, Document)
    assert len(doc.prose) == len(doc.source)
    assert (doc.error is None) or doc.source == ""


def test_audit_comment_lines_in_text_are_not_prose() -> None:
    text = "# audit: ignore[unattributed] checked 12 times\nThe blast killed 40 people.\n"
    doc = load.from_text(text, "a.txt")
    assert len(doc.prose) == len(doc.source)
    assert "12" not in doc.prose and "40" in doc.prose


# The URL and audit-comment masks run only on text holding the literal each of their matches holds;
# these properties say the cheap test skips nothing the pattern would have masked.
URLISH = st.text(alphabet=st.sampled_from(list("ab:/.w ,\n#audit-x")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(URLISH)
def test_a_url_is_masked_only_where_the_text_holds_a_scheme_or_www(text: str) -> None:
    if load._URL.search(text):
        assert "://" in text or "www." in text


@settings(max_examples=300, deadline=None)
@given(URLISH)
def test_an_audit_comment_always_holds_the_word_audit_and_a_colon(text: str) -> None:
    if load._AUDIT_COMMENT.search(text):
        assert "audit:" in text
