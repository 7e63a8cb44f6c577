"""Draw the leg outline with L4, L5, S1 and S2 dermatomes from widgets/data/root_levels.yml.

Writes images/leg-dermatomes.svg (read by RootLevelExplorer).
Run: python images/make_leg_dermatomes.py
"""

from widgets.authoring.drawings import draw_leg_dermatomes
from widgets.authoring.figures import save_figure, use_course_style

STEM = "leg-dermatomes"


def main(out_dir=None):
    use_course_style()
    return save_figure(draw_leg_dermatomes(), STEM, out_dir)


if __name__ == "__main__":
    print(*main(), sep="\n")
