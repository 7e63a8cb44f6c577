"""Draw the clickable sciatic-nerve diagram from widgets/data/sciatic_anatomy.yml.

Writes images/sciatic-nerve-diagram.svg (read by NerveDiagram).
Run: python images/make_nerve_diagram.py
"""

from widgets.authoring.drawings import draw_diagram
from widgets.authoring.figures import save_figure, use_course_style

STEM = "sciatic-nerve-diagram"


def main(out_dir=None):
    use_course_style()
    return save_figure(draw_diagram(), STEM, out_dir)


if __name__ == "__main__":
    for path in main():
        print(path)
