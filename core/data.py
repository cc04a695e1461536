"""Words in, (context, next character) examples out: the lecture's data pipeline.

- ``load_names()``: the bundled names (assets/names.txt, made by scripts/make_names.py).
- ``read_word_list(data)``: validate an uploaded word list, raising ``WordListError``
  with a code and a sentence a student can act on; ``parse_word_list`` gives just the words.
- ``Vocab``: '.' (the end-of-word token, index 0) followed by the sorted letters.
- ``build_dataset(words)``: Karpathy's makemore recipe: shuffle with seed 42, split
  80/10/10, and slide a window of ``block_size`` characters over each ``word + '.'``.

Nothing here touches the global RNG, and everything cached is bounded and read-only by
convention (tuples, frozen dataclasses; treat the tensors of a ``Dataset`` as read-only).
"""

from __future__ import annotations

import functools
import hashlib
import random
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import torch

NAMES_PATH = Path(__file__).resolve().parents[1] / "assets" / "names.txt"

END = "."  # end-of-word token; index 0, and also the padding of a fresh context
MAX_VOCAB_CHARS = 60  # distinct letters allowed in an upload (the embedding table stays small)
# Longer lines are left out: the names top out at 15 letters and real words near 45, while one
# pasted 100,000-letter line would be 99% of a list's training examples.
MAX_WORD_LEN = 50
MAX_BAD_LINES_KEPT = 20  # offending lines kept on a WordListError (the count is kept in full)
_MAX_SHOWN_LINE = 60  # characters of an offending line kept for display

# Control bytes other than whitespace: a "text" file that is mostly these is binary.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_BINARY_CONTROL_FRACTION = 0.3
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)  # the same code points, for str.translate
_UTF8_BOM = b"\xef\xbb\xbf"
# Checked in this order: UTF-32 LE's mark starts with UTF-16 LE's.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# UTF-16 without a mark: letters up to U+00FF (and the newlines) have a NUL high byte, so NULs
# fill at least this share of one side of the byte pairs and are rare on the other side.
_UTF16_NUL_SHARE = 0.1
_UTF16_STRAY_RATIO = 0.25  # NULs on the other side, at most this many per NUL on the first


class WordListError(ValueError):
    """An uploaded word list cannot be used.

    Attributes:
        code: "empty", "binary", "not_utf8", "too_large", "too_few" or "bad_chars".
        message: one English sentence naming the problem (also ``str(error)``).
        bad_lines: for "bad_chars", up to 20 ``(line_number, line)`` pairs, 1-based,
            the line stripped and cut to 60 characters.
        n_bad_lines: how many lines were bad in total (may exceed ``len(bad_lines)``).
    """

    CODES = ("empty", "binary", "not_utf8", "too_large", "too_few", "bad_chars")

    def __init__(
        self,
        code: str,
        message: str,
        bad_lines: Sequence[tuple[int, str]] = (),
        n_bad_lines: int | None = None,
    ) -> None:
        if code not in self.CODES:
            raise ValueError(f"unknown WordListError code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message
        self.bad_lines: tuple[tuple[int, str], ...] = tuple(bad_lines)[:MAX_BAD_LINES_KEPT]
        self.n_bad_lines = len(tuple(bad_lines)) if n_bad_lines is None else n_bad_lines

    def __reduce__(self) -> tuple[type[WordListError], tuple[str, str, tuple[tuple[int, str], ...], int]]:
        # Keep the extra attributes when pickled (e.g. across processes or caches).
        return (type(self), (self.code, self.message, self.bad_lines, self.n_bad_lines))


def _fmt_bytes(n: int) -> str:
    if n < 1_000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1e3:.3g} kB"
    return f"{n / 1e6:.3g} MB"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _shown(line: str) -> str:
    return line if len(line) <= _MAX_SHOWN_LINE else line[: _MAX_SHOWN_LINE - 1] + "…"


def _wide_codec(body: bytes) -> str | None:
    """The codec of UTF-16 or UTF-32 text: named by its byte-order mark, or for UTF-16 without
    one, told by where its NUL bytes fall (all on one side of the byte pairs); else None."""
    for bom, codec in _WIDE_BOMS:
        if body.startswith(bom):
            return codec
    if len(body) % 2:
        return None
    pairs = len(body) // 2
    for nul_side, other, codec in ((1, 0, "utf-16-le"), (0, 1, "utf-16-be")):  # "a\0" is LE
        nuls, stray = body[nul_side::2].count(0), body[other::2].count(0)
        if nuls >= _UTF16_NUL_SHARE * pairs and stray <= _UTF16_STRAY_RATIO * nuls:
            return codec
    return None


def _wide_text(body: bytes) -> str | None:
    """UTF-16/32 text decoded, when that reading is unambiguous; None for anything else."""
    codec = _wide_codec(body)
    if codec is None:
        return None
    try:
        text = body.decode(codec)  # the "utf-16"/"utf-32" codecs drop the mark
    except UnicodeDecodeError:
        if codec.endswith("le") or codec.endswith("be"):
            return None  # a guess without a mark that does not decode: not UTF-16 after all
        raise WordListError(
            "not_utf8",
            f"The file is marked as {codec.upper()} text but cannot be read as such; "
            "save it as UTF-8 and upload it again.",
        ) from None
    n_control = len(text) - len(text.translate(_CONTROL_CHARS))
    return None if n_control > _BINARY_CONTROL_FRACTION * len(text) else text


@dataclass(frozen=True)
class WordListText:
    """The words of an accepted upload, and the lines that were left out of it."""

    words: tuple[str, ...]  # stripped, NFC, lowercased; file order, duplicates kept
    n_dropped: int = 0  # lines with characters other than letters (with ``drop_bad``)
    n_too_long: int = 0  # letter-only lines longer than ``max_word_len``
    max_word_len: int = MAX_WORD_LEN  # the limit applied


def parse_word_list(
    data: bytes | str,
    *,
    min_words: int = 100,
    max_bytes: int = 2_000_000,
    drop_bad: bool = False,
    max_chars: int = MAX_VOCAB_CHARS,
    max_word_len: int = MAX_WORD_LEN,
) -> list[str]:
    """The words of ``read_word_list`` (same checks and arguments), as a list."""
    return list(
        read_word_list(
            data,
            min_words=min_words,
            max_bytes=max_bytes,
            drop_bad=drop_bad,
            max_chars=max_chars,
            max_word_len=max_word_len,
        ).words
    )


def read_word_list(
    data: bytes | str,
    *,
    min_words: int = 100,
    max_bytes: int = 2_000_000,
    drop_bad: bool = False,
    max_chars: int = MAX_VOCAB_CHARS,
    max_word_len: int = MAX_WORD_LEN,
) -> WordListText:
    """Validate an uploaded word list (one word per line): its words and what was left out.

    Words are stripped, NFC-normalised and lowercased; blank lines are skipped; duplicates
    and order are kept. A word may contain only letters (``str.isalpha``: so "è" is fine,
    while digits, inner spaces, punctuation and '.', the end-of-word token, are not). Lines
    of more than ``max_word_len`` letters are left out and counted (``n_too_long``). UTF-8
    is expected (a BOM is accepted); UTF-16 and UTF-32 are read too, when marked by a BOM or,
    for UTF-16, plain from where its NUL bytes fall.

    Checks, in order; the first failure raises ``WordListError`` with that code:
    too_large (more than ``max_bytes`` bytes) -> empty (no non-blank line) -> binary (NUL
    bytes that are not UTF-16/32 text, or mostly control bytes) -> not_utf8 -> bad_chars
    (lines with non-letters, unless ``drop_bad`` drops them; or more than ``max_chars``
    distinct letters) -> too_few (fewer than ``min_words`` words).
    """
    if isinstance(data, str):
        text: str | None = data
        # Measure and sniff the text as the bytes it would be on disk.
        raw = data.encode("utf-8", errors="surrogatepass")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        text = None
        raw = bytes(data)
    else:
        raise TypeError(f"expected bytes or str, got {type(data).__name__}")

    size = len(raw)
    if size > max_bytes:
        raise WordListError(
            "too_large",
            f"The file is {_fmt_bytes(size)} ({size:,} bytes); the limit is {_fmt_bytes(max_bytes)}.",
        )

    body = raw[len(_UTF8_BOM) :] if raw.startswith(_UTF8_BOM) else raw
    if not body.split():
        raise WordListError("empty", "The file is empty: it has no words (one word per line is expected).")

    if text is None:
        # UTF-16 (Windows Notepad's "Unicode") is full of NULs: read it rather than call it binary.
        text = _wide_text(body)
    if text is None:
        if b"\x00" in body:
            raise WordListError(
                "binary",
                "The file looks binary (it contains NUL bytes), not text with one word per line.",
            )
        n_control = len(body) - len(body.translate(None, _CONTROL_BYTES))
        if n_control > _BINARY_CONTROL_FRACTION * len(body):
            raise WordListError(
                "binary",
                "The file looks binary (most of it is control bytes), not text with one word per line.",
            )
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            line_no = body.count(b"\n", 0, e.start) + 1
            raise WordListError(
                "not_utf8",
                f"The file is not UTF-8 text (the first invalid byte is on line {line_no}); "
                "save it as UTF-8 and upload it again.",
            ) from None
    elif text.startswith("\ufeff"):
        text = text[1:]

    # NFC so that an "e" + combining accent (as some editors save it) is one letter "è".
    text = unicodedata.normalize("NFC", text)
    words: list[str] = []
    bad: list[tuple[int, str]] = []
    n_bad = n_too_long = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        word = stripped.lower()
        if word.isalpha():  # checked after lower(): e.g. "İ".lower() adds a combining dot
            if len(word) > max_word_len:
                n_too_long += 1
            else:
                words.append(word)
        else:
            n_bad += 1
            if len(bad) < MAX_BAD_LINES_KEPT:
                bad.append((line_no, _shown(stripped)))

    if not words and not n_bad and not n_too_long:
        # Only Unicode whitespace (e.g. U+3000), which the byte-level check cannot see.
        raise WordListError("empty", "The file is empty: it has no words (one word per line is expected).")

    if n_bad and not drop_bad:
        first_no, first_line = bad[0]
        lines = "1 line contains" if n_bad == 1 else f"{n_bad:,} lines contain"
        raise WordListError(
            "bad_chars",
            f"{lines} characters other than letters (digits, spaces, punctuation or '.'), "
            f"first line {first_no}: {first_line!r}. Fix or remove them, or drop those lines.",
            bad,
            n_bad,
        )

    n_chars = len(set("".join(words)))
    if n_chars > max_chars:
        raise WordListError(
            "bad_chars",
            f"The words use {n_chars} different letters; at most {max_chars} are allowed.",
        )

    if len(words) < min_words:
        left_out = [f"{_plural(n_bad, 'line')} with other characters"] if n_bad else []
        if n_too_long:
            left_out.append(f"{_plural(n_too_long, 'line')} longer than {max_word_len} letters")
        dropped = f" ({' and '.join(left_out)} dropped)" if left_out else ""
        raise WordListError(
            "too_few",
            f"The file has {_plural(len(words), 'word')}{dropped}; at least {min_words:,} are needed.",
        )
    return WordListText(tuple(words), n_bad, n_too_long, max_word_len)


@dataclass(frozen=True)
class Vocab:
    """The characters a model can read and emit: '.' (index 0) then the sorted letters."""

    chars: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.chars or self.chars[0] != END:
            raise ValueError(f"a Vocab starts with {END!r}, got {self.chars[:1]!r}")
        if len(set(self.chars)) != len(self.chars):
            raise ValueError("a Vocab cannot repeat a character")

    @classmethod
    def from_words(cls, words: Iterable[str]) -> Vocab:
        """'.' followed by every distinct character of ``words``, sorted."""
        letters = set("".join(words)) - {END}
        return cls((END, *sorted(letters)))

    @property
    def size(self) -> int:
        return len(self.chars)

    @property
    def stoi(self) -> dict[str, int]:
        """Character -> index (a fresh dict: hoist it out of loops)."""
        return {ch: i for i, ch in enumerate(self.chars)}

    @property
    def itos(self) -> dict[int, str]:
        """Index -> character (a fresh dict)."""
        return dict(enumerate(self.chars))


NAMES_VOCAB = Vocab((END, *"abcdefghijklmnopqrstuvwxyz"))


@functools.lru_cache(maxsize=1)
def load_names() -> tuple[str, ...]:
    """The bundled names (assets/names.txt), most popular first; a cached immutable tuple."""
    text = NAMES_PATH.read_text(encoding="utf-8")
    return tuple(w for w in (line.strip() for line in text.splitlines()) if w)


def _split_points(n_words: int) -> tuple[int, int]:
    # The lecture's 80/10/10 split of the shuffled words.
    return int(0.8 * n_words), int(0.9 * n_words)


@dataclass(frozen=True, eq=False)  # eq=False: tensors do not compare to a single bool
class Dataset:
    """The three splits of (context, next character) examples.

    ``X*`` are int64 of shape (N, block_size): the indices of the previous characters
    (0 = '.' padding at a word's start). ``Y*`` are int64 of shape (N,): the next character.
    """

    vocab: Vocab
    block_size: int
    Xtr: torch.Tensor
    Ytr: torch.Tensor
    Xdev: torch.Tensor
    Ydev: torch.Tensor
    Xte: torch.Tensor
    Yte: torch.Tensor
    n_words: int

    def split(self, name: str) -> tuple[torch.Tensor, torch.Tensor]:
        """(X, Y) of "train", "val" (alias "dev") or "test"."""
        pairs = {
            "train": (self.Xtr, self.Ytr),
            "val": (self.Xdev, self.Ydev),
            "dev": (self.Xdev, self.Ydev),
            "test": (self.Xte, self.Yte),
        }
        if name not in pairs:
            raise ValueError(f"unknown split {name!r}; use 'train', 'val' or 'test'")
        return pairs[name]

    def summary(self) -> pd.DataFrame:
        """One row per split; columns ``split`` (train/val/test), ``words``, ``examples``."""
        n1, n2 = _split_points(self.n_words)
        return pd.DataFrame(
            {
                "split": ["train", "val", "test"],
                "words": [n1, n2 - n1, self.n_words - n2],
                "examples": [len(self.Ytr), len(self.Ydev), len(self.Yte)],
            }
        )


def _examples(words: Sequence[str], block_size: int, stoi: dict[str, int]) -> tuple[torch.Tensor, torch.Tensor]:
    # Exactly the lecture's build_dataset: slide a window over word + '.'.
    X, Y = [], []
    for w in words:
        context = [0] * block_size
        for ch in w + END:
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    # reshape keeps the (0, block_size) shape when a split has no words.
    return torch.tensor(X, dtype=torch.int64).reshape(-1, block_size), torch.tensor(Y, dtype=torch.int64)


def build_dataset(words: Iterable[str], block_size: int = 3, seed: int = 42, vocab: Vocab | None = None) -> Dataset:
    """Shuffle ``words`` (local ``random.Random(seed)``), split 80/10/10, build examples.

    Same numbers as the lecture's ``random.seed(42); random.shuffle(words)``, without
    touching the global RNG. ``vocab`` defaults to ``Vocab.from_words(words)``.
    """
    if block_size < 1:
        raise ValueError(f"block_size must be at least 1, got {block_size}")
    words = list(words)
    random.Random(seed).shuffle(words)
    vocab = vocab if vocab is not None else Vocab.from_words(words)
    stoi = vocab.stoi
    missing = set("".join(words)) - set(stoi)
    if missing:
        raise ValueError(f"characters not in the vocabulary: {''.join(sorted(missing))!r}")
    n1, n2 = _split_points(len(words))
    Xtr, Ytr = _examples(words[:n1], block_size, stoi)
    Xdev, Ydev = _examples(words[n1:n2], block_size, stoi)
    Xte, Yte = _examples(words[n2:], block_size, stoi)
    return Dataset(vocab, block_size, Xtr, Ytr, Xdev, Ydev, Xte, Yte, len(words))


@functools.lru_cache(maxsize=4)
def names_dataset(block_size: int = 3, seed: int = 42) -> Dataset:
    """``build_dataset`` of the bundled names with ``NAMES_VOCAB``; cached (4 entries)."""
    return build_dataset(load_names(), block_size=block_size, seed=seed, vocab=NAMES_VOCAB)


def words_fingerprint(words: Iterable[str]) -> str:
    """Short content hash of a word list (16 hex chars of sha256), e.g. for cache keys."""
    joined = "\n".join(words).encode("utf-8", errors="surrogatepass")
    return hashlib.sha256(joined).hexdigest()[:16]


__all__ = [
    "NAMES_PATH",
    "NAMES_VOCAB",
    "MAX_VOCAB_CHARS",
    "MAX_WORD_LEN",
    "WordListError",
    "WordListText",
    "parse_word_list",
    "read_word_list",
    "Vocab",
    "load_names",
    "Dataset",
    "build_dataset",
    "names_dataset",
    "words_fingerprint",
]
