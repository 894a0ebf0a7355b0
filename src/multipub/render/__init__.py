"""Renderers: a :class:`~multipub.findings.Report` in, a string out. No checking here."""

from multipub.findings import Report
from multipub.render.github import render_github
from multipub.render.json import render_json
from multipub.render.text import render_text

__all__ = ["FORMATS", "render", "render_github", "render_json", "render_text"]

FORMATS = ("text", "json", "github")


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """Return ``report`` rendered in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(report)
    if fmt == "github":
        return render_github(report)
    if fmt == "text":
        return render_text(report, color=color)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
