"""The app's pages, in menu order: file, icon, url and the text keys of their home-page card."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to the repo root, as st.page_link wants it
    icon: str
    key: str  # text keys: home.card.<key>.title / .body

    @property
    def url_path(self) -> str:
        """Its url, e.g. /Tanh_saturation: Streamlit names a pages/ file by its name without
        the number prefix and .py."""
        return re.sub(r"^\d+_?", "", Path(self.path).stem)


PAGES = (
    PageInfo("pages/1_Activation_gallery.py", "📈", "gallery"),
    PageInfo("pages/2_Tanh_saturation.py", "🔥", "saturation"),
    PageInfo("pages/3_Dead_neurons.py", "💀", "dead"),
    PageInfo("pages/4_Loss_at_init.py", "🎯", "loss"),
    PageInfo("pages/5_Deep_network_health.py", "🩺", "deep"),
    PageInfo("pages/6_Loss_log.py", "📉", "loss_log"),
    PageInfo("pages/7_BatchNorm.py", "🧪", "batchnorm"),
)

SCRIPTS = {"home": "streamlit_app.py", **{p.key: p.path for p in PAGES}}  # page id -> its script
