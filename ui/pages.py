"""The app's pages, in menu order: file, icon and the text keys of their home-page card."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to the repo root, as st.page_link wants it
    icon: str
    key: str  # text keys: home.card.<key>.title / .body


PAGES = (
    PageInfo("pages/1_Activation_gallery.py", "📈", "gallery"),
    PageInfo("pages/2_Tanh_saturation.py", "🔥", "saturation"),
    PageInfo("pages/3_Dead_neurons.py", "💀", "dead"),
    PageInfo("pages/4_Loss_at_init.py", "🎯", "loss"),
    PageInfo("pages/5_Deep_network_health.py", "🩺", "deep"),
)
