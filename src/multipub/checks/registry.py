"""The one registry of checks: stable codes, names, severities and docs.

A check is a function decorated with :func:`register` that takes a
:class:`~multipub.checks.context.VariantContext` and yields
:class:`~multipub.checks.context.Problem` values. No problems means the check passed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from multipub.checks.context import Problem, VariantContext
from multipub.findings import Severity

__all__ = [
    "CheckFunction",
    "Rule",
    "UnknownCodeError",
    "all_rules",
    "get_rule",
    "register",
    "select_rules",
]

CheckFunction = Callable[[VariantContext], Iterator[Problem]]

_CODE = re.compile(r"^MP\d{3}$")
# A full stop after a word of two lowercase letters or more (or a closing bracket or
# quote) and before a capital: not "EE. UU." nor "e.g. The".
_SENTENCE_END = re.compile(r"(?:(?<=[a-z\u00e0-\u1ef9]{2})|(?<=[)\]`'\"]))\.\s+(?=[A-Z`\"(])")
_NAME = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@dataclass(frozen=True)
class Rule:
    """A check's identity and documentation; ``function`` is None for MP000, MP001,
    MP002 and MP304, which the loader and the runner report rather than a check."""

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    bad: str
    good: str
    function: CheckFunction | None = None
    # The check compares a translation with its source, and cannot run without one.
    needs_source: bool = False

    @property
    def first_sentence(self) -> str:
        """Return the summary's first sentence, without its full stop ("EE. UU." and other
        spaced abbreviations do not end it)."""
        return _SENTENCE_END.split(self.summary, maxsplit=1)[0].rstrip(".")

    def doc(self) -> str:
        """Return the rule's documentation as Markdown (what, why, bad and good examples)."""
        return (
            f"# {self.code} {self.name}\n\n"
            f"Default severity: {self.severity.value}\n\n"
            f"## What it does\n\n{self.summary}\n\n"
            f"## Why it matters\n\n{self.why}\n\n"
            f"## Example\n\n{self.bad}\n\n"
            f"## Use instead\n\n{self.good}\n"
        )


_REGISTRY: dict[str, Rule] = {}


def register(
    *,
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    why: str,
    bad: str,
    good: str,
    needs_source: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Return a decorator that registers a check function under ``code``; ``needs_source``
    says that it compares a translation with its source and cannot run without one."""

    def decorate(function: CheckFunction) -> CheckFunction:
        _add(Rule(code, name, severity, summary, why, bad, good, function, needs_source))
        return function

    return decorate


def _add(rule: Rule) -> None:
    if not _CODE.match(rule.code) or not _NAME.match(rule.name):
        raise ValueError(f"bad rule identity: {rule.code} {rule.name}")
    if rule.code in _REGISTRY:
        raise ValueError(f"code {rule.code} registered twice")
    if any(r.name == rule.name for r in _REGISTRY.values()):
        raise ValueError(f"name {rule.name} registered twice")
    _REGISTRY[rule.code] = rule


_add(
    Rule(
        code="MP000",
        name="input-error",
        severity=Severity.ERROR,
        summary="A file could not be read, or does not fit the article schema. The message "
        "names the file, the line (or JSON path) and what is wrong. The other files of the "
        "run are still checked. Reported whatever --select names; only --ignore MP000 "
        "silences it.",
        why="A file that cannot be read is an article nobody checked: it must not pass silently.",
        bad='```json\n{"id": "hanoi-flood", "source_lang": "vi", "variants": '
        '{"vi": {"title": "Lũ ở Hà Nội", "title": "Mưa lớn"}}}\n```\n'
        "(duplicate key 'title')",
        good='```json\n{"id": "hanoi-flood", "source_lang": "vi", "variants": '
        '{"vi": {"title": "Mưa lớn ở Hà Nội"}}}\n```',
    )
)
_add(
    Rule(
        code="MP001",
        name="source-missing",
        severity=Severity.INFO,
        summary="An article checked without its source: the variant that `source_lang` "
        "names is not in the file (a desk checking what its Arabic site published, or a "
        "`source_lang` that names no variant). Every check that needs no source still runs "
        "(glossary, names, gender, duplicates, furniture, language, style); this one finding "
        "per article names the checks that compare with the source and did not run.",
        why="A check that silently does nothing looks like a check that passed: the desk "
        "must know that numbers, missing terms and dropped blocks were not compared.",
        bad='```json\n{"id": "fair", "source_lang": "vi", "variants": {"ar": {"blocks": '
        '["افتتح المعرض التجاري صباح اليوم."]}}}\n```\n'
        "(info: no 'vi' variant: MP101, MP501, MP502 need it and did not run)",
        good="Check the translation together with its source variant, or accept the info.",
    )
)


_add(
    Rule(
        code="MP002",
        name="unused-suppression",
        severity=Severity.WARNING,
        summary='A suppression written in an article (`"multipub": {"ignore": [{"code": '
        '..., "reason": ...}]}` on the article, a variant or a block) that silenced no '
        "finding although the check it names ran there. Reported as ruff's RUF100 reports an "
        "unused `noqa`: the defect was fixed, or the suppression sits at the wrong place.",
        why="Suppressions that outlive their defect hide the next one at the same place, "
        "and a desk cannot tell a live reason from a stale one.",
        bad='```json\n{"id": "fair", "source_lang": "vi", "variants": {"vi": {"blocks": '
        '["Hội chợ mở cửa."]}, "ru": {"blocks": [{"text": "Ярмарка открылась.", '
        '"multipub": {"ignore": [{"code": "MP301", "reason": "repeated on purpose"}]}}]}}}'
        "\n```\n(nothing is repeated: the suppression silences nothing)",
        good="Remove the suppression once the finding it silenced is gone.",
    )
)


_add(
    Rule(
        code="MP304",
        name="corpus-duplicate",
        severity=Severity.WARNING,
        summary="A lead or body block that repeats a block of another article, in the same "
        "language: copied or reworded (MinHash estimate of the Jaccard similarity of their "
        "shingles at or above 0.5). Within the articles of one run, and, with `--index "
        "FILE`, against an archive kept in an SQLite index, so that a CI run checks the "
        "changed articles against everything published. A block is reported on the later "
        "article of the pair, naming the other article, language and block. Boilerplate "
        "that recurs in more than ten articles (sign-offs, standard captions) is not "
        "reported, nor are texts allow-listed in the index. It runs with `--index FILE`, or "
        "when selected by its code (`--select MP304`): comparing every article with every "
        "other costs more than all the other checks together.",
        why="A paragraph pasted from yesterday's article, or a translation memory hit from "
        "another story, goes out unseen when each article is checked alone.",
        bad="Article flood-2 block 3 repeats article flood-1 block 2 word for word, in ru.",
        good="Each article's paragraphs are its own; a standard sign-off is allow-listed.",
    )
)


class UnknownCodeError(ValueError):
    """Raised when --select or --ignore names no known code or family."""


def all_rules() -> list[Rule]:
    """Return every registered rule, sorted by code."""
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_rule(code_or_name: str) -> Rule:
    """Return the rule with this code ("MP302") or name ("near-duplicate-block")."""
    key = code_or_name.strip()
    if key.upper() in _REGISTRY:
        return _REGISTRY[key.upper()]
    for rule in _REGISTRY.values():
        if rule.name == key.lower():
            return rule
    raise UnknownCodeError(f"no rule {code_or_name!r}; see 'multipub rules'")


def _matches(rule: Rule, selector: str) -> bool:
    selector = selector.strip()
    return rule.code.startswith(selector.upper()) or rule.name == selector.lower()


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Return the rules chosen by code/prefix/name selectors, sorted by code.

    An empty ``select`` means every rule. A selector that matches nothing raises
    :class:`UnknownCodeError`, so a typo never silently disables a check.
    """
    rules = all_rules()
    selectors = [s for s in select if s.strip()]
    ignores = [s for s in ignore if s.strip()]
    for selector in (*selectors, *ignores):
        if not any(_matches(rule, selector) for rule in rules):
            raise UnknownCodeError(f"{selector!r} matches no check code; see 'multipub rules'")
    chosen = [r for r in rules if not selectors or any(_matches(r, s) for s in selectors)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignores)]
