"""The language profiles: every file loads, tags match, and facts live in one place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from multipub import lang
from multipub.lang import (
    Profile,
    ProfileError,
    letter_class,
    letter_scan,
    primary_subtag,
    tag_matches,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "multipub"


def test_every_profile_loads_and_names_its_file() -> None:
    profiles = lang.profiles()
    assert {"vi", "ar", "en", "fr", "ru", "zh", "es", "de", "ja", "ko", "th"} <= set(profiles)
    for tag, found in profiles.items():
        assert found.tag == tag
        assert all(name in lang.scripts() for name in found.scripts)


def test_a_bad_profile_names_its_field() -> None:
    with pytest.raises(Exception) as caught:
        Profile.model_validate({"tag": "xx", "name": "X", "scripts": ["latin"], "titel": 3})
    assert "titel" in str(caught.value)
    with pytest.raises(ValueError, match="12"):
        Profile.model_validate(
            {"tag": "xx", "name": "X", "scripts": ["latin"], "numbers": {"months": [["a"]]}}
        )
    with pytest.raises(ValueError, match="unknown unit furlong"):
        Profile.model_validate(
            {"tag": "xx", "name": "X", "scripts": ["latin"], "numbers": {"units": {"furlong": []}}}
        )
    base = {"tag": "xx", "name": "X", "scripts": ["latin"]}
    with pytest.raises(ValueError, match="must hold"):
        Profile.model_validate({**base, "numbers": {"month_year_patterns": ["tháng {m}"]}})
    for attribution, problem in [
        ({"quote_attribution": ["{verb} she"], "speech_verbs": ["said"]}, "once"),
        ({"quote_attribution": ["{pronoun} {verbs}"], "pronouns": [["He", "She"]]}, "'verbs'"),
        ({"quote_attribution": ["{pronoun} {verb}"], "pronouns": [["He", "She"]]}, "speech_verbs"),
        ({"quote_attribution": ["{pronoun}"]}, "needs pronouns"),
    ]:
        with pytest.raises(ValueError, match=problem):
            Profile.model_validate({**base, "gender": attribution})
    assert issubclass(ProfileError, ValueError)


@pytest.mark.parametrize(
    ("language_range", "tag", "expected"),
    [
        ("zh", "zh-Hans", True),
        ("zh", "zh-Hant-TW", True),
        ("ZH", "zh-hans", True),
        ("zh-Hans", "zh", False),
        ("zh-Hans", "zh-Hans-CN", True),
        ("z", "zh", False),
        ("*", "ar", True),
        ("sr", "sr_Latn", True),
    ],
)
def test_tag_matches_is_basic_filtering(language_range: str, tag: str, expected: bool) -> None:
    assert tag_matches(language_range, tag) is expected


def test_tags_and_scripts() -> None:
    assert primary_subtag("zh-Hans") == "zh"
    assert primary_subtag("pt_BR") == "pt"
    assert lang.scripts_of("sr") == ("cyrillic",)
    assert lang.scripts_of("sr-Latn") == ("latin",)
    assert lang.writes("sv", "latin") and not lang.writes("ru", "latin")
    assert lang.profile("xx") is None and lang.scripts_of("xx") == ()
    assert lang.script_of("ب") == "arabic" and lang.script_of("ก") == "thai"
    assert lang.script_of("1") is None


def test_words_pattern_marks() -> None:
    pattern = re.compile(lang.words_pattern(["просмотр*", "млрд.", "lượt xem"]))
    assert pattern.fullmatch("просмотров")
    assert pattern.fullmatch("млрд.") and pattern.fullmatch("млрд")
    assert pattern.fullmatch("lượt  xem")
    assert not re.compile(lang.words_pattern(["mil"])).match("millones")


# The lists that used to be copied across modules, and a member of each: none may be
# written out in code again (the profiles hold them).
_FORMER_COPIES = {
    "Latin-script languages": r'"id", "ms", "pl", "cs"',
    "non-Latin languages": r'"sr", "mk", "zh", "ja", "ko"',
    "Vietnamese letters": "ơưạảấầẩẫậắằẳẵặ",
    "scripts without spaces": r"\u0e00-\u0eff\u1000-\u109f",
    "month names": "septembre septiembre",
    "furniture labels": "lượt xem|lượt đọc",
    "Arabic verbs": '"ترأس", "قال"',
    "function words": '"the of and to in is that',
}


@pytest.mark.parametrize("fact", sorted(_FORMER_COPIES))
def test_no_module_keeps_its_own_copy(fact: str) -> None:
    needle = _FORMER_COPIES[fact]
    holders = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if needle in path.read_text(encoding="utf-8")
    ]
    assert holders == [], f"{fact} written out in {holders}: ask multipub.lang"


def test_lang_filter_selects_by_prefix() -> None:
    import multipub

    article = multipub.Article.model_validate(
        {
            "id": "filter",
            "source_lang": "vi",
            "variants": {
                "vi": {"origin": "original", "title": "Hà Nội mở hội chợ."},
                "zh-Hans": {"title": "河内举办展会。"},
                "zh-Hant": {"title": "河內舉辦展會。"},
                "ar": {"title": "هانوي تفتتح معرضا."},
            },
        }
    )
    config = multipub.Config(select=("MP503",), langs=("zh",))
    assert sorted({f.lang for f in multipub.check(article, config=config)}) == [
        "zh-Hans",
        "zh-Hant",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Привет, мир",  # no letter of Han
        "Bộ trưởng phát biểu",
        "会议讨论了预算",  # Basic Multilingual Plane Han
        "姓𠀀名",  # a Han letter of Extension B, beyond U+FFFF
        "Привет 😀 мир",  # beyond U+FFFF, but an emoji is no letter
        "Привет 𠀀",  # the only Han letter is beyond U+FFFF
        "𠀀",
        "",
    ],
)
def test_letter_scan_answers_as_the_letter_class_does(text: str) -> None:
    pattern = re.compile(letter_class("han"))
    scan = letter_scan("han")
    assert scan.search(text) == (pattern.search(text) is not None)
    assert scan.count(text) == len(pattern.findall(text))


def test_letter_scan_of_several_scripts_counts_each() -> None:
    scan = letter_scan("han", "kana")
    assert scan.count("東京へ行く𠀀") == 6  # 東 京 行 𠀀 (Han), へ く (kana)
    assert not scan.search("Москва")


def test_letter_scan_of_a_script_without_astral_letters_and_of_none() -> None:
    cyrillic = letter_scan("cyrillic")
    assert cyrillic.search("Hà Nội và Москва") and cyrillic.count("Москва 𠀀") == 6
    assert not cyrillic.search("𠀀 Hà Nội")
    nothing = letter_scan()
    assert not nothing.search("Москва 中文") and nothing.count("Москва") == 0


def test_the_bases_of_an_arabic_word_without_its_clitics() -> None:
    from multipub.lang import profile

    arabic = profile("ar")
    assert arabic is not None and arabic.matching.clitics is not None
    clitics = arabic.matching.clitics
    # "للرابطة" (for the association) and "لرابطة" meet in "رابطة"
    assert "رابطة" in clitics.bases("للرابطة") & clitics.bases("لرابطة")
    # ل + اللجنة is written "للجنة": it meets "اللجنة" in "لجنة"
    assert "لجنة" in clitics.bases("للجنة") & clitics.bases("اللجنة")
    # a word with no clitic is only itself and what a prefix-shaped start leaves
    assert clitics.bases("حزب") == frozenset({"حزب"})
