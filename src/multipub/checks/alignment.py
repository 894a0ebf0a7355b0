"""MP502 unaligned-block: source blocks dropped from a translation, target blocks added."""

from __future__ import annotations

from collections.abc import Iterator

from multipub.checks.context import Problem, VariantContext
from multipub.checks.duplicates import variant_repeats
from multipub.checks.furniture import furniture_in
from multipub.checks.registry import register
from multipub.findings import Related, Severity
from multipub.text import text_span

__all__: list[str] = []


@register(
    code="MP502",
    name="unaligned-block",
    severity=Severity.WARNING,
    summary="A source block with no counterpart in the translation, or a translation "
    "block with none in the source. Blocks are aligned by a dynamic program over their "
    "lengths and shared anchors (numbers, codes), in the manner of Gale-Church, allowing "
    "1-1, 1-2, 2-1, 1-0 and 0-1 links; never by index. Where a gap is found, punctuation, "
    "names across scripts, Hán-Việt readings, shared words and the article's other "
    "translations place it. An added block is reported on it; "
    "a dropped one on the translation block that follows the gap (or precedes it at the "
    "end), with an empty span and the source block as related. Page furniture (MP403) is "
    "no block: a counter the translation adds is MP403's finding, one the source has and "
    "the translation leaves out no finding.",
    why="Translations drop a paragraph the engine choked on and gain a view counter or a "
    "caption printed twice; by index, every block after the first difference looks wrong.",
    bad="vi has 8 blocks; ar has blocks for vi 0-3 and 5-7: vi block 4 was dropped.",
    good="ar translates every block of vi, in order.",
    needs_source=True,
)
def unaligned_block(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per block linked to nothing on the other side."""
    source_lang = ctx.source_lang
    if source_lang is None:
        return
    source_units, target_units = ctx.shared.units(source_lang), ctx.units()
    pairs = [
        (s, t)
        for s, t in ctx.unit_pairs()
        if all(source_units[i].field == "blocks" for i in s)
        and all(target_units[j].field == "blocks" for j in t)
    ]
    # A block the translation has more than its source, which repeats another of its
    # blocks or is page furniture, has its finding already: one finding, not two.
    extra = any(t_idx and not s_idx for s_idx, t_idx in pairs)
    # Asked only when the translation has a block more: most have none.
    repeats = {r.later for r in variant_repeats(ctx.shared, ctx.lang)} if extra else set()
    reported_elsewhere = {
        t_idx[0]
        for s_idx, t_idx in pairs
        if t_idx
        and not s_idx
        and (t_idx[0] in repeats or _is_furniture(target_units[t_idx[0]].text, ctx.lang))
    }
    for index, (s_idx, t_idx) in enumerate(pairs):
        if s_idx and t_idx:
            continue
        if t_idx:
            if t_idx[0] in reported_elsewhere:
                continue  # a repeat (MP301/MP302) or page furniture (MP403): said there
            unit = target_units[t_idx[0]]
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=text_span(unit.text),
                message=f"{unit.describe()} has no counterpart in the source ({source_lang})",
            )
            continue
        dropped = source_units[s_idx[0]]
        if _is_furniture(dropped.text, source_lang):
            # Page furniture of the source ("1.234 lượt xem"): MP403 says so, on the
            # source; a translation that leaves it out does right.
            continue
        following = next((t[0] for _, t in pairs[index + 1 :] if t), None)
        preceding = next((t[-1] for _, t in reversed(pairs[:index]) if t), None)
        if following is not None:
            unit, where = target_units[following], "before"
            span = (0, 0)
        elif preceding is not None:
            unit, where = target_units[preceding], "after"
            span = (len(unit.text), len(unit.text))
        else:
            continue  # no block at all: nothing to point at
        yield Problem(
            field=unit.field,
            block=unit.block,
            span=span,
            message=f"{dropped.describe()} of the source ({source_lang}) has no "
            f"counterpart: dropped {where} {unit.describe()}",
            related=(Related(field=dropped.field, block=dropped.block, lang=source_lang),),
        )


def _is_furniture(text: str, lang: str) -> bool:
    """Return True when page furniture covers most of ``text`` (a counter, a label)."""
    size = len(text.strip())
    return any(2 * (end - start) > size for start, end, _ in furniture_in(text, lang))
