"""Run configuration: which checks run, their thresholds, and what fails a run."""

from __future__ import annotations

import fnmatch
import hashlib

from pydantic import BaseModel, ConfigDict, Field, PositiveInt

from multipub.findings import FailOn, Severity
from multipub.io import Limits
from multipub.lang import primary_subtag, profile, tag_matches
from multipub.models import LangTag
from multipub.pages import PageOptions, normalized_tag

__all__ = ["Config", "LanguageOptions"]


class LanguageOptions(BaseModel):
    """Options of the variants of one language (by BCP 47 prefix: "zh" is zh-Hans too)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ignore: tuple[str, ...] = Field(default=(), description="codes or prefixes not reported")
    title_max_chars: int | None = Field(default=None, ge=1, description="MP503's title limit")


class Config(BaseModel):
    """Everything that changes what a run reports. Its hash goes into the report signature."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    select: tuple[str, ...] = Field(default=(), description="codes or prefixes to run (empty: all)")
    ignore: tuple[str, ...] = Field(default=(), description="codes or prefixes not to run")
    langs: tuple[str, ...] = Field(
        default=(), description="only check these variants, by BCP 47 prefix: zh is zh-Hans too"
    )
    fail_on: FailOn = FailOn.ERROR
    severity: dict[str, Severity] = Field(
        default_factory=dict,
        description="severity per code or prefix, overriding the check's default",
    )
    per_path_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="codes or prefixes not reported for files matching a glob "
        "(fnmatch, against the path as shown)",
    )
    lang: dict[str, LanguageOptions] = Field(
        default_factory=dict, description="per-language options, by BCP 47 prefix"
    )
    exclude: tuple[str, ...] = Field(
        default=(), description="globs of files and folders not read below a folder"
    )
    source_lang: LangTag = Field(
        default="vi",
        description="the language the site translates from: the source language of an "
        "article read from a published page (.html, .txt)",
    )
    pages: bool = Field(
        default=False,
        description="read the published pages (.html, .htm, .txt) below folders too, not "
        "only the article files",
    )
    article_selector: str | None = Field(
        default=None,
        description="CSS selector of the article element in the site's HTML pages (default: "
        "found from the page's markup and where its paragraphs are)",
    )

    title_max_chars: dict[str, PositiveInt] = Field(
        default_factory=lambda: {"*": 150},
        description="MP503: longest title, in characters, per language tag or primary "
        "subtag; a language not named takes its profile's limit (Chinese and Japanese 60, "
        "Korean 80), else '*'",
    )
    duplicate_min_chars: int = Field(
        default=20,
        ge=0,
        description="MP301: shorter repeats (photo credits, 'Video') are not reported",
    )
    near_duplicate_min_chars: int = Field(
        default=30, ge=0, description="MP302: blocks shorter than this are not compared"
    )
    near_duplicate_max_chars: int = Field(
        default=10_000,
        ge=1,
        description="MP302: longer blocks are compared for verbatim repeats only",
    )
    # 70: the seed's caption/paragraph pair scores 82; on FLORES-200 devtest (32 languages,
    # groups of 10 sentences) distinct sentences reach 62.4 at most.
    near_duplicate_chrf: float = Field(
        default=70.0,
        ge=0,
        le=100,
        description="MP302: chrF (0-100) from which a block counts as a reworded repeat",
    )
    untranslated_min_words: int = Field(
        default=4, ge=1, description="MP303: shorter identical blocks (names, codes) are allowed"
    )
    langid: str = Field(
        default="lingua", description="MP303, MP401: language identifier, lingua or langdetect"
    )
    language_min_letters: int = Field(
        default=30, ge=0, description="MP303, MP401: shorter blocks are never judged by a model"
    )
    language_confidence: float = Field(
        default=0.9, ge=0, le=1, description="MP303, MP401: the model's confidence needed to report"
    )

    max_file_bytes: int = Field(
        default=50_000_000, ge=1, description="MP000: larger article files are not read"
    )
    max_blocks: int = Field(
        default=5_000, ge=1, description="MP000: a variant with more blocks is not checked"
    )
    max_block_chars: int = Field(
        default=200_000,
        ge=1,
        description="MP000: an article with a longer block is not checked (one hostile block "
        "must cost seconds, not hours)",
    )

    def limits(self) -> Limits:
        """Return the input limits of this configuration."""
        return Limits(self.max_file_bytes, self.max_blocks, self.max_block_chars)

    def page_options(self) -> PageOptions:
        """Return how published pages are read: in the language each page shows (a tag
        in its file name, its ``lang`` attribute), else in the one language ``langs``
        names (``--lang ar``), else in the language of its text."""
        only = normalized_tag(self.langs[0]) if len(self.langs) == 1 else None
        return PageOptions(
            source_lang=self.source_lang,
            selector=self.article_selector,
            default_lang=only,
            below_folders=self.pages,
        )

    def title_limit(self, lang: str) -> int:
        """Return the MP503 title length limit for variant ``lang``."""
        for tag in (lang, primary_subtag(lang)):
            options = self.lang.get(tag)
            if options is not None and options.title_max_chars is not None:
                return options.title_max_chars
        limits = self.title_max_chars
        found = limits.get(lang, limits.get(primary_subtag(lang)))
        if found is not None:
            return found
        language = profile(lang)
        if language is not None and language.title_max_chars is not None:
            return language.title_max_chars
        return limits.get("*", 150)

    def severity_override(self, code: str) -> Severity | None:
        """Return the severity that findings of ``code`` are reported with whatever the
        check says: the longest matching override ("MP302" over "MP3"), else None."""
        best: tuple[int, Severity] | None = None
        for prefix, severity in self.severity.items():
            if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), severity)
        return None if best is None else best[1]

    def ignored_for(self, code: str, path: str, lang: str | None) -> bool:
        """Return True when findings of ``code`` are not reported in file ``path`` or
        variant ``lang`` (per-path ignores, per-language ignores)."""
        for pattern, codes in self.per_path_ignores.items():
            if any(code.startswith(c) for c in codes) and _path_matches(path, pattern):
                return True
        if lang is not None:
            for tag, options in self.lang.items():
                if tag_matches(tag, lang) and any(code.startswith(c) for c in options.ignore):
                    return True
        return False

    def fingerprint(self) -> str:
        """Return a short, stable hash of the settings that change findings."""
        # fail_on changes the exit status, not the findings, so it stays out of the hash.
        payload = self.model_dump_json(exclude={"fail_on"})
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def _path_matches(path: str, pattern: str) -> bool:
    """Return True when ``path`` (as shown, "/" separated) matches the glob ``pattern``,
    as a whole or by any trailing part ("*.yaml" matches "news/a.yaml")."""
    path = path.removeprefix("./")
    if fnmatch.fnmatchcase(path, pattern):
        return True
    parts = path.split("/")
    return any(fnmatch.fnmatchcase("/".join(parts[k:]), pattern) for k in range(1, len(parts)))
