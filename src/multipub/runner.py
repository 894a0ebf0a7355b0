"""Running the checks: over one article in memory, or over files into a :class:`Report`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from multipub._version import __version__
from multipub.checks import ArticleContext, Rule, VariantContext, select_rules
from multipub.config import Config
from multipub.findings import Finding, Report, Severity, Summary, ToolInfo, finding_sort_key
from multipub.glossary import Glossary
from multipub.io import InputProblem, LoadedArticle, iter_articles, line_locator
from multipub.lang import tag_matches
from multipub.matcher import GlossaryIndex
from multipub.models import Article
from multipub.text import whole_characters

__all__ = ["check", "check_paths", "input_finding", "locate_lines", "signature"]

_EXCERPT_CHARS = 120


def _excerpt(text: str, span: tuple[int, int]) -> str:
    piece = " ".join(text[span[0] : span[1]].split())
    return piece if len(piece) <= _EXCERPT_CHARS else piece[: _EXCERPT_CHARS - 1] + "…"


def _rules(config: Config) -> list[Rule]:
    return list(_chosen_rules(config.select, config.ignore))


@lru_cache(maxsize=64)
def _chosen_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    # Chosen once per selection, not once per article.
    return tuple(r for r in select_rules(select, ignore) if r.function is not None)


def _index(glossary: Glossary | GlossaryIndex | None) -> GlossaryIndex | None:
    if glossary is None or isinstance(glossary, GlossaryIndex):
        return glossary
    return GlossaryIndex(glossary)


def check(
    article: Article,
    *,
    config: Config | None = None,
    glossary: Glossary | GlossaryIndex | None = None,
    path: str = "<memory>",
    line: int | None = None,
) -> list[Finding]:
    """Return the findings of every selected check on every variant of ``article``, sorted.

    Glossary checks (MP1xx, MP2xx) run only when a ``glossary`` is given; pass a
    :class:`~multipub.matcher.GlossaryIndex` to share its matchers across many calls.
    """
    config = config or Config()
    rules = _rules(config)
    shared = ArticleContext(article, config, _index(glossary))
    findings: list[Finding] = []
    for lang in _langs(article, config):
        ctx = VariantContext(shared, lang)
        variant = ctx.variant
        for rule in rules:
            assert rule.function is not None  # _rules keeps only rules with a function
            for problem in rule.function(ctx):
                text = variant.text_of(problem.field, problem.block)
                span = whole_characters(text, problem.span)
                findings.append(
                    Finding(
                        code=rule.code,
                        name=rule.name,
                        severity=problem.severity or rule.severity,
                        path=path,
                        article=article.id,
                        lang=lang,
                        field=problem.field,
                        block=problem.block,
                        span=span,
                        message=problem.message,
                        related=problem.related,
                        entry=problem.entry,
                        line=line,
                        excerpt=_excerpt(text, span),
                    )
                )
    if article.source is None:
        missing = _source_missing(article, config, path, line)
        if missing is not None:
            findings.append(missing)
    findings.sort(key=finding_sort_key)
    return findings


def _source_missing(
    article: Article, config: Config, path: str, line: int | None
) -> Finding | None:
    """Return the MP001 finding of an article checked without its source variant, naming
    the selected checks that need the source; None when none does or MP001 is off."""
    chosen = select_rules(config.select, config.ignore)
    if not any(rule.code == "MP001" for rule in chosen):
        return None
    skipped = [rule.code for rule in chosen if rule.needs_source and rule.function is not None]
    if not skipped:
        return None
    return Finding(
        code="MP001",
        name="source-missing",
        severity=Severity.INFO,
        path=path,
        article=article.id,
        message=f"no {article.source_lang!r} variant, the declared source (variants: "
        f"{', '.join(sorted(article.variants))}): {', '.join(skipped)} compare with the "
        "source and did not run; MP303 judged the language only",
        line=line,
    )


def _langs(article: Article, config: Config) -> list[str]:
    langs = sorted(article.variants)
    if config.langs:
        # BCP 47 basic filtering: "zh" selects "zh-Hans" and "zh-Hant", as users expect.
        langs = [lang for lang in langs if any(tag_matches(t, lang) for t in config.langs)]
    return langs


def input_finding(problem: InputProblem) -> Finding:
    """Return the MP000 finding that reports an unreadable file or article."""
    return Finding(
        code="MP000",
        name="input-error",
        severity=Severity.ERROR,
        path=problem.path,
        article=problem.article,
        # The path and line have fields of their own; the message says where inside.
        message=f"{problem.json_path}: {problem.message}" if problem.json_path else problem.message,
        line=problem.line,
    )


def signature(
    config: Config, rules: Sequence[Rule] | None = None, glossary: Glossary | None = None
) -> str:
    """Return the sacrebleu-style signature of a run: what produced its findings."""
    chosen = rules if rules is not None else select_rules(config.select, config.ignore)
    codes = ",".join(r.code for r in chosen)
    parts = [f"multipub:{__version__}", f"codes:{codes}", f"cfg:{config.fingerprint()}"]
    parts.append(f"glossary:{glossary.fingerprint() if glossary else 'none'}")
    if any(r.code == "MP302" for r in chosen):
        parts.append(f"sacrebleu:{metadata.version('sacrebleu')}")
    if any(r.code in ("MP303", "MP401") for r in chosen):
        from multipub.langid import backend_signature

        parts.append(f"langid:{backend_signature(config.langid)}")
    return "|".join(parts)


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    glossary: Glossary | None = None,
) -> Report:
    """Return the report of checking every article file below ``paths``.

    Unreadable files and articles become MP000 findings; the other files are still checked.
    """
    config = config or Config()
    index = _index(glossary)
    rules = select_rules(config.select, config.ignore)
    report_input_errors = any(r.code == "MP000" for r in rules)
    findings: list[Finding] = []
    files: set[str] = set()
    articles = variants = 0
    for item in iter_articles(paths, config.limits()):
        files.add(item.path)
        if isinstance(item, LoadedArticle):
            articles += 1
            variants += len(_langs(item.article, config))
            findings.extend(
                check(item.article, config=config, glossary=index, path=item.path, line=item.line)
            )
        elif report_input_errors:
            findings.append(input_finding(item))
    findings.sort(key=finding_sort_key)
    by_severity = {s: 0 for s in Severity}
    for finding in findings:
        by_severity[finding.severity] += 1
    return Report(
        tool=ToolInfo(version=__version__),
        summary=Summary(
            articles=articles,
            variants=variants,
            errors=by_severity[Severity.ERROR],
            warnings=by_severity[Severity.WARNING],
            infos=by_severity[Severity.INFO],
        ),
        findings=tuple(findings),
        signature=signature(config, rules, glossary),
        files=len(files),
    )


def locate_lines(findings: Sequence[Finding]) -> list[Finding]:
    """Return ``findings`` with ``line`` set, where it was unknown, to the line of the
    finding's text in its input file. Each file is read once; JSONL findings already
    carry their article's line."""
    locators: dict[str, Any] = {}
    located: list[Finding] = []
    for finding in findings:
        if finding.line is not None or finding.field is None or finding.lang is None:
            located.append(finding)
            continue
        if finding.path not in locators:
            locators[finding.path] = line_locator(Path(finding.path))
        locator = locators[finding.path]
        loc: tuple[int | str, ...] = ("variants", finding.lang, finding.field)
        if finding.block is not None:
            # The "text" of an object block; a bare-string block falls back to itself.
            loc = (*loc, finding.block, "text")
        line = locator(loc) if locator else None
        located.append(finding.model_copy(update={"line": line}) if line else finding)
    return located
