"""MP403 page-furniture: counters, labels, widgets and file names pasted into the text.

The labels are data: each language profile's ``furniture`` (``multipub/lang/data/``) lists
its view counter, comment, source, share and print words, and :func:`furniture_patterns`
builds one regular expression per kind from every profile, since a scraper pastes the
page's furniture whatever the variant's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from urllib.parse import unquote

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.context import ArticleContext
from multipub.findings import Related, Severity
from multipub.lang import letter_pattern, primary_subtag, profiles, words_pattern
from multipub.numbers import number_marks
from multipub.text import fold_digits, text_span

__all__ = ["furniture_in", "furniture_patterns"]


def _number() -> str:
    """Return the pattern of a count: digits, separators (the profiles' own too)."""
    decimal, group = number_marks()
    return rf"[\d.,\s\u00a0{re.escape(decimal + group)}]*\d"


# Networks of share widgets ("Facebook | Twitter | Zalo"): names, in no language.
_NETWORKS = (
    r"(?:facebook|twitter|zalo|telegram|whatsapp|email|e-mail|x"
    # ... as Chinese, Arabic and Russian pages print them
    r"|微信|微博|qq|فيسبوك|فيس بوك|تويتر|واتساب|تيليجرام|вконтакте|одноклассники)"
)


def _share_item() -> str:
    """Return the pattern of a share widget's item: the word "share", perhaps "on" and a
    network after it ("Share on Facebook", "分享到：微信", "شارك على فيسبوك")."""
    return (
        rf"{_labels('share')}(?:\s*{_labels('share_on')})?"
        rf"(?:\s*[:：]?\s*{_NETWORKS}(?!\w))?"
    )


def _labels(kind: str) -> str:
    """Return the alternation of every profile's ``furniture.<kind>`` words."""
    words = [w for found in profiles().values() for w in getattr(found.furniture, kind)]
    return words_pattern(words, bounded=False)


@cache
def furniture_patterns() -> dict[str, list[str]]:
    """Return the whole-block patterns (the block is nothing but the furniture), per kind,
    built from the profiles. Each is matched against the block with digits folded to ASCII
    and case ignored."""
    views = _labels("views")
    number = _number()
    return {
        "view counter": [rf"{number}\s*{views}", rf"{views}\s*[:：]?\s*{number}"],
        "comment counter": [rf"{_labels('comments')}\s*[(\[]?\s*(?:{number})?\s*[)\]]?"],
        "source label": [rf"{_labels('source')}\s*:?"],
        # "Nguồn: TTXVN", "Source: VNA", "المصدر: وكالة الأنباء": the label and a name
        "source line": [rf"{_labels('source')}\s*:\s*(?:[^\s.!?。！？]+\s*){{1,6}}"],
        "share widget": [
            rf"{_labels('share')}(?:\s+{_labels('share_on')}?\s*\w+)?",
            rf"(?:{_NETWORKS}\s*[|,]?\s*){{2,}}",
            _labels("print"),
            # a row of them: "Share | Print", "分享到：微信 | 微博 | 打印"
            rf"{_share_item()}(?:\s*[|·•]\s*(?:{_share_item()}|{_NETWORKS}|{_labels('print')}))+",
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
# Markup a CMS or a translation tool left in the text: HTML entities ("&nbsp;"), HTML tags
# and the inline tags of translation formats (XLIFF <g>, <x/>, <bpt>..., TMX <seg>, <ph>).
_MARKUP = re.compile(
    r"&(?:nbsp|amp|quot|apos|lt|gt|shy|ndash|mdash|#\d{1,7}|#x[0-9a-f]{1,6});"
    r"|</?(?:p|div|span|br|b|i|u|em|strong|a|font|img|h[1-6]|li|ul|ol|table|tr|td|sup|sub"
    r"|g|x|bx|ex|bpt|ept|ph|it|mrk|seg|tu|tuv)(?:\s[^<>]{0,200})?/?>",
    re.IGNORECASE,
)
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2}){2,}")
# The extension alone, to find candidates fast: the file-name pattern backtracks at every
# position of a block, and almost no block has a media extension at all.
_MEDIA_EXTENSION = re.compile(
    r"\.(?:mp4|m4v|mov|webm|avi|mp3|m4a|wav|jpe?g|png|gif|webp|pdf)(?![A-Za-z])", re.IGNORECASE
)


@cache
def _credit() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """Return the words of a Vietnamese photo credit ("Ảnh: Xuân Phong", "ảnh 1"), which is
    furniture in a translation, and the pattern of a whole credit."""
    words = profiles()["vi"].furniture.photo_credit
    credit = r"\s*(?::\s*[^.\n]{1,40}|\d{1,2}\)?)\s*$"  # ": Xuân Phong", " 1)"
    pattern = re.compile(
        rf"(?<!\w)(?:{words_pattern(words, bounded=False)}){credit}", re.IGNORECASE
    )
    return words, pattern


# A counter glued to a paragraph's end stands in its last characters.
_TAIL_CHARS = 60
_DIGIT = re.compile(r"\d")


@cache
def _trailing_counter() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the pattern of a word of view and comment counters and share widgets (lower
    case, without their '*': one search instead of one per word, on every block) and the
    pattern of a run of them after a sentence's end, at the end of a text ("... in April.
    1.234 lượt xem", "... in May. Share on Facebook | 12 comments | Print"; group 1)."""
    kinds = ("views", "comments", "share")
    every = {
        w.rstrip("*").lower()
        for p in profiles().values()
        for kind in kinds
        for w in getattr(p.furniture, kind)
    }
    # A word holding a shorter one ("views", "view") needs no test of its own.
    words = tuple(sorted(w for w in every if not any(u != w and u in w for u in every)))
    views, comments, number = _labels("views"), _labels("comments"), _number()
    share = _share_item()
    item = (
        rf"(?:{number}\s*{views}|{views}\s*[:：]?\s*{number}|{number}\s*{comments}"
        rf"|{comments}\s*[(\[]?\s*{number}\s*[)\]]?|{share})"
    )
    # The dot of "1.500" is no sentence end; "。" needs no space after it.
    end = r"(?:\.(?!\d)|[!?…。！？\"”»)])"
    # A print button comes after another item only: a paragraph may end with the word.
    run = rf"{item}(?:\s*[|·•]\s*(?:{item}|{_NETWORKS}|{_labels('print')}))*"
    return (
        re.compile("|".join(map(re.escape, words))),
        re.compile(rf"{end}\s*({run})\s*[.:]?\s*$", re.IGNORECASE),
    )


def _trailing_kind(found: str) -> str:
    """Return what a run of furniture after a paragraph is, by its first item: "a view
    counter" when it holds a view counter's word, else "a comment counter" when it holds a
    comment's, else "a share widget"."""
    lowered = re.split(r"[|·•]", found, maxsplit=1)[0].lower()
    for kind, label in (("views", "a view counter"), ("comments", "a comment counter")):
        words = {
            w.rstrip("*").lower() for p in profiles().values() for w in getattr(p.furniture, kind)
        }
        if any(word in lowered for word in words):
            return label
    return "a share widget"


@cache
def _compiled() -> dict[str, list[re.Pattern[str]]]:
    return {
        kind: [re.compile(rf"^\s*(?:{p})\s*[.:]?\s*$", re.IGNORECASE) for p in patterns]
        for kind, patterns in furniture_patterns().items()
    }


def furniture_in(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, what)`` for the page furniture in ``text`` of a ``lang`` variant."""
    if len(text) <= 120:  # a block that is furniture and nothing else is short
        folded = fold_digits(text)
        for kind, patterns in _compiled().items():
            if any(p.match(folded) for p in patterns):
                yield (*text_span(text), f"a {kind}")
                return
    # Counters and share widgets glued to the end of a paragraph ("... in April. 1.234
    # lượt xem"): one of their words among the last characters first, then the pattern.
    words, trailing = _trailing_counter()
    tail_start = max(0, len(text) - _TAIL_CHARS)
    tail = text[tail_start:]
    if words.search(tail.lower()) is not None:
        counter = trailing.search(fold_digits(text[tail_start:]))
        if counter is not None:
            what = _trailing_kind(counter.group(1))
            yield tail_start + counter.start(1), tail_start + counter.end(1), what
            return
    has_media = _MEDIA_EXTENSION.search(text) is not None
    for match in _MEDIA_FILE.finditer(text) if has_media else ():
        name = unquote(match.group())
        what = "a media file name"
        vietnamese = letter_pattern("vi").search(name.replace("_", " "))
        if primary_subtag(lang) != "vi" and vietnamese:
            what = "a media file name in Vietnamese"
        yield match.start(), match.end(), f"{what} ({name.split('?')[0]})"
        return
    if "&" in text or "<" in text:
        markup = _MARKUP.search(text)
        if markup is not None:
            yield markup.start(), markup.end(), "leftover markup"
            return
    for match in _PERCENT_RUN.finditer(text) if "%" in text else ():
        yield match.start(), match.end(), "percent-encoded bytes"
        return
    # The credit's word first, by substring: the case-insensitive pattern is slow to try
    # at every position of a block.
    lowered = text.lower()
    credit_words, credit_pattern = _credit()
    if primary_subtag(lang) != "vi" and any(word in lowered for word in credit_words):
        credit = credit_pattern.search(text)
        if credit is not None:
            # "Video:", "Clip:" are words of other languages too: no "Vietnamese" then.
            marked = not credit.group().strip().split(":")[0].split()[0].isascii()
            what = "a Vietnamese photo credit" if marked else "a video or clip credit line"
            yield credit.start(), credit.end(), what


@register(
    code="MP403",
    name="page-furniture",
    severity=Severity.WARNING,
    summary="Page furniture that leaked into the article text: a block that is only a view "
    "counter (the count before or after its word) or view and comment counters and share "
    "widgets after a paragraph's last sentence ('... in April. 1.234 lượt xem', '... in "
    "May. Share on Facebook | 12 comments'), a comment counter, a 'Source' label or "
    "line ('Nguồn: TTXVN'), share or print widgets, a dateline with "
    "a clock time, or a bare link (in any of the site's languages); a media file name or "
    "percent-encoded bytes inside a block (with the decoded name's language when it is "
    "Vietnamese in a translation); leftover markup ('&nbsp;', HTML tags, the inline tags of "
    "XLIFF and TMX such as <g id=\"1\">); a Vietnamese photo credit ('Ảnh: ...') or a "
    "video or clip credit line ('Video: ...') in a "
    "translation. Furniture the source has too, in the block a translation translates, is "
    "reported once, on the source. The labels are data: each language profile's "
    "`furniture`.",
    why="A scraper or a CMS export pastes the page around the article into it, and machine "
    "translation then translates the counter and the 'Comments (0)' link too.",
    bad="ar, blocks 0 and 3:\n\n> 120 مشاهدة\n"
    "> فيديو: 1403-h%E1%BB%8Dp_t%E1%BB%89nh.mp4?_t=1710411300",
    good="Drop both blocks; keep the video as a media block: "
    '`{"kind": "media", "src": "hop-tinh.mp4", "text": "..."}`.',
)
def page_furniture(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per block (or title, lead) holding page furniture; furniture that
    the source has too, in the block a translation's block translates, once, on the
    source, with the translations that carry it in ``related``."""
    shared = ctx.shared
    in_source = _furniture_of_the_source(shared)
    units = ctx.units()
    # Only furniture the source has can be carried: without it, no alignment is asked for.
    if in_source and not ctx.is_source and ctx.source_lang is not None:
        carried = {
            j for sources, targets in ctx.unit_pairs() for j in targets if set(sources) & in_source
        }
    else:
        carried = set()
    for index, unit in enumerate(units):
        if unit.field == "byline" or index in carried:
            continue
        related: tuple[Related, ...] = ()
        if ctx.is_source and index in in_source:
            related = tuple(
                Related(
                    field=shared.units(lang)[j].field, block=shared.units(lang)[j].block, lang=lang
                )
                for lang in shared.article.targets()
                for sources, targets in shared.unit_pairs(lang)
                if index in sources
                for j in targets
                if furniture_in(shared.units(lang)[j].text, lang)
            )
        for start, end, what in furniture_in(unit.text, ctx.lang):
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=(start, end),
                message=f"{what} in the text: '{unit.text[start:end].strip()[:60]}'",
                related=related,
            )


def _furniture_of_the_source(shared: ArticleContext) -> set[int]:
    """Return the source's units that hold page furniture (none without a source)."""
    key = ("furniture-of-source", "", "", None)
    remembered = shared.memo.get(key)
    if isinstance(remembered, set):
        return remembered
    article = shared.article
    found: set[int] = set()
    if article.source is not None:
        found = {
            index
            for index, unit in enumerate(shared.units(article.source_lang))
            if unit.field != "byline" and any(furniture_in(unit.text, article.source_lang))
        }
    shared.memo[key] = found
    return found
