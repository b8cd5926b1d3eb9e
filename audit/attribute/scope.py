"""Scope: which attribution governs each figure, and the sources that gives it.

In order: the speaker of the closed quotation the figure sits in; else the nearest attribution of
its sentence on the side that attribution faces (`direction`); else the speaker of the unclosed
quotation it sits in; else, in a sentence that refers back to a group the sentence before counted
("Of those, 12 were officers", "They are 87 civilians": its figures' cue, or `referring_openers`
in audit/data/attribution.yaml), the attribution that governed that sentence's figures: a
breakdown of a sourced count rests on its source, as does a place's record with no speaker
("Lagos recorded the most, at 310", where the story sets Lagos after "in"); else, if
`carry_over` (audit/data/attribution.yaml) is `paragraph` or `next`, the latest attribution used
before it. A provenance ("the figures had been provided by the police") then re-roots the
attributed figures before it in its account.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from audit.attribute.records import Attribution, Quotation
from audit.attribute.vocab import carry_mode, document_places, is_record, names_a_place, refers_back
from audit.model import PARTS_REFERRED_TO, Claim, Document, Sentence, Source


def figure_at(claim: Claim) -> int:
    """Where the claim's number starts (its text may open earlier: "at least 12")."""
    return claim.number_start if claim.number_start >= 0 else claim.start


def govern(
    doc: Document, claims: list[Claim], attrs: list[Attribution], quotes: list[Quotation]
) -> Iterator[tuple[Claim, Sentence | None, Attribution | None]]:
    """Each claim in text order with its sentence and the attribution that governs it (or None)."""
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attrs:
        by_sentence.setdefault(a.sentence, []).append(a)
    carry = carry_mode()
    last: dict[int, Attribution] = {}  # paragraph (or -1 for "next") -> latest attribution used
    used: dict[int, Attribution] = {}  # sentence -> the latest attribution its figures used
    referring = {c.sentence for c in claims if c.cue in PARTS_REFERRED_TO} | {
        s.index for s in doc.sentences if refers_back().match(s.text)
    }
    _mark_place_records(doc, attrs)
    for claim in sorted(claims, key=lambda c: c.start):
        s = sentence_of(doc, claim)
        chosen = _choose(figure_at(claim), s, quotes, by_sentence)
        if chosen is not None and chosen.place_record and s is not None:
            chosen = used.get(s.index - 1)  # "Lagos recorded the most, at 310": the count's account
        elif chosen is None and s is not None and s.index in referring and not by_sentence.get(s.index):
            chosen = used.get(s.index - 1)  # "Of those, 12 were officers": the group's account
        if chosen is None and s is not None:
            chosen = _carried(carry, s, last)
        if chosen is not None and s is not None:
            last[s.paragraph] = chosen
            last[-1] = chosen
            used[s.index] = chosen
        yield claim, s, chosen


def _choose(
    pos: int, s: Sentence | None, quotes: list[Quotation], by_sentence: dict[int, list[Attribution]]
) -> Attribution | None:
    i = bisect.bisect_right(quotes, pos, key=lambda q: q.start) - 1  # quotations are in order
    quote = quotes[i] if i >= 0 and quotes[i].start <= pos < quotes[i].end else None
    if quote is not None and quote.speaker is not None and quote.closed:
        return quote.speaker
    own = _governing(pos, by_sentence.get(s.index, [])) if s is not None else None
    return own or (quote.speaker if quote is not None else None)


def _mark_place_records(doc: Document, attrs: list[Attribution]) -> None:
    """A record whose every mention is a place ("the region had recorded 11", "Lagos recorded 310"
    where the story says "in Lagos") is a place's record, no source."""
    records = [a for a in attrs if is_record(a.cue)]
    if not records:
        return
    places = document_places(doc.prose)
    for a in records:
        a.place_record = all(names_a_place(m.name, places) for m in a.mentions)


def _governing(pos: int, attrs: list[Attribution]) -> Attribution | None:
    """The nearest attribution that faces the figure at `pos`; but a speaker whose words hold the
    nearest one, when that is a place's record ("the division has recorded 58 murders, the police
    said"; "He said the region had recorded 11"): a place records nothing, the speaker counts; and
    the source a record cites ("X has recorded 1,200 deaths, according to data from the transport
    department"); the speaker whose own staff record ("The commission said its monitors had
    documented 48 injuries"). "Monitors counted 40 bodies, residents said" stays the monitors'."""
    facing = sorted((d, i, a) for i, a in enumerate(attrs) if (d := _distance(pos, a)) is not None)
    if not facing:
        return None
    best = facing[0][2]
    owned = is_record(best.cue) and all(_OWNED.match(m.name) for m in best.mentions)
    for _, _, a in facing[1:] if is_record(best.cue) else ():
        cited = a.cue.lower().startswith("according")  # "X recorded 1,200 deaths, according to data from Y"
        yields = best.place_record or cited or owned  # "The commission said its monitors had documented 48"
        if yields and not is_record(a.cue) and _distance(best.start, a) is not None:
            return a
    return best


_OWNED = re.compile(r"(?:its|their)\s", re.I)


def _distance(pos: int, a: Attribution) -> int | None:
    """How far an attribution that faces `pos` stands from it, or None when it does not face it."""
    if a.in_quote or a.provenance or a.corroborates or a.start <= pos < a.end:
        return None
    if a.end <= pos and a.direction in ("forward", "both"):
        return pos - a.end
    if a.start > pos and a.direction in ("backward", "both"):
        return a.start - pos
    return None


def sources(a: Attribution) -> list[Source]:
    """The claim's sources from its governing attribution: one per originator key, conduits as `via`."""
    via = ", ".join(dict.fromkeys(v.display or v.name for v in a.via)) or None
    out: dict[str, Source] = {}
    for m in a.mentions:
        key = m.key or m.name
        if key not in out:
            out[key] = Source(
                name=m.display or m.name,
                cue=a.cue,
                start=a.start,
                end=a.end,
                via=via,
                anonymous=m.anonymous,
                originator=key,
            )
    return list(out.values())


def _carried(mode: str, s: Sentence, last: dict[int, Attribution]) -> Attribution | None:
    """Plain carry-over (measured, off by default): the latest attribution of the paragraph,
    or of any earlier sentence."""
    if mode == "paragraph":
        return last.get(s.paragraph)
    if mode == "next":
        return last.get(-1)
    return None


def sentence_of(doc: Document, claim: Claim) -> Sentence | None:
    """The sentence the claim was found in (by index, else by where its number starts)."""
    if 0 <= claim.sentence < len(doc.sentences):
        return doc.sentences[claim.sentence]
    pos = figure_at(claim)
    return next((s for s in doc.sentences if s.start <= pos < s.end), None)


def reroot(doc: Document, claims: list[Claim], provenances: list[Attribution]) -> None:
    """ "He said the figures had been provided by the police": the police are the originator of
    the attributed figures before it in the account (this paragraph and the one before), and
    their speaker the conduit."""
    for p in provenances:
        para = doc.sentences[p.sentence].paragraph
        for claim in claims:
            s = sentence_of(doc, claim)
            if not claim.sources or s is None or s.index >= p.sentence or s.paragraph < para - 1:
                continue
            via = ", ".join(dict.fromkeys(src.name for src in claim.sources))
            claim.sources = sources(p)
            for src in claim.sources:
                src.via = via


def corroborate(doc: Document, claims: list[Claim], backers: list[Attribution]) -> None:
    """ "The Red Cross put the toll at 23, a figure confirmed by the health ministry": the ministry is
    a second originator of the attributed figures before it in its sentence."""
    for b in backers:
        for claim in claims:
            if claim.sentence != b.sentence or figure_at(claim) >= b.start or not claim.sources:
                continue
            known = {src.originator for src in claim.sources}
            claim.sources += [src for src in sources(b) if src.originator not in known]
