"""What NICE NG59 says about each treatment named in the source article, and what the
prevention evidence supports (Steffens et al. 2016 and others), as two colour-coded lists.

Run: python images/make_evidence_overview.py -> images/treatment-evidence.svg and
images/prevention-evidence.svg
"""

import matplotlib.pyplot as plt

from widgets.authoring.figures import save_figure, use_course_style

STANCE_COLOURS = {
    "Recommended": "#1a7f37",
    "Consider": "#2f6f9f",
    "Limited or unclear": "#8a6d00",
    "Not supported": "#b3261e",
}
TREATMENT = [
    ("Stay active (rather than bed rest)", "Recommended"),
    ("Exercise programme", "Consider"),
    ("Manual therapy / massage, only with exercise", "Consider"),
    ("Epidural local anaesthetic + steroid (acute, severe)", "Consider"),
    ("Spinal decompression (imaging matches, not improving)", "Consider"),
    ("NSAIDs for sciatica", "Limited or unclear"),
    ("Gabapentinoids, other antiepileptics, oral steroids", "Not supported"),
    ("Benzodiazepines; opioids for chronic sciatica", "Not supported"),
    ("Acupuncture", "Not supported"),
]
PREVENTION = [
    ("Exercise, alone or with education", "Recommended"),
    ("Nordic hamstring exercise (hamstring injury)", "Recommended"),
    ("Healthy body weight", "Limited or unclear"),
    ("Posture and ergonomic workstations", "Limited or unclear"),
    ("Education alone", "Not supported"),
    ("Back belts, shoe insoles", "Not supported"),
]


def evidence_figure(rows, title):
    fig, ax = plt.subplots(figsize=(7.0, 0.42 * len(rows) + 0.9))
    ax.axis("off")
    ax.set_xlim(0, 10)
    ax.set_ylim(len(rows), -1.2)
    ax.text(0, -0.8, title, fontweight="bold")
    for row, (label, stance) in enumerate(rows):
        ax.add_patch(plt.Rectangle((0, row + 0.08), 2.3, 0.8, color=STANCE_COLOURS[stance]))
        ax.text(1.15, row + 0.5, stance, ha="center", va="center", color="white", fontsize=8.5, fontweight="bold")
        ax.text(2.5, row + 0.5, label, va="center")
    fig.tight_layout()
    return fig


def main(out_dir=None):
    use_course_style()
    written = save_figure(
        evidence_figure(TREATMENT, "Treatments for sciatica (NICE NG59)"), "treatment-evidence", out_dir
    )
    written += save_figure(
        evidence_figure(PREVENTION, "Preventing back pain, sciatica and hamstring injury"),
        "prevention-evidence",
        out_dir,
    )
    return written


if __name__ == "__main__":
    print(*main(), sep="\n")
