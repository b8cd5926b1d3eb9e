"""Stage 3, extract. PLACEHOLDER: digits only, being replaced by the full grammar."""

from __future__ import annotations

import re

from audit.model import Claim, Document

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def extract(doc: Document) -> list[Claim]:
    claims: list[Claim] = []
    for s in doc.sentences:
        for m in _NUM.finditer(s.text):
            start, end = s.start + m.start(), s.start + m.end()
            line, col = doc.position(start)
            v = float(m.group(0).replace(",", ""))
            claims.append(Claim(f"c{len(claims)+1}", doc.source[start:end], start, end, line, col, v, v, v,
                                sentence=s.index, number_start=start, number_end=end))
    return claims
