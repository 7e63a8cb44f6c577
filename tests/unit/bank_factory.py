"""Write small, valid banks (and the chapter notebook they point at) for validation tests."""

import copy
import pathlib

import nbformat
import yaml

OBJECTIVES = {"demo-1": "Describe the sciatic nerve.", "demo-2": "Identify red flags."}
OBJECTIVE_TEXTS = tuple(OBJECTIVES.values())
# The MyST label write_chapter() puts before each objective's section.
REVIEW_SECTIONS = {"demo-1": "sec-demo-nerve", "demo-2": "sec-demo-flags"}


def valid_bank() -> dict:
    return copy.deepcopy(
        {
            "bank": "demo",
            "chapter": "09-demo",
            "title": "Demo self-check",
            "objectives": dict(OBJECTIVES),
            "review_sections": dict(REVIEW_SECTIONS),
            "items": [
                {
                    "id": "demo-single",
                    "level": "remember",
                    "type": "single",
                    "prompt": "Which roots form the sciatic nerve?",
                    "options": ["L4 to S3", "L1 to L4"],
                    "answer": "L4 to S3",
                    "explanation": "L4 to S3.",
                    "source": "standring2020grays",
                    "objective": "demo-1",
                    "difficulty": "easy",
                },
                {
                    "id": "demo-multiple",
                    "level": "understand",
                    "type": "multiple",
                    "prompt": "Which are red flags?",
                    "options": ["Saddle numbness", "Tight hamstrings", "Bowel incontinence"],
                    "answer": ["Saddle numbness", "Bowel incontinence"],
                    "explanation": "Cauda equina signs.",
                    "source": "finucane2020redflags",
                    "objective": "demo-2",
                    "difficulty": "medium",
                },
                {
                    "id": "demo-true-false",
                    "level": "remember",
                    "type": "true_false",
                    "prompt": "Night pain can be a red flag.",
                    "answer": True,
                    "explanation": "Constant night pain is a red flag.",
                    "source": "finucane2020redflags",
                    "objective": "demo-2",
                    "difficulty": "easy",
                },
                {
                    "id": "demo-numeric",
                    "level": "remember",
                    "type": "numeric",
                    "prompt": "SLR sensitivity in percent?",
                    "answer": 91,
                    "tolerance": 2,
                    "explanation": "0.91.",
                    "source": "deville2000lasegue",
                    "objective": "demo-1",
                    "difficulty": "hard",
                },
                {
                    "id": "demo-hotspot",
                    "level": "remember",
                    "type": "hotspot",
                    "prompt": "Choose piriformis.",
                    "options": ["piriformis", "ischial_tuberosity"],
                    "answer": "piriformis",
                    "explanation": "It is.",
                    "source": "standring2020grays",
                    "objective": "demo-1",
                    "difficulty": "easy",
                },
            ],
        }
    )


def write_chapter(directory: pathlib.Path, objectives=OBJECTIVE_TEXTS) -> pathlib.Path:
    numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(objectives, start=1))
    sections = "\n\n".join(f"({label})=\n## Section {label}\n\nText." for label in REVIEW_SECTIONS.values())
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                f"# Demo\n\n## Learning objectives\n\nBy the end you will be able to:\n\n{numbered}\n"
            ),
            nbformat.v4.new_markdown_cell(sections),
        ]
    )
    path = directory / "09-demo.ipynb"
    nbformat.write(notebook, path)
    return path


def write_bank(directory: pathlib.Path, data: dict | None = None, text: str | None = None, name="demo") -> pathlib.Path:
    path = directory / f"{name}.yml"
    path.write_text(
        text if text is not None else yaml.safe_dump(data or valid_bank(), sort_keys=False), encoding="utf-8"
    )
    return path
