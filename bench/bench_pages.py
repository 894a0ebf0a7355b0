"""Benchmark: reading real published HTML pages into blocks, multipub's reader against
trafilatura (a boilerplate remover), on speed and on what each keeps.

The pages are trafilatura's own evaluation pages (real pages of news sites and blogs,
``tests/cache/*.html`` of https://github.com/adbar/trafilatura) with the expectations
its ``tests/realworld_tests.py`` writes down for them: strings of the article that an
extractor must keep, and strings of the page around it (menus, footers, "other stories")
it must leave out. They are read in place, never copied into this project: point
``MULTIPUB_PAGES_DIR`` (or ``--pages``) at a checkout's ``tests`` folder.

Prints, for each reader: pages read, milliseconds per page (median and total), the share
of must-keep strings kept (recall) and of must-drop strings kept (leakage, lower is
better), and the recall on the must-keep strings of the story itself: trafilatura keeps
reader comments (its default), multipub leaves them out, and some must-keep strings are
comments (those inside an element whose class or id names comments). trafilatura is measured only when it is installed (``pip install trafilatura``);
it is not a dependency. Asserts nothing.

Usage: python bench/bench_pages.py [--pages DIR]
"""

from __future__ import annotations

import argparse
import ast
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from multipub.pages import read_html_page


def expectations(tests_dir: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Return, per cached page file, the strings its article must contain and must not,
    read from realworld_tests.py's ``test_extract`` (``result = do_load_page(URL)``
    followed by ``assert "x" in result`` / ``assert "x" not in result``)."""
    source = (tests_dir / "realworld_tests.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    pages: dict[str, str] = {}
    wanted: dict[str, tuple[list[str], list[str]]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            pages = ast.literal_eval(node.value)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.FunctionDef) and node.name == "test_extract"):
            continue
        current: str | None = None
        for statement in ast.walk(node):
            if (
                isinstance(statement, ast.Assign)
                and isinstance(statement.value, ast.Call)
                and getattr(statement.value.func, "id", "") == "do_load_page"
                and statement.value.args
                and isinstance(statement.value.args[0], ast.Constant)
            ):
                current = pages.get(statement.value.args[0].value)
            elif isinstance(statement, ast.Assert) and current is not None:
                test = statement.test
                if (
                    isinstance(test, ast.Compare)
                    and isinstance(test.left, ast.Constant)
                    and isinstance(test.left.value, str)
                    and len(test.ops) == 1
                ):
                    keep, drop = wanted.setdefault(current, ([], []))
                    if isinstance(test.ops[0], ast.In):
                        keep.append(test.left.value)
                    elif isinstance(test.ops[0], ast.NotIn):
                        drop.append(test.left.value)
    return wanted


def read_page_text(path: Path) -> str:
    """Return a cached page's text (a few are not UTF-8: read as Latin-1 then)."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def comment_strings(html: str, strings: list[str]) -> set[str]:
    """Return those of ``strings`` that stand in the page's reader comments."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    comments = " ".join(
        " ".join((node.text(deep=True) or "").split())
        for node in tree.css('[class*="comment"], [id*="comment"]')
    )
    return {s for s in strings if " ".join(s.split()) in comments}


def multipub_text(html: str) -> str:
    """Return the text multipub keeps of a page: title, lead, byline and blocks."""
    page = read_html_page(html, "page.html", _options())
    variant = page.variant
    parts = [variant.title or "", variant.lead or "", variant.byline or ""]
    parts += [block.text for block in variant.blocks]  # type: ignore[union-attr]
    return "\n".join(parts)


def _options():  # type: ignore[no-untyped-def]
    from multipub.pages import PageOptions

    return PageOptions(lang="de")  # the language is not measured here


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default=os.environ.get("MULTIPUB_PAGES_DIR"))
    args = parser.parse_args()
    if not args.pages or not (Path(args.pages) / "realworld_tests.py").exists():
        sys.exit("set MULTIPUB_PAGES_DIR or --pages to trafilatura's tests folder")
    tests_dir = Path(args.pages)
    wanted = expectations(tests_dir)
    html = {name: read_page_text(tests_dir / "cache" / name) for name in sorted(wanted)}
    readers: dict[str, Callable[[str], str]] = {"multipub (selectolax)": multipub_text}
    try:
        import trafilatura

        readers["trafilatura"] = lambda page: trafilatura.extract(page) or ""
    except ImportError:
        print("trafilatura not installed: measured multipub alone")
    print(
        f"{len(html)} pages, {sum(len(k) for k, _ in wanted.values())} must-keep and "
        f"{sum(len(d) for _, d in wanted.values())} must-drop strings"
    )
    in_comments = {name: comment_strings(html[name], wanted[name][0]) for name in html}
    story_total = sum(len(wanted[n][0]) - len(in_comments[n]) for n in html)
    for name, reader in readers.items():
        times: list[float] = []
        kept = leaked = keep_total = drop_total = story_kept = 0
        for page_name, text in html.items():
            start = time.perf_counter()
            extracted = reader(text)
            times.append(time.perf_counter() - start)
            flat = " ".join(extracted.split())
            keep, drop = wanted[page_name]
            kept += sum(" ".join(s.split()) in flat for s in keep)
            story_kept += sum(
                " ".join(s.split()) in flat for s in keep if s not in in_comments[page_name]
            )
            leaked += sum(" ".join(s.split()) in flat for s in drop)
            keep_total += len(keep)
            drop_total += len(drop)
        print(
            f"{name:24} median {statistics.median(times) * 1000:6.1f} ms/page, "
            f"total {sum(times):6.2f} s; kept {kept}/{keep_total} "
            f"({kept / keep_total:.3f}); leaked {leaked}/{drop_total} "
            f"({leaked / max(drop_total, 1):.3f}); story {story_kept}/{story_total} "
            f"({story_kept / story_total:.3f})"
        )


if __name__ == "__main__":
    main()
