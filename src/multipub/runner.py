"""Running the checks: over one article in memory, or over files into a :class:`Report`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from multipub._version import __version__
from multipub.checks import ArticleContext, Rule, VariantContext, select_rules
from multipub.config import Config
from multipub.findings import Finding, Report, Severity, Summary, ToolInfo, finding_sort_key
from multipub.glossary import EntryKind, Glossary
from multipub.io import InputProblem, line_locator
from multipub.lang import tag_matches
from multipub.matcher import GlossaryIndex
from multipub.models import Article
from multipub.suppressions import apply_suppressions
from multipub.text import fold, whole_characters

if TYPE_CHECKING:
    from multipub.corpus import ArticleResult
    from multipub.locations import SourceMap

__all__ = [
    "RunTally",
    "check",
    "check_paths",
    "check_with_suppressed",
    "input_finding",
    "locate_lines",
    "report_of",
    "signature",
]

_EXCERPT_CHARS = 120


def _excerpt(text: str, span: tuple[int, int]) -> str:
    # A bounded slice first: thousands of findings on a 1 MB block each span the block,
    # and collapsing all of it every time made the run quadratic.
    end = min(span[1], span[0] + 8 * _EXCERPT_CHARS)
    piece = " ".join(text[span[0] : end].split())
    if end < span[1] and len(piece) < _EXCERPT_CHARS:
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
    Findings that a suppression in the article silences are left out (see
    :func:`check_with_suppressed` for them), and an unused suppression is an MP002.
    """
    return check_with_suppressed(article, config=config, glossary=glossary, path=path, line=line)[0]


def check_with_suppressed(
    article: Article,
    *,
    config: Config | None = None,
    glossary: Glossary | GlossaryIndex | None = None,
    path: str = "<memory>",
    line: int | None = None,
    places: SourceMap | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """Return ``(counted, suppressed)``: the findings of :func:`check`, and those that a
    suppression in the article silenced, each marked with its reason; both sorted. With
    ``places`` (where each text sits in its file), findings carry line and column."""
    config = config or Config()
    rules = _rules(config)
    index = _index(glossary)
    shared = ArticleContext(article, config, index)
    findings: list[Finding] = []
    langs = _langs(article, config)
    for lang in langs:
        ctx = VariantContext(shared, lang)
        variant = ctx.variant
        for rule in rules:
            assert rule.function is not None  # _rules keeps only rules with a function
            if config.ignored_for(rule.code, path, lang):
                continue
            override = config.severity_override(rule.code)
            for problem in rule.function(ctx):
                text = variant.text_of(problem.field, problem.block)
                span = whole_characters(text, problem.span)
                at_line, column, end_line, end_column = _where(
                    places, lang, problem.field, problem.block, span, line
                )
                findings.append(
                    Finding(
                        code=rule.code,
                        name=rule.name,
                        severity=override or problem.severity or rule.severity,
                        path=path,
                        article=article.id,
                        lang=lang,
                        field=problem.field,
                        block=problem.block,
                        span=span,
                        message=problem.message,
                        related=problem.related,
                        entry=problem.entry,
                        excerpt=_excerpt(text, span),
                        line=at_line,
                        column=column,
                        end_line=end_line,
                        end_column=end_column,
                    )
                )
    findings = _one_per_defect(findings, index, article)
    if article.source is None and not config.ignored_for("MP001", path, None):
        missing = _source_missing(article, config, path, line)
        if missing is not None:
            findings.append(missing)
    ran_codes = _codes_that_ran(rules, article, index is not None)
    checked = set(langs)

    def ran(prefix: str, lang: str | None) -> bool:
        if lang is not None and lang not in checked:
            return False
        return any(code.startswith(prefix) for code in ran_codes)

    counted, suppressed = apply_suppressions(article, findings, ran=ran, path=path, line=line)
    if any(f.code == "MP002" for f in counted):
        mp002 = _mp002_rule(config)
        counted = [
            f
            if f.code != "MP002"
            else f.model_copy(update={"severity": config.severity_override("MP002") or f.severity})
            for f in counted
            if f.code != "MP002" or (mp002 and not config.ignored_for("MP002", path, f.lang))
        ]
    counted.sort(key=finding_sort_key)
    suppressed.sort(key=finding_sort_key)
    return counted, suppressed


def _where(
    places: SourceMap | None,
    lang: str,
    field: str,
    block: int | None,
    span: tuple[int, int] | None,
    line: int | None,
) -> tuple[int | None, int | None, int | None, int | None]:
    """Return the line, column, end line and end column of a finding at ``span`` of a
    text (the article's line alone, or nothing, when the place is not known)."""
    place = places.place(lang, field, block, span) if places is not None else None
    if place is None:
        return line, None, None, None
    return place.line, place.column, place.end_line, place.end_column


def _one_per_defect(
    findings: list[Finding], index: GlossaryIndex | None, article: Article
) -> list[Finding]:
    """Return ``findings`` without the MP101 (an entry with no rendering) that another
    finding on its block says better: MP201 finds that entry's name misspelled; MP203
    finds a person called by a title they do not hold (the missing title is the one the
    translation replaced); MP402 or MP303 finds source-language text left there that holds
    the entry's source form (the sentence went untranslated, the term with it). One
    defect, said once, by the finding that says what it is."""
    misspelled = {(f.lang, f.field, f.block, f.entry) for f in findings if f.code == "MP201"}
    retitled = {(f.lang, f.field, f.block) for f in findings if f.code == "MP203"}
    left: dict[tuple[str | None, str | None, int | None], list[str]] = {}
    for f in findings:
        if f.code in ("MP402", "MP303") and f.excerpt:
            # The text the finding covers, whole: its excerpt is cut short on a long block.
            text = f.excerpt
            variant = article.variants.get(f.lang or "")
            if variant is not None and f.field is not None and f.span is not None:
                whole = variant.text_of(f.field, f.block)
                text = whole[f.span[0] : f.span[1]] or text
            left.setdefault((f.lang, f.field, f.block), []).append(fold(text))
    if not misspelled and not retitled and not left:
        return findings

    def said_better(f: Finding) -> bool:
        if f.code != "MP101":
            return False
        if (f.lang, f.field, f.block, f.entry) in misspelled:
            return True
        entry = index.entries.get(f.entry) if index is not None and f.entry else None
        if entry is None:
            return False
        if entry.kind is EntryKind.TITLE and (f.lang, f.field, f.block) in retitled:
            return True
        forms = entry.forms(article.source_lang)
        untranslated = left.get((f.lang, f.field, f.block), [])
        return forms is not None and any(
            fold(form) in text for form in forms.good_forms() for text in untranslated
        )

    return [f for f in findings if not said_better(f)]


def _codes_that_ran(rules: Sequence[Rule], article: Article, has_glossary: bool) -> set[str]:
    """Return the codes whose checks ran on ``article``: a suppression of any other code
    cannot be judged unused."""
    codes = set()
    for rule in rules:
        if rule.needs_source and article.source is None:
            continue
        if not has_glossary and rule.code[:3] in ("MP1", "MP2"):
            continue
        codes.add(rule.code)
    if article.source is None:
        codes.add("MP001")
    return codes


@lru_cache(maxsize=64)
def _mp002_chosen(select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    return any(rule.code == "MP002" for rule in select_rules(select, ignore))


def _mp002_rule(config: Config) -> bool:
    """Return True when MP002 (unused suppression) is selected."""
    return _mp002_chosen(config.select, config.ignore)


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
    # MP000 is reported whatever --select names (see RunTally): the signature says so.
    reported = {r.code for r in chosen} | {r.code for r in select_rules(("MP000",), config.ignore)}
    codes = ",".join(sorted(reported))
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
    stdin: tuple[str, str | bytes] | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    corpus_index: str | None = None,
) -> Report:
    """Return the report of checking every article file below ``paths``, with ``jobs``
    processes (the same report whatever their number).

    Unreadable files and articles become MP000 findings; the other files are still checked.
    A path ``-`` stands for ``stdin``: (the name to show, the text read). ``progress`` is
    called with the number of articles checked each time some are. MP304 compares the
    run's articles with each other and, with ``corpus_index`` (an SQLite file), with the
    archive indexed there, to which the run's articles are added.
    """
    from multipub.corpus import iter_results

    config = config or Config()
    results = iter_results(
        paths,
        config=config,
        glossary=glossary,
        jobs=jobs,
        stdin=stdin,
        progress=progress,
        corpus_index=corpus_index,
    )
    return report_of(results, config=config, glossary=glossary)


class RunTally:
    """What a run has counted so far: articles, variants, files, findings by severity and
    suppressed findings. :func:`report_of` and the streamed JSON Lines output count
    through it, so both give the same summary."""

    def __init__(self, config: Config) -> None:
        self.config = config
        # An unreadable file is reported whatever --select names (a run narrowed to one
        # check must not pass over a file it could not read); only --ignore silences it.
        kept = select_rules(("MP000",), config.ignore)
        self.report_input_errors = any(r.code == "MP000" for r in kept)
        self.files: set[str] = set()
        self.langs: set[str] = set()
        self.articles = self.variants = self.suppressed = 0
        self.by_severity = {s: 0 for s in Severity}

    def take(self, result: ArticleResult) -> list[Finding]:
        """Count ``result``; return its findings to report (an MP000 for a problem,
        unless MP000 is off for its file)."""
        self.files.add(result.path)
        if result.problem is None:
            self.articles += 1
            self.variants += result.variants
            self.langs.update(result.langs)
            self.suppressed += len(result.suppressed)
            return list(result.findings)
        if self.report_input_errors and not self.config.ignored_for("MP000", result.path, None):
            return [input_finding(result.problem)]
        return []

    def count(self, findings: Iterable[Finding]) -> None:
        """Count ``findings`` as reported, by severity."""
        for finding in findings:
            self.by_severity[finding.severity] += 1

    def summary(self) -> Summary:
        """Return the counts as the report's summary."""
        return Summary(
            articles=self.articles,
            variants=self.variants,
            errors=self.by_severity[Severity.ERROR],
            warnings=self.by_severity[Severity.WARNING],
            infos=self.by_severity[Severity.INFO],
            suppressed=self.suppressed,
        )


def unmatched_langs(wanted: Sequence[str], have: Iterable[str]) -> list[str]:
    """Return the language ranges of ``wanted`` that none of the tags ``have`` falls in
    (an empty list when each selects something)."""
    tags = sorted(set(have))
    return [w for w in wanted if not any(tag_matches(w, tag) for tag in tags)]


def report_of(
    results: Iterable[ArticleResult],
    *,
    config: Config,
    glossary: Glossary | None = None,
    langs_read: set[str] | None = None,
) -> Report:
    """Return the report of ``results`` (in input order), as :func:`check_paths` gives it:
    findings sorted, MP000 for the problems, counts and the run's signature. The tags of
    the variants of the articles read are added to ``langs_read`` when it is given."""
    tally = RunTally(config)
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    for result in results:
        findings.extend(tally.take(result))
        suppressed.extend(result.suppressed)
    findings.sort(key=finding_sort_key)
    suppressed.sort(key=finding_sort_key)
    tally.count(findings)
    report = Report(
        tool=ToolInfo(version=__version__),
        summary=tally.summary(),
        findings=tuple(findings),
        suppressed=tuple(suppressed),
        signature=signature(config, select_rules(config.select, config.ignore), glossary),
        files=len(tally.files),
    )
    if langs_read is not None:
        langs_read.update(tally.langs)
    return report


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
