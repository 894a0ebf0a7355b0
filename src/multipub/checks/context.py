"""What a check sees: one variant of one article, with per-article caches."""

from __future__ import annotations

from dataclasses import dataclass, field

from multipub.align import align_blocks
from multipub.config import Config
from multipub.findings import Related, Severity
from multipub.matcher import GlossaryIndex, Mention
from multipub.models import Article, TextField, TextUnit, Variant
from multipub.text import dedup_key

__all__ = ["ArticleContext", "Problem", "VariantContext"]


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check yields: where and what. The runner adds code, name, file and article."""

    field: TextField
    block: int | None
    span: tuple[int, int]
    message: str
    related: tuple[Related, ...] = ()
    entry: str | None = None
    severity: Severity | None = None  # None: the rule's default


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
        s_index, t_index = s_blocks.__getitem__, t_blocks.__getitem__
        pairs.extend(
            (list(map(s_index, pair.source)), list(map(t_index, pair.target)))
            for pair in align_blocks(
                [source[i].text for i in s_blocks], [target[j].text for j in t_blocks]
            )
        )
        return pairs

    def mentions(self, lang: str) -> list[list[Mention]]:
        """Return the glossary mentions of each of :meth:`units` (empty without a glossary)."""
        if lang not in self._mentions:
            if self.glossary is None:
                self._mentions[lang] = [[] for _ in self.units(lang)]
            else:
                matcher = self.glossary.matcher(lang)
                self._mentions[lang] = matcher.find_many([u.text for u in self.units(lang)])
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

    def variant_context(self, lang: str) -> VariantContext:
        """Return the context in which checks see variant ``lang``."""
        return VariantContext(self, lang)


@dataclass(frozen=True, slots=True)
class VariantContext:
    """One variant as a check sees it."""

    shared: ArticleContext
    lang: str

    @property
    def article(self) -> Article:
        """Return the article this variant belongs to."""
        return self.shared.article

    @property
    def config(self) -> Config:
        """Return the run's configuration."""
        return self.shared.config

    @property
    def variant(self) -> Variant:
        """Return the variant under check."""
        return self.shared.article.variants[self.lang]

    @property
    def is_source(self) -> bool:
        """Return True when this variant is the article's source language."""
        return self.lang == self.shared.article.source_lang

    @property
    def source_lang(self) -> str | None:
        """Return the source language when a source variant exists and this is a target."""
        if self.is_source or self.shared.article.source is None:
            return None
        return self.shared.article.source_lang

    def units(self) -> list[TextUnit]:
        """Return this variant's texts (see :meth:`ArticleContext.units`)."""
        return self.shared.units(self.lang)

    def keys(self) -> list[str]:
        """Return this variant's dedup keys, aligned with :meth:`units`."""
        return self.shared.keys(self.lang)

    def mentions(self) -> list[list[Mention]]:
        """Return this variant's glossary mentions, aligned with :meth:`units`."""
        return self.shared.mentions(self.lang)

    def unit_pairs(self) -> list[tuple[list[int], list[int]]]:
        """Return this variant's links to the source (see :meth:`ArticleContext.unit_pairs`)."""
        return self.shared.unit_pairs(self.lang)

    @property
    def glossary(self) -> GlossaryIndex | None:
        """Return the run's glossary, or None when the run has none."""
        return self.shared.glossary
