"""MP001 source-missing: a translation checked without its source runs every check that
needs no source, and says once which checks could not run."""

from __future__ import annotations

import pytest

from multipub import Config, check
from tests.conftest import make_article

TRANSLATIONS = {
    "ar": ["120 مشاهدة", "افتتح المعرض التجاري في المقاطعة صباح اليوم بمشاركة مئة شركة."],
    "ru": ["Просмотров: 120", "Торговая ярмарка открылась утром при участии ста компаний."],
    "zh-Hans": ["1200次浏览", "省贸易博览会今天上午开幕，一百家企业参展。"],
}


@pytest.mark.parametrize(
    "langs", [["ar"], ["ru"], ["zh-Hans"], ["ar", "ru"], ["ar", "ru", "zh-Hans"]]
)
def test_translations_without_their_source(langs: list[str]) -> None:
    article = make_article({lang: TRANSLATIONS[lang] for lang in langs})
    findings = check(article)
    missing = [f for f in findings if f.code == "MP001"]
    assert len(missing) == 1  # once per article, however many translations
    [info] = missing
    assert info.severity.value == "info" and info.lang is None and info.span is None
    assert "'vi'" in info.message
    assert "MP101, MP501, MP502" in info.message
    # The checks that need no source ran on every translation: the counters are found.
    assert sorted(f.lang for f in findings if f.code == "MP403") == sorted(langs)


def test_with_its_source_nothing_is_missing() -> None:
    article = make_article(
        {
            "vi": ["Hội chợ thương mại của tỉnh khai mạc sáng nay với một trăm doanh nghiệp."],
            "ar": TRANSLATIONS["ar"][1:],
        }
    )
    assert [f.code for f in check(article) if f.code == "MP001"] == []


def test_source_missing_can_be_ignored_and_says_only_what_was_selected() -> None:
    article = make_article({"ar": TRANSLATIONS["ar"]})
    assert [f for f in check(article, config=Config(ignore=("MP001",))) if f.code == "MP001"] == []
    [info] = [f for f in check(article, config=Config(select=("MP001", "MP5")))]
    assert "MP501, MP502 compare" in info.message
    # No selected check needs the source: nothing to say.
    assert check(article, config=Config(select=("MP001", "MP403"))) != []
    assert [f.code for f in check(article, config=Config(select=("MP001", "MP403")))] == ["MP403"]
