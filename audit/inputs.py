"""Turn command-line PATH arguments into the list of documents to audit."""

from __future__ import annotations

import glob
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def expand(paths: list[str]) -> list[str]:
    """Files as given, directories searched for documents, globs expanded, `-` kept for stdin.

    A path that matches nothing is kept as given, so the loader reports it as an input error."""
    out: list[str] = []
    for arg in paths:
        if arg == "-":
            out.append(arg)
            continue
        p = Path(arg)
        if p.is_dir():
            out.extend(
                str(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES
            )
        elif not p.exists() and glob.has_magic(arg):
            out.extend(sorted(glob.glob(arg, recursive=True)))
        else:
            out.append(arg)
    seen: set[str] = set()
    return [x for x in out if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]
