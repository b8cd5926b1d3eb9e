"""Coverage-guided fuzzing of the whole pipeline on text (load -> ... -> check), with atheris.

    pip install atheris
    python fuzz/fuzz_pipeline.py -max_total_time=300 -timeout=10 -max_len=2048 fuzz/corpus-pipeline

The first byte picks the format; the rest is text. A crash is any exception or a claim whose
`text` is not `source[start:end]` or whose line and column disagree with `start`.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["audit"]):
    from audit import attribute, check, extract, load, segment  # noqa: F401  (the pipeline imports them lazily)
    from audit.pipeline import audit_text

PATHS = ("fuzz.txt", "fuzz.md", "fuzz.html", "-")


def check(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    path = PATHS[fdp.ConsumeIntInRange(0, len(PATHS) - 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    audit = audit_text(text, path=path)
    doc = audit.document
    for c in audit.claims:
        if doc.source[c.start : c.end] != c.text:
            raise AssertionError(f"claim text {c.text!r} != source[{c.start}:{c.end}]")
        if doc.position(c.start) != (c.line, c.column):
            raise AssertionError(f"claim {c.text!r} at {doc.position(c.start)} says {(c.line, c.column)}")


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
