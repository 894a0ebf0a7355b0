"""Renderers: a :class:`~multipub.findings.Report` in, a string out. No checking here."""

from multipub.findings import FailOn, Report
from multipub.render.github import render_github
from multipub.render.html import load_articles, render_html
from multipub.render.json import render_json
from multipub.render.jsonl import render_jsonl
from multipub.render.junit import render_junit
from multipub.render.sarif import render_sarif
from multipub.render.text import render_text

__all__ = [
    "FORMATS",
    "LINE_FORMATS",
    "load_articles",
    "render",
    "render_github",
    "render_html",
    "render_json",
    "render_jsonl",
    "render_junit",
    "render_sarif",
    "render_text",
]

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")
# Formats whose readers place findings by line; the CLI looks the lines up for these.
LINE_FORMATS = frozenset({"sarif", "junit", "github"})


def render(report: Report, fmt: str, *, color: bool = False, fail_on: FailOn = FailOn.ERROR) -> str:
    """Return ``report`` rendered in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(report)
    if fmt == "jsonl":
        return render_jsonl(report)
    if fmt == "sarif":
        return render_sarif(report)
    if fmt == "junit":
        return render_junit(report, fail_on=fail_on)
    if fmt == "github":
        return render_github(report)
    if fmt == "text":
        return render_text(report, color=color)
    if fmt == "html":
        # The review page shows the articles' text, which a report does not hold: it is
        # read again from the files the findings name.
        return render_html(report, load_articles(report))
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
