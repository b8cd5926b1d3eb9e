"""interested-party: a party's name is searched for only in texts that hold its first word, and that
skips no name its pattern finds, on generated text and on text built from the party lists' own names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checkers import parties

_PARTIES, _ = parties._default()
_NAMES = [n for names in _PARTIES.values() for n in names]
_PIECES = st.sampled_from(
    [
        *_NAMES,
        *(n.upper() for n in _NAMES),
        *(n.lower() for n in _NAMES),
        " ",
        "  ",
        "\n",
        "'s",
        "-",
        "x",
        ",",
        "\u0131",
        "\u017f",
        "\u212a",
    ]
)


def _plain_party_of(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for party, names in _PARTIES.items():
        for name in names:
            if parties._any_name((name,)).search(text) and (best is None or len(name) > best[0]):
                best = (len(name), party)
    return best[1] if best else None


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=6).map("".join))
def test_a_name_is_skipped_only_where_its_pattern_finds_nothing(text: str) -> None:
    for name in _NAMES:
        if parties._any_name((name,)).search(text) and text.isascii():
            assert parties.may_name(text.lower(), name)
    assert parties.party_of(text, _PARTIES) == (_plain_party_of(text) if text else None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(_NAMES))
def test_may_name_on_any_text(text: str, name: str) -> None:
    if text.isascii() and parties._any_name((name,)).search(text):
        assert parties.may_name(text.lower(), name)
