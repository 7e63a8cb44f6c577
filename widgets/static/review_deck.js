/* ReviewDeck: Leitner boxes over every bank; mirrors widgets/spacing.py. */

const STORAGE_KEY = "npc-review:v1";

function isoToday() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function nextState(state, correct, today, intervals) {
  const box = correct ? Math.min((state ? state.box : 1) + 1, intervals.length) : 1;
  return { box, due: addDays(today, intervals[box - 1]) };
}

function dueOrder(items, cards, today) {
  const order = new Map(items.map((item, index) => [item.id, index]));
  return items
    .filter((item) => !cards[item.id] || cards[item.id].due <= today)
    .sort((a, b) => {
      const ca = cards[a.id] || { box: 0, due: "" }, cb = cards[b.id] || { box: 0, due: "" };
      return ca.box - cb.box || ca.due.localeCompare(cb.due) || order.get(a.id) - order.get(b.id);
    });
}

const validProgress = (value) => value && typeof value === "object" && value.cards && typeof value.cards === "object" &&
  Object.values(value.cards).every((card) => card && Number.isInteger(card.box) && typeof card.due === "string");

function render({ model, el }) {
  const items = model.get("items");
  const intervals = model.get("intervals");
  const today = isoToday();
  const saved = loadSaved(STORAGE_KEY, validProgress);
  const fromKernel = model.get("progress");
  // The newer of the browser's and the kernel's copy wins, so both places keep progress.
  let progress = [saved.value, fromKernel].filter(validProgress)
    .sort((a, b) => (b.updated || 0) - (a.updated || 0))[0] || { cards: {}, updated: 0 };

  const root = h("div", { className: "npc-widget npc-review", "data-widget": "review-deck" });
  const notes = [saved.note, model.get("note")].filter(Boolean);
  const note = h("p", { className: "npc-note", "data-role": "storage-note", role: "status" }, notes.join(" "));
  note.hidden = notes.length === 0;
  const dueCount = h("span", { "data-role": "due-count" });
  const boxes = h("p", { className: "npc-muted", "data-role": "boxes" });
  const card = h("div", { className: "npc-review-card", "data-role": "card" });
  const next = h("button", { type: "button", "data-action": "next" }, "Next card");
  root.append(h("h3", {}, "Review deck"), note, h("p", {}, "Due today: ", dueCount), boxes, card, next);
  el.append(root);

  let queue = dueOrder(items, progress.cards, today);
  let answeredCurrent = false;

  function answer(item, entry) {
    const correct = entryCounts(entry);
    const cards = Object.assign({}, progress.cards, { [item.id]: nextState(progress.cards[item.id], correct, today, intervals) });
    progress = { cards, updated: Date.now() };
    save(STORAGE_KEY, progress);
    syncTrait(model, "progress", progress);
    answeredCurrent = true;
    showCounts();
    return entry;
  }

  function showCounts() {
    dueCount.textContent = String(dueOrder(items, progress.cards, today).length);
    const counts = intervals.map((_, box) => Object.values(progress.cards).filter((c) => c.box === box + 1).length);
    boxes.textContent = `Cards per box (1-${intervals.length}): ${counts.join(", ")}; not yet seen: ${items.length - Object.keys(progress.cards).length}`;
  }

  function showCard() {
    showCounts();
    const item = queue[0];
    if (!item) {
      card.replaceChildren(h("p", {}, "Nothing is due today. Come back tomorrow for your next review."));
      next.hidden = true;
      return;
    }
    answeredCurrent = false;
    // One try per card per review: the first Check grades it, then the card is closed.
    const view = renderQuestion(item, {
      label: item.bank_title,
      maxAttempts: 1,
      onCheck: (value) => { if (!answeredCurrent) view.show(answer(item, nextEntry(item, null, value, 1))); },
      onReveal: () => { if (!answeredCurrent) view.show(answer(item, revealedEntry(null))); },
    });
    card.replaceChildren(view.element);
    next.hidden = false;
  }

  next.addEventListener("click", () => {
    queue = answeredCurrent ? dueOrder(items, progress.cards, today).filter((i) => i.id !== queue[0].id) : queue.slice(1).concat(queue.slice(0, 1));
    showCard();
  });
  showCard();
}

export default { render };
