"""The book's favicon: a nerve branching into two divisions, as in the sciatic-nerve diagram.

Without one, every page load asks the server for /favicon.ico and gets a 404.
Run: python images/make_favicon.py -> images/favicon.svg
"""

import matplotlib.pyplot as plt

from widgets.authoring.figures import save_figure, use_course_style


def main(out_dir=None):
    use_course_style()
    fig = plt.figure(figsize=(0.64, 0.64))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.add_patch(plt.Circle((0.5, 0.5), 0.48, color="#2f6f9f"))
    ax.plot([0.5, 0.5], [0.85, 0.45], color="#f5d76e", linewidth=5, solid_capstyle="round")
    ax.plot([0.5, 0.32], [0.45, 0.15], color="#f5d76e", linewidth=4, solid_capstyle="round")
    ax.plot([0.5, 0.68], [0.45, 0.15], color="#f5d76e", linewidth=4, solid_capstyle="round")
    return save_figure(fig, "favicon", out_dir)


if __name__ == "__main__":
    main()
