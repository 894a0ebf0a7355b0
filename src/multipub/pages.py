"""Published pages in: an HTML or plain-text page read into the article model.

A desk has pages, not JSON. A page becomes one variant of an article, keeping what readers
saw: the title, the paragraphs, headings, captions, quotes, list items, media references,
and the furniture printed among them (a view counter, a "Source" label, a comment count),
each a block, so that the checks see it. Site chrome around the article (menus, footers,
sidebars, scripts) is not part of the article and is left out.

Plain text: one block a line, the first line the title, blank lines ignored.

HTML: parsed by selectolax (the lexbor engine, a maintained HTML5 parser). The article is
the page's ``articleBody`` if it marks one, else its one ``<article>`` (the one with the
most paragraph text when there are several), else ``<main>``, else the element holding
the most paragraph text; ``bench/bench_pages.py`` measured this against trafilatura on
real pages (see docs/formats.md). A boilerplate remover is the wrong tool here: it drops
exactly the furniture a desk needs reported.

The page's language is, in order: the one given (``--lang``), a tag before the suffix of
the file name (``story.ar.html``), the HTML ``lang`` attribute, and for text the language
identified over the whole page. Several pages are one article when told so
(``article_id``), when they link to each other (``<link rel="alternate" hreflang>`` to a
page's canonical URL), or when their URLs share an article id or a path (less a leading
language segment); see :func:`combine_pages`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from pydantic import ValidationError

from multipub.lang import primary_subtag, profiles
from multipub.models import Article, Block, BlockKind, Variant

__all__ = [
    "DEFAULT_PAGE_OPTIONS",
    "PAGE_SUFFIXES",
    "Page",
    "PageError",
    "PageOptions",
    "article_of_page",
    "combine_pages",
    "normalized_tag",
    "read_html_page",
    "read_page",
    "read_text_page",
]

PAGE_SUFFIXES = (".html", ".htm", ".txt")

# Where a text of a page sits in the raw file: (lang, field, block) -> [first, after).
Regions = dict[tuple[str, str, int | None], tuple[int, int]]


def normalized_tag(tag: str) -> str | None:
    """Return ``tag`` as a BCP 47 tag in its usual case (``vi_VN`` -> ``vi-VN``,
    ``ZH-hans`` -> ``zh-Hans``, ``AR`` -> ``ar``), or None when it is empty or not a
    language tag."""
    tag = tag.strip().replace("_", "-")
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", tag):
        return None
    primary, *rest = tag.split("-")
    subtags = [primary.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            subtags.append(part.title())  # script: Hans
        elif len(part) == 2 and part.isalpha():
            subtags.append(part.upper())  # region: VN
        else:
            subtags.append(part.lower())
    return "-".join(subtags)


@dataclass(frozen=True, slots=True)
class PageOptions:
    """How to read pages: ``lang`` the pages' language when known (None: from each page),
    ``source_lang`` the language the site translates from (the article's source when no
    page is in it), ``article_id`` the id of the article all pages belong to (None: from
    the pages), ``selector`` a CSS selector of the article element of HTML pages (None:
    found, see :func:`read_html_page`), ``default_lang`` the language of a page that
    says nothing of its own (no tag in its file name, no ``lang`` attribute),
    ``below_folders`` whether a folder stands for its pages too, not only its article
    files. Tags are normalized (``vi_VN`` -> ``vi-VN``); one that is not a tag raises
    ValueError."""

    lang: str | None = None
    source_lang: str = "vi"
    article_id: str | None = None
    selector: str | None = None
    default_lang: str | None = None
    below_folders: bool = False

    def __post_init__(self) -> None:
        for name in ("lang", "source_lang", "default_lang"):
            value = getattr(self, name)
            if value is None:
                continue
            tag = normalized_tag(value)
            if tag is None:
                raise ValueError(f"{name}: {value!r} is not a language tag (e.g. vi, ar, zh-Hans)")
            object.__setattr__(self, name, tag)


DEFAULT_PAGE_OPTIONS = PageOptions()


class PageError(ValueError):
    """A page that cannot become a variant: ``message`` says why, ``line`` where (1-based)
    when one place is to blame."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Page:
    """One page read: its language, the variant it gives, and what ties it to pages of
    the same article in other languages.

    ``regions`` locates each text in the raw file (plain text only: an HTML page's texts
    are decoded from markup, so findings on it carry no line); ``article_id`` is the id the
    page declares or its URL holds, None when neither does; ``alternates`` are the URLs of
    its other-language versions it links to.
    """

    path: str
    lang: str
    variant: Variant
    url: str | None = None
    published_at: datetime | None = None
    article_id: str | None = None
    alternates: tuple[str, ...] = ()
    regions: Regions = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Language


_TAG_IN_NAME = re.compile(r"\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$")


def _tag_from_name(path: str) -> str | None:
    """Return the language tag a file name carries before its suffix (``a.zh-Hans.txt``),
    when it names a profiled language; None otherwise."""
    stem = PurePosixPath(path).name
    stem = stem[: -len(PurePosixPath(stem).suffix)] if PurePosixPath(stem).suffix else stem
    found = _TAG_IN_NAME.search(stem)
    if found is None:
        return None
    tag = normalized_tag(found.group(1))
    return tag if tag is not None and primary_subtag(tag) in profiles() else None


def _page_lang(options: PageOptions, path: str, declared: str | None) -> str | None:
    """Return a page's language: the one given, a tag in the file name, the one the
    page declares, the fallback given; None when none of them says."""
    return options.lang or _tag_from_name(path) or declared or options.default_lang


def _identified_lang(text: str, path: str) -> str:
    """Return the language identified over a whole page's text; raise PageError when
    it cannot be told."""
    from multipub.langid import identify

    guess = identify(text[:20_000], cache=False)
    if guess.lang is None:
        raise PageError(
            f"cannot tell the page's language; give it with --lang or in the file name "
            f"({PurePosixPath(path).stem}.vi{PurePosixPath(path).suffix})"
        )
    return guess.lang


# ---------------------------------------------------------------------------------------
# Plain text


_LINE = re.compile(r"[^\n]*(?:\n|$)")


def read_text_page(text: str, path: str, options: PageOptions = DEFAULT_PAGE_OPTIONS) -> Page:
    """Return the page of a plain-text file: the first non-blank line the title, each
    further non-blank line a paragraph block, surrounding blanks stripped.

    Raises PageError when the text holds no line or its language cannot be told.
    """
    lines: list[tuple[str, int]] = []  # (stripped text, raw offset of its first character)
    for found in _LINE.finditer(text):
        raw = found.group().rstrip("\n").rstrip("\r")
        stripped = raw.strip()
        if stripped:
            lines.append((stripped, found.start() + (len(raw) - len(raw.lstrip()))))
        if found.end() >= len(text):
            break
    if not lines:
        raise PageError("the page is empty: no line of text")
    lang = _page_lang(options, path, None) or _identified_lang(
        "\n".join(line for line, _ in lines), path
    )
    regions: Regions = {(lang, "title", None): (lines[0][1], lines[0][1] + len(lines[0][0]))}
    for index, (line, start) in enumerate(lines[1:]):
        regions[(lang, "blocks", index)] = (start, start + len(line))
    variant = Variant(title=lines[0][0], blocks=tuple(Block(text=line) for line, _ in lines[1:]))
    return Page(path, lang, variant, regions=regions)


# ---------------------------------------------------------------------------------------
# HTML

# Never text a reader reads in the article.
_SKIPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "form",
        "button",
        "select",
        "textarea",
        "input",
        "nav",
        "head",
        "object",
        "map",
    }
)
# Site chrome: left out when met around the article, kept when inside it (an <aside> in
# an article body is a box the reader sees with the story).
_CHROME = frozenset({"header", "footer", "aside", "nav"})
_INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "label",
        "mark",
        "q",
        "ruby",
        "rb",
        "rt",
        "rp",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
        "del",
        "ins",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LEAF_KINDS = {
    "p": BlockKind.PARAGRAPH,
    "pre": BlockKind.PARAGRAPH,
    "dt": BlockKind.PARAGRAPH,
    "dd": BlockKind.PARAGRAPH,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
    "blockquote": BlockKind.QUOTE,
    "li": BlockKind.LIST_ITEM,
    **dict.fromkeys(_HEADINGS, BlockKind.HEADING),
}
_MEDIA = frozenset({"img", "video", "audio", "iframe", "embed", "picture"})
_SPACE = re.compile(r"\s+")
_LEAD_CLASS = re.compile(r"(?:^|[\s_-])(?:sapo|lead|standfirst|summary|chapeau|intro)(?:$|[\s_-])")
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:author|byline)(?:$|[\s_-])")
# Class or id words of what is not the story: reader comments, site furniture, boxes of
# other stories ("footer-left", "comment-list", "related-posts", "sidebar").
_NOT_STORY = re.compile(
    r"(?:^|[\s_-])(?:comments?|respond|reply|discussion|footer|sidebar|widget|related|"
    r"menu|navigation|teaser|promo|newsletter)(?:$|[\s_-])"
)
_ID_IN_URL = re.compile(r"(?:^|[^0-9])([0-9]{5,})(?:[^0-9]*)$")


def _clean(text: str) -> str:
    """Return ``text`` with each run of white space one space, stripped."""
    return _SPACE.sub(" ", text).strip()


def _attr(node: Any, name: str) -> str | None:
    value = node.attributes.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _classes(node: Any) -> str:
    return " ".join(filter(None, (_attr(node, "class"), _attr(node, "id")))).lower()


class _BlockWalker:
    """Turns the article element into blocks, in document order."""

    def __init__(self, skip: set[int]) -> None:
        self.blocks: list[Block] = []
        self._inline: list[str] = []
        self._skip = skip  # elements already used as the title, lead or byline

    def walk(self, node: Any) -> None:
        """Add the blocks of ``node``'s children.

        Iterative, with a stack of its own: a page nests elements as deep as it likes
        (thousands of ``<div>``s), deeper than Python recurses."""
        # (element, True) marks the end of a block container: its text ends there.
        stack: list[tuple[Any, bool]] = [(c, False) for c in _children(node)]
        stack.reverse()
        while stack:
            child, closing = stack.pop()
            if closing:
                self._flush()
                continue
            tag = child.tag
            if tag == "-text":
                self._inline.append(child.text_content or "")
            elif tag == "br":
                self._inline.append(" ")
            elif tag in _SKIPPED or tag.startswith("-") or child.mem_id in self._skip:
                continue
            elif tag in _MEDIA:
                self._flush()
                self._media(child)
            elif tag in _LEAF_KINDS:
                self._flush()
                self._leaf(child, _LEAF_KINDS[tag])
            else:
                if tag not in _INLINE:
                    self._flush()
                    stack.append((child, True))
                stack.extend((c, False) for c in reversed(_children(child)))

    def finish(self) -> list[Block]:
        """Return the blocks found, once the walk is over."""
        self._flush()
        return self.blocks

    def _flush(self) -> None:
        text = _clean("".join(self._inline))
        self._inline = []
        if text:
            self.blocks.append(Block(text=text))

    def _leaf(self, node: Any, kind: BlockKind) -> None:
        """Add a paragraph-like element as one block (however deep its inside nests);
        the media inside it follow it."""
        text = _clean(_text_of(node))
        if text:
            self.blocks.append(Block(kind=kind, text=text))
        for media in node.css(_MEDIA_SELECTOR):
            if not _shown_inside(media, node):
                continue
            self._media(media)

    def _media(self, node: Any) -> None:
        """Add a media reference: its file or URL as written, and its alternative text."""
        src = _attr(node, "src") or _attr(node, "data-src")
        if src is None:
            source = node.css_first("source[src], img[src]")
            src = _attr(source, "src") if source is not None else None
        if src is None:
            return
        alt = _clean(_attr(node, "alt") or _attr(node, "title") or "")
        self.blocks.append(Block(kind=BlockKind.MEDIA, src=src, text=alt))


_MEDIA_SELECTOR = ", ".join(sorted(_MEDIA))


def _shown_inside(media: Any, leaf: Any) -> bool:
    """Return whether ``media``, found below ``leaf``, is one a reader sees there: not
    inside another media element (an ``<img>`` of a ``<picture>``) or a script."""
    current = media.parent
    while current is not None and current.mem_id != leaf.mem_id:
        if current.tag in _MEDIA or current.tag in _SKIPPED:
            return False
        current = current.parent
    return True


def _children(node: Any) -> list[Any]:
    """Return the child nodes of ``node``, text nodes included, in document order."""
    return list(node.iter(include_text=True))


def _text_of(node: Any) -> str:
    """Return the text a reader sees in ``node`` (scripts and the like left out); as
    :meth:`_BlockWalker.walk`, without recursion."""
    parts: list[str] = []
    stack = _children(node)
    stack.reverse()
    while stack:
        child = stack.pop()
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag == "br":
            parts.append(" ")
        elif child.tag not in _SKIPPED and not child.tag.startswith("-"):
            stack.extend(reversed(_children(child)))
    return "".join(parts)


def _paragraph_text(node: Any) -> int:
    """Return how many characters of ``<p>`` text lie below ``node``."""
    return sum(len(_clean(p.text(deep=True))) for p in node.css("p"))


def _not_story(node: Any, memo: dict[int, bool]) -> bool:
    """Return whether ``node`` is named as comments, a footer, a sidebar or a box of
    other stories (its own class or id: a layout's "sidebar-layout" wrapper around the
    story says nothing of it), or sits in site chrome; remembered in ``memo``."""
    known = memo.get(node.mem_id)
    if known is None:
        known = bool(_NOT_STORY.search(_classes(node)))
        current = node
        while not known and current is not None and current.tag not in ("body", "html"):
            known = current.tag in _CHROME
            current = current.parent
        memo[node.mem_id] = known
    return known


def _densest_parent(tree: Any, memo: dict[int, bool] | None) -> Any | None:
    """Return the element whose own ``<p>`` children hold the most text, or None; with
    ``memo``, paragraphs of comments, footers and sidebars do not count."""
    scores: dict[int, tuple[int, Any]] = {}
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None or (memo is not None and _not_story(parent, memo)):
            continue
        length = len(_clean(paragraph.text(deep=True)))
        previous = scores.get(parent.mem_id, (0, parent))[0]
        scores[parent.mem_id] = (previous + length, parent)
    if not scores:
        return None
    return max(scores.values(), key=lambda item: item[0])[1]


def _article_root(tree: Any) -> Any:
    """Return the element holding the article (see the module's docstring).

    The marked-up candidates come first (``articleBody``, then ``<article>``, then
    ``<main>``), and the first of them wins unless it holds under half the paragraph text
    of the best one, the element with the densest paragraphs among them: markup is
    trusted, but not when it marks a teaser box or a comment instead of the story.
    """
    memo: dict[int, bool] = {}
    articles = [(_paragraph_text(node), node) for node in tree.css("article")]
    articles.sort(key=lambda item: item[0], reverse=True)  # stable: ties in page order
    scored = [(_paragraph_text(node), node) for node in tree.css('[itemprop="articleBody"]')]
    scored += [(score, node) for score, node in articles if not _not_story(node, memo)]
    scored += [
        (_paragraph_text(node), node)
        for node in tree.css("main, [role=main]")
        if not _not_story(node, memo)
    ]
    # Paragraphs named as comments or boxes do not count, unless they are all there is.
    dense = _densest_parent(tree, memo) or _densest_parent(tree, None)
    if dense is not None:
        scored.append((_paragraph_text(dense), dense))
    if not scored:
        return tree.body
    best = max(score for score, _ in scored)
    return next(node for score, node in scored if score * 2 >= best)


def _in_chrome(node: Any, root: Any) -> bool:
    """Return whether ``node`` sits in site chrome outside ``root``."""
    current = node.parent
    while current is not None and current.mem_id != root.mem_id:
        if current.tag in _CHROME:
            return True
        current = current.parent
    return False


def _lead(nodes: Iterable[Any]) -> Any | None:
    """Return the first of ``nodes`` marked as the lead (a class such as "sapo", "lead",
    "intro", or ``itemprop="description"``) that is not a wrapper of the whole story."""
    for node in nodes:
        if node.tag not in ("p", "div", "h2"):
            continue
        if not (_LEAD_CLASS.search(_classes(node)) or _attr(node, "itemprop") == "description"):
            continue
        # A wrapper named "lead-..." around the whole story is not the lead.
        if len(node.css("p")) <= 1 and len(_clean(node.text(deep=True))) <= 1000:
            return node
    return None


def _lead_before(tree: Any, root: Any) -> Any | None:
    """Return the lead printed above the article element (a template that puts the
    headline and lead in a box of their own), None when there is none."""
    memo: dict[int, bool] = {}
    before = []
    for node in tree.body.traverse():
        if node.mem_id == root.mem_id:
            break
        before.append(node)
    found = _lead(before)
    return None if found is None or _not_story(found, memo) else found


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        node = tree.css_first(f'meta[property="{name}"], meta[name="{name}"]')
        if node is not None and _attr(node, "content"):
            return _attr(node, "content")
    return None


def _published_at(tree: Any, root: Any) -> datetime | None:
    stamp = _meta(tree, "article:published_time", "datePublished", "pubdate")
    if stamp is None:
        node = root.css_first("time[datetime]") or tree.css_first("time[datetime]")
        stamp = _attr(node, "datetime") if node is not None else None
    if stamp is None:
        return None
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None


def _title(tree: Any, root: Any, used: set[int]) -> str | None:
    """Return a page's title: the article's ``<h1>``, else the page's first outside its
    chrome, else ``og:title``, else ``<title>``; the heading used joins ``used``."""
    heading = root.css_first("h1")
    if heading is None:
        heading = next((h for h in tree.css("h1") if not _in_chrome(h, tree.body)), None)
    if heading is not None:
        used.add(heading.mem_id)
        found = _clean(_text_of(heading))
        if found:
            return found
    meta = _meta(tree, "og:title")
    if meta is not None:
        return meta
    node = tree.css_first("title")
    return (_clean(node.text()) or None) if node is not None else None


def _byline(root: Any, used: set[int]) -> str | None:
    """Return the byline printed in the article (an ``author``/``byline`` element,
    ``rel="author"``, ``itemprop="author"``, ``<address>``), short as bylines are; the
    element joins ``used``."""
    for node in root.css('[rel="author"], [itemprop="author"], address, p, span, div'):
        if (
            node.tag == "address"
            or _attr(node, "rel") == "author"
            or _attr(node, "itemprop") == "author"
            or _BYLINE_CLASS.search(_classes(node))
        ):
            candidate = _clean(_text_of(node))
            if candidate and len(candidate) <= 120:
                used.add(node.mem_id)
                return candidate
    return None


def _alternates(tree: Any, url: str | None) -> tuple[str, ...]:
    """Return the URLs of the other-language versions a page links to, sorted: not
    x-default (a site's home page, often) and not a link to a site's root."""
    found = set()
    for node in tree.css('link[rel="alternate"][hreflang][href]'):
        href = _attr(node, "href")
        if href is None or (_attr(node, "hreflang") or "").lower() == "x-default":
            continue
        absolute = urljoin(url or "", href)
        if _is_article_url(absolute):
            found.add(absolute)
    return tuple(sorted(found))


def read_html_page(text: str, path: str, options: PageOptions = DEFAULT_PAGE_OPTIONS) -> Page:
    """Return the page of an HTML document: title, lead, byline and blocks of its article
    element, its language, canonical URL, publication time, article id and alternates.

    Raises PageError when the page has no text or its language cannot be told.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    if tree.body is None:
        raise PageError("not an HTML page: no body")
    html = tree.css_first("html")
    canonical = tree.css_first('link[rel="canonical"][href]')
    url = (_attr(canonical, "href") if canonical is not None else None) or _meta(tree, "og:url")
    if options.selector:
        try:
            root = tree.css_first(options.selector)
        except Exception as err:  # selectolax raises its own errors for a bad selector
            raise PageError(f"bad article selector {options.selector!r}: {err}") from None
        if root is None:
            raise PageError(f"no element matches the article selector {options.selector!r}")
    else:
        root = _article_root(tree)

    # Elements read as the title, lead or byline: not blocks too.
    used: set[int] = set()
    title = _title(tree, root, used)
    lead_node = _lead(root.css("p, div, h2")) or _lead_before(tree, root)
    lead = None
    if lead_node is not None:
        lead = _clean(_text_of(lead_node)) or None
        used.add(lead_node.mem_id)
    byline = _byline(root, used)

    walker = _BlockWalker(used)
    walker.walk(root)
    blocks = walker.finish()
    if not title and not blocks:
        raise PageError("the page has no text")

    declared = normalized_tag(_attr(html, "lang") or "") if html is not None else None
    lang = _page_lang(options, path, declared)
    if lang is None:
        lang = _identified_lang("\n".join([title or "", *(b.text for b in blocks if b.text)]), path)
    alternates = _alternates(tree, url)
    if url is not None and not _is_article_url(url):
        url = None  # a canonical link to the home page names no article
    declared_id = _meta(tree, "article:id", "multipub:article") or (
        _attr(root, "data-article-id") if root is not None else None
    )
    try:
        variant = Variant(title=title, lead=lead, byline=byline, blocks=tuple(blocks))
    except ValidationError as err:  # pragma: no cover - the blocks built above are valid
        raise PageError(f"the page does not fit the article model: {err}") from None
    return Page(
        path,
        lang,
        variant,
        url=url,
        published_at=_published_at(tree, root),
        article_id=declared_id or _id_in_url(url),
        alternates=alternates,
    )


def read_page(text: str, path: str, options: PageOptions = DEFAULT_PAGE_OPTIONS) -> Page:
    """Return the page of ``text``, read as HTML or plain text by the suffix of ``path``
    (``.html``/``.htm``, else text). Raises PageError (see the readers)."""
    if PurePosixPath(path).suffix.lower() in (".html", ".htm"):
        return read_html_page(text, path, options)
    return read_text_page(text, path, options)


# ---------------------------------------------------------------------------------------
# Pages into articles


def _id_in_url(url: str | None) -> str | None:
    """Return the article number a URL's last path segment ends in (``...-123456.html``),
    None when there is none (5 digits at least: a year or a page number is not one)."""
    if not url:
        return None
    last = PurePosixPath(unquote(urlsplit(url).path)).name
    found = _ID_IN_URL.search(last)
    return found.group(1) if found else None


def _is_article_url(url: str) -> bool:
    """Return whether ``url`` can name an article: a path or a query past the site's root
    (or past a language's root, ``/ar/``)."""
    return _path_key(url) is not None


def _path_key(url: str | None) -> str | None:
    """Return a URL's host, path less a leading language segment (``/ar/``) and query
    (``article.php?id=12``: the query names the article), the part every language version
    of an article shares on sites that keep one path; None for a site's root."""
    if not url:
        return None
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if segments and normalized_tag(segments[0]) and primary_subtag(segments[0]) in profiles():
        segments = segments[1:]
    if not segments and not parts.query:
        return None
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.netloc.lower()}/{'/'.join(segments)}{query}"


def _article_id_from(page: Page) -> str:
    """Return the id an article read from ``page`` alone gets."""
    if page.article_id:
        return page.article_id
    if page.url:
        name = PurePosixPath(urlsplit(page.url).path).name
        name = name.rsplit(".", 1)[0] if "." in name else name
        if name:
            return name
    stem = PurePosixPath(page.path).name
    tag = _tag_from_name(page.path)
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    if tag and stem.endswith(f".{tag}"):
        stem = stem[: -len(tag) - 1]
    return stem or "page"


def article_of_page(page: Page, options: PageOptions = DEFAULT_PAGE_OPTIONS) -> Article:
    """Return the article of one page: its one variant, the source language
    ``options.source_lang`` (so a translation read alone is checked without its source)."""
    return _article([page], options)


def _article(pages: Sequence[Page], options: PageOptions) -> Article:
    # The source is the page in the source's language, whatever its region: vi-VN is vi.
    source_page = next(
        (p for p in pages if primary_subtag(p.lang) == primary_subtag(options.source_lang)),
        None,
    )
    source_lang = source_page.lang if source_page is not None else options.source_lang
    first = source_page or pages[0]
    return Article(
        id=options.article_id or _article_id_from(first),
        source_lang=source_lang,
        published_at=first.published_at,
        url=first.url,
        variants={page.lang: page.variant for page in pages},
    )


def combine_pages(
    pages: Iterable[Page], options: PageOptions = DEFAULT_PAGE_OPTIONS
) -> tuple[list[Article], list[PageError]]:
    """Return the articles the ``pages`` make, in the order of their first page, and the
    problems of pages that could not join one (two pages in one language of one article).

    With ``options.article_id`` all pages are one article. Otherwise two pages are one
    article when one links to the other as an alternate (its URL), or they declare or
    their URLs end in the same article number, or their URLs share a path less a leading
    language segment.
    """
    pages = list(pages)
    parent = list(range(len(pages)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    if options.article_id is not None:
        for i in range(1, len(pages)):
            union(0, i)
    else:
        seen: dict[tuple[str, str], int] = {}
        for i, page in enumerate(pages):
            keys = [("url", page.url)] if page.url else []
            keys += [("url", alt) for alt in page.alternates]
            if page.article_id:
                # Article numbers are a site's own: the same number on two sites is two
                # articles.
                host = urlsplit(page.url).netloc.lower() if page.url else ""
                keys.append(("id", f"{host}#{page.article_id}"))
            path_key = _path_key(page.url)
            if path_key:
                keys.append(("path", path_key))
            for key in keys:
                assert key[1] is not None
                marked = (key[0], key[1])
                if marked in seen:
                    union(seen[marked], i)
                else:
                    seen[marked] = i
    groups: dict[int, list[Page]] = {}
    for i, page in enumerate(pages):
        groups.setdefault(find(i), []).append(page)
    articles: list[Article] = []
    problems: list[PageError] = []
    for root in sorted(groups):
        members: list[Page] = []
        for page in groups[root]:
            other = next((m for m in members if m.lang == page.lang), None)
            if other is not None:
                problems.append(
                    PageError(
                        f"{page.path}: a second '{page.lang}' page of the article of "
                        f"{other.path}; not combined (give each article's pages separately, "
                        f"or --article)"
                    )
                )
                continue
            members.append(page)
        articles.append(_article(members, options))
    return articles, problems
