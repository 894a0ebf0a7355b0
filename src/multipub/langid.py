"""Language identification per block: the script first, a statistical model only when needed.

A news article's blocks are mostly settled by their letters alone: Vietnamese has letters no
other language writes (ơ, ư, ạ, ế...), Chinese is Han without Kana, Japanese has Kana, Korean
Hangul, Thai, Lao and Khmer each their own script. Only Latin text without Vietnamese
letters, and Arabic or Cyrillic text when several candidate languages share the script, go
to a model, and only when the block has enough letters for a model to mean something.

Short blocks (bylines, view counters, photo credits, names) are the trap: a detector that
sees "شوان فونغ" (a Vietnamese name written in Arabic letters) may call it Persian with
full confidence. Here a block of fewer than :data:`MIN_LETTERS` letters is answered by its
script (Arabic letters are "ar" when Arabic is the only candidate written in them) or not
at all (``Guess(None, 0.0, "short")``), never by a detector's guess.

Two model backends sit behind :class:`LanguageIdentifier`:

* ``"lingua"`` (lingua-language-detector, the default): n-gram models shipped inside the
  wheel, restricted to the site's languages and their look-alikes;
* ``"langdetect"``: the port of Google's language-detection, always seeded, because its
  sampling is otherwise random.

:data:`DEFAULT_BACKEND` is lingua, on bench/bench_langid.py's numbers (FLORES-200 devtest,
31 languages, 11,451 blocks): with the site's languages as candidates both are right on
99.7% of the blocks they answer, but lingua takes 52 µs per block against 213; with the
look-alikes as candidates lingua is right on 94.4% against 85.5%, because langdetect has
no model for Belarusian, Serbian or Malay (on the languages both know: 97.9% and 98.1%);
used alone on every block, without the script stage, lingua is wrong on 13% and langdetect
on 25%. Its cost is memory: 168 MiB peak with the site's models loaded (langdetect: 63),
505 MiB with all of them, and 0.8 s to load the site's models on first use. Neither
package is imported until a block needs a model, so ``import multipub`` stays fast.

Answers are BCP 47 primary language subtags ("vi", "ar", "zh", "fa"...). Results are
deterministic: the same text and arguments give the same :class:`Guess`, in any call order.

Known limit: Vietnamese written without diacritics has no Vietnamese letters, so the script
cannot settle it; it goes to the model with the other Latin text, which may or may not
recognize it.

Before asking a model, the checks ask :func:`plainly_in`: a block whose function words (the
profiles' ``function_words``: words frequent in one language and rare in its neighbours)
plainly name its variant's language needs no model. It settles most prose blocks in
microseconds, and a run whose blocks it all settles never loads a model.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from itertools import chain
from typing import TYPE_CHECKING, Any, Protocol

from multipub.lang import Profile, ProfileError, languages, letter_class, primary_subtag
from multipub.lang import profile as lang_profile
from multipub.lang import scripts as lang_scripts

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "ALL_LANGUAGES",
    "BACKENDS",
    "DEFAULT_BACKEND",
    "FUNCTION_WORDS_MIN",
    "FUNCTION_WORDS_RATIO",
    "LOOKALIKES",
    "MIN_LETTERS",
    "SITE_LANGUAGES",
    "Guess",
    "LangdetectIdentifier",
    "LanguageIdentifier",
    "LinguaIdentifier",
    "backend_signature",
    "clear_cache",
    "function_words_language",
    "get_identifier",
    "identify",
    "plainly_in",
    "url_spans",
    "without_urls",
]

# The languages the site publishes in (their profiles say `site: true`): the answers a
# check asks about by default.
SITE_LANGUAGES: tuple[str, ...] = languages(site=True)
# Languages a model may confuse with a site language (same script, close vocabulary), and
# languages the script stage names (profiles with `model: true`). The backends are built for
# all of them; a caller who passes them as candidates can be told "Portuguese, not Spanish"
# or "Persian, not Arabic".
LOOKALIKES: tuple[str, ...] = tuple(
    tag for tag in languages(model=True) if tag not in SITE_LANGUAGES
)
ALL_LANGUAGES: tuple[str, ...] = SITE_LANGUAGES + LOOKALIKES

BACKENDS: tuple[str, ...] = ("lingua", "langdetect")
# Chosen on bench/bench_langid.py's numbers: see the module docstring.
DEFAULT_BACKEND = "lingua"

# Below this many letters a block is too short for any statistical model: on FLORES blocks
# of fewer than 20 characters the backends alone are wrong on 23% (lingua) and 36%
# (langdetect) of them, against 9.5% and 22% on blocks of 20-50 (bench_langid.py, "raw").
# Digits, punctuation, URLs and e-mail addresses are not letters.
MIN_LETTERS = 20
# The dominant script must hold this share of the (weighted) letters, otherwise the block
# mixes scripts (an Urdu sentence quoting Latin words) and no language is named.
MIXED_SHARE = 2 / 3
# Weights of a letter when scripts compete for dominance (the script table's `weight`): a
# Han character or a Hangul syllable block stands for a syllable or a word, like three
# Latin letters; a Kana for a mora, like two. Unweighted, "赫希及崔斯（Hershey and Chase）的实验"
# is 60% Latin. Scripts weighted so compete as one group: Japanese and Korean mix them.
_SCRIPT_WEIGHT = {name: s.weight for name, s in lang_scripts().items() if s.weight != 1}
# Share of Latin letters that must be Vietnamese-specific. In FLORES Vietnamese sentences
# it is 22% at the median and above 10.7% in 99% of them (the rest, full of foreign names,
# go to the model, which knows Vietnamese too); French and Portuguese reach 4.5% and
# Romanian 13%, but only with ă â ê ô, so at least one letter that only Vietnamese writes
# (ơ, ư or a tone letter of the Latin Extended Additional block) is required as well.
# An English sentence quoting one Vietnamese name stays below 5%, but one that ends with a
# phrase left in Vietnamese reaches 6-9% (bench_precision.py): 10% tells them apart, and a
# Vietnamese sentence below it goes to the model.
VI_SHARE = 0.10
# Kana share of the Han and Kana letters above which CJK text is Japanese: FLORES Japanese
# has at least 27%; Chinese none (the katakana middle dot "・" that Chinese text borrows is
# punctuation, not a letter).
KANA_SHARE = 0.1
# Hangul share of CJK letters above which text is Korean (Korean may mix in Hanja).
HANGUL_SHARE = 0.2

_CACHE_SIZE = 8192


@dataclass(frozen=True, slots=True)
class Guess:
    """The language of one block.

    ``lang`` is a BCP 47 primary subtag ("vi", "ar", "zh"...) or None when undetermined;
    ``confidence`` is between 0 and 1; ``method`` says what decided: "script" (the letters
    alone), "short" (too few letters to decide), or the backend's name ("lingua",
    "langdetect").
    """

    lang: str | None
    confidence: float
    method: str


class LanguageIdentifier(Protocol):
    """A statistical model that names the language of a text among candidate languages."""

    name: str

    def identify(self, text: str, candidates: Sequence[str]) -> Guess:
        """Return the most likely of ``candidates`` for ``text`` (lang None if none fits)."""
        ...

    # Results are cached per identifier, so an identifier must be hashable.
    def __hash__(self) -> int: ...


# ---------------------------------------------------------------------------------------
# Scripts


@cache
def _script_languages() -> dict[str, tuple[str, ...]]:
    """Return, per script, the modelled languages written mainly in it: the pool a model
    chooses from."""
    return {
        name: tuple(t for t in ALL_LANGUAGES if t in languages(script=name))
        for name in lang_scripts()
    }


@cache
def _only_language(script: str) -> str | None:
    """Return the one profiled language written mainly in ``script`` ("thai": "th"), None
    when several are (Latin, Arabic, Cyrillic) or none is: the script alone names it."""
    written = languages(script=script)
    return written[0] if len(written) == 1 else None


# URLs, e-mail addresses and bare domain names: their letters say nothing about the
# block's language ("vnexpress.net" is not English).
_URL_OR_EMAIL = re.compile(
    r"(?:https?|ftp)://\S+"
    r"|www\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?:[A-Za-z0-9-]+\.)+(?:com|net|org|vn|gov|edu|info|io|ru|cn|fr|es|uk|de)\b(?:/\S*)?",
    re.IGNORECASE,
)
# What every match of _URL_OR_EMAIL contains. Most blocks contain none of it, and the
# pattern itself backtracks through every word (its e-mail branch): 40-50 µs a paragraph.
# Searched in the text in lower case, not with IGNORECASE, which keeps re from jumping
# to the few characters a match opens with (twice as fast, lowering included).
_URL_HINT = re.compile(r"://|www\.|@|\.(?:com|net|org|vn|gov|edu|info|io|ru|cn|fr|es|uk|de)\b")


def _may_hold_url(text: str) -> bool:
    """Return whether ``text`` holds what every URL or e-mail address holds, in any case."""
    return _URL_HINT.search(text.lower()) is not None


def url_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``text``'s URLs, e-mail addresses and bare domain names, in
    text order (none, most often, found by one quick search). A bare domain's last part
    is in lower case: "Vietnam.Es decir" is two sentences without their space."""
    if not _may_hold_url(text):
        return []
    return [
        found.span()
        for found in _URL_OR_EMAIL.finditer(text)
        if any(mark in found.group() for mark in ("://", "@", "www."))
        or not found.group().rstrip("/").rsplit(".", 1)[-1][:1].isupper()
    ]


def without_urls(text: str) -> str:
    """Return ``text`` with its URLs, e-mail addresses and bare domain names
    ("canhbao.ndc.gov.vn") blanked, each by as many spaces: places in it stay those of
    ``text``. (Returns ``text`` itself when it holds none.)"""
    if not _may_hold_url(text):
        return text
    return _URL_OR_EMAIL.sub(lambda found: " " * len(found.group()), text)


def _vietnamese() -> Profile:
    found = lang_profile("vi")
    if found is None:
        raise ProfileError("multipub/lang/data/vi.yaml: the Vietnamese profile is missing")
    return found


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the script scanner, the strong and the weak Vietnamese letter patterns.

    Built on first use, not at import: filtering ~200,000 code points takes milliseconds.
    """
    groups = "|".join(f"(?P<{name}>{letter_class(name)}+)" for name in lang_scripts())
    # Any other letter, one at a time so that it cannot swallow a run of a known script.
    scanner = re.compile(groups + r"|(?P<other>[^\W\d_])")
    letters = _vietnamese().letters
    strong = re.compile("[" + letters.distinctive + letters.distinctive.upper() + "]")
    weak = re.compile("[" + letters.shared + letters.shared.upper() + "]")
    return scanner, strong, weak


_UNSCANNED = re.compile(r"[\W\d_]+")


@cache
def _script_letters() -> dict[str, re.Pattern[str]]:
    """Return, per script group, the pattern of a run of its letters."""
    return {name: re.compile(letter_class(name) + "+") for name in lang_scripts()}


def _letter_counts(text: str) -> dict[str, int]:
    """Return the number of letters per script group in ``text`` (only groups present, in
    the order they first occur)."""
    scanner = _patterns()[0]
    # The letters of the first letter's script go first, most of a block, counted by
    # deleting them; then what no script group can match (spaces, digits, punctuation:
    # where the scanner would try every group in vain), from the little that is left.
    # All in C: a Python step per word made this a third of language identification,
    # and deleting the spaces and marks first, from the whole block, half of the rest.
    # (No script's letter is such a character: same counts, same order.)
    first = scanner.search(text)
    if first is None:
        return {}
    counts: dict[str, int] = {}
    group = first.lastgroup or "other"
    if group != "other":
        rest = _script_letters()[group].sub("", text)
        counts[group] = len(text) - len(rest)
        text = rest
    text = _UNSCANNED.sub("", text)
    for match in scanner.finditer(text):
        group = match.lastgroup or "other"
        counts[group] = counts.get(group, 0) + match.end() - match.start()
    return counts


def _cleaned(text: str) -> str:
    """Return ``text`` NFC-normalized, its URLs and e-mail addresses blanked: what the
    script stage and the function words read."""
    if not unicodedata.is_normalized("NFC", text):
        # Decomposed Vietnamese (a + combining marks) must count as its precomposed letters.
        text = unicodedata.normalize("NFC", text)
    if _may_hold_url(text):
        text = _URL_OR_EMAIL.sub(" ", text)
    return text


def _dominant_script(counts: dict[str, int]) -> tuple[dict[str, int], str, float]:
    """Return the weighted letters per script group of ``counts`` (not empty), the
    dominant group and its share of them."""
    # Han, Kana and Hangul compete as one group: Japanese and Korean text mix them.
    groups = {k: v for k, v in counts.items() if k not in _SCRIPT_WEIGHT}
    if counts.get("han", 0) + counts.get("kana", 0) + counts.get("hangul", 0):
        groups["cjk"] = sum(counts.get(k, 0) * w for k, w in _SCRIPT_WEIGHT.items())
    # Ties go to the first group found, a fixed order: the result stays deterministic.
    script = max(groups, key=lambda g: groups[g])
    return groups, script, groups[script] / sum(groups.values())


def _looks_vietnamese(text: str, latin_letters: int) -> bool:
    """Return whether Vietnamese-specific letters make ``text`` Vietnamese by script alone."""
    _, strong, weak = _patterns()
    n_strong = len(strong.findall(text))
    if n_strong == 0:
        return False
    return (n_strong + len(weak.findall(text))) >= VI_SHARE * latin_letters


# ---------------------------------------------------------------------------------------
# Backends


def _best(scores: dict[str, float], method: str) -> Guess:
    """Return the Guess for the best of ``scores`` (tag -> probability), None if all are 0.

    lingua's confidences vary in the last bits from call to call (its floating-point sums
    are not done in a fixed order), so they are rounded to 6 decimals, and ties go to the
    alphabetically first tag: the same text always gives the same Guess.
    """
    rounded = {tag: round(min(max(value, 0.0), 1.0), 6) for tag, value in scores.items()}
    if not rounded or max(rounded.values()) <= 0.0:
        return Guess(None, 0.0, method)
    tag = min(rounded, key=lambda t: (-rounded[t], t))
    return Guess(tag, rounded[tag], method)


def _missing(package: str, error: ImportError) -> ImportError:
    return ImportError(
        f"language identification backend needs {package!r}: pip install {package}, "
        f"or choose another backend among {BACKENDS} ({error})"
    )


class LinguaIdentifier:
    """lingua-language-detector, restricted to ``languages`` (the site's and look-alikes).

    One detector is built per set of candidates actually asked about, which lets lingua's
    rule engine and models consider only those; lingua shares its models between detector
    instances, so this costs no extra memory. Models load lazily per language.
    """

    name = "lingua"

    def __init__(
        self, languages: Sequence[str] = ALL_LANGUAGES, *, low_accuracy: bool = False
    ) -> None:
        self.languages = tuple(dict.fromkeys(primary_subtag(lang) for lang in languages))
        # Low accuracy mode (trigrams only) is off: bench_langid.py measured it right on
        # 87.6% of 20-50 character blocks against 93.1% (all candidates), for half the
        # time and a sixth of the memory. Short blocks are most of a page's furniture.
        self.low_accuracy = low_accuracy
        self._lock = threading.Lock()
        self._detectors: dict[tuple[str, ...], LanguageDetector] = {}
        self._known: dict[str, Any] | None = None

    def _languages(self) -> dict[str, Any]:
        """Return lingua's Language for each configured tag lingua knows (importing lingua)."""
        if self._known is None:
            try:
                from lingua import IsoCode639_1, Language
            except ImportError as error:
                raise _missing("lingua-language-detector", error) from error
            known: dict[str, Any] = {}
            for tag in self.languages:
                try:
                    known[tag] = Language.from_iso_code_639_1(IsoCode639_1.from_str(tag))
                except ValueError:
                    continue  # a language lingua has no model for (Lao, Khmer: by script)
            self._known = known
        return self._known

    def _detector(self, tags: tuple[str, ...]) -> LanguageDetector:
        with self._lock:
            detector = self._detectors.get(tags)
            if detector is None:
                from lingua import LanguageDetectorBuilder

                known = self._languages()
                builder = LanguageDetectorBuilder.from_languages(*(known[t] for t in tags))
                if self.low_accuracy:
                    builder = builder.with_low_accuracy_mode()
                detector = builder.build()
                self._detectors[tags] = detector
            return detector

    def supported_languages(self) -> tuple[str, ...]:
        """Return the configured languages lingua has a model for (imports lingua)."""
        return tuple(self._languages())

    def identify(self, text: str, candidates: Sequence[str]) -> Guess:
        """Return lingua's most likely candidate for ``text``, with its confidence.

        Candidates lingua does not know are ignored; lang is None when none is left or
        lingua finds no evidence (a text with no letters of the candidates' alphabets).
        """
        known = self._languages()
        tags = tuple(sorted({primary_subtag(c) for c in candidates} & known.keys()))
        if not tags:
            return Guess(None, 0.0, self.name)
        if len(tags) == 1:
            return Guess(tags[0], 1.0, self.name)
        values = self._detector(tags).compute_language_confidence_values(text)
        scores = {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}
        return _best(scores, self.name)


# langdetect's profile names that are not plain primary subtags.
_LANGDETECT_PROFILES = {"zh": ("zh-cn", "zh-tw")}


class LangdetectIdentifier:
    """langdetect with a fixed seed, restricted to ``languages`` (the site's and look-alikes).

    langdetect samples n-grams at random: each ``Detector`` seeds its own
    ``random.Random`` with its factory's ``seed`` at the start of every detection, and an
    unseeded factory draws from the system. This class owns a private factory with
    ``seed`` set and makes a fresh detector per call, so a result depends on neither the
    order of calls, nor other threads, nor anyone setting ``langdetect.DetectorFactory.seed``.
    The factory is read-only after loading, which is why no lock is needed per call.
    Candidates are imposed through a prior of zero for the other languages.
    """

    name = "langdetect"

    def __init__(self, seed: int = 0, languages: Sequence[str] = ALL_LANGUAGES) -> None:
        self.seed = seed
        self.languages = tuple(dict.fromkeys(primary_subtag(lang) for lang in languages))
        self._lock = threading.Lock()
        self._factory: Any = None

    def _load(self) -> Any:
        """Return the seeded factory holding this identifier's profiles (importing langdetect)."""
        with self._lock:
            if self._factory is None:
                try:
                    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
                except ImportError as error:
                    raise _missing("langdetect", error) from error
                from pathlib import Path

                directory = Path(PROFILES_DIRECTORY)
                profiles = []
                for tag in self.languages:
                    for profile in _LANGDETECT_PROFILES.get(tag, (tag,)):
                        path = directory / profile
                        if path.is_file():  # no profile: Belarusian, Serbian, Malay...
                            profiles.append(path.read_text("utf-8"))
                factory = DetectorFactory()
                factory.load_json_profile(profiles)
                factory.set_seed(self.seed)
                self._factory = factory
            return self._factory

    def supported_languages(self) -> tuple[str, ...]:
        """Return the configured languages langdetect has a profile for (imports langdetect)."""
        return tuple(dict.fromkeys(primary_subtag(p) for p in self._load().get_lang_list()))

    def identify(self, text: str, candidates: Sequence[str]) -> Guess:
        """Return langdetect's most likely candidate for ``text``, with its probability.

        lang is None when no candidate has a profile or the text has no usable n-grams.
        """
        from langdetect.lang_detect_exception import LangDetectException

        factory = self._load()
        wanted = {primary_subtag(c) for c in candidates}
        prior = {
            profile: 1.0 for profile in factory.get_lang_list() if primary_subtag(profile) in wanted
        }
        if not prior:
            return Guess(None, 0.0, self.name)
        tags = {primary_subtag(p) for p in prior}
        if len(tags) == 1:
            return Guess(tags.pop(), 1.0, self.name)
        detector = factory.create()
        detector.set_prior_map(prior)
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return Guess(None, 0.0, self.name)
        # zh-cn and zh-tw are one answer, "zh": add up their probabilities.
        scores: dict[str, float] = {}
        for item in ranked:
            tag = primary_subtag(item.lang)
            scores[tag] = scores.get(tag, 0.0) + float(item.prob)
        return _best(scores, self.name)


_IDENTIFIERS: dict[str, LanguageIdentifier] = {}
_IDENTIFIERS_LOCK = threading.Lock()


def get_identifier(name: str) -> LanguageIdentifier:
    """Return the shared identifier named ``name`` ("lingua" or "langdetect").

    Building it imports nothing: its package is imported on the first block that needs a
    model. Raises ValueError for an unknown name.
    """
    with _IDENTIFIERS_LOCK:
        identifier = _IDENTIFIERS.get(name)
        if identifier is None:
            if name == "lingua":
                identifier = LinguaIdentifier(ALL_LANGUAGES)
            elif name == "langdetect":
                identifier = LangdetectIdentifier(seed=0)
            else:
                raise ValueError(f"unknown language identification backend {name!r}: {BACKENDS}")
            _IDENTIFIERS[name] = identifier
        return identifier


def backend_signature(backend: str | LanguageIdentifier | None = None) -> str:
    """Return what identifies a backend's results in a report signature.

    For example "lingua-2.1.1" or "langdetect-1.0.9-seed0": the package version changes the
    models, the seed changes langdetect's answers.
    """
    identifier = _resolve(backend)
    packages = {"lingua": "lingua-language-detector", "langdetect": "langdetect"}
    try:
        version = metadata.version(packages.get(identifier.name, identifier.name))
    except metadata.PackageNotFoundError:
        version = "missing"
    parts = [identifier.name, version]
    if isinstance(identifier, LinguaIdentifier) and identifier.low_accuracy:
        parts.append("low")
    if isinstance(identifier, LangdetectIdentifier):
        parts.append(f"seed{identifier.seed}")
    return "-".join(parts)


def _resolve(backend: str | LanguageIdentifier | None) -> LanguageIdentifier:
    if backend is None:
        return get_identifier(DEFAULT_BACKEND)
    if isinstance(backend, str):
        return get_identifier(backend)
    return backend


# ---------------------------------------------------------------------------------------
# Script first


def _identify(
    text: str, candidates: tuple[str, ...], backend: LanguageIdentifier, min_letters: int
) -> Guess:
    """Return the language of ``text``: see :func:`identify` (no cache)."""
    text = _cleaned(text)
    counts = _letter_counts(text)
    letters = sum(counts.values())
    if letters == 0:
        return Guess(None, 0.0, "short")
    groups, script, share = _dominant_script(counts)
    cjk = counts.get("han", 0) + counts.get("kana", 0) + counts.get("hangul", 0)
    if share < MIXED_SHARE:
        return Guess(None, 0.0, "script")
    if script == "cjk":
        if counts.get("hangul", 0) >= HANGUL_SHARE * cjk:
            script = "hangul"
        else:
            # Han without Kana is Chinese; simplified and traditional are not told apart.
            kana = counts.get("kana", 0)
            script = (
                "kana" if kana >= KANA_SHARE * (kana + counts.get("han", 0)) and kana else "han"
            )
    only = _only_language(script)
    if only is not None:
        return Guess(only, share, "script")
    if script == "latin" and _looks_vietnamese(text, groups[script]):
        return Guess("vi", share, "script")
    written = _script_languages().get(script, ())
    if not written:
        return Guess(None, 0.0, "script")
    pool = tuple(c for c in candidates if c in written)
    if len(pool) == 1:
        return Guess(pool[0], share, "script")
    if letters < min_letters:
        primary = lang_scripts()[script].default_language
        if not pool and primary is not None:
            # No candidate writes this script: whatever it is, it is not a candidate, and
            # the script's main language says so without pretending to know which one.
            return Guess(primary, share / len(written), "script")
        # Several candidates share the script: naming one would be a guess, and a wrong
        # guess is a false wrong-language finding (bench: 25% of short FLORES blocks of
        # Persian, Urdu, Ukrainian... when the default was "ar"/"ru").
        return Guess(None, 0.0, "short")
    # When no candidate writes this script, any answer is outside the candidates anyway:
    # name the most likely language of the script rather than none.
    return backend.identify(text, pool or written)


@lru_cache(maxsize=_CACHE_SIZE)
def _identify_cached(
    text: str, candidates: tuple[str, ...], backend: LanguageIdentifier, min_letters: int
) -> Guess:
    return _identify(text, candidates, backend, min_letters)


@lru_cache(maxsize=256)
def _candidates(candidates: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(primary_subtag(c) for c in candidates))


def identify(
    text: str,
    *,
    candidates: Sequence[str] = SITE_LANGUAGES,
    backend: str | LanguageIdentifier | None = None,
    min_letters: int = MIN_LETTERS,
    cache: bool = True,
) -> Guess:
    """Return the language of one block of text as a :class:`Guess`.

    The script decides first, without any model:

    * Vietnamese-specific letters (ơ, ư, tone letters; with ă â đ ê ô counted too) making at
      least 5% of the Latin letters: "vi";
    * Hangul: "ko"; Kana: "ja"; Han only: "zh" (simplified and traditional alike); Thai,
      Lao, Khmer (and Greek, Hebrew, Georgian, Armenian): that language;
    * Arabic or Cyrillic with one candidate of that script ("ar" among the site's
      languages): that candidate.

    These answers hold whatever the length and whatever ``candidates`` (a Thai block is
    Thai). Otherwise a model (``backend``: a name from :data:`BACKENDS`, an identifier, or
    None for :data:`DEFAULT_BACKEND`) chooses among the candidates written in the block's
    script; when no candidate writes it, among all languages of that script. Before that,
    a block of fewer than ``min_letters`` letters (URLs, e-mail addresses, digits and
    punctuation do not count) gets ``Guess(None, 0.0, "short")``: several candidates share
    its script, and a detector's guess on a few words is no evidence. (When no candidate
    writes its script, a short Arabic or Cyrillic block gets "ar" or "ru" by script.) A
    block whose dominant script holds less than two thirds of its letters (a Han character
    weighing three Latin letters), or of an unknown script, gets
    ``Guess(None, 0.0, "script")``.

    ``candidates`` are BCP 47 tags ("zh-Hans" counts as "zh"). Results are cached on the
    text and arguments (news repeats captions and bylines); ``cache=False`` bypasses it.
    """
    resolved = _resolve(backend)
    pool = _candidates(tuple(candidates))
    if cache:
        return _identify_cached(text, pool, resolved, min_letters)
    return _identify(text, pool, resolved, min_letters)


def clear_cache() -> None:
    """Empty the caches of :func:`identify` and :func:`plainly_in` (returns nothing)."""
    _identify_cached.cache_clear()
    _plainly_in.cache_clear()


# ---------------------------------------------------------------------------------------
# Function words

# A block is plainly in a language when, against every other language of its script that
# lists function words, at least FUNCTION_WORDS_MIN of its words are on that language's
# list and not on the other's, and more than FUNCTION_WORDS_RATIO times as many as the
# other way round (at least two different words, so "Nu 150 ... Nu 200" is no evidence).
# Words both lists hold ("de" in Spanish and French) count for neither against the other,
# so a word goes on every list of a language that writes it often. The lists were written
# looking at the even lines of FLORES-200 devtest; on the odd ones and the blocks cut from
# them (bench_langid.py --function-words) the shortcut settles 80% of the English blocks of
# 30 letters or more, 77% of the French, 49% of the Spanish (99%, 99% and 94% of those of
# 120 characters or more), and the language it names is the block's on 99.9% or more of
# them, for every language; where lingua disagrees (Catalan 0.8%, Vietnamese typed without
# diacritics 10%), lingua is wrong. With three words needed, not two, it settled 60%, 54%
# and 30% for at most 0.1 point of agreement.
FUNCTION_WORDS_MIN = 2
FUNCTION_WORDS_RATIO = 2

_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class _FunctionWords:
    owners: dict[str, frozenset[str]]  # word -> the languages whose lists hold it
    script: dict[str, str]  # language a shortcut may name -> its main script
    rivals: dict[str, frozenset[str]]  # -> the other languages with lists of that script


@cache
def _function_words() -> _FunctionWords:
    """Return the profiles' function words, indexed for :func:`plainly_in`."""
    owners: dict[str, set[str]] = {}
    script: dict[str, str] = {}
    for tag in languages():
        found = lang_profile(tag)
        if found is None or not found.function_words:
            continue
        script[tag] = found.scripts[0]
        for word in found.function_words:
            owners.setdefault(word.lower(), set()).add(tag)
    rivals = {
        tag: frozenset(other for other in script if other != tag and script[other] == main)
        for tag, main in script.items()
    }
    named = {tag: main for tag, main in script.items() if tag in ALL_LANGUAGES}
    return _FunctionWords({w: frozenset(t) for w, t in owners.items()}, named, rivals)


# What _URL_HINT looks for besides "@" and "://", in lower case only (a case-insensitive
# scan is 20 times slower; a capitalized URL just stays, its words names).
_TLD_OR_WWW = re.compile(r"www\.|\.(?:com|net|org|vn|gov|edu|info|io|ru|cn|fr|es|uk|de)\b")


def plainly_in(text: str, lang: str) -> bool:
    """Return True when the function words of ``text`` say plainly that it is in ``lang``.

    Only languages with a model (:data:`ALL_LANGUAGES`) are ever named; the lists of the
    others (Galician) count against them. The block must also be written in the
    language's script (six letters of it for every other letter), and a Latin-script
    block with Vietnamese letters enough for the script stage is Vietnamese only. See
    :data:`FUNCTION_WORDS_MIN` for the rule and its numbers. Results are cached, as
    :func:`identify`'s are.
    """
    return _plainly_in(text, primary_subtag(lang))


@lru_cache(maxsize=_CACHE_SIZE)
def _plainly_in(text: str, lang: str) -> bool:
    table = _function_words()
    main = table.script.get(lang)
    if main is None:
        return False
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "@" in text or "://" in text or _TLD_OR_WWW.search(text):
        text = _URL_OR_EMAIL.sub(" ", text)
    owners = table.owners
    # Words as written: a capitalized word is a name more often than not ("Do Van Khai"
    # holds a Vietnamese "do" and a Dutch "van"), except the block's first.
    words = _WORDS.findall(text)
    if words:
        words[0] = words[0].lower()
    listed = [word for word in words if word in owners]
    mine = [word for word in listed if lang in owners[word]]
    if len(mine) < FUNCTION_WORDS_MIN or len(set(mine)) < 2:
        return False
    counts = Counter(chain.from_iterable(map(owners.__getitem__, listed)))
    # Words the language's list and another's both hold count for neither.
    shared = Counter(chain.from_iterable(map(owners.__getitem__, mine)))
    # Only a rival some word names can be ahead: with none of its words, the language
    # has its FUNCTION_WORDS_MIN words against none. (One pass over the few languages
    # the words name, not over every rival of the script.)
    rivals = table.rivals[lang]
    for rival, count in counts.items():
        if rival in rivals:
            ahead = len(mine) - shared[rival]
            if (
                ahead < FUNCTION_WORDS_MIN
                or ahead < FUNCTION_WORDS_RATIO * (count - shared[rival]) + 1
            ):
                return False
    # Its script's letters, six for every other letter: two thirds of them even were the
    # others Han, weighing three. (Counted by deleting them, in C.)
    joined = "".join(words)
    own = len(joined) - len(_script_letters()[main].sub("", joined))
    if own < 6 * (len(joined) - own):
        return False
    return lang == "vi" or main != "latin" or not _looks_vietnamese(text, own)


def function_words_language(text: str) -> str | None:
    """Return the language the function words of ``text`` plainly name (see
    :func:`plainly_in`), None when they name none. At most one language can be."""
    owners = _function_words().owners
    counts: dict[str, int] = {}
    for word in _WORDS.findall(_cleaned(text).lower()):
        for holder in owners.get(word, ()):
            counts[holder] = counts.get(holder, 0) + 1
    for lang in sorted(counts, key=lambda t: (-counts[t], t)):
        if counts[lang] >= FUNCTION_WORDS_MIN and plainly_in(text, lang):
            return lang
    return None
