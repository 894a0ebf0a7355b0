"""MP6xx translation status: translations made from an older source (MP601)."""

from __future__ import annotations

from collections.abc import Iterator

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Related, Severity
from multipub.status import translation_status
from multipub.text import text_span

__all__: list[str] = []

# Places of the source a finding points to, at most: a rewritten article is one finding.
_MAX_RELATED = 20


@register(
    code="MP601",
    name="needs-update",
    severity=Severity.WARNING,
    summary="A translation made from an older version of its source: the source revision "
    "it records (`source_revision`, written by `multipub stamp` when the translation was "
    "made or reviewed) is not the revision of the source as it is now. The message says "
    "what changed since: the title, the lead, and which source blocks were edited, added "
    "or removed (0-based, as every finding numbers blocks; removed blocks are numbered as "
    "in the old source). A translation that records no revision is not reported. The "
    "revision covers the title, the lead, and each block's kind and text; not the byline, "
    "nor a media block's file.",
    why="A correction in the source (a death toll, a name, a date) that never reaches the "
    "translations leaves the other editions wrong, and nobody compares a published "
    "translation with a source edited after it was made.",
    bad='```json\n{"id": "ferry", "source_lang": "vi", "variants": {"vi": {"blocks": '
    '["Phà Cần Thơ ngừng chạy từ 6 giờ sáng nay.", "Hơn 300 hành khách phải chờ ở bến.", '
    '"Chuyến đầu tiên dự kiến chạy lại lúc 14 giờ."]}, "ar": {"source_revision": '
    '"r1:58b20eaed2d6b906:-.-:e2d0f40e.b1bc31f1", "blocks": '
    '["توقفت عبّارة كان ثو عن العمل منذ الساعة السادسة صباح اليوم.", '
    '"ينتظر نحو مئتي راكب في المرسى."]}}}\n```\n'
    "(warning: source block 1 edited; block 2 added since this translation was made: the "
    "Arabic was translated and stamped when block 1 said 'Khoảng 200 hành khách', about "
    "200 passengers; the Vietnamese desk then corrected the number and added a block)",
    good='```json\n{"id": "ferry", "source_lang": "vi", "variants": {"vi": {"blocks": '
    '["Phà Cần Thơ ngừng chạy từ 6 giờ sáng nay.", "Hơn 300 hành khách phải chờ ở bến.", '
    '"Chuyến đầu tiên dự kiến chạy lại lúc 14 giờ."]}, "ar": {"source_revision": '
    '"r1:2ec1d8db7526d0e8:-.-:e2d0f40e.52637fed.7cdc7003", "blocks": '
    '["توقفت عبّارة كان ثو عن العمل منذ الساعة السادسة صباح اليوم.", '
    '"ينتظر أكثر من 300 راكب في المرسى.", '
    '"ومن المتوقع أن تستأنف أول رحلة عند الساعة الثانية بعد الظهر."]}}}\n```\n'
    "(the translation updated, then stamped again with `multipub stamp --lang ar --write`)",
    needs_source=True,
)
def needs_update(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem when this translation's recorded source revision is not the
    current source's, saying what changed."""
    if ctx.is_source or ctx.article.source is None:
        return
    recorded = ctx.article.variants[ctx.lang].source_revision
    if not recorded or not recorded.strip():
        return  # nothing recorded, nothing to compare: the source's digests are not made
    status = translation_status(ctx.article, ctx.lang)
    if not status.needs_update:
        return
    source_lang = ctx.article.source_lang
    related: list[Related] = []
    if status.title_changed:
        related.append(Related(field="title", lang=source_lang))
    if status.lead_changed:
        related.append(Related(field="lead", lang=source_lang))
    for index in sorted({*status.edited, *status.added}):
        related.append(Related(field="blocks", block=index, lang=source_lang))
    units = ctx.units()
    # The finding sits on the translation's first text (its title, usually): the whole
    # variant is what needs the update.
    unit = units[0] if units else None
    yield Problem(
        field=unit.field if unit is not None else "title",
        block=unit.block if unit is not None else None,
        span=text_span(unit.text) if unit is not None else (0, 0),
        message=status.describe(),
        related=tuple(related[:_MAX_RELATED]),
    )
