"""MP4xx: is each block in its variant's language (MP401), and free of runs of another
language or script (MP402)? MP303 (untranslated-block) asks the same identifier."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Severity
from multipub.lang import letter_class, letter_pattern, primary_subtag, scripts_of, writes
from multipub.langid import SITE_LANGUAGES, Guess, identify, plainly_in, without_urls
from multipub.models import TextUnit
from multipub.names import capitals
from multipub.text import text_span
from multipub.translit import parse_syllable

__all__ = ["block_language", "foreign_fragments"]


@cache
def _model_decides(lang: str, candidates: tuple[str, ...]) -> bool:
    """Return whether a block of ``lang`` may reach a model: when another candidate is
    written in its script (otherwise the script alone answers, and sooner)."""
    main = scripts_of(lang)[:1]
    return sum(1 for c in candidates if scripts_of(c)[:1] == main) > 1


# Quoted spans (a book, a song, a speaker's own words) and runs of capitalized words (a
# team, a company, an organization) are often in another language than the sentence around
# them: "Presentó «How to Build Strong Teams», su libro" is Spanish. They are blanked
# before a block's language is judged; what is left must still be long enough to judge.
_QUOTED = re.compile(
    r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|«[^»\n]{1,300}»|„[^“”\n]{1,300}[“”]|「[^」]{1,300}」"
)


@cache
def _capitalized_run() -> re.Pattern[str]:
    upper = capitals()
    # "Not after a letter" tested after the first capital (re then skips ahead to a
    # capital in C): the same matches as a lookbehind before it.
    return re.compile(rf"[{upper}](?<!\w.)[\w'’-]*(?:[ \u00a0]+[{upper}][\w'’-]*)+")


def _without_names_and_quotes(text: str) -> str:
    """Return ``text`` with its quoted spans and runs of two or more capitalized words
    blanked (as spaces, so that no two words run together)."""
    if any(q in text for q in '"“«„「'):
        text = _QUOTED.sub(" ", text)
    return _capitalized_run().sub(" ", text)


def _without_vietnamese_runs(text: str, lang: str) -> str:
    """Return ``text`` without the runs of Vietnamese words that MP402 finds in it, when
    they are less than half of it: a phrase left untranslated does not make an English
    block Vietnamese (MP402 reports the phrase; the rest is judged)."""
    if primary_subtag(lang) == "vi" or letter_pattern("vi").search(text) is None:
        return text
    runs = [(a, b) for a, b, what in foreign_fragments(text, lang) if what == "Vietnamese words"]
    if not runs or 2 * sum(b - a for a, b in runs) >= len(text.strip()):
        return text
    for start, end in reversed(runs):
        text = text[:start] + " " + text[end:]
    return text


def block_language(ctx: VariantContext, unit: TextUnit) -> Guess | None:
    """Return the language of a unit when it is known well enough to report on, else None
    (see :func:`_block_language`); asked once per unit, whichever check asks first."""
    key = ("language", ctx.lang, unit.field, unit.block)
    memo = ctx.shared.memo
    if key not in memo:
        memo[key] = _block_language(ctx, unit)
    found = memo[key]
    return found if isinstance(found, Guess) else None


def _block_language(ctx: VariantContext, unit: TextUnit) -> Guess | None:
    """Return the language of a unit when it is known well enough to report on, else None.

    Known well enough: decided by the script (Vietnamese letters, Arabic, Han...), or by the
    model with ``language_confidence`` on a block of ``language_min_letters`` letters or
    more. Bylines and short blocks (counters, names, captions of a few words) never are.
    """
    if unit.field == "byline":
        return None
    config = ctx.config
    expected = primary_subtag(ctx.lang)
    candidates = tuple(
        dict.fromkeys(
            (*SITE_LANGUAGES, primary_subtag(ctx.lang), primary_subtag(ctx.article.source_lang))
        )
    )
    text = _without_vietnamese_runs(unit.text, ctx.lang)
    # A block whose function words are plainly those of its variant's language needs no
    # model (a model call is ~0.2-0.5 ms a block, and the first loads models for ~0.7 s):
    # the model is for the blocks they cannot settle. Where the script settles the block
    # anyway (a Russian variant among the site's languages), the script is asked.
    if (
        _model_decides(expected, candidates)
        and letter_pattern("vi").search(text) is None
        and plainly_in(text, expected)
    ):
        return Guess(expected, 1.0, "function words")
    guess = identify(
        text,
        candidates=candidates,
        backend=config.langid,
        min_letters=config.language_min_letters,
    )
    if guess.method != "script":
        # The model judges the block's own words: without its quotes and names, when
        # enough is left to judge (a block that is all quote is judged whole), and when
        # they settle it; whole, when they say the same less surely.
        own_words = _without_names_and_quotes(text)
        if own_words != text:
            # Half the letters a whole block needs: what is left around a quote is short
            # ("Dijo que ... en la reunión"), and it only has to agree or disagree.
            judged = identify(
                own_words,
                candidates=candidates,
                backend=config.langid,
                min_letters=max(12, config.language_min_letters // 2),
            )
            if judged.lang is not None and judged.confidence >= config.language_confidence:
                guess = judged
            elif judged.lang is not None and judged.lang != guess.lang:
                return None  # the block's own words and the whole disagree: not settled
    if guess.lang is None:
        return None
    if guess.method != "script" and guess.confidence < config.language_confidence:
        return None
    return guess


@register(
    code="MP401",
    name="wrong-language",
    severity=Severity.ERROR,
    summary="A block (or title, lead) in a language that is neither the variant's nor the "
    "source's (that is MP303). The script decides first (Vietnamese letters, Arabic, "
    "Cyrillic, Han, Hangul, Kana...), and a language model (`--langid`: lingua by "
    "default, or langdetect) only among the languages of that script, and only for blocks "
    "of `language_min_letters` letters (30) or more with `language_confidence` (0.9): "
    "bylines, counters and names are never judged.",
    why="A CMS that files the English text under the French edition, or a block left in "
    "the language of a wire story, publishes a page its readers cannot read.",
    bad="fr, block 2:\n\n> The provincial People's Committee approved the plan on Monday.",
    good="fr, block 2:\n\n> Le Comité populaire provincial a approuvé le plan lundi.",
)
def wrong_language(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per block in a third language."""
    expected = primary_subtag(ctx.lang)
    source = primary_subtag(ctx.article.source_lang)
    for unit in ctx.units():
        guess = block_language(ctx, unit)
        if guess is None or guess.lang in (expected, source):
            continue
        yield Problem(
            field=unit.field,
            block=unit.block,
            span=text_span(unit.text),
            message=f"{unit.describe()} is in {guess.lang}, not {expected} "
            f"({guess.method}, {guess.confidence:.2f})",
        )


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@cache
def _latin_word() -> re.Pattern[str]:
    return re.compile(letter_class("latin") + "+")


@cache
def _three_latin_words() -> re.Pattern[str]:
    """Return the cheap pre-test of a run of Latin-script words (Unicode-aware: "été")."""
    word = letter_class("latin") + "{2,}"
    return re.compile(rf"{word}\W+{word}\W+{word}")


def foreign_fragments(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, what)`` for runs of another language or script in ``text``.

    In a translation that is not Vietnamese: three or more words carrying Vietnamese
    letters (one at least a letter only Vietnamese has), unmarked Vietnamese syllables
    allowed between them, and at least one word in lower case (a name is MP205's matter).
    In a text of a language written in another script (Arabic, Cyrillic, Chinese, Thai...):
    three or more Latin-script words of prose: at least three, and half, in lower case (not
    a name, a title or "et al.").
    """
    primary = primary_subtag(lang)
    found: list[tuple[int, int, str]] = []
    # Cheap tests first: most blocks have no Vietnamese letter and no run of Latin words.
    # A run needs a letter only Vietnamese writes (see below): French and Spanish have
    # marked letters in every block (é, á), but not those.
    marked = letter_pattern("vi", "marked")
    vietnamese = primary != "vi" and letter_pattern("vi").search(text) is not None
    latin = (
        bool(scripts_of(lang))
        and not writes(lang, "latin")
        and _three_latin_words().search(text) is not None
    )
    if not vietnamese and not latin:
        return
    # A URL, an e-mail address or a domain name ("canhbao.ndc.gov.vn") is no prose.
    words = list(_WORD.finditer(without_urls(text)))
    if vietnamese:
        for run in _runs(text, words, _vietnamese_word):
            with_marks = [w for w in run if marked.search(w.group()) and parse_syllable(w.group())]
            # Prose, not names: a marked word in lower case (names are MP205's matter).
            has_lowercase = any(w.group()[0].islower() for w in with_marks)
            distinctive = letter_pattern("vi")
            strong = any(distinctive.search(w.group()) for w in with_marks)
            if len(with_marks) >= 3 and has_lowercase and strong:
                found.append((with_marks[0].start(), with_marks[-1].end(), "Vietnamese words"))
    if latin:
        latin_word = _latin_word()
        for run in _runs(text, words, lambda w: latin_word.fullmatch(w) is not None):
            lowercase = sum(1 for w in run if w.group()[0].islower())
            start, end = run[0].start(), run[-1].end()
            overlaps = any(a < end and start < b for a, b, _ in found)
            if len(run) >= 3 and lowercase >= 3 and 2 * lowercase >= len(run) and not overlaps:
                found.append((start, end, "Latin-script words"))
    yield from sorted(found)


def _vietnamese_word(word: str) -> bool:
    # Marked words, and unmarked Vietnamese syllables in lower case ("y", "to", "cho")
    # that a run of marked words carries along; a capitalized word too, since a Vietnamese
    # phrase names companies and places of any language ("với Procter & Gamble và",
    # "phía bắc Sumatra, hòn đảo"): it carries the run without counting as Vietnamese.
    if word[0].isupper():
        return True
    if letter_pattern("vi", "marked").search(word):
        # A Vietnamese word is one syllable: "ocurrió", "según" share its letters only.
        return parse_syllable(word) is not None
    return word.islower() and parse_syllable(word) is not None


def _runs(
    text: str, words: list[re.Match[str]], belongs: Callable[[str], bool]
) -> Iterator[list[re.Match[str]]]:
    """Yield the maximal runs of words that belong, separated by spaces, commas or dashes."""
    run: list[re.Match[str]] = []
    for word in words:
        if belongs(word.group()) and (
            not run or not text[run[-1].end() : word.start()].strip(" ,-–.&0123456789")
        ):
            run.append(word)
            continue
        if run:
            yield run
        run = [word] if belongs(word.group()) else []
    if run:
        yield run


@register(
    code="MP402",
    name="foreign-fragment",
    severity=Severity.WARNING,
    summary="A run of another language or script inside a block: three or more words with "
    "Vietnamese letters in a translation (a title or phrase left untranslated; names, "
    "which are capitalized, are MP205's matter), or three or more Latin-script words of "
    "prose in a variant whose language is written in another script (Arabic, Cyrillic, "
    "Han, Thai...). Acronyms, codes (50-KL/TW), URLs, e-mail addresses, domain names "
    "('canhbao.ndc.gov.vn') and glossary forms are not runs of words.",
    why="Machine translation leaves what it does not know as it is: a Vietnamese title in "
    "the middle of an English sentence, an English clause in a Russian one.",
    bad="en:\n\n> After the meeting, Phó Bí thư Thường trực Tỉnh ủy Tran Quoc Hung spoke.",
    good="en:\n\n> After the meeting, Permanent Deputy Secretary of the Provincial Party "
    "Committee Tran Quoc Hung spoke.",
)
def foreign_fragment(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per run of another language or script."""
    expected = primary_subtag(ctx.lang)
    for index, unit in enumerate(ctx.units()):
        if unit.field == "byline":
            continue
        # The cheap test first: most blocks hold no fragment, and their language and
        # glossary mentions need not be asked for (a model call, a scan of the variant,
        # when no other check has asked yet).
        fragments = list(foreign_fragments(unit.text, ctx.lang))
        if not fragments:
            continue
        whole = block_language(ctx, unit)
        if whole is not None and whole.lang != expected:
            continue  # the whole block is in another language: MP303 or MP401
        covered = [(m.start, m.end) for m in ctx.mentions()[index]]
        for start, end, what in fragments:
            if any(a <= start and end <= b for a, b in covered):
                continue
            if 2 * (end - start) > len(unit.text.strip()):
                continue  # most of the block: MP303 or MP401 speak for it
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=(start, end),
                message=f"{what} in a {ctx.lang} text: '{unit.text[start:end][:60]}'",
            )
