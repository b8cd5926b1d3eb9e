"""What a figure is named by, so that rules can pair two figures by meaning rather than by value.

A figure is named by its noun ("2,450 students"), a synonym of it (`group_synonyms` in
audit/data/relations.yaml: "a crowd of 31,204" and "the 31,204 spectators" name one group), the
noun before "of" that a synonym set knows ("a crowd of") and the verb right before it ("cancelled
84 sailings"); a definite figure also by the participle after its noun ("the 27 people rescued").
Each name is a key: a synonym set's, or a word's first five letters, so "cancelled",
"cancellation" and "cancellations" share one. `restatement` reads these: a definite figure
restates the earlier figure named the same way.
"""

from __future__ import annotations

import re
from functools import cache, partial

from audit.checkers import Context
from audit.checkers.relate import is_percent, lexicon
from audit.model import Claim


def names(ctx: Context, claim: Claim) -> frozenset[str]:
    """The keys a figure is named by: its nouns, the noun before "of" ("a crowd of 48,512") and the
    verb right before it."""
    return ctx.read(("naming-names", claim.id), partial(_read_names, ctx, claim))


def _read_names(ctx: Context, claim: Claim) -> frozenset[str]:
    words = _AFTER_WORDS.match(ctx.after(claim, 40))
    after = words.group(1).lower().split() if words else []
    named = noun_words(after)
    if not named and claim.kind == "money" and after and not after[0].endswith(("ed", "ing")):
        named = [after[0]]  # a sum is named by a singular noun: "the $617.7 million plan"
    if not named and is_percent(claim) and after and not after[-1].endswith(("ed", "ing")):
        named = [after[-1]]  # a rate by the head of its noun: "a 10% water cut" ... "the 15 per cent cut"
    if claim.subject:
        named.append(claim.subject.split()[-1].lower())
    before_of = _NOUN_BEFORE_OF.search(ctx.before(claim, 30))
    if before_of and before_of.group(1).lower() in synonyms():
        named.append(before_of.group(1).lower())
    verb = verb_before(ctx, claim)
    if verb is not None:
        named.append(verb)
    return frozenset(key(word) for word in named) - _GENERIC_KEYS


def participle_after(ctx: Context, claim: Claim) -> str | None:
    """The key of a participle, or of a pronoun's verb, right after a definite figure's noun: "the 63
    people rescued were", "the £2.3m taken by", "the £421,000 you took"."""
    m = _PARTICIPLE_AFTER.match(ctx.after(claim, 40))
    return key(m.group(1)) if m else None


def described_as(ctx: Context, claim: Claim, subject_words: set[str]) -> set[str]:
    """The words between a figure and its noun, with its subject's words: "senior" of "the two senior
    nurses". A reference described more narrowly than an earlier figure counts a part of it."""
    words = _AFTER_WORDS.match(ctx.after(claim, 40))
    named = words.group(1).lower().split() if words else []
    noun = noun_words(named)
    before_noun = named[: named.index(noun[0].split()[0])] if noun else []
    return {w for w in before_noun if w not in synonyms() and w not in _AS_COUNTED()} | subject_words


def noun_words(words: list[str]) -> list[str]:
    """The noun among the words after a figure: the first plural or synonym-set word, a two-word
    synonym ("job losses") read whole."""
    for i, word in enumerate(words):
        pair = " ".join(words[i : i + 2])
        if pair in synonyms():
            return [pair]
        if word.endswith("s") or word in synonyms():
            return [word]
    return []


def verb_before(ctx: Context, claim: Claim) -> str | None:
    """The word right before a figure, lower-cased, when it is four letters or more and no filler, or
    a short verb ("cut", "won", "pay")."""
    m = _WORD_BEFORE.search(ctx.before(claim, 30))
    if m is None or m.group(1).lower() in _NOT_VERBS:
        return None
    return m.group(1).lower()


def key(word: str) -> str:
    """A word's key: its synonym set's, or its first five letters."""
    word = word.lower()
    return synonyms().get(word, "n:" + word[:5])


@cache
def _AS_COUNTED() -> frozenset[str]:  # noqa: N802 - a constant read once
    """Words that say how a group was counted, not which of it ("the 1,520 confirmed cases")."""
    return frozenset(str(w).lower() for w in lexicon()["as_counted_words"])


@cache
def synonyms() -> dict[str, str]:
    """Each word of `group_synonyms` and `verb_synonyms` to the key of its set."""
    sets = [*lexicon()["group_synonyms"], *lexicon()["verb_synonyms"]]
    return {str(word).lower(): f"s:{group[0]}" for group in sets for word in group}


_WORD_BEFORE = re.compile(
    r"\b([A-Za-z]{4,}|(?i:cut|axe|won|win|pay|buy|owe|add|hit|led))\s+$"
)  # "to cut 1,450 jobs"
_NOT_VERBS = frozenset(
    ["than", "about", "around", "some", "nearly", "almost", "with", "from", "least", "most"]
)
# a word that may stand between a number and its noun, or be the noun: no verb, pronoun or preposition
_NOUNISH = (
    r"(?!(?:had|have|has|were|was|are|is|be|been|being|will|would|could|should|may|might|must|did|do|does|"
    r"you|he|she|they|we|i|it|who|whom|that|which|whose|of|in|on|at|to|for|from|by|with|and|or|as|this|"
    r"its|their|his|her|our|so|than|then|when|while|across|into|over|under|after|before|between|among|"
    r"against|per|since|until|during|without|through|amid|despite|near|via|up|down|off|out)\b)[a-z][a-z-]*"
)
# up to three words after a number, its noun among them: "people", "secondary schools", "job losses"
_AFTER_WORDS = re.compile(rf"^-?\s*((?:{_NOUNISH}\s+){{0,2}}{_NOUNISH})", re.I)
_NOUN_BEFORE_OF = re.compile(r"\b([a-z]+)\s+of\s+(?:about|around|some|nearly|almost|roughly|over)?\s*$", re.I)
_IRREGULAR_PARTICIPLES = (
    "taken|took|stolen|stole|given|held|cut|lost|hit|shot|caught|brought|bought|sold|paid|left|kept|found|"
    "seen|shown|known|thrown|drawn|driven|beaten|broken|chosen|hidden|sworn|spent|sent|won|made|built"
)
# after a definite figure's noun: a participle ("the 63 people rescued were"), or a pronoun's verb
# ("the £421,000 you took")
_PARTICIPLE_AFTER = re.compile(
    rf"^\s*(?:{_NOUNISH}\s+){{0,2}}?(?:(?:you|he|she|they|we|I|it)\s+)?([a-z]+ed|{_IRREGULAR_PARTICIPLES})\b"
    r"(?=\s+(?:were|was|are|is|had|have|has|will|by|from|in|on|at|during|last|this|so|over)\b)",
    re.I,
)
_GENERIC_KEYS = frozenset({"n:peopl", "n:perso", "n:other", "n:were", "n:have", "n:their", "n:those"})
