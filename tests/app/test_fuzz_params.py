"""Fuzz every page's query params: junk, huge, NaN, inf, negative, unicode, repeated keys.

Every case must render without an exception element. A value the page cannot use shows a
notice (st.warning) and the page falls back to its default.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
# every concept page, and the home page (it has only the shared settings)
PAGES = [*sorted((ROOT / "pages").glob("*.py")), ROOT / "streamlit_app.py"]
NO_CONTROLS = {"streamlit_app.py"}
NASTY = [
    "",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "-1",
    "-1e9",
    "1e9",
    "0",
    "2.5",
    "true",
    "ReLU",
    "relu",
    "é🙂",
    "<script>alert(1)</script>",
    "**bold**",
    "[x](javascript:1)",
    "9" * 400,
    "0x10",
    " 1 ",
]


GLOBAL = ["lang", "present", "predict", "data", "room", "teacher"]  # every page reads these (sidebar, word list, class)


def page_keys(path: Path) -> list[str]:
    """Query-param keys a page declares (Control("k", ...) and activation_control("k", ...)), and
    those of its view (ui/views.py: a training page's controls live there)."""
    from ui.pages import PAGES
    from ui.views import VIEWS

    page = next((p.key for p in PAGES if (ROOT / p.path) == path), None)
    view = VIEWS.get(page) if page else None
    found = set(re.findall(r"""(?:Control|activation_control)\(\s*["']([a-z]_[a-z0-9_]+)["']""", path.read_text()))
    return sorted(found | {c.key for c in (view.controls if view else ())})


values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=False).map(repr),
)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_fuzzed_params_never_crash(path):
    keys = page_keys(path)
    assert bool(keys) != (path.name in NO_CONTROLS), f"{path.name}: URL controls {keys}"
    params = st.dictionaries(
        st.sampled_from(keys + ["zz_unknown", *GLOBAL]),
        st.one_of(values, st.lists(values, min_size=2, max_size=3)),
        min_size=1,
        max_size=4,
    )

    @settings(
        max_examples=6,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(params)
    def check(qp):
        at = AppTest.from_file(str(path), default_timeout=180)
        for k, v in qp.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, (qp, at.exception[0].message if at.exception else "")
        if "zz_unknown" in qp:
            assert at.warning, "an unknown param must show a notice"

    check()


# -- uploads: any bytes under any name reach the word-list widget; never an exception ---------------
LETTERS = "abcdefghijklmnopqrstuvwxyzàèéìòùçñßøæİıﬁαβγδабвг"
noisy_words = st.text(alphabet=st.sampled_from(LETTERS + "0 .-'\t\u00a0\u3000"), min_size=0, max_size=12)
word_lists = st.tuples(
    st.lists(noisy_words, min_size=0, max_size=260),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]),
)
clean = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=10)
junk = st.text(alphabet=st.sampled_from("xyz019 .,;-'!?"), min_size=1, max_size=6).filter(lambda s: not s.isalpha())


@st.composite
def mostly_clean(draw) -> bytes:
    """A usable list, often with a few lines to drop, sometimes a few words short."""
    lines = draw(st.lists(clean, min_size=90, max_size=300)) + draw(st.lists(junk, max_size=5))
    draw(st.randoms()).shuffle(lines)
    return "\n".join(lines).encode()


uploads = st.one_of(
    st.binary(max_size=3000),
    word_lists.map(lambda w: w[1].join(w[0]).encode(w[2], errors="replace")),
    mostly_clean(),
)
file_names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/\\"), max_size=20)


def test_fuzzed_uploads_never_crash():
    """The Loss page (it trains on the upload) with fuzzed files, then its drop-lines button."""

    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(uploads, file_names)
    def check(data, name):
        at = AppTest.from_file(str(ROOT / "pages" / "4_Loss_at_init.py"), default_timeout=180)
        at.query_params["l_n"] = "200"
        at.run()
        at.sidebar.file_uploader[0].upload(name + ".txt", data, "text/plain")
        at.run()
        assert not at.exception, (data[:80], at.exception[0].message)
        drop = [b for b in at.sidebar.button if b.label.startswith("Drop the")]
        if drop:
            drop[0].click().run()
            assert not at.exception, (data[:80], at.exception[0].message)
        assert at.sidebar.error or at.sidebar.success  # the upload is either in use or explained

    check()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(uploads, file_names, st.booleans())
def test_fuzzed_word_list_check(data, name, drop_bad):
    """ui.wordlist.check alone, many more cases: a usable list or a known problem, nothing else."""
    from core.data import MAX_VOCAB_CHARS, WordListError
    from ui.wordlist import MIN_WORDS, Problem, WordList, check

    result = check(name + ".txt", data, drop_bad=drop_bad)
    if isinstance(result, Problem):
        assert result.code in WordListError.CODES + ("too_many_letters",)
        assert (result.code == "bad_chars") == (result.n_bad > 0 and not drop_bad)
    else:
        assert isinstance(result, WordList) and len(result.words) >= MIN_WORDS
        assert all(w.isalpha() and w == w.lower() for w in result.words)
        assert result.vocab_size == len(set("".join(result.words))) + 1 <= MAX_VOCAB_CHARS + 1


# -- one link, many bad params: one notice for the unknown ones, one per bad value ----------------
def test_a_link_of_a_thousand_params_gives_one_notice_for_the_unknown_and_one_per_bad_value():
    from ui.text import catalogue

    en = catalogue("en")
    at = AppTest.from_file(str(ROOT / "pages" / "1_Activation_gallery.py"), default_timeout=180)
    for i in range(996):  # with the 4 below, Streamlit's limit: it ignores a query of 1,001 params
        at.query_params[f"junk{i}"] = "x"
    bad_shared = {"lang": "klingon", "present": "maybe", "predict": "2"}
    for k, v in {**bad_shared, "g_xmax": "7"}.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception
    notices = [w.value for w in at.warning]
    named = ", ".join(f"`junk{i}`" for i in range(10))
    unknown = en["common.notice.unknown_params"].format(
        n=996, keys=named + ", " + en["common.notice.more"].format(n=986)
    )
    bad = [en["common.notice.bad_param"].format(key=k, value=v) for k, v in bad_shared.items()]
    assert sorted(notices) == sorted([unknown, *bad])  # 4 boxes, not 999
    assert dict(at.query_params) == {"g_xmax": "7"}  # only the valid setting stays in the URL
    assert at.sidebar.selectbox(key="lang").value == "en"  # the bad ones fall back to their defaults
    assert at.sidebar.toggle(key="present").value is False
