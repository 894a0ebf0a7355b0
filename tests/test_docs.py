"""The documentation stays in step with the code.

The generated parts (rule pages, CLI reference, the rules table of the README, the code
table of docs/formats.md, the configuration keys and examples of docs/ci.md) are compared
with what ``tools/gen_docs.py`` generates now from the working tree, so a new option or
check fails here until the docs are regenerated. The CI examples and the pre-commit hook
are loaded as YAML and checked for the structure the docs promise.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from multipub.checks import all_rules

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "tools" / "gen_docs.py"
FIX = "python tools/gen_docs.py (from the repository root)"


def _generator() -> ModuleType:
    """Return tools/gen_docs.py imported as a module (tools/ is no package)."""
    spec = importlib.util.spec_from_file_location("gen_docs", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _yaml(relative: str) -> Any:
    """Return the YAML document of the file at ``relative`` below the repository."""
    return yaml.safe_load((ROOT / relative).read_text(encoding="utf-8"))


def test_generated_docs_are_current() -> None:
    # A fresh process: the generator renders --help and the registry as they are now.
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, (
        "generated documentation is out of date:\n"
        f"{result.stdout}{result.stderr}"
        f"regenerate it with: {FIX}"
    )


def test_generator_output_is_deterministic() -> None:
    gen = _generator()
    first, obsolete = gen.planned(ROOT)
    second, _ = gen.planned(ROOT)
    assert first == second
    assert not obsolete, f"pages of checks that no longer exist: {obsolete}; run {FIX}"


def test_check_mode_names_the_stale_files(tmp_path: Path) -> None:
    gen = _generator()
    files, _ = gen.planned(ROOT)
    for relative, content in files.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8", newline="")
    examples = ROOT / "docs" / "examples"
    (tmp_path / "docs" / "examples").mkdir(parents=True)
    for example in examples.iterdir():
        (tmp_path / "docs" / "examples" / example.name).write_bytes(example.read_bytes())
    plan = gen.planned(tmp_path)
    assert gen.stale(tmp_path, plan) == []
    (tmp_path / "docs" / "cli.md").write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "docs" / "rules" / "MP999.md").write_text("# gone\n", encoding="utf-8")
    plan = gen.planned(tmp_path)
    assert gen.stale(tmp_path, plan) == [Path("docs/cli.md"), Path("docs/rules/MP999.md")]


def test_missing_markers_are_an_error() -> None:
    gen = _generator()
    with pytest.raises(gen.DocsError, match="rules:begin"):
        gen.fill_region("no markers here\n", "rules", "| table |\n", where="README.md")
    filled = gen.fill_region("a\n<!-- x:begin -->\nold\n<!-- x:end -->\nb\n", "x", "new\n")
    assert filled == "a\n<!-- x:begin -->\nnew\n<!-- x:end -->\nb\n"


def test_every_rule_has_a_page() -> None:
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for rule in all_rules():
        page = ROOT / "docs" / "rules" / f"{rule.code}.md"
        if not page.is_file():
            missing.append(rule.code)
            continue
        text = page.read_text(encoding="utf-8")
        assert text.startswith(f"# {rule.code} {rule.name}\n")
        for section in ("## Bad", "## Good", "## Selecting and ignoring"):
            assert section in text, f"{page.name} lacks {section!r}"
        assert f"[{rule.code}]({rule.code}.md)" in index
        assert f"[{rule.code}](docs/rules/{rule.code}.md)" in readme
    assert not missing, f"no page for {missing}; run {FIX}"


def test_formats_doc_mentions_every_check_code() -> None:
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    missing = [r.code for r in all_rules() if r.code not in text]
    assert not missing, f"docs/formats.md does not mention {missing}; run {FIX}"


def test_formats_doc_describes_every_finding_field() -> None:
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for field in (
        *"code name severity path article lang field block span message related".split(),
        *"entry line column end_line end_column excerpt suppressed".split(),
    ):
        assert f"`{field}`" in text, f"docs/formats.md does not describe {field!r}"
    for status in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"):
        assert status in text


def test_cli_reference_covers_every_command() -> None:
    import click

    from multipub.cli import main

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")

    def walk(command: click.Command, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        found = [path]
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                if not sub.hidden:
                    found += walk(sub, (*path, name))
        return found

    for path in walk(main, ()):
        title = " ".join(("multipub", *path))
        assert f"\n## {title}\n" in text, f"docs/cli.md has no section {title!r}; run {FIX}"


def test_relative_links_in_docs_resolve() -> None:
    # The generated and reference pages; guides written elsewhere keep their own links.
    docs = ROOT / "docs"
    pages = [
        ROOT / "README.md",
        ROOT / "CHANGELOG.md",
        docs / "formats.md",
        docs / "ci.md",
        docs / "cli.md",
        *sorted((docs / "rules").glob("*.md")),
    ]
    broken = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = target.split("#", 1)[0]
            if not (page.parent / path).exists():
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
    assert not broken, "broken links:\n" + "\n".join(broken)


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job.get("steps")
    assert isinstance(steps, list)
    return steps


def test_github_workflow_example() -> None:
    workflow = _yaml("docs/examples/github-workflow.yml")
    # YAML 1.1 (PyYAML) reads the key `on` as True.
    assert "on" in workflow or True in workflow
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    steps = _steps(job)
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"
    assert any("pip install" in s.get("run", "") for s in steps)
    check_index, check = next(
        (i, s) for i, s in enumerate(steps) if "multipub check" in s.get("run", "")
    )
    assert "--format sarif" in check["run"] and "--output multipub.sarif" in check["run"]
    upload_index, upload = next(
        (i, s)
        for i, s in enumerate(steps)
        if s.get("uses", "") == "github/codeql-action/upload-sarif@v3"
    )
    assert upload_index > check_index
    assert "always()" in upload["if"]
    assert upload["with"]["sarif_file"] == "multipub.sarif"
    if check.get("continue-on-error"):
        # Then a later step must fail the job on the check's outcome.
        later = steps[check_index + 1 :]
        assert any(f"steps.{check['id']}.outcome" in str(s.get("if", "")) for s in later)


def test_gitlab_ci_example() -> None:
    pipeline = _yaml("docs/examples/gitlab-ci.yml")
    jobs = {k: v for k, v in pipeline.items() if isinstance(v, dict) and "script" in v}
    (job,) = jobs.values()
    assert job["stage"] in pipeline["stages"]
    assert str(job["image"]).startswith("python:3.11")
    command = next(line for line in job["script"] if line.startswith("multipub check"))
    assert "--format junit" in command and "--output multipub-junit.xml" in command
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == "multipub-junit.xml"


def test_ci_doc_shows_the_examples_and_the_baseline_commands() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for example in ("github-workflow.yml", "gitlab-ci.yml"):
        body = (ROOT / "docs" / "examples" / example).read_text(encoding="utf-8")
        assert body.strip() in text, f"docs/ci.md does not show {example}; run {FIX}"
    for command in (
        "multipub check content/ --write-baseline .multipub-baseline.json",
        "--baseline .multipub-baseline.json",
        "--prune-baseline",
        "[tool.multipub]",
        "multipub.toml",
        "per-path-ignores",
        "extend-exclude",
        "[tool.multipub.lang.",
    ):
        assert command in text


def test_pre_commit_hook() -> None:
    hooks = _yaml(".pre-commit-hooks.yaml")
    assert isinstance(hooks, list)
    (hook,) = (h for h in hooks if h["id"] == "multipub")
    assert hook["name"] == "multipub"
    assert hook["entry"] == "multipub check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for name in ("a.json", "content/b.jsonl", "c.yaml", "d.yml"):
        assert files.search(name), name
    for name in ("e.csv", "f.tbx", "g.json.bak", "h.toml"):
        assert not files.search(name), name
