"""The segmenter: paragraphs and sentences over the prose mask."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import load, segment
from audit.model import Document, Sentence


def sentences(text: str, path: str = "x.txt") -> list[Sentence]:
    return segment.segment(load.from_text(text, path=path))


def texts(text: str, path: str = "x.txt") -> list[str]:
    return [s.text for s in sentences(text, path)]


@pytest.mark.parametrize(
    "text",
    [
        "Gen. Smith said 300 were killed.",
        "Mr. and Mrs. Kim left on Jan. 20 with Lt. Col. Park.",
        "Prices rose 1.5 per cent to $2.75 on average.",
        "J. R. Smith and A. Jones agreed.",
        "The U.S. Army said 12 died.",
        "Acme Inc. said profits rose 3%.",
        "Downing St. said No. 10 would not comment.",
        "Troops (approx. 3,000) and est. 40 tanks, e.g. T-72s, i.e. old ones, vs. drones.",
        "He arrived at 5 p.m. Friday.",
        "Victims were aged 4 to 7. among them a baby.",
    ],
)
def test_no_split_inside(text: str) -> None:
    assert texts(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twelve died. Three were hurt.", ["Twelve died.", "Three were hurt."]),
        ("Was it 300? Nobody knows! 2,700 more.", ["Was it 300?", "Nobody knows!", "2,700 more."]),
        ('"We lost 40," he said. "It hurts."', ['"We lost 40," he said.', '"It hurts."']),
        ("He said \u201cwe lost 4.\u201d Then he left.", ["He said \u201cwe lost 4.\u201d", "Then he left."]),
        ("It was \u201cbad\u201d. Officials agreed.", ["It was \u201cbad\u201d.", "Officials agreed."]),
        ("They fled to the U.S. The army followed.", ["They fled to the U.S.", "The army followed."]),
        ("It ended at 4 p.m. It resumed at dawn.", ["It ended at 4 p.m.", "It resumed at dawn."]),
        ("Wait... Then 5 came.", ["Wait...", "Then 5 came."]),
        ("(Troops left.) Then 5 came.", ["(Troops left.)", "Then 5 came."]),
        ("It cost 5. 12 more died.", ["It cost 5.", "12 more died."]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_lower_case_after_stop_does_not_split() -> None:
    assert texts('"We will fight." he said. Fine.') == ['"We will fight." he said.', "Fine."]


def test_headline_line_is_its_own_sentence_and_paragraph() -> None:
    got = sentences("Blast kills 12 in capital\nAt least 12 people died on Monday. Police said so.\n")
    assert [(s.paragraph, s.text) for s in got] == [
        (0, "Blast kills 12 in capital"),
        (1, "At least 12 people died on Monday."),
        (1, "Police said so."),
    ]


def test_one_paragraph_per_line_like_the_seed() -> None:
    lines = [
        "Troops are estimated to have suffered at least 3,000 casualties, according to the officials.",
        "The Russian president struck up a mutual defence deal with the North in the summer of that year.",
        "Troops were reportedly deployed to the conflict in November.",
    ]
    got = sentences("\n".join(lines))
    assert [s.text for s in got] == lines
    assert [s.paragraph for s in got] == [0, 1, 2]


def test_blank_lines_separate_paragraphs() -> None:
    got = sentences("Headline\n\nFirst para. Still first.\n\n\r\n  \nSecond para.\n")
    assert [s.paragraph for s in got] == [0, 1, 1, 2]


WRAPPED = """The ministry said on Tuesday that at least 45 people had been killed and
about 120 wounded when the building collapsed in the early hours, while
rescuers searched for survivors. Another 30 remain missing, it said.
Officials expect the toll to rise.

A second paragraph, also wrapped by the sender at about seventy-two
characters a line, ends here.
"""


def test_hard_wrapped_lines_are_joined() -> None:
    got = sentences(WRAPPED)
    assert [s.text.replace("\n", " ") for s in got] == [
        "The ministry said on Tuesday that at least 45 people had been killed and about 120 wounded "
        "when the building collapsed in the early hours, while rescuers searched for survivors.",
        "Another 30 remain missing, it said.",
        "Officials expect the toll to rise.",
        "A second paragraph, also wrapped by the sender at about seventy-two characters a line, ends here.",
    ]
    assert [s.paragraph for s in got] == [0, 0, 0, 1]


def test_wrapped_block_keeps_a_short_headline_apart() -> None:
    text = "Quake toll rises\n" + WRAPPED
    got = sentences(text)
    assert got[0].text == "Quake toll rises" and got[0].paragraph == 0
    assert got[1].paragraph == 1


def test_sentence_offsets_are_trimmed_and_point_into_prose() -> None:
    doc = load.from_text("  \tTwelve died.   Three were hurt.  \n", path="x.txt")
    got = segment.segment(doc)
    assert [(s.start, s.end) for s in got] == [(3, 15), (18, 34)]
    for s in got:
        assert s.text == doc.prose[s.start : s.end] == s.text.strip()


def test_markdown_blocks_are_paragraphs_and_soft_breaks_join() -> None:
    text = "# Blast kills 12\n- 300 killed\n- 2,700 wounded\n\nOfficials said\nthe toll rose.\n"
    got = sentences(text, "x.md")
    assert [(s.paragraph, s.text) for s in got] == [
        (0, "Blast kills 12"),
        (1, "300 killed"),
        (2, "2,700 wounded"),
        (3, "Officials said the toll rose."),
    ]


def test_html_block_tags_split_paragraphs() -> None:
    got = sentences("<h1>Blast kills 12</h1><p>Police said 30\ndied. Others fled.</p><p>End</p>", "x.html")
    assert [(s.paragraph, s.text) for s in got] == [
        (0, "Blast kills 12"),
        (1, "Police said 30 died."),
        (1, "Others fled."),
        (2, "End"),
    ]


def test_very_long_sentence_is_cut_at_spaces() -> None:
    text = " ".join(["1,000"] * 3000)  # 17,999 characters and no sentence end
    got = sentences(text)
    assert len(got) > 1
    assert all(len(s.text) <= segment.MAX_SENTENCE_CHARS for s in got)
    assert all(not s.text.startswith(",") and "1,000" in s.text for s in got)
    assert "".join(s.text for s in got).replace(" ", "") == text.replace(" ", "")


def test_giant_token_is_cut_hard() -> None:
    doc = Document(path="x", source="7" * 10_000, prose="7" * 10_000)
    got = segment.segment(doc)
    assert [len(s.text) for s in got] == [4000, 4000, 2000]


def test_no_sentences_in_blank_or_empty_prose() -> None:
    assert sentences("") == []
    assert sentences(" \n\r\n\t ") == []


def test_lexicon_comes_from_the_data_file() -> None:
    lex = segment.lexicon()
    assert {"gen", "jan", "no", "e.g"} <= lex.titles
    assert {"inc", "u.s", "p.m"} <= lex.abbreviations
    assert "the" in lex.openers


def test_corpus_paragraphs_are_its_blank_line_blocks(shared: Path) -> None:
    for path in sorted((shared / "corpus").glob("*.txt")):
        doc = load.load_path(str(path))
        got = segment.segment(doc)
        blocks = [b for b in doc.source.split("\n\n") if b.strip()]
        assert got[-1].paragraph == len(blocks) - 1, path.name
        _check_sentences(doc, got)


def test_seed_sentences(seed_path: Path) -> None:
    doc = load.load_path(str(seed_path))
    got = segment.segment(doc)
    lines = [line for line in doc.source.splitlines() if line.strip()]
    assert got[-1].paragraph == len(lines) - 1
    assert any(s.text.startswith("North Korean troops are estimated") for s in got)
    _check_sentences(doc, got)


def _check_sentences(doc: Document, got: list[Sentence]) -> None:
    previous_end, previous_para = 0, 0
    for i, s in enumerate(got):
        assert s.index == i
        assert s.text == doc.prose[s.start : s.end] and s.text == s.text.strip() and s.text
        assert s.start >= previous_end and s.paragraph >= previous_para
        previous_end, previous_para = s.end, s.paragraph


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab A.B!?\"'\u201d( )1,\n\r\t-#*<>p/&;"), max_size=300),
    st.sampled_from(["x.txt", "x.md", "x.html"]),
)
def test_sentences_are_ordered_trimmed_slices(text: str, path: str) -> None:
    doc = load.from_text(text, path=path)
    _check_sentences(doc, segment.segment(doc))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_every_word_of_prose_lands_in_a_sentence(text: str) -> None:
    doc = load.from_text(text, path="x.txt")
    got = segment.segment(doc)
    covered = sum(len(s.text.split()) for s in got)
    assert covered == len(doc.prose.split()) or any(len(s.text) >= segment.MAX_SENTENCE_CHARS for s in got)


# the plain candidate pattern the fast one replaced: a lookbehind first, so every position is tried
_PLAIN_CANDIDATE = re.compile("(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019)\\]]*+(?=\\s)")
_STOPS_AND_QUOTES = st.sampled_from("ab A.B!?\u2026\"'\u201d\u2019)]( 1,\n\r\t-")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_STOPS_AND_QUOTES, max_size=200), st.integers(0, 20), st.integers(0, 20))
def test_candidate_stops_are_those_of_the_plain_pattern(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    fast = [(m.span(), m.group()) for m in segment._CANDIDATE.finditer(text, start, end)]
    plain = [(m.span(), m.group()) for m in _PLAIN_CANDIDATE.finditer(text, start, end)]
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab A.B \t\u00a0\u2028\f\v-"), max_size=60),
    st.sampled_from(["x.txt", "x.md"]),
)
def test_a_one_line_block_is_read_as_the_line_by_line_path_reads_it(text: str, path: str) -> None:
    wrap = path.endswith(".txt")
    fast = list(segment._block_paragraphs(text, 0, len(text), wrap))
    assert fast == list(segment._lines_paragraphs(text, 0, len(text), wrap))


def test_the_one_line_path_on_corpus_like_blocks() -> None:
    for line in ["Five killed in blast", "   ", "", "He said: \u201cNo.\u201d ", "\tTabbed line."]:
        for wrap in (True, False):
            fast = list(segment._block_paragraphs(line, 0, len(line), wrap))
            assert fast == list(segment._lines_paragraphs(line, 0, len(line), wrap))
