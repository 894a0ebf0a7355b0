"""MP501 number-mismatch: numbers, dates and document codes that must survive translation.

Each aligned pair of source and target blocks is reduced to the tokens of
:func:`multipub.numbers.number_tokens` (codes as written, dates as day and month, numbers
as values with each language's scale words), and the source's tokens that the target lacks
are reported, each with the target token that looks like it changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Related, Severity
from multipub.numbers import number_tokens
from multipub.text import text_span

__all__: list[str] = []


def _looks_changed(source: str, target: str) -> bool:
    """Return True when ``target`` looks like ``source`` altered rather than another
    number: same kind, and for numbers the same digits reordered or one digit off."""
    kind = source.split(":")[0] if ":" in source else "number"
    if kind != (target.split(":")[0] if ":" in target else "number"):
        return False
    if kind == "date":
        day, month = source[5:].split("-")
        other_day, other_month = target[5:].split("-")
        return day == other_day or month == other_month
    if kind == "code":
        return True
    if len(source) != len(target):
        return False
    return (
        sorted(source) == sorted(target)
        or sum(a != b for a, b in zip(source, target, strict=True)) == 1
    )


def _unlikeness(a: str, b: str) -> tuple[int, int]:
    """Return how unlike two keys look, to pair a changed number with its new value:
    the same digits in another order (1250 -> 1520) are likelier than another length."""
    return (abs(len(a) - len(b)), 0 if sorted(a) == sorted(b) else 1)


def _shown(key: str) -> str:
    if key.startswith("date:"):
        day, month = key[5:].split("-")
        return f"{day}/{month}"
    return key.removeprefix("code:")


@register(
    code="MP501",
    name="number-mismatch",
    severity=Severity.ERROR,
    summary="A number, date or document code of a source block missing or changed in its "
    "aligned target block, after locale normalization (Vietnamese '1.250' and '86,6%', "
    "Arabic-Indic digits, '28/9' = '28 September' = '28 سبتمبر' = '28 сентября' = '9月28日', "
    "scale words: '3,5 tỷ' = '3.5 billion' = '35亿'). A changed number is reported on the "
    "target's number with the source's in the message; a dropped one on the target block. "
    "Whole numbers below 10 are not compared (translations spell them out).",
    why="A machine translation that turns 1,250 households into 1,520, or 50-KL/TW into "
    "50-KL/TƯ, publishes a wrong fact that no reader of the edition can check.",
    bad="vi: 'hỗ trợ 1.250 hộ dân'; zh-Hans:\n\n> 向1520户居民提供援助",
    good="zh-Hans:\n\n> 向1250户居民提供援助",
    needs_source=True,
)
def number_mismatch(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per source number, date or code the aligned target lacks."""
    source_lang = ctx.source_lang
    if source_lang is None:
        return
    source_units, target_units = ctx.shared.units(source_lang), ctx.units()
    for s_idx, t_idx in ctx.unit_pairs():
        if not s_idx or not t_idx:
            continue  # an unaligned block is MP502's finding
        source_tokens = [
            tok for i in s_idx for tok in number_tokens(source_units[i].text, source_lang)
        ]
        if not source_tokens:
            continue  # nothing of the source to lose
        target_tokens = [
            (j, tok) for j in t_idx for tok in number_tokens(target_units[j].text, ctx.lang)
        ]
        if sorted(t.key for t in source_tokens) == sorted(t.key for _, t in target_tokens):
            continue  # the same numbers, dates and codes (most pairs): no counting
        target_keys = Counter(t.key for _, t in target_tokens)
        missing = Counter(t.key for t in source_tokens) - target_keys
        for key in [k for k in missing if k.startswith("date:")]:
            # "9 đến 12/10" is "October 9 to 12": a day of a range may stand alone
            # beside a date of the same month.
            day, month = key[5:].split("-")
            if target_keys[day] and any(k.endswith(f"-{month}") for k in target_keys):
                del missing[key]
                target_keys[day] -= 1
        if not missing:
            continue
        extra = target_keys - Counter(t.key for t in source_tokens)
        spare = [(j, tok) for j, tok in target_tokens if extra[tok.key] > 0]
        first_source = source_units[s_idx[0]]
        related = (Related(field=first_source.field, block=first_source.block, lang=source_lang),)
        for key in sorted(
            missing, key=lambda k: next(t.start for t in source_tokens if t.key == k)
        ):
            kind = key.split(":")[0] if ":" in key else "number"
            candidates = [sp for sp in spare if _looks_changed(key, sp[1].key)]
            if candidates:
                j, tok = min(candidates, key=lambda sp: _unlikeness(key, sp[1].key))
                spare.remove((j, tok))
                unit = target_units[j]
                yield Problem(
                    field=unit.field,
                    block=unit.block,
                    span=(tok.start, tok.end),
                    message=f"{kind} {_shown(key)} of {first_source.describe()} of the "
                    f"source is {_shown(tok.key)} here",
                    related=related,
                )
            elif kind == "code":
                # A number may be rephrased ("1960" -> "the sixties"); a document code may not.
                unit = max((target_units[j] for j in t_idx), key=lambda u: len(u.text))
                yield Problem(
                    field=unit.field,
                    block=unit.block,
                    span=text_span(unit.text),
                    message=f"{kind} {_shown(key)} of {first_source.describe()} of the "
                    "source is missing here",
                    related=related,
                )
