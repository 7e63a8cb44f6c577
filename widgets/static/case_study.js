/* CaseStudy: a clinical case in stages. Each stage shows its presentation, takes one committed
 * decision, and only then reveals feedback, findings and model reasoning. Text arrives as HTML
 * that widgets/case_study.py already sanitised; everything else is built as text nodes. */

const CASE_PROGRESS_VERSION = 1;

function optionText(decision, id) {
  const option = decision.options.find((o) => o.id === id);
  return option ? option.text : String(id);
}

/** How a committed value compares with the key: correct is null where there is no key. */
function judgeDecision(decision, value) {
  const answer = decision.answer;
  switch (decision.type) {
    case "single":
      return { correct: value === answer, verdict: value === answer ? "right" : "wrong" };
    case "multiple": {
      const same = value.length === answer.length && answer.every((id) => value.includes(id));
      return { correct: same, verdict: same ? "right" : "wrong" };
    }
    case "ranking": {
      const top = decision.match_top;
      const same = answer.slice(0, top).every((id, index) => value[index] === id);
      return { correct: same, verdict: same ? "right" : "wrong" };
    }
    case "urgency": {
      const ids = decision.options.map((o) => o.id);
      const chosen = ids.indexOf(value),
        key = ids.indexOf(answer);
      // Levels are most urgent first: a smaller index is more cautious, which is never unsafe.
      if (chosen === key) return { correct: true, verdict: "right" };
      return chosen < key ? { correct: true, verdict: "over-triage" } : { correct: false, verdict: "under-triage" };
    }
    default:
      return { correct: null, verdict: "self-rated" };
  }
}

/** A committed value as text, or as a list when it holds several options (ordered for a ranking). */
function describeValue(decision, value) {
  if (decision.type === "free_text") return value;
  if (!Array.isArray(value)) return optionText(decision, value);
  return h(
    decision.type === "ranking" ? "ol" : "ul",
    { className: "npc-case-value" },
    value.map((id) => h("li", {}, optionText(decision, id))),
  );
}

function modelValue(decision) {
  return decision.type === "free_text" ? "See the model answer" : describeValue(decision, decision.answer);
}

/** Sanitised HTML of one paragraph, without its <p>, to sit inside a list item. */
function inlineHtml(html) {
  return setSanitisedHtml(h("span", {}), html.replace(/^<p>|<\/p>\s*$/g, ""));
}

function reasonItem(option) {
  return h("li", {}, h("strong", {}, `${option.text}: `), inlineHtml(option.why_html));
}

/** Each option the learner chose or the model includes, with where each stands and why. */
function optionVerdicts(decision, chosen) {
  const shown = decision.options.filter((o) => chosen.includes(o.id) || [].concat(decision.answer).includes(o.id));
  return h(
    "ul",
    { className: "npc-case-whys" },
    shown.map((option) => {
      const inModel = [].concat(decision.answer).includes(option.id);
      const mine = chosen.includes(option.id);
      const where = `${mine ? "you chose it" : "you left it out"}; ${inModel ? "in the model answer" : "not in the model answer"}`;
      return h("li", {}, h("strong", {}, option.text), ` (${where}). `, inlineHtml(option.why_html));
    }),
  );
}

/** A value of the right shape for its decision (saved progress is checked before use). */
function isValidValue(decision, value) {
  const ids = decision.options.map((o) => o.id);
  if (decision.type === "free_text") return typeof value === "string" && value.trim() !== "";
  if (decision.type === "single" || decision.type === "urgency") return ids.includes(value);
  if (!Array.isArray(value) || !value.every((id) => ids.includes(id)) || new Set(value).size !== value.length)
    return false;
  return decision.type === "multiple" ? value.length > 0 : value.length === ids.length;
}

function isValidCaseProgress(value, stages) {
  if (!value || typeof value !== "object" || value.version !== CASE_PROGRESS_VERSION) return false;
  const decisions = value.decisions;
  if (!decisions || typeof decisions !== "object" || Array.isArray(decisions)) return false;
  const committed = Object.keys(decisions).length;
  // Stages are committed in order, so saved decisions must be exactly the first N stages.
  return stages.every((stage, index) => {
    const entry = decisions[stage.id];
    if (index >= committed) return entry === undefined;
    return (
      entry &&
      typeof entry === "object" &&
      isValidValue(stage.decision, entry.value) &&
      (entry.rating === undefined || ["all", "some", "few"].includes(entry.rating))
    );
  });
}

/**
 * Saved progress, or a fresh start. Unreadable progress is copied to the first free numbered
 * key (never over an earlier one) before it is removed, and the learner is told where it went.
 */
function loadCaseProgress(key, stages) {
  let raw = null;
  try {
    raw = window.localStorage.getItem(key);
  } catch (_error) {
    return { decisions: null, note: "This browser does not allow saving progress.", canSave: false };
  }
  if (raw === null) return { decisions: null, note: "", canSave: true };
  try {
    const value = JSON.parse(raw);
    if (isValidCaseProgress(value, stages)) return { decisions: value.decisions, note: "", canSave: true };
  } catch (_error) {
    /* unreadable JSON: set aside below */
  }
  try {
    let n = 1;
    while (window.localStorage.getItem(`${key}:set-aside:${n}`) !== null) n += 1;
    const aside = `${key}:set-aside:${n}`;
    window.localStorage.setItem(aside, raw);
    window.localStorage.removeItem(key);
    return {
      decisions: null,
      canSave: true,
      note: `Saved progress for this case could not be read. It was set aside in this browser as "${aside}" and you are starting afresh.`,
    };
  } catch (_error) {
    // It could not be kept elsewhere, so it is left in place and this session saves nothing.
    return {
      decisions: null,
      canSave: false,
      note: "Saved progress for this case could not be read or set aside, so it was left untouched and this visit will not be saved.",
    };
  }
}

let caseWidgetCount = 0;

function render({ model, el }) {
  const data = model.get("case");
  const stages = data.stages;
  // Module state may be shared by several widgets on one page or fresh per widget: a counter
  // and a random part together keep every id on the page unique.
  const prefix = `npc-case-${++caseWidgetCount}-${Math.random().toString(36).slice(2, 8)}`;
  const storageKey = `npc-case:${data.id}:${data.hash}`;
  const loaded = loadCaseProgress(storageKey, stages);
  const fromModel = model.get("decisions");
  let decisions =
    loaded.decisions ||
    (isValidCaseProgress({ version: CASE_PROGRESS_VERSION, decisions: fromModel }, stages) ? fromModel : {});
  let note = loaded.note;

  const root = h("div", { className: "npc-widget npc-case", "data-widget": "case-study", "data-case-id": data.id });
  el.append(root);

  function persist() {
    if (loaded.canSave) {
      save(storageKey, { version: CASE_PROGRESS_VERSION, decisions });
    }
    const keyed = Object.values(decisions).filter((entry) => entry.correct === true).length;
    syncTrait(model, "decisions", decisions);
    syncTrait(model, "score", keyed);
    syncTrait(model, "completed", Object.keys(decisions).length === stages.length);
  }

  function commit(stage, value) {
    const { correct, verdict } = judgeDecision(stage.decision, value);
    decisions = Object.assign({}, decisions, { [stage.id]: { value, correct, verdict } });
    persist();
    draw(`#${prefix}-${stage.id}-feedback`);
  }

  function rate(stage, rating) {
    decisions = Object.assign({}, decisions, { [stage.id]: Object.assign({}, decisions[stage.id], { rating }) });
    persist();
    draw(`#${prefix}-${stage.id}-rate-${rating}`);
  }

  function restart() {
    decisions = {};
    note = "";
    // When unreadable progress could not be set aside it stays where it is, untouched.
    if (loaded.canSave) {
      try {
        window.localStorage.removeItem(storageKey);
      } catch (_error) {
        /* nothing saved */
      }
    }
    persist();
    draw(`#${prefix}-${stages[0].id}-heading`);
  }

  // The open stage's unsaved input, carried across a redraw (rating an earlier answer redraws).
  let openControl = null;

  function draw(focusSelector) {
    const draft =
      openControl && !decisions[openControl.stageId]
        ? { stageId: openControl.stageId, value: openControl.control.value() }
        : null;
    openControl = null;
    const committed = Object.keys(decisions).length;
    const done = committed === stages.length;
    const status = h(
      "p",
      { className: "npc-muted", "data-role": "progress" },
      done ? "Case complete." : `${committed} of ${stages.length} decisions committed.`,
    );
    const noteEl = h("p", { className: "npc-note", "data-role": "storage-note", role: "status" }, note);
    noteEl.hidden = !note;
    const restartButton = h(
      "button",
      { type: "button", "data-action": "restart", onclick: restart },
      "Restart the case",
    );
    const header = h(
      "div",
      { className: "npc-case-header" },
      h("h3", {}, data.title),
      h("p", { className: "npc-case-summary" }, data.summary),
      noteEl,
      h("div", { className: "npc-case-toolbar" }, status, restartButton),
    );
    const views = stages
      .slice(0, Math.min(committed + 1, stages.length))
      .map((stage, index) =>
        renderStage(stage, index, decisions[stage.id], draft && draft.stageId === stage.id ? draft.value : null),
      );
    root.replaceChildren(header, ...views, done ? renderSummary() : "");
    if (focusSelector) {
      const target = root.querySelector(focusSelector);
      if (target) target.focus();
    }
  }

  function renderStage(stage, index, entry, draftValue) {
    const base = `${prefix}-${stage.id}`;
    const heading = h(
      "h4",
      { id: `${base}-heading`, tabindex: "-1" },
      `Stage ${index + 1} of ${stages.length}: ${stage.title}`,
    );
    const section = h(
      "section",
      { className: "npc-case-stage", "data-case-stage": stage.id, "aria-labelledby": heading.id },
      heading,
      setSanitisedHtml(h("div", { className: "npc-case-presentation" }), stage.presentation_html),
    );
    const control = decisionControl(stage.decision, base, entry, draftValue);
    if (!entry) openControl = { stageId: stage.id, control };
    const commitNote = h("p", { className: "npc-case-commit-note", "data-role": "commit-note", "aria-live": "polite" });
    const commitButton = h(
      "button",
      { type: "button", "data-action": "commit", className: "npc-case-commit" },
      entry ? "Decision committed" : "Commit my decision",
    );
    commitButton.disabled = Boolean(entry);
    commitButton.addEventListener("click", () => {
      const value = control.value();
      if (!isValidValue(stage.decision, value)) {
        commitNote.textContent =
          stage.decision.type === "free_text"
            ? "Write your answer before committing."
            : "Choose an answer before committing.";
        return;
      }
      commit(stage, value);
    });
    section.append(control.element, h("div", { className: "npc-case-actions" }, commitButton), commitNote);
    if (entry) section.append(renderReveal(stage, base, entry));
    return section;
  }

  function renderReveal(stage, base, entry) {
    const decision = stage.decision;
    const feedback = h("div", {
      className: "npc-case-feedback",
      "data-role": "feedback",
      id: `${base}-feedback`,
      tabindex: "-1",
      "data-verdict": entry.verdict,
    });
    if (entry.correct !== null && entry.correct !== undefined) feedback.dataset.correct = String(entry.correct);
    const headline = {
      right: "Right: this is the model decision.",
      wrong: "Not the model decision.",
      "over-triage": "More cautious than needed: acceptable, and never unsafe.",
      "under-triage": "Unsafe: this is less urgent than the presentation needs.",
      "self-rated": "Compare your answer with the model answer, then rate it.",
    }[entry.verdict];
    const mark = entry.correct === true ? "✓ " : entry.correct === false ? "✗ " : "";
    feedback.append(
      h("p", { className: "npc-case-verdict" }, h("span", { "aria-hidden": "true" }, mark), h("strong", {}, headline)),
    );
    if (decision.type !== "multiple") {
      feedback.append(
        h(
          "div",
          { className: "npc-case-line" },
          h("span", { className: "npc-case-label" }, "Your decision: "),
          describeValue(decision, entry.value),
        ),
      );
    }
    if (decision.type === "free_text") {
      feedback.append(
        h("p", { className: "npc-case-label" }, "Model answer:"),
        setSanitisedHtml(h("div", { className: "npc-case-model" }), decision.model_answer_html),
        h("p", { className: "npc-case-label" }, "Key points to look for in your answer:"),
        h(
          "ul",
          {},
          decision.key_points.map((point) => h("li", {}, point)),
        ),
        ratingGroup(stage, base, entry),
      );
    } else {
      if (decision.type === "multiple") {
        feedback.append(optionVerdicts(decision, entry.value));
      } else if (decision.type === "ranking") {
        feedback.append(
          h("p", { className: "npc-case-label" }, "Model order, with reasons:"),
          h(
            "ol",
            { className: "npc-case-whys" },
            decision.answer.map((id) => reasonItem(decision.options.find((o) => o.id === id))),
          ),
        );
      } else {
        feedback.append(
          h(
            "div",
            { className: "npc-case-line" },
            h("span", { className: "npc-case-label" }, "Model decision: "),
            modelValue(decision),
          ),
        );
        const explained = Array.from(new Set([entry.value, decision.answer]))
          .map((id) => decision.options.find((o) => o.id === id))
          .filter((o) => o?.why_html);
        if (explained.length) feedback.append(h("ul", { className: "npc-case-whys" }, explained.map(reasonItem)));
      }
    }
    feedback.append(
      setSanitisedHtml(h("div", { className: "npc-case-explanation" }), decision.explanation_html),
      h("p", { className: "npc-muted" }, "Source: ", decision.citation),
    );
    return h(
      "div",
      { className: "npc-case-reveal", "data-role": "reveal" },
      feedback,
      h("h5", {}, "Findings"),
      setSanitisedHtml(h("div", { "data-role": "findings" }), stage.findings_html),
      h("h5", {}, "Model reasoning"),
      setSanitisedHtml(h("div", { "data-role": "reasoning" }), stage.reasoning_html),
      sourceList(stage.references),
    );
  }

  function ratingGroup(stage, base, entry) {
    const labels = { all: "I covered the key points", some: "I covered some of them", few: "I missed most of them" };
    return h(
      "div",
      { role: "group", "aria-label": "Rate your answer against the model answer", className: "npc-case-rating" },
      Object.entries(labels).map(([rating, label]) =>
        h(
          "button",
          {
            type: "button",
            id: `${base}-rate-${rating}`,
            "data-action": "rate",
            "data-rating": rating,
            "aria-pressed": String(entry.rating === rating),
            onclick: () => rate(stage, rating),
          },
          label,
        ),
      ),
    );
  }

  function renderSummary() {
    const rows = stages.map((stage, index) => {
      const entry = decisions[stage.id];
      const verdict = {
        right: "Model decision",
        wrong: "Differs",
        "over-triage": "More cautious (acceptable)",
        "under-triage": "Less urgent (unsafe)",
        "self-rated": `Self-rated: ${entry.rating || "not rated"}`,
      }[entry.verdict];
      // Explicit roles and labels keep the table readable when narrow screens lay rows out as cards.
      return h(
        "tr",
        { "data-stage": stage.id, role: "row" },
        h("th", { scope: "row", role: "rowheader" }, `${index + 1}. ${stage.title}`),
        h("td", { role: "cell", "data-label": "Your decision" }, describeValue(stage.decision, entry.value)),
        h("td", { role: "cell", "data-label": "Model decision" }, modelValue(stage.decision)),
        h("td", { role: "cell", "data-label": "Verdict", "data-verdict": entry.verdict }, verdict),
      );
    });
    const keyed = stages.filter((stage) => stage.decision.type !== "free_text").length;
    const right = Object.values(decisions).filter((entry) => entry.correct === true).length;
    return h(
      "section",
      { className: "npc-case-summary-section", "data-role": "summary", "aria-labelledby": `${prefix}-summary` },
      h("h4", { id: `${prefix}-summary` }, "Your path and the model path"),
      h(
        "p",
        { "data-role": "score" },
        `${right} of ${keyed} keyed decisions match the model (or were safely more cautious).`,
      ),
      h(
        "div",
        {
          className: "npc-case-table-wrap",
          tabindex: "0",
          role: "region",
          "aria-label": "Your path and the model path, by stage",
        },
        h(
          "table",
          { role: "table" },
          h(
            "thead",
            { role: "rowgroup" },
            h(
              "tr",
              { role: "row" },
              ["Stage", "Your decision", "Model decision", "Verdict"].map((t) =>
                h("th", { scope: "col", role: "columnheader" }, t),
              ),
            ),
          ),
          h("tbody", { role: "rowgroup" }, rows),
        ),
      ),
      h("h5", {}, "What happened"),
      setSanitisedHtml(h("div", { "data-role": "outcome" }), data.outcome_html),
      h("h5", {}, "Take-home points"),
      h(
        "ul",
        {},
        data.take_home.map((point) => h("li", {}, point)),
      ),
      sourceList(data.references),
    );
  }

  draw();
  // Progress restored from the browser reaches the kernel too, so the traits match the page.
  if (Object.keys(decisions).length) persist();
}

function sourceList(references) {
  if (!references.length) return "";
  return h(
    "div",
    { className: "npc-muted npc-case-sources" },
    h("p", {}, "Sources:"),
    h(
      "ul",
      {},
      references.map((reference) => h("li", {}, reference)),
    ),
  );
}

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

export default { render };
