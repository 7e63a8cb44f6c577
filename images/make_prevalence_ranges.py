"""Reported prevalence ranges of sciatica (Konstantinou and Dunn 2008) as range bars.

Run: python images/make_prevalence_ranges.py -> images/sciatica-prevalence-ranges.svg
"""

import matplotlib.pyplot as plt

from widgets.authoring.figures import save_figure, use_course_style

RANGES = [("Annual prevalence", 2, 34), ("Lifetime prevalence", 12, 43)]


def main(out_dir=None):
    use_course_style()
    fig, ax = plt.subplots(figsize=(6.4, 2.2))
    for row, (_label, low, high) in enumerate(RANGES):
        ax.plot([low, high], [row, row], linewidth=10, solid_capstyle="butt", color="#2f6f9f")
        ax.text(low - 1, row, f"{low}%", ha="right", va="center")
        ax.text(high + 1, row, f"{high}%", ha="left", va="center")
    ax.set_yticks(range(len(RANGES)), [label for label, *_ in RANGES])
    ax.set_xlim(0, 50)
    ax.set_ylim(-0.7, len(RANGES) - 0.3)
    ax.set_xlabel("Reported prevalence across studies (%)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return save_figure(fig, "sciatica-prevalence-ranges", out_dir)


if __name__ == "__main__":
    print(*main(), sep="\n")
