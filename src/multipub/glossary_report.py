"""The glossary report: what a glossary covers in a corpus, and what is missing from it.

:func:`build_report` returns plain data (the JSON format); :mod:`multipub.render.report`
renders it as Markdown or as one self-contained HTML page.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import yaml

from multipub._version import __version__
from multipub.config import Config
from multipub.context import ArticleContext
from multipub.glossary import Glossary
from multipub.io import InputProblem, LoadedArticle, iter_articles
from multipub.lang import languages, primary_subtag, profile
from multipub.matcher import FormStatus, GlossaryIndex
from multipub.names import vietnamese_names
from multipub.text import fold
from multipub.translit import transliterate

__all__ = ["SUGGESTION_LANGUAGES", "build_report"]

# The site's languages other than the source's: what a suggested entry spells a name in.
SUGGESTION_LANGUAGES = tuple(tag for tag in languages(site=True) if tag != "vi")


def _rendering_kind(status: FormStatus, exact: bool, source: bool = False) -> str:
    """Return how a rendering is rated: preferred, accepted, forbidden or other; "source"
    in the glossary's source language, which is what the house forms translate and is
    not rated against them."""
    if source:
        return "source"
    if not exact:
        return "other"
    return {
        FormStatus.PREFERRED: "preferred",
        FormStatus.FEMININE: "preferred",
        FormStatus.PLURAL: "preferred",
        FormStatus.ACCEPTED: "accepted",
        FormStatus.FORBIDDEN: "forbidden",
    }[status]


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(c for c in ascii_name if not unicodedata.combining(c))
    return "-".join(ascii_name.lower().split())


def build_report(
    paths: Iterable[str | os.PathLike[str]],
    glossary: Glossary,
    problems: list[InputProblem] | None = None,
) -> dict[str, Any]:
    """Return the glossary report of the articles below ``paths`` as JSON-ready data; what
    could not be read goes to ``problems`` when it is given (as ``check`` reports it)."""
    index = GlossaryIndex(glossary)
    source = primary_subtag(glossary.source_lang)
    # (entry, lang) -> (glossary form, kind) -> text as written -> count: a text that is
    # not the form itself (an inflection, "Фам Минь Тиня"; a spelling without diacritics)
    # is grouped under the form it renders. Articles using a non-preferred form, too.
    renderings: dict[tuple[str, str], dict[tuple[str, str], Counter[str]]] = defaultdict(dict)
    off_house: dict[tuple[str, str], set[str]] = defaultdict(set)
    coverage: dict[str, Counter[str]] = defaultdict(Counter)
    unknown: dict[str, dict[str, Any]] = {}
    articles = variants = 0
    for item in iter_articles(paths):
        if not isinstance(item, LoadedArticle):
            if problems is not None:
                problems.append(item)
            continue
        article = item.article
        articles += 1
        shared = ArticleContext(article, Config(), index)
        for lang in sorted(article.variants):
            variants += 1
            in_source = primary_subtag(lang) == source
            for unit, mentions in zip(shared.units(lang), shared.mentions(lang), strict=True):
                for m in mentions:
                    kind = _rendering_kind(m.status, m.exact, in_source)
                    form = unicodedata.normalize("NFC", m.form)
                    texts = renderings[(m.entry, lang)].setdefault((form, kind), Counter())
                    texts[unicodedata.normalize("NFC", m.text)] += 1
                    coverage[lang][kind] += 1
                    if kind not in ("preferred", "source"):
                        off_house[(m.entry, lang)].add(article.id)
                if lang == article.source_lang and primary_subtag(lang) == "vi":
                    covered = [(m.start, m.end) for m in mentions]
                    if unit.field == "byline":
                        continue
                    for start, end in vietnamese_names(unit.text):
                        if any(a < end and start < b for a, b in covered):
                            continue
                        name = unicodedata.normalize("NFC", unit.text[start:end])
                        record = unknown.setdefault(
                            fold(name), {"name": name, "count": 0, "articles": set()}
                        )
                        record["count"] += 1
                        record["articles"].add(article.id)
    entries = []
    unseen = []
    # Each entry's languages, gathered once (looking them up per entry was quadratic).
    by_entry: dict[str, list[tuple[str, dict[tuple[str, str], Counter[str]]]]] = defaultdict(list)
    for (entry_id, lang), by_form in sorted(renderings.items()):
        by_entry[entry_id].append((lang, by_form))
    for entry in glossary.entries:
        langs: dict[str, Any] = {}
        for lang, by_form in by_entry.get(entry.id, []):
            rows: list[dict[str, Any]] = sorted(
                (
                    {
                        "text": form,
                        "kind": kind,
                        "count": sum(written.values()),
                        "inflections": [
                            {"text": t, "count": n}
                            for t, n in sorted(written.items(), key=lambda i: (-i[1], i[0]))
                            if t != form
                        ],
                    }
                    for (form, kind), written in by_form.items()
                ),
                key=lambda r: (-r["count"], r["text"], r["kind"]),
            )
            langs[lang] = {
                "mentions": sum(r["count"] for r in rows),
                "renderings": rows,
                "articles_off_house_form": sorted(off_house.get((entry.id, lang), ())),
            }
        if not langs:
            unseen.append(entry.id)
        entries.append(
            {
                "id": entry.id,
                "name": _entry_name(entry, glossary.source_lang),
                "kind": entry.kind.value,
                "preferred": {lang: forms.preferred for lang, forms in sorted(entry.terms.items())},
                "languages": langs,
            }
        )
    return {
        "tool": {"name": "multipub", "version": __version__},
        "glossary": {
            "name": glossary.name,
            "fingerprint": glossary.fingerprint(),
            "entries": len(glossary.entries),
        },
        "articles": articles,
        "variants": variants,
        "coverage": {
            lang: {
                "mentions": sum(counts.values()),
                "source": counts["source"] > 0,
                **{k: counts.get(k, 0) for k in ("preferred", "accepted", "forbidden", "other")},
                "house_form_share": round(100 * counts["preferred"] / sum(counts.values()), 1)
                if sum(counts.values()) and not counts["source"]
                else None,
            }
            for lang, counts in sorted(coverage.items())
        },
        "entries": entries,
        "unseen": unseen,
        "unknown_names": _unknown_names(unknown, {entry.id for entry in glossary.entries}),
    }


def _entry_name(entry: Any, source_lang: str) -> str:
    """Return what an editor calls an entry: its preferred form in the glossary's source
    language, else in English, else its id."""
    for lang in (source_lang, "en"):
        forms = entry.forms(lang)
        if forms is not None and forms.preferred:
            return str(forms.preferred)
    return str(entry.id)


def _gender_shown(name: str) -> str | None:
    """Return the gender a Vietnamese name's middle names show (Thị, Văn), or None."""
    found = profile("vi")
    markers = found.names.gendered_middle_names if found is not None else {}
    words = name.split()[1:-1]  # neither the surname nor the given name
    genders = {markers[w] for w in words if w in markers}
    return genders.pop() if len(genders) == 1 else None


def _unknown_names(
    unknown: dict[str, dict[str, Any]], glossary_ids: set[str]
) -> list[dict[str, Any]]:
    """Return the unknown names, most frequent first, with suggestions and a YAML entry."""
    rows = []
    used_ids = set(glossary_ids)  # a suggested id never names an entry already there
    for record in sorted(unknown.values(), key=lambda r: (-r["count"], r["name"])):
        name = record["name"]
        suggestions = {lang: transliterate(name, lang) for lang in SUGGESTION_LANGUAGES}
        terms: dict[str, Any] = {"vi": name}
        for lang, forms in suggestions.items():
            if forms:
                terms[lang] = forms[0] if len(forms) == 1 else {
                    "preferred": forms[0], "accepted": forms[1:3]
                }  # fmt: skip
        # Two names that differ only by their diacritics (An, Ân) get two ids.
        entry_id, number = f"person/{_slug(name)}", 2
        while entry_id in used_ids:
            entry_id, number = f"person/{_slug(name)}-{number}", number + 1
        used_ids.add(entry_id)
        entry: dict[str, Any] = {"id": entry_id, "kind": "person"}
        gender = _gender_shown(name)
        if gender is not None:
            entry["gender"] = gender
        entry["terms"] = terms
        rows.append(
            {
                "name": name,
                "gender": gender,
                "count": record["count"],
                "articles": sorted(record["articles"]),
                "suggestions": suggestions,
                "yaml": yaml.safe_dump(
                    [entry], allow_unicode=True, sort_keys=False, default_flow_style=False
                ),
            }
        )
    return rows
