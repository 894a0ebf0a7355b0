"""The command line: parse, call the library, render, set the exit status. Nothing else.

Exit status: 0 when no finding reaches ``--fail-on``; 1 when one does; 2 for a usage error,
or when no input could be read at all.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterable
from pathlib import Path

import click
from pydantic import BaseModel

from multipub._version import __version__
from multipub.checks import UnknownCodeError, all_rules, get_rule
from multipub.config import Config
from multipub.findings import FailOn, Report
from multipub.glossary import Glossary, GlossaryError, load_glossary
from multipub.io import InputProblem, remove_pending_outputs, write_output
from multipub.models import Article
from multipub.render import FORMATS, LINE_FORMATS, render
from multipub.runner import check_paths, locate_lines

__all__ = ["main"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
# What a shell reports for a run stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130


class OutputError(click.ClickException):
    """An output file that cannot be written: the run is broken, not failing (exit 2)."""

    exit_code = EXIT_USAGE


class _Group(click.Group):
    """The command group: an error multipub did not foresee exits 3 with one line (the
    traceback with ``--debug``), so that CI tells a broken tool from failing articles."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("multipub: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as error:
            if ctx.params.get("debug") or os.environ.get("MULTIPUB_DEBUG"):
                traceback.print_exc()
            where = "" if ctx.params.get("debug") else " (run with --debug for the traceback)"
            click.echo(
                f"multipub: internal error: {type(error).__name__}: {error}{where}", err=True
            )
            ctx.exit(EXIT_INTERNAL)


def _split(values: Iterable[str]) -> tuple[str, ...]:
    """Return comma- or space-separated option values as one flat tuple."""
    return tuple(part for value in values for part in value.replace(",", " ").split())


def _emit(
    content: str,
    output: str | None,
    *,
    color: bool | None = None,
    inputs: Iterable[str] = (),
) -> None:
    if output:
        try:
            write_output(output, content, inputs=inputs)
        except OSError as err:
            raise OutputError(f"cannot write {output!r}: {err.strerror or err}") from err
    else:
        click.echo(content, nl=False, color=color)


def _tell(problems: Iterable[InputProblem]) -> None:
    """Say on standard error, as ``check``'s MP000 does, what could not be read."""
    for problem in problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        inside = f" ({problem.json_path})" if problem.json_path else ""
        click.echo(f"multipub: {where}: MP000 input-error: {problem.message}{inside}", err=True)


def _wants_color(flag: bool | None) -> bool | None:
    if flag is not None:
        return flag
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return False if os.environ.get("NO_COLOR") else None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="multipub")
@click.option("--debug", is_flag=True, help="Print the traceback of an internal error.")
def main(debug: bool) -> None:
    """Translation quality checks for multilingual news articles.

    Exit status: 0 no finding reaches --fail-on; 1 findings do; 2 a usage error, a glossary
    that does not load, nothing readable or an output that cannot be written; 3 an internal
    error; 130 interrupted.
    """
    # SIGTERM (a CI job cancelled) leaves no half-written report behind.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)


def _terminated(signum: int, frame: object) -> None:
    remove_pending_outputs()
    sys.exit(128 + signum)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--output", "-o", help="Write the report to this file (whole or not at all).")
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option("--select", multiple=True, help="Codes or prefixes to run, e.g. MP3,MP503.")
@click.option("--ignore", multiple=True, help="Codes or prefixes not to run.")
@click.option("--lang", multiple=True, help="Only check these variants, e.g. ar,ru.")
@click.option(
    "--glossary",
    "-g",
    "glossaries",
    multiple=True,
    help="Glossary file or directory (YAML, CSV, TBX); repeat to combine several.",
)
@click.option(
    "--langid",
    type=click.Choice(["lingua", "langdetect"]),
    default="lingua",
    show_default=True,
    help="Language identifier for MP303 and MP401.",
)
@click.option("--color/--no-color", default=None, help="Colour the text report.")
@click.option(
    "--max-file-bytes",
    type=click.IntRange(min=1),
    default=Config().max_file_bytes,
    show_default=True,
    help="Larger article files are an MP000, not read.",
)
@click.option(
    "--max-blocks",
    type=click.IntRange(min=1),
    default=Config().max_blocks,
    show_default=True,
    help="A variant with more blocks is an MP000, not checked.",
)
@click.option(
    "--max-block-chars",
    type=click.IntRange(min=1),
    default=Config().max_block_chars,
    show_default=True,
    help="An article with a longer block is an MP000, not checked.",
)
def check(
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    langid: str,
    fmt: str,
    output: str | None,
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lang: tuple[str, ...],
    color: bool | None,
    max_file_bytes: int,
    max_blocks: int,
    max_block_chars: int,
) -> None:
    """Check article files (.json, .yaml, .yml, .jsonl) and directories of them."""
    config = Config(
        select=_split(select),
        ignore=_split(ignore),
        langs=_split(lang),
        fail_on=FailOn(fail_on),
        langid=langid,
        max_file_bytes=max_file_bytes,
        max_blocks=max_blocks,
        max_block_chars=max_block_chars,
    )
    glossary = _load_glossary(glossaries) if glossaries else None
    try:
        report = check_paths(paths, config=config, glossary=glossary)
    except UnknownCodeError as err:
        raise click.UsageError(str(err)) from err
    if config.langs and report.summary.articles and not report.summary.variants:
        # A --lang that selects nothing would pass every run: a typo is a usage error.
        raise click.UsageError(
            f"--lang {','.join(config.langs)} matches no variant of the articles read "
            "(a tag selects its subtags too: zh selects zh-Hans and zh-Hant)"
        )
    if fmt in LINE_FORMATS:
        report = report.model_copy(update={"findings": tuple(locate_lines(report.findings))})
    use_color = _wants_color(color)
    content = render(
        report,
        fmt,
        color=fmt == "text" and use_color is not False and not output,
        fail_on=config.fail_on,
    )
    _emit(content, output, color=use_color, inputs=paths)
    sys.exit(_exit_status(report, config.fail_on))


def _load_glossary(paths: Iterable[str]) -> Glossary:
    """Return the combined glossary, or exit 2 with every problem listed (a usage error:
    checking without the glossary the user asked for would pass defects silently)."""
    try:
        return load_glossary(list(paths))
    except GlossaryError as err:
        for problem in err.problems:
            click.echo(f"multipub: glossary: {problem.describe()}", err=True)
        sys.exit(EXIT_USAGE)


def _exit_status(report: Report, fail_on: FailOn) -> int:
    if report.summary.articles == 0:
        if report.files == 0:
            click.echo("multipub: no article files found", err=True)
        return EXIT_USAGE
    return EXIT_FINDINGS if report.fails(fail_on) else EXIT_CLEAN


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_command(fmt: str) -> None:
    """List every check: code, name, default severity."""
    rules = all_rules()
    if fmt == "json":
        data = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary}
            for r in rules
        ]
        click.echo(json.dumps({"rules": data}, ensure_ascii=False, indent=2))
        return
    for r in rules:
        first_sentence = r.summary.split(". ")[0].rstrip(".")
        click.echo(f"{r.code}  {r.name:<22} {r.severity.value:<8} {first_sentence}")


@main.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Print the documentation of one check (by code or name)."""
    try:
        click.echo(get_rule(code).doc(), nl=False)
    except UnknownCodeError as err:
        raise click.UsageError(str(err)) from err


_SCHEMAS: dict[str, type[BaseModel]] = {"article": Article, "report": Report, "config": Config}


@main.command("schema")
@click.argument("what", type=click.Choice(sorted(_SCHEMAS)))
def schema_command(what: str) -> None:
    """Print the JSON Schema of an article file, a JSON report or the configuration."""
    schema = _SCHEMAS[what].model_json_schema()
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))


@main.group("glossary")
def glossary_group() -> None:
    """Validate and convert glossary files."""


@glossary_group.command("validate")
@click.argument("paths", nargs=-1, required=True)
def glossary_validate(paths: tuple[str, ...]) -> None:
    """Check glossary files (YAML, CSV, TBX), alone and combined; exit 1 if invalid."""
    try:
        glossary = load_glossary(list(paths))
    except GlossaryError as err:
        for problem in err.problems:
            click.echo(problem.describe())
        click.echo(f"{len(err.problems)} problem{'s' if len(err.problems) != 1 else ''}")
        sys.exit(EXIT_FINDINGS)
    kinds: dict[str, int] = {}
    for entry in glossary.entries:
        kinds[entry.kind.value] = kinds.get(entry.kind.value, 0) + 1
    counts = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    click.echo(
        f"{glossary.name}: {len(glossary.entries)} entries ({counts}); languages: "
        f"{', '.join(glossary.languages())}; fingerprint {glossary.fingerprint()}"
    )


@glossary_group.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
def glossary_convert(source: Path, target: Path) -> None:
    """Convert a glossary between YAML, CSV and TBX, by file extension."""
    from multipub import glossary_formats

    try:
        glossary = glossary_formats.convert(source, target)
    except GlossaryError as err:
        for problem in err.problems:
            click.echo(f"multipub: glossary: {problem.describe()}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"{target}: {len(glossary.entries)} entries written")


@glossary_group.command("report")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--glossary",
    "-g",
    "glossaries",
    multiple=True,
    required=True,
    help="Glossary files or directories (repeat to combine).",
)
@click.option("--format", "fmt", type=click.Choice(["html", "md", "json"]), default="html")
@click.option("--output", "-o", help="Write the report to this file (whole or not at all).")
def glossary_report(
    paths: tuple[str, ...], glossaries: tuple[str, ...], fmt: str, output: str | None
) -> None:
    """Report what the glossary covers in the articles below PATHS, and what it lacks."""
    from multipub.glossary_report import build_report
    from multipub.render.report import (
        render_report_html,
        render_report_json,
        render_report_markdown,
    )

    problems: list[InputProblem] = []
    data = build_report(paths, _load_glossary(glossaries), problems)
    _tell(problems)
    if not data["articles"]:
        click.echo("multipub: no article could be read", err=True)
        sys.exit(EXIT_USAGE)
    renderers = {
        "html": render_report_html,
        "md": render_report_markdown,
        "json": render_report_json,
    }
    _emit(renderers[fmt](data), output, inputs=(*paths, *glossaries))


@main.command("translit")
@click.argument("names", nargs=-1, required=True)
@click.option("--to", "lang", required=True, help="Target language tag: en, fr, ru, ar, zh...")
@click.option(
    "--kind",
    type=click.Choice(["person", "place"]),
    default="person",
    show_default=True,
    help="Russian writes place names as one word.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def translit_command(names: tuple[str, ...], lang: str, kind: str, fmt: str) -> None:
    """Print the expected spellings of Vietnamese names in another language, preferred
    first."""
    from multipub.translit import transliterate

    results = [
        {"name": name, "lang": lang, "forms": transliterate(name, lang, kind=kind)}
        for name in names
    ]
    if fmt == "json":
        click.echo(json.dumps({"results": results}, ensure_ascii=False, indent=2))
        return
    for result in results:
        forms = result["forms"]
        shown = " | ".join(forms) if forms else "(no rule for this name or language)"
        click.echo(f"{result['name']} -> {shown}")


@main.command("score")
@click.argument("paths", nargs=-1, required=True)
@click.option("--glossary", "-g", "glossaries", multiple=True, help="Glossary files or dirs.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--output", "-o", help="Write the scores to this file (whole or not at all).")
def score_command(
    paths: tuple[str, ...], glossaries: tuple[str, ...], fmt: str, output: str | None
) -> None:
    """Score translation consistency per article and language, and per language and month."""
    from multipub.io import LoadedArticle, iter_articles
    from multipub.scoring import repeats, score_paths, summarize

    glossary = _load_glossary(glossaries) if glossaries else None
    problems: list[InputProblem] = []
    results = score_paths(paths, glossary=glossary, problems=problems)
    _tell(problems)
    if not results:
        click.echo("multipub: no scorable article found", err=True)
        sys.exit(EXIT_USAGE)
    summary = summarize(results)
    recurring = repeats(
        item.article for item in iter_articles(paths) if isinstance(item, LoadedArticle)
    )
    if fmt == "json":
        data = {
            "variants": [r.as_dict() for r in results],
            "by_language_and_month": summary,
            "repeats": recurring,
        }
        _emit(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n",
            output,
            inputs=(*paths, *glossaries),
        )
        return
    lines = []
    for result in results:
        shown = ", ".join(
            # As the JSON output writes them: rounded to two decimals.
            f"{name} {round(value, 2)}"
            for name, value in result.scores.items()
            if value is not None
        )
        lines.append(f"{result.article} {result.lang}: {shown or 'nothing to score'}")
        if result.reference is not None:
            for metric, signature in result.reference.signatures.items():
                lines.append(f"    {metric}: {signature}")
    for lang, row in recurring.items():
        lines.append(f"repeats {lang}: {row['score']} over {row['groups']} recurring blocks")
    lines.append("by language and month:")
    for lang, months in summary.items():
        for month, row in months.items():
            values = ", ".join(f"{k} {v}" for k, v in row.items())
            lines.append(f"  {lang} {month}: {values}")
    _emit("\n".join(lines) + "\n", output, inputs=(*paths, *glossaries))
