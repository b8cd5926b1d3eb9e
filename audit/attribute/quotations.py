"""Quotations and their speakers: where each quotation opens and closes (curly and straight marks,
across paragraphs, unclosed ones cut at their sentence), and which attribution speaks it: the
"said X" right after it, the "X said:" right before it, or, with none, the previous quotation's
speaker (unless `carry_over: none` in audit/data/attribution.yaml).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from audit.attribute.records import Attribution, Quotation
from audit.attribute.vocab import carry_mode, patterns, told_whom
from audit.model import Document, Sentence

_OPENERS = frozenset("([{—–-/")


def _paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for s in doc.sentences:
        lo, hi = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    return [spans[k] for k in sorted(spans)]


def _closes_before_attribution(text: str, i: int) -> bool:
    """A straight quote after ", " that an attribution follows closes: '... homes, "he said.'"""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] not in ",.!?":
        return False
    after = text[i + 1 : i + 90]
    m = patterns()["verbs"].search(after)
    if m is None:
        return False
    lead = after[: m.start()]
    return len(lead.split()) <= 7 and not _SENTENCE_STOP.search(lead)


def _quote_role(text: str, i: int, in_quote: bool, para_start: int) -> str:
    ch = text[i]
    at_para_start = not text[para_start:i].strip()
    if ch == "“":
        return "open"
    if ch == "”":
        return "close"
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if not in_quote:
        if prev.isspace() or prev in _OPENERS or i == 0:
            return "open" if not nxt.isspace() else "stray"
        return "stray"
    if at_para_start:
        return "open"
    if not prev.isspace() or nxt.isspace() or nxt in ",.;:!?" or _closes_before_attribution(text, i):
        return "close"
    return "open"


def _continues(text: str, paras: list[tuple[int, int]], k: int) -> bool:
    """Does a quotation left open at the end of paragraph k go on into the next ones?"""
    for p0, p1 in paras[k + 1 : k + 10]:
        body = text[p0:p1]
        marks = [j for j, c in enumerate(body) if c in '"“”']
        if not marks:
            continue
        j = marks[0]
        if not body[:j].strip():
            return True
        if body[j] == '"' and _closes_before_attribution(text, p0 + j):
            return True
        return body[j] == "”" or (body[j] == '"' and not body[j - 1].isspace())
    return False


_QUOTE_MARK = re.compile('["“”]')
_SENTENCE_STOP = re.compile(r"[.!?]")
_ALNUM = re.compile(r"[A-Za-z0-9]")


def find_quotations(doc: Document) -> list[Quotation]:
    text = doc.prose
    paras = _paragraph_spans(doc)
    out: list[Quotation] = []
    start: int | None = None
    for k, (p0, p1) in enumerate(paras):
        for mark in _QUOTE_MARK.finditer(text, p0, p1):
            i = mark.start()
            role = _quote_role(text, i, start is not None, p0)
            if role == "open" and start is None:
                start = i
            elif role == "close" and start is not None:
                out.append(Quotation(start, i + 1))
                start = None
        if start is not None and not _continues(text, paras, k):
            out.append(Quotation(start, _unclosed_end(doc, start, p1), closed=False))
            start = None
    if start is not None:
        out.append(Quotation(start, _unclosed_end(doc, start, len(text)), closed=False))
    return out


def _unclosed_end(doc: Document, start: int, limit: int) -> int:
    """A quotation never closed ends with the sentence it opened in (copy often drops the mark)."""
    s = _sentence_at(doc.sentences, start)
    return min(limit, s.end) if s else limit


QUOTE_GAP = 24  # characters between a quotation and its "said X" at most ('," the police')


def _speaker_of(
    q: Quotation, attrs: list[Attribution], text: str, previous: Quotation | None, sentences: list[Sentence]
) -> Attribution | None:
    outside = [a for a in attrs if not (q.start <= a.start and a.end <= q.end)]
    for a in outside:  # '"...," the police said' / '..." added the doctor'
        if q.end - 1 <= a.start <= q.end + QUOTE_GAP and not _GAP_WORD.search(text, q.end, a.start):
            return a
    for a in outside:  # 'He added: "...' / 'said "All those ...'
        if q.start - QUOTE_GAP <= a.end <= q.start + 1 and not _GAP_WORD_OR_STOP.search(text, a.end, q.start):
            return a
    window = text[max(0, q.start - 200) : q.start]
    lead_end = q.start - (len(window) - len(window.rstrip()))  # where the text before the quotation ends
    if window.rstrip().endswith(":"):  # 'Ramsey says she was escorted out ...:\n\n“ She drove ...'
        colon = [a for a in outside if a.start < lead_end and a.direction != "backward"]
        same = _sentence_at(sentences, lead_end - 1)
        if colon and same is not None and colon[-1].sentence == same.index:
            return colon[-1]
    inner = _sentence_at(sentences, q.start)
    if inner is not None and q.end <= inner.end and any(a.sentence == inner.index for a in outside):
        return None  # a quotation inside an attributed sentence: the sentence rule covers it
    if previous is not None and previous.speaker is not None and carry_mode() != "none":
        gap = text[previous.end : q.start]
        sp = previous.speaker
        if previous.end <= sp.start:
            after = text[sp.end : q.start]
            if sp.cue.lower() in ("told", "tells", "tell"):  # '..." the governor told reporters. "...'
                after = _audience().sub("", after, count=1)
            gap = text[previous.end : sp.start] + after
        if not _ALNUM.search(gap):
            return sp
    return None


_GAP_WORD = re.compile(r"[A-Za-z0-9\n]")


# who was told, after "told" and before the next quotation: "reporters", "the BBC", "AFP", "him"
@cache
def _audience() -> re.Pattern[str]:
    return re.compile(rf"^(?:{told_whom()}|\s+the\s+press)\s*(?=[.,;:!?])")


_GAP_WORD_OR_STOP = re.compile(r"[A-Za-z0-9.!?\n]")


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence containing `pos` (sentences are in order and do not overlap)."""
    i = bisect.bisect_right(sentences, pos, key=lambda s: s.start) - 1
    return sentences[i] if i >= 0 and sentences[i].start <= pos < sentences[i].end else None


def assign_speakers(quotes: list[Quotation], attrs: list[Attribution], doc: Document) -> None:
    ordered = sorted(attrs, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    previous: Quotation | None = None
    for q in quotes:
        # only attributions near the quotation can speak it: its own sentence, the one before
        # its colon, or a few characters either side (sentences are at most 4,000 characters)
        lo = bisect.bisect_left(starts, q.start - NEAR)
        near = ordered[lo : bisect.bisect_right(starts, q.end + NEAR)]
        for a in near:
            if q.closed and q.start < a.start and a.end <= q.end:
                a.in_quote = True
        q.speaker = _speaker_of(q, near, doc.prose, previous, doc.sentences)
        previous = q


NEAR = 4_500  # characters: past the longest sentence the segmenter makes
