"""English text of "Open as notebook": the share popover's buttons and the notebook's own words
(the page's labels, numbers and chart titles come from the page's catalogue)."""

TEXT = {
    # the share popover
    "notebook.share.button": "Open as notebook",
    "notebook.share.body": (
        "This view as code: a Jupyter notebook that trains the same networks with the same settings, prints "
        "the numbers shown here and draws the charts, in this language. The script holds the same cells as a "
        "plain Python file (VS Code and PyCharm open its cells as a notebook too)."
    ),
    "notebook.share.ipynb": "Notebook (.ipynb)",
    "notebook.share.ipynb_help": "For Jupyter, JupyterLab, VS Code or Colab.",
    "notebook.share.py": "Script (.py)",
    "notebook.share.py_help": "The same cells as a Python script: run it with `python`, or open its cells in an editor.",
    "notebook.share.upload": (
        "Your word list **{name}** is not put inside the file: the notebook reads it from a path you set, "
        "and uses the bundled names if it cannot find it."
    ),
    # the first cell
    "notebook.intro.app": "A view of the app *Activations, gradients and BatchNorm* (after Karpathy's makemore part 3).",
    "notebook.intro.link": "Reopen this view in the app: {link}",
    "notebook.intro.no_link": "The view's settings in the app's link: `{query}`",
    "notebook.intro.defaults": "The page's own settings, as it opens.",
    "notebook.intro.data_names": "**Data:** the bundled US baby names ({words:,} words), as in the lecture.",
    "notebook.intro.data_upload": (
        "**Data:** your word list **{name}** ({words:,} words). The file is not inside this notebook: set "
        "`WORDS_FILE` in the data cell to where it is. Without it, the notebook uses the bundled US names, "
        "and its numbers are not the ones you saw."
    ),
    "notebook.intro.cells": (
        "The cells: setup, the data, the view's settings and its one `core.lessons` call, the numbers the page "
        "shows, its charts, and things to try next. Run them from the top (*Run All*)."
    ),
    # setup
    "notebook.setup.header": "## Setup",
    "notebook.setup.body": (
        "Install the project once, from its folder (the one with `pyproject.toml`, which makes `core` and `ui` "
        "importable): set `PROJECT` below and run the cell. Its `requirements.txt` pins the exact versions "
        "this notebook was made with: {versions}. Already installed? Skip the cell."
    ),
    "notebook.setup.project": "the project's folder (with pyproject.toml): set yours",
    "notebook.setup.made_with": "the versions this notebook was made with (the project's pins)",
    "notebook.setup.differs": "{pkg} {have} here, made with {want}: the numbers may differ slightly",
    "notebook.setup.lang": "the language of the labels and of the numbers",
    "notebook.setup.configure": "the app's torch settings (one thread, denormals flushed): its exact numbers",
    # data
    "notebook.data.header": "## The data",
    "notebook.data.names_comment": "the bundled names, split 80/10/10 with the lecture's seed",
    "notebook.data.file_comment": "the word list you uploaded to the app: set its path",
    "notebook.data.caption_file": (
        "Data: {path}, {words:,} words, {examples:,} training examples, vocabulary of {vocab} characters."
    ),
    "notebook.data.same": "Using {path}: the same words as in the app.",
    "notebook.data.other": "Using {path}: not the words the app used (another version of the file?), so the numbers will differ.",
    "notebook.data.missing": "{path} not found: using the bundled names instead (the numbers will differ from the app's).",
    # settings, numbers, charts, next steps
    "notebook.settings.header": "## The view's settings and the lesson",
    "notebook.settings.body": (
        "The same settings as the link, as keyword arguments of `core.lessons.{fn}`, the function the page calls. "
        "Change one and run the notebook again."
    ),
    "notebook.numbers.header": "## The page's numbers",
    "notebook.numbers.body": "Printed as the page shows them (in the same language and with the same digits).",
    "notebook.charts.header": "## The charts",
    "notebook.charts.body": (
        "Drawn with the app's own chart builders (`ui/charts_*.py`) from the data frames the lesson returned: "
        "`{var}` holds them all (try `{var}.` and the Tab key)."
    ),
    "notebook.try.header": "## Things to try",
    "notebook.try.rerun": "Then run the notebook again (*Run All*) and compare with the numbers above.",
    # the pages' next steps (code in backticks: a value is written as Python writes it)
    "notebook.try.saturation.fix": (
        "Set `w1=0.2` and `b1=0.01` (the lecture's fix): how many units are still saturated at step 0?"
    ),
    "notebook.try.saturation.act": 'Set `activation="relu"` and `steps=1000`: which units have died after training?',
    "notebook.try.saturation.tanh": 'Set `activation="tanh"` and `w1=1.0`: how many units saturate at step 0?',
    "notebook.try.saturation.back": "Set `w1=1.0` and `b1=1.0` (the lecture before its fix): how many units saturate?",
    "notebook.try.dead.lr": "Set `lr=0.1` (the lecture's learning rate): do any units still die?",
    "notebook.try.dead.bn": "Set `batchnorm=True`: does BatchNorm keep the ReLU units alive at this learning rate?",
    "notebook.try.dead.back": "Set `lr=1.0` (ten times the lecture's): which activation loses units?",
    "notebook.try.loss.w2": 'Set `w2="0.01"` (the lecture\'s fix): how close does the step-0 loss come to −ln(1/V)?',
    "notebook.try.loss.w2_back": 'Set `w2="1"` (no fix): how far above −ln(1/V) does the step-0 loss start?',
    "notebook.try.loss.logits": "In `sm_settings`, make every logit `0.0`: the loss is then exactly ln 4.",
    "notebook.try.deep.gain": "Set `gain=1.0`, then `gain=3.0`: how does the std of the last layer change?",
    "notebook.try.deep.bn": "Set `batchnorm=True` and `gain=0.5`: is the net still healthy with a bad gain?",
    "notebook.try.deep.back": "Set `gain=5 / 3` (tanh's gain): the std should stay about the same through the layers.",
    "notebook.try.loss_log.steps": (
        "Set `steps=200_000` for the lecture's full run (about ten times as long) and compare with its table."
    ),
    "notebook.try.loss_log.names": "Look at `les.samples`: which stage makes up the most name-like names?",
    "notebook.try.batchnorm.act": 'Set `activation="relu"`: is `b1`\'s gradient still zero?',
    "notebook.try.batchnorm.mom": "Set `momentum=0.1`: do the running statistics catch up with the calibrated ones?",
    # comments and docstrings inside the notebook's code (the student reads them in their language)
    "notebook.code.table": "the page's table: header, and how it writes the number",
    "notebook.code.dash": "—: diverged",
    "notebook.code.no_summary": "None when your setting diverged before the snapshot",
    "notebook.code.no_chart": "nothing to draw when your setting diverged before the snapshot (the page draws none)",
    "notebook.code.bn_losses": "the final losses: ★ the statistics BN uses at inference",
    "notebook.code.bn_phase": "0: at init, 1: after training",
    "notebook.code.sat_ok": "measured for tanh-like activations only",
    "notebook.code.nothing_trained": "None: nothing trained to show",
    "notebook.code.vocab": "the vocabulary size of section 1",
    "notebook.code.scale_diverged": "None: the network at your scale diverged",
    "notebook.code.made_up": "the names each trained stage makes up ({n} samples each)",
    "notebook.code.with_after": "The number at init and, as the page writes under it, after training (or where it diverged).",
    "notebook.code.when": 'A phase as a chart title says it: "at init", "after 1000 steps".',
    "notebook.code.activations": 'Section 1 of the page for phase p ("init" or "after"): each layer\'s distribution of h.',
}
