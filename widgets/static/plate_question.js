/* A `type: hotspot` question answered on the anatomy plate (for the Quiz and the review deck).
 *
 * It wraps common.js's renderQuestion, so checking, tries, "Show answer", feedback and scoring
 * stay exactly as for every other item: the item is given one (hidden) radio per structure,
 * and picking a structure in the picture ticks its radio. The picture is the input: one tab
 * stop, arrow keys between structures, Enter or Space to pick; structures carry neutral
 * descriptions, never their names, until the question is closed.
 *
 * `plates` is NerveDiagram.question_plate(): { svg, anatomy_box, focus_order, regions: [{id, label, where}] }
 * for the posterior-thigh plate, and under `others` the same for another plate an item names
 * (`item.plate`, e.g. "lumbar-spine").
 */
function renderHotspotQuestion(item, options, plates) {
  const plateName = item.plate || "posterior-thigh";
  const plate = plates.others?.[plateName] || plates;
  const byLabel = Object.fromEntries(plate.regions.map((r) => [r.label, r]));
  const everyStructure = Object.assign({}, item, { type: "single", options: plate.regions.map((r) => r.label) });
  const inner = renderQuestion(everyStructure, options);
  const fieldset = inner.element;
  fieldset.dataset.type = "hotspot";
  fieldset.classList.add("npc-hotspot");

  const figure = h("div", { className: "npc-hotspot-figure", "data-plate": plateName });
  const chosenNote = h(
    "p",
    { className: "npc-muted", "data-role": "hotspot-choice", "aria-live": "polite" },
    "Pick a structure in the picture, then press Check.",
  );
  figure.innerHTML = plate.svg;
  const svg = scopeSvgIds(figure.querySelector("svg"));
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.querySelector("title")?.remove();
  svg.setAttribute("viewBox", plate.anatomy_box.join(" "));
  svg.setAttribute("role", "group");
  svg.setAttribute(
    "aria-label",
    "Picture to answer on: use the arrow keys to move between structures, Enter to pick one.",
  );
  svg.querySelector(".np-labels")?.remove(); // a labelled picture would give the answer away
  const firstOption = fieldset.querySelector(".npc-option");
  fieldset.insertBefore(h("div", {}, figure, chosenNote), firstOption);

  const radios = Object.fromEntries(
    Array.from(fieldset.querySelectorAll(".npc-option input")).map((input) => [input.value, input]),
  );
  const order = plate.focus_order.filter((id) => svg.querySelector(`g[data-svg-id="${id}"]`));
  const groups = {};
  order.forEach((id, index) => {
    const group = svg.querySelector(`g[data-svg-id="${id}"]`);
    const region = plate.regions.find((r) => r.id === id);
    group.dataset.region = id;
    group.setAttribute("role", "button");
    group.setAttribute("tabindex", index === 0 ? "0" : "-1");
    group.setAttribute("aria-pressed", "false");
    group.dataset.neutralName = `Structure ${index + 1}: ${region.where}`;
    group.setAttribute("aria-label", group.dataset.neutralName);
    activateOn(group, () => pick(id));
    groups[id] = group;
  });

  function pick(id) {
    const radio = radios[plate.regions.find((r) => r.id === id).label];
    if (!radio || radio.disabled) return;
    radio.checked = true;
    for (const [regionId, group] of Object.entries(groups)) {
      group.setAttribute("aria-pressed", String(regionId === id));
      group.setAttribute("tabindex", regionId === id ? "0" : "-1");
    }
    chosenNote.textContent = `Your choice: ${groups[id].dataset.neutralName}. Press Check when you are sure.`;
  }

  svg.addEventListener("keydown", (event) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const at = Math.max(0, order.indexOf(document.activeElement?.dataset?.region));
    const next = order[(at + step + order.length) % order.length];
    Object.entries(groups).forEach(([id, group]) => group.setAttribute("tabindex", id === next ? "0" : "-1"));
    groups[next].focus();
  });

  /** After renderQuestion marks its (hidden) options, show the same marks on the picture. */
  function show(entry) {
    inner.show(entry);
    const closed = Boolean(entry?.closed);
    for (const [id, group] of Object.entries(groups)) {
      const label = plate.regions.find((r) => r.id === id).label;
      const option = fieldset.querySelector(`.npc-option[data-option="${CSS.escape(label)}"]`);
      const mark = option ? option.dataset.mark : undefined;
      if (mark) group.dataset.mark = mark;
      else delete group.dataset.mark;
      group.setAttribute("aria-pressed", String(Boolean(radios[label]?.checked)));
      // Names come back once the question is closed: now they teach rather than give away.
      group.setAttribute("aria-label", closed ? label : group.dataset.neutralName);
    }
    if (!entry) chosenNote.textContent = "Pick a structure in the picture, then press Check.";
    else if (closed) chosenNote.textContent = `The answer is outlined in the picture: ${item.answer}.`;
  }

  return { element: fieldset, show, focus: () => (svg.querySelector("[tabindex='0']") || svg).focus() };
}
