"""Interactive widgets for the course "Nerve Pain in the Hamstring".

Every widget is an anywidget: a Python class whose traits are its whole API, plus an ES
module and a stylesheet in widgets/static/, so it works live in JupyterLab and in the
published static book without a kernel or a network.
"""
from .nerve_diagram import NerveDiagram
from .quiz import Quiz
from .progress import Progress
from .review_deck import ReviewDeck
from .root_explorer import RootLevelExplorer
from .test_accuracy import TestAccuracy
from .triage import RedFlagTriage

__all__ = ["NerveDiagram", "Progress", "Quiz", "ReviewDeck", "RootLevelExplorer", "TestAccuracy", "RedFlagTriage"]
