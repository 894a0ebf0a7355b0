"""SourceMap: the exact line and column of a finding's span in the raw file text."""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
import yaml

from multipub.locations import Place, SourceMap
from multipub.yaml_loader import StrictYamlLoader


@functools.cache
def _line_starts(text: str) -> list[int]:
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _slice(text: str, place: Place) -> str:
    """Return the raw characters of ``text`` from (line, column) up to (end_line,
    end_column), counting lines by "\\n" and columns from 1, as a SARIF viewer would."""
    starts = _line_starts(text)
    first = starts[place.line - 1] + place.column - 1
    after = starts[place.end_line - 1] + place.end_column - 1
    return text[first:after]


def _span(value: str, part: str) -> tuple[int, int]:
    start = value.index(part)
    return start, start + len(part)


# ---------------------------------------------------------------------------------------
# JSON

PRETTY = """{
  "id": "bai-1",
  "source_lang": "vi",
  "variants": {
    "vi": {
      "title": "Hà Nội mở rộng tuyến xe buýt điện",
      "lead": "Thành phố thêm ba tuyến mới từ tháng sau.",
      "byline": "Trần Thị Mai",
      "blocks": [
        "Sở Giao thông cho biết xe chạy từ sáu giờ sáng.",
        {"kind": "caption", "text": "Xe buýt điện ở bến Long Biên."}
      ],
      "reference": {"title": "Hà Nội mở rộng tuyến xe buýt"}
    },
    "ar": {
      "title": "هانوي توسع خطوط الحافلات الكهربائية",
      "blocks": ["قالت إدارة النقل إن الحافلات تعمل من السادسة صباحا."]
    }
  }
}
"""
PRETTY_DATA = json.loads(PRETTY)


def _text(data: Any, lang: str, field: str, block: int | None = None) -> str:
    variant = data["variants"][lang]
    if field != "blocks":
        return str(variant[field])
    item = variant["blocks"][block]
    return item if isinstance(item, str) else str(item["text"])


@pytest.mark.parametrize(
    ("lang", "field", "block", "part", "expected"),
    [
        ("vi", "title", None, "Nội", Place(6, 20, 6, 23)),
        ("vi", "lead", None, "ba tuyến", Place(7, 31, 7, 39)),
        ("vi", "byline", None, "Trần Thị Mai", Place(8, 18, 8, 30)),
        ("vi", "blocks", 0, "sáu giờ sáng", Place(10, 44, 10, 56)),
        ("vi", "blocks", 1, "Long Biên", Place(11, 57, 11, 66)),
        ("ar", "title", None, "خطوط", Place(16, 28, 16, 32)),
        ("ar", "blocks", 0, "الحافلات", Place(17, 39, 17, 47)),
    ],
)
def test_pretty_json_places_each_kind_of_text(
    lang: str, field: str, block: int | None, part: str, expected: Place
) -> None:
    value = _text(PRETTY_DATA, lang, field, block)
    place = SourceMap.from_json(PRETTY).place(lang, field, block, _span(value, part))
    assert place == expected
    assert _slice(PRETTY, place) == part


def test_span_none_is_the_whole_string() -> None:
    source = SourceMap.from_json(PRETTY)
    place = source.place("vi", "blocks", 1, None)
    assert place == Place(11, 38, 11, 67)
    assert _slice(PRETTY, place) == "Xe buýt điện ở bến Long Biên."
    arabic = source.place("ar", "title", None, None)
    assert arabic is not None
    assert _slice(PRETTY, arabic) == "هانوي توسع خطوط الحافلات الكهربائية"


def test_an_empty_span_is_a_point() -> None:
    place = SourceMap.from_json(PRETTY).place("vi", "title", None, (3, 3))
    assert place == Place(6, 20, 6, 20)


COMPACT = (
    '{"id":"c1","source_lang":"ru","variants":{"ru":{"title":"Москва открыла новый парк",'
    '"blocks":["Парк занимает десять гектаров."]}}}'
)


def test_compact_json_is_all_on_line_one() -> None:
    source = SourceMap.from_json(COMPACT)
    title = source.place("ru", "title", None, _span("Москва открыла новый парк", "новый"))
    assert title == Place(1, 73, 1, 78)
    assert _slice(COMPACT, title) == "новый"
    block = source.place("ru", "blocks", 0, _span("Парк занимает десять гектаров.", "десять"))
    assert block == Place(1, 110, 1, 116)
    assert _slice(COMPACT, block) == "десять"


def test_jsonl_line_has_its_line_number() -> None:
    other = json.dumps({"id": "khac", "source_lang": "vi", "variants": {"vi": {"title": "Khác"}}})
    line7 = (
        '{"id":"z7","source_lang":"zh","variants":{"zh":'
        '{"title":"上海新建一座图书馆","lead":"图书馆将于明年开放。"}}}'
    )
    file_text = "\n".join([other, other, "", other, other, "", line7, other]) + "\n"
    assert file_text.split("\n")[6] == line7
    source = SourceMap.from_json(line7, base_line=7)
    title = source.place("zh", "title", None, _span("上海新建一座图书馆", "图书馆"))
    assert title == Place(7, 64, 7, 67)
    assert _slice(file_text, title) == "图书馆"
    lead = source.place("zh", "lead", None, _span("图书馆将于明年开放。", "明年"))
    assert lead == Place(7, 82, 7, 84)
    assert _slice(file_text, lead) == "明年"


ESCAPED = (
    r'{"id":"e1","source_lang":"vi","variants":{"vi":{"title":'
    r'"Tin \"nóng\"\n\u00e9 \ud83d\ude00 Chiều nay mưa",'
    r'"blocks":["\u4e0a\u6d77\u4e0b\u96e8"]}}}'
)


def test_escapes_before_the_span_count_their_raw_columns() -> None:
    title = json.loads(ESCAPED)["variants"]["vi"]["title"]
    assert title == 'Tin "nóng"\né 😀 Chiều nay mưa'
    source = SourceMap.from_json(ESCAPED)
    # \" \" \n \u00e9 and the surrogate pair (one Python character, twelve columns) come
    # before "Chiều": its column is that of the raw file, not of the decoded text.
    place = source.place("vi", "title", None, _span(title, "Chiều"))
    assert place == Place(1, 92, 1, 97)
    assert _slice(ESCAPED, place) == "Chiều"


def test_a_span_over_escapes_covers_their_raw_spelling() -> None:
    source = SourceMap.from_json(ESCAPED)
    title = json.loads(ESCAPED)["variants"]["vi"]["title"]
    emoji = source.place("vi", "title", None, _span(title, "😀"))
    assert emoji == Place(1, 79, 1, 91)
    assert _slice(ESCAPED, emoji) == r"\ud83d\ude00"
    accent = source.place("vi", "title", None, _span(title, "é"))
    assert accent == Place(1, 72, 1, 78)
    assert _slice(ESCAPED, accent) == r"\u00e9"
    rain = source.place("vi", "blocks", 0, (2, 4))  # "下雨", written as two \u escapes
    assert rain == Place(1, 130, 1, 142)
    assert json.loads('"' + _slice(ESCAPED, rain) + '"') == "下雨"


def test_every_character_of_an_escaped_text_maps_to_its_spelling() -> None:
    data = {
        "variants": {
            "vi": {
                "title": 'Tin "nóng"\n\tà\\ 😀 Bắc Kinh 北京 مرحبا',
                "blocks": [{"text": "Привет, «мир» 😀😀"}],
            }
        }
    }
    for options in ({"ensure_ascii": True}, {"ensure_ascii": False, "indent": 2}):
        text = json.dumps(data, **options)
        source = SourceMap.from_json(text)
        for field, block in (("title", None), ("blocks", 0)):
            value = _text(data, "vi", field, block)
            for index, char in enumerate(value):
                place = source.place("vi", field, block, (index, index + 1))
                assert place is not None
                assert json.loads('"' + _slice(text, place) + '"') == char


def test_crlf_json_keeps_columns() -> None:
    text = PRETTY.replace("\n", "\r\n")
    place = SourceMap.from_json(text).place("vi", "title", None, (3, 6))
    assert place == Place(6, 20, 6, 23)
    assert _slice(text, place) == "Nội"


@pytest.mark.parametrize(
    ("lang", "field", "block", "span"),
    [
        ("fr", "title", None, (0, 1)),  # no such language
        ("vi", "summary", None, (0, 1)),  # no such field
        ("ar", "lead", None, (0, 1)),  # a field this variant lacks
        ("vi", "blocks", 9, (0, 1)),  # past the last block
        ("vi", "blocks", -1, (0, 1)),  # never Python's "from the end"
        ("vi", "blocks", None, (0, 1)),  # a block needs its index
        ("vi", "title", None, (0, 999)),  # past the end of the text
        ("vi", "title", None, (5, 2)),  # backwards
    ],
)
def test_what_is_not_there_is_none(
    lang: str, field: str, block: int | None, span: tuple[int, int]
) -> None:
    assert SourceMap.from_json(PRETTY).place(lang, field, block, span) is None
    assert SourceMap.from_yaml(YAML_DOC).place(lang, field, block, span) is None


def test_an_object_block_without_text_is_none() -> None:
    text = '{"variants":{"vi":{"title":null,"blocks":[{"kind":"media","src":"a.jpg"}]}}}'
    source = SourceMap.from_json(text)
    assert source.place("vi", "blocks", 0, None) is None
    assert source.place("vi", "title", None, None) is None


def test_broken_or_too_deep_documents_give_none() -> None:
    deep = (
        '{"id":"sau","variants":{"vi":{"title":"Sâu","reference":'
        + "[" * 100_000
        + "]" * 100_000
        + "}}}"
    )
    assert SourceMap.from_json(deep).place("vi", "title", None, None) is None
    assert (
        SourceMap.from_json('{"variants": {"vi": {"title": "Thiếu').place("vi", "title", None, None)
        is None
    )
    assert SourceMap.from_json("").place("vi", "title", None, None) is None
    deep_yaml = "variants:\n  vi:\n    title: Sâu\n    reference: " + "[" * 50_000 + "]" * 50_000
    assert SourceMap.from_yaml(deep_yaml).place("vi", "title", None, None) is None
    assert SourceMap.from_yaml("variants: [").place("vi", "title", None, None) is None


def test_five_thousand_blocks_are_all_mapped() -> None:
    blocks: list[object] = [
        f"Đoạn thứ {i} của bài." if i % 2 else {"kind": "quote", "text": f"Trích dẫn số {i}."}
        for i in range(5_000)
    ]
    data = {"id": "dai", "source_lang": "vi", "variants": {"vi": {"blocks": blocks}}}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    source = SourceMap.from_json(text)
    for index in range(5_000):
        value = _text(data, "vi", "blocks", index)
        place = source.place("vi", "blocks", index, _span(value, str(index)))
        assert place is not None
        assert _slice(text, place) == str(index)


# ---------------------------------------------------------------------------------------
# YAML

YAML_DOC = r"""id: bai-2
source_lang: vi
variants:
  vi:
    title: Đà Nẵng đón khách quốc tế trở lại
    lead: 'Các hãng bay mở lại đường bay ''thẳng'' tới Seoul.'
    byline: "Lê Minh\tHoàng \"Phóng viên\" \u00e9 tại chỗ"
    blocks:
      - |
        Dòng đầu của đoạn văn.
        Dòng thứ hai ngắn.
          Dòng thứ ba thụt vào.
        Dòng cuối.
      - >
        Khách du lịch xếp hàng
        ở sân bay từ sáng sớm.
      - kind: caption
        text: Ảnh chụp ở cảng
          hàng không Đà Nẵng.
      - {kind: quote, text: 北京的朋友也来了}
  ru:
    title: Москва открыла новый парк
"""
YAML_DATA = yaml.safe_load(YAML_DOC)


@pytest.mark.parametrize(
    ("lang", "field", "block", "part", "expected"),
    [
        ("vi", "title", None, "khách", Place(5, 24, 5, 29)),  # plain
        ("ru", "title", None, "парк", Place(22, 33, 22, 37)),
        ("vi", "lead", None, "tới Seoul", Place(6, 52, 6, 61)),  # after two ''
        ("vi", "byline", None, "tại chỗ", Place(7, 51, 7, 58)),  # after \t \" \" \u00e9
        ("vi", "blocks", 0, "thụt vào", Place(12, 23, 12, 31)),  # literal, its 3rd line
        ("vi", "blocks", 1, "sân bay", Place(16, 11, 16, 18)),  # folded, its 2nd line
        ("vi", "blocks", 2, "Đà Nẵng", Place(19, 22, 19, 29)),  # plain, its 2nd line
        ("vi", "blocks", 3, "朋友", Place(20, 32, 20, 34)),  # in a flow mapping
    ],
)
def test_yaml_places_each_style(
    lang: str, field: str, block: int | None, part: str, expected: Place
) -> None:
    value = _text(YAML_DATA, lang, field, block)
    place = SourceMap.from_yaml(YAML_DOC).place(lang, field, block, _span(value, part))
    assert place == expected
    assert _slice(YAML_DOC, place) == part


def test_quoted_yaml_spans_over_escapes_cover_their_spelling() -> None:
    source = SourceMap.from_yaml(YAML_DOC)
    lead = _text(YAML_DATA, "vi", "lead", None)
    quoted = source.place("vi", "lead", None, _span(lead, "'thẳng'"))
    assert quoted == Place(6, 42, 6, 51)
    assert _slice(YAML_DOC, quoted) == "''thẳng''"
    byline = _text(YAML_DATA, "vi", "byline", None)
    assert byline == 'Lê Minh\tHoàng "Phóng viên" é tại chỗ'
    accent = source.place("vi", "byline", None, _span(byline, "é"))
    assert accent is not None
    assert _slice(YAML_DOC, accent) == r"\u00e9"


def test_literal_lines_follow_the_indicator_line_as_pyyaml_marks_it() -> None:
    loader = StrictYamlLoader(YAML_DOC)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    variants = next(v for k, v in root.value if k.value == "variants")
    vi = next(v for k, v in variants.value if k.value == "vi")
    blocks = next(v for k, v in vi.value if k.value == "blocks")
    node = blocks.value[0]
    assert node.style == "|"
    value = node.value
    third = value.split("\n")[2]
    offset = third.index("thụt")
    place = SourceMap.from_yaml(YAML_DOC).place("vi", "blocks", 0, _span(value, "thụt"))
    assert place is not None
    # Decoded line k sits on file line start_mark.line + 2 + k (1-based), after the
    # block's indentation of eight.
    assert place.line == node.start_mark.line + 2 + 2
    assert place.column == 8 + offset + 1


def test_whole_literal_block_ends_after_its_last_newline() -> None:
    place = SourceMap.from_yaml(YAML_DOC).place("vi", "blocks", 0, None)
    assert place == Place(10, 9, 14, 1)


@pytest.mark.parametrize(("field", "block"), [("title", None), ("blocks", 0), ("blocks", 3)])
def test_every_yaml_character_maps_onto_itself(field: str, block: int | None) -> None:
    source = SourceMap.from_yaml(YAML_DOC)
    value = _text(YAML_DATA, "vi", field, block)
    for index, char in enumerate(value):
        place = source.place("vi", field, block, (index, index + 1))
        assert place is not None
        assert _slice(YAML_DOC, place) == char


def test_crlf_yaml_keeps_lines_and_columns() -> None:
    text = YAML_DOC.replace("\n", "\r\n")
    source = SourceMap.from_yaml(text)
    value = _text(YAML_DATA, "vi", "blocks", 0)
    place = source.place("vi", "blocks", 0, _span(value, "thụt vào"))
    assert place == Place(12, 23, 12, 31)
    assert _slice(text, place) == "thụt vào"
    folded = _text(YAML_DATA, "vi", "blocks", 1)
    assert source.place("vi", "blocks", 1, _span(folded, "sân bay")) == Place(16, 11, 16, 18)


def test_yaml_tags_anchors_and_aliases() -> None:
    text = (
        "variants:\n  zh:\n    title: !!str &tieude '上海今天下雨'\n"
        "    lead: *tieude\n    byline: !!str 王小明\n"
    )
    source = SourceMap.from_yaml(text)
    title = source.place("zh", "title", None, (2, 4))
    assert title == Place(3, 29, 3, 31)
    assert _slice(text, title) == "今天"
    # An alias has no text of its own: the place is that of the anchored text.
    assert source.place("zh", "lead", None, (2, 4)) == title
    byline = source.place("zh", "byline", None, None)
    assert byline is not None
    assert _slice(text, byline) == "王小明"


def test_yaml_values_that_are_not_strings_are_none() -> None:
    text = "variants:\n  vi:\n    title: 2024\n    lead:\n    blocks: [{kind: media}]\n"
    source = SourceMap.from_yaml(text)
    assert source.place("vi", "title", None, None) is None
    assert source.place("vi", "lead", None, None) is None
    assert source.place("vi", "blocks", 0, None) is None
