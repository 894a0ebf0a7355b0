"""What every check, the scores and the glossary report share about one article: its
variants' units, their alignment with the source, dedup keys and glossary mentions,
computed once per article and remembered."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from multipub.align import align_blocks
from multipub.config import Config
from multipub.glossary import EntryKind
from multipub.lang import Profile, profile, words_pattern
from multipub.langid import url_spans
from multipub.matcher import GlossaryIndex, Mention
from multipub.models import Article, BlockKind, TextUnit
from multipub.names import capitals
from multipub.numbers import figures_of
from multipub.similarity import near_duplicate_pairs
from multipub.text import dedup_key, is_acronym

__all__ = ["ArticleContext"]


@dataclass
class ArticleContext:
    """One article under check; caches work that several checks or variants share."""

    article: Article
    config: Config
    glossary: GlossaryIndex | None = None
    _units: dict[str, list[TextUnit]] = field(default_factory=dict)
    _keys: dict[str, list[str]] = field(default_factory=dict)
    _mentions: dict[str, list[list[Mention]]] = field(default_factory=dict)
    _pairs: dict[str, list[tuple[list[int], list[int]]]] = field(default_factory=dict)
    # Results that several checks ask for the same unit (its language for MP303, MP401,
    # MP402), keyed by (what, lang, field, block).
    memo: dict[tuple[str, str, str, int | None], object] = field(default_factory=dict)

    def unit_pairs(self, lang: str) -> list[tuple[list[int], list[int]]]:
        """Return the links between the source's units and variant ``lang``'s units, as
        lists of indices into :meth:`units`: title with title, lead with lead, blocks
        aligned by :func:`~multipub.align.align_blocks` (a side is empty for a block with
        no counterpart). Bylines are not linked. Empty when the article has no source."""
        if lang not in self._pairs:
            self._pairs[lang] = self._link(lang)
        return self._pairs[lang]

    def _link(self, lang: str) -> list[tuple[list[int], list[int]]]:
        if self.article.source is None or lang == self.article.source_lang:
            return []
        source, target = self.units(self.article.source_lang), self.units(lang)
        pairs: list[tuple[list[int], list[int]]] = []
        for name in ("title", "lead"):
            s = [i for i, u in enumerate(source) if u.field == name]
            t = [i for i, u in enumerate(target) if u.field == name]
            if s or t:
                pairs.append((s, t))
        s_blocks = [i for i, u in enumerate(source) if u.field == "blocks"]
        t_blocks = [i for i, u in enumerate(target) if u.field == "blocks"]
        # A translation block more than the source has that repeats another block of the
        # translation (a caption printed again as a paragraph) translates nothing: it is
        # left out of the pairing, or it would pull a neighbour off its source block.
        extra = self._repeats_beyond_the_source(lang, t_blocks, len(s_blocks))
        kept = [j for j in t_blocks if j not in extra]
        # Media blocks pair with media blocks, in order, when both sides have as many: a
        # video's caption is no paragraph's translation.
        s_media = [i for i in s_blocks if source[i].kind is BlockKind.MEDIA]
        t_media = [j for j in kept if target[j].kind is BlockKind.MEDIA]
        media: list[tuple[list[int], list[int]]] = []
        if s_media and len(s_media) == len(t_media):
            media = [([i], [j]) for i, j in zip(s_media, t_media, strict=True)]
            s_blocks = [i for i in s_blocks if i not in s_media]
            kept = [j for j in kept if j not in t_media]
        s_index, t_index = s_blocks.__getitem__, kept.__getitem__
        aligned = [
            (list(map(s_index, pair.source)), list(map(t_index, pair.target)))
            for pair in align_blocks(
                [source[i].text for i in s_blocks],
                [target[j].text for j in kept],
                self.article.source_lang,
                lang,
                self._pivots(lang),
            )
        ]
        placed: list[tuple[list[int], list[int]]] = [([], [j]) for j in sorted(extra)]
        for one in placed + media:
            j = one[1][0]
            at = next((k for k, (_, t) in enumerate(aligned) if t and t[0] > j), len(aligned))
            aligned.insert(at, one)
        pairs.extend(aligned)
        return pairs

    def _pivots(self, lang: str) -> list[list[str]]:
        """Return the body texts of the article's other translations (media left out),
        by tag: where ``lang`` dropped a block, those that keep the source's blocks help
        place the gap."""
        found = []
        for other in sorted(self.article.variants):
            if other in (lang, self.article.source_lang):
                continue
            found.append(
                [
                    u.text
                    for u in self.units(other)
                    if u.field == "blocks" and u.kind is not BlockKind.MEDIA
                ]
            )
        return found

    def _repeats_beyond_the_source(self, lang: str, blocks: list[int], in_source: int) -> set[int]:
        """Return the units of ``blocks`` (at most as many as the translation has blocks
        more than the source) that repeat an earlier block of the translation, verbatim or
        in other words, the last first."""
        surplus = len(blocks) - in_source
        if surplus <= 0:
            return set()
        units, keys = self.units(lang), self.keys(lang)
        config = self.config
        usable = [
            keys[j] if len(keys[j]) >= config.near_duplicate_min_chars else "" for j in blocks
        ]
        verbatim: set[int] = set()
        first_by_key: dict[str, int] = {}
        for position, key in enumerate(usable):
            if key and first_by_key.setdefault(key, position) != position:
                verbatim.add(position)
        texts = [units[j].text for j in blocks]
        # Reworded repeats after the verbatim ones, and only those that keep their
        # figures: "Forfait 5G150 : 150 000 dongs" and "Forfait 5G300 : 300 000 dongs"
        # are two items of a list, each a block of the source.
        reworded = {
            pair.later
            for pair in near_duplicate_pairs(texts, usable, config.near_duplicate_chrf)
            if pair.later not in verbatim
            and figures_of(texts[pair.earlier], lang) == figures_of(texts[pair.later], lang)
        }
        chosen = sorted(verbatim, reverse=True) + sorted(reworded, reverse=True)
        return {blocks[p] for p in chosen[:surplus]}

    def mentions(self, lang: str) -> list[list[Mention]]:
        """Return the glossary mentions of each of :meth:`units` (empty without a glossary)."""
        if lang not in self._mentions:
            if self.glossary is None:
                self._mentions[lang] = [[] for _ in self.units(lang)]
            else:
                matcher = self.glossary.matcher(lang)
                found = matcher.find_many([u.text for u in self.units(lang)])
                language = profile(lang)
                if language is not None and language.matching.case_marks_names:
                    found = [[m for m in ms if _case_agrees(m)] for ms in found]
                if language is not None and (
                    language.matching.compounds or language.matching.closing_compounds
                ):
                    units = self.units(lang)
                    found = [
                        [m for m in ms if not _inside_a_compound(u.text, m, lang)]
                        for u, ms in zip(units, found, strict=True)
                    ]
                if language is not None and (
                    language.matching.lower_units or language.matching.lower_units_after
                ):
                    kinds = self.glossary.kinds
                    found = [
                        [
                            m
                            for m in ms
                            if kinds.get(m.entry) is not EntryKind.PLACE
                            or not _after_a_lower_unit(u.text, m.start, m.end, lang)
                        ]
                        for u, ms in zip(self.units(lang), found, strict=True)
                    ]
                if language is not None and language.matching.name_tails:
                    tails = frozenset(language.matching.name_tails)
                    found = [
                        [
                            m
                            for m in ms
                            if m.form not in tails
                            or m.start == 0
                            or not u.text[m.start - 1].isalpha()
                        ]
                        for u, ms in zip(self.units(lang), found, strict=True)
                    ]
                # An acronym is written in capitals: "pm" in "5 pm" is no "PM".
                found = [
                    [m for m in ms if m.text.isupper() or not is_acronym(m.form)] for ms in found
                ]
                # Nor is a web address or a brand a rendering: "hanoi" in
                # "dichvucong.hanoi.gov.vn", "DaNang" in the app "DaNang Bus".
                found = [
                    _outside_addresses_and_brands(u.text, ms)
                    for u, ms in zip(self.units(lang), found, strict=True)
                ]
                self._mentions[lang] = found
        return self._mentions[lang]

    def units(self, lang: str) -> list[TextUnit]:
        """Return the non-empty texts of variant ``lang`` in reading order (bylines included)."""
        if lang not in self._units:
            self._units[lang] = list(self.article.variants[lang].units())
        return self._units[lang]

    def keys(self, lang: str) -> list[str]:
        """Return the :func:`~multipub.text.dedup_key` of each of :meth:`units`, same order."""
        if lang not in self._keys:
            self._keys[lang] = [dedup_key(u.text) for u in self.units(lang)]
        return self._keys[lang]


@lru_cache(maxsize=64)
def _compound_edges(
    lang: str,
) -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """Return the patterns of what may stand before a mention's first syllable and after
    its last one to make a compound of them: by first syllable, the syllables of one of
    the profile's ``matching.compounds`` before it, ending a text ("thời " before
    "điểm"); by last syllable, those of one of its ``closing_compounds`` after it (" quán"
    after "sứ")."""
    found = profile(lang)
    befores: dict[str, set[str]] = {}
    afters: dict[str, set[str]] = {}
    for compound in found.matching.compounds if found is not None else ():
        head, _, second = compound.lower().rpartition(" ")
        befores.setdefault(second, set()).add(head)
    for compound in found.matching.closing_compounds if found is not None else ():
        syllables = compound.lower().split()
        for cut in range(1, len(syllables)):
            afters.setdefault(syllables[cut - 1], set()).add(" ".join(syllables[cut:]))

    def alternation(words: set[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words))

    return (
        {
            first: re.compile(rf"(?<!\w)(?:{alternation(w)})\s+$", re.I)
            for first, w in befores.items()
        },
        {last: re.compile(rf"\s+(?:{alternation(w)})(?!\w)", re.I) for last, w in afters.items()},
    )


# How far before a mention the syllables of a compound with its first one may start.
_COMPOUND_REACH = 16


def _inside_a_compound(text: str, mention: Mention, lang: str) -> bool:
    """Return True when the mention's first syllable ends a compound word of the language
    ("điểm cầu" read in "thời điểm cầu được thông xe", the moment the bridge opened), or
    its last one opens one ("Đại sứ" read in "Đại sứ quán", the embassy)."""
    syllables = mention.text.lower().split()
    if not syllables:
        return False
    befores, afters = _compound_edges(lang)
    before = befores.get(syllables[0])
    if before is not None and before.search(
        text, max(0, mention.start - _COMPOUND_REACH), mention.start
    ):
        return True
    after = afters.get(syllables[-1])
    return after is not None and after.match(text, mention.end) is not None


def _names_and_joints(found: Profile) -> tuple[str, str]:
    """Return the patterns of a capitalized name of up to four words and of what joins
    two names of a list in a language (a comma, its "and" words)."""
    upper = capitals()
    name = rf"[{upper}][\w'’-]*(?:[ \u00a0]+[{upper}][\w'’-]*){{0,3}}"
    joiners = [re.escape(word) for word in found.conjunctions]
    joined = rf"(?:\s*,\s*(?:(?:{'|'.join(joiners)})\s+)?|\s+(?:{'|'.join(joiners)})\s+)"
    return name, joined if joiners else r"\s*,\s*"


@lru_cache(maxsize=64)
def _lower_unit_before(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a word of ``lang``'s ``matching.lower_units`` ending the text
    it is searched in, perhaps with a list of capitalized names after it ("các huyện Lệ
    Thủy, "), None for a language without such words."""
    found = profile(lang)
    if found is None or not found.matching.lower_units:
        return None
    name, joined = _names_and_joints(found)
    units = words_pattern(found.matching.lower_units)
    # (The unit's word in any case, "Huyện" opening a sentence; the names capitalized.)
    return re.compile(rf"(?<!\w)(?i:{units})\s+(?:{name}{joined}){{0,8}}$")


# Far enough back for a unit word and a list of names before the mention.
_LOWER_UNIT_REACH = 160


@lru_cache(maxsize=64)
def _lower_unit_after(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of what follows a place named before a word of ``lang``'s
    ``matching.lower_units_after``, perhaps through a list of capitalized names ("
    and Le Thuy districts"), None for a language without such words."""
    found = profile(lang)
    if found is None or not found.matching.lower_units_after:
        return None
    name, joined = _names_and_joints(found)
    units = words_pattern(found.matching.lower_units_after)
    return re.compile(rf"(?:{joined}{name}){{0,8}}\s+(?i:{units})(?!\w)")


def _after_a_lower_unit(text: str, start: int, end: int, lang: str) -> bool:
    """Return True when the mention at ``start`` of ``text`` (ending at ``end``) follows a
    word of a unit below a province, alone or through a list of names ("huyện Quảng Ninh",
    "các huyện Lệ Thủy, Quảng Ninh và Bố Trạch"), or comes before one where the language
    writes it after the names ("Quang Ninh and Le Thuy districts"): it names that unit,
    not the province."""
    pattern = _lower_unit_before(lang)
    if pattern is not None and (
        pattern.search(text, max(0, start - _LOWER_UNIT_REACH), start) is not None
    ):
        return True
    after = _lower_unit_after(lang)
    return after is not None and after.match(text, end) is not None


# A lower-case letter, then a capital: "DaNang", "VinFast" (a brand's capitals).
_CAMEL = re.compile(r"[^\W\d_](?<=[a-z])[A-Z]")


def _outside_addresses_and_brands(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` without those inside a URL, an e-mail address or a domain name
    of ``text``, and those written with a capital inside a word that their form does not
    have (the brand "DaNang Bus" is no "Danang")."""
    if not mentions:
        return mentions
    spans = url_spans(text)
    return [
        m
        for m in mentions
        if not any(start <= m.start and m.end <= end for start, end in spans)
        and (_CAMEL.search(m.text) is None or _CAMEL.search(m.form) is not None)
    ]


def _case_agrees(mention: Mention) -> bool:
    """Return False when a word the form capitalizes is in lower case in the text
    ("Hòa Bình" the province is not "Hòa bình", peace, at a sentence's start)."""
    return not any(
        want[:1].isupper() and have[:1].islower()
        for want, have in zip(mention.form.split(), mention.text.split(), strict=False)
    )
