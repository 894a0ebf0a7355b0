"""MP5xx house style: titles (MP503)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Severity

__all__: list[str] = []

# Full stops of the site's scripts: Latin/Cyrillic/Arabic ".", CJK "。" and its half- and
# full-width forms, Urdu "۔", Devanagari danda "।".
_FULL_STOPS = ".。｡．۔।"
# Closing quotes and brackets that may follow the full stop: «... конференции.»
_CLOSERS = "\"'”’»›)]）」』】"
# A title may legitimately end with an abbreviation's dot: "U.S.", "TP.", "Co.", "т.д."
_ABBREVIATION = re.compile(
    r"(?:\b(?:\w\.){2,}|\b(?:co|ltd|inc|corp|jr|sr|st|etc|vs|tp|v\.v|т\.д|т\.п|г|гг|др)\.)$",
    re.IGNORECASE,
)


def _trailing_full_stop(title: str) -> int | None:
    """Return the index of a sentence-final full stop ending ``title``, or None."""
    end = len(title.rstrip())
    while end > 0 and title[end - 1] in _CLOSERS:
        end -= 1
    if end == 0 or title[end - 1] not in _FULL_STOPS:
        return None
    # An ellipsis ("...") is a stylistic device, not a full stop.
    if end >= 2 and title[end - 2] in _FULL_STOPS:
        return None
    if title[end - 1] == "." and _ABBREVIATION.search(title[:end]):
        return None
    return end - 1


@register(
    code="MP503",
    name="headline-style",
    severity=Severity.WARNING,
    summary="House style of titles: a title must not end with a full stop (in any script: "
    "'.', '。', '۔', '।'; an ellipsis or an abbreviation such as 'U.S.' is fine), and must "
    "not be longer than the language's limit (`title_max_chars`: 150 characters by "
    "default, 60 for Chinese and Japanese, 80 for Korean).",
    why="Machine translation turns a headline into a sentence and adds the full stop; "
    "over-long headlines are cut by the site's templates and by search engines.",
    bad="zh-Hans title:\n\n> 太平省举行2024年招商引资会议。",
    good="zh-Hans title:\n\n> 太平省举行2024年招商引资会议",
)
def headline_style(ctx: VariantContext) -> Iterator[Problem]:
    """Yield a problem for a title's trailing full stop and one for its excess length."""
    title = ctx.variant.title
    if not title:
        return
    stop = _trailing_full_stop(title)
    if stop is not None:
        yield Problem(
            field="title",
            block=None,
            span=(stop, stop + 1),
            message=f"the title ends with a full stop {title[stop]!r}",
        )
    limit = ctx.config.title_limit(ctx.lang)
    length = len(title.strip())
    if length > limit:
        start = len(title) - len(title.lstrip())
        yield Problem(
            field="title",
            block=None,
            span=(start + limit, start + length),
            message=f"the title is {length} characters long, over the {ctx.lang} limit of {limit}",
        )
