"""MP5xx house style: titles (MP503)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Severity
from multipub.lang import profile, scripts

__all__: list[str] = []

# Closing quotes and brackets that may follow the full stop: «... конференции.»
_CLOSERS = "\"'”’»›)]）」』】"


@cache
def _full_stops() -> str:
    """Return every script's full stops ('.', '。', '۔', '।'...), from the script table."""
    return "".join(dict.fromkeys("".join(s.full_stops for s in scripts().values())))


@lru_cache(maxsize=64)
def _abbreviation(lang: str) -> re.Pattern[str]:
    """Return the pattern of a title ending with an abbreviation's dot: initials in any
    language ("U.S."), and the abbreviations of the title's language ("Co.", "т.д.")."""
    found = profile(lang)
    words = sorted(
        {re.escape(a) for a in (found.abbreviations if found is not None else ())},
        key=lambda w: (-len(w), w),
    )
    listed = rf"|\b(?:{'|'.join(words)})\." if words else ""
    # Initials, with or without a space after each dot: "U.S.", "EE. UU.", "I. A.", "É.-U.".
    spaced = r"\b(?:[^\W\d_]{1,2}\.[\s-]){1,3}[^\W\d_]{1,2}\."
    return re.compile(rf"(?:\b(?:\w\.){{2,}}|{spaced}{listed})$", re.IGNORECASE)


def _trailing_full_stop(title: str, lang: str) -> int | None:
    """Return the index of a sentence-final full stop ending ``title`` (of a ``lang``
    variant), or None."""
    end = len(title.rstrip())
    while end > 0 and title[end - 1] in _CLOSERS:
        end -= 1
    full_stops = _full_stops()
    if end == 0 or title[end - 1] not in full_stops:
        return None
    # An ellipsis ("...") is a stylistic device, not a full stop.
    if end >= 2 and title[end - 2] in full_stops:
        return None
    if title[end - 1] == "." and _abbreviation(lang).search(title[:end]):
        return None
    return end - 1


@register(
    code="MP503",
    name="headline-style",
    severity=Severity.WARNING,
    summary="House style of titles: a title must not end with a full stop (in any script: "
    "'.', '。', '۔', '।'; an ellipsis, initials such as 'U.S.' or 'EE. UU.', or an "
    "abbreviation of the title's language such as 'Co.' is fine), and must not be longer "
    "than the language's limit (`title_max_chars` of the configuration, else of the "
    "language's profile, else 150 characters). Chinese, Japanese and Korean titles are "
    "measured in display width, as their profiles say: a half-width letter or digit counts "
    "as half a character.",
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
    stop = _trailing_full_stop(title, ctx.lang)
    if stop is not None:
        yield Problem(
            field="title",
            block=None,
            span=(stop, stop + 1),
            message=f"the title ends with a full stop {title[stop]!r}",
        )
    limit = ctx.config.title_limit(ctx.lang)
    start = len(title) - len(title.lstrip())
    end = len(title.rstrip())
    language = profile(ctx.lang)
    if language is not None and language.title_width == "display":
        widths = [_display_width(c) for c in title[start:end]]
        width = sum(widths)
        if width > limit:
            cut, used = 0, 0.0
            while used + widths[cut] <= limit:
                used += widths[cut]
                cut += 1
            yield Problem(
                field="title",
                block=None,
                span=(start + cut, end),
                message=f"the title is {width:g} full-width characters wide (half-width ones "
                f"count as a half), over the {ctx.lang} limit of {limit}",
            )
    elif end - start > limit:
        yield Problem(
            field="title",
            block=None,
            span=(start + limit, end),
            message=f"the title is {end - start} characters long, over the {ctx.lang} limit "
            f"of {limit}",
        )


def _display_width(char: str) -> float:
    """Return how wide ``char`` is on screen: 1 for a full-width (East Asian Wide or
    Fullwidth) character, a half for any other."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.5
