"""Block alignment: the narrow first band gives what the wide band alone gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from multipub.align import _BAND, _align_in_band, _side, align_blocks

FLORES = Path(__file__).resolve().parents[2] / "shared" / "data" / "flores200" / "devtest"


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


def _trials(source: list[str], target: list[str], count: int, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        size = rng.randint(0, 40)
        start = rng.randrange(len(source) - size)
        blocks = source[start : start + size]
        edited = _edited(rng, target[start : start + size], target)
        narrow = [(p.source, p.target) for p in align_blocks(blocks, edited)]
        assert narrow == _wide(blocks, edited), (start, size)


def test_narrow_band_equals_wide_band_on_generated_text() -> None:
    rng = random.Random(11)
    words = "an binh cao dan dat giang hoa khanh lam minh nam phu 2024 15 3,5 50-KL/TW".split()
    source = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 40))) for _ in range(300)]
    # The "translation": other lengths, the same numbers and codes.
    target = [" ".join(w.upper() * 2 if w.isalpha() else w for w in s.split()) for s in source]
    _trials(source, target, 400, seed=1)


@pytest.mark.skipif(not (FLORES / "vie_Latn.devtest").exists(), reason="no FLORES-200 data")
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
    assert pairs == _wide(source, target)
    linked = [(s, t) for s, t in pairs if s and t]
    assert linked[0] == ((3,), (0,)) and linked[-1] == ((19,), (16,))
    assert ((0,), ()) in pairs and ((), (19,)) in pairs
