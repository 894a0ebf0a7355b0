"""The human-readable report: grouped by file and article, with the offending excerpt."""

from __future__ import annotations

from itertools import groupby

from multipub.findings import Finding, Report, Severity

__all__ = ["render_text"]

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _place(f: Finding) -> str:
    at = ""
    if f.line:
        at = f"{f.line}:{f.column}" if f.column else f"line {f.line}"
    if f.field is None:
        inside = f"{f.lang} " if f.lang else ""
        return f"{inside}{at}".strip() or "file"
    where = f"{f.lang} {f.field}"
    if f.block is not None:
        where += f"[{f.block}]"
    if f.span is not None:
        where += f" {f.span[0]}:{f.span[1]}"
    return f"{at} {where}" if at else where


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render_text(report: Report, *, color: bool = False) -> str:
    """Return the report as indented plain text (ANSI colours when ``color`` is True)."""
    out: list[str] = []
    for path, in_file in groupby(report.findings, key=lambda f: f.path):
        out.append(_paint(path, "1", color))
        for article, in_article in groupby(in_file, key=lambda f: f.article):
            indent = "  "
            if article is not None:
                out.append(f"  article {article}")
                indent = "    "
            for f in in_article:
                severity = _paint(f.severity.value, _COLORS[f.severity], color)
                out.append(f"{indent}{_place(f)}  {f.code} {f.name} ({severity}): {f.message}")
                if f.excerpt:
                    # Isolate the excerpt (FSI ... PDI) so right-to-left text cannot reorder
                    # the line around it in a terminal that applies the bidi algorithm.
                    out.append(f"{indent}    \u2068{f.excerpt}\u2069")
    s = report.summary
    silenced = f", {s.suppressed} suppressed" if s.suppressed else ""
    out.append(
        f"{_plural(s.errors, 'error')}, {_plural(s.warnings, 'warning')}, "
        f"{_plural(s.infos, 'info')}{silenced} in {_plural(s.articles, 'article')} "
        f"({_plural(s.variants, 'variant')}, {_plural(report.files, 'file')})"
    )
    out.append(f"signature: {report.signature}")
    return "\n".join(out) + "\n"
