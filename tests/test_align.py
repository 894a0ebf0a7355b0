"""Block alignment: the narrow first band gives what the wide band alone gives."""

from __future__ import annotations

import random

import pytest

from multipub.align import (
    _BAND,
    _align_in_band,
    _side,
    _side_cues,
    align_blocks,
    cheapest_alignment,
    gap_costs,
)
from tests.conftest import FLORES, needs_flores


def _edited(rng: random.Random, blocks: list[str], pool: list[str]) -> list[str]:
    """Return ``blocks`` with up to four blocks dropped, inserted or merged."""
    out = list(blocks)
    for _ in range(rng.randint(0, 4)):
        op = rng.random()
        if op < 0.4 and len(out) > 1:
            del out[rng.randrange(len(out))]
        elif op < 0.7:
            out.insert(rng.randrange(len(out) + 1), rng.choice(pool))
        elif len(out) > 1:
            i = rng.randrange(len(out) - 1)
            out[i : i + 2] = [out[i] + " " + out[i + 1]]
    return out


def _wide(source: list[str], target: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    sides = _side(tuple(source)), _side(tuple(target))
    pairs = _align_in_band(*sides, _BAND + abs(len(source) - len(target)))
    return [(p.source, p.target) for p in pairs]


def _wide_with_cues(
    source: list[str], target: list[str]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    sides = _side(tuple(source)), _side(tuple(target))
    cues = _side_cues(tuple(source)), _side_cues(tuple(target))
    pairs = _align_in_band(*sides, _BAND + abs(len(source) - len(target)), None, cues)
    return [(p.source, p.target) for p in pairs]


def _trials(source: list[str], target: list[str], count: int, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        size = rng.randint(0, 40)
        start = rng.randrange(len(source) - size)
        blocks = source[start : start + size]
        edited = _edited(rng, target[start : start + size], target)
        narrow = [(p.source, p.target) for p in cheapest_alignment(blocks, edited)]
        assert narrow == _wide(blocks, edited), (start, size)
        with_cues = cheapest_alignment(blocks, edited, cues=True)
        assert [(p.source, p.target) for p in with_cues] == _wide_with_cues(blocks, edited)


def test_narrow_band_equals_wide_band_on_generated_text() -> None:
    rng = random.Random(11)
    words = "an binh cao dan dat giang hoa khanh lam minh nam phu 2024 15 3,5 50-KL/TW".split()
    source = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 40))) for _ in range(300)]
    # The "translation": other lengths, the same numbers and codes.
    target = [" ".join(w.upper() * 2 if w.isalpha() else w for w in s.split()) for s in source]
    _trials(source, target, 400, seed=1)


@needs_flores
@pytest.mark.parametrize("code", ["arb_Arab", "rus_Cyrl", "zho_Hans", "eng_Latn"])
def test_narrow_band_equals_wide_band_on_flores(code: str) -> None:
    source = (FLORES / "vie_Latn.devtest").read_text("utf-8").splitlines()
    target = (FLORES / f"{code}.devtest").read_text("utf-8").splitlines()
    _trials(source, target, 250, seed=7)


def test_a_path_beyond_the_narrow_band_is_found() -> None:
    # Three blocks dropped at the top and three added at the bottom: as many blocks on
    # both sides, but the path runs three blocks off the diagonal, past the first band.
    rng = random.Random(5)
    source = [
        f"Block {k} reports {rng.randint(100, 999)} cases in {2000 + k} "
        + "word " * rng.randint(5, 60)
        for k in range(20)
    ]
    target = [text.upper() for text in source[3:]] + [
        "An extra paragraph of the translation. " * k for k in (2, 5, 3)
    ]
    pairs = [(p.source, p.target) for p in align_blocks(source, target)]
    assert pairs == _wide(source, target)  # the diagonal, all numbers clashing, is no match
    linked = [(s, t) for s, t in pairs if s and t]
    assert linked[0] == ((3,), (0,)) and linked[-1] == ((19,), (16,))
    assert ((0,), ()) in pairs and ((), (19,)) in pairs


def test_equal_counts_keep_a_plausible_diagonal() -> None:
    # Four blocks on both sides; the third translation is much shorter than its source
    # (a summary), which the cheapest path alone would call a drop and an insertion.
    source = [
        "Hội nghị khai mạc sáng nay tại trung tâm hội nghị của tỉnh với nhiều đại biểu.",
        "Các đại biểu thảo luận kế hoạch phát triển kinh tế, xã hội, giáo dục, y tế, giao "
        "thông, nông nghiệp và du lịch của tỉnh trong giai đoạn tới, với nhiều ý kiến đóng "
        "góp cụ thể và thiết thực từ các sở, ngành, địa phương và doanh nghiệp.",
        "Tỉnh cũng công bố danh sách các dự án ưu tiên đầu tư.",
        "Hội nghị bế mạc vào chiều cùng ngày.",
    ]
    target = [
        "The conference opened this morning at the provincial convention centre.",
        "Delegates discussed the plan.",
        "The province also published its list of priority investment projects.",
        "The conference closed the same afternoon.",
    ]
    assert [(p.source, p.target) for p in align_blocks(source, target)] == [
        ((k,), (k,)) for k in range(4)
    ]


def test_anchors_are_values_as_mp501_reads_them() -> None:
    from multipub.align import anchors

    assert anchors("Dự án trị giá 45 tỷ đồng") == anchors("un proyecto de 45.000 millones")
    assert anchors("Dự án trị giá 45 tỷ đồng") == anchors("проект стоимостью 45 млрд донгов")
    assert anchors("Nghị quyết 50-KL/TW") == frozenset({"code:50-KL/TW"})


def test_converted_units_do_not_clash() -> None:
    from multipub.align import _anchor_cost, anchors

    miles, km = anchors("Con đường dài 250 dặm"), anchors("The road is 402 km long")
    assert _anchor_cost(miles, km) == 0.0
    assert _anchor_cost(anchors("Năm 1994"), anchors("In 2004")) > 0


def test_a_media_block_pairs_with_a_media_block() -> None:
    from multipub import Config
    from multipub.context import ArticleContext
    from tests.conftest import make_article

    vi = [
        "Sáng nay, tỉnh khánh thành cây cầu mới bắc qua sông Lam, dài 1.200 mét, nối hai huyện "
        "phía bắc.",
        {"kind": "media", "src": "cau.mp4", "text": "Lễ khánh thành."},
        "Chủ tịch tỉnh cho biết cây cầu sẽ giúp rút ngắn thời gian đi lại và thúc đẩy giao "
        "thương giữa các địa phương trong vùng.",
        "Người dân vui mừng.",
    ]
    ru = [
        "Сегодня утром в провинции открыли новый мост через реку Лам длиной 1200 метров, "
        "соединивший два северных уезда.",
        {
            "kind": "media",
            "src": "cau.mp4",
            "text": "Церемония открытия моста, на которой присутствовали руководители провинции "
            "и жители окрестных деревень.",
        },
        "Местные жители рады.",
    ]
    shared = ArticleContext(make_article({"vi": vi, "ru": ru}), Config())
    assert ([1], [1]) in shared.unit_pairs("ru")


def test_short_lines_keep_to_the_diagonal() -> None:
    # Dialogue: short lines whose lengths vary more than any paragraph's, and Chinese,
    # where a line is a handful of characters.
    source = [
        "“Anh đi đâu?”",
        "“Tôi ra chợ mua ít rau và cá cho bữa tối nay.”",
        "“Về sớm nhé.”",
        "“Ừ.”",
        "Bà mỉm cười rồi quay vào bếp nấu cơm cho cả nhà.",
    ]
    target = [
        "“你去哪儿？”",
        "“去市场买菜。”",
        "“早点回来。”",
        "“好。”",
        "她笑了笑，转身进厨房给全家做饭。",
    ]
    assert [(p.source, p.target) for p in align_blocks(source, target)] == [
        ((k,), (k,)) for k in range(5)
    ]


def test_alignment_memory_is_the_band_not_the_table() -> None:
    import tracemalloc

    # 2,000 blocks a side: a full table would take 4 million cells twice (64 MB of slots).
    source = [f"Đoạn {k} " + "chữ " * (k % 17 + 3) for k in range(2000)]
    target = [f"Paragraph {k} " + "word " * (k % 17 + 3) for k in range(2000) if k != 1000]
    tracemalloc.start()
    pairs = align_blocks(source, target)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert ((1000,), ()) in [(p.source, p.target) for p in pairs]
    assert peak < 32_000_000


# A dropped block among blocks of like lengths, with no numbers: lengths leave the gap
# open, and the cues place it. Block 1 of the source is the one dropped.
_CONFERENCE_VI = [
    "Hội nghị thường niên của các nhà khoa học khí hậu khai mạc sáng nay tại Geneva.",
    "Các đại biểu thảo luận về mực nước biển dâng và nguy cơ ngập lụt ở vùng ven biển.",
    "Giáo sư Harper, người dẫn đầu nhóm nghiên cứu, trình bày kết quả đo đạc mới nhất.",
    "Hội nghị sẽ kéo dài ba ngày với nhiều phiên thảo luận chuyên đề khác nhau.",
]
_CONFERENCE = {
    "ru": [
        "Ежегодная конференция климатологов открылась сегодня утром в Женеве.",
        "Профессор Харпер, возглавляющий исследовательскую группу, представил новейшие данные.",
        "Конференция продлится три дня и включит множество тематических секций.",
    ],
    "ar": [
        "افتتح المؤتمر السنوي لعلماء المناخ صباح اليوم في جنيف.",
        "وقدم البروفيسور هاربر، الذي يقود فريق البحث، أحدث نتائج القياسات.",
        "ويستمر المؤتمر ثلاثة أيام ويتضمن جلسات نقاش متخصصة عديدة.",
    ],
}
_DROPPED_AT_1 = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


@pytest.mark.parametrize("lang", sorted(_CONFERENCE))
def test_names_across_scripts_place_a_dropped_block(lang: str) -> None:
    target = _CONFERENCE[lang]
    on_lengths = [(p.source, p.target) for p in cheapest_alignment(_CONFERENCE_VI, target)]
    assert on_lengths != _DROPPED_AT_1  # lengths alone put the gap elsewhere
    pairs = align_blocks(_CONFERENCE_VI, target)
    assert [(p.source, p.target) for p in pairs] == _DROPPED_AT_1


def test_hanviet_words_place_a_dropped_block_in_chinese() -> None:
    source = [
        "Chính phủ vừa công bố kế hoạch phát triển kinh tế cho năm tới.",
        "Người dân địa phương tỏ ra vui mừng khi nghe tin này hôm qua.",
        "Bộ trưởng cho biết chính sách đầu tư sẽ được điều chỉnh.",
        "Nhiều doanh nghiệp nhỏ đang chờ đợi hướng dẫn chi tiết hơn.",
    ]
    target = [
        "政府刚刚公布了明年的经济发展计划。",
        "部长表示，投资政策将进行调整。",
        "许多小企业正在等待更详细的指导。",
    ]
    on_lengths = [(p.source, p.target) for p in cheapest_alignment(source, target)]
    assert on_lengths != _DROPPED_AT_1
    assert [(p.source, p.target) for p in align_blocks(source, target)] == _DROPPED_AT_1


def test_cues_never_add_a_gap_to_an_intact_translation() -> None:
    # Punctuation that disagrees everywhere (a translation that drops every comma and
    # quote) must not make the aligner invent a drop and an insertion.
    source = [f"“Câu {k}”, theo ông, (tạm dịch): “đoạn văn thứ {k}”, xong." for k in range(8)]
    target = [f"Sentence number {k} of the text, which was translated plainly" for k in range(8)]
    pairs = align_blocks(source, target)
    assert all(p.source and p.target for p in pairs)


def test_a_gap_is_placed_by_the_words_two_latin_texts_share() -> None:
    # Blocks 0 and 1 of the source are as long as each other and hold no number or name:
    # the loanword "plasma", in the first block and its translation, says which is which.
    vi = [
        "Các nhà khoa học đã đo nhiệt độ của lớp plasma bao quanh Mặt Trời suốt ba tháng liền.",
        "Đội nghiên cứu đã dùng một kính thiên văn mới được đặt trên đỉnh núi cao ở phía bắc.",
        "Kết quả đo đạc sẽ được công bố trên một tạp chí khoa học vào mùa xuân năm sau.",
        "Dự án này nhận được tài trợ từ một quỹ quốc gia dành cho nghiên cứu cơ bản.",
    ]
    en = [
        "Scientists measured the temperature of the plasma surrounding the Sun for three months.",
        "The measurements will be published in a scientific journal next spring.",
        "The project is funded by a national foundation for basic research.",
    ]
    pairs = align_blocks(vi, en, "vi", "en")
    assert [(p.source, p.target) for p in pairs] == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((3,), (2,)),
    ]


def test_expected_length_ratios_come_from_the_profiles() -> None:
    import math

    from multipub.align import _expected_ratio, _length

    assert _expected_ratio("vi", "ru") == pytest.approx(math.log(1.07 / 1.05))
    assert _expected_ratio("vi", "zh-Hans") is not None
    assert _expected_ratio("vi", None) is None
    assert _expected_ratio("vi", "xx") is None  # a language without a profile
    # A Han character stands for a syllable: it counts as its script's weight (3).
    assert _length("政府") == 6 and _length("chính phủ") == 9


def test_the_other_translations_place_a_gap_the_source_alone_misplaces() -> None:
    # The Vietnamese first block is terse, every translation of it long: on lengths, the
    # Russian first block looks like the source's second, and the gap goes first. The
    # English, French and Spanish translations keep all four blocks and share "olymp..."
    # with the Russian one read in Latin letters: the dropped block is the second.
    vi = [
        "Thế vận hội mùa đông năm nay thu hút nhiều vận động viên trẻ.",
        "Ban tổ chức cho biết giá vé vào cửa các trận đấu sẽ được giảm một nửa cho toàn bộ học sinh và sinh viên có thẻ.",
        "Các trận đấu chung kết sẽ được truyền hình trực tiếp vào cuối tuần này.",
        "Thành phố đã xây thêm hai sân băng mới cho giải đấu lần này.",
    ]
    ru = [
        "Зимние Олимпийские игры, прошедшие в этом году, привлекли очень много молодых спортсменов из самых разных стран мира.",
        "Финальные матчи будут транслироваться в прямом эфире в конце недели.",
        "Город построил два новых катка специально для этих соревнований.",
    ]
    en = [
        "This year's Winter Olympic Games drew a great many young athletes from a wide range of countries around the world.",
        "The organisers said tickets would be half price for pupils and students.",
        "The finals will be broadcast live at the end of the week.",
        "The city built two new ice rinks for the competition.",
    ]
    fr = [
        "Les Jeux olympiques d'hiver de cette année ont attiré un très grand nombre de jeunes athlètes venus de pays du monde entier.",
        "Les organisateurs ont annoncé des billets à moitié prix pour les élèves et les étudiants.",
        "Les finales seront retransmises en direct à la fin de la semaine.",
        "La ville a construit deux nouvelles patinoires pour la compétition.",
    ]
    es = [
        "Los Juegos Olímpicos de invierno de este año atrajeron a muchísimos atletas jóvenes procedentes de países de todo el mundo.",
        "Los organizadores dijeron que las entradas costarán la mitad para alumnos y estudiantes.",
        "Las finales se transmitirán en directo al final de la semana.",
        "La ciudad construyó dos nuevas pistas de hielo para la competición.",
    ]
    alone = align_blocks(vi, ru, "vi", "ru")
    assert [p.source for p in alone if not p.target] == [(0,)]
    helped = align_blocks(vi, ru, "vi", "ru", [en, fr, es])
    assert [(p.source, p.target) for p in helped] == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((3,), (2,)),
    ]
    # A translation that does not keep the source's blocks is no help, and no harm.
    assert align_blocks(vi, ru, "vi", "ru", [en[:3]]) == alone


def test_gap_costs_say_where_lengths_put_a_gap() -> None:
    # Block 1 of the source is the long one; its translation went missing.
    vi = [
        "Mưa lớn kéo dài suốt đêm qua ở tỉnh Quảng Nam.",
        "Theo thống kê ban đầu, khoảng 2.400 ngôi nhà ở các huyện miền núi bị ngập sâu "
        "và nhiều tuyến đường bị sạt lở nghiêm trọng.",
        "Nhà chức trách đã sơ tán người dân khỏi vùng nguy hiểm.",
        "Trường học đóng cửa hai ngày.",
    ]
    ar = [
        "هطلت أمطار غزيرة طوال الليلة الماضية في مقاطعة كوانغ نام.",
        "وأجلت السلطات السكان من المناطق الخطرة.",
        "وأغلقت المدارس يومين.",
    ]
    costs = gap_costs(vi, ar)
    assert len(costs) == 4
    assert min(range(4), key=costs.__getitem__) == 1
    # A translation that keeps that block and drops the evacuation instead: the gap
    # moves with it.
    kept = (
        "وتشير الإحصاءات الأولية إلى أن نحو 2400 منزل في المناطق الجبلية غمرتها المياه "
        "وأن طرقا كثيرة تضررت بانهيارات أرضية خطيرة."
    )
    costs = gap_costs(vi, [ar[0], kept, ar[2]])
    assert min(range(4), key=costs.__getitem__) == 2


_AWARDS_VI = [
    "Tỉnh đã tổ chức hội nghị tổng kết công tác năm cũ tại trung tâm hành chính.",
    "Năm nay tỉnh đã hỗ trợ 1.250 hộ dân xây lại nhà sau trận lũ lịch sử tháng mười.",
    "Có 37 doanh nghiệp được khen thưởng vì đóng góp cho công tác cứu trợ của tỉnh.",
    "Hội nghị cũng đề ra nhiệm vụ trọng tâm cho năm tới trong lĩnh vực phòng chống thiên tai.",
]
_AWARDS_RU = [
    "Провинция провела конференцию по итогам работы за прошлый год в административном центре.",
    "37 предприятий были награждены за вклад в работу по оказанию помощи в провинции.",
    "Конференция также определила главные задачи на следующий год в области защиты от "
    "стихийных бедствий.",
]


def test_gap_costs_weigh_the_numbers_blocks_share() -> None:
    # Blocks of like lengths: lengths alone barely tell the places apart. The 37 of
    # source block 2 and target block 1 rules out a gap at 2 or 3 (either would link the
    # 37 with the 1.250 of block 1, or leave it unlinked).
    plain_vi = [
        _AWARDS_VI[0],
        _AWARDS_VI[1].replace("1.250", "nhiều"),
        _AWARDS_VI[2].replace("Có 37", "Nhiều"),
        _AWARDS_VI[3],
    ]
    plain_ru = [_AWARDS_RU[0], _AWARDS_RU[1].replace("37 предприятий", "Многие предприятия")]
    plain = gap_costs(plain_vi, [*plain_ru, _AWARDS_RU[2]])
    assert max(plain) - min(plain) < 0.5
    costs = gap_costs(_AWARDS_VI, _AWARDS_RU)
    assert min(costs[2], costs[3]) > max(costs[0], costs[1]) + 1.0


def test_gap_costs_leave_the_cues_out() -> None:
    # The conference articles: lengths put the Arabic gap last; the name Harper read
    # across scripts places it at 1, as align_blocks does, but gap_costs says what
    # lengths and anchors alone say.
    target = _CONFERENCE["ar"]
    costs = gap_costs(_CONFERENCE_VI, target)
    assert min(range(4), key=costs.__getitem__) == 3
    assert [(p.source, p.target) for p in align_blocks(_CONFERENCE_VI, target)] == _DROPPED_AT_1


def test_gap_costs_of_a_one_block_source_are_floats() -> None:
    assert gap_costs(["Một câu."], []) == [0.0]
    assert isinstance(gap_costs(["Một câu."], [])[0], float)


def test_gap_costs_need_a_target_one_block_shorter() -> None:
    with pytest.raises(ValueError, match="one block shorter"):
        gap_costs(["Một.", "Hai."], ["Один.", "Два."])


def test_two_blocks_merged_into_one_are_a_merge_not_a_drop() -> None:
    """Each source block brings numbers of its own to the one translated block (2030;
    2024 and 5.7 billion): a merge, not one block linked and its neighbour dropped."""
    vi = [
        "Giá cà phê xuất khẩu tăng lên 4.200-4.350 USD/tấn trong tuần qua.",
        "Ông Bình cho biết ngành sẽ xây dựng tiêu chuẩn cà phê bền vững, gắn với đề án "
        "mở rộng diện tích cà phê đặc sản ở Tây Nguyên đến năm 2030.",
        "Dự kiến cả năm 2024, kim ngạch xuất khẩu cà phê đạt khoảng 5,7 tỷ USD.",
    ]
    en = [
        "Export coffee prices rose to 4,200-4,350 USD per tonne last week.",
        "Binh said the sector would build standards for sustainable coffee, tied to the "
        "plan to expand specialty coffee areas in the Central Highlands by 2030. Coffee "
        "exports for the whole of 2024 are expected to reach about 5.7 billion USD.",
    ]
    pairs = [(p.source, p.target) for p in align_blocks(vi, en, "vi", "en")]
    assert pairs == [((0,), (0,)), ((1, 2), (1,))]
