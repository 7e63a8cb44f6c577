"""The blueprint: objective x Bloom level counts per chapter, on the command line and in the guide."""

from widgets.authoring import cli
from widgets.authoring.blueprint import LEVELS, blueprint_markdown, higher_order_share, level_counts
from widgets.quizbank import Bank, load_all_banks

from .bank_factory import valid_bank


def demo_bank() -> Bank:
    data = valid_bank()
    return Bank("demo", data["chapter"], data["title"], data["objectives"], data["items"], "0")


def test_counts_per_objective_and_level_add_up_to_the_bank():
    bank = demo_bank()
    table = blueprint_markdown([bank])
    rows = [line for line in table.splitlines() if line.startswith("| `demo-")]
    assert rows == [
        "| `demo-1` Describe the sciatic nerve. | 3 |  |  |  |  | 3 |",
        "| `demo-2` Identify red flags. | 1 | 1 |  |  |  | 2 |",
    ]
    assert "| **Demo self-check (09-demo): 0% apply or above** | **4** | **1** |  |  |  | **5** |" in table
    assert table.endswith("5 items over 2 objectives (2.5 items per objective); 0% ask for apply or above, "
                          "which is below the course's target of 40%.")  # fmt: skip


def test_every_course_item_is_counted_once_at_its_level():
    banks = load_all_banks()
    items = [item for bank in banks for item in bank.items]
    assert sum(level_counts(items).values()) == len(items)
    assert set(LEVELS) >= {item["level"] for item in items}


def test_the_course_meets_its_apply_or_above_target():
    items = [item for bank in load_all_banks() for item in bank.items]
    assert higher_order_share(items) >= 0.40


def test_cli_prints_the_blueprint(capsys):
    assert cli.main(["blueprint", "--bank", "anatomy"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| Chapter / objective | remember | understand | apply | analyse | evaluate | items |")
    assert "`anatomy-1`" in out and "`causes-1`" not in out
