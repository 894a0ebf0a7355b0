"""Findings and reports: data first (JSON-equivalent models), rendered elsewhere."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from multipub.models import TextField

__all__ = [
    "FailOn",
    "Finding",
    "Related",
    "Report",
    "Severity",
    "Summary",
    "Suppressed",
    "ToolInfo",
    "finding_sort_key",
]


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Return 3 for error, 2 for warning, 1 for info (higher is worse)."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class FailOn(StrEnum):
    """The lowest severity that makes ``multipub check`` exit with status 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"

    def is_reached_by(self, severity: Severity) -> bool:
        """Return True when a finding of ``severity`` should fail the run."""
        if self is FailOn.NEVER:
            return False
        return severity.rank >= Severity(self.value).rank


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Related(_Frozen):
    """Another place of the same variant that a finding points to."""

    field: TextField
    block: int | None = None
    lang: str | None = Field(
        default=None, description="set when the place is in another variant (the source)"
    )


class Suppressed(_Frozen):
    """Why a finding is not counted: silenced in the article, or known in the baseline."""

    kind: str = Field(description="'in-article' (a suppression with a reason) or 'baseline'")
    reason: str


class Finding(_Frozen):
    """One problem at one place (CONTRACT §4)."""

    code: str
    name: str
    severity: Severity
    path: str
    article: str | None = None
    lang: str | None = None
    field: TextField | None = None
    block: int | None = None
    span: tuple[int, int] | None = Field(
        default=None, description="[start, end) in Python string indices into the field's text"
    )
    message: str
    related: tuple[Related, ...] = ()
    entry: str | None = Field(default=None, description="the glossary entry id involved")
    line: int | None = Field(
        default=None, description="1-based line of the span's start in the input file"
    )
    column: int | None = Field(
        default=None,
        description="1-based column of the span's start, in Unicode code points of the line",
    )
    end_line: int | None = Field(default=None, description="line of the span's end")
    end_column: int | None = Field(
        default=None, description="1-based column just after the span's last character"
    )
    excerpt: str | None = Field(
        default=None, description="the text at span, white space collapsed, at most 120 chars"
    )
    suppressed: Suppressed | None = Field(
        default=None, description="set on the findings of Report.suppressed: why not counted"
    )


_FIELD_ORDER = {"title": 0, "lead": 1, "byline": 2, "blocks": 3, None: -1}


def finding_sort_key(f: Finding) -> tuple[object, ...]:
    """Return the fixed key findings are sorted by, so every run prints the same bytes."""
    span = f.span or (-1, -1)
    return (
        f.path,
        f.line or 0,
        f.article or "",
        f.lang or "",
        _FIELD_ORDER[f.field],
        -1 if f.block is None else f.block,
        span[0],
        span[1],
        f.code,
        f.message,
        f.entry or "",
    )


class ToolInfo(_Frozen):
    """The tool that produced a report."""

    name: str = "multipub"
    version: str


class Summary(_Frozen):
    """Counts of what a report covers."""

    articles: int = 0
    variants: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    suppressed: int = Field(default=0, description="findings silenced in articles or baselined")


class Report(_Frozen):
    """Everything one run found: the JSON of ``multipub check --format json``."""

    tool: ToolInfo
    summary: Summary
    findings: tuple[Finding, ...]
    suppressed: tuple[Finding, ...] = Field(
        default=(), description="findings not counted: silenced in an article, or baselined"
    )
    signature: str = Field(
        description="what produced this report: multipub version, enabled codes, config hash"
    )
    files: int = Field(default=0, description="input files read (including unreadable ones)")

    def worst(self) -> Severity | None:
        """Return the most serious severity among the findings, or None when there are none."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    def fails(self, fail_on: FailOn) -> bool:
        """Return True when some finding reaches ``fail_on``."""
        return any(fail_on.is_reached_by(f.severity) for f in self.findings)
