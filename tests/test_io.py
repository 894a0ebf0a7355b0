import hashlib
import json
from pathlib import Path

import pytest

from multipub.io import (
    InputError,
    InputProblem,
    LoadedArticle,
    iter_articles,
    load_article,
    write_output,
)
from tests.conftest import article_data

VALID = article_data({"vi": ["Tỉnh họp bàn kế hoạch năm 2025."], "ar": ["اجتمعت المقاطعة."]})


def _problems(path: Path) -> list[InputProblem]:
    return [r for r in iter_articles([path]) if isinstance(r, InputProblem)]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_json_yaml_and_jsonl_load(tmp_path: Path) -> None:
    _write(tmp_path / "a.json", json.dumps(VALID, ensure_ascii=False))
    _write(
        tmp_path / "b.yaml",
        "id: b\nsource_lang: vi\npublished_at: 2024-05-20T08:00:00+07:00\n"
        "variants:\n  vi:\n    title: Tiêu đề\n    blocks:\n      - Đoạn một.\n"
        "      - {kind: caption, text: Ảnh}\n",
    )
    lines = [dict(VALID, id=f"line-{i}") for i in range(3)]
    _write(tmp_path / "c.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    results = list(iter_articles([tmp_path]))
    assert all(isinstance(r, LoadedArticle) for r in results)
    loaded = [r for r in results if isinstance(r, LoadedArticle)]
    assert [r.article.id for r in loaded] == ["test-article", "b", "line-0", "line-1", "line-2"]
    assert [r.line for r in loaded] == [None, None, 1, 2, 3]
    assert loaded[1].article.variants["vi"].blocks[1].text == "Ảnh"


def test_directories_are_sorted_recursive_and_skip_hidden(tmp_path: Path) -> None:
    for name in ("z/b.json", "a.yml", "m/x.json", ".hidden/h.json", "notes.txt"):
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(target, json.dumps(dict(VALID, id=name)))
    results = list(iter_articles([tmp_path]))
    assert [r.path.removeprefix(tmp_path.as_posix() + "/") for r in results] == [
        "a.yml",
        "m/x.json",
        "z/b.json",
    ]


def test_invalid_utf8_names_the_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{\n  "id": "x",\n  "title": "Ha N\xf4i"\n}')
    [problem] = _problems(path)
    assert problem.line == 3
    assert "not valid UTF-8" in problem.message
    assert "0xf4" in problem.message


def test_truncated_json_names_the_line(tmp_path: Path) -> None:
    text = json.dumps(VALID, ensure_ascii=False, indent=2)
    path = _write(tmp_path / "cut.json", text[: len(text) // 2])
    [problem] = _problems(path)
    assert problem.message.startswith("invalid JSON")
    assert problem.line is not None and problem.line > 1


def test_duplicate_json_key_is_rejected_with_its_line(tmp_path: Path) -> None:
    text = (
        '{\n "id": "dup",\n "source_lang": "vi",\n "variants": {\n'
        '  "vi": {\n   "title": "Một",\n   "title": "Hai"\n  }\n }\n}'
    )
    [problem] = _problems(_write(tmp_path / "dup.json", text))
    assert problem.message == "duplicate key 'title'"
    assert problem.line == 7


def test_duplicate_yaml_key_is_rejected_with_its_line(tmp_path: Path) -> None:
    text = "id: dup\nsource_lang: vi\nvariants:\n  vi:\n    title: Một\n    title: Hai\n"
    [problem] = _problems(_write(tmp_path / "dup.yaml", text))
    assert problem.message == "duplicate key 'title'"
    assert problem.line == 6


def test_schema_error_names_json_path_and_line(tmp_path: Path) -> None:
    data = article_data({"vi": ["a", {"kind": "photo", "text": "b"}]})
    text = json.dumps(data, ensure_ascii=False, indent=2)
    [problem] = _problems(_write(tmp_path / "kind.json", text))
    assert problem.json_path == "$.variants.vi.blocks[1].kind"
    assert "paragraph" in problem.message
    assert problem.article == "test-article"
    expected = next(i for i, line in enumerate(text.splitlines(), 1) if '"photo"' in line)
    assert problem.line == expected


def test_yaml_schema_error_has_a_line(tmp_path: Path) -> None:
    text = "id: y\nsource_lang: vi\nvariants:\n  vi:\n    blocks:\n      - kind: media\n        text: Clip\n"
    [problem] = _problems(_write(tmp_path / "m.yaml", text))
    assert problem.json_path == "$.variants.vi.blocks[0]"
    assert "src" in problem.message
    assert problem.line == 6


def test_several_schema_errors_are_all_reported(tmp_path: Path) -> None:
    data = {"id": "", "source_lang": "vi_VN", "variants": {}}
    problems = _problems(_write(tmp_path / "many.json", json.dumps(data)))
    assert {p.json_path for p in problems} == {"$.id", "$.source_lang", "$.variants"}


def test_yaml_norway_problem_does_not_turn_no_into_false(tmp_path: Path) -> None:
    text = "id: nb\nsource_lang: vi\nvariants:\n  vi: {blocks: [Xin chào]}\n  no: {blocks: [Hei]}\n"
    [loaded] = list(iter_articles([_write(tmp_path / "no.yaml", text)]))
    assert isinstance(loaded, LoadedArticle)
    assert set(loaded.article.variants) == {"vi", "no"}


def test_lone_surrogate_escape_is_an_input_error(tmp_path: Path) -> None:
    text = json.dumps(article_data({"vi": ["bad \ud800 text"]}))
    assert "\\ud800" in text
    [problem] = _problems(_write(tmp_path / "s.json", text))
    assert "surrogate" in problem.message
    assert problem.json_path == "$.variants.vi.blocks[0]"


def test_surrogate_pairs_are_fine(tmp_path: Path) -> None:
    text = json.dumps(article_data({"vi": ["Chúc mừng 🎉"]}))
    [loaded] = list(iter_articles([_write(tmp_path / "e.json", text)]))
    assert isinstance(loaded, LoadedArticle)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[1, 2]", "expected an article object, found list"),
        ("null", "expected an article object, found nothing"),
        ("[" * 100_000, "nested too deeply"),
        ("", "invalid JSON"),
    ],
)
def test_not_an_article(tmp_path: Path, text: str, expected: str) -> None:
    [problem] = _problems(_write(tmp_path / "x.json", text))
    assert expected in problem.message


def test_bom_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALID).encode())
    assert isinstance(next(iter_articles([path])), LoadedArticle)


def test_jsonl_bad_lines_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    good = json.dumps(VALID)
    path = _write(tmp_path / "mix.jsonl", f'{good}\n{{broken\n{good[:-1]}, "x": 1}}\n{good}\n')
    results = list(iter_articles([path]))
    assert [type(r).__name__ for r in results] == [
        "LoadedArticle",
        "InputProblem",
        "InputProblem",
        "LoadedArticle",
    ]
    assert [r.line for r in results] == [1, 2, 3, 4]
    assert "unknown field 'x'" in results[2].message  # type: ignore[union-attr]


def test_missing_path_and_unsupported_file(tmp_path: Path) -> None:
    missing, other = tmp_path / "nope.json", _write(tmp_path / "a.csv", "hello")
    problems = [r for r in iter_articles([missing, other]) if isinstance(r, InputProblem)]
    assert [p.message for p in problems] == [
        "no such file or directory",
        "not an article file (expected .json, .jsonl, .yaml, .yml, or a page: .html, .htm, .txt)",
    ]


def test_load_article_raises_input_error_with_place(tmp_path: Path) -> None:
    path = _write(tmp_path / "cut.json", '{"id": "x",')
    with pytest.raises(InputError, match=r"cut\.json:1: invalid JSON"):
        load_article(path)
    good = _write(tmp_path / "good.json", json.dumps(VALID))
    assert load_article(good).id == "test-article"


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    files = {
        "a.json": json.dumps(VALID),
        "b.yaml": "id: b\nsource_lang: vi\nvariants: {vi: {blocks: [x]}}\n",
        "c.json": '{"id": ',
    }
    for name, text in files.items():
        _write(tmp_path / name, text)
    before = {
        p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in tmp_path.iterdir()
    }
    list(iter_articles([tmp_path]))
    after = {
        p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in tmp_path.iterdir()
    }
    assert before == after


def test_write_output_is_whole_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    write_output(target, "first\n")
    assert target.read_text() == "first\n"

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("multipub.io.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_output(target, "second, longer report\n")
    assert target.read_text() == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left
