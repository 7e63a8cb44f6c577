"""Sensitivity and specificity of the straight leg raise and crossed straight leg raise
for disc herniation, with 95% confidence intervals (Deville et al. 2000).

Run: python images/make_slr_accuracy.py -> images/slr-accuracy.svg
"""

import matplotlib.pyplot as plt

from widgets.authoring.figures import save_figure, use_course_style

# (estimate, lower, upper)
TESTS = {
    "Straight leg raise": {"Sensitivity": (0.91, 0.82, 0.94), "Specificity": (0.26, 0.16, 0.38)},
    "Crossed straight leg raise": {"Sensitivity": (0.29, 0.24, 0.34), "Specificity": (0.88, 0.86, 0.90)},
}


def main(out_dir=None):
    use_course_style()
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    width = 0.36
    for offset, (measure, colour) in zip(
        (-width / 2, width / 2), (("Sensitivity", "#2f6f9f"), ("Specificity", "#c2571a")), strict=True
    ):
        xs = [index + offset for index in range(len(TESTS))]
        values = [TESTS[test][measure] for test in TESTS]
        heights = [v[0] * 100 for v in values]
        errors = [[(v[0] - v[1]) * 100 for v in values], [(v[2] - v[0]) * 100 for v in values]]
        ax.bar(xs, heights, width, yerr=errors, capsize=4, color=colour, label=measure)
        for x, height in zip(xs, heights, strict=True):
            ax.text(x, height + 8, f"{height:.0f}%", ha="center")
    ax.set_xticks(range(len(TESTS)), list(TESTS))
    ax.set_ylim(0, 110)
    ax.set_ylabel("Percent (95% CI)")
    ax.legend(frameon=False, loc="upper center", ncol=2)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return save_figure(fig, "slr-accuracy", out_dir)


if __name__ == "__main__":
    print(*main(), sep="\n")
