"""The fast paths of issue "Whole archives" item 1: the function-word shortcut of language
identification, the cache of built glossary matchers, MP402's cheap test first.

Every sentence here was written for these tests."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from multipub import Config, check, langid, matcher
from multipub.checks import language as language_check
from multipub.checks.language import foreign_fragments
from multipub.glossary import Glossary, glossary_from_data
from multipub.lang import languages
from multipub.langid import (
    ALL_LANGUAGES,
    SITE_LANGUAGES,
    function_words_language,
    get_identifier,
    identify,
    plainly_in,
)
from multipub.matcher import GlossaryIndex, Matcher
from tests.conftest import make_article, modules_loaded

# Two blocks per language, news prose as a translation would have it.
TEXTS = {
    "es": [
        "El ayuntamiento aprobó ayer el presupuesto para las obras del puerto, y los vecinos "
        "dijeron que también esperan mejoras en las calles del centro.",
        "Según los datos del ministerio, las exportaciones de café crecieron este año, aunque "
        "los precios bajaron durante el invierno.",
    ],
    "fr": [
        "Le conseil municipal a voté hier le budget des travaux du port, et les habitants ont "
        "déclaré qu'ils attendent aussi des rues plus sûres dans le centre.",
        "Selon les chiffres du ministère, les exportations de café ont augmenté cette année, "
        "mais les prix sont restés bas pendant l'hiver.",
    ],
    "pt": [
        "A câmara municipal aprovou ontem o orçamento das obras do porto, e os moradores "
        "disseram que também esperam melhorias nas ruas do centro, mas não antes do verão.",
        "Segundo os dados do ministério, as exportações de café cresceram este ano, embora os "
        "preços não tenham subido durante o inverno.",
    ],
    "ru": [
        "Городской совет вчера утвердил бюджет на ремонт порта, и жители сказали, что они "
        "также ждут, когда отремонтируют улицы в центре.",
        "По данным министерства, экспорт кофе в этом году вырос, хотя цены были ниже, чем "
        "ожидали, и это уже сказалось на доходах фермеров.",
    ],
    "uk": [
        "Міська рада вчора затвердила бюджет на ремонт порту, і мешканці сказали, що вони "
        "також чекають, коли відремонтують вулиці в центрі.",
        "За даними міністерства, експорт кави цього року зріс, хоча ціни були нижчими, ніж "
        "очікували, і це вже позначилося на доходах фермерів.",
    ],
    "vi": [
        "Hội đồng nhân dân thành phố đã thông qua ngân sách sửa chữa cảng, và người dân cho "
        "biết họ cũng mong các con đường ở trung tâm được nâng cấp.",
        "Theo số liệu của bộ, xuất khẩu cà phê năm nay tăng, dù giá bán trong mùa đông không "
        "cao như dự kiến.",
    ],
    "ar": [
        "وافق المجلس البلدي أمس على ميزانية إصلاح الميناء، وقال السكان إنهم ينتظرون أيضا "
        "تحسين الشوارع في وسط المدينة التي تضررت من الأمطار.",
        "وبحسب بيانات الوزارة، ارتفعت صادرات البن هذا العام، على الرغم من أن الأسعار كانت "
        "أقل مما كان متوقعا في بداية الموسم.",
    ],
    "zh": [
        "市议会昨天批准了港口维修预算，居民们表示也希望市中心的街道能够得到改善。",
        "根据该部的数据，今年咖啡出口有所增长，但冬季的价格低于预期。",
    ],
}
# Languages whose lists settle these blocks; Chinese has none (its words are not spaced).
DECIDED = ["es", "fr", "pt", "ru", "uk", "vi", "ar"]


def _pool(lang: str) -> tuple[str, ...]:
    """The candidates a check asks about in a variant of ``lang`` with a vi source."""
    return tuple(dict.fromkeys((*SITE_LANGUAGES, lang, "vi")))


def _script_languages(lang: str) -> tuple[str, ...]:
    """Every modelled language written in ``lang``'s main script."""
    from multipub.lang import profile

    found = profile(lang)
    assert found is not None
    return tuple(t for t in languages(script=found.scripts[0]) if t in ALL_LANGUAGES)


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in TEXTS.items() for text in texts]
)
def test_the_shortcut_agrees_with_the_model(lang: str, text: str) -> None:
    decided = function_words_language(text)
    if lang in DECIDED:
        assert decided == lang
        assert plainly_in(text, lang)
    else:
        assert decided is None
    # What a check would otherwise ask (the script stage, then lingua among the
    # candidates of the script)...
    assert identify(text, candidates=_pool(lang), backend="lingua", cache=False).lang == lang
    # ...and lingua alone among every modelled language of the script.
    candidates = _script_languages(lang)
    assert get_identifier("lingua").identify(text, candidates).lang == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (TEXTS["pt"][0], "es"),  # Portuguese is not plainly Spanish,
        (TEXTS["es"][0], "pt"),  # nor Spanish Portuguese,
        (TEXTS["uk"][0], "ru"),  # Ukrainian Russian,
        (TEXTS["ru"][0], "uk"),  # or Russian Ukrainian.
        (TEXTS["es"][1], "fr"),
        (TEXTS["fr"][1], "es"),
        # A Chinese block that names a currency twice is no Romanian ("nu" twice).
        ("前往帕罗 (Nu 150) 和普那卡 (Nu 200) 的出租车很方便，司机们都很友好。", "ro"),
        # Vietnamese without its diacritics is not English, though "than" and "he" are.
        ("Benh nay anh huong he than kinh, duoc tao thanh tu bo nao va tuy song", "en"),
        # A language without a model is never named: its list only counts against others.
        ("Unha das rúas do porto foi pechada polo concello despois da choiva.", "gl"),
    ],
)
def test_the_shortcut_does_not_name_a_neighbour(text: str, lang: str) -> None:
    assert not plainly_in(text, lang)


def test_names_are_not_function_words() -> None:
    # "Do" is on the Vietnamese list and "Van" on the Dutch one: capitalized words are
    # names, except the block's first.
    text = (
        "Vice Chairman of the provincial People's Committee Do Van Khai hands cash support to "
        "a family whose house was flooded."
    )
    assert plainly_in(text, "en")
    assert function_words_language(text) == "en"


def test_shortcut_results_are_cached_and_cleared() -> None:
    langid.clear_cache()
    plainly_in(TEXTS["es"][0], "es")
    assert langid._plainly_in.cache_info().currsize >= 1
    langid.clear_cache()
    assert langid._plainly_in.cache_info().currsize == 0


def test_a_block_settled_by_its_function_words_asks_no_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    lingua = get_identifier("lingua")
    real = lingua.identify

    def recording(text: str, candidates: object) -> langid.Guess:
        asked.append(text)
        return real(text, candidates)  # type: ignore[arg-type]

    monkeypatch.setattr(lingua, "identify", recording)
    langid.clear_cache()
    article = make_article(
        {
            "vi": [TEXTS["vi"][0], TEXTS["vi"][1]],
            "es": TEXTS["es"],
            "fr": TEXTS["fr"],
        }
    )
    assert check(article, config=Config(select=("MP303", "MP401", "MP402"))) == []
    assert asked == []


# --- the cache of built matchers -----------------------------------------------------------


def _glossary(extra: str = "", ru: str = "провинциальный комитет партии") -> Glossary:
    return glossary_from_data(
        {
            "name": "cache",
            "entries": [
                {
                    "id": "person/nguyen-van-an",
                    "kind": "person",
                    "terms": {
                        "vi": "Nguyễn Văn An",
                        "en": "Nguyen Van An",
                        "ru": "Нгуен Ван Ан",
                        "ar": "نغوين فان آن",
                    },
                },
                {
                    "id": "org/provincial-party-committee",
                    "kind": "organization",
                    "terms": {
                        "vi": "Tỉnh ủy" + extra,
                        "en": "Provincial Party Committee" + extra,
                        "ru": ru + extra,
                        "ar": "اللجنة الحزبية الإقليمية" + extra,
                    },
                },
            ],
        },
        "cache.yaml",
    )


TEXT_BY_LANG = {
    "vi": "Ông Nguyễn Văn An, Tỉnh ủy Hòa Giang, và ông Nguyen Van An đã phát biểu.",
    "en": "Nguyen Van An of the Provincial Party Committee spoke; Nguyễn Văn An too.",
    "ru": "Нгуена Ван Ана поддержал провинциальный комитет партии.",
    "ar": "وقال نغوين فان آن إن اللجنة الحزبية الإقليمية ستجتمع.",
}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of its own, every glossary large enough to be cached."""
    monkeypatch.setenv("MULTIPUB_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MULTIPUB_NO_CACHE", raising=False)
    monkeypatch.setattr(matcher, "CACHE_MIN_FORMS", 1)
    return tmp_path / "matchers"


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.pickle")) if directory.exists() else []


@pytest.mark.parametrize("lang", sorted(TEXT_BY_LANG))
def test_the_cache_round_trips(cache: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = _glossary()
    built = Matcher(glossary, lang)
    first = Matcher.cached(glossary, lang)
    [stored] = _files(cache)

    def no_build(*args: object) -> None:
        raise AssertionError("built, not loaded")

    monkeypatch.setattr(Matcher, "_build", no_build)
    loaded = Matcher.cached(glossary, lang)
    assert loaded is not first
    text = TEXT_BY_LANG[lang]
    assert loaded.find(text) == first.find(text) == built.find(text) != []
    assert loaded.find_many([text, text]) == built.find_many([text, text])
    assert _files(cache) == [stored]


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(cache: Path) -> None:
    glossary = _glossary()
    expected = Matcher(glossary, "en").find(TEXT_BY_LANG["en"])
    Matcher.cached(glossary, "en")
    [stored] = _files(cache)
    whole = stored.read_bytes()
    for damaged in (b"not a pickle", whole[: len(whole) // 2], b""):
        stored.write_bytes(damaged)
        assert Matcher.cached(glossary, "en").find(TEXT_BY_LANG["en"]) == expected
        # rewritten whole
        assert stored.read_bytes() != damaged
        assert pickle.loads(stored.read_bytes())[1] == stored.stem
    # A file that unpickles to something else (another key's matcher) is not used either.
    other = _glossary(extra=" mới")
    Matcher.cached(other, "en")
    [one, two] = _files(cache)
    one.write_bytes(two.read_bytes())
    two.write_bytes(one.read_bytes())
    assert Matcher.cached(glossary, "en").find(TEXT_BY_LANG["en"]) == expected


def test_other_glossaries_get_other_files(cache: Path) -> None:
    Matcher.cached(_glossary(), "ru")
    Matcher.cached(_glossary(extra=" mới"), "ru")
    Matcher.cached(_glossary(), "ar")
    assert len(_files(cache)) == 3
    # Only what a language's matcher is built from counts: a Russian form is no part of
    # the Arabic matcher.
    Matcher.cached(_glossary(ru="партком"), "ar")
    assert len(_files(cache)) == 3


def test_the_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIPUB_NO_CACHE", "1")
    assert matcher.cache_dir() is None
    Matcher.cached(_glossary(), "vi")
    assert _files(cache) == []


def test_small_glossaries_are_not_cached(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher, "CACHE_MIN_FORMS", 1000)
    GlossaryIndex(_glossary()).matcher("en")
    assert _files(cache) == []


def test_the_glossary_index_uses_the_cache(cache: Path) -> None:
    GlossaryIndex(_glossary()).matcher("en")
    assert len(_files(cache)) == 1


def test_default_cache_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MULTIPUB_NO_CACHE", raising=False)
    monkeypatch.delenv("MULTIPUB_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert matcher.cache_dir() == tmp_path / "multipub" / "matchers"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert matcher.cache_dir() == Path.home() / ".cache" / "multipub" / "matchers"


# --- MP402: the cheap test first -------------------------------------------------------------

VI_SOURCE = ["Sau cuộc họp, Phó Bí thư Thường trực Tỉnh ủy Trần Quốc Hùng đã phát biểu."]


def _mp402(variants: dict[str, list[str]]) -> list[tuple[str, int | None, str]]:
    article = make_article(variants)  # type: ignore[arg-type]
    findings = check(article, config=Config(select=("MP402",)))
    return [(f.lang or "", f.block, f.excerpt or "") for f in findings]


@pytest.mark.parametrize(
    ("lang", "text", "fragment"),
    [
        (
            "en",
            "After the meeting, the official said that the plan, thông qua tại kỳ họp thứ "
            "năm, would start next month.",
            "thông qua tại kỳ họp thứ năm",
        ),
        (
            "fr",
            "Après la réunion, le responsable a déclaré que le plan, thông qua tại kỳ họp thứ "
            "năm, démarrerait le mois prochain.",
            "thông qua tại kỳ họp thứ năm",
        ),
        (
            "ru",
            "После встречи чиновник сказал, что the plan will start next month, и добавил "
            "подробности.",
            "the plan will start next month",
        ),
    ],
)
def test_mp402_still_reports_fragments(lang: str, text: str, fragment: str) -> None:
    [(found_lang, block, _)] = _mp402({"vi": VI_SOURCE, lang: [text]})
    assert (found_lang, block) == (lang, 0)
    [(start, end, _)] = list(foreign_fragments(text, lang))
    assert text[start:end] == fragment


def test_mp402_asks_no_language_for_blocks_without_fragments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    real = language_check.block_language

    def recording(ctx: object, unit: object) -> object:
        asked.append(getattr(unit, "text", ""))
        return real(ctx, unit)  # type: ignore[arg-type]

    monkeypatch.setattr(language_check, "block_language", recording)
    clean = TEXTS["fr"][1]
    with_fragment = (
        "Le plan, thông qua tại kỳ họp thứ năm, démarrera le mois prochain selon le responsable."
    )
    assert _mp402({"vi": VI_SOURCE * 2, "fr": [clean, with_fragment]}) == [
        ("fr", 1, "thông qua tại kỳ họp thứ năm")
    ]
    assert asked == [with_fragment]


@pytest.mark.parametrize("lang", ["fr", "es", "pt"])
def test_accented_prose_is_no_vietnamese_run(lang: str) -> None:
    # é, á, ã, ê are Vietnamese letters too, but no run is Vietnamese without a letter only
    # Vietnamese writes: these blocks are not scanned word by word.
    for text in TEXTS[lang]:
        assert list(foreign_fragments(text, lang)) == []


def test_the_cli_starts_without_the_renderers_packages() -> None:
    # jinja2 (13 ms) is imported when a page or report is rendered; xml.sax.saxutils
    # would bring urllib.request (8 ms) into every start-up.
    loaded = modules_loaded("import multipub.cli", ("jinja2", "urllib.request", "xml.sax.saxutils"))
    assert loaded == []
