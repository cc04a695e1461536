"""Your own word list (issue #5): validation of an upload, the sidebar widget, and the pages
training on the uploaded words (V and the expected loss follow), restore to the names.

AppTest drives `st.file_uploader` directly (`at.file_uploader[0].upload(name, bytes)`), so
these tests go through the real widget, its callbacks and the real training.
"""

from __future__ import annotations

import itertools
import math

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from core.data import words_fingerprint
from tests.apptest import ROOT, run_page
from ui import wordlist as W
from ui.text import catalogue

LOSS = "pages/4_Loss_at_init.py"
EN, IT = catalogue("en"), catalogue("it")


def italian_names() -> list[str]:
    """350 Italian-looking names built from syllables: accents (ò, è), 18 letters, so V = 19."""
    starts = ["ma", "lu", "gio", "fra", "ni", "ro", "sa", "te", "vi", "be"]
    middles = ["r", "ll", "cc", "nn", "s"]
    ends = ["ò", "è", "ia", "io", "ina", "etta", "ello"]
    return ["".join(p) for p in itertools.product(starts, middles, ends)]


NAMES_IT = italian_names()
V_IT = len(set("".join(NAMES_IT))) + 1  # '.' + letters
GOOD = ("\n".join(NAMES_IT) + "\n").encode("utf-8")


def loss_page(**params) -> AppTest:
    return run_page(LOSS, l_n="200", **params)  # a short hockey stick: these tests are about the data


def app_on(page: str, **params) -> AppTest:
    """The whole app (the home page first) on `page`, e.g. "loss": only an app started from its
    entry file can switch pages (AppTest resolves pages against the first script's folder)."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    return goto(at, page, **params)


PAGE_FILES = {"saturation": "2_Tanh_saturation", "dead": "3_Dead_neurons", "loss": "4_Loss_at_init"}
PAGE_FILES["deep"] = "5_Deep_network_health"


def goto(at: AppTest, page: str, **params) -> AppTest:
    """A page switch as the menu does it: the URL starts empty but for `params`."""
    at.switch_page(f"pages/{PAGE_FILES[page]}.py")
    at.query_params.clear()
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, (page, [e.value for e in at.exception])
    assert at.session_state["_page_id"] == page  # the switch happened
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.sidebar.file_uploader[0].upload(name, data, "text/plain")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label_start: str) -> float:
    found = [m.value for m in at.metric if m.label.startswith(label_start)]
    assert found, [m.label for m in at.metric]
    return float(found[0])


def sweep_losses(at: AppTest) -> dict[float, float]:
    chart = next(c for c in at.get("vega_lite_chart") if "against the scale of W2" in c.proto.spec)
    for d in chart.proto.datasets:
        df = pa.ipc.open_stream(d.data.data).read_pandas()
        if "scale" in df and len(df) == 13:
            return dict(zip(df["scale"], df["loss"]))
    raise AssertionError("no sweep data")


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.sidebar.error]


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


# -- check(): one problem per bad file ------------------------------------------------------------
@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty"),
        (b"\n  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("\n".join(NAMES_IT).encode("latin-1", errors="replace"), "not_utf8"),  # ò, è as single bytes
        (b"a\n" * 1_000_001, "too_large"),
        (("\n".join(NAMES_IT[:40])).encode(), "too_few"),
        (
            (
                "\n".join("".join(chr(0x3B1 + i % 25) + chr(0x61 + i % 26) + chr(0x430 + i % 32)) for i in range(200))
            ).encode(),
            "too_many_letters",
        ),  # Greek + Latin + Cyrillic: more than 60 letters
    ],
)
def test_check_names_each_problem(data, code):
    result = W.check("list.txt", data)
    assert isinstance(result, W.Problem) and result.code == code
    assert result.size == len(data)
    if code == "too_few":
        assert result.n_words == 40


def test_check_bad_lines_then_drop_them():
    lines = NAMES_IT[:150] + ["anna maria", "luca2", "d'angelo"] + NAMES_IT[150:]
    data = "\n".join(lines).encode()
    p = W.check("mixed.txt", data)
    assert isinstance(p, W.Problem) and p.code == "bad_chars" and p.n_bad == 3
    assert p.bad_lines == ((151, "anna maria"), (152, "luca2"), (153, "d'angelo"))
    wl = W.check("mixed.txt", data, drop_bad=True)
    assert isinstance(wl, W.WordList)
    assert wl.words == tuple(NAMES_IT) and wl.dropped == 3 and wl.vocab_size == V_IT


def test_check_too_few_after_dropping():
    data = "\n".join(NAMES_IT[:60] + ["x1"] * 50).encode()
    p = W.check("short.txt", data, drop_bad=True)
    assert isinstance(p, W.Problem) and (p.code, p.n_words, p.dropped) == ("too_few", 60, 50)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_check_reads_utf16_and_utf32_as_the_same_list(codec):
    """Windows Notepad's "Unicode" is UTF-16: read it (with or without a byte-order mark)
    rather than call it "an image, a PDF or a Word document"."""
    result = W.check("nomi.txt", "\r\n".join(NAMES_IT).encode(codec))
    assert isinstance(result, W.WordList), result
    assert result.words == tuple(NAMES_IT) and result.source == words_fingerprint(NAMES_IT)


def test_check_leaves_out_overlong_lines_and_counts_them():
    from core.data import MAX_WORD_LEN

    lines = NAMES_IT[:100] + ["a" * 100_000] + NAMES_IT[100:] + ["b" * (MAX_WORD_LEN + 1), "c" * MAX_WORD_LEN]
    wl = W.check("lunghe.txt", "\n".join(lines).encode())
    assert isinstance(wl, W.WordList) and wl.too_long == 2 and wl.dropped == 0
    assert wl.words == (*NAMES_IT, "c" * MAX_WORD_LEN)  # the limit itself is allowed
    p = W.check("poche.txt", "\n".join(NAMES_IT[:99] + ["a" * 60]).encode())
    assert isinstance(p, W.Problem) and (p.code, p.n_words, p.too_long) == ("too_few", 99, 1)


def test_check_good_list_is_keyed_by_its_content():
    a, b = W.check("a.txt", GOOD), W.check("copy of a.txt", b"\xef\xbb\xbf" + GOOD.replace(b"\n", b"\r\n"))
    assert isinstance(a, W.WordList) and isinstance(b, W.WordList)
    assert a.words == tuple(NAMES_IT) and a.vocab_size == V_IT
    assert a.source == b.source == words_fingerprint(NAMES_IT)  # same words: one cache entry for the class
    assert W.check("c.txt", GOOD + b"zzz\n").source != a.source


# -- the widget: each bad upload shows its own message --------------------------------------------
BAD_UPLOADS = {
    "empty": b"",
    "binary": b"\x00\x01\x02\x03" * 100,
    "not_utf8": "\n".join(NAMES_IT).encode("latin-1", errors="replace"),
    "too_large": b"ab\n" * 700_000,
    "too_few": "\n".join(NAMES_IT[:40]).encode(),
}


@pytest.mark.parametrize("code", BAD_UPLOADS)
def test_bad_upload_shows_its_message_and_keeps_the_names(code):
    at = upload(loss_page(), "liste.txt", BAD_UPLOADS[code])
    msg = errors(at)
    assert len(msg) == 1
    fields = {
        "too_few": {"n": 40, "min": 100, "dropped": ""},
        "too_large": {"size": 2_100_000, "mb": 2, "limit": 2_000_000},
    }.get(code, {})
    assert msg[0] == EN[f"wordlist.error.{code}"].format(name="liste.txt", **fields)
    # nothing changed: still the names, V = 27
    assert at.slider(key="l_v").value == 27
    assert metric(at, "Uniform guess") == pytest.approx(math.log(27), abs=1e-4)
    assert "US baby names" in captions(at)


def test_bad_chars_lists_the_lines_and_drops_them_on_click():
    lines = NAMES_IT[:200] + [f"nome{i}" for i in range(12)] + NAMES_IT[200:]
    at = upload(loss_page(), "con_numeri.txt", "\n".join(lines).encode())
    assert errors(at) == [EN["wordlist.error.bad_chars"].format(name="con_numeri.txt", n=12)]
    table = at.sidebar.dataframe[0].value
    assert list(table.iloc[:, 0]) == list(range(201, 213)) and table.iloc[0, 1] == "nome0"
    drop = [b for b in at.sidebar.button if b.label == "Drop the 12 lines with other characters"]
    assert len(drop) == 1
    drop[0].click().run()
    assert not at.exception and not errors(at)
    assert at.slider(key="l_v").value == V_IT
    assert "12" in at.sidebar.success[0].value and "con_numeri.txt" in at.sidebar.success[0].value


def test_overlong_lines_are_left_out_with_a_notice():
    lines = NAMES_IT + ["a" * 100_000, "b" * 60]
    at = upload(loss_page(), "lunghe.txt", "\n".join(lines).encode())
    assert not errors(at)
    note = EN["wordlist.too_long"].format(n=2, max=50)
    assert note in at.sidebar.success[0].value and f"{len(NAMES_IT)} words" in at.sidebar.success[0].value
    assert f"{len(NAMES_IT)} words" in captions(at)  # the 100,000 letters are not 99% of the data
    assert at.slider(key="l_v").value == V_IT


def test_one_bad_line_reads_in_the_singular():
    at = upload(loss_page(), "quasi.txt", "\n".join(NAMES_IT + ["maria 2"]).encode())
    assert errors(at) == [EN["wordlist.error.bad_chars_one"].format(name="quasi.txt")]
    drop = [b for b in at.sidebar.button if b.label == EN["wordlist.drop_one"]]
    drop[0].click().run()
    assert EN["wordlist.dropped_one"].strip() in at.sidebar.success[0].value


def test_good_upload_changes_v_the_expected_loss_and_the_charts_then_restore():
    at = app_on("loss", l_n="200")
    before = sweep_losses(at)
    upload(at, "nomi_italiani.txt", GOOD)
    assert not errors(at)
    assert at.slider(key="l_v").value == V_IT  # the what-if slider starts at the data's V
    assert metric(at, "Expected loss") == pytest.approx(math.log(V_IT), abs=1e-4)
    assert metric(at, "Uniform guess") == pytest.approx(math.log(V_IT), abs=1e-4)
    after = sweep_losses(at)
    assert abs(after[0.01] - math.log(V_IT)) < 0.05  # a tiny W2: the uniform guess over 19 characters
    assert abs(before[0.01] - math.log(27)) < 0.05 and after[1.0] != before[1.0]
    text = captions(at)
    assert "nomi_italiani.txt" in text and f"{len(NAMES_IT)} words" in text and f"{V_IT} characters" in text
    assert EN["wordlist.loss_note"].format(v=V_IT, loss=math.log(V_IT)) in [i.value for i in at.info]
    assert f"32 examples × {V_IT} characters" in " ".join(m.value for m in at.markdown)  # not the names' 27
    # the list follows the student to the other training pages
    goto(at, "saturation", s_steps="100")
    assert "nomi_italiani.txt" in captions(at)
    goto(at, "loss", l_n="200")
    restore = [b for b in at.sidebar.button if b.label == EN["wordlist.restore"]]
    restore[0].click().run()
    assert not at.exception
    assert at.slider(key="l_v").value == 27
    assert metric(at, "Uniform guess") == pytest.approx(math.log(27), abs=1e-4)
    assert abs(sweep_losses(at)[0.01] - math.log(27)) < 0.05
    assert "nomi_italiani.txt" not in captions(at)
    assert not any("Your word list" in i.value for i in at.info)
    assert not [b for b in at.sidebar.button if b.label == EN["wordlist.restore"]]  # only while an upload is in use
    assert not at.sidebar.file_uploader[0].value  # the uploader is emptied too


def test_a_bad_upload_after_a_good_one_keeps_the_good_one():
    at = upload(loss_page(), "nomi.txt", GOOD)
    at.sidebar.file_uploader[0].set_value(("vuoto.txt", b"", "text/plain"))
    at.run()
    assert errors(at) == [EN["wordlist.error.empty"].format(name="vuoto.txt")]
    assert EN["wordlist.still_using"] in [c.value for c in at.sidebar.caption]
    assert at.slider(key="l_v").value == V_IT


def test_deep_and_dead_pages_train_on_the_upload():
    at = upload(app_on("loss", l_n="200"), "nomi.txt", GOOD)
    for page, params in (("deep", {"n_steps": "100"}), ("dead", {"d_steps": "100"})):
        goto(at, page, **params)
        assert "nomi.txt" in captions(at), page
    assert f"embedding C ({V_IT}×10)" in captions(at)  # the Dead page's set-up names the data's V, not 27


def test_file_name_cannot_inject_markdown():
    at = upload(loss_page(), "[x](javascript:alert(1))**`<b>.txt", b"")
    (msg,) = errors(at)
    assert msg.count("`") == 2  # the name stays inside its code span
    assert not any(c in msg for c in "[]()<>*"), msg  # no link, tag or emphasis can be formed


def test_italian_messages():
    at = run_page(LOSS, l_n="200", lang="it")
    upload(at, "nomi.txt", b"\x00\x00binario")
    assert errors(at) == [IT["wordlist.error.binary"].format(name="nomi.txt")]
    assert IT["wordlist.not_in_link"] in [c.value for c in at.sidebar.caption]


def test_pages_without_training_have_no_upload():
    at = AppTest.from_file(str(ROOT / "pages/1_Activation_gallery.py"), default_timeout=120).run()
    assert not at.exception and not at.file_uploader


SHAPES_SCRIPT = """
import dataclasses
import streamlit as st
from core.config import MLPConfig, TrainConfig
from core.deep import DeepConfig, DeepTrain, depth_profile, train_deep
from core.train import train_variants
from ui import cache
ds, compute = cache.dataset(), cache.compute()
V = ds.vocab.size
res = compute(train_deep, DeepConfig(vocab_size=V), DeepTrain(steps=2), ds)
st.text(res.weight_stats["shape"].iloc[-1])
st.text(compute(depth_profile, DeepConfig(vocab_size=V), (1.0,), ds)["layer"].nunique())
cfgs = (MLPConfig(w2_scale=0.001, b2_scale=0.0, vocab_size=V),)
mlp = compute(train_variants, cfgs, TrainConfig(steps=1, eval_examples=500), ds)
st.text(mlp.loss.dropna(subset=["loss"])["loss"].iloc[0])
"""


@pytest.mark.parametrize("uploaded", [False, True])
def test_the_shared_compute_trains_on_the_sessions_word_list(uploaded):
    """cache.compute() runs the heavy calls on this session's data, keyed by it: an upload
    trains its own nets (output layer of its V), the names theirs."""
    at = AppTest.from_string(SHAPES_SCRIPT, default_timeout=120)
    if uploaded:
        at.session_state["wordlist_active"] = W.check("nomi.txt", GOOD)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    v = V_IT if uploaded else 27
    shape, layers, loss = (e.value for e in at.text)
    assert shape == f"100x{v}" and int(layers) == 5
    assert float(loss) == pytest.approx(math.log(v), abs=0.02)  # a tiny W2: the uniform guess over V


def widget_keys(node) -> set[str]:
    """Keys of the widgets drawn under an AppTest block (the state the browser holds)."""
    keys = {node.key} if getattr(node, "key", None) else set()
    for child in getattr(node, "children", {}).values():
        keys |= widget_keys(child)
    return keys


def restart_server(at: AppTest) -> None:
    """What a server restart leaves of a session: the browser still shows its URL and holds its
    widgets' values, and sends them with the next rerun (AppTest sends its element tree's).
    Everything else the session kept is gone, and so is the uploaded file (the uploader's
    state names a file the new server never received: it reads as no file)."""
    kept = (widget_keys(at.main) | widget_keys(at.sidebar)) - {at.sidebar.file_uploader[0].key}
    for key in list(at.session_state):
        if key not in kept:
            del at.session_state[key]


def test_after_a_server_restart_the_page_and_the_url_are_back_on_the_names_with_a_notice():
    at = upload(loss_page(), "nomi.txt", GOOD)
    assert at.slider(key="l_v").value == V_IT
    restart_server(at)
    at.toggle(key="l_b2").set_value(True).run()  # the student's next click
    assert not at.exception, [e.value for e in at.exception]
    assert [w.value for w in at.warning] == [EN["wordlist.lost"].format(showing=EN["wordlist.lost.names"])]
    assert "US baby names" in captions(at) and "vocabulary of 27 characters" in captions(at)
    assert at.slider(key="l_v").value == 27  # the V slider follows the data it trains on
    assert metric(at, "Expected loss") == pytest.approx(math.log(27), abs=1e-4)
    assert "l_v" not in at.query_params and "data" not in at.query_params
    assert at.query_params["l_b2"] in ("true", ["true"])  # the click itself is kept


def test_the_url_names_the_list_in_use_and_a_link_to_another_list_falls_back_with_a_notice():
    at = upload(app_on("loss", l_n="200"), "nomi.txt", GOOD)
    fp = words_fingerprint(NAMES_IT)
    assert at.query_params["data"] in (fp, [fp]) and not at.warning
    goto(at, "saturation", s_steps="100")  # a page switch starts from an empty URL
    assert at.query_params["data"] in (fp, [fp]) and not at.warning  # put back by the page
    goto(at, "loss", l_n="200")
    [b for b in at.sidebar.button if b.label == EN["wordlist.restore"]][0].click().run()
    assert "data" not in at.query_params and not at.warning  # restoring is not losing the list

    # a link made on a list this tab does not hold: opened fresh, or by a tab holding another list
    other = "0123456789abcdef"
    fresh = loss_page(data=other, l_v="5")
    assert [w.value for w in fresh.warning] == [EN["wordlist.lost"].format(showing=EN["wordlist.lost.names"])]
    assert fresh.slider(key="l_v").value == 27 and "l_v" not in fresh.query_params
    assert "data" not in fresh.query_params
    holder = upload(loss_page(), "nomi.txt", GOOD)
    holder.query_params["data"] = other
    holder.run()
    showing = EN["wordlist.lost.upload"].format(name="nomi.txt", vocab=V_IT)
    assert [w.value for w in holder.warning] == [EN["wordlist.lost"].format(showing=showing)]
    assert holder.query_params["data"] in (fp, [fp]) and holder.slider(key="l_v").value == V_IT
    junk = loss_page(data="<b>x</b>")  # not a fingerprint: the usual bad-value notice
    assert len(junk.warning) == 1 and "data=" in junk.warning[0].value and "data" not in junk.query_params


@pytest.mark.parametrize("lang", ["en", "it"])
def test_counts_of_one_read_in_the_singular(lang):
    text = catalogue(lang)
    at = run_page(LOSS, l_n="200", lang=lang)
    upload(at, "una.txt", b"anna\n")
    assert errors(at) == [text["wordlist.error.too_few_one"].format(name="una.txt", min=100, dropped="")]
    upload(at, "nessuna.txt", b"a1\nb2\n")  # every line has a digit: dropping them leaves nothing
    [b for b in at.sidebar.button if b.label.startswith(text["wordlist.drop"][:6])][0].click().run()
    dropped = text["wordlist.error.after"].format(lines=text["wordlist.lines.bad"].format(n=2))
    assert errors(at) == [text["wordlist.error.too_few_none"].format(name="nessuna.txt", min=100, dropped=dropped)]
    upload(at, "solo_a.txt", "\n".join("a" * (i % 9 + 1) for i in range(120)).encode())  # V = 2
    conj = {"en": "and", "it": "e"}[lang]
    assert f"('.' {conj} {text['wordlist.letters_one']})" in captions(at)  # not "1 letters"
