"""Chains: whom a source relays and through whom. "Yonhap, citing the NIS, said" rests on the NIS
via Yonhap; "Reuters quoted the ministry as saying" on the ministry via Reuters; "As reported by
Yonhap, the NIS believes" gives the next attribution Yonhap as its conduit; "the figures had been
provided by the police" (a provenance) names who stands behind figures already attributed.

From audit/data/attribution.yaml: `relay_words`, `conduit_openers`, `provenance_patterns`.
"""

from __future__ import annotations

import re

from audit.attribute.clauses import ClausesBefore, np_after, subject, tail_is_empty
from audit.attribute.originators import Mention, parse_source, source_like
from audit.attribute.records import Attribution, Direction
from audit.attribute.vocab import patterns
from audit.model import Sentence

_SPACES_AND_COMMAS = re.compile(r"[\s,]*")
_AS_SAYING = re.compile(r"\s+as\s+saying\b")


def relay_after(text: str, pos: int, base: int) -> tuple[list[Mention], int] | None:
    """ ", citing the NIS" right at `pos`: the originators it names and where it ends."""
    m = _SPACES_AND_COMMAS.match(text, pos)
    at = m.end() if m else pos
    r = patterns()["relay"].match(text, at)
    if not r:
        return None
    end, phrase = np_after(text, r.end())
    phrase = _AS_SAYING.split(phrase)[0]
    mentions = parse_source(phrase, base + r.end())
    return (mentions, end) if mentions else None


def relay_before(
    text: str, verb_start: int, base: int, clauses: ClausesBefore | None = None
) -> tuple[list[Mention], list[Mention], int] | None:
    """ "Yonhap, citing the NIS, said", "Citing the NIS, Yonhap said": (conduits, originators, start)
    when a relay clause precedes the verb. Most verbs have no relay word before them at all: one
    search says so before any clause is read. `clauses`: the clauses before the verb, if already read."""
    if not patterns()["relay"].search(text, 0, verb_start):
        return None
    return _relay_clause_before(text, verb_start, base, clauses or ClausesBefore(text, verb_start))


def _relay_clause_before(
    text: str, verb_start: int, base: int, clauses: ClausesBefore
) -> tuple[list[Mention], list[Mention], int] | None:
    """relay_before, reading the clauses before the verb."""
    seg_start, seg = clauses.ending_at(verb_start)
    if seg.strip():
        return _fronted_relay(clauses, seg_start, seg, base)
    if seg_start == 0 or text[seg_start - 1] != ",":
        return None
    relay_start, relay = clauses.ending_at(seg_start - 1)
    r = patterns()["relay"].match(relay.lstrip())
    if not r or relay_start == 0 or text[relay_start - 1] != ",":
        return None
    lead = len(relay) - len(relay.lstrip())
    originators = parse_source(relay.lstrip()[r.end() :], base + relay_start + lead + r.end())
    conduit_start, conduit = clauses.ending_at(relay_start - 1)
    conduits = parse_source(conduit, base + conduit_start)
    if not originators or not conduits or not source_like(conduit):
        return None
    return conduits, originators, conduit_start


def _fronted_relay(
    clauses: ClausesBefore, seg_start: int, seg: str, base: int
) -> tuple[list[Mention], list[Mention], int] | None:
    """ "Citing police, the agency said": a relay clause opening the sentence, then the verb's subject."""
    text = clauses.text
    if seg_start == 0 or text[seg_start - 1] != ",":
        return None
    relay_start, relay = clauses.ending_at(seg_start - 1)
    r = patterns()["relay"].match(relay.lstrip())
    if not r or text[:relay_start].strip(" \"“'"):
        return None
    lead = len(relay) - len(relay.lstrip())
    originators = parse_source(relay.lstrip()[r.end() :], base + relay_start + lead + r.end())
    conduits = parse_source(seg.strip(), base + seg_start + len(seg) - len(seg.lstrip()))
    if not originators or not conduits or not source_like(seg):
        return None
    return conduits, originators, relay_start


QUOTED_AS = re.compile(r"\bquoted\s+(?P<orig>[^,.;:]{2,90}?)\s+as\s+(?:saying|telling|stating)\b")


def quoted_as_attribution(text: str, m: re.Match[str], s: Sentence) -> Attribution | None:
    """ "Reuters quoted the health ministry as saying ...": the ministry, via Reuters."""
    subj = subject(text, m.start())
    originators = parse_source(m.group("orig"), s.start + m.start("orig"))
    if subj is None or not originators or not source_like(subj[1]):
        return None
    conduits = parse_source(subj[1], s.start + subj[0])
    direction: Direction = "backward" if tail_is_empty(text, m.end()) else "forward"
    span = (s.start + subj[0], s.start + m.end())
    return Attribution(m.group(0), *span, originators, direction, s.index, via=conduits)


# "officials were quoted by AP as saying": the subject is the originator, the agent of "quoted" the conduit
QUOTED_BY = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+quoted\s+"
    r"(?:by\s+(?P<via>[^,.;:]{2,60}?)\s+)?as\s+(?:saying|telling|stating)\b",
    re.I,
)


def quoted_by_attribution(text: str, m: re.Match[str], s: Sentence) -> Attribution | None:
    """ "..., Iranian officials were quoted by AP as saying": the officials, via AP; backward when
    nothing follows, forward when the figures come after ("officials were quoted as saying 10 died")."""
    subj = subject(text, m.start())
    if subj is None or not source_like(subj[1]):
        return None
    originators = parse_source(subj[1], s.start + subj[0])
    if not originators:
        return None
    via = parse_source(m.group("via"), s.start + m.start("via")) if m.group("via") else []
    direction: Direction = "backward" if tail_is_empty(text, m.end()) else "forward"
    return Attribution(
        m.group(0), s.start + subj[0], s.start + m.end(), originators, direction, s.index, via=via
    )


def provenance_attributions(text: str, s: Sentence) -> list[Attribution]:
    """ "the figures had been provided by the police": who stands behind figures given before."""
    found: list[Attribution] = []
    for m in patterns()["provenance"].finditer(text):
        end, phrase = np_after(text, m.end())
        mentions = parse_source(phrase, s.start + m.end())
        if mentions and source_like(phrase):
            span = (s.start + m.start(), s.start + end)
            found.append(Attribution(m.group(0).strip(), *span, mentions, "both", s.index, provenance=True))
    return found


def apply_conduits(found: list[Attribution]) -> list[Attribution]:
    """ "As reported by Yonhap, the intelligence service believes ...": Yonhap is the conduit."""
    pats = patterns()
    out: list[Attribution] = []
    for i, a in enumerate(found):
        rest = found[i + 1 :]
        if pats["conduit"].fullmatch(a.cue) and a.direction == "forward" and rest and not a.via:
            rest[0].via = rest[0].via or a.mentions
            continue
        out.append(a)
    return out
