"""The command line, through click's runner, as a CI job or an editor would use it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from multipub.cli import main
from tests.conftest import article_data

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FINDING_KEYS = [
    "code", "name", "severity", "path", "article", "lang", "field", "block", "span",
    "message", "related", "entry",
]  # fmt: skip


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _mixed_folder(tmp_path: Path) -> Path:
    """One valid article with a duplicate, one truncated JSON file, one non-UTF-8 file."""
    data = article_data(
        {
            "vi": [
                "Tỉnh tổ chức hội chợ thương mại với hơn 300 gian hàng.",
                "Hội chợ kéo dài năm ngày.",
            ],
            "ar": [
                "نظمت المقاطعة معرضا تجاريا يضم أكثر من 300 جناح.",
                "نظمت المقاطعة معرضا تجاريا يضم أكثر من 300 جناح.",
            ],
        },
        article_id="fair",
    )
    (tmp_path / "a_valid.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    text = json.dumps(data, ensure_ascii=False, indent=1)
    (tmp_path / "b_truncated.json").write_text(text[:200], "utf-8")
    (tmp_path / "c_latin1.json").write_bytes(
        json.dumps(data, ensure_ascii=False).encode("cp1258", "replace")
    )
    return tmp_path


def test_mixed_folder_reports_bad_files_and_checks_the_good_one(tmp_path: Path) -> None:
    result = run("check", str(_mixed_folder(tmp_path)), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    codes = [(f["code"], Path(f["path"]).name) for f in report["findings"]]
    assert codes == [
        ("MP301", "a_valid.json"),
        ("MP000", "b_truncated.json"),
        ("MP000", "c_latin1.json"),
    ]
    truncated, latin1 = report["findings"][1], report["findings"][2]
    assert truncated["severity"] == "error" and truncated["line"] is not None
    assert truncated["message"].startswith("invalid JSON")
    assert latin1["message"].startswith("not valid UTF-8")
    assert report["summary"] == {
        "articles": 1,
        "variants": 2,
        "errors": 2,
        "warnings": 1,
        "infos": 0,
        "suppressed": 0,
    }


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", "utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "MP000" in result.output
    assert run("check", str(tmp_path / "missing")).exit_code == 2


def test_empty_folder_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no article files found" in result.output


def test_examples_json_report_matches_the_contract() -> None:
    result = run("check", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["tool"] == {"name": "multipub", "version": "0.1.0"}
    assert set(report["summary"]) == {
        "articles",
        "variants",
        "errors",
        "warnings",
        "infos",
        "suppressed",
    }
    assert report["summary"]["articles"] == 5
    assert report["signature"].startswith(
        "multipub:0.1.0|codes:MP000,MP001,MP002,MP101,MP102,MP103,MP104,MP201,MP202,MP203,MP204,MP205,"
        "MP301,MP302,MP303,MP304,MP401,MP402,MP403,MP501,MP502,MP503,MP601|cfg:"
    )
    assert "|glossary:none|" in report["signature"]
    assert "|langid:lingua-2." in report["signature"]
    for finding in report["findings"]:
        assert list(finding)[: len(FINDING_KEYS)] == FINDING_KEYS
        assert finding["field"] in {"title", "lead", "byline", "blocks"}
        assert (finding["block"] is None) == (finding["field"] != "blocks")
        start, end = finding["span"]
        assert 0 <= start < end
    codes = {(f["code"], f["lang"]) for f in report["findings"]}
    assert {
        ("MP301", "en"),
        ("MP301", "ru"),
        ("MP302", "ar"),
        ("MP303", "ru"),
        ("MP503", "ar"),
    } <= codes
    clean = [f for f in report["findings"] if "trade-fair" in f["path"]]
    assert clean == []


def test_examples_seed_like_near_duplicate_points_at_the_right_blocks() -> None:
    report = json.loads(run("check", str(EXAMPLES), "--format", "json", "--select", "MP302").output)
    [finding] = report["findings"]
    assert (finding["lang"], finding["block"], finding["related"][0]["block"]) == ("ar", 4, 2)
    article = json.loads((EXAMPLES / "articles" / "provincial-conference.json").read_text("utf-8"))
    block = article["variants"]["ar"]["blocks"][4]
    text = block if isinstance(block, str) else block["text"]
    assert finding["span"] == [0, len(text)]


def test_spans_point_into_the_input_text() -> None:
    report = json.loads(run("check", str(EXAMPLES), "--format", "json").output)
    for finding in report["findings"]:
        path = Path(finding["path"])
        loader = yaml.safe_load if path.suffix in {".yaml", ".yml"} else json.loads
        if path.suffix == ".jsonl":
            line = path.read_text("utf-8").splitlines()[finding["line"] - 1]
            article = json.loads(line)
        else:
            article = loader(path.read_text("utf-8"))
        variant = article["variants"][finding["lang"]]
        if finding["field"] == "blocks":
            block = variant["blocks"][finding["block"]]
            text = block if isinstance(block, str) else block["text"]
        else:
            text = variant[finding["field"]]
        start, end = finding["span"]
        assert end <= len(text)
        assert " ".join(text[start:end].split())[:50] == finding["excerpt"][:50]


def test_output_is_byte_identical_run_after_run(tmp_path: Path) -> None:
    first = run("check", str(EXAMPLES), "--format", "json").output
    second = run("check", str(EXAMPLES), "--format", "json").output
    assert first == second
    text_a = run("check", str(EXAMPLES), "--format", "text").output
    assert text_a == run("check", str(EXAMPLES), "--format", "text").output


def test_output_file_is_written_and_stdout_is_quiet(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run("check", str(EXAMPLES), "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    assert result.output == ""
    assert json.loads(target.read_text("utf-8"))["summary"]["articles"] == 5


def test_output_into_a_missing_directory_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", str(EXAMPLES), "--output", str(tmp_path / "no" / "r.json")]
    )
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["--fail-on", "never"], 0),
        (["--fail-on", "error", "--ignore", "MP303,MP501"], 0),
        (["--fail-on", "warning", "--ignore", "MP303,MP501"], 1),
        (["--select", "MP303"], 1),
        (["--select", "MP503", "--lang", "vi,zh-Hans"], 0),
    ],
)
def test_fail_on_select_and_lang(args: list[str], status: int) -> None:
    assert run("check", str(EXAMPLES), *args).exit_code == status


def test_unknown_code_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", str(EXAMPLES), "--select", "MP9"])
    assert result.exit_code == 2
    assert "matches no check code" in result.output


def test_text_format_groups_by_file_and_article() -> None:
    output = run("check", str(EXAMPLES), "--no-color").output
    assert "examples/articles/flood-relief.yaml\n  article " in output.replace(str(ROOT) + "/", "")
    assert "MP301 duplicate-block (warning): block 5 repeats block 4 verbatim" in output
    assert "\x1b[" not in output
    assert output.splitlines()[-1].startswith("signature: multipub:0.1.0|")
    colored = run("check", str(EXAMPLES), "--color").output
    assert "\x1b[33mwarning\x1b[0m" in colored


def test_github_format() -> None:
    output = run("check", str(EXAMPLES), "--format", "github", "--select", "MP303").output
    [line] = output.splitlines()
    assert line.startswith("::error file=")
    assert "title=MP303 untranslated-block::" in line


def test_rules_and_rule() -> None:
    listing = run("rules").output
    assert "MP302  near-duplicate-block" in listing
    rules = json.loads(run("rules", "--format", "json").output)["rules"]
    assert [r["code"] for r in rules][:4] == ["MP000", "MP001", "MP002", "MP101"]
    assert len(rules) == len({r["code"] for r in rules})
    doc = run("rule", "MP302").output
    assert doc.startswith("# MP302 near-duplicate-block")
    assert "## Example" in doc and "## Use instead" in doc
    assert CliRunner().invoke(main, ["rule", "MP999"]).exit_code == 2


def test_schema_validates_the_examples() -> None:
    schema = json.loads(run("schema", "article").output)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((EXAMPLES / "articles").iterdir()):
        if path.suffix == ".json":
            documents = [json.loads(path.read_text("utf-8"))]
        elif path.suffix == ".jsonl":
            documents = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
        elif path.suffix == ".yaml":
            documents = [
                json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
            ]
        else:
            continue
        for document in documents:
            validator.validate(document)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"id": "x", "source_lang": "vi", "variants": {"vi": {"tittle": "typo"}}})


def test_python_dash_m_and_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "multipub", "rules"], capture_output=True, text=True, check=True
    )
    assert "MP301" in result.stdout
    script = shutil.which("multipub", path=str(Path(sys.executable).parent))
    assert script is not None
    done = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "multipub, version 0.1.0"


def test_example_script_runs() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "check_article.py"),
            str(EXAMPLES / "articles" / "flood-relief.yaml"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1, result.stderr
    assert "MP303" in result.stdout


SARIF_SCHEMA = ROOT.parent / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="shared SARIF schema not present")
def test_sarif_validates_against_the_oasis_schema() -> None:
    result = run("check", str(EXAMPLES), "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.output)
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
    assert errors == []
    run_ = log["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rule_ids == sorted(rule_ids) and {"MP000", "MP302", "MP503"} <= set(rule_ids)
    results = run_["results"]
    assert len(results) == len(
        json.loads(run("check", str(EXAMPLES), "--format", "json").output)["findings"]
    )
    for r in results:
        assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert len({r["partialFingerprints"]["multipub/v1"] for r in results}) == len(results)


def test_sarif_and_github_lines_point_at_the_text() -> None:
    output = run("check", str(EXAMPLES), "--format", "github", "--select", "MP301,MP302").output
    lines = {}
    for row in output.splitlines():
        path = row.split("file=", 1)[1].split(",", 1)[0]
        line = int(row.split("line=", 1)[1].split(",", 1)[0])
        lines[path] = Path(path).read_text("utf-8").splitlines()[line - 1]
    flood = next(v for k, v in lines.items() if k.endswith("flood-relief.yaml"))
    assert "Speaking at the handover" in flood
    conference = next(v for k, v in lines.items() if k.endswith("provincial-conference.json"))
    assert '"text": "وحضر المؤتمر' in conference


def test_junit_is_valid_xml_with_failures_at_the_fail_on_level() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run("check", str(EXAMPLES), "--format", "junit").output)
    assert root.tag == "testsuites"
    failures = root.findall(".//failure")
    assert {f.get("type") for f in failures} == {"error"}
    errors = json.loads(run("check", str(EXAMPLES), "--format", "json").output)["summary"]["errors"]
    assert int(root.get("failures", "0")) == len(failures) == errors
    strict = ET.fromstring(
        run("check", str(EXAMPLES), "--format", "junit", "--fail-on", "warning").output
    )
    assert len(strict.findall(".//failure")) == int(strict.get("tests", "0"))
    clean = ET.fromstring(
        run(
            "check", str(EXAMPLES / "articles" / "clean-trade-fair.json"), "--format", "junit"
        ).output
    )
    assert [c.get("name") for c in clean.iter("testcase")] == ["no findings"]


# --- exit statuses a CI can trust ---------------------------------------------------------


def test_an_output_that_cannot_be_written_exits_2(tmp_path: Path) -> None:
    result = run("check", str(EXAMPLES), "--output", str(tmp_path / "no" / "such" / "r.json"))
    assert result.exit_code == 2
    assert "cannot write" in result.output


def test_a_lang_that_matches_no_variant_is_a_usage_error() -> None:
    result = run("check", str(EXAMPLES), "--lang", "xx")
    assert result.exit_code == 2
    assert "--lang xx: no variant" in result.output


def test_a_lang_selects_its_subtags(tmp_path: Path) -> None:
    data = article_data({"vi": ["Hội chợ mở cửa."], "zh-Hans": ["博览会开幕。"]})
    data["variants"]["vi"]["title"] = "Hội chợ mở cửa"
    data["variants"]["zh-Hans"]["title"] = "博览会开幕。"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check", str(path), "--lang", "zh", "--select", "MP503", "--format", "json")
    report = json.loads(result.output)
    assert [f["lang"] for f in report["findings"]] == ["zh-Hans"]


def test_an_internal_error_exits_3_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import multipub.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(multipub.cli, "report_of", broken)
    result = CliRunner().invoke(main, ["check", str(EXAMPLES)])
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        "multipub: internal error: RuntimeError: a bug (run with --debug for the traceback)"
    ]
    debug = CliRunner().invoke(main, ["--debug", "check", str(EXAMPLES)])
    assert debug.exit_code == 3 and "Traceback" in debug.output


def test_an_unreadable_file_is_reported_whatever_select_names(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(article_data({"vi": ["Một câu."]}), ensure_ascii=False), "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    narrowed = run("check", str(good), str(broken), "--select", "MP304", "--format", "json")
    assert narrowed.exit_code == 1  # a run narrowed to one check still fails on it
    assert [f["code"] for f in json.loads(narrowed.stdout)["findings"]] == ["MP000"]
    nothing = run("check", str(broken), "--select", "MP3")
    assert nothing.exit_code == 2  # nothing could be read
    silenced = run("check", str(good), str(broken), "--select", "MP3", "--ignore", "MP000")
    assert silenced.exit_code == 0
