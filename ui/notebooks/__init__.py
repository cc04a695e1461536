"""Open a view as a notebook (ui/notebooks/build.py builds it; one spec per page beside it).

This package's own import loads nothing: a generated notebook imports `ui.notebooks.runtime`,
which must come without Streamlit, while the builder reads the pages' controls (ui/views.py,
ui/state.py) and so imports it.
"""
