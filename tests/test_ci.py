"""multipub in a desk's CI: configuration files, suppressions, baselines, stdin, exclude,
statistics, and the same line numbers in every format."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from multipub.cli import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def in_dir(tmp_path: Path) -> Iterator[Path]:
    """Run in a fresh folder (configuration is found from the working directory)."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def _article(number: int, ru_blocks: list[object] | None = None) -> dict[str, object]:
    """Return a small clean article: a Vietnamese source and a Russian translation."""
    return {
        "id": f"desk-{number:02d}",
        "source_lang": "vi",
        "variants": {
            "vi": {
                "title": f"Tỉnh khánh thành cầu số {number}",
                "blocks": [
                    f"Sáng nay tỉnh khánh thành cây cầu số {number} bắc qua sông Lam.",
                    "Người dân hai bên bờ không còn phải đi đò qua sông mỗi ngày.",
                ],
            },
            "ru": {
                "title": f"В провинции открыт мост № {number}",
                "blocks": ru_blocks
                or [
                    f"Сегодня утром в провинции открыли мост № {number} через реку Лам.",
                    "Жителям обоих берегов больше не нужно каждый день переправляться на лодке.",
                ],
            },
        },
    }


_REPEAT = "Жителям обоих берегов больше не нужно каждый день переправляться на лодке."


def _content_repository(root: Path) -> Path:
    """Write a desk's content repository: pyproject with [tool.multipub], a dozen
    articles, one with a known repeat (baselined), one with a suppressed repeat."""
    (root / "pyproject.toml").write_text(
        "[project]\nname = 'desk-content'\nversion = '1'\n\n"
        "[tool.multipub]\n"
        'select = ["MP301", "MP302", "MP303", "MP5"]\n'
        'fail-on = "warning"\n'
        'exclude = ["drafts"]\n'
        'baseline = ".multipub-baseline.json"\n'
        "\n[tool.multipub.severity]\n"
        'MP503 = "info"\n',
        "utf-8",
    )
    content = root / "content"
    (content / "drafts").mkdir(parents=True)
    for number in range(12):
        article = _article(number)
        if number == 3:  # an old defect, known to the baseline
            article["variants"]["ru"]["blocks"].append(_REPEAT)  # type: ignore[index]
        if number == 5:  # a repeat on purpose, silenced with its reason
            article["variants"]["ru"]["blocks"].append(  # type: ignore[index]
                {
                    "text": _REPEAT,
                    "multipub": {
                        "ignore": [{"code": "MP301", "reason": "the desk repeats it on purpose"}]
                    },
                }
            )
        (content / f"article-{number:02d}.json").write_text(
            json.dumps(article, ensure_ascii=False, indent=2), "utf-8"
        )
    # A draft with a defect: excluded by the configuration.
    draft = _article(99)
    draft["variants"]["ru"]["blocks"].append(_REPEAT)  # type: ignore[index]
    (content / "drafts" / "draft.json").write_text(json.dumps(draft, ensure_ascii=False), "utf-8")
    return content


def _adopted(root: Path) -> Path:
    """Return the content repository with its baseline written."""
    content = _content_repository(root)
    assert run("check", "content", "--write-baseline", ".multipub-baseline.json").exit_code == 0
    return content


def test_content_repository_fails_only_on_the_new_finding(in_dir: Path) -> None:
    content = _content_repository(in_dir)
    # Adoption: the desk records today's findings.
    wrote = run("check", "content", "--write-baseline", ".multipub-baseline.json")
    assert wrote.exit_code == 0, wrote.output
    baseline = json.loads((in_dir / ".multipub-baseline.json").read_text("utf-8"))
    assert [(e["code"], e["article"]) for e in baseline["findings"]] == [("MP301", "desk-03")]
    # With the baseline (named in the configuration): nothing new, exit 0.
    clean = run("check", "content", "--format", "json")
    assert clean.exit_code == 0, clean.output
    report = json.loads(clean.output)
    assert report["findings"] == []
    kinds = sorted(f["suppressed"]["kind"] for f in report["suppressed"])
    assert kinds == ["baseline", "in-article"]
    # A defect added after the baseline fails the run, and only it is reported.
    path = content / "article-07.json"
    article = json.loads(path.read_text("utf-8"))
    article["variants"]["ru"]["blocks"].append(_REPEAT)
    path.write_text(json.dumps(article, ensure_ascii=False, indent=2), "utf-8")
    failing = run("check", "content", "--format", "json")
    assert failing.exit_code == 1
    found = json.loads(failing.output)["findings"]
    assert [(f["code"], f["article"]) for f in found] == [("MP301", "desk-07")]
    # The line is the line of the repeated block in the file.
    line = path.read_text("utf-8").splitlines()[found[0]["line"] - 1]
    assert _REPEAT in line
    assert found[0]["column"] == line.index(_REPEAT) + 1


def test_flags_win_over_the_configuration(in_dir: Path) -> None:
    _content_repository(in_dir)
    # The configuration names a baseline that does not exist yet: a usage error.
    missing = run("check", "content")
    assert missing.exit_code == 2 and ".multipub-baseline.json" in missing.output
    assert run("check", "content", "--write-baseline", ".multipub-baseline.json").exit_code == 0
    # fail-on = "warning" in the file; --fail-on never on the command line wins.
    assert run("check", "content", "--fail-on", "never").exit_code == 0
    shown = run("config").output
    assert re.search(r"fail_on = \"warning\"\s+# pyproject.toml", shown), shown
    assert re.search(r"duplicate_min_chars = 20\s+# default", shown), shown
    isolated = run("check", "content", "--isolated", "--select", "MP301", "--format", "json")
    # Without the configuration the baseline and the exclusion are gone: the draft counts.
    codes = [(f["code"], f["article"]) for f in json.loads(isolated.output)["findings"]]
    assert ("MP301", "desk-99") in codes and ("MP301", "desk-03") in codes


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[tool.multipub]\nselekt = ['MP3']\n", "pyproject.toml:2: unknown key 'selekt'"),
        ("[tool.multipub]\nfail-on = 'sometimes'\n", "pyproject.toml:2: fail-on:"),
        ("[tool.multipub]\nselect = ['MP9']\n", "pyproject.toml:2: select:"),
        (
            "[tool.multipub]\nselect = ['MP3']\n\n[tool.multipub.severity]\nMP301 = 'loud'\n",
            "pyproject.toml:5: severity.MP301:",
        ),
        ("[tool.multipub\nselect = 1\n", "pyproject.toml:1: invalid TOML"),
        (
            "[tool.multipub]\n\n[tool.multipub.lang.zh]\ntitle-max-chars = 'long'\n",
            "pyproject.toml:4: lang.zh.title_max_chars:",
        ),
        # A value out of range, not only of the wrong type.
        ("[tool.multipub]\nduplicate-min-chars = -1\n", "pyproject.toml:2: duplicate-min-chars:"),
    ],
)
def test_bad_configuration_is_one_line_exit_2(in_dir: Path, table: str, message: str) -> None:
    (in_dir / "pyproject.toml").write_text(table, "utf-8")
    (in_dir / "a.json").write_text(json.dumps(_article(1), ensure_ascii=False), "utf-8")
    result = run("check", "a.json")
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert message in lines[0], lines[0]


def test_multipub_toml_and_config_flag(in_dir: Path) -> None:
    (in_dir / "multipub.toml").write_text("select = ['MP503']\n", "utf-8")
    (in_dir / "other.toml").write_text("select = ['MP301']\nfail-on = 'never'\n", "utf-8")
    shown = run("config").output
    assert 'select = ["MP503"]' in shown and "# multipub.toml" in shown
    other = run("config", "--config", "other.toml").output
    assert 'fail_on = "never"' in other and "# other.toml" in other
    missing = run("check", ".", "--config", "nowhere.toml")
    assert missing.exit_code == 2 and "nowhere.toml" in missing.output


def test_suppression_needs_a_reason_and_unused_ones_are_reported(in_dir: Path) -> None:
    article = _article(1)
    article["multipub"] = {"ignore": [{"code": "MP503", "reason": "titles are checked upstream"}]}
    article["variants"]["ru"]["multipub"] = {  # type: ignore[index]
        "ignore": [{"code": "MP301", "reason": "nothing repeats here"}]
    }
    (in_dir / "a.json").write_text(json.dumps(article, ensure_ascii=False, indent=2), "utf-8")
    report = json.loads(run("check", "a.json", "--format", "json").output)
    unused = [f for f in report["findings"] if f["code"] == "MP002"]
    # The MP503 suppression silences nothing either: both are reported.
    assert len(unused) == 2
    assert {f["lang"] for f in unused} == {None, "ru"}
    assert all("silences no finding" in f["message"] for f in unused)
    article["multipub"] = {"ignore": [{"code": "MP503", "reason": " "}]}
    (in_dir / "a.json").write_text(json.dumps(article, ensure_ascii=False, indent=2), "utf-8")
    bad = json.loads(run("check", "a.json", "--format", "json").output)
    assert [f["code"] for f in bad["findings"]] == ["MP000"]
    assert "a suppression needs a reason" in bad["findings"][0]["message"]
    assert bad["findings"][0]["line"] is not None


def test_unused_suppression_of_a_check_that_did_not_run_is_not_reported(in_dir: Path) -> None:
    article = _article(1)
    article["multipub"] = {"ignore": [{"code": "MP102", "reason": "house style differs"}]}
    (in_dir / "a.json").write_text(json.dumps(article, ensure_ascii=False), "utf-8")
    # No glossary: MP102 did not run, so its suppression cannot be judged.
    report = json.loads(run("check", "a.json", "--format", "json").output)
    assert not [f for f in report["findings"] if f["code"] == "MP002"]


def test_prune_baseline_removes_what_no_longer_matches(in_dir: Path) -> None:
    article = _article(1)
    article["variants"]["ru"]["blocks"].append(_REPEAT)  # type: ignore[index]
    (in_dir / "a.json").write_text(json.dumps(article, ensure_ascii=False), "utf-8")
    assert run("check", "a.json", "--write-baseline", "base.json").exit_code == 0
    fixed = _article(1)
    (in_dir / "a.json").write_text(json.dumps(fixed, ensure_ascii=False), "utf-8")
    stale = run("check", "a.json", "--baseline", "base.json")
    assert stale.exit_code == 0
    assert "1 entry no longer match" in stale.output
    pruned = run("check", "a.json", "--baseline", "base.json", "--prune-baseline")
    assert pruned.exit_code == 0
    assert json.loads((in_dir / "base.json").read_text("utf-8"))["findings"] == []
    broken = run("check", "a.json", "--baseline", "a.json")
    assert broken.exit_code == 2 and "not a multipub baseline" in broken.output


def test_baseline_ignores_lines_and_block_numbers(in_dir: Path) -> None:
    article = _article(1)
    article["variants"]["ru"]["blocks"].append(_REPEAT)  # type: ignore[index]
    (in_dir / "a.json").write_text(json.dumps(article, ensure_ascii=False), "utf-8")
    assert run("check", "a.json", "--write-baseline", "base.json").exit_code == 0
    # An edit above the finding (a paragraph inserted first, the file re-indented).
    article["variants"]["ru"]["blocks"].insert(0, "Вступление к статье о мосте.")  # type: ignore[index]
    article["variants"]["vi"]["blocks"].insert(0, "Phần mở đầu bài viết về cây cầu.")  # type: ignore[index]
    (in_dir / "a.json").write_text(json.dumps(article, ensure_ascii=False, indent=4), "utf-8")
    result = run("check", "a.json", "--baseline", "base.json", "--select", "MP301")
    assert result.exit_code == 0, result.output


def test_stdin_with_its_filename(in_dir: Path) -> None:
    article = _article(1)
    article["variants"]["ru"]["blocks"].append(_REPEAT)  # type: ignore[index]
    text = json.dumps(article, ensure_ascii=False, indent=2)
    result = run(
        "check",
        "-",
        "--stdin-filename",
        "news/bridge.json",
        "--format",
        "json",
        "--fail-on",
        "warning",
        stdin=text,
    )
    assert result.exit_code == 1
    found = json.loads(result.output)["findings"]
    assert found and found[0]["path"] == "news/bridge.json" and found[0]["line"]
    lines = "\n".join(json.dumps(_article(n), ensure_ascii=False) for n in range(3))
    jsonl = run("check", "-", "--stdin-filename", "feed.jsonl", "--format", "json", stdin=lines)
    assert json.loads(jsonl.output)["summary"]["articles"] == 3


def test_exclude_and_statistics(in_dir: Path) -> None:
    _content_repository(in_dir)
    stats = run(
        "check",
        "content",
        "--isolated",
        "--statistics",
        "--ignore",
        "MP304",
        "--exclude",
        "article-0[0-4]*",
    )
    # desk-05's repeat is suppressed, the draft's is reported; desk-03 is excluded.
    assert stats.output.splitlines() == ["1  MP301  duplicate-block"], stats.output
    quiet = run("check", "content", "--isolated", "-q", "--select", "MP301")
    assert "signature:" not in quiet.output and "MP301" in quiet.output


def _formats_lines(root: Path) -> dict[str, list[tuple[str, int]]]:
    """Return (code, line) of every finding in each output format."""
    out: dict[str, list[tuple[str, int]]] = {}
    base = ["check", "content", "--isolated", "--select", "MP301,MP503"]
    data = json.loads(run(*base, "--format", "json").output)
    out["json"] = sorted((f["code"], f["line"]) for f in data["findings"])
    sarif = json.loads(run(*base, "--format", "sarif").output)
    out["sarif"] = sorted(
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in sarif["runs"][0]["results"]
        if "suppressions" not in r
    )
    github = run(*base, "--format", "github").output
    out["github"] = sorted(
        (m.group(2), int(m.group(1))) for m in re.finditer(r"line=(\d+),.*?title=(MP\d+)", github)
    )
    junit = ET.fromstring(run(*base, "--format", "junit").output)
    out["junit"] = sorted(
        (case.get("name", "").split()[0], int(case.get("line", "0")))
        for case in junit.iter("testcase")
    )
    text = run(*base).output
    out["text"] = sorted(
        (m.group(3), int(m.group(1)))
        for m in re.finditer(r"^\s+(\d+):(\d+) \S+ \S+ \S+\s+(MP\d+)", text, re.M)
    )
    return out


def test_every_format_carries_the_same_lines(in_dir: Path) -> None:
    _adopted(in_dir)
    lines = _formats_lines(in_dir)
    assert lines["json"], lines
    for fmt, found in lines.items():
        assert found == lines["json"], (fmt, found, lines["json"])


def test_sarif_locations_are_relative_with_columns_and_suppressions(in_dir: Path) -> None:
    _adopted(in_dir)
    log = json.loads(run("check", "content", "--format", "sarif").output)
    run_ = log["runs"][0]
    assert run_["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file:///")
    assert run_["tool"]["driver"]["informationUri"].startswith("https://")
    assert all(rule["helpUri"].startswith("https://") for rule in run_["tool"]["driver"]["rules"])
    for result in run_["results"]:
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "SRCROOT"
        assert not physical["artifactLocation"]["uri"].startswith("/")
        assert physical["region"]["startColumn"] >= 1
    suppressed = [r for r in run_["results"] if "suppressions" in r]
    assert {s["suppressions"][0]["kind"] for s in suppressed} == {"inSource", "external"}
    repeats = [r for r in run_["results"] if r["ruleId"] == "MP301"]
    assert all(r["relatedLocations"] for r in repeats)


def _sarif_schema() -> Path | None:
    found = sorted(SHARED.glob("**/sarif*schema*.json")) if SHARED.exists() else []
    return found[0] if found else None


def test_sarif_validates_against_the_official_schema(in_dir: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = _sarif_schema()
    if schema_path is None:
        pytest.skip("the SARIF 2.1.0 schema is not under ../shared/data")
    _adopted(in_dir)
    log = json.loads(run("check", "content", "--format", "sarif").output)
    schema = json.loads(schema_path.read_text("utf-8"))
    jsonschema.validate(log, schema)


def _multitool() -> list[str] | None:
    """Return the command of Microsoft's SARIF multitool: on PATH, or installed with npm
    under .tools/ (see docs/testing.md); None when neither is there."""
    on_path = shutil.which("sarif-multitool")
    if on_path:
        return [on_path]
    local = Path(__file__).resolve().parents[1] / ".tools" / "node_modules" / ".bin"
    if (local / "sarif-multitool").exists():
        return [str(local / "sarif-multitool")]
    return None


def test_sarif_validates_with_microsofts_multitool(in_dir: Path) -> None:
    command = _multitool()
    if command is None:
        pytest.skip(
            "the SARIF multitool is not installed (npm install --prefix .tools "
            "@microsoft/sarif-multitool)"
        )
    _adopted(in_dir)
    sarif = in_dir / "out.sarif"
    assert run("check", "content", "--format", "sarif", "--output", str(sarif)).exit_code == 0
    checked = in_dir / "validation.sarif"
    done = subprocess.run(
        [*command, "validate", str(sarif), "--output", str(checked)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(checked.read_text("utf-8-sig"))["runs"][0]["results"]
    errors = [r for r in results if r.get("level") == "error"]
    assert errors == [], errors


def test_glossary_convert_takes_the_glossaries_roles_point_into(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    people = root / "examples" / "desk-people.csv"
    target = tmp_path / "people.tbx"
    alone = run("glossary", "convert", str(people), str(target))
    assert alone.exit_code == 2 and "no entry 'title/" in alone.output
    assert not target.exists()
    done = run(
        "glossary", "convert", str(people), str(target), "--glossary", str(root / "glossaries")
    )
    assert done.exit_code == 0, done.output
    from multipub.glossary import load_glossary

    before = load_glossary([people, root / "glossaries"])
    after = load_glossary([target, root / "glossaries"])
    assert sorted(e.id for e in after.entries) == sorted(e.id for e in before.entries)
    person = next(e for e in after.entries if e.kind.value == "person")
    assert person.roles
