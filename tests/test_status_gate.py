"""Translation status (revisions, stamping, MP601 needs-update) and the publication gate."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import multipub
from multipub import Article, Config, Finding, Severity
from multipub.gate import gate, gate_paths, held, render_decisions
from multipub.status import (
    NoSourceError,
    parse_revision,
    source_revision,
    stamp,
    stamp_document,
    stamp_files,
    stamp_text,
    statuses,
    translation_status,
)
from tests.conftest import article_data, make_article

# A short article written for these tests: a Vietnamese source and three translations.
VI_BLOCKS = [
    "Sáng nay, cảng Hòa Giang đón chuyến tàu container đầu tiên của năm.",
    "Con tàu chở 1.200 container hàng nông sản đi Singapore.",
    "Ban quản lý cảng cho biết năm nay sẽ mở thêm 3 tuyến mới.",
    "Các doanh nghiệp địa phương kỳ vọng chi phí vận chuyển sẽ giảm.",
    "Lễ đón tàu có sự tham dự của lãnh đạo tỉnh.",
]
EN_BLOCKS = [
    "This morning, Hoa Giang port welcomed the first container ship of the year.",
    "The ship carries 1,200 containers of farm produce bound for Singapore.",
    "The port authority said three new routes would open this year.",
    "Local businesses hope that shipping costs will fall.",
    "Provincial leaders attended the welcoming ceremony.",
]
AR_BLOCKS = [
    "استقبل ميناء هوا جيانغ صباح اليوم أول سفينة حاويات في العام.",
    "تحمل السفينة 1200 حاوية من المنتجات الزراعية متجهة إلى سنغافورة.",
    "وقالت إدارة الميناء إنها ستفتح 3 خطوط جديدة هذا العام.",
    "وتأمل الشركات المحلية أن تنخفض تكاليف الشحن.",
    "وحضر حفل الاستقبال قادة المقاطعة.",
]
RU_BLOCKS = [
    "Сегодня утром порт Хоазянг принял первое в этом году контейнерное судно.",
    "Судно везёт 1200 контейнеров сельхозпродукции в Сингапур.",
    "Администрация порта сообщила, что в этом году откроет 3 новых маршрута.",
    "Местные предприятия надеются, что расходы на перевозку снизятся.",
    "На церемонии встречи присутствовали руководители провинции.",
]


def _variants() -> dict[str, dict[str, Any]]:
    return {
        "vi": {
            "title": "Cảng Hòa Giang đón chuyến tàu đầu năm",
            "lead": "Chuyến tàu mở đầu mùa xuất khẩu nông sản của tỉnh.",
            "byline": "Thu Hà",
            "blocks": list(VI_BLOCKS),
        },
        "en": {
            "title": "Hoa Giang port welcomes the year's first ship",
            "lead": "The ship opens the province's farm export season.",
            "blocks": list(EN_BLOCKS),
        },
        "ar": {
            "title": "ميناء هوا جيانغ يستقبل أول سفينة في العام",
            "lead": "تفتتح السفينة موسم تصدير المنتجات الزراعية في المقاطعة.",
            "blocks": list(AR_BLOCKS),
        },
        "ru": {
            "title": "Порт Хоазянг принял первое судно года",
            "lead": "Судно открывает сезон экспорта сельхозпродукции провинции.",
            "blocks": list(RU_BLOCKS),
        },
    }


def _article(**changes: Any) -> Article:
    variants = _variants()
    variants["vi"].update(changes)
    return make_article(variants, article_id="port")  # type: ignore[arg-type]


def _with_source(article: Article, **changes: Any) -> Article:
    """Return ``article`` with its Vietnamese source changed (the translations as stamped)."""
    source = article.variants["vi"].model_copy(update=changes)
    return article.model_copy(update={"variants": {**article.variants, "vi": source}})


def _blocks(*texts: str) -> tuple[multipub.Block, ...]:
    return tuple(multipub.Block(text=text) for text in texts)


@pytest.fixture
def stamped() -> Article:
    return stamp(_article())


@pytest.fixture(scope="module")
def mp601() -> Iterator[None]:
    """Register MP601 (the lead imports the module in multipub.checks; importing it here
    keeps these tests independent of that). Imported when a test asks, not when the file
    is collected: the registry's own tests list the codes of the checks package."""
    import multipub.checks.status  # noqa: F401
    from multipub import runner

    runner._chosen_rules.cache_clear()  # rules chosen before MP601 existed
    yield


# ---------------------------------------------------------------------------------------
# Revisions


def test_revision_format_is_self_describing() -> None:
    article = _article()
    assert article.source is not None
    revision = source_revision(article.source)
    assert re.fullmatch(
        r"r1:[0-9a-f]{16}:[0-9a-f]{8}\.[0-9a-f]{8}:[0-9a-f]{8}(\.[0-9a-f]{8}){4}", revision
    )
    parsed = parse_revision(revision)
    assert parsed is not None and parsed.detailed and len(parsed.blocks or ()) == 5
    assert str(parsed) == revision
    assert source_revision(article.source) == revision  # stable


def test_revision_of_an_empty_source() -> None:
    article = make_article({"vi": {"blocks": []}})
    assert article.source is not None
    revision = source_revision(article.source)
    assert re.fullmatch(r"r1:[0-9a-f]{16}:-\.-:", revision)
    parsed = parse_revision(revision)
    assert parsed is not None and parsed.blocks == ()


@pytest.mark.parametrize(
    "changes",
    [
        {"blocks": _blocks(*[f"  {text.replace(' ', '   ')}\n" for text in VI_BLOCKS])},
        # Decomposed "ò", "ộ"... (NFD) read as the composed letters.
        {"blocks": _blocks(*[unicodedata.normalize("NFD", t) for t in VI_BLOCKS])},
        {"byline": "Minh Khôi"},
    ],
    ids=["white-space", "nfd", "byline"],
)
def test_what_does_not_change_the_revision(stamped: Article, changes: dict[str, Any]) -> None:
    edited = _with_source(stamped, **changes)
    assert translation_status(edited, "ar").state == "current"


def test_media_file_is_not_hashed_but_its_caption_is() -> None:
    def article(src: str, caption: str) -> Article:
        data = _variants()
        data["vi"]["blocks"].append({"kind": "media", "src": src, "text": caption})
        return make_article(data)  # type: ignore[arg-type]

    first = stamp(article("tau-1.jpg", "Tàu cập cảng Hòa Giang."))
    again = article("tau-2.jpg", "Tàu cập cảng Hòa Giang.").variants["vi"]
    other_photo = first.model_copy(update={"variants": {**first.variants, "vi": again}})
    assert translation_status(other_photo, "en").state == "current"
    recaptioned = article("tau-1.jpg", "Tàu rời cảng Hòa Giang.").variants["vi"]
    changed = first.model_copy(update={"variants": {**first.variants, "vi": recaptioned}})
    assert translation_status(changed, "en").edited == (5,)


# ---------------------------------------------------------------------------------------
# Stamping and status


def test_unstamped_translations_are_unknown() -> None:
    article = _article()
    found = {s.lang: s.state for s in statuses(article)}
    assert found == {"vi": "source", "ar": "unknown", "en": "unknown", "ru": "unknown"}
    assert [s.lang for s in statuses(article)] == ["vi", "ar", "en", "ru"]


def test_stamp_sets_the_current_revision(stamped: Article) -> None:
    assert stamped.source is not None
    revision = source_revision(stamped.source)
    assert stamped.variants["vi"].source_revision is None
    for lang in ("ar", "en", "ru"):
        assert stamped.variants[lang].source_revision == revision
        assert translation_status(stamped, lang).state == "current"
    assert _article().variants["ar"].source_revision is None  # a copy: the input unchanged


def test_stamp_only_the_languages_asked() -> None:
    data = _variants()
    data["zh-Hans"] = {"title": "和江港迎来年内首艘货轮", "blocks": []}
    article = make_article(data)  # type: ignore[arg-type]
    done = stamp(article, ["ar", "zh"])
    stamped_langs = {lang for lang, v in done.variants.items() if v.source_revision}
    assert stamped_langs == {"ar", "zh-Hans"}


def test_stamp_needs_a_source() -> None:
    article = make_article({"ar": AR_BLOCKS}, source_lang="vi")
    with pytest.raises(ValueError, match="no 'vi' variant"):
        stamp(article)
    assert translation_status(article, "ar").state == "unknown"


def test_stamp_document_keeps_the_file_as_written() -> None:
    data = article_data(_variants(), article_id="port")  # type: ignore[arg-type]
    data["variants"]["en"]["origin"] = "human"
    result = stamp_document(data, ["en"])
    assert list(result) == list(data)
    assert list(result["variants"]["en"]) == [*data["variants"]["en"], "source_revision"]
    assert result["variants"]["en"]["source_revision"].startswith("r1:")
    assert "source_revision" not in result["variants"]["ar"]
    assert "source_revision" not in data["variants"]["en"]  # the input unchanged
    json.dumps(result)
    assert translation_status(Article.model_validate(result), "en").state == "current"


YAML_ARTICLE = """\
# A YAML article written for this test; its comments must survive stamping.
id: market
source_lang: vi
published_at: 2025-02-01T06:00:00+07:00
variants:
  vi:
    title: "Chợ hoa Hòa Giang mở cửa"   # the source
    blocks:
      - "Chợ hoa mở cửa từ 6 giờ sáng."
  en: {title: "Hoa Giang flower market opens", blocks: ["The flower market opens at 6 a.m."]}
  ar:
    # reviewed by the Arabic desk
    title: "افتتاح سوق الزهور في هوا جيانغ"
    blocks:
      - "يفتح سوق الزهور أبوابه عند الساعة السادسة صباحا."
  ru:
    source_revision: "r1:0123456789abcdef"
    title: "В Хоазянге открылся цветочный рынок"
    blocks: ["Цветочный рынок открывается в 6 утра."]
"""


def _read(text: str, fmt: str) -> list[Article]:
    from multipub.io import LoadedArticle, parse_article_text

    loaded = list(parse_article_text(text, f"test.{fmt}", fmt))
    assert all(isinstance(item, LoadedArticle) for item in loaded), loaded
    return [item.article for item in loaded if isinstance(item, LoadedArticle)]


def test_stamp_text_edits_yaml_in_place() -> None:
    stamped = stamp_text(YAML_ARTICLE, "yaml")
    [article] = _read(stamped, "yaml")
    assert article.source is not None
    revision = source_revision(article.source)
    assert {s.lang: s.state for s in statuses(article)} == {
        "vi": "source",
        "ar": "current",
        "en": "current",
        "ru": "current",
    }
    before, after = YAML_ARTICLE.splitlines(), stamped.splitlines()
    assert len(after) == len(before) + 1  # one line added (ar); en and ru edited in place
    for line in before:
        if "en: {" not in line and "source_revision" not in line:
            assert line in after
    assert f'  en: {{source_revision: "{revision}", title: "Hoa Giang' in stamped
    assert f'desk\n    source_revision: "{revision}"\n    title: "افتتاح' in stamped
    assert f'  ru:\n    source_revision: "{revision}"\n    title:' in stamped
    assert stamp_text(stamped, "yaml") == stamped  # stamping again changes nothing
    only_ar = stamp_text(YAML_ARTICLE, "yaml", ["ar"])
    assert only_ar.count(revision) == 1 and "r1:0123456789abcdef" in only_ar


def test_stamp_text_json_and_jsonl() -> None:
    data = article_data(_variants(), article_id="port")  # type: ignore[arg-type]
    text = json.dumps(data, ensure_ascii=False, indent=4) + "\n"
    stamped = stamp_text(text, "json", ["ru"])
    assert stamped.splitlines()[1].startswith('    "id"')  # the indentation kept
    assert "Cảng Hòa Giang" in stamped  # not escaped
    [article] = _read(stamped, "json")
    assert [s.state for s in statuses(article)] == ["source", "unknown", "unknown", "current"]
    other = article_data({"vi": ["Mưa lớn."], "en": ["Heavy rain."]}, article_id="rain")
    lines = json.dumps(data, ensure_ascii=False) + "\n\n" + json.dumps(other) + "\n"
    stamped_lines = stamp_text(lines, "jsonl")
    assert stamped_lines.count("\n") == 3 and stamped_lines.splitlines()[1] == ""
    for article in _read(stamped_lines, "jsonl"):
        assert all(s.state in ("source", "current") for s in statuses(article))
    # An article without its source has nothing to stamp: its line is kept as it is.
    orphan = json.dumps(article_data({"en": ["Rain."]}, article_id="x"))
    assert stamp_text(lines + orphan + "\n", "jsonl").splitlines()[3] == orphan
    with pytest.raises(NoSourceError):
        stamp_text(orphan, "json")
    with pytest.raises(ValueError, match="line 4: "):
        stamp_text(lines + '{"id": "y", "variants": {}}\n', "jsonl")
    with pytest.raises(ValueError, match="unknown article format"):
        stamp_text(text, "xml")


@pytest.mark.parametrize(
    ("blocks", "added", "removed", "edited"),
    [
        # Block 2 rewritten: 3 routes became 4.
        (
            [
                *VI_BLOCKS[:2],
                "Ban quản lý cảng cho biết năm nay sẽ mở thêm 4 tuyến mới.",
                *VI_BLOCKS[3:],
            ],
            (),
            (),
            (2,),
        ),
        # A block added at the end.
        ([*VI_BLOCKS, "Chuyến tàu tiếp theo dự kiến cập cảng vào tuần sau."], (5,), (), ()),
        # A block added at the start.
        (["Tin cập nhật lúc 10 giờ.", *VI_BLOCKS], (0,), (), ()),
        # Block 1 removed.
        ([VI_BLOCKS[0], *VI_BLOCKS[2:]], (), (1,), ()),
        # Block 0 removed, block 3 edited (now block 2), a block added at the end.
        (
            [
                *VI_BLOCKS[1:3],
                "Các doanh nghiệp địa phương kỳ vọng chi phí vận chuyển sẽ giảm mạnh.",
                VI_BLOCKS[4],
                "Chuyến tàu tiếp theo dự kiến cập cảng vào tuần sau.",
            ],
            (4,),
            (0,),
            (2,),
        ),
        # Two blocks rewritten into three: two edits and one addition.
        (
            [
                *VI_BLOCKS[:3],
                "Doanh nghiệp kỳ vọng chi phí giảm.",
                "Giá cước có thể giảm 10%.",
                "Lãnh đạo tỉnh dự lễ đón tàu.",
            ],
            (5,),
            (),
            (3, 4),
        ),
    ],
    ids=["edited", "appended", "prepended", "removed", "mixed", "rewritten"],
)
def test_source_edits_make_translations_need_an_update(
    stamped: Article,
    blocks: list[str],
    added: tuple[int, ...],
    removed: tuple[int, ...],
    edited: tuple[int, ...],
) -> None:
    changed = _with_source(stamped, blocks=_blocks(*blocks))
    for lang in ("ar", "en", "ru"):
        status = translation_status(changed, lang)
        assert status.state == "needs_update"
        assert status.detailed
        assert (status.added, status.removed, status.edited) == (added, removed, edited)
        assert not status.title_changed and not status.lead_changed
        assert status.recorded == stamped.variants[lang].source_revision
        assert status.current is not None and status.current != status.recorded


def test_title_lead_and_kind_changes(stamped: Article) -> None:
    changed = _with_source(
        stamped,
        title="Cảng Hòa Giang đón tàu container đầu năm",
        blocks=(
            *_blocks(*VI_BLOCKS[:4]),
            multipub.Block(kind=multipub.BlockKind.QUOTE, text=VI_BLOCKS[4]),
        ),
    )
    status = translation_status(changed, "ru")
    assert status.title_changed and not status.lead_changed
    assert status.edited == (4,)
    assert (
        status.describe()
        == "the title edited; source block 4 edited since this translation was made"
    )
    no_lead = translation_status(_with_source(stamped, lead=None), "ru")
    assert no_lead.lead_changed and no_lead.changes() == "the lead edited"


def test_messages_say_what_changed(stamped: Article) -> None:
    changed = _with_source(
        stamped,
        blocks=_blocks(
            VI_BLOCKS[0],
            VI_BLOCKS[2],
            VI_BLOCKS[3] + " Giá cước dự kiến giảm 10%.",
            VI_BLOCKS[4] + " Buổi lễ kéo dài một giờ.",
            "Chuyến tàu tiếp theo dự kiến cập cảng vào tuần sau.",
        ),
    )
    status = translation_status(changed, "en")
    assert status.describe() == (
        "source blocks 2, 3 edited; block 4 added; block 1 of the old source removed "
        "since this translation was made"
    )
    data = status.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["state"] == "needs_update" and data["edited"] == [2, 3]


@pytest.mark.parametrize(
    "recorded", ["r1:0123456789abcdef", "sha1:4b825dc642cb6eb9a060e54bf8d69288fbee4904"]
)
def test_revisions_that_do_not_say_what_changed(recorded: str) -> None:
    data = _variants()
    data["en"]["source_revision"] = recorded
    status = translation_status(make_article(data), "en")  # type: ignore[arg-type]
    assert status.state == "needs_update" and not status.detailed
    assert status.describe() == "the source changed since this translation was made"


def test_a_whole_hash_alone_still_says_current(stamped: Article) -> None:
    assert stamped.source is not None
    short = source_revision(stamped.source).rsplit(":", 2)[0]
    en = stamped.variants["en"].model_copy(update={"source_revision": short})
    article = stamped.model_copy(update={"variants": {**stamped.variants, "en": en}})
    assert translation_status(article, "en").state == "current"


# ---------------------------------------------------------------------------------------
# MP601 needs-update


@pytest.mark.usefixtures("mp601")
def test_mp601_is_registered() -> None:
    rule = multipub.get_rule("MP601")
    assert rule.name == "needs-update" and rule.severity is Severity.WARNING
    assert rule.needs_source and rule.function is not None
    assert multipub.get_rule("needs-update") is rule
    doc = rule.doc()
    assert "## Example" in doc and "r1:" in doc


@pytest.mark.usefixtures("mp601")
def test_mp601_doc_examples_do_what_they_say() -> None:
    rule = multipub.get_rule("MP601")

    def example(text: str) -> Article:
        found = re.search(r"```json\n(.*?)\n```", text, re.DOTALL)
        assert found is not None
        return Article.model_validate_json(found[1])

    only = Config(select=("MP601",))
    [finding] = multipub.check(example(rule.bad), config=only)
    assert finding.message in rule.bad
    assert finding.message == "source block 1 edited; block 2 added since this translation was made"
    assert multipub.check(example(rule.good), config=only) == []


@pytest.mark.usefixtures("mp601")
def test_mp601_reported_by_check(stamped: Article) -> None:
    assert not [f for f in multipub.check(stamped) if f.code == "MP601"]
    changed = _with_source(
        stamped,
        blocks=_blocks(
            *VI_BLOCKS[:3],
            "Các doanh nghiệp địa phương kỳ vọng chi phí vận chuyển sẽ giảm mạnh.",
            "Lễ đón tàu có sự tham dự của lãnh đạo tỉnh và thành phố.",
            "Chuyến tàu tiếp theo dự kiến cập cảng vào tuần sau.",
        ),
    )
    found = [f for f in multipub.check(changed) if f.code == "MP601"]
    assert [f.lang for f in found] == ["ar", "en", "ru"]
    for finding in found:
        assert finding.name == "needs-update"
        assert finding.severity is Severity.WARNING
        assert finding.message == (
            "source blocks 3, 4 edited; block 5 added since this translation was made"
        )
        assert finding.field == "title"
        assert [(r.field, r.block, r.lang) for r in finding.related] == [
            ("blocks", 3, "vi"),
            ("blocks", 4, "vi"),
            ("blocks", 5, "vi"),
        ]
    only = multipub.check(changed, config=Config(select=("MP601",)))
    assert [f.code for f in only] == ["MP601"] * 3


@pytest.mark.usefixtures("mp601")
def test_mp601_is_quiet_without_a_recorded_revision() -> None:
    changed = _with_source(_article(), blocks=_blocks(*VI_BLOCKS[:2]))
    assert not multipub.check(changed, config=Config(select=("MP601",)))


@pytest.mark.usefixtures("mp601")
def test_mp601_can_be_suppressed_with_a_reason() -> None:
    data = _variants()
    data["ru"]["multipub"] = {
        "ignore": [{"code": "MP601", "reason": "only the year added; checked by the desk"}]
    }
    stamped = stamp(make_article(data, article_id="port"))  # type: ignore[arg-type]
    changed = _with_source(stamped, title="Cảng Hòa Giang đón tàu đầu năm 2025")
    found = multipub.check(changed, config=Config(select=("MP601", "MP002")))
    assert [(f.code, f.lang) for f in found] == [("MP601", "ar"), ("MP601", "en")]
    decisions = {d.lang: d for d in gate(changed, findings=found)}
    assert decisions["ru"].published
    assert not decisions["ar"].published


# ---------------------------------------------------------------------------------------
# The gate


@pytest.mark.usefixtures("mp601")
def test_gate_publishes_a_clean_article(stamped: Article) -> None:
    assert [f for f in multipub.check(stamped) if f.severity is Severity.ERROR] == []
    decisions = gate(stamped)
    assert [(d.lang, d.action, d.is_source) for d in decisions] == [
        ("vi", "publish", True),
        ("ar", "publish", False),
        ("en", "publish", False),
        ("ru", "publish", False),
    ]
    assert all(d.reasons == () for d in decisions)
    assert not held(decisions)


def test_gate_holds_a_variant_with_an_error_finding(stamped: Article) -> None:
    # The Arabic translation changed a number: 1,200 containers became 1,300 (MP501).
    ar = list(AR_BLOCKS)
    ar[1] = "تحمل السفينة 1300 حاوية من المنتجات الزراعية متجهة إلى سنغافورة."
    variant = stamped.variants["ar"].model_copy(update={"blocks": _blocks(*ar)})
    article = stamped.model_copy(update={"variants": {**stamped.variants, "ar": variant}})
    decisions = {d.lang: d for d in gate(article)}
    assert decisions["ar"].action == "hold"
    [reason] = decisions["ar"].reasons
    assert (reason.kind, reason.code, reason.field, reason.block) == (
        "finding",
        "MP501",
        "blocks",
        1,
    )
    assert reason.message == "number 1200 of block 1 of the source is 1300 here"
    assert all(decisions[lang].published for lang in ("vi", "en", "ru"))
    assert held(decisions.values())


def test_gate_holds_the_source_for_its_own_errors(stamped: Article) -> None:
    error = Finding(
        code="MP403",
        name="page-furniture",
        severity=Severity.ERROR,
        path="<memory>",
        article="port",
        lang="vi",
        field="blocks",
        block=4,
        message="a view counter",
    )
    warning = error.model_copy(update={"lang": "en", "severity": Severity.WARNING})
    other_article = error.model_copy(update={"article": "another", "lang": "ru"})
    decisions = {d.lang: d for d in gate(stamped, findings=[error, warning, other_article])}
    assert decisions["vi"].action == "hold"
    assert decisions["vi"].reasons[0].describe() == "MP403 block 4: a view counter"
    # A held source does not hold its translations; warnings never hold.
    assert all(decisions[lang].published for lang in ("ar", "en", "ru"))


def test_gate_holds_on_an_article_level_error(stamped: Article) -> None:
    error = Finding(
        code="MP000",
        name="input-error",
        severity=Severity.ERROR,
        path="a.json",
        article="port",
        message="$.variants: broken",
    )
    assert all(d.action == "hold" for d in gate(stamped, findings=[error]))


def test_gate_holds_a_translation_that_needs_an_update(stamped: Article) -> None:
    changed = _with_source(
        stamped, blocks=_blocks(*VI_BLOCKS, "Chuyến tàu tiếp theo cập cảng vào tuần sau.")
    )
    decisions = {d.lang: d for d in gate(changed, findings=[])}
    assert decisions["vi"].published
    for lang in ("ar", "en", "ru"):
        [reason] = decisions[lang].reasons
        assert reason.kind == "needs_update" and reason.code == "MP601"
        assert reason.message == "block 5 added since this translation was made"
    # Stamping the reviewed translations again lets them through.
    assert not held(gate(stamp(changed), findings=[]))


@pytest.mark.usefixtures("mp601")
def test_needs_update_made_an_error_is_one_reason(stamped: Article) -> None:
    changed = _with_source(stamped, lead="Mùa xuất khẩu nông sản bắt đầu.")
    config = Config(select=("MP601",), severity={"MP601": Severity.ERROR})

    decisions = {d.lang: d for d in gate(changed, config=config)}
    [reason] = decisions["en"].reasons
    assert (reason.kind, reason.code) == ("finding", "MP601")
    assert reason.message == "the lead edited since this translation was made"


def test_gate_holds_a_variant_without_a_title(stamped: Article) -> None:
    en = stamped.variants["en"].model_copy(update={"title": "   "})
    article = stamped.model_copy(update={"variants": {**stamped.variants, "en": en}})
    decisions = {d.lang: d for d in gate(article, findings=[], required=("title", "lead"))}
    [reason] = decisions["en"].reasons
    assert (reason.kind, reason.field) == ("missing_field", "title")
    assert reason.describe() == "missing title: the title is empty"
    assert [d.lang for d in decisions.values() if not d.published] == ["en"]


def test_gate_required_fields_are_checked() -> None:
    article = make_article({"vi": {"title": "Cảng Hòa Giang", "blocks": []}})
    [decision] = gate(article, findings=[], required=("title", "blocks"))
    assert [r.field for r in decision.reasons] == ["blocks"]
    with pytest.raises(ValueError, match="unknown required field"):
        gate(article, findings=[], required=("headline",))


def test_gate_respects_the_languages_chosen(stamped: Article) -> None:
    decisions = gate(stamped, findings=[], config=Config(langs=("ar", "ru")))
    assert [d.lang for d in decisions] == ["ar", "ru"]


def test_gate_decisions_are_json_and_deterministic(stamped: Article) -> None:
    changed = _with_source(stamped, title="Cảng Hòa Giang đón tàu đầu năm 2025")
    en = changed.variants["en"].model_copy(update={"title": None})
    article = changed.model_copy(update={"variants": {**changed.variants, "en": en}})
    error = Finding(
        code="MP303",
        name="untranslated-block",
        severity=Severity.ERROR,
        path="<memory>",
        article="port",
        lang="en",
        field="blocks",
        block=0,
        message="block 0 is not translated",
    )
    first = [d.as_dict() for d in gate(article, findings=[error])]
    again = [d.as_dict() for d in gate(article, findings=[error])]
    assert json.dumps(first, ensure_ascii=False) == json.dumps(again, ensure_ascii=False)
    en_decision = next(d for d in first if d["lang"] == "en")
    assert en_decision == {
        "path": None,
        "article": "port",
        "lang": "en",
        "is_source": False,
        "action": "hold",
        "reasons": [
            {
                "kind": "finding",
                "code": "MP303",
                "field": "blocks",
                "block": 0,
                "message": "block 0 is not translated",
            },
            {
                "kind": "needs_update",
                "code": "MP601",
                "field": None,
                "block": None,
                "message": "the title edited since this translation was made",
            },
            {
                "kind": "missing_field",
                "code": None,
                "field": "title",
                "block": None,
                "message": "the title is empty",
            },
        ],
    }
    text = render_decisions(gate(article, findings=[error]))
    assert text.splitlines()[0] == "port vi (source): publish"
    assert "port en: hold\n  - MP303 block 0: block 0 is not translated\n" in text
    assert text.endswith("1 to publish, 3 held\n")


# ---------------------------------------------------------------------------------------
# Over files: what `multipub stamp` and `multipub gate` run


def test_stamp_files_dry_run_then_write(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "market.yaml").write_text(YAML_ARTICLE, encoding="utf-8")
    port = article_data(_variants(), article_id="port")  # type: ignore[arg-type]
    (folder / "port.json").write_text(json.dumps(port, ensure_ascii=False, indent=2), "utf-8")
    orphan = article_data({"ar": AR_BLOCKS[:1]}, article_id="orphan")
    (folder / "briefs.jsonl").write_text(json.dumps(port) + "\n" + json.dumps(orphan) + "\n")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    before = {p.name: p.read_text("utf-8") for p in folder.iterdir()}

    dry = stamp_files([folder], ["ar", "ru"])
    assert {p.name: p.read_text("utf-8") for p in folder.iterdir()} == before  # nothing written
    assert dry.written == []
    assert [(Path(s.path).name, s.article, s.lang, s.before is None) for s in dry.stamped] == [
        ("briefs.jsonl", "port", "ar", True),
        ("briefs.jsonl", "port", "ru", True),
        ("market.yaml", "market", "ar", True),
        ("market.yaml", "market", "ru", False),
        ("port.json", "port", "ar", True),
        ("port.json", "port", "ru", True),
    ]
    assert (
        dry.stamped[3]
        .describe()
        .endswith(f"market ru: r1:0123456789abcdef -> {dry.stamped[3].after}")
    )
    assert sorted((Path(p.path).name, p.article) for p in dry.problems) == [
        ("briefs.jsonl", "orphan"),
        ("broken.json", None),
    ]

    done = stamp_files([folder], ["ar", "ru"], write=True)
    assert sorted(Path(p).name for p in done.written) == [
        "briefs.jsonl",
        "market.yaml",
        "port.json",
    ]
    assert (folder / "broken.json").read_text("utf-8") == "{"
    assert "# reviewed by the Arabic desk" in (folder / "market.yaml").read_text("utf-8")
    assert json.loads((folder / "briefs.jsonl").read_text("utf-8").splitlines()[1]) == orphan
    again = stamp_files([folder], ["ar", "ru"], write=True)
    assert again.stamped == [] and again.written == []
    # en was not asked for: still unknown.
    assert translation_status(multipub.load_article(folder / "port.json"), "en").state == "unknown"


def test_gate_paths(tmp_path: Path) -> None:
    clean = stamp(_article())
    (tmp_path / "a-clean.json").write_text(clean.model_dump_json(exclude_none=True), "utf-8")
    changed = _with_source(clean, blocks=_blocks(*VI_BLOCKS[:4]))
    (tmp_path / "b-changed.json").write_text(changed.model_dump_json(exclude_none=True), "utf-8")
    (tmp_path / "c-broken.yaml").write_text("id: [", encoding="utf-8")
    run = gate_paths([tmp_path], config=Config(select=("MP5",)))
    assert run.held
    assert [(Path(d.path or "").name, d.lang, d.action) for d in run.decisions] == [
        ("a-clean.json", "vi", "publish"),
        ("a-clean.json", "ar", "publish"),
        ("a-clean.json", "en", "publish"),
        ("a-clean.json", "ru", "publish"),
        ("b-changed.json", "vi", "publish"),
        ("b-changed.json", "ar", "hold"),
        ("b-changed.json", "en", "hold"),
        ("b-changed.json", "ru", "hold"),
    ]
    held_ar = run.decisions[5]
    # The dropped source block: MP502 is a warning; the reason is the status.
    assert [r.describe() for r in held_ar.reasons] == [
        "needs update: block 4 of the old source removed since this translation was made"
    ]
    data = run.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert (data["published"], data["held"], len(data["unreadable"])) == (5, 3, 1)
    text = run.render_text()
    assert text.splitlines()[0].startswith(f"{tmp_path.as_posix()}/c-broken.yaml:2: invalid YAML")
    assert text.endswith("5 to publish, 3 held\n")
    assert not gate_paths([tmp_path / "a-clean.json"]).held
