"""MP501 number-mismatch: normalization across locales, changed numbers caught."""

from __future__ import annotations

import pytest

from multipub import Config, check
from multipub.numbers import centuries, clock_times, number_tokens
from tests.conftest import make_article


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "Tỉnh hỗ trợ 1.250 hộ, kinh phí 3,5 tỷ đồng, ngày 15/10/2024.",
            ["1250", "3500000000", "date:15-10", "2024"],
        ),
        (
            "The province helped 1,250 households with 3.5 billion VND on October 15, 2024.",
            ["1250", "3500000000", "date:15-10", "2024"],
        ),
        (
            "Провинция помогла 1 250 семьям на 3,5 млрд донгов 15 октября 2024 года.",
            ["1250", "3500000000", "date:15-10", "2024"],
        ),
        (
            "ساعدت المقاطعة ١٬٢٥٠ أسرة بمبلغ ٣٫٥ مليار دونغ في 15 أكتوبر 2024.",
            ["1250", "3500000000", "date:15-10", "2024"],
        ),
        ("向1250户居民提供35亿越南盾援助，10月15日。", ["1250", "3500000000", "date:15-10"]),
        ("La province a aidé 1 250 foyers le 15 octobre.", ["1250", "date:15-10"]),
        (
            "Kết luận số 50-KL/TW và Kế hoạch 45/KH-UBND; tỷ lệ 86,6%.",
            ["code:50-KL/TW", "code:45/KH-UBND", "86.6"],
        ),
        ("第45/KH-UBND号计划", ["code:45/KH-UBND"]),
        ("50.000 người, 5万人, 1200亿, 120 tỷ", ["50000", "50000", "120000000000", "120000000000"]),
        # a range whose ends share one scale word, joined by a word of the language
        ("hace 4,2 a 3,9 millones de años", ["4200000", "3900000"]),
        ("من 4.2 إلى 3.9 مليون سنة", ["4200000", "3900000"]),
        ("от 4,2 до 3,9 млн лет", ["4200000", "3900000"]),
        ("từ 4,2 đến 3,9 triệu năm", ["4200000", "3900000"]),
        ("估计达370.5万亿越南盾", ["370500000000000"]),  # 万亿: 10^12, not 万 (10^4)
        # scale words of economic news: 10^15 in Chinese, spellings of 10^9 and 10^12
        ("贷款余额超过12.8千万亿越南盾", ["12800000000000000"]),
        ("thiệt hại khoảng 62,5 ngàn tỉ đồng", ["62500000000000"]),
        ("بلغت الصادرات 9.25 بليون دولار", ["9250000000"]),
        ("بلغ الاحتياطي 1.36 ترليون يوان", ["1360000000000"]),
        ("las exportaciones sumaron 9,25 millardos de dólares", ["9250000000"]),
        ("a budget of VND8,421.5tn this year", ["8421500000000000"]),
        ("3 đội và 2 xã", []),  # small whole numbers are spelled out in translations
        # race times, in figures and in words: minutes, seconds and hundredths
        ("Cô về nhất với thời gian 2 phút 05,31 giây.", ["time:125.31"]),
        ("She won in 2:05.31.", ["time:125.31"]),
        ("Она победила с результатом 2.05,31.", ["time:125.31"]),
        ("她以2分05秒31夺冠。", ["time:125.31"]),
        ("Elle a gagné en 15 min 20 s 45.", ["time:920.45"]),
        ("Ngày 28.9.2023, lúc 14:30", ["date:28-9", "2023"]),
        # a match's score beside a score word, in order; ranges, times and years are none
        ("Việt Nam thắng Thái Lan 3-1 trong trận chung kết.", ["score:1-3"]),
        ("Vietnam beat Thailand 3-1 in the final.", ["score:1-3"]),
        ("Вьетнам обыграл Таиланд со счётом 3:1.", ["score:1-3"]),
        ("越南队3比1战胜泰国队。", ["score:1-3"]),
        ("فاز فيتنام على تايلاند بنتيجة 3-1.", ["score:1-3"]),
        ("L'Afrique du Sud s'est imposée 26 à 0.", ["score:0-26"]),
        ("a comfortable 26 - 00 win", ["score:0-26"]),
        ("Doanh nghiệp thua lỗ 2-3 tỷ đồng.", ["2000000000", "3000000000"]),
        ("They won 10 to 15 percent more votes.", ["10", "15"]),
        ("Trận đấu bắt đầu lúc 19:30, đội khách thắng.", []),
        # an hour word with minutes after it is a clock time; alone it may be a duration
        ("Lúc 6 giờ 30 sáng, nước lũ lên nhanh.", []),
        ("晚上6点30分，洪水上涨。", []),
        ("Trong 48 giờ tới, mưa lớn.", ["48"]),
        ("Giai đoạn 2019-2025 thắng lợi.", ["2019", "2025"]),
        # dates first; words that also lead a delegation or name a republic are no score's
        ("Đoàn thăm Pháp từ ngày 10-15/5.", ["10", "date:15-5"]),
        ("The delegation led by the minister visits from 10 to 16 May.", ["10", "date:16-5"]),
        ("Cộng hòa Séc cử 10-15 chuyên gia.", ["10", "15"]),
        ("越南队以1-3战胜泰国队。", ["score:1-3"]),
        # an hour of the day with its minutes; more hours, or another word after them, not
        ("Lúc 6 giờ 30 phút sáng nay, lũ lên.", []),
        ("Sau 72 giờ 35 người đã được cứu.", ["72", "35"]),
        ("Sau 12 giờ 35 người đã được cứu.", ["12", "35"]),
        ("COVID-19 và A320", ["19"]),
    ],
)
def test_tokens(text: str, keys: list[str]) -> None:
    assert [t.key for t in number_tokens(text)] == keys


def _mp501(source: str, lang: str, target: str) -> list[tuple[str, str]]:
    article = make_article({"vi": [source], lang: [target]})
    return [
        (f.message, (f.excerpt or "")) for f in check(article, config=Config(select=("MP501",)))
    ]


@pytest.mark.parametrize(
    ("lang", "target", "shown"),
    [
        ("zh-Hans", "向1520户居民提供援助。", "1520"),
        ("ar", "قدمت المقاطعة المساعدة لـ 1520 أسرة.", "1520"),
        ("ru", "Провинция помогла 1 260 семьям.", "1 260"),
        ("en", "The province helped 1,250 households on October 16.", "October 16"),
    ],
)
def test_changed_numbers(lang: str, target: str, shown: str) -> None:
    source = (
        "Ngày 15/10, tỉnh hỗ trợ 1.250 hộ dân."
        if "October" in target
        else "Tỉnh hỗ trợ 1.250 hộ dân."
    )
    [(message, excerpt)] = _mp501(source, lang, target)
    assert "of the source is" in message
    assert excerpt == shown


def test_a_dropped_code_is_reported_a_rephrased_number_is_not() -> None:
    source = "Thực hiện Kết luận số 50-KL/TW, tỉnh tinh giản 1.960 biên chế."
    assert _mp501(source, "en", "Under the conclusion, the province cut 1,960 posts.")[0][0] == (
        "code 50-KL/TW of block 0 of the source is missing here"
    )
    assert (
        _mp501(
            source, "en", "Under Conclusion 50-KL/TW, the province cut nearly two thousand posts."
        )
        == []
    )


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "On October 9-12, the province helped 1,250 households."),
        ("zh-Hans", "10月9日至12日，该省帮助了1250户居民。"),
        ("ru", "С 9 по 12 октября провинция помогла 1250 семьям."),
        ("ar", "في الفترة من 9 إلى 12 أكتوبر، ساعدت المقاطعة 1250 أسرة."),
    ],
)
def test_clean_translations_with_ranges(lang: str, target: str) -> None:
    assert _mp501("Từ ngày 9 đến 12/10, tỉnh hỗ trợ 1.250 hộ dân.", lang, target) == []


@pytest.mark.parametrize(
    ("source", "lang", "target", "changed"),
    [
        # A number changed by place, however unlike it looks.
        ("Nhà máy được xây dựng năm 1994.", "en", "The plant was built in 2004.", "2004"),
        (
            "Kế hoạch giai đoạn 2019-2025 đã được duyệt.",
            "ar",
            "تمت الموافقة على خطة 2022-2025.",
            "2022",
        ),
        ("Ông Lê Văn Tâm, 29 tuổi, bị thương.", "fr", "M. Le Van Tam, 36 ans, a été blessé.", "36"),
        ("Sự kiện diễn ra ngày 21 vừa qua.", "ru", "Событие прошло 28 января.", "28 января"),
        # A thousands group cut short.
        ("Có 48.000 người tham dự.", "fr", "Il y avait 48 10 participants.", "48"),
        # A score reversed or changed.
        ("Việt Nam thắng 2-0.", "ar", "فاز فيتنام بنتيجة 2-1.", "2-1"),
        ("Việt Nam thắng 3-1.", "zh-Hans", "越南队3比2获胜。", "3比2"),
        # A race time changed, whatever its notation.
        ("Cô về nhất với 2 phút 05,31 giây.", "zh-Hans", "她以2分05秒13夺冠。", "2分05秒13"),
        (
            "Anh về nhất với 15 phút 20,45 giây.",
            "fr",
            "Il a gagné en 15 min 02 s 45.",
            "15 min 02 s 45",
        ),
        # A conversion that does not hold: 250 miles are 402 km, not 240.
        ("Tuyến đường dài 250 dặm.", "en", "The road is 240 km long.", "240"),
    ],
)
def test_changed_numbers_by_place(source: str, lang: str, target: str, changed: str) -> None:
    [(_, excerpt)] = _mp501(source, lang, target)
    assert excerpt == changed


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        # Units converted (within 3%): miles/km, pounds/kg, inches/cm, mph, °F/°C.
        ("Tuyến đường dài 250 dặm.", "en", "The road is 402 km long."),
        ("Con cá nặng 20 pound.", "ru", "Рыба весила 9 кг."),
        ("Mưa lớn tới 12 inch.", "fr", "Des pluies jusqu'à 30 cm."),
        ("Gió giật 75 dặm/giờ.", "es", "Ráfagas de 121 km/h."),
        ("Nhiệt độ lên tới 95 °F.", "zh-Hans", "气温高达35摄氏度。"),
        ("Nhiệt độ tăng thêm 18 °F.", "ar", "ارتفعت الحرارة 10 درجة مئوية."),
        ("Chiếc xe đỗ cách đó 500 feet.", "ko", "차는 150미터 떨어진 곳에 있었다."),
        # Phone numbers are no quantities, in either group order.
        ("Đường dây nóng: 0912 345 678.", "ar", "الخط الساخن: 678 345 0912."),
        ("Liên hệ +84 24 3825 3536.", "en", "Call +84 24 3825 3536."),
        # Clock times: 24-hour, "h", or "1200 GMT" for 12:00.
        ("Xe được kéo đi lúc 12:00 giờ GMT.", "en", "The car was towed at 1200 GMT."),
        ("Đám cháy từ 10:00 đến 11:00 đêm.", "fr", "L'incendie a duré de 22 h 00 à 23 h 00."),
        # A day written alone is the day of the target's date.
        ("Sự kiện diễn ra ngày 21 vừa qua.", "ru", "Событие прошло 21 января."),
        # Thin spaces group thousands in French.
        ("Hơn 800.000 binh sĩ đã tham gia.", "fr", "Plus de 800\u2009000 soldats y ont pris part."),
        # A range shares its scale word; a Thai year may count from the Buddha (พ.ศ.).
        ("Hóa thạch có niên đại 4,2-3,9 triệu năm.", "ja", "化石は390～420万年前のものだ。"),
        ("Hiệp ước được ký năm 1895.", "th", "สนธิสัญญาลงนามในปี พ.ศ. 2438"),
        ("Chiến tranh kéo dài (1894-1895).", "th", "สงครามกินเวลา (พ.ศ. 2437-2438)"),
        # The 1960s are "los años 60"; a number of another length is no change.
        ("Phong trào nổi lên vào thập niên 1960.", "es", "El movimiento surgió en los años 60."),
    ],
)
def test_numbers_that_agree(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


# --- the same figure in another unit ------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "lang", "target", "excerpt"),
    [
        # A dose: a small whole number with a unit is a measure, read too.
        ("Liều dùng 5 mg mỗi ngày.", "ar", "الجرعة 5 غرام يوميا.", "5 غرام"),
        ("Liều dùng 5 mg mỗi ngày.", "ru", "Доза 5 граммов в день.", "5 граммов"),
        ("Liều dùng 5 mg mỗi ngày.", "zh-Hans", "每日剂量5克。", "5克"),
        # Đồng read as dollars: the costliest of them, whatever the currency's writing.
        ("Tổng kinh phí 3,5 tỷ đồng.", "en", "The total cost is $3.5 billion.", "$3.5 billion"),
        (
            "Tổng kinh phí 3,5 tỷ đồng.",
            "ru",
            "Общая стоимость 3,5 млрд долларов.",
            "3,5 млрд долларов",
        ),
        (
            "Tổng kinh phí 3,5 tỷ đồng.",
            "es",
            "El costo total es de 3.500 millones de dólares.",
            "3.500 millones de dólares",
        ),
        ("Tổng vốn 20 triệu USD.", "zh-Hans", "总资本为2000万越南盾。", "2000万越南盾"),
        # "yên" alone after a figure is the yen, as a story about Japan writes it.
        (
            "Tỉnh hỗ trợ 14,6 triệu yên.",
            "ru",
            "Префектура выделила 14,6 млн долларов.",
            "14,6 млн долларов",
        ),
        # Lengths, areas, power.
        ("Tuyến đường dài 120 km.", "es", "La carretera mide 120 m.", "120 m"),
        ("Lượng mưa đo được 150 mm.", "ar", "بلغ هطول الأمطار 150 سم.", "150 سم"),
        ("Có 2.000 ha lúa bị ngập.", "ru", "Затоплено 2000 кв. км рисовых полей.", "2000 кв. км"),
        ("Nhà máy công suất 500 MW.", "zh-Hans", "该电厂装机容量500千瓦。", "500千瓦"),
        ("Gió giật 117 km/h.", "en", "Gusts reached 117 mph.", "117 mph"),
    ],
)
def test_the_same_figure_in_another_unit(source: str, lang: str, target: str, excerpt: str) -> None:
    [(message, found)] = _mp501(source, lang, target)
    assert "in another unit" in message
    assert found == excerpt


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        # The same unit in the language's words and signs.
        ("Liều dùng 5 mg mỗi ngày.", "ar", "الجرعة 5 ملغ يوميا."),
        ("Liều dùng 5 mg mỗi ngày.", "zh-Hans", "每日剂量5毫克。"),
        ("Tổng vốn 20 triệu USD.", "en", "Total capital is $20 million."),
        ("Tổng vốn 20 triệu USD.", "fr", "Le capital total est de 20 millions de dollars."),
        ("Tổng vốn 20 triệu USD.", "ru", "Общий капитал составляет 20 млн долларов США."),
        ("Tổng vốn 20 triệu USD.", "ar", "يبلغ إجمالي رأس المال 20 مليون دولار."),
        ("Tổng kinh phí 3,5 tỷ đồng.", "en", "The total cost is VND3.5 billion."),
        ("Tổng kinh phí 3,5 tỷ đồng.", "zh-Hans", "总费用为35亿越南盾。"),
        ("Cây cầu dài 5 km.", "zh-Hans", "大桥长5千米。"),
        ("Nhà máy công suất 500 MW.", "zh-Hans", "该电厂装机容量500兆瓦。"),
        ("Gió mạnh 120 km/h.", "fr", "Des vents de 120 km/h."),
        # A unit on one side only is no evidence: "12 đồng chí" are twelve comrades.
        ("Có 12 đồng chí được khen thưởng.", "en", "12 comrades were commended."),
        # Another dollar, written with its sign, is left unread.
        ("Khoản vay 40 triệu đô la Singapore.", "en", "The loan is S$40 million."),
        # A score in each language's way, the winner's first or the source's order.
        ("Việt Nam thua Thái Lan 1-3.", "en", "Vietnam lost 3-1 to Thailand."),
        ("Việt Nam thắng Thái Lan 3-1.", "ru", "Вьетнам обыграл Таиланд со счётом 3:1."),
        ("Tỷ số chung cuộc là 21 - 20.", "es", "El marcador final fue 21 a 20."),
        ("Việt Nam thắng 3-1.", "zh-Hans", "越南队3比1获胜。"),
        # A race time in another notation.
        ("Cô về nhất với 2 phút 05,31 giây.", "ru", "Она победила с результатом 2.05,31."),
        ("Cô về nhất với 2 phút 05,31 giây.", "en", "She won in 2:05.31."),
        # Two quantities in their units, in another order.
        ("Hàng rào cao 2 m, dài 2 km.", "en", "The 2 km fence is 2 m high."),
        # One quantity under two metric prefixes.
        ("Nhà máy công suất 1.500 MW.", "zh-Hans", "该电厂装机容量150万千瓦。"),
        ("Có 2.000 ha rừng bị cháy.", "en", "Fire destroyed 20 km2 of forest."),
        ("Nhà máy công suất 22.400 MW.", "fr", "La centrale a une puissance de 22,4 GW."),
        # A speed read as its length unit converts all the same.
        ("Vệ tinh bay với vận tốc 17.500 dặm trên giờ.", "fr", "Le satellite vole à 28 000 km/h."),
    ],
)
def test_the_same_quantity_in_the_same_unit(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


def test_a_unit_most_translations_agree_against_is_reported_once_on_the_source() -> None:
    article = make_article(
        {
            "vi": ["Liều dùng 5 mg mỗi ngày."],
            "en": ["The dose is 5 g a day."],
            "fr": ["La dose est de 5 g par jour."],
            "ru": ["Доза 5 граммов в день."],
            "ar": ["الجرعة 5 ملغ يوميا."],
        }
    )
    [finding] = check(article, config=Config(select=("MP501",)))
    assert (finding.lang, finding.excerpt) == ("vi", "5 mg")
    assert finding.message.startswith("number 5 mg of block 0 is 5 g in 3 translations")


def test_a_block_left_untranslated_is_not_read_in_the_other_language() -> None:
    # MP303's finding; read as Arabic, "26.000 tỷ" would lose its scale word
    text = "Tổng vốn đầu tư 26.000 tỷ đồng."
    assert _mp501(text, "ar", text) == []


def test_every_unit_of_the_profiles_has_a_kind() -> None:
    from multipub.lang import languages, profile
    from multipub.numbers import UNIT_KINDS

    units = {unit for tag in languages() if (p := profile(tag)) for unit in p.numbers.units}
    assert units - UNIT_KINDS.keys() == set()


# --- a number of the source that the translations agree against --------------------------

NUMBER_VI = "Tỉnh có 32 xã đạt chuẩn nông thôn mới trong năm nay."
NUMBER_TARGETS = {
    "ar": "لدى المقاطعة 23 بلدية استوفت معايير الريف الجديد هذا العام.",
    "en": "The province has 23 communes meeting the new rural standards this year.",
    "ru": "В этом году 23 общины провинции соответствуют новым сельским стандартам.",
    "zh-Hans": "今年全省有23个乡达到新农村标准。",
}


def test_a_number_all_translations_agree_against_is_reported_once_on_the_source() -> None:
    article = make_article({"vi": [NUMBER_VI], **{k: [v] for k, v in NUMBER_TARGETS.items()}})
    findings = check(article, config=Config(select=("MP501",)))
    assert [(f.lang, f.block, f.excerpt) for f in findings] == [("vi", 0, "32")]
    [finding] = findings
    assert "is 23 in 4 translations (ar, en, ru, zh-Hans)" in finding.message
    assert {r.lang for r in finding.related} == set(NUMBER_TARGETS)


def test_a_number_one_translation_changed_is_that_translations() -> None:
    targets = dict(NUMBER_TARGETS)
    for lang, text in [("en", "32 communes"), ("ru", "32 общины"), ("zh-Hans", "32个乡")]:
        targets[lang] = targets[lang].replace(text.replace("32", "23"), text)
    article = make_article({"vi": [NUMBER_VI], **{k: [v] for k, v in targets.items()}})
    findings = check(article, config=Config(select=("MP501",)))
    assert [(f.lang, f.excerpt) for f in findings] == [("ar", "23")]


@pytest.mark.parametrize(
    ("lang", "target", "shown"),
    [
        ("en", "Exports reached 40.2 million USD.", "40.2 million"),
        ("ru", "Экспорт достиг 40,2 млн долларов США.", "40,2 млн"),
        ("zh-Hans", "出口额达到4020万美元。", "4020万"),
        ("ar", "بلغت الصادرات 40.2 مليون دولار أمريكي.", "40.2 مليون"),
    ],
)
def test_the_same_figure_at_another_scale_is_a_changed_number(
    lang: str, target: str, shown: str
) -> None:
    # "tỷ" is a billion: a million is a thousandth of the fact.
    [(message, excerpt)] = _mp501("Kim ngạch xuất khẩu đạt 40,2 tỷ USD.", lang, target)
    assert message == "number 40200000000 of block 0 of the source is 40200000 here"
    assert excerpt == shown


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "Exports reached 40.2 billion USD."),
        ("ru", "Экспорт достиг 40,2 млрд долларов США."),
        ("zh-Hans", "出口额达到402亿美元。"),
        # the French short forms of "milliards", as business pages write them
        ("fr", "Les exportations ont atteint 40,2 mds USD."),
        ("fr", "Les exportations ont atteint 40,2 Md$."),
    ],
)
def test_the_same_figure_at_the_same_scale_is_no_change(lang: str, target: str) -> None:
    assert _mp501("Kim ngạch xuất khẩu đạt 40,2 tỷ USD.", lang, target) == []


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "The airline operates 12 MD-80 and 15 Boeing aircraft."),
        ("fr", "La compagnie exploite 12 MD-80 et 15 Boeing."),
        ("ru", "Компания эксплуатирует 12 MD-80 и 15 самолётов Boeing."),
    ],
)
def test_a_short_scale_word_is_one_before_money_only(lang: str, target: str) -> None:
    # "mds" is "milliards" in "22,4 mds USD"; "12 MD-80" are twelve aircraft.
    assert _mp501("Hãng khai thác 12 máy bay MD-80 và 15 máy bay Boeing.", lang, target) == []


def test_a_decree_code_written_with_d_for_đ_is_the_same_code() -> None:
    source = "Chính phủ ban hành Nghị định số 15/2024/NĐ-CP về gia hạn nộp thuế."
    for lang, target in (
        ("en", "The Government issued Decree No. 15/2024/ND-CP on extending tax deadlines."),
        ("ru", "Правительство издало постановление № 15/2024/ND-CP о продлении сроков."),
        ("ar", "أصدرت الحكومة المرسوم رقم 15/2024/ND-CP بشأن تمديد المواعيد."),
    ):
        assert _mp501(source, lang, target) == [], lang
    # Read as one code, a changed one is still a change, shown as each side writes it.
    [(message, excerpt)] = _mp501(
        source, "en", "The Government issued Decree No. 16/2024/ND-CP on extending tax deadlines."
    )
    assert message == "code 15/2024/NĐ-CP of block 0 of the source is 16/2024/ND-CP here"
    assert excerpt == "16/2024/ND-CP"


_TWO_DAYS = "Các trường học được nghỉ hai ngày 7 và 8/9 do bão."


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "Schools closed on September 7 and 8 because of the storm."),
        ("zh-Hans", "由于台风，学校于9月7日和8日停课两天。"),
        ("fr", "Les écoles ont fermé les 7 et 8 septembre à cause de la tempête."),
        ("ru", "Школы закрыты 7 и 8 сентября из-за тайфуна."),
        ("ar", "أغلقت المدارس يومي 7 و8 سبتمبر بسبب العاصفة."),
    ],
)
def test_days_sharing_one_month_are_one_list_whichever_day_carries_it(
    lang: str, target: str
) -> None:
    assert _mp501(_TWO_DAYS, lang, target) == []


def test_a_changed_day_of_a_list_is_still_a_change() -> None:
    [(message, excerpt)] = _mp501(
        _TWO_DAYS, "en", "Schools closed on September 6 and 8 because of the storm."
    )
    assert message == "date 8/9 of block 0 of the source is 6/9 here"
    assert excerpt == "September 6"


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "Revenue rose compared with last year."),
        ("ru", "Выручка выросла по сравнению с прошлым годом."),
        ("zh-Hans", "收入比上年有所增长。"),
    ],
)
def test_a_dropped_percentage_is_missing(lang: str, target: str) -> None:
    [(message, _)] = _mp501("Doanh thu tăng 12,5% so với năm trước.", lang, target)
    assert message == "number 12,5% of block 0 of the source is missing here"


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "Revenue rose 12.5% compared with last year."),
        ("ar", "ارتفعت الإيرادات بنسبة 12.5 في المائة مقارنة بالعام الماضي."),
        ("zh-Hans", "收入比上年增长12.5%。"),
    ],
)
def test_a_percentage_in_figures_or_words_is_there(lang: str, target: str) -> None:
    assert _mp501("Doanh thu tăng 12,5% so với năm trước.", lang, target) == []


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        # a word joins numbers that are no ends of one range: no scale shared
        (
            "Xuất khẩu tăng từ 1,2 tỷ USD năm 2022 lên 1,5 tỷ USD năm 2023.",
            "en",
            "Exports rose from 1.2 billion USD in 2022 to 1.5 billion USD in 2023.",
        ),
        (
            "Dân số tăng từ 900.000 người lên 1,2 triệu.",
            "es",
            "La población pasó de 900.000 a 1,2 millones.",
        ),
        # one digit alone is no figure at another scale: 1.000 is no 10
        (
            "Hơn 1.000 người tham dự, trong đó có mười đại biểu quốc tế.",
            "en",
            "More than a thousand people attended, including 10 international delegates.",
        ),
        # a percentage said as a fraction
        (
            "Khoảng 50% hộ dân đã nhận hỗ trợ.",
            "en",
            "About half of households have received support.",
        ),
        (
            "Tỉnh đã phủ sóng 5G 100% khu công nghiệp.",
            "fr",
            "La province a couvert en 5G la totalité de ses zones industrielles.",
        ),
        (
            "Tỉnh đã phủ sóng 5G 100% khu công nghiệp.",
            "es",
            "La provincia ha cubierto con 5G la totalidad de sus zonas industriales.",
        ),
        # scale words of economic news, each in its language
        ("Dư nợ tín dụng đạt 12,8 triệu tỷ đồng.", "zh-Hans", "信贷余额达12.8千万亿越南盾。"),
        ("Xuất khẩu đạt 9,25 tỷ USD.", "ar", "بلغت الصادرات 9.25 بليون دولار."),
        ("Dự trữ đạt 1.360 tỷ NDT.", "ar", "بلغ الاحتياطي 1.36 ترليون يوان."),
        (
            "Xuất khẩu đạt 9,25 tỷ USD.",
            "es",
            "Las exportaciones sumaron 9,25 millardos de dólares.",
        ),
        ("Ngân sách là 8.421,5 nghìn tỷ đồng.", "en", "The budget is VND8,421.5tn."),
        (
            "Sinh viên được miễn 100% học phí năm thứ nhất.",
            "fr",
            "L'étudiant bénéficie d'une exonération totale des frais de sa première année.",
        ),
    ],
)
def test_no_change_where_the_new_rules_must_not_reach(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


def test_a_lone_day_far_from_the_date_is_no_list_of_days() -> None:
    [(message, _)] = _mp501(
        "Ngày 8/9, bão đổ bộ vào 7 tỉnh ven biển.",
        "en",
        "On September 7, the storm hit 8 coastal provinces.",
    )
    assert message == "date 8/9 of block 0 of the source is 7/9 here"


def test_a_one_digit_figure_with_its_scale_word_at_another_scale() -> None:
    [(message, _)] = _mp501(
        "Dự án được cấp 1 tỷ đồng.", "en", "The project received 1 million dong."
    )
    assert message == "number 1000000000 of block 0 of the source is 1000000 here"


def test_phone_numbers_in_digits_of_other_scripts_are_no_quantities() -> None:
    assert number_tokens("โทร +๖๖ ๒๑๒ ๓๔๕๖", "th") == ()


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "Investment rose from 1.2 to 1.5 trillion dong."),
        ("zh-Hans", "投资从1.2万亿增至1.5万亿越南盾。"),
        ("ru", "Инвестиции выросли от 1,2 до 1,5 трлн донгов."),
    ],
)
def test_ends_of_a_range_above_a_thousand_share_their_scale(lang: str, target: str) -> None:
    assert _mp501("Vốn đầu tư tăng từ 1.200 đến 1.500 tỷ đồng.", lang, target) == []


def test_a_dropped_zero_of_a_one_digit_figure_is_a_change() -> None:
    [(message, _)] = _mp501(
        "Hơn 5.000 người tham dự lễ hội.", "en", "More than 500 people attended."
    )
    assert message == "number 5000 of block 0 of the source is 500 here"


def test_a_round_percentage_dropped_without_a_share_in_words_is_missing() -> None:
    [(message, _)] = _mp501(
        "Doanh thu tăng 50% so với năm trước.", "en", "Revenue rose compared with last year."
    )
    assert message == "number 50% of block 0 of the source is missing here"
    assert (
        _mp501("Khoảng 50% hộ dân đã nhận hỗ trợ.", "ru", "Около половины семей получили помощь.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        # A lone mark before three digits: the language's decimal mark where it is one.
        ("Tổng vốn 1.125 tỷ đồng.", "vi", "1125000000000"),
        ("Dự án dùng 2,125 triệu USD.", "vi", "2125000"),
        ("Общий объём 1,125 трлн донгов.", "ru", "1125000000000"),
        ("The project uses $2.125 million.", "en", "2125000"),
        ("总投资1.125万亿越南盾。", "zh-Hans", "1125000000000"),
        ("إجمالي 1.125 تريليون دونغ.", "ar", "1125000000000"),
        ("Un total de 1,125 billones de dongs.", "es", "1125000000000"),
        # Grouped digits, then decimals after the other mark.
        ("Chỉ số đạt 1.308,72 điểm.", "vi", "1308.72"),
        ("The index closed at 1,308.72 points.", "en", "1308.72"),
        ("L'indice a clôturé à 1 308,72 points.", "fr", "1308.72"),
        ("Индекс закрылся на отметке 1 308,72 пункта.", "ru", "1308.72"),
        ("El índice cerró en 1.308,72 puntos.", "es", "1308.72"),
        # A currency code against the figure, as English editions write it.
        ("Revenue reached VND28.6 trillion.", "en", "28600000000000"),
        ("Exports to Korea reached KRW1.2 trillion.", "en", "1200000000000"),
        # A thousands separator where the language's decimal mark is the other one.
        ("The road is 1,126 km long.", "en", "1126"),
        ("Con đường dài 1.126 km.", "vi", "1126"),
    ],
)
def test_decimal_marks_by_language(text: str, lang: str, key: str) -> None:
    assert [t.key for t in number_tokens(text, lang)] == [key]


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("ru", "Бюджет составил 1 424,8 трлн донгов, из них 1,125 трлн на инвестиции."),
        ("en", "The budget was VND1,424.8 trillion, VND1.125 trillion of it for investment."),
        ("es", "El presupuesto fue de 1.424,8 billones de dongs, 1,125 billones para inversión."),
        ("zh-Hans", "预算为1424.8万亿越南盾，其中1.125万亿用于投资。"),
        (
            "fr",
            "Le budget a atteint 1 424,8 billions de dongs, dont 1,125 billion d'investissement.",
        ),
    ],
)
def test_decimals_before_scale_words_agree(lang: str, target: str) -> None:
    source = "Ngân sách đạt 1.424,8 nghìn tỷ đồng, trong đó 1,125 nghìn tỷ đồng cho đầu tư."
    assert _mp501(source, lang, target) == []


def test_a_changed_decimal_of_a_grouped_number_is_reported() -> None:
    source = "Chỉ số VN-Index đóng cửa ở mức 1.308,72 điểm."
    [(message, excerpt)] = _mp501(source, "en", "The VN-Index closed at 1,308.27 points.")
    assert "1308.72" in message and excerpt == "1,308.27"


def test_a_changed_date_is_paired_with_its_own_kind_before_an_hour() -> None:
    # "17 giờ" is an hour the Arabic writes as a clock time: the date changed, not it
    source = "Các trường công bố điểm chuẩn trước 17 giờ ngày 19/8."
    target = "تعلن الجامعات درجات القبول قبل الساعة ١٧:٠٠ يوم ٢٩ أغسطس."
    [(message, excerpt)] = _mp501(source, "ar", target)
    assert message.startswith("date 19/8 of") and excerpt == "٢٩ أغسطس"


def test_a_currency_code_inside_a_word_is_no_amount() -> None:
    assert [t.key for t in number_tokens("Model ABCVND12 and XUSD450", "en")] == []


@pytest.mark.parametrize(
    ("text", "lang", "keys"),
    [
        # Scale words in Arabic case forms, a Chinese approximate before its scale.
        ("بلغ عدد الطلاب نحو 570 ألفا هذا العام.", "ar", ["570000"]),
        ("全国学生2320多万人。", "zh-Hans", ["23200000"]),
        # A thousand billion in Arabic; 兆 before a unit is its prefix in Chinese (MW),
        # 10^12 elsewhere.
        ("بلغت الاستثمارات أكثر من 7 آلاف مليار دونغ.", "ar", ["7000000000000"]),
        ("بلغت الاستثمارات ٤٢ ألف مليار دونغ.", "ar", ["42000000000000"]),
        ("风电装机容量达6000兆瓦。", "zh-Hans", ["6000"]),
        ("建设500千伏输电线路。", "zh-Hans", ["500"]),
        # A million billion (10^15), as each language says it.
        ("Tổng phương tiện thanh toán đạt 14,3 triệu tỷ đồng.", "vi", ["14300000000000000"]),
        ("Money supply reached VND14.3 quadrillion.", "en", ["14300000000000000"]),
        (
            "La masse monétaire a atteint 14,3 millions de milliards de dongs.",
            "fr",
            ["14300000000000000"],
        ),
        ("La oferta monetaria alcanzó 14,3 mil billones de dongs.", "es", ["14300000000000000"]),
        ("Денежная масса достигла 14,3 квадриллиона донгов.", "ru", ["14300000000000000"]),
        ("预算为3兆元。", "zh-Hant", ["3000000000000"]),
        ("予算は5兆円。", "ja", ["5000000000000"]),
        # Ranges joined by "and" share their scale word.
        ("entre 22 y 23 millones de visitantes", "es", ["22000000", "23000000"]),
        ("between 22 and 23 million visitors", "en", ["22000000", "23000000"]),
        ("entre 22 et 23 millions de visiteurs", "fr", ["22000000", "23000000"]),
        ("между 22 и 23 млн посетителей", "ru", ["22000000", "23000000"]),
        ("giữa 18 và 20 triệu đồng", "vi", ["18000000", "20000000"]),
        # Arabic "و" (and) is written onto the second end; a million after 11 to 99 is
        # in the accusative (مليونا)
        ("بين 18 و20 مليون دونغ", "ar", ["18000000", "20000000"]),
        ("من 15 مليونا إلى 25 مليون مسافر", "ar", ["15000000", "25000000"]),
        # Hours with a clock word are clock times, set aside like "17:00"; "giờ" is no
        # clock word ("trong 48 giờ" is a duration), and a dropped number is no finding.
        ("Lễ hội diễn ra từ 17 giờ đến 23 giờ.", "vi", ["17", "23"]),
        ("Nước rút trong khoảng 48 giờ.", "vi", ["48"]),
        ("The festival runs from 5 p.m. to 11 p.m.", "en", []),
        # A clock time before a comma is still one.
        ("Lúc 14:30, 2.000 người đã có mặt.", "vi", ["2000"]),
        # A month of a year: the month, and the year on its own.
        ("Từ tháng 7/2025, giá điện tăng.", "vi", ["month:7", "2025"]),
        ("В июле 2025 года цены выросли.", "ru", ["month:7", "2025"]),
        ("2025年7月起电价上涨。", "zh-Hans", ["month:7", "2025"]),
    ],
)
def test_scale_range_and_clock_words(text: str, lang: str, keys: list[str]) -> None:
    assert [t.key for t in number_tokens(text, lang)] == keys


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "The festival runs from 5 p.m. to 11 p.m. and drew 25,000 visitors."),
        ("ru", "Во всех больницах провинции работают отделения неотложной помощи."),
    ],
)
def test_clock_hours_and_all_agree(lang: str, target: str) -> None:
    sources = {
        "en": "Lễ hội diễn ra từ 17 giờ đến 23 giờ, thu hút 25.000 lượt khách.",
        "ru": "100% bệnh viện trong tỉnh có khoa cấp cứu.",
    }
    assert _mp501(sources[lang], lang, target) == []


@pytest.mark.parametrize(
    ("lang", "target", "shown"),
    [
        ("en", "The session opened at 9:30 a.m. and closed at 5:15 p.m.", "9:30"),
        ("fr", "La séance s'est ouverte à 8 h 30 et s'est close à 17 h 45.", "17 h 45"),
        ("ru", "Заседание открылось в 8:30 и завершилось в 18:15.", "18:15"),
        ("zh-Hans", "会议于上午8时50分开幕，17时15分闭幕。", "8时50分"),
        ("ar", "افتتحت الجلسة في الساعة 8:30 صباحا واختتمت في الساعة 7:15 مساء.", "7:15"),
        ("es", "La sesión se abrió a las 10:30 y se clausuró a las 17:15.", "10:30"),
    ],
)
def test_changed_clock_times(lang: str, target: str, shown: str) -> None:
    source = "Phiên họp khai mạc lúc 8 giờ 30 sáng và bế mạc lúc 17h15."
    found = _mp501(source, lang, target)
    assert len(found) == 1
    message, excerpt = found[0]
    assert excerpt == shown
    assert message.startswith("clock time ") and message.endswith(f"is {shown} here")


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        # the same times on a 12-hour dial, or in 24 hours
        ("en", "The session opened at 8:30 a.m. and closed at 5:15 p.m."),
        ("fr", "La séance s'est ouverte à 8 h 30 et s'est close à 17 h 15."),
        ("zh-Hans", "会议于上午8点30分开幕，下午5点15分闭幕。"),
        ("ar", "افتتحت الجلسة في الساعة 8:30 صباحا واختتمت في الساعة 5:15 مساء."),
        # a time dropped ("in the morning") is no change
        ("en", "The session opened in the morning and closed at 5:15 p.m."),
        ("ru", "Заседание открылось утром и завершилось вечером."),
        # converted to another time zone, which the translation names
        ("en", "The session opened at 1:30 GMT and closed at 10:15 GMT."),
        ("zh-Hans", "会议于北京时间9时30分开幕，18时15分闭幕。"),
    ],
)
def test_clock_times_clean(lang: str, target: str) -> None:
    source = "Phiên họp khai mạc lúc 8 giờ 30 sáng và bế mạc lúc 17h15."
    assert _mp501(source, lang, target) == []


@pytest.mark.parametrize(
    ("source", "lang", "target", "shown"),
    [
        # a whole hour as "9h"
        (
            "Lúc 9h ngày 14/3, hội nghị khai mạc.",
            "en",
            "The conference opened at 10 a.m. on March 14.",
            "10 a.m.",
        ),
        ("Đường bay mở từ 5h30 đến 8h.", "zh-Hans", "航线5时30分至9时开放。", "9时"),
        (
            "Phiên tòa kéo dài từ 8h đến 16h15.",
            "en",
            "The hearing lasted from 8 a.m. to 4:45 p.m.",
            "4:45",
        ),
        ("Giá xăng giảm từ 15 giờ ngày 12/3.", "zh-Hans", "汽油价格自3月12日16时起下调。", "16时"),
        # whole hours with an hour word, which the translation writes as clock times
        (
            "Sân bay tạm dừng khai thác từ 10 giờ đến 22 giờ.",
            "fr",
            "L'aéroport a suspendu ses opérations de 10h à 20h.",
            "20",  # (French "20h" alone: a number, as "22 giờ")
        ),
        (
            "Sân bay tạm dừng khai thác từ 10 giờ đến 22 giờ.",
            "ar",
            "علّق المطار عملياته من الساعة 10:00 حتى الساعة 21:00.",
            "21:00",
        ),
        # 12-hour clock times with a part of the day
        (
            "Cửa khẩu mở từ 6h đến 22h.",
            "ar",
            "يفتح المعبر من الساعة 6 صباحا حتى الساعة 9 مساء.",
            "9 مساء",
        ),
        ("Cửa khẩu mở từ 6h đến 22h.", "zh-Hans", "口岸早上6点至晚上9点开放。", "晚上9点"),
        # a date before a part of the day is a date still
        (
            "Tối thứ Sáu 10/5, đoàn đến Hà Nội.",
            "ar",
            "وصل الوفد إلى هانوي يوم الجمعة 11/5 مساءً.",
            "11/5",
        ),
        # reported once, as a clock time, not again as a number changed into an age
        (
            "Khoảng 22h ngày 3/3, công an bắt giữ Lò Văn Páo (SN 1988).",
            "en",
            "At about 9 p.m. on March 3, police arrested Lo Van Pao, 37.",
            "9 p.m.",
        ),
    ],
)
def test_changed_whole_hours(source: str, lang: str, target: str, shown: str) -> None:
    assert [excerpt for _, excerpt in _mp501(source, lang, target)] == [shown]


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        (
            "Lúc 9h ngày 14/3, hội nghị khai mạc.",
            "en",
            "The conference opened at 9 a.m. on March 14.",
        ),
        ("Đường bay mở từ 5h30 đến 8h.", "zh-Hans", "航线5时30分至8时开放。"),
        (
            "Sân bay tạm dừng khai thác từ 10 giờ đến 22 giờ.",
            "fr",
            "L'aéroport a suspendu ses opérations de 10h à 22h.",
        ),
        (
            "Sân bay tạm dừng khai thác từ 10 giờ đến 22 giờ.",
            "en",
            "The airport suspended operations from 10 a.m. to 10 p.m.",
        ),
        # a whole hour is paired with a whole hour only; "16 giờ 15 cùng ngày" a clock time
        (
            "Phiên tòa bắt đầu từ 8h và kéo dài đến 16 giờ 15 cùng ngày.",
            "fr",
            "Le procès a débuté à 8h et s'est poursuivi jusqu'à 16h15 le même jour.",
        ),
        # durations: "24h", "8 giờ", neither at a range's end nor after "lúc"
        (
            "Trong 24h qua, tính đến 17 giờ ngày 5/9, mưa lớn kéo dài.",
            "en",
            "In the 24 hours to 5 p.m. on September 5, heavy rain continued.",
        ),
        (
            "Ca làm việc kéo dài 8 giờ, bắt đầu lúc 7h.",
            "en",
            "The shift starts at 7 a.m. and lasts eight hours, until 3 p.m.",
        ),
        # a duration with an hour word, the translation's clock time another one
        (
            "Lúc 9h, cuộc họp bắt đầu và kéo dài 3 giờ.",
            "ru",
            "Совещание началось в 9:00 и продолжалось три часа.",
        ),
        # half past ten is no whole hour
        ("Hội nghị khai mạc lúc 10h30 sáng.", "zh-Hans", "会议于上午10点半开幕。"),
        # 12-hour clock times with a part of the day: 10 p.m. is 22h
        ("Cửa khẩu mở từ 6h đến 22h.", "ar", "يفتح المعبر من الساعة 6 صباحا حتى الساعة 10 مساء."),
        ("Cửa khẩu mở từ 6h đến 22h.", "zh-Hans", "口岸早上6点至晚上10点开放。"),
        # the hour the clock time stands for is no number left to pair with an age
        (
            "Khoảng 22h ngày 3/3, công an bắt giữ Lò Văn Páo (SN 1988).",
            "en",
            "At about 10 p.m. on March 3, police arrested Lo Van Pao, 37.",
        ),
        (
            "Khoảng 22h ngày 3/3, công an bắt giữ Lò Văn Páo (SN 1988).",
            "ru",
            "Около 22:00 3 марта полиция задержала 37-летнего Ло Ван Пао.",
        ),
    ],
)
def test_whole_hours_clean(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


def test_a_year_written_once_before_a_range_of_months() -> None:
    # "2025年1月至9月": September is of 2025 too.
    source = "Từ tháng 1 đến tháng 9/2025, tòa án xét xử 120 vụ án."
    assert _mp501(source, "zh-Hans", "2025年1月至9月，法院共审理案件120起。") == []
    found = _mp501(source, "zh-Hans", "2025年1月至8月，法院共审理案件120起。")
    assert [excerpt for _, excerpt in found] == ["2025年1月至8月"]
    # ... and two months joined by "和"
    source = "Trong tháng 1 và tháng 2/2025, hải quan bắt giữ 120 vụ."
    assert _mp501(source, "zh-Hans", "2025年1月和2月，海关查获120起案件。") == []


def test_a_clock_time_most_translations_change_is_reported_on_the_source() -> None:
    article = make_article(
        {
            "vi": ["Lễ thượng cờ bắt đầu lúc 6:15 sáng."],
            "en": ["The flag-raising ceremony began at 6:45 a.m."],
            "fr": ["La cérémonie de lever du drapeau a commencé à 6 h 45."],
            "ru": ["Церемония поднятия флага началась в 6:45 утра."],
        }
    )
    found = check(article, config=Config(select=("MP501",)))
    assert [(f.lang, f.excerpt) for f in found] == [("vi", "6:15")]
    assert "is 6:45 in 3 translations" in found[0].message


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Lúc 8 giờ 30 sáng nay, 35 người có mặt.", [(8, 30)]),
        ("sau 12 giờ 35 người bị thương", []),  # 12 hours, 35 people
        ("from 5 p.m. to 11 p.m., 8 o'clock", [(5, 0), (11, 0), (8, 0)]),
        ("会议于17时15分结束。", [(17, 15)]),
        ("ouverte de 8 h 30 à 22h00", [(8, 30), (22, 0)]),
        ("a record of 2:05.31", []),  # a race time
        # a whole hour written "9h", "9时": a clock time; not "72h", "8小时" (durations)
        # ("đến 8h", a whole hour at a range's end, is compared as one, apart)
        ("Lúc 9h ngày 14/3, từ 5h30 đến 8h.", [(9, 0), (5, 30)]),
        ("航线5时30分至9时开放。", [(5, 30), (9, 0)]),
        ("trong 72h qua, mưa kéo dài 8小时", []),
    ],
)
def test_clock_times_read(text: str, times: list[tuple[int, int]]) -> None:
    assert [(c.hour, c.minute) for c in clock_times(text)] == times


@pytest.mark.parametrize(
    ("lang", "target", "shown"),
    [
        ("en", "The programme runs from June 2025 with VND1.2 trillion.", "June 2025"),
        (
            "ru",
            "Программа реализуется с июня 2025 года, на неё выделено 1,2 трлн донгов.",
            "июня 2025",
        ),
        ("zh-Hans", "该计划自2025年6月起实施，经费1.2万亿越南盾。", "2025年6月"),
        ("ar", "ينفذ البرنامج اعتبارا من يونيو 2025 بتمويل 1.2 تريليون دونغ.", "يونيو 2025"),
    ],
)
def test_a_changed_month_of_a_year(lang: str, target: str, shown: str) -> None:
    source = "Chương trình triển khai từ tháng 7/2025 với kinh phí 1.200 tỷ đồng."
    assert _mp501(source, lang, target) == [
        (f"month tháng 7/2025 of block 0 of the source is {shown} here", shown)
    ]


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        # the same month, in each language's way
        ("Dự án khởi công tháng 7/2025.", "en", "Work began in July 2025."),
        ("Dự án khởi công tháng 7 năm 2025.", "es", "Las obras comenzaron en julio de 2025."),
        ("Dự án khởi công tháng 7/2025.", "fr", "Les travaux ont débuté en juillet 2025."),
        ("Dự án khởi công tháng 7/2025.", "zh-Hans", "项目于2025年7月开工。"),
        # the month said otherwise, or a full date: no month to compare
        ("Dự án khởi công tháng 7/2025.", "en", "Work began in mid-2025."),
        ("Dự án khởi công ngày 5/7/2025.", "en", "Work began on July 5, 2025."),
        # a lunar month's number beside a date of that month ("rằm": the full moon)
        ("Lễ hội diễn ra vào rằm tháng 10 âm lịch.", "zh-Hans", "节日于农历10月15日举行。"),
        # ... and, when its month is written in words, no day of another date
        (
            "Lễ hội diễn ra vào rằm tháng 10 âm lịch; năm nay từ ngày 13 đến 15/11.",
            "zh-Hans",
            "节日于农历十月十五日举行；今年于11月13日至15日举行。",
        ),
    ],
)
def test_months_of_a_year_clean(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


def test_a_month_of_another_year_is_reported_once_by_its_year() -> None:
    found = _mp501("Dự án khởi công tháng 7/2025.", "fr", "Les travaux ont débuté en juillet 2026.")
    assert found == [("number 2025 of block 0 of the source is 2026 here", "juillet 2026")]


@pytest.mark.parametrize(
    ("source", "lang", "target", "reported"),
    [
        # units of technology news: sizes, frequencies, rates, data
        (
            "Nhà máy sản xuất chip tiến trình 12 nm.",
            "fr",
            "L'usine grave des puces en 12 mm.",
            True,
        ),
        (
            "Nhà máy sản xuất chip tiến trình 12 nm.",
            "fr",
            "L'usine grave des puces en 12 nm.",
            False,
        ),
        ("Băng tần 3.500 MHz được cấp cho 5G.", "en", "The 3,500 GHz band went to 5G.", True),
        ("Băng tần 3.500 MHz được cấp cho 5G.", "en", "The 3.5 GHz band went to 5G.", False),
        ("Tốc độ trung bình đạt 150 Mbps.", "ru", "Средняя скорость достигла 150 Гбит/с.", True),
        ("Tốc độ trung bình đạt 150 Mbps.", "ru", "Средняя скорость достигла 150 Мбит/с.", False),
        ("Trung tâm dữ liệu lưu trữ 20 PB.", "zh-Hans", "数据中心存储20TB数据。", True),
        ("Trung tâm dữ liệu lưu trữ 20 PB.", "ar", "يخزن مركز البيانات 20 بيتابايت.", False),
        (
            "Trung tâm dữ liệu lưu trữ 20 PB.",
            "es",
            "El centro de datos almacena 20 petabytes.",
            False,
        ),
    ],
)
def test_units_of_technology(source: str, lang: str, target: str, reported: bool) -> None:
    found = _mp501(source, lang, target)
    assert len(found) == (1 if reported else 0)
    if reported:
        assert "in another unit" in found[0][0]


def test_a_clock_time_changed_in_local_time_is_a_change() -> None:
    # "local time" on both sides is the same clock: nothing was converted
    found = _mp501(
        "Lễ bắn pháo hoa bắt đầu lúc 23:45 (giờ địa phương).",
        "en",
        "The fireworks began at 10:45 p.m. local time.",
    )
    assert [message for message, _ in found] == [
        "clock time 23:45 of block 0 of the source is 10:45 here"
    ]


@pytest.mark.parametrize(
    ("source", "lang", "target", "reported"),
    [
        # nautical miles and knots, converted or not
        ("Tàu cá bị bắt cách bờ 110 hải lý.", "en", "The boat was seized 204 km offshore.", False),
        ("Tàu cá bị bắt cách bờ 110 hải lý.", "en", "The boat was seized 110 km offshore.", True),
        (
            "Tàu cá bị bắt cách bờ 110 hải lý.",
            "fr",
            "Le bateau a été saisi à 110 milles marins.",
            False,
        ),
        ("Tàu chạy với tốc độ 14 hải lý/giờ.", "ru", "Судно шло со скоростью 26 км/ч.", False),
        ("Tàu chạy với tốc độ 14 hải lý/giờ.", "ru", "Судно шло со скоростью 14 км/ч.", True),
        ("Tàu chạy với tốc độ 14 hải lý/giờ.", "zh-Hans", "船速为14节。", False),
        # "nm" in English is nautical miles as often as nanometres: not read
        ("Tàu cách bờ 12 hải lý.", "en", "The boat was 12 nm off the coast.", False),
    ],
)
def test_nautical_units(source: str, lang: str, target: str, reported: bool) -> None:
    found = _mp501(source, lang, target)
    assert len(found) == (1 if reported else 0)


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("The ferry left at 3.30pm on Monday.", [(3, 30)]),
        ("Паром отошёл в 15 ч 30 мин.", [(15, 30)]),
        # a decimal is no clock time
        ("The index rose 3.30 points.", []),
    ],
)
def test_clock_times_with_a_full_stop_or_hour_words(
    text: str, times: list[tuple[int, int]]
) -> None:
    assert [(c.hour, c.minute) for c in clock_times(text)] == times


@pytest.mark.parametrize(
    ("source", "lang", "target", "reported"),
    [
        # a whole hour with a part of the day, or after "lúc", is a clock time
        (
            "Lúc 7 giờ sáng nay, tâm bão ở trên biển.",
            "en",
            "At 9 a.m. today the storm was at sea.",
            True,
        ),
        (
            "Lúc 7 giờ sáng nay, tâm bão ở trên biển.",
            "en",
            "At 7 a.m. today the storm was at sea.",
            False,
        ),
        ("Từ lúc 19 giờ, nước bắt đầu lên.", "ru", "С 17:00 вода начала подниматься.", True),
        ("Từ lúc 19 giờ, nước bắt đầu lên.", "fr", "À partir de 19 heures, l'eau a monté.", False),
        # minutes before the day's date: "16 giờ 30 ngày 14/11"
        ("Lúc 16 giờ 30 ngày 14/11, bão đổ bộ.", "zh-Hans", "11月14日16时50分，台风登陆。", True),
        # a duration is no clock time
        (
            "Mưa lớn kéo dài trong 48 giờ qua.",
            "en",
            "Heavy rain has fallen for the past 48 hours.",
            False,
        ),
        # 50% off said as paying five tenths
        ("Học sinh được giảm 50% giá vé.", "zh-Hans", "学生购票享受五折优惠。", False),
        # ... and a tax halved
        ("Thuế được giảm 50% trong 9 năm tiếp theo.", "zh-Hans", "随后9年减半征收。", False),
    ],
)
def test_whole_hours_and_discounts(source: str, lang: str, target: str, reported: bool) -> None:
    assert len(_mp501(source, lang, target)) == (1 if reported else 0)


@pytest.mark.parametrize(
    ("lang", "target", "shown"),
    [
        ("ru", "В III квартале 2024 года кредиты выросли на 5,5%.", "III квартале"),
        ("en", "Credit grew 5.5% in the third quarter of 2024.", "third quarter"),
        ("zh-Hans", "2024年第三季度信贷增长5.5%。", "第三季度"),
        ("ar", "نما الائتمان بنسبة 5.5% في الربع الثالث من عام 2024.", "الربع الثالث"),
    ],
)
def test_a_changed_quarter(lang: str, target: str, shown: str) -> None:
    found = _mp501("Quý IV/2024, tín dụng tăng 5,5%.", lang, target)
    assert [message for message, _ in found] == [
        f"quarter Quý IV of block 0 of the source is {shown} here"
    ]


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("ru", "В IV квартале 2024 года кредиты выросли на 5,5%."),
        ("en", "Credit grew 5.5% in the fourth quarter of 2024."),
        ("fr", "Le crédit a progressé de 5,5 % au quatrième trimestre 2024."),
        ("es", "El crédito creció un 5,5% en el cuarto trimestre de 2024."),
        ("zh-Hans", "2024年第四季度信贷增长5.5%。"),
        ("en", "Credit grew 5.5% at the end of 2024."),  # a quarter said otherwise
    ],
)
def test_quarters_clean(lang: str, target: str) -> None:
    assert _mp501("Quý IV/2024, tín dụng tăng 5,5%.", lang, target) == []


@pytest.mark.parametrize(
    ("lang", "target", "shown"),
    [
        ("en", "Flight SV251 took off 40 minutes late.", "SV251"),
        ("ru", "Рейс SV251 вылетел с опозданием на 40 минут.", "SV251"),
        ("zh-Hans", "航班SV251晚点40分钟起飞。", "SV251"),
        ("ar", "أقلعت الرحلة SV251 متأخرة 40 دقيقة.", "SV251"),
    ],
)
def test_a_flight_code_changed(lang: str, target: str, shown: str) -> None:
    source = "Chuyến bay SV215 cất cánh chậm 40 phút."
    assert [excerpt for _, excerpt in _mp501(source, lang, target)] == [shown]


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "Flight SV215 took off 40 minutes late."),
        ("zh-Hans", "航班SV215晚点40分钟起飞。"),
        ("es", "El vuelo SV215 despegó con 40 minutos de retraso."),
    ],
)
def test_a_flight_code_kept(lang: str, target: str) -> None:
    source = "Chuyến bay SV215 cất cánh chậm 40 phút."
    assert _mp501(source, lang, target) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("chuyến bay VN1547 và MH370", ["code:VN1547", "code:MH370"]),
        # not a flight: one capital, two digits, three capitals, letters after, a road, a
        # year after two capitals and a space
        ("Airbus A321, đội U23, ABC1234, SH150i, VN30, QL279, ĐT741, AD 1000", []),
    ],
)
def test_flight_codes_read(text: str, codes: list[str]) -> None:
    assert [t.key for t in number_tokens(text, "vi") if t.key.startswith("code:")] == codes


@pytest.mark.parametrize(
    ("source", "lang", "target", "shown"),
    [
        (
            "Vụ tai nạn làm 3 người chết và 5 người bị thương.",
            "en",
            "The crash killed 4 people and injured 5.",
            "4",
        ),
        ("Vụ tai nạn làm 3 người chết.", "ru", "В аварии погибли 4 человека.", "4"),
        # the month is no count: the change is the victims'
        ("Tháng 7, 3 người chết.", "en", "In July, 5 people died.", "5"),
        ("Vụ tai nạn làm 3 người chết.", "zh-Hans", "事故造成4人死亡。", "4"),
        ("Vụ tai nạn làm 3 người chết.", "ar", "أسفر الحادث عن مقتل 4 أشخاص.", "4"),
        (
            "Tòa tuyên phạt bị cáo 8 năm tù.",
            "fr",
            "Le tribunal a condamné l'accusé à 6 ans de prison.",
            "6",
        ),
        (
            "Lệnh tạm giam 4 tháng đã được phê chuẩn.",
            "es",
            "Se aprobó la prisión preventiva de 6 meses.",
            "6",
        ),
        # an edition of a standard, a network generation: figures the desk keeps
        (
            "Chip hỗ trợ Wi-Fi 7 và mạng 5G.",
            "en",
            "The chip supports Wi-Fi 6 and 5G networks.",
            "6",
        ),
        # ... and a figure below ten with a unit
        ("Tiến trình 7 nm.", "es", "Un proceso de 5 nm.", "5"),
    ],
)
def test_changed_whole_numbers_below_ten(source: str, lang: str, target: str, shown: str) -> None:
    assert [excerpt for _, excerpt in _mp501(source, lang, target)] == [shown]


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        # the same figures, in any order
        (
            "Vụ tai nạn làm 3 người chết và 5 người bị thương.",
            "en",
            "Five people were injured and 3 killed in the crash.",
        ),
        # a figure spelled on the other side: the translation's, the source's
        (
            "Vụ tai nạn làm 3 người chết và 5 người bị thương.",
            "en",
            "The crash killed three people and injured 5.",
        ),
        (
            "Vụ tai nạn làm ba người chết, 5 xe hư hỏng.",
            "en",
            "The crash killed 3 people and damaged five vehicles.",
        ),
        ("Vụ tai nạn làm 3 người chết.", "ru", "В аварии погибли трое, 2 из них дети."),
        (
            "Vụ tai nạn làm 3 người chết, 4 xe hư hỏng.",
            "ru",
            "В аварии погибли 3 человека, повреждены четыре автомобиля.",
        ),
        (
            "Vụ tai nạn làm 3 người chết, 4 xe hư hỏng.",
            "ar",
            "أسفر الحادث عن مقتل 3 أشخاص وتضرر أربع مركبات.",
        ),
        # a clitic written onto the number word: "وأربع"
        ("Có 2 người chết và 4 xe hư hỏng.", "ar", "توفي 2 شخص وأربع مركبات تضررت، و3 جرحى."),
        ("Vụ tai nạn làm 3 người chết.", "zh-Hans", "事故造成三人死亡，2辆车受损。"),
        # the day of a date: "7 và 8/5" is "May 7 and 8"
        (
            "Trong hai ngày 7 và 8/5, công an bắt 9 đối tượng.",
            "en",
            "Police arrested nine suspects on May 7 and 8.",
        ),
        (
            "Lễ hội diễn ra từ 5 đến 7/2 (mùng 8 đến mùng 10 tháng Giêng).",
            "zh-Hans",
            "庆典于2月5日至7日（正月初8至初10）举行。",
        ),
        # a month, a weekday: no count ("tháng 7", July; "thứ 7", Saturday), and a Roman
        # numeral of the source written in figures is no figure it lacks
        (
            "Tháng 7, dự án giai đoạn II khởi công.",
            "en",
            "In July, phase 2 of the project broke ground.",
        ),
        (
            "Sáng thứ 7, dự án giai đoạn II được khởi công.",
            "en",
            "On Saturday morning, phase 2 of the project broke ground.",
        ),
        (
            "Trong tháng 6, dự án giai đoạn III hoàn thành.",
            "ar",
            "في يونيو، اكتملت المرحلة 3 من المشروع.",
        ),
        # a figure dropped is no change; a whole hour the clock time settles neither
        ("Có 3 người bị thương.", "fr", "Trois personnes ont été blessées."),
        ("Lúc 8 giờ sáng, 3 xe khách xuất bến.", "en", "At 8 a.m., 3 coaches left the station."),
    ],
)
def test_whole_numbers_below_ten_clean(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


@pytest.mark.parametrize(
    ("source", "lang", "target", "shown"),
    [
        ("Công ty mua 500 chip H100.", "en", "The company bought 500 H200 chips.", "H200"),
        ("Hãng nhận 2 máy bay A321neo.", "zh-Hans", "该航空公司接收了2架A320neo飞机。", "A320neo"),
        ("Hãng nhận 2 máy bay A321neo.", "ar", "تسلمت الشركة طائرتين من طراز A320neo.", "A320neo"),
        ("Card đồ họa RTX4090 cháy hàng.", "ru", "Видеокарты RTX4080 раскуплены.", "RTX4080"),
    ],
)
def test_changed_model_codes(source: str, lang: str, target: str, shown: str) -> None:
    assert [excerpt for _, excerpt in _mp501(source, lang, target)] == [shown]


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        ("Hãng nhận 2 máy bay A321neo.", "en", "The airline took delivery of two A321 aircraft."),
        # written in the translation's own letters, or not at all: no pair to compare
        ("Máy bay Su30 bay qua.", "ru", "Пролетел самолёт Су30."),
        ("Công ty mua 500 chip H100.", "en", "The company bought 500 Nvidia chips."),
        # a road's number and a flight code are no model codes; COVID-19 neither
        (
            "Xe đi trên QL279 và chuyến bay VN1547 cất cánh.",
            "fr",
            "Le véhicule roulait sur la RN279 et le vol VN1547 a décollé.",
        ),
        (
            "Đội U23 thắng đậm; dịch COVID-19 qua đi.",
            "es",
            "La selección sub-23 ganó con holgura; la COVID-19 quedó atrás.",
        ),
    ],
)
def test_model_codes_clean(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


@pytest.mark.parametrize(
    ("source", "lang", "target", "shown"),
    [
        # a tenfold dose: the figure written below ten in the same unit
        ("Mỗi trẻ được tiêm một liều 0,5 ml.", "en", "Each child receives one 5 ml dose.", "5"),
        ("Liều 0,1 mg/kg mỗi ngày.", "ru", "Доза 1 мг/кг в сутки.", "1"),
        # an Arabic gram's abbreviation is a gram's
        ("Liều 15 mg/kg.", "ar", "جرعة 15 غ/كغ.", "15 غ"),
    ],
)
def test_doses_changed(source: str, lang: str, target: str, shown: str) -> None:
    assert [excerpt for _, excerpt in _mp501(source, lang, target)] == [shown]


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        ("Mỗi trẻ được tiêm một liều 0,5 ml.", "en", "Each child receives one 0.5 ml dose."),
        ("Mỗi trẻ được tiêm một liều 0,5 ml.", "en", "Each child receives half a millilitre."),
        # the night of the 3rd is "the night to the 4th" in Russian
        ("Vụ việc xảy ra đêm 3/9.", "ru", "Инцидент произошёл в ночь на 4 сентября."),
        ("Vụ việc xảy ra đêm 3/9.", "ru", "Инцидент произошёл в ночь с 3 на 4 сентября."),
    ],
)
def test_doses_and_nights_clean(source: str, lang: str, target: str) -> None:
    assert _mp501(source, lang, target) == []


def test_the_night_before_is_one_night_only() -> None:
    found = _mp501("Vụ việc xảy ra đêm 3/9.", "ru", "Инцидент произошёл в ночь на 5 сентября.")
    assert [excerpt for _, excerpt in found] == ["5 сентября"]


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        ("Vụ sạt lở làm 3 người chết.", "en", "The landslide killed three people."),
        ("Lũ làm chết 6 con bò.", "es", "La crecida mató seis vacas."),
        # Chinese numerals stand inside other words and numbers: not read so
        ("Vụ sạt lở làm 3 người chết.", "zh-Hans", "滑坡造成三人死亡，十五户受灾。"),
    ],
)
def test_counts_spelled_clean(source: str, lang: str, target: str) -> None:
    # (A count spelled as another number is not read: "6 tháng đầu năm" is "the first
    # half", and a spelled "three million" stands for "3 triệu".)
    assert _mp501(source, lang, target) == []


@pytest.mark.parametrize(
    ("source", "lang", "target", "reported"),
    [
        # a night is the night to the next day only where the source says night
        ("Vụ cháy xảy ra rạng sáng 4/9.", "ru", "Пожар произошёл в ночь на 5 сентября.", True),
        # a rank is compared; a tenfold slip only, not any other dose
        ("Việt Nam xếp hạng 3 toàn đoàn.", "en", "Vietnam finished 2nd overall.", True),
        (
            "Người lớn uống 10 mg mỗi ngày, chia 2 lần.",
            "en",
            "Adults take 5 mg twice a day.",
            False,
        ),
        (
            "Trong 6 tháng đầu năm, công ty bán 3 triệu sản phẩm.",
            "en",
            "In the first half of the year, the company sold three million products.",
            False,
        ),
    ],
)
def test_small_numbers_from_review(source: str, lang: str, target: str, reported: bool) -> None:
    assert bool(_mp501(source, lang, target)) is reported


def test_a_block_in_a_third_language_is_left_to_mp401() -> None:
    """An English paragraph pasted into the French edition: its "4,500" is English, no
    French 4.5; MP401 reports the block, MP501 does not read it as French."""
    source = "Tỉnh đã sơ tán 4.500 hộ dân và 1.236 tàu thuyền trước khi bão đổ bộ vào sáng nay."
    english = (
        "The province evacuated 4,500 households and 1,236 boats before the storm made "
        "landfall this morning, officials said."
    )
    article = make_article({"vi": [source], "fr": [english]})
    found = check(article, config=Config(select=("MP401", "MP501")))
    assert [f.code for f in found] == ["MP401"]
    # ... a French block with the same slip is read, and reported
    french = "La province a évacué 4,500 foyers et 1 236 bateaux avant l'arrivée de la tempête."
    assert _mp501(source, "fr", french) != []


@pytest.mark.parametrize(
    ("text", "lang", "keys"),
    [
        ("Tháp được xây dựng vào thế kỷ XIV–XV.", "vi", [14, 15]),
        ("Les tours datent des XIVe-XVe siècles.", "fr", [14, 15]),
        ("Башни построены в XIV–XV веках.", "ru", [14, 15]),
        ("The towers were built in the 14th-15th centuries.", "en", [14, 15]),
        ("这些塔建于14至15世纪。", "zh-Hans", [14, 15]),
        ("Las torres se construyeron en los siglos XIV y XV.", "es", [14, 15]),
        ("بنيت الأبراج في القرن 15.", "ar", [15]),
        ("vào thế kỷ thứ 11, 12 và 13", "vi", [11, 12, 13]),
        ("XI, XII и XIII века", "ru", [11, 12, 13]),
        # no century without its word, and no Roman numeral that is none
        ("Đại hội XIII của Đảng", "vi", []),
        ("in the last century", "en", []),
    ],
)
def test_centuries(text: str, lang: str, keys: list[int]) -> None:
    assert [t.key for t in centuries(text, lang)] == [f"century:{k}" for k in keys]


@pytest.mark.parametrize(
    ("lang", "target", "reported"),
    [
        (
            "ru",
            "Башни построены в XV–XVI веках.",
            "century XIV of block 0 of the source is XVI here",
        ),
        (
            "en",
            "The towers were built in the 15th-16th centuries.",
            "century XIV of block 0 of the source is 16 here",
        ),
        ("fr", "Les tours datent des XIVe-XVe siècles.", None),
        ("zh-Hans", "这些塔建于14至15世纪。", None),
        # spelled, the centuries are let through
        ("en", "The towers were built in the fourteenth and fifteenth centuries.", None),
    ],
)
def test_mp501_centuries(lang: str, target: str, reported: str | None) -> None:
    found = [
        message for message, _ in _mp501("Tháp được xây dựng vào thế kỷ XIV–XV.", lang, target)
    ]
    assert found == ([reported] if reported else [])
