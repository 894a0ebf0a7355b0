"""Malformed and hostile input: an MP000 or a glossary problem naming file and line, never
a crash, a hang or a silent pass (issue 15's cases, each built here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipub import check, check_paths, load_glossary
from multipub.glossary import GlossaryError
from tests.conftest import make_article

ARTICLE_HEAD = (
    'id: a\nsource_lang: vi\nvariants:\n  vi:\n    blocks: ["Hội chợ mở cửa sáng nay."]\n'
)


def _mp000(path: Path) -> list[tuple[int | None, str]]:
    report = check_paths([path])
    return [(f.line, f.message) for f in report.findings if f.code == "MP000"]


def test_an_integer_too_long_to_convert_is_an_input_error(tmp_path: Path) -> None:
    as_json = tmp_path / "a.json"
    as_json.write_text(
        '{"id": "a", "source_lang": "vi", "n": ' + "9" * 5000 + ', "variants": {}}',
        encoding="utf-8",
    )
    as_yaml = tmp_path / "b.yaml"
    as_yaml.write_text("id: a\nn: " + "9" * 5000 + "\n", encoding="utf-8")
    assert _mp000(as_json) == [(None, "invalid JSON: a number of 5000 digits")]
    assert _mp000(as_yaml) == [(2, "invalid YAML: a number of 5000 digits")]


def test_a_date_that_is_no_date_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(ARTICLE_HEAD + "    title: 2024-02-30\n", encoding="utf-8")
    report = check_paths([path])
    assert [f.code for f in report.findings] == []
    bad_date = tmp_path / "b.yaml"
    bad_date.write_text(ARTICLE_HEAD.replace("variants", "published_at: 2024-13-01\nvariants"))
    [(line, message)] = _mp000(bad_date)
    assert line == 3 and "published_at" in message


def _glossary(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text("name: g\nsource_lang: vi\nentries:\n" + body, encoding="utf-8")
    return path


def test_a_control_character_in_a_yaml_glossary_names_its_line(tmp_path: Path) -> None:
    path = _glossary(tmp_path, '  - id: term/a\n    kind: term\n    terms: {vi: "a\x01b"}\n')
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    [problem] = caught.value.problems
    assert problem.line == 6 and "control characters" in problem.message


@pytest.mark.parametrize(
    ("form", "reason"),
    [
        ('"\\0"', "control character U+0000"),
        ('"\\u200b\\u200b"', "no letter or digit"),
        ('"\\u0640"', "no letter or digit"),
        ('"."', "no letter or digit"),
    ],
)
def test_forms_the_matcher_could_never_find_are_refused(
    tmp_path: Path, form: str, reason: str
) -> None:
    path = _glossary(tmp_path, f"  - id: term/a\n    kind: term\n    terms: {{vi: {form}}}\n")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert reason in caught.value.problems[0].message


@pytest.mark.parametrize(
    "body",
    [
        "  - id: term/a\n    kind: term\n    terms: {en: point}\n",  # no Vietnamese form
        "  []\n",  # no entry at all
    ],
)
def test_a_glossary_without_source_forms_checks_without_crashing(tmp_path: Path, body: str) -> None:
    text = "name: g\nsource_lang: vi\nentries:\n" + body
    if body.strip() == "[]":
        text = "name: g\nsource_lang: vi\nentries: []\n"
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    glossary = load_glossary(path)
    article = make_article({"vi": ["Hội chợ mở cửa."], "en": ["The fair opened."]})
    assert check(article, glossary=glossary) == []


def test_fifos_and_links_to_nothing_are_reported_not_waited_for(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "articles"
    folder.mkdir()
    os.mkfifo(folder / "a-fifo.json")
    (folder / "b-link.json").symlink_to(folder / "nowhere.json")
    (folder / "c.json").write_text(
        '{"id": "c", "source_lang": "vi", "variants": {"vi": {"blocks": ["Hội chợ."]}}}',
        encoding="utf-8",
    )
    report = check_paths([folder])
    problems = [(Path(f.path).name, f.message) for f in report.findings if f.code == "MP000"]
    assert problems == [
        ("a-fifo.json", "not read: a FIFO, not a regular file"),
        ("b-link.json", "a link to nothing"),
    ]
    assert report.summary.articles == 1  # the readable file is still checked
    # Named on the command line, a FIFO is no wait either.
    assert [f.message for f in check_paths([folder / "a-fifo.json"]).findings] == [
        "not read: a FIFO, not a regular file"
    ]


def test_output_only_to_a_regular_file_that_is_no_input(tmp_path: Path) -> None:
    import os

    from click.testing import CliRunner

    from multipub.cli import main

    article = tmp_path / "a.json"
    article.write_text(
        '{"id": "a", "source_lang": "vi", "variants": {"vi": {"blocks": ["Hội chợ."]}}}',
        encoding="utf-8",
    )
    before = article.read_bytes()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    for target, why in [
        (article, "an input of this run"),
        (fifo, "not a regular file"),
        (tmp_path, "a folder"),
        (link, "is a link"),
    ]:
        result = CliRunner().invoke(main, ["check", str(article), "--output", str(target)])
        assert result.exit_code == 2, target
        assert why in result.output
    assert article.read_bytes() == before
    assert not (tmp_path / "elsewhere.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_junit_stays_well_formed_with_control_characters_and_repeats() -> None:
    import xml.etree.ElementTree as ET

    from multipub import Finding, render
    from multipub.findings import Severity

    def finding(span: tuple[int, int]) -> Finding:
        return Finding(
            code="MP403",
            name="page-furniture",
            severity=Severity.WARNING,
            path="a\x02.json",
            article="a",
            lang="en",
            field="blocks",
            block=0,
            span=span,
            message="a view counter in the text: '1\x01234 views'",
            excerpt="1\x01234 views\x0b",
        )

    report = check_paths([]).model_copy(update={"findings": (finding((0, 5)), finding((6, 9)))})
    xml = render(report, "junit")
    root = ET.fromstring(xml)  # well-formed
    names = [case.get("name") for case in root.iter("testcase")]
    assert len(set(names)) == 2  # one name each: GitLab keeps only the first of equals
    assert "\\u0001" in xml and "\x01" not in xml


def _alias_bomb(levels: int = 9) -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def test_a_yaml_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    import time

    article = tmp_path / "a.yaml"
    article.write_text(
        _alias_bomb() + "id: x\nsource_lang: vi\nvariants: {vi: {blocks: [x]}}\n# \\ud800\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    [(line, message)] = _mp000(article)
    assert time.perf_counter() - started < 5
    assert line == 1 and "aliases expand to more than 1,000,000 nodes" in message
    glossary = tmp_path / "g.yaml"
    glossary.write_text(_alias_bomb() + "name: g\nentries: []\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(glossary)
    assert "aliases expand" in caught.value.problems[0].message


def test_aliases_that_stay_small_are_read(tmp_path: Path) -> None:
    article = tmp_path / "a.yaml"
    article.write_text(
        "id: x\nsource_lang: vi\n"
        'variants: {vi: {title: &t "Hội chợ mở cửa", blocks: [*t, "Kết thúc lúc chiều."]}}\n',
        encoding="utf-8",
    )
    report = check_paths([article])
    assert report.summary.articles == 1
    assert [f.code for f in report.findings if f.code == "MP000"] == []


def test_a_role_that_ends_before_it_starts_and_a_form_both_good_and_forbidden(
    tmp_path: Path,
) -> None:
    path = _glossary(
        tmp_path,
        "  - id: title/x\n    kind: title\n    terms: {vi: Bí thư}\n"
        "  - id: person/a\n    kind: person\n"
        "    terms: {vi: Trần An, ar: {preferred: تران آن, forbidden: [تران آن]}}\n"
        "    roles:\n      - {title: title/x, from: 2024-05-01, to: 2023-01-01}\n",
    )
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert sorted((p.field, p.message) for p in caught.value.problems) == [
        ("roles[0]", "ends (2023-01-01) before it starts (2024-05-01)"),
        ("terms.ar", "'تران آن' is both a good form and forbidden"),
    ]


@pytest.mark.parametrize(
    "command", [["score"], ["glossary", "report", "--format", "json", "--glossary", "GLOSSARY"]]
)
def test_score_and_glossary_report_say_what_they_could_not_read(
    tmp_path: Path, command: list[str]
) -> None:
    from click.testing import CliRunner

    from multipub.cli import main

    (tmp_path / "good.json").write_text(
        '{"id": "a", "source_lang": "vi", "variants": {"vi": {"blocks": ["Hội chợ mở cửa."]},'
        ' "en": {"blocks": ["The fair opened."]}}}',
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text('{"id": ', encoding="utf-8")
    glossaries = str(Path(__file__).resolve().parents[1] / "glossaries")
    args = [glossaries if part == "GLOSSARY" else part for part in command]
    result = CliRunner().invoke(main, [*args, str(tmp_path)])
    assert result.exit_code == 0
    assert "broken.json:1: MP000 input-error: invalid JSON" in result.output


def test_an_unbalanced_quote_in_a_csv_glossary_is_a_problem_not_one_long_form(
    tmp_path: Path,
) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "id,kind,lang,preferred\n"
        'term/a,term,vi,"điểm cầu\n'
        "term/a,term,en,connection point\n"
        "term/b,term,vi,hội nghị\n",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    [problem] = caught.value.problems
    assert problem.line == 2
    assert "'preferred' field runs over several lines: a quote is not closed" in problem.message


def test_spans_never_cut_a_character() -> None:
    import unicodedata

    from multipub.text import whole_characters

    word = unicodedata.normalize("NFD", "điểm")  # đ, i, e, circumflex, hook above, m
    assert whole_characters(word, (0, 3)) == (0, 5)  # not before the marks of "ể"
    assert whole_characters(word, (3, 6)) == (2, 6)  # not on a mark
    thai = "กี่"  # ko kai + two marks
    assert whole_characters(thai, (0, 1)) == (0, 3)
    text = unicodedata.normalize(
        "NFD", "The delegates met, theo kế hoạch đã được phê duyệt, in the hall."
    )
    article = make_article({"vi": ["Các đại biểu đã họp."], "en": [text]})
    for finding in check(article):
        assert finding.span is not None
        start, end = finding.span
        assert start == len(text) or unicodedata.category(text[start])[0] != "M"
        assert end == len(text) or unicodedata.category(text[end])[0] != "M"


def test_sentence_bounds_by_bisection_agree_with_a_plain_scan() -> None:
    import random

    from multipub.checks.people import _sentence_bounds
    from multipub.lang import sentence_end as _sentence_end

    def plain(text: str, start: int, end: int) -> tuple[int, int]:
        left = 0
        for match in _sentence_end().finditer(text, 0, start):
            left = match.end()
        right = _sentence_end().search(text, end)
        return left, right.start() + 1 if right else len(text)

    rng = random.Random(3)
    pieces = ["Ông An. ", "Bà Mai! ", "ba ", "Hà Nội? ", "x", "。", "？ ", "، "]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _sentence_bounds(text, start, end) == plain(text, start, end), (text, start)


def test_covered_spans_by_bisection_agree_with_a_plain_scan() -> None:
    import random

    from multipub.checks.names import _Spans

    rng = random.Random(5)
    for _ in range(200):
        spans: list[tuple[int, int]] = []
        position = 0
        for _ in range(rng.randint(0, 12)):
            position += rng.randint(0, 5)
            width = rng.randint(1, 6)
            spans.append((position, position + width))
            position += width
        held = _Spans(spans)
        for _ in range(20):
            start = rng.randint(0, position + 3)
            end = start + rng.randint(1, 6)
            expected = any(a < end and start < b for a, b in spans)
            assert held.overlaps(start, end) is expected


def test_nan_and_lone_surrogates_are_reported_with_their_line(tmp_path: Path) -> None:
    nan = tmp_path / "a.json"
    nan.write_text(
        '{"id": "a",\n "source_lang": "vi",\n "n": NaN,\n "variants": {}}\n', encoding="utf-8"
    )
    assert _mp000(nan) == [(3, "invalid JSON: NaN is no JSON value")]
    lines = tmp_path / "b.jsonl"
    lines.write_text(
        '{"id": "ok", "source_lang": "vi", "variants": {"vi": {"blocks": ["Hội chợ."]}}}\n'
        '{"id": "b", "source_lang": "vi", "n": -Infinity, "variants": {}}\n',
        encoding="utf-8",
    )
    assert _mp000(lines) == [(2, "invalid JSON: -Infinity is no JSON value")]
    surrogate = tmp_path / "c.json"
    surrogate.write_text(
        '{"id": "c",\n "source_lang": "vi",\n "variants": {"vi": {"blocks": ["a \\ud800 b"]}}}\n',
        encoding="utf-8",
    )
    [(line, message)] = _mp000(surrogate)
    assert line == 3 and "lone surrogate" in message


def test_a_right_to_left_override_cannot_reorder_the_report() -> None:
    from multipub.render.report import render_report_html, render_report_markdown
    from tests.test_report_render import hostile_data

    data = hostile_data()
    data["glossary"]["name"] = "desk \u202egnp.exe"
    html = render_report_html(data)
    title = html[html.index("<title>") : html.index("</title>")]
    assert "\u2068desk \u202egnp.exe\u2069" in title
    markdown = render_report_markdown(data)
    assert "\u202e" not in markdown.replace("\u2068desk \u202egnp.exe\u2069", "").replace(
        "\u2068desk \u202egnp\\.exe\u2069", ""
    )


def test_limits_turn_a_hostile_file_into_an_mp000_naming_the_limit(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from multipub import Config
    from multipub.cli import main

    many = tmp_path / "many.json"
    blocks = ", ".join(['"Hội chợ mở cửa."'] * 30)
    many.write_text(
        '{"id": "m", "source_lang": "vi", "variants": {"vi": {"blocks": [' + blocks + "]}}}",
        encoding="utf-8",
    )
    long = tmp_path / "long.json"
    long.write_text(
        '{"id": "l", "source_lang": "vi", "variants": {"vi": {"blocks": ["'
        + "chữ " * 400
        + '"]}}}',
        encoding="utf-8",
    )
    config = Config(max_blocks=20, max_block_chars=1_000, max_file_bytes=100_000)
    found = [
        (Path(f.path).name, f.message) for f in check_paths([tmp_path], config=config).findings
    ]
    assert found == [
        (
            "long.json",
            "$.variants.vi.blocks[0]: a block of 1,600 characters, over the limit of 1,000 "
            "(max_block_chars)",
        ),
        ("many.json", "$.variants.vi.blocks: 30 blocks, over the limit of 20 (max_blocks)"),
    ]
    small = Config(max_file_bytes=500)
    assert [f.message for f in check_paths([long], config=small).findings] == [
        f"{long.stat().st_size:,} bytes, over the limit of 500 (max_file_bytes)"
    ]
    # The defaults let both through; the flags set the limits from the command line.
    assert [f.code for f in check_paths([tmp_path]).findings if f.code == "MP000"] == []
    result = CliRunner().invoke(main, ["check", str(many), "--max-blocks", "10"])
    assert "30 blocks, over the limit of 10 (max_blocks)" in result.output
