"""Stage 2, segment: the prose mask cut into paragraphs and sentences.

Paragraphs: blocks of prose separated by blank lines. In Markdown and HTML the loader has
already turned soft line breaks into spaces, so every remaining line is a block. In plain
text a block of several lines is either one paragraph per line (most copy: the seed, the
corpus) or hard-wrapped prose; wrapped lines are joined when the next line's first word
would have fitted on the line before it (the line was broken by the wrapper, not the writer).

Sentences end at . ! ? or an ellipsis (and closing quotes or brackets after them) followed by
space and a capital, a digit or an opening quote, but not after a title ("Gen.", "Jan.",
"No."), and after an abbreviation or an initial ("U.S.", "Inc.", "J.") only when the next
word is a usual sentence opener. Every pass is linear: no pattern here can backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from audit.model import Document, Sentence

MAX_WRAP_WIDTH = 100  # lines longer than this are never hard-wrapped prose
MIN_WRAPPED_SHARE = 0.6  # share of a block's line breaks that must look wrapped to join its lines
MAX_SENTENCE_CHARS = 4000  # longer runs without a sentence end are cut (at a space if there is one)

_BLANK_LINES = re.compile(r"(?:\r\n|\r|\n)(?:[^\S\r\n]*+(?:\r\n|\r|\n))++")
_LINE_END = re.compile(r"\r\n|\r|\n")
# a run of stops from its first (the lookbehind after the first stop keeps the scan linear and lets
# the engine jump from stop to stop), closing quotes or brackets, then a space
_CANDIDATE = re.compile("[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*+[\"'\u201d\u2019)\\]]*+(?=\\s)")
_SPACE = re.compile(r"\s*+")
_OPENERS = "\"'\u201c\u2018([\u00ab"
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Za-z]")


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    abbreviations: frozenset[str]
    openers: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The abbreviation lists of audit/data/abbreviations.yaml."""
    from audit.lexicon import data

    raw = data("abbreviations")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    return Lexicon(words("titles"), words("abbreviations"), words("sentence_openers"))


def segment(doc: Document) -> list[Sentence]:
    """Sentences of `doc.prose`, in order, each trimmed of surrounding whitespace."""
    out: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs(doc)):
        for s_start, s_end in _sentences(doc.prose, start, end):
            out.append(Sentence(len(out), s_start, s_end, number, doc.prose[s_start:s_end]))
    return out


def paragraphs(doc: Document) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank paragraph of prose."""
    prose = doc.prose
    pos = 0
    for m in _BLANK_LINES.finditer(prose):
        yield from _block_paragraphs(prose, pos, m.start(), wrap=doc.format == "text")
        pos = m.end()
    yield from _block_paragraphs(prose, pos, len(prose), wrap=doc.format == "text")


def _block_paragraphs(prose: str, start: int, end: int, wrap: bool) -> Iterator[tuple[int, int]]:
    """Lines of a block, each its own paragraph unless `wrap` and the block is hard-wrapped."""
    if prose.find("\n", start, end) < 0 and prose.find("\r", start, end) < 0:
        if prose[start:end].strip():  # the usual block: one line, one paragraph
            yield start, end
        return
    yield from _lines_paragraphs(prose, start, end, wrap)


def _lines_paragraphs(prose: str, start: int, end: int, wrap: bool) -> Iterator[tuple[int, int]]:
    """The paragraphs of a block of any number of lines."""
    width = _wrap_width(prose, start, end) if wrap else 0
    para_start, last = -1, (start, start)  # the open paragraph and its latest line
    for a, b in _lines(prose, start, end):
        line = prose[a:b]
        blank = not line.strip()
        if para_start >= 0 and (blank or not (width and _wrapped(prose[last[0] : last[1]], line, width))):
            yield para_start, last[1]
            para_start = -1
        if blank:
            continue
        if para_start < 0:
            para_start = a
        last = (a, b)
    if para_start >= 0:
        yield para_start, last[1]


def _wrap_width(prose: str, start: int, end: int) -> int:
    """The width a block was hard-wrapped at, or 0 if its lines are not wrapped."""
    lines = [prose[a:b] for a, b in _lines(prose, start, end) if prose[a:b].strip()]
    width = max((len(line.rstrip()) for line in lines), default=0)
    if len(lines) < 2 or width > MAX_WRAP_WIDTH:
        return 0
    full = sum(_wrapped(a, b, width) for a, b in zip(lines, lines[1:], strict=False))
    return width if full >= MIN_WRAPPED_SHARE * (len(lines) - 1) else 0


def _lines(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _LINE_END.finditer(prose, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _wrapped(line: str, following: str, width: int) -> bool:
    """True if `following`'s first word would not have fitted on `line`: a wrapper broke it."""
    if not following.strip() or following[:1].isspace():
        return False
    return len(line.rstrip()) + 1 + len(following.split(None, 1)[0]) > width


def _sentences(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trimmed (start, end) of each sentence in prose[start:end]."""
    pos = start
    for m in _CANDIDATE.finditer(prose, start, end):
        if m.end() <= pos:
            continue
        nxt = _SPACE.match(prose, m.end(), end).end()  # type: ignore[union-attr]
        if nxt >= end or not _ends_sentence(prose, start, m, nxt, end):
            continue
        yield from _capped(prose, pos, m.end())
        pos = nxt
    yield from _capped(prose, pos, end)


def _ends_sentence(prose: str, para_start: int, m: re.Match[str], nxt: int, end: int) -> bool:
    word = _next_word(prose, nxt, end)
    if not word or not (word[0].isupper() or word[0].isdigit()):
        return False
    punct = m.group(0).rstrip("\"'\u201d\u2019)]")
    if punct != ".":
        return True
    before = _word_before(prose, para_start, m.start())
    lex = lexicon()
    key = before.lower()
    if key in lex.titles:
        return False
    if key in lex.abbreviations or _INITIALISM.fullmatch(before):
        return word.lower() in lex.openers
    return True


def _next_word(prose: str, pos: int, end: int) -> str:
    """The word at `pos`, after any opening quotes or brackets."""
    while pos < end and prose[pos] in _OPENERS:
        pos += 1
    stop = pos
    while stop < end and stop - pos < 40 and prose[stop].isalnum():
        stop += 1
    return prose[pos:stop]


def _word_before(prose: str, para_start: int, dot: int) -> str:
    """The token that ends at the period at `dot` ("Gen", "U.S", "e.g"), without openers."""
    window = prose[max(para_start, dot - 40) : dot]
    if not window or window[-1].isspace():
        return ""
    token = window.split()[-1]
    return token.lstrip(_OPENERS)


def _capped(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trim a sentence; cut one longer than MAX_SENTENCE_CHARS at spaces (hard, if it has none)."""
    while True:
        while start < end and prose[start].isspace():
            start += 1
        stop = end
        while stop > start and prose[stop - 1].isspace():
            stop -= 1
        if start >= stop:
            return
        if stop - start <= MAX_SENTENCE_CHARS:
            yield start, stop
            return
        limit = start + MAX_SENTENCE_CHARS
        cut = _last_space(prose, start + MAX_SENTENCE_CHARS // 2, limit)
        piece_end = cut if cut > start else limit
        yield from _capped(prose, start, piece_end)
        start = piece_end


def _last_space(prose: str, lo: int, hi: int) -> int:
    return max(prose.rfind(" ", lo, hi), prose.rfind("\t", lo, hi), prose.rfind("\n", lo, hi))
