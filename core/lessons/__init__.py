"""The lessons layer: one pure function per page of the app.

Each takes the page's settings as plain values (stable ids such as activation keys, never
display text) and a ``Dataset``, and returns a frozen result: the tidy DataFrames its charts
need and the page's summary numbers. The page only draws and translates. In a notebook:

    from core import lessons
    from core.data import names_dataset
    les = lessons.saturation("relu", 0.2, 0.01, 0.99, 1000, names_dataset())

Every lesson takes ``compute=`` (see ``common.Compute``): how its heavy calls run. The
default calls them directly; the app passes one that caches them server-wide. Called with
only ``data`` and ``compute``, a lesson computes its page's default view (warm start does).
"""
from typing import Callable, Mapping

from core.lessons.common import Compute, direct, expected_init_loss
from core.lessons.dead import DeadLesson, dead
from core.lessons.deep import DeepLesson, deep
from core.lessons.gallery import GalleryLesson, gallery
from core.lessons.loss import LossLesson, SoftmaxLesson, loss, softmax_by_hand
from core.lessons.saturation import SaturationLesson, saturation

# page id (ui/pages.py) -> its lesson. (Each function shadows its module's name here: import
# a module's other names from it directly, e.g. `from core.lessons.saturation import VARIANTS`.)
PAGES: Mapping[str, Callable] = {
    "gallery": gallery,
    "saturation": saturation,
    "dead": dead,
    "loss": loss,
    "deep": deep,
}

__all__ = ["PAGES", "Compute", "direct", "expected_init_loss", "GalleryLesson", "gallery", "SaturationLesson",
           "saturation", "DeadLesson", "dead", "LossLesson", "SoftmaxLesson", "loss", "softmax_by_hand",
           "DeepLesson", "deep"]
