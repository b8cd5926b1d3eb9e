"""The attribution cue lists of audit/data/attribution.yaml, compiled once.

`reporting_verbs`, `speech_participles`, `source_before`, `data_nouns` (the cues every sentence is
scanned for), `relay_words`, `conduit_openers`, `news_outlets`, `toll_patterns`, `be_forms`,
`phrase_stops`, `verb_exclusions`, `provenance_patterns`, `corroboration_patterns`, `negations`,
`absolute_participles`, `record_verbs`, `audience_nouns` and `place_heads` (a place's record
yields to its speaker), and the `carry_over` mode.
Hedges (hedges.py) and the name lists (originators.py) compile their own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from audit.attribute.originators import lexicon, phrase_regex


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    return {
        **{name: phrase_regex(words) for name, words in _sentence_cues().items()},
        "relay": phrase_regex(lex.words("relay_words")),
        "conduit": phrase_regex(lex.words("conduit_openers")),
        "outlet": re.compile(
            rf"\s+((?i:{phrase_regex(lex.raw.get('news_outlets', [])).pattern})(?:\s+[A-Z][\w’'.-]*)*)"
        ),
        "toll": re.compile("|".join(f"(?:{p})" for p in lex.raw.get("toll_patterns", [])), re.IGNORECASE),
        "be": phrase_regex(lex.words("be_forms")),
        "phrase_stops": phrase_regex(lex.words("phrase_stops")),
        # matched at the verb's end with .match(text, pos), where "^" would never match: it is dropped
        "verb_exclusions": re.compile(
            "|".join(f"(?:{p.removeprefix('^')})" for p in lex.raw.get("verb_exclusions", [])) or r"(?!x)x",
            re.IGNORECASE,
        ),
        "provenance": re.compile(
            "|".join(f"(?:{p})" for p in lex.raw.get("provenance_patterns", [])) or r"(?!x)x", re.IGNORECASE
        ),
        "corroboration": re.compile(
            "|".join(f"(?:{p})" for p in lex.raw.get("corroboration_patterns", [])) or r"(?!x)x",
            re.IGNORECASE,
        ),
        "negation": phrase_regex(lex.words("negations")),
        # "with the Red Cross reporting", "and rebels claiming": an absolute phrase's subject speaks
        "absolute": re.compile(
            r"\b(?i:with|and)\s+((?:the\s+)?(?:[\w’'.()-]+\s+){0,6}?)("
            + phrase_regex(lex.words("absolute_participles")).pattern
            + r")(?=\s)"
        ),
        # "UN figures show", "Home Office data suggest", "police records show": an owner (named, or a known
        # one in lower case), a data noun, a verb of showing
        "owned_data": re.compile(
            r"(?<![\w’'])((?:the\s+)?(?:(?:[A-Z][\w.&’'-]*|"
            + "|".join(sorted(data_owners(), key=len, reverse=True))
            + r")\s+){1,5}?)(?:"
            + "|".join(sorted(lex.words("data_nouns"), key=len, reverse=True))
            + r")\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated)\b"
        ),
        "possessive_data": re.compile(
            r"(?<=[\w.&-])(?:'s|’s)\s+(?:latest\s+|official\s+|own\s+|provisional\s+)?(?P<noun>"
            + "|".join(sorted(lex.words("data_nouns"), key=len, reverse=True))
            + r")\b",
            re.IGNORECASE,
        ),
    }


@cache
def _sentence_cues() -> dict[str, frozenset[str]]:
    """The cue lists every sentence is scanned for."""
    lex = lexicon()
    return {
        "verbs": lex.words("reporting_verbs"),
        "participles": lex.words("speech_participles"),
        "before": lex.words("source_before"),
        "data_nouns": lex.words("data_nouns") | {"put", "puts", "putting"},
    }


@cache
def _lower_pattern(name: str) -> re.Pattern[str]:
    """The cue list `name` ("any": all of _sentence_cues) for lower-cased text."""
    if name == "any":
        return re.compile(phrase_regex(frozenset().union(*_sentence_cues().values())).pattern)
    return re.compile(patterns()[name].pattern)  # the word lists are lower-case


def cue_in(name: str, low: str) -> bool:
    """Whether the lower-cased sentence holds a cue of list `name`: a case-sensitive search is a
    fraction of the cost of re.IGNORECASE, and most sentences hold none, so it runs first. A list
    whose every phrase holds one of a few words ("by", "from", "according") is searched only in a
    sentence holding one of them: a substring test costs a fraction of the search."""
    needles = _needles(name)
    if needles is not None and not any(n in low for n in needles):
        return False
    return bool(_lower_pattern(name).search(low))


_MAX_NEEDLES = 16  # more substring tests than this cost as much as the search they spare


@cache
def _needles(name: str) -> tuple[str, ...] | None:
    """The few words one of which every phrase of cue list `name` holds (see `needles_for`)."""
    cues = _sentence_cues()
    return needles_for(frozenset().union(*cues.values()) if name == "any" else cues[name])


def needles_for(phrases: frozenset[str]) -> tuple[str, ...] | None:
    """A few of the phrases' words, one of which every phrase holds as a substring ("claim" in
    "claimed"), or None when more than _MAX_NEEDLES would be needed: a text holding none of them
    cannot match the phrases. A greedy cover: the word that covers the most letters first."""
    rest = {" ".join(p.lower().split()) for p in phrases}
    words = sorted({w for p in rest for w in p.split()})
    # which phrases hold each word, tested once: each round then counts what is left by intersection
    holding = {w: frozenset(p for p in rest if w in p) for w in words}
    needles: list[str] = []
    while rest and len(needles) < _MAX_NEEDLES:
        best = max(words, key=lambda w: (len(holding[w] & rest) * len(w), w))
        needles.append(best)
        rest = rest - holding[best]
    return None if rest else tuple(needles)


@cache
def told_whom() -> str:
    """Who was told, after "told": a name in capitals ("the BBC", "AFP"), a pronoun, "reporters" or
    "journalists", or a phrase ending in one of `audience_nouns` ("a local radio station", "a news
    conference"). The speaker reader steps past it (cues.py); a quotation after it keeps the speaker
    of the one before (quotations.py). A pattern's source, matched at the space before it."""
    audience = phrase_regex(lexicon().words("audience_nouns")).pattern
    return (
        r"\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+|\s+(?:him|her|them|us|me|reporters|journalists)\b"
        rf"|\s+(?:an?|the|its|their)\s+(?:[\w’'-]+\s+){{0,3}}(?i:{audience})"
    )


@cache
def data_owners() -> frozenset[str]:
    """Words that own data in lower case too ("police records", "ministry figures"):
    `organisation_words` and `anonymous_words`."""
    lex = lexicon()
    return lex.words("organisation_words") | lex.words("anonymous_words")


def is_record(cue: str) -> bool:
    """Is an attribution's cue a verb of recording ("recorded", "counted"), not of speech?"""
    return cue.lower() in lexicon().words("record_verbs")


def names_a_place(name: str, places: frozenset[str] = frozenset()) -> bool:
    """ "the Free State region", "The St Catherine North division": a place or area, not an agent;
    or one of `places`, the names a document sets after "in", "near", "across" ... (document_places)."""
    words = name.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return bool(words) and (words[-1] in lexicon().words("place_heads") or " ".join(words) in places)


def document_places(text: str) -> frozenset[str]:
    """The capitalised names a document sets after a preposition of place ("in Lagos", "across the
    South East", "near Kano"), lower-cased without "the": what it treats as places. Not a name
    ending in one of `organisation_words` ("in the Bureau's count")."""
    bodies = lexicon().words("organisation_words")
    names = (m.group(1).lower() for m in _PLACE_AFTER_PREPOSITION.finditer(text))
    return frozenset(n for n in names if n.split()[-1] not in bodies)


_PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|near|across|throughout|outside)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)(?![\w'’-])"
)


@cache
def refers_back() -> re.Pattern[str]:
    """`referring_openers`: a sentence opening that points back at the group the sentence before
    counted ("Of those,", "They are")."""
    return re.compile(rf"\W*(?:{'|'.join(lexicon().raw.get('referring_openers', []))})\b", re.IGNORECASE)


def carry_mode() -> str:
    """`carry_over`: quotes (default), none, paragraph or next; see scope.py and quotations.py."""
    return str(lexicon().raw.get("carry_over", "quotes"))
