"""The lede's toll and the later figures of its harm: which later figure states the whole toll again.

A toll is the lede's first killed or wounded figure. A later figure of its harm restates it when it
counts the same group (the same noun, or people in general), names the event definitely ("the
quake", "It hurt 30", a sentence right after one naming it), rests on the lede toll's named
source, or is given by any source in a sentence that names no event, place or period ("The
governor said 50 were injured") (not a share: a toll over several events, a place given to the
later figure), and is no
part of the group ("two of the dead", "including"), no update ("rose to", "so far"), no other
event or period, and no sibling of another figure of its harm in its sentence. A later figure
larger than an exact toll exceeds it; "the deaths of those three people" names the toll again.
restatement.py compares the pairs.
Word lists from audit/data/relations.yaml: `toll_events`, `event_pronoun_verbs`, `earlier_event_words`,
`part_of_group_words`, `running_total_words`, `superlatives`, `severity_words`, `demographic_heads`,
`toll_nominals`, `not_lives`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache, partial

from audit.checkers import Confidence, Context
from audit.checkers.relate import (
    after_from,
    cue_pattern,
    has_cue,
    head,
    headline_sentences,
    in_other_period,
    is_people,
    lede_sentences,
    lexicon,
    named_alike,
    of_sentence,
    other_period,
    running_total,
    sentence_text,
    sentence_up_to,
    superseded,
    updated,
    vague,
)
from audit.lexicon import data, words_pattern
from audit.model import HARM_CATEGORIES, PARTS_REFERRED_TO, Claim


def lede_toll(ctx: Context, ref: Claim) -> list[Claim]:
    """ "those three people" with no other antecedent: the dead of the lede, if it counts any."""
    if head(ref.subject) not in (None, "person", "people"):
        return []
    lede = set(lede_sentences(ctx))
    return [c for c in ctx.figures if c.sentence in lede and c.category == "killed" and c.start < ref.start][
        :1
    ]


def toll_exceeded(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """A later figure for the same victims larger than the lede's toll ("killing one man" ... "3 men";
    "killing one person" ... "3 men were shot and killed": men are people, and a part is never
    larger than its whole), not in another period or event."""
    demographic = set(lexicon()["demographic_heads"])
    for toll in _lede_tolls(ctx):
        if toll.qualifier != "exact" or toll.value is None:
            continue
        generic = head(toll.subject) in (None, "people", "person")
        for later in _later_of_category(ctx, toll):
            if (
                (named_alike(toll, later) or (generic and head(later.subject) in demographic))
                and not in_other_period(ctx, later)
                and later.qualifier == "exact"
                and (later.value or 0) > toll.value
                and not updated(ctx, later)
                and not rival_sources(toll, later)
                and not part_of_group(ctx.before(later, 40))  # "31 people, including 23 personnel"
                and not of_sentence(ctx, later, running_total)  # "So far this year, ..."
            ):
                yield toll, later, "the lede's toll", "low"


def _rival_organisations(toll: Claim, later: Claim) -> bool:
    """The later toll rests on named bodies the toll does not ("a monitoring group put the toll at 47",
    "a rights group said it had counted 41 bodies" after the ministry's or officials' toll): another
    body's count, which the contested rule compares."""
    mine = _originators(toll)
    theirs = [s for s in later.sources if s.originator not in mine]
    return bool(mine) and bool(theirs) and all(_A_BODY.search(s.name or "") for s in theirs)


# "a monitoring group", "a rights group", "the Red Cross", "an NGO", "the United Nations", "the UN's
# refugee agency" (not a government's disaster agency): a body that keeps its own count
_A_BODY = re.compile(
    r"\b(?:group|monitor|observatory|organi[sz]ation|ngo|charity|red\s+cross|red\s+crescent"
    r"|united\s+nations)\b|\bu\.?n\.?(?![\w.])",
    re.I,
)


def _a_rival_account(ctx: Context, toll: Claim, later: Claim) -> bool:
    """The later toll's sentence sets it against another account ("X, however, put the toll at 19",
    "gave a much lower toll, saying 10 had died", "disputed the figure", "I counted 22 dead with my
    own eyes", "six more than the 17 counted by the ministry"), and it rests on no source the toll
    rests on: a rival count, which the contested rule compares, not the toll stated again."""
    if _originators(toll) & _originators(later):
        return False
    own = sentence_text(ctx, later)
    if _RIVAL_MARK.search(own) or (_BUT_OPENS.match(own) and _originators(later)):
        return True  # "But the state police command said five people were killed"
    before = ctx.sentence_at(later.sentence - 1)
    # "But police gave lower figures. A spokesperson said six people had died": announced just before
    return before is not None and bool(_RIVAL_MARK.search(before.text))


_BUT_OPENS = re.compile(r"^\W*but\b", re.I)


_RIVAL_MARK = re.compile(
    r",\s*however,|^\W*however\b|\b(?:disputed|disputing|contradict(?:ed|ing|s)?|own\s+count|own\s+eyes)\b"
    r"|\b(?:lower|higher|different|conflicting)\s+(?:death\s+)?(?:toll|figure|count|tally)s?\b"
    r"|\b(?:I|he|she|we|they)\s+(?:had\s+)?(?:counted|saw)\b"
    r"|\bput\s+the\s+(?:death\s+)?toll\s+(?:at|(?:much\s+|even\s+|far\s+)?(?:higher|lower))\b"
    r"|\bput\s+the\s+number\s+of\s+(?:dead|deaths|injured|wounded|casualties|victims)\s+at\b"
    r"|\b(?:more|fewer|less|higher|lower)\s+than\s+the\s+[\d,]+\s+(?:[a-z]+\s+){0,2}?"
    r"(?:counted|recorded|reported|given|confirmed|registered)\s+by\b",
    re.I,
)


def rival_sources(a: Claim, b: Claim) -> bool:
    """Both figures rest on sources and share none ("the ministry said 14" ... "the rebels said they had
    killed 40"; "police said 20 were hurt" ... "the fire service said 22 were treated"): two sources'
    figures, which the contested rule compares, not one quantity stated twice or a part of the other."""
    mine, theirs = _originators(a), _originators(b)
    return bool(mine) and bool(theirs) and not mine & theirs


def _originators(claim: Claim) -> set[str]:
    return {s.originator for s in claim.sources}


def _lede_tolls(ctx: Context, harms: tuple[str, ...] = ("killed", "wounded")) -> list[Claim]:
    """The lede's figures of the harms (killed and wounded unless told), in document order."""
    lede = set(lede_sentences(ctx))
    return [c for c in ctx.figures if c.sentence in lede and c.category in harms]


# the harms whose lede figure is a toll a later figure may state again
_RESTATED_HARMS = ("killed", "wounded", "missing", "displaced")


def _later_of_category(ctx: Context, toll: Claim) -> Iterator[Claim]:
    """The figures of the toll's category after its sentence (the lede's next sentence too), outside
    the headline."""
    skip = set(headline_sentences(ctx)) | {i for i in lede_sentences(ctx) if i <= toll.sentence}
    for later in ctx.figures_in(toll.sentence + 1, ctx.figures[-1].sentence):
        if later.category == toll.category and later.sentence not in skip:
            yield later


def toll_restated(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """The lede's toll stated again later for the same group ("where five people were killed" ...
    "At least five people were killed"; "hundreds injured" ... "250 others injured").

    Sameness is read from meaning, not from equal values: the same harm category, the same subject
    head (or both generic: people, victims, none), and nothing that scopes the later figure apart:
    an update ("rose to", "so far"), another event or period, a part of a group ("two of the
    dead", "including"). Less sure than a reference back, so a difference is reported one
    severity lower."""
    first_of_category: dict[str, Claim] = {}
    for toll in _lede_tolls(ctx, _RESTATED_HARMS):
        first_of_category.setdefault(toll.category, toll)  # the lede's first figure of a category is its toll
    for category in ("killed", "wounded"):
        story_toll = None if category in first_of_category else _story_toll(ctx, category)
        if story_toll is not None:
            first_of_category[category] = story_toll
    for toll in first_of_category.values():
        if updated(ctx, toll):
            continue
        several = bool(_SEVERAL_EVENTS().search(sentence_text(ctx, toll)))
        superseded_values = _superseded_values(ctx, toll)
        for later in _later_of_category(ctx, toll):
            if several and _ONE_OF_THEM().search(sentence_text(ctx, later)):
                continue  # "nine killed in three explosions ... The first blast killed two": a share
            if _OTHERS_ELSEWHERE.search(sentence_text(ctx, later)) or _told_with_another(ctx, later):
                continue  # "collected nine bodies, while others were taken away"; "... Another seven": a part
            if later.value in superseded_values:
                continue  # "raising an earlier toll of nine" ... "we were told nine were dead": that toll
            generic = head(later.subject) in _GENERIC_HEADS
            same = _same_group(toll, later) or (generic and _a_people_whole(ctx, toll))
            if (
                same
                and not _rival_organisations(toll, later)
                and not _a_rival_account(ctx, toll, later)
                and _states_whole_toll(ctx, later, toll)
            ):
                yield toll, later, "the lede's toll stated again", "low"


_PART_OPENS = re.compile(
    r"^\W*(?:of|among)\s+(?:the|those|them|these)\s+(?:[a-z-]+\s+){0,2}?(?:dead|deceased|killed|victims|"
    r"injured|wounded|casualties|missing|bodies)\s*,",
    re.I,
)


def _told_with_another(ctx: Context, claim: Claim) -> bool:
    """ "12 bodies had been recovered ... Another seven were found in a river": a figure the next
    sentence adds to is a part of the toll."""
    return any(
        (c.category == claim.category or (c.unit is None and c.kind == "bare"))  # "Another seven were found"
        and _ANOTHER_BEFORE.search(ctx.before(c, 15))
        for c in ctx.figures_in(claim.sentence, claim.sentence + 1)
        if c.start > claim.end
    )


_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|further)\s*$", re.I)
_A_SHARES_BASE = re.compile(r"(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:the\s+|all\s+)?$", re.I)
_OTHERS_ELSEWHERE = re.compile(r"\bwhile\s+others\b|\bothers\s+(?:were|had\s+been|have\s+been)\b", re.I)


def _superseded_values(ctx: Context, toll: Claim) -> set[float | None]:
    """The values the copy gives as tolls superseded ("raising an earlier toll of nine", "the initial
    toll was six") of the toll's harm: a later mention of one is that old toll, not this one restated."""
    return {
        c.value
        for c in ctx.figures
        if c is not toll and c.category == toll.category and c.value != toll.value and superseded(ctx, c)
    }


def _story_toll(ctx: Context, category: str) -> Claim | None:
    """A lede that counts none of a harm (a feature's scene, an anniversary's opening): the story's
    first figure of it, within its opening `_STORY_TOLL_REACH` sentences, is its toll when it states
    one whole toll of an event it names ("the bombings, which left 21 dead")."""
    skip = set(headline_sentences(ctx)) | set(lede_sentences(ctx))
    first = next((c for c in ctx.figures if c.category == category and c.sentence not in skip), None)
    if first is None or first.sentence > _STORY_TOLL_REACH:
        return None  # far down a long page, a first figure of the harm is another story's
    return first if _states_whole_toll(ctx, first) else None


_STORY_TOLL_REACH = 15  # sentences: a feature gives its toll within its opening


def _same_group(a: Claim, b: Claim) -> bool:
    """The same noun counted, or both counted as people in general ("people", "victims", no noun)."""
    ha, hb = head(a.subject), head(b.subject)
    return ha == hb or (ha in _GENERIC_HEADS and hb in _GENERIC_HEADS)


_GENERIC_HEADS = {None, "people", "person", "victim", "other", "dead", "casualty", "body"}


def _a_people_whole(ctx: Context, toll: Claim) -> bool:
    """ "killed 40 Palestinians" ... "It has killed 40 people": a toll counted under a people's name (a
    capitalised plural: Palestinians, Iraqis, Kurds) is the toll of people in general, unless its
    sentence counts others of the harm beside it ("40 Palestinians and two Egyptians")."""
    words = (toll.subject or "").split()
    if not words or not words[-1][:1].isupper() or not words[-1].endswith("s"):
        return False
    return not any(
        c is not toll and c.category == toll.category for c in ctx.figures_in(toll.sentence, toll.sentence)
    )


# "In India, where 2,000 died", "in the town of Erzin, where two were killed": one place's share.
_PLACE_SCOPED = re.compile(r"\b[Ii]n\s+(?:[\w'-]+\s+){0,5}?[\w'-]+,\s+where\b[^.;]*$")


OTHER_AFTER = re.compile(r"^\s*(?:more\s+)?others?\b", re.I)


def additional(ctx: Context, claim: Claim) -> bool:
    """ "Four other people died": others beyond a group already counted, unless the group is of
    another harm in the same sentence ("five killed and 250 others injured")."""
    if not OTHER_AFTER.match(ctx.after(claim, 20)):
        return False
    earlier = [c for c in ctx.figures_in(claim.sentence, claim.sentence) if c.start < claim.start]
    return not any(c.category in HARM_CATEGORIES and c.category != claim.category for c in earlier)


_STOPS_OR_COLONS = re.compile(r"[.;:]")


def part_of_group(before: str) -> bool:
    """ "including two", "among them three", "of whom five", "Of the dead, 12": the figure counts part
    of a group ("of the" only where it opens the clause)."""
    clause = _STOPS_OR_COLONS.split(before)[-1]
    return any(
        m.group(0).lower() != "of the" or not clause[: m.start()].strip(" ,\"'“‘")
        for m in cue_pattern("part_of_group_words").finditer(clause)
    )  # "Of the dead, 12 were ...", not "the latest data of the fatality is only one"


def _same_named_source(ctx: Context, toll: Claim, later: Claim) -> bool:
    """Both figures rest on one named originator ("Governor X said" ... "X added"): a source gives one
    toll of a harm for the event it speaks of. Not when the toll spans several events ("in two
    explosions") or the later figure is given a place ("killed in the next district"): a share."""
    named = {s.originator for s in toll.sources if not s.anonymous and s.originator}
    if not named or not any(s.originator in named and not s.anonymous for s in later.sources):
        return False
    clause_after = re.split(r"[.;,]", ctx.after(later, 80))[0]
    return not (_PLACE_GIVEN.search(clause_after) or _SEVERAL_EVENTS().search(sentence_text(ctx, toll)))


def _placed_elsewhere(ctx: Context, toll: Claim, later: Claim) -> bool:
    """ "At least five people were injured and ten houses damaged in Takengon": a later figure whose
    clause (up to a stop or the speaker's verb) gives it a place the toll's sentence does not name
    counts that place's share."""
    clause = _CLAUSE_END.split(ctx.after(later, 120))[0]
    places = {m.group(1) for m in _PLACE_NAME.finditer(clause)}
    # "Neighbouring Bhanupur district has reported 430 cases and two deaths": a neighbour before it
    places |= {m.group(1) for m in _NEIGHBOUR_NAMED.finditer(ctx.before(later, 120).split(".")[-1])}
    return bool(places) and not any(p in sentence_text(ctx, toll) for p in places)


# the figure's clause ends at a stop or where the speaker comes in (", the governor said, adding that
# tents went up in Ista" places the tents)
_CLAUSE_END = re.compile(r"[.;]|\b(?:said|says|adding|added|told)\b")
_PLACE_NAME = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")
_NEIGHBOUR_NAMED = re.compile(
    r"\b(?i:neighbou?ring|nearby|adjacent|adjoining)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)"
)


# "killed in neighbouring Kot district", "hurt at the Oxford Street station"
_PLACE_GIVEN = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][a-z]+")


def _states_whole_toll(ctx: Context, claim: Claim, toll: Claim | None = None) -> bool:
    """Not an update, another event or period, a part of a group, or a figure next to others."""
    return not (
        updated(ctx, claim)
        or after_from(ctx, claim)  # "the toll rose from five announced at dawn": the old value
        or in_other_period(ctx, claim)
        or SOME_OF.match(ctx.after(claim, 20))
        or part_of_group(ctx.before(claim, 40))
        or _PART_OPENS.match(sentence_up_to(ctx, claim))  # "Of the deceased, four were ... and two were"
        or _PLACE_SCOPED.search(ctx.before(claim, 60))
        or additional(ctx, claim)
        or (toll is not None and _placed_elsewhere(ctx, toll, claim))
        or of_sentence(ctx, claim, running_total)
        or claim.qualifier == "approx"
        or not (
            (of_sentence(ctx, claim, _names_event_definitely) and not _latest_event_elsewhere(ctx, claim))
            or (toll is not None and _same_named_source(ctx, toll, claim))
            or (toll is not None and _bare_statement(ctx, toll, claim))
            or _it_names_the_event(ctx, claim)
            or _event_named_just_before(ctx, claim)
        )
        or of_sentence(ctx, claim, _superlative_cue)
        or _a_state_of_the_harmed(ctx, claim, toll)
        or claim.cue in PARTS_REFERRED_TO  # "Two were British tourists": some of the group before
        or bool(_ANOTHER_FIGURE.search(ctx.before(claim, 40)))  # "gave a higher figure of 45 dead"
        or bool(_A_SHARES_BASE.search(ctx.before(claim, 20)))  # "37% of the 3.5 million displaced"
        or bool(_A_LIST_GOES_ON.match(ctx.after(claim, 40)))  # "Florida reported 21 deaths, Georgia 9 ..."
        or (toll is not None and _wider_scope(ctx, toll, claim))
        or any(
            c is not claim and c.category == claim.category and not _part_of_it(ctx, claim, c)
            for c in ctx.figures_in(claim.sentence, claim.sentence)
        )
    )


def _bare_statement(ctx: Context, toll: Claim, claim: Claim) -> bool:
    """ "The governor said 50 were injured": a sourced figure whose sentence names no event, period,
    hospital or morgue, and no place up to the end of the figure's clause ("..., adding that camps
    were set up in Manokwari" places the camps), gives the toll of the one event the lede tells (not
    when the lede's toll spans several events: then it may be one event's share)."""
    if not claim.sources or claim.hedge or _SEVERAL_EVENTS().search(sentence_text(ctx, toll)):
        return False  # a hedged figure ("claimed", "could not be verified") is one side's, not the toll
    sentence = sentence_text(ctx, claim)
    if _DISPUTED.search(sentence):
        return False  # "..., a figure the ministry denied": two sides' tolls, the contested rule's
    definite, indefinite = _EVENT_REFERENCES()
    if definite.search(sentence) or indefinite.search(sentence) or _A_WARD.search(sentence):
        return False
    own_clause = ctx.before(claim, 400) + claim.text + re.split(r"[,;.]", ctx.after(claim, 120))[0]
    return not _SOME_PLACE().search(own_clause) and not _moved_on(ctx, toll, claim)


def _moved_on(ctx: Context, toll: Claim, claim: Claim) -> bool:
    """Has the copy told of another event or period between the toll and the figure ("A car bomb went
    off in ...", "Last year ...")? Then a bare figure after it may be that event's (a long page of
    several stories, a background section)."""
    marks = ctx.read(("other-events-told",), partial(_other_events_told, ctx))
    i = bisect.bisect_right(marks, toll.sentence)
    return i < len(marks) and marks[i] < claim.sentence


def _other_events_told(ctx: Context) -> list[int]:
    """The sentences that tell of an event indefinitely or place what they tell in another period."""
    indefinite = _EVENT_REFERENCES()[1]
    told = (s for s in ctx.doc.sentences if indefinite.search(s.text) or other_period(s.text, records=False))
    return [s.index for s in told]


_DISPUTED = re.compile(
    r"\b(?:denied|denies|disputed|disputes|rejected|rejects|contested|contradicted)\b", re.I
)

# "Hospital officials said 12 were treated", "the morgue received 30 bodies": one ward's count
_A_WARD = re.compile(r"\b(?:hospitals?|clinics?|morgues?|mortuary|mortuaries)\b", re.I)


@cache
def _SOME_PLACE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """ "In neighbouring Central Aceh district", "in his village": a place anywhere in a sentence."""
    places = words_pattern(data("casualties")["populated_places"])
    named = r"(?:the\s+)?(?:[a-z]+\s+)?[A-Z][a-z]+"
    common = rf"(?:the|his|her|their|its|that|this|one|a|each)\s+(?:[a-z-]+\s+)?(?:{places})s?\b"
    prepositions = r"[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Oo]utside|[Ii]nside|[Aa]round|[Aa]cross|[Bb]elow|[Bb]eyond"
    return re.compile(rf"\b(?:{prepositions})\s+(?:{named}|{common})")


# "gave a higher figure of 45", "its own count of 50", "a lower death toll of 27": a figure set against
# the toll, not the toll
_ANOTHER_FIGURE = re.compile(
    r"\b(?:higher|lower|different|separate|own|new|revised)\s+(?:death\s+|casualty\s+|injury\s+)?"
    r"(?:figure|toll|count|tally|estimate)\s+of\s*$",
    re.I,
)


def _wider_scope(ctx: Context, toll: Claim, claim: Claim) -> bool:
    """ "put the overall toll on both sides at 41" after one side's toll: a total over more than the
    toll counted (its sentence names a scope the toll's does not)."""
    return bool(_WIDER.search(sentence_text(ctx, claim))) and not _WIDER.search(sentence_text(ctx, toll))


_WIDER = re.compile(r"\b(?:overall|combined|(?:on\s+)?(?:both|all)\s+sides)\b", re.I)

# "21 deaths, Georgia 9 and South Carolina 4": the figure opens a list of places' shares
_A_LIST_GOES_ON = re.compile(
    r"^\s*(?:[a-z]+\s*)?(?:,|\band\b)\s*(?:[A-Z][\w'-]*\s+){1,3}(?:had\s+|reported\s+)?\d"
)


def _a_state_of_the_harmed(ctx: Context, claim: Claim, toll: Claim | None = None) -> bool:
    """ "Eight remain in hospital", "Eight were in critical condition": a figure of the hurt counted by
    their state (severity, hospital) is the part in that state, never the whole toll; so are those
    counted by where they are (`placed_cues`: "centres hosting 57,800 people", "volunteers buried 46
    people"), unless the toll counts them the same way."""
    cue = claim.cue or ""
    if has_cue(cue, "placed_cues") and not (toll is not None and (toll.cue or "").lower() == cue.lower()):
        return True
    return claim.category == "wounded" and (
        has_cue(ctx.after(claim, 40), "severity_words") or has_cue(cue, "severity_words")
    )


def _latest_event_elsewhere(ctx: Context, claim: Claim) -> bool:
    """Does "the quake" of the figure's sentence refer to another event? A definite reference names
    the event told last: when the latest sentence before it (after the lede) that tells of an event
    places it in another period ("In April last year an 8.6-magnitude quake struck ... Five people
    died in the quake"), the figure is that event's. "The first quake" of a series is still this one."""
    lede = set(lede_sentences(ctx))
    definite, indefinite = _EVENT_REFERENCES()
    for index in range(claim.sentence - 1, -1, -1):
        if index in lede:
            return False
        previous = ctx.sentence_at(index)
        if previous is not None and (definite.search(previous.text) or indefinite.search(previous.text)):
            return other_period(previous.text, records=False)
    return False


def _event_named_just_before(ctx: Context, claim: Claim) -> bool:
    """ "He said no group had claimed the explosion. Authorities said 13 people were hurt": a
    sentence that names no event at all, right after one of its paragraph that names the event
    definitely, is about that event."""
    sentence = sentence_text(ctx, claim)
    previous = ctx.sentence_at(claim.sentence - 1)
    if previous is None or previous.paragraph != ctx.paragraph(claim):
        return False
    definite, indefinite = _EVENT_REFERENCES()
    if definite.search(sentence) or indefinite.search(sentence) or _PLACE_NAMED.search(sentence):
        return False
    return _names_event_definitely(previous.text) and _tells_of_this_event(previous.text)


# "in Papua", "at the Oxford Street station": a place given to the figure keeps it a place's share
_PLACE_NAMED = re.compile(r"\b(?:in|at|near|from)\s+(?:the\s+)?[A-Z][a-z]+")


def _part_of_it(ctx: Context, whole: Claim, other: Claim) -> bool:
    """The other figure of the harm in the sentence counts some of this one ("killed 14 people,
    including three children"; "13 were hurt but 11 were still in hospital"): no sibling."""
    after = other.start > whole.start
    return after and (part_of_group(ctx.between(whole, other)) or _severe_part(ctx, whole, other))


def _severe_part(ctx: Context, whole: Claim, other: Claim) -> bool:
    """ "13 were hurt but 11 were still in hospital": the other figure of the harm counts the
    seriously hurt among this one, no sibling of it."""
    return other.start > whole.start and has_cue(ctx.after(other, 40), "severity_words")


def _superlative_cue(sentence: str) -> bool:
    return has_cue(sentence, "superlatives")


def _names_event_definitely(sentence: str) -> bool:
    """ "the quake", "those temblors", "Sunday's blast", "the death toll", and no "a car bomb" or
    "another attack"."""
    definite, indefinite = _EVENT_REFERENCES()
    return bool(definite.search(sentence)) and not indefinite.search(sentence)


def _it_names_the_event(ctx: Context, claim: Claim) -> bool:
    """ "It did not kill anyone but hurt 30 people": the subject "it" of a verb that harms is the event
    the sentence before told, unless that sentence tells of an earlier one ("The last major quake
    to hit the region was in February. It killed 612 people") or of another period."""
    sentence = sentence_text(ctx, claim)
    if not _IT_HARMED().match(sentence) or _EVENT_REFERENCES()[1].search(sentence):
        return False
    previous = ctx.sentence_at(claim.sentence - 1)
    return _tells_of_this_event(previous.text if previous is not None else "")


def _tells_of_this_event(sentence: str) -> bool:
    """No other period and no earlier event ("The last major quake to hit the region ...")."""
    return not (other_period(sentence) or _EARLIER_EVENT().search(sentence))


@cache
def _IT_HARMED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    verbs = words_pattern(lexicon()["event_pronoun_verbs"])
    return re.compile(rf"\W*It\s+(?:[a-z]+\s+){{0,5}}?(?:{verbs})\b")


@cache
def _EARLIER_EVENT() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    nouns = words_pattern(lexicon()["toll_events"])
    earlier = words_pattern(lexicon()["earlier_event_words"])
    return re.compile(rf"\b(?:{earlier})\s+(?:[a-z-]+\s+){{0,2}}(?:{nouns})", re.I)


@cache
def _EVENT_REFERENCES() -> tuple[re.Pattern[str], re.Pattern[str]]:  # noqa: N802 - compiled once
    nouns = words_pattern(lexicon()["toll_events"])
    modifiers = r"(?:[a-z][a-z-]*\s+){0,2}"
    determiners = r"(?:the|this|that|these|those|its|[A-Z][a-z]+day's)"
    definite = re.compile(rf"\b{determiners}\s+{modifiers}(?:{nouns}|toll)(?:s|es)?\b", re.I)
    indefinite = re.compile(
        rf"\b(?:an?|another|one|two|three|several|separate|other|earlier|previous|many|some|multiple)\s+"
        rf"{modifiers}(?:{nouns})(?:s|es)?\b",
        re.I,
    )
    return definite, indefinite


@cache
def _ONE_OF_THEM() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """ "the first blast", "the second explosion", "one attack", "each bomb": one of several events."""
    nouns = words_pattern(lexicon()["toll_events"])
    which = r"(?:first|second|third|fourth|fifth|last|final|latest|earlier|later|one|each|another)"
    return re.compile(rf"\b{which}\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?:{nouns})\b", re.I)


@cache
def _SEVERAL_EVENTS() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """ "in two explosions", "a series of attacks", "several blasts": a toll summed over events."""
    nouns = words_pattern(lexicon()["toll_events"])
    several = r"(?:two|three|four|five|several|multiple|many|\d+|a\s+series\s+of|a\s+wave\s+of)"
    return re.compile(rf"\b{several}\s+(?:[a-z][a-z-]*\s+){{0,2}}(?:{nouns})(?:s|es)\b", re.I)


def _document_toll(ctx: Context) -> Claim | None:
    """The lede's first exact killed figure: the toll a story with one event keeps naming."""
    lede = set(lede_sentences(ctx))
    tolls = [c for c in ctx.figures if c.sentence in lede and c.category == "killed"]
    if not tolls or tolls[0].qualifier != "exact" or vague(tolls[0]) or updated(ctx, tolls[0]):
        return None
    return tolls[0]


def toll_named(ctx: Context) -> Iterator[tuple[Claim, Claim, str, Confidence]]:
    """ "the loss of three children", "the deaths of those three people": the dead named as a whole."""
    toll = _document_toll(ctx)
    if toll is None:
        return
    heads = set(headline_sentences(ctx))
    for later in ctx.figures:
        if (
            later.sentence > toll.sentence
            and later.sentence not in heads
            and is_people(later)
            and head(later.subject) not in lexicon()["not_lives"]
            and _TOLL_NOMINAL().search(ctx.before(later, 40))
            and not updated(ctx, later)
            and not in_other_period(ctx, later)
            and not SOME_OF.match(ctx.after(later, 20))
        ):
            yield toll, later, "the toll named again", "low"


# "the deaths of two of the victims" names some of the dead ("three of our citizens" names them all)
SOME_OF = re.compile(r"^\s*of\s+(?:the|them|those|these|whom)\b", re.I)


@cache
def _TOLL_NOMINAL() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    words = words_pattern(lexicon()["toll_nominals"])
    return re.compile(rf"\b(?:{words})\s+(?:(?:the|those|these|all|our|their)\s+)?$", re.I)
