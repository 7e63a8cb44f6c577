"""Build hook: a wheel carries the course files the widgets read (banks, bibliography, figures).

They live in the repository where instructors edit them; widgets/paths.py names them
(SHIPPED_COURSE_FILES) and says where an installed package finds its copies (SHIPPED_DIR).
An editable install reads the checkout itself, so nothing is copied for it.
"""

import pathlib
import runpy

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = pathlib.Path(__file__).resolve().parent
PATHS = runpy.run_path(str(HERE / "widgets" / "paths.py"))


class BuildPyWithCourseFiles(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        shipped = pathlib.Path(self.build_lib) / PATHS["SHIPPED_DIR"].relative_to(HERE)
        for pattern in PATHS["SHIPPED_COURSE_FILES"]:
            for source in sorted(HERE.glob(pattern)):
                target = shipped / source.relative_to(HERE)
                self.mkpath(str(target.parent))
                self.copy_file(str(source), str(target))


setup(cmdclass={"build_py": BuildPyWithCourseFiles})
