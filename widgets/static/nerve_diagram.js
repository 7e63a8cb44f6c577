/* NerveDiagram: the posterior-thigh anatomy plate. One tab stop; arrow keys move between
 * structures (roving tabindex); Enter/Space or a click selects. "find" mode asks for
 * structures by description and scores only those found at the first try; "causes" mode
 * marks where each cause acts. The SVG comes from images/make_nerve_diagram.py. */

const FIND_KEY = "npc-nerve-find:v1";
const HINT_AFTER = 2;
const SHOW_ME_AFTER = 3;
const touchWords = () => window.matchMedia?.("(pointer: coarse)").matches;

function regionPanel(region) {
  if (!region) {
    const how = touchWords() ? "tap it" : "click it, or Tab to the picture, move with the arrow keys and press Enter";
    return [h("p", { className: "npc-muted" }, `Select a structure in the picture (${how}) to read about it.`)];
  }
  return [
    h("h4", {}, region.label),
    h("p", {}, h("strong", {}, "What it is: "), region.what),
    h("p", {}, h("strong", {}, "Nerve supply / roots: "), region.innervation),
    h("p", {}, h("strong", {}, "Why it matters: "), region.relevance),
    h("p", { className: "npc-muted" }, "Source: ", region.citation),
  ];
}

function causePanel(cause, byId) {
  if (!cause)
    return [h("p", { className: "npc-muted" }, "Choose a cause to see where it acts; choose it again to clear it.")];
  return [
    h("h4", {}, cause.label),
    h("p", {}, cause.mechanism),
    h(
      "p",
      {},
      h("strong", {}, "Where it acts (marked in the picture): "),
      cause.regions.map((id) => byId[id].label).join("; "),
    ),
    h("p", { className: "npc-muted" }, "Source: ", cause.citation),
  ];
}

/** Find-mode progress: { results: { regionId: { misses, done, revealed } } }. */
const validFindProgress = (value) =>
  value &&
  typeof value === "object" &&
  value.results &&
  typeof value.results === "object" &&
  Object.values(value.results).every(
    (r) => r && Number.isInteger(r.misses) && typeof r.done === "boolean" && typeof r.revealed === "boolean",
  );

/** The mode decides the whole layout, so a mode set from Python renders the view afresh. */
function render(context) {
  return renderEachMode(renderMode, context);
}

function renderMode({ model, el }) {
  const mode = model.get("mode");
  const regions = model.get("region_data");
  const byId = Object.fromEntries(regions.map((r) => [r.id, r]));
  const plate = model.get("plate");
  const isFind = mode === "find";

  const root = h("div", {
    className: "npc-widget npc-diagram",
    "data-widget": "nerve-diagram",
    "data-mode": mode,
    "data-labels": isFind ? "off" : "on",
    "data-layer": "deep",
  });
  const figure = h("div", { className: "npc-diagram-figure", "data-plate": plate.plate });
  const side = h("div", { className: "npc-diagram-side" });
  const panel = h("div", { className: "npc-diagram-panel", "data-role": "region-info", "aria-live": "polite" });
  const descriptionId = uniqueId("plate-description");
  const description = h(
    "details",
    { className: "npc-diagram-description", id: descriptionId },
    h("summary", {}, "The picture in words"),
    ...plate.description.map((text) => h("p", {}, text)),
  );

  const tools = h("div", { className: "npc-diagram-tools", role: "group", "aria-label": "Picture options" });
  const labelsButton = h("button", { type: "button", "data-action": "labels", "aria-pressed": "true" }, "Show labels");
  const layerButton = h(
    "button",
    { type: "button", "data-action": "layer", "aria-pressed": "false" },
    "Gluteus maximus in place",
  );
  const zoomIn = h("button", { type: "button", "data-action": "zoom-in", "aria-label": "Zoom in" }, "+");
  const zoomOut = h(
    "button",
    { type: "button", "data-action": "zoom-out", "aria-label": "Zoom out", disabled: true },
    "−",
  );
  if (!isFind) tools.append(labelsButton);
  if (mode === "explore") tools.append(layerButton);
  tools.append(zoomIn, zoomOut);

  root.append(
    h("p", { className: "npc-muted" }, model.get("title")),
    h(
      "div",
      { className: "npc-diagram-layout" },
      side,
      h("div", { className: "npc-diagram-picture" }, tools, figure, description),
    ),
  );
  el.append(root);

  figure.innerHTML = model.get("svg");
  const svg = scopeSvgIds(figure.querySelector("svg"));
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.querySelector("title")?.remove(); // the plate's name is the group's label; no tooltip
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", `${model.get("title")}. One stop: use the arrow keys to move between structures.`);
  svg.setAttribute("aria-describedby", descriptionId);

  const elements = {};
  for (const region of regions) {
    const group = svg.querySelector(`g[data-svg-id="${region.id}"]`);
    if (!group) continue;
    group.setAttribute("data-region", region.id);
    group.setAttribute("data-kind", region.kind);
    group.setAttribute("role", "button");
    group.setAttribute("tabindex", "-1");
    activateOn(group, () => choose(region.id));
    group.addEventListener("focus", () => setRoving(region.id));
    elements[region.id] = group;
  }
  const sheets = Object.fromEntries(
    Array.from(svg.querySelectorAll("[data-sheet-for]")).map((node) => [node.dataset.sheetFor, node]),
  );

  /* --- keyboard: one tab stop, arrow keys in anatomical order --- */
  const order = plate.focus_order.filter((id) => elements[id]);
  let rovingId = order[0];
  function reachable() {
    const covered = root.dataset.layer === "superficial" ? plate.covered_by_gluteus : [];
    return order.filter((id) => !covered.includes(id));
  }
  function setRoving(id) {
    rovingId = id;
    for (const [regionId, group] of Object.entries(elements))
      group.setAttribute("tabindex", regionId === id ? "0" : "-1");
  }
  svg.addEventListener("keydown", (event) => {
    const ids = reachable();
    const at = Math.max(0, ids.indexOf(rovingId));
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    let next = null;
    if (step) next = ids[(at + step + ids.length) % ids.length];
    else if (event.key === "Home") next = ids[0];
    else if (event.key === "End") next = ids[ids.length - 1];
    if (!next) return;
    event.preventDefault();
    setRoving(next);
    elements[next].focus();
  });
  setRoving(rovingId);

  /* --- names: structures are named, except while a find prompt is open --- */
  function nameStructures(neutral) {
    order.forEach((id, index) => {
      elements[id].setAttribute("aria-label", neutral ? `Structure ${index + 1}: ${byId[id].where}` : byId[id].label);
    });
  }

  /* --- zoom: the picture grows inside a scrolling frame (scroll, drag or swipe to pan) --- */
  const ZOOMS = [1, 1.5, 2, 3];
  let zoomStep = 0;
  let baseWidth = 0; // the picture's width unzoomed: zoom is relative to what the learner saw
  function setZoom(step) {
    if (zoomStep === 0) baseWidth = svg.getBoundingClientRect().width;
    const before = {
      x: (figure.scrollLeft + figure.clientWidth / 2) / figure.scrollWidth,
      y: (figure.scrollTop + figure.clientHeight / 2) / figure.scrollHeight,
    };
    zoomStep = Math.max(0, Math.min(ZOOMS.length - 1, step));
    figure.toggleAttribute("data-zoomed", zoomStep > 0);
    svg.style.width = zoomStep > 0 ? `${Math.round(ZOOMS[zoomStep] * baseWidth)}px` : "";
    figure.scrollLeft = before.x * figure.scrollWidth - figure.clientWidth / 2;
    figure.scrollTop = before.y * figure.scrollHeight - figure.clientHeight / 2;
    zoomIn.disabled = zoomStep === ZOOMS.length - 1;
    zoomOut.disabled = zoomStep === 0;
  }
  zoomIn.addEventListener("click", () => setZoom(zoomStep + 1));
  zoomOut.addEventListener("click", () => setZoom(zoomStep - 1));

  /* --- labels and layers --- */
  function setLabels(on) {
    root.dataset.labels = on ? "on" : "off";
    labelsButton.setAttribute("aria-pressed", String(on));
    // Without labels the picture is cropped to the anatomy, so it is drawn larger.
    svg.setAttribute("viewBox", (on ? plate.viewbox : plate.anatomy_box).join(" "));
  }
  labelsButton.addEventListener("click", () => setLabels(root.dataset.labels !== "on"));
  layerButton.addEventListener("click", () => {
    const superficial = root.dataset.layer !== "superficial";
    root.dataset.layer = superficial ? "superficial" : "deep";
    layerButton.setAttribute("aria-pressed", String(superficial));
    // In place, gluteus maximus takes every click over the buttock; see-through, it lies under.
    const target = elements.gluteus_maximus;
    if (target) {
      const anatomy = target.parentNode;
      if (superficial) anatomy.append(target);
      else anatomy.prepend(target);
    }
    if (!reachable().includes(rovingId)) setRoving(reachable()[0]);
  });

  function markSelected(id) {
    for (const [regionId, group] of Object.entries(elements)) {
      group.setAttribute("aria-pressed", String(regionId === id));
      if (sheets[regionId]) sheets[regionId].toggleAttribute("data-selected", regionId === id);
    }
  }

  /* --- find mode --- */
  const promptBox = h("p", { className: "npc-note", "data-role": "find-prompt", "aria-live": "polite" });
  const feedback = h("div", { "data-role": "feedback", "aria-live": "polite" });
  const scoreBox = h("p", { "data-role": "score" });
  const hintButton = h("button", { type: "button", "data-action": "show-me", hidden: true }, "Show me");
  const restartButton = h("button", { type: "button", "data-action": "restart" }, "Start again");
  const progressNote = h("p", { className: "npc-muted", "data-role": "save-note" });
  const promptOrder = isFind ? seededShuffle(model.get("find_prompts"), "nerve-diagram-find") : [];
  let progress = { results: {} };

  function resultFor(regionId) {
    progress.results[regionId] = progress.results[regionId] || { misses: 0, done: false, revealed: false };
    return progress.results[regionId];
  }
  const currentPrompt = () => promptOrder.find((p) => !resultFor(p.region).done);
  const firstTry = () =>
    promptOrder.filter((p) => {
      const r = resultFor(p.region);
      return r.done && !r.revealed && r.misses === 0;
    }).length;

  function saveFind() {
    save(FIND_KEY, progress);
    syncTrait(
      model,
      "found",
      promptOrder.filter((p) => resultFor(p.region).done).map((p) => p.region),
    );
    syncTrait(model, "score", firstTry());
  }

  function showFindState() {
    const next = currentPrompt();
    const done = promptOrder.filter((p) => resultFor(p.region).done).length;
    nameStructures(Boolean(next));
    for (const [id, group] of Object.entries(elements))
      group.toggleAttribute("data-found", Boolean(progress.results[id]?.done));
    if (next) {
      const text = touchWords() ? next.prompt.replace(/^Click/, "Tap") : next.prompt;
      promptBox.replaceChildren(
        h("span", { className: "npc-muted" }, `Structure ${done + 1} of ${promptOrder.length}: `),
        text,
      );
    } else {
      promptBox.textContent = `You have been through all ${promptOrder.length} structures. Labels are back on; press Start again to try once more.`;
    }
    setLabels(!next);
    hintButton.hidden = !next || resultFor(next.region).misses < SHOW_ME_AFTER;
    scoreBox.textContent = `Score: ${firstTry()} / ${promptOrder.length} (found at the first try)`;
  }

  function verdict(correct, ...rest) {
    feedback.dataset.correct = String(correct);
    feedback.replaceChildren(
      h("p", {}, h("strong", { className: "npc-verdict" }, correct ? "Correct." : "Not quite."), ...rest),
    );
  }

  function findChoose(regionId) {
    const target = currentPrompt();
    if (!target) return;
    const result = resultFor(target.region);
    if (regionId === target.region) {
      result.done = true;
      verdict(
        true,
        ` You found it: ${byId[regionId].label}.`,
        result.misses === 0
          ? " Found at the first try."
          : ` Found after ${result.misses} ${result.misses === 1 ? "miss" : "misses"}, so it does not count towards your score.`,
      );
      syncTrait(model, "selected", regionId);
    } else {
      result.misses += 1;
      const rest = [` You chose: ${byId[regionId].label}. Try again.`];
      if (result.misses >= HINT_AFTER)
        rest.push(h("br"), h("em", {}, "Hint: "), `look for ${byId[target.region].where}.`);
      if (result.misses >= SHOW_ME_AFTER) rest.push(" Or press Show me.");
      verdict(false, ...rest);
    }
    saveFind();
    showFindState();
  }

  hintButton.addEventListener("click", () => {
    const target = currentPrompt();
    if (!target) return;
    Object.assign(resultFor(target.region), { done: true, revealed: true });
    elements[target.region].toggleAttribute("data-reveal", true);
    feedback.dataset.correct = "false";
    feedback.replaceChildren(
      h(
        "p",
        {},
        h("strong", { className: "npc-verdict" }, "Shown."),
        ` Here it is: the ${byId[target.region].label}, outlined in the picture. It does not count towards your score.`,
      ),
    );
    syncTrait(model, "selected", target.region);
    saveFind();
    showFindState();
  });
  restartButton.addEventListener("click", () => {
    progress = { results: {} };
    Object.values(elements).forEach((group) => group.removeAttribute("data-reveal"));
    delete feedback.dataset.correct;
    feedback.replaceChildren();
    progressNote.textContent = "";
    syncTrait(model, "selected", "");
    saveFind();
    showFindState();
  });

  /* --- causes mode --- */
  const causes = model.get("cause_data");
  const causeBox = h("div", { className: "npc-note", "data-role": "cause-info", "aria-live": "polite" });
  const causeButtons = causes.map((cause) =>
    h(
      "button",
      {
        type: "button",
        "data-cause": cause.id,
        "aria-pressed": "false",
        onclick: () => syncTrait(model, "cause", model.get("cause") === cause.id ? "" : cause.id),
      },
      cause.label,
    ),
  );

  function choose(regionId) {
    setRoving(regionId);
    if (isFind && currentPrompt()) findChoose(regionId);
    else syncTrait(model, "selected", model.get("selected") === regionId ? "" : regionId); // a second press clears it
  }

  function showSelection() {
    const selected = model.get("selected");
    markSelected(selected);
    panel.replaceChildren(...regionPanel(byId[selected]));
    // Causes mode shows one panel at a time: the structure's, or else the cause's.
    if (mode === "causes") {
      panel.hidden = !selected;
      causeBox.hidden = Boolean(selected);
    }
    if (isFind)
      panel.hidden =
        !selected ||
        Boolean(currentPrompt() && currentPrompt().region !== selected && !progress.results[selected]?.done);
  }

  function showCause() {
    const chosen = causes.find((cause) => cause.id === model.get("cause"));
    causeButtons.forEach((button) =>
      button.setAttribute("aria-pressed", String(button.dataset.cause === model.get("cause"))),
    );
    for (const [id, group] of Object.entries(elements))
      group.toggleAttribute("data-highlight", Boolean(chosen?.regions.includes(id)));
    causeBox.replaceChildren(...causePanel(chosen, byId));
    if (model.get("selected")) syncTrait(model, "selected", "");
  }

  if (isFind) {
    const saved = loadSaved(FIND_KEY, validFindProgress);
    if (saved.value) progress = saved.value;
    progressNote.textContent = saved.note;
    side.append(
      promptBox,
      feedback,
      h("div", { className: "npc-question-actions" }, hintButton, restartButton),
      scoreBox,
      progressNote,
    );
  }
  if (mode === "causes") {
    side.append(
      h(
        "div",
        { className: "npc-diagram-causes", role: "group", "aria-label": "Causes of nerve pain in the hamstring" },
        causeButtons,
      ),
      causeBox,
    );
  }
  side.append(panel);

  model.on("change:selected", showSelection);
  model.on("change:cause", showCause);
  if (isFind) showFindState();
  else {
    nameStructures(false);
    // On a phone the labelled plate is too small to read; it starts cropped to the anatomy
    // (larger), and "Show labels" brings the labels back.
    setLabels(!window.matchMedia("(max-width: 600px)").matches);
  }
  showSelection();
  if (mode === "causes") showCause();
  return () => {
    model.off("change:selected", showSelection);
    model.off("change:cause", showCause);
  };
}

export default { render };
