/* NerveDiagram: the anatomy plates (posterior thigh; lumbar spine at L4-L5). Each plate is one
 * tab stop; arrow keys move between its structures (roving tabindex, plate_view.js);
 * Enter/Space or a click selects. A labelled switch chooses the plate. "find" mode asks for
 * structures by description and scores only those found at the first try; "causes" mode
 * marks where each cause acts, on the plate that shows it. Zoom: plate_zoom.js. The SVGs
 * come from images/make_nerve_diagram.py and make_lumbar_plate.py. */
const FIND_KEY = "npc-nerve-find:v1";
const HINT_AFTER = 2;
const SHOW_ME_AFTER = 3;
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

const PLATE_NAMES = { "posterior-thigh": "Buttock and thigh", "lumbar-spine": "Lumbar spine (L4-L5)" };

function renderMode({ model, el }) {
  const mode = model.get("mode");
  const regions = model.get("region_data");
  const byId = Object.fromEntries(regions.map((r) => [r.id, r]));
  const isFind = mode === "find";

  const root = h("div", {
    className: "npc-widget npc-diagram",
    "data-widget": "nerve-diagram",
    "data-mode": mode,
    "data-labels": isFind ? "off" : "on",
    "data-layer": "deep",
  });
  const heading = h("p", { className: "npc-muted", "data-role": "plate-title" }, model.get("title"));
  const side = h("div", { className: "npc-diagram-side" });
  const panel = h("div", { className: "npc-diagram-panel", "data-role": "region-info", "aria-live": "polite" });

  const tools = h("div", { className: "npc-diagram-tools", role: "group", "aria-label": "Picture options" });
  const labelsButton = h("button", { type: "button", "data-action": "labels", "aria-pressed": "true" }, "Show labels");
  const layerButton = h(
    "button",
    { type: "button", "data-action": "layer", "aria-pressed": "false" },
    "Gluteus maximus in place",
  );
  const zoomInButton = h("button", { type: "button", "data-action": "zoom-in", "aria-label": "Zoom in" }, "+");
  const zoomOutButton = h(
    "button",
    { type: "button", "data-action": "zoom-out", "aria-label": "Zoom out", disabled: true },
    "−",
  );

  /* --- the plates: each in its own [data-plate] element, one shown at a time --- */
  const payloads = [model.get("plate")];
  if (!isFind && model.get("lumbar_svg")) payloads.push(model.get("lumbar_plate"));
  const svgs = { [payloads[0].plate]: model.get("svg"), "lumbar-spine": model.get("lumbar_svg") };
  const stage = h("div", { className: "npc-diagram-stage" });
  const plates = {};
  const zooms = {};
  const descriptions = {};
  for (const payload of payloads) {
    const descriptionId = uniqueId("plate-description");
    descriptions[payload.plate] = h(
      "details",
      { className: "npc-diagram-description", id: descriptionId, "data-description-for": payload.plate },
      h("summary", {}, "The picture in words"),
      ...payload.description.map((text) => h("p", {}, text)),
    );
    const view = mountPlate({
      svgText: svgs[payload.plate],
      plate: payload,
      byId,
      describedBy: descriptionId,
      onChoose: (id) => choose(id),
      covered: () => (root.dataset.layer === "superficial" ? payload.covered : []),
    });
    plates[payload.plate] = view;
    zooms[payload.plate] = attachZoom(view.figure, view.svg, () => showZoom());
    stage.append(view.figure);
  }
  const elements = Object.assign({}, ...Object.values(plates).map((view) => view.elements));
  const sheets = Object.assign({}, ...Object.values(plates).map((view) => view.sheets));
  const plateOf = (id) => byId[id]?.plate || payloads[0].plate;
  let shown = payloads[0].plate;

  const switchButtons = payloads.map((payload) =>
    h(
      "button",
      {
        type: "button",
        "data-action": "plate",
        "data-plate-choice": payload.plate,
        "aria-pressed": "false",
        onclick: () => showPlate(payload.plate),
      },
      PLATE_NAMES[payload.plate] || payload.plate,
    ),
  );
  const plateSwitch = h(
    "div",
    { className: "npc-diagram-switch", role: "group", "aria-label": "Picture" },
    switchButtons,
  );

  function showZoom() {
    zoomInButton.disabled = zooms[shown].atMost;
    zoomOutButton.disabled = zooms[shown].atLeast;
  }
  function showPlate(name) {
    shown = name;
    heading.textContent = plates[name].plate.title;
    for (const [plateName, view] of Object.entries(plates)) view.figure.hidden = plateName !== name;
    for (const [plateName, details] of Object.entries(descriptions)) details.hidden = plateName !== name;
    switchButtons.forEach((button) => button.setAttribute("aria-pressed", String(button.dataset.plateChoice === name)));
    root.dataset.shownPlate = name;
    layerButton.hidden = plates[name].plate.covered.length === 0; // only the posterior plate has layers
    showZoom();
  }

  if (!isFind) tools.append(labelsButton);
  if (mode === "explore") tools.append(layerButton);
  tools.append(zoomInButton, zoomOutButton);
  zoomInButton.addEventListener("click", () => zooms[shown].zoomIn());
  zoomOutButton.addEventListener("click", () => zooms[shown].zoomOut());

  root.append(
    heading,
    h(
      "div",
      { className: "npc-diagram-layout" },
      side,
      h(
        "div",
        { className: "npc-diagram-picture" },
        payloads.length > 1 ? plateSwitch : "",
        tools,
        stage,
        ...Object.values(descriptions),
      ),
    ),
  );
  el.append(root);

  const nameStructures = (neutral) => Object.values(plates).forEach((view) => view.nameStructures(neutral));

  /* --- labels and layers --- */
  function setLabels(on) {
    root.dataset.labels = on ? "on" : "off";
    labelsButton.setAttribute("aria-pressed", String(on));
    Object.values(plates).forEach((view) => view.setLabels(on));
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
    plates[shown].keepReachable();
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
    plates[plateOf(regionId)].setRoving(regionId);
    if (isFind && currentPrompt()) findChoose(regionId);
    else syncTrait(model, "selected", model.get("selected") === regionId ? "" : regionId); // a second press clears it
  }

  function showSelection() {
    const selected = model.get("selected");
    if (selected && plateOf(selected) !== shown && plates[plateOf(selected)]) showPlate(plateOf(selected));
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
    if (chosen && plates[chosen.plate]) showPlate(chosen.plate); // the plate where the cause acts
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
  showPlate(shown);
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
