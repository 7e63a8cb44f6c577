"""A table figure of the L4, L5 and S1 root patterns (Ropper and Zafonte 2015).

Run: python images/make_root_levels.py -> images/root-level-patterns.svg
"""

import matplotlib.pyplot as plt

from widgets.authoring.figures import save_figure, use_course_style

COLUMNS = ["Root", "Skin\n(dermatome)", "Weakness\n(myotome)", "Reflex", "Disc level\nusually involved"]
ROWS = [
    ["L4", "Medial leg to\nmedial ankle", "Knee extension\n(quadriceps)", "Knee reflex\nreduced", "L3-L4"],
    [
        "L5",
        "Lateral leg, top of\nfoot, big toe",
        "Big-toe extension,\nankle dorsiflexion",
        "No reliable\nreflex",
        "L4-L5",
    ],
    ["S1", "Back of calf,\nlateral foot, sole", "Plantarflexion\n(toe-walking)", "Ankle reflex\nreduced", "L5-S1"],
]


def main(out_dir=None):
    use_course_style()
    fig, ax = plt.subplots(figsize=(7.6, 2.6))
    ax.axis("off")
    table = ax.table(cellText=ROWS, colLabels=COLUMNS, loc="center", cellLoc="center")
    table.auto_set_font_size(False)
    table.set_fontsize(9)
    table.scale(1, 2.6)
    for (row, _col), cell in table.get_celld().items():
        if row == 0:
            cell.set_facecolor("#2f6f9f")
            cell.get_text().set_color("white")
            cell.get_text().set_fontweight("bold")
        elif row % 2:
            cell.set_facecolor("#eef3f8")
    fig.tight_layout()
    return save_figure(fig, "root-level-patterns", out_dir)


if __name__ == "__main__":
    print(*main(), sep="\n")
