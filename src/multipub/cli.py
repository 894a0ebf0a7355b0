"""The command line: parse, call the library, render, set the exit status. Nothing else.

Exit status: 0 when no finding reaches ``--fail-on``; 1 when one does; 2 for a usage error,
or when no input could be read at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import click
from pydantic import BaseModel

from multipub._version import __version__
from multipub.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    BaselineMatcher,
    apply_baseline,
    baseline_of,
    read_baseline,
    render_baseline,
)
from multipub.checks import UnknownCodeError, all_rules, get_rule, select_rules
from multipub.config import Config
from multipub.corpus import default_jobs
from multipub.findings import FailOn, Report, Severity, finding_sort_key
from multipub.glossary import Glossary, GlossaryError, load_glossary
from multipub.io import InputProblem, open_output, remove_pending_outputs, write_output
from multipub.models import Article
from multipub.project import ConfigFileError, Settings, find_config_file, load_settings
from multipub.render import FORMATS, render
from multipub.runner import report_of, unmatched_langs

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


def _dash_is_stdout(
    ctx: click.Context, param: click.Parameter | None, value: str | None
) -> str | None:
    """Return an ``--output`` value, None for "-": standard output, as the convention is."""
    return None if value == "-" else value


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
@click.option(
    "--output",
    "-o",
    callback=_dash_is_stdout,
    help="Write the report to this file (whole or not at all; - for standard output).",
)
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
@click.option(
    "--exclude",
    multiple=True,
    help="Globs of files or folders not read below a folder (added to the configuration's).",
)
@click.option(
    "--pages/--no-pages",
    default=None,
    help="Read the published pages (.html, .htm, .txt) below folders too.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file to use (default: multipub.toml or pyproject.toml "
    "[tool.multipub], found by walking up from the working directory).",
)
@click.option("--isolated", is_flag=True, help="Use no configuration file.")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Count only findings this baseline does not know.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record today's findings in this baseline file, and exit 0.",
)
@click.option(
    "--prune-baseline",
    is_flag=True,
    help="With --baseline: rewrite it without the entries that no longer match.",
)
@click.option(
    "--stdin-filename",
    help="The path shown for an article read from standard input (PATH '-').",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes checking articles at once (default: every core; 1 for small runs). "
    "The report is the same whatever the number.",
)
@click.option(
    "--index",
    "corpus_index",
    type=click.Path(dir_okay=False),
    help="SQLite index of the archive for MP304 (created if missing): the run's articles "
    "are compared with it, then added to it.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where articles are checked: local processes, or a Dask cluster (one task per file; "
    "needs the dask extra).",
)
@click.option(
    "--scheduler",
    help="With --executor dask: the scheduler's address (tcp://host:8786); default: a local "
    "cluster of --jobs workers.",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print findings only: no summary lines, no progress bar.",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per code.")
@click.pass_context
def check(
    ctx: click.Context,
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
    exclude: tuple[str, ...],
    pages: bool | None,
    config_file: Path | None,
    isolated: bool,
    baseline_file: Path | None,
    write_baseline: Path | None,
    prune_baseline: bool,
    stdin_filename: str | None,
    jobs: int | None,
    corpus_index: str | None,
    executor: str,
    scheduler: str | None,
    quiet: bool,
    statistics: bool,
) -> None:
    """Check article files (.json, .yaml, .yml, .jsonl) and directories of them, and
    published pages (.html, .htm, .txt: named, or below folders with --pages); '-' reads
    one JSON or JSONL document from standard input."""
    settings = _settings(config_file, isolated)
    given = _given(ctx)
    values: dict[str, object] = dict(settings.values)
    flags: dict[str, object] = {
        "select": _split(select),
        "ignore": _split(ignore),
        "langs": _split(lang),
        "fail_on": FailOn(fail_on),
        "langid": langid,
        "max_file_bytes": max_file_bytes,
        "max_blocks": max_blocks,
        "max_block_chars": max_block_chars,
    }
    option_of = {"langs": "lang"}
    for key, value in flags.items():
        if option_of.get(key, key) in given:
            values[key] = value
    if exclude:
        values["exclude"] = (*tuple(values.get("exclude", ()) or ()), *_split(exclude))  # type: ignore[arg-type]
    if pages is not None:
        values["pages"] = pages
    config = Config.model_validate(values)
    if "fmt" not in given and settings.format:
        fmt = settings.format
    glossary_paths = glossaries if glossaries else settings.glossary
    glossary = _load_glossary(glossary_paths) if glossary_paths else None
    if baseline_file is None and settings.baseline and write_baseline is None:
        baseline_file = Path(settings.baseline)
    if prune_baseline and baseline_file is None:
        raise click.UsageError("--prune-baseline needs --baseline FILE (or baseline in the config)")
    baseline = _read_baseline(baseline_file) if baseline_file is not None else None
    # What the run reads besides its articles: no output may overwrite them.
    read = (
        *paths,
        *glossary_paths,
        *([str(baseline_file)] if baseline_file is not None else []),
        *([str(settings.path)] if settings.path is not None else []),
    )
    stdin = None
    if "-" in paths:
        stdin = (stdin_filename or "<stdin>", sys.stdin.buffer.read())
    try:
        select_rules(config.select, config.ignore)
    except UnknownCodeError as err:
        raise click.UsageError(str(err)) from err
    if corpus_index is not None:
        _check_index(corpus_index)
    streamed = fmt == "jsonl" and executor == "local" and write_baseline is None
    if streamed and not prune_baseline:
        sys.exit(
            _stream_jsonl(
                paths,
                config,
                glossary,
                stdin=stdin,
                jobs=_jobs(jobs, paths),
                baseline=baseline,
                baseline_file=baseline_file,
                output=output,
                quiet=quiet,
                corpus_index=corpus_index,
                read=read,
                each_lang="lang" in given,
            )
        )
    if executor == "dask":
        if stdin is not None:
            raise click.UsageError("--executor dask reads files, not standard input")
        report = _check_on_dask(paths, config, glossary, scheduler, jobs, corpus_index)
    else:
        if scheduler is not None:
            raise click.UsageError("--scheduler needs --executor dask")
        from multipub.corpus import iter_results

        langs_read: set[str] = set()
        with _progress_bar(enabled=not quiet) as progress:
            results = iter_results(
                paths,
                config=config,
                glossary=glossary,
                stdin=stdin,
                jobs=_jobs(jobs, paths),
                progress=progress,
                corpus_index=corpus_index,
            )
            report = report_of(results, config=config, glossary=glossary, langs_read=langs_read)
    # The cluster's report holds no tags: there, only tags that selected nothing at all.
    each = "lang" in given and executor != "dask"
    unmatched = _tags_selecting_nothing(config, langs_read, report.summary.variants, each=each)
    if report.summary.articles and unmatched:
        raise click.UsageError(_no_variant_for(unmatched))
    if write_baseline is not None:
        _emit(render_baseline(baseline_of(report.findings)), str(write_baseline), inputs=read)
        click.echo(
            f"multipub: wrote {write_baseline}: {len(report.findings)} findings "
            "(runs with --baseline count only new ones)",
            err=True,
        )
        sys.exit(EXIT_CLEAN if report.summary.articles else EXIT_USAGE)
    if baseline is not None and baseline_file is not None:
        # --prune-baseline asks to rewrite the baseline: the one input it may overwrite.
        others = tuple(path for path in read if path != str(baseline_file))
        report = _with_baseline(
            report, baseline, baseline_file, prune=prune_baseline, inputs=others
        )
    use_color = _wants_color(color)
    content = render(
        report,
        fmt,
        color=fmt == "text" and use_color is not False and not output,
        fail_on=config.fail_on,
    )
    if fmt == "text" and quiet:
        # The findings only: the last two lines are the counts and the signature.
        content = "".join(line + "\n" for line in content.splitlines()[:-2])
    if statistics:
        content = _statistics(report) if fmt == "text" else content
    _emit(content, output, color=use_color, inputs=read)
    sys.exit(_exit_status(report, config.fail_on))


def _tags_selecting_nothing(
    config: Config, langs_read: Iterable[str], variants: int, *, each: bool
) -> list[str]:
    """Return the tags of ``config.langs`` that count as selecting nothing: with ``each``
    (tags given with --lang), every tag that no variant read falls in; else (tags of the
    configuration file, which serve many runs over some articles each) all of them, when
    no variant was selected at all."""
    if each:
        return unmatched_langs(config.langs, langs_read)
    return list(config.langs) if not variants else []


def _no_variant_for(tags: Sequence[str]) -> str:
    """Return the usage error of ``--lang`` tags that select no variant: a typo would
    otherwise pass every run, having checked nothing in that language."""
    return (
        f"--lang {','.join(tags)}: no variant of the articles read has "
        f"{'this tag' if len(tags) == 1 else 'these tags'} "
        "(a tag selects its subtags too: zh selects zh-Hans and zh-Hant)"
    )


def _stream_jsonl(
    paths: tuple[str, ...],
    config: Config,
    glossary: Glossary | None,
    *,
    stdin: tuple[str, str | bytes] | None,
    jobs: int,
    baseline: Baseline | None,
    baseline_file: Path | None,
    output: str | None,
    quiet: bool,
    corpus_index: str | None = None,
    read: tuple[str, ...],
    each_lang: bool,
) -> int:
    """Check and write JSON Lines as articles are checked (memory does not grow with the
    findings); return the exit status. Findings come in input order, each article's
    sorted, then the summary line. ``read`` are the files the run reads, which the
    output may not overwrite; ``each_lang``: each tag of ``config.langs`` must select a
    variant (tags given with --lang), else only one of them."""
    from multipub.corpus import iter_results
    from multipub.render.jsonl import finding_line, summary_line
    from multipub.runner import RunTally, signature

    tally = RunTally(config)
    matcher = BaselineMatcher(baseline) if baseline is not None else None
    fails = False
    sink: contextlib.AbstractContextManager[TextIO] = (
        open_output(output, inputs=read) if output else contextlib.nullcontext(sys.stdout)
    )
    try:
        with _progress_bar(enabled=not quiet) as progress, sink as out:
            for result in iter_results(
                paths,
                config=config,
                glossary=glossary,
                jobs=jobs,
                stdin=stdin,
                progress=progress,
                corpus_index=corpus_index,
            ):
                findings = tally.take(result)
                if matcher is not None:
                    findings, known = matcher.match(findings)
                    tally.suppressed += len(known)
                tally.count(findings)
                for finding in findings:
                    out.write(finding_line(finding))
                    fails = fails or config.fail_on.is_reached_by(finding.severity)
            rules = select_rules(config.select, config.ignore)
            out.write(
                summary_line(tally.summary(), signature(config, rules, glossary), len(tally.files))
            )
    except OSError as err:
        raise OutputError(f"cannot write {output!r}: {err.strerror or err}") from err
    if matcher is not None and baseline_file is not None:
        _tell_stale(matcher.stale(), baseline_file)
    if tally.articles == 0:
        if not tally.files:
            click.echo("multipub: no article files found", err=True)
        return EXIT_USAGE
    unmatched = _tags_selecting_nothing(config, tally.langs, tally.variants, each=each_lang)
    if unmatched:
        click.echo(f"Error: {_no_variant_for(unmatched)}", err=True)
        return EXIT_USAGE
    return EXIT_FINDINGS if fails else EXIT_CLEAN


def _tell_stale(stale: list[BaselineEntry], path: Path) -> None:
    """Say on standard error which baseline entries no longer match."""
    if not stale:
        return
    click.echo(
        f"multipub: baseline {path}: {len(stale)} entr{'y' if len(stale) == 1 else 'ies'} "
        "no longer match (--prune-baseline removes them):",
        err=True,
    )
    for entry in stale:
        where = " ".join(p for p in (entry.article, entry.lang) if p)
        click.echo(f"  {entry.code} {where}: {entry.text[:80]} (x{entry.count})", err=True)


def _check_on_dask(
    paths: tuple[str, ...],
    config: Config,
    glossary: Glossary | None,
    scheduler: str | None,
    jobs: int | None,
    corpus_index: str | None = None,
) -> Report:
    """Return the report of a run on a Dask cluster: the one at ``scheduler``, else a
    local cluster of ``jobs`` worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise click.UsageError(
            "--executor dask needs the dask extra: pip install 'multipub[dask]'"
        ) from err
    from multipub.corpus import check_corpus

    if scheduler is not None:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            return check_corpus(
                paths, config=config, glossary=glossary, client=client, corpus_index=corpus_index
            )
    workers = jobs or default_jobs()
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        return check_corpus(
            paths, config=config, glossary=glossary, client=client, corpus_index=corpus_index
        )


def _jobs(requested: int | None, paths: tuple[str, ...]) -> int:
    """Return the number of processes: as asked, else every core for a folder or a JSONL
    file, and one for a few single files (starting workers costs more than it saves)."""
    if requested is not None:
        return requested
    many = any(p != "-" and (Path(p).is_dir() or p.endswith(".jsonl")) for p in paths)
    return default_jobs() if many or len(paths) > 8 else 1


@contextlib.contextmanager
def _progress_bar(*, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """Yield a callback that advances a progress bar on standard error, or None when
    standard error is no terminal, in CI, or with ``--quiet``."""
    if not enabled or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from tqdm import tqdm

    with tqdm(unit=" articles", file=sys.stderr, leave=False, dynamic_ncols=True) as bar:

        def advance(count: int) -> None:
            bar.update(count)

        yield advance


def _given(ctx: click.Context) -> set[str]:
    """Return the names of the options given on the command line (not defaults)."""
    return {
        name
        for name in ctx.params
        if ctx.get_parameter_source(name)
        in (click.core.ParameterSource.COMMANDLINE, click.core.ParameterSource.ENVIRONMENT)
    }


def _settings(config_file: Path | None, isolated: bool) -> Settings:
    """Return the configuration file's settings (none with ``--isolated``); a file that
    cannot be used is a usage error, exit 2, in one line naming file, line and key."""
    if isolated:
        if config_file is not None:
            raise click.UsageError("--isolated and --config exclude each other")
        return Settings(path=None)
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"{config_file}: no such configuration file")
    path = config_file if config_file is not None else find_config_file(Path.cwd())
    if path is None:
        return Settings(path=None)
    try:
        return load_settings(path)
    except ConfigFileError as err:
        raise ConfigError(str(err)) from err


def _check_index(path: str) -> None:
    """Stop the run (exit 2) when ``path`` cannot serve as ``--index``: before any
    article is checked, not as an internal error halfway."""
    from multipub.corpus_index import index_problem

    problem = index_problem(path)
    if problem is not None:
        raise click.UsageError(f"--index {problem}")


class ConfigError(click.ClickException):
    """A configuration file that cannot be used: a usage error (exit 2)."""

    exit_code = EXIT_USAGE

    def show(self, file: object = None) -> None:
        click.echo(f"multipub: configuration: {self.message}", err=True)


def _read_baseline(path: Path) -> Baseline:
    try:
        return read_baseline(path)
    except BaselineError as err:
        raise ConfigError(str(err)) from err


def _with_baseline(
    report: Report, baseline: Baseline, path: Path, *, prune: bool, inputs: Iterable[str]
) -> Report:
    """Return ``report`` counting only the findings ``baseline`` does not know; say which
    entries no longer match, and rewrite the file without them with ``prune``."""
    new, known, stale = apply_baseline(report.findings, baseline)
    if not prune:
        _tell_stale(stale, path)
    if prune:
        kept = baseline_of(known)
        _emit(render_baseline(kept), str(path), inputs=inputs)
        click.echo(
            f"multipub: baseline {path}: {len(stale)} stale entr"
            f"{'y' if len(stale) == 1 else 'ies'} removed, {len(kept.entries)} kept",
            err=True,
        )
    suppressed = tuple(sorted((*report.suppressed, *known), key=finding_sort_key))
    by_severity = {s: 0 for s in Severity}
    for finding in new:
        by_severity[finding.severity] += 1
    summary = report.summary.model_copy(
        update={
            "errors": by_severity[Severity.ERROR],
            "warnings": by_severity[Severity.WARNING],
            "infos": by_severity[Severity.INFO],
            "suppressed": len(suppressed),
        }
    )
    return report.model_copy(
        update={"findings": tuple(new), "suppressed": suppressed, "summary": summary}
    )


def _statistics(report: Report) -> str:
    """Return the number of findings per code, most first, as ruff --statistics does."""
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.code, finding.name)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for _, count in rows), default=1)
    return "".join(f"{count:>{width}}  {code}  {name}\n" for (code, name), count in rows)


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


def _configuration_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add ``--config FILE`` and ``--isolated`` to a command that reads the configuration
    file (its function takes ``config_file`` and ``isolated``)."""
    command = click.option("--isolated", is_flag=True, help="Use no configuration file.")(command)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Configuration file (default: the nearest multipub.toml or pyproject.toml).",
    )(command)


@main.command("config")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file to show (default: the one found from the working directory).",
)
@click.option("--isolated", is_flag=True, help="Show the defaults, ignoring any file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def config_command(config_file: Path | None, isolated: bool, fmt: str) -> None:
    """Print the effective configuration and where each value comes from."""
    settings = _settings(config_file, isolated)
    config = Config.model_validate(settings.values)
    values = config.model_dump(mode="json")
    values["glossary"] = list(settings.glossary)
    values["baseline"] = settings.baseline
    values["format"] = settings.format or "text"
    given = {*settings.values}
    if settings.glossary:
        given.add("glossary")
    if settings.baseline:
        given.add("baseline")
    if settings.format:
        given.add("format")
    origin = settings.origin()
    if fmt == "json":
        data = {
            "file": settings.path.as_posix() if settings.path else None,
            "values": {
                key: {"value": value, "from": origin if key in given else "default"}
                for key, value in sorted(values.items())
            },
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    where = settings.path.as_posix() if settings.path else "none (defaults)"
    click.echo(f"# configuration file: {where}")
    width = max(len(f"{k} = {json.dumps(v, ensure_ascii=False)}") for k, v in values.items())
    for key, value in sorted(values.items()):
        shown = f"{key} = {json.dumps(value, ensure_ascii=False)}"
        click.echo(f"{shown:<{width}}  # {origin if key in given else 'default'}")


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
        first_sentence = r.first_sentence
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
@click.option(
    "--glossary",
    "-g",
    "context",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Glossaries that SOURCE's roles point into (checked, not written); repeatable.",
)
def glossary_convert(source: Path, target: Path, context: tuple[Path, ...]) -> None:
    """Convert a glossary between YAML, CSV and TBX, by file extension."""
    from multipub import glossary_formats

    try:
        glossary = glossary_formats.convert(source, target, context)
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
@click.option(
    "--output",
    "-o",
    callback=_dash_is_stdout,
    help="Write the report to this file (whole or not at all; - for standard output).",
)
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
    from multipub.lang import profile
    from multipub.translit import transliterate

    if profile(lang) is None:
        # An unknown tag has no rules at all: a typo would print "no rule" for every name.
        raise click.UsageError(f"--to {lang}: no language profile has this tag")
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
@click.option(
    "--output",
    "-o",
    callback=_dash_is_stdout,
    help="Write the scores to this file (whole or not at all; - for standard output).",
)
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


@main.command("stamp")
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", multiple=True, help="Only stamp these translations, e.g. ar,ru.")
@click.option("--write", is_flag=True, help="Rewrite the files (default: only show).")
@click.option("--exclude", multiple=True, help="Glob of paths below a folder to skip.")
def stamp_command(
    paths: tuple[str, ...], lang: tuple[str, ...], write: bool, exclude: tuple[str, ...]
) -> None:
    """Record in translations the revision of their source as it is now: run it when a
    translation is made or reviewed. Lists the translations whose recorded revision
    changes; --write rewrites their files (YAML keeps its comments). Exit 2 when a
    file or an article could not be read or stamped."""
    from multipub.status import stamp_files

    langs = _split(lang) or None
    run = stamp_files(paths, langs, write=write, exclude=_split(exclude))
    _tell(run.problems)
    for stamped in run.stamped:
        click.echo(stamped.describe())
    verb = "stamped" if write else "to stamp (rerun with --write)"
    files = f" in {len(run.written)} files" if write else ""
    click.echo(f"{len(run.stamped)} translations {verb}{files}")
    sys.exit(EXIT_USAGE if run.problems else EXIT_CLEAN)


@main.command("import")
@click.argument("pages", nargs=-1, required=True)
@click.option(
    "--lang",
    help="The pages' language (default: a tag in the file name, story.ar.html, or the "
    "page's lang attribute, or the language of its text).",
)
@click.option("--source-lang", help="The language the site translates from.  [default: vi]")
@click.option("--article", "article_id", help="All pages are this one article, with this id.")
@click.option("--article-selector", help="CSS selector of the article element in the HTML pages.")
@click.option(
    "-o",
    "--output",
    help="Write the articles to this file: .json (one article), .jsonl, .yaml (one article); "
    "- for standard output.",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write each article to ID.json in this folder.",
)
@_configuration_options
def import_command(
    pages: tuple[str, ...],
    lang: str | None,
    source_lang: str | None,
    article_id: str | None,
    article_selector: str | None,
    output: str | None,
    output_dir: Path | None,
    config_file: Path | None,
    isolated: bool,
) -> None:
    """Turn published pages (.html, .htm, .txt; a folder: the pages below it) into
    articles: title, lead, byline, and each paragraph, heading, caption, quote, list
    item, media reference and piece of page furniture a block. Pages of one article in
    several languages become one article (--article, or their alternate links, or a
    shared article number or path in their URLs). Prints the JSON (JSON Lines for several
    articles) unless --output or --output-dir. Exit 1 when a page could not be read, 2
    when none could."""
    from multipub.importer import article_json, import_pages
    from multipub.pages import PageOptions

    if output and output_dir:
        raise click.UsageError("--output and --output-dir exclude each other")
    output = _dash_is_stdout(click.get_current_context(), None, output)
    settings = _settings(config_file, isolated)
    config = Config.model_validate(dict(settings.values))
    try:
        options = PageOptions(
            lang=lang,
            source_lang=source_lang or config.source_lang,
            article_id=article_id,
            selector=article_selector or config.article_selector,
        )
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    run = import_pages(pages, options, config.limits())
    _tell(run.problems)
    articles = run.articles
    if not articles:
        sys.exit(EXIT_USAGE)
    suffix = Path(output).suffix.lower() if output else ""
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"cannot create {output_dir}: {err.strerror or err}") from err
        taken: set[str] = set()
        for article in articles:
            name = _file_name(article.id, taken)
            _emit(article_json(article), str(output_dir / name), inputs=pages)
        click.echo(f"{len(articles)} articles written to {output_dir}", err=True)
    elif suffix in (".json", ".yaml", ".yml") or (not output and len(articles) == 1):
        if len(articles) > 1:
            raise click.UsageError(
                f"{len(articles)} articles: write them to a .jsonl file or --output-dir"
            )
        if suffix in (".yaml", ".yml"):
            import yaml

            data = json.loads(article_json(articles[0]))
            content = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        else:
            content = article_json(articles[0])
        _emit(content, output, inputs=pages)
    else:
        content = "".join(article_json(article, indent=None) for article in articles)
        _emit(content, output, inputs=pages)
    sys.exit(EXIT_FINDINGS if run.problems else EXIT_CLEAN)


# File names are kept well under the 255 bytes most file systems allow.
_MAX_STEM_BYTES = 150


def _file_name(article_id: str, taken: set[str]) -> str:
    """Return a file name for an article id: its characters safe in any file system, at
    most 150 bytes before ".json" (a longer id is cut and keeps a hash of itself), and
    unique among ``taken`` ignoring case (macOS and Windows do), which it joins."""
    stem = re.sub(r"[^\w.-]+", "-", article_id).strip(".-") or "article"
    if len(stem.encode("utf-8")) > _MAX_STEM_BYTES:
        digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:10]
        cut = stem.encode("utf-8")[: _MAX_STEM_BYTES - 11].decode("utf-8", "ignore")
        stem = f"{cut}-{digest}"
    name, number = f"{stem}.json", 2
    while name.casefold() in taken:
        name, number = f"{stem}-{number}.json", number + 1
    taken.add(name.casefold())
    return name


@main.command("gate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--glossary", "-g", "glossaries", multiple=True, help="Glossary file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--require",
    multiple=True,
    default=("title",),
    show_default=True,
    help="Fields each variant must fill: title, lead, byline, blocks.",
)
@click.option("--lang", multiple=True, help="Only gate these variants, e.g. ar,ru.")
@_configuration_options
def gate_command(
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    fmt: str,
    require: tuple[str, ...],
    lang: tuple[str, ...],
    config_file: Path | None,
    isolated: bool,
) -> None:
    """Decide, per variant, publish or hold: held for an error finding, a translation
    made from an older source (MP601), or an empty required field. Exit 1 when anything
    is held or unreadable; 2 when nothing could be read."""
    from multipub.gate import gate_paths

    settings = _settings(config_file, isolated)
    values: dict[str, object] = dict(settings.values)
    if lang:
        values["langs"] = _split(lang)
    config = Config.model_validate(values)
    glossary_paths = glossaries if glossaries else settings.glossary
    glossary = _load_glossary(glossary_paths) if glossary_paths else None
    try:
        run = gate_paths(paths, config=config, glossary=glossary, required=_split(require))
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps(run.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(run.render_text(), nl=False)
    if not run.articles:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if run.held else EXIT_CLEAN)


@main.group("publish")
def publish_group() -> None:
    """Publish the site: hreflang alternates and the sitemap."""


@publish_group.command("alternates")
@click.argument("paths", nargs=-1, required=True)
@click.option("--base-url", required=True, help="The site's root: pages are BASE/LANG/SLUG.")
@click.option("--sitemap", "sitemap_file", help="Also write the XML sitemap to this file.")
@click.option("--format", "fmt", type=click.Choice(["json", "html"]), default="json")
@click.option(
    "--gate/--no-gate",
    "use_gate",
    default=True,
    show_default=True,
    help="Leave out the variants the gate holds (runs the checks).",
)
@click.option("--glossary", "-g", "glossaries", multiple=True, help="Glossary file.")
@click.option("--require", multiple=True, default=("title",), show_default=True)
@_configuration_options
def publish_alternates(
    paths: tuple[str, ...],
    base_url: str,
    sitemap_file: str | None,
    fmt: str,
    use_gate: bool,
    glossaries: tuple[str, ...],
    require: tuple[str, ...],
    config_file: Path | None,
    isolated: bool,
) -> None:
    """Print each article's hreflang alternates (JSON, or <link> lines with --format
    html): every published variant and x-default, the source's URL. Exit 1 when a file
    could not be read, 2 when none could."""
    from multipub.gate import gate_paths
    from multipub.publish import alternates, hreflang_links, sitemap

    settings = _settings(config_file, isolated)
    config = Config.model_validate(dict(settings.values))
    glossary_paths = glossaries if glossaries else settings.glossary
    glossary = _load_glossary(glossary_paths) if glossary_paths and use_gate else None
    try:
        run = gate_paths(paths, config=config, glossary=glossary, required=_split(require))
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    _tell(run.problems)
    decisions = run.decisions if use_gate else None
    try:
        links = alternates(run.articles, base_url, decisions=decisions)
        if sitemap_file:
            _emit(sitemap(run.articles, base_url, decisions), sitemap_file, inputs=paths)
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    if fmt == "html":
        content = "".join(
            f"<!-- {article_id} -->\n{hreflang_links(pairs)}" for article_id, pairs in links.items()
        )
    else:
        data = {
            article_id: [{"hreflang": tag, "href": url} for tag, url in pairs]
            for article_id, pairs in links.items()
        }
        content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    click.echo(content, nl=False)
    if not run.articles:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if run.problems else EXIT_CLEAN)
