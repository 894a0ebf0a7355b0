"""``multipub import``: published pages (HTML, plain text) into article files.

Reads every page named (a folder: every .html, .htm and .txt below it, sorted by path),
turns each into a variant (:mod:`multipub.pages`), combines the pages of one article in
different languages, and writes the articles as the JSON the rest of multipub reads.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipub.io import (
    DEFAULT_LIMITS,
    InputProblem,
    Limits,
    discover,
    files_below,
    units_of_file,
)
from multipub.models import Article
from multipub.pages import (
    DEFAULT_PAGE_OPTIONS,
    PAGE_SUFFIXES,
    Page,
    PageError,
    PageOptions,
    combine_pages,
    read_page,
)

__all__ = ["ImportRun", "article_json", "import_pages"]


@dataclass
class ImportRun:
    """What an import made: the articles in the order of their first page, the pages
    read, and the problems of the pages that could not be read or combined."""

    articles: list[Article] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def _page_files(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[str, Path | None]]:
    """Return (display, file) for every page named, a folder standing for the pages below
    it; a file named that does not exist comes back with None, to be reported."""
    found: list[tuple[str, Path | None]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += [(p.as_posix(), p) for p in files_below(path, PAGE_SUFFIXES)]
        else:
            found += list(discover([given]))
    return found


def import_pages(
    paths: Iterable[str | os.PathLike[str]],
    options: PageOptions = DEFAULT_PAGE_OPTIONS,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportRun:
    """Return the articles the pages below ``paths`` make (see :func:`combine_pages`)
    and the problems of those that could not be read: one bad page never stops the
    others."""
    run = ImportRun()
    for display, path in _page_files(paths):
        if path is not None and path.suffix.lower() not in PAGE_SUFFIXES:
            expected = ", ".join(PAGE_SUFFIXES)
            run.problems.append(InputProblem(display, f"not a page (expected {expected})"))
            continue
        for unit in units_of_file(display, path, limits, page=options):
            if isinstance(unit, InputProblem):
                run.problems.append(unit)
                continue
            try:
                run.pages.append(read_page(unit.text, unit.path, options))
            except PageError as err:
                run.problems.append(InputProblem(display, err.message, err.line))
    articles, errors = combine_pages(run.pages, options)
    run.articles = articles
    run.problems += [InputProblem(str(err).split(": ", 1)[0], str(err)) for err in errors]
    return run


def article_json(article: Article, *, indent: int | None = 2) -> str:
    """Return ``article`` as the JSON of an article file (empty fields left out), one
    line when ``indent`` is None."""
    data: dict[str, Any] = article.model_dump(mode="json", exclude_none=True)
    for variant in data["variants"].values():
        # A paragraph is written as the bare string the contract allows: what a desk
        # reads and diffs.
        variant["blocks"] = [
            block["text"]
            if set(block) <= {"kind", "text"} and block.get("kind") == "paragraph"
            else block
            for block in variant.get("blocks", [])
        ]
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text + "\n"
