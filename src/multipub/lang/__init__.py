"""What multipub knows about each language, in one place: a profile per language, as data.

Each language is one YAML file, ``multipub/lang/data/<tag>.yaml``, read once and validated
(:class:`Profile`); writing systems are one table, ``data/scripts.yaml`` (:class:`Script`).
Every module asks here (which languages write Latin script, the month names of French, the
furniture labels of Arabic, where Vietnamese letters are) and keeps no list of its own, so
adding a language is adding one file (``docs/adding-a-language.md``).

Tags are BCP 47: a profile is found by the tag's primary language subtag ("zh-Hans" ->
the ``zh`` profile), and a script subtag overrides the profile's script ("sr-Latn" is
written in Latin script). :func:`tag_matches` is RFC 4647 basic filtering ("zh" matches
"zh-Hans" and "zh-Hant").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

__all__ = [
    "Clitics",
    "Exonym",
    "Furniture",
    "Gender",
    "LetterScan",
    "Letters",
    "Matching",
    "Numbers",
    "Profile",
    "ProfileError",
    "Script",
    "languages",
    "letter_class",
    "letter_pattern",
    "letter_scan",
    "primary_subtag",
    "profile",
    "profiles",
    "script",
    "script_of",
    "scripts",
    "scripts_of",
    "sentence_end",
    "tag_matches",
    "words_pattern",
    "writes",
]


class ProfileError(ValueError):
    """A language profile or the script table that does not load: names the file and why."""


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Script(_Data):
    """A writing system: its letters' code point ranges and how text in it is laid out."""

    name: str
    ranges: tuple[tuple[int, int], ...]
    spaces: bool = Field(default=True, description="words are separated by spaces")
    cased: bool = Field(default=False, description="letters have upper and lower case")
    right_to_left: bool = False
    weight: int = Field(
        default=1, description="letters a character stands for when scripts compete"
    )
    full_stops: str = Field(default="", description="characters that end a sentence as '.'")
    sentence_marks: str = Field(default="", description="full stops, '?' and '!' equivalents")
    default_language: str | None = Field(
        default=None, description="what a short block in this script is read as, alone"
    )


class Letters(_Data):
    """Letters that tell a language from the others of its script."""

    distinctive: str = Field(
        default="", description="letters only this language writes among the profiles"
    )
    shared: str = Field(
        default="", description="letters it shares with few others (weaker evidence)"
    )
    marked: str = Field(
        default="", description="every letter of its alphabet that carries a diacritic"
    )


class Clitics(_Data):
    """Words written attached to the next one (Arabic "و", "ب", "ال")."""

    conjunctions: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    article: str = ""
    # The preposition after which the article loses its first letter: ل + ال -> لل.
    article_contracts_after: str = ""
    # Adjectives agree with their noun in definiteness: the definite "لواء بحري" (rear
    # admiral) is "اللواء البحري", the article on every word.
    article_on_every_word: bool = False
    # The ending an indefinite noun and its adjectives take in the accusative ("مدرجا",
    # "توقيعا رقميا"), and the last letters after which it is not written ("ة": "ميدالية").
    accusative_ending: str = ""
    no_accusative_ending_after: tuple[str, ...] = ()
    # Possessive pronouns written onto a term's last noun without the article ("أوراق
    # اعتماده", his credentials; not a title's: "وزيره" folds as "وزيرة"), and how a last
    # letter changes before them, as (letter, written) pairs ("ة", "ت": "حكومتها").
    # (Pairs, not a mapping: the clitics are hashed, remembered.)
    pronoun_suffixes: tuple[str, ...] = ()
    before_pronoun_suffix: tuple[tuple[str, str], ...] = ()

    def bases(self, word: str) -> frozenset[str]:
        """Return what ``word`` may be without the clitics written onto it: itself, and
        what follows each prefix that opens it, two letters or more ("للرابطة": "رابطة";
        "للجنة": "جنة" and "لجنة", where ل + ال met a word that opens with ل). Two
        words are one where their bases meet."""
        found = {word}
        for prefix in self.prefixes():
            if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 2:
                found.add(word[len(prefix) :])
        after = self.article_contracts_after
        if self.article and after:
            for conjunction in ("", *self.conjunctions):
                opening = conjunction + after + self.article[1:]
                if word.startswith(opening) and len(word) - len(opening) >= 1:
                    found.add(word[len(conjunction) + len(after) :])  # "للجنة": "لجنة"
        return frozenset(found)

    def prefixes(self) -> frozenset[str]:
        """Return every prefix the clitics can form, the empty one included."""
        found = set()
        for conjunction in ("", *self.conjunctions):
            for preposition in ("", *self.prepositions):
                for article in ("", self.article) if self.article else ("",):
                    joined = preposition + article
                    if article and preposition == self.article_contracts_after:
                        joined = preposition + article[1:]
                    found.add(conjunction + joined)
        return frozenset(found)


class Matching(_Data):
    """How glossary forms are found in text of this language."""

    layout: Literal["plain", "words", "stems"] = Field(
        default="plain",
        description="plain: an automaton over folded text; words: word codes (a language "
        "whose words nearly all carry diacritics); stems: word codes of stems (case endings)",
    )
    endings: tuple[str, ...] = Field(default=(), description="case endings, for 'stems'")
    endings_from: str | None = Field(
        default=None, description="the profile whose endings this language shares"
    )
    min_stem: int = Field(default=2, description="letters a stem keeps at least")
    same_letters: dict[str, str] = Field(
        default_factory=dict,
        description="for 'stems': letters read as another ('ё': 'е', which Russian prints "
        "either way: 'секретарём' is 'секретарем')",
    )
    kept_endings: tuple[str, ...] = Field(
        default=(),
        description="endings of 'stems' that a word never loses without another in their "
        "place: 'Мин' for 'Минь' is a misspelling, not a case form",
    )
    plural_endings: tuple[str, ...] = Field(
        default=(),
        description="endings a word of a glossary form may take in the plural ('Deputy "
        "Prime Ministers' for 'Deputy Prime Minister'), for MP101's second look",
    )
    attached_prefixes: tuple[str, ...] = Field(
        default=(),
        description="prefixes written against a form's first word ('exvicepresidente'), "
        "for MP101's second look",
    )
    inserted_words: tuple[str, ...] = Field(
        default=(),
        description="languages without spaces: words that may stand inside a form "
        "('省人民委员会原副主席': 原, former), for MP101's second look; '{n}' in one is a "
        "number in digits or Chinese numerals ('第{n}届': '省第十一届人民议会')",
    )
    optional_suffixes: tuple[str, ...] = Field(
        default=(),
        description="languages without spaces: ends a form may go without ('南定省' written "
        "'南定' in '南定和嘉莱两省'), for MP101's second look, where one of "
        "optional_suffix_cues follows in the sentence",
    )
    optional_suffix_cues: tuple[str, ...] = Field(
        default=(),
        description="what must follow a form gone without its suffix, in its sentence: the "
        "suffix itself ('两省') or a word the name is used for ('南定钢青队', a team)",
    )
    place_adjective_endings: tuple[str, ...] = Field(
        default=(),
        description="ends that make a one-word place name an adjective ('ский', 'ской': "
        "'по ханойскому времени' names Ханой), for MP101's second look",
    )
    adjective_changes: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="ends of a body's or place's one-word form replaced in its adjective, "
        "which names it too "
        "('ة': ['ي', 'ية']: 'القرار الحكومي', the government's resolution, names "
        "'الحكومة'), for MP101's second look",
    )
    word_changes: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="ends of a word replaced in the plural or by case ('y': ['ies'], "
        "'Deputy Secretaries'; es 'er': ['eros']; ru 'й': ['я', 'ю', 'ем', 'е'], 'Ханоя'), "
        "for MP101's second look",
    )
    predicate_words: tuple[str, ...] = Field(
        default=(),
        description="verbs right before a title's head, or before one of "
        "predicate_connectors and the head, that make it what a person named before it in "
        "the block becomes or is ('was elected Secretary', 'a été élu secrétaire', 'fue "
        "elegido secretario'): the head renders the title there, for MP101",
    )
    predicate_connectors: tuple[str, ...] = Field(
        default=(),
        description="words between a predicate word and the title's head ('elected its "
        "Secretary', 'élu comme', 'elegido como'); alone they make no predicate ('met its "
        "secretary' is someone else's)",
    )
    clitics: Clitics | None = None
    # Korean: particles attach to the noun ("서울에서"), so a form needs a word edge on
    # its left only.
    suffixes_attach: bool = False
    # A Latin-script language in which a Vietnamese name may turn up as the source spells
    # it, diacritics and all.
    source_names: bool = True
    # Capitals mark proper names by rule (Vietnamese: "Chính phủ" is the Government,
    # "chính phủ" any government; "Hòa Bình" the province, "hòa bình" peace): a glossary
    # form that starts with a capital matches only text that does.
    case_marks_names: bool = False
    # Two-syllable words of a language written a syllable at a time: a glossary form never
    # starts at their second syllable ("thời điểm cầu" holds no "điểm cầu").
    compounds: tuple[str, ...] = ()
    # ... and words whose first syllables close a glossary form: it never ends inside one
    # ("Đại sứ quán", the embassy, holds no "Đại sứ", the ambassador).
    closing_compounds: tuple[str, ...] = ()
    # Words of an administrative unit below a province: a place named right after one, or
    # in a list of names after one, is that unit, not the province of the same name
    # ("huyện Quảng Ninh", "các huyện Lệ Thủy, Quảng Ninh và Bố Trạch": districts).
    lower_units: tuple[str, ...] = ()
    # ... and those a language writes after the names ("Quang Ninh district", "Quang Ninh
    # and Le Thuy districts").
    lower_units_after: tuple[str, ...] = ()
    # In a language without spaces: glossary forms that, right after a letter of the
    # language's own, end another name ("老挝人民革命党中央": the Lao party's central
    # committee holds no "党中央", the Vietnamese party's).
    name_tails: tuple[str, ...] = ()
    # In a language without spaces: characters that end one glossary form and open the next,
    # written once for both ("安沛省人民委员会主席": 安沛省, the province, and
    # 省人民委员会主席, its committee's chairman).
    shared_characters: tuple[str, ...] = ()


class Numbers(_Data):
    """Dates and numbers as this language writes them."""

    months: tuple[tuple[str, ...], ...] = Field(
        default=(), description="twelve lists of month names and abbreviations, January first"
    )
    quarters: tuple[tuple[str, ...], ...] = Field(
        default=(),
        description="four lists of the ways to name a quarter of the year, the first first "
        "('quý I', 'first quarter', 'Q1'): compared as one (MP501)",
    )
    scales: dict[str, int] = Field(
        default_factory=dict,
        description="scale word -> power of ten ('tỷ': 9); see words_pattern for '*' and '.'",
    )
    money_scales: dict[str, int] = Field(
        default_factory=dict,
        description="scale words read as one only right before money, a currency's sign, "
        "code or word (French 'mds' in '22,4 mds USD', 'Md$'; not '12 MD-80'): power of ten",
    )
    date_patterns: tuple[str, ...] = Field(
        default=(), description="dates in words: '{d}' the day, '{m}' the month number"
    )
    road_prefixes: tuple[str, ...] = Field(
        default=(),
        description="capitals before a road's number ('QL279', 'ĐT741'): no flight code, "
        "which MP501 compares ('VN1547')",
    )
    month_words: tuple[str, ...] = Field(
        default=(),
        description="words for 'month' right before its number ('tháng 10'): that number "
        "is a month, the same as a date's month in a translation (MP501)",
    )
    month_year_patterns: tuple[str, ...] = Field(
        default=(),
        description="a month of a year in figures: '{m}' the month number, '{y}' the year "
        "('tháng {m}/{y}', '{y}年{m}月'); a month's name before a year ('July 2025', 'julio "
        "de 2025') is read in every language with months",
    )
    score_words: tuple[str, ...] = Field(
        default=(),
        description="words beside a match's score that make 'N-M' or 'N:M' a score ('thắng', "
        "'won', 'счётом', 'بنتيجة'), compared as one (MP501); '*' ends as in words_pattern",
    )
    score_marks: tuple[str, ...] = Field(
        default=(),
        description="words between a score's two numbers besides a dash or a colon ('21 to "
        "20', '21 à 20'; a score word must stand near); in a language without spaces, marks "
        "that make it a score by themselves ('比': '3比1')",
    )
    fold_increase: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="a word of times after a number -> the words of a rise right before the "
        "number, where 'rose by N times' is N + 1 times the earlier figure (Chinese "
        "'增长1.3倍' for 'tăng gấp 2,3 lần': {倍: [增长, 提高]}) (MP501)",
    )
    duration_patterns: tuple[str, ...] = Field(
        default=(),
        description="race times in words: '{m}' minutes, '{s}' seconds, '{f}' their "
        "hundredths ('{m} phút {s},{f} giây', '{m}分{s}秒{f}'); '2:05.31' and Russian "
        "'2.05,31' are read in every language (MP501); without '{m}', seconds alone are "
        "that number of seconds ('{s}秒{f}': '11秒38' is 11.38)",
    )
    ordinal_suffixes: tuple[str, ...] = Field(default=(), description="'28th', '1er'")
    month_prepositions: tuple[str, ...] = Field(default=(), description="'28 de septiembre'")
    number_words: dict[int, tuple[str, ...]] = Field(
        default_factory=dict,
        description="whole numbers from 2 to 9 -> the words that spell them, cardinal and "
        "ordinal, in their cases ('ba', 'three', 'третий'; '*' ends as in words_pattern): "
        "MP501 compares such numbers only where both blocks write figures and each has "
        "one the other lacks, and not a figure the other block spells; a language "
        "without them is not compared so",
    )
    night_words: tuple[str, ...] = Field(
        default=(),
        description="words for a night or an evening right before a date ('đêm 3/9'): "
        "only such a date may be written as the night to the next day in a translation "
        "(night_before_words, MP501)",
    )
    night_before_words: tuple[str, ...] = Field(
        default=(),
        description="words before a date that name the night before it ('в ночь на 4 "
        "сентября', the night of 3 to 4 September; '{d}' a day: 'в ночь с {d} на'): MP501 "
        "reads the source's date of the evening before as the same night",
    )
    order_words: tuple[str, ...] = Field(
        default=(),
        description="words right before a figure that make it a place in an order, not a "
        "count: a month, a weekday, a quarter, a rank ('tháng 7', July; 'thứ 7', Saturday; "
        "'quý 3'; '第3'): MP501 does not compare such a figure below ten as a number "
        "(translations name the month or the day)",
    )
    century_words_before: tuple[str, ...] = Field(
        default=(),
        description="words for a century written before its number, Roman or in figures "
        "('thế kỷ XV', 'siglo XV', 'القرن 15'): MP501 compares centuries",
    )
    century_words_after: tuple[str, ...] = Field(
        default=(),
        description="words for a century written after its number ('XVe siècle', 'XV век', "
        "'15th century', '15世纪'): MP501 compares centuries",
    )
    fraction_words: tuple[str, ...] = Field(
        default=(),
        description="words that say a share without a figure ('half', 'a quarter', 'all'): "
        "a block holding one may drop a round percentage (MP501)",
    )
    clock_words: tuple[str, ...] = Field(
        default=(),
        description="words after an hour of the day that make it a clock time ('5 p.m.', "
        "'8时'), not a duration ('48 giờ' may be either: no clock word): set aside "
        "like '17:00', a translation may write the hour otherwise (MP501)",
    )
    hour_words: tuple[str, ...] = Field(
        default=(),
        description="words between an hour and its minutes ('6 giờ 30', '6点30分'): with "
        "minutes after them, a part of the day or a word for 'at', a clock time, set aside "
        "like '6:30'; a whole hour with one at a range's end ('đến 22 giờ') is compared with "
        "a translation's clock time (MP501)",
    )
    minute_words: tuple[str, ...] = Field(
        default=(),
        description="words after the minutes of such a clock time ('phút', 'sáng', '分'); "
        "any other word after them makes the figures two numbers ('12 giờ 35 người')",
    )
    day_parts: tuple[str, ...] = Field(
        default=(),
        description="parts of the day after a whole hour and its hour word that make it a "
        "clock time ('7 giờ sáng'), compared as one (MP501)",
    )
    hour_fractions: tuple[str, ...] = Field(
        default=(),
        description="words after an hour word that make the time a fraction past the hour "
        "('10点半', half past ten; '一刻'): no whole hour, not read as one (MP501)",
    )
    clock_prepositions: tuple[str, ...] = Field(
        default=(),
        description="words for 'at' before an hour and its hour word that make it a clock "
        "time ('lúc 19 giờ'; without spaces, a part of the day: '晚上10点'), compared as one "
        "(MP501)",
    )
    hour_cues_before: tuple[str, ...] = Field(
        default=(),
        description="words before a whole hour and its hour word that make it a time of "
        "day, compared with a translation's clock time for it ('từ 15 giờ', 'trước 17 "
        "giờ'; besides the range words and words for 'at') (MP501)",
    )
    hour_cues_after: tuple[str, ...] = Field(
        default=(),
        description="words after a whole hour and its hour word that do the same ('7 giờ "
        "ngày 25/10') (MP501)",
    )
    time_zone_words: tuple[str, ...] = Field(
        default=(),
        description="words that name a time zone ('GMT', 'giờ Hà Nội', '北京时间'): a block "
        "naming one may give a clock time moved by whole hours, converted (MP501)",
    )
    approximators: tuple[str, ...] = Field(
        default=(),
        description="words between a number and its scale word that make it approximate "
        "('2320多万', '30余亿'): the scale is still the number's (MP501)",
    )
    unit_prefixes: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="scale words that are a unit's prefix when the unit follows -> those "
        "units: '兆瓦' is a megawatt in Chinese, not the Japanese 兆 (10^12) watts. Like "
        "scale words, they hold in the text of every language (a text quotes others)",
    )
    range_words: tuple[str, ...] = Field(
        default=(),
        description="words between the two ends of a range, which share one scale word "
        "('4,2 a 3,9 millones'); dashes and tildes need none",
    )
    units: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="unit (one of multipub.numbers.UNIT_KINDS: mm, cm, m, km, mi, mg, g, kg, "
        "t, ha, MW, kmh, F, C, VND, USD...) -> the words that name it after a number, for "
        "MP501's conversions and its same figure in another unit ('5 mg' written '5 g')",
    )
    eras: dict[str, int] = Field(
        default_factory=dict,
        description="era markers before a year -> years to subtract for the common era "
        "('พ.ศ.': 543)",
    )
    decimal_marks: str = Field(default="", description="decimal marks of its own ('٫')")
    decimal_mark: Literal[",", "."] | None = Field(
        default=None,
        description="which of ',' and '.' it writes before decimals ('3,5' or '3.5'): a "
        "lone one before three digits is then a decimal mark ('1,125 трлн', '2.125 "
        "million'), the other a thousands separator; unset, three digits after either "
        "make thousands",
    )
    group_marks: str = Field(default="", description="thousands separators of its own ('٬')")

    @field_validator("units")
    @classmethod
    def _known_units(cls, units: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        from multipub.numbers import UNIT_KINDS  # numbers reads the profiles: not at import

        unknown = sorted(set(units) - UNIT_KINDS.keys())
        if unknown:
            raise ValueError(
                f"unknown unit {', '.join(unknown)} (known: {', '.join(sorted(UNIT_KINDS))})"
            )
        return units

    @field_validator("number_words")
    @classmethod
    def _two_to_nine(cls, words: dict[int, tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
        outside = sorted(n for n in words if not 2 <= n <= 9)
        if outside:
            raise ValueError(f"number_words for {outside}: only 2 to 9 are compared")
        return words

    @field_validator("months")
    @classmethod
    def _twelve(cls, months: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        if months and len(months) != 12:
            raise ValueError(f"months has {len(months)} lists, not 12")
        return months

    @field_validator("quarters")
    @classmethod
    def _four(cls, quarters: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        if quarters and len(quarters) != 4:
            raise ValueError(f"quarters has {len(quarters)} lists, not 4")
        return quarters

    @field_validator("month_year_patterns")
    @classmethod
    def _month_and_year(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            if pattern.count("{m}") != 1 or pattern.count("{y}") != 1:
                raise ValueError(f"month_year_patterns {pattern!r} must hold {{m}} and {{y}} once")
        return patterns


class Gender(_Data):
    """Words that agree in gender with the person they are about."""

    honorifics: tuple[tuple[str, str], ...] = Field(
        default=(), description="(masculine, feminine) before a name: ('M.', 'Mme')"
    )
    verbs: tuple[tuple[str, str], ...] = Field(
        default=(), description="(masculine, feminine) past-tense verbs"
    )
    feminine_suffix: str = Field(
        default="", description="added to each of verb_stems for the feminine"
    )
    verb_stems: tuple[str, ...] = Field(
        default=(), description="masculine verbs whose feminine adds feminine_suffix"
    )
    verb_position: Literal["before", "after"] = Field(
        default="after", description="where the verb stands: before or after its subject"
    )
    clause_words: tuple[str, ...] = Field(
        default=(), description="words between a verb and a name that open a new clause"
    )
    not_subject_after: tuple[str, ...] = Field(
        default=(),
        description="where verbs follow their subject: words right before a name that make "
        "it no subject ('по словам X, ...', 'с X'); a verb of the list right before it does "
        "too ('поздравил X': X is the object)",
    )
    oblique_endings: tuple[str, ...] = Field(
        default=(),
        description="endings of a title's words in an oblique case, which may stand between "
        "a not_subject_after word and the name ('с министром, председателем комитета X'); "
        "a word without one ('министр') is in the nominative, the name's subject",
    )
    possessive_pronouns: tuple[str, ...] = Field(
        default=(),
        description="possessive pronouns ('его', 'её'): right before a word of "
        "not_subject_after they make it the name's apposition ('её муж X' is X, the "
        "subject; 'муж X' is X's husband)",
    )
    complement_endings: tuple[str, ...] = Field(
        default=(),
        description="endings of the words of a role noun's complement in the genitive, "
        "which may stand between it and a name that is the subject ('министр финансов X')",
    )
    past_tense_endings: tuple[str, ...] = Field(
        default=(),
        description="endings of a verb's past tense ('ла', 'ли'): a word with one after a "
        "role noun is its verb, not its complement ('Врач осмотрела X': X is the object)",
    )
    possessives: tuple[tuple[str, str], ...] = Field(
        default=(),
        description="(his, her) nouns after a name whose pronoun suffix agrees with it: "
        "('كلمته', 'كلمتها'), in his or her speech",
    )

    title_heads: tuple[tuple[str, str], ...] = Field(
        default=(),
        description="(masculine, feminine) nouns that open a title in apposition after a "
        "name: ('نائب', 'نائبة'), deputy; a feminine one about a man is reported (a "
        "masculine one about a woman is not: many houses write masculine titles for women)",
    )

    reported_speech: tuple[tuple[str, str], ...] = Field(
        default=(),
        description="(masculine, feminine) reported speech after its subject, whose pronoun "
        "is the subject ('said he', 'said she'): only where no clause word and no ';' or "
        "':' stands between the name and it ('..., who said she' is someone else)",
    )

    pronouns: tuple[tuple[str, str], ...] = Field(
        default=(),
        description="(masculine, feminine) subject pronouns that stand for people only "
        "('He', 'She'; '他', '她'), opening the sentence right after one about a person; "
        "where they also stand for things (French 'elle' is also 'la province'), set "
        "pronouns_need_a_verb",
    )
    pronouns_need_a_verb: bool = Field(
        default=False,
        description="the pronouns also stand for things (French 'il', 'elle'; Russian 'он', "
        "'она'): one counts only before a verb only people do, one of pronoun_verbs (without "
        "any, of the profile's gendered verbs): 'Elle a souligné', 'Он подчеркнул', at most "
        "one word between ('Он также подчеркнул')",
    )
    pronoun_verbs: tuple[str, ...] = Field(
        default=(),
        description="verbs only people do, after a pronoun that also stands for things "
        "('a souligné', 'a déclaré'): see pronouns_need_a_verb",
    )
    pronoun_not_after: tuple[str, ...] = Field(
        default=(),
        description="words between a person's name and a pronoun after it that bring in "
        "someone else the pronoun may be ('met', 'received', 'with', 'nurse'; '会见', '护士')",
    )
    object_verbs: tuple[str, ...] = Field(
        default=(),
        description="words of pronoun_not_after (verbs) that bring in someone else only "
        "through a person right after them (a capitalized name, an honorific, a person noun "
        "of pronoun_not_after, an object_pronoun): 'asked Minister X' and 'told her' do, "
        "'asked the staff' and 'welcomed 1.9 million visitors' do not",
    )
    object_pronouns: tuple[str, ...] = Field(
        default=(), description="pronouns for people as a verb's object ('him', 'her')"
    )
    predicates: tuple[str, ...] = Field(
        default=(),
        description="words after which a pronoun_not_after noun is said of the subject, "
        "no one else ('is a': 'X is a teacher. She...'; 'es': 'X es maestra. Ella...')",
    )
    role_nouns: tuple[str, ...] = Field(
        default=(),
        description="nouns for what a person is or does ('lawyer', 'avocate', 'diputada', "
        "'адвокат'), besides title_heads: right before a name, with only capitalized words "
        "between, one is that person's ('The lawyer X said': X opens the sentence, a "
        "pronoun after is X's); not nouns for relatives ('the wife of X' is someone else)",
    )
    quote_attribution: tuple[str, ...] = Field(
        default=(),
        description="how a pronoun right after a quotation's closing mark (its comma or dash "
        "aside) attributes it to its speaker, the subject of the sentence before the "
        "quotation: patterns of literal text and {pronoun} (one of pronouns, in any case; "
        "once in each), {verb} (one of speech_verbs) and {word} (any word): '{pronoun} "
        "{verb}' ('\"...,\" she said'), '{word}-t-{pronoun}' ('», a-t-elle déclaré')",
    )
    speech_verbs: tuple[str, ...] = Field(
        default=(), description="verbs of saying for {verb} in quote_attribution: 'said'"
    )
    place_nouns: tuple[str, ...] = Field(
        default=(),
        description="words right before a capitalized name that make it a place's ('station "
        "Thu Thiem', 'станции Тхутхием', 'la gare de Thu Thiem'; a linking word may stand "
        "between): between a person's name and a pronoun after it, no one the pronoun may "
        "be about",
    )
    not_someone: tuple[str, ...] = Field(
        default=(),
        description="capitalized words between a person's name and a pronoun after it that "
        "name no one (weekdays; months are the profile's own): any other capitalized word "
        "may be a name the pronoun is about; in a language without spaces, words holding a "
        "Vietnamese surname's character that name no one ('高温', '泰国', '河内')",
    )

    @field_validator("quote_attribution")
    @classmethod
    def _one_pronoun(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            if pattern.count("{pronoun}") != 1:
                raise ValueError(f"quote_attribution {pattern!r} must hold {{pronoun}} once")
            unknown = set(re.findall(r"\{(\w*)\}", pattern)) - {"pronoun", "verb", "word"}
            if unknown:
                raise ValueError(
                    f"quote_attribution {pattern!r}: unknown placeholder {sorted(unknown)[0]!r}"
                )
        return patterns

    @model_validator(mode="after")
    def _verbs_for_attribution(self) -> Gender:
        if any("{verb}" in p for p in self.quote_attribution) and not self.speech_verbs:
            raise ValueError("quote_attribution uses {verb} but speech_verbs is empty")
        if self.quote_attribution and not self.pronouns:
            raise ValueError("quote_attribution needs pronouns")
        return self

    def verb_pairs(self) -> tuple[tuple[str, str], ...]:
        """Return every (masculine, feminine) verb pair, suffixed ones first."""
        return (*((v, v + self.feminine_suffix) for v in self.verb_stems), *self.verbs)


class Furniture(_Data):
    """Labels of the page around an article, which scrapers paste into it."""

    views: tuple[str, ...] = Field(default=(), description="a view counter's word")
    comments: tuple[str, ...] = ()
    source: tuple[str, ...] = Field(default=(), description="'Source:'")
    share: tuple[str, ...] = ()
    share_on: tuple[str, ...] = Field(default=(), description="'Share on' Facebook")
    print: tuple[str, ...] = ()
    photo_credit: tuple[str, ...] = Field(
        default=(), description="words of a photo credit in this language: 'ảnh'"
    )


class Names(_Data):
    """What tells a personal name in this language's text."""

    surnames: tuple[str, ...] = ()
    not_names: tuple[str, ...] = Field(
        default=(), description="phrases shaped like a name that are not one (Hà Nội)"
    )
    countries: tuple[str, ...] = Field(
        default=(),
        description="other countries' names, which make an institution or title foreign "
        "('Quốc hội Mỹ', 'Thủ tướng Anh')",
    )
    place_words: tuple[str, ...] = Field(
        default=(),
        description="words before a place's name ('quận Hà Đông', 'quần đảo Hoàng Sa'): a "
        "name-shaped run after one is a place, not a person",
    )
    body_words: tuple[str, ...] = Field(
        default=(),
        description="words that end a body's name before a place word, its holder's name "
        "following ('UBND quận Trần Văn An'): the run is a person after all",
    )
    gendered_middle_names: dict[str, Literal["male", "female"]] = Field(
        default_factory=dict,
        description="middle names that show a person's gender: Thị a woman, Văn a man "
        "(what a suggested glossary entry's gender is taken from)",
    )


class Exonym(_Data):
    """The form a language traditionally prints for a Vietnamese name ("Hanoï")."""

    name: str = Field(description="the Vietnamese name, with its diacritics")
    kind: Literal["person", "place"] | None = Field(
        default=None, description="whose name: a person's, a place's, or either"
    )
    forms: tuple[str, ...] = Field(min_length=1, description="preferred first")


class Profile(_Data):
    """Everything multipub knows about one language."""

    tag: str = Field(description="BCP 47 primary language subtag: the file's name")
    name: str
    scripts: tuple[str, ...] = Field(description="scripts it is written in, main one first")
    spaces: bool | None = Field(
        default=None,
        description="words separated by spaces (default: what its main script does)",
    )
    site: bool = Field(
        default=False,
        description="the site publishes in it: a default candidate of language identification",
    )
    model: bool = Field(default=False, description="the language identifiers load a model for it")
    letters: Letters = Letters()
    function_words: tuple[str, ...] = Field(
        default=(),
        description="frequent words that settle a block's language without a model",
    )
    numbers: Numbers = Numbers()
    gender: Gender = Gender()
    furniture: Furniture = Furniture()
    matching: Matching = Matching()
    names: Names = Names()
    conjunctions: tuple[str, ...] = Field(default=(), description="'and' between a name's titles")
    title_qualifiers: tuple[str, ...] = Field(
        default=(),
        description="MP203, in a glossary's source language: words that make a title a "
        "narrower kind of the title without them ('Thường trực': a Permanent Deputy "
        "Secretary is a Deputy Secretary); the holder of the narrower one may be called by "
        "the broader one",
    )
    former_words: tuple[str, ...] = Field(
        default=(),
        description="MP203: words right before a title that say it was held before "
        "('former', 'ex', 'бывш*', '原'); '*' ends as in words_pattern",
    )
    former_words_after: tuple[str, ...] = Field(
        default=(),
        description="MP203: such words written right after the title ('وزير سابق')",
    )
    not_former_words: tuple[str, ...] = Field(
        default=(),
        description="MP203, in a language written without spaces: words that end in a "
        "former-word and are other words ('目前', now; '此前', before that): a title right "
        "after them is not said to be former",
    )
    state_words: tuple[str, ...] = Field(
        default=(),
        description="MP203: words for the country or the State after a one-word title and "
        "'of' ('President of the country', 'président du pays'): the State's post, not "
        "the title of a body the glossary does not know ('présidente du jury')",
    )
    other_title_words: tuple[str, ...] = Field(
        default=(),
        description="MP203: words right before a title that make it another title, one the "
        "glossary may not list ('Assoc.' Prof., 'Acting' Minister, 'Quyền' Bộ trưởng): the "
        "title written after them is not the one they hold",
    )
    abbreviations: tuple[str, ...] = Field(
        default=(), description="abbreviations whose final dot may end a title ('Co.')"
    )
    name_abbreviations: tuple[str, ...] = Field(
        default=(),
        description="abbreviations written before a name ('Dr.', 'Prof.'), whose dot, like "
        "an honorific's ('M.', 'Mr.'), ends no sentence: 'condamné M. Chau Van Luc' is one",
    )
    title_max_chars: int | None = Field(
        default=None, description="MP503: the longest title, when not the run's default"
    )
    title_width: Literal["characters", "display"] = Field(
        default="characters",
        description="MP503: how a title's length counts: characters, or display width "
        "(a full-width character 1, a half-width one a half: Chinese, Japanese, Korean)",
    )
    bleu_tokenizer: str = Field(default="13a", description="sacrebleu tokenizer for scores")
    length: float | None = Field(
        default=None,
        gt=0,
        description="alignment: how long a translation into it runs against English's "
        "(characters, a character of a weighted script counted as its weight)",
    )
    exonyms: tuple[Exonym, ...] = Field(
        default=(), description="traditional forms of Vietnamese names, before any rule's"
    )

    @property
    def separates_words(self) -> bool:
        """Return whether the language puts spaces between words."""
        return self.spaces if self.spaces is not None else script(self.scripts[0]).spaces


# --------------------------------------------------------------------------------------
# Loading


def _read_yaml(name: str) -> object:
    text = (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        raise ProfileError(f"multipub/lang/data/{name}: {error}") from None


def _problem(name: str, error: ValidationError) -> ProfileError:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return ProfileError(f"multipub/lang/data/{name}: {where}: {first['msg']}")


@cache
def sentence_end() -> re.Pattern[str]:
    """Return the pattern of a sentence's end: any script's sentence mark, then white
    space."""
    marks = "".join(dict.fromkeys("".join(s.sentence_marks for s in scripts().values())))
    return re.compile(f"[{re.escape(marks)}]\\s")


@cache
def scripts() -> Mapping[str, Script]:
    """Return the script table, by script name, in file order."""
    raw = _read_yaml("scripts.yaml")
    if not isinstance(raw, dict):
        raise ProfileError("multipub/lang/data/scripts.yaml: not a mapping of scripts")
    table: dict[str, Script] = {}
    for name, fields in raw.items():
        try:
            table[name] = Script.model_validate({"name": name, **fields})
        except ValidationError as error:
            raise _problem("scripts.yaml", error) from None
    return table


def script(name: str) -> Script:
    """Return the script called ``name`` ("latin", "han"...)."""
    return scripts()[name]


@cache
def profiles() -> Mapping[str, Profile]:
    """Return every language profile, by tag, sorted by tag."""
    table: dict[str, Profile] = {}
    names = sorted(
        entry.name
        for entry in (resources.files(__package__) / "data").iterdir()
        if entry.name.endswith(".yaml") and entry.name != "scripts.yaml"
    )
    known_scripts = scripts()
    for name in names:
        raw = _read_yaml(name)
        try:
            found = Profile.model_validate(raw)
        except ValidationError as error:
            raise _problem(name, error) from None
        if f"{found.tag}.yaml" != name:
            raise ProfileError(f"multipub/lang/data/{name}: tag {found.tag!r} is not the name")
        unknown = [s for s in found.scripts if s not in known_scripts]
        if unknown or not found.scripts:
            raise ProfileError(f"multipub/lang/data/{name}: unknown scripts {unknown}")
        table[found.tag] = found
    for found in table.values():
        shared = found.matching.endings_from
        if shared is not None and shared not in table:
            raise ProfileError(
                f"multipub/lang/data/{found.tag}.yaml: matching.endings_from: no profile {shared!r}"
            )
    return table


# --------------------------------------------------------------------------------------
# Tags


def primary_subtag(tag: str) -> str:
    """Return the language part of a BCP 47 tag, lower-cased: "zh-Hans" -> "zh"."""
    found = _PRIMARY.get(tag)
    if found is None:
        # Asked hundreds of times per article about a handful of tags: remembered.
        if len(_PRIMARY) > 4096:
            _PRIMARY.clear()
        found = _PRIMARY[tag] = tag.replace("_", "-").split("-", 1)[0].lower()
    return found


_PRIMARY: dict[str, str] = {}


def tag_matches(language_range: str, tag: str) -> bool:
    """Return whether ``tag`` falls in ``language_range`` (RFC 4647 basic filtering, case
    ignored): "zh" matches "zh-Hans" and "zh-Hant-TW", "zh-Hans" does not match "zh"."""
    wanted = language_range.replace("_", "-").lower()
    have = tag.replace("_", "-").lower()
    return wanted == "*" or have == wanted or have.startswith(wanted + "-")


def profile(tag: str) -> Profile | None:
    """Return the profile of a BCP 47 tag's language, None for a language not profiled."""
    return profiles().get(primary_subtag(tag))


@cache
def _script_subtags() -> dict[str, str]:
    # ISO 15924 codes of the scripts in the table, as a tag's script subtag writes them.
    codes = {
        "latn": "latin",
        "arab": "arabic",
        "cyrl": "cyrillic",
        "hans": "han",
        "hant": "han",
        "hani": "han",
        "jpan": "kana",
        "hira": "kana",
        "kana": "kana",
        "hang": "hangul",
        "kore": "hangul",
        "thai": "thai",
        "laoo": "lao",
        "khmr": "khmer",
        "mymr": "myanmar",
        "deva": "devanagari",
        "grek": "greek",
        "hebr": "hebrew",
        "geor": "georgian",
        "armn": "armenian",
    }
    return {code: name for code, name in codes.items() if name in scripts()}


@cache
def scripts_of(tag: str) -> tuple[str, ...]:
    """Return the scripts a variant tagged ``tag`` is written in: the tag's script subtag
    when it names one ("sr-Latn"), else its profile's, else none."""
    subtags = tag.replace("_", "-").lower().split("-")[1:]
    table = _script_subtags()
    for subtag in subtags:
        if len(subtag) == 4 and subtag in table:
            return (table[subtag],)
    found = profile(tag)
    return found.scripts if found is not None else ()


def writes(tag: str, script_name: str) -> bool:
    """Return whether the language of ``tag`` is written in ``script_name``."""
    return script_name in scripts_of(tag)


def languages(
    *, script: str | None = None, site: bool | None = None, model: bool | None = None
) -> tuple[str, ...]:
    """Return the profiled languages' tags (sorted) that are written in ``script`` (their
    main script), published by the site, or modelled by language identification."""
    return tuple(
        tag
        for tag, found in profiles().items()
        if (script is None or found.scripts[0] == script)
        and (site is None or found.site == site)
        and (model is None or found.model == model)
    )


# --------------------------------------------------------------------------------------
# Patterns built from the data


@cache
def letter_class(script_name: str) -> str:
    """Return a regex character class of the letters (str.isalpha) of a script."""
    return _class_of(_letter_ranges(script_name))


@cache
def _letter_ranges(script_name: str) -> tuple[tuple[int, int], ...]:
    """Return the runs of letters (str.isalpha) of a script's ranges, as inclusive
    (first, last) code points."""
    runs: list[tuple[int, int]] = []
    for low, high in script(script_name).ranges:
        start: int | None = None
        for code in range(low, high + 2):
            is_letter = code <= high and chr(code).isalpha()
            if is_letter and start is None:
                start = code
            elif not is_letter and start is not None:
                runs.append((start, code - 1))
                start = None
    return tuple(runs)


# Any character outside the Basic Multilingual Plane: one range, tested at C speed.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class LetterScan:
    """The letters of some scripts, searched and counted fast.

    A regex class that holds characters beyond U+FFFF (Han's extensions, kana
    supplements) is scanned by re as a bitmap and then a list of ranges tried in turn for
    every character that is not in the bitmap: 2.7 us for a Russian sentence against 0.55
    us for the class without them. So the class is split: its characters of the Basic
    Multilingual Plane in one pattern, the others in a second, read only when the text
    holds a character beyond U+FFFF at all (most texts hold none). Same answers.
    """

    def __init__(self, script_names: Iterable[str]) -> None:
        """Build the scan of the letters of ``script_names`` (names of the script table)."""
        items: list[tuple[int, int]] = []
        for name in script_names:
            items.extend(_letter_ranges(name))
        basic = [(low, min(high, 0xFFFF)) for low, high in items if low <= 0xFFFF]
        astral = [(max(low, 0x10000), high) for low, high in items if high > 0xFFFF]
        self._basic = re.compile(_class_of(basic)) if basic else None
        self._astral = re.compile(_class_of(astral)) if astral else None

    def search(self, text: str) -> bool:
        """Return True when ``text`` holds a letter of the scripts."""
        if self._basic is not None and self._basic.search(text) is not None:
            return True
        return (
            self._astral is not None
            and _ASTRAL.search(text) is not None
            and self._astral.search(text) is not None
        )

    def count(self, text: str) -> int:
        """Return how many letters of the scripts ``text`` holds."""
        found = len(self._basic.findall(text)) if self._basic is not None else 0
        if self._astral is not None and _ASTRAL.search(text) is not None:
            found += len(self._astral.findall(text))
        return found


def _class_of(ranges: Iterable[tuple[int, int]]) -> str:
    """Return a regex character class of code point ``ranges`` (inclusive)."""
    parts = [
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    ]
    return "[" + "".join(parts) + "]"


@cache
def letter_scan(*script_names: str) -> LetterScan:
    """Return the :class:`LetterScan` of the letters of ``script_names``, made once."""
    return LetterScan(script_names)


@cache
def letter_pattern(
    tag: str, which: Literal["distinctive", "shared", "marked"] = "distinctive"
) -> re.Pattern[str]:
    """Return the pattern of one letter of a language's ``letters`` (both cases spelt out:
    a case-insensitive class is several times slower to scan); never matches when the
    profile lists none."""
    found = profile(tag)
    chars = getattr(found.letters, which) if found is not None else ""
    return re.compile(f"[{chars}{chars.upper()}]") if chars else re.compile("(?!)")


@cache
def _script_by_code() -> tuple[tuple[int, int, str], ...]:
    return tuple(
        sorted((low, high, name) for name, s in scripts().items() for low, high in s.ranges)
    )


def script_of(char: str) -> str | None:
    """Return the name of the script ``char`` belongs to, None when in none of the table's."""
    code = ord(char)
    for low, high, name in _script_by_code():
        if low <= code <= high:
            return name
        if low > code:
            break
    return None


def words_pattern(words: Iterable[str], *, bounded: bool = True) -> str:
    """Return a regex alternation of profile words, longest first.

    Profile word lists use two marks: a final ``*`` stands for any word ending
    ("просмотр*": просмотров, просмотры), a final ``.`` for an optional full stop ("млрд.").
    Spaces match any run of white space. With ``bounded``, a word (not its ending) cannot
    run on into a longer word.
    """
    alternatives = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        body, ending, bound = word, "", r"(?!\w)" if bounded else ""
        if body.endswith("*"):
            body, ending, bound = body[:-1], r"\w*", ""
        elif body.endswith(".") and len(body) > 1:
            body, ending = body[:-1], r"\.?"
        pattern = r"\s+".join(re.escape(part) for part in body.split())
        alternatives.append(pattern + bound + ending)
    return "(?:" + "|".join(alternatives) + ")" if alternatives else "(?!)"
