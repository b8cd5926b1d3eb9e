"""Who a source is: parse a source phrase into mentions, and resolve mentions within a document.

"South Korea's National Intelligence Service (NIS)", later "the NIS", "the intelligence service",
"South Korean intelligence" and "according to South Korea" are one originator: every mention gets
the same `key` (the longest full name of its cluster). Pronouns ("he said") and bare roles ("said the
official") take the name of the latest mention they can refer to; people named as the subject of
an unattributed sentence are candidates for them too (`subject_people`).

The word lists live in audit/data/attribution.yaml: `titles`, `organisation_words`,
`anonymous_words`, `pronouns`, `name_stops`, `leading_fillers`, `trailing_fillers`,
`trailing_time_phrases` (with the months and weekdays of relations.yaml's `calendar_words`),
`data_nouns`, `not_sources`, `name_synonyms`, `capitals`, `adjective_endings`, `field_nouns`. The
rest of the package reads the file through `lexicon()` here.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import yaml

from audit.lexicon import data, data_text, words_pattern
from audit.model import Document

Kind = Literal["person", "organisation", "anonymous", "pronoun", "description", "other"]

_WORD = re.compile(r"[A-Za-z0-9][\w’'.-]*[\w]|[A-Za-z0-9]")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*\)")
_FUNCTION = frozenset(
    {"the", "a", "an", "of", "in", "at", "for", "from", "and", "its", "their", "this", "that"}
)
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "several",
        "some",
        "many",
        "few",
        "both",
    ]
)


@dataclass(frozen=True)
class Lexicon:
    """The attribution word lists, as sets and compiled patterns."""

    raw: dict[str, Any]
    _words: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, key: str) -> frozenset[str]:
        """The lower-cased word list `key`, built once (it is asked for thousands of times a document)."""
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = frozenset(str(w).lower() for w in self.raw.get(key, []))
        return found

    @property
    def pronoun_kinds(self) -> dict[str, str]:
        return {w: kind for kind, ws in self.raw.get("pronouns", {}).items() for w in ws}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = data_text("attribution.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return Lexicon(yaml.load(text, Loader=loader))  # noqa: S506 - a safe loader


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    lex = lexicon()
    keys = ("titles", "organisation_words", "anonymous_words", "data_nouns", "leading_fillers")
    out = {k: lex.words(k) for k in keys}
    out["trailing_fillers"] = lex.words("trailing_fillers")
    out["pronouns"] = frozenset(lex.pronoun_kinds)
    # unions asked for on every word of every source phrase, built once
    out["lexical"] = out["titles"] | out["organisation_words"] | out["anonymous_words"]
    out["role_words"] = out["lexical"] | out["pronouns"]
    out["not_proper"] = out["role_words"] | out["leading_fillers"] | _FUNCTION | _NUMBER_WORDS
    return out


def phrase_regex(phrases: frozenset[str] | list[str]) -> re.Pattern[str]:
    """One case-insensitive whole-word alternation (a trie, see `words_pattern`); any whitespace
    run matches a space."""
    words = {" ".join(str(p).lower().split()) for p in phrases}
    return re.compile(rf"(?<![\w’']){words_pattern(words)}(?![\w’'])", re.IGNORECASE)


@dataclass
class Mention:
    """One mention of a source in the text."""

    name: str  # as written, trimmed of fillers, acronym and apposition
    start: int
    end: int
    kind: Kind = "other"
    description: str = ""  # an apposition: "an official from the local disaster agency"
    acronym: str | None = None
    statement: bool = False  # the cue was a statement ("said in a statement", "the statement said")
    conduit: bool = False  # named only as the conduit of another source ("Yonhap, citing the NIS")
    key: str = ""  # the originator: shared by every mention of one source
    display: str = ""  # the name to show: the antecedent's for a pronoun or bare role
    tokens: frozenset[str] = field(default_factory=frozenset)

    @property
    def anonymous(self) -> bool:
        return self.kind == "anonymous"

    def moved(self, offset: int) -> Mention:
        """A copy `offset` characters further on: dataclasses.replace without its per-call reading
        of the fields (a third of the cost; called for every source phrase of every document)."""
        copy = object.__new__(Mention)
        copy.__dict__.update(self.__dict__)
        copy.start += offset
        copy.end += offset
        return copy


def tokens_of(text: str) -> list[str]:
    return [_unpossessed(w.lower()) for w in _WORD.findall(text)]


def _unpossessed(word: str) -> str:
    """A word less its possessive ending: `_POSSESSIVE.sub("", word)` for a word on one line, without
    a regex (asked of every word of every source phrase)."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


@lru_cache(maxsize=8192)
def content_tokens(text: str) -> frozenset[str]:
    sets = _sets()
    drop = _FUNCTION | _NUMBER_WORDS | sets["data_nouns"] | {"mr", "mrs", "ms", "dr"}
    return frozenset(
        t
        for t in tokens_of(_synonyms(_country_of_capital(text)))
        if t not in drop and not t.isdigit() and not t.endswith(_WHERE_BASED)
    )


# "the Britain-based monitor", "the Geneva-headquartered agency": where a source sits describes it and
# is no part of its name, so it is no token a named antecedent must hold
_WHERE_BASED = ("-based", "-headquartered")


def _country_of_capital(name: str) -> str:
    """ "Seoul" named alone as a source is "South Korea"; any other name is itself."""
    capitals: dict[str, str] = lexicon().raw.get("capitals", {})
    return capitals.get(" ".join(name.lower().split()), name)


def _synonyms(text: str) -> str:
    """The name with its synonym phrases replaced: "the spy agency" -> "the intelligence service"."""
    table: dict[str, str] = lexicon().raw.get("name_synonyms", {})
    if not table:
        return text
    return _synonym_pattern().sub(lambda m: table[" ".join(m.group(0).lower().split())], text)


@lru_cache(maxsize=1)
def _synonym_pattern() -> re.Pattern[str]:
    return phrase_regex(list(lexicon().raw.get("name_synonyms", {})))


def is_proper(word: str, first: bool = False) -> bool:
    """A capitalised word that is no title, organisation word or filler."""
    if not word[:1].isupper():  # a possessive ending is never all of a word: its first letter decides
        return False
    sets = _sets()
    low = _unpossessed(word).lower()
    if low in sets["not_proper"]:
        return False
    return not (first and low in sets["data_nouns"])


_DEMONYM_ENDINGS = ("i", "an", "ese", "ish", "ch")  # "Iraqi", "Syrian", "Chinese", "British", "French"


def _demonym(words: list[str], i: int) -> bool:
    """ "Iraqi" in "an Iraqi army captain": a capitalised modifier of a lower-case noun."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return nxt.isalpha() and nxt.islower() and words[i].endswith(_DEMONYM_ENDINGS)


def proper_words(name: str) -> list[str]:
    return _proper_of(_WORD.findall(name))


def _proper_of(words: list[str]) -> list[str]:
    """The proper words of a phrase's words (see `proper_words`)."""
    return [w for i, w in enumerate(words) if is_proper(w, first=i == 0) and not _demonym(words, i)]


_PLACE_OR_ROLE_OF = re.compile(r"\s(?:of|in|from|at|for|with)\s")  # "the governor of Qeshm"


def classify(name: str) -> Kind:
    sets = _sets()
    words = _WORD.findall(name)
    if not words:
        return "other"
    low = [_unpossessed(w.lower()) for w in words]
    if len(low) == 1 and low[0] in sets["pronouns"]:
        return "pronoun"
    of = _PLACE_OR_ROLE_OF.search(name)  # the proper words before it: its words, unless there is one
    proper = _proper_of(words if of is None else _WORD.findall(name[: of.start()]))
    titles = sets["titles"]
    has_title = not titles.isdisjoint(low) or any(
        w.rsplit("-", 1)[-1] in titles for w in low if "-" in w
    )  # "Under-Secretary"
    has_org = not sets["organisation_words"].isdisjoint(low) or _two_word_entry(
        low, sets["organisation_words"]
    )
    definite = low[0] in {"the", "this"}
    titled = has_title or not lexicon().words("abbreviated_titles").isdisjoint(w.rstrip(".") for w in low)
    named_last = titled and _personal_name_last(words, low, sets["organisation_words"])
    if named_last and not sets["titles"].intersection(low[-2:]):
        return "person"  # "Superintendent of Police Abhishek Yadav", "police Capt. Ali Hassan": a name
    if not proper:
        if low[-1] in sets["anonymous_words"] or low[-1] in sets["titles"]:
            return "description" if definite else "anonymous"
        if has_org:
            return "description" if definite and len(low) <= 2 else "organisation"
        return "description" if low[-1] in sets["data_nouns"] else "other"
    if has_title and not any(w.isupper() and len(w) > 1 for w in proper[-1:]):
        return "person"
    if has_title and _personal_name_last(words, low, sets["organisation_words"]):
        return "person"  # "US Secretary of State John Kerry": a country's initials before the title
    if any(w.isupper() and len(w) > 1 for w in words) or has_org:
        return "organisation"
    return "person" if len(proper) >= 2 or len(words) == 1 else "other"


def _personal_name_last(words: list[str], low: list[str], organisation_words: frozenset[str]) -> bool:
    """Does the phrase end in a personal name: two capitalised words, neither all capitals nor a word
    of an organisation's name ("... John Kerry", not "... Geological Survey" or "... the FBI")?"""
    last = words[-2:]
    return (
        len(last) == 2
        and all(w[:1].isupper() and not w.isupper() for w in last)
        and not any(w in organisation_words for w in low[-2:])
    )


_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whose|which)\b[^,]*,", re.I)


def source_like(name: str) -> bool:
    """Could this phrase be a source at all (not "violence", not "the meeting")? A relative clause on
    it ("Rusdi, who goes by one name,") says nothing either way and is read past."""
    sets = _sets()
    name = _RELATIVE_CLAUSE.sub(" ", name)
    words = _WORD.findall(name)
    if not words or len(words) > 14:
        return False
    low = [_unpossessed(w.lower()) for w in words]
    if low[0] in ("no", "none", "neither"):
        return False  # "was claimed by no group", "no one said": a source denied
    if _DIGIT.search(name):
        return False
    lexical = sets["role_words"]
    if any(w in lexical for w in low) or any(w in sets["data_nouns"] for w in low):
        return True
    if _two_word_entry(low, lexical):
        return True  # "the think tank", "the coast guard": a body named in two words
    never = lexicon().words("not_sources")
    names = [w for w in proper_words(name) if _unpossessed(w.lower()) not in never]
    return bool(names) or any(w.isupper() and len(w) > 1 for w in words)


def _two_word_entry(low: list[str], entries: frozenset[str]) -> bool:
    """Do two adjacent words of `low` make one of `entries` ("think tank", "united nations")?"""
    return any(f"{a} {b}" in entries for a, b in zip(low, low[1:], strict=False))


def fuzzy_in(token: str, others: frozenset[str]) -> bool:
    """ "korean" is in {"korea"}; "ramsey" is in {"charles", "ramsey"}."""
    if token in others:
        return True
    for o in others:
        short, long_ = sorted((token, o), key=len)
        if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
            return True
    return False


def initials(text: str) -> str:
    caps = [w for w in _WORD.findall(text) if w[:1].isupper() and w.lower() not in _FUNCTION]
    return "".join(w[0] for w in caps)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _generic(m: Mention) -> bool:
    """A bare anonymous plural ("officials", "two security officials" is not) never merges."""
    return m.kind == "anonymous" and len(m.tokens) <= 1


_DIGIT = re.compile(r"\d")
_INDEFINITE = re.compile(r"(?i)an?\s")
_DEFINITE = re.compile(r"^(?:the|this)\s+", re.IGNORECASE)
_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _indefinite(m: Mention) -> bool:
    """ "a senior official" introduces someone new; it refers back to nobody."""
    return bool(_INDEFINITE.match(m.name))


def _person_like(m: Mention) -> bool:
    """A person, an unnamed person ("officials") or a role ("the general", "the doctor")."""
    if m.kind in ("person", "anonymous"):
        return True
    sets = _sets()
    last = tokens_of(m.name)[-1:] or [""]
    return m.kind == "description" and (last[0] in sets["titles"] or last[0] in sets["anonymous_words"])


def _plural_people(m: Mention) -> bool:
    """ "Residents", "security officials", "the police": people in the plural, whom "he" or "she" never
    means. A body in the plural ("the ministries") is left to the kind test."""
    last = tokens_of(m.name)[-1:]
    if not last or m.kind not in ("anonymous", "description", "organisation", "other"):
        return False
    if _ONE_OF.match(m.name):
        return False  # "One of the doctors", "a police officer": one person
    word = last[0]
    return word in _PLURAL_BODIES or (word.endswith("s") and word in _sets()["anonymous_words"])


_ONE_OF = re.compile(r"\s*(?:one\s+of|an?\s|another\s)", re.I)
_PLURAL_BODIES = frozenset({"police", "people", "authorities", "residents", "officials", "witnesses"})


def _antecedent(m: Mention, i: int, index: _Earlier, gender: dict[int, str], uf: _UnionFind) -> int | None:
    """The earlier mention (by index, before `i`) that `m` refers to, if any."""
    mentions = index.mentions
    if m.kind == "pronoun":
        low = m.name.lower()
        want = lexicon().pronoun_kinds.get(low, "any")
        sex = "f" if low in ("she", "her") else "m" if low in ("he", "him", "his") else ""
        for j in range(i - 1, -1, -1):
            e = mentions[j]
            if e.kind == "pronoun" or (want != "any" and _person_like(e) != (want == "person")):
                continue
            if (sex and gender.get(uf.find(j), sex) != sex) or ((sex or low == "it") and _plural_people(e)):
                continue  # "she" is no "Residents", "it" is no "police"
            return j
        return None
    bare = _DEFINITE.sub("", m.name)
    if bare.isupper() and 2 <= len(bare) <= 8 and bare in index.by_initials:
        return index.by_initials[bare]
    if m.statement and m.kind == "description" and index.last_statement is not None:
        return index.last_statement
    if not m.tokens or _generic(m) or _indefinite(m):
        return None
    for j in index.sharing(m.tokens, since=i - LOOKBACK):
        e = mentions[j]
        if e.tokens == m.tokens and e.name == m.name:
            continue
        full, prefixes = index.full(j)
        # fuzzy_in matches a token of 4+ letters by its first four: most candidates fail that at once
        if all(t in full or (len(t) >= 4 and t[:4] in prefixes and fuzzy_in(t, full)) for t in m.tokens):
            return j
    return None


_STATEMENT_NAME = re.compile(r"\bstatements?$", re.IGNORECASE)  # "the ministry's statement"
LOOKBACK = 120  # earlier mentions searched for a short form's antecedent; keeps long documents linear


class _Earlier:
    """What the mentions before the current one offer as antecedents, kept up to date in one pass
    (a document of thousands of mentions is never scanned back from every one of them)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.by_initials: dict[str, int] = {}  # an acronym or a name's initials -> its latest mention
        self.last_statement: int | None = None  # the latest "statement" naming its issuer
        self._full: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._by_key: dict[str, list[int]] = {}  # a token's key -> the mentions holding it, in order

    def add(self, i: int) -> None:
        m = self.mentions[i]
        if m.acronym:
            self.by_initials[m.acronym] = i
        self.by_initials[initials(m.name)] = i
        if m.statement and not _STATEMENT_NAME.search(m.name):
            self.last_statement = i
        if m.kind != "pronoun":  # a pronoun is no named antecedent
            full, prefixes = self.full(i)
            for key in prefixes.union(t for t in full if len(t) < 4):
                self._by_key.setdefault(key, []).append(i)

    def full(self, j: int) -> tuple[frozenset[str], frozenset[str]]:
        """The tokens of mention j's name and description, and their four-letter prefixes."""
        if j not in self._full:
            e = self.mentions[j]
            full = e.tokens | content_tokens(e.description or "")
            self._full[j] = (full, frozenset(t[:4] for t in full if len(t) >= 4))
        return self._full[j]

    def sharing(self, tokens: frozenset[str], since: int) -> Iterable[int]:
        """The named mentions from `since` on that could hold all of `tokens`, latest first: those
        holding the key of each token (a token of four letters or more is held, exactly or by
        `fuzzy_in`, only by a mention with a token of its first four letters; a shorter one only
        exactly). Walked from the key held by the fewest."""
        holders: list[list[int]] = []
        for t in tokens:
            held = self._by_key.get(t[:4] if len(t) >= 4 else t)
            if held is None:
                return  # no earlier named mention holds this token
            holders.append(held)
        for j in reversed(min(holders, key=len)):
            if j < since:
                return
            yield j


def resolve(mentions: list[Mention]) -> None:
    """Set `key` and `display` of every mention (in document order) so one originator has one key."""
    for m in mentions:
        m.tokens = content_tokens(m.name)
    uf = _UnionFind(len(mentions))
    gender: dict[int, str] = {}
    earlier = _Earlier(mentions)
    for i, m in enumerate(mentions):
        j = _antecedent(m, i, earlier, gender, uf)
        earlier.add(i)
        if j is not None:
            uf.union(i, j)
            sex = _SEX.get(m.name.lower())
            if sex:
                gender.setdefault(uf.find(i), sex)
            if m.kind in ("pronoun", "description") or not proper_words(m.name):
                m.display = mentions[j].display or mentions[j].name
    _merge_contained(mentions, uf)
    clusters: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        clusters.setdefault(uf.find(i), []).append(m)
    for members in clusters.values():
        named = [x for x in members if x.kind not in ("pronoun", "description")] or members
        key = max((x.name for x in named), key=len)
        for x in members:
            x.key = key
            x.display = x.display or x.name


def _merge_contained(mentions: list[Mention], uf: _UnionFind) -> None:
    """A short form contained in exactly one other originator is that originator:
    "according to South Korea" and "South Korea's National Intelligence Service" are one."""
    roots: dict[int, frozenset[str]] = {}
    for i, m in enumerate(mentions):
        if m.kind != "pronoun" and not _generic(m) and not m.conduit and not _indefinite(m):
            r = uf.find(i)
            roots[r] = roots.get(r, frozenset()) | m.tokens
    by_prefix: dict[str, set[int]] = {}
    for r, toks in roots.items():
        for t in toks:
            by_prefix.setdefault(t[:4], set()).add(r)
    for r, toks in list(roots.items()):
        if not toks:
            continue
        # a host must hold every token, so it shares the first one's prefix (fuzzy_in matches prefixes)
        first = min(toks)
        candidates = by_prefix.get(first[:4], set())
        hosts = [
            o
            for o in sorted(candidates)
            if o != r and roots[o] != toks and all(fuzzy_in(t, roots[o]) for t in toks)
        ]
        if len(hosts) == 1:
            uf.union(r, hosts[0])


_DATA_LEAD = (
    r"^(?:the|an?|its|their)?\s*(?:latest|official|provisional|preliminary|new|own|initial)?\s*"
    r"(?:{nouns})(?:\s+(?:released|published|provided|supplied|compiled|issued|given|collected|logged|"
    r"recorded|gathered|kept|cited|seen))?"
    r"\s+(?:from|by|of)\s+(?P<rest>.+)$"
)
_DATA_TAIL = (
    r"^(?P<head>.+?)(?:'s|’s|')?\s+(?:latest|official|provisional|preliminary|new|own|initial)?\s*"
    r"(?:{nouns})$"
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    nouns = "|".join(sorted((re.escape(n) for n in lex.words("data_nouns")), key=len, reverse=True))
    return {
        "stops": phrase_regex(lex.words("name_stops")),
        "lead": phrase_regex(lex.words("leading_fillers")),
        "trail": phrase_regex(lex.words("trailing_fillers")),
        "time_tail": _time_tail(lex.words("trailing_time_phrases")),
        "data_lead": re.compile(_DATA_LEAD.format(nouns=nouns), re.IGNORECASE),
        "data_tail": re.compile(_DATA_TAIL.format(nouns=nouns), re.IGNORECASE),
    }


def _time_tail(phrases: Iterable[str]) -> re.Pattern[str]:
    """A time phrase ending a name: one of `phrases`, or a month or weekday after for/in/on/since."""
    calendar = "|".join(re.escape(w) for w in data("relations")["calendar_words"])
    listed = "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"\s+(?:{listed}|(?:for|in|on|since)\s+(?:{calendar}))\s*$", re.I)


def _strip(text: str) -> str:
    """Drop fillers at either end ("But he", "the first minister has") and stray punctuation: the
    steps of `_STRIP_STEPS` applied in turn, round and round, until a whole round changes nothing.

    Each step depends on the text alone, so once the text has come through every step unchanged in
    a row it is a fixed point of all of them: the round is not begun again just to confirm it."""
    if not text:
        return text
    steps = _strip_steps()
    unchanged = step = 0
    while unchanged < len(steps):
        changed = steps[step](text)
        unchanged = unchanged + 1 if changed == text else 0
        text = changed
        step = (step + 1) % len(steps)
    return text


_STRIP_CHARS = " \t\n,;:\"“”‘’'()[]-–—"
_LAST_WORD = re.compile(r"\s+(\S+)$")
_ADVERB = re.compile(r"[a-z]+ly")


@lru_cache(maxsize=1)
def _strip_steps() -> tuple[Callable[[str], str], ...]:
    """The steps of `_strip`, in order: punctuation, a leading filler, a time phrase ending the
    text, a trailing filler or adverb."""
    pats = _patterns()
    lead, time_tail, trail = pats["lead"], pats["time_tail"], pats["trail"]

    def punctuation(text: str) -> str:
        return text.strip(_STRIP_CHARS)

    def leading_filler(text: str) -> str:
        m = lead.match(text)
        return text[m.end() :] if m else text

    def time_phrase(text: str) -> str:
        m = time_tail.search(text)
        return text[: m.start()] if m and m.start() > 0 else text

    def trailing_filler(text: str) -> str:
        m = _LAST_WORD.search(text)
        if m and (trail.fullmatch(m.group(1)) or _ADVERB.fullmatch(m.group(1))):
            return text[: m.start()]
        return text

    return punctuation, leading_filler, time_phrase, trailing_filler


def _strip_data_noun(name: str) -> str:
    pats = _patterns()
    m = pats["data_lead"].match(name)
    if m:
        return m.group("rest")
    m = pats["data_tail"].match(name)
    if m is None or _capitalised(name.split()[-1]) and _capitalised(m.group("head").split()[-1]):
        return name  # "the Office for National Statistics": the data noun is part of a name
    return _DETERMINER.sub("", m.group("head")) or name  # "A police report" -> "police"; "One report" stays


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


_DETERMINER = re.compile(r"^(?:the|a|an|this|that|one|another|a\s+new|one\s+more)(?:\s+|$)", re.IGNORECASE)


_AND = re.compile(r",?\s+(?:and|&)\s+")
_SPACES = re.compile(r"\s+")


def _split_coordination(name: str) -> list[str]:
    """ "security and medical officials" -> two; "police and doctor Ahmed Ibrahim" -> two;
    "Department of Trade and Industry" and "Bosnia and Herzegovina" stay one."""
    if seen := _AND_SEEN_BY.search(name):  # "a list compiled by the village head and seen by our
        return _split_coordination(name[: seen.start()])  # correspondent": no second source
    parts = [p.strip() for p in _AND.split(name) if p.strip()]
    if len(parts) < 2 or _one_organisation(parts[-2], parts[-1]):
        return [name]
    sets = _sets()
    lexical = sets["lexical"]
    head = tokens_of(parts[-1])[-1] if tokens_of(parts[-1]) else ""
    if head in sets["organisation_words"] and not head.endswith("s") and _fields_before(parts):
        return [name]  # "the energy and mines ministry": one ministry of two fields
    out: list[str] = []
    for p in parts[:-1]:
        low = tokens_of(p)
        bare_modifier = (
            low and not any(t in lexical for t in low) and not any(w[:1].isupper() for w in p.split())
        )
        if bare_modifier and head in lexical:
            out.append(f"{p} {_WORD.findall(parts[-1])[-1]}")
        else:
            out.append(p)
    out.append(parts[-1])
    for p in out:
        words = _WORD.findall(p)
        low = [w.lower() for w in words]
        single_plain = len(words) == 1 and not words[0].isupper() and low[0] not in lexical
        if not source_like(p) or (single_plain and low[0] not in sets["pronouns"] and p is out[-1]):
            return [name]
    return out


_AND_SEEN_BY = re.compile(r"\s+and\s+(?:seen|read|obtained|reviewed|verified|quoted|cited)\s+by\b.*$", re.I)


def _fields_before(parts: list[str]) -> bool:
    """The words joined by "and" before a body's noun name its fields ("energy", "mines")."""
    fields = lexicon().words("field_nouns")
    last_words = [tokens_of(p)[-1] for p in parts[:-1] if tokens_of(p)]
    first_of_last = tokens_of(parts[-1])[:1]
    return bool(last_words) and all(w in fields for w in last_words + first_of_last)


def _one_organisation(before: str, after: str) -> bool:
    """ "the UN Relief and Works Agency", "Meteorology and Geophysics Agency": capitalised words on both
    sides of "and", the second part ending on an organisation's word and the first on none, are one
    name, a capitalised people noun in it too ("the Harbour Pilots and Boatmen Forum"); "the Health
    Ministry and Police" are two: "Ministry" is a whole already."""
    first, last = _WORD.findall(before), _WORD.findall(after)
    if not first or not last or not (_capitalised(first[-1]) and _capitalised(last[0])):
        return False
    organisations, titles = _sets()["organisation_words"], _sets()["titles"]
    if first[-1].lower() in organisations:
        return False
    if _singular(last[-1].lower()) in organisations:
        return True
    if _adjective(first[-1]) and all(_capitalised(w) for w in last):
        return True  # "the Forum for Social and Economic Rights": an adjective needs the noun after "and"
    fields = lexicon().words("field_nouns")
    named = all(_capitalised(w) or w in ("of", "for", "the") for w in last) and _capitalised(last[0])
    if named and (last[-1].lower() in fields or first[-1].lower() in fields):
        return True  # "the Institute for Conflict and Security Studies", "Safety and Health Queensland"
    # "An NHS Greater Glasgow and Clyde spokeswoman": a role owned by a name with "and" in it
    return len(last) >= 2 and last[-1].lower() in titles and _capitalised(last[-2])


def _adjective(word: str) -> bool:
    """A word an adjective ending of `adjective_endings` ends ("Social", "Economic", "Cultural")."""
    return len(word) > 4 and word.lower().endswith(tuple(lexicon().words("adjective_endings")))


def _singular(word: str) -> str:
    """ "societies" -> "society", "forums" -> "forum": enough for the organisation words."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _name_after_role(head: str, description: str) -> bool:
    """ "an official, Fauzi" / "the governor of Qeshm, Mehdi Nejad": the name comes second."""
    if classify(description) == "person" and head.lower().startswith(("a ", "an ")):
        return True
    titles = _sets()["titles"]
    words = description.split()
    named = (
        1 <= len(words) <= 4 and all(w[:1].isupper() for w in words[:1]) and bool(proper_words(description))
    )
    if named and not proper_words(_role_core(head)) and any(t in titles for t in tokens_of(head)):
        return True
    return described_role(head.split()) and body_name(words)  # "a rights group, the Sahel Watch Network"


def described_role(words: list[str]) -> bool:
    """ "a rights group", "a farmer in Gwoza", "another survivor": an article, up to four lower-case
    words ending in one of `organisation_words`, `anonymous_words` or `titles`, and perhaps whose or
    where ("of the union", "in Gwoza"): the description a name may follow."""
    if not words or words[0].lower() not in _DESCRIPTION_OPENERS:
        return False
    core = words[1:]
    for i, w in enumerate(core):
        if w.lower() in _OWNER_OR_PLACE:
            core = core[:i]
            break
    if not 1 <= len(core) <= 4 or not all(w.islower() for w in core):
        return False
    sets = _sets()
    return (
        core[-1] in sets["organisation_words"]
        or core[-1] in sets["anonymous_words"]
        or core[-1] in sets["titles"]
    )


_DESCRIPTION_OPENERS = frozenset({"a", "an", "the", "another", "one"})
_OWNER_OR_PLACE = frozenset({"of", "in", "from", "at", "for"})


def body_name(words: list[str]) -> bool:
    """ "the Sahel Watch Network", "Amnesty International": capitalised words, after an article; not
    an acronym alone ("the prison agency, SNAI,": the description stays the name)."""
    if words and words[0] == "the":
        words = words[1:]
    if len(words) == 1 and words[0].isupper():
        return False
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w in ("of", "for", "and") for w in words)


def _role_core(head: str) -> str:
    """The role itself, without whose it is or where ("The BBC's correspondent in Kabul" ->
    "correspondent"): its owner's and its place's capitals make no name of it."""
    core = _ROLE_TAIL.split(head)[0]
    return " ".join(w for w in core.split() if not w.endswith(("'s", "\u2019s", "'", "\u2019")))


_ROLE_TAIL = re.compile(r"\s+(?:of|in|at|for|from|on)\s+")


def acronym(word: str) -> bool:
    """ "WHO": capitals spell a name's initials, never the function word they also spell ("who")."""
    letters = word.strip("\"“”‘’'(),")
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


def _stop_word(text: str, pos: int) -> re.Match[str] | None:
    """The first stop word at or after `pos`, an acronym that spells one ("the WHO said") passed over."""
    stops = _patterns()["stops"]
    while (stop := stops.search(text, pos)) and acronym(stop.group(0)):
        pos = stop.end()
    return stop


def _cut_at_stop(text: str) -> str:
    """Cut at the first stop word ("who", "on Monday"); one that opens the phrase is dropped
    ("in an interview he" -> "he")."""
    while True:
        lead = len(text) - len(_strip_left(text))
        stop = _stop_word(text, lead)
        if not stop:
            return text
        if stop.start() > lead:
            return text[: stop.start()]
        text = " " * stop.end() + text[stop.end() :]


def _strip_left(text: str) -> str:
    text = text.lstrip(" \t\n,;:\"“”‘’'()[]-–—")
    m = _patterns()["lead"].match(text)
    return _strip_left(text[m.end() :]) if m else text


_OF_NAME_BEFORE = re.compile(r"\bof\s+(?:[A-Z][\w'’-]*,\s+)*[A-Z][\w'’-]*$")
_NAME_LIST_AFTER = re.compile(r",\s+[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)*,?\s+(?:and|&)\s+[A-Z]")


def inside_name_list(text: str, comma: int) -> bool:
    """The comma at `comma` is inside a name: "the Bureau of Alcohol, Tobacco, Firearms and Explosives"."""
    return bool(
        _OF_NAME_BEFORE.search(text, max(0, comma - 80), comma) and _NAME_LIST_AFTER.match(text, comma)
    )


def _apposition(text: str) -> tuple[str, str]:
    """A source phrase split at its first comma that is not inside a name: (head, description)."""
    comma = text.find(",")
    while comma >= 0 and inside_name_list(text, comma):
        comma = text.find(",", comma + 1)
    return (text, "") if comma < 0 else (text[:comma], text[comma + 1 :])


def parse_source(text: str, offset: int, statement: bool = False) -> list[Mention]:
    """The mentions in a source phrase found at `offset`: "Fauzi, an official from the local
    disaster agency" is one (with a description); "security and medical officials" is two."""
    return [m.moved(offset) for m in _parsed(text, statement)]


_INDEFINITE_NAME = re.compile(r"[Aa]n?\s+[A-Z]")  # "a Syrian", "an Iraqi official"


@lru_cache(maxsize=4096)
def _parsed(text: str, statement: bool) -> tuple[Mention, ...]:
    """parse_source at offset 0. A document names the same sources again and again ("he said",
    "police said"): this is parsed once, and every call gets fresh copies it may annotate."""
    text = _cut_at_stop(text)
    acronym = None
    m = _ACRONYM.search(text)
    if m:
        acronym = m.group(1)
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    head, description = _apposition(text)
    head = _strip(head)
    description = _strip(description)
    if head and description and _name_after_role(head, description):
        head, description = description, head
    # a stripped text is a fixed point of _strip: only what changed since is stripped again
    bare = _strip_data_noun(head)
    stripped = name = head if bare == head else _strip(bare)
    if name != head and name and not source_like(name):
        stripped = name = head  # "preliminary federal estimates": no owner left, the document itself
    if _INDEFINITE_NAME.match(name) and name.split()[-1][:1].isupper():
        name = name.split(None, 1)[1]
    if not name:
        return ()
    mentions: list[Mention] = []
    for part in _split_coordination(name):
        part = part if part == stripped else _strip(part)
        at = text.find(part)
        start = at if at >= 0 else max(0, text.find(name))
        end = start + len(part) if at >= 0 else len(text.rstrip())
        name_clean = _SPACES.sub(" ", part)
        mentions.append(
            Mention(
                name=name_clean,
                start=start,
                end=end,
                kind=classify(name_clean),
                description=description,
                acronym=acronym if len(mentions) == 0 else None,
                statement=statement or bool(_STATEMENT_NAME.search(name_clean)),
            )
        )
    return tuple(mentions)


_NAME = r"(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*"
_SUBJECT_PERSON = re.compile(
    rf"^[^,.]{{3,90}},\s+(?P<appos>{_NAME}),\s+[a-z]"  # "A professor of economics, Yanis Varoufakis, did"
    rf"|^\s*(?:(?:But|And|Yet|So|Meanwhile),?\s+)?(?P<name>{_NAME})\s+(?!of\b|in\b|at\b|and\b)[a-z]"
)


def subject_people(doc: Document, attributed: list[tuple[int, int]]) -> list[Mention]:
    """People named as the subject of a sentence, outside the `attributed` spans, so that a later
    "he said" can refer to them ("Yanis Varoufakis did not go to work ... 'It was', he said")."""
    inside = _covered_by(attributed)
    out: list[Mention] = []
    for s in doc.sentences:
        m = _SUBJECT_PERSON.match(s.text)
        if not m:
            continue
        group = "name" if m.group("name") else "appos"
        for person in _people_in(m.group(group)):
            mention = person.moved(s.start + m.start(group))
            mention.conduit = True  # a candidate antecedent, never an originator host
            out.append(mention)
    return [m for m in out if not inside(m.start)]


@lru_cache(maxsize=4096)
def _people_in(phrase: str) -> tuple[Mention, ...]:
    """The mentions of a subject phrase (at offset 0) that name a person by two names or a title:
    asked of most sentences' first words ("The", "Police", "Mr Ali"), so decided once per phrase."""
    titles = lexicon().words("titles")
    return tuple(
        m
        for m in _parsed(phrase, False)
        if m.kind == "person"
        and (len(proper_words(m.name)) >= 2 or any(t in titles for t in tokens_of(m.name)))
    )


def _covered_by(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset falls inside any of `spans` (which may overlap), by bisection."""
    spans = sorted(spans)
    starts = [lo for lo, _ in spans]
    reach = list(itertools.accumulate((hi for _, hi in spans), max))  # furthest end so far

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and reach[k] > pos

    return inside
