/* TestAccuracy: placeholder ES module; the full widget replaces this. */
function render({ model, el }) {
  el.append(h("div", { className: "npc-widget", "data-widget": "test-accuracy" }, "TestAccuracy (in development)"));
}

export default { render };
