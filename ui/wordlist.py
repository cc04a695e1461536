"""Your own word list: a sidebar upload that replaces the names data on the pages that train.

`check(name, data)` turns an uploaded file into a `WordList` or a `Problem` (no Streamlit
needed, so it is easy to test and fuzz). `sidebar()` is the widget: upload, the message for
a file that cannot be used, "drop the lines with other characters", "use the US names again".

The accepted words live in this session's `st.session_state` (never in module state: one
server serves a whole class), so they follow a student from page to page. The shared caches
(ui/cache.py) key everything by a fingerprint of the words, so a class uploading the same
file trains once. An upload cannot be part of a page's link, but its fingerprint is
(`data=`): a tab that comes back to a restarted server, or a link opened in another tab, names
a list the session does not hold, and the page says so and returns to the data it has.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from core.data import (
    MAX_VOCAB_CHARS,
    MAX_WORD_LEN,
    NAMES_VOCAB,
    Dataset,
    Vocab,
    WordListError,
    load_names,
    read_word_list,
    words_fingerprint,
)
from ui.state import DATA, safe_text
from ui.text import t, tn

MAX_MB = 2  # the same limit as server.maxUploadSize in .streamlit/config.toml
MAX_BYTES = MAX_MB * 1_000_000
MIN_WORDS = 100  # fewer leave almost nothing for the 10% validation and test splits

# Session keys (not widgets): the accepted list, the last upload's problem, and a counter in
# the uploader's key (a new key is the only way to empty a file_uploader).
_ACTIVE = "wordlist_active"
_PROBLEM = "wordlist_problem"
_UPLOADS = "wordlist_uploads"


@dataclass(frozen=True)
class WordList:
    """An accepted upload."""

    name: str  # the file's name, as uploaded
    words: tuple[str, ...]  # lowercased, one per non-blank line, file order
    source: str  # words_fingerprint(words): the cache key (DataConfig.source)
    vocab_size: int  # '.' + the distinct letters
    dropped: int = 0  # lines with other characters that were left out
    too_long: int = 0  # lines longer than MAX_WORD_LEN letters, always left out


@dataclass(frozen=True)
class Problem:
    """Why an upload cannot be used: a WordListError's code plus what the message needs."""

    name: str
    code: str  # WordListError.CODES, or "too_many_letters" (a bad_chars about the vocabulary)
    size: int  # bytes
    n_words: int = 0  # for "too_few"
    n_bad: int = 0  # lines with other characters (all of them)
    bad_lines: tuple[tuple[int, str], ...] = ()  # the first of them: (line number, line)
    dropped: int = 0  # for "too_few": lines with other characters already left out
    too_long: int = 0  # for "too_few": lines longer than MAX_WORD_LEN letters left out


def check(name: str, data: bytes, drop_bad: bool = False) -> WordList | Problem:
    """Validate an uploaded file: the words to use, or the problem to show.

    With `drop_bad`, lines with characters other than letters are left out (and counted).
    """
    try:
        got = read_word_list(data, min_words=MIN_WORDS, max_bytes=MAX_BYTES, drop_bad=drop_bad)
    except WordListError as e:
        return _problem(name, data, e)
    words = got.words
    return WordList(name, words, words_fingerprint(words), Vocab.from_words(words).size, got.n_dropped, got.n_too_long)


def _problem(name: str, data: bytes, e: WordListError) -> Problem:
    code = "too_many_letters" if e.code == "bad_chars" and not e.n_bad_lines else e.code
    if code != "too_few":
        return Problem(name, code, len(data), n_bad=e.n_bad_lines, bad_lines=e.bad_lines)
    # What is left, and what was left out (bad lines are checked before the count: no raise here)
    got = read_word_list(data, min_words=0, max_bytes=MAX_BYTES, drop_bad=True)
    return Problem(name, code, len(data), len(got.words), dropped=got.n_dropped, too_long=got.n_too_long)


def active() -> WordList | None:
    """This session's uploaded list; None means the bundled names (also outside a script run)."""
    if not st.runtime.exists():  # bare Python: bench, notebooks
        return None
    value = st.session_state.get(_ACTIVE)
    return value if isinstance(value, WordList) else None


def data_text(ds: Dataset) -> str:
    """One sentence naming the data a page trains on: the names or the uploaded file."""
    wl = active()
    examples = int(ds.Xtr.shape[0])
    if wl is None:
        return t("common.data_caption", words=ds.n_words, examples=examples, vocab=ds.vocab.size)
    return t(
        "wordlist.data_caption",
        name=safe_text(wl.name),
        words=ds.n_words,
        examples=examples,
        vocab=ds.vocab.size,
        letters=tn("wordlist.letters", ds.vocab.size - 1),
    )


def expected_loss_note(v: int) -> None:
    """For the Loss page: with an uploaded list, a note with its V and uniform-guess loss (the
    page's text quotes the lecture's 27)."""
    if active() is not None:
        st.info(t("wordlist.loss_note", v=v, loss=math.log(v)), icon="📄")


def _left_out(bad: int, too_long: int) -> str:
    """E.g. " (after leaving out 3 lines with other characters and 1 line longer than 50 letters)"."""
    parts = [tn("wordlist.lines.bad", bad)] if bad else []
    if too_long:
        parts.append(tn("wordlist.lines.long", too_long, max=MAX_WORD_LEN))
    return t("wordlist.error.after", lines=t("wordlist.and").join(parts)) if parts else ""


def _too_few(p: Problem) -> str:
    fmt = {"name": safe_text(p.name), "min": MIN_WORDS, "dropped": _left_out(p.dropped, p.too_long)}
    if p.n_words == 0:  # every line was dropped
        return t("wordlist.error.too_few_none", **fmt)
    return tn("wordlist.error.too_few", p.n_words, **fmt)


# -- state changes (widget callbacks: they run before the page, so it already sees the result) --
def _use(result: WordList | Problem, vocab_keys: Sequence[str]) -> None:
    if isinstance(result, Problem):
        st.session_state[_PROBLEM] = result  # the active list stays as it was
        return
    st.session_state[_ACTIVE] = result
    st.session_state.pop(_PROBLEM, None)
    st.query_params[DATA.key] = result.source
    _show_vocab_size(vocab_keys, result.vocab_size)


def _show_vocab_size(keys: Sequence[str], vocab_size: int) -> None:
    # Widgets showing V (the Loss page's slider) move to the new data's V. Set, not deleted:
    # a keyed widget keeps its old value on screen when only its default changes.
    for key in keys:
        st.session_state[key] = vocab_size


def _on_upload(key: str, vocab_keys: Sequence[str]) -> None:
    st.session_state.pop(_PROBLEM, None)
    file = st.session_state.get(key)
    if file is not None:  # None: the student removed the file; the list in use stays
        _use(check(file.name, file.getvalue()), vocab_keys)


def _on_drop(key: str, vocab_keys: Sequence[str]) -> None:
    file = st.session_state.get(key)
    if file is None:
        st.session_state.pop(_PROBLEM, None)
    else:
        _use(check(file.name, file.getvalue(), drop_bad=True), vocab_keys)


def _on_restore(vocab_keys: Sequence[str]) -> None:
    st.session_state.pop(_ACTIVE, None)
    st.session_state.pop(_PROBLEM, None)
    st.session_state[_UPLOADS] = st.session_state.get(_UPLOADS, 0) + 1  # empties the uploader
    st.query_params.pop(DATA.key, None)
    _show_vocab_size(vocab_keys, NAMES_VOCAB.size)


def _check_url(wl: WordList | None, vocab_keys: Sequence[str]) -> None:
    """Keep `data=` on the list in use. A URL naming another list was made on data this session
    does not have (the server restarted and forgot the upload, or the link comes from another
    tab): say so, and move the widgets showing V, which the browser still holds at the old
    list's V, to the data the page trains on."""
    made_with = st.query_params.get(DATA.key)  # validated by read_url: a fingerprint or absent
    in_use = wl.source if wl is not None else None
    if made_with == in_use:
        return
    if in_use is None:
        del st.query_params[DATA.key]
    else:
        st.query_params[DATA.key] = in_use  # e.g. a page switch emptied the URL
    if made_with is None:
        return
    _show_vocab_size(vocab_keys, wl.vocab_size if wl is not None else NAMES_VOCAB.size)
    showing = (
        t("wordlist.lost.names")
        if wl is None
        else t("wordlist.lost.upload", name=safe_text(wl.name), vocab=wl.vocab_size)
    )
    st.warning(t("wordlist.lost", showing=showing), icon="📄")


# -- the sidebar section ---------------------------------------------------------------------
def sidebar(vocab_keys: Sequence[str] = ()) -> None:
    """The "Your own word list" section of the sidebar.

    `vocab_keys`: widget keys of the page that hold the vocabulary size V; they are set to the
    new V when the list in use changes.
    """
    wl = active()
    problem = st.session_state.get(_PROBLEM)
    vocab_keys = tuple(vocab_keys)
    _check_url(wl, vocab_keys)
    with st.sidebar.expander(t("wordlist.header"), icon="📄", expanded=wl is not None or problem is not None):
        if wl is None:
            st.caption(t("wordlist.using_names", words=len(load_names()), vocab=NAMES_VOCAB.size))
        else:
            dropped = tn("wordlist.dropped", wl.dropped) if wl.dropped else ""
            if wl.too_long:
                dropped += tn("wordlist.too_long", wl.too_long, max=MAX_WORD_LEN)
            st.success(
                t("wordlist.using_upload", name=safe_text(wl.name), words=len(wl.words), vocab=wl.vocab_size) + dropped
            )
        key = f"wordlist_file_{st.session_state.get(_UPLOADS, 0)}"
        st.file_uploader(
            t("wordlist.upload"),
            type=["txt"],
            key=key,
            max_upload_size=MAX_MB,
            help=t("wordlist.upload_help", min=MIN_WORDS, mb=MAX_MB, max_len=MAX_WORD_LEN),
            on_change=_on_upload,
            args=(key, vocab_keys),
        )
        if isinstance(problem, Problem):
            _show_problem(problem, key, vocab_keys)
        if wl is not None:
            st.button(t("wordlist.restore"), icon="↩️", on_click=_on_restore, args=(vocab_keys,), width="stretch")
        st.caption(t("wordlist.not_in_link"))


def _show_problem(p: Problem, key: str, vocab_keys: Sequence[str]) -> None:
    name = safe_text(p.name)
    if p.code == "bad_chars":
        st.error(tn("wordlist.error.bad_chars", p.n_bad, name=name))
        table = pd.DataFrame(list(p.bad_lines), columns=[t("wordlist.col.line"), t("wordlist.col.text")])
        st.dataframe(table, hide_index=True, width="stretch")  # a table: the lines are never markup
        if p.n_bad > len(p.bad_lines):
            st.caption(t("wordlist.more_lines", n=p.n_bad - len(p.bad_lines)))
        st.button(
            tn("wordlist.drop", p.n_bad), type="primary", on_click=_on_drop, args=(key, vocab_keys), width="stretch"
        )
    elif p.code == "too_few":
        st.error(_too_few(p))
    elif p.code == "too_large":
        st.error(t("wordlist.error.too_large", name=name, size=p.size, mb=MAX_MB, limit=MAX_BYTES))
    else:  # empty, binary, not_utf8, too_many_letters
        st.error(t(f"wordlist.error.{p.code}", name=name, max=MAX_VOCAB_CHARS))
    if active() is not None:
        st.caption(t("wordlist.still_using"))
