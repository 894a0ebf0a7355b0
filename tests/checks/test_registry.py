"""The registry: codes, names, docs, selection."""

from __future__ import annotations

import re

import pytest

from multipub.checks import UnknownCodeError, all_rules, get_rule, select_rules


def test_every_rule_is_documented() -> None:
    rules = all_rules()
    assert [r.code for r in rules] == sorted(r.code for r in rules)
    for rule in rules:
        assert re.fullmatch(r"MP\d{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        for text in (rule.summary, rule.why, rule.bad, rule.good):
            assert len(text) > 20, (rule.code, text)
        doc = rule.doc()
        for heading in ("## What it does", "## Why it matters", "## Example", "## Use instead"):
            assert heading in doc
        if rule.code not in ("MP000", "MP001", "MP002", "MP304"):
            assert rule.function is not None


def test_contract_codes_and_names() -> None:
    expected = {
        "MP000": "input-error",
        "MP001": "source-missing",
        "MP002": "unused-suppression",
        "MP101": "missing-term",
        "MP102": "non-preferred-term",
        "MP103": "forbidden-term",
        "MP104": "inconsistent-term",
        "MP201": "misspelled-name",
        "MP202": "unknown-name",
        "MP203": "wrong-role",
        "MP204": "gender-agreement",
        "MP205": "latin-name-form",
        "MP301": "duplicate-block",
        "MP302": "near-duplicate-block",
        "MP303": "untranslated-block",
        "MP304": "corpus-duplicate",
        "MP401": "wrong-language",
        "MP402": "foreign-fragment",
        "MP403": "page-furniture",
        "MP501": "number-mismatch",
        "MP502": "unaligned-block",
        "MP503": "headline-style",
        "MP601": "needs-update",
    }
    assert {r.code: r.name for r in all_rules()} == expected


@pytest.mark.parametrize(
    ("select", "ignore", "codes"),
    [
        (
            (),
            ("MP1", "MP2", "MP4", "MP50"),
            ["MP000", "MP001", "MP002", "MP301", "MP302", "MP303", "MP304", "MP601"],
        ),
        (("MP3",), (), ["MP301", "MP302", "MP303", "MP304"]),
        (("MP3",), ("MP302",), ["MP301", "MP303", "MP304"]),
        (("mp503", "duplicate-block"), (), ["MP301", "MP503"]),
        (("MP1",), ("MP102",), ["MP101", "MP103", "MP104"]),
        ((), ("MP",), []),
    ],
)
def test_selection_by_code_prefix_and_name(
    select: tuple[str, ...], ignore: tuple[str, ...], codes: list[str]
) -> None:
    assert [r.code for r in select_rules(select, ignore)] == codes


@pytest.mark.parametrize("selector", ["MP9", "MP3O1", "duplicate"])
def test_unknown_selectors_are_errors(selector: str) -> None:
    with pytest.raises(UnknownCodeError, match="matches no check"):
        select_rules([selector])


def test_get_rule_by_code_or_name() -> None:
    assert get_rule("mp302").name == "near-duplicate-block"
    assert get_rule("headline-style").code == "MP503"
    with pytest.raises(UnknownCodeError):
        get_rule("MP999")
