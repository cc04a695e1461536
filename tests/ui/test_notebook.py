"""The "Open as notebook" builder without running anything: every training page's notebook, in
both languages, is a valid nbformat v4 notebook whose code compiles; its settings are the view's
(ui/views.py, the page's own mapping); its text is the student's language; an upload is named,
not embedded; what a notebook imports needs no Streamlit."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

import nbformat
import pytest

from core.data import words_fingerprint
from tests.apptest import ROOT
from ui.notebooks.build import SPECS, Data, build, ipynb_text, script_text
from ui.text import catalogue
from ui.views import VIEWS

LANGS = ("en", "it")
VIEW = [("s_act", "relu"), ("s_w1", "0.2"), ("s_b1", "0.01"), ("s_steps", "1000")]


def code_of(nb, tag: str | None = None) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code" and (tag is None or tag in c.metadata.get("tags", []))]


def compiles(source: str) -> None:
    """A cell's code parses as Python (IPython's `%pip` line aside)."""
    ast.parse("\n".join(line for line in source.splitlines() if not line.startswith("%")))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", SPECS)
def test_every_training_page_s_default_notebook_is_valid_and_compiles(page, lang):
    nb = build(page, [], lang, link="http://localhost:8501/x")
    nbformat.validate(nb)
    again = nbformat.reads(ipynb_text(nb), as_version=4)  # the file's text reads back
    assert [c.source for c in again.cells] == [c.source for c in nb.cells]
    for source in code_of(nb):
        compiles(source)
    assert len(code_of(nb, "headline")) == 1 and code_of(nb, "chart")
    assert code_of(nb, "pip") and 'pip install -q -e "{PROJECT}"' in code_of(nb, "pip")[0]
    assert f"lessons.{VIEWS[page].lesson}(**settings, data=data)" in "\n".join(code_of(nb))
    ast.parse(script_text(nb))  # the .py is one Python file


def test_the_gallery_trains_nothing_and_has_no_notebook():
    assert set(SPECS) == set(VIEWS) == {"saturation", "dead", "loss", "deep", "loss_log", "batchnorm"}


def test_the_settings_cell_holds_the_view_s_exact_lesson_arguments():
    nb = build("saturation", VIEW, "en", install=False)
    assert not code_of(nb, "pip")  # the tests' install=False
    settings = next(s for s in code_of(nb) if "settings = dict(" in s)
    tree = ast.parse(settings)
    call = tree.body[0].value
    got = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    assert got == VIEWS["saturation"].kwargs(VIEWS["saturation"].values(VIEW))
    assert got == {"activation": "relu", "w1": 0.2, "b1": 0.01, "threshold": 0.99, "steps": 1000}
    assert "# W1 scale" in settings  # each argument is labelled with its control


def test_bad_and_unknown_tokens_are_left_out_as_the_page_drops_them():
    nb = build("dead", [("d_lr", "banana"), ("d_acts", "relu"), ("d_acts", "elu"), ("zz", "1")], "en")
    settings = next(s for s in code_of(nb) if "settings = dict(" in s)
    assert "lr=1.0," in settings and 'activations=("relu", "elu"),' in settings
    assert "zz" not in settings


def test_loss_notebook_has_both_lesson_calls_and_the_hand_made_logits():
    nb = build("loss", [("l_z2", "5"), ("l_tgt", "2"), ("l_w2", "0.01")], "en")
    code = "\n".join(code_of(nb))
    assert "sm = lessons.softmax_by_hand(**sm_settings)" in code
    assert "logits=[-12.0, 4.0, 5.0, 16.0]," in code and "target=2," in code and 'w2="0.01",' in code


@pytest.mark.parametrize("lang", LANGS)
def test_text_is_in_the_student_s_language(lang):
    nb = build("saturation", VIEW, lang)
    text = catalogue(lang)
    first = nb.cells[0].source
    assert first.startswith(f"# {text['saturation.title']}")
    assert text["notebook.intro.app"] in first
    assert "http" not in first and "s_act=relu" in first  # no link given: the settings instead
    headline = code_of(nb, "headline")[0]
    assert json.dumps(text["saturation.metric.dead"], ensure_ascii=False)[:-1] in headline
    assert f'LANG = "{lang}"' in "\n".join(code_of(nb))
    other = catalogue("it" if lang == "en" else "en")
    assert other["saturation.metric.dead"] not in headline


def test_an_upload_is_named_and_read_from_a_path_not_embedded():
    words = tuple(f"w{'abcdefghij'[i % 10]}{'klmnopqrst'[i // 10 % 10]}" for i in range(300))
    data = Data(name="../../my pets.txt", fingerprint=words_fingerprint(words), words=len(words))
    nb = build("loss_log", [], "en", data=data)
    text = ipynb_text(nb)
    assert "wak" not in text  # no word of the list is in the file
    cell = next(s for s in code_of(nb) if "WORDS_FILE" in s)
    assert 'WORDS_FILE = Path("my pets.txt")' in cell  # the file's own name, no folder of the upload
    assert data.fingerprint in cell and "names_dataset()" in cell  # checked, and the fallback
    assert "my pets.txt" in nb.cells[0].source


def test_the_script_is_the_same_cells_as_percent_cells():
    nb = build("deep", [("n_steps", "100")], "it")
    py = script_text(nb)
    assert py.count("# %%\n") == len(code_of(nb))
    assert py.count("# %% [markdown]\n") == sum(c.cell_type == "markdown" for c in nb.cells)
    assert '# %pip install -q -e "{PROJECT}"' in py  # IPython's magic, commented out for python


def test_what_a_notebook_imports_needs_no_streamlit():
    """A notebook imports core, the chart builders and the notebook runtime: none of them may
    pull Streamlit in (a student's kernel has no script run)."""
    code = (
        "import sys\n"
        "import core.lessons, ui.text, ui.notebooks.runtime\n"
        "import ui.charts, ui.charts_saturation, ui.charts_dead, ui.charts_loss, ui.charts_deep\n"
        "import ui.charts_loss_log, ui.charts_batchnorm\n"
        "assert 'streamlit' not in sys.modules, 'streamlit imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_deep_page_s_number_formats_take_the_notebook_s_language():
    """ui.charts_deep.sig and gain_text (the page's formats; a notebook passes LANG, the page
    the session's language)."""
    from ui.charts_deep import gain_text, sig

    assert [sig(x, lang="it") for x in (2431.2, 0.0042, 36.4, 2.4e-5)] == ["2.431", "0,0042", "36", "2,4×10⁻⁵"]
    assert [sig(x, lang="en") for x in (2431.2, 0.0042)] == ["2,431", "0.0042"]
    assert (gain_text("1.41", "it"), gain_text("5/3", "it"), gain_text("0.5", "en")) == ("1,41", "5/3", "0.5")
    code = "\n".join(code_of(build("deep", [], "it")))
    assert "CD.sig(init.std_first, lang=LANG)" in code and "deep_view" not in code


@pytest.mark.parametrize("page", SPECS)
def test_the_code_s_own_comments_are_in_the_student_s_language(page):
    it, en = catalogue("it"), catalogue("en")
    code = "\n".join(code_of(build(page, [("n_steps", "100")], "it")))

    def words(text: str) -> str:  # the longest part of a comment without a field
        return max(re.split(r"\{[^}]*\}", text), key=len)

    for key in (k for k in en if k.startswith("notebook.code.")):
        assert words(en[key]) not in code, key  # the English comment is not in an Italian notebook
    assert any(words(it[k]) in code for k in it if k.startswith("notebook.code."))


def test_a_default_view_without_a_link_says_it_is_the_page_s_own_settings():
    first = build("dead", [], "en").cells[0].source
    assert catalogue("en")["notebook.intro.defaults"] in first and "``" not in first
