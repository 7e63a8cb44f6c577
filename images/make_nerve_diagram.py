"""Write the posterior-thigh anatomy plate, images/sciatic-nerve-diagram.svg, from its
hand-authored geometry (widgets/data/sciatic_plate.yml) and the region ids of
widgets/data/sciatic_anatomy.yml. The SVG is both the widget's picture and the labelled
figure printed in chapter 2.

Run: python images/make_nerve_diagram.py
"""

import pathlib

from widgets.anatomy import load_anatomy
from widgets.plate import load_plate, render_plate_svg

STEM = "sciatic-nerve-diagram"
IMAGES_DIR = pathlib.Path(__file__).resolve().parent


def main(out_dir=None):
    out_dir = pathlib.Path(out_dir or IMAGES_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    region_ids = {region["id"] for region in load_anatomy()["regions"]}
    path = out_dir / f"{STEM}.svg"
    path.write_text(render_plate_svg(load_plate(), region_ids), encoding="utf-8")
    return [path]


if __name__ == "__main__":
    for written in main():
        print(written)
