"""Cues: the attributions of one sentence, each with its mentions and the way it faces.

"X said ..." (forward), "..., X said." (backward), "..., said X", "according to X", "X put the toll
at", "X's figures", "X figures show", "a statement from X", "..., saying" (a participle speaking for
the clause's subject), "..., with X reporting" (an absolute phrase's subject), and a headline's
"...: police" (a short source after a final colon) or "Police: ..." (a body before an opening one).
From audit/data/attribution.yaml: `reporting_verbs`, `speech_participles`,
`source_before`, `data_nouns`, `data_qualifiers`, `toll_patterns`, `verb_exclusions`, `news_outlets`
(compiled in vocab.py); the phrases around a cue are read by clauses.py, relays by chains.py.
"""

from __future__ import annotations

import re
from functools import cache

from audit.attribute.chains import (
    QUOTED_AS,
    QUOTED_BY,
    apply_conduits,
    quoted_as_attribution,
    quoted_by_attribution,
    relay_after,
    relay_before,
)
from audit.attribute.clauses import (
    DETERMINERS,
    PREPOSITIONS,
    RELATIVE_INSIDE,
    ClausesBefore,
    apposed_name,
    blocked,
    holds_no_clause,
    is_noun,
    noun_phrases_only,
    np_after,
    set_off_after,
    subject,
    tail_is_empty,
)
from audit.attribute.originators import Mention, lexicon, parse_source, phrase_regex, source_like
from audit.attribute.records import Attribution, Direction
from audit.attribute.vocab import cue_in, data_owners, patterns, told_whom
from audit.model import Sentence


def sentence_attributions(s: Sentence) -> list[Attribution]:
    """Every attribution in one sentence, in text order."""
    pats = patterns()
    text = s.text
    low = text.lower()
    found: list[Attribution] = []
    if ":" in text:
        _add(found, _tail_source(text, s))
        _add(found, _lead_source(text, s))
    if "with " in low:
        _absolute_attributions(text, s, found)
    quoted = "quoted" in low
    if not quoted and not cue_in("any", low):
        return found
    if cue_in("before", low):
        for m in pats["before"].finditer(text):
            _add(found, _before_attribution(text, m, s))
    if quoted:
        for m in QUOTED_AS.finditer(text):
            _add(found, quoted_as_attribution(text, m, s))
        for m in QUOTED_BY.finditer(text):
            _add(found, quoted_by_attribution(text, m, s))
    for m in pats["verbs"].finditer(text) if cue_in("verbs", low) else ():
        if m.group(0)[:1].isupper() and text[: m.start()].strip(" \"“‘'("):
            continue  # a name: "the United States", "Unity State"
        if not any(a.start <= s.start + m.start() < a.end for a in found):
            _add(found, _verb_attribution(text, m, s))
    if cue_in("data_nouns", low):
        _data_attributions(text, s, found)
    found.sort(key=lambda a: a.start)
    for m in pats["participles"].finditer(text) if cue_in("participles", low) else ():
        a = _participle_attribution(text, m, s, found)
        if a and not any(b.start <= a.end - 1 < b.end for b in found):
            found.append(a)
    found.sort(key=lambda a: a.start)
    return apply_conduits(found)


def _verb_attribution(
    text: str, m: re.Match[str], s: Sentence, cue_end: int | None = None
) -> Attribution | None:
    base = s.start
    verb_end = cue_end if cue_end is not None else m.end()
    claims_to_have = m.group(0).lower().startswith("claim") and _TO_HAVE.match(text, verb_end)
    if blocked(text, m.start()) or (
        patterns()["verb_exclusions"].match(text, verb_end) and not claims_to_have
    ):
        return None  # but "the army claimed to have killed 40": the army claims it
    if cue_end is None and is_noun(m.group(0), text[: m.start()], text[verb_end:]):
        return None
    clauses = ClausesBefore(text, m.start())  # read once for the relay and the subject
    relayed = relay_before(text, m.start(), base, clauses)
    if relayed:  # "Yonhap, citing the NIS, said ..."
        conduit, originators, start = relayed
        direction: Direction = "backward" if tail_is_empty(text, verb_end) else "forward"
        return Attribution(
            m.group(0), base + start, base + verb_end, originators, direction, s.index, via=conduit
        )
    subj = subject(text, m.start(), clauses)
    if subj is not None and subj[1].strip().lower() in _FIRST_PERSON:
        return None  # '"We have recorded 24 dead," he said': the quotation's speaker stands behind it
    statement = bool(_IN_A_STATEMENT.match(text, verb_end))
    told = m.group(0).lower() in ("told", "tell", "tells")
    via: list[Mention] = []
    # inverted: ', said the official.' (also after a clause whose words looked like a subject: "a
    # probe by the Commission, which is near, said the governor")
    if (
        subj is None
        or not (source_like(subj[1]) or apposed_name(subj[1]))
        or _speaker_after(text, m, verb_end)
    ):
        if told:
            return None  # the one told is the audience, never the source
        before = text[: m.start()].rstrip()
        if not before or before[-1] not in ',"”':
            return None
        end, phrase = np_after(text, verb_end)
        if age := _AGE_AFTER_NAME.match(text, end):
            end = age.end()  # "..., said Aisha Bello, 35, a farmer who fled": her age, then more of her
        appos = _apposition_after().match(text, end) or _NAME_AFTER_ROLE.match(text, end)
        # '..., said Ahmed Ali, a local doctor.', '..., said the fire service's spokeswoman, Maria Lopez.'
        if appos and not patterns()["verbs"].search(appos.group(0)):
            end = appos.end()
            relative = RELATIVE_INSIDE.search(appos.group(0))  # ", a farmer who fled": not the name
            phrase = text[verb_end : appos.start() + relative.start() if relative else end]
        mentions = parse_source(phrase, base + verb_end, statement)
        if (
            not mentions
            or not (source_like(phrase) or apposed_name(phrase))
            or not (tail_is_empty(text, end) or _speech_goes_on(text, end))
        ):
            return None
        start, direction = m.start(), "backward"
        cue = m.group(0)
    else:
        mentions = parse_source(subj[1], base + subj[0], statement)
        if not mentions:
            return None
        start, cue = subj[0], m.group(0)
        end = verb_end
        after = verb_end
        outlet = patterns()["outlet"].match(text, after)
        if told and outlet:  # "Ema Suryani told AFP"
            name = _POSSESSIVE_END.sub("", outlet.group(1))  # "BBC Radio Scotland's (Good Morning)"
            via = parse_source(name, base + outlet.start(1))
            for v in via:
                v.kind = "organisation"  # "Reuters" is no person a later "he" could mean
            after = outlet.end()
        elif told:
            rec = _told_whom().match(text, after)
            after = rec.end() if rec else after
        relay = relay_after(text, after, base)
        if relay:
            attr = Attribution(cue, base + start, base + relay[1], relay[0], "both", s.index, via=mentions)
            attr.direction = "backward" if tail_is_empty(text, relay[1]) else "forward"
            return attr
        if _COLON_SOON.match(text, after):
            # '..., the governor said: 120 died': the clause before the comma is theirs too
            direction = "both" if text[:start].rstrip().endswith(",") else "forward"
        elif tail_is_empty(text, after):
            if _RELATIVE_OBJECT.search(text[:start]):
                return None  # "the attack, which the group claimed": the verb's object is the attack
            direction = "backward"
        else:  # '..., the ministry said, adding ...' faces both ways; 'X said 40 died' forward
            parenthetical = text[:start].rstrip().endswith(",") and set_off_after(text, after)
            direction = "both" if parenthetical else "forward"
    if not noun_phrases_only(mentions):
        return None
    return Attribution(cue, base + start, base + end, mentions, direction, s.index, via=via)


def _speaker_after(text: str, m: re.Match[str], verb_end: int) -> bool:
    """ "..., said the governor.": a source right after a verb that follows a comma, ending the clause."""
    if m.group(0).lower() in ("told", "tell", "tells") or not text[: m.start()].rstrip().endswith(","):
        return False
    end, phrase = np_after(text, verb_end)
    words = phrase.split()
    if not words or words[0].lower() in PREPOSITIONS or words[0].lower() in _CLAUSE_OPENERS:
        return False  # "..., said in a statement": an adjunct; "..., testified that Hiller fired": a clause
    # not "Mohamed Isak, who sells milk, said the force of the blast knocked him down": a clause follows
    return source_like(phrase) and holds_no_clause(phrase) and tail_is_empty(text, end)


_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whether", "how", "if", "what", "when", "where", "why"})
_FIRST_PERSON = frozenset({"i", "we"})
_IN_A_STATEMENT = re.compile(r"\s+in\s+a\s+statement")


@cache
def _apposition_after() -> re.Pattern[str]:
    """', a local doctor', ', the agency's head', ", UNHCR's deputy head", and a bare title, up to two
    words before it: ', director of the Traffic Department', ', deputy assistant director of the
    fire service' (`titles`)."""
    titles = phrase_regex(lexicon().words("titles")).pattern
    return re.compile(
        rf",\s+(?:(?:an?|the)\s+|[A-Z][\w.&-]*['’]s\s+|(?=(?:[a-z-]+\s+){{0,2}}{titles}\s+(?:of|at|for|in|with)\b))"
        r"[^,.;:]*"
    )


# a name set after the role that opens the phrase, ending the sentence: ", Maria Lopez."
_NAME_AFTER_ROLE = re.compile(
    r",\s+(?:[A-Z][\w'\u2019-]*\.?\s+){0,3}[A-Z][\w'\u2019-]*(?=\s*[.!?\"\u201d]*\s*$)"
)
# "a report released on Tuesday by", "data compiled by": a document, then who issued it
_ISSUED_BY = re.compile(
    r"\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:report|study|survey|analysis|review|assessment|data|figures|count|tally)"
    r"\s+(?:released|published|issued|compiled|prepared|produced|commissioned)\b[^,;.]{0,40}?\bby\s+",
    re.I,
)
_AGE_AFTER_NAME = re.compile(r",\s*\d{1,3}(?=\s*[,.]|\s*$)")
_COLON_SOON = re.compile(r"[^.;,:\"\u201c]{0,25}:")
_COMMA = re.compile(r"\s*,\s*")
_RELATIVE_OBJECT = re.compile(r"\b(?:which|that|whom)\s*$", re.I)
_POSSESSIVE_END = re.compile(r"['’]s$")
_CONJUNCTIONS_AND_PUNCTUATION = re.compile(r"(?i)\b(?:but|and|yet|so|also)\b|[\W_]")
_OWNER_WORD_LAST = re.compile(r"[\w.&-]+$")
_OWNER_WORD = re.compile(r"[\w’'.&-]+")
# the subject of a sentence's first verb in "-ed", past an opening adverb: "Later, a faction of the
# group claimed (responsibility, saying ...)"
_SUBJECT_AND_PAST = re.compile(
    r"\s*(?:[A-Z][a-z]+,\s+)?((?:[\w’'.()-]+\s+){0,7}?[\w’'.()-]+)(?<!\bthe)(?<!\ban)(?<!\ba)"
    r"\s+(?:has\s+|have\s+|had\s+)?(?:[a-z]+ed|put|gave|set|told|took|kept)(?=\s)"  # not "the banned (group)"
)  # "X put the toll higher, saying": a few irregular pasts too
_SUBJECT_AND_VERB = re.compile(
    r"\s*((?:(?:[A-Z][\w’'.-]*|[a-z]+)\s+)*?[A-Z][\w’'.-]*)\s+[a-z]+(?:ed|s)(?=\s)"
)


@cache
def _told_whom() -> re.Pattern[str]:
    return re.compile(told_whom())


def _speech_goes_on(text: str, pos: int) -> bool:
    """ "..., said Ina, a nurse, adding that she had treated 20": the speaker goes on in a participle
    (which then speaks for what follows it)."""
    m = _COMMA.match(text, pos)
    return m is not None and bool(patterns()["participles"].match(text, m.end()))


# A headline's source after a final colon: "Quake hits island, five hurt: media", "... Shooting: Police"
_TAIL_SOURCE = re.compile(r":\s*(?P<src>[^:;!?\"\u201c\u201d(),]{2,40}?)\s*$")


def _tail_source(text: str, s: Sentence) -> Attribution | None:
    """The wire headline's "...: police": a short source after a final colon, in a sentence with no
    final stop (a headline), speaks for everything before the colon."""
    body = text.rstrip()
    m = _TAIL_SOURCE.search(body)
    if m is None or body.endswith((".", "!", "?", "'", "\u2019")) or len(m.group("src").split()) > 4:
        return None
    phrase = m.group("src")
    mentions = parse_source(phrase, s.start + m.start("src"))
    if not mentions or not source_like(phrase):
        return None
    return Attribution(":", s.start + m.start(), s.start + m.end(), mentions, "backward", s.index)


# A headline's source before a colon: "Police: 31 arrested", "UN: 2 million displaced"
_LEAD_SOURCE = re.compile(r"^\s*(?P<src>[A-Z][^:;!?\"\u201c\u201d(),.]{1,30}?)\s*:\s+\S")


def _lead_source(text: str, s: Sentence) -> Attribution | None:
    """The headline's "Police: ...": a body, role or acronym before a colon opening a sentence with no
    final stop (a headline) speaks for what follows; a place ("Kenya: ...") or a label ("Live: ...")
    does not."""
    body = text.rstrip()
    m = _LEAD_SOURCE.match(body)
    if m is None or body.endswith((".", "!", "?")):
        return None
    phrase = m.group("src")
    words = phrase.split()
    named_role = not data_owners().isdisjoint(w.lower() for w in words)
    if len(words) > 4 or not (named_role or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)):
        return None
    mentions = parse_source(phrase, s.start + m.start("src"))
    if not mentions:
        return None
    return Attribution(
        ":", s.start + m.start("src"), s.start + m.end("src") + 1, mentions, "forward", s.index
    )


def _before_attribution(text: str, m: re.Match[str], s: Sentence) -> Attribution | None:
    """ "according to X", "as reported by X", "a statement from X"; "according to a report released
    on Tuesday by X": X's report."""
    end, phrase = np_after(text, m.end())
    start = m.end()
    if issued := _ISSUED_BY.match(text, m.end()):
        start = issued.end()
        end, phrase = np_after(text, start)
    statement = "statement" in m.group(0).lower()
    mentions = parse_source(phrase, s.start + start, statement)
    if not mentions or not all(source_like(x.name) for x in mentions):
        return None
    via: list[Mention] = []
    relay = relay_after(text, end, s.start)
    if relay:
        via, mentions, end = mentions, relay[0], relay[1]
    lead = text[: m.start()]
    at_start = not _CONJUNCTIONS_AND_PUNCTUATION.sub("", lead)
    tail_empty = tail_is_empty(text, end)
    direction: Direction = "backward" if tail_empty else "forward" if at_start else "both"
    return Attribution(m.group(0), s.start + m.start(), s.start + end, mentions, direction, s.index, via=via)


def _possessive_attribution(text: str, m: re.Match[str], s: Sentence) -> Attribution | None:
    """ "the health ministry's figures", "UNRWA's estimate", "its tally"."""
    last = _OWNER_WORD_LAST.search(text[: m.start()])
    if last is None:
        return None
    start = last.start()
    for w in reversed(list(_OWNER_WORD.finditer(text[: last.start()]))[-5:]):
        gap = text[w.end() : start]
        low = w.group(0).lower()
        if gap.strip() or low in PREPOSITIONS or patterns()["verbs"].fullmatch(low):
            break
        start = w.start()
        if low in DETERMINERS:
            break
    owner = text[start : m.start()]
    mentions = parse_source(owner, s.start + start, m.group("noun").lower() == "statement")
    if not mentions or not source_like(owner):
        return None
    cue = text[last.start() : m.end()]
    return Attribution(cue, s.start + start, s.start + m.end(), mentions, "both", s.index)


_TO_HAVE = re.compile(r"\s+to\s+have\s+[a-z]+(?:ed|en|t)\b", re.I)


def _participle_attribution(
    text: str, m: re.Match[str], s: Sentence, found: list[Attribution]
) -> Attribution | None:
    """ "Papandreou condemned the killings, saying: ..." speaks for the clause's subject."""
    if not text[: m.start()].rstrip().endswith(","):
        return None
    earlier = [a for a in found if a.end <= s.start + m.start()]
    if earlier:
        a = earlier[-1]
        return Attribution(m.group(0), a.start, s.start + m.end(), a.mentions, "forward", s.index, via=a.via)
    lead = _SUBJECT_AND_VERB.match(text[: m.start()])
    if not lead or not source_like(lead.group(1)):
        lead = _SUBJECT_AND_PAST.match(text[: m.start()])  # "The miners' union disputed it, saying"
        if not lead or not source_like(lead.group(1)):
            return None
    mentions = parse_source(lead.group(1), s.start + lead.start(1))
    if not mentions or not noun_phrases_only(mentions):
        return None
    return Attribution(m.group(0), s.start + lead.start(1), s.start + m.end(), mentions, "forward", s.index)


def _absolute_attributions(text: str, s: Sentence, found: list[Attribution]) -> None:
    """ "Casualties were high, with the Red Cross reporting 85 deaths"; "..., with the army putting it
    at 12 and rebels claiming 30": the subject of an absolute "with" phrase (and of a phrase
    coordinated with it) is the source of what its participle says."""
    opened = False
    for m in patterns()["absolute"].finditer(text):
        opener = text[m.start() : m.start() + 4].lower()
        if opener == "with":
            opened = True
        elif not opened:
            continue  # "and rebels claiming" only goes on from a "with" phrase
        phrase = m.group(1).strip()
        if not phrase or not source_like(phrase) or patterns()["be"].search(phrase):
            continue
        mentions = parse_source(phrase, s.start + m.start(1))
        if mentions:
            _add(
                found,
                Attribution(
                    m.group(2), s.start + m.start(1), s.start + m.end(), mentions, "forward", s.index
                ),
            )


def _overlaps(a: Attribution, found: list[Attribution]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in found)


def _add(found: list[Attribution], a: Attribution | None) -> None:
    if a is not None and not _overlaps(a, found):
        found.append(a)


def _data_attributions(text: str, s: Sentence, found: list[Attribution]) -> None:
    """The cues built on a data noun: "put the toll at", "the ministry's figures", "UN figures show",
    and provenance statements ("the figures had been provided by the police")."""
    pats = patterns()
    for m in pats["toll"].finditer(text):
        a = _verb_attribution(text, m, s)
        if a is not None:
            a.direction = "forward"
        _add(found, a)
    for m in pats["possessive_data"].finditer(text):
        _add(found, _possessive_attribution(text, m, s))
    for m in pats["owned_data"].finditer(text):  # "UN figures show that ..."
        owner = _data_owner(m.group(1), at_start=not text[: m.start(1)].strip(" \"“'"))
        mentions = parse_source(owner, s.start + m.end(1) - len(owner) - 1) if owner else []
        if mentions:
            span = (s.start + m.start(1), s.start + m.end())
            facing: Direction = (
                "backward" if tail_is_empty(text, m.end()) else "forward"
            )  # "..., UN figures show."
            _add(found, Attribution(m.group(0), *span, mentions, facing, s.index))
    for m in pats["provenance"].finditer(text):
        end, phrase = np_after(text, m.end())
        mentions = parse_source(phrase, s.start + m.end())
        if mentions and source_like(phrase):
            span = (s.start + m.start(), s.start + end)
            found.append(Attribution(m.group(0).strip(), *span, mentions, "both", s.index, provenance=True))
    for m in pats["corroboration"].finditer(text):
        end, phrase = np_after(text, m.end())
        mentions = parse_source(phrase, s.start + m.end())
        if mentions and source_like(phrase):
            span = (s.start + m.start(), s.start + end)
            cue = m.group(0).strip(" ,")
            found.append(Attribution(cue, *span, mentions, "backward", s.index, corroborates=True))


def _data_owner(words: str, at_start: bool) -> str:
    """The owner of "UN figures", "Home Office data", "police records": capitalised words or a known
    owner, less any that only describe the data ("New", "Latest", "Official"); at a sentence's start,
    capitals prove nothing, so an owner there must be an acronym, two words ("Home Office") or a
    known owner ("Police")."""
    names = words.split()
    while names and names[0].lower() in lexicon().words("data_qualifiers"):
        names, at_start = names[1:], False
    owner = " ".join(names)
    if not owner or not source_like(owner):
        return ""
    if (
        at_start
        and len(names) < 2
        and not (owner.isupper() and len(owner) > 1)
        and owner.lower() not in data_owners()
    ):
        return ""  # but "Police records show": a known owner
    return owner
