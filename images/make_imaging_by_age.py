"""Imaging findings in people WITHOUT back pain at age 20 and 80 (Brinjikji et al. 2015).

Run: python images/make_imaging_by_age.py -> images/imaging-findings-by-age.svg
"""

import matplotlib.pyplot as plt

from widgets.authoring.figures import save_figure, use_course_style

FINDINGS = {"Disc degeneration": (37, 96), "Disc bulge": (30, 84), "Disc protrusion": (29, 43)}
AGES = (20, 80)


def main(out_dir=None):
    use_course_style()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for (label, values), marker in zip(FINDINGS.items(), "os^", strict=True):
        ax.plot(AGES, values, marker=marker, linewidth=2, label=label)
        ax.annotate(f"{values[1]}%", (AGES[1], values[1]), xytext=(6, -3), textcoords="offset points")
        ax.annotate(f"{values[0]}%", (AGES[0], values[0]), xytext=(-30, -3), textcoords="offset points")
    ax.set_xticks(AGES, ["Age 20", "Age 80"])
    ax.set_xlim(10, 92)
    ax.set_ylim(0, 100)
    ax.set_ylabel("People without pain with the finding (%)")
    ax.legend(frameon=False, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return save_figure(fig, "imaging-findings-by-age", out_dir)


if __name__ == "__main__":
    print(*main(), sep="\n")
