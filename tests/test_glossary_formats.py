"""Glossary files in YAML, CSV and TBX: lossless round trips, the TBX structure, files
from other tools, errors with their lines, determinism, and files written whole."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from multipub import glossary_formats as gf
from multipub.glossary import (
    Entry,
    EntryKind,
    Gender,
    Glossary,
    GlossaryError,
    GlossaryProblem,
    Role,
    TermForms,
    glossary_from_data,
    load_glossary,
)

SHIPPED = Path(__file__).resolve().parents[1] / "glossaries" / "vn-party-state.yaml"
NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

DESK_YAML = """\
name: test-desk
source_lang: vi
entries:
  - id: org/ministry-of-finance
    kind: organization
    terms:
      vi: Bộ Tài chính
      en: Ministry of Finance
      ar: وزارة المالية
      ru: {preferred: Министерство финансов, accepted: [Минфин]}
      zh: 财政部
  - id: org/thai-binh-provincial-peoples-committee
    kind: organization
    terms:
      vi: UBND tỉnh Thái Bình
      en: Thai Binh Provincial People's Committee
      ru: Народный комитет провинции Тхайбинь
      zh: 太平省人民委员会
  - id: title/minister
    kind: title
    terms:
      vi: Bộ trưởng
      en: Minister
      fr: ministre
      ar: {preferred: وزير, feminine: وزيرة}
      ru: министр
      zh: 部长
  - id: title/vice-chairman-of-provincial-peoples-committee
    kind: title
    terms:
      vi: {preferred: Phó Chủ tịch UBND tỉnh, accepted: [Phó Chủ tịch Ủy ban nhân dân tỉnh]}
      en: {preferred: Vice Chairman of the Provincial People's Committee, feminine: Vice Chairwoman of the Provincial People's Committee}
      fr: {preferred: vice-président du Comité populaire provincial, feminine: vice-présidente du Comité populaire provincial}
      ar: {preferred: نائب رئيس اللجنة الشعبية للمقاطعة, feminine: نائبة رئيس اللجنة الشعبية للمقاطعة, plural: [نواب رئيس اللجنة الشعبية للمقاطعة, نائبا رئيس اللجنة الشعبية للمقاطعة], forbidden: [نائب رئيس المجلس الشعبي]}
      ru: заместитель председателя Народного комитета провинции
  - id: person/nguyen-thi-lan
    kind: person
    gender: female
    terms:
      vi: Nguyễn Thị Lan
      fr: {preferred: Nguyên Thi Lan, accepted: [Nguyen Thi Lan]}
      ar: {preferred: نغوين ثي لان, accepted: [نجوين ثي لان]}
      ru: Нгуен Тхи Лан
      zh: 阮氏兰
    roles:
      - {title: title/vice-chairman-of-provincial-peoples-committee, org: org/thai-binh-provincial-peoples-committee, from: 2021-06-01, to: 2023-12-31}
      - {title: title/minister, org: org/ministry-of-finance, from: 2024-01-15}
  - id: person/tran-van-hung
    kind: person
    gender: male
    terms:
      vi: Trần Văn Hùng
      ar: تران فان هونغ
      ru: Чан Ван Хунг
      zh: 陈文雄
    roles:
      - {title: title/minister, to: 2019-12-31}
      - {title: title/minister, org: org/ministry-of-finance}
    note: |-
      Tên khai sinh: Trần Văn Hùng.
      Не путать с однофамильцем.
  - id: term/video-conference-point
    kind: term
    terms:
      vi: {preferred: điểm cầu}
      en: {preferred: connection point, forbidden: [bridge]}
      ar: {preferred: نقطة الاتصال, forbidden: [جسر]}
      ru: {preferred: пункт видеосвязи, accepted: [пункт связи], forbidden: [мост]}
      zh: {preferred: 视频连线点, forbidden: [桥, 桥头]}
    note: "multipub: not a machine note"
  - id: place/thai-binh
    kind: place
    terms:
      vi: Thái Bình
      fr: Thai Binh
      ru: Тхайбинь
      ar: ثاي بينه
      zh-Hans: 太平省
"""


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path = tmp_path_factory.mktemp("desk") / "test-desk.yaml"
    path.write_text(DESK_YAML, encoding="utf-8")
    return load_glossary(path)


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(SHIPPED)


def odd_glossary() -> Glossary:
    """Texts that test the edges of each format: line breaks, spaces, a "multipub:" note."""
    return Glossary(
        name="odd",
        source_lang="vi",
        entries=(
            Entry(
                id="term/odd",
                kind=EntryKind.TERM,
                terms={
                    "vi": TermForms(preferred=" cầu ", accepted=("a|b", "c |d")),
                    "ar": TermForms(preferred="جسر\tجسر", forbidden=('x, "y"',)),
                },
                note="line one\r\nline two\rthree\n  indented",
            ),
            Entry(
                id="term/odd-2",
                kind=EntryKind.TERM,
                terms={"vi": TermForms(preferred="hai")},
                note="multipub:role title=title/x",
            ),
        ),
    )


GLOSSARIES: dict[str, Callable[[pytest.FixtureRequest], Glossary]] = {
    "desk": lambda request: request.getfixturevalue("desk"),
    "vn-party-state": lambda request: request.getfixturevalue("shipped"),
    "odd": lambda request: odd_glossary(),
}


def problem_of(err: pytest.ExceptionInfo[GlossaryError]) -> GlossaryProblem:
    assert len(err.value.problems) == 1, err.value.problems
    return err.value.problems[0]


# ---------------------------------------------------------------------------------------
# Plain data and YAML


@pytest.mark.parametrize("which", sorted(GLOSSARIES))
def test_to_data_gives_back_the_glossary(request: pytest.FixtureRequest, which: str) -> None:
    glossary = GLOSSARIES[which](request)
    assert glossary_from_data(gf.to_data(glossary), "x.yaml") == glossary


def test_to_data_is_written_as_people_write_it(desk: Glossary) -> None:
    data = gf.to_data(desk)
    assert list(data) == ["name", "source_lang", "entries"]
    lan = next(e for e in data["entries"] if e["id"] == "person/nguyen-thi-lan")
    assert list(lan) == ["id", "kind", "gender", "terms", "roles"]
    assert lan["terms"]["vi"] == "Nguyễn Thị Lan"
    assert lan["terms"]["fr"] == {"preferred": "Nguyên Thi Lan", "accepted": ["Nguyen Thi Lan"]}
    assert lan["roles"][1] == {
        "title": "title/minister",
        "org": "org/ministry-of-finance",
        "from": date(2024, 1, 15),
    }
    hung = next(e for e in data["entries"] if e["id"] == "person/tran-van-hung")
    assert hung["roles"] == [
        {"title": "title/minister", "to": date(2019, 12, 31)},
        {"title": "title/minister", "org": "org/ministry-of-finance"},
    ]
    place = next(e for e in data["entries"] if e["kind"] == "place")
    assert "gender" not in place and "roles" not in place and "note" not in place


def test_yaml_is_block_style_and_reads_back(desk: Glossary, tmp_path: Path) -> None:
    text = gf.to_yaml(desk)
    assert text.startswith("name: test-desk\nsource_lang: vi\nentries:\n  - id: org/")
    assert "{" not in text and "\\u" not in text  # block style, characters as they are
    assert "      vi: Nguyễn Thị Lan\n" in text
    assert "        from: 2024-01-15\n" in text
    assert "\n\n  - id: title/minister\n" in text
    path = tmp_path / "again.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_glossary(path) == desk


# ---------------------------------------------------------------------------------------
# Round trips through files

CHAINS = [
    ("yaml", "tbx", "yaml"),
    ("yaml", "csv", "yaml"),
    ("tbx", "csv", "tbx"),
    ("csv", "tbx", "csv"),
    ("yaml", "tbx", "csv", "yml"),
]


@pytest.mark.parametrize("chain", CHAINS, ids="->".join)
@pytest.mark.parametrize("which", sorted(GLOSSARIES))
def test_round_trip_is_lossless(
    request: pytest.FixtureRequest, which: str, chain: tuple[str, ...], tmp_path: Path
) -> None:
    glossary = GLOSSARIES[which](request)
    first = tmp_path / f"step0.{chain[0]}"
    gf.write(glossary, first)
    assert gf.read(first) == glossary
    previous = first
    for i, suffix in enumerate(chain[1:], start=1):
        target = tmp_path / f"step{i}.{suffix}"
        assert gf.convert(previous, target) == glossary
        previous = target
    assert gf.read(previous) == glossary
    # the last file is the first one again, byte for byte
    assert previous.read_bytes() == first.read_bytes() or chain[0] != chain[-1]


@pytest.mark.parametrize("suffix", ["csv", "tbx"])
def test_load_glossary_reads_csv_and_tbx(desk: Glossary, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"copy.{suffix}"
    gf.write(desk, path)
    assert load_glossary(path) == desk


# ---------------------------------------------------------------------------------------
# TBX structure


def test_tbx_structure(desk: Glossary) -> None:
    text = gf.to_tbx(desk)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic"')
    root = ET.fromstring(text)
    assert root.tag == f"{NS}tbx"
    assert root.get("type") == "TBX-Basic"
    assert root.get("style") == "dca"
    assert root.get(XML_LANG) == "vi"
    assert root.findtext(f"{NS}tbxHeader/{NS}fileDesc/{NS}sourceDesc/{NS}p") == "test-desk"
    concepts = root.findall(f"{NS}text/{NS}body/{NS}conceptEntry")
    assert len(concepts) == len(desk.entries) == 8
    assert [c.get("id") for c in concepts][:2] == [
        "org.ministry-of-finance",
        "org.thai-binh-provincial-peoples-committee",
    ]

    def concept(entry_id: str) -> ET.Element:
        return next(c for c in concepts if c.get("id") == entry_id)

    def statuses(entry_id: str, lang: str) -> list[tuple[str, str, str | None]]:
        lang_sec = next(
            s for s in concept(entry_id).iter(f"{NS}langSec") if s.get(XML_LANG) == lang
        )
        out = []
        for term_sec in lang_sec.findall(f"{NS}termSec"):
            notes = {n.get("type"): n.text for n in term_sec.findall(f"{NS}termNote")}
            out.append(
                (
                    term_sec.findtext(f"{NS}term") or "",
                    notes["administrativeStatus"] or "",
                    notes.get("grammaticalGender") or notes.get("grammaticalNumber"),
                )
            )
        return out

    title = "title.vice-chairman-of-provincial-peoples-committee"
    assert statuses(title, "ar") == [
        ("نائب رئيس اللجنة الشعبية للمقاطعة", "preferredTerm-admn-sts", None),
        ("نائبة رئيس اللجنة الشعبية للمقاطعة", "admittedTerm-admn-sts", "feminine"),
        ("نواب رئيس اللجنة الشعبية للمقاطعة", "admittedTerm-admn-sts", "plural"),
        ("نائبا رئيس اللجنة الشعبية للمقاطعة", "admittedTerm-admn-sts", "plural"),
        ("نائب رئيس المجلس الشعبي", "deprecatedTerm-admn-sts", None),
    ]
    assert statuses(title, "fr")[1] == (
        "vice-présidente du Comité populaire provincial",
        "admittedTerm-admn-sts",
        "feminine",
    )
    assert statuses("term.video-conference-point", "zh") == [
        ("视频连线点", "preferredTerm-admn-sts", None),
        ("桥", "deprecatedTerm-admn-sts", None),
        ("桥头", "deprecatedTerm-admn-sts", None),
    ]
    assert statuses("term.video-conference-point", "ru")[1:] == [
        ("пункт связи", "admittedTerm-admn-sts", None),
        ("мост", "deprecatedTerm-admn-sts", None),
    ]
    lan = concept("person.nguyen-thi-lan")
    assert lan.findtext(f"{NS}descrip[@type='subjectField']") == "person"
    assert [n.text for n in lan.findall(f"{NS}note")] == [
        "multipub:gender=female",
        "multipub:role title=title/vice-chairman-of-provincial-peoples-committee "
        "org=org/thai-binh-provincial-peoples-committee from=2021-06-01 to=2023-12-31",
        "multipub:role title=title/minister org=org/ministry-of-finance from=2024-01-15",
    ]
    term = concept("term.video-conference-point")
    assert [n.text for n in term.findall(f"{NS}note")] == [
        "multipub:note=multipub: not a machine note"
    ]


def test_tbx_ids_are_xml_ids(shipped: Glossary) -> None:
    root = ET.fromstring(gf.to_tbx(shipped))
    ids = [c.get("id") or "" for c in root.iter(f"{NS}conceptEntry")]
    assert len(ids) == len(set(ids)) == len(shipped.entries)
    assert all("/" not in i and i[0].isalpha() for i in ids)


# ---------------------------------------------------------------------------------------
# TBX from other tools

CAT_TBX_V3 = """\
<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <titleStmt><title>Desk termbase</title></titleStmt>
      <sourceDesc><p>Exported from a CAT tool</p></sourceDesc>
    </fileDesc>
    <encodingDesc><p type="XCSURI">TBXXCSV02.xcs</p></encodingDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <descrip type="subjectField">Politics</descrip>
        <transacGrp><transac type="transactionType">origination</transac><date>2024-01-01</date></transacGrp>
        <note>Seen in the Thai Binh conference report.</note>
        <langSec xml:lang="vi">
          <descrip type="definition">nơi đặt thiết bị hội nghị trực tuyến</descrip>
          <termSec><term>điểm cầu</term><termNote type="partOfSpeech">noun</termNote></termSec>
        </langSec>
        <langSec xml:lang="ar">
          <termSec><term>نقطة الاتصال</term></termSec>
          <termSec><term>نقطة الربط</term><note>rare</note></termSec>
          <termSec><term>جسر</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec>
        <langSec xml:lang="ru">
          <termSec><term>мост</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
          <termSec><term>пункт видеосвязи</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        </langSec>
        <langSec xml:lang="zh-Hans">
          <termSec><term>视频连线点</term></termSec>
        </langSec>
        <langSec xml:lang="fr"><descrip type="definition">pas encore traduit</descrip></langSec>
      </conceptEntry>
      <conceptEntry id="C 2">
        <langSec xml:lang="fr">
          <termSec><term>vice-président</term></termSec>
          <termSec><term>vice-présidente</term><termNote type="grammaticalGender">feminine</termNote></termSec>
        </langSec>
        <langSec xml:lang="ar">
          <termSec><term>نائب الرئيس</term></termSec>
          <termSec><term>نواب الرئيس</term><termNote type="grammaticalNumber">plural</termNote></termSec>
          <termSec><term>نائبا الرئيس</term><termNote type="grammaticalNumber">dual</termNote></termSec>
          <termSec><term>نائب رئيس</term><termNote type="grammaticalNumber">singular</termNote></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c-2">
        <descrip type="subjectField">place</descrip>
        <langSec xml:lang="en"><termSec><term>Thai Binh</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""

CAT_TBX_V2 = """\
<?xml version="1.0" encoding="UTF-16"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="vi">
  <martifHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="_1">
      <descripGrp><descrip type="subjectField">Place</descrip></descripGrp>
      <langSet xml:lang="vi"><tig><term>Thái Bình</term></tig></langSet>
      <langSet xml:lang="zh">
        <ntig><termGrp><term>太平</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
        <ntig><termGrp><term>太平省</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
      </langSet>
      <langSet xml:lang="ru">
        <tig><term>Тхайбинь</term><termNote type="normativeAuthorization">admittedTerm</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_plain_tbx_v3_from_a_cat_tool_reads() -> None:
    glossary = gf.from_tbx(CAT_TBX_V3, "exports/termbase.tbx")
    assert glossary.name == "Desk termbase"
    assert glossary.source_lang == "en"
    assert [(e.id, e.kind) for e in glossary.entries] == [
        ("term/c1", EntryKind.TERM),
        ("term/c-2", EntryKind.TERM),
        ("place/c-2", EntryKind.PLACE),
    ]
    first = glossary.entries[0]
    assert list(first.terms) == ["vi", "ar", "ru", "zh-Hans"]  # fr has no term: skipped
    assert first.terms["vi"] == TermForms(preferred="điểm cầu")
    assert first.terms["ar"] == TermForms(
        preferred="نقطة الاتصال", accepted=("نقطة الربط",), forbidden=("جسر",)
    )
    assert first.terms["ru"] == TermForms(preferred="пункт видеосвязи", forbidden=("мост",))
    assert first.note == "Seen in the Thai Binh conference report."
    assert first.gender is None and first.roles == ()
    assert glossary.entries[1].terms["fr"] == TermForms(
        preferred="vice-président", feminine="vice-présidente"
    )
    # Plural and dual forms are the entry's plural; a singular one stays accepted.
    assert glossary.entries[1].terms["ar"] == TermForms(
        preferred="نائب الرئيس", plural=("نواب الرئيس", "نائبا الرئيس"), accepted=("نائب رئيس",)
    )


def test_plain_tbx_v2_martif_in_utf16_reads() -> None:
    glossary = gf.from_tbx(CAT_TBX_V2.encode("utf-16"), "multiterm.tbx")
    assert glossary.name == "MultiTerm export"
    assert glossary.source_lang == "vi"
    (entry,) = glossary.entries
    assert (entry.id, entry.kind) == ("place/1", EntryKind.PLACE)
    assert entry.terms["zh"] == TermForms(preferred="太平省", accepted=("太平",))
    assert entry.terms["ru"] == TermForms(preferred="Тхайбинь")  # lone admitted: promoted


def test_tbx_without_header_is_named_after_its_file() -> None:
    text = (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
        '<conceptEntry id="term.x"><langSec xml:lang="vi"><termSec><term>x</term></termSec>'
        "</langSec></conceptEntry></body></text></tbx>"
    )
    glossary = gf.from_tbx(text, Path("dir/my-terms.tbx"))
    assert (glossary.name, glossary.source_lang) == ("my-terms", "vi")
    assert glossary.entries[0].id == "term/x"


# ---------------------------------------------------------------------------------------
# TBX errors

TBX_HEAD = (
    '<?xml version="1.0"?>\n<tbx xml:lang="vi" xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n'
)
TBX_TAIL = "</body></text>\n</tbx>\n"


@pytest.mark.parametrize(
    ("body", "line", "entry", "field", "message"),
    [
        pytest.param(
            '<conceptEntry id="term.a">\n<langSec xml:lang="vi"><termSec><term>a</term></langSec>\n',
            5,
            None,
            None,
            "invalid XML: mismatched tag",
            id="malformed",
        ),
        pytest.param(
            '<conceptEntry id="person.a">\n<descrip type="subjectField">person</descrip>\n'
            "<note>multipub:role title=title/x from=2024-02-30</note>\n"
            '<langSec xml:lang="vi"><termSec><term>A</term></termSec></langSec>\n</conceptEntry>\n',
            6,
            "person/a",
            "roles[0]",
            "'2024-02-30' is not a date",
            id="role-date",
        ),
        pytest.param(
            '<conceptEntry id="term.a">\n<note>multipub:colour=red</note>\n'
            '<langSec xml:lang="vi"><termSec><term>A</term></termSec></langSec>\n</conceptEntry>\n',
            5,
            "term/a",
            "note",
            "unknown note",
            id="unknown-multipub-note",
        ),
        pytest.param(
            '<conceptEntry id="term.a">\n<langSec xml:lang="vi">\n<termSec><term>A</term></termSec>\n'
            '<termSec><term>B</term><termNote type="administrativeStatus">maybe</termNote></termSec>\n'
            "</langSec>\n</conceptEntry>\n",
            7,
            "term/a",
            "terms",
            "unknown administrativeStatus 'maybe'",
            id="unknown-status",
        ),
        pytest.param(
            '<conceptEntry id="term.a">\n<langSec xml:lang="ar">\n<termSec><term> </term></termSec>\n'
            "</langSec>\n</conceptEntry>\n",
            6,
            "term/a",
            "terms.ar.preferred",
            "must not be empty",
            id="blank-term",
        ),
        pytest.param(
            '<conceptEntry id="term.a">\n<descrip type="subjectField">term</descrip>\n'
            "<note>multipub:gender=female</note>\n"
            '<langSec xml:lang="vi"><termSec><term>A</term></termSec></langSec>\n</conceptEntry>\n',
            4,
            "term/a",
            None,
            "'gender' is for persons only",
            id="gender-on-a-term",
        ),
        pytest.param(
            '<conceptEntry id="term.a"><langSec xml:lang="vi"><termSec><term>A</term></termSec></langSec></conceptEntry>\n'
            '<conceptEntry id="term/a"><langSec xml:lang="vi"><termSec><term>B</term></termSec></langSec></conceptEntry>\n',
            5,
            "term/a",
            "id",
            "id defined twice (first on line 4)",
            id="duplicate-id",
        ),
    ],
)
def test_tbx_errors_name_line_entry_and_field(
    body: str, line: int, entry: str | None, field: str | None, message: str
) -> None:
    with pytest.raises(GlossaryError) as err:
        gf.from_tbx(TBX_HEAD + body + TBX_TAIL, "bad.tbx")
    problem = problem_of(err)
    assert (problem.path, problem.line, problem.entry, problem.field) == (
        "bad.tbx",
        line,
        entry,
        field,
    )
    assert message in problem.message


def test_tbx_entity_declarations_are_refused() -> None:
    text = '<?xml version="1.0"?>\n<!DOCTYPE tbx [\n<!ENTITY a "aaaaaaaaaa">\n]>\n<tbx>&a;</tbx>'
    with pytest.raises(GlossaryError) as err:
        gf.from_tbx(text, "bomb.tbx")
    problem = problem_of(err)
    assert (problem.line, problem.message) == (3, "entity declarations are not allowed")


def test_tbx_root_must_be_tbx() -> None:
    with pytest.raises(GlossaryError, match=r"other\.tbx:1: not a TBX file: the root element"):
        gf.from_tbx("<xliff><file/></xliff>", "other.tbx")


# ---------------------------------------------------------------------------------------
# CSV

# The header files had before the plural column: such files read as they always did.
CSV_HEADER = "id,kind,gender,lang,preferred,accepted,forbidden,feminine,roles,note\n"
WRITTEN_HEADER = "id,kind,gender,lang,preferred,accepted,forbidden,feminine,plural,roles,note"


def test_csv_layout(desk: Glossary) -> None:
    lines = gf.to_csv(desk).split("\n")
    assert lines[:3] == ["# name: test-desk", "# source_lang: vi", WRITTEN_HEADER]
    assert "\r" not in gf.to_csv(desk)
    assert (
        "person/nguyen-thi-lan,person,female,ar,نغوين ثي لان,نجوين ثي لان,,,,"
        "title/vice-chairman-of-provincial-peoples-committee"
        "@org/thai-binh-provincial-peoples-committee:2021-06-01..2023-12-31; "
        "title/minister@org/ministry-of-finance:2024-01-15..,"
    ) in lines
    assert (
        "term/video-conference-point,term,,zh,视频连线点,,桥 | 桥头,,,,multipub: not a machine note"
    ) in lines
    assert (
        "person/tran-van-hung,person,male,vi,Trần Văn Hùng,,,,,title/minister:..2019-12-31; title/minister@org/ministry-of-finance,"
        in "\n".join(lines)
    )
    rows = list(csv.reader(io.StringIO("\n".join(lines[2:]), newline="")))
    assert len(rows) == 1 + sum(len(e.terms) for e in desk.entries)
    assert {len(row) for row in rows} == {11}


def test_csv_written_by_hand_reads() -> None:
    text = (
        "\ufeffLang,ID,Kind,Preferred,Accepted,Roles,Gender\r\n"
        "vi,person/le-thi-hoa,person,Lê Thị Hoa,,title/minister@:2021-04-08..,female\r\n"
        "vi,title/minister,title,Bộ trưởng,,,\r\n"
        "ar,person/le-thi-hoa,person,لي ثي هوا,لي تي هوا | لى ثى هوا,title/minister@:2021-04-08..,female\r\n"
        ",,,,,,\r\n"
        "ar,title/minister,title,وزير,,,\r\n"
    )
    glossary = gf.from_csv(text, Path("sheets/hoa.csv"))
    assert (glossary.name, glossary.source_lang) == ("hoa", "vi")
    hoa, minister = glossary.entries
    assert hoa.gender is Gender.FEMALE
    assert list(hoa.roles) == [Role(title="title/minister", org=None, from_=date(2021, 4, 8))]
    assert hoa.terms["ar"] == TermForms(preferred="لي ثي هوا", accepted=("لي تي هوا", "لى ثى هوا"))
    assert list(minister.terms) == ["vi", "ar"]


def test_csv_trailing_commas_are_ignored() -> None:
    text = "id,kind,lang,preferred,,\nterm/a,term,vi,a,,\nterm/a,term,ru,а\n,,,,,\n"
    glossary = gf.from_csv(text, "t.csv")
    assert glossary.entries[0].terms == {
        "vi": TermForms(preferred="a"),
        "ru": TermForms(preferred="а"),
    }


def test_csv_directives_name_the_glossary() -> None:
    text = "# exported by the desk\n# name: Bảng thuật ngữ\n\n# source_lang: vi-VN\n" + CSV_HEADER
    text += "term/a,term,,vi-VN,a,,,,,\n"
    glossary = gf.from_csv(text, "whatever.csv")
    assert (glossary.name, glossary.source_lang) == ("Bảng thuật ngữ", "vi-VN")


@pytest.mark.parametrize(
    ("text", "line", "entry", "field", "message"),
    [
        pytest.param(
            "# name: x\n"
            + CSV_HEADER
            + "title/minister,title,,vi,Bộ trưởng,,,,,\n"
            + "title/minister,title,,ar,وزير,,,وزيرة,,\n"
            + "title/minister,organization,,ru,министр,,,,,\n",
            5,
            "title/minister",
            "kind",
            "'organization' differs from 'title' on line 3",
            id="kinds-disagree",
        ),
        pytest.param(
            CSV_HEADER + "person/a,person,male,vi,A,,,,,\n" + "person/a,person,female,ar,أ,,,,,\n",
            3,
            "person/a",
            "gender",
            "'female' differs from 'male' on line 2",
            id="genders-disagree",
        ),
        pytest.param(
            CSV_HEADER + "term/a,term,,vi,a,,,,,one\nterm/a,term,,ru,а,,,,,\n",
            3,
            "term/a",
            "note",
            "'' differs from 'one'",
            id="notes-disagree",
        ),
        pytest.param(
            CSV_HEADER + "term/a,term,,vi,a,,,,,\nterm/b,titel,,vi,b,,,,,\n",
            3,
            "term/b",
            "kind",
            "unknown kind 'titel'",
            id="unknown-kind",
        ),
        pytest.param(
            "id,kind,lang,accepted\nterm/a,term,vi,a\n",
            1,
            None,
            "preferred",
            "missing column 'preferred'",
            id="missing-column",
        ),
        pytest.param(
            "# source_lang: vi\nid,kind,lang,preferred,acepted\n",
            2,
            None,
            "acepted",
            "unknown column 'acepted'",
            id="unknown-column",
        ),
        pytest.param(
            CSV_HEADER + "term/a,term,,vi,a,,,,,\nterm/a,term,,vi,b,,,,,\n",
            3,
            "term/a",
            "lang",
            "language 'vi' given twice (first on line 2)",
            id="language-twice",
        ),
        pytest.param(
            CSV_HEADER + "term/a,term,,vi,a,,,,,\nterm/a,term,,ar,,,,,,\n",
            3,
            "term/a",
            "terms.ar.preferred",
            "must not be empty",
            id="empty-preferred",
        ),
        pytest.param(
            CSV_HEADER
            + "title/m,title,,vi,m,,,,,\n"
            + 'person/a,person,male,vi,A,,,,"title/m@:2021-13-01..",\n',
            3,
            "person/a",
            "roles",
            "'2021-13-01' is not a date",
            id="bad-role-date",
        ),
        pytest.param(
            CSV_HEADER + "person/a,person,,vi,A,,,,title/m@org/x@y,\n",
            2,
            "person/a",
            "roles",
            "is not TITLE@ORG:FROM..TO",
            id="bad-role",
        ),
        pytest.param(
            CSV_HEADER + "person/a,person,,vi,A,,,,title/nobody,\n",
            2,
            "person/a",
            "roles[0].title",
            "no entry 'title/nobody'",
            id="role-names-no-entry",
        ),
        pytest.param(
            CSV_HEADER + 'term/a,term,,vi,a,,,,,"two\nlines"\nterm/b,term,,zz-!,b,,,,,\n',
            4,
            "term/b",
            "terms.zz-!",
            "not a BCP 47 language tag",
            id="bad-lang-after-a-quoted-line-break",
        ),
        pytest.param(
            CSV_HEADER + "term/a,term,,vi,a,,,,,,extra\n",
            2,
            None,
            None,
            "11 fields, but the header names 10 columns",
            id="extra-field",
        ),
        pytest.param(
            "id,kind,lang,preferred,,\nterm/a,term,vi,a,,x\n",
            2,
            None,
            None,
            "a value in a column without a name",
            id="value-under-a-nameless-column",
        ),
        pytest.param("# name: empty\n", 2, None, None, "no header row", id="no-header"),
    ],
)
def test_csv_errors_name_line_entry_and_field(
    text: str, line: int, entry: str | None, field: str | None, message: str
) -> None:
    with pytest.raises(GlossaryError) as err:
        gf.from_csv(text, "desk.csv")
    problem = problem_of(err)
    assert (problem.path, problem.line, problem.entry, problem.field) == (
        "desk.csv",
        line,
        entry,
        field,
    )
    assert message in problem.message


def entry_with(forms: TermForms, *roles: Role) -> Glossary:
    kind = EntryKind.PERSON if roles else EntryKind.TERM
    entry = Entry(id=f"{kind.value}/a", kind=kind, terms={"vi": forms}, roles=roles)
    return Glossary(name="g", entries=(entry,))


@pytest.mark.parametrize(
    ("glossary", "write", "entry", "field", "message"),
    [
        pytest.param(
            # a noncharacter: a glossary form may hold it (control characters are refused
            # when the glossary is read), XML may not
            entry_with(TermForms(preferred="a\ufffeb")),
            gf.to_tbx,
            "term/a",
            "terms.vi.preferred",
            "character U+FFFE cannot be written to XML",
            id="tbx-control-character",
        ),
        pytest.param(
            entry_with(TermForms(preferred="a"), Role(title="title/x", org="org/a b")),
            gf.to_tbx,
            "person/a",
            "roles[0].org",
            "'org/a b' cannot be written to a TBX role note",
            id="tbx-role-with-a-space",
        ),
        pytest.param(
            entry_with(TermForms(preferred="a", forbidden=("b | c",))),
            gf.to_csv,
            "term/a",
            "terms.vi.forbidden",
            "a form contains ' | '",
            id="csv-form-separator",
        ),
        pytest.param(
            entry_with(TermForms(preferred="a"), Role(title="title/x@org/y")),
            gf.to_csv,
            "person/a",
            "roles",
            "cannot be written to CSV",
            id="csv-role-with-an-at",
        ),
        pytest.param(
            Glossary(name="two\nlines"),
            gf.to_csv,
            None,
            "name",
            "cannot be written to CSV",
            id="csv-name-line-break",
        ),
    ],
)
def test_writers_refuse_what_the_format_cannot_hold(
    glossary: Glossary,
    write: Callable[..., str],
    entry: str | None,
    field: str,
    message: str,
) -> None:
    with pytest.raises(GlossaryError) as err:
        write(glossary, path="out")
    problem = problem_of(err)
    assert (problem.path, problem.entry, problem.field) == ("out", entry, field)
    assert message in problem.message


# ---------------------------------------------------------------------------------------
# Determinism and files


@pytest.mark.parametrize("fmt", [gf.to_yaml, gf.to_csv, gf.to_tbx])
@pytest.mark.parametrize("which", sorted(GLOSSARIES))
def test_output_is_deterministic(
    request: pytest.FixtureRequest, which: str, fmt: Callable[[Glossary], str]
) -> None:
    glossary = GLOSSARIES[which](request)
    again = glossary_from_data(gf.to_data(glossary), "copy")
    assert fmt(glossary) == fmt(glossary) == fmt(again)


@pytest.mark.parametrize("suffix", ["yaml", "yml", "csv", "tbx"])
def test_files_are_written_whole(desk: Glossary, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"out.{suffix}"
    path.write_text("old content", encoding="utf-8")
    gf.write(desk, path)
    assert gf.read(path) == desk
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    text = path.read_bytes().decode("utf-8")
    expected = {"yaml": gf.to_yaml, "yml": gf.to_yaml, "csv": gf.to_csv, "tbx": gf.to_tbx}
    assert text == expected[suffix](desk)


def test_write_to_a_missing_directory_fails_cleanly(desk: Glossary, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.tbx"
    with pytest.raises(GlossaryError, match="cannot write"):
        gf.write(desk, target)
    assert not target.parent.exists()


def test_convert_to_an_unknown_format_leaves_nothing(desk: Glossary, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    gf.write(desk, source)
    with pytest.raises(GlossaryError, match=r"out\.xlsx: not a glossary file"):
        gf.convert(source, tmp_path / "out.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["in.csv"]


def test_convert_a_broken_file_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    source, target = tmp_path / "in.tbx", tmp_path / "out.yaml"
    source.write_text("<tbx><text><body>\n<conceptEntry>\n</tbx>", encoding="utf-8")
    target.write_text("kept", encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        gf.convert(source, target)
    assert problem_of(err).describe().startswith(f"{source.as_posix()}:3: invalid XML")
    assert target.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "no such file or directory"),
        ("missing.tbx", None, "no such file or directory"),
        (
            "latin1.csv",
            "id,kind,lang,preferred\nterm/a,term,vi,caf\xe9\n".encode("latin-1"),
            "not valid UTF-8 at byte 41",
        ),
        ("notes.txt", b"", "not a glossary file"),
    ],
)
def test_read_errors_name_the_file(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GlossaryError) as err:
        gf.read(path)
    problem = problem_of(err)
    assert problem.path == path.as_posix()
    assert message in problem.message


def test_read_yaml_goes_through_load_glossary(shipped: Glossary) -> None:
    assert gf.read(SHIPPED) == shipped
