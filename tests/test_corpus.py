"""Corpus runs: the same report whatever --jobs, JSONL streamed, progress counted."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from multipub import Config, check_paths
from multipub.cli import main
from multipub.io import Limits, iter_articles

_VI = [
    "Tỉnh vừa khánh thành cây cầu thứ {n} bắc qua sông Lam sau hai năm thi công.",
    "Người dân hai bên bờ không còn phải đi đò qua sông mỗi ngày nữa.",
]
_RU = [
    "В провинции открыли {n}-й мост через реку Лам после двух лет строительства.",
    "Жителям обоих берегов больше не нужно каждый день переправляться на лодке.",
]
_AR = [
    "افتتحت المقاطعة الجسر رقم {n} فوق نهر لام بعد عامين من البناء.",
    "لم يعد سكان الضفتين مضطرين لعبور النهر بالقارب كل يوم.",
]


def _article(n: int) -> dict[str, object]:
    ru = [t.format(n=n) for t in _RU]
    if n % 7 == 0:
        ru.append(ru[1])  # a repeat now and then: findings to order
    ar = [t.format(n=n + 1 if n % 11 == 0 else n) for t in _AR]  # a changed number
    return {
        "id": f"bridge-{n:04d}",
        "source_lang": "vi",
        "variants": {
            "vi": {"title": f"Khánh thành cầu số {n}", "blocks": [t.format(n=n) for t in _VI]},
            "ru": {"title": f"Открыт мост № {n}", "blocks": ru},
            "ar": {"title": f"افتتاح الجسر رقم {n}", "blocks": ar},
        },
    }


def _archive(root: Path) -> Path:
    """Write an archive: JSON files in folders, a JSONL feed of 150 articles with a broken
    line, a YAML file and files that cannot be read."""
    archive = root / "archive"
    for n in range(30):
        folder = archive / f"2024-{n % 3 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{n:03d}.json").write_text(json.dumps(_article(n), ensure_ascii=False), "utf-8")
    lines = [json.dumps(_article(100 + n), ensure_ascii=False) for n in range(150)]
    lines[40] = '{"id": "broken", "source_lang": "vi",'
    (archive / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (archive / "bad.json").write_text("{", "utf-8")
    (archive / "latin1.json").write_bytes(b'{"id": "caf\xe9"}')
    return archive


def test_jobs_give_the_same_bytes(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    outputs = set()
    for jobs in ("1", "2", "3"):
        for fmt in ("json", "sarif", "junit", "text"):
            result = CliRunner().invoke(
                main, ["check", str(archive), "--format", fmt, "--jobs", jobs, "--isolated"]
            )
            assert result.exit_code == 1, result.output
            outputs.add((fmt, result.output))
    assert len(outputs) == 4  # one output per format, whatever --jobs
    report = json.loads(next(out for fmt, out in outputs if fmt == "json"))
    assert report["summary"]["articles"] == 30 + 149
    broken = [f for f in report["findings"] if f["code"] == "MP000" and "feed" in f["path"]]
    assert [f["line"] for f in broken] == [41]


def test_progress_counts_every_result(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    seen: list[int] = []
    report = check_paths([archive], jobs=2, progress=seen.append)
    assert sum(seen) == report.summary.articles + 3  # and the three unreadable ones


def test_jsonl_is_read_line_by_line_with_the_limit_per_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    big = _article(1)
    big["variants"]["vi"]["blocks"].append("chữ " * 400)  # type: ignore[index]
    feed.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in (_article(0), big, _article(2))),
        "utf-8",
    )
    items = list(iter_articles([feed], Limits(max_file_bytes=1500)))
    assert [getattr(i, "line", None) for i in items] == [1, 2, 3]
    problem = items[1]
    assert "max_file_bytes" in getattr(problem, "message", "")
    # The file as a whole is over the limit; its lines are not, and are checked.
    assert check_paths([feed], config=Config(max_file_bytes=1500)).summary.articles == 2


def test_dask_local_cluster_gives_the_local_report(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    from multipub import check_corpus, render
    from multipub.glossary import load_glossary

    archive = _archive(tmp_path)
    root = Path(__file__).resolve().parents[1]
    glossary = load_glossary([root / "glossaries"])
    config = Config(select=("MP0", "MP1", "MP3", "MP5"))
    local = check_paths([archive], config=config, glossary=glossary)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = check_corpus([archive], config=config, glossary=glossary, client=client)
    assert render(on_dask, "json") == render(local, "json")
    assert on_dask.summary.articles == 30 + 149


def test_jsonl_streamed_equals_the_rendered_report(tmp_path: Path) -> None:
    from multipub import render

    archive = _archive(tmp_path)
    report = check_paths([archive])
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.jsonl"
        result = CliRunner().invoke(
            main,
            ["check", str(archive), "--format", "jsonl", "-j", jobs, "--isolated", "-o", str(out)],
        )
        assert result.exit_code == 1, result.output
        assert out.read_text("utf-8") == render(report, "jsonl")
    lines = out.read_text("utf-8").splitlines()
    assert json.loads(lines[-1])["summary"]["articles"] == 179
    assert all("code" in json.loads(line) for line in lines[:-1])


def test_jsonl_stream_honours_the_baseline(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    base = tmp_path / "base.json"
    runner = CliRunner()
    assert (
        runner.invoke(
            main, ["check", str(archive), "--isolated", "--write-baseline", str(base)]
        ).exit_code
        == 0
    )
    result = runner.invoke(
        main, ["check", str(archive), "--isolated", "--format", "jsonl", "--baseline", str(base)]
    )
    assert result.exit_code == 0, result.output
    last = json.loads(result.output.splitlines()[-1])
    assert last["summary"]["errors"] == last["summary"]["warnings"] == 0
    assert last["summary"]["suppressed"] > 0


_PASTED_RU = (
    "Министр сельского хозяйства сообщил журналистам, что урожай риса в дельте реки "
    "в этом году превысил прошлогодний на двенадцать процентов благодаря новым сортам."
)


_OTHER = {
    "vi": ["Thành phố mở thêm ba tuyến xe buýt điện nối trung tâm với sân bay quốc tế mới."],
    "ru": ["Город открыл три новых маршрута электробусов от центра до нового аэропорта."],
    "ar": ["افتتحت المدينة ثلاثة خطوط جديدة للحافلات الكهربائية تربط المركز بالمطار الجديد."],
}


def _with_paste(n: int, article_id: str) -> dict[str, object]:
    article = _article(n)
    if n % 2 == 0:  # an unrelated story, which shares only the pasted paragraph
        for lang, blocks in _OTHER.items():
            article["variants"][lang]["blocks"] = list(blocks)  # type: ignore[index]
            article["variants"][lang]["title"] = blocks[0][:30]  # type: ignore[index]
    article["id"] = article_id
    article["variants"]["ru"]["blocks"].append(_PASTED_RU)  # type: ignore[index]
    article["variants"]["vi"]["blocks"].append(  # type: ignore[index]
        "Bộ trưởng Nông nghiệp cho biết sản lượng lúa năm nay tăng mười hai phần trăm."
    )
    return article


def test_mp304_within_a_run_and_against_an_index(tmp_path: Path) -> None:
    first, second = tmp_path / "old", tmp_path / "new"
    first.mkdir()
    second.mkdir()
    (first / "a.json").write_text(
        json.dumps(_with_paste(1, "rice-harvest"), ensure_ascii=False), "utf-8"
    )
    (second / "b.json").write_text(
        json.dumps(_with_paste(2, "rice-again"), ensure_ascii=False), "utf-8"
    )
    config = Config(select=("MP304",))
    # Both in one run: reported once, on the later article, naming the earlier one.
    both = check_paths([first, second], config=config)
    assert [(f.article, f.lang, f.block) for f in both.findings] == [
        ("rice-again", "ru", 1),
        ("rice-again", "vi", 1),
    ]
    assert "'rice-harvest'" in both.findings[0].message
    # The archive indexed by one run; the next run checks only the new article against it.
    index = str(tmp_path / "archive.sqlite")
    assert check_paths([first], config=config, corpus_index=index).findings == ()
    later = check_paths([second], config=config, corpus_index=index)
    assert [(f.lang, f.code) for f in later.findings] == [("ru", "MP304"), ("vi", "MP304")]
    # Suppressed in the article with a reason: not counted.
    quoted = _with_paste(2, "rice-again")
    quoted["variants"]["ru"]["blocks"][1] = {  # type: ignore[index]
        "text": _PASTED_RU,
        "multipub": {"ignore": [{"code": "MP304", "reason": "quoted on purpose"}]},
    }
    (second / "b.json").write_text(json.dumps(quoted, ensure_ascii=False), "utf-8")
    left = check_paths([second], config=config, corpus_index=index).findings
    assert [f.lang for f in left] == ["vi"]


def test_dask_mp304_through_a_shuffle_on_band_keys_equals_the_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    from multipub import check_corpus, render

    archive = _archive(tmp_path)
    pasted = archive / "pasted"
    pasted.mkdir()
    for n, name in ((1, "rice-harvest"), (2, "rice-again"), (4, "rice-third")):
        (pasted / f"{name}.json").write_text(
            json.dumps(_with_paste(n, name), ensure_ascii=False), "utf-8"
        )
    # Near-duplicates between files and between the articles of one JSONL file, some
    # template text past the boilerplate limit (in every article): all as a local run.
    config = Config(select=("MP304",))
    local = check_paths([archive], config=config)
    assert sum(f.code == "MP304" for f in local.findings) > 20
    repeated = tmp_path / "repeated"
    repeated.mkdir()
    for name in ("a.json", "b.json"):  # one article id twice: compared on the client
        (repeated / name).write_text(
            json.dumps(_with_paste(3, "same-id"), ensure_ascii=False), "utf-8"
        )
    (repeated / "c.json").write_text(
        json.dumps(_with_paste(5, "another"), ensure_ascii=False), "utf-8"
    )
    local_repeated = check_paths([repeated], config=config)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = check_corpus([archive], config=config, client=client)
        on_dask_repeated = check_corpus([repeated], config=config, client=client)
    assert render(on_dask, "json") == render(local, "json")
    assert render(on_dask_repeated, "json") == render(local_repeated, "json")
    assert any(f.code == "MP304" for f in local_repeated.findings)


def test_the_shuffle_leaves_out_pairs_of_a_paragraph_printed_everywhere() -> None:
    from multipub.corpus_dask import _pairs_in_partition

    # One band key shared by a paragraph printed in 2,000 articles (one a file, the same
    # signature): the first eleven are compared, the rest would be thinned as boilerplate
    # whatever their matches; 2,000,000 pairs are not made.
    everywhere = [np.array([[0, 12345, 0, 0, 777]], dtype=np.int64) for _ in range(2000)]
    pairs = _pairs_in_partition(*everywhere)
    assert len(pairs) == 55 and set(pairs[:, 0].tolist()) == set(range(1, 11))
    # Different signatures under one key are all paired, the later block first.
    distinct = [np.array([[0, 12345, 0, 0, n]], dtype=np.int64) for n in range(30)]
    pairs = _pairs_in_partition(*distinct)
    assert len(pairs) == 30 * 29 // 2 and (pairs[:, 0] > pairs[:, 2]).all()
