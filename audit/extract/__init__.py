"""Stage 3, extract: every numeric claim in the prose, with its bounds, unit and what it counts.

For each sentence: find number mentions (numbers.py), drop what is no figure (dates, times,
ordinals, identifiers, idioms), join ranges, read the qualifier before and the unit after,
then decide what the figure counts from the casualty vocabulary around it. One step looks back a
sentence: a part referred to by a pronoun ("Among them were three firefighters") takes the harm of the
group the sentence before counted.
"""

from __future__ import annotations

from audit import numbers
from audit.extract import counting, notfigures, ranges, units
from audit.extract.figure import Figure
from audit.model import Claim, Document, Sentence

__all__ = ["Figure", "extract", "sentence_figures"]

MAX_CLAIMS = 10_000  # per document; past it the document is data, and the rest is reported as not audited
DENSE_SENTENCE = 60  # figures in one sentence past which no casualty semantics are read


def extract(doc: Document) -> list[Claim]:
    """Claims for every sentence of `doc`, numbered c1, c2, ... in document order."""
    claims: list[Claim] = []
    currency_hint = units.currency_context(doc.prose)
    before: list[Figure] = []
    before_text = ""
    for sentence in doc.sentences:
        figures = sentence_figures(sentence.text, currency_hint)
        counting.inherit_from_the_group_before(sentence.text, figures, before, before_text)
        before, before_text = figures, sentence.text
        for fig in figures:
            if len(claims) == MAX_CLAIMS:
                doc.notices.append(
                    f"more than {MAX_CLAIMS:,} figures: only the first {MAX_CLAIMS:,} were audited"
                )
                return claims
            claims.append(_to_claim(doc, sentence, fig, f"c{len(claims) + 1}"))
    return claims


def sentence_figures(text: str, currency_hint: dict[str, str] | None = None) -> list[Figure]:
    """The figures of one sentence, in order."""
    hint = currency_hint or {}
    found = numbers.find(text)
    mentions = [m for m in found if notfigures.is_figure(text, m) or _money_by_prefix(text, m, hint)]
    if not mentions:
        return []  # most sentences: every step below reads the figures
    figures = ranges.join_ranges(text, [Figure.of(m) for m in mentions])
    for fig in figures:
        units.read_qualifier(text, fig)
        units.read_unit(text, fig, hint)
        if fig.unit is None and fig.kind != "fraction" and not counting.read_people(text, fig):
            units.read_rare_unit(text, fig)
    if len(figures) <= DENSE_SENTENCE:  # a run of hundreds of numbers is a table, not a casualty report
        figures = counting.add_coordinated_singulars(text, figures)
        for fig in figures:
            counting.read_category(text, fig, figures)
    figures = [f for f in figures if notfigures.keep(text, f)]
    counting.inherit_from_the_whole_after(text, figures)
    counting.inherit_from_the_whole_before(text, figures)
    counting.inherit_from_a_share(text, figures)
    counting.inherit_categories(text, figures)
    counting.inherit_elliptical_subjects(text, figures)
    counting.count_households(text, figures)
    units.inherit_conversion_qualifiers(text, figures)
    units.share_units(text, figures)
    units.inherit_compared_units(text, figures)
    return figures


def _money_by_prefix(text: str, m: numbers.Mention, hint: dict[str, str]) -> bool:
    """ "Tk 50", "N100m": a currency abbreviation before digits makes them money, never a label."""
    return m.kind == "digits" and units.prefix_currency(text, m.start, hint) is not None


def _to_claim(doc: Document, sentence: Sentence, fig: Figure, claim_id: str) -> Claim:
    start, end = sentence.start + fig.start, sentence.start + fig.end
    if fig.noun_end > 0 and fig.category in ("casualties",):
        end = max(end, sentence.start + fig.noun_end)
    line, column = doc.position(start)
    return Claim(
        id=claim_id,
        text=doc.source[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        value=fig.value,
        low=fig.low,
        high=fig.high,
        qualifier=fig.qualifier,  # type: ignore[arg-type]
        unit=fig.unit,
        category=fig.category,  # type: ignore[arg-type]
        subject=fig.subject,
        sentence=sentence.index,
        number_start=sentence.start + fig.number_start,
        number_end=sentence.start + fig.number_end,
        kind=fig.kind,
        cue=fig.cue,
        step=fig.step,
    )
