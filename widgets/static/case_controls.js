/* A case study's inputs (a part of the CaseStudy module, widgets/case_study.py): the control
 * for each kind of decision, including the ranking list ordered by dragging or by buttons. */

/** The input for one decision: { element, value() }. Committed decisions show their value, disabled. */
function decisionControl(decision, base, entry, draftValue) {
  const initial = entry ? entry.value : draftValue;
  const locked = Boolean(entry);
  const fieldset = h("fieldset", { className: "npc-case-decision", "data-decision-type": decision.type });
  fieldset.append(h("legend", {}, setSanitisedHtml(h("div", { className: "npc-case-prompt" }), decision.prompt_html)));
  if (decision.type === "ranking") {
    const ranking = rankingControl(decision, base, Array.isArray(initial) ? initial : null, locked);
    fieldset.append(ranking.element);
    return { element: fieldset, value: ranking.value };
  }
  if (decision.type === "free_text") {
    const area = h("textarea", { id: `${base}-text`, rows: "4", "data-role": "free-text" });
    area.value = typeof initial === "string" ? initial : "";
    area.disabled = locked;
    fieldset.append(h("label", { for: area.id }, "Your answer"), area);
    return { element: fieldset, value: () => area.value.trim() };
  }
  const kind = decision.type === "multiple" ? "checkbox" : "radio";
  const chosen = initial ? [].concat(initial) : [];
  const inputs = decision.options.map((option, index) => {
    const input = h("input", { type: kind, name: `${base}-choice`, id: `${base}-option-${index}`, value: option.id });
    input.checked = chosen.includes(option.id);
    input.disabled = locked;
    const label = h(
      "label",
      { for: input.id },
      option.text,
      option.hint ? h("span", { className: "npc-case-hint" }, option.hint) : "",
    );
    fieldset.append(h("div", { className: "npc-option" }, input, label));
    return input;
  });
  const value = () =>
    kind === "checkbox"
      ? inputs.filter((i) => i.checked).map((i) => i.value)
      : (inputs.find((i) => i.checked) || { value: null }).value;
  return { element: fieldset, value };
}

/** Put options in order by dragging, or with the Move up / Move down buttons on each item. */
function rankingControl(decision, base, initialOrder, locked) {
  const order = initialOrder ? initialOrder.slice() : decision.options.map((o) => o.id);
  const list = h("ol", { className: "npc-case-ranking", "data-role": "ranking" });
  const status = h("p", { className: "npc-case-sr-only", "aria-live": "polite" });
  const help = h(
    "p",
    { className: "npc-muted", id: `${base}-ranking-help` },
    "First place at the top. Drag an item, or use its Move up and Move down buttons.",
  );
  let dragged = null;

  function move(from, to, focusDirection) {
    if (to < 0 || to >= order.length || from === to) return;
    const [id] = order.splice(from, 1);
    order.splice(to, 0, id);
    drawList();
    status.textContent = `${optionText(decision, id)} moved to position ${to + 1} of ${order.length}.`;
    if (focusDirection) {
      const item = list.children[to];
      const wanted = item.querySelector(`button[data-move="${focusDirection}"]`);
      (wanted && !wanted.disabled ? wanted : item.querySelector("button:not([disabled])")).focus();
    }
  }

  function drawList() {
    list.replaceChildren(
      ...order.map((id, index) => {
        const text = optionText(decision, id);
        // Flex items lose their list marker, so the place is drawn (the list still reads as ordered).
        const item = h(
          "li",
          { "data-option-id": id, draggable: locked ? "false" : "true", className: "npc-case-rank-item" },
          h("span", { className: "npc-case-rank-place", "aria-hidden": "true" }, `${index + 1}.`),
          h("span", { className: "npc-case-rank-text" }, text),
        );
        if (!locked) {
          const up = h(
            "button",
            {
              type: "button",
              "data-move": "up",
              "aria-label": `Move up: ${text}`,
              onclick: () => move(index, index - 1, "up"),
            },
            "Move up",
          );
          const down = h(
            "button",
            {
              type: "button",
              "data-move": "down",
              "aria-label": `Move down: ${text}`,
              onclick: () => move(index, index + 1, "down"),
            },
            "Move down",
          );
          up.disabled = index === 0;
          down.disabled = index === order.length - 1;
          item.append(h("span", { className: "npc-case-rank-buttons" }, up, down));
          item.addEventListener("dragstart", (event) => {
            dragged = index;
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", id);
            item.classList.add("npc-case-dragging");
          });
          item.addEventListener("dragend", () => item.classList.remove("npc-case-dragging"));
          item.addEventListener("dragover", (event) => {
            event.preventDefault();
          });
          item.addEventListener("drop", (event) => {
            event.preventDefault();
            if (dragged !== null) move(dragged, index, null);
            dragged = null;
          });
        }
        return item;
      }),
    );
  }

  drawList();
  list.setAttribute("aria-describedby", help.id);
  return { element: h("div", {}, locked ? "" : help, list, status), value: () => order.slice() };
}
