"""What a check sees: one variant of one article, with per-article caches."""

from __future__ import annotations

from dataclasses import dataclass

from multipub.config import Config
from multipub.context import ArticleContext
from multipub.findings import Related, Severity
from multipub.matcher import GlossaryIndex, Mention
from multipub.models import Article, TextField, TextUnit, Variant

__all__ = ["ArticleContext", "Problem", "VariantContext"]  # ArticleContext: re-exported


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
