/* Quiz: one fieldset per item, tries before the answer is shown, an honest score, a summary
 * by learning objective, optional one-question-at-a-time layout; progress saved locally. */

const QUIZ_STORAGE_VERSION = "v2";

function render({ model, el }) {
  const items = model.get("items");
  const maxAttempts = Math.max(1, model.get("attempts"));
  const paged = model.get("layout") === "paged";
  const objectives = model.get("objectives");
  const storageKey = `npc-quiz:${QUIZ_STORAGE_VERSION}:${model.get("bank")}:${model.get("bank_hash")}`;
  const validIds = new Set(items.map((item) => item.id));
  const isValidProgress = (value) =>
    value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.entries(value).every(([id, entry]) => validIds.has(id) && isValidEntry(entry));

  const saved = loadSaved(storageKey, isValidProgress);
  const notes = [saved.note, forgetOlderFormat(model.get("bank"))].filter(Boolean);
  let answers = Object.assign({}, saved.value || model.get("answers") || {});
  let page = 0;

  const root = h("div", { className: "npc-widget npc-quiz", "data-widget": "quiz", "data-bank": model.get("bank") });
  const note = h("p", { className: "npc-note", "data-role": "storage-note", role: "status" }, notes.join(" "));
  note.hidden = notes.length === 0;
  const score = h("p", { className: "npc-quiz-score", "data-role": "score", "aria-live": "polite" });
  const summary = h("div", { className: "npc-quiz-summary", "data-role": "summary", "aria-live": "polite" });
  const restart = h("button", { type: "button", "data-action": "restart", onclick: startAgain }, "Start again");
  const how = h(
    "p",
    { className: "npc-muted" },
    maxAttempts > 1
      ? `You have ${maxAttempts} tries per question. A question counts if you get it right before the answer is shown.`
      : "One try per question; a question counts if you get it right.",
  );
  root.append(h("h3", {}, model.get("title")), how, note);

  const plate = model.get("plate");
  const views = items.map((item, index) => {
    const options = {
      label: `Question ${index + 1} of ${items.length}`,
      maxAttempts,
      revealedNote: "This question does not count towards your score.",
      onCheck: (value) => record(item, nextEntry(item, answers[item.id], value, maxAttempts)),
      onReveal: () => record(item, revealedEntry(answers[item.id])),
    };
    // A hotspot item is answered by picking the structure on the anatomy plate.
    return item.type === "hotspot" && plate && plate.svg
      ? renderHotspotQuestion(item, options, plate)
      : renderQuestion(item, options);
  });
  const list = h("div", { className: "npc-quiz-items" });
  views.forEach((view) => list.append(view.element));
  root.append(list);

  const pager = h("div", { className: "npc-quiz-pager", "data-role": "pager" });
  const previous = h(
    "button",
    { type: "button", "data-action": "previous-question", onclick: () => turn(-1) },
    "Previous question",
  );
  const next = h("button", { type: "button", "data-action": "next-question", onclick: () => turn(1) }, "Next question");
  const position = h("span", { "data-role": "position", "aria-live": "polite" });
  if (paged) {
    pager.append(previous, position, next);
    root.append(pager);
  }
  root.append(h("div", { className: "npc-quiz-footer" }, score, summary, restart));
  el.append(root);

  function record(item, entry) {
    answers = Object.assign({}, answers, { [item.id]: entry });
    publish();
  }

  function startAgain() {
    answers = {};
    page = 0;
    publish();
    views[0].focus();
  }

  function turn(step) {
    page = Math.min(items.length - 1, Math.max(0, page + step));
    show();
    views[page].focus();
  }

  function publish() {
    save(storageKey, answers);
    syncTrait(model, "answers", answers);
    syncTrait(model, "score", items.filter((item) => entryCounts(answers[item.id])).length);
    syncTrait(
      model,
      "completed",
      items.every((item) => answers[item.id] && answers[item.id].closed),
    );
    show();
  }

  function showSummary(closedCount) {
    if (closedCount < items.length) {
      summary.replaceChildren();
      return;
    }
    const rows = objectives.map((objective) => {
      const mine = items.filter((item) => item.objective === objective.id);
      if (mine.length === 0) return null;
      const right = mine.filter((item) => entryCounts(answers[item.id])).length;
      const advice =
        right === mine.length
          ? "well done."
          : objective.section_url
            ? h(
                "span",
                {},
                "review ",
                h("a", { href: objective.section_url }, objective.section_title || "this section"),
                ".",
              )
            : "review this part of the chapter.";
      return h(
        "li",
        { "data-objective": objective.id },
        h("strong", {}, `${objective.text}: `),
        `${right} of ${mine.length} right — `,
        advice,
      );
    });
    summary.replaceChildren(h("h4", {}, "Your results by learning objective"), h("ul", {}, rows));
  }

  function show() {
    const right = items.filter((item) => entryCounts(answers[item.id])).length;
    const closedCount = items.filter((item) => answers[item.id] && answers[item.id].closed).length;
    score.textContent = `Score: ${right} / ${items.length} right · ${closedCount} of ${items.length} done`;
    items.forEach((item, index) => {
      views[index].show(answers[item.id]);
      views[index].element.hidden = paged && index !== page;
    });
    if (paged) {
      position.textContent = `Question ${page + 1} of ${items.length}`;
      previous.disabled = page === 0;
      next.disabled = page === items.length - 1;
    }
    showSummary(closedCount);
  }

  // Answers set from Python (quiz.answers = {} to retake) replace the browser's copy too,
  // or a reload would bring the old answers back.
  function onKernelAnswers() {
    answers = Object.assign({}, model.get("answers") || {});
    save(storageKey, answers);
    show();
  }
  model.on("change:answers", onKernelAnswers);
  if (saved.value) syncTrait(model, "answers", answers);
  show();
  return () => model.off("change:answers", onKernelAnswers);
}

/** Answers saved before tries and reveals were counted cannot be scored honestly: drop them
 * and say so once. */
function forgetOlderFormat(bank) {
  try {
    const old = Object.keys(window.localStorage).filter((key) => key.startsWith(`npc-quiz:${bank}:`));
    if (old.length === 0) return "";
    old.forEach((key) => window.localStorage.removeItem(key));
    return "This quiz now counts a question only if you get it right before the answer is shown, so your earlier answers were reset.";
  } catch (_error) {
    return "";
  }
}

export default { render };
