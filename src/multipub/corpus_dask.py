"""MP304 on a Dask cluster: the run's blocks compared through a shuffle on LSH band keys.

A local run compares each article with the ones before it through the SQLite index
(:func:`multipub.corpus._with_corpus_duplicates`). On a cluster the same comparison is
split three ways, so that no machine holds the run's signatures:

1. **Map** (one task per file, where the file is checked): the file's lead and body
   blocks are signed (MinHash) and their band keys cut into ``P`` partitions by key.
2. **Shuffle**: partition ``p`` of every file goes to one task, which sorts its rows by
   (band, key) and pairs the blocks of different articles that share a key, each pair
   (later block, earlier block) in the run's order. Only these pairs reach the client.
3. **Verify** (one task per file with pairs): the estimated Jaccard of each pair from the
   two signatures, the matches thinned and turned into findings beside the file's
   articles, as the local run does.

The findings are the local run's, byte for byte: the same signatures, band keys,
threshold, boilerplate rule and order (each block is compared with the blocks of the
articles before its own). A run whose article ids repeat (the local index keeps the last
version of an article) is compared on the client instead, as is a run against an index
file (``--index``), whose archive lives in that file.
"""

from __future__ import annotations

import dataclasses
import operator
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from multipub.config import Config
from multipub.findings import finding_sort_key
from multipub.glossary import Glossary

if TYPE_CHECKING:
    from multipub.corpus import ArticleResult

__all__ = ["check_files_with_shuffle"]

# Shuffle partitions per worker: enough that a slow partition does not hold up the rest.
_PARTITIONS_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class _FileBlocks:
    """The signed lead and body blocks of one file's articles, in reading order."""

    article_ids: list[str]  # per block
    ranks: np.ndarray  # per block: the article's place in the file
    langs: list[str]
    lang_keys: list[str]
    fields: list[str]
    blocks: list[int | None]
    values: np.ndarray  # (n, NUM_PERM) uint32
    text_hashes: np.ndarray  # (n,) int64


def _sign_file(results: list[ArticleResult]) -> tuple[_FileBlocks, np.ndarray]:
    """Return the signed blocks of a file's checked articles, and their band rows
    (band, key, block index) for the shuffle."""
    from multipub.corpus_index import BANDS, NUM_PERM, _sign_units, _units

    units = []
    rank_of: dict[str, int] = {}
    for rank, result in enumerate(results):
        if result.source is not None:
            rank_of.setdefault(result.source.id, rank)
            units.extend(_units(result.source))
    ids: list[str] = []
    langs: list[str] = []
    keys: list[str] = []
    fields: list[str] = []
    blocks: list[int | None] = []
    values: list[np.ndarray] = []
    hashes: list[np.ndarray] = []
    bands: list[np.ndarray] = []
    for group in _sign_units(units):
        for unit in group.units:
            ids.append(unit.article_id)
            langs.append(unit.lang)
            keys.append(group.lang_key)
            fields.append(unit.field)
            blocks.append(unit.block)
        values.append(group.values)
        hashes.append(group.text_hashes)
        bands.append(group.bands)
    n = len(ids)
    signed = _FileBlocks(
        ids,
        np.array([rank_of[i] for i in ids], dtype=np.int64),
        langs,
        keys,
        fields,
        blocks,
        np.concatenate(values) if values else np.zeros((0, NUM_PERM), dtype=np.uint32),
        np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.int64),
    )
    band_keys = np.concatenate(bands) if bands else np.zeros((0, BANDS), dtype=np.int64)
    rows = np.empty((n * BANDS, 5), dtype=np.int64)
    rows[:, 0] = np.tile(np.arange(BANDS, dtype=np.int64), n)
    rows[:, 1] = band_keys.reshape(-1)
    rows[:, 2] = np.repeat(np.arange(n, dtype=np.int64), BANDS)
    rows[:, 3] = np.repeat(signed.ranks, BANDS)
    rows[:, 4] = np.repeat(_signature_hashes(signed.values), BANDS)
    return signed, rows


def _signature_hashes(values: np.ndarray) -> np.ndarray:
    """Return a 64-bit hash of each signature (row of ``values``): equal signatures have
    equal hashes, and two different ones one in 2**64."""
    hashes = np.zeros(len(values), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(values.shape[1]):
            hashes = (hashes ^ values[:, column].astype(np.uint64)) * np.uint64(
                0x100000001B3
            ) + np.uint64(column)
    return hashes.view(np.int64)


def _check_and_sign(
    display: str,
    path: str | None,
    config: Config,
    glossary: Glossary | None,
    partitions: int,
) -> tuple[list[ArticleResult], _FileBlocks, list[np.ndarray]]:
    """Return a file's results (with their articles), its signed blocks, and its band
    rows cut into ``partitions`` by key (map side of the shuffle)."""
    from multipub.corpus import _check_file_on_worker

    results = _check_file_on_worker(display, path, config, glossary, keep=True)
    signed, rows = _sign_file(results)
    part = (rows[:, 0] + rows[:, 1]) % partitions
    return results, signed, [rows[part == p] for p in range(partitions)]


def _pairs_in_partition(*parts: np.ndarray) -> np.ndarray:
    """Return the (later file, block, earlier file, block) pairs of one partition: blocks
    of different articles sharing a key in some band, the later in run order first
    (reduce side of the shuffle; ``parts`` in file order, each with its own file's rows:
    band, key, block, article rank, signature hash).

    A block whose very signature stands in more earlier articles than the boilerplate
    limit is left out as the later of a pair: it has that many matches, and the local run
    thins it away whatever the rest (a paragraph printed in 2,000 articles would give
    2,000,000 pairs per band otherwise). It still counts as the earlier of a pair.
    """
    from multipub.corpus_index import BOILERPLATE_ARTICLES

    tagged = [
        np.column_stack([part, np.full(len(part), number, dtype=np.int64)])
        for number, part in enumerate(parts)
        if len(part)
    ]
    if not tagged:
        return np.zeros((0, 4), dtype=np.int64)
    rows = np.concatenate(tagged)  # band, key, block, rank, signature hash, file
    # By band and key, then in run order: file, the article's place in it, the block.
    order = np.lexsort((rows[:, 2], rows[:, 3], rows[:, 5], rows[:, 1], rows[:, 0]))
    rows = rows[order]
    same = (rows[1:, 0] == rows[:-1, 0]) & (rows[1:, 1] == rows[:-1, 1])
    starts = np.flatnonzero(np.concatenate(([True], ~same)))
    ends = np.concatenate((starts[1:], [len(rows)]))
    found: list[np.ndarray] = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if end - start < 2:
            continue
        members = rows[start:end]
        articles = list(zip(members[:, 5].tolist(), members[:, 3].tolist(), strict=True))
        seen: dict[int, set[tuple[int, int]]] = {}
        for j, (article, signature) in enumerate(
            zip(articles, members[:, 4].tolist(), strict=True)
        ):
            same_text = seen.setdefault(signature, set())
            doomed = len(same_text - {article}) > BOILERPLATE_ARTICLES
            same_text.add(article)
            if doomed:
                continue
            earlier = [i for i in range(j) if articles[i] != article]
            if earlier:
                picked = members[earlier]
                found.append(
                    np.column_stack(
                        [
                            np.full(len(earlier), members[j, 5]),
                            np.full(len(earlier), members[j, 2]),
                            picked[:, 5],
                            picked[:, 2],
                        ]
                    )
                )
    if not found:
        return np.zeros((0, 4), dtype=np.int64)
    return _unique_rows(np.concatenate(found))


def _unique_rows(rows: np.ndarray) -> np.ndarray:
    """Return the distinct rows of an (n, 4) int64 array, sorted (a row read as one
    32-byte value: much faster than ``np.unique(axis=0)``)."""
    rows = np.ascontiguousarray(rows, dtype=np.int64)
    packed = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
    _, first = np.unique(packed, return_index=True)
    kept = rows[np.sort(first)]
    return kept[np.lexsort(kept.T[::-1])]


def _findings_of_file(
    results: list[ArticleResult],
    signed: _FileBlocks,
    file_number: int,
    pairs: np.ndarray,
    earlier: dict[int, _FileBlocks],
    config: Config,
) -> list[ArticleResult]:
    """Return a file's results with their MP304 findings (verify side): each pair's
    estimated Jaccard from the two signatures, then the local run's rules."""
    from multipub.corpus import _mp304_findings
    from multipub.corpus_index import (
        BOILERPLATE_ARTICLES,
        NUM_PERM,
        THRESHOLD,
        BlockRef,
        Match,
        _least_equal,
        _match_order,
        _thin_boilerplate,
    )

    least = _least_equal(THRESHOLD)
    earlier = {**earlier, file_number: signed}
    found: dict[str, dict[BlockRef, list[Match]]] = defaultdict(lambda: defaultdict(list))
    for later_block, other_file, other_block in pairs.tolist():
        other = earlier[other_file]
        if other_file == file_number:
            # Two articles of this file: the later is the one further down the file.
            later_rank, other_rank = signed.ranks[later_block], signed.ranks[other_block]
            if later_rank == other_rank:
                continue
            if later_rank < other_rank:
                later_block, other_block = other_block, later_block
        name = signed.article_ids[later_block]
        if other.article_ids[other_block] == name or (
            other.lang_keys[other_block] != signed.lang_keys[later_block]
        ):
            continue
        equal = int(np.count_nonzero(signed.values[later_block] == other.values[other_block]))
        if equal < least:
            continue
        lang, field, block = (
            signed.langs[later_block],
            signed.fields[later_block],
            signed.blocks[later_block],
        )
        found[name][BlockRef(name, lang, field, block)].append(
            Match(
                lang,
                field,
                block,
                other.article_ids[other_block],
                other.langs[other_block],
                other.fields[other_block],
                other.blocks[other_block],
                equal / NUM_PERM,
                bool(signed.text_hashes[later_block] == other.text_hashes[other_block]),
            )
        )
    checked: list[ArticleResult] = []
    for result in results:
        article = result.source
        if article is None:
            checked.append(result)
            continue
        kept = _thin_boilerplate(found.get(article.id, {}), BOILERPLATE_ARTICLES)
        matches = sorted((m for ms in kept.values() for m in ms), key=_match_order)
        added = _mp304_findings(article, matches, result, config)
        checked.append(
            dataclasses.replace(
                result,
                findings=tuple(sorted((*result.findings, *added), key=finding_sort_key)),
                source=None,
            )
        )
    return checked


def _article_ids(results: list[ArticleResult]) -> list[str]:
    return [r.source.id for r in results if r.source is not None]


def check_files_with_shuffle(
    client: Any,
    files: Sequence[tuple[str, str | None]],
    config: Config,
    glossary: Any,
) -> tuple[list[list[ArticleResult]], bool]:
    """Return the results of ``files`` (display, path) checked on the cluster of
    ``client``, per file in order, and whether MP304 was found: True through the shuffle;
    False when the run's article ids repeat, the results then carrying their articles for
    the caller to compare on the client, as a local run does."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    partitions = workers * _PARTITIONS_PER_WORKER
    mapped = client.map(
        _check_and_sign,
        [display for display, _ in files],
        [path for _, path in files],
        config=config,
        glossary=glossary,
        partitions=partitions,
        pure=False,
    )
    results = [client.submit(operator.getitem, m, 0, pure=False) for m in mapped]
    signed = [client.submit(operator.getitem, m, 1, pure=False) for m in mapped]
    cut = [client.submit(operator.getitem, m, 2, pure=False) for m in mapped]
    ids = client.gather(client.map(_article_ids, results, pure=False))
    every = [name for part in ids for name in part]
    if len(set(every)) != len(every):
        return list(client.gather(results)), False
    reduced = [
        client.submit(
            _pairs_in_partition,
            *[client.submit(operator.getitem, c, p, pure=False) for c in cut],
            pure=False,
        )
        for p in range(partitions)
    ]
    pairs = [np.asarray(part) for part in client.gather(reduced)]
    every_pair = _unique_rows(np.concatenate(pairs)) if pairs else np.zeros((0, 4), np.int64)
    by_file: dict[int, np.ndarray] = {}
    if len(every_pair):
        order = np.argsort(every_pair[:, 0], kind="stable")
        every_pair = every_pair[order]
        cuts = np.flatnonzero(np.diff(every_pair[:, 0])) + 1
        for chunk in np.split(every_pair, cuts):
            by_file[int(chunk[0, 0])] = chunk[:, 1:]
    final = []
    for number in range(len(files)):
        chunk = by_file.get(number, np.zeros((0, 3), dtype=np.int64))
        needed = sorted({int(f) for f in chunk[:, 1].tolist()} - {number})
        final.append(
            client.submit(
                _findings_of_file,
                results[number],
                signed[number],
                number,
                chunk,
                {f: signed[f] for f in needed},
                config,
                pure=False,
            )
        )
    return list(client.gather(final)), True
