"""The app's pages, in menu order: file, icon, url and the text keys of their menu entry and
home-page card. streamlit_app.py builds the menu from these (st.navigation)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to the repo root, as st.Page and st.page_link want it
    icon: str
    key: str  # text keys: home.card.<key>.title (also its menu name) / .body

    @property
    def url_path(self) -> str:
        """Its url, e.g. /Tanh_saturation: the file name without number prefix and .py (the
        names file-based pages had, so links shared before the menu existed still work)."""
        return re.sub(r"^\d+_?", "", Path(self.path).stem)


HOME = PageInfo("pages/home.py", "🧠", "home")  # the default page, at the app's root url

PAGES = (
    PageInfo("pages/1_Activation_gallery.py", "📈", "gallery"),
    PageInfo("pages/2_Tanh_saturation.py", "🔥", "saturation"),
    PageInfo("pages/3_Dead_neurons.py", "💀", "dead"),
    PageInfo("pages/4_Loss_at_init.py", "🎯", "loss"),
    PageInfo("pages/5_Deep_network_health.py", "🩺", "deep"),
)
