"""Tests of core.data: the bundled names, the lecture's dataset recipe, upload validation."""

from __future__ import annotations

import pickle
import random
import re
import string
import sys
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.data import (  # noqa: E402
    NAMES_PATH,
    NAMES_VOCAB,
    Dataset,
    Vocab,
    WordListError,
    build_dataset,
    load_names,
    names_dataset,
    parse_word_list,
    words_fingerprint,
)

LETTERS = string.ascii_lowercase


def lines(words) -> bytes:
    return ("\n".join(words) + "\n").encode("utf-8")


def good_words(n: int) -> list[str]:
    # n distinct a-z words: "aaa", "aab", ...
    return ["".join(LETTERS[(i // 26**k) % 26] for k in (2, 1, 0)) for i in range(n)]


# --- the bundled names ------------------------------------------------------------------


def test_names_file_shape():
    raw = NAMES_PATH.read_text(encoding="utf-8").splitlines()
    assert 25_000 <= len(raw) <= 35_000
    assert all(re.fullmatch(r"[a-z]+", w) for w in raw)
    assert len(set(raw)) == len(raw)
    assert "emma" in raw[:5]
    # The most popular names of recent US years sit at the top, rare ones far below.
    assert {"liam", "olivia", "noah"} <= set(raw[:10])
    assert raw.index("emma") < raw.index("zyrie")


def test_load_names_is_a_cached_tuple():
    names = load_names()
    assert isinstance(names, tuple)
    assert names is load_names()
    assert names == tuple(NAMES_PATH.read_text(encoding="utf-8").split())


def test_names_vocab():
    assert Vocab.from_words(load_names()) == NAMES_VOCAB
    assert NAMES_VOCAB.chars == (".", *LETTERS)
    assert NAMES_VOCAB.size == 27
    assert NAMES_VOCAB.stoi["."] == 0 and NAMES_VOCAB.stoi["a"] == 1 and NAMES_VOCAB.stoi["z"] == 26
    assert NAMES_VOCAB.itos[26] == "z"
    assert all(NAMES_VOCAB.itos[i] == ch for ch, i in NAMES_VOCAB.stoi.items())


def test_vocab_rejects_bad_chars_tuple():
    with pytest.raises(ValueError):
        Vocab(("a", "b"))
    with pytest.raises(ValueError):
        Vocab((".", "a", "a"))
    assert Vocab.from_words(["b.a", "c"]).chars == (".", "a", "b", "c")


# --- build_dataset on the names ---------------------------------------------------------


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return names_dataset()


def test_split_sizes(ds):
    n = len(load_names())
    assert ds.n_words == n
    summ = ds.summary()
    assert list(summ.columns) == ["split", "words", "examples"]
    assert list(summ["split"]) == ["train", "val", "test"]
    assert summ["words"].sum() == n
    assert list(summ["words"]) == [int(0.8 * n), int(0.9 * n) - int(0.8 * n), n - int(0.9 * n)]
    fractions = summ["words"] / n
    assert fractions.tolist() == pytest.approx([0.8, 0.1, 0.1], abs=1e-3)
    assert list(summ["examples"]) == [len(ds.Ytr), len(ds.Ydev), len(ds.Yte)]


def test_examples_count_and_dtype(ds):
    names = load_names()
    total = sum(len(w) for w in names) + len(names)  # every char plus one '.' per word
    assert len(ds.Ytr) + len(ds.Ydev) + len(ds.Yte) == total
    for X, Y in [(ds.Xtr, ds.Ytr), (ds.Xdev, ds.Ydev), (ds.Xte, ds.Yte)]:
        assert X.dtype == torch.int64 and Y.dtype == torch.int64
        assert X.shape == (len(Y), 3)
        assert int(X.min()) >= 0 and int(X.max()) < 27 and int(Y.max()) < 27
    # One '.' target per word, so the count of Y == 0 is the number of words per split.
    assert [int((Y == 0).sum()) for Y in (ds.Ytr, ds.Ydev, ds.Yte)] == list(ds.summary()["words"])


def test_first_rows_of_a_word(ds):
    # Row 0 starts the first word; every row right after a '.' target starts a new word.
    assert ds.Xtr[0].tolist() == [0, 0, 0]
    starts = torch.nonzero(ds.Ytr[:-1] == 0).flatten() + 1
    assert (ds.Xtr[starts] == 0).all()
    # And a hand-checked word: "emma" -> ... e, ..e m, .em m, emm a, mma .
    small = build_dataset(["emma"] * 10, block_size=3, vocab=NAMES_VOCAB)
    s = NAMES_VOCAB.stoi
    assert small.Xtr[:5].tolist() == [
        [0, 0, 0],
        [0, 0, s["e"]],
        [0, s["e"], s["m"]],
        [s["e"], s["m"], s["m"]],
        [s["m"], s["m"], s["a"]],
    ]
    assert small.Ytr[:5].tolist() == [s["e"], s["m"], s["m"], s["a"], 0]


def test_matches_the_lecture_global_rng_recipe():
    # The lecture: random.seed(42); random.shuffle(words). Ours must give the same order.
    words = list(load_names()[:500])
    state = random.getstate()
    try:
        random.seed(42)
        lecture = list(words)
        random.shuffle(lecture)
    finally:
        random.setstate(state)
    ours = build_dataset(words, vocab=NAMES_VOCAB)
    n1, n2 = int(0.8 * len(words)), int(0.9 * len(words))
    # Rebuild the lecture's examples by hand, split by split.
    for split, chunk in (("train", lecture[:n1]), ("val", lecture[n1:n2]), ("test", lecture[n2:])):
        X, Y = [], []
        for w in chunk:
            context = [0, 0, 0]
            for ch in w + ".":
                X.append(context)
                Y.append(NAMES_VOCAB.stoi[ch])
                context = context[1:] + [NAMES_VOCAB.stoi[ch]]
        Xs, Ys = ours.split(split)
        assert Xs.tolist() == X and Ys.tolist() == Y


def test_seed_reproducible_and_global_rng_untouched():
    words = load_names()[:3000]
    before = random.getstate()
    a = build_dataset(words, seed=42)
    b = build_dataset(words, seed=42)
    c = build_dataset(words, seed=7)
    assert random.getstate() == before
    for name in ("Xtr", "Ytr", "Xdev", "Ydev", "Xte", "Yte"):
        assert torch.equal(getattr(a, name), getattr(b, name))
    assert not torch.equal(a.Xtr, c.Xtr) or not torch.equal(a.Ytr, c.Ytr)
    assert a.vocab == c.vocab  # the vocabulary does not depend on the order


def test_names_dataset_cached_and_block_size(ds):
    assert names_dataset() is ds
    d5 = names_dataset(block_size=5)
    assert d5.Xtr.shape[1] == 5 and len(d5.Ytr) == len(ds.Ytr)
    # Same shuffle, so the targets agree whatever the context length.
    assert torch.equal(d5.Ytr, ds.Ytr)


def test_build_dataset_edge_cases():
    tiny = build_dataset(["ab"], vocab=NAMES_VOCAB)  # 1 word: train empty, test has it
    assert tiny.Xtr.shape == (0, 3) and tiny.Xte.shape == (3, 3)
    with pytest.raises(ValueError, match="not in the vocabulary"):
        build_dataset(["abc", "è"], vocab=NAMES_VOCAB)
    with pytest.raises(ValueError):
        build_dataset(["abc"], block_size=0)
    assert build_dataset(["àb", "bè"]).vocab.chars == (".", "b", "à", "è")
    assert ds_split_names_ok(tiny)


def ds_split_names_ok(d: Dataset) -> bool:
    assert d.split("val")[0] is d.Xdev and d.split("dev")[1] is d.Ydev
    assert d.split("train")[0] is d.Xtr and d.split("test")[1] is d.Yte
    with pytest.raises(ValueError):
        d.split("validation")
    return True


def test_words_fingerprint():
    a = words_fingerprint(["anna", "bob"])
    assert re.fullmatch(r"[0-9a-f]{16}", a)
    assert a == words_fingerprint(("anna", "bob"))
    assert a != words_fingerprint(["bob", "anna"])
    assert a != words_fingerprint(["annabob"])


# --- parse_word_list --------------------------------------------------------------------


def test_parse_ok_normalises():
    data = b"\xef\xbb\xbfAnna\r\n  Bob  \n\n\tCARL\n" + lines(good_words(100))
    words = parse_word_list(data)
    assert words[:3] == ["anna", "bob", "carl"]
    assert len(words) == 103
    assert parse_word_list(data.decode("utf-8")) == words  # str input too


def test_italian_names_accepted():
    names = ["Niccolò", "Mattè", "Lucà", "Bartolomè", "Ilaria", "Tommaso"] * 20
    words = parse_word_list(lines(names))
    assert "niccolò" in words and "mattè" in words
    assert Vocab.from_words(words).chars[0] == "."
    assert "è" in Vocab.from_words(words).chars
    # A decomposed "e" + combining grave (NFD, as some editors save) becomes one letter.
    nfd = parse_word_list(lines(["Matte\u0300"] * 100))
    assert nfd[0] == "mattè"


def test_empty():
    for data in (b"", b"   \n\n\t\r\n", b"\xef\xbb\xbf\n", "", "\u3000\n"):
        with pytest.raises(WordListError) as e:
            parse_word_list(data)
        assert e.value.code == "empty"
        assert "empty" in e.value.message


def test_binary():
    with pytest.raises(WordListError) as e:
        parse_word_list(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert e.value.code == "binary" and "binary" in e.value.message and "NUL" in e.value.message
    with pytest.raises(WordListError) as e:
        parse_word_list(bytes([1, 2, 3, 4, 5, 6, 7]) * 50 + b"\nanna\n")
    assert e.value.code == "binary"


def test_not_utf8():
    latin1 = lines(good_words(150)) + "Niccolò\nMattè\n".encode("latin-1")
    with pytest.raises(WordListError) as e:
        parse_word_list(latin1)
    assert e.value.code == "not_utf8"
    assert "UTF-8" in e.value.message and "line 151" in e.value.message
    broken = "\n".join(good_words(120)).encode("utf-16") + "\ud800".encode("utf-16-le", "surrogatepass")
    with pytest.raises(WordListError) as e:
        parse_word_list(broken)  # marked as UTF-16, with a lone surrogate at the end
    assert e.value.code == "not_utf8" and "UTF-16" in e.value.message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
@pytest.mark.parametrize("sep", ["\n", "\r\n"])
def test_utf16_and_utf32_are_read_with_or_without_a_mark(codec, sep):
    names = ["Niccolò", "Mattè", "Ilaria"] * 40
    cyrillic = ["Анна", "Борис", "Вера"] * 40  # no NUL byte but the newlines' in UTF-16
    for words in (names, cyrillic):
        data = sep.join(words).encode(codec)
        if codec == "utf-32-le":  # without a mark UTF-32 is not guessed: its NULs fill both sides
            with pytest.raises(WordListError) as e:
                parse_word_list(data)
            assert e.value.code == "binary"
            continue
        assert parse_word_list(data) == [w.lower() for w in words], (codec, words[0])


def test_nul_bytes_on_one_side_only_are_still_binary_when_they_decode_to_control_codes():
    samples = bytes(b for i in range(300) for b in (i % 9, 0))  # e.g. quiet 16-bit audio
    with pytest.raises(WordListError) as e:
        parse_word_list(samples)
    assert e.value.code == "binary"


def test_lines_longer_than_the_limit_are_left_out_and_counted():
    from core.data import MAX_WORD_LEN, read_word_list

    words = good_words(120)
    data = lines([*words[:60], "x" * 100_000, *words[60:], "y" * (MAX_WORD_LEN + 1), "z" * MAX_WORD_LEN])
    got = read_word_list(data)
    assert got.words == (*words, "z" * MAX_WORD_LEN) and (got.n_too_long, got.n_dropped) == (2, 0)
    assert max(len(w) for w in load_names()) < MAX_WORD_LEN  # the names are far from it
    assert build_dataset(got.words).Xtr.shape[0] < 2_000  # the 100,000 letters are not 99% of the data
    with pytest.raises(WordListError) as e:
        parse_word_list(lines([*good_words(98), "q" * 60, "r" * 70]))
    assert e.value.code == "too_few"
    assert e.value.message == "The file has 98 words (2 lines longer than 50 letters dropped); at least 100 are needed."
    with pytest.raises(WordListError) as e:
        parse_word_list(lines(["q" * 60] * 3))  # only overlong lines: too few words, not "empty"
    assert e.value.code == "too_few" and "0 words" in e.value.message


def test_too_large():
    data = b"abcdefghi\n" * 200_001  # 2,000,010 bytes
    with pytest.raises(WordListError) as e:
        parse_word_list(data)
    assert e.value.code == "too_large"
    assert "2,000,010 bytes" in e.value.message and "2 MB" in e.value.message
    assert parse_word_list(data[:2_000_000]) is not None  # exactly the limit is fine
    # The size check comes first, even for garbage.
    with pytest.raises(WordListError) as e:
        parse_word_list(b"\x00" * 101, max_bytes=100)
    assert e.value.code == "too_large"


def test_too_few():
    with pytest.raises(WordListError) as e:
        parse_word_list(lines(good_words(99)))
    assert e.value.code == "too_few"
    assert e.value.message == "The file has 99 words; at least 100 are needed."
    assert len(parse_word_list(lines(good_words(100)))) == 100
    with pytest.raises(WordListError) as e:
        parse_word_list(lines(good_words(42)), min_words=100)
    assert e.value.message == "The file has 42 words; at least 100 are needed."


def test_bad_chars_lists_lines():
    words = good_words(120)
    words[2] = "anna2"
    words[9] = "mary ann"
    words[10] = "o'neil"
    words[50] = "end."
    with pytest.raises(WordListError) as e:
        parse_word_list(lines(words))
    err = e.value
    assert err.code == "bad_chars"
    assert err.bad_lines == ((3, "anna2"), (10, "mary ann"), (11, "o'neil"), (51, "end."))
    assert err.n_bad_lines == 4
    assert "4 lines" in err.message and "line 3" in err.message
    # drop_bad keeps the good ones, in order.
    kept = parse_word_list(lines(words), drop_bad=True)
    assert len(kept) == 116 and "anna2" not in kept and kept[2] == words[3]


def test_bad_lines_capped_and_drop_then_too_few():
    words = good_words(100) + [f"x{i}" for i in range(50)]
    with pytest.raises(WordListError) as e:
        parse_word_list(lines(words))
    assert e.value.n_bad_lines == 50 and len(e.value.bad_lines) == 20
    assert e.value.bad_lines[0] == (101, "x0")
    assert len(parse_word_list(lines(words), drop_bad=True)) == 100
    with pytest.raises(WordListError) as e:
        parse_word_list(lines(good_words(98) + ["a1", "b2"]), drop_bad=True)
    assert e.value.code == "too_few"
    assert "98 words" in e.value.message and "2 lines" in e.value.message


def test_too_many_distinct_chars():
    # 70 distinct letters: Latin, Greek and Cyrillic lowercase.
    alphabet = LETTERS + "αβγδεζηθικλμνξοπρστυφχψω" + "абвгдежзийклмнопрст"
    assert len(set(alphabet)) > 60
    with pytest.raises(WordListError) as e:
        parse_word_list(lines([c * 3 for c in alphabet] * 2))
    assert e.value.code == "bad_chars" and "different letters" in e.value.message
    assert "at most 60" in e.value.message


def test_error_is_a_valueerror_and_pickles():
    with pytest.raises(ValueError):
        parse_word_list(b"")
    err = WordListError("bad_chars", "msg", [(1, "a1")] * 30, 30)
    assert len(err.bad_lines) == 20 and err.n_bad_lines == 30 and str(err) == "msg"
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.code, copy.message, copy.bad_lines, copy.n_bad_lines) == (
        err.code,
        err.message,
        err.bad_lines,
        err.n_bad_lines,
    )
    with pytest.raises(TypeError):
        parse_word_list(["anna"])  # type: ignore[arg-type]


def _check_outcome(data, **kw):
    try:
        words = parse_word_list(data, **kw)
    except WordListError as e:
        assert e.code in WordListError.CODES and e.message
        return
    assert isinstance(words, list)
    assert all(isinstance(w, str) and w and w.isalpha() and w == w.lower() for w in words)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.integers(0, 5), st.booleans())
def test_fuzz_arbitrary_bytes(data, min_words, drop_bad):
    _check_outcome(data, min_words=min_words, drop_bad=drop_bad, max_bytes=300)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(max_size=12), max_size=30),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_fuzz_text_like_bytes(lines_, sep, drop_bad):
    data = sep.join(lines_).encode("utf-8", errors="surrogatepass")
    _check_outcome(data, min_words=2, drop_bad=drop_bad)
    _check_outcome(sep.join(lines_), min_words=2, drop_bad=drop_bad)
