/* One anatomy plate inside NerveDiagram (a shared part of nerve_diagram.js, see widgets/_base.py
 * es_module parts): the plate's SVG in its own [data-plate] element, each structure a button,
 * one tab stop per plate (roving tabindex) and the arrow keys moving between structures in the
 * plate's anatomical order (its focus_order). Names are neutral while a find prompt is open.
 * Also the panels that say what a structure is and where a cause acts. */

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

/**
 * plate: the widget's plate payload { plate, title, viewbox, anatomy_box, focus_order, covered };
 * byId: region panel data by id (label, kind, where); covered(): ids the current layer hides.
 */
function mountPlate({ svgText, plate, byId, describedBy, onChoose, covered = () => [] }) {
  const figure = h("div", { className: "npc-diagram-figure", "data-plate": plate.plate });
  figure.innerHTML = svgText;
  const svg = scopeSvgIds(figure.querySelector("svg"));
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.removeAttribute("data-plate"); // the figure is the plate's one [data-plate] element
  svg.querySelector("title")?.remove(); // the plate's name is the group's label; no tooltip
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", `${plate.title}. One stop: use the arrow keys to move between structures.`);
  svg.setAttribute("aria-describedby", describedBy);

  const elements = {};
  for (const id of plate.focus_order) {
    const group = svg.querySelector(`g[data-svg-id="${id}"]`);
    if (!group || !byId[id]) continue;
    group.setAttribute("data-region", id);
    group.setAttribute("data-kind", byId[id].kind);
    group.setAttribute("role", "button");
    group.setAttribute("tabindex", "-1");
    activateOn(group, () => onChoose(id));
    group.addEventListener("focus", () => setRoving(id));
    elements[id] = group;
  }
  const sheets = Object.fromEntries(
    Array.from(svg.querySelectorAll("[data-sheet-for]")).map((node) => [node.dataset.sheetFor, node]),
  );

  const order = plate.focus_order.filter((id) => elements[id]);
  let rovingId = order[0];
  const reachable = () => order.filter((id) => !covered().includes(id));
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

  return {
    plate,
    figure,
    svg,
    elements,
    sheets,
    order,
    setRoving,
    /** After a layer change: keep the tab stop on a structure that can still be reached. */
    keepReachable() {
      if (!reachable().includes(rovingId)) setRoving(reachable()[0]);
    },
    /** Names, or while a find prompt is open neutral descriptions ("Structure 3: ..."). */
    nameStructures(neutral) {
      order.forEach((id, index) => {
        elements[id].setAttribute("aria-label", neutral ? `Structure ${index + 1}: ${byId[id].where}` : byId[id].label);
      });
    },
    /** Without labels the picture is cropped to the anatomy, so it is drawn larger. */
    setLabels(on) {
      svg.setAttribute("viewBox", (on ? plate.viewbox : plate.anatomy_box).join(" "));
    },
  };
}
