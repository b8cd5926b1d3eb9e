"""Stage 1, load: bytes in, a `Document` out (decoded source plus its prose mask).

MINIMAL STUB: plain UTF-8 text only. Replaced by the full loader (encodings, Markdown, HTML)."""

from __future__ import annotations

import sys
from pathlib import Path

from audit.model import Document, Format


def from_text(text: str, path: str = "<text>", fmt: str | None = None) -> Document:
    return Document(path=path, source=text, prose=text, format=(fmt or "text"))  # type: ignore[arg-type]


def from_bytes(data: bytes, path: str = "<bytes>", fmt: Format | None = None) -> Document:
    return from_text(data.decode("utf-8", errors="replace"), path=path, fmt=fmt)


def load_path(path: str) -> Document:
    if path == "-":
        return from_bytes(sys.stdin.buffer.read(), path="-")
    return from_bytes(Path(path).read_bytes(), path=path)
