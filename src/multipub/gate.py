"""The publication gate: which variants of an article may go out, and why the others wait.

:func:`gate` decides, for every variant of an article, ``publish`` or ``hold``. A
variant is held when

* a counted (not suppressed) finding of severity *error* is at it, or at the whole
  article (a finding with no language): one reason per finding, its code and message;
* it is a translation made from an older source (its recorded ``source_revision`` is
  not the source's: :func:`multipub.status.translation_status` says ``needs_update``),
  unless the article or the variant suppresses MP601 with a reason; accept a reviewed
  translation by stamping it again (``multipub stamp``);
* a field named in ``required`` is empty (absent, or white space only; for ``blocks``:
  no block with text).

The source variant is gated the same way (its own errors, its own required fields).
A held source does not hold its translations: each edition stands on its own. Warnings
and infos never hold a variant.

Decisions come in a fixed order (the source first, then the translations sorted by
tag; reasons in finding order, then the status, then the fields) and
:meth:`GateDecision.as_dict` is JSON-ready, so two runs print the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from multipub.config import Config
from multipub.findings import Finding, Severity, finding_sort_key
from multipub.glossary import Glossary
from multipub.io import InputProblem, LoadedArticle, iter_articles
from multipub.lang import tag_matches
from multipub.matcher import GlossaryIndex
from multipub.models import Article, TextField
from multipub.runner import check
from multipub.status import translation_status
from multipub.suppressions import suppressions_of

__all__ = [
    "Action",
    "GateDecision",
    "GateRun",
    "Reason",
    "ReasonKind",
    "gate",
    "gate_paths",
    "held",
    "render_decisions",
]

Action = Literal["publish", "hold"]
ReasonKind = Literal["finding", "needs_update", "missing_field"]

_FIELDS: tuple[str, ...] = get_args(TextField)
_NEEDS_UPDATE = "MP601"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a variant is held: an error ``finding`` (with its code and place), a
    translation that ``needs_update``, or a ``missing_field`` (``field`` names it)."""

    kind: ReasonKind
    message: str
    code: str | None = None
    field: str | None = None
    block: int | None = None

    def describe(self) -> str:
        """Return the reason in one line: "MP501 block 2: ...", "needs update: ..."."""
        if self.kind == "finding":
            where = ""
            if self.field == "blocks" and self.block is not None:
                where = f" block {self.block}"
            elif self.field is not None:
                where = f" {self.field}"
            return f"{self.code}{where}: {self.message}"
        if self.kind == "needs_update":
            return f"needs update: {self.message}"
        return f"missing {self.field}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """Return the reason as JSON-ready data."""
        return {
            "kind": self.kind,
            "code": self.code,
            "field": self.field,
            "block": self.block,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class GateDecision:
    """What the gate decided for variant ``lang`` of article ``article``."""

    article: str
    lang: str
    is_source: bool
    action: Action
    reasons: tuple[Reason, ...] = ()
    path: str | None = None  # the file the article was read from, when it was

    @property
    def published(self) -> bool:
        """Return True when the variant may be published."""
        return self.action == "publish"

    def describe(self) -> str:
        """Return the decision as text: a first line ``[path: ]article lang: publish|hold``,
        then one indented line per reason."""
        role = " (source)" if self.is_source else ""
        where = f"{self.path}: " if self.path is not None else ""
        lines = [f"{where}{self.article} {self.lang}{role}: {self.action}"]
        lines.extend(f"  - {reason.describe()}" for reason in self.reasons)
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """Return the decision as JSON-ready data."""
        return {
            "path": self.path,
            "article": self.article,
            "lang": self.lang,
            "is_source": self.is_source,
            "action": self.action,
            "reasons": [reason.as_dict() for reason in self.reasons],
        }


def _missing(article: Article, lang: str, field: str) -> bool:
    """Return True when ``field`` of variant ``lang`` holds no text."""
    variant = article.variants[lang]
    if field == "blocks":
        return not any(block.text.strip() for block in variant.blocks)
    value: str | None = getattr(variant, field)
    return not (value and value.strip())


def _mp601_suppressed(article: Article, lang: str) -> bool:
    """Return True when the article, or variant ``lang`` as a whole, suppresses MP601."""
    return any(
        _NEEDS_UPDATE.startswith(placed.suppression.code)
        and placed.block is None
        and placed.lang in (None, lang)
        for placed in suppressions_of(article)
    )


def _langs(article: Article, config: Config | None) -> list[str]:
    """Return the variants to gate, source first: those ``config.langs`` selects, if any."""
    langs = sorted(article.variants, key=lambda tag: (tag != article.source_lang, tag))
    if config is not None and config.langs:
        langs = [lang for lang in langs if any(tag_matches(t, lang) for t in config.langs)]
    return langs


def gate(
    article: Article,
    *,
    findings: Sequence[Finding] | None = None,
    config: Config | None = None,
    glossary: Glossary | GlossaryIndex | None = None,
    required: Iterable[str] = ("title",),
    path: str | None = None,
) -> list[GateDecision]:
    """Return one :class:`GateDecision` per variant of ``article`` (those ``config.langs``
    selects, when set): the source first, then the translations sorted by tag.

    ``findings`` are the article's findings, as :func:`multipub.check` returns them
    (findings of other articles and suppressed ones are ignored); when None, the checks
    run here with ``config`` and ``glossary`` (without a glossary the glossary checks do
    not run, and cannot hold anything). ``required`` names the fields a variant must
    fill: ``title``, ``lead``, ``byline`` or ``blocks``; raise ValueError for another.
    ``path``, the file the article was read from, goes into the decisions, and to the
    checks (the configuration's per-path ignores apply to it).
    """
    wanted = tuple(dict.fromkeys(required))
    unknown = [field for field in wanted if field not in _FIELDS]
    if unknown:
        raise ValueError(f"unknown required field(s) {unknown}: choose among {list(_FIELDS)}")
    if findings is None:
        findings = check(article, config=config, glossary=glossary, path=path or "<memory>")
    errors = [
        f
        for f in sorted(findings, key=finding_sort_key)
        if f.severity is Severity.ERROR
        and f.suppressed is None
        and (f.article is None or f.article == article.id)
    ]
    decisions: list[GateDecision] = []
    for lang in _langs(article, config):
        reasons: list[Reason] = [
            Reason(kind="finding", message=f.message, code=f.code, field=f.field, block=f.block)
            for f in errors
            if f.lang is None or f.lang == lang
        ]
        status = translation_status(article, lang)
        already = any(r.code == _NEEDS_UPDATE for r in reasons)
        if status.needs_update and not already and not _mp601_suppressed(article, lang):
            reasons.append(
                Reason(kind="needs_update", message=status.describe(), code=_NEEDS_UPDATE)
            )
        for field in wanted:
            if _missing(article, lang, field):
                reasons.append(
                    Reason(kind="missing_field", message=f"the {field} is empty", field=field)
                )
        decisions.append(
            GateDecision(
                article=article.id,
                lang=lang,
                is_source=lang == article.source_lang,
                action="hold" if reasons else "publish",
                reasons=tuple(reasons),
                path=path,
            )
        )
    return decisions


def held(decisions: Iterable[GateDecision]) -> bool:
    """Return True when any of ``decisions`` holds its variant (a command's exit status 1)."""
    return any(not decision.published for decision in decisions)


def render_decisions(decisions: Iterable[GateDecision]) -> str:
    """Return the decisions as text, one :meth:`GateDecision.describe` after the other,
    with a last line counting published and held variants."""
    chosen = list(decisions)
    lines = [decision.describe() for decision in chosen]
    published = sum(decision.published for decision in chosen)
    lines.append(f"{published} to publish, {len(chosen) - published} held")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class GateRun:
    """The gate over files: the articles read, one decision per variant, and what could
    not be read (an unreadable article is held: it cannot be published unchecked)."""

    articles: tuple[Article, ...]
    decisions: tuple[GateDecision, ...]
    problems: tuple[InputProblem, ...]

    @property
    def held(self) -> bool:
        """Return True when a variant is held or a file or article could not be read."""
        return bool(self.problems) or held(self.decisions)

    def as_dict(self) -> dict[str, Any]:
        """Return the run as JSON-ready data: the decisions, the unreadable inputs, and
        counts of published and held variants."""
        published = sum(decision.published for decision in self.decisions)
        return {
            "decisions": [decision.as_dict() for decision in self.decisions],
            "unreadable": [
                {
                    "path": p.path,
                    "line": p.line,
                    "article": p.article,
                    "message": p.describe(),
                }
                for p in self.problems
            ],
            "published": published,
            "held": len(self.decisions) - published,
        }

    def render_text(self) -> str:
        """Return the run as text: the unreadable inputs first (``path:line: message:
        held``), then :func:`render_decisions`."""
        lines = [f"{problem.describe()}: held, not readable" for problem in self.problems]
        return "".join(line + "\n" for line in lines) + render_decisions(self.decisions)


def gate_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    glossary: Glossary | GlossaryIndex | None = None,
    required: Iterable[str] = ("title",),
) -> GateRun:
    """Return the :class:`GateRun` of every article file below ``paths`` (in path order,
    ``config.exclude`` applied): each article checked with ``config`` and ``glossary``
    (its matchers built once for the run) and gated as :func:`gate` does."""
    config = config or Config()
    index = GlossaryIndex(glossary) if isinstance(glossary, Glossary) else glossary
    wanted = tuple(required)
    articles: list[Article] = []
    decisions: list[GateDecision] = []
    problems: list[InputProblem] = []
    for item in iter_articles(paths, exclude=config.exclude, page=config.page_options()):
        if not isinstance(item, LoadedArticle):
            problems.append(item)
            continue
        articles.append(item.article)
        decisions.extend(
            gate(item.article, config=config, glossary=index, required=wanted, path=item.path)
        )
    return GateRun(tuple(articles), tuple(decisions), tuple(problems))
