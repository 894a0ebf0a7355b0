"""The article model: an article and its per-language variants (CONTRACT §1)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Directives",
    "Origin",
    "Suppression",
    "TextField",
    "TextUnit",
    "Translation",
    "Variant",
]

# BCP 47, the subset news sites use: language, optional script/region/variant subtags.
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _check_lang_tag(tag: str) -> str:
    if not _LANG_TAG.match(tag):
        raise ValueError(f"{tag!r} is not a BCP 47 language tag (e.g. 'vi', 'ar', 'zh-Hans')")
    return tag


LangTag = Annotated[str, AfterValidator(_check_lang_tag)]


class BlockKind(StrEnum):
    """What a block of an article body is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CAPTION = "caption"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    MEDIA = "media"


class Origin(StrEnum):
    """How a variant was produced."""

    ORIGINAL = "original"
    HUMAN = "human"
    MACHINE = "machine"
    POST_EDITED = "post-edited"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Suppression(_Frozen):
    """One check silenced at a place of an article, with the reason a reviewer can read."""

    code: str = Field(
        pattern=r"^MP\d{1,3}$", description="a check code or family prefix: MP102, MP1"
    )
    reason: str = Field(description="why this finding is not a defect here (required)")

    @field_validator("reason")
    @classmethod
    def _reason_is_given(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a suppression needs a reason")
        return value


class Directives(_Frozen):
    """What an article, a variant or a block tells multipub: ``{"ignore": [...]}``."""

    ignore: tuple[Suppression, ...] = ()


class Block(_Frozen):
    """One block of an article body: a paragraph by default, or a heading, caption, quote,
    list item, or a media element whose ``text`` is its caption."""

    kind: BlockKind = BlockKind.PARAGRAPH
    text: str = ""
    src: str | None = Field(default=None, description="media only: the file or URL shown")
    id: str | None = Field(default=None, description="the CMS's own id for the block, if any")
    multipub: Directives | None = Field(
        default=None, description="suppressions for this block: {'ignore': [{code, reason}]}"
    )

    @model_validator(mode="after")
    def _media_has_src(self) -> Block:
        if self.kind is BlockKind.MEDIA:
            if not self.src:
                raise ValueError("a media block needs 'src'")
        elif self.src is not None:
            raise ValueError(f"'src' is only for media blocks, not {self.kind.value!r}")
        return self


def _bare_string_is_paragraph(data: Any) -> Any:
    return {"kind": "paragraph", "text": data} if isinstance(data, str) else data


# In files a block is a bare string (a paragraph) or an object; the JSON Schema says both.
BlockInput = Annotated[
    Block, BeforeValidator(_bare_string_is_paragraph, json_schema_input_type=str | Block)
]

TextField = Literal["title", "lead", "byline", "blocks"]


@dataclass(frozen=True, slots=True)
class TextUnit:
    """One piece of text of a variant, with where it sits: ``field`` and, for blocks, the
    0-based ``block`` index. Checks iterate over these instead of over fields by hand.
    (A dataclass, not a model: units are made on the hot path and never validated.)"""

    field: TextField
    block: int | None
    text: str
    kind: BlockKind | None = None

    def describe(self) -> str:
        """Return how a message names this unit: "block 3", "the lead", "the title"."""
        return f"block {self.block}" if self.field == "blocks" else f"the {self.field}"


class Translation(_Frozen):
    """The shape shared by a variant and its ``reference`` translation."""

    title: str | None = None
    lead: str | None = None
    byline: str | None = None
    blocks: tuple[BlockInput, ...] = ()

    def units(self, *, include_byline: bool = True) -> Iterator[TextUnit]:
        """Yield every non-empty text of this variant in reading order."""
        if self.title:
            yield TextUnit(field="title", block=None, text=self.title)
        if self.lead:
            yield TextUnit(field="lead", block=None, text=self.lead)
        if self.byline and include_byline:
            yield TextUnit(field="byline", block=None, text=self.byline)
        for index, block in enumerate(self.blocks):
            if block.text:
                yield TextUnit(field="blocks", block=index, text=block.text, kind=block.kind)

    def text_of(self, field: TextField, block: int | None = None) -> str:
        """Return the text at ``field`` (and ``block``), or "" when there is none."""
        if field == "blocks":
            if block is None or not 0 <= block < len(self.blocks):
                return ""
            return self.blocks[block].text
        value: str | None = getattr(self, field)
        return value or ""


class Variant(Translation):
    """One language version of an article."""

    origin: Origin | None = Field(
        default=None,
        description="original, human, machine or post-edited; when absent, 'original' for "
        "the source language and 'human' for the others",
    )
    reference: Translation | None = Field(
        default=None, description="an independent translation of the same text, for scoring"
    )
    multipub: Directives | None = Field(
        default=None, description="suppressions for this variant: {'ignore': [{code, reason}]}"
    )
    source_revision: str | None = Field(
        default=None,
        description="the revision of the source this translation was made from (a hash of "
        "the source's normalized text, written by 'multipub stamp'); a translation whose "
        "source has changed since needs an update",
    )


class Article(_Frozen):
    """A news article and its language variants, keyed by BCP 47 tag."""

    id: str = Field(min_length=1)
    source_lang: LangTag
    published_at: datetime | None = None
    url: str | None = None
    variants: dict[LangTag, Variant] = Field(min_length=1)
    multipub: Directives | None = Field(
        default=None, description="suppressions for the article: {'ignore': [{code, reason}]}"
    )

    @model_validator(mode="before")
    @classmethod
    def _source_lang_as_keyed(cls, data: Any) -> Any:
        """Return ``data`` with ``source_lang`` spelled as the variant it names is keyed:
        BCP 47 tags ignore case, so "VI" names the variant "vi"."""
        if not isinstance(data, dict):
            return data
        source, variants = data.get("source_lang"), data.get("variants")
        if not isinstance(source, str) or not isinstance(variants, dict) or source in variants:
            return data
        same = [key for key in variants if isinstance(key, str) and key.lower() == source.lower()]
        return {**data, "source_lang": same[0]} if len(same) == 1 else data

    @property
    def source(self) -> Variant | None:
        """Return the source-language variant, or None when the file holds only a translation."""
        return self.variants.get(self.source_lang)

    def origin_of(self, lang: str) -> Origin:
        """Return how variant ``lang`` was produced, applying the CONTRACT's defaults."""
        origin = self.variants[lang].origin
        if origin is not None:
            return origin
        return Origin.ORIGINAL if lang == self.source_lang else Origin.HUMAN

    def targets(self) -> list[str]:
        """Return the language tags of the translated variants, sorted."""
        return sorted(lang for lang in self.variants if lang != self.source_lang)
