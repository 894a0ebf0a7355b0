"""What a run reads is never overwritten, and what it cannot use is said plainly: outputs
against glossaries, baselines and configuration files; --lang tags that select nothing;
bytes on standard input that are no UTF-8; an --index that is no index; configuration
values out of range; SARIF fingerprints of look-alike findings; suppressions that name no
check; a source language written in another case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from multipub import check
from multipub.cli import main
from multipub.findings import Finding, Severity
from multipub.models import Article
from multipub.render.sarif import fingerprints
from tests.conftest import article_data

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GLOSSARY = ROOT / "glossaries" / "vn-party-state.yaml"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def _article(tmp_path: Path) -> Path:
    data = article_data(
        {
            "vi": ["Bộ Tài chính công bố số liệu thu ngân sách tháng Mười."],
            "ru": ["Министерство финансов опубликовало данные о доходах бюджета за октябрь."],
            "ar": ["نشرت وزارة المالية بيانات إيرادات الميزانية لشهر أكتوبر."],
        },
        article_id="budget",
    )
    path = tmp_path / "budget.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_output_never_overwrites_the_glossary_of_the_run(tmp_path: Path) -> None:
    article = _article(tmp_path)
    glossary = tmp_path / "desk.yaml"
    glossary.write_bytes(GLOSSARY.read_bytes())
    for fmt in ("text", "jsonl"):
        result = run(
            "check", str(article), "-g", str(glossary), "-o", str(glossary), "--format", fmt
        )
        assert result.exit_code == 2, (fmt, result.output)
        assert "is an input of this run" in result.output
        assert glossary.read_bytes() == GLOSSARY.read_bytes()


def test_output_never_overwrites_the_baseline_or_the_configuration(tmp_path: Path) -> None:
    article = _article(tmp_path)
    baseline = tmp_path / "baseline.json"
    assert run("check", str(article), "--write-baseline", str(baseline)).exit_code == 0
    kept = baseline.read_bytes()
    result = run("check", str(article), "--baseline", str(baseline), "-o", str(baseline))
    assert result.exit_code == 2 and baseline.read_bytes() == kept
    config = tmp_path / "multipub.toml"
    config.write_text('fail-on = "warning"\n', "utf-8")
    result = run("check", str(article), "--config", str(config), "-o", str(config))
    assert result.exit_code == 2 and config.read_text("utf-8") == 'fail-on = "warning"\n'
    result = run("check", str(article), "--config", str(config), "--write-baseline", str(config))
    assert result.exit_code == 2 and config.read_text("utf-8") == 'fail-on = "warning"\n'


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
def test_a_lang_tag_that_selects_nothing_is_a_usage_error_in_every_format(
    tmp_path: Path, fmt: str
) -> None:
    article = _article(tmp_path)
    alone = run("check", str(article), "--lang", "xx", "--format", fmt)
    assert alone.exit_code == 2, alone.output
    # One typo among good tags is no less a typo: the run would skip that language.
    mixed = run("check", str(article), "--lang", "ar,xx", "--format", fmt)
    assert mixed.exit_code == 2, mixed.output
    assert "--lang xx" in mixed.output
    assert run("check", str(article), "--lang", "ar,RU", "--format", fmt).exit_code == 0


def test_bytes_on_standard_input_that_are_no_utf8_are_an_mp000(tmp_path: Path) -> None:
    data = article_data({"vi": ["Giá cà phê xuất khẩu tăng mạnh."]}, article_id="cafe")
    latin1 = json.dumps(data, ensure_ascii=False).encode("cp1258", "replace")
    result = run("check", "-", "--format", "json", stdin=latin1)
    assert result.exit_code == 2  # nothing could be read
    (finding,) = json.loads(result.output)["findings"]
    assert finding["code"] == "MP000" and finding["path"] == "<stdin>"
    assert "not valid UTF-8" in finding["message"]
    good = run(
        "check", "-", "--format", "json", stdin=json.dumps(data, ensure_ascii=False).encode()
    )
    assert good.exit_code == 0


def test_an_index_that_cannot_be_used_stops_the_run_with_exit_2(tmp_path: Path) -> None:
    article = _article(tmp_path)
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("not a database\n", "utf-8")
    result = run("check", str(article), "--index", str(not_sqlite))
    assert result.exit_code == 2 and "--index" in result.output
    assert not_sqlite.read_text("utf-8") == "not a database\n"
    result = run("check", str(article), "--index", str(tmp_path / "missing" / "x.sqlite"))
    assert result.exit_code == 2 and "--index" in result.output
    assert run("check", str(article), "--index", str(tmp_path / "new.sqlite")).exit_code == 0


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("near-duplicate-chrf = 500", "near-duplicate-chrf"),
        ("language-confidence = 7", "language-confidence"),
        ("duplicate-min-chars = -5", "duplicate-min-chars"),
        ("max-blocks = 0", "max-blocks"),
    ],
)
def test_configuration_values_out_of_range_stop_the_run(
    tmp_path: Path, line: str, key: str
) -> None:
    article = _article(tmp_path)
    config = tmp_path / "multipub.toml"
    config.write_text(line + "\n", "utf-8")
    result = run("check", str(article), "--config", str(config))
    assert result.exit_code == 2
    assert f"{config}:1: {key}" in result.output


def _mp000(message: str, line: int) -> Finding:
    return Finding(
        code="MP000",
        name="input-error",
        severity=Severity.ERROR,
        path="feed.jsonl",
        message=message,
        line=line,
    )


def test_sarif_fingerprints_tell_look_alike_findings_apart() -> None:
    first, second = _mp000("line 1: not JSON", 1), _mp000("line 3: not an object", 3)
    assert len(set(fingerprints([first, second]))) == 2
    # Two findings alike in every part keep apart by their rank, and the first keeps the
    # fingerprint it has alone.
    twice = fingerprints([first, first])
    assert twice[0] != twice[1] and twice[0] == fingerprints([first])[0]
    assert fingerprints([first, second]) == fingerprints([first, second])


def test_a_suppression_that_names_no_check_is_reported() -> None:
    data = article_data(
        {
            "vi": ["Hội nghị bàn về kinh tế số diễn ra tại Hà Nội."],
            "zh-Hans": {
                "blocks": ["关于数字经济的会议在河内举行。"],
                "multipub": {"ignore": [{"code": "MP999", "reason": "a typo of the desk"}]},
            },
        }
    )
    findings = check(Article.model_validate(data))
    (unused,) = [f for f in findings if f.code == "MP002"]
    assert unused.lang == "zh-Hans" and "names no check" in unused.message


def test_the_source_language_is_matched_whatever_its_case() -> None:
    data = article_data(
        {"vi": ["Thành phố mở thêm ba tuyến xe buýt điện."], "ru": ["Город открыл 3 маршрута."]},
        source_lang="VI",
    )
    article = Article.model_validate(data)
    assert article.source_lang == "vi" and article.source is not None
    assert article.targets() == ["ru"]


def test_translit_to_a_language_without_a_profile_is_a_usage_error() -> None:
    result = run("translit", "Phạm Minh Chính", "--to", "xx")
    assert result.exit_code == 2 and "--to xx" in result.output
    known = run("translit", "Phạm Minh Chính", "--to", "ru")
    assert known.exit_code == 0 and "Фам Минь" in known.output


def test_configured_langs_serve_many_runs_only_a_tag_on_the_command_line_must_match(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _article(tmp_path)
    (tmp_path / "multipub.toml").write_text('langs = ["ru", "fr"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    # fr is in no article of this run, ru is: the configuration's tags are for every run.
    for fmt in ("text", "jsonl"):
        assert run("check", str(article), "--format", fmt).exit_code == 0, fmt
    (tmp_path / "multipub.toml").write_text('langs = ["fr"]\n', "utf-8")
    assert run("check", str(article)).exit_code == 2  # nothing at all selected


def test_a_page_on_standard_input_is_decoded_by_its_declared_charset() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body>'
        "<p>Le caf\xe9 de la place est ouvert depuis longtemps dans la ville.</p>"
        "</body></html>"
    ).encode("cp1252")
    result = run("check", "--stdin-filename", "p.fr.html", "-", "--format", "json", stdin=page)
    report = json.loads(result.output)
    assert not [f for f in report["findings"] if f["code"] == "MP000"]
    assert report["summary"]["articles"] == 1
