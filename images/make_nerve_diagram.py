"""Write the posterior-thigh anatomy plate, images/sciatic-nerve-diagram.svg, from its
hand-authored geometry (widgets/data/sciatic_plate.yml) and the region ids of
widgets/data/sciatic_anatomy.yml. The SVG is both the widget's picture and the labelled
figure printed in chapter 2.

Run: python images/make_nerve_diagram.py
"""

import pathlib

from widgets.anatomy import load_anatomy
from widgets.plate import load_plate, write_plate_svg

IMAGES_DIR = pathlib.Path(__file__).resolve().parent


def main(out_dir=None):
    return write_plate_svg(pathlib.Path(out_dir or IMAGES_DIR), "sciatic-nerve-diagram", load_plate(), load_anatomy())


if __name__ == "__main__":
    for written in main():
        print(written)
