"""What a figure counts: head-counts of people and the casualty categories around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import NamedTuple

from audit.extract.families import cues, inflected, noun_forms, verb_forms
from audit.extract.figure import Figure
from audit.extract.vocab import head_nouns, is_people_noun, modifier_stops, people_nouns, plural_after
from audit.lexicon import data, end_of, ends_in, may_hold, runs_of, words_pattern
from audit.model import GROUP_REFERRED_TO, REST_OF_A_GROUP

_TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*|[^\sA-Za-z\d]")


def read_people(text: str, fig: Figure) -> bool:
    """'15 Iraqi soldiers', '2,700 others', 'eight of the jurors': a head-count, its noun and subject."""
    pos = fig.end
    tokens = list(islice(_TOKEN.finditer(text, pos, min(len(text), pos + 80)), 7))
    modifiers, skip_of, prev_word = 0, True, ""
    for t in tokens:
        w = t.group(0)
        lw = w.lower().replace("\u2019", "'")
        if is_people_noun(lw) or (lw.endswith("'s") and is_people_noun(lw[:-2])):
            if modifiers and lw in ("dead", "casualties"):
                return False
            if lw == "others" and _others_are_things(text, fig):
                return False  # "4,870 houses collapsed and 21,300 others were damaged"
            t = _compound_head(text, t)  # "4 police officers": the head is the last noun
            fig.unit, fig.kind, fig.noun_end = "people", "count", t.end()
            generic = lw in _GENERIC_HEADS
            phrase = _OF_DETERMINER.sub("", text[pos : t.end()])
            fig.subject = None if generic else phrase.strip(" -")
            return True
        if (
            lw in ("who", "whom", "aboard", "onboard") and t is tokens[0]
        ):  # "the three who voted", "300 aboard"
            fig.unit, fig.kind, fig.noun_end = "people", "count", t.end()
            return True
        if skip_of and lw == "of":
            skip_of = False
            continue
        if not skip_of and lw in _DETERMINERS and modifiers == 0:
            continue
        if lw in ("and", "or") and modifiers and prev_word in _paired_modifiers():
            continue  # "1,208 current and former hourly workers": the pair modifies the noun
        stop = lw in modifier_stops() and not (w.isupper() and len(w) > 1)  # "IS insurgents" is a name
        if not w[0].isalpha() or stop or modifiers >= 3:
            return _population(text, fig)
        modifiers += 1
        skip_of = False
        prev_word = lw
    return _population(text, fig)


@cache
def _paired_modifiers() -> frozenset[str]:
    return frozenset(data("casualties")["paired_modifiers"])


def _others_are_things(text: str, fig: Figure) -> bool:
    """ "others" right after a figure names more of what the figure before it in the sentence
    counted: things, when that figure's noun is a plural that names no people."""
    m = _COUNTED_BEFORE.search(text, max(0, fig.start - 100), fig.start)
    return m is not None and not _may_be_people(m.group(1).lower()) and m.group(1) not in head_nouns()


_COUNTED_BEFORE = re.compile(
    r"(?:\d[\d,.]*|\b(?i:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands))"
    r"\s+(?:[a-z-]+\s+)?([a-z]{3,}[a-rt-z]s)\b[^.;:\d]{0,60}$"
)


_GENERIC_HEADS = frozenset({"people", "others", "persons", "dead", "casualties", "lives", "population"})


def _compound_head(text: str, t: re.Match[str]) -> re.Match[str]:
    """ "police officers", "army soldiers": a people noun right after a people noun is the head."""
    nxt = _TOKEN.match(text, t.end() + 1) if text[t.end() : t.end() + 1] == " " else None
    if nxt is None:
        return t
    lw = nxt.group(0).lower()
    return nxt if is_people_noun(lw) and lw not in _GENERIC_HEADS else t


def _population(text: str, fig: Figure) -> bool:
    """'a town of 167,000', 'a population of 230 million': the people of a place, no noun after;
    or a group named back with no noun ("All 23 were released")."""
    if _named_back_bare(text, fig):
        fig.unit, fig.kind = "people", "count"
        return True
    pats = _population_patterns()
    people_verb = pats["verb_after"].match(text, fig.end) or pats["side_or_group_after"].match(text, fig.end)
    crowd = pats["crowd_before"].search(text, max(0, fig.start - 60), fig.start) or pats[
        "numbered_before"
    ].search(text, max(0, fig.start - 60), fig.start)
    before = pats["before"].search(text, max(0, fig.start - 60), fig.start)
    bare_after = pats["after"].match(text, fig.end)
    # "his family of seven escaped", "a 12-member committee", "a 5,000-strong force": a group's
    # size, whatever verb follows, when no thing is counted after it
    group_of = pats["group_of_before"].search(text, max(0, fig.start - 40), fig.start)
    sized = (group_of or pats["member_after"].match(text, fig.end)) and not _things_after(text, fig)
    # "hired 300 last year"; not "to sentence one of the city's criminals", a person, no count
    object_of = (
        pats["object_of"].search(text, max(0, fig.start - 40), fig.start) is not None
        and fig.value != 1
        and not _things_after(text, fig)
    )
    if not (people_verb or object_of or sized or ((before or crowd) and bare_after)):
        return False
    fig.unit, fig.kind = "people", "count"
    return True


# "All 23 were released", "The 12 had been held": a determiner that names a group back opening the
# clause, a bare number, then a verb of being or having
_BACK_BEFORE = re.compile(r"(?:^|[.;:!?]\s+|\n)\W*(?:all|the|these|those|both)\s+$", re.I)
_BEING_AFTER = re.compile(r"\s+(?:were|are|had|have|remain|remained)\b", re.I)


def _named_back_bare(text: str, fig: Figure) -> bool:
    return bool(_BACK_BEFORE.search(text[max(0, fig.start - 30) : fig.start])) and bool(
        _BEING_AFTER.match(text, fig.end)
    )


@cache
def _population_patterns() -> dict[str, re.Pattern[str]]:
    cas = data("casualties")
    qualifiers = words_pattern(data("numbers")["qualifiers_before"])
    places = words_pattern(noun for place in cas["populated_places"] for noun in noun_forms(place))
    return {
        # ... or "the population has grown to 66.2 million", "the town's population stood at"
        "before": re.compile(
            rf"(?:\b(?:population|inhabitants)\s+(?:of\s+)?|\b(?:an?|the|its)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:{places})\s+of\s+|\bpopulation\s+(?:had\s+|has\s+|have\s+)?"
            rf"(?:{words_pattern(inflected(tuple(cas['toll_verbs'])))})(?:\s+(?:to|at))?\s+)(?:(?:{qualifiers})\s+)*$",
            re.I,
        ),
        # nothing counted after the figure: punctuation, the end, or a word that starts no noun phrase
        # ... or a verb the place's people are the subject of ("a population of 50 million needs aid")
        "after": re.compile(
            rf"\s*(?:[^\w\s]|$|(?:{words_pattern([*modifier_stops(), *cas['population_verbs']])})\b)", re.I
        ),
        # "put the crowd at", "a crowd of", "attendance was"
        "crowd_before": re.compile(
            rf"\b(?:{words_pattern(cas['crowd_nouns'])})\s+(?:[\w-]+\s+){{0,2}}?(?:at|of|was|is|as|reached|numbered)"
            rf"\s+(?:(?:{qualifiers})\s+)*$",
            re.I,
        ),
        # "the gunmen numbered more than 100", "the protesters totalled about 4,000", "the attackers,
        # estimated at around 40,"
        "numbered_before": re.compile(
            rf"\b(?:{words_pattern(people_nouns())}),?\s+(?:numbered|number|numbering|totalled|totaled|totalling"
            r"|(?:estimated|put|thought|believed|reckoned|said)\s+(?:to\s+(?:be|have\s+been|number)\s+)?at|"
            r"estimated|(?:thought|believed|said)\s+to\s+(?:be|number))"
            rf"\s+(?:(?:{qualifiers})\s+)*[\"“‘']?$",
            re.I,
        ),
        "group_of_before": re.compile(
            rf"\b(?:an?|the|his|her|their|its|my|our|your)\s+(?:[\w-]+\s+)?"
            rf"(?:{words_pattern(cas['group_nouns'])})\s+of\s+(?:(?:{qualifiers})\s+)*$",
            re.I,
        ),
        "member_after": re.compile(r"-(?:member|strong|man|woman|person)\b", re.I),
        # "200,000 attended", "some 5,000 turned out"
        "verb_after": re.compile(rf"\s+(?:{words_pattern(cas['people_verbs'])})\b", re.I),
        # "four in the climbing party", "nine in favour and three against"
        "side_or_group_after": re.compile(
            rf"\s+(?:(?:{words_pattern(cas['vote_sides'])})\b|in\s+(?:the|their|his|her|a)\s+(?:[\w-]+\s+)?"
            rf"(?:{words_pattern(cas['group_nouns'])})\b)",
            re.I,
        ),
        # "indicted two", "has hired 300": the object of a verb whose object is people
        "object_of": re.compile(
            rf"\b(?:{words_pattern(f for v in cas['people_object_verbs'] for f in verb_forms(v))})\s+"
            rf"(?:(?:{qualifiers})\s+)*$",
            re.I,
        ),
    }


_DETERMINERS = frozenset({"the", "her", "his", "their", "our", "its", "those", "these", "my", "your", "whom"})
_OF_DETERMINER = re.compile(rf"^\s*of\s+(?:(?:{'|'.join(sorted(_DETERMINERS))})\s+)?")


# "burnt to death", "suffocated to death", "hacked to death": any verb to death kills
_TO_DEATH = r"(?-i:[a-z]+(?:ed|en|t))\s+to\s+death"


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    cas, fam = data("casualties"), cues()
    after_alts, noun_of_alts = [], []
    suffering = words_pattern(inflected(tuple(cas["suffering_verbs"])))
    for cat, words in fam.after.items():
        # "eight people suffered serious injury", "one with serious burns": a harm noun after a verb of
        # suffering or "with", in either number
        persons = words_pattern(fam.persons[cat])
        # "with" only for injuries: "with serious burns", never "with death threats" or "with killing"
        opener = f"{suffering}|with" if cat == "wounded" else suffering
        suffered = rf"(?:{opener})\s+(?:from\s+)?(?:[\w-]+\s+){{0,2}}?(?:{persons})"
        alts = [
            words_pattern(words),
            suffered if fam.persons[cat] else "",
            _TO_DEATH if cat == "killed" else "",
        ]
        after_alts.append(f"(?P<{cat}>{'|'.join(p for p in alts if p)})")
    for cat, words in fam.noun_of.items():
        if words:
            noun_of_alts.append(f"(?P<{cat}>{words_pattern(words)})")
    qualifiers = words_pattern([*data("numbers")["qualifiers_before"], *_DETERMINERS, "a", "an"])
    tolls = words_pattern(cas["tolls"])
    verb_forms_only = words_pattern(inflected(tuple(cas["toll_verbs"])))
    return {
        "after": re.compile(rf"\b(?:{'|'.join(after_alts)})\b", re.I),
        "noun_of": re.compile(rf"\b(?:{'|'.join(noun_of_alts)})\s+of\s+(?:(?:{qualifiers})\s+)*$", re.I),
        # "the death toll rose to", "the homicide total to": a total is a toll when its kind is named
        # a toll verb may stand far from the toll; a bare "to", "at" or "of" only near it ("put the toll
        # at 11"; not "the toll is expected to rise, and funds went to 300 families")
        "toll": re.compile(
            rf"\b(?:({tolls})\s+(?:tolls?|totals?|tally|count)|tolls?)\b"
            rf"(?:[^.;]{{0,60}}?\b(?:{verb_forms_only})(?:\s+(?:to|at|from))?|[^.;,]{{0,25}}?\b(?:to|at|of))?\s*$",
            re.I,
        ),
        # "the death toll in the collapse of a three-storey building in the old town rose to": a toll far
        # before its figure, joined by a toll verb (not a bare "to"), no other figure between
        "toll_far": re.compile(
            rf"\b(?:({tolls})\s+)?tolls?\b[^.;\d]{{0,110}}?\b(?:{verb_forms_only})(?:\s+(?:to|at))?\s*$", re.I
        ),
        # "deaths rose to", "the number of fatalities stood at": no other figure between, and no clause
        # of another subject ("12 more deaths as cases pass 1,000": the cases pass it)
        "toll_noun": re.compile(
            rf"\b({words_pattern(cas['toll_nouns'])})\b(?:(?!\b(?:as|while|when|whereas|but|and)\s)[^.;\d]){{0,40}}?"
            rf"\b(?:{verb_forms_only})"
            rf"(?:\s+(?:to|at|from))?\s*$",
            re.I,
        ),
        # "lost 300 men", "the loss of those three people"
        "lost": re.compile(
            rf"\b(?:{words_pattern(verb_forms('lose'))}|loss(?:es)?\s+of)(?:\s+(?:{words_pattern(_DETERMINERS)}))?\s*$",
            re.I,
        ),
        # a new clause: a conjunction of `clause_breaks`, a stop, or a speaker's "..., he said," set
        # between two clauses ("Among the dead were seven women, he said, and 14 were treated")
        "breaks": re.compile(
            rf"\b(?:{words_pattern(cas['clause_breaks'])})\b|[;:()\u2014]|\s-\s"
            r"|,\s+(?:he|she|they|it|police|officials)\s+(?:said|added|says|told\s+\w+)\s*,",
            re.I,
        ),
        "leave": re.compile(rf"\b(?:{words_pattern(inflected(tuple(cas['leave_verbs'])))})\s*$", re.I),
        "not_harmed": re.compile(
            rf"\b(?:{words_pattern(cas['not_harmed_after'])})\s+(?:just\s+|only\s+)?$", re.I
        ),
        "sparing": re.compile(rf"\b(?:{words_pattern(inflected(tuple(cas['sparing_verbs'])))})\s*$", re.I),
    }


_QUALIFIER_DETERMINERS = ("the", "a", "an", "another", "other", "more", "of", "all")


@cache
def _before_pattern() -> re.Pattern[str]:
    """A harm family's phrase that ends the text before a figure ("killing ", "the bodies of"): read by
    _before_cue as a look-up; compiled (a large pattern) only for a text whose letters fold."""
    alternatives = []
    for cat, words in cues().before.items():
        alts = [words_pattern(words), _TO_DEATH if cat == "killed" else ""]
        alternatives.append(f"(?P<{cat}>{'|'.join(p for p in alts if p)})")
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\s*$", re.I)


@cache
def _harm_patterns() -> dict[str, re.Pattern[str]]:
    groups = words_pattern(harmed_groups())
    counted = words_pattern({**harmed_groups(), **cues().counted_groups})
    qualifiers = words_pattern([*data("numbers")["qualifiers_before"], *_QUALIFIER_DETERMINERS])
    toll_verbs = words_pattern(inflected(tuple(data("casualties")["toll_verbs"])))
    return {
        # what may stand between a cue and its figure: "killing at least 12", "wounded some of the 40"
        "qualifier_or_det": re.compile(rf"(?:\b(?:{qualifiers})\s+)*$", re.I),
        "of_the": re.compile(rf"\b(?:of|among)\s+(?:the|those)\s+({counted})\s*,?[^.;:]{{0,80}}$", re.I),
        # "Of the 130 injured, 77 were women": the part right after the counted group
        "of_the_n": re.compile(
            rf"\b(?:of|among)\s+the\s+[\d,.]+\s+({counted})\s*,\s*(?:(?:{qualifiers})\s+)*$", re.I
        ),
        # "the injured, among them six women": a share of a harmed group named with no number
        "group_share": re.compile(
            rf"\bthe\s+({groups})\s*,\s*(?:among\s+them|including)\s+(?:(?:{qualifiers})\s+)*$", re.I
        ),
        # "the victims were two women and a boy", "the dead included 12 children"
        "group_were": re.compile(
            rf"\b(?:the|those)\s+({groups})(?:\s+(?:in|at|from|on|of)\s+[^.;:,\d]{{1,60}}?)?\s+"
            rf"(?:{words_pattern(inflected(tuple(data('casualties')['group_verbs'])))})\s+"
            rf"(?:(?:{qualifiers})\s+)*$",
            re.I,
        ),
        # "the number of dead", "put the number of civilians killed at 30", "the tally of those injured"
        # ... or further, with a toll verb right before the figure ("The number of workers killed in
        # Tuesday night's fire at a plastics factory in Machakos County has risen to 14")
        "number_of": re.compile(
            rf"\b(?:number|count|tally|total)\s+of\s+(?:(?!who\b|that\b|which\b)[A-Za-z-]+\s+){{0,2}}?({counted})\b"
            rf"(?:(?:[^.;:]|(?<=\d)\.(?=\d)){{0,60}}"  # a decimal point ("magnitude 6.8") ends no clause
            rf"|[^.;:\d]{{0,110}}?\b(?:{toll_verbs})(?:\s+(?:to|at))?\s+(?:(?:{qualifiers})\s+)*)$",
            re.I,
        ),
    }


@cache
def _cue_keys() -> dict[str, frozenset[str]]:
    """The runs of letters without which each cue pattern cannot match (lexicon.runs_of): the words
    one of which ends the text before a figure for the patterns anchored there ("_end"), or one of
    which the text must hold."""
    cas, fam = data("casualties"), cues()
    qualifiers = data("numbers")["qualifiers_before"]
    return {
        "before_end": runs_of([*set().union(*fam.before.values()), "death"], last=True),  # _TO_DEATH
        "noun_of_end": runs_of(["of", *qualifiers, *_DETERMINERS, "a", "an"], last=True),
        "lost_end": runs_of([*verb_forms("lose"), "of", *_DETERMINERS], last=True),
        "toll": runs_of(["toll", "tolls", "total", "totals", "tally", "count"]),
        "toll_noun": runs_of(list(cas["toll_nouns"])),
        "split_verb_end": runs_of(sorted(_split_phrase_tails()), last=True),
        "and_end": runs_of(["and"], last=True),
        "qualifier_or_det_end": runs_of([*qualifiers, *_QUALIFIER_DETERMINERS], last=True),
        "not_harmed": runs_of(cas["not_harmed_after"]),
        "after": runs_of(
            [*set().union(*fam.after.values()), *inflected(tuple(cas["suffering_verbs"])), "death"]
        ),
        "groups": runs_of([*harmed_groups(), *cues().counted_groups]),
    }


def harmed_groups() -> dict[str, str]:
    """The groups of the harmed named before a figure ("of the dead", "among the arrested")."""
    return cues().groups


def casualty_before(text: str, fig: Figure) -> tuple[str, str] | None:
    """An active cue right before the figure: 'killing 12', 'wounded at least 22 others'; a cue in
    scare quotes too ('had "neutralised" more than 100')."""
    raw_head = text[max(0, fig.start - 50) : fig.start]
    if any(q in raw_head for q in _QUOTES):  # a cheap test first: most heads hold no quote mark
        raw_head = _SCARE_QUOTE_CLOSING.sub(r"\1\2", raw_head)
    raw_end = end_of(raw_head)  # the word each text ends in, read once for every cue that ends there
    head = _without_qualifiers(raw_head, raw_end)
    cut = head != raw_head
    end = end_of(head) if cut else raw_end
    if split := _split_phrase(text, fig, head, end):  # before "shot": "shot one man dead" is killed
        return split
    m = (
        _before_cue(head, end)
        or (_before_cue(raw_head, raw_end) if cut else None)
        or _noun_of_cue(raw_head, raw_end)
    )
    if m and _near_miss(raw_head, raw_head.rfind(m.written)):
        return None  # "nearly killed two hikers": the harm did not happen
    if m:
        return m.category, m.written.strip()
    # "killed a commander and five of his guards"
    if possessive := _POSSESSIVE_LAST.search(head):  # "killing a mother and her three children"
        head = head[: possessive.start()] + " "
        end = end_of(head)
    coordinated = _AFTER_A_SINGULAR.search(head) if ends_in(end, _cue_keys()["and_end"]) else None
    if coordinated and (m := _before_cue(first := head[: coordinated.start()], end_of(first))):
        return m.category, m.written.strip()
    lost = _lost_cue(head, end) or (_lost_cue(raw_head, raw_end) if cut else None)
    if lost and (_noun_of(text, fig) in _lost_as("lost_to_death") or _family_members(text, fig)):
        return "killed", lost.group(0).strip()  # "I lost two of my closest friends"
    if lost and _noun_of(text, fig) in _lost_as("lost_in_war"):
        return "casualties", lost.group(0).strip()  # "the army lost 300 men"
    # "the death toll rose to 12", "put the toll at 11", "the toll from the quake a day before rose to 10"
    toll = _toll_cue(head) or _toll_cue(text[max(0, fig.start - 100) : fig.start]) or _far_toll_cue(text, fig)
    if toll:
        category = data("casualties")["tolls"].get((toll.group(1) or "death").lower(), "killed")
        return category, toll.group(0).strip()
    if toll := _toll_noun_cue(head):
        return data("casualties")["toll_nouns"][toll.group(1).lower()], toll.group(0).strip()
    return None


# 'had "neutralised" more than 100': a quoted verb, its closing quote dropped before the cue is read
_QUOTES = ('"', "\u201d", "\u2019", "'")
_SCARE_QUOTE_CLOSING = re.compile(
    r"(\w)[\"\u201d\u2019'](\s+(?:(?:more|less|fewer)\s+than\s+|at\s+least\s+|about\s+|some\s+)?)$"
)
# Each cue pattern before a figure is searched only when the text's words allow a match (_cue_keys):
# most texts before a figure end in no cue word, and a look-up of their last word is far cheaper than
# a search that tries every position.


def _without_qualifiers(head: str, end: str | None) -> str:
    """`head` (ending in `end`: lexicon.end_of) without the qualifiers and determiners that end it:
    "killing at least " -> "killing "."""
    if ends_in(end, _cue_keys()["qualifier_or_det_end"]):
        cut = head[: _harm_patterns()["qualifier_or_det"].search(head).start()]  # type: ignore[union-attr]
        return _OPENING_QUOTE.sub(" ", cut)  # 'killed "at least six bandits"': the verb before the quote
    return head[:-1] if head.endswith("\n") else head  # no qualifier: the pattern matches nothing at "$"


_OPENING_QUOTE = re.compile(r"\s[\"“‘']$")


class _Cue(NamedTuple):
    category: str
    written: str  # as the text writes it, to the end of the text searched


def _before_cue(head: str, end: str | None) -> _Cue | None:
    """What _before_pattern() finds in `head` (ending in `end`): its leftmost phrase of a harm
    family that ends the head, trailing white space aside. Looked up, not searched for: the phrase
    starts at a word within the head's last few words, and a whitespace run in it is a space (as
    the pattern's \\s+); the pattern (compiled only then) reads a text whose letters fold."""
    if end is None:
        found = _before_pattern().search(head)
        return _Cue(found.lastgroup or "other", found.group(0)) if found else None
    if end not in _cue_keys()["before_end"]:
        return None
    stripped = head.rstrip()
    words = [w.start() for w in _NON_SPACE.finditer(stripped)]
    since = words[-_before_phrases().longest] if len(words) > _before_phrases().longest else 0
    for start in _WORD_START.finditer(stripped, since):
        if category := _before_phrases().category(stripped[start.start() :].split()):
            return _Cue(category, head[start.start() :])
    return None


_NON_SPACE = re.compile(r"\S+")
_WORD_START = re.compile(r"\b[A-Za-z]")  # where a phrase of the lists (lower-case ASCII words) may start
_LOWER_PAST = re.compile(r"[a-z]+(?:ed|en|t)")  # _TO_DEATH's verb, case-sensitive


@dataclass(frozen=True)
class _Phrases:
    """The phrases of the harm families before a figure, by category in the pattern's order."""

    by_category: dict[str, frozenset[str]]
    longest: int  # in words

    def category(self, words: list[str]) -> str | None:
        """The first category one of whose phrases `words` (as written, split at white space) is."""
        phrase = " ".join(words).lower()
        for category, phrases in self.by_category.items():
            if phrase in phrases or (category == "killed" and _to_death(words)):
                return category
        return None


def _to_death(words: list[str]) -> bool:
    """ "burnt to death": _TO_DEATH, whose verb is written in lower case."""
    return (
        len(words) == 3
        and words[1].lower() == "to"
        and words[2].lower() == "death"
        and bool(_LOWER_PAST.fullmatch(words[0]))
    )


@cache
def _before_phrases() -> _Phrases:
    by_category = {cat: frozenset(w for w in words if w) for cat, words in cues().before.items()}
    longest = max([3, *(len(p.split()) for phrases in by_category.values() for p in phrases)])  # 3: _TO_DEATH
    return _Phrases(by_category, longest)


def _noun_of_cue(head: str, end: str | None) -> _Cue | None:
    if not ends_in(end, _cue_keys()["noun_of_end"]):
        return None
    found = _cue_patterns()["noun_of"].search(head)
    return _Cue(found.lastgroup or "other", found.group(0)) if found else None


def _lost_cue(head: str, end: str | None) -> re.Match[str] | None:
    return _cue_patterns()["lost"].search(head) if ends_in(end, _cue_keys()["lost_end"]) else None


def _toll_cue(head: str) -> re.Match[str] | None:
    return _cue_patterns()["toll"].search(head) if may_hold(head, _cue_keys()["toll"]) else None


def _far_toll_cue(text: str, fig: Figure) -> re.Match[str] | None:
    window = text[max(0, fig.start - 160) : fig.start]
    return _cue_patterns()["toll_far"].search(window) if may_hold(window, _cue_keys()["toll"]) else None


def _toll_noun_cue(head: str) -> re.Match[str] | None:
    """ "Deaths rose to", "the number of fatalities stood at": a running count named by its noun."""
    return _cue_patterns()["toll_noun"].search(head) if may_hold(head, _cue_keys()["toll_noun"]) else None


def group_before(text: str, fig: Figure) -> tuple[str, str] | None:
    """A group of the harmed named before the figure: "of the dead, 12", "Of the 50 casualties, 20",
    "the number of injured rose to 40", "the victims were two women"."""
    pats = _harm_patterns()
    window = text[max(0, fig.start - 160) : fig.start]  # both patterns reach back at most ~110 characters
    if not may_hold(window, _cue_keys()["groups"]):
        return None  # every pattern names a group
    names = ("of_the", "of_the_n", "number_of", "group_were", "group_share")
    groups = (pats[name].search(window) for name in names)
    if of_the := next((m for m in groups if m), None):
        word = of_the.group(1).lower()
        return {**cues().counted_groups, **harmed_groups()}[word], of_the.group(0).strip(" ,")
    return None


@cache
def _PLACES_AFTER() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """Right after a figure, past two modifiers at most, places or buildings it counts: "three
    provinces", "two other hospitals", "four nearby villages"."""
    cas = data("casualties")
    places = [noun for place in cas["populated_places"] for noun in noun_forms(place)]
    return re.compile(
        rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{words_pattern(places)}|{cas['shelter_buildings']}|hospitals|clinics)\b",
        re.I,
    )


def _number_of_people(text: str, fig: Figure) -> tuple[str, str] | None:
    """ "the number of people affected at", "the total of students enrolled to": a number of people
    named before the figure, in its clause, counts them."""
    m = _NUMBER_OF_NOUN.search(text, max(0, fig.start - 100), fig.start)
    return ("count", m.group(0).strip()) if m and is_people_noun(m.group(1).lower()) else None


_NUMBER_OF_NOUN = re.compile(
    r"\b(?:number|count|tally|total)\s+of\s+([A-Za-z-]+)\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,60}$"
)


# a singular object coordinated before the figure: "a commander and ", "the driver and "
_POSSESSIVE_LAST = re.compile(r"(?<=\band)\s+(?:her|his|their|its)\s+$", re.I)
_AFTER_A_SINGULAR = re.compile(r"\s(?:an?|the|one)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+and\s+$", re.I)


def _split_phrase(text: str, fig: Figure, head: str, end: str | None) -> tuple[str, str] | None:
    """ "shot one man dead", "beat two guards to death", "took 12 people hostage", "forced 300
    families from their homes": the verb of a harm family's phrase before the figure, the phrase's
    tail after its noun, when the tail is one that may follow the object (casualties.yaml
    `tails_after_object`; "sentenced 12 men to death" is no phrase of a family). `end`: the word
    the head ends in (lexicon.end_of), which must be one of those verbs for the search to run."""
    verb = _split_phrase_verbs().search(head) if ends_in(end, _cue_keys()["split_verb_end"]) else None
    if verb is None:
        return None
    lemma_tails = _split_phrase_tails()[verb.group(1).lower()]
    after = _tail_after(lemma_tails).match(text, fig.end)
    if after is None:
        return None
    tail = " ".join(after.group(1).lower().split())
    category = next(cat for cat, t in lemma_tails if t == tail)
    return category, f"{verb.group(1)} ... {after.group(1)}"


@cache
def _split_phrase_tails() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each inflected verb of a family phrase with a movable tail -> its (category, tail) pairs."""
    cas = data("casualties")
    movable = cas["tails_after_object"]
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for cat, family in cas["harm_families"].items():
        for phrase in family.get("phrases", ()):
            verb, _, tail = phrase.partition(" ")
            if tail in movable:
                for form in verb_forms(verb):
                    out[form] = (*out.get(form, ()), (cat, tail))
    return out


@cache
def _split_phrase_verbs() -> re.Pattern[str]:
    return re.compile(rf"\b({words_pattern(sorted(_split_phrase_tails()))})\s+$", re.I)


@cache
def _tail_after(tails: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    words = words_pattern(sorted({t for _, t in tails}))
    return re.compile(rf"\s+(?:[A-Za-z'-]+\s+){{0,3}}?({words})\b", re.I)


def _noun_of(text: str, fig: Figure) -> str:
    """The people noun a head-count ends on ("two of my closest friends": friends), or ''."""
    if fig.noun_end < 0:
        return ""
    m = re.search(r"([A-Za-z'-]+)\W*$", text[: fig.noun_end])
    return m.group(1).lower() if m else ""


def _family_members(text: str, fig: Figure) -> bool:
    """ "lost five members of his family", "lost three family members": kin, lost to death."""
    if _noun_of(text, fig) != "members":
        return False
    return bool(_OF_A_FAMILY.match(text, fig.noun_end) or _FAMILY_BEFORE.search(text, fig.end, fig.noun_end))


_OF_A_FAMILY = re.compile(r"\s+of\s+(?:his|her|their|my|our|your|the|a)\s+(?:own\s+)?famil(?:y|ies)\b", re.I)
_FAMILY_BEFORE = re.compile(r"\bfamily\b", re.I)


@cache
def _lost_as(key: str) -> frozenset[str]:
    return frozenset(data("casualties")[key])


def read_category(text: str, fig: Figure, figures: list[Figure]) -> None:
    if fig.unit not in (None, "people") or fig.kind in ("fraction",):
        return
    if _a_reading(text, fig):
        return  # "a magnitude 6.8 earthquake", "the oldest was 91": a reading or an age, no head-count
    if _UNCOUNTED().match(text, fig.end):
        return  # "2,500 head of livestock drowned", "killed 40 sheep": animals, no head-count of people
    if _ABOARD_AFTER.match(text, fig.end) and casualty_before(text, fig) is None:
        fig.category, fig.unit, fig.kind = "count", "people", "count"
        return  # "with 150 on board, at least 34 dead": those aboard; not "killing 23 people on board,"
    near = max(0, fig.start - 30)
    if may_hold(text[near : fig.start], _cue_keys()["not_harmed"]) and _cue_patterns()["not_harmed"].search(
        text, near, fig.start
    ):
        if fig.unit == "people":  # "a mother of 13 who ...": her children, a head-count
            fig.category = "count"
        return  # "a mother of 12", "fired one shot"
    before = casualty_before(text, fig)
    if before and _harms_a_thing(text[fig.end : fig.end + 40]):
        before = None  # "seized 240 rifles", "captured 40 tanks": the verb's object is no people
    if before and before[0] == "wounded" and _TREATED_FOR_AN_ILLNESS().match(text, fig.end):
        before = None  # "treated 112,500 children for severe acute malnutrition": patients, not the hurt
    after = _casualty_after(text, fig, figures)
    if before is None and after is None:
        # "Of the 50 casualties, 20 were killed": its own verb first; "put the number of people
        # affected at 300,000": a head-count
        before = group_before(text, fig) or _number_of_people(text, fig)
        if before and _PLACES_AFTER().match(text, fig.end):
            before = None  # "Of the injured, 30 went to two other hospitals": it counts hospitals
    if (
        _spared(text, fig)
        and (before or (after and not _bears_the_harm(text, fig, after[1])))
        and "captured" not in (before and before[0], after and after[0])
    ):
        # "save six million lives", "rescued nine of the victims", "free 17 miners, four still trapped";
        # not "rescued 40 injured miners", nor "freed 11 hostages": captives freed were captured
        fig.category, fig.unit, fig.kind = "count", "people", "count"
        return  # those spared are counted, whatever harm their noun names
    # "left 24 others wounded": after a leave verb the cue comes after the figure
    leave = _cue_patterns()["leave"].search(text[max(0, fig.start - 12) : fig.start])
    chosen = (after or before) if leave else (before or after)
    # "180 were spending the night in evacuation centres"; "Two dead, more than 6,800 in evacuation
    # centres": a place right after the figure is its own, whatever the dead's cue said (but not
    # over a verb before it: "Cholera kills 38 in camps")
    if (chosen is None or (before is None and _SHELTER_RIGHT_AFTER.match(text, fig.end))) and _people_placed(
        _SHELTERED(), text, fig
    ):
        chosen = ("displaced", "sheltered")
    if chosen is None and _HOSTED().search(text, max(0, fig.start - 90), fig.start):
        chosen = ("displaced", "sheltered")  # "the camp already hosts more than 300,000 people"
    if chosen is None and _SHELTER_WHERE().search(text, max(0, fig.start - 70), fig.start):
        chosen = ("displaced", "sheltered")  # "seven relief camps, where 1,146 people are staying"
    if chosen is None and _people_placed(_HOSPITALISED(), text, fig):
        chosen = ("wounded", "taken to hospital")  # "five were taken to the Queen Elizabeth Hospital"
    swap = _SWAPPED().search(text, max(0, fig.start - 40), fig.start) if chosen is None else None
    if swap and _noun_of(text, fig) in _swapped_nouns():
        chosen = ("captured", swap.group(1))  # "the two sides exchanged 84 prisoners each"
    if chosen is None:
        if fig.unit == "people":
            fig.category = "count"
        return
    fig.category, fig.cue = chosen
    fig.unit = "people"
    if fig.kind in ("bare", "digits", "words", "group", "vague"):
        fig.kind = "count"


@cache
def _SWAPPED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    qualifiers = words_pattern([*data("numbers")["qualifiers_before"], *_DETERMINERS, "a", "an", "another"])
    verbs = words_pattern(inflected(tuple(data("casualties")["swapped_captives"]["verbs"])))
    return re.compile(rf"\b({verbs})\s+(?:(?:{qualifiers})\s+)*$", re.I)


@cache
def _swapped_nouns() -> frozenset[str]:
    return frozenset(data("casualties")["swapped_captives"]["nouns"])


@cache
def _TREATED_FOR_AN_ILLNESS() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    illnesses = words_pattern(data("casualties")["illnesses"])
    return re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?for\s+(?:[\w-]+\s+){{0,3}}?(?:{illnesses})\b", re.I)


# "with 150 on board, at least 34 dead": those aboard, set off from the harm of the figure after
_ABOARD_AFTER = re.compile(
    r"\s+(?:people\s+|passengers\s+)?(?:on\s+board|aboard|onboard)\s*[,;)\u2013\u2014]", re.I
)


def _a_reading(text: str, fig: Figure) -> bool:
    before = _A_READING_BEFORE.search(text, max(0, fig.start - 24), fig.start)
    return bool(before or _A_READING_AFTER.match(text, fig.end))


_A_READING_BEFORE = re.compile(r"\b(?:magnitude|the\s+(?:oldest|youngest)\s+(?:was|is|being)|aged)\s*$", re.I)
_A_READING_AFTER = re.compile(r"-?\s*magnitude\b", re.I)


_SHELTER_RIGHT_AFTER = re.compile(r"\s+(?:people\s+|others\s+)?(?:in|at)\s", re.I)


def _people_placed(place: re.Pattern[str], text: str, fig: Figure) -> bool:
    """Does the figure's clause put it in a place (`_SHELTERED`, `_HOSPITALISED`), counting no things?"""
    return bool(place.match(text, fig.end)) and not _things_after(text, fig)


def _things_after(text: str, fig: Figure) -> bool:
    """ "700 websites", "300 buildings": a plural noun that names no people right after the figure."""
    return _counts_things(text[fig.end : fig.end + 30])


@cache
def _SHELTERED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    cas = data("casualties")
    return re.compile(
        rf"(?:(?:[^.;:]{{0,80}}?\b(?:{cas['shelter_verbs']})\b[^.;:]{{0,20}}?|\s+(?:people\s+|others\s+)?)\b(?:in|at)\s+"
        rf"(?:[\w,.-]+\s+){{0,3}}?(?:{cas['shelter_places']})\b"
        rf"|[^.;:]{{0,80}}?\b(?:{cas['moved_to_shelter_verbs']})\s+to\s+(?:[\w,.-]+\s+){{0,3}}?(?:{cas['shelter_places']})\b"
        rf"|[^.;:]{{0,40}}?\b(?:{cas['shelter_buildings_verbs']})\b[^.;:]{{0,20}}?\b(?:in|at|inside)\s+"
        rf"(?:[\w,.-]+\s+){{0,3}}?(?:{cas['shelter_buildings']})\b)"
        r"(?!\s+(?:office|offices|staff|managers?|directors?|workers?|kitchens?|clinics?|headquarters)\b)",
        re.I,
    )


@cache
def _HOSTED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    cas = data("casualties")
    qualifiers = words_pattern([*data("numbers")["qualifiers_before"], "a", "an"])
    camp = r"(?<!army\s)(?<!military\s)(?<!training\s)(?<!summer\s)(?<!holiday\s)(?<!boot\s)\bcamps?"
    return re.compile(
        rf"(?:{cas['shelter_places']}|{camp})\b[^.;:\d]{{0,50}}?\b(?:{cas['hosting_verbs']})\s+"
        rf"(?:(?:{qualifiers}|now|still|already|currently|nearly)\s+)*$",
        re.I,
    )


@cache
def _SHELTER_WHERE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    cas = data("casualties")
    places = f"{cas['shelter_places']}|{cas['shelter_buildings']}"
    qualifiers = words_pattern(data("numbers")["qualifiers_before"])
    return re.compile(rf"(?:{places})\s*,\s*where\s+(?:(?:{qualifiers})\s+)*$", re.I)


@cache
def _HOSPITALISED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    cas = data("casualties")
    return re.compile(
        rf"[^.;:]{{0,50}}?\b(?i:{cas['hospital_verbs']})\s+(?:the\s+)?(?:{cas['hospital_names']}"
        r"|(?i:(?:government|local|nearby|area|district|state|public|private|two|three|several|various)\s+hospitals?))\b"
    )


def _bears_the_harm(text: str, fig: Figure, cue: str) -> bool:
    """Does the harm cue modify the figure's own noun, right after it ("40 injured miners"), not name
    people by a harm they suffered before ("victims", "hostages", "lives") or say another figure's?"""
    if cue.lower() in cues().people or cue.lower() == "lives":
        return False
    return bool(re.match(rf"\s+(?:[a-z-]+\s+)?{re.escape(cue)}\b", text[fig.end : fig.end + 40], re.I))


def _spared(text: str, fig: Figure) -> bool:
    raw_head = text[max(0, fig.start - 50) : fig.start]
    head = _without_qualifiers(raw_head, end_of(raw_head))  # "saved at least 12", "spared the 40"
    return bool(_cue_patterns()["sparing"].search(head))


def _casualty_after(text: str, fig: Figure, figures: list[Figure]) -> tuple[str, str] | None:
    """A cue after the figure in its clause: '3,000 casualties', '300 soldiers had been killed'."""
    if cases := _CASES_OF.match(text, fig.end):  # "62 cases of abduction", "nine incidents of killing"
        category = _acts().get(cases.group(1).lower())
        if category is not None:
            return category, cases.group(0).strip()
    # "bringing to 10 the number of X who died"; "14 of those who lost their lives (were children)"
    if inverted := _NUMBER_OF_AFTER.match(text, fig.end) or _PARTITIVE_WHO.match(text, fig.end):
        cue = _cue_patterns()["after"].search(text, inverted.end(), inverted.end() + 40)
        if cue is not None:
            return cue.lastgroup or "other", cue.group(0)
    # "two of the injured had died", "three of the missing were found dead": what befell the part
    if of_harmed := _PARTITIVE_HARMED.match(text, fig.end):
        cue = _cue_patterns()["after"].search(text, of_harmed.end(), of_harmed.end() + 40)
        between = text[of_harmed.end() : cue.start()] if cue is not None else ""
        if cue is not None and cue.lastgroup == "killed" and not _clause_break(between):
            return "killed", cue.group(0)
    start = fig.noun_end if fig.noun_end > 0 else fig.end
    limit = min(len(text), start + 90)
    head = _head_noun().match(text, fig.end, limit)
    if head and _after_cue(text[fig.end : head.start(1)]):
        head = None  # "three people died in hospital": the verb before the noun phrase says the harm
    if head and _near_miss(text, head.start(1)):
        return None  # "two were nearly killed": "killed" read as the noun of "12 killed", not said
    named: tuple[str, str] | None = None  # "22,000 refugees", unless a verb says more: "300 refugees died"
    if head and not (
        text[fig.end : head.start(1)].strip() and _verb_with_object(text, fig.end, head.span(1))
    ):
        word = head.group(1).lower()
        named = _joined_harms(
            text[: min(len(text), limit + 40)], head.start(1), head.end(1), head_nouns()[word]
        ) or (
            _killing_named(text, head.start(1)) or head_nouns()[word],
            word,
        )
        if word not in cues().people:
            return _verb_after_modifier(text, head, limit) or named
    if fig.noun_end < 0 and _things_after(text, fig):
        return None
    if not may_hold(text[start:limit], _cue_keys()["after"]):
        return named  # no cue word after the figure (asides only blank words out)
    tail = _without_asides(text[start:limit])
    relative = _RELATIVE.match(tail)  # "the three men who were killed": the clause is about them
    whole_tail = tail
    if stop := _clause_break(tail, relative.end() if relative else 0):
        tail = tail[: stop.start()]
    m = _after_cue(tail)
    if m and relative:
        m = _main_verb_cue(tail, m)
    if m and _near_miss(tail, m.start()):
        return named  # "two nearly killed": the harm did not happen
    if m and m.group(0).lower().endswith(" on") and _A_DAY().match(tail, m.end()):
        m = None  # "40 were fired on Friday": "on" opens a date, not the fired-on
    if (
        not m
        or (relative and m.group(0).lower() in _harm_nouns())  # "three people who saw the deaths"
        or _a_cause(tail, m)  # "three in Oyo, most of them from gunshot wounds"
        or _left_the_scene(tail, m)  # "in 71 of the crashes the driver fled the scene"
        or _cue_belongs_to_next(text, fig, figures, start + m.start())
        or (
            m.group(0).split()[-1].lower() not in cues().intransitive  # "fled the fighting" harms no other
            and _verb_with_object(text, start, (start + m.start(), start + m.end()))
        )
    ):
        return named
    return _joined_harms(whole_tail, m.start(), m.end(), m.lastgroup or "other") or (
        m.lastgroup or "other",
        m.group(0),
    )


def _left_the_scene(tail: str, cue: re.Match[str]) -> bool:
    """ "fled the scene": a driver or gunman gone, no one displaced."""
    return cue.group(0).lower().startswith("fle") and bool(_THE_SCENE.match(tail, cue.end()))


_THE_SCENE = re.compile(r"\s+the\s+scene\b", re.I)


def _a_cause(tail: str, cue: re.Match[str]) -> bool:
    """A harm noun after "from" ("most of them from gunshot wounds") names what harmed or killed, not
    the harm the figure counts (after "of" it may name the harm: "the rumour of several deaths")."""
    return cue.group(0).lower() in _harm_nouns() and bool(_CAUSE_BEFORE.search(tail, 0, cue.start()))


_CAUSE_BEFORE = re.compile(r"\bfrom\s+(?:[\w-]+\s+){0,2}$", re.I)


@cache
def _A_DAY() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    days = words_pattern([*data("reconcile")["weekdays"], *data("relations")["calendar_words"]])
    return re.compile(rf"\s+(?:{days}|\d)", re.I)


def _main_verb_cue(tail: str, first: re.Match[str]) -> re.Match[str]:
    """ "three villagers who had taken refuge in a school were killed", "four men who were wounded
    later died": after a relative clause the main verb's cue, the last of the clause, says the harm."""
    last = first
    for m in _cue_patterns()["after"].finditer(tail, first.end()):
        last = m
    return last if _MAIN_VERB_BEFORE.search(tail, 0, last.start()) else first


def _verb_after_modifier(text: str, head: re.Match[str], limit: int) -> tuple[str, str] | None:
    """ "three more injured persons succumbed", "two wounded miners later died": a verb of death after
    the people noun that the harm word before it modifies says what became of them ("20 wounded
    soldiers were evacuated" stay wounded)."""
    noun = _NEXT_NOUN.match(text, head.end(1))
    if noun is None or not is_people_noun(noun.group(1).lower()):
        return None
    tail = _OWN_CLAUSE.match(text, noun.end(), limit).group(0)  # type: ignore[union-attr]
    if stop := _clause_break(tail):
        tail = tail[: stop.start()]
    m = _after_cue(tail)
    if (
        m is None
        or m.lastgroup != "killed"
        or m.group(0).lower() in _harm_nouns()
        or _near_miss(tail, m.start())
    ):
        return None
    return "killed", m.group(0)


_NEXT_NOUN = re.compile(r"\s+([a-z-]+)")
_OWN_CLAUSE = re.compile(r"[^,;:\d]*")  # up to a comma or another figure
_MAIN_VERB_BEFORE = re.compile(
    r"\b(?:were|was|have\s+been|has\s+been|had\s+been|later|subsequently|then)\s+(?:(?:all|also|found)\s+)?$",
    re.I,
)


def _after_cue(tail: str) -> re.Match[str] | None:
    """The first harm cue in `tail`, searched only if a word of one stands in it."""
    return _cue_patterns()["after"].search(tail) if may_hold(tail, _cue_keys()["after"]) else None


def _near_miss(text: str, cue_at: int) -> bool:
    """ "nearly killed", "almost drowned", "had narrowly been hit": the cue at `cue_at` did not happen."""
    return bool(_near_miss_words().search(text[max(0, cue_at - 30) : cue_at]))


@cache
def _near_miss_words() -> re.Pattern[str]:
    words = words_pattern(data("casualties")["near_miss_words"])
    return re.compile(rf"\b(?:{words})\s+(?:(?:been|being|got|get)\s+)?$", re.I)


def _killing_named(text: str, head_start: int) -> str | None:
    """ "four murder victims", "the massacre victims": a killing's noun right before the people noun
    says they are the dead."""
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, head_start - 20) : head_start])
    return "killed" if m and m.group(1).lower() in _killing_nouns() else None


@cache
def _killing_nouns() -> frozenset[str]:
    cas = data("casualties")
    return frozenset([*cas["harm_families"]["killed"]["events"], *cas["killing_modifiers"]])


# "bringing to 10 the number of soldiers who have been killed": the count named after the figure
_NUMBER_OF_AFTER = re.compile(r"\s+the\s+(?:number|toll|total)\s+of\s+[^.;,]{0,60}?\b(?:who|that)\b", re.I)
_CASES_OF = re.compile(r"\s+(?:cases|incidents|instances)\s+of\s+([a-z]+)", re.I)


@cache
def _acts() -> dict[str, str]:
    """Each noun a harm family puts before "of" ("abduction", "killing", "injury"), by category."""
    return {form: cat for cat, forms in cues().noun_of.items() for form in forms}


_PARTITIVE_WHO = re.compile(r"\s+of\s+(?:those|the\s+[a-z]+)\s+who\b", re.I)
_PARTITIVE_HARMED = re.compile(
    r"\s+of\s+(?:the|those|these)\s+(?:injured|wounded|hurt|missing|abducted|kidnapped|hostages|victims)\b",
    re.I,
)


# "killed or wounded", "died or gone missing", "were killed or are still missing": auxiliaries and an
# adverb may stand before the second harm
_HARM_JOINER = re.compile(
    r"\s*,?\s*(?:and/or|or|and)\s+(?:(?:were|was|are|is|be|been|being|have|has|had|gone|went|go|got)\s+)?"
    r"(?:[a-z]+ly\s+)?",
    re.I,
)


def _joined_harms(text: str, start: int, end: int, first: str) -> tuple[str, str] | None:
    """ "50 people were killed or wounded", "the dead and injured": a harm cue (`first`, at
    start-end of `text`) joined to a cue of another harm with no figure of its own: the figure
    counts the casualties of both."""
    joiner = _HARM_JOINER.match(text, end)
    second = _cue_patterns()["after"].match(text, joiner.end()) if joiner else None
    if second is None or second.lastgroup == first:
        return None
    if {first, second.lastgroup} <= _JOINABLE_HARMS:
        return "casualties", text[start : second.end()]
    return None


_JOINABLE_HARMS = {"killed", "wounded", "missing", "captured", "casualties"}


@cache
def _harm_nouns() -> frozenset[str]:
    """The nouns of the harm families ("deaths", "injuries", "refugees"): no verb of a relative clause."""
    return frozenset(set().union(*cues().persons.values()) | cues().people)


def _clause_break(tail: str, since: int = 0) -> re.Match[str] | None:
    """Where a new clause begins; "after being injured", "when having been shot", "after treatment"
    go on with the same subject and are no new clause."""
    for stop in _cue_patterns()["breaks"].finditer(tail, since):
        if _SAME_SUBJECT.match(tail, stop.end()) or _SINCE_AS_ADVERB.search(tail, 0, stop.end()):
            continue  # "have since fled": since after an auxiliary is an adverb, no new clause
        return stop
    return None


_SINCE_AS_ADVERB = re.compile(r"\b(?:have|has|had)\s+since$", re.I)


_SAME_SUBJECT = re.compile(r"\s+(?:being|having\s+been|getting|treatment)\b", re.I)
_RELATIVE = re.compile(r"\s*(?:who|that)\b", re.I)


def _without_asides(tail: str) -> str:
    """The text after a figure with its asides blanked, offsets kept: anything in brackets, and a part
    set apart right after it or after the noun's "of" phrase ("12 soldiers (two officers) were
    killed", "nine Israelis, including three civilians, have been killed", "four workers, two of
    them foreigners, died", "12 members of one family, including seven children, were killed")."""
    tail = _BRACKETS.sub(lambda m: " " * len(m.group(0)), tail)
    tail = _DASH_ASIDE.sub(lambda m: " " * len(m.group(0)), tail, count=1)  # "Five people — three ... —"
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), tail, count=1)


_BRACKETS = re.compile(r"\([^()]*\)")
_DASH_ASIDE = re.compile(r"^(\s+[a-z]+)?\s*[\u2013\u2014]\s*[^\u2013\u2014.;:]{1,60}?\s*[\u2013\u2014]")
_ASIDE = re.compile(
    r"^(?:\s+(?:of|from)\s+[^,()\u2013\u2014]{1,40}?)?"  # "12 members of one family, including ..."
    r"\s*(?:,|\u2013|\u2014|\s-)\s*(?:including\b|among\s+them\b|(?:mostly|mainly|largely|chiefly)\b"
    r"|[^,()\u2013\u2014]*?\bof\s+(?:them|whom|those|these)\b)"
    r"[^,()\u2013\u2014]*(?:,|\u2013|\u2014|\s-)",
    re.I,
)


def _counts_things(after: str) -> bool:
    """'700 websites', '300 buildings', '1,240 new cases': a plural noun that names no people follows."""
    return plural_after(
        after, shortest=4, modifiers=data("casualties")["thing_modifiers"], unless=_people_or_heads()
    )


@cache
def _UNCOUNTED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    return re.compile(rf"\s+(?:{words_pattern(data('casualties')['uncounted_things'])})\b", re.I)


def _harms_a_thing(after: str) -> bool:
    """ "seized 240 rifles", "captured 40 tanks", "wounded three horses": the object after the figure
    is a lower-case plural that names no people. An agent noun ("smugglers", "mediators",
    "trainees") may name people unlisted, and a plural that modifies a people noun ("rights
    activists", "arms dealers") is no object of its own: neither is taken for a thing."""
    m = _OBJECT_NOUNS().match(after)
    if m is None:
        return False
    first, second = m.group(1), (m.group(2) or "").lower()
    if _may_be_people(first) or first in head_nouns() or second in _OBJECT_OPENERS or second[:1].isdigit():
        return False  # "The toll of 45 includes 120 rebels": a verb with its own object, no noun
    return not (second and _may_be_people(second))


def _may_be_people(noun: str) -> bool:
    return is_people_noun(noun) or noun.endswith(_AGENT_ENDINGS)


_AGENT_ENDINGS = ("ers", "ors", "ees", "men")
# a word opening a verb's object: "includes the crew", "includes 120 rebels" (a digit) name no thing
_OBJECT_OPENERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "some", "one", "two"])


@cache
def _OBJECT_NOUNS() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    modifiers = words_pattern(data("casualties")["thing_modifiers"])
    not_plurals = words_pattern(data("casualties")["not_plurals"])
    return re.compile(
        rf"\s+(?:(?:{modifiers})\s+)?(?!(?:{not_plurals})\b)([a-z]{{2,}}[a-rt-z]s)\b(?:\s+([\w-]+))?"
    )


@cache
def _people_or_heads() -> frozenset[str]:
    return people_nouns() | frozenset(head_nouns())


@cache
def _head_noun() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:[A-Za-z'-]+\s+){{0,2}}?({words_pattern(list(head_nouns()))})\b", re.I)


_OBJECT_AFTER = re.compile(
    r"\s*(?:the|a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|at least|more than|some|about)\b",
    re.I,
)


_AUXILIARY_BEFORE = re.compile(r"\b(?:were|was|been|are|is|being|be)\s+(?:\w+\s+)?$", re.I)


def _nouns_its_own(text: str, end: int, nxt: Figure, cue_at: int) -> bool:
    """Is the cue a harm noun right after the next figure ("23 deaths"), when this figure has a noun
    of its own before the next ("1,486 suspected cholera cases and")?"""
    word = _WORD_AT.match(text, cue_at)
    if not _UP_TO_TWO_WORDS.fullmatch(text, nxt.end, cue_at) or word is None:
        return False  # "23 deaths", "37 associated deaths"
    if word.group(0).lower() not in _harm_nouns():
        return False
    between = _COORDINATORS.sub(" ", text[end : nxt.start])
    return bool(between.strip()) and not _PART_OF.fullmatch(between)  # "94,000 of the 140,000 deaths"


_WORD_AT = re.compile(r"[A-Za-z]+")
_UP_TO_TWO_WORDS = re.compile(r"\s*(?:[a-z-]+\s+){0,2}")
_PART_OF = re.compile(r"\s*(?:of|out\s+of|among)\s+(?:the\s+|its\s+|their\s+)?", re.I)
_COORDINATORS = re.compile(r"\b(?:and|or|as well as|plus)\b|[,;]", re.I)


def _cue_belongs_to_next(text: str, fig: Figure, figures: list[Figure], cue_at: int) -> bool:
    """Another figure stands between this one and the cue: the cue is that figure's, unless
    the two are coordinated ("eight women and four men injured")."""
    following = next((f for f in figures if f.start >= fig.end and f is not fig), None)
    if following is not None and _cue_right_after(text, fig, following, cue_at):
        return True
    # an age or a measure takes no harm cue: "eight women, a 10-year-old girl and four men injured"
    heads = (
        f
        for f in figures
        if f.start >= fig.end
        and f is not fig
        and f.unit in (None, "people")
        and not (f.unit is None and _things_after(text, f))  # "residents of two villages were relocated"
    )
    nxt = next(heads, None)
    if nxt is None or cue_at <= nxt.start:
        return False
    joint = fig.noun_end if fig.noun_end > 0 else fig.end  # past "two of the three victims" when read so
    if _nouns_its_own(text, fig.end, nxt, cue_at):
        return True  # "1,486 cholera cases and 23 deaths": the deaths are 23's noun, the cases 1,486's
    if _WHOLE_OPENS.search(text, max(0, fig.start - 30), fig.start):
        return True  # "Of the 4,200 patients, 312 have died": the verb is the part's, not the whole's
    if _PART_OF_THE_GROUP_BEFORE.match(text, fig.end):
        return True  # "120 were hurt, 20 of them seriously, and 300 were arrested": 20 is of the hurt
    if _APPOSED_PART.match(text[joint:cue_at]):
        return False  # "four workers, two of them foreigners, died": a part set apart, then the whole's verb
    if joint < nxt.start and not _COORDINATED.match(text[joint : nxt.start]):
        return True  # "One report said six children were killed": the nearer figure's cue
    if joint < nxt.start and _OWN_VERB.search(text[joint : nxt.start]):
        return True  # "200 were rescued and 12 died": the first has a verb of its own
    return nxt.noun_end < 0 and not re.match(r"^\s*(?:[A-Za-z'-]+\s+){0,2}$", text[nxt.end : cue_at])


_RIGHT_BEFORE_A_CUE = re.compile(r"\s+(?:[a-z-]+\s+)?(?:(?:were|was|are|have\s+been|had\s+been)\s+)?")
_WORDS_THEN_A_MARK = re.compile(r"\s+[^,;]*?\w[^,;]*[,;]\s*(?:and\s+)?")


def _cue_right_after(text: str, fig: Figure, nxt: Figure, cue_at: int) -> bool:
    """Is the cue the next figure's own, right after it ("9 killed", "9 people were killed"), that
    figure set off by a comma or semicolon past words of `fig`'s own clause ("Over 300 inmates escape
    jail, 9 killed")? Not a list sharing its cue ("Twelve soldiers, three civilians killed"), nor an
    aside ("300 people, including 40 children, were killed")."""
    own_end = fig.noun_end if fig.noun_end > 0 else fig.end
    return (
        cue_at > nxt.end
        and bool(_RIGHT_BEFORE_A_CUE.fullmatch(text, nxt.end, cue_at))
        and bool(_WORDS_THEN_A_MARK.fullmatch(text, own_end, nxt.start))
    )


# "Of the 4,200 patients, ...", "Among the 300 passengers, ...": a whole opening its clause
_WHOLE_OPENS = re.compile(r"(?:^|[.;:]\s*|\n)\W*(?:of|among)\s+(?:the|these|those|its|their)\s+$", re.I)

# "20 of them", "five of whom": a part of a group counted before, whose harm is that group's
_PART_OF_THE_GROUP_BEFORE = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.I)

# "four workers, two of them foreigners, died": a part of the figure before set apart by commas,
# dashes or brackets, the verb after it
_APPOSED_PART = re.compile(rf"(?:{_ASIDE.pattern[1:]}|\s*\([^()]*\))\s*(?:[A-Za-z'-]+\s+){{0,2}}$", re.I)


# an auxiliary and a participle: the figure before has its own verb ("200 were rescued and 12 died")
_OWN_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|been)\s+(?:[a-z]+\s+)?[a-z]+(?:ed|en|t)\b", re.I)


# what joins two figures that may share a cue: "eight women and four men", "30 of the 80 wounded",
# "three bank workers - two women and a man - were killed"
_COORDINATED = re.compile(
    r"^\s*(?:,?\s*[\w'-]+\s+){0,4}?[\w'-]*?\s*"
    r"(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|plus\s+|as\s+well\s+as\s+|[-\u2013\u2014:(]\s*"
    r"|(?:of|among)\s+(?:the\s+|these\s+|those\s+|them\s+|their\s+|its\s+)?)$",
    re.I,
)


def _verb_with_object(text: str, since: int, cue: tuple[int, int]) -> bool:
    """'three gunmen killed two guards', 'a fire at one cafe that killed 25 people': the cue is an
    active verb with its own object (`since`: where the text after the figure starts). Not a cue
    ending in a preposition or a noun ("trapped under the debris", "out of their homes three months
    on"): what follows is no object of theirs."""
    if _ENDS_IN_A_PREPOSITION.search(text, cue[0], cue[1]):
        return False
    return bool(_OBJECT_AFTER.match(text, cue[1])) and not _AUXILIARY_BEFORE.search(text[since : cue[0]])


_ENDS_IN_A_PREPOSITION = re.compile(r"\s(?:under|beneath|in|inside|on|at|for|homes?|custody|hospital)$", re.I)


_FROM_TO = re.compile(
    r"\s+(?:(?:in|on|at)\s+[\w-]+\s+)?to\s+(?:(?:about|around|some|nearly|almost|just)\s+)?", re.I
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
_DASH_OPENS = re.compile(r"\s*[\u2013\u2014]\s*")
_TO_THEN_FROM = re.compile(r"[^.;:\d]{0,40}?\bfrom\s+(?:(?:about|around|some|nearly|just)\s+)?", re.I)
_AND_BETWEEN = re.compile(r"\band\s+$", re.I)


def inherit_categories(text: str, figures: list[Figure]) -> None:
    """A figure with nothing of its own takes the category of the harmed figure before it:
    '55 injured, five of them critically', 'killed 170,000 here and tens of thousands more',
    'killed two women and a man', 'lost seven soldiers and four civilians'."""
    for i, (prev, fig) in enumerate(zip(figures, figures[1:], strict=False)):
        if (
            fig.category not in ("other", "count")
            or fig.kind == "fraction"
            or fig.unit not in (None, "people")
            or _a_reading(text, fig)
        ):
            continue
        if prev.category == "count" and prev.unit == "people" and fig.unit is None:
            if _placed_share(text, prev, fig) or _next_placed_share(text, prev, fig):
                fig.category, fig.unit, fig.kind, fig.cue = "count", "people", "count", "a place's share"
            continue
        whole = _share_over_a_measure(text, figures[:i], fig) if prev.unit not in (None, "people") else None
        if whole is not None and fig.unit is None:
            # "killed 48 people in the past two weeks: 23 in Guatemala": the list's whole before a measure
            fig.category, fig.unit, fig.kind, fig.cue = whole.category, "people", "count", "a place's share"
            continue
        if prev.category in ("other", "count"):
            continue
        after = text[fig.end : fig.end + 16]
        more = (
            re.fullmatch(r"[^.;:,]{0,40}\band\s+", text[prev.end : fig.start])
            and re.match(r"\s+(?:more|others|other)\b", after, re.I)
        ) or _more_of_the_same(text, prev, fig)
        of_them = re.match(r"\s+of\s+(?:them|those|whom|these)\b", after, re.I)
        listed = prev.noun_end > 0 and (  # "two women and a man", "seven soldiers and four civilians"
            _SINGULAR_AFTER.fullmatch(text, prev.noun_end, fig.noun_end)
            or (fig.noun_end > 0 and _AND.fullmatch(text, prev.noun_end, fig.start))
            or _in_a_list(text, prev, fig, figures[i + 2] if i + 2 < len(figures) else None)
        )
        including = fig.unit == "people" and _INCLUDING.fullmatch(
            text, prev.noun_end if prev.noun_end > 0 else prev.end, fig.start
        )
        severe = prev.category == "wounded" and _SEVERE_PART.fullmatch(
            text, prev.noun_end if prev.noun_end > 0 else prev.end, fig.end + 12
        )
        the_rest = prev.unit == "people" and fig.noun_end < 0 and _THE_REST_BEFORE.search(text, 0, fig.start)
        # "deaths fell from 2,460 in 2022 to 1,713": the new value of the same count
        changed_to = (
            fig.noun_end < 0
            and _FROM_TO.fullmatch(text, prev.end, fig.start)
            and _FROM_BEFORE.search(text, max(0, prev.start - 8), prev.start)
        )
        # "Five people — three residents and two firefighters — were hurt": the parts set off by a dash
        dashed = (
            prev.noun_end > 0
            and fig.unit == "people"
            and _DASH_OPENS.fullmatch(text, prev.noun_end, fig.start)
        )
        # "rose to 23 on Wednesday from 19 a day earlier": the old value of the same count, after it
        changed_from = (
            fig.noun_end < 0
            and _TO_THEN_FROM.fullmatch(text, prev.end, fig.start)
            and _TO_BEFORE.search(text, max(0, prev.start - 8), prev.start)
        )
        # "Of the 23 dead, nine are women and six are children": parts named alike by what they were
        named_alike = (
            fig.noun_end < 0
            and prev.noun_end < 0
            and _AND_BETWEEN.search(text, prev.end, fig.start)
            and _named_as_people(text, prev)
            and _named_as_people(text, fig)
        )
        # "six deaths in Rubavu, followed by Nyabihu with four and Musanze with one": a ranking's items
        prev_end = prev.noun_end if prev.noun_end > 0 else prev.end
        ranked = fig.noun_end < 0 and _RANKED.fullmatch(text, prev_end, fig.start)
        ways = {
            "the rest": the_rest,
            "ranked with": ranked,
            "changed to": changed_to,
            "changed from": changed_from,
            "set off by a dash": dashed,
            "named alike": named_alike,
            "and more": more,
            "of them": of_them,
            "including": including,
            "listed with": listed,
            "severely hurt among them": severe,
        }
        gapped = (
            _gapped(text, prev, fig) or _placed_share(text, prev, fig) or _next_placed_share(text, prev, fig)
        )
        if cue := next((name for name, found in ways.items() if found), "verb left out" if gapped else None):
            fig.category, fig.unit, fig.kind, fig.cue = prev.category, "people", "count", cue


def _share_over_a_measure(text: str, before: list[Figure], fig: Figure) -> Figure | None:
    """The head-count a place's share belongs to when a measure stands between them ("displaced
    9,000 people in two days: 5,000 in the north"), or None."""
    whole = next((w for w in reversed(before) if w.unit is not None), None)
    if whole is None or whole.unit != "people" or whole.category == "other":
        return None
    between = text[whole.noun_end if whole.noun_end > 0 else whole.end : fig.start]
    placed = _PLACE_AFTER.match(text, fig.end) and fig.noun_end < 0
    return whole if placed and _OPENER_OVER_A_MEASURE.fullmatch(between) else None


_OPENER_OVER_A_MEASURE = re.compile(r"(?:\s+[\w.,-]+){1,6}?(?:\s*[:\u2013\u2014]\s*|\s+-\s+)")


def _more_of_the_same(text: str, prev: Figure, fig: Figure) -> bool:
    """ "recovered nine bodies and are searching for two more": a bare number and "more", its noun
    left out, later in the clause of the harmed figure, counts more of the same."""
    if fig.noun_end > 0 or fig.unit is not None:
        return False
    between = text[prev.noun_end if prev.noun_end > 0 else prev.end : fig.start]
    return len(between) <= 80 and not re.search(r"[.;:]", between) and bool(_MORE_AFTER.match(text, fig.end))


_MORE_AFTER = re.compile(
    r"\s+more\b(?!\s+than\b)(?!\s*-)\s*(?:[.,;:!?)\u2014]|$|\s+(?:were|are|was|had|have|remain|still)\b)",
    re.I,
)


# a ranking's next item: a comma or "and" ("followed by"), a capitalised place, "with", the bare figure
_RANKED = re.compile(
    r"[^.;:\d]{0,80}?(?:,\s*(?:followed\s+by\s+|then\s+|and\s+)?|\s+(?:and|followed\s+by)\s+)(?:the\s+)?"
    r"(?:(?:[A-Z][\w'\u2019-]*|of|and)\s+){1,5}with\s+(?:(?:about|some|nearly|around|over)\s+)?"
)


def inherit_from_the_whole_before(text: str, figures: list[Figure]) -> None:
    """ "Of the 17 passengers, 16 were nationals", "Of the 900 inmates held there, only 210 remain": a
    bare number right after a whole of people that opens its clause with "of the" is a part of that
    group, counted as it is."""
    for whole, fig in zip(figures, figures[1:], strict=False):
        if fig.noun_end > 0 or fig.unit is not None or fig.kind == "fraction" or whole.unit != "people":
            continue
        if not _WHOLE_OPENS.search(text, max(0, whole.start - 30), whole.start):
            continue
        if _THEN_THE_PART.fullmatch(text, whole.noun_end if whole.noun_end > 0 else whole.end, fig.start):
            _refer(
                fig, whole.category if whole.category != "other" else "count", "a part of the group before"
            )


# the rest of the whole's clause, a comma, and perhaps "only": "(passengers) held at the jail, only "
_THEN_THE_PART = re.compile(r"[^,.;:\d]{0,60},\s*(?:(?:only|just|some|about|nearly)\s+)?")


def inherit_from_a_share(text: str, figures: list[Figure]) -> None:
    """ "16 deaths were reported, with Bolangir alone accounting for six": a bare number that accounts
    for a share of a head-count earlier in its sentence is a part of that group, counted as it is."""
    for i, fig in enumerate(figures):
        if i == 0 or fig.noun_end > 0 or fig.unit is not None or fig.kind == "fraction":
            continue
        if not _ACCOUNTING_FOR.search(text, max(0, fig.start - 40), fig.start):
            continue
        if _OF_ITS_OWN.match(text, fig.end):
            continue  # "accounted for 2,914 of the cases": the figure names its own group
        whole = next((w for w in reversed(figures[:i]) if w.unit == "people"), None)
        if whole is not None and not re.search(r"[.;:]", text[whole.end : fig.start]):
            _refer(
                fig, whole.category if whole.category != "other" else "count", "a share of the group before"
            )


_OF_ITS_OWN = re.compile(r"\s+of\s+(?:the|its|their|all)\b", re.I)
# "(alone) accounting for", "accounted for", "making up": a share of a group counted before
_ACCOUNTING_FOR = re.compile(
    r"\b(?:(?:accounting|accounted|accounts)\s+for|making\s+up|made\s+up)\s+"
    r"(?:(?:about|some|nearly|around|over|more\s+than|at\s+least)\s+)?$",
    re.I,
)


def inherit_from_the_whole_after(text: str, figures: list[Figure]) -> None:
    """ "78,904 of the constituency's 150,012 voters", "20 of the 50 injured": a bare number whose
    whole follows it with "of" is a part of that group, counted as it is."""
    for fig, whole in zip(figures, figures[1:], strict=False):
        if fig.noun_end > 0 or fig.unit is not None or fig.kind == "fraction" or whole.unit != "people":
            continue
        if _PART_OF.fullmatch(text, fig.end, whole.start) and not _a_reading(text, fig):
            _refer(fig, whole.category if whole.category != "other" else "count", "a part of the group after")


_PART_OF = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|this|these|those|all)\s+)?"
    r"(?:(?:[A-Z][\w-]*\s+){0,4}[\w-]+['\u2019]s\s+)?"  # "the Monetary Policy Committee's nine members"
    r"(?:(?:about|some|nearly|around|over|more\s+than|at\s+least)\s+)?",
    re.I,
)


def inherit_from_the_group_before(
    text: str, figures: list[Figure], before: list[Figure], before_text: str = ""
) -> None:
    """ "Twelve people died. Among them were three firefighters" / "They included two soldiers": a
    part of the group the sentence before counted as harmed, referred to by a pronoun, shares its
    harm (the last harmed head-count of that sentence); the items listed with it follow."""
    if not figures:
        return
    first = figures[0]
    own = first.category not in ("other", "count") or first.unit not in (None, "people")
    if own or first.kind == "fraction":
        return
    harmed = [f for f in before if f.unit == "people" and f.category not in ("other", "count")]
    people = [f for f in before if f.unit == "people"][-1:]
    if people and _things_named_after(before_text, people[-1]):
        people = []  # "fighters were waiting, and rocket attacks went on. More than 40 ..."
    pointer = _PRONOUN_GROUP.match(text[: first.start]) or (
        first.noun_end < 0 and _BARE_MORE.match(text, first.end)
    )
    if harmed and pointer:
        _refer(first, harmed[-1].category, GROUP_REFERRED_TO)
    elif people and pointer and first.noun_end < 0 and before[-1] is people[-1]:
        _refer(first, "count", GROUP_REFERRED_TO)  # "212 were underground. Of those, 196 came up unharmed"
    elif people and first.noun_end < 0 and _THE_REST_OPENS.match(text[: first.start]):
        _refer(first, people[-1].category, REST_OF_A_GROUP)  # "The remaining 22 will appear in court"
    elif people and (first.noun_end < 0 or _named_as_people(text, first)) and _opens_as_subject(text, first):
        # "Nine remained below ground" counts people; "Twelve were released and the remaining 18 ..."
        # and "Eight were soldiers and four were civilians" split the harmed group before, and take
        # its harm
        split = harmed and (_THE_REST_LATER.search(text, first.end) or _named_as_people(text, first))
        _refer(first, harmed[-1].category if split else "count", GROUP_REFERRED_TO)
        for fig in figures[1:] if split else []:
            if fig.category in ("other", "count") and _named_as_people(text, fig):
                _refer(fig, harmed[-1].category, GROUP_REFERRED_TO)
    else:
        return
    inherit_categories(text, figures)


def _named_as_people(text: str, fig: Figure) -> bool:
    """ "Eight were soldiers", "two were Britons": a bare number whose verb of being names it as
    people is a part of the group counted before, by who they were."""
    m = _BE_A_NOUN.match(text, fig.end)
    words = m.group(1).split() if m is not None else []
    return any(is_people_noun(w.lower()) or _DEMONYM.fullmatch(w) is not None for w in words[:2])


_BE_A_NOUN = re.compile(r"\s+(?:were|was|are)\s+(?:(?:all|both|also)\s+)?([A-Za-z-]+(?:\s+[A-Za-z-]+)?)")
_DEMONYM = re.compile(r"[A-Z][a-z]+s")


def _things_named_after(text: str, group: Figure) -> bool:
    """A plural that names no people follows the group in its sentence: the group may not be what a
    bare number in the next sentence counts."""
    start = group.noun_end if group.noun_end > 0 else group.end
    return any(not _may_be_people(m.group(1)) for m in _PLURALS.finditer(text, start))


_PLURALS = re.compile(r"\b([a-z]{3,}[a-rt-z]s)\b")


def inherit_elliptical_subjects(text: str, figures: list[Figure]) -> None:
    """ "40 miners were inside and 27 managed to get out", "employed 1,200 workers, but only 300 were
    present": a bare number that is the subject of its own verb, later in the sentence of a
    head-count or of captives ("arrested 40 people and 12 were later released"), counts the same
    people. After a figure of another harm it is left alone: "12 died and 5 were children" are some
    of the dead, "nine were killed and 14 survived" none of them."""
    for i, fig in enumerate(figures):
        if i == 0 or fig.unit is not None or fig.noun_end > 0 or fig.kind not in ("bare", "digits", "words"):
            continue
        whole = figures[i - 1]
        between = text[whole.noun_end if whole.noun_end > 0 else whole.end : fig.start]
        if (
            whole.category not in ("count", "captured")
            or len(between) > 100
            or re.search(r"[.;:\d]", between)
        ):
            continue  # after the dead or the hurt, "and 5 were children" is a part of them, not a head-count
        own_verb = _ITS_OWN_VERB.match(text, fig.end) and not _a_reading(text, fig)
        if own_verb and _A_NEW_CLAUSE_OPENS.search(between):
            _refer(fig, whole.category, "subject of its own verb")  # those abducted and freed were abducted


_STOP_OR_DIGIT = re.compile(r"[.;:\d]")
# the clause of the elliptical figure: "and", "but", "while" and perhaps "that" and "only"
_A_NEW_CLAUSE_OPENS = re.compile(
    r"(?:,\s*|\s)(?:and|but|while|whereas|of\s+whom|of\s+which)\s+(?:that\s+)?"
    r"(?:(?:only|just|some|about|around|nearly|roughly|another|a\s+further)\s+)*$",
    re.I,
)
_ITS_OWN_VERB = re.compile(
    r"\s+(?:(?:had|have|has|were|was|are|is|could|did|also|still|later|then)\s+)*"
    r"(?:managed|escaped|survived|returned|made|got|were|was|are|remained|remain|stayed|went|came|"
    r"left|walked|swam|fled|reached|turned|showed|attended|voted|signed|joined|chose|opted|agreed|refused)\b",
    re.I,
)


def _refer(fig: Figure, category: str, cue: str) -> None:
    fig.category, fig.unit, fig.cue = category, "people", cue
    if fig.kind in ("bare", "digits", "words", "group", "vague"):
        fig.kind = "count"


# "..., and the remaining 18 were charged": the rest of a group, later in the sentence
_THE_REST_BEFORE = re.compile(r"\band\s+the\s+(?:remaining|other)\s+$", re.I)
_THE_REST_LATER = re.compile(r"\bthe\s+(?:remaining|other|rest)\s+(?=\d|[a-z]+\b)", re.I)

# "The remaining 22", "The other 12", "The rest, 40,": the rest of the group the sentence before counted
_THE_REST_OPENS = re.compile(r"^\W*the\s+(?:remaining|other|rest,?)\s+$", re.I)


def _opens_as_subject(text: str, fig: Figure) -> bool:
    """ "Nine remained below ground", "Two were in hospital": a bare number opening its sentence as the
    subject of a verb counts the people the sentence before counted (what the verb says is its own)."""
    return not text[: fig.start].strip(_OPENING_MARKS) and bool(_VERB_AFTER.match(text, fig.end))


_OPENING_MARKS = " \t\n\"'\u201c\u2018([-\u2013\u2014"
_VERB_AFTER = re.compile(
    r"\s+(?:were|was|are|is|remain|remained|remains|had|have|has|will|would|could|may|might|still|later)\b",
    re.I,
)


# "Two more were found", "picking up two more": a bare number with "more" and no noun of its own,
# the first figure of its sentence, adds to the harmed group of the sentence before
_BARE_MORE = re.compile(
    r"\s+more\b(?=\s*(?:[,.;:!?\"\u201d]|$)|\s+(?:were|was|are|is|have|had|remain)\b)", re.I
)


# "Among them were", "Of those,", "They included", "Those killed included": at the start of the
# sentence, nothing but the pronoun phrase before the figure
_PRONOUN_GROUP = re.compile(
    r"^\W*(?:(?:among|amongst|of)\s+(?:them|those|these)\b|(?:they|those|these)\s+(?:\w+\s+)?"
    r"(?:included|include|includes)\b|those\s+\w+\s+(?:were|are)\b|they\s+(?:were|are)\s*$)"
    r"[^.;:\d]*$",  # "Those detained were", "They were 87 civilians"
    re.I,
)


def _in_a_list(text: str, prev: Figure, fig: Figure, nxt: Figure | None) -> bool:
    """ "killed six children, three women and two men": a head-count after a comma that the list goes
    on from (another head-count after a comma or "and") is an item of the list its first item opens."""
    if fig.noun_end < 0 or nxt is None or nxt.unit != "people" or nxt.noun_end < 0:
        return False
    goes_on = _LIST_GOES_ON.fullmatch(text, fig.noun_end, nxt.start)
    return bool(_COMMA.fullmatch(text, prev.noun_end, fig.start) and goes_on)


_COMMA = re.compile(r"\s*,\s*")
_LIST_GOES_ON = re.compile(r"\s*,\s*(?:and\s+)?|\s*,?\s+and\s+", re.I)


# "55 wounded, 15 critically", "seven staff were injured, three seriously": the badly hurt among the hurt
_SEVERE_PART = re.compile(
    r"(?:\s+[a-z]+){0,3}\s*,\s*(?:[a-z]+\s+)?[\w-]+\s+(?:seriously|critically|severely|gravely|badly)\b.*",
    re.I,
)


def _gapped(text: str, prev: Figure, fig: Figure) -> bool:
    """'12 were killed in the north, three in the south': the second figure's verb is left out and its
    place follows it with the same preposition as the first's."""
    between = text[prev.noun_end if prev.noun_end > 0 else prev.end : fig.start]
    place = _PLACE_AFTER.match(text, fig.noun_end if fig.noun_end > 0 else fig.end)
    if not place or not re.search(r"(?:,\s*|\s+)(?:and\s+)?$", between) or re.search(r"[.;:]", between):
        return False
    return re.search(rf"\b{place.group(1)}\b", between, re.I) is not None


_PLACE_AFTER = re.compile(r"\s+(in|at|on|from|near|inside|outside|across|along|around|to)\b", re.I)
_PLACE_ADVERB_AFTER = re.compile(r"\s+(?:abroad|overseas|elsewhere|nationwide|worldwide|locally)\b", re.I)


def _next_placed_share(text: str, prev: Figure, fig: Figure) -> bool:
    """ "nine in the bus and five on the road", "3,000 in Britain and 1,500 abroad": a bare number
    given a place, right after another bare number and its place, is the next item of the same list."""
    if fig.noun_end > 0 or prev.noun_end > 0 or not _placed(text, prev.end):
        return False
    between = text[prev.end : fig.start]
    if re.search(r"[.;:]", between) or not re.search(r"(?:,\s*|\s+)(?:and\s+)?$", between):
        return False
    return len(between) <= 40 and _placed(text, fig.end)


def _placed(text: str, end: int) -> bool:
    return bool(_PLACE_AFTER.match(text, end) or _PLACE_ADVERB_AFTER.match(text, end))


def _placed_share(text: str, prev: Figure, fig: Figure) -> bool:
    """ "Eleven people died, six in Kot and five in Lamu"; "displaced 12,000 people: 7,000 in Kot": a
    bare number right after the harmed head-count and its verb (a comma, colon or dash between),
    given a place, counts the same harm there, its noun left out."""
    if fig.noun_end > 0 or prev.unit != "people":
        return False
    between = text[prev.noun_end if prev.noun_end > 0 else prev.end : fig.start]
    return bool(_SHARE_OPENER.fullmatch(between)) and bool(_PLACE_AFTER.match(text, fig.end))


_SHARE_OPENER = re.compile(r"(?:\s+[a-z]+){0,5}?(?:\s*[,:\u2013\u2014]\s*|\s+-\s+)")  # "died, ", ": "


# "killed 45 Palestinians overnight, including 12 children": a part of the harmed figure before it
# "62 bodies had been recovered by Tuesday afternoon, including 23 children": the rest of the
# whole's clause, then "including"
_INCLUDING = re.compile(
    r"(?:\s+[\w'’-]+){0,8}?\s*,?\s*(?:including(?:\s+those\s+of)?|among\s+them|among\s+whom)\s+"
    r"(?:(?:his|her|their|a|an|the|one)\s+[a-z-]+\s*,?\s+and\s+(?:his|her|their)?\s*)?",  # "his wife and two"
    re.I,
)


_AND = re.compile(r"\s*,?\s+and\s+", re.I)
_SINGULAR_AFTER = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*[-\u2013\u2014]\s*)(an?)\s+([a-z]+)\b", re.I)


def count_households(text: str, figures: list[Figure]) -> None:
    """ "18 families", "960 households": homes counted, not heads, so no unit of people, and `other`
    when nothing harms them; a harm cue keeps its harm ("evacuated 112 families"). "3,412 residents
    from 987 households": the households say where the residents come from, so a harm read on them
    is the residents'."""
    for prev, fig in zip([None, *figures], figures, strict=False):
        if fig.unit != "people" or fig.noun_end < 0 or not _counts_homes(text, fig):
            continue
        fig.unit, fig.kind = None, "bare"  # a number of homes pairs with the bare numbers of its parts
        whose = (
            prev is not None
            and prev.unit == "people"
            and _FROM_HOMES.fullmatch(text, prev.noun_end if prev.noun_end > 0 else prev.end, fig.start)
        )
        if whose and prev is not None and prev.category == "count" and fig.category != "count":
            prev.category, prev.cue = fig.category, fig.cue
        if whose or fig.category == "count":
            fig.category = "other"


def _counts_homes(text: str, fig: Figure) -> bool:
    word = _LAST_WORD.search(text, 0, fig.noun_end)
    return word is not None and word.group(0).lower() in _household_nouns()


_LAST_WORD = re.compile(r"[A-Za-z]+$")
_FROM_HOMES = re.compile(r"\s+(?:from|of|in)\s+(?:(?:some|about|around|nearly|over)\s+)?")


@cache
def _household_nouns() -> frozenset[str]:
    return frozenset(data("casualties")["household_nouns"])


def add_coordinated_singulars(text: str, figures: list[Figure]) -> list[Figure]:
    """'two women and a man': in a list of people, 'a man' counts one."""
    added: list[Figure] = []
    for fig in figures:
        if fig.unit != "people" or fig.noun_end < 0:
            continue
        m = _SINGULAR_AFTER.match(text, fig.noun_end)
        taken = any(f.start == m.start(1) for f in [*figures, *added]) if m else False
        if m and not taken and m.group(2).lower() in _singular_people():
            one = Figure(m.start(1), m.end(2), m.start(1), m.end(1), 1.0, 1.0, 1.0, kind="count", step=1.0)
            one.unit, one.noun_end, one.subject = "people", m.end(2), m.group(2)
            added.append(one)
    return sorted(figures + added, key=lambda f: f.start) if added else figures


@cache
def _singular_people() -> frozenset[str]:
    return frozenset(data("casualties")["singular_people"])
