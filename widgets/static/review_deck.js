/* ReviewDeck: self-paced review of every bank, scheduled by FSRS. The schedule and the
 * progress record are review_schedule.js, a part prepended to this file (widgets/_base.py)
 * with the vendored ts-fsrs; the scheduler's settings come from Python in the `scheduler` trait. */

const REVIEW_KEY = "npc-review:v2";
const LEITNER_KEY = "npc-review:v1";
const COURSE_BACKUP_FORMAT = "npc-course-progress";
const GRADE_CHOICES = [
  { name: "again", value: 1, label: "Again", meaning: "I did not know it" },
  { name: "hard", value: 2, label: "Hard", meaning: "I got there with effort" },
  { name: "good", value: 3, label: "Good", meaning: "I knew it after a moment" },
  { name: "easy", value: 4, label: "Easy", meaning: "I knew it at once" },
];

function render({ model, el }) {
  const items = model.get("items");
  const scheduler = makeScheduler(model.get("scheduler"));
  const saved = loadSaved(REVIEW_KEY, isValidProgress);
  const notes = [saved.note, retireLeitnerProgress(), model.get("note")].filter(Boolean);
  // The newer of the browser's and the kernel's copy wins, so both places keep progress.
  let progress =
    [saved.value, model.get("progress")]
      .filter(isValidProgress)
      .sort((a, b) => (b.updated || 0) - (a.updated || 0))[0] || emptyProgress();

  const root = h("div", { className: "npc-widget npc-review", "data-widget": "review-deck" });
  const note = h("p", { className: "npc-note", "data-role": "storage-note", role: "status" });
  const dueCount = h("span", { "data-role": "due-count" });
  const summary = h("p", { className: "npc-muted", "data-role": "summary" });
  const card = h("div", { className: "npc-review-card", "data-role": "card" });
  const grading = h("div", { className: "npc-review-grades", "data-role": "grades" });
  const nextReview = h("p", { className: "npc-review-next", "data-role": "next-review", "aria-live": "polite" });
  const next = h("button", { type: "button", "data-action": "next", onclick: showNext }, "Next card");
  const tools = renderTools();
  root.append(
    h("h3", {}, "Review deck"),
    h(
      "p",
      {},
      "Answer each card, then say how well you remembered it. Cards you find easy come back after longer gaps; cards you miss come back soon.",
    ),
    note,
    h("p", { className: "npc-review-due" }, "Cards for today: ", dueCount),
    summary,
    card,
    grading,
    nextReview,
    next,
    tools.element,
  );
  el.append(root);
  showNote(notes.join(" "));

  let current = null; // { item, view, entry, graded }

  function publish() {
    progress = Object.assign({}, progress, { updated: Date.now() });
    save(REVIEW_KEY, progress);
    syncTrait(model, "progress", progress);
  }

  function showNote(text) {
    note.textContent = text;
    note.hidden = !text;
  }

  function showCounts() {
    const work = todaysWork(items, progress.cards, Date.now(), model.get("new_cards_per_day"));
    dueCount.textContent = String(work.learning.length + work.reviews.length + work.fresh.length);
    const notStarted = items.filter((item) => !progress.cards[item.id]).length;
    summary.textContent =
      `Due for review: ${work.reviews.length} · Coming back in this sitting: ${work.learning.length} · ` +
      `New cards left today: ${work.fresh.length} of ${model.get("new_cards_per_day")} · Not started yet: ${notStarted} of ${items.length}`;
    return work;
  }

  function showCard(item, entry) {
    current = { item, entry: null, graded: false };
    const options = {
      label: `From: ${item.bank_title}`,
      maxAttempts: 1,
      onCheck: (value) => answered(nextEntry(item, null, value, 1)),
      onReveal: () => answered(revealedEntry(null)),
    };
    const plate = model.get("plate");
    // A hotspot card is answered by picking the structure on the anatomy plate.
    const view =
      item.type === "hotspot" && plate && plate.svg
        ? renderHotspotQuestion(item, options, plate)
        : renderQuestion(item, options);
    current.view = view;
    card.replaceChildren(view.element);
    grading.replaceChildren();
    nextReview.textContent = "";
    next.hidden = true;
    if (entry) answered(entry);
  }

  // One answer per card per review: the first Check or Show answer closes the card and is kept
  // (as `pending`) until the learner grades it, so a reload cannot undo it.
  function answered(entry) {
    if (!current || current.entry) return;
    current.entry = entry;
    current.view.show(entry);
    if (!progress.pending || progress.pending.id !== current.item.id) {
      progress = Object.assign({}, progress, { pending: { id: current.item.id, entry } });
      publish();
    }
    showGrades(entryCounts(entry));
  }

  function showGrades(knewIt) {
    const now = Date.now();
    const history = progress.cards[current.item.id] ? progress.cards[current.item.id].reviews : [];
    const choices = knewIt ? GRADE_CHOICES : GRADE_CHOICES.slice(0, 1);
    const buttons = choices.map((choice) => {
      const after = replayCard(scheduler, history.concat([[new Date(now).toISOString(), choice.value]]));
      return h(
        "button",
        { type: "button", "data-grade": choice.name, "aria-pressed": "false", onclick: () => grade(choice) },
        h("strong", {}, choice.label),
        h("span", {}, `${choice.meaning} · back ${describeWait(after.due, now).replace(", in this sitting", "")}`),
      );
    });
    const ask = knewIt
      ? "How well did you remember it?"
      : "You did not get this one, so it counts as forgotten and comes back later in this sitting.";
    grading.replaceChildren(
      h("p", {}, ask),
      h("div", { className: "npc-review-grade-buttons", role: "group", "aria-label": "Rate your recall" }, buttons),
    );
  }

  function grade(choice) {
    if (!current?.entry || current.graded) return;
    if (choice.value > 1 && !entryCounts(current.entry)) return;
    current.graded = true;
    const id = current.item.id;
    const reviews = (progress.cards[id] ? progress.cards[id].reviews : []).concat([
      [new Date().toISOString(), choice.value],
    ]);
    const cards = Object.assign({}, progress.cards, {
      [id]: Object.assign({ reviews }, replayCard(scheduler, reviews)),
    });
    progress = Object.assign({}, progress, { cards, pending: null });
    publish();
    grading.querySelectorAll("button").forEach((button) => {
      button.disabled = true;
      button.setAttribute("aria-pressed", String(button.dataset.grade === choice.name));
    });
    nextReview.textContent = `Graded ${choice.label}. Next review ${describeWait(cards[id].due, Date.now())}.`;
    showCounts();
    next.hidden = false;
    next.focus();
  }

  function showNext() {
    const work = showCounts();
    const pendingItem = progress.pending && items.find((item) => item.id === progress.pending.id);
    if (pendingItem) {
      showCard(pendingItem, progress.pending.entry);
      return;
    }
    const item = pickNext(work, progress.cards, Date.now());
    if (!item) {
      current = null;
      card.replaceChildren(
        h("p", { "data-role": "done" }, "Nothing more to review today. Come back tomorrow for your next review."),
      );
      grading.replaceChildren();
      next.hidden = true;
      return;
    }
    showCard(item, null);
    current.view.focus();
  }

  function renderTools() {
    const status = h("p", { className: "npc-muted", "data-role": "tools-status", role: "status" });
    const exportButton = h(
      "button",
      { type: "button", "data-action": "export", onclick: exportProgress },
      "Export progress",
    );
    const fileInput = h("input", {
      type: "file",
      accept: "application/json,.json",
      id: uniqueId("review-import"),
      "data-action": "import",
      className: "npc-visually-hidden",
    });
    fileInput.addEventListener("change", () => importProgress(fileInput, status));
    const importLabel = h("label", { for: fileInput.id, className: "npc-review-import" }, "Import progress");
    const reset = h("button", { type: "button", "data-action": "reset" }, "Reset progress");
    const confirm = h(
      "span",
      { className: "npc-review-confirm", hidden: true },
      "Clear every card's review history in this browser? ",
      h(
        "button",
        { type: "button", "data-action": "confirm-reset", onclick: () => resetProgress(status) },
        "Yes, clear it",
      ),
      h(
        "button",
        {
          type: "button",
          "data-action": "cancel-reset",
          onclick: () => {
            confirm.hidden = true;
            reset.focus();
          },
        },
        "Cancel",
      ),
    );
    reset.addEventListener("click", () => {
      confirm.hidden = false;
      confirm.querySelector("button").focus();
    });
    const element = h(
      "details",
      { className: "npc-review-tools" },
      h("summary", {}, "Your progress: export, import or reset"),
      h(
        "p",
        {},
        "Progress is kept in this browser. To move to another computer, export it to a file and import the file there (it works in JupyterLab too).",
      ),
      h("div", { className: "npc-review-tool-buttons" }, exportButton, fileInput, importLabel, reset),
      confirm,
      status,
    );
    element.open = true;
    return { element, confirm };
  }

  function exportProgress() {
    const text = JSON.stringify(Object.assign({}, progress, { exported: new Date().toISOString() }), null, 1);
    const link = h("a", {
      href: URL.createObjectURL(new Blob([text], { type: "application/json" })),
      download: `nerve-pain-review-${localDay(Date.now())}.json`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async function importProgress(input, status) {
    const file = input.files?.[0];
    if (!file) return;
    let data = null;
    try {
      data = JSON.parse(await file.text());
    } catch (_error) {
      data = null;
    }
    if (data && data.format === COURSE_BACKUP_FORMAT && data.storage) data = data.storage[REVIEW_KEY];
    input.value = "";
    if (!isValidProgress(data)) {
      status.textContent = `${file.name} is not a review-progress file from this course, so nothing was imported.`;
      return;
    }
    progress = mergeProgress(progress, data);
    publish();
    const count = Object.keys(data.cards).length;
    status.textContent = `Imported ${count} ${count === 1 ? "card" : "cards"} from ${file.name}.`;
    showNext();
  }

  function resetProgress(status) {
    // `cleared` tells the kernel, which merges every deck's progress, that older cards are gone.
    progress = Object.assign(emptyProgress(), { cleared: Date.now() });
    publish();
    tools.confirm.hidden = true;
    status.textContent = "Your review progress was cleared.";
    showNext();
  }

  // Another view's or deck's answers, merged in by the kernel. The card on screen stays unless
  // it was reviewed elsewhere meanwhile: a grade arriving from another deck must not wipe the
  // answer just given here (the merge carries the sending deck's `pending`, not this one's).
  function onKernelProgress() {
    const fromKernel = model.get("progress");
    if (!isValidProgress(fromKernel) || (fromKernel.updated || 0) <= (progress.updated || 0)) return;
    const onScreen = current?.item.id;
    const reviews = (record) => record.cards[onScreen]?.reviews.length || 0;
    const keepCard = onScreen !== undefined && reviews(fromKernel) <= reviews(progress);
    const mine = progress.pending;
    progress = keepCard && mine?.id === onScreen ? Object.assign({}, fromKernel, { pending: mine }) : fromKernel;
    save(REVIEW_KEY, progress);
    if (keepCard) showCounts();
    else showNext();
  }
  model.on("change:progress", onKernelProgress);
  if (saved.value && saved.value === progress) syncTrait(model, "progress", progress);
  showNext();
  return () => model.off("change:progress", onKernelProgress);
}

/** Progress from the earlier Leitner-box deck cannot be turned into an FSRS history: keep a copy
 * (set aside under a numbered key) and say once that the deck starts afresh. */
function retireLeitnerProgress() {
  try {
    const raw = window.localStorage.getItem(LEITNER_KEY);
    if (raw === null) return "";
    const copy = setAside(LEITNER_KEY, raw);
    return (
      "The review deck now uses a better schedule, so your earlier review progress could not be carried over and the deck starts afresh." +
      (copy ? ` A copy was kept in this browser as "${copy}".` : "")
    );
  } catch (_error) {
    return "";
  }
}

export { isValidProgress, makeScheduler, replayCard, todaysWork };
export default { render };
