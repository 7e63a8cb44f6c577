/* Progress ("My progress"): what the quizzes, the review deck and the triage practice saved in
 * this browser, by chapter and learning objective. Reads only; nothing leaves the browser. */

const PROGRESS_QUIZ_PREFIX = "npc-quiz:v2:";
const PROGRESS_DECK_KEY = "npc-review:v2";
const PROGRESS_TRIAGE_KEY = "npc-triage:v2";
const PROGRESS_CASE_PREFIX = "npc-case:";
const BACKUP_FORMAT = "npc-course-progress";

function readStored(key) {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch (_error) {
    return null;
  }
}

const isDeckProgress = (value) =>
  Boolean(value && value.format === "npc-review-progress" && value.cards && typeof value.cards === "object");

/** Every course key in this browser, parsed where possible, as one backup object. */
function courseBackup() {
  const storage = {};
  try {
    for (const key of Object.keys(window.localStorage)
      .filter((k) => k.startsWith("npc-"))
      .sort()) {
      const raw = window.localStorage.getItem(key);
      try {
        storage[key] = JSON.parse(raw);
      } catch (_error) {
        storage[key] = raw;
      }
    }
  } catch (_error) {
    /* storage blocked: an empty backup */
  }
  return { format: BACKUP_FORMAT, version: 1, exported: new Date().toISOString(), storage };
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function render({ model, el }) {
  const root = h("div", { className: "npc-widget npc-progress", "data-widget": "progress" });
  const body = h("div", { "data-role": "report", "aria-live": "polite" });
  const exportButton = h(
    "button",
    { type: "button", "data-action": "export", onclick: download },
    "Export all my progress",
  );
  root.append(
    h("h3", {}, "My progress"),
    h(
      "p",
      { className: "npc-muted" },
      "Read from this browser only: nothing is sent anywhere. A question counts as mastered when you got it right in the chapter quiz without showing the answer, or when the review deck expects you to remember it for three weeks or more.",
    ),
    body,
    h(
      "div",
      { className: "npc-progress-actions" },
      exportButton,
      h(
        "span",
        { className: "npc-muted" },
        "Saves quizzes, review deck and triage answers in one file; the review deck's Import reads it on another computer.",
      ),
    ),
  );
  el.append(root);

  function deckProgress() {
    const stored = readStored(PROGRESS_DECK_KEY);
    return (
      [stored, model.get("review_progress")]
        .filter(isDeckProgress)
        .sort((a, b) => (b.updated || 0) - (a.updated || 0))[0] || { cards: {} }
    );
  }

  function itemStatus(id, quiz, deck, endOfToday) {
    const card = deck.cards[id];
    const quizRight = entryCounts(quiz[id]);
    const deckStrong = Boolean(card && card.stability >= model.get("mastered_stability_days"));
    return {
      mastered: quizRight || deckStrong,
      due: Boolean(card && Date.parse(card.due) < endOfToday),
      seen: Boolean(quiz[id] || card),
    };
  }

  function report() {
    const deck = deckProgress();
    const endOfToday = new Date();
    endOfToday.setHours(24, 0, 0, 0);
    let mastered = 0,
      due = 0,
      total = 0,
      seen = 0;
    const sections = model.get("chapters").map((chapter) => {
      const quiz = readStored(`${PROGRESS_QUIZ_PREFIX}${chapter.bank}:${chapter.bank_hash}`) || {};
      const rows = chapter.objectives.map((objective) => {
        const statuses = objective.items.map((id) => itemStatus(id, quiz, deck, endOfToday));
        const right = statuses.filter((s) => s.mastered).length,
          waiting = statuses.filter((s) => s.due).length;
        mastered += right;
        due += waiting;
        total += statuses.length;
        seen += statuses.filter((s) => s.seen).length;
        return { objective, right, waiting, count: statuses.length };
      });
      const right = rows.reduce((sum, row) => sum + row.right, 0),
        count = rows.reduce((sum, row) => sum + row.count, 0);
      const waiting = rows.reduce((sum, row) => sum + row.waiting, 0);
      return h(
        "section",
        { className: "npc-progress-chapter", "data-chapter": chapter.chapter },
        h("h4", {}, h("a", { href: `${model.get("chapter_base")}${chapter.chapter}.html` }, chapter.title)),
        h(
          "p",
          { "data-role": "chapter-summary" },
          `Mastered ${right} of ${count} questions`,
          waiting ? ` · ${waiting} due for review today` : "",
        ),
        bar(right, count),
        h(
          "ul",
          { className: "npc-progress-objectives" },
          rows.map((row) =>
            h(
              "li",
              { "data-objective": row.objective.id },
              h(
                "span",
                { className: "npc-progress-count" },
                h("strong", { "data-role": "objective-mastered" }, `${row.right} of ${row.count} mastered`),
                row.waiting ? h("span", { "data-role": "objective-due" }, ` · ${row.waiting} due`) : null,
              ),
              h("span", {}, row.objective.text),
            ),
          ),
        ),
      );
    });
    const overview = h(
      "p",
      { className: "npc-progress-overview", "data-role": "overview" },
      h("strong", {}, `Mastered ${mastered} of ${total} questions`),
      ` · Due for review today: `,
      h("strong", { "data-role": "due-total" }, String(due)),
      ` · Not started yet: ${total - seen}`,
    );
    const empty =
      seen === 0
        ? h(
            "p",
            { "data-role": "empty" },
            "Nothing is saved in this browser yet. Answer a chapter quiz or review some cards in the review chapter, then come back here.",
          )
        : null;
    body.replaceChildren(...[overview, empty, ...sections, triageSection(), casesSection()].filter(Boolean));
  }

  function bar(value, max) {
    const fill = h("span", { className: "npc-progress-fill" });
    fill.style.width = `${max ? Math.round((100 * value) / max) : 0}%`;
    return h("span", { className: "npc-progress-bar", "aria-hidden": "true" }, fill);
  }

  function triageSection() {
    const answers = readStored(PROGRESS_TRIAGE_KEY) || {};
    const order = model.get("urgency_order");
    const cases = model.get("triage_cases");
    const answered = cases.filter((c) => order.includes(answers[c.id]));
    const safe = answered.filter((c) => order.indexOf(answers[c.id]) <= order.indexOf(c.answer)).length;
    const exact = answered.filter((c) => answers[c.id] === c.answer).length;
    return h(
      "section",
      { className: "npc-progress-chapter", "data-role": "triage" },
      h("h4", {}, "Red-flag triage practice"),
      h(
        "p",
        {},
        answered.length === 0
          ? `Not started yet (${plural(cases.length, "case")}).`
          : `${answered.length} of ${plural(cases.length, "case")} answered · ${safe} safe (${exact} exactly right, ${safe - exact} more cautious than needed) · ${answered.length - safe} not urgent enough`,
      ),
    );
  }

  /** Each case's committed stages and how many keyed decisions matched the model answer. */
  function casesSection() {
    let keys = [];
    try {
      keys = Object.keys(window.localStorage);
    } catch (_error) {
      keys = [];
    }
    const rows = model.get("clinical_cases").map((c) => {
      const key = keys.find((k) => k.startsWith(`${PROGRESS_CASE_PREFIX}${c.id}:`) && !k.includes(":set-aside:"));
      const saved = key ? readStored(key) : null;
      const decisions = saved?.decisions && typeof saved.decisions === "object" ? Object.values(saved.decisions) : [];
      const right = decisions.filter((d) => d && d.correct === true).length;
      const status = decisions.length
        ? `${decisions.length} of ${plural(c.stages, "stage")} committed · ${plural(right, "decision")} as the model answer`
        : `not started (${plural(c.stages, "stage")})`;
      return h(
        "li",
        { "data-case": c.id },
        h("a", { href: `${model.get("chapter_base")}cases/${c.id}.html` }, c.title),
        `: ${status}`,
      );
    });
    return h(
      "section",
      { className: "npc-progress-chapter", "data-role": "cases" },
      h("h4", {}, "Clinical cases"),
      h("ul", {}, rows),
    );
  }

  function download() {
    const text = JSON.stringify(courseBackup(), null, 1);
    const today = new Date().toISOString().slice(0, 10);
    const link = h("a", {
      href: URL.createObjectURL(new Blob([text], { type: "application/json" })),
      download: `nerve-pain-progress-${today}.json`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // Another tab (a chapter quiz, the review deck) saving progress updates this page.
  const onStorage = (event) => {
    if (!event.key || event.key.startsWith("npc-")) report();
  };
  window.addEventListener("storage", onStorage);
  model.on("change:review_progress", report);
  report();
  return () => {
    window.removeEventListener("storage", onStorage);
    model.off("change:review_progress", report);
  };
}

export default { render };
