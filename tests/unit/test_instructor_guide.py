"""The instructor guide's example bank item validates when pasted where the guide says."""

import re

from widgets.authoring.bank_checks import bank_problems
from widgets.paths import BANK_DIR, CHAPTER_DIR, REPO_ROOT

GUIDE = REPO_ROOT / "chapters" / "appendix" / "instructor-guide.md"


def guide_example_item() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "the guide should show exactly one example item"
    return blocks[0]


def test_the_guide_example_pasted_into_the_conclusion_bank_is_valid(tmp_path):
    bank = (BANK_DIR / "conclusion.yml").read_text(encoding="utf-8")
    pasted = tmp_path / "conclusion.yml"
    pasted.write_text(bank.rstrip("\n") + "\n" + guide_example_item(), encoding="utf-8")
    problems, data = bank_problems(pasted, CHAPTER_DIR)
    assert problems == []
    assert data["items"][-1]["id"] == "conclusion-example-saddle-numbness"
