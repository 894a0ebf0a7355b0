"""An editor's pre-publication check, built on multipub's Python API.

Usage: python examples/check_article.py ARTICLE_FILE...

For every language edition of each article it prints a verdict (ready, to review,
blocked) and the reasons, and exits with status 1 if any edition is blocked.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import multipub

HERE = Path(__file__).resolve().parent
# The shipped Party and State glossary and the desk's own people.
GLOSSARY_FILES = [HERE.parent / "glossaries", HERE / "desk-people.csv"]


def verdict(findings: list[multipub.Finding]) -> str:
    """Return "blocked" when an error was found, "review" for warnings, else "ready"."""
    severities = {f.severity for f in findings}
    if multipub.Severity.ERROR in severities:
        return "blocked"
    if multipub.Severity.WARNING in severities:
        return "review"
    return "ready"


def main(paths: list[str]) -> int:
    """Check each file, print one verdict per language edition; return the exit status."""
    # The desk's own rules: Chinese headlines may run a little longer than the default.
    config = multipub.Config(title_max_chars={"*": 150, "zh": 70})
    # An index shares the glossary's matchers between articles.
    glossary = multipub.GlossaryIndex(multipub.load_glossary(GLOSSARY_FILES))
    blocked = False
    for path in paths:
        try:
            article = multipub.load_article(path)
        except multipub.InputError as err:
            print(f"{path}: cannot read: {err}")
            blocked = True
            continue
        by_lang: dict[str, list[multipub.Finding]] = defaultdict(list)
        for finding in multipub.check(article, config=config, glossary=glossary, path=path):
            by_lang[finding.lang or "?"].append(finding)
        print(f"{article.id} ({path})")
        for lang in sorted(article.variants):
            findings = by_lang.get(lang, [])
            state = verdict(findings)
            blocked |= state == "blocked"
            origin = article.origin_of(lang).value
            print(f"  {lang:<8} {origin:<12} {state}")
            for f in findings:
                place = f"block {f.block}" if f.field == "blocks" else f.field
                print(f"      {f.code} {place}: {f.message}")
    return 1 if blocked else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
