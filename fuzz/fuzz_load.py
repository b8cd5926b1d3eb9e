"""Coverage-guided fuzzing of the loader and segmenter (atheris / libFuzzer).

    pip install atheris
    python fuzz/fuzz_load.py -max_total_time=300 -timeout=10 -max_len=8192 fuzz/corpus-load

A crash is any exception, a prose mask whose length differs from the source, or a sentence
that is not a trimmed slice of the prose. Add each crash as a regression test in
tests/test_hostile.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["audit"]):
    from audit import load, segment

SUFFIXES = (".txt", ".md", ".html", "", "-")


def check(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = "-" if suffix == "-" else f"fuzz{suffix}"
    doc = load.from_bytes(data[1:], path=path)
    if len(doc.prose) != len(doc.source):
        raise AssertionError(f"prose {len(doc.prose)} != source {len(doc.source)}")
    if doc.error is not None:
        return
    end = 0
    for s in segment.segment(doc):
        if s.text != doc.prose[s.start : s.end] or s.text != s.text.strip() or not s.text or s.start < end:
            raise AssertionError(f"bad sentence {s!r}")
        end = s.end


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
