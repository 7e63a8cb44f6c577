"""Imaging findings in people WITHOUT back pain, by decade of age (Brinjikji et al. 2015).

Plots the review's age-specific prevalence estimates at 20, 30, ... 80 years, so the steep early
rise of disc degeneration is visible, and labels each line once at its right-hand end (labels are
spread apart so that findings with close values at 80, such as bulge and facet degeneration, do
not overprint).

Run: python images/make_imaging_by_age.py -> images/imaging-findings-by-age.svg
"""

import matplotlib.pyplot as plt

from widgets.authoring.figures import save_figure, use_course_style

AGES = (20, 30, 40, 50, 60, 70, 80)
# Prevalence (%) in asymptomatic people at each age in AGES (Brinjikji et al. 2015, table 2).
FINDINGS = {
    "Disc degeneration": (37, 52, 68, 80, 88, 93, 96),
    "Disc bulge": (30, 40, 50, 60, 69, 77, 84),
    "Facet degeneration": (4, 9, 18, 32, 50, 69, 83),
    "Spondylolisthesis": (3, 5, 8, 14, 23, 35, 50),
    "Disc protrusion": (29, 31, 33, 36, 38, 40, 43),
}
MARKERS = "os^Dv"
MIN_LABEL_GAP = 6  # percentage points between end labels


def spread_labels(values: list[float], gap: float) -> list[float]:
    """Label heights close to `values` but at least `gap` apart (order preserved, top first)."""
    order = sorted(range(len(values)), key=lambda i: -values[i])
    placed = {}
    previous = None
    for index in order:
        height = values[index] if previous is None else min(values[index], previous - gap)
        placed[index] = previous = height
    return [placed[i] for i in range(len(values))]


def main(out_dir=None):
    use_course_style()
    fig, ax = plt.subplots(figsize=(7.2, 4.0))
    end_values = [values[-1] for values in FINDINGS.values()]
    label_heights = spread_labels(end_values, MIN_LABEL_GAP)
    for (label, values), marker, height in zip(FINDINGS.items(), MARKERS, label_heights, strict=True):
        (line,) = ax.plot(AGES, values, marker=marker, markersize=4, linewidth=2)
        ax.annotate(
            f"{label} {values[-1]}%",
            xy=(AGES[-1], values[-1]),
            xytext=(AGES[-1] + 2, height),
            va="center",
            color=line.get_color(),
        )
    ax.set_xticks(AGES)
    ax.set_xlim(18, 104)
    ax.set_ylim(0, 100)
    ax.set_xlabel("Age (years)")
    ax.set_ylabel("People without pain with the finding (%)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return save_figure(fig, "imaging-findings-by-age", out_dir)


if __name__ == "__main__":
    print(*main(), sep="\n")
