"""MP403 page-furniture: counters, labels, widgets and file names pasted into the text.

The patterns are data: :data:`FURNITURE` maps a kind of furniture to one regular
expression per language group, and a desk adds its CMS's own labels there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from multipub.checks.context import Problem, VariantContext
from multipub.checks.duplicates import text_span
from multipub.checks.registry import register
from multipub.config import primary_subtag
from multipub.findings import Severity
from multipub.text import VIETNAMESE_LETTER, fold_digits

__all__ = ["FURNITURE", "furniture_in"]

_NUMBER = r"[\d.,\s\u00a0\u066b\u066c]*\d"
# Whole-block patterns (the block is nothing but the furniture), per kind. Each is
# matched against the block with digits folded to ASCII and case ignored.
FURNITURE: dict[str, list[str]] = {
    "view counter": [
        rf"{_NUMBER}\s*(?:lượt xem|lượt đọc|views?|vues?|visitas|مشاهدة|مشاهدات"
        r"|просмотр\w*|次浏览|浏览|阅读)",
        rf"(?:lượt xem|views?|vues?|مشاهدات|просмотр\w*|浏览量|阅读量)\s*:?\s*{_NUMBER}",
    ],
    "comment counter": [
        r"(?:bình luận|comments?|commentaires?|comentarios?|تعليق(?:ات)?|комментари\w*|评论)"
        rf"\s*[(\[]?\s*(?:{_NUMBER})?\s*[)\]]?",
    ],
    "source label": [
        r"(?:nguồn|source|fuente|مصدر|المصدر|источник|来源|出处)\s*:?",
    ],
    "share widget": [
        r"(?:chia sẻ|share|partager|compartir|مشاركة|شارك|поделиться|分享)"
        r"(?:\s+(?:on|sur|en|في|в)?\s*\w+)?",
        r"(?:(?:facebook|twitter|zalo|telegram|whatsapp|email|e-mail|x)\s*[|,]?\s*){2,}",
        r"(?:in bài|print|imprimer|imprimir|طباعة|печать|打印)",
    ],
    "date stamp": [
        # a weekday, a date and a clock time and nothing else:
        # "Thứ Năm, 28/09/2023 | 20:00:31", "الخميس 28 سبتمبر 2023 | 20:00:31"
        r".{0,20}?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}\s+\S{3,12}\s+\d{4}"
        r"|\d{4}年\d{1,2}月\d{1,2}日)\s*[|,\-–]?\s*\d{1,2}:\d{2}(?::\d{2})?"
        r"(?:\s*(?:GMT|UTC)[+\-]?\d*)?",
    ],
    "bare link": [
        r"(?:https?://|www\.)\S+",
    ],
}
# A media reference inside prose: a file name with a media extension, a cache-busting
# query ("?_t=1695906553"), or a run of percent-encoded bytes.
_MEDIA_FILE = re.compile(
    r"[\w%.\-]+\.(?:mp4|m4v|mov|webm|avi|mp3|m4a|wav|jpe?g|png|gif|webp|pdf)(?:\?\S*)?",
    re.IGNORECASE,
)
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2}){2,}")
# The extension alone, to find candidates fast: the file-name pattern backtracks at every
# position of a block, and almost no block has a media extension at all.
_MEDIA_EXTENSION = re.compile(
    r"\.(?:mp4|m4v|mov|webm|avi|mp3|m4a|wav|jpe?g|png|gif|webp|pdf)(?![A-Za-z])", re.IGNORECASE
)
# Photo credits in Vietnamese ("Ảnh: Xuân Phong", "ảnh 1") are furniture in a translation.
_VI_CREDIT = re.compile(
    r"(?<!\w)(?:ảnh|video|clip)\s*(?::\s*[^.\n]{1,40}|\d{1,2}\)?)\s*$", re.IGNORECASE
)

_CREDIT_WORDS = ("ảnh", "video", "clip")

_COMPILED = {
    kind: [re.compile(rf"^\s*(?:{p})\s*[.:]?\s*$", re.IGNORECASE) for p in patterns]
    for kind, patterns in FURNITURE.items()
}


def furniture_in(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, what)`` for the page furniture in ``text`` of a ``lang`` variant."""
    if len(text) <= 120:  # a block that is furniture and nothing else is short
        folded = fold_digits(text)
        for kind, patterns in _COMPILED.items():
            if any(p.match(folded) for p in patterns):
                yield (*text_span(text), f"a {kind}")
                return
    has_media = _MEDIA_EXTENSION.search(text) is not None
    for match in _MEDIA_FILE.finditer(text) if has_media else ():
        name = unquote(match.group())
        what = "a media file name"
        if primary_subtag(lang) != "vi" and VIETNAMESE_LETTER.search(name.replace("_", " ")):
            what = "a media file name in Vietnamese"
        yield match.start(), match.end(), f"{what} ({name.split('?')[0]})"
        return
    for match in _PERCENT_RUN.finditer(text) if "%" in text else ():
        yield match.start(), match.end(), "percent-encoded bytes"
        return
    # The credit's word first, by substring: the case-insensitive pattern is slow to try
    # at every position of a block.
    lowered = text.lower()
    if primary_subtag(lang) != "vi" and any(word in lowered for word in _CREDIT_WORDS):
        credit = _VI_CREDIT.search(text)
        if credit is not None:
            yield credit.start(), credit.end(), "a Vietnamese photo credit"


@register(
    code="MP403",
    name="page-furniture",
    severity=Severity.WARNING,
    summary="Page furniture that leaked into the article text: a block that is only a view "
    "counter, a comment counter, a 'Source' label, share or print widgets, a dateline with "
    "a clock time, or a bare link (in any of the site's languages); a media file name or "
    "percent-encoded bytes inside a block (with the decoded name's language when it is "
    "Vietnamese in a translation); a Vietnamese photo credit ('Ảnh: ...') in a "
    "translation. The patterns are data (`multipub.checks.furniture.FURNITURE`).",
    why="A scraper or a CMS export pastes the page around the article into it, and machine "
    "translation then translates the counter and the 'Comments (0)' link too.",
    bad="ar, blocks 0 and 3:\n\n> 120 مشاهدة\n"
    "> فيديو: 1403-h%E1%BB%8Dp_t%E1%BB%89nh.mp4?_t=1710411300",
    good="Drop both blocks; keep the video as a media block: "
    '`{"kind": "media", "src": "hop-tinh.mp4", "text": "..."}`.',
)
def page_furniture(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per block (or title, lead) holding page furniture."""
    for unit in ctx.units():
        if unit.field == "byline":
            continue
        for start, end, what in furniture_in(unit.text, ctx.lang):
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=(start, end),
                message=f"{what} in the text: '{unit.text[start:end].strip()[:60]}'",
            )
