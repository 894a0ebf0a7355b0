"""Whole archives: articles streamed in, results streamed out, over every core or a cluster.

Files are read in the main process and handed to workers as units (a JSON or YAML file, or
a run of a JSONL file's lines); workers parse and check them. Results come back in input
order whatever the number of workers, so a run gives the same bytes with ``--jobs 1`` and
``--jobs 8``; at most a few units per worker are in flight, so memory stays flat on an
archive of any size.
"""

from __future__ import annotations

import dataclasses
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from multipub.config import Config
from multipub.findings import Finding, Report, Severity, finding_sort_key
from multipub.glossary import Glossary
from multipub.io import InputProblem, LoadedArticle, Unit, parse_unit, read_units

if TYPE_CHECKING:
    from multipub.corpus_index import Match
    from multipub.matcher import GlossaryIndex
    from multipub.models import Article

__all__ = ["ArticleResult", "check_corpus", "check_units", "default_jobs", "iter_results"]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What checking one article gave, or the problem that kept a file or an article
    from being checked (``problem`` set, ``article`` None)."""

    path: str
    article: str | None
    variants: int
    findings: tuple[Finding, ...]
    suppressed: tuple[Finding, ...] = ()
    problem: InputProblem | None = None
    # The article itself, only when the run compares articles with each other (MP304).
    source: Article | None = None
    # The tags of all the article's variants, checked or not: a --lang tag that none of
    # a run's articles has is a typo, reported as a usage error.
    langs: tuple[str, ...] = ()


def default_jobs() -> int:
    """Return the number of cores this process may use (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# Set in each worker by _start_worker: the run's configuration and glossary matchers.
_WORKER: dict[str, Any] = {}


def _start_worker(config: Config, glossary: Glossary | None, keep: bool = False) -> None:
    from multipub.runner import _index

    _WORKER["config"] = config
    _WORKER["index"] = _index(glossary)
    _WORKER["keep"] = keep


def check_units(
    units: list[Unit], config: Config, index: GlossaryIndex | None, *, keep: bool = False
) -> list[ArticleResult]:
    """Return the results of parsing and checking ``units``, in order (with the articles
    themselves when ``keep``)."""
    from multipub.runner import _langs, check_with_suppressed

    results: list[ArticleResult] = []
    for unit in units:
        for item in parse_unit(unit, config.limits()):
            if isinstance(item, InputProblem):
                results.append(ArticleResult(item.path, item.article, 0, (), (), item))
                continue
            result = _check_loaded(item, config, index, _langs, check_with_suppressed)
            results.append(dataclasses.replace(result, source=item.article) if keep else result)
    return results


def _check_loaded(
    item: LoadedArticle,
    config: Config,
    index: GlossaryIndex | None,
    langs: Callable[..., list[str]],
    check: Callable[..., tuple[list[Finding], list[Finding]]],
) -> ArticleResult:
    counted, silenced = check(
        item.article,
        config=config,
        glossary=index,
        path=item.path,
        line=item.line,
        places=item.places,
    )
    return ArticleResult(
        item.path,
        item.article.id,
        len(langs(item.article, config)),
        tuple(counted),
        tuple(silenced),
        langs=tuple(sorted(item.article.variants)),
    )


def _in_worker(units: list[Unit]) -> list[ArticleResult]:
    return check_units(units, _WORKER["config"], _WORKER["index"], keep=_WORKER["keep"])


def _batches(
    items: Iterable[Unit | InputProblem], size: int
) -> Iterator[list[Unit] | InputProblem]:
    """Yield units in batches of up to ``size`` (small files travel together), and the
    problems of unreadable files alone, in input order."""
    batch: list[Unit] = []
    for item in items:
        if isinstance(item, InputProblem):
            if batch:
                yield batch
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# Units per hand-over, and hand-overs in flight per worker: enough to hide the cost of
# pickling, few enough to keep memory flat.
_UNITS_PER_BATCH = 4
_IN_FLIGHT_PER_WORKER = 4


def iter_results(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config,
    glossary: Glossary | None = None,
    jobs: int = 1,
    stdin: tuple[str, str | bytes] | None = None,
    progress: Callable[[int], None] | None = None,
    corpus_index: str | None = None,
) -> Iterator[ArticleResult]:
    """Yield the result of every article (and every unreadable file) below ``paths``, in
    input order, checked by ``jobs`` processes. ``progress`` is called with the number of
    results each time some arrive. When MP304 is selected, each article is also compared
    with the articles before it in the run and with the archive of ``corpus_index`` (an
    SQLite file, created if need be, to which the run's articles are added)."""
    wanted = _wants_mp304(config, corpus_index)
    results = _checked(paths, config, glossary, jobs, stdin, progress, wanted)
    if not wanted:
        yield from results
        return
    yield from _with_corpus_duplicates(results, config, corpus_index)


def _wants_mp304(config: Config, corpus_index: str | None) -> bool:
    """Return True when MP304 runs: with an index, or when selected by its code or name.
    Comparing every article with every other costs more than all the other checks
    together (about 100 ms an article on bench_check's corpus), so a plain run of
    ``multipub check`` leaves it out."""
    from multipub.checks import select_rules

    if not any(rule.code == "MP304" for rule in select_rules(config.select, config.ignore)):
        return False
    named = {s.strip().lower() for s in config.select}
    return corpus_index is not None or bool(named & {"mp304", "corpus-duplicate"})


def _checked(
    paths: Iterable[str | os.PathLike[str]],
    config: Config,
    glossary: Glossary | None,
    jobs: int,
    stdin: tuple[str, str | bytes] | None,
    progress: Callable[[int], None] | None,
    keep: bool,
) -> Iterator[ArticleResult]:
    units = read_units(
        paths, config.limits(), exclude=config.exclude, stdin=stdin, page=config.page_options()
    )
    batches = _batches(units, _UNITS_PER_BATCH if jobs > 1 else 1)
    if jobs <= 1:
        from multipub.runner import _index

        index = _index(glossary)
        for batch in batches:
            if isinstance(batch, InputProblem):
                results = _problem_result(batch)
            else:
                results = check_units(batch, config, index, keep=keep)
            if progress is not None:
                progress(len(results))
            yield from results
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(config, glossary, keep)
    ) as pool:
        pending: deque[Future[list[ArticleResult]] | list[ArticleResult]] = deque()
        for batch in batches:
            if isinstance(batch, InputProblem):
                pending.append(_problem_result(batch))
            else:
                pending.append(pool.submit(_in_worker, batch))
            while len(pending) > jobs * _IN_FLIGHT_PER_WORKER:
                yield from _arrived(pending.popleft(), progress)
        while pending:
            yield from _arrived(pending.popleft(), progress)


def _with_corpus_duplicates(
    results: Iterable[ArticleResult], config: Config, path: str | None
) -> Iterator[ArticleResult]:
    """Yield ``results`` with MP304 findings added: each article queried against the
    index (the archive, and the run's articles before it), then added to it. The pair is
    reported once, on the later article. Without ``path`` a temporary index holds the
    run's articles (memory stays flat)."""
    import tempfile

    from multipub.corpus_index import CorpusIndex

    with tempfile.TemporaryDirectory(prefix="multipub-") as folder:
        where = path if path is not None else str(Path(folder) / "run.sqlite")
        with CorpusIndex(where) as index:
            for result in results:
                article = result.source
                if article is None:
                    yield result
                    continue
                found = _mp304_findings(article, index.query(article), result, config)
                index.add_articles([article])
                yield dataclasses.replace(
                    result,
                    findings=tuple(sorted((*result.findings, *found), key=finding_sort_key)),
                    source=None,
                )


def _mp304_findings(
    article: Article, matches: list[Match], result: ArticleResult, config: Config
) -> list[Finding]:
    """Return the MP304 findings of ``matches`` (one per block: its most similar match),
    without those a suppression in the article silences."""
    from multipub.suppressions import suppressions_of
    from multipub.text import text_span

    silenced = list(suppressions_of(article))
    override = config.severity_override("MP304")
    findings: list[Finding] = []
    seen: set[tuple[str, str, int | None]] = set()
    for match in matches:
        key = (match.lang, match.field, match.block)
        if key in seen or config.ignored_for("MP304", result.path, match.lang):
            continue
        seen.add(key)
        text = article.variants[match.lang].text_of(match.field, match.block)
        where = "the lead" if match.other_field == "lead" else f"block {match.other_block}"
        how = "word for word" if match.verbatim else f"similarity {match.similarity:.2f}"
        finding = Finding(
            code="MP304",
            name="corpus-duplicate",
            severity=override or Severity.WARNING,
            path=result.path,
            article=article.id,
            lang=match.lang,
            field=match.field,
            block=match.block,
            span=text_span(text),
            message=f"repeats {where} of article {match.other_article!r} "
            f"({match.other_lang}, {how})",
            excerpt=" ".join(text.split())[:120],
        )
        if not any(placed.covers(finding) for placed in silenced):
            findings.append(finding)
    return findings


def _problem_result(problem: InputProblem) -> list[ArticleResult]:
    return [ArticleResult(problem.path, problem.article, 0, (), (), problem)]


def _arrived(
    item: Future[list[ArticleResult]] | list[ArticleResult],
    progress: Callable[[int], None] | None,
) -> list[ArticleResult]:
    results = item.result() if isinstance(item, Future) else item
    if progress is not None:
        progress(len(results))
    return results


# ---------------------------------------------------------------------------------------
# Dask: the same checks on a cluster, partitioned by file


# Matchers built once per worker process and glossary, not once per file.
_INDEXES: dict[str, GlossaryIndex | None] = {}


def _check_file_on_worker(
    display: str, path: str | None, config: Config, glossary: Glossary | None, keep: bool = False
) -> list[ArticleResult]:
    """Return the results of one file, read and checked on a Dask worker (the files are
    on storage every worker sees, as a cluster's are)."""
    from pathlib import Path

    from multipub.io import units_of_file
    from multipub.runner import _index

    key = glossary.fingerprint() if glossary is not None else ""
    if key not in _INDEXES:
        _INDEXES[key] = _index(glossary)
    index = _INDEXES[key]
    results: list[ArticleResult] = []
    file = Path(path) if path is not None else None
    for unit in units_of_file(display, file, config.limits(), page=config.page_options()):
        if isinstance(unit, InputProblem):
            results.extend(_problem_result(unit))
        else:
            results.extend(check_units([unit], config, index, keep=keep))
    return results


def check_corpus(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    glossary: Glossary | None = None,
    client: Any = None,
    jobs: int = 1,
    corpus_index: str | None = None,
) -> Report:
    """Return the report of checking every article file below ``paths``: on the Dask
    cluster of ``client`` (a ``distributed.Client``), one task per file, else locally with
    ``jobs`` processes. The report is the one :func:`multipub.check_paths` gives, byte for
    byte once rendered.

    Requires the ``dask`` extra (``pip install 'multipub[dask]'``) for a client.
    """
    from multipub.io import discover
    from multipub.runner import check_paths, report_of

    config = config or Config()
    if client is None:
        return check_paths(
            paths, config=config, glossary=glossary, jobs=jobs, corpus_index=corpus_index
        )
    files = [
        (display, path.as_posix() if path is not None else None)
        for display, path in discover(paths, exclude=config.exclude, pages=config.pages)
    ]
    # The glossary travels to each worker once, not once per task.
    shared_glossary = client.scatter(glossary, broadcast=True) if glossary is not None else None
    if _wants_mp304(config, corpus_index) and corpus_index is None:
        from multipub.corpus_dask import check_files_with_shuffle

        shuffled, compared = check_files_with_shuffle(client, files, config, shared_glossary)
        flat: Iterable[ArticleResult] = (result for part in shuffled for result in part)
        if not compared:
            flat = _with_corpus_duplicates(flat, config, None)
        return report_of(flat, config=config, glossary=glossary)
    futures = client.map(
        _check_file_on_worker,
        [display for display, _ in files],
        [path for _, path in files],
        config=config,
        glossary=shared_glossary,
        keep=_wants_mp304(config, corpus_index),
        pure=False,
    )
    per_file: list[list[ArticleResult]] = client.gather(futures)
    results: Iterable[ArticleResult] = (result for part in per_file for result in part)
    if _wants_mp304(config, corpus_index):
        # Compared with the archive of the index file, in input order, as a local run
        # does (without an index file the comparison is a shuffle on the cluster, above).
        results = _with_corpus_duplicates(results, config, corpus_index)
    return report_of(results, config=config, glossary=glossary)
