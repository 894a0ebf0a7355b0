"""Suppressions written in articles: a check silenced at one place, with a reason.

An article, a variant or a block may carry ``"multipub": {"ignore": [{"code": "MP102",
"reason": "..."}]}``. A finding at or below that place whose code starts with the
suppression's code is not counted; it is kept in the report's ``suppressed`` list (SARIF
shows it as a suppressed result with the reason). A suppression that silences nothing is
reported itself (MP002, as ruff's RUF100 reports an unused ``noqa``), so they do not rot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from multipub.checks.registry import all_rules
from multipub.findings import Finding, Severity, Suppressed
from multipub.models import Article, Suppression

__all__ = ["Placed", "apply_suppressions", "suppressions_of"]


@dataclass(frozen=True, slots=True)
class Placed:
    """A suppression and the place it covers: the article (lang None), a variant (block
    None) or one block."""

    suppression: Suppression
    lang: str | None
    block: int | None
    where: str  # the JSON path of the suppression, for messages

    def covers(self, finding: Finding) -> bool:
        """Return True when ``finding`` is at this place and its code is silenced here."""
        if not finding.code.startswith(self.suppression.code):
            return False
        if self.lang is None:
            return True
        if finding.lang != self.lang:
            return False
        return self.block is None or (finding.field == "blocks" and finding.block == self.block)


def suppressions_of(article: Article) -> Iterator[Placed]:
    """Yield every suppression of ``article`` with its place, article level first."""
    if article.multipub is not None:
        for index, item in enumerate(article.multipub.ignore):
            yield Placed(item, None, None, f"$.multipub.ignore[{index}]")
    for lang, variant in sorted(article.variants.items()):
        if variant.multipub is not None:
            for index, item in enumerate(variant.multipub.ignore):
                yield Placed(item, lang, None, f"$.variants.{lang}.multipub.ignore[{index}]")
        for number, block in enumerate(variant.blocks):
            if block.multipub is not None:
                for index, item in enumerate(block.multipub.ignore):
                    where = f"$.variants.{lang}.blocks[{number}].multipub.ignore[{index}]"
                    yield Placed(item, lang, number, where)


def apply_suppressions(
    article: Article,
    findings: list[Finding],
    *,
    ran: Callable[[str, str | None], bool],
    path: str,
    line: int | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """Return ``(counted, suppressed)``: the findings no suppression of ``article``
    covers, plus one MP002 per suppression that covered nothing although a check it names
    ran on its place (``ran(code_prefix, lang)``); and the covered findings, marked with
    the reason."""
    placed = list(suppressions_of(article))
    if not placed:
        return findings, []
    used = [False] * len(placed)
    counted: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        # The innermost place wins: a block's reason says more than the article's.
        covering = [k for k, p in enumerate(placed) if p.covers(finding)]
        if not covering:
            counted.append(finding)
            continue
        for k in covering:
            used[k] = True
        chosen = placed[covering[-1]]
        suppressed.append(
            finding.model_copy(
                update={
                    "suppressed": Suppressed(kind="in-article", reason=chosen.suppression.reason)
                }
            )
        )
    for item, was_used in zip(placed, used, strict=True):
        code = item.suppression.code
        unknown = not any(rule.code.startswith(code) for rule in all_rules())
        if not unknown and (was_used or not ran(code, item.lang)):
            continue
        # A code no check has (a typo: "MP310") silences nothing, ever: said whatever ran.
        why = (
            "names no check of multipub: fix the code"
            if unknown
            else "silences no finding: remove it"
        )
        counted.append(
            Finding(
                code="MP002",
                name="unused-suppression",
                severity=Severity.WARNING,
                path=path,
                article=article.id,
                lang=item.lang,
                field="blocks" if item.block is not None else None,
                block=item.block,
                message=f"{item.where}: the suppression of {code} "
                f"({item.suppression.reason!r}) {why}",
                line=line,
            )
        )
    return counted, suppressed
