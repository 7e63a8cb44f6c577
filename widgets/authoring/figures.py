"""Deterministic figure export shared by the scripts in images/ and the chapters.

The same inputs give the same SVG bytes on every run (tests regenerate and compare), so
the SVG carries no date, no random ids and text stays text (smaller, searchable).
"""

from __future__ import annotations

import pathlib

import matplotlib

matplotlib.use("Agg")  # figure scripts run headless; kernels never import this module
import matplotlib.pyplot as plt

from ..paths import IMAGES_DIR

DETERMINISTIC_RC = {
    "svg.hashsalt": "nerve-pain-course",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 10,
}


def use_course_style() -> None:
    plt.rcParams.update(DETERMINISTIC_RC)


def save_figure(fig, stem: str, out_dir: pathlib.Path | None = None) -> list[pathlib.Path]:
    """Write `<stem>.svg` with no date or version metadata (pages and the PDF both use the SVG)."""
    out_dir = pathlib.Path(out_dir or IMAGES_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = out_dir / f"{stem}.svg"
    fig.savefig(written, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return [written]
