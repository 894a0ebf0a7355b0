"""Glossary files: loading, combining, and every kind of invalid glossary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from multipub.glossary import EntryKind, Gender, GlossaryError, TermForms, load_glossary

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
name: desk
source_lang: vi
entries:
  - id: person/tran-quoc-hung
    kind: person
    gender: male
    terms:
      vi: Trần Quốc Hưng
      ar: {preferred: تران كوك هونغ, accepted: [تران كووك هونغ]}
      ru: Чан Куок Хынг
    roles:
      - {title: title/permanent-deputy-secretary, from: 2020-10-01, to: 2025-06-30}
  - id: title/permanent-deputy-secretary
    kind: title
    terms:
      vi: Phó Bí thư Thường trực Tỉnh ủy
      ar: {preferred: نائب الأمين الدائم للجنة الحزب, feminine: نائبة الأمين الدائم للجنة الحزب, forbidden: [نائب الأمين العام الدائم]}
      fr: {preferred: secrétaire adjoint permanent, feminine: secrétaire adjointe permanente}
  - id: term/video-conference-point
    kind: term
    terms:
      vi: điểm cầu
      ar: {preferred: نقطة الاتصال, forbidden: [جسر]}
      zh: {preferred: 分会场, forbidden: [桥]}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_a_good_glossary(tmp_path: Path) -> None:
    glossary = load_glossary(_write(tmp_path, "desk.yaml", GOOD))
    entries = glossary.by_id()
    person = entries["person/tran-quoc-hung"]
    assert person.kind is EntryKind.PERSON and person.gender is Gender.MALE
    assert person.roles[0].from_ == date(2020, 10, 1)
    assert person.roles[0].held_on(date(2024, 1, 1))
    assert not person.roles[0].held_on(date(2025, 7, 1))
    title = entries["title/permanent-deputy-secretary"]
    ar = title.forms("ar")
    assert ar is not None and ar.feminine == "نائبة الأمين الدائم للجنة الحزب"
    assert ar.plural == ()
    assert ar.forbidden == ("نائب الأمين العام الدائم",)
    # a variant tag falls back to its primary subtag
    assert entries["term/video-conference-point"].forms("zh-Hans") is not None
    assert glossary.fingerprint() == load_glossary(tmp_path / "desk.yaml").fingerprint()


def test_a_plural_form_alone_or_in_a_list(tmp_path: Path) -> None:
    one = GOOD.replace(
        "feminine: نائبة الأمين الدائم للجنة الحزب,",
        "feminine: نائبة الأمين الدائم للجنة الحزب, plural: نواب الأمين الدائم للجنة الحزب,",
    )
    two = GOOD.replace(
        "feminine: نائبة الأمين الدائم للجنة الحزب,",
        "feminine: نائبة الأمين الدائم للجنة الحزب, plural: [نواب الأمين الدائم للجنة الحزب, "
        "نائبا الأمين الدائم للجنة الحزب],",
    )
    forms = [
        load_glossary(_write(tmp_path, "desk.yaml", text))
        .by_id()["title/permanent-deputy-secretary"]
        .forms("ar")
        for text in (one, two)
    ]
    assert forms[0] is not None and forms[0].plural == ("نواب الأمين الدائم للجنة الحزب",)
    assert forms[1] is not None and forms[1].plural[1] == "نائبا الأمين الدائم للجنة الحزب"
    assert forms[1].good_forms()[2:4] == forms[1].plural  # after preferred and feminine


@pytest.mark.parametrize(
    ("change", "entry", "field", "message"),
    [
        (
            ("kind: term", "kind: thing"),
            "term/video-conference-point",
            "kind",
            "unknown kind 'thing'",
        ),
        (
            ("vi: điểm cầu", "vi: '  '"),
            "term/video-conference-point",
            "terms.vi.preferred",
            "must not be empty",
        ),
        (
            ("gender: male", "gender: unknown"),
            "person/tran-quoc-hung",
            "gender",
            "'male' or 'female'",
        ),
        (
            ("title/permanent-deputy-secretary, from", "title/no-such-title, from"),
            "person/tran-quoc-hung",
            "roles[0].title",
            "no entry 'title/no-such-title'",
        ),
        (
            ("id: term/video-conference-point", "id: title/permanent-deputy-secretary"),
            "title/permanent-deputy-secretary",
            "id",
            "id defined twice",
        ),
        (
            (
                "      zh: {preferred: 分会场",
                "      fr: secrétaire adjoint permanent\n      zh: {preferred: 分会场",
            ),
            "term/video-conference-point",
            "terms.fr.preferred",
            "also the preferred form of 'title/permanent-deputy-secretary'",
        ),
        (
            (
                "      ar: {preferred: نقطة الاتصال,",
                "      ar: {preferred: نقطة الاتصال, plural: ' ',",
            ),
            "term/video-conference-point",
            "terms.ar.plural",
            "must not be empty",
        ),
        (
            (
                "      ar: {preferred: نقطة الاتصال,",
                "      ar: {preferred: نقطة الاتصال, plural: [جسر],",
            ),
            "term/video-conference-point",
            "terms.ar",
            "'جسر' is both a good form and forbidden",
        ),
        (
            ("      ar: {preferred: نقطة الاتصال,", "      ar: {preferred: نقطة … الاتصال,"),
            "term/video-conference-point",
            "terms.ar",
            "a name slot '…' is for accepted forms only",
        ),
        (
            (
                "      ar: {preferred: نقطة الاتصال,",
                "      ar: {preferred: نقطة الاتصال, plural: [نقاط الاتصال], "
                "accepted: [نقاط الاتصال],",
            ),
            "term/video-conference-point",
            "terms.ar",
            "'نقاط الاتصال' is both a plural form and accepted",
        ),
        (
            ("    kind: term\n", "    kind: term\n    gender: female\n"),
            "term/video-conference-point",
            None,
            "'gender' is for persons only",
        ),
        (
            ("      ru: Чан Куок Хынг", "      ru: Чан Куок Хынг\n    colour: red"),
            "person/tran-quoc-hung",
            "colour",
            "unknown field 'colour'",
        ),
    ],
)
def test_invalid_glossaries_name_entry_and_field(
    tmp_path: Path, change: tuple[str, str], entry: str, field: str | None, message: str
) -> None:
    assert change[0] in GOOD
    path = _write(tmp_path, "bad.yaml", GOOD.replace(change[0], change[1], 1))
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    problems = caught.value.problems
    assert any(
        p.entry == entry and (field is None or p.field == field) and message in p.message
        for p in problems
    ), problems
    assert all(p.path == path.as_posix() or "+" in p.path for p in problems)


def test_yaml_errors_have_lines(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as caught:
        load_glossary(
            _write(
                tmp_path,
                "dup.yaml",
                GOOD.replace("      ru: Чан Куок Хынг", "      ru: Чан Куок Хынг\n      ru: Чан"),
            )
        )
    [problem] = caught.value.problems
    assert problem.message == "duplicate key 'ru'" and problem.line == 11
    with pytest.raises(GlossaryError) as caught:
        load_glossary(_write(tmp_path, "syntax.yaml", "entries: [\n"))
    assert caught.value.problems[0].message.startswith("invalid YAML")


def test_files_combine_and_references_cross_files(tmp_path: Path) -> None:
    people, titles = GOOD.split("  - id: title/permanent-deputy-secretary")
    _write(tmp_path, "a-people.yaml", people)
    _write(
        tmp_path,
        "b-titles.yaml",
        "name: titles\nentries:\n  - id: title/permanent-deputy-secretary" + titles,
    )
    combined = load_glossary(tmp_path)
    assert combined.name == "desk+titles"
    assert len(combined.entries) == 3
    # alone, the people file names a title that does not exist
    with pytest.raises(GlossaryError, match="no entry 'title/permanent-deputy-secretary'"):
        load_glossary(tmp_path / "a-people.yaml")


def test_an_id_defined_in_two_files_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "one.yaml", GOOD)
    _write(tmp_path, "two.yaml", GOOD.replace("name: desk", "name: copy"))
    with pytest.raises(GlossaryError) as caught:
        load_glossary(tmp_path)
    problems = caught.value.problems
    # Each on the second file, naming the first (not on a combined "one+two" name).
    assert {p.entry for p in problems} == {
        "person/tran-quoc-hung",
        "title/permanent-deputy-secretary",
        "term/video-conference-point",
    }
    assert {(Path(p.path).name, p.message) for p in problems} == {
        ("two.yaml", f"id defined in {(tmp_path / 'one.yaml').as_posix()} too")
    }


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "one.yaml", GOOD)
    assert load_glossary([tmp_path, path]) == load_glossary(path)


def test_missing_and_empty(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such file"):
        load_glossary(tmp_path / "nope.yaml")
    with pytest.raises(GlossaryError, match="no glossary files"):
        load_glossary(tmp_path)


def test_the_shipped_glossary_is_valid() -> None:
    glossary = load_glossary(ROOT / "glossaries")
    kinds = {e.kind for e in glossary.entries}
    assert kinds == set(EntryKind)
    assert {"vi", "en", "fr", "ru", "ar", "zh"} <= set(glossary.languages())
    point = glossary.by_id()["term/video-conference-point"]
    ar = point.forms("ar")
    assert ar is not None and ar.preferred == "نقطة الاتصال" and "جسر" in ar.forbidden


def test_the_gender_of_a_form_is_told_by_the_words_the_two_forms_do_not_share() -> None:
    forms = TermForms(
        preferred="directeur général",
        feminine="directrice générale",
        accepted=("directeur", "directrice", "DG"),
    )
    assert forms.gender_of("directrice") is Gender.FEMALE
    assert forms.gender_of("directeur") is Gender.MALE
    assert forms.gender_of("DG") is None  # neither's words
    assert TermForms(preferred="ministre").gender_of("ministre") is None  # no feminine
    # a prefix on a word: the Arabic article, a Spanish "vice"
    arabic = TermForms(preferred="نائب الرئيس", feminine="نائبة الرئيس", accepted=("النائبة",))
    assert arabic.gender_of("النائبة") is Gender.FEMALE
    # worded otherwise: words of both genders' forms tell nothing
    spanish = TermForms(
        preferred="presidente de la Asamblea Nacional",
        feminine="presidenta del Parlamento",
        accepted=("presidente del Parlamento",),
    )
    assert spanish.gender_of("presidente del Parlamento") is None
