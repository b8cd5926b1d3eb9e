"""Stage 2, segment: the prose mask cut into paragraphs and sentences.

MINIMAL STUB: replaced by the full segmenter."""

from __future__ import annotations

import re

from audit.model import Document, Sentence

_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n|\n")


def segment(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    text = doc.prose
    pos, para = 0, 0
    for m in _END.finditer(text):
        if text[pos : m.start()].strip():
            out.append(Sentence(len(out), pos, m.start(), para, text[pos : m.start()]))
        if "\n" in m.group(0):
            para += 1
        pos = m.end()
    if text[pos:].strip():
        out.append(Sentence(len(out), pos, len(text), para, text[pos:]))
    return out
