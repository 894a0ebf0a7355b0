"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from multipub.findings import Finding, Report, Severity

__all__ = ["render_github"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _place(finding: Finding) -> str:
    parts = [p for p in (finding.article, finding.lang) if p]
    if finding.field == "blocks":
        parts.append(f"block {finding.block}")
    elif finding.field:
        parts.append(finding.field)
    return " ".join(parts)


def render_github(report: Report) -> str:
    """Return one ``::error``/``::warning``/``::notice`` line per finding."""
    lines = []
    for f in report.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
            if f.end_line and f.end_line != f.line:
                props.append(f"endLine={f.end_line}")
            if f.column:
                props.append(f"col={f.column}")
                # GitHub's endColumn is on the same line only, and inclusive.
                if f.end_column and f.end_line == f.line and f.end_column - 1 > f.column:
                    props.append(f"endColumn={f.end_column - 1}")
        props.append(f"title={_escape_property(f'{f.code} {f.name}')}")
        place = _place(f)
        message = f"{place}: {f.message}" if place else f.message
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)
