/* Quiz: one fieldset per item, immediate feedback, score, retry, progress saved locally. */

function render({ model, el }) {
  const items = model.get("items");
  const storageKey = `npc-quiz:${model.get("bank")}:${model.get("bank_hash")}`;
  const validIds = new Set(items.map((item) => item.id));
  const isValidProgress = (value) =>
    value && typeof value === "object" && !Array.isArray(value) &&
    Object.entries(value).every(([id, entry]) => validIds.has(id) && entry && typeof entry.correct === "boolean");

  const saved = loadSaved(storageKey, isValidProgress);
  let answers = Object.assign({}, model.get("answers"), saved.value || {});

  const root = h("div", { className: "npc-widget npc-quiz", "data-widget": "quiz", "data-bank": model.get("bank") });
  const note = h("p", { className: "npc-note", "data-role": "storage-note", role: "status" }, saved.note);
  if (!saved.note) note.hidden = true;
  const score = h("p", { className: "npc-quiz-score", "data-role": "score", "aria-live": "polite" });
  const progress = h("p", { className: "npc-muted", "data-role": "progress" });
  const retry = h("button", { type: "button", "data-action": "retry", onclick: retryMissed }, "Retry the ones I missed");
  root.append(h("h3", {}, model.get("title")), note);

  const views = items.map((item, index) => renderQuestion(item, index, (value) => record(item, value)));
  views.forEach((view) => root.append(view.element));
  root.append(h("div", { className: "npc-quiz-footer" }, score, progress, retry));
  el.append(root);

  function record(item, value) {
    answers = Object.assign({}, answers, { [item.id]: { value, correct: isCorrect(item, value) } });
    publish();
  }

  function retryMissed() {
    answers = Object.fromEntries(Object.entries(answers).filter(([, entry]) => entry.correct));
    publish();
  }

  function publish() {
    save(storageKey, answers);
    const right = Object.values(answers).filter((entry) => entry.correct).length;
    syncTrait(model, "answers", answers);
    syncTrait(model, "score", right);
    syncTrait(model, "completed", Object.keys(answers).length === items.length);
    show();
  }

  function show() {
    const right = Object.values(answers).filter((entry) => entry.correct).length;
    const answered = Object.keys(answers).length;
    score.textContent = `${right} / ${items.length}`;
    progress.textContent = `${answered} of ${items.length} answered`;
    retry.disabled = !Object.values(answers).some((entry) => !entry.correct);
    items.forEach((item, index) => views[index].show(answers[item.id]));
  }

  show();
}

export default { render };
