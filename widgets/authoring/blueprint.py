"""The assessment blueprint: how many items test each objective at each Bloom level.

`python -m widgets.quizbank blueprint` prints it, and the instructor guide shows it through
the `quiz-blueprint` directive (sphinx_ext), so the table is rebuilt from the banks at every
build and cannot go stale.
"""

from __future__ import annotations

from ..quizbank import Bank

LEVELS = ("remember", "understand", "apply", "analyse", "evaluate")
# Apply and above ask a learner to use what they know, not only to recall it (issue 15: ≥ 40 %).
HIGHER_ORDER = frozenset(LEVELS[LEVELS.index("apply") :])
HIGHER_ORDER_TARGET = 0.40


def level_counts(items: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(LEVELS, 0)
    for item in items:
        if item.get("level") in counts:
            counts[item["level"]] += 1
    return counts


def _row(label: str, counts: dict[str, int], bold: bool = False) -> str:
    total = sum(counts.values())
    cells = [label, *(str(counts[level] or "") for level in LEVELS), str(total)]
    if bold:
        cells = [f"**{cell}**" if cell else cell for cell in cells]
    return "| " + " | ".join(cells) + " |"


def higher_order_share(items: list[dict]) -> float:
    return sum(item.get("level") in HIGHER_ORDER for item in items) / len(items) if items else 0.0


def blueprint_markdown(banks: list[Bank]) -> str:
    """One table: a row per objective (items per level and in all), a total row per chapter."""
    header = "| Chapter / objective | " + " | ".join(LEVELS) + " | items |"
    lines = [header, "|" + "---|" * (len(LEVELS) + 2)]
    everything = []
    for bank in banks:
        for key, text in bank.objectives.items():
            items = [item for item in bank.items if item.get("objective") == key]
            escaped = text.replace("|", "\\|")
            lines.append(_row(f"`{key}` {escaped}", level_counts(items)))
        share = higher_order_share(bank.items)
        lines.append(_row(f"{bank.title} ({bank.chapter}): {share:.0%} apply or above", level_counts(bank.items), True))
        everything += bank.items
    share = higher_order_share(everything)
    lines.append(_row(f"All chapters: {share:.0%} apply or above", level_counts(everything), True))
    per_objective = len(everything) / max(1, sum(len(bank.objectives) for bank in banks))
    verdict = "meets" if share >= HIGHER_ORDER_TARGET else "is below"
    summary = (
        f"{len(everything)} items over {sum(len(b.objectives) for b in banks)} objectives "
        f"({per_objective:.1f} items per objective); {share:.0%} ask for apply or above, which "
        f"{verdict} the course's target of {HIGHER_ORDER_TARGET:.0%}."
    )
    return "\n".join(lines) + "\n\n" + summary
