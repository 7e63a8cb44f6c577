/* RedFlagTriage: one card per case, the course's urgency scale as choices, and asymmetric
 * feedback: more urgent than needed is cautious and safe, less urgent is unsafe. */

const TRIAGE_STORAGE_KEY = "npc-triage:v2";

function triageVerdict(levelIds, chosen, keyed) {
  const chosenRank = levelIds.indexOf(chosen),
    keyedRank = levelIds.indexOf(keyed);
  if (chosenRank === keyedRank) return "right";
  return chosenRank < keyedRank ? "over" : "under";
}

function render({ model, el }) {
  const levels = model.get("levels");
  const levelIds = levels.map((level) => level.id);
  const labels = Object.fromEntries(levels.map((level) => [level.id, level.label]));
  const caseIds = new Set(model.get("cases").map((item) => item.id));
  const isValidAnswers = (value) =>
    value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.entries(value).every(([id, level]) => caseIds.has(id) && levelIds.includes(level));
  const saved = loadSaved(TRIAGE_STORAGE_KEY, isValidAnswers);
  let answers = Object.assign({}, model.get("answers"), saved.value || {});
  const cases = seededShuffle(model.get("cases"), "triage-order");

  const root = h("div", { className: "npc-widget npc-triage", "data-widget": "triage" });
  const note = h("p", { className: "npc-note", "data-role": "storage-note", role: "status" }, saved.note);
  note.hidden = !saved.note;
  const score = h("p", { className: "npc-triage-score", "data-role": "score", "aria-live": "polite" });
  const scale = h(
    "details",
    { className: "npc-triage-scale" },
    h("summary", {}, "The urgency scale used here"),
    h(
      "ol",
      {},
      levels.map((level) => h("li", {}, h("strong", {}, `${level.label}: `), level.meaning)),
    ),
  );
  root.append(
    h("h3", {}, "Red-flag triage practice"),
    h(
      "p",
      {},
      "For each patient, choose how urgently they need care. Choosing more urgent care than needed is cautious and safe; choosing less urgent care is not.",
    ),
    scale,
    note,
    score,
  );

  const views = cases.map((item, index) => {
    const feedback = h("div", { className: "npc-feedback", "data-role": "feedback", "aria-live": "polite" });
    const headingId = uniqueId("triage-case");
    const buttons = levels.map((level) =>
      h(
        "button",
        { type: "button", "data-choice": level.id, "aria-pressed": "false", onclick: () => choose(item, level.id) },
        level.label,
      ),
    );
    const card = h(
      "div",
      { className: "npc-triage-case", "data-case-id": item.id },
      h("p", { id: headingId }, h("strong", {}, `Case ${index + 1}. `), item.vignette),
      h("div", { role: "group", "aria-labelledby": headingId, className: "npc-triage-choices" }, buttons),
      feedback,
    );
    root.append(card);
    return { item, feedback, buttons };
  });
  el.append(root);

  function choose(item, level) {
    answers = Object.assign({}, answers, { [item.id]: level });
    save(TRIAGE_STORAGE_KEY, answers);
    publish();
  }

  function publish() {
    const verdicts = cases.map((c) => answers[c.id] && triageVerdict(levelIds, answers[c.id], c.answer));
    syncTrait(model, "answers", answers);
    syncTrait(model, "score", verdicts.filter((v) => v === "right" || v === "over").length);
    syncTrait(model, "exact", verdicts.filter((v) => v === "right").length);
    show();
  }

  function feedbackFor(item, verdict) {
    const needed = labels[item.answer];
    const head = {
      right: [h("strong", { className: "npc-verdict" }, "Right."), ` This case needs: ${needed}.`],
      over: [
        h("strong", { className: "npc-verdict" }, "More cautious than needed: acceptable and safe."),
        ` This case needs: ${needed}. Sending someone sooner than necessary costs time, not safety.`,
      ],
      under: [h("strong", { className: "npc-verdict" }, "Unsafe: not urgent enough."), ` This case needs: ${needed}.`],
    }[verdict];
    return [
      h("p", {}, ...head),
      h("p", {}, h("strong", {}, "Deciding features: "), item.features),
      h("p", {}, item.why),
      h("p", { className: "npc-muted" }, "Source: ", item.citation),
    ];
  }

  function show() {
    let safe = 0,
      exact = 0,
      answered = 0;
    for (const { item, feedback, buttons } of views) {
      const chosen = answers[item.id];
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.choice === chosen)));
      if (!chosen) {
        feedback.replaceChildren();
        delete feedback.dataset.correct;
        delete feedback.dataset.verdict;
        continue;
      }
      const verdict = triageVerdict(levelIds, chosen, item.answer);
      answered += 1;
      if (verdict !== "under") safe += 1;
      if (verdict === "right") exact += 1;
      feedback.dataset.correct = String(verdict === "right");
      feedback.dataset.verdict = verdict;
      feedback.replaceChildren(...feedbackFor(item, verdict));
    }
    score.textContent = `Safe decisions: ${safe} of ${cases.length} (${exact} exactly as keyed) · ${answered} answered`;
  }

  // Answers set from Python replace the browser's copy too, or a reload would undo them.
  function onKernelAnswers() {
    answers = Object.assign({}, model.get("answers"));
    save(TRIAGE_STORAGE_KEY, answers);
    show();
  }
  model.on("change:answers", onKernelAnswers);
  if (saved.value) publish();
  else show();
  return () => model.off("change:answers", onKernelAnswers);
}

export default { render };
