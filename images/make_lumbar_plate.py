"""Write the lumbar-spine plate, images/lumbar-spine-plate.svg, from its hand-authored
geometry (widgets/data/lumbar_plate.yml) and the region ids of widgets/data/lumbar_anatomy.yml.
The SVG is both the widget's second picture and the labelled figure printed in chapter 3.

Run: python images/make_lumbar_plate.py
"""

import pathlib

from widgets.anatomy import load_lumbar_anatomy
from widgets.plate import LUMBAR_PLATE_FILE, load_plate, write_plate_svg

IMAGES_DIR = pathlib.Path(__file__).resolve().parent


def main(out_dir=None):
    return write_plate_svg(
        pathlib.Path(out_dir or IMAGES_DIR), "lumbar-spine-plate", load_plate(LUMBAR_PLATE_FILE), load_lumbar_anatomy()
    )


if __name__ == "__main__":
    for written in main():
        print(written)
