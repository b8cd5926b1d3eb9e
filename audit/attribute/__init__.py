"""Stage 4, attribute: who each figure rests on (sources, chains, hedges).

Rules and lexicons (audit/data/attribution.yaml), no statistical model. To see why a figure got
its source, follow the steps in the order they run:

1. cues.py       the attributions of every sentence ("according to X", "X said ...", "..., said X",
                 "X put the toll at", "X's figures"), reading phrases with clauses.py and relays
                 ("Yonhap, citing the NIS, said") with chains.py;
2. originators.py  the mentions resolved to one key per originator ("the NIS" = "South Korea's
                 National Intelligence Service"; "he" = the latest person it can mean);
3. quotations.py the quotations of the document and the attribution that speaks each;
4. scope.py      the attribution that governs each figure: its quotation's speaker, else the
                 nearest one of its sentence facing it; then a provenance re-roots the account,
                 and a corroboration (", a figure confirmed by X") adds a second originator;
5. hedges.py     the nearest hedge in the figure's clause.

vocab.py compiles the cue lists; records.py holds what the steps pass on (Attribution, Quotation).
"""

from __future__ import annotations

from audit.attribute import scope
from audit.attribute.cues import sentence_attributions
from audit.attribute.hedges import hedge_for
from audit.attribute.originators import content_tokens, fuzzy_in, initials, resolve, subject_people
from audit.attribute.quotations import assign_speakers, find_quotations
from audit.attribute.records import Attribution, Quotation
from audit.model import Claim, Document

# Name matching for other stages that compare source names (the ledger): the same rules as originators.
__all__ = [
    "attribute",
    "content_tokens",
    "document_attributions",
    "find_quotations",
    "fuzzy_in",
    "hedge_for",
    "initials",
    "sentence_attributions",
]


def document_attributions(doc: Document) -> tuple[list[Attribution], list[Quotation]]:
    """Steps 1-3: every attribution of the document, its mentions resolved, and the quotations
    with their speakers."""
    attrs = [a for s in doc.sentences for a in sentence_attributions(s)]
    for a in attrs:
        for v in a.via:
            v.conduit = True
    people = subject_people(doc, [(a.start, a.end) for a in attrs])
    mentions = [m for a in attrs for m in [*a.via, *a.mentions]] + people
    mentions.sort(key=lambda m: m.start)
    resolve(mentions)
    quotes = sorted(find_quotations(doc), key=lambda q: q.start)  # scope bisects them
    assign_speakers(quotes, attrs, doc)
    return attrs, quotes


def attribute(doc: Document, claims: list[Claim]) -> None:
    """Fill `sources` (deepest originator first, one per originator) and `hedge` of every claim."""
    if not doc.sentences:
        for claim in claims:
            claim.sources = []
        return
    attrs, quotes = document_attributions(doc)
    for claim, s, chosen in scope.govern(doc, claims, attrs, quotes):
        claim.sources = scope.sources(chosen) if chosen else []
        claim.hedge = hedge_for(s.text, scope.figure_at(claim) - s.start) if s else None
    scope.reroot(doc, claims, [a for a in attrs if a.provenance])
    scope.corroborate(doc, claims, [a for a in attrs if a.corroborates])
