"""The glossary report rendered as JSON, Markdown or one self-contained HTML page.

The data comes from :func:`multipub.glossary_report.build_report`; nothing is computed here
beyond layout (bar widths, column lists). The templates live in ``multipub/templates``. The
HTML page loads nothing from the network: its style and script are inline and its Content
Security Policy forbids every fetch. Every piece of article or glossary text is escaped
(Jinja autoescaping for HTML, :func:`_md_escape` applied to every value for Markdown).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


__all__ = ["render_report_html", "render_report_json", "render_report_markdown"]

KINDS = ("preferred", "accepted", "forbidden", "other")
KIND_LABELS = {
    "preferred": "house form",
    "accepted": "accepted",
    "forbidden": "forbidden",
    "other": "other form",
    "source": "source text",
}
# Markdown markers of the rendering kinds (the legend in the Markdown report explains them).
KIND_MARKS = {"preferred": "✓", "accepted": "≈", "forbidden": "✗", "other": "?", "source": "·"}

# Geometry of the coverage chart, in SVG user units.
_CHART_LABEL = 72
_CHART_BAR = 520
_CHART_ROW = 30
_CHART_TOP = 30
_CHART_RIGHT = 120

# Characters that CommonMark lets be backslash-escaped and that could change a cell's markup.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!])")


class _Verbatim(str):
    """Markdown text that is inserted as it is (a fenced code block, a computed bar)."""

    __slots__ = ()


# Bidirectional classes that can reorder the text around them: right-to-left letters and
# the embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069).
_REORDERING = frozenset({"R", "AL", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _REORDERING for c in text)


def isolated(value: Any) -> Any:
    """Return text that may reorder its neighbours (right-to-left letters, U+202E)
    between FSI and PDI, so that it cannot; any other value as it is."""
    if isinstance(value, str) and _has_rtl(value):
        return f"\u2068{value}\u2069"
    return value


def _md_escape(value: Any) -> Any:
    """Escape one value for a Markdown line or table cell (the ``finalize`` of the Markdown env).

    Newlines become spaces, Markdown punctuation (``|`` included) is backslash-escaped, a
    leading list or heading marker is escaped, and right-to-left text is isolated (FSI ... PDI)
    so that it cannot reorder its neighbours.
    """
    if value is None:
        return "—"
    if isinstance(value, _Verbatim) or not isinstance(value, str):
        return value
    text = " ".join(value.splitlines())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if text[:1] in ("-", "+", "="):
        text = "\\" + text
    if _has_rtl(text):
        text = f"\u2068{text}\u2069"
    return text


def _verbatim(value: Any) -> _Verbatim:
    return _Verbatim(str(value))


def _fence(text: str) -> _Verbatim:
    """Return a backtick fence longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return _Verbatim("`" * max(3, longest + 1))


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


def _text_bar(value: float | None, width: int = 20) -> _Verbatim:
    """Return the house-form share as a bar of block characters (empty for no mentions)."""
    if value is None:
        return _Verbatim("")
    full = round(width * value / 100)
    return _Verbatim("█" * full + "░" * (width - full))


def _sha256_base64(script: str) -> str:
    """Return the base64 SHA-256 of ``script``, as a CSP ``'sha256-...'`` source needs it."""
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _environment(*, markdown: bool) -> jinja2.Environment:
    import jinja2  # here, not at the top: 13 ms of every start-up that renders no report

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("multipub", "templates"),
        autoescape=False
        if markdown
        else jinja2.select_autoescape(("html", "html.j2"), default=True),
        finalize=_md_escape if markdown else None,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        share=_share,
        text_bar=_text_bar,
        verbatim=_verbatim,
        fence=_fence,
        sha256_base64=_sha256_base64,
        isolated=isolated,
    )
    return env


@cache
def _template(name: str) -> jinja2.Template:
    return _environment(markdown=name.endswith(".md.j2")).get_template(name)


def _languages(data: Mapping[str, Any]) -> list[str]:
    """Return the article languages: those of the coverage, then any other an entry uses."""
    langs = list(data["coverage"])
    extra = {lang for e in data["entries"] for lang in e["languages"] if lang not in langs}
    return langs + sorted(extra)


def _suggestion_languages(data: Mapping[str, Any]) -> list[str]:
    langs: list[str] = []
    for row in data["unknown_names"]:
        langs.extend(lang for lang in row["suggestions"] if lang not in langs)
    return langs


def _chart(coverage: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Return the coverage chart's geometry: one stacked bar per language, in kind order."""
    bars = []
    # The source language is what the house forms translate: it has no bar.
    rated = [(lang, counts) for lang, counts in coverage.items() if not counts.get("source")]
    for row, (lang, counts) in enumerate(rated):
        total = counts["mentions"]
        x = float(_CHART_LABEL)
        segments = []
        for kind in KINDS:
            count = counts.get(kind, 0)
            if not total or not count:
                continue
            width = _CHART_BAR * count / total
            segments.append(
                {
                    "kind": kind,
                    "count": count,
                    "x": f"{x:.2f}",
                    "width": f"{width:.2f}",
                    "share": f"{100 * count / total:.1f}",
                }
            )
            x += width
        bars.append(
            {
                "lang": lang,
                "y": _CHART_TOP + row * _CHART_ROW,
                "mentions": total,
                "share": counts.get("house_form_share"),
                "segments": segments,
            }
        )
    return {
        "bars": bars,
        "label": _CHART_LABEL,
        "bar": _CHART_BAR,
        "bar_height": _CHART_ROW - 10,
        "end": _CHART_LABEL + _CHART_BAR,
        "width": _CHART_LABEL + _CHART_BAR + _CHART_RIGHT,
        "height": _CHART_TOP + max(len(bars), 1) * _CHART_ROW + 4,
        "axis_y": _CHART_TOP + max(len(bars), 1) * _CHART_ROW - 6,
        "ticks": [
            {"x": _CHART_LABEL + _CHART_BAR * pct // 100, "label": f"{pct} %"}
            for pct in (0, 25, 50, 75, 100)
        ],
    }


def _context(data: Mapping[str, Any]) -> dict[str, Any]:
    seen = [e for e in data["entries"] if e["languages"]]
    return {
        "data": data,
        "languages": _languages(data),
        "suggestion_languages": _suggestion_languages(data),
        "seen_entries": seen,
        "kinds": KINDS,
        "kind_labels": KIND_LABELS,
        "kind_marks": KIND_MARKS,
        "chart": _chart(data["coverage"]),
    }


def render_report_json(data: Mapping[str, Any]) -> str:
    """Return the report data as pretty-printed JSON (not ASCII-escaped), newline-ended."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_report_markdown(data: Mapping[str, Any]) -> str:
    """Return the report as GitHub-flavoured Markdown: tables, and YAML in fenced blocks."""
    return _template("glossary_report.md.j2").render(_context(data))


def render_report_html(data: Mapping[str, Any]) -> str:
    """Return the report as one self-contained HTML page (inline style, script and SVG chart)."""
    return _template("glossary_report.html.j2").render(_context(data))
