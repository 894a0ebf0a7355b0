"""Publishing a multilingual site: slugs, hreflang alternates and the sitemap.

URLs
    Every variant is published at ``f"{base_url}/{lang}/{slug}"``: ``base_url`` without
    its trailing slash, ``lang`` the variant's BCP 47 tag as the article writes it
    (``zh-Hans``, never ``zh_CN``), ``slug`` from its title (:func:`slug`). Slugs are
    unique per language across the articles given, which are numbered in the order of
    their ids: the first keeps the bare slug, the next ones get ``-2``, ``-3``... Every
    variant gets its slug whether the gate lets it through or not, so that holding one
    never renames another's page. The functions return IRIs (Unicode kept, as the slug
    policy leaves it); :func:`hreflang_links` and :func:`sitemap` write them
    percent-encoded (:func:`to_uri`), as HTML and the sitemap protocol want URIs.

Slugs
    Lower case, words joined by ``-``, at most 80 characters cut at a word boundary.
    :data:`SLUG_POLICY` says, by the language's main script (its profile's, or the
    script subtag's: ``sr-Latn`` is Latin), whether the slug is ``ascii`` (transliterated)
    or ``unicode`` (the script's words kept as they are; the URL layer percent-encodes
    them). Latin text is transliterated with unidecode after ``đ``/``Đ`` become ``d``
    ("Đà Nẵng" -> "da-nang"); Cyrillic with :data:`CYRILLIC`, the usual Russian slug
    spelling (ё yo, й y, х kh, ц ts, щ shch, ю yu, я ya, ъ and ь dropped), with the
    letters a language spells otherwise in :data:`CYRILLIC_BY_LANG` (Ukrainian: г h,
    и y, ї i: "Київ" -> "kyiv"); letters neither table has go through unidecode. In a
    ``unicode`` slug,
    Latin and Cyrillic words are transliterated the same way, and Arabic vowel marks and
    tatweel are dropped. Digits are ASCII in every slug; apostrophes join ("vietnam's"
    -> "vietnams"); any other character that is no letter, mark or digit separates words.

hreflang
    For each article, its published variants (all, or those a :func:`multipub.gate.gate`
    decision lets through) sorted by tag, then ``x-default``: the source language's URL,
    when the source is published. Every published variant of an article shows the same
    list, itself included: the annotations are reciprocal by construction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from itertools import pairwise
from typing import Literal
from urllib.parse import quote, urlsplit, urlunsplit

from unidecode import unidecode

from multipub.gate import GateDecision
from multipub.lang import primary_subtag, script_of, scripts_of
from multipub.models import Article, Translation
from multipub.text import fold_digits

__all__ = [
    "CYRILLIC",
    "CYRILLIC_BY_LANG",
    "MAX_SITEMAP_URLS",
    "MAX_SLUG_CHARS",
    "MAX_URL_CHARS",
    "SITEMAP_NS",
    "SLUG_POLICY",
    "XHTML_NS",
    "SlugPolicy",
    "alternates",
    "hreflang_links",
    "lastmod",
    "sitemap",
    "slug",
    "slug_policy",
    "slugs",
    "to_uri",
    "url_of",
]

SlugPolicy = Literal["ascii", "unicode"]

#: How a slug writes a language, by the language's main script (names of
#: ``lang/data/scripts.yaml``); a script not listed is kept as it is (``unicode``).
SLUG_POLICY: dict[str, SlugPolicy] = {
    "latin": "ascii",  # Vietnamese, English...: "Đà Nẵng" -> "da-nang"
    "cyrillic": "ascii",  # Russian...: "Москва" -> "moskva", with CYRILLIC
    "greek": "ascii",  # unidecode: "Αθήνα" -> "athena"
    "arabic": "unicode",  # Arabic, Persian, Urdu: "معرض-التجارة"
    "hebrew": "unicode",
    "han": "unicode",  # Chinese: "和江省举办商品交易会"
    "kana": "unicode",  # Japanese
    "hangul": "unicode",  # Korean
}

#: Cyrillic letters to ASCII, lower case: Russian as news sites spell slugs, and the
#: Ukrainian and Belarusian letters Russian lacks.
CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u",
}  # fmt: skip

#: Letters a language of Cyrillic script spells otherwise than :data:`CYRILLIC` (its
#: national romanization, in the forms it takes inside a word): by primary subtag.
CYRILLIC_BY_LANG: dict[str, dict[str, str]] = {
    "uk": {"г": "h", "и": "y", "й": "i", "ї": "i", "є": "ie", "ю": "iu", "я": "ia"},
}

MAX_SLUG_CHARS = 80
MAX_URL_CHARS = 2047  # the sitemap protocol: URLs shorter than 2,048 characters
MAX_SITEMAP_URLS = 50_000  # the sitemap protocol: URLs per sitemap file
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

_TRANSLITERATED = frozenset(("latin", "cyrillic", "greek"))
_APOSTROPHES = frozenset("'’ʼ`")
# Arabic vowel marks (harakat), superscript alef, Quranic signs and tatweel: optional in
# writing, so a slug without them is the same word.
_ARABIC_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
)
_D_STROKE = str.maketrans({"đ": "d", "Đ": "d"})
_CYRILLIC_TABLES = {
    lang: str.maketrans({**CYRILLIC, **letters}) for lang, letters in CYRILLIC_BY_LANG.items()
}
_CYRILLIC_TABLE = str.maketrans(CYRILLIC)


def slug_policy(lang: str, text: str = "") -> SlugPolicy:
    """Return how slugs of language ``lang`` are written: by its main script's entry in
    :data:`SLUG_POLICY`; for a language multipub has no profile of, by the script of the
    first letter of ``text`` (``ascii`` when it has none)."""
    found = scripts_of(lang)
    if found:
        return SLUG_POLICY.get(found[0], "unicode")
    for char in text:
        if char.isalpha():
            name = script_of(char)
            return SLUG_POLICY.get(name, "unicode") if name else "unicode"
    return "ascii"


def _to_ascii(text: str, lang: str) -> str:
    """Return ``text`` (lower case) transliterated to ASCII: ``đ`` as d, Cyrillic with
    :data:`CYRILLIC` (and the language's :data:`CYRILLIC_BY_LANG`), anything else with
    unidecode."""
    table = _CYRILLIC_TABLES.get(primary_subtag(lang), _CYRILLIC_TABLE)
    return unidecode(text.translate(_D_STROKE).translate(table)).lower()


def _is_word_char(char: str) -> bool:
    """Return True for a letter, a combining mark or a digit."""
    return unicodedata.category(char)[0] in "LMN"


def _words(text: str, lang: str, policy: SlugPolicy) -> list[str]:
    """Return the slug words of ``text`` (in language ``lang``) under ``policy``, lower
    case."""
    text = fold_digits(unicodedata.normalize("NFKC", text)).lower()
    if policy == "ascii":
        text = _to_ascii(text, lang)
    else:
        pieces: list[str] = []
        for char in text:
            if char in _ARABIC_MARKS:
                continue
            if ord(char) > 0x7F and script_of(char) in _TRANSLITERATED:
                pieces.append(_to_ascii(char, lang))
            else:
                pieces.append(char)
        text = "".join(pieces)
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if char in _APOSTROPHES:
            continue
        if _is_word_char(char) and (policy == "unicode" or char.isascii()):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _cut(words: Sequence[str], limit: int) -> str:
    """Return ``words`` joined by hyphens, at most ``limit`` characters: cut after the
    last whole word that fits, or inside the first word when even it does not."""
    joined = "-".join(words)
    if len(joined) <= limit:
        return joined
    kept: list[str] = []
    used = -1
    for word in words:
        if used + 1 + len(word) > limit:
            break
        kept.append(word)
        used += 1 + len(word)
    return "-".join(kept) if kept else words[0][:limit]


def _text_of(item: Translation | str) -> str:
    """Return what a slug is made of: the text, or a variant's title (else its lead, else
    its first block with text)."""
    if isinstance(item, str):
        return item
    for unit in item.units(include_byline=False):
        return unit.text
    return ""


def slug(
    variant_or_text: Translation | str,
    lang: str,
    *,
    taken: Collection[str] = frozenset(),
    max_length: int = MAX_SLUG_CHARS,
) -> str:
    """Return the slug of a text, or of a variant's title, in language ``lang`` (see the
    module's documentation): lower case, hyphen-separated, at most ``max_length``
    characters, and not one of ``taken`` (``-2``, ``-3``... appended; ``taken`` is not
    changed). Raise ValueError when the text has no letter or digit to make one of."""
    if max_length < 8:
        raise ValueError(f"max_length {max_length} is too short for a slug")
    text = _text_of(variant_or_text)
    words = _words(text, lang, slug_policy(lang, text))
    if not words:
        raise ValueError(f"no slug can be made of {text!r}: no letter or digit")
    base = _cut(words, max_length)
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = _cut(base.split("-"), max_length - len(suffix)) + suffix
        if candidate not in taken:
            return candidate
        number += 1


def _sorted_articles(articles: Iterable[Article]) -> list[Article]:
    """Return ``articles`` sorted by id; raise ValueError when two share an id."""
    chosen = sorted(articles, key=lambda article: article.id)
    for first, second in pairwise(chosen):
        if first.id == second.id:
            raise ValueError(f"two articles have the id {first.id!r}")
    return chosen


def _tag_order(tag: str) -> tuple[str, str]:
    return (tag.lower(), tag)


def slugs(articles: Iterable[Article]) -> dict[tuple[str, str], str]:
    """Return the slug of every variant of ``articles``, by ``(article id, lang)``: unique
    per language, the articles taken in the order of their ids. A variant with nothing
    to make a slug of takes its article id's."""
    taken: dict[str, set[str]] = {}
    found: dict[tuple[str, str], str] = {}
    for article in _sorted_articles(articles):
        for lang in sorted(article.variants, key=_tag_order):
            used = taken.setdefault(lang, set())
            try:
                made = slug(article.variants[lang], lang, taken=used)
            except ValueError:
                try:
                    made = slug(article.id, lang, taken=used)
                except ValueError:
                    made = slug("article", "en", taken=used)
            used.add(made)
            found[(article.id, lang)] = made
    return found


def url_of(base_url: str, lang: str, page_slug: str) -> str:
    """Return the URL (an IRI) of a page: ``f"{base_url}/{lang}/{slug}"``, without a
    doubled slash."""
    return f"{base_url.rstrip('/')}/{lang}/{page_slug}"


def _published(decisions: Iterable[GateDecision] | None) -> set[tuple[str, str]] | None:
    if decisions is None:
        return None
    return {(d.article, d.lang) for d in decisions if d.published}


def alternates(
    articles: Iterable[Article],
    base_url: str,
    *,
    decisions: Iterable[GateDecision] | None = None,
) -> dict[str, list[tuple[str, str]]]:
    """Return, for each article id (sorted), its ``(hreflang, url)`` alternates: its
    published variants sorted by tag, then ``("x-default", <the source's URL>)`` when the
    source variant is published. With ``decisions`` (from :func:`multipub.gate.gate`), a
    variant is published only when a decision says ``publish``; without, all are. An
    article with nothing published maps to an empty list. URLs are IRIs (see
    :func:`to_uri`)."""
    chosen = _sorted_articles(articles)
    published = _published(decisions)
    made = slugs(chosen)
    result: dict[str, list[tuple[str, str]]] = {}
    for article in chosen:
        links: list[tuple[str, str]] = []
        for lang in sorted(article.variants, key=_tag_order):
            if published is None or (article.id, lang) in published:
                links.append((lang, url_of(base_url, lang, made[(article.id, lang)])))
        source = dict(links).get(article.source_lang)
        if source is not None:
            links.append(("x-default", source))
        result[article.id] = links
    return result


def to_uri(iri: str) -> str:
    """Return ``iri`` as a URI: its path, query and fragment percent-encoded as UTF-8
    (what is already percent-encoded stays as it is), its host in IDNA."""
    parts = urlsplit(iri)
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, at, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        netloc = f"{userinfo}{at}{host.encode('idna').decode('ascii')}{colon}{port}"
    safe = "/:@!$&'()*+,;=-._~%"
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe=safe),
            quote(parts.query, safe=safe + "?"),
            quote(parts.fragment, safe=safe + "?#"),
        )
    )


def _escape(value: str) -> str:
    """Return ``value`` with ``&``, ``<`` and ``>`` escaped for XML text (as
    ``xml.sax.saxutils.escape`` does; that module imports urllib.request, 8 ms of start-up)."""
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _attribute(value: str) -> str:
    """Return ``value`` escaped for a double-quoted XML or HTML attribute."""
    return _escape(value).replace('"', "&quot;")


def hreflang_links(links: Iterable[tuple[str, str]]) -> str:
    """Return one ``<link rel="alternate" hreflang="..." href="...">`` line per
    ``(hreflang, url)`` of ``links`` (one article's list from :func:`alternates`), for
    the head of each of its pages; URLs percent-encoded, attributes escaped."""
    return "".join(
        f'<link rel="alternate" hreflang="{_attribute(lang)}" href="{_attribute(to_uri(url))}">\n'
        for lang, url in links
    )


def lastmod(moment: datetime) -> str:
    """Return ``moment`` in the W3C Datetime format of ``<lastmod>``: date, time to the
    second and offset ("2024-05-20T08:00:00+07:00") when it has a time zone, the date
    alone ("2024-05-20") when it has none (a time needs its offset there)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat()


def sitemap(
    articles: Iterable[Article],
    base_url: str,
    decisions: Iterable[GateDecision] | None = None,
) -> str:
    """Return the XML sitemap (sitemaps.org 0.9, with ``xhtml:link`` alternates) of the
    published variants of ``articles``: one ``<url>`` per published variant, articles in
    id order and variants by tag, each with its ``<loc>``, the ``<lastmod>`` of its
    article's ``published_at`` when there is one, and an ``xhtml:link`` for every
    alternate of :func:`alternates` (itself and ``x-default`` included). URLs are
    percent-encoded and escaped. Raise ValueError when a URL reaches 2,048 characters or
    the sitemap would hold more than 50,000 URLs (split the site into several sitemaps)."""
    chosen = _sorted_articles(articles)
    by_id = {article.id: article for article in chosen}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    count = 0
    for article_id, links in alternates(chosen, base_url, decisions=decisions).items():
        encoded = [(lang, to_uri(url)) for lang, url in links]
        for _, url in encoded:
            if len(url) > MAX_URL_CHARS:
                raise ValueError(f"URL of article {article_id!r} too long ({len(url)}): {url}")
        moment = by_id[article_id].published_at
        for lang, url in encoded:
            if lang == "x-default":
                continue
            count += 1
            if count > MAX_SITEMAP_URLS:
                raise ValueError(f"more than {MAX_SITEMAP_URLS} URLs: split the sitemap")
            lines.append("  <url>")
            lines.append(f"    <loc>{_escape(url)}</loc>")
            if moment is not None:
                lines.append(f"    <lastmod>{lastmod(moment)}</lastmod>")
            lines.extend(
                f'    <xhtml:link rel="alternate" hreflang="{_attribute(other)}" '
                f'href="{_attribute(href)}"/>'
                for other, href in encoded
            )
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
