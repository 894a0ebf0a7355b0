"""MP503 headline-style: titles that must fail and titles that must pass, per script."""

from __future__ import annotations

import pytest

from multipub import Config, check
from tests.conftest import make_article

ONLY = Config(select=("MP503",))


def _findings(
    lang: str, title: str, config: Config = ONLY
) -> list[tuple[tuple[int, int] | None, str]]:
    article = make_article({lang: {"title": title, "blocks": []}}, source_lang=lang)
    return [(f.span, f.message) for f in check(article, config=config)]


@pytest.mark.parametrize(
    ("lang", "title", "stop"),
    [
        ("vi", "Hòa Giang khởi công tuyến đường ven biển.", "."),
        ("ar", "افتتاح معرض التجارة في مقاطعة هوا جيانغ.", "."),
        ("ru", "В Хоазянге открылась торговая ярмарка.", "."),
        ("ru", "«В Хоазянге открылась торговая ярмарка.»", "."),
        ("zh-Hans", "和江省举办商品交易会。", "。"),
        ("ja", "ホアザン省で見本市が開幕｡", "｡"),
        ("ur", "ہوا جیانگ میں تجارتی میلہ۔", "۔"),
        ("hi", "होआ जियांग में व्यापार मेला।", "।"),
        ("en", "Hoa Giang opens trade fair.  ", "."),
    ],
)
def test_title_ending_with_a_full_stop(lang: str, title: str, stop: str) -> None:
    [(span, message)] = _findings(lang, title)
    assert span is not None and title[span[0] : span[1]] == stop
    assert message == f"the title ends with a full stop {stop!r}"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("vi", "Hòa Giang khởi công tuyến đường ven biển"),
        ("vi", "Vì sao giá lúa tăng mạnh?"),
        ("vi", "Hòa Giang: Bước chuyển mình..."),
        ("en", "Trade delegation heads to the U.S."),
        ("en", "Hoa Giang signs deal with Lam Son Co."),
        ("ru", "Экспорт риса, кофе, перца и т.д."),
        ("ar", "هل تنجح المقاطعة في جذب الاستثمار؟"),
        ("ar", "افتتاح معرض التجارة في مقاطعة هوا جيانغ"),
        ("zh-Hans", "和江省举办商品交易会"),
        ("zh-Hans", "和江省举办商品交易会……"),
        ("en", "1.5"),
        ("es", "Hoa Giang firma un acuerdo comercial con EE. UU."),
        ("es", "La provincia apuesta por la I. A."),
        ("fr", "Hoa Giang signe un accord avec les É.-U."),
    ],
)
def test_clean_titles(lang: str, title: str) -> None:
    assert _findings(lang, title) == []


def test_title_over_the_language_limit() -> None:
    title = "Hòa Giang " + "đẩy mạnh chuyển đổi số " * 7
    [(span, message)] = _findings("vi", title)
    assert span == (150, len(title.strip()))
    assert message == f"the title is {len(title.strip())} characters long, over the vi limit of 150"
    zh = "和江省" * 21  # 63 characters: over the Chinese limit of 60
    [(span, message)] = _findings("zh-Hans", zh)
    assert span == (60, 63)
    assert _findings("zh-Hans", zh[:60]) == []


def test_cjk_limits_count_display_width() -> None:
    # 50 Han characters and 20 half-width ones are 60 wide: at the limit, not over it.
    zh = "和江省" * 16 + "举办" + "ASEAN Expo 2024 Fair"
    assert len(zh) == 70 and _findings("zh-Hans", zh) == []
    over = "和江省" * 19 + "举" + "ASEAN 2"  # 58 + 3.5 = 61.5 wide
    [(span, message)] = _findings("zh-Hans", over)
    assert span is not None and over[span[0] : span[1]] == "N 2"
    assert message.startswith("the title is 61.5 full-width characters wide")
    ko = "화장성 " * 27  # Hangul is full width, spaces half: 81 + 13 = 94 wide
    assert len(_findings("ko", ko.strip())) == 1


def test_a_sentence_ending_with_a_short_word_still_ends_with_a_full_stop() -> None:
    [(span, _)] = _findings("es", "El comercio con Asia crece en el año de la A.")
    assert span is not None


def test_title_limits_are_configurable() -> None:
    config = Config(select=("MP503",), title_max_chars={"*": 20, "ar": 30})
    assert len(_findings("en", "Hoa Giang opens new trade fair", config)) == 1
    assert _findings("ar", "افتتاح معرض التجارة الجديد", config) == []


def test_a_title_can_fail_both_ways() -> None:
    title = "Ярмарка " * 20 + "открылась."
    spans = [span for span, _ in _findings("ru", title)]
    assert spans == [(150, len(title)), (len(title) - 1, len(title))]  # sorted by span
