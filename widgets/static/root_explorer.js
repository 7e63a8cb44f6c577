/* RootLevelExplorer: placeholder ES module; the full widget replaces this. */
function render({ model, el }) {
  el.append(h("div", { className: "npc-widget", "data-widget": "root-explorer" }, "RootLevelExplorer (in development)"));
}

export default { render };
