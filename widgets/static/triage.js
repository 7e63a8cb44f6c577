/* RedFlagTriage: one card per case, three choices, feedback naming the deciding features. */

function render({ model, el }) {
  const cases = model.get("cases");
  const choices = model.get("choices");
  const root = h("div", { className: "npc-widget npc-triage", "data-widget": "triage" });
  const score = h("p", { "data-role": "score", "aria-live": "polite" });
  root.append(h("h3", {}, "Red-flag triage practice"), score);
  let answers = Object.assign({}, model.get("answers"));

  const views = cases.map((item, index) => {
    const feedback = h("div", { "data-role": "feedback", "aria-live": "polite" });
    const buttons = Object.entries(choices).map(([value, label]) =>
      h("button", { type: "button", "data-choice": value, "aria-pressed": "false", onclick: () => choose(item, value) }, label));
    const card = h("section", { className: "npc-triage-case", "data-case-id": item.id, "aria-label": `Case ${index + 1}` },
      h("p", {}, h("strong", {}, `Case ${index + 1}. `), item.vignette),
      h("div", { role: "group", "aria-label": `How urgent is case ${index + 1}?` }, buttons),
      feedback);
    root.append(card);
    return { item, feedback, buttons };
  });
  el.append(root);

  function choose(item, value) {
    answers = Object.assign({}, answers, { [item.id]: value });
    syncTrait(model, "answers", answers);
    syncTrait(model, "score", cases.filter((c) => answers[c.id] === c.answer).length);
    show();
  }

  function show() {
    for (const { item, feedback, buttons } of views) {
      const chosen = answers[item.id];
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.choice === chosen)));
      if (!chosen) { feedback.replaceChildren(); delete feedback.dataset.correct; continue; }
      const right = chosen === item.answer;
      feedback.dataset.correct = String(right);
      feedback.replaceChildren(
        h("p", {}, h("strong", {}, right ? "Right. " : `Not quite: the safer answer is "${choices[item.answer]}". `),
          `Deciding features: ${item.features}`),
        h("p", {}, item.why),
        h("p", { className: "npc-muted" }, "Source: ", item.citation),
      );
    }
    const right = cases.filter((c) => answers[c.id] === c.answer).length;
    score.textContent = `${right} / ${cases.length} correct`;
  }
  show();
}

export default { render };
