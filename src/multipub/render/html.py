"""The editor's review page: a check report as one self-contained HTML page.

An editor who does not read Arabic should see on one page what is wrong: each article's
source and translations side by side, block by block as :func:`multipub.align.align`
pairs them, every finding highlighted on its span and listed under its block (code linked
to the rule's page), suppressed findings greyed with their reason, and filters by
language, check and severity.

A :class:`~multipub.findings.Report` holds places, not text, so the page needs the
articles: :func:`render_html` takes them, and :func:`load_articles` reads them again from
the findings' paths (which is what ``render(report, "html")`` does). An article that
cannot be read again still has its findings listed, without text.

The page loads nothing (its Content Security Policy forbids every fetch); its style and
its one script are inline, the script allowed by its hash. Article text is untrusted:
it is only ever inserted through Jinja's autoescaping, and sits in block elements (cells)
or ``<bdi>`` so that right-to-left letters and bidi controls cannot reorder the page
around it. The same report and articles always give the same bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    import jinja2

from multipub.align import BlockPair, align
from multipub.checks import all_rules
from multipub.findings import Finding, Related, Report, finding_sort_key
from multipub.io import LoadedArticle, iter_articles
from multipub.lang import primary_subtag, profile, script, scripts_of
from multipub.models import Article, BlockKind, TextField, Translation
from multipub.render.report import _sha256_base64, isolated
from multipub.render.sarif import _RULE_HELP

__all__ = ["COLLAPSE_OVER", "load_articles", "render_html"]

# Above this many articles each one is folded into a <details> and an index leads to
# them: a page of a thousand open articles is too long to scroll or to filter by eye.
COLLAPSE_OVER = 50

# The count columns, worst first; "suppressed" counts the findings of Report.suppressed.
BUCKETS = ("error", "warning", "info", "suppressed")

# Languages written right to left that have no profile to say so (the profiled ones,
# Arabic, Persian, Urdu and Hebrew, say it through their script's ``right_to_left``).
_RTL_UNPROFILED = frozenset({"yi", "ps", "sd", "ug", "dv", "ckb", "syr", "iw", "ji"})

_SINGLE_FIELDS: tuple[TextField, ...] = ("title", "lead", "byline")


# --------------------------------------------------------------------------------------
# Reading the articles again


def load_articles(report: Report) -> dict[tuple[str, str], Article]:
    """Return the articles that the report's findings name, keyed by (path, article id),
    read again from those paths; articles without findings and paths that are not a
    file on this machine any more (``<stdin>``, moved files) are left out."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for finding in (*report.findings, *report.suppressed):
        if finding.article is not None:
            wanted[finding.path].add(finding.article)
    found: dict[tuple[str, str], Article] = {}
    for path in sorted(wanted):
        # A folder would stand for every article below it: only the file itself will do.
        if not Path(path).is_file():
            continue
        for item in iter_articles([path]):
            # Keyed by the path as the findings spell it, not as iter_articles displays it
            # ("./a.json" is shown "a.json").
            if isinstance(item, LoadedArticle) and item.article.id in wanted[path]:
                found.setdefault((path, item.article.id), item.article)
    return found


# --------------------------------------------------------------------------------------
# The view: what the template shows, computed once here so that it only lays it out


@dataclass(slots=True)
class _Item:
    """One finding as the page lists it."""

    n: int
    finding: Finding
    rule_url: str | None
    where: str
    marked: bool = False
    note: str = ""
    related: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"f{self.n}"

    @property
    def bucket(self) -> str:
        return "suppressed" if self.finding.suppressed else self.finding.severity.value


@dataclass(frozen=True, slots=True)
class _Segment:
    """A run of a text covered by the same findings (none for plain text)."""

    text: str
    ids: str = ""
    codes: str = ""
    severities: str = ""
    css: str = ""
    title: str = ""


@dataclass(slots=True)
class _Unit:
    """One text of a variant (title, lead, byline or block) with its marks and findings."""

    anchor: str
    label: str
    segments: list[_Segment]
    items: list[_Item]
    css: str = ""
    whole: str = ""


@dataclass(slots=True)
class _Row:
    """One row of a variant's table: aligned source and target units, or one unit."""

    left: list[_Unit]
    right: list[_Unit]
    ids: str
    gap: bool = False


@dataclass(slots=True)
class _Side:
    """How one column's text is written: language tag, direction, and its heading."""

    lang: str
    dir: str
    heading: str


@dataclass(slots=True)
class _VariantView:
    lang: str
    role: str
    summary: str
    columns: list[_Side]
    rows: list[_Row]
    items: list[_Item]
    open: bool
    note: str = ""


@dataclass(slots=True)
class _ArticleView:
    anchor: str
    article_id: str | None
    path: str
    url: str | None
    found: bool
    languages: list[str]
    counts: list[tuple[str, dict[str, int]]]
    totals: dict[str, int]
    items: list[_Item]
    variants: list[_VariantView]


@cache
def _rule_urls() -> dict[str, str]:
    return {rule.code: _RULE_HELP.format(code=rule.code) for rule in all_rules()}


@cache
def _right_to_left(tag: str) -> bool:
    """Return whether text in language ``tag`` is written right to left."""
    try:
        names = scripts_of(tag)
        if names:
            return script(names[0]).right_to_left
    except (KeyError, ValueError):
        pass
    return primary_subtag(tag).lower() in _RTL_UNPROFILED


def _dir(tag: str) -> str:
    return "rtl" if _right_to_left(tag) else "ltr"


def _language_name(tag: str) -> str:
    found = profile(tag)
    return f"{tag} · {found.name}" if found is not None else tag


def _where(field_name: TextField | None, block: int | None, lang: str | None = None) -> str:
    """Return how the page names a place: "block 3", "the title", "the variant" (a
    finding on a variant as a whole), "the article"."""
    if field_name is None:
        return "the article" if lang is None else "the variant"
    if field_name == "blocks":
        return "the blocks" if block is None else f"block {block}"
    return f"the {field_name}"


# How the counts read: "1 error", "2 warnings", "3 info", "1 suppressed".
_PLURALS = {"error": "errors", "warning": "warnings"}


def _counted(count: int, bucket: str) -> str:
    """Return ``count`` with its bucket's name, in the plural when it takes one."""
    return f"{count} {_PLURALS.get(bucket, bucket) if count != 1 else bucket}"


def _count(items: Iterable[_Item]) -> tuple[list[tuple[str, dict[str, int]]], dict[str, int]]:
    """Return the counts per language (sorted; "" for no language) and the totals."""
    per_lang: dict[str, dict[str, int]] = {}
    totals = dict.fromkeys(BUCKETS, 0)
    for item in items:
        row = per_lang.setdefault(item.finding.lang or "", dict.fromkeys(BUCKETS, 0))
        row[item.bucket] += 1
        totals[item.bucket] += 1
    return sorted(per_lang.items()), totals


def _mark_title(items: Sequence[_Item]) -> str:
    lines = []
    for item in items:
        f = item.finding
        line = f"{f.code} {f.severity.value}: {f.message}"
        if f.suppressed is not None:
            line += f" (suppressed, {f.suppressed.kind}: {f.suppressed.reason})"
        lines.append(isolated(line))
    return "\n".join(lines)


def _segment(text: str, covering: Sequence[_Item]) -> _Segment:
    if not covering:
        return _Segment(text)
    live = [i for i in covering if i.finding.suppressed is None]
    worst = (
        max(live, key=lambda i: i.finding.severity.rank).finding.severity.value
        if live
        else "suppressed"
    )
    css = f"m sev-{worst}" + (" multi" if len(covering) > 1 else "")
    return _Segment(
        text=text,
        ids=" ".join(i.id for i in covering),
        codes=" ".join(sorted({i.finding.code for i in covering})),
        severities=" ".join(sorted({i.finding.severity.value for i in covering})),
        css=css + (" empty" if not text else ""),
        title=_mark_title(covering),
    )


def _segments(text: str, marked: Sequence[_Item]) -> list[_Segment]:
    """Return ``text`` cut where a marked span starts or ends, each piece with every
    finding that covers it (overlapping spans give pieces carrying several findings);
    an empty span becomes an empty piece at its place."""
    starts: dict[int, list[_Item]] = defaultdict(list)
    ends: dict[int, list[_Item]] = defaultdict(list)
    empty: dict[int, list[_Item]] = defaultdict(list)
    for item in marked:
        assert item.finding.span is not None
        start, end = item.finding.span
        if start == end:
            empty[start].append(item)
        else:
            starts[start].append(item)
            ends[end].append(item)
    cuts = sorted({0, len(text), *starts, *ends, *empty})
    segments: list[_Segment] = []
    # A sweep: the findings open between two cuts cover the whole piece between them.
    active: dict[int, _Item] = {}
    for index, at in enumerate(cuts):
        for item in ends.get(at, ()):
            del active[item.n]
        for item in starts.get(at, ()):
            active[item.n] = item
        if at in empty:
            segments.append(_segment("", empty[at]))
        if index + 1 < len(cuts):
            piece = text[at : cuts[index + 1]]
            segments.append(_segment(piece, [active[n] for n in sorted(active)]))
    return segments


def _unit(anchor: str, label: str, text: str, items: list[_Item]) -> _Unit:
    """Return a text as the page shows it: its findings with a span inside it marked,
    and the unit outlined in the worst colour of those that cover it as a whole."""
    marked = []
    whole = []
    for item in items:
        span = item.finding.span
        if span is not None and 0 <= span[0] <= span[1] <= len(text):
            item.marked = True
            marked.append(item)
        else:
            if span is not None:
                item.note = "its span is outside this text (was the file edited since?)"
            whole.append(item)
    css = ""
    live = [i for i in whole if i.finding.suppressed is None]
    if live:
        worst = max(live, key=lambda i: i.finding.severity.rank)
        css = f"whole sev-{worst.finding.severity.value}"
    elif whole:
        css = "whole sev-suppressed"
    return _Unit(anchor, label, _segments(text, marked), items, css, " ".join(i.id for i in whole))


def _block_label(variant: Translation, index: int) -> str:
    block = variant.blocks[index]
    label = f"block {index}"
    if block.kind is BlockKind.MEDIA:
        return f"{label} · media {block.src}"
    if block.kind is not BlockKind.PARAGRAPH:
        return f"{label} · {block.kind.value.replace('_', ' ')}"
    return label


# Where a finding's text is: (language, field, block index or None).
_Place = tuple[str, TextField, int | None]


class _ArticleBuilder:
    """Lays out one article: its variants' tables and where each finding goes."""

    def __init__(self, number: int, article: Article, items: list[_Item]) -> None:
        self.prefix = f"a{number}"
        self.article = article
        self.items = items
        # Short, markup-safe names of the variants for anchors: "v0" is the source.
        others = sorted(lang for lang in article.variants if lang != article.source_lang)
        self.short = {lang: f"v{i}" for i, lang in enumerate([article.source_lang, *others])}
        self.top: list[_Item] = []
        self.by_variant: dict[str, list[_Item]] = defaultdict(list)
        self.by_place: dict[_Place, list[_Item]] = defaultdict(list)
        self.placed: set[_Place] = set()
        # (table language, text language, field, block) -> the unit's anchor
        self.anchors: dict[tuple[str, str, TextField, int | None], str] = {}
        for item in items:
            self._place(item)

    def _place(self, item: _Item) -> None:
        f = item.finding
        variant = self.article.variants.get(f.lang) if f.lang is not None else None
        if variant is None:
            if f.lang is not None:
                item.note = f"the article has no variant {f.lang}"
            self.top.append(item)
        elif f.field is None:
            self.by_variant[f.lang or ""].append(item)
        elif f.field == "blocks" and (f.block is None or not 0 <= f.block < len(variant.blocks)):
            if f.block is not None:
                item.note = f"the variant has no block {f.block}"
            self.by_variant[f.lang or ""].append(item)
        else:
            key: _Place = (f.lang or "", f.field, f.block if f.field == "blocks" else None)
            self.by_place[key].append(item)

    def _unit_at(self, table: str, lang: str, fld: TextField, block: int | None) -> _Unit:
        """Return the unit of variant ``lang`` at a place, in the table of ``table``; its
        findings only where it is the table's own text (the source's in its own table)."""
        variant = self.article.variants[lang]
        own = table == lang
        tag = "b" if own else "s"
        suffix = fld if block is None else str(block)
        anchor = f"{self.prefix}-{self.short[table]}-{tag}{suffix}"
        self.anchors[(table, lang, fld, block)] = anchor
        label = _block_label(variant, block) if block is not None else fld
        items: list[_Item] = []
        if own:
            items = self.by_place.get((lang, fld, block), [])
            self.placed.add((lang, fld, block))
        return _unit(anchor, label, variant.text_of(fld, block), items)

    def _has_text(self, lang: str, fld: TextField, block: int | None = None) -> bool:
        return bool(self.article.variants[lang].text_of(fld, block))

    def _flagged(self, lang: str, fld: TextField, block: int | None = None) -> bool:
        return bool(self.by_place.get((lang, fld, block)))

    def _row(self, left: list[_Unit], right: list[_Unit], *, gap: bool = False) -> _Row:
        ids = " ".join(item.id for unit in (*left, *right) for item in unit.items)
        return _Row(left, right, ids, gap)

    def _places(self, lang: str) -> list[tuple[TextField, int | None]]:
        variant = self.article.variants[lang]
        places: list[tuple[TextField, int | None]] = [(fld, None) for fld in _SINGLE_FIELDS]
        places += [("blocks", index) for index in range(len(variant.blocks))]
        return places

    def _single_rows(self, lang: str, *, flagged_only: bool) -> list[_Row]:
        rows = []
        for fld, block in self._places(lang):
            if self._flagged(lang, fld, block) or (
                not flagged_only and (fld == "blocks" or self._has_text(lang, fld))
            ):
                rows.append(self._row([self._unit_at(lang, lang, fld, block)], []))
        return rows

    def _aligned_rows(self, lang: str) -> list[_Row]:
        source = self.article.source_lang
        rows = []
        for fld in _SINGLE_FIELDS:
            if self._has_text(source, fld) or self._has_text(lang, fld) or self._flagged(lang, fld):
                left = (
                    [self._unit_at(lang, source, fld, None)] if self._has_text(source, fld) else []
                )
                right = (
                    [self._unit_at(lang, lang, fld, None)]
                    if self._has_text(lang, fld) or self._flagged(lang, fld)
                    else []
                )
                rows.append(self._row(left, right))
        pairs: list[BlockPair] = align(self.article, lang)
        for pair in pairs:
            left = [self._unit_at(lang, source, "blocks", i) for i in pair.source]
            right = [self._unit_at(lang, lang, "blocks", j) for j in pair.target]
            rows.append(self._row(left, right, gap=not left or not right))
        return rows

    def _variant(self, lang: str, role: str) -> _VariantView:
        article = self.article
        name = _language_name(lang)
        origin = article.origin_of(lang).value
        own = _Side(lang, _dir(lang), f"{name} ({origin})")
        note = ""
        if role == "target" and article.source is not None:
            source = article.source_lang
            columns = [
                _Side(source, _dir(source), f"{_language_name(source)} (source)"),
                own,
            ]
            rows = self._aligned_rows(lang)
        else:
            flagged_only = role == "source" and bool(article.targets())
            if flagged_only:
                note = (
                    "Only the source texts with findings; "
                    "the whole source is beside each translation."
                )
            columns = [own]
            rows = self._single_rows(lang, flagged_only=flagged_only)
        items = list(self.by_variant.get(lang, []))
        # A place no row showed (an alignment that left a block out) is listed, not lost.
        for place, placed_items in self.by_place.items():
            if place[0] == lang and place not in self.placed:
                for item in placed_items:
                    item.note = "its text is not shown in the table"
                items.extend(placed_items)
        totals = _count(i for i in self.items if i.finding.lang == lang)[1]
        found = [_counted(totals[b], b) for b in BUCKETS if totals[b]]
        summary = f"{name} ({origin if role != 'source' else 'source'})"
        summary += " — " + (", ".join(found) if found else "no findings")
        return _VariantView(
            lang=lang,
            role=role,
            summary=summary,
            columns=columns,
            rows=rows,
            items=items,
            open=bool(found),
            note=note,
        )

    def variants(self) -> list[_VariantView]:
        """Return the variant sections: the source (when it has findings or is alone),
        then each translation."""
        article = self.article
        views = []
        source = article.source
        targets = article.targets()
        if source is not None:
            has_findings = any(p[0] == article.source_lang for p in self.by_place) or bool(
                self.by_variant.get(article.source_lang)
            )
            if has_findings or not targets:
                views.append(self._variant(article.source_lang, "source"))
            views += [self._variant(lang, "target") for lang in targets]
        else:
            views += [self._variant(lang, "translation") for lang in sorted(article.variants)]
        # After the tables: their anchors are where related places link to.
        self._resolve_related()
        return views

    def _resolve_related(self) -> None:
        """Fill each finding's related places with links to where the page shows them:
        in the finding's own table when it shows the place (the source beside a
        translation), else wherever the place's variant shows it."""
        for item in self.items:
            f = item.finding
            for rel in f.related:
                lang = rel.lang or f.lang or ""
                block = rel.block if rel.field == "blocks" else None
                anchor = self.anchors.get((f.lang or "", lang, rel.field, block))
                if anchor is None:
                    anchor = self.anchors.get((lang, lang, rel.field, block))
                item.related.append((_related_label(f, rel), anchor))


def _related_label(f: Finding, rel: Related) -> str:
    """Return how a related place is named: "block 4", "block 6 of vi"."""
    label = _where(rel.field, rel.block if rel.field == "blocks" else None)
    if rel.lang is not None and rel.lang != f.lang:
        label += f" of {rel.lang}"
    return label


def _article_view(
    number: int, path: str, article_id: str | None, article: Article | None, items: list[_Item]
) -> _ArticleView:
    counts, totals = _count(items)
    if article is None:
        for item in items:
            item.related = [
                (_related_label(item.finding, rel), None) for rel in item.finding.related
            ]
        return _ArticleView(
            anchor=f"a{number}",
            article_id=article_id,
            path=path,
            url=None,
            found=False,
            languages=[],
            counts=counts,
            totals=totals,
            items=items,
            variants=[],
        )
    builder = _ArticleBuilder(number, article, items)
    variants = builder.variants()
    return _ArticleView(
        anchor=f"a{number}",
        article_id=article.id,
        path=path,
        url=article.url,
        found=True,
        languages=[article.source_lang, *article.targets()]
        if article.source is not None
        else sorted(article.variants),
        counts=counts,
        totals=totals,
        items=builder.top,
        variants=variants,
    )


# --------------------------------------------------------------------------------------
# Rendering


# A quoted text in a message: "found 'جسر' (forbidden for ...)".
_QUOTED = re.compile(r"'[^'\n]*'")


def _message_html(message: str) -> Markup:
    """Return a finding's message as HTML: escaped, each quoted text in its own <bdi>, so
    that an Arabic quote inside the English sentence keeps its place (in one isolate, the
    message would take the direction of its first letter, the quote's, and its brackets
    and clauses would be laid out right to left)."""
    parts: list[Markup] = []
    last = 0
    for quoted in _QUOTED.finditer(message):
        parts.append(escape(message[last : quoted.start()]))
        parts.append(Markup("'<bdi>{}</bdi>'").format(quoted.group()[1:-1]))
        last = quoted.end()
    parts.append(escape(message[last:]))
    return Markup("").join(parts)


@cache
def _template() -> jinja2.Template:
    import jinja2  # here, not at the top: 13 ms of every start-up that renders no page

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("multipub", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        sha256_base64=_sha256_base64, isolated=isolated, counted=_counted, message=_message_html
    )
    return env.get_template("review.html.j2")


def render_html(
    report: Report,
    articles: Mapping[tuple[str, str], Article] | None = None,
    *,
    collapse_over: int = COLLAPSE_OVER,
) -> str:
    """Return the review page of ``report``: one self-contained HTML document.

    ``articles`` are the texts, keyed by (path, article id) as the findings name them;
    every article given is shown, with or without findings, and the findings of an
    article not given are listed without text. Over ``collapse_over`` articles, each is
    folded into a ``<details>`` element and an index links to them.
    """
    articles = articles or {}
    urls = _rule_urls()
    ordered = sorted((*report.findings, *report.suppressed), key=finding_sort_key)
    grouped: dict[tuple[str, str | None], list[_Item]] = defaultdict(list)
    all_items = []
    for n, finding in enumerate(ordered, start=1):
        item = _Item(
            n=n,
            finding=finding,
            rule_url=urls.get(finding.code),
            where=_where(finding.field, finding.block, finding.lang),
        )
        grouped[(finding.path, finding.article)].append(item)
        all_items.append(item)
    for key in articles:
        grouped.setdefault(key, [])
    views = []
    for number, (path, article_id) in enumerate(
        sorted(grouped, key=lambda k: (k[0], k[1] or "")), start=1
    ):
        article = articles.get((path, article_id)) if article_id is not None else None
        views.append(_article_view(number, path, article_id, article, grouped[(path, article_id)]))

    counts, totals = _count(all_items)
    languages = sorted({lang for v in views for lang in v.languages} | {c[0] for c in counts})
    lang_counts = dict(counts)
    codes: dict[str, tuple[str, int]] = {}
    for item in all_items:
        name, seen = codes.get(item.finding.code, (item.finding.name, 0))
        codes[item.finding.code] = (name, seen + 1)
    return _template().render(
        report=report,
        articles=views,
        totals=totals,
        buckets=BUCKETS,
        lang_counts=[
            (lang, lang_counts.get(lang, dict.fromkeys(BUCKETS, 0))) for lang in languages
        ],
        codes=[(code, name, n) for code, (name, n) in sorted(codes.items())],
        collapsed=len(views) > collapse_over,
        rule_urls=urls,
    )
