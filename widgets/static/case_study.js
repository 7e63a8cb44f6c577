/* CaseStudy: a clinical case in stages. Each stage shows its presentation, takes one committed
 * decision, and only then reveals feedback, findings and model reasoning. Text arrives as HTML
 * that widgets/case_study.py already sanitised; everything else is built as text nodes.
 * Judging and checking decisions is case_decisions.js, their inputs case_controls.js (parts
 * prepended to this file by widgets/_base.py). */

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

export default { render };
