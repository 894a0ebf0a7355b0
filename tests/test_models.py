import pytest
from pydantic import ValidationError

from multipub.models import Article, BlockKind, Origin
from tests.conftest import article_data, make_article


def test_bare_string_block_is_a_paragraph() -> None:
    article = make_article({"vi": ["Một đoạn văn."]})
    block = article.variants["vi"].blocks[0]
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text == "Một đoạn văn."


def test_media_block_needs_src_and_only_media_has_src() -> None:
    with pytest.raises(ValidationError, match="media block needs 'src'"):
        make_article({"vi": [{"kind": "media", "text": "Video"}]})
    with pytest.raises(ValidationError, match="only for media"):
        make_article({"vi": [{"kind": "caption", "text": "Ảnh", "src": "a.jpg"}]})
    article = make_article({"vi": [{"kind": "media", "src": "hop.mp4"}]})
    assert article.variants["vi"].blocks[0].src == "hop.mp4"


def test_translations_without_their_source() -> None:
    # One translation or several, without the declared source: the same (MP001 says so).
    for variants in ({"ar": ["نص"]}, {"ar": ["نص"], "en": ["text"]}):
        article = make_article(variants)
        assert article.source is None
        assert article.targets() == sorted(variants)


def test_origin_defaults() -> None:
    article = make_article({"vi": ["a"], "ar": ["b"], "ru": {"origin": "machine", "blocks": []}})
    assert article.origin_of("vi") is Origin.ORIGINAL
    assert article.origin_of("ar") is Origin.HUMAN
    assert article.origin_of("ru") is Origin.MACHINE


@pytest.mark.parametrize("tag", ["vi", "zh-Hans", "sr-Latn-RS", "fil"])
def test_language_tags_accepted(tag: str) -> None:
    assert tag in make_article({tag: ["x"]}, source_lang=tag).variants


@pytest.mark.parametrize("tag", ["", "v", "zh_Hans", "русский", "en--US"])
def test_language_tags_rejected(tag: str) -> None:
    with pytest.raises(ValidationError, match="BCP 47"):
        make_article({tag: ["x"]}, source_lang="vi")


def test_unknown_fields_are_rejected() -> None:
    data = article_data({"vi": ["x"]})
    data["variants"]["vi"]["tittle"] = "typo"
    with pytest.raises(ValidationError, match="tittle"):
        Article.model_validate(data)


def test_models_are_frozen() -> None:
    article = make_article({"vi": ["x"]})
    with pytest.raises(ValidationError):
        article.id = "other"  # type: ignore[misc]


def test_units_follow_reading_order_and_skip_empty_text() -> None:
    article = make_article(
        {
            "vi": {
                "title": "T",
                "lead": "",
                "byline": "B",
                "blocks": ["p", {"kind": "media", "src": "a.mp4"}, "q"],
            }
        }
    )
    units = list(article.variants["vi"].units())
    assert [(u.field, u.block) for u in units] == [
        ("title", None),
        ("byline", None),
        ("blocks", 0),
        ("blocks", 2),
    ]


def test_json_schema_is_published() -> None:
    schema = Article.model_json_schema()
    assert "variants" in schema["properties"]
    assert "Block" in schema["$defs"]
